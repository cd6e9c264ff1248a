"""The batch: every unit's params through notebooks/unit_report.ipynb (papermill), to HTML (nbconvert) and an index."""
from .runner import DEFAULT_NOTEBOOK, DEFAULT_TIMEOUT, BatchOutcome, default_workers, run_batch
from .status import FAILED, NOT_RUN, OK, UnitRun, load_status

__all__ = ["DEFAULT_NOTEBOOK", "DEFAULT_TIMEOUT", "FAILED", "NOT_RUN", "OK", "BatchOutcome", "UnitRun",
           "default_workers", "load_status", "run_batch"]
