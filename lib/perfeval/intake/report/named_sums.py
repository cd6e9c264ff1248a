"""Totals whose parts a sentence names in words, their amounts stated elsewhere.

An account's notes say what a 总计 holds without a number (本部分的支出总计包括本年支出合计、结余分配、年末结转和结余),
and state each amount in its own sentence (支出总计435.82万元 … 支出合计387.82万元 … 年末结转和结余48.00万元). The words
are the structure: the total is made of the parts named, each found as the one value stated under words ending in its
name. When every part named is stated, the identity is `=`; when some are not (结余分配 stated nowhere), the parts
stated are a bound unless they already make the total. Two parts stated at the least, or the words say nothing a
check could use."""
from __future__ import annotations

import re
from decimal import Decimal

from ...core.quantity import Qualifier, adds_up, commensurable
from .document import Document
from .lists import Listed
from .mentions import Mention

_HOLDS = re.compile(r"(?P<whole>[\u4e00-\u9fff“”\"（）()]{2,16}?)(?:包括|包含|由)(?P<parts>[\u4e00-\u9fff、“”\"（）()]{4,80}?)"
                    r"(?:等?(?:构成|组成|几部分|部分))?(?=[，,。；;]|$)")
_FRAMING = re.compile(r"^(?:本部分的?|其中|上述|本年度?|全年|当年|年度|本单位的?)+")
_YEARS = re.compile(r"(?:19|20)\d{2}\s*年度?")
MIN_NAME = 4  # characters a name must keep to find its figure: 收入 alone names many


def sums_in_words(document: Document, mentions: list[Mention], lists: list[Listed]) -> list[Listed]:
    """Every total a sentence says, in words alone, is made of parts it names, with the amounts stated elsewhere (a
    total already listed with these parts aside)."""
    usable = [m for m in mentions if not m.is_rate and m.quantity.qualifier is Qualifier.EXACT and m.quantity.unit]
    known = {(id(lst.whole), frozenset(id(p) for p in lst.parts)) for lst in lists}
    out = []
    for sentence in document.sentences():
        if re.search(r"\d", sentence.text):
            continue
        for found in _HOLDS.finditer(sentence.text):
            listed = _summed_in_words(found.group("whole"), found.group("parts").split("、"), usable)
            key = (id(listed.whole), frozenset(id(p) for p in listed.parts)) if listed is not None else None
            if listed is not None and key not in known:
                known.add(key)
                out.append(listed)
    return out


def _summed_in_words(whole_words: str, part_words: list[str], mentions: list[Mention]) -> Listed | None:
    whole = _stated_as(whole_words, mentions)
    if whole is None or len(part_words) < 2:
        return None
    parts = [m for m in (_stated_as(w, mentions) for w in part_words) if m is not None]
    if len(parts) < 2 or whole in parts or len({id(p) for p in parts}) < len(parts) \
            or not all(commensurable(p.quantity.unit, whole.quantity.unit) for p in parts):
        return None
    complete = adds_up(whole.quantity, [p.quantity for p in parts])
    total = sum((p.quantity.to(whole.quantity.unit).value for p in parts), Decimal(0))
    if len(parts) < len(part_words) and not complete and total > whole.quantity.value:
        return None  # a bound the stated parts already exceed: the names did not find the parts
    shape = "summed" if len(parts) == len(part_words) else "named"
    return Listed(whole, tuple(parts), shape, complete, len(part_words))


def _core(words: str) -> str:
    return _FRAMING.sub("", _YEARS.sub("", words.strip("“”\"（）() ")))


def _stated_as(words: str, mentions: list[Mention]) -> Mention | None:
    """The statement of the one value stated under words ending in these (支出合计 for 本年支出合计), the first."""
    name = _core(words)
    if len(name) < MIN_NAME:
        return None
    found = [m for m in mentions if _core(_YEARS.sub("", m.lead)).endswith(name)]
    values = {m.quantity.to(found[0].quantity.unit).value if commensurable(m.quantity.unit, found[0].quantity.unit)
              else None for m in found}
    return found[0] if found and len(values) == 1 and None not in values else None
