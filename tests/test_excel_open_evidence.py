"""The intake template holds open evidence (issue 15 item 8): stated figures, staff composition, assets, 楼堂馆所,
per-project scores (附件2-4), the basis of each judgement, ratios of any kind and declared identities.

Params using each new section (tests/evidence_params.py, written from the seeds) export and import back the
same and score the same, and every mistake in the new sheets is named by its cell.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest

from perfeval import evaluate_file, load_params
from perfeval.cli import main
from perfeval.core.quantity import Qualifier
from perfeval.errors import WorkbookError
from perfeval.core.framework import load_framework
from perfeval.intake.excel.reader import read_workbook
from perfeval.intake.excel.layout import BUILDINGS, buildings_row, checklist_items
from perfeval.outputs.excel.template import export_workbook, write_template

from evidence_params import CHANGSHA_PROJECTS, UNITS


@pytest.fixture
def evidence(unit_copy):
    def make(name: str) -> Path:
        _, source, alter = next(u for u in UNITS if u[0] == name)
        path = unit_copy(source, alter, f"{name}.yaml")
        load_params(path)  # the params themselves are valid
        return path
    return make


def round_trip(source: Path, tmp_path: Path, capsys) -> Path:
    book, back = tmp_path / f"{source.stem}.xlsx", tmp_path / "back.yaml"
    assert main(["excel", "export", str(source), "-o", str(book)]) == 0, capsys.readouterr().err
    assert main(["excel", "import", str(book), "-o", str(back)]) == 0, capsys.readouterr().err
    extra = openpyxl.load_workbook(book)["其他参数"]
    assert extra["A3"].value is None  # every new section has cells of its own: nothing travels as YAML
    return back


@pytest.mark.parametrize("name", [u[0] for u in UNITS])
def test_params_with_each_new_section_export_and_import_back(evidence, tmp_path, capsys, name):
    source = evidence(name)
    assert load_params(round_trip(source, tmp_path, capsys)) == load_params(source)


@pytest.mark.parametrize("name", [u[0] for u in UNITS])
def test_units_read_back_from_the_workbook_score_the_same(evidence, tmp_path, capsys, name):
    source = evidence(name)
    before, after = evaluate_file(source), evaluate_file(round_trip(source, tmp_path, capsys))
    assert after.model_dump(exclude={"params_file"}) == before.model_dump(exclude={"params_file"})


def test_changsha_projects_are_laid_out_as_its_annex_2_4(evidence, tmp_path):
    ws = openpyxl.load_workbook(export_workbook(evidence("changsha_projects"), tmp_path / "c.xlsx"))["项目自评"]
    assert ws["A1"].value == "公共项目资金绩效自评评分汇总表（附件2-4）"
    assert [ws["B2"].value, ws["C2"].value] == ["项目名称", "自评分数"]
    rows = [(ws[f"B{r}"].value, ws[f"C{r}"].value) for r in range(3, 3 + len(CHANGSHA_PROJECTS))]
    assert rows == CHANGSHA_PROJECTS
    assert ws[f"B{3 + len(CHANGSHA_PROJECTS)}"].value is None


def test_the_buildings_block_is_annex_1_2s(tmp_path):
    """附件1-2's 楼堂馆所控制情况 headers, in its order, below 部门整体支出预算调整."""
    ws = openpyxl.load_workbook(write_template(tmp_path / "a.xlsx", "A"))["基础数据表"]
    seed = ["批复规模", "实际规模", "规模控制率", "预算投资", "实际投资", "投资概算控制率"]  # seed 001, line breaks removed
    r = buildings_row()
    assert ws[f"A{r}"].value.startswith("楼堂馆所控制情况")
    assert [re.sub(r"（.*?）", "", ws.cell(r, 2 + i).value) for i in range(len(BUILDINGS))] == seed
    assert ws[f"A{r - 2}"].value == "部门整体支出预算调整"


def test_an_analyst_fills_the_new_sheets_of_a_blank_template(tmp_path):
    """Liuyang's prose entered by hand: a stated figure as written, a judgement verified, a project, an identity."""
    wb = openpyxl.load_workbook(write_template(tmp_path / "blank.xlsx", "A"))
    info = wb["单位信息"]
    for ref, value in {"B3": "liuyang_2020", "B4": "浏阳市机关后勤服务中心", "B5": "湖南省长沙市浏阳市", "B6": 2020}.items():
        info[ref] = value
    stated = wb["自述数据"]
    for col, value in zip("ABCDEFG", ("repair_calls", "维修电话", "2500余次", None, None, 2020,
                                      "五(二) 全年共接到维修电话2500余次")):
        stated[f"{col}3"] = value
    for col, value in zip("ABC", ("meetings_tv", "电视电话会议", "136场次")):
        stated[f"{col}4"] = value
    relations = wb["数据关系"]
    for col, value in zip("ABCD", ("会务", "activity.meetings", "≥", "meetings_tv")):
        relations[f"{col}3"] = value
    more = wb["预算与产出"]
    meetings = next(c.row for c in more["A"] if c.value == "activity.meetings")
    more[f"C{meetings}"] = "792场次"
    judge = wb["评价判断"]
    r = next(c.row for c in judge["C"] if c.value == "no_diversion")
    for col, value in zip("GLMNO", (0, "核实", "记账凭证", dt.datetime(2021, 7, 1), "评价组")):
        judge[f"{col}{r}"] = value
    wb["项目自评"]["B3"], wb["项目自评"]["C3"] = "行政中心水电物业费", 96
    wb.save(tmp_path / "filled.xlsx")
    params, _ = read_workbook(tmp_path / "filled.xlsx")
    [calls, tv] = params.stated
    assert (calls.id, calls.value, calls.unit, calls.qualifier, calls.places, calls.year) == \
        ("repair_calls", 2500, "次", Qualifier.OVER, 0, 2020)
    assert (tv.value, tv.unit) == (136, "场次")
    assert params.figures.activity["meetings"].value == 792
    identity = params.claims.identities[0]
    assert (identity.whole, identity.relation, identity.parts) == ("activity.meetings", ">=", ["meetings_tv"])
    case = params.judgements["fund_compliance"]["no_diversion"]
    assert (case.cases, case.basis, case.verified.document, case.verified.date, case.verified.by) == \
        (0, "verified", "记账凭证", "2021-07-01", "评价组")
    assert (params.projects[0].name, params.projects[0].score) == ("行政中心水电物业费", 96)


NO_DIVERSION = 3 + [(r["ind"], r["item"]) for r in checklist_items(load_framework("dept_overall_a"))].index(
    ("fund_compliance", "no_diversion"))  # its row in 评价判断
MISTAKES = [
    # (what, params, sheet edits, the cell named, words in the message)
    ("an id with capitals", "liuyang_stated", {"自述数据!A3": "Repair Calls"}, "自述数据!A3",
     "does not match the expected pattern"),
    ("a value that is no quantity", "liuyang_stated", {"自述数据!C3": "很多"}, "自述数据!C3", 'found "很多"'),
    ("a unit that contradicts the value's", "liuyang_stated", {"自述数据!C3": "2500余次", "自述数据!D3": "人次"},
     "自述数据!D3", '"人次" contradicts "次" in 自述数据!C3'),
    ("an unknown qualifier", "liuyang_stated", {"自述数据!E3": "若干"}, "自述数据!E3", "expected a qualifier"),
    ("a stated id used twice", "liuyang_stated", {"自述数据!A4": "repair_calls"}, "自述数据!A4", "used twice"),
    ("a part that names nothing", "liuyang_stated", {"数据关系!D3": "meetings_large + meetings_tvv"}, "数据关系!D3",
     "'meetings_tvv' is neither a catalogue figure nor the id of a stated figure"),
    ("an empty part", "liuyang_stated", {"数据关系!D3": "meetings_large + + meetings_tv"}, "数据关系!D3",
     "figure codes joined by +"),
    ("a whole that names nothing", "liuyang_stated", {"数据关系!B3": "activity.meeting"}, "数据关系!B3",
     "did you mean 'activity.meetings'"),
    ("an unknown kind of ratio", "liuyang_stated", {"单位所称比例!D3": "倍数"}, "单位所称比例!D3",
     "expected one of 占比, 变动率, 比值"),
    ("a unit in a share", "liuyang_stated", {"单位所称比例!E3": "99.93万元"}, "单位所称比例!E3", "expected a number of %"),
    ("a project scored above 100", "changsha_projects", {"项目自评!C3": 120}, "项目自评!C3", "must be at most 100"),
    ("a grade no framework gives", "changsha_projects", {"项目自评!D3": "甲"}, "项目自评!D3", "'优', '良', '中' or '差'"),
    ("verified without what was seen", "changsha_projects", {f"评价判断!M{NO_DIVERSION}": None,
                                                              f"评价判断!N{NO_DIVERSION}": None,
                                                              f"评价判断!O{NO_DIVERSION}": None},
     f"评价判断!G{NO_DIVERSION}", "a verified judgement records what was seen"),
    ("an unknown basis", "changsha_projects", {f"评价判断!L{NO_DIVERSION}": "听说"}, f"评价判断!L{NO_DIVERSION}",
     "expected one of 自述, 核实"),
    ("assets in people", "example_sections", {"人员与资产!C10": "300人"}, "人员与资产!C10",
     "“人” cannot be converted to 万元"),
    ("a building's control rate in ㎡", "example_sections", {f"基础数据表!D{buildings_row() + 1}": "98平方米"},
     f"基础数据表!D{buildings_row() + 1}", "expected a number of %"),
]


@pytest.mark.parametrize("what,name,edits,cell,words", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_mistake_in_a_new_sheet_is_named_by_its_cell(evidence, tmp_path, what, name, edits, cell, words):
    wb = openpyxl.load_workbook(export_workbook(evidence(name), tmp_path / "u.xlsx"))
    for ref, value in edits.items():
        sheet, at = ref.split("!")
        wb[sheet][at] = value
    wb.save(tmp_path / "edited.xlsx")
    with pytest.raises(WorkbookError) as err:
        read_workbook(tmp_path / "edited.xlsx")
    found = [(p.field, p.problem) for p in err.value.problems]
    assert any(field == cell and words in problem for field, problem in found), found
