"""The audit findings on the three sample units: every inconsistency of the seed documents, from params alone."""
from __future__ import annotations

from collections import Counter

import pytest

from perfeval import load_unit, run_checks
from perfeval.checks import KINDS, count_by_severity, every_finding

from conftest import CHANGSHA, LIUYANG, YUNXI

UNITS = {name: load_unit(path) for name, path in
          (("changsha", CHANGSHA), ("yunxi", YUNXI), ("liuyang", LIUYANG))}
FINDINGS = {name: every_finding(unit) for name, unit in UNITS.items()}  # every symptom, before root causes


def audit(unit: str) -> Counter:
    """(check, severity) of every finding about the unit, each symptom counted."""
    return Counter((f.check, f.severity) for f in FINDINGS[unit])


EXPECTED = {
    "changsha": Counter({
        ("identity_broken", "error"): 2,          # 三公 613.76 ≠ 613.76+0+1.22; 公务用车 613.76 ≠ 0+612.54
        ("items_exceed_whole", "error"): 1,       # 2021: 三公 719.55 < 公务用车 719.55 + 接待 1.75
        ("figure_stated_twice", "info"): 1,       # 公务用车决算 613.76 vs 612.54: moves no point by itself; the
                                                  # identities it breaks make its root cause an 错误
        ("figure_differs_unexplained", "warning"): 1,  # 预算调整 3537.37 vs 年中调减 3821.31: named apart, 283.94 unsaid
        ("stated_ratio_mismatch", "info"): 1,     # 34.03% rests on 612.54, the table gives 34.10%: no point, 0.07 % of 1800
        ("budget_denominator", "warning"): 1,     # 77.04% on the start-of-year budget, 100% on the adjusted one
        ("budget_scope_differs", "warning"): 1,   # 预算执行率 on 项目支出; framework A defines it on the whole budget
        ("self_score_absent", "warning"): 1,      # no total, no row scores: the 结论 says so in a sentence
        ("projects_all_high_against_execution", "warning"): 1,  # 16 projects all ≥ 90 against 77.04% execution
        ("project_uses_without_evaluation", "warning"): 1,  # 主要用于 rent and the 智慧城市 centre: not in 附件2-4
        ("final_above_budget", "info"): 1,        # 办公经费 25.88 > 25: 0.88, 3.52 % of the budget (under 5 %)
        ("plan_exceeded", "warning"): 1,          # 政府采购 439.27 of 240 = 183.03%
        ("large_change_on_last_year", "info"): 2,  # 办公经费 62.24 → 25.88 (−58.42%); 政府采购 8368.85 → 439.27 (−94.75%)
        ("projects_evaluated", "info"): 1,        # 附件2-4: 16 projects, mean 95.96, lowest 90 (人武部安沙训练场改扩建工程)
    }),
    "yunxi": Counter({
        ("identity_broken", "error"): 1,          # funds by source 3665.84 ≠ 2246.07 (国有资本经营 1419.77 on top)
        ("row_value_stated_twice", "warning"): 1,  # 主题党日活动 12次 vs 11场次: 0.25 point at stake, not an 错误
        ("section_weight_stated_twice", "error"): 1,  # 效益 header 30 vs narrative 40
        ("framework_rows_vs_header", "error"): 1,  # the same: 效益's rows weigh 40 under its 30
        ("section_rate_mismatch", "error"): 1,    # 满意度 8/10 stated as 98%
        ("table_total_not_100", "error"): 1,      # 10 + 50 + 40 + 10 = 110
        ("listed_items_unexplained", "warning"): 2,  # 项目支出 125.53 (6.84%); 国有资本经营 265.32
        ("item_listed_twice", "warning"): 1,      # 1099.62 under 项目支出 and 国有资本经营预算支出
        ("full_marks_for_cost_overrun", "warning"): 3,
        ("deviation_unexplained", "warning"): 3,  # the same three cost rows over target, no 偏差原因 (said with them)
        ("deviation_unexplained", "info"): 1,     # 资产拍卖处置 2 against ≥1: 200%, at least 130%, no 偏差原因
        ("claimed_above_band", "warning"): 1,     # 营造良好工作氛围 “基本实现” (部分达成, 60%–80% excl.) claimed 8 of 10
        ("claimed_total_mismatch", "warning"): 1,  # 96 vs 96.96
        ("claimed_total_omits_rows", "warning"): 1,  # 96 = 50 + 38 + 8, 预算执行率 unclaimed
        ("budget_denominator", "warning"): 1,     # 100% vs 239.98% of the start-of-year budget
        ("target_equals_actual", "info"): 2,      # 运行成本控制 2246.07, 处置税金 1099.62
        ("claimed_score_below_recomputed", "info"): 1,  # 满意度 8 vs 9.8
        ("section_score_above_recomputed", "info"): 2,  # 产出 50 vs 48.67; 效益 38 vs 37.99 (the band above)
    }),
    "liuyang": Counter({
        ("listed_items_unexplained", "warning"): 1,  # 3404.68 − 3256.06 = 148.62 (4.37%)
        ("claimed_total_unverifiable", "warning"): 1,  # 96 with no indicator table
        ("final_above_budget", "warning"): 1,     # 基本支出 347.79 > 323.39
    }),
}


@pytest.mark.parametrize("unit", sorted(EXPECTED))
def test_every_seed_inconsistency_is_reported_and_nothing_else(unit):
    assert audit(unit) == EXPECTED[unit]


def one(unit: str, check: str, *words: str):
    hits = [f for f in FINDINGS[unit] if f.check == check and all(w in f.message for w in words)]
    assert len(hits) == 1, (check, words, [f.message for f in FINDINGS[unit] if f.check == check])
    return hits[0]


# (unit, check id, figures the message must state)
MESSAGES = [
    ("changsha", "projects_evaluated", ("16 个项目", "平均 95.96 分", "最低“长沙县人武部安沙训练场改扩建工程” 90 分")),
    ("changsha", "large_change_on_last_year", ("办公经费", "较上年下降 58.42%")),
    ("changsha", "identity_broken", ("“三公”经费（本年决算数）", "613.76万元", "614.98万元", "多 1.22万元")),
    ("changsha", "identity_broken", ("公务用车购置和维护经费（本年决算数）", "公车运行维护 612.54万元", "少 1.22万元")),
    ("changsha", "items_exceed_whole", ("上年决算数", "719.55万元", "721.30万元", "1.75万元")),
    ("changsha", "figure_differs_unexplained", ("3,537.37万元", "“年中调减数”为 3,821.31万元", "283.94万元", "4,105.25万元",
                                                "24.67%", "重算得分相同")),
    ("changsha", "figure_stated_twice", ("613.76万元", "612.54万元", "不参与")),
    ("changsha", "stated_ratio_mismatch", ("34.03%", "34.10%", "612.54万元")),
    ("changsha", "budget_denominator", ("77.04%", "100%", "16,640.91万元", "12,819.60万元", "由 0 分变为 3 分")),
    ("changsha", "final_above_budget", ("办公经费", "25.88万元", "25.00万元", "103.52%")),
    ("changsha", "plan_exceeded", ("439.27万元", "240.00万元", "183.03%")),
    ("yunxi", "identity_broken", ("2,246.07万元", "国有资本经营预算支出 1,419.77万元", "3,665.84万元")),
    ("yunxi", "row_value_stated_twice", ("主题党日活动", "12次", "11场次", "2.75 分")),
    ("yunxi", "section_weight_stated_twice", ("效益目标", "30 分", "40 分")),
    ("yunxi", "section_rate_mismatch", ("98%", "80%", "服务对象满意度")),
    ("yunxi", "table_total_not_100", ("110 分", "效益指标 40")),
    ("yunxi", "listed_items_unexplained", ("1,833.99万元", "1,708.46万元", "125.53万元", "6.84%")),
    ("yunxi", "listed_items_unexplained", ("1,419.77万元", "1,154.45万元", "265.32万元")),
    ("yunxi", "item_listed_twice", ("1,099.62万元", "处置资产缴纳税金", "国有资产处置缴纳税金")),
    ("yunxi", "full_marks_for_cost_overrun", ("公车平台", "150.00万元", "191.18万元", "2.35 分")),
    ("yunxi", "full_marks_for_cost_overrun", ("后勤建设及营运（食堂）", "111.94万元", "2.68 分")),
    ("yunxi", "full_marks_for_cost_overrun", ("机关物业管理", "213.63万元", "2.64 分")),
    ("yunxi", "claimed_total_mismatch", ("96 分", "96.96 分", "重算比自评高 0.96 分")),
    ("yunxi", "claimed_total_omits_rows", ("预算执行率", "产出指标 50 + 效益指标 38 + 满意度指标 8", "110 分")),
    ("yunxi", "budget_denominator", ("2,246.07万元", "935.95万元", "239.98%", "评分规则采用", "恰等于全年执行数")),
    ("liuyang", "listed_items_unexplained", ("3,404.68万元", "3,256.06万元", "148.62万元", "4.37%")),
    ("liuyang", "claimed_total_unverifiable", ("96 分", "8 分")),
    ("liuyang", "final_above_budget", ("基本支出", "347.79万元", "323.39万元", "107.55%")),
]


@pytest.mark.parametrize("unit,check,words", MESSAGES)
def test_messages_state_the_figures(unit, check, words):
    one(unit, check, *words)


def test_a_rate_stated_at_the_units_precision_is_not_a_finding():
    # 92% for 47/51 = 92.16%, 77% for 77.04%, 183% for 183.03%, 91.41% and 61% all hold at the stated precision
    assert not [f for f in FINDINGS["changsha"] if f.check in ("claimed_rate_mismatch",)]
    assert [f.message for f in FINDINGS["changsha"] if f.check == "stated_ratio_mismatch"] == [
        one("changsha", "stated_ratio_mismatch", "34.03%").message]


def test_evidence_carries_values_and_sources():
    f = one("changsha", "figure_differs_unexplained", "3,537.37万元")
    assert [(e.value, e.unit, e.source) for e in f.evidence] == [
        (3537.37, "万元", "附件1-2 部门整体支出预算调整·2022年预算数"),
        (3821.31, "万元", "附件1-3 三(3)1 年中按财政要求调减本年部门预算")]
    f = one("yunxi", "section_rate_mismatch")
    assert {e.value for e in f.evidence} >= {98, 8, 10, 80}


@pytest.mark.parametrize("unit", sorted(FINDINGS))
def test_every_finding_is_complete(unit):
    for f in FINDINGS[unit]:
        assert f.kind in KINDS and f.rule and f.message
        if not f.check.startswith("framework_"):
            assert f.evidence and any(isinstance(e.value, (int, float)) for e in f.evidence), f.check
            assert any(u in f.message for u in ("万元", "%", "分")), f.message


@pytest.mark.parametrize("unit,errors,consequences", [
    # 公务用车 613.76 vs 612.54 (it breaks 三公 = its items in 2022 and 2021, 公务用车 = its items, and the 34.03%);
    # (预算调整 3537.37 vs 年中调减 3821.31 is an unexplained difference, a warning since issue 20)
    ("changsha", 1, {"figure_stated_twice": 4}),
    # 效益 30 vs 40 (rows vs header, table total 110); 12 vs 11 主题党日; funds 3665.84 vs 2246.07; 得分率 98%
    # issue 20: whether 国有资本经营 1419.77 sits inside 年度资金总额 is one open question: the identity, the 1099.62
    # listed under both totals and what each list leaves unexplained (265.32, 125.53) are its consequences
    ("yunxi", 3, {"section_weight_stated_twice": 2, "identity_broken": 3}),
    ("liuyang", 0, {}),
])
def test_counts_are_of_root_causes_and_every_symptom_is_still_said(unit, errors, consequences):
    causes = run_checks(UNITS[unit])
    assert count_by_severity(causes)["error"] == errors
    assert {f.check: len(f.consequences) for f in causes if f.consequences and f.severity == "error"} == consequences
    said = {f.message for f in causes} | {c for f in causes for c in f.consequences}
    assert [f.message for f in FINDINGS[unit] if f.message not in said] == []



def test_a_drafted_units_table_against_the_frameworks_weights_is_a_question(unit_copy):
    """Yunxi's rows under 效益指标 add to 40 where the framework gives it 30 (without the narrative's section weights,
    that is the root cause): on the confirmed unit an error; on a draft the reader chose the framework and rebuilt
    the table, so it is a question (待核实) until confirmed."""
    def without_sections(data):
        del data["claims"]["sections"]

    def drafted(data):
        without_sections(data)
        data["drafted_from"] = "yunxi.txt"

    def of_table(path):
        return [(f.candidate, f.severity_label) for f in run_checks(load_unit(path))
                if f.check == "framework_rows_vs_header"]
    assert of_table(unit_copy(YUNXI, without_sections, "confirmed.yaml")) == [(False, "错误")]
    assert of_table(unit_copy(YUNXI, drafted, "draft.yaml")) == [(True, "待核实")]
