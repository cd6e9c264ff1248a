"""A score sheet as an aligned plain-text table for the terminal (CJK characters count double)."""
from __future__ import annotations

import unicodedata

from ..checks.finding import as_question
from ..fmt import DASH, points, quantity, stated
from ..result import DRAFT_MARK, UnitResult, assessed_rate_text, graded_total
from ..safetext import for_terminal, one_line


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, cols: int, right: bool = False) -> str:
    gap = " " * max(0, cols - width(text))
    return gap + text if right else text + gap


def verdict_lines(result: UnitResult) -> list[str]:
    """The verdict as a reader must take it: coverage first, a grade only where the evidence supports one."""
    c = result.coverage
    lines = [f"草稿：{DRAFT_MARK}（{one_line(result.unit.drafted_from)}）"] if result.unit.drafted_from else []
    lines += [f"已评分值 {stated(c.assessed)} / 应评 {stated(c.applicable)} 分（其中核实 {stated(c.verified)} 分、单位自述 "
             f"{stated(c.self_reported)} 分；未评 {stated(c.not_assessed)} 分）"]
    scope, defined = result.budget_scope, result.framework.budget_scope
    if scope or defined:
        lines.append(f"预算口径：报告未说明，按评价框架定义（{defined}）计" if scope is None else
                     f"预算口径：{one_line(scope)}" + (f"（评价框架定义为{defined}）" if result.budget_scope_differs else ""))
    span = result.total_range
    if result.grade is None:
        reason = result.grade_withheld_reason or "未评分"
        where = f"；总分可在 {points(span[0])}–{points(span[1])} 分之间" if span else ""
        rate = assessed_rate_text(result.assessed_rate, result.total, c.assessed)
        lines.append(f"不予定级（{reason}）{where}" + (f"；{rate}" if rate else ""))
    else:
        lines.append(f"重算总分 {graded_total(result.total_on_100, result.total_range)}，等次 {result.grade}")
    claim = result.claimed
    if claim.total is not None or claim.grade:
        status = f"——{claim.status_label}" if claim.status_label else ""
        lines.append(f"单位自评 {stated(claim.total)} 分，等次 {one_line(claim.grade or '未载明')}{status}")
    elif claim.status_label:
        lines.append(f"单位自评：{claim.status_label}")
    return lines


def render(result: UnitResult) -> str:
    """The score sheet an analyst reads at a prompt: the verdict, one line per indicator, then the findings, each with
    what its cause also explains (由此导致), as the report lists them."""
    head = ["一级", "二级", "三级指标", "分值", "计算值", "得分", "自评", "状态"]
    body = []
    for r in result.indicators:
        value = DASH if r.value is None else one_line(quantity(r.value, r.value_unit))
        weight = "空" if r.weight is None else stated(r.weight)
        body.append([one_line(r.level1), one_line(r.level2), one_line(r.name), weight, value, points(r.score),
                     stated(r.claimed_score), r.status_label])
    cols = [max(width(x) for x in col) for col in zip(head, *body)]
    numeric = {3, 4, 5, 6}
    lines = [f"{one_line(result.unit.name)}（{result.unit.year}年） 框架：{one_line(result.framework.name)}", ""]
    lines += verdict_lines(result) + [""]
    for row in [head] + body:
        lines.append("  ".join(pad(c, w, i in numeric) for i, (c, w) in enumerate(zip(row, cols))))
    lines.append("")
    for f in result.findings:
        text = as_question(f.message) if f.candidate else f.message
        lines.append(f"[{f.severity_label}] {f.kind_label}：{one_line(text)}")
        lines += [f"    由此导致：{one_line(as_question(c) if f.candidate else c)}" for c in f.consequences]
    return for_terminal("\n".join(lines))
