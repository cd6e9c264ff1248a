"""Batch guards: parameters checked before anything runs, unit ids, the per-unit timeout, the kernel name."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from perfeval.outputs.batch import FAILED, OK, run_batch
from perfeval.outputs.batch.jobs import check_parameters, resolve_units
from perfeval.cli import main
from perfeval.errors import BatchError
from perfeval.paths import NOTEBOOKS_DIR

from conftest import CHANGSHA, YUNXI

NOTEBOOK = NOTEBOOKS_DIR / "unit_report.ipynb"


def tiny_notebook(path: Path, body: str, kernel: str = "python3") -> Path:
    """A parameterized notebook whose kernelspec names some environment that is not installed here."""
    params = new_code_cell('params_file: str = ""  # the unit\'s params file')
    params.metadata["tags"] = ["parameters"]
    nb = new_notebook(cells=[params, new_code_cell(body)])
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "python"}
    nbformat.write(nb, path)
    return path


def test_unknown_parameter_is_refused_before_running(tmp_path):
    with pytest.raises(BatchError, match=r"unknown parameter 'colour'.*declares: params_file, show_evidence"):
        run_batch([str(CHANGSHA)], outputs=tmp_path / "out", parameters={"colour": "red"}, progress=False)
    assert not (tmp_path / "out").exists()


def test_parameter_of_the_wrong_type_is_refused():
    with pytest.raises(BatchError, match="'show_evidence' of unit_report.ipynb is bool, given 'yes'"):
        check_parameters(NOTEBOOK, {"params_file": "", "show_evidence": "yes"})
    check_parameters(NOTEBOOK, {"params_file": "", "show_evidence": False})


def test_notebook_must_declare_params_file(tmp_path):
    other = tiny_notebook(tmp_path / "other.ipynb", "1")
    nb = nbformat.read(other, as_version=4)
    nb.cells[0].source = "unit: str = 'x'  # a unit"
    nbformat.write(nb, other)
    with pytest.raises(BatchError, match="parameter 'params_file' missing from its parameters cell"):
        check_parameters(other, {"params_file": ""})
    nb.cells[0].metadata["tags"] = []
    nbformat.write(nb, tmp_path / "bare.ipynb")
    with pytest.raises(BatchError, match="no cell tagged 'parameters'"):
        check_parameters(tmp_path / "bare.ipynb", {"params_file": ""})


def test_cli_reports_batch_errors_without_traceback(tmp_path, capsys):
    assert main(["run", "-p", "colour", "red", "-o", str(tmp_path), "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: unknown parameter 'colour'") and "Traceback" not in err
    assert main(["run", "no_such_unit", "-o", str(tmp_path), "-q"]) == 1
    assert "no_such_unit: no such params file, folder, or unit id" in capsys.readouterr().err


def test_units_by_id_file_or_folder(tmp_path):
    assert resolve_units(["changsha_county_2022"]) == [CHANGSHA.resolve()]
    shutil.copy(YUNXI, tmp_path / YUNXI.name)
    assert resolve_units([str(tmp_path)]) == [(tmp_path / YUNXI.name).resolve()]


def test_two_files_with_one_unit_id_are_refused(tmp_path):
    shutil.copy(CHANGSHA, tmp_path / "a.yaml")
    shutil.copy(CHANGSHA, tmp_path / "b.yaml")
    with pytest.raises(BatchError, match="both have unit id 'changsha_county_2022'"):
        run_batch([str(tmp_path)], outputs=tmp_path / "out", progress=False)


def test_timeout_fails_the_unit_and_kernel_name_comes_from_the_tool(tmp_path):
    slow = tiny_notebook(tmp_path / "slow.ipynb", "import time\ntime.sleep(120)", kernel="old-conda-env")
    outcome = run_batch([str(CHANGSHA)], outputs=tmp_path / "slow", notebook=slow, timeout=8, progress=False)
    (result,) = outcome.results
    assert (result.status, result.reason) == (FAILED, "超时：超过 8 秒仍未完成"), result
    assert result.seconds < 60 and result.notebook  # the kernel was stopped, the partial notebook kept
    quick = tiny_notebook(tmp_path / "quick.ipynb", "import sys\nprint(sys.executable)", kernel="old-conda-env")
    outcome = run_batch([str(CHANGSHA)], outputs=tmp_path / "quick", notebook=quick, progress=False)
    (result,) = outcome.results
    # a kernelspec the notebook names but this machine lacks is no matter: it ran, in this interpreter, and
    # fails only because it displayed no unit result, so there is nothing to index
    assert result.status == FAILED and "displayed no unit result" in result.reason, result.reason
    assert not (tmp_path / "quick" / "units" / "changsha_county_2022" / "changsha_county_2022.html").exists()
    nb = nbformat.read(tmp_path / "quick" / result.notebook, as_version=4)
    stdout = "".join(o.text for o in nb.cells[-1].outputs if o.output_type == "stream" and o.name == "stdout")
    assert stdout.strip() == sys.executable
