"""The report's tables and conclusion, pinned to the figures the seed documents state."""
from __future__ import annotations

import math

import pytest

from perfeval.outputs.report import narrative, tables
from perfeval.outputs.report.model import load_report

from conftest import CHANGSHA, LIUYANG, YUNXI


@pytest.fixture(scope="module")
def changsha():
    return load_report(CHANGSHA)


@pytest.fixture(scope="module")
def yunxi():
    return load_report(YUNXI)


@pytest.fixture(scope="module")
def liuyang():
    return load_report(LIUYANG)


def by(frame, column, value):
    return frame[frame[column] == value].iloc[0]


def test_spending_structure_adds_the_unexplained_part_of_project_spending(yunxi):
    frame = tables.spending_frame(yunxi.params)
    # 项目支出 1833.99 (自评表) against seven items listed in the 综述 totalling 1708.46
    assert by(frame, "项目", "未列明用途的项目支出")["金额"] == pytest.approx(125.53)
    assert by(frame, "项目", "人员经费")["金额"] == pytest.approx(335.64)
    assert frame["金额"].sum() == pytest.approx(412.08 + 1833.99)
    assert frame["占比"].sum() == pytest.approx(100)


def test_spending_structure_without_a_remainder_when_items_account_for_the_total(changsha):
    frame = tables.spending_frame(changsha.params)
    assert list(frame["项目"]) == ["人员经费", "公用经费", "机关服务一般性项目支出", "机关服务基本建设项目支出"]
    assert by(frame, "项目", "机关服务一般性项目支出")["占比"] == pytest.approx(10325.79 / (2415.52 + 12819.60) * 100)


def test_spending_structure_keeps_an_unsplit_group_whole(liuyang):
    frame = tables.spending_frame(liuyang.params)
    assert by(frame, "项目", "基本支出")["金额"] == pytest.approx(347.79)  # the report gives no 人员/公用 split
    assert by(frame, "项目", "未列明用途的项目支出")["金额"] == pytest.approx(3404.68 - 3256.06)


def test_level1_totals(changsha, yunxi):
    a = tables.level1_frame(changsha.sheet).set_index("一级指标")
    assert list(a.index) == ["投入", "过程", "产出", "效果"]
    assert a.loc["投入", "分值"] == 15 and a.loc["过程", "分值"] == 35
    assert a["重算得分"].sum() == pytest.approx(changsha.sheet.total)
    assert a["已评分值"].sum() == pytest.approx(changsha.sheet.assessed_points)
    assert math.isnan(a.loc["投入", "自评得分"])  # 附件1-3 claims no indicator scores
    b = tables.level1_frame(yunxi.sheet).set_index("一级指标")
    # 效益: header 30 points, the unit's rows weigh 40 and claim 38; recomputed on the header's 30
    assert b.loc["效益指标", "分值"] == 30
    assert b.loc["效益指标", "自评得分"] == pytest.approx(38)
    assert b.loc["效益指标", "重算得分"] == pytest.approx(28.49)  # six rows × 3.75 + 营造良好工作氛围 5.99 (部分达成)


def test_claimed_scores_compared_on_the_weight_the_unit_filled_in(yunxi, liuyang):
    frame = tables.claimed_scores_frame(yunxi.sheet).set_index("三级指标")
    # 公车平台: target 150 万元, actual 191.18 万元, weight 3 → 3 × 150/191.18, the unit claims 3
    assert frame.loc["公车平台", "重算得分"] == 2.35  # 2.3538 as the table prints it
    assert frame.loc["公车平台", "自评得分"] == 3
    # a row rescaled from 5 to 3.75 points (效益 rows total 40 under a 30-point header) is compared on its 5
    assert frame.loc["节约型机关创建", "分值"] == 5
    assert frame.loc["节约型机关创建", "重算得分"] == pytest.approx(5)
    assert tables.claimed_scores_frame(liuyang.sheet).empty


def test_stated_rates_beside_recomputed(changsha):
    frame = tables.stated_rates_frame(changsha.unit).set_index("比率")
    assert frame.loc["在职人员控制率", "单位陈述"] == 92
    assert frame.loc["在职人员控制率", "重算"] == 92.16  # 47 / 51, at the 2 decimals the rule bands it on
    assert frame.loc["全年预算执行率", "重算"] == 77.04  # 12819.60 / 16640.91


def test_score_table_has_every_indicator_with_readable_notes(changsha, yunxi):
    frame = tables.score_frame(changsha.sheet)
    assert len(frame) == len(changsha.sheet.rows) == 20
    staffing = by(frame, "三级指标", "人员控制率")
    assert (staffing["一级指标"], staffing["二级指标"], staffing["分值"]) == ("投入", "预算配置", 4)
    assert staffing["计算值"] == 92.16 and staffing["计算值单位"] == "%"  # 47 / 51
    assert "聘用人员" in staffing["说明"] and "staff." not in staffing["说明"]  # labels, not params paths
    notes = tables.interpretation_notes(yunxi.sheet)
    footnoted = tables.score_frame(yunxi.sheet, notes)
    assert any("见口径注1" in n for n in footnoted["说明"])
    assert not any("口径：" in n for n in footnoted["说明"])
    assert "目标 ≥12次，实际 12次" in by(footnoted, "三级指标", "主题党日活动")["说明"]


def test_base_data_tables(changsha, yunxi):
    lines = tables.lines_frame(changsha.params).set_index("项目")
    assert lines.loc["“三公”经费", "本年预算数"] == 1802
    assert lines.loc["“三公”经费", "上年预算数"] == 722
    items = tables.project_items_frame(yunxi.params)
    assert by(items, "项目", "合计")["金额"] == pytest.approx(1708.46)
    figures = tables.figures_frame(changsha.params).set_index("项目")
    assert figures.loc["编制数", "数值"] == 51 and figures.loc["编制数", "单位"] == "人"


def test_findings_table_uses_the_findings_own_labels(yunxi):
    frame = tables.findings_frame(yunxi)
    assert len(frame) == len(yunxi.findings)
    for row, finding in zip(frame.itertuples(), yunxi.findings):
        d = finding.to_dict()
        assert (row.严重程度, row.类别, row.发现) == (d["severity_label"], d["kind_label"], finding.message)


def test_conclusion_states_recomputed_against_claimed(yunxi, liuyang):
    text = [s.text for s in narrative.conclusion(yunxi)]
    assert "重算得分 96.96 分" in text[0] and "等次“优”" in text[0]
    assert "自评总分比重算结果低 0.96 分" in text[1]
    errors = [s for s in narrative.conclusion(yunxi) if s.details]
    assert errors and list(errors[0].details) == [f.message for f in yunxi.findings if f.severity == "error"]
    withheld = [s.text for s in narrative.conclusion(liuyang)]
    assert "不予定级（可评分值不足：已评 8 分" in withheld[0] and "总分可在 8–100 分之间" in withheld[0]
    assert "自评总分无法复核" in withheld[1]  # 96 claimed, 8 of 100 points verifiable
