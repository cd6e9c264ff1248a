"""Cross-unit views: a table of all units, score shares by indicator, and comparable cost ratios."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

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


UNIT_COLUMNS = ["单位", "重算总分", "自评总分", "年度", "框架", "应评分值", "已评分值", "其中核实", "总分下限", "总分上限",
                "重算等次", "自评等次", "差异（自评−重算）", "自评复核", *SEVERITY_LABEL.values(), "编号"]
NO_KIND = "未注明"  # the kind of a unit that states none
RATIO_COLUMNS = ["单位", "年度", "类别", "指标", "数值", "单位（计量）", "分子", "分母", "说明", "来源"]


@dataclass(frozen=True)
class Portfolio:
    """What the portfolio page compares, gathered in one pass over the unit results, each let go once it is read
    (the kernel held 433 MiB for a thousand units' results): the table of units, each framework's score shares,
    the cost ratios, the comparability notes, and the files that could not be read (with why)."""

    units: pd.DataFrame  # units_table
    shares: dict[str, pd.DataFrame]  # framework id → score_shares
    framework_names: dict[str, str]  # framework id → its full name
    ratios: pd.DataFrame  # cost_ratios
    notes: list[str]  # comparability_notes
    failed: list[tuple[str, str]] = field(default_factory=list)
    kinds: frozenset[str] = frozenset()  # the units' kinds (类别), NO_KIND for a unit that states none


DRAFTED = "草稿·未经核对"  # after a drafted unit's name wherever the portfolio names it (table, charts, points)


def _unit_row(r: UnitResult) -> dict[str, object]:
    """A unit's row of units_table."""
    counts = r.findings_by_severity
    on_100 = r.total_on_100 if r.grade else None
    claimed = r.claimed.total
    low, high = r.total_range if r.total_range else (None, None)
    return {
        "单位": f"{r.unit.name}（{DRAFTED}）" if r.unit.drafted_from else r.unit.name, "编号": r.unit.id, "年度": r.unit.year, "框架": framework_label(r),
        "应评分值": r.coverage.applicable, "已评分值": r.coverage.assessed, "其中核实": r.coverage.verified,
        "重算总分": on_100, "总分下限": None if r.grade else low, "总分上限": None if r.grade else high,
        "重算等次": r.grade or "不予定级", "自评总分": claimed, "自评等次": r.claimed.grade,
        "差异（自评−重算）": None if claimed is None or on_100 is None or r.coverage.not_assessed > 0
        else round_half_up(claimed - on_100, 2),
        "自评复核": r.claimed.status_label,
        **{label: counts.get(key, 0) for key, label in SEVERITY_LABEL.items()},
    }


def _share_column(result: UnitResult, order: dict[str, None]) -> dict[str, float]:
    """A unit's score as a share of the points assessed (%) by indicator; each indicator's key added to order."""
    col = {}
    for r in result.indicators:
        key = r.name if not r.personalised else f"{r.level2}·{r.name}"
        order.setdefault(key)
        if r.score is not None and r.assessed_points > 0:
            col[key] = round_half_up(r.score / r.assessed_points * 100, 1)
    return col


def _ratio_rows(result: UnitResult) -> list[dict[str, object]]:
    """Each comparable cost ratio the unit states both figures of, with the figures behind it (单位: its id, named
    once every unit is known)."""
    rows = []
    figs: dict[str, FigureOut] = {f.figure: f for f in result.figures}
    for ratio in COST_RATIOS:
        num, den = figs.get(ratio.numerator), figs.get(ratio.denominator)
        if num is None or den is None or den.value == 0:
            continue
        bounded = [f"{f.label}为“{as_written(f)}”" for f in (num, den) if f.qualifier != "exact"]
        rows.append({
            "单位": result.unit.id, "年度": result.unit.year, "类别": result.unit.kind, "指标": ratio.name,
            "数值": round_half_up(num.value / den.value * ratio.factor, 2), "单位（计量）": ratio.unit,
            "分子": f"{num.label} {as_written(num)}", "分母": f"{den.label} {as_written(den)}",
            "说明": f"近似值：{'，'.join(bounded)}" if bounded else "",
            "来源": joined_sources(num.source, den.source),
        })
    return rows


def joined_sources(*sources: str | None) -> str:
    """Where a ratio's figures are stated, one clause each: a source is a sentence of the report, ending in its own
    。 or ；, so joining them bare gave “…8.6%。；一(一)…” (trial 7)."""
    return "；".join(clause for s in sources if s and (clause := s.strip().rstrip("。；;，, ")))


def unit_names(units: pd.DataFrame) -> dict[str, str]:
    """Each unit's name as the portfolio's charts and ratio table show it, by unit id (units_table's 编号): its
    name, and its id beside it when another unit of the same year has the same name (one unit entered twice), so
    no two bars or columns merge into one."""
    seen = Counter(zip(units["单位"], units["年度"]))
    return {uid: name if seen[(name, year)] == 1 else f"{name}（{uid}）"
            for uid, name, year in zip(units["编号"], units["单位"], units["年度"])}


def gather(results: Iterable[UnitResult], failed: list[tuple[str, str]] | None = None) -> Portfolio:
    """The portfolio of these unit results, read one at a time (a generator keeps them out of memory at once)."""
    rows: list[dict[str, object]] = []
    columns: dict[str, dict[str, dict[str, float]]] = {}  # framework id → unit id → its share column
    orders: dict[str, dict[str, None]] = {}  # framework id → its indicators, in the order the units list them
    ratios: list[dict[str, object]] = []
    names: dict[str, str] = {}
    kinds: set[str] = set()
    for result in results:
        rows.append(_unit_row(result))
        fw = result.framework.id
        names.setdefault(fw, result.framework.name)
        columns.setdefault(fw, {})[result.unit.id] = _share_column(result, orders.setdefault(fw, {}))
        ratios.extend(_ratio_rows(result))
        kinds.add(result.unit.kind or NO_KIND)
    units = pd.DataFrame(rows, columns=UNIT_COLUMNS)
    shown = unit_names(units)
    year = dict(zip(units["编号"], units["年度"]))
    shares = {fw: pd.DataFrame({f"{shown[uid]}（{year[uid]}）": col for uid, col in cols.items()},
                               index=list(orders[fw]), dtype="float64") for fw, cols in columns.items()}
    ratio_frame = pd.DataFrame(ratios, columns=RATIO_COLUMNS)
    ratio_frame["单位"] = ratio_frame["单位"].map(shown)
    notes = _comparability(set(units["框架"]), set(units["年度"]), kinds)
    return Portfolio(units, shares, names, ratio_frame, notes, failed or [], frozenset(kinds))


def units_table(results: Sequence[UnitResult]) -> pd.DataFrame:
    """One row per unit: coverage (verified and self-reported), the verdict — a total and grade, or 不予定级 with the
    range of totals the unassessed points allow —, the claim and whether it holds, problems by severity.

    A unit whose grade is withheld has no recomputed total here: a total rescaled from part of the points is no basis.
    The verdict and the claim stand beside the unit (on a phone they are in the first screen); 编号 names its report.
    """
    return gather(results).units


def score_shares(results: Sequence[UnitResult], framework_id: str) -> pd.DataFrame:
    """Indicator × unit matrix of score as a share of weight (%), for units of one framework only.

    Units of different frameworks have different indicators, so mixing them would compare unlike things.
    """
    return gather(results).shares.get(framework_id, pd.DataFrame(dtype="float64"))


def cost_ratios(results: Sequence[UnitResult]) -> pd.DataFrame:
    """Each comparable cost ratio per unit where both figures are stated, with the figures behind it."""
    return gather(results).ratios


# No view here shows them: a thousand units' results in the kernel took 527 MiB with them.
NOT_COMPARED = ("findings", "sensitivity", "readings", "projects", "framework_notes", "indicators.inputs",
                "indicators.parts", "indicators.notes")


def load_portfolio(paths: Sequence[str | Path]) -> Portfolio:
    """The portfolio of these units: a batch's results store (every unit it published), result files a batch
    wrote (read, never rescored), or params files evaluated here when the page is run on its own. Each result is
    read, gathered and let go in turn, from the store without the lists no view shows (NOT_COMPARED). A file
    that cannot be read is listed with why, not dropped silently."""
    failed: list[tuple[str, str]] = []
    return gather(_read(paths, failed), failed)


def _read(paths: Sequence[str | Path], failed: list[tuple[str, str]]) -> Iterator[UnitResult]:
    from ...errors import PerfevalError
    from ...result import evaluate_file
    from ..store import STORE_FILE, stored_results

    for path in map(Path, paths):
        try:
            if path.name == STORE_FILE:
                yield from stored_results(path.parent, without=NOT_COMPARED)
            else:
                yield UnitResult.read(path) if path.suffix == ".json" else evaluate_file(path)
        except (PerfevalError, OSError, ValueError) as exc:
            failed.append((str(path), str(exc)))


def comparability_notes(results: Sequence[UnitResult]) -> list[str]:
    """What may and may not be compared across these units, said in the page rather than left implied."""
    return gather(results).notes


def _comparability(frameworks: set[str], years: set[int], kinds: set[str]) -> list[str]:
    notes = []
    if len(frameworks) > 1:
        notes.append(f"这些单位使用 {len(frameworks)} 种指标框架（{'、'.join(sorted(frameworks))}）：逐项得分只在同一框架内比较；"
                     "总分均为百分制，可以并列，但评分口径不同。")
    if len(years) > 1:
        notes.append(f"年度不同（{'、'.join(map(str, sorted(years)))}）：成本比率未作价格调整，跨年比较仅供参考。")
    if len(kinds) > 1:
        notes.append(f"单位类别不同（{'、'.join(sorted(kinds))}）：成本比率只应在同类单位间比较。")
    return notes
