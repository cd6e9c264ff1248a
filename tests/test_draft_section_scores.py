"""Level-1 scores listed in one sentence are the unit's claimed score of each section (trial 7 X25), as a
绩效自评表's level-1 rows state them; a list naming something that is no level-1 of the framework claims none.
Sentences written for these tests."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from perfeval.outputs.draft import draft_report


def _sections(tmp_path: Path, sentence: str) -> list[tuple[str, Decimal]]:
    path = tmp_path / "report.txt"
    path.write_text(f"青河县水务局2024年度部门整体支出绩效自评报告\n一、自评结论\n{sentence}\n", encoding="utf-8")
    return [(s["name"], s["score"]) for s in draft_report(path).params.get("claims", {}).get("sections", [])]


def test_scores_of_the_frameworks_sections_in_one_sentence_are_claims(tmp_path):
    got = _sections(tmp_path, "经自评，投入类指标得分14分（满分15分），过程类指标得分33分，产出类指标得分24分，效果类指标得分22.5分。")
    assert got == [("投入", 14), ("过程", 33), ("产出", 24), ("效果", Decimal("22.5"))]


def test_a_list_of_scores_naming_no_section_of_the_framework_claims_none(tmp_path):
    assert _sections(tmp_path, "产出指标得分25分，效益指标得分28分。") == []  # 效益 is no level-1 of this framework
    assert _sections(tmp_path, "投入类指标得分14分。") == []  # one score alone: no list
