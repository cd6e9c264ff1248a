"""The report's blocks in the order a reader needs them, each one call in the notebook (a section's calls share a cell).

Tables are pandas Stylers over the analyst's DataFrames (`.data` sorts, filters and exports); charts are Chart
records (`.figure`, `.data`, `.caption`); prose is escaped HTML. Each shows the same in JupyterLab and in the
exported report.
"""
from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Sequence

import pandas as pd
from pandas.io.formats.style import Styler

from ...fmt import money, pct, points, quantity, rate, stated
from ...result import UnitResult, assessed_rate_text, graded_total
from ..framework_page import page_href
from . import suggestions as suggestions_
from . import appendix, charts, points as points_, rootcauses, tables, verdict
from .display import REPORT_CSS, Chart, Html, esc, note, show_cells, styled
from .model import UnitReport

REPORT_DEPTH = 2  # a report sits in outputs/units/<id>/: the framework pages are two folders up
Block = Styler | Chart | Html


def title(rep: UnitReport) -> Html:
    """Title, unit line and the verdict at a glance: grade or 不予定级, coverage, the claim, the problems."""
    r = rep.result
    cov, counts = r.coverage, r.findings_by_severity
    if r.grade is not None:
        basis = ("全部依据单位自述，未经核实" if cov.verified == 0 else
                 f"其中 {points(cov.self_reported)} 分依据单位自述" if cov.self_reported else "均经核实")
        scope = "重算总分，百分制" if r.total_on_100 is not None else "未评部分不改变等次"
        verdict_card = ("评价结论", f"{r.grade}（{graded_total(r.total_on_100, r.total_range)}）", f"{scope}；{basis}", False)
    else:
        span = (f"总分可在 {points(r.total_range[0])}–{points(r.total_range[1])} 分之间" if r.total_range
                else "没有可评分的指标")
        why = (r.grade_withheld_reason or "").split("：")[0] if "：" in (r.grade_withheld_reason or "") else "等次无法确定"
        rate = assessed_rate_text(r.assessed_rate, r.total, cov.assessed)
        verdict_card = ("评价结论", "不予定级", "；".join(x for x in (why, span, rate) if x), True)
    claim = r.claimed
    claim_card = ("单位自评", "未载明" if claim.total is None else f"{points(claim.total)} 分" +
                  (f"（{claim.grade}）" if claim.grade else ""), claim.status_label or "—", claims_more(r))
    cards = [verdict_card,
             ("已评分值", f"{points(cov.assessed)} / {points(cov.applicable)} 分",
              f"核实 {points(cov.verified)} · 单位自述 {points(cov.self_reported)} · 未评 {points(cov.not_assessed)}",
              cov.assessed < cov.applicable),
             claim_card,
             ("存在的问题", f"{sum(counts.values())} 个", f"错误 {counts.get('error', 0)} · 警示 {counts.get('warning', 0)}"
              f" · 提示 {counts.get('info', 0)}" + (f" · 另有待核实 {r.candidates}" if r.candidates else ""),
              counts.get("error", 0) > 0)]
    cards_html = "".join(
        f'<div class="pe-card{" pe-alert" if alert else ""}"><div class="pe-k">{esc(k)}</div>'
        f'<div class="pe-v">{esc(v)}</div><div class="pe-s">{esc(sub)}</div></div>' for k, v, sub, alert in cards)
    return Html(f'<style>{REPORT_CSS}</style><div class="pe-report"><h1>{esc(rep.title)}</h1>'
                f'<p class="pe-meta">{esc(r.unit.region)} · 评价框架：{esc(r.framework.name)}</p>'
                + (draft_banner(r.unit.id) if r.unit.drafted_from else "") +
                f'<div class="pe-cards">{cards_html}</div></div>')


DRAFT_RUNNING = "草稿·未经核对"  # the running head of every printed page of a drafted unit's report
REVIEW_HREF = "../../drafts/{id}.review.html"  # the unit's review page, from its report in a batch's outputs


def draft_banner(unit_id: str) -> str:
    """Under the title of a drafted unit's report: what it is, the link to the page that confirms it, and every
    printed page's running head (the tool's and the file's names are for the appendix)."""
    head = ("@page { @top-center { content: \"" + DRAFT_RUNNING + "\"; font-size: 9pt; font-weight: 700; "
            "color: #7d4e00; } }")
    review = esc(REVIEW_HREF.format(id=unit_id))
    return (f"<style>{head}</style>"
            f'<p class="pe-draft">{DRAFT_RUNNING}：本报告的数据从单位自评报告的文本自动读出，尚未经评价人员逐项核对。'
            f'<a class="pe-review-link" href="{review}">到核对页逐项核对</a></p>')


GRADE_ORDER = ("差", "中", "良", "优")


def claims_more(r: UnitResult) -> bool:
    """Does the unit claim more than the recomputation supports (a total above the recomputed one, or above every
    total the unassessed points allow; a better grade)? Only then is its card red: claiming less is not a fault."""
    c = r.claimed
    if c.status != "contradicted":
        return False
    ceiling = r.total_on_100 if r.grade is not None else (r.total_range[1] if r.total_range else None)
    above = c.total is not None and ceiling is not None and c.total > ceiling
    better = bool(c.grade and r.grade and c.grade in GRADE_ORDER and r.grade in GRADE_ORDER
                  and GRADE_ORDER.index(c.grade) > GRADE_ORDER.index(r.grade))
    return above or better


def _paragraphs(texts: Sequence[str]) -> Html:
    return Html("".join(f'<p class="pe-para">{esc(t)}</p>' for t in texts))


def conclusion(rep: UnitReport) -> Html:
    """结论: the verdict (set apart: it is what the reader came for), what it rests on, the unit's claim, the main
    problems, what every reading gives."""
    first, *rest = verdict.conclusion(rep.result)
    notice = verdict.draft_notice(rep.result)
    return (Html(f'<p class="pe-draft">{esc(notice)}</p>' if notice else "")
            + Html(f'<p class="pe-verdict">{esc(first)}</p>') + _paragraphs(rest))


def problems(rep: UnitReport, show_evidence: bool = True) -> Html:
    """存在的问题及原因分析: each root cause with the other inconsistencies it causes, the rule it breaks and, when
    show_evidence, the figures it compared with their sources."""
    found = rootcauses.problems(rep.result)
    if not found:
        return note("未发现问题。")
    items = []
    for p in found:
        where = f"（{p.indicator}）" if p.indicator else ""
        body = (f'<p class="pe-problem"><span class="pe-sev-{esc(p.severity)}">【{esc(p.severity_label)}</span>'
                f'<span class="pe-kind"> · {esc(p.kind_label)}{esc(where)}】</span>{esc(p.text)}</p>')
        if p.consequences:
            body += ('<p class="pe-sub">由此导致：</p><ul class="pe-consequences">'
                     + "".join(f"<li>{esc(c)}</li>" for c in p.consequences) + "</ul>")
        body += f'<p class="pe-sub">依据：{esc(p.rule)}</p>'
        if show_evidence and p.evidence:
            body += f'<p class="pe-sub">数据及出处：{esc(p.evidence)}</p>'
        items.append(f"<li>{body}</li>")
    lead = ("以下为本次复核的审计发现，按根本原因列示，一个问题引起的其他不一致列在该问题之下；“错误”须由单位说明或更正，"
            "“警示”须复核，“提示”供参考。")
    return note(lead) + Html(f'<ol class="pe-problems">{"".join(items)}</ol>')


def advice(rep: UnitReport) -> Html:
    """有关建议: what the unit should correct, one suggestion per kind of problem found."""
    found = suggestions_.suggestions(rep.result)
    if not found:
        return note("未发现需要单位更正的问题。")
    return Html('<ol class="pe-advice">' + "".join(f"<li>{esc(s.text)}。</li>" for s in found) + "</ol>")


def _first_of_group(frame: pd.DataFrame, column: str, starts: pd.Series, styler: Styler) -> None:
    """Show a level name only on the first row of its group (the data keeps it on every row, for filtering)."""
    repeats = [i for i in frame.index if not starts[i]]
    show_cells(styler, repeats, column, lambda _: "")


def _row_styles(frame: pd.DataFrame, level1_start: pd.Series) -> pd.DataFrame:
    """Grey for rows not scored, a tint where the claim exceeds the recomputed score on the same weight, a rule
    above each level 1 (built as plain rows, then one frame: cell by cell in pandas costs more than the table)."""
    columns = list(frame.columns)
    claim = columns.index("自评得分")
    rows = []
    for n, (status, claim_high, starts) in enumerate(zip(frame["状态"], frame["自评高于重算"], level1_start)):
        row = ["color: #8c959f;" if status.startswith("未评") or status == "不适用" else ""] * len(columns)
        if claim_high:
            row[claim] += "background: #fff1e6; color: #b03a2e; font-weight: 600;"
        if starts and n:
            row = [style + "border-top: 2px solid #8c959f;" for style in row]
        rows.append(row)
    return pd.DataFrame(rows, index=frame.index, columns=frame.columns)


def _weight_text(weight: float, effective: float) -> str:
    if pd.isna(weight):
        return "空" if effective == 0 else f"空（按 {points(effective)}）"
    if abs(weight - effective) > 1e-9:
        return f"{stated(weight)}（折算 {points(effective)}）"
    return stated(weight)


# what each column of 指标得分 holds: on a phone a row reads indicator, score and claim first, the rest below
SCORE_ROLES = {"一级指标": "pe-l1", "二级指标": "pe-l2", "三级指标": "pe-name", "分值": "pe-weight", "计算值": "pe-value",
               "得分": "pe-score", "自评得分": "pe-claim", "状态": "pe-status", "说明": "pe-note"}


def computed_words(value: float, unit: str, qualitative: bool) -> str:
    """计算值 as a reader takes it: a rate, or on a qualitative row the share of its weight the judgement gives
    (定性，得分率 100%), which is no measured rate."""
    if qualitative and not pd.isna(value):
        return f"定性，得分率 {pct(value)}"
    return quantity(value, unit)


_NAN = object()  # stands for NaN in a key, since NaN != NaN


def _rows_by(frame: pd.DataFrame, *columns: str) -> list[tuple[tuple[object, ...], list[object]]]:
    """The frame's row labels grouped by their values in columns (a float NaN equal to another), in order of first
    appearance: (the group's values, its labels)."""
    groups: dict[tuple[object, ...], tuple[tuple[object, ...], list[object]]] = {}
    for label, *values in zip(frame.index, *(frame[c] for c in columns)):
        key = tuple(_NAN if isinstance(v, float) and v != v else v for v in values)
        groups.setdefault(key, (tuple(values), []))[1].append(label)
    return list(groups.values())


def scores(rep: UnitReport) -> Styler:
    """指标得分: the three-level table — weight, computed value, score, claimed score, status and 说明 (rule, figures,
    notes) — over tables.score_frame."""
    frame = tables.score_frame(rep)
    level1_start = frame["一级指标"] != frame["一级指标"].shift()
    level2_start = level1_start | (frame["二级指标"] != frame["二级指标"].shift())
    styler = styled(frame, "scores", {"得分": points, "自评得分": stated},
                    text=["一级指标", "二级指标", "三级指标", "状态"], lines=["说明"],
                    hidden=["计分分值", "计算值单位", "定性", "按填报分值的得分", "自评高于重算"], roles=SCORE_ROLES,
                    caption="指标得分（分值为评价框架规定的分值，“折算”为按口径折算后计分的分值；计算值为按单位自身数据重算的比率；"
                            "红字为按单位填报的分值计自评得分高于重算得分；灰色为资料未载明而未评分或不适用的指标）")
    _first_of_group(frame, "一级指标", level1_start, styler)
    _first_of_group(frame, "二级指标", level2_start, styler)
    # one format per distinct weight or unit, over the rows that share it (a format per row costs a lookup each)
    for (weight, effective), rows in _rows_by(frame, "分值", "计分分值"):
        show_cells(styler, rows, "分值", lambda _, w=weight, e=effective: _weight_text(w, e))
    for (unit, qualitative), rows in _rows_by(frame, "计算值单位", "定性"):
        show_cells(styler, rows, "计算值", lambda v, u=unit, q=qualitative: computed_words(v, u, q), na_rep="—")
    styler.apply(lambda _: _row_styles(frame, level1_start), axis=None)
    return styler


def level1(rep: UnitReport) -> Styler:
    """按一级指标汇总: points, points assessed, recomputed score and the unit's claim per level-1 indicator."""
    frame = tables.level1_frame(rep.sheet).rename(columns={"自评得分": "自评得分（单位填报）"})
    formats = {c: points for c in frame.columns if c != "一级指标"}
    return styled(frame, "level1", formats, text=["一级指标"], caption="按一级指标汇总（分）")


def overview(rep: UnitReport) -> Styler:
    """单位概况: the unit, its framework and the documents its figures come from."""
    return styled(tables.overview_frame(rep), "overview", text=["项目", "内容"], caption="单位概况")


def lines(rep: UnitReport) -> Block:
    """收支与“三公”经费: the base data table's money lines by column, with 决算 against last year."""
    frame = tables.lines_frame(rep.params)
    if frame.empty:
        return note("报告未载明基础数据表中的金额。")
    change = "决算较上年变动（%）"
    formats = {c: money for c in frame.columns if c not in ("项目", change)}
    formats[change] = rate
    hidden = ["层级"] + ([change] if frame[change].isna().all() else [])
    styler = styled(frame, "lines", formats, text=["项目"], hidden=hidden, caption="收支与“三公”经费（万元）")
    level = frame["层级"]  # an item is indented under its total (the frame keeps the level, not spaces in the label)
    return styler.apply(lambda col: [f"padding-left: {0.6 + 1.2 * n:.1f}em;" for n in level], subset=["项目"])


AS_WRITTEN_CELL = "word-break: keep-all;"  # a figure as written is one piece: on A4 16,640.91万元 wrapped as 万 | 元


def _figures_table(frame: pd.DataFrame, uuid: str, caption: str) -> Styler:
    hidden = ["数值", "单位"] + (["口径"] if not frame["口径"].astype(bool).any() else [])
    out = styled(frame, uuid, text=["项目", "按原文", "口径", "出处"], hidden=hidden, caption=caption)
    as_written = {"selector": f"td.col{frame.columns.get_loc('按原文')}", "props": AS_WRITTEN_CELL}
    return out.set_table_styles([as_written], overwrite=False)


def figures(rep: UnitReport) -> Block:
    """人员、预算执行与工作量: the catalogue's other figures the unit states, as written, with their sources."""
    frame = tables.figures_frame(rep.result)
    if frame.empty:
        return note("报告未载明人员、预算执行与工作量数据。")
    out = _figures_table(frame, "figures", "人员、预算执行与工作量")
    if rep.params.figures.budget_scope:
        out.set_caption(esc(f"人员、预算执行与工作量（预算口径：{rep.params.figures.budget_scope}）"))
    return out


def stated_figures(rep: UnitReport) -> Block:
    """The unit's own other figures, each as written (以上, 余, 约 and the decimals kept)."""
    frame = tables.stated_frame(rep.result)
    if frame.empty:
        return note("报告没有上述表格以外、需要核对的其他数字。")
    return _figures_table(frame, "stated", "报告中的其他数字（按原文）")


def projects(rep: UnitReport) -> Block:
    """附件2-4: each project's own evaluation."""
    frame = tables.projects_frame(rep.result)
    if frame.empty:
        return note("报告未附项目绩效自评汇总表。")
    formats = {"自评得分": stated, "预算数": money, "执行数": money, "执行率（%）": rate}
    hidden = [c for c in ("等次", "预算数", "执行数", "执行率（%）") if not frame[c].astype(bool).any()
              or frame[c].isna().all()]
    return styled(frame, "projects", formats, text=["项目", "等次", "出处"], hidden=hidden,
                  caption="项目绩效自评（附件2-4；金额单位：万元）")


def project_items(rep: UnitReport) -> Block:
    """项目支出明细 the report lists, with their total."""
    frame = tables.project_items_frame(rep.params)
    if frame.empty:
        return note("报告未逐项列出项目支出。")
    return styled(frame, "items", {"金额": money}, text=["项目", "出处"], caption="项目支出明细（万元）")


def sources(rep: UnitReport) -> Html:
    """Where each money figure of the base data table comes from, collapsed (printed open)."""
    frame = tables.line_sources_frame(rep.params)
    if frame.empty:
        return Html("")
    table = styled(frame, "sources", {"数值": money}, text=["项目", "出处"], hidden=["单位"]).html()
    return Html(f'<details class="pe-sources"><summary>基础数据表各金额的出处（万元）</summary>{table}</details>')


# draw: a chart function of charts.py (DataFrame → Figure)
def _chart(point: points_.Point, draw, data: pd.DataFrame, caption_head: str) -> Block:  # noqa: ANN001
    return Chart(draw(data), f"{caption_head}：{point.text}", data) if point.draw else note(point.text)


def chart_scores(rep: UnitReport) -> Block:
    frame = tables.level1_frame(rep.sheet)
    return _chart(points_.scores(frame), charts.score_vs_weight, frame, "各一级指标的分值与得分（分）")


def chart_claims(rep: UnitReport) -> Block:
    frame = tables.claimed_scores_frame(rep.sheet)
    return _chart(points_.claims(frame), charts.claimed_vs_recomputed, frame, "自评与重算不符的指标（分）")


def chart_rates(rep: UnitReport) -> Block:
    frame = tables.stated_rates_frame(rep.unit)
    return _chart(points_.rates(frame), charts.stated_vs_recomputed_rates, frame, "单位陈述的比率与重算比率（%）")


def chart_spending(rep: UnitReport) -> Block:
    frame = tables.spending_frame(rep.params)
    return _chart(points_.spending(frame), charts.spending_structure, frame, "支出结构（本年决算数，万元）")


def history(rep: UnitReport, earlier: Sequence[str] = ()) -> Block:
    """历年比较: this unit's results of earlier years (the batch passes their result files, read from its results
    store), beside this year's."""
    from ..store import published_result

    results, missing = [], []
    for path in earlier:
        try:
            results.append(published_result(path))
        except (OSError, ValueError):
            missing.append(Path(path).stem)
    if not results:
        return note("没有本单位其他年度的评价结果。" if not missing else
                    f"本单位其他年度（{'、'.join(missing)}）的评价结果未能读取，未作比较。")
    frame = tables.history_frame(rep.result, results)
    formats = {c: points for c in ("已评分值", "应评分值", "重算总分", "自评总分")}
    formats.update({c: pct for c in frame.columns if c.endswith("（%）")})
    caption = "历年比较" + (f"（另有 {len(missing)} 个年度的结果未能读取：{'、'.join(missing)}）" if missing else "")
    return styled(frame, "history", formats, text=["等次"], caption=caption)


def _version() -> str:
    try:
        return version("perfeval")
    except PackageNotFoundError:
        return "未安装"


RUN_DATE = '<span class="pe-run-date">本次运行（未经批处理，未记录日期）</span>'  # navigation fills in the run's date


def run_date() -> Html:
    """The day the report was computed: filled in at export from papermill's record (the page header's date)."""
    return Html(f'<p class="pe-note">运行日期：{RUN_DATE}</p>')


def basis(rep: UnitReport) -> Styler:
    """评价依据: the documents, the params file and its digest, the framework, the tool — what produced the report."""
    r = rep.result
    digest = hashlib.sha256(rep.params_file.read_bytes()).hexdigest()[:12]
    drafted = ([("数据读取", f"perfeval draft 从《{r.unit.drafted_from}》的文本自动读出（草稿，未经核对；"
                            f"核对页 {REVIEW_HREF.format(id=r.unit.id)}）")] if r.unit.drafted_from else [])
    rows = [("资料来源", r.unit.document or tables.NOT_STATED), *drafted,
            ("评价框架", f"{r.framework.name}（{r.framework.source}）"),
            ("参数文件", f"{rep.params_file.name}（SHA-256 {digest}）"),
            ("评价工具", f"perfeval {_version()}"), ("金额单位", "万元")]
    return styled(pd.DataFrame(rows, columns=["项目", "内容"]), "basis", text=["项目", "内容"], caption="评价依据")


GAPS = ("rule_gap", "national_default")  # what the framework leaves open: the readings (口径注) answer these


def framework_notes(rep: UnitReport) -> Html:
    """The framework's own errors (its arithmetic, its labels, indicators without a rule), once, as a section — they
    are not the unit's findings —, how many points it leaves open, and a link to the framework's page, which says
    all of it once for every unit."""
    r = rep.result
    own = [n for n in r.framework_notes if n.code != "rows_vs_header" and n.code not in GAPS]
    gaps = sum(n.code in GAPS for n in r.framework_notes)
    href = page_href(r.framework.id, REPORT_DEPTH)
    page = f'<a href="{esc(href)}">评价框架说明页</a>' if href else "评价框架说明页"
    out = note(f"评价框架《{r.framework.name}》自身的问题（不计入本单位的问题）：") if own else \
        note(f"评价框架《{r.framework.name}》的分值与评分标准没有需要说明的问题。")
    if own:
        out += Html('<ol class="pe-note">' + "".join(f"<li>{esc(n.message)}</li>" for n in own) + "</ol>")
    tail = (f"框架另有 {gaps} 处未作规定，本单位评分用到的见下表口径注；" if gaps else "") + \
        "同一框架的说明对使用它的每个单位都相同，全文见"
    return out + Html(f'<p class="pe-note">{esc(tail)}{page}。</p>')


def readings(rep: UnitReport) -> Block:
    """口径注: the readings the score consulted, numbered as the score sheet cites them."""
    frame = appendix.readings_frame(rep.result)
    if frame.empty:
        return note("本单位的评分未用到评价框架未作规定之处的口径。")
    return styled(frame, "readings", text=["评价框架未作规定之处", "本报告采用的口径", "口径来源"],
                  caption="口径注（评价框架未作规定之处本报告采用的口径）")


def robustness(rep: UnitReport) -> Html:
    """Which conclusions hold under every option of every reading the score consulted, and which options change
    the result."""
    found = appendix.robustness(rep.result)
    if not rep.result.sensitivity:
        return note("本单位的评分未用到可改选的口径。")
    out = [f"逐一改用评价框架未作规定之处的其他口径：{'，'.join(found.holds)}。" if found.holds
           else "逐一改用评价框架未作规定之处的其他口径，结论随口径而变。"]
    out += [f"{c}。" for c in found.changes] or ["任一口径都不改变重算结果。"]
    return _paragraphs(out)


def sensitivity(rep: UnitReport) -> Block:
    """Each option of each reading the score consulted, with the verdict it gives (one reading changed at a time)."""
    frame = appendix.sensitivity_frame(rep.result)
    if frame.empty:
        return Html("")
    return styled(frame, "sensitivity", {"口径注": lambda v: f"{v:.0f}"}, text=["可选口径", "重算结论"],
                  caption="口径敏感性（逐一改用各可选口径时的重算结论）")
