"""A score sheet as plain data (the JSON contract of DESIGN.md), rounded as the report shows it."""
from __future__ import annotations

from typing import Any

from .engine import STATUS_LABEL, ScoreRow, ScoreSheet
from .formulas import round_half_up

PLACES = 2


def _r(x: float | None, places: int = PLACES) -> float | None:
    return None if x is None else round_half_up(x, places)


def row_to_dict(row: ScoreRow) -> dict[str, Any]:
    """One indicator: the Chinese name as in the seed, weight, computed value, score and claim."""
    return {
        "id": row.id,
        "level1": row.level1,
        "level2": row.level2,
        "name": row.name,
        "weight": row.weight,
        "effective_weight": _r(row.effective_weight, 4),
        "value": _r(row.value),
        "value_unit": row.value_unit,
        "score": _r(row.score),
        "claimed_score": row.claimed_score,
        "assessed_points": _r(row.assessed_points, 4),
        "status": row.status,
        "status_label": STATUS_LABEL[row.status],
        "rule": row.rule,
        "target": row.target,
        "actual": row.actual,
        "notes": list(row.notes),
        "inputs": [{"figure": i.path, "label": i.label, "value": i.value, "unit": i.unit, "source": i.source}
                   for i in row.inputs],
        "parts": [{"id": p.id, "label": p.label, "points": p.points, "score": _r(p.score), "value": _r(p.value),
                   "rule": p.rule, "missing": list(p.missing),
                   "alternatives": {k: _r(v) for k, v in p.alternatives}} for p in row.parts],
    }


def sheet_to_dict(sheet: ScoreSheet, findings: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The whole score sheet; findings are passed in by the caller (the checks module owns them)."""
    u = sheet.unit
    return {
        "unit": {"id": u.id, "name": u.name, "region": u.region, "year": u.year, "budget_code": u.budget_code,
                 "kind": u.kind},
        "framework": {"id": sheet.framework.id, "name": sheet.framework.name, "total": sheet.framework.total},
        "money_unit": "万元",
        "total": _r(sheet.total),
        "assessed_points": _r(sheet.assessed_points),
        "applicable_points": _r(sheet.applicable_points),
        "total_on_100": _r(sheet.total_on_100),
        "grade": sheet.grade,
        "grade_provisional": sheet.grade_provisional,
        "claimed_total": sheet.claimed_total,
        "claimed_grade": sheet.claimed_grade,
        "interpretations": {k: sheet.interpretations[k] for k in sheet.interpretations_used},
        "indicators": [row_to_dict(r) for r in sheet.rows],
        "findings": findings or [],
    }
