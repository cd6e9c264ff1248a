"""A quantity as a person types it into a cell (≥15,000万元, 820余场, 不少于12次, 98%), read through core.quantity.

The number, its qualifier, its precision and any multiplier are core.quantity's reading; the unit is kept as
it was written (场 stays 场, 家单位 stays 家单位): units are converted where they are compared, never here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...core.numbers import decimals
from ...core.quantity import CURRENCY_BEFORE, SYNONYMS, Qualifier, Quantity, find_quantities, parse_quantity
from .shown import plain_digits, shown_decimals, shown_text

MAX_PLACES = 6  # the params schema keeps at most 6 written decimals
MAX_TRAILING = 10  # characters after a number that can be a unit the reader does not know ("=次", "次/月")
OP_SYMBOL = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}
# A target's bound is its direction: 不少于12次 is ≥ 12次.
OP_OF = {Qualifier.AT_LEAST: ">=", Qualifier.AT_MOST: "<=", Qualifier.ABOVE: ">", Qualifier.BELOW: "<"}
_PREFIX_WORD = {Qualifier.AT_LEAST: "不少于", Qualifier.AT_MOST: "不超过", Qualifier.ABOVE: "超过",
                Qualifier.BELOW: "低于", Qualifier.ABOUT: "约"}
# The word a cell shows for each qualifier (限定词 columns); a cell may also hold any word core.quantity reads.
QUALIFIER_WORD = {Qualifier.AT_LEAST: "以上", Qualifier.AT_MOST: "以下", Qualifier.ABOVE: "超过",
                  Qualifier.BELOW: "低于", Qualifier.OVER: "余", Qualifier.ABOUT: "约"}
_CURRENCY = re.compile(rf"^(?:{CURRENCY_BEFORE})\s?(?=[\d+])")
_SPACE_BY_NUMBER = re.compile(r"(?<=[\d%％])\s+(?=\D)|(?<=\D)\s+(?=\d)")  # "≥ 12 次" is "≥12次"; "1 2" stays two


@dataclass(frozen=True)
class Typed:
    """What a cell states: value (multipliers applied), unit as written, the words after it, qualifier, places."""

    value: Decimal
    unit: str = ""
    noun: str = ""  # words after the quantity: 单位 in 100家单位, or a unit the reader does not know (=次)
    qualifier: Qualifier = Qualifier.EXACT
    places: int = 0
    scale: Decimal = Decimal(1)
    equals: bool = False  # written "=12次": a target to be met exactly

    @property
    def number(self) -> int | float:
        """The value as params hold it: an int when written without decimals."""
        if self.places == 0 and self.value == self.value.to_integral_value():
            return int(self.value)
        return float(self.value)

    @property
    def written_unit(self) -> str:
        """Everything written as the unit: the symbol and the words after it (家单位, 次/月)."""
        return self.unit + self.noun


def _written_symbol(q: Quantity) -> str:
    """The unit symbol as the phrase writes it (场, not 场次; 名, not 人)."""
    if not q.unit:
        return ""
    candidates = [q.unit, *(s for s, c in SYNONYMS.items() if c == q.unit)]
    return max((c for c in candidates if c in q.text), key=len, default=q.unit)


class TooManyDecimals(ValueError):
    """More digits typed than the number recorded holds: 320.000000000000000001 would be recorded as 320."""


class UnsureNumber(ValueError):
    """A number whose writing reads two ways (1.268,40; —25: a minus or a dash): the number reader's doubt, said."""


def _from_quantity(q: Quantity, rest: str, equals: bool, shown: bool) -> Typed:
    recorded = Decimal(repr(float(q.value)))
    if recorded != q.value and not shown:
        raise TooManyDecimals(f"has {q.places} decimals (“{q.text}”), more digits than a number holds: it would be "
                              f"recorded as {plain_digits(recorded)}; write it as the report states it")
    places = q.places if q.scale == 1 else 0  # 2.6万: the schema's places cannot say "to the thousand"
    return Typed(q.value, _written_symbol(q), rest.strip(), q.qualifier, min(places, MAX_PLACES), q.scale, equals)


def typed_text(text: str, shown: bool = False) -> Typed | None:
    """The quantity a cell's text states, or None when it is not one quantity (高质量完成, 30%-50%, 1e5).

    TooManyDecimals when more decimals are typed than are recorded, UnsureNumber when the number reads two ways; a number cell's format (shown) may show more,
    which are display, not what was typed: they are cut.
    """
    t = _SPACE_BY_NUMBER.sub("", text.strip().strip("\u3000"))
    equals = t[:1] in ("=", "＝")
    if equals:
        t = t[1:].lstrip()
    t, currency = _CURRENCY.subn("", t, count=1)  # 人民币2246.07万元: read as the report's prose is
    if t[:1] == "+" and t[1:2].isdigit():
        t = t[1:]
    if not t:
        return None
    q = parse_quantity(t)
    if q is not None and currency and not q.unit:
        return None  # ￥2,246.07 in a cell of 万元: 元 or 万元? The writing does not say (as a currency format)
    if q is not None:
        return _from_quantity(q, t[len(q.text):], equals, shown)
    found = find_quantities(t)
    if found and found[0].start == 0 and found[0].doubt and len(found) == 1:
        raise UnsureNumber(f"“{t}” reads two ways ({found[0].doubt}); write the number plainly")
    if not found or found[0].start != 0 or found[0].doubt:
        return None
    rest = t[found[0].end:]
    if any(ch.isdigit() for ch in rest) or len(rest) > MAX_TRAILING:
        return None
    return _from_quantity(found[0].quantity, rest, equals, shown)


def typed_number(value: int | float, number_format: str) -> Typed | None:
    """A number cell as its format shows it (0.98 in 0% is 98%); None when the format shows something else.

    Raises shown.ScaledFormat for a format that divides the value and adds words.
    """
    shown = shown_text(value, number_format)
    if shown is not None:
        return typed_text(shown, shown=True)
    number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    own = decimals(value)  # 347.78999999999996, a formula's sum of 347.79, has the 2 decimals typed, not 14
    return Typed(number, places=min(max(own, shown_decimals(number_format)), MAX_PLACES))


def phrase(value: int | float, unit: str = "", qualifier: Qualifier | str = Qualifier.EXACT, op: str | None = None,
           places: int = 0) -> str:
    """A quantity written so that typed_text reads it back: ≥12次, 不少于109家单位, 2500余次, 约12次, 92.50."""
    number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    digits = plain_digits(number, places or 0)
    q = Qualifier(qualifier)
    if q is Qualifier.OVER:
        return f"{OP_SYMBOL.get(op or '', '')}{digits}余{unit}"
    return f"{OP_SYMBOL.get(op or '', '')}{_PREFIX_WORD.get(q, '')}{digits}{unit}"
