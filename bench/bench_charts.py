"""How a report's charts could be embedded, by bytes on the page and CPU: the 144 dpi PNG the report used, a
96 dpi PNG, the 144 dpi PNG reduced to 64 colours, SVG with text drawn as outlines, and SVG with text as text
(what report.svgimage writes: compacted, in a data: URI escaped only where it must be).

Bytes are what the page carries (base64 for PNG, the escaped URI for SVG). CPU is this process's, for saving the
figures already built (building them, seaborn and layout, is printed apart), the median of --repeat runs.

Run: .venv/bin/python bench/bench_charts.py [--repeat N] [params files…]   (default: the sample units)
"""
from __future__ import annotations

import argparse
import base64
import io
import os
import statistics
import time
from pathlib import Path
from typing import Callable

import matplotlib as mpl
from matplotlib.figure import Figure

from perfeval.outputs import report
from perfeval.outputs.report import display
from perfeval.outputs.report.svgimage import chart_svg, svg_data_uri
from perfeval.paths import UNITS_DIR


def png(fig: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def png_64_colours(fig: Figure) -> bytes:
    from PIL import Image

    image = Image.open(io.BytesIO(png(fig, 144))).convert("RGB").quantize(64, method=Image.Quantize.MEDIANCUT)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def svg_paths(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    with mpl.rc_context({"svg.fonttype": "path"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def b64(data: bytes) -> int:
    return len("data:image/png;base64,") + len(base64.b64encode(data))


OPTIONS: dict[str, Callable[[Figure], int]] = {
    "PNG 144 dpi (before)": lambda f: b64(png(f, 144)),
    "PNG 96 dpi": lambda f: b64(png(f, 96)),
    "PNG 144 dpi, 64 colours": lambda f: b64(png_64_colours(f)),
    "SVG, text as outlines": lambda f: len(svg_data_uri(svg_paths(f).decode("utf-8")).encode("utf-8")),
    "SVG, text as text (now)": lambda f: len(svg_data_uri(chart_svg(f)).encode("utf-8")),
}


def figures(params: Path) -> tuple[list[Figure], float]:
    rep = report.load_report(params)
    start = time.process_time()
    charts = [report.chart_scores(rep), report.chart_claims(rep), report.chart_rates(rep), report.chart_spending(rep)]
    return [c.figure for c in charts if isinstance(c, display.Chart)], time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("units", nargs="*", type=Path, help="params files (default: the sample units)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    report.apply_theme()
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; CPU is the median of {args.repeat} runs")
    for params in args.units or sorted(UNITS_DIR.glob("*.yaml")):
        figs, built = figures(params)
        builds = [figures(params)[1] for _ in range(args.repeat)]
        print(f"{params.stem}: {len(figs)} charts, built (seaborn, layout) in {1000 * statistics.median(builds):.0f} ms")
        for name, embed in OPTIONS.items():
            size = sum(embed(f) for f in figs)  # also warms the font caches
            times = []
            for _ in range(args.repeat):
                start = time.process_time()
                for f in figs:
                    embed(f)
                times.append(time.process_time() - start)
            print(f"  {name:26} {size / 1024:7.1f} KB on the page {1000 * statistics.median(times):6.0f} ms CPU")


if __name__ == "__main__":
    main()
