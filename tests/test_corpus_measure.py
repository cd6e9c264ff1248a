"""The corpus measure (tests/corpus_measure.py) matches by place, and today's reader clears the one floor the issue
sets for every report: each development document drafts and scores. The measure's own rules are tested on
documents and drafts of our own, so they hold whatever reader is measured."""
from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from corpus_measure import (DocumentScore, framework_grade, judge_findings, kinded_spans, match_figures, match_rates,
                            measure_document, mention_offsets, miss_classes, non_figure_kind, truth_offset, truth_spans)
from corpus_truth import entries
from draft_truth import Score, match_repeated

from perfeval.core.quantity import Qualifier


def _mention(block: int, text: str, written: str, value: str, unit: str, start: int | None = None):
    start = text.index(written) if start is None else start
    quantity = SimpleNamespace(value=Decimal(value), unit=unit, qualifier=Qualifier.EXACT, text=written)
    where = SimpleNamespace(block=block, cell=None, text=text, section="")
    return SimpleNamespace(where=where, start=start, written=written, quantity=quantity, order=(block, 0, start))


LINES = ["2023 年决算数", "", "0", "在职实有32人,其中:财政全额保障32人。"]


def test_a_cell_is_found_on_its_own_line_not_inside_a_year():
    zero = _mention(1, "0", "0", "0", "")
    assert mention_offsets(LINES, [zero])[id(zero)] == truth_offset(LINES, {"line": 3, "written": "0"})


def test_a_cell_saved_with_a_bar_after_it_is_found_in_its_cell_not_inside_a_year():
    """A web table saved one cell a line with ` |` after each cell: the bar ends the cell as a line end would, and a
    number found nowhere aligned is never taken from inside a longer number (the 3 of 2023)."""
    lines = ["某中心2023年度“三公”经费支出决算", "项 目 |", "合 计 |", "3 |", "1.71 |"]
    three = _mention(1, "3", "3", "3", "")
    total = _mention(1, "1.71", "1.71", "1.71", "")
    offsets = mention_offsets(lines, [three, total])
    assert offsets[id(three)] == truth_offset(lines, {"line": 4, "written": "3"})
    assert offsets[id(total)] == truth_offset(lines, {"line": 5, "written": "1.71"})
    glued = _mention(1, "3", "3", "3", "")  # aligned nowhere: still not the 3 inside 2023
    prose = lines[:1] + ["合计3万元支出"]
    assert mention_offsets(prose, [glued])[id(glued)] == truth_offset(prose, {"line": 2, "written": "3"})


def test_the_same_phrase_twice_in_a_sentence_is_told_apart_by_its_place():
    sentence = LINES[3]
    first = _mention(2, sentence, "32人", "32", "人")
    second = _mention(2, sentence, "32人", "32", "人", start=sentence.index("32人", 8))
    truth = {"figures": [
        {"id": "f01", "line": 4, "written": "32人", "value": "32", "unit": "人"},
        {"id": "f02", "line": 4, "written": "32人", "occurrence": 2, "value": "32", "unit": "名"}]}
    found, score, extra, _ = match_figures(LINES, truth, SimpleNamespace(placed=[second, first]))
    assert found == {"f01": first, "f02": second} and extra == []
    assert (score.found, score.good, score.drafted) == (2, 2, 2)  # 名 and 人 are one unit


def test_a_figure_read_with_another_value_is_found_but_wrong_and_a_year_is_extra():
    year = _mention(0, "2023 年决算数", "2023", "2023", "")
    wrong = _mention(2, LINES[3], "32人", "3.2", "人")
    truth = {"figures": [{"id": "f01", "line": 4, "written": "32人", "value": "32", "unit": "人"}]}
    _, score, extra, offsets = match_figures(LINES, truth, SimpleNamespace(placed=[year, wrong]))
    assert (score.found, score.good, score.drafted) == (0, 0, 2) and extra == [year]
    spans = truth_spans(LINES, [{"line": 1, "written": "2023 年"}])
    assert any(a <= offsets[id(year)] < b for a, b in spans)


def test_a_count_in_words_is_counted_neither_way_but_still_anchors_its_identities():
    lines = ["下设三个科室,另有事业单位2个。"]
    three = _mention(0, lines[0], "三个", "3", "个")
    two = _mention(0, lines[0], "2个", "2", "个")
    truth = {"figures": [{"id": "f01", "line": 1, "written": "三个", "value": "3", "unit": "个"}]}
    found, score, extra, _ = match_figures(lines, truth, SimpleNamespace(placed=[three, two]))
    assert found == {"f01": three} and extra == [two]
    assert (score.truth, score.found, score.drafted, score.good) == (0, 0, 1, 0)
    assert score.wrong == ["not in truth: 2个 | 下设三个科室,另有事业单位2个。"]
    _, unlisted, _, _ = match_figures(lines, {"figures": []}, SimpleNamespace(placed=[three]))
    assert (unlisted.drafted, unlisted.wrong) == (0, [])  # a reader that reads words is not charged where no truth lists them


def _finding(severity: str, *values: float, candidate: bool = False, sourced: bool = True):
    return SimpleNamespace(severity=severity, check="x", message="m", candidate=candidate,
                           evidence=tuple(SimpleNamespace(value=v, source="某句" if sourced else None) for v in values))


def test_an_error_on_no_inconsistency_is_an_error_on_a_correct_statement():
    truth = {"figures": [{"id": "a", "value": "66"}, {"id": "b", "value": "12"}, {"id": "c", "value": "3"}],
             "inconsistencies": [{"figures": ["a", "b"]}], "correct": [{"figures": ["b", "c"]}]}
    result = DocumentScore("x", inconsistencies=1)
    judge_findings(result, truth, [_finding("warning", 66, 12), _finding("error", 12, 3), _finding("error", 7, 4)])
    assert (result.inconsistencies, result.inconsistencies_found, result.errors) == (1, 1, 2)
    assert result.inconsistencies_missed == []
    assert len(result.errors_on_correct) == 2 and result.errors_on_correct[0].startswith("(listed correct)")


def test_a_candidate_is_counted_apart_from_the_checked_errors_whatever_its_severity():
    truth = {"figures": [{"id": "a", "value": "66"}, {"id": "b", "value": "12"}, {"id": "c", "value": "3"}],
             "inconsistencies": [{"figures": ["a", "b"]}], "correct": [{"figures": ["b", "c"]}]}
    result = DocumentScore("x", inconsistencies=1)
    judge_findings(result, truth, [_finding("warning", 66, 12, candidate=True), _finding("error", 12, 3, candidate=True),
                                   _finding("info", 7, 4, candidate=True), _finding("error", 7, 4)])
    assert result.inconsistencies_found == 1  # a question on an inconsistency finds it
    assert (result.errors, result.errors_on_correct) == (1, ["x: m"])
    assert result.candidates == 3
    assert result.candidates_on_correct == ["[error] (listed correct) x: m", "[info] x: m"]


def test_a_finding_that_cites_no_figure_stands_on_no_statement_and_is_listed_apart():
    """未给出自评总分 says what the report does not state (citing only the framework's points, which no sentence of the
    document holds, even when the document happens to state the same number): no statement holds or fails under it,
    so it is neither a finding on a correct statement nor one on an inconsistency — it is listed on its own; a finding
    citing a figure the document states, even one read wrongly, stands on that statement."""
    truth = {"figures": [{"id": "a", "value": "66"}, {"id": "b", "value": "12"}],
             "inconsistencies": [], "correct": [{"figures": ["a", "b"]}]}
    result = DocumentScore("x")
    judge_findings(result, truth, [_finding("warning", 66, candidate=True, sourced=False), _finding("error"),
                                   _finding("info", 66, 12, candidate=True), _finding("error", 125, 13)])
    assert (result.candidates, result.errors) == (2, 2)
    assert result.errors_on_correct == ["x: m"]  # a value the reader read (wrongly) is a statement it stood on
    assert result.on_nothing_stated == ["[candidate] x", "[error] x"]
    assert result.candidates_on_correct == ["[info] (listed correct) x: m"]


def test_a_non_figure_is_counted_by_the_kind_the_truth_describes():
    assert non_figure_kind("文号 with the year masked") == "文号"
    assert non_figure_kind("page number in the contents (split by PDF spaces)") == "contents list or its page numbers"
    assert non_figure_kind("year in the contents") == "contents list or its page numbers"
    assert non_figure_kind("date of publication") == "date" and non_figure_kind("masked year") == "year"
    assert non_figure_kind("numbering of the phone numbers") == "phone number or hotline"
    assert non_figure_kind("budget code (预算编码)") == "code or registration number"
    assert non_figure_kind("item number of the scoring rule") == "scoring rule or formula"
    assert non_figure_kind("row number") == "section, item, row or target number"
    assert non_figure_kind("a display's pixel pitch (product designation)") == "other"
    lines = ["附件1:2023年度自评表", "一、概况……3"]
    spans = kinded_spans(lines, [{"line": 1, "written": "附件1", "what": "attachment number"},
                                 {"line": 2, "written": "3", "what": "page number in the contents"}])
    assert [k for _, _, k in spans] == ["attachment number", "contents list or its page numbers"]
    assert truth_spans(lines, [{"line": 1, "written": "2023年度", "what": "year"}]) == [(4, 10)]


def test_every_development_document_drafts_and_scores():
    for entry in entries("dev"):
        assert measure_document(entry).failure is None, entry["id"]


def test_a_quantity_read_in_another_unit_of_the_table_is_the_same_quantity():
    lines = ["维修费用为25万余元。"]
    read = _mention(0, lines[0], "25万余元", "250000", "元")
    read.quantity.qualifier = Qualifier.OVER
    truth = {"figures": [{"id": "f01", "line": 1, "written": "25万余元", "value": "25", "unit": "万元",
                          "qualifier": "over"}]}
    _, score, _, _ = match_figures(lines, truth, SimpleNamespace(placed=[read]))
    assert score.good == 1


def test_a_unit_written_in_traditional_characters_is_the_unit_in_simplified_ones():
    lines = ["支出數為22738.55萬元,預算單位3277個。"]
    money = _mention(0, lines[0], "22738.55萬元", "22738.55", "万元")  # the reader reads the script as simplified
    units = _mention(0, lines[0], "3277個", "3277", "个")
    truth = {"figures": [{"id": "f01", "line": 1, "written": "22738.55萬元", "value": "22738.55", "unit": "萬元"},
                         {"id": "f02", "line": 1, "written": "3277個", "value": "3277", "unit": "個"}]}
    _, score, _, _ = match_figures(lines, truth, SimpleNamespace(placed=[money, units]))
    assert score.good == 2
    in_yuan = _mention(0, lines[0], "22738.55萬元", "227385500", "元")  # converted across the units table too
    _, score, _, _ = match_figures(lines, {"figures": truth["figures"][:1]}, SimpleNamespace(placed=[in_yuan]))
    assert score.good == 1


def test_a_grade_written_long_is_the_framework_grade_it_names():
    assert framework_grade("优秀") == framework_grade("优") == "优"
    assert framework_grade(" 良 好") == "良" and framework_grade("中等") == "中" and framework_grade("较差") == "差"
    assert framework_grade("良好") != framework_grade("优秀")
    assert framework_grade("合格") == "合格"  # no grade of the framework: the word itself, never a guess


def test_a_leading_wan_is_a_number_word_whatever_the_unit():
    lines = ["剩余115万页民国档案,服务读者10万。"]
    pages = _mention(0, lines[0], "115万页", "1150000", "页")
    readers = _mention(0, lines[0], "10万", "100000", "")
    truth = {"figures": [{"id": "f01", "line": 1, "written": "115万页", "value": "115", "unit": "万页"},
                         {"id": "f02", "line": 1, "written": "10万", "value": "10", "unit": "万"}]}
    _, score, _, _ = match_figures(lines, truth, SimpleNamespace(placed=[pages, readers]))
    assert score.good == 2
    wrong = _mention(0, lines[0], "115万页", "115", "页")  # the multiplier lost: not the same quantity
    _, score, _, _ = match_figures(lines, {"figures": truth["figures"][:1]}, SimpleNamespace(placed=[wrong]))
    assert score.good == 0


def test_a_change_explained_as_its_difference_over_the_old_value_is_the_change():
    old, new, diff, rate = (SimpleNamespace(written=w, where=SimpleNamespace(text=w)) for w in "abcd")
    found = {"old": old, "new": new, "diff": diff, "rate": rate}
    truth = {"rates": [{"figure": "rate", "explained_by": "change", "new": "new", "old": "old", "difference": "diff",
                        "holds": True}]}

    def judged(kind, num, den):
        reading = SimpleNamespace(kind=kind, numerator=num, denominator=den)
        draft = SimpleNamespace(rates=[SimpleNamespace(rate=rate, status="explained", reading=reading)], sections=[])
        return match_rates(truth, draft, found).good

    assert judged("share", diff, old) == 1
    assert judged("change", new, old) == 1
    assert judged("share", new, old) == 0  # new over old is not the change


def test_a_repeat_is_matched_by_the_figures_it_joins_whatever_shape_joins_them():
    """The repeated-figure measure pairs by the figures matched by place: a table row's cell restated in prose counts
    as found and right; a drafted pair of a target and its (equal) result is a pair the truth does not hold."""
    cell, prose, target, result = (SimpleNamespace(written=w, label="") for w in ("52", "52人", "1.5万亩", "1.5万亩"))
    found = {"t01": cell, "f01": prose, "g01": target, "g02": result}
    truth = {"repeated": [{"figures": ["t01", "f01"], "label": "编制数"}]}
    draft = SimpleNamespace(catalogue={}, repeats=[], restated={"row:编制数": [cell, prose]}, same_claim=[],
                            pairs=[(cell, prose), (target, result)])
    score = match_repeated(truth, draft, found)
    assert (score.truth, score.found, score.drafted, score.good) == (1, 1, 2, 1)
    assert len(score.wrong) == 1 and "1.5万亩 / 1.5万亩" in score.wrong[0]


def test_misses_are_passed_on_as_classes_named_by_the_truth_never_by_a_sentence():
    """A frozen document's misses reach the other engineers as classes — where the figures stand (a table's cells or
    prose), the document's kind, the identity's or rate's kind, how the reader judged it — and counts: no class
    carries the document's words, so the classes can be passed on without a sentence of the frozen half."""
    truth = {
        "identity": {"name": "某某局", "name_where": {"line": 1, "written": "某某局"}, "year": 2023,
                     "year_basis": "the text (某某2023年度)"},
        "figures": [{"id": "t01", "table": True, "row": 1, "column": "预算数"},
                    {"id": "t02", "table": True, "row": 2, "column": "预算数"}, {"id": "f01", "line": 3},
                    {"id": "f02", "line": 4}],
        "identities": [{"id": "i01", "total": "t01", "parts": ["t02"], "kind": "sum"},
                       {"id": "i02", "total": "f01", "parts": ["f02"], "kind": "part_of", "nested_in": "i01"}],
        "rates": [{"figure": "f02", "explained_by": "share", "numerator": "f01", "denominator": "t01"}],
        "repeated": [{"figures": ["t01", "f01"], "label": "某某收入"}],
    }
    result = DocumentScore("c1")
    result.scores = {
        "figures": Score(missed=["t02 12 (line 3, 秘密的标签)"], wrong=["f01 read 5 exact, truth 5万元 exact",
                                                                  "not in truth: 7 | 一句不可外传的话"]),
        "rates": Score(wrong=["f02 judged unexplained , truth share", "not a rate of the truth: 95% | 某句"]),
        "identities": Score(missed=["i01 t01 = ['t02']", "i02 f01 = ['f02'] (figures not read)"],
                            wrong=["not in truth: 9万元 ⟵ ['4万元']"]),
        "repeated": Score(missed=["某某收入 ['t01', 'f01']"], wrong=["not in truth: 3 / 3 (甲 | 乙)"]),
    }
    result.name_right, result.year_right, result.name_read, result.year_read = False, False, "", 2022
    result.candidates_on_correct = ["[error] (listed correct) declared_identity_broken: 某某 9 …"]
    result.inconsistencies_missed, result.claims_missed = [("sum", "某某 9 ≠ 4 + 4")], ["grade read otherwise"]
    result.non_figure_kinds["year"] += 2
    classes = miss_classes({"document": "自评报告"}, truth, result)
    assert classes["figures missed: table cells, 自评报告"] == 1
    assert classes["figures read wrong (value, unit or qualifier): prose, 自评报告"] == 1
    assert classes["figures drafted that the truth does not list"] == 1
    assert classes["rates wrong: share judged unexplained, table cells and prose"] == 1
    assert classes["rates drafted that the truth does not list"] == 1
    assert classes["identities missed: sum, table cells, one column, 自评报告"] == 1
    assert classes["identities missed: part_of nested, prose, across lines, 自评报告"] == 1
    assert classes["identities drafted that the truth does not hold"] == 1
    assert classes["repeated missed: table cells and prose, 2 statements"] == 1
    assert classes["repeated drafted wrong: equal values of different figures"] == 1
    assert classes["name on the first line, read none: 自评报告"] == 1
    assert classes["year from the text, read another: 自评报告"] == 1
    assert classes["candidates on a correct statement: declared_identity_broken [error]"] == 1
    assert classes["inconsistencies missed: sum, 自评报告"] == 1
    assert classes["claimed grade read otherwise: 自评报告"] == 1
    assert classes["non-figures drafted as figures: year, 自评报告"] == 2
    words = " ".join(classes)
    assert not any(secret in words for secret in ("秘密", "不可外传", "某某", "某句", "甲"))
