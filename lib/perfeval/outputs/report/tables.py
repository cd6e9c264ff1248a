"""The report's tables as plain DataFrames an analyst can sort and filter: numbers stay numbers (NaN = not stated),
text stays text; blocks.py shows them to readers."""
from __future__ import annotations

import math
from typing import Any, Sequence

import pandas as pd

from ...checks.claims import comparisons
from ...checks.finding import CANDIDATE_LABEL, SEVERITY_LABEL, as_question
from ...checks.fmt import stated_as
from ...core.rows import QUALITATIVE_RULE
from ...core.engine import ScoredUnit, ScoreSheet
from ...core.figures import COLUMNS, LINES, WAN, label_of
from ...core.numbers import round_half_up
from ...core.params import Figure, UnitParams
from ...core.quantity import Qualifier
from ...fmt import points, quantity
from ...result import FigureOut, FindingOut, IndicatorOut, PartOut, ReadingOut, UnitResult
from .appendix import cite_readings, numbered_readings
from .model import UnitReport
from .rootcauses import evidence_text

NOT_STATED = "未载明"
UNEXPLAINED_MIN = 0.005  # 万元: below this a remainder is rounding, not an unexplained amount
SCORE_TOLERANCE = 0.005  # scores are printed to two decimals


def overview_frame(rep: UnitReport) -> pd.DataFrame:
    """单位概况: who the unit is, which framework scores it and which documents the figures come from."""
    u, fw = rep.result.unit, rep.result.framework
    rows = [("单位名称", u.name), ("所属地区", u.region), ("评价年度", f"{u.year}年"),
            ("单位类型", u.kind or NOT_STATED), ("预算编码", u.budget_code or NOT_STATED),
            ("评价框架", fw.name), ("资料来源", u.document or NOT_STATED)]
    return pd.DataFrame(rows, columns=["项目", "内容"])


def _depth(key: str) -> int:
    parent, depth = LINES[key].parent, 0
    while parent:
        parent, depth = LINES[parent].parent, depth + 1
    return depth


def _change(new: float, old: float) -> float:
    return (new - old) / old * 100 if old else math.nan


def lines_frame(params: UnitParams) -> pd.DataFrame:
    """基础数据表 money lines the unit states, in the order of 附件1-2, by column (万元; NaN = not stated), with the
    change of 本年决算数 on 上年决算数 (%) where both are stated; 层级: 0 for a total, 1 for its item, 2 for an item's
    item (the labels stay plain, so they filter and join)."""
    rows = []
    for key, spec in LINES.items():
        line = params.figures.lines.get(key)
        if line is None:
            continue
        line = line.in_wan()
        values = {label: getattr(line, col).value if getattr(line, col) else math.nan for col, label in COLUMNS.items()}
        change = _change(values["本年决算数"], values["上年决算数"]) if line.final and line.prev_final else math.nan
        rows.append({"项目": spec.label, "层级": _depth(key), **values, "决算较上年变动（%）": change})
    return pd.DataFrame(rows, columns=["项目", "层级", *COLUMNS.values(), "决算较上年变动（%）"])


def as_written(fig: FigureOut) -> str:
    """A figure as the document writes it: its own text when the params kept it (2500余次), else its value with
    its qualifier and unit by the rule of its kind (16,640.91万元; 2.6万余次 entered as 26000, over: 26,000余次)."""
    if fig.text:
        return fig.text
    if fig.qualifier == Qualifier.EXACT.value and fig.unit == "万元":
        return quantity(fig.value, fig.unit)  # money at two decimals, as every output prints it
    return stated_as(fig.value, fig.places, Qualifier(fig.qualifier), fig.unit)  # a rate as written: 72.6%


def _figure_row(fig: FigureOut) -> dict[str, Any]:
    return {"项目": fig.label, "数值": fig.value, "单位": fig.unit, "按原文": as_written(fig),
            "口径": fig.scope or "", "出处": fig.source or NOT_STATED}


FIGURE_COLUMNS = ["项目", "数值", "单位", "按原文", "口径", "出处"]


def figures_frame(result: UnitResult) -> pd.DataFrame:
    """Staffing, budget, payment progress, outputs and survey figures of the catalogue the unit states."""
    rows = [_figure_row(f) for f in result.figures if not f.stated and not f.figure.startswith("lines.")]
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def stated_frame(result: UnitResult) -> pd.DataFrame:
    """The unit's own figures outside the catalogue, each as written (its qualifier and decimals kept)."""
    rows = [_figure_row(f) for f in result.figures if f.stated]
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def projects_frame(result: UnitResult) -> pd.DataFrame:
    """附件2-4: each project's own evaluation — score, grade, budget and executed amount (万元) where stated."""
    rows = [{"项目": p.name, "自评得分": _nan(p.score), "等次": p.grade or "",
             "预算数": _nan(p.budget), "执行数": _nan(p.executed),
             "执行率（%）": p.executed / p.budget * 100 if p.executed is not None and p.budget else math.nan,
             "出处": p.source or NOT_STATED} for p in result.projects]
    return pd.DataFrame(rows, columns=["项目", "自评得分", "等次", "预算数", "执行数", "执行率（%）", "出处"])


def _nan(x: float | None) -> float:
    return math.nan if x is None else x


def _source_row(label: str, fig: Figure, unit: str) -> dict[str, Any]:
    return {"项目": label, "数值": fig.value, "单位": unit, "出处": fig.source or NOT_STATED}


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
    rows: list[dict[str, Any]] = [{"项目": i.name, "金额": i.amount.value, "出处": i.amount.source or NOT_STATED}
                                  for i in params.figures.project_items]
    if rows:
        rows.append({"项目": "合计", "金额": sum(r["金额"] for r in rows), "出处": ""})
    return pd.DataFrame(rows, columns=["项目", "金额", "出处"])


def comparable_score(ind: IndicatorOut) -> float | None:
    """The recomputed score on the weight the unit filled in: a row rescaled to its header (5 → 3.75 points) is
    scaled back, so a claim is never found high only because of the rescaling."""
    if ind.score is None:
        return None
    weight = ind.weight if ind.weight is not None else ind.effective_weight
    if not ind.effective_weight or abs(weight - ind.effective_weight) < 1e-9:
        return ind.score
    return round_half_up(ind.score * weight / ind.effective_weight, 2)  # a score, at the 2 decimals scores are kept


def _inputs(ind: IndicatorOut) -> str:
    stated = [f"{i.label} {quantity(i.value, i.unit)}" for i in ind.inputs if i.value is not None]
    return "数据：" + "，".join(stated) if stated else ""


def _missing(ind: IndicatorOut) -> str:
    names = [i.label for i in ind.inputs if i.value is None]
    names += [label_of(m) for p in ind.parts for m in p.missing]
    names = list(dict.fromkeys(names))
    return "未载明：" + "、".join(names) if names and ind.status != "not_assessed" else ""


def _signs(text: str) -> str:
    """Comparison signs as the documents print them: ≤ and ≥, not <= and >=."""
    return text.replace("<=", "≤").replace(">=", "≥")


def _part_line(p: PartOut, readings: list[ReadingOut]) -> str:
    """One part of a composite or checklist row: its rule, the rate it computed, its score or 未评, its notes."""
    value = f"计算值 {quantity(p.value, p.value_unit)}，" if p.value is not None else ""
    got = "未评" if p.score is None else f"得 {points(p.score)} 分"
    notes = "；".join(_signs(cite_readings(n, readings)) for n in p.notes)
    rule = p.rule if p.rule.startswith(p.label) else f"{p.label}（{points(p.points)} 分）：{p.rule}"
    return f"· {_signs(rule)}——{value}{got}" + (f"；{notes}" if notes else "")


def explanation(ind: IndicatorOut, readings: list[ReadingOut]) -> str:
    """A score row's 说明, never empty: target and actual, the rule (formula and thresholds), the figures it used or
    missed, each checklist item's judgement, the deviation note, other notes with the readings cited by number
    (见口径注n), and for a rescaled row the score on the weight the unit filled in. One line each."""
    lines = []
    if ind.target or ind.actual:
        lines.append(f"目标 {_signs(ind.target or NOT_STATED)}，实际 {ind.actual or NOT_STATED}")
    several = len(ind.parts) > 1
    if not several:
        lines.append(f"规则：{_signs(ind.rule)}")
    lines += [x for x in (_inputs(ind), _missing(ind)) if x]
    if several:
        lines += [_part_line(p, readings) for p in ind.parts]
    part_notes = {n for p in ind.parts for n in p.notes} if several else set()
    if ind.deviation_note:
        lines.append(f"偏差说明：{ind.deviation_note}")
    lines += [_signs(cite_readings(n, readings)) for n in ind.notes if n not in part_notes]
    fair = comparable_score(ind)
    if fair is not None and ind.weight is not None and abs(ind.weight - ind.effective_weight) > 1e-9:
        lines.append(f"按单位填报的分值 {points(ind.weight)} 分计，重算得分为 {points(fair)} 分")
    return "\n".join(lines)


def score_frame(rep: UnitReport) -> pd.DataFrame:
    """指标得分: one row per third-level indicator (scores NaN when not assessed), with the recomputed score on the
    weight the unit filled in and whether its claim is higher on that same weight."""
    readings = numbered_readings(rep.result)
    rows = []
    for ind in rep.result.indicators:
        fair = comparable_score(ind)
        rows.append({
            "一级指标": ind.level1, "二级指标": ind.level2, "三级指标": ind.name,
            "分值": _nan(ind.weight), "计分分值": ind.effective_weight,
            "计算值": _nan(ind.value), "计算值单位": ind.value_unit, "定性": ind.rule.startswith(QUALITATIVE_RULE),
            "得分": _nan(ind.score), "自评得分": _nan(ind.claimed_score), "按填报分值的得分": _nan(fair),
            "自评高于重算": ind.claimed_score is not None and fair is not None
            and ind.claimed_score > fair + SCORE_TOLERANCE,
            "状态": ind.status_label, "说明": explanation(ind, readings),
        })
    return pd.DataFrame(rows, columns=["一级指标", "二级指标", "三级指标", "分值", "计分分值", "计算值", "计算值单位", "定性",
                                       "得分", "自评得分", "按填报分值的得分", "自评高于重算", "状态", "说明"])


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


def findings_frame(rep: UnitReport) -> pd.DataFrame:
    """审计发现, one row per root cause in the result's order, with what it also breaks and the figures it compared;
    严重程度 an ordered category (错误 < 警示 < 提示 when sorted)."""
    names = {i.id: i.name for i in rep.result.indicators}
    def asked(text: str, f: FindingOut) -> str:  # a drafted unit's candidate is a question, as the report puts it
        return as_question(text) if f.candidate else text

    rows = [{"严重程度": f.severity_label, "类别": f.kind_label,
             "指标": names.get(f.indicator or "", ""), "发现": asked(f.message, f),
             "由此导致": "\n".join(asked(c, f) for c in f.consequences),
             "依据": f.rule, "数据及出处": evidence_text(f), "检查": f.check} for f in rep.result.findings]
    frame = pd.DataFrame(rows, columns=["严重程度", "类别", "指标", "发现", "由此导致", "依据", "数据及出处", "检查"])
    # one severity column, ordered as the report orders it: sorting puts 错误 before 警示 before 提示, and a drafted
    # unit's questions (待核实) after them
    frame["严重程度"] = pd.Categorical(frame["严重程度"], categories=[*SEVERITY_LABEL.values(), CANDIDATE_LABEL],
                                   ordered=True)
    return frame


def stated_rates_frame(unit: ScoredUnit) -> pd.DataFrame:
    """Every rate the unit states (of the framework, of two figures, a section's 得分率) beside the same rate
    recomputed from its own figures (%; NaN = not computable), and whether it holds at the stated precision."""
    rows = [{"比率": c.label, "单位陈述": c.stated, "陈述原文": c.stated_text,
             "重算": math.nan if c.recomputed is None else c.recomputed, "相符": c.holds,
             "出处": c.source or NOT_STATED} for c in comparisons(unit)]
    return pd.DataFrame(rows, columns=["比率", "单位陈述", "陈述原文", "重算", "相符", "出处"])


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


UNEXPLAINED_PROJECT = "未列明用途的项目支出"


def spending_frame(params: UnitParams) -> pd.DataFrame:
    """支出结构: 本年决算 by component (基本支出: 人员/公用经费; 项目支出: listed items, else its lines).

    What a group's stated total leaves unexplained by its listed parts is shown as its own component,
    so the shares add up to the spending the unit states.
    """
    basic = _components(params, "basic", "基本支出",
                        [(LINES[k].label, _final(params, k)) for k in ("personnel", "public")], "其他基本支出（未分项）")
    items: list[tuple[str, float | None]] = [(i.name, i.amount.value) for i in params.figures.project_items]
    if not items:
        items = [(LINES[k].label, _final(params, k)) for k in ("project_business", "project_operation")]
    project = _components(params, "project", "项目支出", items, UNEXPLAINED_PROJECT)
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
                     **{label: r.findings_by_severity.get(key, 0) for key, label in SEVERITY_LABEL.items()},
                     **{f"{k}（%）": own.get(k, math.nan) for k in labels}})
    return pd.DataFrame(rows)
