"""存在的问题: the unit's root causes as the report states them, each with what it also breaks (its consequences).

Read from the unit result, so the report says exactly what `score --json`, the index and the workbook count.
"""
from __future__ import annotations

from typing import NamedTuple, Sequence

from ...fmt import quantity, stated
from ...checks.finding import as_question
from ...result import FindingOut, UnitResult

SERIOUS = ("error", "warning")  # what the conclusion names; 提示 are for reference
STATED_ROLES = ("stated", "claimed")  # evidence the unit wrote (a rate, a score), printed as written


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
    """The figures a finding compared, each by the rule of its kind, then the sentence that states them, each
    sentence quoted once however many of the figures it holds."""
    by_source: dict[str, list[str]] = {}
    for e in f.evidence:
        value = "未载明" if e.value is None else quantity(e.value, e.unit)
        if e.role in STATED_ROLES and isinstance(e.value, (int, float)) and e.unit not in ("万元", "元", "亿元"):
            value = stated(e.value) + e.unit  # as the unit wrote it: 8.6%, not 8.60%
        by_source.setdefault(e.source or "", []).append(f"{e.label} {value}")
    return "；".join("、".join(items) + (f"（出处：{source}）" if source else "") for source, items in by_source.items())


def sources_of(result: UnitResult) -> tuple[str, ...]:
    """Every sentence the unit's figures were read from, as findings quote them (a joined source and each part)."""
    found = {e.source for f in result.findings for e in f.evidence if e.source}
    found |= {i.source for row in result.indicators for i in row.inputs if i.source}
    return tuple(sorted({part for s in found for part in (s, *s.split("；")) if part}, key=len, reverse=True))


def plain(text: str, sources: Sequence[str]) -> str:
    """A finding's words without the source sentences quoted in brackets (数据及出处 quotes them, once)."""
    return _without(text, sources).replace(" ，", "，").replace(" 。", "。")


def candidate(result: UnitResult, f: FindingOut) -> bool:
    """Does the finding rest on what the reader of a drafted unit's report inferred (a question, not a finding)?"""
    return f.candidate


def problems(result: UnitResult) -> list[Problem]:
    """Every root cause in the result's order (most severe first, then by kind), numbered from 1; in a drafted unit
    those resting on inferred relations are put as questions."""
    names = {i.id: i.name for i in result.indicators}
    sources = sources_of(result)
    out = []
    for n, f in enumerate(result.findings, start=1):
        text = plain(f.message, sources)
        out.append(Problem(n, f.severity, f.severity_label, f.kind_label, names.get(f.indicator or "", ""),
                           as_question(text) if candidate(result, f) else text, f.rule, evidence_text(f),
                           tuple(plain(c, sources) for c in f.consequences)))
    return out


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


def first_sentence(text: str) -> str:
    """The text up to its first full stop outside brackets, without the stop."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch in "（(“") - (ch in "）)”")
        if ch == "。" and depth <= 0:
            return text[:i]
    return text.rstrip("。")


def brief(f: FindingOut, sources: Sequence[str] = ()) -> str:
    """A root cause in one whole sentence for the conclusion: the finding without the sources it quotes (the
    存在的问题 section gives them), then its first sentence, ending without its full stop."""
    own = [part for e in f.evidence if e.source for part in (e.source, *e.source.split("；"))]
    return first_sentence(plain(f.message, [*own, *sources]).strip()).strip().rstrip("；，")


def most_serious(result: UnitResult, n: int = 3) -> list[FindingOut]:
    """The first n errors and warnings, in the result's order (most severe first, then by kind); a drafted unit's
    questions (待核实) are none of them."""
    return [f for f in result.findings if f.severity in SERIOUS and not candidate(result, f)][:n]
