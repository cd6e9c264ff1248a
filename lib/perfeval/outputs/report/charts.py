"""The report's seaborn charts, each drawn from the frame it shows (report.tables) and returning a matplotlib Figure.

Whether a chart is worth drawing, and what it says, is report.points' business.
"""
from __future__ import annotations

from typing import Callable

import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ...fmt import figure, pct, points, wan
from .fonts import ensure_chinese_font
from .tables import SCORE_TOLERANCE

WIDTH = 9.0  # inches; shown at about 860 px, the width of the report column
ROW_HEIGHT = 0.34  # inches per category in horizontal charts
PALETTE = {"分值": "#c9d3df", "已评分值": "#8fa8c8", "重算得分": "#2f6db5", "自评得分": "#e08a2c",
           "单位陈述": "#e08a2c", "重算": "#2f6db5", "基本支出": "#6b8fbf", "项目支出": "#e0a050"}
MISMATCH = "#b03a2e"
AGREES = "#57606a"


def _figure(height: float) -> tuple[Figure, Axes]:
    """A pyplot-free figure (nothing is shown twice in a notebook) drawn in the report's font."""
    ensure_chinese_font()
    fig = Figure(figsize=(WIDTH, height), layout="constrained")
    return fig, fig.subplots()


def _label_bars(ax: Axes, fmt: Callable[[float], str]) -> None:
    for container in ax.containers:
        ax.bar_label(container, labels=[fmt(v) for v in container.datavalues], padding=2, fontsize=9)


def _legend_below(fig: Figure, ax: Axes) -> None:
    """Move the legend under the plot, where it cannot cover a bar or its label."""
    handles, labels = ax.get_legend_handles_labels()
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    fig.legend(handles, labels, loc="outside lower center", ncols=len(labels), frameon=False)


def score_vs_weight(frame: pd.DataFrame) -> Figure:
    """Per level-1 indicator (tables.level1_frame): its points, the points assessed where some were not, and the
    recomputed score."""
    series = ["分值", "已评分值", "重算得分"]
    if (frame["已评分值"] >= frame["分值"] - SCORE_TOLERANCE).all():
        series.remove("已评分值")  # every point assessed: the bar would repeat 分值
    long = frame.melt(id_vars="一级指标", value_vars=series, var_name="项目", value_name="分")
    fig, ax = _figure(3.8)
    sns.barplot(data=long, x="一级指标", y="分", hue="项目", palette=PALETTE, ax=ax)
    _label_bars(ax, points)
    ax.set(xlabel="", ylabel="分")
    ax.margins(y=0.12)
    _legend_below(fig, ax)
    return fig


def claimed_vs_recomputed(frame: pd.DataFrame) -> Figure:
    """The indicators whose claimed score differs from the recomputed one on the weight the unit filled in
    (tables.claimed_scores_frame): the weight as a bar, both scores as marks, the gap written beside them."""
    gap = frame["自评得分"] - frame["重算得分"]
    rows = frame[gap.abs() >= SCORE_TOLERANCE].reset_index(drop=True)
    fig, ax = _figure(1.2 + ROW_HEIGHT * 1.3 * len(rows))
    ax.barh(rows.index, rows["分值"], color=PALETTE["分值"], height=0.6, label="分值")
    long = rows.reset_index().melt(id_vars="index", value_vars=["重算得分", "自评得分"], var_name="项目", value_name="分")
    sns.scatterplot(data=long, x="分", y="index", hue="项目", style="项目", size="项目", palette=PALETTE,
                    markers={"重算得分": "o", "自评得分": "D"}, sizes={"重算得分": 120, "自评得分": 50},
                    zorder=3, ax=ax)
    for y, row in rows.iterrows():
        diff = row["自评得分"] - row["重算得分"]
        ax.annotate(f"自评 {points(row['自评得分'])}，重算 {points(row['重算得分'])}（自评{'高' if diff > 0 else '低'} "
                    f"{points(abs(diff))}）", (max(row["分值"], row["自评得分"]), y), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=9, color=MISMATCH if diff > 0 else PALETTE["重算"])
    ax.set_yticks(rows.index, rows["三级指标"])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set(xlabel="分（按单位填报的分值）", ylabel="")
    ax.set_xlim(0, rows[["分值", "自评得分"]].max().max() * 1.9)
    _legend_below(fig, ax)
    return fig


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
    _legend_below(fig, ax)
    return fig


def spending_structure(frame: pd.DataFrame) -> Figure:
    """本年决算 by component (tables.spending_frame), coloured by 基本支出 / 项目支出, each bar labelled in 万元
    with its share."""
    fig, ax = _figure(1.4 + ROW_HEIGHT * len(frame))
    sns.barplot(data=frame, y="项目", x="金额", hue="类别", palette=PALETTE, orient="h", dodge=False, ax=ax)
    shares = dict(zip(frame["金额"], frame["占比"]))
    _label_bars(ax, lambda v: f"{wan(v)}（{pct(shares.get(v))}）")
    ax.set(xlabel="万元", ylabel="")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: figure(v)))  # 12,000 as the labels write money
    ax.margins(x=0.32)
    _legend_below(fig, ax)
    return fig
