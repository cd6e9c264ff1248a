"""What a number cell shows: its number format's percent sign and literal text (0%, "≥"0%, 0"次", 0.00"万元").

Excel stores 98% typed into a cell as 0.98 with the format 0%, and 12次 typed into a cell formatted 0"次" as 12:
the person sees, and meant, what the format shows. The reader takes a number cell as that text, with the
stored value's digits (never the format's rounding), so that 98% reads as 98 %, not 0.98.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_GENERAL = re.compile(r"general|g/通用格式|通用格式|常规", re.IGNORECASE)
_PLACEHOLDERS = "0#?"
_IGNORED = " ()+-:/"  # shown as is by Excel, but they say nothing about the quantity (accounting formats)


class ScaledFormat(ValueError):
    """The format divides the value for display (0,"千") and adds words: what it shows is not what was typed."""


@dataclass(frozen=True)
class Format:
    """The parts of a number format that change what a value means to the person looking at it."""

    prefix: str = ""
    suffix: str = ""
    percent: bool = False
    decimals: int = 0  # digits the format shows after the point (0.00 → 2)
    scaled: bool = False  # trailing commas: the value is shown divided by 1000 per comma

    @property
    def adds_meaning(self) -> bool:
        return self.percent or bool(self.prefix or self.suffix)


def _first_section(fmt: str) -> str:
    """The positive-number section of a format (sections are separated by ';' outside quotes and brackets)."""
    i, quoted, bracket = 0, False, False
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "\\!":
            i += 1  # the next character is a literal
        elif not quoted and ch in "[]":
            bracket = ch == "["
        elif not quoted and not bracket and ch == ";":
            return fmt[:i]
        i += 1
    return fmt


def parse_format(fmt: str) -> Format:
    """The prefix and suffix text, percent sign, decimals and scaling of a number format's first section."""
    section = _GENERAL.sub("", _first_section(fmt or ""))
    before: list[str] = []
    after: list[str] = []
    digits = decimals_part = percent = scaled = False
    decimals = 0
    i = 0

    def literal(text: str) -> None:
        (after if digits else before).append(text)

    while i < len(section):
        ch = section[i]
        nxt = section[i + 1] if i + 1 < len(section) else ""
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            literal(section[i + 1:end])
            i = end + 1
            continue
        if ch in "\\!":
            literal(nxt)
            i += 2
            continue
        if ch in "_*":  # padding to a character's width, or repeating it to fill the cell
            i += 2
            continue
        if ch == "[":
            end = section.find("]", i)
            end = len(section) if end < 0 else end
            inner = section[i + 1:end]
            if inner.startswith("$"):  # [$¥-804]: a currency symbol; [$-804] only a locale
                literal(inner[1:].split("-")[0])
            i = end + 1
            continue
        if ch in _PLACEHOLDERS:
            digits = True
            decimals += decimals_part
        elif ch == "." and (digits or nxt in _PLACEHOLDERS):
            decimals_part = True
        elif ch == "," and digits:
            scaled = scaled or nxt not in _PLACEHOLDERS
        elif ch == "%":
            percent = True
        elif ch in "Ee" and nxt in "+-" and digits:  # scientific: the exponent's placeholders are not decimals
            i += 2
            while i < len(section) and section[i] in _PLACEHOLDERS:
                i += 1
            continue
        elif ch == "@" or ch in _IGNORED:
            pass
        else:
            literal(ch)
        i += 1
    return Format("".join(before).strip(), "".join(after).strip(), percent, decimals, scaled)


def plain_digits(value: Decimal, places: int = 0) -> str:
    """A number's digits without exponent, with at least `places` decimals: 1E-7 → '0.0000001', 77 → '77.00'."""
    text = format(value.normalize(), "f") if value != 0 else "0"
    own = len(text.partition(".")[2])
    return format(value, f".{max(own, places)}f")


def shown_text(value: int | float, fmt: str) -> str | None:
    """What a number cell shows when its format adds a percent sign or words ("98%", "≥100%", "12次"), else None.

    The digits are the stored value's, at least as many decimals as the format shows (77 in 0.00"%" → "77.00%").
    Raises ScaledFormat when the format shows the value divided and adds words (the words describe the division).
    """
    f = parse_format(fmt)
    if not f.adds_meaning:
        return None
    if f.scaled and (f.prefix or f.suffix):
        raise ScaledFormat(fmt)
    number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    if f.percent:
        number *= 100
    sign = "-" if number < 0 else ""
    return f"{f.prefix}{sign}{plain_digits(abs(number), f.decimals)}{'%' if f.percent else ''}{f.suffix}"


def shown_decimals(fmt: str) -> int:
    """Decimals a plain number format shows (0.00 → 2): part of the precision a value was given with."""
    return parse_format(fmt).decimals
