"""The one rule for numbers: a value is the decimal the document wrote, rounded half up (四舍五入), printed by one text rule.

A stated figure has at most SIGNIFICANT_DIGITS significant digits (params refuse more), so the float YAML or a
workbook holds it as reads back, by its shortest repr, as exactly the decimal typed: `decimal()` is that decimal.
From there a rate is computed in Decimal — sums, differences, ratios and changes of figures (core.measures) — and
rounded half up in Decimal at the framework's precision (`at_precision`), so no binary rounding reaches a band or a
deduction: 949950 ÷ (600000.000001 + 400000) is 94.994999999905 %, banded 94.99, not 95.00. The rate a row is scored
on and the rate it prints are therefore the same number. A float that is the result of float arithmetic elsewhere is
read back once the noise below NOISE_PLACES decimals is removed (0.1 + 0.2 is 0.3).

Everything that rounds or prints a number (formulas, quantities, fmt, checks, outputs) goes through here; the
per-kind text rules (money, rates, points, stated values) are here too, so that core needs nothing above it.
"""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache

from .figures import WAN

NOISE_PLACES = 9  # float arithmetic on stated figures leaves noise below this; no stated figure is finer
SIGNIFICANT_DIGITS = 15  # a double holds any decimal of 15 significant digits exactly (by its shortest repr)
MONEY_PLACES = 2
RATE_PLACES = 2
POINT_PLACES = 2
_PREC = 400  # digits enough for any finite float: quantize never overflows and never goes scientific


def decimal(value: Decimal | float | int) -> Decimal:
    """The value as the decimal the document wrote (a float by its repr, without arithmetic noise)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if not math.isfinite(value):
        return Decimal(repr(value))
    return Decimal(repr(round(float(value), NOISE_PLACES)))


def decimals(value: Decimal | float | int) -> int:
    """How many decimals the value carries as typed (92 → 0, 34.06 → 2, 1e-7 → 7)."""
    d = decimal(value)
    if not d.is_finite():
        return 0
    return max(0, -int(d.normalize().as_tuple().exponent))


def half_up(value: Decimal | float | int, places: int) -> Decimal:
    """The value rounded half up to `places` decimals, as a Decimal (2.675 → 2.68, 94.995 → 95.00)."""
    with localcontext() as ctx:
        ctx.prec = _PREC
        return decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def to_step(value: Decimal, step: Decimal) -> Decimal:
    """value rounded half up to a multiple of step, however many digits that takes (1.9e199 at 0.01)."""
    with localcontext() as ctx:
        ctx.prec = max(60, value.adjusted() - step.adjusted() + 10) if value and step else 60
        return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def round_half_up(value: float, places: int = 2) -> float:
    """The value rounded half up to `places` decimals (四舍五入, never to even); ±inf and NaN pass unchanged."""
    if not math.isfinite(value):
        return value
    return float(half_up(value, places))


def at_precision(value: Decimal | float, places: int | None) -> float:
    """value rounded half up at places, or unchanged when places is None (the 'exact' reading). A Decimal is rounded
    as it is (a rate computed in Decimal); a float as the decimal it reads back as."""
    if places is None:
        return float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return value
    return float(half_up(value, places))


def significant_digits(value: Decimal | float | int) -> int:
    """How many significant digits a value carries as typed (3404.65 → 6, 0.000001 → 1, 1200 → 2)."""
    d = decimal(value)
    return len(d.normalize().as_tuple().digits) if d.is_finite() and d else 0


def pct_exact(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator / denominator × 100 in Decimal (34 digits); the caller guarantees a non-zero denominator."""
    with localcontext() as ctx:
        ctx.prec = 34
        return numerator / denominator * 100


def ratio_pct(numerator: float, denominator: float) -> float:
    """numerator / denominator × 100, divided in Decimal; the caller guarantees a non-zero denominator."""
    a, b = decimal(numerator), decimal(denominator)
    if not (a.is_finite() and b.is_finite()):
        return numerator / denominator * 100.0
    return float(pct_exact(a, b))


def change_pct(new: float, old: float) -> float:
    """(new − old) / old × 100, the 变动率, in Decimal."""
    a, b = decimal(new), decimal(old)
    if not (a.is_finite() and b.is_finite()):
        return (new - old) / old * 100.0
    return float(pct_exact(a - b, b))


# ---------------------------------------------------------------- text

def _is_whole(d: Decimal) -> bool:
    return d == d.to_integral_value()


# The texts are pure functions of a number's value and type (a float and the Decimal it reads as print the same, but
# are kept apart all the same): remembered, since a unit's sensitivity scores it again once per reading option and
# prints the same few hundred numbers into every rule's text each time.
@lru_cache(maxsize=8192, typed=True)
def fixed(value: Decimal | float, places: int, grouping: bool = True) -> str:
    """The value rounded half up to exactly `places` decimals, with thousands separators unless told not to."""
    d = half_up(value, places)
    if d == 0:
        d = abs(d)  # no "-0.00"
    return format(d, ",f" if grouping else "f")


@lru_cache(maxsize=8192, typed=True)
def not_whole(value: Decimal | float, places: int, drop_zeros: bool, grouping: bool = True) -> str:
    """At `places` decimals; but a value that is not whole keeps the decimals it needs not to read as whole
    (合计 100.001 分 is not 100 分; a rate of 94.995 scored exactly is not 95.00 %)."""
    text = fixed(value, places, grouping)
    if not _is_whole(decimal(value)):
        p = places
        while _is_whole(Decimal(text.replace(",", ""))):
            p += 1
            text = fixed(value, p, grouping)
    if drop_zeros and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def plain(value: Decimal | float, places: int = 6) -> str:
    """A number inside a sentence: half up at `places`, trailing zeros dropped, no separators (0.5, 95, 12.3456)."""
    return not_whole(value, places, True, False)


def exact(value: float | int) -> str:
    """A number exactly as the float holds it (its shortest repr), without exponent or separators, for text that a
    machine reads back: 51.0 → 51; 1e-07 → 0.0000001; 1e+20 → 100000000000000000000.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    d = Decimal(repr(float(value))).normalize()
    return "0" if d == 0 else format(d, "f")


def money(value: float, grouping: bool = True) -> str:
    """An amount of 万元 without its unit: 16,640.91; 25.00; a stated 0.125 keeps its third decimal."""
    return fixed(value, max(MONEY_PLACES, decimals(value)), grouping)


def rate(value: float) -> str:
    """A rate without its % sign: 77.04, 34.10, 100; a non-whole rate never reads as whole (99.999)."""
    return fixed(value, 0) if _is_whole(decimal(value)) else not_whole(value, RATE_PLACES, False)


def points(value: float, places: int = POINT_PLACES) -> str:
    """A score: at most `places` decimals, trailing zeros dropped (95.66, 9.5, 8; 100.001 stays)."""
    return not_whole(value, places, True)


def stated(value: float, grouping: bool = True) -> str:
    """A value exactly as the document states it: 11,597; 92.5; 0.0000001 (never rounded)."""
    return fixed(value, decimals(value), grouping)


def with_unit(value: float, unit: str | None) -> str:
    """A value with its unit of measure, by the rule of its kind: 万元 as money, % as a rate, 分 as points,
    anything else (人, 次, 公里 …) as stated."""
    if math.isinf(value):
        return ("∞" if value > 0 else "-∞") + (unit or "")
    if unit == WAN:
        return money(value) + WAN
    if unit == "%":
        return rate(value) + "%"
    if unit == "分":
        return f"{points(value)} 分"
    return stated(value) + (unit or "")


def mean(values: list[float]) -> float:
    """The mean of numbers, correctly rounded: statistics.mean's value (the exact sum over the count, rounded once),
    without importing statistics (fractions and random: ~10 ms of every `perfeval score`)."""
    ratios = [v.as_integer_ratio() for v in values]
    denominator = max(d for _, d in ratios)  # each a power of two, so the largest is a multiple of the others
    return sum(n * (denominator // d) for n, d in ratios) / (denominator * len(values))
