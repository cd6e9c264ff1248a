"""Portfolio tables and charts over the sample units."""
from __future__ import annotations

import warnings

import pytest

from perfeval.paths import UNITS_DIR
from perfeval.outputs.portfolio import comparability_notes, cost_ratios, load_units, score_shares, units_table
from perfeval.outputs.portfolio import charts


@pytest.fixture(scope="module")
def results():
    res, failed = load_units(sorted(UNITS_DIR.glob("*.yaml")))
    assert failed == []
    return res


def test_units_table(results):
    table = units_table(results).set_index("单位")
    yunxi = table.loc["岳阳市云溪区机关事务服务中心"]
    assert yunxi["重算总分"] == 96.96 and yunxi["自评总分"] == 96
    assert yunxi["差异（自评−重算）"] == pytest.approx(-0.96)
    assert yunxi["重算等次"] == "优" and yunxi["错误"] >= 1
    changsha = table.loc["长沙县机关事务中心"]
    assert changsha["重算等次"] == "不予定级" and changsha["自评总分"] != changsha["自评总分"]  # NaN: not claimed
    assert changsha["重算总分"] != changsha["重算总分"]  # no total on 20 of 100 points
    liuyang = table.loc["浏阳市机关后勤服务中心"]
    assert liuyang["自评总分"] == 96 and liuyang["差异（自评−重算）"] != liuyang["差异（自评−重算）"]  # no basis: NaN


def test_score_shares_stay_within_one_framework(results):
    a = score_shares(results, "dept_overall_a")
    assert list(a.columns) == ["长沙县机关事务中心（2022）", "浏阳市机关后勤服务中心（2020）"]
    assert a.loc["“三公经费”控制率", "长沙县机关事务中心（2022）"] == 100.0
    assert a.loc["政府采购执行率和规范性", "长沙县机关事务中心（2022）"] == 0.0
    b = score_shares(results, "self_assessment_b")
    assert list(b.columns) == ["岳阳市云溪区机关事务服务中心（2023）"]
    assert b.loc["成本指标·公车平台"].iloc[0] == pytest.approx(78.3)  # 2.35 of 3 (3 × 150/191.18, as printed)


def test_cost_ratios_carry_their_figures(results):
    ratios = cost_ratios(results).set_index(["单位", "指标"])
    staff = ratios.loc[("长沙县机关事务中心", "人均“三公”经费")]
    assert staff["数值"] == pytest.approx(13.06)  # 613.76 / 47
    assert "613.76万元" in staff["分子"] and "47人" in staff["分母"]
    trip = ratios.loc[("浏阳市机关后勤服务中心", "公务用车每次出车费用")]
    assert trip["数值"] == pytest.approx(264.77)  # 307.05万元 / 11597 次, in 元
    km = ratios.loc[("浏阳市机关后勤服务中心", "公务用车每百公里费用")]
    assert km["数值"] == pytest.approx(210.31)  # 307.05万元 / 146万公里 × 100, in 元
    assert km["分母"] == "公务用车行驶里程 1,460,000公里"  # as stated, not 1.46e+06
    assert ("岳阳市云溪区机关事务服务中心", "人均“三公”经费") not in ratios.index  # not stated: not invented


def test_comparability_is_said(results):
    notes = " ".join(comparability_notes(results))
    assert "框架" in notes and "年度不同" in notes


def test_charts_render_chinese_without_missing_glyphs(results, tmp_path):
    table = units_table(results)
    figs = [charts.claimed_vs_recomputed(table), charts.grade_distribution(table),
            charts.score_share_heatmap(score_shares(results, "dept_overall_a")),
            charts.cost_ratio_bars(cost_ratios(results))]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for i, fig in enumerate(figs):
            assert fig is not None
            fig.savefig(tmp_path / f"{i}.png")
    assert not [w for w in caught if "Glyph" in str(w.message)]
