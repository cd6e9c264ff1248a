"""Where a 绩效自评表 row goes in the framework: the personalised indicator whose level-2 names its own (a row
under 数量 or 产出数量 is the framework's 数量指标; under 满意度, or with no level-2 under 满意度指标, its 满意度 row).

Tables name a level more loosely than a framework does: with or without 指标 / 目标 after it, 产出 before it, or
a narrower name ending in the framework's (社会公众满意度 under 满意度). A row is placed only where one indicator
of the framework takes it; a row no indicator takes is said, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...core.framework import Framework

_POINTS = re.compile(r"[（(]\s*\d++(?:\.\d++)?\s*分\s*[）)]")
_QUOTES = re.compile(r"[“”\"‘’'\s]")


def _core(name: str) -> str:
    """A level's name as compared: no points, quotes or spaces, no 指标 / 目标 after it, no 产出 before a kind of
    output (产出数量 is 数量)."""
    words = _QUOTES.sub("", _POINTS.sub("", name))
    words = re.sub(r"(?:指标|目标)$", "", words)
    return re.sub(r"^产出(?=数量|质量|时效|成本)", "", words)


@dataclass(frozen=True)
class Place:
    """The framework's level-2 name a row is written under, and the table's own when it differs."""

    level2: str
    written: str | None = None


def place_row(level1: str, level2: str, fw: Framework) -> Place | None:
    """The framework's level-2 name for a row under `level1` / `level2` of a table, or None when no single
    personalised indicator takes it. The row's level-2 is tried first, then (when it has none) its level-1."""
    leaves = [n.personalised.level2 for _, n in fw.leaves() if n.personalised is not None]
    if any(level2.strip() in names for names in leaves):
        return Place(level2.strip())
    for written in (level2, level1) if level2.strip() else (level1,):
        core = _core(written)
        if not core:
            continue
        exact = [names for names in leaves if any(_core(x) == core for x in names)]
        taking = exact or [names for names in leaves if any(core.endswith(_core(x)) for x in names if _core(x))]
        if len(taking) == 1:
            return Place(taking[0][0], written.strip())
    return None


def common_indicator(names: tuple[str, ...], fw: Framework) -> str | None:
    """The id of the framework's own scored indicator (预算执行率, not a personalised row) that a table row names by
    one of `names` (its indicator, level-2, level-1, tried in that order), or None: such a row, among the unit's 产出
    and 效益 rows, states the unit's score for that indicator."""
    own = [(n.id, {_core(x) for x in (n.name, *n.aliases)}) for _, n in fw.leaves() if n.personalised is None]
    for written in names:
        core = _core(written)
        found = [leaf for leaf, cores in own if core in cores] if core else []
        if len(found) == 1:
            return found[0]
    return None
