"""One figure, two values: the same quantity stated differently in two places of one report."""
from __future__ import annotations

from typing import Iterator

from ..core.engine import ScoredUnit, ScoreRow, ScoreSheet
from ..core.figures import label_of, unit_of
from ..core.framework import Node
from ..core.params import figure_at
from .finding import Evidence, Finding
from .fmt import TOLERANCE, amount, num, pts
from .rescore import effect, score_of, with_figure, with_row_value

KIND = "two_values"


def figure_statements(unit: ScoredUnit) -> list[Finding]:
    """A figure of the params stated with another value elsewhere (claims.statements), and what it changes.

    Each distinct (figure, value) that feeds a score is rescored once, so the cost grows with the statements.
    """
    sheet, params = unit.sheet, unit.params
    scored_inputs = {i.path for r in sheet.rows for i in r.inputs}
    effects: dict[tuple[str, float], str] = {}
    out = []
    for st in params.claims.statements:
        fig = figure_at(params.figures, st.figure)
        if fig is None or abs(fig.value - st.value) < TOLERANCE:
            continue
        u = unit_of(st.figure)
        uses = st.figure in scored_inputs
        key = (st.figure, st.value)
        if key not in effects:
            other = unit.rescored(with_figure(params, st.figure, st.value)) if uses else None
            effects[key] = effect(sheet, other, uses)
        what = effects[key]
        out.append(Finding(
            "figure_stated_twice", KIND, "error",
            f"{label_of(st.figure)}前后不一：一处为 {amount(fig.value, u)}（{fig.source or '来源未注明'}），"
            f"另一处为 {amount(st.value, u)}（{st.source or '来源未注明'}），相差 {amount(abs(fig.value - st.value), u)}。"
            + (f"本报告按前者计分；{what}" if uses else what),
            "同一报告中同一数字只能有一个值",
            (Evidence(label_of(st.figure), fig.value, u, fig.source),
             Evidence(label_of(st.figure), st.value, u, st.source))))
    return out


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
            out.append(Finding(
                "row_value_stated_twice", KIND, "error",
                f"“{row.name}”的{what}前后不一：{row.source or '指标表'}为 {num(given.value)}{unit_a}，"
                f"另一处为 {num(again.value)}{unit_b}（{again.source or '来源未注明'}）。{change}",
                "同一报告中同一指标的数值只能有一个", (
                    Evidence(f"{row.name}·{what}", given.value, unit_a, row.source),
                    Evidence(f"{row.name}·{what}", again.value, unit_b, again.source)), row_id))
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
        out.append(Finding(
            "section_weight_stated_twice", KIND, "error",
            f"“{claim.name}”的分值前后不一：指标表表头为 {pts(top.weight)}，报告正文为 {pts(claim.weight)}"
            f"（{claim.source or '来源未注明'}）；表中其下各行分值合计 {pts(rows)}。",
            "一级指标分值只能有一个，且应等于其下各行分值之和",
            (Evidence(f"{top.name}·表头分值", top.weight, "分", sheet.framework.source),
             Evidence(f"{claim.name}·正文所述分值", claim.weight, "分", claim.source),
             Evidence(f"{top.name}·各行分值合计", rows, "分"))))
    return out
