"""A framework's own arithmetic: sub-weights against headers, totals, criteria that cannot reach their weight, gaps."""
from __future__ import annotations

from dataclasses import dataclass

from .framework import Framework, Node, iter_readings
from .rules import pts


@dataclass(frozen=True)
class LintProblem:
    """A problem in a framework's own arithmetic or wording, the same for every unit it scores."""

    code: str
    indicator: str
    message: str
    severity: str


def lint_framework(fw: Framework) -> list[LintProblem]:
    """Framework arithmetic: sub-weights against headers, totals, criteria that cannot reach the weight, gaps."""
    problems: list[LintProblem] = []
    top = sum(n.weight or 0 for n in fw.indicators)
    if abs(top - fw.total) > 1e-9:
        problems.append(LintProblem("total_not_100", "", f"一级指标分值合计 {pts(top)} 分，不等于总分 {pts(fw.total)} 分",
                                    "error"))
    for _, node in fw.nodes():
        if node.children:
            problems += _heading(node)
        else:
            problems += _leaf(node)
        if node.note:
            problems.append(LintProblem("label_note", node.id, f"“{node.name}”：{node.note}", "info"))
    for key, interp, option in iter_readings(fw):
        if key in fw.interpretations:
            problems.append(LintProblem("rule_gap", key, f"{interp.question}（默认：{option.text}）", "info"))
        else:
            problems.append(LintProblem("national_default", key, f"{interp.question}：框架未规定，按"
                                        f"{interp.source or '全国通行做法'}（{option.text}）", "info"))
    return problems


def _heading(node: Node) -> list[LintProblem]:
    blank = [c.name for c in node.children if c.weight is None]
    fixed = sum(c.weight or 0 for c in node.children)
    if blank and node.weight is not None and not all(c.personalised for c in node.children):
        return [LintProblem("blank_weights", node.id,
                            f"“{node.name}”（{pts(node.weight)}分）下的三级指标 {'、'.join(blank)} 未给出分值", "warning")]
    if not blank and node.weight is not None and abs(fixed - node.weight) > 1e-9:
        return [LintProblem("subweights_mismatch", node.id,
                            f"“{node.name}”标注 {pts(node.weight)} 分，其下指标分值合计 {pts(fixed)} 分", "error")]
    return []


def _leaf(node: Node) -> list[LintProblem]:
    out = []
    cmax = node.criteria_max()
    if cmax is not None and node.weight is not None and cmax + 1e-9 < node.weight:
        out.append(LintProblem("criteria_below_weight", node.id,
                               f"“{node.name}”分值 {pts(node.weight)} 分，评分标准合计只有 {pts(cmax)} 分", "warning"))
    if cmax is not None and node.weight is not None and cmax > node.weight + 1e-9:
        out.append(LintProblem("criteria_above_weight", node.id,
                               f"“{node.name}”分值 {pts(node.weight)} 分，评分标准合计 {pts(cmax)} 分，超过分值", "error"))
    if node.rule is not None and node.rule.type == "unspecified":
        out.append(LintProblem("no_rule", node.id, f"“{node.name}”（{pts(node.weight or 0)}分）没有评分标准", "warning"))
    return out


def rows_vs_header(top: Node, given: float) -> LintProblem:
    """The unit's own rows under a level-1 header adding up to other than the header's weight."""
    return LintProblem("rows_vs_header", top.id, f"“{top.name}”标注 {pts(top.weight or 0)} 分，单位填报各行分值合计 "
                       f"{pts(given)} 分", "error")
