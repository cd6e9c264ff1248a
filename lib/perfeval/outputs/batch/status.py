"""What a batch knows about each unit: its outcome and where its files are, kept in outputs/batch_status.json.

The unit's figures are not copied here: they are in its unit result (outputs/units/<id>/<id>.json).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ...fileio import write_atomic
from ...safetext import json_escaped

STATUS_FILE = "batch_status.json"
OK, FAILED = "ok", "failed"


@dataclass(frozen=True)
class UnitRun:
    """One unit's outcome; paths are relative to the outputs folder so the index links work when moved."""

    unit_id: str
    params_file: str
    status: str
    reason: str = ""
    report: str | None = None
    notebook: str | None = None
    seconds: float = 0.0
    result: str | None = None  # the unit result file, for a unit whose report is published
    drafted_from: str | None = None  # the report a draft was read from: params not yet confirmed by an analyst

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "UnitRun":
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})  # a status file of an older version reads too


def load_status(outputs: Path) -> dict[str, UnitRun]:
    """The last recorded outcome per unit id (empty when no batch ran, or the file is unreadable)."""
    try:
        data = json.loads((outputs / STATUS_FILE).read_text(encoding="utf-8"))
        return {uid: UnitRun.from_dict(r) for uid, r in data["units"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def save_status(outputs: Path, results: dict[str, UnitRun]) -> None:
    """Write the status file; a path that is not UTF-8 (a GBK file name) is kept exactly, as \\udcXX escapes."""
    data = {"units": {uid: asdict(results[uid]) for uid in sorted(results)}}
    write_atomic(outputs / STATUS_FILE, json_escaped(json.dumps(data, ensure_ascii=False, indent=1)) + "\n")
