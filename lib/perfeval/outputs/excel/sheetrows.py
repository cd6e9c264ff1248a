"""The rows of an openpyxl write-only worksheet, written as XML text.

openpyxl makes a cell object of every value, binds its type, hashes its style and writes it element by element
(in ASCII: a Chinese character as &#27752;): about 16 µs a cell, most of a thousand-unit summary workbook's time
(300 cells a unit). Here each row is formatted as the XML openpyxl writes for it (strings inline, numbers as %.16g,
a style id per look, registered with the workbook once) and written to the sheet's file as UTF-8 text; the parts
around the rows (column widths, panes, filter, print settings, hyperlinks) are still openpyxl's, serialised
element by element as it makes them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any, Callable, Generator, Hashable, Iterable, Iterator, Sequence, cast

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import tostring

MAX_TEXT = 32_767  # characters a cell holds; openpyxl cuts longer text there too
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})  # a CR is kept, not read as LF
_LETTERS = [get_column_letter(c) for c in range(1, 64)]


@dataclass(frozen=True)
class Put:
    """A cell: its value (text, a number, or None for an empty cell that still has its look), the id of its
    look (0: none) and, for a link within the workbook, where it goes (#'sheet'!A1)."""

    value: str | int | float | None
    style: int = 0
    link: str | None = None


Row = Sequence["Put | None"]  # a sheet's row from column A; None: nothing in that cell


class Looks:
    """The style id of each look in one workbook: registered the first time it is asked for (openpyxl hashes
    every style object each time one is assigned to a cell), the id reused for every other cell."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self._ws = ws
        self._ids: dict[Hashable, int] = {}

    def id(self, look: Hashable, apply: Callable[[Cell], None]) -> int:
        """The id of the look `apply` gives a cell; `look` names it (the same name, the same look)."""
        if look not in self._ids:
            cell = WriteOnlyCell(self._ws)
            apply(cell)
            self._ids[look] = cell.style_id  # registers it with the workbook
        return self._ids[look]


def _cell_xml(ref: str, put: Put) -> str:
    style = f' s="{put.style}"' if put.style else ""
    value = put.value
    if isinstance(value, str) and value:
        text = value[:MAX_TEXT]
        space = ' xml:space="preserve"' if text.strip() and text != text.strip() else ""
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{text.translate(_ESCAPES)}</t></is></c>'
    if value is None:
        return f'<c r="{ref}"{style} t="n"/>'
    if value == "":
        return f'<c r="{ref}"{style} t="inlineStr"/>'  # as openpyxl writes an empty text: a cell with nothing in it
    return f'<c r="{ref}"{style} t="n"><v>{safe_string(value)}</v></c>'


def _row_xml(r: int, cells: Row, height: float | None, links: list[Hyperlink]) -> str:
    parts = [f'<row r="{r}"' + (f' ht="{safe_string(height)}" customHeight="1">' if height is not None else ">")]
    for col, put in enumerate(cells):
        if put is None:
            continue
        ref = f"{_LETTERS[col]}{r}"
        parts.append(_cell_xml(ref, put))
        if put.link is not None:
            links.append(Hyperlink(ref=ref, target=put.link))
    parts.append("</row>")
    return "".join(parts)


class _RowsWriter(WorksheetWriter):
    """openpyxl's writer of one worksheet, its rows given as XML text. openpyxl sends each part of the sheet to
    its stream as an element (or True to ask for the writer of the rows, None when they are done): here the
    stream writes each element as UTF-8 text, and the rows as they come."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        super().__init__(ws)  # which starts the sheet's list of hyperlinks afresh
        self.xml_rows: Iterator[str] = iter(())

    def get_stream(self) -> Generator[Any, Any, None]:
        with open(cast(str, self.out), "wb") as out:  # a temporary file's path, as WorksheetWriter makes it
            out.write(f'<worksheet xmlns="{SHEET_MAIN_NS}">'.encode())
            try:
                while True:
                    part = yield
                    if part is True:
                        yield out
                    elif part is not None:
                        out.write(tostring(part))  # openpyxl's: UTF-8 bytes
            except GeneratorExit:
                pass
            out.write(b"</worksheet>")

    def write_rows(self) -> None:
        out = cast(IO[bytes], self.xf.send(True))  # get_stream's file
        out.write(b"<sheetData>")
        for row in self.xml_rows:
            out.write(row.encode())
        out.write(b"</sheetData>")
        self.xf.send(None)


def write_rows(ws: WriteOnlyWorksheet, rows: Iterable[tuple[Row, float | None]]) -> None:
    """Write the sheet's rows from row 1, each at its height (None: the default), and close the sheet. Its widths,
    panes, filter and print settings must be set first: openpyxl writes them around the rows as it closes it."""
    writer = _RowsWriter(ws)
    links: list[Hyperlink] = ws._hyperlinks  # type: ignore[attr-defined]  # written after the rows, as openpyxl's
    writer.xml_rows = (_row_xml(r, cells, height, links) for r, (cells, height) in enumerate(rows, start=1))
    ws._writer = writer  # type: ignore[attr-defined]  # the sheet closes through its writer, given the rows
    writer.write_top()
    ws.close()
