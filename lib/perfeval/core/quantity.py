"""Stated quantities as reports write them (2.6万余次, 95%以上, ≥15,000万元): read, converted, compared.

The one place where a number in a document becomes a value: the draft reader (prose), the Excel intake
(cells) and the params schema (stated figures with qualifiers) all go through it. Pure: no I/O.

A statement is a number at a written precision, in a unit, with a qualifier. What it admits is an
interval (`Quantity.interval`); a computed value agrees with it when, rounded half-up (四舍五入) at the
statement's own precision, it lies there (`agrees`); two statements of one quantity contradict when
their intervals cannot meet (`contradicts`).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation, localcontext
from enum import Enum
from typing import Callable, Iterator

from ..errors import IncommensurableUnits
from .lazy_pattern import lazy_compile
from .numbers import decimal, to_step
from .script import PINYIN, TO_SIMPLIFIED


def incommensurable(a: str, b: str) -> IncommensurableUnits:
    """The error for two units of different dimensions, saying what each measures."""
    return IncommensurableUnits(a, b, f"{_dimension_name(a)} is not {_dimension_name(b)}")


class Qualifier(str, Enum):
    """How a written number bounds the true value."""

    EXACT = "exact"          # 92
    AT_LEAST = "at_least"    # 以上, 不少于, 不低于, ≥ (the number included)
    AT_MOST = "at_most"      # 以下, 不超过, 不高于, 以内, ≤ (the number included)
    ABOVE = "above"          # 超过, 高于, 大于, > (the number excluded)
    BELOW = "below"          # 低于, 少于, 不足, < (the number excluded)
    OVER = "over"            # 余, 多: a little more than — 2500余 is in (2500, 2600)
    ABOUT = "about"          # 约, 近, 左右, 大约


# ---------------------------------------------------------------- units

@dataclass(frozen=True)
class Unit:
    """A unit a report writes: its canonical symbol, the dimension it measures and its factor to that dimension's base."""

    symbol: str
    dimension: str
    factor: Decimal


# Measured rather than counted or awarded: a whole number of them may be a rounding (3752万元 of 3751.53, 33% of a
# third); a count (60人), a score awarded (18分) or a bare number is what it says.
_MEASURED = frozenset({"money", "distance", "area", "volume", "weight", "power", "time", "percentage_points"})
_MEASURED_NUMBERS = frozenset({"%", "‰"})
DIMENSION_NAMES = {
    "money": "金额", "people": "人数", "person_times": "人次", "distance": "里程", "area": "面积",
    "number": "纯数（含百分比）", "score": "分值", "time": "时长", "events": "次数（次、场、场次）",
    "age": "年龄", "percentage_points": "百分点", "volume": "体积", "weight": "重量",
    "power": "功率", "temperature": "温度",
}


def _dimension_name(symbol: str) -> str:
    unit = UNITS.get(symbol)
    if unit is None:
        return "未知单位"
    return DIMENSION_NAMES.get(unit.dimension, f"“{unit.dimension}”的数量")


def _table() -> tuple[dict[str, Unit], dict[str, str]]:
    units: dict[str, Unit] = {}
    synonyms: dict[str, str] = {}

    def add(dimension: str, symbol: str, factor: str = "1", *aliases: str) -> None:
        units[symbol] = Unit(symbol, dimension, Decimal(factor))
        for alias in aliases:
            synonyms[alias] = symbol

    add("money", "元")
    add("money", "千元", "1000")
    add("money", "万元", "10000")
    add("money", "亿元", "100000000")
    add("people", "人", "1", "名")
    add("person_times", "人次")
    add("distance", "公里", "1", "千米", "km", "㎞")
    add("distance", "米", "0.001", "m")
    add("distance", "毫米", "0.000001")  # rainfall (年均降雨量1897毫米) was read bare
    add("distance", "厘米", "0.00001")
    add("distance", "万公里", "10000")
    add("area", "平方米", "1", "㎡", "平方", "平米", "m²")
    add("volume", "立方米", "1", "m³", "㎥")
    add("weight", "吨", "1")
    add("weight", "公斤", "0.001", "千克", "kg")
    add("power", "千瓦", "1", "kW")
    add("temperature", "℃", "1", "摄氏度", "°C")  # 年平均气温18.2℃ was read bare
    add("area", "亩", str(Decimal(2000) / Decimal(3)))
    add("area", "公顷", "10000")
    add("area", "平方公里", "1000000")
    # A bare number and a percentage are both pure numbers: 60% is 0.6.
    add("number", "")
    add("number", "%", "0.01", "百分比")
    add("number", "‰", "0.001")
    add("score", "分")
    add("time", "分钟", "1")
    add("time", "小时", "60")
    add("time", "天", "1440")
    # 次, 场 and 场次 all count occurrences of an activity (a 主题党日 is held 12次 in a table, 11场次 in prose).
    add("events", "次")
    add("events", "场次", "1", "场")
    add("age", "岁")
    # 提高2.1个百分点 is a difference of two rates, not 2.1 of anything counted, nor 2.1 %.
    add("percentage_points", "个百分点", "1", "百分点")
    # Every other count is of its own kind: 3辆 is never 3台.
    for symbol in ("辆", "台", "个", "家", "项", "起", "宗", "套", "组", "本", "册", "张", "株", "份", "篇", "条",
                   "户", "户次", "间", "批", "处", "幅", "所", "栋", "座", "件", "块", "类", "家次", "个月", "期", "卷", "页", "段", "架",
                   "盒", "盘", "批次", "台次", "辆次", "车次", "架次", "盏", "笔"):  # 120批次 is no 120批
        add(symbol, symbol)
    synonyms["家/次"] = "家次"
    return units, synonyms


UNITS, SYNONYMS = _table()
_SYMBOLS = sorted([s for s in UNITS if s] + list(SYNONYMS), key=len, reverse=True)
# Words that begin with a unit's character: after a number they are a noun, not the unit (10项目 is not 10项).
_NOT_UNITS = ("项目", "台账", "人员", "人民", "名称", "名单", "家庭", "组织", "本年", "本级", "本单位", "份额", "处置",
              "处理", "所有", "所属", "期间", "条例", "批复", "批准", "起草", "间隔", "户籍", "次日", "次年", "元旦",
              "个性", "天然", "张贴", "件事", "类别", "届时", "分类", "分别", "分配", "分析", "分拣", "分管", "米饭",
              "人大", "人社", "人事", "人力", "人防", "人武", "人居", "盘活", "盘点", "盘查", "盒饭", "笔记", "笔者")


# After a count, these make it the report counting its own parts, not a figure of the unit's work.
_DISCOURSE = ("方面", "部分")
# A disclosure counting its own tables (部门决算公开的8张报表): the document's, not the unit's.
_OWN_TABLES = lazy_compile(r"公开[^，。；,;]{0,6}$")


def unit_of(symbol: str) -> Unit:
    """The Unit for a symbol as written (synonyms included); KeyError names the symbol."""
    return UNITS[SYNONYMS.get(symbol, symbol)]


# ---------------------------------------------------------------- intervals

@dataclass(frozen=True)
class Interval:
    """Values a statement admits; None is unbounded on that side."""

    low: Decimal | None
    high: Decimal | None
    low_closed: bool = True
    high_closed: bool = False

    def __contains__(self, x: Decimal) -> bool:
        if self.low is not None and (x < self.low or (x == self.low and not self.low_closed)):
            return False
        if self.high is not None and (x > self.high or (x == self.high and not self.high_closed)):
            return False
        return True

    def overlaps(self, other: "Interval") -> bool:
        """Is there a value both admit?"""
        low, low_closed = _tighter(self.low, self.low_closed, other.low, other.low_closed, upper=False)
        high, high_closed = _tighter(self.high, self.high_closed, other.high, other.high_closed, upper=True)
        if low is None or high is None:
            return True
        return bool(low < high or (low == high and low_closed and high_closed))

    def scaled(self, factor: Decimal) -> "Interval":
        def s(v: Decimal | None) -> Decimal | None:
            return None if v is None else v * factor
        return Interval(s(self.low), s(self.high), self.low_closed, self.high_closed)


def _tighter(a: Decimal | None, a_closed: bool, b: Decimal | None, b_closed: bool,
             upper: bool) -> tuple[Decimal | None, bool]:
    if a is None:
        return b, b_closed
    if b is None:
        return a, a_closed
    if a == b:
        return a, a_closed and b_closed
    pick_a = (a < b) if upper else (a > b)
    return (a, a_closed) if pick_a else (b, b_closed)


# ---------------------------------------------------------------- quantities

@dataclass(frozen=True)
class Quantity:
    """A number as a document states it.

    value: the number with written multipliers applied (2.6万余次 → 26000); unit: canonical symbol or "";
    places: decimals as written ("77.00" → 2, "92" → 0); scale: what the written number was multiplied by
    (2.6万 → 10000), so the last written digit is worth 10^-places × scale; text: the phrase as written.
    """

    value: Decimal
    unit: str = ""
    qualifier: Qualifier = Qualifier.EXACT
    places: int = 0
    text: str = ""
    scale: Decimal = Decimal(1)

    @property
    def step(self) -> Decimal:
        """What the last written digit is worth: 92 → 1, 34.06 → 0.01, 2.6万 → 1000."""
        return Decimal(1).scaleb(-self.places) * self.scale

    @property
    def rounding(self) -> Decimal:
        """How far the true value may lie from the number printed (exactly, without 约 or 余): half what its last
        digit is worth (3752万元 printed whole stands for 3751.5–3752.5, 3752.00 for 3751.995–3752.005), nothing for
        things counted or awarded one by one (60人 is 60, 18分 is 18; 1.2万人 is rounded to the thousand)."""
        measured = self.unit in _MEASURED_NUMBERS or (self.unit in UNITS and UNITS[self.unit].dimension in _MEASURED)
        return self.step / 2 if measured or self.step > 1 else Decimal(0)

    @property
    def significant_step(self) -> Decimal:
        """What the last non-zero written digit is worth: 2500 → 100, 2.6万 → 1000, 20万 → 100000."""
        written = (self.value / self.scale).normalize()
        if written == 0:
            return self.step
        exponent = written.as_tuple().exponent
        return max(Decimal(1).scaleb(int(exponent)) * self.scale, self.step)

    def interval(self) -> Interval:
        """The values the statement admits at its written precision.

        exact 92 → [91.5, 92.5); 95以上 → [95, ∞); 不超过5 → (−∞, 5]; 超过3 → (3, ∞); 低于3 → (−∞, 3);
        2500余 → (2500, 2600): above the number, below it plus one step of its last significant digit;
        约/近/左右 N → [N − w, N + w] with w the larger of the written step and a tenth of N
        (约12次 → [10.8, 13.2]; 约7万余人次 → [60000, 80000]).
        """
        v, q = self.value, self.qualifier
        if q is Qualifier.EXACT:
            return Interval(v - self.step / 2, v + self.step / 2, True, False)
        if q is Qualifier.AT_LEAST:
            return Interval(v, None, True, False)
        if q is Qualifier.AT_MOST:
            return Interval(None, v, False, True)
        if q is Qualifier.ABOVE:
            return Interval(v, None, False, False)
        if q is Qualifier.BELOW:
            return Interval(None, v, False, False)
        if q is Qualifier.OVER:
            return Interval(v, v + self.significant_step, False, False)
        width = max(self.step, abs(v) / 10)
        return Interval(v - width, v + width, True, True)

    def to(self, unit: str) -> "Quantity":
        """The same statement in another unit of its dimension (146万公里 → 1460000公里, precision kept)."""
        target = unit_of(unit)
        source = unit_of(self.unit)
        if source.dimension != target.dimension:
            raise incommensurable(self.unit, unit)
        ratio = _exact_div(source.factor, target.factor)
        return replace(self, value=self.value * ratio, unit=target.symbol, scale=self.scale * ratio)


def _exact_div(a: Decimal, b: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 34
        return (a / b).normalize()


def agrees(stated: Quantity, computed: Quantity | Decimal | float | int) -> bool:
    """Does a computed value make the statement true at the statement's own precision?

    The computed value is rounded half-up (四舍五入, not truncated) to the statement's last written digit,
    then tested against what the qualifier admits: "92" holds for 92.157, "34.05" not for 34.0599,
    "50%以上" for 60.12. Statements of 余/多 and 约 already span their imprecision, so the value is tested
    as it is (2.6万余次 holds for 26400; rounding it to the nearest 1000 would make 余 unattainable).
    A computed Quantity is converted to the statement's unit first; a plain number is taken in it.
    """
    if isinstance(computed, Quantity):
        computed = computed.to(stated.unit).value
    x = decimal(computed)
    if not x.is_finite():
        return False
    if stated.qualifier not in (Qualifier.OVER, Qualifier.ABOUT):
        x = to_step(x, stated.step)
    return x in stated.interval()


def at_step(q: Quantity, step: Decimal) -> Quantity:
    """An exact statement as if written to a coarser step (24,506,012.34元 to the 100元 is 24,506,000元, as parts in
    万元 to two decimals state it); a finer step, or a qualified statement (its range spans more), leaves it as it is."""
    if q.qualifier is not Qualifier.EXACT or step <= q.step:
        return q
    return replace(q, value=to_step(q.value, step), places=0, scale=step)


def adds_up(whole: Quantity, parts: list[Quantity]) -> bool:
    """Do parts add up to their whole? The sum is taken exactly in the whole's unit (1850.60万元 under a total in 元 is
    18,506,000.00元) and judged at the whole's precision, or at the parts' when they are written in another unit to a
    coarser step: a total in 元 to the cent against parts in 万元 to two decimals holds when it is their sum to the
    100元. Parts in the whole's own unit are judged at the whole's precision, as written. Parts in a unit that does not
    convert are taken as counted alike (17家 of which 15个)."""
    converted = [p.to(whole.unit) if p.unit != whole.unit and commensurable(p.unit, whole.unit) else p for p in parts]
    total = sum((p.value for p in converted), Decimal(0))
    step = max((c.step for p, c in zip(parts, converted) if p.unit != whole.unit), default=whole.step)
    return agrees(at_step(whole, step), total)


def contradicts(a: Quantity, b: Quantity) -> bool:
    """Can two statements of one quantity not both be true? (800余 vs 600余: yes; 300多 vs 300: no.)

    Units are converted (1802万元 vs 18020000元 agree); statements in different dimensions raise
    IncommensurableUnits.
    """
    b_in_a = b.to(a.unit) if b.unit != a.unit else b
    return not a.interval().overlaps(b_in_a.interval())


# ---------------------------------------------------------------- reading

# minus written as any dash a word processor puts there: full-width, small, figure dash, minus sign, hyphen (U+2010),
# non-breaking hyphen, en dash (Word's autocorrect of " - "); each reads as the ASCII hyphen-minus reads
# and the wide spaces (en, em, ideographic …) as the plain space they read as
# and the apostrophes a Swiss or an Arabic grouping writes (’, ′ the prime, ʼ, ٬ U+066C) as the ' it reads as
# Digits as other scripts write them: Arabic-Indic (٣٧٥٢٫٤٨, ٫ its decimal point), and the 大写 of financial documents (叁仟柒佰伍拾贰万) as the Chinese numerals they stand for.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％，－﹣‒−‐‑–➖˗⁻\u2002\u2003\u2004\u2005\u2006\u2008\u3000’′ʼ٬＇"
                            "٠١٢٣٤٥٦٧٨٩٫壹贰貳叁參肆伍陆陸柒捌玖拾佰仟",
                            "0123456789.%，----------       " + "'" * 5
                            + "0123456789.一二二三三四五六六七八九十百千")
# A run of circled digits is a number (③⑦⑤②.④⑧); one alone numbers a list's item (①数量指标).
_CIRCLED = lazy_compile(r"[⓪①②③④⑤⑥⑦⑧⑨][⓪①②③④⑤⑥⑦⑧⑨.]*[⓪①②③④⑤⑥⑦⑧⑨]")
_CIRCLED_DIGITS = str.maketrans("⓪①②③④⑤⑥⑦⑧⑨", "0123456789")
_GROUPED_FULL_WIDTH = lazy_compile(r"(?<=[0-9０-９])，(?=[0-9０-９]{3}(?![0-9０-９]))")
# Characters a copy from the web or a PDF leaves inside numbers that nobody sees (12\u200b68 is 1268).
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u2061\u2062\u2063\u2064\u180e\u034f"))
# Typographic grouping spaces (thin, no-break, narrow no-break) only ever group digits.
_GROUP_SPACES = "\u2009\u00a0\u202f\u2007"  # and the figure space, made for it
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUMERAL = f"[{_CN_DIGITS}十百千万亿]+(?:点[{_CN_DIGITS}]+)?"
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
# A number grouped in another way than 1,268.40: 1，268.40, 1'268.40, 1 268.40 (thin, no-break or plain space),
# 1.268,40. Each is read once here, either surely (a grouping no decimal reading explains otherwise) or as 存疑.
_OTHER_GROUPING = lazy_compile(
    r"(?<![\d.,'，_])(?P<head>\d{1,3})(?P<sep>[，'_" + _GROUP_SPACES + r" .])(?P<groups>\d{3}(?:(?P=sep)\d{3})*)"
    r"(?:(?P<dec>[.,])(?P<frac>\d+))?(?![\d'，_])")  # 2_450.60 as a program writes it too
_PLUS_MINUS = lazy_compile(r"±(?=\d)")
# A number broken in its writing before its unit: a decimal comma (3752,48万元, 3,752,48万元), a space beside its point
# (3752 .48, 3752. 48, 3752.4 8), groups of two (37,52,480元). Read as one number and listed 存疑.
_BROKEN = lazy_compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})*,\d{1,2}\.\d++"  # 37,52.48: a group of two before the point
                     r"|\d{1,3}(?:,\d{3})*,\d{1,2}|\d{4,},\d{1,2}|\d+ \.\d+|\d+\. \d+|\d+\.\d+ \d{1,2}"
                     r"|\d++\.\.\d++|\d++\.\d++\."  # 2864..30, 2864.30. before its unit: a point typed twice
                     r"|\d++\.\d++\.\d++|\d++\."  # 3.752.48 (two points), 3752. (a point with no decimals)
                     r"|\d{4,}、\d{2}"  # 2864、30: an input method's 顿号 for the point (15、20万元 is a list)
                     r"|\d{1,2}(?:,\d{2})+,\d{3})(?![\d,.])(?=\s?(?:[万亿千]?元|万|亿|[%‰]))")
# An input method's full stop typed for the point before a unit (16。22万元): no sentence ends inside an amount.
# STOP_AS_POINT is that full stop after the integer's digits; the sentence splitter keeps it inside its sentence.
STOP_AS_POINT = r"。(?=\d{1,2}(?![\d.])\s?(?:[万亿千]?元|万|亿|[%‰]))"
_STOP_DECIMAL = lazy_compile(rf"(?<![\d.,])(?P<int>\d++)(?={STOP_AS_POINT})。(?P<frac>\d{{1,2}})")
# An amount in 万 and 千 (2864万3千元, 2864万3千5百元): one amount, 2864.3万元.
_WAN_QIAN = lazy_compile(r"(?<![\d.])(?P<a>\d{1,8})万(?P<b>\d)千(?:(?P<c>\d)百)?(?=元)")
# An amount in 万 and 元 (3752万4800元, 5万300元): one amount, 3752.48万元.
_WAN_YUAN = lazy_compile(r"(?<![\d.])(?P<a>\d{1,8})万(?P<b>\d{1,4})(?![\d.])(?=元)")
# Digits set as superscripts before a unit (²⁸⁶⁴.³⁰万元, a copy that kept a format's raised text): the number, 存疑 —
# never dropped without a word; a raised digit after a figure or a word is a footnote's marker, not this.
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_RAISED = lazy_compile(rf"(?<![\d{_SUPERSCRIPT_DIGITS}])[{_SUPERSCRIPT_DIGITS}]++(?:[.·][{_SUPERSCRIPT_DIGITS}]++)?"
                       r"(?=\s?(?:[万亿千]?元|万|亿|[%‰]))")
# A middle dot as a decimal point (2450·60), told from a month and a day joined by one (12·4, 3·15).
_DOT_DECIMAL = lazy_compile(r"(?<![\d.,])(?P<int>\d+)[·・‧⋅∙](?P<frac>\d+)(?![\d·・‧⋅∙])")
# A dash written where a minus stands (—25%, ——25%, -- 20%): a minus, or a dash of the sentence, or an empty cell's
# mark before the next one; read as a minus and listed 存疑, never read positive nor dropped without a word.
_DASH_MINUS = lazy_compile(r"(?<![\d\-—―~～﹘ー%‰])(?:——|—|―|﹘|ー|--\s?)(?=\d)")  # ﹘ U+FE58, ー U+30FC typed for one
# △ before a number is a financial statement's minus (△12.5), or a mere mark of a change: read negative, 存疑.
_DELTA_MINUS = lazy_compile(r"(?<![\d.])△(?=\d)")
# An amount in brackets before its unit in prose (结余（12.50）万元) is an accountant's negative, or an aside: read
# negative, 存疑 (it was dropped without a word).
# A letter or 〇 typed inside a run of digits for the digit it looks like (1,2〇8.40万元, 12O8.40): the number read whole,
# 存疑 (it was cut into 1, 2 and 8.40, the 1 drafted as 1 万元 without a word).
_LOOKALIKE = lazy_compile(r"(?<=\d)[〇OoIl](?=\d)|(?<=\d[,.])[〇OoIl](?=\d)|(?<=\d)[〇OoIl](?=[,.]\d)")
_LOOKALIKE_DIGIT = str.maketrans("〇OoIl", "00011")
_BRACKETED_AMOUNT = lazy_compile(r"[（(]\s?(?=\d)(?P<n>\d{1,3}(?:,\d{3})++(?:\.\d++)?|\d++(?:\.\d++)?)\s?[）)]"
                                 r"(?=\s?[千万亿]?元)")
_PREFIXES = {
    "不少于": Qualifier.AT_LEAST, "不低于": Qualifier.AT_LEAST, "不小于": Qualifier.AT_LEAST,
    "至少": Qualifier.AT_LEAST, "最少": Qualifier.AT_LEAST, "≥": Qualifier.AT_LEAST, "≧": Qualifier.AT_LEAST,
    ">=": Qualifier.AT_LEAST, "＞＝": Qualifier.AT_LEAST,
    "不超过": Qualifier.AT_MOST, "不高于": Qualifier.AT_MOST, "不大于": Qualifier.AT_MOST, "不多于": Qualifier.AT_MOST,
    "至多": Qualifier.AT_MOST, "最多": Qualifier.AT_MOST, "≤": Qualifier.AT_MOST, "≦": Qualifier.AT_MOST,
    "<=": Qualifier.AT_MOST, "＜＝": Qualifier.AT_MOST,
    "超过": Qualifier.ABOVE, "高于": Qualifier.ABOVE, "大于": Qualifier.ABOVE, "多于": Qualifier.ABOVE,
    ">": Qualifier.ABOVE, "＞": Qualifier.ABOVE,
    "低于": Qualifier.BELOW, "少于": Qualifier.BELOW, "小于": Qualifier.BELOW, "不足": Qualifier.BELOW,
    "<": Qualifier.BELOW, "＜": Qualifier.BELOW,
    "逾": Qualifier.ABOVE, "约合": Qualifier.ABOUT, "约为": Qualifier.ABOUT, "大约为": Qualifier.ABOUT,
    "≈": Qualifier.ABOUT, "≒": Qualifier.ABOUT,
    "大约": Qualifier.ABOUT, "约": Qualifier.ABOUT, "将近": Qualifier.ABOUT, "接近": Qualifier.ABOUT,
    "近": Qualifier.ABOUT, "大概": Qualifier.ABOUT, "差不多": Qualifier.ABOUT, "超": Qualifier.ABOVE,
}
_SUFFIXES = {"出头": Qualifier.OVER, "有余": Qualifier.OVER, "以上": Qualifier.AT_LEAST, "及以上": Qualifier.AT_LEAST, "以下": Qualifier.AT_MOST,
             "及以下": Qualifier.AT_MOST, "以内": Qualifier.AT_MOST, "之内": Qualifier.AT_MOST,
             "左右": Qualifier.ABOUT, "上下": Qualifier.ABOUT}
_PREFIX_RE = "|".join(re.escape(p) for p in sorted(_PREFIXES, key=len, reverse=True))
_SUFFIX_RE = "|".join(re.escape(s) for s in sorted(_SUFFIXES, key=len, reverse=True))
_UNIT_RE = "|".join(re.escape(s) for s in _SYMBOLS)
# Written before an amount, part of its writing and not of its label (人民币2864.30万元, ￥2,864.30, RMB 2864.30).
CURRENCY_BEFORE = r"人民币|RMB|CNY|[￥¥]"
_MULTIPLIERS = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10000), "亿": Decimal(100000000)}
# A magnitude written after the digits: 百 or 千 before a unit in 万 or 亿 (28.643百万元 is 2864.3万元, 0.5千万元 is
# 500万元), else 百万, 千万, 百亿, 千亿 as one (3千万人次), else one of 百, 千, 万, 亿 (5百人, 2.6万余次).
_MULTIPLIER_RE = r"[百千](?=[万亿]元)|[百千]?[万亿]|[百千]"
_NUMBER = lazy_compile(
    rf"(?P<prefix>(?:{_PREFIX_RE})\s*)?"
    rf"(?P<pct>百分之)?"
    rf"(?P<sign>-)?(?:(?P<arabic>{_ARABIC})|(?P<chinese>{_CN_NUMERAL}))"
    r"(?P<over1>[余多])?"
    rf"(?:[ {_GROUP_SPACES}](?=[%‰]))?"
    # a PDF's space may stand between a number and its unit (90 分, 25 万元), never two
    rf"(?:[ \u3000]?(?:(?P<unit1>{_UNIT_RE})|(?P<mult>{_MULTIPLIER_RE})(?P<over2>[余多])?(?P<unit2>{_UNIT_RE})?))?"
    rf"(?P<suffix>{_SUFFIX_RE})?"
)
# After a number, these make it a date, a time of day, an ordinal or a document number, not a quantity.
_DATE_AFTER = ("年", "月", "日", "号", "时", "季度", "周年", "世纪", "点钟")
CODE_LABELS = ("编码", "代码", "编号", "索引号", "账号", "帐号", "电话", "手机", "传真", "邮编", "邮政编码", "电邮", "文号",
               "身份证", "QQ", "QQ群", "微信", "微信群", "群号")
# After these words a number names a part of the document, not a figure (附件5, 见表3).
_REFERENCE_WORDS = ("附件", "附表", "附录", "附图", "见表", "如表", "下表", "上表", "详见表", "见图", "如图", "下图", "页码",
                    "第页")
# dot leaders before a contents line's page number, and the page's first digit when a PDF spaced its digits (¨¨ 2 3)
_LEADERS = lazy_compile(r"(?:[.…·•．¨⋯]{2,}|…)\s*(?:\d\s)?\s*$")
_NOT_AMOUNTS = ("字",)
# A code after its label and a colon or a space, and every group of digits of it (电话：0745 2236618).
_CODE_COLON = lazy_compile(rf"(?:{'|'.join(CODE_LABELS)})[：:][\d\-()（）]*$")
_CODE_SPACED = lazy_compile(rf"(?:{'|'.join(CODE_LABELS)})(?:\s*[：:]|\s)[\s\d\-()（）]*$")
_WORD_BEFORE = {"约": "节制契预简公条盟婚邀隐", "近": "附最邻靠亲贴就"}
_QUOTES = {"“": "”", "《": "》", "〔": "〕", "「": "」", "『": "』", "【": "】", "[": "]", "［": "］", "﹝": "﹞", "〖": "〗"}
_CJK = lazy_compile(r"[\u4e00-\u9fff]")
_SECTION_NUMBER = lazy_compile(r"(?:[1-9]|1\d|20)\.\d{1,2}")  # 3.1, 12.2: a heading; 97.6 is no section
_AFTER_DECIMALS = ("倍", "成", "折", "个百分点", "百分点")  # 3.2倍 is a figure, 3.2部门支出描述 a heading
_CONTENTS_LINE = lazy_compile(r"\s*(?:第[一二三四五六七八九十]+(?:部分|章|节)|[一二三四五六七八九十]+\s*、|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|"
                            r"\d{1,2}(?:\.\d{1,2})*\s*[、.．]|附件|附表)")
MAX_FIGURE_DIGITS = 20  # digits a figure may have (万亿元 to the cent is 15): a longer run is 存疑, used nowhere
MAX_DIGITS_READ = 1000  # characters of a run of digits read into its value (a longer one is 存疑 anyway)
LOOK_BEHIND = 80  # characters before a number that decide whether it is one (a label, a heading, 第)
_HEADING_NUMBER = lazy_compile(r"\d{1,2}(?:\.\d{1,2})*[.．、]?")
_CLAUSE_MARK = lazy_compile(r"[，。；：:,;]")
# A clause stating how points are taken or given per step (每…扣/减/加 N分) or where full or no marks begin (100%计满分,
# 大于30%不得分): a framework's rule, not the unit's figures.
_SCORING_RULE = lazy_compile(r"每[^，。；,;]{0,16}?(?:扣|减|加|得)\s*[\d.]+\s*分|每(?:项|个|次|条|处)\s*[\d.]+\s*分|"
                             r"(?:缺|少|漏|错|差)\s*[一二三四五1-9]\s*(?:项|个|次|处|条)\s*(?:扣|减)\s*[\d.]+\s*分|[\d.]+\s*[%％]?[^，。；,;\d]{0,8}?"
                             r"(?:计满分|不得分|得满分)|(?:(?:≥|≤|达到|不低于|不高于|超过|低于|高于|大于|小于)\s*[\d.]+\s*[%％]?"
                             r"|[\d.]+\s*[%％分]?\s*(?:及以上|以上|及以下|以下))[^，。；,;\d]{0,8}?得\s*[\d.]+\s*分")
_INCLUDED = r"[（(]\s*不?含\s*[）)]"  # (含), (不含) after a range's end: 80%（含）至90%
# The upper end of a range after its lower end's bracket (80（含）-90分): a dash, not a minus.
_INCLUDED_END = lazy_compile(r"\d\s*分?\s*[（(]\s*不?含\s*[）)]\s*$")
_YEAR_DIGITS = lazy_compile(r"(?:19|20)\d{2}")
_PARTS_OF_A_DOCUMENT = lazy_compile(r"(?:表|报告|说明|清单|材料|附件|文件)\s*[（(]\s*共\s*$")
_PATH_MARKS = " \u3000\t>＞»›|｜/"  # what stands before a site's column or a title's year: a space, a path's step
_YEAR_WRITTEN = lazy_compile(r"(?:19|20)\d{2}\s*年")
_TITLE_END = lazy_compile(r"(?:报告|自评表|评分表|评价表|情况说明|编制说明|决算公开|预算公开)$")
_METADATA = lazy_compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|(?<![A-Za-z])(?:True|False)(?![A-Za-z])")
MAX_METADATA_GAP = 40  # characters between a bare number and the timestamp or flag that makes it a file property
_PER = lazy_compile(rf"\s*/\s*(?P<per>(?:\d+(?:\.\d+)?\s*[万千亿]?)?\s*(?:{_UNIT_RE}))(?![\dA-Za-z])")
_DOTTED_DATE = lazy_compile(r"(?:19|20)\d{2}\.(?:0?[1-9]|1[0-2])")
SUBJECT_CODE = lazy_compile(r"2[0-3]\d(?:\d{2}){1,2}")  # 功能分类科目 codes: 类 201, 款 20103, 项 2010301
_NEXT_HEADING = lazy_compile(r"\s+(?:第[一二三四五六七八九十]+(?:部分|章|节)|[一二三四五六七八九十]+\s*、|"
                           r"[（(]\s*[一二三四五六七八九十]+\s*[）)]|附件|附表)")
_PAGED_HEADING = lazy_compile(r"\s\d{1,3}" + _NEXT_HEADING.pattern)  # a page number, then the next heading
_YEAR_LABEL = lazy_compile(r"(?:年度|年份|所属年|年)[：:]?$")
# A code run straight on from its label, with no colon or space (预算编码302001, 电话（0731）84561234, 邮编410000).
_CODE_GLUED = lazy_compile(rf"(?:{'|'.join(CODE_LABELS)})[\d\-()（）]*$")
# Labels of a table's ordinals: the numbers after them count the table's rows or columns (栏次 1 2 3, 序号 1).
_ORDINALS = lazy_compile(r"(?:序号|栏次|行次)[\s\d]*$")
# A date written as digits alone (20230510), or with a slash (2022/12/31); a month and day joined by a dot (12·4).
_DIGIT_DATE = lazy_compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
_MONTH_DAY = lazy_compile(r"[·•・]\d{1,2}(?!\d)")
# What a time word after a dotted date says (2022.12前, 2023.6以来): a time, not a figure.
_TIME_AFTER = lazy_compile(r"\s*(?:月|底|末|初|前|后|以前|以后|以来|起|止|之前|之后|期间)")
# A 类 of the budget's functional classification: three digits (201-234) before a name ending in 支出.
CLASS_CODE = lazy_compile(r"2[0-3]\d")
_CLASS_NAME = lazy_compile(r"\s?[\u4e00-\u9fff、]{1,16}?支出")
# The short numbers of emergency and public services before the service's name (110报警, 120急救中心, 12333咨询).
_SERVICE_NUMBER = lazy_compile(r"11[0249]|12[02]|123\d{2}|95\d{3}|96\d{3,4}")
_SERVICE_WORDS = lazy_compile(r"报警|急救|火警|消防|交通|指挥|接警|出警|查号")
# A bound written before the verb whose count it bounds (至少全年完成2次, 不少于每月开展1次): a few words, no clause mark,
# no other number and no 的 between (不超过预算的情况下完成3次 bounds no count).
_BOUND_AHEAD = lazy_compile(r"(?P<word>至少|最少|不少于|不低于|至多|最多|不超过|不多于|不高于)(?:(?!的)[\u4e00-\u9fff]){1,6}$")
MAX_HEADING = 30  # characters of a heading after its number
_CONTACT = lazy_compile(r"联系|电话|咨询|监督|举报|投诉|传真")
MAX_CONTACT_GAP = 20  # characters between the words of a contact and its number
# Things a report numbers among its own (指标1, 目标2, 任务3, 问题1): the number glued to the noun names one of them.
_NUMBERED_THING = lazy_compile(r"(?:指标|目标|任务|措施|问题|建议|步骤|环节|阶段|标段|子项)$")
_PAGE_FOOTER = lazy_compile(r"\s*[-－—]\s*\d{1,3}\s*[-－—]\s*")  # - 3 -: a page's footer, the whole line


# Words of a change, which can be negative: a bare percentage in brackets after them (增长（12.5%）) is an accountant's
# negative or an aside, and which one the writing does not say.
_CHANGE_WORDS = lazy_compile(r"增长|下降|增加|减少|增减|变动|变化|同比|环比|增幅|降幅|上升|回落")
MAX_CHANGE_GAP = 12  # characters between the change's word and the bracket
# A word of a fall right before a signed number (下降-6.1%): the sign and the word say the direction twice.
_FALL_WORD = lazy_compile(r"(?:下降|减少|降低|回落|缩减|减|降)(?:了|为|幅度为|幅度)?\s*[:：]?\s*$")


_CONTENTS_AHEAD = lazy_compile(r"目\s*目?\s*录")  # a contents list's heading further on the line (a score opening a row with
# leaders, 1 某某指标……, is a figure)
_BOUND_SUFFIXES = ("以上", "及以上", "以下", "及以下")
_BOUND_PREFIXES = ("低于", "高于", "不足", "不满", "超过", "达到", "不低于", "不高于")
_STANDARD_AFTER = lazy_compile(r"(?:以上|以下)?的?[\u4e00-\u9fff]{0,6}?标准")  # …救助标准, 的补助标准
# After a bound: the class it names (…的专用设备, 老年人), not a clause that goes on (，, 。, 的需…: a rule, see above).
_CLASS_AFTER = lazy_compile(r"的?[\u4e00-\u9fff]")


def _is_money(unit: str) -> bool:
    known = UNITS.get(unit)
    return known is not None and known.dimension == "money"


# What a web page counts around a copy: its views (bare: 网站访问量12万人次 is a figure) and a document site's articles.
_SITE_COUNT = lazy_compile(r"(?:(?:浏览|阅读|点击)(?:量|数|次数)?|精选|精品|范文|优选|合集|锦集|通用|大全|汇编|模板|篇)\s*[：:]?\s*$")
MAX_HEAD_WORDS = 12  # characters before a number that can name a page's counter

_GRADE_WORD = r"(?:优秀|优|良好|良|较好|中等|中|一般|合格|及格|较差|差|不合格|不及格|[A-Da-d]\s*(?:级|等|档)?(?![A-Za-z]))"
_GRADE = r"[“\"「『（(]?" + _GRADE_WORD
_BOUND_WORD = r"[（(]\s*含\s*[）)]|[（(]\s*不含\s*[）)]|及?以上|及?以下|之间|[至到~～\-—－]|[≤≥<>＜＞≦≧]=?"
# After a threshold: more bounds, numbers and 分 of its range, then the grade it gives (70分（含）以上85分以下为良).
# Possessive (*+): nothing after the run can take back a piece of it, and a row of numbers (1234.56\t1234.56 …) split
# every way made the match exponential in the row's length (a 375-row table took a minute to draft).
_GRADE_AFTER = lazy_compile(rf"(?P<between>(?:\s|{_BOUND_WORD}|且|并|、|得分|总分|分|\d++(?:\.\d++)?)*+)的?\s*"
                          rf"(?:为|评为|评定为|定为|确定为|属于|属|即为|计为|等级为|档次为)\s*{_GRADE}")
# Before a threshold: a grade and its bound (优秀：90分以上; 良（80≤得分<90）), or a score compared (得分≥, 总分在).
_GRADE_BEFORE = lazy_compile(rf"(?:^|[\s，,；;。、（(]){_GRADE_WORD}[”\"」』]?\s*[：:（(=＝]\s*"
                           r"(?P<low>\d++(?:\.\d++)?\s*分?\s*(?:[（(]\s*含\s*[）)])?\s*(?:[≤<≦＜]=?|[至到~～\-—－])\s*)?"
                           # the range's lower end (良（80≤得分<90）, B级（80分（含）至90分）)
                           rf"(?:(?:得分|总分|分值|评分)\s*)?(?:{_BOUND_WORD}|在|达到)?\s*$")
_COMPARED = lazy_compile(r"(?:得分|总分|评分|分数)\s*(?:(?:在|达到|为)?\s*(?:[≤≥<>＜＞≦≧]=?|大于等于|小于等于|大于|小于|不低于|低于)|在)\s*$")
# A rule of a form giving points: on a condition (目标明确的得5分), or with an alternative (…得2分，否则不得分), a
# question's points (是否完整（3分）), a formula's (10分×完成率); its words inside a bracket make the bracket's
# points the rule's ((3分，其中整体目标2分，无项目的得3分)).
_RULE_WORDS = lazy_compile(r"的\s*[，,]?\s*(?:得|扣|计|加|减)\s*\d|否则|不得分|得满分|扣完|酌情|是否|[×*＊]")


# Before a form's points: a cap (最多扣2分, 最高得3分), or a condition met (全部完成得4分, 按时报送得3分, 未完成扣2分) — a
# rule of what a row earns, unlike a score given (投入指标得18分, 因台账不全扣1分).
_CAP = lazy_compile(r"(?:最多|最高|至多|最低|最少)\s*(?:扣|得|加|减|计)\s*$")
_ON_CONDITION = lazy_compile(r"(?:完成|达到|达标|实现|符合|满足|按时|及时|按期|全部|部分|基本|未|超过|低于|高于|不足|若|如|凡)"
                             r"[^，。；,;\d]{0,8}?(?:得|计|扣|减|加)\s*$")
# Points given on a threshold or a range reached (80%-90%得3分, ≥90%得满分, 90分以上得5分): a rule's grades.
_ON_THRESHOLD = lazy_compile(r"(?:\d\s*[%％分]?\s*(?:[-—~～至到]\s*[\d.]++\s*[%％分]?|及?以上|及?以下)|[≥≤<>＜＞]=?\s*[\d.]++\s*[%％分]?)"
                             r"\s*(?:的)?\s*(?:得|计|扣)\s*$")
_TARGET_REACHED = lazy_compile(r"(?:完成|达到|实现)[^，。；,;]{0,12}?得\s*$")  # 完成1万卷得 (10分), in a rule
_CAUSE = lazy_compile(r"因|由于|鉴于")  # 因未按时报送扣1分: a deduction given, with its cause
# A threshold whose clause ends in 的 before a scoring rule (偏差率超过10%的，每超过1个百分点扣0.1分), and a weight in
# a sentence that scores by it (权重为20%，按实际完成情况计分).
_THRESHOLD_OF_A_RULE = lazy_compile(r"[^，。；,;]{0,12}?的\s*[，,]\s*(?:每|扣|减|不得分|得\s*[\d.]|计\s*[\d.]|按比例"
                                    r"|按[^，。；,;]{0,12}?(?:计分|得分|扣分|折算))"
                                    # a rung of a scoring ladder: 90%≤执行率<95%得8分 (both ends of the rung)
                                    r"|\s*[≤<＜≦]\s*[\u4e00-\u9fff]{1,8}?\s*[≤<＜≦]")
_BOUND_BEFORE = lazy_compile(r"[≥≤<>＜＞≦≧]\s*$")
_POINTS_RIGHT_AFTER = lazy_compile(r"\s*(?:（含）|\(含\))?\s*的?\s*(?:得|扣)\s*[\d.]++\s*分")  # <95%得8分
_WEIGHT = lazy_compile(r"权重\s*(?:为|是|[：:])?\s*$")
_TARGET_FOR_POINTS = lazy_compile(r"(?:完成|达到|实现)[^，。；,;\d]{0,8}$")
_POINTS_AFTER = lazy_compile(r"[^，。；,;\d]{0,4}?得\s*[\d.]++\s*分")
# Full marks in a rule of scoring (指标满分10分，按完成比例得分), not a section's weight beside its score (产出指标：满分30分，
# 得分28.5分).
_FULL_MARKS = lazy_compile(r"满分(?:值)?\s*(?:为|是|[：:])?\s*$")
_RULE_CUE = lazy_compile(r"按[^，。；,;]{0,10}?(?:得分|计分|扣分|折算)|扣完为止|不得分|得满分|每[^，。；,;]{0,16}?扣|酌情|"
                         r"每(?:项|个|次|条|处)\s*[\d.]+\s*分|(?:缺|少|漏|错)\s*[一二三1-9]\s*(?:项|个|次|处|条)\s*(?:扣|减)")
_SCORE_GIVEN = lazy_compile(r"得分\s*(?:为|是|[：:])?\s*\d|(?:自评|实际|评价)得")
_SCORES_BY = lazy_compile(r"计分|扣分|得分|评分|打分|满分")


# A rung of a scoring ladder: a clause giving points (得8分, 得满分, 不得分, 按比例得分) on a condition that bounds a
# number (≥95%, 90%（含）至95%之间, 10%以内, 低于80%, 完成率100%的得): every number of the clause is the rule's.
_RUNG_POINTS = lazy_compile(r"(?:(?:得|计|扣|减)\s*(?:[\d.]++\s*分|满分|半分|一半(?:分值|分数)?|零分)|不得分|不计分"
                            r"|按[^，。；,;]{0,10}?(?:得分|计分|扣分|折算))")
_RUNG_CONDITION = lazy_compile(r"[≥≤<>＜＞≦≧±]|以上|以下|以内|之内|之间|不足|不低于|不高于|低于|高于|超过|未达|小于|大于"
                               r"|的\s*$|[\d%％分]\s*[（(]\s*不?含\s*[）)]|\d\s*[%％分]?\s*[至到~～\-—－]\s*[\d.]")
# Where a sentence is a rule of scoring (评分标准：…, a rate's formula …×100%, 每…扣…分, 扣完为止): a number right
# before points (到位率100%得3分) is a rung, with or without a bound.
_RULE_SENTENCE = lazy_compile(r"评分标准|计分方法|评分方法|评分规则|评分办法|计分规则|指标解释|[×*＊]\s*100\s*[%％]|扣完为止"
                              r"|每[^，。；,;]{0,16}?(?:扣|减)\s*[\d.]+\s*分")
_RESULT_WORDS = lazy_compile(r"实际|实现了|完成了|已经|已")  # 实际完成率92%高于目标90%得5分: a score given, not a rule
# A level of a rubric opening its clause (2分：制度健全；1分：…；0分：无制度): the points a description earns.
_RUBRIC_LEVEL = lazy_compile(r"(?:^|[；;。，,\s])[\d.]++\s*分\s*[：:]")


def _rung_of_a_ladder(norm: str, lead: int, end: int, before: str, after: str) -> bool:
    """Is a number part of a clause that gives points on a bounded condition (a rung of a scoring ladder), or a
    level of a rubric? The framework's rule, not the unit's figures; a score given (因…扣1分, 自评得) is not."""
    clause_before = re.split(r"[，。；,;]", before)[-1]
    clause = clause_before + norm[lead:end] + re.split(r"[，。；,;]", after)[0]
    if re.search(r"[（(]\s*(?:分值|权重|满分)?\s*[:：]?\s*$", before) and re.match(r"\s*[）)]\s*[：:]", after):
        return False  # a label's weight in brackets before its colon (三公经费控制（10分）：每超支1%扣1分): the rule after
    if _CAUSE.search(clause) or _SCORE_GIVEN.search(clause) or _RESULT_WORDS.search(clause):
        return False
    found = list(_RUNG_POINTS.finditer(clause))
    points = found[-1] if found else None  # the clause's last points: what its condition gives
    if points is not None and len(clause_before) < points.end():  # the number stands before the points' end
        condition = clause[:points.start()]
        if _RUNG_CONDITION.search(condition) or (
                re.search(r"\d\s*[%％]?\s*$", condition) and _RULE_SENTENCE.search(before + norm[lead:end] + after)):
            return True
    if re.match(r"\s*(?:为|作为)满分", after):
        return True  # 以100分为满分: the scale's
    return bool(not clause_before.strip() and re.match(r"\s*[：:]", after) and norm[lead:end].rstrip().endswith("分")
                and _RUBRIC_LEVEL.search(before + "；" + after[1:]))


def _rule_threshold(norm: str, before: str, after: str) -> bool:
    """Is a number the threshold a form's rule scores from, or a weight stated in a rule of scoring?"""
    clause_before = _CLAUSE_MARK.split(before)[-1]
    if _TARGET_FOR_POINTS.search(clause_before) and _POINTS_AFTER.match(after) and _RULE_CUE.search(before + after):
        return True  # 完成1万卷得10分，未完成按比例得分: the target a rule gives its points for
    return bool(_THRESHOLD_OF_A_RULE.match(after) or (_BOUND_BEFORE.search(before) and _POINTS_RIGHT_AFTER.match(after))
                or (_WEIGHT.search(clause_before) and _SCORES_BY.search(norm))
                or (_FULL_MARKS.search(clause_before) and _RULE_CUE.search(norm) and not _SCORE_GIVEN.search(norm)))


def _rule_of_a_form(before: str, after: str, bounded: bool) -> bool:
    """Is a score (N分, or a bare number) a form's rule rather than the unit's: a grade's threshold, a formula's or a
    condition's points? A form's weight (资金管理（20分）) and a score (得分18分, 因台账不全扣1分) are not."""
    clause_before = _CLAUSE_MARK.split(before)[-1]
    grade = _GRADE_AFTER.match(after)
    if grade and (bounded or re.search(_BOUND_WORD, grade.group("between")) or _COMPARED.search(clause_before)):
        return True  # 得分≥85分为优, 70分（含）以上85分以下为良, 得分在90分以上的为优秀
    graded = _GRADE_BEFORE.search(before)
    if graded and (bounded or graded.group("low") or re.match(rf"\s*(?:{_BOUND_WORD})", after)):
        return True  # 优秀：90分以上, 良（80≤得分<90）
    if re.match(r"\s*[×*＊]", after) or re.search(r"的\s*[，,]?\s*(?:得|扣|计|加|减)\s*$", clause_before) \
            or "是否" in clause_before or re.match(r"[^，。；,;]*[，,；;]\s*否则", after):
        return True  # 10分×完成率, 目标明确的得5分, 是否完整（3分）, 按时完成得2分，否则不得分
    if _CAP.search(clause_before) or _ON_THRESHOLD.search(clause_before) \
            or (_TARGET_REACHED.search(clause_before) and _RULE_CUE.search(before + after)) \
            or (_ON_CONDITION.search(clause_before) and not _CAUSE.search(clause_before)):
        return True  # 满分10分, 最多扣2分, 全部完成得4分, 按时报送得3分
    opened = re.search(r"[（(][^（）()]*$", before)
    closed = re.match(r"[^（）()]*[）)]", after)
    return bool(opened and closed and _RULE_WORDS.search(opened.group(0) + closed.group(0)))




@dataclass(frozen=True)
class Found:
    """A quantity in a sentence and where it is written: sentence[start:end] == quantity.text."""

    quantity: Quantity
    start: int
    end: int
    doubt: str | None = None  # why the reading is not sure (1.268,40): the reader marks it 存疑 and uses it nowhere


def _quoted_mask(text: str) -> list[bool]:
    """True inside closed quotation marks, title marks and document-number brackets: names, slogans, 文号."""
    mask = [False] * len(text)
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _QUOTES:
            stack.append((ch, i))
        elif stack and ch == _QUOTES[stack[-1][0]]:
            _, start = stack.pop()
            for j in range(start, i + 1):
                mask[j] = True
    return mask


def _chinese_value(text: str) -> Decimal | None:
    import cn2an  # imported on first use: it is slow to load and most callers never meet a Chinese numeral

    try:
        return Decimal(str(cn2an.cn2an(text, "normal")))
    except (ValueError, KeyError, IndexError, InvalidOperation):
        return None


@dataclass(frozen=True)
class _Normalised:
    """A text as numbers are searched in it: full-width forms and minus signs made ASCII, invisible characters
    dropped, numbers grouped in other ways written 1268.40; `at[i]` is where norm[i] stands in the text."""

    norm: str
    at: tuple[int, ...]
    doubts: tuple[tuple[int, int, str], ...]  # spans of norm read as one number though the writing is ambiguous

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.at[start], self.at[end - 1] + 1

    def doubt_in(self, start: int, end: int) -> str | None:
        """Why a number read at norm[start:end] is unsure, if a doubted span meets it (spans are in text order)."""
        k = bisect_right(self.doubts, (end,)) - 1  # the last doubted span starting before the number ends
        return self.doubts[k][2] if k >= 0 and self.doubts[k][1] > start else None


# An amount in brackets is negative, as accountants write it: “（12.5）%” in prose, “(1,268.40)” as a whole cell.
# A bracketed integer alone is a list number ((3)), never read as one.
# A whole number in brackets is a negative only with % after the bracket (（25）%), as a list number never has; in
# lenticular, tortoise-shell or full-width square brackets likewise (【20】%, 〔20〕%).
_BRACKETED = lazy_compile(r"[（(]\s*(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+(?=\s*[）)]\s*[%‰]))\s*[）)]"
                        r"(?P<pct>\s*[%‰])?|[【〔［\[]\s*(?P<m>\d+(?:\.\d+)?)\s*[】〕］\]](?P<pct2>\s*[%‰])"
                        r"|[（(]\s*(?P<w>\d+(?:\.\d+)?)\s*(?P<pct3>[%‰])\s*[）)]")  # (20%) as a whole cell
# 负 written before a number is its minus (增长率为负25%), but not after 正 (正负5%: a tolerance either way).
_WORD_MINUS = lazy_compile(r"(?<!正)负\s?(?=\d)|(?<=[为是：:])减(?=\d+(?:\.\d+)?\s*[%‰])")  # 为负 25%, 变动率为减25%
_WORD_MINUS_CN = lazy_compile(r"(?<!正)负百分之")  # 负百分之二十五: the minus after 百分之, where the reader reads a sign
# An arrow beside a percentage says its direction (25%↓, ↓25%: −25%; 25%↑ is +25%).
_ARROWED = lazy_compile(r"(?P<a>[↓▼⬇])\s?(?P<n>\d++(?:\.\d++)?\s*[%‰])|(?<![\d.])(?P<m>\d++(?:\.\d++)?\s*[%‰])\s?(?P<b>[↓▼⬇↑▲⬆])")
# A sum in two magnitudes (3千752.48万元 is 3752.48万元, 1亿2345万元 is 12345万元): one amount.
_TWO_MAGNITUDES = lazy_compile(r"(?<![\d.])(?P<a>\d{1,4})(?P<m>[亿千])(?P<b>\d+(?:\.\d+)?)(?=万)")
# A minus a PDF set apart from its number by one space (变动率为 - 25%), after a word or an opening mark
_SPACED_MINUS = lazy_compile(r"(?:^|[\u4e00-\u9fff：:（(，,、])\s?-$")


def _grouping(m: re.Match[str]) -> tuple[str, str | None] | None:
    """How an unusually grouped number reads (digits, why it is unsure), or None to leave it as written."""
    sep, dec, frac = m.group("sep"), m.group("dec"), m.group("frac")
    digits = m.group("head") + m.group("groups").replace(sep, "")
    written = m.group(0)
    if sep == "." and dec != "," and "." not in m.group("groups"):
        return None  # 1.268 is a decimal; 1.268.400 is not
    if sep == "," or (sep == "，" and dec == ","):
        return None
    value = digits + ("." + frac if frac else "")
    if dec == ",":
        return value, f"“{written}”以逗号为小数点，读作{value}，请核对"
    if sep == "，" and not frac:
        return value, f"“{written}”可读作{value}，也可能是以逗号分开的两个数，请核对"
    if sep == " ":
        return value, f"“{written}”中的空格读作千位分隔，读作{value}，请核对"
    if sep == ".":
        return value, f"“{written}”以点为千位分隔，读作{value}，请核对"
    return value, None


def _normalise(text: str, whole: bool) -> _Normalised:
    chars: list[str] = []
    at: list[int] = []
    for i, ch in enumerate(text):
        if ord(ch) in _INVISIBLE and chars and chars[-1].isdigit():
            continue
        if ch == " " and chars[-1:] == ["-"] and text[i + 1:i + 2].isdigit() \
                and _SPACED_MINUS.search("".join(chars[-3:])):
            continue  # 为 - 25%: the minus of the number after it
        chars.append(ch.translate(_FULL_WIDTH).translate(TO_SIMPLIFIED))  # 12.5萬元 reads as 12.5万元
        at.append(i)
    norm = "".join(chars)

    def negative(m: re.Match[str]) -> tuple[str, str | None] | None:
        if m.group("m"):
            return "-" + m.group("m") + m.group("pct2").strip(), None
        if m.group("w"):  # in prose (增长（20%）) a bracket only notes a rate; a cell of nothing else is a negative
            return ("-" + m.group("w") + m.group("pct3"), None) if whole and m.start() == 0 and m.end() == len(norm) \
                else None
        if not (m.group("pct") or (whole and m.start() == 0 and m.end() == len(norm))):
            return None
        return "-" + m.group("n") + (m.group("pct") or "").strip(), None

    norm, at, _ = _rewrite(norm, at, PINYIN, lambda m: (" " * len(m.group(0)), None))  # 報(bào)告: read as if absent
    norm, at, _ = _rewrite(norm, at, _CIRCLED, lambda m: (m.group(0).translate(_CIRCLED_DIGITS), None))
    norm, at, _ = _rewrite(norm, at, _DOT_DECIMAL, _dot_decimal)
    norm, at, _ = _rewrite(norm, at, _STOP_DECIMAL, lambda m: (f"{m.group('int')}.{m.group('frac')}", None))
    norm, at, _ = _rewrite(norm, at, _WORD_MINUS, lambda m: ("-", None))
    norm, at, _ = _rewrite(norm, at, _WORD_MINUS_CN, lambda m: ("百分之-", None))
    norm, at, _ = _rewrite(norm, at, _ARROWED, _arrowed)
    norm, at, _ = _rewrite(norm, at, _TWO_MAGNITUDES, _two_magnitudes)
    norm, at, _ = _rewrite(norm, at, _WAN_QIAN, lambda m: (f"{m.group('a')}.{m.group('b')}{m.group('c') or ''}万", None))
    norm, at, _ = _rewrite(norm, at, _WAN_YUAN, lambda m: (
        f"{m.group('a')}.{m.group('b').zfill(4)}".rstrip("0").rstrip(".") + "万", None))
    norm, at, raised = _rewrite(norm, at, _RAISED, _raised)
    norm, at, _ = _rewrite(norm, at, _BRACKETED, negative)  # sure readings: no doubts to keep
    norm, at, doubts = _rewrite(norm, at, _OTHER_GROUPING, _grouping)
    norm, at, broken = _rewrite(norm, at, _BROKEN, _broken)  # after the groupings (1 268,40 is theirs), in as many
    doubts += broken + raised  # characters, so the doubts found before keep their places
    norm, at, dashes = _dashes_as_minus(norm, at)
    norm, lookalikes = _lookalike_digits(norm)
    return _Normalised(norm, tuple(at), tuple(sorted(doubts + dashes + lookalikes)))


def _lookalike_digits(norm: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Each letter or 〇 between digits read as the digit it looks like, in as many characters, and why it is unsure."""
    doubts = [(m.start(), m.end(), f"数字中的“{m.group(0)}”读作{m.group(0).translate(_LOOKALIKE_DIGIT)}（形近字），请核对")
              for m in _LOOKALIKE.finditer(norm)]
    chars = list(norm)
    for start, _, _ in doubts:
        chars[start] = chars[start].translate(_LOOKALIKE_DIGIT)
    return "".join(chars), doubts


def _dot_decimal(m: re.Match[str]) -> tuple[str, str | None] | None:
    """2450·60 is 2450.60; 12·4 and 3·15 are dates (a month up to 12, a day up to 31), left as written."""
    whole, frac = m.group("int"), m.group("frac")
    if len(whole) <= 2 and int(whole) <= 12 and len(frac) <= 2 and 1 <= int(frac) <= 31:
        return None
    return f"{whole}.{frac}", None


def _broken(m: re.Match[str]) -> tuple[str, str | None]:
    """A number whose writing is broken, read whole (a comma before one or two last digits as its decimal point), and
    why it is unsure."""
    written = m.group("n")
    compact = written.replace(" ", "").replace("、", ".")
    head, comma, tail = compact.rpartition(",")
    value = f"{head.replace(',', '')}.{tail}" if comma and len(tail) <= 2 else compact.replace(",", "")
    value = re.sub(r"\.\.", ".", value).rstrip(".")
    if value.count(".") > 1:  # 3.752.48: the last point the decimal one, the others grouping
        head, _, tail = value.rpartition(".")
        value = f"{head.replace('.', '')}.{tail}"
    return value.rjust(len(written)), f"“{written}”写法不规范，读作{value}，也可能是两个数，请核对"


def _raised(m: re.Match[str]) -> tuple[str, str | None]:
    """Superscript digits read as the digits they raise, and why that is unsure."""
    value = m.group(0).translate(str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")).replace("·", ".")
    return value, f"“{m.group(0)}”以上标数字书写，读作{value}，请核对"


def _arrowed(m: re.Match[str]) -> tuple[str, str | None]:
    """A percentage with its arrow, signed as the arrow points."""
    if m.group("a"):
        return "-" + m.group("n"), None
    return ("-" if m.group("b") in "↓▼⬇" else "") + m.group("m"), None


def _two_magnitudes(m: re.Match[str]) -> tuple[str, str | None] | None:
    """3千752.48(万) as 3752.48(万), 1亿2345(万) as 12345(万); a second part as large as the first's magnitude is no
    such sum (3千1500万 is left as written)."""
    per = 10000 if m.group("m") == "亿" else 1000  # in 万
    rest = Decimal(m.group("b"))
    if rest >= per:
        return None
    return str(int(m.group("a")) * per + rest) if "." not in m.group("b") else \
        f"{int(m.group('a')) * per + int(rest)}.{m.group('b').partition('.')[2]}", None


def _dashes_as_minus(norm: str, at: list[int]) -> tuple[str, list[int], list[tuple[int, int, str]]]:
    """Each dash before a number written as its minus in as many characters (the doubts already found keep their
    places), the minus standing where the dash begins in the text (a number is cited with its dash), and why each is
    unsure."""
    chars, at = list(norm), list(at)
    doubts = []
    for m in _PLUS_MINUS.finditer(norm):  # ±25%: a tolerance either way, no one value
        chars[m.start()] = " "
        doubts.append((m.end(), m.end() + 1, f"“{m.group(0)}”表示上下浮动，不是一个确定的数值，请核对"))
    for m in _DASH_MINUS.finditer(norm):
        first, last = m.start(), m.end() - 1
        chars[first:last] = " " * (last - first)
        chars[last] = "-"
        at[last] = at[first]
        doubts.append((last, last + 1, f"数字前的“{m.group(0).strip()}”读作负号，也可能是破折号或空缺的标记，请核对"))
    for m in _DELTA_MINUS.finditer(norm):
        chars[m.start()] = "-"
        doubts.append((m.start(), m.end() + 1, "数字前的“△”读作负号（财务报表以△表示负数），也可能只是表示变动的符号，请核对"))
    for m in _BRACKETED_AMOUNT.finditer(norm):  # in as many characters: the minus where the bracket opens
        signed = ("-" + m.group("n")).rjust(m.end() - m.start())
        chars[m.start():m.end()] = signed
        at[m.end() - len(m.group("n")) - 1] = at[m.start()]  # the number cited from its bracket
        doubts.append((m.start(), m.end(), f"括号内的金额“{m.group(0)}”读作负数（会计写法），也可能只是注释，请核对"))
    return "".join(chars), at, doubts


def _rewrite(norm: str, at: list[int], pattern: re.Pattern[str],
             reading: Callable[[re.Match[str]], tuple[str, str | None] | None]) -> tuple[str, list[int], list[tuple[int, int, str]]]:
    """norm with each match of pattern written as `reading` says, its positions kept, and the spans it doubts."""
    doubts: list[tuple[int, int, str]] = []
    out: list[str] = []
    out_at: list[int] = []
    pos = 0
    for m in pattern.finditer(norm):
        read = reading(m)
        if read is None:
            continue
        value, doubt = read
        out += norm[pos:m.start()]
        out_at += at[pos:m.start()]
        begin = len(out)
        out += value
        span = at[m.start():m.end()]
        out_at += [span[0]] if len(value) == 1 else [span[0]] * (len(value) - 1) + [span[-1]]  # 负 → -: where 负 is
        if doubt:
            doubts.append((begin, len(out), doubt))
        pos = m.end()
    out += norm[pos:]
    out_at += at[pos:]
    return "".join(out), out_at, doubts


def _scan(text: str, whole: bool) -> Iterator[Found]:
    n = _normalise(text, whole)
    norm = n.norm
    quoted = _quoted_mask(norm)
    pos = 0
    while True:
        m = _NUMBER.search(norm, pos)
        if m is None:
            return
        pos = m.end() if m.end() > m.start() else m.start() + 1
        found = _reading(norm, norm, m, quoted, whole)
        if found is not None:
            pos = found.end
            start, end = n.span(found.start, found.end)
            doubt = n.doubt_in(found.start, found.end) or found.doubt \
                or (None if whole else _too_many_digits(found.quantity.text))  # a cell, a target: as written
            yield Found(replace(found.quantity, text=text[start:end]), start, end, doubt)


def _too_many_digits(written: str) -> str | None:
    """Why a run of more digits than any figure has (a typo, a code, a run pasted in) is no figure, or None."""
    digits = sum(c.isdigit() for c in written)
    return f"一串 {digits:,} 位数字，没有哪个数值有这么多位" if digits > MAX_FIGURE_DIGITS else None


def _reading(text: str, norm: str, m: re.Match[str], quoted: list[bool], whole: bool) -> Found | None:
    """The quantity a match reads, or None when the number is not one (a date, a code, an ordinal, a name)."""
    g = m.groupdict()
    end = m.end()
    number_start = m.start("arabic") if g["arabic"] else m.start("chinese")
    lead = m.start("pct") if g["pct"] else (m.start("sign") if g["sign"] else number_start)  # 负百分之: 百分之-
    prefix = (g["prefix"] or "").strip()
    if prefix in ("约", "近") and m.start() > 0 and norm[m.start() - 1] in _WORD_BEFORE[prefix]:
        prefix = ""  # 节约30万元 is a saving of 30万元, 附近 is nearby
    start = m.start() if prefix else lead
    unit_written = g["unit1"] or g["unit2"] or ""
    unit = SYNONYMS.get(unit_written, unit_written)
    after = norm[end:end + LOOK_BEHIND]  # what follows, as far as it can matter
    before_char = norm[lead - 1] if lead > 0 else ""
    if quoted[number_start]:
        return None
    before = norm[max(0, lead - LOOK_BEHIND):lead]  # the words a number's reading depends on: never the whole text
    if before.rstrip().endswith("第") or (before_char and before_char in "-—–~～/.") \
            or re.match(r"[-—–~～]\d", after) or (g["sign"] and (before_char.isdigit() or (before_char != "" and before_char in "%‰") or (before_char.isascii() and before_char.isalpha()))) \
            or re.match(rf"\s*(?:{_INCLUDED})?\s*[至到]\s*\d", after) \
            or re.search(rf"\d\s*[%％分]?\s*(?:{_INCLUDED})?\s*[至到]\s*$", before) \
            or (g["sign"] and _INCLUDED_END.search(before)):
        return None  # ordinals (第二批), ranges and codes (附件1-3, 95-90%, 2400至2500万元, 80（含）-90分: neither end is
        # the figure)
    if before_char.isascii() and before_char.isalpha():
        return None  # model names and codes (G20, A3)
    if after[:1] == "伏" and not unit:
        return None  # a voltage naming a kind of line or station (10千伏线路, as 35kV变电站): which kind, not how much
    if (before_char in ":：∶" and before[-2:-1].isdigit()) or re.match(r"\s*[:：∶]\s*\d", after):
        return None  # a time of day (14:16:00), a ratio (按1:1比例配套): neither side is a figure
    if re.search(r"[\u4e00-\u9fff][A-Z][·•.]?\s*$", before) or re.search(r"(?:东|西)经|(?:南|北)纬", before[-4:]):
        return None  # a number plate (湘F·12345), a coordinate (东经112.5°)
    if not unit and not g["pct"] and _in_a_run_of_years(g["arabic"] or "", before, after):
        return None  # a table's header of years flattened onto a line (2019 2020 2021 …): its values are below
    if after[:1].isascii() and after[:1].isalpha() and (not unit or unit_written.isascii()):
        return None  # 5G, 3A; 3.75km is a length but 5mb, 3min are no metres
    if not unit and not g["pct"] and re.match(r" [A-Za-z]{2}", after):
        return None  # a Latin unit or word after a space (728.4 KB, 2 of 5): not one a report counts in
    compact = re.sub(r"\s+", "", before)
    if _CODE_COLON.search(compact) or _CODE_SPACED.search(before):
        return None  # 预算编码：132001, 联系电话 151…
    if compact.endswith(_REFERENCE_WORDS) or compact in ("表", "图") or _LEADERS.search(before):
        return None  # 附件5, 见表3, a caption's number (表3 …), a contents line's page number (……12)
    if (before_char and before_char in "×*＊") or re.match(r"\s*[×*＊]\s*\d", after):
        return None  # a product or a size (7×24小时, 1366*768): neither factor is a figure
    if _ORDINALS.search(before) or _PAGE_FOOTER.fullmatch(norm) or (
            _PAGE_FOOTER.fullmatch(norm, m.start()) and re.fullmatch(r"\d{1,3}", g["arabic"] or "")
            and (not before or before[-1].isspace())):
        return None  # a table's row or column numbers (栏次 1 2 3), a page's footer (- 3 -), alone or ending a
        # contents line (六、支出决算表 - 12 -)
    if compact.endswith("指标") and not unit and re.fullmatch(r"\d{1,2}", g["arabic"] or "") and before_char == "标":
        return None  # a 绩效自评表 template's row number (指标1：…, 指标2)
    spaced = after.lstrip(" \u3000" + _GROUP_SPACES)
    if g["chinese"]:
        if unit_written == "分" and not re.search(r"(?:得分|总分|评分|分数)\s*(?:为|是|：|:)?\s*$", before):
            return None  # 十分 (very), 两分类: scores are written in figures, but after a score's word (自评得分九十一分)
        if not whole and not unit and not g["pct"] and not g["mult"]:
            return None  # a Chinese numeral without a unit is a word (一是, 三公, 十九大)
        if not whole and g["chinese"] in ("一", "二") and not g["mult"]:
            return None  # 一 before a measure word is an article (一个单位, 一次性), 二 an ordinal (二次分拣)
        if re.match(r"(?:规定|禁令|纪律)", after):
            return None  # the name of a set of rules (中央八项规定, 六项禁令): no count of the unit's
        if not whole and unit == "期" and re.match(r"(?:工程|项目|建设|改造|工作)", after):
            return None  # a phase's name (三期工程): which phase, not how many (分三期实施 counts them)
    if re.match(r"\s*的\s*[，,]?\s*(?:需|应|须|要|请)", after):
        return None  # the threshold of a rule (未达到90%的需说明原因, 超过10万元的应报批): no figure of the unit
    if g["suffix"] in _BOUND_SUFFIXES and (unit == "岁" or _is_money(unit)) and _CLASS_AFTER.match(after):
        return None  # the bound that names a class (单价200万元以上的专用设备, 65岁以上老年人): the count of the class,
        # not its bound, is the figure
    if prefix in _BOUND_PREFIXES and (unit == "岁" or _is_money(unit)) and _STANDARD_AFTER.match(after):
        return None  # the bound of a standard (人均月收入低于400元救助标准, 年满60岁以上的补助标准): who qualifies
    if unit in ("篇", "次", "") and not g["pct"] and not g["mult"] and _SITE_COUNT.search(before[-MAX_HEAD_WORDS:]):
        return None  # a site's counters around a copy (浏览量 27, 阅读：1024, (精选5篇), 范文2): the page's, not the unit's
    if unit in ("分", "") and not g["pct"] and _rule_of_a_form(before, after, bool(g["suffix"] or prefix)):
        return None  # a grade's threshold (得分≥85分为优), a formula's points (10分×完成率), a rule's (目标明确的得5分)
    if _rule_threshold(norm, before, after):
        return None  # a threshold or a weight a form's rule scores by (偏差率超过10%的，每超过…扣0.1分; 权重为20%，…计分)
    if _rung_of_a_ladder(norm, lead, end, before, after):
        return None  # a rung of a scoring ladder (90%（含）至95%之间得8分, 10%以内得5分), a rubric's level (2分：…)
    if end - lead < LOOK_BEHIND and _SCORING_RULE.search(_CLAUSE_MARK.split(before)[-1] + norm[lead:end]
                                                         + _CLAUSE_MARK.split(after)[0]):  # a rule's number is short:
        # searched in a run of 20,000 digits the rule took time quadratic in its length
        return None  # a scoring rule's step and its points (每低于5%扣2分, 每超过一个百分点扣0.5分): the framework's
    if (unit == "分" and re.search(r"\d\s*(?:时|点|小时)\s*$", before)) or re.match(r"\s*点\s*\d{1,2}\s*分", after):
        return None  # a time of day or a duration (17时39分, 9点30分, 3小时20分): minutes, not a score
    if _PARTS_OF_A_DOCUMENT.search(before) and re.match(r"\s*[个份张篇项]?\s*[）)]", after):
        return None  # how many parts an attached document holds (…绩效自评表（共6个）): the document's, not the unit's
    if unit == "页" and not g["mult"]:
        return None  # 共12页: the document's own pages (扫描档案100万页 is a figure)
    if unit and any(after.startswith(word) for word in _DISCOURSE):
        return None  # the report counting its own parts (以下两个方面)
    if unit in ("张", "个", "") and after.startswith(("报表", "表格", "张表")) and _OWN_TABLES.search(before):
        return None  # the report counting its own tables (部门决算公开的8张报表)
    if len(unit_written) == 1:
        symbol_start = m.start("unit1") if g["unit1"] else m.start("unit2")
        if any(norm.startswith(word, symbol_start) for word in _NOT_UNITS):
            return _reading_without_unit(text, norm, m, quoted, whole)
    if not unit and not g["pct"]:
        if _METADATA.search(before[-MAX_METADATA_GAP:]) or _METADATA.search(after[:MAX_METADATA_GAP]):
            return None  # a file's properties saved into its text (author, 2019-05-22T04:56:35Z, 9300 22370 False)
        if spaced.startswith(_DATE_AFTER) and not g["mult"]:
            return None  # 2022年, 2022 年 (a PDF's space), 〔2021〕13 号
        if g["arabic"] and not g["mult"] and _not_a_figure_by_its_place(norm, lead, g["arabic"], before, after):
            return None
        if spaced.startswith(_NOT_AMOUNTS):
            return None  # 2000字以内: a word limit
        if g["arabic"] and g["arabic"][:1] == "0" and len(g["arabic"]) >= 3 and "." not in g["arabic"]:
            return None  # 0731, 001002: a code, never an amount
        if g["arabic"] and not g["mult"]:
            digits = g["arabic"].replace(",", "")
            if len(digits) == 11 and digits.isdigit() and "," not in g["arabic"] and digits.startswith("1"):
                return None  # a mobile phone number: eleven bare digits (12,560,000.00 is an amount)
            if re.match(r"\s?、", after) or (after[:1] in (".", "．") and not after[1:2].isdigit()) \
                    or _item_number(digits, before, after):
                return None  # list numbering (1、 2., 1 、 as a PDF spaces it, 4丶, 5>, 6，at an item's head)
            if re.search(r"[(（]\s*$", before) and re.match(r"\s*[)）]", after):
                return None  # (1), ( 1 )
            if after[:1] in ("：", ":") and not after[1:2].isdigit():
                return None  # a label's number (目标1：)
            if after[:1] == "/" and len(digits) >= 5:
                return None  # an index number (1506129692/hyx/2022-00029)
            if after[:1] in ("-", "—") and "." not in digits:
                return None  # a code before its name (411001-某某乡人民政府)
            if _SECTION_NUMBER.fullmatch(digits) and _CJK.match(after) and not after.startswith(_AFTER_DECIMALS) \
                    and lead <= LOOK_BEHIND and _heading_line(norm[:lead]):
                return None  # a heading's number (1.2部门支出描述; 3.引言3.1投入 in a contents line)
            if _YEAR_DIGITS.fullmatch(digits) and _YEAR_LABEL.search(compact):
                return None  # 评价年度：2024
            if _DOTTED_DATE.fullmatch(digits) and (re.match(r"[.．]\d", after) or re.match(r"\s*(?:月|底|末|初)", after)
                                                   or re.search(r"(?:截至|截止|至|于|从)\s*$", before)
                                                   or _WHEN_LABEL.search(before)
                                                   or _CLAUSE_START.search(before) and _WORDS_FOLLOW.match(after)):
                return None  # a date written with dots (截至2022.12.31, 2023.6底, 2023.12 完成验收, 时间：2023.12)
            if SUBJECT_CODE.fullmatch(digits) and _CJK.match(after.lstrip()):
                return None  # a budget subject's code before its name (2010301行政运行, 20103 政府办公厅)
            if _YEAR_DIGITS.fullmatch(digits) and (
                    _CJK.match(after) and (not before_char or _CJK.match(before_char) or before_char in _PATH_MARKS)
                    or re.match(r"\s*(?:决算|预算|绩效|自评|专题|部门|单位)", after)):
                return None  # a year that lost its 年 between words (某某中心2018绩效评价报告, 2024底有职工, a portal's
                # column 首页 > 2024决算专题, a title's 2024 决算公开)
            if len(digits) <= 3 and before[-1:].isspace() and (
                    _NEXT_HEADING.match(after) or (not after.strip() and _PAGED_HEADING.search(before))):
                return None  # a flattened contents line's page number: 一、部门职责 3 二、机构设置 4 … 四、问题 9
            if "." not in digits and not after.strip() and len(after) < LOOK_BEHIND and before[-1:].isspace() \
                    and lead <= LOOK_BEHIND and (heading := _CONTENTS_LINE.match(norm)) \
                    and not re.search(r"\d", _YEAR_WRITTEN.sub("", norm[heading.end():lead])):
                return None  # a contents line's page number: 第一部分 部门概况 4 (a row of a form's scores,
                # 1.1 预算编制 10 9, has other numbers before its last)
            if not after.strip() and _TITLE_END.search(compact.rstrip("，,、")):
                return None  # a title's number (绩效自评报告1, 部门决算说明 2, a site's 自评报告,8548): the document's
            if re.match(r"\s*(?:服务)?(?:热线|专线|投诉|举报|便民|政务服务|服务平台)", after) and "." not in digits:
                return None  # a public service's number (12345热线, 12315投诉举报中心): a name, not a figure
            if re.fullmatch(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])", digits) and _dated_here(before, after):
                return None  # a date of a year and a month written as one run (填报日期：202403, 202303开工)
            if _MONTH_DAY_DOTTED.fullmatch(digits) and _dated_here(before, after):
                return None  # a month and a day written with a point (于3.15前完成招标, 8.20完成验收, 完成时间：12.31)
            if after[:1] == "型":
                return None  # a type's name (2型糖尿病, 3型车): which type, not how many
            if re.search(r"(?:19|20)\d{2}\s*年$", before):
                return None  # a date whose month and day lost their characters (2022年915)
    value, places, scale = _value_of(g, bool(prefix))
    if value is None:
        return None
    per = _PER.match(norm, end) if (unit or not g["pct"]) and not g["suffix"] else None
    if per:  # a rate per some amount of another unit (0.064次/10万公顷, 3.5万元/人): one compound unit as written; a
        # bare number per a unit (500/人) keeps the per as its unit, never taken for 万元 by the words before it
        unit, end = unit + "/" + re.sub(r"\s+", "", per.group("per")), per.end()
    if g["sign"]:
        value = -value
    bound = _SUFFIXES.get(g["suffix"] or "") or _PREFIXES.get(prefix)
    if Qualifier.ABOUT in (_SUFFIXES.get(g["suffix"] or ""), _PREFIXES.get(prefix)):
        qualifier = Qualifier.ABOUT  # 约7万余人次: the weaker reading wins
    elif bound is not None:
        qualifier = bound
    elif g["over1"] or g["over2"]:
        qualifier = Qualifier.OVER
    elif (bound_ahead := _BOUND_AHEAD.search(before)) is not None:
        qualifier = _PREFIXES[bound_ahead.group("word")]  # 至少全年完成2次: the bound names the verb's count
    else:
        qualifier = Qualifier.EXACT
    glued = None
    if not whole and not unit and not g["pct"] and not prefix and before_char and before_char in "%‰":
        glued = f"“{norm[lead - 1]}{g['arabic'] or g['chinese']}”：数字紧接在百分数之后，疑为表格相邻两格粘连（如权重与得分），请核对"
    elif not whole and re.fullmatch(r"0\d+", g["arabic"] or ""):
        glued = f"“{g['arabic']}”以0开头，疑为相邻两格粘连（0与{g['arabic'][1:]}），请核对"
    elif not g["sign"] and unit in ("%", "‰") and before_char in ("（", "(") and re.match(r"\s*[)）]", norm[end:]) \
            and _CHANGE_WORDS.search(before[-MAX_CHANGE_GAP:]):
        glued = f"“（{norm[lead:end]}）”：括号中的变动率可能是会计写法的负数，也可能只是注明，请核对"
    elif g["sign"] and _FALL_WORD.search(before[-MAX_CHANGE_GAP:]):
        glued = f"“{norm[lead:end]}”前已有“下降/减少”：负号与方向词同时出现，可能是上升，也可能只是下降，请核对"
    elif not g["sign"] and (unit in ("%", "‰") or g["pct"]) and re.match(r"-(?![\d\-])", norm[end:]):
        glued = f"“{norm[lead:end]}-”：数字后的减号可能是负号（会计写法），也可能是连接号，请核对"  # 25%-
    return Found(Quantity(value, "%" if g["pct"] else unit, qualifier, places, text[start:end], scale), start, end,
                 glued)


def _not_a_figure_by_its_place(norm: str, lead: int, written: str, before: str, after: str) -> bool:
    """Is a bare number (no unit, no %) a date, a code, a reference or a numbering by what it is attached to?

    Each rule is about where the number stands, never about a report's wording: a code glued to its label
    (预算编码302001), a date of digits alone or with slashes or dots (20230510, 2022/12/31, 2022.12前, 12·4), a
    fraction or a page of pages (3/5, 3/12), a heading numbered on three levels (2.3.1) or on two before a space
    (3.2 绩效目标), a list number closed by a bracket alone (1）), a table's number (公开01表, 表2 …), a column's
    arithmetic (4=1+2+3), a functional class's code before its name (201一般公共服务支出), a service's number
    before the service (110报警)."""
    compact = re.sub(r"\s+", "", before)
    digits = written.replace(",", "")
    integer = "." not in digits
    before_char = norm[lead - 1] if lead > 0 else ""
    line_start = not before.strip() or bool(re.search(r"[。；;：:！!？?]\s*$", before))
    if _CODE_GLUED.search(compact):
        return True
    if integer and _DIGIT_DATE.fullmatch(digits):
        return True
    if integer and re.match(r"\s*(?:至|到)\s*\d{1,4}\s*(?:年|月|日|号|季度)", after):
        return True  # the start of a range of dates (1至12月, 2022到2023年)
    if _YEAR_DIGITS.fullmatch(digits) and _CJK.match(after) and before_char and before_char in "、和及与至到":
        return True  # a year of an enumeration whose 年 follows once (2020、2021两年)
    if integer and (re.match(r"\s*/\s*\d", after) or re.search(r"\d\s*/\s*$", before)) \
            and not re.match(r"\s*/\s*[\d.,]+\s*[×*÷=＝]", after) and not re.search(r"[=＝]\s*$", before):
        return True  # a fraction or a page of pages (6/8, 3/12); a division worked out (=860/880×100%) shows figures
    if len(digits) == 1 and re.match(r"(?:\s\d){1,3}\s*[年月日号]", after):
        return True  # a year letterspaced by a PDF (2 0 2 3 年)
    if digits in ("19", "20") and re.match(r"\s\d{2}\s*年", after):
        return True  # a year a PDF split in two (20 23年)
    if integer and re.fullmatch(r"[2-9]\d{6,7}", digits) and _CONTACT.search(before[-MAX_CONTACT_GAP:]):
        return True  # a landline number after the words of a contact (联系人：李某 7281456)
    if re.search(r"[A-Za-z]{2,}[\s\d]*$", before):
        return True  # numbers after a Latin identifier (channelId 1 1 1): a page's script, not its text
    if integer and _YEAR_DIGITS.match(digits) and len(digits) in (5, 6) and re.match(r"\s+\d{1,2}\s*日", after):
        return True  # a date that lost its 年 and 月 (20231 16日)
    if integer and len(digits) <= 3 and not before.strip() and _NEXT_HEADING.match(after):
        return True  # a page's number a PDF left before the next heading (2 一、基本情况)
    if integer and len(digits) <= 3 and _GLUED_HEADING.match(after) and _HEADED_RUN.search(before):
        return True  # a contents list run together, each page glued to the next heading (部门概况3一、主要职能3二、…)
    if integer and len(digits) <= 3 and not before.strip() and re.match(r"\s", after) \
            and _CONTENTS_AHEAD.search(after):
        return True  # a page's number a PDF left before the contents on its page (1 某某报告 目 录 一、… …… 2)
    if integer and len(digits) <= 2 and _NUMBERED_THING.search(compact) and _CJK.match(before_char or "-"):
        return True  # the number of an indicator, a target, a task … among the report's own (指标1工程完工率, 目标2)
    if integer and (re.match(r"[*＊×xX]{2,}", after) or re.search(r"[*＊×xX]{2,}$", before)):
        return True  # a number with digits masked (188****8989, 4302****1234): a phone or an identity number
    if integer and (re.search(r"\d\s*转\s*$", before) or re.match(r"\s*(?:楼|室|号楼|号院|单元)", after)):
        return True  # a phone's extension (…7281456转8012), an address (3楼, 502室)
    if _DOTTED_DATE.fullmatch(digits) and _TIME_AFTER.match(after):
        return True
    if integer and len(digits) <= 2 and (_MONTH_DAY.match(after) and int(digits) <= 12
                                         or bool(before_char) and before_char in "·•・" and before[-2:-1].isdigit()):
        return True
    if not integer and re.match(r"\.\d", after):
        return True  # 2.3.1: no decimal has two points
    if _SECTION_NUMBER.fullmatch(digits) and re.match(r" [\u4e00-\u9fff]", after) and lead <= LOOK_BEHIND \
            and _heading_line(norm[:lead]):
        return True
    if integer and len(digits) <= 2 and after[:1] in (")", "）") \
            and (line_start or not re.search(r"[（(][^（）()]*$", before)):
        return True  # a list number closed by a bracket alone (1）…，2）…): no bracket opened before it
    if integer and len(digits) <= 2 and _CLAUSE_OPENS.search(before) and re.match(r" {1,2}[\u4e00-\u9fff]", after) \
            and not re.search(r"[\d.…·]", after):
        return True  # an item or a heading numbered with a space (3 项目概况, 1 加强预算管理，提高…): no number follows
        # on its line (a PDF's score opening the line of a table's row, 5 合理性(5 分), 1 中央专款分配合规……, has
        # its weight or its leaders)
    if integer and re.search(r"(?:^|[\s，,。；;：:、])附$", before):
        return True  # an attachment's number (附2)
    if integer and len(digits) <= 3 and (before_char == "表" or re.search(r"(?:^|[，,。；;：:、\s])图$", before) or (after.lstrip()[:1] == "表" and (digits[0] == "0" or
                                                                                     compact.endswith("公开")))):
        return True
    if integer and len(digits) <= 2 and (re.search(r"\d\s*[=+＋]\s*$", before) or re.match(r"\s*[=+＋]\s*\d", after)):
        return True
    if CLASS_CODE.fullmatch(digits) and _CLASS_NAME.match(after):
        return True
    return bool(_SERVICE_NUMBER.fullmatch(digits) and (len(digits) == 5 and _CJK.match(after)
                                                       or _SERVICE_WORDS.match(after)))


# Where a date stands rather than an amount: after a time's label (完成时间：, 日期 ), or opening a clause that goes on in
# words (2024.11 完成验收; a number alone on its line is a table's cell, maybe an amount)
_WHEN_LABEL = lazy_compile(r"(?:时间|日期|时限|期限|年月|期间)\s*+[：:]?\s*+$")
_CLAUSE_START = lazy_compile(r"(?:^|[。；;！!？?，,])\s*+$")
_WORDS_FOLLOW = lazy_compile(r"\s*+[，,]?\s*+[\u4e00-\u9fff]")
_MONTH_DAY_DOTTED = lazy_compile(r"(?:1[0-2]|0?[1-9])\.(?:[12]\d|3[01]|0[1-9])")  # 3.15, 12.31 (never 3.1: a tenth)
_AT_A_TIME = lazy_compile(r"(?:(?<![高低大小等多少])于|在|截至|截止|从|自)\s*+$")  # a time's preposition (于3.15前)
_TIME_AFTER_DATE = lazy_compile(r"\s*+(?:前|后|之前|之后|以前|以后|起|止|开始|期间)")


def _dated_here(before: str, after: str) -> bool:
    """Does a bare number that may be a date stand where a date does: after a time's label or preposition, before a
    time's word (前, 起), or opening a clause that goes on in words (8.20完成验收; an amount has its unit or its row)?"""
    return bool(_WHEN_LABEL.search(before) or _AT_A_TIME.search(before) or _TIME_AFTER_DATE.match(after)
                or _CLAUSE_START.search(before) and _WORDS_FOLLOW.match(after))


# The next heading's number glued to a page number (…概况3一、主要职能, …构成4第二部分), and a run of headings since a
# heading's number or the contents' title with no clause in it: a contents list run together on one line
_GLUED_HEADING = lazy_compile(r"(?:第[一二三四五六七八九十]{1,3}+(?:部分|章|节)|[一二三四五六七八九十]{1,3}+、)")
_HEADED_RUN = lazy_compile(r"(?:目\s*录|第[一二三四五六七八九十]{1,3}+(?:部分|章|节)|[一二三四五六七八九十]{1,3}+、)[^，,。；;：:！!？?]*+$")
# Where a list's item opens: a sentence's or a clause's start, or right after a heading's own number (一、1. （二）1.)
_ITEM_OPENS = lazy_compile(r"(?:^|[。；;：:！!？?]|[一二三四五六七八九十]{1,3}+、|[（(][一二三四五六七八九十\d]{1,3}+[）)])\s*+$")
_CLAUSE_OPENS = lazy_compile(r"(?:^|[。；;！!？?])\s*+$")
# A mark closing an item's number, which never follows a quantity: 、 and its look-alikes 丶 ､, a dot, a closing bracket
# or angle (5> 6》), each maybe after a PDF's space (4 . 加强)
_ITEM_MARK = lazy_compile(r" {0,2}+[、丶､.．)）>》](?![\d.])")
# A comma or a full stop closing an item's number only when words follow (1，加强管理; 5。 as its own line)
_ITEM_STOP = lazy_compile(r"[，,。](?:\s*+[\u4e00-\u9fff]|\s*+$)")


def _item_number(digits: str, before: str, after: str) -> bool:
    """Does a bare whole number of one or two digits number a list's item: where an item opens (a sentence's or a
    clause's start, after a heading's number) and closed by a mark no quantity is followed by? A comma or a full
    stop closes it only at the sentence's very start (实有人数：56，其中… states a figure)."""
    if "." in digits or len(digits) > 2 or not _ITEM_OPENS.search(before):
        return False
    return bool(_ITEM_MARK.match(after) or (not before.strip() and _ITEM_STOP.match(after)))


def _heading_line(before: str) -> bool:
    """Is the text before a number the start of a heading or a contents line: empty, or opening with a heading's
    number (1.2, 3.) with no clause mark and no digits but other headings' numbers?"""
    before = before.strip()
    if not before:
        return True
    if not _HEADING_NUMBER.match(before) or _CLAUSE_MARK.search(before):
        return False
    return not any(ch.isdigit() for ch in _HEADING_NUMBER.sub("", before))


_YEAR_BEFORE = lazy_compile(r"(?:^|\s)((?:19|20)\d{2})\s+$")
_YEAR_AFTER = lazy_compile(r"\s+((?:19|20)\d{2})(?:\s|$)")


def _in_a_run_of_years(number: str, before: str, after: str) -> bool:
    """Whether a bare four-digit number stands in a run of three or more years, each one more than the last, with
    only spaces between them: a header of years, never three figures."""
    if not re.fullmatch(r"(?:19|20)\d{2}", number):
        return False
    run, year, rest = 1, int(number), before
    while (m := _YEAR_BEFORE.search(rest)) and int(m.group(1)) == year - 1:
        run, year, rest = run + 1, year - 1, rest[:m.start(1)]
    year, rest = int(number), after
    while (m := _YEAR_AFTER.match(rest)) and int(m.group(1)) == year + 1:
        run, year, rest = run + 1, year + 1, rest[m.end(1):]
    return run >= 3


def _reading_without_unit(text: str, norm: str, m: re.Match[str], quoted: list[bool], whole: bool) -> Found | None:
    """Read the number again, stopping before a noun that starts with a unit's character (10项目)."""
    number_end = m.end("arabic") if m.group("arabic") else m.end("chinese")
    if m.group("chinese") and not whole:
        return None
    m2 = _NUMBER.match(norm, m.start(), number_end)
    if m2 is None or m2.end() != number_end:
        return None
    return _reading(text, norm, m2, quoted, whole)


def _value_of(g: dict[str, str], qualified: bool = False) -> tuple[Decimal | None, int, Decimal]:
    """The value, decimals and scale a match writes; qualified: a qualifier word stands before it (近, 逾, 约), after
    which a magnitude alone (千万, 百) has its 一 left out."""
    value: Decimal | None
    if g["arabic"]:
        written = g["arabic"].replace(",", "")
        value = Decimal(written[:MAX_DIGITS_READ])  # a longer run is no figure (_too_many_digits): its first digits
        # keep every sum on it within Decimal's exponents (a million digits overflowed them)
        places = len(written.partition(".")[2])
    else:
        value = _chinese_value(g["chinese"])
        if value is None and qualified and g["chinese"][:1] in "十百千万亿":
            value = _chinese_value("一" + g["chinese"])  # 近千万元, 逾百万元, 近百人: the 一 a magnitude leaves out
        if value is None:
            return None, 0, Decimal(1)
        places = max(0, -int(value.as_tuple().exponent)) if "点" in g["chinese"] else 0  # finite: an int exponent
        if "点" not in g["chinese"]:
            value = value.to_integral_value()
    scale = math.prod((_MULTIPLIERS[c] for c in g["mult"]), start=Decimal(1)) if g["mult"] else Decimal(1)
    return value * scale, places, scale


def find_quantities(sentence: str) -> list[Found]:
    """Every quantity a sentence states, with its span.

    Skipped: years and dates (2022年, 6月25日), document numbers (财预〔2020〕10号), list, section and label
    numbers (一、 （三） 1、 目标1：), ordinals (第二批), phone numbers and codes after their label (预算编码：132001),
    the report counting its own parts (以下两个方面),
    names and slogans in quotation or title marks, Chinese numerals without a unit (三公, 十九大), and a
    lone 一 or 二 before a measure word (一个单位 is an article, 二次分拣 an ordinal; 两次 is 2).
    """
    return list(_scan(sentence, whole=False))


def parse_quantity(text: str) -> Quantity | None:
    """The quantity a whole phrase (a table cell) states, or None if it states none or several.

    The phrase may carry a qualifier ("≥15,000万元", "不少于12次", "95%以上"), a plus sign ("+5%"), full-width
    digits grouped by full-width commas ("１，８２０场") and may be followed by the noun counted ("100家单位",
    "100家单位以上"); anything else around the number makes it not a quantity.
    """
    begin = lead = len(text) - len(text.lstrip().lstrip("\u3000"))
    stripped = text.strip().strip("\u3000")
    if stripped[:1] in ("+", "＋") and stripped[1:2].translate(_FULL_WIDTH).isdigit():
        lead, stripped = lead + 1, stripped[1:]
    stripped = _GROUPED_FULL_WIDTH.sub(",", stripped)  # 1，820 in a cell is one number (same length: offsets hold)
    if not stripped:
        return None
    found = list(_scan(stripped, whole=True))
    if len(found) != 1 or found[0].start != 0 or found[0].doubt:
        return None  # none, several, or one whose writing can be read two ways (1.268,40)
    rest = stripped[found[0].end:]
    if rest and not re.fullmatch(r"[\u4e00-\u9fff]+", rest):
        return None
    q = found[0].quantity
    end = found[0].end
    suffix = next((word for word in sorted(_SUFFIXES, key=len, reverse=True) if rest.endswith(word)), None)
    if suffix and q.qualifier is Qualifier.EXACT:  # the noun between the number and its qualifier (100家单位以上)
        q, end = replace(q, qualifier=_SUFFIXES[suffix]), len(stripped)
    return replace(q, text=text[begin:lead + end])


QUALIFIER_WORD: dict[Qualifier, str] = {  # how a report words each qualifier, for messages
    Qualifier.EXACT: "", Qualifier.AT_LEAST: "以上", Qualifier.AT_MOST: "以下", Qualifier.ABOVE: "超过",
    Qualifier.BELOW: "低于", Qualifier.OVER: "余", Qualifier.ABOUT: "约"}

_WORDS: dict[str, Qualifier] = {**_PREFIXES, **_SUFFIXES, "余": Qualifier.OVER, "多": Qualifier.OVER,
                                "=": Qualifier.EXACT, "": Qualifier.EXACT}


def qualifier_of(word: str) -> Qualifier:
    """The qualifier a params file or a cell names: its value ('at_least') or a word as reports write it (以上, 余)."""
    try:
        return Qualifier(word)
    except ValueError:
        pass
    if word.strip() in _WORDS:
        return _WORDS[word.strip()]
    known = ", ".join(q.value for q in Qualifier)
    raise ValueError(f"unknown qualifier {word!r}; write one of {known}, or a word such as 以上, 不超过, 余, 约")


def canonical_unit(symbol: str) -> str:
    """A unit as the units table names it (名 → 人, ㎡ → 平方米); a unit it does not know is kept as written."""
    symbol = symbol.strip()
    return SYNONYMS.get(symbol, symbol)


def commensurable(a: str, b: str) -> bool:
    """Can values in these two units be compared (万元 and 元: yes; 万元 and 人, or an unknown unit and another: no)?"""
    a, b = canonical_unit(a), canonical_unit(b)
    if a == b:
        return True
    return a in UNITS and b in UNITS and UNITS[a].dimension == UNITS[b].dimension


def factor(unit: str, to: str) -> Decimal:
    """What one `unit` is in `to` (亿元 → 万元: 10000); IncommensurableUnits when they cannot be compared."""
    a, b = canonical_unit(unit), canonical_unit(to)
    if a == b:
        return Decimal(1)
    if not commensurable(a, b):
        raise incommensurable(unit, to)
    return UNITS[a].factor / UNITS[b].factor


def convert(value: float, unit: str, to: str) -> float:
    """value in `unit` expressed in `to` (1.5亿元 → 15000万元); IncommensurableUnits when they cannot be compared."""
    if canonical_unit(unit) == canonical_unit(to):
        return value
    return float(Decimal(repr(float(value))) * factor(unit, to))
