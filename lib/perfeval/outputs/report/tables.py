"""The report's tables as plain DataFrames: numbers stay numbers (NaN = not stated); display.py formats them."""
from __future__ import annotations

import math
from typing import Sequence

import pandas as pd

from ...checks import Finding
from ...core.engine import STATUS_LABEL, ScoredUnit, ScoreRow, ScoreSheet
from ...core.figures import COLUMNS, LINES, SCALARS, WAN, label_of
from ...core.params import Figure, UnitParams, figure_at
from ...fmt import quantity
from ...result import UnitResult
from .model import UnitReport

NOT_STATED = "未载明"
INTERPRETATION_PREFIX = "口径："  # how the engine marks a note that relies on an interpretation
UNEXPLAINED_MIN = 0.005  # 万元: below this a remainder is rounding, not an unexplained amount


def overview_frame(rep: UnitReport) -> pd.DataFrame:
    """单位概况: who the unit is, which framework scores it and which documents the figures come from."""
    u, fw = rep.sheet.unit, rep.sheet.framework
    rows = [("单位名称", u.name), ("所属地区", u.region), ("评价年度", f"{u.year}年"),
            ("单位类型", u.kind or NOT_STATED), ("预算编码", u.budget_code or NOT_STATED),
            ("评价框架", fw.name), ("资料来源", u.document or NOT_STATED),
            ("参数文件", rep.params_file.name)]
    return pd.DataFrame(rows, columns=["项目", "内容"])


def _depth(key: str) -> int:
    parent, depth = LINES[key].parent, 0
    while parent:
        parent, depth = LINES[parent].parent, depth + 1
    return depth


def lines_frame(params: UnitParams) -> pd.DataFrame:
    """基础数据表 money lines the unit states, in the order of 附件1-2, by column (万元; NaN = not stated)."""
    rows = []
    for key, spec in LINES.items():
        line = params.figures.lines.get(key)
        if line is None:
            continue
        values = {label: getattr(line, col).value if getattr(line, col) else math.nan for col, label in COLUMNS.items()}
        rows.append({"项目": "\u3000" * _depth(key) + spec.label, **values})
    return pd.DataFrame(rows, columns=["项目", *COLUMNS.values()])


def _source_row(label: str, fig: Figure, unit: str) -> dict:
    return {"项目": label, "数值": fig.value, "单位": unit, "出处": fig.source or NOT_STATED}


def figures_frame(params: UnitParams) -> pd.DataFrame:
    """Staffing, budget, payment progress, outputs and survey figures the unit states, with their sources."""
    rows = []
    for path, (label, unit) in SCALARS.items():
        fig = figure_at(params.figures, path)
        if fig is not None:
            rows.append(_source_row(label, fig, unit))
    return pd.DataFrame(rows, columns=["项目", "数值", "单位", "出处"])


def line_sources_frame(params: UnitParams) -> pd.DataFrame:
    """Where each money figure of the base data table comes from (one row per stated cell)."""
    rows = []
    for key, spec in LINES.items():
        line = params.figures.lines.get(key)
        for col, label in COLUMNS.items():
            fig = getattr(line, col) if line else None
            if fig is not None:
                rows.append(_source_row(f"{spec.label}·{label}", fig, WAN))
    return pd.DataFrame(rows, columns=["项目", "数值", "单位", "出处"])


def project_items_frame(params: UnitParams) -> pd.DataFrame:
    """项目支出 items the report lists, with a 合计 row when there are any (万元)."""
    rows = [{"项目": i.name, "金额": i.amount.value, "出处": i.amount.source or NOT_STATED}
            for i in params.figures.project_items]
    if rows:
        rows.append({"项目": "合计", "金额": sum(r["金额"] for r in rows), "出处": ""})
    return pd.DataFrame(rows, columns=["项目", "金额", "出处"])


def interpretation_notes(sheet: ScoreSheet) -> list[str]:
    """The distinct 口径 notes the rows rely on, in row order (the report lists them once, as footnotes)."""
    seen: dict[str, None] = {}
    for row in sheet.rows:
        seen.update((_split_interpretation(n)[1], None) for n in row.notes if INTERPRETATION_PREFIX in n)
    return list(seen)


def _split_interpretation(note: str) -> tuple[str, str]:
    """'达成：口径：…' → ('达成：', '口径：…'): what the row says, and the 口径 it relied on."""
    head, _, rest = note.partition(INTERPRETATION_PREFIX)
    return head, INTERPRETATION_PREFIX + rest


def row_notes(row: ScoreRow, footnotes: list[str] | None = None) -> str:
    """A row's 说明: target and actual, deviation note, notes, missing figures; 口径 notes become 口径注n
    references when footnotes are given.
    """
    notes = []
    if row.target or row.actual:
        target = (row.target or NOT_STATED).replace(">=", "≥").replace("<=", "≤")
        notes.append(f"目标 {target}，实际 {row.actual or NOT_STATED}")
    if row.deviation_note:
        notes.append(f"偏差说明：{row.deviation_note}")
    for n in row.notes:
        head, interpretation = _split_interpretation(n)
        if footnotes and INTERPRETATION_PREFIX in n and interpretation in footnotes:
            n = f"{head}见口径注{footnotes.index(interpretation) + 1}"
        notes.append(n)
    missing = sorted({m for p in row.parts for m in p.missing})
    if missing and row.status != "not_assessed":
        notes.append(f"缺少数据：{'、'.join(label_of(m) for m in missing)}")
    return "；".join(notes)


def score_frame(sheet: ScoreSheet, footnotes: list[str] | None = None) -> pd.DataFrame:
    """指标得分: the three-level table, one row per third-level indicator (scores NaN when not assessed)."""
    nan = math.nan
    rows = [{
        "一级指标": r.level1, "二级指标": r.level2, "三级指标": r.name,
        "分值": nan if r.weight is None else r.weight,
        "折算分值": r.effective_weight,
        "计算值": nan if r.value is None else r.value, "计算值单位": r.value_unit,
        "得分": nan if r.score is None else r.score,
        "自评得分": nan if r.claimed_score is None else r.claimed_score,
        "状态": STATUS_LABEL[r.status], "说明": row_notes(r, footnotes),
    } for r in sheet.rows]
    return pd.DataFrame(rows, columns=["一级指标", "二级指标", "三级指标", "分值", "折算分值", "计算值", "计算值单位",
                                       "得分", "自评得分", "状态", "说明"])


def level1_frame(sheet: ScoreSheet) -> pd.DataFrame:
    """Per level-1 indicator: the framework's points, the points assessed, recomputed and claimed scores."""
    rows = []
    for top in sheet.framework.indicators:
        mine = [r for r in sheet.rows if r.level1 == top.name]
        claimed = [r.claimed_score for r in mine if r.claimed_score is not None]
        rows.append({"一级指标": top.name,
                     "分值": top.weight if top.weight is not None else sum(r.effective_weight for r in mine),
                     "已评分值": sum(r.assessed_points for r in mine),
                     "重算得分": sum(r.score for r in mine if r.score is not None),
                     "自评得分": sum(claimed) if claimed else math.nan})
    return pd.DataFrame(rows, columns=["一级指标", "分值", "已评分值", "重算得分", "自评得分"])


def claimed_scores_frame(sheet: ScoreSheet) -> pd.DataFrame:
    """Indicators the unit claims a score for: the weight it filled in, the recomputed score on that same
    weight (rows rescaled to their level-1 header are scaled back) and the claimed score.
    """
    rows = []
    for r in sheet.rows:
        if r.claimed_score is None:
            continue
        weight = r.weight if r.weight is not None else r.effective_weight
        scale = weight / r.effective_weight if r.effective_weight else 1.0
        rows.append({"三级指标": r.name, "分值": weight,
                     "重算得分": math.nan if r.score is None else r.score * scale, "自评得分": r.claimed_score})
    return pd.DataFrame(rows, columns=["三级指标", "分值", "重算得分", "自评得分"])


def _indicator_names(sheet: ScoreSheet) -> dict[str, str]:
    names = {r.id: r.name for r in sheet.rows}
    names.update({n.id: n.name for _, n in sheet.framework.nodes()})
    return names


def _evidence_text(finding: Finding) -> str:
    parts = []
    for e in finding.evidence:
        value = NOT_STATED if e.value is None else quantity(e.value, e.unit)
        source = f"（{e.source}）" if e.source else ""
        parts.append(f"{e.label}：{value}{source}")
    return "；".join(parts)


def findings_frame(rep: UnitReport) -> pd.DataFrame:
    """审计发现 in the order run_checks gives (severity, then kind), with the figures each one compared."""
    names = _indicator_names(rep.sheet)
    rows = []
    for f in rep.findings:
        labels = f.to_dict()
        rows.append({"严重程度": labels.get("severity_label", f.severity), "severity": f.severity,
                     "类别": labels.get("kind_label", f.kind), "指标": names.get(f.indicator or "", ""),
                     "发现": f.message, "依据": f.rule, "数据及出处": _evidence_text(f), "检查": f.check})
    return pd.DataFrame(rows, columns=["严重程度", "severity", "类别", "指标", "发现", "依据", "数据及出处", "检查"])


def _measure_value(sheet: ScoreSheet, measure: str) -> tuple[str, float | None]:
    ind, _, part_id = measure.partition(".")
    row = sheet.row(ind)
    if row is None:
        return measure, None
    if not part_id:
        return row.name, row.value
    part = next((p for p in row.parts if p.id == part_id), None)
    return (part.label, part.value) if part else (measure, None)


def stated_rates_frame(unit: ScoredUnit) -> pd.DataFrame:
    """Rates the unit states beside the same rates recomputed from its own figures (%; NaN = not computable)."""
    rows = []
    sheet = unit.sheet
    for rate in unit.params.claims.rates:
        label, value = _measure_value(sheet, rate.measure)
        rows.append({"比率": label, "单位陈述": rate.value, "重算": math.nan if value is None else value,
                     "出处": rate.source or NOT_STATED})
    return pd.DataFrame(rows, columns=["比率", "单位陈述", "重算", "出处"])


def _final(params: UnitParams, key: str) -> float | None:
    line = params.figures.lines.get(key)
    return line.final.value if line and line.final else None


def _components(params: UnitParams, group: str, label: str, parts: list[tuple[str, float | None]],
                rest: str) -> list[tuple[str, str, float]]:
    whole = _final(params, group)
    stated = [(n, v) for n, v in parts if v is not None]
    if not stated:
        return [(label, label, whole)] if whole else []
    out = [(label, n, v) for n, v in stated]
    remainder = (whole or 0) - sum(v for _, v in stated)
    if whole is not None and remainder >= UNEXPLAINED_MIN:
        out.append((label, rest, remainder))
    return out


def spending_frame(params: UnitParams) -> pd.DataFrame:
    """支出结构: 本年决算 by component (基本支出: 人员/公用经费; 项目支出: listed items, else its lines).

    What a group's stated total leaves unexplained by its listed parts is shown as its own component,
    so the shares add up to the spending the unit states.
    """
    basic = _components(params, "basic", "基本支出",
                        [(LINES[k].label, _final(params, k)) for k in ("personnel", "public")], "其他基本支出（未分项）")
    items = [(i.name, i.amount.value) for i in params.figures.project_items]
    if not items:
        items = [(LINES[k].label, _final(params, k)) for k in ("project_business", "project_operation")]
    project = _components(params, "project", "项目支出", items, "未列明用途的项目支出")
    df = pd.DataFrame(basic + project, columns=["类别", "项目", "金额"])
    total = df["金额"].sum()
    df["占比"] = df["金额"] / total * 100 if total > 0 else math.nan
    return df


def _rates(result: UnitResult) -> dict[str, float]:
    """The rates a result computed, by label (一级指标 rows and parts with a value in %)."""
    out: dict[str, float] = {}
    for ind in result.indicators:
        if ind.personalised:
            continue
        for part in ind.parts:
            if part.value is not None and part.value_unit == "%":
                out[part.label if part.label != ind.name else ind.name] = part.value
    return out


def history_frame(current: UnitResult, earlier: Sequence[UnitResult]) -> pd.DataFrame:
    """历年比较: the unit's results year by year — coverage, total and grade, claim, findings, and its rates."""
    results = sorted([*earlier, current], key=lambda r: r.unit.year)
    rates = [_rates(r) for r in results]
    labels = list(dict.fromkeys(k for r in rates for k in r))
    rows = []
    for r, own in zip(results, rates):
        rows.append({"年度": r.unit.year, "已评分值": r.coverage.assessed, "应评分值": r.coverage.applicable,
                     "重算总分": r.total_on_100 if r.grade else math.nan, "等次": r.grade or "不予定级",
                     "自评总分": math.nan if r.claimed.total is None else r.claimed.total,
                     "错误": r.findings_by_severity.get("error", 0), "警示": r.findings_by_severity.get("warning", 0),
                     "提示": r.findings_by_severity.get("info", 0),
                     **{f"{k}（%）": own.get(k, math.nan) for k in labels}})
    return pd.DataFrame(rows)
