"""The report's seaborn charts; each returns a matplotlib Figure, or None when the unit has nothing to plot."""
from __future__ import annotations

from typing import Callable

import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ...core.engine import ScoredUnit, ScoreSheet
from ...core.params import UnitParams
from ...fmt import figure, pct, points, wan
from . import tables
from .fonts import ensure_chinese_font

WIDTH = 9.0  # inches; shown at about 860 px, the width of the report column
ROW_HEIGHT = 0.34  # inches per category in horizontal charts
PALETTE = {"分值": "#c9d3df", "已评分值": "#8fa8c8", "重算得分": "#2f6db5", "自评得分": "#e08a2c",
           "单位陈述": "#e08a2c", "重算": "#2f6db5", "基本支出": "#6b8fbf", "项目支出": "#e0a050"}


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


def score_vs_weight(sheet: ScoreSheet) -> Figure:
    """Per level-1 indicator: its points, the points assessed, the recomputed and the claimed score."""
    frame = tables.level1_frame(sheet)
    long = frame.melt(id_vars="一级指标", var_name="项目", value_name="分").dropna()
    fig, ax = _figure(4.2)
    sns.barplot(data=long, x="一级指标", y="分", hue="项目", palette=PALETTE, ax=ax)
    _label_bars(ax, points)
    ax.set(title="各一级指标的分值、已评分值与得分（分）", xlabel="", ylabel="分")
    ax.margins(y=0.1)
    _legend_below(fig, ax)
    return fig


def claimed_vs_recomputed(sheet: ScoreSheet) -> Figure | None:
    """Per indicator the unit claims a score for: recomputed and claimed score over the weight it filled in."""
    frame = tables.claimed_scores_frame(sheet).dropna(subset=["自评得分"]).reset_index(drop=True)
    if frame.empty:
        return None
    fig, ax = _figure(1.4 + ROW_HEIGHT * len(frame))
    ax.barh(frame.index, frame["分值"], color=PALETTE["分值"], height=0.6, label="分值")
    long = frame.reset_index().melt(id_vars="index", value_vars=["重算得分", "自评得分"], var_name="项目", value_name="分")
    sns.scatterplot(data=long, x="分", y="index", hue="项目", style="项目", size="项目", palette=PALETTE,
                    markers={"重算得分": "o", "自评得分": "D"}, sizes={"重算得分": 120, "自评得分": 40},
                    zorder=3, ax=ax)
    for y, row in frame.iterrows():
        gap = row["自评得分"] - row["重算得分"]
        if abs(gap) >= 0.005:
            ax.annotate(f"自评{'高' if gap > 0 else '低'} {points(abs(gap))}", (max(row["分值"], row["自评得分"]), y),
                        xytext=(6, 0), textcoords="offset points", va="center", fontsize=9,
                        color="#b03a2e" if gap > 0 else "#2f6db5")
    ax.set_yticks(frame.index, frame["三级指标"])
    ax.set_ylim(len(frame) - 0.5, -0.5)
    ax.set(title="逐项自评得分与重算得分（按单位填报的分值，分）", xlabel="分", ylabel="")
    ax.margins(x=0.15)
    _legend_below(fig, ax)
    return fig


def stated_vs_recomputed_rates(unit: ScoredUnit) -> Figure | None:
    """Each rate the unit states beside the same rate recomputed from its own figures (%)."""
    frame = tables.stated_rates_frame(unit)
    if frame.empty:
        return None
    long = frame.melt(id_vars="比率", value_vars=["单位陈述", "重算"], var_name="项目", value_name="%").dropna()
    fig, ax = _figure(1.4 + ROW_HEIGHT * 1.5 * len(frame))
    sns.barplot(data=long, y="比率", x="%", hue="项目", palette=PALETTE, orient="h", ax=ax)
    _label_bars(ax, pct)
    ax.set(title="单位陈述的比率与按其数据重算的比率（%）", xlabel="%", ylabel="")
    ax.margins(x=0.12)
    _legend_below(fig, ax)
    return fig


def spending_structure(params: UnitParams) -> Figure | None:
    """本年决算 by component, coloured by 基本支出 / 项目支出, each bar labelled in 万元 with its share."""
    frame = tables.spending_frame(params)
    if frame.empty:
        return None
    fig, ax = _figure(1.4 + ROW_HEIGHT * len(frame))
    sns.barplot(data=frame, y="项目", x="金额", hue="类别", palette=PALETTE, orient="h", dodge=False, ax=ax)
    shares = dict(zip(frame["金额"], frame["占比"]))
    _label_bars(ax, lambda v: f"{wan(v)}（{pct(shares.get(v))}）")
    ax.set(title="支出结构（本年决算数，万元）", xlabel="万元", ylabel="")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: figure(v)))  # 12,000 as the labels write money
    ax.margins(x=0.32)
    _legend_below(fig, ax)
    return fig
