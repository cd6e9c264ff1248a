"""The sections of the per-unit report, one call each, as the notebook displays them."""
from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Sequence

import pandas as pd
from matplotlib.figure import Figure

from ...fmt import quantity
from ...result import UnitResult
from . import charts, narrative, tables
from .display import REPORT_CSS, Html, count, esc, figure_html, heading, money, note, points, styled, table_html
from .model import UnitReport


def _pct(x: float) -> str:
    return f"{narrative.num(x)}%"


def title(rep: UnitReport) -> Html:
    """Title, unit line and the headline figures a reader looks for first."""
    s, u = rep.sheet, rep.sheet.unit
    counts = rep.severity_counts()
    cards = [("重算得分", f"{narrative.num(s.total)} 分", f"已评分值 {narrative.num(s.assessed_points)} / 应评 "
              f"{narrative.num(s.applicable_points)} 分", False),
             ("等次", rep.result.grade or "不予定级", _verdict_note(rep), False),
             ("单位自评", "—" if s.claimed_total is None else f"{narrative.num(s.claimed_total)} 分",
              f"等次 {s.claimed_grade or '未载明'}", False),
             ("审计发现", f"{sum(counts.values())} 条", f"错误 {counts['error']} · 警示 {counts['warning']} · "
              f"提示 {counts['info']}", counts["error"] > 0)]
    cards_html = "".join(
        f'<div class="pe-card{" pe-alert" if alert else ""}"><div class="pe-k">{esc(k)}</div>'
        f'<div class="pe-v">{esc(v)}</div><div class="pe-s">{esc(sub)}</div></div>' for k, v, sub, alert in cards)
    return Html(f'<style>{REPORT_CSS}</style><div class="pe-report"><h1>{esc(rep.title)}</h1>'
                f'<p class="pe-meta">{esc(u.region)} · 评价框架：{esc(s.framework.name)}</p>'
                f'<div class="pe-cards">{cards_html}</div></div>')


def _verdict_note(rep: UnitReport) -> str:
    r = rep.result
    if r.grade is not None:
        return f"重算总分 {narrative.num(r.total_on_100)} 分"
    span = f"总分可在 {narrative.num(r.total_range[0])}–{narrative.num(r.total_range[1])} 分之间" if r.total_range else ""
    return f"可评分值不足（{narrative.num(r.coverage.assessed)} / {narrative.num(r.coverage.applicable)} 分）；{span}"


def overview(rep: UnitReport) -> Html:
    """单位概况."""
    styler = styled(tables.overview_frame(rep), "overview", text=["项目", "内容"]).hide(axis="columns")
    label_column = {"selector": "td.col0", "props": "font-weight: 600; background: #f6f8fa;"}
    styler.set_table_styles([label_column], overwrite=False)
    return table_html(styler)


def base_data(rep: UnitReport) -> Html:
    """基础数据: the money lines by column, the other stated figures, project items, and every source."""
    p = rep.params
    out = heading("收支与“三公”经费（万元）")
    lines = tables.lines_frame(p)
    if lines.empty:
        out += note("报告未载明基础数据表中的金额。")
    else:
        money_cols = {c: money for c in lines.columns if c != "项目"}
        out += table_html(styled(lines, "lines", money_cols, text=["项目"]))
    figures = tables.figures_frame(p)
    if not figures.empty:
        figures["数值"] = [money(v) if u == "万元" else count(v) for v, u in zip(figures["数值"], figures["单位"])]
        out += heading("人员、预算执行与工作量") + table_html(styled(figures, "figures", text=["项目", "出处"]))
    if p.figures.budget_scope:
        out += note(f"预算口径：{p.figures.budget_scope}")
    items = tables.project_items_frame(p)
    if not items.empty:
        items = items.rename(columns={"金额": "金额（万元）"})
        out += heading("项目支出明细（万元）") + table_html(
            styled(items, "items", {"金额（万元）": money}, text=["项目", "出处"]))
    sources = tables.line_sources_frame(p)
    if not sources.empty:
        sources["数值"] = sources["数值"].map(money)
        out += Html('<details class="pe-sources"><summary>基础数据表各金额的出处</summary>')
        out += table_html(styled(sources, "sources", text=["项目", "出处"])) + Html("</details>")
    return out


def _weight_text(weight: float, effective: float) -> str:
    if pd.isna(weight):
        return "空" if effective == 0 else f"空（按 {points(effective)}）"
    if abs(weight - effective) > 1e-9:
        return f"{points(weight)}（折算 {points(effective)}）"
    return points(weight)


def _row_styles(shown: pd.DataFrame, group_start: pd.Series) -> pd.DataFrame:
    """Grey for rows not scored, a tint where the claim exceeds the recomputed score, a rule above each level 1."""
    styles = pd.DataFrame("", index=shown.index, columns=shown.columns)
    for i in shown.index:
        if shown.at[i, "状态"].startswith("未评") or shown.at[i, "状态"] == "不适用":
            styles.loc[i] = "color: #8c959f;"
        claimed, score = shown.at[i, "自评得分"], shown.at[i, "得分"]
        if pd.notna(claimed) and pd.notna(score) and claimed > score + 0.005:
            styles.at[i, "自评得分"] += "background: #fff1e6; color: #b03a2e; font-weight: 600;"
        if group_start[i] and i != shown.index[0]:
            styles.loc[i] = styles.loc[i] + "border-top: 2px solid #8c959f;"
    return styles


def _first_of_group(values: pd.Series, starts: pd.Series) -> list[str]:
    return [v if start else "" for v, start in zip(values, starts)]


def scores(rep: UnitReport) -> Html:
    """指标得分: the three-level table (weight, computed value, score, claimed score, notes), then by level 1."""
    footnotes = tables.interpretation_notes(rep.sheet)
    frame = tables.score_frame(rep.sheet, footnotes)
    level1_start = frame["一级指标"] != frame["一级指标"].shift()
    level2_start = level1_start | (frame["二级指标"] != frame["二级指标"].shift())
    shown = pd.DataFrame({
        "一级指标": _first_of_group(frame["一级指标"], level1_start),
        "二级指标": _first_of_group(frame["二级指标"], level2_start),
        "三级指标": frame["三级指标"],
        "分值": [_weight_text(w, e) for w, e in zip(frame["分值"], frame["折算分值"])],
        "计算值": [quantity(v, u) for v, u in zip(frame["计算值"], frame["计算值单位"])],
        "得分": frame["得分"], "自评得分": frame["自评得分"], "状态": frame["状态"], "说明": frame["说明"],
    })
    styler = styled(shown, "scores", {"得分": points, "自评得分": points},
                    text=["一级指标", "二级指标", "三级指标", "状态", "说明"])
    styler.apply(lambda _: _row_styles(shown, level1_start), axis=None)
    out = table_html(styler)
    out += note("分值为评价框架规定的分值（“空”为框架未给分值；“折算”为按口径折算后计分的分值）；计算值为按单位自身数据重算的比率；"
                "红字为自评得分高于重算得分；灰色为资料未载明而未评分或不适用的指标，不计入已评分值。")
    if footnotes:
        items = "".join(f"<li>{esc(n.removeprefix(tables.INTERPRETATION_PREFIX))}</li>" for n in footnotes)
        out += Html(f'<p class="pe-note">口径注（评价框架未作规定之处本次采用的口径，可在参数文件中改选）：</p>'
                    f'<ol class="pe-note">{items}</ol>')
    level1 = tables.level1_frame(rep.sheet).rename(columns={"自评得分": "自评得分（单位填报）"})
    formats = {c: points for c in level1.columns if c != "一级指标"}
    out += heading("按一级指标汇总（分）") + table_html(styled(level1, "level1", formats, text=["一级指标"]))
    return out


def _severity_class(row: pd.Series) -> list[str]:
    colour = {"error": "color: #cf222e; font-weight: 600;", "warning": "color: #9a6700; font-weight: 600;"}
    return [colour.get(row["severity"], "") if c == "严重程度" else "" for c in row.index]


def findings(rep: UnitReport, show_evidence: bool = True) -> Html:
    """审计发现: every finding of run_checks with the rule applied and, optionally, the figures it compared."""
    frame = tables.findings_frame(rep)
    counts = rep.severity_counts()
    out = note(f"共 {len(frame)} 条：错误 {counts['error']} 条，警示 {counts['warning']} 条，提示 {counts['info']} 条。"
               "错误须由单位说明或更正；警示须复核；提示供参考。")
    if frame.empty:
        return out
    columns = ["严重程度", "类别", "指标", "发现", "依据"] + (["数据及出处"] if show_evidence else [])
    frame.index = range(1, len(frame) + 1)
    styler = styled(frame[columns + ["severity"]], "findings", text=["严重程度", "类别", "指标", "发现", "依据", "数据及出处"],
                    index=True)
    styler.apply(_severity_class, axis=1).hide(["severity"], axis="columns")
    return out + table_html(styler)


def _chart(fig: Figure | None, caption: str, empty: str) -> Html:
    return note(empty) if fig is None else figure_html(fig, caption)


def chart_scores(rep: UnitReport) -> Html:
    return figure_html(charts.score_vs_weight(rep.sheet), "图1 各一级指标的分值、已评分值与得分（分）")


def chart_claims(rep: UnitReport) -> Html:
    return _chart(charts.claimed_vs_recomputed(rep.sheet), "图2 逐项自评得分与重算得分（分）",
                  "单位未填报逐项自评得分，无法逐项比较自评与重算得分。")


def chart_rates(rep: UnitReport) -> Html:
    return _chart(charts.stated_vs_recomputed_rates(rep.unit), "图3 单位陈述的比率与重算比率（%）",
                  "单位未陈述可重算的比率。")


def chart_spending(rep: UnitReport) -> Html:
    return _chart(charts.spending_structure(rep.params), "图4 支出结构（本年决算数，万元）",
                  "报告未载明基本支出、项目支出的决算数，无法分析支出结构。")


def history(rep: UnitReport, earlier: Sequence[str] = ()) -> Html:
    """历年比较: this unit's results of earlier years (the batch passes their result files), beside this year's."""
    results = []
    missing = []
    for path in earlier:
        try:
            results.append(UnitResult.read(path))
        except (OSError, ValueError):
            missing.append(Path(path).stem)
    if not results:
        return note("没有本单位其他年度的评价结果。" if not missing else
                    f"本单位其他年度（{'、'.join(missing)}）的评价结果未能读取，未作比较。")
    frame = tables.history_frame(rep.result, results)
    formats = {c: points for c in ("已评分值", "应评分值", "重算总分", "自评总分")}
    formats.update({c: (lambda v: f"{narrative.num(v)}%") for c in frame.columns if c.endswith("（%）")})
    out = table_html(styled(frame, "history", formats, text=["等次"]))
    if missing:
        out += note(f"另有 {len(missing)} 个年度的结果未能读取：{'、'.join(missing)}。")
    return out


def conclusion(rep: UnitReport) -> Html:
    """结论 as an ordered list of statements."""
    items = "".join(
        f"<li>{esc(st.text)}" + (f"<ul>{''.join(f'<li>{esc(d)}</li>' for d in st.details)}</ul>" if st.details else "")
        + "</li>" for st in narrative.conclusion(rep))
    return Html(f'<ol class="pe-conclusion">{items}</ol>')


def _version() -> str:
    try:
        return version("perfeval")
    except PackageNotFoundError:
        return "未安装"


def footer(rep: UnitReport) -> Html:
    """What produced this report: the params file (and its digest), the framework and the tool version."""
    digest = hashlib.sha256(rep.params_file.read_bytes()).hexdigest()[:12]
    fw = rep.sheet.framework
    return Html(f'<p class="pe-footer">参数文件 {esc(rep.params_file.name)}（SHA-256 {digest}）· 评价框架 {esc(fw.id)}'
                f' · perfeval {esc(_version())} · 金额单位：万元</p>')
