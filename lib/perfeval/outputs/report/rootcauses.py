"""存在的问题: the unit's root causes as the report states them, each with what it also breaks (its consequences).

Read from the unit result, so the report says exactly what `score --json`, the index and the workbook count.
"""
from __future__ import annotations

from typing import NamedTuple, Sequence

from ...fmt import quantity
from ...result import FindingOut, UnitResult

SERIOUS = ("error", "warning")  # what the conclusion names; 提示 are for reference


class Problem(NamedTuple):
    """One root cause: what was found, under which rule, on which figures, and what else it breaks."""

    number: int
    severity: str  # error / warning / info
    severity_label: str
    kind_label: str
    indicator: str  # the indicator's name, or "" when the cause is a figure rather than a score
    text: str
    rule: str
    evidence: str
    consequences: tuple[str, ...]


def evidence_text(f: FindingOut) -> str:
    """The figures a finding compared, each by the rule of its kind, with where the document states it."""
    parts = []
    for e in f.evidence:
        value = "未载明" if e.value is None else quantity(e.value, e.unit)
        parts.append(f"{e.label}：{value}" + (f"（{e.source}）" if e.source else ""))
    return "；".join(parts)


def problems(result: UnitResult) -> list[Problem]:
    """Every root cause in the result's order (most severe first, then by kind), numbered from 1."""
    names = {i.id: i.name for i in result.indicators}
    return [Problem(n, f.severity, f.severity_label, f.kind_label, names.get(f.indicator or "", ""), f.message, f.rule,
                    evidence_text(f), tuple(f.consequences))
            for n, f in enumerate(result.findings, start=1)]


def _without(text: str, sources: Sequence[str]) -> str:
    """The text without the bracketed passages （…） that cite one of the sources (nested brackets kept whole)."""
    out, depth, start = [], 0, 0
    keep_from = 0
    for i, ch in enumerate(text):
        if ch == "（":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "）" and depth:
            depth -= 1
            if depth == 0 and any(s and s in text[start:i] for s in sources):
                out.append(text[keep_from:start].rstrip())
                keep_from = i + 1
    out.append(text[keep_from:])
    return "".join(out)


def brief(f: FindingOut) -> str:
    """A root cause in one sentence for the conclusion: its first sentence, without the sources (the 存在的问题
    section gives them), ending without its full stop."""
    sources = [part for e in f.evidence if e.source for part in (e.source, *e.source.split("；"))]
    first = f.message.split("。", 1)[0]
    return _without(first, sources).strip().rstrip("；，")


def most_serious(result: UnitResult, n: int = 3) -> list[FindingOut]:
    """The first n errors and warnings, in the result's order (most severe first, then by kind)."""
    return [f for f in result.findings if f.severity in SERIOUS][:n]
