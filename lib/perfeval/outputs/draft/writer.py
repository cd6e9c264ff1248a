"""A draft written as a params file an analyst can read and edit: one entry per line with its source sentence,
numbers as the report writes them (1045.90 keeps its decimals), 存疑 beside the entries to check first.

The text written is validated and scored as it will be read back, before anything is written.
"""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ...errors import DraftError, PerfevalError
from ...fileio import parse_yaml, write_atomic
from ...safetext import shown_path
from .model import Draft

HEADER = """\
# 草稿：据报告文本自动提取，未经核对（perfeval draft）
# 报告：{report}
# 每一项的 source 写明它在报告中的章节和原句；注有“存疑”的项请先核对。核对后删去这几行和 drafted_from 一行
# （有它，报告和索引都注明“据报告文本自动提取，未经核对”），存到 params/units/ 下，再运行 perfeval validate 与 perfeval score。
"""


class _Dumper(yaml.SafeDumper):
    """Writes Decimals as the numbers they are, with the decimals the report wrote."""


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    if value == value.to_integral_value() and value.as_tuple().exponent >= 0:  # type: ignore[operator]
        return dumper.represent_int(int(value))
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


_Dumper.add_representer(Decimal, _decimal)


def _flow(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, default_flow_style=True, allow_unicode=True, width=10**9,
                     sort_keys=False).strip()


def _scalar(value: Any) -> str:
    return _flow([value])[1:-1]


def _record_list(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(x, dict) for x in value)


def _one_line(value: Any) -> bool:
    """A record written on one line: no list of several records inside it."""
    if isinstance(value, dict):
        return not any(_record_list(v) and len(v) > 1 for v in value.values())
    return not _record_list(value)


def _emit(value: dict[str, Any], notes: dict[int, str], indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, item in value.items():
        note = f"  # {notes[id(item)]}" if id(item) in notes else ""
        if not isinstance(item, (dict, list)):
            lines.append(f"{pad}{key}: {_scalar(item)}")
        elif isinstance(item, dict) and indent >= 2 and _one_line(item) and not _nested_group(item):
            lines.append(f"{pad}{key}: {_flow(item)}{note}")
        elif isinstance(item, dict):
            if note:
                lines.append(f"{pad}# {notes[id(item)]}")
            lines.append(f"{pad}{key}:")
            lines += _emit(item, notes, indent + 2)
        else:
            lines.append(f"{pad}{key}:")
            for entry in item:
                entry_note = f"  # {notes[id(entry)]}" if id(entry) in notes else ""
                if isinstance(entry, dict) and not _one_line(entry):
                    inner = _emit(entry, notes, indent + 4)
                    lines.append(f"{pad}  - {inner[0].strip()}")
                    lines += inner[1:]
                else:
                    lines.append(f"{pad}  - {_flow(entry)}{entry_note}")
    return lines


def _nested_group(value: dict[str, Any]) -> bool:
    """A group of figures (lines.sangong holds budget, final …): each of its entries on a line of its own."""
    return bool(value) and all(isinstance(v, dict) for v in value.values())


def params_text(draft: Draft) -> str:
    """The draft as params YAML, with the header saying what it is and notes beside the entries to check."""
    name = shown_path(Path(draft.report).name)  # a name is anyone's text: a line break in it must not start a key
    return (HEADER.format(report=name) + f"drafted_from: {_scalar(name)}\n"
            + "\n".join(_emit(draft.params, draft.notes)) + "\n")


def validate_text(text: str, target: Path, report: str) -> None:
    """Read the text back as the params file it will be and score it; a DraftError if it does not hold."""
    from ...checks import run_checks
    from ...core.engine import checked_unit, resolve_readings, score_with, ScoredUnit

    try:
        params, fw = checked_unit(parse_yaml(text, target), target)
        unit = ScoredUnit(params, fw, score_with(params, fw, resolve_readings(fw, params), str(target)), str(target))
        run_checks(unit)
    except PerfevalError as exc:
        raise DraftError(report, [("", f"the draft read from it does not validate, which is a fault of the reader; "
                                       f"please report it with the file:\n{exc}")]) from None


def relative_framework(draft: Draft, target: Path) -> None:
    """A framework given as a file is named relative to the params file, as params files name it."""
    name = str(draft.params["unit"]["framework"])
    if name.lower().endswith((".yaml", ".yml")):
        draft.params["unit"]["framework"] = os.path.relpath(Path(name).resolve(), target.resolve().parent)


def write_draft(draft: Draft, target: Path) -> Path:
    """Validate the draft as the params file `target`, then write it atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)  # a framework path relative to it must resolve through it
    relative_framework(draft, target)
    text = params_text(draft)
    validate_text(text, target, draft.report)
    return write_atomic(target, text)
