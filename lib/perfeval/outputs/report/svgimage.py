"""A matplotlib figure (the portfolio's charts) as an SVG image whose text stays text, drawn by the reader's own
Chinese font; the report's own charts are written as SVG directly (report.svgchart), in the same way.

Measured against the 144 dpi PNG it replaces (Changsha's three charts, bench/bench_charts.py): about a quarter
of the bytes, no more CPU, and sharp at any zoom, on a 4K screen and in print, where a PNG is a fixed grid of
pixels. The glyphs are not embedded: matplotlib lays the text out with the shipped Noto Sans SC (so a missing
glyph is still caught when the chart is drawn), and the page names that font first, then the Chinese fonts
Windows, macOS and Linux ship, so another font of the same em size draws it where Noto Sans SC is not installed.

The image is a data: URI in an <img>, not inline <svg>: matplotlib's element ids would collide between two
charts on one page, and an image cannot run script or pick up the page's CSS.
"""
from __future__ import annotations

import io
import re

import matplotlib as mpl
from matplotlib.figure import Figure

from .svgcanvas import MeasuredCanvas
from .svgchart import CSS_PX_PER_INCH, FONT_FAMILY

_FAMILY = re.compile(r"font-family: [^;\"]*(?:; ?)?")
_STYLE = "<style type=\"text/css\">"
_NO_ROTATION = re.compile(r' transform="rotate\(-?0 [-\d.]+ [-\d.]+\)"')
_GROUP_ID = re.compile(r'<g id="([^"]*)"')
_REFERENCED = re.compile(r'(?:url\(#|href="#)([^)"]+)')
_PROLOG = re.compile(r"\A<\?xml[^>]*>\s*<!DOCTYPE[^>]*>\s*")
_BETWEEN_TAGS = re.compile(r">\s+<")
_TAG = re.compile(r"<[^>]*>")  # matplotlib escapes < and > in text, so this is markup, never a label
_PATH_DATA = re.compile(r' d="([^"]*)"')


def chart_svg(fig: Figure) -> str:
    """The figure as compact SVG: text as <text>, its font list said once in the image's stylesheet; no prolog,
    metadata, indentation, rotation by 0 or group id nothing refers to; the same bytes for the same figure."""
    buffer = io.StringIO()
    canvas = fig.canvas
    MeasuredCanvas(fig)
    try:
        with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": "perfeval"}):
            fig.savefig(buffer, format="svg", metadata={"Creator": None, "Date": None, "Format": None, "Type": None})
    finally:
        fig.set_canvas(canvas)  # the figure as it was, for an analyst who saves it elsewhere
    svg = _PROLOG.sub("", buffer.getvalue())
    referenced = set(_REFERENCED.findall(svg))

    def compact(tag: re.Match[str]) -> str:  # inside tags only: a label is drawn as written, whatever it holds
        markup = _PATH_DATA.sub(lambda m: ' d="' + " ".join(m.group(1).split()) + '"', tag.group())
        markup = _GROUP_ID.sub(lambda m: m.group() if m.group(1) in referenced else "<g", markup)
        return _NO_ROTATION.sub("", _FAMILY.sub("", markup))

    svg = _TAG.sub(compact, _BETWEEN_TAGS.sub("><", svg))
    return svg.replace(_STYLE, f"{_STYLE}text{{{FONT_FAMILY}}}", 1).strip()


def css_width(fig: Figure) -> int:
    """The figure's width in CSS pixels (the page scales it down to fit its column)."""
    return round(fig.get_figwidth() * CSS_PX_PER_INCH)
