"""Cross-unit views: a table of all units, score shares by indicator, and comparable cost ratios."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from ...checks import Finding
from ...core.engine import ScoreSheet
from ...core.figures import label_of, unit_of
from ...core.formulas import round_half_up
from ...core.params import figure_at


@dataclass(frozen=True)
class CostRatio:
    """A cost per unit of activity or per person that means the same thing in every unit of a kind."""

    name: str
    numerator: str
    denominator: str
    factor: float  # 万元 → 元 where the ratio reads better in 元
    unit: str


COST_RATIOS: tuple[CostRatio, ...] = (
    CostRatio("人均“三公”经费", "lines.sangong.final", "staff.on_duty", 1.0, "万元/人"),
    CostRatio("人均公用经费", "lines.public.final", "staff.on_duty", 1.0, "万元/人"),
    CostRatio("公务用车每次出车费用", "lines.sangong_vehicle.final", "activity.vehicle_trips", 10_000.0, "元/次"),
    CostRatio("公务用车每百公里费用", "lines.sangong_vehicle.final", "activity.vehicle_km", 1_000_000.0, "元/百公里"),
)

UnitResult = tuple[ScoreSheet, Sequence[Finding]]


def framework_label(sheet: ScoreSheet) -> str:
    """A framework's short Chinese name (before its parenthesised description)."""
    return sheet.framework.name.split("（")[0]


def units_table(results: Sequence[UnitResult]) -> pd.DataFrame:
    """One row per unit: recomputed and claimed totals, their difference, grades, coverage, findings."""
    rows = []
    for sheet, findings in results:
        counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
        on_100 = None if sheet.total_on_100 is None else round_half_up(sheet.total_on_100, 2)
        claimed = sheet.claimed_total
        rows.append({
            "单位": sheet.unit.name, "年度": sheet.unit.year, "框架": framework_label(sheet),
            "重算总分": on_100, "自评总分": claimed,
            "差异（自评−重算）": None if claimed is None or on_100 is None or sheet.grade_provisional
            else round_half_up(claimed - on_100, 2),  # a total rescaled from part of the points is no basis
            "重算等次": sheet.grade + ("（暂定）" if sheet.grade_provisional else "") if sheet.grade else None,
            "自评等次": sheet.claimed_grade,
            "已评分值": round_half_up(sheet.assessed_points, 2),
            "错误": counts["error"], "警示": counts["warning"], "提示": counts["info"],
        })
    return pd.DataFrame(rows)


def score_shares(results: Sequence[UnitResult], framework_id: str) -> pd.DataFrame:
    """Indicator × unit matrix of score as a share of weight (%), for units of one framework only.

    Units of different frameworks have different indicators, so mixing them would compare unlike things.
    """
    columns = {}
    order: list[str] = []
    for sheet, _ in results:
        if sheet.framework.id != framework_id:
            continue
        col = {}
        for r in sheet.rows:
            key = r.name if not r.personalised else f"{r.level2}·{r.name}"
            if key not in order:
                order.append(key)
            if r.score is not None and r.assessed_points > 0:
                col[key] = round_half_up(r.score / r.assessed_points * 100, 1)
        columns[f"{sheet.unit.name}（{sheet.unit.year}）"] = col
    return pd.DataFrame(columns, index=order, dtype="float64")


def cost_ratios(results: Sequence[UnitResult]) -> pd.DataFrame:
    """Each comparable cost ratio per unit where both figures are stated, with the figures behind it."""
    rows = []
    for sheet, _ in results:
        figs = sheet.params.figures
        for ratio in COST_RATIOS:
            num, den = figure_at(figs, ratio.numerator), figure_at(figs, ratio.denominator)
            if num is None or den is None or den.value == 0:
                continue
            rows.append({
                "单位": sheet.unit.name, "年度": sheet.unit.year, "类别": sheet.unit.kind, "指标": ratio.name,
                "数值": round_half_up(num.value / den.value * ratio.factor, 2), "单位（计量）": ratio.unit,
                "分子": f"{label_of(ratio.numerator)} {num.value:g}{unit_of(ratio.numerator)}",
                "分母": f"{label_of(ratio.denominator)} {den.value:g}{unit_of(ratio.denominator)}",
                "来源": "；".join(s for s in (num.source, den.source) if s),
            })
    return pd.DataFrame(rows, columns=["单位", "年度", "类别", "指标", "数值", "单位（计量）", "分子", "分母", "来源"])


def load_units(paths: Sequence[str]) -> tuple[list[UnitResult], list[tuple[str, str]]]:
    """Score every params file; a unit that fails validation is listed with why, not dropped silently."""
    from ...checks import run_checks
    from ...core.engine import score_file
    from ...errors import PerfevalError

    results: list[UnitResult] = []
    failed: list[tuple[str, str]] = []
    for path in paths:
        try:
            sheet = score_file(path)
        except PerfevalError as exc:
            failed.append((str(path), str(exc)))
            continue
        results.append((sheet, run_checks(sheet)))
    return results, failed


def comparability_notes(results: Sequence[UnitResult]) -> list[str]:
    """What may and may not be compared across these units, said in the page rather than left implied."""
    notes = []
    frameworks = sorted({framework_label(s) for s, _ in results})
    years = sorted({s.unit.year for s, _ in results})
    kinds = sorted({s.unit.kind or "未注明" for s, _ in results})
    if len(frameworks) > 1:
        notes.append(f"这些单位使用 {len(frameworks)} 种指标框架（{'、'.join(frameworks)}）：逐项得分只在同一框架内比较；"
                     "总分均为百分制，可以并列，但评分口径不同。")
    if len(years) > 1:
        notes.append(f"年度不同（{'、'.join(map(str, years))}）：成本比率未作价格调整，跨年比较仅供参考。")
    if len(kinds) > 1:
        notes.append(f"单位类别不同（{'、'.join(kinds)}）：成本比率只应在同类单位间比较。")
    return notes
