"""One figure, two values: the same quantity stated differently in two places of one report."""
from __future__ import annotations

from typing import Iterator

from ..core.engine import ScoredUnit, ScoreRow, ScoreSheet
from ..core.framework import Node
from ..core.figures import label_of
from ..core.params import UnitParams, figure_at, restated, value_of
from ..core.quantity import contradicts
from .declarations import (FIGURE_DIFFERS_UNEXPLAINED, FIGURE_STATED_TWICE, ROW_VALUE_STATED_TWICE,
                           SECTION_WEIGHT_STATED_TWICE)
from .finding import Evidence, Finding
from .fmt import amount, money, num, pct, pts, sourced_value, value_evidence, written
from .materiality import at_stake
from .rescore import effect, score_of, with_figure, with_row_value

def figure_statements(unit: ScoredUnit) -> list[Finding]:
    """A figure (catalogue or stated) given another value elsewhere (claims.statements) that cannot also be true,
    judged at the precision and with the qualifiers each was written with (800余 vs 600余 contradict; 300多 vs 300
    do not), and what the other value would change in the score.

    Each distinct (figure, value) that feeds a score is rescored once, so the cost grows with the statements.
    """
    sheet, params = unit.sheet, unit.params
    scored_inputs = {i.path for r in sheet.rows for i in r.inputs}
    effects: dict[tuple[str, float], tuple[str, float]] = {}  # (what the other value changes, points it moves)
    out = []
    for st in params.claims.statements:
        first = value_of(params, st.figure)
        if first is None:
            continue
        other = restated(st, st.figure, first.label, first.unit, st.unit)
        if not contradicts(first.quantity(), other.quantity()):
            continue
        uses = st.figure in scored_inputs
        key = (st.figure, other.value)
        if key not in effects:
            changed = unit.rescored(with_figure(params, st.figure, other.value)) if uses else None
            effects[key] = (effect(sheet, changed, uses), abs(sheet.total - changed.total) if changed else 0.0)
        what, moved = effects[key]
        gap = abs(first.value - other.value)
        if st.named:
            out.append(FIGURE_DIFFERS_UNEXPLAINED(
                {"first": value_evidence(first), "other": value_evidence(other, st.named)}, figures=(st.figure,),
                label=first.label, first=written(first), first_source=sourced_value(first), named=st.named,
                other=written(other), other_source=sourced_value(other), gap=amount(gap, first.unit),
                arithmetic=_arithmetic(params, st.figure, first.value, other.value),
                effect=f"本报告按前者计分；{what}" if uses else what,
                **at_stake(sheet, moved), share=gap / first.value * 100 if first.value else 100.0))
            continue
        out.append(FIGURE_STATED_TWICE(
            {"first": value_evidence(first), "other": value_evidence(other)}, figures=(st.figure,),
            label=first.label, first=written(first), first_source=sourced_value(first), other=written(other),
            other_source=sourced_value(other),
            gap=f"，相差 {amount(gap, first.unit)}" if not (first.qualified or other.qualified) else "，两种说法不可能同时成立",
            effect=f"本报告按前者计分；{what}" if uses else what, **at_stake(sheet, moved)))
    return out


def _arithmetic(params: UnitParams, path: str, value: float, other: float) -> str:
    """What could explain the difference between a figure and a differently named value, in figures: the budget
    adjustment (net of 追加 and 调减) against a 调减 larger than it fits an unstated 追加 of the difference, and the
    gross adjustment (调减 + that 追加) as a share of the start-of-year budget."""
    gap = abs(value - other)
    start = figure_at(params.figures, "budget.start_of_year")
    if path != "budget.adjustment_total" or other <= value or start is None or start.value <= 0:
        return f"差额占{label_of(path)}的 {pct(gap / value * 100)}。" if value > 0 else ""
    gross = other + gap
    return (f"差额 {money(gap)} 与一笔未载明的年中追加相符：若如此，调整总额（调减 + 追加）为 {money(gross)}，"
            f"占年初预算 {money(start.value)} 的 {pct(gross / start.value * 100)}。")


def row_restatements(unit: ScoredUnit) -> list[Finding]:
    """A row's target or actual the narrative states differently from the table, and the score it would give."""
    sheet, params = unit.sheet, unit.params
    out = []
    for row in params.indicators:
        row_id = row.id or row.name
        for again in row.elsewhere:
            given = getattr(row, again.field)
            if given is None or given.value is None or abs(given.value - again.value) < 1e-9:
                continue
            what = "实际完成值" if again.field == "actual" else "年度指标值"
            unit_a, unit_b = given.unit or "", again.unit or given.unit or ""
            other = unit.rescored(with_row_value(params, row_id, again.field, again.value))
            before, after = score_of(sheet, row_id), score_of(other, row_id) if other else None
            change = ""
            if before is not None and after is not None and abs(before - after) >= 0.005:
                claimed = f"（自评 {pts(row.claimed_score)}）" if row.claimed_score is not None else ""
                change = f"按后者计，本行得分由 {pts(before)}变为 {pts(after)}{claimed}。"
            out.append(ROW_VALUE_STATED_TWICE(
                {"first": Evidence(f"{row.name}·{what}", given.value, unit_a, row.source),
                 "other": Evidence(f"{row.name}·{what}", again.value, unit_b, again.source)},
                indicator=row_id, row=row.name, what=what, first_source=row.source or "指标表",
                first=f"{num(given.value)}{unit_a}", other=f"{num(again.value)}{unit_b}",
                other_source=again.source or "来源未注明", change=change,
                **at_stake(sheet, before - after if before is not None and after is not None else 0.0)))
    return out


def find_section(sheet: ScoreSheet, name: str) -> Node | None:
    """The level-1 indicator a narrative names ('效益目标' → 效益指标): exact name or alias, else containment."""
    tops = sheet.framework.indicators
    exact = [t for t in tops if name in (t.name, *t.aliases)]
    if exact:
        return exact[0]
    near = [t for t in tops if any(n in name or name in n for n in (t.name, *t.aliases))]
    return near[0] if len(near) == 1 else None


def section_rows(sheet: ScoreSheet, top: Node) -> Iterator[ScoreRow]:
    """The scored rows under a level-1 indicator."""
    return (r for r in sheet.rows if r.level1 == top.name)


def section_weights(unit: ScoredUnit) -> list[Finding]:
    """A section's 总分值 stated in the narrative against the table header and the rows under it."""
    sheet, params = unit.sheet, unit.params
    out = []
    for claim in params.claims.sections:
        top = find_section(sheet, claim.name)
        if top is None or claim.weight is None or top.weight is None or abs(top.weight - claim.weight) < 1e-9:
            continue
        rows = sum(r.weight or 0 for r in section_rows(sheet, top) if r.status != "not_applicable")
        out.append(SECTION_WEIGHT_STATED_TWICE(
            {"header": Evidence(f"{top.name}·表头分值", top.weight, "分", sheet.framework.source),
             "stated": Evidence(f"{claim.name}·正文所述分值", claim.weight, "分", claim.source),
             "rows": Evidence(f"{top.name}·各行分值合计", rows, "分")}, figures=(f"weights.{top.id}",),
            section=claim.name, header=pts(top.weight), stated=pts(claim.weight), source=claim.source or "来源未注明",
            rows=pts(rows), **at_stake(sheet, abs(top.weight - claim.weight))))
    return out
