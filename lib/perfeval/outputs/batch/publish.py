"""Publishing a unit's outcome into the outputs folder, atomically, on the machine that ran the batch."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...fileio import write_atomic
from .status import OK, UnitRun
from .worker import UnitOutcome


def unit_paths(outputs: Path, unit_id: str) -> tuple[Path, Path, Path]:
    """Where a unit's executed notebook, HTML report and unit result are published."""
    folder = outputs / "units" / unit_id
    return folder / f"{unit_id}.ipynb", folder / f"{unit_id}.html", folder / f"{unit_id}.json"


def publish(outputs: Path, outcome: UnitOutcome) -> UnitRun:
    """Write the unit's files and return its result with their paths (relative to outputs).

    A failed unit keeps its executed notebook (with the error) for the analyst and has any earlier
    report and result withdrawn, so the index never shows a report or figures this run did not produce.
    """
    result = outcome.result
    notebook, report, unit_json = unit_paths(outputs, result.unit_id)
    if outcome.notebook is not None:
        write_atomic(notebook, outcome.notebook)
    else:
        notebook.unlink(missing_ok=True)  # an older notebook would be mistaken for this run's
    published = result.status == OK and outcome.html is not None and outcome.unit_json is not None
    if published:
        write_atomic(unit_json, outcome.unit_json)  # type: ignore[arg-type]
        write_atomic(report, outcome.html)  # type: ignore[arg-type]
    else:
        report.unlink(missing_ok=True)
        unit_json.unlink(missing_ok=True)
    return replace(result,
                   notebook=str(notebook.relative_to(outputs)) if notebook.exists() else None,
                   report=str(report.relative_to(outputs)) if published else None,
                   result=str(unit_json.relative_to(outputs)) if published else None)
