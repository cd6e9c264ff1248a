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

Numbers are read, rounded and written by perfeval.core.numbers (the decimal they were typed as, half up, one text
rule), the same rule the engine scores by; this module adds what outputs need beside it: a dash for what is not
stated, ∞, and the workbook's number formats.
"""
from __future__ import annotations

import math
from typing import Callable

from .core import numbers
from .core.figures import WAN
from .core.numbers import exact, fixed

__all__ = ["DASH", "missing", "fixed", "exact", "money", "wan", "rate", "pct", "figure", "points", "points_text",
           "stated", "quantity", "EXCEL_MONEY", "EXCEL_POINTS", "EXCEL_SCORE", "EXCEL_RATE", "EXCEL_COUNT"]

DASH = "—"  # what is not stated, or not computable

# Number formats for the summary workbook: cells keep their full value and show it by these rules.
EXCEL_MONEY = "#,##0.00"
EXCEL_POINTS = "0.00"
# Scores as the reports print them (20, 96, 96.96): Excel's General, safe only because a score is written rounded to
# two decimals and below 1,000, which General shows exactly (never 1.46E+06, never cut to 16640.9)
EXCEL_SCORE = "General"
EXCEL_RATE = '0.00"%"'
EXCEL_COUNT = "#,##0"


def missing(value: object) -> bool:
    """None or NaN: a figure the documents do not state (or a rate that cannot be computed)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _guarded(value: object, render: Callable[[float], str]) -> str:
    if missing(value):
        return DASH
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return render(float(value))  # type: ignore[arg-type]  # missing() ruled out None; the rest are numbers


def money(value: float | None, grouping: bool = True) -> str:
    """An amount of 万元 without its unit (for a column headed 万元): 16,640.91; 25.00; 0.125."""
    return _guarded(value, lambda v: numbers.money(v, grouping))


def wan(value: float | None) -> str:
    """An amount with its unit: 16,640.91万元."""
    return DASH if missing(value) else money(value) + WAN


def rate(value: float | None) -> str:
    """A rate without its % sign: 77.04, 34.10, 100; a non-whole rate never reads as whole (99.999)."""
    return _guarded(value, numbers.rate)


def pct(value: float | None) -> str:
    """A rate with its sign: 77.04%."""
    return DASH if missing(value) else rate(value) + "%"


def figure(value: float | None, places: int = numbers.POINT_PLACES) -> str:
    """At most `places` decimals, trailing zeros dropped (95.66, 9.5, 8); a non-whole value never reads whole."""
    return _guarded(value, lambda v: numbers.points(v, places))


def points(value: float | None) -> str:
    """A computed score: at most two decimals, trailing zeros dropped (95.66, 9.5, 8; 100.001 stays)."""
    return figure(value, numbers.POINT_PLACES)


def points_text(value: float | None) -> str:
    """A score with its unit, as sentences write it: '6.4 分'."""
    return DASH if missing(value) else f"{points(value)} 分"


def stated(value: float | None, grouping: bool = True) -> str:
    """A value exactly as the document states it: 11,597; 92.5; 0.0000001 (never rounded, never 1e-07)."""
    return _guarded(value, lambda v: numbers.stated(v, grouping))


def quantity(value: float | str | None, unit: str | None = "") -> str:
    """A value with its unit of measure, by the rule of its kind: 万元 as money, % as a rate, 分 as points,
    anything else (人, 次, 公里 …) as stated. Text (a qualitative target) is returned as it is.
    """
    if isinstance(value, str):
        return value + (unit or "")
    if missing(value):
        return DASH
    # missing() ruled out None; text returned above
    return numbers.with_unit(float(value), unit)  # type: ignore[arg-type]
