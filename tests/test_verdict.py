"""The verdict (issue 20): a grade only where the evidence carries it, vetoes in the range, claims judged at their precision."""
from __future__ import annotations

import pytest

from perfeval import evaluate_file
from perfeval.core.engine import score_file

from conftest import CHANGSHA, LIUYANG, YUNXI


def test_an_unassessed_veto_item_can_zero_its_indicator_so_the_range_starts_below_the_points_earned(unit_copy):
    """Changsha earns 10 points, 4 of them in 资金使用合规性 whose ⑥ 重复申报/虚报冒领 is not assessed: the lowest
    possible total is 6, not 10 (Liuyang: 4, not 8). Once ⑥ is judged, the range starts at the points earned."""
    assert score_file(CHANGSHA).total_range == (6.0, 90.0)
    assert score_file(LIUYANG).total_range == (4.0, 100.0)
    assert score_file(CHANGSHA).row("fund_compliance").open_vetoes == ("不存在重复申报项目、虚报冒领资金",)

    def judged(d):
        d["judgements"]["fund_compliance"]["no_false_claims"] = {"cases": 0, "basis": "self_reported"}
    sheet = score_file(unit_copy(CHANGSHA, judged))
    assert sheet.row("fund_compliance").open_vetoes == ()
    assert sheet.total_range[0] == sheet.total == 11.0


def test_a_withheld_grade_has_no_total_on_100_anywhere():
    """Liuyang: 8 of 8 assessed points was shown as 100.0 on 100 in the JSON, the CSV, the workbook and the index."""
    result = evaluate_file(LIUYANG)
    assert result.grade is None and result.total_on_100 is None
    assert result.assessed_rate == 100.0  # the scaled figure, by its name: 已评指标得分率
    assert result.sensitivity and all(s.total_on_100 is None for s in result.sensitivity)


def test_a_claimed_total_outside_every_possible_total_at_its_own_precision_is_contradicted(unit_copy):
    """Issue 24 item 5: 100.001 where 4–100 is possible read 无法复核 (within the 0.005 allowed a claim of two
    decimals); a claim written to the thousandth is judged to the thousandth."""
    def claims(value):
        def alter(d):
            d["claims"]["total"] = value
        return alter
    assert score_file(unit_copy(LIUYANG, claims(100.001))).claim_status == "contradicted"
    assert score_file(unit_copy(LIUYANG, claims(100))).claim_status == "unverifiable"
    assert score_file(unit_copy(LIUYANG, claims(3.99))).claim_status == "contradicted"


def test_every_row_of_the_printed_framework_shows_with_its_status():
    """Framework A's 效果 has 经济效益, 社会效益, 生态效益 beside 满意度 (附件1-1: 有选择的进行设置); Changsha sets none,
    and the sheet dropped them while saying 应评 100: its effective weights summed to 83."""
    sheet = score_file(CHANGSHA)
    unset = {r.name: (r.status_label, round(r.effective_weight, 4)) for r in sheet.rows if r.unset}
    assert unset == {name: ("未评（未设置个性化指标）", 5.6667) for name in ("经济效益", "社会效益", "生态效益")}
    assert sum(r.effective_weight for r in sheet.rows) == pytest.approx(sheet.coverage.applicable) == 100


def test_a_kind_the_unit_chose_not_to_set_beside_others_shows_but_carries_no_points():

    sheet = score_file(YUNXI)
    [row] = [r for r in sheet.rows if r.unset]
    assert (row.name, row.status_label, row.effective_weight) == ("可持续影响", "未设置（单位已设置同类其他指标）", 0)
    assert sheet.total_on_100 == 96.96 and sheet.grade == "优"


def test_basic_wording_is_a_declared_reading_with_both_options(unit_copy):
    """基本实现 was fixed as 部分达成 in code; Yunxi's 营造良好工作氛围 (target and actual both 基本实现) scores 5.99 of
    7.5 as 部分达成 by default and 7.5 as 达成 under the other option, and the sensitivity says so."""
    from perfeval.core.framework import load_framework
    for name in ("dept_overall_a", "self_assessment_b"):
        assert set(load_framework(name).reading("basic_wording").options) == {"partly", "achieved"}
    assert score_file(YUNXI).row("work_atmosphere").score == 5.99

    def achieved(d):
        d.setdefault("interpretations", {})["basic_wording"] = "achieved"
    assert score_file(unit_copy(YUNXI, achieved)).row("work_atmosphere").score == 7.5
    options = {(s.option, s.grade) for s in evaluate_file(YUNXI).sensitivity if s.interpretation == "basic_wording"}
    assert options == {("partly", "优"), ("achieved", "优")}


def test_framework_b_offers_the_provincial_options_a_has():
    from perfeval.core.framework import load_framework
    a, b = load_framework("dept_overall_a"), load_framework("self_assessment_b")
    for key in ("grade_bands", "not_applicable"):
        assert set(b.reading(key).options) == set(a.reading(key).options)


def test_the_budget_scope_is_stated_and_a_scope_other_than_the_framework_defines_is_a_finding(unit_copy):
    """Framework A defines 预算执行率 on the whole 部门（单位） budget; Changsha is scored on 项目支出 only, which was
    said only in an HTML caption: now in the row, the JSON and the score, and as a finding."""
    result = evaluate_file(CHANGSHA)
    assert result.budget_scope.startswith("项目支出") and result.budget_scope_differs
    assert result.framework.budget_scope.startswith("部门（单位）整体预算")
    row = next(i for i in result.indicators if i.id == "budget_execution")
    assert any(n.startswith("预算范围：项目支出") and "评价框架定义为部门（单位）整体预算" in n for n in row.notes)
    [found] = [f for f in result.findings if f.check == "budget_scope_differs"]
    assert "“预算执行率”、“预算调整率”按项目支出" in found.message and found.severity == "warning"
    yunxi = evaluate_file(YUNXI)  # 部门整体（年度资金总额）: the framework's own scope, said so, no finding
    assert not yunxi.budget_scope_differs and not any(f.check == "budget_scope_differs" for f in yunxi.findings)

    def whole(d):  # noqa: ANN001
        d["figures"]["budget_scope"] = "部门整体支出"
    assert not any(f.check == "budget_scope_differs" for f in evaluate_file(unit_copy(CHANGSHA, whole)).findings)
