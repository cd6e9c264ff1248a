"""A 基础数据表 whose rates stand in cells beside the figures of their rows (V28): each stated rate is read as the
claim of its own row — a 控制率 / 执行率 what was done over what bounded it, a 变动率 the later year's figure over the
earlier's — however the table arrives, so a wrong one is the finding a sentence stating it would raise, and a right
one none. The tables are written for these tests."""
from __future__ import annotations

import pytest
from test_draft_table_arrivals import _write

from perfeval.checks import run_checks
from perfeval.core.engine import load_unit
from perfeval.outputs.draft import draft_report, write_draft

FORMS = ("docx", "pdf", "html", "tab", "space", "cell", "marked", "bar")
MISMATCH = ("stated_ratio_mismatch", "claimed_rate_mismatch")

# each row names its rate, each figure labelled by the cell before it
LABELLED = [["指标名称", "项目", "数值", "项目", "数值", "比率"],
            ["在职人员控制率", "核定编制数", "40", "年末在职人数", "38", "{staff}"],  # 38 ÷ 40 = 95.00 %
            ["三公经费变动率", "2023年三公经费支出", "12.50", "2024年三公经费支出", "10.00", "{change}"],  # −20.00 %
            ["公用经费控制率", "公用经费预算数", "80.00", "公用经费实际支出数", "70.00", "{common}"]]  # 87.50 %
# the figures named by the header, as the 附件1-2 form sets its staffing block
HEADED = [["财政供养人员情况", "编制数", "实际在职人数", "控制率"], ["", "40", "38", "{staff}"]]
RIGHT = {"staff": "95.00%", "change": "-20.00%", "common": "87.50%"}
WRONG = {"staff": "105.26%", "change": "-25.00%", "common": "114.29%"}  # each the reading turned upside down


def _table(rows: list[list[str]], rates: dict[str, str]) -> list[list[str]]:
    return [[c.format(**rates) for c in row] for row in rows]


def _judged(tmp_path, form: str, rows: list[list[str]]) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    """Each stated rate with what the draft made of it, and the checks that question a rate."""
    draft = draft_report(_write(tmp_path, form, rows))
    rates = [(r.rate.written, r.status, r.reading.numerator.written, r.reading.denominator.written)
             for r in draft.rates if r.reading is not None or r.measure is not None]
    findings = run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))
    return rates, [f.check for f in findings if f.check in MISMATCH]


@pytest.mark.parametrize("form", FORMS)
def test_each_rows_rate_is_read_over_the_figures_its_row_names_however_it_arrives(tmp_path, form):
    rates, questioned = _judged(tmp_path, form, _table(LABELLED, RIGHT))
    assert sorted(rates) == sorted([("95.00%", "explained", "38", "40"), ("-20.00%", "explained", "10.00", "12.50"),
                                    ("87.50%", "explained", "70.00", "80.00")])
    assert questioned == []


@pytest.mark.parametrize("form", FORMS)
def test_a_wrong_rate_in_a_cell_is_the_question_a_sentence_stating_it_raises(tmp_path, form):
    rates, questioned = _judged(tmp_path, form, _table(LABELLED, WRONG))
    assert sorted(rates) == sorted([("105.26%", "contradicted", "38", "40"),
                                    ("-25.00%", "contradicted", "10.00", "12.50"),
                                    ("114.29%", "contradicted", "70.00", "80.00")])
    assert len(questioned) == 3


@pytest.mark.parametrize("form", (*FORMS, "single", "flat"))
def test_a_control_rate_under_its_header_is_the_rate_of_the_figures_beside_it(tmp_path, form):
    assert _judged(tmp_path, form, _table(HEADED, RIGHT)) == ([("95.00%", "explained", "38", "40")], [])
    rates, questioned = _judged(tmp_path, form, _table(HEADED, WRONG))
    assert rates == [("105.26%", "contradicted", "38", "40")] and questioned == ["claimed_rate_mismatch"]


def test_a_rate_its_row_does_not_name_is_left_to_the_reading_of_its_numbers(tmp_path):
    """A row naming no rate of a plan or a change (a 占比 of nothing the table totals) declares no reading."""
    rows = [["指标名称", "项目", "数值", "项目", "数值", "比率"],
            ["人员结构", "核定编制数", "40", "年末在职人数", "38", "12.00%"],
            ["经费结构", "2023年三公经费支出", "12.50", "2024年三公经费支出", "10.00", "30.00%"]]
    rates, questioned = _judged(tmp_path, "docx", rows)
    assert rates == [] and questioned == []


# a 三公 row under three dated columns: its 控制率 is this year's spending over this year's budget
DATED = [["经费控制情况", "2023年决算数", "2024年预算数", "2024年决算数", "控制率"],
         ["“三公”经费", "15.00", "12.00", "10.80", "{sangong}"]]  # 10.80 ÷ 12.00 = 90.00 %


@pytest.mark.parametrize("form", ("docx", "tab", "cell", "marked", "bar"))
def test_a_control_rate_beside_figures_of_two_years_is_of_the_later_years(tmp_path, form):
    assert _judged(tmp_path, form, _table(DATED, {"sangong": "90.00%"})) == (
        [("90.00%", "explained", "10.80", "12.00")], [])
    (tmp_path / "wrong").mkdir()
    rates, questioned = _judged(tmp_path / "wrong", form, _table(DATED, {"sangong": "80.00%"}))  # 12.00 ÷ 15.00
    assert rates == [("80.00%", "contradicted", "10.80", "12.00")] and len(questioned) == 1
