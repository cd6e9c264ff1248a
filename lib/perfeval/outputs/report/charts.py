"""The report's charts, each drawn from the frame it shows (report.tables) and returning a matplotlib Figure.

Whether a chart is worth drawing, and what it says, is report.points' business. They are plain matplotlib in
seaborn's theme (fonts.apply_theme): seaborn's barplot and scatterplot cost more than the whole rest of a chart
(they estimate an error bar for each single value, build a legend of their own and measure every tick label)
and added nothing here but their look, which is reproduced: bars at seaborn's widths and desaturated colours,
no grid across a categorical axis, markers with a thin white edge.
"""
from __future__ import annotations

import colorsys
from typing import Callable, Sequence

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from ...fmt import figure, pct, points, wan
from .fonts import ensure_chinese_font
from .layout import place
from .tables import SCORE_TOLERANCE

WIDTH = 9.0  # inches; shown at about 860 px, the width of the report column
ROW_HEIGHT = 0.34  # inches per category in horizontal charts
PALETTE = {"分值": "#c9d3df", "已评分值": "#8fa8c8", "重算得分": "#2f6db5", "自评得分": "#e08a2c",
           "单位陈述": "#e08a2c", "重算": "#2f6db5", "基本支出": "#6b8fbf", "项目支出": "#e0a050"}
MISMATCH = "#b03a2e"
AGREES = "#57606a"


BAR_WIDTH = 0.8  # of a category's slot, shared by its bars side by side (seaborn's)
BAR_SATURATION = 0.75  # seaborn's barplot draws its colours this much desaturated
MARKER_EDGE = 0.08  # a marker's white edge, in points per point of its size (seaborn's scatterplot)


def _figure(height: float) -> tuple[Figure, Axes]:
    """A pyplot-free figure (nothing is shown twice in a notebook) drawn in the report's font, laid out by
    _finish (report.layout) rather than by a layout engine, which would draw it twice."""
    ensure_chinese_font()
    fig = Figure(figsize=(WIDTH, height))
    return fig, fig.subplots()


def _bar_colour(name: str) -> tuple[float, float, float]:
    """A series' colour as the bars draw it: desaturated as seaborn's bars were, so the charts look as before."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*to_rgb(PALETTE[name]))
    return colorsys.hls_to_rgb(hue, lightness, saturation * BAR_SATURATION)


def _category_bars(ax: Axes, categories: Sequence[str], series: dict[str, Sequence[float]]) -> None:
    """One bar per category and series, the series side by side within the category's slot."""
    width = BAR_WIDTH / len(series)
    for i, (name, values) in enumerate(series.items()):
        edges = [c - BAR_WIDTH / 2 + i * width for c in range(len(values))]
        ax.bar(edges, values, width=width, align="edge", color=_bar_colour(name), label=name)
    _categorical_axis(ax, categories, "x")


def _categorical_axis(ax: Axes, categories: Sequence[str], axis: str) -> None:
    """Category i at position i, labelled, without a grid line across it; read top to bottom on the y axis."""
    positions = range(len(categories))
    if axis == "x":
        ax.set_xticks(positions, categories)
        ax.xaxis.grid(False)
        ax.set_xlim(-0.5, len(categories) - 0.5)
    else:
        ax.set_yticks(positions, categories)
        ax.yaxis.grid(False)
        ax.set_ylim(len(categories) - 0.5, -0.5)


def _label_bars(ax: Axes, fmt: Callable[[float], str]) -> None:
    for container in ax.containers:
        ax.bar_label(container, labels=[fmt(v) for v in container.datavalues], padding=2, fontsize=9)


def _marks(ax: Axes, x: Sequence[float], y: Sequence[float], name: str, marker: str, size: float,
           edge: float) -> Line2D:
    """Filled marks of one series with a thin white edge; returns its legend entry (the same mark)."""
    colour = PALETTE[name]
    ax.scatter(x, y, marker=marker, s=size, color=colour, edgecolors="w", linewidths=edge, zorder=3)
    return Line2D([], [], linestyle="", marker=marker, markersize=size ** 0.5, markerfacecolor=colour,
                  markeredgecolor="w", markeredgewidth=edge, color=colour)


def _finish(fig: Figure, ax: Axes, entries: Sequence[tuple[Artist, str]] = ()) -> Figure:
    """The legend under the plot, where it cannot cover a bar or its label (the given entries, else the axes'),
    and the axes placed to leave room for every label."""
    handles, labels = zip(*entries) if entries else ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=len(labels), frameon=False)
    place(fig)
    return fig


def score_vs_weight(frame: pd.DataFrame) -> Figure:
    """Per level-1 indicator (tables.level1_frame): its points, the points assessed where some were not, and the
    recomputed score."""
    series = ["分值", "已评分值", "重算得分"]
    if (frame["已评分值"] >= frame["分值"] - SCORE_TOLERANCE).all():
        series.remove("已评分值")  # every point assessed: the bar would repeat 分值
    fig, ax = _figure(3.8)
    _category_bars(ax, list(frame["一级指标"]), {name: list(frame[name]) for name in series})
    _label_bars(ax, points)
    ax.set(xlabel="", ylabel="分")
    ax.margins(y=0.12)
    return _finish(fig, ax)


def claimed_vs_recomputed(frame: pd.DataFrame) -> Figure:
    """The indicators whose claimed score differs from the recomputed one on the weight the unit filled in
    (tables.claimed_scores_frame): the weight as a bar, both scores as marks, the gap written beside them."""
    gap = frame["自评得分"] - frame["重算得分"]
    rows = frame[gap.abs() >= SCORE_TOLERANCE].reset_index(drop=True)
    fig, ax = _figure(1.2 + ROW_HEIGHT * 1.3 * len(rows))
    weights = ax.barh(rows.index, rows["分值"], color=PALETTE["分值"], height=0.6, label="分值")
    sizes = {"重算得分": 120, "自评得分": 50}
    edge = MARKER_EDGE * min(sizes.values()) ** 0.5  # one edge for both, from the smaller mark (as seaborn did)
    recomputed = _marks(ax, rows["重算得分"], rows.index, "重算得分", "o", sizes["重算得分"], edge)
    claimed = _marks(ax, rows["自评得分"], rows.index, "自评得分", "D", sizes["自评得分"], edge)
    for y, row in rows.iterrows():
        diff = row["自评得分"] - row["重算得分"]
        ax.annotate(f"自评 {points(row['自评得分'])}，重算 {points(row['重算得分'])}（自评{'高' if diff > 0 else '低'} "
                    f"{points(abs(diff))}）", (max(row["分值"], row["自评得分"]), y), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=9, color=MISMATCH if diff > 0 else PALETTE["重算"])
    ax.set_yticks(rows.index, rows["三级指标"])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set(xlabel="分（按单位填报的分值）", ylabel="")
    ax.set_xlim(0, rows[["分值", "自评得分"]].max().max() * 1.9)
    return _finish(fig, ax, [(recomputed, "重算得分"), (claimed, "自评得分"), (weights, "分值")])


def stated_vs_recomputed_rates(frame: pd.DataFrame) -> Figure:
    """Each rate the unit states beside the same rate recomputed from its figures (tables.stated_rates_frame): the
    two as marks on one scale, a rate that does not hold named in red with both values."""
    rows = frame.dropna(subset=["重算"]).reset_index(drop=True)
    fig, ax = _figure(1.2 + ROW_HEIGHT * 1.2 * len(rows))
    ax.scatter(rows["单位陈述"], rows.index, marker="D", s=50, color=PALETTE["单位陈述"], label="单位陈述", zorder=3)
    ax.scatter(rows["重算"], rows.index, marker="o", s=110, facecolors="none", edgecolors=PALETTE["重算"],
               linewidths=1.8, label="按其数据重算", zorder=4)
    right = max(rows["单位陈述"].max(), rows["重算"].max())
    for y, row in rows.iterrows():
        ok = bool(row["相符"])
        text = f"{row['陈述原文']}" + ("，相符" if ok else f" ≠ 重算 {pct(row['重算'])}")
        ax.annotate(text, (max(row["单位陈述"], row["重算"]), y), xytext=(8, 0), textcoords="offset points",
                    va="center", fontsize=9, color=AGREES if ok else MISMATCH)
    ax.set_yticks(rows.index, rows["比率"])
    for label, ok in zip(ax.get_yticklabels(), rows["相符"]):
        label.set_color("#1f2328" if ok else MISMATCH)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, right * 1.45)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{figure(v)}%"))
    ax.set(xlabel="%", ylabel="")
    return _finish(fig, ax)


def _group_bars(ax: Axes, frame: pd.DataFrame) -> None:
    """One horizontal bar per component, coloured by its group (基本支出 / 项目支出), one legend entry a group."""
    for group, rows in frame.reset_index(drop=True).groupby("类别", sort=False):
        ax.barh([i - BAR_WIDTH / 2 for i in rows.index], rows["金额"], height=BAR_WIDTH, align="edge",
                color=_bar_colour(str(group)), label=str(group))
    _categorical_axis(ax, list(frame["项目"]), "y")


def spending_structure(frame: pd.DataFrame) -> Figure:
    """本年决算 by component (tables.spending_frame), coloured by 基本支出 / 项目支出, each bar labelled in 万元
    with its share."""
    fig, ax = _figure(1.4 + ROW_HEIGHT * len(frame))
    _group_bars(ax, frame)
    shares = dict(zip(frame["金额"], frame["占比"]))
    _label_bars(ax, lambda v: f"{wan(v)}（{pct(shares.get(v))}）")
    ax.set(xlabel="万元", ylabel="")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: figure(v)))  # 12,000 as the labels write money
    ax.margins(x=0.32)
    return _finish(fig, ax)
