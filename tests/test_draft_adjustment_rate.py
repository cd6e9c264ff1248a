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
