"""A 其中 list that runs on past the end of its sentence.

Reports often close each part of a breakdown with 。 rather than ；(…决算支出数为1165.08万元，…。其中：因公出国(境)费
支出0万元。公务用车购置费支出204.78万元，同比减少54.2万元；公务用车运行维护费支出664.60万元，…。公务接待费支出295.70万元，…),
so the list read to its first 。 falls short of its total. The sentences after it in its paragraph that open with a
figure of the total's unit (no clause before it) are its further parts when, with them, the parts make up the total
exactly: only the sum says the sentences still list parts, so a list that never adds up is left as it was read."""
from __future__ import annotations

import re
from decimal import Decimal

from ...core.quantity import Qualifier, adds_up, commensurable
from .lists import Listed
from .mentions import Mention

_CLAUSE = re.compile(r"[，,；;。：:]")
_OUTSIDE = re.compile(r"另有|此外|另外|合计|共计|总计|(?:增加|减少|增长|下降|上升|降低|节约)了?\s*$")
MAX_RUN_ON = 12  # sentences a list may run on over: a paragraph's breakdown, not a document's


def run_on(lists: list[Listed], mentions: list[Mention]) -> list[Listed]:
    """The lists, each that falls short of its exact total extended over the sentences that complete it."""
    used = {id(p) for lst in lists for p in lst.parts} | {id(lst.whole) for lst in lists}
    openers = _sentence_openers(mentions)
    out = []
    for lst in lists:
        extended = _completed(lst, openers, used) if _short(lst) else None
        if extended is not None:
            used.update(id(p) for p in extended.parts)
        out.append(extended or lst)
    return out


def _short(lst: Listed) -> bool:
    whole = lst.whole.quantity
    return lst.shape == "inline" and not lst.complete and whole.qualifier is Qualifier.EXACT and bool(lst.parts) \
        and lst.total < whole.value


def _sentence_openers(mentions: list[Mention]) -> dict[tuple[int, int], Mention]:
    """(block, sentence) → the figure a sentence opens with, when nothing but its label stands before it."""
    out: dict[tuple[int, int], Mention] = {}
    for m in sorted(mentions, key=lambda m: m.order):
        key = (m.where.block, m.order[1])
        if key not in out and m.where.cell is None:
            out[key] = m
    return {k: m for k, m in out.items() if not _CLAUSE.search(m.where.text[:m.start])}


def _completed(lst: Listed, openers: dict[tuple[int, int], Mention], used: set[int]) -> Listed | None:
    block, sentence = lst.parts[-1].where.block, lst.parts[-1].order[1]
    whole = lst.whole
    parts = list(lst.parts)
    for k in range(sentence + 1, sentence + 1 + MAX_RUN_ON):
        m = openers.get((block, k))
        if m is None or id(m) in used or m.is_rate or m.quantity.qualifier is not Qualifier.EXACT \
                or not commensurable(m.quantity.unit, whole.quantity.unit) or _OUTSIDE.search(m.lead):
            return None
        parts.append(m)
        if adds_up(whole.quantity, [p.quantity for p in parts]):
            return Listed(whole, tuple(parts), lst.shape, True, lst.named)
        if sum((p.quantity.to(whole.quantity.unit).value for p in parts), Decimal(0)) > whole.quantity.value:
            return None
    return None
