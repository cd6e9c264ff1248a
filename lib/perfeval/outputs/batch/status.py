"""What a batch knows about each unit: its outcome and where its files are, kept in outputs/batch_status.json.

The unit's figures are not copied here: they are in its unit result (outputs/units/<id>/<id>.json) and the
results store (outputs/results.sqlite).
"""
from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from ...fileio import write_atomic
from ...safetext import json_escaped
from ..store import FAILED, NOT_RUN, OK, UnitRun

__all__ = ["FAILED", "NOT_RUN", "OK", "STATUS_FILE", "UnitRun", "load_status", "save_status"]

STATUS_FILE = "batch_status.json"


def load_status(outputs: Path) -> dict[str, UnitRun]:
    """The last recorded outcome per unit id (empty when no batch ran, or the file is unreadable)."""
    try:
        data = json.loads((outputs / STATUS_FILE).read_text(encoding="utf-8"))
        return {uid: UnitRun.from_dict(r) for uid, r in data["units"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


@lru_cache(maxsize=8192)
def _entry(uid: str, run: UnitRun) -> str:
    """One unit's lines of the status file, as json.dumps(..., indent=1) writes them two levels down.

    The file is rewritten after every unit; serialising only the units that changed keeps a batch of 1,000
    units from spending minutes of the batch's own process on it (each write was a thousand records).
    """
    record = json_escaped(json.dumps(asdict(run), ensure_ascii=False, indent=1)).replace("\n", "\n  ")
    return f"  {json_escaped(json.dumps(uid, ensure_ascii=False))}: {record}"


def save_status(outputs: Path, results: dict[str, UnitRun]) -> None:
    """Write the status file; a path that is not UTF-8 (a GBK file name) is kept exactly, as \\udcXX escapes."""
    entries = ",\n".join(_entry(uid, results[uid]) for uid in sorted(results))
    text = '{\n "units": {\n' + entries + "\n }\n}" if entries else '{\n "units": {}\n}'
    write_atomic(outputs / STATUS_FILE, text + "\n")
