"""A table's totals by its structure, however it arrives (issue 19 item 1): a 合计 over 小计s, a row numbered 一、 over
its rows numbered 1. 2. (numbers in the labels or in a 序号 column of their own), a 其中 row part of its row and no
part of the total, a total naming what it totals (收入合计) — in each numeric column, never a rate column, and never
a row's number drafted as a figure. The tables are written for these tests, in the forms test_draft_table_arrivals
writes a report's table in (a Word table, a PDF, a web page, tab or space text, one cell per line, a PDF's text a row a
line, a document site's text on one line)."""
from __future__ import annotations

import re
from decimal import Decimal

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


# ---------------------------------------------------------------- rates in a row's cells (issue 19 item 4)

REVENUE = [["项目", "2022年完成数", "2023年预算数", "2023年完成数", "完成%", "增长%"],
           ["税收收入", "27,631", "33,385", "33,385", "100.00%", "20.82%"],
           ["增值税", "13,950", "18,835", "17,585", "{rate}", "26.06%"],
           ["企业所得税", "564", "600", "850", "141.67%", "50.71%"]]


def _rates(draft) -> list[tuple[str, str, str | None, str | None]]:
    return sorted((r.rate.written, r.status, r.reading.numerator.written if r.reading else None,
                   r.reading.denominator.written if r.reading else None) for r in draft.rates)


@pytest.mark.parametrize("form", FORMS)
def test_a_rate_column_named_by_its_words_and_percent_is_its_rows_ratio_of_the_columns_they_name(tmp_path, form):
    """完成% is the later year's 完成数 over its 预算数, 增长% the 完成数 of the later year over the earlier's, each row
    apart — even where two of the row's amounts are equal (33,385 twice) and the numbers alone do not say which."""
    rows = [[c.format(rate="93.36%") for c in r] for r in REVENUE]
    assert _rates(draft_report(_write(tmp_path, form, rows))) == sorted([
        ("100.00%", "explained", "33,385", "33,385"), ("20.82%", "explained", "33,385", "27,631"),
        ("93.36%", "explained", "17,585", "18,835"), ("26.06%", "explained", "17,585", "13,950"),
        ("141.67%", "explained", "850", "600"), ("50.71%", "explained", "850", "564")])


@pytest.mark.parametrize("form", ["docx", "tab", "single", "flat"])
def test_a_rate_cell_its_row_does_not_make_is_contradicted_by_its_row(tmp_path, form):
    rows = [[c.format(rate="95.36%") for c in r] for r in REVENUE]  # 17,585 ÷ 18,835 = 93.36 %
    assert ("95.36%", "contradicted", "17,585", "18,835") in _rates(draft_report(_write(tmp_path, form, rows)))


# ---------------------------------------------------------------- a 决算 statement whose sides differ in width

STATEMENT = ["财政拨款收入支出决算总表", "单位：万元", "收入 支出",
             "项目 行次 金额 项目 行次 合计 一般公共预算财政拨款 政府性基金预算财政拨款", "栏次 1 栏次 2 3 4",
             "一、一般公共预算财政拨款 1 1,280.00 一、一般公共服务支出 30 900.00 860.00 40.00",
             "二、政府性基金预算财政拨款 2 40.00 二、教育支出 31 300.00 300.00 0.00",
             "三、国有资本经营预算财政拨款 3 0.00 三、社会保障和就业支出 32 120.00 120.00 0.00",
             "本年收入合计 4 1,320.00 本年支出合计 33 1,320.00 1,280.00 40.00"]


def _statement(tmp_path, shape: str):
    body = {"a row per line": STATEMENT, "one line": [" ".join(STATEMENT)],
            "one cell per line": STATEMENT[:2] + [c for line in STATEMENT[2:] for c in line.split()]}[shape]
    path = tmp_path / "statement.txt"
    path.write_text("\n".join(["白沙县气象服务中心2024年度部门决算", "一、收入支出决算总体情况", *body,
                               "二、其他", "本年无其他情况。"]) + "\n", encoding="utf-8")
    return draft_report(path)


@pytest.mark.parametrize("shape", ["a row per line", "one line", "one cell per line"])
def test_a_statement_whose_sides_have_their_own_columns_sums_each_side_by_its_columns(tmp_path, shape):
    """The 支出 side's 合计 | 一般公共预算财政拨款 | 政府性基金预算财政拨款 stand under their own names, each row's 合计 the
    sum of the others, each side's 合计 row the sum of its rows; no 行次 (1 … 4, 30 … 33) or 栏次 is a figure."""
    draft = _statement(tmp_path, shape)
    lists = _lists(draft)
    assert ("1,320.00", ("1,280.00", "40.00", "0.00"), True) in lists  # 收入
    assert ("1,320.00", ("900.00", "300.00", "120.00"), True) in lists  # 支出, the 合计 column
    assert ("1,280.00", ("860.00", "300.00", "120.00"), True) in lists
    assert ("900.00", ("860.00", "40.00"), True) in lists  # a row's 合计 over its columns
    assert ("1,320.00", ("1,280.00", "40.00"), True) in lists
    assert not [m for m in draft.placed if re.fullmatch(r"\d{1,2}", m.written)]


# ---------------------------------------------------------------- a 收支 table in 元 (trial 7 X30)

INCOME_SPENDING = [["项目", "年初预算数", "全年预算数", "全年执行数"],
                   ["收入合计", "18,340,000.00", "19,702,600.00", "19,702,600.00"],
                   ["支出合计", "18,340,000.00", "19,702,600.00", "19,115,268.40"],
                   ["其中：基本支出", "11,250,000.00", "11,980,400.00", "11,980,400.00"],
                   ["项目支出", "7,090,000.00", "7,722,200.00", "7,134,868.40"]]


@pytest.mark.parametrize("form", ["docx", "tab", "cell", "single"])
def test_a_table_of_income_and_spending_states_the_budget_by_its_spending_and_its_sub_rows_go_on(tmp_path, form):
    """Amounts of ten million yuan and more with their fen (19,115,268.40: eleven characters, a 1 first) are amounts,
    no phone numbers; the 支出合计 row states the budget executed (the 收入合计 row what was received), and the rows
    after 其中：基本支出 go on with its breakdown of 支出合计 where they make it up."""
    draft = draft_report(_write(tmp_path, form, INCOME_SPENDING))
    budget = {k: str(v["value"]) for k, v in draft.params["figures"]["budget"].items()}
    assert budget == {"start_of_year": "18340000.00", "adjusted": "19702600.00", "executed": "19115268.40"}
    assert _lists(draft) == sorted([("18,340,000.00", ("11,250,000.00", "7,090,000.00"), True),
                                    ("19,702,600.00", ("11,980,400.00", "7,722,200.00"), True),
                                    ("19,115,268.40", ("11,980,400.00", "7,134,868.40"), True)])


def test_a_mobile_number_is_eleven_bare_digits_and_a_grouped_amount_with_fen_is_none():
    from perfeval.core.quantity import find_quantities, parse_quantity

    assert parse_quantity("13,912,845.60") is not None and parse_quantity("19,115,268.40") is not None
    assert [f.quantity.value for f in find_quantities("联系人手机13912845607，支出13,912,845.60元。")] == [
        Decimal("13912845.60")]


# ---------------------------------------------------------------- a 绩效自评表's columns in the words forms use

INDICATOR_ROWS = [["产出指标", "数量指标", "完成巡河次数", "≥120次", "134次", "30", "30", ""],
                  ["", "质量指标", "水质达标率", "≥90%", "93%", "30", "30", ""],
                  ["效益指标", "社会效益指标", "受益人口", "≥5000人", "4600人", "30", "27", "降雨偏少"],
                  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
                  ["总分", "", "", "", "", "100", "97", ""]]


@pytest.mark.parametrize("words", [("预期指标值", "全年实际值", "分值", "得分", "偏差原因"),
                                   ("年度目标", "实际完成情况", "分值", "得分", "偏差原因分析"),
                                   ("年度指标值", "实际完成值", "权重", "自评得分", "备注")])
@pytest.mark.parametrize("form", FORMS)
def test_a_self_assessment_table_is_read_whatever_words_its_form_names_its_columns_by(tmp_path, words, form):
    """A target column named 预期指标值 or 年度目标, an actual one 全年实际值 or 实际完成情况, a note column 备注: the table is
    the 自评表 all the same (its rows were read as none, and its figures as no indicator's)."""
    header = ["一级指标", "二级指标", "三级指标", *words]
    draft = draft_report(_write(tmp_path, form, [header, *INDICATOR_ROWS]))
    rows = [(r["name"], str(r["target"]["value"]), str(r["actual"]["value"]), str(r["claimed_score"]))
            for r in draft.params.get("indicators", [])]
    assert rows == [("完成巡河次数", "120", "134", "30"), ("水质达标率", "90", "93", "30"), ("受益人口", "5000", "4600", "27"),
                    ("群众满意度", "90", "95", "10")]
    assert draft.params["claims"]["total"] == Decimal(97)


@pytest.mark.parametrize("form", ["docx", "tab", "cell", "single"])
def test_a_budget_blocks_column_of_what_was_spent_called_its_final_account_is_the_budget_executed(tmp_path, form):
    """年初预算数 | 调整后预算数 | 决算数 (trial 7 X46): beside the budget's own columns the 决算数 is what was spent of it."""
    rows = [["项目", "年初预算数", "调整后预算数", "决算数"], *INCOME_SPENDING[1:]]
    draft = draft_report(_write(tmp_path, form, rows))
    budget = {k: str(v["value"]) for k, v in draft.params["figures"]["budget"].items()}
    assert budget == {"start_of_year": "18340000.00", "adjusted": "19702600.00", "executed": "19115268.40"}
