"""Portfolio page blocks, one call per notebook cell: Stylers over the analyst's frames, Chart records, escaped prose
— the same in JupyterLab and in the exported page, as in the unit report."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import pandas as pd
from pandas.io.formats.style import Styler

from ...fmt import fixed, points, stated
from ...paths import UNITS_DIR, params_files_in
from ..report.display import Chart, Html, esc, note, styled
from ..report.points import Point
from . import charts
from . import points as points_
from .tables import NO_KIND, Portfolio, unit_names

Block = Styler | Chart | Html


def resolve_units(units: Sequence[str]) -> list[Path]:
    """The params files to compare: those named, or every file under params/units/."""
    return [Path(u) for u in units] if units else params_files_in(UNITS_DIR)


NEUTRAL_TITLE = "各单位部门整体支出绩效评价对比"  # the page's <title> too (batch.summaries.write_portfolio)


def page_title(portfolio: Portfolio) -> str:
    """The heading: named after the units' kind only when every unit is of that one stated kind (a 水利工程管理站
    listed under 机关事务服务中心……汇总 misleads), else the neutral wording."""
    (kind,) = portfolio.kinds if len(portfolio.kinds) == 1 else (NO_KIND,)
    return NEUTRAL_TITLE if kind == NO_KIND else f"{kind}部门整体支出绩效评价汇总"


def title_block(title: str, portfolio: Portfolio) -> Html:
    """The page title (empty: page_title's), how many units it compares and, for each file that could not be read,
    why."""
    out = Html(f"<h1>{esc(title or page_title(portfolio))}</h1>") + note(f"共 {len(portfolio.units)} 个单位；金额单位：万元。")
    for path, why in portfolio.failed:
        out += note(f"未能纳入：{Path(path).name}——{why.splitlines()[0]}")
    return out


def _coverage(row: pd.Series) -> str:
    return f"{points(row['已评分值'])} / {points(row['应评分值'])}（核实 {points(row['其中核实'])}）"


def _verdict(row: pd.Series) -> str:
    if pd.notna(row["重算总分"]):
        return f"{points(row['重算总分'])} · {row['重算等次']}"
    if pd.isna(row["总分下限"]):
        return str(row["重算等次"])
    return f"{row['重算等次']}（总分可在 {points(row['总分下限'])}–{points(row['总分上限'])}）"


def _claim(row: pd.Series) -> str:
    total = "未载明" if pd.isna(row["自评总分"]) else stated(row["自评总分"])
    grade = f" · {row['自评等次']}" if isinstance(row["自评等次"], str) and row["自评等次"] else ""
    status = f"（{row['自评复核']}）" if isinstance(row["自评复核"], str) and row["自评复核"] else ""
    return total + grade + status


# What a reader sees of units_table: one column per question (as the index asks them), the others hidden
SHOWN = {"已评分值": ("已评 / 应评分值", _coverage), "重算总分": ("重算总分 · 等次", _verdict),
         "自评总分": ("自评总分 · 等次", _claim)}
FOLDED = ["应评分值", "其中核实", "总分下限", "总分上限", "重算等次", "自评等次", "自评复核", "编号"]
REPORT_HREF = "units/{id}/{id}.html"  # a unit's report, from the portfolio page in a batch's outputs


def _shown_per_row(styler: Styler, column: str, texts: Sequence[str]) -> None:
    """Each row's cell of `column` shown as its own text (HTML): what Styler.format(subset=that cell) does, without
    its cost per call (2.6 s for a thousand units' four columns), by setting the Styler's display function of each
    cell directly."""
    j = styler.columns.get_loc(column)
    for i, text in enumerate(texts):
        styler._display_funcs[(i, j)] = lambda _, shown=text: shown


def units_block(portfolio: Portfolio) -> Styler:
    """The table of all units (portfolio.units_table, every column kept for analysts): coverage, the verdict — a
    total and grade, or 不予定级 with the range of totals —, the claim and whether it holds, problems by severity.
    A unit with error-level problems is marked."""
    table = portfolio.units

    def mark(row: pd.Series) -> list[str]:
        css = "color: #cf222e; font-weight: 600;" if row["错误"] else ""
        return [css if c in ("单位", "错误") else "" for c in row.index]

    styler = styled(table, "portfolio-units", {"差异（自评−重算）": points}, text=["单位", "框架", "重算总分", "自评总分"],
                    hidden=FOLDED, caption="各单位重算与自评（分）")
    rows = [row for _, row in table.iterrows()]
    for column, (_, show) in SHOWN.items():
        _shown_per_row(styler, column, [esc(show(row)) for row in rows])
    names = unit_names(table)  # two rows of one name and year carry their ids, as the charts do (trial 6's W29)
    _shown_per_row(styler, "单位", [f'<a href="{esc(REPORT_HREF.format(id=uid))}">{esc(names[uid])}</a>'
                                    for uid in table["编号"]])
    labels = [SHOWN[c][0] if c in SHOWN else c for c in table.columns if c not in FOLDED]
    return styler.relabel_index(labels, axis="columns").apply(mark, axis=1)


def notes_block(portfolio: Portfolio) -> Html:
    """可比性说明 as an escaped list: notes quote unit kinds, which Markdown would pass through as HTML."""
    notes = portfolio.notes
    if not notes:
        return note("所有单位框架、年度、类别相同，可直接比较。")
    return Html('<ul class="pe-note">' + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>")


def _chart(point: Point, draw: Callable[[pd.DataFrame], object], data: pd.DataFrame, head: str) -> Block:
    return Chart(draw(data), f"{head}：{point.text}", data) if point.draw else note(point.text)


def claims_chart(portfolio: Portfolio) -> Block:
    table = portfolio.units
    return _chart(points_.claims(table), charts.claimed_vs_recomputed, table, "自评总分与重算总分（分）")


def grades_chart(portfolio: Portfolio) -> Block:
    table = portfolio.units
    return _chart(points_.grades(table), charts.grade_distribution, table, "等次分布（个）")


@dataclass(frozen=True)
class Blocks:
    """Several blocks one call shows in order (a chart per framework); each stays reusable (`.items`)."""

    items: tuple[Block, ...]

    def _repr_html_(self) -> str:
        return "".join(i.to_html() if isinstance(i, Styler) else i._repr_html_() for i in self.items)


def share_charts(portfolio: Portfolio) -> Blocks:
    """Score shares by indicator, one heatmap per framework with two or more units (units of one framework only)."""
    out = []
    for framework_id in sorted(portfolio.shares):
        name = portfolio.framework_names[framework_id]
        shares = portfolio.shares[framework_id]
        out.append(_chart(points_.shares(shares, name), charts.score_share_heatmap, shares, "各指标得分率（%）"))
    return Blocks(tuple(out))


def ratios_chart(portfolio: Portfolio) -> Block:
    ratios = portfolio.ratios
    return _chart(points_.ratios(ratios), charts.cost_ratio_bars, ratios, "同类单位成本比率")


def ratios_block(portfolio: Portfolio) -> Block:
    """Cost ratios with the figures and sources behind each."""
    ratios = portfolio.ratios
    if ratios.empty:
        return note("各单位均未同时载明成本与人员或业务量数据，无法计算成本比率。")
    return styled(ratios, "portfolio-ratios", {"数值": lambda v: fixed(v, 2)},
                  text=["单位", "类别", "指标", "单位（计量）", "分子", "分母", "说明", "来源"],
                  caption="同类单位成本比率（及所依据的数据）")
