"""The record every check returns: a stable id, severity, a Chinese message and the evidence used, each by its role."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABEL: dict[str, str] = {"error": "错误", "warning": "警示", "info": "提示"}
CANDIDATE_LABEL = "待核实"  # a finding on a drafted unit that rests on what the report's reader inferred
# Kinds of finding that rest on relations a report's reader infers (which figures are parts of which total, which
# two statements are one figure, which figures a stated rate divides): on a drafted unit they are candidates.
# So do a row's claimed score against its rules, and full marks against its target and actual: on a drafted unit
# every cell of the 绩效自评表 came through the reader's rebuild of its columns (tab- or bar-separated text, a Word
# table, a form saved one cell per line), and a column read one place off makes each of them a wrong statement
# (trial 7: [错误] 未达目标仍给满分 beside the same rows' total asked as a question).
INFERRED_KINDS = ("accounting_identities", "two_values", "recomputed_vs_claimed", "generous_scoring", "claimed_scores")
# Checks of the unit's indicator table against the framework's weights, and of its claimed total against the sum of
# its rows' claimed scores: on a drafted unit the reader chose the framework and rebuilt the table (a form saved one
# cell per line, a provincial variant's columns), and a row it missed makes the sum short (an [错误] on a report
# whose rows add up to its 总分), so they are questions too until the analyst confirms both.
# A claimed grade held against a score is a question too: the reader chose which sentence is the unit's claim (a
# project's 自评得分, last year's, a table's 合计 beside the text's) and which bands grade it (the framework it chose,
# where the report may state its own), so a mismatch may be its reading, not the unit's (trial 6: [错误] on drafts).
# So is a claimed total or a section's score held against a recomputation: the recomputed side rests on every figure
# and table row the reader drafted, the claimed side on the sentence it took (trial 6: 92 against 86.12 from a
# 自评表 it rebuilt, an [错误] on a draft).
# And "the report gives no 自评总分", or "it states what scores only N of its points", on a drafted unit says only
# what the reader found (it misses claims in wordings it does not know and 自评表s in layouts it does not know): a
# question until the analyst has read the report, a warning once confirmed.
INFERRED_CHECKS = ("framework_rows_vs_header", "table_total_not_100", "claimed_total_not_sum_of_rows",
                   "claimed_total_omits_rows", "claimed_grade_inconsistent", "claimed_grade_unsupported",
                   "project_grade_inconsistent", "claimed_total_mismatch", "section_score_not_sum_of_rows",
                   "self_score_absent", "claimed_total_unverifiable")


def as_question(text: str) -> str:
    """A candidate finding put as what it is: a question for the analyst who confirms the draft."""
    return f"请核对：{text.rstrip('。')}。这是报告本身前后不一，还是自动读取时把数字或关系读错了？"


@dataclass(frozen=True)
class Evidence:
    """One figure a finding compared: what it is, its value and unit, where the document says it, and its role in
    the check (claimed, recomputed, whole, part …: what a reader of the finding, or the root-cause merge, asks for)."""

    label: str
    value: float | str | None
    unit: str = ""
    source: str | None = None
    role: str = ""


@dataclass(frozen=True)
class Finding:
    """One thing that does not hold, stated so an analyst can paste it into a review memo.

    Made only by a check's declaration (checks.declarations), which gives its id, kind, severity and wording.
    """

    check: str  # stable id, e.g. "claimed_rate_mismatch"
    kind: str  # the group it belongs to, a key of checks.KINDS
    kind_label: str  # the group's Chinese heading
    severity: Severity
    message: str
    rule: str  # the rule or identity applied
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    indicator: str | None = None
    consequences: tuple[str, ...] = ()  # what else this one cause breaks (an identity in another column, a score)
    figures: tuple[str, ...] = ()  # the figures whose values are in question: what ties findings to one cause
    # on a drafted unit, a finding resting on inferred relations: a question until an analyst confirms the draft,
    # counted apart from the findings and never labelled by its severity (which still says what is at stake)
    candidate: bool = False

    @property
    def severity_label(self) -> str:
        return CANDIDATE_LABEL if self.candidate else SEVERITY_LABEL[self.severity]

    def evidence_of(self, role: str) -> tuple[Evidence, ...]:
        """The evidence that plays a role (one, several, or none when the documents did not state it)."""
        return tuple(e for e in self.evidence if e.role == role)

    def value_of(self, role: str) -> float | None:
        """The number the first evidence of a role holds, or None."""
        found = self.evidence_of(role)
        value = found[0].value if found else None
        return float(value) if isinstance(value, (int, float)) else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("figures")
        data["evidence"] = [asdict(e) for e in self.evidence]
        data["severity_label"] = self.severity_label
        return data
