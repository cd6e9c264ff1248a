"""Whose score or grade a sentence states: the unit's own self-evaluation of the year evaluated, or another's — a
project's (in a whole department's report), another year's, a reviewer's (专家, 第三方, 财政重点评价), a survey's
(满意度测评结果为良好). Decided by the subject the words before the claim give it, clause by clause back to the start
of its sentence, not by listing wordings of claims (W23, W24, W27, W40, W45).
"""
from __future__ import annotations

import re

# A document's name or a 文号 names no subject and no year of the claim (根据《2022年度…办法》，自评得分92分).
_TITLES = re.compile(r"《[^《》]{0,80}》|[〔\[［]\s*(?:19|20)\d{2}\s*[〕\]］]")
_CLAUSES = re.compile(r"[，,：:]")
# The year a clause speaks of: a year (not a date's: 2024年3月), last year, or this one.
_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)|(?P<last>上年|上一年|去年|前一年|上期)"
                   r"|(?P<this>本年|今年|当年|本期)")
# Someone other than the unit scored it; a 自评 after their name makes it the unit's again (参考专家意见，本单位自评…).
_REVIEWER = re.compile(r"专家|第三方|评审|考核|复核|抽查|再评价|外部评价|(?:财政|主管)(?:部门|局|厅|委)?(?:组织)?(?:的)?(?:重点)?"
                       r"(?:绩效)?(?:评价|考核|评分)")
_SELF = re.compile(r"自评|自我评价")
# A survey's result in the claim's own clause (满意度测评结果为良好, 群众满意率为优): a rating of the unit, not its claim.
_SURVEY = re.compile(r"满意度|满意率|测评|问卷|调查|评议")
# The clause's subject: a project (档案数字化项目…, 项目绩效自评…; not 项目支出, a line of the department's spending)
# or the unit as a whole (部门整体, 本单位, 我局 …). Tried in this order at each place.
_SUBJECT = re.compile(r"(?P<project>项目(?![支资经]))|(?P<own>整体|部门|单位|[本我全](?:局|中心|委|办|院|所|站|馆|校|会|处|队|镇|乡|街道))")

ANOTHER_YEAR, A_PROJECT, A_REVIEWER, A_SURVEY = "另一年度的", "项目的", "专家或第三方的", "满意度调查的"


def other_claimant(before: str, year: int | None, whole: bool) -> str | None:
    """Whose the score or grade is when not the unit's own claim for the year evaluated (ANOTHER_YEAR, A_PROJECT,
    A_REVIEWER, A_SURVEY), or None. `before`: the sentence's words before the claim; `whole`: the report is a whole
    department's (a project's score claims nothing there; in a project's report it is the claim)."""
    part = _TITLES.sub("", re.split(r"[。；;！!？?]", before)[-1])
    reviewer = [m.end() for m in _REVIEWER.finditer(part)]
    if reviewer and not _SELF.search(part, reviewer[-1]):
        return A_REVIEWER
    clauses = _CLAUSES.split(part)
    if _SURVEY.search(clauses[-1]) and not _SUBJECT.search(clauses[-1], _last(_SURVEY, clauses[-1])):
        return A_SURVEY
    said = _nearest(_YEAR, clauses)
    if said is not None and (said.group("last") or said.group("y") and year is not None and int(said.group("y")) != year):
        return ANOTHER_YEAR
    subject = _nearest(_SUBJECT, clauses)
    if whole and subject is not None and subject.group("project"):
        return A_PROJECT
    return None


def _last(pattern: re.Pattern[str], text: str) -> int:
    found = list(pattern.finditer(text))
    return found[-1].end() if found else 0


def _nearest(pattern: re.Pattern[str], clauses: list[str]) -> re.Match[str] | None:
    """The match nearest the claim: the last in its own clause, else in the clause before, back to the sentence's
    start (a project named as the sentence's topic: 档案数字化项目预算200万元，自评得分88分)."""
    for clause in reversed(clauses):
        found = list(pattern.finditer(clause))
        if found:
            return found[-1]
    return None
