"""A PDF page set in two columns, read column by column as its reader reads it, not across the gutter line by line.

pdfplumber groups the glyphs of one height into one line, so the left and the right column's lines at one height
came out as one line (…实际支出30.00 评价…) and sentences of the two columns were spliced. A gutter is a blank
band of the page's middle half that the page's text lines leave empty (a title across both columns may cross it),
with lines on both sides of it. Lines that cross it (a title, a heading set across the page) are read in their
place; between two of them, the left column's lines, then the right column's.
"""
from __future__ import annotations

import statistics
from typing import Any

Line = dict[str, Any]  # a pdfplumber text line: text, x0, x1, top, bottom and its chars
Key = tuple[int, int, float]  # (segment between lines crossing the gutter, column: -1 across, 0 left, 1 right, top)

CROSSING = 0.15  # at most this share of the lines may cross the gutter (titles, headings set across the page)
BOTH_SIDES = 0.2  # at least this share of the lines have text on both sides of it
MIN_LINES = 6
JOIN = 0.2  # glyphs nearer than this many ems are one run of text (CJK glyphs touch)
GUTTER = 0.3  # the narrowest gutter, in ems: a layout table's cells may stand under half an em apart, and a band
# that narrow, empty in nearly every line, is no chance alignment of word spaces
CELL_GAP = 1.2  # glyphs this many ems apart stand in two cells of a table set without rules (as pdf.COLUMN_GAP)
WORD_GAP = 1.5  # points between two glyphs read as a space, as the line extraction reads them


def _spans(line: Line, join: float) -> list[tuple[float, float]]:
    """The x extents a line's glyphs cover, glyphs nearer than `join` merged into one span."""
    spans: list[list[float]] = []
    for char in sorted(line["chars"], key=lambda c: c["x0"]):
        if spans and char["x0"] - spans[-1][1] < join:
            spans[-1][1] = max(spans[-1][1], char["x1"])
        else:
            spans.append([char["x0"], char["x1"]])
    return [(a, b) for a, b in spans]


def gutter(lines: list[Line]) -> float | None:
    """The x of the gutter between two columns of text, or None when the page is not set in columns."""
    lines = [line for line in lines if line.get("chars")]
    if len(lines) < MIN_LINES:
        return None
    size = statistics.median(c["size"] for line in lines for c in line["chars"])
    if sum(1 for line in lines if len(_spans(line, CELL_GAP * size)) > 2) > CROSSING * len(lines):
        return None  # rows of a table set without rules: its columns are no gutter
    spans = [_spans(line, JOIN * size) for line in lines]
    low, high = min(s[0][0] for s in spans), max(s[-1][1] for s in spans)

    def crossing(x: float) -> int:
        return sum(1 for s in spans if any(a <= x <= b for a, b in s))

    bands: list[tuple[float, float]] = []  # runs of x that nearly no line covers, in the page's middle half
    x, start = low + (high - low) / 4, None
    while x <= high - (high - low) / 4:
        if crossing(x) <= CROSSING * len(lines):
            start = x if start is None else start
        elif start is not None:
            bands.append((start, x - 1.0))
            start = None
        x += 1.0
    if start is not None:
        bands.append((start, x - 1.0))
    for a, b in sorted(bands, key=lambda band: band[0] - band[1]):  # the widest first
        steps = [a + k for k in range(int(b - a) + 1)]
        fewest = min(crossing(x) for x in steps)
        emptiest = [x for x in steps if crossing(x) == fewest]
        middle = (emptiest[0] + emptiest[-1]) / 2  # the middle of its emptiest part
        both = sum(1 for s in spans if s[0][0] < middle < s[-1][1] and not any(p <= middle <= q for p, q in s))
        both += _side_by_side([line["top"] for line, s in zip(lines, spans) if s[-1][1] < middle],
                              [line["top"] for line, s in zip(lines, spans) if s[0][0] > middle])
        if b - a >= GUTTER * size and both >= max(3, BOTH_SIDES * len(lines)):
            return middle
    return None


def _side_by_side(left: list[float], right: list[float]) -> int:
    """How many lines stand beside a line of the other side, as two columns' lines do when their baselines are not
    at one height (a browser's columns: the extractor then keeps each column's lines apart, and nothing crossed the
    gutter with text on both sides of it): the lines of the fewer side that lie between the other side's first and
    last. A signature set right below the text, or a paragraph's short last lines, lie beside none."""
    if not left or not right:
        return 0
    fewer, more = sorted((left, right), key=len)
    return sum(1 for top in fewer if min(more) < top < max(more))


def _part(line: Line, chars: list[dict[str, Any]]) -> Line:
    """The line made of some of its glyphs (one column's), its text read as the line extraction reads it."""
    chars = sorted(chars, key=lambda c: c["x0"])
    text = "".join((" " if k and c["x0"] - chars[k - 1]["x1"] > WORD_GAP else "") + c["text"]
                   for k, c in enumerate(chars))
    return {**line, "text": text.strip(), "chars": chars, "x0": chars[0]["x0"], "x1": chars[-1]["x1"],
            "top": min(c["top"] for c in chars), "bottom": max(c["bottom"] for c in chars)}


def in_columns(lines: list[Line], at: float) -> tuple[list[tuple[Key, Line]], list[float]]:
    """The lines in reading order around a gutter at x `at`: each with its key, and those of a column with the
    column's margins (left, right), so that a paragraph's end is judged against its own column; and the tops of the
    lines crossing the gutter, which bound the segments (for placing a table among them)."""
    across: list[Line] = []
    sides: list[tuple[int, Line]] = []
    for line in lines:
        chars = line.get("chars") or []
        if any(c["x0"] < at < c["x1"] for c in chars):
            across.append(line)
            continue
        for column in (0, 1):
            own = [c for c in chars if ((c["x0"] + c["x1"]) / 2 < at) == (column == 0)]
            if own:
                sides.append((column, _part(line, own)))
    tops = sorted(line["top"] for line in across)
    margins = {column: (min(p["x0"] for k, p in sides if k == column), max(p["x1"] for k, p in sides if k == column))
               for column in {k for k, _ in sides}}
    ordered: list[tuple[Key, Line]] = [((segment(tops, line["top"]), -1, line["top"]), line) for line in across]
    ordered += [((segment(tops, p["top"]), k, p["top"]), {**p, "left": margins[k][0], "right": margins[k][1]})
                for k, p in sides]
    return sorted(ordered, key=lambda item: item[0]), tops


def segment(tops: list[float], top: float) -> int:
    """Which segment of the page a top falls in: how many lines crossing the gutter start at or above it."""
    return sum(1 for t in tops if t <= top)
