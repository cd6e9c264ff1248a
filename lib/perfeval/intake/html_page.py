"""A report saved as the web page it was published on (.html, .htm, .shtml, .xhtml, or the single file a browser
or Word saves, .mhtml/.mht): its text as a browser shows it, paragraph by paragraph, and its tables row by row; what
the page hides (scripts, styles, display:none) is left out and said.

Most 自评报告 are published as web pages, so "save page as" gives .html (Chrome's "single file" gives .mhtml, a
server's page may end .shtml); a .txt that holds such a page is read the same way (see documents.txt_items).
"""
from __future__ import annotations

import email
import email.policy
import itertools
import re
from dataclasses import dataclass
from email.message import Message
from email.utils import collapse_rfc2231_value
from pathlib import Path
from typing import Iterator

from lxml import etree, html

from .documents import HTML_START, Row, Skipped, cell_text, decoded, fail, join_lines, read, text_items
from .html_looks import Looks, covered_by, declarations
from .html_styles import WINDOW, Styled, apply_stylesheets

# Elements whose content a browser never shows as text.
_UNSHOWN = {"head", "script", "style", "noscript", "template", "iframe", "object", "svg", "math", "select", "button"}
# Elements that start a line of their own (their text is a paragraph, never run into the one before).
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li", "ul", "ol", "dl", "dt",
           "dd", "blockquote", "form", "fieldset", "address", "figure", "figcaption", "hr", "center", "caption",
           "h1", "h2", "h3", "h4", "h5", "h6", "body", "html"}
MAX_SPAN = 63  # columns one cell may span, as Word bounds gridSpan: a colspan of a million is no table
MAX_ROWSPAN = 1000  # rows one cell may span down
MAX_COLUMNS = 256  # columns a cell spanning down leaves empty below it (a row's work stays bounded by its own cells)


ARCHIVE_SUFFIXES = (".mhtml", ".mht")  # a page and what it draws on, saved as one MIME message (RFC 2557)
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", *ARCHIVE_SUFFIXES)


def html_items(path: Path) -> Iterator[str | Row | Skipped]:
    """A web page's paragraphs and rows as a browser shows them (see page_items); a page saved as one file (.mhtml)
    read from the page it holds, with the stylesheets saved beside it applied."""
    raw = read(path, "a web page (.html)")
    if path.suffix.lower() in ARCHIVE_SUFFIXES:
        page, sheets = _archived_page(path, raw)
        return page_items(path, page, sheets)
    return page_items(path, decoded(path, raw))


def _archived_page(path: Path, raw: bytes) -> tuple[str, dict[str, str]]:
    """The page a web archive (.mhtml: Chrome's "single file", Word's .mht) holds: its root part (the one its
    `start` names, else the first HTML part), decoded by its own charset, and its stylesheet parts by the addresses
    the page links them by (Content-Location, cid:Content-ID), so that text they hide on screen stays hidden."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    parts = [p for p in message.walk() if not p.is_multipart()]
    if not message.is_multipart() or not parts:
        text = decoded(path, raw)
        if looks_like_html(text):
            return text, {}  # a page saved under the archive's name
        raise fail(path, "is neither a web archive (.mhtml: it holds no MIME parts) nor a web page; save the page "
                         "again from the browser (as a web page, complete, or as a single file)")
    start = collapse_rfc2231_value(message.get_param("start") or "").strip("<>")
    root = next((p for p in parts if start and (p.get("Content-ID") or "").strip("<>") == start), None)
    root = root or next((p for p in parts if p.get_content_type() in ("text/html", "application/xhtml+xml")), None)
    if root is None:
        kinds = ", ".join(sorted({p.get_content_type() for p in parts}))
        raise fail(path, f"is a web archive (.mhtml) holding no page, only {kinds}; save the page again from the "
                         "browser")
    sheets: dict[str, str] = {}
    for part in parts:
        if part.get_content_type() == "text/css":
            css = _part_text(path, part)
            sheets[(part.get("Content-Location") or "").strip() or f"#{len(sheets)}"] = css
            if part.get("Content-ID"):
                sheets["cid:" + (part.get("Content-ID") or "").strip().strip("<>")] = css
    return _part_text(path, root), sheets


def _part_text(path: Path, part: Message) -> str:
    """A part's text, by the charset it names, else as a text file is read."""
    body = part.get_payload(decode=True)
    data = body if isinstance(body, bytes) else b""
    charset = part.get_content_charset()
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a charset misnamed: read as any text file
    return decoded(path, data)


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


def page_items(path: Path, text: str, sheets: dict[str, str] | None = None) -> Iterator[str | Row | Skipped]:
    """A page's paragraphs (str) and table rows (Row) in the order a browser shows them, and what it hides; the
    stylesheets it links read from beside it, or from `sheets` by address (a web archive's parts)."""
    parser = html.HTMLParser(huge_tree=True)  # libxml2 otherwise drops all text below 256 levels, unsaid
    try:
        root = html.document_fromstring(re.sub(r"\A\s*<\?xml[^>]*>", "", text), parser=parser)  # str: no charset
    except (etree.ParserError, ValueError) as exc:
        raise fail(path, f"is a web page that cannot be parsed ({exc})") from None
    if any("RESOURCE_LIMIT" in e.type_name for e in parser.error_log):  # 2,048 levels deep: the rest is dropped
        raise fail(path, "is a web page nested deeper than the reader follows (2,048 levels); open it in a browser "
                         "and save it as text (.txt) or print it to PDF")
    styled = apply_stylesheets(root, path.parent, sheets)
    page = _Page()
    page.covers, unplaced = covered_by(root)
    page.above = {a for above in page.covers.values() for a in above}
    page.read(root)
    if page.hidden + len(page.unseen):
        page.items.append(Skipped("网页中不显示的文字（隐藏、折叠、字号过小、移出页面或与底色同色等）未读取："
                                  f"{page.hidden + len(page.unseen)} 处"))
    if page.covered:
        page.items.append(Skipped(f"网页中被其上叠放的不透明色块遮盖的文字 {page.covered} 处未读取（浏览器不显示）"))
    if unplaced:
        page.items.append(Skipped(f"网页中叠放在文字上的不透明色块或图片 {unplaced} 处：其下哪些文字被遮盖须排版才能确定，"
                                  "这些文字已照常读取，请对照浏览器显示核对"))
    for kind, count in page.shown_apart.items():
        what, why = _SHOWN_APART[kind]
        page.items.append(Skipped(f"网页中{what} {count} 处未读取（{why}）"))
    if page.reversed[1]:
        page.items.append(Skipped(f"网页中从右到左倒排显示（bidi-override）的文字 {page.reversed[1]} 处：已按浏览器显示的顺序读取，"
                                  "请对照原网页"))
    if page.reversed[0]:
        page.items.append(Skipped(f"网页中从右到左倒排显示（bidi-override）且含多段的文字 {page.reversed[0]} 处：其显示顺序须排版才能"
                                  "确定，已按原文顺序读取，请对照原网页"))
    generated = sum(1 for el in styled.generated if not page.looks.gone(el) and _text_shown_apart(el, set(), True))
    if generated:
        page.items.append(Skipped(f"网页样式表在 {generated} 处文字前后另写的文字（::before、::after 的 content）未读取：浏览器显示"
                                  "时与原文连在一起，请对照原网页"))
    page.items += _undecided(styled)
    return iter(page.items)


def _text_shown_apart(el: etree._Element, among: set[etree._Element], empty: bool = False) -> bool:
    """Whether an element holds text of the page's (or, `empty`, may be empty) and is the outermost of `among`
    around it, in no element whose content a browser never shows as text."""
    if not isinstance(el.tag, str) or el.tag.lower() in _UNSHOWN:
        return False
    if any(a in among or isinstance(a.tag, str) and a.tag.lower() in _UNSHOWN for a in el.iterancestors()):
        return False
    return empty or bool("".join(el.itertext()).strip())


def _undecided(styled: Styled) -> list[Skipped]:
    """What the page's stylesheets leave undecided, said: stylesheets it links that were not saved with it, text
    shown or hidden by the window's size, rules past the reader's bound."""
    notes = []
    if styled.unread:
        names = "、".join(dict.fromkeys(styled.unread[:3])) + ("等" if len(styled.unread) > 3 else "")
        notes.append(Skipped(f"网页链接的样式表 {len(styled.unread)} 个未随网页保存或无法读取（{names}）：其中隐藏或遮盖哪些文字"
                             "无法判断，文字已照常读取，请对照浏览器显示核对（或用浏览器“网页，全部”另存后再读）"))
    window = sum(1 for el in styled.by_window if _text_shown_apart(el, styled.by_window))
    if window:
        notes.append(Skipped(f"网页中 {window} 处文字是否显示随浏览器窗口大小而变（样式表 @media 按窗口设定）：按 "
                             f"{WINDOW['width']:.0f} 像素宽的桌面窗口读取，请对照浏览器显示核对"))
    if styled.unapplied:
        notes.append(Skipped(f"网页样式表的规则过多，{styled.unapplied} 条选择器未套用：其中隐藏的文字已照常读取，"
                             "请对照浏览器显示核对"))
    return notes


@dataclass
class _Zone:
    """An element whose text an opaque cover hides (`covered`: the box it fills), or one drawn above a cover (its
    text shown); `said` once its covered text is counted."""

    element: etree._Element
    covered: bool
    said: bool = False


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
        self.hidden = 0  # elements not drawn that hold text
        self.unseen: set[etree._Element] = set()  # the outermost element of each run of text drawn unseen
        self.covers: dict[etree._Element, list[etree._Element]] = {}  # a box → what is drawn above its opaque cover
        self.above: set[etree._Element] = set()  # every element drawn above a cover
        self.covered = 0
        self.shown_apart: dict[str, int] = {}  # what the browser shows that is not read as text (_SHOWN_APART)
        self.reversed = [0, 0]  # elements drawn right to left (bidi-override): of several parts, of their text alone
        self.looks = Looks()

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
        last = ""  # its last character that is not a space: a superscript after a figure or a word is a marker
        skipped = None  # the element whose subtree was skipped: its end brings no break and no second tail
        zones: list[_Zone] = []  # the covered boxes and what is drawn above their covers around the walk, innermost
        # last: a page nested deep stays one walk, no recursion
        for event, el in walk:
            tag = el.tag.lower() if isinstance(el.tag, str) else None
            owner = el.getparent()  # whose text a tail is
            if event in ("comment", "pi"):
                piece: str = el.tail or ""
            elif event == "end":
                if el is skipped:
                    skipped = None
                    continue
                if zones and zones[-1].element is el:
                    zones.pop()
                if tag in _BLOCKS:
                    yield _BREAK
                    since = []
                    last = ""
                piece = "" if el is root else el.tail or ""
            elif el is not root and (tag in _UNSHOWN or self.looks.gone(el)):
                if tag == "svg" and not self.looks.gone(el) and "".join(el.itertext()).strip():
                    self.shown_apart["svg"] = self.shown_apart.get("svg", 0) + 1  # a drawing's words, shown
                self.hidden += tag not in _UNSHOWN and bool("".join(el.itertext()).strip())
                walk.skip_subtree()
                skipped, piece = el, el.tail or ""
            elif el is not root and (apart := _shown_apart(el, tag, last)):
                self.shown_apart[apart] = self.shown_apart.get(apart, 0) + 1
                walk.skip_subtree()
                skipped, piece = el, el.tail or ""
            elif el is not root and _reversed(el, tag):  # drawn right to left: 84.2573 shows as 3752.48
                drawn = (el.text or "")[::-1] if len(el) == 0 else None
                self.reversed[drawn is not None] += 1
                if drawn is None:  # what it holds: only a layout orders it; read as written, said
                    piece, owner = el.text or "", el
                else:
                    if drawn.strip() and not (zones and zones[-1].covered) and not self.looks.unseen(el):
                        since.append(drawn)
                        last = drawn.rstrip()[-1:] or last
                        yield drawn
                    walk.skip_subtree()
                    skipped, piece = el, el.tail or ""
            elif tag == "details" and el.get("open") is None:  # closed: its summary alone is shown
                summary = next((c for c in el if isinstance(c.tag, str) and c.tag.lower() == "summary"), None)
                shown = "".join(summary.itertext()) if summary is not None else ""
                self.hidden += len("".join(el.itertext()).strip()) > len(shown.strip())
                yield _BREAK
                yield "" if zones and zones[-1].covered else shown
                since = [shown]
                last = shown.rstrip()[-1:]
                walk.skip_subtree()
                skipped, piece = el, el.tail or ""
            elif tables and tag == "table" and zones and zones[-1].covered:  # under a cover: its rows are not shown
                self._cover_said(zones[-1], "".join(el.itertext()))
                walk.skip_subtree()
                skipped, piece = el, el.tail or ""
            elif tables and tag == "table":
                yield el
                since = []
                last = ""
                walk.skip_subtree()
                skipped, piece = el, el.tail or ""
            else:
                if el is not root and el in self.covers:
                    zones.append(_Zone(el, covered=True))
                elif el is not root and el in self.above:
                    zones.append(_Zone(el, covered=False))
                if tag == "br" and not _inside_a_number("".join(since), el.tail or "") or tag in _BLOCKS:
                    yield _BREAK  # 3752<br>.48: a break the page's width put inside a figure is no line of the text
                    since = []
                    last = ""
                piece, owner = el.text or "", el
            if piece and zones and zones[-1].covered:
                self._cover_said(zones[-1], piece)
            elif piece and owner is not None and self.looks.unseen(owner):
                if piece.strip():
                    self.unseen.add(self.looks.unseen_from(owner))
            elif piece:
                since.append(piece)
                last = piece.rstrip()[-1:] or last
                yield piece

    def _cover_said(self, zone: _Zone, text: str) -> None:
        """Text under an opaque cover, not shown: its box is counted once."""
        if text.strip() and not zone.said:
            zone.said = True
            self.covered += 1

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
            if self._row_gone(tr, table):
                self.hidden += bool("".join(tr.itertext()).strip())
                continue
            cells: list[str] = []
            covered = {k for k, n in below.items() if n > 0}
            for cell in tr:
                if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                    continue
                if self.looks.gone(cell):
                    self.hidden += bool("".join(cell.itertext()).strip())
                    continue
                while len(cells) in covered:
                    cells.append("")
                lines = "".join("\n" if isinstance(p, _Break) else p for p in self.shown(cell, tables=False)
                                if not isinstance(p, etree._Element))
                at = len(cells)
                cells.append(cell_text(lines.splitlines()))
                columns = _span(cell.get("colspan"))
                cells += [""] * (columns - 1)
                down = _span(cell.get("rowspan"), MAX_ROWSPAN)
                for k in range(at, min(at + columns, MAX_COLUMNS)) if down > 1 else ():
                    below[k] = down  # this row counted off below
            below = {k: n - 1 for k, n in below.items() if n > 1}
            yield tuple(cells)


    def _row_gone(self, tr: etree._Element, table: etree._Element) -> bool:
        """Whether a row, or the group it stands in (<tbody>, <thead>), is not drawn (display:none …)."""
        at: etree._Element | None = tr
        while at is not None and at is not table:
            if self.looks.gone(at):
                return True
            at = at.getparent()
        return False


def _span(written: str | None, most: int = MAX_SPAN) -> int:
    """A colspan or rowspan as a browser takes it: a whole number of at least 1, at most `most`."""
    text = (written or "1").strip()
    return min(int(text), most) if text.isdigit() and int(text) > 1 else 1


# what a browser shows but is not read as part of the text, and why (said with it), as for Word
_SHOWN_APART = {"raised": ("接在数字或文字后的上标文字（脚注标记等）", "不作前面数字的一部分，请对照原文"),
                "strike": ("加删除线的文字", "浏览器显示为划去，按已删去处理，请对照原文"),
                "svg": ("图形（SVG）中的文字", "图中文字不作正文读取，请对照原网页"),
                "input": ("表单输入框中的文字", "输入框中的内容不作正文读取，请对照原网页"),
                "links": ("链接列表项（导航、相关阅读、其他文章等）", "是通往其他网页的链接，不是报告的内容")}
MAX_LINK_ITEM = 64  # elements of a list item that is one link and its date: more is no such item
# what a list item may hold beside its link: the date or time it was published, and marks around them
_BESIDE_A_LINK = re.compile(r"(?:[\s\d\-/.:：年月日()（）\[\]【】|｜·>＞»]|星期[一二三四五六日天])*+")
_LINK_BARS = {"div", "p", "nav", "ul", "ol", "header", "footer", "section", "dl", "dd", "span"}  # with two links or more


_TYPED = {"text", "number", "search", "tel", "email", "url", "date", "month", "week", "time", "datetime-local"}


def _reversed(el: etree._Element, tag: str | None) -> bool:
    """Whether an element's text is drawn right to left, character by character (<bdo dir="rtl">, or
    unicode-bidi:bidi-override with direction:rtl)."""
    d = declarations(el)
    rtl = (d.get("direction") or el.get("dir") or "").lower() == "rtl"
    return rtl and (tag == "bdo" or d.get("unicode-bidi") in ("bidi-override", "isolate-override"))


def _shown_apart(el: etree._Element, tag: str | None, last: str) -> str | None:
    """Why an element the browser shows is not read as part of the text (a kind of _SHOWN_APART), or None: struck
    through (<del>, <s>, line-through: 9̶3752.48 is read 3752.48), or a superscript after a figure or a word (a
    footnote marker: 2864.30<sup>1</sup> is no 2864.301; after a Latin letter, m², it is a unit's and stays)."""
    if tag == "input" and (el.get("type") or "text").lower() in _TYPED and (el.get("value") or "").strip():
        return "input"  # a field showing what was typed in it
    if (tag == "li" or tag in _LINK_BARS) and _a_link(el, 1 if tag == "li" else 2):
        return "links"
    looks = declarations(el)
    struck = tag in ("del", "s", "strike") or "line-through" in looks.get("text-decoration", "")
    raised = tag == "sup" or looks.get("vertical-align") == "super"
    if not (struck or raised) or not "".join(el.itertext()).strip():  # its text looked at only then: linear
        return None
    if struck:
        return "strike"
    return "raised" if last and not (last.isascii() and last.isalpha()) else None


def _a_link(item: etree._Element, least: int) -> bool:
    """Whether a list item (or a bar of `least` links or more: 无障碍 | 长者模式 | 登录 2025年6月18日 星期三) is links and at
    most their dates and the marks between them (相关阅读: 关于…资金3520万元的公示 2024-08-09; a menu's 首页): a portal's
    lists of other pages around a report, whose titles' figures are none of the report's. A title set as one link
    is no bar. Small items only are looked into (MAX_LINK_ITEM elements), so that nested lists stay linear."""
    inside = list(itertools.islice(item.iter(), MAX_LINK_ITEM + 1))
    if len(inside) > MAX_LINK_ITEM:
        return False
    links = [a for a in inside if isinstance(a.tag, str) and a.tag.lower() == "a" and a.get("href") is not None]
    links = [a for a in links if "".join(a.itertext()).strip() and not any(b in links for b in a.iterancestors("a"))]
    if len(links) < least:
        return False
    rest = "".join(item.itertext())
    for a in links:
        rest = rest.replace("".join(a.itertext()), "", 1)
    return bool(_BESIDE_A_LINK.fullmatch(rest))


def _inside_a_number(before: str, after: str) -> bool:
    """A break at a figure's point or separator (3,752.<br>48, 3752<br>.48); never between two digits, where a page's
    <br> ends one line of a list and the next opens with its number (完成率100<br>2、…)."""
    before, after = before.rstrip(), after.lstrip()
    return bool(re.search(r"\d[.．,，]$", before) and re.match(r"\d", after)
                or re.search(r"\d$", before) and re.match(r"[.．]\d", after))


