"""The report's sentences: title, headline figures and the 结论, as plain Chinese text (escaped when shown)."""
from __future__ import annotations

from typing import NamedTuple

from ...core.formulas import round_half_up
from .model import SEVERITY_LABEL, UnitReport

MAX_LISTED = 8  # indicators named one by one in the conclusion; the rest are counted


class Statement(NamedTuple):
    """One numbered statement of the 结论, with the items it lists (e.g. each error found)."""

    text: str
    details: tuple[str, ...] = ()


def num(x: float | None, places: int = 2) -> str:
    """A score or amount as the tables print it: rounded half up, no trailing zeros, — when absent (None/NaN)."""
    return "—" if x is None or x != x else f"{round_half_up(float(x), places):g}"


def grade_text(rep: UnitReport) -> str:
    """折合百分制 and grade, marked provisional when not every applicable point could be assessed."""
    s = rep.sheet
    if s.total_on_100 is None:
        return "无法折算（没有可评分的指标）"
    tag = "（暂定）" if s.grade_provisional else ""
    return f"{num(s.total_on_100)} 分，等次“{s.grade}”{tag}"


def claimed_text(rep: UnitReport) -> str:
    """The unit's own total and grade as it states them."""
    s = rep.sheet
    if s.claimed_total is None and not s.claimed_grade:
        return "单位未载明自评总分和等次"
    total = "未载明" if s.claimed_total is None else f"{num(s.claimed_total)} 分"
    return f"{total}，等次“{s.claimed_grade or '未载明'}”"


def _comparison(rep: UnitReport) -> str:
    s = rep.sheet
    if s.claimed_total is None:
        return ""
    if s.grade_provisional:
        return (f"由于应评 {num(s.applicable_points)} 分中只有 {num(s.assessed_points)} 分的指标有资料可据，"
                "自评总分无法完整复核。")
    if s.total_on_100 is None:
        return ""
    diff = round_half_up(s.claimed_total - s.total_on_100, 2)
    if abs(diff) < 0.005:
        return "自评总分与重算结果一致。"
    return f"自评总分比重算结果{'高' if diff > 0 else '低'} {num(abs(diff))} 分。"


def conclusion(rep: UnitReport) -> list[Statement]:
    """结论 as numbered statements: recomputed vs claimed, findings (every error listed), what was not assessed."""
    s = rep.sheet
    out = [Statement(f"按评价框架“{s.framework.name}”重算，重算得分 {num(s.total)} 分，已评分值 "
                     f"{num(s.assessed_points)} 分（应评 {num(s.applicable_points)} 分）；折合百分制 {grade_text(rep)}。"),
           Statement(f"单位自评：{claimed_text(rep)}。{_comparison(rep)}")]
    counts = rep.severity_counts()
    errors = tuple(f.message for f in rep.findings if f.severity == "error")
    out.append(Statement("审计发现：" + "，".join(f"{SEVERITY_LABEL[k]} {v} 条" for k, v in counts.items()) + "。"
                         + ("其中须由单位说明或更正的错误：" if errors else ""), errors))
    missing = [r for r in s.rows if r.status == "not_assessed"]
    if missing:
        names = "、".join(r.name for r in missing[:MAX_LISTED]) + ("等" if len(missing) > MAX_LISTED else "")
        out.append(Statement(f"未评分指标 {len(missing)} 项（{names}）：资料未载明所需数据，不计入已评分值，"
                             "补充资料后可重算。"))
    if s.interpretations_used:
        out.append(Statement(f"本次评分在 {len(s.interpretations_used)} 处评价框架未作规定之处采用了默认口径，"
                             "见“指标得分”表后的口径注；口径可在参数文件中改选。"))
    return out
