"""The numbers of a report's prose the reader took for no figure (codes, telephone and page numbers, addresses, row
numbers …), each sentence once with its numbers, so that the review page shows an analyst what was left out.

Years and dates (2025年, 3月, 15日, 2022-09-15, a lone 2025) and a heading's number (1. （1） 1、) are no figures by their writing
and are not listed; nor are the numbers of the blocks and cells the table readers took (rows and cells, not prose).
"""
from __future__ import annotations

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
    covered: dict[tuple[int, int | None], list[tuple[str, int, int]]] = {}
    for m in reading.figures:
        covered.setdefault((m.where.block, m.where.cell), []).append((m.where.text, m.start, m.end))
    out: list[NotFigures] = []
    count = 0
    for s in reading.document.sentences():
        if s.block in reading.table_blocks or s.cell is not None and (s.block, s.cell) in reading.table_cells:
            continue
        spans = covered.get((s.block, s.cell), [])
        heading = _HEADING.match(s.text)
        undated = _DATE.sub(lambda d: " " * len(d.group(0)), s.text)
        left = tuple(n.group(0) for n in _NUMBER.finditer(undated)
                     if not _taken(s.text, n, spans) and not _dated(s.text, n)
                     and not (heading and n.start() < heading.end()))
        if left:
            count += 1
            if len(out) < MAX_SENTENCES:
                out.append(NotFigures(f"{s.section} {s.text}".strip(), left))
    return out, count


def _taken(text: str, number: re.Match[str], spans: list[tuple[str, int, int]]) -> bool:
    """Does a figure the reader took stand where the number is (in this sentence, or read with the line above it)?"""
    return any(a < number.end() and number.start() < b if where == text else number.group(0) in where[a:b]
               for where, a, b in spans)


def _dated(text: str, number: re.Match[str]) -> bool:
    """A year or a date: 2025年, 3月, 15日, a lone year (2021—2025)."""
    return bool(_DATE_AFTER.match(text, number.end())) or bool(_YEAR.fullmatch(number.group(0)))
