"""A total and the parts the report lists under it: what 其中, a colon, numbered paragraphs or a list of names
followed by a paragraph each announce.

Three shapes, as reports write them:
- inline: “…3752.47万元。其中，基本支出347.79万元…；项目支出3404.68万元…” (or “项目支出3404.68万元：财政拨款…”),
  the parts running on over sentences that end in ；;
- numbered: “基本支出2415.52万元，主要包括以下两个方面的支出：” then 1、… 2、… paragraphs, one part each;
- named: “共支出项目资金3404.68万元，其中主要包括A项目、B项目、C等项目” then a paragraph per item, matched by name.
Parts are in the total's unit and stated exactly; a part is listed under one total only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from decimal import Decimal
from typing import Literal

from ...core.quantity import Qualifier, agrees, canonical_unit, commensurable
from .document import Document, Sentence
from .mentions import Mention
from .sections import heading_of

BySentence = dict[str, list[Mention]]  # the mentions of each sentence, by its block and text

MIN_SHARED_NAME = 4  # characters a paragraph's label shares with a listed name to be that item
_AMONG = re.compile(r"其中")
_NAMED = re.compile(r"(?:其中)?(?:主要)?包括(?P<names>[^，。；0-9]{4,}?)(?:等(?:项目|方面|内容)?|$|，)")


@dataclass(frozen=True)
class Listed:
    """A total, the parts listed under it, how the report lists them, and whether they add up to it."""

    whole: Mention
    parts: tuple[Mention, ...]
    shape: Literal["inline", "numbered", "named"]
    complete: bool  # the parts add up to the total at the total's precision
    named: int = 0  # items a named list names (some may have no amount)

    @property
    def total(self) -> Decimal:
        return sum((p.quantity.to(self.whole.quantity.unit).value for p in self.parts), Decimal(0))


def _usable(m: Mention) -> bool:
    return (not m.is_rate and bool(m.quantity.unit) and m.quantity.qualifier is Qualifier.EXACT
            and m.quantity.value >= 0)


def _alike(whole: Mention, part: Mention) -> bool:
    return _usable(part) and commensurable(whole.quantity.unit, part.quantity.unit)


def _listed(whole: Mention, parts: list[Mention], shape: str, named: int = 0) -> Listed:
    total = sum((p.quantity.to(whole.quantity.unit).value for p in parts), Decimal(0))
    # shape is one of Listed's shapes
    return Listed(whole, tuple(parts), shape, agrees(whole.quantity, total), named)  # type: ignore[arg-type]


def find_lists(document: Document, mentions: list[Mention]) -> list[Listed]:
    """Every total with its listed parts, in document order."""
    sentences = document.sentences()
    by_sentence: dict[str, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(_key(m.where.block, m.where.text), []).append(m)
    out: list[Listed] = []
    used: set[int] = set()
    for k, s in enumerate(sentences):
        here = by_sentence.get(_key(s.block, s.text), [])
        for listed in _inline(sentences, k, here, by_sentence) + _numbered(sentences, k, here, by_sentence) \
                + _named(sentences, k, here, by_sentence):
            parts = [p for p in listed.parts if id(p) not in used]
            if parts and len(parts) == len(listed.parts):
                used.update(id(p) for p in parts)
                out.append(listed)
    return out


def _key(block: int, text: str) -> str:
    return f"{block}\x00{text}"


def _before(sentences: list[Sentence], k: int, at: int, here: list[Mention], by_sentence: BySentence) -> Mention | None:
    """The total a list hangs from: the last figure before the marker, in its sentence or earlier in its paragraph
    (or the paragraph before, in the same section, when the list opens a paragraph)."""
    candidates = [m for m in here if m.end <= at and _usable(m)]
    if candidates:
        return candidates[-1]
    block, section, cell = sentences[k].block, sentences[k].section, sentences[k].cell
    for j in range(k - 1, -1, -1):
        s = sentences[j]
        if s.section != section or s.block < block - 1 or s.cell != cell or (cell is not None and s.block != block):
            return None  # a table cell's list hangs from its own cell, never from the next column
        found = [m for m in by_sentence.get(_key(s.block, s.text), []) if _usable(m)]
        if found:
            return found[-1]
    return None


def _running_on(sentences: list[Sentence], k: int, at: int, whole: Mention, here: list[Mention],
                by_sentence: BySentence) -> list[Mention]:
    """Parts after the marker: the total's kind of figure in its sentence, then, in the total's own unit, in each
    following sentence of the paragraph that opens with one, while the sentence before ends in ；."""
    out = [m for m in here if m.start >= at and _alike(whole, m)]
    j = k
    while sentences[j].text.rstrip().endswith(("；", ";")) and j + 1 < len(sentences) \
            and sentences[j + 1].block == sentences[k].block:
        j += 1
        text = sentences[j].text
        following = [m for m in by_sentence.get(_key(sentences[j].block, text), []) if _alike(whole, m)
                     and canonical_unit(m.quantity.unit) == canonical_unit(whole.quantity.unit)]
        if _AMONG.search(text) or not following or re.search(r"[，,；;。：:]", text[:following[0].start]):
            break
        out += following
    return out


def _inline(sentences: list[Sentence], k: int, here: list[Mention], by_sentence: BySentence) -> list[Listed]:
    text = sentences[k].text
    out = []
    for m in _AMONG.finditer(text):
        if _NAMED.match(text, m.start()) and not [x for x in here if x.start >= m.end()]:
            continue  # a list of names: see _named
        whole = _before(sentences, k, m.start(), here, by_sentence)
        if whole is None:
            continue
        parts = _running_on(sentences, k, m.end(), whole, here, by_sentence)
        if parts:
            out.append(_listed(whole, parts, "inline"))
    for whole in here:
        colon = text[whole.end:whole.end + 2].lstrip()
        if _usable(whole) and colon[:1] in ("：", ":"):
            parts = _running_on(sentences, k, whole.end, whole, here, by_sentence)
            if parts:
                out.append(_listed(whole, parts, "inline"))
    return out


def _numbered(sentences: list[Sentence], k: int, here: list[Mention], by_sentence: BySentence) -> list[Listed]:
    """A total whose sentence ends in a colon, then numbered paragraphs one level down, a part in each."""
    s = sentences[k]
    if not s.text.rstrip().endswith(("：", ":")) or s.cell is not None:
        return []
    totals = [m for m in here if _usable(m)]
    if not totals:
        return []
    whole = totals[-1]
    parts: list[Mention] = []
    blocks_seen: set[int] = set()
    for j in range(k + 1, len(sentences)):
        t = sentences[j]
        if t.block in blocks_seen:
            continue
        if not t.section.startswith(s.section) or t.section == s.section or heading_of(t.text) is None:
            break
        blocks_seen.add(t.block)
        first = next((m for m in by_sentence.get(_key(t.block, t.text), []) if _alike(whole, m)), None)
        if first is None:
            return []
        parts.append(first)
    return [_listed(whole, parts, "numbered")] if len(parts) >= 2 else []


def _named(sentences: list[Sentence], k: int, here: list[Mention], by_sentence: BySentence) -> list[Listed]:
    """A total, then “包括A、B、C等” with no amounts, then a paragraph for each item stating its amount."""
    s = sentences[k]
    m = _NAMED.search(s.text)
    if m is None or any(x.start >= m.start() for x in here):
        return []
    names = [n.strip() for n in re.split(r"[、，]", m.group("names")) if len(n.strip()) >= 2]
    whole = _before(sentences, k, m.start(), here, by_sentence)
    if whole is None or len(names) < 2:
        return []
    parts: list[Mention] = []
    left = list(names)
    for j in range(k + 1, len(sentences)):
        t = sentences[j]
        if t.section != s.section or not left:
            break
        if sentences[j - 1].block == t.block:
            continue  # an item's amount opens its paragraph
        first = next((x for x in by_sentence.get(_key(t.block, t.text), []) if _alike(whole, x)), None)
        if first is None:
            continue
        match = next((n for n in left if _shared(n, first.lead) >= MIN_SHARED_NAME), None)
        if match:
            left.remove(match)
            parts.append(first)
    return [_listed(whole, parts, "named", len(names))] if len(parts) >= 2 else []


def _shared(a: str, b: str) -> int:
    return SequenceMatcher(None, a, b).find_longest_match(0, len(a), 0, len(b)).size
