"""A notebook's cells run in one request (outputs/batch/onetrip) give each cell what it had when sent alone: its
outputs (printed text, displays, results, a cleared output, a traceback), its execution count, papermill's status,
and the same stop at the first cell that raises."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from papermill.clientwrap import PapermillNotebookClient
from papermill.exceptions import PapermillExecutionError

from perfeval.outputs.batch import warm
from perfeval.outputs.batch.kernel import KERNEL_NAME
from perfeval.outputs.batch.warm import ENGINE_NAME

pytestmark = pytest.mark.slow  # a kernel

ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def notebook(folder: Path) -> Path:
    cells = [
        new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
        new_markdown_cell("## a heading"),
        new_code_cell("import sys\nfrom IPython.display import HTML, clear_output, display\n"
                      "print('a')\nprint('b', file=sys.stderr)\ndisplay(HTML('<b>x</b>'))\nprint('c')"),
        new_code_cell("   "),
        new_code_cell("x + 1"),
        new_code_cell("1 / 0", metadata={"tags": ["raises-exception"]}),
        new_code_cell("display('old')\nclear_output()\ndisplay('new')\nx"),
        new_code_cell("raise SystemExit", metadata={"tags": ["skip-execution"]}),
        new_code_cell("print('before')\nraise ValueError('boom')"),
        new_markdown_cell("after"),
        new_code_cell("print('never')"),
    ]
    path = folder / "cells.ipynb"
    nbformat.write(new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                      "language": "python"}}), path)
    return path


def executed(source: Path, out: Path) -> tuple[nbformat.NotebookNode, int]:
    """The notebook as executed in the warm kernel, and how many execute requests it took."""
    import papermill

    kernel = warm.worker_kernel().ready()
    requests = []
    execute = kernel.kc.execute
    kernel.kc.execute = lambda *a, **k: requests.append(a) or execute(*a, **k)
    try:
        with pytest.raises(PapermillExecutionError) as raised:
            papermill.execute_notebook(str(source), str(out), parameters={"x": 41}, engine_name=ENGINE_NAME,
                                       kernel_name=KERNEL_NAME, progress_bar=False,
                                       request_save_on_cell_execute=False, warm_kernel=kernel, partial_path=str(out))
    finally:
        del kernel.kc.execute
    assert raised.value.ename == "ValueError" and raised.value.evalue == "boom"
    # the kernel's streams flush as ipykernel's own again once the cells have run (cellrun skips empty flushes)
    kernel._run("import sys\nassert not {'flush'} & (vars(sys.stdout).keys() | vars(sys.stderr).keys())")
    return nbformat.read(out, as_version=4), len(requests)


def what_a_cell_had(cell: nbformat.NotebookNode) -> tuple:
    pm = cell.metadata.get("papermill", {})
    return (cell.cell_type, cell.get("execution_count"), ADDRESS.sub("", repr(cell.get("outputs"))),
            pm.get("status"), pm.get("exception"), sorted(cell.metadata.get("execution", {})))


def test_one_request_gives_every_cell_what_it_had_alone(tmp_path, monkeypatch):
    source = notebook(tmp_path)
    together, one = executed(source, tmp_path / "together.ipynb")
    monkeypatch.setattr(warm, "OneTripClient", PapermillNotebookClient)  # a request per cell, as papermill does
    alone, each = executed(source, tmp_path / "alone.ipynb")
    assert (one, each) == (1, 7)  # parameters, injected parameters, and five cells up to the one that raises
    assert [what_a_cell_had(c) for c in together.cells] == [what_a_cell_had(c) for c in alone.cells]
    assert together.metadata.papermill["exception"] is True
    by_source = {c.source: c for c in together.cells}
    assert by_source["x + 1"].outputs[0].data["text/plain"] == "42"  # the injected parameter ran first
    assert [o.data["text/plain"] for o in by_source["display('old')\nclear_output()\ndisplay('new')\nx"].outputs] == \
        ["'new'", "41"]
    assert by_source["print('never')"].outputs == [] and by_source["print('never')"].execution_count is None
