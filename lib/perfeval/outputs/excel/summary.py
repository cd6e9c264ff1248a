"""The summary workbook an analyst forwards as it is: 汇总 (every unit on one row), 审计发现 (every finding of
every unit, to filter by unit, kind or severity), then one score sheet per unit.

It reads as the HTML does (等次, Chinese headings and finding kinds, the 预算编码; no file, check or framework
ids) and prints as it is: every sheet on A4 landscape, one page wide, its header row repeated on every page.
The findings have a sheet of their own so that each printed table repeats its own header.
"""
from __future__ import annotations

import io
import math
import re
import zipfile
from copy import copy
from pathlib import Path
from typing import Any, Iterable, Sequence
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from ...checks.finding import SEVERITY_LABEL, SEVERITY_ORDER
from ...fileio import write_atomic
from ...core.numbers import POINT_PLACES, round_half_up
from ...core.rows import QUALITATIVE_RULE
from ...fmt import EXCEL_RATE, EXCEL_SCORE, fixed, pct, points
from ...result import ASSESSED_RATE_LABEL, IndicatorOut, UnitResult, graded_total
from ...safetext import inert
from ...intake.excel.cells import display_width, set_shown_text
from .style import BODY_FONT, BOX, HEADER_FONT, TITLE_FONT, TOP, WRAP, fit_width, header_cell, set_width

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


def _for_print(ws: Worksheet, title_rows: str) -> None:
    """A4 landscape, one page wide (as many pages long as it takes), title_rows repeated on every page, numbered."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
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


_STYLES: WeakKeyDictionary[Workbook, dict[tuple[int, int, str | None], StyleArray]] = WeakKeyDictionary()


def _style(cell: Cell, font: Font, alignment: Alignment | None, number_format: str | None) -> None:
    """A fresh cell's font, box, alignment and number format. openpyxl hashes every style object each time one is
    assigned (most of the workbook's time: 9 of 16 s for 100 units); each combination is registered with the
    workbook once here, and its style record copied to every other cell that takes it."""
    known = _STYLES.setdefault(cell.parent.parent, {})
    key = (id(font), id(alignment), number_format)
    if key in known:
        cell._style = copy(known[key])
        return
    cell.font, cell.border = font, BOX
    if alignment is not None:
        cell.alignment = alignment
    if number_format:
        cell.number_format = number_format
    known[key] = copy(cell._style)


def _put(ws: Worksheet, row: int, col: int, value: Any, number_format: str | None = None, *,
         alignment: Alignment | None = None, font: Font = BODY_FONT) -> None:
    cell = ws.cell(row, col)
    _style(cell, font, alignment, number_format if value is not None and not isinstance(value, str) else None)
    if isinstance(value, str):
        set_shown_text(cell, value)
    elif value is not None:
        cell.value = value


def summary_row(result: UnitResult) -> tuple[Any, ...]:
    """A unit's row of 汇总, in the order of SUMMARY_COLUMNS."""
    counts = result.findings_by_severity
    u, c, span = result.unit, result.coverage, result.total_range
    return (u.name, u.budget_code or "未载明", u.year, result.framework.name, c.assessed, c.applicable, c.verified,
            result.total_on_100 if result.grade else None, verdict(result), span[0] if span else None,
            span[1] if span else None, result.assessed_rate if result.grade is None else None, result.claimed.total, result.claimed.grade, result.claimed.status_label,
            difference(result), counts.get("error", 0), counts.get("warning", 0), counts.get("info", 0))


def _summary(ws: Worksheet, units: list[tuple[tuple[Any, ...], str]]) -> None:
    """汇总 from each unit's row (summary_row) and the title of its sheet."""
    for i, (header, _) in enumerate(SUMMARY_COLUMNS, start=1):
        header_cell(ws, f"{get_column_letter(i)}1", header)
    headers = [h for h, _ in SUMMARY_COLUMNS]
    for r, (values, title) in enumerate(units, start=2):
        for col, (value, (header, fmt)) in enumerate(zip(values, SUMMARY_COLUMNS), start=1):
            _put(ws, r, col, value, fmt, alignment=WRAP if header in WRAPPED else TOP,
                 font=LINK_FONT if col == 1 else BODY_FONT)
        ws.cell(r, 1).hyperlink = f"#{quoted(title)}!A1"
    _fit(ws, len(SUMMARY_COLUMNS), len(units) + 1)
    for header, width in WRAPPED.items():
        letter = get_column_letter(headers.index(header) + 1)
        set_width(ws, letter, min(width, ws.column_dimensions[letter].width))
    for r in range(2, len(units) + 2):
        ws.row_dimensions[r].height = max(_height([str(ws.cell(r, headers.index(h) + 1).value or "")], w)
                                          for h, w in WRAPPED.items())
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(SUMMARY_COLUMNS))}{len(units) + 1}"
    ws.row_dimensions[1].height = 2 * LINE_HEIGHT + 3  # headers wrap onto two lines rather than widen columns
    _for_print(ws, title_rows="1:1")


def _fit(ws: Worksheet, columns: int, last_row: int, first_row: int = 1, skip: Sequence[int] = ()) -> None:
    """Each column as wide as its widest value; its header (first_row) may wrap onto two lines."""
    for c in range(1, columns + 1):
        if c in skip:
            continue
        texts = [_shown(ws.cell(r, c)) for r in range(first_row + 1, last_row + 1)]
        texts.append("一" * math.ceil(display_width(_shown(ws.cell(first_row, c))) / 4))  # half the header's width
        set_width(ws, get_column_letter(c), fit_width(texts, minimum=8))


def _shown(cell: Cell) -> str:
    """The text Excel shows for a cell, to size its column."""
    if isinstance(cell.value, (int, float)) and cell.number_format == PERCENT:
        return fixed(cell.value, 2) + "%"
    if isinstance(cell.value, (int, float)) and cell.number_format == SCORE:
        return points(cell.value)
    return "" if cell.value is None else str(cell.value)


def _score_row(ws: Worksheet, r: int, row: IndicatorOut) -> None:
    percent = row.value_unit == "%"
    qualitative = row.rule.startswith(QUALITATIVE_RULE) and row.value is not None
    value = f"定性，得分率 {pct(row.value)}" if qualitative else row.value  # a judgement, not a measured rate
    values = (row.level1, row.level2, row.name, weight_words(row), value, "" if percent else row.value_unit, row.score,
              row.claimed_score, row.status_label, "\n".join([row.rule, *row.notes]))
    formats = (None, None, None, SCORE, PERCENT if percent else SCORE, None, SCORE, SCORE, None, None)
    for c, (value, fmt) in enumerate(zip(values, formats), start=1):
        _put(ws, r, c, value, fmt, alignment=WRAP if c == len(UNIT_COLUMNS) else TOP)
    ws.row_dimensions[r].height = _height([values[-1]], NOTES_WIDTH)


def _unit_sheet(ws: Worksheet, result: UnitResult, first_finding: int) -> None:
    u = result.unit
    set_shown_text(ws["A1"], f"{u.name} {u.year}年度 部门整体支出绩效评价复核")
    ws["A1"].font = TITLE_FONT
    back = ws.cell(1, len(UNIT_COLUMNS), "返回汇总")
    back.hyperlink = f"#{quoted(SUMMARY_SHEET)}!A1"
    back.font = LINK_FONT
    c = result.coverage
    info = ((("评价框架", result.framework.name, None),),
            (("已评分值", c.assessed, SCORE), ("其中核实", c.verified, SCORE), ("等次", verdict(result), None)),
            (("自评总分", result.claimed.total, SCORE), ("自评等次", result.claimed.grade, None),
             ("自评复核", result.claimed.status_label, None)),
            (("可能总分", graded_total(None, result.total_range) if result.grade is None else None, None),
             (ASSESSED_RATE_LABEL, result.assessed_rate if result.grade is None else None, PERCENT)))
    for r, pairs in enumerate(info, start=2):
        for k, (label, value, fmt) in enumerate(pairs):
            ws.cell(r, 1 + 2 * k, label).font = HEADER_FONT
            _put(ws, r, 2 + 2 * k, value, fmt)
    h = UNIT_HEADER_ROW
    for col, header in enumerate(UNIT_COLUMNS, start=1):
        header_cell(ws, f"{get_column_letter(col)}{h}", header)
    for r, row in enumerate(result.indicators, start=h + 1):
        _score_row(ws, r, row)
    last = h + len(result.indicators)
    ws.freeze_panes = f"A{h + 1}"
    ws.auto_filter.ref = f"A{h}:{get_column_letter(len(UNIT_COLUMNS))}{last}"
    _fit(ws, len(UNIT_COLUMNS) - 1, last, first_row=h)
    set_width(ws, get_column_letter(len(UNIT_COLUMNS)), NOTES_WIDTH)
    findings = len(result.findings)
    pointer = ws.cell(last + 2, 1, f"审计发现 {findings} 项：见“{FINDINGS_SHEET}”表" if findings else "审计发现：无")
    if findings:
        pointer.hyperlink = f"#{quoted(FINDINGS_SHEET)}!A{first_finding}"
        pointer.font = LINK_FONT
    _for_print(ws, title_rows=f"{h}:{h}")


def _unit_findings(ws: Worksheet, result: UnitResult, title: str, r: int) -> int:
    """A unit's findings on 审计发现 from row r, by severity, the message wrapped; the row after them."""
    names = {i.id: i.name for i in result.indicators}
    for f in sorted(result.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9)):
        shown = names.get(f.indicator or "", "")  # an id the sheet cannot name is left out, not shown
        for c, value in enumerate((result.unit.name, f.severity_label, f.kind_label, shown, f.message), start=1):
            _put(ws, r, c, value, alignment=WRAP)
        ws.cell(r, 1).hyperlink = f"#{quoted(title)}!A1"
        ws.row_dimensions[r].height = _height([f.message], MESSAGE_WIDTH)
        r += 1
    return r


def _findings_header(ws: Worksheet) -> int:
    """审计发现's header row; the row of the first finding."""
    for c, header in enumerate(FINDING_COLUMNS, start=1):
        header_cell(ws, f"{get_column_letter(c)}1", header)
    return 2


def _finish_findings(ws: Worksheet, last: int) -> None:
    """审计发现's widths, filter and print settings, once every unit's findings are on it."""
    last = max(last, 1)
    _fit(ws, len(FINDING_COLUMNS) - 1, last)
    set_width(ws, get_column_letter(len(FINDING_COLUMNS)), MESSAGE_WIDTH)
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(FINDING_COLUMNS))}{last}"
    _for_print(ws, title_rows="1:1")


def summary_workbook(results: Iterable[UnitResult]) -> Workbook:
    """The summary workbook in memory, from unit results (never rescoring a unit), in one pass: each result is
    written to its findings, its sheet and its row of 汇总 and then let go, so a generator that reads them one by
    one keeps a thousand units' results out of memory at once."""
    wb = Workbook()
    summary = wb.active
    summary.title = SUMMARY_SHEET
    findings = wb.create_sheet(FINDINGS_SHEET)
    taken = {SUMMARY_SHEET.lower(), FINDINGS_SHEET.lower()}
    rows: list[tuple[tuple[Any, ...], str]] = []
    next_finding = _findings_header(findings)
    for result in results:
        title = sheet_title(f"{result.unit.name}{result.unit.year}", taken)
        first, next_finding = next_finding, _unit_findings(findings, result, title, next_finding)
        _unit_sheet(wb.create_sheet(title), result, first)
        rows.append((summary_row(result), title))
    _finish_findings(findings, next_finding - 1)
    _summary(summary, rows)
    wb.properties.title = WORKBOOK_TITLE
    return wb


_CLOCK = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def without_clock(xlsx: bytes) -> bytes:
    """The workbook without the moments it was made: openpyxl stamps each part's zip entry and docProps/core.xml
    (created, modified) with the time of saving, so two runs on the same results gave different files. The dates
    say nothing the results do not, and are left out."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "docProps/core.xml":
                data = _CLOCK.sub(b"", data)
            dst.writestr(zipfile.ZipInfo(info.filename, ZIP_EPOCH), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_summary_workbook(results: Iterable[UnitResult], path: str | Path) -> Path:
    """Write the summary workbook atomically, one row and one sheet per unit result; the same results give the
    same bytes."""
    buffer = io.BytesIO()
    summary_workbook(results).save(buffer)
    return write_atomic(path, without_clock(buffer.getvalue()))
