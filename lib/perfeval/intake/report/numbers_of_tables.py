"""What numbers a table rather than states its figures: a 序号 / 编号 column's row numbers, a statement's 行次 and
栏次 (the line numbers of a 决算 table: 一、一般公共预算财政拨款收入 | 1 | 1,640,204.92), and a row that numbers the
columns (栏次 | 1 | 2 | 3). Such cells are taken out as the document is built, so no reader, table or prose, takes
them for figures; everything else a table holds stays as it was.
"""
from __future__ import annotations

import re

INDEX_COLUMN = re.compile(r"^(?:序\s*号|编\s*号|行\s*次|栏\s*次|No\.?)$", re.IGNORECASE)
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3}、?|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)])$")
_LINE_NUMBERS = re.compile(r"^(?:行\s*次|栏\s*次)$")
_LINE_NUMBER = re.compile(r"^\d{1,3}$")
MAX_HEADER_ROWS = 4  # rows at a table's head where its column names (行次 among them) may stand


def _numbers_the_columns(cells: tuple[str, ...]) -> bool:
    """Is the row a table's column numbers (栏次 | 1 | 2 | 3, 栏次 | 1 | 栏次 | 2, or 1 | 2 | 3 | 4 alone)?"""
    filled = [c.strip() for c in cells if c.strip()]
    if filled and _LINE_NUMBERS.match(filled[0]):
        return all(_LINE_NUMBER.match(c) or _LINE_NUMBERS.match(c) for c in filled[1:])
    return len(filled) >= 3 and filled == [str(n) for n in range(1, len(filled) + 1)]


MIN_COUNTED_ROWS = 3  # rows whose first cells count up 1, 2, 3 … that show them to be row numbers without a 序号 header
_WORDS = re.compile(r"[^\d\s.,%％]")


def _counting_column(rows: list[tuple[str, ...]]) -> set[int]:
    """The first column when it numbers the rows without a header saying so: whole numbers counting up by one from
    row to row, or again from 1 (a 合计 row's blank or words between them allowed), each before a cell of words (the
    row's name).
    Amounts never run 1, 2, 3 down a table's first column."""
    numbered = [row for row in rows if row and _LINE_NUMBER.match(row[0].strip())]
    if len(numbered) < MIN_COUNTED_ROWS and not (len(numbered) == 2 and numbered[0][0].strip() == "1"):
        return set()
    counts = [int(row[0]) for row in numbered]
    named = all(len(row) > 1 and _WORDS.search(row[1]) for row in numbered)
    counting = all(b == a + 1 or b == 1 for a, b in zip(counts, counts[1:]))  # numbering may start again under
    # each part of the table (1 2 3 / 1 2 under the next level-1 indicator)
    return {0} if named and counting and max(counts) > 1 else set()


def unnumbered(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The rows of one table (its header first) with the numbers that number it blanked: a row numbering the columns
    wholly; in a table whose head names 行次 or 栏次, every bare whole number of up to three digits (a statement's
    line numbers; its amounts carry decimals); under a 序号 / 编号 header cell, or in a first column counting the rows
    up (1, 2, 3 …), the row numbers in that column."""
    if not rows:
        return rows
    head = rows[:MAX_HEADER_ROWS]
    lines = any(_LINE_NUMBERS.match(c.strip()) for row in head for c in row)
    counting = _counting_column(rows)
    index = {k for k, c in enumerate(rows[0]) if INDEX_COLUMN.match(c.strip())} | counting
    out = [("", *rows[0][1:]) if counting and _LINE_NUMBER.match(rows[0][0].strip()) else rows[0]]  # no header above
    for row in rows[1:]:
        if _numbers_the_columns(row):
            out.append(tuple("" for _ in row))
            continue
        out.append(tuple("" if (lines and _LINE_NUMBER.match(c.strip())) or (k in index and _ROW_NUMBER.match(c.strip()))
                         else c for k, c in enumerate(row)))
    return out


_YEAR = re.compile(r"(?:19|20)\d{2}+")
_NUMBER = re.compile(r"[-−]?[\d,]+(?:\.\d+)?%?")


def years_heading_columns(lines: list[list[str]]) -> set[int]:
    """The lines (each as its cells, or its words where spaces set a table out) that are a table's header of years
    over its values (项目 | 2022 | 2023 above 基本支出 | 120.00 | 130.00): two or more years rising, every number of
    the line a year, after a word, and a line of at least as many values under it. The years name the columns; the
    values are the figures (three years or more in a row are so already, `core.quantity`)."""
    out: set[int] = set()
    for i, (line, under) in enumerate(zip(lines, lines[1:])):
        numbers = [c for c in line if _NUMBER.fullmatch(c)]
        values = [c for c in under if _NUMBER.fullmatch(c)]
        years = [int(c) for c in numbers if _YEAR.fullmatch(c)]
        if len(years) >= 2 and len(years) == len(numbers) and years == sorted(set(years)) \
                and line and not _NUMBER.fullmatch(line[0]) and len(values) >= len(years) \
                and any(not _YEAR.fullmatch(v) for v in values):
            out.add(i)
    return out
