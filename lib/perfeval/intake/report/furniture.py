"""Lines of a report that are the page's furniture, not its text: a contents list (目录) and a web page's chrome
(浏览次数, 发布时间, 来源, 字号, 打印, 关闭, 索引号 …). Their numbers are page numbers, view counts, dates and codes —
never figures of the unit — and their headings are not the report's sections.

The rules are about the shape of such lines, never a report's wording: a contents list opens with a 目录 line, or is a
run of heading lines each ending in a page number (after a space, dot leaders or on a line of its own); it holds
headings only, so a line stating a quantity (基本支出347.79万元) or a sentence ends it.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ...core.quantity import find_quantities
from ...core.script import simplified

MAX_ENTRY = 60  # characters of a contents line (a heading and its page number)
MAX_CHROME = 120  # characters of a web page's line of chrome (several fields on one line)
MAX_LABEL = 16  # characters of a line that can label the number on the line below (a table saved one cell per line)
MIN_RUN = 3  # heading lines with page numbers that make a contents list without a 目录 line
MAX_PAGE = 999

_CONTENTS_HEAD = re.compile(r"^\s*目\s*录\s*[:：]?")
# A page number closing a heading: after dot leaders, spaces or a tab, or straight after the heading's last word.
_PAGE_AFTER = re.compile(r"^(?P<entry>.*?[^\d\s.…·•．¨⋯\-－—,，])(?:[\s.…·•．¨⋯\-－—]*)(?P<page>\d{1,3}|\d(?: \d){1,2})$")
_LEADERS_ONLY = re.compile(r"^[\s.…·•．¨⋯\-－—_]+$")
_LONE_PAGE = re.compile(r"^\s*[-－—]?\s*\d{1,3}\s*[-－—]?\s*$")
_SENTENCE_END = re.compile(r"[。；;！!？?]")
# What a web page prints around an article (a line of these fields and their values, no sentence).
_CHROME = re.compile(
    r"^[\s\-•·|｜【\[（(]*(?:浏览(?:次数|量|数)?|点击(?:数|量|次数|率)?|阅读(?:数|量|次数)?|访问(?:量|次数)|"
    r"发布(?:时间|日期|机构|单位|者)|发文(?:日期|机关|字号)|成文日期|(?:信息|文章)?来源|作者|编辑|责任编辑|字号|字体|"
    r"打印(?:本页|此页)?|关闭(?:窗口|本页)?|分享(?:到)?|收藏|索引号|时效性|主题分类|体裁分类|公开(?:方式|范围|时限|时间|日期)|"
    r"(?:您的|您现在的|当前)?位置)(?=\s*[:：】\]）)]|\s|$)")


def furniture_lines(lines: Sequence[str]) -> set[int]:
    """Indexes of the lines (paragraphs, or a table row's cells joined) that are a contents list, web chrome or the
    page numbers a PDF's footers left in the text."""
    out = {i for i, line in enumerate(lines) if is_chrome(line) or _is_file_link(line) or _is_ticker(line)}
    out |= _contents(lines, out)
    out |= _page_numbers(lines)
    out |= _numbers_of_paragraphs(lines)
    out |= _years_alone(lines)
    return out


_YEAR_LINE = re.compile(r"^\s*(?:19|20)\d{2}+\s*[|｜]?\s*$")
# A field whose value is an amount or a count (预算数 / 2023): the number under it is its value, whatever its digits.
_AMOUNT_FIELD = re.compile(r"(?:数|额|金|费|资金|经费|支出|收入|预算|决算|合计|总计|小计|人员|人次|编制|面积|里程|数量)\s*[|｜]?\s*$")


def _years_alone(lines: Sequence[str]) -> set[int]:
    """Lines holding a year and nothing else (a cover broken one word per line: 某某局 / 2024 / 部门整体支出…报告): the
    title's year, never a figure — unless the line above is a field of amounts it is the value of (预算数 / 2023)."""
    return {i for i, line in enumerate(lines)
            if _YEAR_LINE.match(line) and not (i > 0 and len(lines[i - 1].strip()) <= MAX_LABEL
                                               and _AMOUNT_FIELD.search(lines[i - 1]))}


_NUMBERING = re.compile(r"^\s*[（(]?\s*\d{1,2}\s*[）)、.．]?\s*$")
_OPENS_TEXT = re.compile(r"^\s*[\u4e00-\u9fff“《]")
_CLAUSES = re.compile(r"[，,。；;]")  # a paragraph's text has clauses; a table's label has none


def _numbers_of_paragraphs(lines: Sequence[str]) -> set[int]:
    """Lines holding a paragraph's number alone (1, (2), 3、) that a PDF or a web page set apart from its text: after
    the end of a sentence (or at the start) and before a paragraph's text. A number alone under a short label (a table
    saved one cell per line: 人员编制 / 96) or above one (a form's weight before the next row's name) is left to be
    read."""
    out = set()
    for i, line in enumerate(lines[:-1]):
        text = lines[i + 1].strip()
        if not _NUMBERING.match(line) or not _OPENS_TEXT.match(text) or not (len(text) > MAX_LABEL or _CLAUSES.search(text)):
            continue
        above = lines[i - 1].rstrip() if i > 0 else ""
        if i == 0 or (above and _SENTENCE_END.search(above[-1])):
            out.add(i)
    return out


_FOOTER = re.compile(r"^\s*[-－—]?\s*(?:第\s*)?(?P<n>\d{1,3})\s*(?:页)?\s*[-－—]?\s*$")
MIN_PAGES = 3  # page numbers in a row (n, n+1, n+2 …) that show lone numbers to be a PDF's footers


def _page_numbers(lines: Sequence[str]) -> set[int]:
    """Lines holding a number alone (3, - 3 -, 第3页) that run n, n+1, n+2 … through the document, each after a
    line of text rather than a cell's label, or at uneven distances (pages differ in length; a table saved one cell
    per line repeats its columns at one width): the footers of a PDF's pages, never figures. Numbers alone that do
    not count up so are left to be read."""
    after_text = _chains(lines, lambda i: i > 0 and len(lines[i - 1]) > MAX_LABEL)
    anywhere = _chains(lines, lambda i: True)
    opening = {0} if lines and _FOOTER.match(lines[0]) and len(lines) > 1 and len(lines[1]) > MAX_LABEL else set()
    # an excerpt copied from a PDF that opens on its page's number, then text (no value stands before its label)
    return opening | {i for chain in after_text if len(chain) >= MIN_PAGES for i in chain} | \
        {i for chain in anywhere if len(chain) >= MIN_PAGES and len({b - a for a, b in zip(chain, chain[1:])}) > 1
         for i in chain}


def _chains(lines: Sequence[str], allowed: Callable[[int], bool]) -> list[list[int]]:
    """Runs of lines holding a number alone that counts up by one from the last, each line allowed."""
    chains: dict[int, list[int]] = {}  # the next page number a chain waits for → the lines of the chain
    for i, line in enumerate(lines):
        m = _FOOTER.match(line)
        if m is None or not allowed(i):
            continue
        n = int(m.group("n"))
        chain = chains.pop(n, [])
        chains[n + 1] = chain + [i]
    return list(chains.values())


_BROKEN_PAGE = re.compile(r"^(?P<n>\d{1,3}+)[ \u3000]+(?=[\u4e00-\u9fff])")
_RUNS_ON = re.compile(r"[\u4e00-\u9fff]$")  # a line ending inside a clause (…下一步改进措施：一是年初编制预算时应对)


def page_break_starts(lines: Sequence[str]) -> dict[int, int]:
    """Lines that open with the page number a PDF's page break left before the text running on from the line above
    (…预算时应对 / 15 项目实施对象准确摸底，…): where that number starts. Only after a long line that breaks off
    inside a clause, and only a bare number before words (a count's unit, 15 次, makes it the clause's figure)."""
    out: dict[int, int] = {}
    for i in range(1, len(lines)):
        above = lines[i - 1].rstrip()
        if (m := _BROKEN_PAGE.match(lines[i])) and len(above) > MAX_CHROME // 2 and _RUNS_ON.search(above) \
                and len(lines[i]) > MAX_LABEL:
            out[i] = m.start("n")
    return out


# What only a web site's footer says (its registration, copyright, the page's own timing and screen advice).
_SITE_FOOTER = re.compile(r"ICP备|公网安备|网站标识码|版权所有|Copyright|©|技术支持[：:]|页面执行时间|分辨率|网站地图|"
                          r"主办单位[：:]|承办单位[：:]|政务服务热线|"
                          # a document-sharing site's chrome around a copy (当前文档共37页, 下载文档, 728 KB)
                          r"下载文档|文档共\s*\d+\s*页|\d\s*[KM]B\b|VIP|上传(?:者|时间)|举报该文档|"
                          # a news site's widgets around an article
                          r"排行榜|上一篇|下一篇|相关阅读|相关文章|推荐阅读|热点推荐")


MIN_HEADLINES = 6  # headlines run together on one line that make a site's list of other articles
MIN_HEADLINE = 6  # characters of a headline


def _is_ticker(line: str) -> bool:
    """A line of a site's other articles' headlines run together (宁乡检察：积极参与… 芙蓉检察：…讲习夜校正式开讲 …):
    six or more segments between spaces, each a headline of words (a number in one at most now and then), and no
    sentence's end or clause — a table run together on a line has numbers in most of its cells."""
    if _SENTENCE_END.search(line) or re.search(r"[，,、]", line):
        return False  # a sentence, or a paragraph's clauses set apart by spaces
    parts = line.split()
    if len(parts) < MIN_HEADLINES:
        return False
    headlines = [p for p in parts if len(p) >= MIN_HEADLINE and len(re.findall(r"[\u4e00-\u9fff]", p)) * 2 > len(p)]
    with_digits = sum(1 for p in parts if re.search(r"\d", p))
    return 3 * len(headlines) >= 2 * len(parts) and 5 * with_digits <= len(parts)


_FILE_NAME = re.compile(r"\.(?:pdf|docx?|xlsx?|wps|et|zip|rar)\b", re.IGNORECASE)


def _is_file_link(line: str) -> bool:
    """A line a web page's links to attached files left (某某局2022年度…绩效自评表(共15个).pdf, several run together):
    the files' names, not the report's text."""
    names = _FILE_NAME.findall(line)
    return bool(names) and not re.search(r"[，,。；;！!？?]", line) and (line.rstrip().lower().endswith(tuple(n.lower() for n in names)) or len(names) >= 2)


def is_chrome(line: str) -> bool:
    """A line of a web page's chrome: it opens with one of the page's fields, is no sentence, and states no amount
    (来源：财政拨款120万元 is a line of the report; a view count is bare or in 次); or it says what only a site's
    footer says (网站标识码, ICP备, 本页面执行时间0.04秒, 1366*768分辨率)."""
    if len(line) > MAX_CHROME or _SENTENCE_END.search(line.rstrip("。")):
        return False
    line = simplified(line)  # 發布時間, 瀏覽次數 as a copy in traditional characters writes them
    if _SITE_FOOTER.search(line):
        return True
    return bool(_CHROME.match(line)) and all(f.quantity.unit in ("", "次", "人次") for f in find_quantities(line))


def _entry(line: str) -> tuple[str, int | None] | None:
    """(heading, page number or None) when the line can be a contents entry: short, no sentence, and stating no
    quantity once its page number is set aside; None otherwise. A line of leaders alone is an entry too."""
    text = line.strip()
    if not text or len(text) > MAX_ENTRY or _SENTENCE_END.search(text):
        return None
    if _LEADERS_ONLY.match(text):
        return "", None
    m = _PAGE_AFTER.match(text)
    heading, page = (m.group("entry"), int(m.group("page").replace(" ", ""))) if m else (text, None)  # 1 2: page 12
    if find_quantities(heading):
        return None
    return heading, page


def _contents(lines: Sequence[str], chrome: set[int]) -> set[int]:
    entries = [_entry(line) for line in lines]  # each line read once: linear in the text's length
    headings = {_bare(line) for line in lines if len(line) <= MAX_ENTRY}  # the body's headings, as lines of their own
    last_at = {_bare(e[0]): i for i, e in enumerate(entries) if e and e[0]}  # where each heading stands last
    out: set[int] = set()
    i = 0
    while i < len(lines):
        if _CONTENTS_HEAD.match(lines[i]) and (_entry(_CONTENTS_HEAD.sub("", lines[i])) or
                                               not _CONTENTS_HEAD.sub("", lines[i]).strip()):
            end = _block_end(lines, entries, i + 1, chrome)
            out |= set(range(i, end))
            i = end
            continue
        end, found = _paged_run(lines, entries, i, headings)
        if not found:
            end, found = _repeated_run(entries, i, last_at)
        if found:
            out |= set(range(i, end))
        i = max(end, i + 1)  # a run that is no contents list is not tried again from each of its lines
    return out


def _block_end(lines: Sequence[str], entries: Sequence[tuple[str, int | None] | None], start: int,
               chrome: set[int]) -> int:
    """Where the contents list after a 目录 line ends: at the first line that is no entry, or at a heading the list
    named already (the body opens with its headings again)."""
    seen: set[str] = set()
    i = start
    while i < len(lines):
        line = lines[i]
        if i in chrome:
            i += 1
            continue
        if _LONE_PAGE.match(line):
            i += 1
            continue
        entry = entries[i]
        if entry is None:
            break
        heading = re.sub(r"\s+", "", entry[0])
        if heading in seen:
            break  # the body starts, with a heading the list named
        if heading:
            seen.add(heading)
        i += 1
    return i


def _bare(line: str) -> str:
    return re.sub(r"\s+", "", line)


def _paged_run(lines: Sequence[str], entries: Sequence[tuple[str, int | None] | None], start: int,
               body: set[str]) -> tuple[int, bool]:
    """The end of a run of heading lines each followed by its page number (on the line or the next one), the numbers
    never falling, and whether it is a contents list printed without its 目录 line: at least MIN_RUN lines, most of
    them naming a document's part. A page number run straight on from its heading (二、机构设置7) counts only on a
    numbered heading, and only when the body repeats one of the run's headings as a line of its own (body: the
    document's lines without spaces) or the run holds more than MIN_RUN of them."""
    pages: list[int] = []
    headings: list[str] = []
    glued = False
    i = start
    while i < len(lines):
        entry = entries[i]
        if entry is None or not entry[0]:
            break
        page = entry[1]
        step = 1
        if page is None and i + 1 < len(lines) and _LONE_PAGE.match(lines[i + 1]):
            page, step = int(re.sub(r"\D", "", lines[i + 1])), 2
        if page is None or page > MAX_PAGE or (pages and page < pages[-1]):
            break
        if not _spaced(lines[i], step):
            if not _NUMBERED_HEADING.match(entry[0].strip()):
                break
            glued = True
        pages.append(page)
        headings.append(entry[0])
        i += step
    named = sum(1 for h in headings if _PART_HEADING.search(h.strip()))
    repeated = not glued or any(_bare(h) in body for h in headings) or len(pages) > MIN_RUN  # an excerpt of the
    # contents alone: four numbered headings or more with rising numbers run on are its entries
    return i, len(pages) >= MIN_RUN and 2 * named >= len(headings) and repeated


def _repeated_run(entries: Sequence[tuple[str, int | None] | None], start: int,
                  last_at: dict[str, int]) -> tuple[int, bool]:
    """The end of a run of numbered heading lines, page numbers or none, and whether it is a contents list printed
    without its 目录 line: MIN_RUN lines or more, the body opening again with the run's first heading and repeating
    another of them further on. A page number run on from one entry (（三）预算资金情况9) is then a page's, never a
    figure."""
    i, seen = start, set[str]()
    while i < len(entries) and (entry := entries[i]) is not None and _NUMBERED_HEADING.match(entry[0].strip()) \
            and _bare(entry[0]) not in seen:  # a heading the run named already: the body opens
        seen.add(_bare(entry[0]))
        i += 1
    run = [e[0] for e in entries[start:i] if e]
    again = [h for h in run if last_at.get(_bare(h), -1) >= i]
    return i, (len(run) >= MIN_RUN and len(again) >= 2 and again[0] == run[0]
               and any(e[1] is not None for e in entries[start:i] if e))


_NUMBERED_HEADING = re.compile(r"^(?:第[一二三四五六七八九十\d]+(?:部分|章|节)|[一二三四五六七八九十]+\s*、|"
                               r"[（(]\s*[一二三四五六七八九十]+\s*[）)])")


# A heading of a document's part: numbered (第一部分, 一、, （一）, 1., 附件2), or naming a part (…表, …说明, …情况).
_PART_HEADING = re.compile(r"^(?:第[一二三四五六七八九十\d]+(?:部分|章|节)|[一二三四五六七八九十]+\s*、|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|"
                           r"\d{1,2}(?:\.\d{1,2})*\s*[、.．]|附件|附表)|(?:表|说明|情况|概况|解释|职责|设置|目标|措施|建议|问题|结论|附件)$")


def _spaced(line: str, step: int) -> bool:
    """Is the page number set apart from its heading (a space, leaders, or its own line)? Without a 目录 line, a
    heading run straight into a number (部门职责3) is not enough to call the line a contents entry."""
    return step == 2 or bool(re.search(r"[\s.…·•．¨⋯\-－—]\d{1,3}\s*$", line))
