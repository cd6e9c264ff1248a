"""The batch: units on a local worker pool or a dask cluster, published as they finish, then the index.

However a batch ends, every unit it took on has a status: each is recorded as interrupted before it runs
and overwritten when it finishes, so even SIGKILL leaves the unfinished ones marked for --failed-only.
SIGTERM is handled as Ctrl-C: the workers stop at once, the index is written.
"""
from __future__ import annotations

import math
import os
import signal
import sys
import threading
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from ...errors import BatchError, Terminated
from ...core.numbers import exact
from ...fileio import write_atomic
from ...paths import NOTEBOOKS_DIR, OUTPUTS_DIR, UNITS_DIR
from ...safetext import shown_path
from ..draft.deadline import LONGEST
from ..store import ResultsStore
from .drafting import draft_reports, same_unit_twice, unclaimed
from .jobs import (HISTORY_PARAMETER, PARAMS_PARAMETER, Identity, UnitJob, build_jobs, check_parameters, file_id,
                   free_id, identity, in_waves, resolve_reports, resolve_units, set_aside)
from .keys import digest, file_digest, package_version, unit_key
from .lifeline import sweep_stale_scratch
from .lock import outputs_lock
from .pool import WorkerPool
from .publish import publish, sign_trusted, unit_paths
from .status import FAILED, NOT_RUN, OK, STATUS_FILE, UnitRun, load_status, save_status
from .worker import UnitOutcome, UnitTask, run_unit

DEFAULT_NOTEBOOK = NOTEBOOKS_DIR / "unit_report.ipynb"
DEFAULT_TIMEOUT = 600.0
EXTRAS = (("各单位对比", "portfolio.html"), ("汇总工作簿（Excel）", "summary.xlsx"),
          ("汇总表（CSV，可用 Excel/WPS 打开）", "summary.csv"))
INTERRUPTED = "中断：批处理在本单位完成前被中止；运行 perfeval run --failed-only 补完"
IN_FLIGHT_PER_WORKER = 2  # dask: enough queued to keep every worker busy; bounded so memory does not grow with N


@dataclass(frozen=True)
class BatchOutcome:
    """What one batch run did: this run's results (all units of the index are in the status file).

    unchanged: the units among the results that did not run, their key being that of their published outputs;
    problems: what failed the batch as a whole (the status or the index could not be written); warnings:
    what did not (notebooks not marked trusted).
    """

    results: tuple[UnitRun, ...]
    outputs: Path
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()

    @property
    def failed(self) -> list[UnitRun]:
        return [r for r in self.results if r.status == FAILED]

    @property
    def not_run(self) -> list[UnitRun]:
        """Files not run because another file of their unit ran in their place (confirmed params, another format
        or a copy of its report): no failure."""
        return [r for r in self.results if r.status == NOT_RUN]


def default_workers() -> int:
    """As many workers as cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _named(names: Sequence[str], failed_only: bool, units_dir: Path) -> list[Path] | None:
    """The params files and reports named (default params/units/), found before the outputs folder is made (`run
    missing.yaml -o new/out` made new/out, then said the file was missing); None when the status decides (_recorded)."""
    if names or not failed_only:
        return resolve_units(names, units_dir) + resolve_reports(names)[0]
    return None


def _recorded(previous: dict[str, UnitRun], units_dir: Path) -> list[Path]:
    """With --failed-only and none named, the files the status records (an earlier batch may have run another
    folder), or params/units/ when it records none."""
    if not previous:
        return resolve_units((), units_dir)
    return sorted({Path(r.drafted_from or r.params_file) for r in previous.values()
                   if Path(r.drafted_from or r.params_file).exists()})  # a report is drafted again


def _done(before: UnitRun | None, outputs: Path) -> bool:
    """Whether a unit's last run succeeded and its report and result are still there (else --failed-only runs it)."""
    return (before is not None and before.status == OK and before.report is not None and before.result is not None
            and (outputs / before.report).is_file() and (outputs / before.result).is_file())


def _failed(job: UnitJob, reason: str) -> UnitOutcome:
    """A unit that could not run, or whose worker died or could not be reached: failed with why."""
    return UnitOutcome(UnitRun(job.unit_id, str(job.params_file), FAILED, reason[:600]))


def _task(job: UnitJob) -> UnitTask | UnitOutcome:
    """What a worker needs for the unit, or the failure of a params file that cannot be read now."""
    try:
        return UnitTask.of(job)
    except OSError as exc:
        return _failed(job, f"cannot read {shown_path(exc.filename or job.params_file)}: {exc.strerror or exc}")


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While the batch runs, SIGTERM raises Terminated (a KeyboardInterrupt) in the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise Terminated()

    before = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C or SIGTERM held, then raised, around one unit's publishing and its status: an interrupt between the
    two left its report written under a status that said 中断 (a race a loaded machine hit)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def hold(signum: int, frame: object) -> None:
        pending.append(signum)

    before = {sig: signal.signal(sig, hold) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
    if pending:
        raise Terminated() if pending[0] == signal.SIGTERM else KeyboardInterrupt()


@contextmanager
def _uninterrupted() -> Iterator[None]:
    """A second Ctrl-C or SIGTERM is ignored while the batch stops its workers and writes the index (which
    takes seconds at most): it would leave workers running and the index unwritten.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def _pool_outcomes(waves: Sequence[Sequence[UnitJob]], pool: WorkerPool) -> Iterator[UnitOutcome]:
    """Each unit on this machine's worker processes, wave after wave; a worker that dies fails only its unit."""
    try:
        for wave in waves:
            yield from pool.outcomes(wave, _task, _failed)
    except BaseException:  # Ctrl-C, SIGTERM, or the batch closing this early: stop now, not after a hung unit
        with _uninterrupted():
            pool.stop()
        raise
    pool.close()


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
        unsent: list[UnitOutcome] = []

        def submit() -> Any:
            for job in pending:
                task = _task(job)
                if isinstance(task, UnitOutcome):
                    unsent.append(task)
                    continue
                future = client.submit(run_unit, task, key=f"perfeval-{job.unit_id}", pure=False)
                owner[future.key] = job
                return future
            return None

        first = [f for f in (submit() for _ in range(width * IN_FLIGHT_PER_WORKER)) if f is not None]
        stream = as_completed(first)
        yield from unsent
        unsent.clear()
        for future in stream:
            job = owner.pop(future.key)
            try:
                yield future.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker and the like fail the unit
                yield _failed(job, f"worker failed: {type(exc).__name__}: {exc}")
            future.release()
            following = submit()
            yield from unsent
            unsent.clear()
            if following is not None:
                stream.add(following)
    finally:
        client.close()
        if cluster:
            cluster.close()


def _prepare(outputs: Path) -> None:
    """The outputs folder exists and is a folder, or the batch does not start."""
    try:
        outputs.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BatchError(f"{shown_path(outputs)} is a file; the outputs (-o) must be a folder") from None
    except OSError as exc:
        raise BatchError(f"cannot create the outputs folder {shown_path(outputs)}: {exc.strerror}") from None


class _Ledger:
    """The status of every unit, saved after each change, so that a batch stopped at any moment has
    recorded what ran; a status file that cannot be written is noted, and the reports go on.
    """

    def __init__(self, outputs: Path, status: dict[str, UnitRun], store: ResultsStore) -> None:
        self.outputs = outputs
        self.status = status
        self.store = store
        self.unsaved = ""

    def record(self, *done: UnitRun) -> None:
        self.status.update((r.unit_id, r) for r in done)
        try:
            save_status(self.outputs, self.status)
        except OSError as exc:
            self.unsaved = exc.strerror or str(exc)

    def write_index(self) -> str:
        """The index and CSV from the status; '' or why they could not be written (the old ones stay)."""
        try:
            publish_index(self.outputs, self.status, self.store)
        except OSError as exc:
            return (f"cannot write the index into {shown_path(self.outputs)}: {exc.strerror or exc}; "
                    "the previous index is kept")
        return ""


def run_batch(names: Sequence[str] = (), *, outputs: Path = OUTPUTS_DIR, notebook: Path = DEFAULT_NOTEBOOK,
              units_dir: Path = UNITS_DIR, workers: int | None = None, timeout: float = DEFAULT_TIMEOUT,
              failed_only: bool = False, force: bool = False, parameters: Mapping[str, Any] | None = None,
              progress: bool = True, scheduler: str | None = None,
              after_units: Callable[[Path, dict[str, UnitRun]], None] | None = None) -> BatchOutcome:
    """Run units into outputs/units/<id>/, then rewrite outputs/index.html and outputs/summary.csv.

    Only the units whose key (batch/keys.py) differs from that of their published outputs run, and those whose
    last run failed; the others are listed as unchanged. force: every unit runs, every report is drafted again.
    scheduler: None for this machine's worker pool, "local" for a dask LocalCluster, or a dask scheduler
    address ("tcp://host:8786"). Raises BatchError before anything runs if the notebook does not accept
    the parameters, the units cannot be resolved, or another batch is writing into the outputs folder; a
    unit that fails is recorded and the others go on. failed_only: only the units not done, i.e. failed,
    interrupted, never run into this folder, or whose report is gone. after_units runs once all units
    are done, before the index is written (the portfolio page, the summary workbook).
    """
    if not math.isfinite(timeout) or not 0 < timeout <= LONGEST:  # a NaN bound never fires; 1e10 overflowed
        got = exact(timeout) if math.isfinite(timeout) else str(timeout)
        raise BatchError(f"the per-unit timeout must be a positive number of seconds, at most {LONGEST:.0f} (a day), "
                         f"got {got}")
    reserved = sorted({PARAMS_PARAMETER, HISTORY_PARAMETER} & set(parameters or {}))
    if reserved:
        raise BatchError(f"parameter {reserved[0]!r} is set by the batch for each unit (-p {reserved[0]} would be "
                         "ignored); name the units to run as arguments")
    if workers is not None and workers < 1:
        raise BatchError(f"workers must be at least 1, got {workers}")
    outputs, notebook = Path(outputs).resolve(), Path(notebook).resolve()
    extra = dict(parameters or {})
    declared = check_parameters(notebook, {**extra, PARAMS_PARAMETER: ""})
    named = _named(names, failed_only, units_dir)
    _prepare(outputs)
    with outputs_lock(outputs), _sigterm_as_interrupt(), ResultsStore(outputs) as store:
        sweep_stale_scratch()
        previous = load_status(outputs)
        _backfill(store, outputs, previous)
        candidates = named if named is not None else _recorded(previous, units_dir)
        drafts = draft_reports(candidates, outputs, store, width=workers or default_workers(), timeout=timeout,
                               force=force, held={uid: r.drafted_from for uid, r in previous.items()
                                                  if r.drafted_from and Path(r.drafted_from).exists()})
        identify = _identities(store)
        jobs, copies = build_jobs(drafts.files, notebook, outputs, extra, timeout, identify=identify,
                                  drafted=drafts.drafted,
                                  held={uid: r.params_file for uid, r in previous.items() if r.status == OK})
        copies += unclaimed(drafts.listed, {j.unit_id for j in jobs} | {c.unit_id for c in copies},
                            {uid: r.drafted_from or r.params_file for uid, r in previous.items() if r.status == OK})
        copies += _set_aside(names, {j.unit_id for j in jobs} | {c.unit_id for c in copies})
        runs = {str(j.params_file): drafts.drafted.get(str(j.params_file), str(j.params_file)) for j in jobs}
        if failed_only:
            jobs = [j for j in jobs if not _done(previous.get(j.unit_id), outputs)]
        history = HISTORY_PARAMETER in declared
        waves = in_waves(jobs, outputs, _published_years(store, previous, jobs) if history else {}, history)
        keys = _keys(waves, notebook, store.keys(), drafts.drafted)
        stored = store.keys()
        unchanged = [] if force else [j for j in jobs if keys[j.unit_id] is not None
                                      and stored.get(j.unit_id) == keys[j.unit_id]
                                      and _done(previous.get(j.unit_id), outputs)]
        skip = {j.unit_id for j in unchanged}
        waves = [w for w in ([j for j in wave if j.unit_id not in skip] for wave in waves) if w]
        to_run = [j for wave in waves for j in wave]
        ledger = _Ledger(outputs, dict(previous), store)
        ledger.record(*(UnitRun(j.unit_id, str(j.params_file), FAILED, INTERRUPTED,
                                drafted_from=drafts.drafted.get(str(j.params_file))) for j in to_run))
        width = min(workers or default_workers(), max(1, len(to_run)))
        pool = WorkerPool(width) if to_run and not scheduler else None
        try:
            engine = ((chain.from_iterable(_dask_outcomes(w, scheduler, width) for w in waves) if scheduler
                       # pool is set when to_run and no scheduler
                       else _pool_outcomes(waves, pool)) if to_run else iter(()))  # type: ignore[arg-type]
            outcomes = chain((UnitOutcome(c) for c in copies), engine)
            # an unchanged unit keeps its outputs, under the files it now runs from: a report moved (its folder
            # renamed) left the old path in the status, and the index then dropped the unit as if its report were gone
            results: list[UnitRun] = [replace(previous[j.unit_id], params_file=str(j.params_file),
                                              drafted_from=drafts.drafted.get(str(j.params_file),
                                                                              previous[j.unit_id].drafted_from))
                                      for j in unchanged]
            ledger.record(*results)
            warnings: list[str] = resolve_reports(names)[1] + same_unit_twice(runs, identify)
            try:
                with closing(_published(outputs, outcomes, len(to_run) + len(copies), progress, previous,
                                        warnings)) as published:
                    for result, record, unit_json in published:  # interrupts held until the unit is recorded
                        fresh = record is result
                        result, record = (replace(r, drafted_from=r.drafted_from or drafts.drafted.get(r.params_file))
                                          for r in (result, record))
                        results.append(result)
                        ledger.record(record)
                        if fresh:  # else its previous run is kept whole, and so is its stored result
                            _store(store, record, keys.get(record.unit_id), unit_json)
                if after_units is not None:
                    after_units(outputs, ledger.status)
            except BaseException:  # Ctrl-C or SIGTERM: the workers stop, the unfinished stay marked, the index says so
                with _uninterrupted():
                    getattr(engine, "close", lambda: None)()
                    ledger.write_index()
                raise
        finally:
            if pool is not None:  # a batch that ran has closed it already; one that failed to start stops it here
                with _uninterrupted():
                    pool.stop()
        problems = [p for p in (ledger.write_index(),) if p]
        if store.unsaved:
            warnings.append(f"cannot record the results in {shown_path(store.path)} ({store.unsaved}); the index "
                            "was made from the result files, and the next run runs every unit again")
        if ledger.unsaved:
            problems.insert(0, f"cannot record the batch status in {shown_path(outputs / STATUS_FILE)}: "
                               f"{ledger.unsaved}" + ("" if problems else "; the reports and the index were written"))
    return BatchOutcome(tuple(sorted(results, key=lambda r: r.unit_id)), outputs, tuple(problems), tuple(warnings),
                        tuple(sorted(skip)))


def _set_aside(names: Sequence[str], taken: set[str]) -> list[UnitRun]:
    """Each file of the folders named that the batch neither drafts nor runs, listed 未运行 with why under an id of
    its own (trial 7 X32: two reports were only warned of on the terminal, absent from the index and the status)."""
    out = []
    for path, why in set_aside(names):
        uid = free_id(file_id(path), taken)
        taken.add(uid)
        out.append(UnitRun(uid, str(path), NOT_RUN, why))
    return out


def _identities(store: ResultsStore) -> Callable[[Path], Identity]:
    """What each params file says of its unit, remembered in the store by the file's path and bytes (and the
    package's version): a batch with nothing changed does not validate every params file again."""
    def identify(path: Path) -> Identity:
        try:
            key = digest(b"identity", package_version().encode(), os.fsencode(path), path.read_bytes())
        except OSError:
            return identity(path)
        known = store.identity(key)
        if known is not None:
            return Identity(**known)
        found = identity(path)
        store.put_identity(key, asdict(found))
        return found

    return identify


def _keys(waves: Sequence[Sequence[UnitJob]], notebook: Path, stored: Mapping[str, str],
          drafted: Mapping[str, str]) -> dict[str, str | None]:
    """The key of every job, wave after wave: a unit's key holds those of its earlier years (of this batch, else as
    published before)."""
    try:
        notebook_digest = file_digest(notebook)
    except OSError:
        return {j.unit_id: None for wave in waves for j in wave}
    keys: dict[str, str | None] = {}
    for wave in waves:
        known: dict[str, str | None] = {**stored, **keys}
        for job in wave:
            keys[job.unit_id] = unit_key(job, notebook_digest, known, drafted.get(str(job.params_file)))
    return keys


def _store(store: ResultsStore, record: UnitRun, key: str | None, unit_json: str | None) -> None:
    """The store follows the status: a result published now with its key (an unknown key never matches), a
    withdrawn one forgotten."""
    if record.status == OK and record.result and unit_json is not None:
        store.put(record.unit_id, key or "", unit_json)
    else:
        store.drop([record.unit_id])


def _backfill(store: ResultsStore, outputs: Path, status: Mapping[str, UnitRun]) -> None:
    """Results published before the folder had a store (an older version): stored from their files, without a key,
    so that the index still shows them and their units run again."""
    missing = {uid for uid, run in status.items() if run.status == OK and run.result} - set(store.keys())
    for uid in sorted(missing):
        try:
            # result: in missing only when set
            store.put(uid, "", (outputs / status[uid].result).read_text(encoding="utf-8"))  # type: ignore[operator]
        except (OSError, ValueError):
            continue


def _published_years(store: ResultsStore, previous: dict[str, UnitRun],
                     jobs: Sequence[UnitJob]) -> dict[str, tuple[int, str]]:
    """(year, series) of each unit published before and not in this batch, from the results store."""
    running = {j.unit_id for j in jobs}
    years = store.years()
    return {uid: years[uid] for uid, run in previous.items()
            if uid not in running and run.status == OK and run.result and uid in years}


def _unpublished(outputs: Path, outcome: UnitOutcome, exc: OSError,
                 before: UnitRun | None) -> tuple[UnitRun, UnitRun]:
    """A unit whose files could not be written (a full disk, a file where its folder goes): failed in this
    run's results; in the status, its previous record while that run's report is still whole on disk.
    """
    where = f"{shown_path(exc.filename)}: " if exc.filename else ""
    notebook = unit_paths(outputs, outcome.result.unit_id)[0]
    failed = replace(outcome.result, status=FAILED, report=None, result=None,
                     notebook=str(notebook.relative_to(outputs)) if notebook.is_file() else None,
                     reason=f"cannot write the report into {shown_path(outputs)}: {where}{exc.strerror or exc}")
    if _done(before, outputs):
        return replace(failed, reason=failed.reason + "; the report of the previous run is kept"), before
    return failed, failed


def _published(outputs: Path, outcomes: Iterable[UnitOutcome], total: int, progress: bool,
               previous: dict[str, UnitRun], warnings: list[str]) -> Iterator[tuple[UnitRun, UnitRun, str | None]]:
    """Publish each outcome as it arrives, with a progress bar of units done and failed: this run's result,
    what the status records (they differ only for a report kept from the previous run), and the unit result.
    """
    from tqdm import tqdm

    failed = 0
    with tqdm(total=total, unit="unit", desc="perfeval run", disable=not progress, file=sys.stderr) as bar:
        for outcome in outcomes:
            with _interrupts_held():  # until the caller has recorded the unit and asks for the next
                try:
                    result = record = publish(outputs, outcome)
                except OSError as exc:
                    result, record = _unpublished(outputs, outcome, exc, previous.get(outcome.result.unit_id))
                else:
                    if result.notebook and outcome.notebook is not None:
                        warning = sign_trusted(outcome.notebook)
                        if warning and warning not in warnings:
                            warnings.append(warning)
                failed += result.status == FAILED
                bar.set_postfix(done=bar.n + 1 - failed, failed=failed)
                bar.update()
                yield result, record, outcome.unit_json


def publish_index(outputs: Path, status: dict[str, UnitRun], store: ResultsStore) -> None:
    """Rewrite the index, summary CSV and framework pages from the status of every unit whose params file (and, for
    a drafted unit, its report) still exists, and from the unit result of each published one (read from the results
    store, never recomputed). A report renamed between runs is a unit withdrawn and one drafted anew, not two."""
    from ..framework_page import NotesCollector, write_framework_pages
    from ..index_page import data_csv, index_html, summary_csv
    from ..store import Entry, entries

    current = {uid: r for uid, r in status.items()
               if Path(r.params_file).exists() and (r.drafted_from is None or Path(r.drafted_from).exists())}
    if current != status:
        status.clear()
        status.update(current)
        save_status(outputs, status)
    store.drop(set(store.keys()) - set(current))
    notes, listed = NotesCollector(), list[Entry]()
    for run, result in entries(outputs, current):  # the framework notes go to their pages, not into the index's list
        if result is not None:
            notes.add(result, run.report)
            result = result.model_copy(update={"framework_notes": []})  # most of an outline: ~4 of its 5 KB
        listed.append((run, result))
    write_framework_pages(outputs, notes)
    write_atomic(outputs / "summary.csv", summary_csv(listed))
    write_atomic(outputs / "summary_data.csv", data_csv(listed))
    extras = [(label, name) for label, name in EXTRAS if (outputs / name).exists()]
    write_atomic(outputs / "index.html", index_html(listed, extras))
