"""Portfolio tables and charts over the sample units."""
from __future__ import annotations

import warnings

import pytest

from perfeval.paths import UNITS_DIR
from perfeval.outputs.portfolio import (comparability_notes, cost_ratios, gather, load_portfolio, score_shares,
                                        units_table)
from perfeval.outputs.portfolio import charts, display, points
from perfeval.outputs.report import svgchart
from perfeval.outputs.report.display import Chart, Html


@pytest.fixture(scope="module")
def results():
    from perfeval.result import evaluate_file

    return [evaluate_file(p) for p in sorted(UNITS_DIR.glob("*.yaml"))]


@pytest.fixture(scope="module")
def portfolio(results):
    loaded = load_portfolio(sorted(UNITS_DIR.glob("*.yaml")))
    assert loaded.failed == []
    assert loaded.units.equals(gather(results).units)
    return loaded


def test_units_table(results):
    table = units_table(results).set_index("单位")
    yunxi = table.loc["岳阳市云溪区机关事务服务中心"]
    assert yunxi["重算总分"] == 96.96 and yunxi["自评总分"] == 96
    assert yunxi["差异（自评−重算）"] == pytest.approx(-0.96)
    assert yunxi["重算等次"] == "优" and yunxi["错误"] >= 1
    changsha = table.loc["长沙县机关事务中心"]
    assert changsha["重算等次"] == "不予定级" and changsha["自评总分"] != changsha["自评总分"]  # NaN: not claimed
    assert changsha["重算总分"] != changsha["重算总分"]  # no total on 20 of 100 points ...
    assert (changsha["已评分值"], changsha["其中核实"], changsha["总分下限"], changsha["总分上限"]) == (20, 0, 6, 90)
    assert yunxi["总分下限"] != yunxi["总分下限"]  # ... but its coverage and the range of totals; a graded unit has none
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


def test_the_units_table_shows_no_grade_for_a_withheld_unit_but_its_range(portfolio):
    html = display.units_block(portfolio).to_html()
    changsha = next(row for row in html.split("<tr") if "长沙县机关事务中心" in row)
    assert ">不予定级（总分可在 6–90）<" in changsha and ">20 / 100（核实 0）<" in changsha and "优" not in changsha
    yunxi = next(row for row in html.split("<tr") if "岳阳市云溪区" in row)
    assert ">96.96 · 优<" in yunxi and ">96 · 优（与重算不符）<" in yunxi
    assert "总分上限" not in html and ">重算总分 · 等次<" in html


def test_a_chart_of_too_few_units_is_a_sentence(results, portfolio):
    assert isinstance(display.claims_chart(portfolio), Html)  # one unit has both totals: no one-point scatter
    said = points.claims(units_table(results)).text
    assert said == "仅 1 个单位同时有重算总分与自评总分：岳阳市云溪区机关事务服务中心自评 96 分，重算 96.96 分。"
    assert points.grades(units_table(results)).text == "重算等次：优 1 个、不予定级 2 个；自评等次：优 1 个、未载明 2 个。"
    shares = display.share_charts(portfolio).items
    assert isinstance(shares[0], Chart) and isinstance(shares[1], Html)  # framework B has one unit


def test_cost_ratio_panels_compare_two_units_or_more(portfolio):
    chart = display.ratios_chart(portfolio)
    assert isinstance(chart, Chart)
    titles = [ax.get_title() for ax in chart.figure.axes]
    assert titles == ["机关事务服务中心：人均“三公”经费（万元/人）", "机关事务服务中心：公务用车每次出车费用（元/次）"]
    # 人均公用经费: Changsha only
    assert "机关事务服务中心中，人均“三公”经费最高为浏阳市机关后勤服务中心（13.51万元/人）" in chart.caption


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


def test_the_portfolio_notebook_narrates_and_the_library_computes():
    import nbformat

    from perfeval.paths import NOTEBOOKS_DIR

    nb = nbformat.read(NOTEBOOKS_DIR / "portfolio.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    for cell in code:
        for construct in ("def ", "class ", "for ", "display(", "import pandas"):
            assert construct not in cell.source, cell.source


@pytest.mark.parametrize("label", ["浏阳市机关后勤服务中心（机关事务）", "某（很长很长的括号内容超过十个字）单位",
                                   "岳阳市云溪区机关事务服务中心", "“三公”经费控制率（预算口径）"])
def test_labels_are_never_broken_inside_brackets(label):
    """The portfolio's matplotlib labels (by characters) and the report's SVG chart labels (by width) alike."""
    for text in (*charts.wrap_label(label, 10).split("\n"), charts.short_label(label, 14).rstrip("…"),
                 *svgchart.wrapped(label, 90, 11)):
        depth = 0
        for ch in text:
            depth += (ch in svgchart.OPEN) - (ch in svgchart.CLOSE)
            assert depth >= 0, text
        assert depth == 0, text
    assert charts.wrap_label(label, 10).replace("\n", "") == label == "".join(svgchart.wrapped(label, 90, 11))


def test_the_share_palette_reads_in_grey_print():
    """Lightness rises steadily with the share, so the cells order the same in grey and to a colour-blind reader."""
    from matplotlib import colormaps

    from matplotlib.colors import to_rgb

    def grey(rgb: tuple[float, ...]) -> float:
        return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]

    cmap = colormaps[charts.SHARE_CMAP]
    shades = [grey(cmap(x / 10)) for x in range(11)]
    assert all(a > b for a, b in zip(shades, shades[1:]))  # light for a low share, dark for a high one
    recomputed, claimed = (grey(to_rgb(c)) for c in charts.SIDES.values())
    assert abs(recomputed - claimed) > 0.25  # the two bars of a grade differ in grey, not only in hue


def test_unit_names_link_to_their_reports_and_the_verdict_stands_beside_them(results, portfolio):
    html = display.units_block(portfolio).to_html()
    for r in results:
        assert f'<a href="units/{r.unit.id}/{r.unit.id}.html">{r.unit.name}</a>' in html
    heads = [c for c in units_table(results).columns if c not in display.FOLDED]
    assert heads[:3] == ["单位", "重算总分", "自评总分"]


def test_one_unit_entered_twice_under_two_ids_is_drawn_twice_and_said_apart(results):
    """Two units of one name and year (one unit entered twice): every table and chart is made, each unit keeps its
    bar and its column, told apart by its id."""
    twice = [r for r in results if r.unit.id == "changsha_county_2022"][0]
    copy = twice.model_copy(update={"unit": twice.unit.model_copy(update={"id": "changsha_copy"})})
    both = [*results, copy]
    ratios = cost_ratios(both)
    shown = set(ratios[ratios["单位"].str.startswith(twice.unit.name)]["单位"])
    assert shown == {f"{twice.unit.name}（changsha_county_2022）", f"{twice.unit.name}（changsha_copy）"}
    assert len(score_shares(both, twice.framework.id).columns) == len(score_shares(results, twice.framework.id).columns) + 1
    chart = display.ratios_chart(gather(both))
    assert isinstance(chart, Chart)
    panel = chart.figure.axes[0]
    assert len(panel.patches) == len(charts.extremes(charts.shared_ratios(ratios).query("指标 == @panel.get_title().split('：')[1].split('（')[0]")))
    for block in (display.units_block, display.notes_block, display.claims_chart, display.grades_chart,
                  display.share_charts, display.ratios_block):
        block(gather(both))


def _of_kind(result, kind):
    return result.model_copy(update={"unit": result.unit.model_copy(update={"kind": kind})})


def test_the_heading_names_the_kind_only_when_every_unit_is_of_it(results):
    assert display.page_title(gather(results)) == "机关事务服务中心部门整体支出绩效评价汇总"
    mixed = [*results[:-1], _of_kind(results[-1], "水利工程管理站")]
    assert display.page_title(gather(mixed)) == display.NEUTRAL_TITLE == "各单位部门整体支出绩效评价对比"
    unstated = [*results[:-1], _of_kind(results[-1], None)]
    assert display.page_title(gather(unstated)) == display.NEUTRAL_TITLE
    assert display.page_title(gather([_of_kind(r, None) for r in results])) == display.NEUTRAL_TITLE
    assert "<h1>各单位部门整体支出绩效评价对比</h1>" in display.title_block("", gather(mixed)).html
    assert "<h1>甲</h1>" in display.title_block("甲", gather(mixed)).html  # a title the analyst gives is kept


def test_a_drafted_unit_is_named_as_a_draft_and_a_unit_of_no_kind_is_ranked_against_none(results):
    """The portfolio listed a drafted, unconfirmed unit among confirmed ones with no mark, and ranked a unit that
    states no kind 最低 among 机关事务服务中心s (trial 4, U49)."""
    liuyang = [r for r in results if r.unit.id == "liuyang_2020"][0]
    drafted = liuyang.model_copy(update={"unit": liuyang.unit.model_copy(
        update={"id": "liuyang_draft", "year": 2021, "drafted_from": "liuyang.txt"})})
    kindless = liuyang.model_copy(update={"unit": liuyang.unit.model_copy(update={"id": "liuyang_kindless",
                                                                                  "year": 2019, "kind": None})})
    portfolio = gather([*results, drafted, kindless])
    names = dict(zip(portfolio.units["编号"], portfolio.units["单位"]))
    assert names["liuyang_draft"] == f"{liuyang.unit.name}（草稿·未经核对）"
    assert names["liuyang_2020"] == liuyang.unit.name
    chart = display.ratios_chart(portfolio)
    drawn = {label.get_text() for ax in chart.figure.axes for label in ax.get_yticklabels()}
    assert f"{liuyang.unit.name}（草稿·未经核对）（2021）" in drawn  # compared, and said to be a draft
    assert f"{liuyang.unit.name}（2019）" not in drawn  # no kind: in the table, ranked against none
    assert "未注明类别的单位（" in chart.caption and liuyang.unit.name in chart.caption
    assert (portfolio.ratios["年度"] == 2019).any()  # its ratios still listed with their figures


def test_two_rows_of_one_name_and_year_in_the_units_table_carry_their_ids(results):
    """W29: the table listed a unit entered twice as two identical rows (name, year, framework), nothing saying which
    file each was; the charts already told them apart by id."""
    base = [r for r in results if r.unit.id == "yunxi_district_2023"][0]
    again = base.model_copy(update={"unit": base.unit.model_copy(update={"id": "yunxi_again"})})
    html = display.units_block(gather([*results, again])).to_html()
    name = base.unit.name
    assert f">{name}（yunxi_district_2023）</a>" in html and f">{name}（yunxi_again）</a>" in html
    assert all(f">{r.unit.name}</a>" in html for r in results if r is not base)  # a name of its own stays bare


def test_the_share_chart_of_one_scored_indicator_names_it_without_calling_it_the_lowest():
    import pandas as pd

    one = pd.DataFrame({"甲": [80.0, None], "乙": [100.0, None]}, index=["人员控制率", "预算执行率"])
    said = points.shares(one, "框架A").text
    assert "只有 1 个指标有已评分值" in said and "人员控制率" in said and "最低" not in said, said
    two = pd.DataFrame({"甲": [80.0, 50.0], "乙": [100.0, 70.0]}, index=["人员控制率", "预算执行率"])
    assert "最低的是“预算执行率”" in points.shares(two, "框架A").text
