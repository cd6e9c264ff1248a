"""Numbers that are not figures, class by class, in sentences written for these tests: the numbers that number a
table's rows or a list's items however the table arrives, and what stays a figure beside them."""
from __future__ import annotations

from perfeval.intake.report.document import build
from perfeval.intake.report.mentions import prose_mentions
from perfeval.intake.report.numbers_of_tables import unnumbered
from perfeval.intake.report.row_numbers import (row_codes_within, row_number_starts, without_subject_codes,
                                                 without_years_of_a_when_column)


def figures(*lines: str) -> list[str]:
    return [m.written for m in prose_mentions(build("<test>", ["\n".join(lines)]), set())]


# ---------------------------------------------------------------- row and item numbers

def test_rows_flattened_one_per_line_lose_the_numbers_that_count_them():
    assert figures("指标 分值 得分", "1 投入 20 18", "2 过程 30 28", "3 产出 30 30") == \
        ["20", "18", "30", "28", "30", "30"]
    assert figures("序号 项目名称 预算数 执行数", "1 会议室改造 42.00 41.60", "2 档案数字化 18.50 18.50") == \
        ["42.00", "41.60", "18.50", "18.50"]  # two rows are enough under a 序号 header


def test_numbered_items_of_prose_lose_their_numbers_but_keep_their_figures():
    assert figures("1 档案数字化项目，预算18.50万元，执行18.50万元。", "2 会议室改造项目，预算42.00万元。",
                   "3 消防设施更新项目，预算6.20万元。") == ["18.50万元", "18.50万元", "42.00万元", "6.20万元"]


def test_a_statements_line_numbers_after_each_rows_label_count_up():
    assert figures("一、财政拨款收入 1 1,812.30", "二、事业收入 2", "三、经营收入 3", "本年收入合计 4 1,812.30") == \
        ["1,812.30", "1,812.30"]


def test_a_statement_run_together_on_one_line_without_its_header_loses_its_row_codes():
    line = ("一般公共预算财政拨款收入 1 318.60 一般公共服务支出 30 250.10 事业收入 2 0.00 教育支出 31 - "
            "其他收入 5 12.40 社会保障和就业支出 36 80.90 本年收入合计 16 331.00 本年支出合计 46 331.00")
    assert figures(line) == ["318.60", "250.10", "0.00", "12.40", "80.90", "331.00", "331.00"]  # never 1 318.60
    # a rising number between a label and an amount twice only, or amounts without decimals: no such statement
    assert figures("收入 1 318.60 支出 2 250.10") == ["1 318.60", "2 250.10"]


def test_an_empty_rows_line_number_in_a_statement_run_together_is_no_figure():
    line = ("一般公共预算财政拨款收入 1 206.30 一般公共服务支出 31 180.20 政府性基金预算财政拨款收入 2 外交支出 32 "
            "事业收入 3 4.10 国防支出 33 其他收入 4 1.60 教育支出 34 30.00 本年收入合计 10 212.00 本年支出合计 40 210.20")
    assert figures(line) == ["206.30", "180.20", "4.10", "1.60", "30.00", "212.00", "210.20"]
    # a number between two words that would not rise with the statement's 行次 is no empty row's: kept
    line = "收入 1 206.30 支出 31 180.20 事业收入 2 4.10 国防支出 32 1.60 其他收入 3 3.00 教育支出 33 5.00 另有讲座 1 场"
    assert [line[a:b] for a, b in row_codes_within(line)] == ["1", "31", "2", "32", "3", "33"]


def test_a_budget_subjects_code_before_its_name_in_a_tables_row_is_no_figure():
    codes = [("2130201", "行政运行", "86.40"), ("21302", "林业和草原", "86.40"), ("213", "农林水支出", "86.40"),
             ("213", "02", "01", "行政运行", "86.40"), ("", "2130201", "行政运行", "86.40")]
    assert [without_subject_codes(row) for row in codes] == [
        ("", "行政运行", "86.40"), ("", "林业和草原", "86.40"), ("", "农林水支出", "86.40"),
        ("", "", "", "行政运行", "86.40"), ("", "", "行政运行", "86.40")]
    # an amount before its unit's cell, a count before a name that is no subject's: kept
    for row in (("210", "万元"), ("213", "档案馆职工", "12"), ("86.40", "行政运行")):
        assert without_subject_codes(row) == row


def test_years_and_dates_in_a_column_headed_as_a_year_or_a_date_are_no_figures():
    rows = [("序号", "项目名称", "建设年度", "购置日期", "预算数"), ("1", "库房改造", "2022-2023年", "2023.5.10", "36.00"),
            ("2", "监控系统", "2023", "2023年6月", "8.40")]
    assert without_years_of_a_when_column(rows) == [rows[0], ("1", "库房改造", "", "", "36.00"),
                                                     ("2", "监控系统", "", "", "8.40")]
    years = [("项目", "2022年", "2023年"), ("三公经费", "12.00", "9.80")]  # years heading their amounts: kept
    assert without_years_of_a_when_column(years) == years
    spans = [("项目", "服务年限", "金额"), ("物业服务", "3", "24.00")]  # a number of years is a figure
    assert without_years_of_a_when_column(spans) == spans
    turned = [("年度", "公务接待费"), ("2023年", "6.00"), ("2024年", "4.50")]  # years naming the rows: kept
    assert without_years_of_a_when_column(turned) == turned


def test_a_one_cell_per_line_tables_index_column_is_no_figure():
    assert figures("序号", "项目", "金额", "1", "会议室改造", "42.00", "2", "档案数字化", "18.50") == ["42.00", "18.50"]
    assert figures("序号 |", "指标 |", "分值 |", "1 |", "制度建设 |", "4 |", "2 |", "资产管理 |", "6 |") == ["4", "6"]
    # without a 序号 header: lone numbers 1, 2, 3 one row's width apart, each before its row's name
    assert figures("项目名称", "预算数", "执行数", "1", "会议室改造", "42.00", "41.60", "2", "档案数字化", "18.50", "18.50",
                   "3", "消防设施", "6.20", "6.00") == ["42.00", "41.60", "18.50", "18.50", "6.20", "6.00"]
    assert figures("指标", "分值", "得分", "投入", "1", "2", "过程", "2", "3", "产出", "3", "3") == \
        ["1", "2", "2", "3", "3", "3"]  # values after their row's name


def test_numbers_that_do_not_count_up_or_carry_a_unit_stay_figures():
    assert figures("培训班 5", "讲座 3", "观摩活动 2") == ["5", "3", "2"]
    assert figures("5 投入 20 18", "9 过程 30 28", "3 产出 30 30") == ["5", "20", "18", "9", "30", "28", "3", "30", "30"]
    assert figures("1 会议室改造 42.00", "2 档案数字化 18.50") == ["1", "42.00", "2", "18.50"]  # two rows, no header
    assert figures("3个科室完成改造。", "4个科室完成搬迁。", "5个科室完成验收。") == ["3个", "4个", "5个"]


def test_a_table_run_together_on_one_line_loses_its_row_numbers():
    assert figures("序号 指标 分值 得分 1 投入 20 18 2 过程 30 28 3 产出 30 30") == \
        ["20", "18", "30", "28", "30", "30"]
    assert figures("项目 预算数 执行数 1 会议室改造 42.00 41.60 2 档案数字化 18.50 18.50 3 消防设施 6.20 6.00") == \
        ["42.00", "41.60", "18.50", "18.50", "6.20", "6.00"]
    # counts written with their unit are counts, even when they run 1, 2, 3
    assert figures("开展培训 1 次 讲座 2 次 观摩 3 次") == ["1 次", "2 次", "3 次"]
    assert figures("指标 分值 得分 投入 20 18 过程 30 28") == ["20", "18", "30", "28"]


def test_starts_name_where_each_row_number_stands_in_its_line():
    assert row_number_starts(["1 投入 20 18", "2 过程 30 28", "3 产出 30 30"]) == {0: {0}, 1: {0}, 2: {0}}
    assert row_number_starts(["指标 分值 1 投入 20 2 过程 30 3 产出 30"]) == {0: {6, 14, 22}}


def test_a_tables_first_column_counting_its_rows_is_blanked_without_a_header():
    rows = [("1", "制度建设", "4", "4"), ("2", "资产管理", "6", "5"), ("3", "绩效管理", "5", "5")]
    assert unnumbered(rows) == [("", "制度建设", "4", "4"), ("", "资产管理", "6", "5"), ("", "绩效管理", "5", "5")]
    parts = [("1", "制度建设", "4"), ("2", "资产管理", "6"), ("1", "产出数量", "10"), ("2", "产出质量", "9")]
    assert [r[0] for r in unnumbered(parts)] == ["", "", "", ""]  # numbered again under each part of the table
    values = [("4", "制度建设"), ("6", "资产管理"), ("5", "绩效管理")]  # scores first: they do not count up
    assert unnumbered(values) == values
    years = [("项目", "人数"), ("科室", "1"), ("站所", "2"), ("中心", "3")]  # counting values in a later column stay
    assert unnumbered(years) == years


# ---------------------------------------------------------------- contents entries

def test_a_contents_lines_page_number_is_its_only_number_but_a_year_in_its_heading():
    assert figures("第二部分 2022年度部门决算表 6") == []
    assert figures("1. 部门概况 4") == []
    assert figures("1.1 预算编制 10 9", "1.2 目标设置 10 8") == ["10", "9", "10", "8"]  # a form's rows, scored


def test_a_contents_list_excerpted_alone_with_its_page_numbers_run_on_holds_no_figure():
    assert figures("第一部分 部门概况3", "一、主要职能3", "二、机构设置4", "第二部分 2022年度部门决算表6",
                   "三、部门决算情况说明15") == []
    assert figures("一、新建学校3", "二、改造校舍5", "三、购置设备6") == ["3", "5", "6"]  # three: a list's counts


def test_headings_listed_before_the_body_opens_with_them_again_are_a_contents_list_without_its_heading():
    """No 目录 line and one page number run on (（二）人员情况6): the body opening again with the list's headings
    makes it a contents list, and 6 a page's number."""
    assert figures("一、单位概况", "（一）主要职责", "（二）人员情况6", "（三）绩效目标", "一、单位概况",
                   "本馆负责全县档案的收集和保管。", "（一）主要职责", "接收各单位移交的档案。", "（二）人员情况",
                   "在职人员12人。") == ["12人"]
    # the same headings with a count run on, never repeated: a list of the body's own, its numbers kept
    assert figures("一、单位概况", "（一）新建学校3", "（二）改造校舍5", "（三）购置设备6", "全部按期完成。") == \
        ["3", "5", "6"]


def test_an_excerpt_opening_on_its_pages_number_holds_no_figure_there():
    assert figures("12", "元，项目支出0元，主要用于档案保管。") == ["0元"]
    assert figures("- 4 -", "万元，全部用于档案数字化。") == []
    assert figures("编制人数", "12", "在职人数", "11") == ["12", "11"]  # a value under its label: kept


def test_a_contents_entry_naming_a_numbered_table_is_an_entry_however_its_cells_were_split():
    assert figures("目录", "收入支出决算总表（公开 01 表） 5", "收入决算表（公开 02 表） 6", "支出决算表（公开 03 表） 7") == []


# ---------------------------------------------------------------- scoring rules

def test_the_points_and_thresholds_of_a_rule_of_scoring_are_no_figures():
    for rule in ("评分标准：每少报送1次扣0.5分，扣完为止。", "指标满分10分，按完成比例得分。",
                 "执行率达到95%及以上得满分，每降低1个百分点扣1分。", "全部完成得4分，部分完成得2分，未完成不得分。",
                 "按时报送得3分。", "每发现一处问题扣0.5分，最多扣2分。", "偏差率超过10%的，每超过1个百分点扣0.1分。",
                 "权重为20%，按实际完成情况计分。", "完成培训300人次得满分，未完成按比例扣分。", "执行率100%及以上得10分。",
                 "得分=（1-偏差率）×5。", "满分为10分，每项2分，缺一项扣2分。", "缺1项扣1分。"):
        assert figures(rule) == [], rule


def test_the_rungs_of_a_scoring_ladder_are_no_figures():
    """A clause giving points on a bounded condition (a rung) or a rule's formula's sentence: its numbers are the
    framework's, whatever the bound's wording (（含）…之间, 以内, ±, 的, 按…计分)."""
    for rule in ("执行率在88%（含）至96%之间得7分，75%至88%得4分，75%以下不得分。",
                 "支付进度在15%以内得3分，超过15%不得分。", "偏差在±3%以内得满分，±3%-±8%得一半分值。",
                 "计分规则：办结率100%的得6分；办结率低于100%的，按办结率×分值计分。",
                 "结余率=结余资金/预算资金×100%，结余率100%得2分，每增加5%扣1分。",
                 "合格率≥98%得4分，＜98%按比例得分。", "以10分为满分，8分（含）至10分为良。",
                 "3分：台账完整，2分：台账基本完整，0分：无台账。"):
        assert figures(rule) == [], rule


def test_a_score_given_beside_a_bound_stays_a_figure():
    assert figures("办结率97.5%得9.5分。") == ["97.5%", "9.5分"]  # no bound, no rule in the sentence: a result
    assert figures("实际办结率93%高于目标90%得5分。") == ["93%", "90%", "5分"]
    assert figures("合格率为96%，低于98%，扣1分。") == ["96%", "低于98%", "1分"]
    assert figures("培训共计200人次，完成目标的110%，得满分。") == ["200人次", "110%"]
    assert figures("其中80分以上的科室有4个。") == ["80分以上", "4个"]


def test_a_grades_range_is_no_negative_score():
    assert figures("优秀（90分（含）-100分），良好（80（含）-90分）。") == []
    assert figures("80（含）-90分为良好。") == []


def test_weights_and_scores_given_stay_figures_beside_the_rules():
    assert figures("资金管理（20分）：制度健全。") == ["20分"]
    assert figures("因台账不全扣1分，得4分。") == ["1分", "4分"]
    assert figures("因未按时报送扣1分。") == ["1分"]
    assert figures("因缺一项资料扣2分。") == ["2分"]  # a deduction given, with its cause
    assert figures("投入指标得18分，过程指标得28分。") == ["18分", "28分"]
    assert figures("预算执行率98.5%，得9.8分。") == ["98.5%", "9.8分"]
    assert figures("该指标分值5分，实际得分5分。") == ["5分", "5分"]
    assert figures("该项满分为5分。") == ["5分"]  # full marks stated alone: the row's weight
    assert figures("产出指标：满分30分，得分28.5分。") == ["30分", "28.5分"]


# ---------------------------------------------------------------- page numbers and a site's numbers

LONG = "本中心负责全市紧缺人才的储备、培训和服务工作，承担人才信息库的建设和维护，组织开展各类招聘活动。"


def test_a_pdfs_page_numbers_alone_on_their_lines_at_uneven_distances_are_no_figures():
    assert figures("1", "柳溪县人才服务中心", "2023 年度单位决算", "2", "目 录", "第一部分 单位概况", "一、单位职责",
                   "3", "二、机构设置", "三、人员情况", "四、资产情况", "4", LONG) == []
    # lone numbers counting up at one width are a table saved one cell per line: its values stay
    assert figures("培训班", "1", "讲座", "2", "观摩活动", "3") == ["1", "2", "3"]


def test_a_page_number_a_page_break_left_before_the_text_running_on_is_no_figure():
    assert figures(LONG + "下一步改进措施：一是年初编制预算时应对", "15 项目实施对象准确摸底，确保预算安排准确。") == []
    assert figures(LONG + "全年共开展业务培训", "15 次，参训人员300人次。") == ["15 次", "300人次"]  # a count runs on


def test_a_sites_numbers_around_a_copy_are_no_figures():
    assert figures("部门整体支出绩效自评报告,8548") == []
    assert figures("乡镇部门绩效自评报告 篇1") == []
    assert figures("全年编发信息简报12篇。") == ["12篇"]


# ---------------------------------------------------------------- years

def test_a_year_alone_on_a_covers_line_is_no_figure_but_a_value_under_its_field_is():
    assert figures("柳溪县林业局", "2024", "部门整体支出绩效自评报告", "本局核定编制18人。") == ["18人"]
    assert figures("预算数", "2023") == ["2023"]


def test_a_year_that_lost_its_nian_before_a_title_or_in_a_sites_path_is_no_figure():
    assert figures("首页 > 信息公开 > 2024决算专题") == []
    assert figures("2024 决算公开") == []
    assert figures("2023 部门整体支出绩效自评报告") == []
    assert figures("20 23年度部门决算") == []  # a year a PDF split in two
    assert figures("实有人数 2024人") == ["2024人"]


def test_two_years_heading_the_columns_of_values_under_them_are_no_figures():
    assert figures("项目 2022 2023", "基本支出 120.00 130.00") == ["120.00", "130.00"]
    assert figures("项目\t2022\t2023", "基本支出\t120.00\t130.00") == ["120.00", "130.00"]
    assert figures("培训人次 2022 2023", "合计 2025") == ["2022", "2023", "2025"]  # no values under them: counts


def test_the_numbers_of_a_list_run_into_one_paragraph_are_no_figures():
    assert figures("主要措施：1）加强培训，2）完善制度，3）强化监督。") == []
    assert figures("主要做法：1加强培训，2完善制度，3强化监督。") == []
    assert figures("本单位（在职人员共12）。") == ["12"]  # a number closing an aside is no list number
    assert figures("其中：2人退休，1人调出。") == ["2人", "1人"]  # counts with their unit


def test_the_grades_and_targets_a_rule_gives_points_for_are_no_figures():
    assert figures("满意度≥90%得满分，80%-90%得3分，低于80%不得分。") == []
    assert figures("完成1万卷得10分，未完成按比例得分。") == []
    assert figures("90分以上得5分，80分以上得3分。") == []
    assert figures("全年完成档案数字化1万卷，得10分。") == ["1万卷", "10分"]  # what was done, and the score given
    assert figures("该项完成1万卷得10分。") == ["1万卷", "10分"]  # no rule beside it: a result


def test_how_many_parts_an_attached_document_holds_is_no_figure():
    assert figures("附件：2.2024年度项目支出绩效自评表（共6个）") == []
    assert figures("全年完成项目6个（共计投入12.50万元）。") == ["6个", "12.50万元"]


def test_words_of_about_and_above_before_a_number_are_its_qualifier_not_its_label():
    from perfeval.core.quantity import Qualifier, find_quantities
    for sentence, qualifier in (("部门整体支出超2800万元。", Qualifier.ABOVE), ("大概2860万元。", Qualifier.ABOUT),
                                ("差不多2860万元。", Qualifier.ABOUT)):
        [found] = find_quantities(sentence)
        assert found.quantity.qualifier == qualifier, sentence
    assert [f.quantity.qualifier for f in find_quantities("超额完成3项任务。")] == [Qualifier.EXACT]


def test_a_magnitude_after_a_qualifier_and_a_point_typed_twice_are_read_never_dropped():
    from perfeval.core.quantity import Qualifier, find_quantities
    [found] = find_quantities("部门整体支出近千万元。")
    assert (found.quantity.value, found.quantity.qualifier) == (10_000_000, Qualifier.ABOUT)
    [found] = find_quantities("在职人员近百人。")
    assert (found.quantity.value, found.quantity.unit) == (100, "人")
    assert find_quantities("附近千家商户。") == [] and find_quantities("千家万户") == []  # no qualifier: words
    for written in ("2864..30万元", "2864.30.万元"):
        [found] = find_quantities(f"支出{written}。")
        assert str(found.quantity.value) == "2864.30" and found.doubt, written  # read, and listed 存疑


def test_a_line_of_other_articles_headlines_holds_no_figure_of_the_unit():
    ticker = ("柳溪检察：积极参与河道治理工作 青石检察依法督促关停一处砖瓦厂 芙蓉检察：讲习夜校正式开讲 "
              "大湖检察：倾心守护一湖碧水 县人大组织12家单位专题研究公益诉讼 市检察院中心组举行集中学习")
    assert figures(ticker, "本院核定编制18人。") == ["18人"]
    assert figures("指标 分值 得分 投入 20 18 过程 30 28 产出 30 30 效益 20 19") == \
        ["20", "18", "30", "28", "30", "30", "20", "19"]  # a table run together on a line: its cells are figures


def test_the_rungs_of_a_scoring_ladder_are_no_figures_but_a_rate_and_its_score_are():
    assert figures("评分标准：执行率≥95%得10分；85%≤执行率<95%得6分；执行率<85%不得分。") == []
    assert figures("资金到位率100%得5分，完成培训120人次得2分。") == ["100%", "5分", "120人次", "2分"]


def test_a_year_a_line_break_cut_from_its_nian_is_no_figure():
    assert figures("柳溪县档案馆2023", "年度部门决算", "一、部门职责") == []
    assert figures("在职人员", "2023", "人") == ["2023"]  # a number whose unit the break cut off stays one


# ---------------------------------------------------------------- an item's number, however it is closed

def test_an_items_number_closed_by_any_mark_is_no_figure():
    assert figures("1，做好档案移交。", "2丶完善值班制度。", "3､规范公文流转。", "4 . 开展岗位练兵。", "5> 清理闲置资产。",
                   "6》落实安全生产。", "7。", "开展消防演练。") == []


def test_an_items_number_set_off_by_a_space_is_no_figure_though_the_item_runs_on():
    assert figures("1 健全议事规则，提高决策质量。", "2 压实岗位责任，按月通报进度。") == []


def test_a_figure_in_an_item_stays_and_a_number_after_a_label_colon_stays():
    assert figures("1，维修道路4.5公里。", "在岗人数：56，其中女职工21人。") == ["4.5公里", "56", "21人"]
    assert figures("3 绿化(6 分)", "4 保洁(4 分)") == ["3", "6 分", "4", "4 分"]  # a form's scores opening its rows


# ---------------------------------------------------------------- dates written with a point

def test_a_year_and_month_with_a_point_where_a_date_stands_is_no_figure():
    assert figures("2024.11 完成竣工验收，2024.12，移交使用。", "交付时间：2025.3。") == []


def test_an_amount_that_looks_like_a_year_and_month_stays():
    assert figures("公用经费 2019.06，商品和服务支出 870.40。", "全年支出2019.06万元。") == \
        ["2019.06", "870.40", "2019.06万元"]


# ---------------------------------------------------------------- rules of scoring in prose

def test_a_ladder_of_points_on_conditions_is_the_frameworks_rule():
    assert figures("到课率100%得6分；到课率95%得4分；到课率低于90%不得分。") == []
    assert figures("按照考核细则，公示及时率达到98%的，计4分；85%的，计2分。") == []


def test_a_rule_after_its_label_or_under_a_heading_of_its_own_holds_no_figure():
    assert figures("考核办法：平均办结时长在5天以内得8分，超出1天扣0.5分，扣完为止。") == []
    assert figures("（二）评分细则", "台账完整的计3分，缺失2本以上计1分。") == []


def test_one_rung_on_a_condition_is_a_rule():
    assert figures("档案管理（4分）：查出一处错档扣0.5分。") == ["4分"]
    assert figures("出现2次以上超标准接待扣3分。") == []


def test_a_score_given_beside_a_rule_stays_a_figure():
    assert figures("评分标准：到课率100%得6分。本项得分5.5分，扣0.5分，因1名学员缺课。") == ["5.5分", "0.5分", "1名"]
    assert figures("因合同备案滞后扣1分。", "办结率为96%，得9.6分。") == ["1分", "96%", "9.6分"]
    assert figures("完成巡河40次，得5分；群众满意度97%，得4分。") == ["40次", "5分", "97%", "4分"]


def test_a_month_and_day_with_a_point_and_a_year_and_month_run_together_where_dates_stand_are_no_figures():
    assert figures("于4.18前完成清单编制，9.26完成复核。", "验收时间：11.30", "202405启动，202410完工。") == []


def test_the_same_writings_as_amounts_stay():
    assert figures("印刷费 4.18，邮电费 9.26。", "维修费增加至4.18万元。", "合计 202405") == ["4.18", "9.26", "4.18万元", "202405"]


def test_a_rung_on_a_plain_condition_beside_one_on_a_bound_is_the_same_rule():
    assert figures("结转率=0，计6分；5%（含）以内，计4分；5%-10%，计2分；大于10%不得分。") == []
    assert figures("巡查覆盖率达到100%，计3分，每少1个百分点扣0.3分。") == []


def test_a_voltage_naming_a_kind_of_line_is_no_figure_but_the_lines_length_is():
    assert figures("改造10千伏线路12.5公里，新建35kV开关站1座。") == ["12.5公里", "1座"]


def test_a_weight_before_its_rule_after_a_colon_stays_a_figure():
    assert figures("2.公务接待控制（8分）：每超支1%扣1分，扣完为止。") == ["8分"]


def test_a_contents_list_run_together_on_one_line_loses_its_page_numbers():
    assert figures("目录第一部分 单位概况2一、职能职责2二、机构设置3第二部分 决算报表4一、收支总表4") == []
    assert figures("一、收入情况：财政拨款收入1200二、支出情况") == ["1200"]  # a clause before it: an amount
