"""Validation problems as people read them: a field path named the way the file is written, and a plain message."""
from __future__ import annotations

import math
import re
from typing import Any

from pydantic import ValidationError

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
    "literal_error": "expected one of {expected}, found {found}",
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


def not_a_number(value: Any) -> str:
    """'expected a number, found …', with the fix when YAML read a number as text (1e-7 without a dot, nan)."""
    message = f"expected a number, found {found(value)}"
    if isinstance(value, str):
        try:
            number = float(value.replace("_", "x"))
        except ValueError:
            return message
        if math.isfinite(number):
            return message + " (YAML reads this exponent form as text: write the number out in full)"
        return message + " (a figure is a finite number)"
    return message


def describe_errors(exc: ValidationError, data: Any = None) -> list[tuple[str, str]]:
    """Turn pydantic errors into (field path, plain message) pairs, dropping union noise.

    With the raw data, indicators are named by id (indicators.staffing_control.rule…), not by list positions.
    """
    problems: dict[str, str] = {}
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not str(p).startswith(("function-", "union[", "Case", "dict["))]
        loc = [p for p in loc if str(p) not in ("float", "int", "bool", "str", "constrained-float", "[key]")]
        field = readable_path(loc, data)
        template = _MESSAGES.get(err["type"])
        ctx = dict(err.get("ctx") or {})
        if err["type"] == "value_error":
            message = str(ctx.get("error", err["msg"]))
        elif err["type"] == "float_type":
            message = not_a_number(err.get("input"))
        elif template:
            try:
                message = template.format(found=found(err.get("input")), **ctx)
            except (KeyError, IndexError):
                message = err["msg"]
            if err["type"] == "greater_than_equal" and ctx.get("ge") == 0:
                message += " (money and counts cannot be negative)"
        else:
            message = err["msg"]
        if field in problems and problems[field] == message:
            continue
        problems.setdefault(field, message)
    return list(problems.items())


def readable_path(loc: list[Any], data: Any) -> str:
    """A pydantic location as a path into the file: list positions of indicators become their ids."""
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
