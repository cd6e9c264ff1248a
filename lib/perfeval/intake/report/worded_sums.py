"""Totals and parts no opener announces, where the words and the sum both say the parts make up the total.

Three shapes reports write without 其中:
- grade groups: “本年评价项目20个。评价为优等的12个…；良等6个…；中等2个；差等0个” (or closed after them: “…共计20个”);
- what was spent and what is left of what was given: “下达资金100万元，已使用85万元，结余15万元”;
- a 决算's 总计 and the items beside its 合计: “收入总计600万元，其中本年收入合计500万元，此外年初结转和结余100万元”.
Each is declared only when the parts, all stated exactly in the total's unit, add up to it exactly: without an opener
only the sum and the words together say they are its parts (收入100万元，支出60万元，结余40万元 names none of them).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from ...core.quantity import Qualifier, adds_up, canonical_unit, commensurable
from .mentions import Mention

Sum = tuple[Mention, tuple[Mention, ...], Literal["inline", "summed"]]  # (total, its parts, how they are set down)

# A grade a group is named by: a word of grade (优秀, 良好, 合格 …), or one character of it in quotes, as a grade
# (优等, 良级) or after the verb that gives it (评为优的): 整改中的 holds 中 but names no grade.
_GRADE = re.compile(r"(?:^|[为是：:，,])?(?:优秀|良好|优等|良等|中等|差等|不合格|合格|较差|[“\"‘][优良中差][”\"’]|"
                    r"[优良中差](?:等|级|档)|(?<=[为是])[优良中差]|^[优良中差])"
                    r"(?:等次|等级)?的?(?:项目|单位)?[：:]?$")
_CLOSING = re.compile(r"(?:共计|合计|总计|共)$")
_GIVEN = re.compile(r"(?:下达|到位|拨付|拨入|安排|收到|预算|批复)")
_SPENT = re.compile(r"(?:已?(?:使用|支出|支付|执行|拨付|兑付|发放))")
_LEFT = re.compile(r"(?:结余|结转|剩余|尚未(?:使用|支付|拨付)|未(?:使用|支付))")
_OUTSIDE = re.compile(r"(?:此外|另外|另有)")
MAX_GRADES = 6  # grade groups one list may hold (优, 良, 中, 差 and the like)


def _exact(m: Mention) -> bool:
    return not m.is_rate and bool(m.quantity.unit) and m.quantity.qualifier is Qualifier.EXACT \
        and m.quantity.value >= 0


def _alike(a: Mention, b: Mention) -> bool:
    return canonical_unit(a.quantity.unit) == canonical_unit(b.quantity.unit) \
        or commensurable(a.quantity.unit, b.quantity.unit)


def _holds(whole: Mention, parts: list[Mention]) -> bool:
    return len(parts) >= 2 and all(_alike(whole, p) for p in parts) \
        and adds_up(whole.quantity, [p.quantity for p in parts])


def worded_sums(mentions: Iterable[Mention]) -> list[Sum]:
    """The lists of the three shapes, paragraph by paragraph (mentions in reading order)."""
    by_block: dict[int, list[Mention]] = {}
    for m in mentions:
        by_block.setdefault(m.where.block, []).append(m)
    out: list[Sum] = []
    for block in by_block.values():
        ordered = sorted((m for m in block if _exact(m)), key=lambda m: m.order)
        out += _grade_groups(ordered) + _spent_and_left(ordered) + _beside_the_sum(ordered)
    return out


def _grade_groups(ordered: list[Mention]) -> list[Sum]:
    """Counts of two or more grades in a row (figures of another unit between them: 涉及资金300万元, 占60%) under the
    count of the same unit stated just before them, or closing them (共计20个)."""
    out: list[Sum] = []
    k = 0
    while k < len(ordered):
        if not _GRADE.search(ordered[k].lead.strip()):
            k += 1
            continue
        unit = canonical_unit(ordered[k].quantity.unit)
        run, j = [], k
        while j < len(ordered) and len(run) < MAX_GRADES:
            m = ordered[j]
            if canonical_unit(m.quantity.unit) == unit:
                if not _GRADE.search(m.lead.strip()):
                    break
                run.append(m)
            j += 1
        before = [m for m in ordered[:k] if canonical_unit(m.quantity.unit) == unit][-1:]
        after = [m for m in ordered[j:j + 1] if canonical_unit(m.quantity.unit) == unit
                 and _CLOSING.search(m.lead.strip())]
        grades = {g.group(0) for m in run if (g := _GRADE.search(m.lead.strip()))}
        if len(grades) >= 2 and before and _holds(before[0], run):
            out.append((before[0], tuple(run), "inline"))
        elif len(grades) >= 2 and after and _holds(after[0], run):
            out.append((after[0], tuple(run), "summed"))
        k = max(j, k + 1)
    return out


def _spent_and_left(ordered: list[Mention]) -> list[Sum]:
    """What was given (下达, 到位, 拨付 …), then what of it was spent and what is left, adding up to it."""
    out: list[Sum] = []
    for k, whole in enumerate(ordered[:-2]):
        if not _GIVEN.search(whole.lead) or _SPENT.search(whole.lead) or _LEFT.search(whole.lead):
            continue
        spent, left = ordered[k + 1], ordered[k + 2]
        if _SPENT.search(spent.lead) and _LEFT.search(left.lead) and not _LEFT.search(spent.lead) \
                and _holds(whole, [spent, left]):
            out.append((whole, (spent, left), "summed"))
    return out


def _beside_the_sum(ordered: list[Mention]) -> list[Sum]:
    """A 总计 whose 合计 is followed by the items stated beside it (此外, 另外: 年初结转和结余, 用事业基金弥补收支差额),
    all of one sentence, making it up."""
    out: list[Sum] = []
    for k, whole in enumerate(ordered):
        if "总计" not in whole.lead:
            continue
        sentence = [m for m in ordered[k + 1:] if m.order[1] == whole.order[1]]
        summed = next((m for m in sentence if "合计" in m.lead), None)
        if summed is None:
            continue
        beside = [m for m in sentence if m.order > summed.order and _alike(whole, m)]
        if beside and _OUTSIDE.search(beside[0].lead) and _holds(whole, [summed, *beside]):
            out.append((whole, (summed, *beside), "summed"))
    return out
