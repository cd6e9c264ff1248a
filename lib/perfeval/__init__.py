"""perfeval: recompute, score and audit whole-department expenditure performance self-evaluations."""
from .checks import Finding, run_checks
from .engine import ScoreRow, ScoreSheet, score_file, score_params
from .errors import FrameworkError, ParamsError, PerfevalError, WorkbookError
from .export import sheet_to_dict
from .framework import lint_framework, load_framework
from .params import load_params

__all__ = [
    "Finding", "FrameworkError", "ParamsError", "PerfevalError", "ScoreRow", "ScoreSheet", "WorkbookError",
    "lint_framework", "load_framework", "load_params", "run_checks", "score_file", "score_params",
    "sheet_to_dict",
]
