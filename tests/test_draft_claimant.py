"""Which score and grade are the unit's own claim (trial 6 W23, W24, W27, W40, W45): the unit's self-evaluation of
the year evaluated, never a project's in a whole department's report, another year's, a reviewer's or a survey's; and
a 自评表's 总分 never replaces the text's stated total (both stated and different: a candidate). Decided by the claim's
subject, clause by clause, whatever the wording. Every sentence here is written for these tests."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfeval.checks import run_checks
from perfeval.core.engine import load_unit
from perfeval.intake.report.claimant import A_PROJECT, A_REVIEWER, A_SURVEY, ANOTHER_YEAR, other_claimant
from perfeval.outputs.draft import draft_report, write_draft

TITLE = "临川县档案馆2024年度部门整体支出绩效自评报告"


@pytest.mark.parametrize(("before", "whole", "whose"), [
    ("经自评，本馆2024年度部门整体支出绩效自评得分", True, None),
    ("2024年度，我馆整体支出绩效评价", True, None),
    ("馆藏数字化项目预算80万元，自评得分", True, A_PROJECT),  # the project as the sentence's topic
    ("馆藏数字化项目预算80万元，自评得分", False, None),  # in a project's own report it is the claim
    ("2024年度部门整体支出中，业务用房维修项目绩效评价等级为", True, A_PROJECT),
    ("上年度自评得分", True, ANOTHER_YEAR),
    ("2023年，本馆自评得分", True, ANOTHER_YEAR),
    ("上年度自评得分88分，本年度自评得分", True, None),
    ("依据《2023年度部门整体支出绩效评价办法》，本馆自评得分", True, None),  # a document's name dates nothing
    ("经第三方机构评价，本馆整体支出绩效得分", True, A_REVIEWER),
    ("经市财政局重点绩效评价，评价得分", True, A_REVIEWER),
    ("参考专家意见，本馆开展自评，自评得分", True, None),
    ("在全县年度综合目标考核中，本馆得分96分，考核等次为", True, A_REVIEWER),  # the county's assessment  # the unit's own after the reviewer's advice
    ("服务对象满意度测评结果为", True, A_SURVEY),
    ("档案利用者满意度达到96%，整体绩效自评为", True, None),  # the survey is another clause's
])
def test_whose_claim_a_sentence_states_is_told_by_its_subject(before, whole, whose):
    assert other_claimant(before, 2024, whole) == whose


def _draft(tmp_path: Path, *lines: str):
    path = tmp_path / "report.txt"
    path.write_text("\n".join([TITLE, "一、部门基本情况", "本馆负责全县档案收集、保管和利用工作。", *lines]) + "\n",
                    encoding="utf-8")
    return draft_report(path)


def _claims(draft) -> tuple:
    claims = draft.params.get("claims", {})
    return claims.get("total"), claims.get("grade")


def test_a_whole_departments_report_claims_no_projects_score_nor_grade(tmp_path):
    draft = _draft(tmp_path, "二、项目绩效情况", "馆藏档案数字化项目年初预算80.00万元，自评得分86分，评价等级为良。")
    assert _claims(draft) == (None, None)
    draft = _draft(tmp_path, "二、项目绩效情况", "馆藏档案数字化项目年初预算80.00万元，自评得分86分，评价等级为良。",
                   "三、自评结论", "综合评价，本馆2024年度部门整体支出绩效自评得分93分，等级为优。")
    assert _claims(draft) == (Decimal(93), "优")


def test_a_reviewers_score_last_years_claim_and_a_surveys_rating_are_no_claim(tmp_path):
    draft = _draft(tmp_path, "二、评价情况", "经第三方机构评价，本馆整体支出绩效得分81分，等级为良。",
                   "上年度本馆自评得分88分。", "服务对象满意度测评结果为良好。")
    assert _claims(draft) == (None, None)
    draft = _draft(tmp_path, "二、评价情况", "经第三方机构评价，本馆整体支出绩效得分81分，等级为良。",
                   "服务对象满意度测评结果为良好。", "三、自评结论", "经自评，本馆自评得分91分，自评等级为优。")
    assert _claims(draft) == (Decimal(91), "优")


TABLE = ["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
         "产出指标\t数量指标\t接收进馆档案\t≥5000卷\t5200卷\t50\t50",
         "效益指标\t社会效益指标\t档案查阅利用人次\t≥3000人次\t3100人次\t40\t40",
         "满意度指标\t服务对象满意度指标\t利用者满意度\t≥90%\t95%\t10\t{score}",
         "总分\t\t\t\t\t100\t{total}"]


def test_a_tables_total_never_replaces_the_texts_and_a_different_one_is_a_question(tmp_path):
    lines = ("二、绩效自评表", *(row.format(score="9", total="99") for row in TABLE), "三、自评结论",
             "经自评，本馆2024年度部门整体支出绩效自评得分92分，等级为优。")
    draft = _draft(tmp_path, *lines)
    assert _claims(draft) == (Decimal(92), "优")
    findings = run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))
    twice = [f for f in findings if f.check == "figure_stated_twice"]
    assert len(twice) == 1 and twice[0].candidate and "99" in twice[0].message and "92" in twice[0].message


def test_a_tables_total_the_text_restates_is_one_claim(tmp_path):
    lines = ("二、绩效自评表", *(row.format(score="9", total="99") for row in TABLE), "三、自评结论",
             "经自评，本馆2024年度部门整体支出绩效自评得分99分，等级为优。")
    draft = _draft(tmp_path, *lines)
    assert _claims(draft) == (Decimal(99), "优")
    assert [(a.written, b.written) for a, b in draft.same_claim] == [("99分", "99")]
    assert not [s for s in draft.params.get("stated", []) if s["value"] == 99]
    findings = run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))
    assert not [f for f in findings if f.check in ("figure_stated_twice", "claimed_total_not_sum_of_rows")]


def _graded(tmp_path: Path, bands: str, claim: str):
    draft = _draft(tmp_path, "二、评价方法", f"本次自评采用百分制，{bands}。", "三、自评结论", claim)
    findings = run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))
    return draft, [f.check for f in findings if f.check.startswith("claimed_grade")]


CLAIM = "经自评，本馆2024年度部门整体支出绩效自评得分{}分，等级为{}。"


def test_the_reports_own_bands_choose_the_frameworks_option_they_are(tmp_path):
    draft, grade_findings = _graded(tmp_path, "80分以上为优秀，70-80分为良好，60-70分为中等，60分以下为较差", CLAIM.format(84, "优"))
    assert draft.params["interpretations"] == {"grade_bands": "provincial"} and grade_findings == []
    draft, grade_findings = _graded(tmp_path, "90分（含）以上为优，80（含）～90分为良，60（含）～80分为中，60分以下为差",
                                    CLAIM.format(84, "优"))
    assert "interpretations" not in draft.params and grade_findings == ["claimed_grade_inconsistent"]  # by its own


def test_bands_the_framework_has_not_grade_the_claim_themselves(tmp_path):
    bands = "85分以上为优，75-85分为良，60-75分为中，低于60分为差"
    draft, grade_findings = _graded(tmp_path, bands, CLAIM.format(87, "优"))
    assert grade_findings == [] and "grade" not in draft.params["claims"]
    assert any(i.kind == "claim" and i.unsure and "自定" in i.unsure for i in draft.items)
    draft, grade_findings = _graded(tmp_path, bands, CLAIM.format(80, "优"))  # 80 is 良 by the report's own bands
    assert draft.params["claims"]["grade"] == "优" and grade_findings == ["claimed_grade_inconsistent"]


def test_one_tier_of_a_rule_is_no_bands(tmp_path):
    draft, _ = _graded(tmp_path, "预算执行率得分90分以上为优", CLAIM.format(87, "良"))
    assert "interpretations" not in draft.params and draft.params["claims"]["grade"] == "良"


def test_one_bound_said_to_grade_the_total_is_the_reports_own_standard(tmp_path):
    draft = _draft(tmp_path, "二、自评结论", "本馆2024年度部门整体支出绩效自评得分86分，等级为“优”（评分标准：总分85分（含）以上为优）。")
    assert "grade" not in draft.params["claims"]
    said = next(i for i in draft.items if i.kind == "claim" and i.unsure and "自定" in i.unsure)
    assert "报告为优" in said.unsure and "框架为良" in said.unsure


def test_a_forms_score_field_written_bare_is_the_claim(tmp_path):
    draft = _draft(tmp_path, "四、自评结论", "自评得分：93.5", "自评等级：优")
    assert _claims(draft) == (Decimal("93.5"), "优")
    assert _claims(_draft(tmp_path, "四、完成情况", "完成档案数字化：935")) == (None, None)  # a count, not a score


def test_a_grade_on_another_scale_is_said_beside_the_claims(tmp_path):
    from perfeval.outputs.draft.writer import params_text

    draft = _draft(tmp_path, "四、自评结论", "本馆2024年度部门整体支出绩效自评得分93分，自评等级为B级。")
    assert _claims(draft) == (Decimal(93), "良")
    text = params_text(draft)
    assert "# 存疑：等次写作“B”" in text and text.index("# 存疑：等次写作“B”") < text.index("\nclaims:")


def test_the_scale_a_score_is_out_of_is_no_claim(tmp_path):
    draft = _draft(tmp_path, "四、自评结论", "经自评，总分100分，本馆得分91.5分，评价等级为优。")
    assert _claims(draft) == (Decimal("91.5"), "优")
