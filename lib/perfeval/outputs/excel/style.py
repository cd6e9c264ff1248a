"""The look shared by the intake template and the summary workbook: fonts, fills, widths for Chinese text."""
from __future__ import annotations

from typing import Iterable

from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from ...intake.excel.cells import display_width

FONT_NAME = "等线"  # Excel's default CJK font on Chinese Windows; WPS maps it too
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
HEADER_FONT = Font(name=FONT_NAME, bold=True)
BODY_FONT = Font(name=FONT_NAME)
MUTED_FONT = Font(name=FONT_NAME, color="808080")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTER_WRAP = Alignment(wrap_text=True, horizontal="center", vertical="center")
MAX_WIDTH = 60


def fit_width(texts: Iterable[object], minimum: float = 6, maximum: float = MAX_WIDTH) -> float:
    """A column width that shows the longest line of its texts, counting Chinese characters as two."""
    widest = max((display_width(line) for t in texts if t is not None for line in str(t).splitlines()), default=0)
    return max(minimum, min(maximum, widest + 2))


def set_width(ws: Worksheet, column: str, width: float) -> None:
    ws.column_dimensions[column].width = width


def header_cell(ws: Worksheet, ref: str, text: str) -> None:
    cell = ws[ref]
    cell.value = text
    style_header(cell)


def style_header(cell: Cell) -> None:
    """A table header's look: bold on light blue, boxed, centred and wrapped."""
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.border = BOX
    cell.alignment = CENTER_WRAP
