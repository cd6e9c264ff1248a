"""Projects a report evaluates one subsection each, and what each spent: together no more than the 项目支出 it states.

Reports on a unit's spending often close with a part per project (（一）良种推广项目 … 该项目全年实际支出128.00万元；
（二）农技培训项目 …). The projects' spending is part of 项目支出, so their sum cannot exceed it; the reader declares
that bound from the structure — sibling subsections whose headings name a project, each stating one amount spent —
and `score` asks about a sum above it, as a question (the reader inferred which figures are the projects').
"""
from __future__ import annotations

import re

from ...core.quantity import Qualifier, canonical_unit
from .document import Document
from .mentions import Mention

_COMPONENT = re.compile(r"[（(][^（()）]+[)）]|\d+|[^（(\d]+")  # the parts of a section path: 二, (一), 1, (1)
_PROJECT = re.compile(r"(?:项目|工程|专项|经费)[”\"）)]?[。.:：]?\s*$")  # a heading that names a project: （一）良种推广项目
# (1.项目资金到位情况分析 names an aspect of one)
_SPENT = re.compile(r"实际支出|支出|执行|使用|完成投资|实际投入")  # words naming what was spent
_NOT_SPENT = re.compile(r"预算|计划|下达|安排|批复|到位|结余|结转|上年|增加|减少|节约")  # a budget, a change, last year
MIN_PROJECTS = 2  # sibling subsections that make a list of projects


def _parent(section: str) -> str | None:
    parts = _COMPONENT.findall(section)
    return "".join(parts[:-1]) if len(parts) >= 2 else None


def _headings(document: Document) -> dict[str, str]:
    """Each section's heading: the first block of the section."""
    headings: dict[str, str] = {}
    for block in document.blocks:
        headings.setdefault(block.section, block.text)
    return headings


def project_sections(document: Document) -> frozenset[str]:
    """The subsections whose headings name a project (（一）良种推广项目): each speaks of its own item."""
    return frozenset(section for section, heading in _headings(document).items()
                     if _parent(section) is not None and _PROJECT.search(heading))


def evaluated_spending(document: Document, mentions: list[Mention]) -> tuple[Mention, ...]:
    """What each project evaluated in a subsection of its own spent, one figure a project, in document order: the
    largest family of sibling subsections whose headings name a project and that state one amount spent each (a
    subsection stating two is left out: which is the project's is not said)."""
    headings = _headings(document)
    spent: dict[str, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.order):
        if m.where.cell is None and not m.is_rate and m.quantity.qualifier is Qualifier.EXACT \
                and canonical_unit(m.quantity.unit) in ("万元", "元", "亿元") and _SPENT.search(m.label) \
                and not _NOT_SPENT.search(m.lead) and _PROJECT.search(headings.get(m.where.section, "")):
            spent.setdefault(m.where.section, []).append(m)
    families: dict[str, list[Mention]] = {}
    for section, found in spent.items():
        parent = _parent(section)
        if parent is not None and len(found) == 1:
            families.setdefault(parent, []).append(found[0])
    best = max(families.values(), key=len, default=[])
    return tuple(best) if len(best) >= MIN_PROJECTS else ()
