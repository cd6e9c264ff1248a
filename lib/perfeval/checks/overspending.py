"""Overspending (决算 above 预算 on a spending line), over-execution (a plan exceeded, execution above the budget) and
staff above the establishment."""
from __future__ import annotations

from ..core.engine import ScoredUnit
from ..core.figures import COLUMNS, LINES
from ..core.params import Figure, figure_at
from .declarations import (BUILDING_AREA_OVER_APPROVAL, BUILDING_INVESTMENT_OVER_APPROVAL, EXECUTION_ABOVE_BUDGET,
                           Declared,
                           FINAL_ABOVE_BUDGET, PLAN_EXCEEDED, SANGONG_ABOVE_PREV_FINAL, STAFF_ABOVE_ESTABLISHMENT,
                           STAFF_TOTAL_ABOVE_ESTABLISHMENT)
from .finding import Evidence, Finding
from .fmt import TOLERANCE, money, num, pct, sourced

def _under(line: str, ancestor: str) -> bool:
    while line:
        if line == ancestor:
            return True
        line = LINES[line].parent or ""
    return False


def _share(over: Figure, limit: Figure) -> float:
    """The excess as a share of its limit (%): what is at stake against the budget or plan."""
    return (over.value - limit.value) / limit.value * 100 if limit.value > 0 else 100.0


def _excess(label: str, over: Figure, limit: Figure, over_col: str, limit_col: str) -> tuple[str, dict[str, Evidence]]:
    rate = f"（为{limit_col}的 {pct(over.value / limit.value * 100)}）" if limit.value > 0 else ""
    text = (f"{label}{over_col} {money(over.value)}{sourced(over)}，超过{limit_col} {money(limit.value)}{sourced(limit)}"
            f" {money(over.value - limit.value)}{rate}")
    return text, {"over": Evidence(f"{label}·{over_col}", over.value, "万元", over.source),
                  "limit": Evidence(f"{label}·{limit_col}", limit.value, "万元", limit.source)}


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
            out.append(FINAL_ABOVE_BUDGET(ev, text=text, share=_share(line.final, line.budget),
                                          figures=(f"lines.{key}.final", f"lines.{key}.budget")))
        if _under(key, "sangong") and line.final and line.prev_final and line.final.value > line.prev_final.value + TOLERANCE:
            text, ev = _excess(spec.label, line.final, line.prev_final, COLUMNS["final"], COLUMNS["prev_final"])
            out.append(SANGONG_ABOVE_PREV_FINAL(ev, text=text, share=_share(line.final, line.prev_final)))
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
        check = BUILDING_AREA_OVER_APPROVAL if what == "规模" else BUILDING_INVESTMENT_OVER_APPROVAL
        out.append(check(
            {"over": Evidence(f"实际{what}", actual.value, u, actual.source),
             "limit": Evidence(f"批复{what}", approved.value, u, approved.source)},
            what=what, actual=shown(actual.value), actual_source=sourced(actual), approved=shown(approved.value),
            approved_source=sourced(approved), rate=pct(actual.value / approved.value * 100)))
    return out


def over_establishment(unit: ScoredUnit) -> list[Finding]:
    """More staff on duty than the establishment approves (实有在职50人, 编制46人): what the 在职人员控制率 deducts for,
    said as a finding, with both figures and where the report states them. A report that states only its 实有人数
    (人员编制 / 48 / 实有人数 / 52) may count retirees in it: that is asked, not called 超编."""
    figures = unit.params.figures
    on_duty, authorized = figure_at(figures, "staff.on_duty"), figure_at(figures, "staff.authorized")
    if on_duty is None and authorized is not None:
        return _total_above_establishment(unit, authorized)
    if on_duty is None or authorized is None or authorized.value <= 0 or on_duty.value <= authorized.value:
        return []
    return [_above(STAFF_ABOVE_ESTABLISHMENT, "在职人数", "on_duty", on_duty, authorized)]


def _above(declared: Declared, label: str, name: str, staff: Figure, authorized: Figure) -> Finding:
    """The finding that a headcount (its label, and its name in the declaration's text) stands above 编制."""
    return declared(
        {"over": Evidence(label, staff.value, "人", staff.source),
         "limit": Evidence("编制数", authorized.value, "人", authorized.source)},
        **{name: f"{num(staff.value)}人", f"{name}_source": sourced(staff)}, authorized=f"{num(authorized.value)}人",
        authorized_source=sourced(authorized), gap=f"{num(staff.value - authorized.value)}人",
        rate=pct(staff.value / authorized.value * 100))


def _total_above_establishment(unit: ScoredUnit, authorized: Figure) -> list[Finding]:
    """实有人数 above 编制 where neither 在职 nor those outside it (退休, 遗属) are stated: a question of what 实有 counts."""
    figures = unit.params.figures
    total = figure_at(figures, "staff.total")
    outside = [figure_at(figures, p) for p in ("staff.retired", "staff.survivors")]
    if total is None or authorized.value <= 0 or total.value <= authorized.value or any(outside):
        return []
    return [_above(STAFF_TOTAL_ABOVE_ESTABLISHMENT, "实有人数", "total", total, authorized)]


def over_execution(unit: ScoredUnit) -> list[Finding]:
    """A plan line executed above its plan (e.g. 政府采购), and budget execution above the adjusted budget."""
    params = unit.params
    out = []
    figures = params.figures
    for key, written in figures.lines.items():
        spec, line = LINES[key], written.in_wan()
        if spec.plan and line.final and line.budget and line.final.value > line.budget.value + TOLERANCE:
            text, ev = _excess(spec.label, line.final, line.budget, "实际数", "计划（预算）数")
            out.append(PLAN_EXCEEDED(ev, text=text, share=_share(line.final, line.budget),
                                     figures=(f"lines.{key}.final", f"lines.{key}.budget")))
    executed, adjusted = figure_at(figures, "budget.executed"), figure_at(figures, "budget.adjusted")
    if executed and adjusted and executed.value > adjusted.value + TOLERANCE:
        text, ev = _excess("全年", executed, adjusted, "执行数", "预算数（调整后）")
        out.append(EXECUTION_ABOVE_BUDGET(ev, text=text, share=_share(executed, adjusted),
                                          figures=("budget.executed", "budget.adjusted")))
    return out
