"""The bounds the params' models put on a value at a place in the params, for the review page to refuse a correction
`perfeval validate` would refuse (a money figure of -5), read from the models themselves so there is one place."""
from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, Union

from ...core.records import Record

from ...core.params import UnitParams


def _unwrapped(annotation: Any) -> tuple[list[Any], list[Any]]:
    """The types an annotation may hold (Optional and unions opened, None left out) and the constraints on them."""
    kinds: list[Any] = []
    constraints: list[Any] = []
    todo = [annotation]
    while todo:
        a = todo.pop()
        origin = typing.get_origin(a)
        if origin is typing.Annotated:
            todo.append(a.__origin__)
            for m in a.__metadata__:
                constraints.extend(getattr(m, "metadata", None) or [m])  # a FieldInfo carries its own
        elif origin in (Union, types.UnionType):
            todo.extend(x for x in typing.get_args(a) if x is not type(None))
        else:
            kinds.append(a)
    return kinds, constraints


def _inside(kinds: list[Any], step: str | int) -> tuple[Any, list[Any]] | None:
    """What one step of a path reaches in a value of one of these types, and the constraints its field declares."""
    for kind in kinds:
        if isinstance(kind, type) and issubclass(kind, Record):
            field = kind.model_fields.get(str(step))
            if field is not None:
                return field.annotation, list(field.metadata)
        elif typing.get_origin(kind) is dict and isinstance(step, str):
            return typing.get_args(kind)[1], []
        elif typing.get_origin(kind) in (list, tuple) and isinstance(step, int):
            return typing.get_args(kind)[0], []
    return None


@cache
def value_bounds(path: tuple[str | int, ...]) -> tuple[float | None, float | None]:
    """(least, greatest) a number at this place in the params may be, None where the models set none or the place
    is not one they know."""
    annotation: Any = UnitParams
    constraints: list[Any] = []
    for step in path:
        kinds, _ = _unwrapped(annotation)
        reached = _inside(kinds, step)
        if reached is None:
            return None, None
        annotation, constraints = reached
    constraints += _unwrapped(annotation)[1]
    low = [float(c.ge) for c in constraints if getattr(c, "ge", None) is not None]  # a record's Field(ge=…)
    high = [float(c.le) for c in constraints if getattr(c, "le", None) is not None]
    return (max(low) if low else None), (min(high) if high else None)
