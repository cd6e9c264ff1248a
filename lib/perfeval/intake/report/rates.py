"""A stated percentage and the figures near it: which reading reproduces it at the precision it is written.

Readings are a share a ÷ b and, when the words speak of a change (变动率, 较上年增长/下降, 同比), a change
(a − b) ÷ b. Operands are the other figures of the rate's own sentence (a table rate: its row); when the
sentence holds only one, figures earlier in its paragraph may complete the pair (“其他支出2.51万元，占0.07%”).
Exactly one reading that agrees explains the rate; several leave it ambiguous unless one divides by the total
a list puts its numerator under; none leaves it unexplained, except where the words name the change and its two
years, which is then the claim that does not hold. Figures stated with 余, 约 or 以上 do not explain rates.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Literal

from ...core.quantity import Qualifier, agrees, commensurable
from ...core.script import simplified
from .lists import Listed, whole_of_a_share
from .mentions import Mention, clean_label

_CHANGE_WORDS = re.compile(r"变动率|变化率|增长|增加|上升|增幅|下降|减少|降低|降幅|减幅|下滑|回落|节约|压减|同比|较上年|比上年|"
                           r"较去年|比去年")
_AMOUNT = re.compile(r"(?:增加|减少|增长|下降|多|少|节约|增|减)了?$")  # 收入减少477288.6元: the amount of a change
# Words that make a change a fall (下降 5% is −5 %), one definition for every rate the reader explains: 负增长,
# 同比下滑, 回落, 比上年少, 减幅 as well as 下降 and 减少.
DOWN_WORDS = re.compile(r"下降|减少|降低|降幅|减幅|节约|压减|缩减|负增长|下滑|回落|"
                        r"(?:较|比)(?:上年度?|去年|上一年度?)(?:同期)?(?:[决预]算数?|支出)?少|同比少")
# A figure that is the change itself, not last year's value (较上年增加292.37万元; 比2019年(疫情前)决算数减少24.87万元).
_DIFFERENCE = re.compile(r"(?:较|比)(?:上年度?|去年|上一年度?|(?:19|20)\d{2}+\s*+年度?(?:[(（][^()（）]{0,8}+[)）])?)(?:同期)?"
                         r"(?:[决预]算数?|执行数)?"
                         r"(?:增加|减少|增长|下降|上升|降低|多|少|节约)")
# Words that compare with last year earlier in a sentence (与2022年相比，收、支总计各增加120.50万元): a figure
# whose own words end in a change verb after them is the amount of that change.
_COMPARED = re.compile(r"(?:较|比|与|同)(?:上年度?|去年|上一年度?|(?:19|20)\d{2}\s*年度?)(?:同期)?(?:相比|比较|对比)?|同比")
Status = Literal["explained", "contradicted", "unexplained", "ambiguous"]


@dataclass(frozen=True)
class Reading:
    """A way of computing a rate from two stated figures: share = a ÷ b × 100, change = (a − b) ÷ b × 100."""

    kind: Literal["share", "change"]
    numerator: Mention  # the new value of a change
    denominator: Mention  # the old value of a change, or the amount of it when `by` says so
    value: Decimal  # the computed rate, in %, as the words state it: a fall (下降 5%) of −5% reads 5
    by: Literal["increase", "decrease"] | None = None  # a change stated with its amount (较上年增加/减少 b)

    def formula(self) -> str:
        a, b = self.numerator, self.denominator
        if self.by is not None:
            sign = "−" if self.by == "increase" else "+"
            return f"{b.label or b.written} {b.written} ÷（{a.label or a.written} {a.written} {sign} {b.written}）× 100%"
        if self.kind == "share":
            return f"{a.label or a.written} {a.written} ÷ {b.label or b.written} {b.written} × 100%"
        return f"（{a.label or a.written} {a.written} − {b.label or b.written} {b.written}）÷ {b.written} × 100%"


@dataclass(frozen=True)
class RateFound:
    """What the reader made of one stated rate."""

    rate: Mention
    status: Status
    reading: Reading | None = None
    others: tuple[Reading, ...] = ()
    why: str = ""
    measure: str | None = None  # the framework's measure that gives the rate from figures stated elsewhere

    @property
    def falls(self) -> bool:
        """The words state a fall (下降 5%): the rate is the negative change."""
        return bool(DOWN_WORDS.search(self.rate.clause)) and self.rate.quantity.value > 0


def _operand(m: Mention) -> bool:
    return not m.is_rate and bool(m.quantity.unit) and m.quantity.qualifier is Qualifier.EXACT


def _compute(kind: str, a: Mention, b: Mention) -> Decimal | None:
    den = b.quantity.value
    if den <= 0:
        return None
    num = a.quantity.to(b.quantity.unit).value
    with localcontext() as ctx:
        ctx.prec = 28
        return num / den * 100 if kind == "share" else (num - den) / den * 100


def _readings(rate: Mention, operands: list[Mention], change: bool) -> Iterable[Reading]:
    down = -1 if DOWN_WORDS.search(rate.clause) and rate.quantity.value > 0 else 1
    for a in operands:
        for b in operands:
            if a is b or not commensurable(a.quantity.unit, b.quantity.unit):
                continue
            for kind in ("share", "change") if change else ("share",):
                if kind == "change" and (is_difference(a) or is_difference(b)):
                    continue  # an amount of change is no value of either year (its reading is _by_difference's)
                value = _compute(kind, a, b)
                if value is not None:
                    # kind is one of Reading's kinds
                    yield Reading(kind, a, b, value * (down if kind == "change" else 1))  # type: ignore[arg-type]


def explain(rate: Mention, sentence: list[Mention], paragraph: list[Mention], lists: list[Listed]) -> RateFound:
    """The reading of one rate from the figures of its sentence (and, to complete a pair, its paragraph)."""
    change = bool(_CHANGE_WORDS.search(rate.clause + rate.label))
    near = _nearest([m for m in sentence if _operand(m)], rate)
    agreeing = [r for r in _readings(rate, near, change) if agrees(rate.percent, r.value) and _evidence(rate, r)]
    if not agreeing and not change and _ADJUSTMENT_RATE.search(simplified(rate.label)):
        agreeing = [r for r in _readings(rate, near, True) if r.kind == "change" and agrees(rate.percent, r.value)]
    if not agreeing and len(near) == 1:
        wider = near + [m for m in paragraph if _operand(m) and m not in near and m.order < rate.order][-NEAR_BEFORE:]
        agreeing = [r for r in _readings(rate, wider, change) if agrees(rate.percent, r.value)
                    and near[0] in (r.numerator, r.denominator) and _evidence(rate, r)]
    subject = [m for m in near if m.order < rate.order and not is_difference(m) and not bracketed_before(m, rate)][-1:]
    if not agreeing and not change and len(near) > 1 and subject:
        agreeing = _share_of_earlier(rate, subject[0], near, paragraph)
    if len(agreeing) > 1:
        named = _named_change(rate, near, change)
        agreeing = _prefer_list_totals(agreeing, lists) or [r for r in agreeing if named is not None and (
            r.kind, r.numerator, r.denominator) == ("change", named.numerator, named.denominator)] or agreeing
        agreeing = _share_of_none(agreeing)
    if len(agreeing) == 1:
        return RateFound(rate, "explained", agreeing[0], why=agreeing[0].formula())
    if agreeing:
        return RateFound(rate, "ambiguous", None, tuple(agreeing),
                         "多种算法都得出该比率：" + "；".join(r.formula() for r in agreeing))
    by_difference = _by_difference(rate, near, paragraph) if change else None
    if by_difference is not None and not agrees(rate.percent, by_difference.value):
        by_difference = _of_the_list(rate, by_difference, lists)
    if by_difference is not None:
        holds = agrees(rate.percent, by_difference.value)
        return RateFound(rate, "explained" if holds else "contradicted", by_difference,
                         why=f"按变动额口径 {by_difference.formula()} 重算为 {_pct(by_difference.value, rate)}")
    named = _named_change(rate, near, change)
    if named is not None:
        return RateFound(rate, "contradicted", named, why=f"按所述口径 {named.formula()} 重算为 {_pct(named.value, rate)}")
    if not near:
        return RateFound(rate, "unexplained", why="同句未载明可据以复算的数字")
    return RateFound(rate, "unexplained", why="邻近数字的占比或变动率都得不出该比率")


_ADJUSTMENT_RATE = re.compile(r"调[整剂](?:比例|比率|率)")  # 预算调剂比例34.14%: 全年 over 年初, when no adjustment's
# amount stated beside them gives it as a share


def bracketed_before(m: Mention, rate: Mention) -> bool:
    """Is the figure inside a bracket closed before the rate (收入600.00万元（其中，…，政府性基金100.00万元），占60.00%: the
    100 is an aside; the share is of the figure before the bracket)?"""
    if m.where.text != rate.where.text or m.end > rate.start:
        return False
    between = rate.where.text[m.end:rate.start]
    return sum(between.count(c) for c in "）)") > sum(between.count(c) for c in "（(")


def _evidence(rate: Mention, reading: Reading) -> bool:
    """Does a reading that reproduces a rate say anything? Nothing is 0% of any figure: 0元，完成年初预算的0% is no share
    of the budget beside it (the total's, not the part's), nor 增加0元，增长0% of the total's change — unless the words
    make it a share (占0%, 占总收入的0%: see _share_of_none)."""
    if rate.quantity.value != 0 or reading.kind != "share" or reading.numerator.quantity.value != 0:
        return True
    return clean_label(rate.label).startswith("占") or rate.lead.lstrip().startswith("占")


_PLANNED = re.compile(r"预算|计划|批复|下达|安排|核定|目标|总额")  # words naming what a 执行率/到位率/完成率 divides by
_RATE_OF_PLAN = re.compile(r"(?:执行|到位|完成|拨付|支出|使用|兑现|控制)(?:进度率?|率)")  # 控制率: 三公 spent ÷ budget


def explain_from_section(found: RateFound, sentence: list[Mention], section: list[Mention]) -> RateFound:
    """A rate of what was done against what was planned (资金到位率, 项目执行率) whose sentence states only what
    was done: the plan stated earlier in its section, named so (…经费预算10441万元), when exactly one such value gives
    the rate (“10441万元资金全部拨付到位，资金到位率100%” under the budget stated in the part before)."""
    rate = found.rate
    near = [m for m in sentence if _operand(m)]
    if found.status != "unexplained" or len(near) != 1 or not _RATE_OF_PLAN.search(rate.label):
        return found
    done = near[0]
    planned = [m for m in section if _operand(m) and m.order < rate.order and m is not done
               and _PLANNED.search(m.label) and commensurable(m.quantity.unit, done.quantity.unit)]
    readings = [r for m in planned if (r := _share(done, m)) is not None and agrees(rate.percent, r.value)]
    if len({r.denominator.quantity.value for r in readings}) != 1:
        return found
    return RateFound(rate, "explained", readings[0], why=readings[0].formula())


_ON_LAST_YEAR = re.compile(r"(?:较|比)(?:上年度?|去年|上一年度?)(?:同期)?|同比")
_LAST_YEAR = re.compile(r"上年|去年|上一年")


def change_from_section(found: RateFound, section: list[Mention], year: int | None) -> RateFound:
    """A change on last year whose sentence names its subject but not both its years (2023年培训经费较上年下降10%),
    explained by the two figures its part of the report states under that subject, this year's and last year's
    (2022年培训经费20.00万元 … 2023年培训经费18.00万元), when exactly one value of each stands there."""
    rate = found.rate
    if found.status != "unexplained" or year is None or not _ON_LAST_YEAR.search(rate.lead):
        return found
    subject = clean_label(_ON_LAST_YEAR.split(rate.lead)[0])
    if len(subject) < MIN_SUBJECT:
        return found
    named = [m for m in section if _operand(m) and clean_label(m.label).endswith(subject)]
    old = [m for m in named if m.year == year - 1 or (m.year is None and _LAST_YEAR.search(m.lead))]
    new = [m for m in named if (m.year == year or m.year is None) and not _LAST_YEAR.search(m.lead)]
    if len({m.quantity.value for m in old}) != 1 or len({m.quantity.value for m in new}) != 1 \
            or not commensurable(old[0].quantity.unit, new[0].quantity.unit):
        return found
    value = _compute("change", new[0], old[0])
    if value is None:
        return found
    down = -1 if DOWN_WORDS.search(rate.clause) and rate.quantity.value > 0 else 1
    reading = Reading("change", new[0], old[0], value * down)
    status: Status = "explained" if agrees(rate.percent, reading.value) else "contradicted"
    return RateFound(rate, status, reading, why=f"按所述口径 {reading.formula()} 重算为 {_pct(reading.value, rate)}")


def change_by_amount_of_named(found: RateFound, sentence: list[Mention], stated: Sequence[Mention],
                              year: int | None, catalogue: Callable[[str], Mention | None] | None = None) -> RateFound:
    """A change stated with its amount whose sentence states neither year's value (2023年部门整体支出较上年增加150.00万元，
    增长9.00%): the new value is the figure the report states under the change's subject for the year evaluated
    (2023年本中心部门整体支出1800.00万元, in another paragraph or part), when exactly one value stands under it, or else
    the catalogue figure its words name (`catalogue`: a table's 三公经费 决算数, trial 7 X31) — the words name the
    reading, amount ÷ (new ∓ amount), so a wrong rate is the claim that does not hold."""
    rate = found.rate
    if found.status != "unexplained" or year is None:
        return found
    before = [m for m in sentence if _operand(m) and m.order < rate.order]
    if len(before) != 1 or not is_difference(before[0]) or not _ON_LAST_YEAR.search(before[0].lead):
        return found
    amount = before[0]
    subject = clean_label(_ON_LAST_YEAR.split(amount.lead)[0])
    if len(subject) < MIN_NAMED_SUBJECT:
        return found
    named = [m for m in stated if _operand(m) and m is not amount and not is_difference(m) and m.order < rate.order
             and _bare_subject(clean_label(m.label)).endswith(_bare_subject(subject)) and (m.year == year or m.year is None)
             and not _LAST_YEAR.search(m.lead) and commensurable(m.quantity.unit, amount.quantity.unit)]
    if not named and catalogue is not None:
        figure = catalogue(subject)
        named = [figure] if figure is not None and commensurable(figure.quantity.unit, amount.quantity.unit) else []
    if len({m.quantity.to(amount.quantity.unit).value for m in named}) != 1:
        return found
    reading = _by_difference(rate, [named[-1], amount], [])
    if reading is None:
        return found
    status: Status = "explained" if agrees(rate.percent, reading.value) else "contradicted"
    return RateFound(rate, status, reading, why=f"按变动额口径 {reading.formula()} 重算为 {_pct(reading.value, rate)}")


_SUBJECT_TAIL = re.compile(r"(?:支出|开支)?(?:[决预]算数?|执行数|实际数)?(?:合计|总计|共计|总额|金额)?$")


def _bare_subject(words: str) -> str:
    """What a subject names without the words of a total or a column after it: 三公经费 of 三公经费支出合计 (a change
    of “三公”经费 is one of the 支出合计 stated under it); the words whole when fewer than MIN_NAMED_SUBJECT are left
    (项目支出 is no 项目)."""
    bare = _SUBJECT_TAIL.sub("", words)
    return bare if len(bare) >= MIN_NAMED_SUBJECT else words


MIN_NAMED_SUBJECT = 4  # characters of a subject looked for across the report (部门整体支出), not 支出 alone


MIN_SUBJECT = 2  # characters of the words naming what a change is of (培训经费)


def done_over_planned(found: RateFound) -> RateFound:
    """Of several readings of a rate of what was done against what was planned, the one its words name: 完成预算的100%
    divides by the figure named 预算; a 执行率 / 到位率 / 使用率 divides what was done (执行数, 已使用) by the other
    figure; of two budgets of one value, the year's whole budget (全年预算数, 调整后预算) rather than the opening one —
    a form's row where 执行数 equals 预算数 gives 100% both ways."""
    if found.status != "ambiguous":
        return found
    shares = [r for r in found.others if r.kind == "share"]
    of = _OF_NAMED.search(found.rate.lead)
    named = _RATE_OF_PLAN.search(simplified(found.rate.label + (found.rate.where.column or "")))
    own: list[Reading] = []
    if of is not None:
        word = of.group(1)
        own = [r for r in shares if word in r.denominator.label and word not in r.numerator.label]
    elif named is not None:  # a table's words in traditional characters (執行數 / 預算數) read as in simplified
        own = [r for r in shares if _DONE.search(simplified(r.numerator.label))
               and not _DONE.search(simplified(r.denominator.label))]
    if len({id(r.denominator) for r in own}) > 1:
        own = [r for r in own if _WHOLE_YEAR.search(simplified(r.denominator.lead))] or own
    if len(own) != 1:
        return found
    return RateFound(found.rate, "explained", own[0], why=own[0].formula())


_BY_AMOUNT = re.compile(r"(?:调增|调减|调整了|追加|增加|减少|核减)(?:预算|资金|经费)?$")  # an adjustment's size (追加预算),
# not the budget


def done_over_the_years_budget(found: RateFound, sentence: list[Mention], paragraph: Sequence[Mention] = ()) -> RateFound:
    """A 执行率 / 到位率 / 完成率 that no reading of its sentence gives, where the sentence states one figure of what
    was done and the year's budget or plan (年初预算3600.00万元，年中预算调整为3800.00万元，全年执行3752.48万元，预算执行率
    99.50%; 计划完成巡查1400公里，实际完成1500公里，完成率为105%), or only what was done with the plan stated in the
    sentence just before it in its paragraph (全年计划下达资金800.00万元。截至年底，实际到位760.00万元，资金到位率98%):
    the words name the reading — done over the year's whole budget (the adjusted one when stated) — so it is the
    claim that does not hold, not a rate left unexplained."""
    rate = found.rate
    if found.status != "unexplained" or not _RATE_OF_PLAN.search(simplified(rate.label)):
        return found
    before = [m for m in sentence if _operand(m) and m.order < rate.order and not is_difference(m)]
    done = [m for m in before if _DONE.search(m.label) and not _is_planned(m)]
    planned = [m for m in before if _is_planned(m)]
    if not planned and len(done) == 1 and len(before) == 1:
        sentence_before = rate.order[1] - 1
        planned = [m for m in paragraph if m.order[1] == sentence_before and _operand(m) and _is_planned(m)
                   and not is_difference(m)]
    planned = [m for m in planned if _WHOLE_YEAR.search(m.lead)] or planned  # 全年预算: the label drops 全年
    if len(done) != 1 or len(planned) != 1 or not commensurable(done[0].quantity.unit, planned[0].quantity.unit):
        return found
    adjusted = [m for m in before if _ADJUSTMENT_SIZE.search(simplified(m.label))
                and commensurable(m.quantity.unit, planned[0].quantity.unit)]
    if len(adjusted) == 1:  # 年初预算1000万元，年中预算调整150万元，全年支出1100万元，执行率95.65%: over the budget adjusted
        # either way, as its words leave the direction open; never over the opening budget alone
        return _over_adjusted(found, done[0], planned[0], adjusted[0])
    reading = _share(done[0], planned[0])
    if reading is None:
        return found
    return RateFound(rate, "contradicted", reading, why=f"按所述口径 {reading.formula()} 重算为 {_pct(reading.value, rate)}")


def adjustment_over_opening(found: RateFound, sentence: list[Mention]) -> RateFound:
    """A 预算调整率 / 调剂比例 that no reading of its sentence gives, where the sentence states before it the opening
    budget and either the adjustment's size (年初预算2860.00万元，年中追加564.75万元，预算调整率17.95%) or the year's
    whole budget (年初预算…，调整后预算…): the words name the reading — the adjustment over the opening budget — so it
    is the claim that does not hold, not a rate left unexplained (trial 7 X2: a rate kept only when it held)."""
    rate = found.rate
    if found.status != "unexplained" or not _ADJUSTMENT_RATE.search(simplified(rate.label)):
        return found
    before = [m for m in sentence if _operand(m) and m.order < rate.order and not m.is_rate]
    opening = [m for m in before if _OPENING.search(simplified(m.lead)) and _is_planned(m)]
    size = [m for m in before if m not in opening and (_ADJUSTMENT_SIZE.search(simplified(m.label))
                                                       or _BY_AMOUNT.search(simplified(m.lead)))]
    whole = [m for m in before if m not in opening and m not in size and _is_planned(m)
             and _WHOLE_YEAR.search(simplified(m.lead))]
    if len(opening) != 1:
        return found
    reading = _share(size[0], opening[0]) if len(size) == 1 else \
        reading_of("change", whole[0], opening[0]) if len(whole) == 1 and not size else None
    if reading is None:
        return found
    return RateFound(rate, "contradicted", reading, why=f"按所述口径 {reading.formula()} 重算为 {_pct(reading.value, rate)}")


_OPENING = re.compile(r"年初")  # the opening budget an adjustment is measured against


def _over_adjusted(found: RateFound, done: Mention, opening: Mention, adjustment: Mention) -> RateFound:
    size = adjustment.quantity.to(opening.quantity.unit).value
    for whole in (opening.quantity.value + size, opening.quantity.value - size):
        if whole > 0 and agrees(found.rate.percent, done.quantity.to(opening.quantity.unit).value / whole * 100):
            return RateFound(found.rate, "explained", None, why=f"{done.label or done.written} {done.written} ÷（"
                             f"{opening.label} {opening.written} ± {adjustment.label} {adjustment.written}）× 100%")
    return found


def reading_of(kind: Literal["share", "change"], a: Mention, b: Mention, falls: bool = False) -> Reading | None:
    """A share a ÷ b or a change (a − b) ÷ b of two given figures (a framework measure's own), stated as a fall
    when the words say so; None when it cannot be computed."""
    value = _compute(kind, a, b) if commensurable(a.quantity.unit, b.quantity.unit) else None
    if value is None:
        return None
    return Reading(kind, a, b, -value if falls and kind == "change" else value)


def over_the_whole(found: RateFound, wholes: Mapping[int, Mention]) -> RateFound:
    """A rate of what was done read over an opening budget (年初预算) that the report adjusts (年中追加, 调减) or whose
    whole it states: read again over the year's whole budget, which 执行率 and 控制率 divide by — explained or
    contradicted by it, never judged against a part. A rate whose words name the opening budget (年初预算执行率,
    占年初预算的) keeps it, as does an adjustment's rate (预算调整率: the adjustment over the opening budget)."""
    reading = found.reading
    if reading is None or reading.kind != "share" or id(reading.denominator) not in wholes \
            or "年初" in found.rate.label + found.rate.lead or _ADJUSTMENT_RATE.search(simplified(found.rate.label)):
        return found
    again = _share(reading.numerator, wholes[id(reading.denominator)])
    if again is None:
        return found
    holds = agrees(found.rate.percent, again.value)
    return RateFound(found.rate, "explained" if holds else "contradicted", again,
                     why=again.formula() if holds else f"按全年预算 {again.formula()} 重算为 {_pct(again.value, found.rate)}")


_RATE_OF_SAVING = re.compile(r"(?:节约|节支|节省|节资)率")
_SAVED = re.compile(r"节约|节支|节省|节资")


def saved_over_planned(found: RateFound, sentence: list[Mention]) -> RateFound:
    """A rate of saving (资金节约率, 节支率) whose sentence states what was saved and what was planned (政府采购预算
    200.00万元，实际采购金额195.50万元，节约资金4.50万元，资金节约率2.25%): the words name the reading — saved ÷ planned —,
    so it is the claim the rate makes whatever its value, never a bare figure (trial 4 U25)."""
    rate = found.rate
    if found.status not in ("unexplained", "ambiguous") or not _RATE_OF_SAVING.search(simplified(rate.label)):
        return found
    before = [m for m in sentence if _operand(m) and m.order < rate.order]
    saved = [m for m in before if _SAVED.search(m.label)]
    planned = [m for m in before if _is_planned(m) and not _SAVED.search(m.label)]
    if len(saved) != 1 or len(planned) != 1:
        return found
    reading = _share(saved[0], planned[0])
    if reading is None:
        return found
    holds = agrees(rate.percent, reading.value)
    return RateFound(rate, "explained" if holds else "contradicted", reading,
                     why=reading.formula() if holds else f"按所述口径 {reading.formula()} 重算为 {_pct(reading.value, rate)}")


@dataclass
class NamedEarlier:
    """The figures a report states, by the words that name them, for rates whose sentence states one of their two
    figures and names the other by words stated earlier (see explain). Built once per report: a rate looks up the
    words of the WINDOW characters before it, and at most MAX_SEARCHED rates of a report are searched, so the work is
    linear in the figures whatever their number."""

    stated: Sequence[Mention]
    searched: int = 0
    _by_words: dict[str, list[Mention]] | None = None
    _sentences: dict[int, dict[int, str]] | None = None  # paragraph → its sentences' texts by their index

    @classmethod
    def of(cls, stated: Sequence[Mention]) -> NamedEarlier:
        return cls(stated)

    def _index(self) -> tuple[dict[str, list[Mention]], dict[int, dict[int, str]]]:
        """Built at the first rate searched: a report whose rates its sentences explain pays nothing for it."""
        if self._by_words is None or self._sentences is None:
            self._by_words, self._sentences = {}, {}
            for m in self.stated:
                self._sentences.setdefault(m.where.block, {})[m.order[1]] = m.where.text
                words = _NAMING_YEAR.sub("", clean_label(m.label))
                if _operand(m) and MIN_NAMED_SUBJECT <= len(words) <= MAX_NAMING and not is_difference(m):
                    self._by_words.setdefault(words, []).append(m)
        return self._by_words, self._sentences

    def explain(self, found: RateFound, sentence: list[Mention]) -> RateFound:
        """A share (公务接待费支出3,080元，占11.81% after “三公”经费…支出决算为26,085.58元 in the part before, the
        paragraph opening 2022年度…“三公”经费支出决算中) or a change stated with its amount (公务用车运行费用较上年同期
        增加2.27万元，增长29.37% after 公务用车运行费用10万元) whose other figure stands earlier in the report under
        words the rate's paragraph says before it: explained when exactly one such figure gives the rate at the
        precision it is written; a rate any figures give (0%, 100%, 50%) is left as it is."""
        rate = found.rate
        if found.status != "unexplained" or not _DISTINCTIVE.search(_significant(rate)) \
                or self.searched >= MAX_SEARCHED:
            return found
        before = [m for m in sentence if m.order < rate.order and (_operand(m) or m.is_rate)][-1:]
        if not before or not _operand(before[0]):
            return found
        self.searched += 1
        known = before[0]
        by_words, sentences = self._index()
        earlier = sentences.get(rate.where.block, {})
        text = "".join(t for k, t in sorted(earlier.items()) if k < rate.order[1]) + rate.where.text[:rate.start]
        text = text[-WINDOW:]
        named = {id(m): m for size in range(MIN_NAMED_SUBJECT, min(MAX_NAMING, len(text)) + 1)
                 for at in range(len(text) - size + 1) for m in by_words.get(text[at:at + size], ())
                 if m.order < rate.order and m.where.text != rate.where.text
                 and commensurable(m.quantity.unit, known.quantity.unit)}.values()
        change = bool(_CHANGE_WORDS.search(rate.clause + rate.label))
        if change and _AMOUNT.search(known.lead):
            readings = [r for m in named if (r := _by_amount(m, known)) is not None]
        elif not change:
            readings = [r for m in named if (r := _share(known, m)) is not None]
        else:
            return found
        agreeing = [r for r in readings if agrees(rate.percent, r.value)]
        if len({r.denominator.quantity.value if r.kind == "share" else r.numerator.quantity.value
                for r in agreeing}) != 1:
            return found
        return RateFound(rate, "explained", agreeing[0], why=agreeing[0].formula())


WINDOW = 160  # characters before a rate in which the words naming its other figure are looked for
MAX_NAMING = 24  # characters of the longest words looked up as naming a figure
MAX_SEARCHED = 500  # rates of one report searched for a figure named earlier


def _by_amount(new: Mention, amount: Mention) -> Reading | None:
    """The change an amount makes to last year's value, new ∓ amount (the reading _by_difference gives)."""
    sign = -1 if DOWN_WORDS.search(amount.lead) or amount.lead.endswith(("减", "减了")) else 1  # 较上年决算数减65.62万元
    old = new.quantity.value - sign * amount.quantity.to(new.quantity.unit).value
    if old <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        value = amount.quantity.to(new.quantity.unit).value / old * 100
    return Reading("change", new, amount, value, "increase" if sign > 0 else "decrease")


def _significant(m: Mention) -> str:
    q = m.quantity
    return (f"{q.value:.{q.places}f}" if q.places > 0 else format(q.value, "f")).replace(".", "").strip("0")


_DISTINCTIVE = re.compile(r"\d{2}")  # two significant digits at least: 4.14%, 29.37%, not 5% nor 100%
_NAMING_YEAR = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?|本年度?|上年度?)")


_BARE_SHARE = re.compile(r"^(?:占|占比|所占比[重例]|占比[重例])(?:为|是|达)?$")  # 占35%: a share that names no whole


def share_of_its_list(found: RateFound, sentence: list[Mention], lists: list[Listed],
                      stated: Sequence[Mention] = ()) -> RateFound:
    """A bare share (占35.00%, 占比35%) that no reading of its sentence gives, right after a part of a list (其中，基本支出
    1252.48万元，占35.00%；项目支出…): the share of that part in the list's total, so it is the claim that does not hold,
    not a rate left unexplained — unless the shares stated beside every part of the list do not make 100%: then they
    are of a larger whole (21.49% + 75.40% + 0.21% = 97.10%, the 执行率: of the 收支总决算), the figure stated before that
    gives every one of them, when exactly one value does; shares beyond 100 % are of no larger whole."""
    rate = found.rate
    if found.status != "unexplained" or not _BARE_SHARE.match(clean_label(rate.label)) \
            or _CHANGE_WORDS.search(rate.clause):
        return found
    before = [m for m in sentence if m.order < rate.order and (_operand(m) or m.is_rate)][-1:]
    if not before or not _operand(before[0]) or is_difference(before[0]):
        return found
    part = before[0]
    listed = [lst for lst in lists if any(p is part for p in lst.parts)]
    if len({id(lst.whole) for lst in listed}) != 1:
        return found
    shares = _shares_of_parts(listed[0], sentence)
    if shares is not None and not _make_a_whole(shares) and sum(r.percent.value for _, r in shares) < 100:
        return _share_of_a_larger_whole(found, part, shares, stated)  # above 100 % they are of no larger whole:
        # the list's own, and one of them is wrong (基本支出…、占62.28%，项目支出…、占39.72%: trial 5 V25)
    reading = _share(part, listed[0].whole)
    if reading is None:
        return found
    if agrees(rate.percent, reading.value):  # a total stated in another part, which the sentence's figures do not hold
        return RateFound(rate, "explained", reading, why=reading.formula())
    return RateFound(rate, "contradicted", reading, why=f"按所列口径 {reading.formula()} 重算为 {_pct(reading.value, rate)}")


def _shares_of_parts(lst: Listed, sentence: list[Mention]) -> list[tuple[Mention, Mention]] | None:
    """Each part of a list with the share stated right after it in the sentence, or None when a part has none."""
    ordered = sorted(sentence, key=lambda m: m.order)
    place = {id(m): i for i, m in enumerate(ordered)}
    out = []
    for p in lst.parts:
        at = place.get(id(p))
        after = ordered[at + 1] if at is not None and at + 1 < len(ordered) else None
        if after is None or not after.is_rate:
            return None
        out.append((p, after))
    return out


def _make_a_whole(shares: list[tuple[Mention, Mention]]) -> bool:
    """Do the shares make 100%, within the rounding of each (half its last written digit)?"""
    total = sum((r.percent.value for _, r in shares), Decimal(0))
    slack = sum((Decimal(5).scaleb(-r.quantity.places - 1) for _, r in shares), Decimal(0))
    return abs(total - 100) <= slack


def _share_of_a_larger_whole(found: RateFound, part: Mention, shares: list[tuple[Mention, Mention]],
                             stated: Sequence[Mention]) -> RateFound:
    earlier = [m for m in stated if _operand(m) and m.order < found.rate.order
               and commensurable(m.quantity.unit, part.quantity.unit) and m.quantity.value > 0]
    fits = [m for m in earlier if all((r := _share(p, m)) is not None and agrees(share.percent, r.value)
                                      for p, share in shares)]
    if len({m.quantity.to(part.quantity.unit).value for m in fits}) != 1:
        return found
    reading = _share(part, fits[-1])
    return RateFound(found.rate, "explained", reading, why=reading.formula()) if reading else found


_PLAN_TO_DO = re.compile(r"(?:计划|预计|拟|目标)(?:完成|执行|使用|拨付|到位|发放)")  # 计划完成: a plan, not a result


def _is_planned(m: Mention) -> bool:
    """Is the figure what was budgeted or planned (预算数, 计划下达, 计划完成), not what was done, nor an adjustment's
    size (调增 …)?"""
    label = simplified(m.label)
    return bool(_PLANNED.search(label)) and (not _DONE.search(label) or bool(_PLAN_TO_DO.search(label))) \
        and not _BY_AMOUNT.search(m.lead) and not _ADJUSTMENT_SIZE.search(label)


_ADJUSTMENT_SIZE = re.compile(r"调整(?:数|额)?$|调[增减]|调剂(?:数|额)?$")  # 年中预算调整150.00万元: how much, not a budget


_OF_NAMED = re.compile(r"(?:完成|达到|为|占)(?:全年|年度)?([\u4e00-\u9fff]{2,4}?)(?:数|总额|任务)?的$")  # 完成预算的100%
_DONE = re.compile(r"执行|使用|支出|到位|拨付|完成|实际|兑现|发放")  # words naming what was done
_WHOLE_YEAR = re.compile(r"全年|调整后|调整")  # the year's whole budget, not the opening one


def _share(a: Mention, b: Mention) -> Reading | None:
    if not commensurable(a.quantity.unit, b.quantity.unit):
        return None  # 受灾面积 in 公顷 over 直升机 in 架 is no share
    value = _compute("share", a, b)
    return Reading("share", a, b, value) if value is not None else None


NEAR_BEFORE, NEAR_AFTER = 6, 2  # operands a rate is read from: the figures closest to it in its sentence


def _nearest(operands: list[Mention], rate: Mention) -> list[Mention]:
    """The figures a rate may be computed from: the last NEAR_BEFORE before it and the first NEAR_AFTER after it
    (a sentence of hundreds of figures is not read as hundreds squared ways of making one rate)."""
    before = [m for m in operands if m.order < rate.order]
    after = [m for m in operands if m.order > rate.order]
    return before[-NEAR_BEFORE:] + after[:NEAR_AFTER]


def _share_of_earlier(rate: Mention, part: Mention, near: list[Mention], paragraph: list[Mention]) -> list[Reading]:
    """A share whose sentence states its part among other figures (项目支出200.00万元，比上年减少10.00万元，占20%;
    三类项目0个，占比0%) and whose whole stands earlier in the paragraph: the part (the last figure before the rate that
    is no change) over a figure before it there."""
    wider = [m for m in paragraph if _operand(m) and m not in near and m.order < rate.order][-NEAR_BEFORE:]
    return [r for r in (_share(part, w) for w in wider) if r is not None and agrees(rate.percent, r.value)]


_CHANGE_COLUMN = re.compile(r"变动率|变化率|增减率|增长率|增减幅度?|增减%|增幅|同比")
_COLUMN_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?|(上年|去年|上一年)|(本年|当年|今年)")


def _column_year(header: str) -> int | None:
    """The year a table's column is of (2023年决算数 → 2023), or 0 for 上年 and 1 for 本年 (ordered alike)."""
    found = _COLUMN_YEAR.search(header)
    if found is None:
        return None
    return int(found.group(1)) if found.group(1) else 0 if found.group(2) else 1


def column_change(found: RateFound, row: list[Mention]) -> RateFound:
    """A table's change column checked against its own row (项目 | 2023年决算数 | 2024年决算数 | 变动率): the later
    year's value less the earlier's, over the earlier's — the claim the column makes, so a change stated with the
    wrong sign or size is contradicted, not left unexplained."""
    rate = found.rate
    header = rate.where.column or ""
    if found.status == "explained" or not _CHANGE_COLUMN.search(header) or DOWN_WORDS.search(header):
        return found
    dated = [(year, m) for m in row if m is not rate and not m.is_rate and m.quantity.qualifier is Qualifier.EXACT
             and (year := _column_year(m.where.column or "")) is not None]  # bare cells too: the header's unit
    if len(dated) != 2 or dated[0][0] == dated[1][0] or not commensurable(dated[0][1].quantity.unit,
                                                                          dated[1][1].quantity.unit):
        return found
    (_, old), (_, new) = sorted(dated, key=lambda pair: pair[0])
    value = _compute("change", new, old)
    if value is None:
        return found
    reading = Reading("change", new, old, value)
    status: Status = "explained" if agrees(rate.percent, value) else "contradicted"
    return RateFound(rate, status, reading, why=f"按本行 {reading.formula()} 重算为 {_pct(value, rate)}")


_SHARE_COLUMN = re.compile(r"执行率|完成率|到位率|使用率|支出率|拨付率")
_DONE_COLUMN = re.compile(r"执行|支出|决算|完成|实际|到位|使用|拨付")
_PLANNED_COLUMN = re.compile(r"预算|计划|目标|下达|批复")


_WHOLE_YEAR_COLUMN = re.compile(r"全年|调整后")


def column_share(found: RateFound, row: list[Mention]) -> RateFound:
    """A table's 执行率 column checked against its own row (项目 | 预算数 | 执行数 | 执行率): what was done over what
    was planned, where the row has one column of each (of 年初预算数 and 全年预算数, the year's whole budget, as the
    national 自评表 defines its 执行率) — the claim the column makes, so a rate its two cells do not give is
    contradicted, not left unexplained, and one another pair of its row gives by chance (得分 ÷ 分值, 全年执行数 ÷
    年初预算数) is judged by its own columns."""
    rate = found.rate
    header = simplified(rate.where.column or "")
    if not _SHARE_COLUMN.search(header):
        return found
    cells = [m for m in row if m is not rate and not m.is_rate and m.quantity.qualifier is Qualifier.EXACT]
    planned = [m for m in cells if _PLANNED_COLUMN.search(simplified(m.where.column or ""))]
    done = [m for m in cells if m not in planned and _DONE_COLUMN.search(simplified(m.where.column or ""))]
    if len(planned) > 1:
        planned = [m for m in planned if _WHOLE_YEAR_COLUMN.search(simplified(m.where.column or ""))]
    if len(planned) != 1 or len(done) != 1 or not commensurable(done[0].quantity.unit, planned[0].quantity.unit):
        return found
    value = _compute("share", done[0], planned[0])
    if value is None or found.reading is not None and (found.reading.numerator, found.reading.denominator) == (
            done[0], planned[0]):
        return found
    reading = Reading("share", done[0], planned[0], value)
    status: Status = "explained" if agrees(rate.percent, value) else "contradicted"
    return RateFound(rate, status, reading, why=f"按本行 {reading.formula()} 重算为 {_pct(value, rate)}")


def _share_of_none(readings: list[Reading]) -> list[Reading]:
    """A share of nothing (三类项目0个，占比0%) is 0% of any figure: of the several, the one of the largest figure, the
    total the groups are of."""
    if len(readings) < 2 or any(r.kind != "share" or r.numerator is not readings[0].numerator for r in readings) \
            or readings[0].numerator.quantity.value != 0:
        return readings
    unit = readings[0].denominator.quantity.unit
    return [max(readings, key=lambda r: r.denominator.quantity.to(unit).value)]


def _prefer_list_totals(readings: list[Reading], lists: list[Listed]) -> list[Reading]:
    """Of several shares, those that divide a listed part by the total it is listed under."""
    return [r for r in readings if r.kind == "share"
            and any(r.numerator in lst.parts and r.denominator is lst.whole for lst in lists)]


def _of_the_list(rate: Mention, reading: Reading, lists: list[Listed]) -> Reading:
    """A change stated with its amount right after the last part of a 其中 list (“三公”经费支出128.60万元，其中公务用车…
    121.30万元，公务接待费7.30万元，较上年减少9.6万元，下降6.9%) that the part does not give but the list's total does:
    the change of the total (trial 5 V14)."""
    whole = next((lst.whole for lst in lists if lst.parts and lst.parts[-1] is reading.numerator), None)
    again = _by_amount(whole, reading.denominator) if whole is not None else None
    return again if again is not None and agrees(rate.percent, again.value) else reading


def is_difference(m: Mention) -> bool:
    """Is the figure the amount of a change on last year (较上年增加292.37万元; 与2022年相比，支出增加100.00万元),
    not a value of either year?"""
    if _DIFFERENCE.search(m.lead):
        return True
    return bool(_AMOUNT.search(m.lead.rstrip())) and _COMPARED.search(m.where.text, 0, m.start) is not None


def _by_difference(rate: Mention, near: list[Mention], paragraph: list[Mention], bare: bool = False) -> Reading | None:
    """A change stated with its amount (基本支出2994.57万元，较上年增加292.37万元，增幅10.82%): the rate is the
    difference over last year's value, new ∓ difference. The amount is the figure just before the rate; the new
    value the figure before the amount in its sentence (a list of parts after the rate is no operand: …下降16.67%，
    其中：公务接待费3.50万元…), or, when the rate's sentence states only the amount (收入792.22万元。同比上年度增加
    189.25万元，增加31.39%), the figure before it in its paragraph."""
    before = [m for m in near if m.order < rate.order]
    if not bare and before and _bare_change(before[-1], before) and not any(is_difference(m) for m in before):
        return _by_difference(rate, before[-2:], paragraph, bare=True)  # 本年支出1094.65万元，增加207.42万元，增长23%
    if before and is_difference(before[-1]) and (len([m for m in before if is_difference(m)]) == 1
                                                 or len(before) > 1 and is_difference(before[-2])):
        d = before[-1]
        new = [m for m in before[:-1] if commensurable(m.quantity.unit, d.quantity.unit) and not is_difference(m)
               and not whole_of_a_share(m)][-1:] or [
            m for m in paragraph if _operand(m) and m.order < d.order and commensurable(m.quantity.unit, d.quantity.unit)
            and not is_difference(m) and not whole_of_a_share(m)][-1:]
        if not new:
            return None
        near = new + [d]
    if len(near) != 2 or not commensurable(near[0].quantity.unit, near[1].quantity.unit):
        return None
    diffs = [m for m in near if is_difference(m) or bare and m is near[1]]
    if len(diffs) != 1:
        return None
    d = diffs[0]
    return _by_amount(near[0] if near[1] is d else near[1], d)


_BARE_CHANGE = re.compile(r"(?:增加|减少|增长|下降|上升|降低|节约|压减|缩减)了?")


def _bare_change(m: Mention, before: list[Mention]) -> bool:
    """Is the figure an amount of change named by its verb alone, right after the figure it changes, in one run of
    clauses (本年支出1094.65万元，增加207.42万元: no 比上年 before it, the paragraph's earlier sentence says so)?"""
    if not _BARE_CHANGE.fullmatch(m.lead.strip()) or len(before) < 2:
        return False
    new = before[-2]
    between = m.where.text[new.end:m.start]
    return new.order[:2] == m.order[:2] and not is_difference(new) and re.fullmatch(r"\s*[，,]\s*\S{0,6}", between) \
        is not None and _BARE_CHANGE.search(between) is not None


def _named_change(rate: Mention, near: list[Mention], change: bool) -> Reading | None:
    """A change whose two figures the sentence dates (2022年 … 2021年 …, or 上年 …): the claim the rate makes.
    The amount of the change may stand between them and the rate (本年收入A，上年收入B，收入减少C，同比下降x%)."""
    if not change:
        return None
    near = [m for m in near if not is_difference(m)]  # an amount of change is no value of either year
    if len(near) > 2:
        near = [m for m in near if m.order < rate.order and not _AMOUNT.search(m.lead)]
    if len(near) != 2 or not commensurable(near[0].quantity.unit, near[1].quantity.unit):
        return None
    a, b = near
    old_a = "上年" in a.lead or "去年" in a.lead
    old_b = "上年" in b.lead or "去年" in b.lead
    if a.year is not None and b.year is not None and a.year != b.year:
        new, old = (a, b) if a.year > b.year else (b, a)
    elif old_a != old_b:
        new, old = (b, a) if old_a else (a, b)
    else:
        return None
    value = _compute("change", new, old)
    if value is None:
        return None
    down = -1 if DOWN_WORDS.search(rate.clause) and rate.quantity.value > 0 else 1
    return Reading("change", new, old, value * down)


def _pct(x: Decimal, rate: Mention) -> str:
    """A recomputed rate shown at the precision the report wrote its own (12.775% beside a stated 12.770%), at
    least two decimals."""
    return f"{x:.{max(2, rate.quantity.places)}f}%"
