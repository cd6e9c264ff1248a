"""notebooks/unit_report.ipynb as committed: one typed parameters cell, no outputs, and it runs as it is."""
from __future__ import annotations

import json

import nbformat
import papermill
import pytest
from nbclient import NotebookClient

from perfeval.paths import DEFAULT_UNIT, NOTEBOOKS_DIR

pytestmark = pytest.mark.slow  # executes the report notebook in a kernel

NOTEBOOK = NOTEBOOKS_DIR / "unit_report.ipynb"
SECTIONS = ["一、结论", "二、存在的问题及原因分析", "三、有关建议", "四、指标得分", "五、基础数据", "六、图表分析", "七、历年比较",
            "八、技术附录"]


@pytest.fixture(scope="module")
def committed() -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOK, as_version=4)


def test_exactly_one_parameters_cell_with_typed_documented_defaults(committed):
    tagged = [c for c in committed.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    declared = papermill.inspect_notebook(str(NOTEBOOK))
    assert declared["params_file"]["inferred_type_name"] == "str"
    assert declared["show_evidence"]["inferred_type_name"] == "bool"
    assert all(p["help"] for p in declared.values())
    default = json.loads(declared["params_file"]["default"])
    assert (NOTEBOOKS_DIR / default).resolve() == DEFAULT_UNIT.resolve()  # the Changsha sample unit


def test_committed_without_outputs(committed):
    for cell in committed.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_sections_in_the_order_of_a_review(committed):
    headings = [line for c in committed.cells if c.cell_type == "markdown" for line in c.source.splitlines()
                if line.startswith("## ")]
    assert headings == [f"## {s}" for s in SECTIONS]


def test_code_cells_only_call_the_library(committed):
    code = [c.source for c in committed.cells if c.cell_type == "code"]
    for source in code:
        for construct in ("def ", "class ", "for ", "import pandas"):
            assert construct not in source


def test_runs_as_committed(committed):
    nb = nbformat.from_dict(committed)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS_DIR)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = "".join(o.text for o in outputs if o.output_type == "stream" and o.name == "stderr")
    assert "Glyph" not in stderr and "findfont" not in stderr
    html = "".join(o.data.get("text/html", "") for o in outputs if "data" in o)
    assert "长沙县机关事务中心 2022年度部门整体支出绩效评价复核报告" in html
    assert html.count("data:image/svg+xml;charset=utf-8,") >= 3
