"""A report saved as the web page it was published on (.html): its text as a browser shows it, paragraph by
paragraph, and its tables row by row; what the page hides (scripts, styles, display:none) is left out and said.

Most 自评报告 are published as web pages, so "save page as" gives .html; a .txt that holds such a page is read the
same way (see documents.txt_items).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from lxml import etree, html

from .documents import HTML_START, Row, Skipped, decoded, fail, join_lines, read, text_items

# Elements whose content a browser never shows as text.
_UNSHOWN = {"head", "script", "style", "noscript", "template", "iframe", "object", "svg", "math", "select", "button"}
# Elements that start a line of their own (their text is a paragraph, never run into the one before).
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li", "ul", "ol", "dl", "dt",
           "dd", "blockquote", "form", "fieldset", "address", "figure", "figcaption", "hr", "center", "caption",
           "h1", "h2", "h3", "h4", "h5", "h6", "body", "html"}
_END = r"\s*(?:!important)?\s*(?:;|$)"
# Declarations that leave text unseen: not displayed, invisible, of no size or opacity (a decoy figure's usual dress).
_HIDING = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0*\.?0*(?:px|pt|em|rem|%)?"
                     rf"|opacity\s*:\s*0*\.?0*){_END}", re.I)
# Text the colour of a white page (white, #fff, transparent): unseen unless something behind it has a colour.
_WHITE = re.compile(r"(?:^|;)\s*color\s*:\s*(?:#f{3}(?:f{3})?|white|transparent|rgba?\(\s*255\s*,\s*255\s*,\s*255"
                    rf"\s*(?:,\s*1?\.?0*\s*)?\)|rgba\([^)]*,\s*0?\.?0+\s*\)){_END}", re.I)
_BACKGROUND = re.compile(r"(?:^|;)\s*background(?:-color)?\s*:\s*(?!\s*(?:#f{3}(?:f{3})?|white|transparent|none)\s*(?:;|$))",
                         re.I)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_MEDIA = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", re.I)  # not this screen's rules, or not always
_SIMPLE = re.compile(r"^([a-z][a-z0-9]*)?((?:[.#][\w-]+)*)$", re.I)  # p, .x, #y, p.x.y: no combinators
MAX_SPAN = 63  # columns one cell may span, as Word bounds gridSpan: a colspan of a million is no table
MAX_ROWSPAN = 1000  # rows one cell may span down
MAX_COLUMNS = 256  # columns a cell spanning down leaves empty below it (a row's work stays bounded by its own cells)


PAGE_SUFFIXES = (".html", ".htm")


def html_items(path: Path) -> Iterator[str | Row | Skipped]:
    """A web page's paragraphs and rows as a browser shows them (see page_items)."""
    return page_items(path, decoded(path, read(path, "a web page (.html)")))


def txt_or_page_items(path: Path) -> Iterator[str | Row | Skipped]:
    """A .txt report's paragraphs and rows; one that holds a web page (saved under a .txt name) read as the page,
    and said, rather than its markup read as text (<p>2025年末核定编制 as a label)."""
    text = decoded(path, read(path, "a .txt report"))
    if looks_like_html(text):
        return iter([Skipped("此 .txt 文件保存的是网页（HTML）：按浏览器显示的文字读取"), *page_items(path, text)])
    return text_items(path, text)


def looks_like_html(text: str) -> bool:
    """Whether a text file holds a web page (the page saved under a .txt name): it opens with the page's markup."""
    return bool(HTML_START.match(text[:4096]))


def page_items(path: Path, text: str) -> Iterator[str | Row | Skipped]:
    """A page's paragraphs (str) and table rows (Row) in the order a browser shows them, and what it hides."""
    parser = html.HTMLParser(huge_tree=True)  # libxml2 otherwise drops all text below 256 levels, unsaid
    try:
        root = html.document_fromstring(re.sub(r"\A\s*<\?xml[^>]*>", "", text), parser=parser)  # str: no charset
    except (etree.ParserError, ValueError) as exc:
        raise fail(path, f"is a web page that cannot be parsed ({exc})") from None
    if any("RESOURCE_LIMIT" in e.type_name for e in parser.error_log):  # 2,048 levels deep: the rest is dropped
        raise fail(path, "is a web page nested deeper than the reader follows (2,048 levels); open it in a browser "
                         "and save it as text (.txt) or print it to PDF")
    _apply_stylesheets(root)
    page = _Page()
    page.read(root)
    if page.hidden:
        page.items.append(Skipped(f"网页中不显示的文字（隐藏、字号为 0、与白色底色同色等）未读取：{page.hidden} 处"))
    return iter(page.items)


class _Break:
    """Where the page starts a line: a block element's start or end, or a <br> (not one inside a figure)."""


_BREAK = _Break()


class _Page:
    """A page read by one walk over its elements, without recursion (a page nested ten thousand deep is still a
    page): its paragraphs, its tables' rows (each cell read by the same walk) and the count of what it hides."""

    def __init__(self) -> None:
        self.items: list[str | Row | Skipped] = []
        self.line: list[str] = []
        self.tables = 0
        self.hidden = 0

    def read(self, root: etree._Element) -> None:
        for piece in self.shown(root, tables=True):
            if isinstance(piece, str):
                self.line.append(piece)
                continue
            self.flush()
            if not isinstance(piece, _Break):  # a table: its rows
                self.tables += 1
                self.items += [Row(cells, self.tables) for cells in self.rows(piece) if any(cells)]
        self.flush()

    def flush(self) -> None:
        text = join_lines(self.line)
        self.line = []
        if text:
            self.items.append(text)

    def shown(self, root: etree._Element, tables: bool) -> Iterator[str | _Break | etree._Element]:
        """What a browser shows of `root`, in order: its text, the line breaks its blocks and <br> make, and (when
        `tables`) each table as a whole, for its rows; an element it does not show is counted in `hidden` when it
        holds text, and skipped, with its tail (what follows it is shown). Each element is judged once, at its start."""
        walk = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
        since: list[str] = []  # the text since the last break: a <br> inside a figure is none
        skipped = None  # the element whose subtree was skipped: its end brings no break and no second tail
        for event, el in walk:
            tag = el.tag.lower() if isinstance(el.tag, str) else None
            if event in ("comment", "pi"):
                piece: str = el.tail or ""
            elif event == "end":
                if el is skipped:
                    skipped = None
                    continue
                if tag in _BLOCKS:
                    yield _BREAK
                    since = []
                piece = "" if el is root else el.tail or ""
            elif el is not root and (tag in _UNSHOWN or _hides(el)):
                self.hidden += tag not in _UNSHOWN and bool("".join(el.itertext()).strip())
                walk.skip_subtree()
                skipped, piece = el, el.tail or ""
            elif tables and tag == "table":
                yield el
                since = []
                walk.skip_subtree()
                skipped, piece = el, el.tail or ""
            else:
                if tag == "br" and not _inside_a_number("".join(since), el.tail or "") or tag in _BLOCKS:
                    yield _BREAK  # 3752<br>.48: a break the page's width put inside a figure is no line of the text
                    since = []
                piece = el.text or ""
            if piece:
                since.append(piece)
                yield piece

    def rows(self, table: etree._Element) -> Iterator[tuple[str, ...]]:
        """The rows of one table (not of tables inside its cells), each cell's shown text in the column a browser
        draws it in: a cell spanning columns followed by an empty cell per further column, and a column a cell above
        spans down to (rowspan) empty in the rows it covers — as Word's merged cells are read, so each value stands
        under its own heading (项目 spanning a header's two rows left its second row's years one column short); a
        table inside a cell is that cell's text."""
        below: dict[int, int] = {}  # column → rows under this one that a cell above still covers
        for tr in table.iter("tr"):
            if next(tr.iterancestors("table"), None) is not table:
                continue
            cells: list[str] = []
            covered = {k for k, n in below.items() if n > 0}
            for cell in tr:
                if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                    continue
                if _hides(cell):
                    self.hidden += bool("".join(cell.itertext()).strip())
                    continue
                while len(cells) in covered:
                    cells.append("")
                lines = "".join("\n" if isinstance(p, _Break) else p for p in self.shown(cell, tables=False)
                                if not isinstance(p, etree._Element))
                at = len(cells)
                cells.append(join_lines(lines.splitlines()))
                columns = _span(cell.get("colspan"))
                cells += [""] * (columns - 1)
                down = _span(cell.get("rowspan"), MAX_ROWSPAN)
                for k in range(at, min(at + columns, MAX_COLUMNS)) if down > 1 else ():
                    below[k] = down  # this row counted off below
            below = {k: n - 1 for k, n in below.items() if n > 1}
            yield tuple(cells)


def _span(written: str | None, most: int = MAX_SPAN) -> int:
    """A colspan or rowspan as a browser takes it: a whole number of at least 1, at most `most`."""
    text = (written or "1").strip()
    return min(int(text), most) if text.isdigit() and int(text) > 1 else 1


def _inside_a_number(before: str, after: str) -> bool:
    """A break at a figure's point or separator (3,752.<br>48, 3752<br>.48); never between two digits, where a page's
    <br> ends one line of a list and the next opens with its number (完成率100<br>2、…)."""
    before, after = before.rstrip(), after.lstrip()
    return bool(re.search(r"\d[.．,，]$", before) and re.match(r"\d", after)
                or re.search(r"\d$", before) and re.match(r"[.．]\d", after))


def _hides(el: etree._Element) -> bool:
    """Whether a browser shows none of an element's text: hidden, not displayed, of no size, or white on white."""
    style = el.get("style") or ""
    if el.get("hidden") is not None or _HIDING.search(style):
        return True
    if not (_WHITE.search(style) or el.get("data-pe-white") is not None):
        return False
    return not any(_BACKGROUND.search(a.get("style") or "") or a.get("data-pe-bg") is not None
                   for a in (el, *el.iterancestors()))


def _apply_stylesheets(root: etree._Element) -> None:
    """Mark what the page's own stylesheets hide (simple selectors: tag, .class, #id and their compounds; rules
    inside @media left out): `<style>.x{display:none}</style><p class="x">9999.00万元</p>` is no text of the page."""
    for style in root.iter("style"):
        css = _MEDIA.sub("", re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.S))
        for selectors, declarations in _RULE.findall(css):
            mark = ("hidden" if _HIDING.search(declarations) else "data-pe-white" if _WHITE.search(declarations)
                    else "data-pe-bg" if _BACKGROUND.search(declarations) else None)
            if mark is None:
                continue
            for selector in selectors.split(","):
                simple = _SIMPLE.match(selector.strip())
                if simple and (simple.group(1) or simple.group(2)):
                    for el in _matching(root, simple.group(1), simple.group(2)):
                        el.set(mark, "")


def _matching(root: etree._Element, tag: str | None, parts: str) -> Iterator[etree._Element]:
    classes = set(re.findall(r"\.([\w-]+)", parts))
    ids = set(re.findall(r"#([\w-]+)", parts))
    for el in root.iter(tag.lower() if tag else etree.Element):
        if classes <= set((el.get("class") or "").split()) and all(el.get("id") == i for i in ids):
            yield el
