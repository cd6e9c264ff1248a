"""Pure formulas of the scoring rules: numbers in, numbers out, no knowledge of units, files or frameworks.

Rounding, division into rates and how a number prints are perfeval.core.numbers' one rule."""
from __future__ import annotations

import math
from typing import Literal, Protocol, Sequence

from .numbers import NOISE_PLACES, round_half_up

PointMode = Literal["proportional", "started_points", "whole_points"]
Direction = Literal["over", "under", "either"]


def excess_points(value: float, limit: float, direction: Direction) -> float:
    """How many percentage points a value lies beyond its limit in the penalised direction (≥ 0)."""
    if direction == "over":
        return max(0.0, value - limit)
    if direction == "under":
        return max(0.0, limit - value)
    return abs(value - limit)


def counted_points(excess: float, mode: PointMode) -> float:
    """Percentage points that count for a per-point deduction under the chosen reading."""
    excess = round_half_up(excess, NOISE_PLACES)  # 149.58000000000001 must not start a 150th point
    if mode == "proportional":
        return excess
    if mode == "started_points":
        return float(math.ceil(excess))
    return float(math.floor(excess))


def deduct(points: float, per_point: float, counted: float) -> float:
    """Points left after deducting per_point for each counted point, never below zero (扣完为止)."""
    return max(0.0, points - per_point * counted)


class BandLike(Protocol):
    """A band of values and its score: bounds inclusive unless *_open; a missing bound is unbounded (read-only, so
    frozen records match)."""

    @property
    def min(self) -> float | None: ...
    @property
    def max(self) -> float | None: ...
    @property
    def min_open(self) -> bool: ...
    @property
    def max_open(self) -> bool: ...
    @property
    def score(self) -> float: ...


def in_band(value: float, band: BandLike) -> bool:
    lo, hi = band.min, band.max
    if lo is not None and (value < lo or (band.min_open and value == lo)):
        return False
    return not (hi is not None and (value > hi or (band.max_open and value == hi)))


def band_score(value: float, bands: Sequence[BandLike]) -> float | None:
    """Score of the first band containing value; None when no band does (a gap in the printed rule)."""
    return next((float(b.score) for b in bands if in_band(value, b)), None)


def higher_is_better(weight: float, actual: float, target: float) -> float:
    """weight × actual / target, capped at weight (a zero target is met by any non-negative actual)."""
    if target <= 0:
        return weight if actual >= target else 0.0
    return min(weight, max(0.0, weight * actual / target))


def lower_is_better_ratio(weight: float, actual: float, target: float) -> float:
    """Full weight when actual ≤ target, else weight × target / actual ("= 0" targets: 0 once over)."""
    if actual <= target or actual <= 0:
        return weight
    return max(0.0, weight * target / actual)


def lower_is_better_linear(weight: float, actual: float, target: float) -> float:
    """Full weight when actual ≤ target, else (1 − (actual − target) / target) × weight: 0 at twice the target."""
    if actual <= target:
        return weight
    if target <= 0:
        return 0.0
    return max(0.0, (1 - (actual - target) / target) * weight)


def closer_is_better(weight: float, actual: float, target: float) -> float:
    """For '=' targets: weight × min(actual, target) / max(actual, target)."""
    if actual == target:
        return weight
    hi = max(actual, target)
    return 0.0 if hi <= 0 else max(0.0, weight * min(actual, target) / hi)
