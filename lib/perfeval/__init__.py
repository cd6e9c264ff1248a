"""perfeval: recompute, score and audit whole-department expenditure performance self-evaluations."""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# name -> module; imported on first use so that `perfeval --help` does not pay for the engine and its imports
_EXPORTS = {
    "Finding": "checks", "run_checks": "checks",
    "ScoreRow": "core.engine", "ScoreSheet": "core.engine", "ScoredUnit": "core.engine", "load_unit": "core.engine",
    "score_file": "core.engine", "score_params": "core.engine", "score_unit": "core.engine",
    "FrameworkError": "errors", "ParamsError": "errors", "PerfevalError": "errors", "WorkbookError": "errors",
    "load_framework": "core.framework", "lint_framework": "core.lint",
    "load_params": "core.params",
    "UnitResult": "result", "evaluate_file": "result", "unit_result": "result",
}

# what notebooks import as `from perfeval import report`: the output layers they narrate with
_SUBPACKAGES = {"report": "outputs.report", "portfolio": "outputs.portfolio"}

__all__ = sorted([*_EXPORTS, *_SUBPACKAGES])


def __getattr__(name: str) -> Any:
    if name in _SUBPACKAGES:
        return import_module(f".{_SUBPACKAGES[name]}", __name__)
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'perfeval' has no attribute {name!r}")


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .checks import Finding, run_checks
    from .core.engine import ScoredUnit, ScoreRow, ScoreSheet, load_unit, score_file, score_params, score_unit
    from .core.framework import load_framework
    from .core.lint import lint_framework
    from .core.params import load_params
    from .errors import FrameworkError, ParamsError, PerfevalError, WorkbookError
    from .result import UnitResult, evaluate_file, unit_result
