"""Per-project self-evaluations (附件2-4): their spread, what of 项目支出 they cover, and scores execution cannot support."""
from __future__ import annotations

from statistics import mean

from ..core.engine import ScoredUnit
from ..core.params import Project, figure_at
from ..core.numbers import round_half_up
from .finding import Evidence, Finding
from .fmt import money, num, pct

KIND = "projects"
# 财预〔2020〕10号 项目支出绩效自评表: 预算执行率 weighs 10 of 100 points and scores 10 × 执行数 ÷ 预算数, so a
# project that spent a share r of its budget can score at most 90 + 10 × r
EXECUTION_POINTS = 10.0
EXECUTION_RULE = "项目支出绩效自评中预算执行率占 10 分，按 执行数 ÷ 预算数 计分（财预〔2020〕10号）：自评总分最高为 90 + 10 × 执行率"


def _rate(p: Project) -> float | None:
    if p.budget is None or p.executed is None or p.budget.value <= 0:
        return None
    return p.executed.value / p.budget.value * 100


def summary(unit: ScoredUnit) -> list[Finding]:
    """How many projects the unit evaluated, their mean and lowest score, and the share of 项目支出 they cover."""
    projects = unit.params.projects
    scored = [p for p in projects if p.score is not None]
    if not scored:
        return []
    scores = [p.score for p in scored]  # type: ignore[misc]
    lowest = min(scored, key=lambda p: p.score)  # type: ignore[arg-type, return-value]
    text = (f"单位对 {len(scored)} 个项目开展了绩效自评，平均 {num(mean(scores))} 分，最低“{lowest.name}” "
            f"{num(lowest.score or 0)} 分，最高 {num(max(scores))} 分。")
    ev = [Evidence("自评项目数", len(scored), "个", scored[0].source), Evidence("平均分", round_half_up(mean(scores), 2), "分"),
          Evidence("最低分", lowest.score, "分", lowest.source)]
    project_total = figure_at(unit.params.figures, "lines.project.final")
    spent = [p.executed.value for p in scored if p.executed is not None]
    if project_total is not None and project_total.value > 0 and len(spent) == len(scored):
        share = sum(spent) / project_total.value * 100
        text += f"这些项目的执行数合计 {money(sum(spent))}，占项目支出 {money(project_total.value)} 的 {pct(share)}。"
        ev.append(Evidence("已自评项目执行数合计", round_half_up(sum(spent), 2), "万元"))
    elif project_total is not None:
        text += "汇总表未列各项目金额，无法计算已自评项目占项目支出的比重。"
    return [Finding("projects_evaluated", KIND, "info", text,
                    "项目支出应逐项开展绩效自评；汇总自评项目个数、得分分布及其覆盖的支出", tuple(ev))]


def _matches(name: str, other: str) -> bool:
    return name in other or other in name


def unevaluated(unit: ScoredUnit) -> list[Finding]:
    """Items of 项目支出 the report lists that no project evaluation names.

    Only where the list and the evaluations are of one granularity (some item names a project): a report that lists
    项目支出 in two aggregate lines and evaluates sixteen projects under them says nothing about which were left out.
    """
    params = unit.params
    if not params.projects:
        return []
    names = [p.name for p in params.projects]
    missing = [i for i in params.figures.project_items if not any(_matches(i.name, n) for n in names)]
    if not missing or len(missing) == len(params.figures.project_items):
        return []
    total = sum(i.amount.value for i in missing)
    listed = "、".join(f"“{i.name}” {money(i.amount.value)}" for i in missing)
    return [Finding("project_items_without_evaluation", KIND, "warning",
                    f"报告所列项目支出中，{listed}（合计 {money(total)}）在项目绩效自评汇总表中找不到对应项目，"
                    "未见其绩效自评。", "项目支出应逐项开展绩效自评",
                    tuple(Evidence(i.name, i.amount.value, "万元", i.amount.source) for i in missing))]


def unsupported_scores(unit: ScoredUnit) -> list[Finding]:
    """A project's self-score above what its own execution rate allows; a grade its own score does not give."""
    out = []
    sheet = unit.sheet
    for p in unit.params.projects:
        rate = _rate(p)
        if p.score is not None and rate is not None:
            cap = 100 - EXECUTION_POINTS + EXECUTION_POINTS * min(1.0, rate / 100)
            if p.score > cap + 0.005:
                out.append(Finding(
                    "project_score_above_execution", KIND, "warning",
                    f"项目“{p.name}”预算 {money(p.budget.value)}、执行 {money(p.executed.value)}，执行率 {pct(rate)}，"  # type: ignore[union-attr]
                    f"自评 {num(p.score)} 分；按执行率，自评总分最高只能为 {num(cap)} 分。", EXECUTION_RULE,
                    (Evidence("自评分", p.score, "分", p.source), Evidence("预算执行率", round_half_up(rate, 2), "%"),
                     Evidence("按执行率的最高分", round_half_up(cap, 2), "分"))))
        if p.score is not None and p.grade and p.grade != sheet.grade_of(p.score):
            out.append(Finding(
                "project_grade_inconsistent", KIND, "error",
                f"项目“{p.name}”自评 {num(p.score)} 分，等次却为“{p.grade}”（该分数对应“{sheet.grade_of(p.score)}”）。",
                "项目等次由自评分按等次划分标准确定",
                (Evidence("自评分", p.score, "分", p.source), Evidence("自评等次", p.grade, "", p.source))))
    return out
