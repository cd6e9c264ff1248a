"""Framework arithmetic (the engine's lint) surfaced as findings."""
from __future__ import annotations

from ..engine import ScoreSheet
from .finding import Finding


def lint_findings(sheet: ScoreSheet) -> list[Finding]:
    """Sub-weights vs headers, totals other than 100, criteria below weight, blank weights, rule gaps."""
    used = set(sheet.interpretations_used)
    out = []
    for p in sheet.lint:
        if p.code == "rule_gap" and p.indicator not in used:
            continue  # a gap this unit's scoring never touched is not worth a reader's time
        out.append(Finding(f"framework_{p.code}", "framework_arithmetic", p.severity, p.message,
                           "框架分值与评分标准的算术关系", indicator=p.indicator or None))
    return out
