"""One unit on a worker (a local process or a dask worker): run, export, and hand the files back to publish.

A worker writes nothing into the outputs folder: it returns the executed notebook and the HTML, and the
process that asked publishes them atomically. The same task therefore runs on this machine's pool or on
another machine of a dask cluster, which may not see this machine's files.
"""
from __future__ import annotations

import hashlib
import math
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...core.numbers import exact
from ...safetext import is_portable_path, readable_path
from .jobs import PARAMS_PARAMETER, UnitJob
from .kernel import KERNEL_NAME
from .lifeline import scratch_dir
from .status import FAILED, OK, UnitRun

MAX_REASON = 600


@dataclass(frozen=True)
class UnitTask:
    """A unit made self-contained for a worker: the job plus the params and notebook as text."""

    job: UnitJob
    params_text: bytes
    notebook_text: bytes

    @classmethod
    def of(cls, job: UnitJob) -> "UnitTask":
        return cls(job, Path(job.params_file).read_bytes(), Path(job.notebook).read_bytes())


@dataclass(frozen=True)
class UnitOutcome:
    """What a worker hands back: the outcome, and the files to publish (None when nothing ran)."""

    result: UnitRun
    notebook: bytes | None = None
    html: str | None = None
    unit_json: str | None = None  # the unit result the notebook computed, as the JSON file to publish


def _reason(exc: BaseException, timed_out: bool, timeout: float) -> str:
    from nbclient.exceptions import DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    if timed_out or getattr(exc, "ename", None) == "CellTimeoutError":
        return f"超时：超过 {exact(timeout)} 秒仍未完成"
    if isinstance(exc, DeadKernelError):
        return f"内核意外退出（被终止或内存耗尽）：DeadKernelError: {exc}"
    if isinstance(exc, PapermillExecutionError):
        text = f"{exc.ename}: {exc.evalue}" if exc.evalue else exc.ename
    else:
        text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= MAX_REASON else text[:MAX_REASON] + " …"


def _local_copy(path: Path, content: bytes, folder: Path) -> Path:
    """The file itself when this worker sees it unchanged; else a copy under its own name in folder.

    Using the original keeps the executed notebook's record of its parameters in the analyst's terms. A
    name that is not UTF-8 (GBK bytes) cannot travel to the kernel or into a notebook: the copy then
    takes the name decoded.
    """
    try:
        if is_portable_path(path) and path.read_bytes() == content:
            return path
    except OSError:
        pass
    digest = hashlib.sha256(content).hexdigest()[:16]
    name = readable_path(path.name)
    try:
        os.fsencode(name)
    except UnicodeEncodeError:  # a locale whose file names are ASCII (LC_ALL=C, PYTHONUTF8=0): \uXXXX in the name
        name = name.encode("ascii", "backslashreplace").decode("ascii")
    copy = folder / digest / name
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(content)
    return copy


class NoUnitResult(Exception):
    """The notebook ran but displayed no unit result (report.result_record), so nothing can be indexed."""


def unit_result_of(nb: Any) -> tuple[str, str]:
    """(title, JSON) of the unit result the executed notebook displayed, validated; the last one wins."""
    from ...result import RESULT_MIME, UnitResult

    found = [o["data"][RESULT_MIME] for cell in nb.cells if cell.cell_type == "code"
             for o in cell.get("outputs", []) if RESULT_MIME in o.get("data", {})]
    if not found:
        raise NoUnitResult("the notebook displayed no unit result (its last cell must be report.result_record(rep)); "
                           "nothing can be indexed for this unit")
    result = UnitResult.model_validate(found[-1])
    return result.title, result.to_json()


def _execute(job: UnitJob, notebook: Path, params: Path, out: Path, warm: Any) -> Any:
    """papermill in this process, in the worker's warm kernel, with a deadline for the whole unit."""
    import papermill

    from .warm import ENGINE_NAME

    deadline = time.monotonic() + job.timeout
    return papermill.execute_notebook(
        str(notebook), str(out), parameters={**job.parameters, PARAMS_PARAMETER: str(params)},
        engine_name=ENGINE_NAME, kernel_name=KERNEL_NAME, cwd=str(notebook.parent), progress_bar=False,
        log_output=False, request_save_on_cell_execute=False, warm_kernel=warm, partial_path=str(out),
        timeout_func=lambda cell: max(1, math.ceil(deadline - time.monotonic())))


def run_unit(task: UnitTask) -> UnitOutcome:
    """Execute and export one unit. Never raises: a failure is the outcome, with its reason and the
    executed notebook (holding the error) when the notebook ran at all.
    """
    from .warm import worker_kernel

    job = task.job
    start = time.monotonic()
    kernel = worker_kernel()
    with tempfile.TemporaryDirectory(prefix=f"{job.unit_id}-", dir=scratch_dir()) as tmp:
        folder = Path(tmp)
        params = _local_copy(Path(job.params_file), task.params_text, folder)
        notebook = _local_copy(Path(job.notebook), task.notebook_text, folder)
        out = folder / f"{job.unit_id}.ipynb"
        try:
            nb = _execute(job, notebook, params, out, kernel.ready())
            title, unit_json = unit_result_of(nb)
            from ..htmlexport import to_html

            html = to_html(nb, title)
        except Exception as exc:  # noqa: BLE001 - any failure of one unit is recorded, never propagated
            if not isinstance(exc, NoUnitResult):
                kernel.stop()  # it may be busy with a timed-out cell, or dead: the next unit gets a fresh one
            reason = _reason(exc, time.monotonic() - start >= job.timeout, job.timeout)
            reason = reason.replace(str(params), readable_path(job.params_file))  # the analyst's file, not a copy
            return UnitOutcome(UnitRun(job.unit_id, str(job.params_file), FAILED, reason,
                                       seconds=time.monotonic() - start),
                               out.read_bytes() if out.exists() else None)
        return UnitOutcome(UnitRun(job.unit_id, str(job.params_file), OK, seconds=time.monotonic() - start),
                           out.read_bytes(), html, unit_json)
