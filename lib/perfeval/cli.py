"""Command line: parse flags, call the library, print; user mistakes exit 1 with a message, never a traceback."""
from __future__ import annotations

import argparse
import json
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
    from .engine import score_file

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
    """Score one unit; print the sheet, or the JSON contract with --json."""
    from .checks import run_checks
    from .engine import score_file

    sheet = score_file(args.params)
    findings = run_checks(sheet)
    if args.json:
        from .export import sheet_to_dict

        data = sheet_to_dict(sheet, [f.to_dict() for f in findings])
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from .textsheet import render

        print(render(sheet, findings))
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    """Report a framework's arithmetic problems (exit 0: they are findings about the framework, not errors)."""
    from .framework import available_frameworks, lint_framework, load_framework

    names = args.frameworks or list(available_frameworks())
    for name in names:
        fw = load_framework(name)
        print(f"{fw.id}  {fw.name}")
        for p in lint_framework(fw):
            print(f"  [{p.severity}] {p.code} {p.indicator}: {p.message}")
    return 0


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
