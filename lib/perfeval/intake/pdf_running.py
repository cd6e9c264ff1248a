"""A PDF's running headers and footers: the lines a browser, Word or WPS prints in every page's margin (the date and
the page's title, its address and `1/3`, 第 1 页, - 2 -), which are no part of the report's text.

They are found by where they stand and what they hold, not by their words: the topmost or bottommost line of a page,
set apart from the text (smaller than it, or a wide gap away), that either repeats at the same height on other pages
(its page number aside) or, on a page alone, holds a page number or a printed date. Read as text, they cut the body:
a browser's footer ends at the paper's right edge, so every wrapped body line looked short and ended its paragraph
(`…较上` / `年下降10%。`, U56).
"""
from __future__ import annotations

import re
import statistics
from typing import Any

SAME_PLACE = 3.0  # points: a running line stands this near the same height on every page
SMALLER = 0.9  # of the body text's size: a line at most this size is set apart from it
APART = 2.0  # body line heights: a gap this wide sets a line apart, as a page's margin does
_PAGE_NUMBER = re.compile(r"(?<![\d/])\d++\s*/\s*\d++(?![\d/])|第\s*\d++\s*页|[-—–]\s*\d++\s*[-—–]|\bpage\s+\d++", re.I)
_PRINTED_AT = re.compile(r"(?<!\d)\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?!\d)|(?<!\d)\d{1,2}:\d{2}(?!\d)")  # 12/7/26, 5:40
_DIGITS = re.compile(r"\d++")

Line = dict[str, Any]  # a text line as pdf.py keeps it: x0, x1, top, bottom, text, size


def running(pages: list[list[Line]]) -> set[tuple[int, int]]:
    """The running header and footer lines, as (page, index of the line in its page's list)."""
    sizes = [line["size"] for page in pages for line in page if line.get("size")]
    if not sizes:
        return set()
    size = statistics.median(sizes)
    height = statistics.median(line["bottom"] - line["top"] for page in pages for line in page)
    edges: dict[str, list[tuple[int, int]]] = {"top": [], "bottom": []}
    for p, page in enumerate(pages):
        if len(page) < 2:
            continue
        order = sorted(range(len(page)), key=lambda k: page[k]["top"])
        for edge, k, nearest in (("top", order[0], order[1]), ("bottom", order[-1], order[-2])):
            line, other = page[k], page[nearest]
            gap = other["top"] - line["bottom"] if edge == "top" else line["top"] - other["bottom"]
            if line.get("size", size) <= SMALLER * size or gap >= APART * height:
                edges[edge].append((p, k))
    found: set[tuple[int, int]] = set()
    for edge, places in edges.items():
        for p, k in places:
            line = pages[p][k]
            again = [q for q, j in places if q != p and _same(pages[q][j], line)]
            marked = _PAGE_NUMBER.search(line["text"]) or edge == "top" and _PRINTED_AT.search(line["text"])
            if again or marked and line.get("size", size) <= SMALLER * size:
                found.add((p, k))
    return found


def _same(a: Line, b: Line) -> bool:
    """Two lines printed as one running line: at the same height, the same text but for their numbers."""
    return abs(a["top"] - b["top"]) <= SAME_PLACE and _DIGITS.sub("#", a["text"]) == _DIGITS.sub("#", b["text"])
