"""Sensitivity: the total and grade of a unit under every option of every reading its score relied on.

One reading at a time, from the unit's chosen options, so the report can say which conclusions hold under any
reading of the framework's gaps and which turn on one of them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .engine import ScoredUnit


@dataclass(frozen=True)
class Reading:
    """The unit's total and grade had one reading taken another option (chosen: the option actually used)."""

    interpretation: str
    question: str
    option: str
    option_text: str
    chosen: bool
    total: float | None  # points scored, as the result's total
    total_on_100: float | None
    grade: str | None
    total_range: tuple[float, float] | None


def sensitivity(unit: ScoredUnit) -> list[Reading]:
    """Every option of every reading the unit's scoring consulted, each scored alone from the chosen readings."""
    sheet, fw = unit.sheet, unit.framework
    out = []
    for key in sheet.readings_used:
        interp = fw.reading(key)
        for option in interp.options:
            chosen = option == sheet.readings[key]
            other = sheet if chosen else unit.rescored(readings={key: option})
            out.append(Reading(key, interp.question, option, interp.text(option), chosen,
                               other.total if other else None, other.total_on_100 if other else None,
                               other.grade if other else None, other.total_range if other else None))
    return out
