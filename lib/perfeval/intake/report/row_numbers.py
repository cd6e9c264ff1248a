"""Numbers that number a report's rows and items rather than state its figures, in text that is not a table's cells:

- lines that open with a whole number, or hold one right after their first word, the numbers counting up by one from
  line to line (a table flattened one row per line: `1 投入 20 18` / `2 过程 30 28`; numbered items: `1 某某项目，预算…`;
  a 决算 statement's 行次 after each row's label: `一、财政拨款收入 1 2,318.40` / `二、事业收入 2`);
- a table saved one cell per line, whose 序号 column's numbers (1, 2, 3 …) stand one row's width of lines apart (under
  a 序号 line, or without one three or more, each before its row's name);
- a table run together on one line (序号 指标 分值 得分 1 投入 20 18 2 过程 30 28 …), and a list run into one paragraph
  (主要做法：1加强培训，2完善制度，3强化监督);
- a 决算 statement run together on one line without its header, each row its label, its 行次 and its amount, two
  tables side by side (一般公共预算财政拨款收入 1 218.40 一般公共服务支出 32 120.50 …): the 行次 rise down each column.

The rule is about where the numbers stand and that they count, never about a report's wording: amounts do not run
1, 2, 3 down a column. A table's own 序号 column (cells) is blanked where the document is built (`numbers_of_tables`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ...core.quantity import CLASS_CODE, SUBJECT_CODE
from .numbers_of_tables import MAX_HEADER_ROWS

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


def row_number_starts(lines: Sequence[str]) -> dict[int, set[int]]:
    """For each line holding numbers that number rows, where each of them starts in the line."""
    out: dict[int, set[int]] = {}
    for pattern in (_OPENING, _AFTER_LABEL):
        found = {i: m for i, line in enumerate(lines) if (m := pattern.match(line)) and not _LONE.match(line)}
        for run in _runs(lines, {i: int(m.group("n")) for i, m in found.items()}, MAX_GAP):
            for i in run:
                out.setdefault(i, {found[i].start("n")})
    for i in _cell_per_line_index(lines):
        out[i] = {len(lines[i]) - len(lines[i].lstrip())}
    for i, line in enumerate(lines):
        if starts := _rows_within(line) | _items_within(line):
            out[i] = out.get(i, set()) | starts
    return out


# An item's number at a clause's start, glued to its words (主要做法：1加强培训，2完善制度，3强化监督).
_ITEM = re.compile(r"(?:^|(?<=[：:，,；;。]))\s*(?P<n>\d{1,2}+)(?=[\u4e00-\u9fff])")


def _items_within(line: str) -> set[int]:
    """Where the numbers of a list run into one paragraph start: at clauses' starts, each glued to its item's words,
    counting 1, 2, 3 … (two or more; a count's unit, 2个, makes it a count whatever its place)."""
    out: set[int] = set()
    expected = 1
    for m in _ITEM.finditer(line):
        n = int(m.group("n"))
        if n == expected:
            out.add(m.start("n"))
            expected += 1
        elif n == 1:
            out, expected = {m.start("n")}, 2
    return out if len(out) >= MIN_HEADED_RUN else set()


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
    return out + _unheaded_index(lines)


MIN_WIDTH = 3  # lines of a row whose number opens it: at two, a number after each label is that label's value


def _unheaded_index(lines: Sequence[str]) -> list[int]:
    """Lone numbers 1, 2, 3 … (three or more) at one width of MIN_WIDTH lines or more, each before a line of words:
    a table saved one cell per line whose header did not name its 序号 column."""
    out: list[int] = []
    for first, line in enumerate(lines):
        if _LONE.sub(r"\g<n>", line) != "1" or not _words_after(lines, first):
            continue
        second = next((k for k in range(first + MIN_WIDTH, min(len(lines), first + MAX_WIDTH + 1))
                       if _LONE.sub(r"\g<n>", lines[k]) == "2"), None)
        if second is None:
            continue
        width = second - first
        k, n, column = first, 1, []
        while k < len(lines) and (m := _LONE.match(lines[k])) and int(m.group("n")) == n and _words_after(lines, k):
            column.append(k)
            k, n = k + width, n + 1
        if len(column) >= MIN_RUN:
            out += column
    return out


def _words_after(lines: Sequence[str], k: int) -> bool:
    return k + 1 < len(lines) and bool(re.search(r"[\u4e00-\u9fff]", lines[k + 1])) and not _LONE.match(lines[k + 1])


# A number standing alone between spaces, before a word: in a table run together on one line, a row's number opens
# the row (its name follows) after the last cell of the row before.
_TOKEN = re.compile(r"\S++")
_WHOLE = re.compile(r"\d{1,3}+")
_WORD = re.compile(r"[\u4e00-\u9fff][^\d]*+")
_CELL_NUMBER = re.compile(r"[≥≤<>＞＜]?[\d.,%％]++")


def _rows_within(line: str) -> set[int]:
    """Where the row numbers of a table run together on one line start (序号 指标 分值 得分 1 投入 20 18 2 过程 30 28
    3 产出 30 30): bare whole numbers counting up by one from 1, each before a word and, after the first, after a
    number (the last cell of the row before); three or more, or two after a 序号 header on the line."""
    tokens = [(m.start(), m.group(0)) for m in _TOKEN.finditer(line)]
    chain: list[int] = []  # indexes of the tokens numbering rows
    for k in range(len(tokens) - 1):
        cell = tokens[k][1]
        if not _WHOLE.fullmatch(cell) or not _WORD.fullmatch(tokens[k + 1][1]):
            continue
        n = int(cell)
        if chain and n == len(chain) + 1 and _CELL_NUMBER.fullmatch(tokens[k - 1][1]):
            chain.append(k)
        elif n == 1 and len(chain) <= 1:
            chain = [k]
    headed = bool(chain) and any(_INDEX_HEADER.match(t) for _, t in tokens[:chain[0]])
    if len(chain) >= MIN_RUN or (len(chain) >= MIN_HEADED_RUN and headed):
        return {tokens[k][0] for k in chain}
    return set()


_AMOUNT_CELL = re.compile(r"-?\d{1,3}+(?:,\d{3})*+\.\d++|-?\d++\.\d++|[-—–－]")


def row_codes_within(text: str) -> list[tuple[int, int]]:
    """Where the 行次 of a 决算 statement run together on one line stand (start, end): whole numbers of up to three
    digits each between a row's label and its amount (written with its decimals, or a dash for none), three rows or
    more, rising down the one column or down each of two side by side (1, 32, 2, 33, 4, 35 …). Read bare, the 行次
    and the amount after it make one number grouped by a space (1 218.40)."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    labelled = [k for k in range(len(tokens) - 1)
                if re.search(r"[\u4e00-\u9fff][^\d\s]*+$", tokens[k][2]) and _WHOLE.fullmatch(tokens[k + 1][2])]
    filled = [k for k in labelled if k + 2 < len(tokens) and _AMOUNT_CELL.fullmatch(tokens[k + 2][2])]
    codes = [(tokens[k + 1][0], tokens[k + 1][1], int(tokens[k + 1][2])) for k in filled]
    numbers = [n for _, _, n in codes]
    if len(codes) < MIN_RUN or not _two_rising(numbers):
        return []
    # an empty row's 行次 stands between its label and the next row's (二、外交支出 34 三、国防支出 35 …): taken when
    # the statement's 行次 with them still rise down one column or two
    empty = [k for k in labelled if k + 2 < len(tokens) and _WORD.match(tokens[k + 2][2]) and k not in filled]
    every = sorted([(tokens[k + 1][0], tokens[k + 1][1], int(tokens[k + 1][2])) for k in empty] + codes)
    return [(a, b) for a, b, _ in (every if _two_rising([n for _, _, n in every]) else codes)]


def _two_rising(numbers: list[int]) -> bool:
    """Do the numbers, in their order, fall into at most two sequences each rising (two columns of 行次 read
    across)? Each goes to the sequence whose last number is the greatest below it."""
    lasts: list[int] = []
    for n in numbers:
        below = [k for k, last in enumerate(lasts) if last < n]
        if below:
            k = max(below, key=lambda j: lasts[j])
            lasts[k] = n
        elif len(lasts) < 2:
            lasts.append(n)
        else:
            return False
    return True


_SPLIT_CODE = re.compile(r"\d{2}")  # the 款 and 项 of a subject code set in columns of their own (201 | 03 | 01)
_NAME_CELL = re.compile(r"[\u4e00-\u9fff]{3}")


def without_subject_codes(cells: tuple[str, ...]) -> tuple[str, ...]:
    """A table row with the budget subject's code before its name blanked (2080505 | 机关事业单位基本养老保险缴费支出,
    or 201 | 03 | 01 | 行政运行): the row's leading cells, a code and the cell of words after it. A code names the
    line; the figures are the amounts after it."""
    filled = [k for k, c in enumerate(cells) if c.strip()]
    first = cells[filled[0]].strip() if filled else ""
    if len(filled) < 2 or not (SUBJECT_CODE.fullmatch(first) or CLASS_CODE.fullmatch(first)):
        return cells
    codes = [filled[0]]
    if len(cells[filled[0]].strip()) == 3:
        for k in filled[1:3]:
            if not _SPLIT_CODE.fullmatch(cells[k].strip()):
                break
            codes.append(k)
    after = filled[len(codes)] if len(codes) < len(filled) else None
    if after is None or not _NAME_CELL.search(cells[after]):
        return cells
    if len(codes) == 1 and len(cells[filled[0]].strip()) == 3 and not cells[after].strip().endswith("支出"):
        return cells  # a class's code names a 支出 (208 | 社会保障和就业支出); 210 | 万元 is an amount and its unit
    return tuple("" if k in codes else c for k, c in enumerate(cells))


# A column of a table whose header names a year or a date (实施年度, 购置年份, 填报日期): its years and dates are when,
# never figures (序号 | 项目名称 | 实施年度 | 预算数 / 1 | 档案数字化 | 2023 | 18.50).
_WHEN_HEADER = re.compile(r"(?:年度|年份|年|日期|时间|时限|期限|周期)\s*$")
_WHEN_CELL = re.compile(r"(?:19|20)\d{2}+(?:\s*年度?)?(?:\s*[-—－~～至]\s*(?:19|20)\d{2}+(?:\s*年度?)?)?"
                        r"|(?:19|20)\d{2}+[-./年]\d{1,2}(?:[-./月]\d{1,2}日?|月)?")


def without_years_of_a_when_column(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The rows of one table with the years and dates blanked in the columns its header names as a year's or a
    date's; every other cell as it was."""
    when = {k for row in rows[:MAX_HEADER_ROWS] for k, c in enumerate(row) if k > 0 and c.strip()
            and _WHEN_HEADER.search(c) and not _WHEN_CELL.fullmatch(c.strip())}  # a header cell 2023年 heads that
    # year's amounts, and years down the first column name the rows of a table turned on its side: neither is this
    if not when:
        return rows
    return [tuple("" if k in when and _WHEN_CELL.fullmatch(c.strip()) else c for k, c in enumerate(row))
            for row in rows]
