"""Numbers that number a report's rows and items rather than state its figures, in text that is not a table's cells:

- lines that open with a whole number, or hold one right after their first word, the numbers counting up by one from
  line to line (a table flattened one row per line: `1 投入 20 18` / `2 过程 30 28`; numbered items: `1 某某项目，预算…`;
  a 决算 statement's 行次 after each row's label: `一、财政拨款收入 1 2,318.40` / `二、事业收入 2`);
- a table saved one cell per line, whose 序号 column's numbers (1, 2, 3 …) stand one row's width of lines apart.

The rule is about where the numbers stand and that they count, never about a report's wording: amounts do not run
1, 2, 3 down a column. A table's own 序号 column (cells) is blanked where the document is built (`numbers_of_tables`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

MIN_RUN = 3  # rows counting up that show their numbers to be row numbers
MIN_HEADED_RUN = 2  # … when a 序号 / 编号 header stands above the first
MAX_GAP = 4  # lines between two numbered rows (a row's text wrapped onto the next lines)
MAX_WIDTH = 12  # lines of one row of a table saved one cell per line

_INDEX_HEADER = re.compile(r"^\s*(?:序\s*号|编\s*号|行\s*次)(?:\s|[|｜]|$)")
# A whole number of up to three digits opening a line (before a space, a cell mark or a word) …
_OPENING = re.compile(r"^\s*(?P<n>\d{1,3}+)(?=\s*[|｜]|\s|[\u4e00-\u9fff])")
# … or standing right after the line's first word (a row's label, then its 行次).
_AFTER_LABEL = re.compile(r"^\s*[^\s\d|｜]+?[\s|｜]+(?P<n>\d{1,3}+)(?=\s|[|｜]|$)")
_LONE = re.compile(r"^\s*(?P<n>\d{1,3}+)\s*[|｜]?\s*$")


def row_number_spans(lines: Sequence[str]) -> dict[int, tuple[int, int]]:
    """For each line whose number numbers its row, that number's span in the line (start, end)."""
    out: dict[int, tuple[int, int]] = {}
    for pattern in (_OPENING, _AFTER_LABEL):
        found = {i: m for i, line in enumerate(lines) if (m := pattern.match(line)) and not _LONE.match(line)}
        for run in _runs(lines, {i: int(m.group("n")) for i, m in found.items()}, MAX_GAP):
            out.update({i: found[i].span("n") for i in run if i not in out})
    out.update({i: m.span("n") for i in _cell_per_line_index(lines) if (m := _LONE.match(lines[i]))})
    return out


def _runs(lines: Sequence[str], numbers: dict[int, int], max_gap: int) -> list[list[int]]:
    """Runs of lines whose numbers count up by one, each line at most max_gap lines after the last, long enough to
    be numbering (MIN_RUN, or MIN_HEADED_RUN under a 序号 header)."""
    runs: list[list[int]] = []
    awaiting: dict[int, list[int]] = {}  # the number a run awaits next → that run (the latest one awaiting it)
    for i in sorted(numbers):
        run = awaiting.pop(numbers[i], None)
        if run is None or i - run[-1] > max_gap + 1:
            run = []
            runs.append(run)
        run.append(i)
        awaiting[numbers[i] + 1] = run
    return [r for r in runs if len(r) >= MIN_RUN or (len(r) >= MIN_HEADED_RUN and _headed(lines, r[0]))]


def _headed(lines: Sequence[str], first: int) -> bool:
    """Is there a 序号 / 编号 / 行次 column header on the line above the run's first row (or two above)?"""
    return any(_INDEX_HEADER.match(lines[k]) for k in range(max(0, first - 2), first))


def _cell_per_line_index(lines: Sequence[str]) -> list[int]:
    """Lines of a table saved one cell per line that hold its 序号 column: under a 序号 line, the lone numbers 1, 2, 3 …
    one row's width apart (the width: the header's lines down to the first number)."""
    out: list[int] = []
    for h, line in enumerate(lines):
        if not _INDEX_HEADER.match(line) or _LONE.match(line) or len(line.strip(" |｜")) > 4:
            continue
        first = next((k for k in range(h + 1, min(len(lines), h + MAX_WIDTH + 1)) if _LONE.match(lines[k])), None)
        if first is None or _LONE.sub(r"\g<n>", lines[first]) != "1":
            continue
        width = first - h
        k, n, column = first, 1, []
        while k < len(lines) and (m := _LONE.match(lines[k])) and int(m.group("n")) == n:
            column.append(k)
            k, n = k + width, n + 1
        if len(column) >= MIN_HEADED_RUN:
            out += column
    return out
