"""Reading and writing one cell's value by kind: numbers with units, yes/no, choices, targets, safe text."""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils.exceptions import IllegalCharacterError

from ...fmt import exact
from ...safetext import inert

# Cells holding one of these are treated as empty: the seeds write "——" for "not applicable".
BLANK_MARKS = frozenset({"", "——", "—", "--", "-", "－", "/", "／"})
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
YES = frozenset({"是", "符合", "true", "yes", "y", "√", "✓"})
NO = frozenset({"否", "不符合", "false", "no", "n", "×", "✗"})
OPS = {"≥": ">=", ">=": ">=", "≧": ">=", "＞=": ">=", "≤": "<=", "<=": "<=", "≦": "<=", "＜=": "<=",
       ">": ">", "＞": ">", "<": "<", "＜": "<", "=": "=", "＝": "="}
OP_SYMBOL = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}
_QUANTITY = re.compile(r"^(?P<op>≥|≤|>=|<=|≧|≦|＞=|＜=|>|<|＞|＜|=|＝)?\s*(?P<num>[+-]?\d+(?:\.\d+)?)\s*"
                       r"(?P<unit>[^\d\s][^\d]{0,9})?$")
_QUOTED = re.compile(r"^[“\"「](?P<text>.*)[”\"」]$", re.S)
# Choice kinds: the label a cell shows → the value params hold.
CHOICES: dict[str, dict[str, str]] = {
    "achievement": {"达成": "achieved", "部分达成": "partly", "未达成": "not"},
    "restated": {"实际完成值": "actual", "年度指标": "target"},
}


class CellProblem(ValueError):
    """A cell's content does not fit its kind; the message says what was expected and what was found."""


def found(raw: Any) -> str:
    """How a cell's content is quoted in a message."""
    if isinstance(raw, str):
        text = f'"{raw}"'
    elif isinstance(raw, (dt.datetime, dt.date, dt.time)):
        text = f"a date ({raw})"
    elif isinstance(raw, bool):
        text = "TRUE" if raw else "FALSE"
    else:
        text = format_number(raw) if isinstance(raw, (int, float)) else repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def format_number(value: float) -> str:
    """A number as text without losing digits, never in scientific notation: 51.0 → '51', 1e-07 → '0.0000001'
    (which reads back as the same number, where '1e-07' in '≥1e-07次' would read as 1 of the unit 'e-07次')."""
    return exact(value)


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() in BLANK_MARKS)


def _is_percent_format(number_format: str) -> bool:
    """A format such as 0% or 0.00% scales the stored value by 100; 0.00"%" does not."""
    plain = re.sub(r'"[^"]*"|\\.', "", number_format or "")
    return "%" in plain


def _scaled(value: float, factor: int) -> float:
    return float(Decimal(repr(float(value))) * factor)


def read_number(raw: Any, number_format: str, unit: str, *, signed: bool = False, whole: bool = False) -> float:
    """A number in the given unit; numeric text such as "1,802.5" or "92%" is accepted, anything else is not."""
    what = "a whole number" if whole else "a number"
    expected = f"expected {what} of {unit}" if unit else f"expected {what}"
    if isinstance(raw, bool) or isinstance(raw, (dt.datetime, dt.date, dt.time)):
        raise CellProblem(f"{expected}, found {found(raw)}")
    if isinstance(raw, (int, float)):
        value: float = raw
        if unit == "%" and _is_percent_format(number_format):
            value = _scaled(raw, 100)
    elif isinstance(raw, str):
        text = raw.strip()
        suffixes = (unit, "%", "％") if unit == "%" else (unit,)
        for suffix in (s for s in suffixes if s):
            if text.endswith(suffix):
                text = text[: -len(suffix)].strip()
                break
        if not _NUMBER.match(text):
            raise CellProblem(f"{expected}, found {found(raw)}")
        text = text.replace(",", "")
        value = int(text) if re.fullmatch(r"[+-]?\d+", text) else float(text)
    else:
        raise CellProblem(f"{expected}, found {found(raw)}")
    if not math.isfinite(value):
        raise CellProblem(f"{expected}, found {found(raw)}")
    if whole:
        if not float(value).is_integer():
            raise CellProblem(f"{expected}, found {found(raw)}")
        value = int(value)
    if value < 0 and not signed:
        raise CellProblem(f"must not be negative ({unit or 'a count'}), found {found(raw)}")
    return value


def read_text(raw: Any, *, numbers_as_text: bool = True) -> str:
    """Text; a number typed into a text cell becomes its digits unless the field must keep leading zeros."""
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, bool) or isinstance(raw, (dt.datetime, dt.date, dt.time)):
        raise CellProblem(f"expected text, found {found(raw)}; format the cell as 文本 (text)")
    if isinstance(raw, (int, float)):
        if not numbers_as_text:
            raise CellProblem(f"expected text, found the number {found(raw)}; format the cell as 文本 (text) "
                              "or type a leading ' so that leading zeros survive")
        return format_number(raw)
    raise CellProblem(f"expected text, found {found(raw)}")


def read_bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in YES:
        return True
    if isinstance(raw, str) and raw.strip().lower() in NO:
        return False
    raise CellProblem(f"expected 是 or 否, found {found(raw)}")


def read_choice(raw: Any, choices: dict[str, str]) -> str:
    """One of the labels (or the stored values) of a fixed choice."""
    text = read_text(raw)
    if text in choices:
        return choices[text]
    if text in choices.values():
        return text
    raise CellProblem(f"expected one of {', '.join(choices)}, found {found(raw)}")


def read_quantity(raw: Any, *, with_op: bool) -> dict[str, Any]:
    """A 年度指标值 or 实际完成值: "≥12次" → op, value and unit; "高质量完成" → text."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return {"value": read_number(raw, "", "", signed=True)}
    text = read_text(raw)
    quoted = _QUOTED.match(text)
    if quoted:
        return {"text": quoted.group("text")}
    m = _QUANTITY.match(text)
    if not m:
        return {"text": text}
    out: dict[str, Any] = {}
    if m.group("op"):
        if not with_op:
            raise CellProblem(f"an actual value has no direction (≥, ≤); write the number alone, found {found(raw)}")
        out["op"] = OPS[m.group("op")]
    num = m.group("num")
    out["value"] = int(num) if re.fullmatch(r"[+-]?\d+", num) else float(num)
    if m.group("unit"):
        out["unit"] = m.group("unit").strip()
    return out


def format_quantity(data: dict[str, Any]) -> str | float:
    """The inverse of read_quantity; text that would read as a number is put in quotes “…”."""
    if data.get("value") is None:
        text = str(data.get("text", ""))
        return f"“{text}”" if _QUANTITY.match(text.strip()) or _QUOTED.match(text.strip()) else text
    if not data.get("op") and not data.get("unit"):
        return data["value"]
    return f"{OP_SYMBOL.get(data.get('op') or '', '')}{format_number(data['value'])}{data.get('unit') or ''}"


def set_text(cell: Cell, text: str) -> None:
    """Write text that Excel will never run as a formula, even when it starts with = + - or @."""
    try:
        cell.value = text
    except IllegalCharacterError:
        raise CellProblem(f"text holds control characters Excel cannot store: {found(text)}") from None
    if text.startswith(_FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def set_shown_text(cell: Cell, text: str) -> None:
    """Write text for reading only (the summary workbook): characters Excel cannot store are shown as �, and
    the text is inert (safetext.inert: a right-to-left override cannot reverse what follows it).
    """
    set_text(cell, ILLEGAL_CHARACTERS_RE.sub("\ufffd", inert(text)))


def display_width(text: str) -> int:
    """Width of text in Excel column units: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


TEXT_KINDS = frozenset({"text", "code", *CHOICES})


def read_cell(raw: Any, number_format: str, kind: str, unit: str = "") -> Any:
    """The params value a non-empty cell holds, by the kind its layout gives it."""
    if kind == "text":
        return read_text(raw)
    if kind == "code":
        return read_text(raw, numbers_as_text=False)
    if kind == "number":
        return read_number(raw, number_format, unit)
    if kind == "signed":
        return read_number(raw, number_format, unit, signed=True)
    if kind in ("count", "year"):
        return read_number(raw, number_format, unit, whole=True)
    if kind == "bool":
        return read_bool(raw)
    if kind in CHOICES:
        return read_choice(raw, CHOICES[kind])
    if kind in ("target", "actual"):
        return read_quantity(raw, with_op=kind == "target")
    raise KeyError(kind)


def write_cell(cell: Cell, kind: str, value: Any) -> None:
    """Put a params value into a cell so that read_cell gives it back unchanged."""
    if kind in ("target", "actual"):
        value = format_quantity(value)
    elif kind == "bool":
        value = "是" if value else "否"
    elif kind in CHOICES:
        value = {v: k for k, v in CHOICES[kind].items()}.get(value, value)
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value
