"""The unit's own table against its framework: rows that do not add up to their header, a table not totalling 100.

The framework's own arithmetic (a gap, a criterion short of its weight) is the same for every unit it scores: it is a
framework note (the unit result's framework_notes, shown once per framework), not a finding about the unit.
"""
from __future__ import annotations

from ..core.engine import ScoredUnit
from .declarations import FRAMEWORK_ROWS_VS_HEADER, TABLE_TOTAL_NOT_100
from .finding import Evidence, Finding
from .fmt import num, pts

UNIT_TABLE = ("rows_vs_header",)  # lint codes about the unit's own rows, not the framework file


def rows_vs_header(unit: ScoredUnit) -> list[Finding]:
    """The unit's rows under a level-1 header adding up to other than the header's weight (效益 30 vs rows 40)."""
    return [FRAMEWORK_ROWS_VS_HEADER(indicator=p.indicator or None, figures=(f"weights.{p.indicator}",),
                                     message=p.message, lint_severity=p.severity)
            for p in unit.sheet.lint if p.code in UNIT_TABLE]


def table_total(unit: ScoredUnit) -> list[Finding]:
    """The weights of the unit's whole table (every row printed with a weight) adding up to other than the total."""
    sheet = unit.sheet
    rows = [r for r in sheet.rows if r.status != "not_applicable" and not r.unset]  # the unit's own table
    if not rows or any(r.weight is None for r in rows) or not any(r.personalised for r in rows):
        return []
    total = sum(r.weight or 0.0 for r in rows)
    if abs(total - sheet.framework.total) < 1e-9:
        return []
    groups: dict[str, float] = {}
    for r in rows:
        groups[r.level1] = groups.get(r.level1, 0.0) + (r.weight or 0.0)
    parts = " + ".join(f"{k} {num(v)}" for k, v in groups.items())
    off = [p.indicator for p in sheet.lint if p.code in UNIT_TABLE]  # the headers whose rows make the excess
    return [TABLE_TOTAL_NOT_100({"weights": Evidence("各行分值合计", total, "分"),
                                 "expected": Evidence("应有总分", sheet.framework.total, "分")},
                                figures=[f"weights.{i}" for i in off], total=pts(total), parts=parts,
                                expected=pts(sheet.framework.total), expected_num=num(sheet.framework.total))]
