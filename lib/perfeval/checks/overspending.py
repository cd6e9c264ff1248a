"""Overspending (决算 above 预算 on a spending line) and over-execution (a plan exceeded, execution above the budget)."""
from __future__ import annotations

from ..core.engine import ScoredUnit
from ..core.figures import COLUMNS, LINES
from ..core.params import Figure, figure_at
from .finding import Evidence, Finding
from .fmt import TOLERANCE, money, num, pct, sourced

KIND = "overspending"


def _under(line: str, ancestor: str) -> bool:
    while line:
        if line == ancestor:
            return True
        line = LINES[line].parent or ""
    return False


def _excess(label: str, over: Figure, limit: Figure, over_col: str, limit_col: str) -> tuple[str, tuple[Evidence, ...]]:
    rate = f"（为{limit_col}的 {pct(over.value / limit.value * 100)}）" if limit.value > 0 else ""
    text = (f"{label}{over_col} {money(over.value)}{sourced(over)}，超过{limit_col} {money(limit.value)}{sourced(limit)}"
            f" {money(over.value - limit.value)}{rate}")
    return text, (Evidence(f"{label}·{over_col}", over.value, "万元", over.source),
                  Evidence(f"{label}·{limit_col}", limit.value, "万元", limit.source))


def overspending(unit: ScoredUnit) -> list[Finding]:
    """Every spending line whose 决算 exceeds its 预算; every “三公” line above last year's 决算."""
    params = unit.params
    out = []
    for key, written in params.figures.lines.items():
        spec, line = LINES[key], written.in_wan()
        if spec.plan:
            continue
        if line.final and line.budget and line.final.value > line.budget.value + TOLERANCE:
            text, ev = _excess(spec.label, line.final, line.budget, COLUMNS["final"], COLUMNS["budget"])
            out.append(Finding("final_above_budget", KIND, "warning", f"超预算支出：{text}。",
                               "支出不得超过预算（决算数 ≤ 预算数）", ev))
        if _under(key, "sangong") and line.final and line.prev_final and line.final.value > line.prev_final.value + TOLERANCE:
            text, ev = _excess(spec.label, line.final, line.prev_final, COLUMNS["final"], COLUMNS["prev_final"])
            out.append(Finding("sangong_above_prev_final", KIND, "warning", f"“三公”经费增长：{text}。",
                               "“三公”经费只减不增：本年决算不超过上年决算", ev))
    return out


BUILDING_LIMITS = (("buildings.actual_area", "buildings.approved_area", "规模", "平方米"),
                   ("buildings.actual_investment", "buildings.approved_investment", "投资", "万元"))


def buildings(unit: ScoredUnit) -> list[Finding]:
    """楼堂馆所 built larger, or for more, than approved (附件1-2 楼堂馆所控制情况)."""
    out = []
    figures = unit.params.figures
    for actual_path, approved_path, what, u in BUILDING_LIMITS:
        actual, approved = figure_at(figures, actual_path), figure_at(figures, approved_path)
        if actual is None or approved is None or approved.value <= 0 or actual.value <= approved.value + TOLERANCE:
            continue
        shown = money if u == "万元" else (lambda v: f"{num(v)}{u}")
        out.append(Finding(
            f"building_{'area' if what == '规模' else 'investment'}_over_approval", KIND, "error",
            f"楼堂馆所实际{what} {shown(actual.value)}{sourced(actual)}，超过批复{what} {shown(approved.value)}"
            f"{sourced(approved)}，{what}控制率 {pct(actual.value / approved.value * 100)}。",
            f"楼堂馆所{what}不得超过批复（{what}控制率 = 实际 ÷ 批复 × 100% ≤ 100%）",
            (Evidence(f"实际{what}", actual.value, u, actual.source), Evidence(f"批复{what}", approved.value, u, approved.source))))
    return out


def over_execution(unit: ScoredUnit) -> list[Finding]:
    """A plan line executed above its plan (e.g. 政府采购), and budget execution above the adjusted budget."""
    params = unit.params
    out = []
    figures = params.figures
    for key, written in figures.lines.items():
        spec, line = LINES[key], written.in_wan()
        if spec.plan and line.final and line.budget and line.final.value > line.budget.value + TOLERANCE:
            text, ev = _excess(spec.label, line.final, line.budget, "实际数", "计划（预算）数")
            out.append(Finding("plan_exceeded", KIND, "warning", f"超计划执行：{text}。",
                               "执行数应与年初计划相符；大幅超出说明计划编制不实或存在计划外执行", ev))
    executed, adjusted = figure_at(figures, "budget.executed"), figure_at(figures, "budget.adjusted")
    if executed and adjusted and executed.value > adjusted.value + TOLERANCE:
        text, ev = _excess("全年", executed, adjusted, "执行数", "预算数（调整后）")
        out.append(Finding("execution_above_budget", KIND, "warning", f"预算执行率超过 100%：{text}。",
                           "执行数不得超过调整后的全年预算数", ev))
    return out
