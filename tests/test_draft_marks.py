"""Where a value stands in the source a draft writes for it (`at`), and how the review page marks it."""
from __future__ import annotations

from perfeval.intake.report.mentions import MAX_CITE, Where
from perfeval.outputs.draft.entries import marked


def test_the_offset_follows_the_section_and_a_table_cells_row_and_column():
    prose = Where("二(一)", "支出合计75万元，已支出75万元。", 3)
    source, at = prose.cite_at("75万元", 12)
    assert source[at:].startswith("75万元。")
    cell = Where("附件1", "1802", 4, 1, row="三公经费", column="2022年预算数")
    source, at = cell.cite_at("1802", 0)
    assert source == "附件1 三公经费·2022年预算数：1802" and source[at:] == "1802"


def test_a_value_cut_off_a_long_sentence_has_no_offset():
    text = "前" * 10 + "合计5万元" + "后" * (2 * MAX_CITE) + "又5万元"
    where = Where("一", text, 0)
    assert where.cite_at("5万元", text.index("合计") + 2)[1] is not None
    assert where.cite_at("5万元", text.index("又5") + 1)[1] is None


def test_the_page_marks_the_quantity_at_the_offset_and_without_one_falls_back_to_the_first():
    source = "一 合计75万元，已于本年度支出75万元。"
    second = source.index("75万元。")
    assert marked(source, second, "75", "万元") == (second, second + len("75万元"))
    assert marked(source, None, "75", "万元") == (source.index("75"), source.index("75") + len("75万元"))
    assert marked(source, 3, "75", "万元") is None  # an offset where no quantity starts marks nothing
