"""Section paths from a report's own heading numbering: 一、 （一） 1、 （1） ① and the 附件 names.

A path is written as analysts cite it: `五(二)`, `附件1-3 三(3)1`, `二(三)(1)`. Numbering is all there is
to go on (a heading the document lost its number for does not open a section). Levels follow the usual
order of Chinese official documents, by the shape of the number:

    rank 1  一、        rank 2  （一）       rank 3  1、 1． 1.       rank 4  （1）       rank 5  ①

A number opens its rank and closes every deeper one. Reports mix shapes: an Arabic number N > 1 that
continues no open list of its own shape (no N − 1 open at its rank; a list does not start at 2) stands
for the Chinese numbering of the same form (一、 for 1、, （一） for （1））: `（2） 预算配置评价` after
`（一）简要概述` is section (2) beside (一), and `8、` after `七、` is the eighth part, written `8`.
In a table, only a row holding nothing but a part heading (三、… or 附件…) opens a section; numbered
row labels (1、公务用车…) are not headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CN = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
_ATTACHMENT = re.compile(r"^附件\s*(\d+(?:[-－—]\d+)*)")
_MARKERS = (
    (1, re.compile(r"^([一二三四五六七八九十]{1,3})\s*、")),
    (2, re.compile(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]")),
    (3, re.compile(r"^(\d{1,2})\s*[、．.](?!\d)")),
    (4, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]")),
    (5, re.compile(r"^([①-⑳])")),
)
MAX_ATTACHMENT_LINE = 40  # "附件1-3" or "附件3-1：" on a line of its own, not a sentence that mentions one


def _chinese_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN[text[1]]
    if len(text) == 1:
        return _CN[text]
    if len(text) == 2:  # 二十
        return _CN[text[0]] * 10
    return _CN[text[0]] * 10 + _CN[text[2]]  # 二十一


@dataclass(frozen=True)
class Heading:
    """A numbered heading or list item: its rank, its number and how it is written in a path."""

    rank: int
    number: int
    label: str


def heading_of(text: str) -> Heading | str | None:
    """The numbering a paragraph starts with: a Heading, an attachment name ("附件1-3"), or None."""
    attachment = _ATTACHMENT.match(text)
    if attachment and len(text) <= MAX_ATTACHMENT_LINE:
        return "附件" + attachment.group(1)
    for rank, pattern in _MARKERS:
        m = pattern.match(text)
        if not m:
            continue
        raw = m.group(1)
        if rank in (1, 2):
            try:
                number = _chinese_number(raw)
            except (KeyError, IndexError):
                continue
        elif rank == 5:
            number = ord(raw) - ord("①") + 1
        else:
            number = int(raw)
        return Heading(rank, number, f"({raw})" if rank in (2, 4) else raw)
    return None


class SectionTracker:
    """Follows the numbering through a document; `path` is the section the text read so far is in."""

    def __init__(self) -> None:
        self.attachment = ""
        self.open: list[Heading] = []

    def read(self, text: str, in_table: bool = False) -> None:
        """Take note of the numbering a paragraph (or a one-cell table row) starts with."""
        found = heading_of(text)
        if found is None or (in_table and isinstance(found, Heading) and found.rank != 1):
            return
        if isinstance(found, str):
            self.attachment, self.open = found, []
            return
        rank = self._rank(found)
        self.open = [h for h in self.open if h.rank < rank] + [Heading(rank, found.number, found.label)]

    def _rank(self, h: Heading) -> int:
        if h.rank not in (3, 4) or h.number == 1:
            return h.rank
        if any(o.rank == h.rank and o.number == h.number - 1 for o in self.open):
            return h.rank
        return h.rank - 2

    @property
    def path(self) -> str:
        inner = "".join(h.label for h in self.open)
        return " ".join(p for p in (self.attachment, inner) if p)
