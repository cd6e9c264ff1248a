"""Claimed scores against recomputed ones: per indicator, per section, and the claimed total and grade."""
from __future__ import annotations

from typing import Callable

from ..core.engine import ScoredUnit, ScoreRow, ScoreSheet
from ..core.numbers import round_half_up
from .finding import Evidence, Finding
from .fmt import num, pts
from .generous import generosity
from .statements import find_section, section_rows

def _on_own_weight(row: ScoreRow) -> float:
    """The recomputed score on the row's own printed weight (rows rescaled to a header are scaled back)."""
    return (row.score or 0.0) / row.scale if row.scale else 0.0


def claimed_scores(unit: ScoredUnit) -> list[Finding]:
    """A claimed indicator score above (generous) or below the recomputed one; full-marks cases are left to generous."""
    sheet = unit.sheet
    out = []
    for row in sheet.rows:
        if row.claimed_score is None or row.score is None or row.status != "scored" or generosity(unit, row):
            continue
        recomputed = _on_own_weight(row)
        rule = row.parts[0].rule if row.parts else row.rule
        ev = (Evidence("自评得分", row.claimed_score, "分", row.source), Evidence("重算得分", round_half_up(recomputed, 2), "分"),
              Evidence("分值", row.weight, "分"))
        if row.claimed_score > recomputed + 0.005:
            out.append(Finding("claimed_score_above_recomputed", "claimed_scores", "warning",
                               f"“{row.name}”自评 {pts(row.claimed_score)}（分值 {pts(row.weight)}），按规则（{rule}）"
                               f"重算为 {pts(recomputed)}，自评高出 {pts(row.claimed_score - recomputed)}。", rule, ev, row.id))
        elif row.claimed_score < recomputed - 0.005:
            out.append(Finding("claimed_score_below_recomputed", "claimed_scores", "info",
                               f"“{row.name}”自评 {pts(row.claimed_score)}，按规则（{rule}）重算为 {pts(recomputed)}，"
                               f"自评低了 {pts(recomputed - row.claimed_score)}。", rule, ev, row.id))
    return out


def section_scores(unit: ScoredUnit) -> list[Finding]:
    """A section score the narrative states against its rows' claimed scores and against the recomputed share."""
    sheet, params = unit.sheet, unit.params
    out = []
    for claim in params.claims.sections:
        top = find_section(sheet, claim.name)
        if top is None or claim.score is None:
            continue
        rows = [r for r in section_rows(sheet, top) if r.status != "not_applicable"]
        claimed = [r.claimed_score for r in rows if r.claimed_score is not None]
        if claimed and abs(sum(claimed) - claim.score) >= 0.005:
            out.append(Finding(
                "section_score_not_sum_of_rows", "claimed_total", "error",
                f"“{claim.name}”：报告正文（{claim.source or '来源未注明'}）称评价得分 {pts(claim.score)}，而指标表中其下各行自评得分"
                f"合计 {pts(sum(claimed))}。", "一级指标得分 = 其下各行得分之和",
                (Evidence(f"{claim.name}·所述得分", claim.score, "分", claim.source),
                 Evidence(f"{top.name}·各行自评得分合计", sum(claimed), "分"))))
        scored = [r for r in rows if r.score is not None]
        weight = claim.weight if claim.weight is not None else top.weight
        effective = sum(r.effective_weight for r in scored)
        if not weight or not effective or len(scored) < len(rows):
            continue
        recomputed = sum(r.score or 0.0 for r in scored) / effective * weight
        if claim.score > recomputed + 0.005:
            out.append(Finding(
                "section_score_above_recomputed", "claimed_scores", "info",
                f"“{claim.name}”：报告称得分 {pts(claim.score)}（总分值 {pts(weight)}），按规则重算为 {pts(recomputed)}"
                f"（各行重算得分见上），自评高出 {pts(claim.score - recomputed)}。",
                "一级指标得分 = 其下各行按规则重算的得分之和，按所述总分值折算",
                (Evidence(f"{claim.name}·所述得分", claim.score, "分", claim.source),
                 Evidence(f"{claim.name}·重算得分", round_half_up(recomputed, 2), "分")),
                figures=tuple(r.id for r in scored)))
    return out


def _sections(rows: list[ScoreRow], value: Callable[[ScoreRow], float | None]) -> str:
    """'产出指标 50 + 效益指标 38 + …': a sum per level-1 section, in table order."""
    groups: dict[str, float] = {}
    for r in rows:
        groups[r.level1] = groups.get(r.level1, 0.0) + (value(r) or 0.0)
    return " + ".join(f"{k} {num(v)}" for k, v in groups.items())


def _grade_rule(sheet: ScoreSheet) -> str:
    return sheet.framework.reading("grade_bands").text(sheet.readings["grade_bands"])


def claimed_total(unit: ScoredUnit) -> list[Finding]:
    """A claimed total or grade the recomputed scores do not support, or that cannot be checked."""
    sheet, params = unit.sheet, unit.params
    out = []
    c = sheet.claimed_total
    source = params.claims.total_source
    cov = sheet.coverage
    span = sheet.total_range
    if c is not None and sheet.claim_status == "unverifiable" and span is not None:
        out.append(Finding(
            "claimed_total_unverifiable", "claimed_total", "warning",
            f"单位自评总分 {pts(c)}（{source or '来源未注明'}），但报告只载明可据以评分的指标 {pts(cov.assessed)}"
            f"（应评 {pts(cov.applicable)}），其余 {pts(cov.not_assessed)}无数据或无评分表，自评总分无法复核；"
            f"按已评指标，总分可在 {num(span[0])}–{num(span[1])} 分之间。",
            "总分须由各指标得分加总；无指标得分表的自评总分不能采信",
            (Evidence("自评总分", c, "分", source), Evidence("可复核的分值", round_half_up(cov.assessed, 2), "分"))))
    elif c is not None and sheet.claim_status == "contradicted" and span is not None:
        complete = cov.not_assessed <= 1e-6
        recomputed = sheet.total_on_100 if complete else (span[0] if c < span[0] else span[1])
        gap = abs((recomputed or 0.0) - c)
        which = f"重算比自评高 {pts(gap)}" if (recomputed or 0.0) > c else f"自评比重算高 {pts(gap)}"
        text = (f"单位自评总分 {pts(c)}，按规则重算为 {pts(recomputed or 0.0)}，{which}。" if complete else
                f"单位自评总分 {pts(c)}，而即使未评的 {pts(cov.not_assessed)}全部{'得满分' if c > span[1] else '不得分'}，"
                f"总分也{'只有' if c > span[1] else '已有'} {pts(recomputed or 0.0)}（可能范围 {num(span[0])}–{num(span[1])} 分），"
                f"{which}。")
        out.append(Finding(
            "claimed_total_mismatch", "claimed_total", "error" if gap >= 1 else "warning", text,
            "总分 = 各指标重算得分之和（按框架折算为百分制）",
            (Evidence("自评总分", c, "分", source), Evidence("重算总分", round_half_up(recomputed or 0.0, 2), "分"))))
    if sheet.claimed_grade and c is not None and sheet.claimed_grade != sheet.grade_of(c):
        out.append(Finding("claimed_grade_inconsistent", "claimed_total", "error",
                           f"单位自评等次“{sheet.claimed_grade}”与其自评总分 {pts(c)} 对应的等次“{sheet.grade_of(c)}”不符。",
                           _grade_rule(sheet), (Evidence("自评等次", sheet.claimed_grade),
                                                Evidence("自评总分", c, "分", source))))
    if sheet.claimed_grade and sheet.grade and sheet.claimed_grade != sheet.grade:
        out.append(Finding("claimed_grade_unsupported", "claimed_total", "error",
                           f"单位自评等次“{sheet.claimed_grade}”，而重算总分 {pts(sheet.total_on_100 or 0)} 对应等次"
                           f"“{sheet.grade}”（{_grade_rule(sheet)}）。", _grade_rule(sheet),
                           (Evidence("自评等次", sheet.claimed_grade), Evidence("重算等次", sheet.grade))))
    return out


def claimed_total_vs_rows(unit: ScoredUnit) -> list[Finding]:
    """The claimed total against the sum of the claimed indicator scores, and rows the claim leaves out."""
    sheet, params = unit.sheet, unit.params
    c = sheet.claimed_total
    rows = [r for r in sheet.rows if r.status != "not_applicable" and r.weight]
    claimed = [r for r in rows if r.claimed_score is not None]
    if c is None or not claimed:
        return []
    unclaimed = [r for r in rows if r.claimed_score is None]
    total = sum(r.claimed_score or 0.0 for r in claimed)
    weights = sum(r.weight or 0.0 for r in rows)
    parts = _sections(claimed, lambda r: r.claimed_score)
    blank = "、".join(f"“{r.name}”（{pts(r.weight)}）" for r in unclaimed)
    ev = (Evidence("自评总分", c, "分", params.claims.total_source),
          Evidence("各指标自评得分合计", total, "分"), Evidence("各指标分值合计", weights, "分"))
    if abs(total - c) >= 0.005:
        left = f"；{blank}未填得分" if unclaimed else ""
        return [Finding("claimed_total_not_sum_of_rows", "claimed_total", "error",
                        f"单位自评总分 {pts(c)}，而各指标自评得分合计 {pts(total)}（{parts}）{left}。",
                        "总分 = 各指标得分之和", ev)]
    if unclaimed:
        return [Finding("claimed_total_omits_rows", "claimed_total", "warning",
                        f"{blank}得分栏空白；自评总分 {pts(c)} 恰为其余各指标自评得分之和（{parts}），这些指标未计入总分。"
                        f"表中全部指标分值合计 {pts(weights)}。",
                        "总分 = 全部指标得分之和；每个指标都应评分", ev, unclaimed[0].id)]
    return []
