"""A .txt copied from a PDF viewer or a terminal: every line cut at one width, paragraphs and figures broken at
the cut (`…部门整体支出3752.4` / `8万元`). Such lines are joined back into their paragraphs before the text is read,
as the PDF reader joins a page's lines: a line cut at the width runs on, a shorter one ends its paragraph, a line
opening with a heading number starts one. A viewer copies a justified or letter-spaced line with a space between its
glyphs (`年 初 预 算 数 为`, `职 工 8 5 人`): such a line is read as typed first (unspread)."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .numbering import heading_of

MIN_WIDTH = 10  # characters: narrower cuts are lists or tables, not a page's width
MIN_CUT = 8  # lines at the width before the text is taken for wrapped
CUT_SHARE = 0.4  # of its prose lines at least this share at one width (paragraph ends and headings are shorter)
# how far short of its width a line a viewer cut may end: a justified line holds its glyphs' widths, which columns
# count only roughly (a digit is narrower than half an ideograph, a full-width comma narrower than one)
CUT_SLACK = 0.15


def columns(text: str) -> int:
    """A line's width in columns, as a terminal sets it: an ideograph or full-width mark two, anything else one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass(frozen=True)
class Wrap:
    """How a text was cut: every long line at `width` characters (a terminal, a fixed count), or at `width` columns
    give or take CUT_SLACK (a viewer copying a justified page: its lines fill one measure, not one count)."""

    width: int
    by_columns: bool

    def cut(self, text: str) -> bool:
        if self.by_columns:
            return columns(text) >= (1 - CUT_SLACK) * self.width
        return len(text) >= self.width - 1


def wrap_width(lines: list[str]) -> int | None:
    """The width every long line is cut at, when the text was hard-wrapped; None for text typed a paragraph a line."""
    wrap = wrap_of(lines)
    return wrap.width if wrap else None


def wrap_of(lines: list[str], printed: bool = False) -> Wrap | None:
    """How the text was cut (Wrap), when it was: by one count of characters, else by one width in columns.
    `printed`: the lines of a printed page, cut at its width, however few of them reach it."""
    prose = [x.rstrip() for x in lines if _prose(x)]
    least, share = (1, 0.0) if printed else (MIN_CUT, CUT_SHARE)  # a printed page's widest line is at its width
    if len(prose) < least:
        return None
    counts = [len(x) for x in prose]
    width, count = Counter(counts).most_common(1)[0]
    longer = sum(n > width + 1 for n in counts)  # a paragraph a line runs past any one width
    if not printed and width >= MIN_WIDTH and count >= MIN_CUT and count >= CUT_SHARE * len(prose) \
            and longer <= count // 4:
        return Wrap(width, False)
    widths = sorted((columns(x) for x in prose), reverse=True)
    for k, wide in enumerate(widths):
        if wide < 2 * MIN_WIDTH:
            return None
        if k and wide == widths[k - 1]:
            continue
        near = sum(1 for n in widths[k:] if n >= (1 - CUT_SLACK) * wide)
        if near >= least and near >= share * len(prose) and k <= near // 4:
            return Wrap(wide, True)
    return None


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


def unwrapped(lines: list[str], printed: bool = False) -> list[str]:
    """The lines with those cut at the text's one width joined to the line after them (no space between: Chinese and
    figures); unchanged when the text is not hard-wrapped. Blank lines, table rows and headings are kept apart. A
    line a viewer cut that ends a sentence short of the margin ends its paragraph; one that ends mid-sentence near
    the margin runs on into a line of prose, and one ending mid-sentence further short runs on only into a line
    opening with a figure (the figure did not fit: …总支出为 / 18531.47万元). Spread lines are unspread first.
    `printed`: a printed page's lines (see wrap_of)."""
    tracked = letter_spaced(lines)
    lines = [unspread(x, tracked) for x in lines]
    wrap = wrap_of(lines, printed)
    if wrap is None:
        return lines
    out: list[str] = []
    runs_on: float = 0
    for line in lines:
        text = line.rstrip()
        joinable = _prose(text) and heading_of(text.strip()) is None
        opens = text.strip()
        if joinable and (runs_on == 1 or runs_on and not _OPENS_APART.match(opens)
                         and (opens[:1].isdigit() or runs_on > 0.5 and " " not in opens)):
            out[-1] += text.strip()
        else:
            out.append(text)
        runs_on = _runs_on(text, wrap) if joinable else 0
    return out


def _runs_on(text: str, wrap: Wrap) -> float:
    """How surely the line runs on into the next: 1 cut at the width; 0.75 ending mid-sentence near it (a wide
    figure did not fit, or its glyphs are wider than columns count them); 0.5 ending mid-sentence further short;
    0 ending its paragraph. A line a viewer cut that ends a sentence short of the full width ends its paragraph."""
    ended = text[-1:] in _SENTENCE_END
    wide = columns(text)
    if wrap.cut(text) and (not wrap.by_columns or not ended or wide >= wrap.width - 2):
        return 1
    if ended or not wrap.by_columns or wide < wrap.width // 2:
        return 0
    return 0.75 if wide >= (1 - 2 * CUT_SLACK) * wrap.width and " " not in text.strip() else 0.5


_SENTENCE_END = "。！？；：!?;:"
# a line opening with a year (2023年度…) or a field's name (来源：) starts anew after a line that ended short
_OPENS_APART = re.compile(r"\d{4}\s?年|[\u4e00-\u9fff]{1,6}\s?[:：]")
_IDEOGRAPH = r"\u3400-\u9fff\uf900-\ufaff"
_WIDE_MARK = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f"
_SPREAD_TOKEN = re.compile(rf"[{_IDEOGRAPH}{_WIDE_MARK}!-~]")
MIN_SPREAD = 6  # glyphs a space apart before a line is taken for spread
SPREAD_SHARE = 0.75  # of a spread line's words at least this share single glyphs
MIN_SPREAD_IDEOGRAPHS = 3
TRACKED_SHARE = 0.5  # of the long lines spread glyph by glyph: the page was letter-spaced, its short lines too
# a space beside an ideograph or full-width mark in a spread line: the spreading's, never typed
_GAP_BY_IDEOGRAPH = re.compile(rf"(?<=[{_IDEOGRAPH}{_WIDE_MARK}]) (?! )|(?<! ) (?=[{_IDEOGRAPH}{_WIDE_MARK}])")
# a space between two Latin glyphs that each stand alone (职 工 8 5 人, 4 5 2 . 3 4万元): a letter-spaced run
_GAP_IN_RUN = re.compile(r"(?<=(?<![!-~])[!-~]) (?=[!-~](?![!-~]))")


def letter_spaced(lines: list[str]) -> bool:
    """Was the page letter-spaced: do most of its long lines stand every glyph apart?"""
    long = [x.split() for x in lines if len(x.split()) >= MIN_SPREAD]
    spread = sum(1 for words in long if all(_SPREAD_TOKEN.fullmatch(w) for w in words))
    return bool(long) and spread >= max(MIN_SPREAD_IDEOGRAPHS, TRACKED_SHARE * len(long))


def unspread(line: str, tracked: bool = False) -> str:
    """A line as typed when a viewer copied it with a space between its glyphs: justification (两端对齐) spreads a
    line's ideographs (年 初 预 算 数 为18531.47), letter-spacing (字间距) every glyph (职 工 8 5 人). A line is
    spread when most of its words (MIN_SPREAD or more, SPREAD_SHARE of them) are single glyphs and some are
    ideographs, or, on a letter-spaced page (`tracked`), when all its words are single glyphs and one an ideograph
    (评 报 告, a paragraph's last glyphs): the spaces beside its ideographs go, and those between Latin glyphs that
    each stand alone (8 5); two numbers a typed space apart (12 3) stay two. A run of spaces stays one space."""
    words = line.split()
    singles = [w for w in words if _SPREAD_TOKEN.fullmatch(w)]
    ideographs = sum(1 for w in singles if not w.isascii())
    spread = len(singles) >= MIN_SPREAD and len(singles) >= SPREAD_SHARE * len(words) \
        and ideographs >= MIN_SPREAD_IDEOGRAPHS
    if not (spread or tracked and len(singles) == len(words) > 1 and ideographs):
        return line
    lead = line[: len(line) - len(line.lstrip())]
    text = _GAP_BY_IDEOGRAPH.sub("", _GAP_IN_RUN.sub("", line.strip()))
    return lead + re.sub(r" {2,}", " ", text)
