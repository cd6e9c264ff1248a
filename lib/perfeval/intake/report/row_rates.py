"""The rate a table row states beside the two figures it is of, and the reading the row's own words declare.

A 基础数据表 sets a rate in a cell beside its figures: 在职人员控制率 | 编制数 | 50 | 在职人数 | 48 | 96.00%, a header
编制数 | 实际在职人数 | 控制率 over 50 | 48 | 96.00%, 三公经费变动率 | 2023年 | 20.00 | 2024年 | 18.00 | -10.00%. The
row's name says what the rate is (a 控制率 / 执行率 / 完成率 what was done over what bounded it; a 变动率 the later
year's figure over the earlier's) and each figure's own words (its cell's label or its column's header) say which is
which, so the rate is a claim about its own row, judged by that reading whatever other pair of numbers happens to
give it — the claim a sentence naming the same figures makes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ...core.quantity import Qualifier, commensurable
from ...core.script import simplified
from .mentions import Mention

_PERCENT = r"(?=\s*(?:[%％]|[（(]\s*[%％]\s*[）)]))"  # a column named by its words and %: 增长%, 完成（%）
_CHANGE = re.compile(rf"变动率|变化率|增减率|增长率|增减幅度?|增幅|同比|(?:增长|增减|比上年增减?){_PERCENT}")
_FALL = re.compile(r"下降|减少|降低|降幅|减幅")  # a fall's rate is written positive: its sign is the words', not read here
_OF_PLAN = re.compile(rf"控制率|执行率|完成率|到位率|使用率|支出率|拨付率|(?:完成|执行)(?:预算)?{_PERCENT}")
_BOUND = re.compile(r"编制|核定|批复|预算|计划|目标|下达|安排|定额")  # what a 控制率 / 执行率 divides by
_DONE = re.compile(r"在职|实有|实际|执行|支出|决算|完成|到位|使用|拨付")  # what it divides
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?|(上年|去年|上一年)|(本年|当年|今年)")


@dataclass(frozen=True)
class Declared:
    """A rate's reading that the table's layout or its row's words declare: numerator ÷ denominator (share) or
    (numerator − denominator) ÷ denominator (change), and what declares it, for the explanation."""

    kind: Literal["share", "change"]
    numerator: Mention
    denominator: Mention
    basis: str


def words_of(m: Mention) -> str:
    """A figure's own words in its table: the cell labelling it in its row, else its column's header."""
    return simplified(m.where.column or m.label)


def _year(words: str) -> int | None:
    """The year a figure's words date it to (2023年 → 2023), 上年 before 本年 (0 and 1)."""
    found = _YEAR.search(words)
    if found is None:
        return None
    return int(found.group(1)) if found.group(1) else 0 if found.group(2) else 1


def declared(rate: Mention, row: list[Mention]) -> Declared | None:
    """The reading the row's words declare for its rate, when the row names it as a change of two figures of two
    years, or as a rate of what was done against its bound, one figure of each of the latest year the row states
    (2023年决算数 over 2023年预算数 beside 2022年决算数); None when the words do not say."""
    name = simplified(f"{rate.where.row or ''}{rate.where.column or ''}")
    figures = [m for m in row if m is not rate and not m.is_rate and m.quantity.qualifier is Qualifier.EXACT
               and m.quantity.unit != "分"]
    if _CHANGE.search(name) and not _FALL.search(name):
        pair = _of_two_years(figures)
        if pair is None:
            return None
        old, new = pair
        return _commensurable(Declared("change", new, old, "本行"))
    if _OF_PLAN.search(name) and not _CHANGE.search(name):
        years = [_year(words_of(m)) for m in figures]
        latest = max((y for y in years if y is not None), default=None)  # 2022年决算数 beside 2023年预算数 / 决算数
        figures = [m for m, year in zip(figures, years) if year in (None, latest)]
        done = [m for m in figures if _DONE.search(words_of(m))]
        bound = [m for m in figures if m not in done and _BOUND.search(words_of(m))]
        if len(done) == 1 and len(bound) == 1:
            return _commensurable(Declared("share", done[0], bound[0], "本行"))
    return None


def _of_two_years(figures: list[Mention]) -> tuple[Mention, Mention] | None:
    """(earlier, later): the row's two figures of two years, or of the one kind its words name for two years
    (2020年完成数 and 2021年完成数 beside 2021年预算数); None when the words do not single out a pair."""
    dated = [(year, _YEAR.sub("", words_of(m)), m) for m in figures if (year := _year(words_of(m))) is not None]
    if len(figures) == 2:
        pairs = [dated] if len(dated) == 2 else []
    else:
        pairs = [[d for d in dated if d[1] == kind] for kind in {d[1] for d in dated}]
        pairs = [p for p in pairs if len(p) == 2]
    if len(pairs) != 1 or pairs[0][0][0] == pairs[0][1][0]:
        return None
    (_, _, old), (_, _, new) = sorted(pairs[0], key=lambda d: d[0])
    return old, new


def _commensurable(reading: Declared) -> Declared | None:
    return reading if commensurable(reading.numerator.quantity.unit, reading.denominator.quantity.unit) else None
