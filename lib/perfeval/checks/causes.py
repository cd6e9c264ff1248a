"""One finding per root cause: findings about the same figure collapse into the one that names the cause.

A figure stated twice (613.76 and 612.54 for 公务用车) also breaks the identities it sits in, in each column, and a
ratio computed from the other value: one cause, several symptoms. Findings of the kinds where a wrong figure
propagates are joined when they question a figure of the same base-data line (or the same scalar, or the same
header's weights); the group's most telling finding — two values first, then a broken identity, then a rate —
keeps the others as its consequences. A section score that is high only by the rows found generous below it is a
consequence of those rows.
"""
from __future__ import annotations

from dataclasses import replace

from .finding import SEVERITY_ORDER, Finding

PROPAGATING = ("two_values", "accounting_identities", "unexplained_differences", "recomputed_vs_claimed",
               "framework_arithmetic")
JOINING = ("recomputed_vs_claimed",)  # a rate divides two figures: it joins the cause of one, it does not tie two
# causes (a wrong rate over the parts of two broken identities is no single cause of both)
ROW_LEVEL = ("generous_scoring", "claimed_scores")
ROW_ECHOES = ("deviations",)  # about a row's figures: said with the row's score finding when there is one


def _key(figure: str) -> str:
    """What ties two findings: a base-data line whichever its column (lines.sangong_vehicle), else the figure."""
    parts = figure.lstrip("-").split(".")
    return ".".join(parts[:2]) if parts[0] == "lines" else figure.lstrip("-")


def _rank(f: Finding) -> tuple[int, int, int]:
    return (PROPAGATING.index(f.kind) if f.kind in PROPAGATING else len(PROPAGATING), SEVERITY_ORDER[f.severity],
            0 if f.check.endswith("stated_twice") else 1)


def _groups(findings: list[Finding]) -> list[list[Finding]]:
    parent = list(range(len(findings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    rates = [i for i, f in enumerate(findings) if f.kind in JOINING]
    joining = set(rates)
    for i, f in enumerate(findings):
        if f.kind not in PROPAGATING or i in joining:
            continue
        for key in {_key(x) for x in f.figures}:
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    for i in rates:  # a rate joins the first cause it divides a figure of, never two causes into one, and two rates
        # over one figure are two claims (下降43.78% on last year and 下降2.2% on the budget, both of the 41)
        hit = next((owner[k] for k in sorted({_key(x) for x in findings[i].figures}) if k in owner), None)
        if hit is not None:
            parent[find(i)] = find(hit)
    groups: dict[int, list[Finding]] = {}
    for i, f in enumerate(findings):
        groups.setdefault(find(i), []).append(f)
    return list(groups.values())


def _with_consequences(group: list[Finding]) -> Finding:
    head, *rest = sorted(group, key=_rank)
    if not rest:
        return head
    worst = min((f.severity for f in group), key=SEVERITY_ORDER.__getitem__)
    return replace(head, severity=worst, consequences=head.consequences + tuple(f.message for f in rest),
                   figures=tuple(dict.fromkeys(x for f in group for x in f.figures)))


def _gap(f: Finding) -> float:
    """Claimed minus recomputed (or the most the rule allows): the score a finding says was claimed too much."""
    claimed = f.value_of("claimed")
    recomputed = f.value_of("recomputed")
    if recomputed is None:
        recomputed = f.value_of("allowed")
    return claimed - recomputed if claimed is not None and recomputed is not None else 0.0


def _section_echoes(findings: list[Finding]) -> list[Finding]:
    """A section's claimed score above the recomputed, explained entirely by the rows under it found to claim too
    much, is said as a consequence of the first of those rows (its gap is the sum of theirs, to the cent)."""
    sections = [f for f in findings if f.check == "section_score_above_recomputed"]
    out = [f for f in findings if f not in sections]
    for s in sections:
        rows = [f for f in out if f.kind in ROW_LEVEL and f.indicator in s.figures and _gap(f) > 0]
        if not rows or abs(sum(_gap(f) for f in rows) - _gap(s)) > 0.011 * len(rows):
            out.append(s)
            continue
        first = rows[0]
        out[out.index(first)] = replace(first, consequences=first.consequences + (s.message,))
    return out


def _row_echoes(findings: list[Finding]) -> list[Finding]:
    """A row's unexplained deviation, said beside the finding about the same row's score (a cost overrun given full
    marks is one problem of that row: its score and the missing reason for it), at the graver of the two severities:
    a target missed without a reason stays a 警示 beside a 提示 about the row's score."""
    out = [f for f in findings if f.kind not in ROW_ECHOES]
    for echo in (f for f in findings if f.kind in ROW_ECHOES):
        owner = next((i for i, f in enumerate(out) if f.kind in ROW_LEVEL and f.indicator == echo.indicator), None)
        if owner is None:
            out.append(echo)
        else:
            worst = min(out[owner].severity, echo.severity, key=SEVERITY_ORDER.__getitem__)
            out[owner] = replace(out[owner], severity=worst, consequences=out[owner].consequences + (echo.message,))
    return out


def collapse(findings: list[Finding]) -> list[Finding]:
    """The findings, one per root cause, each carrying the findings its cause explains as consequences."""
    return _row_echoes(_section_echoes([_with_consequences(g) for g in _groups(findings)]))
