"""The budget a spend or a rate is judged against, on sentences written for these tests: the year's whole budget as
stated or as 年初 + 追加 − 调减 lets it be known — never the opening part alone —, and what rests on a sum the reader
made is a question (待核实), never a checked finding (trial 4 U28)."""
from __future__ import annotations

from pathlib import Path

from perfeval.checks import run_checks
from perfeval.core.engine import load_unit
from perfeval.core.figures import ASSEMBLED_NOTE
from perfeval.intake.report import draft_report
from perfeval.outputs.draft import write_draft

TITLE = "柳塘县水务局2024年度部门整体支出绩效自评报告"
SPENT = "2024年部门整体支出1,836.40万元，其中：基本支出702.10万元，项目支出1,134.30万元。"


def drafted(tmp_path: Path, *lines: str):
    report = tmp_path / "report.txt"
    report.write_text("\n".join((TITLE, "一、预算执行", *lines)) + "\n", encoding="utf-8")
    draft = draft_report(report)
    return draft, run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))


def _of(findings, check: str):
    return [f for f in findings if f.check == check]


def test_a_lines_opening_budget_and_its_addition_make_its_budget_and_the_addition_is_no_department_addition(tmp_path):
    draft, findings = drafted(tmp_path, SPENT, "全年公务接待费年初预算4.00万元，年中追加2.50万元，实际支出5.80万元。")
    budget = draft.params["figures"]["lines"]["sangong_reception"]["budget"]
    assert str(budget["value"]) == "6.50" and budget["note"].startswith(ASSEMBLED_NOTE)
    assert "additions" not in draft.params["figures"].get("budget", {})  # the line's 追加, not the department's
    assert {s["label"] for s in draft.params["stated"]} >= {"公务接待费年初预算", "年中追加"}
    assert not _of(findings, "final_above_budget")  # 5.80 within 4.00 + 2.50: nothing judged against 4.00


def test_a_spend_above_the_budget_the_reader_added_up_is_a_question_not_a_checked_warning(tmp_path):
    _, findings = drafted(tmp_path, SPENT, "全年公务接待费年初预算4.00万元，年中追加1.00万元，实际支出5.80万元。")
    over = _of(findings, "final_above_budget")
    assert len(over) == 1 and over[0].candidate and over[0].value_of("limit") == 5.0
    _, cut = drafted(tmp_path, SPENT, "全年公务接待费年初预算7.00万元，年中调减1.50万元，实际支出5.80万元。")
    over = _of(cut, "final_above_budget")
    assert len(over) == 1 and over[0].candidate and over[0].value_of("limit") == 5.5


def test_a_lines_whole_budget_stated_after_its_opening_part_is_its_budget_and_a_stated_budget_is_checked(tmp_path):
    draft, findings = drafted(tmp_path, SPENT, "全年公务接待费年初预算4.00万元，调整后预算6.50万元，实际支出5.80万元。")
    budget = draft.params["figures"]["lines"]["sangong_reception"]["budget"]
    assert str(budget["value"]) == "6.50" and "note" not in budget
    assert "adjusted" not in draft.params["figures"].get("budget", {})  # the line's whole, not the department's
    assert not _of(findings, "final_above_budget")
    _, plain = drafted(tmp_path, SPENT, "全年公务接待费预算4.00万元，实际支出5.80万元。")
    over = _of(plain, "final_above_budget")
    assert len(over) == 1 and not over[0].candidate  # a budget the report states is no inference


def test_a_lines_control_rate_divides_by_its_budget_after_the_addition(tmp_path):
    draft, findings = drafted(tmp_path, SPENT, "“三公”经费年初预算20.00万元，年中追加5.00万元，实际支出21.00万元，预算控制率84%。")
    assert str(draft.params["figures"]["lines"]["sangong"]["budget"]["value"]) == "25.00"
    assert not [f for f in findings if f.kind in ("recomputed_vs_claimed", "overspending")]


def test_execution_is_judged_against_the_opening_budget_plus_the_addition_when_no_whole_budget_is_stated(tmp_path):
    line = "年初部门预算1,800.00万元，年中追加预算120.00万元，全年实际执行1,836.40万元，预算执行率{}%。"
    draft, findings = drafted(tmp_path, SPENT, line.format("95.65"))  # 1836.40 ÷ 1920
    adjusted = draft.params["figures"]["budget"]["adjusted"]
    assert str(adjusted["value"]) == "1920.00" and adjusted["note"].startswith(ASSEMBLED_NOTE)
    ratio = draft.params["claims"]["ratios"][0]
    assert (ratio["denominator"], str(ratio["value"])) == ("budget.adjusted", "95.65")
    assert not [f for f in findings if f.kind == "recomputed_vs_claimed"]
    _, wrong = drafted(tmp_path, SPENT, line.format("102.02"))  # 1836.40 ÷ 1800: against the opening part
    questioned = [f for f in wrong if f.kind == "recomputed_vs_claimed"]
    assert len(questioned) == 1 and questioned[0].candidate and "95.65" in questioned[0].message


def test_execution_above_the_budget_the_reader_added_up_is_a_question(tmp_path):
    _, findings = drafted(tmp_path, SPENT, "年初部门预算1,700.00万元，年中追加预算100.00万元，全年实际执行1,836.40万元。")
    over = _of(findings, "execution_above_budget")
    assert len(over) == 1 and over[0].candidate and over[0].value_of("limit") == 1800.0


def test_a_rate_whose_words_name_the_opening_budget_divides_by_it(tmp_path):
    draft, _ = drafted(tmp_path, SPENT, "年初部门预算1,800.00万元，年中追加预算120.00万元，全年实际执行1,836.40万元，"
                                        "为年初预算的102.02%。")
    ratio = draft.params["claims"]["ratios"][0]
    assert (ratio["denominator"], str(ratio["value"])) == ("budget.start_of_year", "102.02")


def test_a_rate_of_execution_not_named_as_the_frameworks_divides_by_the_whole_budget_the_parts_make(tmp_path):
    line = "年初部门预算1,800.00万元，年中追加预算120.00万元，资金执行1,836.40万元，执行率{}%。"
    draft, findings = drafted(tmp_path, SPENT, line.format("95.65"))
    assert draft.params["claims"]["ratios"][0]["denominator"] == "budget.adjusted"  # what was done under any words
    _, wrong = drafted(tmp_path, SPENT, line.format("102.02"))
    assert [f.candidate for f in wrong if f.kind == "recomputed_vs_claimed"] == [True]
    draft, findings = drafted(tmp_path, SPENT, "年初部门预算1,800.00万元，年中追加预算120.00万元，全年实际执行1,836.40万元，执行率95.65%。")
    ratio = draft.params["claims"]["ratios"][0]
    assert (ratio["numerator"], ratio["denominator"], str(ratio["value"])) == (
        "budget.executed", "budget.adjusted", "95.65")
    assert not [f for f in findings if f.kind == "recomputed_vs_claimed"]


def test_a_lines_opening_budget_is_no_budget_to_judge_its_spending_by_when_the_departments_budget_was_adjusted(
        tmp_path):
    draft, findings = drafted(tmp_path, "2024年年初预算1,800.00万元，其中基本支出700.00万元，项目支出1,100.00万元，"
                                        "年中追加预算120.00万元，全年预算数（调整后）1,920.00万元。", SPENT)
    assert "budget" not in draft.params["figures"]["lines"]["basic"]  # 700.00 is the opening part of an adjusted whole
    assert not _of(findings, "final_above_budget")
    identity = draft.params["claims"]["identities"][0]  # the opening budget's breakdown ends where its adjustment begins
    assert (identity["whole"], len(identity["parts"]), identity["relation"]) == ("budget.start_of_year", 2, "=")
    assert not [f for f in findings if f.kind == "accounting_identities"]
    draft, findings = drafted(tmp_path, "2024年年初预算1,800.00万元，其中基本支出700.00万元，项目支出1,100.00万元。", SPENT)
    assert str(draft.params["figures"]["lines"]["basic"]["budget"]["value"]) == "700.00"  # no adjustment: the budget
    assert len(_of(findings, "final_above_budget")) == 2


def test_an_execution_rate_with_no_amount_executed_stated_divides_the_years_spending_by_the_whole_budget(tmp_path):
    line = "全年预算数（调整后）1,900.00万元。"
    draft, findings = drafted(tmp_path, line, SPENT, "预算执行率96.65%。")
    ratio = draft.params["claims"]["ratios"][0]
    assert (ratio["numerator"], ratio["denominator"]) == ("lines.total.final", "budget.adjusted")
    assert not [f for f in findings if f.kind == "recomputed_vs_claimed"]
    _, wrong = drafted(tmp_path, line, SPENT, "预算执行率97.65%。")
    assert [f.candidate for f in wrong if f.kind == "recomputed_vs_claimed"] == [True]
