"""Validation problems as people read them: a field path named the way the file is written, and a plain message."""
from __future__ import annotations

from collections import Counter
import math
import re
import types
import typing
from typing import Any, Union

from .records import Record, ValidationError

_MESSAGES = {
    "float_type": "expected a number, found {found}",
    "int_type": "expected a whole number, found {found}",
    "bool_type": "expected true or false, found {found}",
    "string_type": "expected text, found {found}",
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
    "finite_number": "expected a finite number, found {found}",
    "greater_than_equal": "must be at least {ge}, found {found}",
    "less_than_equal": "must be at most {le}, found {found}",
    "dict_type": "expected a mapping (key: value), found {found}",
    "list_type": "expected a list, found {found}",
    "model_type": "expected a mapping (key: value), found {found}",
    "string_too_long": "text is longer than {max_length} characters",
    "string_pattern_mismatch": "does not match the expected pattern {pattern}",
    "too_short": "give at least {min_length} item(s), found {actual_length}",
    "string_too_short": "write at least {min_length} character(s)",
}


def found(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."


def used_twice(ids: list[str]) -> list[str]:
    """The ids that stand more than once, sorted: a framework names each indicator, part and item once."""
    return sorted(i for i, n in Counter(ids).items() if n > 1)


def not_a_number(value: Any) -> str:
    """'expected a number, found …', with the fix when YAML read a number as text (1e-7 without a dot, nan)."""
    message = f"expected a number, found {found(value)}"
    if isinstance(value, str):
        try:
            number = float(value.replace("_", "x"))
        except ValueError:
            return message
        if not value.isascii():  # float() reads full-width and other scripts' digits; YAML and the tool do not
            return message + " (it holds a full-width or non-ASCII digit: type the number in digits 0–9)"
        if math.isfinite(number):
            return message + " (YAML reads this exponent form as text: write the number out in full)"
        return message + " (a figure is a finite number)"
    return message


def _models(tp: Any) -> list[type[Record]]:
    """The record types a field's annotation can hold (through Annotated, unions, Optional)."""
    if isinstance(tp, type) and issubclass(tp, Record):
        return [tp]
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _models(typing.get_args(tp)[0])
    if origin in (Union, types.UnionType):
        return [m for arg in typing.get_args(tp) for m in _models(arg)]
    return []


def _inner(tp: Any, key: Any) -> list[Any]:
    """What a list's item or a mapping's value is, for the step `key` into a container annotation."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _inner(typing.get_args(tp)[0], key)
    if origin in (Union, types.UnionType):
        return [t for arg in typing.get_args(tp) for t in _inner(arg, key)]
    args = typing.get_args(tp)
    if origin is list and isinstance(key, int) and args:
        return [args[0]]
    if origin is dict and isinstance(key, str) and len(args) == 2:
        return [args[1]]
    return []


def known_fields(model: type[Record], loc: list[Any]) -> set[str]:
    """The field names of the record at `loc` (the path to an unknown field, without it): what to suggest from."""
    current: list[Any] = [model]
    for key in loc:
        nxt: list[Any] = []
        for tp in current:
            for m in _models(tp):
                if isinstance(key, str) and key in m.model_fields:
                    nxt.append(m.model_fields[key].annotation)
            nxt += _inner(tp, key)
        current = nxt
    return {name for tp in current for m in _models(tp) for name in m.model_fields}


def _nearest(name: str, options: list[str]) -> str | None:
    import difflib  # only a file with an unknown name pays for it

    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    return close[0] if close else None


MAX_DEPTH = 3  # levels of records searched for the place a misplaced field belongs


def _placed_elsewhere(model: type[Record], name: str, here: list[Any]) -> str | None:
    """The shortest path of records (not lists or mappings) under `model` where a field `name` belongs, other than
    `here`: a section written at the wrong level (staff: at the top belongs under figures: figures.staff)."""
    level: list[tuple[str, Any]] = [("", model)]
    for _ in range(MAX_DEPTH):
        deeper: list[tuple[str, Any]] = []
        for path, tp in level:
            for m in _models(tp):
                for key, info in m.model_fields.items():
                    at = f"{path}.{key}" if path else key
                    if key == name and at != ".".join(map(str, here + [name])):
                        return at
                    deeper.append((at, info.annotation))
        level = deeper
    return None


def unknown_field(model: type[Record] | None, loc: list[Any]) -> str:
    """'unknown field', with the nearest field the record has ('; did you mean 'budget'?'), or the place a field
    written at the wrong level belongs ('; it belongs under figures: figures.staff')."""
    if model is None or not loc or not isinstance(loc[-1], str):
        return "unknown field"
    close = _nearest(loc[-1], sorted(known_fields(model, loc[:-1])))
    if close:
        return f"unknown field; did you mean {close!r}?"
    elsewhere = _placed_elsewhere(model, loc[-1], loc[:-1])
    if elsewhere:
        return f"unknown field here; it belongs at {elsewhere}"
    return "unknown field"


def not_one_of(err: Any) -> str:
    """A value or key outside a fixed set: the nearest allowed one when a typo is likely (staff.authorised →
    'authorized'), as for an unknown field; else every allowed one. A key of a known section (figures.staff) is
    an unknown field there, whatever the type that lists its keys."""
    expected, value = str((err.get("ctx") or {}).get("expected", "")), err.get("input")
    close = _nearest(value, re.findall(r"'([^']*)'", expected)) if isinstance(value, str) else None
    if "[key]" in err["loc"]:
        return f"unknown field; did you mean {close!r}?" if close else f"unknown field: expected one of {expected}"
    said = f"expected one of {expected}, found {found(value)}"
    return f"found {found(value)}; did you mean {close!r}?" if close else said


# Why a field cannot be negative, said after "must be at least 0" (an offset is not money: trial 4's U26).
_NOT_NEGATIVE = {"value": "money and counts cannot be negative", "at": "it counts characters into its source",
                 "places": "it counts the decimals written"}


def describe_errors(exc: ValidationError, data: Any = None,
                    model: type[Record] | None = None) -> list[tuple[str, str]]:
    """Turn validation errors (core/records.py) into (field path, plain message) pairs, dropping union noise.

    With the raw data, indicators are named by id (indicators.staffing_control.rule…), not by list positions;
    with the model validated, an unknown field is named with the nearest field its record has.
    """
    problems: dict[str, str] = {}
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not str(p).startswith(("function-", "union[", "Case", "dict["))]
        loc = [p for p in loc if str(p) not in ("float", "int", "bool", "str", "constrained-float", "[key]")]
        field = readable_path(loc, data)
        template = _MESSAGES.get(err["type"])
        ctx = dict(err.get("ctx") or {})
        if err["type"] == "extra_forbidden":
            message = unknown_field(model, [p for p in err["loc"] if isinstance(p, (str, int))])
        elif err["type"] == "literal_error":
            message = not_one_of(err)
        elif err["type"] == "value_error":
            message = str(ctx.get("error", err["msg"]))
        elif err["type"] == "float_type":
            message = not_a_number(err.get("input"))
        elif template:
            try:
                message = template.format(found=found(err.get("input")), **ctx)
            except (KeyError, IndexError):
                message = err["msg"]
            if err["type"] == "greater_than_equal" and ctx.get("ge") == 0 and loc and str(loc[-1]) in _NOT_NEGATIVE:
                message += f" ({_NOT_NEGATIVE[str(loc[-1])]})"
        else:
            message = err["msg"]
        if field in problems and problems[field] == message:
            continue
        problems.setdefault(field, message)
    return list(problems.items())


def readable_path(loc: list[Any], data: Any) -> str:
    """A validation error's location as a path into the file: list positions of indicators become their ids."""
    out: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int) and out and out[-1] in ("indicators", "children") and isinstance(node, list) \
                and 0 <= part < len(node) and isinstance(node[part], dict) and isinstance(node[part].get("id"), str):
            node = node[part]
            out = ["indicators", node["id"]]
            continue
        out.append(str(part))
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return _plain_measure_path(".".join(out))


def _plain_measure_path(path: str) -> str:
    """A location as the file is written: list positions in brackets (stated[0].unit), and a measure's as its YAML
    reads (measure.ratio[0], not measure.ratio.args.0.figure.path)."""
    path = re.sub(r"\.args(?=\.|$)", "", path)
    path = re.sub(r"\.(figure\.path|const\.value)$", "", path)
    return re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", path)
