"""The state of one drafting, shared by the readers that place figures: what each mention became, and the helpers
that write a value as the report states it."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ...core.figures import short_label
from ...core.framework import Framework
from ...core.measures import Change, Choose, FigureRef, Ratio, resolved
from ...core.quantity import Qualifier
from .catalogue import Mapped
from .lists import Listed
from .mentions import Mention
from .model import Item
from .rates import RateFound


def number(m: Mention) -> Decimal:
    """The value as written: 1045.90 keeps its two decimals; 2.6万 becomes 26000, not 26000.0."""
    q = m.quantity
    if q.scale == 1:
        return q.value
    value = q.value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def qualified(record: dict[str, Any], m: Mention) -> dict[str, Any]:
    """The record with the mention's qualifier (余, 约, 以上 …) when it has one; exact values carry none."""
    if m.quantity.qualifier is not Qualifier.EXACT:
        record["qualifier"] = m.quantity.qualifier.value
    return record


def framework_measures(fw: Framework) -> dict[str, Any]:
    """Measure id → the measure as scored by default (a choice of denominator resolved to the default option).
    The last framework's are kept: each stated rate asks for them (1,200 rates: 3 s of CPU resolving them again)."""
    if _MEASURES and _MEASURES[0][0] is fw:
        return _MEASURES[0][1]
    defaults = {k: i.default for k, i in fw.readings_in_force().items()}
    out = {mid: resolved(measure, lambda key: defaults[key]) for mid, measure in _measures(fw).items()}
    _MEASURES[:] = [(fw, out)]
    return out


_MEASURES: list[tuple[Framework, dict[str, Any]]] = []  # the last framework asked for, and its measures


def framework_options(fw: Framework) -> dict[str, tuple[Any, ...]]:
    """Measure id → every way the framework lets it be read (each option of a choice of denominator, the default's
    first; a measure without a choice, itself)."""
    defaults = {k: i.default for k, i in fw.readings_in_force().items()}
    out: dict[str, tuple[Any, ...]] = {}
    for mid, measure in _measures(fw).items():
        if isinstance(measure, Choose):
            first = measure.options[defaults[measure.interpretation]]
            out[mid] = (first, *(m for m in measure.options.values() if m is not first))
        else:
            out[mid] = (measure,)
    return out


def _measures(fw: Framework) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for _, node in fw.leaves():
        rule = node.rule
        if rule is None:
            continue
        parts = [(f"{node.id}.{p.id}", p.rule) for p in getattr(rule, "parts", [])] or [(node.id, rule)]
        for mid, r in parts:
            measure = getattr(r, "measure", None)
            if measure is not None:
                out[mid] = measure
    return out


def two_figures(measure: Any) -> tuple[str, str, str] | None:
    """(kind, a, b) when a measure is a plain share or change of two catalogue figures."""
    if isinstance(measure, (Ratio, Change)) and all(isinstance(x, FigureRef) for x in measure.args):
        return ("share" if isinstance(measure, Ratio) else "change", measure.args[0].path, measure.args[1].path)
    return None


def by_sentence(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped by the sentence they stand in, in document order."""
    groups: dict[tuple[int, int | None, str], list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.order):
        groups.setdefault((m.where.block, m.where.cell, m.where.text), []).append(m)
    return list(groups.values())


@dataclass(kw_only=True)
class Placement:
    """Where each mention of the report has been placed so far (ids of Mention objects as keys), and what is written."""

    params: dict[str, Any] = field(default_factory=dict)  # the params data being written
    notes: dict[int, str] = field(default_factory=dict)  # id of a record → the 存疑 note beside it
    items: list[Item] = field(default_factory=list)  # what the review lists
    placed: list[Mention] = field(default_factory=list)  # every mention that reached the draft
    mapped: dict[int, Mapped] = field(default_factory=dict)  # mention → the catalogue figure it states
    refs: dict[int, str] = field(default_factory=dict)  # mention → its stated figure's id
    taken: set[int] = field(default_factory=set)  # mentions placed for good (not free for lists or rates)
    restated: set[int] = field(default_factory=set)  # mentions that restate a 绩效自评表 row's actual
    figures: dict[str, list[Mention]] = field(default_factory=dict)  # catalogue path → its statements, first kept
    written_lists: list[tuple[Listed, str]] = field(default_factory=list)  # a list and where it went
    repeated: list[tuple[Mention, ...]] = field(default_factory=list)  # a stated figure and its restatements
    restated_rows: dict[str, list[Mention]] = field(default_factory=dict)  # row id → its actual, then restatements
    pairs: list[tuple[Mention, Mention]] = field(default_factory=list)  # (first, another) statement of one figure
    same_claim: list[tuple[Mention, Mention]] = field(default_factory=list)  # one claim (or 总分值) stated twice
    claimed_by: dict[int, Mention] = field(default_factory=dict)  # id of a claim record → the rate that made it
    sums: list[tuple[Mention, tuple[Mention, ...]]] = field(default_factory=list)  # totals the scoring adds up
    row_rates: list[RateFound] = field(default_factory=list)  # percentages of 绩效自评表 rows (not recomputed)
    rows_apart: list[Any] = field(default_factory=list)  # 绩效自评表 rows no personalised indicator takes
    whole: bool = False  # the report is a whole department's self-evaluation (a project's claim is none there)
    total_elsewhere: tuple[Mention, Mention] | None = None  # a 自评表's 总分, and the text's claimed total it differs from
    total_labels: dict[int, str] = field(default_factory=dict)  # a total named only by 合计: its parts' names
    year: int | None = None  # the year the report evaluates
    item_sections: frozenset[str] = frozenset()  # sections whose headings name a project: one item each
    readings: dict[str, str] = field(default_factory=dict)  # the framework's default reading of each gap
    assembled: dict[int, Mention] = field(default_factory=dict)  # a budget the reader added up from its parts
    wholes: dict[int, Mention] = field(default_factory=dict)  # an opening budget → the year's whole budget it is part of

    def _note(self, record: dict[str, Any], text: str | None) -> None:
        if text:
            self.notes[id(record)] = text

    def _place(self, m: Mention) -> None:
        self.taken.add(id(m))
        self.placed.append(m)

    def _ref(self, m: Mention) -> str | None:
        if id(m) in self.mapped:
            return self.mapped[id(m)].path
        return self.refs.get(id(m))

    def _path(self, m: Mention) -> str | None:
        mapped = self.mapped.get(id(m))
        return mapped.path if mapped else None

    def _label(self, m: Mention) -> str:
        """What a figure is of: its words, or for a total named only by 合计 / 共计, its parts' names (办公费、印刷费合计)."""
        return m.label or self.total_labels.get(id(m), "")

    def _short(self, m: Mention) -> str:
        mapped = self.mapped.get(id(m))
        return short_label(mapped.path) if mapped else m.label
