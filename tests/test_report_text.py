"""The report's prose, pinned to the sample units: the verdict first, the root causes, the suggestions, what every
reading gives, and what each chart says (or the sentence said instead)."""
from __future__ import annotations

import pytest

from perfeval.checks import KINDS
from perfeval.outputs.report import appendix, points, rootcauses, suggestions, tables, verdict
from perfeval.outputs.report.model import load_report

from conftest import CHANGSHA, LIUYANG, YUNXI


@pytest.fixture(scope="module")
def reps():
    return {p.stem.split("_")[0]: load_report(p) for p in (CHANGSHA, LIUYANG, YUNXI)}


def test_the_verdict_withholds_a_grade_with_its_range(reps):
    changsha, liuyang, yunxi = (reps[k].result for k in ("changsha", "liuyang", "yunxi"))
    assert verdict.verdict(yunxi).endswith("总分 96.96 分，等次为“优”。")
    said = verdict.verdict(liuyang)
    assert "不予定级（可评分值不足：已评 8 分，占应评 100 分的 8%" in said and "总分可在 4–100 分之间" in said
    assert "优" not in said and "差" not in said
    assert "总分可在 6–90 分之间" in verdict.verdict(changsha)


def test_coverage_says_what_rests_on_the_units_word(reps):
    assert verdict.coverage(reps["changsha"].result) == (
        "评价框架应评 100 分，其中经核实的 0 分，依据单位自述、未经核实的 20 分，资料未载明而未评的 80 分。")


def test_the_claim_is_confirmed_contradicted_or_unverifiable(reps):
    assert verdict.claim(reps["yunxi"].result) == "单位自评 96 分、等次“优”，与重算结果不符：自评比重算低 0.96 分。"
    assert verdict.claim(reps["liuyang"].result) == (
        "单位自评 96 分，无法复核：应评 100 分中只有 8 分（8%）的指标有资料可据。")
    assert verdict.claim(reps["changsha"].result) == "单位未载明自评总分和等次。"


def test_the_main_problems_are_three_root_causes_in_one_paragraph(reps):
    said = verdict.main_problems(reps["changsha"].result)
    assert said.startswith("共发现问题 12 个（错误 1 个、警示 7 个、提示 4 个")  # the counts of root causes
    assert "一是公务用车购置和维护经费·本年决算数前后不一：一处为 613.76万元，另一处为 612.54万元，相差 1.22万元" in said
    assert "（并由此导致另外 4 处不一致）" in said and "二是" in said and "三是" in said
    assert "附件1-2" not in said  # sources are given in 存在的问题, not in the conclusion
    assert "其余 9 个见“存在的问题及原因分析”" in said


def test_a_brief_drops_only_the_bracketed_sources():
    text = "总数 2246.07万元（自评表 年度资金总额），而分项合计 3665.84万元（分项来源：甲：综述 一；乙：综述 二），多（总支出）。"
    assert rootcauses._without(text, ["自评表 年度资金总额", "综述 一"]) == "总数 2246.07万元，而分项合计 3665.84万元，多（总支出）。"


def test_problems_carry_their_consequences_and_evidence(reps):
    found = rootcauses.problems(reps["changsha"].result)
    assert [p.number for p in found] == list(range(1, 13))
    first = found[0]
    assert (first.severity_label, first.kind_label, len(first.consequences)) == ("错误", "同一数字前后不一", 4)
    assert "613.76万元（出处：附件1-2 1、公务用车购置和维护经费·2022年决算数）" in first.evidence


def test_every_kind_of_finding_has_a_suggestion():
    assert set(suggestions.BY_KIND) == set(KINDS)


def test_suggestions_follow_the_kinds_found_and_the_evidence_missing(reps):
    said = suggestions.suggestions(reps["liuyang"].result)
    topics = [s.topic for s in said]
    assert topics == ["not_assessed", "self_reported", "accounting_identities", "claimed_total", "overspending"]
    assert "涉及绩效目标合理性、绩效指标明确性、人员控制率、“三公经费”变动率等 18 处" in said[0].text
    changsha = {s.topic: s.text for s in suggestions.suggestions(reps["changsha"].result)}
    assert changsha["projects"] == suggestions.BY_KIND["projects"]  # not “涉及自评项目数”
    yunxi = [s.topic for s in suggestions.suggestions(reps["yunxi"].result)]
    assert "not_assessed" not in yunxi and "generous_scoring" in yunxi


def test_readings_are_numbered_as_the_score_rows_cite_them(reps):
    result = reps["yunxi"].result
    numbered = appendix.numbered_readings(result)
    assert all(r.used for r in numbered)
    frame = tables.score_frame(reps["yunxi"])
    for n, r in enumerate(numbered, start=1):
        cited = frame["说明"].str.contains(f"见口径注{n}(?!\\d)").any()
        assert cited == any(appendix.reading_note(r) in note for i in result.indicators for note in i.notes)
    assert len(appendix.readings_frame(result)) == len(numbered)


def test_what_every_reading_gives(reps):
    yunxi = appendix.robustness(reps["yunxi"].result)
    assert yunxi.holds == ("每种口径下等次都是“优”", "重算总分在 93.95–98.47 分之间")  # 基本实现 read as 达成: 98.47
    assert any("取所在档次的中点" in c and "96.96 分变为 93.95 分" in c for c in yunxi.changes)
    liuyang = appendix.robustness(reps["liuyang"].result)
    assert liuyang.holds[0] == "每种口径下都不予定级"
    frame = appendix.sensitivity_frame(reps["changsha"].result)
    assert list(frame["口径注"]) == sorted(frame["口径注"])
    assert (frame["本报告采用"] == "是").sum() == frame["口径注"].nunique()


def test_each_chart_states_its_point_or_is_replaced_by_a_sentence(reps):
    changsha, liuyang, yunxi = (reps[k] for k in ("changsha", "liuyang", "yunxi"))
    rates = points.rates(tables.stated_rates_frame(changsha.unit))
    assert rates.draw and "8 个比率中 1 个" in rates.text and "陈述 34.03%，重算 34.10%" in rates.text
    assert not points.rates(tables.stated_rates_frame(liuyang.unit)).draw  # 2 rates, both hold: a sentence
    claims = points.claims(tables.claimed_scores_frame(yunxi.sheet))
    assert claims.draw and "4 项自评偏高" in claims.text and "1 项自评偏低" in claims.text
    assert not points.claims(tables.claimed_scores_frame(changsha.sheet)).draw
    scores = points.scores(tables.level1_frame(changsha.sheet))
    assert scores.text == "应评 100 分中已评 20 分，得 10 分；产出、效果的 50 分全部未评"
    spending = points.spending(tables.spending_frame(liuyang.params))
    assert "148.62万元" in spending.text and "未列明用途" in spending.text
