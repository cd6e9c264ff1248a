"""Heading numbers of Chinese official documents: 一、 （一） 1、 （1） ① and the 附件 names, as a line starts with them.

What a number looks like, and nothing of what it opens: the report reader's sections (report/sections.py) and the
PDF reader's paragraph breaks (pdf.py) both ask it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_CN = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}
_ATTACHMENT = re.compile(r"^附件\s*(\d+(?:[-－—]\d+)*)")
_PART = re.compile(r"^第\s*([一二三四五六七八九十]{1,3})\s*(部分|章|篇)")
_MARKERS = (
    (1, re.compile(r"^([一二三四五六七八九十]{1,3})\s*(?:、|[.．](?!\d))")),
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
class Part:
    """A document's part (第二部分, 第三章): above every numbered heading, as a report's attachments are."""

    label: str


@dataclass(frozen=True)
class Heading:
    """A numbered heading or list item: its rank, its number and how it is written in a path."""

    rank: int
    number: int
    label: str


def heading_of(text: str) -> Heading | Part | str | None:
    """The numbering a paragraph starts with: a Heading, a Part (第二部分), an attachment name ("附件1-3"), or None."""
    attachment = _ATTACHMENT.match(text)
    if attachment and len(text) <= MAX_ATTACHMENT_LINE:
        return "附件" + attachment.group(1)
    part = _PART.match(text)
    if part and len(text) <= MAX_ATTACHMENT_LINE:
        return Part(f"第{part.group(1)}{part.group(2)}")
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
