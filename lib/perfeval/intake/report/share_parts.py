"""Parts that name their whole by their shares: each figure followed by 占<whole>的x% (工资福利支出预算2016908.34元，占
基本支出预算81.45%; 商品和服务支出预算445372.24元，占基本支出预算17.99% …, each on its own line under 1. 基本支出预算
2476260.58元). The shares say the figures are parts of the figure they name; when those parts make it up exactly, the
whole is their sum — an identity however far apart the lines stand (issue 19 item 4; dev c255's shape, not wording).
Parts that do not make it up are no identity: a list found by its shares may be one the report leaves incomplete.
"""
from __future__ import annotations

import re

from ...core.quantity import Qualifier, adds_up, canonical_unit, commensurable
from .catalogue import normalise
from .lists import Listed
from .mentions import Mention

_SHARE_OF = re.compile(r"^占(?:全部|全年|本年|当年)?(?P<w>[\u4e00-\u9fff“”\"（）()]{2,20}?)(?:总额|总数)?的?\s*$")
# A list item's or heading's enumerator before a figure's name (1. 基本支出预算, 一）公务接待费): no part of the name.
ENUMERATOR = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}\s*[)）.、．](?!\d)|第[一二三四五六七八九十\d]{1,3}[部分章节条项])\s*")
_COLUMN_TAIL = re.compile(r"(?:预算数?|决算数?|总额|合计|总计|金额)$")
_YEARS = re.compile(r"(?:19|20)\d{2}\s*年度?|本年度?|全年度?|当年")
MIN_NAME = 4  # characters a whole's name must keep (支出 alone names many)
MIN_PARTS = 2


def _name(words: str) -> str:
    """A figure's name as shares write it: no enumerator, year or column word at its end (基本支出预算 is 基本支出)."""
    bare = normalise(_YEARS.sub("", ENUMERATOR.sub("", words)))
    return _COLUMN_TAIL.sub("", bare) or bare


def _usable(m: Mention) -> bool:
    return not m.is_rate and bool(m.quantity.unit) and m.quantity.qualifier is Qualifier.EXACT and m.quantity.value >= 0


def parts_by_their_shares(mentions: list[Mention], lists: list[Listed]) -> list[Listed]:
    """Each whole its parts name in their shares, with those parts, when they make it up exactly (a total already
    listed with these parts aside)."""
    ordered = sorted(mentions, key=lambda m: m.order)
    previous: Mention | None = None
    by_whole: dict[str, list[Mention]] = {}
    for m in ordered:
        share = _SHARE_OF.match(m.lead) if m.is_rate else None
        if share is not None and previous is not None and _usable(previous) \
                and m.where.block - previous.where.block <= 1 and len(_name(share.group("w"))) >= MIN_NAME:
            # the share right after its part, on its line or the next (a PDF's hard wrap)
            by_whole.setdefault(_name(share.group("w")), []).append(previous)
        previous = m if not m.is_rate else previous
    known = {(id(lst.whole), frozenset(id(p) for p in lst.parts)) for lst in lists}
    out = []
    for name, parts in by_whole.items():
        whole = _whole_named(name, parts, ordered)
        if whole is None or len(parts) < MIN_PARTS or (id(whole), frozenset(id(p) for p in parts)) in known:
            continue
        if adds_up(whole.quantity, [p.quantity for p in parts]):
            out.append(Listed(whole, tuple(parts), "named", True))
    return out


def _whole_named(name: str, parts: list[Mention], ordered: list[Mention]) -> Mention | None:
    """The figure stated under the name the shares give, before the first part, in the parts' unit: the last such."""
    first = min(p.order for p in parts)
    unit = canonical_unit(parts[0].quantity.unit)
    found = [m for m in ordered if m.order < first and _usable(m) and m not in parts and _name(m.label) == name
             and commensurable(canonical_unit(m.quantity.unit), unit)]
    return found[-1] if found else None
