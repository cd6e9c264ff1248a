"""Pure formulas of the scoring rules: numbers in, numbers out, no knowledge of units or files."""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Literal, Sequence

PointMode = Literal["proportional", "started_points", "whole_points"]
Direction = Literal["over", "under", "either"]


def ratio_pct(numerator: float, denominator: float) -> float:
    """numerator / denominator × 100; the caller guarantees a non-zero denominator."""
    return numerator / denominator * 100.0


def change_pct(new: float, old: float) -> float:
    """(new − old) / old × 100, the 变动率 of the framework."""
    return (new - old) / old * 100.0


def round_half_up(value: float, places: int = 2) -> float:
    """Round as Chinese financial tables do (四舍五入), not banker's rounding."""
    if not math.isfinite(value):
        return value
    quantum = Decimal(1).scaleb(-places)
    with localcontext() as ctx:
        ctx.prec = 400  # enough digits for any finite float, so quantize never overflows
        return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def decimals_of(value: float) -> int:
    """How many decimals a stated number carries (92 → 0, 34.06 → 2): the precision a claim was made at."""
    text = repr(float(value))
    if "e" in text or "E" in text:
        return 6
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    return len(frac)


def agrees_at_precision(stated: float, computed: float, places: int | None = None) -> bool:
    """Does a stated figure equal the computed one rounded to the stated figure's own precision?

    A unit writing 92% for 92.16% is right; 34.03% for 34.06% is not. Truncation (92.16 → 92.1)
    is accepted too, since reports often cut rather than round.
    """
    places = decimals_of(stated) if places is None else places
    rounded = round_half_up(computed, places)
    truncated = math.floor(abs(computed) * 10**places + 1e-9) / 10**places * (1 if computed >= 0 else -1)
    tolerance = 0.5 * 10 ** -(places + 3)
    return abs(rounded - stated) <= tolerance or abs(truncated - stated) <= tolerance


def excess_points(value: float, limit: float, direction: Direction) -> float:
    """How many percentage points a value lies beyond its limit in the penalised direction (≥ 0)."""
    if direction == "over":
        return max(0.0, value - limit)
    if direction == "under":
        return max(0.0, limit - value)
    return abs(value - limit)


def counted_points(excess: float, mode: PointMode) -> float:
    """Percentage points that count for a per-point deduction under the chosen interpretation."""
    excess = round(excess, 9)  # 149.58000000000001 must not start a 150th point
    if mode == "proportional":
        return excess
    if mode == "started_points":
        return float(math.ceil(excess))
    return float(math.floor(excess))


def deduct(points: float, per_point: float, counted: float) -> float:
    """Points left after deducting per_point for each counted point, never below zero (扣完为止)."""
    return max(0.0, points - per_point * counted)


def band_score(value: float, bands: Sequence[dict]) -> float | None:
    """Score of the first band containing value; None when no band does (a gap in the rule).

    A band is {min?, max?, min_open?, max_open?, score}; bounds are inclusive unless *_open.
    """
    for band in bands:
        lo, hi = band.get("min"), band.get("max")
        if lo is not None and (value < lo or (band.get("min_open") and value == lo)):
            continue
        if hi is not None and (value > hi or (band.get("max_open") and value == hi)):
            continue
        return float(band["score"])
    return None


def higher_is_better(weight: float, actual: float, target: float) -> float:
    """weight × actual / target, capped at weight (a zero target is met by any non-negative actual)."""
    if target <= 0:
        return weight if actual >= target else 0.0
    return min(weight, max(0.0, weight * actual / target))


def lower_is_better(weight: float, actual: float, target: float) -> float:
    """Full weight when actual ≤ target, else weight × target / actual."""
    if actual <= target:
        return weight
    if actual <= 0:
        return weight
    return max(0.0, weight * target / actual)


def closer_is_better(weight: float, actual: float, target: float) -> float:
    """For '=' targets: weight × min(actual, target) / max(actual, target)."""
    if actual == target:
        return weight
    hi = max(actual, target)
    return 0.0 if hi <= 0 else max(0.0, weight * min(actual, target) / hi)


GRADE_BANDS: tuple[tuple[float, str], ...] = ((90.0, "优"), (80.0, "良"), (60.0, "中"), (float("-inf"), "差"))


def grade_of(total: float) -> str:
    """Grade of a 100-point total by 财预〔2020〕10号: ≥90 优, [80,90) 良, [60,80) 中, <60 差."""
    for floor, grade in GRADE_BANDS:
        if total >= floor - 1e-9:
            return grade
    return "差"
