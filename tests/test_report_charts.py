"""The report's charts (written as SVG by report.svgchart): every character in the shipped font, every text inside
the image and clear of the others, the values at the source's precision, empty states."""
from __future__ import annotations

import io
import itertools

import matplotlib as mpl
import pandas as pd
import pytest
import seaborn as sns
from fontTools.ttLib import TTFont
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont

from perfeval import report
from perfeval.outputs.report import charts, fonts, svgchart, tables
from perfeval.outputs.report.display import Chart, Html
from perfeval.outputs.report.model import load_report
from perfeval.outputs.report.svgchart import ASCENT, DESCENT, Mark, Rect, SvgChart, Text, nice_ticks, text_width

from conftest import CHANGSHA, LIUYANG, YUNXI


def draw_all(rep) -> list[SvgChart]:
    """Every chart the report draws for the unit (a chart with nothing to show is a sentence instead)."""
    blocks = (report.chart_scores(rep), report.chart_claims(rep), report.chart_rates(rep), report.chart_spending(rep))
    return [b.figure for b in blocks if isinstance(b, Chart)]


@pytest.fixture(scope="module")
def shipped_font() -> TTFont:
    return TTFont(str(fonts.font_path()), lazy=True)


def missing_glyphs(chart: SvgChart, font: TTFont) -> set[str]:
    cmap = font.getBestCmap()
    return {ch for t in chart.texts for ch in t.text if ord(ch) not in cmap}


def box(t: Text) -> tuple[float, float, float, float]:
    """Where a text is drawn (x0, y0, x1, y1), from its estimated width and a CJK line's extent."""
    width = text_width(t.text, t.size)
    start = {"start": 0.0, "middle": width / 2, "end": width}[t.anchor]
    if t.vertical:  # rotated a quarter turn to read upwards: its baseline is a vertical line at x
        return t.x - ASCENT * t.size, t.y - width + start, t.x + DESCENT * t.size, t.y + start
    return t.x - start, t.y - ASCENT * t.size, t.x - start + width, t.y + DESCENT * t.size


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("unit", [CHANGSHA, YUNXI, LIUYANG], ids=lambda p: p.stem)
def test_every_character_of_every_chart_is_in_the_shipped_font(unit, shipped_font):
    charts_ = draw_all(load_report(unit))
    assert charts_ and all(missing_glyphs(c, shipped_font) == set() for c in charts_)


def test_without_the_glyph_the_check_does_fail(shipped_font):
    chart = SvgChart(10, 10, (), (Text(0, 5, "支出𝄞", 9),))
    assert missing_glyphs(chart, shipped_font) == {"𝄞"}


def test_the_width_table_is_the_shipped_fonts_and_no_character_is_wider_than_an_em(shipped_font):
    cmap, advances = shipped_font.getBestCmap(), shipped_font["hmtx"]
    em = shipped_font["head"].unitsPerEm
    for ch, width in svgchart.ASCII_ADVANCE.items():
        assert advances[cmap[ord(ch)]][0] / em == width, ch
    for ch in "分值重算得分（）“”，：、％≠…—":  # the rest are taken as a full em: none is wider
        assert advances[cmap[ord(ch)]][0] <= em, ch


@pytest.mark.parametrize("unit", [CHANGSHA, YUNXI, LIUYANG], ids=lambda p: p.stem)
def test_every_text_is_inside_the_image_and_clear_of_every_other(unit):
    for chart in draw_all(load_report(unit)):
        boxes = [box(t) for t in chart.texts]
        for (x0, y0, x1, y1), t in zip(boxes, chart.texts):
            assert 0 <= x0 and x1 <= chart.width and 0 <= y0 and y1 <= chart.height, t
        for (a, s), (b, u) in itertools.combinations(zip(boxes, chart.texts), 2):
            assert not overlap(a, b), (s.text, u.text)


@pytest.mark.parametrize("unit", [CHANGSHA, YUNXI, LIUYANG], ids=lambda p: p.stem)
def test_bars_and_marks_stay_inside_the_frame_and_clear_of_the_texts(unit):
    for chart in draw_all(load_report(unit)):
        texts = [box(t) for t in chart.texts]
        for shape in chart.shapes:
            if isinstance(shape, Rect) and shape.stroke:  # a bar or a legend swatch
                area = (shape.x, shape.y, shape.x + shape.width, shape.y + shape.height)
            elif isinstance(shape, Mark):
                r = shape.style.radius
                area = (shape.x - r, shape.y - r, shape.x + r, shape.y + r)
            else:
                continue
            assert 0 <= area[0] and area[2] <= chart.width and 0 <= area[1] and area[3] <= chart.height
            assert not [t for t in texts if overlap(area, t)], shape


def test_a_chart_with_nothing_to_show_is_a_sentence():
    liuyang = load_report(LIUYANG)
    assert isinstance(report.chart_claims(liuyang), Html)  # no per-indicator claims in seed 000
    assert isinstance(report.chart_rates(liuyang), Html)  # two stated shares, both hold
    assert isinstance(report.chart_spending(liuyang), Chart)


def test_the_rates_chart_shows_the_real_mismatch_in_red():
    chart = charts.stated_vs_recomputed_rates(tables.stated_rates_frame(load_report(CHANGSHA).unit))
    red = [t.text for t in chart.texts if t.colour == charts.MISMATCH]
    assert red == ["34.03% ≠ 重算 34.10%", "公务用车购置及运行维护费占全年预算比例"]
    names = [t.text for t in chart.texts if t.anchor == "end"]
    assert len(names) == 8 and names[1] == "“三公经费”变动率"
    assert [t.text for t in chart.texts if t.text.endswith("%") and t.anchor == "middle"][:3] == ["0%", "50%", "100%"]


def test_only_the_rows_whose_claim_differs_are_drawn():
    chart = charts.claimed_vs_recomputed(tables.claimed_scores_frame(load_report(YUNXI).sheet))
    names = [t.text for t in chart.texts if t.anchor == "end"]
    assert sorted(names) == sorted(["公车平台", "后勤建设及营运（食堂）", "机关物业管理", "营造良好工作氛围", "服务对象满意度"])
    assert "自评 8，重算 9.8（自评低 1.8）" in [t.text for t in chart.texts if t.colour == charts.PALETTE["重算"]]


def test_spending_bars_are_labelled_in_wan_yuan_with_shares_and_money_ticks():
    chart = charts.spending_structure(tables.spending_frame(load_report(CHANGSHA).params))
    labels = [t.text for t in chart.texts]
    assert "10,325.79万元（67.78%）" in labels and "195.57万元（1.28%）" in labels
    assert ["0", "2,000", "4,000", "6,000", "8,000", "10,000", "12,000"] == [
        t.text for t in chart.texts if t.anchor == "middle" and t.size == svgchart.TICK_SIZE]


def test_score_bars_are_labelled_with_their_points():
    chart = charts.score_vs_weight(tables.level1_frame(load_report(YUNXI).sheet))
    notes = [t.text for t in chart.texts if t.size == svgchart.NOTE_SIZE]
    assert notes == ["10", "50", "30", "10", "10", "48.67", "28.49", "9.8"]  # 分值, then 重算得分
    assert [t.text for t in chart.texts if t.vertical] == ["分"]


def test_long_names_of_many_categories_are_wrapped_under_their_bars_not_run_together():
    names = ["决策指标", "过程管理及资金使用情况", "产出数量指标", "产出质量与时效指标（含验收）", "经济效益指标",
             "社会效益及可持续影响指标", "生态效益指标", "服务对象满意度指标"]
    frame = pd.DataFrame({"一级指标": names, "分值": [10, 20, 15, 15, 10, 10, 10, 10],
                          "已评分值": [10, 20, 15, 15, 10, 10, 10, 10], "重算得分": [9, 18.5, 15, 12.25, 8, 10, 7.5, 9.6]})
    chart = charts.score_vs_weight(frame)
    boxes = [box(t) for t in chart.texts]
    assert not [(s.text, u.text) for (a, s), (b, u) in itertools.combinations(zip(boxes, chart.texts), 2)
                if overlap(a, b)]
    assert all(0 <= b[0] and b[2] <= chart.width and b[3] <= chart.height for b in boxes)
    lines = [t.text for t in chart.texts if t.anchor == "middle" and t.size == svgchart.TICK_SIZE]
    assert "".join(lines) == "".join(names) and len(lines) > len(names)  # every name whole, some on two lines
    assert "（含验收）" in lines or any(line.endswith("（含验收）") for line in lines)  # never broken inside brackets


def test_value_ticks_are_round_steps_within_the_axis():
    assert nice_ticks(0, 13630.6, 9) == [0, 2000, 4000, 6000, 8000, 10000, 12000]
    assert nice_ticks(0, 18.6, 9) == [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5]
    assert nice_ticks(0, 39.2, 9) == [0, 5, 10, 15, 20, 25, 30, 35]
    assert nice_ticks(0, 0.07, 4) == [0, 0.02, 0.04, 0.06]
    assert svgchart.step_text([0, 2.5, 5])(5) == "5.0" and svgchart.step_text([0, 5, 10])(5) == "5"


def test_a_longer_note_beside_the_marks_gets_room_at_the_right():
    """The layout makes room for what the chart writes, not for the samples' lengths: a long stated value in
    the rates chart narrows the frame, and no text reaches past the image's edge."""
    frame = tables.stated_rates_frame(load_report(CHANGSHA).unit)
    short = charts.stated_vs_recomputed_rates(frame)
    frame.loc[frame.index[0], "陈述原文"] = "本年度全部项目按期完成，综合完成率约为百分之九十八点三四（据单位自评报告）"
    long = charts.stated_vs_recomputed_rates(frame)

    def frame_right(chart: SvgChart) -> float:
        return max(s.x0 for s in chart.shapes if isinstance(s, svgchart.Line))

    assert frame_right(long) < frame_right(short) - 60
    reach = max(box(t)[2] for t in long.texts)
    assert long.width - svgchart.EDGE - 0.01 < reach <= long.width


def test_the_same_chart_gives_the_same_bytes_and_text_reads_back_as_written():
    hostile = 'a"b<c>&d%e#f \'g\' 100%'
    chart = SvgChart(100, 50, (), (Text(1, 20, hostile, 9),))
    assert chart.svg() == SvgChart(100, 50, (), (Text(1, 20, hostile, 9),)).svg()
    assert "a&quot;b" not in chart.svg() and "a\"b&lt;c&gt;&amp;d" in chart.svg()
    assert chart.css_width == 133


def test_the_font_is_put_first_after_seaborn_resets_the_theme_for_matplotlib_plots():
    """The portfolio's charts and an analyst's own plots are matplotlib's: each makes sure of the Chinese font."""
    saved = mpl.rcParams.copy()
    try:
        fonts.apply_theme()
        sns.set_theme()  # seaborn rewrites font.family and font.sans-serif ...
        fonts.ensure_chinese_font()  # ... and a chart puts Noto Sans SC back first
        assert findfont(FontProperties(family=mpl.rcParams["font.family"])) == str(fonts.font_path())
        fig = Figure()
        fig.subplots().set_title("支出结构")
        fig.savefig(io.BytesIO(), format="svg")
    finally:
        mpl.rcParams.update(saved)
