"""A table's totals by its structure, however it arrives (issue 19 item 1): a 合计 over 小计s, a row numbered 一、 over
its rows numbered 1. 2. (numbers in the labels or in a 序号 column of their own), a 其中 row part of its row and no
part of the total, a total naming what it totals (收入合计) — in each numeric column, never a rate column, and never
a row's number drafted as a figure. The tables are written for these tests, in the forms test_draft_table_arrivals
writes a report's table in (a Word table, a PDF, a web page, tab or space text, one cell per line, a PDF's text a row a
line, a document site's text on one line)."""
from __future__ import annotations

import re

import pytest
from test_draft_table_arrivals import FORMS, _write

from perfeval.outputs.draft import draft_report

COLUMNS = ["年初预算数", "全年预算数", "全年执行数"]
BASIC, PEOPLE, OFFICE = ["800.00", "820.00", "810.00"], ["600.00", "610.00", "605.00"], ["200.00", "210.00", "205.00"]
PROJECTS, TOTAL = ["400.00", "530.00", "472.50"], ["1200.00", "1350.00", "1282.50"]
RATES = {"basic": "98.78%", "people": "99.18%", "office": "97.62%", "projects": "89.15%", "total": "95.00%"}

NESTED = sorted([("1200.00", ("800.00", "400.00"), True), ("1350.00", ("820.00", "530.00"), True),
                 ("1282.50", ("810.00", "472.50"), True), ("800.00", ("600.00", "200.00"), True),
                 ("820.00", ("610.00", "210.00"), True), ("810.00", ("605.00", "205.00"), True)])

SHAPES = {
    # a 序号 column numbering the rows at two levels (一 / 1, 2 / 二), a rate column beside them
    "index": [["序号", "项目", *COLUMNS, "执行率"], ["一", "基本支出", *BASIC, RATES["basic"]],
              ["1", "人员经费", *PEOPLE, RATES["people"]], ["2", "公用经费", *OFFICE, RATES["office"]],
              ["二", "项目支出", *PROJECTS, RATES["projects"]], ["", "合计", *TOTAL, RATES["total"]]],
    # the numbers in the labels
    "labels": [["项目", *COLUMNS], ["一、基本支出", *BASIC], ["1.人员经费", *PEOPLE], ["2.公用经费", *OFFICE],
               ["二、项目支出", *PROJECTS], ["合计", *TOTAL]],
    # 小计 rows closing their groups, a 合计 over the 小计s
    "subtotals": [["项目", *COLUMNS], ["人员经费", *PEOPLE], ["公用经费", *OFFICE], ["小计", *BASIC],
                  ["培训项目", "150.00", "230.00", "222.50"], ["信息化项目", "250.00", "300.00", "250.00"],
                  ["小计", *PROJECTS], ["合计", *TOTAL]],
}


def _lists(draft) -> list[tuple[str, tuple[str, ...], bool]]:
    return sorted((lst.whole.written, tuple(p.written for p in lst.parts), lst.complete) for lst in draft.lists)


def _row_numbers(draft) -> list[str]:
    return [m.written for m in draft.placed if re.fullmatch(r"[一二三]、?|[12]", m.written.strip())]


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("form", FORMS)
def test_a_total_sums_the_rows_of_its_level_and_each_row_its_breakdown_however_the_table_arrives(tmp_path, shape,
                                                                                                  form):
    draft = draft_report(_write(tmp_path, form, SHAPES[shape]))
    lists = _lists(draft)
    expected = NESTED if shape != "subtotals" else sorted(NESTED + [
        ("400.00", ("150.00", "250.00"), True), ("530.00", ("230.00", "300.00"), True),
        ("472.50", ("222.50", "250.00"), True)])
    assert lists == expected  # flat, the 合计 was 800 + 600 + 200 + 400: a false 不等 on a table that holds
    assert _row_numbers(draft) == []
    budget = {k: str(v["value"]) for k, v in draft.params["figures"]["budget"].items()}
    assert budget["start_of_year"] == "1200.00"  # the 合计 states the budget, never a 小计


@pytest.mark.parametrize("form", ["docx", "tab", "cell", "single", "flat"])
def test_a_total_its_rows_do_not_make_is_questioned_over_its_own_level_only(tmp_path, form):
    rows = [list(r) for r in SHAPES["index"]]
    rows[-1][2] = "1250.00"  # 800 + 400 = 1200
    lists = _lists(draft_report(_write(tmp_path, form, rows)))
    assert ("1250.00", ("800.00", "400.00"), False) in lists
    assert ("800.00", ("600.00", "200.00"), True) in lists


@pytest.mark.parametrize("form", ["docx", "html", "tab", "cell", "marked", "single", "flat"])
def test_a_sub_row_is_part_of_the_row_above_it_and_a_named_total_sums_the_rest(tmp_path, form):
    rows = [["项目", *COLUMNS], ["财政拨款收入", "1000.00", "1100.00", "1067.00"],
            ["其中：一般公共预算", "900.00", "1000.00", "970.00"], ["上年结转", "150.00", "150.00", "120.00"],
            ["其他收入", "50.00", "100.00", "95.50"], ["收入合计", *TOTAL]]
    lists = _lists(draft_report(_write(tmp_path, form, rows)))
    assert lists == sorted([("1200.00", ("1000.00", "150.00", "50.00"), True),
                            ("1350.00", ("1100.00", "150.00", "100.00"), True),
                            ("1282.50", ("1067.00", "120.00", "95.50"), True),
                            ("1000.00", ("900.00",), False), ("1100.00", ("1000.00",), False),
                            ("1067.00", ("970.00",), False)])  # 其中: at most its row, a bound


@pytest.mark.parametrize("form", ["docx", "tab", "space", "cell", "marked", "bar", "single"])
def test_staff_by_kind_add_up_to_their_total_row_in_each_column(tmp_path, form):
    rows = [["类别", "编制数", "实有人数"], ["行政编制", "10", "9"], ["事业编制", "20", "18"], ["工勤编制", "5", "5"],
            ["合计", "35", "32"]]
    draft = draft_report(_write(tmp_path, form, rows))
    assert _lists(draft) == [("32", ("9", "18", "5"), True), ("35", ("10", "20", "5"), True)]


def test_a_named_total_its_rows_do_not_make_declares_nothing(tmp_path):
    """收入合计 does not say which rows are its own (a statement's rows above it may be of another side): unlike a bare
    合计 it is declared only where they add up."""
    rows = [["项目", *COLUMNS], ["财政拨款收入", "1000.00", "1100.00", "1067.00"], ["其他收入", "50.00", "100.00", "95.50"],
            ["收入合计", *TOTAL]]
    assert _lists(draft_report(_write(tmp_path, "tab", rows))) == []
