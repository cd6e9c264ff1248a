"""Generous scoring: full marks claimed for an overrun, a shortfall or a partial achievement; targets set at the result."""
from __future__ import annotations

from typing import NamedTuple

from ..core.engine import ScoreRow, ScoreSheet
from ..core.formulas import decimals_of
from ..core.params import Row
from ..core.rows import ACHIEVEMENT_LABEL, direction_of, infer_achievement
from .finding import Evidence, Finding
from .fmt import num, pct, pts

KIND = "generous_scoring"


class Generosity(NamedTuple):
    """Why a full-marks claim is generous: a stable check id and the clause that says so."""

    check: str
    why: str


def params_row(sheet: ScoreSheet, row: ScoreRow) -> Row | None:
    return next((r for r in sheet.params.indicators if (r.id or r.name) == row.id), None)


def _default_op(sheet: ScoreSheet, prow: Row) -> str:
    for _, node in sheet.framework.leaves():
        if node.personalised and prow.level2.strip() in node.personalised.level2:
            return node.personalised.default_op
    return ">="


def _is_satisfaction(row: ScoreRow) -> bool:
    return "满意度" in row.name or "满意度" in row.level2


def generosity(sheet: ScoreSheet, row: ScoreRow) -> Generosity | None:
    """Full marks claimed on a row whose own figures or wording show it fell short; None otherwise."""
    if (row.claimed_score is None or not row.weight or row.score is None or row.status != "scored"
            or row.claimed_score < row.weight - 1e-9 or row.score >= row.effective_weight - 0.005):
        return None
    prow = params_row(sheet, row) if row.personalised else None
    if prow is None:
        if _is_satisfaction(row) and row.value is not None and row.value < 100:
            return Generosity("full_marks_below_satisfaction_target", f"满意度只达到目标的 {pct(row.value)}")
        return None
    target, actual = prow.target, prow.actual
    if target and target.value is not None and actual and actual.value is not None:
        op, unit = direction_of(prow, _default_op(sheet, prow)), target.unit or actual.unit or ""
        t, a = f"{num(target.value)}{unit}", f"{num(actual.value)}{unit}"
        if op == "<=" and actual.value > target.value:
            over = f"，超出 {pct((actual.value / target.value - 1) * 100)}" if target.value > 0 else ""
            return Generosity("full_marks_for_cost_overrun", f"年度指标 {t}，实际 {a}{over}")
        if op == ">=" and actual.value < target.value:
            check = "full_marks_below_satisfaction_target" if _is_satisfaction(row) else "full_marks_for_shortfall"
            return Generosity(check, f"年度指标 {t}，实际只有 {a}")
        if op == "=":
            return Generosity("full_marks_off_target", f"年度指标 {t}，实际 {a}，未等于目标")
        return None
    level, _ = infer_achievement(prow)
    if level in ("partly", "not"):
        return Generosity("full_marks_for_partial_achievement",
                          f"实际完成值为“{actual.text if actual else ''}”，只能算{ACHIEVEMENT_LABEL[level]}")
    return None


def full_marks(sheet: ScoreSheet) -> list[Finding]:
    """Full marks for a cost overrun, a shortfall, a partial achievement or a satisfaction below target."""
    out = []
    for row in sheet.rows:
        g = generosity(sheet, row)
        if g is None:
            continue
        scale = row.effective_weight / row.weight if row.weight else 1.0
        recomputed = row.score / scale if scale else row.score
        rule = row.parts[0].rule if row.parts else row.rule
        out.append(Finding(
            g.check, KIND, "warning",
            f"“{row.name}”（{row.level2}，分值 {pts(row.weight)}）：{g.why}，自评仍给满分 {pts(row.claimed_score)}；"
            f"按规则（{rule}）应得 {pts(recomputed)}。",
            rule, (Evidence("自评得分", row.claimed_score, "分", row.source), Evidence("重算得分", round(recomputed, 4), "分"),
                   Evidence("分值", row.weight, "分"), Evidence("年度指标值", row.target), Evidence("实际完成值", row.actual)),
            row.id))
    return out


def targets_set_at_result(sheet: ScoreSheet) -> list[Finding]:
    """A numeric target equal to the actual down to a fraction: a target written after the result is known."""
    out = []
    for prow in sheet.params.indicators:
        t, a = prow.target, prow.actual
        if not (t and a and t.value is not None and a.value is not None):
            continue
        if t.value != a.value or decimals_of(t.value) == 0:
            continue
        value = f"{num(t.value)}{t.unit or ''}"
        out.append(Finding(
            "target_equals_actual", KIND, "info",
            f"“{prow.name}”的年度指标值与实际完成值同为 {value}（精确到小数），目标很可能是事后按实际数填写，"
            "该指标不能说明绩效。",
            "绩效目标应在年初设定；与实际完成值分毫不差的非整数目标应核实其设定时间与依据",
            (Evidence("年度指标值", t.value, t.unit or "", prow.source), Evidence("实际完成值", a.value, a.unit or "", prow.source)),
            prow.id or prow.name))
    return out
