"""Publishing a unit's outcome into the outputs folder, atomically, on the machine that ran the batch."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...fileio import write_atomic
from .status import OK, UnitResult
from .worker import UnitOutcome


def unit_paths(outputs: Path, unit_id: str) -> tuple[Path, Path]:
    """Where a unit's executed notebook and HTML report are published."""
    folder = outputs / "units" / unit_id
    return folder / f"{unit_id}.ipynb", folder / f"{unit_id}.html"


def publish(outputs: Path, outcome: UnitOutcome) -> UnitResult:
    """Write the unit's files and return its result with their paths (relative to outputs).

    A failed unit keeps its executed notebook (with the error) for the analyst and has any earlier
    report withdrawn, so the index never links a report that this run did not produce.
    """
    result = outcome.result
    notebook, report = unit_paths(outputs, result.unit_id)
    if outcome.notebook is not None:
        write_atomic(notebook, outcome.notebook)
    else:
        notebook.unlink(missing_ok=True)  # an older notebook would be mistaken for this run's
    if result.status == OK and outcome.html is not None:
        write_atomic(report, outcome.html)
    else:
        report.unlink(missing_ok=True)
    return replace(result,
                   notebook=str(notebook.relative_to(outputs)) if notebook.exists() else None,
                   report=str(report.relative_to(outputs)) if report.exists() and result.status == OK else None)
