"""Batch guards: parameters checked before anything runs, unit ids, file names, the outputs folder (its lock,
its symbolic links), the per-unit timeout, the kernel name."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
import yaml
from nbformat.v4 import new_code_cell, new_notebook

from perfeval.outputs.batch import FAILED, OK, UnitRun, load_status, run_batch
from perfeval.outputs.batch.jobs import check_parameters, resolve_units
from perfeval.outputs.batch.lock import outputs_lock
from perfeval.outputs.batch.publish import publish
from perfeval.outputs.batch.worker import UnitOutcome
from perfeval.cli import main
from perfeval.errors import BatchError
from perfeval.paths import NOTEBOOKS_DIR

from conftest import CHANGSHA, YUNXI

pytestmark = pytest.mark.slow  # runs whole batches (kernels, workers)

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


@pytest.mark.parametrize("kwargs,words", [
    ({"timeout": float("nan")}, r"timeout must be a positive number of seconds, at most 86400 \(a day\), got nan"),
    ({"timeout": float("inf")}, r"timeout must be a positive number of seconds, at most 86400 \(a day\), got inf"),
    ({"timeout": 0.0}, r"timeout must be a positive number of seconds, at most 86400 \(a day\), got 0"),
    ({"timeout": 1e10}, r"at most 86400 \(a day\), got 10000000000"),  # trial 6's W32: an OverflowError traceback
    ({"parameters": {"params_file": "/etc/passwd"}}, "'params_file' is set by the batch for each unit"),
    ({"parameters": {"history": []}}, "'history' is set by the batch for each unit"),
])
def test_a_bound_or_parameter_the_batch_cannot_honour_is_refused_before_running(tmp_path, kwargs, words):
    """--timeout nan ran with a bound that never fires; -p params_file ran the units given and ignored it, unsaid."""
    with pytest.raises(BatchError, match=words):
        run_batch([str(CHANGSHA)], outputs=tmp_path / "out", progress=False, **kwargs)
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


def test_params_files_of_every_yaml_suffix_are_read(tmp_path, capsys):
    units = tmp_path / "units"
    units.mkdir()
    for name in ("a.yaml", "b.yml", "c.YAML", "d.Yml"):  # each its own unit (validate refuses two files of one id)
        text = CHANGSHA.read_text(encoding="utf-8")
        own = text if name == "c.YAML" else text.replace("id: changsha_county_2022", f"id: changsha_{name[0]}", 1)
        (units / name).write_text(own, encoding="utf-8")
    (units / "notes.txt").write_text("not a unit")
    assert [p.name for p in resolve_units([str(units)])] == ["a.yaml", "b.yml", "c.YAML", "d.Yml"]
    assert main(["validate", str(units)]) == 0
    assert "4 valid, 0 invalid" in capsys.readouterr().out
    os.rename(units / "c.YAML", tmp_path / "changsha_county_2022.YML")  # an id finds its file, whatever its suffix
    assert resolve_units(["changsha_county_2022"], tmp_path) == [(tmp_path / "changsha_county_2022.YML").resolve()]


def test_a_copy_with_the_same_unit_id_fails_alone_naming_the_file_that_ran(tmp_path, capsys):
    units = tmp_path / "units"
    units.mkdir()
    copy = units / "changsha_county_2022 - 副本.yaml"  # what Windows names a copy; it sorts first
    shutil.copy(CHANGSHA, copy)
    shutil.copy(CHANGSHA, units / "changsha_county_2022.yaml")
    shutil.copy(YUNXI, units / "yunxi.yml")
    assert main(["run", str(units), "-o", str(tmp_path / "out"), "-q", "--no-summaries"]) == 1
    out, err = capsys.readouterr()
    assert "2 report(s) written, 1 failed" in out
    status = load_status(tmp_path / "out")
    assert {uid: r.status for uid, r in status.items()} == {
        "changsha_county_2022": OK, "yunxi_district_2023": OK, "unit-changsha_county_2022---副本": FAILED}
    assert status["changsha_county_2022"].params_file == str((units / "changsha_county_2022.yaml").resolve())
    reason = status["unit-changsha_county_2022---副本"].reason
    assert "'changsha_county_2022' 重复" in reason and f"{units.resolve()}/changsha_county_2022.yaml" in reason
    assert "failed  unit-changsha_county_2022---副本: 单位编码 'changsha_county_2022' 重复" in err


def test_a_second_run_into_held_outputs_is_refused_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    with outputs_lock(out):  # a first run, as the second sees it
        assert main(["run", str(CHANGSHA), "-o", str(out), "-q"]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"error: another perfeval run is writing into {out} (pid {os.getpid()} on ")
        assert "wait for it to finish, or give this run another folder with -o" in err
        assert sorted(p.name for p in out.iterdir()) == ["batch.lock"]
    assert list(out.iterdir()) == []  # the lock goes with its run
    with outputs_lock(out):  # and the folder can be held again
        pass


def test_a_unit_folder_that_is_a_symlink_is_refused_and_nothing_goes_through_it(tmp_path, capsys):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "changsha_county_2022.html").write_text("precious")
    (out / "units").mkdir(parents=True)
    (out / "units" / "changsha_county_2022").symlink_to(elsewhere)
    assert main(["run", str(CHANGSHA), "-o", str(out), "-q", "--no-summaries"]) == 1
    reason = load_status(out)["changsha_county_2022"].reason
    assert reason.startswith("units/changsha_county_2022 is a symbolic link; the batch never writes or deletes")
    assert f"failed  changsha_county_2022: {reason}" in capsys.readouterr().err
    assert sorted(p.name for p in elsewhere.iterdir()) == ["changsha_county_2022.html"]
    assert (elsewhere / "changsha_county_2022.html").read_text() == "precious"
    # withdrawing a failed unit's report would delete through the link; so would a linked units/ folder
    failed = UnitOutcome(UnitRun("changsha_county_2022", str(CHANGSHA), FAILED, "ParamsError"))
    assert publish(out, failed).reason.startswith("units/changsha_county_2022 is a symbolic link")
    (out / "units" / "changsha_county_2022").unlink()
    (out / "units").rmdir()
    (out / "units").symlink_to(tmp_path)
    assert publish(out, failed).reason.startswith("units is a symbolic link")
    assert (elsewhere / "changsha_county_2022.html").read_text() == "precious"


def test_file_names_in_gbk_bytes_run_and_are_named_readably(tmp_path, capsys):
    units = tmp_path / "units"
    units.mkdir()
    good = os.fsdecode(os.fsencode(units) + b"/" + "云溪区.yaml".encode("gbk"))  # as unzip makes them
    broken = os.fsdecode(os.fsencode(units) + b"/" + "坏单位.yaml".encode("gbk"))
    Path(good).write_bytes(YUNXI.read_bytes())
    Path(broken).write_text("unit: [", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["validate", str(units)]) == 1
    printed = "".join(capsys.readouterr())
    assert f"ok      {units}/云溪区.yaml" in printed and f"invalid {units}/坏单位.yaml: 1 problem(s)" in printed
    assert main(["run", str(units), "-o", str(out), "-q"]) == 1  # with the portfolio and the workbook
    printed = "".join(capsys.readouterr())
    assert "1 report(s) written, 1 failed" in printed and "summary not written" not in printed
    assert f"failed  unit-坏单位: ParamsError: {units}/坏单位.yaml: 1 problem(s)" in printed
    status = json.loads((out / "batch_status.json").read_text(encoding="utf-8"))["units"]
    assert {uid: r["status"] for uid, r in status.items()} == {"yunxi_district_2023": OK, "unit-坏单位": FAILED}
    assert load_status(out)["yunxi_district_2023"].params_file == good  # the exact name, for --failed-only
    rows = list(csv.DictReader(io.StringIO((out / "summary_data.csv").read_text(encoding="utf-8-sig"))))
    assert {r["unit_id"] for r in rows} == {"yunxi_district_2023", "unit-坏单位"}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "unit-坏单位" in index and "portfolio.html" in index and (out / "summary.xlsx").is_file()
    Path(broken).write_bytes(CHANGSHA.read_bytes())
    outcome = run_batch([str(units)], outputs=out, failed_only=True, progress=False)
    assert [(r.unit_id, r.status) for r in outcome.results] == [("changsha_county_2022", OK)]


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


def test_one_unit_in_two_params_files_under_two_ids_is_warned_of_by_the_batch(tmp_path):
    """V22: the name (a trailing ideographic space on one) and the year agree, the ids differ: both run, and the
    batch says the unit is counted twice rather than showing the portfolio two identical rows without a word."""
    units = tmp_path / "units"
    units.mkdir()
    text = CHANGSHA.read_text(encoding="utf-8")
    (units / "cs_first.yaml").write_text(text.replace("id: changsha_county_2022", "id: cs_first", 1), encoding="utf-8")
    second = yaml.safe_load(text)
    second["unit"]["id"], second["unit"]["name"] = "cs_second", second["unit"]["name"] + "\u3000"
    (units / "cs_second.yaml").write_text(yaml.safe_dump(second, allow_unicode=True), encoding="utf-8")
    quick = tiny_notebook(tmp_path / "quick.ipynb", "pass")
    outcome = run_batch([str(units)], outputs=tmp_path / "out", notebook=quick, progress=False)
    assert {r.unit_id for r in outcome.results} == {"cs_first", "cs_second"}
    (warning,) = [w for w in outcome.warnings if w.startswith("同一单位同一年度")]
    assert "两个参数文件" in warning and "cs_first.yaml、cs_second.yaml" in warning and "出现 2 次" in warning


def test_an_outputs_folder_named_in_gbk_bytes_holds_drafts_and_every_summary(tmp_path, capsys):
    """An outputs folder whose name is not UTF-8 (unzipped from a Chinese Windows archive, or any Chinese name under
    LC_ALL=C with PYTHONUTF8=0, where every such name reaches Python as surrogates): a report's draft could not be
    recorded (UnicodeEncodeError, the batch ended in a traceback) and the portfolio's parameters not written."""
    units = tmp_path / "units"
    units.mkdir()
    shutil.copy(YUNXI, units / "yunxi.yaml")
    shutil.copy(Path(__file__).parent / "data" / "trial" / "donghu_library_2023.txt", units / "donghu.txt")
    out = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + "输出".encode("gbk")))
    assert main(["run", str(units), "-o", str(out), "-q"]) == 0
    printed = "".join(capsys.readouterr())
    assert "2 report(s) written" in printed and "summary not written" not in printed and "Traceback" not in printed
    assert (out / "portfolio.html").is_file() and "共 2 个单位" in (out / "portfolio.html").read_text(encoding="utf-8")
    assert main(["run", str(units), "-o", str(out), "-q"]) == 0  # the draft is found again in the store
    assert "0 report(s) written, 2 unchanged" in capsys.readouterr().out
