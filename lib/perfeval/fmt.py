"""How every output prints a number — report, findings, index, CSV, workbook, terminal — one rule per kind.

- Money (万元): thousands separators and two decimals, as the base data tables print it (16,640.91万元,
  25.00万元); a stated amount that carries more decimals keeps them (0.125万元 is not rounded to 0.13).
- Rates (%): two decimals (77.04%, 34.10%); a whole rate without them (100%, 92%), as the documents print rates.
- Points (分): at most two decimals, trailing zeros dropped (95.66, 9.5, 8), as the documents print scores.
  Weights and claimed scores are stated values and print as written (`stated`).
- Stated values (counts, targets, a rate or score the unit wrote): exactly as stated, with thousands
  separators (11,597次; 1,460,000公里; 92.5%), never rounded.
- Never scientific notation, never `:g`, and never a whole number for a value that is not whole: a rate or
  score that would round to one keeps the decimals it needs (合计 100.001 分 is not shown as 100 分).

Numbers are read as the decimal they were typed as (a float's shortest repr), after removing the noise of
float arithmetic at 9 decimals (0.1 + 0.2 is 0.3), and rounded half up (四舍五入), never to even.
"""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

from .core.figures import WAN

DASH = "—"  # what is not stated, or not computable
NOISE_PLACES = 9  # float arithmetic on stated figures leaves noise below this; no stated figure is finer
MONEY_PLACES = 2
RATE_PLACES = 2
POINT_PLACES = 2

# Number formats for the summary workbook: cells keep their full value and show it by these rules.
EXCEL_MONEY = "#,##0.00"
EXCEL_POINTS = "0.00"
EXCEL_RATE = '0.00"%"'
EXCEL_COUNT = "#,##0"


def missing(value: object) -> bool:
    """None or NaN: a figure the documents do not state (or a rate that cannot be computed)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _decimal(value: float) -> Decimal:
    """The value as the decimal it was typed as, without the noise of float arithmetic."""
    return Decimal(repr(round(float(value), NOISE_PLACES)))


def decimals(value: float) -> int:
    """How many decimals the value carries as typed (92 → 0, 34.06 → 2, 1e-7 → 7)."""
    exponent = _decimal(value).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def _is_whole(d: Decimal) -> bool:
    return d == d.to_integral_value()


def fixed(value: float, places: int, grouping: bool = True) -> str:
    """The value rounded half up to exactly `places` decimals, with thousands separators unless told not to."""
    with localcontext() as ctx:
        ctx.prec = 400  # enough digits for any finite float: quantize never overflows, never goes scientific
        d = _decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if d == 0:
        d = abs(d)  # no "-0.00"
    return format(d, ",f" if grouping else "f")


def _not_whole(value: float, places: int, drop_zeros: bool, grouping: bool) -> str:
    """At `places` decimals; but a value that is not whole keeps the decimals it needs not to read as whole."""
    text = fixed(value, places, grouping)
    if not _is_whole(_decimal(value)):
        p = places
        while _is_whole(Decimal(text.replace(",", ""))):
            p += 1
            text = fixed(value, p, grouping)
    if drop_zeros and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _guarded(value: object, render) -> str:  # noqa: ANN001 - a function of a float
    if missing(value):
        return DASH
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return render(float(value))  # type: ignore[arg-type]


def money(value: float | None, grouping: bool = True) -> str:
    """An amount of 万元 without its unit (for a column headed 万元): 16,640.91; 25.00; 0.125."""
    return _guarded(value, lambda v: fixed(v, max(MONEY_PLACES, decimals(v)), grouping))


def wan(value: float | None) -> str:
    """An amount with its unit: 16,640.91万元."""
    return DASH if missing(value) else money(value) + WAN


def rate(value: float | None) -> str:
    """A rate without its % sign: 77.04, 34.10, 100; a non-whole rate never reads as whole (99.999)."""
    def render(v: float) -> str:
        return fixed(v, 0) if _is_whole(_decimal(v)) else _not_whole(v, RATE_PLACES, False, True)
    return _guarded(value, render)


def pct(value: float | None) -> str:
    """A rate with its sign: 77.04%."""
    return DASH if missing(value) else rate(value) + "%"


def figure(value: float | None, places: int = POINT_PLACES) -> str:
    """At most `places` decimals, trailing zeros dropped (95.66, 9.5, 8); a non-whole value never reads whole."""
    return _guarded(value, lambda v: _not_whole(v, places, True, True))


def points(value: float | None) -> str:
    """A computed score: at most two decimals, trailing zeros dropped (95.66, 9.5, 8; 100.001 stays)."""
    return figure(value, POINT_PLACES)


def points_text(value: float | None) -> str:
    """A score with its unit, as sentences write it: '6.4 分'."""
    return DASH if missing(value) else f"{points(value)} 分"


def stated(value: float | None, grouping: bool = True) -> str:
    """A value exactly as the document states it: 11,597; 92.5; 0.0000001 (never rounded, never 1e-07)."""
    return _guarded(value, lambda v: fixed(v, decimals(v), grouping))


def exact(value: float) -> str:
    """A number exactly as the float holds it (its shortest repr), without exponent or separators, for text that a
    machine reads back, such as a workbook cell: 51.0 → 51; 1e-07 → 0.0000001; 1e+20 → 100000000000000000000.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    d = Decimal(repr(float(value))).normalize()
    return "0" if d == 0 else format(d, "f")


def quantity(value: float | str | None, unit: str | None = "") -> str:
    """A value with its unit of measure, by the rule of its kind: 万元 as money, % as a rate, 分 as points,
    anything else (人, 次, 公里 …) as stated. Text (a qualitative target) is returned as it is.
    """
    if isinstance(value, str):
        return value + (unit or "")
    if missing(value):
        return DASH
    if unit == WAN:
        return wan(value)
    if unit == "%":
        return pct(value)
    if unit == "分":
        return points_text(value)
    return stated(value) + (unit or "")
