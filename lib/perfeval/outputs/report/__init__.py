"""The per-unit report: tables, charts and display blocks that notebooks/unit_report.ipynb shows.

Names are imported on first use, so the batch runner can use the light parts (model) without pandas/seaborn.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "UnitReport": "model", "load_report": "model", "result_record": "model",
    "apply_theme": "fonts",
    "title": "blocks", "overview": "blocks", "base_data": "blocks", "scores": "blocks", "findings": "blocks",
    "chart_scores": "blocks", "chart_claims": "blocks", "chart_rates": "blocks", "chart_spending": "blocks",
    "conclusion": "blocks", "footer": "blocks", "history": "blocks",
}

_SUBMODULES = {"tables", "charts", "narrative", "display"}  # for analysts: report.tables.score_frame(rep.sheet)

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return import_module(f".{name}", __name__)
    if name in _EXPORTS:
        module = import_module(f".{_EXPORTS[name]}", __name__)
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'perfeval.outputs.report' has no attribute {name!r}")


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .blocks import (base_data, chart_claims, chart_rates, chart_scores, chart_spending, conclusion, findings,
                         footer, history, overview, scores, title)
    from .fonts import apply_theme
    from .model import UnitReport, load_report, result_record
