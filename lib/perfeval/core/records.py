"""Typed records read from YAML and JSON, and the one validator that checks them against their annotations.

A record is a class of annotated fields (params, framework, the unit result). Validating data walks the annotations
— `Annotated` bounds (ge, le, gt, lengths, patterns, strict), `Literal` keys and values, enums, unions with
shorthands and tags, lists, tuples, mappings, nested records — and collects every problem of a file in one pass,
each as (path, kind, context, value), the shape `core/problems.py` turns into plain messages. Per-record rules run
before (shorthands) and after (relations between fields). It replaces pydantic on the command line's path, whose
import and schema building cost about half of `perfeval score` (README Performance); no generated methods: a
class costs its annotations, and its checks are built on first use.
"""
from __future__ import annotations

import enum
import numbers
import re
import sys
import types
import typing
from decimal import Decimal
from typing import Any, Callable, ClassVar, Iterator, Self, Union, cast

_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "MISSING"})()
_BAD: Any = type("_Bad", (), {"__repr__": lambda self: "BAD"})()  # what a check returns for a value it refused


class FieldInfo:
    """A field's default, how it is published (alias, left out) and the bounds its value must keep."""

    __slots__ = ("default", "default_factory", "alias", "exclude", "description", "strict", "allow_inf_nan", "ge",
                 "le", "gt", "lt", "min_length", "max_length", "pattern", "annotation", "checks")

    def __init__(self, default: Any = _MISSING, *, default_factory: Callable[[], Any] | None = None,
                 alias: str | None = None, exclude: bool | None = None, description: str | None = None,
                 strict: bool | None = None, allow_inf_nan: bool | None = None, ge: float | None = None,
                 le: float | None = None, gt: float | None = None, lt: float | None = None,
                 min_length: int | None = None, max_length: int | None = None, pattern: str | None = None) -> None:
        self.default, self.default_factory, self.alias, self.exclude = default, default_factory, alias, exclude
        self.description, self.strict, self.allow_inf_nan = description, strict, allow_inf_nan
        self.ge, self.le, self.gt, self.lt = ge, le, gt, lt
        self.min_length, self.max_length, self.pattern = min_length, max_length, pattern
        self.annotation: Any = None
        self.checks: list[Any] = []  # AfterValidator / BeforeValidator of the field's own annotation

    def key(self) -> tuple[Any, ...]:
        """What a check of the field's values depends on (its bounds)."""
        return (self.strict, self.allow_inf_nan, self.ge, self.le, self.gt, self.lt, self.min_length,
                self.max_length, self.pattern)

    @property
    def metadata(self) -> list[Any]:
        """The bounds, as one constraint object (what `outputs/draft/bounds.py` reads ge and le from)."""
        return [self]

    def required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None

    def get_default(self) -> Any:
        if self.default_factory is not None:
            return self.default_factory()
        value = self.default
        return value.copy() if isinstance(value, (dict, list)) else value

    def _merge(self, other: FieldInfo) -> None:
        for name in FieldInfo.__slots__[:-2]:
            theirs = getattr(other, name)
            if theirs is not None and theirs is not _MISSING:
                setattr(self, name, theirs)
        if other.default is None:
            self.default = None


def Field(default: Any = _MISSING, **kwargs: Any) -> Any:
    """A field's default and bounds: `x: int = Field(ge=0)`, or inside `Annotated[int, Field(ge=0)]`."""
    return FieldInfo(default, **kwargs)


class AfterValidator:
    """A check run on a value after its type's: returns the value, or raises ValueError with the message."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func


class BeforeValidator:
    """A shorthand read before the type's check (a figure path written as text becomes {op: figure, path})."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func


class Tag:
    """The name of one member of a tagged union."""

    def __init__(self, tag: str) -> None:
        self.tag = tag


class Discriminator:
    """How a tagged union picks its member: a function of the value giving the tag (None: not one of them)."""

    def __init__(self, func: Callable[[Any], str | None], custom_error_type: str | None = None,
                 custom_error_message: str | None = None) -> None:
        self.func, self.error_type, self.error_message = func, custom_error_type, custom_error_message


def PrivateAttr(default: Any = None) -> Any:
    """State kept on a record that is no field of it (an index built on first use)."""
    return _Private(default)


class _Private:
    def __init__(self, default: Any) -> None:
        self.default = default


def field_validator(*names: str, mode: str = "after") -> Callable[[Any], Any]:
    """A check of some fields of a record: a classmethod taking the value and returning it (or raising)."""
    def mark(func: Any) -> Any:
        target: Any = func.__func__ if isinstance(func, classmethod) else func
        target.__record_check__ = ("field", mode, names)
        return func
    return mark


def model_validator(*, mode: str) -> Callable[[Any], Any]:
    """A rule of a whole record: before (a classmethod reading the raw data: shorthands) or after (a method of the
    record made: relations between its fields)."""
    def mark(func: Any) -> Any:
        target: Any = func.__func__ if isinstance(func, classmethod) else func
        target.__record_check__ = ("model", mode, ())
        return func
    return mark


def model_serializer(*, mode: str = "wrap") -> Callable[[Any], Any]:
    """How a record is written out: a method taking the record's plain mapping maker (`handler`)."""
    def mark(func: Any) -> Any:
        func.__record_check__ = ("serializer", mode, ())
        return func
    return mark


def ConfigDict(**kwargs: Any) -> dict[str, Any]:
    """A record class's settings: extra ('forbid' or 'ignore'), strict, frozen, by_alias."""
    return kwargs


class ValidationError(ValueError):
    """Every problem of the data validated, each a dict: type (the kind), loc (the path), msg, input, ctx."""

    def __init__(self, title: str, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} validation error(s) for {title}")
        self.title, self._errors = title, errors

    def errors(self, include_url: bool = False) -> list[dict[str, Any]]:
        return [dict(e) for e in self._errors]

    def error_count(self) -> int:
        return len(self._errors)

    def __str__(self) -> str:
        lines = [f"{len(self._errors)} validation error{'s' if len(self._errors) != 1 else ''} for {self.title}"]
        for e in self._errors:
            lines += [".".join(map(str, e["loc"])), f"  {e['msg']}"]
        return "\n".join(lines)


# --- the checks: one function per annotation, built on first use and kept ------------------------------------------

Errors = list[dict[str, Any]]
Check = Callable[[Any, tuple[Any, ...], Errors], Any]
_CHECKS: dict[Any, Check] = {}


def _error(errors: Errors, kind: str, loc: tuple[Any, ...], msg: str, value: Any, **ctx: Any) -> Any:
    error = {"type": kind, "loc": loc, "msg": msg, "input": value}
    if ctx:
        error["ctx"] = ctx
    errors.append(error)
    return _BAD


def _value_error(errors: Errors, loc: tuple[Any, ...], exc: ValueError, value: Any) -> Any:
    return _error(errors, "value_error", loc, f"Value error, {exc}", value, error=exc)


def _expected(options: tuple[Any, ...]) -> str:
    """pydantic's way of listing a Literal's values: 'a', 'b' or 'c'."""
    shown = [repr(o.value if isinstance(o, enum.Enum) else o) for o in options]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def check_for(tp: Any, info: FieldInfo | None = None, strict: bool = False) -> Check:
    """The check of values of one annotation (with the bounds of its field), built once."""
    key = (tp, info.key() if info is not None else None, strict)
    found = _CHECKS.get(key)
    if found is None:
        found = _CHECKS[key] = _build(tp, info, strict)
    return found


def _build(tp: Any, info: FieldInfo | None, strict: bool) -> Check:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _annotated(tp, info, strict)
    if isinstance(tp, (str, typing.ForwardRef)):
        raise TypeError(f"unresolved annotation {tp!r}")
    if origin in (Union, types.UnionType):
        return _union(typing.get_args(tp), info, strict, None)
    if origin is typing.Literal:
        return _literal(typing.get_args(tp))
    if origin is list:
        return _sequence(list, typing.get_args(tp)[0], info, strict)
    if origin is tuple:
        return _tuple(typing.get_args(tp), info, strict)
    if origin is dict:
        return _mapping(typing.get_args(tp), info, strict)
    if tp is Any or tp is object:
        return lambda value, loc, errors: value
    if isinstance(tp, type):
        if issubclass(tp, Record):
            return tp._check
        if issubclass(tp, enum.Enum):
            return _enum(tp, strict)
        if tp is bool:
            return _bool(info, strict)
        if tp is int:
            return _int(info, strict)
        if tp is float:
            return _float(info, strict)
        if tp is str:
            return _str(info)
    raise TypeError(f"records cannot check values of {tp!r}")


def _annotated(tp: Any, info: FieldInfo | None, strict: bool) -> Check:
    inner, *meta = typing.get_args(tp)
    bounds = FieldInfo()
    if info is not None:
        bounds._merge(info)
    befores, afters, discriminator = [], [], None
    for m in meta:
        if isinstance(m, FieldInfo):
            bounds._merge(m)
        elif isinstance(m, BeforeValidator):
            befores.append(m.func)
        elif isinstance(m, AfterValidator):
            afters.append(m.func)
        elif isinstance(m, Discriminator):
            discriminator = m
    if discriminator is not None:
        check = _union(typing.get_args(inner), bounds, strict, discriminator)
    else:
        check = check_for(inner, bounds, strict if bounds.strict is None else bounds.strict)
    if not befores and not afters:
        return check
    befores.reverse()  # the last written runs first, as each wraps what follows it
    return _wrapped(check, befores, afters)


def _wrapped(check: Check, befores: list[Any], afters: list[Any]) -> Check:
    """A check with the functions to run on a value before it and on its result after it (pydantic's Before- and
    AfterValidator, a record's own field validators): a ValueError from one is the field's problem."""
    def wrapped(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        for func in befores:
            try:
                value = func(value)
            except ValueError as exc:
                return _value_error(errors, loc, exc, value)
        value = check(value, loc, errors)
        if value is _BAD:
            return _BAD
        for func in afters:
            try:
                value = func(value)
            except ValueError as exc:
                return _value_error(errors, loc, exc, value)
        return value
    return wrapped


def _tag_of(tp: Any) -> str:
    """The name a union member's problems are filed under (pydantic's: the type's name)."""
    if typing.get_origin(tp) is typing.Annotated:
        for m in typing.get_args(tp)[1:]:
            if isinstance(m, Tag):
                return m.tag
        return "function-after"
    return getattr(tp, "__name__", str(tp))


def _union(members: tuple[Any, ...], info: FieldInfo | None, strict: bool, tagged: Discriminator | None) -> Check:
    nullable = type(None) in members
    members = tuple(m for m in members if m is not type(None))
    if tagged is not None:
        by_tag = {_tag_of(m): m for m in members}
        checks: dict[str, Check] = {}

        def one_of_tagged(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
            if value is None and nullable:
                return None
            tag = tagged.func(value)
            if tag not in by_tag:
                if tagged.error_type:
                    return _error(errors, tagged.error_type, loc, tagged.error_message or "", value)
                expected = ", ".join(repr(t) for t in by_tag)
                if tag is None:
                    return _error(errors, "union_tag_not_found", loc, "Unable to extract tag using discriminator "
                                  f"{tagged.func.__name__}()", value, discriminator=f"{tagged.func.__name__}()")
                return _error(errors, "union_tag_invalid", loc, f"Input tag '{tag}' found using "
                              f"{tagged.func.__name__}() does not match any of the expected tags: {expected}", value,
                              discriminator=f"{tagged.func.__name__}()", tag=tag, expected_tags=expected)
            check = checks.get(tag)
            if check is None:
                check = checks[tag] = check_for(by_tag[tag], None, strict)
            return check(value, loc + (tag,), errors)
        return one_of_tagged
    if len(members) == 1:
        only = check_for(members[0], info, strict)
        if not nullable:
            return only

        def optional(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
            return None if value is None else only(value, loc, errors)
        return optional
    named = [(_member_name(m), m) for m in members]

    def one_of(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        if value is None and nullable:
            return None
        tried: Errors = []
        for name, member in named:
            mine: Errors = []
            out = check_for(member, info, strict)(value, loc + (name,), mine)
            if out is not _BAD:
                return out
            tried += mine
        errors += tried
        return _BAD
    return one_of


def _member_name(tp: Any) -> str:
    """The name a union member's problems are filed under, as pydantic names it (problems.py leaves it out)."""
    if typing.get_origin(tp) is typing.Annotated:
        inner, *meta = typing.get_args(tp)
        if any(isinstance(m, (AfterValidator, BeforeValidator)) for m in meta):
            return "function-after"
        return _member_name(inner)
    return getattr(tp, "__name__", str(tp))


def _literal(options: tuple[Any, ...]) -> Check:
    allowed = {(type(o), o) for o in options}
    expected = _expected(options)

    def literal(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        try:
            if (type(value), value) in allowed:
                return value
        except TypeError:  # an unhashable value (a list or a mapping) is none of them
            pass
        return _error(errors, "literal_error", loc, f"Input should be {expected}", value, expected=expected)
    return literal


def _enum(tp: type[enum.Enum], strict: bool) -> Check:
    values = {m.value: m for m in tp}
    expected = _expected(tuple(tp))

    def of_enum(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        if isinstance(value, tp):
            return value
        if strict:  # a strict record takes only a member (a shorthand reads the word first)
            return _error(errors, "is_instance_of", loc, f"Input should be an instance of {tp.__name__}", value,
                          **{"class": tp.__name__})
        try:
            return values[value]
        except (KeyError, TypeError):
            return _error(errors, "enum", loc, f"Input should be {expected}", value, expected=expected)
    return of_enum


_TRUE = {True, "true", "True", "TRUE", "yes", "on", "1", "t", "y"}  # True == 1 and False == 0 in a set
_FALSE = {False, "false", "False", "FALSE", "no", "off", "0", "f", "n"}


def _bool(info: FieldInfo | None, strict: bool) -> Check:
    def boolean(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        if value is True or value is False:
            return value
        if not strict and isinstance(value, (int, float, str, Decimal)):
            if isinstance(value, (float, Decimal)) and (value % 1 != 0 or abs(float(value)) >= 2.0 ** 63):
                return _error(errors, "bool_type", loc, "Input should be a valid boolean", value)
            if value in _TRUE:
                return True
            if value in _FALSE:
                return False
            return _error(errors, "bool_parsing", loc, "Input should be a valid boolean, unable to interpret input",
                          value)
        return _error(errors, "bool_type", loc, "Input should be a valid boolean", value)
    return boolean


def _bounds(info: FieldInfo | None, kind: type = int) -> Callable[[Any, tuple[Any, ...], Errors, Any], Any]:
    """The numeric bounds of a field, as one check; a float field's bounds are floats (its messages say 0.0)."""
    if info is None:
        return lambda number, loc, errors, value: number
    ge, le, gt, lt = (None if b is None else kind(b) for b in (info.ge, info.le, info.gt, info.lt))
    shown = {b: format(b, "g") if isinstance(b, float) and b.is_integer() else b for b in (ge, le, gt, lt)}

    def bounded(number: Any, loc: tuple[Any, ...], errors: Errors, value: Any) -> Any:
        if ge is not None and not number >= ge:
            return _error(errors, "greater_than_equal", loc, f"Input should be greater than or equal to {shown[ge]}", value,
                          ge=ge)
        if gt is not None and not number > gt:
            return _error(errors, "greater_than", loc, f"Input should be greater than {shown[gt]}", value, gt=gt)
        if le is not None and not number <= le:
            return _error(errors, "less_than_equal", loc, f"Input should be less than or equal to {shown[le]}", value, le=le)
        if lt is not None and not number < lt:
            return _error(errors, "less_than", loc, f"Input should be less than {shown[lt]}", value, lt=lt)
        return number
    return bounded


def _int(info: FieldInfo | None, strict: bool) -> Check:
    bounded = _bounds(info)

    def integer(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        if isinstance(value, int) and (not isinstance(value, bool) or not strict):
            return bounded(int(value), loc, errors, value)
        if strict:
            return _error(errors, "int_type", loc, "Input should be a valid integer", value)
        if isinstance(value, (float, Decimal)):
            if value != value or value in (float("inf"), float("-inf")):
                return _error(errors, "finite_number", loc, "Input should be a finite number", value)
            if abs(float(value)) > 2.0 ** 63:
                return _error(errors, "int_parsing_size", loc, "Unable to parse input string as an integer, exceeded "
                              "maximum size", value)
            if value % 1 == 0:
                return bounded(int(value), loc, errors, value)
            return _error(errors, "int_from_float", loc, "Input should be a valid integer, got a number with a "
                          "fractional part", value)
        if isinstance(value, str):
            digits = value.strip()
            if digits.isascii() and digits.lstrip("+-").isdigit():
                return bounded(int(digits), loc, errors, value)
            return _error(errors, "int_parsing", loc, "Input should be a valid integer, unable to parse string as an "
                          "integer", value)
        return _error(errors, "int_type", loc, "Input should be a valid integer", value)
    return integer


def _float(info: FieldInfo | None, strict: bool) -> Check:
    bounded = _bounds(info, float)
    finite_only = info is not None and info.allow_inf_nan is False

    def number(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        if isinstance(value, float):
            out = value if type(value) is float else float(value)  # YAML's StatedFloat: its places are read before
        elif isinstance(value, bool):
            if strict:
                return _error(errors, "float_type", loc, "Input should be a valid number", value)
            out = float(value)
        elif isinstance(value, (numbers.Real, Decimal)):  # ints, and Decimal and Fraction as pydantic took them
            out = float(value)
        elif not strict and isinstance(value, str):
            try:
                if not value.isascii():
                    raise ValueError(value)
                out = float(value.strip())
            except ValueError:
                return _error(errors, "float_parsing", loc, "Input should be a valid number, unable to parse string "
                              "as a number", value)
        else:
            return _error(errors, "float_type", loc, "Input should be a valid number", value)
        if finite_only and (out != out or out in (float("inf"), float("-inf"))):
            return _error(errors, "finite_number", loc, "Input should be a finite number", value)
        return bounded(out, loc, errors, value)
    return number


def _str(info: FieldInfo | None) -> Check:
    least = info.min_length if info is not None else None
    most = info.max_length if info is not None else None
    pattern = re.compile(info.pattern) if info is not None and info.pattern else None

    def text(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        if not isinstance(value, str):
            return _error(errors, "string_type", loc, "Input should be a valid string", value)
        if least is not None and len(value) < least:
            return _error(errors, "string_too_short", loc, f"String should have at least {least} "
                          f"character{'s' if least != 1 else ''}", value, min_length=least)
        if most is not None and len(value) > most:
            return _error(errors, "string_too_long", loc, f"String should have at most {most} "
                          f"character{'s' if most != 1 else ''}", value, max_length=most)
        if pattern is not None and not pattern.search(value):
            return _error(errors, "string_pattern_mismatch", loc, f"String should match pattern '{pattern.pattern}'",
                          value, pattern=pattern.pattern)
        return value
    return text


def _length(info: FieldInfo | None, kind: str) -> Callable[[Any, tuple[Any, ...], Errors], bool]:
    least = info.min_length if info is not None else None

    def long_enough(value: Any, loc: tuple[Any, ...], errors: Errors) -> bool:
        if least is not None and len(value) < least:
            _error(errors, "too_short", loc, f"{kind} should have at least {least} item{'s' if least != 1 else ''} "
                   f"after validation, not {len(value)}", value, field_type=kind, min_length=least,
                   actual_length=len(value))
            return False
        return True
    return long_enough


def _sequence(kind: type, item: Any, info: FieldInfo | None, strict: bool) -> Check:
    long_enough = _length(info, "List")
    each: list[Check] = []

    def items(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        if not isinstance(value, list) and (strict or not isinstance(value, tuple)):
            return _error(errors, "list_type", loc, "Input should be a valid list", value)
        if not each:
            each.append(check_for(item, None, strict))
        check, out, before = each[0], [], len(errors)
        for i, v in enumerate(value):
            out.append(check(v, loc + (i,), errors))
        if len(errors) > before:
            return _BAD
        return out if long_enough(out, loc, errors) else _BAD
    return items


def _tuple(args: tuple[Any, ...], info: FieldInfo | None, strict: bool) -> Check:
    variadic = len(args) == 2 and args[1] is Ellipsis
    long_enough = _length(info, "Tuple")

    def items(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        if not isinstance(value, (list, tuple)):
            return _error(errors, "tuple_type", loc, "Input should be a valid tuple", value)
        before = len(errors)
        if variadic:
            check = check_for(args[0], None, strict)
            out = [check(v, loc + (i,), errors) for i, v in enumerate(value)]
        else:
            out = [check_for(a, None, strict)(value[i], loc + (i,), errors) if i < len(value)
                   else _error(errors, "missing", loc + (i,), "Field required", value) for i, a in enumerate(args)]
            if len(value) > len(args):
                _error(errors, "too_long", loc, f"Tuple should have at most {len(args)} item"
                       f"{'s' if len(args) != 1 else ''} after validation, not {len(value)}", value,
                       field_type="Tuple", max_length=len(args), actual_length=len(value))
        if len(errors) > before:
            return _BAD
        return tuple(out) if long_enough(out, loc, errors) else _BAD
    return items


def _mapping(args: tuple[Any, Any], info: FieldInfo | None, strict: bool) -> Check:
    long_enough = _length(info, "Dictionary")
    checks: list[Check] = []

    def mapping(value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        if not isinstance(value, dict):
            return _error(errors, "dict_type", loc, "Input should be a valid dictionary", value)
        if not checks:
            checks.extend((check_for(args[0], None, strict), check_for(args[1], None, strict)))
        key_check, value_check = checks
        out, before = {}, len(errors)
        for k, v in value.items():
            key = key_check(k, loc + (k, "[key]"), errors)
            item = value_check(v, loc + (k,), errors)
            out[key] = item
        if len(errors) > before:
            return _BAD
        return out if long_enough(out, loc, errors) else _BAD
    return mapping


# --- records --------------------------------------------------------------------------------------------------------

_FIELD_SETS: dict[frozenset[str], frozenset[str]] = {}


def _interned(names: frozenset[str]) -> frozenset[str]:
    """One frozenset per distinct set of given fields: records of a kind mostly give the same ones, and a frozenset
    each took 0.7–1 KB (3.5 KB of a unit result's outline in the index)."""
    if len(_FIELD_SETS) >= 4096:  # bounded: a file of many differently filled records interns no more
        return names
    return _FIELD_SETS.setdefault(names, names)


class _Slot:
    """A field's value on a record whose base class has a property of the same name (the record publishes it)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None

    def __set__(self, obj: Any, value: Any) -> None:
        raise AttributeError(f"{type(obj).__name__} is immutable")


class _RecordType(type):
    @property
    def model_fields(cls) -> dict[str, FieldInfo]:
        """The record's fields by name, in order (annotations resolved on first use)."""
        found = cls.__dict__.get("_fields")
        return cast(dict[str, FieldInfo], found if found is not None else cast(Any, cls)._resolve())


class Record(metaclass=_RecordType):
    """Base of every record: fields from annotations (and from a standard dataclass it derives from), unknown fields
    refused (extra='forbid'), frozen unless said, strict types unless said."""

    model_config: ClassVar[dict[str, Any]] = {}
    _fields: ClassVar[dict[str, FieldInfo] | None] = None
    _befores: ClassVar[list[Any]] = []
    _afters: ClassVar[list[Any]] = []
    _field_checks: ClassVar[dict[str, list[tuple[str, Any]]]] = {}
    _serializer: ClassVar[Any] = None
    _checks: ClassVar[dict[str, Check]]  # built on first validation, per class
    _floats: ClassVar[dict[str, Callable[[Any], Any]]]  # made_from's conversions, per class

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._fields = None
        befores, afters = list(cls._befores), list(cls._afters)
        field_checks = {k: list(v) for k, v in cls._field_checks.items()}
        for name, member in list(vars(cls).items()):
            func = member.__func__ if isinstance(member, (classmethod, staticmethod)) else member
            mark = getattr(func, "__record_check__", None)
            if mark is not None:
                what, mode, names = mark
                if what == "model":  # by name: a subclass's check is its own class's (cls.model_fields)
                    (befores if mode == "before" else afters).append(name)
                elif what == "field":
                    for n in names:
                        field_checks.setdefault(n, []).append((mode, name))
                else:
                    cls._serializer = member
            elif isinstance(member, _Private):
                setattr(cls, name, member.default)
        cls._befores, cls._afters, cls._field_checks = befores, afters, field_checks

    @classmethod
    def _resolve(cls) -> dict[str, FieldInfo]:
        """Fields from the annotations of the class and its bases (a standard dataclass base gives its fields)."""
        import dataclasses

        fields: dict[str, FieldInfo] = {}
        for klass in reversed(cls.__mro__):
            if klass in (Record, object):
                continue
            if dataclasses.is_dataclass(klass) and not issubclass(klass, Record):
                hints = typing.get_type_hints(klass, include_extras=True)
                for f in dataclasses.fields(klass):
                    info = FieldInfo(_MISSING if f.default is dataclasses.MISSING else f.default,
                                     default_factory=None if f.default_factory is dataclasses.MISSING
                                     else f.default_factory)
                    info.annotation = hints[f.name]
                    fields[f.name] = info
                continue
            own = vars(klass).get("__annotations__", {})
            if not own:
                continue
            module = vars(sys.modules[klass.__module__])
            for name, hint in own.items():
                if name.startswith("_") or name == "model_config":
                    continue
                fields[name] = _field(klass, name, _evaluated(hint, module, dict(vars(klass))))
        for name in fields:
            if isinstance(getattr(cls, name, None), property):
                setattr(cls, name, _Slot(name))
        cls._fields = fields
        return fields

    @classmethod
    def _check(cls, value: Any, loc: tuple[Any, ...], errors: Errors) -> Any:
        """The record made from a mapping (or the record itself), its problems added to `errors`."""
        for before in cls._befores:
            try:
                value = getattr(cls, before)(value)
            except ValueError as exc:
                return _value_error(errors, loc, exc, value)
        if isinstance(value, cls):
            return value
        if not isinstance(value, dict):
            return _error(errors, "model_type", loc, f"Input should be a valid dictionary or instance of "
                          f"{cls.__name__}", value, class_name=cls.__name__)
        fields = cls.model_fields
        config = cls.model_config
        strict = config.get("strict", False)
        checks = cls.__dict__.get("_checks") or cls._build_checks(strict)
        out: dict[str, Any] = {}
        before, seen = len(errors), set()
        for name, info in fields.items():
            key = name
            if info.alias is not None and info.alias in value:
                key = info.alias
            elif name not in value:
                if info.required():
                    _error(errors, "missing", loc + (info.alias or name,), "Field required", value)
                else:
                    out[name] = info.get_default()
                continue
            seen.add(key)
            v = checks[name](value[key], loc + (name if key == name else key,), errors)
            out[name] = v
        if config.get("extra", "forbid") == "forbid" and len(seen) < len(value):
            for key in value:
                if key not in seen:
                    _error(errors, "extra_forbidden", loc + (key,), "Extra inputs are not permitted", value[key])
        if len(errors) > before:
            return _BAD
        made = cls._made(out)
        if len(seen) < len(fields):  # every field given (a result read back): model_fields_set says so without one
            made.__dict__["_fields_set"] = _interned(frozenset(n for n in fields if n in value or fields[n].alias in value))
        for after in cls._afters:
            try:
                made = getattr(cls, after)(made)
            except ValueError as exc:
                return _value_error(errors, loc, exc, value)
        return made

    @classmethod
    def _build_checks(cls, strict: bool) -> dict[str, Check]:
        checks: dict[str, Check] = {}
        for name, info in cls.model_fields.items():
            check = check_for(info.annotation, info, strict if info.strict is None else info.strict)
            own = [(mode, getattr(cls, f)) for mode, f in cls._field_checks.get(name, [])]
            if own or info.checks:
                check = _with_field_checks(check, own, info.checks)
            checks[name] = check
        cls._checks = checks
        return checks

    @classmethod
    def _made(cls, values: dict[str, Any]) -> Any:
        made = object.__new__(cls)
        made.__dict__.update(values)
        return made

    @classmethod
    def model_validate(cls, data: Any) -> Self:
        """The record made from data, or a ValidationError with every problem."""
        errors: Errors = []
        made = cls._check(data, (), errors)
        if errors or made is _BAD:
            raise ValidationError(cls.__name__, errors)
        return cast(Self, made)

    @classmethod
    def model_validate_json(cls, text: str | bytes) -> Self:
        import json  # here, not at the top: `score` without --json never reads or writes JSON

        return cls.model_validate(json.loads(text))

    def __init__(self, **values: Any) -> None:
        errors: Errors = []
        made = type(self)._check(values, (), errors)
        if errors or made is _BAD:
            raise ValidationError(type(self).__name__, errors)
        self.__dict__.update(made.__dict__)

    @classmethod
    def made_from(cls, **values: Any) -> Self:
        """A record of values already valid (what core computed): defaults filled in and whole numbers in float
        fields made floats, as validation makes them (the JSON writes 0.0, not 0); nothing else is checked."""
        fields = cls.model_fields
        unknown = set(values) - set(fields)
        if unknown:
            raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
        floats = cls.__dict__.get("_floats")
        if floats is None:
            floats = {n: c for n, info in fields.items() if (c := _to_float(info.annotation)) is not None}
            cls._floats = floats
        out: dict[str, Any] = {}
        for name, info in fields.items():
            if name in values:
                value = values[name]
                convert = floats.get(name)
                out[name] = value if convert is None or value is None else convert(value)
            elif info.required():
                raise TypeError(f"{cls.__name__} needs {name}")
            else:
                out[name] = info.get_default()
        return cast(Self, cls._made(out))

    @property
    def model_fields_set(self) -> frozenset[str]:
        return cast(frozenset[str], self.__dict__.get("_fields_set", frozenset(type(self).model_fields)))

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_") or not type(self).model_config.get("frozen", True):
            object.__setattr__(self, name, value)
        else:
            raise AttributeError(f"{type(self).__name__} is immutable: make a changed copy with model_copy")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(self.__dict__.get(n) == other.__dict__.get(n) for n in type(self).model_fields)

    def __hash__(self) -> int:
        return hash((type(self), *(_hashable(self.__dict__.get(n)) for n in type(self).model_fields)))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={self.__dict__.get(n)!r}" for n in type(self).model_fields)
        return f"{type(self).__name__}({shown})"

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        """A copy with some fields replaced (not validated again: the caller gives valid values)."""
        made = object.__new__(type(self))
        made.__dict__.update({k: v for k, v in self.__dict__.items() if not k.startswith("_") or k == "_fields_set"})
        if update:
            made.__dict__.update(update)
        return made

    def model_dump(self, *, mode: str = "python", by_alias: bool | None = None, exclude: set[str] | None = None,
                   exclude_defaults: bool = False, exclude_none: bool = False) -> dict[str, Any]:
        """The record as plain data (mode='json': enums by value, tuples as lists), nested records too."""
        return cast(dict[str, Any], _dump(self, _Dump(mode == "json", by_alias, exclude_defaults, exclude_none),
                                          exclude or set()))

    def model_dump_json(self, *, indent: int | None = None) -> str:
        import json

        return json.dumps(self.model_dump(mode="json"), indent=indent, ensure_ascii=False, allow_nan=False)


def _to_float(tp: Any) -> Callable[[Any], Any] | None:
    """How a value of an annotation holding floats gets them as validation gives them (3 → 3.0), or None."""
    origin = typing.get_origin(tp)
    if tp is float:
        return lambda v: float(v) if type(v) is int else v
    if origin is typing.Annotated:
        return _to_float(typing.get_args(tp)[0])
    if origin in (Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(inner) == 1:
            return _to_float(inner[0])
        return _to_float(float) if float in inner and int not in inner else None  # float | str: 3 is taken as 3.0
    if origin is tuple:
        args = typing.get_args(tp)
        each = [_to_float(a) for a in args if a is not Ellipsis]
        if not any(each):
            return None
        if len(args) == 2 and args[1] is Ellipsis:
            return lambda v: tuple(each[0](x) for x in v)  # type: ignore[misc]  # each[0] is set: `any` said so
        return lambda v: tuple(c(x) if c else x for c, x in zip(each, v))
    if origin is list:
        item = _to_float(typing.get_args(tp)[0])
        return None if item is None else (lambda v: [item(x) for x in v])
    return None


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _hashable(v)) for k, v in value.items())
    return value


def _evaluated(hint: Any, module: dict[str, Any], local: dict[str, Any]) -> Any:
    """An annotation with its names written as text ("Measure", "Node") looked up in the record's module."""
    if isinstance(hint, str):
        hint = typing.ForwardRef(hint)
    return typing._eval_type(hint, module, local)  # type: ignore[attr-defined]  # nested text in generics too


def _field(klass: type, name: str, hint: Any) -> FieldInfo:
    """A field of a record class: its annotation without the top level's bounds, which go into its FieldInfo."""
    declared = vars(klass).get(name, _MISSING)
    info = FieldInfo()
    annotation = hint
    if typing.get_origin(hint) is typing.Annotated and not any(
            isinstance(m, Discriminator) for m in typing.get_args(hint)[1:]):
        annotation, *meta = typing.get_args(hint)
        for m in meta:
            if isinstance(m, FieldInfo):
                info._merge(m)
                if m.default_factory is not None:
                    info.default_factory = m.default_factory
            else:
                info.checks.append(m)
    if isinstance(declared, FieldInfo):
        info._merge(declared)
        if declared.default_factory is not None:
            info.default_factory = declared.default_factory
        if declared.default is _MISSING:
            delattr(klass, name)
        else:
            setattr(klass, name, declared.default)
    elif declared is not _MISSING:
        info.default = declared
    info.annotation = annotation
    return info


def _with_field_checks(check: Check, own: list[tuple[str, Any]], annotated: list[Any]) -> Check:
    befores = [f for mode, f in own if mode == "before"] + [m.func for m in annotated if isinstance(m, BeforeValidator)]
    afters = [m.func for m in annotated if isinstance(m, AfterValidator)] + [f for mode, f in own if mode == "after"]
    return _wrapped(check, befores, afters)


class _Dump(typing.NamedTuple):
    json: bool
    by_alias: bool | None  # None: as each record's class says (model_config by_alias)
    exclude_defaults: bool
    exclude_none: bool


def _dump(record: Any, how: _Dump, exclude: set[str] | frozenset[str] = frozenset()) -> Any:
    def handler(rec: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        by_alias = type(rec).model_config.get("by_alias", False) if how.by_alias is None else how.by_alias
        for name, info in type(rec).model_fields.items():
            if info.exclude or name in exclude:
                continue
            value = rec.__dict__.get(name)
            if how.exclude_none and value is None:
                continue
            if how.exclude_defaults and not info.required() and value == info.get_default():
                continue
            out[info.alias if by_alias and info.alias else name] = _plain(value, how)
        return out
    serializer = type(record)._serializer
    return serializer(record, handler) if serializer is not None else handler(record)


def _plain(value: Any, how: _Dump) -> Any:
    if isinstance(value, Record):
        return _dump(value, how)
    if hasattr(type(value), "__dataclass_fields__"):
        return {n: _plain(getattr(value, n), how) for n in type(value).__dataclass_fields__}
    if isinstance(value, enum.Enum):
        return value.value if how.json else value
    if isinstance(value, dict):
        return {(k.value if how.json and isinstance(k, enum.Enum) else k): _plain(v, how) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, how) for v in value]
    if isinstance(value, tuple):
        items = [_plain(v, how) for v in value]
        return items if how.json else tuple(items)
    if how.json and isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    return value


def records_in(value: Any) -> Iterator[Any]:
    """Every record held in a value (lists, tuples, mappings and records' fields walked)."""
    if isinstance(value, Record):
        yield value
        for name in type(value).model_fields:
            yield from records_in(value.__dict__.get(name))
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from records_in(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from records_in(v)
