"""Benchmark `perfeval draft`: seconds per report for .txt, .docx and .pdf, from the shell and in-process.

The three seed reports are drafted as they are (.txt) and as a Word file and a text-based PDF written from them
(tests/report_files.py: the way the draft tests build them, Noto Sans SC as TrueType). From the shell is the
command an analyst types (interpreter start and imports included); in-process splits a warm draft into reading
the document and the whole draft (reading, then figures, rates and identities placed into params).

Run: .venv/bin/python bench/bench_draft.py [--repeat N]
"""
from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")) or sorted(Path("/work/shared/seeds").glob("*.txt"))
sys.path.insert(0, str(ROOT / "tests"))

from report_files import truetype_font, write_docx, write_pdf

from perfeval.outputs.draft import draft_report, read_document


def reports(folder: Path) -> dict[str, list[Path]]:
    """The seeds as .txt, .docx and .pdf."""
    font = truetype_font("".join(p.read_text(encoding="utf-8") for p in SEEDS), folder / "noto-subset.ttf")
    out: dict[str, list[Path]] = {"txt": list(SEEDS), "docx": [], "pdf": []}
    for seed in SEEDS:
        document = read_document(seed)
        out["docx"].append(write_docx(document, folder / f"{seed.stem}.docx"))
        out["pdf"].append(write_pdf(document, folder / f"{seed.stem}.pdf", font))
    return out


def median_ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:7.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"command: {shlex.join([Path(sys.executable).name, 'bench/bench_draft.py', *sys.argv[1:]])}")
    print(f"load average: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="bench_draft_") as tmp:
        folder = Path(tmp)
        by_format = reports(folder)
        for path in by_format["txt"]:  # warm: imports, framework compilation
            draft_report(path)
        print(f"{'format':6} {'from the shell':>16} {'in-process':>11} {'of which reading':>17}   (median per report over "
              f"{len(SEEDS)} seeds × {args.repeat})")
        for fmt, paths in by_format.items():
            shell, read, whole = [], [], []
            for i in range(args.repeat):
                for n, path in enumerate(paths):
                    target = folder / f"out-{fmt}-{n}-{i}.yaml"
                    t0 = time.perf_counter()
                    subprocess.run([sys.executable, "-m", "perfeval", "draft", str(path), "-o", str(target),
                                    "--unit-id", f"seed{n}"], check=True, capture_output=True)
                    shell.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    read_document(path)
                    read.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    draft_report(path)
                    whole.append(time.perf_counter() - t0)
            print(f"{fmt:6} {median_ms(shell):>16} {median_ms(whole):>11} {median_ms(read):>17}")


if __name__ == "__main__":
    main()
