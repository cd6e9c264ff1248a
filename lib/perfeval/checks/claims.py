"""Recomputed against claimed: rates, ratios and section score rates the unit states, at the unit's own precision."""
from __future__ import annotations

import math
from decimal import Decimal
from typing import NamedTuple, TypeVar

from ..core.engine import ScoredUnit, ScoreRow, ScoreSheet
from ..core.params import Stated, StatedRatio, Value, restated, value_of
from ..core.quantity import Interval, convert
from ..core.numbers import round_half_up
from .declarations import CLAIMED_RATE_MISMATCH, SECTION_RATE_MISMATCH, STATED_RATIO_MISMATCH
from .finding import Evidence, Finding
from .fmt import amount, num, pct, pts, stated_as, stated_pct, value_evidence, written
from .materiality import at_stake
from .statements import find_section, section_rows

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
        if computed is None or not math.isfinite(computed) or rate.holds_for(computed):
            continue
        inputs = [i for i in (row.inputs if row else ()) if i.value is not None]
        used = "，".join(f"{i.label} {amount(i.value, i.unit)}" for i in inputs)
        moved = sheet.rate_effect(row.id, rate.measure.partition(".")[2], rate.value, computed) if row else 0.0
        out.append(CLAIMED_RATE_MISMATCH(
            {"stated": Evidence(f"单位陈述的{label}", rate.value, "%", rate.source),
             "recomputed": Evidence(f"重算的{label}", round_half_up(computed, 2), "%"),
             "input": [Evidence(i.label, i.value, i.unit, i.source) for i in inputs]},
            indicator=row.id if row else None, figures=[i.path for i in inputs], label=label,
            stated=stated_pct(rate.value, rate.places), source=rate.source or "来源未注明", used=used,
            computed=pct(computed), **at_stake(sheet, moved), share=abs(rate.value - computed)))
    return out


KIND_FORMULA = {"share": "{a} ÷ {b} × 100%", "change": "（{a} − {b}）÷ {b} × 100%", "ratio": "{a} ÷ {b}",
                "increase_by": "{b} ÷（{a} − {b}）× 100%", "decrease_by": "−{b} ÷（{a} + {b}）× 100%",
                "points": "{a} − {b}"}


Num = TypeVar("Num", float, Decimal)  # the checks compute in floats, the draft's review in Decimals


def relation(kind: str, a: Num, b: Num) -> Num:
    """The value a stated relation of two figures has: a share or change in %, a change from the new value a and
    the amount b it rose (increase_by) or fell (decrease_by) by, or a plain ratio."""
    if kind == "share":
        return a / b * 100
    if kind == "change":
        return (a - b) / b * 100
    if kind == "increase_by":
        return b / (a - b) * 100 if a != b else type(a)("inf")  # risen by all it is: from nothing
    if kind == "decrease_by":
        return -b / (a + b) * 100
    if kind == "points":
        return a - b
    return a / b


def _span(kind: str, a: Value, b: Value) -> tuple[float, float] | None:
    """The values the relation can take within what its figures' words allow (2500余次 ÷ …) and, for a change from its
    amount, whose base is the difference of two printed figures, within their printed places too (增加20.63万元 on
    22.59万元 is 20.625–20.635 over a base of 1.955–1.965: 1,049.7 %–1,055.5 %, so a stated 1,055.4% holds)."""
    def ends(v: Value) -> tuple[float, float]:
        if not v.qualified:
            half = float(v.quantity().rounding) if kind in _FROM_AN_AMOUNT else 0.0
            return v.value - half, v.value + half
        iv = v.quantity().interval()
        low = float(iv.low) if iv.low is not None else 0.0
        return low, float(iv.high) if iv.high is not None else float("inf")

    (a0, a1), (b0, b1) = ends(a), ends(b)
    if kind != "ratio":
        b0, b1 = convert(b0, b.unit, a.unit), convert(b1, b.unit, a.unit)
    if b0 <= 0 and kind != "points" or kind == "increase_by" and a0 <= b1:
        return None  # the denominator may be 0: the relation can be anything
    values = [relation(kind, x, y) for x in (a0, a1) for y in (b0, b1) if math.isfinite(x) and math.isfinite(y)]
    return (min(values), max(values)) if values else None


_FROM_AN_AMOUNT = ("increase_by", "decrease_by")


def _ratio_holds(r: StatedRatio, a: Value, b: Value) -> tuple[bool, float]:
    computed = relation(r.kind, a.value, convert(b.value, b.unit, a.unit) if r.kind != "ratio" else b.value)
    if r.holds_for(computed):
        return True, computed
    span = _span(r.kind, a, b)
    if span is None:
        return True, computed
    within = Interval(Decimal(repr(span[0])), Decimal(repr(span[1])), True, True)
    return r.quantity().interval().overlaps(within), computed


def _misstated_share(kind: str, stated: float, computed: float) -> float:
    """What a misstated relation gets wrong, in % of its base: percentage points for a share or change (of the
    denominator), the relative gap for a plain ratio. A ratio no score uses moves no points; this is its stake."""
    if kind != "ratio":
        return abs(stated - computed)
    return abs(stated - computed) / abs(computed) * 100 if computed else 100.0


def stated_ratios(unit: ScoredUnit) -> list[Finding]:
    """A relation of two figures the unit states (claims.ratios: share, change, ratio; catalogue or stated figures)
    that the figures do not give at the stated precision and qualifier; names a restatement that would give it."""
    params = unit.params
    out = []
    for r in params.claims.ratios:
        a, b = value_of(params, r.numerator), value_of(params, r.denominator)
        if a is None or b is None or b.value <= 0 and r.kind != "points":
            continue
        holds, computed = _ratio_holds(r, a, b)
        if holds or not math.isfinite(computed):
            continue
        hint = ""
        for st in params.claims.statements:
            if st.figure in (r.numerator, r.denominator):
                other = restated(st, st.figure, "", a.unit if st.figure == r.numerator else b.unit, st.unit)
                aa, bb = (other, b) if st.figure == r.numerator else (a, other)
                if bb.value > 0 and _ratio_holds(r, aa, bb)[0]:
                    label = a.label if st.figure == r.numerator else b.label
                    hint = (f"若{label}取{st.source or '报告另处'}所载的 {written(other)}，则与所述相符："
                            "该比率依据的是另一数值。")
        unit_ = "个百分点" if r.kind == "points" else "%" if r.kind != "ratio" else ""
        said = stated_as(r.value, r.places, r.qualifier, unit_)
        formula = KIND_FORMULA[r.kind].format(a=a.label, b=b.label)
        shown = f"{num(computed)}个百分点" if r.kind == "points" else pct(computed) if unit_ else num(computed, 4)
        out.append(STATED_RATIO_MISMATCH(
            {"stated": Evidence(f"单位陈述的{r.label}", r.value, unit_, r.source),
             "recomputed": Evidence(f"重算的{r.label}", round_half_up(computed, 2 if unit_ else 4), unit_),
             "numerator": value_evidence(a), "denominator": value_evidence(b)},
            figures=(r.numerator, r.denominator), label=r.label, stated=said, source=r.source or "来源未注明",
            a=f"{a.label} {written(a)}", b=f"{b.label} {written(b)}", formula=formula, computed=shown, hint=hint,
            **at_stake(unit.sheet, 0.0), share=_misstated_share(r.kind, r.value, computed)))
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
        if Stated(value=claim.rate).holds_for(computed):
            continue
        same = [r for r in (section_rows(sheet, top) if top else ())
                if r.actual and r.actual.startswith(f"{num(claim.rate)}%")]
        hint = f"所述 {pct(claim.rate)} 恰是“{same[0].name}”的实际完成值，疑将其误作得分率。" if same else ""
        out.append(SECTION_RATE_MISMATCH(
            {"stated": Evidence(f"{claim.name}·所述得分率", claim.rate, "%", claim.source),
             "score": Evidence(f"{claim.name}·所述评价得分", claim.score, "分", claim.source),
             "weight": Evidence(f"{claim.name}·总分值", weight, "分", claim.source if claim.weight is not None
                                else sheet.framework.source),
             "recomputed": Evidence(f"{claim.name}·重算得分率", round_half_up(computed, 2), "%")},
            section=claim.name, source=claim.source or "来源未注明", weight=pts(weight), score=pts(claim.score),
            rate=pct(claim.rate), score_num=num(claim.score), weight_num=num(weight), computed=pct(computed), hint=hint,
            # the points the stated rate claims beside the score stated with it
            **at_stake(sheet, abs(claim.rate * weight / 100 - claim.score)), share=abs(claim.rate - computed)))
    return out


class RateComparison(NamedTuple):
    """A rate the unit states beside the same rate recomputed from its figures, judged as the checks judge it."""

    label: str
    stated: float
    stated_text: str  # as written: its decimals and qualifier (92%, 50%以上)
    recomputed: float | None  # unrounded; None when its figures are not all stated
    holds: bool
    source: str | None


def comparisons(unit: ScoredUnit) -> list[RateComparison]:
    """Every stated rate — of the framework (claims.rates), of two figures (claims.ratios), a section's 得分率 — with
    its recomputed value and whether it holds at the stated precision: what a chart of stated rates shows."""
    sheet, params = unit.sheet, unit.params
    out = []
    for rate in params.claims.rates:
        _, computed, label = _measure_value(sheet, rate.measure)
        ok = computed is None or not math.isfinite(computed) or rate.holds_for(computed)
        out.append(RateComparison(label, rate.value, stated_pct(rate.value, rate.places),
                                  computed if computed is not None and math.isfinite(computed) else None, ok,
                                  rate.source))
    for r in params.claims.ratios:
        a, b = value_of(params, r.numerator), value_of(params, r.denominator)
        unit_ = "个百分点" if r.kind == "points" else "%" if r.kind != "ratio" else ""
        said = stated_as(r.value, r.places, r.qualifier, unit_)
        if a is None or b is None or b.value <= 0 or not unit_:
            out.append(RateComparison(r.label, r.value, said, None, True, r.source))
            continue
        ok, computed = _ratio_holds(r, a, b)
        out.append(RateComparison(r.label, r.value, said, computed if math.isfinite(computed) else None,
                                  ok or not math.isfinite(computed), r.source))
    for claim in params.claims.sections:
        top = find_section(sheet, claim.name)
        weight = claim.weight if claim.weight is not None else (top.weight if top else None)
        if claim.rate is None:
            continue
        computed = claim.score / weight * 100 if claim.score is not None and weight else None
        out.append(RateComparison(f"{claim.name}得分率", claim.rate, stated_pct(claim.rate, None), computed,
                                  computed is None or Stated(value=claim.rate).holds_for(computed), claim.source))
    return out
