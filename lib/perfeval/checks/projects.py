"""Per-project self-evaluations (附件2-4): their spread, what of 项目支出 they cover, and scores execution cannot support."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..core.engine import ScoredUnit
from ..core.params import Project, figure_at
from ..core.numbers import mean, ratio_pct, round_half_up
from .declarations import (LOW_EXECUTION, PROJECT_GRADE_INCONSISTENT, PROJECT_ITEMS_WITHOUT_EVALUATION,
                           PROJECT_SCORE_ABOVE_EXECUTION, PROJECT_USES_WITHOUT_EVALUATION,
                           PROJECTS_ALL_HIGH_AGAINST_EXECUTION, PROJECTS_EVALUATED)
from .finding import Evidence, Finding
from .fmt import money, num, pct

# 财预〔2020〕10号 项目支出绩效自评表: 预算执行率 weighs 10 of 100 points and scores 10 × 执行数 ÷ 预算数, so a
# project that spent a share r of its budget can score at most 90 + 10 × r
EXECUTION_POINTS = 10.0
EXECUTION_RULE = "项目支出绩效自评中预算执行率占 10 分，按 执行数 ÷ 预算数 计分（财预〔2020〕10号）：自评总分最高为 90 + 10 × 执行率"


def _rate(p: Project) -> float | None:
    if p.budget is None or p.executed is None or p.budget.value <= 0:
        return None
    return ratio_pct(p.executed.value, p.budget.value)


def summary(unit: ScoredUnit) -> list[Finding]:
    """How many projects the unit evaluated, their mean and lowest score, and the share of 项目支出 they cover."""
    projects = unit.params.projects
    with_score = [(p, p.score) for p in projects if p.score is not None]
    if not with_score:
        return []
    scored, scores = [p for p, _ in with_score], [s for _, s in with_score]
    lowest, low = min(with_score, key=lambda ps: ps[1])
    text = (f"单位对 {len(scored)} 个项目开展了绩效自评，平均 {num(mean(scores))} 分，最低“{lowest.name}” "
            f"{num(low)} 分，最高 {num(max(scores))} 分。")
    ev = {"count": Evidence("自评项目数", len(scored), "个", scored[0].source),
          "mean": Evidence("平均分", round_half_up(mean(scores), 2), "分"),
          "lowest": Evidence("最低分", low, "分", lowest.source)}
    project_total = figure_at(unit.params.figures, "lines.project.final")
    spent = [p.executed.value for p in scored if p.executed is not None]
    if project_total is not None and project_total.value > 0 and len(spent) == len(scored):
        share = sum(spent) / project_total.value * 100
        text += f"这些项目的执行数合计 {money(sum(spent))}，占项目支出 {money(project_total.value)} 的 {pct(share)}。"
        ev["covered"] = Evidence("已自评项目执行数合计", round_half_up(sum(spent), 2), "万元")
    elif project_total is not None:
        text += "汇总表未列各项目金额，无法计算已自评项目占项目支出的比重。"
    return [PROJECTS_EVALUATED(ev, text=text)]


_NOT_A_NAME = re.compile(r"\d{4}年(度|前)?|[“”\"'《》（）()、，,；;\s]")
NAME_OVERLAP = 0.6  # share of the shorter name two names must have in one run of characters to be one project
NAME_RUN = 4  # and at least this many characters: 长沙县 or 建设项目 alone do not make two names one


def same_project(a: str, b: str) -> bool:
    """Do two names, as two parts of one report write them, name one project? One contains the other, or they share a
    run of characters that is most of the shorter (年份、标点 aside): 平台公务用车运行经费 is 平台管理公务用车运行经费;
    长沙县智慧城市指挥运营中心建设项目 is not 长沙县人武部“四个秩序”规范建设项目."""
    x, y = _NOT_A_NAME.sub("", a), _NOT_A_NAME.sub("", b)
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    run = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y)).size
    return run >= max(NAME_RUN, NAME_OVERLAP * min(len(x), len(y)))


def unevaluated(unit: ScoredUnit) -> list[Finding]:
    """Items of 项目支出 the report lists, and projects it names as their uses, that no project evaluation names.

    An item named by no evaluation counts only where the list and the evaluations are of one granularity (some item
    names a project): a report that lists 项目支出 in two aggregate lines and evaluates sixteen projects under them says
    nothing, by the lines alone, about which were left out; the uses it names under them (主要用于…) do.
    """
    params = unit.params
    if not params.projects:
        return []
    names = [p.name for p in params.projects]
    items = params.figures.project_items
    unmatched = [i for i in items if not any(same_project(i.name, n) for n in names)]
    missing = [i for i in unmatched if not i.named_uses]
    out = []
    if missing and len(missing) < len(items):
        total = sum(i.amount.value for i in missing)
        listed = "、".join(f"“{i.name}” {money(i.amount.value)}" for i in missing)
        out.append(PROJECT_ITEMS_WITHOUT_EVALUATION(
            {"item": [Evidence(i.name, i.amount.value, "万元", i.amount.source) for i in missing]},
            listed=listed, total=money(total)))
    uses = [(use, i) for i in unmatched for use in i.named_uses if not any(same_project(use, n) for n in names)]
    if uses:
        lines = list(dict.fromkeys(i for _, i in uses))
        out.append(PROJECT_USES_WITHOUT_EVALUATION(
            {"use": [Evidence(use, None, "", i.amount.source) for use, i in uses],
             "line": [Evidence(i.name, i.amount.value, "万元", i.amount.source) for i in lines]},
            count=len(uses), projects=len(names),
            listed="、".join(f"“{use}”（列于“{i.name}” {money(i.amount.value)}下）" for use, i in uses)))
    return out


def unsupported_scores(unit: ScoredUnit) -> list[Finding]:
    """A project's self-score above what its own execution rate allows; a grade its own score does not give."""
    out = []
    sheet = unit.sheet
    for p in unit.params.projects:
        rate = _rate(p)
        if p.score is not None and rate is not None:
            cap = 100 - EXECUTION_POINTS + EXECUTION_POINTS * min(1.0, rate / 100)
            if p.score > cap + 0.005:
                out.append(PROJECT_SCORE_ABOVE_EXECUTION(
                    {"claimed": Evidence("自评分", p.score, "分", p.source),
                     "rate": Evidence("预算执行率", round_half_up(rate, 2), "%"),
                     "allowed": Evidence("按执行率的最高分", round_half_up(cap, 2), "分")},
                    # _rate(p) is set only when both are
                    project=p.name, budget=money(p.budget.value), executed=money(p.executed.value),  # type: ignore[union-attr]
                    rate=pct(rate), score=num(p.score), cap=num(cap), rule=EXECUTION_RULE))
        if p.score is not None and p.grade and p.grade != sheet.grade_of(p.score):
            out.append(PROJECT_GRADE_INCONSISTENT(
                {"claimed": Evidence("自评分", p.score, "分", p.source), "grade": Evidence("自评等次", p.grade, "", p.source)},
                project=p.name, score=num(p.score), grade=p.grade, expected=sheet.grade_of(p.score)))
    return out


def against_execution(unit: ScoredUnit) -> list[Finding]:
    """Every evaluated project scored 90 or more while the unit's own budget execution rate is low: the projects'
    self-evaluations do not show what the spending does."""
    with_score = [(p, p.score) for p in unit.params.projects if p.score is not None]
    row = next((r for r in unit.sheet.rows if r.role == "budget_execution"), None)
    part = next((p for p in row.parts if p.value is not None), None) if row else None
    rate = part.value if part else None  # as the row scores and prints it (89.995 % is 90.00 %)
    if len(with_score) < 2 or row is None or part is None or rate is None or rate >= LOW_EXECUTION \
            or min(s for _, s in with_score) < 90:
        return []
    lowest, low = min(with_score, key=lambda ps: ps[1])
    return [PROJECTS_ALL_HIGH_AGAINST_EXECUTION(
        {"count": Evidence("自评项目数", len(with_score), "个", with_score[0][0].source),
         "lowest": Evidence("最低分", low, "分", lowest.source),
         "rate": Evidence(part.label, rate, "%")},
        indicator=row.id, count=len(with_score), lowest=num(low), row=f"“{part.label}”",
        rate=pct(rate), threshold=pct(LOW_EXECUTION))]
