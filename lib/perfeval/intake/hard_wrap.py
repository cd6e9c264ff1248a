"""A .txt copied from a PDF viewer or a terminal: every line cut at one width, paragraphs and figures broken at
the cut (`…部门整体支出3752.4` / `8万元`). Such lines are joined back into their paragraphs before the text is read,
as the PDF reader joins a page's lines: a line cut at the width runs on, a shorter one ends its paragraph, a line
opening with a heading number starts one."""
from __future__ import annotations

import re
from collections import Counter

from .numbering import heading_of

MIN_WIDTH = 10  # characters: narrower cuts are lists or tables, not a page's width
MIN_CUT = 8  # lines at the width before the text is taken for wrapped
CUT_SHARE = 0.4  # of its prose lines at least this share at one width (paragraph ends and headings are shorter)


def wrap_width(lines: list[str]) -> int | None:
    """The width every long line is cut at, when the text was hard-wrapped; None for text typed a paragraph a line."""
    prose = [len(x.rstrip()) for x in lines if _prose(x)]
    if len(prose) < MIN_CUT:
        return None
    width, count = Counter(prose).most_common(1)[0]
    longer = sum(n > width + 1 for n in prose)  # a paragraph a line runs past any one width
    if width < MIN_WIDTH or count < MIN_CUT or count < CUT_SHARE * len(prose) or longer > count // 4:
        return None
    return width


_CELL_GAP = re.compile(r"\S(?: {2,}|\u3000)\S")  # a row laid out with spaces: its rows may share one width


def _prose(line: str) -> bool:
    """A line of running text: not blank, not a row of a table (tabs, bars, cells set apart by spaces)."""
    return bool(line.strip()) and "\t" not in line and "|" not in line and not _CELL_GAP.search(line)


_PAGE_NUMBER = re.compile(r"\s*+(?:[-－—–]\s*+\d{1,4}\s*+[-－—–]|第\s*+\d{1,4}\s*+页(?:\s*+[,，/]?\s*+共\s*+\d{1,4}\s*+页)?|"
                          r"\d{1,4}\s*+/\s*+\d{1,4}|\d{1,4}|page\s++\d{1,4}(?:\s++of\s++\d{1,4})?)\s*+", re.I)


def without_page_breaks(text: str) -> tuple[str, int]:
    """The text with its page breaks taken out, as pdftotext writes them (a form feed at each page's end), and the
    page numbers printed beside each (- 2 -, 第2页, 2/10), so that a paragraph or a figure a page cut runs on
    (项目支出1 | a form feed, - 2 - | 752.48万元); and how many page numbers were left out."""
    if "\f" not in text:
        return text, 0
    pages = text.split("\f")
    dropped = 0
    for k in range(len(pages)):
        lines = pages[k].split("\n")
        if k > 0:
            _blank_out(lines, 0)
            if lines and _PAGE_NUMBER.fullmatch(lines[0]):
                lines.pop(0)
                dropped += 1
                _blank_out(lines, 0)
        if k < len(pages) - 1:
            _blank_out(lines, -1)
            if lines and _PAGE_NUMBER.fullmatch(lines[-1]):
                lines.pop()
                dropped += 1
                _blank_out(lines, -1)
        pages[k] = "\n".join(lines)
    return "\n".join(page for page in pages if page), dropped


def _blank_out(lines: list[str], end: int) -> None:
    """Blank lines at one end of a page (0: its top, -1: its foot) taken away."""
    while lines and not lines[end].strip():
        lines.pop(end)


def unwrapped(lines: list[str]) -> list[str]:
    """The lines with those cut at the text's one width joined to the line after them (no space between: Chinese and
    figures); unchanged when the text is not hard-wrapped. Blank lines, table rows and headings are kept apart."""
    width = wrap_width(lines)
    if width is None:
        return lines
    out: list[str] = []
    runs_on = False
    for line in lines:
        text = line.rstrip()
        joinable = _prose(text)
        if runs_on and joinable and heading_of(text.strip()) is None:
            out[-1] += text.strip()
        else:
            out.append(text)
        runs_on = joinable and len(text) >= width - 1 and heading_of(text.strip()) is None
    return out
