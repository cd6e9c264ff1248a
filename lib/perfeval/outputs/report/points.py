"""What each chart says, as its caption; or, when a chart would say nothing (one bar, one point, nothing to
compare), the sentence that says it instead. Pure functions of the frames the charts draw."""
from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from ...fmt import pct, points, wan
from .tables import SCORE_TOLERANCE, UNEXPLAINED_PROJECT

MIN_BARS = 2  # a chart of fewer categories says nothing a sentence cannot
MAX_NAMED = 3


class Point(NamedTuple):
    """A chart's caption when it is drawn (draw=True), else the sentence shown instead."""

    draw: bool
    text: str


def quoted(name: str) -> str:
    """A name in quotation marks, unless it carries its own (“三公经费”变动率 is not quoted twice)."""
    return name if "“" in name else f"“{name}”"


def _names(names: list[str]) -> str:
    shown = "、".join(quoted(n) for n in names[:MAX_NAMED])
    return shown + (f"等 {len(names)} 项" if len(names) > MAX_NAMED else "")


def scores(frame: pd.DataFrame) -> Point:
    """Per level-1 indicator (tables.level1_frame): where the points were not assessed, else where they were lost."""
    unassessed = frame[frame["已评分值"] < frame["分值"] - SCORE_TOLERANCE]
    none = frame[frame["已评分值"] <= SCORE_TOLERANCE]
    if len(frame) < MIN_BARS:
        return Point(False, "")
    if not unassessed.empty:
        text = (f"应评 {points(frame['分值'].sum())} 分中已评 {points(frame['已评分值'].sum())} 分"
                f"，得 {points(frame['重算得分'].sum())} 分")
        if not none.empty:
            text += f"；{'、'.join(none['一级指标'])}的 {points(none['分值'].sum())} 分全部未评"
        return Point(True, text)
    lost = (frame["分值"] - frame["重算得分"])
    if lost.max() < SCORE_TOLERANCE:
        return Point(False, "各一级指标均得满分。")
    worst = frame.loc[lost.idxmax()]
    return Point(True, f"各一级指标均已评分；失分最多的是{quoted(worst['一级指标'])}：{points(worst['分值'])} 分得 "
                       f"{points(worst['重算得分'])} 分")


def claims(frame: pd.DataFrame) -> Point:
    """Claimed against recomputed scores on the unit's own weights (tables.claimed_scores_frame)."""
    if frame.empty:
        return Point(False, "单位未填报逐项自评得分，无法逐项比较自评与重算得分。")
    gap = frame["自评得分"] - frame["重算得分"]
    differ = frame[gap.abs() >= SCORE_TOLERANCE]
    if differ.empty:
        return Point(False, f"单位填报自评得分的 {len(frame)} 项，按单位填报的分值重算，得分均与自评一致。")
    high, low = differ[gap[differ.index] > 0], differ[gap[differ.index] < 0]
    parts = []
    if not high.empty:
        parts.append(f"{len(high)} 项自评偏高（{_names(list(high['三级指标']))}，合计高 {points(gap[high.index].sum())} 分）")
    if not low.empty:
        parts.append(f"{len(low)} 项自评偏低（{_names(list(low['三级指标']))}）")
    text = f"单位填报自评得分的 {len(frame)} 项中，按其填报的分值重算，" + "，".join(parts) + "，其余一致"
    if len(differ) < MIN_BARS:
        row = differ.iloc[0]
        return Point(False, f"{text}：{quoted(row['三级指标'])}自评 {points(row['自评得分'])} 分，重算 "
                            f"{points(row['重算得分'])} 分。")
    return Point(True, text)


def rates(frame: pd.DataFrame) -> Point:
    """The rates the unit states beside the recomputed ones (tables.stated_rates_frame): which do not hold."""
    computable = frame.dropna(subset=["重算"])
    if computable.empty:
        return Point(False, "单位未陈述可由其数据重算的比率。")
    wrong = computable[~computable["相符"]]
    if wrong.empty:
        return Point(False, f"单位陈述的 {len(computable)} 个比率，按其数据重算，在陈述的精度内均相符。")
    named = "；".join(f"{r['比率']}陈述 {r['陈述原文']}，重算 {pct(r['重算'])}" for _, r in wrong.head(MAX_NAMED).iterrows())
    text = f"单位陈述的 {len(computable)} 个比率中 {len(wrong)} 个与按其数据重算的不符：{named}"
    return Point(len(computable) >= MIN_BARS, text if len(computable) >= MIN_BARS else text + "。")


def spending(frame: pd.DataFrame) -> Point:
    """本年决算 by component (tables.spending_frame): the shares of 基本/项目支出 and what is not explained."""
    if len(frame) < MIN_BARS:
        return Point(False, "报告未载明基本支出、项目支出的分项决算数，无法分析支出结构。")
    by_group = frame.groupby("类别", sort=False)["占比"].sum()
    text = "；".join(f"{group}占 {pct(share)}" for group, share in by_group.items())
    unexplained = frame[frame["项目"] == UNEXPLAINED_PROJECT]
    if not unexplained.empty:
        row = unexplained.iloc[0]
        text += f"，其中 {wan(row['金额'])}（占总支出 {pct(row['占比'])}）未列明用途"
    biggest = frame.loc[frame["金额"].idxmax()]
    return Point(True, f"本年决算 {wan(frame['金额'].sum())}：{text}；最大的一项是{quoted(biggest['项目'])}"
                       f"（{pct(biggest['占比'])}）")
