"""What a batch knows about each unit: its outcome and headline figures, kept in outputs/batch_status.json."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ...fileio import write_atomic

STATUS_FILE = "batch_status.json"
OK, FAILED = "ok", "failed"


@dataclass(frozen=True)
class UnitSummary:
    """The figures the index and the summary CSV show for a published unit."""

    name: str
    region: str
    year: int
    framework: str
    total: float
    assessed_points: float
    applicable_points: float
    total_on_100: float | None
    grade: str | None
    grade_provisional: bool
    claimed_total: float | None
    claimed_grade: str | None
    findings: dict[str, int] = field(default_factory=dict)  # severity -> count


@dataclass(frozen=True)
class UnitResult:
    """One unit's outcome; paths are relative to the outputs folder so the index links work when moved."""

    unit_id: str
    params_file: str
    status: str
    reason: str = ""
    report: str | None = None
    notebook: str | None = None
    seconds: float = 0.0
    summary: UnitSummary | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "UnitResult":
        summary = data.get("summary")
        return cls(**{**data, "summary": UnitSummary(**summary) if summary else None})


def load_status(outputs: Path) -> dict[str, UnitResult]:
    """The last recorded outcome per unit id (empty when no batch ran, or the file is unreadable)."""
    try:
        data = json.loads((outputs / STATUS_FILE).read_text(encoding="utf-8"))
        return {uid: UnitResult.from_dict(r) for uid, r in data["units"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def save_status(outputs: Path, results: dict[str, UnitResult]) -> None:
    data = {"units": {uid: asdict(results[uid]) for uid in sorted(results)}}
    write_atomic(outputs / STATUS_FILE, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
