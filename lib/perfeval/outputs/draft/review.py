"""Confirming a draft: the summary the command prints, and an offline HTML page listing every item with its sentence.

The page needs nothing from a network, escapes every text taken from the report, and prints on A4; items the
reader is unsure of come first, marked 存疑, so that confirming a draft starts where the reader could not decide.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path

from .mentions import Where
from .model import KIND_LABEL, Draft, Item

STATUS_LABEL = {"explained": "可由邻近数字复算", "contradicted": "按所述口径重算不符", "unexplained": "无法复算",
                "ambiguous": "多种算法均可得出", "holds": "分项合计等于总数", "partial": "分项合计小于总数（其中所列未必完整）",
                "differs": "数值不同", "same": "数值相同"}
BANNER = "据报告文本自动提取，未经核对"


@dataclass(frozen=True)
class Counts:
    """What a draft holds, counted once for the terminal and the page."""

    figures: int
    catalogue: int
    stated: int
    rates: dict[str, int]
    sections: int
    identities: int
    restatements: int
    differing: int
    rows: int
    projects: int
    total: str
    grade: str
    unsure: int


def counts(draft: Draft) -> Counts:
    claims = draft.params.get("claims", {})
    repeats = [i for i in draft.items if i.kind == "repeat"]
    return Counts(len(draft.placed), draft.count("figure"), len(draft.params.get("stated", [])),
                  {s: draft.count("rate", s) for s in ("explained", "unexplained", "contradicted", "ambiguous")},
                  draft.count("section"), draft.count("identity"), len(repeats),
                  sum(1 for i in repeats if i.status == "differs"), len(draft.params.get("indicators", [])),
                  len(draft.params.get("projects", [])), str(claims.get("total", "—")), str(claims.get("grade", "—")),
                  len(draft.unsure()))


def summary(draft: Draft) -> list[str]:
    """What the draft holds, in a few lines: figures, rates by outcome, identities, repeats, table rows, unsure items."""
    unit, c = draft.params["unit"], counts(draft)
    return [
        f"unit: {unit['name']}, {unit['year']}, framework {unit['framework']} ({BANNER})",
        f"figures: {c.figures} read — {c.catalogue} catalogue figures, {c.stated} stated figures of the unit's own",
        f"rates: {sum(c.rates.values())} — explained {c.rates['explained']}, unexplained {c.rates['unexplained']}, "
        f"contradicted {c.rates['contradicted']}, ambiguous {c.rates['ambiguous']}"
        + (f"; {c.sections} section score statement(s)" if c.sections else ""),
        f"identities: {c.identities} (totals with the parts listed under them)",
        f"repeated figures: {c.restatements} restatement(s), {c.differing} with another value",
        f"table rows: {c.rows} indicator row(s), {c.projects} project(s)",
        f"claimed: total {c.total}, grade {c.grade}",
        f"unsure: {c.unsure} item(s) marked 存疑",
    ]


def _summary_table(draft: Draft) -> str:
    c = counts(draft)
    rows = [("读出的数字", f"{c.figures} 个：目录指标 {c.catalogue}，单位自有数据 {c.stated}"),
            ("比率", f"{sum(c.rates.values())} 个：可复算 {c.rates['explained']}，无法复算 {c.rates['unexplained']}，"
                   f"重算不符 {c.rates['contradicted']}，多种算法 {c.rates['ambiguous']}"
                   + (f"；一级指标得分陈述 {c.sections} 处" if c.sections else "")),
            ("分项与总数", f"{c.identities} 组"),
            ("同一数字多处陈述", f"{c.restatements} 处，其中数值不同 {c.differing} 处"),
            ("表格", f"绩效自评表指标 {c.rows} 行，项目自评分 {c.projects} 个"),
            ("自评", f"总分 {c.total}，等次 {c.grade}"),
            ("存疑", f"{c.unsure} 项")]
    return "<table class=\"summary\">" + "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>"
                                                 for k, v in rows) + "</table>"


def _marked(text: str, phrases: tuple[str, ...]) -> str:
    """The sentence escaped, with the figures of the item marked (each occurrence of each phrase)."""
    spans: list[tuple[int, int]] = []
    for phrase in {p for p in phrases if p}:
        start = text.find(phrase)
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = text.find(phrase, start + len(phrase))
    out, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out += [escape(text[at:start]), "<mark>", escape(text[start:end]), "</mark>"]
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def _evidence(where: Where, phrases: tuple[str, ...]) -> str:
    cell = "·".join(x for x in (where.row, where.column) if x)
    head = escape(" ".join(x for x in (where.section, cell) if x) or "正文")
    return f'<li><span class="where">{head}</span> <q>{_marked(where.text, phrases)}</q></li>'


def _item(item: Item) -> str:
    status = STATUS_LABEL.get(item.status, item.status)
    badges = "".join([f'<span class="status {escape(item.status)}">{escape(status)}</span>' if status else "",
                      f'<span class="unsure">存疑：{escape(item.unsure)}</span>' if item.unsure else ""])
    evidence = "".join(_evidence(w, item.highlight) for w in item.evidence)
    return (f'<div class="item{" is-unsure" if item.unsure else ""}"><p><b>{escape(item.text)}</b>{badges}</p>'
            f'<p class="place">写入：<code>{escape(item.place)}</code></p><ul>{evidence}</ul></div>')


CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;
max-width:60em;padding:0 1em;line-height:1.55;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:1.6em}
.banner{background:#fff4d6;border:1px solid #e0b84a;padding:.5em .8em}
table.summary{border-collapse:collapse}.summary th{text-align:left;padding:.15em 1em .15em 0;font-weight:600}.item{border-left:3px solid #ccc;padding:.2em .8em;margin:.8em 0;break-inside:avoid}
.item.is-unsure{border-left-color:#c0392b}.item p{margin:.2em 0}.place{color:#555;font-size:.9em}
.status,.unsure{display:inline-block;margin-left:.6em;padding:0 .4em;border-radius:3px;font-size:.85em}
.status{background:#eef}.status.contradicted,.status.differs{background:#fde2e1}.unsure{background:#c0392b;color:#fff}
.where{color:#555;font-size:.9em}q{quotes:"“" "”"}mark{background:#ffe58a}ul{margin:.2em 0;padding-left:1.2em}
code{font-size:.9em}
@page{size:A4;margin:15mm}@media print{body{margin:0;max-width:none}.item{break-inside:avoid}h2{break-after:avoid}}
"""


def review_html(draft: Draft, params_file: str) -> str:
    """The review page of a draft: the summary, then every item by kind (unsure ones first), each with its sentence."""
    unit = draft.params["unit"]
    title = f"草稿核对 · {unit['name']} {unit['year']} 年"
    parts = [f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>',
             f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>',
             f"<h1>{escape(title)}</h1>",
             f'<p class="banner">{BANNER}。报告：{escape(Path(draft.report).name)}；草稿：'
             f"<code>{escape(params_file)}</code>。逐项核对原句后，再运行 perfeval validate 与 perfeval score。</p>",
             _summary_table(draft)]
    unsure = draft.unsure()
    if unsure:
        parts.append(f"<h2>存疑（{len(unsure)}）</h2>" + "".join(_item(i) for i in unsure))
    for kind, label in KIND_LABEL.items():
        items = [i for i in draft.items if i.kind == kind and not i.unsure]
        if items:
            parts.append(f"<h2>{escape(label)}（{len(items)}）</h2>" + "".join(_item(i) for i in items))
    if draft.skipped:
        parts.append("<h2>未读取</h2><ul>" + "".join(f"<li>{escape(s)}</li>" for s in draft.skipped) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
