"""A paragraph that ends announcing its detail (具体情况如下：) and the paragraphs after it, one part each.

本部门财政拨款本年收入1205.11万元，比上年增加253.71万元；本年支出1094.65万元，增加207.42万元。具体情况如下：
一般公共预算财政拨款本年收入979.53万元，比上年增加28.13万元；本年支出869.0万元，比上年增加240.09万元。
政府性基金预算财政拨款本年收入225.58万元，比上年增加161.78万元；本年支出225.58万元，比上年增加161.78万元。

Each figure of the announcing paragraph whose words every following paragraph of its section states once, as they
are or as a kind of them (一般公共预算财政拨款本年收入 is a kind of 财政拨款本年收入), is made up of those: the paragraphs
are its detail, all of it (=). The change stated right after such a figure (比上年增加…, 增加…) is made up of the changes
stated right after its parts, when each has one the same way.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ...core.quantity import Qualifier, adds_up, commensurable
from .document import Document
from .lists import Listed
from .mentions import Mention, clean_label
from .rates import DOWN_WORDS, is_difference

_ANNOUNCES = re.compile(r"(?:情况|明细|内容)?如下\s*[：:。.]?\s*$")
_OWN = re.compile(r"^(?:本(?:部门|单位|机关|中心|(?!年)[\u4e00-\u9fff]))?(?:(?:19|20)\d{2}\s*年度?)?")  # 本站2023年度
_CHANGE = re.compile(r"(?:增加|增长|上升|减少|下降|降低)了?\s*$")
MIN_WORDS = 4  # characters of the words naming a figure its detail restates (本年支出), not 支出 alone
MAX_DETAIL = 12  # paragraphs of detail read after one announcing paragraph


def _words(m: Mention) -> str:
    """The words naming a figure, with 本年 kept (本年支出 is no 支出 of another year) and the unit's and year's words
    before them dropped."""
    return max(_OWN.sub("", clean_label(m.label)), _OWN.sub("", m.lead.strip(" ，,；;：:为是")), key=len)


def _figure(m: Mention) -> bool:
    return not m.is_rate and bool(m.quantity.unit) and m.quantity.qualifier is Qualifier.EXACT \
        and m.where.cell is None and not is_difference(m) and not _CHANGE.search(m.lead)


def paragraph_parts(document: Document, mentions: Sequence[Mention], lists: Sequence[Listed]) -> list[Listed]:
    """The totals an announcing paragraph states with the parts its detail paragraphs state (see the module)."""
    last: dict[int, str] = {}
    section: dict[int, str] = {}
    for s in document.sentences():
        if s.cell is None and s.text.strip():
            last[s.block] = s.text
            section.setdefault(s.block, s.section)
    by_block: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.order):
        by_block.setdefault(m.where.block, []).append(m)
    used = {id(p) for lst in lists for p in lst.parts}
    out: list[Listed] = []
    for block, text in last.items():
        if not _ANNOUNCES.search(text) or not by_block.get(block):
            continue
        detail = []
        for after in range(block + 1, block + 1 + MAX_DETAIL):
            if section.get(after) != section[block] or not by_block.get(after):
                break
            detail.append(by_block[after])
        if len(detail) < 2:
            continue
        for whole in (m for m in by_block[block] if _figure(m) and len(_words(m)) >= MIN_WORDS):
            words = _words(whole)
            parts = [named[0] if len(named := [m for m in paragraph if _figure(m) and _words(m).endswith(words)]) == 1
                     else None for paragraph in detail]
            found = [p for p in parts if p is not None]
            if len(found) != len(parts) or any(id(p) in used for p in found) \
                    or not all(commensurable(p.quantity.unit, whole.quantity.unit) for p in found):
                continue
            used.update(id(p) for p in found)
            out.append(_listed(whole, found))
            changes = [_change_after(m, by_block[m.where.block]) for m in (whole, *found)]
            if all(c is not None for c in changes) and len({_falls(c) for c in changes if c}) == 1:
                kept = [c for c in changes if c is not None]
                if not any(id(c) in used for c in kept[1:]):
                    used.update(id(c) for c in kept[1:])
                    out.append(_listed(kept[0], kept[1:]))
    return out


def _listed(whole: Mention, parts: list[Mention]) -> Listed:
    return Listed(whole, tuple(parts), "inline", adds_up(whole.quantity, [p.quantity for p in parts]),
                  named=len(parts))


def _change_after(m: Mention, paragraph: list[Mention]) -> Mention | None:
    """The change stated right after a figure in its sentence (比上年增加…, 增加…), if the next figure is one."""
    after = [x for x in paragraph if x.order > m.order and x.order[:2] == m.order[:2]][:1]
    if not after or after[0].is_rate or not (is_difference(after[0]) or _CHANGE.search(after[0].lead)):
        return None
    return after[0] if commensurable(after[0].quantity.unit, m.quantity.unit) else None


def _falls(m: Mention) -> bool:
    return bool(DOWN_WORDS.search(m.lead))
