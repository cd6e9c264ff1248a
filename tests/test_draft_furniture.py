"""What a report's pages carry besides its text, and who the report is about, in the shapes real reports take
(each written for these tests): a contents list, a web page's chrome, a code under its label, a title's number and
a year that lost its 年 are never figures; the unit's name from a field whose value stands on the next line; the
claimed score with its unit in the label; the id a file name gives."""
from __future__ import annotations

from pathlib import Path

from perfeval.intake.report.document import build
from perfeval.intake.report.furniture import furniture_lines
from perfeval.intake.report.mentions import prose_mentions
from perfeval.intake.report.unit import unit_id_for
from perfeval.outputs.draft import draft_report

TITLE = "松岭县林业工作站2023年度部门整体支出绩效自评报告"


def figures(*lines: str) -> list[str]:
    return [m.written for m in prose_mentions(build("<test>", ["\n".join(lines)]), set())]


def draft_of(tmp_path: Path, *lines: str):
    report = tmp_path / "report.txt"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return draft_report(report)


def test_a_contents_list_after_its_heading_holds_no_figure_and_opens_no_section():
    lines = ("目 录", "第一部分 单位概况", "3", "一、主要职能", "3", "第二部分 2023年度收支情况", "5",
             "附件3 项目支出明细表", "12", "第一部分 单位概况", "一、主要职能", "本站核定编制18人，实有在职16人。")
    assert figures(*lines) == ["18人", "16人"]
    document = build("<test>", ["\n".join(lines)])
    assert document.furniture == frozenset(range(9))
    assert "附件" not in document.blocks[-1].section  # the contents line 附件3 is no section of the body


def test_page_numbers_after_leaders_spaces_or_straight_after_the_heading_are_no_figures():
    assert figures("目录", "一、基本情况……………… 2", "二、绩效分析 4", "三、存在问题6", "四、改进建议\t9",
                   "一、基本情况", "全年支出总额218.40万元。") == ["218.40万元"]


def test_a_contents_list_without_its_heading_is_a_run_of_headings_with_rising_page_numbers():
    assert figures("收入支出决算总表 5", "收入决算表 6", "支出决算表 7", "财政拨款收支总表 8",
                   "本年收入合计361.20万元。") == ["361.20万元"]
    # two headings with numbers are not enough, nor numbers that fall: a list of counts stays a list of counts
    assert figures("培训班 5", "讲座 3", "观摩活动 2") == ["5", "3", "2"]
    assert figures("培训班 3", "讲座 5") == ["3", "5"]


def test_a_line_stating_a_quantity_ends_the_contents_list():
    assert furniture_lines(["目录", "一、概况 1", "二、支出 2", "基本支出347.79万元", "三、问题 5"]) == {0, 1, 2}


def test_a_web_pages_chrome_holds_no_figure():
    assert figures("索引号：11530000/2024-00017", "发布时间：2024-05-09 10:20  来源：办公室",
                   "浏览次数：356", "【字号：大 中 小】【打印】【关闭】", "阅读：1024",
                   "本站2023年度支出总额218.40万元。") == ["218.40万元"]


def test_a_code_under_its_label_on_the_line_before_is_no_figure():
    assert figures("联系电话", "6623018", "邮政编码", "655300", "人员编制", "21") == ["21"]


def test_a_year_that_lost_its_nian_and_a_titles_number_are_no_figures():
    assert figures("松岭县林业工作站2022绩效评价自评报告") == []
    assert figures("本站2023底有职工15人。") == ["15人"]
    assert figures("部门整体支出绩效自评报告2") == []
    assert figures("全年完成造林2022亩。") == ["2022亩"]  # with its unit, a year's digits are a figure


def test_the_name_in_a_field_whose_value_stands_on_the_next_line(tmp_path):
    draft = draft_of(tmp_path, "部门预算项目支出绩效自评表（2023年度）", "主管部门", "松岭县发展和改革局本级",
                     "实施单位（盖章）", "松岭县发展和改革局", "项目名称", "工资性支出")
    assert (draft.params["unit"]["name"], draft.params["unit"]["year"]) == ("松岭县发展和改革局", 2023)
    draft = draft_of(tmp_path, "部门整体支出绩效评价报告", "部门（单位）名称", "松岭县城市管理监督指挥中心",
                     "一、基本概况")
    assert (draft.params["unit"]["name"], draft.params["unit"]["region"]) == ("松岭县城市管理监督指挥中心", "松岭县")


def test_the_author_a_web_page_names_in_its_chrome_is_the_last_resort_and_unsure(tmp_path):
    draft = draft_of(tmp_path, "部门整体支出绩效评价报告", "【字体：】【发布时间：2022-04-15 14:54】【作者：县政协办】【阅读：",
                     "一、基本情况", "2021年部门决算收支完成情况。")
    assert draft.params["unit"]["name"] == "县政协办"
    assert any(i.kind == "unit" and i.unsure and "作者" in i.unsure for i in draft.items)


def test_the_region_is_named_by_areas_not_by_a_word_ending_in_shi(tmp_path):
    draft = draft_of(tmp_path, "部门（单位）名称：松岭市城市管理局", "一、基本情况")
    assert draft.params["unit"]["region"] == "松岭市"


def test_the_claimed_score_whose_unit_stands_in_its_label(tmp_path):
    for sentence in ("自评总分（分）97.6", "自评总分(分)：97.6", "经自评，本单位自评得分为97.6分。",
                     "综合评分97.6分，等级为良好。"):
        draft = draft_of(tmp_path, TITLE, "一、自评结论", sentence)
        assert str(draft.params.get("claims", {}).get("total")) == "97.6", sentence


def test_an_id_from_a_file_name_is_its_ascii_slug_or_a_hash_never_latin_left_overs():
    assert unit_id_for(Path("Report 2023.txt"), None) == "report-2023"
    chinese = unit_id_for(Path("青禾 县 档案馆 2023 报告.txt"), None)
    assert chinese.startswith("draft-") and chinese == unit_id_for(Path("青禾 县 档案馆 2023 报告.docx"), None)
    assert chinese != unit_id_for(Path("青禾县水利局 2023.txt"), None)
    assert unit_id_for(Path("青禾.txt"), "qinghe_2023") == "qinghe_2023"


def test_a_title_naming_a_units_own_accounts_and_a_file_name_line(tmp_path):
    draft = draft_of(tmp_path, "2023年度松岭县中医医院单位决算", "来源：松岭县中医医院  发布时间：2024-09-24 16:08",
                     "/松岭县中医医院2023年度决算报表.xls")
    assert (draft.params["unit"]["name"], draft.params["unit"]["year"]) == ("松岭县中医医院", 2023)


def test_posts_counted_in_ge_are_the_establishment_in_people_with_their_parts(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、基本情况", "全局行政事业总编制为64个，其中行政编13个、事业编51个。",
                     "本站在职人员60人，内设机构5个。")
    staff = draft.params["figures"]["staff"]
    assert (staff["authorized"]["value"], staff["on_duty"]["value"]) == (64, 60)
    stated = {s["label"]: (s["value"], s["unit"]) for s in draft.params["stated"]}
    assert stated["行政编"] == (13, "人") and stated["事业编"] == (51, "人")
    assert stated["内设机构"] == (5, "个")  # a count of offices stays a count of offices


def test_a_title_whose_year_a_republished_copy_masked_still_names_the_unit(tmp_path):
    for title in ("?松岭县统计局(略)年度部门决算", "松岭县统计局20xx年度部门整体支出绩效自评报告"):
        assert draft_of(tmp_path, title, "目录", "第一部分 概况").params["unit"]["name"] == "松岭县统计局", title


def test_a_flattened_form_names_the_implementing_unit_after_a_space_and_its_code(tmp_path):
    draft = draft_of(tmp_path, "项目支出绩效自评表 (2022年度) 项目名称 委托业务项目 主管部门 219-松岭县青山镇人民政府 "
                               "实施单位 219001-松岭县青山镇人民政府 项目资金 (万元)")
    assert draft.params["unit"]["name"] == "松岭县青山镇人民政府"


def test_a_files_properties_saved_into_its_text_are_no_figures():
    assert figures("张三 abc123456 1 2019-05-22T04:56:35Z 2020-01-01T08:00:00Z 15.00 9300 22370 0 0 False False "
                   "附件：项目支出绩效自评表", "本项目共申请预算资金90万元。") == ["90万元"]


def test_the_website_a_report_was_saved_from_names_the_unit_when_nothing_else_does(tmp_path):
    draft = draft_of(tmp_path, "欢迎来到松岭县政协网站！", "您现在的位置：首页 > 通知公告", "部门整体支出绩效评价报告",
                     "一、基本情况", "2022年部门决算收支完成情况。")
    unit = draft.params["unit"]
    assert unit["name"] == "松岭县政协"
    assert any(i.kind == "unit" and i.unsure and "发布网站" in i.unsure for i in draft.items)


def test_a_number_opening_a_line_a_pdf_broke_mid_sentence_is_labelled_by_the_line_before(tmp_path):
    draft = draft_of(tmp_path, TITLE, "3.自评开展情况。按照预算绩效管理要求，本单位对2023年整体支出开展绩效自评，自评得分",
                     "91.5 分，存在的问题：一是预算编制不够精细。")
    assert str(draft.params.get("claims", {}).get("total")) == "91.5"


def test_the_unit_a_project_is_named_after_when_nothing_else_names_one(tmp_path):
    draft = draft_of(tmp_path, "绩效自评报告", "一、项目概况",
                     "项目名称：松岭县人民医院设备更新专项资金项目，项目实施地点：松岭县人民医院。")
    assert draft.params["unit"]["name"] == "松岭县人民医院"
    assert any(i.kind == "unit" and i.unsure and "项目名称" in i.unsure for i in draft.items)


def test_the_body_opening_with_any_heading_the_contents_named_ends_the_list_and_its_sections_count():
    document = build("<test>", ["\n".join(("目录", "第一部分松岭县第二中学概况", "一、部门职责", "二、机构设置",
                                            "第一部分", "松岭县第二中学概况", "一、 部门职责", "二、 机构设置",
                                            "本校在职教职工86人。"))])
    assert document.furniture == frozenset(range(6))
    assert document.blocks[-1].section == "二"


def test_a_space_aligned_table_of_counts_rising_is_no_contents_list():
    assert figures("在职人员 30", "退休人员 45", "合计 75") == ["30", "45", "75"]


def test_a_line_opening_with_a_chrome_word_that_states_an_amount_is_the_reports():
    assert figures("来源：财政拨款120.00万元", "浏览次数：88次") == ["120.00万元"]


def test_page_numbers_a_pdf_left_between_lines_of_text_are_no_figures():
    text = "本单位全年共组织各类培训活动，参训人员覆盖全体在职干部职工，"
    assert figures("一、基本情况", text, "3", text + "培训12次。", text, "- 4 -", text, "第5页", "全年支出218.40万元。") \
        == ["12次", "218.40万元"]
    # numbers alone that do not count up, or stand under a cell's label, are read
    assert figures(text, "3", text, "9", text, "27") == ["3", "9", "27"]


def test_a_bare_number_is_money_only_when_the_words_right_before_it_speak_of_money():
    document = build("<test>", ["项目资金使用 绩效指标 年度指标值 实际完成值 分值 得分 委托业务数量 ≥50个 50 8 8",
                                "本年收益9230万，年初预算总额为1802"])
    units = [(m.written, m.quantity.unit) for m in prose_mentions(document, set())]
    assert units == [("≥50个", "个"), ("50", ""), ("8", ""), ("8", ""), ("9230万", "万元"), ("1802", "万元")]


def test_title_lines_as_units_write_them():
    from perfeval.intake.report.unit import read_unit

    for title in ("松岭县林业局关于2023年度部门整体支出绩效自评情况的报告", "2023年度部门整体支出绩效自评报告（松岭县林业局）",
                  "松岭县林业局（本级）2023年度部门整体支出绩效自评报告", "松岭县林业局关于报送2023年度部门整体支出绩效自评报告的函"):
        unit = read_unit(build("<test>", [title, "一、基本情况", "本局负责全县林业工作。"]))
        assert unit.name and unit.year and (unit.name.value, unit.year.value, unit.year.basis) == (
            "松岭县林业局", "2023", "标题"), title


def test_a_report_written_as_a_letter_is_signed_at_its_end_and_its_text_names_the_year():
    from perfeval.intake.report.unit import read_unit

    unit = read_unit(build("<test>", ["部门整体支出绩效自评报告", "松岭县财政局：",
                                      "根据要求，现将我局2023年度整体支出绩效自评情况报告如下。", "一、基本情况",
                                      "本局负责全县林业工作。", "松岭县林业局", "2024年3月15日"]))
    assert unit.name and unit.year and (unit.name.value, unit.name.basis) == ("松岭县林业局", "落款")
    assert (unit.year.value, unit.year.basis) == ("2023", "正文")


def test_a_web_sites_footer_holds_no_figure():
    assert figures("网站标识码:4300000001 湘ICP备:10025919号-1", "本页面执行时间为0.05秒，推荐使用1280*720分辨率以上显示器",
                   "松岭县12345政务服务热线 电话1:0745-12345", "全年支出218.40万元。") == ["218.40万元"]


def test_a_name_whose_place_a_republished_copy_masked_is_read_as_written():
    from perfeval.intake.report.unit import read_unit

    for title, name in (("XX区妇女联合会2022年度部门整体支出绩效自评报告", "XX区妇女联合会"),
                        ("××县民政局2023年度部门整体支出绩效自评报告", "××县民政局")):
        unit = read_unit(build("<test>", [title, "一、基本情况"]))
        assert unit.name and unit.name.value == name, title


def test_a_title_set_on_three_lines_names_the_unit_and_the_year():
    from perfeval.intake.report.unit import read_unit

    unit = read_unit(build("<test>", ["松岭县林业局", "2023年度", "部门整体支出绩效自评报告", "一、基本情况"]))
    assert unit.name and unit.year and (unit.name.value, unit.year.value, unit.year.basis) == ("松岭县林业局", "2023", "标题")


def test_a_count_whose_label_names_money_before_its_head_is_no_money():
    """下属预算单位数量 counts units: the money word 预算 before the label's head (数量) is what is counted."""
    document = build("<test>", ["所属二级预算单位数量：6", "纳入预算单位个数 4", "年初预算总额为1802"])
    assert [(m.written, m.quantity.unit) for m in prose_mentions(document, set())] == [("6", ""), ("4", ""),
                                                                                      ("1802", "万元")]


def test_a_paragraphs_number_set_alone_on_its_line_is_no_figure():
    """A PDF or a web page sets a paragraph's number on its own line: after a sentence's end, before the paragraph's
    text. A number alone before a short label (a form's weight, then the next row's name) is still read."""
    assert figures("全年完成各项目标任务。", "1", "严格执行预算，确保资金安全有效使用。", "2",
                   "完善内部控制制度，规范资金使用。") == []
    assert figures("指标说明按实际完成情况计分。", "10", "预算执行率") == ["10"]


def test_a_contents_line_holding_a_year_is_read_as_no_table():
    """A contents line whose heading holds a year (某某办2020年部门整体支出绩效评价报告 24) looks like a form's label and
    value pairs; it is the contents' and no table reads it."""
    from perfeval.intake.report.tables import read_tables

    document = build("<test>", ["\n".join(["目 录", "第一部分 部门概况 1", "第四部分 附件 14",
                                           "松岭县扶贫办2020年部门整体支出绩效评价报告 14", "一、部门概况 14",
                                           "松岭县扶贫项目2020年绩效评价报告 17", "一、项目概况 17", "第一部分 部门概况",
                                           "本办2020年度支出总额218.40万元。"])])
    assert read_tables(document, 2020).cells == [] and figures(*[b.cells[0] for b in document.blocks]) == ["218.40万元"]


def test_a_document_sites_chrome_around_a_copy_holds_no_figure():
    assert figures("欢迎 ° 共12页 356.2 KB下载文档", "当前文档共12页 2.99", "本年支出218.40万元。") == ["218.40万元"]


def test_money_named_further_back_in_a_flattened_row_than_the_words_before_a_number_makes_it_no_money():
    """In a form flattened onto one line a row's weight and score follow words that name no money, though money is
    named earlier in the row (经费使用合规性 … 达成预期指标 8 8); money named right before a number makes it 万元."""
    document = build("<test>", ["资金使用 经费使用合规性 严格执行制度 达成预期指标 8 8",
                                "年初预算总额 1802，本年收益9230万"])
    assert [(m.written, m.quantity.unit) for m in prose_mentions(document, set())] == [
        ("8", ""), ("8", ""), ("1802", "万元"), ("9230万", "万元")]


def test_a_web_pages_links_to_files_and_its_widgets_hold_no_figure():
    assert figures("附件1：柳溪县档案馆2023年度项目绩效自评表(共12个).pdf", "更多 24小时排行榜",
                   "本年支出218.40万元，详见附件1.pdf。") == ["218.40万元"]


def test_page_numbers_glued_to_numbered_headings_are_a_contents_list_when_the_body_repeats_a_heading():
    assert figures("第一部分 单位概况2", "一、主要职能2", "二、机构设置7", "第二部分 收支情况9",
                   "一、主要职能", "本站核定编制18人，实有在职16人。") == ["18人", "16人"]
    # numbered items with counts glued on, whose headings the text never repeats, are counts
    assert figures("一、培训班3", "二、讲座5", "三、观摩活动7", "本站全年开展活动15次。") == ["3", "5", "7", "15次"]


def test_page_numbers_after_unusual_leaders_and_split_by_a_pdf_are_no_figures():
    assert figures("一、基本情况¨¨¨¨ 3", "二、绩效分析¨¨¨¨ 9", "三、存在问题¨¨¨ 1 2", "四、改进建议⋯⋯⋯ 1 4",
                   "一、基本情况", "本站核定编制18人。") == ["18人"]
