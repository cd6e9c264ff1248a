"""Framework files: they load, round-trip, lint their own arithmetic, and reject unknown rules."""
from __future__ import annotations

import pytest

from perfeval.errors import FrameworkError
from perfeval.fileio import dump_yaml, parse_yaml
from perfeval.core.framework import available_frameworks, load_framework, parse_framework
from perfeval.core.lint import lint_framework


@pytest.mark.parametrize("fid", ["dept_overall_a", "self_assessment_b"])
def test_round_trip(fid):
    fw = load_framework(fid)
    again = parse_framework(parse_yaml(dump_yaml(fw.model_dump(mode="json")), "dump.yaml"), "dump.yaml")
    assert again == fw


def test_framework_a_has_every_third_level_indicator_of_the_seed():
    """附件1-1 lists 23 (投入 4, 过程 11, 产出 4, 效果 4); the issue's '22' miscounts."""
    fw = load_framework("dept_overall_a")
    names = [n.name for _, n in fw.leaves()]
    assert len(names) == 23
    assert names[:4] == ["绩效目标合理性", "绩效指标明确性", "人员控制率", "“三公经费”变动率"]
    assert sum(n.weight for n in fw.indicators) == 100
    assert [n.weight for n in fw.indicators] == [15, 35, 25, 25]


def test_lint_finds_the_printed_frameworks_arithmetic_problems():
    problems = {(p.code, p.indicator) for p in lint_framework(load_framework("dept_overall_a"))}
    assert ("criteria_below_weight", "budget_execution") in problems     # 6 vs 4
    assert ("criteria_below_weight", "asset_systems") in problems        # 4 vs 2
    assert ("criteria_below_weight", "asset_safety") in problems         # 3 vs 2
    assert ("blank_weights", "duty_performance") in problems
    assert ("blank_weights", "duty_benefit") in problems
    assert ("no_rule", "satisfaction") in problems
    assert not any(code in ("subweights_mismatch", "total_not_100") for code, _ in problems)


def test_lint_catches_subweights_and_totals():
    data = parse_yaml(dump_yaml(load_framework("dept_overall_a").model_dump(mode="json")), "x")
    data["indicators"][0]["children"][0]["weight"] = 9  # 目标设定 9 under 投入 15 with 预算配置 7
    data["indicators"][1]["weight"] = 36
    problems = {p.code for p in lint_framework(parse_framework(data, "x.yaml"))}
    assert {"subweights_mismatch", "total_not_100"} <= problems


def test_every_shipped_framework_loads():
    assert set(available_frameworks()) == {"dept_overall_a", "self_assessment_b"}


def _with_rule(rule):
    data = parse_yaml(dump_yaml(load_framework("dept_overall_a").model_dump(mode="json")), "x")
    data["indicators"][0]["children"][1]["children"][1]["rule"] = rule
    return data


@pytest.mark.parametrize("rule,words", [
    ({"tiered": {}}, "unknown rule type 'tiered'"),
    ({"deduct_per_point": {"limit": 100, "direction": "over", "per_point": 0.5}}, "either measure"),
    ({"bands": {"measure": "staff.on_duty", "bands": []}}, "bands.bands: give at least 1 item(s), found 0"),
    ({"deduct_per_point": {"measure": "x", "direction": "sideways", "per_point": 1}}, "direction"),
    ({"checklist": {"items": [{"id": "a", "label": "a", "points": -1}]}}, "at least 0"),
    ({"checklist": {"items": [{"id": "b", "label": "b", "points": 1}, {"id": "a", "label": "a", "points": 1},
                              {"id": "b", "label": "c", "points": 1}]}}, "item id 'b' is used twice"),
    ({"composite": {"parts": [{"id": p, "label": p, "points": 1, "bands": {"measure": "staff.on_duty", "bands": [
        {"min": 0, "score": 1}]}} for p in ("x", "y", "x")]}}, "part id 'x' is used twice"),
])
def test_bad_rule_arguments_are_named(rule, words):
    with pytest.raises(FrameworkError) as err:
        parse_framework(_with_rule(rule), "bureau.yaml")
    assert "bureau.yaml" in str(err.value) and words in str(err.value)


def test_an_indicator_id_used_twice_is_named():
    data = _with_rule({"checklist": {"items": [{"id": "a", "label": "a", "points": 1}]}})
    first, second = data["indicators"][0]["children"][1]["children"][:2]
    second["id"] = first["id"]
    with pytest.raises(FrameworkError, match=f"indicator id '{first['id']}' is used twice"):
        parse_framework(data, "bureau.yaml")


def test_unknown_framework_name():
    with pytest.raises(FrameworkError, match="built-in frameworks: dept_overall_a, self_assessment_b"):
        load_framework("nope")


def test_a_rule_reads_as_a_formula_for_readers():
    """A sum under a ratio is bracketed, and a reading's options are written out, never by their ids."""
    from perfeval.core.engine import load_unit
    from conftest import CHANGSHA

    rows = {r.id: r.rule for r in load_unit(CHANGSHA).sheet.rows}
    assert "÷ （年初预算数＋年中追加数） × 100%" in rows["budget_adjustment"]
    assert "全年执行数（预算完成数） ÷ 全年预算数（调整后） × 100%（视所采用的口径）" in rows["budget_execution"]
    assert "start_plus_additions" not in rows["budget_execution"] and "adjusted：" not in rows["budget_execution"]
