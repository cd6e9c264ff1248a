"""Regular expressions compiled on their first use, not at import.

`core/quantity.py` holds the reader's number patterns, most of them for drafting only; compiled at import they
cost every `perfeval score` and `validate` about 25 ms of CPU (a few span the whole CJK block). A pattern made
here is compiled when code first uses it, and from then on each attribute (`search`, `sub`…) is the compiled
pattern's own, kept on the object, so a drafting loop pays no more than with `re.compile` at import.
"""
from __future__ import annotations

import re
from typing import Any, cast


class _OnFirstUse:
    """Stands for `re.compile(pattern, flags)` until an attribute other than its pattern is asked for."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # read without compiling: patterns are built from one another at import
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only for what the instance does not hold yet
        value = getattr(re.compile(self.pattern, self._flags), name)
        setattr(self, name, value)  # the next look-up finds it here, not through __getattr__
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used; `.pattern` is there at once. Give it to the
    pattern's own methods (`P.search(text)`), not to `re.search(P, text)`, which wants a compiled pattern."""
    return cast("re.Pattern[str]", _OnFirstUse(pattern, flags))
