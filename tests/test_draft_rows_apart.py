"""A 绩效自评表 row the chosen framework has no personalised indicator for (W28): the table's other rows stay its
indicator rows; a row naming one of the framework's own scored indicators (预算执行率) gives the unit's claim for it,
while a row of another framework's level (过程, 决策) makes the table another framework's, read for its figures.
Every table here is written for these tests."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from perfeval.checks import run_checks
from perfeval.core.engine import load_unit
from perfeval.outputs.draft import draft_report, write_draft

TITLE = "青河县水务局2024年度部门整体支出绩效自评报告"
HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
EXECUTION = ["预算执行", "预算执行率", "预算执行率", "100%", "95%", "10", "9.5"]
ROWS = [["产出指标", "数量指标", "新建农村供水管网", "≥30公里", "32公里", "30", "30"],
        ["产出指标", "质量指标", "水质检测合格率", "≥98%", "99%", "20", "20"],
        ["效益指标", "社会效益指标", "受益农村人口", "≥1.2万人", "1.3万人", "30", "30"],
        ["满意度指标", "服务对象满意度指标", "用水户满意度", "≥90%", "93%", "10", "9"]]
STRANGER = ["过程指标", "资金管理", "资金使用合规性", "合规", "合规", "5", "5"]


def _write(tmp_path: Path, form: str, rows: list[list[str]]) -> Path:
    total = ["总分", "", "", "", "", "", str(sum(Decimal(r[-1]) for r in rows))]
    table = [HEADER, *rows, total]
    after = ["二、自评结论", "本局全年支出总额1186.40万元。"]
    if form == "docx":
        document = docx.Document()
        for line in (TITLE, "一、绩效自评表"):
            document.add_paragraph(line)
        grid = document.add_table(rows=len(table), cols=len(HEADER))
        for i, row in enumerate(table):
            for j, text in enumerate(row):
                grid.cell(i, j).text = text
        for line in after:
            document.add_paragraph(line)
        path = tmp_path / "report.docx"
        document.save(str(path))
        return path
    path = tmp_path / "report.txt"
    path.write_text("\n".join([TITLE, "一、绩效自评表", *("\t".join(r) for r in table), *after]) + "\n", encoding="utf-8")
    return path


def _names(draft) -> list[str]:
    return [r["name"] for r in draft.params.get("indicators", [])]


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_a_budget_execution_row_keeps_the_other_rows_and_claims_its_own_indicator(tmp_path, form):
    draft = draft_report(_write(tmp_path, form, [EXECUTION, *ROWS]))
    assert _names(draft) == [r[2] for r in ROWS]
    claims = draft.params["claims"]
    assert claims["scores"] == {"budget_execution": Decimal("9.5")} and claims["total"] == Decimal("98.5")
    findings = run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))
    assert not [f for f in findings if f.check == "claimed_total_not_sum_of_rows"]  # 9.5 + 89 make the 总分
    total = next(whole for whole, parts in draft.sums if whole.written == "98.5")  # the table adds every row
    assert len([s for whole, parts in draft.sums if whole is total for s in parts]) == 5


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_a_row_of_another_frameworks_level_makes_the_table_figures_and_says_so(tmp_path, form):
    """过程／资金管理 is no level of the framework: the table is another framework's, and its rows' 分值 summed as
    the framework's would mislead — read for its figures, the stranger row said (存疑)."""
    draft = draft_report(_write(tmp_path, form, [EXECUTION, *ROWS[:2], STRANGER, *ROWS[2:]]))
    assert _names(draft) == []
    said = [i for i in draft.items if i.kind == "row" and "资金使用合规性" in i.text]
    assert len(said) == 1 and said[0].unsure
    stated = {s["label"]: s for s in draft.params["stated"]}
    assert stated["资金使用合规性·得分"]["value"] == 5 and "存疑" in stated["资金使用合规性·分值"]["note"]
    assert stated["新建农村供水管网·得分"]["value"] == 30
    run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))  # validates and scores


def test_a_table_none_of_whose_rows_the_framework_takes_is_read_for_its_figures(tmp_path):
    draft = draft_report(_write(tmp_path, "txt", [STRANGER, ["过程指标", "资金管理", "财务制度健全性", "健全", "健全", "5", "5"]]))
    assert "indicators" not in draft.params
    assert {s["label"] for s in draft.params["stated"]} >= {"资金使用合规性·得分", "财务制度健全性·得分"}
