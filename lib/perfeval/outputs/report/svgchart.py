"""Bar and dot charts written as SVG text directly: bars, marks and notes over one categorical and one value axis,
value ticks and a grid, a legend under the plot.

The report's charts are simple (a handful of categories, a value each), and matplotlib spent most of a unit's chart
time creating axes, ticks, text artists and transforms for them (about 120 ms of Changsha's 370 ms in a warm
worker). Written here, a chart is a few dozen elements, and how it looks is what matplotlib drew in seaborn's
whitegrid theme (sizes, colours, pads), so the page reads as before.

Text stays text, drawn by the reader's Chinese font (report.fonts.READER_FONTS), so its width is estimated: Noto
Sans SC's advances for ASCII (tests check the table against the shipped font) and a full em for every other
character, which is what the CJK characters, full-width punctuation and symbols the reports use take in it.
Wider fonts of the same em size are covered by the pads around every text.
"""
from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from typing import Callable, Literal, Sequence

from .fonts import READER_FONTS

Anchor = Literal["start", "middle", "end"]
Shape = Literal["circle", "diamond"]

POINTS_PER_INCH = 72  # the SVG's units are points, as matplotlib's were
CSS_PX_PER_INCH = 96  # shown 9 in wide at 864 px, scaled down to the report's column
INK = "#262626"
GRID = "#cccccc"
BACKGROUND = "#ffffff"
FRAME_WIDTH = 1.25
GRID_WIDTH = 1.0
TICK_SIZE = 11.0
AXIS_LABEL_SIZE = 12.0
LEGEND_SIZE = 11.0
NOTE_SIZE = 9.0
EDGE = 3.0  # points kept clear at each edge of the image
TICK_GAP = 9.5  # from the frame to the nearest edge of a tick label
LABEL_PAD = 4.0  # from the tick labels to the axis label
LEGEND_GAP = 8.0  # from the text above the legend to the legend's text
LEGEND_HANDLE = 2.0  # ems: a legend entry's swatch, its gap to its text (0.8) and the gap between entries (2.0)
ASCENT, DESCENT = 0.88, 0.12  # of an em: a CJK character's extent above and below the baseline
MIDDLE = 0.38  # of an em: the baseline below the middle of a line of text
LINE_SPACING = 1.25  # ems from one line of a wrapped label to the next
NAME_GAP = 4.0  # points kept between the names of neighbouring categories on a horizontal axis
OPEN, CLOSE = "（(〔【《“", "）)〕】》”"  # a label is never broken inside these
MAX_TICKS = 9
TICK_SPACING = {"x": 3.0, "y": 2.0}  # ems of tick label size per value tick (matplotlib's Axis.get_tick_space)
NICE_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)

FONT_FAMILY = "font-family: " + ", ".join(f"'{f}'" for f in READER_FONTS) + ", sans-serif"
# What must not stand raw in a data: URI inside a double-quoted HTML attribute; everything else (Chinese
# included) is left as it is, which is smaller than base64 and reads back the same.
_URI_ESCAPES = {c: f"%{ord(c):02X}" for c in '%#"<>&\n\r\t'}
_URI_UNSAFE = re.compile("[" + re.escape("".join(_URI_ESCAPES)) + "]")

# Noto Sans SC's advance widths of printable ASCII (space to ~), in thousandths of an em
_ASCII_ADVANCES = (
    224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555, 555, 555, 555, 555, 555,
    555, 555, 555, 278, 278, 555, 555, 555, 474, 946, 608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812,
    723, 742, 633, 742, 635, 596, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555, 559, 606, 563, 618, 510, 620,
    554, 325, 564, 607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521, 475, 338,
    270, 338, 555)
ASCII_ADVANCE = {chr(32 + i): width / 1000 for i, width in enumerate(_ASCII_ADVANCES)}


def text_width(text: str, size: float) -> float:
    """Points a line of text takes at a font size: ASCII as Noto Sans SC sets it, anything else a full em."""
    return size * sum(ASCII_ADVANCE.get(ch, 1.0) for ch in text)


def break_points(text: str) -> list[int]:
    """Where a label may be broken: between characters outside brackets (never inside （…） or “…”)."""
    depth, out = 0, []
    for i, ch in enumerate(text):
        if ch in OPEN and depth == 0 and i:
            out.append(i)  # before a bracket opens
        depth += (ch in OPEN) - (ch in CLOSE)
        if depth == 0 and i + 1 < len(text) and ch not in OPEN:
            out.append(i + 1)
    return sorted(set(out))


def wrapped(text: str, width: float, size: float) -> list[str]:
    """The label in lines of at most `width` points where it can be broken (a part that cannot be broken stays
    whole, however wide)."""
    lines, start = [], 0
    breaks = break_points(text)
    while text_width(text[start:], size) > width:
        fits = [b for b in breaks if start < b and text_width(text[start:b], size) <= width]
        cut = fits[-1] if fits else next((b for b in breaks if b > start), len(text))
        if cut >= len(text):
            break
        lines.append(text[start:cut])
        start = cut
    return lines + [text[start:]]


@dataclass(frozen=True)
class Text:
    """One line of text; y is its baseline."""

    x: float
    y: float
    text: str
    size: float
    anchor: Anchor = "start"
    colour: str = INK
    vertical: bool = False  # read bottom to top (an axis label beside a vertical axis)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str | None = BACKGROUND  # a bar's thin white edge parts it from its neighbour
    stroke_width: float = 1.0


@dataclass(frozen=True)
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    colour: str
    width: float


@dataclass(frozen=True)
class MarkStyle:
    """A circle (radius) or a diamond (radius: half its diagonal); fill None for a ring."""

    shape: Shape
    radius: float
    fill: str | None
    stroke: str
    stroke_width: float


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    style: MarkStyle


Element = Rect | Line | Mark


@dataclass(frozen=True, repr=False)
class SvgChart:
    """A chart as what it draws, in points: shapes in drawing order, then texts over them."""

    width: float
    height: float
    shapes: tuple[Element, ...]
    texts: tuple[Text, ...]

    def __repr__(self) -> str:  # short: a notebook keeps it as the chart's plain-text output
        return f"<SvgChart {_n(self.width)} × {_n(self.height)} pt: {len(self.shapes)} shapes, {len(self.texts)} texts>"

    @property
    def css_width(self) -> int:
        """The width the page shows it at, before scaling it down to its column."""
        return round(self.width / POINTS_PER_INCH * CSS_PX_PER_INCH)

    def svg(self) -> str:
        """The chart as a standalone SVG document; the same bytes for the same chart."""
        body = "".join(map(_element, self.shapes)) + "".join(map(_text, self.texts))
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(self.width)}pt" height="{_n(self.height)}pt" '
                f'viewBox="0 0 {_n(self.width)} {_n(self.height)}"><defs><style>text{{{FONT_FAMILY}}}</style></defs>'
                f'<rect width="100%" height="100%" fill="{BACKGROUND}"/>{body}</svg>')

    def _repr_svg_(self) -> str:
        return self.svg()


def svg_data_uri(svg: str) -> str:
    """A data: URI of the SVG text, percent-escaping only what an attribute or a URI would otherwise read."""
    return "data:image/svg+xml;charset=utf-8," + _URI_UNSAFE.sub(lambda m: _URI_ESCAPES[m.group()], svg)


def _n(value: float) -> str:
    """A coordinate to a hundredth of a point, without trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _element(e: Element) -> str:
    if isinstance(e, Rect):
        stroke = f' stroke="{e.stroke}" stroke-width="{_n(e.stroke_width)}"' if e.stroke else ""
        return (f'<rect x="{_n(e.x)}" y="{_n(e.y)}" width="{_n(e.width)}" height="{_n(e.height)}" fill="{e.fill}"'
                f'{stroke}/>')
    if isinstance(e, Line):
        return (f'<path d="M{_n(e.x0)} {_n(e.y0)}L{_n(e.x1)} {_n(e.y1)}" stroke="{e.colour}" '
                f'stroke-width="{_n(e.width)}"/>')
    style = e.style
    paint = f'fill="{style.fill or "none"}" stroke="{style.stroke}" stroke-width="{_n(style.stroke_width)}"'
    if style.shape == "circle":
        return f'<circle cx="{_n(e.x)}" cy="{_n(e.y)}" r="{_n(style.radius)}" {paint}/>'
    r = style.radius
    return (f'<path d="M{_n(e.x)} {_n(e.y + r)}L{_n(e.x + r)} {_n(e.y)}L{_n(e.x)} {_n(e.y - r)}L{_n(e.x - r)} '
            f'{_n(e.y)}Z" {paint}/>')


def _text(t: Text) -> str:
    turn = f' transform="rotate(-90 {_n(t.x)} {_n(t.y)})"' if t.vertical else ""
    anchor = "" if t.anchor == "start" else f' text-anchor="{t.anchor}"'
    return (f'<text x="{_n(t.x)}" y="{_n(t.y)}" font-size="{_n(t.size)}"{anchor} fill="{t.colour}"{turn}>'
            f"{html.escape(t.text, quote=False)}</text>")


def nice_ticks(low: float, high: float, most: int) -> list[float]:
    """Round values from low to high, at most `most` intervals apart: a step of 1, 2, 2.5 or 5 times a power of
    ten (matplotlib's MaxNLocator with its default steps)."""
    if high <= low:
        return [low]
    raw = (high - low) / max(1, most)
    scale = 10.0 ** math.floor(math.log10(raw))
    step = next(s * scale for s in NICE_STEPS if s * scale >= raw * (1 - 1e-9))
    first = math.ceil(low / step - 1e-9)
    last = math.floor(high / step + 1e-9)
    return [round(i * step, 10) + 0.0 for i in range(first, last + 1)]


def step_text(ticks: Sequence[float]) -> Callable[[float], str]:
    """Tick values printed with as many decimals as their step needs (0.0, 2.5, 5.0; 0, 5, 10)."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    places = next((p for p in range(7) if abs(step * 10 ** p - round(step * 10 ** p)) < 1e-6), 6)
    return lambda v: f"{v:.{places}f}"


@dataclass(frozen=True)
class Bar:
    """A bar from 0 to value, across the categorical axis from `at` to `at + thickness` (category i is centred at i,
    its slot from i − 0.5 to i + 0.5)."""

    at: float
    thickness: float
    value: float
    colour: str


@dataclass(frozen=True)
class Dot:
    """A mark at a value in a category."""

    at: float
    value: float
    style: MarkStyle


@dataclass(frozen=True)
class Note:
    """A text written just past a value (beside it on a horizontal value axis, above it on a vertical one)."""

    at: float
    value: float
    text: str
    colour: str = INK
    gap: float = 2.0
    size: float = NOTE_SIZE


@dataclass(frozen=True)
class Swatch:
    """A legend entry: a bar's colour, or the mark it stands for."""

    label: str
    bar: str | None = None
    mark: MarkStyle | None = None


@dataclass
class Plot:
    """A chart being drawn: categories along one axis (read left to right, or top to bottom when the values run
    horizontally), values along the other from `low` to `high`. Bars, dots and notes are added in data terms;
    chart() lays it out so that every label fits the image."""

    categories: Sequence[str]
    horizontal: bool  # the values run along the x axis
    width: float  # inches
    height: float  # inches
    low: float
    high: float
    value_label: str = ""
    value_text: Callable[[float], str] | None = None  # a tick value as printed (default: step_text)
    category_colours: Sequence[str] | None = None
    category_grid: bool = False  # a grid line through each category (where marks, not bars, stand on it)
    bars: list[Bar] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    legend: list[Swatch] = field(default_factory=list)

    def chart(self) -> SvgChart:
        if self.high <= self.low:
            self.high = self.low + 1.0  # nothing but zeros: an axis to 1 rather than none
        frame = _Frame(self)
        return SvgChart(frame.width, frame.height, tuple(frame.shapes()), tuple(frame.texts()))


class _Frame:
    """Where the plot's frame goes in the image, and every element placed against it."""

    def __init__(self, plot: Plot) -> None:
        self.plot = plot
        self.width = plot.width * POINTS_PER_INCH
        self.height = plot.height * POINTS_PER_INCH
        self.axis = "x" if plot.horizontal else "y"
        self.names = [[name] for name in plot.categories]  # each category's name in lines (wrapped under its slot)
        self.left, self.right, self.top, self.bottom = EDGE, self.width - EDGE, EDGE, self.height - self._below()
        self.ticks: list[float] = []
        for _ in range(3):  # the ticks depend on the axis' length, the margins on the tick labels: settled in two
            self.ticks = nice_ticks(plot.low, plot.high, self._most_ticks())
            self.tick_labels = [(plot.value_text or step_text(self.ticks))(v) for v in self.ticks]
            self._fit()

    # value axis ↔ points
    def _length(self) -> float:
        return self.right - self.left if self.plot.horizontal else self.bottom - self.top

    def _most_ticks(self) -> int:
        return max(1, min(MAX_TICKS, int(self._length() / (TICK_SIZE * TICK_SPACING[self.axis]))))

    def share(self, value: float) -> float:
        return (value - self.plot.low) / (self.plot.high - self.plot.low)

    def value_at(self, value: float) -> float:
        if self.plot.horizontal:
            return self.left + self.share(value) * (self.right - self.left)
        return self.bottom - self.share(value) * (self.bottom - self.top)

    def category_at(self, at: float) -> float:
        n = len(self.plot.categories)
        if self.plot.horizontal:
            return self.top + (at + 0.5) / n * (self.bottom - self.top)
        return self.left + (at + 0.5) / n * (self.right - self.left)

    def _below(self) -> float:
        """Points from the frame's bottom edge to the image's: tick labels, axis label, legend."""
        lines = max((len(name) for name in self.names), default=1)
        below = TICK_GAP + ASCENT * TICK_SIZE + (lines - 1) * LINE_SPACING * TICK_SIZE
        last = TICK_SIZE
        if self.plot.horizontal and self.plot.value_label:
            below += DESCENT * last + LABEL_PAD + ASCENT * AXIS_LABEL_SIZE
            last = AXIS_LABEL_SIZE
        if self.plot.legend:
            below += DESCENT * last + LEGEND_GAP + ASCENT * LEGEND_SIZE
            last = LEGEND_SIZE
        return below + DESCENT * last + EDGE + LEGEND_GAP / 2

    def _fit(self) -> None:
        """Margins that leave room for the tick labels, the axis label and every note, the notes' reach solved
        for exactly (a note keeps its size and its gap from its value as the frame narrows)."""
        p = self.plot
        names = max((text_width(c, TICK_SIZE) for c in p.categories), default=0.0)
        values = max((text_width(t, TICK_SIZE) for t in self.tick_labels), default=0.0)
        if p.horizontal:
            self.left = EDGE + names + TICK_GAP
            self.left = max(self.left, EDGE + text_width(self.tick_labels[0], TICK_SIZE) / 2)
            span = self.width - EDGE - self.left  # the frame's width with the least right margin
            reach = [(self.share(t), text_width(s, TICK_SIZE) / 2) for t, s in zip(self.ticks, self.tick_labels)]
            reach += [(self.share(n.value), n.gap + text_width(n.text, n.size)) for n in p.notes if n.value >= 0]
            # the frame's width w must satisfy left + f·w + r ≤ width − EDGE for each text reaching r past share f
            frame_width = min([span] + [(span - r) / f for f, r in reach if f > 0])
            self.right = self.left + frame_width
        else:
            label = ASCENT * AXIS_LABEL_SIZE + DESCENT * AXIS_LABEL_SIZE + LABEL_PAD if p.value_label else 0.0
            self.left = EDGE + label + values + TICK_GAP
            slot = (self.right - self.left) / max(1, len(p.categories))
            self.names = [wrapped(name, slot - NAME_GAP, TICK_SIZE) for name in p.categories]
            self.bottom = self.height - self._below()
            span = self.bottom - EDGE
            reach = [(self.share(n.value), n.gap + n.size) for n in p.notes if n.value >= 0]
            reach += [(self.share(t), TICK_SIZE / 2) for t in self.ticks]
            frame_height = min([span] + [(span - r) / f for f, r in reach if f > 0])
            self.top = self.bottom - frame_height

    def shapes(self) -> list[Element]:
        p = self.plot
        out: list[Element] = []
        for tick in self.ticks:
            at = self.value_at(tick)
            out.append(Line(at, self.top, at, self.bottom, GRID, GRID_WIDTH) if p.horizontal
                       else Line(self.left, at, self.right, at, GRID, GRID_WIDTH))
        if p.category_grid:
            for i in range(len(p.categories)):
                at = self.category_at(i)
                out.append(Line(self.left, at, self.right, at, GRID, GRID_WIDTH) if p.horizontal
                           else Line(at, self.top, at, self.bottom, GRID, GRID_WIDTH))
        zero = self.value_at(max(p.low, min(0.0, p.high)))
        for bar in p.bars:
            end = self.value_at(bar.value)
            a, b = self.category_at(bar.at), self.category_at(bar.at + bar.thickness)
            if p.horizontal:
                out.append(Rect(min(zero, end), a, abs(end - zero), b - a, bar.colour))
            else:
                out.append(Rect(a, min(zero, end), b - a, abs(end - zero), bar.colour))
        out += [Line(self.left, self.top, self.left, self.bottom, GRID, FRAME_WIDTH),
                Line(self.right, self.top, self.right, self.bottom, GRID, FRAME_WIDTH),
                Line(self.left, self.bottom, self.right, self.bottom, GRID, FRAME_WIDTH),
                Line(self.left, self.top, self.right, self.top, GRID, FRAME_WIDTH)]
        for dot in p.dots:
            x, y = self._point(dot.at, dot.value)
            out.append(Mark(x, y, dot.style))
        return out + self._legend_swatches()

    def _point(self, at: float, value: float) -> tuple[float, float]:
        if self.plot.horizontal:
            return self.value_at(value), self.category_at(at)
        return self.category_at(at), self.value_at(value)

    def texts(self) -> list[Text]:
        p = self.plot
        out: list[Text] = []
        for note in p.notes:
            x, y = self._point(note.at, note.value)
            ahead = note.value >= 0
            if p.horizontal:
                out.append(Text(x + note.gap if ahead else x - note.gap, y + MIDDLE * note.size, note.text, note.size,
                                "start" if ahead else "end", note.colour))
            else:
                y = y - note.gap - DESCENT * note.size if ahead else y + note.gap + ASCENT * note.size
                out.append(Text(x, y, note.text, note.size, "middle", note.colour))
        colours = p.category_colours or [INK] * len(p.categories)
        baseline = self.bottom + TICK_GAP + ASCENT * TICK_SIZE
        for i, (lines, colour) in enumerate(zip(self.names, colours)):
            at = self.category_at(i)
            if p.horizontal:
                out.append(Text(self.left - TICK_GAP, at + MIDDLE * TICK_SIZE, lines[0], TICK_SIZE, "end", colour))
            else:
                out += [Text(at, baseline + j * LINE_SPACING * TICK_SIZE, line, TICK_SIZE, "middle", colour)
                        for j, line in enumerate(lines)]
        for tick, label in zip(self.ticks, self.tick_labels):
            at = self.value_at(tick)
            out.append(Text(at, baseline, label, TICK_SIZE, "middle") if p.horizontal
                       else Text(self.left - TICK_GAP, at + MIDDLE * TICK_SIZE, label, TICK_SIZE, "end"))
        if p.value_label and p.horizontal:
            baseline += DESCENT * TICK_SIZE + LABEL_PAD + ASCENT * AXIS_LABEL_SIZE
            out.append(Text((self.left + self.right) / 2, baseline, p.value_label, AXIS_LABEL_SIZE, "middle"))
        elif p.value_label:
            out.append(Text(EDGE + ASCENT * AXIS_LABEL_SIZE, (self.top + self.bottom) / 2, p.value_label,
                            AXIS_LABEL_SIZE, "middle", vertical=True))
        return out + self._legend_texts()

    # the legend: entries side by side, centred under the plot
    def _legend_baseline(self) -> float:
        return self.height - EDGE - LEGEND_GAP / 2 - DESCENT * LEGEND_SIZE

    def _legend_entries(self) -> list[tuple[float, Swatch]]:
        """Each entry's left edge."""
        handle, pad = LEGEND_HANDLE * LEGEND_SIZE, 0.8 * LEGEND_SIZE
        widths = [handle + pad + text_width(s.label, LEGEND_SIZE) for s in self.plot.legend]
        x = (self.width - sum(widths) - LEGEND_HANDLE * LEGEND_SIZE * (len(widths) - 1)) / 2
        out = []
        for width, swatch in zip(widths, self.plot.legend):
            out.append((x, swatch))
            x += width + LEGEND_HANDLE * LEGEND_SIZE
        return out

    def _legend_swatches(self) -> list[Element]:
        base, handle = self._legend_baseline(), LEGEND_HANDLE * LEGEND_SIZE
        height = 0.7 * LEGEND_SIZE
        out: list[Element] = []
        for x, swatch in self._legend_entries():
            if swatch.bar:
                out.append(Rect(x, base - height, handle, height, swatch.bar))
            elif swatch.mark:
                out.append(Mark(x + handle / 2, base - height / 2, swatch.mark))
        return out

    def _legend_texts(self) -> list[Text]:
        base, offset = self._legend_baseline(), (LEGEND_HANDLE + 0.8) * LEGEND_SIZE
        return [Text(x + offset, base, swatch.label, LEGEND_SIZE) for x, swatch in self._legend_entries()]
