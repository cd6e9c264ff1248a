"""The summary workbook an analyst forwards as it is: 汇总 (every unit on one row), 审计发现 (every finding of
every unit, to filter by unit, kind or severity), then one score sheet per unit.

It reads as the HTML does (等次, Chinese headings and finding kinds, the 预算编码; no file, check or framework
ids) and prints as it is: every sheet on A4 landscape, one page wide, its header row repeated on every page.
The findings have a sheet of their own so that each printed table repeats its own header.

Written with openpyxl's write-only mode, one sheet at a time, its rows as XML text (sheetrows.py): a unit's sheet is
laid out (its column widths from its own rows), written and closed before the next unit is read, and 审计发现 and
汇总, whose widths depend on every unit, are kept as plain rows (审计发现's in a temporary file) until the last
unit is read. Memory does not grow with the number of units beyond 汇总's one row each.
"""
from __future__ import annotations

import io
import math
import pickle
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ...checks.finding import SEVERITY_LABEL, SEVERITY_ORDER
from ...fileio import write_atomic
from ...core.numbers import POINT_PLACES, round_half_up
from ...core.rows import QUALITATIVE_RULE
from ...fmt import EXCEL_RATE, EXCEL_SCORE, fixed, pct, points
from ...result import ASSESSED_RATE_LABEL, IndicatorOut, UnitResult, graded_total
from ...safetext import inert
from ...intake.excel.cells import display_width, readable_text, runs_as_formula
from .sheetrows import Looks, Put, Row, write_rows
from .style import BODY_FONT, BOX, HEADER_FONT, TITLE_FONT, TOP, WRAP, fit_width, set_width, style_header

SUMMARY_SHEET = "汇总"
FINDINGS_SHEET = "审计发现"
WORKBOOK_TITLE = "部门整体支出绩效评价复核汇总"
PAGE_FOOTER = "第 &P 页，共 &N 页"  # Excel's codes for the page number and the number of pages
WRAPPED = {"评价框架": 24, "等次": 28}  # 汇总's long texts (a framework's name, why no grade) wrap at these widths
MESSAGE_WIDTH = 90
SCORE = EXCEL_SCORE  # points as the reports print them: 20, 96, 96.96 (values are rounded before they are written)
PERCENT = EXCEL_RATE
NOTES_WIDTH = 60
LINE_HEIGHT = 15
_BAD_TITLE = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")  # and control characters
LINK_FONT = Font(name=BODY_FONT.name, color="0563C1", underline="single")

SUMMARY_COLUMNS = (  # header, number format
    ("单位名称", None), ("预算编码", None), ("年度", "0"), ("评价框架", None), ("已评分值", SCORE), ("应评分值", SCORE),
    ("其中核实", SCORE), ("重算总分", SCORE), ("等次", None), ("可能总分（低）", SCORE), ("可能总分（高）", SCORE),
    (ASSESSED_RATE_LABEL, PERCENT),
    ("自评总分", SCORE), ("自评等次", None), ("自评复核", None), ("差异（自评−重算）", SCORE),
    *((label, "0") for label in SEVERITY_LABEL.values()),
)
UNIT_COLUMNS = ("一级指标", "二级指标", "三级指标", "分值", "计算值", "单位", "得分", "自评得分", "状态", "说明")
FINDING_COLUMNS = ("单位名称", "严重程度", "类别", "指标", "说明")
UNIT_HEADER_ROW = 6


def sheet_title(name: str, taken: set[str]) -> str:
    """An Excel sheet name: no []:*?/\\, at most 31 characters, unique ignoring case."""
    clean = _BAD_TITLE.sub("", inert(name).replace("\ufffd", "")).strip().strip("'").strip() or "单位"
    title, n = clean[:31], 2
    while title.lower() in taken:
        suffix = f"~{n}"
        title, n = clean[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def quoted(title: str) -> str:
    """A sheet name as a reference writes it: in single quotes, a quote inside doubled."""
    return "'" + title.replace("'", "''") + "'"


def verdict(result: UnitResult) -> str:
    """等次, or why none is given."""
    return result.grade or f"不予定级（{result.grade_withheld_reason or '无可评分的指标'}）"


def difference(result: UnitResult) -> float | None:
    """Claimed minus recomputed total on 100, only where the claim could be checked against every point; rounded
    to the points' shown precision (−0.96, not −0.9599999999999937)."""
    if result.claimed.total is None or result.total_on_100 is None or result.coverage.not_assessed > 0:
        return None
    return round_half_up(result.claimed.total - result.total_on_100, POINT_PLACES)


def weight_words(row: IndicatorOut) -> float | str | None:
    """分值 as the framework gives it, or in words where it gives none (未给分值，按 6.25 分计)."""
    if row.weight is not None:
        return row.weight
    return "未给分值，不计分" if row.effective_weight == 0 else f"未给分值，按 {points(row.effective_weight)} 分计"


def _for_print(ws: WriteOnlyWorksheet, title_rows: str) -> None:
    """A4 landscape, one page wide (as many pages long as it takes), title_rows repeated on every page, numbered."""
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = title_rows
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.oddHeader.left.text = "&A"  # the sheet's name: the unit, 汇总 or 审计发现
    ws.oddHeader.right.text = WORKBOOK_TITLE
    ws.oddFooter.center.text = PAGE_FOOTER


def _height(texts: Sequence[str], width: float) -> float:
    """A row tall enough for its wrapped text: spreadsheet programs do not all grow a row when they open a file."""
    lines = sum(max(1, math.ceil(display_width(p) / (width - 2))) for t in texts for p in t.splitlines() or [""])
    return LINE_HEIGHT * max(lines, 1) + 3


class _Cells:
    """The workbook's cells: each value as the sheet shows it, with the id of its look."""

    def __init__(self, looks: Looks) -> None:
        self.looks = looks

    def boxed(self, value: Any, number_format: str | None = None, *, alignment: Alignment | None = None,
              font: Font = BODY_FONT, link: str | None = None) -> Put:
        """A cell of a table: text shown as set_shown_text writes it (a formula-like text marked as text), a
        number in its format, or an empty cell with the table's box."""
        guarded = False
        if isinstance(value, str):
            value, number_format = readable_text(value), None
            guarded = runs_as_formula(value)
        elif value is None:
            number_format = None

        def apply(cell: Cell) -> None:
            cell.font, cell.border = font, BOX
            if alignment is not None:
                cell.alignment = alignment
            if number_format:
                cell.number_format = number_format
            if guarded:
                cell.quotePrefix = True

        return Put(value, self.looks.id(("boxed", id(font), id(alignment), number_format, guarded), apply), link)

    def plain(self, text: str, font: Font | None = None, link: str | None = None) -> Put:
        """A cell outside the tables (a title, a label, a link), unboxed."""
        text = readable_text(text)
        guarded = runs_as_formula(text)
        if font is None and not guarded:
            return Put(text, 0, link)

        def apply(cell: Cell) -> None:
            if font is not None:
                cell.font = font
            if guarded:
                cell.quotePrefix = True

        return Put(text, self.looks.id(("plain", id(font), guarded), apply), link)

    def headers(self, texts: Sequence[str]) -> Row:
        style = self.looks.id(("header",), style_header)
        return [Put(text, style) for text in texts]


@lru_cache(maxsize=4096, typed=True)  # the same scores and rates recur across units (typed: 1 is not 1.0)
def _shown(value: Any, number_format: str | None) -> str:
    """The text Excel shows for a value, to size its column."""
    if isinstance(value, str):
        return inert(value)
    if isinstance(value, (int, float)) and number_format == PERCENT:
        return fixed(value, 2) + "%"
    if isinstance(value, (int, float)) and number_format == SCORE:
        return points(value)
    return "" if value is None else str(value)


def _column_width(texts: Iterable[str], header: str) -> float:
    """A column as wide as its widest value; its header may wrap onto two lines."""
    half_header = "一" * math.ceil(display_width(header) / 4)
    return fit_width([*texts, half_header], minimum=8)


def _set_widths(ws: WriteOnlyWorksheet, widths: dict[int, float]) -> None:
    for col, width in sorted(widths.items()):
        set_width(ws, get_column_letter(col), width)  # type: ignore[arg-type]  # write-only: the same dimensions


def summary_row(result: UnitResult) -> tuple[Any, ...]:
    """A unit's row of 汇总, in the order of SUMMARY_COLUMNS."""
    counts = result.findings_by_severity
    u, c, span = result.unit, result.coverage, result.total_range
    return (u.name, u.budget_code or "未载明", u.year, result.framework.name, c.assessed, c.applicable, c.verified,
            result.total_on_100 if result.grade else None, verdict(result), span[0] if span else None,
            span[1] if span else None, result.assessed_rate if result.grade is None else None, result.claimed.total,
            result.claimed.grade, result.claimed.status_label,
            difference(result), counts.get("error", 0), counts.get("warning", 0), counts.get("info", 0))


def _summary(ws: WriteOnlyWorksheet, cells: _Cells, units: list[tuple[tuple[Any, ...], str]]) -> None:
    """汇总 from each unit's row (summary_row) and the title of its sheet."""
    headers = [h for h, _ in SUMMARY_COLUMNS]
    widths = {}
    for col, (header, fmt) in enumerate(SUMMARY_COLUMNS, start=1):
        widths[col] = _column_width((_shown(values[col - 1], fmt) for values, _ in units), header)
        if header in WRAPPED:
            widths[col] = min(WRAPPED[header], widths[col])
    _set_widths(ws, widths)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(SUMMARY_COLUMNS))}{len(units) + 1}"
    _for_print(ws, title_rows="1:1")
    wrapped = [(headers.index(h), w) for h, w in WRAPPED.items()]

    def rows() -> Iterator[tuple[Row, float | None]]:
        yield cells.headers(headers), 2 * LINE_HEIGHT + 3  # headers wrap onto two lines rather than widen columns
        for values, title in units:
            row = [cells.boxed(value, fmt, alignment=WRAP if header in WRAPPED else TOP,
                               font=LINK_FONT if col == 1 else BODY_FONT, link=f"#{quoted(title)}!A1" if col == 1 else None)
                   for col, (value, (header, fmt)) in enumerate(zip(values, SUMMARY_COLUMNS), start=1)]
            yield row, max(_height([str(row[i].value or "")], w) for i, w in wrapped)

    write_rows(ws, rows())


def _score_values(row: IndicatorOut) -> tuple[tuple[Any, str | None], ...]:
    """An indicator's row of the score table: each value with its number format."""
    percent = row.value_unit == "%"
    qualitative = row.rule.startswith(QUALITATIVE_RULE) and row.value is not None
    value = f"定性，得分率 {pct(row.value)}" if qualitative else row.value  # a judgement, not a measured rate
    values = (row.level1, row.level2, row.name, weight_words(row), value, "" if percent else row.value_unit, row.score,
              row.claimed_score, row.status_label, "\n".join([row.rule, *row.notes]))
    formats = (None, None, None, SCORE, PERCENT if percent else SCORE, None, SCORE, SCORE, None, None)
    return tuple(zip(values, formats))


def _unit_sheet(ws: WriteOnlyWorksheet, cells: _Cells, result: UnitResult, first_finding: int) -> None:
    """A unit's sheet: its verdict and claim above its score table, and where its findings are; written whole."""
    u, c = result.unit, result.coverage
    scores = [_score_values(row) for row in result.indicators]
    h = UNIT_HEADER_ROW
    last = h + len(scores)
    widths = {col: _column_width((_shown(*values[col - 1]) for values in scores), header)
              for col, header in enumerate(UNIT_COLUMNS[:-1], start=1)}
    _set_widths(ws, {**widths, len(UNIT_COLUMNS): NOTES_WIDTH})
    ws.freeze_panes = f"A{h + 1}"
    ws.auto_filter.ref = f"A{h}:{get_column_letter(len(UNIT_COLUMNS))}{last}"
    _for_print(ws, title_rows=f"{h}:{h}")
    rows: list[tuple[Row, float | None]] = [([cells.plain(f"{u.name} {u.year}年度 部门整体支出绩效评价复核", TITLE_FONT),
                                              *[None] * (len(UNIT_COLUMNS) - 2),
                                              cells.plain("返回汇总", LINK_FONT, f"#{quoted(SUMMARY_SHEET)}!A1")], None)]
    info = ((("评价框架", result.framework.name, None),),
            (("已评分值", c.assessed, SCORE), ("其中核实", c.verified, SCORE), ("等次", verdict(result), None)),
            (("自评总分", result.claimed.total, SCORE), ("自评等次", result.claimed.grade, None),
             ("自评复核", result.claimed.status_label, None)),
            (("可能总分", graded_total(None, result.total_range) if result.grade is None else None, None),
             (ASSESSED_RATE_LABEL, result.assessed_rate if result.grade is None else None, PERCENT)))
    for pairs in info:
        rows.append(([put for label, value, fmt in pairs for put in (cells.plain(label, HEADER_FONT),
                                                                      cells.boxed(value, fmt))], None))
    rows += [([], None)] * (h - 1 - len(rows)) + [(cells.headers(UNIT_COLUMNS), None)]  # the table's header at row h
    for values in scores:
        rows.append(([cells.boxed(value, fmt, alignment=WRAP if col == len(UNIT_COLUMNS) else TOP)
                      for col, (value, fmt) in enumerate(values, start=1)], _height([values[-1][0]], NOTES_WIDTH)))
    findings = len(result.findings)
    pointer = (cells.plain(f"审计发现 {findings} 项：见“{FINDINGS_SHEET}”表", LINK_FONT,
                           f"#{quoted(FINDINGS_SHEET)}!A{first_finding}") if findings else cells.plain("审计发现：无"))
    rows += [([], None), ([pointer], None)]
    write_rows(ws, rows)


@dataclass
class _Findings:
    """审计发现's rows, kept in a temporary file until every unit is read (its column widths depend on all of them):
    each unit's rows as (values, title of its sheet), and the widest text of each column so far."""

    spool: IO[bytes] = field(default_factory=lambda: tempfile.TemporaryFile(prefix="perfeval-findings-"))
    rows: int = 0
    widest: dict[int, str] = field(default_factory=dict)

    def add(self, result: UnitResult, title: str) -> int:
        """A unit's findings, by severity; the row of its first one on the sheet."""
        names = {i.id: i.name for i in result.indicators}
        listed = []
        for f in sorted(result.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9)):
            shown = names.get(f.indicator or "", "")  # an id the sheet cannot name is left out, not shown
            values = (result.unit.name, f.severity_label, f.kind_label, shown, f.message)
            for col, value in enumerate(values[:-1], start=1):
                text = _shown(value, None)
                if display_width(text) > display_width(self.widest.get(col, "")):
                    self.widest[col] = text
            listed.append(values)
        first = self.rows + 2  # after the header
        if listed:
            pickle.dump((listed, title), self.spool, pickle.HIGHEST_PROTOCOL)
            self.rows += len(listed)
        return first

    def read(self) -> Iterator[tuple[tuple[str, ...], str]]:
        self.spool.seek(0)
        while True:
            try:
                listed, title = pickle.load(self.spool)  # noqa: S301 - our own file, written just above
            except EOFError:
                return
            for values in listed:
                yield values, title

    def write(self, ws: WriteOnlyWorksheet, cells: _Cells) -> None:
        """The sheet: widths, header, every unit's findings (the message wrapped), filter and print settings."""
        widths = {col: _column_width([self.widest.get(col, "")], header)
                  for col, header in enumerate(FINDING_COLUMNS[:-1], start=1)}
        _set_widths(ws, {**widths, len(FINDING_COLUMNS): MESSAGE_WIDTH})
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(FINDING_COLUMNS))}{max(self.rows + 1, 1)}"
        _for_print(ws, title_rows="1:1")

        def rows() -> Iterator[tuple[Row, float | None]]:
            yield cells.headers(FINDING_COLUMNS), None
            for values, title in self.read():
                yield ([cells.boxed(value, alignment=WRAP, link=f"#{quoted(title)}!A1" if col == 1 else None)
                        for col, value in enumerate(values, start=1)], _height([values[-1]], MESSAGE_WIDTH))

        write_rows(ws, rows())
        self.spool.close()


def _release(ws: WriteOnlyWorksheet) -> None:
    """A written sheet keeps only what the workbook's own parts name (its title, filter, print titles): its rows'
    and columns' dimensions and its links are in its file already, and a thousand sheets' worth would grow with
    the units."""
    ws.row_dimensions.clear()
    ws.column_dimensions.clear()
    ws._hyperlinks = []


def summary_workbook(results: Iterable[UnitResult]) -> Workbook:
    """The summary workbook, from unit results (never rescoring a unit), in one pass: each result is written to its
    sheet, its findings and its row of 汇总 and then let go, so a generator that reads them one by one keeps a
    thousand units' results out of memory at once. A write-only workbook: save it once (write_summary_workbook)."""
    wb = Workbook(write_only=True)
    summary = wb.create_sheet(SUMMARY_SHEET)
    findings_sheet = wb.create_sheet(FINDINGS_SHEET)
    cells = _Cells(Looks(summary))
    taken = {SUMMARY_SHEET.lower(), FINDINGS_SHEET.lower()}
    rows: list[tuple[tuple[Any, ...], str]] = []
    findings = _Findings()
    for result in results:
        title = sheet_title(f"{result.unit.name}{result.unit.year}", taken)
        ws = wb.create_sheet(title)
        _unit_sheet(ws, cells, result, findings.add(result, title))
        _release(ws)
        rows.append((summary_row(result), title))
    findings.write(findings_sheet, cells)
    _summary(summary, cells, rows)
    wb.properties.title = WORKBOOK_TITLE
    return wb


_CLOCK = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


class _Undated(zipfile.ZipFile):
    """A zip that carries no clock: zipfile stamps each entry with the moment it is written (openpyxl's sheet files
    with their files' times) and openpyxl docProps/core.xml (created, modified), so two runs on the same results
    gave different files. The dates say nothing the results do not, and are left out."""

    def writestr(self, zinfo_or_arcname: str | zipfile.ZipInfo, data: str | bytes, *args: Any, **kwargs: Any) -> None:
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo) else zinfo_or_arcname
        if name == "docProps/core.xml":
            data = _CLOCK.sub(b"", data.encode() if isinstance(data, str) else data)
        super().writestr(zipfile.ZipInfo(name, ZIP_EPOCH), data, compress_type=zipfile.ZIP_DEFLATED)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        info = zipfile.ZipInfo(str(arcname or filename), ZIP_EPOCH)
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(filename, "rb") as src, self.open(info, "w") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)  # a sheet's file, streamed


def write_summary_workbook(results: Iterable[UnitResult], path: str | Path) -> Path:
    """Write the summary workbook atomically, one row and one sheet per unit result; the same results give the
    same bytes."""
    buffer = io.BytesIO()
    with _Undated(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(summary_workbook(results), archive).save()
    return write_atomic(path, buffer.getvalue())
