"""Time and peak memory to refuse each hostile file of tests/test_hostile_files.py (the tests assert only the error).

Each file is read in a fresh Python process, so its peak RSS is that file's alone (the interpreter with
perfeval, openpyxl and pydantic imported is the baseline row).

Run: .venv/bin/python bench/bench_hostile_files.py
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

CHILD = """
import json, resource, sys, time
from perfeval.errors import PerfevalError
from perfeval.intake.excel.reader import read_workbook
from perfeval.fileio import read_yaml
path = sys.argv[1]
start = time.perf_counter()
try:
    if path == "-":
        outcome = "baseline"
    else:
        (read_workbook if path.endswith(".xlsx") else read_yaml)(path)
        outcome = "read"
except PerfevalError as exc:
    outcome = str(exc).splitlines()[1].strip()[:70]
print(json.dumps({"seconds": time.perf_counter() - start, "outcome": outcome,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(path: str) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, path], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    from perfeval.outputs.excel.template import export_workbook
    from test_hostile_files import HOSTILE_WORKBOOKS, HOSTILE_YAML, SHEET, repack, rows_xml

    from conftest import CHANGSHA

    print(f"command: {sys.executable} bench/bench_hostile_files.py")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        filled = export_workbook(CHANGSHA, folder / "filled.xlsx")
        cases = [("baseline: imports only", "-", 0), ("a real filled workbook", str(filled), filled.stat().st_size)]
        for i, (what, build, _) in enumerate(HOSTILE_WORKBOOKS):
            path = folder / f"w{i}.xlsx"
            path.write_bytes(build(filled.read_bytes()))
            cases.append((what, str(path), path.stat().st_size))
        worst = [("largest sheet part let through: rows", rows_xml(80_000)),
                 ("largest sheet part let through: one row", rows_xml(1, 125_000))]
        for i, (what, writer) in enumerate(worst):  # just under MAX_XML_PART_BYTES: the bound's own cost
            path = folder / f"big{i}.xlsx"
            path.write_bytes(repack(filled.read_bytes(), {SHEET: writer}))
            cases.append((what, str(path), path.stat().st_size))
        longest = folder / "longest.yaml"  # just under MAX_YAML_BYTES, one plain scalar: the scanner's worst
        longest.write_text("a: " + "x" * 999_000, encoding="utf-8")
        cases.append(("YAML: largest file let through", str(longest), longest.stat().st_size))
        for i, (what, text, _) in enumerate(HOSTILE_YAML):
            path = folder / f"y{i}.yaml"
            path.write_text(text, encoding="utf-8")
            cases.append((f"YAML: {what}", str(path), path.stat().st_size))
        print(f"{'input':44} {'bytes':>11} {'seconds':>8} {'peak RSS MB':>12}  outcome")
        for what, path, size in cases:
            m = measure(path)
            print(f"{what:44} {size:>11,} {m['seconds']:>8.2f} {m['rss_mb']:>12.0f}  {m['outcome']}")


if __name__ == "__main__":
    main()
