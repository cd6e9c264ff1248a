"""The grade bands a report states for its own claim (90分以上为优, 80（含）-90分为良, 60分以下为差): where they are
one of the framework's declared options, the draft chooses it; where they are none, the report's claimed grade is
graded by its own bands, not held against the framework's (trial 6: a grade finding against the report's own bands).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...core.framework import Framework
from .document import Sentence
from .mentions import Where

# The grades a band may name, each as the framework's grade (the names unit.GRADE_WORDS maps, longest first).
_GRADES = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差", "优": "优", "良": "良", "中": "中", "差": "差"}
_GRADE = "(?P<g>" + "|".join(_GRADES) + ")"
_INCLUDED = r"(?:[（(]\s*含(?:\s*\d{1,3}\s*分?)?\s*[）)])?"
_EXCLUDED = r"(?:[（(]\s*不含(?:\s*\d{1,3}\s*分?)?\s*[）)])?"
_IS = r"(?:的|之间的?)?\s*(?:为|评为|定为|确定为|属于|属)?\s*[“\"「]?"
# A band from its lower bound: 90分以上为优, 90分（含）以上为优秀, 80-90分为良, 80（含）～90分（不含）为良好.
_FROM = re.compile(r"(?<![\d.])(?P<a>\d{2,3})\s*分?\s*" + _INCLUDED + r"\s*(?:及|或)?\s*(?:以上|"
                   r"[-－—~～至到]\s*\d{2,3}\s*分?\s*" + _INCLUDED + _EXCLUDED + r")\s*" + _IS + _GRADE)
# The lowest band: 60分以下为差, 低于60分为差.
_BELOW = re.compile(r"(?:(?<![\d.])\d{2,3}\s*分\s*" + _EXCLUDED + r"\s*以下|低于\s*\d{2,3}\s*分)\s*" + _IS + _GRADE)
MIN_BANDS = 2  # bounds a report must state for its own bands to be read (one 90分以上为优 may be a rule's tier) …
_OF_THE_TOTAL = re.compile(r"总分|总得分|综合得分|评分标准|评价标准|等级划分|等次划分|划分等级|划分等次")  # … unless its
# sentence says the bound grades the total (评分标准：总分85分（含）以上为优)


@dataclass(frozen=True)
class Bands:
    """The report's own bands: each grade's lowest score (None for the lowest band), and where they are stated."""

    mins: dict[str, Decimal | None]
    where: Where

    def grade_of(self, total: Decimal) -> str | None:
        """The grade the report's own bands give a total, or None when they do not say."""
        stated = sorted(((m, g) for g, m in self.mins.items() if m is not None), reverse=True)
        for low, grade in stated:
            if total >= low:
                return grade
        return next((g for g, m in self.mins.items() if m is None), None)

    def text(self) -> str:
        return "，".join(f"{m}分以上为{g}" if m is not None else f"其下为{g}" for g, m in self.mins.items())


def stated_bands(sentences: list[Sentence]) -> Bands | None:
    """The first sentence stating two bounds of grades or more, as bands; None where the report states none."""
    for s in sentences:
        text = re.sub(r"\s+", "", s.text)
        mins: dict[str, Decimal | None] = {}
        for m in _FROM.finditer(text):
            mins.setdefault(_GRADES[m.group("g")], Decimal(m.group("a")))
        for m in _BELOW.finditer(text):
            mins.setdefault(_GRADES[m.group("g")], None)
        bounds = sum(v is not None for v in mins.values())
        if bounds >= MIN_BANDS or bounds and _OF_THE_TOTAL.search(text):
            return Bands(mins, Where(s.section, s.text, s.block, s.cell))
    return None


def framework_grade(total: Decimal, fw: Framework) -> str | None:
    """The grade the framework's default bands give a total."""
    reading = fw.reading("grade_bands")
    for band in reading.options[reading.default].grades or ():
        if band.min is None or total >= Decimal(str(band.min)):
            return band.grade
    return None


def option_of(bands: Bands, fw: Framework) -> str | None:
    """The framework's grade_bands option whose bounds are the report's, or None."""
    reading = fw.reading("grade_bands")
    for name, option in reading.options.items():
        declared: dict[str, Any] = {b.grade: b.min for b in option.grades or ()}
        if all(g in declared and (m is None or declared[g] is not None and Decimal(str(declared[g])) == m)
               for g, m in bands.mins.items() if m is not None):
            return name
    return None
