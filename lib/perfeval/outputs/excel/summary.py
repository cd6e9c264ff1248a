"""The summary workbook an analyst forwards as it is: 汇总 (every unit on one row), 审计发现 (every finding of
every unit, to filter by unit, kind or severity), then one score sheet per unit.

It reads as the HTML does (等次, Chinese headings and finding kinds, the 预算编码; no file, check or framework
ids) and prints as it is: every sheet on A4 landscape, one page wide, its header row repeated on every page.
The findings have a sheet of their own so that each printed table repeats its own header.

Written as a stream (package.py), its rows as XML text (sheetrows.py): a unit's sheet is laid out (its column widths
from its own rows) and written into the file before the next unit is read, and 审计发现 and 汇总, whose widths depend
on every unit, are kept as plain rows in temporary files until the last unit is read. Memory does not grow with the
number of units beyond each sheet's title (about 150 bytes a unit).
"""
from __future__ import annotations

import math
import pickle
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ...checks.finding import CANDIDATE_LABEL, SEVERITY_LABEL, SEVERITY_ORDER
from ...core.numbers import POINT_PLACES, round_half_up
from ...core.rows import QUALITATIVE_RULE
from ...fmt import EXCEL_RATE, EXCEL_SCORE, fixed, pct, points
from ...result import ASSESSED_RATE_LABEL, IndicatorOut, UnitResult, graded_total
from ...safetext import inert
from ...intake.excel.cells import display_width, readable_text, runs_as_formula
from .package import SheetLayout, summary_package
from .sheetrows import Looks, Put, Row
from .style import BODY_FONT, BOX, HEADER_FONT, TITLE_FONT, TOP, WRAP, fit_width, style_header

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
    (CANDIDATE_LABEL, "0"),  # a drafted unit's open questions, counted apart from the severities (W49)
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


def _height(texts: Sequence[str], width: float) -> float:
    """A row tall enough for its wrapped text: spreadsheet programs do not all grow a row when they open a file."""
    lines = sum(max(1, math.ceil(display_width(p) / (width - 2))) for t in texts for p in t.splitlines() or [""])
    return LINE_HEIGHT * max(lines, 1) + 3


@lru_cache(maxsize=8192)  # the same labels, rules and notes recur on every unit's sheet
def _readable(text: str) -> tuple[str, bool]:
    """Text as the sheet shows it (readable_text), and whether Excel would run it as a formula (then marked text)."""
    shown = readable_text(text)
    return shown, runs_as_formula(shown)


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
            (value, guarded), number_format = _readable(value), None
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
        text, guarded = _readable(text)
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


def summary_row(result: UnitResult) -> tuple[Any, ...]:
    """A unit's row of 汇总, in the order of SUMMARY_COLUMNS."""
    counts = result.findings_by_severity
    u, c, span = result.unit, result.coverage, result.total_range
    return (u.name, u.budget_code or "未载明", u.year, result.framework.name, c.assessed, c.applicable, c.verified,
            result.total_on_100 if result.grade else None, verdict(result), span[0] if span else None,
            span[1] if span else None, result.assessed_rate if result.grade is None else None, result.claimed.total,
            result.claimed.grade, result.claimed.status_label,
            difference(result), counts.get("error", 0), counts.get("warning", 0), counts.get("info", 0),
            result.candidates)


def _score_values(row: IndicatorOut) -> tuple[tuple[Any, str | None], ...]:
    """An indicator's row of the score table: each value with its number format."""
    percent = row.value_unit == "%"
    qualitative = row.rule.startswith(QUALITATIVE_RULE) and row.value is not None
    value = f"定性，得分率 {pct(row.value)}" if qualitative else row.value  # a judgement, not a measured rate
    values = (row.level1, row.level2, row.name, weight_words(row), value, "" if percent else row.value_unit, row.score,
              row.claimed_score, row.status_label, "\n".join([row.rule, *row.notes]))
    formats = (None, None, None, SCORE, PERCENT if percent else SCORE, None, SCORE, SCORE, None, None)
    return tuple(zip(values, formats))


def _unit_sheet(cells: _Cells, result: UnitResult, first_finding: int) -> tuple[SheetLayout, list[tuple[Row, float | None]]]:
    """A unit's sheet: its verdict and claim above its score table, and where its findings are."""
    u, c = result.unit, result.coverage
    scores = [_score_values(row) for row in result.indicators]
    h = UNIT_HEADER_ROW
    widths = {col: _column_width((_shown(*values[col - 1]) for values in scores), header)
              for col, header in enumerate(UNIT_COLUMNS[:-1], start=1)}
    layout = SheetLayout({**widths, len(UNIT_COLUMNS): NOTES_WIDTH}, freeze=f"A{h + 1}",
                         filter=f"A{h}:{get_column_letter(len(UNIT_COLUMNS))}{h + len(scores)}", title_rows=(h, h))
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
    return layout, rows


class _Spool:
    """Rows of a sheet whose column widths depend on every unit (汇总, 审计发现), kept in a temporary file until the
    last unit is read, and the widest line of each column so far: memory does not grow with the units."""

    def __init__(self, columns: int) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="perfeval-rows-")  # closed by read()
        self.rows = 0
        self._widest = [""] * columns

    def add(self, records: list[tuple[Any, ...]], shown: Sequence[str | None], title: str) -> None:
        """A unit's rows (values in column order) and the title of its sheet; `shown` the number format of each
        column (None: text), to measure the widths by what the sheet shows. Only the columns measured are
        measured: the last of 审计发现 has a fixed width."""
        for values in records:
            for col, fmt in enumerate(shown):
                for line in _shown(values[col], fmt).splitlines():
                    if display_width(line) > display_width(self._widest[col]):
                        self._widest[col] = line
        if records:
            pickle.dump((records, title), self._file, pickle.HIGHEST_PROTOCOL)
            self.rows += len(records)

    def width(self, col: int, header: str) -> float:
        """Column `col` (from 0) as wide as its widest line; its header may wrap onto two lines."""
        return _column_width([self._widest[col]], header)

    def read(self) -> Iterator[tuple[tuple[Any, ...], str]]:
        """Each row with the title of its unit's sheet, in the order added; the file is then let go."""
        self._file.seek(0)
        with self._file:
            while True:
                try:
                    records, title = pickle.load(self._file)  # noqa: S301 - our own file, written just above
                except EOFError:
                    return
                for values in records:
                    yield values, title


def _summary_sheet(cells: _Cells, units: _Spool) -> tuple[SheetLayout, Iterator[tuple[Row, float | None]]]:
    """汇总 from each unit's row (summary_row) and the title of its sheet."""
    headers = [h for h, _ in SUMMARY_COLUMNS]
    widths = {}
    for col, header in enumerate(headers, start=1):
        widths[col] = units.width(col - 1, header)
        if header in WRAPPED:
            widths[col] = min(WRAPPED[header], widths[col])
    layout = SheetLayout(widths, freeze="B2", filter=f"A1:{get_column_letter(len(SUMMARY_COLUMNS))}{units.rows + 1}",
                         title_rows=(1, 1))
    wrapped = [(headers.index(h), w) for h, w in WRAPPED.items()]

    def rows() -> Iterator[tuple[Row, float | None]]:
        yield cells.headers(headers), 2 * LINE_HEIGHT + 3  # headers wrap onto two lines rather than widen columns
        for values, title in units.read():
            row = [cells.boxed(value, fmt, alignment=WRAP if header in WRAPPED else TOP,
                               font=LINK_FONT if col == 1 else BODY_FONT, link=f"#{quoted(title)}!A1" if col == 1 else None)
                   for col, (value, (header, fmt)) in enumerate(zip(values, SUMMARY_COLUMNS), start=1)]
            yield row, max(_height([str(row[i].value or "")], w) for i, w in wrapped)

    return layout, rows()


def _finding_rows(result: UnitResult) -> list[tuple[Any, ...]]:
    """A unit's rows of 审计发现, by severity."""
    names = {i.id: i.name for i in result.indicators}
    return [(result.unit.name, f.severity_label, f.kind_label, names.get(f.indicator or "", ""), f.message)
            # an indicator id the sheet cannot name is left out, not shown
            for f in sorted(result.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9))]


def _findings_sheet(cells: _Cells, findings: _Spool) -> tuple[SheetLayout, Iterator[tuple[Row, float | None]]]:
    """审计发现: every unit's findings, the message wrapped."""
    widths = {col: findings.width(col - 1, header) for col, header in enumerate(FINDING_COLUMNS[:-1], start=1)}
    layout = SheetLayout({**widths, len(FINDING_COLUMNS): MESSAGE_WIDTH}, freeze="B2",
                         filter=f"A1:{get_column_letter(len(FINDING_COLUMNS))}{max(findings.rows + 1, 1)}",
                         title_rows=(1, 1))

    def rows() -> Iterator[tuple[Row, float | None]]:
        yield cells.headers(FINDING_COLUMNS), None
        for values, title in findings.read():
            yield ([cells.boxed(value, alignment=WRAP, link=f"#{quoted(title)}!A1" if col == 1 else None)
                    for col, value in enumerate(values, start=1)], _height([values[-1]], MESSAGE_WIDTH))

    return layout, rows()


def write_summary_workbook(results: Iterable[UnitResult], path: str | Path) -> Path:
    """Write the summary workbook from unit results (never rescoring a unit), in one pass: each result is written
    to its sheet, its findings and its row of 汇总 kept aside, and then let go, so a generator that reads them one by
    one keeps the units' results out of memory. The file is replaced only once it is whole; the same results give
    the same bytes."""
    styles = Workbook()  # registers the cells' looks (sheetrows.Looks); its sheets are never written
    styles.properties.title = WORKBOOK_TITLE
    cells = _Cells(Looks(styles))
    taken = {SUMMARY_SHEET.lower(), FINDINGS_SHEET.lower()}
    units, findings = _Spool(len(SUMMARY_COLUMNS)), _Spool(len(FINDING_COLUMNS) - 1)
    with summary_package(path, styles, header=f"&L&A&R{WORKBOOK_TITLE}", footer=f"&C{PAGE_FOOTER}") as package:
        for number, result in enumerate(results, start=3):  # after 汇总 and 审计发现
            title = sheet_title(f"{result.unit.name}{result.unit.year}", taken)
            first_finding = findings.rows + 2  # after the header
            findings.add(_finding_rows(result), [None] * 4, title)
            package.sheet(number, title, *_unit_sheet(cells, result, first_finding))
            units.add([summary_row(result)], [fmt for _, fmt in SUMMARY_COLUMNS], title)
        package.sheet(2, FINDINGS_SHEET, *_findings_sheet(cells, findings))
        package.sheet(1, SUMMARY_SHEET, *_summary_sheet(cells, units))
    return Path(path)
