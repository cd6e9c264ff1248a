"""The effect of another value of a figure or row on the score: params with it changed, and what moved."""
from __future__ import annotations

from ..core.engine import ScoreSheet
from ..core.params import Actual, Figure, Line, Target, UnitParams
from .fmt import num


def with_figure(params: UnitParams, path: str, value: float) -> UnitParams:
    """params with the figure at a catalogue path replaced by value (the other statement of it)."""
    figures = params.figures
    group, key, *column = path.split(".")
    if group == "lines":
        line = figures.lines.get(key) or Line()
        lines = {**figures.lines, key: line.model_copy(update={column[0]: Figure(value=value)})}
        figures = figures.model_copy(update={"lines": lines})
    else:
        figures = figures.model_copy(update={group: {**getattr(figures, group), key: Figure(value=value)}})
    return params.model_copy(update={"figures": figures})


def with_row_value(params: UnitParams, row_id: str, field: str, value: float) -> UnitParams:
    """params with one personalised row's actual or target value replaced."""
    rows = []
    for row in params.indicators:
        if (row.id or row.name) == row_id:
            old = getattr(row, field)
            new = (Actual if field == "actual" else Target)(**{**(old.model_dump() if old else {}), "value": value})
            row = row.model_copy(update={field: new})
        rows.append(row)
    return params.model_copy(update={"indicators": rows})


def score_of(sheet: ScoreSheet | None, row_id: str) -> float | None:
    row = sheet.row(row_id) if sheet else None
    return row.score if row else None


def effect(sheet: ScoreSheet, other: ScoreSheet | None, uses: bool = True) -> str:
    """One sentence: which indicator scores change, and the total, if the other value were used."""
    if not uses:
        return "该数字不参与本框架计分。"
    if other is None:
        return "以另一数值无法重算（如分母为 0）。"
    changed = [(r, o) for r, o in zip(sheet.rows, other.rows) if r.id == o.id and _differ(r.score, o.score)]
    if not changed:
        return "以任一数值计，重算得分相同。"
    rows = "，".join(f"“{r.name}”由 {_s(r.score)}变为 {_s(o.score)}" for r, o in changed)
    return f"改用该数值，{rows}，重算总分由 {num(sheet.total)} 分变为 {num(other.total)} 分。"


def _differ(a: float | None, b: float | None) -> bool:
    return (a is None) != (b is None) or (a is not None and b is not None and abs(a - b) >= 0.005)


def _s(score: float | None) -> str:
    return "未评" if score is None else f"{num(score)} 分"
