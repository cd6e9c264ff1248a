"""What a new user's trial of altered samples found: the most a rescaled row allows by its own rule, a missed target
without a reason kept at its severity beside its row's score finding, and the consequences printed by `score`."""
from __future__ import annotations

from perfeval.checks import run_checks
from perfeval.core.sensitivity import sensitivity
from perfeval.outputs.textsheet import render
from perfeval.result import unit_result

from conftest import YUNXI
from test_checks_altered import row, sheet_of


def _findings(*alters):
    return run_checks(sheet_of(YUNXI, *alters))


def test_the_most_a_rescaled_row_allows_is_its_rule_on_the_printed_weight():
    # 效益 is headed 30 but its rows add up to 40: each row is scored on weight × 30/40. 15 of 30 家 on a 5-point
    # row allows 5 × 15/30 = 2.50, not the rounded rescaled 1.88 scaled back (2.51).
    findings = _findings(row("frugal_agencies", actual={"value": 15, "unit": "家"}, elsewhere=[]))
    generous = next(f for f in findings if f.check == "full_marks_for_shortfall" and f.indicator == "frugal_agencies")
    assert generous.value_of("allowed") == 2.5
    assert "最多应得 2.5 分" in generous.message
    findings = _findings(row("frugal_agencies", actual={"value": 29, "unit": "家"}, elsewhere=[]))
    generous = next(f for f in findings if f.check == "full_marks_for_shortfall" and f.indicator == "frugal_agencies")
    assert generous.value_of("allowed") == 4.83  # 5 × 29/30 = 4.8333…, not 3.63 × 4/3 = 4.84


def test_a_missed_target_without_a_reason_keeps_its_severity_beside_its_rows_score_finding():
    findings = _findings(row("service_satisfaction", deviation_note=None))
    head = next(f for f in findings if f.indicator == "service_satisfaction")
    assert head.check == "claimed_score_below_recomputed"  # claimed 8, the rule gives 9.8: a 提示 on its own
    assert head.severity == "warning"  # 98 against ≥100 with no reason is a 警示, said with it
    assert any("未达到目标，报告未说明偏差原因" in c for c in head.consequences)
    with_reason = next(f for f in _findings() if f.indicator == "service_satisfaction")
    assert with_reason.severity == "info" and not with_reason.consequences


def test_score_prints_what_each_cause_also_explains():
    unit = sheet_of(YUNXI, row("frugal_agencies", actual={"value": 29, "unit": "家"}, elsewhere=[]))
    text = render(unit_result(unit, run_checks(unit), sensitivity(unit)))
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "评分从宽" in line and "节约型机关创建" in line)
    assert lines[at + 1].startswith("    由此导致：") and "未达到目标，报告未说明偏差原因" in lines[at + 1]
