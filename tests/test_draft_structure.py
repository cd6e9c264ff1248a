"""The draft reader on the shapes real reports take, each written for these tests: numbers that are not figures,
numbers written two ways, totals and their parts, the report's identity."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfeval.outputs.draft import draft_report

TITLE = "松岭县农业技术推广站2023年度部门整体支出绩效自评报告"


def draft_of(tmp_path: Path, *lines: str, name: str = "report.txt"):
    report = tmp_path / name
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return draft_report(report)


def stated_values(draft) -> list[str]:
    return [str(s["value"]) for s in draft.params.get("figures", {}).get("stated", {}).values()]


def test_a_contents_list_and_document_numbers_raise_no_figure(tmp_path):
    draft = draft_of(tmp_path, TITLE, "目  录", "一、基本情况……………………2", "二、绩效目标完成情况…………5",
                     "附件1：基础数据表", "附件5：项目自评表",
                     "根据县财〔2022〕 17 号文件，按照2000字以内的要求编写。",
                     "一、基本情况", "本站2023年度支出总额218.40万元。")
    assert stated_values(draft) + [str(v) for v in _catalogue_values(draft)] == ["218.40"]


def test_a_number_written_two_ways_is_listed_unsure_and_drafted_nowhere(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、基本情况", "本站2023年度办公设备购置支出1.268,40万元。")
    assert "1268.40" not in stated_values(draft)
    assert [i.unsure for i in draft.unsure() if "1.268,40" in i.text]


def _catalogue_values(draft) -> list:
    out = []
    for line in draft.params.get("figures", {}).get("lines", {}).values():
        out += [v["value"] if isinstance(v, dict) else v for v in line.values()]
    return out


def test_an_entry_the_params_refuse_is_taken_out_and_listed_never_an_error(tmp_path):
    from perfeval import load_unit
    from perfeval.outputs.draft import write_draft

    draft = draft_of(tmp_path, TITLE, "一、基本情况", "本站2023年度支出总额218.40万元，办公经费12.30万元。")
    ratios = draft.params.setdefault("claims", {}).setdefault("ratios", [])
    ratios.append({"label": "凭空的比率", "numerator": "s999", "denominator": "s001", "kind": "share", "value": 5,
                   "source": "一 测试"})
    target = write_draft(draft, tmp_path / "d.yaml")
    text = target.read_text(encoding="utf-8")
    assert "存疑，未录入" in text and "凭空的比率" in text.split("存疑，未录入")[1]
    assert all("凭空的比率" not in str(r) for r in load_unit(target).params.claims.ratios)
    assert any(i.unsure and "s999" in i.unsure for i in draft.unsure())


def test_a_title_year_before_the_figures_year_drafts(tmp_path):
    """The figures speak of 2024 in a report titled 2023: restated figures a rate divides are written."""
    draft = draft_of(tmp_path, "松岭县农业技术推广站2023年度部门整体支出绩效自评报告", "一、基本情况",
                     "2024年办公经费支出20.00万元，2024年差旅费支出5.00万元，占办公经费的25%。",
                     "二、说明", "2024年办公经费支出20.00万元。")
    from perfeval.outputs.draft import write_draft
    write_draft(draft, tmp_path / "d.yaml")
    assert not draft.excluded


def test_a_report_with_a_chinese_file_name_drafts_in_a_batch(tmp_path):
    from perfeval.outputs.batch.drafting import _draft_one
    from perfeval.outputs.batch.jobs import file_id

    report = tmp_path / "松岭县农技站2023.txt"
    report.write_text(f"{TITLE}\n一、基本情况\n本站2023年度支出总额218.40万元。\n", encoding="utf-8")
    status, detail = _draft_one(report, file_id(report), tmp_path / "out")
    assert status == "ok" and Path(detail).stem.startswith("draft-"), detail


# ---------------------------------------------------------------- who and when

def unit_of(tmp_path, *lines):
    draft = draft_of(tmp_path, *lines)
    item = next(i for i in draft.items if i.kind == "unit")
    return draft.params["unit"], item


def test_the_title_names_the_unit_and_the_year(tmp_path):
    unit, item = unit_of(tmp_path, TITLE, "一、基本情况", "本站承担全县农业技术推广工作。")
    assert (unit["name"], unit["year"], unit["region"]) == ("松岭县农业技术推广站", 2023, "松岭县")
    assert item.unsure is None


def test_a_title_set_on_two_lines_and_spaced_by_a_pdf(tmp_path):
    unit, _ = unit_of(tmp_path, "松 岭 县 水 利 调 度 中 心", "2022 年度部门整体支出绩效自评报告", "一、基本情况")
    assert (unit["name"], unit["year"]) == ("松岭县水利调度中心", 2022)


def test_a_title_opening_with_its_year_or_a_code_and_a_sealed_name_field(tmp_path):
    unit, _ = unit_of(tmp_path, "2023年度松岭县妇女联合会部门（单位）整体支出绩效自评报告", "一、基本情况")
    assert unit["name"] == "松岭县妇女联合会"
    unit, _ = unit_of(tmp_path, "2023年青山乡人民政府决算编制说明", "210013-松岭县青山乡人民政府2023年部门决算公开")
    assert unit["name"] == "松岭县青山乡人民政府"  # the fuller of two title lines naming one unit
    unit, _ = unit_of(tmp_path, "2023年度部门整体支出绩效自评报告", "部门名称：（公章）松岭县地方公路局")
    assert unit["name"] == "松岭县地方公路局"


def test_the_signing_unit_and_the_evaluation_year_field(tmp_path):
    unit, _ = unit_of(tmp_path, "部门整体支出绩效自评报告", "评价单位（公章）：松岭县机关事务服务中心",
                      "评价年度：2023年", "一、基本情况")
    assert (unit["name"], unit["year"]) == ("松岭县机关事务服务中心", 2023)


def test_no_year_in_the_title_the_text_says_it(tmp_path):
    unit, item = unit_of(tmp_path, "松岭县住房和城乡建设局部门整体支出绩效自评报告",
                         "现将我局2024年度部门整体支出绩效自评情况报告如下：")
    assert (unit["name"], unit["year"]) == ("松岭县住房和城乡建设局", 2024) and item.unsure is None


def test_only_a_publication_date_gives_the_year_before_it_marked_unsure(tmp_path):
    unit, item = unit_of(tmp_path, "松岭县政务服务数据管理局部门整体支出绩效自评报告", "一、基本情况",
                         "本局承担全县政务数据管理工作。", "发布时间：2024年3月18日")
    assert unit["year"] == 2023 and "发布日期" in item.unsure


def test_the_first_sentence_names_the_unit_when_nothing_else_does(tmp_path):
    unit, item = unit_of(tmp_path, "部门整体支出绩效自评报告（2023年度）",
                         "松岭县青山镇人民政府是县人民政府的派出机关，承担全镇经济社会管理职责。")
    assert unit["name"] == "松岭县青山镇人民政府" and "正文" in item.unsure


def test_a_grade_in_usual_wordings(tmp_path):
    for sentence, grade in (("经综合评价，本站2023年度整体绩效自评为良好。", "良"),
                            ("自评等级为“优”。", "优"), ("综合评定等次：优秀。", "优"),
                            ("部门目标实现率100%，整体绩效自评为良 好；", "良"), ("评定等级“优”", "优"),
                            ("绩效评价结果为“优秀”等级。", "优"), ("自评等次为良好等次。", "良")):
        draft = draft_of(tmp_path, TITLE, "一、自评结论", sentence)
        assert draft.params.get("claims", {}).get("grade") == grade, sentence


# ---------------------------------------------------------------- totals and their parts

def lists_in(*paragraphs: str) -> list[tuple[str, list[str], bool]]:
    from perfeval.intake.report.document import build
    from perfeval.intake.report.lists import find_lists
    from perfeval.intake.report.mentions import prose_mentions

    document = build("<test>", list(paragraphs))
    return [(lst.whole.written, [p.written for p in lst.parts], lst.complete)
            for lst in find_lists(document, prose_mentions(document, set()))]


def test_a_nested_breakdown_by_semicolons_holds_at_both_levels():
    got = lists_in("年末实有人员73人，其中：在职人员41人，参照公务员法管理人员16人，事业人员25人；"
                   "退休人员29人；遗属3人。")
    assert ("73人", ["41人", "29人", "3人"], True) in got and ("41人", ["16人", "25人"], True) in got
    assert not any(whole == "73人" and "16人" in parts for whole, parts, _ in got)  # never flattened to 114


def test_a_second_opener_nests_under_the_figure_before_it():
    got = lists_in("2023年单位总支出决算数为1520.00万元，其中基本支出决算数为860.00万元，包括工资福利支出600.00万元、"
                   "商品和服务支出200.00万元、对个人和家庭的补助60.00万元。")
    assert ("860.00万元", ["600.00万元", "200.00万元", "60.00万元"], True) in got
    assert ("1520.00万元", ["860.00万元"], False) in got  # 其中 names one part: a bound, not a sum


def test_what_stands_after_ling_you_is_outside_the_total():
    got = lists_in("核定编制35人，年末实有在职人员33人，其中行政编制12人、事业编制21人；另有退休人员11人。")
    assert got == [("33人", ["12人", "21人"], True)]


def test_a_list_cut_off_is_a_bound_and_attributes_are_no_parts():
    assert lists_in("全年项目支出480.00万元，其中办公楼维修120.00万元、车辆更新90.00万元等。") == [
        ("480.00万元", ["120.00万元", "90.00万元"], False)]
    assert lists_in("本局核定编制9名，其中局长1名、副局长2名。") == []


def test_a_figure_with_its_own_colon_heads_its_own_list_never_a_part_of_the_one_before():
    got = lists_in("新建护岸2.60km：东岸 1 段，长1.10km，西岸 2 段，长 1.50km；"
                   "入河口处挡墙0.90km：东岸0.40km，西岸0.50km：新建涵洞 2 座，清淤工程 2 处：主河道清淤 0.70km，"
                   "支流清淤0.30km。")
    assert ("2.60km", ["1.10km", "1.50km"], True) in got and ("0.90km", ["0.40km", "0.50km"], True) in got
    assert not any(whole in ("2.60km", "0.50km") and len(parts) > 2 for whole, parts, _ in got)


def test_a_change_stated_with_its_amount_raises_nothing():
    draft = draft_of(Path(__import__("tempfile").mkdtemp()), TITLE, "一、支出情况",
                     "2023年本站基本支出1100.00万元，较上年增加100.00万元，增幅10%。")
    rate = next(r for r in draft.rates if r.rate.written == "10%")
    assert rate.status == "explained" and rate.reading.by == "increase"  # 100.00 ÷ (1100.00 − 100.00)


def test_adjusted_to_is_the_adjusted_budget_and_adjusted_by_its_size(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、预算情况", "本年度预算调整为1100.00万元。", "年中预算调减40.00万元。")
    budget = draft.params["figures"]["budget"]
    assert str(budget["adjusted"]["value"]) == "1100.00" and str(budget["reductions"]["value"]) == "40.00"


def test_a_report_beyond_the_size_bound_is_read_in_part_and_says_where_it_stopped(tmp_path, monkeypatch):
    """W21: a long report was refused whole; what fits the bound is read, the rest said unread (where, how much)."""
    from perfeval.intake.report import document

    monkeypatch.setattr(document, "MAX_TEXT", 1000)
    report = tmp_path / "big.txt"
    report.write_text(TITLE + "\n一、基本情况\n年初预算120.00万元。\n" + "本站认真履行职责。" * 200 + "\n二、附表\n年末结余7.50万元。",
                      encoding="utf-8")
    draft = draft_report(report)
    (note,) = [s for s in draft.skipped if s.startswith(document.TEXT_CUT)]
    assert "超过一份报告读取的上限 1,000 字" in note and "全文 1,8" in note and "字未读取" in note
    read = {str(s["value"]) for s in draft.params.get("stated", [])} | {
        str(f["value"]) for group in draft.params.get("figures", {}).values() for f in group.values()}
    assert "120.00" in read and "7.50" not in read  # what is past the bound is not drafted
    one_line = tmp_path / "line.txt"  # a .txt of one long line: its whole sentences within the bound
    one_line.write_text(TITLE + "\n" + "本站认真履行职责。" * 200, encoding="utf-8")
    assert any(s.startswith(document.TEXT_CUT) for s in draft_report(one_line).skipped)


def test_a_sentence_without_marks_is_read_in_bounded_pieces_and_keeps_its_figures():
    from perfeval.intake.report.document import MAX_SENTENCE, split_sentences

    text = "支出12.5万元，" * 500
    pieces = split_sentences(text)
    assert all(len(p) <= MAX_SENTENCE for p in pieces) and "".join(pieces) == text


def test_a_table_saved_one_cell_per_line_is_read_as_its_pairs(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、人员情况", "人员编制", "96", "实有人数", "103", "在职人员", "88")
    staff = draft.params["figures"]["staff"]
    assert {k: str(v["value"]) for k, v in staff.items()} == {"authorized": "96", "total": "103", "on_duty": "88"}
    assert "人员编制 96" in staff["authorized"]["source"]


def test_a_table_saved_one_cell_per_line_with_a_mark_after_every_cell_is_read_as_its_pairs(tmp_path):
    draft = draft_of(tmp_path, "部门（单位）名称 |", "松岭县民政局 |", "||||||", "联络电话 |", "6623018 |", "||||||",
                     "人员编制 |", "42 |", "实有人数 |", "39 |", "||||||", "2023年度部门整体支出绩效自评报告")
    assert draft.params["unit"]["name"] == "松岭县民政局"
    assert draft.params["figures"]["staff"]["authorized"]["value"] == 42
    assert [m.where.text for m in draft.placed][:2] == ["人员编制 | 42 |", "实有人数 | 39 |"]  # cited as written
    assert "6623018" not in stated_values(draft)


def test_a_forms_budget_block_saved_one_cell_per_line_is_rebuilt_under_its_column_names(tmp_path):
    draft = draft_of(tmp_path, "项目支出绩效自评表（2023年度）", "实施单位：松岭县林业局", "预算执行情况(10分)",
                     "年度资金(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分", "偏差原因",
                     "合计", "120.50", "131.00", "128.38", "98.00%", "10", "9.8",
                     "注：执行率=全年执行数/全年预算数，未达到90%的需说明原因。",
                     "其中：财政拨款", "120.50", "131.00", "128.38", "98.00%", "/", "/",
                     "其他资金", "0.00", "0.00", "0.00", "0.00%", "/", "/")
    budget = draft.params["figures"]["budget"]
    assert (budget["start_of_year"]["value"], budget["adjusted"]["value"], budget["executed"]["value"]) == (
        Decimal("120.50"), Decimal("131.00"), Decimal("128.38"))
    assert "90" not in stated_values(draft)  # the rule's threshold in the note is no figure


def test_a_number_alone_under_a_sentence_is_no_pair(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、人员情况", "本站全年认真开展工作。", "96")
    assert "staff" not in draft.params.get("figures", {})


def test_a_change_whose_old_figure_stands_in_the_clause_before_is_recomputed(tmp_path):
    lines = ("一、三公经费", "2023年“三公”经费支出60.28万元。", "二、变动", "2022年“三公”经费支出64.20万元，2023年较上年下降{}。")
    held = draft_of(tmp_path, TITLE, *lines[:3], lines[3].format("6.1%"))
    wrong = draft_of(tmp_path, TITLE, *lines[:3], lines[3].format("9.1%"))
    assert [r.status for r in held.rates] == ["explained"] and [r.status for r in wrong.rates] == ["contradicted"]


def test_a_base_data_table_saved_one_cell_per_line_is_rebuilt_as_rows():
    from perfeval.intake.report.document import build

    lines = ["经费控制情况(万元", "2022 年决算数", "2023 年预算数", "2023 年决算数",
             "三公经费:", "5.10", "6.00", "4.80", "其中:公务接待", "1.10", "2.00", "0.80",
             "项目支出:", "300.00", "320.00", "310.50", "1、业务工作经费", "公用经费", "40.10", "42.00", "41.30",
             "二、绩效目标完成情况"]
    rows = [b.cells for b in build("<test>", ["\n".join(lines)]).blocks if b.kind == "row"]
    assert rows[0] == ("", "2022 年决算数", "2023 年预算数", "2023 年决算数")
    assert rows[1] == ("三公经费:", "5.10", "6.00", "4.80") and ("公用经费", "40.10", "42.00", "41.30") in rows
    assert ("1、业务工作经费",) in rows  # a row the page left without values stays in its table


def test_columns_that_would_put_a_percentage_under_a_count_are_not_a_table():
    from perfeval.intake.report.document import build

    lines = ["财政供养人员情况(人", "编制数", "实际在职人数", "控制率", "40", "42", "105.00%", "说明：超编已整改。"]
    rows = [b.cells for b in build("<test>", ["\n".join(lines)]).blocks if b.kind == "row"]
    assert rows == [("编制数", "实际在职人数", "控制率"), ("40", "42", "105.00%")]


def test_one_value_restated_under_another_wording_is_one_figure_and_different_heads_are_not(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、收入", "全镇本级一般公共预算收入实现215.36万元。", "二、财力",
                     "由一般公共预算收入215.36万元和上级补助组成。", "三、支出", "一般公共预算财力215.36万元。")
    groups = [[m.label for m in g] for g in draft.repeats]
    assert groups == [["全镇本级一般公共预算收入实现", "由一般公共预算收入"]]


def test_posts_counted_in_ge_keep_their_unit_as_written_and_are_counted_in_people(tmp_path):
    """编制 are posts: the report writes them in 个 (总编制为64个，其中行政编9个、事业编40个), the figure and its kinds are
    counted in 人 (labels.yaml: units), each with a note, while what was read keeps the 个 the report wrote."""
    draft = draft_of(tmp_path, TITLE, "一、基本情况", "本站行政事业总编制为64个，其中行政编9个、事业编40个。",
                     "年末实有在职人员52人。")
    staff = draft.params["figures"]["staff"]
    authorized = staff["authorized"]
    assert authorized["value"] == 64 and "unit" not in authorized and "按人计" in authorized["note"]
    assert {str(s["value"]): s.get("unit") for s in draft.params["stated"]} == {"9": "人", "40": "人"}
    assert sorted((m.written, m.quantity.unit) for m in draft.placed if m.counted_as) == [("40个", "个"), ("64个", "个"),
                                                                                          ("9个", "个")]


def test_an_entry_breaking_the_scoring_where_no_field_is_named_is_found_taken_out_and_listed(tmp_path, monkeypatch):
    """A relation whose two figures are in units no one can compare (人 and 个) failed in the scoring, naming no
    field, and the whole report was refused "a fault of the reader": the entry is sought, taken out and listed."""
    from perfeval.errors import FieldProblem
    from perfeval.outputs.draft import write_draft, writer

    draft = draft_of(tmp_path, TITLE, "一、基本情况", "本站2023年度支出总额218.40万元，办公经费12.30万元。")
    draft.params.setdefault("claims", {}).setdefault("ratios", []).append(
        {"label": "比不了的比率", "numerator": "s001", "denominator": "s002", "kind": "share", "value": 5,
         "source": "一 测试"})
    scored = writer._problems
    unnamed = FieldProblem("", "cannot compare or convert “人” and “个”")
    monkeypatch.setattr(writer, "_problems", lambda text, target: [unnamed] if "比不了的比率" in text.split(
        "存疑，未录入")[0] else scored(text, target))
    text = write_draft(draft, tmp_path / "d.yaml").read_text(encoding="utf-8")
    assert "比不了的比率" in text.split("存疑，未录入")[1] and "cannot compare" in text
    [(place, why, entry)] = draft.excluded
    assert place.startswith("claims.ratios[") and entry["label"] == "比不了的比率" and why.startswith("cannot compare")


@pytest.mark.parametrize("offending", [(37,), (5, 41, 77)])
def test_the_entries_breaking_the_scoring_are_found_by_halving_among_many(tmp_path, monkeypatch, offending):
    """Each try rescores the draft: one at a time, a draft of 400 entries was scored up to 400 times, and with more
    than one entry causing the problem none was found (taking out one left the others) and the draft was refused."""
    from perfeval.errors import FieldProblem
    from perfeval.outputs.draft import write_draft, writer

    draft = draft_of(tmp_path, TITLE, "一、基本情况", "本站2023年度支出总额218.40万元，办公经费12.30万元。")
    ratios = draft.params.setdefault("claims", {}).setdefault("ratios", [])
    for k in range(80):
        label = f"比不了的比率{k}" if k in offending else f"比率{k}"
        ratios.append({"label": label, "numerator": "s001", "denominator": "lines.total.final", "kind": "share",
                       "value": 5.63, "source": "一 测试"})
    scored, tries = writer._problems, []
    unnamed = FieldProblem("", "cannot compare or convert “人” and “个”")

    def problems(text: str, target: Path) -> list:
        tries.append(text)
        return [unnamed] if "比不了的比率" in text.split("存疑，未录入")[0] else scored(text, target)

    monkeypatch.setattr(writer, "_problems", problems)
    text = write_draft(draft, tmp_path / "d.yaml").read_text(encoding="utf-8")
    drafted, doubtful = text.split("存疑，未录入")
    assert "比不了的比率" not in drafted and all(f"比率{k}" in drafted for k in range(80) if k not in offending)
    assert sorted(entry["label"] for _, _, entry in draft.excluded) == sorted(f"比不了的比率{k}" for k in offending)
    assert all(f"比不了的比率{k}" in doubtful for k in offending)
    assert len(tries) <= 2 + len(offending) * 9  # scored, all out, ~log2(80) halvings and one check per culprit


def test_a_field_label_or_the_word_bumen_is_no_part_of_the_name(tmp_path):
    unit, _ = unit_of(tmp_path, "名称松岭县林业工作站2023年度部门整体支出绩效自评报告", "本站核定编制18人。")
    assert unit["name"] == "松岭县林业工作站"
    unit, _ = unit_of(tmp_path, "松岭县林业工作站部门2023年度部门决算", "本站核定编制18人。")
    assert unit["name"] == "松岭县林业工作站"
    unit, _ = unit_of(tmp_path, "松岭县林业工作站(部门)2023年度部门整体支出绩效自评报告", "本站核定编制18人。")
    assert unit["name"] == "松岭县林业工作站"


def test_a_short_form_in_the_title_is_the_full_name_the_text_gives(tmp_path):
    unit, item = unit_of(tmp_path, "区文化和旅游局2023年度部门整体支出绩效自评报告",
                         "松岭市青山区文化和旅游局主要职责是贯彻执行文化和旅游工作的方针政策。")
    assert unit["name"] == "松岭市青山区文化和旅游局" and "简称" in item.text


def test_a_title_on_two_lines_after_its_year_or_before_its_project(tmp_path):
    unit, _ = unit_of(tmp_path, "2022年度松岭县政务服务中心", "部门决算公开说明", "一、部门主要职责")
    assert (unit["name"], unit["year"]) == ("松岭县政务服务中心", 2022)
    unit, _ = unit_of(tmp_path, "松岭县环境整治指挥部乡村振兴项目资金", "绩效评价报告",
                      "2023年度项目资金共计120.00万元。")
    assert unit["name"] == "松岭县环境整治指挥部"


def test_the_heading_of_the_units_overview_names_it(tmp_path):
    unit, _ = unit_of(tmp_path, "一、松岭县青山街道办事处(汇总)概况", "（一）部门职责",
                      "贯彻落实上级有关街道工作的方针政策。2023年度收入合计356.20万元。")
    assert unit["name"] == "松岭县青山街道办事处"


def test_the_year_the_text_speaks_of_is_not_a_year_it_compares_with(tmp_path):
    unit, item = unit_of(tmp_path, "一、收入情况",
                         "本单位2023年度总收入581.45万元，较2022年度决算数减少175.26万元。",
                         "财政拨款收入382.17万元，较2022年度减少157.86万元；其他收入8.38万元，与2022年相比减少17.40万元。")
    assert unit["year"] == 2023 and "正文" in item.unsure


def test_the_text_speaking_of_a_year_again_and_again_stands_over_a_late_publication_date(tmp_path):
    unit, item = unit_of(tmp_path, "松岭县水利局水利发展资金绩效自评报告", "发布时间：2025年6月3日",
                         "2022年下达资金300万元。2022年完成堤防加固2.1公里。2022年资金已全部支付。")
    assert unit["year"] == 2022 and "发布日期" in item.unsure and "2024" in item.unsure


@pytest.mark.parametrize("masked", ["20XX年", "202*年", "20**年", "（略）年"])
def test_a_report_whose_years_are_masked_says_so_beside_the_year_it_drafts(tmp_path, masked):
    unit, item = unit_of(tmp_path, f"松岭县档案馆{masked}度部门整体支出绩效自评报告", f"{masked}本馆完成档案数字化。")
    assert unit["name"] == "松岭县档案馆" and "隐去" in item.unsure and masked in item.unsure


def test_a_year_in_the_sites_path_gives_way_to_the_title_under_it(tmp_path):
    unit, _ = unit_of(tmp_path, "当前位置：首页 > 政务公开 > 2024年预决算公开", "松岭县水利局2023年度部门决算",
                      "一、部门主要职责")
    assert unit["year"] == 2023


def test_a_bracket_in_a_sentence_is_no_title_naming_its_unit(tmp_path):
    opening = "根据中央和省关于推进政府预算信息公开的工作安排与部署要求，经松岭市财政局汇总，2023年全市部门及乡镇政府(街道办事处)"
    assert len(opening) == 60  # the reader reads a title to its length: the bracket closes at its end
    unit, _ = unit_of(tmp_path, opening + "“三公”经费决算如下：", "“三公”经费决算总额2771万元。")
    assert unit["name"] != "街道办事处"


def test_a_reports_title_cited_in_the_text_or_listed_in_its_contents_names_the_unit_unsure(tmp_path):
    unit, item = unit_of(tmp_path, "第三部分 其他说明",
                         "同时，本部门对2023年部门整体开展绩效自评，《2023年松岭县高新技术园区整体绩效评价报告》见附件1。")
    assert unit["name"] == "松岭县高新技术园区" and "报告标题" in item.unsure
    unit, item = unit_of(tmp_path, "第四部分 附件 24", "松岭县档案馆2023年度部门整体支出绩效评价报告 24",
                         "一、部门概况 24")
    assert unit["name"] == "松岭县档案馆"


def test_a_subject_that_has_or_carries_out_something_opens_a_sentence_about_the_unit(tmp_path):
    unit, item = unit_of(tmp_path, "项目绩效自评报告1", "一、项目基本情况",
                         "松岭市科学技术局主要有部门预算项目支出、专项预算支出二类支出，项目资金总预算为2455.5万元。")
    assert unit["name"] == "松岭市科学技术局" and "正文" in item.unsure


def test_a_long_run_of_area_words_does_not_stall_the_search_for_a_full_name(tmp_path):
    unit, _ = unit_of(tmp_path, "区文化和旅游局2023年度部门整体支出绩效自评报告", "市" * 3000 + "区文化和旅游",
                      "松岭市青山区文化和旅游局主要职责是贯彻执行文化和旅游工作的方针政策。")
    assert unit["name"] == "松岭市青山区文化和旅游局"


def test_one_kind_of_posts_among_several_is_not_the_whole_establishment(tmp_path):
    draft = draft_of(tmp_path, "松岭县林业局2023年度部门整体支出绩效自评报告",
                     "局机关有行政编制10名、事业编制30名，年末实有在职人员38人。")
    assert "authorized" not in draft.params["figures"].get("staff", {})  # 10 of 40 posts would be 超编 380 %


@pytest.mark.parametrize("sentence, total", [
    ("综合评价，自评等级为“优秀”，得分93.5分。", 93.5),
    ("评价等级分为优（90分以上）、良（80-89分）。经自评，本单位得分91分，等级为优。", 91),
])
def test_a_claimed_score_after_the_words_of_the_self_evaluation(tmp_path, sentence, total):
    draft = draft_of(tmp_path, "松岭县林业局2023年度部门整体支出绩效自评报告", "一、自评结论", sentence)
    assert (draft.params["claims"]["total"], draft.params["claims"]["grade"]) == (total, "优")


def test_a_title_whose_year_lost_its_nian_and_a_towns_government_by_its_short_name(tmp_path):
    unit, _ = unit_of(tmp_path, "青山镇人民政府2023决算公开", "一、部门职责", "负责全镇经济社会管理。")
    assert (unit["name"], unit["year"]) == ("青山镇人民政府", 2023)
    unit, item = unit_of(tmp_path, "部门决算", "白石镇政府的基本职能是：贯彻执行上级决定，管理本镇事务。")
    assert unit["name"] == "白石镇政府" and "正文" in item.unsure


def test_a_copy_with_a_sites_pinyin_inside_its_words_is_read_past_it(tmp_path):
    draft = draft_of(tmp_path, "某某县残联项(xiàng)目绩(jì)效自评报(bào)告范文(精选12篇)", "项目绩效自评报(bào)告 1",
                     "一、项目基本情况", "本项目下达资金20.00万元。")
    assert draft.params["unit"]["document_kind"] == "项目支出绩效自评"
    assert [m.written for m in draft.placed] == ["20.00万元"]


def test_a_title_year_the_text_dates_its_figures_past_is_unsure_with_both_years_said(tmp_path):
    """Trial 3's T37: a 2024 title over a text whose figures are of 2025 kept 2024, and 编制, 部门整体支出 and the
    三公 figures left the catalogue as another year's. The year the figures are of is taken, 存疑 with both said."""
    lines = ("松岭县水利局2024年度部门整体支出绩效自评报告", "一、基本情况", "2025年末核定编制48名。2025年部门整体支出3752.48万元。",
             "2025年“三公”经费支出30.00万元，2024年“三公”经费支出40.00万元。2025年完成堤防加固2.1公里。")
    unit, item = unit_of(tmp_path, *lines)
    assert unit["year"] == 2025 and "标题写2024年" in item.unsure and "按正文" in item.unsure
    figures = draft_of(tmp_path, *lines).params["figures"]
    assert figures["staff"]["authorized"]["value"] == 48
    assert str(figures["lines"]["total"]["final"]["value"]) == "3752.48"
    unit, item = unit_of(tmp_path, "松岭县水利局2025年度部门整体支出绩效自评报告", "评价年度：2024年", "一、基本情况")
    assert unit["year"] == 2025 and "评价年度写2024年" in item.unsure


def test_a_claimed_total_above_the_frameworks_hundred_is_claimed_not_dropped(tmp_path):
    draft = draft_of(tmp_path, "松岭县林业局2023年度部门整体支出绩效自评报告", "一、自评结论", "经评价，自评得分101分，等级为优。")
    assert draft.params["claims"]["total"] == 101  # the score then says no total can exceed 100


def test_a_claimed_total_in_chinese_numerals_after_a_scores_word(tmp_path):
    draft = draft_of(tmp_path, "松岭县林业局2023年度部门整体支出绩效自评报告", "一、自评结论", "经评价，自评得分九十一分，等级为优。")
    assert draft.params["claims"]["total"] == 91
