"""What a draft is made of: the params it proposes and, for each item, the evidence and how sure the reader is."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .document import Document
from .lists import Listed
from .mentions import Mention, Where
from .rates import RateFound
from .section_scores import SectionStated

Kind = Literal["unit", "figure", "stated", "rate", "identity", "repeat", "row", "project", "claim", "section"]
KIND_LABEL: dict[str, str] = {
    "unit": "单位信息", "figure": "目录指标数据", "stated": "单位自有数据", "rate": "比率", "identity": "分项与总数",
    "repeat": "同一数字多处陈述", "row": "绩效自评表指标", "project": "项目自评分", "claim": "自评总分与等次",
    "section": "一级指标得分陈述",
}


@dataclass(frozen=True)
class Item:
    """One entry of the draft as the review lists it: what it says, where the params keep it, and its evidence."""

    kind: Kind
    place: str
    text: str
    evidence: tuple[Where, ...]
    status: str = ""
    unsure: str | None = None
    highlight: tuple[str, ...] = ()  # the written phrases to mark in the evidence


@dataclass(frozen=True)
class Reading:
    """The report as read and the quantities of its prose the reader took for figures (outside the blocks and cells
    the table readers took, whose numbers are rows and cells): the review lists the numbers of that prose it took for
    none — codes, telephone and page numbers, addresses —, so that an analyst sees what was left out."""

    document: Document
    figures: tuple[Mention, ...]
    table_blocks: frozenset[int]
    table_cells: frozenset[tuple[int, int]]


@dataclass
class Draft:
    """A report read into params: the params data (numbers as Decimals, written as stated), notes that go beside
    entries in the YAML (keyed by the id of the entry's dict), the items for review, and what measurement reads."""

    report: str
    params: dict[str, Any]
    notes: dict[int, str] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    placed: list[Mention] = field(default_factory=list)
    rates: list[RateFound] = field(default_factory=list)
    sections: list[SectionStated] = field(default_factory=list)
    lists: list[Listed] = field(default_factory=list)
    catalogue: dict[str, list[Mention]] = field(default_factory=dict)  # path → its statements, the first kept
    repeats: list[tuple[Mention, ...]] = field(default_factory=list)  # a stated figure and its restatements
    restated: dict[str, list[Mention]] = field(default_factory=dict)  # row id → its actual and the narrative's
    pairs: list[tuple[Mention, Mention]] = field(default_factory=list)  # (first statement, another) of one figure
    same_claim: list[tuple[Mention, Mention]] = field(default_factory=list)  # one claim, or section weight, twice
    sums: list[tuple[Mention, tuple[Mention, ...]]] = field(default_factory=list)  # totals the scoring adds up
    skipped: list[str] = field(default_factory=list)
    excluded: list[tuple[str, str, Any]] = field(default_factory=list)  # (where, why, entry) taken out to validate
    reading: Reading | None = None
    year_named: bool = True  # False: the report names no year evaluated; params' unit.year is a placeholder (存疑)

    @property
    def unit_id(self) -> str:
        return str(self.params["unit"]["id"])

    def unsure(self) -> list[Item]:
        return [i for i in self.items if i.unsure]

    def count(self, kind: str, status: str | None = None) -> int:
        return sum(1 for i in self.items if i.kind == kind and (status is None or i.status == status))
