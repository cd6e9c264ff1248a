"""perfeval.fmt: one rule per kind of number, exact to what the documents state, never scientific."""
from __future__ import annotations

import math

import pytest

from perfeval import fmt


@pytest.mark.parametrize("value,text", [
    (16640.91, "16,640.91"), (12819.6, "12,819.60"), (25.0, "25.00"), (0.0, "0.00"), (1.225, "1.225"),
    (613.76 - 612.54, "1.22"),  # float noise of a difference is not a decimal of its own
    (1e20, "100,000,000,000,000,000,000.00"), (1e-7, "0.0000001"), (-0.0, "0.00"), (-1.5, "-1.50"),
])
def test_money_has_two_decimals_and_separators_and_never_loses_a_stated_decimal(value, text):
    assert fmt.money(value) == text
    assert fmt.wan(value) == text + "万元"


@pytest.mark.parametrize("value,text", [
    (77.0362, "77.04%"), (34.1, "34.10%"), (100.0, "100%"), (92.0, "92%"), (183.025, "183.03%"),
    (99.999, "99.999%"), (99.9996, "99.9996%"), (0.004, "0.004%"),  # not whole, so never shown as 100% or 0%
    (1830.5, "1,830.50%"),
])
def test_rates_have_two_decimals_whole_rates_none(value, text):
    assert fmt.pct(value) == text


@pytest.mark.parametrize("value,text", [
    (95.6623, "95.66"), (9.5, "9.5"), (8.0, "8"), (2.345, "2.35"), (2.3449999, "2.34"),
    (100.001, "100.001"), (2.999, "2.999"), (0.1 + 0.2, "0.3"),
])
def test_points_have_at_most_two_decimals_and_a_non_whole_total_never_reads_whole(value, text):
    assert fmt.points(value) == text


@pytest.mark.parametrize("value,unit,text", [
    (1460000.0, "公里", "1,460,000公里"), (11597.0, "次", "11,597次"), (146.5, "万公里", "146.5万公里"),
    (0.125, "", "0.125"), (1e-7, "人", "0.0000001人"), (2246.07, "万元", "2,246.07万元"), (77.0367, "%", "77.04%"),
    (6.4, "分", "6.4 分"), ("高质量完成", None, "高质量完成"), (None, "万元", "—"), (math.nan, "%", "—"),
])
def test_a_quantity_reads_by_the_rule_of_its_unit(value, unit, text):
    assert fmt.quantity(value, unit) == text


@pytest.mark.parametrize("value", [1e15, 1.46e6, 1e-5, 123456789.123, 5e-324, 1.7976931348623157e308])
def test_no_rule_ever_writes_scientific_notation(value):
    for render in (fmt.money, fmt.pct, fmt.points, fmt.stated, fmt.figure):
        text = render(value)
        assert "e" not in text.lower(), (render.__name__, text)


@pytest.mark.parametrize("value,text", [
    (51.0, "51"), (51, "51"), (2246.07, "2246.07"), (1e-07, "0.0000001"), (1e20, "100000000000000000000"),
    (-0.0, "0"), (0.1 + 0.2, "0.30000000000000004"),  # exact: what the float holds, for text read back by a machine
])
def test_exact_keeps_every_digit_without_an_exponent(value, text):
    assert fmt.exact(value) == text


def test_rounding_is_half_up_on_the_decimal_as_typed():
    assert fmt.fixed(2.675, 2) == "2.68"  # the float is 2.67499999…; 四舍五入 reads it as typed
    assert fmt.fixed(0.125, 2) == "0.13"
    assert fmt.fixed(1234.5, 0, grouping=False) == "1235"
