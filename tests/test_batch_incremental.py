"""Incremental batches: a unit runs again only when what produced its outputs changed (its params, an earlier
year of its series, the notebook's parameters) or its last run failed; the outputs of an incremental run are
those of a full run, byte for byte; the results store is what the index and the summaries are made from."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from perfeval.outputs.batch import OK, run_batch
from perfeval.outputs.batch.summaries import write_batch_summaries
from perfeval.outputs.store import STORE_FILE, ResultsStore, results_frame

from conftest import CHANGSHA, YUNXI

NOT_COMPARED = {"batch_status.json", STORE_FILE}  # they record seconds and keys, not what a reader sees
# Executed notebooks are records of a run, different between any two full runs too (papermill's clock, the random
# id of the cell it injects, object addresses in text/plain); every file a reader opens is compared byte for byte.
RECORDS = ".ipynb"


def _run(units: Path, out: Path, **kwargs):
    outcome = run_batch([str(units)], outputs=out, progress=False, timeout=300,
                        after_units=lambda o, status: write_batch_summaries(o, status), **kwargs)
    assert not outcome.problems
    return outcome


def _outputs(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in NOT_COMPARED and p.suffix != RECORDS and not p.name.startswith(".")}


def _renamed(src: Path, dst: Path, name: str) -> None:
    dst.write_text(src.read_text(encoding="utf-8").replace(f"  name: {_name(src)}", f"  name: {name}", 1),
                   encoding="utf-8")


def _name(path: Path) -> str:
    return next(line.split(": ", 1)[1] for line in path.read_text(encoding="utf-8").splitlines()
                if line.startswith("  name: "))


@pytest.fixture()
def units(tmp_path) -> Path:
    folder = tmp_path / "units"
    folder.mkdir()
    for sample in (CHANGSHA, YUNXI):
        shutil.copy(sample, folder / sample.name)
    return folder


def test_only_the_changed_unit_runs_and_outputs_match_a_full_run(tmp_path, units):
    out = tmp_path / "out"
    first = _run(units, out)
    assert not first.unchanged and all(r.status == OK for r in first.results)

    again = _run(units, out)
    assert again.unchanged == ("changsha_county_2022", "yunxi_district_2023")
    assert {r.unit_id for r in again.results} == set(again.unchanged)

    _renamed(CHANGSHA, units / CHANGSHA.name, "长沙县机关事务服务中心（更正）")
    changed = _run(units, out)
    assert changed.unchanged == ("yunxi_district_2023",)
    assert "长沙县机关事务服务中心（更正）" in (out / "index.html").read_text(encoding="utf-8")

    full = _run(units, tmp_path / "full", force=True)
    assert not full.unchanged
    incremental, whole = _outputs(out), _outputs(tmp_path / "full")
    assert incremental.keys() == whole.keys()
    assert [name for name in incremental if incremental[name] != whole[name]] == []


def test_force_runs_everything_and_a_failed_unit_runs_again(tmp_path, units):
    out = tmp_path / "out"
    _run(units, out)
    assert _run(units, out, force=True).unchanged == ()

    broken = units / "broken.yaml"
    broken.write_text("unit: [not, a, unit]\n", encoding="utf-8")
    assert [r.unit_id for r in _run(units, out).failed] == ["broken"]
    again = _run(units, out)
    assert [r.unit_id for r in again.failed] == ["broken"]  # ran again: a failure is never kept as unchanged
    assert "broken" not in again.unchanged


def test_an_earlier_year_changed_runs_the_later_years_of_its_series_again(tmp_path, units):
    earlier = units / "changsha_county_2021.yaml"
    text = CHANGSHA.read_text(encoding="utf-8")
    earlier.write_text(text.replace("id: changsha_county_2022", "id: changsha_county_2021")
                       .replace("year: 2022", "year: 2021", 1), encoding="utf-8")
    out = tmp_path / "out"
    _run(units, out)
    _renamed(earlier, earlier, "长沙县机关事务服务中心（2021年度更正）")
    again = _run(units, out)
    assert again.unchanged == ("yunxi_district_2023",)  # 2021 changed, and 2022's 历年比较 shows it


def test_the_store_answers_an_analyst_and_a_damaged_one_is_rebuilt(tmp_path, units):
    out = tmp_path / "out"
    _run(units, out)
    frame = results_frame(out)
    assert list(frame.unit_id) == ["changsha_county_2022", "yunxi_district_2023"]
    published = json.loads((out / "units/yunxi_district_2023/yunxi_district_2023.json").read_text(encoding="utf-8"))
    row = frame.set_index("unit_id").loc["yunxi_district_2023"]
    assert (row["name"], row["year"], row["total_on_100"]) == (published["unit"]["name"], published["unit"]["year"],
                                                                published["total_on_100"])
    assert json.loads(row["result"]) == published

    (out / STORE_FILE).write_bytes(b"not a database" * 100)
    assert results_frame(out).empty  # a reader never fails on it
    again = _run(units, out)
    assert again.unchanged == ()  # nothing known: everything runs, and the store is whole again
    with ResultsStore(out, readonly=True) as store:
        assert set(store.keys()) == {"changsha_county_2022", "yunxi_district_2023"}


def test_outputs_made_by_other_code_are_not_kept(tmp_path):
    """The key names the code, not only the version number, which stays 0.1.0 in a checkout while the code changes
    (and the unit result's schema with it: a stored result of schema 2 must not be kept under schema 3)."""
    from perfeval.outputs.batch.keys import code_digest, package_version
    from perfeval.result import SCHEMA_VERSION

    package = tmp_path / "pkg"
    (package / "__pycache__").mkdir(parents=True)
    (package / "rules.py").write_text("LIMIT = 90\n", encoding="utf-8")
    before = code_digest(package)
    (package / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"compiled")
    assert code_digest(package) == before  # a compiled cache is not the code
    (package / "rules.py").write_text("LIMIT = 95\n", encoding="utf-8")
    assert code_digest(package) != before
    assert f"schema {SCHEMA_VERSION} code " in package_version()
