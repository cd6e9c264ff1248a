"""Opening an .xlsx file safely: size limits, clear errors for non-workbooks, and cell grids to read from."""
from __future__ import annotations

import io
import posixpath
import re
import warnings
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import openpyxl
from defusedxml import ElementTree
from openpyxl.utils import coordinate_to_tuple
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...errors import WorkbookError
from ...fileio import read_bounded
from .cells import ErrorValue, Uncomputed

MAX_BYTES = 20_000_000
# Zip bombs: sizes as the central directory states them (zipfile stops reading a part at its stated size,
# and the CRC check then fails, so a part cannot unpack to more than it claims). A filled template unpacks
# to under 1 MB with no part above 100 kB; openpyxl holds an XML part in memory at 20-25 times its size.
MAX_UNPACKED_BYTES = 50_000_000  # all parts, pasted images included
MAX_XML_PART_BYTES = 5_000_000  # each sheet, shared strings, styles ... part that openpyxl parses
MAX_PARTS = 1_000  # a template has 25 parts; Excel and WPS add a few dozen
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted .xlsx and old .xls are OLE compound files
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")  # <f>, <f t="shared" …/>, <x:f>; not <formula1> or <fill>
_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*?\bhidden=\"(?:1|true)\"[^>]*>")  # <row r="12" hidden="1" …>
_ROW_NUMBER = re.compile(rb"\br=\"(\d{1,7})\"")
_BOOK_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

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


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its zip part (xl/worksheets/sheet2.xml), from the workbook's own index; {} if unreadable.

    Read before anything else is unpacked, so that a problem of a sheet is named by the name the analyst sees.
    """
    try:
        infos = [archive.getinfo(name) for name in _BOOK_PARTS]
        if any(i.file_size > MAX_XML_PART_BYTES for i in infos):
            return {}
        book, rels = (ElementTree.fromstring(archive.read(i)) for i in infos)
    except Exception:  # noqa: BLE001 - a missing, damaged or hostile index: parts keep their zip names
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels if r.tag.endswith("Relationship")}
    out = {}
    for sheet in book.iter():
        if sheet.tag.endswith("}sheet") and sheet.get(f"{_REL_NS}id") in targets:
            target = targets[sheet.get(f"{_REL_NS}id")]
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            out[sheet.get("name", "")] = part
    return out


def archive_too_big(parts: list[zipfile.ZipInfo], sheets: dict[str, str] | None = None) -> str | None:
    """Why the archive would unpack to more than a workbook of this kind ever needs, from its directory alone.

    sheets (name → part) lets a sheet that is too big be named as the analyst knows it.
    """
    if len(parts) > MAX_PARTS:
        return f"has {len(parts):,} parts; the limit is {MAX_PARTS:,}"
    unpacked = sum(i.file_size for i in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        return f"unpacks to {unpacked:,} bytes; the limit is {MAX_UNPACKED_BYTES:,}"
    big = next((i for i in parts if i.filename.endswith((".xml", ".rels")) and i.file_size > MAX_XML_PART_BYTES),
               None)
    if big:
        name = next((n for n, part in (sheets or {}).items() if part == big.filename), None)
        what = f"its sheet “{name}”" if name is not None else f"its part {big.filename}"
        return f"{what} unpacks to {big.file_size:,} bytes; the limit is {MAX_XML_PART_BYTES:,}"
    return None


def part_written_twice(parts: list[zipfile.ZipInfo]) -> str | None:
    """The names of two zip entries for one part (a name written twice, or in two cases, which Office holds to be
    one part), or None: Office refuses such a file, zipfile reads the last and another program the first."""
    first: dict[str, str] = {}
    for info in parts:
        key = info.filename.casefold()
        if key in first:
            return info.filename if first[key] == info.filename else f"{info.filename} and {first[key]}"
        first[key] = info.filename
    return None


def uncomputed_cells(xml: bytes) -> dict[tuple[int, int], str] | None:
    """(row, column) → formula of each cell of a sheet's XML saved with a formula and no result; None when a
    cell has no reference (r), which the spreadsheet format allows and this scan cannot place.

    A numeric formula with an empty <v/> (how openpyxl saves it) has no result; an empty text result (t="str")
    is a result, the empty string.
    """
    out: dict[tuple[int, int], str] = {}
    for _, element in ElementTree.iterparse(io.BytesIO(xml)):
        if element.tag.rsplit("}", 1)[-1] != "c":
            continue
        children = {child.tag.rsplit("}", 1)[-1]: child for child in element}
        formula, value = children.get("f"), children.get("v")
        if formula is not None and (value is None or not value.text and element.get("t") not in ("str", "s")):
            if element.get("r") is None:
                return None
            out[coordinate_to_tuple(element.get("r"))] = "=" + (formula.text or "")
        element.clear()
    return out


class Book:
    """An opened workbook: each cell's saved value, and the formulas that were saved without their result.

    openpyxl reads a formula's saved result (data_only) and cannot tell a formula with no result from an empty
    cell; the XML of the sheets that hold formulas is therefore scanned for formula cells without a result.
    """

    def __init__(self, values: Workbook, data: bytes | None = None, sheets: dict[str, str] | None = None) -> None:
        self.values = values
        self.data = data
        self.sheets = sheets or {}
        self._formulas: Workbook | None = None
        self._archive: zipfile.ZipFile | None = None

    @property
    def sheetnames(self) -> list[str]:
        return self.values.sheetnames

    def _uncomputed(self, sheet: str, max_row: int, max_col: int, file: str) -> dict[tuple[int, int], str]:
        """Formula cells of a sheet saved without a result, within bounds."""
        if self.data is None:
            return {}
        cells = None
        if sheet in self.sheets:
            if self._archive is None:
                self._archive = zipfile.ZipFile(io.BytesIO(self.data))
            xml = self._archive.read(self.sheets[sheet])
            if not _FORMULA_TAG.search(xml):
                return {}
            cells = uncomputed_cells(xml)
        if cells is None:  # the sheet's part or a cell's place is unknown: read its formulas with openpyxl
            if self._formulas is None:
                self._formulas = _load(self.data, data_only=False)
            cells = {at: value.formula for at, (value, _) in
                     read_grid(self._formulas[sheet], max_row, max_col, file, sheet).items()
                     if isinstance(value, Uncomputed)}
        return {(r, c): f for (r, c), f in cells.items() if r <= max_row and c <= max_col}

    def hidden_rows(self, sheet: str) -> list[int]:
        """The rows of a sheet hidden in the workbook (an analyst's way to set a row aside, which a reader of values
        does not see); [] when the sheet's part is unknown."""
        if self.data is None or sheet not in self.sheets:
            return []
        if self._archive is None:
            self._archive = zipfile.ZipFile(io.BytesIO(self.data))
        rows = (_ROW_NUMBER.search(m.group(0)) for m in _HIDDEN_ROW.finditer(self._archive.read(self.sheets[sheet])))
        return [int(r.group(1)) for r in rows if r]

    def grid(self, sheet: str, max_row: int, max_col: int, file: str) -> Grid:
        """Every non-empty cell of a sheet within bounds; a formula without a saved result is an Uncomputed."""
        grid = read_grid(self.values[sheet], max_row, max_col, file, sheet)
        for at, formula in self._uncomputed(sheet, max_row, max_col, file).items():
            if at not in grid:
                grid[at] = (Uncomputed(formula), "General")
        return grid

    def close(self) -> None:
        for opened in (self.values, self._formulas, self._archive):
            if opened is not None:
                opened.close()


def _load(data: bytes, data_only: bool) -> Workbook:
    with quiet_openpyxl():
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)


def open_workbook(data: bytes, file: str) -> Book:
    """A read-only workbook with saved values (data_only); anything but a plain .xlsx is a WorkbookError."""
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
            sheets = sheet_parts(archive) if len(parts) <= MAX_PARTS else {}
            too_big = archive_too_big(parts, sheets)
            if too_big:
                raise fail(too_big)
            twice = part_written_twice(parts)
            if twice:
                raise fail(f"has two parts named {twice}, which Excel refuses to open (a damaged or altered file: "
                           "which of them was meant is unknown); save the workbook again from Excel")
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
        return Book(_load(data, data_only=True), data, sheets)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged XML; all mean "unreadable"
        raise fail(f"could not be read as an Excel workbook ({type(exc).__name__}: {exc})") from None


def _cell_value(cell: Any) -> Any:
    """A cell's value, with a formula (in a workbook read for its formulas) and an error result marked as such."""
    if cell.data_type == "f":
        return Uncomputed(str(cell.value))
    if cell.data_type == "e":
        return ErrorValue(str(cell.value))
    return cell.value


def read_grid(ws: Worksheet, max_row: int, max_col: int, file: str, sheet: str) -> Grid:
    """Every non-empty cell of a sheet within the bounds the layout uses (a read-only sheet is parsed here)."""
    grid: Grid = {}
    try:
        with quiet_openpyxl():
            for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col):
                for cell in row:
                    if cell.value is not None:
                        grid[(cell.row, cell.column)] = (_cell_value(cell), cell.number_format or "General")
    except Exception as exc:  # noqa: BLE001 - damaged sheet XML surfaces only while iterating
        raise WorkbookError(file, [(sheet, f"sheet could not be read ({type(exc).__name__}: {exc})")]) from None
    return grid
