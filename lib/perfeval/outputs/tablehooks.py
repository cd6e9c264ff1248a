"""Drop the per-cell ids and classes pandas' Styler writes that nothing on the page uses.

Styler gives every cell classes such as `data row12 col3` and, once any cell is styled, an id such as
`T_scores_row12_col3`; a report's tables spent about 35 KB of Changsha's page on them. A cell keeps every id a
stylesheet or link on the page names (`#T_scores_row0_col2 {…}`, `href="#…"`) and every class a stylesheet names
(`td.col3`, `.pe-lines`), so the page looks and prints the same. Only the start tags of table cells are touched,
and their attributes are written by Styler, where unit text is escaped, so no unit text can match.
"""
from __future__ import annotations

import re

_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_CSS_ID = re.compile(r"#(-?[A-Za-z_][\w-]*)")
_CSS_CLASS = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_HREF_ID = re.compile(r'href="#([^"]+)"')
_CELL = re.compile(r"<t[dh]\b[^>]*>")
_ID = re.compile(r' id="([^"]*)"')
_CLASS = re.compile(r' class="([^"]*)"')


def compact_tables(page: str) -> str:
    """The page with table cells' unused ids and classes removed (see the module's docstring)."""
    css = " ".join(_STYLE.findall(page))
    ids = set(_CSS_ID.findall(css)) | set(_HREF_ID.findall(page))
    classes = set(_CSS_CLASS.findall(css))

    def keep_id(m: re.Match[str]) -> str:
        return m.group() if m.group(1) in ids else ""

    def keep_classes(m: re.Match[str]) -> str:
        used = [c for c in m.group(1).split() if c in classes]
        return f' class="{" ".join(used)}"' if used else ""

    def cell(m: re.Match[str]) -> str:
        return _CLASS.sub(keep_classes, _ID.sub(keep_id, m.group()))

    return _CELL.sub(cell, page)
