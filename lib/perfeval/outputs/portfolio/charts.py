"""Portfolio charts (seaborn): claimed vs recomputed, grade distribution, score-share heatmap, cost ratios.

Each draws the frame it is given; whether there is enough to compare, and what the chart says, is portfolio.points'.
"""
from __future__ import annotations


import pandas as pd
import seaborn as sns
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ...fmt import fixed
from ..report.fonts import ensure_chinese_font
from ..report.svgchart import break_points

GRADES = ["优", "良", "中", "差"]
MAX_UNIT_COLUMNS = 12  # units one heatmap shows side by side; beyond, it counts units per band of score share
SHARE_BANDS = ((0.0, 60.0, "<60%"), (60.0, 80.0, "60%–80%"), (80.0, 90.0, "80%–90%"), (90.0, float("inf"), "≥90%"))
MAX_BARS = 20  # units one cost-ratio panel shows; beyond, the highest and the lowest half of that each
RATIO_WIDTH = 6.5  # inches: a unit's name, its bar and value; wider, a phone shrank its text to 5 px fitting it in


SIDES = {"重算": "#2f6db5", "自评": "#f0b27a"}  # dark and light: apart in grey print and for colour-blind readers
SHARE_CMAP = "YlGnBu"  # one hue path, lightness rising with the share: read by colour-blind readers and in grey print


def wrap_label(text: str, width: int) -> str:
    """The label in lines of about `width` characters, broken only outside brackets."""
    lines, start = [], 0
    while len(text) - start > width:
        fits = [b for b in break_points(text) if start < b <= start + width]
        cut = fits[-1] if fits else next((b for b in break_points(text) if b > start), len(text))
        lines.append(text[start:cut])
        start = cut
    return "\n".join(lines + [text[start:]] if start < len(text) else lines)


def short_label(text: str, width: int) -> str:
    """The label cut to about `width` characters with …, never inside brackets (a bracketed part is left out)."""
    if len(text) <= width:
        return text
    fits = [b for b in break_points(text) if b <= width - 1]
    return text[:fits[-1] if fits else width - 1] + "…"


def _figure(width: float, height: float) -> tuple[Figure, object]:
    ensure_chinese_font()
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots()


def _laid_out(fig: Figure) -> Figure:
    """The figure with constrained layout worked out once and then fixed in place. Left to the engine, savefig
    lays the figure out on each of its two draws (one to measure, one to draw), most of a chart's cost; fixed,
    the figure is drawn once, its axes where the layout put them."""
    fig.get_layout_engine().execute(fig)
    fig.set_layout_engine(None)
    return fig


def compared(units: pd.DataFrame) -> pd.DataFrame:
    """The units with both a recomputed total (a grade was given) and a claimed one: what the scatter can place."""
    return units.dropna(subset=["重算总分", "自评总分"])


def claimed_vs_recomputed(units: pd.DataFrame) -> Figure:
    """Each unit with a grade and a claim as a point (recomputed, claimed); above the diagonal it scored itself
    higher. Units whose grade is withheld are left out: a total on part of the points is no basis."""
    data = compared(units)
    fig, ax = _figure(6.5, 5.2)
    lo = min(data["重算总分"].min(), data["自评总分"].min()) - 5
    ax.plot([lo, 100], [lo, 100], color="#999999", linestyle="--", linewidth=1, label="自评 = 重算")
    sns.scatterplot(data=data, x="重算总分", y="自评总分", hue="框架", style="框架", s=80, ax=ax)
    if len(data) <= 12:
        for i, (_, r) in enumerate(data.iterrows()):
            ax.annotate(short_label(str(r["单位"]), 14), (r["重算总分"], r["自评总分"]),
                        fontsize=8, xytext=(6, -12 - 10 * (i % 2)), textcoords="offset points")
    ax.set(xlim=(lo, 101), ylim=(lo, 101), xlabel="重算总分（分，百分制）", ylabel="自评总分（分）")
    ax.legend(loc="upper left", fontsize=8)
    return _laid_out(fig)


def grade_distribution(units: pd.DataFrame) -> Figure:
    """How many units fall in each grade, recomputed beside claimed; partial scoring is its own column."""
    long = pd.concat([pd.DataFrame({"等次": units["重算等次"], "口径": "重算"}),
                      pd.DataFrame({"等次": units["自评等次"].fillna("未载明"), "口径": "自评"})])
    order = GRADES + sorted(set(long["等次"]) - set(GRADES))
    fig, ax = _figure(7, 3.6)
    sns.countplot(data=long, x="等次", hue="口径", order=order, palette=SIDES, ax=ax)
    for c in ax.containers:
        ax.bar_label(c, fontsize=9)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set(xlabel="", ylabel="单位数（个）")
    return _laid_out(fig)


def share_bands(shares: pd.DataFrame) -> pd.DataFrame:
    """Indicator × band of score share: how many units fall in each band, and how many did not have it assessed."""
    assessed = shares.notna()
    counts = {label: ((shares >= lo) & (shares < hi) & assessed).sum(axis=1) for lo, hi, label in SHARE_BANDS}
    counts["未评"] = (~assessed).sum(axis=1)
    return pd.DataFrame(counts, index=shares.index)


def score_share_heatmap(shares: pd.DataFrame) -> Figure:
    """Indicator × unit, score as a share of the points assessed (%); blank where not assessed. Beyond
    MAX_UNIT_COLUMNS units, indicator × band of score share with the number of units in each cell: the figure's
    size and its number of labels do not grow with the number of units."""
    shares = shares.dropna(how="all")
    if shares.shape[1] > MAX_UNIT_COLUMNS:
        return _band_heatmap(share_bands(shares))
    shares = shares.set_axis([wrap_label(str(c), 10) for c in shares.columns], axis=1)
    fig, ax = _figure(max(6.5, 3.5 + 1.4 * shares.shape[1]), 1.5 + 0.3 * shares.shape[0])
    sns.heatmap(shares, annot=True, fmt=".0f", cmap=SHARE_CMAP, vmin=0, vmax=100, linewidths=0.5,
                cbar_kws={"label": "得分占已评分值（%）", "shrink": 0.6}, ax=ax)
    ax.grid(False)  # a blank cell (not assessed) is blank, not crossed by the theme's grid
    ax.set_facecolor("#f6f8fa")
    ax.set(xlabel="", ylabel="")
    ax.tick_params(axis="x", labelrotation=0, labelsize=9)
    return _laid_out(fig)


def _band_heatmap(bands: pd.DataFrame) -> Figure:
    """Number of units per indicator and band of score share, shaded by the share of the units it holds."""
    fig, ax = _figure(9.0, 1.5 + 0.3 * bands.shape[0])
    share = bands.div(bands.sum(axis=1), axis=0) * 100
    sns.heatmap(share, annot=bands, fmt="d", cmap="Blues", vmin=0, vmax=100, linewidths=0.5,
                cbar_kws={"label": "占单位数（%）", "shrink": 0.6}, ax=ax)
    ax.grid(False)
    ax.set(xlabel="得分率（得分 ÷ 已评分值）", ylabel="")
    ax.tick_params(axis="x", labelrotation=0, labelsize=9)
    return _laid_out(fig)


def shared_ratios(ratios: pd.DataFrame) -> pd.DataFrame:
    """The cost ratios at least two units of one kind (类别) state: a ratio means the same thing only within a kind,
    a panel of one bar compares nothing, and a unit that states no kind is ranked against none (the table lists it)."""
    if ratios.empty:
        return ratios
    kinded = ratios[ratios["类别"].notna() & (ratios["类别"] != "")]
    counts = kinded.groupby(["指标", "类别"])["单位"].transform("count")
    return kinded[counts >= 2]


def ratio_groups(shared: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """Each (ratio, kind) compared, in the order the ratios and kinds first appear."""
    return {(name, kind): part for (name, kind), part in shared.groupby(["指标", "类别"], sort=False)}


def extremes(part: pd.DataFrame) -> pd.DataFrame:
    """One ratio's rows as a panel shows them: all of them up to MAX_BARS, else the highest and the lowest
    MAX_BARS / 2, highest first."""
    ordered = part.sort_values("数值", ascending=False, kind="stable")
    half = MAX_BARS // 2
    return ordered if len(ordered) <= MAX_BARS else pd.concat([ordered.head(half), ordered.tail(half)])


def cost_ratio_bars(ratios: pd.DataFrame) -> Figure:
    """One panel per cost ratio two or more units of one kind state, units side by side (at most MAX_BARS: the highest and the
    lowest), values labelled with their unit."""
    parts = ratio_groups(shared_ratios(ratios))
    shown_parts = {group: extremes(part) for group, part in parts.items()}
    heights = [0.8 + 0.28 * len(shown) for shown in shown_parts.values()]
    ensure_chinese_font()
    fig = Figure(figsize=(RATIO_WIDTH, sum(heights) + 0.5), layout="constrained")
    axes = fig.subplots(len(parts), 1, squeeze=False, height_ratios=heights)[:, 0]
    for ax, ((name, kind), part) in zip(axes, parts.items()):
        shown = shown_parts[(name, kind)]
        labels = [f"{u}（{y}）" for u, y in zip(shown["单位"], shown["年度"])]
        sns.barplot(x=shown["数值"].to_numpy(), y=labels, color="#2f6db5", orient="h", ax=ax)
        unit = shown["单位（计量）"].iloc[0]
        labels = [f"{fixed(v, 2)}{unit}" + ("（近似值）" if note else "") for v, note in zip(shown["数值"], shown["说明"])]
        ax.bar_label(ax.containers[0], labels=labels, padding=3, fontsize=9)
        sampled = f"，{len(part)} 个单位中最高与最低各 {MAX_BARS // 2} 个" if len(part) > len(shown) else ""
        ax.set(title=f"{kind}：{name}（{unit}）{sampled}", xlabel="", ylabel="")
        ax.margins(x=0.25)
    return _labels_inside(_laid_out(fig))


def _labels_inside(fig: Figure) -> Figure:
    """Each panel's value axis long enough for the labels at its bars' ends: a label is as wide at any scale, so a
    fixed margin let "13.51万元/人" or "236.06元/次（近似值）" run past the axis into the figure's edge."""
    renderer = FigureCanvasAgg(fig).get_renderer()
    for ax in fig.axes:
        box, (left, right) = ax.get_window_extent(renderer), ax.get_xlim()
        needed = right
        for bar, label in zip(ax.patches, ax.texts):
            end = bar.get_x() + bar.get_width()
            width = label.get_window_extent(renderer).x1 - ax.transData.transform((end, 0))[0]  # padding and text
            if width < box.width:  # the bar's end at (end - left) / (r - left) of the axis, its label after it
                needed = max(needed, left + (end - left) * box.width / (box.width - width) * 1.02)
        ax.set_xlim(left, needed)
    return fig
