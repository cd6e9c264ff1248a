"""Where a paragraph states a rule of scoring (the framework's thresholds and points) rather than what the unit did:
numbers there are no figures of the unit.

Read by the paragraph's structure, not by a rule's wording:
- a run a rule's label opens (评分标准：…, 按照考核细则，…, a line 评分标准 alone heading the next): every number up to
  where the paragraph turns to the unit's result (本项得分, 扣分原因：, 因…扣);
- a ladder: clauses each giving points (得/计/扣/减 N分, 得满分, 不得分) on a condition holding a number, two or more
  under one label or bare (完成率100%得10分；完成率90%得8分, 90%的，得8分);
- one rung whose condition is a condition, not a result (达到90%得满分, 每…扣, 发现一次问题扣1分, …的，计5分).

A score given (本项得分18分，扣2分；因台账不全扣1分；执行率为96%，得9.6分) is the unit's and stays a figure.
"""
from __future__ import annotations

import re

MAX_LABEL = 12  # characters of a heading line that is a rule's label alone (（三）评分标准：)

_LABEL = re.compile(r"(?:评分|计分|打分|考核|考评|评价|扣分|赋分|评定)(?:标准|细则|要点|办法|方法|规则|依据)")
# The label opens a run when it is a heading of what follows: a colon, a space or the line's end after it, or a comma
# after 按照/根据/依据 (按照评分标准，…)
_OPENS = re.compile(r"\s*+[)）]?\s*+(?:[：:]|\s|$)")
_CITED = re.compile(r"(?:按照|根据|依据|对照|参照)[^，,。；;]{0,12}?$")
# Where a rule's run turns to the unit's result: a result's label, the item's own score, a cause of a deduction
_RESULT = re.compile(r"(?:本项|该项|此项|自评|实际|最终|综合)(?:得分|得|扣|评分|评为)|(?:扣分|得分|评分|评价|自评|考核)"
                     r"(?:原因|理由|说明|情况|结果)|[因由]于?[^，,。；;]{0,20}?(?:扣|减)|共计?得|合计得|总分")
_HEADING_MARK = re.compile(r"^\s*+(?:[（(]?[一二三四五六七八九十\d]{1,3}+[)）、.．]\s*+)?")

_CLAUSE = re.compile(r"[^，,；;。！!？?：:]++")
_POINTS = re.compile(r"(?:得|(?<![合共总累统])计|扣|减|加|给予?)\s*+(?:\d++(?:\.\d++)?\s*+分|满分|零分)|不得分|不计分|不扣分")
_NUMBER = re.compile(r"\d")
_BOUND = re.compile(r"[≥≤<>＜＞≦≧]|以上|以下|以内|之内|之间|不足|不低于|不高于|低于|高于|超过|未达|未|没有|小于|大于|达到|达|满(?=\s*+\d)|"
                    r"每|任一|发现|出现|按时|全部|均|缺|少|的\s*+$|[（(]\s*+不?含\s*+[）)]")
_ONE_EVENT = re.compile(r"(?:一|1)\s*+(?:次|处|项|个|例|起|人次|条)")
_DONE = re.compile(r"实际|实现了|完成了|已经|已")  # 实际办结率93%高于目标90%得5分: what the unit did, and earned
_STATED = re.compile(r"(?:为|是|有|共|计)\s*+[\d.]++\s*+[%％]?\s*+$")  # 执行率为96%，得9.6分: a result stated
# A value the unit's sentence states before the rung (合格率为96%，低于98%，扣1分): the rung is its result
_STATED_BEFORE = re.compile(r"(?:为|是)\s*+\d++(?:\.\d++)?+\s*+[%％]?+(?![\d.%％的])")
_SENTENCE_END = "。；;！!？?"
_LEAD = re.compile(r"[\u4e00-\u9fff]++")
_LEAD_VERB = re.compile(r"(?:达到|达|为|在|不低于|不高于|低于|高于|超过|大于|小于|未达到|未达)$")


def rule_spans(paragraph: str, headed: bool = False) -> list[tuple[int, int]]:
    """Spans of a paragraph that state a rule of scoring; headed: the line above is a rule's label alone."""
    spans = _labelled_runs(paragraph, headed)
    return sorted(spans + _ladder(paragraph))


def rules_of_paragraphs(paragraphs: list[str]) -> dict[int, list[tuple[int, int]]]:
    """Each paragraph's rule spans, by its index ("" for a block that is no paragraph); a paragraph under a line that
    is a rule's label alone is a rule's run from its start."""
    out: dict[int, list[tuple[int, int]]] = {}
    for i, text in enumerate(paragraphs):
        if text and (spans := rule_spans(text, i > 0 and is_rule_heading(paragraphs[i - 1]))):
            out[i] = spans
    return out


def is_rule_heading(paragraph: str) -> bool:
    """Is a line a rule's label alone (评分标准, （三）评分细则：), heading the paragraph below it?"""
    rest = _HEADING_MARK.sub("", paragraph, count=1).strip().rstrip("：:")
    return len(rest) <= MAX_LABEL and bool(_LABEL.search(rest)) and not _NUMBER.search(rest)


def _labelled_runs(text: str, headed: bool) -> list[tuple[int, int]]:
    starts = [0] if headed else []
    for m in _LABEL.finditer(text):
        if _OPENS.match(text, m.end()) or (_CITED.search(text, 0, m.start()) and text[m.end():m.end() + 1] in "，,"):
            starts.append(m.end())
    out = []
    for start in starts:
        end = _RESULT.search(text, start)
        out.append((start, end.start() if end else len(text)))
    return out


def _ladder(text: str) -> list[tuple[int, int]]:
    """The rungs of a scoring ladder in a paragraph: clauses giving points on a condition holding a number."""
    clauses = [(m.start(), m.group(0)) for m in _CLAUSE.finditer(text)]
    rungs: list[tuple[int, int, str, bool]] = []  # start, end, the condition's label, a condition word in it
    for k, (start, clause) in enumerate(clauses):
        points = _POINTS.search(clause)
        if points is None or _RESULT.search(clause):
            continue
        condition, begin = clause[:points.start()], start
        if not condition.strip() and k > 0 and clauses[k - 1][0] + len(clauses[k - 1][1]) + 1 == start:
            begin, condition = clauses[k - 1]  # 完成率≥95%，得5分: the condition is the clause before
            if _RESULT.search(condition) or _POINTS.search(condition):
                continue
        if not (_NUMBER.search(condition) or _BOUND.search(condition) or _ONE_EVENT.search(condition)):
            continue
        opening = max(text.rfind(c, 0, begin) for c in _SENTENCE_END) + 1
        if _STATED.search(condition) or _DONE.search(condition) or _STATED_BEFORE.search(text, opening, begin):
            continue  # 执行率为96%，得9.6分: the unit's rate and what it earned
        lead = _LEAD.match(condition.strip())
        label = _LEAD_VERB.sub("", lead.group(0)) if lead else ""  # "": a bare rung (90%的，得8分)
        rungs.append((begin, start + points.end(), label,
                      bool(_BOUND.search(condition) or _ONE_EVENT.search(condition))))
    if len(rungs) >= 2 and _one_ladder(rungs):
        return [(a, b) for a, b, _, _ in rungs]
    ruled = {_sentence_of(text, a) for a, _, _, conditioned in rungs if conditioned}
    return [(a, b) for a, b, _, conditioned in rungs if conditioned or _sentence_of(text, a) in ruled]


def _sentence_of(text: str, at: int) -> int:
    """Where the sentence holding a place starts (a rung on a plain condition beside one on a bound is the same
    rule's: 控制率=0，计5分；10%（含）以内，计4分)."""
    return max(text.rfind(c, 0, at) for c in "。！!？?") + 1


def _one_ladder(rungs: list[tuple[int, int, str, bool]]) -> bool:
    """Are the rungs one ladder: under one label (完成率…；完成率…), or a later rung bare of words (90%的，得8分)?"""
    labels = [label for _, _, label, _ in rungs]
    return len(set(labels)) == 1 or any(not label for label in labels[1:])
