"""perfeval: recompute, score and audit whole-department expenditure performance self-evaluations."""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# name -> module; imported on first use so that `perfeval --help` does not pay for pydantic and friends
_EXPORTS = {
    "Finding": "checks", "run_checks": "checks",
    "ScoreRow": "engine", "ScoreSheet": "engine", "score_file": "engine", "score_params": "engine",
    "FrameworkError": "errors", "ParamsError": "errors", "PerfevalError": "errors", "WorkbookError": "errors",
    "sheet_to_dict": "export",
    "lint_framework": "framework", "load_framework": "framework",
    "load_params": "params",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'perfeval' has no attribute {name!r}")


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .checks import Finding, run_checks
    from .engine import ScoreRow, ScoreSheet, score_file, score_params
    from .errors import FrameworkError, ParamsError, PerfevalError, WorkbookError
    from .export import sheet_to_dict
    from .framework import lint_framework, load_framework
    from .params import load_params
