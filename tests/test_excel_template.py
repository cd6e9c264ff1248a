"""The intake template's layout: sheets, headers and row names as in the seeds' 附件1-2 and 附件3-1."""
from __future__ import annotations

import openpyxl
import pytest

from perfeval.errors import WorkbookError
from perfeval.intake.excel.cells import format_quantity, read_quantity
from perfeval.intake.excel.reader import read_workbook
from perfeval.intake.excel.layout import (BASE, GRID_HEADER_ROW, INPUT_SHEETS, SEED_LINES, SELF, fields_and_labels,
                                           grid_rows, supplement_heading_row)
from perfeval.outputs.excel.template import write_template
from perfeval.core.figures import LINES, SCALARS
from perfeval.core.framework import load_framework

# Row names of 附件1-2 基础数据表 in seed 001 (经费控制情况 block, in order; the seed's "……" row left out).
SEED_001_ROWS = ["三公经费", "1、公务用车购置和维护经费", "其中：公车购置", "公车运行维护", "2、出国经费", "3、公务接待",
                 "项目支出", "1、业务工作专项", "2、运行维护专项", "公用经费", "其中：办公经费", "水费、电费、差旅费",
                 "会议费、培训费", "政府采购金额", "部门整体支出预算调整"]
# Column headers of the indicator table of 附件3-1 绩效自评表 in seed 002.
SEED_002_HEADERS = ["一级指标", "二级指标", "三级指标", "年度指标", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


@pytest.fixture(scope="module")
def template_a(tmp_path_factory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("tpl") / "a.xlsx"
    write_template(path, "A")
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def template_b(tmp_path_factory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("tpl") / "b.xlsx"
    write_template(path, "B")
    return openpyxl.load_workbook(path)


def column(ws, col: str, rows: range) -> list:
    return [ws[f"{col}{r}"].value for r in rows]


def test_sheets_in_order(template_a, template_b):
    expected = ["填写说明", *INPUT_SHEETS, "代码表"]
    assert template_a.sheetnames == expected
    assert template_b.sheetnames == expected
    assert INPUT_SHEETS[:2] == ("单位信息", "基础数据表")


def test_base_table_rows_are_the_seed_row_names_in_order(template_a):
    ws = template_a[BASE]
    first = GRID_HEADER_ROW + 1
    assert column(ws, "A", range(first, first + len(SEED_LINES) + 1)) == SEED_001_ROWS
    supplement = supplement_heading_row() + 1
    assert column(ws, "A", range(supplement, supplement + 3)) == \
        ["部门整体支出（总支出）", "基本支出", "人员经费"]  # what the narrative adds to the table


def test_base_table_headers(template_a):
    ws = template_a[BASE]
    assert ws["A1"].value == "部门整体支出绩效自评基础数据表"
    assert column(ws, "A", range(3, 4)) + column(ws, "B", range(3, 4)) + [ws["C3"].value, ws["D3"].value] == \
        ["财政供养人员情况", "编制数", "实际在职人数", "控制率（%）"]
    g = GRID_HEADER_ROW
    assert [ws.cell(g, c).value for c in range(1, 6)] == ["经费控制情况", "上年决算数", "本年预算数", "本年决算数", "上年预算数"]
    assert ws.cell(g, 6).value == "上年决算数来源"


def test_self_assessment_headers_are_the_seeds(template_b):
    ws = template_b[SELF]
    assert [ws.cell(2, c).value for c in range(1, 9)] == SEED_002_HEADERS
    assert ws["A1"].value == "绩效自评表"


def test_every_catalogue_figure_has_a_cell():
    fields, _ = fields_and_labels()
    paths = {".".join(f.path[1:]) for f in fields if f.path[0] == "figures" and f.kind == "figure"}
    assert {f"lines.{k}.budget" for k in LINES} <= paths
    assert set(SCALARS) <= paths
    assert {k for _, k, _ in grid_rows() if k in LINES} == set(LINES)


def test_framework_rows_are_listed_ahead(template_a, template_b):
    fw = load_framework("dept_overall_a")
    judge = template_a["评价判断"]
    listed = {(judge.cell(r, 1).value, judge.cell(r, 3).value) for r in range(3, judge.max_row + 1)}
    assert ("fund_compliance", "no_diversion") in listed
    interp = template_a["口径选择"]
    assert {interp.cell(r, 1).value for r in range(3, 3 + len(fw.interpretations))} == set(fw.interpretations)
    scores = template_a["指标评分"]
    assert scores["A7"].value == "goal_reasonableness" and scores["D7"].value == "绩效目标合理性"
    assert template_a["单位信息"]["B8"].value == "dept_overall_a"
    assert template_b["单位信息"]["B8"].value == "self_assessment_b"


def test_text_cells_are_formatted_as_text(template_a):
    assert template_a["单位信息"]["B7"].number_format == "@"  # 预算编码 keeps leading zeros


def test_blank_template_reports_only_the_required_identity(tmp_path):
    path = write_template(tmp_path / "blank.xlsx", "B")
    with pytest.raises(WorkbookError) as err:
        read_workbook(path)
    assert [p.field for p in err.value.problems] == ["单位信息!B3", "单位信息!B4", "单位信息!B5", "单位信息!B6"]


@pytest.mark.parametrize("text,parsed", [
    ("≥12次", {"op": ">=", "value": 12, "unit": "次"}),
    (">=800场", {"op": ">=", "value": 800, "unit": "场"}),
    ("≤150万元", {"op": "<=", "value": 150, "unit": "万元"}),
    ("2246.07万元", {"value": 2246.07, "unit": "万元"}),
    ("100%", {"value": 100, "unit": "%"}),
    ("高质量完成", {"text": "高质量完成"}),
    ("“3个月内完成”", {"text": "3个月内完成"}),
    (12, {"value": 12}),
])
def test_targets_read_and_write_back(text, parsed):
    assert read_quantity(text, with_op=True) == parsed
    assert read_quantity(format_quantity(parsed), with_op=True) == parsed


@pytest.mark.parametrize("value", [1e-07, 1e20, 0.1 + 0.2])
def test_a_target_of_any_size_writes_back_without_an_exponent(value):
    parsed = {"op": ">=", "value": value, "unit": "次"}
    assert "e" not in format_quantity(parsed).lower()  # "≥1e-07次" would read back as 1 of the unit "e-07次"
    assert read_quantity(format_quantity(parsed), with_op=True) == parsed
