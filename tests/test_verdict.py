"""The verdict (issue 20): a grade only where the evidence carries it, vetoes in the range, claims judged at their precision."""
from __future__ import annotations

import pytest

from perfeval import evaluate_file
from perfeval.checks import every_finding
from perfeval.core.engine import load_unit, score_file

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


def test_a_claim_written_finer_than_the_rules_is_judged_at_the_rules_precision(unit_copy):
    """Yunxi recomputes to 96.96 (rules score to two decimals): a claim of 96.9649 read 与重算不符 with a finding that
    printed 96.96 on both sides; 96.9649 is 96.96 to the rules, and 96.9749 is 96.97, which is not."""
    def claims(value):
        def alter(d):
            d["claims"]["total"] = value
        return alter
    assert score_file(YUNXI).total_on_100 == 96.96
    assert score_file(unit_copy(YUNXI, claims(96.9649))).claim_status == "confirmed"
    assert score_file(unit_copy(YUNXI, claims(96.955))).claim_status == "confirmed"  # half up: 96.96
    assert score_file(unit_copy(YUNXI, claims(96.9749))).claim_status == "contradicted"
    assert score_file(unit_copy(YUNXI, claims(96.954))).claim_status == "contradicted"


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

    def whole(d):
        d["figures"]["budget_scope"] = "部门整体支出"
    assert not any(f.check == "budget_scope_differs" for f in evaluate_file(unit_copy(CHANGSHA, whole)).findings)


def test_findings_that_turn_on_one_open_question_are_one_root_cause():
    """Yunxi: whether 国有资本经营预算 1419.77 sits inside 年度资金总额 drives the identity 2246.07 ≠ 3665.84, the
    1099.62 listed under both 项目支出 and 国有资本经营, and what the lists leave unexplained (265.32; 125.53): they were
    reported apart at three severities, and are now one cause with its consequences."""
    from perfeval.checks import run_checks
    from perfeval.core.engine import load_unit
    causes = run_checks(load_unit(YUNXI))
    [cause] = [f for f in causes if f.check == "identity_broken"]
    assert cause.severity == "error" and len(cause.consequences) == 3
    said = " ".join(cause.consequences)
    assert "265.32万元" in said and "同一笔 1,099.62万元" in said and "125.53万元" in said
    assert not any(f.check in ("item_listed_twice", "listed_items_unexplained") for f in causes)


def test_two_differently_named_values_are_an_unexplained_difference_with_its_arithmetic():
    """Changsha: 调减 3821.31 against 预算调整 3537.37 was “同一数字前后不一” [错误]; the documents name two quantities, so
    it is an unexplained difference: 283.94 fits an unstated 追加, the gross adjustment 4105.25 is 24.67 % of 16640.91."""
    from perfeval.checks import every_finding
    from perfeval.core.engine import load_unit
    found = [f for f in every_finding(load_unit(CHANGSHA)) if "3,821.31万元" in f.message and "3,537.37万元" in f.message]
    assert [(f.check, f.severity, f.kind_label) for f in found] == [
        ("figure_differs_unexplained", "warning", "相关数字的差异未说明")]
    assert "相差 283.94万元" in found[0].message and "4,105.25万元" in found[0].message and "24.67%" in found[0].message
    assert "前后不一" not in found[0].message


def test_lint_says_a_near_miss_of_a_weight_with_its_digits(tmp_path):
    """Issue 24 item 5: weights summing to 7.999999 were called a mismatch with “8 分” on both sides."""
    from perfeval.core.framework import load_framework
    from perfeval.core.lint import lint_framework
    from perfeval.paths import FRAMEWORKS_DIR
    text = (FRAMEWORKS_DIR / "dept_overall_a.yaml").read_text(encoding="utf-8")
    text = text.replace("            name: 结转结余\n            weight: 2\n", "            name: 结转结余\n            weight: 1.999999\n")
    path = tmp_path / "a.yaml"
    path.write_text(text.replace("id: dept_overall_a\n", "id: near_miss\n", 1), encoding="utf-8")
    [problem] = [p for p in lint_framework(load_framework(path)) if p.code == "subweights_mismatch"]
    assert problem.message == "“预算执行”标注 15 分，其下指标分值合计 14.999999 分"


def test_a_self_evaluation_without_scores_has_a_status_and_a_finding():
    """Changsha's report gives no total and no row scores: claimed.status was null and no finding asked for them."""
    result = evaluate_file(CHANGSHA)
    assert (result.claimed.status, result.claimed.status_label) == ("absent", "未自评（报告未给出自评总分）")
    [found] = [f for f in result.findings if f.check == "self_score_absent"]
    assert found.severity == "warning" and "也未给出各指标自评得分" in found.message


def test_a_row_far_above_or_short_of_its_target_without_a_reason_is_asked_about(unit_copy):
    """Yunxi 资产拍卖处置 2 against ≥1 (200 %, 偏差原因 blank): at or above the declared 130 % it is 目标设定偏低."""
    from perfeval.checks import every_finding
    from perfeval.core.engine import load_unit
    [found] = [f for f in every_finding(load_unit(YUNXI)) if f.check == "deviation_unexplained" and f.severity == "info"]
    assert "“资产拍卖处置”" in found.message and "为目标的 200%" in found.message and "130%" in found.message

    def reason(d):
        for row in d["indicators"]:
            if row["name"] == "资产拍卖处置":
                row["deviation_note"] = "年内新增一批报废车辆"
    assert not any("资产拍卖处置" in f.message for f in every_finding(load_unit(unit_copy(YUNXI, reason)))
                   if f.check == "deviation_unexplained")
    from perfeval.core.framework import load_framework
    assert load_framework("self_assessment_b").reading("deviation_threshold").options["p130"].percent == 130


def test_projects_all_rated_excellent_against_a_low_execution_rate_are_questioned():
    """Changsha: 16 projects all at 90 or more (lowest 90) while 全年预算执行率 is 77.04 %."""
    [found] = [f for f in evaluate_file(CHANGSHA).findings if f.check == "projects_all_high_against_execution"]
    assert "16 个项目自评全部在 90 分以上（最低 90 分）" in found.message and "77.04%" in found.message


def test_severity_follows_what_is_at_stake_not_the_kind_of_check(unit_copy):
    """A 0.25-point difference (Yunxi 主题党日 12 vs 11) was an 错误 beside cost overruns worth 0.65 points as 警示;
    now the points a finding moves decide: under 1 point a 警示, 1 point or more (or a grade that could change) 错误."""
    from perfeval.checks import every_finding
    from perfeval.core.engine import load_unit
    found = {f.message[:8]: f.severity for f in every_finding(load_unit(YUNXI))
             if f.check in ("row_value_stated_twice", "full_marks_for_cost_overrun")}
    assert set(found.values()) == {"warning"}

    def far_over(d):
        for row in d["indicators"]:
            if row["name"] == "公车平台":
                row["actual"]["value"] = 450  # 3 × 150 ÷ 450 = 1 point allowed, 3 claimed: 2 points at stake
    [overrun] = [f for f in every_finding(load_unit(unit_copy(YUNXI, far_over)))
                 if f.check == "full_marks_for_cost_overrun" and "公车平台" in f.message]
    assert overrun.severity == "error"
    [small] = [f for f in every_finding(load_unit(CHANGSHA)) if f.check == "final_above_budget"]
    assert small.severity == "info"  # 办公经费 25.88 against 25: 3.52 % of its budget


def test_payments_behind_the_frameworks_checkpoints_and_carry_over_are_findings_where_stated(unit_copy):
    from perfeval.checks import every_finding
    from perfeval.core.engine import load_unit

    def stated(d):
        d["figures"]["progress"] = {"q1": {"value": 12.5}, "q2": {"value": 50}, "q3": {"value": 71.2}}
        d["figures"]["budget"]["carryover"] = {"value": 1281.96, "source": "决算表"}
        d["figures"]["budget"]["prev_carryover"] = {"value": 854.64}
        d["not_assessed"].pop("carryover", None)
    found = {f.check: f for f in every_finding(load_unit(unit_copy(CHANGSHA, stated)))}
    behind = found["payment_behind_schedule"]
    assert "一季度末 12.50%，应达 20%，落后 7.50%" in behind.message and "三季度末 71.20%，应达 80%" in behind.message
    assert "二季度末" not in behind.message  # on schedule
    carry = found["carryover"]  # 1281.96 ÷ 12819.60 = 10 %; (1281.96 − 854.64) ÷ 854.64 = 50 %
    assert "占全年预算数（调整后） 12,819.60万元 的 10%" in carry.message and "结转结余变动率 50%" in carry.message
    assert carry.severity == "warning"
    unstated = {f.check for f in every_finding(load_unit(CHANGSHA))}  # not stated: not assessed, no finding
    assert not unstated & {"payment_behind_schedule", "carryover"}


def test_the_sangong_rule_s_clause_not_above_last_year_s_final_is_scored_where_that_figure_is_stated(unit_copy):
    """Framework A's “三公经费”控制率: 实际/预算, 不超当年预算，不超上年决算. Changsha spent 613.76 against a budget of 1802
    (34.06 %) and last year's 决算 719.55 (85.30 %): 2 points, the clause met and said. Spending 800 is 44.4 % of the
    budget but 111.18 % of last year's 决算: 11.18 points over, 1.12 deducted (0.88; the clause was ignored: 2)."""
    row = score_file(CHANGSHA).row("sangong_control")
    assert row.score == 2 and row.status == "scored"
    assert any(n.startswith("不超上年决算") and n.endswith("85.3%，未超出") for n in row.notes)

    def spent(value):
        def alter(d):
            d["figures"]["lines"]["sangong"]["final"] = value
        return alter
    over = score_file(unit_copy(CHANGSHA, spent(800))).row("sangong_control")
    assert over.score == 0.88
    assert "lines.sangong.prev_final" in {i.path for i in over.inputs}

    def finding_only(d):
        spent(800)(d)
        d["interpretations"] = {**(d.get("interpretations") or {}), "sangong_prev_final": "finding_only"}
    assert score_file(unit_copy(CHANGSHA, finding_only)).row("sangong_control").score == 2


def test_without_last_year_s_final_the_sangong_clause_is_not_assessed_never_zero_and_widens_the_range(unit_copy):
    """Without the 2021 决算 719.55 the clause cannot be judged: the row keeps the 2 points its budget gives, the
    clause shows 未评, and the range of totals starts 2 lower (4, not 6), since an excess could take them all."""
    def no_prev(d):
        del d["figures"]["lines"]["sangong"]["prev_final"]
    sheet = score_file(unit_copy(CHANGSHA, no_prev))
    row = sheet.row("sangong_control")
    assert (row.score, row.status, row.open_vetoes) == (2, "partly", ("不超上年决算",))
    assert sheet.total == 10 and sheet.total_range == (4.0, 90.0)


def test_projects_the_narrative_names_with_money_that_no_evaluation_covers_are_a_finding():
    """Changsha's 项目支出 12819.6 is two lines: 一般性 10325.79 “主要用于星沙商务写字楼及市民服务中心租金，…物业管理费、
    水电费、维修维护费，平台公务用车运行经费等支出” and 基本建设 2493.81 “主要用于…办公院落日常维修维护；…安沙训练场改扩建
    工程；…“四个秩序”规范建设项目；长沙县智慧城市指挥运营中心建设项目；2022年前已完工需支付尾款项目等费用”. 附件2-4
    evaluates 16 projects: each use is one of them but the rent and the 智慧城市 centre."""
    from perfeval.checks.projects import unevaluated

    [finding] = [f for f in unevaluated(load_unit(CHANGSHA)) if f.check == "project_uses_without_evaluation"]
    assert [e.label for e in finding.evidence_of("use")] == ["星沙商务写字楼及市民服务中心租金", "长沙县智慧城市指挥运营中心建设项目"]
    assert [(e.label, e.value) for e in finding.evidence_of("line")] == [
        ("机关服务一般性项目支出", 10325.79), ("机关服务基本建设项目支出", 2493.81)]
    assert finding.severity == "warning"


@pytest.mark.parametrize("a,b,same", [
    ("平台公务用车运行经费", "平台管理公务用车运行经费", True),
    ("2022年前已完工需支付尾款项目", "2022年已完工需支付尾款项目", True),
    ("县政府及机关单位办公院落日常维修维护", "2022年党政机关办公院落日常维修维护", True),
    ("长沙县智慧城市指挥运营中心建设项目", "长沙县人武部“四个秩序”规范建设项目", False),
    ("星沙商务写字楼及市民服务中心租金", "市民服务中心片区合同能源管理服务费", False),
])
def test_two_names_are_one_project_when_most_of_the_shorter_is_one_run_of_the_other(a, b, same):
    from perfeval.checks.projects import same_project

    assert same_project(a, b) is same


def test_a_withheld_grade_shows_the_assessed_rate_by_its_name_beside_the_range_in_every_output():
    """Liuyang: 8 of 100 points assessed, 8 earned, possible totals 4–100: no grade. The scaled figure 8 ÷ 8 = 100 % is
    shown as 已评指标得分率 beside the range — in the report's 结论, the score sheet, the CSV and the workbook — and never
    as a total (it showed as 100.0 on 100). Yunxi, graded on every point, shows no such figure."""
    from perfeval.outputs.excel.summary import SUMMARY_COLUMNS, summary_row
    from perfeval.outputs.index_page import CSV_HEADINGS, rows
    from perfeval.outputs.report.verdict import verdict
    from perfeval.outputs.store import OK, UnitRun
    from perfeval.outputs.textsheet import verdict_lines

    said = "已评指标得分率 100%（已评 8 分中得 8 分，不是总分）"
    liuyang, yunxi = evaluate_file(LIUYANG), evaluate_file(YUNXI)
    assert verdict(liuyang).endswith(f"总分可在 4–100 分之间，等次无法确定；{said}。")
    assert any(line.endswith(f"总分可在 4–100 分之间；{said}") for line in verdict_lines(liuyang))
    [csv_l, csv_y] = rows([(UnitRun("l", "l.yaml", OK), liuyang), (UnitRun("y", "y.yaml", OK), yunxi)])
    assert (csv_l["total_on_100"], csv_l["total_min"], csv_l["total_max"], csv_l["assessed_rate"]) == ("", "4", "100", "100")
    assert csv_y["assessed_rate"] == "" and csv_y["total_on_100"] == "96.96"
    assert "已评指标得分率" in CSV_HEADINGS["assessed_rate"] and "总分" not in CSV_HEADINGS["assessed_rate"].split("，")[0]
    sheet = dict(zip([h for h, _ in SUMMARY_COLUMNS], summary_row(liuyang)))
    assert (sheet["重算总分"], sheet["可能总分（低）"], sheet["可能总分（高）"], sheet["已评指标得分率"]) == (None, 4, 100, 100)
    assert dict(zip([h for h, _ in SUMMARY_COLUMNS], summary_row(yunxi)))["已评指标得分率"] is None
    assert not any("已评指标得分率" in line for line in verdict_lines(yunxi))


def _one(path, check):
    [found] = [f for f in every_finding(load_unit(path)) if f.check == check]
    return found


@pytest.mark.parametrize("stated,severity", [
    (85, "error"),    # 85 % is in the [80,90) band: 1 of the part's 2 points, 1.5 once 4 criteria points scale to 6
    (78, "info"),     # still below 80 %: no point moves, and 0.96 points of the budget misstated
    (70, "warning"),  # no point moves (<80 % either way), but 7.04 points of the budget misstated
])
def test_a_misstated_rate_of_the_framework_is_as_severe_as_what_it_moves(unit_copy, stated, severity):
    """Changsha states 预算完成率 77 % (12819.60 ÷ 16640.91 = 77.04 %). Were it stated otherwise, the severity follows
    the points the stated rate would move on the row, not the kind of check (it was 错误 whatever the gap)."""
    def alter(d):
        next(r for r in d["claims"]["rates"] if r["measure"] == "budget_execution.execution_rate")["value"] = stated
    assert _one(unit_copy(CHANGSHA, alter), "claimed_rate_mismatch").severity == severity


def test_rate_statements_and_section_weights_take_their_severity_from_what_is_at_stake(unit_copy):
    """Changsha's 公务用车 34.03 % of 1800 (613.76 ÷ 1800 = 34.10 %) scores nothing and misstates 0.07 % of the budget:
    提示 (was 错误). Yunxi's 效益 stated 40 against a header of 30 moves 10 points, and its 满意度 rate 98 % beside a
    score of 8 of 10 claims 1.8 points more: both 错误. Changsha's 公用经费控制率 stated 80 % for 91.41 %: 警示."""
    assert _one(CHANGSHA, "stated_ratio_mismatch").severity == "info"
    assert _one(YUNXI, "section_weight_stated_twice").severity == "error"
    assert _one(YUNXI, "section_rate_mismatch").severity == "error"

    def public(d):
        next(r for r in d["claims"]["ratios"] if r["label"] == "公用经费控制率")["value"] = 80
    found = [f for f in every_finding(load_unit(unit_copy(CHANGSHA, public))) if f.check == "stated_ratio_mismatch"]
    assert sorted(f.severity for f in found) == ["info", "warning"]

    def section_weight(d):
        next(s for s in d["claims"]["sections"] if s.get("weight") == 40)["weight"] = 30.5
    assert _one(unit_copy(YUNXI, section_weight), "section_weight_stated_twice").severity == "warning"


def _deviations(path):
    return {f.indicator: f.severity for f in every_finding(load_unit(path)) if f.check == "deviation_unexplained"}


@pytest.mark.parametrize("note,flagged", [("", True), ("\u3000", True), ("无", True), ("——", True), ("无偏差", True),
                                          ("年底追加一批报废车辆拍卖", False)])
def test_a_deviation_reason_that_says_nothing_is_no_reason(unit_copy, note, flagged):
    """Yunxi 资产拍卖处置: 2 against ≥1 (200 %), 偏差原因 blank. A full-width blank, a dash or 无 in the cell was taken
    as a reason and the finding went away; only words that explain do that."""
    def alter(d):
        next(r for r in d["indicators"] if r["name"] == "资产拍卖处置")["deviation_note"] = note
    assert ("asset_auctions" in _deviations(unit_copy(YUNXI, alter))) is flagged


def test_an_equal_target_missed_either_way_needs_a_reason_and_the_130_edge_is_inclusive(unit_copy):
    """承担会务管理 820 场 against ≥800: within 130 %, no finding. Against =800 it missed its target (it was not asked
    about); at 1040 of ≥800 it reaches 130.00 % exactly (目标设定偏低, 提示), at 1039 (129.88 %) it does not."""
    def with_row(**kw):
        def alter(d):
            next(r for r in d["indicators"] if r["name"] == "承担会务管理").update(kw)
        return alter
    assert "meetings" not in _deviations(YUNXI)
    assert _deviations(unit_copy(YUNXI, with_row(target={"op": "=", "value": 800, "unit": "场"})))["meetings"] == "warning"
    assert _deviations(unit_copy(YUNXI, with_row(actual={"value": 1040, "unit": "场"})))["meetings"] == "info"
    assert "meetings" not in _deviations(unit_copy(YUNXI, with_row(actual={"value": 1039, "unit": "场"})))


def test_payments_behind_schedule_are_judged_as_the_score_judges_them_and_as_severe_as_the_points_they_cost(unit_copy):
    """Changsha with quarter-end payments 15 / 50 / 79.995 %: A scores them against 20/50/80 %. 79.995 % is 80.00 % at
    A's precision — on schedule for the score, and no longer 落后 0.01 % for the check; 15 % is 5 points short: 1 of
    the part's 2 points, 1.5 on 预算执行率's 6 — an 错误 (it was a 警示 whatever the shortfall)."""
    def progress(q1):
        def alter(d):
            d["figures"]["progress"] = {"q1": q1, "q2": 50, "q3": 79.995}
        return alter
    unit = unit_copy(CHANGSHA, progress(15))
    [found] = [f for f in every_finding(load_unit(unit)) if f.check == "payment_behind_schedule"]
    assert found.message == "支付进度落后于序时进度：一季度末 15%，应达 20%，落后 5%。" and found.severity == "error"
    part = next(p for p in score_file(unit).row("budget_execution").parts if p.id == "payment_progress")
    assert part.score == 1.0
    assert not [f for f in every_finding(load_unit(unit_copy(CHANGSHA, progress(20)))) if f.check == "payment_behind_schedule"]


def test_carry_over_new_this_year_is_said_so(unit_copy):
    """结转结余变动率 cannot be computed on last year's 0; the finding says the carry-over is new rather than nothing."""
    from perfeval.checks.execution import carryover

    def alter(d):
        d["figures"]["budget"].update(carryover=120.5, prev_carryover=0)
    [found] = carryover(load_unit(unit_copy(CHANGSHA, alter)))
    assert found.message.endswith("占全年预算数（调整后） 12,819.60万元 的 0.94%（结转结余率）；上年无结转结余，本年新增结转结余。")


def test_three_gong_above_last_year_and_an_unexplained_difference_weigh_what_they_put_at_stake(unit_copy):
    """公务接待 1.8 against last year's 决算 1.75 is 2.86 % over: 提示; 2.5 is 42.86 % over: 警示 (both were 警示).
    Changsha's 调减 3821.31 against 预算调整 3537.37 moves no point (预算调整率 is 0 either way) but 283.94 is 8.03 %
    of the figure: 警示."""
    def reception(value):
        def alter(d):
            d["figures"]["lines"]["sangong_reception"]["final"] = value
        return alter
    def found(path):
        return [f.severity for f in every_finding(load_unit(path)) if f.check == "sangong_above_prev_final"]
    assert found(unit_copy(CHANGSHA, reception(1.8))) == ["info"]
    assert found(unit_copy(CHANGSHA, reception(2.5), name="b.yaml")) == ["warning"]
    assert _one(CHANGSHA, "figure_differs_unexplained").severity == "warning"


@pytest.mark.parametrize("executed,flagged", [(14975.99, False), (14975.9, True)])
def test_projects_all_high_against_execution_turns_on_the_rate_as_the_row_scores_it(unit_copy, executed, flagged):
    """Changsha's 16 projects all score ≥ 90 against 77.04 % execution. At the 90 % edge the rate is judged as the row
    bands and prints it: 14975.99 ÷ 16640.91 = 89.99502 % is 90.00 % — not low (the check read 89.99502 and said
    “只有 90%，低于 90%”); 14975.9 ÷ 16640.91 = 89.98961 % is 89.99 %, low."""
    def alter(d):
        d["figures"]["budget"]["executed"] = executed
    found = [f for f in every_finding(load_unit(unit_copy(CHANGSHA, alter)))
             if f.check == "projects_all_high_against_execution"]
    assert bool(found) is flagged
    if found:
        assert "只有 89.99%" in found[0].message


@pytest.mark.parametrize("spent,score,note", [(613.76, 0, "不超上年决算：上年为 0，本年 613.76，超出上年，按评分标准扣完"),
                                              (0, 2, "不超上年决算：上年为 0，本年亦为 0，未超出")])
def test_a_three_gong_final_of_0_last_year_is_a_limit_not_a_bad_denominator(unit_copy, spent, score, note):
    """No 三公 spending last year: the unit was refused (“a denominator must be greater than 0”) once the clause divided
    by it. Any spending exceeds it by every point (扣完为止); none holds it."""
    def alter(d):
        d["figures"]["lines"]["sangong"].update(prev_final=0, final=spent)
    row = score_file(unit_copy(CHANGSHA, alter)).row("sangong_control")
    assert row.score == score and note in row.notes


@pytest.mark.parametrize("claimed,severity", [(1.75, "warning"), (0, "error")])
def test_a_claimed_total_that_is_not_the_sum_of_its_rows_is_as_severe_as_the_gap(unit_copy, claimed, severity):
    """Yunxi's rows' claimed scores add up to its claimed 96. With 承担会务管理 claimed 1.75 instead of 2 they add up to
    95.75: a 0.25-point slip is a 警示; claimed 0, 94 against 96 is 2 points, an 错误 (both were 错误)."""
    def alter(d):
        next(r for r in d["indicators"] if r["name"] == "承担会务管理")["claimed_score"] = claimed
    assert _one(unit_copy(YUNXI, alter), "claimed_total_not_sum_of_rows").severity == severity
