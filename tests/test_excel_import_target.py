"""`perfeval excel import` without -o writes the params file beside the workbook, wherever it is run from: an
installed perfeval has no params/units/, and a checkout's is not where a user working elsewhere looks."""
from __future__ import annotations

from perfeval.cli import main
from perfeval.core.engine import load_unit
from perfeval.outputs.excel.template import export_workbook
from perfeval.paths import UNITS_DIR

from conftest import CHANGSHA


def test_the_params_file_is_written_beside_the_workbook(tmp_path, monkeypatch, capsys):
    folder, elsewhere = tmp_path / "收到的表", tmp_path / "work"
    folder.mkdir()
    elsewhere.mkdir()
    book = export_workbook(CHANGSHA, folder / "长沙县.xlsx")
    before = sorted(UNITS_DIR.iterdir())
    monkeypatch.chdir(elsewhere)
    assert main(["excel", "import", str(book)]) == 0
    written = folder / f"{load_unit(CHANGSHA).params.unit.id}.yaml"
    assert str(written) in capsys.readouterr().out
    assert load_unit(written).params == load_unit(CHANGSHA).params
    assert sorted(UNITS_DIR.iterdir()) == before and list(elsewhere.iterdir()) == []
