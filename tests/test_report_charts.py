"""Charts: Chinese labels render in the shipped Noto Sans SC (a missing glyph is a failure), empty states."""
from __future__ import annotations

import io
import logging
import warnings

import matplotlib as mpl
import pytest
import seaborn as sns
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont

from perfeval import report
from perfeval.outputs.report import charts, fonts, tables
from perfeval.outputs.report.display import Chart, Html
from perfeval.outputs.report.model import load_report

from conftest import CHANGSHA, LIUYANG, YUNXI


def draw_all(rep) -> list[Figure]:
    """Every chart the report draws for the unit (a chart with nothing to show is a sentence instead)."""
    blocks = (report.chart_scores(rep), report.chart_claims(rep), report.chart_rates(rep), report.chart_spending(rep))
    return [b.figure for b in blocks if isinstance(b, Chart)]


def glyph_warnings(figs: list[Figure]) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for fig in figs:
            fig.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught if "Glyph" in str(w.message) and "missing" in str(w.message)]


@pytest.fixture
def restore_rc():
    saved = mpl.rcParams.copy()
    yield
    mpl.rcParams.update(saved)


@pytest.mark.parametrize("unit", [CHANGSHA, YUNXI, LIUYANG], ids=lambda p: p.stem)
def test_every_chart_renders_its_chinese(unit, restore_rc, caplog):
    fonts.apply_theme()
    figs = draw_all(load_report(unit))
    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
        assert glyph_warnings(figs) == []
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]


def test_the_font_is_registered_after_seaborn_resets_the_theme(restore_rc):
    fonts.apply_theme()
    sns.set_theme()  # seaborn rewrites font.family and font.sans-serif ...
    figs = draw_all(load_report(YUNXI))  # ... and each chart puts Noto Sans SC back first
    assert glyph_warnings(figs) == []
    assert findfont(FontProperties(family=mpl.rcParams["font.family"])) == str(fonts.font_path())


def test_without_the_font_the_check_does_fail(restore_rc):
    sns.set_theme()
    mpl.rcParams["font.sans-serif"] = ["DejaVu Sans"]
    fig = Figure()
    fig.subplots().set_title("支出结构")
    assert glyph_warnings([fig])


def test_a_chart_with_nothing_to_show_is_a_sentence(restore_rc):
    liuyang = load_report(LIUYANG)
    assert isinstance(report.chart_claims(liuyang), Html)  # no per-indicator claims in seed 000
    assert isinstance(report.chart_rates(liuyang), Html)  # two stated shares, both hold
    assert isinstance(report.chart_spending(liuyang), Chart)


def test_the_rates_chart_shows_the_real_mismatch(restore_rc):
    fig = charts.stated_vs_recomputed_rates(tables.stated_rates_frame(load_report(CHANGSHA).unit))
    red = [t.get_text() for t in fig.axes[0].texts if t.get_color() == charts.MISMATCH]
    assert red == ["34.03% ≠ 重算 34.10%"]
    assert len(fig.axes[0].get_yticklabels()) == 8


def test_only_the_rows_whose_claim_differs_are_drawn(restore_rc):
    fig = charts.claimed_vs_recomputed(tables.claimed_scores_frame(load_report(YUNXI).sheet))
    names = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sorted(names) == sorted(["公车平台", "后勤建设及营运（食堂）", "机关物业管理", "营造良好工作氛围", "服务对象满意度"])


def test_spending_bars_are_labelled_in_wan_yuan_with_shares(restore_rc):
    fig = charts.spending_structure(tables.spending_frame(load_report(CHANGSHA).params))
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert "10,325.79万元（67.78%）" in labels


@pytest.mark.parametrize("unit", [CHANGSHA, YUNXI, LIUYANG], ids=lambda p: p.stem)
def test_charts_are_placed_where_constrained_layout_put_them_and_drawn_once(unit, restore_rc):
    """report.layout places the axes from the labels' sizes; constrained layout, run as savefig ran it before
    (SVG text metrics), must agree to a tenth of a point on every side, and no layout engine is left to make
    savefig draw the figure twice."""
    fonts.apply_theme()
    for fig in draw_all(load_report(unit)):
        assert fig.get_layout_engine() is None
        ax = fig.axes[0]
        ours = ax.get_position().frozen()
        ax.set_in_layout(True)
        fig.set_layout_engine("constrained")
        fig.savefig(io.BytesIO(), format="svg")
        theirs = ax.get_position()
        width, height = fig.get_figwidth() * 72, fig.get_figheight() * 72
        gaps = [(ours.x0 - theirs.x0) * width, (ours.x1 - theirs.x1) * width,
                (ours.y0 - theirs.y0) * height, (ours.y1 - theirs.y1) * height]
        assert max(map(abs, gaps)) < 0.1, (ax.get_ylabel(), gaps)


def test_a_longer_note_beside_the_marks_gets_room_at_the_right(restore_rc):
    """The layout makes room for what the chart writes, not for the samples' lengths: a long stated value in
    the rates chart narrows the axes, and no text reaches past the figure's edge."""
    fonts.apply_theme()
    frame = tables.stated_rates_frame(load_report(CHANGSHA).unit)
    short = charts.stated_vs_recomputed_rates(frame)
    frame.loc[frame.index[0], "陈述原文"] = "本年度全部项目按期完成，综合完成率约为百分之九十八点三四（据单位自评报告）"
    long = charts.stated_vs_recomputed_rates(frame)
    assert long.axes[0].get_position().x1 < short.axes[0].get_position().x1 - 0.1
    long.set_dpi(72)  # as the SVG is drawn: a pixel is a point
    renderer = RendererSVG(1, 1, io.StringIO())
    reach = max(t.get_window_extent(renderer).x1 for t in long.axes[0].texts)
    assert long.bbox.width - 3.5 < reach <= long.bbox.width
