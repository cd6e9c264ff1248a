"""The report's sentences: title, headline figures and the 结论, as plain Chinese text (escaped when shown)."""
from __future__ import annotations

from typing import NamedTuple

from ...core.formulas import round_half_up
from ...fmt import figure
from .model import SEVERITY_LABEL, UnitReport

MAX_LISTED = 8  # indicators named one by one in the conclusion; the rest are counted


class Statement(NamedTuple):
    """One numbered statement of the 结论, with the items it lists (e.g. each error found)."""

    text: str
    details: tuple[str, ...] = ()


def num(x: float | None, places: int = 2) -> str:
    """A score as the tables print it: rounded half up, no trailing zeros, — when absent (None/NaN)."""
    return figure(x, places)


def grade_text(rep: UnitReport) -> str:
    """The verdict: total and grade where the evidence supports a grade, else why not and the range it allows."""
    r = rep.result
    if r.grade is None:
        span = f"；按已评指标，总分可在 {num(r.total_range[0])}–{num(r.total_range[1])} 分之间" if r.total_range else ""
        return f"不予定级（{r.grade_withheld_reason or '没有可评分的指标'}）{span}"
    return f"{num(r.total_on_100)} 分，等次“{r.grade}”"


def claimed_text(rep: UnitReport) -> str:
    """The unit's own total and grade as it states them."""
    s = rep.sheet
    if s.claimed_total is None and not s.claimed_grade:
        return "单位未载明自评总分和等次"
    total = "未载明" if s.claimed_total is None else f"{num(s.claimed_total)} 分"
    return f"{total}，等次“{s.claimed_grade or '未载明'}”"


def _comparison(rep: UnitReport) -> str:
    r = rep.result
    c = r.claimed
    if c.total is None or c.status is None:
        return ""
    if c.status == "unverifiable":
        return (f"应评 {num(r.coverage.applicable)} 分中只有 {num(r.coverage.assessed)} 分的指标有资料可据，"
                "自评总分无法复核。")
    if c.status == "confirmed":
        return "自评总分与重算结果一致。"
    if r.coverage.not_assessed > 0 and r.total_range:
        return f"自评总分超出已评指标所能支持的范围（{num(r.total_range[0])}–{num(r.total_range[1])} 分）。"
    diff = round_half_up(c.total - (r.total_on_100 or 0.0), 2)
    return f"自评总分比重算结果{'高' if diff > 0 else '低'} {num(abs(diff))} 分。"


def conclusion(rep: UnitReport) -> list[Statement]:
    """结论 as numbered statements: recomputed vs claimed, findings (every error listed), what was not assessed."""
    s = rep.sheet
    cov = rep.result.coverage
    out = [Statement(f"按评价框架“{s.framework.name}”重算，已评分值 {num(cov.assessed)} 分（应评 {num(cov.applicable)} 分，"
                     f"其中核实 {num(cov.verified)} 分、单位自述 {num(cov.self_reported)} 分），重算得分 {num(s.total)} 分；"
                     f"{grade_text(rep)}。"),
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
    if s.readings_used:
        out.append(Statement(f"本次评分在 {len(s.readings_used)} 处评价框架未作规定之处采用了默认口径，"
                             "见“指标得分”表后的口径注。"))
    return out
