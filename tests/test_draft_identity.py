"""Who a report is about and which year it evaluates, read by where the words stand (the title block, a cover's
fields, a form's cells, the signature, the publication date), in the shapes reports take — each written for these
tests with names of our own."""
from __future__ import annotations

from decimal import Decimal

import pytest

from perfeval.intake.report import draft_report
from perfeval.intake.report.document import build
from perfeval.intake.report.unit import is_unit_name, read_unit

NAME = "柳溪县档案馆"


def identity(*lines: str) -> tuple[str | None, str | None, str | None, str | None]:
    unit = read_unit(build("<test>", ["\n".join(lines)]))
    return (unit.name.value if unit.name else None, unit.name.basis if unit.name else None,
            unit.year.value if unit.year else None, unit.year.basis if unit.year else None)


@pytest.mark.parametrize("lines, name, year", [
    # the title line, however its year is written or placed
    (("柳溪县档案馆二〇二三年度部门整体支出绩效自评报告",), NAME, "2023"),
    (("柳溪县档案馆（2023年度）部门整体支出绩效自评报告",), NAME, "2023"),
    (("柳溪县档案馆部门整体支出绩效自评报告（2023年度）",), NAME, "2023"),
    (("柳溪县档案馆部门整体支出绩效自评报告", "（2023年度）"), NAME, "2023"),
    (("柳 溪 县 档 案 馆 2023 年 度 部 门 整 体 支 出 绩 效 自 评 报 告",), NAME, "2023"),
    (("柳溪县档案馆2023年度部门决算",), NAME, "2023"),
    (("柳溪县档案馆 2024年部门预算公开",), NAME, "2024"),            # a budget's title names its year
    (("2023年度柳溪县档案馆(汇总)部门决算",), NAME, "2023"),           # the accounts' scope is no part of the name
    (("标      题 柳溪县档案馆(本级)2018年度决算公开(整改)",), NAME, "2018"),  # a web page's 标题 field, a note after
    (("当前位置:首页>>财政信息>>2019年预决算>>2018年部门决算", "柳溪县档案馆2018年部门决算编制说明"), NAME, "2018"),
    (("柳溪县档案馆档案数字化项目省级补助资金2023年度绩效自评报告",), NAME, "2023"),  # a project named after the unit
    (("柳溪县档案馆2023年度部门整体支出绩效评价报告.docx", "柳溪县档案馆机关第一党支部2023年度部门整体支出绩效评价报告"),
     "柳溪县档案馆机关第一党支部", "2023"),                               # a later title naming the unit more fully
    # the name set on the line under a title that names none
    (("2023年度部门整体支出绩效自评报告", NAME), NAME, "2023"),
])
def test_the_title_block_names_the_unit_and_the_year(lines, name, year):
    assert identity(*lines, "一、基本情况", "本馆负责全县档案工作。") == (name, "标题", year, "标题")


@pytest.mark.parametrize("title", ["本溪县文化馆2023年度部门整体支出绩效自评报告", "全椒县文化馆2023年度部门整体支出绩效自评报告"])
def test_a_place_opening_with_ben_or_quan_is_a_name_not_a_unit_speaking_of_itself(title):
    assert identity(title)[0] == title[:6]


@pytest.mark.parametrize("words, is_name", [
    ("本单位", False), ("本局机关", False), ("我中心", False), ("该管理站", False), ("全县档案馆", False),
    ("本溪县档案馆", True), ("全椒县档案馆", True), ("全州县档案馆", True),
])
def test_a_unit_speaking_of_itself_is_no_name(words, is_name):
    assert is_unit_name(words) is is_name


@pytest.mark.parametrize("cover", [
    "部门(单位)名称柳溪县档案馆预算编码410203报告日期:2024年5月10日",     # a .docx cover flattened onto one line
    "部门（单位）名称  柳溪县档案馆",                                     # spaces for a colon
    "部门（单位）名称 | 柳溪县档案馆 |",                                  # a web table's cells on one line
    "单位名称\t柳溪县档案馆",                                           # a form's two cells
])
def test_a_cover_field_names_the_unit_whatever_stands_between_label_and_name(cover):
    name, basis, _, _ = identity("2023年度部门整体支出绩效自评报告", cover, "一、基本情况")
    assert (name, basis) == (NAME, "部门（单位）名称")


def test_a_forms_year_cell_after_its_label_cell():
    _, _, year, basis = identity("部门整体支出绩效自评表", "评价单位\t柳溪县档案馆\t评价年度\t2023", "指标\t分值")
    assert (year, basis) == ("2023", "评价年度")


@pytest.mark.parametrize("date", ["2024年3月15日", "二〇二四年三月十五日", "2024.3.15", "2024-03-15"])
def test_a_signature_beside_its_date_however_the_date_is_written(date):
    name, basis, year, year_basis = identity("部门整体支出绩效自评报告", "一、基本情况", "本馆负责全县档案工作。",
                                             NAME, date)
    assert (name, basis, year) == (NAME, "落款", "2023") and year_basis.startswith("发布日期")


def test_the_publication_date_of_a_web_page_gives_the_year_before_it_unsure():
    unit = read_unit(build("<test>", ["发布机构：柳溪县档案馆\n发布日期：2024-05-10\n部门整体支出绩效自评报告\n"
                                      "根据要求开展自评。"]))
    assert unit.name and unit.year and (unit.name.value, unit.year.value, unit.year.sure) == (NAME, "2023", False)


def test_a_copy_that_masked_the_years_takes_no_year_from_its_own_date():
    """A republished copy masks the report's years (20xx年度) and dates itself: that date is the copy's, not the
    report's, so no year is read from it."""
    unit = read_unit(build("<test>", ["2022-10-17 来源：某某范文网\n绩效自评报告\n我馆于20xx年4月开展自评。"]))
    assert unit.year is None


def test_a_draft_of_a_report_naming_no_year_says_its_year_is_a_placeholder(tmp_path):
    """params need a year: a report naming none gets the year before drafting, 存疑, and the draft says it named
    none (year_named), so what measures the reader does not take the placeholder for a year read."""
    report = tmp_path / "report.txt"
    report.write_text("部门整体支出绩效自评报告\n柳溪县档案馆全年完成档案数字化12万页。\n", encoding="utf-8")
    draft = draft_report(report)
    assert not draft.year_named and isinstance(draft.params["unit"]["year"], int)
    report.write_text("柳溪县档案馆2023年度部门整体支出绩效自评报告\n全年完成档案数字化12万页。\n", encoding="utf-8")
    draft = draft_report(report)
    assert draft.year_named and draft.params["unit"]["year"] == 2023


def test_a_web_pages_field_table_saved_with_cell_marks_names_the_publisher():
    name, basis, year, _ = identity("索引号 | 11530000/2021-0415007 | 发布机构 | 柳溪县档案馆 |",
                                    "发布日期 | 2021-04-15 09:12:40 |", "（档案数字化项目）", "一、项目基本情况")
    assert (name, basis, year) == (NAME, "发布机构", "2020")


def test_a_parts_heading_in_the_contents_is_no_fuller_name_than_the_title():
    """第二部分 某某学校2025年单位预算表 names the same unit as the title: the part's number is no part of the name."""
    name, basis, year, _ = identity("柳溪县第三中学2025年单位预算", "目 录", "第一部分 柳溪县第三中学单位概况",
                                    "第二部分 柳溪县第三中学2025年单位预算表", "一、收支预算总表")
    assert (name, basis, year) == ("柳溪县第三中学", "标题", "2025")


def test_a_name_the_text_introduces_with_its_short_form_is_the_subject_unsure():
    unit = read_unit(build("<test>", ["某某专项资金2023年度绩效自评报告\n"
                                      "根据《某某办法》的规定，柳溪县残疾人联合会（以下简称“县残联”）成立自评工作组，开展自评。"]))
    assert unit.name and (unit.name.value, unit.name.sure) == ("柳溪县残疾人联合会", False)


def test_a_web_pages_navigation_before_the_title_does_not_push_it_out_of_the_title_block():
    crumbs = ("首页", "政务公开", "信息公开目录", "财政信息", "部门预决算", "当前位置：首页 > 政务公开 > 财政信息",
              "【字号：大 中 小】", "打印本页", "关闭窗口", "分享到：")
    assert identity(*crumbs, "柳溪县档案馆2023年度部门整体支出绩效自评报告", "一、基本情况")[:3] == (NAME, "标题", "2023")


@pytest.mark.parametrize("field, name", [("部门：柳溪县档案馆 金额单位：万元", NAME), ("单位：柳溪县档案馆", NAME),
                                         ("主管部门：柳溪县文化局", None), ("金额单位：万元", None)])
def test_a_tables_header_field_names_the_unit_but_not_its_supervisor(field, name):
    assert identity("2023年度部门决算", field, "收入 支出")[0] == name


def test_an_evaluation_period_names_the_year_and_is_no_publication_date():
    assert identity("部门整体支出绩效自评报告", "评价时段：2023年1月1日至2023年12月31日", "一、基本情况")[2:] == (
        "2023", "评价年度")


def test_a_units_own_organ_is_a_name():
    assert identity("柳溪县财政局机关2023年度部门整体支出绩效自评报告")[:2] == ("柳溪县财政局机关", "标题")


@pytest.mark.parametrize("sentence, total, grade", [
    ("按照评分标准，自评最终得分为91.5分，属于“优”等级。", 91.5, "优"),
    ("最终得分91.5分（满分100分），绩效等级为优。", 91.5, "优"),
    ("本年度绩效评价得分83分，评价等级“良”。", 83, "良"),
    ("自评结果：83分。", 83, None),
    ("产出指标得分25分，效益指标得分28分。", None, None),       # sections' scores claim no total
    ("预算执行率（10分）：本项自评得分9分。产出指标（50分）：该指标自评得分48分。", None, None),
    ("预算执行率（10分）：本项自评得分9分。综上，部门整体支出绩效自评得分为95分，等级为优。", 95, "优"),
    ("自评结论：良（83分）。", 83, "良"),                      # the score in brackets after its grade
    ("本次自评得83分，等级为良好。", 83, "良"), ("评分结果为83分。", 83, None), ("自评等次：良；自评分：83分。", 83, "良"),
    ("综合评定得分83分，为良好等次。", 83, "良"),
    ("自评得分比上年增加3.5分。", None, None), ("自评得分83分，较上年提高3.5分。", 83, None),  # a change: no claim
    # the evaluated whole as the score's subject (本项目 is no 本项, an item's own score)
    ("本项目自评得分86分。", None, None),  # a project as the subject, in a whole department's report: no claim
    ("经综合评价，该项目得分86分，属于“良”等级。", 86, "良"),
    ("通过自评，总体得分86.5分，等次为良。", 86.5, "良"), ("本单位2023年度自评分数为86分。", 86, None),
    ("该项目产出指标得分45分。", None, None), ("本项自评得分9分。", None, None),
    ("按照评分标准，本馆自评得86分，属良好等级。", 86, "良"), ("本馆属差额拨款事业单位。", None, None),
])
def test_the_claimed_total_and_grade_in_their_usual_wordings(tmp_path, sentence, total, grade):
    from perfeval.outputs.draft import draft_report

    report = tmp_path / "r.txt"
    report.write_text(f"柳溪县档案馆2023年度部门整体支出绩效自评报告\n一、基本情况\n本馆支出总额218.40万元。\n{sentence}\n",
                      encoding="utf-8")
    claims = draft_report(report).params.get("claims", {})
    assert (claims.get("total"), claims.get("grade")) == (total, grade)


def test_a_copy_in_traditional_characters_names_the_unit_and_year_as_it_writes_them():
    name, basis, year, year_basis = identity("柳溪縣檔案館2023年度部門整體支出績效自評報告", "一、基本情況",
                                             "本館負責全縣檔案工作。")
    assert (name, basis, year, year_basis) == ("柳溪縣檔案館", "标题", "2023", "标题")


@pytest.mark.parametrize("title_year", ["2014", "2099"])
def test_a_title_year_the_text_never_names_while_it_names_another_is_a_typing_mistake(title_year):
    """A title typed 2014 (or 2099) for 2024 was taken as sure, and every figure dated 2024 left the catalogue."""
    unit = read_unit(build("<test>", [f"柳溪县档案馆{title_year}年度部门整体支出绩效自评报告\n"
                                      "2024年末核定编制25名。2024年部门整体支出2450.60万元。2024年“三公”经费支出16.00万元。"]))
    assert unit.year and (unit.year.value, unit.year.sure) == ("2024", False)
    assert f"写{title_year}年" in unit.year.basis and "3次写2024年" in unit.year.basis


def test_a_title_year_the_text_names_once_stays_the_year_evaluated():
    """A report on 2023 that speaks mostly of the years before and after still evaluates 2023."""
    unit = read_unit(build("<test>", ["柳溪县档案馆2023年度部门整体支出绩效自评报告\n2023年支出合计100万元。"
                                      "2024年计划完成3项。2024年预算120万元。2024年继续推进。"]))
    assert unit.year and (unit.year.value, unit.year.sure) == ("2023", True)


@pytest.mark.parametrize("title", ["健全现代医院管理制度项目2023年度绩效自评报告",       # a project, not a unit
                                   "根据县财政局要求开展2023年度绩效自评报告工作"])
def test_no_name_is_cut_out_of_a_project_or_a_sentence_that_opens_with_no_area(title):
    assert identity(title, "一、基本情况")[0] is None


def test_a_copy_on_a_site_that_republishes_documents_takes_no_year_from_its_post_date():
    """An essay site dates its post (时间:2024-06-12 … 我要投稿): the report's year is the one its text names."""
    unit = read_unit(build("<test>", ["项目绩效自评报告\n时间:2024-06-12 13:25:38 自评报告 我要投稿\n"
                                      "2021年部门预算项目支出87.5万元，2021年共开展评审3次。"]))
    assert unit.year and (unit.year.value, unit.year.sure) == ("2021", False)


# ---------------------------------------------------------------- more shapes of the title block and the text

@pytest.mark.parametrize("lines, name, year", [
    (("柳溪县档案馆", "2023", "部门整体支出绩效自评报告"), NAME, "2023"),  # a cover broken one word per line
    (("柳溪县档案馆部门整体支出绩效自评报告 2023",), NAME, "2023"),  # the year after the title, without 年
    (("附件：1.柳溪县档案馆2023年度部门整体支出绩效自评报告",), NAME, "2023"),  # an attachment list's item
    (("首页 > 信息公开 > 财政预决算 > 柳溪县档案馆2023年度部门决算",), NAME, "2023"),  # a site's path ending in the title
    (("柳溪县档案馆２０２３年度部门整体支出绩效自评报告",), NAME, "2023"),  # full-width digits
    (("柳溪县档案馆2023年1-12月部门整体支出绩效自评报告",), NAME, "2023"),  # the months it covers
    (("柳溪县档案馆2023财年部门整体支出绩效自评报告",), NAME, "2023"),
    (("关于柳溪县档案馆《2023年度部门整体支出绩效自评报告》的说明",), NAME, "2023"),  # the unit before the quoted title
])
def test_a_title_however_the_page_sets_it(lines, name, year):
    assert identity(*lines, "一、基本情况", "本馆负责全县档案工作。")[::2] == (name, year)


def test_a_field_that_runs_on_into_the_next_fields_label_keeps_only_the_name():
    assert identity("部门整体支出绩效自评报告（2023年度）部门名称:柳溪县城市管理局评价单位:柳溪县城市管理局")[:2] == \
        ("柳溪县城市管理局", "部门（单位）名称")


def test_a_township_the_title_names_by_its_place_is_its_government_as_the_text_names_it():
    assert identity("青石乡部门整体支出绩效自评报告", "（2023年度）", "青石乡人民政府主要职能职责：贯彻执行党的路线。")[0] == \
        "青石乡人民政府"
    assert identity("青石乡部门整体支出绩效自评报告", "（2023年度）", "本乡共有干部职工36人。")[0] == "青石乡"


def test_an_areas_sangong_title_names_the_area():
    assert identity("2023年度柳溪县“三公”经费支出决算情况", "全县“三公”经费决算支出数为365.20万元。")[0] == "柳溪县"
    assert identity("2023年度柳溪县部门决算情况", "全县支出365.20万元。")[0] is None  # a bare area is no unit elsewhere


@pytest.mark.parametrize("sentence, name", [
    ("柳溪县慈航镇中心小学是一所公办小学。", "柳溪县慈航镇中心小学"),  # a short sentence about the unit
    ("2023年，柳溪县自然资源局机关运行经费支出56.30万元。", "柳溪县自然资源局"),  # after the year it speaks of
    ("按照县委编办的批复，柳溪县档案馆内设3个科室。", NAME),  # after the basis it speaks on
    ("根据省财政厅的工作安排，经柳溪县财政局汇总，全县“三公”经费支出如下。", "柳溪县财政局"),  # who compiled the figures
    ("根据上级的部署要求，柳溪县总工会高度重视，及时开展了自查工作。", "柳溪县总工会"),
])
def test_the_unit_a_sentence_of_the_text_speaks_of_is_unsure(sentence, name):
    unit = read_unit(build("<test>", ["第一部分 单位概况\n一、职能简介\n" + sentence]))
    assert unit.name is not None and (unit.name.value, unit.name.sure) == (name, False)


def test_a_heading_about_the_unit_is_no_sentence_naming_it():
    assert identity("第一部分 单位概况", "柳溪县档案馆概况说明", "二、收支情况")[0] is None


def test_a_copying_sites_line_about_its_copies_names_no_unit_and_dates_no_year():
    name, _, year, _ = identity("乡镇部门绩效自评报告", "2025-09-04报告",
                                "请欣赏乡镇部门绩效自评报告(精选6篇),由某某网整理,希望能够帮助到大家。",
                                "乡镇部门绩效自评报告 篇1", "一、部门基本情况",
                                "柳溪县青石镇人民政府在县委、县政府的坚强领导下，团结带领全镇干部群众推进各项工作。")
    assert (name, year) == ("柳溪县青石镇人民政府", None)


def test_a_title_after_a_web_pages_chrome_or_broken_over_two_lines_names_the_unit():
    chrome = ("柳溪县人民政府门户网站欢迎您", "网站首页 | 政务公开 | 政务服务 | 互动交流", "当前位置：首页 > 政务公开 > 财政信息",
              "【字体：大 中 小】 【打印本页】", "发布时间：2024-05-09 10:20:00", "信息来源：柳溪县财政局", "浏览次数：1256次",
              "分享到：微信 微博 QQ空间", "扫一扫在手机打开当前页")
    assert identity(*chrome, "柳溪县档案馆2023年度部门整体支出绩效自评报告", "一、基本情况")[::2] == (NAME, "2023")
    assert identity("柳溪县城市管理综合", "行政执法局2023年度部门整体支出绩效自评报告", "一、基本情况")[0] == \
        "柳溪县城市管理综合行政执法局"
    # a unit of its own on the line above (the page's publisher) is no first part of the title's name
    assert identity("柳溪县卫生健康局", "人民医院2023年度部门决算")[0] == "人民医院"


def test_the_unit_the_text_says_is_mainly_responsible_for_its_work():
    unit = read_unit(build("<test>", ["2023年度部门整体支出绩效自评报告\n一、部门基本情况\n"
                                      "柳溪县档案馆主要负责全县档案的收集、整理和保管工作。"]))
    assert unit.name is not None and (unit.name.value, unit.name.sure) == (NAME, False)


def test_a_title_saying_who_publishes_the_figures_names_that_unit():
    assert identity("柳溪县财政局公布全县部门“三公”经费情况", "2023年全县“三公”经费支出365.20万元。")[0] == "柳溪县财政局"
    assert identity("2023年，全县“三公”经费决算支出365.20万元。")[0] is None  # the area a sentence speaks of


def test_the_unit_sealing_the_closing_lines_and_a_grade_before_its_score_in_brackets():
    unit = read_unit(build("<test>", ["部门整体支出绩效自评报告\n一、基本情况\n本局负责全县工作。\n柳溪县自然资源局（公章）\n"
                                      "2025年3月20日"]))
    assert unit.name is not None and (unit.name.value, unit.name.basis) == ("柳溪县自然资源局", "落款")
    unit = read_unit(build("<test>", [f"{NAME}2023年度部门整体支出绩效自评报告\n部门整体支出绩效评价结果为优秀（得分94分）。"]))
    assert unit.grade is not None and unit.grade.value == "优"


@pytest.mark.parametrize("conclusion", [
    "经综合评价，本局2024年度部门整体支出绩效自评原始得分46分（满分50分），按百分制折算后得分92分，等级为优。",
    "经综合评价，本局按百分制折算后得分92分（原始得分46分，满分50分），等级为优。",  # a score out of 50 is no total
    "一、项目绩效\n耕地保护项目自评得分85分，等级为良；地质灾害防治项目自评得分78分，等级为中。\n二、结论\n"
    "本局2024年度部门整体支出绩效自评得分92分，等级为优。",  # a project's claim before the department's
    "本局2023年度部门整体支出绩效自评得分88分，等级为良；2024年度自评得分92分，等级为优。",  # last year's first
    "全县部门整体支出绩效自评平均得分88分。经综合评价，本局2024年度部门整体支出绩效自评得分92分，等级为优。",  # an average
    "县住建局2024年度部门整体支出绩效自评得分80分。经综合评价，本局2024年度部门整体支出绩效自评得分92分，等级为优。",
])
def test_the_claimed_total_and_grade_are_the_departments_for_the_year_on_a_hundred(tmp_path, conclusion):
    from perfeval.outputs.draft import draft_report
    report = tmp_path / "report.txt"
    report.write_text(f"柳溪县自然资源局2024年度部门整体支出绩效自评报告\n{conclusion}\n", encoding="utf-8")
    claims = draft_report(report).params["claims"]
    assert (claims.get("total"), claims.get("grade")) == (92, "优")


def test_a_projects_claim_is_the_claim_of_a_report_that_claims_no_other(tmp_path):
    from perfeval.outputs.draft import draft_report
    report = tmp_path / "report.txt"
    report.write_text("柳溪县档案馆档案数字化项目2024年度绩效自评报告\n经评价，档案数字化项目自评得分95分，等级为优。\n",
                      encoding="utf-8")
    claims = draft_report(report).params["claims"]
    assert (claims.get("total"), claims.get("grade")) == (95, "优")


@pytest.mark.parametrize("conclusion, grade, written", [
    ("经综合评价，本馆2023年度部门整体支出绩效自评得分92分，等级为A。", "优", "A"),  # a letter some provinces grade in
    ("本馆2023年度部门整体支出绩效自评得分83分，评价等级为B级。", "良", "B"),
    ("经自评，本馆2023年度部门整体支出自评结果为“好”，得分92分。", "优", "好"),  # 好 / 较好 / 一般 / 较差
    ("经自评，本馆2023年度部门整体支出绩效等次为“较好”。", "良", "较好"),
    ("本馆2023年度部门整体支出绩效评价等级：Ｃ", "中", "C"),
])
def test_a_grade_on_another_scale_is_read_at_its_rank_and_unsure(conclusion, grade, written):
    unit = read_unit(build("<test>", [f"{NAME}2023年度部门整体支出绩效自评报告\n一、基本情况\n{conclusion}"]))
    assert unit.grade is not None and (unit.grade.value, unit.grade.sure) == (grade, False)
    assert f"写作“{written}”" in unit.grade.basis


@pytest.mark.parametrize("sentence", ["档案数字化工作开展情况为好。", "本馆资料整理效果一般。", "全年共评为A类档案126卷。",
                                      "经自评，本馆2023年度部门整体支出绩效自评为良好，档案A级管理达标。"])
def test_a_word_or_letter_that_is_no_grade_is_not_read_as_one(sentence):
    unit = read_unit(build("<test>", [f"{NAME}2023年度部门整体支出绩效自评报告\n一、基本情况\n{sentence}"]))
    assert unit.grade is None or (unit.grade.value, unit.grade.sure) == ("良", True)


def test_the_unit_issuing_its_report_as_an_official_document_is_named_by_its_header():
    header = ("柳溪县档案馆文件", "柳档发〔2024〕8号", "关于2023年度部门整体支出绩效自评情况的报告", "县财政局：",
              "现将本馆2023年度部门整体支出绩效自评情况报告如下。")
    assert identity(*header)[:2] == (NAME, "版头（某某文件）")
    # a notice's header is its sender's, not the unit's that reports
    assert identity("柳溪县财政局文件", "柳财发〔2024〕3号", "关于开展2023年度部门整体支出绩效自评工作的通知", "各单位：")[0] is None


def test_the_unit_the_first_sentence_says_evaluated_itself_is_unsure():
    unit = read_unit(build("<test>", ["2023年度部门整体支出绩效自评报告\n"
                                      "根据县财政局要求，柳溪县档案馆对2023年度部门整体支出开展了绩效自评。"]))
    assert unit.name is not None and (unit.name.value, unit.name.sure) == (NAME, False)


@pytest.mark.parametrize("field", ["预算单位：柳溪县档案馆", "单位（盖章）：柳溪县档案馆", "编报单位：柳溪县档案馆",
                                   "填表单位: 柳溪县档案馆 |"])
def test_a_budget_or_sealed_units_field_names_the_unit(field):
    assert identity("2023年部门预算", field, "一、部门职责")[0] == NAME


def test_a_sites_welcome_banner_over_the_title_names_no_unit():
    assert identity("欢迎访问柳溪县人民政府", "2023年度部门决算", "一、部门职责", "负责全县档案工作。")[0] is None


def test_the_name_on_the_line_under_a_title_is_without_the_accounts_scope():
    assert identity("2023年度部门决算", "柳溪县档案馆（本级）", "一、部门职责")[0] == NAME


def test_a_notice_opening_with_its_basis_names_the_unit_it_announces_not_the_clause():
    line = "按照县政府关于推进政府信息公开工作的部署和要求，现将柳溪县青石镇2023年度“三公”经费决算情况公布如下："
    assert identity(line, "2023年度“三公”经费32.40万元。")[0] == "柳溪县青石镇"
    assert not is_unit_name("按照县政府、区政府的要求,现将青石镇")  # a clause is no name, however it ends


@pytest.mark.parametrize("lines", [
    ("目录", "一、收入支出决算总表", "说明：柳溪县档案馆没有使用政府性基金预算安排支出，故本表无数据。"),
    ("部门决算说明", "根据《柳溪县人民政府办公室关于印发柳溪县档案馆主要职责内设机构和人员编制规定的通知》，本馆内设3个科室。"),
])
def test_a_statement_naming_the_unit_only_in_passing_names_it_unsure(lines):
    """A 决算 that names its unit nowhere else: the note under a table left empty, or its own 三定规定 cited."""
    unit = read_unit(build("<test>", ["\n".join(lines)]))
    assert unit.name is not None and (unit.name.value, unit.name.sure) == (NAME, False)


def test_another_units_note_or_rules_name_nothing():
    unit = read_unit(build("<test>", ["说明：本单位没有使用国有资本经营预算安排支出，故本表无数据。",
                                      "根据《关于印发机构改革方案的通知》，本馆内设3个科室。"]))
    assert unit.name is None


def test_a_sessions_heading_is_no_unit_and_a_cover_run_on_one_line_names_its_issuer_over_its_date():
    """A congress's session (某县八届人大三次会议文件) is a meeting, never the unit; the cover's issuer before its month
    (柳溪县档案馆 二〇二三 年十二月), copied onto one line with the rest, names the unit, 存疑."""
    assert not is_unit_name("柳溪县八届人大三次会") and not is_unit_name("柳溪县八届人大")
    assert is_unit_name("柳溪县人大常委会")
    unit = read_unit(build("<test>", ["柳溪县八届人大三次 会 议 文 件 附件 关于2023年预算执行情况的相关表格 柳溪县档案馆 "
                                      "二〇二三 年十二月 表 格 目 录 表一 收入执行情况表"]))
    assert unit.name is not None and (unit.name.value, unit.name.sure) == (NAME, False)
    unit = read_unit(build("<test>", ["关于2023年预算执行情况的相关表格 表一 收入执行情况表"]))
    assert unit.name is None


def test_a_titles_unit_with_its_scope_takes_the_full_name_the_text_gives():
    """2023年度档案馆(本级)… names the unit short, with its scope; the text's 柳溪县档案馆 is its full name, the scope kept."""
    unit = read_unit(build("<test>", ["2023年度档案馆(本级)部门整体支出绩效自评报告\n一、基本情况\n"
                                      "柳溪县档案馆内设3个科室，年末在职12人。"]))
    assert unit.name is not None and unit.name.value == "柳溪县档案馆(本级)"


@pytest.mark.parametrize("lines", [
    ("2023年度部门整体支出绩效自评报告", "（柳溪县档案馆）", "一、基本情况"),        # bracketed under the title
    ("2023年度部门整体支出绩效评价报告", "评价对象：柳溪县档案馆"),                   # the evaluated unit's field
    ("2023年度整体支出绩效自评报告", "发文单位：柳溪县档案馆"),
    ("2023年度部门整体支出绩效自评报告", "一、基本情况", "柳溪县档案馆主要职能：负责全县档案收集。"),
])
def test_more_places_a_report_names_its_unit(lines):
    unit = read_unit(build("<test>", ["\n".join(lines)]))
    assert unit.name is not None and unit.name.value == NAME


def test_a_bracketed_line_not_under_a_title_or_a_project_as_object_names_no_unit():
    assert read_unit(build("<test>", ["一、基本情况\n（柳溪县档案馆）"])).name is None
    assert read_unit(build("<test>", ["2023年度项目支出绩效评价报告\n评价对象：档案数字化项目"])).name is None


def test_a_whole_departments_report_takes_no_projects_score_and_no_last_years_claim(tmp_path):
    from perfeval.outputs.draft import draft_report
    report = tmp_path / "r.txt"
    report.write_text("柳溪县档案馆2023年度部门整体支出绩效自评报告\n一、项目情况\n全年实施项目2个。"
                      "档案整理项目预算60万元，自评得分86分，评价等级为良；数字化项目预算40万元，自评得分95分，评价等级为优。\n",
                      encoding="utf-8")
    claims = draft_report(report).params.get("claims", {})
    assert (claims.get("total"), claims.get("grade")) == (None, None)
    report.write_text("柳溪县档案馆2023年度部门整体支出绩效自评报告\n五、自评结论\n上年度自评得分85分，等级为良。"
                      "本年度自评得分93分，等级为优。\n", encoding="utf-8")
    claims = draft_report(report).params.get("claims", {})
    assert (claims.get("total"), claims.get("grade")) == (93, "优")


# ---------------------------------------------------------------- the name further down than the title

@pytest.mark.parametrize("lines, name", [
    (("2023年度部门整体支出绩效自评报告", "一、柳溪县档案馆基本情况", "馆内设科室3个。"), NAME),           # its overview's heading
    (("2023年度部门整体支出绩效自评报告", "（一）柳溪县档案馆简介", "馆内设科室3个。"), NAME),
    (("2023年度部门整体支出绩效自评报告", "馆内设科室3个。", "编制部门：柳溪县档案馆"), NAME),             # a signing field
    (("2023年度部门整体支出绩效自评报告", "为推进档案信息化，柳溪县档案馆对2023年度支出开展了自评。"), NAME),  # after a purpose
    (("2023年度部门决算", "一、部门职责", "柳溪县档案馆2023年度部门决算收入合计300万元。"), NAME),
    (("2023年度部门决算", "从单位构成看，柳溪县档案馆部门决算包括：馆本级。"), NAME),
    (("2023年度部门整体支出绩效自评报告", "现将我馆（柳溪县档案馆）自评情况报告如下。"), NAME),  # a self-reference glossed
    (("2023年度部门决算", "纳入本部门决算编制范围的单位包括：柳溪县档案馆本级。"), NAME),          # its own accounts
    (("2023年度部门整体支出绩效自评报告", "馆内设科室3个。", "柳溪县档案馆", "2024年3月"), NAME),  # signed over a month
    (("2023年度部门整体支出绩效自评报告", "馆内设科室3个。", "柳溪县档案馆"), NAME),               # the last line alone
])
def test_the_name_further_down_than_the_title(lines, name):
    assert identity(*lines)[0] == name


@pytest.mark.parametrize("lines, name", [
    (("2023年度部门整体支出绩效自评报告", "青湾镇因汛期影响，部分工程延至次年。"), "青湾镇"),
    (("2023年度部门整体支出绩效自评报告", "青湾街道由于辖区调整，新增社区2个。", "青湾街道办事处内设机构4个。"), "青湾街道办事处"),
    (("青湾镇因灾重建项目2023年度绩效自评报告", "青湾镇人民政府组织实施。"), "青湾镇人民政府"),
])
def test_a_township_with_a_clause_glued_on_is_the_township(lines, name):
    assert identity(*lines)[0] == name


def test_an_overview_of_another_body_or_a_heading_of_a_project_names_no_unit():
    assert identity("2023年度部门整体支出绩效自评报告", "（三）所属林场情况", "林场有职工8人。")[0] is None
    assert identity("城乡供水项目2023年度绩效自评报告", "全年支出80万元。")[0] is None


TWIN = ("柳溪县档案馆2023年度部门整体支出绩效自评报告\n一、基本情况\n本馆内设科室3个，核定编制14名，年末实有在职人员13人。\n"
        "二、预算执行\n2023年年初预算312.40万元，全年支出298.66万元，预算执行率95.60%。“三公”经费支出2.35万元。\n"
        "三、自评结论\n本馆2023年度部门整体支出绩效自评得分91.5分，等级为“优”。\n")
TRADITIONAL_TWIN = ("柳溪縣檔案館2023年度部門整體支出績效自評報告\n一、基本情況\n本館內設科室3個，核定編制14名，年末實有在職人員13人。\n"
                    "二、預算執行\n2023年年初預算312.40萬元，全年支出298.66萬元，預算執行率95.60%。“三公”經費支出2.35萬元。\n"
                    "三、自評結論\n本館2023年度部門整體支出績效自評得分91.5分，等級為“優”。\n")


def test_a_copy_in_traditional_characters_drafts_the_figures_and_claims_of_its_simplified_twin(tmp_path):
    """W46: a 繁體 copy lost every catalogue label, its claimed score and its grade."""
    drafts = []
    for name, text in (("s.txt", TWIN), ("t.txt", TRADITIONAL_TWIN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        drafts.append(draft_report(tmp_path / name))
    simple, traditional = drafts
    assert simple.catalogue.keys() == traditional.catalogue.keys() and len(simple.catalogue) >= 5
    assert [m.quantity.value for ms in traditional.catalogue.values() for m in ms] == \
        [m.quantity.value for ms in simple.catalogue.values() for m in ms]
    claims = [(c["total"], c["grade"], [(r["numerator"], r["denominator"], r["value"]) for r in c["ratios"]])
              for c in (simple.params["claims"], traditional.params["claims"])]
    assert claims[0] == claims[1] and claims[1][:2] == (Decimal("91.5"), "优")
    assert "等級為“優”" in traditional.params["claims"]["total_source"]  # the evidence as the copy writes it
    assert traditional.params["unit"]["region"] == "柳溪縣"
    written = [m.written for ms in traditional.catalogue.values() for m in ms]
    assert "312.40萬元" in written and all("万" not in w for w in written)  # as the copy writes it
    cited = [m.cite() for ms in traditional.catalogue.values() for m in ms]
    assert any("預算" in c for c in cited) and not any("预算" in c for c in cited)


def test_the_hand_listed_characters_and_opencc_s_table_read_every_character_alike():
    from perfeval.core import script, traditional
    listed = dict(zip(script._TRADITIONAL, script._SIMPLIFIED))
    full = dict(zip(traditional.TRADITIONAL, traditional.SIMPLIFIED))
    assert len(traditional.TRADITIONAL) == len(traditional.SIMPLIFIED) > 4000
    assert {t: s for t, s in listed.items() if full.get(t, s) != s} == {}


def test_a_title_an_issuer_writes_about_another_unit_names_the_unit_after_guanyu():
    assert identity("石门县卫生健康局关于石门县中医院2023年度部门整体支出绩效自评的报告", "院内设科室12个。")[0] == "石门县中医院"
    assert identity("石门县卫生健康局关于2023年度部门整体支出绩效自评的报告", "局内设股室6个。")[0] == "石门县卫生健康局"


def test_a_later_line_naming_a_subordinate_does_not_extend_the_titles_name():
    assert identity("石门县卫生健康局2023年度部门整体支出绩效自评报告", "一、基本情况",
                    "附：石门县卫生健康局下属石门县疾控中心2023年度项目自评得分86分。")[0] == "石门县卫生健康局"


def test_a_title_year_over_a_text_that_says_it_evaluates_another_year_takes_the_texts_in_doubt():
    unit = read_unit(build("<test>", ["石门县卫生健康局2025年部门整体支出绩效自评报告\n全年支出318.20万元。\n"
                                      "本局2024年度部门整体支出绩效自评得分90分。"]))
    assert unit.year and (unit.year.value, unit.year.sure) == ("2024", False) and "2025" in unit.year.basis


@pytest.mark.parametrize("name", ["㐀溪县农业农村局", "𠮷溪县农业农村局", "溪䶮县农业农村局"])
def test_a_name_holding_a_rare_character_keeps_it(name):
    assert identity(f"{name}2023年度部门整体支出绩效自评报告", "一、基本情况")[0] == name


@pytest.mark.parametrize("title, name", [
    ("2023年度部门决算 石门县林业局", "石门县林业局"),                 # the name after the title's words
    ("部门决算公开：石门县林业局2023年度", "石门县林业局"),
    ("石门县公路养护段2023年度部门决算", "石门县公路养护段"),           # units named as they end
    ("石门县自来水厂2023年度部门决算", "石门县自来水厂"),
    ("石门县国有苗圃2023年度部门决算", "石门县国有苗圃"),
    ("石门县职业中专2023年度部门决算", "石门县职业中专"),
    ("2023年度部门决算已经县人大常委会审议", None),                    # a sentence names who acted
])
def test_a_title_names_its_unit_wherever_it_stands_on_the_line(title, name):
    assert identity(title, "一、部门职责", "负责全县林业工作。")[0] == name


def test_a_file_holding_another_units_report_drafts_the_first_and_says_where_the_other_begins(tmp_path):
    first = "石门县林业局2023年度部门整体支出绩效自评报告\n一、基本情况\n核定编制20名，年末在职19人。\n全年支出410.20万元。\n"
    second = "石门县信访局2022年度部门整体支出绩效自评报告\n一、基本情况\n核定编制8名，年末在职8人。\n全年支出96.40万元。\n"
    (tmp_path / "two.txt").write_text(first + "\n" + second, encoding="utf-8")
    draft = draft_report(tmp_path / "two.txt")
    assert draft.params["unit"]["name"] == "石门县林业局"
    assert sorted(m.written for m in draft.placed) == ["19人", "20名", "410.20万元"]
    assert any("另一份报告" in note and "石门县信访局" in note for note in draft.skipped)


@pytest.mark.parametrize("later", ["附件：石门县林业局2023年度部门整体支出绩效自评报告", "石门县林业局2023年度部门整体支出绩效自评报告",
                                   "附件2：护林员补助项目2023年度绩效自评报告"])
def test_the_same_reports_title_again_or_an_attachments_keeps_the_whole_file(tmp_path, later):
    text = f"石门县林业局2023年度部门整体支出绩效自评报告\n一、基本情况\n核定编制20名。\n{later}\n全年支出410.20万元。\n"
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    draft = draft_report(tmp_path / "one.txt")
    assert "410.20万元" in [m.written for m in draft.placed] and not any("另一份报告" in n for n in draft.skipped)


def test_another_units_title_cited_inside_a_broken_sentence_cuts_nothing(tmp_path):
    text = ("石门县林业局2023年度部门整体支出绩效自评报告\n一、基本情况\n核定编制20名。\n本报告参照\n"
            "石门县信访局2022年度部门整体支出绩效自评报告\n的格式编写。\n全年支出410.20万元。\n")
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    draft = draft_report(tmp_path / "one.txt")
    assert "410.20万元" in [m.written for m in draft.placed] and not any("另一份报告" in n for n in draft.skipped)


def test_a_pages_publisher_gives_way_to_the_unit_the_text_names_as_itself():
    name, basis, _, _ = identity("部门整体支出绩效自评报告", "发布机构：石门县财政局",
                                 "我单位石门县卫生健康局2023年度部门整体支出绩效自评情况如下。")
    assert name == "石门县卫生健康局" and "石门县财政局" in basis
    assert identity("部门整体支出绩效自评报告", "发布机构：石门县卫生健康局",
                    "我局2023年度部门整体支出绩效自评情况如下。")[0] == "石门县卫生健康局"
