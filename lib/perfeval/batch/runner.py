"""The batch: units in parallel worker processes with a progress bar, then the index and summary CSV."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ..errors import BatchError
from ..fileio import write_atomic
from ..paths import NOTEBOOKS_DIR, OUTPUTS_DIR, UNITS_DIR
from .jobs import PARAMS_PARAMETER, UnitJob, build_jobs, check_parameters, resolve_units
from .status import FAILED, UnitResult, load_status, save_status
from .worker import STAGING, run_unit

DEFAULT_NOTEBOOK = NOTEBOOKS_DIR / "unit_report.ipynb"
DEFAULT_TIMEOUT = 600.0


@dataclass(frozen=True)
class BatchOutcome:
    """What one batch run did: this run's results (all units of the index are in the status file)."""

    results: tuple[UnitResult, ...]
    outputs: Path

    @property
    def failed(self) -> list[UnitResult]:
        return [r for r in self.results if r.status == FAILED]


def default_workers() -> int:
    """As many workers as cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _select(names: Sequence[str], failed_only: bool, previous: dict[str, UnitResult], units_dir: Path) -> list[Path]:
    if not failed_only:
        return resolve_units(names, units_dir)
    failed = {Path(r.params_file) for r in previous.values() if r.status == FAILED}
    if not names:
        return sorted(p for p in failed if p.exists())
    return [p for p in resolve_units(names, units_dir) if p in failed]


def _crashed(job: UnitJob, exc: BaseException) -> UnitResult:
    return UnitResult(job.unit_id, str(job.params_file), FAILED, f"worker process failed: {type(exc).__name__}: {exc}")


def _run_pool(jobs: list[UnitJob], workers: int, progress: bool,
              on_result: Callable[[UnitResult], None]) -> list[UnitResult]:
    """Each unit in a worker process of its own (papermill is process-safe, not thread-safe)."""
    from tqdm import tqdm

    results: list[UnitResult] = []
    context = multiprocessing.get_context("spawn")  # no forked zmq/asyncio state in the workers
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool, \
            tqdm(total=len(jobs), unit="unit", desc="perfeval run", disable=not progress, file=sys.stderr) as bar:
        futures: dict[Future, UnitJob] = {pool.submit(run_unit, job): job for job in jobs}
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a dead worker fails its unit, not the batch
                result = _crashed(futures[future], exc)
            results.append(result)
            failed = sum(r.status == FAILED for r in results)
            bar.set_postfix(done=len(results) - failed, failed=failed)
            bar.update()
            on_result(result)
    return results


def run_batch(names: Sequence[str] = (), *, outputs: Path = OUTPUTS_DIR, notebook: Path = DEFAULT_NOTEBOOK,
              units_dir: Path = UNITS_DIR, workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
              failed_only: bool = False, parameters: Mapping[str, Any] | None = None,
              progress: bool = True) -> BatchOutcome:
    """Run units into outputs/units/<id>/, then rewrite outputs/index.html and outputs/summary.csv.

    Raises BatchError before anything runs if the notebook does not accept the parameters or the units
    cannot be resolved; a unit that fails while running is recorded and the others go on.
    """
    if timeout <= 0:
        raise BatchError(f"the per-unit timeout must be positive, got {timeout:g}")
    if workers is not None and workers < 1:
        raise BatchError(f"workers must be at least 1, got {workers}")
    outputs, notebook = Path(outputs).resolve(), Path(notebook).resolve()
    extra = dict(parameters or {})
    check_parameters(notebook, {**extra, PARAMS_PARAMETER: ""})
    status = load_status(outputs)
    jobs = build_jobs(_select(names, failed_only, status, units_dir), notebook, outputs, extra, timeout)

    def record(result: UnitResult) -> None:
        status[result.unit_id] = result
        save_status(outputs, status)  # after every unit, so an interrupted batch still knows what failed

    results = _run_pool(jobs, min(workers or default_workers(), len(jobs)), progress, record) if jobs else []
    publish_index(outputs, status)
    shutil.rmtree(outputs / STAGING, ignore_errors=True)
    return BatchOutcome(tuple(sorted(results, key=lambda r: r.unit_id)), outputs)


def publish_index(outputs: Path, status: dict[str, UnitResult]) -> None:
    """Rewrite the index and summary CSV from the status of every unit whose params file still exists."""
    from ..index_page import index_html, summary_csv

    current = {uid: r for uid, r in status.items() if Path(r.params_file).exists()}
    if current != status:
        status.clear()
        status.update(current)
        save_status(outputs, status)
    write_atomic(outputs / "index.html", index_html(list(current.values())))
    write_atomic(outputs / "summary.csv", summary_csv(list(current.values())))
