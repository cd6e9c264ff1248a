"""A catalogue identity (总数 = 其分项之和) is judged against the range each figure's words allow (3700余, 约3700,
3760万元以上), as claims and declared identities are; a message that does find it broken keeps the words."""
from __future__ import annotations

import pytest
from test_checks_altered import put, sheet_of

from perfeval import run_checks

from conftest import LIUYANG

PARTS = 3752.47  # Liuyang's 基本支出 + 项目支出


def _once(data) -> None:
    data["claims"]["statements"] = []


def identity_findings(*alters):
    return [f for f in run_checks(sheet_of(LIUYANG, _once, *alters))
            if f.check in ("identity_broken", "items_exceed_whole") and "总支出" in f.message]


def total(value: float, qualifier: str | None = None, **more: object):
    return put("figures.lines.total.final", {"value": value, **({"qualifier": qualifier} if qualifier else {}),
                                             "source": "报告", **more})


@pytest.mark.parametrize("value, qualifier", [(3700, "over"), (3700, "about"), (3750, "at_least"), (3750, "above"),
                                              (3800, "at_most"), (3800, "below"), (3752.47, None), (3752.465, None)])
def test_a_total_whose_words_allow_the_sum_of_its_parts_holds(value, qualifier):
    assert identity_findings(total(value, qualifier)) == []


@pytest.mark.parametrize("value, qualifier, written, more, gap", [
    (3800, "over", "3,800.00余万元", "少", "47.53万元"),  # 3800余 is above 3800: the parts are at least 47.53 short
    (3760, "at_least", "3,760.00万元以上", "少", "7.53万元"),
    (3400, "about", "约3,400.00万元", "多", "12.47万元"),  # 约3400 reaches 3740 at most
    (3700, "at_most", "3,700.00万元以下", "多", "52.47万元"),
    (3750, None, "3,750.00万元", "多", "2.47万元"),
])
def test_a_total_its_words_cannot_reconcile_is_broken_with_its_words_kept(value, qualifier, written, more, gap):
    [finding] = identity_findings(total(value, qualifier))
    assert finding.check == "identity_broken" and written in finding.message, finding.message
    assert f"比总数{more} {gap}" in finding.message, finding.message


def test_qualified_parts_widen_the_sum_too():
    assert identity_findings(total(3800), put("figures.lines.project.final", {"value": 1300, "qualifier": "about",
                                                                                  "source": "报告"})) != []
    assert identity_findings(total(3800, "over"), put("figures.lines.basic.final", {
        "value": 2400, "qualifier": "over", "source": "报告"}), put("figures.lines.project.final", {
            "value": 1390, "source": "报告"})) == []  # 2400余 + 1390 reaches 3890
