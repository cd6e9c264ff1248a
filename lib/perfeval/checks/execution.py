"""Budget execution a reviewer asks about beside the score: payments behind 序时进度, and carry-over (结转结余率,
结转结余变动率), each where the report states the figures."""
from __future__ import annotations

from ..core.records import Record

from ..core.engine import ScoredUnit
from ..core.framework import Framework
from ..core.measures import FigureRef
from ..core.numbers import at_precision, change_pct, ratio_pct, round_half_up
from ..core.params import figure_at
from ..core.rules import DeductPerPoint
from .declarations import CARRYOVER, PAYMENT_BEHIND_SCHEDULE
from .finding import Evidence, Finding
from .fmt import money, pct, sourced
from .materiality import at_stake

ELAPSED = {"progress.q1": 25.0, "progress.q2": 50.0, "progress.q3": 75.0}  # share of the year gone at quarter end


def _rules(node: object) -> list[DeductPerPoint]:
    if isinstance(node, DeductPerPoint):
        return [node]
    if isinstance(node, Record):
        return [r for v in vars(node).values() for r in _rules(v)]
    if isinstance(node, (list, tuple, dict)):
        return [r for v in (node.values() if isinstance(node, dict) else node) for r in _rules(v)]
    return []


def checkpoints(fw: Framework) -> tuple[dict[str, float], str]:
    """The quarter-end payment checkpoints the framework scores (A: 20/50/80 %), else the time elapsed (25/50/75 %)."""
    for _, node in fw.leaves():
        for rule in _rules(node.rule):
            marks = {c.measure.path: c.limit for c in rule.checkpoints or () if isinstance(c.measure, FigureRef)}
            if marks and set(marks) <= set(ELAPSED):
                return marks, f"各季度末支付进度不低于评价框架所列序时进度（{'、'.join(pct(v) for v in marks.values())}）"
    return ELAPSED, "各季度末支付进度不低于时间序时进度（25%、50%、75%）"


def _points_lost(unit: ScoredUnit, paths: set[str]) -> float:
    """Points of the total the framework's own scoring of these figures took away (0 where it does not score them)."""
    sheet, lost = unit.sheet, 0.0
    for row in sheet.rows:
        for p in row.parts:
            if p.score is not None and paths & {i.path for i in p.inputs}:
                lost += (p.points - p.score) * sheet.criteria_scale(row)
    return lost


def payment_progress(unit: ScoredUnit) -> list[Finding]:
    """Quarter-end payments behind their checkpoints, where the report states them, judged at the framework's rate
    precision as its score judges them (79.995 % is 80.00 %, on schedule)."""
    marks, rule = checkpoints(unit.framework)
    places = unit.sheet.rate_places()
    stated = [(path, limit, figure_at(unit.params.figures, path)) for path, limit in marks.items()]
    behind = [(path, limit, fig) for path, limit, fig in stated
              if fig is not None and at_precision(fig.exact_in("%"), places) < limit]
    if not behind:
        return []
    quarter = {"progress.q1": "一季度末", "progress.q2": "二季度末", "progress.q3": "三季度末"}
    return [PAYMENT_BEHIND_SCHEDULE(
        {"progress": [Evidence(f"{quarter[p]}支付进度", f.value, "%", f.source) for p, _, f in behind]},
        figures=[p for p, _, _ in behind], rule=rule,
        behind="；".join(f"{quarter[p]} {pct(f.value)}{sourced(f)}，应达 {pct(limit)}，落后 {pct(limit - f.value)}"
                        for p, limit, f in behind),
        **at_stake(unit.sheet, _points_lost(unit, {p for p, _, _ in behind})),
        share=max(limit - f.value for _, limit, f in behind))]


def carryover(unit: ScoredUnit) -> list[Finding]:
    """结转结余率 (carry-over of the year's budget) and, with last year's, 结转结余变动率."""
    figures = unit.params.figures
    carry = figure_at(figures, "budget.carryover")
    base = figure_at(figures, "budget.adjusted")
    base_label = "全年预算数（调整后）"
    if base is None:
        base, base_label = figure_at(figures, "budget.start_of_year"), "年初预算数"
    if carry is None or base is None or base.value <= 0:
        return []
    rate = ratio_pct(carry.value, base.value)
    prev = figure_at(figures, "budget.prev_carryover")
    change = ""
    ev = {"carryover": Evidence("结转结余", carry.value, "万元", carry.source),
          "base": Evidence(base_label, base.value, "万元", base.source),
          "rate": Evidence("结转结余率", round_half_up(rate, 2), "%")}
    if prev is not None and prev.value == 0:
        change = f"；上年无结转结余{sourced(prev)}，本年新增结转结余"
    elif prev is not None and prev.value > 0:
        moved = change_pct(carry.value, prev.value)
        change = (f"；上年结转结余 {money(prev.value)}{sourced(prev)}，结转结余变动率 {pct(moved)}"
                  f"（{'增加' if moved > 0 else '减少'}）")
        ev["previous"] = Evidence("上年结转结余", prev.value, "万元", prev.source)
    return [CARRYOVER(ev, figures=["budget.carryover"], carryover=money(carry.value), source=sourced(carry),
                      base_label=base_label, base=money(base.value), rate=pct(rate), change=change, share=rate)]
