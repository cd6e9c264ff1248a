"""A 预算调整率 that does not hold reaches the checks as the claim its words make (trial 7 X2: it was kept only when it
held, and a wrong one became a bare stated figure, no finding). Sentences written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from perfeval.checks import run_checks
from perfeval.core.engine import load_unit
from perfeval.outputs.draft import draft_report, write_draft


def _rate(tmp_path: Path, sentence: str):
    path = tmp_path / "report.txt"
    path.write_text(f"青河县水务局2024年度部门整体支出绩效自评报告\n一、预算情况\n{sentence}\n", encoding="utf-8")
    draft = draft_report(path)
    found = next(r for r in draft.rates if "调" in r.rate.label)
    return found, run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))


@pytest.mark.parametrize("sentence", ["年初预算1,250.00万元，年中追加185.00万元，预算调整率14.08%。",  # 185 ÷ 1250 = 14.80%
                                      "年初预算1,250.00万元，调整后全年预算1,435.00万元，预算调整率14.08%。"])
def test_an_adjustment_rate_its_figures_do_not_give_is_a_question(tmp_path, sentence):
    found, findings = _rate(tmp_path, sentence)
    assert found.status == "contradicted" and found.reading is not None
    assert found.reading.denominator.written == "1,250.00万元"
    asked = [f for f in findings if f.candidate and "14.08%" in f.message]
    assert len(asked) == 1 and "14.80%" in asked[0].message


def test_an_adjustment_rate_its_figures_give_holds(tmp_path):
    found, findings = _rate(tmp_path, "年初预算1,250.00万元，年中追加185.00万元，预算调整率14.80%。")
    assert found.status == "explained" and not [f for f in findings if "14.80%" in f.message]


def test_a_change_by_its_amount_of_a_figure_a_table_states_is_the_claim_its_words_make(tmp_path):
    """X31: the year's 三公 spending stands only in a table; the sentence gives the change's amount and rate."""
    path = tmp_path / "report.txt"
    path.write_text("\n".join(["青河县水务局2024年度部门整体支出绩效自评报告", "一、“三公”经费情况", "“三公”经费情况表（单位：万元）",
                               "项目\t2023年决算数\t2024年预算数\t2024年决算数", "“三公”经费合计\t18.40\t16.00\t14.72",
                               "公务接待费\t5.40\t5.00\t3.72", "公务用车运行维护费\t13.00\t11.00\t11.00",
                               "2024年“三公”经费决算数比上年减少3.68万元，下降25.00%。"]) + "\n", encoding="utf-8")
    found = next(r for r in draft_report(path).rates if r.rate.written == "25.00%")
    assert found.status == "contradicted" and "20.00%" in found.why  # 3.68 ÷ (14.72 + 3.68)
