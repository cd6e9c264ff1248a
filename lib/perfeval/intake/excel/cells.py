"""Reading and writing one cell's value by kind: numbers with units and qualifiers, targets, yes/no, choices, text.

A cell is read as the person typed it and sees it: 98% (stored 0.98 in a percent format) is 98 %, ≥15,000万元 is
a bound in 万元, 2.6万余次 is a little over 26000 次, a formula saved without its result is a problem of its cell.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils.exceptions import IllegalCharacterError

from ...core.quantity import Qualifier, canonical_unit, commensurable, parse_quantity, qualifier_of
from ...core.numbers import exact
from ...safetext import inert
from .shown import ScaledFormat, parse_format, plain_digits, shown_text
from .typed import OP_OF, QUALIFIER_WORD, TooManyDecimals, Typed, UnsureNumber, phrase, typed_number, typed_text

# Cells holding one of these are treated as empty: the seeds write "——" for "not applicable".
BLANK_MARKS = frozenset({"", "——", "—", "--", "-", "－", "/", "／"})
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
YES = frozenset({"是", "符合", "true", "yes", "y", "√", "✓"})
NO = frozenset({"否", "不符合", "false", "no", "n", "×", "✗"})
_QUOTED = re.compile(r"^[“\"「](?P<text>.*)[”\"」]$", re.S)
_PART_SPLIT = re.compile(r"\s*([+＋、，,;；\n]|[-−－])\s*")
# Choice kinds: the label a cell shows → the value params hold.
CHOICES: dict[str, dict[str, str]] = {
    "achievement": {"达成": "achieved", "部分达成": "partly", "未达成": "not"},
    "restated": {"实际完成值": "actual", "年度指标": "target"},
    "basis": {"自述": "self_reported", "核实": "verified"},
    "ratio_kind": {"占比": "share", "变动率": "change", "比值": "ratio", "按增加额": "increase_by", "按减少额": "decrease_by",
                   "百分点差": "points"},
    "relation": {"=": "=", "≥": ">="},
}
QUALIFIER_CHOICES = tuple(QUALIFIER_WORD.values()) + ("不少于", "不超过", "多", "左右")


class CellProblem(ValueError):
    """A cell's content does not fit its kind; the message says what was expected and what was found."""


@dataclass(frozen=True)
class Uncomputed:
    """A formula saved without its result (by a program that does not compute): the cell's value is unknown."""

    formula: str


@dataclass(frozen=True)
class ErrorValue:
    """A formula whose result is an error (#DIV/0!, #REF!): the cell shows no value."""

    code: str


def found(raw: Any) -> str:
    """How a cell's content is quoted in a message."""
    if isinstance(raw, str):
        text = f'"{raw}"'
    elif isinstance(raw, Uncomputed):
        text = f"the formula {raw.formula} with no saved result"
    elif isinstance(raw, ErrorValue):
        text = f"the error {raw.code}"
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


def require_result(raw: Any) -> None:
    """A formula cell without a usable result is a problem of that cell, never an empty cell."""
    if isinstance(raw, Uncomputed):
        raise CellProblem(f"holds the formula {raw.formula}, but the workbook was saved without its result (by a "
                          "program that does not calculate); open it in Excel, WPS or LibreOffice and save it "
                          "again, or type the value")
    if isinstance(raw, ErrorValue):
        raise CellProblem(f"shows the error {raw.code} instead of a value; correct the formula or type the value")


def _is_number(raw: Any) -> bool:
    return isinstance(raw, (int, float)) and not isinstance(raw, bool)


def _seen(raw: Any, number_format: str) -> str:
    """The content as the person sees it: 0.98 formatted 0% is 98%."""
    if _is_number(raw):
        try:
            shown = shown_text(raw, number_format)
        except ScaledFormat:
            shown = None
        if shown is not None:
            return f'"{shown}" (the number {found(raw)} in the format {number_format})'
    return found(raw)


def _typed_text(text: str) -> Typed | None:
    """typed_text, its refusal of more decimals than are recorded, or of a number that reads two ways, said as the
    cell's problem."""
    try:
        return typed_text(text)
    except (TooManyDecimals, UnsureNumber) as exc:
        raise CellProblem(str(exc)) from None


def _reads_as_quantity(text: str) -> bool:
    try:
        return typed_text(text) is not None
    except (TooManyDecimals, UnsureNumber):
        return True


def _typed(raw: Any, number_format: str, expected: str) -> Typed:
    """The quantity a cell states, or a CellProblem saying what was expected and what the cell shows."""
    require_result(raw)
    typed: Typed | None = None
    if _is_number(raw):
        if not math.isfinite(raw):
            raise CellProblem(f"{expected}, found {found(raw)}")
        try:
            typed = typed_number(raw, number_format)
        except ScaledFormat:
            raise CellProblem(f"{expected}; the cell's number format {number_format} shows the value divided "
                              "and adds words, so what it shows is not what was typed: clear the format") from None
    elif isinstance(raw, str):
        typed = _typed_text(raw)
    if typed is None:
        raise CellProblem(f"{expected}, found {_seen(raw, number_format)}")
    return typed


def _value(raw: Any, number_format: str, typed: Typed) -> int | float:
    """A plain number cell keeps its stored value exactly; anything read from text or a format is typed's."""
    if _is_number(raw) and not parse_format(number_format).adds_meaning:
        stored: int | float = raw
        return stored
    return typed.number


def _unit_fits(typed: Typed, unit: str) -> bool:
    """A number in a cell of a fixed unit may repeat that unit (1,802万元 in a 万元 cell), not name another."""
    return not typed.unit or canonical_unit(typed.unit) == canonical_unit(unit)


def _no_unknown_words(typed: Typed, raw: Any, number_format: str, expected: str) -> None:
    """Words after a number name what is counted (12项工作); with no unit before them they may be a unit the
    reader does not know (300万美元), which would be read as a bare number: refused."""
    if typed.noun and not typed.unit:
        raise CellProblem(f"{expected}, found {_seen(raw, number_format)}: “{typed.noun}” is not a unit perfeval "
                          "knows; write the value in the cell's unit")


def _expected(what: str, unit: str) -> str:
    return f"expected {what} of {unit}" if unit else f"expected {what}"


def read_number(raw: Any, number_format: str, unit: str, *, signed: bool = False, whole: bool = False) -> float:
    """A plain number in the cell's unit: 1,802.5, "92%" in a % cell, 十二 in a count; no qualifier, no other unit."""
    expected = _expected("a whole number" if whole else "a number", unit)
    if isinstance(raw, bool) or isinstance(raw, (dt.datetime, dt.date, dt.time)):
        raise CellProblem(f"{expected}, found {found(raw)}")
    typed = _typed(raw, number_format, expected)
    _no_unknown_words(typed, raw, number_format, expected)
    if typed.equals or typed.qualifier is not Qualifier.EXACT or not _unit_fits(typed, unit):
        raise CellProblem(f"{expected}, found {_seen(raw, number_format)}")
    value = _value(raw, number_format, typed)
    if not math.isfinite(value):
        raise CellProblem(f"{expected}, found {found(raw)}")
    if whole:
        if not float(value).is_integer():
            raise CellProblem(f"{expected}, found {_seen(raw, number_format)}")
        value = int(value)
    if value < 0 and not signed:
        raise CellProblem(f"must not be negative ({unit or 'a count'}), found {found(raw)}")
    return value


def read_figure(raw: Any, number_format: str, unit: str) -> dict[str, Any]:
    """A catalogue figure as stated: value, and the unit and qualifier when written (1.5亿元, 2.6万余次, 约300)."""
    expected = _expected("a number", unit) + " (as written, e.g. 300, 约300, 2.6万余次, 1.5亿元)"
    if isinstance(raw, bool) or isinstance(raw, (dt.datetime, dt.date, dt.time)):
        raise CellProblem(f"{expected}, found {found(raw)}")
    typed = _typed(raw, number_format, expected)
    _no_unknown_words(typed, raw, number_format, expected)
    if typed.equals:
        raise CellProblem(f"{expected}, found {found(raw)}")
    if typed.unit and not commensurable(typed.unit, unit):
        raise CellProblem(f"“{typed.unit}” cannot be converted to {unit}, the unit of this cell; found "
                          f"{_seen(raw, number_format)}")
    if typed.scale != 1 and not typed.unit and unit[:1] in ("万", "亿", "千"):
        raise CellProblem(f"write the unit: is {_seen(raw, number_format)} in {unit} or in 元? (e.g. "
                          f"{format_number(float(typed.value / typed.scale))}{unit[:1]}元)")
    if typed.value < 0:
        raise CellProblem(f"must not be negative ({unit or 'a count'}), found {found(raw)}")
    out: dict[str, Any] = {"value": _value(raw, number_format, typed), "places": typed.places}
    if typed.unit:
        out["unit"] = typed.unit
    if typed.qualifier is not Qualifier.EXACT:
        out["qualifier"] = typed.qualifier.value
    return out


def read_statement(raw: Any, number_format: str, unit: str, *, keep_unit: bool) -> dict[str, Any]:
    """A value the unit states at a precision: value, places, and the qualifier (95%以上) and unit when written.

    A phrase that says more than its digits (2500余次, 近30万元, 十二次) is kept as the statement's text, and its
    value, unit, qualifier and places are what core.params reads from such a text (the unit as the quantity
    table names it), so that a params file and its workbook state the same thing.
    """
    expected = _expected("a number", unit) + " (as the report writes it, e.g. 92.50, 95%以上)"
    if isinstance(raw, bool) or isinstance(raw, (dt.datetime, dt.date, dt.time)):
        raise CellProblem(f"{expected}, found {found(raw)}")
    typed = _typed(raw, number_format, expected)
    _no_unknown_words(typed, raw, number_format, expected)
    if typed.equals or not (keep_unit or _unit_fits(typed, unit)):
        raise CellProblem(f"{expected}, found {_seen(raw, number_format)}")
    out: dict[str, Any] = {"value": typed.number, "places": typed.places}
    if typed.qualifier is not Qualifier.EXACT:
        out["qualifier"] = typed.qualifier.value
    if keep_unit and typed.unit:
        out["unit"] = typed.unit
    text = raw.strip() if isinstance(raw, str) else ""
    q = parse_quantity(text) if text and text != plain_digits(typed.value, typed.places) else None
    if q is not None:
        out = {"text": text, "value": float(q.value), "places": q.places}
        if q.qualifier is not Qualifier.EXACT:
            out["qualifier"] = q.qualifier.value
        if keep_unit and q.unit:
            out["unit"] = q.unit
    return out


def read_amount(raw: Any, number_format: str, unit: str) -> dict[str, Any]:
    """An exact value with the unit written beside it when any (another statement of a row's actual: 11场次)."""
    expected = "expected a number, with its unit if the report gives one (e.g. 11场次)"
    if isinstance(raw, bool) or isinstance(raw, (dt.datetime, dt.date, dt.time)):
        raise CellProblem(f"{expected}, found {found(raw)}")
    typed = _typed(raw, number_format, expected)
    if typed.equals or typed.qualifier is not Qualifier.EXACT:
        raise CellProblem(f"{expected}; a qualifier (约, 余, 以上) cannot be recorded here, found {found(raw)}")
    out: dict[str, Any] = {"value": typed.number}
    if typed.written_unit:
        out["unit"] = typed.written_unit
    return out


def read_text(raw: Any, *, numbers_as_text: bool = True, number_format: str = "General") -> str:
    """Text; a number typed into a text cell becomes what the cell shows, unless the field keeps leading zeros."""
    require_result(raw)
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, bool) or isinstance(raw, (dt.datetime, dt.date, dt.time)):
        raise CellProblem(f"expected text, found {found(raw)}; format the cell as 文本 (text)")
    if _is_number(raw):
        if not numbers_as_text:
            raise CellProblem(f"expected text, found the number {found(raw)}; format the cell as 文本 (text) "
                              "or type a leading ' so that leading zeros survive")
        try:
            shown = shown_text(raw, number_format)
        except ScaledFormat:
            shown = None
        return shown if shown is not None else format_number(raw)
    raise CellProblem(f"expected text, found {found(raw)}")


def read_date(raw: Any, number_format: str) -> str:
    """A date as text (2023-03-15), whether typed as text or as an Excel date."""
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(sep=" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return read_text(raw, number_format=number_format)


def read_bool(raw: Any) -> bool:
    require_result(raw)
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


def read_qualifier(raw: Any) -> str:
    """以上, 不少于, 以下, 不超过, 超过, 低于, 余, 多, 约, 左右 (or the params word: at_least ...)."""
    text = read_text(raw)
    try:
        return qualifier_of(text).value
    except ValueError:
        raise CellProblem(f"expected a qualifier such as {', '.join(QUALIFIER_CHOICES)}, found {found(raw)}") from None


def read_parts(raw: Any) -> list[str]:
    """The parts of a declared identity: "staff.on_duty + staff.retired + staff.survivors"; "- x" subtracts x."""
    text = read_text(raw)
    tokens = _PART_SPLIT.split(text)
    parts: list[str] = []
    sign = ""
    for i, token in enumerate(tokens):
        if i % 2:  # a separator
            sign = "-" if token in "-−－" else ""  # noqa: S105 - a separator of a parsed cell, not a secret
            continue
        if not token:
            if i == 0 and len(tokens) > 1 and tokens[1] in "-−－":
                continue  # a leading minus
            raise CellProblem(f"expected figure codes joined by + (a part to subtract after -), found {found(raw)}")
        parts.append(sign + token)
    return parts


def format_parts(parts: list[str]) -> str:
    """The inverse of read_parts: "a + b - c"."""
    text = ""
    for i, part in enumerate(parts):
        minus = part.startswith("-")
        name = part[1:] if minus else part
        text += ("-" if minus else "") + name if i == 0 else (" - " if minus else " + ") + name
    return text


def read_quantity(raw: Any, *, with_op: bool, number_format: str = "General") -> dict[str, Any]:
    """A 年度指标值 or 实际完成值: "≥15,000万元" → op, value, unit; "820余场" → qualifier; "高质量完成" → text.

    A target's bound (≥, 不少于, 以上 …) is its op; an actual's is its qualifier. Units stay as written.
    """
    require_result(raw)
    if isinstance(raw, bool) or isinstance(raw, (dt.datetime, dt.date, dt.time)):
        raise CellProblem(f"expected a value such as ≥12次 or a phrase, found {found(raw)}")
    typed: Typed | None
    if _is_number(raw):
        typed = _typed(raw, number_format, "expected a value such as ≥12次 or a phrase")
    else:
        text = read_text(raw)
        quoted = _QUOTED.match(text)
        if quoted:
            return {"text": quoted.group("text")}
        typed = _typed_text(text)
        if typed is None:
            return {"text": text}
    out: dict[str, Any] = {}
    qualifier = typed.qualifier
    if typed.equals:
        if not with_op:
            raise CellProblem(f"an actual value has no direction (=, ≥, ≤); write the value alone, found {found(raw)}")
        if qualifier is not Qualifier.EXACT:
            raise CellProblem(f"“=” and a qualifier cannot both bound a target, found {found(raw)}")
        out["op"] = "="
    elif with_op and qualifier in OP_OF:
        out["op"] = OP_OF[qualifier]
        qualifier = Qualifier.EXACT
    out["value"] = _value(raw, number_format, typed)
    if typed.written_unit:
        out["unit"] = typed.written_unit
    if qualifier is not Qualifier.EXACT:
        out["qualifier"] = qualifier.value
    return out


def format_quantity(data: dict[str, Any]) -> str | float:
    """The inverse of read_quantity; text that would read as a number is put in quotes “…”."""
    if data.get("value") is None:
        text = str(data.get("text", ""))
        stripped = text.strip()
        return f"“{text}”" if _reads_as_quantity(stripped) or _QUOTED.match(stripped) else text
    qualifier = Qualifier(data.get("qualifier") or Qualifier.EXACT)
    if data.get("op") and qualifier is not Qualifier.EXACT:
        raise CellProblem(f"a target with both a direction ({data['op']}) and a qualifier ({qualifier.value}) "
                          "cannot be written in one cell")
    if not data.get("op") and not data.get("unit") and qualifier is Qualifier.EXACT:
        number: float = data["value"]
        return number
    return phrase(data["value"], data.get("unit") or "", qualifier, data.get("op"))


def set_text(cell: Cell, text: str) -> None:
    """Write text that Excel will never run as a formula, even when it starts with = + - or @."""
    try:
        cell.value = text
    except IllegalCharacterError:
        raise CellProblem(f"text holds control characters Excel cannot store: {found(text)}") from None
    if runs_as_formula(text):
        cell.data_type = "s"
        cell.quotePrefix = True


def set_shown_text(cell: Cell, text: str) -> None:
    """Write text for reading only (the summary workbook): characters Excel cannot store are shown as �, and
    the text is inert (safetext.inert: a right-to-left override cannot reverse what follows it).
    """
    set_text(cell, readable_text(text))


def readable_text(text: str) -> str:
    """Text as set_shown_text writes it (for a writer that formats its cells itself)."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", inert(text))


def runs_as_formula(text: str) -> bool:
    """Whether Excel would run the text as a formula: set_text then marks it as text (quote prefix)."""
    return text.startswith(_FORMULA_START)


@lru_cache(maxsize=8192)  # a summary workbook measures the same rules and notes for every unit
def display_width(text: str) -> int:
    """Width of text in Excel column units: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


# Kinds whose cells the template formats as text (@): what is typed is kept as typed (92.50 keeps its two decimals,
# 98% in a target stays 98%, 00123 keeps its zeros).
TEXT_KINDS = frozenset({"text", "code", "date", "qualifier", "parts", "statement", "statement_unit", "target",
                        "actual", *CHOICES})
# Kinds that read into a record (a figure, a stated value, a target): their keys are placed under the cell's path.
RECORD_KINDS = frozenset({"figure", "statement", "statement_unit", "amount", "target", "actual"})


def read_cell(raw: Any, number_format: str, kind: str, unit: str = "") -> Any:
    """The params value a non-empty cell holds, by the kind its layout gives it."""
    readers: dict[str, Callable[[], Any]] = {
        "text": lambda: read_text(raw, number_format=number_format),
        "code": lambda: read_text(raw, numbers_as_text=False),
        "date": lambda: read_date(raw, number_format),
        "number": lambda: read_number(raw, number_format, unit),
        "signed": lambda: read_number(raw, number_format, unit, signed=True),
        "count": lambda: read_number(raw, number_format, unit, whole=True),
        "year": lambda: read_number(raw, number_format, unit, whole=True),
        "bool": lambda: read_bool(raw),
        "qualifier": lambda: read_qualifier(raw),
        "parts": lambda: read_parts(raw),
        "figure": lambda: read_figure(raw, number_format, unit),
        "statement": lambda: read_statement(raw, number_format, unit, keep_unit=False),
        "statement_unit": lambda: read_statement(raw, number_format, unit, keep_unit=True),
        "amount": lambda: read_amount(raw, number_format, unit),
        "target": lambda: read_quantity(raw, with_op=True, number_format=number_format),
        "actual": lambda: read_quantity(raw, with_op=False, number_format=number_format),
    }
    if kind in CHOICES:
        return read_choice(raw, CHOICES[kind])
    return readers[kind]()


def _record_text(kind: str, value: dict[str, Any], alone: bool) -> str | float | int:
    """A record as one cell: a bare number when nothing else needs saying, else its phrase.

    alone: the cell is the record's only cell; otherwise its unit and qualifier have columns of their own.
    """
    if kind in ("target", "actual"):
        return format_quantity(value)
    if value.get("text"):
        return str(value["text"])  # the phrase as the report writes it
    qualifier = Qualifier(value.get("qualifier") or Qualifier.EXACT) if alone else Qualifier.EXACT
    unit = (value.get("unit") or "") if alone and kind in ("figure", "statement_unit") else ""
    if kind in ("figure", "amount") and qualifier is Qualifier.EXACT and not unit:
        number: float = value["value"]
        return number
    return phrase(value["value"], unit, qualifier, places=value.get("places") or 0)


def write_cell(cell: Cell, kind: str, value: Any, *, alone: bool = True) -> None:
    """Put a params value into a cell so that read_cell gives it back unchanged."""
    if kind in RECORD_KINDS:
        places = value.get("places") if kind == "figure" else None
        value = _record_text(kind, value, alone)
        if places and isinstance(value, (int, float)):
            cell.number_format = "0." + "0" * places  # 3752.00 shows, and reads back, as printed
    elif kind == "bool":
        value = "是" if value else "否"
    elif kind == "qualifier":
        value = QUALIFIER_WORD.get(Qualifier(value), "")
    elif kind == "parts":
        value = format_parts(value)
    elif kind in CHOICES:
        value = {v: k for k, v in CHOICES[kind].items()}.get(value, value)
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value
