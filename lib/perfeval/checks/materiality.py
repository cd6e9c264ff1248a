"""What a finding puts at stake, in the facts its severity is derived from: points of the total, the grade."""
from __future__ import annotations

from typing import TypedDict

from ..core.engine import ScoreSheet


class AtStake(TypedDict):
    """The points of the total a finding moves, and whether that could change the grade."""

    points: float
    grade_changes: bool


def at_stake(sheet: ScoreSheet, row_points: float) -> AtStake:
    """The facts for a finding that moves a row's score by row_points: the points of the total on the framework's
    scale (rows rescaled to 100 move the total by their share), and whether that could change the grade."""
    applicable = sheet.coverage.applicable
    points = abs(row_points) * (sheet.framework.total / applicable if applicable > 0 else 1.0)
    grade_changes = False
    if sheet.total_range is not None and sheet.grade is not None:
        low, high = sheet.total_range
        grade_changes = sheet.grade_of(max(0.0, low - points)) != sheet.grade or \
            sheet.grade_of(high + points) != sheet.grade
    return {"points": points, "grade_changes": grade_changes}
