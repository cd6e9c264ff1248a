"""A unit's report as read from .txt, .docx or text-based .pdf: paragraphs and table rows in body order,
each in the section its own numbering puts it, and the sentences they hold.

Every format reader gives the same raw material (paragraph texts and table rows of cell texts, in order);
sections and sentences are derived here once, so a report reads the same whichever format it came in.
Nothing here knows params or figures.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ...errors import DraftError
from ...paths import REPORT_SUFFIXES, WORKBOOK_SUFFIXES
from .. import documents, pdf
from ..documents import Row, Skipped, clean, join_lines
from .furniture import furniture_lines
from .sections import SectionTracker

FORMATS = REPORT_SUFFIXES


@dataclass(frozen=True)
class Block:
    """A paragraph (one cell) or a table row, in the section its numbering puts it."""

    kind: Literal["paragraph", "row"]
    cells: tuple[str, ...]
    section: str
    table: int | None = None

    @property
    def text(self) -> str:
        return " | ".join(self.cells)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the report with where it is: its section path, its block and (in a table) its cell."""

    text: str
    section: str
    block: int
    cell: int | None = None


@dataclass(frozen=True)
class Document:
    """A report read into blocks; `source` is the file it came from."""

    source: str
    blocks: tuple[Block, ...]
    skipped: tuple[str, ...] = ()  # what the file holds and the reader did not read, each said
    furniture: frozenset[int] = frozenset()  # blocks of a contents list or web chrome: no figures, no sections

    def sentences(self) -> list[Sentence]:
        """Every sentence, split on 。；！？ (and their ASCII forms), keeping the section path.

        Paragraphs are one line each, so line ends split too; a table cell is its own sentence (or several).
        """
        out: list[Sentence] = []
        for i, block in enumerate(self.blocks):
            for j, cell in enumerate(block.cells):
                for text in split_sentences(cell):
                    out.append(Sentence(text, block.section, i, j if block.kind == "row" else None))
        return out

    def tables(self) -> list[list[Block]]:
        """The rows of each table, in order."""
        found: dict[int, list[Block]] = {}
        for block in self.blocks:
            if block.kind == "row" and block.table is not None:
                found.setdefault(block.table, []).append(block)
        return list(found.values())


MAX_SENTENCE = 1000  # characters: a longer run without a sentence mark is read in pieces of at most this
MAX_TEXT = 2_000_000  # characters of text a report may hold (about 1,500 pages); a longer one is refused, by name
_SENTENCE = re.compile(r"[^。；;！!？?]*(?:[。；;！!？?]+[”’」』）)]*|$)")


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph or cell, each keeping its closing mark (and a quotation mark closing after it).

    A run of text longer than MAX_SENTENCE with no sentence mark is cut at its last comma, pause or space before
    the limit (never inside a number), so that reading a sentence never costs more than a bounded length does."""
    out = []
    for line in text.split("\n"):
        for m in _SENTENCE.finditer(line):
            s = m.group(0).strip()
            while len(s) > MAX_SENTENCE:
                cut = _cut_at(s)
                out.append(s[:cut].strip())
                s = s[cut:].strip()
            if s:
                out.append(s)
    return out


def _cut_at(s: str) -> int:
    """Where to cut an over-long sentence: after the last clause mark or space before MAX_SENTENCE, else at the
    last place before it that is not inside a number."""
    window = s[:MAX_SENTENCE]
    mark = max(window.rfind(c) for c in "，,、 \t")
    if mark > MAX_SENTENCE // 2:
        return mark + 1
    cut = MAX_SENTENCE
    while cut > 1 and (s[cut - 1].isdigit() or s[cut - 1] in ".．") and (s[cut].isdigit() or s[cut] in ".．"):
        cut -= 1
    return cut


MAX_HEADER_CELL = 24  # characters of a line that can be a column header of a table saved one cell per line
MAX_HEADER_LINES = 24  # short lines a table's header (titles and column names) saved one cell per line may run to
MAX_BARE_ROWS = 6  # row labels without values a table saved one cell per line may hold between its rows
CELL_TABLES = 100_000  # table numbers from here on are tables rebuilt from one cell per line
_LONE_NUMBER = re.compile(r"[-－]?[\d.,，]+\s*[%％]?")
_COLUMN_HEADER = re.compile(r"(?:19|20)\d{2}\s*年|预算数|决算数|执行数")  # a new header, not a row left bare


def _lone_number(line: str) -> bool:
    return bool(_LONE_NUMBER.fullmatch(line))


def _header_like(line: str) -> bool:
    return bool(line) and len(line) <= MAX_HEADER_CELL and not _lone_number(line) \
        and not re.search(r"[。；;！!？?]$", line)


def cell_per_line_tables(items: Iterable[str | Row | Skipped]) -> list[str | Row | Skipped]:
    """Tables a web page saved one cell per line, rebuilt as rows: a run of short header lines followed by rows
    of a label and as many lines holding one number each (三公经费: / 0 / 0 / 0, at least two such rows) is a
    header row and its rows; a run of short lines followed by exactly as many numbers (编制数 / 2023 年实际在职人数 /
    控制率 / 46 / 50 / 108.70%) a header row and a row of values. Anything else stays as the paragraphs it was."""
    lines: list[str | Row | Skipped] = []
    for item in items:
        if isinstance(item, str):
            lines += [t for t in (clean(x) for x in item.split("\n")) if t]
        else:
            lines.append(item)
    out: list[str | Row | Skipped] = []
    k, table = 0, CELL_TABLES
    while k < len(lines):
        found = _cell_table(lines, k)
        if found is None:
            form = _form_table(lines, k)
            if form is None:
                out.append(lines[k])
                k += 1
                continue
            before, rows, after, k = form
            table += 1
            out += [*before, *(Row(tuple(cells), table) for cells in rows), *after]
            continue
        rows, k = found
        table += 1
        out += [Row(tuple(cells), table) for cells in rows]
    return out


_EMPTY_CELL = re.compile(r"[/／\-－—–]")  # a form's mark for a cell with nothing to state


def _form_table(lines: list, k: int) -> tuple[list[str], list[list[str]], list[str], int] | None:
    """A form (a 绩效自评表's budget block) saved one cell per line: a header run whose last column names stand over
    rows of a label and up to as many values, left-aligned, cells left empty at a row's end or marked / , a note
    between two rows (填表说明) kept as a paragraph after the table. The column names are the last w header lines
    for the largest w that puts every percentage under a rate column and no other value under one; a form with no
    percentage, or fewer than two rows, gives no such test and stays as its paragraphs.
    Returns (header lines above the columns, rows, notes, the line after it), or None."""
    def text(i: int) -> str:
        return lines[i] if i < len(lines) and isinstance(lines[i], str) else ""

    def value(i: int) -> bool:
        return _lone_number(text(i)) or bool(_EMPTY_CELL.fullmatch(text(i)))

    n = 0
    while n < MAX_HEADER_LINES and _header_like(text(k + n)) and not value(k + n):
        n += 1
    if n < 3 or not value(k + n):
        return None
    rows: list[list[str]] = []
    notes: list[str] = []
    i = k + n - 1
    while _header_like(text(i)) and value(i + 1):
        j = i + 1
        while value(j):
            j += 1
        rows.append([text(i)] + ["" if _EMPTY_CELL.fullmatch(text(x)) else text(x) for x in range(i + 1, j)])
        i = j
        if not _header_like(text(i)) and text(i) and _header_like(text(i + 1)) and value(i + 2):
            notes.append(text(i))  # a note between two rows of the form
            i += 1
    values = [r[1:] for r in rows]
    if len(rows) < 2 or not any("%" in v or "％" in v for r in values for v in r):
        return None
    for w in range(n - 1, 1, -1):
        header = [text(x) for x in range(k + n - 1 - w, k + n - 1)]
        if all(len(r) <= w for r in values) and _rates_fit(header, values):
            return [text(x) for x in range(k, k + n - 1 - w)], [[""] + header] + rows, notes, i
    return None


def _cell_table(lines: list, k: int) -> tuple[list[list[str]], int] | None:
    """The rows of a one-cell-per-line table whose header starts at line k, and the line after it; or None.

    Of the short lines from k, all but the last are the header when rows of a label and as many numbers follow
    (the last short line is the first row's label); else all of them are, when exactly as many numbers follow."""
    def text(i: int) -> str:
        return lines[i] if i < len(lines) and isinstance(lines[i], str) else ""

    def numbers(i: int, width: int) -> bool:
        return all(_lone_number(text(i + j)) for j in range(width)) and not _lone_number(text(i + width))

    n = 0
    while n < MAX_HEADER_LINES and _header_like(text(k + n)):
        n += 1  # bounded: tried from every line, an unbounded run of short lines would cost its square
    width = n - 1
    rows: list[list[str]] = []
    i = k + width
    while width >= 2:
        bare = 0  # rows the page left without values (1、业务工作经费), kept while valued rows follow
        while bare < MAX_BARE_ROWS and _header_like(text(i + bare)) and not _COLUMN_HEADER.search(text(i + bare)) \
                and not numbers(i + bare + 1, width):
            bare += 1
        at = i + bare
        if not (_header_like(text(at)) and numbers(at + 1, width)):
            break
        rows += [[text(i + j)] for j in range(bare)] + [[text(at)] + [text(at + 1 + j) for j in range(width)]]
        i = at + 1 + width
    header = [text(k + j) for j in range(max(width, 0))]
    valued = [r[1:] for r in rows if len(r) > 1]
    if valued and _rates_fit(header, valued) and (len(valued) >= 2 or any("%" in v or "％" in v for v in valued[0])):
        return [[""] + header] + rows, i
    if n >= 2 and numbers(k + n, n):
        header, values = [text(k + j) for j in range(n)], [text(k + n + j) for j in range(n)]
        if _rates_fit(header, [values]):
            return [header, values], k + 2 * n
    return None


def _rates_fit(header: list[str], rows: list[list[str]]) -> bool:
    """Do percentages stand exactly under the columns that name a rate (控制率, 执行率)? A reading that puts
    108.70% under 实际在职人数 has the columns shifted by one."""
    return all(("%" in v or "％" in v) == bool(re.search(r"率|%|％|比例|比重", h))
               for row in rows for h, v in zip(header, row) if v)


def build(source: str, items: Iterable[str | Row | Skipped]) -> Document:
    """A Document from a reader's paragraphs and rows: empty ones dropped, trailing empty cells trimmed,
    section paths assigned from the numbering (a row with a single non-empty cell can carry a heading).
    A contents list and a web page's chrome are kept as blocks (the unit's name and dates are read there) but
    marked `furniture`, and their headings open no section (a contents line 附件6 is not the body's attachment).
    """
    tracker = SectionTracker()
    blocks: list[Block] = []
    skipped: list[str] = []
    lines: list[tuple[str, tuple[str, ...], int | None]] = []  # (kind, cells, table) of each block to be
    for item in cell_per_line_tables(items):
        if isinstance(item, Skipped):
            skipped.append(item.note)
        elif isinstance(item, Row):
            cells = [join_lines(c.split("\n")) for c in item.cells]
            while cells and not cells[-1]:
                cells.pop()
            if any(cells):
                lines.append(("row", tuple(cells), item.table))
        else:
            lines += [("paragraph", (text,), None) for text in (clean(x) for x in item.split("\n")) if text]
    furniture = furniture_lines([" ".join(c for c in cells if c) for _, cells, _ in lines])
    for i, (kind, cells, table) in enumerate(lines):
        if i not in furniture:
            filled = [c for c in cells if c]
            if kind == "paragraph":
                tracker.read(cells[0])
            elif len(filled) == 1:  # a part heading set in a table (三、…)
                tracker.read(filled[0], in_table=True)
        blocks.append(Block("row" if kind == "row" else "paragraph", cells, tracker.path, table))
    return Document(source, tuple(blocks), tuple(skipped), frozenset(furniture))


def read_document(path: str | Path) -> Document:
    """Read a report (.txt, .docx or text-based .pdf) into a Document, or raise a DraftError naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    readers = {".txt": documents.txt_items, ".docx": documents.docx_items, ".pdf": pdf.pdf_items}
    if suffix in WORKBOOK_SUFFIXES:
        raise DraftError(str(path), [("", f"is a workbook ({path.suffix}), not a report: a filled intake workbook is "
                                          f"read into params with `perfeval excel import {path}`")])
    if suffix not in readers:
        raise DraftError(str(path), [("", (f"is not a report this reader knows: expected one of {', '.join(FORMATS)} "
                                          "(a .doc or .wps file must be saved as .docx first)"))])
    items = list(readers[suffix](path))
    size = sum(len(x) if isinstance(x, str) else sum(len(c) for c in x.cells) for x in items
               if not isinstance(x, Skipped))  # what was left out is a note, not text
    if size > MAX_TEXT:
        raise DraftError(str(path), [("", (f"holds {size:,} characters of text; the reader drafts reports of at most "
                                           f"{MAX_TEXT:,} (about 1,500 pages): draft the 自评报告 alone, or split the file"))])
    document = build(str(path), items)
    if not document.blocks:
        raise DraftError(str(path), [("", "holds no text")])
    return document
