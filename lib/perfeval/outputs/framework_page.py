"""A page per framework, outputs/frameworks/<id>.html: what the framework itself leaves open or gets wrong, said
once for every unit it scores (each report's appendix and the index link here instead of repeating it).

Written by the batch from the unit results' framework_notes, never by scoring again. A note about a unit's own
table (rows that do not add up to the framework's header) is listed with the units it concerns; every other note
is the framework's own and is said once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..core.params import RESERVED_NAMES
from ..result import LintOut, UnitResult
from ..safetext import inert

FOLDER = "frameworks"
_SAFE_ID = re.compile(r"^[a-z0-9_]{1,60}$")  # the framework id pattern: it names the page's file

# Each note's code in the group a reader checks a framework by, in that order.
GROUPS: dict[str, tuple[str, ...]] = {
    "分值与评分标准": ("total_not_100", "subweights_mismatch", "criteria_below_weight", "criteria_above_weight",
                 "blank_weights", "no_rule"),
    "原表标注": ("label_note",),
    "框架未作规定之处及采用的口径": ("rule_gap", "national_default"),
}
UNIT_TABLES = "单位填报的指标表与框架不一致之处"
UNIT_CODES = ("rows_vs_header",)  # notes on a unit's own table, not on the framework

CSS = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
  sans-serif; color: #1f2328; margin: 0; line-height: 1.7; }
main { max-width: 960px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 1.5em; margin: 0 0 0.3em; }
h2 { font-size: 1.15em; margin: 1.4em 0 0.4em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; }
p.lead, p.note { color: #57606a; margin: 0 0 0.8em; }
nav a { color: #0969da; }
ol, ul { padding-left: 1.6em; }
li { margin: 0.25em 0; }
.units { color: #57606a; }
@page { size: A4; margin: 18mm 16mm; }
@media print { nav { display: none; } h2 { break-after: avoid; } li { break-inside: avoid; } }
@media (max-width: 600px) { main { padding: 16px 14px 32px; } }
"""


def page_name(framework_id: str) -> str | None:
    """The page's file name, or None for an id that cannot name a file safely (no page, no link)."""
    if not _SAFE_ID.match(framework_id) or framework_id in RESERVED_NAMES:
        return None
    return f"{framework_id}.html"


def page_href(framework_id: str, depth: int = 0) -> str | None:
    """The link to a framework's page from a page `depth` folders below the outputs folder (a report: 2)."""
    name = page_name(framework_id)
    return None if name is None else "../" * depth + f"{FOLDER}/{name}"


@dataclass(frozen=True)
class FrameworkNotes:
    """One framework as its units' results describe it: its own notes, and those of some units' tables only."""

    id: str
    name: str
    source: str
    own: tuple[LintOut, ...]
    of_units: tuple[tuple[LintOut, tuple[str, ...]], ...]  # (note, names of the units whose results carry it)
    units: tuple[tuple[str, str | None], ...]  # (unit name and year, its report relative to the outputs folder)


def _key(note: LintOut) -> tuple[str, str, str]:
    return note.code, note.indicator, note.message


class NotesCollector:
    """The framework notes of unit results given one at a time (a batch's index keeps none of them): per framework,
    its notes once each with the units that carry it, and its units."""

    def __init__(self) -> None:
        self._frameworks: dict[str, tuple[str, str]] = {}  # id → (name, source), from its first unit
        # id → each note's key → [where it is first met, going through the units in name order as the page lists
        # them; the note met there; the units that carry it]
        self._notes: dict[str, dict[tuple[str, str, str], list[Any]]] = {}
        self._units: dict[str, list[tuple[str, int, str | None]]] = {}  # id → (unit name, year, report)

    def add(self, result: UnitResult, report: str | None) -> None:
        """A unit result, with its report's path relative to the outputs folder (None: not published)."""
        fid, unit = result.framework.id, result.unit
        self._frameworks.setdefault(fid, (result.framework.name, result.framework.source))
        self._units.setdefault(fid, []).append((unit.name, unit.year, report))
        carried, seq = self._notes.setdefault(fid, {}), len(self._units[fid])
        for pos, note in enumerate(result.framework_notes):
            here = (unit.name, unit.year, seq, pos)
            entry = carried.setdefault(_key(note), [here, note, []])
            if here < entry[0]:
                entry[:2] = here, note
            entry[2].append((unit.name, unit.year))

    def frameworks(self) -> list[FrameworkNotes]:
        """Per framework id (in id order): its own notes once, those on units' tables with their units (by name and
        year), and its units (the same order)."""
        out = []
        for fid in sorted(self._frameworks):
            carried = [(note, who) for _, note, who in sorted(self._notes[fid].values(), key=lambda e: e[0])]
            own = tuple(n for n, _ in carried if n.code not in UNIT_CODES)
            of_units = tuple((n, tuple(f"{name}（{year}年）" for name, year in sorted(who)))
                             for n, who in carried if n.code in UNIT_CODES)
            name, source = self._frameworks[fid]
            units = sorted(self._units[fid], key=lambda u: (u[0], u[1]))
            out.append(FrameworkNotes(fid, name, source, own, of_units,
                                      tuple((f"{n}（{year}年）", report) for n, year, report in units)))
        return out


def collect(results: Iterable[tuple[UnitResult, str | None]]) -> list[FrameworkNotes]:
    """Per framework id (in id order): its own notes once, those on units' tables with their units, and the units.

    results: each unit result with its report's path relative to the outputs folder (None: not published).
    """
    collector = NotesCollector()
    for result, report in results:
        collector.add(result, report)
    return collector.frameworks()


def _grouped(notes: Sequence[LintOut]) -> list[tuple[str, list[LintOut]]]:
    placed = {code: heading for heading, codes in GROUPS.items() for code in codes}
    groups: dict[str, list[LintOut]] = {heading: [] for heading in GROUPS}
    other: list[LintOut] = []
    for note in notes:
        (groups[placed[note.code]] if note.code in placed else other).append(note)
    return [(h, items) for h, items in (*groups.items(), ("其他", other)) if items]


def _list(items: Sequence[str]) -> str:
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def page_html(fw: FrameworkNotes, index_href: str = "../index.html") -> str:
    """The page: the framework's own notes by group, those of some units' tables, and the units it scores."""
    parts = [f'<nav><a href="{escape(index_href, quote=True)}">← 返回索引</a></nav>',
             f"<h1>评价框架说明：{escape(fw.name)}</h1>",
             f'<p class="lead">来源：{escape(fw.source)}。以下问题属于评价框架本身，对使用本框架的每个单位都成立，'
             "不计入单位的审计发现；各单位报告的技术附录链接本页。</p>"]
    if not fw.own:
        parts.append('<p class="note">各单位的评价结果未载明本框架自身的问题。</p>')
    for heading, notes in _grouped(fw.own):
        parts.append(f"<h2>{escape(heading)}</h2>" + _list([escape(n.message) for n in notes]))
    if fw.of_units:
        parts.append(f"<h2>{escape(UNIT_TABLES)}</h2>" + _list(
            [f'{escape(n.message)}<span class="units">（{escape("、".join(who))}）</span>' for n, who in fw.of_units]))
    units = [f'<a href="../{escape(report, quote=True)}">{escape(name)}</a>' if report else escape(name)
             for name, report in fw.units]
    parts.append("<h2>使用本框架的单位</h2>" + "<ul>" + "".join(f"<li>{u}</li>" for u in units) + "</ul>")
    body = "\n".join(parts)
    return inert(f'<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
                 f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                 f"<title>评价框架说明：{escape(fw.name)}</title>\n<style>{CSS}</style>\n</head>\n"
                 f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


def framework_pages(results: Iterable[tuple[UnitResult, str | None]] | NotesCollector) -> dict[str, str]:
    """{file name under frameworks/: page HTML} for every framework with a safe id."""
    pages = {}
    for fw in (results.frameworks() if isinstance(results, NotesCollector) else collect(results)):
        name = page_name(fw.id)
        if name is not None:
            pages[name] = page_html(fw)
    return pages


def write_framework_pages(outputs: Path, results: Iterable[tuple[UnitResult, str | None]] | NotesCollector) -> list[Path]:
    """outputs/frameworks/<id>.html for every framework the results use (or those a NotesCollector was given), all
    replaced or none (a full disk)."""
    from ..fileio import write_atomic_all

    pages = framework_pages(results)
    if not pages:
        return []
    folder = outputs / FOLDER
    folder.mkdir(exist_ok=True)
    return write_atomic_all({folder / name: text for name, text in pages.items()})
