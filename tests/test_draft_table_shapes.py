"""Tables in the shapes reports set them that the table readers did not take (issue 19, trial 3's T41, T52, T53):
a header of two rows, a basic-data table with a 单位 column, an 8-column 绩效自评表 of 决策/过程/产出/效益 rows. Each
table is written for these tests, as tab text and, where the shape is Word's, as a .docx giving the same draft."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from perfeval.outputs.draft import draft_report

TITLE = "白沙县气象服务中心2024年度部门整体支出绩效自评报告"
OPENING = ["一、部门基本情况",
           "2024年部门整体支出1860.40万元，其中基本支出960.40万元，项目支出900.00万元。",
           "2024年“三公”经费支出18.00万元，2023年“三公”经费支出24.00万元。"]
CLOSING = ["三、自评结论", "经自评，本中心2024年度部门整体支出绩效自评得分92分，等级为优。"]


def _write_txt(tmp_path: Path, name: str, caption: str, rows: list[list[str]]) -> Path:
    lines = [TITLE, *OPENING, "二、数据表", caption, *("\t".join(r) for r in rows), *CLOSING]
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _write_docx(tmp_path: Path, name: str, caption: str, rows: list[list[str]],
                merges: list[tuple[int, int, int, int]]) -> Path:
    """The table as Word holds it: `merges` as (row, column) to (row, column) spans, their text in the first cell."""
    document = docx.Document()
    for line in [TITLE, *OPENING, "二、数据表", caption]:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r0, c0, r1, c1 in merges:
        text = rows[r0][c0]
        table.cell(r0, c0).merge(table.cell(r1, c1)).text = text
    merged = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) not in merged:
                table.cell(r, c).text = text
    for line in CLOSING:
        document.add_paragraph(line)
    path = tmp_path / f"{name}.docx"
    document.save(path)
    return path


def _without_file_names(draft) -> dict:
    params = dict(draft.params)
    params["unit"] = {k: v for k, v in params["unit"].items() if k != "document"}
    params.pop("drafted_from", None)
    return params


def _claim(draft, label_part: str) -> dict:
    return next(r for r in draft.params["claims"].get("ratios", []) if label_part in r["label"])


# ---------------------------------------------------------------- a header of two rows (T52)

TWO_ROW_HEADER = [["项目", "决算数（万元）", "", "变动率"],
                  ["", "2023年", "2024年", ""],
                  ["“三公”经费", "24.00", "18.00", "{rate}"],
                  ["公务接待费", "6.00", "4.50", "-25%"]]
TWO_ROW_MERGES = [(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 1, 3)]  # 项目 and 变动率 merged down, 决算数 across


def _two_row(rate: str) -> list[list[str]]:
    return [[c.format(rate=rate) for c in row] for row in TWO_ROW_HEADER]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_header_of_two_rows_names_each_column_by_its_group_and_its_year(tmp_path, fmt):
    rows = _two_row("-25%")
    path = _write_txt(tmp_path, "ok", "“三公”经费对比", rows) if fmt == "txt" \
        else _write_docx(tmp_path, "ok", "“三公”经费对比", rows, TWO_ROW_MERGES)
    draft = draft_report(path)
    reception = draft.params["figures"]["lines"]["sangong_reception"]
    assert (reception["prev_final"]["value"], reception["final"]["value"]) == (Decimal("6.00"), Decimal("4.50"))
    assert "2023年决算数（万元）" in reception["prev_final"]["source"]  # the column named by both header rows
    change = _claim(draft, "公务接待费")
    assert (change["numerator"], change["denominator"], change["kind"]) == (
        "lines.sangong_reception.final", "lines.sangong_reception.prev_final", "change")
    assert not any("（未载明）" == s.get("label") for s in draft.params.get("stated", []))


def test_a_wrong_change_under_a_two_row_header_is_questioned_and_docx_drafts_as_txt(tmp_path):
    rows = _two_row("25%")  # (18 − 24) ÷ 24 = −25 %
    txt = draft_report(_write_txt(tmp_path, "wrong", "“三公”经费对比", rows))
    word = draft_report(_write_docx(tmp_path, "wrong", "“三公”经费对比", rows, TWO_ROW_MERGES))
    assert _without_file_names(txt) == _without_file_names(word)
    wrong = next(r for r in txt.rates if r.rate.written == "25%")
    assert wrong.status == "contradicted"


def test_a_second_row_of_values_is_no_header(tmp_path):
    rows = [["项目", "金额（万元）", "", "备注"], ["", "120.00", "80.00", ""], ["合计", "200.00", "", ""]]
    draft = draft_report(_write_txt(tmp_path, "values", "支出情况", rows))
    assert any(s.get("value") == Decimal("120.00") for s in draft.params.get("stated", []))


# ---------------------------------------------------------------- a label-value table with a 单位 column (T53)

UNIT_COLUMN = [["指标", "单位", "数值"],
               ["核定编制", "人", "40"],
               ["实有人数", "人", "38"],
               ["部门整体支出", "万元", "1860.40"],
               ["“三公”经费", "万元", "{sangong}"]]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_rows_label_names_the_catalogue_figure_its_value_fills_as_the_same_words_in_a_sentence_would(tmp_path, fmt):
    rows = [[c.format(sangong="18.00") for c in row] for row in UNIT_COLUMN]
    path = _write_txt(tmp_path, "unit", "基础数据", rows) if fmt == "txt" \
        else _write_docx(tmp_path, "unit", "基础数据", rows, [])
    figures = draft_report(path).params["figures"]
    assert figures["staff"]["authorized"]["value"] == Decimal(40)
    assert figures["staff"]["total"]["value"] == Decimal(38)  # 实有人数, as the prose reader files it
    assert "单位见“单位”列：人" in figures["staff"]["total"]["note"]
    assert figures["lines"]["sangong"]["final"]["value"] == Decimal("18.00")


def test_a_table_stating_another_value_than_the_prose_is_questioned_as_one_figure_said_twice(tmp_path):
    rows = [[c.format(sangong="21.00") for c in row] for row in UNIT_COLUMN]
    draft = draft_report(_write_txt(tmp_path, "unit_other", "基础数据", rows))
    sangong = [s for s in draft.params["claims"]["statements"] if s["figure"] == "lines.sangong.final"]
    assert [s["value"] for s in sangong] == [Decimal("18.00")]  # the prose's, against the table's 21.00
    assert draft.params["figures"]["lines"]["sangong"]["final"]["value"] == Decimal("21.00")


def test_a_label_value_table_keeps_a_figure_of_another_unit_as_the_units_own(tmp_path):
    rows = [["指标", "单位", "数值"], ["核定编制", "万元", "40"], ["办公用房面积", "平方米", "1200"]]
    draft = draft_report(_write_txt(tmp_path, "odd_unit", "基础数据", rows))
    assert "staff" not in draft.params["figures"]  # 编制 in 万元 is no head count
    assert {s["label"] for s in draft.params["stated"]} >= {"核定编制·数值", "办公用房面积·数值"}


# ---------------------------------------------------------------- an 8-column 绩效自评表 (T41)

EIGHT = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]
DECISION_ROWS = [["决策", "项目立项", "立项依据充分性", "充分", "充分", "20", "20", "无"],
                 ["过程", "资金管理", "资金到位率", "100%", "100%", "30", "28", "无"],
                 ["产出", "产出数量", "气象预警发布次数", "≥300次", "326次", "30", "30", "无"],
                 ["效益", "满意度", "服务对象满意度", "≥90%", "93%", "20", "18", "无"]]


def _eight_column(total: str) -> list[list[str]]:
    return [EIGHT, *DECISION_ROWS, ["总分", "", "", "", "", "100", total, ""]]


def _findings(draft, tmp_path: Path):
    from perfeval.checks import run_checks
    from perfeval.core.engine import load_unit
    from perfeval.outputs.draft import write_draft

    return run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))


def test_rows_of_a_framework_the_tool_lacks_are_read_as_figures_and_those_without_a_place_are_said(tmp_path):
    from perfeval.outputs.draft.review import reviewed
    from perfeval.outputs.draft.writer import params_text

    draft = draft_report(_write_txt(tmp_path, "eight", "绩效自评表", _eight_column("96")))
    stated = {s["label"]: s for s in draft.params["stated"]}
    assert stated["气象预警发布次数·得分"]["value"] == Decimal(30)
    assert stated["资金到位率·实际完成值"]["value"] == Decimal(100)
    unplaced = [s for s in draft.params["stated"] if "没有对应指标" in s.get("note", "")]
    assert [s["label"] for s in unplaced] == ["立项依据充分性·分值", "资金到位率·分值"]  # 决策 and 过程 rows
    assert "“决策／项目立项”" in unplaced[0]["note"]
    assert reviewed(params_text(draft)).to_check >= 2  # listed first on the review page
    sums = {lst.whole.label: lst for lst in draft.lists if lst.shape == "summed"}
    assert sums["总分·得分"].complete and [p.written for p in sums["总分·得分"].parts] == ["20", "28", "30", "18"]
    assert sums["总分·分值"].complete


def test_a_total_its_rows_do_not_make_is_questioned_and_a_docx_drafts_as_the_txt(tmp_path):
    rows = _eight_column("98")  # the rows score 96
    txt = draft_report(_write_txt(tmp_path, "eight_wrong", "绩效自评表", rows))
    word = draft_report(_write_docx(tmp_path, "eight_wrong", "绩效自评表", rows, []))
    assert _without_file_names(txt) == _without_file_names(word)
    wrong = [f for f in _findings(txt, tmp_path) if "总分·得分" in f.message]
    assert len(wrong) == 1 and wrong[0].candidate and "96" in wrong[0].message


def test_rows_whose_levels_are_named_loosely_are_placed_in_the_framework(tmp_path):
    rows = [EIGHT,
            ["产出指标（50分）", "产出数量", "气象预警发布次数", "≥300次", "326次", "30", "30", ""],
            ["", "质量", "预报准确率", "≥85%", "88%", "20", "20", ""],
            ["效益指标（30分）", "社会效益", "服务人次", "≥5万人次", "5.4万人次", "30", "28", ""],
            ["满意度指标（10分）", "", "服务对象满意度", "≥90%", "93%", "10", "9", ""],
            ["总分", "", "", "", "", "90", "87", ""]]
    draft = draft_report(_write_txt(tmp_path, "loose", "绩效自评表", rows))
    placed = [(r["level2"], r["name"]) for r in draft.params["indicators"]]
    assert placed == [("数量指标", "气象预警发布次数"), ("质量指标", "预报准确率"), ("社会效益", "服务人次"),
                      ("服务对象满意度", "服务对象满意度")]
    assert "表中写作“产出数量”" in draft.notes[id(draft.params["indicators"][0])]
    assert id(draft.params["indicators"][2]) not in draft.notes  # 社会效益 is the framework's own name


# ---------------------------------------------------------------- a table saved one cell per line (T24)

def _staff_report(tmp_path: Path, name: str, staff: str) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text("\n".join([TITLE, "一、部门基本情况", "（一）人员情况", staff, "（二）支出情况", *OPENING[1:],
                               *CLOSING]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("staff", ["人员编制\n40\n实有人数\n43", "人员编制 |\n40 |\n实有人数 |\n43 |",
                                   "人员编制40人，实有人数43人。"])
def test_a_one_cell_per_line_table_is_a_table_and_its_staff_above_the_establishment_is_asked(tmp_path, staff):
    draft = draft_report(_staff_report(tmp_path, "staff", staff))
    assert draft.params["figures"]["staff"]["authorized"]["value"] == Decimal(40)
    assert draft.params["figures"]["staff"]["total"]["value"] == Decimal(43)  # as prose files 实有人数
    asked = [f for f in _findings(draft, tmp_path) if f.check == "staff_total_above_establishment"]
    assert len(asked) == 1 and asked[0].severity == "info" and "超编 3人" in asked[0].message


@pytest.mark.parametrize("staff", ["人员编制40人，实有人数43人，其中在职38人，退休5人。", "人员编制40人，实有人数38人。"])
def test_staff_whose_total_counts_retirees_or_stays_within_the_establishment_is_not_asked(tmp_path, staff):
    draft = draft_report(_staff_report(tmp_path, "staff_ok", staff))
    assert not [f for f in _findings(draft, tmp_path) if "establishment" in f.check]


# ---------------------------------------------------------------- a table turned on its side (T53)

TURNED = [["年度", "“三公”经费", "公务接待费"],
          ["2023年", "24.00", "6.00"],
          ["2024年", "18.00", "4.50"],
          ["变动率", "{rate}", "-25%"]]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_table_with_the_years_down_its_side_is_read_as_the_same_table_turned(tmp_path, fmt):
    rows = [[c.format(rate="-25%") for c in row] for row in TURNED]
    path = _write_txt(tmp_path, "turned", "“三公”经费（单位：万元）", rows) if fmt == "txt" \
        else _write_docx(tmp_path, "turned", "“三公”经费（单位：万元）", rows, [])
    draft = draft_report(path)
    reception = draft.params["figures"]["lines"]["sangong_reception"]
    assert (reception["prev_final"]["value"], reception["final"]["value"]) == (Decimal("6.00"), Decimal("4.50"))
    change = _claim(draft, "公务接待费")
    assert (change["numerator"], change["denominator"]) == ("lines.sangong_reception.final",
                                                            "lines.sangong_reception.prev_final")


def test_a_wrong_change_in_a_turned_table_is_checked_against_its_own_column(tmp_path):
    rows = [[c.format(rate="25%") for c in row] for row in TURNED]
    draft = draft_report(_write_txt(tmp_path, "turned_wrong", "“三公”经费（单位：万元）", rows))
    wrong = next(r for r in draft.rates if r.rate.written == "25%")
    assert wrong.status == "contradicted" and wrong.reading is not None
    assert (wrong.reading.numerator.written, wrong.reading.denominator.written) == ("18.00", "24.00")


def test_a_web_pages_header_of_two_rows_merged_by_rowspan_and_colspan_drafts_as_the_txt(tmp_path):
    cells = "".join
    head = ("<tr><td rowspan='2'>项目</td><td colspan='2'>决算数（万元）</td><td rowspan='2'>变动率</td></tr>"
            "<tr><td>2023年</td><td>2024年</td></tr>")
    body = "".join("<tr>" + cells(f"<td>{c}</td>" for c in row) + "</tr>" for row in _two_row("25%")[2:])
    paragraphs = "".join(f"<p>{line}</p>" for line in [TITLE, *OPENING, "二、数据表", "“三公”经费对比"])
    closing = "".join(f"<p>{line}</p>" for line in CLOSING)
    page = tmp_path / "wrong.html"
    page.write_text(f"<html><body>{paragraphs}<table>{head}{body}</table>{closing}</body></html>", encoding="utf-8")
    txt = draft_report(_write_txt(tmp_path, "wrong", "“三公”经费对比", _two_row("25%")))
    assert _without_file_names(draft_report(page)) == _without_file_names(txt)


# ---------------------------------------------------------------- the national form's funds set in two columns

FUNDS = [["年度预算申请（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
         ["年度资金总额", "1860.40", "1860.40", "1860.40", "10", "100%", "10"],
         ["按收入性质分：", "1860.40", "按支出性质分：", "1860.40"],
         ["其中：一般公共预算：", "1700.40", "其中：基本支出：", "960.40"],
         ["政府性基金拨款：", "160.00", "项目支出：", "{project}"]]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_forms_two_columns_of_label_and_value_give_each_value_its_own_label_and_each_side_its_sum(tmp_path, fmt):
    rows = [[c.format(project="900.00") for c in row] for row in FUNDS]
    path = _write_txt(tmp_path, "funds", "部门整体支出绩效自评表", rows) if fmt == "txt" \
        else _write_docx(tmp_path, "funds", "部门整体支出绩效自评表", rows, [])
    draft = draft_report(path)
    stated = {s["label"]: s["value"] for s in draft.params["stated"]}
    assert stated["基本支出"] == Decimal("960.40")  # under 全年预算数's column, but 基本支出's value, not 一般公共预算's
    assert stated["一般公共预算"] == Decimal("1700.40") and stated["按支出性质分"] == Decimal("1860.40")
    sums = {lst.whole.label: (lst.complete, [p.label for p in lst.parts]) for lst in draft.lists}
    assert sums["按收入性质分"] == (True, ["一般公共预算", "政府性基金拨款"])
    assert sums["按支出性质分"] == (True, ["基本支出", "项目支出"])


def test_words_after_a_rows_last_value_are_a_note_not_a_label_of_a_second_column(tmp_path):
    rows = [FUNDS[0], ["年度资金总额", "1860.40", "1860.40", "1800.00", "10", "96.75%", "9.7"],
            ["其中：当年财政拨款", "1700.40", "1700.40", "1650.00", "", "97.04%", "", "部分项目延后"]]
    labels = {s["label"] for s in draft_report(_write_txt(tmp_path, "note", "自评表", rows)).params.get("stated", [])}
    assert "其中：当年财政拨款·全年执行数" in labels  # under its column, not labelled by the row alone


def test_a_side_whose_parts_do_not_make_its_whole_is_questioned(tmp_path):
    rows = [[c.format(project="890.00") for c in row] for row in FUNDS]
    draft = draft_report(_write_txt(tmp_path, "funds_wrong", "部门整体支出绩效自评表", rows))
    wrong = [f for f in _findings(draft, tmp_path) if "按支出性质分" in f.message]
    assert len(wrong) == 1 and wrong[0].candidate and "1,850.40" in wrong[0].message


# ---------------------------------------------------------------- a 执行率 column checked against its own row

EXECUTION = [["项目", "预算数（万元）", "执行数（万元）", "执行率"],
             ["办公经费", "10.00", "9.00", "{rate}"],
             ["培训经费", "20.00", "20.00", "100%"]]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_rate_column_its_rows_cells_do_not_give_is_contradicted_not_left_unexplained(tmp_path, fmt):
    rows = [[c.format(rate="95%") for c in row] for row in EXECUTION]  # 9 ÷ 10 = 90 %
    path = _write_txt(tmp_path, "execution", "预算执行情况", rows) if fmt == "txt" \
        else _write_docx(tmp_path, "execution", "预算执行情况", rows, [])
    found = {r.rate.written: r for r in draft_report(path).rates if r.rate.where.in_table}
    assert found["95%"].status == "contradicted" and found["95%"].reading is not None
    assert (found["95%"].reading.numerator.written, found["95%"].reading.denominator.written) == ("9.00", "10.00")
    assert found["100%"].status == "explained"


def test_a_rate_column_over_the_start_and_the_whole_years_budget_is_of_the_whole_years(tmp_path):
    rows = [["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["专项经费", "10.00", "12.00", "9.00", "10", "{rate}", "10"]]
    found = {r.rate.written: r for rate in ("75%", "90%") for r in draft_report(_write_txt(
        tmp_path, f"budgets_{rate[:2]}", "预算执行情况", [[c.format(rate=rate) for c in row] for row in rows])).rates}
    assert found["75%"].status == "explained"  # 9 ÷ 12, as the national 自评表 defines 执行率
    assert found["90%"].status == "contradicted" and found["90%"].reading is not None
    assert found["90%"].reading.denominator.written == "12.00"


def test_a_rate_its_rows_score_and_weight_give_by_chance_is_judged_by_its_columns(tmp_path):
    rows = [["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "120.00", "120.00", "100.00", "10", "100%", "10"]]  # 10 ÷ 10 and 120 ÷ 120 give 100 %
    found = [r for r in draft_report(_write_txt(tmp_path, "by_chance", "预算执行情况", rows)).rates
             if r.rate.written == "100%"]
    assert [r.status for r in found] == ["contradicted"]  # 100 ÷ 120 = 83.33 %


# ---------------------------------------------------------------- year columns; a table of projects (trial 4)

TWO_YEARS = [["项目", "2023年", "2024年"], ["部门整体支出", "1750.00", "1860.40"], ["基本支出", "900.00", "960.40"],
             ["项目支出", "850.00", "{project}"]]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_column_headed_by_a_year_fills_that_years_figures_its_rows_name(tmp_path, fmt):
    rows = [[c.format(project="900.00") for c in row] for row in TWO_YEARS]
    path = _write_txt(tmp_path, "years", "支出情况（单位：万元）", rows) if fmt == "txt" \
        else _write_docx(tmp_path, "years", "支出情况（单位：万元）", rows, [])
    lines = draft_report(path).params["figures"]["lines"]
    assert (lines["basic"]["prev_final"]["value"], lines["basic"]["final"]["value"]) == (Decimal("900.00"),
                                                                                         Decimal("960.40"))


def test_a_year_column_in_thousands_keeps_its_unit_and_a_wrong_row_is_questioned(tmp_path):
    rows = [[c.format(project="890.00") for c in row] for row in TWO_YEARS]
    draft = draft_report(_write_txt(tmp_path, "years_wrong", "支出情况（单位：千元）", rows))
    assert draft.params["figures"]["lines"]["total"]["final"]["unit"] == "千元"
    assert [f for f in _findings(draft, tmp_path) if f.candidate and "项目支出" in f.message]


PROJECTS = [["项目名称", "全年预算数", "全年执行数", "执行率"], ["气象观测站维护", "800.00", "760.00", "95.00%"],
            ["预警信息发布", "700.00", "660.00", "98.00%"], ["合计", "1500.00", "1420.00", "94.67%"]]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_table_of_projects_states_the_projects_not_the_departments_budget(tmp_path, fmt):
    path = _write_txt(tmp_path, "projects", "项目执行情况（单位：万元）", PROJECTS) if fmt == "txt" \
        else _write_docx(tmp_path, "projects", "项目执行情况（单位：万元）", PROJECTS, [])
    draft = draft_report(path)
    assert "budget" not in draft.params["figures"]  # its 合计 is the projects' total
    found = {r.rate.written: r.status for r in draft.rates}
    assert found["98.00%"] == "contradicted" and found["95.00%"] == "explained"  # 660 ÷ 700 = 94.29 %
    sums = [lst for lst in draft.lists if lst.whole.written == "1500.00"]
    assert sums and sums[0].complete


# ---------------------------------------------------------------- a 三公 table with no label column

SANGONG = [["“三公”经费合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费"],
           ["", "", "小计", "公务用车购置费", "公务用车运行费", ""],
           ["79.00", "0.00", "75.00", "50.00", "{running}", "4.00"]]
SANGONG_MERGES = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4), (0, 5, 1, 5)]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_table_of_columns_without_a_label_column_labels_each_value_by_its_column_and_sums_its_groups(tmp_path, fmt):
    rows = [[c.format(running="25.00") for c in row] for row in SANGONG]
    path = _write_txt(tmp_path, "sangong", "“三公”经费支出预算表（单位：万元）", rows) if fmt == "txt" \
        else _write_docx(tmp_path, "sangong", "“三公”经费支出预算表（单位：万元）", rows, SANGONG_MERGES)
    draft = draft_report(path)
    labels = {m.written: m.label for m in draft.placed if m.where.in_table}
    assert labels["79.00"] == "“三公”经费合计" and labels["4.00"] == "公务接待费"  # not shifted one column left
    sums = {lst.whole.label: [p.label for p in lst.parts] for lst in draft.lists if lst.complete}
    assert sums["公务用车购置及运行费·小计"] == ["公务用车购置及运行费·公务用车购置费", "公务用车购置及运行费·公务用车运行费"]
    assert sums["“三公”经费合计"] == ["因公出国(境)费", "公务用车购置及运行费·小计", "公务接待费"]


def test_a_groups_subtotal_its_columns_do_not_make_is_questioned(tmp_path):
    rows = [[c.format(running="24.00") for c in row] for row in SANGONG]
    draft = draft_report(_write_txt(tmp_path, "sangong_wrong", "“三公”经费支出预算表（单位：万元）", rows))
    assert [f for f in _findings(draft, tmp_path) if f.candidate and "小计" in f.message]


# ---------------------------------------------------------------- a report laid out in a table's cells (trial 4 U46)

LAID_OUT = ["一、部门基本情况", "（一）机构人员", "本中心核定编制40人。", "（二）支出情况", *OPENING[1:]]


def test_a_heading_inside_a_word_cell_stands_on_its_own_line_so_the_sentence_under_it_is_read(tmp_path):
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "部门概况"
    cell = table.cell(0, 1)
    cell.text = LAID_OUT[0]
    for line in LAID_OUT[1:]:
        cell.add_paragraph(line)
    table.cell(1, 0).text, table.cell(1, 1).text = "自评结论", CLOSING[1]
    document.save(tmp_path / "laid_out.docx")
    figures = draft_report(tmp_path / "laid_out.docx").params["figures"]
    assert figures["lines"]["total"]["final"]["value"] == Decimal("1860.40")  # was labelled 二）支出情况2024年…
    assert figures["staff"]["authorized"]["value"] == Decimal(40)


def test_a_heading_inside_a_web_pages_cell_stands_on_its_own_line(tmp_path):
    cell = "".join(f"<p>{line}</p>" for line in LAID_OUT)
    page = tmp_path / "laid_out.html"
    page.write_text(f"<html><body><p>{TITLE}</p><table><tr><td>部门概况</td><td>{cell}</td></tr></table>"
                    f"<p>{CLOSING[1]}</p></body></html>", encoding="utf-8")
    assert draft_report(page).params["figures"]["lines"]["total"]["final"]["value"] == Decimal("1860.40")


@pytest.mark.parametrize("name, caption, rows", [
    ("two_row", "“三公”经费对比", _two_row("25%")),
    ("unit_column", "基础数据", [[c.format(sangong="21.00") for c in row] for row in UNIT_COLUMN]),
    ("turned", "“三公”经费（单位：万元）", [[c.format(rate="25%") for c in row] for row in TURNED]),
    ("eight_column", "绩效自评表", _eight_column("98")),
    ("funds", "部门整体支出绩效自评表", [[c.format(project="890.00") for c in row] for row in FUNDS]),
    ("execution", "预算执行情况", [[c.format(rate="95%") for c in row] for row in EXECUTION]),
    ("sangong", "“三公”经费支出预算表（单位：万元）", [[c.format(running="24.00") for c in row] for row in SANGONG])])
def test_a_pdf_of_each_shape_drafts_as_its_txt(tmp_path, name, caption, rows):
    from report_files import truetype_font, write_pdf

    from perfeval.intake.report.document import read_document

    txt = _write_txt(tmp_path, name, caption, rows)
    font = truetype_font(txt.read_text(encoding="utf-8"), tmp_path / "font.ttf")
    pdf = write_pdf(read_document(txt), tmp_path / f"{name}.pdf", font)
    assert _without_file_names(draft_report(pdf)) == _without_file_names(draft_report(txt))



def _table_sums(draft) -> list[tuple[str, list[str], bool]]:
    return sorted((x.whole.written, sorted(p.written for p in x.parts), x.complete) for x in draft.lists
                  if x.whole.where.in_table)


def _padded_page(tmp_path: Path, rows: list[list[str]]) -> Path:
    """The table as a web page saves it as text: a cell a line with a | after it, the cells merged across or down
    gone, each row padded to the table's width by a line of as many bars as it lost cells."""
    lines = [TITLE, *OPENING, "二、数据表", "单位：万元"]
    for row in rows:
        kept = [c for c in row if c]
        lines += [f"{c} |" for c in kept] + (["|" * (len(row) - len(kept))] if len(kept) < len(row) else [])
    path = tmp_path / "page.txt"
    path.write_text("\n".join([*lines, *CLOSING]) + "\n", encoding="utf-8")
    return path


def test_a_header_of_two_rows_saved_a_cell_a_line_with_each_row_padded_is_read_as_word_holds_it(tmp_path):
    """The group over the columns its second row names is the cell whose words those names open with."""
    rows = [[c.format(running="25.00") for c in row] for row in SANGONG]
    as_page = draft_report(_padded_page(tmp_path, rows))
    as_word = draft_report(_write_docx(tmp_path, "word", "单位：万元", rows, SANGONG_MERGES))
    assert _table_sums(as_page) == _table_sums(as_word) == [("75.00", ["25.00", "50.00"], True),
                                                            ("79.00", ["0.00", "4.00", "75.00"], True)]


def test_a_second_row_no_cell_of_the_first_heads_is_left_as_it_was(tmp_path):
    rows = [["合计", "差旅费", "会议费", "", "培训费"], ["", "", "国内", "国外", ""], ["9.00", "3.00", "2.00", "1.00", "3.00"]]
    assert _table_sums(draft_report(_padded_page(tmp_path, rows))) == []  # which cell 国内 / 国外 stand under: unsaid
