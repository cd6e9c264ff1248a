"""What the checks read from params: the additive schema fields validate clearly, and identities come from the catalogue."""
from __future__ import annotations

import pytest
import yaml

from perfeval.errors import ParamsError
from perfeval.core.figures import BREAKDOWNS, FUNDS, LINES
from perfeval.core.params import Figures, parse_params

from conftest import CHANGSHA, LIUYANG


def base():
    return yaml.safe_load(CHANGSHA.read_text(encoding="utf-8"))


@pytest.mark.parametrize("field,where,value", [
    ("claims.ratios[0].numerator", lambda d: d["claims"]["ratios"][0], {"numerator": "lines.nope.final"}),
    ("claims.ratios[0].denominator", lambda d: d["claims"]["ratios"][0], {"denominator": "budget.total"}),
    ("figures.item_lists[0].of", lambda d: d["figures"].setdefault("item_lists", [{"items": []}])[0],
     {"of": "lines.project.spent"}),
    ("figures.funds.lottery", lambda d: d["figures"].setdefault("funds", {}), {"lottery": 5}),
    ("claims.sections[0].rate", lambda d: d["claims"].setdefault("sections", [{"name": "产出"}])[0], {"rate": "98%"}),
])
def test_bad_additions_name_the_field(field, where, value):
    data = base()
    where(data).update(value)
    with pytest.raises(ParamsError) as err:
        parse_params(data, "unit.yaml")
    assert field in [p.field for p in err.value.problems]


def test_a_row_restatement_needs_a_known_field():
    data = yaml.safe_load(LIUYANG.read_text(encoding="utf-8"))
    data["indicators"] = [{"level1": "产出", "level2": "经济效益", "name": "x", "weight": 1,
                           "elsewhere": [{"field": "weight", "value": 2}]}]
    with pytest.raises(ParamsError) as err:
        parse_params(data, "unit.yaml")
    assert "indicators[0].elsewhere[0].field" in [p.field for p in err.value.problems]


def test_additions_are_optional():
    assert Figures().funds == {} and Figures().item_lists == []


def test_identities_come_from_line_parents():
    rules = {b.whole: b for b in BREAKDOWNS}
    assert rules["lines.sangong.final"].parts == (
        "lines.sangong_vehicle.final", "lines.sangong_abroad.final", "lines.sangong_reception.final")
    assert rules["lines.public.budget"].partial and not rules["lines.basic.budget"].partial
    assert rules["budget.adjusted"].rule == "全年预算数（调整后） = 年初预算数 + 年中追加数 − 年中调减数"
    children = {s.parent for s in LINES.values() if s.parent}
    assert {b.whole.split(".")[1] for b in BREAKDOWNS if b.whole.startswith("lines.") and b.parts[0].startswith("lines.")} \
        == children


def test_funds_catalogue_and_schema_agree():
    assert set(Figures.model_fields["funds"].annotation.__args__[0].__args__) == set(FUNDS)
