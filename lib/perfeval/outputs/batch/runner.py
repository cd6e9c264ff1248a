"""The batch: units on a local worker pool or a dask cluster, published as they finish, then the index."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from ...errors import BatchError
from ...fileio import write_atomic
from ...paths import NOTEBOOKS_DIR, OUTPUTS_DIR, UNITS_DIR
from .jobs import PARAMS_PARAMETER, UnitJob, build_jobs, check_parameters, resolve_units
from .publish import publish, unit_paths
from .status import FAILED, STATUS_FILE, UnitRun, load_status, save_status
from .worker import UnitOutcome, UnitTask, run_unit

DEFAULT_NOTEBOOK = NOTEBOOKS_DIR / "unit_report.ipynb"
DEFAULT_TIMEOUT = 600.0
EXTRAS = (("各单位对比（portfolio.html）", "portfolio.html"), ("汇总工作簿（summary.xlsx）", "summary.xlsx"),
          ("汇总表（summary.csv）", "summary.csv"))
INTERRUPTED = "中断：批处理在本单位完成前被中止；运行 perfeval run --failed-only 补完"
IN_FLIGHT_PER_WORKER = 2  # enough queued to keep every worker busy; bounded so memory does not grow with N


@dataclass(frozen=True)
class BatchOutcome:
    """What one batch run did: this run's results (all units of the index are in the status file)."""

    results: tuple[UnitRun, ...]
    outputs: Path

    @property
    def failed(self) -> list[UnitRun]:
        return [r for r in self.results if r.status == FAILED]


def default_workers() -> int:
    """As many workers as cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _select(names: Sequence[str], failed_only: bool, previous: dict[str, UnitRun], units_dir: Path) -> list[Path]:
    if not failed_only:
        return resolve_units(names, units_dir)
    failed = {Path(r.params_file) for r in previous.values() if r.status == FAILED}
    if not names:
        return sorted(p for p in failed if p.exists())
    return [p for p in resolve_units(names, units_dir) if p in failed]


def _lost(job: UnitJob, exc: BaseException) -> UnitOutcome:
    """A unit whose worker died or could not be reached: failed with why, never silently dropped."""
    return UnitOutcome(UnitRun(job.unit_id, str(job.params_file), FAILED,
                                  f"worker failed: {type(exc).__name__}: {exc}"[:600]))


def _ignore_interrupt() -> None:
    """In a worker: Ctrl-C is the batch's to handle (it stops the workers), not a traceback per worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool_outcomes(jobs: Sequence[UnitJob], workers: int) -> Iterator[UnitOutcome]:
    """Each unit in a spawned worker process (papermill is process-safe, not thread-safe); at most
    IN_FLIGHT_PER_WORKER units per worker are queued at a time.
    """
    context = multiprocessing.get_context("spawn")  # no forked zmq/asyncio state in the workers
    pending = iter(jobs)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_interrupt) as pool:
        running: dict[Future, UnitJob] = {}
        try:
            while True:
                while len(running) < workers * IN_FLIGHT_PER_WORKER:
                    job = next(pending, None)
                    if job is None:
                        break
                    running[pool.submit(run_unit, UnitTask.of(job))] = job
                if not running:
                    return
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    job = running.pop(future)
                    try:
                        yield future.result()
                    except Exception as exc:  # noqa: BLE001 - a dead worker fails its unit, not the batch
                        yield _lost(job, exc)
        except BaseException:  # Ctrl-C: stop now, not once the units running have finished (a hung one never)
            busy = list((pool._processes or {}).values())  # no public way to stop workers before Python 3.14
            pool.shutdown(wait=False, cancel_futures=True)
            for process in busy:
                process.terminate()  # its kernel notices its parent is gone and exits too
            raise


def _dask_outcomes(jobs: Sequence[UnitJob], scheduler: str, workers: int) -> Iterator[UnitOutcome]:
    """Each unit as a task on a dask cluster; outcomes come back here to be published.

    Workers should run one thread each (papermill is not thread-safe). A task whose worker dies is
    rescheduled by dask on another worker; after dask's allowed failures it is reported failed.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise BatchError("the dask engine needs `pip install 'perfeval[cluster]'` (dask, distributed)") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None) if scheduler == "local" else None
    try:
        client = Client(cluster if cluster else scheduler, timeout=10)
    except (OSError, TimeoutError) as exc:
        raise BatchError(f"cannot reach the dask scheduler at {scheduler}: {exc}") from None
    try:
        width = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        pending = iter(jobs)
        owner: dict[str, UnitJob] = {}

        def submit() -> Any:
            job = next(pending, None)
            if job is None:
                return None
            future = client.submit(run_unit, UnitTask.of(job), key=f"perfeval-{job.unit_id}", pure=False)
            owner[future.key] = job
            return future

        first = [f for f in (submit() for _ in range(width * IN_FLIGHT_PER_WORKER)) if f is not None]
        stream = as_completed(first)
        for future in stream:
            job = owner.pop(future.key)
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker and the like fail the unit
                yield _lost(job, exc)
            future.release()
            following = submit()
            if following is not None:
                stream.add(following)
    finally:
        client.close()
        if cluster:
            cluster.close()


def run_batch(names: Sequence[str] = (), *, outputs: Path = OUTPUTS_DIR, notebook: Path = DEFAULT_NOTEBOOK,
              units_dir: Path = UNITS_DIR, workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
              failed_only: bool = False, parameters: Mapping[str, Any] | None = None,
              progress: bool = True, scheduler: str | None = None,
              after_units: Callable[[Path, dict[str, UnitRun]], None] | None = None) -> BatchOutcome:
    """Run units into outputs/units/<id>/, then rewrite outputs/index.html and outputs/summary.csv.

    scheduler: None for this machine's worker pool, "local" for a dask LocalCluster, or a dask scheduler
    address ("tcp://host:8786"). Raises BatchError before anything runs if the notebook does not accept
    the parameters or the units cannot be resolved; a unit that fails is recorded and the others go on.
    after_units runs once all units are done, before the index is written (the portfolio page, the
    summary workbook).
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
    width = min(workers or default_workers(), max(1, len(jobs)))
    outcomes = (_dask_outcomes(jobs, scheduler, width) if scheduler else _pool_outcomes(jobs, width)) if jobs \
        else iter(())
    results: list[UnitRun] = []
    unsaved: list[str] = []

    def record(*done: UnitRun) -> None:
        status.update((r.unit_id, r) for r in done)
        try:
            save_status(outputs, status)  # after every unit, so an interrupted batch still knows what ran
        except OSError as exc:  # the reports go on being published; the batch fails at the end
            unsaved[:] = [str(exc)]

    try:
        for result in _published(outputs, outcomes, len(jobs), progress):
            results.append(result)
            record(result)
    except BaseException:  # Ctrl-C: every unit not finished is listed as such, and the index says so
        finished = {r.unit_id for r in results}
        record(*(UnitRun(j.unit_id, str(j.params_file), FAILED, INTERRUPTED) for j in jobs
                 if j.unit_id not in finished))
        publish_index(outputs, status)
        raise
    if after_units is not None:
        after_units(outputs, status)
    publish_index(outputs, status)
    if unsaved:
        raise BatchError(f"cannot record the batch status in {outputs / STATUS_FILE}: {unsaved[0]}; the reports "
                         "and the index were written")
    return BatchOutcome(tuple(sorted(results, key=lambda r: r.unit_id)), outputs)


def _published(outputs: Path, outcomes: Iterable[UnitOutcome], total: int, progress: bool) -> Iterator[UnitRun]:
    """Publish each outcome as it arrives, with a progress bar of units done and failed."""
    from tqdm import tqdm

    failed = 0
    with tqdm(total=total, unit="unit", desc="perfeval run", disable=not progress, file=sys.stderr) as bar:
        for outcome in outcomes:
            try:
                result = publish(outputs, outcome)
            except OSError as exc:
                notebook = unit_paths(outputs, outcome.result.unit_id)[0]
                result = replace(outcome.result, status=FAILED, report=None, result=None,
                                 notebook=str(notebook.relative_to(outputs)) if notebook.is_file() else None,
                                 reason=f"cannot write the report into {outputs}: {exc}")
            failed += result.status == FAILED
            bar.set_postfix(done=bar.n + 1 - failed, failed=failed)
            bar.update()
            yield result


def publish_index(outputs: Path, status: dict[str, UnitRun]) -> None:
    """Rewrite the index and summary CSV from the status of every unit whose params file still exists, and from
    the unit result of each published one (read from its file, never recomputed)."""
    from ..index_page import index_html, summary_csv
    from .summaries import read_results

    current = {uid: r for uid, r in status.items() if Path(r.params_file).exists()}
    if current != status:
        status.clear()
        status.update(current)
        save_status(outputs, status)
    entries = read_results(outputs, current)
    write_atomic(outputs / "summary.csv", summary_csv(entries))
    extras = [(label, name) for label, name in EXTRAS if (outputs / name).exists()]
    write_atomic(outputs / "index.html", index_html(entries, extras))
