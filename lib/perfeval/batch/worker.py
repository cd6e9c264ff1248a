"""One unit in one worker process: papermill runs the notebook, then nbconvert exports it, then it is published."""
from __future__ import annotations

import math
import os
import shutil
import time
from pathlib import Path

from nbformat import NotebookNode

from ..fileio import write_atomic
from .jobs import UnitJob
from .kernel import KERNEL_NAME, NativeKernelManager
from .status import FAILED, OK, UnitResult, UnitSummary

STAGING = "_runs"  # outputs/_runs/<id>/: where papermill writes while a unit runs
MAX_REASON = 600


def unit_paths(outputs: Path, unit_id: str) -> tuple[Path, Path]:
    """Where a unit's executed notebook and HTML report are published."""
    folder = outputs / "units" / unit_id
    return folder / f"{unit_id}.ipynb", folder / f"{unit_id}.html"


def _reason(exc: BaseException, timed_out: bool, timeout: float) -> str:
    from papermill.exceptions import PapermillExecutionError

    if timed_out or getattr(exc, "ename", None) == "CellTimeoutError":
        return f"超时：超过 {timeout:g} 秒仍未完成"
    if isinstance(exc, PapermillExecutionError):
        text = f"{exc.ename}: {exc.evalue}" if exc.evalue else exc.ename
    else:
        text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= MAX_REASON else text[:MAX_REASON] + " …"


def _execute(job: UnitJob, staged: Path) -> NotebookNode:
    """Run the notebook with papermill, in-process, on this interpreter's kernel; returns the executed notebook."""
    import papermill

    deadline = time.monotonic() + job.timeout
    return papermill.execute_notebook(
        str(job.notebook), str(staged), parameters=job.parameters, kernel_name=KERNEL_NAME,
        cwd=str(job.notebook.parent), progress_bar=False, log_output=False,
        start_timeout=min(60.0, job.timeout), kernel_manager_class=NativeKernelManager,
        shutdown_kernel="immediate", timeout_func=lambda cell: max(1, math.ceil(deadline - time.monotonic())))


def summarise(params_file: Path) -> tuple[str, UnitSummary]:
    """The report title and headline figures, from the same library calls the notebook made."""
    from ..report.model import load_report

    rep = load_report(params_file)
    s = rep.sheet
    return rep.title, UnitSummary(
        name=s.unit.name, region=s.unit.region, year=s.unit.year, framework=s.framework.id, total=s.total,
        assessed_points=s.assessed_points, applicable_points=s.applicable_points, total_on_100=s.total_on_100,
        grade=s.grade, grade_provisional=s.grade_provisional, claimed_total=s.claimed_total,
        claimed_grade=s.claimed_grade, findings=rep.severity_counts())


def run_unit(job: UnitJob) -> UnitResult:
    """Execute, export and publish one unit. Never raises: a failure is the result, with its reason.

    A failed unit keeps its executed notebook (with the error) and has any earlier report withdrawn.
    """
    start = time.monotonic()
    staging = job.outputs / STAGING / job.unit_id
    staging.mkdir(parents=True, exist_ok=True)
    staged = staging / f"{job.unit_id}.ipynb"
    notebook, report = unit_paths(job.outputs, job.unit_id)
    notebook.parent.mkdir(parents=True, exist_ok=True)
    try:
        nb = _execute(job, staged)
        title, summary = summarise(job.params_file)
        from ..htmlexport import to_html

        html = to_html(nb, title)
    except Exception as exc:  # noqa: BLE001 - any failure of one unit is recorded, never propagated
        reason = _reason(exc, time.monotonic() - start >= job.timeout, job.timeout)
        if staged.exists():
            os.replace(staged, notebook)
        else:  # nothing ran: an older notebook would be mistaken for this run's
            notebook.unlink(missing_ok=True)
        report.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        return UnitResult(job.unit_id, str(job.params_file), FAILED, reason,
                          notebook=str(notebook.relative_to(job.outputs)) if notebook.exists() else None,
                          seconds=time.monotonic() - start)
    os.replace(staged, notebook)
    write_atomic(report, html)
    shutil.rmtree(staging, ignore_errors=True)
    return UnitResult(job.unit_id, str(job.params_file), OK, report=str(report.relative_to(job.outputs)),
                      notebook=str(notebook.relative_to(job.outputs)), seconds=time.monotonic() - start,
                      summary=summary)
