"""The summary workbook's xlsx package, written as a stream: each sheet goes into the zip as it is made, so a
workbook of any number of sheets holds one sheet at a time.

openpyxl's write-only workbook keeps an object of about 24 KiB per sheet until it is saved, checks each new title
against every other (7 s at 5,000 sheets) and writes each sheet to a temporary file first; a summary of 5,000 units
spent more in that than in its cells. Here the parts that grow with the units — the sheets, their links, the
workbook part, its relationships and content types — are written as the XML openpyxl wrote for them, byte for byte;
what does not (document properties, theme, the stylesheet of the cells' looks) is still openpyxl's. Every sheet
prints as the summary workbook's do: A4 landscape, one page wide, its header rows on every page, numbered. No entry
carries a clock, so the same sheets give the same file.
"""
from __future__ import annotations

import re
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator

from openpyxl import Workbook
from openpyxl.compat import safe_string
from openpyxl.packaging.extended import ExtendedProperties
from openpyxl.styles.stylesheet import write_stylesheet
from openpyxl.utils import absolute_coordinate, column_index_from_string, quote_sheetname
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.writer.theme import theme_xml
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import tostring

from ...fileio import atomic_stream
from .sheetrows import Row, row_xml

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_CLOCK = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")
_CHUNK = 1 << 16  # rows are handed to the compressor in pieces of about this many characters
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE = "application/vnd.openxmlformats-officedocument"
_SHEET_TYPE = f"{_OFFICE}.spreadsheetml.worksheet+xml"
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
                            "\t": "&#09;"})


def _text(value: str) -> str:
    return value.translate(_TEXT)


def _attribute(value: str) -> str:
    return value.translate(_ATTRIBUTE)


@dataclass(frozen=True)
class SheetLayout:
    """What surrounds a sheet's rows: each column's width (by number, from 1), the first cell that scrolls (B2:
    row 1 and column A stay in view), the range its filter covers (A6:J29) and the rows printed atop every page."""

    widths: dict[int, float]
    freeze: str
    filter: str
    title_rows: tuple[int, int]


@dataclass(frozen=True)
class _Listed:
    """A written sheet as the workbook part names it."""

    number: int
    title: str
    filter: str
    title_rows: tuple[int, int]


def _pane(freeze: str) -> str:
    """The sheet view of panes frozen above and left of `freeze`, with the selections openpyxl writes."""
    letters, row = coordinate_from_string(freeze)
    columns, rows = column_index_from_string(letters) - 1, row - 1
    split = (f' xSplit="{columns}"' if columns else "") + (f' ySplit="{rows}"' if rows else "")
    if not (columns or rows):
        return '<selection activeCell="A1" sqref="A1"/>'
    if columns and rows:
        active, others = "bottomRight", '<selection pane="topRight"/><selection pane="bottomLeft"/>'
    else:
        active, others = ("topRight" if columns else "bottomLeft"), ""
    return (f'<pane{split} topLeftCell="{freeze}" activePane="{active}" state="frozen"/>{others}'
            f'<selection pane="{active}" activeCell="A1" sqref="A1"/>')


def _head(layout: SheetLayout) -> str:
    cols = "".join(f'<col width="{safe_string(width)}" customWidth="1" min="{col}" max="{col}"/>'
                   for col, width in sorted(layout.widths.items()))
    return (f'<worksheet xmlns="{SHEET_MAIN_NS}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/>'
            f'<pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0">{_pane(layout.freeze)}'
            f'</sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>")


class _Links:
    """A sheet's links (cell, where it goes), kept in a temporary file while its rows are written: the summary's
    findings link every row, 47,000 of them for 5,000 units."""

    def __init__(self) -> None:
        self._spool: IO[str] = tempfile.SpooledTemporaryFile(1 << 20, mode="w+", encoding="utf-8")
        self.count = 0

    def add(self, ref: str, target: str) -> None:
        self.count += 1
        self._spool.write(f"{ref} {_attribute(target)}\n")  # escaped: no line break left in it

    def __iter__(self) -> Iterator[tuple[str, str]]:
        """Each link's cell and its target, escaped for an attribute."""
        self._spool.seek(0)
        for line in self._spool:
            ref, _, target = line.rstrip("\n").partition(" ")
            yield ref, target

    def close(self) -> None:
        self._spool.close()


@contextmanager
def summary_package(path: str | Path, styles: Workbook, *, header: str, footer: str) -> Iterator["SummaryPackage"]:
    """The xlsx file at `path`, being written: it is replaced only when the block ends without an error (Ctrl-C
    included), with every part written; otherwise it is left as it was. `styles` is the workbook whose registered
    looks the cells' style ids name (sheetrows.Looks), its title the document's; header and footer are every
    printed page's, in Excel's codes (&L&A: the sheet's name on the left)."""
    with atomic_stream(path) as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        package = SummaryPackage(archive, styles, header, footer)
        yield package
        package.finish()


class SummaryPackage:
    """The parts of the file: sheets in any order, each given its place among the workbook's sheets (from 1); the
    workbook part, written last (finish), lists them in that order."""

    def __init__(self, archive: zipfile.ZipFile, styles: Workbook, header: str, footer: str) -> None:
        self._zip, self._styles = archive, styles
        self._listed: list[_Listed] = []  # about 150 bytes a sheet
        self._tail = ('<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.6" '
                      'bottom="0.6" header="0.3" footer="0.3"/><pageSetup orientation="landscape" paperSize="9" '
                      f'fitToHeight="0" fitToWidth="1"/><headerFooter><oddHeader>{_text(header)}</oddHeader>'
                      f"<oddFooter>{_text(footer)}</oddFooter><evenHeader></evenHeader><evenFooter></evenFooter>"
                      "<firstHeader></firstHeader><firstFooter></firstFooter></headerFooter></worksheet>")
        self._put("docProps/app.xml", tostring(ExtendedProperties().to_tree()))
        self._put("docProps/core.xml", _CLOCK.sub(b"", tostring(styles.properties.to_tree())))
        self._put("xl/theme/theme1.xml", theme_xml)

    def _entry(self, name: str) -> IO[bytes]:
        info = zipfile.ZipInfo(name, ZIP_EPOCH)
        info.compress_type = zipfile.ZIP_DEFLATED
        return self._zip.open(info, "w")

    def _put(self, name: str, data: str | bytes) -> None:
        with self._entry(name) as out:
            out.write(data.encode() if isinstance(data, str) else data)

    def sheet(self, number: int, title: str, layout: SheetLayout, rows: Iterable[tuple[Row, float | None]]) -> None:
        """Write the sheet at place `number` whole: its rows from row 1, each at its height (None: the default)."""
        links = _Links()
        try:
            with self._entry(f"xl/worksheets/sheet{number}.xml") as out:
                pending, size = [_head(layout)], 0
                for r, (cells, height) in enumerate(rows, start=1):
                    xml = row_xml(r, cells, height, links.add)
                    pending.append(xml)
                    size += len(xml)
                    if size >= _CHUNK:
                        out.write("".join(pending).encode())
                        pending, size = [], 0
                pending.append(f'</sheetData><autoFilter ref="{layout.filter}"/>')
                if links.count:  # in chunks too: 审计发现 links each of its rows (47,000 for 5,000 units)
                    pending.append("<hyperlinks>")
                    for n, (ref, _) in enumerate(links, start=1):
                        xml = f'<hyperlink xmlns:r="{_R_NS}" ref="{ref}" r:id="rId{n}"/>'
                        pending.append(xml)
                        size += len(xml)
                        if size >= _CHUNK:
                            out.write("".join(pending).encode())
                            pending, size = [], 0
                    pending.append("</hyperlinks>")
                pending.append(self._tail)
                out.write("".join(pending).encode())
            if links.count:
                with self._entry(f"xl/worksheets/_rels/sheet{number}.xml.rels") as out:
                    out.write(f'<Relationships xmlns="{_RELS_NS}">'.encode())
                    for n, (_, target) in enumerate(links, start=1):
                        out.write(f'<Relationship Type="{_R_NS}/hyperlink" Target="{target}" '
                                  f'TargetMode="External" Id="rId{n}"/>'.encode())
                    out.write(b"</Relationships>")
        finally:
            links.close()
        self._listed.append(_Listed(number, title, layout.filter, layout.title_rows))

    def finish(self) -> None:
        """The parts that name every sheet, and the stylesheet of every look the sheets used."""
        listed = sorted(self._listed, key=lambda s: s.number)
        if [s.number for s in listed] != list(range(1, len(listed) + 1)):
            raise ValueError(f"the sheets written are not numbered 1 to {len(listed)}")
        self._put("xl/styles.xml", tostring(write_stylesheet(self._styles)))
        self._put("_rels/.rels", f'<Relationships xmlns="{_RELS_NS}"><Relationship Type="{_R_NS}/officeDocument" '
                  'Target="xl/workbook.xml" Id="rId1"/><Relationship '
                  f'Type="{_RELS_NS}/metadata/core-properties" Target="docProps/core.xml" Id="rId2"/>'
                  f'<Relationship Type="{_R_NS}/extended-properties" Target="docProps/app.xml" Id="rId3"/>'
                  "</Relationships>")
        with self._entry("xl/workbook.xml") as out:
            out.write(f'<workbook xmlns="{SHEET_MAIN_NS}"><workbookPr/><workbookProtection/><bookViews>'
                      '<workbookView visibility="visible" minimized="0" showHorizontalScroll="1" '
                      'showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" '
                      'autoFilterDateGrouping="1"/></bookViews><sheets>'.encode())
            for s in listed:
                out.write(f'<sheet xmlns:r="{_R_NS}" name="{_attribute(s.title)}" sheetId="{s.number}" '
                          f'state="visible" r:id="rId{s.number}"/>'.encode())
            out.write(b"</sheets><definedNames>")
            for s in listed:
                quoted, first, last = _text(quote_sheetname(s.title)), *s.title_rows
                out.write(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{s.number - 1}" hidden="1">'
                          f"{quoted}!{absolute_coordinate(s.filter)}</definedName>"
                          f'<definedName name="_xlnm.Print_Titles" localSheetId="{s.number - 1}">'
                          f"{quoted}!${first}:${last}</definedName>".encode())
            out.write(b'</definedNames><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')
        with self._entry("xl/_rels/workbook.xml.rels") as out:
            out.write(f'<Relationships xmlns="{_RELS_NS}">'.encode())
            for s in listed:
                out.write(f'<Relationship Type="{_R_NS}/worksheet" Target="/xl/worksheets/sheet{s.number}.xml" '
                          f'Id="rId{s.number}"/>'.encode())
            n = len(listed)
            out.write(f'<Relationship Type="{_R_NS}/styles" Target="styles.xml" Id="rId{n + 1}"/>'
                      f'<Relationship Type="{_R_NS}/theme" Target="theme/theme1.xml" Id="rId{n + 2}"/>'
                      "</Relationships>".encode())
        with self._entry("[Content_Types].xml") as out:
            out.write(f'<Types xmlns="{_CONTENT_NS}"><Default Extension="rels" '
                      'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                      '<Default Extension="xml" ContentType="application/xml"/>'
                      f'<Override PartName="/xl/styles.xml" ContentType="{_OFFICE}.spreadsheetml.styles+xml"/>'
                      f'<Override PartName="/xl/theme/theme1.xml" ContentType="{_OFFICE}.theme+xml"/>'
                      '<Override PartName="/docProps/core.xml" '
                      'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                      f'<Override PartName="/docProps/app.xml" ContentType="{_OFFICE}.extended-properties+xml"/>'
                      .encode())
            for s in listed:
                out.write(f'<Override PartName="/xl/worksheets/sheet{s.number}.xml" '
                          f'ContentType="{_SHEET_TYPE}"/>'.encode())
            out.write(f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.spreadsheetml.sheet.main+xml"/>'
                      "</Types>".encode())
