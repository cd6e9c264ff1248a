"""The batch's overview, one row per unit: outputs/index.html for readers and outputs/summary.csv for analysts."""
from __future__ import annotations

import html

import csv
import io
import re
from html import escape
from typing import Any, Sequence

from .batch.status import OK, UnitResult
from ..core.formulas import round_half_up

CSV_COLUMNS = ["unit_id", "name", "region", "year", "framework", "status", "reason", "total", "assessed_points",
               "applicable_points", "total_on_100", "grade", "grade_provisional", "claimed_total", "claimed_grade",
               "findings_error", "findings_warning", "findings_info", "report", "notebook"]

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
    return "—" if x is None else f"{round_half_up(x, 2):g}"


def rows(results: Sequence[UnitResult]) -> list[dict[str, Any]]:
    """One flat record per unit, sorted by id: what both the index and the CSV show."""
    out = []
    for r in sorted(results, key=lambda r: r.unit_id):
        s = r.summary
        counts = s.findings if s else {}
        out.append({
            "unit_id": r.unit_id, "name": s.name if s else "", "region": s.region if s else "",
            "year": s.year if s else "", "framework": s.framework if s else "", "status": r.status, "reason": r.reason,
            "total": _n(s.total) if s else "", "assessed_points": _n(s.assessed_points) if s else "",
            "applicable_points": _n(s.applicable_points) if s else "",
            "total_on_100": _n(s.total_on_100) if s else "", "grade": (s.grade or "") if s else "",
            "grade_provisional": s.grade_provisional if s else "",
            "claimed_total": _n(s.claimed_total) if s and s.claimed_total is not None else "",
            "claimed_grade": (s.claimed_grade or "") if s else "",
            "findings_error": counts.get("error", ""), "findings_warning": counts.get("warning", ""),
            "findings_info": counts.get("info", ""), "report": r.report or "", "notebook": r.notebook or "",
        })
    return out


def csv_cell(value: Any) -> Any:
    """A value a spreadsheet cannot run: text that would start a formula (= + - @, tab, CR) gets a
    leading ' (OWASP's advice for CSV; the reader sees the quote, never a formula); numbers stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def summary_csv(results: Sequence[UnitResult]) -> str:
    """The index as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese correctly)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows(results))
    return "\ufeff" + buf.getvalue()


def _link(path: str, text: str) -> str:
    return f'<a href="{escape(path)}">{escape(text)}</a>' if path else ""


def _row_html(row: dict[str, Any]) -> str:
    ok = row["status"] == OK
    errors = row["findings_error"] or 0
    classes = " ".join(c for c, on in (("has-error", ok and errors > 0), ("failed", not ok)) if on)
    unit = (f"{escape(row['name'])}<br><span class='muted'>{escape(row['unit_id'])}</span>" if row["name"]
            else escape(row["unit_id"]))
    if ok:
        grade = f"{row['total_on_100']} · {escape(row['grade'] or '—')}" + ("（暂定）" if row["grade_provisional"] else "")
        claimed = f"{row['claimed_total'] or '—'} · {escape(row['claimed_grade'] or '未载明')}"
        findings = (f"<span class='badge-error'>⚠ 错误 {errors}</span>" if errors else "错误 0") + \
            f" · 警示 {row['findings_warning']} · 提示 {row['findings_info']}"
        status = "<span class='status-ok'>已生成</span>"
        links = _link(row["report"], "打开报告")
        cells = [unit, escape(str(row["year"])), f"{row['total']} / {row['assessed_points']}", grade, claimed, findings]
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


def index_html(results: Sequence[UnitResult], extras: Sequence[tuple[str, str]] = ()) -> str:
    """The page a reader opens first; self-contained (inline CSS, relative links), no dates so reruns match.

    extras: (label, relative link) of batch-wide pages and files, such as the portfolio page.
    """
    table_rows = rows(results)
    done = sum(r["status"] == OK for r in table_rows)
    flagged = sum(r["status"] == OK and (r["findings_error"] or 0) > 0 for r in table_rows)
    head = ["单位", "年度", "重算得分 / 已评分值", "折合百分制 · 等次", "自评总分 · 等次", "审计发现", "状态", "报告"]
    body = "\n".join(_row_html(r) for r in table_rows)
    return (f'<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>部门整体支出绩效评价复核报告 · 索引</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>部门整体支出绩效评价复核报告 · 索引</h1>\n"
            f"<p class='lead'>共 {len(table_rows)} 个单位：已生成报告 {done} 个，失败 {len(table_rows) - done} 个；"
            f"其中 {flagged} 个单位有错误级审计发现（左侧红线标出）。分数单位为分，金额单位为万元。</p>\n"
            f"{_extras_html(extras)}"
            f"<table>\n<thead><tr>{''.join(f'<th>{h}</th>' for h in head)}</tr></thead>\n<tbody>\n{body}\n"
            f"</tbody>\n</table>\n</main>\n</body>\n</html>\n")
