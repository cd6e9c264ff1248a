"""Scoring a personalised indicator row (a 绩效自评表 line): quantitative by direction, or qualitative."""
from __future__ import annotations

from typing import Callable

from . import formulas
from .framework import QualitativeBand
from .params import Row
from .rules import PartResult

ACHIEVEMENT_LABEL = {"achieved": "达成", "partly": "部分达成", "not": "未达成"}
_PARTLY_WORDS = ("基本", "部分", "大部分", "大体", "初步")
_NOT_WORDS = ("未完成", "未实现", "未达到", "未达成", "没有")


def infer_achievement(row: Row) -> tuple[str | None, str | None]:
    """Achievement level of a qualitative row: the analyst's, else read from the actual's wording."""
    if row.achievement:
        return row.achievement, None
    actual = (row.actual.text if row.actual else None) or ""
    if not actual:
        return None, None
    if any(w in actual for w in _NOT_WORDS):
        return "not", f"按实际完成值“{actual}”判定为未达成"
    if any(w in actual for w in _PARTLY_WORDS):
        return "partly", f"按实际完成值“{actual}”判定为部分达成（“基本/部分”不等于全部达成）"
    if row.target and row.target.text and actual == row.target.text:
        return "achieved", "实际完成值与年度指标值表述一致，判定为达成"
    return None, None


def direction_of(row: Row, default_op: str) -> str:
    """The row's stated direction, or the level-2 default (成本指标 ≤, others ≥)."""
    op = row.target.op if row.target and row.target.op else default_op
    return {">": ">=", "<": "<="}.get(op, op)


def score_row(row: Row, weight: float, default_op: str, bands: dict[str, QualitativeBand],
              choose: Callable[[str], str], note: Callable[[str], str]) -> PartResult:
    """One part scoring the row against its own weight (already rescaled by the caller if needed)."""
    target, actual = row.target, row.actual
    if target and target.value is not None and actual and actual.value is not None:
        op = direction_of(row, default_op)
        notes: list[str] = []
        if op == ">=":
            score = formulas.higher_is_better(weight, actual.value, target.value)
            text = "越高越好：得分 = 分值 × 实际值 ÷ 目标值，最高满分"
        elif op == "<=":
            score = formulas.lower_is_better(weight, actual.value, target.value)
            text = "越低越好：实际值 ≤ 目标值得满分，否则 分值 × 目标值 ÷ 实际值"
        else:
            if choose("equal_target_rule") == "all_or_nothing":
                score = weight if abs(actual.value - target.value) < 1e-9 else 0.0
            else:
                score = formulas.closer_is_better(weight, actual.value, target.value)
            text = "等于目标值得满分，偏离时按较小值 ÷ 较大值计分"
            if abs(actual.value - target.value) > 1e-9:
                notes.append(note("equal_target_rule"))
        if not (target.op):
            notes.append(f"年度指标值未写明方向，按“{row.level2}”惯例取 {op}")
        rate = None if target.value == 0 else actual.value / target.value * 100
        return PartResult(row.id or row.name, row.name, weight, score, text, rate, "%", notes=tuple(notes),
                          alternatives=(("actual", actual.value), ("target", target.value)))
    level, why = infer_achievement(row)
    text = "定性指标：达成 80–100%，部分达成 50–80%，未达成 0–50%"
    if level is None:
        return PartResult(row.id or row.name, row.name, weight, None, text,
                          notes=("定性指标需评价人员判断达成程度（achievement: achieved/partly/not）",))
    band = bands[level]
    option = choose("qualitative_default")
    fraction = band.max if option == "band_max" else (band.min + band.max) / 2
    notes = [why] if why else []
    notes.append(f"{ACHIEVEMENT_LABEL[level]}：{note('qualitative_default')}")
    return PartResult(row.id or row.name, row.name, weight, weight * fraction, text, fraction * 100, "%",
                      notes=tuple(notes), alternatives=(("band_min", weight * band.min), ("band_max", weight * band.max)))
