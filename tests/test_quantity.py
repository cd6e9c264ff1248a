"""Stated quantities: reading phrases and prose, precision, qualifiers, units, agreement and contradiction."""
from __future__ import annotations

import pickle
from decimal import Decimal as D

import pytest

from perfeval.core.quantity import (
    UNITS,
    adds_up,
    at_step,
    IncommensurableUnits,
    Interval,
    incommensurable,
    Qualifier,
    Quantity,
    agrees,
    commensurable,
    contradicts,
    find_quantities,
    parse_quantity,
)

Q = Qualifier


def q(text: str) -> Quantity:
    found = parse_quantity(text)
    assert found is not None, text
    return found


@pytest.mark.parametrize("text, value, unit, qualifier, places", [
    ("92", "92", "", Q.EXACT, 0),
    ("77.00", "77.00", "", Q.EXACT, 2),
    ("3752.47万元", "3752.47", "万元", Q.EXACT, 2),
    ("≥15,000万元", "15000", "万元", Q.AT_LEAST, 0),
    ("1,820场", "1820", "场次", Q.EXACT, 0),
    ("不少于12次", "12", "次", Q.AT_LEAST, 0),
    ("约12次", "12", "次", Q.ABOUT, 0),
    ("98%", "98", "%", Q.EXACT, 0),
    ("≤1.5亿元", "1.5", "亿元", Q.AT_MOST, 1),
    ("95%以上", "95", "%", Q.AT_LEAST, 0),
    ("不超过5%", "5", "%", Q.AT_MOST, 0),
    ("30万元以内", "30", "万元", Q.AT_MOST, 0),
    ("2500余次", "2500", "次", Q.OVER, 0),
    ("300多次", "300", "次", Q.OVER, 0),
    ("2.6万余次", "26000", "次", Q.OVER, 1),
    ("20余万公里", "20", "万公里", Q.OVER, 0),
    ("146万公里", "146", "万公里", Q.EXACT, 0),
    ("25万余元", "250000", "元", Q.OVER, 0),
    ("150多万元", "150", "万元", Q.OVER, 0),
    ("约7万余人次", "70000", "人次", Q.ABOUT, 0),
    ("近300本", "300", "本", Q.ABOUT, 0),
    ("300左右", "300", "", Q.ABOUT, 0),
    ("超过3个", "3", "个", Q.ABOVE, 0),
    ("低于80%", "80", "%", Q.BELOW, 0),
    ("十二次", "12", "次", Q.EXACT, 0),
    ("两次", "2", "次", Q.EXACT, 0),
    ("一百二十组", "120", "组", Q.EXACT, 0),
    ("百分之九十五", "95", "%", Q.EXACT, 0),
    ("１２３４５．６元", "12345.6", "元", Q.EXACT, 1),
    ("16名", "16", "人", Q.EXACT, 0),
    ("3000余平方", "3000", "平方米", Q.OVER, 0),
    ("307.5亩", "307.5", "亩", Q.EXACT, 1),
    ("100家单位", "100", "家", Q.EXACT, 0),
    ("60余家/次", "60", "家次", Q.OVER, 0),
    ("收益9230万", "92300000", "", Q.EXACT, 0),
    ("１，８２０场", "1820", "场次", Q.EXACT, 0),   # full-width digits grouped by a full-width comma, in a cell
    ("100家单位以上", "100", "家", Q.AT_LEAST, 0),   # the qualifier after the noun counted
    ("+5%", "5", "%", Q.EXACT, 0),
    # a magnitude written between the digits and the unit (finance tables' 百万元; 千万 and 百万 as one word)
    ("28.643百万元", "2864.300", "万元", Q.EXACT, 3),
    ("0.5千万元", "500.0", "万元", Q.EXACT, 1),
    ("1.5百亿元", "150.0", "亿元", Q.EXACT, 1),
    ("3千万人次", "30000000", "人次", Q.EXACT, 0),
    ("3百万人", "3000000", "人", Q.EXACT, 0),
    ("5百人", "500", "人", Q.EXACT, 0),
])
def test_a_phrase_reads_as_written(text, value, unit, qualifier, places):
    if text.startswith("收益"):
        found = find_quantities(text)
        assert len(found) == 1
        got = found[0].quantity
    else:
        got = q(text)
    assert (got.value, got.unit, got.qualifier, got.places) == (D(value), unit, qualifier, places)


@pytest.mark.parametrize("cell", ["高质量完成", "——", "", "　", "12次/年", "2022年", "A3", "基本实现", "12，13", "+",
                                  "1，8200场"])
def test_a_cell_that_states_no_single_quantity_reads_as_none(cell):
    assert parse_quantity(cell) is None


def test_a_cell_keeps_the_phrase_as_typed():
    assert q(" 719.55　").text == "719.55"
    assert q("≥15,000万元").text == "≥15,000万元"
    assert q("+5%").text == "+5%"


@pytest.mark.parametrize("sentence, expected", [
    # years, dates, document numbers, phone numbers and codes are not quantities
    ("2020年整体支出规模为3752.47万元。", ["3752.47万元"]),
    ("于6月25日完成拍卖，2024年5月31日报告", []),
    ("按财预〔2020〕10号执行", []),
    ("联系电话：15111191516", []),
    ("预 算 编 码：          132001", []),
    ("全年共接到维修电话2500余次", ["2500余次"]),
    # section and list numbering, ordinals, ranges, attachment names
    ("1、负责本级机关的机关事务保障", []),
    ("（1）、因公出国（境）费预算0元", ["0元"]),
    ("第一批32宗资产完成拍卖处置", ["32宗"]),
    ("附件1-3 完成率95-90%（含）", []),
    # Chinese numerals: with a unit they count, as words they do not
    ("贯彻落实党的十九大、十九届四中、五中全会精神", []),
    ("“三公”经费，“三重一大”制度，“十分钟内有响应”", []),
    ("建设了二次分拣中心2个，带动一个单位，减少一次性杯子", ["2个"]),
    ("配备蝴蝶型两分类桶40组，四分类桶71组", ["40组", "71组"]),
    ("开展两次检查，召开十二次会议，购置一百二十组", ["两次", "十二次", "一百二十组"]),
    ("十分重要，十分钟内处置", ["十分钟"]),
    # qualifiers before and after, multipliers inside the number
    ("满意率在95%以上，同比去年节约近30万元，维修费用为25万余元", ["95%以上", "近30万元", "25万余元"]),
    ("节约30万元，附近5个", ["30万元", "5个"]),
    ("提供用车服务2.6万余次，累计接待人数约7万余人次", ["2.6万余次", "约7万余人次"]),
    ("在职人员控制率为92%。", ["92%"]),
    ("10项目已完工", ["10"]),
    ("目标1:负责机关后勤保障，目标2：会议服务", []),
    ("主要包括以下两个方面的支出：从社会、经济、生态三个方面进行分析", []),
    ("其中：一般公共预算：2246.07", ["2246.07"]),
    ("平台车辆安全行驶3779199公里", ["3779199公里"]),
    # a PDF's one space between a number and its unit; never two, and a year keeps its 年
    ("本单位自评得分 88 分，目标任务(20 分)", ["88 分", "20 分"]),
    ("支出 96.5 万元，2019 年完成", ["96.5 万元"]),
    ("支出 96.5  万元", ["96.5"]),
    # pages: the document's own are not figures, pages of work done are
    ("全文共12页，见第3页", []),
    ("完成馆藏档案数字化12.5万页", ["12.5万页"]),
    # a year that lost its 年 between words, a title's number
    ("松岭县档案馆2023绩效评价自评报告", []),
    ("整体支出绩效自评报告3", []),
    ("自评总分97.6部门联系人", ["97.6"]),  # 97.6 before words is no heading number (3.1投入 is)
    # Latin units of length, area and volume; a Latin word after a number is no unit (5mb, 3min)
    ("治理河道总长3.75km，层高4.3m，面积25.29m²，清淤1200m³", ["3.75km", "4.3m", "25.29m²", "1200m³"]),
    ("内存5mb，耗时3min", []),
    ("护岸工程共 4 段", ["4 段"]),
    # a contents list flattened onto one line: page numbers before the next heading
    ("目录 第一部分 部门概况 一、部门职责 3 二、机构设置 4 第二部分 决算表 6 （一）说明 9", []),
    ("在职人员 30，一、基本支出", ["30"]),
    # dates written with dots, budget subjects' codes
    ("截至2022.12.31，2023.6底完成", []),
    ("2010301行政运行支出120.50万元，20103 政府办公厅", ["120.50万元"]),
    ("完成率达2022.5", ["2022.5"]),
    # a rate per an amount of another unit is one compound unit
    ("火灾发生率0.064次/10万公顷，人均经费3.5万元/人", ["0.064次/10万公顷", "3.5万元/人"]),
    ("粮食产量146万吨以上，装机178.8万千瓦，无人机6架，合格率≥100百分比", ["146万吨以上", "178.8万千瓦", "6架", "≥100百分比"]),
    # the threshold of a rule a form states
    ("预算执行率未达到90%的需说明原因，单笔超过5万元的，应报批", []),
    ("预算执行率达到90%的单位有3个", ["90%", "3个"]),
    # a public service's number is a name
    ("开通12345热线，设立12315投诉举报中心", []),
])
def test_quantities_in_prose(sentence, expected):
    found = find_quantities(sentence)
    assert [f.quantity.text for f in found] == expected
    for f in found:
        assert sentence[f.start:f.end] == f.quantity.text


def test_spans_index_the_sentence_as_written_with_full_width_digits():
    sentence = "共计１２３次，其中重要会议150场次。"
    found = find_quantities(sentence)
    assert [(f.start, f.end) for f in found] == [(2, 6), (13, 18)]
    assert found[0].quantity.value == 123 and found[1].quantity.unit == "场次"


@pytest.mark.parametrize("text, interval", [
    ("92", Interval(D("91.5"), D("92.5"), True, False)),
    ("34.06", Interval(D("34.055"), D("34.065"), True, False)),
    ("95%以上", Interval(D(95), None, True, False)),
    ("不超过5%", Interval(None, D(5), False, True)),
    ("超过3个", Interval(D(3), None, False, False)),
    ("低于80%", Interval(None, D(80), False, False)),
    ("2500余次", Interval(D(2500), D(2600), False, False)),
    ("300多次", Interval(D(300), D(400), False, False)),
    ("2.6万余次", Interval(D(26000), D(27000), False, False)),
    ("12余次", Interval(D(12), D(13), False, False)),
    ("约12次", Interval(D("10.8"), D("13.2"), True, True)),
    ("约7万余人次", Interval(D(60000), D(80000), True, True)),
])
def test_interval_at_written_precision(text, interval):
    assert q(text).interval() == interval


@pytest.mark.parametrize("stated, computed, holds", [
    # exact, at the statement's own precision, rounded half-up
    ("92", "92.157", True),
    ("92", "92.4999", True),
    ("92", "92.5", False),
    ("92", "91.5", True),
    ("92", "91.4999", False),
    ("34.05", "34.0599", False),
    ("34.06", "34.0599", True),
    ("34.03", "34.0333", True),
    ("77", "77.03", True),
    ("77.00", "77.03", False),
    ("149.58", "149.5844", True),
    ("91.41", "91.4134", True),
    ("183", "183.0292", True),
    ("61", "61.0", True),
    # bounds
    ("50%以上", "60.12", True),
    ("50%以上", "49.5", True),
    ("50%以上", "49.49", False),
    ("不超过5%", "5.4", True),
    ("不超过5%", "5.5", False),
    ("超过3个", "3", False),
    ("超过3个", "4", True),
    ("低于80%", "79.4", True),
    ("低于80%", "79.5", False),  # 80 at the stated precision
    # 余/多 and 约 are tested as they are
    ("2500余次", "2550", True),
    ("2500余次", "2500", False),
    ("2500余次", "2600", False),
    ("2.6万余次", "26400", True),
    ("2.6万余次", "25999", False),
    ("约12次", "13", True),
    ("约12次", "14", False),
])
def test_agrees(stated, computed, holds):
    assert agrees(q(stated), D(computed)) is holds


def test_agrees_takes_floats_as_written_and_refuses_nan():
    assert agrees(q("92"), 92.157)
    assert agrees(q("34.06"), 613.76 / 1802 * 100)
    assert not agrees(q("34.03"), 613.76 / 1802 * 100)
    assert not agrees(q("92"), float("nan"))


def test_agrees_converts_a_computed_quantity_to_the_statement_unit():
    assert agrees(q("1802万元"), q("18020000元"))
    assert agrees(q("146万公里"), Quantity(D(1455000), "公里"))
    assert not agrees(q("146万公里"), Quantity(D(1445000), "公里"))
    assert agrees(q("50%以上"), Quantity(D("0.6012"), ""))  # a fraction is a pure number: 0.6012 = 60.12%
    assert not agrees(q("50%以上"), Quantity(D("0.4012"), ""))
    with pytest.raises(IncommensurableUnits):
        agrees(q("50%以上"), q("3人"))


@pytest.mark.parametrize("a, b, contradict", [
    ("800余人", "600余人", True),
    ("300多次", "300次", False),
    ("300多次", "450次", True),
    ("300多次", "400次", False),  # 399.6 is written 400 and is 300多
    ("12次", "11次", True),
    ("12次", "11场次", True),
    ("820场", "820场次", False),
    ("12次", "12.0次", False),
    ("92%", "92.16%", False),
    ("34.03%", "34.06%", True),
    ("1802万元", "18020000元", False),
    ("1802万元", "1801万元", True),
    ("613.76万元", "6137600元", False),
    ("0.1亿元", "1000万元", False),
    ("95%以上", "98%", False),
    ("95%以上", "90%", True),
    ("不超过5%", "5%", False),
    ("约12次", "13次", False),
    ("约12次", "20次", True),
    ("20余万公里", "146万公里", True),
    ("146万公里", "1460000公里", False),
])
def test_contradicts(a, b, contradict):
    assert contradicts(q(a), q(b)) is contradict
    assert contradicts(q(b), q(a)) is contradict


@pytest.mark.parametrize("a, b", [("12人", "12人次"), ("3辆", "3台"), ("1802万元", "1802"), ("5人", "5户")])
def test_different_dimensions_are_an_error_not_an_answer(a, b):
    qa = q(a)
    qb = parse_quantity(b) or Quantity(D(5), "")
    with pytest.raises(IncommensurableUnits) as err:
        contradicts(qa, qb)
    assert "cannot compare" in str(err.value)


def test_synonyms_share_a_symbol_and_convert():
    assert q("16名").unit == q("16人").unit == "人"
    assert q("120㎡").to("平方米").value == 120
    assert q("3亩").to("平方米").value.quantize(D("0.01")) == D("2000.00")
    assert q("146万公里").to("公里").value == 1460000
    assert q("613.76万元").to("元").value == 6137600
    assert q("6137600元").to("万元").value == D("613.76")


def test_conversion_keeps_the_written_precision():
    km = q("146万公里").to("公里")
    assert km.interval() == Interval(D(1455000), D(1465000), True, False)
    yuan = q("1802万").value
    assert yuan == 18020000


def test_units_table_and_error_pickle():
    assert UNITS["万元"].factor == 10000 and UNITS["万元"].dimension == "money"
    assert UNITS["%"].dimension == UNITS[""].dimension
    assert UNITS["次"].dimension == UNITS["场次"].dimension != UNITS["人次"].dimension
    err = incommensurable("万元", "人")
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err) and again.a == "万元"


# ---------------------------------------------------------------- signs, separators and numbers that are not figures

@pytest.mark.parametrize("sentence,value,unit", [
    ("办公费较上年增长－8.4%。", "-8.4", "%"),                     # full-width minus (U+FF0D)
    ("接待费较上年变动﹣3.25%。", "-3.25", "%"),                  # small hyphen-minus (U+FE63)
    ("讲座经费较上年增长‐12.5%。", "-12.5", "%"),                # hyphen (U+2010)
    ("讲座经费较上年增长‑12.5%。", "-12.5", "%"),                # non-breaking hyphen (U+2011)
    ("讲座经费较上年增长–12.5%。", "-12.5", "%"),                # en dash (U+2013), Word's autocorrect of " - "
    ("差旅费变动率为（6.75）%。", "-6.75", "%"),                  # an accountant's bracketed negative
    ("资金到位率为97.42 %。", "97.42", "%"),                       # a space before % keeps the %
    ("全年支出2，315．06万元。", "2315.06", "万元"),               # full-width grouping and decimal point
    ("全年支出2'315.06万元。", "2315.06", "万元"),                 # a Swiss apostrophe
    ("全年支出2\u2009315.06万元。", "2315.06", "万元"),            # thin space
    ("全年支出2\u00a0315.06万元。", "2315.06", "万元"),            # no-break space
    ("全年支出23\u200b15.06万元。", "2315.06", "万元"),            # a zero-width space nobody sees
    ("全年支出2’315.06万元。", "2315.06", "万元"),                 # the apostrophe as Word's autocorrect curls it
    ("全年支出2\u2007315.06万元。", "2315.06", "万元"),            # figure space, made to group digits
    ("全年支出23\u200e15.06万元。", "2315.06", "万元"),            # a left-to-right mark, invisible too
    ("全年支出23\u206215.06万元。", "2315.06", "万元"),            # an invisible times
])
def test_signs_and_separators_read_as_written(sentence, value, unit):
    found = find_quantities(sentence)
    assert [(str(f.quantity.value), f.quantity.unit, f.doubt) for f in found] == [(value, unit, None)]
    assert sentence[found[0].start:found[0].end] == found[0].quantity.text


@pytest.mark.parametrize("sentence,value,in_a_cell", [
    ("全年支出2.315,06万元。", "2315.06", None),      # 1.268,40: which mark is the decimal point?
    ("全年支出2 315,06万元。", "2315.06", None),
    ("全年支出2 315.06万元。", "2315.06", None),      # a plain space may be a PDF's gap between two numbers
    ("全年支出2\u3000315.06万元。", "2315.06", None),  # so may an ideographic or an en space
    ("全年支出2\u2002315.06万元。", "2315.06", None),
    ("全年支出2.315.060元。", "2315060", None),        # two points: not a decimal, grouped as in Germany
    ("全年出车3，150次。", "3150", "3150"),            # grouped, or 3 and 150 in a list; a cell holds one value
    ("分别接待120，135，150人次。", "120135150", "120135150"),
])
def test_a_number_written_two_ways_is_marked_unsure_never_guessed_silently(sentence, value, in_a_cell):
    found = find_quantities(sentence)
    assert len(found) == 1 and str(found[0].quantity.value) == value and found[0].doubt
    cell = parse_quantity(found[0].quantity.text)
    assert (str(cell.value) if cell else None) == in_a_cell


@pytest.mark.parametrize("sentence,value", [
    ("“三公”经费变动率为负25%。", "-25"),          # 负 before the number is its minus
    ("变动率为 - 25%。", "-25"),                    # a minus a PDF set apart by a space
    ("变动率为- 20%。", "-20"),
    ("变动率为（25）%。", "-25"),                   # an accountant's brackets around a whole number, % outside
    ("变动率为(25)%。", "-25"),
    ("变动率为【20】%。", "-20"), ("变动率为〔20〕%。", "-20"),
    ("变动率为➖20%。", "-20"), ("变动率为˗20%。", "-20"), ("变动率为⁻20%。", "-20"),  # other minus signs
    ("误差控制在正负5%以内。", "5"),                # 正负: a tolerance either way, not a negative
    ("2023 - 2024年共完成12%。", "12"),             # a range of years: no minus of the next number
])
def test_every_minus_a_report_writes_reads_negative(sentence, value):
    found = [f for f in find_quantities(sentence) if f.quantity.unit == "%"]
    assert len(found) == 1 and str(found[0].quantity.value) == value and found[0].doubt is None


@pytest.mark.parametrize("sentence", ["按照县财〔2021〕13号文件执行", "（3）项目支出", "负债率较低", "第3 - 5页"])
def test_brackets_and_words_near_a_minus_make_no_negative_figure(sentence):
    assert all(f.quantity.value >= 0 for f in find_quantities(sentence))


@pytest.mark.parametrize("sentence,qualifier", [("部门整体支出逾2400万元。", Qualifier.ABOVE),
                                                ("部门整体支出约合2400万元。", Qualifier.ABOUT)])
def test_more_words_that_bound_a_figure(sentence, qualifier):
    [found] = find_quantities(sentence)
    assert (found.quantity.value, found.quantity.qualifier, found.quantity.text) == (2400, qualifier, sentence[6:-1])


@pytest.mark.parametrize("sentence", ["部门整体支出2400至2500万元。", "每所学校配备1到2名人员。"])
def test_neither_end_of_a_range_is_a_figure(sentence):
    assert find_quantities(sentence) == []



@pytest.mark.parametrize("cell,value,unit", [
    ("－12.5%", "-12.5", "%"), ("（12.5）%", "-12.5", "%"), ("(1,268.40)", "-1268.40", ""),
    ("88.89 %", "88.89", "%"), ("1，268．40", "1268.40", ""), ("1\u202f268.40", "1268.40", ""),
    ("负20%", "-20", "%"), ("- 20%", "-20", "%"), ("(20%)", "-20", "%"), ("（20.5%）", "-20.5", "%"),
])
def test_a_cell_reads_signs_and_separators(cell, value, unit):
    got = parse_quantity(cell)
    assert got is not None and (str(got.value), got.unit, got.text) == (value, unit, cell)


@pytest.mark.parametrize("sentence", [
    "根据《关于开展2023 年度绩效自评的通知》要求",      # a year spaced by a PDF
    "按照县财〔2021〕 13 号文件执行",                  # a 文号 with spaces
    "附件1：基础数据表  附件5：项目自评表",             # attachment numbers
    "二、部门整体支出情况…………………………6",              # a contents line's page number
    "报告正文控制在3000字以内",                          # a word limit
    "联系电话 0745 2236618",                            # a phone number
    "单位预算编码 204003",                              # a budget code after its label and a space
    "具体情况详见表4",
    "2.3绩效评价的局限性",                              # a heading's number
    "4.评价结论4.1综合得分4.2存在问题",                  # headings run together in a contents line
    "评价年度：2024",                                    # a year after its label
    "按照松财预[2024]7号通知",                           # a 文号 in ASCII brackets
    "210013-松岭县青山乡人民政府2023年部门决算",          # a budget code before the unit's name
    "发布时间：2024-03-18 09:42:17",                     # a date and a time of day
    "索引号 2203117765/szx/2024-00017",                  # an index number
])
def test_numbers_that_are_not_figures_are_not_read(sentence):
    assert find_quantities(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    # what a number is attached to makes it no figure; the same number attached to a unit stays one
    ("单位预算编码410203，联系电话（0736）7281456，邮编415000", []),            # codes glued to their labels
    ("接听服务电话3100次", ["3100次"]),                                      # a count after 电话 is one
    ("本表于20240315生成，资金于2023/12/31前拨付", []),                       # dates of digits, with slashes
    ("项目于2023.11前完工，2022.6以来累计完成", []),                           # dotted dates before time words
    ("完成率达2023.5", ["2023.5"]),                                         # a decimal, no time word after it
    ("开展12·2交通安全日和3·15宣传", []),                                    # a month and a day joined by a dot
    ("8个股室中有6/8完成目标，第3/12页", ["8个"]),                            # fractions and pages of pages
    ("3.4.2资金管理情况", []),                                               # a heading numbered on three levels
    ("4.1 项目决策情况", []),                                                # a heading's two levels before a space
    ("1）强化预算约束。2)规范资金使用", []),                                   # list numbers closed by a bracket alone
    ("收入决算表 公开02表，见表3，图2 支出结构", []),                           # tables' and figures' own numbers
    ("栏次 1 2 3 4，5=6+7，合计=1+2", []),                                   # a table's column numbers and arithmetic
    ("序号 1", []),
    ("205教育支出86.30万元，213 农林水支出12.00万元", ["86.30万元", "12.00万元"]),  # functional classes' codes
    ("20102 人大会议", []),                                                  # a code, not 20102 people
    ("设立110报警服务台，开通12333咨询热线", []),                               # services' numbers
    ("提供7×24小时服务，推荐1366*768以上", []),                               # a product and a size
    ("湘办发﹝2023﹞9号", []),                                                # a 文号 in small brackets
    ("- 12 -", []),                                                          # a page's footer
    ("发布时间：2023年11月02日 16时45分，会议于9点30分开始", []),              # times of day, not scores
    ("自评得分92分，提出3点建议", ["92分", "3"]),
    ("联系人：李某 139****2046", []),                                        # a mobile number masked
    ("电话：0736－7281456转8012，地址：人民路18号3楼305室", []),              # an extension, an address
    ("1 / 12", []),                                                          # a page of pages
    ("2 0 2 3 年度", []),                                                    # a year letterspaced by a PDF
    ("1 、强化管理；( 2 ) 规范使用", []),                                     # list numbers spaced by a PDF
    ("执行率100%计满分，每低于5%扣2分，大于30%不得分", []),                     # a framework's scoring rule
    ("因台账不全扣1分，自评得分98分，全年每月检查2次", ["1分", "98分", "2次"]),  # the unit's own
    ("严格落实中央八项规定精神和六项禁令，开展三项检查", ["三项"]),             # the names of sets of rules
    ("指标1道路完好率，指标2", []),                                          # the report's own numbering of things
    ("完成目标3个，绩效指标 50", ["3个", "50"]),
    ("附件大小 512.6 KB，第2 of 5", []),                                      # Latin units and words after a space
    ("1至12月累计支出50万元，2020、2021两年", ["50万元"]),                     # ranges and enumerations of dates
    ("3 项目概况", []), ("附2", []),                                          # a heading's number, an attachment's
    ("联系人：李某 7281456，监督电话：0736 7281457", []),                     # a landline after a contact's words
    ("pageId 3 3 1", []), ("20241 18日", []), ("2 二、绩效目标", []),          # script, a broken date, a page before a heading
    ("培训班 5", ["5"]),                                                      # a count after its label stays
])
def test_a_number_attached_to_a_date_code_reference_or_numbering_is_no_figure(sentence, expected):
    assert [f.quantity.text for f in find_quantities(sentence)] == expected


def test_a_decimal_before_words_is_a_figure_when_no_heading_opens_the_sentence():
    assert [f.quantity.text for f in find_quantities("全年增长3.2倍，人均2.5台电脑")] == ["3.2", "2.5台"]


@pytest.mark.parametrize("sentence, value, unsure", [
    ("办公费较上年增长（8.4%）。", "8.4", True),        # an accountant's negative, or an aside: the writing does not say
    ("接待费同比下降（3.25%），", "3.25", True),
    ("差错率较上年变动（0.5‰）", "0.5", True),
    ("办公费较上年增长（-8.4%）。", "-8.4", False),     # the sign is written: an aside
    ("差旅费变动率为（6.75）%。", "-6.75", False),       # the number alone in brackets: an accountant's negative
    ("资金执行率（98.5%）达到目标。", "98.5", False),    # no change: a rate in brackets is an aside
])
def test_a_bracketed_change_reads_negative_or_is_marked_unsure(sentence, value, unsure):
    [found] = find_quantities(sentence)
    assert (str(found.quantity.value), found.doubt is not None) == (value, unsure)


def test_traditional_characters_read_as_their_simplified_forms_and_keep_the_text_as_written():
    """A copy republished in traditional characters (萬元, 個, 餘, 不超過, 號): the same quantities, written as typed."""
    found = find_quantities("全年支出12.5萬元，購置3個，接待800餘人次，不超過5萬元，湘財預〔2021〕13號，電話0883 6541234")
    assert [(f.quantity.text, str(f.quantity.value), f.quantity.unit, f.quantity.qualifier.value) for f in found] == [
        ("12.5萬元", "12.5", "万元", "exact"), ("3個", "3", "个", "exact"), ("800餘人次", "800", "人次", "over"),
        ("不超過5萬元", "5", "万元", "at_most")]


@pytest.mark.parametrize("sentence, qualifier", [
    ("至少全年完成4次", "at_least"), ("不少于每季度开展1次", "at_least"), ("最多全年使用3次", "at_most"),
    ("不超过上限的情况下完成3次", "exact"), ("至少，全年完成4次", "exact"),
])
def test_a_bound_written_before_its_verb_bounds_the_count(sentence, qualifier):
    assert [f.quantity.qualifier.value for f in find_quantities(sentence)] == [qualifier]


def test_a_bracketed_list_number_is_not_a_negative():
    assert parse_quantity("（3）") is None and find_quantities("（2）加强预算管理") == []


def test_a_bare_number_glued_to_a_percentage_is_read_unsure():
    """A table pasted without separators (执行率76%，权重10，得分7.6 → 76%107.6) reads two ways: unsure, used nowhere."""
    found = find_quantities("执行率76%107.6当年绩效目标，完成率100%22否")
    assert [(f.quantity.text, f.doubt is not None) for f in found] == [("76%", False), ("107.6", True), ("100%", False),
                                                                       ("22", True)]
    assert [f.doubt for f in find_quantities("完成率95%，支出12.5万元")] == [None, None]
    assert [f.doubt for f in find_quantities("84")] == [None]  # a number alone on its line is no glued cell
    assert [f.doubt is not None for f in find_quantities("调整率3%，否0100%，完成0.5%")] == [False, True, False]


def test_a_compound_unit_is_kept_as_written_and_compares_with_no_simple_unit():
    q = find_quantities("人均经费3.5万元/人")[0].quantity
    assert (q.value, q.unit) == (D("3.5"), "万元/人") and not commensurable("万元/人", "万元")


def test_a_division_worked_out_keeps_its_figures_while_a_fraction_alone_states_none():
    worked = [f.quantity.text for f in find_quantities("预算执行率=860/880×100%=97.7%")]
    assert "860" in worked and "97.7%" in worked
    assert [f.quantity.text for f in find_quantities("6/8完成目标，第3/12页")] == []


@pytest.mark.parametrize("sentence, expected", [
    # a grade's thresholds, however the range is written: the form's rule, never the unit's scores
    ("评价等级：得分≥85分为优，70分（含）以上85分以下为良，60分以下为差。", []),
    ("90分（含）以上为优秀，得分在75分以上的为良好", []),
    ("优秀：90分以上；良：80-89分；中（60≤得分<80）；差（得分<60分）", []),
    ("A级（90分以上）、B级（80分（含）至90分）", []),
    # a formula's points and a condition's points
    ("预算执行率（10分×完成率）", []), ("得分=完成率×20分", []),
    ("目标明确的得5分，否则不得分", []), ("按时报送得2分，否则不得分", []),
    ("每项扣1分，扣完为止", []), ("绩效目标是否完整（3分）", []),
    ("设置绩效目标（4分，其中整体目标3分，项目目标1分，无项目的得4分）", []),
    # beside them, what the unit scored and the form's weights stay figures
    ("资金管理（20分）：本项得18分。", ["20分", "18分"]),
    ("决策指标（分值20分，得分19分）", ["20分", "19分"]),
    ("自评得分92分，评价等级为优", ["92分"]), ("自评总分96分评定为优", ["96分"]),
    ("总分100分，自评95.5分，为优", ["100分", "95.5分"]),
    ("因台账不全扣1分，自评得分98分", ["1分", "98分"]),
])
def test_a_forms_grade_thresholds_and_rule_points_are_no_figures_its_weights_and_scores_are(sentence, expected):
    assert [f.quantity.text for f in find_quantities(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("2019 2020 2021 2022 2023 2024 2025", []),                    # a header of years flattened onto a line
    ("项目  2021  2022  2023", []),
    ("1000 1100 1200 3752.48", ["1000", "1100", "1200", "3752.48"]),  # its values below it stay figures
    ("2022 2023", ["2022", "2023"]),                                # two numbers are no run of years
])
def test_a_run_of_years_is_a_header_not_figures(sentence, expected):
    """Trial 3 T39: a small table flattened by a PDF or a web page drafted its header's years as figures."""
    assert [f.quantity.text for f in find_quantities(sentence)] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("项目资金按1:1比例配套", []), ("比例为3：2", []), ("1∶1000地形图", []),     # ratios: neither side a figure
    ("单位现有公务用车1辆（湘F·12345）", ["1辆"]),                             # a number plate is none
    ("工作QQ群：123456789", []), ("东经112.5°、北纬29.3°", []),                # a group's number, a coordinate
    ("得分：95分", ["95分"]), ("会议时间14:30", []),
])
def test_ratios_plates_group_numbers_and_coordinates_are_no_figures(sentence, expected):
    """Trial 3 T47: 1:1 was drafted as 1 万元, a plate's digits and a QQ group's number as figures."""
    assert [f.quantity.text for f in find_quantities(sentence)] == expected


def test_a_row_of_numbers_is_read_whole_however_long():
    """A row of a year-column table ("第3项支出\t1003.00\t1003.01 …") read after a number as a grade's range
    (70分以上85分以下为良) split every way: exponential in the row, a 375-row table took a minute to draft (trial 3
    T22; `bench/bench_faults.py` times the tables). Every value is read, none taken for a rule's range."""
    row = "\t".join(f"{1003 + k}.{k:02d}" for k in range(12))
    assert [f.quantity.text for f in find_quantities("第3项支出\t" + row)] == row.split("\t")
    assert [f.quantity.text for f in find_quantities("得分\t" + row)] == row.split("\t")


@pytest.mark.parametrize("sentence, expected", [
    ("浏览量 27", []), ("发布日期：2024-03-15  阅读：1024 次", []), ("点击数：356", []),
    ("某局部门整体支出绩效自评报告(精选5篇)", []), ("绩效自评报告精品8篇", []), ("范文2", []),
    ("资金使用情况自查报告(锦集12篇)", []), ("部门整体支出绩效自评报告范文(通用7篇)", []),
    ("网站访问量达12万人次，点击量3.2万次", ["12万人次", "3.2万次"]),  # the unit's own site, counted: figures
    ("全年发表调研文章5篇", ["5篇"]),
    ("三期工程完工，项目分三期实施", ["三期"]),                           # a phase's name; a count of phases
])
def test_a_sites_counters_and_a_phases_name_are_no_figures(sentence, expected):
    assert [f.quantity.text for f in find_quantities(sentence)] == expected


@pytest.mark.parametrize("sentence, value", [
    ("全年支出2_450.60万元", "2450.60"),          # grouped by an underscore, as a program writes it
    ("全年支出2′450.60万元", "2450.60"),          # by a prime (U+2032), as a Swiss apostrophe is often typed
    ("全年支出2٬450.60万元", "2450.60"),          # by the Arabic thousands separator (U+066C)
    ("全年支出2450·60万元", "2450.60"),           # a middle dot as the decimal point
    ("全年支出1’268·5万元", "1268.5"),
])
def test_a_number_grouped_or_pointed_in_other_ways_reads_whole(sentence, value):
    [found] = find_quantities(sentence)
    assert (str(found.quantity.value), found.quantity.unit, found.doubt) == (value, "万元", None)
    assert found.quantity.text == sentence[4:]


def test_a_month_and_a_day_joined_by_a_middle_dot_stay_a_date():
    assert find_quantities("开展12·4宪法宣传日和3·15活动") == []


@pytest.mark.parametrize("sentence, written", [
    ("三公经费较上年变动—25%", "—25%"), ("较上年变动——25%", "——25%"), ("变动率为-- 20%", "-- 20%"),
])
def test_a_dash_before_a_number_reads_negative_and_unsure_never_positive_nor_dropped(sentence, written):
    [found] = find_quantities(sentence)
    assert (found.quantity.value < 0, found.quantity.text) == (True, written)
    assert found.doubt and "负号" in found.doubt
    assert parse_quantity(written) is None  # a cell reading two ways is no quantity: the Excel reader names it


def test_a_dash_between_two_numbers_is_still_a_range():
    assert find_quantities("预算区间2400—2500万元") == []


def test_parts_in_another_unit_are_added_exactly_and_judged_at_the_coarser_precision():
    whole = parse_quantity("24,506,012.34元")
    parts = [parse_quantity("850.60万元"), parse_quantity("1600.00万元")]
    assert adds_up(whole, parts)                                   # 24,506,000元 to the 100元 the parts are written to
    assert not adds_up(parse_quantity("24,516,000.00元"), parts)    # 1万元 off
    assert adds_up(parse_quantity("2450.60万元"), [parse_quantity("8,506,000.00元"), parse_quantity("1600.00万元")])
    assert not adds_up(parse_quantity("2450.61万元"), [parse_quantity("8,506,000.00元"), parse_quantity("1600.00万元")])
    assert at_step(whole, D(100)).value == D("24506000")
    assert at_step(parse_quantity("约2450万元"), D(100)) == parse_quantity("约2450万元")  # a range stays one


@pytest.mark.parametrize("sentence, written, value, unit", [
    ("培训费按500/人的标准列支", "500/人", "500", "/人"),      # a bare number per person keeps its per as its unit
    ("体检费按500元/人标准执行", "500元/人", "500", "元/人"),
    ("补贴按每人每月300元发放", "300元", "300", "元"),
])
def test_a_per_person_standard_is_read_with_its_unit(sentence, written, value, unit):
    [found] = find_quantities(sentence)
    assert (found.quantity.text, str(found.quantity.value), found.quantity.unit) == (written, value, unit)


@pytest.mark.parametrize("sentence, expected", [
    ("购置单价200万元以上的专用设备1台", ["1台"]),                 # a bound naming a class: its count is the figure
    ("为65岁以上老年人提供体检服务2300人次", ["2300人次"]),
    ("按照人均月收入低于500元的救助标准，为860户困难职工建档", ["860户"]),  # the bound of a standard: who qualifies
    ("救助资金不足500元。", ["不足500元"]),
    ("完成投资3000万元以上，新建道路2公里", ["3000万元以上", "2公里"]),  # a bound the unit reached stays a figure
    ("在职人员平均年龄45岁", ["45岁"]),
    ("2型糖尿病患者规范管理", []),                                  # a type's name
    ("填报日期：202403", []),                                      # a year and a month run together
    ("1 某某局项目绩效自评报告 目 录 一、基本情况 ........ 2", []),   # a PDF's page number before its contents
    ("15 名职工参加培训", ["15 名"]), ("1 中央专款分配合规........", ["1"]),      # a score opening a row with leaders
])
def test_a_bound_naming_a_class_a_types_name_and_a_year_month_run_are_no_figures(sentence, expected):
    assert [f.quantity.text for f in find_quantities(sentence)] == expected


@pytest.mark.parametrize("sentence, written, value, qualifier", [
    ("全年支出2600万元出头", "2600万元出头", "2600", Q.OVER),        # a little above: as 余
    ("全年支出大约为2650万元", "大约为2650万元", "2650", Q.ABOUT),    # 为 between the qualifier and the number
    ("全年支出约为2650万元", "约为2650万元", "2650", Q.ABOUT),
    ("全年支出≈2652万元", "≈2652万元", "2652", Q.ABOUT),
])
def test_qualifier_wordings_bound_the_value(sentence, written, value, qualifier):
    [found] = find_quantities(sentence)
    assert (found.quantity.text, str(found.quantity.value), found.quantity.qualifier) == (written, value, qualifier)


@pytest.mark.parametrize("sentence, written", [
    ("培训费变动率为负 15%", "负 15%"), ("培训费变动率为负百分之十五", "负百分之十五"), ("培训费变动率为减15%", "减15%"),
    ("培训费变动率15%↓", "15%↓"), ("培训费变动率↓15%", "↓15%"),
])
def test_every_minus_in_words_or_arrows_reads_negative(sentence, written):
    [found] = find_quantities(sentence)
    assert (found.quantity.text, found.quantity.value, found.doubt) == (written, D(-15), None)


@pytest.mark.parametrize("sentence", ["培训费变动率为﹘15%", "培训费变动率为ー15%", "培训费变动率为±15%"])
def test_a_dash_like_mark_or_a_plus_minus_before_a_number_is_unsure(sentence):
    [found] = find_quantities(sentence)
    assert found.doubt  # listed 存疑, drafted nowhere: never a plain +15%


def test_a_count_reduced_in_words_keeps_its_value():
    assert [(f.quantity.text, f.quantity.value) for f in find_quantities("较上年减2人，负责人3名")] == \
        [("2人", D(2)), ("3名", D(3))]


@pytest.mark.parametrize("sentence, value", [
    ("全年支出2千631.50万元", "2631.50"), ("全年支出1亿2631万元", "12631"), ("全年支出2亿631.5万元", "20631.5"),
    ("全年支出2＇631.50万元", "2631.50"),                       # a full-width apostrophe groups thousands
    ("全年支出٢٦٣١٫٥٠万元", "2631.50"),                          # Arabic-Indic digits and decimal point
    ("全年支出②⑥③①.⑤⓪万元", "2631.50"),                          # a run of circled digits
    ("全年支出贰仟陆佰叁拾壹万伍仟元", "26315000"),                # 大写 numerals
])
def test_an_amount_in_two_magnitudes_or_other_digits_is_one_number(sentence, value):
    [found] = find_quantities(sentence)
    assert (str(found.quantity.value), found.doubt, found.quantity.text) == (value, None, sentence[4:])


def test_an_input_methods_full_stop_for_the_point_before_a_unit_is_the_point():
    assert [(str(f.quantity.value), f.quantity.text, f.doubt) for f in find_quantities("发放资金16。22万元，占比12。5%。")] \
        == [("16.22", "16。22万元", None), ("12.5", "12。5%", None)]
    assert [f.quantity.text for f in find_quantities("完成任务16。22名职工参训")] == ["22名"]  # no money or %: not joined


def test_counts_of_batches_lamps_and_payments_keep_their_units():
    assert [(f.quantity.text, f.quantity.unit) for f in find_quantities("接待120批次，出车50台次，安装路灯300盏，拨付3笔")] == \
        [("120批次", "批次"), ("50台次", "台次"), ("300盏", "盏"), ("3笔", "笔")]  # 120批次 is no 120批


def test_an_amount_in_wan_and_qian_is_one_amount():
    [found] = find_quantities("全年支出2631万5千元")
    assert (str(found.quantity.value), found.quantity.unit, found.doubt) == ("2631.5", "万元", None)
    [found] = find_quantities("全年支出2631万5千3百元")
    assert str(found.quantity.value) == "2631.53"


def test_digits_set_as_superscripts_before_a_unit_read_as_the_number_and_unsure():
    [found] = find_quantities("全年支出²⁶³¹.⁵⁰万元")
    assert (str(found.quantity.value), found.quantity.text) == ("2631.50", "²⁶³¹.⁵⁰万元") and "上标" in found.doubt
    assert [(str(f.quantity.value), f.doubt) for f in find_quantities("全年支出2631.50万元¹，面积120m²")] == \
        [("2631.50", None), ("120", None)]  # a footnote's marker after a figure, a unit's square: no such number


def test_a_list_of_small_amounts_sharing_a_unit_is_not_one_broken_number():
    assert all(f.doubt is None for f in find_quantities("两个项目分别为15、20万元"))


def test_a_lone_circled_digit_numbers_a_list():
    assert [f.quantity.text for f in find_quantities("①数量指标：收到资金16.20万元")] == ["16.20万元"]


@pytest.mark.parametrize("sentence, value", [
    ("全年支出2631,50万元", "2631.50"), ("全年支出2,631,50万元", "2631.50"), ("全年支出2631 .50万元", "2631.50"),
    ("全年支出2631. 50万元", "2631.50"), ("全年支出2631.5 0万元", "2631.50"), ("全年支出26,31,500元", "2631500"),
    ("全年支出2631、50万元", "2631.50"),  # an input method's 、 for the point (or a list: 存疑)
])
def test_a_number_broken_in_its_writing_reads_whole_and_unsure(sentence, value):
    [found] = find_quantities(sentence)
    assert str(found.quantity.value) == value and found.doubt and "两个数" in found.doubt


@pytest.mark.parametrize("sentence, expected", [
    ("增长25%-30%", []), ("控制在5%-10%之间", []), ("增幅25%—30%", []),     # a range of rates: neither end, never −30%
    ("第四部分 部门决算公开的8张报表", []), ("全年填报统计报表12张", ["12张"]),  # the disclosure's own tables
])
def test_a_range_of_rates_and_a_disclosures_own_tables_are_no_figures(sentence, expected):
    assert [f.quantity.text for f in find_quantities(sentence)] == expected


def test_a_minus_after_a_percentage_is_unsure():
    [found] = find_quantities("培训费变动率为15%-")
    assert found.doubt and "负号" in found.doubt


@pytest.mark.parametrize("text", ["1" * 20000, "优：" + "1" * 20000, "得分" + "1" * 20000 + "分为优", "1" * 20000 + "%↓",
                                  "项目 " + " ".join(["13628965.89"] * 400)])  # a 决算 row in 元, cells between spaces
def test_a_long_run_of_digits_is_read_in_linear_time(text):
    """The grade, arrow and range rules once backtracked exponentially or quadratically on a run of digits (a
    hostile report): each now reads a digit run once. No timing asserted: the suite would hang, not fail."""
    assert all(f.doubt for f in find_quantities(text)) or len(find_quantities(text)) == 400


@pytest.mark.parametrize("sentence, expected", [
    ("项目绩效自评报(bào)告 1", []),                       # a copying site's pinyin inside a title: its number is no figure
    ("项目(xiàng mù)支出300万元", ["300万元"]),
    ("某县残联项目绩效自评报告(精選12篇)", []),             # the site's count, in traditional characters too
])
def test_a_copying_sites_pinyin_and_counts_are_read_past(sentence, expected):
    assert [f.quantity.text for f in find_quantities(sentence)] == expected



@pytest.mark.parametrize("sentence, expected", [
    ("自评得分九十一分", ["九十一分"]), ("总分为九十五点五分", ["九十五点五分"]),   # a score in words after its word
    ("工作十分扎实", []), ("实行两分类管理", []),                                 # 十分 (very) is no score
])
def test_a_score_in_chinese_numerals_is_read_only_after_a_scores_word(sentence, expected):
    assert [f.quantity.text for f in find_quantities(sentence)] == expected


def test_a_temperature_and_a_length_in_millimetres_keep_their_units():
    found = find_quantities("全县年均气温16.4℃，最高气温39摄氏度，年均降水量1420毫米，冻土深度35厘米。")
    assert [(f.quantity.text, f.quantity.unit) for f in found] == [
        ("16.4℃", "℃"), ("39摄氏度", "℃"), ("1420毫米", "毫米"), ("35厘米", "厘米")]


@pytest.mark.parametrize("text, value, unit, unsure", [
    ("全年支出58,36.20万元", "5836.20", "万元", True),     # a group of two before the point: one number, 存疑
    ("全年支出5836.万元", "5836", "万元", True),           # a point and no decimals
    ("全年支出5.836.20万元", "5836.20", "万元", True),     # two points: the last the decimal one
    ("全年支出5836万2000元", "5836.2", "万元", False),     # 万 and 元 in one amount
    ("补助7万350元", "7.035", "万元", False),
    ("全年支出5,836.20万元", "5836.20", "万元", False),    # an ordinary grouping: sure
])
def test_a_mistyped_or_two_magnitude_amount_is_read_whole(text, value, unit, unsure):
    (found,) = find_quantities(text)
    assert (str(found.quantity.value), found.quantity.unit, found.doubt is not None) == (value, unit, unsure)


def test_a_fall_written_with_a_minus_too_is_unsure():
    (found,) = find_quantities("公用经费较上年减少-4.2%。")
    assert found.quantity.value == D("-4.2") and found.doubt is not None
    (plain,) = find_quantities("公用经费较上年减少4.2%。")
    assert plain.doubt is None
    (rise,) = find_quantities("公用经费较上年增长-4.2%。")  # a rise of −4.2 %: the sign says the direction once
    assert rise.doubt is None
