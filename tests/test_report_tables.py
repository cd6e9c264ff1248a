"""The report's tables and conclusion, pinned to the figures the seed documents state."""
from __future__ import annotations

import math

import pytest

from perfeval.outputs.report import tables
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


def test_stated_rates_are_every_rate_the_unit_states_with_the_mismatch(changsha, yunxi):
    frame = tables.stated_rates_frame(changsha.unit).set_index("比率")
    assert len(frame) == 8  # five rates of the framework and three ratios of two table figures (附件1-3)
    assert frame.loc["在职人员控制率", "单位陈述"] == 92 and frame.loc["在职人员控制率", "相符"]
    assert frame.loc["在职人员控制率", "重算"] == pytest.approx(47 / 51 * 100)  # 92% holds at its own precision
    mismatch = frame.loc["公务用车购置及运行维护费占全年预算比例"]  # 613.76 ÷ 1800 = 34.10%, stated 34.03%
    assert (mismatch["陈述原文"], bool(mismatch["相符"])) == ("34.03%", False)
    assert mismatch["重算"] == pytest.approx(613.76 / 1800 * 100)
    assert list(frame.index[~frame["相符"]]) == ["公务用车购置及运行维护费占全年预算比例"]
    sections = tables.stated_rates_frame(yunxi.unit).set_index("比率")  # 8 ÷ 10 stated as 98%
    assert sections.loc["社会公众或服务对象满意度得分率", "重算"] == 80
    assert not sections.loc["社会公众或服务对象满意度得分率", "相符"] and sections.loc["效益目标得分率", "相符"]


def test_every_score_row_explains_its_rule_and_figures(changsha, yunxi):
    frame = tables.score_frame(changsha)
    assert len(frame) == len(changsha.result.indicators) == 23  # 经济/社会/生态效益 shown though not set
    assert frame["说明"].str.len().min() > 0  # never empty
    staffing = by(frame, "三级指标", "人员控制率")
    assert (staffing["一级指标"], staffing["二级指标"], staffing["分值"]) == ("投入", "预算配置", 4)
    assert staffing["计算值"] == 92.16 and staffing["计算值单位"] == "%"  # 47 / 51
    assert "数据：实际在职人数 47人，编制数 51人" in staffing["说明"]
    assert "实际在职人数 ÷ 编制数 × 100%；≤100% 得 2 分" in staffing["说明"]  # formula and threshold
    assert "未载明：聘用人员实际使用数、聘用人员批复数" in staffing["说明"] and "staff." not in staffing["说明"]
    adjustment = by(frame, "三级指标", "预算调整率")["说明"]
    assert "3,537.37万元" in adjustment and "<5% 得 3 分" in adjustment
    assert "见口径注2" in by(frame, "三级指标", "预算执行率")["说明"]  # the denominator reading, numbered as listed
    assert not frame["说明"].str.contains("口径：|<=|>=").any()


def test_a_rescaled_row_is_compared_on_the_weight_the_unit_filled_in(yunxi):
    frame = tables.score_frame(yunxi).set_index("三级指标")
    saving = frame.loc["节约型机关创建"]  # 5 points rescaled to 3.75 under the 30-point header; claimed 5
    assert (saving["分值"], saving["计分分值"], saving["得分"], saving["自评得分"]) == (5, 3.75, 3.75, 5)
    assert saving["按填报分值的得分"] == pytest.approx(5) and not saving["自评高于重算"]
    assert "按单位填报的分值 5 分计，重算得分为 5 分" in saving["说明"]
    atmosphere = frame.loc["营造良好工作氛围"]  # 部分达成 on 10 points: at most 7.99, claimed 8
    assert atmosphere["按填报分值的得分"] == pytest.approx(7.99) and atmosphere["自评高于重算"]
    high = sorted(frame.index[frame["自评高于重算"]])
    assert high == sorted(["公车平台", "后勤建设及营运（食堂）", "机关物业管理", "营造良好工作氛围"])
    assert "目标 ≥12次，实际 12次" in frame.loc["主题党日活动", "说明"]


def test_base_data_tables(changsha, yunxi, liuyang):
    lines = tables.lines_frame(changsha.params).set_index("项目")
    assert lines.loc["“三公”经费", "本年预算数"] == 1802
    assert lines.loc["“三公”经费", "上年预算数"] == 722
    assert lines.loc["办公经费", "决算较上年变动（%）"] == pytest.approx((25.88 - 62.24) / 62.24 * 100)
    assert math.isnan(lines.loc["基本支出", "决算较上年变动（%）"])  # no 上年决算数 stated
    assert [lines.loc[k, "层级"] for k in ("“三公”经费", "基本支出", "人员经费", "办公经费")] == [0, 1, 2, 3]
    assert not lines.index.str.contains("\u3000").any()  # the hierarchy is a column, not spaces in the labels
    items = tables.project_items_frame(yunxi.params)
    assert by(items, "项目", "合计")["金额"] == pytest.approx(1708.46)
    figures = tables.figures_frame(changsha.result).set_index("项目")
    assert figures.loc["编制数", "数值"] == 51 and figures.loc["编制数", "按原文"] == "51人"
    stated = tables.stated_frame(liuyang.result).set_index("项目")
    assert stated.loc["接到维修电话", "按原文"] == "2500余次"  # the qualifier as written
    assert stated.loc["车辆维修费用同比去年节约", "按原文"] == "近30万元"
    projects = tables.projects_frame(changsha.result).set_index("项目")
    assert len(projects) == 16 and projects["自评得分"].mean() == pytest.approx(95.96, abs=0.005)
    assert projects.loc["长沙县人武部安沙训练场改扩建工程", "自评得分"] == 90
    assert tables.projects_frame(yunxi.result).empty
    assert "参数文件" not in set(tables.overview_frame(changsha)["项目"])  # file names belong to the appendix


def test_findings_table_is_the_root_causes_with_their_consequences(changsha, yunxi):
    frame = tables.findings_frame(yunxi)
    assert len(frame) == len(yunxi.result.findings) == sum(yunxi.result.findings_by_severity.values())
    for row, finding in zip(frame.itertuples(), yunxi.result.findings):
        assert (row.严重程度, row.类别, row.发现) == (finding.severity_label, finding.kind_label, finding.message)
    assert "severity" not in frame and list(frame.sort_values("严重程度")["严重程度"].unique()) == ["错误", "警示", "提示"]
    first = tables.findings_frame(changsha).iloc[0]  # 613.76 vs 612.54: two identities and a ratio follow from it
    assert len(first["由此导致"].splitlines()) == 4 and "34.03%" in first["由此导致"]


def test_a_stated_rate_reads_as_the_unit_wrote_it(unit_copy):
    from perfeval.outputs import report

    def add(d):
        d["stated"] = [*d.get("stated", []), {"id": "care_rate", "label": "老年人健康管理率", "value": 72.6, "unit": "%",
                                              "source": "全县老年人健康管理率达72.6%"}]
    rep = report.load_report(unit_copy(YUNXI, add))
    stated = tables.stated_frame(rep.result).set_index("项目")
    assert stated.loc["老年人健康管理率", "按原文"] == "72.6%"  # not 72.60%


def test_a_rows_stated_target_and_actual_read_as_written(unit_copy):
    from perfeval.outputs import report

    changed = []

    def rate(d):
        row = d["indicators"][0]
        row["target"], row["actual"] = {"op": ">=", "value": 5, "unit": "%"}, {"value": 6.2, "unit": "%"}
        changed.append(row["name"])
    rep = report.load_report(unit_copy(YUNXI, rate))
    row = next(i for i in rep.result.indicators if i.name == changed[0])
    assert (row.target, row.actual) == (">=5%", "6.2%")  # not 6.20%


def test_a_drafted_units_questions_are_put_as_questions_and_counted_apart_wherever_the_report_prints_them(tmp_path):
    from perfeval.intake.report import draft_report
    from perfeval.outputs.draft import write_draft
    from perfeval.outputs.report import blocks, verdict

    text = tmp_path / "r.txt"
    text.write_text("青松县档案馆2023年度部门整体支出绩效自评报告\n一、公用经费\n全年水电费3.00万元，其中：电费1.30万元，水费1.90万元。\n",
                    encoding="utf-8")
    rep = load_report(write_draft(draft_report(text), tmp_path / "d.yaml"))
    frame = tables.findings_frame(rep)
    asked = frame[frame["严重程度"] == "待核实"]
    # 3.00 ≠ 1.30 + 1.90, and no 自评总分 found (the reader's finding none is not the report stating none)
    assert len(asked) == rep.result.candidates == 2 and all(t.startswith("请核对：") for t in asked["发现"])
    assert any("水电费" in t for t in asked["发现"]) and any("自评总分" in t for t in asked["发现"])
    assert rep.result.findings_by_severity["error"] == 0  # a question, not an error
    assert "另有待核实 2" in str(blocks.title(rep))
    said = verdict.main_problems(rep.result)
    assert "另有待核实 2 处" in said and "水电费" not in said  # counted apart, never among the main problems
