"""One 绩效自评表 budget block however it arrives (issue 19 item 1: tables recognised however they arrive): as a Word
table, a ruled PDF table, a web page's table, tab text, text aligned with spaces, a web table saved one cell per
line (with or without a | after each cell) or a row per line with | between cells, a PDF's text a row per line with
single spaces and a document site's text with the whole table on one line, each giving the
same figures, the same 执行率 checked against its own row's 全年执行数 ÷ 全年预算数, and the same identities of a total
row over the rows by source, in each of the layouts forms use (the national form's 项目资金（万元） merged down the left,
a 合计 row closing the rows, a header over the value columns alone). The tables are written for these tests."""
from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from perfeval.intake.documents import Row
from perfeval.intake.report.document import build
from perfeval.intake.report.grid import Header, row_totals
from perfeval.outputs.draft import draft_report

TITLE = "白沙县气象服务中心2024年度部门整体支出绩效自评报告"
BEFORE = ["一、部门基本情况", "本中心为县政府直属事业单位。", "二、部门整体支出绩效自评表", "单位：万元"]
AFTER = ["三、自评结论", "经自评，本中心2024年度部门整体支出绩效自评得分92分，等级为优。"]
FORMS = ("docx", "pdf", "html", "tab", "space", "cell", "marked", "bar", "single", "flat")

MONEY = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
SOURCES = [["1000.00", "1100.00", "1067.00", "—", "{rate}", "—"],  # 1067 ÷ 1100 = 97.00 %
           ["150.00", "150.00", "120.00", "—", "80.00%", "—"],
           ["50.00", "100.00", "95.50", "—", "95.50%", "—"]]
TOTAL = ["1200.00", "1350.00", "1282.50", "10", "95.00%", "9.5"]  # 1282.50 ÷ 1350.00 = 95.00 %

LAYOUTS = {
    # the national form: 项目资金（万元） merged down the left, each row's label in the second cell
    "national": [["项目资金（万元）", "", *MONEY], ["", "年度资金总额", *TOTAL], ["", "其中：当年财政拨款", *SOURCES[0]],
                 ["", "上年结转资金", *SOURCES[1]], ["", "其他资金", *SOURCES[2]]],
    # the rows by source first, a 合计 row closing them (its parts' 分值 and 得分 left empty)
    "closing": [["资金来源", *MONEY], ["财政拨款", *[c if c != "—" else "" for c in SOURCES[0]]],
                ["上年结转", *[c if c != "—" else "" for c in SOURCES[1]]],
                ["其他资金", *[c if c != "—" else "" for c in SOURCES[2]]], ["合计", *TOTAL]],
    # a header over the value columns alone, 年度资金总额 heading the rows without 其中
    "unlabelled": [["", *MONEY], ["年度资金总额", *TOTAL], ["财政拨款", *SOURCES[0]], ["上年结转", *SOURCES[1]],
                   ["其他资金", *SOURCES[2]]],
}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _write(tmp_path: Path, form: str, rows: list[list[str]]) -> Path:
    """The report with the table in one of the forms a 自评表 arrives in."""
    if form == "docx":
        document = docx.Document()
        for line in [TITLE, *BEFORE]:
            document.add_paragraph(line)
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                table.cell(i, j).text = text
        for line in AFTER:
            document.add_paragraph(line)
        path = tmp_path / "report.docx"
        document.save(path)
        return path
    if form == "pdf":  # ruled, as Word prints it
        from report_files import truetype_font, write_pdf

        lines = [TITLE, *BEFORE, *AFTER]
        font = truetype_font("".join(lines) + "".join("".join(r) for r in rows), tmp_path / "font.ttf")
        document = build("report", [TITLE, *BEFORE, *(Row(tuple(r), 1) for r in rows), *AFTER])
        return write_pdf(document, tmp_path / "report.pdf", font)
    if form == "html":
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        page = ("<html><body>" + "".join(f"<p>{x}</p>" for x in [TITLE, *BEFORE]) + f"<table>{body}</table>"
                + "".join(f"<p>{x}</p>" for x in AFTER) + "</body></html>")
        path = tmp_path / "report.html"
        path.write_text(page, encoding="utf-8")
        return path
    if form == "tab":
        lines = ["\t".join(row) for row in rows]
    elif form == "space":  # each column as wide as its widest cell and two spaces, as a fixed-width print sets it
        widths = [max(_width(r[k]) for r in rows if k < len(r)) + 2 for k in range(max(len(r) for r in rows))]
        lines = ["".join(c + " " * (widths[k] - _width(c)) for k, c in enumerate(row)).rstrip() for row in rows]
    elif form == "cell":  # a web page saved as text: each filled cell on a line of its own, empty cells gone
        lines = [c for row in rows for c in row if c]
    elif form == "marked":  # a web page saved as text with a | after every cell, an empty cell a lone |
        lines = [f"{c} |" if c else "|" for row in rows for c in row]
    elif form == "bar":  # a web table saved a row a line, | between its cells
        lines = [" | ".join(row) for row in rows]
    elif form == "single":  # a PDF's text: a row a line, its filled cells between single spaces
        lines = [" ".join(c for c in row if c) for row in rows]
    else:  # a document site's text: the whole table run together on one line
        lines = [" ".join(c for row in rows for c in row if c)]
    path = tmp_path / f"report-{form}.txt"
    path.write_text("\n".join([TITLE, *BEFORE, *lines, *AFTER]) + "\n", encoding="utf-8")
    return path


def _rows(layout: str, rate: str = "97.00%") -> list[list[str]]:
    return [[c.format(rate=rate) for c in row] for row in LAYOUTS[layout]]


def _read(draft) -> tuple:
    """What a draft makes of the table: the budget figures, each rate with its row's two cells, each identity."""
    budget = {k: v["value"] for k, v in draft.params.get("figures", {}).get("budget", {}).items()}
    rates = sorted((r.rate.written, r.status, r.reading.numerator.written, r.reading.denominator.written)
                   for r in draft.rates if r.reading is not None)
    lists = sorted((lst.whole.written, tuple(sorted(p.written for p in lst.parts)), lst.complete)
                   for lst in draft.lists)
    return budget, rates, lists


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("form", FORMS)
def test_a_budget_block_gives_the_same_figures_rates_and_identities_however_it_arrives(tmp_path, layout, form):
    budget, rates, lists = _read(draft_report(_write(tmp_path, form, _rows(layout))))
    assert budget == {"start_of_year": Decimal("1200.00"), "adjusted": Decimal("1350.00"),
                      "executed": Decimal("1282.50")}  # the national form's shift read 1200 as the adjusted budget
    assert rates == sorted([("95.00%", "explained", "1282.50", "1350.00"), ("97.00%", "explained", "1067.00", "1100.00"),
                            ("80.00%", "explained", "120.00", "150.00"), ("95.50%", "explained", "95.50", "100.00")])
    assert lists == sorted([("1200.00", ("1000.00", "150.00", "50.00"), True),
                            ("1350.00", ("100.00", "1100.00", "150.00"), True),
                            ("1282.50", ("1067.00", "120.00", "95.50"), True)])


@pytest.mark.parametrize("form", FORMS)
def test_a_wrong_rate_in_a_source_row_is_contradicted_by_its_own_row_in_every_form(tmp_path, form):
    _, rates, _ = _read(draft_report(_write(tmp_path, form, _rows("national", rate="99.00%"))))
    assert ("99.00%", "contradicted", "1067.00", "1100.00") in rates


@pytest.mark.parametrize("form", ["docx", "tab", "cell", "single", "flat"])
def test_a_closing_row_its_rows_do_not_make_is_an_identity_that_does_not_hold(tmp_path, form):
    rows = _rows("closing")
    rows[-1] = ["合计", "1250.00", *TOTAL[1:]]  # 1000 + 150 + 50 = 1200
    _, _, lists = _read(draft_report(_write(tmp_path, form, rows)))
    assert ("1250.00", ("1000.00", "150.00", "50.00"), False) in lists


def test_rows_by_source_without_a_total_row_declare_no_identity(tmp_path):
    rows = [LAYOUTS["closing"][0], *LAYOUTS["closing"][1:4]]
    _, rates, lists = _read(draft_report(_write(tmp_path, "tab", [[c.format(rate="97.00%") for c in r] for r in rows])))
    assert lists == [] and len(rates) == 3


# ---------------------------------------------------------------- the grid itself

def _quantified(text: str) -> bool:
    return any(c.isdigit() for c in text)


def test_a_row_is_read_by_position_when_its_values_stand_under_value_columns():
    header = Header.of(("项目资金（万元）", "", "年初预算数", "全年预算数"), lambda c: "预算" in c)
    row = header.row(("", "年度资金总额", "1200.00", "1350.00"), _quantified)
    assert header.label == "项目资金（万元）"
    assert row.label == "年度资金总额"
    assert [(v.at, v.header, v.text) for v in row.values] == [(2, "年初预算数", "1200.00"), (3, "全年预算数", "1350.00")]


def test_a_row_a_copy_dropped_empty_cells_from_is_read_left_aligned():
    header = Header.of(("项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数"), lambda c: "数" in c)
    row = header.row(("年度资金总额", "1200.00", "1350.00"), _quantified)
    assert row.label == "年度资金总额"
    assert [(v.at, v.header) for v in row.values] == [(1, "年初预算数"), (2, "全年预算数")]


@pytest.mark.parametrize(("labels", "totals"), [
    (["年度资金总额", "其中：财政拨款", "上年结转", "其他资金"], [(0, (1, 2, 3), False)]),
    (["财政拨款", "其他资金", "合计"], [(2, (0, 1), True)]),
    # a 其中 under a part is no part of the total, and a part of the row above it
    (["基本支出", "其中：人员经费", "项目支出", "合计"], [(3, (0, 2), True), (0, (1,), False)]),
    (["年度资金总额", "其中：财政拨款"], [(0, (1,), False)]),  # a 其中 of one row is a breakdown already
    (["年度资金总额", "财政拨款"], []),  # one row under a total, no 其中: nothing declared
    (["财政拨款", "其他资金"], []),
    (["甲", "乙", "小计", "丙", "丁", "小计"], [(2, (0, 1), True), (5, (3, 4), True)]),
    # 小计s under a 合计 stand for their rows; a 合计 and the rows after it make a 总计
    (["甲", "乙", "小计", "丙", "丁", "小计", "合计"], [(2, (0, 1), True), (5, (3, 4), True), (6, (2, 5), True)]),
    (["甲", "乙", "本年收入合计", "年初结转和结余", "收入总计"], [(2, (0, 1), True), (4, (2, 3), True)]),
    # numbered rows: those numbered 1. 2. (or not at all) under 一、 break it down and are no parts of the 合计
    (["一、基本支出", "1.人员经费", "2.公用经费", "二、项目支出", "合计"], [(4, (0, 3), True), (0, (1, 2), False)]),
    (["（一）基本支出", "人员经费", "公用经费", "（二）项目支出", "（三）其他", "合计"],
     [(5, (0, 3, 4), True), (0, (1, 2), False)]),
])
def test_which_rows_a_total_row_sums_is_read_from_the_layout(labels, totals):
    assert [(t.row, t.parts, t.closing) for t in row_totals(labels)] == totals


def test_a_total_whose_rows_as_listed_do_not_make_it_sums_the_rows_that_make_up_the_rows_above_them():
    """Without numbers (a 序号 column taken out), the rows right under a row that make it up are its breakdown."""
    values = [800, 600, 200, 400, 1200]
    labels = ["基本支出", "人员经费", "公用经费", "项目支出", "合计"]

    def adds(whole: int, parts: tuple[int, ...]) -> bool:
        return values[whole] == sum(values[i] for i in parts)

    assert [(t.row, t.parts, t.closing) for t in row_totals(labels, adds)] == [(4, (0, 3), True), (0, (1, 2), False)]
    values[4] = 1250  # the total is questioned over the rows it sums, never over the breakdown as well
    assert [(t.row, t.parts, t.closing) for t in row_totals(labels, adds)] == [(4, (0, 3), True), (0, (1, 2), False)]
    values[0], values[3] = 900, 450  # no row made up by the rows under it: the rows as listed
    assert [(t.row, t.parts, t.closing) for t in row_totals(labels, adds)] == [(4, (0, 1, 2, 3), True)]


# ---------------------------------------------------------------- label–value rows without a header (U57)

PAIRS = ["青溪县自然资源局2024年度部门整体支出绩效自评报告", "一、部门概况", "基础数据表",
         "编制人数{unit}\t60", "在职人数{unit}\t66", "退休人数{unit}\t20", "二、自评结论",
         "经综合评价，本局2024年度部门整体支出绩效自评得分92分，等级为优。"]


@pytest.mark.parametrize("unit", ["", "（人）"])
def test_label_value_rows_without_a_header_fill_the_figures_their_labels_name(tmp_path, unit):
    path = tmp_path / "pairs.txt"
    path.write_text("\n".join(PAIRS).format(unit=unit) + "\n", encoding="utf-8")
    staff = draft_report(path).params["figures"]["staff"]
    assert (staff["authorized"]["value"], staff["on_duty"]["value"], staff["retired"]["value"]) == (60, 66, 20)


def test_a_lone_label_value_row_among_other_rows_is_no_form(tmp_path):
    lines = [*PAIRS[:3], "项目\t预算数\t执行数", "编制人数\t60", "办公设备购置\t20.00\t18.00", *PAIRS[6:]]
    path = tmp_path / "mixed.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "authorized" not in draft_report(path).params.get("figures", {}).get("staff", {})


def test_a_row_wider_than_its_header_is_read_from_the_right():
    header = Header.of(("年度预算申请（万元）", "年初预算数", "全年预算数"), lambda c: "预算数" in c)
    row = header.row(("年度资金总额", "", "1200.00", "1350.00"), _quantified)  # its label merged across two cells
    assert row.label == "年度资金总额"
    assert [(v.at, v.header, v.text) for v in row.values] == [(2, "年初预算数", "1200.00"), (3, "全年预算数", "1350.00")]


@pytest.mark.parametrize("form", ["docx", "tab", "space", "marked", "single", "flat"])
def test_a_rate_column_whose_header_gives_its_unit_holds_bare_rates(tmp_path, form):
    rows = [[c.replace("%", "") if c.endswith("%") else c for c in row] for row in _rows("unlabelled")]
    rows[0] = [c.replace("执行率", "执行率（%）") for c in rows[0]]
    _, rates, lists = _read(draft_report(_write(tmp_path, form, rows)))
    assert ("97.00", "explained", "1067.00", "1100.00") in rates and len(rates) == 4 and len(lists) == 3


# ---------------------------------------------------------------- an indicator named with a number first (V12)

INDICATORS = ["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
              "产出指标\t数量指标\t办理治安案件数（起）\t≥3000\t3218\t20\t20",
              "产出指标\t时效指标\t110警情处置及时率\t≥95%\t98.6%\t30\t30",
              "效益指标\t社会效益指标\t群众安全感指数\t≥90%\t93.2%\t50\t48",
              "总分\t\t\t\t\t100\t98"]


def test_an_indicator_whose_name_starts_with_a_number_is_a_row_of_the_table(tmp_path):
    """110警情处置及时率 is the 110 line's rate, not a value 110: the row was dropped without a word, so the table's
    weights and scores summed short and were questioned, and the recomputed total was off."""
    path = tmp_path / "indicators.txt"
    path.write_text("\n".join([TITLE, "一、绩效自评表", *INDICATORS, *AFTER]) + "\n", encoding="utf-8")
    rows = draft_report(path).params["indicators"]
    assert [r["name"] for r in rows] == ["办理治安案件数（起）", "110警情处置及时率", "群众安全感指数"]
    assert (rows[1]["weight"], rows[1]["claimed_score"], rows[1]["actual"]["value"]) == (30, 30, Decimal("98.6"))


def test_a_total_heading_rows_of_subjects_at_several_levels_is_no_sum_of_them_all(tmp_path):
    """合计 first over 类 and 款 rows (201 / 20101): the rows add up twice over, so no identity is declared from the
    layout alone (one whose rows add up is: the unlabelled layout above)."""
    rows = ["项目\t预算数（万元）", "合计\t300.00", "201一般公共服务支出\t100.00", "20101人大事务\t100.00",
            "205教育支出\t200.00", "20502普通教育\t200.00"]
    path = tmp_path / "subjects.txt"
    path.write_text("\n".join([TITLE, "一、支出预算", *rows, *AFTER]) + "\n", encoding="utf-8")
    assert not [lst for lst in draft_report(path).lists if lst.whole.written == "300.00"]


# ---------------------------------------------------------------- a share column beside the amounts a 合计 row sums

SHARES = [["项目", "预算数（万元）", "决算数（万元）", "决算占比"], ["公务接待费", "8.00", "6.00", "{share}"],
          ["公务用车运行维护费", "20.00", "18.00", "75.00%"], ["合计", "28.00", "24.00", "100.00%"]]


@pytest.mark.parametrize("form", ["docx", "tab", "space", "cell", "marked", "bar", "single"])
def test_a_share_column_is_each_rows_amount_over_the_total_rows(tmp_path, form):
    """决算占比 under a 合计 row: each row's 决算数 over the 合计's (the column its header names), checked whatever its
    value — a wrong share is contradicted, not left unexplained."""
    for share, status in (("25.00%", "explained"), ("30.00%", "contradicted")):
        rows = [[c.format(share=share) for c in row] for row in SHARES]
        (tmp_path / share).mkdir()
        _, rates, _ = _read(draft_report(_write(tmp_path / share, form, rows)))
        assert (share, status, "6.00", "24.00") in rates and ("75.00%", "explained", "18.00", "24.00") in rates


# ---------------------------------------------------------------- the indicator rows however they arrive

TYPED = [["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
         ["产出指标", "数量指标", "培训人次", "≥", "300", "人次", "320", "20", "20", ""],
         ["", "质量指标", "培训合格率", "≥", "95", "%", "96", "30", "30", ""],
         ["效益指标", "社会效益指标", "群众满意度", "≥", "90", "%", "88", "50", "45", "宣传不足"],
         ["合计", "", "", "", "", "", "", "100", "95", ""]]


@pytest.mark.parametrize("form", FORMS)
def test_indicator_rows_with_direction_and_unit_columns_read_alike_however_they_arrive(tmp_path, form):
    """指标性质 and 度量单位 set apart from the value: saved one cell per line (or run together) with the empty cells
    gone, each row's cells are known by what they hold (≥, a number, a short unit word, a number)."""
    draft = draft_report(_write(tmp_path, form, TYPED))
    rows = [(r["name"], r["target"]["value"], r["target"].get("op"), r["target"].get("unit"), r["actual"]["value"],
             r["weight"], r["claimed_score"]) for r in draft.params["indicators"]]
    assert rows == [("培训人次", 300, ">=", "人次", 320, 20, 20), ("培训合格率", 95, ">=", "%", 96, 30, 30),
                    ("群众满意度", 90, ">=", "%", 88, 50, 45)]
    assert draft.params["claims"]["total"] == 95


WORDED = [["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
          ["产出指标", "时效指标", "按期办结率", "=", "100", "%", "100", "40", "40", ""],
          ["效益指标", "社会效益指标", "群众知晓程度", "定性", "明显提高", "", "有所提高", "30", "25", "宣传覆盖不足"],
          ["满意度指标", "服务对象满意度指标", "来访群众满意度", "≥", "90", "%", "", "30", "20", "未开展调查"],
          ["合计", "", "", "", "", "", "", "100", "85", ""]]


@pytest.mark.parametrize("form", FORMS)
def test_worded_targets_and_an_empty_actual_stand_in_their_columns_however_they_arrive(tmp_path, form):
    """A target in words (明显提高) is a value, no unit; a row whose actual was left empty keeps its target."""
    draft = draft_report(_write(tmp_path, form, WORDED))
    rows = [(r["name"], r["target"].get("value", r["target"].get("text")),
             (r.get("actual") or {}).get("value", (r.get("actual") or {}).get("text")), r["weight"], r["claimed_score"])
            for r in draft.params["indicators"]]
    assert rows == [("按期办结率", 100, 100, 40, 40), ("群众知晓程度", "明显提高", "有所提高", 30, 25),
                    ("来访群众满意度", 90, None, 30, 20)]


MERGED_NAME = [["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"],
               ["产出指标", "数量指标", "巡查河道里程", "40", "≥300公里", "320公里", "40"],
               ["效益指标", "社会效益指标", "水质达标率", "50", "≥95%", "96%", "50"],
               ["资金执行率", "", "", "10", "100%", "92.50%", "9.25"]]


@pytest.mark.parametrize("form", ("docx", "html", "tab", "bar"))
def test_a_row_named_in_its_first_cell_across_blank_level_cells_keeps_its_columns(tmp_path, form):
    """A row merged across 一级 to 三级指标 (its name in the first cell, the level cells blank) is its own indicator,
    its values under their columns — not the name's empty cell's neighbours shifted in."""
    from perfeval.intake.report.document import read_document
    from perfeval.intake.report.tables import read_tables

    lines = read_tables(read_document(_write(tmp_path, form, MERGED_NAME)), 2024).lines
    assert [(x.level1, x.name, getattr(x.target, "written", x.target), getattr(x.actual, "written", x.actual),
             x.weight.written, x.score.written if x.score else None) for x in lines][-1] == (
        "资金执行率", "资金执行率", "100%", "92.50%", "10", "9.25")
