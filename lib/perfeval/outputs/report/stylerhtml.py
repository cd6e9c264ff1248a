"""Report tables written as pandas' Styler writes them (Styler.to_html, as a notebook displays a table: no doctype,
styles included), in less time.

A plain table (one level of columns, the index hidden: every table of the report) is written straight from the
styler's state, its cells' texts and styles as pandas gives them (its display functions, Styler._compute's styles);
pandas first builds a dict for each cell and then has Jinja walk its template over them, cell by cell, which was most
of rendering a report's tables. Any other table goes through Styler._render, its template (html.tpl with
html_style.tpl and html_table.tpl) filled in Python. tests/test_table_html.py compares both with Styler.to_html on
every table of the samples, synthetic units, hostile text and the portfolio, byte for byte.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

import pandas as pd
from pandas.io.formats.style_render import _get_trimming_maximums, format_table_styles


def plain_table(styler: Any) -> str | None:
    """The HTML of a table as the report's tables are (one level of columns, the index hidden, no cell ids, rows
    hidden or headers styled), as Styler._render and its template write it, straight from the styler's state: pandas
    builds a dict for every cell first, which was two thirds of what was left of rendering a table. None for any
    other table (pandas writes it: render)."""
    data = styler.data
    if not _plain(styler):
        return None
    styler._compute()  # the styles .apply and .map set, into styler.ctx
    if any(styler.ctx_index.values()) or any(styler.ctx_columns.values()):
        return None
    hidden = set(styler.hidden_columns)
    shown = [c for c in range(len(data.columns)) if c not in hidden]
    heads = "".join(f'      <th class="col_heading level0 col{c}" >'
                    f"{styler._display_funcs_columns[(0, c)](data.columns[c])}</th>\n" for c in shown)
    ctx, context, funcs = styler.ctx, styler.cell_context, styler._display_funcs
    styles: defaultdict[tuple[Any, ...], list[str]] = defaultdict(list)
    rows = []
    for r, values in enumerate(data.itertuples()):
        cells = []
        for c in shown:
            value = values[c + 1]
            extra = f" {context[r, c]}" if (r, c) in context else ""
            if (r, c) in ctx and ctx[r, c]:
                styles[tuple(ctx[r, c])].append(f"row{r}_col{c}")
                cell_id = f' id="T_{styler.uuid}_row{r}_col{c}"'
            else:
                cell_id = ""
            cells.append(f'      <td{cell_id} class="data row{r} col{c}{extra}" >{funcs[(r, c)](value)}</td>\n')
        rows.append("    <tr>\n" + "".join(cells) + "    </tr>\n")
    return render({"uuid": styler.uuid, "table_styles": format_table_styles(styler.table_styles or []),
                   "caption": styler.caption, "table_attributes": _table_attributes(styler),
                   "cellstyle": [{"props": list(props), "selectors": selectors} for props, selectors in styles.items()],
                   "cellstyle_index": [], "cellstyle_columns": [], "head": ["    <tr>\n" + heads + "    </tr>\n"],
                   "body": rows})


def _table_attributes(styler: Any) -> str | None:
    """The table's attributes as Styler._translate gives them: marked for MathJax to leave alone unless it may."""
    attributes: str | None = styler.table_attributes
    if not pd.get_option("styler.html.mathjax"):
        attributes = attributes or ""
        if 'class="' in attributes:
            attributes = attributes.replace('class="', 'class="tex2jax_ignore mathjax_ignore ')
        else:
            attributes += ' class="tex2jax_ignore mathjax_ignore"'
    return attributes


def _plain(styler: Any) -> bool:
    """Is the table one plain_table writes as pandas would: nothing it leaves out, nothing trimmed?"""
    data = styler.data
    if (isinstance(data.index, pd.MultiIndex) or isinstance(data.columns, pd.MultiIndex) or not len(data.columns)
            or not all(styler.hide_index_) or any(styler.hide_columns_) or len(styler.hidden_rows)
            or styler.cell_ids or styler.concatenated or styler.tooltips is not None):
        return False
    shown = len(data.columns) - len(set(styler.hidden_columns))
    rows, columns = _get_trimming_maximums(len(data.index), len(data.columns),
                                           pd.get_option("styler.render.max_elements"),
                                           pd.get_option("styler.render.max_rows"),
                                           pd.get_option("styler.render.max_columns"))
    return bool(rows >= len(data.index) and columns >= shown)


def render(d: dict[str, Any]) -> str:
    """The HTML pandas' template writes for a render dict of Styler._render (doctype_html and exclude_styles off)."""
    out = ['<style type="text/css">\n']
    uuid = d["uuid"]
    for s in d["table_styles"]:
        out.append(f"#T_{uuid} {s['selector']} {{\n")
        out.extend(_props(s["props"]))
    for styles in (d["cellstyle"], d["cellstyle_index"], d["cellstyle_columns"]):
        for s in styles:
            out.append(", ".join(f"#T_{uuid}_{selector}" for selector in s["selectors"]) + " {\n")
            out.extend(_props(s["props"]))
    out.append("</style>\n")
    attributes = d.get("table_attributes")
    out.append(f'<table id="T_{uuid}"{" " + str(attributes) if attributes else ""}>\n')
    caption = d.get("caption")
    if caption:
        out.append(f"  <caption>{caption if isinstance(caption, str) else caption[0]}</caption>\n")
    out.append("  <thead>\n")
    out.extend(_rows(d["head"], uuid))
    out.append("  </thead>\n  <tbody>\n")
    out.extend(_rows(d["body"], uuid))
    out.append("  </tbody>\n</table>\n")
    return "".join(out)


def _props(props: Iterable[tuple[str, str]]) -> list[str]:
    return [f"  {p}: {value};\n" for p, value in props] + ["}\n"]


def _visible(cell: dict[str, Any]) -> bool:
    """As the template's `c.is_visible != False`: shown unless pandas marked it hidden."""
    visible = cell.get("is_visible", True)
    return visible is None or bool(visible)


def _rows(rows: Iterable[Any], uuid: str) -> list[str]:
    """Rows of cells (pandas' render dict), or rows already written (plain_table)."""
    out = []
    for row in rows:
        if isinstance(row, str):
            out.append(row)
            continue
        out.append("    <tr>\n")
        for c in row:
            if _visible(c):
                cell_id = f' id="T_{uuid}_{c["id"]}"' if "id" in c else ""
                out.append(f'      <{c["type"]}{cell_id} class="{c["class"]}" {c.get("attributes", "")}>'
                           f'{c["display_value"]}</{c["type"]}>\n')
        out.append("    </tr>\n")
    return out
