"""Executed notebook → a self-contained HTML report for readers: no code, no stderr, no network, lang="zh"."""
from __future__ import annotations

from functools import lru_cache

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

from ..paths import TEMPLATES_DIR
from ..result import RESULT_MIME
from ..safetext import inert

TEMPLATE = "perfeval_report"


def for_reader(output: dict) -> bool:
    """Is this output for the reader? Not stderr, not an error, not the unit result carried for the batch."""
    if output.get("output_type") == "error" or (output.get("output_type") == "stream" and output.get("name") == "stderr"):
        return False
    return RESULT_MIME not in output.get("data", {})


class ReaderView(Preprocessor):
    """Keep what a reader should see: drop stderr (warnings, logs), errors, the unit result, and cells left empty.

    Dropping empty code cells also drops papermill's injected-parameters cell, whose random cell id would
    otherwise make two runs of the same unit differ.
    """

    def preprocess(self, nb, resources):  # noqa: ANN001, ANN201 - nbconvert's signature
        cells = []
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.outputs if for_reader(o)]
                if not cell.outputs:
                    continue
            cells.append(cell)
        nb.cells = cells
        return nb, resources


@lru_cache(maxsize=1)
def exporter() -> HTMLExporter:
    """One configured exporter per process (building it loads the templates; reuse saves that per unit)."""
    exp = HTMLExporter(template_name=TEMPLATE, extra_template_basedirs=[str(TEMPLATES_DIR)],
                       exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                       language_code="zh", embed_images=True)
    exp.register_preprocessor(ReaderView(), enabled=True)
    return exp


def to_html(nb: nbformat.NotebookNode, title: str) -> str:
    """The report's HTML, with unit text inert (no bidi override); the notebook passed in is not modified."""
    copy = nbformat.from_dict(nb)
    copy.metadata["title"] = title
    body, _ = exporter().from_notebook_node(copy)
    return inert(body)
