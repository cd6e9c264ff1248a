"""Where a chart's axes go: constrained layout's answer for a one-axes chart with its legend below, computed
from the sizes of the labels instead of from a draw.

matplotlib's constrained layout draws the whole figure once to measure it and savefig draws it again: two
draws per chart, half of a chart's cost (bench/bench_charts.py). For the report's charts the answer depends on
a few things only — the widest tick label, the axis labels, the texts written beside the bars and the legend's
height — so they are measured as text (cached, with the renderer the SVG is written with), and the axes are
placed with constrained layout's own pads. tests/test_report_charts.py checks the result against constrained
layout on the sample units.
"""
from __future__ import annotations

import codecs
import io
from dataclasses import astuple, dataclass
from functools import cache, lru_cache
from typing import Any

import matplotlib as mpl
from matplotlib import cbook
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.text import Annotation, Text
from matplotlib.textpath import TextToPath
from matplotlib.transforms import Bbox

POINTS_PER_INCH = 72  # the SVG's resolution: measured at it, a pixel is a point
PASSES = 12  # margins change the axes' size, which moves the texts and can change the ticks: redone until
SETTLED = 0.01  # points: no side moves more than this (two passes unless a text reaches past the axes)
_TICK_DIRECTION = {"in": 0.0, "inout": 0.5, "out": 1.0}  # how much of a tick's length lies outside the axes


@dataclass(frozen=True)
class Margins:
    """Points between the figure's edges and the axes."""

    left: float
    right: float
    bottom: float
    top: float


class MeasuredSVG(RendererSVG):
    """The SVG renderer, its text sizes remembered across renderers and charts.

    matplotlib remembers a text's size per renderer, and savefig makes a new renderer for every chart, so each label
    was laid out again by FreeType (most of the cost of drawing a chart's text in a CJK font). At the SVG's fixed
    resolution a size depends only on the text and its font, whichever renderer asks.
    """

    def get_text_width_height_descent(self, s: str, prop: FontProperties, ismath: bool | str) -> tuple[float, ...]:
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        return _text_metrics(s, prop.copy())  # a copy: the key must not change with the artist's own properties

    def _get_font_height_metrics(self, prop: FontProperties) -> tuple[float | None, float | None, float | None]:
        """The font's ascent, descent and line gap at its size: matplotlib's hook for renderers (Text._get_layout
        otherwise reads them from the font's tables again for every text it lays out, about a sixth of drawing a
        chart). Every use of this renderer draws at POINTS_PER_INCH, where a point is a pixel."""
        return _line_metrics(prop.copy())


_TEXT_TO_PATH = TextToPath()


@lru_cache(maxsize=4096)
def _text_metrics(s: str, prop: FontProperties) -> tuple[float, ...]:
    return tuple(_TEXT_TO_PATH.get_text_width_height_descent(s, prop, False))


@lru_cache(maxsize=256)
def _line_metrics(prop: FontProperties) -> tuple[float | None, float | None, float | None]:
    """As Text._get_layout (matplotlib 3.11) reads them: the OS/2 table's typographic metrics, else hhea's; None when
    the font has neither (matplotlib then measures a sample text)."""
    font = get_font(findfont(prop))
    for table_name, gap, ascent, descent in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                             ("hhea", "lineGap", "ascent", "descent")):
        table = font.get_sfnt_table(table_name)
        if table is not None:
            scale = prop.get_size_in_points() / font.get_sfnt_table("head")["unitsPerEm"]
            return table[ascent] * scale, -table[descent] * scale, table[gap] * scale
    return None, None, None


class MeasuredCanvas(FigureCanvasSVG):
    """matplotlib's SVG canvas drawing with MeasuredSVG, whose text sizes outlive one savefig (svgimage.chart_svg)."""

    def print_svg(self, filename: Any, *, bbox_inches_restore: Any = None, metadata: dict[str, Any] | None = None,
                  **_drawn_by_figure: Any) -> None:
        # FigureCanvasSVG.print_svg (matplotlib 3.11) with the renderer swapped; savefig passes colours and dpi to
        # every format, which matplotlib drops for its own SVG canvas (the figure draws them)
        with cbook.open_file_cm(filename, "w", encoding="utf-8") as fh:
            if not cbook.file_requires_unicode(fh):  # a layout engine's trial draw writes to bytes
                fh = codecs.getwriter("utf-8")(fh)
            dpi = self.figure.dpi
            self.figure.dpi = POINTS_PER_INCH
            width, height = self.figure.get_size_inches()
            renderer = MixedModeRenderer(self.figure, width, height, dpi,
                                         MeasuredSVG(width * POINTS_PER_INCH, height * POINTS_PER_INCH, fh,
                                                     image_dpi=dpi, metadata=metadata),
                                         bbox_inches_restore=bbox_inches_restore)
            self.figure.draw(renderer)
            renderer.finalize()


@cache
def _renderer() -> RendererSVG:
    """The renderer labels are measured with while the axes are placed: the sizes the draw will use (MeasuredSVG)."""
    return MeasuredSVG(1, 1, io.StringIO())


@cache
def _measuring_figure() -> Figure:
    return Figure(dpi=POINTS_PER_INCH)


@lru_cache(maxsize=4096)
def text_size(text: str, size: float) -> tuple[float, float]:
    """Width and height in points of one line of text at a font size, as matplotlib lays it out to draw it."""
    artist = Text(0, 0, text, fontsize=size)
    artist.set_figure(_measuring_figure())
    box = artist.get_window_extent(_renderer(), dpi=POINTS_PER_INCH)
    return box.width, box.height


def place(fig: Figure) -> None:
    """Put the figure's one axes where constrained layout would, without drawing the figure.

    The figure's legends are below the axes (charts._finish puts them there) and get their height, as
    constrained layout gives an "outside lower" legend. Done once the chart is complete: a later change
    (another label, a title) is not made room for.
    """
    (ax,) = fig.axes
    w_pad = mpl.rcParams["figure.constrained_layout.w_pad"] * POINTS_PER_INCH
    h_pad = mpl.rcParams["figure.constrained_layout.h_pad"] * POINTS_PER_INCH
    dpi = fig.dpi
    fig.dpi = POINTS_PER_INCH
    try:
        width, height = fig.get_figwidth() * POINTS_PER_INCH, fig.get_figheight() * POINTS_PER_INCH
        legend = sum(leg.get_window_extent(_renderer()).height + 2 * h_pad for leg in fig.legends)
        texts = _TextReach(ax)
        placed = None
        for _ in range(PASSES):
            out = decorations(ax, texts)
            margins = Margins(w_pad + out.left, w_pad + out.right, h_pad + legend + out.bottom, h_pad + out.top)
            if placed is not None and _settled(margins, placed):
                break
            ax.set_position([margins.left / width, margins.bottom / height,
                             1 - (margins.left + margins.right) / width, 1 - (margins.bottom + margins.top) / height])
            placed = margins
    finally:
        fig.dpi = dpi


def _settled(now: Margins, before: Margins) -> bool:
    return all(abs(a - b) <= SETTLED for a, b in zip(astuple(now), astuple(before)))


class _TextReach:
    """The axes' texts (bar labels, notes beside the marks), each measured once: a text written at a point of
    the data keeps its size and its offset from that point when the axes move."""

    def __init__(self, ax: Axes) -> None:
        self.ax = ax
        self.texts = [t for t in ax.texts if t.get_visible() and t.get_text()]
        self.anchors = self._anchors()
        self.boxes = [t.get_window_extent(_renderer()) for t in self.texts]

    def _anchors(self) -> list[tuple[float, float] | None]:
        return [tuple(self.ax.transData.transform(t.xy)) if isinstance(t, Annotation) and t.xycoords == "data"
                else None for t in self.texts]

    def boxes_now(self) -> list[Bbox]:
        now = self._anchors()
        return [box.translated(new[0] - old[0], new[1] - old[1]) if old is not None and new is not None
                else text.get_window_extent(_renderer())
                for text, box, old, new in zip(self.texts, self.boxes, self.anchors, now)]


def decorations(ax: Axes, texts: _TextReach) -> Margins:
    """How far, in points, the tick labels, axis labels and texts reach beyond each side of the axes where they
    are now (the figure at POINTS_PER_INCH)."""
    box = ax.bbox
    left = right = bottom = top = 0.0
    x_labels = _tick_labels(ax.xaxis)
    y_labels = _tick_labels(ax.yaxis)
    x_size, y_size = _tick_font_size("x"), _tick_font_size("y")
    if x_labels:
        heights = [text_size(label, x_size)[1] for _, label in x_labels]
        bottom = _tick_offset("x") + max(heights)
        for at, label in x_labels:
            half = text_size(label, x_size)[0] / 2
            left = max(left, half - at * box.width)
            right = max(right, at * box.width + half - box.width)
    if y_labels:
        left = max(left, _tick_offset("y") + max(text_size(label, y_size)[0] for _, label in y_labels))
        for at, label in y_labels:
            half = text_size(label, y_size)[1] / 2
            bottom = max(bottom, half - at * box.height)
            top = max(top, at * box.height + half - box.height)
    label_size = mpl.rcParams["axes.labelsize"]
    if ax.get_xlabel():
        bottom += ax.xaxis.labelpad + text_size(ax.get_xlabel(), label_size)[1]
    if ax.get_ylabel():
        left += ax.yaxis.labelpad + text_size(ax.get_ylabel(), label_size)[1]
    for reach in texts.boxes_now():
        left, right = max(left, box.x0 - reach.x0), max(right, reach.x1 - box.x1)
        bottom, top = max(bottom, box.y0 - reach.y0), max(top, reach.y1 - box.y1)
    return Margins(left, right, bottom, top)


def _tick_labels(axis: Axis) -> list[tuple[float, str]]:
    """The major tick labels the axis will draw, each with where it stands as a fraction of the axis."""
    locs = axis.get_majorticklocs()
    labels = axis.get_major_formatter().format_ticks(locs)
    low, high = sorted(axis.get_view_interval())
    span = high - low
    slack = span * 1e-10  # matplotlib keeps a tick that rounding puts just outside the view
    inverted = axis.get_inverted()
    return [((high - loc) / span if inverted else (loc - low) / span, label)
            for loc, label in zip(locs, labels) if low - slack <= loc <= high + slack and label]


def _tick_font_size(axis: str) -> float:
    return mpl.font_manager.FontProperties(size=mpl.rcParams[f"{axis}tick.labelsize"]).get_size_in_points()


def _tick_offset(axis: str) -> float:
    """Points from the axes' edge to its tick labels: the tick's length outside the axes, then the pad."""
    rc = mpl.rcParams
    return rc[f"{axis}tick.major.pad"] + rc[f"{axis}tick.major.size"] * _TICK_DIRECTION[rc[f"{axis}tick.direction"]]
