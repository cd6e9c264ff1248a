"""Where perfeval finds its notebooks and samples and puts outputs: the checkout's folders when run from one
(an installed package is tested in test_install.py)."""
from __future__ import annotations

from pathlib import Path

from perfeval import cli, paths
from perfeval.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_a_checkout_uses_its_own_folders():
    assert not paths.INSTALLED
    assert paths.NOTEBOOKS_DIR == ROOT / "notebooks" and (paths.NOTEBOOKS_DIR / "unit_report.ipynb").is_file()
    assert paths.UNITS_DIR == ROOT / "params" / "units" and paths.OUTPUTS_DIR == ROOT / "outputs"
    assert paths.DEFAULT_UNIT.is_file()


def test_samples_prints_the_sample_units_and_framework_variant(capsys):
    assert main(["samples"]) == 0
    printed = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert {p.name for p in printed} >= {"changsha_county_2022.yaml", "liuyang_2020.yaml", "yunxi_district_2023.yaml",
                                         "dept_overall_a_provincial.yaml"}
    assert all(p.is_file() for p in printed)


def test_a_missing_default_units_folder_is_named_with_what_to_do(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(cli, "UNITS_DIR", tmp_path / "params" / "units")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "params/units: no such folder" in err and "perfeval samples" in err and "Traceback" not in err
