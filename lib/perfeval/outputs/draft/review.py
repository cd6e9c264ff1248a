"""The review page of a draft: the tool an analyst confirms it with, offline in any browser.

Built from the written params file alone (see entries.py), so it can be made again for any file still marked
`drafted_from`, by `perfeval draft`, by the batch, or by `perfeval review`. Every entry shows its sentence with its
value marked where the quantity parser reads it; the inferred structure is a tree; entries marked 存疑 and identities
or rates that do not reconcile come first. Per entry: 无误 / 更正为 / 删去; a small inline script (templates/review)
counts what is left and saves the confirmed params file, with who and when, that validate and score accept.
Every text from the report is escaped; the script sets text, never markup.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ...paths import TEMPLATES_DIR
from .bounds import value_bounds
from ...result import DRAFT_MARK as DRAFTED
from .entries import GROUPS, LEFT_OUT_OF_FILE, NOT_A_FIGURE, Entry, Unread, Written, read_unread, read_written
from .structure import Node, reconciled, tree

REVIEW_DIR = TEMPLATES_DIR / "review"
DRAFT_MARK = "草稿·未经核对"


@dataclass(frozen=True)
class Links:
    """Where the page links to, relative to the page: the params file it confirms, the unit's report, the index."""

    params: str
    report: str = ""
    index: str = ""


def _sentence(e: Entry) -> str:
    """The sentence escaped, its value marked at the span the quantity parser read (nothing else is marked)."""
    if not e.source:
        return '<span class="none">（报告中没有对应原句）</span>'
    if e.mark is None:
        return escape(e.source)
    a, b = e.mark
    return f"{escape(e.source[:a])}<mark>{escape(e.source[a:b])}</mark>{escape(e.source[b:])}"


def _value(e: Entry) -> str:
    if e.value is None:
        return ""
    unit = e.unit if e.value_at else ""  # a value kept as text (25万余元) carries its unit
    return f'<span class="value">{escape(e.value)}{escape(unit)}</span>'


def _controls(e: Entry) -> str:
    name = escape(f"d-{e.key}")
    correct = (f'<label><input type="radio" name="{name}" value="correct"> 更正为 '
               f'<input type="text" inputmode="decimal" class="corrected" aria-label="更正后的数值" size="9">'
               f'<span class="why" role="alert"></span></label>' if e.value_at else "")
    return (f'<fieldset class="decide"><legend>核对结果</legend>'
            f'<label><input type="radio" name="{name}" value="confirm"> 无误</label>{correct}'
            f'<label><input type="radio" name="{name}" value="exclude"> 删去</label>'
            f'<span class="cascade" hidden></span></fieldset>')


def _entry(e: Entry) -> str:
    flags = "".join([f'<span class="flag unsure">{escape(e.note)}</span>' if e.unsure else "",
                     f'<span class="flag problem">不能复核：{escape(e.problem)}</span>' if e.problem else ""])
    note = f'<p class="note">{escape(e.note)}</p>' if e.note and not e.unsure else ""
    missing = ('<p class="note">原句中未读到这个数字，请对照报告原文。</p>'
               if e.value is not None and e.value_at and e.source and e.mark is None else "")
    return (f'<article class="entry" id="e-{escape(e.key)}" data-key="{escape(e.key)}"><h3>{escape(e.label)} {_value(e)}</h3>{flags}'
            f'<blockquote>{_sentence(e)}</blockquote>{note}{missing}{_controls(e)}</article>')


def _node(n: Node) -> str:
    value = f" <b>{escape(n.value)}{escape(n.unit)}</b>" if n.value is not None else ""
    parts = []
    for b in n.breakdowns:
        head = "分项之和应等于总数" if b.relation == "=" else "其中（分项之和不超过总数）"
        status = (f'<span class="flag problem">{escape(b.problem)}</span>' if b.problem
                  else '<span class="ok">相符</span>')
        outside = "".join(f'<li class="outside">同句另列，不在其中：{escape(o.label)} {escape(o.value or "")}{escape(o.unit)}</li>'
                          for o in b.outside)
        parts.append(f'<li class="split"><span class="how">{head}</span> {status}<ul>'
                     + "".join(_node(p) for p in b.parts) + outside + "</ul></li>")
    inner = f"<ul>{''.join(parts)}</ul>" if parts else ""
    return f'<li><a href="#e-{escape(n.key)}">{escape(n.label)}</a>{value}{inner}</li>'


def _data(w: Written, entries: list[Entry]) -> str:
    """The params and the entries' places for the script; every '<' escaped so no text of the report ends it."""
    payload = {"params": w.data, "entries": [
        {"key": e.key, "path": e.path, "remove": e.remove, "valueAt": e.value_at, "value": e.value, "ref": e.ref,
         "uses": e.uses, "source": e.source, "unit": e.unit,
         "bounds": value_bounds(tuple(e.path) + tuple(e.value_at)) if e.value_at else [None, None]} for e in entries]}
    return json.dumps(payload, ensure_ascii=False).replace("<", "\\u003c")




def _unreconciled(nodes: list[Node], entries: list[Entry]) -> list[str]:
    """Breakdowns of the base data table whose parts do not add up, as list items linking to the total (declared
    identities that do not are entries of their own), each once: a total that is a part of two breakdowns stands
    twice in the tree, and 先核对 listed its problem twice and counted it twice (trial 7)."""
    said = {e.problem for e in entries if e.problem}
    out: dict[str, None] = {}

    def walk(n: Node) -> None:
        for b in n.breakdowns:
            if b.problem and b.problem not in said:
                out[f'<li><a href="#e-{escape(n.key)}">{escape(n.label)}</a>：{escape(b.problem)}</li>'] = None
            for p in b.parts:
                walk(p)
    for n in nodes:
        walk(n)
    return list(out)


def _marked(u: Unread) -> str:
    """The sentence escaped, the number `u.what` ends with marked where the record places it, else where it first
    stands (the longest ending of `what` found: a number as written may hold a space)."""
    words = u.what.split(" ")
    for k in range(1, len(words)):
        written = " ".join(words[k:])
        at = u.at if u.at is not None and u.sentence.startswith(written, u.at) else u.sentence.find(written)
        if written and at >= 0:
            end = at + len(written)
            return f"{escape(u.sentence[:at])}<mark>{escape(written)}</mark>{escape(u.sentence[end:])}"
    return escape(u.sentence)


def _left_out(items: list[Unread]) -> str:
    """Numbers or passages the draft leaves out, grouped by why, each with what to check and its sentence (the number
    marked). Nothing of them is in the draft, so there is nothing to confirm, only to look up and add if need be."""
    groups: dict[str, list[Unread]] = {}
    for u in items:
        groups.setdefault(u.reason, []).append(u)
    out = []
    for reason, listed in groups.items():
        rows = "".join(
            f'<li class="unread"><b>{escape(u.what)}</b>'
            + (f'<p class="note">{escape(u.why)}</p>' if u.why else "")
            + (f"<blockquote>{_marked(u)}</blockquote>" if u.sentence else "") + "</li>"
            for u in listed)
        out.append(f'<h3>{escape(reason)}（{len(listed)}）</h3><ul class="unread">{rows}</ul>')
    return "".join(out)


def _all_marked(u: Unread) -> str:
    """The sentence escaped, each of the numbers `u.what` lists (、 between them) marked where it stands, in order."""
    out, at = [], 0
    for number in u.what.split("、"):
        k = u.sentence.find(number, at)
        if not number or k < 0:
            continue
        out += [escape(u.sentence[at:k]), f"<mark>{escape(number)}</mark>"]
        at = k + len(number)
    return "".join(out) + escape(u.sentence[at:])


def _not_figures_section(items: list[Unread]) -> str:
    """Numbers of the prose the reader took for no figure, folded: nothing of them is in the draft or the score."""
    rows = "".join(f"<li class=\"unread\"><blockquote>{_all_marked(u)}</blockquote></li>" if u.sentence
                   else f"<li class=\"unread\">{escape(u.what)}</li>" for u in items)
    shown = sum(1 for u in items if u.sentence)
    return (f'<section id="not-figures"><details><summary><h2>未作为数据的数字（{shown} 句）</h2></summary>'
            '<p class="lead">正文中以下标出的数字未读作数据（代码、电话、地址、编号、页码等），评价不会用到；'
            f'若其中有应评价的数据，请在参数文件中补入。</p><ul class="unread">{rows}</ul></details></section>')


@dataclass(frozen=True)
class Reviewed:
    """A written draft as its page lists it: its entries, the structure read, and what comes first (先核对)."""

    written: Written
    entries: list[Entry]
    nodes: list[Node]
    first: list[Entry]  # entries marked 存疑, and identities or rates that do not reconcile on the draft's figures
    sums: list[str]  # breakdowns of the base data table whose parts do not add up
    unentered: list[Unread]  # numbers the draft's comments say it holds nowhere (read two ways, taken out …), and why
    unread: list[Unread]  # what the reader left out of the file (hidden text, footnotes, SmartArt …)
    not_figures: list[Unread]  # numbers of the prose the reader took for no figure (codes, addresses …), by sentence

    @property
    def to_check(self) -> int:
        """The items listed under 先核对: the one count the page shows and `perfeval draft` prints."""
        return len(self.first) + len(self.sums) + len(self.unentered)


def reviewed(text: str) -> Reviewed:
    """The written draft (its params YAML text) read as its review page lists it."""
    w = read_written(text)
    entries = reconciled(w.entries, w.data)
    nodes = tree(entries, w.data)
    said = read_unread(text)
    return Reviewed(w, entries, nodes, [e for e in entries if e.unsure or e.problem], _unreconciled(nodes, entries),
                    [u for u in said if u.reason not in (LEFT_OUT_OF_FILE, NOT_A_FIGURE)],
                    [u for u in said if u.reason == LEFT_OUT_OF_FILE], [u for u in said if u.reason == NOT_A_FIGURE])


def review_page(text: str, links: Links) -> str:
    """The review page of a written draft (its params YAML text)."""
    return page_of(reviewed(text), links)


def page_of(r: Reviewed, links: Links) -> str:
    """The review page of a draft as read (`reviewed`): read once for the page and what `perfeval draft` prints."""
    w, entries, nodes, first, sums = r.written, r.entries, r.nodes, r.first, r.sums
    unit = w.data.get("unit", {}) if isinstance(w.data.get("unit"), dict) else {}
    name, year = str(unit.get("name", "")), unit.get("year", "")
    year = year.get("#", "") if isinstance(year, dict) else year
    title = f"核对草稿 · {name} {year} 年度"
    report = str(w.data.get("drafted_from") or "")
    nav = " · ".join(x for x in (
        f'<a href="{escape(links.index)}">全部单位</a>' if links.index else "",
        f'<a href="{escape(links.report)}">评价报告（草稿）</a>' if links.report else "",
        f'<a href="{escape(links.params)}" download>草稿参数文件</a>') if x)
    sections = []
    if r.to_check:
        listed = (f'<ul class="sums"><li>分项相加与总数不符（见“读出的结构”）：</li>{"".join(sums)}</ul>' if sums else "")
        listed += (f'<div id="unentered"><p class="lead">存疑，未录入草稿（评价不会用到；对照原句，需要的改正后在参数文件中'
                   f'补入）：</p>{_left_out(r.unentered)}</div>' if r.unentered else "")
        sections.append(f'<section><h2>先核对（{r.to_check}）</h2><p class="lead">标为存疑的项，以及按草稿'
                        f'数字不能复核的分项与比率。</p>{listed}{"".join(_entry(e) for e in first)}</section>')
    if r.unread:
        sections.append(f'<section id="unread"><h2>未读取（{len(r.unread)}）</h2><p class="lead">报告文件中以下内容未读入'
                        '草稿，请对照原文，需要时手工补入。</p><ul class="unread">'
                        f'{"".join(f"<li>{escape(u.what)}</li>" for u in r.unread)}</ul></section>')
    if r.not_figures:
        sections.append(_not_figures_section(r.not_figures))
    if nodes:
        sections.append('<section><h2>读出的结构</h2><p class="lead">总数、其分项与嵌套的分项，按草稿数字核算。结构读错'
                        '（分项挂错了总数）时，删去相应的分项与总数关系。</p>'
                        f'<ul class="tree">{"".join(_node(n) for n in nodes)}</ul></section>')
    shown = {e.key for e in first}
    for group, label in GROUPS.items():
        items = [e for e in entries if e.group == group and e.key not in shown]
        if items:
            sections.append(f'<section data-group="{group}"><h2>{escape(label)}（{len(items)}）</h2>'
                            f'<button type="button" class="all-confirm">本组其余各项均已对照原句，无误</button>'
                            f'{"".join(_entry(e) for e in items)}</section>')
    css = (REVIEW_DIR / "review.css").read_text(encoding="utf-8")
    script = (REVIEW_DIR / "review.js").read_text(encoding="utf-8")
    return "\n".join([
        '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{css}</style></head><body><main>",
        f'<p class="mark">{DRAFT_MARK}</p><nav class="links">{nav}</nav>',
        f"<h1>{escape(title)}</h1>",
        f'<p class="lead">{DRAFTED}：从报告《{escape(report)}》读出 {len(entries)} 项。逐项对照原句：无误、更正数值或'
        "删去；全部定下后保存，得到核对后的参数文件（记下核对人与日期），放到 params/units/ 下即可评价。</p>",
        '<div class="bar" role="region" aria-label="核对进度"><label>核对人 <input type="text" id="reviewer" size="8"></label>'
        f'<span id="left" aria-live="polite">待核对 {len(entries)} / {len(entries)} 项</span>'
        '<button type="button" id="save">保存核对后的参数文件</button><span id="said" aria-live="polite"></span></div>',
        *sections,
        f'<script type="application/json" id="draft-data">{_data(w, entries)}</script>',
        f"<script>{script}</script></main></body></html>"])


def write_review(params: Path, page: Path, links: Links) -> Path:
    """The review page of the params file `params`, written atomically."""
    from ...fileio import write_atomic

    return write_atomic(page, review_page(params.read_text(encoding="utf-8"), links))
