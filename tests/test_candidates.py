"""A drafted unit's findings that rest on what the report's reader inferred are candidates (待核实): questions for
the analyst who confirms the draft, counted apart, never an [错误] on its headline (issue 19, item 6)."""
from __future__ import annotations

import pytest

from perfeval import evaluate_file
from perfeval.checks import INFERRED_CHECKS
from perfeval.outputs.textsheet import render

from conftest import CHANGSHA, LIUYANG, YUNXI


def _drafted(d: dict) -> None:
    d["drafted_from"] = "云溪区机关事务服务中心2023年自评报告.docx"


def test_inferred_findings_on_a_drafted_unit_are_candidates_counted_apart(unit_copy):
    confirmed = evaluate_file(YUNXI)
    drafted = evaluate_file(unit_copy(YUNXI, _drafted))
    inferred = ("accounting_identities", "two_values", "recomputed_vs_claimed", "generous_scoring", "claimed_scores")
    candidates = [f for f in drafted.findings if f.candidate]
    assert candidates and all((f.kind in inferred or f.check in INFERRED_CHECKS) and f.severity_label == "待核实"
                              for f in candidates)
    # the claimed 96 against 96.96 recomputed from what the reader drafted, and the row the unit left blank
    # (预算执行率): on a drafted unit, a sentence or a cell the reader may have misread or missed
    assert [f.check for f in candidates if f.kind not in inferred] == ["claimed_total_mismatch",
                                                                        "claimed_total_omits_rows"]
    assert not any(f.candidate for f in confirmed.findings) and confirmed.candidates == 0
    assert drafted.candidates == len(candidates)
    # counted apart: the confirmed unit's counts lose exactly the candidates' severities
    for severity, n in confirmed.findings_by_severity.items():
        assert drafted.findings_by_severity[severity] == n - sum(f.severity == severity for f in candidates)
    # what the reader did not infer keeps its severity on a drafted unit too
    assert [f.severity_label for f in drafted.findings if not f.candidate] == \
        [f.severity_label for f in confirmed.findings if f.kind not in inferred and f.check not in INFERRED_CHECKS]


def test_the_score_sheet_puts_a_candidate_as_a_question(unit_copy):
    sheet = render(evaluate_file(unit_copy(YUNXI, _drafted)))
    lines = [line for line in sheet.splitlines() if line.startswith("[待核实]")]
    assert lines and all("请核对：" in line and line.rstrip().endswith("读错了？") for line in lines)
    assert not any(line.startswith("[错误] 勾稽关系") for line in sheet.splitlines())


def test_the_reports_suggestions_ask_to_check_candidates_and_never_correct_them(unit_copy):
    from perfeval.outputs.report.suggestions import suggestions

    confirmed = {s.topic: s.text for s in suggestions(evaluate_file(YUNXI))}
    drafted = {s.topic: s.text for s in suggestions(evaluate_file(unit_copy(YUNXI, _drafted)))}
    assert "two_values" in confirmed and "accounting_identities" in confirmed and "candidates" not in confirmed
    # the drafted unit's inferred relations are one question to check, not corrections stated as fact
    assert "two_values" not in drafted and "accounting_identities" not in drafted
    assert drafted["candidates"].startswith("对照报告原文核对列为待核实的")


def test_a_claimed_total_against_rows_the_reader_rebuilt_is_a_question(unit_copy):
    """A row the reader missed in a pasted 绩效自评表 made the claimed total "not the sum of the rows" an [错误] on
    the headline of a drafted report whose rows add up to its 总分 (trial 3 T42): the rows are the reader's."""
    def short_by_a_row(d: dict) -> None:
        d["claims"]["total"] = 90  # the rows the reader kept add up to less than the unit's 总分
        d["drafted_from"] = "report.txt"

    def confirmed_short(d: dict) -> None:
        d["claims"]["total"] = 90

    drafted = [f for f in evaluate_file(unit_copy(YUNXI, short_by_a_row)).findings
               if f.check == "claimed_total_not_sum_of_rows"]
    confirmed = [f for f in evaluate_file(unit_copy(YUNXI, confirmed_short)).findings
                 if f.check == "claimed_total_not_sum_of_rows"]
    assert len(drafted) == 1 and drafted[0].candidate and drafted[0].severity_label == "待核实"
    assert len(confirmed) == 1 and not confirmed[0].candidate


def test_a_claimed_grade_the_reader_took_is_a_question_on_a_draft(unit_copy):
    """Which sentence is the unit's claim (a project's 自评得分, last year's, a table's 合计 beside the text's) and which
    bands grade it are the reader's choices: a grade that does not match its score was an [错误] on the headline of
    drafted reports whose own claim was consistent (trial 6). Confirmed, the same mismatch is the unit's, an error."""
    def claims_a_grade_its_total_does_not_give(d: dict) -> None:
        d["claims"]["total"] = 70
        d["claims"]["grade"] = "优"

    def drafted_too(d: dict) -> None:
        claims_a_grade_its_total_does_not_give(d)
        d["drafted_from"] = "report.txt"

    grade_checks = ("claimed_grade_inconsistent", "claimed_grade_unsupported")
    confirmed = [f for f in evaluate_file(unit_copy(YUNXI, claims_a_grade_its_total_does_not_give)).findings
                 if f.check in grade_checks]
    drafted = [f for f in evaluate_file(unit_copy(YUNXI, drafted_too)).findings if f.check in grade_checks]
    assert confirmed and all(f.severity_label == "错误" and not f.candidate for f in confirmed)
    assert [f.check for f in drafted] == [f.check for f in confirmed]
    assert all(f.candidate and f.severity_label == "待核实" and f.severity == "error" for f in drafted)


def test_a_claimed_total_against_a_total_recomputed_from_the_readers_figures_is_a_question(unit_copy):
    """A drafted unit's recomputed total rests on every figure and table row the reader drafted and on which sentence
    it took for the unit's 总分: trial 6 saw [错误] 自评总分与重算不符 (92 claimed, 86.12 recomputed from a 自评表 the
    reader rebuilt) on a draft. Confirmed, the same gap is the unit's, checked at its materiality as before."""
    def claims_too_much(d: dict) -> None:
        d["claims"]["total"] = 99

    def drafted_too(d: dict) -> None:
        claims_too_much(d)
        d["drafted_from"] = "report.txt"

    def of(path) -> list:
        return [f for f in evaluate_file(path).findings if f.check == "claimed_total_mismatch"]

    confirmed, drafted = of(unit_copy(YUNXI, claims_too_much)), of(unit_copy(YUNXI, drafted_too))
    assert len(confirmed) == 1 and not confirmed[0].candidate and confirmed[0].severity_label == "错误"
    assert len(drafted) == 1 and drafted[0].candidate and drafted[0].severity_label == "待核实"
    sheet = render(evaluate_file(unit_copy(YUNXI, drafted_too)))
    assert any(line.startswith("[待核实]") and "请核对：单位自评总分 99 分" in line for line in sheet.splitlines())


@pytest.mark.parametrize("sample, check", [(CHANGSHA, "self_score_absent"), (LIUYANG, "claimed_total_unverifiable")])
def test_what_the_reader_did_not_find_in_a_drafted_report_is_a_question(unit_copy, sample, check):
    """The reader finding no 自评总分, or no 自评表 behind one, is not the report stating none (it misses wordings and
    layouts it does not know; trial 7: “其余 90 分无数据或无评分表” where it missed a 90-point table): on a draft the
    warning asks; on a confirmed unit (Changsha states no score, Liuyang 96 with no table) it stays a warning."""
    def of(path) -> list:
        return [f for f in evaluate_file(path).findings if f.check == check]

    confirmed, drafted = of(sample), of(unit_copy(sample, _drafted))
    assert len(confirmed) == 1 and not confirmed[0].candidate and confirmed[0].severity_label == "警示"
    assert len(drafted) == 1 and drafted[0].candidate and drafted[0].severity_label == "待核实"


def test_a_rows_score_against_its_target_and_actual_is_a_question_on_a_draft(unit_copy):
    """Full marks despite a shortfall, a score above or below its rules, a target equal to its actual: on a drafted
    unit each rests on the columns the reader took the 自评表's cells from (trial 7: a checked [错误] 未达目标仍给满分
    beside the same rows' total put as a question). Confirmed, the same rows are the unit's, checked as before."""
    row_checks = ("generous_scoring", "claimed_scores")
    confirmed = [f for f in evaluate_file(YUNXI).findings if f.kind in row_checks]
    drafted = [f for f in evaluate_file(unit_copy(YUNXI, _drafted)).findings if f.kind in row_checks]
    assert {f.check for f in confirmed} >= {"full_marks_for_cost_overrun", "claimed_above_band",
                                             "claimed_score_below_recomputed"}
    assert not any(f.candidate for f in confirmed)
    assert sorted(f.check for f in drafted) == sorted(f.check for f in confirmed)
    assert all(f.candidate and f.severity_label == "待核实" for f in drafted)
