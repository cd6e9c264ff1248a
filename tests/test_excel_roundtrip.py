"""Params → workbook → params: the same unit, the same scores and findings, for every sample unit."""
from __future__ import annotations

import openpyxl
import pytest

from perfeval import evaluate_file, load_params, score_file
from perfeval.cli import main
from perfeval.intake.excel import reader
from perfeval.outputs.excel import template
from perfeval.intake.excel.reader import read_workbook
from perfeval.intake.excel.layout import TABLES, SECTIONS
from perfeval.outputs.excel.template import export_workbook, write_template

from conftest import CHANGSHA, LIUYANG, YUNXI


@pytest.mark.parametrize("source", [CHANGSHA, YUNXI, LIUYANG], ids=lambda p: p.stem)
def test_round_trip_gives_the_same_scores(source, tmp_path, capsys):
    workbook = tmp_path / f"{source.stem}.xlsx"
    out = tmp_path / f"{source.stem}.yaml"
    assert main(["excel", "export", str(source), "-o", str(workbook)]) == 0
    assert main(["excel", "import", str(workbook), "-o", str(out)]) == 0
    assert load_params(out) == load_params(source)
    before, after = evaluate_file(source), evaluate_file(out)
    assert after.model_dump(exclude={"params_file"}) == before.model_dump(exclude={"params_file"})


def test_round_trip_figures_seen_in_the_workbook(tmp_path):
    """The seed's figures sit where 附件1-2 puts them: 三公经费 719.55 / 1802 / 613.76, 编制数 51, 在职 47."""
    ws = openpyxl.load_workbook(export_workbook(CHANGSHA, tmp_path / "c.xlsx"))["基础数据表"]
    assert [ws["A9"].value, ws["B9"].value, ws["C9"].value, ws["D9"].value, ws["E9"].value] == \
        ["三公经费", 719.55, 1802, 613.76, 722]
    assert [ws["B4"].value, ws["C4"].value, ws["D4"].value] == [51, 47, "92"]  # a stated rate as written: text
    assert ws["C23"].value == 3537.37  # 部门整体支出预算调整·本年预算数


def test_a_new_unit_filled_from_a_blank_template(tmp_path, capsys):
    """What a new user does: fill the 绩效自评表 template, import it, score it (seed 002's satisfaction row)."""
    blank = write_template(tmp_path / "blank.xlsx", "B")
    wb = openpyxl.load_workbook(blank)
    info = wb["单位信息"]
    for ref, value in {"B3": "new_unit_2023", "B4": "某区机关事务服务中心", "B5": "湖南省某区", "B6": 2023}.items():
        info[ref] = value
    more = wb["预算与产出"]
    labels = {more.cell(r, 1).value: r for r in range(3, more.max_row + 1)}
    more.cell(labels["budget.adjusted"], 3, 2246.07)
    more.cell(labels["budget.executed"], 3, 2246.07)
    row = wb["绩效自评表"]
    for col, value in zip("ABCDEFG", ("满意度", "服务对象满意度", "服务对象满意度", "≥100%", "98%", 10, 8)):
        row[f"{col}3"] = value
    wb.save(tmp_path / "filled.xlsx")
    out = tmp_path / "new_unit_2023.yaml"
    assert main(["excel", "import", str(tmp_path / "filled.xlsx"), "-o", str(out)]) == 0
    sheet = score_file(out)
    satisfaction = next(r for r in sheet.rows if r.name == "服务对象满意度")
    assert satisfaction.score == pytest.approx(9.8)  # 10 × 98 / 100
    assert next(r for r in sheet.rows if r.id == "budget_execution").score == pytest.approx(10)
    assert "new_unit_2023.yaml" in capsys.readouterr().out


def test_values_without_a_sheet_travel_in_other_parameters(tmp_path, monkeypatch):
    """A params field the layout has no cells for (here: 一级指标自评) goes to 其他参数 as YAML, and comes back."""
    without = tuple(t for t in TABLES if t.sheet != SECTIONS)
    monkeypatch.setattr(reader, "TABLES", without)
    monkeypatch.setattr(template, "TABLES", without)
    path = export_workbook(YUNXI, tmp_path / "y.xlsx")
    ws = openpyxl.load_workbook(path)["其他参数"]
    assert ws["A3"].value == "claims.sections"
    assert "效益目标" in ws["B3"].value
    params, _ = read_workbook(path)
    assert params == load_params(YUNXI)


@pytest.mark.parametrize("source", [CHANGSHA, YUNXI, LIUYANG], ids=lambda p: p.stem)
def test_every_part_of_a_sample_unit_has_cells_of_its_own(source, tmp_path):
    """Changsha's 附件2-4 projects, Liuyang's stated figures as the report writes them (2500余次, 近30万元), its
    ratios, identities and statements: nothing of a sample unit is left to 其他参数's YAML."""
    ws = openpyxl.load_workbook(export_workbook(source, tmp_path / "u.xlsx"))["其他参数"]
    assert [ws.cell(r, 1).value for r in range(3, 20) if ws.cell(r, 1).value] == []


def test_the_series_linking_a_unit_across_years_has_its_cell(unit_copy, tmp_path):
    def alter(d):
        d["unit"]["series"] = "长沙县机关事务中心"

    source = unit_copy(CHANGSHA, alter)
    ws = openpyxl.load_workbook(export_workbook(source, tmp_path / "u.xlsx"))["单位信息"]
    assert (ws["A11"].value, ws["B11"].value) == ("历年序列", "长沙县机关事务中心")
    assert read_workbook(tmp_path / "u.xlsx")[0] == load_params(source)
