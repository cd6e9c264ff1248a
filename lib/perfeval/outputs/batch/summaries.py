"""Batch-wide outputs written once every unit is done: the portfolio page and the summary workbook."""
from __future__ import annotations

import math
import tempfile
import threading
from pathlib import Path
from typing import Iterator

from ...fileio import write_atomic_all
from ...paths import NOTEBOOKS_DIR
from ...result import UnitResult
from ..store import OK, STORE_FILE, ResultsStore, UnitRun
from .keys import digest, file_digest, package_version
from .lifeline import scratch_dir
from .publish import sign_trusted

PORTFOLIO_NOTEBOOK = NOTEBOOKS_DIR / "portfolio.ipynb"
PORTFOLIO_TIMEOUT = 600.0
# Not shown by the workbook, so neither read nor validated (the indicators' parts were 60 % of the records validated)
NOT_IN_WORKBOOK = ("sensitivity", "readings", "figures", "projects", "framework_notes", "indicators.parts",
                   "indicators.inputs", "findings.evidence")
SUMMARIES = ("portfolio.html", "summary.xlsx")


def published_results(outputs: Path, status: dict[str, UnitRun]) -> list[Path]:
    """The unit result files of every unit whose report is published, in unit-id order."""
    return [outputs / result for uid in sorted(status)
            if status[uid].status == OK and (result := status[uid].result) and (outputs / result).is_file()]


def write_portfolio(outputs: Path, result_files: list[Path]) -> None:
    """Run notebooks/portfolio.ipynb over the published unit results into outputs/portfolio.html (and its notebook):
    over the results store when it holds every one of them, else over their files."""
    import papermill

    with ResultsStore(outputs, readonly=True) as store:
        whole = {p.stem for p in result_files} <= set(store.keys())

    from ..htmlexport import to_html
    from .kernel import KERNEL_NAME, NativeKernelManager
    from .warm import KERNEL_ARGUMENTS

    with tempfile.TemporaryDirectory(prefix="portfolio-", dir=scratch_dir()) as tmp:
        here = _as_text(outputs, Path(tmp))
        units = ([str(here / STORE_FILE)] if whole and result_files
                 else [str(here / p.relative_to(outputs)) for p in result_files])
        out = Path(tmp) / "portfolio.ipynb"
        nb = papermill.execute_notebook(  # the kernel keeps no output (Out[] held the units table's Styler, ~6 KB a unit)
            str(PORTFOLIO_NOTEBOOK), str(out), parameters={"units": units}, extra_arguments=KERNEL_ARGUMENTS,
            kernel_name=KERNEL_NAME, kernel_manager_class=NativeKernelManager, shutdown_kernel="immediate",
            cwd=str(NOTEBOOKS_DIR), progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            execution_timeout=math.ceil(PORTFOLIO_TIMEOUT))
        executed = out.read_bytes()
    write_atomic_all({outputs / "portfolio.ipynb": executed,
                      outputs / "portfolio.html": to_html(nb, "各单位部门整体支出绩效评价对比",
                                                          index_href="index.html", sign_off=False)})
    sign_trusted(executed)


def _as_text(folder: Path, scratch: Path) -> Path:
    """The folder, or a link to it in scratch when its path is no text a notebook can hold: under LC_ALL=C with
    PYTHONUTF8=0 every non-ASCII name reaches Python as surrogates, and `run … -o 输出` lost its portfolio page
    (the notebook's parameters could not be written)."""
    try:
        str(folder).encode("utf-8")
        return folder
    except UnicodeEncodeError:
        link = scratch / "outputs"
        link.symlink_to(folder, target_is_directory=True)
        return link


class Abandoned(Exception):
    """The workbook was given up before it was written: the batch is stopping (Ctrl-C, SIGTERM)."""


def write_workbook(outputs: Path, result_files: list[Path], stop: threading.Event | None = None) -> None:
    """outputs/summary.xlsx: one sheet listing every unit, one sheet per unit (score sheet and findings), from the
    results store (a unit it lacks, from its file). stop: when set, the workbook is given up (Abandoned) before
    the next unit, and nothing is written."""
    from ..excel.summary import write_summary_workbook

    def results(store: ResultsStore) -> Iterator[UnitResult]:
        for p in result_files:  # one at a time
            if stop is not None and stop.is_set():
                raise Abandoned("the batch is stopping")
            yield store.result(p.stem, without=NOT_IN_WORKBOOK) or UnitResult.read(p)

    with ResultsStore(outputs, readonly=True) as store:
        write_summary_workbook(results(store), outputs / "summary.xlsx")


def _write_side_by_side(outputs: Path, result_files: list[Path], due: set[str]) -> dict[str, Exception]:
    """The outputs named in due, the workbook in a thread of its own while the portfolio's notebook runs: its
    kernel computes in a process of its own, so the two take the longer of their times rather than their sum.
    Each output's failure, by name. An interruption (Ctrl-C, SIGTERM) stops the workbook before its next unit."""
    failures: dict[str, Exception] = {}
    stop = threading.Event()

    def workbook() -> None:
        try:
            write_workbook(outputs, result_files, stop)
        except Exception as exc:  # noqa: BLE001 - said by the caller, never raised over the units
            failures["summary.xlsx"] = exc

    thread = threading.Thread(target=workbook, name="summary-workbook", daemon=True)
    if "summary.xlsx" in due:
        thread.start()
    try:
        if "portfolio.html" in due:
            try:
                write_portfolio(outputs, result_files)
            except Exception as exc:  # noqa: BLE001 - the unit reports are already safe; say what failed
                failures["portfolio.html"] = exc
    except BaseException:
        stop.set()
        raise
    finally:
        if thread.is_alive():
            thread.join()
    return failures


def _summaries_key(store: ResultsStore, result_files: list[Path]) -> str | None:
    """What the batch-wide outputs are made from: the key of every published unit, the portfolio notebook, the
    package; None when a unit's key is not known (they are then made again)."""
    keys = store.keys()
    units = [f"{p.stem}\0{keys.get(p.stem) or ''}".encode() for p in result_files]
    if any(b.endswith(b"\0") for b in units):
        return None
    return digest(b"summaries", package_version().encode(), file_digest(PORTFOLIO_NOTEBOOK).encode(), *units)


def write_batch_summaries(outputs: Path, status: dict[str, UnitRun]) -> list[str]:
    """Both batch-wide outputs; a failure of either is returned as a message, never raised over the units.

    Each is replaced whole or not at all: when one cannot be written (a full disk), the previous one stays,
    and the message says so. One made from the same unit results as before (their keys in the results store)
    is left as it is.
    """
    problems = []
    result_files = published_results(outputs, status)
    with ResultsStore(outputs) as store:
        key = _summaries_key(store, result_files)
        due = {name for name in SUMMARIES  # one made from the same unit results is unchanged
               if key is None or not (outputs / name).is_file() or store.output_key(name) != key}
        failures = _write_side_by_side(outputs, result_files, due)
        for name in sorted(due, key=SUMMARIES.index):
            exc = failures.get(name)
            if exc is None:
                store.put_output_key(name, key or "")
                continue
            kept = "; the previous one is kept" if (outputs / name).exists() else ""
            problems.append(f"{name}: {type(exc).__name__}: {str(exc)[:300]}{kept}")
    return problems
