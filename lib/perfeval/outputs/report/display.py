"""How report blocks look: styled tables, embedded chart images and escaped HTML, the same in Lab and HTML."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

import pandas as pd
from pandas.io.formats.style import Styler

from . import stylerhtml
from .svgchart import SvgChart, svg_data_uri

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Classes used by the blocks; emitted once by the title block so Lab and the HTML export look alike.
REPORT_CSS = """
.pe-report h1 { font-size: 1.6em; margin: 0.2em 0 0.3em; }
.pe-meta { color: #57606a; margin: 0 0 0.8em; }
.pe-cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 0.6em 0 1em; }
.pe-card { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 14px; flex: 1 1 150px; max-width: 240px; background: #f6f8fa; }
.pe-card .pe-k { font-size: 12px; color: #57606a; }
.pe-card .pe-v { font-size: 20px; font-weight: 600; margin-top: 2px; }
.pe-card .pe-s { font-size: 12px; color: #57606a; }
.pe-card.pe-alert { border-color: #cf222e; background: #fff5f5; }
.pe-card.pe-alert .pe-v { color: #cf222e; }
.pe-note { color: #57606a; font-size: 13px; margin: 0.3em 0 0.8em; }
.pe-figure { margin: 0.5em 0 1.5em; }
.pe-figure img { max-width: 100%; height: auto; }
.pe-figure figcaption { color: #57606a; font-size: 13px; margin-top: 4px; }
.pe-verdict { font-weight: 600; border-left: 4px solid #2f6db5; padding: 2px 0 2px 10px; margin: 0.6em 0; }
.pe-draft { background: #fff4d6; border-left: 4px solid #bf8700; padding: 4px 10px; margin: 0.6em 0; font-weight: 600; }
.pe-para { line-height: 1.7; }
.pe-problems > li { margin: 0 0 0.9em; }
.pe-problem { margin: 0 0 0.3em; }
.pe-kind { color: #57606a; }
.pe-sub { color: #57606a; font-size: 13px; margin: 0.2em 0; }
.pe-consequences { font-size: 13px; margin: 0.2em 0 0.4em; }
.pe-sev-error { color: #cf222e; font-weight: 600; }
.pe-sev-warning { color: #9a6700; font-weight: 600; }
.pe-sev-info { color: #57606a; }
.pe-footer { color: #57606a; font-size: 12px; border-top: 1px solid #d0d7de; margin-top: 2em; padding-top: 0.6em; }
details.pe-sources summary { cursor: pointer; color: #0969da; margin: 0.4em 0; }
"""

TABLE_STYLES = [
    {"selector": "", "props": "border-collapse: collapse; table-layout: auto; font-size: 13px; margin: 0.4em 0 1.2em;"},
    {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: 600; padding: 4px 0;"},
    {"selector": "th", "props": "border: 1px solid #d0d7de; padding: 5px 8px; background: #eef2f6; font-weight: 600;"
                                " text-align: center; vertical-align: middle; white-space: nowrap;"},
    {"selector": "th.row_heading", "props": "background: #f6f8fa; text-align: left; vertical-align: top;"},
    {"selector": "td", "props": "border: 1px solid #d0d7de; padding: 5px 8px; text-align: right; vertical-align: top;"
                                " white-space: nowrap;"},
]
TEXT_CELL = "text-align: left; white-space: normal; min-width: 6em; max-width: 32em;"
LINES_CELL = "text-align: left; white-space: pre-line; min-width: 16em; max-width: 44em;"  # a cell whose text is one statement per line (a row's 说明)
LINES_CLASS = "pe-lines"


@dataclass(frozen=True)
class Html:
    """A block of report HTML that Jupyter displays as it is; whoever builds it escapes text from params."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __add__(self, other: "Html") -> "Html":
        return Html(self.html + other.html)


def esc(text: object) -> str:
    """Text from a params file or the framework, safe to put in HTML."""
    return html.escape(str(text), quote=True)


class Table(Styler):  # type: ignore[misc]  # pandas ships no types here
    """pandas' Styler, displayed without the deep copy Styler.to_html makes first (it copies every cell's formatter so
    as to change options that a notebook's display never passes: a fifth of rendering a report's tables), and written
    by report.stylerhtml: a plain table straight from the styler's state, any other through Styler._render with its
    template filled in Python rather than by Jinja. What it writes is what to_html writes, byte for byte (tested):
    the cells, classes and styles pandas gives them, with the options read as to_html reads them."""

    def _repr_html_(self) -> str | None:
        return self.html() if pd.get_option("styler.render.repr") == "html" else None

    def html(self) -> str:
        """The table as to_html() writes it, without its copy, and every row of it: past pandas' 262,144 cells
        (styler.render.max_elements) to_html drops rows without a word — the portfolio of 15,000 units listed 12,000."""
        cells = max(1, len(self.data.index) * len(self.data.columns))
        with pd.option_context("styler.render.max_elements",
                               max(cells, pd.get_option("styler.render.max_elements"))):
            return stylerhtml.plain_table(self) or stylerhtml.render(
                self._render(pd.get_option("styler.sparse.index"), pd.get_option("styler.sparse.columns"), None, None,
                             "&nbsp;"))


def styled(frame: pd.DataFrame, uuid: str, formats: Mapping[str, Callable[[object], str]] | None = None,
           text: Iterable[str] = (), caption: str | None = None, index: bool = False, lines: Iterable[str] = (),
           hidden: Iterable[str] = (), roles: Mapping[str, str] | None = None) -> Table:
    """A table in the report's style over the analyst's frame (numbers stay numbers; `.data` sorts and filters):
    every text escaped, — for what is not stated, a fixed id (stable output).

    text: columns of prose (left-aligned, wrapped); lines: prose with one statement per line; hidden: columns kept
    in the data for analysts but not shown to readers; roles: a class per column that says what it holds (the
    phone layout of a table places its cells by these).
    """
    styler = Table(frame, uuid=uuid, cell_ids=False, na_rep="—", escape="html")
    styler.format(dict(formats or {}), na_rep="—", escape="html")  # one call: each call with a subset costs a .loc
    styler.format_index(escape="html", axis=0).format_index(escape="html", axis=1)
    # by column class, not cell id: "#T_x td.colN" outranks the generic "#T_x td" rule
    text_styles = [{"selector": f"td.col{frame.columns.get_loc(c)}", "props": TEXT_CELL} for c in text if c in frame]
    text_styles += [{"selector": f"td.col{frame.columns.get_loc(c)}", "props": LINES_CELL} for c in lines if c in frame]
    styler.set_table_styles(TABLE_STYLES + text_styles)
    if any(c in frame for c in lines) or roles:  # pe-lines keeps the line breaks in print, where cells wrap
        classes = {c: " ".join(x for x in (LINES_CLASS if c in lines else "", (roles or {}).get(c, "")) if x)
                   for c in frame.columns}
        styler.set_td_classes(pd.DataFrame(classes, index=frame.index))
    hide = [c for c in hidden if c in frame]
    if hide:  # what styler.hide(hide, axis="columns") sets, without the copy of the data it selects them with (1 ms)
        styler.hidden_columns = styler.columns.get_indexer_for(hide)
    if caption:
        styler.set_caption(esc(caption))
    if not index:
        styler.hide(axis="index")
    return styler


def show_cells(styler: Styler, rows: Sequence[object], column: str, shown: Callable[[object], str],
               na_rep: str | None = None) -> None:
    """What Styler.format(shown, subset=pd.IndexSlice[rows, [column]], na_rep=na_rep) does — the same display function
    on each of those cells, its text used as it is — without its cost per call (a .loc and index lookups: fourteen
    of them were two thirds of building 指标得分)."""
    func = shown if na_rep is None else (lambda x: na_rep if pd.isna(x) is True else shown(x))
    j = styler.columns.get_loc(column)
    for i in styler.index.get_indexer_for(rows):
        styler._display_funcs[(i, j)] = func


def figure_html(fig: SvgChart | Figure, caption: str) -> Html:
    """A chart as an embedded SVG image (a data: URI, nothing to fetch; report.svgimage says why SVG) with a
    Chinese caption and alt text: the report's charts as report.svgchart writes them, a matplotlib figure (the
    portfolio's) as report.svgimage converts it."""
    if isinstance(fig, SvgChart):
        svg, width = fig.svg(), fig.css_width
    else:
        from .svgimage import chart_svg, css_width

        svg, width = chart_svg(fig), css_width(fig)
    return Html(f'<figure class="pe-figure"><img src="{svg_data_uri(svg)}" alt="{esc(caption)}" width="{width}">'
                f'<figcaption>{esc(caption)}</figcaption></figure>')


@dataclass(frozen=True, repr=False)
class Chart:
    """A chart and the point it makes: the figure (an SvgChart; a matplotlib Figure on the portfolio's page) and
    the data behind it for analysts to reuse, an embedded image with its caption for readers."""

    figure: SvgChart | Figure
    caption: str  # the point of the chart, as a sentence
    data: pd.DataFrame

    def __repr__(self) -> str:  # the notebook keeps it as the chart's plain-text output: the caption, not the frame
        return f"Chart({self.caption!r}, {self.figure!r}, data: {len(self.data)} rows)"

    def _repr_html_(self) -> str:
        return figure_html(self.figure, self.caption).html


def note(text: str) -> Html:
    return Html(f'<p class="pe-note">{esc(text)}</p>')


def heading(text: str, level: int = 3) -> Html:
    return Html(f"<h{level}>{esc(text)}</h{level}>")
