"""Tables a web page saved one cell per line, rebuilt as the rows they were: a header-and-values table (三公经费: /
0 / 0 / 0), a form's budget block (a 绩效自评表's 年初预算数 / 全年预算数 / 全年执行数 …) and a 绩效自评表's indicator
rows (一级指标 … 分值 / 得分, each row's cells on lines of their own, merged cells standing once).

The text comes as lines with nothing to say where a row ends; what a row holds says it (a row of values is as wide
as its header, an indicator row ends in its 分值 and 得分). Lines that make no such table stay the paragraphs they
were. Nothing here reads a figure: the rows go to the table readers as a Word table's would.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable

from ...core.quantity import parse_quantity
from ...core.script import simplified
from ..documents import Row, Skipped, clean

MAX_HEADER_CELL = 24  # characters of a line that can be a column header of a table saved one cell per line
MAX_HEADER_LINES = 24  # short lines a table's header (titles and column names) saved one cell per line may run to
MAX_BARE_ROWS = 6  # row labels without values a table saved one cell per line may hold between its rows
CELL_TABLES = 100_000  # table numbers from here on are tables rebuilt from one cell per line
FLATTENED_TABLES = 10_000_000  # and from here on, tables rebuilt from a line they were run together on
ROW_LINE_TABLES = 15_000_000  # and from here on, a form's rows rebuilt from lines a row each (_rows_run_together)
STATEMENT_TABLES = 20_000_000  # and from here on, a 决算 statement's rows rebuilt from its text (see _statements)
_LONE_NUMBER = re.compile(r"[-－]?[\d.,，]+\s*[%％]?")
_COLUMN_HEADER = re.compile(r"(?:19|20)\d{2}\s*年|预算数|决算数|执行数")  # a new header, not a row left bare


def _lone_number(line: str) -> bool:
    return bool(_LONE_NUMBER.fullmatch(line))


def _header_like(line: str) -> bool:
    return bool(line) and len(line) <= MAX_HEADER_CELL and not _lone_number(line) \
        and not re.search(r"[。；;！!？?]$", line)


MAX_RESTORE_WINDOW = 4000  # characters ahead of the last cell restored where the next cell's writing is looked for


def cell_per_line_tables(items: Iterable[str | Row | Skipped]) -> list[str | Row | Skipped]:
    """The tables of a text (see _cell_per_line_tables), a copy in traditional characters rebuilt from its text read
    as simplified (績效自評表's 一級指標 / 實際完成值 are the headers 一级指标 / 实际完成值, character for character) and
    every line and cell it gives written as the copy writes it."""
    items = list(items)
    texts = [x for x in items if isinstance(x, str)]
    if all(simplified(x) == x for x in texts):
        return _cell_per_line_tables(items)
    kept = {id(x) for x in items if not isinstance(x, str)}
    rebuilt = _cell_per_line_tables([simplified(x) if isinstance(x, str) else x for x in items])
    written = "\n".join(clean(x) for text in texts for x in text.split("\n"))  # the lines as they are read
    restore = _Restorer(written, simplified(written))
    return [x if id(x) in kept else restore.text(x) if isinstance(x, str)
            else Row(tuple(restore.text(c) for c in x.cells), x.table) if isinstance(x, Row) else x for x in rebuilt]


class _Restorer:
    """Text read as simplified given back as written: each piece found in the simplified text a little before or
    after the last piece found (pieces come in the text's order, a side of a statement moved at most a table
    later), and the written text at the same place (the reading is one for one); a piece not found stays."""

    def __init__(self, written: str, read: str) -> None:
        self.written, self.read, self.at = written, read, 0

    def text(self, piece: str) -> str:
        if not piece or simplified(piece) != piece:
            return piece
        lo = max(0, self.at - MAX_RESTORE_WINDOW)
        found = self.read.find(piece, lo, self.at + MAX_RESTORE_WINDOW + len(piece))
        if found < 0:
            return piece
        self.at = found
        return self.written[found:found + len(piece)]


def _cell_per_line_tables(items: Iterable[str | Row | Skipped]) -> list[str | Row | Skipped]:
    """Tables a web page saved one cell per line, rebuilt as rows: a run of short header lines followed by rows
    of a label and as many lines holding one number each (三公经费: / 0 / 0 / 0, at least two such rows) is a
    header row and its rows; a run of short lines followed by exactly as many numbers (编制数 / 2023 年实际在职人数 /
    控制率 / 46 / 50 / 108.70%) a header row and a row of values. Anything else stays as the paragraphs it was."""
    lines: list[str | Row | Skipped] = []
    for item in items:
        if isinstance(item, str):
            for x in item.split("\n"):
                if x and not x.strip() and x.strip("\r\n"):
                    lines.append("|")  # a line of spaces alone: a cell the page left empty, as a lone | marks one
                    continue
                lines += [t for t in _unflattened(clean(x), FLATTENED_TABLES + len(lines)) if t]
        else:
            lines.append(item)
    lines = _spaced_tables(_statements(_rows_run_together(_rejoined(lines))))
    out: list[str | Row | Skipped] = []
    k, table = 0, CELL_TABLES
    marked = _MarkedCells(lines)
    while k < len(lines):
        if isinstance(lines[k], str) and _pairs(lines[k]):
            table += 0 if k and isinstance(lines[k - 1], str) and _pairs(lines[k - 1]) else 1
            out.append(Row(tuple(c for pair in _pairs(lines[k]) for c in pair), table))
            k += 1
            continue
        form = _indicator_form(lines, k) or _scored_form(lines, k)
        if form is not None:
            rows, k = form
            table += 1
            out += [Row(tuple(cells), table) for cells in rows]
            continue
        found = _numbered_cells(lines, k) or _grouped_header(lines, k) or _marked_grid(marked, k) or _cell_table(lines, k) \
            or _labels_between(lines, k) or _spaced_header(lines, k)
        if found is None:
            form = _form_table(lines, k)
            if form is not None and any(_labels_between(lines, x) or _numbered_cells(lines, x)
                                        for x in range(k + 1, k + len(form[0]) + 1)):
                form = None  # the lines it would take as its caption head a table of their own
            if form is None:
                out.append(lines[k])
                k += 1
                continue
            before, rows, after, k = form
            table += 1
            out += [*before, *(Row(tuple(cells), table) for cells in rows), *after]
            continue
        rows, k = found
        table += 1
        out += [Row(tuple(cells), table) for cells in rows]
    return out


_FRAGMENT = re.compile(r"^(?:年初|全年|年度|实际|上年|本年|调整后)$")
_COMPLETION = re.compile(r"^(?:预算|执行|决算|指标|完成|目标)\S{0,4}$")


def _rejoined(lines: list[str | Row | Skipped]) -> list[str | Row | Skipped]:
    """Column names a page broke inside their cell (年初 / 预算数, 年度 / 指标值, 实际 / 完成值) joined again."""
    out: list[str | Row | Skipped] = []
    for line in lines:
        last = out[-1] if out else None
        if isinstance(line, str) and isinstance(last, str) and _FRAGMENT.match(_unmarked(last)) \
                and _COMPLETION.match(_unmarked(line)):
            out[-1] = _unmarked(last) + _unmarked(line)
            continue
        out.append(line)
    return out


_EMPTY_CELL = re.compile(r"[/／\-－—–]")  # a form's mark for a cell with nothing to state


def _form_table(lines: list, k: int) -> tuple[list[str], list[list[str]], list[str], int] | None:
    """A form (a 绩效自评表's budget block) saved one cell per line: a header run whose last column names stand over
    rows of a label and up to as many values, left-aligned, cells left empty at a row's end or marked / , a note
    between two rows (填表说明) kept as a paragraph after the table. The column names are the last w header lines
    for the largest w that puts every percentage under a rate column and no other value under one (_fitted); a form with no
    percentage, or fewer than two rows, gives no such test and stays as its paragraphs.
    Returns (header lines above the columns, rows, notes, the line after it), or None."""
    def text(i: int) -> str:
        return _unmarked(lines[i]) if i < len(lines) and isinstance(lines[i], str) else ""

    def value(i: int) -> bool:
        return _lone_number(text(i)) or bool(_EMPTY_CELL.fullmatch(text(i))) or _marked_empty(lines, i)

    n = 0
    while n < MAX_HEADER_LINES and _header_like(text(k + n)) and not value(k + n):
        n += 1
    if n < 3 or not value(k + n):
        return None
    rows: list[list[str]] = []
    notes: list[str] = []
    i = k + n - 1
    while _header_like(text(i)) and value(i + 1):
        j = i + 1
        while value(j):
            j += 1
        rows.append([text(i)] + ["" if _EMPTY_CELL.fullmatch(text(x)) else text(x) for x in range(i + 1, j)])
        i = j
        if not _header_like(text(i)) and text(i) and _header_like(text(i + 1)) and value(i + 2):
            notes.append(text(i))  # a note between two rows of the form
            i += 1
    values = [r[1:] for r in rows]
    if len(rows) < 2 or not any("%" in v or "％" in v for r in values for v in r):
        return None
    for w in range(n - 1, 1, -1):
        header = [text(x) for x in range(k + n - 1 - w, k + n - 1)]
        fitted = _fitted(header, values)
        if fitted is not None:
            return ([text(x) for x in range(k, k + n - 1 - w)], [[""] + header]
                    + [[row[0], *cells] for row, cells in zip(rows, fitted)], notes, i)
    return None


def _fitted(header: list[str], rows: list[list[str]], bare: bool = False) -> list[list[str]] | None:
    """Each row's values under the header's columns, or None when they cannot stand there: left-aligned when every
    percentage then stands under a rate column and no other value does; else, when the widest rows stand so, each
    shorter row's values in order under the next columns they fit (a page that dropped a form's empty cells leaves
    财政拨款 | 1000 | 1100 | 1067 | 97.00% under 年初 | 全年 | 执行 | 分值 | 执行率 | 得分: 97.00% is the 执行率)."""
    if any(len(r) > len(header) for r in rows):
        return None
    if _rates_fit(header, rows, bare):
        return rows
    widest = max(len(r) for r in rows)
    if not _rates_fit(header, [r for r in rows if len(r) == widest], bare):
        return None
    out = []
    for row in rows:
        placed: list[str] = []
        for value in row:
            while len(placed) < len(header) and value and not _rates_fit(header[len(placed):len(placed) + 1], [[value]], bare):
                placed.append("")
            if len(placed) == len(header):
                return None
            placed.append(value)
        out.append(placed)
    return out


def _cell_table(lines: list, k: int, labelled: bool = True) -> tuple[list[list[str]], int] | None:
    """The rows of a one-cell-per-line table whose header starts at line k, and the line after it; or None.

    Of the short lines from k, all but the last are the header when rows of a label and as many numbers follow
    (the last short line is the first row's label); else all of them are, when exactly as many numbers follow. A
    first line naming the label column (项目 / 决算数 / 占比 / 公务接待费 / 6.00 / 25.00%) heads the rows' labels."""
    if labelled and _LABEL_HEAD.fullmatch(_unmarked(lines[k]) if isinstance(lines[k], str) else ""):
        found = _cell_table(lines, k + 1, labelled=False)
        if found is not None and found[0] and not found[0][0][0]:
            return [[_unmarked(lines[k]), *found[0][0][1:]], *found[0][1:]], found[1]

    def text(i: int) -> str:
        return _unmarked(lines[i]) if i < len(lines) and isinstance(lines[i], str) else ""

    def numbers(i: int, width: int) -> bool:
        return all(_lone_number(text(i + j)) for j in range(width)) and not _lone_number(text(i + width))

    n = 0
    while n < MAX_HEADER_LINES and _header_like(text(k + n)):
        n += 1  # bounded: tried from every line, an unbounded run of short lines would cost its square
    width = n - 1
    rows: list[list[str]] = []
    i = k + width
    while width >= 2:
        bare = 0  # rows the page left without values (1、业务工作经费), kept while valued rows follow
        while bare < MAX_BARE_ROWS and _header_like(text(i + bare)) and not _COLUMN_HEADER.search(text(i + bare)) \
                and not numbers(i + bare + 1, width):
            bare += 1
        at = i + bare
        if not (_header_like(text(at)) and numbers(at + 1, width)):
            break
        rows += [[text(i + j)] for j in range(bare)] + [[text(at)] + [text(at + 1 + j) for j in range(width)]]
        i = at + 1 + width
    header = [text(k + j) for j in range(max(width, 0))]
    valued = [r[1:] for r in rows if len(r) > 1]
    if valued and _rates_fit(header, valued) and (len(valued) >= 2 or any("%" in v or "％" in v for v in valued[0])):
        return [[""] + header] + rows, i
    if n >= 2 and numbers(k + n, n):
        header, values = [text(k + j) for j in range(n)], [text(k + n + j) for j in range(n)]
        if _rates_fit(header, [values]):
            return [header, values], k + 2 * n
    if n >= 3 and numbers(k + n, n - 1) and not _CAPTION.search(text(k)) \
            and all(_COLUMN_NAME.search(text(k + j)) for j in range(1, n)):
        header, values = [text(k + j) for j in range(1, n)], [text(k + n + j) for j in range(n - 1)]
        if _rates_fit(header, [values]):  # a row's label set above its columns' names (年度总体目标 / 预期目标 / 实际完成情况)
            return [["", *header], [text(k), *values]], k + 2 * n - 1
    return None


def _numbered_cells(lines: list, k: int) -> tuple[list[list[str]], int] | None:
    """A one-cell-per-line table whose first column numbers its rows (序号 / 项目 / 年初预算数 / … / 一 / 基本支出 / 800.00
    / …, a 合计 row's number left out or an empty cell's lone |): its header, then rows of a number, a label and as
    many values as the header has columns after its two, each number in a 序号 column of its own (taken out as the
    document is built) — the numbers would otherwise be read as the cells of the row above, or as column names."""
    def text(i: int) -> str:
        return _unmarked(lines[i]) if i < len(lines) and isinstance(lines[i], str) else ""

    if not (_INDEX_HEAD.match(text(k)) and _LABEL_HEAD.fullmatch(text(k + 1))):
        return None
    i = k + 2
    while i < k + MAX_HEADER_LINES and _header_like(text(i)) and not _ROW_NO.match(text(i)):
        i += 1
    columns = [text(j) for j in range(k + 2, i)]
    if len(columns) < 2 or not _ROW_NO.match(text(i)):
        return None
    rows: list[list[str]] = []
    while len(rows) < MAX_TYPED_ROWS:
        number = text(i) if _ROW_NO.match(text(i)) or _marked_empty(lines, i) else None
        at = i + (1 if number is not None else 0)
        values = [text(at + 1 + j) for j in range(len(columns))]
        if not (_header_like(text(at)) and not _ROW_NO.match(text(at)) and all(_lone_number(v) for v in values)):
            break
        rows.append([number or "", text(at), *values])
        i = at + 1 + len(columns)
    if len(rows) < 2 or not _rates_fit(columns, [r[2:] for r in rows]):
        return None
    return [[text(k), text(k + 1), *columns], *rows], i


_LABEL_HEAD = re.compile(r"项目|科目|项目名称|资金来源|类别|名称|指标")  # a header naming the rows' labels
_LABELS_HEAD = re.compile(r"(?:指标|项目|科目|类别|内容)(?:名称)?|名称|资金来源")  # a column of labels
_VALUE_HEAD = re.compile(r"数值|数据|数额|金额|数量|值")  # a header naming values, whatever they are of
MAX_TYPED_ROWS = 200  # rows of a table with labels between its values read at one place


def _labels_between(lines: list, k: int) -> tuple[list[list[str]], int] | None:
    """A table saved one cell per line whose rows hold labels between their values (指标 / 项目 / 数值 / 项目 / 数值 /
    比率 over 在职人员控制率 / 编制数 / 50 / 在职人数 / 48 / 96.00%): each header cell says what its column holds —
    words under a column naming labels (项目, 指标), a value under one naming values (数值, 比率, 编制数) — so a row
    is as many lines as the header has cells, each of its column's kind (a value's cell may be left empty, a lone |);
    two rows at least, the width that reads the most. Rows of a label then values are _cell_table's."""
    def text(i: int) -> str:
        return _unmarked(lines[i]) if i < len(lines) and isinstance(lines[i], str) else ""

    def fits(label: bool, i: int) -> bool:
        cell = text(i)
        if label:
            return _header_like(cell) and not _lone_number(cell)
        return _lone_number(cell) or _marked_empty(lines, i) or bool(_EMPTY_CELL.fullmatch(cell))

    best: tuple[int, int] = (0, 0)  # (rows read, width)
    for width in range(3, MAX_MARKED_WIDTH + 1):
        header = [text(k + j) for j in range(width)]
        if not all(_header_like(h) and not _lone_number(h) for h in header):
            break
        kinds = [bool(_LABELS_HEAD.fullmatch(h)) for h in header]
        if not all(label or _VALUE_HEAD.fullmatch(h) or _COLUMN_NAME.search(h) for h, label in zip(header, kinds)) \
                or not any(label and False in kinds[:j] for j, label in enumerate(kinds)):
            continue
        rows = 0
        while rows < MAX_TYPED_ROWS and all(fits(label, k + (rows + 1) * width + j) for j, label in enumerate(kinds)):
            rows += 1
        best = max(best, (rows, -width))
    rows, width = best[0], -best[1]
    if rows < 2:
        return None
    return [["" if _marked_empty(lines, k + n * width + j) else text(k + n * width + j) for j in range(width)]
            for n in range(rows + 1)], k + (rows + 1) * width
_CAPTION = re.compile(r"情况|表|单位|[（(][^）)]*$")  # a table's caption above its columns, no row's label
_COLUMN_NAME = re.compile(r"目标|完成|预算|执行|决算|[数值额率]$|情况$|(?:19|20)\d{2}\s*年")


def _rates_fit(header: list[str], rows: list[list[str]], bare: bool = False) -> bool:
    """Do percentages stand exactly under the columns that name a rate (控制率, 执行率)? A reading that puts
    108.70% under 实际在职人数 has the columns shifted by one. With `bare` (rows whose ends the lines give), a rate
    column whose header gives % as its unit (执行率（%）) holds bare numbers too; where rows are guessed from lines of
    cells, a bare number under a rate column says the guess is off."""
    def fits(head: str, value: str) -> bool:
        rate, percent = bool(re.search(r"率|%|％|比例|比重|占比", head)), "%" in value or "％" in value
        return percent == rate or (bare and rate and _PERCENT_UNIT.search(head) is not None)

    return all(fits(h, v) for row in rows for h, v in zip(header, row) if v)


_PERCENT_UNIT = re.compile(r"[（(]\s*[%％]\s*[）)]")


# ---------------------------------------------------------------- a 绩效自评表's indicator rows

MAX_ROW_LINES = 9  # lines of one indicator row before its 分值 and 得分: two levels, name, target, actual, a note
MAX_DEVIATION = 200  # characters of the deviation note a row may end with
TARGET_COLUMN = r"(?:年度|预期|计划)?(?:指标值|目标值?)"  # 年度指标值, 预期指标值, 年度目标, 目标值: what was set
ACTUAL_COLUMN = r"(?:全年)?实际(?:完成)?(?:值|数|情况)?|(?:实际)?完成(?:值|数|情况)"  # 实际完成值, 全年实际值, 完成情况
NOTE_COLUMN = r"偏差原因.*|未完成原因.*|原因分析.*|改进措施.*|备注|说明"  # the deviation note a row may end with
_INDICATOR_COLUMNS = re.compile(rf"^(?:[一二三]级指标|指标名称|指标性质|指标方向|{TARGET_COLUMN}|度量单位|计量单位|"
                                rf"{ACTUAL_COLUMN}|(?:指标)?分值|权重|(?:自评|评价)?得分|{NOTE_COLUMN})"
                                r"(?:[（(]\s*分\s*[）)])?$")
_WEIGHT_HEADER = re.compile(r"^(?:指标)?(?:分值|权重)(?:[（(]\s*分\s*[）)])?$")
_SCORE_HEADER = re.compile(r"^(?:自评|评价)?得分(?:[（(]\s*分\s*[）)])?$")
_LEVEL = re.compile(r"^(?!.*(?:达成|完成|实现))[^\d，。；：,;:]{1,12}?指标\s*(?:[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)])?$")
_POINTS_ALONE = re.compile(r"^[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]$")
_LEVEL1 = re.compile(r"^(?:产出|效益|满意度|效果)指标$|分\s*[）)]$")  # a level cell alone that is the first level
_PLACEHOLDER = re.compile(r"^(?:…+|\.{3,}|指标\d{1,2}[:：]?)$")  # the national form's empty rows (指标2： / ……)
_SCORE = re.compile(r"^\d+(?:\.\d+)?\s*分?$")
_TOTAL_LINE = re.compile(r"^(?:总\s*分|合\s*计|总\s*计|合计得分|综合得分|自评总分|总得分)[：:]?$")
_GRADE_LINE = re.compile(r"^(?:自评|综合|评价|绩效)?(?:等级|等次|结果)[：:]?$")
_GRADE_WORD = re.compile(r"^[“\"]?(?:优秀?|良好?|中等?|较?差)[”\"]?$")


def _unmarked(line: str) -> str:
    """A line without the | a web page saved after every cell (人员编制 | / 84 |); a lone | is an empty cell."""
    text = line.strip()
    return text[:-1].rstrip() if text.endswith("|") else text


def _marked_empty(lines: list, i: int) -> bool:
    return i < len(lines) and isinstance(lines[i], str) and lines[i].strip() == "|"


MAX_MARKED_WIDTH = 16  # cells of a row of a table saved one cell per line with a | after each


class _MarkedCells:
    """The lines read once for _marked_grid, which is tried at every line: each line's cell when it is marked with a
    | (else None), and running counts of marked lines, lone numbers and column names, so that a width is tried in
    constant time until a header and a row with values stand there."""

    def __init__(self, lines: list) -> None:
        self.cells = [_unmarked(x) if isinstance(x, str) and x.strip().endswith("|") else None for x in lines]
        self.marked, self.numbers, self.names = [0], [0], [0]
        for cell in self.cells:
            self.marked.append(self.marked[-1] + (cell is not None))
            self.numbers.append(self.numbers[-1] + (cell is not None and _lone_number(cell)))
            self.names.append(self.names[-1] + (cell is not None and _COLUMN_NAME.search(cell) is not None))

    def row(self, start: int, width: int) -> list[str] | None:
        """The cells of lines start … start + width − 1 when all are marked."""
        end = start + width
        if end > len(self.cells) or self.marked[end] - self.marked[start] < width:
            return None
        return [c or "" for c in self.cells[start:end]]

    def holds(self, counts: list[int], start: int, width: int) -> int:
        return counts[min(start + width, len(self.cells))] - counts[min(start, len(self.cells))]


def _marked_grid(marked: _MarkedCells, k: int) -> tuple[list[list[str]], int] | None:
    """A table a web page saved one cell per line with a | after every cell, an empty cell a lone | (项目资金（万元） |
    / | / 年初预算数 | … / | / 年度资金总额 | / 1200.00 | …): every cell kept, so each row is as many lines as its header
    has cells. The width is the one that reads the most rows under a header of words naming two columns or more, each
    row words first and then values under named columns only (a percentage only under a rate column); two rows at
    least, or one holding a percentage that the table ends with (编制数 | 实际在职人数 | 控制率 over | 50 | 48 | 96% |).
    Returns (the header and rows, the line after them), or None."""
    best: tuple[int, int] = (0, 0)  # (rows read, width)
    for width in range(3, MAX_MARKED_WIDTH + 1):
        header = marked.row(k, width)
        if header is None:
            break
        if marked.holds(marked.numbers, k, width) or marked.holds(marked.names, k, width) < 2 \
                or not marked.holds(marked.numbers, k + width, width):
            continue
        rows = 0
        while (row := marked.row(k + (rows + 1) * width, width)) is not None and _marked_row(header, row):
            rows += 1
        if rows == 1 and (marked.row(k + 2 * width, 1) is not None
                          or not any("%" in c or "％" in c for c in marked.row(k + width, width) or [])):
            rows = 0  # one row makes a table that ends there, a percentage under its rate column (控制率 | 92%)
        best = max(best, (rows, -width))
    rows, width = best[0], -best[1]
    if rows < 1:
        return None
    return [marked.row(k + n * width, width) or [] for n in range(rows + 1)], k + (rows + 1) * width


def _spaced_header(lines: list, k: int) -> tuple[list[list[str]], int] | None:
    """A header of column names on one line between single spaces (a PDF's text: 财政供养人员情况 编制数 实际在职人数
    控制率) over lines of as many values, or one fewer (the row's label cell left empty), a label before them or none
    — or, run together, the header and one row of values on the line: each line a row, when every percentage stands
    under a rate column and no other value does, counted from the right, and at least one does."""
    tokens = lines[k].split(" ") if isinstance(lines[k], str) else []
    words = next((n for n, c in enumerate(tokens) if _lone_number(c)), len(tokens))
    head, run = tokens[:words], [tokens[words:]] if words < len(tokens) else []
    if len(head) < 3 or not all(_header_like(c) and not _lone_number(c) for c in head) \
            or not all(_COLUMN_NAME.search(c) for c in head[1:]):
        return None
    rows: list[list[str]] = []
    at = k + 1
    for cells in run or (x.split(" ") for x in lines[k + 1:k + 1 + MAX_TYPED_ROWS] if isinstance(x, str)):
        values = cells[1:] if not _lone_number(cells[0]) else cells
        if len(cells) > len(head) or len(values) < len(head) - 1 or not all(_lone_number(v) for v in values):
            break
        row = [*([""] * (len(head) - len(cells))), *cells]
        if not _rates_fit(head[1:], [row[1:]]):
            break
        rows.append(row)
        at += 0 if run else 1
    if not rows or not any("%" in c or "％" in c for row in rows for c in row):
        return None
    return [head, *rows], at


_PADDING = re.compile(r"\|{2,}")  # a line of bars alone: the empty cells that pad a row to the table's width


def _padded_row(lines: list, i: int) -> tuple[list[str], int, int] | None:
    """A row of a table saved one cell per line with a | after every cell, as a page that pads each row to the
    table's width with its empty cells on one line of bars (公务 接待费 | / ||): (its cells, the empty cells padding
    it, the line after it), or None when no line of bars closes the cells from line i."""
    cells: list[str] = []
    j = i
    while j < len(lines) and len(cells) < MAX_MARKED_WIDTH and isinstance(lines[j], str) \
            and lines[j].strip().endswith("|") and not _PADDING.fullmatch(lines[j].strip()):
        cells.append(_unmarked(lines[j]))
        j += 1
    if cells and j < len(lines) and isinstance(lines[j], str) and _PADDING.fullmatch(lines[j].strip()):
        return cells, len(lines[j].strip()), j + 1
    return None


def _group_of(top: list[str], under: list[str]) -> int | None:
    """Which cell of a header's first row heads the columns its second row names (公务用车购置及运行费 over 小计 /
    公务用车购置费 / 公务用车运行费): the one whose words the second row's names open with, the most of them, alone."""
    named = [u for u in under if not TOTAL_SUB.fullmatch(u)] or under
    shared = [min(len(os.path.commonprefix([t, u])) for u in named) for t in top]
    best = max(shared)
    return shared.index(best) if best >= MIN_GROUP_WORDS and shared.count(best) == 1 else None


TOTAL_SUB = re.compile(r"小计|合计|计")
MIN_GROUP_WORDS = 2


def _grouped_header(lines: list, k: int) -> tuple[list[list[str]], int] | None:
    """A table whose header is two rows — a group cell over the columns its second row names (“三公”经费合计 | 因公出国
    (境)费 | 公务用车购置及运行费 | 公务接待费, then 小计 | 公务用车购置费 | 公务用车运行费) — saved one cell per line
    with a | after every cell, each row padded to the table's width by a line of bars, the cells merged across or
    down gone: rebuilt as Word keeps it (the group followed by an empty cell per further column it heads, the second
    row's names under it), its rows of values below, as many cells each as the table is wide."""
    top = _padded_row(lines, k)
    under = _padded_row(lines, top[2]) if top is not None else None
    if top is None or under is None:
        return None
    (heads, pad, _), (subs, sub_pad, at) = top, under
    width = len(heads) + pad
    if len(subs) < 2 or len(subs) + sub_pad != width or len(heads) - 1 + len(subs) != width \
            or any(not c or _lone_number(c) for c in heads + subs):
        return None
    group = _group_of(heads, subs)
    if group is None:
        return None
    rows: list[list[str]] = []
    while at + width <= len(lines) and len(rows) < MAX_TYPED_ROWS:
        cells = [_unmarked(x) if isinstance(x, str) and x.strip().endswith("|") else None for x in lines[at:at + width]]
        row = [c or "" for c in cells]
        if None in cells or not any(_lone_number(c) for c in row) or not all(
                not c or _lone_number(c) or _EMPTY_CELL.fullmatch(c) for c in row[1:]):
            break
        rows.append(row)
        at += width
    if not rows:
        return None
    spread = [*heads[:group + 1], *[""] * (len(subs) - 1), *heads[group + 1:]]
    below = [*[""] * group, *subs, *[""] * (len(heads) - 1 - group)]
    return [spread, below, *rows], at


def _marked_row(header: list[str], row: list[str]) -> bool:
    """Does a row stand under the header: words first (or none, the header's first cell labelling it), then at least
    one value, each under a named column, and no words after its first value (a mark — for none aside)?"""
    valued = [n for n, c in enumerate(row) if _lone_number(c)]
    if not valued or not all(header[n] for n in valued) or not _rates_fit(header, [row], bare=True):
        return False
    labelled = any(c and not _EMPTY_CELL.fullmatch(c) for c in row[:valued[0]]) \
        or (valued[0] == 1 and not row[0])  # under a header whose first cell labels the row (财政供养人员情况)
    return labelled and all(not c or _lone_number(c) or _EMPTY_CELL.fullmatch(c) for c in row[valued[0]:])


def _indicator_header(lines: list, k: int) -> list[str] | None:
    """The column names of a 绩效自评表's indicator rows starting at line k (一级指标 … 得分, 偏差原因), or None:
    short lines naming columns, among them 分值 (or 权重) and 得分 after each other, an 实际完成值 and a target."""
    header: list[str] = []
    while len(header) < 12 and k + len(header) < len(lines) and isinstance(lines[k + len(header)], str) \
            and _INDICATOR_COLUMNS.match(_unmarked(lines[k + len(header)])):
        header.append(_unmarked(lines[k + len(header)]))
    weight = next((c for c, h in enumerate(header) if _WEIGHT_HEADER.match(h)), None)
    if weight is None or weight < 3 or weight + 1 >= len(header) or not _SCORE_HEADER.match(header[weight + 1]):
        return None
    if any(re.fullmatch(ACTUAL_COLUMN, h) for h in header) and any(re.fullmatch(TARGET_COLUMN, h) for h in header):
        return header
    return None


def _indicator_form(lines: list, k: int) -> tuple[list[list[str]], int] | None:
    """A 绩效自评表's indicator rows saved one cell per line, rebuilt as rows under their column names.

    A row is the lines up to two numbers that stand alone together (its 分值 and 得分; a bare actual before them
    makes three); before them its name and up to two values (target, actual), and before the name the level cells
    the row opens (…指标, with its （N分）) and, first, the deviation note the row before ended with. Merged level
    cells stand on the first row they span, so a row holds only the levels it opens. A 总分 line with its numbers
    and a grade line close the table. A row that cannot be read so ends it; fewer than two rows make no table."""
    if not isinstance(lines[k], str) or not _INDICATOR_COLUMNS.match(_unmarked(lines[k])):
        return None
    header = _indicator_header(lines, k)
    if header is None:
        return None
    weight = next(c for c, h in enumerate(header) if _WEIGHT_HEADER.match(h))
    score, name = weight + 1, weight - 3
    deviation = score + 1 if score + 1 < len(header) else None
    if any(_marked_empty(lines, x) for x in range(k + len(header), k + 3 * len(header))):
        return _marked_form(lines, k + len(header), header, weight)
    kinds: list[str] | None = None  # the kinds of the columns between the name and 分值, when not target and actual
    if "三级指标" in header and header.index("三级指标") != name:
        name = header.index("三级指标")
        kinds = _between_kinds(header[name + 1:weight])
        if kinds is None:
            return None  # columns between the name and 分值 the cells cannot be told apart in: only a marked copy says

    def text(i: int) -> str:
        return _unmarked(lines[i]) if i < len(lines) and isinstance(lines[i], str) else ""

    def number(i: int) -> bool:
        return bool(_SCORE.match(text(i)))

    rows: list[list[str]] = []
    i = k + len(header)
    while True:
        j = next((j for j in range(i, min(i + MAX_ROW_LINES, len(lines)))
                  if number(j) and number(j + 1) and not number(j + 2)), None)
        if j is None or j == i or any(_TOTAL_LINE.match(text(x)) or _GRADE_LINE.match(text(x)) for x in range(i, j)):
            break
        cells = _indicator_cells([text(x) for x in range(i, j)], name, bool(rows) and deviation is not None,
                                 1 + len(kinds) if kinds else 3)
        placed = _placed(cells[2][1:], kinds) if cells is not None and kinds else {}
        if cells is None or placed is None:
            break
        note, levels, own = cells
        if note and deviation is not None:
            rows[-1][deviation] = note
        row = [""] * len(header)
        first = len(levels) == 2 or (len(levels) == 1 and name >= 2 and _LEVEL1.search(levels[0]) is not None)
        at = name - 2 if first else name - 1
        row[at:at + len(levels)] = levels
        row[name] = own[0]
        if kinds:
            for column, cell in placed.items():
                row[name + 1 + column] = cell
        elif len(own) == 3:
            row[name + 1], row[name + 2] = own[1], own[2]
        elif len(own) == 2:
            row[name + 2] = own[1]  # one value beside the name: what was done
        row[weight], row[score] = text(j), text(j + 1)
        rows.append(row)
        i = j + 2
    if len(rows) < 2:
        return None
    closing, i = _indicator_tail(text, number, i, rows, len(header), deviation, weight, score)
    if not closing and any(number(j) and number(j + 1) for j in range(i, i + MAX_ROW_LINES)):
        return None  # rows go on that do not read as rows: a table cut short would sum wrong, so it is none
    return [header, *rows, *closing], i


_DIRECTION_COLUMN = re.compile(r"指标(?:性质|方向)|性质|方向|符号")
_UNIT_COLUMN = re.compile(r"(?:度量|计量)?单位")
_TARGET_COLUMN = re.compile(r"(?:年度)?指标值|年度目标值?|目标值|预期(?:目标)?值?")
_ACTUAL_COLUMN = re.compile(r"(?:实际)?完成值|实际(?:完成)?值?|完成情况")
_DIRECTION = re.compile(r"[≥≤=＝<>＜＞]|>=|<=|[大小]于(?:等于)?|等于|不[高低大小]于|(?:正向|反向|定性|定量)(?:指标)?")
MAX_UNIT_WORD = 4


def _between_kinds(columns: list[str]) -> list[str] | None:
    """The kind of each column between an indicator's name and its 分值 (指标性质 | 指标值 | 度量单位 | 完成值 →
    direction, target, unit, actual), or None when one is of none of them."""
    out = []
    for column in columns:
        for kind, pattern in (("direction", _DIRECTION_COLUMN), ("unit", _UNIT_COLUMN), ("target", _TARGET_COLUMN),
                              ("actual", _ACTUAL_COLUMN)):
            if pattern.fullmatch(column):
                out.append(kind)
                break
        else:
            return None
    return out if "target" in out or "actual" in out else None


def _kind_of(cell: str) -> str:
    """What an indicator row's cell between its name and 分值 holds: a direction (≥), a unit word (人次, %), or a value."""
    if _DIRECTION.fullmatch(cell):
        return "direction"
    unit = parse_quantity(f"1{cell}") if len(cell) <= MAX_UNIT_WORD else None
    if unit is not None and unit.unit and unit.text == f"1{cell}":  # 人次, 万元, 元/人, % (优, 达标 are values)
        return "unit"
    return "value"


def _placed(cells: list[str], kinds: list[str]) -> dict[int, str] | None:
    """The cells a copy left of an indicator row between its name and 分值 (empty ones gone), each under the next
    column of its kind, in order: a direction under 指标性质, a unit word under 度量单位, a value under the next of
    the target's and the actual's columns — one value alone, with no direction, is what was done, as in a row of a
    target and an actual that lost one. None when they cannot stand so."""
    out: dict[int, str] = {}
    values = [c for c in cells if _kind_of(c) == "value"]
    at = 0
    for cell in cells:
        kind = _kind_of(cell)
        wanted = ("target", "actual") if kind == "value" else (kind,)
        if kind == "value" and len(values) == 1 and "actual" in kinds[at:] \
                and not any(_kind_of(c) == "direction" for c in cells):
            wanted = ("actual",)
        column = next((c for c in range(at, len(kinds)) if kinds[c] in wanted), None)
        if column is None:
            return None
        out[column] = cell
        at = column + 1
    return out


def _indicator_cells(seg: list[str], name: int, may_close: bool,
                     most: int = 3) -> tuple[str, list[str], list[str]] | None:
    """(the deviation note of the row before, the level cells this row opens, [name, then up to most − 1 cells:
    target?, actual?]) of the lines before a row's 分值, or None when they do not read so."""
    merged: list[str] = []
    for line in (x for x in seg if not _PLACEHOLDER.match(x)):  # a level's points on a line of their own: （50分）
        if _POINTS_ALONE.match(line) and merged and _LEVEL.match(merged[-1]):
            merged[-1] += line
        else:
            merged.append(line)
    levelled = [x for x, line in enumerate(merged) if _LEVEL.match(line) or _POINTS_ALONE.match(line)]
    if levelled:
        first, last = levelled[0], levelled[-1]
        if last + 1 - first != len(levelled):
            return None
        note, levels, own = merged[:first], merged[first:last + 1], merged[last + 1:]
    else:
        cut = max(0, len(merged) - most)
        note, levels, own = merged[:cut], [], merged[cut:]
    if len(note) > 1 or (note and (not may_close or len(note[0]) > MAX_DEVIATION)):
        return None
    levels = levels[-min(name, 2):] if name else []  # a level the form left without rows (经济效益指标 / …) is dropped
    if levelled and len(own) == most + 1 and len(levels) < min(name, 2) and not re.search(r"\d", own[0]):
        levels.append(own.pop(0))  # a level written without 指标 under the one that opens (效益指标 / 社会效益 / …)
    if not 1 <= len(own) <= most:
        return None
    return (note[0] if note else ""), levels, own


def _indicator_tail(text, number, i: int, rows: list[list[str]], width: int,  # noqa: ANN001 - the line readers
                    deviation: int | None, weight: int, score: int) -> tuple[list[list[str]], int]:
    """The lines after the last indicator row: its deviation note (set on that row), a 总分 line and its numbers, a
    grade line and its grade, as rows; and the line after the table."""
    closing: list[list[str]] = []
    ends = (_TOTAL_LINE, _GRADE_LINE)
    if deviation is not None and text(i) and not any(p.match(text(i)) for p in ends) \
            and len(text(i)) <= MAX_DEVIATION and any(p.match(text(i + 1)) for p in ends):
        rows[-1][deviation] = text(i)
        i += 1
    total_and_grade, i = _total_and_grade(text, number, i, width, weight, score)
    return closing + total_and_grade, i


def _total_and_grade(text, number, i: int, width: int, weight: int,  # noqa: ANN001 - the line readers
                     score: int) -> tuple[list[list[str]], int]:
    """A form's closing lines as rows: a 总分 line and its numbers (分值 and 得分, or 得分 alone), then a grade line
    and its grade; and the line after them."""
    rows: list[list[str]] = []
    if _TOTAL_LINE.match(text(i)) and number(i + 1):
        row = [""] * width
        row[0] = text(i)
        if number(i + 2):
            row[weight], row[score] = text(i + 1), text(i + 2)
            i += 3
        else:
            row[score] = text(i + 1)
            i += 2
        rows.append(row)
    if _GRADE_LINE.match(text(i)) and _GRADE_WORD.match(text(i + 1)):
        rows.append([text(i), text(i + 1).strip("“”\"")])
        i += 2
    return rows, i


# ---------------------------------------------------------------- a scored evaluation table (分值 | 评分标准 | 得分)

_SCORED_COLUMNS = re.compile(r"^(?:[一二三]级指标|指标名称|评价指标|指标|(?:指标)?(?:分值|权重)|标准分值?|满分值?|"
                             r"评分(?:标准|要点|细则|办法|方法|依据|说明)|评价(?:标准|要点)|计分(?:标准|方法|办法)|扣分(?:标准|办法)|"
                             r"指标(?:解释|说明|内涵)|(?:自评|评价|实际|考核|最终)?得分|自评分(?:数|值)?|"
                             r"扣分(?:原因|理由|说明|情况)|(?:得分|评分|自评)(?:说明|依据|情况)|备注)(?:[（(]\s*分\s*[）)])?$")
_WEIGHT_NAME = re.compile(r"^(?:指标)?(?:分值|权重)|^标准分|^满分")
_RULE_NAME = re.compile(r"评分(?:标准|要点|细则|办法|方法|依据)|评价(?:标准|要点)|计分|扣分(?:标准|办法)|指标(?:解释|说明|内涵)")
_SCORE_NAME = re.compile(r"^(?:自评|评价|实际|考核|最终)?得分(?:[（(]\s*分\s*[）)])?$|^自评分")
_OPENS_LEVEL = re.compile(r"^(?:决策|过程|产出|效益|效果|满意度|投入|管理|绩效)|[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]$")
MAX_RULE_LINES = 12  # lines a row's rules may run to between its 分值 and its 得分


def _scored_form(lines: list, k: int) -> tuple[list[list[str]], int] | None:
    """A scored evaluation table saved one cell per line (一级指标 … 分值 / 评分标准 / 自评得分 / 扣分原因), rebuilt as
    rows under its column names: each row is its label cells, its 分值 (a number alone), the lines of its rules and
    its 得分 (a number alone); a note column after 得分 takes the lines before the next row's labels beyond as many
    as the labels' columns. A 总分 line and its numbers and a grade line close it; fewer than two rows make no table.
    Only the order 分值, rules, 得分 is read (with 得分 before the rules a row's rules and the next row's name cannot
    be told apart)."""
    def text(i: int) -> str:
        return _unmarked(lines[i]) if i < len(lines) and isinstance(lines[i], str) else ""

    header: list[str] = []
    while len(header) < 10 and _SCORED_COLUMNS.match(text(k + len(header))):
        header.append(text(k + len(header)))
    weight = next((c for c, h in enumerate(header) if _WEIGHT_NAME.match(h)), None)
    score = next((c for c, h in enumerate(header) if _SCORE_NAME.match(h)), None)
    rules = [c for c, h in enumerate(header) if _RULE_NAME.search(h)]
    if weight is None or score is None or not rules or not weight < min(rules) <= max(rules) < score \
            or score != max(rules) + 1 or weight == 0:
        return None
    labels, notes = weight, len(header) - score - 1

    def number(i: int) -> bool:
        return bool(_SCORE.match(text(i)))

    def closes(i: int) -> bool:
        return bool(_TOTAL_LINE.match(text(i)) or _GRADE_LINE.match(text(i)))

    rows: list[list[str]] = []
    i = k + len(header)
    while i < len(lines) and not closes(i):
        at = next((j for j in range(i, min(i + labels + notes + 1, len(lines))) if number(j) or closes(j)), None)
        if at is None or at == i or closes(at):
            break
        segment = _with_points([text(x) for x in range(i, at) if text(x)])  # a marked copy's blank cells: none
        if len(segment) > labels + notes or (len(segment) > labels and not rows):
            break
        if notes and rows and labels >= 2 and len(segment) == labels and not _OPENS_LEVEL.search(segment[0]):
            rows[-1][score + 1], segment = segment[0], segment[1:]  # a full row opens a level; else the note
        end = next((j for j in range(at + 1, min(at + 2 + MAX_RULE_LINES, len(lines))) if number(j) or closes(j)), None)
        if end is None or not number(end) or end == at + 1 or closes(end):
            break
        if len(segment) > labels:
            rows[-1][score + 1] = "".join(segment[:len(segment) - labels])
            segment = segment[len(segment) - labels:]
        row = [""] * len(header)
        row[labels - len(segment):labels] = segment
        row[weight] = text(at)
        row[rules[0]] = "".join(text(x) for x in range(at + 1, end))
        row[score] = text(end)
        rows.append(row)
        i = end + 1
    if len(rows) < 2:
        return None
    if notes and text(i) and not closes(i) and closes(i + 1):
        rows[-1][score + 1] = text(i)
        i += 1
    closing, i = _total_and_grade(text, number, i, len(header), weight, score)
    return [header, *rows, *closing], i


def _with_points(segment: list[str]) -> list[str]:
    """Label lines with a level's points set on a line of their own (决策 / （15分）) joined to the level."""
    out: list[str] = []
    for line in segment:
        if _POINTS_ALONE.match(line) and out:
            out[-1] += line
        else:
            out.append(line)
    return out


# ---------------------------------------------------------------- a two-column form flattened onto a line

_PAIR = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff（）()“”]{1,15}?)\s*[：:]?\s*([-－]?\d[\d,，]*(?:\.\d+)?\s*[%％]?)(?![\d.])\s*")
_PAIRS = re.compile(rf"(?:{_PAIR.pattern}){{2,}}")
_NOT_A_FORM_LABEL = re.compile(r"其中|包括|包含|含|合计|共计|总计|分别|另有|"
                               r"(?:情况|说明|概况|职责|设置|部分|目录|表|年|月|第|约|达|近)$")


def _pairs(line: str) -> list[tuple[str, str]]:
    """The label-value pairs of a two-column form's row flattened onto one line (编制数 42 实有人数 40 在职人员控制率
    95.24%), or [] for any other line: at least two pairs, every label words alone (no list or closing word, no
    heading or date word), every value a bare number or percentage, nothing else on the line."""
    if not _PAIRS.fullmatch(line.strip()):
        return []
    found = [(m.group(1), m.group(2).strip()) for m in _PAIR.finditer(line.strip())]
    return [] if any(_NOT_A_FORM_LABEL.search(label) for label, _ in found) else found


def _unflattened(line: str, table: int) -> list[str | Row]:
    """A line holding a 绩效自评表's indicator rows (or a scored evaluation table's, or its budget block) run together,
    cells between single spaces (a document site's text of a .docx, a PDF's), as the text before the table, the
    table's rows and the text after it (read again for a further table); any other line as it is. A table that does
    not close with its 总分 row is rebuilt all the same, each row known by its 分值 and 得分 standing alone together:
    such copies are often excerpts, so it is read for its figures, not as the indicator table
    (tables._rebuilt_unclosed), whose rows cut off would sum wrong."""
    if "指标" not in line and not _BLOCK_HINT.search(line):
        return [line]
    tokens: list[str | Row | Skipped] = list(line.split(" "))
    for at, token in enumerate(tokens):
        if not isinstance(token, str):
            continue
        found: tuple[list[list[str]], int, int] | None = None
        if "指标" in line and (_INDICATOR_COLUMNS.match(token) or _SCORED_COLUMNS.match(token)):
            form = _indicator_form(tokens, at) or _scored_form(tokens, at)
            found = (form[0], at, form[1]) if form is not None else None
        if found is None and _BLOCK_COLUMN.fullmatch(token):
            found = _budget_block([str(t) for t in tokens], at)
        if found is not None:
            rows, start, end = found
            after = " ".join(str(t) for t in tokens[end:])
            return [" ".join(str(t) for t in tokens[:start]), *(Row(tuple(r), table) for r in rows),
                    *(_unflattened(after, table + 1) if after else [])]
    return [line]


_BLOCK_HINT = re.compile(r"预算数|执行数|决算数")
_BLOCK_COLUMN = re.compile(r"(?:(?:19|20)\d{2}\s*年度?)?(?:年初|全年|调整后|年度|本年|上年)?(?:预算|执行|决算|完成)数?"
                           r"(?:[（(]万元[）)])?|分值|(?:预算)?执行率(?:[（(][%％][）)])?|得分|权重"
                           r"|(?:完成|执行|增长|增减)(?:率|[%％]|[（(][%％][）)])")
_BLOCK_LABEL = re.compile(r"项目资金|资金来源|项目|科目|[（(]\s*(?:万元|元)\s*[）)]")
_BLOCK_VALUE = re.compile(r"[-－]?\d[\d,，]*(?:\.\d+)?\s*[%％]?")
MAX_BLOCK_LABEL = 24  # characters of a budget block's row label


def _budget_block(tokens: list[str], at: int) -> tuple[list[list[str]], int, int] | None:
    """A form's budget block run together (项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额:
    0 0 0 10 0 0 其中:本年财政拨款 90 89.974 89.974): (its header row and rows of a label and up to as many values,
    left-aligned; where it starts; where it ends), or None. The column names are three or more in a row, one of them a
    预算数, 执行数 or 决算数; a row is its label's words and one value or more (— marking a cell with nothing); the
    block ends at words no value follows; a percentage stands only under a rate column, a row that lost its empty
    cells put under the columns it fits (_fitted); fewer than two rows make none."""
    end = at
    while end < len(tokens) and _BLOCK_COLUMN.fullmatch(tokens[end]):
        end += 1
    columns = tokens[at:end]
    if len(columns) < 3 or not any(_BLOCK_HINT.search(c) for c in columns):
        return None
    start = at
    while start > max(0, at - 2) and _BLOCK_LABEL.fullmatch(tokens[start - 1]):
        start -= 1
    index = start > 0 and _INDEX_HEAD.match(tokens[start - 1]) is not None  # 序号 项目 年初预算数 …: rows numbered
    rows: list[list[str]] = []
    k = end
    while k < len(tokens):
        number = tokens[k] if index and k + 1 < len(tokens) and _ROW_NO.match(tokens[k]) \
            and not _BLOCK_VALUE.fullmatch(tokens[k + 1]) else ""
        label, j = [], k + (1 if number else 0)
        while j < len(tokens) and not _BLOCK_VALUE.fullmatch(tokens[j]) and len("".join(label)) <= MAX_BLOCK_LABEL:
            label.append(tokens[j])
            j += 1
        values = []
        while j < len(tokens) and len(values) < len(columns) and (_BLOCK_VALUE.fullmatch(tokens[j])
                                                                  or _EMPTY_CELL.fullmatch(tokens[j])):
            values.append("" if _EMPTY_CELL.fullmatch(tokens[j]) else tokens[j])  # — marks a cell with nothing
            j += 1
        if not label or not any(values) or len("".join(label)) > MAX_BLOCK_LABEL:
            break
        rows.append([number, " ".join(label), *values])
        k = j
    if len(rows) < 2:
        return None
    if any(("%" in v or "％" in v) and "率" not in c for r in rows for c, v in zip(columns, r[2:])):
        fitted = _fitted(columns, [r[2:] for r in rows])
        if fitted is None:
            return None
        rows = [[*r[:2], *cells] for r, cells in zip(rows, fitted)]
    if index:  # the number in a 序号 column of its own, taken out as the document is built
        return [[tokens[start - 1], " ".join(tokens[start:at]), *columns], *rows], start - 1, k
    return [[" ".join(tokens[start:at]), *columns], *(r[1:] for r in rows)], start, k


MAX_FORM_LINES = 400  # lines a form's rows set a row per line may run to


def _rows_run_together(lines: list[str | Row | Skipped]) -> list[str | Row | Skipped]:
    """A 绩效自评表 (or a scored evaluation table) set a row per line with single spaces between its cells (a PDF's
    text): its header line's column names and the lines after it read as one run of cells, rebuilt as rows as a table
    run together on one line is (see _unflattened); the text after the table's last row stays as it was."""
    out: list[str | Row | Skipped] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        cells = line.split(" ") if isinstance(line, str) and "指标" in line else []
        at = next((x for x, c in enumerate(cells) if _INDICATOR_COLUMNS.match(c) or _SCORED_COLUMNS.match(c)), None)
        if len(cells) < 3 or at is None:
            out.append(line)
            k += 1
            continue
        tokens: list[str | Row | Skipped] = []
        ends: list[int] = []  # where each line's cells end in the run
        m = k
        while m < len(lines) and m - k < MAX_FORM_LINES and isinstance(lines[m], str):
            tokens += str(lines[m]).split(" ")
            ends.append(len(tokens))
            m += 1
        form = _indicator_form(tokens, at) or _scored_form(tokens, at)
        if form is None or len(ends) < 2 or form[1] <= ends[0]:
            out.append(line)
            k += 1
            continue
        rows, end = form
        before = " ".join(cells[:at])
        out += [before] if before else []
        out += [Row(tuple(r), ROW_LINE_TABLES + k) for r in rows]
        last = next(x for x, e in enumerate(ends) if e >= end)
        rest = " ".join(str(t) for t in tokens[end:ends[last]])
        out += [rest] if rest else []
        k += last + 1
    return out


def _marked_form(lines: list, i: int, header: list[str], weight: int) -> tuple[list[list[str]], int] | None:
    """A 绩效自评表's indicator rows saved one cell per line with every cell marked (84 |, an empty one a lone |):
    each row is as many lines as the header has columns, up to a 总分 / 合计 line, whose numbers and marks stand
    under the header's last columns; a row whose name is blank or whose 分值 is neither a number nor empty ends it."""
    width = len(header)
    name = next((c for c, h in enumerate(header) if h in ("三级指标", "指标名称")), weight - 3)
    rows: list[list[str]] = []
    while i + width <= len(lines) and all(isinstance(x, str) for x in lines[i:i + width]):
        row = [_unmarked(x) for x in lines[i:i + width]]
        if any(_TOTAL_LINE.match(c) or _GRADE_LINE.match(c) for c in row) or not row[name] \
                or _SCORE.match(row[name]) or not (not row[weight] or _SCORE.match(row[weight])):
            break
        rows.append(row)
        i += width
    if len(rows) < 2 and not (rows and i < len(lines) and isinstance(lines[i], str)
                              and _TOTAL_LINE.match(_unmarked(lines[i]))):
        return None
    if i < len(lines) and isinstance(lines[i], str) and _TOTAL_LINE.match(_unmarked(lines[i])):
        values: list[str] = []
        j = i + 1
        while len(values) < width - 1 and j < len(lines) and isinstance(lines[j], str) \
                and (_marked_empty(lines, j) or _SCORE.match(_unmarked(lines[j]))):
            values.append(_unmarked(lines[j]))
            j += 1
        if any(values):
            rows.append([_unmarked(lines[i])] + [""] * (width - 1 - len(values)) + values)
            i = j
    return [header, *rows], i


# ---------------------------------------------------------------- a 决算 statement flattened onto lines

_LINE_NO = re.compile(r"\d{1,3}")
_AMOUNT = re.compile(r"[-－]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?")
_BLANK_AMOUNT = re.compile(r"[-－—–/／]")
_STATEMENT_HEAD = re.compile(r"项目|科目|行次|金额|[^\d\s]{0,6}(?:数|额)|合计|小计|收入|支出|本年|上年|年初|年末|单位")
MAX_STATEMENT_LABEL = 40  # characters of a statement's row label (its words may be split by spaces)


def _tokens(line: str) -> list[str]:
    return re.sub(r"行\s+次", "行次", re.sub(r"栏\s+次", "栏次", line)).split()


def _statement_header(tokens: list[str]) -> tuple[int, int, int] | None:
    """(where the header starts, where its rows start, how many amounts a row label has) of a 决算 statement whose
    column names stand among the tokens (项目 行次 金额 项目 行次 金额; 项目 行次 年初预算数 决算数), or None."""
    at = next((k for k, t in enumerate(tokens) if t == "行次"), None)
    if at is None:
        return None
    start = at - 1 if at > 0 and tokens[at - 1] in ("项目", "科目", "收入", "支出") else at
    end = at + 1
    while end < len(tokens) and _STATEMENT_HEAD.fullmatch(tokens[end]) and not _AMOUNT.fullmatch(tokens[end]):
        end += 1
    named = next((k for k in range(end, min(end + MAX_SIDE_COLUMNS + 1, len(tokens))) if tokens[k] == "栏次"), None)
    if named is not None and all(len(t) <= MAX_COLUMN_NAME and not re.search(r"\d", t) for t in tokens[end:named]):
        end = named  # column names of its own before the row numbering the columns (一般公共预算财政拨款 …)
    sides = _sides(tokens[start:end])
    width = max((len(side) for side in sides), default=0)
    if not sides or not sides[0]:
        return None
    counted = 0
    while end + 1 < len(tokens) and tokens[end] == "栏次" and _LINE_NO.fullmatch(tokens[end + 1]):
        end, counted = end + 2, int(tokens[end + 1])  # the row numbering the columns (栏次 1 栏次 2): no row
        while end < len(tokens) and tokens[end] == str(counted + 1):
            end, counted = end + 1, counted + 1  # 栏次 2 3 4: the columns of a side with several
    return start, end, width


MAX_SIDE_COLUMNS = 8  # further column names a side's header may have before its 栏次 row


def _sides(names: list[str]) -> list[list[str]]:
    """The amount columns of each side of a statement's header (项目 行次 金额 | 项目 行次 合计 一般公共预算财政拨款 …),
    the column names after each 行次 up to the next side's 项目 / 科目."""
    out: list[list[str]] = []
    for k, name in enumerate(names):
        if name == "行次":
            after = names[k + 1:]
            out.append(after[:next((i for i, t in enumerate(after) if t in ("项目", "科目", "行次", "栏次")), len(after))])
    return out


# a statement's row label and its 行次 followed by an amount: 一、财政拨款收入 1 2,318.40
_STATEMENT_ROW = re.compile(r"(?:收入|支出|合计|总计|结余|结转|拨款)\s+\d{1,3}\s+[-－]?\d")
MIN_UNHEADED_ROWS = 3  # rows numbered one after another that make a statement without its header


def _unheaded(tokens: list[str], opening: int) -> tuple[int, int, int] | None:
    """(start, start, amounts per row) of a statement whose header the copy lost: from the first label of a run of
    at least MIN_UNHEADED_ROWS rows whose 行次 count up one by one (一、财政拨款收入 1 2,318.40 二、事业收入 2 46.00 …),
    each with an amount, the first of them among the `opening` tokens (the line that may start it); None when there
    is none."""
    for k in range(min(opening, len(tokens) - 1)):
        if _AMOUNT.fullmatch(tokens[k]) or not _LINE_NO.fullmatch(tokens[k + 1]):
            continue  # the run opens with the word right before a 行次 (a caption before it stays text)
        rows, _ = _statement_groups(tokens, k, 1, 2 * MIN_UNHEADED_ROWS)
        first = rows[:2 * MIN_UNHEADED_ROWS]
        if len(first) >= MIN_UNHEADED_ROWS and all(len(r) > 2 for r in first) \
                and _counted_up([int(r[1]) for r in first]):
            widest, _ = _statement_groups(tokens, k, 4, len(first))
            return k, k, max(len(r) - 2 for r in widest[:len(first)])
    return None


def _by_side(rows: list[list[str]]) -> list[list[str]]:
    """A statement's rows side by side (收入 1, 支出 31, 收入 2, 支出 32 …) put one side after the other, each side's rows
    in order, told apart by their 行次 counting up: so that a side's 合计 stands under its own rows."""
    runs = _runs(rows)
    return [row for run in runs for row in run] if len(runs) <= 2 else rows


def _runs(rows: list[list[str]]) -> list[list[list[str]]]:
    """A statement's rows as the runs their 行次 count up in (one per side)."""
    runs: list[list[list[str]]] = []
    for row in rows:
        n = int(row[1]) if row[1].isdigit() else None
        run = next((r for r in runs if n is not None and r[-1][1].isdigit() and int(r[-1][1]) == n - 1), None)
        if run is None:
            runs.append([row])
        else:
            run.append(row)
    return runs


def _counted_up(numbers: list[int]) -> bool:
    """Do the numbers count up one by one, in one sequence or two interleaved (a statement's two sides, 1 31 2 32 …),
    the longer of at least MIN_UNHEADED_ROWS?"""
    runs: list[list[int]] = []
    for n in numbers:
        run = next((r for r in runs if r[-1] == n - 1), None)
        if run is None:
            runs.append([n])
        else:
            run.append(n)
    return len(runs) <= 2 and max(len(r) for r in runs) >= MIN_UNHEADED_ROWS


def _statement_groups(tokens: list[str], start: int, width: int, limit: int | None = None
                      ) -> tuple[list[list[str]], int]:
    """The statement's rows from tokens[start:]: each a label (words, joined where a copy split them), its 行次 and
    up to `width` amounts (a blank one written -, —, /); and where they end (at words no 行次 follows, or after
    `limit` rows)."""
    rows: list[list[str]] = []
    k = start
    while k < len(tokens) and (limit is None or len(rows) < limit):
        label, j = [], k
        while j < len(tokens) and not _AMOUNT.fullmatch(tokens[j]) and len("".join(label)) <= MAX_STATEMENT_LABEL:
            label.append(tokens[j])
            j += 1
        if not label or j >= len(tokens) or not _LINE_NO.fullmatch(tokens[j]) or len("".join(label)) > MAX_STATEMENT_LABEL:
            break
        amounts: list[str] = []
        j += 1
        while len(amounts) < width and j < len(tokens) and (_AMOUNT.fullmatch(tokens[j]) or _BLANK_AMOUNT.fullmatch(tokens[j])):
            amounts.append("" if _BLANK_AMOUNT.fullmatch(tokens[j]) else tokens[j])
            j += 1
        rows.append(["".join(label), tokens[j - len(amounts) - 1], *amounts])
        k = j
    return rows, k


def _columnwise(tokens: list[str], start: int, width: int) -> tuple[list[list[str]], list[str], int] | None:
    """A statement a PDF gave column by column: its labels and 行次 first (一、财政拨款收入 1 二、事业收入 2 …), then its
    amounts in a run (3,456.00 120.00 …). (the rows, each amount paired with its row in order when there are as many
    as the rows' cells, else none; the amounts left unpaired; where the run ends), or None for another shape."""
    rows, k = _statement_groups(tokens, start, 0)
    run: list[str] = []
    while k < len(tokens) and (_AMOUNT.fullmatch(tokens[k]) or _BLANK_AMOUNT.fullmatch(tokens[k])):
        run.append("" if _BLANK_AMOUNT.fullmatch(tokens[k]) else tokens[k])
        k += 1
    named = [r for r in rows if r[0] not in ("栏次", "行次")]
    if len(named) < 2 or len(run) < 2:
        return None
    if len(run) != len(named) * width:
        return named, [a for a in run if a], k
    paired = [[*r, *run[n * width:(n + 1) * width]] for n, r in enumerate(named)]
    return paired, [], k


def _statements(lines: list[str | Row | Skipped]) -> list[str | Row | Skipped]:
    """A 决算 statement's rows run together as text — a row per line with single spaces, the whole table on one line,
    or one cell per line (一、财政拨款收入 1 3,456.00 二、事业收入 2 …) — rebuilt as rows under their column names
    (项目 | 行次 | 金额), one row per label, so that its 行次 numbers are known for the row numbers they are and each
    amount stands with its row's label. Recognised by the header naming 行次 over at least two rows each of a label
    followed by a number of up to three digits; the text before the header and after the last row stays as it was.
    A statement given column by column (its labels and 行次, then its amounts) pairs them in order when they are as
    many, else keeps the amounts as a row of their own, unlabelled."""
    texts = [x if isinstance(x, str) else None for x in lines]
    out: list[str | Row | Skipped] = []
    k = 0
    while k < len(lines):
        line = texts[k]
        if line is None or ("行次" not in _tokens(line) and not _STATEMENT_ROW.search(line)):
            out.append(lines[k])
            k += 1
            continue
        back = 0  # column names set one per line above the one naming 行次 (项目 / 行次 / 金额)
        while back < MAX_HEADER_LINES and k - back > 0 and texts[k - back - 1] is not None \
                and out and isinstance(out[len(out) - back - 1], str) \
                and all(_STATEMENT_HEAD.fullmatch(t) for t in _tokens(texts[k - back - 1] or "")):
            back += 1
        def run_end(most: int) -> int:  # the lines of text without a sentence after line k, at most `most`
            m = k + 1
            while m < len(lines) and m - k < most and texts[m] is not None \
                    and not re.search(r"[。；;！!？?]", texts[m] or ""):
                m += 1
            return m

        probe = [t for x in range(k - back, run_end(PROBE_LINES + 1)) for t in _tokens(texts[x] or "")]
        opening = sum(len(_tokens(texts[x] or "")) for x in range(k - back, k + 1))
        header = _statement_header(probe) if "行次" in probe else _unheaded(probe, opening)  # on a few lines
        m = run_end(MAX_STATEMENT_LINES) if header else k
        tokens: list[str] = []
        spans: list[tuple[int, int]] = []  # (line, where its tokens end in the stream)
        for x in range(k - back, m if header else k - back):
            tokens += _tokens(texts[x] or "")
            spans.append((x, len(tokens)))
        found = _statement_rows(tokens, header[1], header[2]) if header else None
        if header is None or found is None:
            out.append(lines[k])
            k += 1
            continue
        rows, unpaired, end = found
        del out[len(out) - back:]
        table = STATEMENT_TABLES + len(out)
        before = " ".join(tokens[:header[0]])
        out += [before] if before else []
        names = tokens[header[0]:header[1]]
        sides = _sides(names)
        runs = _runs(rows)
        if len(sides) == 2 and len(sides[0]) != len(sides[1]) and len(runs) == 2:
            for n, (side, run) in enumerate(zip(sides, runs)):  # sides of their own widths: a table each
                out.append(Row(("项目", "行次", *side), table + n))
                out += [Row(tuple(r), table + n) for r in run]
        else:
            columns = names[names.index("行次") + 1:][:header[2]] if "行次" in names else ["金额"] * header[2]
            out.append(Row(("项目", "行次", *columns), table))
            out += [Row(tuple(r), table) for r in _by_side(rows)]
        out += [Row(tuple(unpaired), table + 1)] if unpaired else []
        line_at, stop = next((x, e) for x, e in spans if e >= end)
        rest = " ".join(tokens[end:stop])
        out += [rest] if rest else []
        k = line_at + 1
    return out


MAX_STATEMENT_LINES = 2000  # lines of text a statement's rows may run to
PROBE_LINES = 8  # lines after the first whether a statement starts is decided on (its rows are then read on)


def _statement_rows(tokens: list[str], first: int, width: int) -> tuple[list[list[str]], list[str], int] | None:
    """The rows of a statement whose header ends at `first`, as laid out row by row or column by column (see
    _statements): (rows, amounts left unpaired, where they end), or None when fewer than two rows are read."""
    rows, end = _statement_groups(tokens, first, width)
    named = [r for r in rows if r[0] not in ("栏次", "行次")]
    if sum(1 for r in named if len(r) > 2) <= 1:  # no amounts beside the labels: perhaps all of them after
        columnwise = _columnwise(tokens, first, width)
        if columnwise is not None:
            return columnwise
    return (named, [], end) if len(named) >= 2 else None


# ---------------------------------------------------------------- a table of amounts set a row per line with single spaces

SPACED_TABLES = 16_000_000  # tables rebuilt from rows set a line each with single spaces (_spaced_tables)
_LABEL_COLUMN = re.compile(r"^(?:科目编码|科目名称|功能分类科目|项目|科目|编码|名称|单位名称|项目名称|(?:人员)?类别|类型)$")
_AMOUNT_COLUMN = re.compile(r"(?:合计|总计|小计|支出|收入|预算数?|决算数?|金额|执行数|完成数|结余|结转|人数|编制数?)$")
_RATE_COLUMN = re.compile(r"率|占比|比重|[%％]")  # a column of rates beside the amounts (执行率, 占比, 增长%)
_DATED = re.compile(r"^(?:19|20)\d{2}\s*年度?")  # a column name's year (2021年预算数): no figure
_CODE = re.compile(r"^\d{3,7}$")  # a budget subject's code before its name (2130101 行政运行)
_UNIT_AFTER = re.compile(r"[（(][^）)]*[）)]$")  # 预算数（万元）
_BLOCK_LABEL_COLUMN = re.compile(r"(?:资金来源|项目资金|年度预算申请|资金性质|支出类别)(?:[（(](?:万元|元)[）)])?")
_BLOCK_COLUMNS = re.compile(r"(?:年初|全年|调整后)预算数?.*执行数")  # a 自评表's budget block: its header may stand
# over the value columns alone
MAX_COLUMN_NAME = 12


def _spaced_tables(lines: list[str | Row | Skipped]) -> list[str | Row | Skipped]:
    """A table of amounts a PDF or a web page set a row per line with single spaces (科目编码 科目名称 本年支出合计 基本支出
    项目支出 / 栏次 1 2 3 / 合计 1,112.16 815.36 296.80 / 2130101 行政运行 815.36 815.36 0.00): a header line of column
    names, two or more of them naming amounts, its label columns first; then, past a 栏次 line, two or more rows of a
    label (after its subject's code, or its number under a 序号 column) and no more amounts than the columns — rebuilt
    as rows under the header, so each amount stands with its row's label and its column's name, and a row's number in
    a 序号 column of its own (taken out as the document is built). Anything else stays as it was."""
    out: list[str | Row | Skipped] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        header = _amount_header(line) if isinstance(line, str) else None
        if header is None:
            out.append(line)
            k += 1
            continue
        index, labels, columns = header
        j = k + 1
        rows: list[list[str]] = []
        if j < len(lines) and isinstance(lines[j], str) and str(lines[j]).split()[:1] == ["栏次"]:
            rows.append(str(lines[j]).split())  # the row numbering the columns (taken out as the document is built)
            j += 1
        while j < len(lines) and isinstance(lines[j], str):
            row = _amount_row(str(lines[j]), len(columns), index is not None)
            if row is None:
                break
            rows.append(row)
            j += 1
        valued = [r for r in rows if r[0] != "栏次"]
        fitted = _fitted(columns, [r[2:] for r in valued], bare=True)
        if len(valued) < 2 or fitted is None:
            out.append(line)
            k += 1
            continue
        rows = [r for r in rows if r[0] == "栏次"] + [[*r[:2], *cells] for r, cells in zip(valued, fitted)]
        table = SPACED_TABLES + k
        numbered = index is not None
        out.append(Row((*([index] if numbered else []), " ".join(labels), *columns), table))
        out += [Row(tuple(r if r[0] == "栏次" or numbered else r[1:]), table) for r in rows]
        k = j
    return out


_INDEX_HEAD = re.compile(r"^(?:序号|编号|行次)$")  # a column numbering the rows, before their labels
_ROW_NO = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3}[、.．]?|[（(][一二三四五六七八九十\d]{1,3}[）)])$")
_OWN_NUMBER = re.compile(r"^(?:\d{1,2}[、.．]|[（(]\d{1,2}[）)])(?=\D)")  # a label's own number: 1.人员经费, （2）公用经费


def _amount_header(line: str) -> tuple[str | None, list[str], list[str]] | None:
    """(the header of a column numbering the rows if any, label columns, amount columns) of a header line of column
    names, or None."""
    tokens = line.split()
    index = tokens[0] if tokens and _INDEX_HEAD.match(tokens[0]) else None
    tokens = tokens[1:] if index else tokens
    if len(tokens) < 3 or any(re.search(r"\d", _DATED.sub("", t)) or len(t) > MAX_COLUMN_NAME for t in tokens):
        return None
    at = 0
    while at < len(tokens) and (_LABEL_COLUMN.match(tokens[at]) or _BLOCK_LABEL_COLUMN.fullmatch(tokens[at])):
        at += 1
    columns = tokens[at:]
    amounts = sum(1 for c in columns if _AMOUNT_COLUMN.search(_UNIT_AFTER.sub("", c)))
    rates = sum(1 for c in columns if _RATE_COLUMN.search(c))
    if len(columns) < 2 or amounts < 1 or amounts + rates < 2 or (at == 0 and not _BLOCK_COLUMNS.search(line)):
        return None
    return index, tokens[:at], columns


def _amount_row(line: str, width: int, numbered: bool = False) -> list[str] | None:
    """[its number, label, amounts…] of a row of a spaced table: under a 序号 column its number ('' for none: a 合计
    row), a subject's code (kept in the label), its words (the first may start with the label's own number, 1.人员经费),
    then one to `width` amounts (a blank written -, —, /); None for any other line."""
    tokens = line.split()
    number = tokens[0] if numbered and len(tokens) > 1 and _ROW_NO.match(tokens[0]) else ""
    tokens = tokens[1:] if number else tokens
    at = 1 if tokens and _CODE.match(tokens[0]) else 0
    words = at
    while words < len(tokens) and not (_AMOUNT.fullmatch(tokens[words].rstrip("%％"))
                                       or _BLANK_AMOUNT.fullmatch(tokens[words])):
        if re.search(r"\d", _OWN_NUMBER.sub("", tokens[words]) if words == at else tokens[words]):
            return None
        words += 1
    amounts = tokens[words:]
    if words == at or not 1 <= len(amounts) <= width \
            or not all(_AMOUNT.fullmatch(a.rstrip("%％")) or _BLANK_AMOUNT.fullmatch(a) for a in amounts):
        return None
    return [number, " ".join(tokens[:words]), *("" if _BLANK_AMOUNT.fullmatch(a) else a for a in amounts)]
