"""The unit against its own previous year: every base-data line with both years stated, large swings flagged."""
from __future__ import annotations

from typing import NamedTuple

from ..core.engine import ScoredUnit
from ..core.figures import LINES
from ..core.params import Figure, UnitParams
from ..core.numbers import round_half_up
from .declarations import LARGE_CHANGE_ON_LAST_YEAR
from .finding import Evidence, Finding
from .fmt import money, pct, sourced

LARGE_SWING = 30.0  # % of the previous year: a change a reviewer should ask about
SMALL_AMOUNT = 1.0  # 万元: below this, a large share is still a small sum


class Change(NamedTuple):
    """One line's 决算 (or 预算) against the previous year's."""

    line: str
    label: str
    column: str  # 决算 or 预算
    now: Figure
    before: Figure

    @property
    def paths(self) -> set[str]:
        now, before = ("final", "prev_final") if self.column == "决算" else ("budget", "prev_budget")
        return {f"lines.{self.line}.{now}", f"lines.{self.line}.{before}"}

    @property
    def rate(self) -> float:
        return (self.now.value - self.before.value) / self.before.value * 100


def line_changes(params: UnitParams) -> list[Change]:
    """Every line with a figure and its previous year's in the same column (决算 with 决算, 预算 with 预算)."""
    out = []
    for key, written in params.figures.lines.items():
        line = written.in_wan()
        for column, now, before in (("决算", line.final, line.prev_final), ("预算", line.budget, line.prev_budget)):
            if now is not None and before is not None and before.value > 0:
                out.append(Change(key, LINES[key].label, column, now, before))
    return out


def large_swings(unit: ScoredUnit) -> list[Finding]:
    """Lines that grew or fell by LARGE_SWING % or more on the previous year (and by more than a trifling sum).

    A change the framework scores itself (三公经费变动率) is left to its indicator's row.
    """
    scored = [{i.path for i in r.inputs} for r in unit.sheet.rows]
    out = []
    for c in line_changes(unit.params):
        if abs(c.rate) < LARGE_SWING or abs(c.now.value - c.before.value) < SMALL_AMOUNT:
            continue
        if any(c.paths <= inputs for inputs in scored):
            continue
        out.append(LARGE_CHANGE_ON_LAST_YEAR(
            {"now": Evidence(f"{c.label}·本年{c.column}数", c.now.value, "万元", c.now.source),
             "before": Evidence(f"{c.label}·上年{c.column}数", c.before.value, "万元", c.before.source),
             "change": Evidence("变动率", round_half_up(c.rate, 2), "%")},
            label=c.label, column=c.column, now=money(c.now.value), now_source=sourced(c.now),
            before=money(c.before.value), before_source=sourced(c.before), way="增长" if c.rate > 0 else "下降",
            rate=pct(abs(c.rate)), threshold=pct(LARGE_SWING)))
    return out
