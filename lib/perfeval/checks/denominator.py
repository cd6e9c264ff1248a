"""The budget denominator: execution against the start-of-year budget vs the adjusted one, both shown, and which the rule uses."""
from __future__ import annotations

import math

from ..core.engine import ScoredUnit, ScoreRow
from ..core.numbers import round_half_up
from ..core.measures import Denominator
from ..core.rules import PartResult
from .declarations import BUDGET_DENOMINATOR, BUDGET_SCOPE_DIFFERS
from .finding import Evidence, Finding
from .fmt import amount, pct, pts

Known = tuple[str, float, str]  # a denominator whose value is stated: (label, value, unit)


def _known(d: Denominator | None) -> Known | None:
    return None if d is None or d[1] is None else (d[0], d[1], d[2])


def _on_denominators(unit: ScoredUnit, row: ScoreRow, part: PartResult) -> Finding | None:
    """The finding for a rate the framework keeps on other denominators, when they give different rates."""
    used_den = _known(part.denominator)
    if part.exact_value is None or used_den is None:
        return None
    others = [(a, v, den) for a in part.alternatives
              if (v := a.value) is not None and math.isfinite(v) and (den := _known(a.denominator)) is not None]
    if not others:
        return None
    rates: list[tuple[float, Known, bool]] = [(part.exact_value, used_den, True)]
    rates += [(v, den, False) for _, v, den in others]
    values = [v for v, _, _ in rates]
    if max(values) - min(values) < 0.005:
        return None  # every denominator gives the same rate: nothing to choose between
    # each rate as a row prints and scores it (half up at 2 places: 94.995 % is 95 %), never one the row does not show
    shown = "；".join(f"以{d[0]} {amount(d[1], d[2])} 为分母，{part.label}为 {pct(round_half_up(v, 2))}"
                     + ("（评分规则采用）" if used else "")
                      for v, d, used in rates)
    dens = [d[1] for _, d, _ in rates]
    low, high, unit_ = min(dens), max(dens), used_den[2]
    notes = []
    if low > 0 and high / low >= 1.1:
        notes.append(f"两个分母相差 {amount(high - low, unit_)}，较大者为较小者的 {pct(high / low * 100)}，年中预算调整幅度大")
    numerator = part.inputs[0] if part.inputs else None
    for _, d, _ in rates:
        if numerator is not None and numerator.value is not None and abs(d[1] - numerator.value) < 0.005:
            notes.append(f"{d[0]}恰等于{numerator.label} {amount(numerator.value, unit_)}，以它为分母{part.label}必为 100%")
    changed = False
    readings = [(a, reading) for a, _, _ in others if (reading := a.reading)]
    if readings:
        interp = unit.framework.reading(readings[0][1])
        chosen = unit.sheet.readings[readings[0][1]]
        notes.append(f"评价框架未作规定（{interp.question}），本报告采用“{interp.text(chosen)}”")
        for alt, reading in readings:
            other = unit.rescored(readings={reading: alt.name})
            before = row.score
            after = r.score if other and (r := other.row(row.id)) else None
            if before is not None and after is not None and abs(before - after) >= 0.005:
                changed = True
                notes.append(f"改用“{alt.label}”，“{row.name}”得分由 {pts(before)}变为 {pts(after)}")
    else:
        notes.append(f"评分规则以{used_den[0]}为分母")
    return BUDGET_DENOMINATOR(
        {"rate": [Evidence(f"{part.label}（以{d[0]}为分母）", round_half_up(v, 2), "%") for v, d, _ in rates],
         "denominator": [Evidence(d[0], d[1], d[2]) for _, d, _ in rates],
         "input": [Evidence(i.label, i.value, i.unit, i.source) for i in part.inputs if i.value is not None]},
        indicator=row.id, row=row.name, shown=shown, notes="；".join(notes), changed=changed,
        spread=max(values) - min(values))


def budget_denominator(unit: ScoredUnit) -> list[Finding]:
    """Every rule-scored rate the framework keeps alternatives for (another denominator): every rate, and which is used."""
    return [f for row in unit.sheet.rows if not row.personalised for p in row.parts
            if p.alternatives and (f := _on_denominators(unit, row, p)) is not None]


def budget_scope(unit: ScoredUnit) -> list[Finding]:
    """Budget figures the unit states on another scope than the framework defines its rates on (项目支出 only, where
    预算执行率 is defined on the whole 部门（单位） budget): the rows scored on them, said as such."""
    stated, defined = unit.params.figures.budget_scope, unit.framework.budget_scope
    if stated is None or defined is None or defined.covers(stated):
        return []
    rows = [r for r in unit.sheet.rows if any(i.path.startswith("budget.") for i in r.inputs) and r.score is not None]
    if not rows:
        return []
    inputs = {i.path: i for r in rows for i in r.inputs if i.path.startswith("budget.") and i.value is not None}
    return [BUDGET_SCOPE_DIFFERS(
        {"input": [Evidence(i.label, i.value, i.unit, i.source) for i in inputs.values()]},
        indicator=rows[0].id, figures=sorted(inputs), rows="、".join(f"“{r.name}”" for r in rows),
        unit_scope=stated, framework_scope=defined.label)]
