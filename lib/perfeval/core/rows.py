"""Scoring a personalised indicator row (a 绩效自评表 line): quantitative by direction, or qualitative by level."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

from . import formulas, numbers
from .params import Row
from .quantity import QUALIFIER_WORD, Qualifier, canonical_unit, commensurable, convert
from .readings import LEVEL_LABEL, Level, Option, QualitativeBand
from .rules import PartResult, pct, pts

_PARTLY_WORDS = ("部分", "大部分", "初步")
_BASIC_WORDS = ("基本", "大体")  # 基本实现: partly or achieved, as the basic_wording reading declares
_NOT_WORDS = ("未完成", "未实现", "未达到", "未达成", "没有")
LOWER_TEXT = {"ratio": "越低越好：实际值 ≤ 目标值得满分，否则 分值 × 目标值 ÷ 实际值",
              "linear": "越低越好：实际值 ≤ 目标值得满分，否则 (1 − (实际值 − 目标值) ÷ 目标值) × 分值，两倍目标值时为 0"}
LOWER_FORMULA = {"ratio": formulas.lower_is_better_ratio, "linear": formulas.lower_is_better_linear}

QUALITATIVE_RULE = "定性指标："  # how a qualitative row's rule begins; its value is then the score's share of the weight


def infer_achievement(row: Row, choose: Callable[[str], str],
                      note: Callable[[str], str] = lambda key: "") -> tuple[Level | None, str | None]:
    """Achievement level of a qualitative row: the analyst's, else read from the actual's wording. 基本实现/大体完成
    is the basic_wording reading (部分达成 by default; 达成 as defensible, above all where the target says the same),
    consulted only for such wording."""
    if row.achievement:
        return row.achievement, None
    actual = (row.actual.text if row.actual else None) or ""
    if not actual:
        return None, None
    if any(w in actual for w in _NOT_WORDS):
        return "not", f"按实际完成值“{actual}”判定为未达成"
    if any(w in actual for w in _PARTLY_WORDS):
        return "partly", f"按实际完成值“{actual}”判定为部分达成（“部分”不等于全部达成）"
    if any(w in actual for w in _BASIC_WORDS):
        level: Level = "achieved" if choose("basic_wording") == "achieved" else "partly"
        return level, "；".join(x for x in (f"按实际完成值“{actual}”判定为{LEVEL_LABEL[level]}", note("basic_wording")) if x)
    if row.target and row.target.text and actual == row.target.text:
        return "achieved", "实际完成值与年度指标值表述一致，判定为达成"
    return None, None


@dataclass(frozen=True)
class Comparison:
    """A quantitative row's target and actual in one unit (the target's), and how they were brought there."""

    target: float
    actual: float
    unit: str
    notes: tuple[str, ...] = ()


def compared(row: Row) -> Comparison | str | None:
    """The row's target and actual as comparable numbers; a reason when they cannot be compared; None when the row
    is not quantitative. A side written without a unit is taken in the other's (a table's header carries it);
    commensurable units are converted (≤1.5亿元 against 191.18万元), others are never compared as raw numbers."""
    target, actual = row.target, row.actual
    if not (target and target.value is not None and actual and actual.value is not None):
        return None
    t_unit, a_unit = (target.unit or "").strip(), (actual.unit or "").strip()
    notes = []
    value = actual.value
    if t_unit and a_unit and not commensurable(t_unit, a_unit):
        return f"年度指标值以“{t_unit}”计，实际完成值以“{a_unit}”计，两者不可比较，本行不予评分"
    if t_unit and a_unit and canonical_unit(t_unit) != canonical_unit(a_unit):
        value = convert(actual.value, a_unit, t_unit)
        notes.append(f"实际完成值 {numbers.plain(actual.value)}{a_unit} 换算为 {numbers.plain(value)}{t_unit} 后与目标比较")
    for side, q in (("年度指标值", target), ("实际完成值", actual)):
        if q.qualifier is not Qualifier.EXACT:
            # both values checked set above
            notes.append(f"{side}带限定词（{QUALIFIER_WORD[q.qualifier]}），按所写数值 {numbers.plain(q.value)} 计")  # type: ignore[arg-type]
    return Comparison(target.value, value, t_unit or a_unit, tuple(notes))


def direction_of(row: Row, default_op: str) -> str:
    """The row's stated direction, or the level-2 default (成本指标 ≤, others ≥)."""
    op = row.target.op if row.target and row.target.op else default_op
    return {">": ">=", "<": "<="}.get(op, op)


def band_range(band: QualitativeBand, weight: float, places: int) -> tuple[float, float]:
    """Lowest and highest score a qualitative band allows on a weight, at the score precision.

    A band whose top is excluded (部分达成 is 60%–80%, 80% itself being 达成) tops out one step below it.
    """
    step = 10 ** -places
    top = weight * band.max
    if band.max_open:
        top = numbers.round_half_up(top - step, places) if top >= step else 0.0
    return numbers.round_half_up(weight * band.min, places), top


def band_text(bands: Mapping[Level, QualitativeBand]) -> str:
    def one(level: Level) -> str:
        b = bands[level]
        return f"{LEVEL_LABEL[level]} {pct(b.min * 100)}–{pct(b.max * 100)}{'（不含上限）' if b.max_open else ''}"
    return "，".join(one(level) for level in ("achieved", "partly", "not") if level in bands)


def score_row(row: Row, weight: float, default_op: str, choose: Callable[[str], str], option: Callable[[str], Option],
              note: Callable[[str], str], places: int) -> PartResult:
    """One part scoring the row against its own weight (already rescaled by the caller if needed)."""
    rid = row.id or row.name
    basis = row.basis
    pair = compared(row)
    if isinstance(pair, str):
        return PartResult(rid, row.name, weight, None, "定量指标：年度指标值与实际完成值须可比较", notes=(pair,),
                          basis=basis, unscorable=True)
    if pair is not None:
        op = direction_of(row, default_op)
        notes: list[str] = list(pair.notes)
        actual, target = pair.actual, pair.target
        if op == ">=":
            score = formulas.higher_is_better(weight, actual, target)
            text = "越高越好：得分 = 分值 × 实际值 ÷ 目标值，最高满分"
        elif op == "<=":
            how = choose("lower_is_better")
            score = LOWER_FORMULA[how](weight, actual, target)
            text = LOWER_TEXT[how]
            if actual > target:
                notes.append(note("lower_is_better"))
        else:
            if choose("equal_target_rule") == "all_or_nothing":
                score = weight if abs(actual - target) < 1e-9 else 0.0
            else:
                score = formulas.closer_is_better(weight, actual, target)
            text = "等于目标值得满分，偏离时按较小值 ÷ 较大值计分"
            if abs(actual - target) > 1e-9:
                notes.append(note("equal_target_rule"))
        if not row.target.op:  # type: ignore[union-attr]  # a quantitative row has a target
            notes.append(f"年度指标值未写明方向，按“{row.level2}”惯例取 {op}")
        rate = None if target == 0 else numbers.ratio_pct(actual, target)
        return PartResult(rid, row.name, weight, score, text, rate, "%", rate, notes=tuple(notes), basis=basis)
    level, why = infer_achievement(row, choose, note)
    bands = option("qualitative_bands").bands or {}
    text = f"{QUALITATIVE_RULE}{band_text(bands)}"
    if level is None:
        return PartResult(rid, row.name, weight, None, text, basis=basis,
                          notes=("定性指标需评价人员判断达成程度（achievement: achieved/partly/not）",))
    low, high = band_range(bands[level], weight, places)
    chosen = choose("qualitative_default")
    score = high if chosen == "band_max" else numbers.round_half_up((low + high) / 2, places)
    notes = [why] if why else []
    notes.append(f"{LEVEL_LABEL[level]}（{pts(low)}–{pts(high)} 分）：{note('qualitative_default')}；{note('qualitative_bands')}")
    return PartResult(rid, row.name, weight, score, text, score / weight * 100 if weight else None, "%", notes=tuple(notes),
                      basis=basis)
