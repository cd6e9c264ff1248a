"""Recomputed against claimed: rates the unit states, its per-indicator scores, its total and grade."""
from __future__ import annotations

from ..engine import ScoreRow, ScoreSheet
from ..formulas import agrees_at_precision, decimals_of, grade_of, round_half_up
from .finding import Evidence, Finding


def _measure_value(sheet: ScoreSheet, measure: str) -> tuple[ScoreRow | None, float | None, str]:
    ind, _, part = measure.partition(".")
    row = next((r for r in sheet.rows if r.id == ind), None)
    if row is None:
        return None, None, measure
    if not part:
        return row, row.value, row.name
    p = next((p for p in row.parts if p.id == part), None)
    return row, (p.value if p else None), (p.label if p else measure)


def stated_rates(sheet: ScoreSheet) -> list[Finding]:
    """A rate the unit states that its own figures do not give, compared at the unit's own precision."""
    out = []
    for rate in sheet.params.claims.rates:
        row, computed, label = _measure_value(sheet, rate.measure)
        if computed is None:
            continue
        places = decimals_of(rate.value)
        shown = round_half_up(computed, max(places, 2))
        evidence = (Evidence(f"单位陈述的{label}", rate.value, "%", rate.source),
                    Evidence(f"按单位数据重算的{label}", shown, "%", "；".join(
                        f"{i.label} {i.value:g}{i.unit}" for i in (row.inputs if row else ()) if i.value is not None)))
        if agrees_at_precision(rate.value, computed):
            out.append(Finding("claimed_rate_agrees", "recomputed_vs_claimed", "info",
                               f"{label}：单位陈述 {rate.value:g}%，按其数据重算为 {shown:g}%，在单位所用精度内一致。",
                               "按单位自身数据重算比率并按其陈述精度比较", evidence, row.id if row else None))
        else:
            out.append(Finding("claimed_rate_mismatch", "recomputed_vs_claimed", "error",
                               f"{label}：单位陈述 {rate.value:g}%，按其数据重算为 {shown:g}%，不一致。",
                               "按单位自身数据重算比率并按其陈述精度比较", evidence, row.id if row else None))
    return out


def claimed_scores(sheet: ScoreSheet) -> list[Finding]:
    """A claimed indicator score above the recomputed one (generous), compared as a share of weight."""
    out = []
    for row in sheet.rows:
        if row.claimed_score is None or row.score is None or row.status != "scored":
            continue
        scale = row.effective_weight / row.weight if row.weight else 1.0
        claimed = row.claimed_score * scale
        if claimed > row.score + 0.005:
            shown = round_half_up(row.score / scale, 2)
            out.append(Finding("claimed_score_above_recomputed", "claimed_scores", "warning",
                               f"“{row.name}”自评 {row.claimed_score:g} 分（分值 {row.weight:g}），按规则重算为 {shown:g} 分，自评偏高。",
                               row.parts[0].rule if row.parts else row.rule,
                               (Evidence("自评得分", row.claimed_score, "分"), Evidence("重算得分", shown, "分"),
                                Evidence("分值", row.weight, "分")), row.id))
        elif claimed < row.score - 0.005:
            shown = round_half_up(row.score / scale, 2)
            out.append(Finding("claimed_score_below_recomputed", "claimed_scores", "info",
                               f"“{row.name}”自评 {row.claimed_score:g} 分，按规则重算为 {shown:g} 分，自评偏低。",
                               row.parts[0].rule if row.parts else row.rule,
                               (Evidence("自评得分", row.claimed_score, "分"), Evidence("重算得分", shown, "分")), row.id))
    return out


def claimed_total(sheet: ScoreSheet) -> list[Finding]:
    """A claimed total or grade the recomputed scores do not support, or cannot check."""
    out = []
    c = sheet.claimed_total
    if c is None:
        return out
    if sheet.grade_provisional:
        out.append(Finding("claimed_total_unverifiable", "claimed_total", "warning",
                           f"单位自评总分 {c:g} 分，但报告只载明可核实的 {sheet.assessed_points:g} 分指标数据（满分 {sheet.applicable_points:g} 分），自评总分无法复核。",
                           "总分须由各指标得分加总",
                           (Evidence("自评总分", c, "分", sheet.params.claims.total_source),
                            Evidence("可核实的分值", round_half_up(sheet.assessed_points, 2), "分"))))
    elif sheet.total_on_100 is not None and abs(sheet.total_on_100 - c) >= 0.005:
        recomputed = round_half_up(sheet.total_on_100, 2)
        out.append(Finding("claimed_total_mismatch", "claimed_total", "error" if abs(recomputed - c) >= 1 else "warning",
                           f"单位自评总分 {c:g} 分，按规则重算为 {recomputed:g} 分，相差 {round_half_up(c - recomputed, 2):g} 分。",
                           "总分 = 各指标重算得分之和（按框架折算为百分制）",
                           (Evidence("自评总分", c, "分", sheet.params.claims.total_source),
                            Evidence("重算总分", recomputed, "分"))))
    if sheet.claimed_grade and sheet.claimed_grade != grade_of(c):
        out.append(Finding("claimed_grade_inconsistent", "claimed_total", "error",
                           f"单位自评等次“{sheet.claimed_grade}”与其自评总分 {c:g} 分对应的等次“{grade_of(c)}”不符。",
                           "≥90 优，80–90 良，60–80 中，<60 差（财预〔2020〕10号）"))
    if sheet.claimed_grade and sheet.grade and not sheet.grade_provisional and sheet.claimed_grade != sheet.grade:
        out.append(Finding("claimed_grade_unsupported", "claimed_total", "error",
                           f"单位自评等次“{sheet.claimed_grade}”，重算总分对应等次为“{sheet.grade}”。",
                           "≥90 优，80–90 良，60–80 中，<60 差（财预〔2020〕10号）"))
    return out
