"""One quantity restated anywhere in a report is one figure stated twice, however it is named (issue 19 item 4): a
table of one row of values under a header of names, restated in the prose; a list item's enumerator (1. 基本支出…)
that numbers the item, not the thing; a small sum under one name in two sections. Sentences written for these tests."""
from __future__ import annotations

from pathlib import Path

from perfeval.outputs.draft import draft_report

TITLE = "临川县林业局2024年度“三公”经费预算情况说明"


def _draft(tmp_path: Path, *lines: str):
    path = tmp_path / "report.txt"
    path.write_text("\n".join([TITLE, *lines]) + "\n", encoding="utf-8")
    return draft_report(path)


def _one_figure(draft, *written: str) -> bool:
    """Do the draft's catalogue, repeats or row restatements make the statements written so one figure?"""
    groups = [list(ms) for ms in draft.catalogue.values()] + [list(g) for g in draft.repeats]
    return any(sorted(m.written for m in group if m.written in written) == sorted(written) for group in groups)


HEADER = ["“三公”经费合计", "因公出国(境)费", "公务用车运行维护费", "公务接待费"]


def test_a_row_of_values_under_a_header_of_names_is_restated_by_the_prose(tmp_path):
    for table in (["\t".join(HEADER), "\t".join(["36", "0", "30", "6"])],  # pasted with tabs
                  [*(f"{c} |" for c in HEADER), *(f"{v} |" for v in ("36", "0", "30", "6"))]):  # one cell per line
        draft = _draft(tmp_path, "一、2024年“三公”经费支出预算表", "单位：万元", *table,
                       "二、情况说明", "本局2024年“三公”经费支出预算为36万元，比上年减少2万元。",
                       "其中：公务接待费支出预算6万元，公务用车运行维护费支出预算30万元。")
        assert _one_figure(draft, "6", "6万元") and _one_figure(draft, "30", "30万元")
        assert _one_figure(draft, "36", "36万元")


def test_a_list_items_number_is_no_number_of_the_figure(tmp_path):
    draft = _draft(tmp_path, "一、支出预算", "1. 基本支出预算 1862405.30 元，占支出预算的81.2%。",
                   "二、一般公共预算支出", "2024年本年一般公共预算基本支出预算1862405.30元。")
    assert _one_figure(draft, "1862405.30 元", "1862405.30元")


def test_a_small_sum_under_one_name_in_two_sections_is_one_figure_and_other_names_stay_apart(tmp_path):
    draft = _draft(tmp_path, "一、总体情况", "本局公务接待费支出预算4万元，因公出国(境)费支出预算0万元。",
                   "二、具体情况", "（二）公务接待费支出预算4万元，比上年减少1万元。", "（三）会议费支出预算4万元。")
    assert _one_figure(draft, "4万元", "4万元")
    assert not any(len([m for m in group if m.written == "4万元"]) == 3 for group in draft.repeats)  # 会议费 apart
