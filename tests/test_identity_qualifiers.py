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
    [finding] = identity_findings(total(value, qualifier, places=2))
    assert finding.check == "identity_broken" and written in finding.message, finding.message
    assert f"比总数{more} {gap}" in finding.message, finding.message


def test_qualified_parts_widen_the_sum_too():
    assert identity_findings(total(3800), put("figures.lines.project.final", {"value": 1300, "qualifier": "about",
                                                                                  "source": "报告"})) != []
    assert identity_findings(total(3800, "over"), put("figures.lines.basic.final", {
        "value": 2400, "qualifier": "over", "source": "报告"}), put("figures.lines.project.final", {
            "value": 1390, "source": "报告"})) == []  # 2400余 + 1390 reaches 3890


ITEMS = 3256.06  # Liuyang's five 项目 listed under 项目支出


def _items_only(data) -> None:
    del data["figures"]["lines"]["total"]["final"]
    data["claims"]["identities"] = []


def listed_findings(value: float, qualifier: str | None = None, places: int = 2):
    project = put("figures.lines.project.final", {"value": value, **({"qualifier": qualifier} if qualifier else {}),
                                                  "places": places, "source": "报告"})
    return [(f.check, f.message) for f in run_checks(sheet_of(LIUYANG, _once, _items_only, project))
            if f.check in ("listed_items_exceed_whole", "listed_items_unexplained")]


def test_listed_items_within_the_range_of_their_total_hold():
    assert listed_findings(3200, "over") == []  # 3200余 reaches 3300; the items add to 3,256.06
    assert listed_findings(3300, "below") == []


@pytest.mark.parametrize("value, qualifier, check, written, gap", [
    (3200, None, "listed_items_exceed_whole", "3,200.00万元", "还多 56.06万元"),
    (3100, "over", "listed_items_exceed_whole", "3,100.00余万元", "还多 56.06万元"),
    (3300, "over", "listed_items_unexplained", "3,300.00余万元", "尚有 43.94万元"),
    (3300, "at_least", "listed_items_unexplained", "3,300.00万元以上", "尚有 43.94万元"),
])
def test_listed_items_beyond_the_range_of_their_total_keep_its_words(value, qualifier, check, written, gap):
    [(found, message)] = listed_findings(value, qualifier)
    assert found == check and written in message and gap in message, message
