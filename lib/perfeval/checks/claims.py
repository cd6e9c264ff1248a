"""Recomputed against claimed: rates, ratios and section score rates the unit states, at the unit's own precision."""
from __future__ import annotations

import math

from ..core.engine import ScoredUnit, ScoreRow, ScoreSheet
from ..core.figures import label_of, unit_of
from ..core.formulas import agrees_at_precision
from ..core.params import figure_at
from ..core.formulas import round_half_up
from .finding import Evidence, Finding
from .fmt import amount, num, pct, pts, stated_pct
from .statements import find_section, section_rows

KIND = "recomputed_vs_claimed"
RULE = "按单位自身数据重算，并按其陈述的精度比较（陈述 92% 对重算 92.16% 不算不符）"


def _measure_value(sheet: ScoreSheet, measure: str) -> tuple[ScoreRow | None, float | None, str]:
    """The row of a measure id and the rate it computed, unrounded (a statement is judged at its own precision)."""
    ind, _, part = measure.partition(".")
    row = sheet.row(ind)
    if row is None:
        return None, None, measure
    p = next((p for p in row.parts if p.id == part), None) if part else next((p for p in row.parts), None)
    return row, (p.exact_value if p else None), (p.label if p and part else row.name)


def stated_rates(unit: ScoredUnit) -> list[Finding]:
    """A rate of the framework (claims.rates) that the unit's own figures do not give."""
    sheet, params = unit.sheet, unit.params
    out = []
    for rate in params.claims.rates:
        row, computed, label = _measure_value(sheet, rate.measure)
        if computed is None or not math.isfinite(computed) or agrees_at_precision(rate.value, computed, rate.places):
            continue
        inputs = [i for i in (row.inputs if row else ()) if i.value is not None]
        used = "，".join(f"{i.label} {amount(i.value, i.unit)}" for i in inputs)
        out.append(Finding(
            "claimed_rate_mismatch", KIND, "error",
            f"{label}：单位陈述为 {stated_pct(rate.value, rate.places)}（{rate.source or '来源未注明'}），按其数据（{used}）重算为 "
            f"{pct(computed)}，不一致。",
            RULE, (Evidence(f"单位陈述的{label}", rate.value, "%", rate.source),
                   Evidence(f"重算的{label}", round_half_up(computed, 2), "%"))
            + tuple(Evidence(i.label, i.value, i.unit, i.source) for i in inputs), row.id if row else None))
    return out


def stated_ratios(unit: ScoredUnit) -> list[Finding]:
    """A ratio of two figures the unit states (claims.ratios) that the figures do not give; names a restatement that would."""
    params = unit.params
    out = []
    figures = params.figures
    for ratio in params.claims.ratios:
        num_fig, den_fig = figure_at(figures, ratio.numerator), figure_at(figures, ratio.denominator)
        if num_fig is None or den_fig is None or den_fig.value <= 0:
            continue
        computed = num_fig.value / den_fig.value * 100
        if not math.isfinite(computed) or agrees_at_precision(ratio.value, computed, ratio.places):
            continue
        hint = ""
        for st in params.claims.statements:
            if st.figure in (ratio.numerator, ratio.denominator):
                n = st.value if st.figure == ratio.numerator else num_fig.value
                d = st.value if st.figure == ratio.denominator else den_fig.value
                if d > 0 and agrees_at_precision(ratio.value, n / d * 100, ratio.places):
                    hint = (f"若{label_of(st.figure)}取{st.source or '报告另处'}所载的 "
                            f"{amount(st.value, unit_of(st.figure))}，则恰为 {stated_pct(ratio.value, ratio.places)}：该比率依据的是另一数值。")
        nu, du = unit_of(ratio.numerator), unit_of(ratio.denominator)
        out.append(Finding(
            "stated_ratio_mismatch", KIND, "error",
            f"{ratio.label}：单位陈述为 {stated_pct(ratio.value, ratio.places)}（{ratio.source or '来源未注明'}），按 {label_of(ratio.numerator)} "
            f"{amount(num_fig.value, nu)} ÷ {label_of(ratio.denominator)} {amount(den_fig.value, du)} 重算为 "
            f"{pct(computed)}，不一致。{hint}",
            f"{ratio.label} = {label_of(ratio.numerator)} ÷ {label_of(ratio.denominator)} × 100%；{RULE}",
            (Evidence(f"单位陈述的{ratio.label}", ratio.value, "%", ratio.source),
             Evidence(f"重算的{ratio.label}", round_half_up(computed, 2), "%"),
             Evidence(label_of(ratio.numerator), num_fig.value, nu, num_fig.source),
             Evidence(label_of(ratio.denominator), den_fig.value, du, den_fig.source))))
    return out


def section_rates(unit: ScoredUnit) -> list[Finding]:
    """A section's 得分率 the narrative states that its own 得分 ÷ 总分值 does not give (e.g. 8 ÷ 10 stated as 98%)."""
    sheet, params = unit.sheet, unit.params
    out = []
    for claim in params.claims.sections:
        top = find_section(sheet, claim.name)
        weight = claim.weight if claim.weight is not None else (top.weight if top else None)
        if claim.rate is None or claim.score is None or not weight:
            continue
        computed = claim.score / weight * 100
        if agrees_at_precision(claim.rate, computed):
            continue
        same = [r for r in (section_rows(sheet, top) if top else ())
                if r.actual and r.actual.startswith(f"{num(claim.rate)}%")]
        hint = f"所述 {pct(claim.rate)} 恰是“{same[0].name}”的实际完成值，疑将其误作得分率。" if same else ""
        out.append(Finding(
            "section_rate_mismatch", KIND, "error",
            f"“{claim.name}”：报告正文（{claim.source or '来源未注明'}）称总分值 {pts(weight)}、评价得分 {pts(claim.score)}、"
            f"得分率 {pct(claim.rate)}；而 {num(claim.score)} ÷ {num(weight)} = {pct(computed)}，与所述得分率不符。{hint}",
            f"得分率 = 评价得分 ÷ 总分值 × 100%；{RULE}",
            (Evidence(f"{claim.name}·所述得分率", claim.rate, "%", claim.source),
             Evidence(f"{claim.name}·所述评价得分", claim.score, "分", claim.source),
             Evidence(f"{claim.name}·总分值", weight, "分", claim.source if claim.weight is not None
                      else sheet.framework.source),
             Evidence(f"{claim.name}·重算得分率", round_half_up(computed, 2), "%"))))
    return out
