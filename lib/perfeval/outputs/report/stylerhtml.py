"""pandas' Styler HTML template (html.tpl with html_style.tpl and html_table.tpl, as a notebook displays a table:
no doctype, styles included) written as Python over the same render dict.

Jinja spent about as long filling the template as pandas took to work out the cells (a third of rendering a
report's tables): a template of loops, includes and blocks evaluated cell by cell. What goes into the dict, and so
every value, class, id and style, is still pandas' own (Styler._render); tests/test_report_tables.py compares the
two writings of every report table of the samples, and of hostile ones, byte for byte.
"""
from __future__ import annotations

from typing import Any, Iterable


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


def _rows(rows: Iterable[Iterable[dict[str, Any]]], uuid: str) -> list[str]:
    out = []
    for row in rows:
        out.append("    <tr>\n")
        for c in row:
            if _visible(c):
                cell_id = f' id="T_{uuid}_{c["id"]}"' if "id" in c else ""
                out.append(f'      <{c["type"]}{cell_id} class="{c["class"]}" {c.get("attributes", "")}>'
                           f'{c["display_value"]}</{c["type"]}>\n')
        out.append("    </tr>\n")
    return out
