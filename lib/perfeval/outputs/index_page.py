"""The batch's overview, one row per unit: outputs/index.html for readers and outputs/summary.csv for analysts."""
from __future__ import annotations

import html

import csv
import io
import re
from html import escape
from typing import Any, Sequence

from .batch.status import OK
from .batch.summaries import Entry
from ..fmt import DASH, points, stated
from ..safetext import inert

CSV_COLUMNS = ["unit_id", "name", "region", "year", "budget_code", "framework", "status", "reason", "total",
               "total_on_100", "total_min", "total_max", "grade", "grade_withheld_reason", "applicable_points",
               "assessed_points", "verified_points", "self_reported_points", "claimed_total", "claimed_grade",
               "claim_status", "findings_error", "findings_warning", "findings_info", "report", "result", "notebook"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")

CSS = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
  sans-serif; color: #1f2328; margin: 0; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 1.5em; margin: 0 0 0.3em; }
p.lead { color: #57606a; margin: 0 0 1em; }
table { border-collapse: collapse; font-size: 14px; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 6px 10px; vertical-align: top; }
th { background: #eef2f6; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.findings { white-space: nowrap; }
td.status { min-width: 16em; }
tr.has-error td:first-child { border-left: 4px solid #cf222e; }
tr.failed { background: #fff8f0; }
.badge-error { color: #cf222e; font-weight: 600; }
.status-ok { color: #1a7f37; }
.status-failed { color: #cf222e; font-weight: 600; }
.reason { display: block; color: #57606a; font-size: 12px; white-space: pre-wrap; word-break: break-all; }
.muted { color: #8c959f; }
"""


def _n(x: float | None) -> str:
    return DASH if x is None else points(x)


def rows(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """One flat record per unit, sorted by id: what both the index and the CSV show, from the unit results."""
    out = []
    for run, r in sorted(entries, key=lambda e: e[0].unit_id):
        row: dict[str, Any] = dict.fromkeys(CSV_COLUMNS, "")
        row.update(unit_id=run.unit_id, status=run.status, reason=run.reason, report=run.report or "",
                   result=run.result or "", notebook=run.notebook or "")
        if r is not None:
            c = r.coverage
            row.update(
                name=r.unit.name, region=r.unit.region, year=r.unit.year, budget_code=r.unit.budget_code or "",
                framework=r.framework.name, total=_n(r.total), total_on_100=_n(r.total_on_100),
                total_min=_n(r.total_range[0]) if r.total_range else "",
                total_max=_n(r.total_range[1]) if r.total_range else "",
                grade=r.grade or "", grade_withheld_reason=r.grade_withheld_reason or "",
                applicable_points=_n(c.applicable), assessed_points=_n(c.assessed), verified_points=_n(c.verified),
                self_reported_points=_n(c.self_reported),
                claimed_total=stated(r.claimed.total) if r.claimed.total is not None else "",
                claimed_grade=r.claimed.grade or "", claim_status=r.claimed.status_label or "",
                findings_error=r.findings_by_severity.get("error", 0),
                findings_warning=r.findings_by_severity.get("warning", 0),
                findings_info=r.findings_by_severity.get("info", 0))
        out.append(row)
    return out


def csv_cell(value: Any) -> Any:
    """A value a spreadsheet cannot run: text that would start a formula (= + - @, tab, CR) gets a
    leading ' (OWASP's advice for CSV; the reader sees the quote, never a formula); numbers stay numbers;
    text is made inert (a right-to-left override cannot reverse what follows it).
    """
    if not isinstance(value, str):
        return value
    value = inert(value)
    if value.startswith(FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def summary_csv(entries: Sequence[Entry]) -> str:
    """The index as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese correctly)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows(entries))
    return "\ufeff" + buf.getvalue()


def _link(path: str, text: str) -> str:
    return f'<a href="{escape(path)}">{escape(text)}</a>' if path else ""


def _row_html(row: dict[str, Any]) -> str:
    ok = row["status"] == OK
    errors = row["findings_error"] or 0
    classes = " ".join(c for c, on in (("has-error", ok and errors > 0), ("failed", not ok)) if on)
    unit = (f"{escape(row['name'])}<br><span class='muted'>{escape(row['unit_id'])}</span>" if row["name"]
            else escape(row["unit_id"]))
    if ok and row["name"]:
        coverage = f"{row['assessed_points']} / {row['applicable_points']}<span class='muted'>（核实 {row['verified_points']}）</span>"
        if row["grade"]:
            grade = f"{row['total_on_100']} · {escape(row['grade'])}"
        else:
            grade = f"不予定级<span class='reason'>总分可在 {row['total_min']}–{row['total_max']} 之间</span>"
        claimed = f"{row['claimed_total'] or '—'} · {escape(row['claimed_grade'] or '未载明')}" + \
            (f"<span class='reason'>{escape(row['claim_status'])}</span>" if row["claim_status"] else "")
        findings = (f"<span class='badge-error'>⚠ 错误 {errors}</span>" if errors else "错误 0") + \
            f" · 警示 {row['findings_warning']} · 提示 {row['findings_info']}"
        status = "<span class='status-ok'>已生成</span>"
        links = _link(row["report"], "打开报告")
        cells = [unit, escape(str(row["year"])), coverage, grade, claimed, findings]
    elif ok:
        status = "<span class='status-ok'>已生成</span><span class='reason'>单位结果文件缺失或无法读取，重新运行可补齐</span>"
        links = _link(row["report"], "打开报告")
        cells = [unit, "—", "—", "—", "—", "—"]
    else:
        status = f"<span class='status-failed'>失败</span><span class='reason'>{escape(row['reason'])}</span>"
        links = _link(row["notebook"], "执行记录（ipynb）")
        cells = [unit, "—", "—", "—", "—", "—"]
    kinds = ["unit", "num", "num", "num", "num", "findings"]
    tds = "".join(f"<td class='{k}'>{c}</td>" for k, c in zip(kinds, cells))
    return f"<tr class='{classes}'>{tds}<td class='status'>{status}</td><td>{links}</td></tr>"


def _extras_html(extras: Sequence[tuple[str, str]]) -> str:
    if not extras:
        return ""
    links = " · ".join(f"<a href='{html.escape(href, quote=True)}'>{html.escape(label)}</a>" for label, href in extras)
    return f"<p class='lead'>汇总：{links}</p>\n"


def index_html(entries: Sequence[Entry], extras: Sequence[tuple[str, str]] = ()) -> str:
    """The page a reader opens first; self-contained (inline CSS, relative links), no dates so reruns match;
    unit text escaped and inert (safetext.inert).

    extras: (label, relative link) of batch-wide pages and files, such as the portfolio page.
    """
    table_rows = rows(entries)
    done = sum(r["status"] == OK for r in table_rows)
    flagged = sum(r["status"] == OK and (r["findings_error"] or 0) > 0 for r in table_rows)
    head = ["单位", "年度", "已评 / 应评分值", "重算总分 · 等次", "自评总分 · 等次", "审计发现", "状态", "报告"]
    body = inert("\n".join(_row_html(r) for r in table_rows))
    return (f'<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>部门整体支出绩效评价复核报告 · 索引</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>部门整体支出绩效评价复核报告 · 索引</h1>\n"
            f"<p class='lead'>共 {len(table_rows)} 个单位：已生成报告 {done} 个，失败 {len(table_rows) - done} 个；"
            f"其中 {flagged} 个单位有错误级审计发现（左侧红线标出）。分数单位为分，金额单位为万元。</p>\n"
            f"{_extras_html(extras)}"
            f"<table>\n<thead><tr>{''.join(f'<th>{h}</th>' for h in head)}</tr></thead>\n<tbody>\n{body}\n"
            f"</tbody>\n</table>\n</main>\n</body>\n</html>\n")
