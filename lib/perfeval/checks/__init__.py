"""Audit checks: small pure functions over a scored unit that return findings, run together here."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..core.engine import ScoredUnit
from ..core.figures import ASSEMBLED_NOTE, is_figure_path
from ..core.params import figure_at
from . import (claims, denominator, deviations, execution, framework_arithmetic, generous, identities, overspending,
               projects, scores, statements, years)
from .causes import collapse
from .declarations import DECLARED, KINDS, Declared
from .finding import INFERRED_CHECKS, INFERRED_KINDS, SEVERITY_LABEL, SEVERITY_ORDER, Evidence, Finding

Check = Callable[[ScoredUnit], list[Finding]]

# name -> check; every check is pure (sheet in, findings out) and raises the declarations found_by it
CHECKS: dict[str, Check] = {
    "breakdowns": identities.breakdowns,
    "declared_identities": identities.declared,
    "listed_items": identities.listed_items,
    "items_listed_twice": identities.items_listed_twice,
    "figure_statements": statements.figure_statements,
    "row_restatements": statements.row_restatements,
    "section_weights": statements.section_weights,
    "stated_rates": claims.stated_rates,
    "stated_ratios": claims.stated_ratios,
    "section_rates": claims.section_rates,
    "full_marks": generous.full_marks,
    "targets_set_at_result": generous.targets_set_at_result,
    "claimed_scores": scores.claimed_scores,
    "section_scores": scores.section_scores,
    "claimed_total": scores.claimed_total,
    "claimed_total_vs_rows": scores.claimed_total_vs_rows,
    "deviations": deviations.deviations,
    "payment_progress": execution.payment_progress,
    "carryover": execution.carryover,
    "budget_denominator": denominator.budget_denominator,
    "budget_scope": denominator.budget_scope,
    "overspending": overspending.overspending,
    "over_execution": overspending.over_execution,
    "over_establishment": overspending.over_establishment,
    "buildings": overspending.buildings,
    "projects_evaluated": projects.summary,
    "projects_unevaluated": projects.unevaluated,
    "project_scores": projects.unsupported_scores,
    "projects_against_execution": projects.against_execution,
    "year_on_year": years.large_swings,
    "rows_vs_header": framework_arithmetic.rows_vs_header,
    "table_total": framework_arithmetic.table_total,
}


def _order(f: Finding) -> tuple[int, int]:
    kinds = list(KINDS)
    return SEVERITY_ORDER[f.severity], kinds.index(f.kind) if f.kind in kinds else len(kinds)


def every_finding(unit: ScoredUnit) -> list[Finding]:
    """Everything every check finds, each symptom on its own (what run_checks gathers into root causes)."""
    return [f for check in CHECKS.values() for f in check(unit)]


def run_checks(unit: ScoredUnit) -> list[Finding]:
    """Every root cause found in a unit, sorted by severity then kind; the findings one cause explains are its
    consequences (see causes.collapse), so counts by severity count causes, not their echoes."""
    found = sorted(collapse(every_finding(unit)), key=_order)
    if unit.params.drafted_from:  # not yet confirmed: what rests on the reader's inferences is a question
        found = [replace(f, candidate=True) if f.kind in INFERRED_KINDS or f.check in INFERRED_CHECKS
                 or _on_assembled(f, unit) else f for f in found]
    return found


def _on_assembled(f: Finding, unit: ScoredUnit) -> bool:
    """Does a finding rest on a figure the report's reader added up from its parts (a line's 年初预算 + 年中追加)?"""
    return any((fig := figure_at(unit.params.figures, path)) is not None and ASSEMBLED_NOTE in (fig.note or "")
               for path in f.figures if is_figure_path(path))


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    """{'error': n, 'warning': n, 'info': n}, every severity present, for the index page and the JSON; candidates
    (questions on a drafted unit) are counted apart, by count_candidates."""
    counts = dict.fromkeys(SEVERITY_ORDER, 0)
    for f in findings:
        if not f.candidate:
            counts[f.severity] += 1
    return counts


def count_candidates(findings: list[Finding]) -> int:
    """How many findings are questions on a drafted unit, not findings yet."""
    return sum(f.candidate for f in findings)


def group_by_kind(findings: list[Finding]) -> list[tuple[str, str, list[Finding]]]:
    """(kind, Chinese heading, findings) in KINDS order, each group most severe first: the report's 审计发现 sections."""
    groups: dict[str, list[Finding]] = {}
    for f in sorted(findings, key=lambda f: (_order(f)[1], SEVERITY_ORDER[f.severity])):
        groups.setdefault(f.kind, []).append(f)
    return [(kind, KINDS.get(kind, kind), items) for kind, items in groups.items()]


__all__ = ["CHECKS", "DECLARED", "KINDS", "SEVERITY_LABEL", "Declared", "Evidence", "Finding", "count_by_severity",
           "count_candidates", "every_finding",
           "group_by_kind", "run_checks"]
