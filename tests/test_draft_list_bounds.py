"""A 其中 list that adds up in no reading is asked about on the parts the report listed under it (trial 7 X1): the
parts of its first ；-part, never a figure of the next ；-part, which states a new subject. Sentences written here."""
from __future__ import annotations

from pathlib import Path

from perfeval.checks import run_checks
from perfeval.core.engine import load_unit
from perfeval.outputs.draft import draft_report, write_draft


def _draft(tmp_path: Path, sentence: str):
    path = tmp_path / "report.txt"
    path.write_text(f"青河县水务局2024年度部门整体支出绩效自评报告\n一、部门基本情况\n{sentence}\n", encoding="utf-8")
    return draft_report(path)


def test_a_list_that_does_not_add_up_is_held_to_the_parts_under_its_opener(tmp_path):
    draft = _draft(tmp_path, "核定编制46名，其中行政编制18名、事业编制30名；年末实有在职人员43人，退休人员20人。")
    listed = [(lst.whole.written, [p.written for p in lst.parts]) for lst in draft.lists if lst.whole.written == "46名"]
    assert listed == [("46名", ["18名", "30名"])]
    broken = [f for f in run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))
              if f.check == "declared_identity_broken"]
    assert len(broken) == 1 and broken[0].candidate and "48" in broken[0].message and "43" not in broken[0].message


def test_a_nested_list_that_adds_up_keeps_its_reading(tmp_path):
    draft = _draft(tmp_path, "实有人数50人，其中：在职人数28人，行政人员10人，事业人员18人；退休人员20人；遗属人员2人。")
    listed = sorted((lst.whole.written, [p.written for p in lst.parts]) for lst in draft.lists)
    assert listed == [("28人", ["10人", "18人"]), ("50人", ["28人", "20人", "2人"])]


def test_a_bracket_of_named_parts_breaks_its_total_down_whether_or_not_they_add_up(tmp_path):
    draft = _draft(tmp_path, "本年支出合计612.40万元，其中：基本支出520.00万元，项目支出92.40万元（水资源监测经费55.00万元，"
                             "河道巡查经费38.40万元）。")
    items = draft.params["figures"]["project_items"]
    assert [(i["name"], str(i["amount"]["value"])) for i in items] == [("水资源监测经费", "55.00"), ("河道巡查经费", "38.40")]
    asked = [f for f in run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml"))) if "93.40" in f.message]
    assert len(asked) == 1 and asked[0].candidate


def test_a_bracket_that_compares_is_an_aside(tmp_path):
    draft = _draft(tmp_path, "本年项目支出92.40万元（较上年增加12.00万元，上年为80.40万元），主要用于水资源监测。")
    assert not [lst for lst in draft.lists if lst.whole.written == "92.40万元"]


def test_a_sum_of_money_written_in_words_is_a_total_while_a_count_of_kinds_is_none(tmp_path):
    draft = _draft(tmp_path, "本年收入合计一千二百五十点五万元，其中：财政拨款收入1,200.00万元，其他收入50.50万元。"
                             "局机关内设三个股室，其中办公室4人、水政股3人、工程股5人。")
    listed = [(lst.whole.written, [p.written for p in lst.parts]) for lst in draft.lists]
    assert ("一千二百五十点五万元", ["1,200.00万元", "50.50万元"]) in listed
    assert not [w for w, _ in listed if w.startswith("三")]


def test_figures_whose_shares_name_one_figure_are_its_parts_when_they_make_it_up(tmp_path):
    lines = ["1. 基本支出预算 1530000.00 元，占一般公共预算支出的85.00%。", "人员经费预算 1224000.00 元，占基本支出预算",
             "80.00%，同比增加 12000.00 元。", "公用经费预算 306000.00 元，占基本支出预算", "20.00%，同比减少 6000.00 元。"]
    draft = _draft(tmp_path, "\n".join(lines))
    listed = [(lst.whole.written, [p.written for p in lst.parts], lst.complete) for lst in draft.lists]
    assert ("1530000.00 元", ["1224000.00 元", "306000.00 元"], True) in listed
    short = _draft(tmp_path, "\n".join(lines[:3]))  # one part named by its share: no list
    assert not [lst for lst in short.lists if lst.whole.written == "1530000.00 元"]


def test_a_list_opened_under_words_naming_a_figure_is_that_figures_not_the_last_ones_before(tmp_path):
    draft = _draft(tmp_path, "本年支出合计1,520.00万元，其中基本支出820.00万元，项目支出700.00万元。基本支出中人员经费700.00万元，"
                             "公用经费120.00万元。\n项目支出主要用于：水库除险加固400.00万元，河道清淤300.00万元。")
    listed = [(lst.whole.written, [p.written for p in lst.parts]) for lst in draft.lists]
    assert ("700.00万元", ["400.00万元", "300.00万元"]) in listed
    assert not [w for w, _ in listed if w == "120.00万元"]
    assert [i["name"] for i in draft.params["figures"]["project_items"]] == ["水库除险加固", "河道清淤"]


def test_a_qualified_total_its_parts_exceed_is_exceeded_by_what_its_words_allow(tmp_path):
    """X40: 1400余万元 allows 1,400–1,500; parts of 1,580.00 are 80.00 over it, not 180.00."""
    draft = _draft(tmp_path, "本年支出合计1400余万元，其中：水利工程支出820.00万元，防汛抗旱支出760.00万元。")
    broken = [f for f in run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))
              if f.check == "declared_identity_broken"]
    assert len(broken) == 1 and "多 80.00万元" in broken[0].message, broken[0].message


def test_a_bracket_saying_what_a_total_includes_leaves_its_breakdown_whole(tmp_path):
    """X50: （含上年结转资金支出…） is an aside of the total; the 其中 after it still breaks the total down."""
    draft = _draft(tmp_path, "本年支出合计1,250.00万元（含上年结转资金支出80.00万元），其中：基本支出700.00万元，项目支出550.00万元。")
    listed = [(lst.whole.written, [p.written for p in lst.parts], lst.complete) for lst in draft.lists]
    assert ("1,250.00万元", ["700.00万元", "550.00万元"], True) in listed
