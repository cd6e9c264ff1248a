"""Property-based: any params the generator can make ends in a correct result or a clear validation error."""
from __future__ import annotations

import copy
import os
import math

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import pytest

from perfeval import run_checks, unit_result
from perfeval.core.engine import score_unit
from perfeval.core.sensitivity import sensitivity
from perfeval.errors import ParamsError
from perfeval.core.framework import load_framework
from perfeval.core.params import parse_params

from conftest import CHANGSHA, LIUYANG, YUNXI, leaves, set_at

pytestmark = pytest.mark.slow  # draws hundreds of generated units

BASES = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (CHANGSHA, YUNXI, LIUYANG)}
EXAMPLES = int(os.environ.get("PERFEVAL_PROPERTY_EXAMPLES", "300"))

hostile_text = st.sampled_from([
    "<script>alert(1)</script>", '=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "",
    "长" * 3000, "ＡＢＣ１２３　全角", "مرحبا", "🙂" * 10, "../../etc/passwd", "约300", "NaN", "1e400",
]) | st.text(max_size=200)

numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-10**30, max_value=10**30),
    st.sampled_from([0, 0.0, -0.0, 1e-12, 1e15, 123.456789012345, 5e-324]),
)
values = st.one_of(numbers, hostile_text, st.none(), st.booleans(), st.lists(st.integers(), max_size=3))






def _check_outcome(data):
    try:
        params = parse_params(data, "generated.yaml")
        unit = score_unit(params, load_framework(params.unit.framework), "generated.yaml")
        sheet = unit.sheet
    except ParamsError as exc:
        assert exc.file == "generated.yaml"
        assert exc.problems and all(isinstance(p.problem, str) and p.problem for p in exc.problems)
        return None
    for r in sheet.rows:
        if r.score is not None:
            assert math.isfinite(r.score)
            assert -1e-9 <= r.score <= r.effective_weight + 1e-9, (r.name, r.score, r.effective_weight)
            assert r.assessed_points <= r.effective_weight + 1e-9
    assert math.isfinite(sheet.total)
    assert sheet.total <= sheet.assessed_points + 1e-6
    unit_result(unit, run_checks(unit), sensitivity(unit)).to_json()  # the JSON contract builds
    return sheet


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from(sorted(BASES)), picks=st.lists(st.tuples(st.integers(0, 10**6), values),
                                                            min_size=1, max_size=4))
def test_any_leaf_replaced_by_anything_is_a_result_or_a_clear_error(base, picks):
    data = copy.deepcopy(BASES[base])
    spots = list(leaves(data))
    for index, value in picks:
        path, _ = spots[index % len(spots)]
        set_at(data, path, value)
    _check_outcome(data)


def stated(largest: float) -> st.SearchStrategy[float]:
    """Figures a params file accepts: 0, or from 0.000001 (the finest any document states) to the largest, with at
    most 15 significant digits (what a document writes, and a float holds exactly)."""
    return st.one_of(st.just(0.0), st.floats(min_value=1e-6, max_value=largest, allow_nan=False,
                                             allow_infinity=False).map(lambda x: float(f"{x:.15g}")))


positive = stated(1e12)


@settings(max_examples=EXAMPLES, deadline=None)
@given(fig=st.sampled_from([("staff", "on_duty"), ("staff", "authorized"), ("budget", "executed"),
                            ("budget", "start_of_year"), ("budget", "adjustment_total")]),
       value=positive, sangong=positive, procurement=positive)
def test_valid_extreme_figures_always_score_within_weights(fig, value, sangong, procurement):
    data = copy.deepcopy(BASES["changsha_county_2022"])
    data["figures"][fig[0]][fig[1]] = value
    data["figures"]["lines"]["sangong"]["final"] = sangong
    data["figures"]["lines"]["procurement"]["final"] = procurement
    sheet = _check_outcome(data)
    if sheet is None:  # only a zero denominator may be refused here
        assert value == 0
    else:
        assert 0 <= sheet.total <= 100


row_value = stated(1e9)


@settings(max_examples=EXAMPLES, deadline=None)
@given(i=st.integers(0, 23), target=row_value, actual=row_value, weight=st.one_of(st.just(0.0), st.floats(0.001, 100)),
       op=st.sampled_from([">=", "<=", "=", ">", "<", None]),
       text=st.sampled_from(["基本实现", "未完成", "高质量完成", "部分完成", "", "完成"]))
def test_rows_score_within_their_weight(i, target, actual, weight, op, text):
    data = copy.deepcopy(BASES["yunxi_district_2023"])
    row = data["indicators"][i]
    row["weight"] = weight
    if "value" in row.get("target", {}):
        row["target"] = {"value": target, **({"op": op} if op else {})}
        row["actual"] = {"value": actual}
    else:
        row["actual"] = {"text": text}
    sheet = _check_outcome(data)
    assert sheet is not None
