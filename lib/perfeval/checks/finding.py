"""The record every check returns: a stable id, severity, a Chinese message and the evidence used, each by its role."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABEL: dict[str, str] = {"error": "错误", "warning": "警示", "info": "提示"}


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
        data["severity_label"] = SEVERITY_LABEL[self.severity]
        return data
