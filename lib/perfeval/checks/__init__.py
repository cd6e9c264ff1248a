"""Audit checks: small pure functions over a scored unit that return findings, run together here."""
from __future__ import annotations

from typing import Callable

from ..engine import ScoreSheet
from .finding import SEVERITY_ORDER, Evidence, Finding
from . import claims, framework_arithmetic

Check = Callable[[ScoreSheet], list[Finding]]

# check id prefix -> function; order here is the order of kinds in reports
CHECKS: dict[str, Check] = {
    "recomputed_vs_claimed": claims.stated_rates,
    "claimed_scores": claims.claimed_scores,
    "claimed_total": claims.claimed_total,
    "framework_arithmetic": framework_arithmetic.lint_findings,
}


def run_checks(sheet: ScoreSheet) -> list[Finding]:
    """Every finding for a unit, sorted by severity then kind (the order an analyst reads them)."""
    found = [f for check in CHECKS.values() for f in check(sheet)]
    kinds = list(CHECKS)
    return sorted(found, key=lambda f: (SEVERITY_ORDER[f.severity], kinds.index(f.kind) if f.kind in kinds else 99))


__all__ = ["CHECKS", "Evidence", "Finding", "run_checks"]
