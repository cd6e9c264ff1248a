"""The draft reader's structure across clauses and sentences, on sentences written for these tests: totals closed
over the parts they add, a change that is no part, one figure stated twice, rates explained from the section."""
from __future__ import annotations

from pathlib import Path

import pytest

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
    # 在职职工人数 is the catalogue's 在职 (labels.yaml): one figure stated twice is a pair of its statements
    assert [[m.written for m in group] for group in draft.repeats] + [[a.written, b.written] for a, b in draft.pairs] \
        == [["46人", "46人"]]


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


def findings_of(tmp_path: Path, *lines: str):
    from perfeval.checks import run_checks
    from perfeval.core.engine import load_unit
    from perfeval.outputs.draft import write_draft

    return run_checks(load_unit(write_draft(draft_of(tmp_path, *lines), tmp_path / "draft.yaml")))


def test_a_change_stated_with_its_amount_is_recomputed_from_it_and_a_wrong_one_is_a_question(tmp_path):
    lines = (TITLE, "一、支出情况", "2023年本站支出总额2,600.00万元。较上年决算数减少400.00万元，下降{}。")
    draft = draft_of(tmp_path, *lines[:2], lines[2].format("13.33%"))
    ratio = draft.params["claims"]["ratios"][0]
    assert ratio["kind"] == "decrease_by" and str(ratio["value"]) == "-13.33"  # 400 ÷ (2600 + 400)
    assert not [f for f in findings_of(tmp_path, *lines[:2], lines[2].format("13.33%")) if f.kind == "recomputed_vs_claimed"]
    wrong = [f for f in findings_of(tmp_path, *lines[:2], lines[2].format("12.5%")) if f.kind == "recomputed_vs_claimed"]
    assert len(wrong) == 1 and wrong[0].candidate and "13.33" in wrong[0].message


def test_staff_on_duty_above_the_establishment_is_a_finding_with_both_figures(tmp_path):
    lines = (TITLE, "一、人员情况", "本站核定编制40人，年末实有在职人员{}人。")
    over = [f for f in findings_of(tmp_path, *lines[:2], lines[2].format(43)) if f.check == "staff_above_establishment"]
    assert len(over) == 1 and over[0].value_of("over") == 43 and over[0].value_of("limit") == 40
    assert "107.50%" in over[0].message and not over[0].candidate
    assert not [f for f in findings_of(tmp_path, *lines[:2], lines[2].format(40)) if f.check == "staff_above_establishment"]


def test_a_change_between_two_dated_figures_is_read_past_the_amount_stated_between_them(tmp_path):
    lines = (TITLE, "一、收支情况", "本年度支出合计520.00万元，上年度支出合计600.00万元，支出减少80.00万元，同比下降{}。")
    held = draft_of(tmp_path, *lines[:2], lines[2].format("13.33%"))
    rate = held.rates[0]
    assert rate.status == "explained" and rate.reading.kind == "change"
    assert (rate.reading.numerator.written, rate.reading.denominator.written) == ("520.00万元", "600.00万元")
    wrong = draft_of(tmp_path, *lines[:2], lines[2].format("13.330%")).rates[0]  # −13.333… is 13.333 at 3 places
    assert wrong.status == "contradicted" and "13.333%" in wrong.why


TABLE = [["项目名称", "预算数（万元）", "执行数（万元）"], ["病虫害防治", "120.00", "118.50"], ["其中：药剂采购", "60.00", "59.00"],
         ["良种推广", "80.00", "79.00"], ["技术培训", "30.00", "28.00"], ["合计", "230.00", "{}"]]


def _table_report(tmp_path: Path, gap: str, executed: str):
    rows = [gap.join(cells).format(executed) for cells in TABLE]
    return draft_of(tmp_path, TITLE, "一、项目支出情况", *rows, "二、其他", "本站全年完成各项任务。")


def test_a_table_of_the_units_own_figures_is_read_by_its_headers_and_its_total_row_adds_up_the_rows_above():
    import tempfile

    for gap in ("\t", "    "):  # tabs (pasted from a spreadsheet) or spaces (a fixed-width copy)
        draft = _table_report(Path(tempfile.mkdtemp()), gap, "225.50")
        got = [(lst.whole.written, [p.written for p in lst.parts], lst.complete) for lst in draft.lists]
        assert got == [("230.00", ["120.00", "80.00", "30.00"], True), ("225.50", ["118.50", "79.00", "28.00"], True),
                       ("120.00", ["60.00"], False), ("118.50", ["59.00"], False)]  # a 其中 row: part of its row
        labels = {s["label"]: str(s["value"]) for s in draft.params["stated"]}
        assert labels["良种推广·执行数（万元）"] == "79.00"  # its unit from the header
        assert draft.params["stated"][0]["unit"] == "万元"


def test_a_total_row_that_does_not_add_up_is_a_question_on_the_draft(tmp_path):
    wrong = [f for f in findings_of_draft(_table_report(tmp_path, "\t", "235.50"), tmp_path)
             if f.check == "declared_identity_broken"]
    assert len(wrong) == 1 and wrong[0].candidate and "225.50" in wrong[0].message


def test_lines_with_one_wide_gap_are_prose_not_a_table():
    from perfeval.intake.documents import space_aligned

    assert space_aligned(["一、基本情况      3", "二、绩效目标      5"]) == set()
    assert space_aligned(["项目    预算    执行", "培训    30.00    28.00"]) == {0, 1}


def findings_of_draft(draft, tmp_path: Path):
    from perfeval.checks import run_checks
    from perfeval.core.engine import load_unit
    from perfeval.outputs.draft import write_draft

    return run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))


def test_one_opener_breaks_down_totals_in_two_units_each_by_its_own_parts():
    got = totals_in("新建护岸工程4段，长3.47km，其中右岸1段，长0.98km；左岸3段，长2.49km。")
    assert ("3.47km", ["0.98km", "2.49km"], True) in got and ("4段", ["1段", "3段"], True) in got
    assert totals_in("治理河道总长为3.75km，其中干流长3.133km，汇入口段0.617km；干流堤防工程1段，长0.23km。") == [
        ("3.75km", ["3.133km", "0.617km"], True)]  # the next item's 0.23km is no part of the river's length


def test_two_changes_named_only_by_their_words_are_two_figures(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、收入情况", "本年收入800.00万元。同比上年度增加120.00万元，增加17.65%。",
                     "二、财政拨款", "财政拨款收入780.00万元，同比上年度增加150.00万元，增加23.81%。")
    assert draft.repeats == []
    against_budget = draft_of(tmp_path, TITLE, "一、支出情况", "经比较，本年会议费较上年减少1.20万元，下降8.00%，"
                              "较年初预算数减少0.52万元。其中：培训费较上年减少0.40万元，较年初预算数减少0.18万元。")
    assert against_budget.repeats == []
    differences = draft_of(tmp_path, TITLE, "一、支出情况", "其中：会议费支出0万元，年初预算为0万元，差值为0万元，原因为压缩开支。",
                           "二、培训", "培训费支出0万元，年初预算为0万元，差值为0万元，原因为压缩开支。")
    assert differences.repeats == []  # each 差值 is of its own line
    plans = draft_of(tmp_path, TITLE, "一、支出情况", "公务用车购置及运行维护费支出决算为27.00万元，完成预算30.00万元的90.0%；"
                     "其中：公务用车购置支出决算为0万元；公务用车运行维护费支出决算为27.00万元，完成预算30.00万元的90.0%。")
    assert plans.repeats == []  # each line's own budget


def test_a_form_budget_block_states_its_figures_in_the_total_row_and_its_sources_are_parts_of_it(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、预算执行", "\t".join(["资金", "年初预算数", "全年预算数", "全年执行数"]),
                     "\t".join(["年度资金总额", "300.00", "320.00", "310.00"]),
                     "\t".join(["其中：财政拨款", "280.00", "300.00", "292.00"]), "\t".join(["其他资金", "20.00", "20.00", "18.00"]))
    budget = draft.params["figures"]["budget"]
    assert {k: str(v["value"]) for k, v in budget.items()} == {"start_of_year": "300.00", "adjusted": "320.00",
                                                               "executed": "310.00"}
    assert "statements" not in draft.params.get("claims", {})  # the sources' rows are no restatements of the total
    assert ("310.00", ["292.00", "18.00"], True) in [(x.whole.written, [p.written for p in x.parts], x.complete)
                                                     for x in draft.lists]


def test_a_form_rows_execution_rate_divides_what_was_executed_by_the_budget_when_both_are_equal(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、预算执行", "\t".join(["资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]),
                     "\t".join(["年度资金总额", "480.00", "500.00", "500.00", "10", "100%", "10"]))
    rate = next(r for r in draft.rates if r.rate.written == "100%")
    assert rate.status == "explained" and rate.reading.numerator.label.endswith("全年执行数")
    assert rate.reading.denominator.label.endswith("全年预算数")


def test_a_change_is_explained_by_this_years_and_last_years_figures_its_part_states_under_its_subject(tmp_path):
    lines = (TITLE, "一、培训情况", "2022年培训经费支出20.00万元。", "本年度加强成本控制，2023年培训经费支出18.00万元。",
             "2023年培训经费支出较上年下降{}，主要是压减了外出培训。")
    held = draft_of(tmp_path, *lines[:4], lines[4].format("10%"))
    rate = next(r for r in held.rates if r.rate.written == "10%")
    assert rate.status == "explained" and rate.reading.kind == "change"
    assert (rate.reading.numerator.written, rate.reading.denominator.written) == ("18.00万元", "20.00万元")
    wrong = next(r for r in draft_of(tmp_path, *lines[:4], lines[4].format("12%")).rates if r.rate.written == "12%")
    assert wrong.status == "contradicted"


def test_a_table_cell_restated_in_the_narrative_under_its_row_name_is_one_figure(tmp_path):
    rows = ["\t".join(cells).format("225.50") for cells in TABLE]
    draft = draft_of(tmp_path, TITLE, "一、项目支出情况", *rows, "二、项目成效",
                     "病虫害防治项目全年实际支出118.50万元，防治面积扩大。", "良种推广支出79.50万元。")
    assert [[m.written for m in group] for group in draft.repeats] == [["118.50", "118.50万元"]]  # 79.50 is not 79.00


def test_a_total_closing_the_figures_before_it_is_declared_and_one_naming_another_total_only_when_it_adds_up():
    assert totals_in("本年办公费10.00万元、印刷费5.00万元、差旅费3.00万元，合计19.00万元。") == [
        ("19.00万元", ["10.00万元", "5.00万元", "3.00万元"], False)]  # 合计 closes them: a sum to ask about
    assert ("100.00万元", ["60.00万元", "40.00万元"], True) in totals_in(
        "全年支出100.00万元，其中：基本支出60.00万元；项目支出40.00万元；合计100.00万元。")  # from the opener, over ；
    assert totals_in("全年收入120万元，支出100万元，结余合计20万元。") == []  # 结余 names another total
    assert totals_in("开展培训3次，共计培训120人次。") == []


def test_a_total_named_only_by_he_ji_is_named_by_its_parts_in_the_draft(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、支出情况", "本年办公费10.00万元、印刷费5.00万元、差旅费3.00万元，合计19.00万元。")
    total = next(s for s in draft.params["stated"] if str(s["value"]) == "19.00")
    assert total["label"] == "办公费、印刷费、差旅费合计" and "note" not in total
    assert draft.params["claims"]["identities"][0]["label"] == "办公费、印刷费、差旅费合计"


def test_a_change_from_its_amount_is_recomputed_by_score_and_one_from_nothing_is_not_compared(tmp_path):
    from perfeval.checks import run_checks
    from perfeval.core.engine import load_unit

    params = tmp_path / "u.yaml"
    params.write_text("""unit: {id: u, name: 某站, region: 某县, year: 2023, framework: dept_overall_a}
stated:
  - {id: s1, label: 收入, value: 100.00, unit: 万元}
  - {id: s2, label: 增加额, value: 100.00, unit: 万元}
  - {id: s3, label: 支出, value: 90.00, unit: 万元}
  - {id: s4, label: 减少额, value: 10.00, unit: 万元}
claims:
  ratios:
    - {label: 收入增幅, numerator: s1, denominator: s2, kind: increase_by, value: 50}
    - {label: 支出降幅, numerator: s3, denominator: s4, kind: decrease_by, value: -10}
    - {label: 支出降幅二, numerator: s3, denominator: s4, kind: decrease_by, value: -12}
""", encoding="utf-8")
    found = [f for f in run_checks(load_unit(params)) if f.check == "stated_ratio_mismatch"]
    assert [f.evidence_of("stated")[0].label for f in found] == ["单位陈述的支出降幅二"]
    assert found[0].value_of("recomputed") == -10


def test_a_list_hangs_from_the_figure_before_it_never_from_a_change_on_last_year():
    assert totals_in("收入：792.22万元。同比上年度增加189.25万元，增加31.39%。"
                     "其中：财政拨款收入792.22万元，同比上年度增加209.28万元。") == [("792.22万元", ["792.22万元"], True)]


def test_a_rows_actual_restated_at_the_same_value_under_shared_words_is_one_figure(tmp_path):
    header = "\t".join(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"])
    row = "\t".join(["产出指标", "数量指标", "组织农技培训", "≥10次", "12次", "10", "10"])
    draft = draft_of(tmp_path, TITLE, "一、绩效自评表", header, row, "二、绩效目标完成情况",
                     "全年开展农技培训12次，培训农民600人次。", "另组织观摩活动12次。")
    assert [[m.written for m in group] for group in draft.restated.values()] == [["12次", "12次"]]
    assert [m.where.text for m in next(iter(draft.restated.values()))][1].startswith("全年开展农技培训")


def test_a_budget_word_naming_the_figure_before_does_not_make_the_next_one_a_budget(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、预算情况", "本年年初预算数185.00万元，年末支出合计325.89万元。",
                     "二、收支对比", "本年度支出合计325.89万元，收支平衡。")
    assert [[m.written for m in group] for group in draft.repeats] == [["325.89万元", "325.89万元"]]
    apart = draft_of(tmp_path, TITLE, "一、预算批复", "预算批复：商品和服务支出96.00万元。", "二、决算", "决算数：商品和服务支出96.00万元。")
    assert apart.repeats == []  # under 预算批复 and under 决算数: two figures


def test_a_list_opened_under_words_naming_a_figure_stated_elsewhere_breaks_that_figure_down(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、支出情况", "2023年本站支出合计520.00万元，其中基本支出320.00万元，项目支出200.00万元。",
                     "二、项目情况", "项目支出包括良种推广经费60.00万元，技术培训经费30.00万元，病虫害监测经费……")
    items = draft.params["figures"]["item_lists"][0] if "item_lists" in draft.params["figures"] \
        else {"of": "lines.project.final", "items": draft.params["figures"]["project_items"]}
    assert items["of"] == "lines.project.final" and [str(i["amount"]["value"]) for i in items["items"]] == ["60.00", "30.00"]
    assert [i["name"] for i in items["items"]] == ["良种推广经费", "技术培训经费"]
    found = [f for f in findings_of_draft(draft, tmp_path) if f.check == "listed_items_unexplained"]
    assert len(found) == 1 and found[0].candidate and "110.00万元" in found[0].message


def test_a_count_in_ge_under_a_total_in_another_classifier_is_a_part_listed_for_review_not_checked(tmp_path):
    sentence = "全局系统由17家单位组成，其中：全额拨款单位15个（含行政单位1个，参公管理事业单位1个）、差额拨款事业单位1个、自收自支事业单位1个。"
    assert totals_in(sentence) == [("17家", ["15个", "1个", "1个"], True), ("15个", ["1个", "1个"], False)]
    draft = draft_of(tmp_path, TITLE, "一、机构情况", sentence)
    assert [i["parts"] for i in draft.params["claims"]["identities"]] == [["s003", "s004"]]  # 15个 ≥ 1个 + 1个
    assert any(i.kind == "identity" and i.unsure and "量词" in i.unsure for i in draft.items)
    findings_of_draft(draft, tmp_path)  # validates and scores


def test_a_change_whose_amount_follows_words_comparing_with_last_year_is_recomputed_from_the_figure_before(tmp_path):
    lines = (TITLE, "一、收支总体情况", "2023年度本站收入总计860.00万元。与2022年相比，收入总计增加60.00万元，增长{}，主要是项目增加。")
    held = draft_of(tmp_path, *lines[:2], lines[2].format("7.50%")).rates[0]  # 60 ÷ (860 − 60)
    assert held.status == "explained" and held.reading.by == "increase"
    assert (held.reading.numerator.written, held.reading.denominator.written) == ("860.00万元", "60.00万元")
    wrong = draft_of(tmp_path, *lines[:2], lines[2].format("8.00%")).rates[0]
    assert wrong.status == "contradicted" and "7.50%" in wrong.why
    same_year = draft_of(tmp_path, TITLE, "一、工作", "本站支出860.00万元，其中培训经费增加60.00万元，占6.98%。").rates[0]
    assert same_year.status == "explained" and same_year.reading.kind == "share"  # 增加 without a comparison: a share


def test_a_share_of_a_total_named_in_words_is_divided_by_that_total_stated_elsewhere(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、支出决算", "2023年本站支出合计640.00万元，收支平衡。", "二、财政拨款支出",
                     "一般公共预算财政拨款支出576.00万元，占本年支出合计的90.00%。",
                     "采购合同金额50.00万元，其中授予小微企业合同金额40.00万元，占采购合同金额的80.00%。",
                     "办公费12.00万元，占本年支出合计的2.5%。")
    explained = {r.rate.written: r for r in draft.rates}
    assert explained["90.00%"].status == "explained"
    assert explained["90.00%"].reading.denominator.written == "640.00万元"
    assert explained["80.00%"].status == "explained" and explained["80.00%"].reading.numerator.written == "40.00万元"
    assert explained["2.5%"].status == "contradicted" and "1.88%" in explained["2.5%"].why  # 12 ÷ 640 = 1.875
    ratios = draft.params["claims"]["ratios"]
    assert any(str(r["value"]) == "90.00" and r["kind"] == "share" for r in ratios)
    unnamed = draft_of(tmp_path, TITLE, "一、支出", "2023年本站支出合计640.00万元。", "二、其他", "办公费12.00万元，占全部经费的2.5%。")
    assert unnamed.rates[0].status == "unexplained"  # no figure is stated under the words it names


def test_a_change_with_its_amount_holds_when_the_parts_of_the_total_follow_the_rate(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、三公经费", "“三公”经费支出8.00万元，较上年减少2.00万元，下降20.00%，其中：公务接待费"
                     "3.00万元，公务用车运行维护费5.00万元。")
    rate = draft.rates[0]
    assert rate.status == "explained" and rate.reading.by == "decrease"  # 2 ÷ (8 + 2)
    assert (rate.reading.numerator.written, rate.reading.denominator.written) == ("8.00万元", "2.00万元")


def test_a_list_made_up_before_a_semicolon_closes_there_and_the_next_total_heads_its_own_list():
    assert totals_in("全年收入合计500.00万元，其中：财政拨款收入420.00万元，事业收入80.00万元；全年支出合计480.00万元，其中："
                     "基本支出300.00万元，项目支出180.00万元。") == [
        ("500.00万元", ["420.00万元", "80.00万元"], True), ("480.00万元", ["300.00万元", "180.00万元"], True)]
    assert totals_in("核定编制18名，其中：行政编制11名，事业编制7名；实有在职人员16人，其中行政人员10人、事业人员6人。") == [
        ("18名", ["11名", "7名"], True), ("16人", ["10人", "6人"], True)]
    # a list whose ；-parts each hold a total and its parts still nests as before
    assert totals_in("实有人数40人，其中：在职人员25人，参公人员10人，事业人员15人；退休人员13人；遗属2人。") == [
        ("40人", ["25人", "13人", "2人"], True), ("25人", ["10人", "15人"], True)]


def test_what_a_sum_is_used_for_listed_after_a_colon_are_its_parts():
    assert totals_in("项目支出260.00万元，主要用于：一是农机补贴120.00万元；二是技术培训90.00万元；三是示范基地建设50.00万元。") == [
        ("260.00万元", ["120.00万元", "90.00万元", "50.00万元"], True)]
    assert totals_in("专项经费40.00万元，全部用于设备更新，年末结余0万元。") == []  # 用于 without a list opens none


def test_a_value_of_many_digits_restated_in_another_paragraph_is_one_figure_whatever_its_name(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、资金安排", "2023年下达病虫害统防统治补助资金3618.45万元，专项用于全县统防统治。",
                     "二、资金使用", "截至年底，上述3618.45万元已全部拨付到各乡镇。")
    assert [[m.written for m in group] for group in draft.repeats] == [["3618.45万元", "3618.45万元"]]
    apart = draft_of(tmp_path, TITLE, "一、收入", "2023年本站收入合计3618.45万元。", "二、支出", "2023年本站支出合计3618.45万元。",
                     "三、来源", "中央补助资金1250.30万元。", "四、配套", "县级配套资金1250.30万元。",
                     "五、财力", "全站一般公共预算收入2146.70万元。", "六、结构", "全站一般公共预算财力2146.70万元。")
    assert apart.repeats == []  # income and spending, two levels of government, two head nouns: equal, not one
    few = draft_of(tmp_path, TITLE, "一、项目", "示范基地建设投入120万元。", "二、培训", "技术培训支出120万元。")
    assert few.repeats == []  # a value of few digits under other words may be two figures


def test_a_catalogue_figure_restated_under_other_words_is_a_statement_of_it(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、支出情况", "2023年本站项目支出1863.27万元，主要用于农技推广。", "二、资金管理",
                     "全年共安排各类专项资金1863.27万元，均按规定使用。")
    statements = draft.params["claims"]["statements"]
    assert [(s["figure"], str(s["value"])) for s in statements] == [("lines.project.final", "1863.27")]


def test_a_list_in_a_bracket_right_after_its_total_ends_with_the_bracket():
    assert totals_in("年末实有人员58人（其中：在编人员49人，聘用人员9人），离退休人员21人。") == [("58人", ["49人", "9人"], True)]
    assert totals_in("年末实有人员58人（其中：在编人员49人，聘用人员8人），离退休人员21人。") == [
        ("58人", ["49人", "8人"], False)]  # a bracket that does not add up is still closed by its bracket


def test_a_total_written_with_a_qualifier_heads_its_list_and_is_judged_by_the_range_its_words_allow(tmp_path):
    assert totals_in("全年宣传经费2万余元，其中：展板制作0.80万元，资料印制0.75万元，媒体宣传0.60万元。") == [
        ("2万余元", ["0.80万元", "0.75万元", "0.60万元"], True)]  # 2.15万 lies in 2万余
    lines = (TITLE, "一、公用经费", "全年水电费不足2万元，其中：电费1.30万元，水费{}万元。")
    assert not [f for f in findings_of(tmp_path, *lines[:2], lines[2].format("0.60"))
                if f.check == "declared_identity_broken"]
    broken = [f for f in findings_of(tmp_path, *lines[:2], lines[2].format("0.90"))
              if f.check == "declared_identity_broken"]
    assert len(broken) == 1 and broken[0].candidate and "不足2万元" in broken[0].message  # its words, not 低于2.00万元
    assert totals_in("项目总投资800万元以上，其中：中央资金500万元，省级资金200万元。") == [
        ("800万元以上", ["500万元", "200万元"], False)]  # a bound: 800以上 ≥ 700


def test_a_bracket_right_after_a_total_listing_figures_that_add_up_to_it_is_its_breakdown():
    assert totals_in("年末在册人员84人（在编人员61人、编外聘用15人、公益岗位8人），较上年增加3人。") == [
        ("84人", ["61人", "15人", "8人"], True)]
    assert totals_in("年末在册人员84人（上年为81人、前年为79人），较上年增加3人。") == []  # asides: they do not add up
    # the parts of two totals under one name are two figures, not one stated twice
    sentence = "核定编制人数52人(其中行政编制22人,事业编制30人)。年末实有人数47人(行政编制19人,事业编制28人)。"
    assert totals_in(sentence) == [("52人", ["22人", "30人"], True), ("47人", ["19人", "28人"], True)]


def test_equal_values_of_a_target_and_its_result_or_of_rates_named_by_their_kind_are_not_one_figure(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、年度目标", "年度计划推广新品种面积2.6万亩。", "二、完成情况",
                     "全年实际推广新品种面积2.6万亩。", "三、指标完成", "农技培训完成率100%。", "四、资金",
                     "资金拨付完成率100%。", "五、接待", "国内公务接待共计支出3.20万元。", "六、外事", "外事接待共计支出0万元。")
    assert draft.repeats == [] and not draft.params.get("claims", {}).get("statements")


def test_a_rows_measured_actual_restated_under_two_shared_words_is_one_figure_and_a_count_needs_three(tmp_path):
    header = "\t".join(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"])
    rows = ["\t".join(["产出指标", "数量指标", "人工造林面积", "≥1.2万亩", "1.5万亩", "10", "10"]),
            "\t".join(["产出指标", "数量指标", "巡护检查次数", "≥10次", "12次", "10", "10"])]
    draft = draft_of(tmp_path, TITLE, "一、绩效自评表", header, *rows, "二、绩效目标完成情况",
                     "全年完成造林1.5万亩，成活率较高。", "组织巡查12次。")
    assert [[m.written for m in group] for group in draft.restated.values()] == [["1.5万亩", "1.5万亩"]]


def test_figures_of_parallel_items_each_in_its_own_subsection_are_not_one_figure_stated_twice(tmp_path):
    draft = draft_of(tmp_path, TITLE, "二、项目支出绩效情况", "（一）耕地质量监测项目", "该项目年初预算64.00万元，全年实际支出61.50万元。",
                     "（二）农产品质量检测项目", "该项目年初预算58.00万元，全年实际支出58.00万元。",
                     "三、总体情况", "全年实际支出61.50万元的耕地质量监测工作按期完成。")
    # 64.00 / 58.00 and 61.50 / 58.00 are two projects' figures; the summary's 61.50 restates the first project's
    assert [[(m.where.section, m.written) for m in g] for g in draft.repeats] == [[("二(一)", "61.50万元"), ("三", "61.50万元")]]


def test_what_the_projects_evaluated_one_subsection_each_spent_is_weighed_against_project_spending(tmp_path):
    lines = (TITLE, "一、部门整体支出情况", "2023年本站总支出420.00万元，其中基本支出180.00万元，项目支出240.00万元。",
             "二、项目支出绩效情况", "（一）耕地质量监测项目", "该项目年初预算130.00万元，全年实际支出{}万元。",
             "（二）农产品质量检测项目", "该项目年初预算120.00万元，全年实际支出118.00万元。")
    within = findings_of(tmp_path, *lines[:5], lines[5].format("112.00"), *lines[6:])
    assert not [f for f in within if f.check == "declared_identity_broken"]
    over = [f for f in findings_of(tmp_path, *lines[:5], lines[5].format("128.00"), *lines[6:])
            if f.check == "declared_identity_broken"]
    assert len(over) == 1 and over[0].candidate and "246.00万元" in over[0].message  # 128 + 118 > 240
    apart = draft_of(tmp_path, TITLE, "一、支出", "2023年本站项目支出240.00万元。", "二、科室工作", "（一）办公室",
                     "全年支出办公经费12.00万元。", "（二）财务室", "全年支出印刷费3.00万元。")
    assert not apart.params.get("claims", {}).get("identities")  # headings that name no project: no such bound


def test_a_numbered_list_the_text_ends_in_is_a_bound_and_its_share_names_the_total_by_its_numbered_heading(tmp_path):
    assert totals_in("（一）收入总计860.50万元，包括：", "1.财政拨款收入700.20万元，占收入总计的81.37%。") == [
        ("860.50万元", ["700.20万元"], False)]  # the excerpt ends after the first part: at most a part of the total
    draft = draft_of(tmp_path, TITLE, "一、收入支出决算总体情况说明", "（一）收入总计860.50万元，包括：",
                     "1.财政拨款收入700.20万元，占收入总计的81.37%。")
    rate = draft.rates[0]
    assert rate.status == "explained" and rate.reading.denominator.written == "860.50万元"


def test_one_amount_restated_in_another_unit_or_with_fewer_decimals_is_one_figure(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、资金下达", "本年度下达耕地保护补助资金2036400元，专项用于耕地地力保护。",
                     "二、资金使用", "截至年底，耕地地力保护补助已发放203.64万元。", "三、绩效", "全年统防统治作业费支出89.974万元，按合同结算。",
                     "四、小结", "作业费用结算89.97万元，无结余。")
    assert [[m.written for m in g] for g in draft.repeats] == [["2036400元", "203.64万元"], ["89.974万元", "89.97万元"]]
    apart = draft_of(tmp_path, TITLE, "一、资金", "全年统防统治作业费支出89.974万元。", "二、其他", "作业费用结算89.96万元。")
    assert apart.repeats == []  # 89.96 is not 89.974 at any precision


def test_a_change_after_last_years_figure_is_explained_by_this_years_figure_under_the_same_words_elsewhere(tmp_path):
    lines = (TITLE, "一、支出情况", "2023年差旅费支出14.40万元，印刷费支出3.00万元。", "二、与上年对比",
             "2022年差旅费支出16.00万元，2023年较上年下降{}。")
    held = draft_of(tmp_path, *lines[:4], lines[4].format("10%")).rates[0]  # (14.40 − 16.00) ÷ 16.00
    assert held.status == "explained" and held.reading.numerator.written == "14.40万元"
    wrong = draft_of(tmp_path, *lines[:4], lines[4].format("12%")).rates[0]
    assert wrong.status == "contradicted" and "10.00%" in wrong.why
    none = draft_of(tmp_path, TITLE, "一、支出情况", "2023年印刷费支出3.00万元。", "二、与上年对比",
                    "2022年差旅费支出16.00万元，2023年较上年下降10%。").rates[0]
    assert none.status == "unexplained"  # this year's 差旅费 is not stated: nothing to recompute


def test_a_total_closing_its_breakdown_restates_the_figure_stated_first_under_a_longer_name(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、会议费", "2023年本站会议费支出6.46万元。其中，培训会议支出2.16万元，工作会议支出4.30万元，"
                     "共计支出6.46万元。")
    assert [[m.written for m in g] for g in draft.repeats] == [["6.46万元", "6.46万元"]]
    part = draft_of(tmp_path, TITLE, "一、收支", "全站本级支出86.46万元。加上上解支出等0万元，支出总计86.46万元。")
    assert part.repeats == []  # the closing total adds the first figure: a part of it, not its restatement


def test_a_change_stated_as_减_is_a_decrease_and_never_the_total_of_the_list_that_follows(tmp_path):
    text = ("2023年度支出合计512.40万元，较上年决算数减86.30万元，下降14.4%，主要原因是设备采购减少。其中：基本支出"
            "300.10万元；项目支出212.30万元。")
    assert totals_in(text) == [("512.40万元", ["300.10万元", "212.30万元"], True)]
    rate = draft_of(tmp_path, TITLE, "一、支出", text).rates[0]  # 86.30 ÷ (512.40 + 86.30) = 14.41%
    assert rate.status == "explained" and rate.reading.by == "decrease"


def test_sentences_of_one_shape_with_other_values_describe_different_items_not_one_figure_twice(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、项目情况", "1.农机补贴项目全年预算数12.60万元，执行数为12.60万元，完成预算的100%。",
                     "2.技术培训项目全年预算数8.00万元，执行数为7.50万元，完成预算的93.75%。",
                     "二、资金", "全年争取上级资金1300万元，完成目标任务130%。", "三、任务",
                     "全年推广新技术12项，完成目标任务120%。")
    assert draft.repeats == []  # two items' budgets; two rates of two different tasks
    same = draft_of(tmp_path, TITLE, "一、概况", "本站年初预算86.50万元，调整后预算92.30万元。", "二、执行",
                    "本站年初预算86.50万元，调整后预算92.30万元。")
    assert len(same.pairs) == 2  # one sentence stated twice with its values: one figure each


def test_a_rate_of_two_equal_figures_divides_as_its_words_say(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、项目", "农机补贴项目全年预算数6.40万元，执行数为6.40万元，完成预算的100%。",
                     "二、资金", "省级补助资金3.00万元，资金已使用3.00万元，资金执行率100%。")
    first, second = draft.rates
    assert first.status == "explained" and first.reading.denominator.label.endswith("预算数")
    assert second.status == "explained" and "使用" in second.reading.numerator.label


def test_a_list_after_a_bare_number_naming_its_total_hangs_from_no_figure_before_it():
    assert totals_in("年末共有编制26人，人数41，其中在职人员30人、离退休9人、其他人员2人。") == []  # the list is of the 41
    assert totals_in("年末共有编制26人，实有41人，其中在职人员30人、离退休9人、其他人员2人。") == [
        ("41人", ["30人", "9人", "2人"], True)]


def test_a_year_or_a_file_number_in_a_label_numbers_nothing_and_a_shared_money_word_links_nothing(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、资金下达", "松财农〔2023〕15号文件下达耕地地力保护补助资金3.60万元。", "二、资金使用",
                     "耕地地力保护补助资金3.60万元，截至年底资金已使用3.60万元，结余0万元。", "三、项目概况",
                     "1.项目资金到位情况分析：该项目资金2023年预算金额28.45万元，实际到位28.45万元。", "四、小结",
                     "本站2023年专项经费预算金额28.45万元。")
    groups = [sorted(m.label for m in g) for g in draft.repeats]
    assert any(len(g) == 2 and all("补助资金" in label for label in g) for g in groups)  # the 文号 numbers no item
    assert not any(any("已使用" in label for label in g) for g in groups)  # 资金 alone names nothing they share
    assert any(len(g) == 2 and all("预算金额" in label for label in g) for g in groups)  # 2023年 numbers no item


def test_a_sum_given_is_what_of_it_was_used_and_what_is_left(tmp_path):
    assert totals_in("省级农机补贴资金12.00万元，截至年底已发放11.20万元，结余0.80万元。") == [
        ("12.00万元", ["11.20万元", "0.80万元"], True)]
    assert totals_in("年初结转20.00万元，本年支出480.00万元，年末结余40.00万元。") == []  # a balance carried in gives nothing
    broken = [f for f in findings_of(tmp_path, TITLE, "一、资金", "省级农机补贴资金12.00万元，截至年底已发放11.20万元，结余1.20万元。")
              if f.check == "declared_identity_broken"]
    assert len(broken) == 1 and broken[0].candidate  # 11.20 + 1.20 is not 12.00: a question


def test_a_list_of_as_many_parts_as_its_sentence_counts_is_the_whole_of_its_total(tmp_path):
    text = "本站支出分为基本支出和项目支出两类，全年支出合计{}万元，其中基本支出210.00万元，项目支出150.00万元。"
    broken = [f for f in findings_of(tmp_path, TITLE, "一、支出", text.format("380.00")) if f.check == "declared_identity_broken"]
    assert len(broken) == 1 and broken[0].candidate  # two kinds, both listed: 360 is all of it, not 380
    assert not [f for f in findings_of(tmp_path, TITLE, "一、支出", text.format("360.00"))
                if f.check == "declared_identity_broken"]
    apart = draft_of(tmp_path, TITLE, "一、支出", "全年支出合计380.00万元，其中会议费210.00万元，培训费150.00万元。")
    assert [i["relation"] for i in apart.params["claims"]["identities"]] == [">="]  # a 其中 alone may list some parts
    kinds = draft_of(tmp_path, TITLE, "一、支出", "全年支出合计380.00万元，其中基本支出210.00万元，项目支出150.00万元。")
    assert [i["relation"] for i in kinds.params["claims"]["identities"]] == ["="]  # …but spending by kind (trial 4 U1)


def test_a_line_under_a_budget_total_is_the_budgets_and_opening_and_closing_balances_are_two_figures(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、预决算", "2023年支出预算620.00万元，其中：基本支出410.00万元；项目支出210.00万元。"
                     "年初结转结余12.40万元。总支出决算数为655.30万元。其中：基本支出402.10万元，项目支出253.20万元；"
                     "年末结转结余8.60万元。")
    figures = draft.params["figures"]["lines"]
    assert str(figures["basic"]["budget"]["value"]) == "410.00" and str(figures["basic"]["final"]["value"]) == "402.10"
    assert not draft.params.get("claims", {}).get("statements")  # no 前后不一 between a budget and an outturn
    funds = draft_of(tmp_path, TITLE, "一、支出", "本年支出合计1925.67万元，其中：一般公共预算1325.68万元，其中：基本支出900.47万元，"
                     "项目支出425.21万元；政府性基金600.00万元。")
    assert "final" in funds.params["figures"]["lines"]["basic"]  # 一般公共预算 names a fund, not a budget column


def test_several_heads_of_an_allocation_that_nearly_make_it_leave_a_question_of_the_rest(tmp_path):
    text = "下达2023年水利发展资金860万元。其中：河道治理400万元，水库维修200万元，{}万元，灌区改造50万元。"
    found = [f for f in findings_of(tmp_path, TITLE, "一、资金", text.format("饮水工程200"))
             if f.check == "declared_identity_unexplained"]
    assert len(found) == 1 and found[0].candidate and "10.00万元" in found[0].message  # 850 of 860: which head?
    assert not [f for f in findings_of(tmp_path, TITLE, "一、资金", text.format("饮水工程100"))
                if f.check == "declared_identity_unexplained"]  # 750 of 860: some heads, not all of them


def test_a_list_of_people_under_the_posts_belongs_to_the_count_of_people_before_it(tmp_path):
    lines = (TITLE, "一、人员情况", "本站实有在职人员11人，核定编制8名；其中：参照公务员法管理人员8人，工勤人员3人。")
    identity = draft_of(tmp_path, *lines).params["claims"]["identities"][0]
    assert identity["relation"] == "=" and identity["whole"] != "staff.authorized" and len(identity["parts"]) == 2
    assert not [f for f in findings_of(tmp_path, *lines) if f.check == "declared_identity_broken"]


def test_a_list_of_people_under_the_posts_with_no_count_of_people_is_no_identity(tmp_path):
    lines = (TITLE, "一、人员情况", "本局核定编制8名；其中：参公人员8人，工勤人员3人，工勤人员由县人社局统一管理。")
    assert not draft_of(tmp_path, *lines).params.get("claims", {}).get("identities")
    assert not [f for f in findings_of(tmp_path, *lines) if f.check == "declared_identity_broken"]


def test_kinds_of_post_exceeding_the_posts_are_still_their_breakdown():
    got = totals_in("本局核定编制10名，其中：行政编制6名，事业编制6名。")
    assert got == [("10名", ["6名", "6名"], False)]


def test_a_change_stated_after_a_comparison_heads_no_list_of_the_new_total(tmp_path):
    lines = (TITLE, "一、支出情况", "2023年支出合计480.00万元，与上年相比，支出总额减少125.51万元，下降20.7%。"
             "其中：基本支出300.00万元，项目支出180.00万元。")
    assert totals_in(lines[2]) == [("480.00万元", ["300.00万元", "180.00万元"], True)]
    assert totals_in("2023年收入合计480.00万元，与2022年相比，增加25.00万元，增长5.5%，主要是人员增加。"
                     "其中：财政拨款收入470.00万元，其他收入10.00万元。") == [
        ("480.00万元", ["470.00万元", "10.00万元"], True)]
    assert not [f for f in findings_of(tmp_path, *lines) if f.check == "declared_identity_broken"]


def test_different_values_under_a_short_generic_label_are_two_figures(tmp_path):
    lines = (TITLE, "一、项目评价", "共评价项目15个，其中优等12个，涉及资金300.00万元；良等3个，涉及资金50.00万元。",
             "二、三公经费", "公务接待费2.00万元，下降0.50万元；公务用车运行维护费4.00万元，下降1.00万元。",
             "三、拨付", "本年度项目资金12.00万元已拨付到位。", "四、支付", "截至年底项目资金8.00万元已支付。")
    assert draft_of(tmp_path, *lines).repeats == []
    assert not [f for f in findings_of(tmp_path, *lines) if f.check == "figure_stated_twice"]


def test_equal_values_of_two_rows_of_an_account_are_two_figures(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、收入支出决算总体情况",
                     "2023年度收入总计512.40万元，支出总计512.40万元。与上年相比，收、支总计各减少20.00万元，下降3.8%。",
                     "二、收入决算情况", "本年收入合计512.40万元，主要为财政拨款。",
                     "三、财政拨款收入支出决算总体情况",
                     "2023年度财政拨款收、支总计512.40万元。与上年相比，财政拨款收、支总计各减少20.00万元，下降3.8%。")
    assert draft.repeats == [] and draft.pairs == []


def test_one_row_restated_under_its_own_total_word_is_still_one_figure(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、收入", "2023年度本年收入合计512.40万元。", "二、说明",
                     "本年收入合计512.40万元，较上年有所减少。")
    assert [[m.written for m in group] for group in draft.repeats] == [["512.40万元", "512.40万元"]]


def _rates_of(tmp_path: Path, *lines: str) -> dict[str, tuple[str, str | None, str | None]]:
    draft = draft_of(tmp_path, TITLE, *lines)
    return {f"{r.rate.label}{r.rate.written}": (r.status, r.reading.numerator.written if r.reading else None,
                                                r.reading.denominator.written if r.reading else None)
            for r in draft.rates}


def test_a_share_whose_sentence_also_states_a_change_is_of_its_part_and_the_total_before(tmp_path):
    rates = _rates_of(tmp_path, "一、支出", "2023年总支出1000.00万元。其中基本支出800.00万元，比上年增加50.00万元，"
                      "占总支出的80%；项目支出200.00万元，比上年减少10.00万元，占20%。")
    assert rates["占总支出80%"] == ("explained", "800.00万元", "1000.00万元")
    assert rates["占20%"] == ("explained", "200.00万元", "1000.00万元")


def test_a_share_of_none_is_explained_by_the_count_its_group_is_listed_under(tmp_path):
    rates = _rates_of(tmp_path, "一、项目评价", "本年共评价项目10个，其中一类项目6个，占比60%；二类项目4个，占比40%；"
                      "三类项目0个，占比0%。")
    assert rates["占比0%"] == ("explained", "0个", "10个")


def test_an_indicators_value_or_threshold_is_no_rate_to_check(tmp_path):
    rates = _rates_of(tmp_path, "一、绩效目标", "设备完好率≥98%，投诉率<40%，年度指标值为培训完成率100%。",
                      "二、完成情况", "全年培训完成率100%。")
    assert list(rates) == ["培训完成率100%"]


def test_counts_of_each_grade_make_up_the_count_graded():
    assert totals_in("共评价项目15个。评价结果为优的项目12个，涉及资金300.00万元。评价结果为良的项目3个，"
                     "涉及资金50.00万元。评价结果为中的项目0个。") == [("15个", ["12个", "3个", "0个"], True)]
    assert totals_in("自评项目共15个，自评等级为优等的12个，良等的3个，中等的1个。") == [
        ("15个", ["12个", "3个", "1个"], False)]  # more than were graded: no partition can
    assert totals_in("共评价项目15个，已完成整改12个，优等的10个。") == []  # one grade is no partition


def test_an_accounts_grand_total_holds_its_subtotal_and_what_stands_beyond_it():
    assert totals_in("2023年度收入总计512.40万元，其中本年收入合计500.00万元，此外用事业基金弥补收支差额0万元、"
                     "年初结转和结余12.40万元。") == [("512.40万元", ["500.00万元", "0万元", "12.40万元"], True)]
    assert totals_in("本年支出合计480.00万元。此外，结余分配0万元，年末结转和结余30.00万元，支出总计512.40万元。") == [
        ("512.40万元", ["480.00万元", "0万元", "30.00万元"], False)]


def test_a_sum_given_in_one_sentence_is_made_of_what_the_next_says_was_used_and_is_left():
    assert totals_in("上级下达农机补贴资金20.00万元。截至年底，已使用18.00万元，结余2.00万元。") == [
        ("20.00万元", ["18.00万元", "2.00万元"], True)]


def test_a_change_written_as_a_formula_of_bare_numbers_is_checked_against_the_figures_of_those_values(tmp_path):
    lines = ("一、三公经费", "2023年会议费决算数1.20万元，2022年决算数1.00万元。", "二、变动情况",
             "会议费变动率=（1.20-1.00）/1.00×100%={}。")
    assert _rates_of(tmp_path, *lines[:3], lines[3].format("20%"))["会议费变动率=（1.20-1.00）/1.00×100%=20%"] == (
        "explained", "1.20万元", "1.00万元")
    wrong = [f for f in findings_of(tmp_path, TITLE, *lines[:3], lines[3].format("30%"))
             if f.check == "stated_ratio_mismatch"]
    assert len(wrong) == 1 and wrong[0].candidate


def _change_table(rate: str) -> tuple[str, ...]:
    return ("一、三公经费情况", "单位：万元", "项目\t2022年决算数\t2023年决算数\t变动率",
            f"公务接待费\t10.00\t8.00\t{rate}", "会议费\t4.00\t3.00\t-25%")


def test_a_tables_change_column_is_checked_against_its_own_row(tmp_path):
    held = {r.rate.where.row: r.status for r in draft_of(tmp_path, TITLE, *_change_table("-20%")).rates}
    assert held == {"公务接待费": "explained", "会议费": "explained"}
    wrong = [f for f in findings_of(tmp_path, TITLE, *_change_table("20%")) if f.check == "stated_ratio_mismatch"]
    assert len(wrong) == 1 and "-20%" in wrong[0].message and wrong[0].candidate
    draft = draft_of(tmp_path, TITLE, *_change_table("20%"))
    assert not any(m.quantity.unit == "%" for ms in draft.catalogue.values() for m in ms)  # no amount of its line


def test_a_total_in_yuan_closed_over_parts_in_wan_is_judged_at_the_parts_precision():
    assert totals_in("本年收入合计2141.50万元。此外，年初结转和结余1100.00万元，收入总计32,415,012.34元。") == [
        ("32,415,012.34元", ["2141.50万元", "1100.00万元"], True)]
    assert totals_in("专项资金3,000,000.00元，已使用250.00万元，结余50.00万元。") == [
        ("3,000,000.00元", ["250.00万元", "50.00万元"], True)]
    assert totals_in("专项资金3,100,000.00元，已使用250.00万元，结余50.00万元。") == [
        ("3,100,000.00元", ["250.00万元", "50.00万元"], False)]


def test_a_breakdown_announced_by_its_words_is_the_totals_and_changes_name_no_figure(tmp_path):
    assert totals_in("全市“三公”经费决算总额2771万元，比上年下降1.8%。分项情况是：因公出国（境）经费决算120万元，比上年增长"
                     "79.1%；公务接待费决算1033万元，与上年下降7.6%；公务用车购置及运行费决算1618万元，比上年下降1.2%。") == [
        ("2771万元", ["120万元", "1033万元", "1618万元"], True)]
    draft = draft_of(tmp_path, TITLE, "一、收入", "本年收入390.55万元，较2020年度决算数减少175.26万元，下降31%。",
                     "二、支出", "本年支出480.71万元，较2020年度决算数减少90.49万元，下降15.8%。")
    assert draft.repeats == []


def test_a_change_is_never_read_between_two_amounts_of_change(tmp_path):
    rates = _rates_of(tmp_path, "一、三公经费", "2022年度“三公”经费预算较2021年度增加1.68万元，其中公务接待较上年同期减少"
                      "0.58万元，减少4.68%。")
    assert rates["减少4.68%"][0] == "unexplained"


def test_a_list_whose_parts_close_with_a_full_stop_runs_on_while_they_make_up_its_total(tmp_path):
    text = ("2023年“三公”经费决算支出数为1165.08万元，同比减少63.96万元，下降5.2%。其中：因公出国（境）费支出0万元。"
            "公务用车购置费支出204.78万元，同比减少54.2万元；公务用车运行维护费支出664.60万元，同比增加53.81万元。"
            "公务接待费支出{}万元，同比减少63.57万元。")
    lists = [(lst.whole.written, [p.written for p in lst.parts], lst.complete)
             for lst in draft_of(tmp_path, TITLE, "一、三公经费", text.format("295.70")).lists]
    assert ("1165.08万元", ["0万元", "204.78万元", "664.60万元", "295.70万元"], True) in lists
    short = draft_of(tmp_path, TITLE, "一、三公经费", text.format("290.70")).lists  # never adds up: read as written
    assert [[p.written for p in lst.parts] for lst in short if lst.whole.written == "1165.08万元"] == [["0万元"]]
    apart = draft_of(tmp_path, TITLE, "一、支出", "2023年支出总额900.00万元，其中基本支出600.00万元。项目经费执行良好。"
                     "项目支出300.00万元。").lists  # a sentence without a figure ends the run
    assert [[p.written for p in lst.parts] for lst in apart] == [["600.00万元"]]


def _identities_of(tmp_path: Path, *lines: str) -> list[tuple[str, list[str], str]]:
    draft = draft_of(tmp_path, TITLE, *lines)
    return [(lst.whole.written, [p.written for p in lst.parts], lst.shape) for lst in draft.lists]


def test_a_total_said_in_words_to_hold_parts_stated_elsewhere_is_made_of_them(tmp_path):
    lines = ("一、总体情况", "2023年度收入总计435.82万元，支出总计{}万元。本部分的支出总计包括本年支出合计、结余分配、"
             "年末结转和结余。", "二、支出", "2023年度支出合计387.82万元，主要用于人员和公用支出。", "三、结转",
             "2023年度年末结转和结余48.00万元。")
    assert ("435.82万元", ["387.82万元", "48.00万元"], "named") in _identities_of(tmp_path, lines[0], lines[1].format(
        "435.82"), *lines[2:])
    # 结余分配 is stated nowhere: the two stated are a bound, and one they already exceed names nothing
    assert not [x for x in _identities_of(tmp_path, lines[0], lines[1].format("400.00"), *lines[2:]) if x[2] == "named"]


def test_a_share_of_none_without_a_list_is_of_the_largest_figure_before_it(tmp_path):
    rates = _rates_of(tmp_path, "一、项目评价", "本年共评价项目10个，一类项目6个，占比60%；二类项目4个，占比40%；"
                      "三类项目0个，占比0%。")
    assert rates["占比0%"] == ("explained", "0个", "10个")


def test_a_count_written_in_words_heads_no_list_of_figures(tmp_path):
    lines = (TITLE, "一、机构", "本局内设三个科室，其中办公室2个岗位、业务科3个岗位。")
    assert draft_of(tmp_path, *lines).lists == []
    assert not [f for f in findings_of(tmp_path, *lines) if f.check == "declared_identity_broken"]


@pytest.mark.parametrize("written, broken", [
    ("32,415,012.34元", False),  # 3241.50万元 to the 100元 the parts are written to
    ("32,405,012.34元", True),  # the parts exceed it by about 1万元: no rounding
])
def test_a_total_in_yuan_is_judged_against_parts_in_wan_at_their_precision(tmp_path, written, broken):
    found = [f for f in findings_of(tmp_path, TITLE, "一、支出", f"全年支出{written}。其中，基本支出2141.50万元；"
                                    "项目支出1100.00万元。") if f.check == "declared_identity_broken"]
    assert bool(found) is broken
    if broken:
        assert "合计 32,415,000元" in found[0].message  # the sum in the total's unit, not 3,241.5元


def test_a_word_holding_a_grade_character_is_no_grade():
    assert totals_in("共发现问题5个，整改中的3个，评价为良的2个。") == []


def test_an_execution_rate_no_reading_gives_is_done_over_the_years_whole_budget(tmp_path):
    line = "年初预算3600.00万元，年中预算调整为3800.00万元，全年执行3752.48万元，预算执行率{}。"
    assert _rates_of(tmp_path, "一、预算执行", line.format("98.75%"))["预算执行率98.75%"] == (
        "explained", "3752.48万元", "3800.00万元")
    assert _rates_of(tmp_path, "一、预算执行", line.format("99.50%"))["预算执行率99.50%"] == (
        "contradicted", "3752.48万元", "3800.00万元")
    wrong = [f for f in findings_of(tmp_path, TITLE, "一、预算执行", line.format("99.50%"))
             if f.check == "stated_ratio_mismatch"]
    assert len(wrong) == 1 and "98.75%" in wrong[0].message


def test_a_figure_after_a_stronger_separator_stands_outside_a_list_its_parts_before_make_up():
    assert totals_in("实有在职人员42人，其中行政编制16人、事业编制26人，聘用人员8人。") == [
        ("42人", ["16人", "26人"], True)]


@pytest.mark.parametrize("plan,done,rate,right", [
    ("本年上级下达排涝补助资金600.00万元。", "截至12月底，实际到位540.00万元，资金到位率{}。", "95%", "90%"),
    ("", "计划完成管网巡检800公里，实际完成860公里，完成率为{}。", "110%", "107.5%"),
    ("", "本年全年预算数1200.00万元，执行数1150.00万元，执行率为{}。", "99%", "95.83%"),
])
def test_a_wrong_rate_whose_words_name_its_reading_is_a_question_on_the_figures_that_give_it(tmp_path, plan, done,
                                                                                              rate, right):
    lines = (TITLE, "一、资金情况", plan + done.format(rate))
    rates = _rates_of(tmp_path, *lines[1:])
    assert [status for status, _, _ in rates.values()] == ["contradicted"]
    wrong = [f for f in findings_of(tmp_path, *lines) if f.kind == "recomputed_vs_claimed"]
    assert len(wrong) == 1 and wrong[0].candidate and right.rstrip("%") in wrong[0].message.replace(".00%", "%")
    assert [status for status, _, _ in _rates_of(tmp_path, "一、资金情况", plan + done.format(right)).values()] == [
        "explained"]
    assert not [f for f in findings_of(tmp_path, TITLE, "一、资金情况", plan + done.format(right))
                if f.kind == "recomputed_vs_claimed"]


def test_a_rate_of_what_was_done_is_not_read_over_a_figure_of_another_kind_in_the_sentence_before(tmp_path):
    rates = _rates_of(tmp_path, "一、资金情况", "本年收入600.00万元。截至12月底，实际到位540.00万元，资金到位率95%。")
    assert [status for status, _, _ in rates.values()] == ["unexplained"]  # 收入 names no plan: nothing to claim


def test_a_bare_share_after_a_part_of_a_list_is_that_parts_share_of_the_lists_total(tmp_path):
    text = "一、支出情况", "本年支出总额2000.00万元。其中，人员经费700.00万元，占{}；公用经费1300.00万元，占{}。"
    rates = _rates_of(tmp_path, text[0], text[1].format("40.00%", "60.00%"))
    assert rates == {"占40.00%": ("contradicted", "700.00万元", "2000.00万元"),
                     "占60.00%": ("contradicted", "1300.00万元", "2000.00万元")}
    wrong = [f for f in findings_of(tmp_path, TITLE, text[0], text[1].format("40.00%", "60.00%"))
             if f.kind == "recomputed_vs_claimed"]
    said = " ".join(f.message + " ".join(f.consequences) for f in wrong)  # one cause: both shares in one finding
    assert wrong and all(f.candidate for f in wrong) and "为 35%" in said and "为 65%" in said
    right = _rates_of(tmp_path, text[0], text[1].format("35.00%", "65.00%"))
    assert [status for status, _, _ in right.values()] == ["explained", "explained"]
    assert not [f for f in findings_of(tmp_path, TITLE, text[0], text[1].format("35.00%", "65.00%"))
                if f.kind == "recomputed_vs_claimed"]


def test_a_bare_share_after_a_figure_of_no_list_or_after_a_change_names_no_whole(tmp_path):
    rates = _rates_of(tmp_path, "一、支出情况", "本年支出总额2000.00万元，比上年增加100.00万元，占40.00%。",
                      "二、人员", "年末在职人员30人，占25%。")
    assert [status for status, _, _ in rates.values()] == ["unexplained", "unexplained"]


def test_a_list_after_two_years_totals_breaks_down_the_one_it_makes_up_else_the_later_years():
    assert totals_in("2023年本站支出总额1800.00万元，2022年本站支出总额1650.00万元，其中人员经费700.00万元，"
                     "公用经费1100.00万元。") == [("1800.00万元", ["700.00万元", "1100.00万元"], True)]
    assert totals_in("2023年本站支出总额1800.00万元，2022年本站支出总额1650.00万元，其中人员经费600.00万元，"
                     "公用经费1050.00万元。") == [("1650.00万元", ["600.00万元", "1050.00万元"], True)]
    assert totals_in("2023年本站支出总额1800.00万元，上年支出总额1650.00万元，其中人员经费700.00万元，"
                     "公用经费1000.00万元。") == [("1800.00万元", ["700.00万元", "1000.00万元"], False)]  # a question


def test_a_list_after_two_years_totals_makes_no_question_on_a_correct_statement(tmp_path):
    found = findings_of(tmp_path, TITLE, "一、支出情况", "2023年本站支出总额1800.00万元，2022年本站支出总额1650.00万元，"
                        "其中人员经费700.00万元，公用经费1100.00万元。")
    assert not [f for f in found if f.kind == "accounting_identities"]  # was: 1650 against 700 + 1100 of 2023


def test_a_change_by_its_amount_whose_sentence_states_no_value_is_of_the_figure_its_subject_names_elsewhere(tmp_path):
    lines = (TITLE, "一、支出情况", "2023年本站部门整体支出1800.00万元。", "二、支出变化",
             "2023年部门整体支出较上年增加150.00万元，增长{}。")
    rates = _rates_of(tmp_path, *lines[1:4], lines[4].format("9.00%"))
    assert list(rates.values()) == [("contradicted", "1800.00万元", "150.00万元")]  # 150 ÷ (1800 − 150) = 9.09 %
    wrong = [f for f in findings_of(tmp_path, *lines[:4], lines[4].format("9.00%")) if f.kind == "recomputed_vs_claimed"]
    assert len(wrong) == 1 and wrong[0].candidate and "9.09" in wrong[0].message
    assert not [f for f in findings_of(tmp_path, *lines[:4], lines[4].format("9.09%")) if f.kind == "recomputed_vs_claimed"]


def test_a_change_by_its_amount_under_a_short_subject_or_of_several_values_is_not_read_across_the_report(tmp_path):
    short = _rates_of(tmp_path, "一、支出情况", "2023年本站支出1800.00万元。", "二、支出变化", "2023年支出较上年增加150.00万元，增长9.00%。")
    assert [status for status, _, _ in short.values()] == ["unexplained"]  # 支出 names too many things
    several = _rates_of(tmp_path, "一、支出情况", "2023年部门整体支出1800.00万元。", "二、决算", "2023年部门整体支出1750.00万元。",
                        "三、支出变化", "2023年部门整体支出较上年增加150.00万元，增长9.00%。")
    assert [status for status, _, _ in several.values()] == ["unexplained"]


def _rate(draft, written: str):
    return next(r for r in draft.rates if r.rate.written == written)


def test_a_share_whose_whole_the_part_before_states_is_explained_by_the_words_its_paragraph_repeats(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、“三公”经费支出总体情况",
                     "2023年度“三公”经费支出年初预算为52,400元，支出决算为48,120.50元，完成年初预算的91.83%。",
                     "二、“三公”经费支出具体情况",
                     "2023年度“三公”经费支出决算中，公务接待费支出6,300元，占13.09%；公务用车运行维护费支出41,820.50元，"
                     "占86.91%。")
    for written, part in (("13.09%", "6,300元"), ("86.91%", "41,820.50元")):
        found = _rate(draft, written)
        assert found.status == "explained" and found.reading.kind == "share"
        assert (found.reading.numerator.written, found.reading.denominator.written) == (part, "48,120.50元")


def test_a_share_of_a_figure_its_sentence_does_not_name_stays_unexplained(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、总体情况", "本年度培训经费支出48,120.50元。", "二、具体情况",
                     "公务接待费支出6,300元，占13.09%。")  # 6,300 / 48,120.50 is 13.09%, but nothing says of what
    assert _rate(draft, "13.09%").status == "unexplained"


def test_a_change_stated_with_its_amount_is_explained_by_the_new_value_stated_earlier_under_its_words(tmp_path):
    def changes(first: str, second: str):
        return draft_of(tmp_path, TITLE, "一、总体情况",
                        "2023年度公务接待费支出决算为3,080元，公务用车运行维护费支出决算为23,005.58元。", "二、变动情况",
                        "2023年度“三公”经费支出决算比上年减少18,987.42元。其中：公务用车运行维护费支出决算减少994.42元，"
                        f"下降{first}；公务接待费支出决算减少17,993元，下降{second}。")

    draft = changes("4.14%", "85.38%")  # 994.42 ÷ (23,005.58 + 994.42); 17,993 ÷ (3,080 + 17,993)
    for written, new, amount in (("4.14%", "23,005.58元", "994.42元"), ("85.38%", "3,080元", "17,993元")):
        found = _rate(draft, written)
        assert found.status == "explained" and found.reading.kind == "change"
        assert (found.reading.numerator.written, found.reading.denominator.written) == (new, amount)
    assert _rate(changes("4.19%", "85.83%"), "4.19%").status == "unexplained"  # no figure gives it: no guess


@pytest.mark.parametrize("stated", ["0%", "100%", "50%"])
def test_a_rate_any_pair_of_figures_gives_is_not_explained_by_a_search_of_the_report(tmp_path, stated):
    draft = draft_of(tmp_path, TITLE, "一、总体情况", "本年度公务接待费支出决算为6,300元。", "二、具体情况",
                     f"公务接待费支出决算中，会议接待支出6,300元，占{stated}。")
    assert _rate(draft, stated).status != "explained"


def test_rates_of_the_clause_before_are_of_different_subjects_when_their_amounts_have_thousands_separators(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、“三公”经费决算情况",
                     "其中：公务用车运行维护费支出决算为21,406.30元，完成年初预算的89.19%；"
                     "公务接待费支出决算为2,600元，完成年初预算的100%。")
    assert not any("89.19%" in [m.written for m in group] for group in draft.repeats)


def test_a_figure_restated_under_its_name_without_the_word_fei_is_one_figure(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、总体情况", "公务用车运行维护费支出决算为21,406.30元，完成年初预算的89.19%。",
                     "二、具体情况", "公务用车运行维护支出21,406.30元，开支公务用车保有量为2辆。")
    written = {m.written for group in draft.pairs for m in group}
    assert "21,406.30元" in written
    apart = draft_of(tmp_path, TITLE, "一、收入情况", "全镇一般公共预算收入实现131,406.30万元。", "二、财力情况",
                     "全镇一般公共预算财力131,406.30万元。")  # another head noun after the same words: two figures
    assert not apart.pairs


def test_a_sentence_written_again_word_for_word_in_another_part_restates_its_figures(tmp_path):
    summary = "本年度我站共举办农技培训班3期，培训农民4人次以上。"
    draft = draft_of(tmp_path, TITLE, "一、项目概况", summary, "二、佐证材料", summary)
    assert ["3期", "3期"] in [[m.written for m in group] for group in draft.repeats]
    rows = draft_of(tmp_path, TITLE, "一、指标完成情况", "培训人次", "| 已完成100%", "示范基地", "| 已完成100%")
    assert not rows.repeats  # a row's result written alike on every row: rows, not one figure


def test_a_total_word_in_the_first_parts_name_does_not_close_the_list_before_it():
    assert totals_in("收入总计600.00万元，包括本年收入合计500.00万元、年初结转和结余100.00万元。") == [
        ("600.00万元", ["500.00万元", "100.00万元"], True)]
    assert totals_in("收入总计600.00万元，其中财政拨款收入450.00万元，事业收入50.00万元，合计500.00万元；"
                     "年初结转和结余100.00万元。")[0] == ("600.00万元", ["450.00万元", "50.00万元"], False)  # closed


def test_a_bare_count_whose_label_names_its_unit_is_restated_by_the_count_in_that_unit(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、基本情况", "项目", "数量", "农技培训场次", "36", "示范基地个数", "12",
                     "二、工作成效", "全年共开展农技培训36场次，新建示范基地12个。")
    assert sorted([m.written for m in group] for group in draft.repeats) == [["12", "12个"], ["36", "36场次"]]
    other = draft_of(tmp_path, TITLE, "一、基本情况", "项目", "数量", "农技培训场次", "36", "二、工作成效",
                     "全年共开展农技培训36人次。")  # 36 sessions and 36 attendances: two figures
    assert not other.repeats


def test_a_list_breaks_down_the_earlier_total_its_parts_fit_not_the_figure_just_before_it():
    assert totals_in("本年支出合计3240.50万元，预算执行率为96.20%。年末结转结余86.3万元。其中，基本支出1200.25万元、"
                     "项目支出2010.15万元、经营支出30.10万元。") == [
        ("3240.50万元", ["1200.25万元", "2010.15万元", "30.10万元"], True)]
    assert totals_in("固定资产原值600.00万元，累计折旧150.00万元，净值450.00万元。其中：房屋及构筑物180.00万元，"
                     "占固定资产的30.00%；通用设备240.00万元，占固定资产的40.00%") == [
        ("600.00万元", ["180.00万元", "240.00万元"], False)]  # the shares say whose parts they are; the text ends


def test_a_list_that_fits_no_other_total_stays_under_the_figure_before_it_and_may_not_add_up():
    # 30 + 30 + 29.99 is 89.99: no breakdown of the 90 applied for, to the cent; the 89.97 spent it breaks down is short
    assert totals_in("本项目共申请预算资金90万元。本项目共完成预算资金89.97万元，其中预算编制30万元、审计30万元、"
                     "设计测绘29.99万元。")[0] == ("89.97万元", ["30万元", "30万元", "29.99万元"], False)
    assert totals_in("共设站点10个，其中A类6个、B类6个。") == [("10个", ["6个", "6个"], False)]


def test_posts_and_the_people_in_them_are_two_figures_even_of_one_value(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、基本情况", "机构规格为正科级，核定行政编制16名，用于行政执法工作编制20名。",
                     "我站实有人员30名，其中使用行政编制的人员16名，使用行政执法工作编制的人员14名。")
    assert not any({m.label for m in pair} == {"核定行政编制", "使用行政编制的人员"} for pair in draft.pairs)


def test_different_values_under_a_short_label_or_of_another_scope_are_no_statements_of_one_figure(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、人员变动情况", "公务员调出4人。调入11名。事业编调出1名，调入3名。")
    assert not draft.repeats  # 调入 of 公务员 and of 事业编: nothing to ask about
    scoped = draft_of(tmp_path, TITLE, "一、预算情况",
                      "2023年度年初收支预算为3200.5万元，全年预算为4120.75万元，收支总决算4120.75万元。",
                      "2023年度项目支出年初预算安排1800.2万元，全年预算数2650.45万元，决算数2500.25万元。")
    assert not [p for p in scoped.pairs if {m.written for m in p} == {"4120.75万元", "2650.45万元"}]
    same = draft_of(tmp_path, TITLE, "一、预算情况", "2023年度全年预算为4120.75万元。", "二、执行情况",
                    "2023年度全年预算为4210.75万元，执行率98%。")  # one scope, two values: the question stays
    assert [p for p in same.pairs if {m.written for m in p} == {"4120.75万元", "4210.75万元"}]


def test_a_change_named_by_its_verb_alone_right_after_its_figure_is_that_figures_change(tmp_path):
    def spending(rate: str):
        return draft_of(tmp_path, TITLE, "一、财政拨款收支情况",
                        f"本站2023年度财政拨款本年收入820.40万元，比2022年度增加120.40万元，增长17%；本年支出780.25万元，"
                        f"增加90.25万元，增长{rate}，主要是人员经费增加。")

    found = _rate(spending("13%"), "13%")  # 90.25 ÷ (780.25 − 90.25) = 13.08%
    assert found.status == "explained" and found.reading.kind == "change"
    assert (found.reading.numerator.written, found.reading.denominator.written) == ("780.25万元", "90.25万元")
    assert _rate(spending("19%"), "19%").status == "contradicted"  # the words name the reading: the claim fails


def test_a_figure_stated_twice_under_one_label_and_once_under_another_is_one_figure(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、收入情况", "本站2023年度本年收入合计1386.42万元，其中：财政拨款收入1386.42万元，占100%。",
                     "二、财政拨款收支情况", "本站2023年度财政拨款本年收入1386.42万元，比上年增加86.42万元。",
                     "三、与年初预算对比", "本站2023年度财政拨款本年收入1386.42万元，完成年初预算的95%。")
    keys: dict[int, set[int]] = {}
    for group in draft.repeats:
        for m in group:
            keys.setdefault(id(m), set()).add(id(group[0]))
    said = [m for m in draft.placed if m.written == "1386.42万元" and "财政拨款" in m.label]
    assert len(said) == 3 and set.intersection(*(keys.get(id(m), set()) for m in said))


@pytest.mark.parametrize("sentence, stated, computed", [
    ("年初预算2700.00万元，全年预算2950.00万元，全年执行2864.30万元，预算执行率{}。", "99.09%", "97.09%"),
    ("2023年“三公”经费预算18.00万元，实际支出15.30万元，控制率{}。", "95%", "85%"),
    ("年初预算2700.00万元，全年预算2950.00万元，全年执行2864.30万元，预算执行进度{}。", "99.09%", "97.09%"),  # U51
])
def test_a_rate_whose_words_name_its_reading_is_claimed_whatever_its_value(tmp_path, sentence, stated, computed):
    wrong = _rate(draft_of(tmp_path, TITLE, "一、预算执行情况", sentence.format(stated)), stated)
    assert wrong.status == "contradicted" and wrong.reading.kind == "share"
    right = _rate(draft_of(tmp_path, TITLE, "一、预算执行情况", sentence.format(computed)), computed)
    assert right.status == "explained"
    assert (right.reading.numerator.written, right.reading.denominator.written) == \
        (wrong.reading.numerator.written, wrong.reading.denominator.written)


def test_a_change_whose_earlier_figure_the_sentence_before_states_is_claimed_on_both_years(tmp_path):
    def meetings(rate: str):
        return _rate(draft_of(tmp_path, "青溪县自然资源局2024年度部门整体支出绩效自评报告", "一、会议费",
                              f"2023年会议费支出5.00万元。2024年会议费支出4.20万元，较上年下降{rate}。"), rate)

    assert meetings("16%").status == "explained"
    wrong = meetings("20%")
    assert wrong.status == "contradicted" and wrong.reading.kind == "change"
    assert (wrong.reading.numerator.written, wrong.reading.denominator.written) == ("4.20万元", "5.00万元")
    other = _rate(draft_of(tmp_path, "青溪县自然资源局2024年度部门整体支出绩效自评报告", "一、会议费",
                           "2023年培训费支出5.00万元。2024年会议费支出4.20万元，较上年下降20%。"), "20%")
    assert other.status == "unexplained"  # last year's figure of other words: no reading


def test_shares_naming_both_their_figures_are_claimed_on_the_figures_stated_elsewhere(tmp_path):
    def structure(basic: str, project: str):
        return draft_of(tmp_path, "青溪县自然资源局2024年度部门整体支出绩效自评报告", "一、支出情况",
                        "2024年部门整体支出2864.30万元，其中基本支出964.30万元，项目支出1900.00万元。", "二、支出结构",
                        f"基本支出占部门整体支出的{basic}，项目支出占{project}。")

    held = structure("33.67%", "66.33%")
    assert [_rate(held, x).status for x in ("33.67%", "66.33%")] == ["explained", "explained"]
    wrong = structure("36.67%", "63.33%")
    for stated, part in (("36.67%", "964.30万元"), ("63.33%", "1900.00万元")):
        found = _rate(wrong, stated)
        assert found.status == "contradicted"
        assert (found.reading.numerator.written, found.reading.denominator.written) == (part, "2864.30万元")


def _findings(tmp_path: Path, *lines: str) -> list[str]:
    from perfeval import load_unit, run_checks
    from perfeval.outputs.draft import write_draft

    target = write_draft(draft_of(tmp_path, *lines), tmp_path / "d.yaml")
    return [f.check for f in run_checks(load_unit(target)) if f.check != "claimed_total"]


@pytest.mark.parametrize("retired, broken", [("26", False), ("27", True)])
def test_the_reports_own_list_of_a_staff_total_with_lixiu_is_the_identity_checked(tmp_path, retired, broken):
    checks = _findings(tmp_path, "青溪县自然资源局2024年度部门整体支出绩效自评报告", "一、基本情况",
                       f"全局实有人员83人，其中：在职人员54人（含参公人员21人、事业人员33人）；离休人员1人；退休人员{retired}人；"
                       "遗属人员2人。")
    assert "identity_broken" not in checks  # the catalogue's 在职 + 退休 + 遗属 leaves 离休 out
    assert ("declared_identity_broken" in checks) is broken


def test_a_breakdown_opened_by_the_name_of_a_figure_stated_before_and_zhong_holds_its_parts():
    got = totals_in("本部门预算单位共2个。其中：全额拨款单位2个；差额拨款单位0个。全额拨款单位中行政单位1个；参公单位0个；"
                    "事业单位2个。")
    assert ("2个", ["1个", "0个", "2个"], False) in got  # 1 + 0 + 2 is 3: all three, none closing the list early
    assert totals_in("在职人员54人。工作中发现问题12个，整改10个。") == []  # 工作 names no figure stated before


def test_a_list_set_apart_by_semicolons_throughout_is_not_closed_by_a_prefix_that_adds_up():
    assert totals_in("全局下属单位3个，其中：全额拨款单位2个；差额拨款单位1个；自收自支单位1个。") == [
        ("3个", ["2个", "1个", "1个"], False)]
    assert totals_in("在职42人，其中行政编制16人、事业编制26人，聘用人员8人。") == [("42人", ["16人", "26人"], True)]


def test_nothing_is_a_share_of_any_figure_unless_the_words_make_it_one(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、“三公”经费决算情况",
                     "“三公”经费支出年初预算为27,080元，支出决算为26,085.58元，完成年初预算的96.33%。其中：因公出国（境）费"
                     "支出决算为0元，完成年初预算的0%；公务接待费支出决算为3,080元，占11.81%。")
    assert _rate(draft, "0%").status == "unexplained"  # the part's own budget is not stated: 0 of 27,080 says nothing
    shares = draft_of(tmp_path, TITLE, "一、收入情况", "本年度收入合计3,258,909.77元。其中：财政拨款收入3,258,909.77元，"
                      "占总收入的100%；事业收入0元，占总收入的0%。")
    assert _rate(shares, "0%").status == "explained"


def test_a_colon_list_breaks_down_the_count_beside_its_amount_too():
    assert totals_in("护岸工程共6段，长4.20km：右岸2段，长1.50km，左岸4段，长2.70km。") == [
        ("4.20km", ["1.50km", "2.70km"], True), ("6段", ["2段", "4段"], True)]
    assert totals_in("堤防工程1.04km：右岸0.51km，左岸0.53km；拆除重建跌水1座。") == [
        ("1.04km", ["0.51km", "0.53km"], True)]  # a count after the list is none of its totals


def test_a_figure_listed_under_a_total_of_its_own_name_is_a_part_not_a_second_statement(tmp_path):
    draft = draft_of(tmp_path, "青溪县自然资源局2024年度部门整体支出绩效自评报告", "一、基本情况",
                     "全局实有人员106人，其中在职人员54人，退休人员52人（其中：离休人员2人，退休人员50人）。")
    assert [m.written for m in draft.catalogue["staff.retired"]] == ["52人"]
    assert ("52人", ["2人", "50人"]) in [(lst.whole.written, [p.written for p in lst.parts]) for lst in draft.lists]
    assert not any({m.written for m in pair} == {"52人", "50人"} for pair in draft.pairs)


@pytest.mark.parametrize("kinds, asked", [
    ("其中财政拨款收入1890.24万元，事业收入235.40万元", True),  # 2125.64: the income by kind misses 90
    ("其中财政拨款收入1980.24万元，事业收入235.40万元", False),
    ("其中新建站点收入1890.24万元", False),  # one part named: a part of it, no more
])
def test_income_listed_by_kind_is_declared_whole_whether_or_not_it_adds_up(tmp_path, kinds, asked):
    checks = _findings(tmp_path, "青溪县疾病预防控制中心2024年度部门整体支出绩效自评报告", "一、收支情况",
                       f"2024年度总收入2215.64万元，{kinds}。")
    assert ("declared_identity_broken" in checks) is asked


def test_a_change_claim_is_named_as_a_change_not_a_share_of_its_amount(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、“三公”经费", "“三公”经费较上年的23.74万元减少2.38万元，下降11.03%。")
    [ratio] = draft.params["claims"]["ratios"]
    assert "下降" in ratio["label"] and "占" not in ratio["label"]


def test_shares_beside_a_lists_parts_that_do_not_make_a_whole_are_of_a_larger_total(tmp_path):
    def spending(first: str):
        return draft_of(tmp_path, TITLE, "一、收支情况", "2023年度收支总决算4000.00万元。",
                        f"本年支出合计3800.00万元。年末结转结余200.00万元。其中，基本支出1000.00万元、占比{first}，"
                        "项目支出2800.00万元、占比70.00%。")

    held = spending("25.00%")  # 25 + 70 = 95: shares of the 4000, not of the 3800 the parts make
    assert _rate(held, "25.00%").status == "explained"
    assert _rate(held, "25.00%").reading.denominator.written == "4000.00万元"
    assert _rate(spending("24.00%"), "24.00%").status == "unexplained"  # 24 + 70 is no whole and no figure gives
    # both: of no total found, so no claim against the 3800 the parts make


def test_a_figure_as_of_another_date_is_another_quantity_not_a_second_statement(tmp_path):
    draft = draft_of(tmp_path, "青溪县自然资源局2024年度部门整体支出绩效自评报告", "一、预算执行",
                     "2024年部门整体支出2864.30万元，其中基本支出964.30万元，项目支出1900.00万元。", "二、执行进度",
                     "截至9月底，部门整体支出2100.50万元，序时进度71.20%。", "三、人员",
                     "年末在职人员54人。截至2025年3月，在职人员56人。")
    assert [m.written for m in draft.catalogue["lines.total.final"]] == ["2864.30万元"]
    assert [m.written for m in draft.catalogue["staff.on_duty"]] == ["54人"]
    assert not draft.pairs
    again = draft_of(tmp_path, "青溪县自然资源局2024年度部门整体支出绩效自评报告", "一、人员", "年末在职人员54人。",
                     "二、人员", "截至12月底，在职人员56人。")  # the year's end: the same figure, stated two ways
    assert [m.written for m in again.catalogue["staff.on_duty"]] == ["54人", "56人"]


@pytest.mark.parametrize("fall", ["负增长{}%", "同比下滑{}%", "较上年回落{}%", "比上年少{}%", "减幅{}%", "同比减幅为{}%"])
def test_a_change_said_to_fall_in_any_of_its_words_is_a_decrease_and_a_wrong_one_is_a_question(tmp_path, fall):
    lines = (TITLE, "一、支出情况", "2022年培训费支出25.00万元，2023年培训费支出20.00万元，" + fall + "。")
    ratio = draft_of(tmp_path, *lines[:2], lines[2].format(20)).params["claims"]["ratios"][0]
    assert (ratio["kind"], str(ratio["value"])) == ("change", "-20")
    assert not [f for f in findings_of(tmp_path, *lines[:2], lines[2].format(20)) if f.kind == "recomputed_vs_claimed"]
    wrong = [f for f in findings_of(tmp_path, *lines[:2], lines[2].format(25)) if f.kind == "recomputed_vs_claimed"]
    assert len(wrong) == 1 and wrong[0].candidate and "-20" in wrong[0].message


def test_items_of_a_numbered_list_each_naming_its_own_subject_are_different_quantities(tmp_path):
    draft = draft_of(tmp_path, TITLE, "二、绩效目标完成情况", "（一）节水灌溉", "1.东坪村：改造灌溉渠道3.2公里。",
                     "2.西岭村：改造灌溉渠道4.5公里。", "3.南湾村：改造灌溉渠道2.8公里。")
    assert draft.repeats == []
    draft = draft_of(tmp_path, TITLE, "二、绩效目标完成情况", "（一）河道清淤",
                     *(f"（{i}）完成第{i}段河道清淤，清淤长度{n}米。" for i, n in ((1, 820), (2, 640), (3, 905))))
    assert draft.repeats == []


def test_a_figure_restated_with_another_value_outside_a_list_of_named_items_is_still_one_figure(tmp_path):
    draft = draft_of(tmp_path, TITLE, "二、绩效目标完成情况", "（一）产出指标", "全年改造灌溉渠道12.5公里。",
                     "（二）效益指标", "全年改造灌溉渠道12.8公里，灌溉条件明显改善。")
    assert [[m.written for m in group] for group in draft.repeats] == [["12.5公里", "12.8公里"]]


def test_a_change_after_a_share_of_the_budget_is_of_the_spending_not_of_the_budget_the_share_divides(tmp_path):
    """The 决算 说明 shape: 支出决算为A,完成预算B的R%,比上年决算数增加C,增长G%; 比2019年决算数减少D,降低H% — the change is
    C ÷ (A − C), never of the budget B, and an amount compared with a dated year is an amount of change too."""
    lines = (TITLE, "一、“三公”经费支出决算情况", "本站2023年度公务接待费支出决算为18.40万元,完成预算25.00万元的73.6%,"
             "比上年决算数增加4.40万元,增长31.4%;比2019年(疫情前)决算数减少5.60万元,降低23.3%。")
    draft = draft_of(tmp_path, *lines)
    kinds = sorted((r["kind"], str(r["value"])) for r in draft.params["claims"]["ratios"])
    assert kinds == [("decrease_by", "-23.3"), ("increase_by", "31.4"), ("share", "73.6")]
    assert not [f for f in findings_of(tmp_path, *lines) if f.kind == "recomputed_vs_claimed"]


def test_staff_listed_by_kind_under_their_total_make_it_up_and_a_list_that_does_not_add_up_is_a_question(tmp_path):
    lines = (TITLE, "一、人员情况", "本站核定编制45名，年末在职人员41人，其中参公人员15人、事业人员{}人。")
    identity = draft_of(tmp_path, *lines[:2], lines[2].format(26)).params["claims"]["identities"][0]
    assert (identity["whole"], identity["relation"]) == ("staff.on_duty", "=")
    assert not [f for f in findings_of(tmp_path, *lines[:2], lines[2].format(26)) if f.kind == "accounting_identities"]
    wrong = [f for f in findings_of(tmp_path, *lines[:2], lines[2].format(23)) if f.kind == "accounting_identities"]
    assert len(wrong) == 1 and wrong[0].candidate  # 15 + 23 = 38, not 41: asked, never passed as a bound
    cut = draft_of(tmp_path, *lines[:2], "本站核定编制45名，年末在职人员41人，其中参公人员15人、事业人员23人、工勤人员")
    assert cut.params["claims"]["identities"][0]["relation"] == ">="  # the text ends inside the list: a bound


def test_a_staff_total_listed_with_fen_bie_wei_and_its_retired_cadres_is_the_reports_own_identity(tmp_path):
    lines = (TITLE, "一、人员情况", "本站核定编制60名，年末在职人员54人。",
             "全站实有人员83人，分别为在职54人、离休1人、退休26人、遗属{}人。")
    assert not [f for f in findings_of(tmp_path, *lines[:3], lines[3].format(2)) if f.kind == "accounting_identities"]
    wrong = [f for f in findings_of(tmp_path, *lines[:3], lines[3].format(3)) if f.kind == "accounting_identities"]
    assert len(wrong) == 1 and wrong[0].candidate and "离休" in wrong[0].message


@pytest.mark.parametrize("said", ["年初预算1,200.00万元。预算执行率{}%（全年执行1,140.00万元，全年预算1,250.00万元）。",
                                  "年初预算1,200.00万元，全年预算1,250.00万元，全年执行1,140.00万元。全年预算执行率达到{}%。"])
def test_an_execution_rate_before_its_figures_or_alone_after_them_is_claimed_whatever_its_value(tmp_path, said):
    lines = (TITLE, "一、预算执行")
    ratio = draft_of(tmp_path, *lines, said.format("91.20")).params["claims"]["ratios"][0]
    assert (ratio["numerator"], ratio["denominator"]) == ("budget.executed", "budget.adjusted")
    assert not [f for f in findings_of(tmp_path, *lines, said.format("91.20")) if f.kind == "recomputed_vs_claimed"]
    wrong = [f for f in findings_of(tmp_path, *lines, said.format("95.00")) if f.kind == "recomputed_vs_claimed"]
    assert len(wrong) == 1 and wrong[0].candidate and "91.20" in wrong[0].message


def test_a_rate_of_saving_is_what_was_saved_over_what_was_planned_and_a_wrong_one_is_a_question(tmp_path):
    said = "全年政府采购预算80.00万元，实际采购金额77.60万元，节约资金2.40万元，资金节约率{}%。"
    lines = (TITLE, "一、政府采购")
    ratio = draft_of(tmp_path, *lines, said.format("3.00")).params["claims"]["ratios"][0]
    assert (ratio["denominator"], str(ratio["value"])) == ("lines.procurement.budget", "3.00")
    assert not [f for f in findings_of(tmp_path, *lines, said.format("3.00")) if f.kind == "recomputed_vs_claimed"]
    wrong = [f for f in findings_of(tmp_path, *lines, said.format("3.5")) if f.kind == "recomputed_vs_claimed"]
    assert len(wrong) == 1 and wrong[0].candidate


def test_a_list_after_a_share_of_the_budget_breaks_down_the_spending_not_the_budget(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、“三公”经费支出决算情况",
                     "本站2023年度“三公”经费支出决算为18.40万元,完成预算25.00万元的73.6%,比上年决算数增加4.40万元,增长31.4%。"
                     "其中:公务接待费支出决算为6.40万元,公务用车运行维护费支出决算为11.00万元。")
    assert [(lst.whole.written, [p.written for p in lst.parts]) for lst in draft.lists] == [
        ("18.40万元", ["6.40万元", "11.00万元"])]  # parts that miss are asked about against the spending


def test_a_change_after_the_last_part_of_a_list_that_only_its_total_gives_is_the_totals(tmp_path):
    lines = (TITLE, "一、“三公”经费", "2023年“三公”经费支出8.40万元，其中公务用车运行维护费6.10万元，公务接待费2.30万元，"
             "较上年减少1.60万元，下降{}%。")
    ratio = draft_of(tmp_path, *lines[:2], lines[2].format("16")).params["claims"]["ratios"][0]
    assert (ratio["numerator"], ratio["kind"]) == ("lines.sangong.final", "decrease_by")  # 1.60 ÷ (8.40 + 1.60)
    assert not [f for f in findings_of(tmp_path, *lines[:2], lines[2].format("16")) if f.kind == "recomputed_vs_claimed"]


def test_a_budget_in_a_numbered_item_naming_a_project_is_the_projects_not_the_departments(tmp_path):
    lines = (TITLE, "二、项目支出绩效情况", "1.农技推广项目：全年预算120.00万元，实际支出117.60万元，执行率98%。",
             "2.良种补贴项目：全年预算80.00万元，实际支出76.00万元，执行率{}%。")
    draft = draft_of(tmp_path, *lines[:3], lines[3].format(95))
    assert "adjusted" not in draft.params.get("figures", {}).get("budget", {})
    assert not [f for f in findings_of(tmp_path, *lines[:3], lines[3].format(95)) if f.kind != "claimed_total"]
    wrong = [f for f in findings_of(tmp_path, *lines[:3], lines[3].format(96)) if f.kind == "recomputed_vs_claimed"]
    assert len(wrong) == 1 and wrong[0].candidate


def test_a_rate_is_judged_within_the_rounding_of_the_figures_it_is_computed_from(tmp_path):
    """增加20.63万元 on 22.59万元 is 20.625–20.635 over a base of 1.955–1.965: 1,049.7 %–1,055.5 %, so 1,055.4% holds
    (the report computed it from unrounded figures) and 1,070.0% does not."""
    lines = (TITLE, "一、支出情况", "2023年本站公务接待费支出22.59万元，比上年增加20.63万元，增长{}%。")
    assert not [f for f in findings_of(tmp_path, *lines[:2], lines[2].format("1,055.4")) if f.kind == "recomputed_vs_claimed"]
    wrong = [f for f in findings_of(tmp_path, *lines[:2], lines[2].format("1,070.0")) if f.kind == "recomputed_vs_claimed"]
    assert len(wrong) == 1 and wrong[0].candidate


def test_shares_beside_the_parts_of_a_list_adding_to_more_than_100_are_the_lists_own_and_one_is_asked_about(tmp_path):
    lines = (TITLE, "一、支出情况", "2023年本站支出总额860.00万元，其中基本支出610.00万元、占{}%，项目支出250.00万元、占29.07%。")
    assert not [f for f in findings_of(tmp_path, *lines[:2], lines[2].format("70.93")) if f.kind == "recomputed_vs_claimed"]
    wrong = [f for f in findings_of(tmp_path, *lines[:2], lines[2].format("72.93")) if f.kind == "recomputed_vs_claimed"]
    assert len(wrong) == 1 and wrong[0].candidate and "70.93" in wrong[0].message


def test_last_years_carry_over_and_this_years_closing_balance_are_two_quantities(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、收支情况", "2023年度收入总计1,250.00万元，其中上年结转结余84.12万元。",
                     "二、结余情况", "年末结转结余97.52万元。")
    budget = draft.params["figures"]["budget"]
    assert (str(budget["prev_carryover"]["value"]), str(budget["carryover"]["value"])) == ("84.12", "97.52")
    assert draft.repeats == [] and "statements" not in draft.params.get("claims", {})


def test_a_part_broken_down_in_the_sentence_after_it_nests_and_the_list_runs_on_past_its_breakdown():
    got = totals_in("本馆2024年度公务费用支出决算为58.30万元，完成全年预算70.00万元的83.3%。其中：差旅费支出决算为"
                    "10.50万元，完成预算12.00万元的87.5%；会议培训费支出决算为30.80万元，完成预算35.00万元的88.0%；"
                    "其中：会议费支出决算为8.30万元；培训费支出决算为22.50万元；印刷费支出决算为17.00万元。")
    assert ("58.30万元", ["10.50万元", "30.80万元", "17.00万元"], True) in got
    assert ("30.80万元", ["8.30万元", "22.50万元"], True) in got
    assert not any("12.00万元" in parts or "35.00万元" in parts for _, parts, _ in got)  # budgets measured against


def test_one_opener_after_several_totals_breaks_each_down_by_its_own_semicolon_group():
    got = totals_in("本年对6个科室、4个站所开展绩效自评，抽查12个项目，其中：良好科室4个，中等科室2个；良好站所4个；"
                    "优秀项目9个，良好项目3个。")
    assert ("6个", ["4个", "2个"], True) in got and ("4个", ["4个"], True) in got
    assert ("12个", ["9个", "3个"], True) in got
    assert not any(whole == "12个" and "2个" in parts for whole, parts, _ in got)  # never all under the last


def test_a_change_by_its_amount_is_of_the_total_stated_under_its_subject_with_the_words_of_a_total_after_it(tmp_path):
    rates = _rates_of(tmp_path, "一、支出情况", "经统计，2023年度本站业务培训经费支出合计36.40万元。",
                      "二、支出变化", "经对比，2023年度本站业务培训经费较上年减少3.60万元，下降9.00%。")
    assert list(rates.values()) == [("explained", "36.40万元", "3.60万元")]  # 3.60 ÷ (36.40 + 3.60) = 9.00 %
    short = _rates_of(tmp_path, "一、支出情况", "2023年本站重点项目1800.00万元。", "二、支出变化",
                      "2023年本站项目支出较上年增加150.00万元，增长9.09%。")
    assert [status for status, _, _ in short.values()] == ["unexplained"]  # 项目支出 is no 项目


def test_staff_of_the_bodies_under_the_unit_are_theirs_never_a_second_statement_of_the_units_own(tmp_path):
    lines = (TITLE, "一、基本情况", "本局机关内设科室6个，核定行政编制数为24人，在职人员21人。本局下属事业单位3个，"
             "核定编制数58人，在职人员50人。")
    draft = draft_of(tmp_path, *lines)
    staff = draft.params["figures"]["staff"]
    assert (staff["authorized"]["value"], staff["on_duty"]["value"]) == (24, 21)
    assert not draft.params.get("claims", {}).get("statements")
    assert not [f for f in findings_of(tmp_path, *lines) if f.kind == "two_values"]
    with_them = draft_of(tmp_path, TITLE, "一、基本情况", "全局机关及所属事业单位共核定编制82人，在职人员71人。")
    assert with_them.params["figures"]["staff"]["on_duty"]["value"] == 71  # the unit with its bodies: its own
    one_of_them = draft_of(tmp_path, TITLE, "一、基本情况", "本站为县农业农村局下属全额拨款事业单位，核定事业编制12人。"
                           "年末实有在职人员15人。")
    assert one_of_them.params["figures"]["staff"]["authorized"]["value"] == 12  # the unit is one of them


def with_kinds_beside(*paragraphs: str) -> list[tuple[str, list[str], bool]]:
    from perfeval.intake.report.attribute_lists import attribute_lists

    document = build("<test>", list(paragraphs))
    mentions = prose_mentions(document, set())
    lists = find_lists(document, mentions)
    return [(t.whole.written, [p.written for p in t.parts], t.complete) for t in attribute_lists(lists, mentions)]


def test_figures_of_one_kind_beside_a_total_and_its_parts_make_a_breakdown_of_their_own(tmp_path):
    paragraph = ("本所2024年度公务费支出决算为30.00万元，完成全年预算36.00万元的83.3%，比上年决算数增加{}万元。其中："
                 "差旅费支出决算为12.00万元，完成预算15.00万元的80.0%，比上年决算数增加2.00万元；会议费支出决算为18.00万元，"
                 "完成预算21.00万元的85.7%，比上年决算数增加3.00万元。")
    got = with_kinds_beside(paragraph.format("5.00"))
    assert ("36.00万元", ["15.00万元", "21.00万元"], True) in got  # the budgets
    assert ("5.00万元", ["2.00万元", "3.00万元"], True) in got  # the increases on last year
    wrong = [f for f in findings_of(tmp_path, TITLE, "一、支出情况", paragraph.format("6.00"))
             if f.kind == "accounting_identities"]
    assert len(wrong) == 1 and wrong[0].candidate and "6.00" in wrong[0].message  # 2.00 + 3.00 is not 6.00
    opposed = with_kinds_beside("本所公务费30.00万元，比上年减少1.00万元。其中：差旅费12.00万元，比上年增加2.00万元；"
                                "会议费13.00万元，比上年减少1.00万元；培训费5.00万元，比上年减少2.00万元。")
    assert not any(whole == "1.00万元" for whole, _, _ in opposed)  # a rise and a fall do not add up as written


def test_paragraphs_after_one_announcing_its_detail_each_state_a_part_of_its_figures_and_of_their_changes(tmp_path):
    lines = (TITLE, "二、收支情况",
             "本站2023年度财政拨款本年收入500.00万元，比上年增加50.00万元；本年支出480.00万元，增加40.00万元。具体情况如下：",
             "一般公共预算财政拨款本年收入300.00万元，比上年增加20.00万元；本年支出290.00万元，比上年增加30.00万元，增长11.5%。",
             "政府性基金预算财政拨款本年收入200.00万元，比上年增加30.00万元；本年支出180.00万元，比上年增加20.00万元，增长12.0%。")
    draft = draft_of(tmp_path, *lines)
    got = {(lst.whole.written, tuple(p.written for p in lst.parts)) for lst in draft.lists}
    assert {("500.00万元", ("300.00万元", "200.00万元")), ("50.00万元", ("20.00万元", "30.00万元")),
            ("480.00万元", ("290.00万元", "180.00万元")), ("40.00万元", ("30.00万元", "20.00万元"))} <= got
    broken = [f for f in findings_of(tmp_path, *lines) if f.kind == "accounting_identities"]
    assert len(broken) == 2 and all(f.candidate for f in broken)  # 290 + 180 ≠ 480 and 30 + 20 ≠ 40: two causes,
    # never one the consequence of the other through the 12.0% stated on a part of each


def test_a_breakdown_opened_by_the_words_of_a_total_stated_in_another_part_is_of_that_total_with_its_shares(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、总体情况", "本站2023年度“三公”经费财政拨款支出决算为40.00万元，完成全年预算50.00万元的80.0%。",
                     "二、具体情况", "2023年度“三公”经费财政拨款支出决算中，因公出国(境)费6.00万元，占15.0%；公务用车运行维护费"
                     "24.00万元，占60.0%；公务接待费10.00万元，占25.0%。")
    assert ("40.00万元", ("6.00万元", "24.00万元", "10.00万元")) in {
        (lst.whole.written, tuple(p.written for p in lst.parts)) for lst in draft.lists}
    assert {r.rate.written: r.status for r in draft.rates if r.rate.written != "80.0%"} == {
        "15.0%": "explained", "60.0%": "explained", "25.0%": "explained"}
    other = draft_of(tmp_path, TITLE, "一、总体情况", "本站2023年度“三公”经费财政拨款支出决算为41.00万元。",
                     "二、具体情况", "2023年度“三公”经费财政拨款支出决算中，因公出国(境)费6.00万元；公务接待费10.00万元。")
    assert not any(lst.whole.written == "41.00万元" for lst in other.lists)  # parts not making it: no breakdown of it


def test_an_adjustment_rate_stated_beside_the_opening_and_the_whole_budget_is_the_change_between_them(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、预算情况",
                     "2023年度项目支出年初预算安排800.00万元，全年预算数920.00万元，预算调整比例15.00%，决算数900.00万元。")
    found = next(r for r in draft.rates if r.rate.written == "15.00%")
    assert found.status == "explained" and found.reading.kind == "change"  # (920 − 800) ÷ 800
    shared = draft_of(tmp_path, TITLE, "一、预算情况", "年初预算800.00万元，调整增加120.00万元，调整后预算920.00万元，预算调整率15.00%。")
    assert next(r for r in shared.rates if r.rate.written == "15.00%").status == "explained"  # the share 120 ÷ 800


def test_two_wrong_rates_of_one_figure_are_two_findings_never_one_the_consequence_of_the_other(tmp_path):
    found = [f for f in findings_of(tmp_path, TITLE, "一、“三公”经费",
                                    "经比较，2023年度本站“三公”经费30.00万元，较上年减少10.00万元，下降40.00%，"
                                    "较年初预算数减少6.00万元，下降2.00%。")
             if f.kind == "recomputed_vs_claimed"]
    assert len(found) == 2 and not any(f.consequences for f in found)  # 10 ÷ 40 = 25 %, 6 ÷ 36 = 16.67 %


def test_an_amount_of_change_written_with_spaces_is_never_the_part_a_share_divides(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、支出情况", "2023年基本支出预算 2000000.00 元。",
                     "二、结构", "其中工资福利支出占基本支出预算 80.00%，同比增加 30000.00 元，增长 1.50%。")
    share = next(r for r in draft.rates if r.rate.written.startswith("80.00"))
    assert share.status != "contradicted"  # 30000 is the change, not the part: 80 % is left unexplained


def test_a_share_after_a_bracketed_breakdown_is_of_the_figure_before_the_bracket(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、收入情况", "本年收入合计800.00万元；包括财政拨款收入520.00万元（其中，一般公共预算"
                     "480.00万元，政府性基金预算40.00万元），占收入合计65.00%；其他收入280.00万元，占收入合计35.00%。")
    share = next(r for r in draft.rates if r.rate.written == "65.00%")
    assert share.status == "explained" and share.reading.numerator.written == "520.00万元"  # never the 40 in brackets


def test_a_nested_breakdown_that_adds_up_to_nothing_keeps_the_parts_named_alike_whatever_separates_them():
    got = totals_in("本局年末实有人员60人，其中行政编制20人，事业单位40人，其中：甲站在职9人、乙中心在职14人，丙所在职11人。")
    assert ("40人", ["9人", "14人", "11人"], False) in got  # 34 of 40: a bound, the three 在职 all under it
    assert ("60人", ["20人", "40人"], True) in got


def test_a_change_of_a_rate_in_percentage_points_is_the_difference_of_the_two_rates_its_sentence_dates(tmp_path):
    said = "2022年政府采购执行率为88.0%，2023年政府采购执行率为93.5%，较上年提高{}个百分点。"
    wrong = [f for f in findings_of(tmp_path, TITLE, "一、采购情况", said.format("6.5"))
             if f.check == "stated_ratio_mismatch"]
    assert len(wrong) == 1 and wrong[0].candidate and "5.5" in wrong[0].message  # 93.5 − 88.0
    assert not [f for f in findings_of(tmp_path, TITLE, "一、采购情况", said.format("5.5"))
                if f.check == "stated_ratio_mismatch"]
    fell = [f for f in findings_of(tmp_path, TITLE, "一、采购情况",
                                   "2023年政府采购执行率为88.0%，2022年政府采购执行率为93.5%，较上年下降5.5个百分点。")
            if f.check == "stated_ratio_mismatch"]
    assert not fell  # 88.0 − 93.5 = −5.5, a fall of 5.5 points


def test_an_execution_rate_beside_an_adjustment_of_open_direction_is_over_the_adjusted_budget_never_the_adjustment(tmp_path):
    lines = (TITLE, "一、预算执行", "年初预算800.00万元，年中预算调整100.00万元，全年支出870.00万元，执行率96.67%。")
    rate = next(r for r in draft_of(tmp_path, *lines).rates if r.rate.written == "96.67%")
    assert rate.status == "explained"  # 870 ÷ (800 + 100)
    assert not [f for f in findings_of(tmp_path, *lines) if f.kind == "recomputed_vs_claimed"]
