"""How a report's charts could be embedded, by bytes on the page and CPU: the 144 dpi PNG the report used, a
96 dpi PNG, the 144 dpi PNG reduced to 64 colours, SVG with text drawn as outlines, and SVG with text as text
(what report.svgimage writes: compacted, in a data: URI escaped only where it must be).

First what a report pays per unit: its charts built and embedded as the page embeds them, fresh figures each
time (the goal of issue 14: at most 100 ms). Then, per option, bytes on the page (base64 for PNG, the escaped URI
for SVG) and the CPU of saving the figures already built. CPU is this process's, the median of --repeat runs;
compare figures within one run (the machine is shared: the load is printed).

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
from perfeval.outputs.report import display, layout
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


def charts(rep: report.UnitReport) -> list[display.Chart]:
    blocks = (report.chart_scores(rep), report.chart_claims(rep), report.chart_rates(rep), report.chart_spending(rep))
    return [c for c in blocks if isinstance(c, display.Chart)]


def build_and_embed(rep: report.UnitReport) -> tuple[float, float]:
    """CPU seconds to build a unit's charts, then to embed them in the page (as Chart._repr_html_ does), as for
    a unit never seen: the sizes of its labels are measured again (matplotlib's fonts stay loaded, as in a warm
    worker)."""
    layout.text_size.cache_clear()
    start = time.process_time()
    built = charts(rep)
    middle = time.process_time()
    for chart in built:
        chart._repr_html_()
    return middle - start, time.process_time() - middle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("units", nargs="*", type=Path, help="params files (default: the sample units)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    report.apply_theme()
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; CPU is the median of {args.repeat} runs")
    for params in args.units or sorted(UNITS_DIR.glob("*.yaml")):
        rep = report.load_report(params)
        figs = [c.figure for c in charts(rep)]
        build_and_embed(rep)  # fonts loaded, as in a warm worker
        runs = [build_and_embed(rep) for _ in range(args.repeat)]
        built, embedded = (1000 * statistics.median(r[i] for r in runs) for i in (0, 1))
        total = 1000 * statistics.median(sum(r) for r in runs)
        print(f"{params.stem}: {len(figs)} charts, built + embedded in {total:.0f} ms CPU "
              f"(built {built:.0f}, embedded {embedded:.0f})")
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
