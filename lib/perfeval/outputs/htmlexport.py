"""Executed notebook → a self-contained HTML page for readers: no code, no stderr, no network, lang="zh",
with its navigation (contents, numbered figures and tables, back link, date, sign-off) and print styles."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import nbformat
from nbformat import validator
from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbconvert.preprocessors import Preprocessor
from traitlets.config import Config

from ..paths import TEMPLATES_DIR
from ..result import RESULT_MIME
from ..safetext import inert
from .navigation import RESOURCE, Navigation, PageOptions
from .tablehooks import compact_tables

TEMPLATE = "perfeval_report"


def for_reader(output: dict) -> bool:
    """Is this output for the reader? Not stderr, not an error, not the unit result carried for the batch."""
    if output.get("output_type") == "error" or (output.get("output_type") == "stream" and output.get("name") == "stderr"):
        return False
    return RESULT_MIME not in output.get("data", {})


def reader_cells(cells: list[nbformat.NotebookNode]) -> list[nbformat.NotebookNode]:
    """The cells as a reader should see them: without stderr (warnings, logs), errors, the unit result, and cells
    left empty; the cells given are not modified (a code cell kept is a new node sharing its outputs).

    Dropping empty code cells also drops papermill's injected-parameters cell, whose random cell id would
    otherwise make two runs of the same unit differ.
    """
    kept = []
    for cell in cells:
        if cell.cell_type == "code":
            outputs = [o for o in cell.outputs if for_reader(o)]
            if not outputs:
                continue
            if len(outputs) < len(cell.outputs):
                cell = nbformat.NotebookNode({**cell, "outputs": outputs})
        kept.append(cell)
    return kept


class ReaderView(Preprocessor):
    """reader_cells as an nbconvert preprocessor."""

    def preprocess(self, nb, resources):  # noqa: ANN001, ANN201 - nbconvert's signature
        nb.cells = reader_cells(nb.cells)
        return nb, resources


_IMG_WITHOUT_ALT = re.compile(r"<img(?![^>]*\balt=)")
_FOCUSABLE = re.compile(r'<div class="(?=[^"]*\b(?:jp-Cell-inputWrapper|jp-OutputArea-output)\b)')
_CHARACTER_REFERENCE = re.compile(r"&#(?:([0-9]{3,7})|[xX]([0-9a-fA-F]{2,6}));")


def _character(match: re.Match[str]) -> str:
    """A numeric character reference to a character beyond ASCII, as the character (none of them is markup)."""
    code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    return chr(code) if 0x80 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group()


def finish_page(page: str) -> str:
    """What nbconvert's HTMLExporter does last, without parsing the page again: alt text on an image without one,
    tabindex="0" on every output (a table scrolling inside its block can then be scrolled from the keyboard), and
    characters rather than numeric references (headings come out of nbconvert as &#19971;&#12289;...).
    Unit text is escaped before it reaches the page, so no pattern can match markup from a unit.
    """
    page = _IMG_WITHOUT_ALT.sub('<img alt="No description has been provided for this image"', page)
    page = _FOCUSABLE.sub('<div tabindex="0" class="', page)
    return _CHARACTER_REFERENCE.sub(_character, page)


class ReaderExporter(HTMLExporter):
    """HTMLExporter without its final BeautifulSoup pass: parsing and printing the whole page again, base64
    charts included, took 35 ms of a report's 90 ms of export (finish_page() does what it did).
    """

    def from_notebook_node(self, nb: nbformat.NotebookNode, resources: dict[str, Any] | None = None,
                           **kw: Any) -> tuple[str, dict[str, Any]]:
        langinfo = nb.metadata.get("language_info", {})
        lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
        resources = self._init_resources(resources)
        self.register_filter("highlight_code",
                             self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
        self.register_filter("filter_data_type", WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata,
                                                                       parent=self, resources=resources))
        page, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
        return finish_page(page), resources

    def _preprocess(self, nb: nbformat.NotebookNode, resources: dict[str, Any]) -> tuple[nbformat.NotebookNode,
                                                                                          dict[str, Any]]:
        """nbconvert's, without copying the notebook again (Exporter.from_notebook_node has just copied it, and
        nbformat's normalize returns a copy of its own), and validated once after the preprocessors rather than
        after each: 43 -> 27 ms of a report's export, the same page."""
        _, nb = validator.normalize(nb)
        for preprocessor in self._preprocessors:
            nb, resources = preprocessor(nb, resources)
        nbformat.validate(nb, relax_add_props=True)
        return nb, resources


_CSS_COMMENT = re.compile(r"/\*.*?\*/\s*", re.S)


def without_css_comments(css: str) -> str:
    """The stylesheet without its comments: they say why to whoever edits report.css, and cost every page ~1.5 KB."""
    return _CSS_COMMENT.sub("", css)


@lru_cache(maxsize=1)
def exporter() -> HTMLExporter:
    """One configured exporter per process (building it loads the templates; reuse saves that per unit)."""
    no_code_css = Config({"CSSHTMLHeaderPreprocessor": {"enabled": False}})  # pygments' CSS: reports show no code
    exp = ReaderExporter(config=no_code_css, template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES_DIR)],
                         exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                         language_code="zh", embed_images=True, exclude_anchor_links=True)
    exp.register_filter("without_comments", without_css_comments)
    exp.register_preprocessor(ReaderView(), enabled=True)
    exp.register_preprocessor(Navigation(), enabled=True)  # after ReaderView: it numbers what readers see
    return exp


def to_html(nb: nbformat.NotebookNode, title: str, index_href: str | None = "../../index.html",
            sign_off: bool = True) -> str:
    """The page's HTML, with unit text inert (no bidi override); the notebook passed in is not modified.

    index_href: the index relative to this page (a unit report sits in units/<id>/), or None for no link;
    sign_off: end with the reviewer's block (复核人、复核日期、签字).
    Only what the reader sees is handed to nbconvert, which copies the notebook and nbformat's normalize copies it
    again: the unit result (a third of a report notebook's nodes) was copied twice and validated to be dropped.
    """
    titled = nbformat.NotebookNode({**nb, "cells": reader_cells(nb.cells),
                                    "metadata": nbformat.NotebookNode({**nb.metadata, "title": title})})
    body, _ = exporter().from_notebook_node(titled, resources={RESOURCE: PageOptions(index_href, sign_off)})
    return inert(compact_tables(body))
