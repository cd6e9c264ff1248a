"""A sheet's rows as XML text, each cell as openpyxl writes it.

openpyxl makes a cell object of every value, binds its type, hashes its style and writes it element by element
(in ASCII: a Chinese character as &#27752;): about 16 µs a cell, most of a thousand-unit summary workbook's time
(300 cells a unit). Here each row is formatted as the XML openpyxl writes for it (strings inline, numbers as %.16g,
a style id per look, registered with the workbook once) and written as UTF-8 text (package.py).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Hashable, NamedTuple, Sequence

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.compat import safe_string
from openpyxl.utils import get_column_letter

MAX_TEXT = 32_767  # characters a cell holds; openpyxl cuts longer text there too
_LETTERS = [get_column_letter(c) for c in range(1, 64)]


class Put(NamedTuple):
    """A cell: its value (text, a number, or None for an empty cell that still has its look), the id of its
    look (0: none) and, for a link within the workbook, where it goes (#'sheet'!A1)."""

    value: str | int | float | None
    style: int = 0
    link: str | None = None


Row = Sequence["Put | None"]  # a sheet's row from column A; None: nothing in that cell


class Looks:
    """The style id of each look in one workbook: registered the first time it is asked for (openpyxl hashes
    every style object each time one is assigned to a cell), the id reused for every other cell."""

    def __init__(self, workbook: Workbook) -> None:
        self._ws = workbook.worksheets[0]  # where the cells that register each look are made; never written
        self._ids: dict[Hashable, int] = {}

    def id(self, look: Hashable, apply: Callable[[Cell], None]) -> int:
        """The id of the look `apply` gives a cell; `look` names it (the same name, the same look)."""
        if look not in self._ids:
            cell = WriteOnlyCell(self._ws)
            apply(cell)
            self._ids[look] = cell.style_id  # registers it with the workbook
        return self._ids[look]


@lru_cache(maxsize=8192)  # the same labels, rules and notes recur on every unit's sheet
def _inline(text: str) -> str:
    """A text cell's content as openpyxl writes it (cut at what a cell holds; spaces at its ends kept)."""
    text = text[:MAX_TEXT]
    space = ' xml:space="preserve"' if text.strip() and text != text.strip() else ""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return f"<is><t{space}>{escaped}</t></is>"  # a CR is kept, not read as LF


def _cell_xml(ref: str, put: Put) -> str:
    style = f' s="{put.style}"' if put.style else ""
    value = put.value
    if isinstance(value, str) and value:
        return f'<c r="{ref}"{style} t="inlineStr">{_inline(value)}</c>'
    if value is None:
        return f'<c r="{ref}"{style} t="n"/>'
    if value == "":
        return f'<c r="{ref}"{style} t="inlineStr"/>'  # as openpyxl writes an empty text: a cell with nothing in it
    return f'<c r="{ref}"{style} t="n"><v>{safe_string(value)}</v></c>'


def row_xml(r: int, cells: Row, height: float | None, link: Callable[[str, str], None]) -> str:
    """Row `r` (from 1) at its height (None: the default); each cell's link is handed to `link` (cell, target)."""
    parts = [f'<row r="{r}"' + (f' ht="{safe_string(height)}" customHeight="1">' if height is not None else ">")]
    for col, put in enumerate(cells):
        if put is None:
            continue
        ref = f"{_LETTERS[col]}{r}"
        parts.append(_cell_xml(ref, put))
        if put.link is not None:
            link(ref, put.link)
    parts.append("</row>")
    return "".join(parts)
