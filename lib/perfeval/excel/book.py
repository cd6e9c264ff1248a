"""Opening an .xlsx file safely: size limits, clear errors for non-workbooks, and cell grids to read from."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook

from ..errors import WorkbookError

MAX_BYTES = 20_000_000
MAX_UNPACKED_BYTES = 200_000_000  # guards against zip bombs; a filled template unpacks to well under 1 MB
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted .xlsx and old .xls are OLE compound files

Grid = dict[tuple[int, int], tuple[Any, str]]  # (row, column) → (value, number format)


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or a WorkbookError that says why it cannot be read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise WorkbookError(str(path), [("", f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")])
        return path.read_bytes()
    except FileNotFoundError:
        raise WorkbookError(str(path), [("", "file not found")]) from None
    except IsADirectoryError:
        raise WorkbookError(str(path), [("", "is a directory, expected an .xlsx workbook")]) from None
    except PermissionError:
        raise WorkbookError(str(path), [("", "permission denied")]) from None


def open_workbook(data: bytes, file: str) -> Workbook:
    """A read-only workbook with cached values (data_only); anything but a plain .xlsx is a WorkbookError."""
    def fail(problem: str) -> WorkbookError:
        return WorkbookError(file, [("", problem)])

    if data.startswith(_OLE):
        raise fail("is password-protected (encrypted) or an old .xls workbook; remove the password and "
                   "save it as an Excel .xlsx workbook (Excel 工作簿)")
    if not data.startswith(_ZIP):
        raise fail("is not an Excel .xlsx workbook (an .xlsx file is a zip archive; this one is not)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(i.file_size for i in archive.infolist())
            broken = archive.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise fail(f"is corrupt: not a readable zip archive ({exc})") from None
    if broken:
        raise fail(f"is corrupt: the part {broken} is damaged")
    if unpacked > MAX_UNPACKED_BYTES:
        raise fail(f"unpacks to {unpacked:,} bytes; the limit is {MAX_UNPACKED_BYTES:,}")
    if "xl/workbook.xml" not in names:
        raise fail("is a zip archive but not an Excel workbook (it has no xl/workbook.xml)")
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged XML; all mean "unreadable"
        raise fail(f"could not be read as an Excel workbook ({type(exc).__name__}: {exc})") from None


def read_grid(wb: Workbook, sheet: str, max_row: int, max_col: int, file: str) -> Grid:
    """Every non-empty cell of a sheet within the bounds the layout uses (a read-only sheet is parsed here)."""
    grid: Grid = {}
    try:
        for row in wb[sheet].iter_rows(min_row=1, max_row=max_row, max_col=max_col):
            for cell in row:
                if cell.value is not None:
                    grid[(cell.row, cell.column)] = (cell.value, cell.number_format or "General")
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML surfaces only while iterating
        raise WorkbookError(file, [(sheet, f"sheet could not be read ({type(exc).__name__}: {exc})")]) from None
    return grid
