"""Opening an .xlsx file safely: size limits, clear errors for non-workbooks, and cell grids to read from."""
from __future__ import annotations

import io
import warnings
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import openpyxl
from openpyxl.workbook.workbook import Workbook

from ...errors import WorkbookError
from ...fileio import read_bounded

MAX_BYTES = 20_000_000
# Zip bombs: sizes as the central directory states them (zipfile stops reading a part at its stated size,
# and the CRC check then fails, so a part cannot unpack to more than it claims). A filled template unpacks
# to under 1 MB with no part above 100 kB; openpyxl holds an XML part in memory at 20-25 times its size.
MAX_UNPACKED_BYTES = 50_000_000  # all parts, pasted images included
MAX_XML_PART_BYTES = 5_000_000  # each sheet, shared strings, styles ... part that openpyxl parses
MAX_PARTS = 1_000  # a template has 25 parts; Excel and WPS add a few dozen
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted .xlsx and old .xls are OLE compound files

Grid = dict[tuple[int, int], tuple[Any, str]]  # (row, column) → (value, number format)


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, or a WorkbookError that says why it cannot be read."""
    return read_bounded(path, MAX_BYTES, "an .xlsx workbook", WorkbookError)


@contextmanager
def quiet_openpyxl() -> Iterator[None]:
    """openpyxl's warnings (unsupported extensions, out-of-range dates, no default style) mean nothing to an
    analyst; what matters in a cell is reported by the reader as a problem of that cell.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        yield


def archive_too_big(parts: list[zipfile.ZipInfo]) -> str | None:
    """Why the archive would unpack to more than a workbook of this kind ever needs, from its directory alone."""
    if len(parts) > MAX_PARTS:
        return f"has {len(parts):,} parts; the limit is {MAX_PARTS:,}"
    unpacked = sum(i.file_size for i in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        return f"unpacks to {unpacked:,} bytes; the limit is {MAX_UNPACKED_BYTES:,}"
    big = next((i for i in parts if i.filename.endswith((".xml", ".rels")) and i.file_size > MAX_XML_PART_BYTES),
               None)
    if big:
        return f"its part {big.filename} unpacks to {big.file_size:,} bytes; the limit is {MAX_XML_PART_BYTES:,}"
    return None


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
            parts = archive.infolist()
            too_big = archive_too_big(parts)
            if too_big:
                raise fail(too_big)
            names = {i.filename for i in parts}
            broken = archive.testzip()
    except RuntimeError as exc:  # zipfile's word for a part encrypted with a zip password
        raise fail(f"is password-protected ({exc}); remove the password and save it again") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError,
            NotImplementedError) as exc:  # NotImplementedError: a compression method zipfile lacks
        raise fail(f"is corrupt: not a readable zip archive ({exc})") from None
    if broken:
        raise fail(f"is corrupt: the part {broken} is damaged")
    if "xl/workbook.xml" not in names:
        raise fail("is a zip archive but not an Excel workbook (it has no xl/workbook.xml)")
    try:
        with quiet_openpyxl():
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged XML; all mean "unreadable"
        raise fail(f"could not be read as an Excel workbook ({type(exc).__name__}: {exc})") from None


def read_grid(wb: Workbook, sheet: str, max_row: int, max_col: int, file: str) -> Grid:
    """Every non-empty cell of a sheet within the bounds the layout uses (a read-only sheet is parsed here)."""
    grid: Grid = {}
    try:
        with quiet_openpyxl():
            for row in wb[sheet].iter_rows(min_row=1, max_row=max_row, max_col=max_col):
                for cell in row:
                    if cell.value is not None:
                        grid[(cell.row, cell.column)] = (cell.value, cell.number_format or "General")
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML surfaces only while iterating
        raise WorkbookError(file, [(sheet, f"sheet could not be read ({type(exc).__name__}: {exc})")]) from None
    return grid
