"""A breakdown whose total and parts each carry figures of one kind beside them: those figures make a breakdown too.

“三公”经费支出决算62.07万元，完成全年预算84.82万元的73.2%，比上年决算数增加38.97万元。其中：因公出国(境)费12.02万元，
完成预算12.02万元的100%，比上年增加12.02万元；公务用车…27.46万元，完成预算29.6万元…，比上年增加6.32万元；公务接待费
22.59万元，完成预算43.2万元…，比上年增加20.63万元 — the parts' budgets make the total's budget (84.82), their increases
on last year the total's increase (38.97). A figure is of one kind by its words: a budget (完成预算, 预算数为), or a change
against one base (上年, 年初预算, a named year) in one direction. Each member's figures are those after it up to the next
figure of any list, its own sentence for the last part. A kind the total and at least two parts state once each is
declared; when every part states it, the parts make the total (=), else they are at most the total (≥); a part stating
the change the other way makes no breakdown of it (a fall and a rise do not add up as written).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ...core.quantity import Qualifier, adds_up, commensurable
from .lists import Listed
from .mentions import Mention
from .rates import DOWN_WORDS

_BASE = re.compile(r"(?:较|比|与|同)\s*(上年度?|去年|上一年度?|年初|(?:19|20)\d{2}\s*年)")
_UP = re.compile(r"增加|增长|上升|增支|多")
_BUDGET = re.compile(r"预算(?:数|总额|资金)?\s*(?:为|是)?\s*$")
Kind = tuple[str, ...]


def _kind(m: Mention) -> Kind | None:
    """What a figure beside a total or a part is: ('budget',) or ('change', base, direction); None for anything else."""
    if m.is_rate or not m.quantity.unit or m.quantity.qualifier is not Qualifier.EXACT:
        return None
    lead = m.lead.strip()
    base = _BASE.search(lead)
    if base is not None:
        word = base.group(1)
        against = "上年" if word[0] in "上去" else "年初" if word == "年初" else re.sub(r"\D", "", word)
        direction = "down" if DOWN_WORDS.search(lead) else "up" if _UP.search(lead) else None
        return ("change", against, direction) if direction else None
    return ("budget",) if _BUDGET.search(lead) else None


def attribute_lists(lists: Sequence[Listed], mentions: Sequence[Mention]) -> list[Listed]:
    """The breakdowns of each kind of figure stated beside the total and the parts of a prose list (see the module)."""
    listed = {id(m) for lst in lists for m in (lst.whole, *lst.parts)}
    by_block: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.order):
        if m.where.cell is None:
            by_block.setdefault(m.where.block, []).append(m)
    out: list[Listed] = []
    used: set[int] = set()
    for lst in lists:
        if lst.shape != "inline" or len(lst.parts) < 2 or lst.whole.where.cell is not None:
            continue
        members = sorted((lst.whole, *lst.parts), key=lambda m: m.order)
        if members[0] is not lst.whole:
            continue
        pool = sorted({id(m): m for b in {x.where.block for x in members} for m in by_block.get(b, [])}.values(),
                      key=lambda m: m.order)
        beside = [_beside(member, pool, listed, last=member is members[-1]) for member in members]
        for kind, whole in beside[0].items():
            parts = [b[kind] for b in beside[1:] if kind in b]
            opposed = kind[0] == "change" and any(("change", kind[1], d) in b for b in beside[1:]
                                                  for d in ("up", "down") if d != kind[2])
            if len(parts) < 2 or opposed or any(id(m) in used for m in (whole, *parts)) \
                    or not all(commensurable(p.quantity.unit, whole.quantity.unit) for p in parts):
                continue
            used.update(id(m) for m in (whole, *parts))
            every = len(parts) == len(lst.parts)
            out.append(Listed(whole, tuple(parts), "inline", adds_up(whole.quantity, [p.quantity for p in parts]),
                              named=len(parts) if every else 0))
    return out


def _beside(member: Mention, pool: list[Mention], listed: set[int], last: bool) -> dict[Kind, Mention]:
    """The figures of each kind stated once after a member, up to the next figure of any list (for the last part, in
    its own sentence)."""
    found: dict[Kind, list[Mention]] = {}
    for m in pool:
        if m.order <= member.order:
            continue
        if id(m) in listed or (last and m.order[:2] != member.order[:2]):
            break
        kind = _kind(m)
        if kind is not None:
            found.setdefault(kind, []).append(m)
    return {k: ms[0] for k, ms in found.items() if len(ms) == 1}
