"""Framework arithmetic (the engine's lint) surfaced as findings, plus the unit's own table not totalling 100."""
from __future__ import annotations

from ..core.engine import ScoredUnit
from .finding import Evidence, Finding
from .fmt import num, pts

KIND = "framework_arithmetic"


def lint_findings(unit: ScoredUnit) -> list[Finding]:
    """Sub-weights vs headers, totals other than 100, criteria below weight, blank weights, rule gaps."""
    sheet = unit.sheet
    used = set(sheet.readings_used)
    out = []
    for p in sheet.lint:
        if p.code in ("rule_gap", "national_default") and p.indicator not in used:
            continue  # a gap this unit's scoring never touched is not worth a reader's time
        out.append(Finding(f"framework_{p.code}", KIND, p.severity, p.message,
                           "框架分值与评分标准的算术关系", indicator=p.indicator or None))
    return out


def table_total(unit: ScoredUnit) -> list[Finding]:
    """The weights of the unit's whole table (every row printed with a weight) adding up to other than the total."""
    sheet = unit.sheet
    rows = [r for r in sheet.rows if r.status != "not_applicable"]
    if not rows or any(r.weight is None for r in rows) or not any(r.personalised for r in rows):
        return []
    total = sum(r.weight or 0.0 for r in rows)
    if abs(total - sheet.framework.total) < 1e-9:
        return []
    groups: dict[str, float] = {}
    for r in rows:
        groups[r.level1] = groups.get(r.level1, 0.0) + (r.weight or 0.0)
    parts = " + ".join(f"{k} {num(v)}" for k, v in groups.items())
    return [Finding("table_total_not_100", KIND, "error",
                    f"指标表各行分值合计 {pts(total)}（{parts}），不是 {pts(sheet.framework.total)}。",
                    f"全部指标分值之和 = {num(sheet.framework.total)} 分",
                    (Evidence("各行分值合计", total, "分"), Evidence("应有总分", sheet.framework.total, "分")))]
