"""Batch-wide outputs written once every unit is done: the portfolio page and the summary workbook."""
from __future__ import annotations

import math
import tempfile
from pathlib import Path

from ...fileio import write_atomic
from ...paths import NOTEBOOKS_DIR
from .status import OK, UnitResult

PORTFOLIO_NOTEBOOK = NOTEBOOKS_DIR / "portfolio.ipynb"
PORTFOLIO_TIMEOUT = 600.0


def published_params(status: dict[str, UnitResult]) -> list[Path]:
    """The params files of every unit whose report is published, in unit-id order."""
    return [Path(status[uid].params_file) for uid in sorted(status) if status[uid].status == OK]


def write_portfolio(outputs: Path, params_files: list[Path]) -> None:
    """Run notebooks/portfolio.ipynb over the published units into outputs/portfolio.html (and its notebook)."""
    import papermill

    from ..htmlexport import to_html
    from .kernel import KERNEL_NAME, NativeKernelManager

    with tempfile.TemporaryDirectory(prefix="perfeval-portfolio-") as tmp:
        out = Path(tmp) / "portfolio.ipynb"
        nb = papermill.execute_notebook(
            str(PORTFOLIO_NOTEBOOK), str(out), parameters={"units": [str(p) for p in params_files]},
            kernel_name=KERNEL_NAME, kernel_manager_class=NativeKernelManager, shutdown_kernel="immediate",
            cwd=str(NOTEBOOKS_DIR), progress_bar=False, log_output=False, request_save_on_cell_execute=False,
            execution_timeout=math.ceil(PORTFOLIO_TIMEOUT))
        write_atomic(outputs / "portfolio.ipynb", out.read_bytes())
    write_atomic(outputs / "portfolio.html", to_html(nb, "各单位部门整体支出绩效评价对比"))


def write_workbook(outputs: Path, params_files: list[Path]) -> None:
    """outputs/summary.xlsx: one sheet listing every unit, one sheet per unit (score sheet and findings)."""
    from ..excel.summary import write_summary_workbook
    from ..portfolio import load_units

    scored, failed = load_units(params_files)
    if failed:
        raise ValueError(f"{failed[0][0]} no longer validates: {failed[0][1].splitlines()[0]}")
    write_summary_workbook(scored, outputs / "summary.xlsx")


def write_batch_summaries(outputs: Path, status: dict[str, UnitResult]) -> list[str]:
    """Both batch-wide outputs; a failure of either is returned as a message, never raised over the units."""
    problems = []
    params_files = [p for p in published_params(status) if p.exists()]
    for name, write in (("portfolio.html", write_portfolio), ("summary.xlsx", write_workbook)):
        try:
            write(outputs, params_files)
        except Exception as exc:  # noqa: BLE001 - the unit reports are already safe; say what failed
            (outputs / name).unlink(missing_ok=True)
            problems.append(f"{name}: {type(exc).__name__}: {str(exc)[:300]}")
    return problems
