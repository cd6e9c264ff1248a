"""Claimed scores against recomputed ones: per indicator, per section, and the claimed total and grade."""
from __future__ import annotations

from typing import Callable

from ..core.engine import ScoredUnit, ScoreRow, ScoreSheet
from ..core.numbers import round_half_up
from ..core.params import WHOLE_DEPARTMENT
from .declarations import (CLAIMED_GRADE_INCONSISTENT, CLAIMED_GRADE_UNSUPPORTED, CLAIMED_SCORE_ABOVE_RECOMPUTED,
                           CLAIMED_SCORE_BELOW_RECOMPUTED, CLAIMED_TOTAL_MISMATCH, CLAIMED_TOTAL_NOT_SUM_OF_ROWS,
                           CLAIMED_TOTAL_OMITS_ROWS, CLAIMED_TOTAL_UNVERIFIABLE, SECTION_SCORE_ABOVE_RECOMPUTED,
                           SECTION_SCORE_NOT_SUM_OF_ROWS, SELF_SCORE_ABSENT,
                           SELF_SCORE_NOT_EXPECTED)
from .finding import Evidence, Finding
from .fmt import num, pts
from .generous import generosity
from .materiality import at_stake
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
        ev = {"claimed": Evidence("自评得分", row.claimed_score, "分", row.source),
              "recomputed": Evidence("重算得分", round_half_up(recomputed, 2), "分"),
              "weight": Evidence("分值", row.weight, "分")}
        said = {"row": row.name, "claimed": pts(row.claimed_score), "weight": pts(row.weight), "rule": rule,
                "recomputed": pts(recomputed), "gap": pts(abs(row.claimed_score - recomputed))}
        if row.claimed_score > recomputed + 0.005:
            out.append(CLAIMED_SCORE_ABOVE_RECOMPUTED(ev, indicator=row.id, **said,
                                                      **at_stake(sheet, (row.claimed_score - recomputed) * row.scale)))
        elif row.claimed_score < recomputed - 0.005:
            out.append(CLAIMED_SCORE_BELOW_RECOMPUTED(ev, indicator=row.id, **said))
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
            out.append(SECTION_SCORE_NOT_SUM_OF_ROWS(
                {"claimed": Evidence(f"{claim.name}·所述得分", claim.score, "分", claim.source),
                 "rows": Evidence(f"{top.name}·各行自评得分合计", sum(claimed), "分")},
                section=claim.name, source=claim.source or "来源未注明", claimed=pts(claim.score), rows=pts(sum(claimed)),
                **at_stake(sheet, sum(claimed) - claim.score)))
        scored = [r for r in rows if r.score is not None]
        weight = claim.weight if claim.weight is not None else top.weight
        effective = sum(r.effective_weight for r in scored)
        if not weight or not effective or len(scored) < len(rows):
            continue
        recomputed = sum(r.score or 0.0 for r in scored) / effective * weight
        if claim.score > recomputed + 0.005:
            out.append(SECTION_SCORE_ABOVE_RECOMPUTED(
                {"claimed": Evidence(f"{claim.name}·所述得分", claim.score, "分", claim.source),
                 "recomputed": Evidence(f"{claim.name}·重算得分", round_half_up(recomputed, 2), "分")},
                figures=[r.id for r in scored], section=claim.name, claimed=pts(claim.score), weight=pts(weight),
                recomputed=pts(recomputed), gap=pts(claim.score - recomputed)))
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
        out.append(CLAIMED_TOTAL_UNVERIFIABLE(
            {"claimed": Evidence("自评总分", c, "分", source),
             "assessed": Evidence("可复核的分值", round_half_up(cov.assessed, 2), "分")},
            claimed=pts(c), source=source or "来源未注明", assessed=pts(cov.assessed), applicable=pts(cov.applicable),
            not_assessed=pts(cov.not_assessed), low=num(span[0]), high=num(span[1])))
    elif c is not None and sheet.claim_status == "contradicted" and span is not None:
        complete = cov.not_assessed <= 1e-6
        recomputed = sheet.total_on_100 if complete else (span[0] if c < span[0] else span[1])
        gap = abs((recomputed or 0.0) - c)
        which = f"重算比自评高 {pts(gap)}" if (recomputed or 0.0) > c else f"自评比重算高 {pts(gap)}"
        text = (f"单位自评总分 {pts(c)}，按规则重算为 {pts(recomputed or 0.0)}，{which}。" if complete else
                f"单位自评总分 {pts(c)}，而即使未评的 {pts(cov.not_assessed)}全部{'得满分' if c > span[1] else '不得分'}，"
                f"总分也{'只有' if c > span[1] else '已有'} {pts(recomputed or 0.0)}（可能范围 {num(span[0])}–{num(span[1])} 分），"
                f"{which}。")
        out.append(CLAIMED_TOTAL_MISMATCH(
            {"claimed": Evidence("自评总分", c, "分", source),
             "recomputed": Evidence("重算总分", round_half_up(recomputed or 0.0, 2), "分")}, text=text, points=gap,
            grade_changes=sheet.grade is not None and sheet.grade_of(c) != sheet.grade))
    kind = params.unit.document_kind
    if c is None and kind not in (None, WHOLE_DEPARTMENT):
        out.append(SELF_SCORE_NOT_EXPECTED(None, kind=kind))
    elif c is None:
        scored = [r.claimed_score for r in sheet.rows if r.claimed_score is not None]
        out.append(SELF_SCORE_ABSENT(
            {"rows": Evidence("各指标自评得分合计", sum(scored), "分") if scored else None,
             "applicable": Evidence("应评分值", round_half_up(cov.applicable, 2), "分")},
            rows=f"（各指标自评得分合计 {pts(sum(scored))}）" if scored else "，也未给出各指标自评得分",
            applicable=pts(cov.applicable)))
    if sheet.claimed_grade and c is not None and sheet.claimed_grade != sheet.grade_of(c):
        out.append(CLAIMED_GRADE_INCONSISTENT(
            {"grade": Evidence("自评等次", sheet.claimed_grade), "claimed": Evidence("自评总分", c, "分", source)},
            grade=sheet.claimed_grade, claimed=pts(c), expected=sheet.grade_of(c), rule=_grade_rule(sheet)))
    if sheet.claimed_grade and sheet.grade and sheet.claimed_grade != sheet.grade:
        out.append(CLAIMED_GRADE_UNSUPPORTED(
            {"grade": Evidence("自评等次", sheet.claimed_grade), "recomputed": Evidence("重算等次", sheet.grade)},
            grade=sheet.claimed_grade, recomputed=sheet.grade,
            total=pts(sheet.total_on_100) if sheet.total_on_100 is not None else
            f"{num(span[0])}–{num(span[1])} 分（未评部分不改变等次）" if span else "—",
            rule=_grade_rule(sheet)))
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
    ev = {"claimed": Evidence("自评总分", c, "分", params.claims.total_source),
          "rows": Evidence("各指标自评得分合计", total, "分"), "weights": Evidence("各指标分值合计", weights, "分")}
    if abs(total - c) >= 0.005:
        return [CLAIMED_TOTAL_NOT_SUM_OF_ROWS(ev, claimed=pts(c), rows=pts(total), parts=parts,
                                              left=f"；{blank}未填得分" if unclaimed else "", **at_stake(sheet, total - c))]
    if unclaimed:
        return [CLAIMED_TOTAL_OMITS_ROWS(ev, indicator=unclaimed[0].id, blank=blank, claimed=pts(c), parts=parts,
                                         weights=pts(weights))]
    return []
