"""Batch-wide outputs written once every unit is done: the portfolio page and the summary workbook."""
from __future__ import annotations

import math
import tempfile
from pathlib import Path

from ...fileio import write_atomic_all
from ...paths import NOTEBOOKS_DIR
from ...result import UnitResult
from .lifeline import scratch_dir
from .publish import sign_trusted
from .status import OK, UnitRun

PORTFOLIO_NOTEBOOK = NOTEBOOKS_DIR / "portfolio.ipynb"
PORTFOLIO_TIMEOUT = 600.0


Entry = tuple[UnitRun, UnitResult | None]  # a unit's batch status and, when published, its unit result


def read_results(outputs: Path, status: dict[str, UnitRun]) -> list[Entry]:
    """Every unit in unit-id order with its published unit result (None when it has none or it cannot be read)."""
    out: list[Entry] = []
    for uid in sorted(status):
        run = status[uid]
        result = None
        if run.status == OK and run.result:
            try:
                result = UnitResult.read(outputs / run.result)
            except (OSError, ValueError):
                result = None  # shown as a published report without figures; the next run rewrites it
        out.append((run, result))
    return out


def published_results(outputs: Path, status: dict[str, UnitRun]) -> list[Path]:
    """The unit result files of every unit whose report is published, in unit-id order."""
    # result: tested set in the condition below
    return [outputs / status[uid].result for uid in sorted(status)  # type: ignore[operator]
            if status[uid].status == OK and status[uid].result and (outputs / status[uid].result).is_file()]


def write_portfolio(outputs: Path, result_files: list[Path]) -> None:
    """Run notebooks/portfolio.ipynb over the published unit results into outputs/portfolio.html (and its notebook)."""
    import papermill

    from ..htmlexport import to_html
    from .kernel import KERNEL_NAME, NativeKernelManager

    with tempfile.TemporaryDirectory(prefix="portfolio-", dir=scratch_dir()) as tmp:
        out = Path(tmp) / "portfolio.ipynb"
        nb = papermill.execute_notebook(
            str(PORTFOLIO_NOTEBOOK), str(out), parameters={"units": [str(p) for p in result_files]},
            kernel_name=KERNEL_NAME, kernel_manager_class=NativeKernelManager, shutdown_kernel="immediate",
            cwd=str(NOTEBOOKS_DIR), progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            execution_timeout=math.ceil(PORTFOLIO_TIMEOUT))
        executed = out.read_bytes()
    write_atomic_all({outputs / "portfolio.ipynb": executed,
                      outputs / "portfolio.html": to_html(nb, "各单位部门整体支出绩效评价对比",
                                                          index_href="index.html", sign_off=False)})
    sign_trusted(executed)


def write_workbook(outputs: Path, result_files: list[Path]) -> None:
    """outputs/summary.xlsx: one sheet listing every unit, one sheet per unit (score sheet and findings)."""
    from ..excel.summary import write_summary_workbook

    write_summary_workbook((UnitResult.read(p) for p in result_files), outputs / "summary.xlsx")  # one at a time


def write_batch_summaries(outputs: Path, status: dict[str, UnitRun]) -> list[str]:
    """Both batch-wide outputs; a failure of either is returned as a message, never raised over the units.

    Each is replaced whole or not at all: when one cannot be written (a full disk), the previous one stays,
    and the message says so.
    """
    problems = []
    result_files = published_results(outputs, status)
    for name, write in (("portfolio.html", write_portfolio), ("summary.xlsx", write_workbook)):
        try:
            write(outputs, result_files)
        except Exception as exc:  # noqa: BLE001 - the unit reports are already safe; say what failed
            kept = "; the previous one is kept" if (outputs / name).exists() else ""
            problems.append(f"{name}: {type(exc).__name__}: {str(exc)[:300]}{kept}")
    return problems
