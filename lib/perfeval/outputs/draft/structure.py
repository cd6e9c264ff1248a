"""The structure a draft proposes, as the analyst checks it: which total holds which parts (nested), what its
sentence lists outside them, and which identities and rates do not reconcile with the figures as drafted.

Built from the draft's own entries: catalogue lines by their place in the base data table (基本支出 under 总支出),
declared identities (whole, parts, = or ≥), project items under 项目支出 and other item lists under their figure.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from ...checks.claims import KIND_FORMULA, relation
from ...core.figures import COLUMNS, LINES, label_of
from ...core.numbers import half_up
from ...core.quantity import canonical_unit, commensurable, factor
from .entries import Entry


@dataclass(frozen=True)
class Breakdown:
    """One way the draft splits a figure: its parts, = or ≥ (其中 items need not add up), what the same sentence
    lists outside them (另有 …), and why the parts do not reconcile, "" when they do."""

    parts: tuple[Node, ...]
    relation: str = "="
    outside: tuple[Entry, ...] = ()
    problem: str = ""


@dataclass(frozen=True)
class Node:
    """A figure in the tree: its entry's key and label, its value as written, and the breakdowns of it."""

    key: str
    label: str
    value: str | None
    unit: str
    breakdowns: tuple[Breakdown, ...] = ()


def _number(e: Entry | None, unit: str = "") -> Decimal | None:
    """The entry's value as a number, in `unit` when the two are commensurable; None when it has none."""
    if e is None or e.value is None or not e.value_at:
        return None
    try:
        value = Decimal(e.value)
    except InvalidOperation:
        return None
    if unit and e.unit and canonical_unit(e.unit) != canonical_unit(unit):
        if not commensurable(canonical_unit(e.unit), canonical_unit(unit)):
            return None  # units that cannot be compared: not reconciled here, the checks say so
        return value * factor(e.unit, unit)
    return value


def _places(e: Entry) -> int:
    return len(e.value.split(".")[1]) if e.value and "." in e.value else 0


def _show(x: Decimal, places: int) -> str:
    return f"{half_up(x, places):.{places}f}"


def sum_problem(whole: Entry, parts: list[tuple[Entry, int]], relation: str) -> str:
    """Why parts do not reconcile with their whole, "" when they do (or cannot be computed). A part's sign is ±1."""
    w = _number(whole, whole.unit)
    values = [(_number(p, whole.unit), sign) for p, sign in parts]
    if w is None or any(v is None for v, _ in values):
        return ""
    total = sum((v * sign for v, sign in values if v is not None), Decimal(0))
    places = max([_places(whole)] + [_places(p) for p, _ in parts])
    step = Decimal(1).scaleb(-places)
    if relation == "=" and abs(total - w) > step / 2:
        return f"分项合计 {_show(total, places)}{whole.unit}，总数 {whole.value}{whole.unit}，相差 {_show(total - w, places)}{whole.unit}"
    if relation == ">=" and total - w > step / 2:
        return f"分项合计 {_show(total, places)}{whole.unit}，超过总数 {whole.value}{whole.unit}"
    return ""


def ratio_problem(ratio: Entry, numerator: Entry | None, denominator: Entry | None, kind: str) -> str:
    """Why a stated share or change does not follow from its two figures at the precision written, "" if it does."""
    stated, a, b = _number(ratio), _number(numerator), _number(denominator, denominator.unit if denominator else "")
    if stated is None or a is None or b is None or b == 0 or numerator is None or denominator is None:
        return ""
    if numerator.unit and denominator.unit and canonical_unit(numerator.unit) != canonical_unit(denominator.unit):
        a = _number(numerator, denominator.unit)
        if a is None:
            return ""
    computed = relation(kind, a, b)
    if not computed.is_finite():
        return ""  # risen by all it is (increase_by from nothing): no rate to compare
    places = _places(ratio)
    shown = half_up(computed, places)
    if shown == stated or (kind == "change" and shown == -stated and "下降" in ratio.source):
        return ""
    formula = KIND_FORMULA.get(kind, "").format(a=numerator.value, b=denominator.value).removesuffix(" × 100%")
    unit = "%" if kind != "ratio" else ""
    return f"按 {formula} 重算为 {_show(computed, places)}{unit}，报告写 {ratio.value}{unit}"


def _claims(data: dict[str, Any]) -> dict[str, Any]:
    claims = data.get("claims")
    return claims if isinstance(claims, dict) else {}


def _sign(part: object) -> int:
    """A declared identity's part written '-x' is subtracted."""
    return -1 if str(part).startswith("-") else 1


def reconciled(entries: list[Entry], data: dict[str, Any]) -> list[Entry]:
    """The entries with `problem` set on identities and ratios whose figures, as drafted, do not reconcile."""
    by_ref = {e.ref: e for e in entries if e.ref}
    claims = _claims(data)
    identities, ratios = claims.get("identities", []), claims.get("ratios", [])
    out = []
    for e in entries:
        problem = ""
        if e.group == "identity" and e.uses and e.uses[0] in by_ref:
            record = identities[int(e.path[2])]
            signed = [(by_ref.get(str(p).lstrip("-")), _sign(p)) for p in record["parts"]]
            known = [(p, sign) for p, sign in signed if p is not None]
            if len(known) == len(signed):
                problem = sum_problem(by_ref[e.uses[0]], known, record.get("relation", "="))
        elif e.key.startswith("claims.ratios") and len(e.uses) == 2:
            kind = ratios[int(e.path[2])].get("kind", "share")
            problem = ratio_problem(e, by_ref.get(e.uses[0]), by_ref.get(e.uses[1]), kind)
        out.append(replace(e, problem=problem) if problem else e)
    return out


def _catalogue_splits(by_ref: dict[str, Entry]) -> list[tuple[str, list[str], str]]:
    """(whole, parts, relation) of catalogue lines both stated, column by column (基本支出 under 总支出); ≥ when
    the line's items are only 其中 items or some of them are not stated."""
    splits = []
    for column in COLUMNS:
        for whole, spec in LINES.items():
            items = [name for name, s in LINES.items() if s.parent == whole]
            stated = [f"lines.{name}.{column}" for name in items if f"lines.{name}.{column}" in by_ref]
            if stated and f"lines.{whole}.{column}" in by_ref:
                full = len(stated) == len(items) and not spec.partial
                splits.append((f"lines.{whole}.{column}", stated, "=" if full else ">="))
    return splits


@dataclass(frozen=True)
class _Split:
    parts: list[tuple[str, int]]
    relation: str
    outside: tuple[Entry, ...] = ()
    problem: str | None = None  # None: reconcile the parts here


def tree(entries: list[Entry], data: dict[str, Any]) -> list[Node]:
    """The totals of the draft with their breakdowns, nested, roots in the order the draft gives them."""
    by_ref = {e.ref: e for e in entries if e.ref}
    splits: dict[str, list[_Split]] = {}
    for whole, parts, rel in _catalogue_splits(by_ref):
        splits.setdefault(whole, []).append(_Split([(p, 1) for p in parts], rel))
    claims = _claims(data)
    for e in entries:
        if e.group != "identity" or not e.uses:
            continue
        record = claims["identities"][int(e.path[2])]
        named = set(e.uses)
        outside = tuple(o for o in entries if o.source == e.source and o.ref and o.ref not in named
                        and o.group in ("figure", "stated"))
        signed = [(str(p).lstrip("-"), _sign(p)) for p in record["parts"]]
        splits.setdefault(e.uses[0], []).append(_Split(signed, record.get("relation", "="), outside, e.problem))
    listed: dict[str, list[tuple[str, int]]] = {}
    for e in entries:
        if e.key.startswith(("figures.project_items", "figures.item_lists")):
            listed.setdefault(e.uses[0] if e.uses else "lines.project.final", []).append((e.key, 1))
    for whole, items in listed.items():
        splits.setdefault(whole, []).append(_Split(items, ">="))
    nodes = {e.key: e for e in entries} | by_ref

    def build(ref: str, seen: frozenset[str]) -> Node:
        e = nodes.get(ref)
        out = []
        for split in splits.get(ref, []):
            parts = tuple(build(p, seen | {ref}) for p, _ in split.parts if p not in seen and p in nodes)
            problem = split.problem
            if problem is None:
                known = [(nodes[p], sign) for p, sign in split.parts if p in nodes]
                problem = sum_problem(e, known, split.relation) if e and len(known) == len(split.parts) else ""
            out.append(Breakdown(parts, split.relation, split.outside, problem))
        return Node(ref, e.label if e else label_of(ref), e.value if e else None, e.unit if e else "", tuple(out))

    parts_of_any = {p for ss in splits.values() for sp in ss for p, _ in sp.parts}
    order = {e.ref or e.key: i for i, e in enumerate(entries)}
    roots = sorted((r for r in splits if r not in parts_of_any), key=lambda r: order.get(r, len(order)))
    return [build(r, frozenset()) for r in roots]
