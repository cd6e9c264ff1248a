"""A draft written as a params file an analyst can read and edit: one entry per line with its source sentence,
numbers as the report writes them (1045.90 keeps its decimals), 存疑 beside the entries to check first.

The text written is validated and scored as it will be read back, before anything is written.
"""
from __future__ import annotations

import copy
import dataclasses
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from ...errors import DraftError, FieldProblem, InputFileError, PerfevalError
from ...fileio import (MAX_YAML_BYTES, MAX_YAML_NODES, parse_yaml, too_many_bytes, too_many_values, write_atomic,
                       write_atomic_all)
from ...intake.report.model import Draft, Item
from ...safetext import one_line, shown_path
from .entries import EXCLUDED_HEAD, NOT_FIGURES, NOT_FIGURES_MORE, NOT_READ, UNPLACED, UNPLACED_SENTENCE
from .not_figures import not_figures
from .review import Links, Reviewed, page_of, reviewed
from .sources import cut_sources, too_large

HEADER = """\
# 草稿：据报告文本自动提取，未经核对（perfeval draft）
# 报告：{report}
# 每一项的 source 写明它在报告中的章节和原句；注有“存疑”的项请先核对。核对后删去这几行和 drafted_from 一行
# （有它，报告和索引都注明“据报告文本自动提取，未经核对”），存到 params/units/ 下，再运行 perfeval validate 与 perfeval score。
"""


class _Dumper(yaml.SafeDumper):
    """Writes Decimals as the numbers they are, with the decimals the report wrote."""


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    # finite: an int exponent
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
    """The draft as params YAML, with the header saying what it is and notes beside the entries to check; entries
    taken out because the params would not validate with them follow as comments, each with its reason."""
    name = shown_path(Path(draft.report).name)  # a name is anyone's text: a line break in it must not start a key
    skipped = "".join(f"{NOT_READ}{one_line(note)}\n" for note in draft.skipped)  # hidden text, deletions …
    skipped += "".join(_unplaced(item) for item in draft.items if item.kind == "stated" and item.place == "—")
    skipped += _not_figures_text(draft)
    return (HEADER.format(report=name) + skipped + f"drafted_from: {_scalar(name)}\n"
            + "\n".join(_emit(draft.params, draft.notes)) + "\n" + _excluded_text(draft))


def _unplaced(item: Item) -> str:
    """A number drafted nowhere (read two ways, too long, or past 10^12): what and why, then its sentence (the review
    page lists it with them: `entries.read_unread`)."""
    line = (f"{UNPLACED}{one_line(_LONG_NUMBER.sub(_shortened, item.text))}"
            + (f"；{one_line(item.unsure)}" if item.unsure and item.unsure not in item.text else "") + "\n")
    if item.evidence:
        cited = item.evidence[0].cite(item.highlight[0] if item.highlight else "")
        line += f"{UNPLACED_SENTENCE}{one_line(_LONG_NUMBER.sub(_shortened, cited))}\n"
    return line


def _not_figures_text(draft: Draft) -> str:
    """The numbers of the prose the reader took for no figure, a sentence at a time (the review page lists them)."""
    listed, count = not_figures(draft)
    text = "".join(f"{NOT_FIGURES}{one_line('、'.join(_LONG_NUMBER.sub(_shortened, n) for n in x.numbers))}\n"
                   f"{UNPLACED_SENTENCE}{one_line(_LONG_NUMBER.sub(_shortened, x.sentence))}\n" for x in listed)
    return text + (f"{NOT_FIGURES_MORE}{count - len(listed):,} 句未列出\n" if count > len(listed) else "")


_LONG_NUMBER = re.compile(r"\d{21,}")  # no figure has so many digits: a run of them is shown by its start


def _shortened(digits: re.Match[str]) -> str:
    return f"{digits.group(0)[:12]}…（共 {len(digits.group(0)):,} 位数字）"


def _excluded_text(draft: Draft) -> str:
    if not draft.excluded:
        return ""
    lines = ["", EXCLUDED_HEAD]
    for place, problem, value in draft.excluded:  # problem names its field
        lines += [f"# {problem}", f"#   {place}: {_flow(value)}"]
    return "\n".join(_ONE_LINE.sub(" ", line) for line in lines) + "\n"


_ONE_LINE = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")


def _problems(text: str, target: Path) -> list[FieldProblem]:
    """What is wrong with the text read back as the params file it will be, and scored; [] when it holds."""
    from ...checks import run_checks
    from ...core.engine import ScoredUnit, checked_unit, resolve_readings, score_with

    try:
        params, fw = checked_unit(parse_yaml(text, target), target)
        unit = ScoredUnit(params, fw, score_with(params, fw, resolve_readings(fw, params), str(target)), str(target))
        run_checks(unit)
    except InputFileError as exc:
        return exc.problems or [FieldProblem("", str(exc))]
    except PerfevalError as exc:
        return [FieldProblem("", str(exc))]
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 -- any entry may break a check in a way no one foresaw (a negative
        # restatement of a money figure rescored as that figure): it is an entry's problem, sought and taken out,
        # never a traceback that leaves no draft
        first = str(exc).strip().splitlines()
        return [FieldProblem("", f"scoring the draft failed: {type(exc).__name__}" + (f": {first[0]}" if first else ""))]
    return []


def _tokens(field: str) -> list[str | int]:
    """claims.ratios[1].numerator → ['claims', 'ratios', 1, 'numerator']."""
    out: list[str | int] = []
    for part in field.split("."):
        name, _, rest = part.partition("[")
        if name:
            out.append(name)
        out += [int(i) for i in re.findall(r"(\d+)\]", "[" + rest if rest else "")]
    return out


def _record_of(field: str) -> list[str | int] | None:
    """The entry a problem's field belongs to (a stated figure, a claim, a line's column), or None for the unit's
    own fields, which a draft cannot go without."""
    tokens = _tokens(field)
    if not tokens or tokens[0] in ("unit", "drafted_from"):
        return None
    first_index = next((k for k, t in enumerate(tokens) if isinstance(t, int)), None)
    if first_index is not None:
        return tokens[:first_index + 1]
    depth = 4 if tokens[:2] == ["figures", "lines"] else 3 if tokens[0] == "figures" else 2
    return tokens[:depth]


def _take_out(params: dict[str, Any], path: list[str | int]) -> tuple[bool, Any]:
    """Remove the entry at path (and the containers it leaves empty); (False, None) when there is none."""
    trail: list[Any] = [params]
    try:
        for t in path[:-1]:
            trail.append(trail[-1][t])
        value = trail[-1].pop(path[-1])
    except (KeyError, IndexError, TypeError):
        return False, None
    for k in range(len(path) - 2, -1, -1):
        if trail[k + 1] in ({}, []):
            trail[k].pop(path[k])
    return True, value


_KIND = {"claims": "claim", "stated": "stated", "figures": "figure", "indicators": "row", "projects": "project"}
MAX_REPAIRS = 20  # rounds: what one removal breaks (a claim on a removed figure) goes in the next


def yaml_nodes(value: Any) -> int:
    """How many YAML nodes (keys, values and the mappings and lists holding them) a value writes as."""
    if isinstance(value, dict):
        return 1 + sum(yaml_nodes(k) + yaml_nodes(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return 1 + sum(yaml_nodes(v) for v in value)
    return 1


def _figures(value: Any) -> int:
    """The records holding a value (figures, rates, rows …) under a draft's params: what a refusal counts."""
    if isinstance(value, dict):
        return ("value" in value) + sum(_figures(v) for v in value.values())
    if isinstance(value, list):
        return sum(_figures(v) for v in value)
    return 0


def settle(draft: Draft, target: Path) -> str:
    """The draft's text, validated and scored as the params file `target`: each entry the params refuse is taken
    out, kept as a comment and listed 存疑 on the review page, until the rest holds. A DraftError only when what
    is wrong is the unit itself (its id, name or year), which the reader always writes, or when the report states
    more than one params file may hold (a report with annexed tables of thousands of rows)."""
    nodes = yaml_nodes(draft.params)
    if nodes > MAX_YAML_NODES:
        raise too_many_values(draft.report, _figures(draft.params), nodes)
    if too_large(draft.params):
        cut_sources(draft.params)
    for _ in range(MAX_REPAIRS):
        text = params_text(draft)
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_YAML_BYTES:
            if cut_sources(draft.params):  # its texts within their share, the whole not: cut, then written again
                continue
            raise too_many_bytes(draft.report, size, _figures(draft.params), MAX_YAML_BYTES)
        problems = _problems(text, target)
        if not problems:
            return text
        taken = 0
        records = {tuple(record): problem for problem in problems if (record := _record_of(problem[0]))}
        if not records:  # a problem no field names (two units a relation cannot compare): the entries whose removal
            records = {tuple(c): problems[0] for c in _culprits(draft, target, problems[0])}  # ends it
        for path, problem in sorted(records.items(), key=lambda kv: _in_order(list(kv[0])), reverse=True):
            found, value = _take_out(draft.params, list(path))  # list entries from the last: the others keep their place
            if not found:
                continue
            taken += 1
            place, why = _dotted(list(path)), f"{problem[0]}：{problem[1]}" if problem[0] else problem[1]
            draft.excluded.append((place, why, value))
            # the kinds are Item's
            draft.items.append(Item(_KIND.get(str(path[0]), "stated"), place,  # type: ignore[arg-type]
                                    f"{place}：未通过校验，已移出草稿", (), unsure=why))
        if not taken:
            raise DraftError(draft.report, [("", "the draft read from it does not validate, which is a fault of the "
                                                 "reader; please report it with the file:\n"
                                                 + "\n".join(f"{f}: {p}" if f else p for f, p in problems))])
    raise DraftError(draft.report, [("", (f"the draft read from it does not validate after {MAX_REPAIRS} rounds of "
                                          "taking out entries, which is a fault of the reader; please report it"))])


def _culprits(draft: Draft, target: Path, problem: FieldProblem) -> list[list[str | int]]:
    """The entries whose removal ends a problem no field names, [] when taking them all out does not: among the
    claims (the relations the reader inferred), then the stated figures, then the catalogue figures and the rest.
    Found by halving, since each try rescores the draft: the shortest run of entries from the first whose removal
    ends the problem ends with a culprit; it stays out, and the search goes on in the run before it until the
    problem ends (several entries may each cause it)."""
    places = _entries(draft.params)

    def ends_without(taken: list[int]) -> bool:
        """Whether the problem ends with these places taken out of a copy of the draft."""
        params = copy.deepcopy(draft.params)
        for path in sorted((places[k] for k in taken), key=_in_order, reverse=True):  # the others keep their index
            _take_out(params, path)
        return problem not in _problems(params_text(dataclasses.replace(draft, params=params, notes={})), target)

    found: list[int] = []
    if not ends_without(list(range(len(places)))):
        return []
    end = len(places)  # taking out found and places[:end] ends the problem; found alone does not
    while True:
        low, high = 0, end  # the shortest run places[:high] that, with found, ends it: low fails, high ends
        while high - low > 1:
            middle = (low + high) // 2
            if ends_without(found + list(range(middle))):
                high = middle
            else:
                low = middle
        found.append(high - 1)
        end = high - 1
        if not end or ends_without(found):
            return [places[k] for k in found]


def _entries(params: dict[str, Any]) -> list[list[str | int]]:
    """Every entry of the draft a problem can come from, as the paths _record_of gives: claims first, then stated
    figures, catalogue figures (a line's each column) and the rest; the unit's own fields are not among them."""
    order = ["claims", "stated", "figures"] + [k for k in params if k not in ("claims", "stated", "figures")]
    out: list[list[str | int]] = []
    for key in (k for k in order if k in params and k not in ("unit", "drafted_from")):
        value = params[key]
        if isinstance(value, list):
            out += [[key, i] for i in reversed(range(len(value)))]
            continue
        if not isinstance(value, dict):
            continue
        for name, item in value.items():
            if isinstance(item, list):
                out += [[key, name, i] for i in reversed(range(len(item)))]
            elif key == "figures" and name == "lines" and isinstance(item, dict):
                out += [[key, name, line, column] for line, columns in item.items() for column in columns]
            elif key == "figures" and isinstance(item, dict):
                out += [[key, name, figure] for figure in item]
            else:
                out.append([key, name])
    return out


def _in_order(path: list[str | int]) -> list[str]:
    return [str(t).zfill(9) for t in path]


def _dotted(path: list[str | int]) -> str:
    return "".join(f"[{t}]" if isinstance(t, int) else (f".{t}" if k else t) for k, t in enumerate(path))


def relative_framework(draft: Draft, target: Path) -> None:
    """A framework given as a file is named relative to the params file, as params files name it."""
    name = str(draft.params["unit"]["framework"])
    if name.lower().endswith((".yaml", ".yml")):
        draft.params["unit"]["framework"] = os.path.relpath(Path(name).resolve(), target.resolve().parent)


def _written_text(draft: Draft, target: Path) -> str:
    """The draft as the params file `target` will hold it, what would not validate taken out."""
    target.parent.mkdir(parents=True, exist_ok=True)  # a framework path relative to it must resolve through it
    relative_framework(draft, target)
    return settle(draft, target)


def write_draft(draft: Draft, target: Path) -> Path:
    """Validate the draft as the params file `target` (taking out what would not validate), then write it
    atomically."""
    return write_atomic(target, _written_text(draft, target))


@dataclasses.dataclass(frozen=True)
class Settled:
    """A draft ready to write: the params text, its review page, and the draft as the page reads it."""

    text: str
    page: str
    read: Reviewed

    def write(self, target: Path, page: Path) -> None:
        """The draft and its review page written together: both replaced or neither (a full disk once left a new
        draft beside the old draft's page, and the page saves the draft it carries, so an analyst would have
        confirmed another unit's draft)."""
        write_atomic_all({target: self.text, page: self.page})


def settled(draft: Draft, target: Path, links: Links) -> Settled:
    """The draft as the params file `target` will hold it, with its review page; nothing written."""
    text = _written_text(draft, target)
    read = reviewed(text)
    return Settled(text, page_of(read, links), read)
