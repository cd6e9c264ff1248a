"""The parts of the draft reader, table-driven on sentences written for these tests: labels, catalogue figures,
lists under a total, and the reading that explains a stated rate."""
from __future__ import annotations

import pytest

from perfeval.intake.report.catalogue import catalogue_path, table_line
from perfeval.intake.report.document import build
from perfeval.intake.report.lists import find_lists
from perfeval.intake.report.mentions import prose_mentions
from perfeval.intake.report.rates import explain


def mentions_of(*paragraphs: str):
    document = build("<test>", list(paragraphs))
    return document, prose_mentions(document, set())


@pytest.mark.parametrize("sentence,written,label", [
    ("中心内设办公室、业务股3个股室。", "3个", "股室"),                 # objects counted: the noun after
    ("组织6次集中培训，覆盖全体职工。", "6次", "集中培训"),            # a bare verb before: the noun after
    ("全年共接到报修电话1800余次。", "1800余次", "接到报修电话"),
    ("2023年整体支出规模为950.20万元。", "950.20万元", "整体支出规模"),  # year and 为 are framing
    ("其中公务接待费1.60万元。", "1.60万元", "公务接待费"),
    ("其中：一般公共预算：800.00", "800.00", "一般公共预算"),          # a “label：value” table cell
])
def test_a_figure_is_labelled_by_what_it_is_of(sentence, written, label):
    _, found = mentions_of(sentence)
    assert [(m.written, m.label) for m in found if m.written == written] == [(written, label)]


@pytest.mark.parametrize("sentence,year,paths", [
    ("2023年我局“三公”经费支出预算总额15万元，实际支出总额11.20万元。", 2023,
     ["lines.sangong.budget", "lines.sangong.final"]),                  # a bare column continues the line
    ("2022年“三公经费”预算总额为16万，2023年为15万。", 2023, ["lines.sangong.prev_budget", None]),
    ("本单位基本支出总资金预算300.00万元，决算312.40万元。", 2023, ["lines.basic.budget", "lines.basic.final"]),
    ("财政拨款项目支出400.00万元，占总额的80%。", 2023, [None, None]),  # a part of 项目支出, not 项目支出
    ("档案数字化项目支出120.00万元。", 2023, [None]),
    ("2020年项目支出500.00万元。", 2023, [None]),                       # neither this year nor the last
    ("实际在职人数26人，核定编制30名。", 2023, ["staff.on_duty", "staff.authorized"]),
    ("年初财政批复的预算数为880.00万元，预算完成数为860.00万元。", 2023,
     ["budget.start_of_year", "budget.executed"]),
    ("本年度国有资本经营预算支出50.00万元。", 2023, ["funds.state_capital"]),
])
def test_a_label_maps_to_a_catalogue_figure_only_when_it_names_it(sentence, year, paths):
    _, found = mentions_of(sentence)
    previous, got = None, []
    for m in found:
        previous = catalogue_path(m, year, previous)
        got.append(previous.path if previous else None)
    assert got == paths


@pytest.mark.parametrize("row,line", [
    ("1、公务用车购置和维护经费", "sangong_vehicle"), ("其中：公车购置", "sangong_vehicle_purchase"),
    ("项目支出：", "project"), ("3、公务接待", "sangong_reception"), ("部门整体支出预算调整", None),
    ("厉行节约保障措施", None),
])
def test_a_base_data_row_names_its_line(row, line):
    assert table_line(row) == line


@pytest.mark.parametrize("paragraphs,expected", [
    (["全年支出800.00万元。其中，基本支出300.00万元；", "项目支出500.00万元，主要用于运维。"],
     [("800.00万元", ["300.00万元"], False)]),                           # a list ends with its paragraph
    (["全年支出800.00万元。其中，基本支出300.00万元；项目支出500.00万元，主要用于运维。"],
     [("800.00万元", ["300.00万元", "500.00万元"], True)]),              # runs on over ；
    (["项目支出500.00万元：本级资金480.00万元；上级资金20.00万元。"],
     [("500.00万元", ["480.00万元", "20.00万元"], True)]),               # a colon opens the list
    (["接待会议300场次，其中大型会议40场次，加强保洁；全年调度车辆900次。"],
     [("300场次", ["40场次"], False)]),                                   # stops where the parts stop
    (["（一）支出", "基本支出600.00万元，包括以下两个方面：", "1、人员经费520.00万元。", "2、公用经费80.00万元。"],
     [("600.00万元", ["520.00万元", "80.00万元"], True)]),               # numbered paragraphs
    (["（二）项目", "共支出项目资金200.00万元，其中主要包括物业管理项目、设备维修项目等项目。",
      "物业管理项目支出150.00万元，用于保洁。", "设备维修项目支出30.00万元，用于电梯。"],
     [("200.00万元", ["150.00万元", "30.00万元"], False)]),             # named, then a paragraph each
    (["收到约120万元，其中60万元为捐赠。"], [("约120万元", ["60万元"], False)]),  # a total with 约: a bound, judged by its range
])
def test_lists_under_a_total(paragraphs, expected):
    document, found = mentions_of(*paragraphs)
    got = [(x.whole.written, [p.written for p in x.parts], x.complete) for x in find_lists(document, found)]
    assert got == expected


def rate_in(*paragraphs: str):
    document, found = mentions_of(*paragraphs)
    rate = next(m for m in found if m.is_rate)
    sentence = [m for m in found if m.where.text == rate.where.text]
    paragraph = [m for m in found if m.where.block == rate.where.block]
    return explain(rate, sentence, paragraph, find_lists(document, found))


@pytest.mark.parametrize("paragraph,status,kind", [
    ("公用经费预算60.00万元，实际支出54.30万元，控制率为90.5%。", "explained", "share"),
    ("公用经费预算60.00万元，实际支出54.30万元，控制率为91%。", "explained", "share"),  # 90.5 → 91 (四舍五入)
    ("公用经费预算60.00万元，实际支出54.30万元，控制率为92%。", "unexplained", None),
    ("2023年预算15万元，2022年预算20万元，变动率为-25%。", "explained", "change"),
    ("2023年预算15万元，较2022年预算20万元下降25%。", "explained", "change"),      # 下降 25% is −25%
    ("2023年预算15万元，较2022年预算20万元下降20%。", "contradicted", "change"),   # the years name the change
    ("维修600余次，办结率100%。", "unexplained", None),                             # 余 explains nothing
    ("满意度达96%。", "unexplained", None),
])
def test_a_stated_rate_and_the_reading_that_gives_it(paragraph, status, kind):
    found = rate_in(paragraph)
    assert (found.status, found.reading.kind if found.reading else None) == (status, kind)


def test_a_share_of_the_total_its_part_is_listed_under_is_preferred():
    found = rate_in("项目支出500.00万元：本级资金498.00万元，占99.6%；上级资金2.00万元，占0.4%。")
    assert found.status == "explained" and found.reading.denominator.written == "500.00万元"
    later = rate_in("项目支出500.00万元：本级资金498.00万元；上级资金2.00万元，占0.4%。")
    assert later.status == "explained" and later.reading.denominator.written == "500.00万元"  # not 2 ÷ 498


@pytest.mark.parametrize("paragraph, complete", [
    # a total in 元 and its parts in 万元 are one amount: the parts are listed under it, over the ；too
    ("全年支出32,415,000.00元。其中，基本支出2141.50万元；项目支出1100.00万元。", True),
    # compared at the parts' coarser precision: 32,415,012.34元 is 3241.50万元 to two decimals of 万元
    ("全年支出32,415,012.34元。其中，基本支出2141.50万元；项目支出1100.00万元。", True),
    ("全年支出32,425,000.00元。其中，基本支出2141.50万元；项目支出1100.00万元。", False),  # 1万元 off: not a rounding
    ("全年支出3,241.5千元，其中基本支出214.15万元、项目支出1,100.0千元。", True),
    ("全年支出3.2415亿元，其中基本支出21415.00万元、项目支出11000.00万元。", True),
])
def test_a_total_and_its_parts_in_other_units_of_money_are_related(paragraph, complete):
    document, found = mentions_of(paragraph)
    [listed] = find_lists(document, found)
    assert (listed.complete, len(listed.parts)) == (complete, 2)


def test_parts_in_the_totals_own_unit_are_judged_at_the_totals_precision():
    document, found = mentions_of("全年支出100.40万元，其中基本支出60万元、项目支出40万元。")
    [listed] = find_lists(document, found)
    assert not listed.complete  # 100.40 is not 60 + 40, as written: no coarser reading within one unit


def test_a_rate_of_a_budget_in_yuan_is_explained_by_spending_in_wan():
    found = rate_in("年初预算32,415,000.00元，全年支出3208.09万元，预算执行率为98.97%。")
    assert found.status == "explained"


def test_a_collections_volumes_in_several_classifiers_make_its_stock():
    document, found = mentions_of("馆藏档案资料6500卷，其中文书档案4200卷、声像档案300盒、图书资料2000册。")
    [listed] = find_lists(document, found)
    assert ([p.written for p in listed.parts], listed.complete) == (["4200卷", "300盒", "2000册"], True)
    # things of other kinds are no volumes of it: the cabinets it is kept in stay apart
    document, found = mentions_of("馆藏档案6500卷，其中文书档案4200卷，配备密集架30台。")
    assert [[p.written for p in x.parts] for x in find_lists(document, found)] == [["4200卷"]]


@pytest.mark.parametrize("sentence, written, label, unit", [
    ("2024年部门整体支出高达2631.50万元。", "2631.50万元", "部门整体支出", "万元"),   # a word of degree is no label's
    ("公用经费仅30.00万元。", "30.00万元", "公用经费", "万元"),
    ("“三公”经费变动率为-0.25。", "-0.25", "“三公”经费变动率", ""),                  # a ratio written as a fraction,
])                                                                                      # never 万元
def test_words_between_a_label_and_its_number_and_a_ratio_written_as_a_fraction(sentence, written, label, unit):
    _, found = mentions_of(sentence)
    [m] = found
    assert (m.written, m.label, m.quantity.unit) == (written, label, unit)


@pytest.mark.parametrize("paragraph, status", [
    ("全年受理案件4000件，其中差错2件，差错率0.5‰。", "explained"),      # a rate in ‰ is a rate: 2 ÷ 4000 = 0.5‰
    ("全年受理案件4000件，其中差错2件，差错率0.6‰。", "unexplained"),
])
def test_a_rate_in_per_mille_is_explained_in_its_own_unit(paragraph, status):
    found = rate_in(paragraph)
    assert (found.rate.written[-1], found.status) == ("‰", status)
    assert found.rate.percent.value == found.rate.quantity.value / 10  # claimed in %, at the precision written


def test_a_share_is_never_sought_between_figures_of_different_kinds():
    found = rate_in("全省租用6架直升机开展航空护林，森林受害面积120公顷，受害率为0.046‰。")
    assert found.status == "unexplained"  # 120公顷 over 6架 is no share; the draft goes on
