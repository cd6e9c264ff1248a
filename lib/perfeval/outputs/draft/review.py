"""Confirming a draft: the summary the command prints, and an offline HTML page listing every item with its sentence.

The page needs nothing from a network, escapes every text taken from the report, and prints on A4; items the
reader is unsure of come first, marked 存疑, so that confirming a draft starts where the reader could not decide.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from .mentions import Where
from .model import KIND_LABEL, Draft, Item

STATUS_LABEL = {"explained": "可由邻近数字复算", "contradicted": "按所述口径重算不符", "unexplained": "无法复算",
                "ambiguous": "多种算法均可得出", "holds": "分项合计等于总数", "partial": "分项合计小于总数（其中所列未必完整）",
                "differs": "数值不同", "same": "数值相同"}
BANNER = "据报告文本自动提取，未经核对"


def summary(draft: Draft) -> list[str]:
    """What the draft holds, in a few lines: figures, rates by outcome, identities, repeats, table rows, unsure items."""
    unit = draft.params["unit"]
    claims = draft.params.get("claims", {})
    rates = {s: draft.count("rate", s) for s in ("explained", "unexplained", "contradicted", "ambiguous")}
    sections = draft.count("section")
    repeats = [i for i in draft.items if i.kind == "repeat"]
    return [
        f"unit: {unit['name']}，{unit['year']} 年，框架 {unit['framework']}（{BANNER}）",
        f"figures: {len(draft.placed)} read — {draft.count('figure')} catalogue figures, "
        f"{draft.count('stated')} stated figures of the unit's own",
        f"rates: {sum(rates.values())} — explained {rates['explained']}, unexplained {rates['unexplained']}, "
        f"contradicted {rates['contradicted']}, ambiguous {rates['ambiguous']}"
        + (f"; {sections} section score statement(s)" if sections else ""),
        f"identities: {draft.count('identity')} (其中 lists and totals with their parts)",
        f"repeated figures: {len(repeats)} restatement(s), {sum(1 for i in repeats if i.status == 'differs')} with "
        f"another value",
        f"table rows: {len(draft.params.get('indicators', []))} indicator row(s), "
        f"{len(draft.params.get('projects', []))} project(s)",
        f"claimed: total {claims.get('total', '—')}, grade {claims.get('grade', '—')}",
        f"unsure: {len(draft.unsure())} item(s) marked 存疑",
    ]


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
.summary li{margin:.15em 0}.item{border-left:3px solid #ccc;padding:.2em .8em;margin:.8em 0;break-inside:avoid}
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
             "<ul class=\"summary\">" + "".join(f"<li>{escape(line)}</li>" for line in summary(draft)) + "</ul>"]
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
