"""A total printed rounded against exact parts (trial 4's T2): a catalogue figure keeps the places it was printed
with wherever it comes from (a params file, a workbook, a draft), and an identity is judged within the rounding those
places allow — 3752万元 printed whole holds over parts adding to 3,752.47, 3752.00万元 does not."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from perfeval import run_checks
from perfeval.cli import main
from perfeval.core.engine import load_unit
from perfeval.core.params import load_params, value_of
from perfeval.outputs.excel.template import export_workbook

from conftest import LIUYANG

HEAD = """unit: {{id: qingxi_archives_2023, name: 青溪县档案馆, region: 青溪县, year: 2023, framework: dept_overall_a}}
figures:
  lines:
    total: {{final: {total}}}
    basic: {{final: 347.79}}
    project: {{final: 3404.68}}
"""  # the parts add to 3,752.47


def _params(tmp_path: Path, total: str, name: str = "unit.yaml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD.format(total=total), encoding="utf-8")
    return path


def _identity(path: Path) -> list[str]:
    return [f.message for f in run_checks(load_unit(path)) if f.check == "identity_broken"]


@pytest.mark.parametrize("total", ["3752", "3752.5", "3752.46", "{value: 3753, qualifier: about}"])
def test_a_total_printed_rounded_holds_when_its_parts_add_to_it_within_the_rounding(tmp_path, total):
    """3752 printed whole is 3751.5–3752.5, 3752.5 is 3752.45–3752.55, 3752.46 reaches 3752.465 and each part may be
    a half fen off: each admits parts printed as adding to 3,752.47."""
    assert _identity(_params(tmp_path, total)) == []


@pytest.mark.parametrize("total, printed, more, gap", [
    ("3752.00", "3,752.00万元", "多", "0.47万元"),  # printed to the fen: the parts are 0.47 over it
    ("3752.0", "3,752.0万元", "多", "0.47万元"),  # to the tenth: 3751.95–3752.05
    ("3753", "3,753万元", "少", "0.53万元"),  # whole, but 3752.5–3753.5 still misses 3,752.47
    ("3751.9", "3,751.9万元", "多", "0.57万元"),
    ("3752.4", "3,752.4万元", "多", "0.07万元"),  # 3752.35–3752.45: 3,752.47 rounds to 3752.5
])
def test_a_total_whose_printed_places_cannot_hold_its_parts_is_broken_as_printed(tmp_path, total, printed, more, gap):
    [message] = _identity(_params(tmp_path, total))
    assert f"（本年决算数） {printed}，" in message, message
    assert "合计 3,752.47万元" in message and f"比总数{more} {gap}" in message, message


def test_a_whole_total_over_finer_parts_says_the_range_its_places_allow(tmp_path):
    [message] = _identity(_params(tmp_path, "3753"))
    assert "3,753万元，按其印出的位数在 3,752.50万元–3,753.50万元" in message, message
    [message] = _identity(_params(tmp_path, "3752.00"))
    assert "按其印出的位数" not in message, message  # printed as finely as its parts: judged as it is


@pytest.mark.parametrize("total, broken", [("{value: 0.38, unit: 亿元}", False),  # 3750–3850万元
                                           ("{value: 0.37, unit: 亿元}", True),  # 3650–3750万元
                                           ("{value: 37524700, unit: 元}", False),  # to the yuan: 3752.47
                                           ("{value: 37524000, unit: 元}", True)])  # 3752.40 ± half a yuan
def test_a_total_printed_in_another_unit_is_judged_at_what_its_last_digit_is_worth_there(tmp_path, total, broken):
    messages = _identity(_params(tmp_path, total))
    assert bool(messages) is broken
    if messages and "亿元" in total:  # shown to the hundred 万元 it was printed to, not to the fen
        assert "（本年决算数） 3,700万元，按其印出的位数在 3,650.00万元–3,750.00万元" in messages[0], messages[0]


def test_whole_things_counted_are_exact_whatever_their_places(tmp_path):
    """60人 is 60, not 59.5–60.5: 在职 30 + 退休 31 is not a 实有 of 60 (a rounding would let it through)."""
    for total, broken in ((60, True), (61, False)):
        path = tmp_path / f"u{total}.yaml"
        path.write_text(HEAD.format(total="3752.47") + f"  staff: {{total: {total}, on_duty: 30, retired: 31, "
                        "survivors: 0}\n", encoding="utf-8")
        messages = _identity(path)
        assert bool(messages) is broken and all("合计 61人" in m and "按其印出的位数" not in m for m in messages), messages


@pytest.mark.parametrize("written, places", [("3752.00", 2), ("3752", 0), ("3752.5", 1), ("0.370", 3)])
def test_a_catalogue_figure_keeps_the_places_the_params_file_prints(tmp_path, written, places):
    params = load_params(_params(tmp_path, written))
    assert value_of(params, "lines.total.final").places == places


def test_places_survive_the_workbook_both_ways(tmp_path, capsys):
    """Exported, the figure printed to the fen shows 3752.00 (a number cell formatted 0.00) and imports back as
    printed; a total typed 3752 in a cell formatted 0.00 is a total to the fen."""
    source = _params(tmp_path, "3752.00")
    workbook = export_workbook(source, tmp_path / "u.xlsx")
    assert main(["excel", "import", str(workbook), "-o", str(tmp_path / "back.yaml")]) == 0
    back = load_params(tmp_path / "back.yaml")
    assert back == load_params(source) and value_of(back, "lines.total.final").places == 2
    assert len(_identity(tmp_path / "back.yaml")) == 1

    whole = export_workbook(_params(tmp_path, "3752", "whole.yaml"), tmp_path / "w.xlsx")
    book = openpyxl.load_workbook(whole)
    cells = [c for ws in book for row in ws.iter_rows() for c in row if c.value == 3752]
    assert len(cells) == 1 and cells[0].number_format == "General"
    assert main(["excel", "import", str(whole), "-o", str(tmp_path / "w.yaml")]) == 0
    assert _identity(tmp_path / "w.yaml") == []
    cells[0].number_format = "0.00"  # the analyst formats the cell as the report prints it
    book.save(tmp_path / "w2.xlsx")
    assert main(["excel", "import", str(tmp_path / "w2.xlsx"), "-o", str(tmp_path / "w2.yaml")]) == 0
    assert value_of(load_params(tmp_path / "w2.yaml"), "lines.total.final").places == 2
    assert len(_identity(tmp_path / "w2.yaml")) == 1
    capsys.readouterr()


@pytest.mark.parametrize("printed, broken", [("3752万元", False), ("3752.00万元", True), ("3753万元", True)])
def test_a_drafted_total_keeps_the_places_of_the_report(tmp_path, capsys, printed, broken):
    report = tmp_path / "qingxi.txt"
    report.write_text("青溪县档案馆2023年度部门整体支出绩效自评报告\n\n一、部门基本情况\n"
                      f"2023年度本单位总支出{printed}，其中：基本支出347.79万元，项目支出3404.68万元。\n", encoding="utf-8")
    assert main(["draft", str(report), "-o", str(tmp_path / "d.yaml")]) == 0
    capsys.readouterr()
    assert bool(_identity(tmp_path / "d.yaml")) is broken


def test_a_liuyang_total_printed_whole_holds_and_printed_to_the_fen_does_not(tmp_path):
    """A second unit's figures: Liuyang's 3,752.47 total as a report rounding it would print it."""
    text = LIUYANG.read_text(encoding="utf-8").replace("final: {value: 3752.47,", "final: {value: TOTAL,")
    text = "".join(line for line in text.splitlines(keepends=True)  # its restatement of the total, taken out
                   if not line.startswith("    - {figure: lines.total.final, value: 3752.47"))
    for total, count in (("3752", 0), ("3752.00", 1)):
        path = tmp_path / f"l{count}.yaml"
        path.write_text(text.replace("TOTAL", total), encoding="utf-8")
        assert len(_identity(path)) == count


@pytest.mark.parametrize("stored, number_format, places", [(347.78999999999996, "General", 2),  # a formula's 347.79
                                                           (0.1 + 0.2, "General", 1), (3752, "0.00", 2),
                                                           (3752.5, "#,##0.000", 3), (3752, "General", 0)])
def test_a_number_cell_keeps_the_places_it_shows_not_its_binary_noise(stored, number_format, places):
    """A sum Excel computed (347.78999999999996 for 347.79) was recorded to 6 places: a figure printed to the
    millionth, whose identities would then be judged to the half-millionth."""
    from perfeval.intake.excel.cells import read_figure, read_statement

    assert read_figure(stored, number_format, "万元")["places"] == places
    assert read_statement(stored, number_format, "%", keep_unit=False)["places"] == places
