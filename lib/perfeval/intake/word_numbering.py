"""The numbers Word draws before paragraphs of an automatic list (w:numPr: 1. / （一） / 一、), as Word shows them.

A paragraph numbered by Word holds no digit of its number: the number comes from numbering.xml, the level's text
(lvlText, "%1." or "（%1）") filled with each level's counter in the level's format (decimal, 一二三, ①②③, A B C …).
Read without it, project headings numbered so lost their place in the report's structure, and the .docx drafted
otherwise than its .txt (trial 4's U35). Counters run per list (w:num) and level; a higher level's paragraph
restarts the levels under it. Bullets and formats Word draws as no text are left as they are.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_CHINESE = "零一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting up to 999)."""
    if n <= 0 or n > 999:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{_CHINESE[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _CHINESE[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_CHINESE[ones] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def _letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA (Word repeats the letter)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def formatted(n: int, fmt: str) -> str:
    """A counter in a level's number format, as Word draws it; "" for a bullet or none."""
    if fmt in ("bullet", "none"):
        return ""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
               "taiwaneseCountingThousand"):
        return _chinese(n)
    if fmt == "ideographTraditional" and 1 <= n <= len(_STEMS):
        return _STEMS[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman" and n > 0:
        return _roman(n)
    if fmt == "lowerRoman" and n > 0:
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    return str(n)  # decimal, and formats read as it


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str | None  # lvlText; None: the level draws no text


@dataclass
class Numbering:
    """The lists of a document (numbering.xml) and the styles that number their paragraphs, and the counters of
    the lists as the body is read in order."""

    levels: dict[str, list[_Level]]  # numId → its levels (the abstract list's, with the num's overrides)
    styles: dict[str, tuple[str, int]]  # a paragraph style (through its basedOn chain) → (numId, level)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def number(self, p: Any) -> str:  # a w:p
        """The number Word draws before the paragraph, with the space it leaves after it; "" when it draws none.
        Counts the paragraph in its list (call once per paragraph, in body order)."""
        num_id, level = self._numbered(p)
        levels = self.levels.get(num_id or "")
        if not levels or not 0 <= level < len(levels):
            return ""
        counts = self.counters.setdefault(num_id or "", [0] * len(levels))
        counts[level] = (counts[level] + 1) if counts[level] else levels[level].start
        for below in range(level + 1, len(counts)):
            counts[below] = 0
        text = levels[level].text
        if not text:
            return ""
        for k in range(len(levels) - 1, -1, -1):  # %10 is no level: at most %9
            if f"%{k + 1}" in text:
                shown = counts[k] if counts[k] else levels[k].start
                text = text.replace(f"%{k + 1}", formatted(shown, levels[k].fmt))
        if not text.strip():
            return ""
        return text if text[-1] in "、）．：，" else f"{text} "  # Word's tab after 1. read as a space

    def _numbered(self, p: Any) -> tuple[str | None, int]:  # a w:p
        ppr = p.find(f"{_W}pPr")
        num = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num is not None:
            num_id = _val(num.find(f"{_W}numId"))
            level = _int(_val(num.find(f"{_W}ilvl")), 0)
            if num_id is not None:
                return (None if num_id == "0" else num_id), level  # numId 0: the style's numbering taken off
        style = _val(ppr.find(f"{_W}pStyle")) if ppr is not None else None
        return self.styles.get(style or "", (None, 0))


def _val(element: Any) -> str | None:  # an lxml element or None
    return element.get(f"{_W}val") if element is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def read_numbering(document: Any) -> Numbering:  # a python-docx Document
    """The document's lists and numbered styles; none when it has no numbering part (or a damaged one)."""
    try:
        root = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError, ValueError):
        return Numbering({}, {})
    abstract: dict[str, list[_Level]] = {}
    for node in root.iterchildren(f"{_W}abstractNum"):
        abstract[node.get(f"{_W}abstractNumId", "")] = _levels(node)
    levels: dict[str, list[_Level]] = {}
    for num in root.iterchildren(f"{_W}num"):
        base = list(abstract.get(_val(num.find(f"{_W}abstractNumId")) or "", []))
        for override in num.iterchildren(f"{_W}lvlOverride"):
            k = _int(override.get(f"{_W}ilvl"), -1)
            if not 0 <= k < len(base):
                continue
            level = override.find(f"{_W}lvl")
            if level is not None:
                base[k] = _level(level)
            start = _val(override.find(f"{_W}startOverride"))
            if start is not None:
                base[k] = _Level(_int(start, 1), base[k].fmt, base[k].text)
        levels[num.get(f"{_W}numId", "")] = base
    return Numbering(levels, _numbered_styles(document))


def _levels(abstract: Any) -> list[_Level]:  # a w:abstractNum
    out = [_Level(1, "decimal", None)] * _LEVELS
    for node in abstract.iterchildren(f"{_W}lvl"):
        k = _int(node.get(f"{_W}ilvl"), -1)
        if 0 <= k < _LEVELS:
            out[k] = _level(node)
    return out


def _level(node: Any) -> _Level:  # a w:lvl
    text = node.find(f"{_W}lvlText")
    return _Level(_int(_val(node.find(f"{_W}start")), 1), _val(node.find(f"{_W}numFmt")) or "decimal",
                  text.get(f"{_W}val") if text is not None else None)


def _numbered_styles(document: Any) -> dict[str, tuple[str, int]]:  # a python-docx Document
    """Each paragraph style that numbers its paragraphs (its own numPr, or one it is based on)."""
    own: dict[str, tuple[str | None, int]] = {}
    based: dict[str, str] = {}
    for style in document.styles.element.iterchildren(f"{_W}style"):
        sid = style.get(f"{_W}styleId", "")
        num = style.find(f"{_W}pPr/{_W}numPr")
        if num is not None:
            own[sid] = (_val(num.find(f"{_W}numId")), _int(_val(num.find(f"{_W}ilvl")), 0))
        parent = _val(style.find(f"{_W}basedOn"))
        if parent:
            based[sid] = parent
    out: dict[str, tuple[str, int]] = {}
    for sid in set(own) | set(based):
        seen, at = set(), sid
        while at and at not in own and at not in seen:
            seen.add(at)
            at = based.get(at, "")
        num_id, level = own.get(at, (None, 0))
        if num_id and num_id != "0":
            out[sid] = (num_id, level)
    return out
