"""Who the report is about, as it says: the unit's name, the year evaluated, its budget code, and the score and
grade it claims. What the report does not say is left as not stated, never guessed."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ...core.params import RESERVED_NAMES, UNIT_ID
from .document import Document
from .mentions import Mention, Where

_NAME = re.compile(r"(?:部门|单位)\s*[（(]?\s*(?:单位)?\s*[）)]?\s*名\s*称\s*(?:[（(]\s*盖章\s*[）)])?\s*[：:]\s*"
                   r"(?P<v>[^\s：:，。]{4,40})")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?[^，。；]{0,30}?(?:绩效|自评|整体支出)")
_CODE = re.compile(r"预\s*算\s*编\s*码\s*[：:]\s*(?P<v>[0-9A-Za-z\-]{3,30})")
_REGION = re.compile(r"^((?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|地区|县|区|旗))+)(?=[\u4e00-\u9fff]{2,})")
_GRADE = re.compile(r"(?:自评|评价|绩效|考核)?(?:等级|等次)\s*(?:为|是|评定为|确定为|：|:)\s*[“\"]?"
                    r"(?P<v>优秀|优|良好|良|中等|中|较差|差)")
_GRADE_OF = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差"}
_CLAIMED_TOTAL = re.compile(r"自评.{0,6}(?:得分|总分|分数|评分)|(?:得分|总分|分数|评分).{0,4}自评"
                            # 经自评，2023年度部门整体支出绩效得分96分: the score of the whole, not of a section
                            r"|(?:整体支出|综合|总)(?:绩效)?(?:评价|自评)?(?:得分|评分|分数)")
MAX_TITLE = 60


@dataclass(frozen=True)
class Stated:
    """A fact about the unit and where the report states it."""

    value: str
    where: Where


@dataclass(frozen=True)
class UnitFacts:
    """What the report says about the unit itself."""

    name: Stated | None
    year: Stated | None
    budget_code: Stated | None
    grade: Stated | None

    @property
    def region(self) -> str | None:
        """The administrative area the unit's name starts with (岳阳市云溪区机关事务服务中心 → 岳阳市云溪区)."""
        m = _REGION.match(self.name.value) if self.name else None
        return m.group(1) if m else None


def _first(document: Document, pattern: re.Pattern[str], short: bool = False) -> Stated | None:
    for s in document.sentences():
        if short and len(s.text) > MAX_TITLE:
            continue
        m = pattern.search(s.text)
        if m:
            return Stated(m.group(m.lastindex or 0) if "v" not in pattern.groupindex else m.group("v"),
                          Where(s.section, s.text, s.block, s.cell))
    return None


def read_unit(document: Document) -> UnitFacts:
    """The unit's name, the year the report evaluates (from its title), its budget code and its claimed grade."""
    grade = _first(document, _GRADE)
    if grade:
        grade = Stated(_GRADE_OF.get(grade.value, grade.value), grade.where)
    return UnitFacts(_first(document, _NAME), _first(document, _TITLE_YEAR, short=True), _first(document, _CODE), grade)


def claimed_total(mentions: list[Mention]) -> Mention | None:
    """The self-evaluation score the prose claims (自评得分96分): a score of at most 100 labelled as the unit's own."""
    for m in mentions:
        if m.quantity.unit == "分" and m.quantity.value <= 100 and _CLAIMED_TOTAL.search(m.clause):
            return m
    return None


def unit_id_for(report: Path, given: str | None) -> str:
    """The id the draft gives the unit: the one asked for, else the report's file name made safe for output names."""
    if given:
        return given
    slug = re.sub(r"[^a-z0-9_-]+", "-", report.stem.lower()).strip("-_")[:80]
    if UNIT_ID.match(slug) and slug.split(".")[0] not in RESERVED_NAMES:
        return slug
    return "draft-" + hashlib.sha1(report.stem.encode("utf-8")).hexdigest()[:10]
