"""What a reader needs to find their way in an exported page, built at export time from the page itself.

A table of contents from the section headings (h2), figures and tables numbered in order without gaps
(图1, 表1 …, each with its caption), a link back to the index, the report date and a reviewer's sign-off
block. The notebook's blocks are not changed: this reads their HTML (which escapes every text from a unit,
so a tag in it is always ours) and the markdown of its headings. Nothing here depends on the clock: the
date is the run's, from papermill's record, so a page exported twice is the same page.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from nbconvert.preprocessors import Preprocessor

RESOURCE = "perfeval_page"  # the resources key the template reads the navigation from
CHINA_TIME = timezone(timedelta(hours=8))  # the reports' readers date documents in China Standard Time

_MD_H2 = re.compile(r"^##(?!#)[ \t]+(.+?)[ \t#]*$", re.M)
_HTML_H2 = re.compile(r"<h2\b([^>]*)>((?:(?!</h2>).)*)</h2>", re.S)
_TAG = re.compile(r"<[^>]+>")
_SECTION_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十百]+、|\d+(?:\.\d+)*[.、]?\s)\s*")
_FIGURE_OPEN = re.compile(r"<figure\b[^>]*>")
_FIGCAPTION = re.compile(r"(<figcaption\b[^>]*>)((?:(?!</figcaption>).)*)(</figcaption>)", re.S)
_ALT = re.compile(r'( alt=")([^"]*)(")')
_OLD_NUMBER = {"图": re.compile(r"^\s*图\s*\d+\s*"), "表": re.compile(r"^\s*表\s*\d+\s*")}
_TABLE_OPEN = re.compile(r"<table\b[^>]*>")
_CAPTION = re.compile(r"\s*<caption\b([^>]*)>((?:(?!</caption>).)*)</caption>", re.S)
_HEADING_AT_END = re.compile(r"<h([34])\b[^>]*>((?:(?!</?h\d).)*)</h\1>\s*$", re.S)
_SUMMARY_AT_END = re.compile(r"<summary\b[^>]*>((?:(?!</summary>).)*)</summary>\s*$", re.S)
_DETAILS = re.compile(r"<details\b[^>]*>\s*<summary\b[^>]*>(?P<summary>(?:(?!</summary>).)*)</summary>"
                      r"(?P<body>(?:(?!</?details\b).)*)</details>", re.S)


@dataclass(frozen=True)
class PageOptions:
    """How to dress one page: where its index is (relative link, or None), and whether a reviewer signs it."""

    index_href: str | None = "../../index.html"
    sign_off: bool = True


@dataclass
class _Counters:
    figures: int = 0
    tables: int = 0
    sections: list[tuple[str, str]] = field(default_factory=list)  # (anchor id, heading text)
    section_title: str = ""
    titled_in_section: dict[str, int] = field(default_factory=dict)


def text_of(fragment: str) -> str:
    """The text of an HTML fragment (tags dropped, entities read), for a table of contents."""
    return html.unescape(_TAG.sub("", fragment)).strip()


def section_title(heading: str) -> str:
    """A section heading without its numbering: '三、指标得分' → '指标得分'."""
    return _SECTION_NUMBER.sub("", heading).strip()


def _renumber(caption_html: str, kind: str, n: int) -> str:
    return f"{kind}{n} " + _OLD_NUMBER[kind].sub("", caption_html)


def number_figures(fragment: str, counters: _Counters) -> str:
    """图n in every <figure>'s caption and its image's alt text, in page order (a chart left out leaves no gap)."""
    out, done = [], 0
    for m in _FIGURE_OPEN.finditer(fragment):
        end = fragment.find("</figure>", m.end())
        if m.start() < done or end < 0:
            continue
        counters.figures += 1
        n = counters.figures
        block = fragment[m.start():end]
        block = _FIGCAPTION.sub(lambda c: c.group(1) + _renumber(c.group(2), "图", n) + c.group(3), block)
        block = _ALT.sub(lambda a: a.group(1) + _renumber(a.group(2), "图", n) + a.group(3), block, count=1)
        out += [fragment[done:m.start()], block]
        done = end
    return "".join(out) + fragment[done:]


def _fallback_caption(counters: _Counters) -> str:
    """A table nothing announces takes its section's title; a second one in that section is marked （续）."""
    title = html.escape(counters.section_title or "表格", quote=False)
    seen = counters.titled_in_section.get(title, 0)
    counters.titled_in_section[title] = seen + 1
    return title if not seen else f"{title}（续）"


def _announced(before: str) -> tuple[str, str | None, str | None]:
    """What stands right before a table: (the text before it, the heading that announces it, a summary above it).

    Styler writes its <style> block between a heading and its table; the heading is returned without it.
    """
    style = ""
    stripped = before.rstrip()
    if stripped.endswith("</style>"):
        cut = stripped.rfind("<style")
        style, stripped = stripped[cut:], stripped[:cut].rstrip()
    heading = _HEADING_AT_END.search(stripped)
    if heading:
        return stripped[:heading.start()] + style, heading.group(2), None
    summary = _SUMMARY_AT_END.search(stripped)
    return before, None, summary.group(1) if summary else None


def number_tables(fragment: str, counters: _Counters) -> str:
    """表n with a caption for every <table>: its own caption, else the heading just above it (moved into the
    caption, so it prints with the table), else a <details> summary above it, else its section's title.
    """
    out, done = [], 0
    for m in _TABLE_OPEN.finditer(fragment):
        counters.tables += 1
        n = counters.tables
        own = _CAPTION.match(fragment, m.end())
        if own:
            out += [fragment[done:m.end()], f"<caption{own.group(1)}>{_renumber(own.group(2), '表', n)}</caption>"]
            done = own.end()
            continue
        before, heading, summary = _announced(fragment[done:m.start()])
        text = heading or summary or _fallback_caption(counters)
        out += [before, m.group(0), f'<caption class="pe-caption">{_renumber(text, "表", n)}</caption>']
        done = m.end()
    return "".join(out) + fragment[done:]


def print_copies(fragment: str) -> str:
    """After each collapsed <details>, a copy of its content shown only in print (where it cannot be opened)."""
    def one(m: re.Match[str]) -> str:
        summary, body = m.group("summary"), m.group("body")
        # a table numbered from the summary already prints it as its caption: said once, not twice in a row
        told = any(c.group(2).endswith(summary) for c in _CAPTION.finditer(body))
        said = "" if told else f'<p class="pe-print-summary">{summary}</p>'
        return f'{m.group(0)}<div class="pe-print-only" aria-hidden="true">{said}{body}</div>'
    return _DETAILS.sub(one, fragment)


def anchor_markdown(source: str, counters: _Counters) -> str:
    """An anchor before each level-2 heading of a markdown cell, and the heading in the contents."""
    def one(m: re.Match[str]) -> str:
        anchor = f"sec-{len(counters.sections) + 1}"
        heading = m.group(1).strip()
        counters.sections.append((anchor, heading))
        counters.section_title = section_title(heading)
        counters.titled_in_section = {}
        return f'<div id="{anchor}" class="pe-anchor"></div>\n\n{m.group(0)}'
    return _MD_H2.sub(one, source)


def anchor_html(fragment: str, counters: _Counters) -> str:
    """An id on each <h2> of an output (one it has already is kept), and the heading in the contents."""
    def one(m: re.Match[str]) -> str:
        heading = text_of(m.group(2))
        existing = re.search(r'\bid="([^"]+)"', m.group(1))
        anchor = existing.group(1) if existing else f"sec-{len(counters.sections) + 1}"
        counters.sections.append((anchor, heading))
        counters.section_title = section_title(heading)
        counters.titled_in_section = {}
        attrs = m.group(1) if existing else f' id="{anchor}"{m.group(1)}'
        return f"<h2{attrs}>{m.group(2)}</h2>"
    return _HTML_H2.sub(one, fragment)


def run_date(nb: Any) -> date | None:
    """The day the notebook ran (papermill's start_time) in China Standard Time; None if it was not run by papermill."""
    started = (nb.metadata.get("papermill") or {}).get("start_time")
    if not started:
        return None
    try:
        when = datetime.fromisoformat(str(started).replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(CHINA_TIME).date()


RUN_DATE_SLOT = re.compile(r'(<span class="pe-run-date">)[^<]*(</span>)')  # filled with the run's date, as written


def written_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def fill_run_date(fragment: str, day: date | None) -> str:
    """A block's run-date slot (the report's appendix) with the day the notebook ran, the header's date."""
    return fragment if day is None else RUN_DATE_SLOT.sub(lambda m: m.group(1) + written_date(day) + m.group(2), fragment)


def header_html(options: PageOptions, day: date | None) -> str:
    """The line above the page: back to the index, and the report's date."""
    back = (f'<a class="pe-back" href="{html.escape(options.index_href, quote=True)}">← 返回索引</a>'
            if options.index_href else "")
    dated = f'<span class="pe-date">报告日期：{written_date(day)}</span>' if day else ""
    return f'<nav class="pe-topbar" aria-label="页面导航">{back}{dated}</nav>' if back or dated else ""


def toc_html(sections: list[tuple[str, str]]) -> str:
    if not sections:
        return ""
    items = "".join(f'<li><a href="#{html.escape(a, quote=True)}">{html.escape(t)}</a></li>' for a, t in sections)
    return f'<nav class="pe-toc" aria-label="目录"><p class="pe-toc-title">目录</p><ol>{items}</ol></nav>'


SIGN_OFF = ('<section class="pe-signoff" aria-label="复核签字"><p class="pe-signoff-title">复核意见及签字</p>'
            '<table class="pe-signoff-table"><tbody>'
            '<tr><th scope="row">复核人</th><td></td><th scope="row">复核日期</th><td>年　　月　　日</td></tr>'
            '<tr><th scope="row">复核意见</th><td colspan="3" class="pe-signoff-wide"></td></tr>'
            '<tr><th scope="row">签字</th><td colspan="3" class="pe-signoff-wide"></td></tr>'
            "</tbody></table></section>")


DRAFT_SIGN_OFF = ('<section class="pe-signoff pe-signoff-draft" aria-label="复核签字">'
                  '<p class="pe-signoff-title">草稿，不得签发</p><p>本报告的数据尚未经评价人员逐项核对。'
                  '在核对页核对草稿、保存核对后的参数文件并重新生成报告后，方可复核签发。</p></section>')
DRAFTED = 'class="pe-draft"'  # the banner a drafted unit's report carries under its title


def _html_outputs(cell: Any) -> list[dict[str, Any]]:
    return [o for o in cell.get("outputs", []) if "text/html" in o.get("data", {})]


def _fragment(output: dict[str, Any]) -> str:
    data = output["data"]["text/html"]
    return "".join(data) if isinstance(data, list) else data


class Navigation(Preprocessor):
    """Numbers figures and tables, anchors sections and hands the template its header, contents and sign-off.

    Runs only when the exporter is given PageOptions in resources[RESOURCE]; other exports are untouched.
    """

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:  # nbconvert's signature
        options = resources.get(RESOURCE)
        if not isinstance(options, PageOptions):
            return nb, resources
        counters = _Counters()
        toc_after = -1
        drafted = False
        day = run_date(nb)
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "markdown":
                cell.source = anchor_markdown(cell.source, counters)
            for output in _html_outputs(cell):
                fragment = anchor_html(_fragment(output), counters)
                fragment = print_copies(number_tables(number_figures(fragment, counters), counters))
                fragment = fill_run_date(fragment, day)
                output["data"]["text/html"] = fragment
                drafted = drafted or DRAFTED in fragment
                if toc_after < 0 and "<h1" in fragment:
                    toc_after = i
        resources[RESOURCE] = {"header": header_html(options, day), "toc": toc_html(counters.sections),
                               "toc_after": toc_after, "footer": (DRAFT_SIGN_OFF if drafted else SIGN_OFF) if options.sign_off else ""}
        return nb, resources
