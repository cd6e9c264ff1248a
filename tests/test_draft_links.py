"""The draft reader's structure across clauses and sentences, on sentences written for these tests: totals closed
over the parts they add, a change that is no part, one figure stated twice, rates explained from the section."""
from __future__ import annotations

from pathlib import Path

from perfeval.intake.report import draft_report
from perfeval.intake.report.document import build
from perfeval.intake.report.lists import find_lists
from perfeval.intake.report.mentions import prose_mentions
from perfeval.intake.report.totals import find_totals

TITLE = "松岭县农业技术推广站2023年度部门整体支出绩效自评报告"


def draft_of(tmp_path: Path, *lines: str):
    report = tmp_path / "report.txt"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return draft_report(report)


def totals_in(*paragraphs: str) -> list[tuple[str, list[str], bool]]:
    document = build("<test>", list(paragraphs))
    mentions = prose_mentions(document, set())
    lists = find_lists(document, mentions)
    return [(t.whole.written, [p.written for p in t.parts], t.complete) for t in lists + find_totals(mentions, lists)]


def test_a_total_closing_what_jia_shang_adds_holds_over_the_whole_of_a_list_before_it():
    got = totals_in("全镇本级收入实现230.50万元，为年初预算的105.2%，其中税收收入200.00万元；非税收入30.50万元。"
                    "加上上级补助、上年结转等1,469.50万元，收入总计1,700.00万元。")
    assert ("230.50万元", ["200.00万元", "30.50万元"], True) in got
    assert ("1,700.00万元", ["230.50万元", "1,469.50万元"], True) in got  # the list's whole, not its last part
    assert not any("30.50万元" in parts and whole == "1,700.00万元" for whole, parts, _ in got)


def test_a_total_said_to_be_made_of_its_parts_is_an_identity_even_when_they_do_not_add_up(tmp_path):
    assert totals_in("全镇支出总计1,650.00万元，由本级支出1,700.00万元，加上上解支出等0万元构成。") == [
        ("1,650.00万元", ["1,700.00万元", "0万元"], False)]
    draft = draft_of(tmp_path, TITLE, "一、支出情况", "全镇支出总计1,650.00万元，由本级支出1,700.00万元，加上上解支出等0万元构成。")
    identity = draft.params["claims"]["identities"][0]
    assert identity["relation"] == "=" and len(identity["parts"]) == 2


def test_no_total_without_its_closing_word_and_no_addition_in_jia_qiang():
    assert totals_in("本年收入500.00万元，加上上年结转40.00万元，可用资金充足。") == []
    assert totals_in("办公经费20.00万元，加强管理后节约支出3.00万元，合计支出17.00万元。") == []
    assert totals_in("资金300.00万元，由市财政拨付。") == []  # 由 without 构成 names a source, not parts


def test_a_change_listed_beside_a_part_is_no_part_of_the_total():
    got = totals_in("2023年支出总额860.00万元，其中基本支出610.00万元，比上年增加35.00万元；"
                    "项目支出250.00万元，较上年减少12.00万元。")
    assert got == [("860.00万元", ["610.00万元", "250.00万元"], True)]


def test_one_count_restated_in_another_section_with_its_digits_transposed_is_one_figure_stated_twice(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、会务保障", "全年承办各类会议856场次，未发生差错。", "二、服务成效",
                     "会议服务全年865场，满意度较高。")
    assert [[m.written for m in group] for group in draft.repeats] == [["856场次", "865场"]]
    statement = draft.params["claims"]["statements"][0]
    assert str(statement["value"]) == "865" and "存疑" in draft.notes[id(statement)]


def test_sums_sharing_only_a_short_head_or_counts_of_other_digits_are_two_figures(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、收入", "本年税收收入215.00万元。", "二、其他收入", "非税收入125.00万元。",
                     "三、会务", "全年承办会议856场次。", "四、培训", "组织培训会议37场。")
    assert draft.repeats == []


def test_an_integer_restated_under_a_longer_wording_in_another_paragraph_is_one_figure(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、基本情况", "本站现有在职职工人数46人。", "二、人员管理",
                     "年末在职职工人数46人，均按规定管理。")
    assert [[m.written for m in group] for group in draft.repeats] == [["46人", "46人"]]


def test_a_rate_of_what_was_done_is_explained_by_the_plan_stated_earlier_in_its_part(tmp_path):
    plan, done = "本年安排病虫害防治专项经费预算480万元。", "全年实际支付432万元，资金执行率{}。"
    held = draft_of(tmp_path, TITLE, "一、专项资金情况", "（一）资金安排", plan, "（二）资金执行", done.format("90%"))
    rate = next(r for r in held.rates if r.rate.written == "90%")
    assert rate.status == "explained" and rate.reading.denominator.written == "480万元"
    other = draft_of(tmp_path, TITLE, "一、专项资金情况", "（一）资金安排", plan, "（二）资金执行", done.format("95%"))
    assert next(r for r in other.rates if r.rate.written == "95%").status == "unexplained"  # no guess at a plan
    apart = draft_of(tmp_path, TITLE, "一、资金安排", plan, "二、资金执行", done.format("90%"))
    assert next(r for r in apart.rates if r.rate.written == "90%").status == "unexplained"  # another part's plan


def test_a_bracket_opened_by_han_breaks_down_the_part_before_it_and_an_aside_in_brackets_is_no_part():
    assert totals_in("全局共有下属单位9个，其中全额拨款单位7个（含行政单位1个、参公单位1个），差额拨款单位1个，"
                     "自收自支单位1个。") == [("9个", ["7个", "1个", "1个"], True), ("7个", ["1个", "1个"], False)]
    assert totals_in("在职人员41人，其中行政编制12人（上年为10人），事业编制29人。") == [("41人", ["12人", "29人"], True)]


def test_labels_numbering_two_things_are_two_figures_whatever_their_values(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、示范田", "第46号示范田补助资金66.25万元。", "二、示范田",
                     "第146号示范田补助资金166.25万元。", "三、示范田", "第46号示范田补助资金66.25万元。")
    assert [[m.written for m in group] for group in draft.repeats] == [["66.25万元", "66.25万元"]]


def test_items_of_two_different_totals_are_two_figures_under_one_name(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、资金下达", "上级下达水利资金1200万元，其中河道治理800万元，水库维修400万元。",
                     "二、配套资金", "县级配套资金500万元，其中河道治理350万元，水库维修150万元。", "三、执行",
                     "河道治理800万元已全部支付。")
    assert [[m.written for m in group] for group in draft.repeats] == [["800万元", "800万元"]]
