"""A change of a rate stated in percentage points (2022年预算执行率为92.5%，2023年为95.0%，较上年提高3.5个百分点): the
difference of the two rates its sentence dates, the later less the earlier — a claim, so a wrong one is asked about."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...core.quantity import Qualifier, canonical_unit
from .mentions import Mention

_UP = re.compile(r"(?:提高|增加|上升|增长|提升)了?$")
_DOWN = re.compile(r"(?:下降|降低|减少|回落)了?$")
_LAST_YEAR = re.compile(r"上年|去年|上一年")


@dataclass(frozen=True)
class PointsChange:
    """A change in points with the two rates it is the difference of."""

    change: Mention
    new: Mention
    old: Mention
    falls: bool


def points_changes(sentence: Sequence[Mention]) -> list[PointsChange]:
    """Each change in 个百分点 after two exact rates of its sentence that name two years (or one 上年)."""
    out = []
    for m in sentence:
        lead = m.lead.rstrip()
        if canonical_unit(m.quantity.unit) != "个百分点" or m.quantity.qualifier is not Qualifier.EXACT \
                or not (_UP.search(lead) or _DOWN.search(lead)):
            continue
        rates = [x for x in sentence if x.is_rate and x.order < m.order and x.quantity.unit == "%"
                 and x.quantity.qualifier is Qualifier.EXACT][-2:]
        if len(rates) != 2:
            continue
        a, b = rates
        old_a, old_b = bool(_LAST_YEAR.search(a.lead)), bool(_LAST_YEAR.search(b.lead))
        if a.year is not None and b.year is not None and a.year != b.year:
            new, old = (a, b) if a.year > b.year else (b, a)
        elif old_a != old_b:
            new, old = (b, a) if old_a else (a, b)
        else:
            continue
        out.append(PointsChange(m, new, old, bool(_DOWN.search(lead))))
    return out
