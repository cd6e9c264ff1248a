"""The Excel round trip: intake templates, reading a filled workbook into params, and the summary workbook.

Names are imported on first use: a module that needs only the bounded zip reading of .book (perfeval draft reading
a .docx) does not pay for the intake, the templates and the summary workbook.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {"import_workbook": "intake", "read_workbook": "intake", "write_summary_workbook": "summary",
            "export_workbook": "template", "write_template": "template"}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'perfeval.outputs.excel' has no attribute {name!r}")


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .intake import import_workbook, read_workbook
    from .summary import write_summary_workbook
    from .template import export_workbook, write_template
