"""The report's charts, each drawn from the frame it shows (report.tables) as an SVG chart (report.svgchart).

Whether a chart is worth drawing, and what it says, is report.points' business. They look as they did when
matplotlib drew them in seaborn's theme: bars at seaborn's widths and desaturated colours, no grid across a
categorical axis of bars, marks with a thin white edge, the legend under the plot.
"""
from __future__ import annotations

import colorsys
import math
from typing import Sequence

import pandas as pd

from ...fmt import figure, pct, points, wan
from .svgchart import Bar, Dot, MarkStyle, Note, Plot, Swatch, SvgChart
from .tables import SCORE_TOLERANCE

WIDTH = 9.0  # inches; shown at about 860 px, the width of the report column
ROW_HEIGHT = 0.34  # inches per category in horizontal charts
PALETTE = {"分值": "#c9d3df", "已评分值": "#8fa8c8", "重算得分": "#2f6db5", "自评得分": "#e08a2c",
           "单位陈述": "#e08a2c", "重算": "#2f6db5", "基本支出": "#6b8fbf", "项目支出": "#e0a050"}
MISMATCH = "#b03a2e"
AGREES = "#57606a"
NAME_INK = "#1f2328"  # a rate's name when it holds

BAR_WIDTH = 0.8  # of a category's slot, shared by its bars side by side (seaborn's)
BAR_SATURATION = 0.75  # seaborn's barplot draws its colours this much desaturated
WHITE = "#ffffff"


def mark_radius(area: float, shape: str) -> float:
    """A mark's radius (a diamond's half diagonal) from its area in square points, as matplotlib sizes scatter marks."""
    return math.sqrt(area) / 2 if shape == "circle" else math.sqrt(area / 2)


def _bar_colour(name: str) -> str:
    """A series' colour as the bars draw it: desaturated as seaborn's bars were, so the charts look as before."""
    red, green, blue = (int(PALETTE[name][i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    return "#" + "".join(f"{round(c * 255):02x}"
                         for c in colorsys.hls_to_rgb(hue, lightness, saturation * BAR_SATURATION))


def _grouped_bars(plot: Plot, series: dict[str, Sequence[float]]) -> None:
    """One bar per category and series, the series side by side within the category's slot, each labelled in 分."""
    width = BAR_WIDTH / len(series)
    for i, (name, values) in enumerate(series.items()):
        colour = _bar_colour(name)
        for c, value in enumerate(values):
            at = c - BAR_WIDTH / 2 + i * width
            plot.bars.append(Bar(at, width, value, colour))
            plot.notes.append(Note(at + width / 2, value, points(value)))
        plot.legend.append(Swatch(name, bar=colour))


def score_vs_weight(frame: pd.DataFrame) -> SvgChart:
    """Per level-1 indicator (tables.level1_frame): its points, the points assessed where some were not, and the
    recomputed score."""
    series = ["分值", "已评分值", "重算得分"]
    if (frame["已评分值"] >= frame["分值"] - SCORE_TOLERANCE).all():
        series.remove("已评分值")  # every point assessed: the bar would repeat 分值
    top = max(0.0, *(float(v) for name in series for v in frame[name]))
    plot = Plot(list(frame["一级指标"]), horizontal=False, width=WIDTH, height=3.8, low=0.0, high=top * 1.12,
                value_label="分")
    _grouped_bars(plot, {name: [float(v) for v in frame[name]] for name in series})
    return plot.chart()


def claimed_vs_recomputed(frame: pd.DataFrame) -> SvgChart:
    """The indicators whose claimed score differs from the recomputed one on the weight the unit filled in
    (tables.claimed_scores_frame): the weight as a bar, both scores as marks, the gap written beside them."""
    gap = frame["自评得分"] - frame["重算得分"]
    rows = frame[gap.abs() >= SCORE_TOLERANCE].reset_index(drop=True)
    plot = Plot(list(rows["三级指标"]), horizontal=True, width=WIDTH, height=1.2 + ROW_HEIGHT * 1.3 * len(rows),
                low=0.0, high=float(rows[["分值", "自评得分"]].max().max()) * 1.9, value_label="分（按单位填报的分值）",
                category_grid=True)
    edge = 0.08 * math.sqrt(50)  # one thin white edge for both marks, from the smaller (as seaborn did)
    recomputed = MarkStyle("circle", mark_radius(120, "circle"), PALETTE["重算得分"], WHITE, edge)
    claimed = MarkStyle("diamond", mark_radius(50, "diamond"), PALETTE["自评得分"], WHITE, edge)
    for i, row in rows.iterrows():
        at = float(i)  # a RangeIndex after reset_index
        plot.bars.append(Bar(at - 0.3, 0.6, float(row["分值"]), PALETTE["分值"]))
        plot.dots += [Dot(at, float(row["重算得分"]), recomputed), Dot(at, float(row["自评得分"]), claimed)]
        diff = row["自评得分"] - row["重算得分"]
        plot.notes.append(Note(at, float(max(row["分值"], row["自评得分"])),
                               f"自评 {points(row['自评得分'])}，重算 {points(row['重算得分'])}（自评{'高' if diff > 0 else '低'} "
                               f"{points(abs(diff))}）", MISMATCH if diff > 0 else PALETTE["重算"], gap=6.0))
    plot.legend += [Swatch("重算得分", mark=recomputed), Swatch("自评得分", mark=claimed),
                    Swatch("分值", bar=PALETTE["分值"])]
    return plot.chart()


def stated_vs_recomputed_rates(frame: pd.DataFrame) -> SvgChart:
    """Each rate the unit states beside the same rate recomputed from its figures (tables.stated_rates_frame): the
    two as marks on one scale, a rate that does not hold named in red with both values."""
    rows = frame.dropna(subset=["重算"]).reset_index(drop=True)
    right = float(max(rows["单位陈述"].max(), rows["重算"].max()))
    plot = Plot(list(rows["比率"]), horizontal=True, width=WIDTH, height=1.2 + ROW_HEIGHT * 1.2 * len(rows),
                low=0.0, high=right * 1.45, value_label="%", value_text=lambda v: f"{figure(v)}%",
                category_colours=[NAME_INK if ok else MISMATCH for ok in rows["相符"]], category_grid=True)
    stated = MarkStyle("diamond", mark_radius(50, "diamond"), PALETTE["单位陈述"], PALETTE["单位陈述"], 1.0)
    recomputed = MarkStyle("circle", mark_radius(110, "circle"), None, PALETTE["重算"], 1.8)
    for i, row in rows.iterrows():
        at = float(i)  # a RangeIndex after reset_index
        plot.dots += [Dot(at, float(row["单位陈述"]), stated), Dot(at, float(row["重算"]), recomputed)]
        ok = bool(row["相符"])
        text = f"{row['陈述原文']}" + ("，相符" if ok else f" ≠ 重算 {pct(row['重算'])}")
        plot.notes.append(Note(at, float(max(row["单位陈述"], row["重算"])), text, AGREES if ok else MISMATCH, gap=8.0))
    plot.legend += [Swatch("单位陈述", mark=stated), Swatch("按其数据重算", mark=recomputed)]
    return plot.chart()


def spending_structure(frame: pd.DataFrame) -> SvgChart:
    """本年决算 by component (tables.spending_frame), coloured by 基本支出 / 项目支出, each bar labelled in 万元
    with its share."""
    amounts = [float(v) for v in frame["金额"]]
    low, high = min(0.0, *amounts), max(0.0, *amounts)
    plot = Plot(list(frame["项目"]), horizontal=True, width=WIDTH, height=1.4 + ROW_HEIGHT * len(frame), low=low,
                high=high + 0.32 * (high - low), value_label="万元", value_text=figure)  # 12,000 as money is written
    for i, (amount, share, group) in enumerate(zip(amounts, frame["占比"], frame["类别"])):
        colour = _bar_colour(str(group))
        plot.bars.append(Bar(i - BAR_WIDTH / 2, BAR_WIDTH, amount, colour))
        plot.notes.append(Note(float(i), amount, f"{wan(amount)}（{pct(share)}）"))
        if not any(s.label == str(group) for s in plot.legend):
            plot.legend.append(Swatch(str(group), bar=colour))
    return plot.chart()
