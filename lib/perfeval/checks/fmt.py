"""How figures read in a finding: money in 万元, rates in %, points in 分, each with its source.

The numbers themselves are printed by perfeval.fmt, the one set of rules every output shares.
"""
from __future__ import annotations

from .. import fmt
from ..core.figures import COLUMNS, label_of, unit_of
from ..core.params import Figure, Value
from ..core.quantity import QUALIFIER_WORD, Qualifier
from .finding import Evidence

TOLERANCE = 0.005  # half a cent of 万元: figures are stated to two decimals
NOISE = 1e-7  # float arithmetic on figures of at most six decimals: below half the finest step one prints


def num(value: float, places: int = 2) -> str:
    """A number as a report prints it: at most `places` decimals (12,819.6; 25), never scientific."""
    return fmt.figure(value, places)


def money(value: float) -> str:
    """An amount in 万元 at two decimals with thousands separators (12,819.60万元, 25.00万元)."""
    return fmt.wan(value)


def pct(value: float) -> str:
    """A rate to two decimals as tables print it (34.10%, 77.04%), whole rates without them (100%)."""
    return fmt.pct(value)


def stated_pct(value: float, places: int | None) -> str:
    """A rate as the unit wrote it: 77.00% stays 77.00%, 92% stays 92%."""
    if places is None:
        return pct(value)
    return f"{fmt.fixed(value, places)}%"


def written(v: Value) -> str:
    """A figure as the document wrote it: its own phrase when kept (2.6万余次), else its value at the decimals
    written with its qualifier and unit (2500余次)."""
    if v.text:
        return v.text
    shown = money(v.value)[:-2] if v.unit == "万元" else (fmt.fixed(v.value, v.places) if v.places is not None
                                                        else num(v.value, 6))
    word = QUALIFIER_WORD[v.qualifier]
    if v.qualifier in (Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.OVER):
        return f"{shown}{word}{v.unit}" if v.qualifier is Qualifier.OVER else f"{shown}{v.unit}{word}"
    return f"{word}{shown}{v.unit}"


def stated_as(value: float, places: int | None, qualifier: Qualifier, unit: str) -> str:
    """A stated value as written (a rate “50%以上”, a count “300多次”)."""
    return written(Value("", "", value, unit, qualifier, places, None, "self_reported"))


def pts(value: float | None) -> str:
    """Points with their unit ('6.4 分'); a dash for none."""
    return fmt.points_text(value)


def amount(value: float | None, unit: str) -> str:
    """A value with its unit, money formatted as money; a dash for none."""
    return fmt.quantity(value, unit)


def column_of(path: str) -> str | None:
    parts = path.split(".")
    return COLUMNS.get(parts[2]) if parts[0] == "lines" and len(parts) == 3 else None


def sourced(fig: Figure) -> str:
    """'（附件1-2 …）' after a figure, or nothing when no source was recorded."""
    return f"（{fig.source}）" if fig.source else ""


def sourced_value(v: Value) -> str:
    return f"（{v.source}）" if v.source else ""


def value_evidence(v: Value, label: str | None = None) -> Evidence:
    return Evidence(label or v.label, v.value, v.unit, v.source)


def evidence(path: str, fig: Figure, label: str | None = None) -> Evidence:
    return Evidence(label or label_of(path), fig.value, unit_of(path), fig.source)
