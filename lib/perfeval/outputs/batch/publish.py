"""Publishing a unit's outcome into the outputs folder, atomically, on the machine that ran the batch."""
from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...fileio import write_atomic, write_atomic_all
from .status import FAILED, OK, UnitRun
from .worker import UnitOutcome


def unit_paths(outputs: Path, unit_id: str) -> tuple[Path, Path, Path]:
    """Where a unit's executed notebook, HTML report and unit result are published."""
    folder = outputs / "units" / unit_id
    return folder / f"{unit_id}.ipynb", folder / f"{unit_id}.html", folder / f"{unit_id}.json"


def linked_folder(outputs: Path, unit_id: str) -> Path | None:
    """outputs/units or outputs/units/<id> when it is a symbolic link (writing or deleting would go through it)."""
    units = outputs / "units"
    return next((p for p in (units, units / unit_id) if p.is_symlink()), None)


def publish(outputs: Path, outcome: UnitOutcome) -> UnitRun:
    """Write the unit's files and return its result with their paths (relative to outputs).

    A failed unit keeps its executed notebook (with the error) for the analyst and has any earlier
    report and result withdrawn, so the index never shows a report or figures this run did not produce.
    A report, its unit result and its notebook are replaced together or not at all (on a full disk the
    previous ones stay whole). A unit folder that is a symbolic link is refused: nothing is written or
    deleted through it.
    """
    result = outcome.result
    link = linked_folder(outputs, result.unit_id)
    if link is not None:
        return replace(result, status=FAILED, report=None, notebook=None, result=None,
                       reason=f"{link.relative_to(outputs)} is a symbolic link; the batch never writes or deletes "
                              "through one: replace it with a folder (or remove it) and run the unit again")
    notebook, report, unit_json = unit_paths(outputs, result.unit_id)
    published = (result.status == OK and outcome.html is not None and outcome.unit_json is not None
                 and outcome.notebook is not None)
    if published:
        # published: all three are set (tested above)
        write_atomic_all({notebook: outcome.notebook, unit_json: outcome.unit_json,  # type: ignore[dict-item]
                          # published: all three are set (tested above)
                          report: outcome.html})  # type: ignore[dict-item]
    else:
        report.unlink(missing_ok=True)  # withdrawn first: it needs no space, whatever happens next
        unit_json.unlink(missing_ok=True)
        if outcome.notebook is not None:
            write_atomic(notebook, outcome.notebook)
        else:
            notebook.unlink(missing_ok=True)  # an older notebook would be mistaken for this run's
    return replace(result,
                   notebook=str(notebook.relative_to(outputs)) if notebook.exists() else None,
                   report=str(report.relative_to(outputs)) if published else None,
                   result=str(unit_json.relative_to(outputs)) if published else None)


@lru_cache(maxsize=1)
def _notary() -> Any:
    from nbformat.sign import NotebookNotary

    return NotebookNotary()


def sign_trusted(notebook: bytes | Any) -> str | None:
    """Record an executed notebook as trusted (nbformat's notary, as `jupyter trust` does), so JupyterLab
    shows its HTML output with styles; None, or why it could not be signed (the notebook itself is fine).
    """
    import nbformat

    try:
        nb = nbformat.from_dict(json.loads(notebook)) if isinstance(notebook, bytes) else notebook
        _notary().sign(nb)
    except Exception as exc:  # noqa: BLE001 - a notary database that cannot be written costs only the styles
        return f"executed notebooks not marked trusted ({type(exc).__name__}: {exc}); `jupyter trust` them to " \
               "see their styles in JupyterLab"
    return None
