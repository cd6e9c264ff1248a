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

import dataclasses
import re
from itertools import accumulate
from pathlib import Path
from typing import Callable, TypeVar

from ...errors import DraftTooLarge
from ...intake.report import Document, Draft, draft_report, read_document
from ...intake.report.document import TEXT_CUT
from ...safetext import one_line

T = TypeVar("T")
MARGIN = 0.85  # of the share the bound allows: the proxy counts years and row numbers the reader does not draft
MAX_CUTS = 4  # drafts tried before the refusal stands (each cut keeps at most MARGIN of the one before)
PART_CUT = "报告只起草了前一部分"  # the start of the note; `perfeval draft` prints it
_NUMBER = re.compile(r"\d+(?:[.．]\d+)?")


def drafted_in_part(report: Path, finish: Callable[[Draft], T], *, framework: str | None = None,
                    unit_id: str | None = None, name: str | None = None,
                    year: int | None = None) -> tuple[Draft, T]:
    """The report drafted and `finish`ed (settled, as it will be written); when the draft would hold more than a
    params file may (DraftTooLarge, from the reader or from settling), drafted again from the part of the report
    that fits, its rest said unread. The refusal stands only when no part fits after MAX_CUTS tries."""
    document = whole = read_document(report)
    for attempt in range(MAX_CUTS + 1):
        try:
            draft = draft_report(report, framework, unit_id, name, year, document=document)
            return draft, finish(draft)
        except DraftTooLarge as exc:
            smaller = cut(document, exc.bound / exc.held, whole, exc.why) if attempt < MAX_CUTS else None
            if smaller is None:
                raise
            document = smaller
    raise AssertionError("unreachable")  # the loop returns or raises


def cut(document: Document, share: float, whole: Document, why: str) -> Document | None:
    """The document up to the block where `share` (times MARGIN) of its numbers is reached, the rest of `whole` (the
    report as read, of which the document is the start) said in a note, with `why`, in place of an earlier cut's;
    None when nothing would be left."""
    blocks = document.blocks
    weights = [len(_NUMBER.findall(b.text)) for b in blocks]
    kept = min(share, 1.0) * MARGIN
    budget = sum(weights) * kept
    end = next((i for i, seen in enumerate(accumulate(weights)) if seen > budget), int(len(blocks) * kept))
    table = blocks[end].table if end < len(blocks) else None
    if end > 0 and table is not None and blocks[end - 1].table == table:
        first = next(i for i in range(end, -1, -1) if i == 0 or blocks[i - 1].table != table)
        if sum(weights[:first]) >= budget / 4:  # the table whole unread, unless little else would be read
            end = first
    if end <= 0:
        return None
    rest, counted = whole.blocks[end:], [len(_NUMBER.findall(b.text)) for b in whole.blocks[end:]]
    start = one_line(rest[0].text)[:30]
    where = f"（“{one_line(rest[0].section)}”部分）" if rest[0].section else ""
    split = table is not None and end < len(blocks) and blocks[end - 1].table == table
    note = (f"{PART_CUT}：自第 {end + 1:,} 段{where}“{start}”起的其余 {len(rest):,} 段（含 {sum(counted):,} 个数字）"
            f"未读取{'，其所在的表只读了前面的行' if split else ''}：{why}；请将未读的部分（如附表）另存为文件单独起草")
    return dataclasses.replace(document, blocks=blocks[:end],
                               skipped=(*(s for s in document.skipped if not s.startswith(PART_CUT)), note),
                               furniture=frozenset(i for i in document.furniture if i < end))


def part_notes(draft: Draft) -> list[str]:
    """The notes of a draft made of a part of its report (its text past the reader's bound, its figures past a
    params file's), for the command to print; none for a whole report."""
    return [s for s in draft.skipped if s.startswith((TEXT_CUT, PART_CUT))]
