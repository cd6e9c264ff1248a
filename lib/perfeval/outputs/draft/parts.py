"""A report stating more than one draft may hold (a 自评报告 with annexed tables of thousands of rows), drafted in
part rather than refused whole (issue 19 item 6, "never refuse"; trial 6 W21): the report is read up to where its
figures fill a params file, and the rest is said unread in the draft's header and on its review page, by where it
starts, how much it holds and why, so the analyst drafts it apart.

Where to stop is judged from the numbers each block holds (digit runs: a proxy for the figures the reader will draft,
counted in one pass), scaled by how far the whole went past the bound; a table the cut would split is left whole
unread (half a table's rows under its 合计 would be read as parts that do not add up), unless what comes before it
holds little (under a quarter) of what may be read: then its first rows are read, and the note says so.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import accumulate
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from ... import fileio
from ...errors import DraftTooLarge
from ...intake.report import Block, Document, Draft, draft_report, read_document
from ...intake.report.unit import first_report
from ...intake.documents import TEXT_CUT
from ...safetext import one_line

T = TypeVar("T")
MARGIN = 0.85  # of the share the bound allows: the proxy counts years and row numbers the reader does not draft
MAX_CUTS = 4  # drafts tried before the refusal stands (each cut keeps at most MARGIN of the one before)
FAR_PAST = 3  # a report of more numbers than this many times the figures a draft holds is cut before it is read:
HEAD_START = 2  # to this many times (a first reading of all of it only to be refused took minutes)
PART_CUT = "报告只起草了前一部分"  # the start of the note; `perfeval draft` prints it
_NUMBER = re.compile(r"\d+(?:[.．]\d+)?")
_SENTENCE = re.compile(r"[^。；;！!？?]*+(?:[。；;！!？?]++|$)")


def drafted_in_part(report: Path, finish: Callable[[Draft], T], *, framework: str | None = None,
                    unit_id: str | None = None, name: str | None = None,
                    year: int | None = None) -> tuple[Draft, T]:
    """The report drafted and `finish`ed (settled, as it will be written); when the draft would hold more than a
    params file may (DraftTooLarge, from the reader or from settling), drafted again from the part of the report
    that fits, its rest said unread. The refusal stands only when no part fits after MAX_CUTS tries."""
    document = whole = first_report(read_document(report))  # the reader's own cut first: another unit's report
    if sum(_weights(whole.blocks)) > FAR_PAST * fileio.MAX_FIGURES:
        document = cut(whole, HEAD_START * fileio.MAX_FIGURES, whole, fileio.figures_past()) or whole
    for attempt in range(MAX_CUTS + 1):
        try:
            draft = draft_report(report, framework, unit_id, name, year, document=document)
            return draft, finish(draft)
        except DraftTooLarge as exc:
            budget = sum(_weights(document.blocks)) * min(exc.bound / exc.held, 1.0) * MARGIN
            smaller = cut(document, budget, whole, exc.why) if attempt < MAX_CUTS else None
            if smaller is None:
                raise
            document = smaller
    raise AssertionError("unreachable")  # the loop returns or raises


def _weights(blocks: Sequence[Block]) -> list[int]:
    """The numbers each block holds: a proxy for the figures the reader drafts from it, counted in one pass."""
    return [len(_NUMBER.findall(b.text)) for b in blocks]


def cut(document: Document, budget: float, whole: Document, why: str) -> Document | None:
    """The document up to where `budget` numbers are reached, the rest of `whole` (the report as read, of which the
    document is the start) said in a note, with `why`, in place of an earlier cut's; None when nothing would be
    left. A paragraph the budget ends in is kept to its last whole sentence within it (a report on one line)."""
    blocks = document.blocks
    weights = _weights(blocks)
    end = next((i for i, seen in enumerate(accumulate(weights)) if seen > budget), len(blocks) - 1)
    table = blocks[end].table if end < len(blocks) else None
    if end > 0 and table is not None and blocks[end - 1].table == table:
        first = next(i for i in range(end, -1, -1) if i == 0 or blocks[i - 1].table != table)
        if sum(weights[:first]) >= budget / 4:  # the table whole unread, unless little else would be read
            end = first
    split = table is not None and end < len(blocks) and end > 0 and blocks[end - 1].table == table
    head = _head(blocks[end], budget - sum(weights[:end])) if blocks[end].kind == "paragraph" else ""
    kept = blocks[:end] + ((replace(blocks[end], cells=(head,)),) if head else ())
    if not kept:
        return None
    tail = whole.blocks[end].text[len(head):]
    rest = [tail, *(b.text for b in whole.blocks[end + 1:])]
    where = f"（“{one_line(whole.blocks[end].section)}”部分）" if whole.blocks[end].section else ""
    note = (f"{PART_CUT}：自第 {end + 1:,} 段{'的后一部分' if head else ''}{where}“{one_line(tail.strip())[:30]}”起的其余 "
            f"{len(rest):,} 段（含 {sum(len(_NUMBER.findall(t)) for t in rest):,} 个数字）"
            f"未读取{'，其所在的表只读了前面的行' if split else ''}：{why}；请将未读的部分（如附表）另存为文件单独起草")
    return replace(document, blocks=kept, skipped=(*(s for s in document.skipped if not s.startswith(PART_CUT)), note),
                   furniture=frozenset(i for i in document.furniture if i < len(kept)))


def _head(block: Block, room: float) -> str:
    """The paragraph's whole sentences while their numbers are within room ("" when its first is past it)."""
    text, seen, kept = block.cells[0], 0, 0
    for m in _SENTENCE.finditer(text):
        seen += len(_NUMBER.findall(m.group(0)))
        if seen > room or not m.group(0):
            break
        kept = m.end()
    return text[:kept] if kept < len(text) else ""


def part_notes(draft: Draft) -> list[str]:
    """The notes of a draft made of a part of its report (its text past the reader's bound, its figures past a
    params file's), for the command to print; none for a whole report."""
    return [s for s in draft.skipped if s.startswith((TEXT_CUT, PART_CUT))]
