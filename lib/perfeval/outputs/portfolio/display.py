"""Portfolio page blocks: the same escaped tables and embedded charts as the unit report."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

import pandas as pd

from ...fmt import fixed, points, stated
from ...paths import UNITS_DIR, params_files_in
from ..report.display import Html, esc, figure_html, note, styled, table_html


def resolve_units(units: Sequence[str]) -> list[Path]:
    """The params files to compare: those named, or every file under params/units/."""
    return [Path(u) for u in units] if units else params_files_in(UNITS_DIR)


def units_block(table: pd.DataFrame, failed: Sequence[tuple[str, str]] = ()) -> Html:
    """The table of all units; a unit with error-level findings is marked, a failed file is listed with why."""
    def mark(row: pd.Series) -> list[str]:
        css = "color: #cf222e; font-weight: 600;" if row["错误"] else ""
        return [css if c in ("单位", "错误") else "" for c in row.index]

    styler = styled(table, "portfolio-units", {"重算总分": points, "自评总分": stated,
                                               "差异（自评−重算）": points, "已评分值": points},
                    text=["单位"], caption="各单位重算与自评（分）")
    out = table_html(styler.apply(mark, axis=1))
    for path, why in failed:
        out += note(f"未能纳入：{Path(path).name}——{why.splitlines()[0]}")
    return out


def ratios_block(ratios: pd.DataFrame) -> Html:
    """Cost ratios with the figures and sources behind each."""
    if ratios.empty:
        return note("各单位均未同时载明成本与人员或业务量数据，无法计算成本比率。")
    return table_html(styled(ratios, "portfolio-ratios", {"数值": lambda v: fixed(v, 2)},
                             text=["单位", "分子", "分母", "来源"], caption="同类单位成本比率"))


def notes_block(notes: Sequence[str]) -> Html:
    """可比性说明 as an escaped list: notes quote unit kinds, which Markdown would pass through as HTML."""
    if not notes:
        return note("所有单位框架、年度、类别相同，可直接比较。")
    return Html('<ul class="pe-note">' + "".join(f"<li>{esc(n)}</li>" for n in notes) + "</ul>")


def chart(fig, caption: str, empty: str) -> Html:  # noqa: ANN001 - a Figure or None
    return note(empty) if fig is None else figure_html(fig, caption)


def title_block(title: str, count: int) -> Html:
    return Html(f"<h1>{esc(title)}</h1><p class=\"pe-note\">共 {count} 个单位；金额单位：万元。</p>")
