"""Every check on deliberately altered copies of the sample units: a changed figure or claim adds or removes its finding."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from perfeval import load_unit, run_checks
from perfeval.checks import CHECKS, every_finding
from perfeval.core.engine import ScoredUnit, score_unit
from perfeval.core.framework import load_framework
from perfeval.core.params import parse_params

from conftest import CHANGSHA, LIUYANG, YUNXI

Alter = Callable[[dict[str, Any]], None]


def sheet_of(base: Path, *alters: Alter) -> ScoredUnit:
    """A sample unit's params, altered in memory, scored (no file written)."""
    data = yaml.safe_load(base.read_text(encoding="utf-8"))
    for alter in alters:
        alter(data)
    params = parse_params(data, base.name)
    return score_unit(params, load_framework(params.unit.framework), base.name)


def put(path: str, value: Any) -> Alter:
    """Set a dotted path of the params data, creating mappings on the way."""
    def alter(data: dict[str, Any]) -> None:
        keys = path.split(".")
        node = data
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node.setdefault(k, {})
        node[keys[-1]] = value
    return alter


def drop(path: str) -> Alter:
    def alter(data: dict[str, Any]) -> None:
        *head, last = path.split(".")
        node = data
        for k in head:
            node = node[k]
        del node[last]
    return alter


def row(row_id: str, **changes: Any) -> Alter:
    """Change fields of one personalised row of the 绩效自评表."""
    def alter(data: dict[str, Any]) -> None:
        next(r for r in data["indicators"] if r.get("id") == row_id).update(changes)
    return alter


def where(key: str, index: int, **changes: Any) -> Alter:
    """Change fields of the index-th entry of a claims list (claims.rates, claims.sections ...)."""
    def alter(data: dict[str, Any]) -> None:
        data["claims"][key][index].update(changes)
    return alter


def counts(unit: ScoredUnit) -> Counter:
    """Every symptom each check finds (before run_checks gathers them into root causes)."""
    return Counter(f.check for f in every_finding(unit))


BASELINE = {p: counts(load_unit(p)) for p in (CHANGSHA, YUNXI, LIUYANG)}

# (case, unit, alterations, check, change in the number of findings of that check)
CASES = [
    # budget execution beside the score (issue 20)
    ("quarter-end payments stated, the first behind 20%", CHANGSHA, [put("figures.progress.q1", {"value": 12.5})],
     "payment_behind_schedule", +1),
    ("carry-over stated", CHANGSHA, [put("figures.budget.carryover", {"value": 1281.96}), drop("not_assessed.carryover")],
     "carryover", +1),
    # accounting identities
    ("vehicle 决算 612.54 restores both 三公 identities", CHANGSHA,
     [put("figures.lines.sangong_vehicle.final", 612.54)], "identity_broken", -2),
    ("2021 vehicle 717.80 restores the 2021 三公 identity", CHANGSHA,
     [put("figures.lines.sangong_vehicle.prev_final", 717.8)], "items_exceed_whole", -1),
    ("基本支出 ≠ 人员 + 公用", LIUYANG,
     [put("figures.lines.personnel.final", 300), put("figures.lines.public.final", 40)], "identity_broken", +1),
    ("基本支出 = 人员 + 公用", LIUYANG,
     [put("figures.lines.personnel.final", 300), put("figures.lines.public.final", 47.79)], "identity_broken", 0),
    ("总支出 ≠ 基本 + 项目", LIUYANG, [put("figures.lines.total.final", 3750)], "identity_broken", +1),
    ("an 其中 item above 公用经费", CHANGSHA, [put("figures.lines.public_office.final", 200)], "items_exceed_whole", +1),
    ("调整后预算 ≠ 年初 + 追加 − 调减", CHANGSHA, [put("figures.budget.adjusted", 13000)], "identity_broken", +1),
    ("no 国有资本经营 spending: sources add up", YUNXI, [drop("figures.funds.state_capital")], "identity_broken", -1),
    # listed items
    ("the unnamed 148.62 listed", LIUYANG,
     [lambda d: d["figures"]["project_items"].append({"name": "机关食堂水电油物价补助", "amount": 148.62})],
     "listed_items_unexplained", -1),
    ("a listed item smaller than stated", CHANGSHA, [put("figures.project_items.0.amount.value", 10000)],
     "listed_items_unexplained", +1),
    ("listed items above 项目支出", CHANGSHA, [put("figures.project_items.0.amount.value", 12000)],
     "listed_items_exceed_whole", +1),
    ("国有资本经营 tax a different amount", YUNXI,
     [put("figures.item_lists.0.items.0.amount.value", 1099.0)], "item_listed_twice", -1),
    # two values
    ("narrative repeats the table's 3537.37", CHANGSHA, [where("statements", 0, value=3537.37)],
     "figure_differs_unexplained", -1),
    ("the narrative's 3821.31 said to be the adjustment itself", CHANGSHA, [where("statements", 0, named=None)],
     "figure_stated_twice", +1),
    ("narrative states another 基本支出", YUNXI, [where("statements", 1, value=400)], "figure_stated_twice", +1),
    ("narrative counts 12 主题党日", YUNXI,
     [row("party_days", elsewhere=[{"field": "actual", "value": 12, "source": "综述"}])], "row_value_stated_twice", -1),
    ("narrative gives 效益 30 分", YUNXI, [where("sections", 1, weight=30, rate=38 / 30 * 100)],
     "section_weight_stated_twice", -1),
    # recomputed vs claimed
    ("满意度 得分率 80%", YUNXI, [where("sections", 2, rate=80)], "section_rate_mismatch", -1),
    ("在职人员控制率 stated 93%", CHANGSHA, [where("rates", 0, value=93)], "claimed_rate_mismatch", +1),
    ("在职人员控制率 stated 92.2% (92.16 rounded)", CHANGSHA, [where("rates", 0, value=92.2)],
     "claimed_rate_mismatch", 0),
    ("公务接待费 stated 60%", CHANGSHA, [where("ratios", 1, value=60)], "stated_ratio_mismatch", +1),
    ("公用经费控制率 stated 91.4%", CHANGSHA, [where("ratios", 2, value=91.4)], "stated_ratio_mismatch", 0),
    # generous scoring
    ("机关水电费 over its 130", YUNXI, [row("utilities_cost", actual={"value": 140, "unit": "万元"})],
     "full_marks_for_cost_overrun", +1),
    ("公车平台 claimed its recomputed 2.35", YUNXI, [row("vehicle_platform_cost", claimed_score=2.35)],
     "full_marks_for_cost_overrun", -1),
    ("公车平台 claimed 2.9: above, not full marks", YUNXI, [row("vehicle_platform_cost", claimed_score=2.9)],
     "claimed_score_above_recomputed", +1),
    ("会务 700 of 800 with full marks", YUNXI, [row("meetings", actual={"value": 700, "unit": "场"})],
     "full_marks_for_shortfall", +1),
    ("基本实现 with full marks", YUNXI, [row("work_atmosphere", claimed_score=10)],
     "full_marks_for_partial_achievement", +1),
    ("满意度 98 of 100 with full marks", YUNXI, [row("service_satisfaction", claimed_score=10)],
     "full_marks_below_satisfaction_target", +1),
    ("运行成本 below its target", YUNXI, [row("running_cost", actual={"value": 2200, "unit": "万元"})],
     "target_equals_actual", -1),
    # claimed total and grade
    ("claimed total 98", YUNXI, [put("claims.total", 98)], "claimed_total_not_sum_of_rows", +1),
    ("claimed grade 良 for 96", YUNXI, [put("claims.grade", "良")], "claimed_grade_inconsistent", +1),
    ("claimed grade 良 against a recomputed 优", YUNXI, [put("claims.grade", "良")], "claimed_grade_unsupported", +1),
    ("预算执行率 claimed 10", YUNXI, [put("claims.scores", {"budget_execution": 10})], "claimed_total_omits_rows", -1),
    ("产出 stated 45", YUNXI, [where("sections", 0, score=45, rate=90)], "section_score_not_sum_of_rows", +1),
    ("产出 stated 48", YUNXI, [where("sections", 0, score=48, rate=96)], "section_score_above_recomputed", -1),
    ("no claimed total", LIUYANG, [drop("claims.total")], "claimed_total_unverifiable", -1),
    # budget denominator
    ("no mid-year cut", CHANGSHA, [put("figures.budget.reductions", 0), put("figures.budget.adjusted", 16640.91)],
     "budget_denominator", -1),
    # overspending and over-execution
    ("办公经费 within budget", CHANGSHA, [put("figures.lines.public_office.final", 25)], "final_above_budget", -1),
    ("公务接待 above budget", CHANGSHA, [put("figures.lines.sangong_reception.final", 2.5)], "final_above_budget", +1),
    ("公务接待 above last year", CHANGSHA, [put("figures.lines.sangong_reception.final", 1.8)],
     "sangong_above_prev_final", +1),
    ("基本支出 within budget", LIUYANG, [put("figures.lines.basic.budget", 350)], "final_above_budget", -1),
    ("procurement to plan", CHANGSHA, [put("figures.lines.procurement.final", 240)], "plan_exceeded", -1),
    ("execution above the adjusted budget", YUNXI, [put("figures.budget.executed", 2300)],
     "execution_above_budget", +1),
    ("在职 above 编制", CHANGSHA, [put("figures.staff.on_duty", 55)], "staff_above_establishment", +1),
    # framework arithmetic
    ("营造良好工作氛围 left out: weights add up", YUNXI, [row("work_atmosphere", applicable=False)],
     "table_total_not_100", -1),
    # open evidence: declared identities, 楼堂馆所, projects, years
    ("财政资金 stated as 3700", LIUYANG,
     [lambda d: next(s for s in d["stated"] if s["id"] == "fiscal_total").update(text="3700万元")],
     "declared_identity_broken", +2),  # 总支出 = 财政资金 + 其他; 财政资金 = 基本 + 财政拨款项目
    ("楼堂馆所 larger than approved", CHANGSHA, [put("figures.buildings", {"approved_area": 1000, "actual_area": 1100})],
     "building_area_over_approval", +1),
    ("one 项目支出 item evaluated, four not", LIUYANG, [put("projects", [{"name": "行政中心水电物业费", "score": 95}])],
     "project_items_without_evaluation", +1),
    ("the 智慧城市 project given its own evaluation", CHANGSHA,
     [lambda d: d["projects"].append({"name": "长沙县智慧城市指挥运营中心建设项目", "score": 92}),
      lambda d: d["projects"].append({"name": "星沙商务写字楼租金", "score": 90})],
     "project_uses_without_evaluation", -1),
    ("a project scored above its execution", CHANGSHA,
     [put("projects", [{"name": "甲", "score": 99, "budget": 100, "executed": 50}])], "project_score_above_execution", +1),
    ("基本支出 last year 200", LIUYANG, [put("figures.lines.basic.prev_final", 200)], "large_change_on_last_year", +1),
]


@pytest.mark.parametrize("case,unit,alters,check,delta", CASES, ids=[c[0] for c in CASES])
def test_an_altered_figure_or_claim_changes_the_finding(case, unit, alters, check, delta):
    assert counts(sheet_of(unit, *alters))[check] - BASELINE[unit][check] == delta


def test_every_registered_check_fires_on_some_sample_or_altered_copy():
    units = [load_unit(p) for p in BASELINE] + [sheet_of(unit, *alters) for _, unit, alters, _, _ in CASES]
    silent = [name for name, check in CHECKS.items() if not any(check(u) for u in units)]
    assert silent == []


def test_every_check_id_is_exercised_by_an_alteration():
    ids = {c[3] for c in CASES if c[4]}
    assert ids >= {
        "identity_broken", "items_exceed_whole", "listed_items_unexplained", "listed_items_exceed_whole",
        "item_listed_twice", "figure_stated_twice", "row_value_stated_twice", "section_weight_stated_twice",
        "section_rate_mismatch", "claimed_rate_mismatch", "stated_ratio_mismatch", "full_marks_for_cost_overrun",
        "full_marks_for_shortfall", "full_marks_for_partial_achievement", "full_marks_below_satisfaction_target",
        "target_equals_actual", "claimed_score_above_recomputed", "claimed_total_not_sum_of_rows",
        "claimed_grade_inconsistent", "claimed_grade_unsupported", "claimed_total_omits_rows",
        "section_score_not_sum_of_rows", "section_score_above_recomputed", "claimed_total_unverifiable",
        "budget_denominator", "final_above_budget", "sangong_above_prev_final", "plan_exceeded",
        "execution_above_budget", "table_total_not_100", "declared_identity_broken", "building_area_over_approval",
        "project_items_without_evaluation", "project_uses_without_evaluation", "project_score_above_execution",
        "large_change_on_last_year"}


def find(unit: ScoredUnit, check: str):
    hits = [f for f in run_checks(unit) if f.check == check]
    assert len(hits) == 1, [f.message for f in hits]
    return hits[0]


# Yunxi recomputes to 96.96 (营造良好工作氛围 “基本实现” is 部分达成: at most 5.99 of its 7.5 under the national
# 60%–80% band, 80% itself belonging to 达成)
@pytest.mark.parametrize("total,severity,words", [
    (98, "error", "自评比重算高 1.04 分"),    # ≥ 1 point apart: an error
    (96.5, "warning", "重算比自评高 0.46 分"),  # less than a point
])
def test_claimed_total_wording_says_which_is_higher(total, severity, words):
    f = find(sheet_of(YUNXI, put("claims.total", total)), "claimed_total_mismatch")
    assert f.severity == severity and words in f.message


def test_claimed_total_matching_the_recomputed_is_not_a_finding():
    unit = sheet_of(YUNXI)
    assert "claimed_total_mismatch" not in counts(sheet_of(YUNXI, put("claims.total", unit.sheet.total)))


def test_denominator_finding_follows_the_chosen_reading():
    f = find(sheet_of(CHANGSHA, put("interpretations", {"budget_denominator": "adjusted"})), "budget_denominator")
    assert "为分母，全年预算执行率为 100%（评分规则采用）" in f.message
    assert "由 3 分变为 0 分" in f.message


def test_a_second_value_that_changes_a_score_says_so():
    f = next(f for f in run_checks(sheet_of(CHANGSHA, lambda d: d["claims"]["statements"].append(
        {"figure": "staff.on_duty", "value": 55, "source": "正文"}))) if "实际在职人数" in f.message)
    assert "“人员控制率”由 2 分变为" in f.message and "重算总分由 10 分变为" in f.message


def test_generous_and_claimed_score_findings_do_not_double_count():
    checks = [f for f in run_checks(sheet_of(YUNXI)) if f.indicator == "vehicle_platform_cost"]
    assert [f.check for f in checks] == ["full_marks_for_cost_overrun"]


def _consistent_changsha(d: dict[str, Any]) -> None:
    lines = d["figures"]["lines"]
    lines["sangong_vehicle"]["final"] = 612.54
    lines["sangong_vehicle"]["prev_final"] = 717.8
    lines["public_office"]["final"] = 25
    lines["procurement"]["final"] = 240
    d["figures"]["budget"].update(reductions=0, adjusted=16640.91, adjustment_total=0)
    d["figures"]["budget_scope"] = "部门整体"
    d["claims"]["statements"] = [s for s in d["claims"]["statements"] if s["figure"] != "budget.adjustment_total"]
    d["claims"]["rates"] = [r for r in d["claims"]["rates"] if not r["measure"].startswith("procurement")]
    lines["public_office"]["prev_final"] = 24.5
    lines["procurement"]["prev_final"] = 230
    del d["projects"]  # 附件2-4 is summarised as a fact, not an inconsistency: left out here


def _consistent_liuyang(d: dict[str, Any]) -> None:
    d["figures"]["project_items"].append({"name": "机关食堂水电油物价补助", "amount": 148.62})
    d["figures"]["lines"]["basic"]["budget"] = 347.79
    del d["claims"]["total"]


@pytest.mark.parametrize("unit,fix", [(CHANGSHA, _consistent_changsha), (LIUYANG, _consistent_liuyang)])
def test_consistent_data_gives_no_finding_about_the_unit(unit, fix):
    """(The fixes leave the claimed total out, and a self-evaluation without a total is itself a finding.)"""
    found = run_checks(sheet_of(unit, fix))
    assert [f.message for f in found if not f.check.startswith("framework_") and f.check != "self_score_absent"] == []


def test_checks_are_pure():
    unit = sheet_of(YUNXI)
    first = run_checks(unit)
    assert run_checks(unit) == first
    assert unit.sheet.total == sheet_of(YUNXI).sheet.total
