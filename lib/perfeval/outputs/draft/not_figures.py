"""The numbers of a report's prose the reader took for no figure (codes, telephone and page numbers, addresses, row
numbers …), each sentence once with its numbers, so that the review page shows an analyst what was left out.

Years and dates (2025年, 3月, 15日, 2022-09-15, a lone 2025) and a heading's number (1. （1） 1、) are no figures by their writing
and are not listed; nor are the numbers of the blocks and cells the table readers took (rows and cells, not prose).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ...intake.report import Draft

MAX_SENTENCES = 200  # sentences listed; a report holding more says how many more
_NUMBER = re.compile(r"\d++(?:[.．]\d++)?+")
_DATE_AFTER = re.compile(r"\s*+(?:年|月|日)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d[-/.](?:1[0-2]|0?+[1-9])(?:[-/.](?:[12]\d|3[01]|0?+[1-9]))?(?!\d)")  # 2022-09-15
_HEADING = re.compile(r"\s*+[（(]?+\d{1,2}+[)）.、．]")


@dataclass(frozen=True)
class NotFigures:
    """A sentence of the report (with its section) and the numbers in it, as written, the reader took for no figure."""

    sentence: str
    numbers: tuple[str, ...]


def not_figures(draft: Draft) -> tuple[list[NotFigures], int]:
    """The sentences holding numbers the reader took for no figure, at most MAX_SENTENCES, and how many in all."""
    reading = draft.reading
    if reading is None:
        return [], 0
    spans: dict[tuple[int, int | None, str], list[tuple[int, int]]] = {}  # a sentence's figures, where they stand
    elsewhere: dict[tuple[int, int | None], set[str]] = {}  # numbers of figures read with the line above (paired)
    for m in reading.figures:
        spans.setdefault((m.where.block, m.where.cell, m.where.text), []).append((m.start, m.end))
        elsewhere.setdefault((m.where.block, m.where.cell), set()).update(_NUMBER.findall(m.where.text[m.start:m.end]))
    out: list[NotFigures] = []
    count = 0
    for s in reading.document.sentences():
        if s.block in reading.table_blocks or s.cell is not None and (s.block, s.cell) in reading.table_cells:
            continue
        taken = sorted(spans.get((s.block, s.cell, s.text), []))
        paired = elsewhere.get((s.block, s.cell), set())
        heading = _HEADING.match(s.text)
        undated = _DATE.sub(lambda d: " " * len(d.group(0)), s.text)
        left = tuple(n.group(0) for n in _NUMBER.finditer(undated)
                     if not _taken(n, taken) and n.group(0) not in paired and not _dated(s.text, n)
                     and not (heading and n.start() < heading.end()))
        if left:
            count += 1
            if len(out) < MAX_SENTENCES:
                out.append(NotFigures(f"{s.section} {s.text}".strip(), left))
    return out, count


def _taken(number: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    """Does a figure the reader took stand where the number is? (spans sorted: found by bisection, so a sentence of
    thousands of figures is not compared pair by pair)"""
    k = bisect.bisect_right(spans, (number.end(), number.end())) - 1  # the last figure starting before its end
    return any(a < number.end() and number.start() < b for a, b in spans[max(0, k - 1):k + 1])


def _dated(text: str, number: re.Match[str]) -> bool:
    """A year or a date: 2025年, 3月, 15日, a lone year (2021—2025)."""
    return bool(_DATE_AFTER.match(text, number.end())) or bool(_YEAR.fullmatch(number.group(0)))
