"""What a report's charts cost a unit: built from the unit's frames and embedded in the page as the notebook shows
them (SVG written by report.svgchart, in a data: URI), CPU median of --repeat runs, and their bytes on the page.

(Until 7 December 2026 the charts were matplotlib figures, and this benchmark compared ways of embedding them: PNG
at 144 and 96 dpi, 64 colours, SVG with text as outlines or as text; README Performance keeps those figures.)
CPU is this process's; the machine is shared, so the load is printed.

Run: .venv/bin/python bench/bench_charts.py [--repeat N] [params files…]   (default: the sample units)
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from perfeval.outputs import report
from perfeval.outputs.report import display
from perfeval.paths import UNITS_DIR


def charts(rep: report.UnitReport) -> list[display.Chart]:
    blocks = (report.chart_scores(rep), report.chart_claims(rep), report.chart_rates(rep), report.chart_spending(rep))
    return [c for c in blocks if isinstance(c, display.Chart)]


def build_and_embed(rep: report.UnitReport) -> tuple[float, float, int]:
    """CPU seconds to build a unit's charts (their frames included), then to embed them in the page (as
    Chart._repr_html_ does), and the bytes they take on the page."""
    start = time.process_time()
    built = charts(rep)
    middle = time.process_time()
    size = sum(len(chart._repr_html_().encode("utf-8")) for chart in built)
    return middle - start, time.process_time() - middle, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("units", nargs="*", type=Path, help="params files (default: the sample units)")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; CPU is the median of {args.repeat} runs")
    for params in args.units or sorted(UNITS_DIR.glob("*.yaml")):
        rep = report.load_report(params)
        build_and_embed(rep)  # the modules' first use
        runs = [build_and_embed(rep) for _ in range(args.repeat)]
        built, embedded = (1000 * statistics.median(r[i] for r in runs) for i in (0, 1))
        total = 1000 * statistics.median(r[0] + r[1] for r in runs)
        print(f"{params.stem}: {len(charts(rep))} charts, built + embedded in {total:.1f} ms CPU "
              f"(built {built:.1f}, embedded {embedded:.1f}); {runs[0][2] / 1024:.1f} KB on the page")


if __name__ == "__main__":
    main()
