"""Command line: parse flags, call the library, print; user mistakes exit 1 with a message, never a traceback.

Every line printed goes through perfeval.safetext: text from a unit or a file name cannot move the cursor,
clear the screen or forge a line.
"""
from __future__ import annotations

import argparse
import gc
import math
import os
import sys
from pathlib import Path
from typing import Callable, Sequence, TextIO

from .errors import PerfevalError, Terminated
from .paths import UNITS_DIR, not_regular_in, params_files_in
from .safetext import for_terminal, json_escaped, locale_free, one_line, shown_path

UNIT_TIMEOUT = 600.0  # seconds a unit may take in a batch, and a report to draft alone


def say(text: str, file: TextIO | None = None) -> None:
    """Print a message made safe for the terminal (stdout unless told)."""
    print(for_terminal(text), file=file or sys.stdout)


def _write_utf8(text: str) -> None:
    """Text a program reads (JSON) to stdout as UTF-8 whatever the locale or PYTHONIOENCODING asks (trial 7 X16: GBK
    bytes under PYTHONIOENCODING=gbk; JSON exchanged between programs is UTF-8, RFC 8259)."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # a test's capture, a notebook: text all the way
        print(text, end="")
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _default_units() -> list[Path]:
    """params/units/, where units are looked for when none are named; an install's working folder may lack it."""
    if not UNITS_DIR.is_dir():
        raise PerfevalError(f"{shown_path(UNITS_DIR)}: no such folder (the units when none are named); name params "
                            "files or folders, e.g. one that `perfeval samples` prints")
    return [UNITS_DIR]


def _params_files(paths: Sequence[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths) if paths else _default_units():
        found = params_files_in(p) if p.is_dir() else [p]
        for skipped in not_regular_in(p) if p.is_dir() else []:
            say(f"warning: {skipped}", sys.stderr)
        if not found:
            raise PerfevalError(f"{shown_path(p)}: no params files in this folder (*.yaml, *.yml)")
        out += found
    return out


def _refuse_empty_folders(names: Sequence[str]) -> None:
    """A folder given to `run` that holds neither params nor reports is a mistake (a wrong path, files not yet
    copied), not a batch of nothing: say so before anything is written."""
    from .outputs.batch.jobs import resolve_reports

    def holds_units(folder: Path) -> bool:
        return bool(params_files_in(folder) or resolve_reports([str(folder)])[0])

    for folder in map(Path, names) if names else [UNITS_DIR]:
        if folder.is_dir() and not holds_units(folder):
            below = [d for d in sorted(folder.iterdir()) if d.is_dir() and not d.is_symlink() and holds_units(d)]
            named = "、".join(shown_path(d.name) for d in below[:5]) + (f" and {len(below) - 5} more" if len(below) > 5
                                                                        else "")
            raise PerfevalError(f"{shown_path(folder)}: no units in this folder (no params *.yaml or *.yml, "
                                "no report .docx, .pdf or .txt)" + (
                                    f"; its subfolders {named} hold units: name them (perfeval run "
                                    f"{shown_path(folder)}/*/)" if below else ""))


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate params files: schema, references into the framework, and a dry-run of the scoring."""
    from .core.engine import load_unit

    files = _params_files(args.paths)
    bad = 0
    ids: dict[str, Path] = {}  # a unit id names the unit's outputs: a batch runs one file of an id, fails the others
    for f in files:
        try:
            uid = load_unit(f).params.unit.id
        except PerfevalError as exc:
            bad += 1
            say(f"invalid {exc}", sys.stderr)
            continue
        if uid in ids and Path(ids[uid]).resolve() != Path(f).resolve():
            bad += 1
            say(f"invalid {shown_path(f)}: unit.id {one_line(uid)!r} is also the id of {shown_path(ids[uid])}; a batch "
                "runs one of them and fails the other — delete a copy, or correct its unit.id", sys.stderr)
            continue
        ids[uid] = f
        say(f"ok      {shown_path(f)}")
    say(f"{len(files) - bad} valid, {bad} invalid", sys.stderr if bad else sys.stdout)
    return 1 if bad or not files else 0


def cmd_score(args: argparse.Namespace) -> int:
    """Score one unit; print the sheet, or the unit result (the JSON contract) with --json."""
    from .result import evaluate_file

    result = evaluate_file(args.params)
    if args.json:
        _write_utf8(json_escaped(result.to_json()))
    else:
        from .outputs.textsheet import render

        say(render(result))
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
            say(f"invalid {exc}", sys.stderr)
            continue
        say(f"{one_line(fw.id)}  {one_line(fw.name)}")
        for p in lint_framework(fw):
            say(f"  [{p.severity}] {p.code} {one_line(p.indicator)}: {one_line(p.message)}")
    return 1 if bad else 0


def cmd_run(args: argparse.Namespace) -> int:
    """Run units through the report notebook into outputs/ (HTML, index, CSV); exit 1 if any unit failed."""
    _refuse_empty_folders(args.units)
    from .outputs.batch import run_batch
    from .fileio import parse_yaml

    parameters = {name: parse_yaml(value, f"-p {name}") for name, value in args.parameter or []}
    kwargs = {k: Path(v) for k, v in (("outputs", args.outputs), ("notebook", args.notebook)) if v}
    from .outputs.batch.summaries import write_batch_summaries

    problems: list[str] = []
    after = None if args.no_summaries else (lambda out, status: problems.extend(write_batch_summaries(out, status)))
    outcome = run_batch(args.units, workers=args.workers, timeout=args.timeout, failed_only=args.failed_only,
                        force=args.force, parameters=parameters, progress=not args.quiet, scheduler=args.scheduler,
                        after_units=after, **kwargs)
    for problem in problems:
        say(f"summary not written: {problem}", sys.stderr)
    for r in outcome.failed:
        where = f"  (notebook: {shown_path(outcome.outputs / r.notebook)})" if r.notebook else ""
        say(f"failed  {r.unit_id}: {r.reason}{where}", sys.stderr)
    for r in outcome.not_run:
        say(f"not run {r.unit_id}: {r.reason}", sys.stderr)
    for warning in outcome.warnings:
        say(f"warning: {warning}", sys.stderr)
    for problem in outcome.problems:
        say(f"error: {problem}", sys.stderr)
    done = len(outcome.results) - len(outcome.failed) - len(outcome.not_run) - len(outcome.unchanged)
    kept = f", {len(outcome.unchanged)} unchanged" if outcome.unchanged else ""
    kept += f", {len(outcome.not_run)} not run (another file of their unit ran in their place)" if outcome.not_run else ""
    say(f"{done} report(s) written{kept}, {len(outcome.failed)} failed; index: "
        f"{shown_path(outcome.outputs / 'index.html')}")
    return 1 if outcome.failed or problems or outcome.problems else 0


def cmd_samples(args: argparse.Namespace) -> int:
    """Print the sample params that ship with perfeval, one path a line: units to score or copy, a framework variant.

    In a checkout they are the files of the repository's params/units/ and params/frameworks/; in an install, the
    package's copy of those the repository holds."""
    from .paths import SAMPLES_DIR

    for folder in ("units", "frameworks"):
        for path in params_files_in(SAMPLES_DIR / folder):
            print(for_terminal(str(path)))
    return 0


def check_output_file(path: str, force: bool = True) -> None:
    """Refuse, before any work, an output path that names a folder, lies under a file, or exists (without --force)."""
    target = Path(path)
    shown = shown_path(target)
    if target.is_dir():
        raise PerfevalError(f"{shown} is a folder; give the name of the file to write, e.g. {shown}/x.xlsx")
    blocking = next((p for p in target.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise PerfevalError(f"cannot write {shown}: {shown_path(blocking)} is a file, not a folder")
    if target.exists() and not force:
        raise PerfevalError(f"{shown} already exists; pass --force to replace it")


def _check_draft_outputs(report: Path, output: str | None, review: str | None) -> None:
    """Refuse, even with --force, an output that is the report being drafted, and a draft or review page named as
    another kind of file (`-o r.txt` wrote YAML over the report; `-o r.review.html` wrote
    YAML into a page). --force replaces earlier outputs, never the report itself."""
    for flag, path, what in (("-o", output, DRAFT), ("--review", review, REVIEW_PAGE)):
        if path:
            check_output_kind(flag, Path(path), what, [report], "the report being drafted")


OutputKind = tuple[str, tuple[str, ...]]  # what a command writes, and the suffixes it may be named with
DRAFT: OutputKind = ("draft", (".yaml", ".yml"))
REVIEW_PAGE: OutputKind = ("review page", (".html", ".htm"))
PARAMS_FILE: OutputKind = ("params file", (".yaml", ".yml"))
WORKBOOK: OutputKind = ("workbook", (".xlsx",))


def check_output_kind(flag: str, path: Path, kind: OutputKind, inputs: Sequence[Path], input_word: str) -> None:
    """Refuse, even with --force, an output named as another kind of file than the command writes, or that is one
    of the files it reads (a link to it, a hard link): `excel import wb.xlsx -o wb.xlsx --force` wrote YAML over the
    analyst's workbook, `excel export u.yaml -o u.yaml --force` a workbook over the params. --force replaces earlier
    outputs, never an input."""
    what, suffixes = kind
    if path.suffix.lower() not in suffixes:
        raise PerfevalError(f"{flag} {shown_path(path)}: name the {what} {' or '.join('*' + s for s in suffixes)}")
    if path.exists():
        for source in inputs:
            if source.exists() and os.path.samefile(path, source):
                raise PerfevalError(f"{flag} {shown_path(path)} is {input_word}; write the {what} to another file "
                                    f"(--force replaces earlier outputs, never {input_word.split(' being ')[0]})")


def _first_missing(folder: Path) -> Path | None:
    """The outermost of a folder and its parents that does not exist yet (writing into the folder makes it)."""
    missing = None
    for path in (folder, *folder.parents):
        if path.exists():
            break
        missing = path
    return missing


def cmd_draft(args: argparse.Namespace) -> int:
    """Read a unit's report into a draft params file and a review page; print what the draft holds."""
    import os

    from .core.params import RESERVED_NAMES, UNIT_ID

    if args.unit_id is not None and (not UNIT_ID.match(args.unit_id) or args.unit_id in RESERVED_NAMES):
        raise PerfevalError(f"--unit-id {one_line(args.unit_id)!r}: use 1-80 lower-case letters, digits, '_' or '-', "
                            "not a device name (con, nul …); it names the draft and the unit's output files")
    from .outputs.draft import Draft, summary
    from .outputs.draft.deadline import time_bound
    from .outputs.draft.parts import drafted_in_part
    from .outputs.draft.review import Links
    from .outputs.draft.writer import Settled, settled
    from .paths import DRAFTS_DIR

    def finish(draft: Draft) -> tuple[Path, Path, list[Path], Settled]:
        target = Path(args.output) if args.output else DRAFTS_DIR / f"{draft.unit_id}.yaml"
        review = Path(args.review) if args.review else target.with_suffix(".review.html")
        _check_draft_outputs(Path(args.report), str(target), str(review))
        for path in (target, review):
            check_output_file(str(path), args.force)
        made = sorted({_first_missing(p.parent) for p in (target, review)} - {None} if args.output or args.review
                      else [])
        links = Links(params=os.path.relpath(target.resolve(), review.resolve().parent))
        return target, review, made, settled(draft, target, links)

    _check_draft_outputs(Path(args.report), args.output, args.review)
    with time_bound(args.timeout, args.report):  # reading and settling; the two files are written after it
        draft, (target, review, made, ready) = drafted_in_part(Path(args.report), finish, framework=args.framework,
                                                               unit_id=args.unit_id, name=args.name, year=args.year)
    ready.write(target, review)
    for line in summary(draft, ready.read.to_check):
        say(line)
    for folder in made:  # a typo in -o makes folders: said, so it is seen
        say(f"made folder {shown_path(folder)}")
    say(f"wrote {shown_path(target)}\nreview {shown_path(review)}")
    return 0


def cmd_excel_template(args: argparse.Namespace) -> int:
    """Write a blank intake workbook (基础数据表, 绩效自评表 and the other sheets) for a framework."""
    from .outputs.excel.template import write_template

    check_output_file(args.output, args.force)
    check_output_kind("-o", Path(args.output), WORKBOOK, [], "")
    say(f"wrote {shown_path(write_template(args.output, args.framework))}")
    return 0


def cmd_excel_export(args: argparse.Namespace) -> int:
    """Write a unit's params as a filled intake workbook (it reads back to the same params)."""
    from .outputs.excel.template import export_workbook

    check_output_file(args.output, args.force)
    check_output_kind("-o", Path(args.output), WORKBOOK, [Path(args.params)], "the params file being exported")
    say(f"wrote {shown_path(export_workbook(args.params, args.output))}")
    return 0


def cmd_excel_import(args: argparse.Namespace) -> int:
    """Read a filled workbook into a params file; any problem is reported by sheet and cell and nothing is written."""
    from .core.numbers import fixed
    from .intake.excel.reader import import_workbook

    if args.output:
        check_output_file(args.output, args.force)
        check_output_kind("-o", Path(args.output), PARAMS_FILE, [Path(args.workbook)], "the workbook being imported")
    target, _, sheet, hidden = import_workbook(args.workbook, args.output, force=args.force)
    for note in hidden:
        say(f"warning: {note}", sys.stderr)
    total = "not scored" if sheet.total_on_100 is None else f"{fixed(sheet.total_on_100, 2)} on 100"
    grade = f"grade {one_line(sheet.grade)}" if sheet.grade else f"no grade ({one_line(sheet.grade_withheld_reason or '')})"
    say(f"wrote {shown_path(target)}: {one_line(sheet.unit.name)} {sheet.unit.year}, recomputed {total}, {grade}")
    return 0


def cmd_excel_summary(args: argparse.Namespace) -> int:
    """Evaluate params files and write the summary workbook; if any file is invalid, nothing is written."""
    from .outputs.excel.summary import write_summary_workbook
    from .result import evaluate_file

    check_output_file(args.output)
    files = _params_files(args.paths)
    check_output_kind("-o", Path(args.output), WORKBOOK, files, "a params file being summarised")
    scored, bad = [], 0
    for f in files:
        try:
            scored.append(evaluate_file(f))
        except PerfevalError as exc:
            bad += 1
            say(f"invalid {exc}", sys.stderr)
    if bad or not scored:
        say(f"{bad} invalid params file(s); nothing written" if bad else "no params files", sys.stderr)
        return 1
    say(f"wrote {shown_path(write_summary_workbook(scored, args.output))} ({len(scored)} units)")
    return 0


def _add_excel(sub: argparse._SubParsersAction) -> None:
    excel = sub.add_parser("excel", help="Excel intake templates, workbook import and the summary workbook")
    esub = excel.add_subparsers(dest="excel_command", required=True)
    p = esub.add_parser("template", help="write a blank intake workbook")
    p.add_argument("--framework", default="A", help="A (附件1-1, default), B (绩效自评表) or a framework id")
    p.add_argument("-o", "--output", type=_given, required=True, help="the .xlsx file to write")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_excel_template)
    p = esub.add_parser("export", help="write a unit's params as a filled intake workbook")
    p.add_argument("params", help="a unit's params file")
    p.add_argument("-o", "--output", type=_given, required=True, help="the .xlsx file to write")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=cmd_excel_export)
    p = esub.add_parser("import", help="read a filled intake workbook into a params file")
    p.add_argument("workbook", help="the filled .xlsx workbook")
    p.add_argument("-o", "--output", type=_given,
                   help="the params file to write (default: params/units/<unit id>.yaml)")
    p.add_argument("--force", action="store_true", help="replace an existing params file")
    p.set_defaults(func=cmd_excel_import)
    p = esub.add_parser("summary", help="score params files and write the summary workbook")
    p.add_argument("paths", nargs="*", help="params files or folders (default: all under params/units/)")
    p.add_argument("-o", "--output", type=_given, required=True, help="the .xlsx file to write")
    p.set_defaults(func=cmd_excel_summary)


class Parser(argparse.ArgumentParser):
    """argparse, whose usage errors quote what was typed: printed safe like every other line."""

    def _print_message(self, message: str, file: TextIO | None = None) -> None:
        if message:
            (file or sys.stderr).write(for_terminal(message))

    def _get_formatter(self) -> argparse.HelpFormatter:
        """argparse's formatter at the width it would find, without importing shutil for it: add_argument makes a
        formatter, and shutil with what it imports was ~2 ms of every command."""
        return self.formatter_class(prog=self.prog, width=_terminal_columns() - 2)


def _terminal_columns() -> int:
    """The terminal's width as shutil.get_terminal_size finds it: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]  # __stdout__ is None without a console: AttributeError below
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def _given(text: str) -> str:
    """A path or id given empty is the flag's mistake (`-o ""` wrote to the default place, unsaid)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a value, found an empty one")
    return text


def _name(text: str) -> str:
    """--name as params files take it: text of at most their length, refused as the flag's mistake."""
    from .core.params import TEXT_LIMIT

    if len(_given(text)) > TEXT_LIMIT:
        raise argparse.ArgumentTypeError(f"expected at most {TEXT_LIMIT} characters, found {len(text)}")
    if text != one_line(text):  # a line break, an escape sequence …: the name would carry it into every output
        raise argparse.ArgumentTypeError(f"expected a name on one line without control characters, found "
                                         f"{one_line(text)!r}")
    return text


def _seconds(text: str) -> float:
    """--timeout: a positive number of seconds (a NaN or negative bound never fires) up to a day (1e10 overflowed the
    timer: a traceback), refused as the flag's mistake."""
    from .outputs.draft.deadline import LONGEST

    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and 0 < seconds <= LONGEST):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, at most {LONGEST:.0f} (a day), "
                                         f"found {text!r}")
    return seconds


def _year(text: str) -> int:
    """--year as params files take it: a whole year within their bounds, refused as the flag's mistake."""
    from .core import years

    if not text.strip().isdigit() or not years.EARLIEST <= int(text) <= years.LATEST:
        raise argparse.ArgumentTypeError(f"expected a year from {years.EARLIEST} to {years.LATEST}, found {text!r}")
    return int(text)


GC_THRESHOLD = 100_000  # allocations between two passes of the youngest generation (Python's default: 700)

# A literal, not the module's docstring: python -OO strips docstrings.
DESCRIPTION = ("Whole-department expenditure performance evaluation (部门整体支出绩效评价): validate and score a unit's "
               "figures, draft params from its report, and run units into HTML reports.")


def _validate_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="validate params files (default: all under params/units/)")
    p.add_argument("paths", nargs="*", help="params files or folders")
    p.set_defaults(func=cmd_validate)


def _score_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("score", help="score one unit and print its score sheet")
    p.add_argument("params", help="a unit's params file")
    p.add_argument("--json", action="store_true", help="print the JSON contract instead of a table")
    p.set_defaults(func=cmd_score)


def _lint_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lint", help="report framework arithmetic problems")
    p.add_argument("frameworks", nargs="*", help="framework ids or files (default: all shipped)")
    p.set_defaults(func=cmd_lint)


def _draft_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("draft", help="read a unit's report (.txt, .docx, .pdf) into a draft params file to confirm")
    p.add_argument("report", help="the unit's self-evaluation report")
    p.add_argument("-o", "--output", type=_given,
                   help="the params file to write (default: outputs/drafts/<unit id>.yaml)")
    p.add_argument("--framework", type=_given,
                   help="framework id or YAML file (default: B when the report has a 绩效自评表, else A)")
    p.add_argument("--unit-id", help="the unit's id (default: from the report's file name)")
    p.add_argument("--name", type=_name,
                   help="the unit's name, over what the report says (default: read from the report)")
    p.add_argument("--year", type=_year, help="the year evaluated, over what the report says (default: from the title, "
                                            "评价年度, the text, or the publication date's year minus one)")
    p.add_argument("--review", type=_given, help="the review page to write (default: beside the params, .review.html)")
    p.add_argument("--force", action="store_true", help="replace existing files")
    p.add_argument("--timeout", type=_seconds, default=UNIT_TIMEOUT,
                   help=f"seconds the report may take to draft (default: {UNIT_TIMEOUT:.0f}, as run allows a unit)")
    p.set_defaults(func=cmd_draft)


def _run_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run units through the report notebook into HTML reports, an index and a CSV")
    p.add_argument("units", nargs="*", help="params files, reports (.txt, .docx, .pdf: drafted first), folders of "
                                            "them, or unit ids (default: all under params/units/)")
    p.add_argument("-j", "--workers", type=int, help="worker processes (default: one per core)")
    p.add_argument("--timeout", type=float, default=UNIT_TIMEOUT,
                   help=f"seconds allowed per unit, and to draft each report (default: {UNIT_TIMEOUT:.0f})")
    p.add_argument("--failed-only", action="store_true", help="re-run only the units that failed last time")
    p.add_argument("--force", action="store_true",
                   help="run every unit and draft every report again (default: only those whose params, report, "
                        "framework, notebook or perfeval version changed since their outputs were made, and those "
                        "that failed)")
    p.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="another notebook parameter (value read as YAML), e.g. -p show_evidence false")
    p.add_argument("-o", "--outputs", type=_given, help="output folder (default: outputs/)")
    p.add_argument("--notebook", type=_given, help="the report notebook (default: notebooks/unit_report.ipynb)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on a dask cluster: a scheduler address (tcp://host:8786), or 'local' for a "
                        "LocalCluster on this machine (default: this machine's worker pool)")
    p.add_argument("--no-summaries", action="store_true",
                   help="skip the portfolio page and the summary workbook")
    p.set_defaults(func=cmd_run)


def _samples_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("samples", help="print the paths of the sample units and framework variant shipped with perfeval")
    p.set_defaults(func=cmd_samples)


# Each command's parser, in the order --help lists them.
COMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {
    "validate": _validate_parser, "score": _score_parser, "lint": _lint_parser, "draft": _draft_parser,
    "run": _run_parser, "samples": _samples_parser, "excel": _add_excel}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; given the command typed, with that command's parser alone (each costs about 1 ms
    of every command's start-up to build), else with all of them (for --help, or a command mistyped)."""
    parser = Parser(prog="perfeval", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, add in COMMANDS.items():
        if command is None or command == name:
            add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stdout is None:  # started with its output closed (`>&-`): what it prints would be lost without a word
        say("error: standard output is closed; send it to a file or /dev/null", sys.stderr)
        return 1
    locale_free(sys.stdout)
    locale_free(sys.stderr)
    given = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(given[0] if given and given[0] in COMMANDS else None)
    args = parser.parse_args(given)
    func: Callable[[argparse.Namespace], int] = args.func
    if func in (cmd_score, cmd_validate):
        # They read a few files and leave little cyclic garbage; the collector's passes over the objects their
        # imports make cost ~3 % of `score` (README Performance). A high threshold keeps it for a long validate.
        gc.set_threshold(GC_THRESHOLD)
    try:
        return func(args)
    except PerfevalError as exc:
        say(f"error: {exc}", sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a path the user gave: a folder for a file, a file under a file, /proc, unreadable
        where = shown_path(exc.filename) + ": " if exc.filename else ""
        say(f"error: {where}{exc.strerror or exc}", sys.stderr)
        return 1
    except Terminated:
        say("terminated", sys.stderr)
        return 143
    except KeyboardInterrupt:
        say("interrupted", sys.stderr)
        return 130
