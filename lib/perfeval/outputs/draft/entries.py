"""The entries of a written draft an analyst confirms, read from the params YAML itself (not from the reader's
objects), so that any params file still marked `drafted_from` can be confirmed, whoever wrote it.

An entry is a record that carries its `source` sentence: a figure, a stated figure, a rate, a restatement, an
identity, a table row, a project, the claimed total. Each keeps the value as written (1045.90, not 1045.9), the
exact span of that value in its sentence, the note the reader wrote beside it (# 存疑：…), the name other entries
use for it and the names it uses, so that excluding a figure takes with it what rests on it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Iterator

import yaml

from ...core.figures import label_of, unit_of
from ...core.quantity import Found, Quantity, canonical_unit, find_quantities

Path_ = tuple[str | int, ...]
NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")

GROUPS: dict[str, str] = {
    "figure": "目录指标数据", "stated": "单位自有数据", "rate": "比率", "identity": "分项与总数",
    "repeat": "同一数字多处陈述", "row": "绩效自评表指标", "project": "项目自评分", "claim": "自评总分与得分陈述",
}


# What a draft leaves out, said in comments of the written file (writer.py writes them, read_unread reads them)
NOT_READ = "# 未读取："  # content of the report not read: hidden text, deletions, the framework's own tables …
UNPLACED = "# 存疑，未录入："  # a number drafted nowhere: what, ：why it is not, ；what to check
UNPLACED_SENTENCE = "#   原句："  # its sentence, on the line after it
EXCLUDED_HEAD = "# 存疑，未录入：以下各项使草稿无法通过校验，已移出（核对原文后可改正补回）"  # then, per entry:
# "# <problem>" and "#   <place>: <the entry as YAML flow>"
EXCLUDED = "未通过校验，已移出草稿"
LEFT_OUT_OF_FILE = "未读取的内容"
NOT_FIGURES = "# 未作为数据的数字："  # numbers of the prose the reader took for no figure, then the sentence's line
NOT_FIGURES_MORE = "# 未作为数据的数字另有 "  # "N 句未列出": sentences past the ones listed
NOT_A_FIGURE = "未作为数据的数字"


@dataclass(frozen=True)
class Unread:
    """A number or passage of the report the draft does not hold: why (the group the review page lists it under),
    what it is, what to check, and its sentence."""

    reason: str
    what: str
    why: str = ""
    sentence: str = ""
    at: int | None = None  # where the entry's value stands in its sentence, when the record says


def read_unread(text: str) -> list[Unread]:
    """What the written draft says it left out, in the order it says so."""
    out: list[Unread] = []
    lines = text.splitlines()
    excluded = False
    for k, line in enumerate(lines):
        after = lines[k + 1] if k + 1 < len(lines) else ""
        if line == EXCLUDED_HEAD:
            excluded = True
        elif excluded and line.startswith("# ") and after.startswith("#   "):
            out.append(_excluded(line[2:], after[4:]))
        elif line.startswith(NOT_READ):
            out.append(Unread(LEFT_OUT_OF_FILE, line[len(NOT_READ):]))
        elif line.startswith(NOT_FIGURES) and after.startswith(UNPLACED_SENTENCE):
            out.append(Unread(NOT_A_FIGURE, line[len(NOT_FIGURES):], sentence=after[len(UNPLACED_SENTENCE):]))
        elif line.startswith(NOT_FIGURES_MORE):
            out.append(Unread(NOT_A_FIGURE, line[2:]))
        elif line.startswith(UNPLACED) and not excluded:
            head, _, why = line[len(UNPLACED):].partition("；")  # a label and a number hold neither ： nor ；
            what, said, reason = head.rpartition("：")
            sentence = after[len(UNPLACED_SENTENCE):] if after.startswith(UNPLACED_SENTENCE) else ""
            out.append(Unread(reason.removesuffix("，未录入") if said else "存疑", what if said else head, why, sentence))
    return out


def _excluded(problem: str, entry: str) -> Unread:
    """An entry taken out because the params would not validate with it: `place: {flow}` after its problem."""
    place, _, flow = entry.partition(": ")
    try:
        node = yaml.compose(flow, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        node = None
    record = {str(k.value): str(v.value) for k, v in node.value if isinstance(v, yaml.ScalarNode)} if isinstance(
        node, yaml.MappingNode) else {}  # every scalar as the text written (218.40, not 218.4)
    figure = place.removeprefix("figures.")  # a figure by its label, as everywhere on the page, not by its path
    label, unit = record.get("label") or label_of(figure), record.get("unit") or unit_of(figure)
    what = " ".join([label] + ([record["value"] + unit] if "value" in record else []))
    at = record.get("at", "")
    return Unread(EXCLUDED, what, problem, record.get("source", ""), int(at) if at.isdigit() else None)


@dataclass(frozen=True)
class Entry:
    """One entry of the draft to confirm: where it is in the params, what it says, and its sentence.

    path: where the entry's record is in the params data; remove: what excluding it deletes (the record, the
    list item holding it, or the claimed total and its sentence); value_at: where its value is inside the record,
    () when it has none to correct;
    mark: the value's span in `source` (start, end), None when the sentence does not state it as a number.
    """

    key: str
    group: str
    label: str
    path: Path_
    remove: tuple[Path_, ...]
    source: str
    value: str | None = None
    unit: str = ""
    value_at: Path_ = ()
    mark: tuple[int, int] | None = None
    note: str = ""
    ref: str | None = None
    uses: tuple[str, ...] = ()
    problem: str = ""

    @property
    def unsure(self) -> bool:
        return "存疑" in self.note


@dataclass
class Written:
    """A parsed draft: its data as JSON-ready values (numbers kept as written, {"#": "1045.90"}) and its entries."""

    data: dict[str, Any]
    entries: list[Entry] = field(default_factory=list)


def _plain(node: yaml.Node) -> Any:
    """The node as JSON-ready data; a number keeps its written text."""
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_plain(v) for v in node.value]
    if node.tag in NUMBER_TAGS:
        return {"#": node.value}
    if node.tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("true", "yes", "on")
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return node.value


def _child(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in node.value if k.value == key), None)


def _comment(lines: list[str], node: yaml.Node) -> str:
    """The comment written after the node on its last line, or on the line above it (without '#')."""
    line = node.end_mark.line
    if node.end_mark.column == 0 and line > 0:  # a block mapping ends at the start of the next line
        line -= 1
    after = lines[line][node.end_mark.column:].strip() if line < len(lines) and node.end_mark.column else ""
    if after.startswith("#"):
        return after.lstrip("# ").strip()
    above = lines[node.start_mark.line - 1].strip() if node.start_mark.line > 0 else ""
    return above.lstrip("# ").strip() if above.startswith("#") and "存疑" in above else ""


def _written(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) and node.tag in NUMBER_TAGS else None


def _text(node: yaml.Node | None) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) and node.value is not None else ""


def locate(source: str, value: str | None, unit: str = "", after: str = "") -> tuple[int, int] | None:
    """The span of the quantity in the sentence whose value is the entry's, read by the quantity parser (0万元
    is never found inside 85.00万元); the first one after `after` (the entry's label) when several are."""
    if value is None:
        return None
    try:
        wanted = Decimal(value)
    except InvalidOperation:
        return None
    quantities = _quantities(source)
    found: list[Found] = []
    tests: tuple[Callable[[Quantity], bool], ...] = (lambda q: q.value == wanted, lambda q: q.value / q.scale == wanted,
                                                   lambda q: abs(q.value) == abs(wanted))
    for same in tests:
        found = [f for f in quantities if same(f.quantity) and (not unit or not f.quantity.unit
                                                                or canonical_unit(f.quantity.unit) == canonical_unit(unit))]
        if found:  # as read; else as written before its multiplier (1802万); else a fall written as a negative
            break
    if not found:
        return None
    at = source.find(after) if after else -1
    later = [f for f in found if at >= 0 and f.start >= at + len(after)]
    best = (later or found)[0]
    return best.start, best.end


def marked(source: str, at: int | None, value: str | None, unit: str = "", after: str = "") -> tuple[int, int] | None:
    """The span of the entry's value in its sentence: the quantity the reader found at `at` (its offset in the
    source), never another equal value before it; a file without offsets (written by hand or before they were
    recorded) falls back to `locate`."""
    if at is None:
        return locate(source, value, unit, after)
    return next(((f.start, f.end) for f in _quantities(source) if f.start == at), None)


@lru_cache(maxsize=64)
def _quantities(source: str) -> tuple[Found, ...]:
    """The quantities of a sentence, read once for all the entries citing it (a sentence of 100 figures was read
    once per figure: time quadratic in the figures of a line)."""
    return tuple(find_quantities(source))


def _at(node: yaml.Node | None) -> int | None:
    at = _child(node, "at") if isinstance(node, yaml.MappingNode) else None
    return int(at.value) if isinstance(at, yaml.ScalarNode) and at.tag == NUMBER_TAGS[0] else None


def _figure_entries(figures: yaml.MappingNode, lines: list[str]) -> Iterator[Entry]:
    for group_key, group in figures.value:
        name = group_key.value
        if name == "lines" and isinstance(group, yaml.MappingNode):
            for line_key, line in group.value:
                for col_key, fig in line.value if isinstance(line, yaml.MappingNode) else ():
                    ref = f"lines.{line_key.value}.{col_key.value}"
                    yield _figure(ref, ("figures", "lines", line_key.value, col_key.value), fig, lines)
        elif name == "project_items" and isinstance(group, yaml.SequenceNode):
            for i, item in enumerate(group.value):
                yield from _listed_item(item, ("figures", "project_items", i), "项目支出明细", lines)
        elif name == "item_lists" and isinstance(group, yaml.SequenceNode):
            for j, listed in enumerate(group.value):
                of = _text(_child(listed, "of"))
                items = _child(listed, "items")
                for i, item in enumerate(items.value if isinstance(items, yaml.SequenceNode) else ()):
                    yield from _listed_item(item, ("figures", "item_lists", j, "items", i), f"{label_of(of)}明细",
                                            lines, uses=(of,))
        elif isinstance(group, yaml.MappingNode):
            for key, fig in group.value:
                yield _figure(f"{name}.{key.value}", ("figures", name, key.value), fig, lines)


def _figure(ref: str, path: Path_, fig: yaml.Node, lines: list[str]) -> Entry:
    if not isinstance(fig, yaml.MappingNode):  # a bare number: a figure with no sentence
        return Entry(ref, "figure", label_of(ref), path, (path,), "", _written(fig), unit_of(ref), (), ref=ref)
    value, unit = _written(_child(fig, "value")), _text(_child(fig, "unit")) or unit_of(ref)
    source = _text(_child(fig, "source"))
    note = "；".join(x for x in (_comment(lines, fig), _text(_child(fig, "note"))) if x)
    return Entry(ref, "figure", label_of(ref), path, (path,), source, value, unit, ("value",),
                 marked(source, _at(fig), value, _text(_child(fig, "unit"))), note, ref=ref)


def _listed_item(item: yaml.Node, path: Path_, heading: str, lines: list[str], uses: tuple[str, ...] = ()) -> Iterator[Entry]:
    if not isinstance(item, yaml.MappingNode):
        return
    amount = _child(item, "amount")
    if not isinstance(amount, yaml.MappingNode):
        return
    name = _text(_child(item, "name"))
    value, source = _written(_child(amount, "value")), _text(_child(amount, "source"))
    key = ".".join(str(p) for p in path)
    yield Entry(key, "figure", f"{heading}：{name}", path + ("amount",), (path,), source, value,
                _text(_child(amount, "unit")) or "万元", ("value",), marked(source, _at(amount), value, after=name),
                _comment(lines, item), uses=uses)


def _stated(node: yaml.SequenceNode, lines: list[str]) -> Iterator[Entry]:
    for i, s in enumerate(node.value):
        sid, label = _text(_child(s, "id")), _text(_child(s, "label"))
        value, unit, source = _written(_child(s, "value")), _text(_child(s, "unit")), _text(_child(s, "source"))
        shown = value if value is not None else _text(_child(s, "text")) or None
        note = "；".join(x for x in (_comment(lines, s), _text(_child(s, "note"))) if x)  # 存疑 either way, as a figure's
        yield Entry(f"stated.{sid}", "stated", label, ("stated", i), (("stated", i),), source, shown, unit,
                    ("value",) if value is not None else (), marked(source, _at(s), value, unit, label), note, ref=sid)


def _claims(claims: yaml.MappingNode, lines: list[str]) -> Iterator[Entry]:
    total = _child(claims, "total")
    if total is not None:
        source = _text(_child(claims, "total_source"))
        yield Entry("claims.total", "claim", "自评总分", ("claims",), (("claims", "total"), ("claims", "total_source")),
                    source, _written(total), "分", ("total",), locate(source, _written(total)), _comment(lines, total))
    for kind, records in claims.value:
        if not isinstance(records, yaml.SequenceNode):
            continue
        for i, r in enumerate(records.value):
            if isinstance(r, yaml.MappingNode):
                yield _claim(kind.value, i, r, lines)


def _claim(kind: str, i: int, r: yaml.MappingNode, lines: list[str]) -> Entry:
    path = ("claims", kind, i)
    source, note = _text(_child(r, "source")), _comment(lines, r)
    value, unit = _written(_child(r, "value")), _text(_child(r, "unit"))
    if kind == "identities":
        parts = _child(r, "parts")
        names = tuple(_text(p).lstrip("-") for p in (parts.value if isinstance(parts, yaml.SequenceNode) else ()))
        whole = _text(_child(r, "whole"))
        return Entry(f"claims.identities[{i}]", "identity", _text(_child(r, "label")) or label_of(whole), path, (path,),
                     source, note=note, uses=(whole, *names))
    if kind == "statements":
        figure = _text(_child(r, "figure"))
        return Entry(f"claims.statements[{i}]", "repeat", f"再次陈述：{label_of(figure)}", path, (path,), source, value,
                     unit or unit_of(figure), ("value",), marked(source, _at(r), value, unit), note, uses=(figure,))
    if kind == "ratios":
        label = _text(_child(r, "label"))
        uses = (_text(_child(r, "numerator")), _text(_child(r, "denominator")))
        return Entry(f"claims.ratios[{i}]", "rate", label, path, (path,), source, value, "%", ("value",),
                     marked(source, _at(r), value, "%"), note, uses=uses)
    if kind == "rates":
        span = marked(source, _at(r), value, "%")
        return Entry(f"claims.rates[{i}]", "rate", _clause_label(source, span) or _text(_child(r, "measure")), path,
                     (path,), source, value, "%", ("value",), span, note)
    score = _written(_child(r, "score"))  # sections
    return Entry(f"claims.{kind}[{i}]", "claim", f"{_text(_child(r, 'name'))}得分", path, (path,), source, score, "分",
                 ("score",) if score is not None else (), locate(source, score), note)


def _clause_label(source: str, span: tuple[int, int] | None) -> str:
    """The words before a value in its clause (在职人员控制率为88.89% → 在职人员控制率)."""
    if span is None:
        return ""
    start = max(source.rfind(c, 0, span[0]) for c in "，,；;。：: ") + 1
    return source[start:span[0]].rstrip("为达是约近").strip()


def _rows(node: yaml.SequenceNode, lines: list[str]) -> Iterator[Entry]:
    for i, r in enumerate(node.value):
        actual = _child(r, "actual")
        value = _written(_child(actual, "value")) if isinstance(actual, yaml.MappingNode) else None
        shown = value if value is not None else (_text(_child(actual, "text")) if isinstance(actual, yaml.MappingNode)
                                                 else None)
        unit = _text(_child(actual, "unit")) if isinstance(actual, yaml.MappingNode) else ""
        rid, source = _text(_child(r, "id")) or str(i), _text(_child(r, "source"))
        yield Entry(f"indicators.{rid}", "row", f"{_text(_child(r, 'name'))}·实际完成值", ("indicators", i),
                    (("indicators", i),), source, shown or None, unit, ("actual", "value") if value is not None else (),
                    locate(source, value, unit), _comment(lines, r))


def _projects(node: yaml.SequenceNode, lines: list[str]) -> Iterator[Entry]:
    for i, p in enumerate(node.value):
        score, source = _written(_child(p, "score")), _text(_child(p, "source"))
        yield Entry(f"projects[{i}]", "project", f"{_text(_child(p, 'name'))}·自评分", ("projects", i), (("projects", i),),
                    source, score, "分", ("score",) if score is not None else (), locate(source, score),
                    _comment(lines, p))


def _loader(text: str) -> type[yaml.SafeLoader]:
    """libyaml's parser where it reads the text as PyYAML's does (fileio._load: no tabs, nothing non-printable): the
    same nodes and marks, composed in a fifth of the time (a draft of 1,200 rates: 0.5 s of CPU each reading)."""
    if getattr(yaml, "__with_libyaml__", False) and "\t" not in text and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        return yaml.CSafeLoader  # type: ignore[return-value]  # a SafeLoader in all but its parser
    return yaml.SafeLoader


def read_written(text: str) -> Written:
    """The draft's data and entries; a text that is not a YAML mapping gives no entries."""
    root = yaml.compose(text, Loader=_loader(text))
    if not isinstance(root, yaml.MappingNode):
        return Written({})
    lines = text.splitlines()
    entries: list[Entry] = []
    for key, node in root.value:
        if key.value == "figures" and isinstance(node, yaml.MappingNode):
            entries += _figure_entries(node, lines)
        elif key.value == "stated" and isinstance(node, yaml.SequenceNode):
            entries += _stated(node, lines)
        elif key.value == "claims" and isinstance(node, yaml.MappingNode):
            entries += _claims(node, lines)
        elif key.value == "indicators" and isinstance(node, yaml.SequenceNode):
            entries += _rows(node, lines)
        elif key.value == "projects" and isinstance(node, yaml.SequenceNode):
            entries += _projects(node, lines)
    return Written(_plain(root), _named(entries))


def _named(entries: list[Entry]) -> list[Entry]:
    """Restatements named by the stated figure they restate (再次陈述：接待查档群众, not s010)."""
    labels = {e.ref: e.label for e in entries if e.group == "stated" and e.ref}
    return [replace(e, label=f"再次陈述：{labels[e.uses[0]]}") if e.group == "repeat" and e.uses[0] in labels else e
            for e in entries]


