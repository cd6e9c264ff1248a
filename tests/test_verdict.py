"""The verdict (issue 20): a grade only where the evidence carries it, vetoes in the range, claims judged at their precision."""
from __future__ import annotations

from perfeval import evaluate_file
from perfeval.core.engine import score_file

from conftest import CHANGSHA, LIUYANG


def test_an_unassessed_veto_item_can_zero_its_indicator_so_the_range_starts_below_the_points_earned(unit_copy):
    """Changsha earns 10 points, 4 of them in 资金使用合规性 whose ⑥ 重复申报/虚报冒领 is not assessed: the lowest
    possible total is 6, not 10 (Liuyang: 4, not 8). Once ⑥ is judged, the range starts at the points earned."""
    assert score_file(CHANGSHA).total_range == (6.0, 90.0)
    assert score_file(LIUYANG).total_range == (4.0, 100.0)
    assert score_file(CHANGSHA).row("fund_compliance").open_vetoes == ("不存在重复申报项目、虚报冒领资金",)

    def judged(d):
        d["judgements"]["fund_compliance"]["no_false_claims"] = {"cases": 0, "basis": "self_reported"}
    sheet = score_file(unit_copy(CHANGSHA, judged))
    assert sheet.row("fund_compliance").open_vetoes == ()
    assert sheet.total_range[0] == sheet.total == 11.0


def test_a_withheld_grade_has_no_total_on_100_anywhere():
    """Liuyang: 8 of 8 assessed points was shown as 100.0 on 100 in the JSON, the CSV, the workbook and the index."""
    result = evaluate_file(LIUYANG)
    assert result.grade is None and result.total_on_100 is None
    assert result.assessed_rate == 100.0  # the scaled figure, by its name: 已评指标得分率
    assert result.sensitivity and all(s.total_on_100 is None for s in result.sensitivity)


def test_a_claimed_total_outside_every_possible_total_at_its_own_precision_is_contradicted(unit_copy):
    """Issue 24 item 5: 100.001 where 4–100 is possible read 无法复核 (within the 0.005 allowed a claim of two
    decimals); a claim written to the thousandth is judged to the thousandth."""
    def claims(value):
        def alter(d):
            d["claims"]["total"] = value
        return alter
    assert score_file(unit_copy(LIUYANG, claims(100.001))).claim_status == "contradicted"
    assert score_file(unit_copy(LIUYANG, claims(100))).claim_status == "unverifiable"
    assert score_file(unit_copy(LIUYANG, claims(3.99))).claim_status == "contradicted"
