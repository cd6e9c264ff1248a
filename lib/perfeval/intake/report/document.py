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

from ...core.quantity import STOP_AS_POINT
from ...errors import DraftError
from ...paths import REPORT_SUFFIXES, WORKBOOK_SUFFIXES
from .. import documents, html_page, pdf
from ..documents import TEXT_CUT, Row, Skipped, cell_text, clean, join_lines
from .cell_lines import cell_per_line_tables
from .furniture import furniture_lines
from .numbers_of_tables import unnumbered
from .row_numbers import without_subject_codes, without_years_of_a_when_column
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
MAX_TEXT = 2_000_000  # characters of text read of a report (about 1,500 pages); the rest of a longer one is said unread
# A full stop an input method typed for an amount's point (16。22万元) ends no sentence: the number reader reads it.
_SENTENCE = re.compile(rf"(?:[^。；;！!？?]|(?<=\d){STOP_AS_POINT})*(?:[。；;！!？?]+[”’」』）)]*|$)")


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
    last place before it that is not inside a number; a number that fills the whole window is kept whole, cut
    after it (a run of 5,000 digits is one number, listed 存疑 as beyond any figure, never read as one-digit
    sentences, which took time quadratic in its length and drafted each as a figure)."""
    window = s[:MAX_SENTENCE]
    mark = max(window.rfind(c) for c in "，,、 \t")
    if mark > MAX_SENTENCE // 2:
        return mark + 1
    cut = MAX_SENTENCE
    if not (_in_number(s[cut - 1]) and _in_number(s[cut])):
        return cut
    start = cut
    while start > 0 and _in_number(s[start - 1]):
        start -= 1
    if start > 0:
        return start  # before the number the window ends in
    end = cut
    while end < len(s) and _in_number(s[end]):
        end += 1
    return end


def _in_number(c: str) -> bool:
    return c.isdigit() or c in ".．"


def build(source: str, items: Iterable[str | Row | Skipped]) -> Document:
    """A Document from a reader's paragraphs and rows: empty ones dropped, trailing empty cells trimmed,
    section paths assigned from the numbering (a row with a single non-empty cell can carry a heading).
    A contents list and a web page's chrome are kept as blocks (the unit's name and dates are read there) but
    marked `furniture`, and their headings open no section (a contents line 附件6 is not the body's attachment).
    """
    tracker = SectionTracker()
    blocks: list[Block] = []
    skipped: list[str] = []
    read: list[str | Row] = []
    for item in cell_per_line_tables(items):
        if isinstance(item, Skipped):
            skipped.append(item.note)
        else:
            read.append(item)
    lines: list[tuple[str, tuple[str, ...], int | None]] = []  # (kind, cells, table) of each block to be
    for item in _unnumbered(read):
        if isinstance(item, Row):
            joined = cell_text if len(item.cells) > 1 else join_lines  # a lone cell's heading opens a section
            cells = [joined(c.split("\n")) for c in item.cells]
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


def _unnumbered(items: list[str | Row]) -> list[str | Row]:
    """The items with the numbers that number each table (numbers_of_tables), the codes that name its lines and the
    years of a column of years (row_numbers) blanked in its rows."""
    by_table: dict[int, list[tuple[int, Row]]] = {}
    for k, item in enumerate(items):
        if isinstance(item, Row):
            by_table.setdefault(item.table, []).append((k, item))
    out = list(items)
    for rows in by_table.values():
        for (k, row), cells in zip(rows, without_years_of_a_when_column(unnumbered([row.cells for _, row in rows]))):
            out[k] = Row(without_subject_codes(cells), row.table)
    return out


def _length(item: str | Row) -> int:
    return len(item) if isinstance(item, str) else sum(len(c) for c in item.cells)


def within_text_bound(items: list[str | Row | Skipped]) -> list[str | Row | Skipped]:
    """The paragraphs and rows within the first MAX_TEXT characters, and what the file says it left out; past the
    bound, a note of where reading stopped and how much was not read (a long report is drafted in part, never
    refused whole: issue 19 item 6). The file's bytes are bounded before (documents.MAX_BYTES)."""
    size = 0
    for i, item in enumerate(items):
        if isinstance(item, Skipped):
            continue
        size += _length(item)
        if size > MAX_TEXT:
            kept, rest = _head(item, MAX_TEXT - (size - _length(item))), items[i + 1:]
            unread = item[len(kept):] if isinstance(item, str) else item
            left = _length(unread) + sum(_length(x) for x in rest if not isinstance(x, Skipped))
            start = clean(unread if isinstance(unread, str) else " ".join(unread.cells))[:30]
            return [*items[:i], *([kept] if kept else []), *(x for x in rest if isinstance(x, Skipped)),
                    Skipped(f"{TEXT_CUT}：自“{start}”起的其余 {left:,} 字未读取（全文 {size - _length(unread) + left:,} "
                            f"字，超过一份报告读取的上限 {MAX_TEXT:,} 字，约 1,500 页）；请将未读的部分（如附表）另存为文件单独起草")]
    return items


def _head(item: str | Row, room: int) -> str:
    """What of the item that passes the bound is read: of a paragraph (a .txt of one long line is one), its whole
    lines or sentences within the room left; of a table row, nothing."""
    if not isinstance(item, str):
        return ""
    head = item[:room]
    return head[:max(head.rfind("\n"), head.rfind("。")) + 1]


def read_document(path: str | Path) -> Document:
    """Read a report (.txt, .docx, text-based .pdf, or the web page it was published on) into a Document, or raise a
    DraftError naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    readers = {".txt": html_page.txt_or_page_items, ".docx": documents.docx_items, ".pdf": pdf.pdf_items,
               **dict.fromkeys(html_page.PAGE_SUFFIXES, html_page.html_items)}
    if suffix in WORKBOOK_SUFFIXES:
        raise DraftError(str(path), [("", f"is a workbook ({path.suffix}), not a report: a filled intake workbook is "
                                          f"read into params with `perfeval excel import {path}`")])
    if suffix not in readers:
        known = ", ".join((*FORMATS, *html_page.PAGE_SUFFIXES))
        raise DraftError(str(path), [("", (f"is not a report this reader knows: expected one of {known} "
                                          "(a .doc, .wps or RTF (.rtf) file must be saved as .docx first)"))])
    document = build(str(path), within_text_bound(list(readers[suffix](path))))
    if not document.blocks:
        raise DraftError(str(path), [("", "holds no text")])
    return document
