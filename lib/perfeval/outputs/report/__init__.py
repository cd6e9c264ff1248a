"""The per-unit report: tables, charts and display blocks that notebooks/unit_report.ipynb shows.

Names are imported on first use, so the batch runner can use the light parts (model) without pandas/seaborn.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "UnitReport": "model", "load_report": "model", "result_record": "model",
    "apply_theme": "fonts",
    **dict.fromkeys(["title", "conclusion", "problems", "advice", "scores", "level1", "overview", "lines", "figures",
                     "stated_figures", "projects", "project_items", "sources", "chart_scores", "chart_claims",
                     "chart_rates", "chart_spending", "history", "basis", "framework_notes", "readings", "robustness",
                     "sensitivity", "run_date"], "blocks"),
}

# for analysts: report.tables.score_frame(rep), report.tables.findings_frame(rep), report.verdict.conclusion(rep.result)
_SUBMODULES = {"tables", "charts", "points", "verdict", "rootcauses", "suggestions", "appendix", "display"}

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
    from .blocks import (advice, basis, chart_claims, chart_rates, chart_scores, chart_spending, conclusion,
                         figures, framework_notes, history, level1, lines, overview, problems, project_items, projects,
                         readings, robustness, run_date, scores, sensitivity, sources, stated_figures, title)
    from .fonts import apply_theme
    from .model import UnitReport, load_report, result_record
