"""CPU time to export each sample unit as a filled intake workbook and to read that workbook back.

Reading covers every cell of every input sheet, the scan for formulas saved without a result and the
validation and scoring of the params read; exporting builds the workbook twice (once to learn what the
sheets cannot hold) and proves that it reads back. CPU time (time.process_time) is printed, not wall time:
the figures then do not depend on what else the machine runs.

Run: .venv/bin/python bench/bench_excel_intake.py [--repeat N]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from perfeval.intake.excel.reader import read_workbook
from perfeval.outputs.excel.template import export_workbook
from perfeval.paths import UNITS_DIR


def cpu_ms(repeat: int, action) -> float:
    start = time.process_time()
    for _ in range(repeat):
        action()
    return (time.process_time() - start) / repeat * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    print(f"$ {Path(sys.executable).name} bench/bench_excel_intake.py --repeat {args.repeat}")
    print(f"{'unit':<24}{'export (ms CPU)':>18}{'read (ms CPU)':>16}")
    with tempfile.TemporaryDirectory() as tmp:
        for params in sorted(UNITS_DIR.glob("*.yaml")):
            book = Path(tmp) / f"{params.stem}.xlsx"
            export_workbook(params, book)
            read_workbook(book)  # imports and caches warmed
            export = cpu_ms(max(1, args.repeat // 5), lambda: export_workbook(params, book))
            read = cpu_ms(args.repeat, lambda: read_workbook(book))
            print(f"{params.stem:<24}{export:>18.0f}{read:>16.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
