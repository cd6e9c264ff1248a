"""A stated figure is found by its id through an index (scoring looks up every statement's figure), which follows
the params it belongs to: a copy with other stated figures finds those, a repeated id finds the first."""
from __future__ import annotations

from decimal import Decimal

from perfeval.core.params import UnitParams, check_params, value_of

UNIT = {"id": "u", "name": "某站", "region": "某县", "year": 2023, "framework": "dept_overall_a"}


def _stated(*ids: str) -> list[dict]:
    return [{"id": sid, "label": f"事项{k}", "value": Decimal(k + 1), "unit": "人"} for k, sid in enumerate(ids)]


def test_the_index_follows_a_copy_with_other_stated_figures():
    params = UnitParams.model_validate({"unit": UNIT, "stated": _stated("s01", "s02", "s03")})
    assert value_of(params, "s03").value == 3
    fewer = params.model_copy(update={"stated": params.stated[:1]})
    assert fewer.stated_figure("s03") is None and fewer.stated_figure("s01") is not None
    assert params.stated_figure("s03") is not None  # the original keeps its own


def test_a_repeated_id_is_reported_once_and_the_first_is_the_one_read():
    params = UnitParams.model_validate({"unit": UNIT, "stated": _stated("s01", "s02", "s01")})
    assert params.stated_figure("s01").value == 1
    problems = [field for field, _ in check_params(params.model_dump(mode="python")).problems]
    assert problems == ["stated[2].id"]
