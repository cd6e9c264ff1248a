"""Section paths from a report's own heading numbering: the parts (第二部分, 第三章), 一、 （一） 1、 （1） ① and the
附件 names.

A path is written as analysts cite it: `五(二)`, `附件1-3 三(3)1`, `二(三)(1)`, `第二部分 三(一)` (a part's 一、 is
not another part's). Numbering is all there is
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

from ..numbering import Heading, Part, heading_of


class SectionTracker:
    """Follows the numbering through a document; `path` is the section the text read so far is in."""

    def __init__(self) -> None:
        self.part = ""
        self.attachment = ""
        self.open: list[Heading] = []

    def read(self, text: str, in_table: bool = False) -> None:
        """Take note of the numbering a paragraph (or a one-cell table row) starts with."""
        found = heading_of(text)
        if found is None or (in_table and isinstance(found, Heading) and found.rank != 1):
            return
        if isinstance(found, Part):
            if not in_table:
                self.part, self.attachment, self.open = found.label, "", []
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
        return " ".join(p for p in (self.part, self.attachment, inner) if p)
