"""Generated frameworks: each fails to load with its problems named, or scores every generated unit without a crash.

Frameworks are built from the rule types' argument models (every rule type, measure operation and checklist flag,
readings declared right, wrong or not at all, misspelt figures); units give figures and judgements of any kind.
Whatever loads must score: no KeyError, AttributeError or TypeError may reach a user from a framework lint passed.
"""
from __future__ import annotations

import math
import os
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
import pytest

from perfeval import run_checks, unit_result
from perfeval.core.engine import score_unit
from perfeval.core.framework import parse_framework
from perfeval.core.params import parse_params
from perfeval.core.readings import ENGINE_READINGS
from perfeval.core.sensitivity import sensitivity
from perfeval.errors import FrameworkError, ParamsError

pytestmark = pytest.mark.slow  # draws hundreds of generated frameworks

EXAMPLES = max(20, int(os.environ.get("PERFEVAL_PROPERTY_EXAMPLES", "300")) // 3)
GOOD_FIGURES = ["staff.on_duty", "staff.authorized", "lines.sangong.final", "lines.sangong.budget", "budget.executed",
                "budget.adjusted", "progress.q1", "survey.satisfaction"]
FIGURES = GOOD_FIGURES * 4 + ["staff.on_dutty"]  # now and then a misspelt figure
OWN_READINGS = ["denominator", "gap"]
# mostly usable numbers, now and then one a framework must refuse
def rarely(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any], odds: int = 20) -> st.SearchStrategy[Any]:
    """good, and about one time in `odds` something a framework must refuse."""
    return st.sampled_from([True] * (odds - 1) + [False]).flatmap(lambda ok: good if ok else bad)


numbers = rarely(st.one_of(st.integers(0, 100), st.floats(0, 200, allow_nan=False)),
                 st.sampled_from([-5, 1e300, float("inf")]), 40)


def measures(depth: int = 2) -> st.SearchStrategy[Any]:
    leaf = st.one_of(st.sampled_from(FIGURES), numbers)
    if depth == 0:
        return leaf
    sub = measures(depth - 1)
    return st.one_of(
        leaf,
        st.builds(lambda a, b: {"ratio": [a, b]}, sub, sub),
        st.builds(lambda a, b: {"change": [a, b]}, sub, sub),
        st.builds(lambda xs: {"sum": xs}, st.lists(sub, max_size=3)),
        st.builds(lambda a, b: {"diff": [a, b]}, sub, sub),
        st.builds(lambda p, n: {"default": [p, n]}, st.sampled_from(FIGURES), numbers),
        st.builds(lambda k, a, b: {"choose": {"interpretation": k, "options": {"x": a, "y": b}}},
                  st.sampled_from(OWN_READINGS), sub, sub),
    )


bands = st.lists(st.fixed_dictionaries({"score": numbers}, optional={
    "min": numbers, "max": numbers, "min_open": st.booleans(), "max_open": st.booleans()}), min_size=1, max_size=3)
gap = st.sampled_from(OWN_READINGS)
ways = st.one_of(  # how an item deducts: one way each, as the schema allows (several ways now and then)
    st.just({}), st.builds(lambda n: {"per_case": n}, numbers), st.just({"veto": True}), st.just({"zero_on_case": True}),
    st.just({"discretionary": True}), st.builds(lambda k: {"garbled": k}, gap),
    st.builds(lambda b, k: {"count_bands": b, "count_gap": {"interpretation": k, "options": {"x": 1, "y": 0.5}}}, bands, gap),
    st.builds(lambda b, k: {"case_bands": b, "case_gap": {"interpretation": k, "options": {"x": 0, "y": 0.25}}}, bands, gap),
    st.builds(lambda b: {"count_bands": b}, bands),
    rarely(st.nothing(), st.just({"veto": True, "per_case": 0.2}), 1))
items = rarely(st.lists(st.builds(lambda i, pts, w: {"id": i, "label": "项", "points": pts, **w},
                                  st.sampled_from(["a", "b", "c"]), numbers, ways),
                        min_size=1, max_size=3, unique_by=lambda d: d["id"]),
               st.lists(st.just({"id": "a", "label": "项", "points": 1}), min_size=2, max_size=2))


def rules(depth: int = 1) -> st.SearchStrategy[Any]:
    m = measures()
    simple = st.one_of(
        st.builds(lambda xs: {"checklist": {"items": xs}}, items),
        st.builds(lambda m_, lim, d, pp: {"deduct_per_point": {"measure": m_, "limit": lim, "direction": d,
                                                               "per_point": pp}},
                  m, numbers, rarely(st.sampled_from(["over", "under", "either"]), st.just("sideways")), numbers),
        st.builds(lambda cps, pp: {"deduct_per_point": {"checkpoints": cps, "direction": "under", "per_point": pp}},
                  st.lists(st.fixed_dictionaries({"measure": m, "limit": numbers}), min_size=1, max_size=3), numbers),
        st.builds(lambda m_, b: {"bands": {"measure": m_, "bands": b}}, m, bands),
        st.builds(lambda left, op, right: {"condition": {"left": left, "op": op, "right": right}},
                  st.sampled_from(FIGURES), rarely(st.sampled_from(["<=", ">=", "<", ">", "="]), st.just("!=")), m),
        st.builds(lambda m_, c: {"capped_ratio": {"measure": m_, "compare": c}}, m,
                  st.dictionaries(st.just("start"), m, max_size=1)),
        st.builds(lambda k, r: {"unspecified": {"interpretation": k, "options": {"x": r}}},
                  st.sampled_from(OWN_READINGS), st.just({"capped_ratio": {"measure": "survey.satisfaction"}})),
    )
    simple = rarely(simple, st.sampled_from([{"tiered": {}}, {"bands": []}, {"checklist": {"items": []}}]))
    if depth == 0:
        return simple
    part = st.builds(lambda i, pts, r: {"id": i, "label": "部分", "points": pts, **r},
                     st.sampled_from(["p", "q", "r"]), numbers, simple)
    return st.one_of(simple, st.builds(lambda ps: {"composite": {"parts": ps}},
                                       st.lists(part, min_size=1, max_size=3, unique_by=lambda d: d["id"])))


def interpretation(key: str) -> st.SearchStrategy[Any]:
    spec = ENGINE_READINGS.get(key)
    names = list(spec.options) if spec and spec.options else ["x", "y"]
    good = {"question": "？", "default": names[0], "options": {n: f"选项{n}" for n in names}}
    if spec and spec.data == "grades":
        good["options"] = {n: {"text": "等次", "grades": [{"grade": "优", "min": 90}, {"grade": "差"}]} for n in names}
    if spec and spec.data == "bands":
        good["options"] = {n: {"text": "档", "bands": {"achieved": {"min": 0.8, "max": 1}, "partly": {"min": 0.6, "max": 0.8},
                                                       "not": {"min": 0, "max": 0.6}}} for n in names}
    if spec and spec.data == "places":
        good["options"] = {n: {"text": "精度", "places": 2} for n in names}
    bad_option = {**good, "options": {"zz": "未知"}, "default": "zz"}
    return rarely(st.just(good), st.sampled_from([bad_option, {"question": "？", "default": "nope", "options": {}}]), 40)


def _named_readings(node: Any) -> set[str]:
    """The framework's own readings its rules name (interpretation: k, garbled: k)."""
    if isinstance(node, dict):
        own = {v for k, v in node.items() if k in ("interpretation", "garbled") and isinstance(v, str)}
        return own.union(*(_named_readings(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_named_readings(v) for v in node))
    return set()


@st.composite
def frameworks(draw: st.DrawFn) -> dict[str, Any]:
    leaves = [{"id": f"leaf{i}", "name": f"指标{i}", "weight": draw(st.one_of(st.none(), numbers)),
               "rule": draw(rules())} for i in range(draw(st.integers(1, 4)))]
    if draw(st.booleans()):
        leaves.append({"id": "rows", "name": "个性指标", "weight": None,
                       "personalised": {"level2": ["数量指标"], "default_op": draw(st.sampled_from([">=", "<=", "="]))}})
    top = {"id": "top", "name": "一级", "weight": draw(st.one_of(st.none(), numbers)), "children": leaves}
    # every reading a rule may need is declared, most of the time; now and then one is left out or misspelt
    used = _named_readings(leaves)
    keys = [k for k in [*ENGINE_READINGS, *used] if draw(rarely(st.just(True), st.just(False), 40))]
    if draw(rarely(st.just(False), st.just(True), 40)):
        keys.append("per_piont_fraction")
    return {"id": "generated", "name": "生成的框架", "source": "测试", "total": 100,
            "verdict": draw(st.fixed_dictionaries({}, optional={"min_assessed_share": st.floats(0, 1)})),
            "interpretations": {k: draw(interpretation(k)) for k in keys}, "indicators": [top]}


def units(fw_id: str) -> st.SearchStrategy[dict[str, Any]]:
    figure = st.one_of(numbers.filter(lambda x: x >= 0), st.just("约300"))
    judgement = st.one_of(st.booleans(), st.integers(0, 5), st.fixed_dictionaries({"count": st.integers(0, 6)}),
                          st.fixed_dictionaries({"score": st.floats(0, 2)}))
    row = st.fixed_dictionaries({"level1": st.just("一级"), "level2": st.just("数量指标"), "name": st.just("行"),
                                 "weight": st.floats(0, 20)},
                                optional={"target": st.fixed_dictionaries({"op": st.sampled_from([">=", "<=", "="]),
                                                                            "value": st.floats(0, 500)}),
                                          "actual": st.one_of(st.fixed_dictionaries({"value": st.floats(0, 500)}),
                                                              st.fixed_dictionaries({"text": st.just("基本实现")})),
                                          "claimed_score": st.floats(0, 20), "applicable": st.booleans()})
    return st.fixed_dictionaries({
        "unit": st.just({"id": "u", "name": "单位", "region": "某地", "year": 2024, "framework": fw_id}),
        "figures": st.fixed_dictionaries({}, optional={
            "staff": st.fixed_dictionaries({}, optional={"on_duty": figure, "authorized": figure}),
            "budget": st.fixed_dictionaries({}, optional={"executed": figure, "adjusted": figure}),
            "progress": st.fixed_dictionaries({}, optional={"q1": figure}),
            "survey": st.fixed_dictionaries({}, optional={"satisfaction": figure}),
            "lines": st.fixed_dictionaries({}, optional={"sangong": st.fixed_dictionaries(
                {}, optional={"final": figure, "budget": figure})})}),
        "judgements": st.dictionaries(st.sampled_from(["leaf0", "leaf1"]),
                                      st.dictionaries(st.sampled_from(["a", "b", "c"]), judgement, max_size=3),
                                      max_size=2),
        "indicators": st.lists(row, max_size=3),
        "not_applicable": st.dictionaries(st.sampled_from(["leaf0", "leaf2"]), st.just("不适用"), max_size=1),
    })


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_a_generated_framework_fails_by_field_or_scores_every_generated_unit(data):
    raw = data.draw(frameworks())
    try:
        fw = parse_framework(raw, "generated.yaml")
    except FrameworkError as exc:
        assert exc.file == "generated.yaml" and exc.problems
        assert all(isinstance(p.problem, str) and p.problem for p in exc.problems)
        event("framework refused, problems named")
        return
    event("framework loads")
    for _ in range(3):
        unit_data = data.draw(units(fw.id))
        try:
            params = parse_params(unit_data, "unit.yaml")
            unit = score_unit(params, fw, "unit.yaml")
        except ParamsError as exc:
            assert exc.problems and all(p.problem for p in exc.problems)
            event("unit refused, problems named")
            continue
        event("unit scored")
        for row in unit.sheet.rows:
            if row.score is not None:
                assert math.isfinite(row.score) and -1e-9 <= row.score <= row.effective_weight + 1e-9
        unit_result(unit, run_checks(unit), sensitivity(unit)).to_json()
