"""Command line: parse flags, call the library, print; user mistakes exit 1 with a message, never a traceback."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence

from .errors import PerfevalError
from .paths import UNITS_DIR


def _params_files(paths: Sequence[str]) -> list[Path]:
    if not paths:
        return sorted(UNITS_DIR.glob("*.yaml"))
    out: list[Path] = []
    for p in map(Path, paths):
        out += sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    return out


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate params files: schema, references into the framework, and a dry-run of the scoring."""
    from .core.engine import score_file

    files = _params_files(args.paths)
    bad = 0
    for f in files:
        try:
            score_file(f)
            print(f"ok      {f}")
        except PerfevalError as exc:
            bad += 1
            print(f"invalid {exc}", file=sys.stderr)
    print(f"{len(files) - bad} valid, {bad} invalid", file=sys.stderr if bad else sys.stdout)
    return 1 if bad or not files else 0


def cmd_score(args: argparse.Namespace) -> int:
    """Score one unit; print the sheet, or the unit result (the JSON contract) with --json."""
    from .result import evaluate_file

    result = evaluate_file(args.params)
    if args.json:
        print(result.to_json(), end="")
    else:
        from .outputs.textsheet import render

        print(render(result))
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    """Load frameworks (every rule, reading and figure checked) and report their arithmetic.

    A framework that does not load is an error (exit 1, every problem named by YAML path); arithmetic problems of
    one that loads are findings about the framework, printed with exit 0.
    """
    from .core.framework import available_frameworks, load_framework
    from .core.lint import lint_framework

    names = args.frameworks or list(available_frameworks())
    bad = 0
    for name in names:
        try:
            fw = load_framework(name)
        except PerfevalError as exc:
            bad += 1
            print(f"invalid {exc}", file=sys.stderr)
            continue
        print(f"{fw.id}  {fw.name}")
        for p in lint_framework(fw):
            print(f"  [{p.severity}] {p.code} {p.indicator}: {p.message}")
    return 1 if bad else 0


def cmd_run(args: argparse.Namespace) -> int:
    """Run units through the report notebook into outputs/ (HTML, index, CSV); exit 1 if any unit failed."""
    from .outputs.batch import run_batch
    from .fileio import parse_yaml

    parameters = {name: parse_yaml(value, f"-p {name}") for name, value in args.parameter or []}
    kwargs = {k: Path(v) for k, v in (("outputs", args.outputs), ("notebook", args.notebook)) if v}
    from .outputs.batch.summaries import write_batch_summaries

    problems: list[str] = []
    after = None if args.no_summaries else (lambda out, status: problems.extend(write_batch_summaries(out, status)))
    outcome = run_batch(args.units, workers=args.workers, timeout=args.timeout, failed_only=args.failed_only,
                        parameters=parameters, progress=not args.quiet, scheduler=args.scheduler,
                        after_units=after, **kwargs)
    for problem in problems:
        print(f"summary not written: {problem}", file=sys.stderr)
    for r in outcome.failed:
        where = f"  (notebook: {outcome.outputs / r.notebook})" if r.notebook else ""
        print(f"failed  {r.unit_id}: {r.reason}{where}", file=sys.stderr)
    done = len(outcome.results) - len(outcome.failed)
    print(f"{done} report(s) written, {len(outcome.failed)} failed; index: {outcome.outputs / 'index.html'}")
    return 1 if outcome.failed or problems else 0


def _refuse_overwrite(path: str, force: bool) -> None:
    if Path(path).exists() and not force:
        raise PerfevalError(f"{path} already exists; pass --force to replace it")


def cmd_excel_template(args: argparse.Namespace) -> int:
    """Write a blank intake workbook (基础数据表, 绩效自评表 and the other sheets) for a framework."""
    from .outputs.excel.template import write_template

    _refuse_overwrite(args.output, args.force)
    print(f"wrote {write_template(args.output, args.framework)}")
    return 0


def cmd_excel_export(args: argparse.Namespace) -> int:
    """Write a unit's params as a filled intake workbook (it reads back to the same params)."""
    from .outputs.excel.template import export_workbook

    _refuse_overwrite(args.output, args.force)
    print(f"wrote {export_workbook(args.params, args.output)}")
    return 0


def cmd_excel_import(args: argparse.Namespace) -> int:
    """Read a filled workbook into a params file; any problem is reported by sheet and cell and nothing is written."""
    from .outputs.excel.intake import import_workbook

    target, _, sheet = import_workbook(args.workbook, args.output, force=args.force)
    total = "not scored" if sheet.total_on_100 is None else f"{sheet.total_on_100:.2f} on 100"
    grade = f"grade {sheet.grade}" if sheet.grade else f"no grade ({sheet.grade_withheld_reason})"
    print(f"wrote {target}: {sheet.unit.name} {sheet.unit.year}, recomputed {total}, {grade}")
    return 0


def cmd_excel_summary(args: argparse.Namespace) -> int:
    """Evaluate params files and write the summary workbook; if any file is invalid, nothing is written."""
    from .outputs.excel.summary import write_summary_workbook
    from .result import evaluate_file

    scored, bad = [], 0
    for f in _params_files(args.paths):
        try:
            scored.append(evaluate_file(f))
        except PerfevalError as exc:
            bad += 1
            print(f"invalid {exc}", file=sys.stderr)
    if bad or not scored:
        print(f"{bad} invalid params file(s); nothing written" if bad else "no params files", file=sys.stderr)
        return 1
    print(f"wrote {write_summary_workbook(scored, args.output)} ({len(scored)} units)")
    return 0


def _add_excel(sub: argparse._SubParsersAction) -> None:
    excel = sub.add_parser("excel", help="Excel intake templates, workbook import and the summary workbook")
    esub = excel.add_subparsers(dest="excel_command", required=True)
    p = esub.add_parser("template", help="write a blank intake workbook")
    p.add_argument("--framework", default="A", help="A (附件1-1, default), B (绩效自评表) or a framework id")
    p.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_excel_template)
    p = esub.add_parser("export", help="write a unit's params as a filled intake workbook")
    p.add_argument("params", help="a unit's params file")
    p.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_excel_export)
    p = esub.add_parser("import", help="read a filled intake workbook into a params file")
    p.add_argument("workbook", help="the filled .xlsx workbook")
    p.add_argument("-o", "--output", help="the params file to write (default: params/units/<unit id>.yaml)")
    p.add_argument("--force", action="store_true", help="replace an existing params file")
    p.set_defaults(func=cmd_excel_import)
    p = esub.add_parser("summary", help="score params files and write the summary workbook")
    p.add_argument("paths", nargs="*", help="params files or folders (default: all under params/units/)")
    p.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    p.set_defaults(func=cmd_excel_summary)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="perfeval", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="validate params files (default: all under params/units/)")
    p.add_argument("paths", nargs="*", help="params files or folders")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("score", help="score one unit and print its score sheet")
    p.add_argument("params", help="a unit's params file")
    p.add_argument("--json", action="store_true", help="print the JSON contract instead of a table")
    p.set_defaults(func=cmd_score)
    p = sub.add_parser("lint", help="report framework arithmetic problems")
    p.add_argument("frameworks", nargs="*", help="framework ids or files (default: all shipped)")
    p.set_defaults(func=cmd_lint)
    p = sub.add_parser("run", help="run units through the report notebook into HTML reports, an index and a CSV")
    p.add_argument("units", nargs="*", help="params files, folders or unit ids (default: all under params/units/)")
    p.add_argument("-j", "--workers", type=int, help="worker processes (default: one per core)")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds allowed per unit (default: 600)")
    p.add_argument("--failed-only", action="store_true", help="re-run only the units that failed last time")
    p.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="another notebook parameter (value read as YAML), e.g. -p show_evidence false")
    p.add_argument("-o", "--outputs", help="output folder (default: outputs/)")
    p.add_argument("--notebook", help="the report notebook (default: notebooks/unit_report.ipynb)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on a dask cluster: a scheduler address (tcp://host:8786), or 'local' for a "
                        "LocalCluster on this machine (default: this machine's worker pool)")
    p.add_argument("--no-summaries", action="store_true",
                   help="skip the portfolio page and the summary workbook")
    p.set_defaults(func=cmd_run)
    _add_excel(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except PerfevalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
