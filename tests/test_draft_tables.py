"""Tables however they arrive (issue 19): a 绩效自评表 saved one cell per line or pasted with tabs, read into the same
indicator rows, with the claimed total taken from the 得分 column. Every table here is written for these tests."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfeval.intake.report.document import build
from perfeval.outputs.draft import draft_report

TITLE = "松岭县林业局2023年度部门整体支出绩效自评报告"
HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
# one table, as a Word table holds it: merged level cells stand on the first row they span
ROWS = [["产出指标（50分）", "数量指标", "完成造林面积", "≥1200亩", "1350亩", "20", "20", ""],
        ["", "", "森林防火巡查次数", "≥200次", "215", "10", "10", ""],
        ["", "时效指标", "任务按时完成率", "100%", "95%", "20", "18", "两项任务因汛期延后"],
        ["效益指标（40分）", "社会效益指标", "带动就业人数", "≥50人", "62人", "40", "40", ""],
        ["满意度指标（10分）", "服务对象满意度指标", "群众满意度", "≥90%", "96%", "10", "10", ""]]
TOTAL = ["总分", "", "", "", "", "100", "98", ""]


def draft_of(tmp_path: Path, text: str):
    report = tmp_path / "report.txt"
    report.write_text(f"{TITLE}\n一、绩效自评表\n{text}\n二、说明\n本局全年支出总额1520.30万元。\n", encoding="utf-8")
    return draft_report(report)


def indicators(draft) -> list[tuple]:
    return [(r["name"], r["target"].get("value"), r["actual"].get("value"), r["actual"].get("unit"), r["weight"],
             r["claimed_score"]) for r in draft.params.get("indicators", [])]


def one_cell_per_line() -> str:
    """The table as a web page saves it: every filled cell on a line of its own, empty ones gone."""
    return "\n".join(c for row in [HEADER, *ROWS, TOTAL] for c in row if c) + "\n自评等级\n优"


def with_tabs() -> str:
    return "\n".join("\t".join(row) for row in [HEADER, *ROWS, TOTAL])


EXPECTED = [("完成造林面积", Decimal(1200), Decimal(1350), "亩", Decimal(20), Decimal(20)),
            ("森林防火巡查次数", Decimal(200), Decimal(215), "次", Decimal(10), Decimal(10)),  # 215: the target's unit
            ("任务按时完成率", Decimal(100), Decimal(95), "%", Decimal(20), Decimal(18)),
            ("带动就业人数", Decimal(50), Decimal(62), "人", Decimal(40), Decimal(40))]


def test_a_self_assessment_table_saved_one_cell_per_line_is_a_table(tmp_path):
    draft = draft_of(tmp_path, one_cell_per_line())
    assert indicators(draft)[:4] == EXPECTED
    assert draft.params["claims"]["total"] == Decimal(98) and draft.params["claims"]["grade"] == "优"
    scores = [m for m in draft.placed if m.written in ("20", "10", "18", "40")]
    assert scores and all(m.quantity.unit == "分" for m in scores)  # a score cell is in 分, never a bare number
    assert {m.label: m.written for m in draft.placed}["产出指标·分值"] == "50分"  # the level's own points


def test_a_one_cell_per_line_table_that_does_not_close_is_read_for_its_figures_not_as_the_indicator_table(tmp_path):
    cut = "\n".join(c for row in [HEADER, *ROWS[:3]] for c in row if c)  # an excerpt: the page ends mid-table
    draft = draft_of(tmp_path, cut)
    assert "indicators" not in draft.params  # its weights would be summed as if whole
    assert {m.label: m.written + m.quantity.unit for m in draft.placed}["任务按时完成率·得分"] == "18分"


def test_a_forms_blank_cells_saved_as_spaces_and_column_names_broken_in_their_cells():
    lines = ["项目资金", "(万元)", "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
             "年度资金总额", "43.20", "43.20", "37.24", "10", "86%", "8.6", "其中:当年财政拨款", "43.20", "43.20",
             "37.24", " ", " ", " ", "上年结转资金", " ", " ", " ", " ", " ", " "]
    rows = [b.cells for b in build("<test>", ["\n\n".join(lines)]).blocks if b.kind == "row"]
    assert rows[0] == ("", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
    assert rows[1] == ("年度资金总额", "43.20", "43.20", "37.24", "10", "86%", "8.6")


def test_the_one_cell_per_line_table_reads_as_the_same_table_pasted_with_tabs(tmp_path):
    assert indicators(draft_of(tmp_path, one_cell_per_line())) == indicators(draft_of(tmp_path, with_tabs()))
    assert draft_of(tmp_path, with_tabs()).params["claims"]["total"] == Decimal(98)  # 得分, not the weights' 100


def test_rebuilt_rows_keep_the_columns_and_the_deviation_note():
    rows = [b.cells for b in build("<test>", [one_cell_per_line()]).blocks if b.kind == "row"]
    assert rows[0] == tuple(HEADER)
    assert rows[2] == ("", "", "森林防火巡查次数", "≥200次", "215", "10", "10")
    assert rows[3] == ("", "时效指标", "任务按时完成率", "100%", "95%", "20", "18", "两项任务因汛期延后")
    assert rows[-1] == ("自评等级", "优")


def test_lines_that_only_look_like_a_header_stay_paragraphs():
    lines = ["一级指标", "二级指标", "分值", "得分", "本局认真开展自评工作。", "10", "10"]
    assert all(b.kind == "paragraph" for b in build("<test>", ["\n".join(lines)]).blocks)


# ---------------------------------------------------------------- what numbers a table, and the unit a table states

def placed(draft) -> dict[str, str]:
    return {m.label: m.written + m.quantity.unit * (not m.written.endswith(m.quantity.unit)) for m in draft.placed}


def test_row_numbers_column_numbers_and_the_caption_number_are_no_figures_and_the_caption_gives_the_unit(tmp_path):
    draft = draft_of(tmp_path, "\n".join([
        "表3 “三公”经费支出情况", "单位：万元",
        "序号\t项目\t2022年决算\t2023年决算\t增减率", "栏次\t1\t2\t3\t4",
        "1\t公务接待费\t2.40\t1.80\t-25%", "2\t公务用车运行维护费\t6.00\t5.40\t-10%"]))
    got = placed(draft)
    assert got["公务接待费·2023年决算"] == "1.80万元" and got["公务用车运行维护费·2022年决算"] == "6.00万元"
    assert got["公务接待费·增减率"] == "-25%"  # a rate column keeps its own unit
    assert not [m for m in draft.placed if m.written in ("1", "2", "3", "4")]


def test_a_table_in_yuan_says_so_and_a_count_column_takes_no_money_unit(tmp_path):
    draft = draft_of(tmp_path, "\n".join([
        "（金额单位：元）", "科室\t支出金额\t人数", "办公室\t120000\t6", "业务股\t84000\t4"]))
    got = placed(draft)
    assert got["办公室·支出金额"] == "120000元" and got["业务股·人数"] == "4"


def test_a_two_column_form_is_read_as_its_pairs_whether_set_with_tabs_or_flattened_onto_a_line(tmp_path):
    for text in ("编制数\t42\t实有人数\t40\n在职人员控制率\t95.24%\t聘用人员\t3",
                 "编制数 42 实有人数 40 在职人员控制率 95.24% 聘用人员 3"):
        draft = draft_of(tmp_path, text)
        staff = draft.params["figures"]["staff"]
        assert (staff["authorized"]["value"], staff["total"]["value"]) == (42, 40), text
        assert placed(draft)["在职人员控制率"] == "95.24%"


def test_a_line_of_words_and_page_numbers_or_a_sentence_is_no_form():
    from perfeval.intake.report.cell_lines import _pairs

    assert _pairs("编制数 42 实有人数 40") == [("编制数", "42"), ("实有人数", "40")]
    assert _pairs("部门概况 3 部门职责说明 4") == []  # a contents line
    assert _pairs("其中行政编制 12 事业编制 22") == []  # a list: read as prose, with its total
    assert _pairs("全年完成巡查 42 次，整改 40 处。") == []


# ---------------------------------------------------------------- a table laid out with spaces (a PDF's text copy)

SPACED = ["                                      单位：万元",
          "  项目名称          年初预算     调整后预算     实际支出     执行率",
          "  基本支出           320.00        335.00       330.10     98.54%",
          "  项目支出                         210.00       205.40     97.81%",
          "    其中：河道清淤   120.00        120.00       118.50     98.75%",
          "  合    计           440.00        545.00       535.50     98.26%"]


def test_a_space_aligned_table_keeps_its_columns_where_a_cell_is_blank_or_a_label_is_letterspaced():
    from perfeval.intake.documents import aligned_rows

    rows = aligned_rows(SPACED)
    assert rows[3] == ("项目支出", "", "210.00", "205.40", "97.81%")  # the blank 年初预算 stays blank
    assert rows[5] == ("合计", "440.00", "545.00", "535.50", "98.26%")
    assert 0 not in rows


def test_a_space_aligned_table_reads_its_total_row_and_a_sub_row_is_no_part_of_the_total(tmp_path):
    draft = draft_of(tmp_path, "\n".join(SPACED))
    got = placed(draft)
    assert got["合计·调整后预算"] == "545.00万元" and got["项目支出·调整后预算"] == "210.00万元"
    assert draft.params["figures"]["budget"]["adjusted"]["value"] == Decimal("545.00")  # the total row states it
    assert not [lst for lst in draft.lists if [p.written for p in lst.parts] == ["120.00"]
                and lst.whole.written in ("320.00", "440.00")]  # 其中 under 项目支出 is not a part of 基本支出 or 合计


# ---------------------------------------------------------------- a form saved one cell per line with every cell marked

def marked(*cells: str) -> str:
    """Cells as a web page saves them with a | after every cell, an empty cell a lone |."""
    return "\n".join(f"{c} |" if c else "|" for c in cells)


def test_a_marked_form_with_direction_and_unit_columns_is_read_by_its_header(tmp_path):
    header = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"]
    text = marked("预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重",
                  "得分", "总额", "86.40", "90.00", "88.20", "98.00%", "10", "9.8",
                  "其中:财政资金", "80.00", "84.00", "82.20", "97.86%", "/", "/",
                  "单位资金", "6.40", "6.00", "6.00", "100.00%", "/", "/",
                  "绩效指标(90分)", *header,
                  "产出指标", "数量指标", "完成检测批次", "≥", "120", "批次", "126", "50", "50", "",
                  "效益指标", "社会效益指标", "群众满意度", "≥", "90", "%", "", "40", "", "",
                  "合计", "100", "", "")
    draft = draft_of(tmp_path, text)
    rows = [(r["name"], r["target"], r.get("actual"), r["weight"]) for r in draft.params["indicators"]]
    assert rows[0] == ("完成检测批次", {"value": Decimal(120), "unit": "批次", "op": ">="},
                       {"value": Decimal(126), "unit": "批次"}, Decimal(50))
    assert rows[1][1] == {"value": Decimal(90), "unit": "%", "op": ">="} and rows[1][2] is None  # 完成值 left blank
    assert "total" not in draft.params["claims"]  # 合计 100 stands under 权重: the weights' sum, no claimed score
    budget = draft.params["figures"]["budget"]
    assert (budget["adjusted"]["value"], budget["executed"]["value"]) == (Decimal("90.00"), Decimal("88.20"))
    parts = {lst.whole.written: [p.written for p in lst.parts] for lst in draft.lists}
    assert parts["90.00"] == ["84.00", "6.00"]  # 总额 = its 其中 rows, column by column


def test_a_rate_of_a_row_that_states_no_catalogue_figure_is_that_rows_own(tmp_path):
    draft = draft_of(tmp_path, "\n".join([
        "项目名称\t预算数（万元）\t执行数（万元）\t预算执行率", "河道清淤\t0.00\t0.00\t0.00%", "水库维护\t80.00\t72.00\t90.00%"]))
    assert not [r for r in draft.rates if r.measure]  # neither row's rate is the department's 预算执行率


# ---------------------------------------------------------------- what a section says of its score

def test_a_level_one_indicators_weight_and_score_in_the_usual_wordings(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("\n".join([TITLE, "一、具体绩效分析", "（一）过程指标分值25分，自评得分23分，得分率92%。",
                                 "（二）产出指标：满分30分，得分28.5分。", "（三）效果指标（分值25分，得分22分）"]) + "\n",
                      encoding="utf-8")
    sections = draft_report(report).params["claims"]["sections"]
    assert [(s["name"], s["weight"], s["score"]) for s in sections] == [
        ("过程指标", 25, 23), ("产出指标", 30, Decimal("28.5")), ("效果指标", 25, 22)]  # never （二）产出指标


def test_a_pdf_table_set_without_rules_reads_as_its_text_copy_laid_out_with_spaces(tmp_path):
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    from perfeval.intake.documents import aligned_rows
    from perfeval.intake.pdf import pdf_items
    from report_files import truetype_font

    rows = [r for r in aligned_rows(SPACED).values()]
    font = truetype_font(TITLE + "".join("".join(r) for r in rows) + "单位：万元", tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    pdf.multi_cell(0, 6, TITLE, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("noto", size=9)
    with pdf.table(first_row_as_headings=False, borders_layout="NONE", line_height=5, col_widths=(2, 1, 1, 1, 1),
                   text_align="LEFT") as table:  # no rules: the columns stand apart by their gaps alone
        for cells in rows:
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.output(str(tmp_path / "report.pdf"))
    read = [item.cells for item in pdf_items(tmp_path / "report.pdf") if not isinstance(item, str)]
    assert read == rows  # the blank 年初预算 of 项目支出 stays under its column


def test_a_forms_template_row_number_is_no_figure():
    from perfeval.core.quantity import find_quantities

    assert [f.quantity.text for f in find_quantities("指标1：工程完工率 指标2： 绩效指标90分 三级指标3个")] == ["90分", "3个"]


# ---------------------------------------------------------------- a web table saved a row per line, | between cells

def test_a_statement_saved_a_row_per_line_drafts_its_amounts_and_none_of_its_line_numbers(tmp_path):
    draft = draft_of(tmp_path, "\n".join([
        "序号 | 表名 | 表号 |", "1 | 收入支出决算总表 | 公开01表 |", "2 | 收入决算表 | 公开02表 |",
        "收入支出决算总表 | |||||",
        "部门:松岭县林业局 | 金额单位:元 | ||||", "项目 | 行次 | 金额 | 项目(按功能分类) | 行次 | 金额 |",
        "栏次 | 1 | 栏次 | 2 | ||",
        "一、一般公共预算财政拨款收入 | 1 | 1,640,204.92 | 一、一般公共服务支出 | 31 | 826,410.50 |",
        "二、政府性基金预算财政拨款收入 | 2 | 二、外交支出 | 32 | ||"]))
    written = sorted(m.written for m in draft.placed if m.written != "1520.30万元")
    assert written == ["1,640,204.92", "826,410.50"]


def test_a_self_assessment_table_run_together_on_one_line_is_a_table_when_it_closes_with_its_total(tmp_path):
    flat = " ".join(c for row in [HEADER, *ROWS, TOTAL] for c in row if c)
    draft = draft_of(tmp_path, "附件：部门整体支出绩效自评表（2023年度） " + flat + " 自评等级 优 填表人：王某")
    assert indicators(draft) == indicators(draft_of(tmp_path, with_tabs()))
    assert draft.params["claims"]["total"] == Decimal(98)
    cut = " ".join(c for row in [HEADER, *ROWS[:3]] for c in row if c)  # an excerpt: rows cut off would sum wrong
    assert "indicators" not in draft_of(tmp_path, cut).params


# ---------------------------------------------------------------- a list without an opener

def test_a_list_without_an_opener_holds_only_where_its_figures_are_kinds_of_the_total_and_add_up():
    from perfeval.intake.report.document import build
    from perfeval.intake.report.lists import find_lists
    from perfeval.intake.report.mentions import prose_mentions

    def lists_in(text: str) -> list[tuple[str, list[str]]]:
        document = build("<test>", [text])
        return [(lst.whole.written, [p.written for p in lst.parts])
                for lst in find_lists(document, prose_mentions(document, set()))]

    assert lists_in("人员概况：在职人员64人，专业技术人员41人、管理人员5人，工勤人员18人。") == [
        ("64人", ["41人", "5人", "18人"])]
    assert lists_in("全年收入300.00万元，支出180.00万元，结余120.00万元。") == []  # adds up, names no kind of 收入
    assert lists_in("年初预算数为900.00万元，调减预算150.00万元，预算完成数为750.00万元。") == []
    assert lists_in("在职人员64人，专业技术人员41人、管理人员5人，工勤人员17人。") == []  # does not add up
    assert lists_in("本局核定编制9名，局长1名、副局长2名、科员6名。") == []  # posts under 编制: attributes


# ---------------------------------------------------------------- a scored evaluation table (分值 | 评分标准 | 得分)

SCORED_HEADER = ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "自评得分", "扣分原因"]
SCORED = [["决策（15分）", "目标设定", "绩效目标合理性", "5", "目标明确得5分，否则不得分", "5", ""],
          ["", "", "绩效指标明确性", "5", "每缺一项扣1.5分", "3.5", "缺一项指标"],
          ["", "资金投入", "预算编制科学性", "5", "得分≥85分为优", "5", ""],
          ["过程（20分）", "资金管理", "资金到位率", "6", "（6分×到位率）", "6", ""],
          ["", "", "预算执行率", "14", "每低于5%扣2分", "12", "全年执行率92.5%"]]
SCORED_TOTAL = ["总分", "", "", "35", "", "31.5", ""]


def scored_as(shape: str) -> str:
    rows = [SCORED_HEADER, *SCORED, SCORED_TOTAL]
    if shape == "bars between":  # pasted as text: | between the cells, none at the line's end
        return "\n".join(" | ".join(r) for r in rows)
    if shape == "bars after":  # a web page's save: a | after every cell
        return "\n".join(" | ".join(r) + " |" for r in rows)
    if shape == "markdown":
        return "\n".join(["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
                         + ["| " + " | ".join(r) + " |" for r in rows[1:]])
    return "\n".join("\t".join(r) for r in rows)


@pytest.mark.parametrize("shape", ["bars between", "bars after", "markdown", "tabs"])
def test_a_scored_evaluation_table_gives_its_weights_and_scores_and_none_of_its_rules(tmp_path, shape):
    draft = draft_of(tmp_path, scored_as(shape))
    got = placed(draft)
    assert got["绩效指标明确性·分值"] == "5分" and got["绩效指标明确性·自评得分"] == "3.5分"
    assert got["资金到位率·分值"] == "6分" and got["预算执行率·自评得分"] == "12分"
    assert got["决策·分值"] == "15分" and got["过程·分值"] == "20分"  # a level's weight in brackets in its cell
    assert got["总分·分值"] == "35分" and draft.params["claims"]["total"] == Decimal("31.5")
    rules = {"1.5", "85", "2", "5%"}  # the rules' steps, thresholds and points: the framework's, not the unit's
    assert not [m for m in draft.placed if m.written.rstrip("分") in rules or m.quantity.value in (Decimal("1.5"), 85)]
    assert [m.quantity.unit for m in draft.placed if m.written == "92.5%"] == ["%"]  # a note beside it: prose


def test_a_table_of_rules_whose_scores_are_left_blank_is_the_frameworks_and_states_no_figure(tmp_path):
    blank = [r[:5] + [""] + r[6:] for r in SCORED]
    draft = draft_of(tmp_path, "\n".join(" | ".join(r) for r in [SCORED_HEADER, *blank]))
    assert [m.written for m in draft.placed] == ["1520.30万元"]


def test_a_line_of_a_pages_fields_with_bars_between_them_is_no_table_and_a_markdown_rule_is_no_row():
    from perfeval.intake.documents import barred_rows

    assert barred_rows(["发布时间：2024-03-01 | 来源：本局 | 浏览次数：12", "正文"]) == {}
    assert barred_rows(["| 项目 | 金额 |", "|---|---|", "| 合计 | 12.5 |"]) == {
        0: ("项目", "金额"), 1: None, 2: ("合计", "12.5")}
    assert barred_rows(["指标 | 分值 | 得分", " | 5 | 4"])[1] == ("", "5", "4")  # a merged cell left blank stays


def test_a_scored_evaluation_table_saved_one_cell_per_line_is_rebuilt_as_its_rows(tmp_path):
    rows = [SCORED_HEADER, *SCORED, SCORED_TOTAL]
    text = "\n".join(c for r in rows for c in r if c)  # empty cells gone, merged cells standing once
    tabbed = draft_of(tmp_path, scored_as("tabs"))
    draft = draft_of(tmp_path, text)
    assert placed(draft) == placed(tabbed)
    assert draft.params["claims"]["total"] == Decimal("31.5")
    rebuilt = [b.cells for b in build("<test>", [text]).blocks if b.kind == "row"]
    assert rebuilt[2] == ("", "", "绩效指标明确性", "5", "每缺一项扣1.5分", "3.5", "缺一项指标")  # its note after 得分
    assert rebuilt[3][:3] == ("", "资金投入", "预算编制科学性")  # not the note of the row before


# ---------------------------------------------------------------- a 决算 statement flattened onto lines

STATEMENT_HEAD = ["收入支出决算总表", "部门：某某局 金额单位：万元", "项目 行次 金额 项目 行次 金额", "栏次 1 栏次 2"]
STATEMENT = [["一、财政拨款收入", "1", "2,318.40", "一、教育支出", "31", "1,907.25"],
             ["二、事业收入", "2", "46.00", "二、卫生健康支出", "32", "457.15"],
             ["三、其他收入", "3", "-", "三、住房保障支出", "33", "0.00"],
             ["本年收入合计", "4", "2,364.40", "本年支出合计", "34", "2,364.40"]]
AMOUNTS = {"一、财政拨款收入·金额": "2,318.40万元", "一、教育支出·金额": "1,907.25万元", "二、事业收入·金额": "46.00万元",
           "二、卫生健康支出·金额": "457.15万元", "三、住房保障支出·金额": "0.00万元",
           "本年收入合计·金额": "2,364.40万元", "本年支出合计·金额": "2,364.40万元"}


def statement_as(shape: str) -> str:
    if shape == "a row per line":
        return "\n".join(STATEMENT_HEAD + [" ".join(r) for r in STATEMENT])
    if shape == "one line":
        return " ".join(STATEMENT_HEAD + [" ".join(r) for r in STATEMENT]) + "\n（二）收入决算情况"
    return "\n".join(STATEMENT_HEAD[:2] + [c for line in STATEMENT_HEAD[2:] for c in line.split()]
                     + [c for r in STATEMENT for c in r])  # one cell per line


@pytest.mark.parametrize("shape", ["a row per line", "one line", "one cell per line"])
def test_a_statement_flattened_onto_lines_pairs_its_amounts_with_their_rows_and_drafts_no_line_number(tmp_path, shape):
    draft = draft_of(tmp_path, statement_as(shape))
    got = {k: v for k, v in placed(draft).items() if "·" in k}
    assert got == AMOUNTS  # 三、其他收入's blank (-) is none, and no 行次 (1 … 4, 31 … 34) or 栏次 is a figure
    assert {m.written for m in draft.placed} == {v.removesuffix("万元") for v in AMOUNTS.values()} | {"1520.30万元"}


def test_a_statement_given_column_by_column_pairs_its_amounts_in_order_when_they_are_as_many_as_its_rows(tmp_path):
    labels = " ".join(f"{r[0]} {r[1]}" for r in STATEMENT)
    amounts = [r[2] for r in STATEMENT]
    draft = draft_of(tmp_path, f"收入决算表 金额单位：万元 项目 行次 金额 {labels} {' '.join(amounts)}")
    assert {k: v for k, v in placed(draft).items() if "·" in k} == {
        "一、财政拨款收入·金额": "2,318.40万元", "二、事业收入·金额": "46.00万元", "本年收入合计·金额": "2,364.40万元"}
    fewer = draft_of(tmp_path, f"收入决算表 金额单位：万元 项目 行次 金额 {labels} 2,318.40 2,364.40")  # a blank lost
    assert sorted(m.written for m in fewer.placed) == ["1520.30万元", "2,318.40", "2,364.40"]  # read, paired with none


def test_a_statement_with_two_amount_columns_takes_both_under_their_names(tmp_path):
    draft = draft_of(tmp_path, "\n".join(["单位：万元", "项目 行次 年初预算数 决算数",
                                          "基本支出 1 820.00 815.36", "项目支出 2 310.00 296.80", "合计 3 1,130.00 1,112.16"]))
    got = placed(draft)
    assert got["基本支出·决算数"] == "815.36万元" and got["合计·年初预算数"] == "1,130.00万元"
    assert not [m for m in draft.placed if m.written in ("1", "2", "3")]


def test_a_statement_whose_header_was_lost_is_known_by_its_row_numbers_counting_up_on_both_sides(tmp_path):
    rows = " ".join(" ".join(r) for r in STATEMENT)
    draft = draft_of(tmp_path, f"收入支出决算总表（单位：万元） {rows}")
    assert {k: v for k, v in placed(draft).items() if "·" in k} == AMOUNTS
    contents = draft_of(tmp_path, "一、部门职责 3 二、机构设置 4 三、人员情况 5")  # numbers, but no amounts
    assert not [m for m in contents.placed if m.written in ("3", "4", "5")]


# ---------------------------------------------------------------- a 绩效自评表 in | rows

def test_a_self_assessment_table_with_bars_between_its_cells_reads_as_the_same_table_pasted_with_tabs(tmp_path):
    bars = "\n".join(" | ".join(r) for r in [HEADER, *ROWS, TOTAL])
    draft = draft_of(tmp_path, bars)
    assert indicators(draft) == indicators(draft_of(tmp_path, with_tabs()))
    assert draft.params["claims"]["total"] == Decimal(98)


def test_a_value_set_in_cells_of_its_bound_number_and_unit_stands_under_its_column_cited_at_its_number(tmp_path):
    rows = [HEADER, ["产出指标（50分）", "数量指标", "培训人数", "150", "个", "160", "个", "20", "20", ""],
            ["", "成本指标", "培训成本", "≤", "2100", "万元", "1980", "30", "30", ""],
            ["效益指标（50分）", "社会效益指标", "带动就业人数", "≥50人", "62人", "50", "48", ""], TOTAL[:5] + ["100", "98"]]
    draft = draft_of(tmp_path, "\n".join(" | ".join(r) for r in rows))
    got = {r["name"]: (r["target"], r["actual"], r["weight"]) for r in draft.params["indicators"]}
    assert got["培训人数"] == ({"value": 150, "unit": "个"}, {"value": 160, "unit": "个"}, 20)  # never 160分
    assert got["培训成本"] == ({"value": 2100, "unit": "万元", "op": "<="}, {"value": 1980, "unit": "万元"}, 30)
    cost = next(m for m in draft.placed if m.label == "培训成本·年度指标")
    assert (cost.written, cost.where.text) == ("2100", "2100")  # where the report writes the number


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_rows_rate_in_a_barred_table_is_its_spend_over_its_budget_in_either_script(tmp_path, script):
    text = "\n".join(["单位：万元", "项目名称 | 预算数 | 执行数 | 执行率", "河道清淤 | 10 | 10 | 100%",
                      "水库维护 | 80.00 | 72.00 | 90.00%"])
    if script == "traditional":
        text = text.translate(str.maketrans("单万项称预数执库维护", "單萬項稱預數執庫維護"))
    draft = draft_of(tmp_path, text)
    assert [(r.rate.written, r.status) for r in draft.rates] == [("100%", "explained"), ("90.00%", "explained")]
    assert all(r.reading.numerator.label.endswith(("执行数", "執行數")) for r in draft.rates)  # never 预算 over 执行
    assert {m.quantity.unit for m in draft.placed if m.written in ("10", "80.00")} == {"万元"}  # 單位：萬元


# ---------------------------------------------------------------- a 自评表 run together, or a row per line (a PDF's text)

def test_a_self_assessment_table_run_onto_one_line_without_its_total_is_read_for_its_figures_by_its_rows(tmp_path):
    cut = " ".join(c for row in [HEADER, *ROWS] for c in row if c)
    draft = draft_of(tmp_path, f"附件：绩效自评表 {cut} 填表人：王某")
    assert "indicators" not in draft.params  # an excerpt: its weights are not summed as if whole
    got = placed(draft)
    assert got["完成造林面积·分值"] == "20分" and got["任务按时完成率·得分"] == "18分"
    assert got["森林防火巡查次数·实际完成值"] == "215次" and got["产出指标·分值"] == "50分"
    assert not [r for r in draft.rates if r.rate.written in ("100%", "95%", "≥90%", "96%")]  # goals, not rates


def test_a_target_written_with_an_equals_sign_is_that_value_and_its_bare_actual_takes_its_unit(tmp_path):
    rows = [HEADER, ["产出指标（60分）", "数量指标", "补助村数量", "=8个", "8", "30", "30"],
            ["", "", "保障干部人数", "=42个", "42", "30", "28"]]
    draft = draft_of(tmp_path, " ".join(c for row in rows for c in row if c))
    got = placed(draft)
    assert got["补助村数量·年度指标"] == "8个" and got["保障干部人数·实际完成值"] == "42个"
    weight = next(m for m in draft.placed if m.label == "产出指标·分值")
    assert weight.where.text[weight.start:].startswith("60分")  # cited where its number stands in the cell


@pytest.mark.parametrize("form", ["indicators", "scored"])
def test_a_table_set_a_row_per_line_with_single_spaces_reads_as_the_same_table_pasted_with_tabs(tmp_path, form):
    header, rows, total = (HEADER, ROWS, TOTAL) if form == "indicators" else (SCORED_HEADER, SCORED, SCORED_TOTAL)
    spaced = "\n".join(" ".join(c for c in row if c) for row in [header, *rows, total])
    tabbed = "\n".join("\t".join(row) for row in [header, *rows, total])
    assert placed(draft_of(tmp_path, spaced)) == placed(draft_of(tmp_path, tabbed))


# ---------------------------------------------------------------- a table's total, its parts in the prose under it

UNDER = ["单位：万元", "项目\t年初预算数\t决算数", "基本支出\t820.00\t815.36", "项目支出\t310.00\t296.80",
         "支出合计\t1,130.00\t1,112.16"]


def lists_of(draft) -> list[tuple[str, str, list[str]]]:
    return [(lst.whole.label, lst.whole.written, [p.written for p in lst.parts]) for lst in draft.lists]


def test_a_paragraph_opening_with_its_list_under_a_table_breaks_down_the_tables_total_the_parts_make_up(tmp_path):
    draft = draft_of(tmp_path, "\n".join(UNDER + ["其中：人员经费702.10万元，公用经费113.26万元，项目支出296.80万元。"]))
    assert ("支出合计·决算数", "1,112.16", ["702.10万元", "113.26万元", "296.80万元"]) in lists_of(draft)  # not 预算
    one = draft_of(tmp_path, "\n".join(["单位：万元", "项目\t决算数", "基本支出\t815.36", "项目支出\t296.80",
                                        "支出合计\t1,112.16", "其中：人员经费702.10万元，公用经费100.00万元。"]))
    assert ("支出合计·决算数", "1,112.16", ["702.10万元", "100.00万元"]) in lists_of(one)  # one total: not adding up shows


def test_a_list_under_a_paragraph_after_the_table_is_not_the_tables(tmp_path):
    draft = draft_of(tmp_path, "\n".join(UNDER + ["本年支出较上年有所减少。", "其中：人员经费702.10万元，公用经费113.26万元，"
                                                  "项目支出296.80万元。"]))
    assert not [x for x in lists_of(draft) if x[0].startswith("支出合计") and "702.10万元" in x[2]]
    assert ("支出合计·决算数", "1,112.16", ["815.36", "296.80"]) in lists_of(draft)  # its own rows make it up


def test_a_rows_label_saved_above_its_columns_names_one_cell_per_line_is_that_rows_label():
    lines = ["年度总体目标", "预期目标", "实际完成情况", "43.2", "37.24", "本年度完成了全部任务。"]
    rows = [b.cells for b in build("<test>", ["\n".join(lines)]).blocks if b.kind == "row"]
    assert rows == [("", "预期目标", "实际完成情况"), ("年度总体目标", "43.2", "37.24")]
    words = ["部门职责", "机构设置", "人员情况", "46", "50"]  # short lines that name no column: no such row
    assert not [b for b in build("<test>", ["\n".join(words)]).blocks if b.kind == "row" and b.cells[0] == "部门职责"]


def test_a_forms_budget_block_run_onto_one_line_is_its_rows_and_each_value_is_cited_with_its_row_up_to_it(tmp_path):
    line = ("项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 "
            "其中:本年财政拨款 90 89.97 89.97 上年结转资金 年度总体目标 完成全部委托业务")
    rows = [b.cells for b in build("<test>", [line]).blocks if b.kind == "row"]
    assert rows == [("项目资金 (万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
                    ("年度资金总额:", "0", "0", "0", "10", "0", "0"), ("其中:本年财政拨款", "90", "89.97", "89.97")]
    draft = draft_of(tmp_path, line)
    budget = draft.params["figures"]["budget"]["executed"]
    assert budget["value"] == 0 and budget["source"].endswith("年度资金总额: 0 0 0")  # the third 0 of its row
    lists = {(lst.whole.where.text, tuple(p.written for p in lst.parts)) for lst in draft.lists}
    assert ("年度资金总额: 0 0 0", ("89.97",)) in lists  # the 其中 row under its total, column by column


# ---------------------------------------------------------------- totals and parts the words and the sum both say

def lists_in(text: str) -> list[tuple[str, list[str], bool]]:
    from perfeval.intake.report.lists import find_lists
    from perfeval.intake.report.mentions import prose_mentions
    from perfeval.intake.report.totals import find_totals

    document = build("<test>", [text])
    mentions = prose_mentions(document, set())
    lists = find_lists(document, mentions)
    return [(lst.whole.written, [p.written for p in lst.parts], lst.complete)
            for lst in lists + find_totals(mentions, lists)]


@pytest.mark.parametrize("text,expected", [
    ("本年评价项目24个。评价为优等的15个，涉及资金320万元；良等7个，涉及资金60万元；中等2个；差等0个。",
     [("24个", ["15个", "7个", "2个", "0个"], True)]),
    ("优秀9项，占45%；良好8项，占40%；合格3项，占15%。共计20项。", [("20项", ["9项", "8项", "3项"], True)]),
    ("上级下达补助资金120万元，已使用96.5万元，结余23.5万元。", [("120万元", ["96.5万元", "23.5万元"], True)]),
    ("支出总计845.20万元，其中本年支出合计780.00万元，此外结余分配5.20万元、年末结转和结余60.00万元。",
     [("845.20万元", ["780.00万元", "5.20万元", "60.00万元"], True)]),
])
def test_parts_no_opener_announces_are_a_total_s_when_their_words_and_their_sum_both_say_so(text, expected):
    assert lists_in(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("本年评价项目24个。评价为优等的15个；良等7个；中等3个。", [("24个", ["15个", "7个", "3个"], False)]),  # 25 > 24
    ("上级下达补助资金120万元，已使用96.5万元，结余20.5万元。", [("120万元", ["96.5万元", "20.5万元"], False)]),
    ("优等5个，良等4个。合计10个。", [("10个", ["5个", "4个"], False)]),  # a closing 合计 names them all
])
def test_parts_the_words_say_make_up_a_total_are_declared_also_when_they_do_not_add_up(text, expected):
    assert lists_in(text) == expected  # the inconsistency is found (a question on a drafted unit), never dropped


@pytest.mark.parametrize("text", [
    "本年评价项目24个。评价为优等的15个；良等7个。",  # 22 < 24: a grade unmentioned may hold the rest
    "全年收入300.00万元，支出180.00万元，结余120.00万元。",  # adds up, but 支出 is not spent of what was given
    "优等15个，良等9个。", "共发现问题5个，整改中的3个，评价为良的2个。"])  # 整改中 is no grade
def test_figures_whose_words_name_no_such_parts_make_no_total(text):
    assert lists_in(text) == []


def test_a_unit_column_gives_each_rows_value_its_unit(tmp_path):
    """A basic-data table with a 单位 column (指标 | 单位 | 数值) drafted its values bare (trial 3 T53): 52 人 read 52."""
    report = tmp_path / "r.txt"
    report.write_text("某某县水利站2025年度部门整体支出绩效自评报告\n一、基本情况\n（一）基础数据\n"
                      "指标\t单位\t数值\n实有人数\t人\t52\n“三公”经费\t万元\t35.00\n巡查里程\t公里\t1,500\n", encoding="utf-8")
    params = draft_report(report).params
    stated = {s["label"]: (s["value"], s.get("unit")) for s in params.get("stated", [])}
    # the rows naming catalogue figures fill them (test_draft_table_shapes), in the unit their 单位 cell gives
    assert params["figures"]["staff"]["total"]["value"] == 52
    assert params["figures"]["lines"]["sangong"]["final"]["note"] == "单位见“单位”列：万元"
    assert stated["巡查里程·数值"] == (1500, "公里")


@pytest.mark.parametrize("shape", ["one cell per line", "one line"])
def test_a_level_two_written_without_its_suffix_stands_under_the_level_one_that_opens_it(tmp_path, shape):
    """社会效益 / 服务对象满意度 written bare under 效益指标 / 满意度指标 (trial 7 X21): the row is read with its levels,
    not taken for one cell too many that ended the table (0 rows)."""
    rows = [[c.removesuffix("指标") if k == 1 and r[0] else c for k, c in enumerate(r)] for r in ROWS]
    cells = [c for row in [HEADER, *rows, TOTAL] for c in row if c]
    draft = draft_of(tmp_path, "\n".join(cells) if shape == "one cell per line" else " ".join(cells))
    assert indicators(draft)[:4] == EXPECTED
    assert [(r["level1"], r["level2"]) for r in draft.params["indicators"]][3:] == [
        ("效益指标", "社会效益"), ("满意度指标", "服务对象满意度")]


PROJECT_TABLE = ["附件2：项目支出绩效自评表", "项目名称：乡村道路硬化项目",
                 "\t".join(HEADER),
                 "\t".join(["产出指标", "数量指标", "硬化道路长度", "≥6公里", "5公里", "40", "30", "雨季延误"]),
                 "\t".join(["效益指标", "社会效益指标", "受益群众", "≥2000人", "2300人", "40", "40", ""]),
                 "\t".join(["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "20", "20", ""]),
                 "\t".join(["合计", "", "", "", "", "100", "90", ""])]


def test_a_projects_own_self_assessment_table_after_the_units_is_the_projects_not_more_rows_of_the_units(tmp_path):
    """The unit's 自评表, then a project's (trial 7 X33): the project's rows are no rows of the unit's table (the unit's
    has its own 分值 and 总分), and its 合计 is the project's score, never the unit's claimed total."""
    draft = draft_of(tmp_path, "\n".join([with_tabs(), *PROJECT_TABLE]))
    assert indicators(draft)[:4] == EXPECTED and len(draft.params["indicators"]) == 5
    assert draft.params["claims"]["total"] == Decimal(98)
    assert [(p["name"], p["score"]) for p in draft.params["projects"]] == [("乡村道路硬化项目", Decimal(90))]
    alone = draft_of(tmp_path, "\n".join(PROJECT_TABLE))  # a project's report: its table is the report's own
    assert len(alone.params["indicators"]) == 3 and "projects" not in alone.params


TRADITIONAL = str.maketrans("级标实际产数积亩时带动业满务对总进况绩评报门", "級標實際產數積畝時帶動業滿務對總進況績評報門")


@pytest.mark.parametrize("shape", ["tabs", "one cell per line", "one line"])
def test_a_self_assessment_table_in_traditional_characters_is_the_same_table_cited_as_written(tmp_path, shape):
    """一級指標 / 實際完成值 (trial 7 X42): the headers and levels known in simplified characters, one for one, while each
    value, name and source is the copy's own writing."""
    text = {"tabs": with_tabs(), "one cell per line": one_cell_per_line(),
            "one line": " ".join(c for row in [HEADER, *ROWS, TOTAL] for c in row if c)}[shape]
    draft = draft_of(tmp_path, text.translate(TRADITIONAL))
    assert [(str(r["target"]["value"]), str(r["actual"]["value"]), str(r["claimed_score"]))
            for r in draft.params["indicators"]][:4] == [(str(e[1]), str(e[2]), str(e[5])) for e in EXPECTED]
    assert draft.params["indicators"][0]["name"] == "完成造林面積"  # as written
    assert draft.params["claims"]["total"] == Decimal(98)
    assert "1350畝" in {m.written for m in draft.placed}
