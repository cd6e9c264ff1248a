"""The technical appendix: what produced the report, the readings taken where the framework is silent, and which
conclusions hold under every other reading (the sensitivity the unit result carries)."""
from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

from ...fmt import points
from ...result import ReadingOut, SensitivityOut, UnitResult, graded_total

WITHHELD = "不予定级"


def reading_note(r: ReadingOut) -> str:
    """How a score row names the reading it relied on (core.engine's note): the question and the option taken."""
    return f"口径：{r.question}——采用“{r.text}”"


def numbered_readings(result: UnitResult) -> list[ReadingOut]:
    """The readings this unit's score consulted, in the order they are numbered (口径注1, 2 …): those the score rows
    cite, in the order the rows first cite them, then the others (grade bands, rate precision). The readings in force
    but not consulted belong to the framework's page, not to this report."""
    cited: dict[str, None] = {}
    for ind in result.indicators:
        for note in ind.notes:
            cited.update((r.key, None) for r in result.readings if reading_note(r) in note)
    order = {k: i for i, k in enumerate(cited)}
    consulted = [r for r in result.readings if r.used or r.key in order]
    return sorted(consulted, key=lambda r: (r.key not in order, order.get(r.key, 0)))


def cite_readings(note: str, readings: list[ReadingOut]) -> str:
    """A row's note with each reading it relied on replaced by its number: '…：见口径注2'."""
    for n, r in enumerate(readings, start=1):
        note = note.replace(reading_note(r), f"见口径注{n}")
    return note


def readings_frame(result: UnitResult) -> pd.DataFrame:
    """口径注: each reading the score consulted, numbered as the score sheet cites it, with the option taken and
    whether the framework lists it or the national practice fills the gap."""
    rows = [{"口径注": n, "评价框架未作规定之处": r.question, "本报告采用的口径": r.text,
             "口径来源": "评价框架所列口径" if r.declared else "框架未列，按全国通行做法"}
            for n, r in enumerate(numbered_readings(result), start=1)]
    return pd.DataFrame(rows, columns=["口径注", "评价框架未作规定之处", "本报告采用的口径", "口径来源"])


def _verdict(s: SensitivityOut) -> str:
    if s.grade:
        return f"{graded_total(s.total_on_100, s.total_range)}，{s.grade}"
    span = f"，总分可在 {points(s.total_range[0])}–{points(s.total_range[1])} 分之间" if s.total_range else ""
    return WITHHELD + span


def sensitivity_frame(result: UnitResult) -> pd.DataFrame:
    """Every option of every reading the score consulted, with the verdict it gives (one reading changed at a time)."""
    number = {r.key: n for n, r in enumerate(numbered_readings(result), start=1)}
    rows = [{"口径注": number.get(s.interpretation, math.nan), "可选口径": s.option_text,
             "本报告采用": "是" if s.chosen else "", "重算结论": _verdict(s)} for s in result.sensitivity]
    frame = pd.DataFrame(rows, columns=["口径注", "可选口径", "本报告采用", "重算结论"])
    return frame.sort_values("口径注", kind="stable").reset_index(drop=True)


class Robustness(NamedTuple):
    """Which conclusions every reading gives alike, and the readings that change one."""

    holds: tuple[str, ...]
    changes: tuple[str, ...]


def _claim_side(claimed: float, s: SensitivityOut) -> str:
    """Where the claim stands against one option's recomputed total: above, below, equal, or within the range."""
    if s.grade is None or s.total_on_100 is None:
        low, high = s.total_range or (-math.inf, math.inf)
        return "within" if low - 0.005 <= claimed <= high + 0.005 else "outside"
    gap = claimed - s.total_on_100
    return "equal" if abs(gap) < 0.005 else ("above" if gap > 0 else "below")


CLAIM_WORDS = {"within": "在已评指标允许的总分范围之内（无法复核）", "outside": "超出已评指标允许的总分范围",
               "equal": "与重算总分一致", "above": "高于重算总分", "below": "低于重算总分"}


def robustness(result: UnitResult) -> Robustness:
    """What holds under every option of every reading the score consulted, and which options change it."""
    rows = result.sensitivity
    if not rows:
        return Robustness((), ())
    chosen = {s.interpretation: s for s in rows if s.chosen}
    holds, changes = [], []
    grades = {s.grade or WITHHELD for s in rows}
    if len(grades) == 1:
        grade = grades.pop()
        holds.append("每种口径下都不予定级" if grade == WITHHELD else f"每种口径下等次都是“{grade}”")
    graded = [s.total_on_100 for s in rows if s.grade and s.total_on_100 is not None]
    if graded and len(graded) == len(rows):
        low, high = min(graded), max(graded)
        holds.append(f"重算总分在 {points(low)}–{points(high)} 分之间" if high - low >= 0.005
                     else f"重算总分都是 {points(low)} 分")
    if result.claimed.total is not None:
        sides = {_claim_side(result.claimed.total, s) for s in rows}
        if len(sides) == 1:
            holds.append(f"自评总分都{CLAIM_WORDS[sides.pop()]}")
    for s in rows:
        base = chosen.get(s.interpretation)
        if s.chosen or base is None:
            continue
        was, now = base.grade or WITHHELD, s.grade or WITHHELD
        moved = [] if was == now else [f"等次由“{was}”变为“{now}”"]
        if s.grade and base.grade and s.total_on_100 is not None and base.total_on_100 is not None \
                and abs(s.total_on_100 - base.total_on_100) >= 0.005:
            moved.append(f"重算总分由 {points(base.total_on_100)} 分变为 {points(s.total_on_100)} 分")
        elif not s.grade and s.total_range and base.total_range and s.total_range != base.total_range:
            moved.append(f"总分范围由 {points(base.total_range[0])}–{points(base.total_range[1])} 分变为 "
                         f"{points(s.total_range[0])}–{points(s.total_range[1])} 分")
        if moved:
            changes.append(f"改用“{s.option_text}”，{'，'.join(moved)}")
    return Robustness(tuple(holds), tuple(changes))
