"""Totals a paragraph states with its parts added up, in the ways accounts are written in prose:

- added: “收入111.11万元 … 加上补助等1756.37万元，收入总计1867.48万元” — a figure, 加上 another (and more), then
  a total closed by 总计 / 合计 / 共计;
- composed: “财力1867.48万元。由收入111.11万元，加上补助等1756.37万元构成” — a total, then 由 its parts 构成 / 组成;
- closed: “办公费10.00万元、印刷费5.00万元、差旅费3.00万元，合计18.00万元” — figures, then 合计 / 共计 / 总计 closing them
  (from the list's opener — 其中, 包括, a colon — or the sentence's start; over ；-parts of one sentence);
- used and left: “下达资金20.00万元，已使用18.00万元，结余2.00万元” (the sum given may stand in the sentence before);
- beyond: “收入总计512.40万元，其中本年收入合计500.00万元，此外…0万元、…12.40万元” — a 总计 of its 合计 and the 此外 items;
- graded: “共评价项目15个。评价结果为优的项目12个…良的3个…” — a count and the count of each grade after it.

The structure says the parts make up the total, so the identity is declared whether or not they add up (when they
do not, that is what `score` asks about). The figure 加上 adds to is the last one before it in its paragraph that
is no part of a list (its parts are already inside it: “收入111.11万元，其中税收109.91万元；非税1.2万元。加上…”).
"""
from __future__ import annotations

import re
from decimal import Decimal

from ...core.quantity import UNITS, Qualifier, adds_up, canonical_unit
from .lists import Listed
from .mentions import Mention

_ADD = re.compile(r"(?:^|[，,；;。：:])\s*(?:再)?加上")  # a clause opening with 加上
_CLOSE = re.compile(r"(?:总计|合计|共计)\s*[为是达]?[，,：:]?\s*$")  # the words just before a closing total
_FROM = re.compile(r"(?:^|[，,；;。：:])\s*由")  # a clause opening with 由 (…构成)
_MADE_OF = re.compile(r"^[^。；;]*?(?:构成|组成)")


def _usable(m: Mention) -> bool:
    return not m.is_rate and bool(m.quantity.unit) and m.quantity.qualifier is Qualifier.EXACT \
        and m.quantity.value >= 0


def find_totals(mentions: list[Mention], lists: list[Listed]) -> list[Listed]:
    """Every total a paragraph closes over parts it adds (加上 … 总计) or says it is made of (由 … 构成)."""
    inside = {id(p): lst.whole for lst in lists for p in lst.parts}
    by_block: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.order):
        if m.where.cell is None and _usable(m):
            by_block.setdefault(m.where.block, []).append(m)
    out: list[Listed] = []
    for figures in by_block.values():
        found = _in_paragraph(figures, inside)
        out += found + _closed(figures, inside, {id(t.whole) for t in found}) + _used_and_left(figures) \
            + _graded(figures, inside) + _beyond(figures)
    known = {(id(lst.whole), frozenset(id(p) for p in lst.parts)) for lst in lists}
    kept = []
    for t in out:  # a total two readers find, or a list already found, once
        key = (id(t.whole), frozenset(id(p) for p in t.parts))
        if key not in known:
            known.add(key)
            kept.append(t)
    return kept


def _gap(figures: list[Mention], k: int) -> str:
    """The words between figure k and the figure before it (from its sentence's start when that one stands in an
    earlier sentence)."""
    m = figures[k]
    before = figures[k - 1] if k else None
    start = before.end if before is not None and before.where.text == m.where.text and before.order[1] == m.order[1] \
        else 0
    return m.where.text[start:m.start]


def _top(m: Mention, inside: dict[int, Mention]) -> Mention:
    while id(m) in inside:
        m = inside[id(m)]
    return m


def _in_paragraph(figures: list[Mention], inside: dict[int, Mention]) -> list[Listed]:
    out: list[Listed] = []
    k = 0
    while k < len(figures):
        gap = _gap(figures, k)
        reader = _added if _ADD.search(gap) else _composed if _FROM.search(gap) else None
        if k and reader is not None:
            found, after = reader(figures, k, _top(figures[k - 1], inside))
            out += found
            k = max(after, k + 1)
            continue
        k += 1
    return out


_OPENER = re.compile(r"其中|包括|包含|分别为|[：:]")
_BARE_CLOSE = re.compile(r"(?:^|[，,；;、])\s*(?:以上|上述|各项|两项|[二三四五六七八九十\d]+项)?(?:合计|共计|总计)\s*[为是达]?[，,：:]?\s*$")


def _closed(figures: list[Mention], inside: dict[int, Mention], done: set[int]) -> list[Listed]:
    """Totals that close the figures before them (see the module's note); a figure inside one of those parts (含 …)
    is no part again."""
    out = []
    for k, m in enumerate(figures):
        if not k or id(m) in done or not _CLOSE.search(_gap(figures, k)):
            continue
        group: list[int] = []
        for j in range(k - 1, -1, -1):
            p = figures[j]
            if p.where.block != m.where.block or p.order[1] != m.order[1] and not p.where.text.rstrip().endswith(("；", ";")):
                break
            group.insert(0, j)
        opened = [j for j in group if _OPENER.search(_gap(figures, j))]
        candidates = [figures[j] for j in group if not opened or j >= opened[-1]]
        parts = [p for p in candidates if _alike(m, p) and not any(inside.get(id(p)) is q for q in candidates)]
        summed = _summed(m, parts) if len(parts) >= 2 else None
        if summed is not None and (summed.complete or _BARE_CLOSE.search(_gap(figures, k))):
            out.append(summed)  # 结余合计20万元 after 收入120万元，支出100万元 names another total: only when it adds up
    return out


_USED = re.compile(r"(?:使用|支出|支付|执行|拨付|兑付|发放)了?$")  # 资金已使用2.00万元
_LEFT = re.compile(r"(?:结余|剩余|尚余|余额|未使用|未支付)$|^(?:结余|剩余|尚余)")  # 结余0万元, 尚余10.35万元未支付
_GIVEN = re.compile(r"资金|预算|下达|到位|补助|经费|拨款|拨入|安排|收到|批复")  # what was given to be used
_OPENING = re.compile(r"结转|结余|年初|上年|去年")  # a balance carried in is no sum given


def _used_and_left(figures: list[Mention]) -> list[Listed]:
    """A sum given, what of it was used and what is left, in one sentence (州级补助资金2.00万元，资金已使用2.00万元，
    结余0万元) or the sum in the sentence before (下达资金20.00万元。截至年底，已使用18.00万元，结余2.00万元): the given
    sum is made of the two, so the identity is declared whether or not they add up."""
    out = []
    for k in range(1, len(figures) - 1):
        given, used, left = figures[k - 1], figures[k], figures[k + 1]
        if not used.order[1] == left.order[1] or not _USED.search(used.lead) \
                or not _LEFT.search(left.lead) or _USED.search(given.lead) or _LEFT.search(given.lead):
            continue
        if _GIVEN.search(given.label + given.lead) and not _OPENING.search(given.lead) and _alike(given, used) \
                and _alike(given, left):
            out.append(_summed(given, [used, left]))
    return out


# a grade: 优等项目12个, 评价结果为“良”的项目3个, 良好的3个 (其中的, 整改中的 are no 中)
_GRADE = re.compile(r"优秀|良好|不合格|合格|较差|(?:(?<=[为是评获定“\"：:，,、；;\s])|^)[优良中差](?=[”\"’]?(?:等|级|的|项目|$))")
_CHANGE_VERB = re.compile(r"(?:增加|减少|增长|下降|上升|降低|节约|较|比)")


def _grade(m: Mention) -> str | None:
    """The one grade a count's clause names (优等项目12个 → 优), if it names exactly one."""
    found = {g.group(0)[:1] for g in _GRADE.finditer(m.lead)}
    return found.pop() if len(found) == 1 else None


def _graded(figures: list[Mention], inside: dict[int, Mention]) -> list[Listed]:
    """Counts of two or more grades in a row (the money of each grade, 涉及资金300.00万元, may stand between them) under
    the count stated just before them (共评价项目15个。评价结果为优的项目12个…良的3个…中的0个) or closing them (优秀9项；
    良好8项；合格3项。共计20项): grades are a partition of what was graded, so the counts make up the total — declared
    when they add up to it or exceed it (no partition can), as a grade unmentioned may hold the rest when they fall
    short; a closing 共计 names them all, so it is declared whether or not they add up."""
    out = []
    k = 0
    while k < len(figures):
        first = figures[k]
        if _grade(first) is None:
            k += 1
            continue
        parts, after = [first], None
        for j in range(k + 1, len(figures)):
            m = figures[j]
            if not _alike(first, m):
                continue
            grade = _grade(m)
            if grade is None or grade in {_grade(p) for p in parts}:
                after = j
                break
            parts.append(m)
        alike_before = [j for j in range(k) if _alike(first, figures[j])]
        whole = figures[alike_before[-1]] if alike_before else None
        total = sum((p.quantity.value for p in parts), Decimal(0))
        if len(parts) >= 2 and whole is not None and id(whole) not in inside and _grade(whole) is None \
                and not _CHANGE_VERB.search(whole.lead) and total >= whole.quantity.value:
            out.append(_summed(whole, parts))
        elif len(parts) >= 2 and after is not None and _GRADES_CLOSED.search(_gap(figures, after)):
            out.append(_summed(figures[after], parts))
        k = after if after is not None else len(figures)
    return out


_GRADES_CLOSED = re.compile(r"(?:共计|合计|总计|共)\s*[为是达有]?[，,：:]?\s*$")


_SUBTOTAL = re.compile(r"合计\s*[为是达]?\s*$")
_GRAND = re.compile(r"总计\s*[为是达]?\s*$")
_BEYOND = re.compile(r"此外|另外|另有")
_AMONG = re.compile(r"其中|包括|包含")


def _beyond(figures: list[Mention]) -> list[Listed]:
    """An account's 总计 made of its 合计 and the items stated 此外 (收入总计512.40万元，其中本年收入合计500.00万元，此外
    用事业基金弥补收支差额0万元、年初结转和结余12.40万元; or 本年收入合计…。此外，…，收入总计…): the 总计 holds what
    stands beyond the year's 合计, so the identity is declared whether or not they add up. The 总计 is the figure the
    合计 is listed under (其中) or the one closing the items."""
    out = []
    for a, sub in enumerate(figures):
        if not _SUBTOTAL.search(sub.lead) or a + 1 >= len(figures) or not _BEYOND.search(_gap(figures, a + 1)):
            continue
        grand = figures[a - 1] if a and _GRAND.search(figures[a - 1].lead) and _AMONG.search(_gap(figures, a)) \
            and _alike(sub, figures[a - 1]) else None
        items: list[Mention] = []
        for k in range(a + 1, len(figures)):
            m = figures[k]
            if not _alike(sub, m) or k > a + 1 and m.order[1] != figures[a + 1].order[1]:
                break
            if _GRAND.search(m.lead) and items:
                grand = grand or m
                break
            items.append(m)
        if grand is not None and items:
            out.append(_summed(grand, [sub, *items]))
    return out


def _alike(a: Mention, b: Mention) -> bool:
    """Figures of one unit, or of money in any of its units (a total in 元, its parts in 万元)."""
    x, y = canonical_unit(a.quantity.unit), canonical_unit(b.quantity.unit)
    return x == y or x in UNITS and y in UNITS and UNITS[x].dimension == UNITS[y].dimension == "money"


def _added(figures: list[Mention], k: int, first: Mention) -> tuple[list[Listed], int]:
    """From the first figure 加上 adds (at k): the figures added, up to the total that closes them."""
    parts = [first]
    while k < len(figures) and _alike(first, figures[k]):
        gap = _gap(figures, k)
        if len(parts) > 1 and _CLOSE.search(gap):
            return [_summed(figures[k], parts)], k + 1
        if len(parts) > 1 and not _ADD.search(gap):
            break
        parts.append(figures[k])
        k += 1
    return [], k


def _composed(figures: list[Mention], k: int, whole: Mention) -> tuple[list[Listed], int]:
    """From the first figure after 由 (at k): its parts, to the 构成 that ends the sentence's list."""
    parts: list[Mention] = []
    sentence = figures[k].order[1]
    while k < len(figures) and figures[k].order[1] == sentence and _alike(whole, figures[k]):
        parts.append(figures[k])
        k += 1
    if len(parts) < 2 or whole in parts or not _MADE_OF.match(parts[-1].where.text[parts[-1].end:]):
        return [], k
    return [_summed(whole, parts)], k


def _summed(whole: Mention, parts: list[Mention]) -> Listed:
    """The total and its parts, judged at the parts' precision when they are written in a coarser unit of money
    (24,506,012.34元 of parts in 万元 to two decimals: see core.quantity.adds_up)."""
    return Listed(whole, tuple(parts), "summed", adds_up(whole.quantity, [p.quantity for p in parts]))
