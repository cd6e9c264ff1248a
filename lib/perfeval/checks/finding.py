"""The record every check returns: a stable id, severity, a Chinese message and the evidence used."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABEL: dict[str, str] = {"error": "错误", "warning": "警示", "info": "提示"}
# Kinds of finding, in the order a review memo groups them, with the heading each group gets.
KINDS: dict[str, str] = {
    "accounting_identities": "勾稽关系不成立",
    "two_values": "同一数字前后不一",
    "recomputed_vs_claimed": "陈述的比率与重算不符",
    "generous_scoring": "评分从宽",
    "claimed_scores": "指标自评得分与重算不符",
    "claimed_total": "自评总分与等次",
    "budget_denominator": "预算执行率的分母口径",
    "overspending": "超预算支出与超计划执行",
    "projects": "项目绩效自评",
    "years": "与上年相比",
    "framework_arithmetic": "指标体系分值算术",
}


@dataclass(frozen=True)
class Evidence:
    """One figure a finding compared: what it is, its value and unit, and where the document says it."""

    label: str
    value: float | str | None
    unit: str = ""
    source: str | None = None


@dataclass(frozen=True)
class Finding:
    """One thing that does not hold, stated so an analyst can paste it into a review memo."""

    check: str  # stable id, e.g. "claimed_rate_mismatch"
    kind: str  # the group it belongs to, a key of checks.CHECKS
    severity: Severity
    message: str
    rule: str  # the rule or identity applied
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    indicator: str | None = None
    consequences: tuple[str, ...] = ()  # what else this one cause breaks (an identity in another column, a score)
    figures: tuple[str, ...] = ()  # the figures whose values are in question: what ties findings to one cause

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("figures")
        data["evidence"] = [asdict(e) for e in self.evidence]
        data["severity_label"] = SEVERITY_LABEL[self.severity]
        data["kind_label"] = KINDS.get(self.kind, self.kind)
        return data
