"""What each portfolio chart says, as its caption; or, when there are too few units to compare (one point, one
bar, a distribution of three), the sentence that says it instead."""
from __future__ import annotations

import pandas as pd

from ...fmt import fixed, pct, points
from ..report.points import Point, quoted
from .charts import MAX_BARS, MAX_UNIT_COLUMNS, compared, ratio_groups, shared_ratios

MIN_POINTS = 3  # a scatter of fewer units shows no pattern a sentence cannot state
MIN_DISTRIBUTION = 10  # a distribution of fewer units is a list: say it
GRADES = ("优", "良", "中", "差", "不予定级")


def claims(units: pd.DataFrame) -> Point:
    """Claimed against recomputed totals of the units that have both (portfolio.units_table)."""
    data = compared(units)
    if data.empty:
        return Point(False, "没有同时具备重算总分（已定级）与自评总分的单位。")
    gap = data["自评总分"] - data["重算总分"]
    if len(data) < MIN_POINTS:
        said = "；".join(f"{r['单位']}自评 {points(r['自评总分'])} 分，重算 {points(r['重算总分'])} 分"
                        for _, r in data.iterrows())
        return Point(False, f"仅 {len(data)} 个单位同时有重算总分与自评总分：{said}。")
    higher = int((gap >= 0.005).sum())
    return Point(True, f"{len(data)} 个已定级且有自评总分的单位中，{higher} 个自评高于重算，"
                       f"自评与重算最多相差 {points(gap.abs().max())} 分")


def _tally(series: pd.Series) -> str:
    counts = series.fillna("未载明").value_counts()
    order = [g for g in GRADES if g in counts] + sorted(set(counts.index) - set(GRADES))
    return "、".join(f"{g} {counts[g]} 个" for g in order)


def grades(units: pd.DataFrame) -> Point:
    """How many units fall in each grade, recomputed beside claimed."""
    text = f"重算等次：{_tally(units['重算等次'])}；自评等次：{_tally(units['自评等次'])}"
    return Point(len(units) >= MIN_DISTRIBUTION, text if len(units) >= MIN_DISTRIBUTION else text + "。")


def shares(shares_: pd.DataFrame, name: str) -> Point:
    """Score shares of the units of one framework: where the units score lowest on average."""
    assessed = shares_.dropna(how="all")
    if assessed.empty:
        return Point(False, f"{name}：各单位均无已评分的指标。")
    if shares_.shape[1] < 2:
        return Point(False, f"{name}：只有 1 个单位，得分率见该单位报告的指标得分表。")
    mean = assessed.mean(axis=1)
    low = mean.idxmin()
    banded = (f"；{shares_.shape[1]} 个单位多于图能并列的 {MAX_UNIT_COLUMNS} 个，图中按得分率区间汇总，格中为单位数"
              f"（各单位的得分率见其报告与汇总工作簿）" if shares_.shape[1] > MAX_UNIT_COLUMNS else "")
    if assessed.shape[0] == 1:  # "the lowest" of one indicator (trial 6's W29)
        return Point(True, f"{name}：只有 1 个指标有已评分值，即{quoted(low)}，平均得分率 {pct(mean[low])}{banded}")
    return Point(True, f"{name}：{assessed.shape[0]} 个指标有已评分值；平均得分率最低的是{quoted(low)}"
                       f"（{pct(mean[low])}）{banded}")


def _value(row: pd.Series) -> str:
    return f"{fixed(row['数值'], 2)}{row['单位（计量）']}" + ("，近似值" if row["说明"] else "")


def ratios(ratios_: pd.DataFrame) -> Point:
    """Cost ratios two or more units state: for each, the highest against the lowest."""
    shared = shared_ratios(ratios_)
    if shared.empty:
        return Point(False, "没有两个以上同类单位同时载明的成本比率，无法比较" + _unranked(ratios_) + "（各单位的比率见下表）。"
                     if not ratios_.empty else "各单位均未同时载明成本与人员或业务量数据，无法计算成本比率。")
    said = []
    for (name, kind), part in ratio_groups(shared).items():
        hi, lo = part.loc[part["数值"].idxmax()], part.loc[part["数值"].idxmin()]
        sampled = f"（{len(part)} 个单位，图中为最高与最低各 {MAX_BARS // 2} 个，全部见下表）" if len(part) > MAX_BARS else ""
        said.append(f"{kind}中，{name}最高为{hi['单位']}（{_value(hi)}），最低为{lo['单位']}（{_value(lo)}）{sampled}")
    return Point(True, "；".join(said) + _unranked(ratios_))


def _unranked(ratios_: pd.DataFrame) -> str:
    """What the comparison leaves out: the units that state no kind (a ratio means the same only within one)."""
    units = ratios_.loc[ratios_["类别"].isna() | (ratios_["类别"] == ""), "单位"].unique()
    return f"。未注明类别的单位（{'、'.join(units)}）不与其他单位比较，其比率见下表" if len(units) else ""
