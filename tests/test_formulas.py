"""The pure formulas at and around their boundaries."""

import pytest

from perfeval.core import formulas as f
from perfeval.core.params import Stated
from perfeval.core.rules import Band


@pytest.mark.parametrize("stated,computed,agrees", [
    (92, 92.156862745, True),      # Changsha 在职人员控制率: stated at whole percent
    (77, 77.0366524427, True),     # Changsha 预算完成率
    (34.06, 34.0599334073, True),  # Changsha 三公经费控制率
    (149.58, 149.5844875, True),
    (183, 183.0291666, True),
    (34.03, 34.0599334073, False),
    (93, 92.156862745, False),
    (61, 61.0, True),
    (98.5, 98.44, False),
    (98.4, 98.44, True),
    (34.05, 34.0599334073, False),  # truncation is not 四舍五入
    (92.1, 92.157, False),
    (92.2, 92.157, True),
    (95, 94.99997, True),           # 15808.86 / 16640.91
])
def test_agreement_is_judged_at_the_stated_precision(stated, computed, agrees):
    assert Stated(value=stated).holds_for(computed) is agrees


@pytest.mark.parametrize("value,limit,direction,expected", [
    (92.16, 100, "over", 0.0), (101.5, 100, "over", 1.5), (100, 100, "over", 0.0),
    (18.0, 20, "under", 2.0), (20.0, 20, "under", 0.0), (183.03, 100, "either", 83.03), (90, 100, "either", 10),
])
def test_excess_points(value, limit, direction, expected):
    assert f.excess_points(value, limit, direction) == pytest.approx(expected)


@pytest.mark.parametrize("excess,mode,expected", [
    (1.5, "proportional", 1.5), (1.5, "started_points", 2.0), (1.5, "whole_points", 1.0),
    (2.0, "started_points", 2.0), (0.0, "started_points", 0.0), (149.58000000000001, "whole_points", 149.0),
])
def test_counted_points_under_each_interpretation(excess, mode, expected):
    assert f.counted_points(excess, mode) == expected


def test_deduction_stops_at_zero():
    assert f.deduct(2, 0.2, 5) == pytest.approx(1.0)
    assert f.deduct(2, 0.2, 10) == 0.0
    assert f.deduct(3, 0.5, 149.58) == 0.0


BANDS_EXEC = [Band(min=95, score=2), Band(min=90, score=1.5), Band(min=80, score=1), Band(score=0)]
BANDS_ADJ = [Band(max=5, max_open=True, score=3), Band(max=10, score=1.5), Band(score=0)]


@pytest.mark.parametrize("bands,value,expected", [
    (BANDS_EXEC, 95.0, 2), (BANDS_EXEC, 94.99, 1.5), (BANDS_EXEC, 90.0, 1.5), (BANDS_EXEC, 89.99, 1),
    (BANDS_EXEC, 80.0, 1), (BANDS_EXEC, 79.99, 0), (BANDS_EXEC, 77.04, 0),
    (BANDS_ADJ, 4.99, 3), (BANDS_ADJ, 5.0, 1.5), (BANDS_ADJ, 10.0, 1.5), (BANDS_ADJ, 10.01, 0),
])
def test_band_boundaries(bands, value, expected):
    assert f.band_score(value, bands) == expected


def test_a_value_no_band_covers_is_a_gap_not_a_zero():
    assert f.band_score(3, [Band(min=4, score=1), Band(min=2, max=2, score=0.5), Band(max=1, score=0)]) is None


@pytest.mark.parametrize("fn,actual,target,expected", [
    (f.higher_is_better, 12, 12, 3), (f.higher_is_better, 11, 12, 2.75), (f.higher_is_better, 820, 800, 3),
    (f.higher_is_better, 5, 0, 3),
    (f.lower_is_better_ratio, 150, 150, 3), (f.lower_is_better_ratio, 191.18, 150, 3 * 150 / 191.18),
    (f.lower_is_better_ratio, 75.34, 130, 3), (f.lower_is_better_ratio, 1, 0, 0),
    (f.lower_is_better_linear, 150, 150, 3), (f.lower_is_better_linear, 191.18, 150, (1 - 41.18 / 150) * 3),
    (f.lower_is_better_linear, 300, 150, 0), (f.lower_is_better_linear, 301, 150, 0),
    (f.lower_is_better_linear, 0, 0, 3), (f.lower_is_better_linear, 1, 0, 0),
    (f.closer_is_better, 110, 100, 3 * 100 / 110), (f.closer_is_better, 90, 100, 2.7), (f.closer_is_better, 1, 1, 3),
])
def test_row_scoring_by_direction(fn, actual, target, expected):
    assert fn(3, actual, target) == pytest.approx(expected)


