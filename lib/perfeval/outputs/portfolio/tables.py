"""Cross-unit views: a table of all units, score shares by indicator, and comparable cost ratios."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import pandas as pd

from ...checks.finding import SEVERITY_LABEL
from ...core.numbers import round_half_up
from ...result import FigureOut, UnitResult
from ..report.tables import as_written


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

def framework_label(result: UnitResult) -> str:
    """A framework's short Chinese name (before its parenthesised description)."""
    return result.framework.name.split("（")[0]


def units_table(results: Sequence[UnitResult]) -> pd.DataFrame:
    """One row per unit: coverage (verified and self-reported), the verdict — a total and grade, or 不予定级 with the
    range of totals the unassessed points allow —, the claim and whether it holds, problems by severity.

    A unit whose grade is withheld has no recomputed total here: a total rescaled from part of the points is no basis.
    The verdict and the claim stand beside the unit (on a phone they are in the first screen); 编号 names its report.
    """
    rows = []
    for r in results:
        counts = r.findings_by_severity
        on_100 = r.total_on_100 if r.grade else None
        claimed = r.claimed.total
        low, high = r.total_range if r.total_range else (None, None)
        rows.append({
            "单位": r.unit.name, "编号": r.unit.id, "年度": r.unit.year, "框架": framework_label(r),
            "应评分值": r.coverage.applicable, "已评分值": r.coverage.assessed, "其中核实": r.coverage.verified,
            "重算总分": on_100, "总分下限": None if r.grade else low, "总分上限": None if r.grade else high,
            "重算等次": r.grade or "不予定级", "自评总分": claimed, "自评等次": r.claimed.grade,
            "差异（自评−重算）": None if claimed is None or on_100 is None or r.coverage.not_assessed > 0
            else round_half_up(claimed - on_100, 2),
            "自评复核": r.claimed.status_label,
            **{label: counts.get(key, 0) for key, label in SEVERITY_LABEL.items()},
        })
    return pd.DataFrame(rows, columns=["单位", "重算总分", "自评总分", "年度", "框架", "应评分值", "已评分值", "其中核实",
                                       "总分下限", "总分上限", "重算等次", "自评等次", "差异（自评−重算）", "自评复核",
                                       *SEVERITY_LABEL.values(), "编号"])


def unit_names(results: Sequence[UnitResult]) -> dict[str, str]:
    """Each unit's name as the portfolio's charts and ratio table show it, by unit id: its name, and its id beside
    it when another unit of the same year has the same name (one unit entered twice), so no two bars or columns
    merge into one."""
    seen = Counter((r.unit.name, r.unit.year) for r in results)
    return {r.unit.id: r.unit.name if seen[(r.unit.name, r.unit.year)] == 1 else f"{r.unit.name}（{r.unit.id}）"
            for r in results}


def score_shares(results: Sequence[UnitResult], framework_id: str) -> pd.DataFrame:
    """Indicator × unit matrix of score as a share of weight (%), for units of one framework only.

    Units of different frameworks have different indicators, so mixing them would compare unlike things.
    """
    columns = {}
    order: list[str] = []
    names = unit_names(results)
    for result in results:
        if result.framework.id != framework_id:
            continue
        col = {}
        for r in result.indicators:
            key = r.name if not r.personalised else f"{r.level2}·{r.name}"
            if key not in order:
                order.append(key)
            if r.score is not None and r.assessed_points > 0:
                col[key] = round_half_up(r.score / r.assessed_points * 100, 1)
        columns[f"{names[result.unit.id]}（{result.unit.year}）"] = col
    return pd.DataFrame(columns, index=order, dtype="float64")


def cost_ratios(results: Sequence[UnitResult]) -> pd.DataFrame:
    """Each comparable cost ratio per unit where both figures are stated, with the figures behind it."""
    rows = []
    names = unit_names(results)
    for result in results:
        figs: dict[str, FigureOut] = {f.figure: f for f in result.figures}
        for ratio in COST_RATIOS:
            num, den = figs.get(ratio.numerator), figs.get(ratio.denominator)
            if num is None or den is None or den.value == 0:
                continue
            bounded = [f"{f.label}为“{as_written(f)}”" for f in (num, den) if f.qualifier != "exact"]
            rows.append({
                "单位": names[result.unit.id], "年度": result.unit.year, "类别": result.unit.kind, "指标": ratio.name,
                "数值": round_half_up(num.value / den.value * ratio.factor, 2), "单位（计量）": ratio.unit,
                "分子": f"{num.label} {as_written(num)}", "分母": f"{den.label} {as_written(den)}",
                "说明": f"近似值：{'，'.join(bounded)}" if bounded else "",
                "来源": "；".join(s for s in (num.source, den.source) if s),
            })
    return pd.DataFrame(rows, columns=["单位", "年度", "类别", "指标", "数值", "单位（计量）", "分子", "分母", "说明",
                                       "来源"])


# No view here shows them: a thousand units' results in the kernel took 527 MiB with them.
NOT_COMPARED = ("findings", "sensitivity", "readings", "projects", "framework_notes", "indicators.inputs",
                "indicators.parts", "indicators.notes")


def load_units(paths: Sequence[str | Path]) -> tuple[list[UnitResult], list[tuple[str, str]]]:
    """Unit results to compare: a batch's results store (every unit it published), result files a batch wrote
    (read, never rescored), or params files evaluated here when the page is run on its own. A file that cannot be
    read is listed with why, not dropped silently. From the store, each result comes without the lists no view
    of the portfolio shows (NOT_COMPARED), so a thousand units fit in the kernel's memory."""
    from ...errors import PerfevalError
    from ...result import evaluate_file
    from ..store import STORE_FILE, stored_results

    results: list[UnitResult] = []
    failed: list[tuple[str, str]] = []
    for path in map(Path, paths):
        try:
            if path.name == STORE_FILE:
                results.extend(stored_results(path.parent, without=NOT_COMPARED))
            else:
                results.append(UnitResult.read(path) if path.suffix == ".json" else evaluate_file(path))
        except (PerfevalError, OSError, ValueError) as exc:
            failed.append((str(path), str(exc)))
    return results, failed


def comparability_notes(results: Sequence[UnitResult]) -> list[str]:
    """What may and may not be compared across these units, said in the page rather than left implied."""
    notes = []
    frameworks = sorted({framework_label(r) for r in results})
    years = sorted({r.unit.year for r in results})
    kinds = sorted({r.unit.kind or "未注明" for r in results})
    if len(frameworks) > 1:
        notes.append(f"这些单位使用 {len(frameworks)} 种指标框架（{'、'.join(frameworks)}）：逐项得分只在同一框架内比较；"
                     "总分均为百分制，可以并列，但评分口径不同。")
    if len(years) > 1:
        notes.append(f"年度不同（{'、'.join(map(str, years))}）：成本比率未作价格调整，跨年比较仅供参考。")
    if len(kinds) > 1:
        notes.append(f"单位类别不同（{'、'.join(kinds)}）：成本比率只应在同类单位间比较。")
    return notes
