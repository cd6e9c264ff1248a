"""A score sheet as an aligned plain-text table for the terminal (CJK characters count double)."""
from __future__ import annotations

import unicodedata

from ..core.engine import STATUS_LABEL, ScoreSheet
from ..core.formulas import round_half_up


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, cols: int, right: bool = False) -> str:
    gap = " " * max(0, cols - width(text))
    return gap + text if right else text + gap


def _num(x: float | None, places: int = 2) -> str:
    return "—" if x is None else f"{round_half_up(x, places):g}"


def render(sheet: ScoreSheet, findings: list | None = None) -> str:
    """The score sheet an analyst reads at a prompt: one line per indicator, then totals and findings."""
    head = ["一级", "二级", "三级指标", "分值", "计算值", "得分", "自评", "状态"]
    body = []
    for r in sheet.rows:
        value = "—" if r.value is None else f"{_num(r.value)}{r.value_unit}"
        weight = "空" if r.weight is None else _num(r.weight)
        body.append([r.level1, r.level2, r.name, weight, value, _num(r.score), _num(r.claimed_score),
                     STATUS_LABEL[r.status]])
    cols = [max(width(x) for x in col) for col in zip(head, *body)]
    numeric = {3, 4, 5, 6}
    lines = [f"{sheet.unit.name}（{sheet.unit.year}年） 框架：{sheet.framework.name}", ""]
    for row in [head] + body:
        lines.append("  ".join(pad(c, w, i in numeric) for i, (c, w) in enumerate(zip(row, cols))))
    lines.append("")
    lines.append(f"重算得分 {_num(sheet.total)} 分 / 已评分值 {_num(sheet.assessed_points)} 分"
                 f"（应评 {_num(sheet.applicable_points)} 分）")
    if sheet.total_on_100 is not None:
        tag = "（暂定：未全部评分）" if sheet.grade_provisional else ""
        lines.append(f"折合百分制 {_num(sheet.total_on_100)} 分，等次 {sheet.grade}{tag}")
    if sheet.claimed_total is not None or sheet.claimed_grade:
        lines.append(f"单位自评 {_num(sheet.claimed_total)} 分，等次 {sheet.claimed_grade or '未载明'}")
    for f in findings or []:
        lines.append(f"[{f.severity}] {f.check}: {f.message}")
    return safe_for_terminal("\n".join(lines))


def safe_for_terminal(text: str) -> str:
    """Unit text may carry control characters (an escape sequence can rewrite a terminal): show them as �."""
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf") or ch == "\u200d"
                   else "\ufffd" for ch in text)
