"""What the narrative says of a level-1 indicator as a whole: “产出目标…总分值为50分，评价得分50分，得分率100%”."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...core.framework import Framework
from ...core.quantity import agrees
from .mentions import Mention

_SUBJECT_END = re.compile(r"主要|从|，|,|[（(：:]|总分值|分值|满分|评价得分|得分")
_NUMBERING = re.compile(r"^(?:\d{1,2}[、.．]|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、.．])")
_WEIGHT_WORDS = ("分值", "满分")


@dataclass(frozen=True)
class SectionStated:
    """A level-1 indicator's 总分值, 评价得分 and 得分率 as one sentence states them."""

    name: str
    weight: Mention | None
    score: Mention | None
    rate: Mention | None

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return tuple(m for m in (self.weight, self.score, self.rate) if m is not None)

    @property
    def holds(self) -> bool | None:
        """Does 得分 ÷ 总分值 give the 得分率 stated, at its precision? None when one of the three is not stated."""
        if self.rate is None or self.score is None or self.weight is None or self.weight.quantity.value <= 0:
            return None
        return agrees(self.rate.quantity, self.score.quantity.value / self.weight.quantity.value * 100)


def _level1_named(fw: Framework, subject: str) -> str | None:
    """The subject when it names exactly one level-1 indicator of the framework (by name or alias, either containing
    the other)."""
    hits = {top.id for top in fw.indicators for n in (top.name, *top.aliases) if n and (n in subject or subject in n)}
    return subject if len(hits) == 1 else None


def section_statements(sentence: list[Mention], fw: Framework) -> SectionStated | None:
    """A sentence's section summary, when it gives at least two of 总分值, 得分 and 得分率 of a named level-1 indicator."""
    if not sentence:
        return None
    weight = next((m for m in sentence if m.quantity.unit == "分" and any(w in m.label for w in _WEIGHT_WORDS)), None)
    score = next((m for m in sentence if m.quantity.unit == "分" and "得分" in m.label
                  and not any(w in m.label for w in _WEIGHT_WORDS)), None)
    rate = next((m for m in sentence if m.is_rate and "得分率" in m.label), None)
    if sum(x is not None for x in (weight, score, rate)) < 2:
        return None
    text = _NUMBERING.sub("", sentence[0].where.text).strip()  # the heading's own number (（二）, 2.) names nothing
    subject = text[:_SUBJECT_END.search(text).start()].strip() if _SUBJECT_END.search(text) else ""
    name = _level1_named(fw, subject) if subject else None
    return SectionStated(name, weight, score, rate) if name else None


_SCORED = re.compile(r"^(?P<n>[\u4e00-\u9fff]{2,8}?)(?:类|方面|部分)?(?:指标|目标)?(?:自评)?得分$")  # 投入类指标得分 18分


def section_scores_listed(sentence: list[Mention], fw: Framework) -> list[SectionStated]:
    """A sentence listing level-1 indicators' scores one after another (投入类指标得分18分，过程类指标得分38分，产出类
    指标得分20分…): each score of a label naming one level-1 indicator, none twice, two of them at least — the
    claimed score of each section, as a 绩效自评表's level-1 rows state them (trial 7 X25)."""
    found: dict[str, SectionStated] = {}
    for m in sentence:
        named = _SCORED.match(_NUMBERING.sub("", m.label).strip()) if m.quantity.unit == "分" else None
        if named is None:
            continue  # its 满分, a rate: no score of a section
        name = _level1_named(fw, named.group("n"))
        if name is None or name in found:
            return []  # a score of something else among them (效益 in a framework of 效果): no such list
        found[name] = SectionStated(name, None, m, None)
    return list(found.values()) if len(found) >= 2 else []
