"""Writing the intake workbook: blank for a framework, or filled from a unit's params and proved to read back."""
from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any, Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...core.engine import load_unit
from ...errors import ParamsError, WorkbookError
from ...fileio import dump_yaml, write_atomic
from ...core.framework import Framework, available_frameworks, load_framework
from ...intake.excel.book import Book
from ...intake.excel.cells import TEXT_KINDS, CellProblem, display_width, set_text, write_cell
from ...intake.excel.datapath import PathT, dotted, fill, get_in
from ...intake.excel.reader import Reader, differences, grids_of, read_workbook_bytes, tidy
from ...intake.excel.layout import (BASE, CODES, ELSEWHERE, EXTRA, EXTRA_ROW, GRID_HEADER_ROW, GUIDE, IDENTITIES, IDENTITY,
                     IDENTITY_ROW, INPUT_SHEETS, INTERP, ITEM_LISTS, ITEMS, JUDGE, MORE, PROJECTS, RATES, RATIOS,
                     ROW_HEADERS, ROW_WIDTHS, SCORES, SECTIONS, SELF, STAFF, STAFF_HEADER_ROW, STATED, STATEMENTS,
                     TABLES, TITLES, UNIT, Table, base_note_row, buildings_row, figure_paths, fields_and_labels,
                     measures, table_rows)
from .style import (BODY_FONT, BOX, HEADER_FILL, HEADER_FONT, INPUT_FILL, MUTED_FONT, TITLE_FONT, WRAP, header_cell,
                    set_width)

FRAMEWORK_ALIASES = {"A": "dept_overall_a", "B": "self_assessment_b"}
BLANK_ROWS = 30  # formatted empty rows below a list table's content
QUANTITY_KINDS = frozenset({"figure", "statement", "statement_unit", "amount"})  # shown right-aligned, as numbers
RIGHT = Alignment(horizontal="right")
LINE_HEIGHT = 16  # points per line of a wrapped header

GUIDE_LINES = (
    "本工作簿录入一个单位的部门整体支出绩效评价资料，由 perfeval 读入：perfeval excel import 本文件 -o params/units/单位编码.yaml",
    "1. 浅黄色单元格为填写区；灰色文字为说明或自动显示，无需填写。",
    "2. 金额以万元为单位；按报告原样填写的也可读入：1.5亿元、18020000元会按所写单位换算，约300、2500余次、95%以上会记下"
    "“约”“余”“以上”。百分比填 92、92% 均可。",
    "3. 未载明或不适用的留空，或填“——”；报告未写的数字不要估填。",
    "4. “数据来源”写明数字出自哪个附件哪一栏（如 附件1-2 三公经费·本年决算数），便于复核。",
    "5. 不要插入、删除或移动行列，不要改工作表名称；表格行数不够时在下方续填。",
    "6. 绩效自评表：一级、二级指标与上一行相同时可留空；年度指标写“≥12次”“不少于12次”“≤1.5亿元”“高质量完成”，"
    "实际完成值写“820余场”“98%”；以数字开头却是文字的，用引号括起，如“3个月内完成”。",
    "7. 评价判断：每个评分项只填一种判断——是否符合、问题个数、计数或判断分；依据填“自述”（仅凭单位自述）或"
    "“核实”（见到凭证），核实的写明所见文件、日期和核实人。",
    "8. 自述数据：报告所载、代码表未列的数字（如 维修电话2500余次），各给一个编号（小写字母、数字、_），"
    "在“单位所称比例”“另处表述”“数据关系”中与数据项编码一样引用。",
    "9. 公式须在 Excel、WPS 或 LibreOffice 中计算后保存；没有计算结果的公式单元格会被指出，不会当作空白。",
    "10. 代码表列出比率口径编码与数据项编码，供“单位所称比率”“单位所称比例”“另处表述”“数据关系”“其他明细”选用。",
)
SHEET_NOTES = {
    UNIT: "单位名称、年度、评价框架等",
    BASE: "附件1-2 基础数据表：人员、三公经费、项目支出、公用经费、政府采购、预算调整、楼堂馆所",
    STAFF: "实有人数及其构成（在职按类别、退休、遗属）；资产总额、新增与处置",
    MORE: "年初/调整后预算、执行数、季度支付进度、产出数量、满意度、资金来源", ITEMS: "自评报告列出的项目支出明细",
    PROJECTS: "附件2-4 公共项目资金绩效自评评分汇总表：各项目的自评分数、等级、预算与执行数",
    STATED: "报告所载、代码表未列的数字：编号、名称、数值、单位、限定词、出处",
    SELF: "附件3-1 绩效自评表：一级/二级/三级指标、年度指标、实际完成值、分值、得分", SCORES: "单位自评总分、各指标自评得分、资料未载明的指标",
    JUDGE: "评价人员对制度、合规等评分项的判断及其依据（自述/核实）", INTERP: "框架未作规定之处采用的口径（留空为默认）",
    RATES: "单位在报告中自称的指标比率（如在职人员控制率 92%）", STATEMENTS: "同一数据在报告另一处的表述",
    ITEM_LISTS: "报告在某项数据下列出的其中各项（项目支出明细以外）", ELSEWHERE: "绩效自评表某行的实际完成值或年度指标在报告别处的表述",
    SECTIONS: "报告对各一级指标的自评分值、得分与得分率",
    RATIOS: "单位所称的两项数据之比：占比、变动率（较上年增长/下降）、比值",
    IDENTITIES: "总数与其组成部分（如 实有人数 = 在职 + 退休 + 遗属），由评价人员声明",
    EXTRA: "本模板未设专栏的参数（YAML 格式，一般无需填写）",
}


def framework_id(name: str) -> str:
    """A or B (the seeds' two shapes) or a framework id."""
    return FRAMEWORK_ALIASES.get(name.upper(), name) if len(name) == 1 else name


def _validation(ws: Worksheet, choices: tuple[str, ...] | str, ref: str, strict: bool = True) -> None:
    formula = choices if isinstance(choices, str) else '"' + ",".join(choices) + '"'
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                        errorStyle="stop" if strict else "warning")
    ws.add_data_validation(dv)
    dv.add(ref)


def _guide(ws: Worksheet, fw: Framework) -> None:
    ws["A1"] = "填写说明"
    ws["A1"].font = TITLE_FONT
    for i, line in enumerate(GUIDE_LINES + (f"本模板的评价框架：{fw.id}（{fw.name}）",), start=3):
        ws.cell(i, 1, line).font = BODY_FONT
    r = len(GUIDE_LINES) + 6
    header_cell(ws, f"A{r}", "工作表")
    header_cell(ws, f"B{r}", "内容")
    for i, name in enumerate(INPUT_SHEETS, start=r + 1):
        ws.cell(i, 1, name).font = HEADER_FONT
        ws.cell(i, 2, SHEET_NOTES.get(name, "")).font = BODY_FONT
    set_width(ws, "A", 16)
    set_width(ws, "B", 80)


def _codes(ws: Worksheet, fw: Framework) -> tuple[str, str]:
    """The code lists; returns the ranges the rate and statement sheets validate against."""
    for ref, text in (("A2", "比率口径编码"), ("B2", "名称"), ("D2", "数据项编码"), ("E2", "名称"), ("F2", "单位")):
        header_cell(ws, ref, text)
    known = measures(fw)
    for i, (code, name) in enumerate(known.items(), start=3):
        ws.cell(i, 1, code)
        ws.cell(i, 2, name)
    paths = figure_paths()
    for i, (path, (label, unit)) in enumerate(paths.items(), start=3):
        ws.cell(i, 4, path)
        ws.cell(i, 5, label)
        ws.cell(i, 6, unit)
    for col, width in zip("ABCDEF", (36, 40, 4, 40, 44, 8)):
        set_width(ws, col, width)
    ws.freeze_panes = "A3"
    return (f"'{CODES}'!$A$3:$A${len(known) + 2}", f"'{CODES}'!$D$3:$D${len(paths) + 2}")


def _fit_header(ws: Worksheet, row: int, headers: Iterable[tuple[str, float]]) -> None:
    """A header row tall enough for its wrapped headers (a spreadsheet does not grow it when the file opens)."""
    lines = max((math.ceil(display_width(text) / (width + 1)) for text, width in headers), default=1)
    ws.row_dimensions[row].height = LINE_HEIGHT * max(lines, 1)


def _write_table(ws: Worksheet, t: Table, fw: Framework, data: dict[str, Any] | None,
                 problems: list[tuple[str, str]]) -> None:
    for i, col in enumerate(t.columns, start=1):
        header_cell(ws, f"{get_column_letter(i)}{t.header_row}", col.header)
        set_width(ws, get_column_letter(i), col.width)
    _fit_header(ws, t.header_row, ((c.header, c.width) for c in t.columns))
    rows = table_rows(t, fw, data)
    for n, row in enumerate(rows):
        r = t.header_row + 1 + n
        for i, col in enumerate(t.columns, start=1):
            if col.path is None:
                value, kind = row.get(col.key or col.header), col.kind if col.key else "text"
            elif t.list_path is None:
                value, kind = get_in(data or {}, fill(col.path, row)), col.kind
            elif col.parent:
                value, kind = get_in(data or {}, fill(col.path, row["_index"])), col.kind
            else:
                value, kind = get_in(row["_item"], col.path), col.kind
            if value is None:
                continue
            cell = ws.cell(r, i)
            try:
                write_cell(cell, kind, value, alone=col.alone)
            except CellProblem as exc:
                problems.append((f"{t.sheet}!{cell.coordinate}", str(exc)))
            if col.path is None and not col.key:
                cell.font = MUTED_FONT
                cell.alignment = WRAP
        choices = row.get("_choices")
        if choices:
            c = next(i for i, col in enumerate(t.columns, start=1) if col.path is not None)
            _validation(ws, tuple(choices), f"{get_column_letter(c)}{r}")
    end = t.header_row + len(rows) + (BLANK_ROWS if t.list_path is not None else 0)
    for i, col in enumerate(t.columns, start=1):
        letter = get_column_letter(i)
        typed = col.path is not None or (col.key is not None and col.key != "#")
        for r in range(t.header_row + 1, end + 1):
            cell = ws.cell(r, i)
            cell.border = BOX
            if typed and not (t.prelist and col.key and r <= t.header_row + len(rows)):
                cell.fill = INPUT_FILL
            if typed and col.kind in TEXT_KINDS:
                cell.number_format = "@"
            if col.kind in QUANTITY_KINDS:
                cell.alignment = RIGHT
        if col.choices:
            _validation(ws, col.choices, f"{letter}{t.header_row + 1}:{letter}{t.last_row}")
    ws.freeze_panes = f"A{t.header_row + 1}"


def _write_extra(ws: Worksheet, extras: list[tuple[PathT, Any]]) -> None:
    """Parameters the layout has no cells for, one per row as a path and a YAML value."""
    for r, (path, value) in enumerate(extras, start=EXTRA_ROW):
        set_text(ws.cell(r, 1), dotted(path))
        set_text(ws.cell(r, 2), dump_yaml(tidy(value)).rstrip("\n"))
        ws.cell(r, 2).alignment = WRAP
    for col, width in zip("AB", (36, 90)):
        set_width(ws, col, width)
    for r in range(EXTRA_ROW, EXTRA_ROW + max(len(extras), 10)):
        for c in (1, 2):
            cell = ws.cell(r, c)
            cell.fill, cell.border, cell.number_format = INPUT_FILL, BOX, "@"
    ws.freeze_panes = f"A{EXTRA_ROW}"


def missing(full: Any, got: Any, path: PathT = ()) -> list[tuple[PathT, Any]]:
    """The parts of full (params data) that got (what the layout read back) lacks entirely."""
    if isinstance(full, dict) and isinstance(got, dict):
        return [m for k, v in full.items()
                for m in ([(path + (k,), v)] if k not in got else missing(v, got[k], path + (k,)))]
    if isinstance(full, list) and isinstance(got, list) and len(full) == len(got):
        return [m for i, (a, b) in enumerate(zip(full, got)) for m in missing(a, b, path + (i,))]
    return []


def _build(fw: Framework, data: dict[str, Any] | None, extras: list[tuple[PathT, Any]]) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    _guide(wb.create_sheet(GUIDE), fw)
    sheets = {name: wb.create_sheet(name) for name in INPUT_SHEETS}
    for name, ws in sheets.items():
        ws["A1"] = TITLES[name]
        ws["A1"].font = TITLE_FONT
    problems: list[tuple[str, str]] = []
    fields, labels = fields_and_labels()
    for lb in labels:
        cell = sheets[lb.sheet][lb.cell]
        set_text(cell, lb.text)
        if lb.checked:
            cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, BOX, WRAP
        else:
            cell.font, cell.alignment = MUTED_FONT, WRAP
    for f in fields:
        cell = sheets[f.sheet][f.cell]
        cell.fill, cell.border = INPUT_FILL, BOX
        if f.kind in TEXT_KINDS:
            cell.number_format = "@"
        if f.kind in QUANTITY_KINDS:
            cell.alignment = RIGHT
        value = get_in(data or {}, f.path)
        if value is not None:
            try:
                write_cell(cell, f.kind, value, alone=f.alone)
            except CellProblem as exc:
                problems.append((dotted(f.path), str(exc)))
    for t in TABLES:
        _write_table(sheets[t.sheet], t, fw, data, problems)
    _write_extra(sheets[EXTRA], extras)
    if problems:
        raise ParamsError("<workbook>", problems)
    _finish(sheets, _codes(wb.create_sheet(CODES), fw))
    wb.properties.title = f"perfeval intake workbook ({fw.id})"
    return wb


def build_workbook(fw: Framework, data: dict[str, Any] | None = None) -> Workbook:
    """The intake workbook for a framework, filled from params data (a model_dump) when given.

    Whatever the sheets have no cells for goes to 其他参数 as YAML, so that nothing of a unit is lost.
    """
    probe = _build(fw, data, [])
    if not data:
        return probe
    got = Reader(grids_of(Book(probe), "<workbook>")).read_all()
    return _build(fw, data, missing(data, got))  # rebuilt: reading the probe touched its cells


def _finish(sheets: dict[str, Worksheet], code_ranges: tuple[str, str]) -> None:
    """Widths, frozen panes, the 填报单位 display and the drop-down lists of the fixed-cell sheets."""
    unit, base, scores = sheets[UNIT], sheets[BASE], sheets[SCORES]
    for col, width in zip("ABC", (14, 40, 80)):
        set_width(unit, col, width)
    unit.freeze_panes = f"A{IDENTITY_ROW}"
    framework_row = IDENTITY_ROW + [k for k, *_ in IDENTITY].index("framework")
    _validation(unit, tuple(available_frameworks()), f"B{framework_row}", strict=False)
    name_row = IDENTITY_ROW + [k for k, *_ in IDENTITY].index("name")
    base["B2"] = f"='{UNIT}'!B{name_row}"
    base["B2"].font = MUTED_FONT
    set_width(base, "A", 36)
    for i in range(2, 14):
        set_width(base, get_column_letter(i), 14 if i <= 5 else 24)
    base.freeze_panes = f"B{GRID_HEADER_ROW + 1}"
    for row in (STAFF_HEADER_ROW, buildings_row(), GRID_HEADER_ROW):
        _fit_header(base, row, ((str(c.value), base.column_dimensions[c.column_letter].width)
                                for c in base[row] if c.value is not None))
    base.cell(base_note_row(), 1).alignment = WRAP
    base.merge_cells(start_row=base_note_row(), start_column=1, end_row=base_note_row(), end_column=9)
    base.row_dimensions[base_note_row()].height = 48
    for ws in (sheets[STAFF], sheets[MORE]):
        for i, width in enumerate(ROW_WIDTHS, start=1):
            set_width(ws, get_column_letter(i), width)
        _fit_header(ws, 2, zip(ROW_HEADERS, ROW_WIDTHS))
        ws.freeze_panes = "C3"
    _validation(scores, ("优", "良", "中", "差"), "B4")
    for name, column, rng in ((RATES, "A", code_ranges[0]), (STATEMENTS, "A", code_ranges[1]),
                              (RATIOS, "B", code_ranges[1]), (RATIOS, "C", code_ranges[1]),
                              (ITEM_LISTS, "B", code_ranges[1]), (IDENTITIES, "B", code_ranges[1])):
        t = next(t for t in TABLES if t.sheet == name)
        _validation(sheets[name], f"={rng}", f"{column}{t.header_row + 1}:{column}{t.last_row}", strict=False)
    interp = sheets[INTERP]
    for row in interp.iter_rows(min_row=3, max_row=interp.max_row):
        interp.row_dimensions[row[0].row].height = 15 * max(1, str(row[2].value or "").count("\n") + 1)


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def write_template(path: str | Path, framework: str = "A") -> Path:
    """A blank intake workbook for a framework (A, B or a framework id)."""
    fw = load_framework(framework_id(framework))
    wb = build_workbook(fw, {"unit": {"framework": fw.id}})
    return write_atomic(path, workbook_bytes(wb))


def export_workbook(params_path: str | Path, path: str | Path) -> Path:
    """A unit's params as a filled intake workbook; refuses to write if reading it back would change anything."""
    unit = load_unit(params_path)
    params = unit.params
    try:
        blob = workbook_bytes(build_workbook(unit.framework, params.model_dump(exclude_defaults=True)))
    except ParamsError as exc:
        raise ParamsError(str(params_path), exc.problems) from None
    try:
        back, _ = read_workbook_bytes(blob, str(path))
    except WorkbookError as exc:  # valid params the intake would refuse, e.g. an empty 单位名称
        raise ParamsError(str(params_path), [(pr.field, f"{pr.problem} once in Excel; nothing was written")
                                             for pr in exc.problems]) from None
    lost = differences(params, back)
    if lost:
        raise ParamsError(str(params_path), [(p, "the Excel layout cannot hold this value exactly; "
                                              "nothing was written") for p in lost])
    return write_atomic(path, blob)
