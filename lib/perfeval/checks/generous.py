"""Generous scoring: full marks for an overrun or a shortfall, a qualitative claim above its band; targets set at the result."""
from __future__ import annotations

from typing import NamedTuple

from ..core.engine import ScoredUnit, ScoreRow
from ..core.numbers import decimals, round_half_up
from ..core.framework import Framework
from ..core.params import Row
from ..core.readings import LEVEL_LABEL
from ..core.rows import Comparison, band_range, compared, direction_of, infer_achievement
from .declarations import DECLARED, TARGET_EQUALS_ACTUAL
from .finding import Evidence, Finding
from .fmt import amount, num, pct, pts
from .materiality import at_stake

class Generosity(NamedTuple):
    """Why a claim is generous: a stable check id, the clause that says so, and the most the rule allows."""

    check: str
    why: str
    allowed: float  # the highest score the rule allows, on the row's printed weight


def params_row(unit: ScoredUnit, row: ScoreRow) -> Row | None:
    return next((r for r in unit.params.indicators if (r.id or r.name) == row.id), None)


def default_op(fw: Framework, prow: Row) -> str:
    for _, node in fw.leaves():
        if node.personalised and prow.level2.strip() in node.personalised.level2:
            return node.personalised.default_op
    return ">="


def _full_marks(unit: ScoredUnit, row: ScoreRow) -> Generosity | None:
    """Full marks claimed on a row whose own figures or wording show it fell short."""
    if (row.claimed_score is None or not row.weight or row.score is None or row.status != "scored"
            or row.claimed_score < row.weight - 1e-9 or row.score >= row.effective_weight - 0.005):
        return None
    # the rule on the printed weight: the unrounded part score scaled back (a rounded rescaled score scaled back
    # would be 6.48 × 30/40 = 4.86 where the rule gives 5 × 350/360 = 4.861…, or 2.51 where it gives 2.50)
    raw = row.parts[0].score if len(row.parts) == 1 and row.parts[0].score is not None else row.score
    allowed = min(raw, row.effective_weight) / row.scale
    prow = params_row(unit, row) if row.personalised else None
    if prow is None:
        if row.role == "satisfaction" and row.value is not None and row.value < 100:
            return Generosity("full_marks_below_satisfaction_target", f"满意度只达到目标的 {pct(row.value)}", allowed)
        return None
    pair = compared(prow)
    if isinstance(pair, Comparison):
        op = direction_of(prow, default_op(unit.framework, prow))
        t, a = amount(pair.target, pair.unit), amount(pair.actual, pair.unit)
        if op == "<=" and pair.actual > pair.target:
            over = f"，超出 {pct((pair.actual / pair.target - 1) * 100)}" if pair.target > 0 else ""
            return Generosity("full_marks_for_cost_overrun", f"年度指标 {t}，实际 {a}{over}", allowed)
        if op == ">=" and pair.actual < pair.target:
            check = "full_marks_below_satisfaction_target" if row.role == "satisfaction" else "full_marks_for_shortfall"
            return Generosity(check, f"年度指标 {t}，实际只有 {a}", allowed)
        if op == "=":
            return Generosity("full_marks_off_target", f"年度指标 {t}，实际 {a}，未等于目标", allowed)
    return None


def _above_band(unit: ScoredUnit, row: ScoreRow) -> Generosity | None:
    """A qualitative row's claimed score above the band its achievement level allows (部分达成 claimed at 80%)."""
    prow = params_row(unit, row) if row.personalised else None
    if prow is None or row.claimed_score is None or not row.weight or row.status != "scored" or \
            compared(prow) is not None:
        return None
    level, _ = infer_achievement(prow, unit.sheet.readings.__getitem__)
    if level is None:
        return None
    bands = unit.framework.reading("qualitative_bands").options[unit.sheet.readings["qualitative_bands"]].bands or {}
    low, high = band_range(bands[level], row.weight, unit.framework.score_places)
    if row.claimed_score <= high + 0.005:
        return None
    actual = prow.actual.text if prow.actual and prow.actual.text else LEVEL_LABEL[level]
    band = bands[level]
    shown = f"{num(low)}–{pts(high)}（分值的 {pct(band.min * 100)}–{pct(band.max * 100)}" \
            f"{'，不含上限' if band.max_open else ''}）"
    check = "full_marks_for_partial_achievement" if row.claimed_score >= row.weight - 1e-9 else "claimed_above_band"
    return Generosity(check, f"实际完成值为“{actual}”，只能算{LEVEL_LABEL[level]}，得分区间为 {shown}", high)


def generosity(unit: ScoredUnit, row: ScoreRow) -> Generosity | None:
    """Why a row's claimed score is more than its own figures or wording allow; None when it is not."""
    return _full_marks(unit, row) or _above_band(unit, row)


def full_marks(unit: ScoredUnit) -> list[Finding]:
    """Full marks for a cost overrun, a shortfall or a satisfaction below target; a qualitative claim above its band."""
    out = []
    for row in unit.sheet.rows:
        g = generosity(unit, row)
        if g is None or row.claimed_score is None:  # a row without a claimed score is never generous
            continue
        rule = row.parts[0].rule if row.parts else row.rule
        out.append(DECLARED[g.check](
            {"claimed": Evidence("自评得分", row.claimed_score, "分", row.source),
             "allowed": Evidence("按规则最高得分", round_half_up(g.allowed, 2), "分"),
             "weight": Evidence("分值", row.weight, "分"), "target": Evidence("年度指标值", row.target),
             "actual": Evidence("实际完成值", row.actual)},
            indicator=row.id, row=row.name, level2=row.level2, weight=pts(row.weight), why=g.why,
            full="满分 " if row.claimed_score >= (row.weight or 0) - 1e-9 else "", claimed=pts(row.claimed_score),
            rule=rule, allowed=pts(g.allowed), **at_stake(unit.sheet, (row.claimed_score - g.allowed) * row.scale)))
    return out


def targets_set_at_result(unit: ScoredUnit) -> list[Finding]:
    """A numeric target equal to the actual down to a fraction: a target written after the result is known."""
    params = unit.params
    out = []
    for prow in params.indicators:
        t, a = prow.target, prow.actual
        if not (t and a and t.value is not None and a.value is not None):
            continue
        if t.value != a.value or decimals(t.value) == 0:
            continue
        out.append(TARGET_EQUALS_ACTUAL(
            {"target": Evidence("年度指标值", t.value, t.unit or "", prow.source),
             "actual": Evidence("实际完成值", a.value, a.unit or "", prow.source)},
            indicator=prow.id or prow.name, row=prow.name, value=amount(t.value, t.unit or "")))
    return out
