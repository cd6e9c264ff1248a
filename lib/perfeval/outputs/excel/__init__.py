"""Workbooks written for people: the blank intake template, a unit exported as a filled one, the summary workbook.

Reading a filled workbook back into params is the intake's (perfeval.intake.excel), whose layout and cell kinds the
template writer builds on. Names are imported on first use: the command line pays only for what it writes.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {"write_summary_workbook": "summary", "export_workbook": "template", "write_template": "template"}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'perfeval.outputs.excel' has no attribute {name!r}")


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .summary import write_summary_workbook
    from .template import export_workbook, write_template
