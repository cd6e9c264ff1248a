"""The batch's overview, one row per unit: outputs/index.html for readers and outputs/summary.csv for analysts.

The index is a table of COLUMNS. Each column says how a unit shows in it and, if it can be sorted or filtered,
by what; a small inline script (templates/index/index.js, no network, no library) reads those data-* attributes
to sort, filter and search, so columns can be added or changed here without touching the script. Without the
script the table is complete as it is. Every text from a unit is escaped, and the script only ever sets text.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from html import escape
from typing import Any, Callable, Literal, Sequence

from ..fmt import DASH, points, rate, stated
from ..paths import TEMPLATES_DIR
from ..result import DRAFT_MARK, UnitResult, graded_total
from ..safetext import inert, inert_field
from .store import NOT_RUN, OK, Entry
from .framework_page import page_href

CSV_COLUMNS = ["unit_id", "name", "region", "year", "budget_code", "framework", "status", "reason", "total",
               "total_on_100", "total_min", "total_max", "assessed_rate", "grade", "grade_withheld_reason", "applicable_points",
               "assessed_points", "verified_points", "self_reported_points", "claimed_total", "claimed_grade",
               "claim_status", "findings_error", "findings_warning", "findings_info", "candidates", "report", "result", "notebook",
               "drafted_from", "review"]

# summary.csv, for officials in Excel/WPS: each column under its Chinese heading (summary_data.csv keeps the ids)
CSV_HEADINGS = {
    "unit_id": "单位编号", "name": "单位名称", "region": "地区", "year": "年度", "budget_code": "预算编码",
    "framework": "评价框架", "status": "状态", "reason": "原因", "total": "重算总分（已评部分）",
    "total_on_100": "重算总分（百分制）", "total_min": "总分可能下限", "total_max": "总分可能上限",
    "assessed_rate": "已评指标得分率（%，不予定级时列示，不是总分）", "grade": "重算等次",
    "grade_withheld_reason": "不予定级的原因", "applicable_points": "应评分值", "assessed_points": "已评分值",
    "verified_points": "其中经核实", "self_reported_points": "其中依据单位自述", "claimed_total": "自评总分",
    "claimed_grade": "自评等次", "claim_status": "自评复核", "findings_error": "错误（个）", "findings_warning": "警示（个）",
    "findings_info": "提示（个）", "candidates": "待核实（个）", "report": "报告", "result": "单位结果文件", "notebook": "执行记录",
    "drafted_from": "草稿所据报告", "review": "核对页"}
STATUS_WORD = {OK: "已生成", NOT_RUN: "未运行"}  # any other status: 失败

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")

INDEX_DIR = TEMPLATES_DIR / "index"


def _n(x: float | None) -> str:
    return DASH if x is None else points(x)


def review_page(e: Entry) -> str:
    """The review page of a unit whose params are a draft (outputs/drafts/<id>.review.html: drafted by the batch,
    or by `perfeval draft` before it), else ""."""
    run = e[0]
    return f"drafts/{run.unit_id}.review.html" if drafted_from(e) and run.params_file.endswith(".yaml") else ""


def drafted_from(e: Entry) -> str:
    """The report a unit's params were drafted from: by this batch, or by an earlier `perfeval draft` whose file
    still says so (drafted_from: in the params). "" for params an analyst has confirmed."""
    run, r = e
    return run.drafted_from or (r.unit.drafted_from if r else None) or ""


def rows(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """One flat record per unit, sorted by id: what the CSV lists, from the unit results."""
    out = []
    for run, r in sorted(entries, key=lambda e: e[0].unit_id):
        row: dict[str, Any] = dict.fromkeys(CSV_COLUMNS, "")
        row.update(unit_id=run.unit_id, status=run.status, reason=run.reason, report=run.report or "",
                   result=run.result or "", notebook=run.notebook or "", drafted_from=drafted_from((run, r)),
                   review=review_page((run, r)))
        if r is not None:
            c = r.coverage
            row.update(
                name=r.unit.name, region=r.unit.region, year=r.unit.year, budget_code=r.unit.budget_code or "",
                framework=r.framework.name, total=_n(r.total),
                total_on_100=_n(r.total_on_100) if r.total_on_100 is not None else "",
                total_min=_n(r.total_range[0]) if r.total_range else "",
                total_max=_n(r.total_range[1]) if r.total_range else "",
                assessed_rate=rate(r.assessed_rate) if r.grade is None and r.assessed_rate is not None else "",
                grade=r.grade or "", grade_withheld_reason=r.grade_withheld_reason or "",
                applicable_points=_n(c.applicable), assessed_points=_n(c.assessed), verified_points=_n(c.verified),
                self_reported_points=_n(c.self_reported),
                claimed_total=stated(r.claimed.total) if r.claimed.total is not None else "",
                claimed_grade=r.claimed.grade or "", claim_status=r.claimed.status_label or "",
                findings_error=r.findings_by_severity.get("error", 0),
                findings_warning=r.findings_by_severity.get("warning", 0),
                findings_info=r.findings_by_severity.get("info", 0),
                candidates=r.candidates)  # a drafted unit's open questions, counted apart (W49)
        out.append(row)
    return out


def csv_cell(value: Any) -> Any:
    """A value a spreadsheet cannot run: text that would start a formula (= + - @, tab, CR) gets a
    leading ' (OWASP's advice for CSV; the reader sees the quote, never a formula); numbers stay numbers;
    text is made inert (a right-to-left override cannot reverse what follows it, an escape sequence is shown as �).
    """
    if not isinstance(value, str):
        return value
    value = inert_field(value)
    if value.startswith(FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def _csv(records: Sequence[dict[str, Any]], fields: Sequence[str]) -> str:
    """Records as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese correctly); texts quoted, counts
    and years as numbers."""
    buf = io.StringIO()
    # every text quoted: a line break in a name (CR, which csv leaves bare under "\n", U+2028 …) stays in its field
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in records)
    return "\ufeff" + buf.getvalue()


def summary_csv(entries: Sequence[Entry]) -> str:
    """summary.csv: the index for officials, Chinese headings and words (已生成/失败)."""
    said = [{CSV_HEADINGS[k]: (STATUS_WORD.get(v, "失败") if k == "status" else v) for k, v in row.items()}
            for row in rows(entries)]
    return _csv(said, [CSV_HEADINGS[c] for c in CSV_COLUMNS])


def data_csv(entries: Sequence[Entry]) -> str:
    """summary_data.csv: the same rows under stable ids (unit_id, status ok/failed …) for programs."""
    return _csv(rows(entries), CSV_COLUMNS)


# --- the page ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    """One column of the index: its heading, the cell's HTML (every text escaped) and, when the reader can sort
    or filter by it, the key it sorts by and the value its drop-down offers (one word per unit: 优, 已生成 …).
    """

    header: str
    cell: Callable[[Entry], str]
    sort: Literal["number", "text"] | None = None
    key: Callable[[Entry], float | str | None] | None = None
    filter: Callable[[Entry], str] | None = None
    css: str = ""


def _result(e: Entry) -> UnitResult | None:
    """The unit result of a published unit (None for a failed one, or one whose result file cannot be read)."""
    run, r = e
    return r if run.status == OK else None


def _unit(e: Entry) -> str:
    run, r = e
    name = (r.unit.name if r else "") or run.unit_id  # the id only when no result names the unit
    cell = _a(run.report, name) if run.status == OK and run.report else escape(name)
    return cell + (f"<span class='reason'>{DRAFT_MARK}</span>" if drafted_from(e) else "")


def _coverage(e: Entry) -> str:
    r = _result(e)
    if r is None:
        return DASH
    c = r.coverage
    return f"{stated(c.assessed)} / {stated(c.applicable)}<span class='muted'>（核实 {stated(c.verified)}）</span>"


def _verdict_word(e: Entry) -> str:
    r = _result(e)
    return "无" if r is None else (r.grade or "不予定级")


def _verdict(e: Entry) -> str:
    r = _result(e)
    if r is None:
        return DASH
    if r.grade:
        return f"{escape(graded_total(r.total_on_100, r.total_range))} · {escape(r.grade)}"
    span = r.total_range
    where = f"<span class='reason'>总分可在 {points(span[0])}–{points(span[1])} 之间</span>" if span else ""
    return f"不予定级{where}"


def _claimed(e: Entry) -> str:
    r = _result(e)
    if r is None:
        return DASH
    total = DASH if r.claimed.total is None else stated(r.claimed.total)
    status = f"<span class='reason'>{escape(r.claimed.status_label)}</span>" if r.claimed.status_label else ""
    if r.claimed.total is None and not r.claimed.grade:
        return f"未载明{status}"  # neither a total nor a grade: one word, not “— · 未载明”
    return f"{total} · {escape(r.claimed.grade or '等次未载明')}{status}"


def _errors(e: Entry) -> int:
    r = _result(e)
    return r.findings_by_severity.get("error", 0) if r else 0


def _findings(e: Entry) -> str:
    r = _result(e)
    if r is None:
        return DASH
    counts, errors = r.findings_by_severity, _errors(e)
    head = f"<span class='badge-error'>⚠ 错误 {errors}</span>" if errors else "错误 0"
    # a drafted unit's candidates are questions, not findings: said apart, as its report's card says them
    asked = f"<span class='reason'>另有待核实 {r.candidates}</span>" if r.candidates else ""
    return f"{head} · 警示 {counts.get('warning', 0)} · 提示 {counts.get('info', 0)}{asked}"


def _status_word(e: Entry) -> str:
    return STATUS_WORD.get(e[0].status, "失败")


def _status(e: Entry) -> str:
    run, r = e
    if run.status == NOT_RUN:  # another file of the unit ran in its place
        return f"<span class='status-not-run'>未运行</span><span class='reason'>{escape(run.reason)}</span>"
    if run.status != OK:
        return f"<span class='status-failed'>失败</span><span class='reason'>{escape(run.reason)}</span>"
    missing = "" if r else "<span class='reason'>单位结果文件缺失或无法读取，重新运行可补齐</span>"
    return f"<span class='status-ok'>已生成</span>{missing}"


def _framework_name(e: Entry) -> str:
    r = _result(e)
    return r.framework.name.split("（")[0] if r else ""


def _framework(e: Entry) -> str:
    """The framework's short name, linked to its page (its own gaps, said once for every unit it scores)."""
    r = _result(e)
    if r is None:
        return DASH
    href = page_href(r.framework.id)
    name = escape(_framework_name(e))
    return f'<a href="{escape(href, quote=True)}" title="评价框架说明">{name}</a>' if href else name


def _a(path: str | None, text: str) -> str:
    return f'<a href="{escape(path)}">{escape(text)}</a>' if path else ""


def _link(e: Entry) -> str:
    run = e[0]
    main = _a(run.report, "打开报告") if run.status == OK else _a(run.notebook, "执行记录")
    return "<br>".join(x for x in (main, _a(review_page(e), "核对页")) if x)  # one per line: the column stays narrow


def _of_result(get: Callable[[UnitResult], float | str | None]) -> Callable[[Entry], float | str | None]:
    # _result(e) is not None: tested just before
    return lambda e: None if _result(e) is None else get(_result(e))  # type: ignore[arg-type]


COLUMNS: tuple[Column, ...] = (  # the verdict and the claim beside the unit: on a phone they are in the first screen
    Column("单位", _unit, "text", lambda e: (e[1].unit.name if e[1] else "") or e[0].unit_id, css="unit"),
    Column("重算总分 · 等次", _verdict, "number", _of_result(lambda r: r.total_on_100 if r.grade else None),
           _verdict_word, css="num verdict"),
    Column("自评总分 · 等次", _claimed, "number", _of_result(lambda r: r.claimed.total),
           lambda e: (_result(e).claimed.status_label or "未载明") if _result(e) else "无", css="num claim"),
    Column("年度", lambda e: escape(str(e[1].unit.year)) if _result(e) else DASH, "number",
           _of_result(lambda r: r.unit.year), lambda e: str(e[1].unit.year) if _result(e) else "无", css="num"),
    Column("已评 / 应评分值", _coverage, "number", _of_result(lambda r: r.coverage.assessed), css="num"),
    Column("评价框架", _framework, "text", _framework_name, lambda e: _framework_name(e) or "无", css="framework"),
    Column("审计发现", _findings, "number", lambda e: _errors(e) if _result(e) else None,
           lambda e: ("有错误" if _errors(e) else "无错误") if _result(e) else "无", css="findings"),
    Column("状态", _status, "text", _status_word, _status_word, css="status"),
    Column("报告", _link, css="link"),
)


def _attr(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _header(c: Column) -> str:
    attrs = f' data-label="{_attr(c.header)}"'
    attrs += f' data-sort="{c.sort}"' if c.sort else ""
    attrs += " data-filter" if c.filter else ""
    attrs += f' class="{c.css}"' if c.css else ""
    return f'<th scope="col"{attrs}>{escape(c.header)}</th>'


def _cell(c: Column, e: Entry) -> str:
    attrs = f' class="{c.css}"' if c.css else ""
    if c.sort and c.key:
        attrs += f' data-sort="{_attr(c.key(e))}"'
    if c.filter:
        attrs += f' data-filter="{_attr(c.filter(e))}"'
    return f"<td{attrs}>{c.cell(e)}</td>"


def _row(e: Entry) -> str:
    classes = " ".join(c for c, on in (("has-error", _errors(e) > 0), ("failed", e[0].status not in (OK, NOT_RUN))) if on)
    return f"<tr class='{classes}' data-unit='{_attr(e[0].unit_id)}'>{''.join(_cell(c, e) for c in COLUMNS)}</tr>"


def _extras_html(extras: Sequence[tuple[str, str]]) -> str:
    if not extras:
        return ""
    links = " · ".join(f"<a href='{escape(href, quote=True)}'>{escape(label)}</a>" for label, href in extras)
    return f"<p class='lead'>汇总：{links}</p>\n"


def _frameworks_html(entries: Sequence[Entry]) -> str:
    """评价框架说明: a link to each framework's page, once (its notes are not counted among any unit's findings)."""
    pages: dict[str, str] = {}
    for e in entries:
        r = _result(e)
        href = page_href(r.framework.id) if r else None
        if r and href:
            pages.setdefault(href, r.framework.name)
    if not pages:
        return ""
    links = " · ".join(f"<a href='{escape(href, quote=True)}'>{escape(name)}</a>" for href, name in sorted(pages.items()))
    return f"<p class='lead'>评价框架说明（框架自身的问题，不计入各单位的审计发现）：{links}</p>\n"


def _table(entries: Sequence[Entry], table_id: str) -> str:
    """One sortable, filterable table of units with its controls; unit text escaped and inert (safetext.inert)."""
    body = inert("\n".join(_row(e) for e in entries))
    return (f'<div class="table-block">\n<div class="controls"></div>\n<p class="count" aria-live="polite"></p>\n'
            f'<div class="table-wrap">\n<table class="units" id="{table_id}">\n'
            f"<thead><tr>{''.join(_header(c) for c in COLUMNS)}</tr></thead>\n"
            f"<tbody>\n{body}\n</tbody>\n</table>\n</div>\n</div>\n")


def index_html(entries: Sequence[Entry], extras: Sequence[tuple[str, str]] = ()) -> str:
    """The page a reader opens first; self-contained (inline CSS and script, relative links), no dates so reruns
    match; unit text escaped and inert (safetext.inert). Units drafted from their reports are listed apart.
    extras: (label, relative link) of batch-wide pages and files, such as the portfolio page.
    """
    ordered = sorted(entries, key=lambda e: e[0].unit_id)
    done = sum(e[0].status == OK for e in ordered)
    not_run = sum(e[0].status == NOT_RUN for e in ordered)
    flagged = sum(_errors(e) > 0 for e in ordered)
    confirmed = [e for e in ordered if not drafted_from(e)]
    drafted = [e for e in ordered if drafted_from(e)]
    apart = (f"<h2>{DRAFT_MARK}（{len(drafted)} 个单位）</h2>\n<p class='lead'>这些单位的数据从其自评报告的文本"
             f"自动读出，尚未经评价人员核对，其报告只供初步筛查；在“核对页”逐项对照原句核对，保存核对后的参数文件"
             f"再重新生成报告。</p>\n{_table(drafted, 'units-drafted')}"
             if drafted else "")
    css = (INDEX_DIR / "index.css").read_text(encoding="utf-8")
    script = (INDEX_DIR / "index.js").read_text(encoding="utf-8")
    return (f'<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>部门整体支出绩效评价复核报告 · 索引</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>部门整体支出绩效评价复核报告 · 索引</h1>\n"
            f"<p class='lead'>共 {len(ordered)} 个单位：已生成报告 {done} 个，失败 {len(ordered) - done - not_run} 个"
            f"{f'，未运行 {not_run} 个（另一文件已代它运行，或未作为报告读取；原因见各行）' if not_run else ''}；"
            f"其中 {flagged} 个单位有错误级审计发现（左侧红线标出）。分数单位为分，金额单位为万元。</p>\n"
            f"{_extras_html(extras)}{inert(_frameworks_html(ordered))}"
            f"{_table(confirmed, 'units') if confirmed or not drafted else ''}{apart}</main>\n"
            f"<script>\n{script}</script>\n</body>\n</html>\n")
