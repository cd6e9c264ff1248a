"""The tables of a report: the base data table (附件1-2), header-and-value tables (staff, the budget of a 绩效自评表),
the 绩效自评表's indicator rows, and per-project scores (附件2-4).

Tables are recognised by their header row, never by position, and read by the header's columns: a value is
taken from the column whose header says what it is. Word's "save as text" and PDF extraction lose empty cells and
split a table where a cell holds several paragraphs, so rows are aligned by what their cells hold (the row of a
绩效自评表 ends in its 分值 and 得分; a data row's values follow its label), not by counting cells from the left.
The framework's own indicator table (评分要点/评分标准) states rules, not the unit's figures, and is skipped.
Cells a table reader does not take are read as prose by the caller.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

from ...core.figures import unit_of
from ...core.quantity import CODE_LABELS, Qualifier, Quantity, agrees, commensurable, parse_quantity
from ...core.script import simplified
from .cell_lines import ACTUAL_COLUMN, CELL_TABLES, FLATTENED_TABLES, NOTE_COLUMN, STATEMENT_TABLES, TARGET_COLUMN
from .catalogue import (
    column_of,
    is_column_header,
    line_path,
    normalise,
    table_line,
    table_scalar,
)
from .document import Block, Document
from .grid import SUB_ROW, TOTAL_ROW, WHOLE_ROW, GridRow, Header, Value, row_totals, total_rank
from .lists import Listed
from .mentions import Mention, Where
from .numbers_of_tables import INDEX_COLUMN
from .row_rates import Declared, declared
from .unit import GRADE_WORDS

_FRAMEWORK_HEADER = ("评分标准", "评分要点")
_EMPTY = {"", "——", "—", "-", "--", "/", "／", "无", "…", "……"}
_UNIT_IN_HEADER = re.compile(r"[（(]\s*(万元|元|亿元|㎡|平方米|人|%)\s*[）)]")
_POINTS = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")
_SPECIAL_COLUMNS = ("分值", "执行率", "得分", "控制率")
MAX_GAP = 3  # blocks without values allowed between a header and its first row of values


@dataclass(frozen=True)
class Cell:
    """A value read from a table: the mention, and the catalogue figure it fills when its row and column name one."""

    mention: Mention
    path: str | None = None
    also: str | None = None  # a second catalogue figure the same cell states (年度资金总额·全年执行数 is 总支出 too)
    target: bool = False  # an indicator's target or actual value: a percentage there is a goal, no rate stated
    across: tuple[int, int] | None = None  # in a table turned on its side, the (header row, column) the value is of
    of: Declared | None = None  # the reading the table declares: a 占比 over its 合计 row, a rate over its row's figures

    @property
    def line_of(self) -> tuple[int, int]:
        """The line of its table the value is of: its row, or in a turned table its column (years down the side)."""
        return self.across or (self.mention.where.block, -1)


@dataclass(frozen=True)
class IndicatorLine:
    """One line of a 绩效自评表: its indicator, 年度指标, 实际完成值, 分值 and 得分 as written."""

    level1: str
    level2: str
    name: str
    target: Mention | str | None
    actual: Mention | str | None
    weight: Mention
    score: Mention | None
    deviation: str | None
    where: Where


@dataclass(frozen=True)
class ProjectLine:
    """One project of a per-project score table (附件2-4)."""

    name: str
    score: Mention | None
    grade: str | None
    budget: Mention | None
    executed: Mention | None
    where: Where


@dataclass
class Tables:
    """What the tables of a report state, and which blocks were read here."""

    cells: list[Cell] = field(default_factory=list)
    lines: list[IndicatorLine] = field(default_factory=list)
    section_weights: list[tuple[str, Mention]] = field(default_factory=list)
    projects: list[ProjectLine] = field(default_factory=list)
    total: Mention | None = None
    grade: tuple[str, Where] | None = None
    taken: set[int] = field(default_factory=set)
    taken_cells: set[tuple[int, int]] = field(default_factory=set)  # (block, cell) read here in a row left to prose
    skipped: list[str] = field(default_factory=list)
    totals: list[Listed] = field(default_factory=list)  # a 合计 / 总计 / 小计 row's cells over the rows above them
    kept: dict[int, tuple[int, ...]] = field(default_factory=dict)  # a row's cells once its numbering is dropped
    weight_total: Mention | None = None  # the 分值 a 绩效自评表's 总分 row states

    def row_totals(self) -> list[Mention]:
        """The values a 合计 / 总计 row states (本年支出合计 | 1,234.56), each under its row's label: the totals a
        paragraph right under the table may break down."""
        return [c.mention for c in self.cells if c.mention.where.row and _TOTAL_LABEL.search(c.mention.where.row)
                and not c.mention.is_rate]

    def lines_as_figures(self, why: dict[int, str]) -> None:
        """The indicator table read for its figures alone (each row's target, actual, 分值 and 得分 a figure of the
        unit's own), not as the framework's rows: when a row has no place in the framework, the rest are no whole
        table, and their 分值 and 得分 summed against the table's 总分 would mislead. `why` says, by the row's place
        in `lines`, beside its 分值, why a row has none."""
        for k, line in enumerate(self.lines):
            if k in why:
                said = "；".join(x for x in (line.weight.implied, why[k]) if x)
                line = replace(line, weight=replace(line.weight, implied=said))
            _take_line(self, line, True, {})
        self.totals += self._own_sums()
        self.lines = []

    def _own_sums(self) -> list[Listed]:
        """What the indicator table adds up by its own layout, when its rows are read as figures: its 总分 row's 分值
        and 得分 over all its rows' (the 得分 then a figure too, beside the claimed total), and a level's （N分） over
        its rows' 分值 — so a 总分 or a level's points that its rows do not make is questioned."""
        out = []
        weights = [x.weight for x in self.lines]
        if self.weight_total is not None and len(weights) >= 2:
            out.append(_column_total(self.weight_total, weights))
        scores = [x.score for x in self.lines if x.score is not None]
        if self.total is not None and len(scores) == len(self.lines) >= 2:
            total = replace(self.total, label=f"{self.total.where.row or self.total.label}·得分")
            self.cells.append(Cell(total))
            out.append(_column_total(total, scores))
        for level1, weight in self.section_weights:
            under = [x.weight for x in self.lines if x.level1 == level1]
            if len(under) >= 2:
                out.append(_column_total(weight, under))
        return out

    def take_cell(self, block: int, cell: int) -> None:
        """A cell read here, by its place in the row as the table readers see it (numbering columns dropped)."""
        kept = self.kept.get(block)
        self.taken_cells.add((block, kept[cell] if kept is not None and cell < len(kept) else cell))


def _quantity(text: str) -> Quantity | None:
    """The value a cell holds: figures written in digits, or a whole cell that is a count in Chinese numerals with
    its unit (十二次); a label that begins with a numeral (三公经费, 一般) is not a number."""
    if text.strip() in _EMPTY:
        return None
    if not re.search(r"[0-9０-９]", text):
        q = parse_quantity(text.strip())
        return q if q is not None and q.unit and q.text == text.strip() else None
    return parse_quantity(_EQUALS.sub("", text))  # a target stated as =8个 is 8个 exactly


_EQUALS = re.compile(r"^\s*[=＝]\s*(?=\d)")


def _is_number(text: str) -> bool:
    q = _quantity(text)
    return q is not None and q.unit in ("", "分")


def _mention(q: Quantity, label: str, where: Where, implied: str | None = None) -> Mention:
    """A cell's value as a mention, starting where its number is written in the cell (50分 in 产出指标(50分), 8个 in =8个)."""
    start = max(where.text.find(q.text), 0) if q.text else 0
    return Mention(q, label, where, start, len(where.text), where.text, "", None, implied,
                   (where.block, where.cell or 0, 0))


def _as(q: Quantity, unit: str) -> Quantity:
    return replace(q, unit=unit)


def _column_header(cell: str) -> bool:
    """Does a header cell name a base-data column, its unit in brackets aside (2024年决算数（万元）)?"""
    return is_column_header(_UNIT_IN_HEADER.sub("", cell))


def _header_kind(cells: tuple[str, ...]) -> str | None:
    text = "".join(cells)
    if any(w in text for w in _FRAMEWORK_HEADER):
        return "framework"
    if ("年度指标" in text or any(re.fullmatch(TARGET_COLUMN, normalise(c)) for c in cells)) \
            and any(re.fullmatch(ACTUAL_COLUMN, normalise(c)) for c in cells) \
            and ("分值" in text or ("权重" in text and "得分" in text)):
        return "indicators"
    if "项目名称" in text and any(w in text for w in ("自评分", "得分", "评分", "分数")):
        return "projects"
    if sum(_column_header(c) for c in cells) >= 2:
        return "lines"
    if sum(_value_column(c) for c in cells) >= 2 and not any(_is_number(c) for c in cells):
        return "scalars"
    return None


_PROJECT_LABELS = re.compile(r"(?:项目|子项目|专项)名称")


def _of_projects(blocks: tuple[Block, ...], start: int) -> bool:
    """Is a table headed 项目名称 a table of projects (耕地保护项目 | 800.00 | 760.00), none of its rows naming one of the
    department's figures (基本支出, 项目支出)? Its 合计 is then the projects' total, never the department's budget."""
    if not _PROJECT_LABELS.fullmatch(normalise(blocks[start].cells[0])):
        return False
    j = start + 1
    while j < len(blocks) and _same_table(blocks, start, j):
        label = normalise(_clean_row(blocks[j].cells[0]))
        if not TOTAL_ROW.match(label) and (table_line(label) or table_scalar(label)):
            return False
        j += 1
    return True


_TOTAL_LABEL = re.compile(r"(?:合\s*计|总\s*计|共\s*计)[：:]?$|^(?:总\s*额|资金总额|年度资金总额)[：:]?$")


def _plain_header(blocks: tuple[Block, ...], i: int) -> bool:
    """The first row of a table no other reader knows, of words only, over a row holding numbers (项目名称 /
    预算数（万元） / 执行数（万元）): read by its headers as a table of the unit's own figures."""
    block = blocks[i]
    if block.kind != "row" or len([c for c in block.cells if c.strip()]) < 2 or any(_quantity(c) for c in block.cells):
        return False
    if i > 0 and blocks[i - 1].kind == "row" and blocks[i - 1].table == block.table:
        return False
    following = _under(blocks, i)
    return following is not None and any(_quantity(c) for c in blocks[following].cells[1:])


def _under(blocks: tuple[Block, ...], i: int) -> int | None:
    """The first row of i's table below it that holds anything (a header's second row, read into it, is left empty)."""
    j = i + 1
    while j < len(blocks) and _same_table(blocks, i, j) and not any(c.strip() for c in blocks[j].cells):
        j += 1
    return j if j < len(blocks) and _same_table(blocks, i, j) else None


def _value_column(header: str) -> bool:
    words = _UNIT_IN_HEADER.sub("", normalise(simplified(header)))
    return bool(words) and (table_scalar(words) is not None or any(w in words for w in _SPECIAL_COLUMNS)
                            or _building(words) is not None)


def _building(words: str) -> str | None:
    for key, pattern in (("buildings.approved_area", r"批复规模"), ("buildings.actual_area", r"实际规模"),
                         ("buildings.approved_investment", r"预算投资"), ("buildings.actual_investment", r"实际投资")):
        if re.fullmatch(pattern, words):
            return key
    return None


def _without_numbering(blocks: tuple[Block, ...], kept: dict[int, tuple[int, ...]]) -> tuple[Block, ...]:
    """The blocks with a table's numbering columns dropped: a 序号 / 编号 / 行次 column whose numbers were blanked as
    the document was built (numbers_of_tables) taken out of every row of its table, so that the other cells stand
    under their headers. `kept` is filled with the cells each changed row keeps, by their places in the document."""
    out = list(blocks)
    first: dict[int, int] = {}
    for j, block in enumerate(blocks):
        if block.kind != "row" or block.table is None:
            continue
        start = first.setdefault(block.table, j)
        drop = {k for k, h in enumerate(blocks[start].cells) if INDEX_COLUMN.match(h.strip())}
        if drop and (j == start or all(k >= len(block.cells) or not block.cells[k].strip() for k in drop)):
            kept[j] = tuple(k for k in range(len(block.cells)) if k not in drop)
            out[j] = replace(block, cells=tuple(block.cells[k] for k in kept[j]))
    return tuple(out)


_PERIOD = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?|上年度?|本年度?|年初|全年|调整后)")
_FIGURE_CELL = re.compile(r"[-－]?[\d.,，]++\s*[%％]?")


def _two_row_headers(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with each header of two rows read as one (项目 | 决算数（万元）spanning 2024年 / 2025年 | 变动率, as
    Word merges the cells: the group cell once, followed by an empty cell per further column, and the cells merged
    down empty below): each column named by its group and its own cell (2024年决算数（万元）), the second row left
    empty, so that the values stand under one header row as in a table whose header is a single row. A second row
    is a header's only when it holds words alone, under a group's span or a blank of the first, with values below."""
    out = list(blocks)
    for j in range(len(blocks) - 2):
        top, under, below = blocks[j], blocks[j + 1], blocks[j + 2]
        if top.kind != "row" or top.table is None or not all(b.kind == "row" and b.table == top.table
                                                              for b in (under, below)):
            continue
        if j and blocks[j - 1].kind == "row" and blocks[j - 1].table == top.table:
            continue  # only a table's first row opens its header
        merged = _header_of_two(top.cells, under.cells)
        if merged is not None and any(_FIGURE_CELL.fullmatch(c.strip()) for c in below.cells):
            out[j] = replace(top, cells=merged)
            out[j + 1] = replace(under, cells=tuple("" for _ in under.cells))
    return tuple(out)


def _header_of_two(top: tuple[str, ...], under: tuple[str, ...]) -> tuple[str, ...] | None:
    """One header from two rows, or None when the second is no header's: its cells must be words, stand only where
    the first row's cell is empty or is a group's own, and name at least two columns under a group."""
    width = max(len(top), len(under))
    top, under = top + ("",) * (width - len(top)), under + ("",) * (width - len(under))
    if not top[0].strip() or under[0].strip() or any(_FIGURE_CELL.fullmatch(c.strip()) for c in under if c.strip()):
        return None
    merged, group, spanned = [], "", 0
    for k in range(width):
        head, sub = top[k].strip(), under[k].strip()
        if head:
            group = head
        if sub and not head and not group:
            return None
        if sub and not head:
            spanned += 1
        merged.append(_group_name(group, sub) if sub else head)
    if spanned == 0 or sum(1 for c in under if c.strip()) < 2:
        return None
    return tuple(merged)


def _group_name(group: str, sub: str) -> str:
    """A column's name from its group and its own cell, the year or period first (2024年 under 决算数（万元） is
    2024年决算数（万元）; 年初 under 预算数 is 年初预算数; 基本支出 under 决算数 is 决算数·基本支出)."""
    unit = _UNIT_IN_HEADER.search(group)
    words = _UNIT_IN_HEADER.sub("", group).strip()
    if _PERIOD.match(words):
        name = f"{words}{sub}"
    elif _PERIOD.match(sub):
        name = f"{sub}{words}"
    else:
        name = f"{words}·{sub}"
    return name + (unit.group(0) if unit else "")


def read_tables(document: Document, report_year: int | None) -> Tables:
    """Every table the reader recognises, and the blocks it read."""
    out = Tables()
    written = _two_row_headers(_without_numbering(document.blocks, out.kept))
    blocks = tuple(replace(b, cells=tuple(simplified(c) for c in b.cells)) for b in written)  # 預算數 is 预算数
    paired = _pair_tables(blocks)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if i in document.furniture:  # a contents line split like a form's pairs (某某办部门 | 2020 | 年…报告 | 24)
            i += 1
            continue
        kind = _header_kind(block.cells) if block.kind == "row" else None
        if kind == "scalars" and _of_projects(blocks, i):
            kind = "plain"  # its values are the projects' own, each under its row and column
        if kind is None and _turned(blocks, i):
            kind = "turned"
        if kind is None and _plain_header(blocks, i):
            kind = "plain"
        if kind is None and block.kind == "row" and (_pair_row(block.cells) or block.table in paired):
            kind = "pairs"
        if kind is None:
            i += 1
            continue
        if kind == "indicators" and (out.lines or out.total is not None) and _project_named(blocks, i):
            i = _read_project_table(blocks, i, out, report_year, _project_named(blocks, i) or "")
            continue
        reader = {"framework": _read_rule_table, "indicators": _read_indicators, "projects": _read_projects,
                  "lines": _read_lines, "scalars": _read_scalars, "plain": _read_plain, "pairs": _read_pairs,
                  "turned": _read_turned}[kind]
        i = reader(blocks, i, out, report_year)
    _in_its_own_writing(out, written)
    _cited_in_their_runs(out, written)
    _declare_row_rates(out)
    return out


def _in_its_own_writing(out: Tables, written: tuple[Block, ...]) -> None:
    """Each value read from a table copied in traditional characters (read as simplified, character for character,
    so that its headers and rows are known) cited as the report writes it: its cell's text and its own writing
    (1,520.36萬元), the same length, so every offset holds."""
    done: dict[int, Mention] = {}

    def own(m: Mention) -> Mention:
        j, k = m.where.block, m.where.cell
        if id(m) in done or k is None or j >= len(written) or k >= len(written[j].cells):
            return done.get(id(m), m)
        cell = written[j].cells[k]
        if cell == m.where.text or simplified(cell) != m.where.text:
            return m
        start = max(m.where.text.find(m.quantity.text), 0)
        q = replace(m.quantity, text=cell[start:start + len(m.quantity.text)])
        done[id(m)] = replace(m, quantity=q, where=replace(m.where, text=cell))
        return done[id(m)]

    out.totals = [replace(t, whole=own(t.whole), parts=tuple(own(p) for p in t.parts)) for t in out.totals]
    out.cells = [replace(c, mention=own(c.mention), of=_own_reading(c.of, own)) for c in out.cells]
    out.section_weights = [(name, own(m)) for name, m in out.section_weights]
    out.total = own(out.total) if out.total is not None else None
    out.weight_total = own(out.weight_total) if out.weight_total is not None else None

    def words(text: str | None, j: int) -> str | None:  # a row's own words (its indicator's name) as written
        cells = written[j].cells if j < len(written) else ()
        at = next(((c, i) for c in cells if text and (i := simplified(c).find(text)) >= 0), None)
        return at[0][at[1]:at[1] + len(text)] if at is not None and text else text

    out.lines = [replace(x, target=own(x.target) if isinstance(x.target, Mention) else words(x.target, x.where.block),
                         actual=own(x.actual) if isinstance(x.actual, Mention) else words(x.actual, x.where.block),
                         weight=own(x.weight), score=own(x.score) if x.score is not None else None,
                         name=words(x.name, x.where.block) or x.name,
                         deviation=words(x.deviation, x.where.block),
                         where=replace(x.where, text=words(x.where.text, x.where.block) or x.where.text))
                 for x in out.lines]
    out.projects = [replace(x, score=own(x.score) if x.score else None, budget=own(x.budget) if x.budget else None,
                            executed=own(x.executed) if x.executed else None) for x in out.projects]


def _own_reading(of: Declared | None, own: Callable[[Mention], Mention]) -> Declared | None:
    return replace(of, numerator=own(of.numerator), denominator=own(of.denominator)) if of is not None else None


def _declare_row_rates(out: Tables) -> None:
    """Each rate a row states beside two figures its words name (row_rates): declared their rate, the claim of its
    row (在职人员控制率 | 编制数 | 50 | 在职人数 | 48 | 96%), unless the layout declared it already."""
    rows: dict[tuple[int, int], list[Mention]] = {}
    for cell in out.cells:
        rows.setdefault(cell.line_of, []).append(cell.mention)
    for k, cell in enumerate(out.cells):
        if cell.mention.is_rate and cell.of is None and not cell.target:
            reading = declared(cell.mention, rows[cell.line_of])
            if reading is not None:
                out.cells[k] = replace(cell, of=reading)


def _cited_in_their_runs(out: Tables, blocks: tuple[Block, ...]) -> None:
    """Values of a table rebuilt from text that ran its cells together (a row per line, or the whole table on one
    line) cited with the row's text up to them (年度资金总额: 0 0 0), as the report writes it: a cell alone (0) says
    neither where it stands nor which of its row's equal values it is."""
    done: dict[int, Mention] = {}

    def cited(m: Mention) -> Mention:
        j, k = m.where.block, m.where.cell
        if id(m) in done or k is None or not FLATTENED_TABLES <= (blocks[j].table or 0) < STATEMENT_TABLES:
            return done.get(id(m), m)
        row = blocks[j].cells
        if k >= len(row) or row[k].strip() != m.where.text.strip():
            return m
        before = " ".join(c.strip() for c in row[:k] if c.strip())
        text = f"{before} {row[k].strip()}" if before else row[k].strip()
        lead = len(text) - len(row[k].strip())
        done[id(m)] = replace(m, where=replace(m.where, text=text), start=lead + m.start, end=len(text))
        return done[id(m)]

    out.totals = [replace(t, whole=cited(t.whole), parts=tuple(cited(p) for p in t.parts)) for t in out.totals]
    out.cells = [replace(c, mention=cited(c.mention)) for c in out.cells]
    out.section_weights = [(name, cited(m)) for name, m in out.section_weights]
    out.total = cited(out.total) if out.total is not None else None
    out.lines = [replace(x, target=cited(x.target) if isinstance(x.target, Mention) else x.target,
                         actual=cited(x.actual) if isinstance(x.actual, Mention) else x.actual,
                         weight=cited(x.weight), score=cited(x.score) if x.score is not None else None)
                 for x in out.lines]


def _same_table(blocks: tuple[Block, ...], start: int, j: int) -> bool:
    return blocks[j].kind == "row" and blocks[j].table == blocks[start].table


_RULE_COLUMN = re.compile(r"评分(?:标准|要点|细则|办法|方法|依据|说明)|评价(?:标准|要点)|计分(?:标准|方法|办法)|扣分(?:标准|办法)")
_WEIGHT_COLUMN = re.compile(r"(?:指标)?(?:分值|权重|标准分值?|满分值?)(?:[（(]\s*分\s*[）)])?")
_SCORE_COLUMN = re.compile(r"(?:自评|评价|实际|考核|最终)?得分(?:[（(]\s*分\s*[）)])?|自评分(?:数|值)?")


@dataclass(frozen=True)
class _ScoredColumns:
    """Where a scored evaluation table (指标 … 分值 | 评分标准 | 得分) puts its parts: the label columns before its
    分值, the 分值 and 得分 columns, and the columns of its scoring rules."""

    labels: tuple[int, ...]
    weight: int
    score: int
    rules: tuple[int, ...]
    header: tuple[str, ...]

    @classmethod
    def of(cls, header: tuple[str, ...]) -> "_ScoredColumns | None":
        cells = [normalise(c) for c in header]
        weight = next((k for k, c in enumerate(cells) if _WEIGHT_COLUMN.fullmatch(c)), None)
        score = next((k for k, c in enumerate(cells) if _SCORE_COLUMN.fullmatch(c)), None)
        rules = tuple(k for k, c in enumerate(cells) if _RULE_COLUMN.search(c))
        if weight is None or score is None or not rules or weight == 0:
            return None
        labels = tuple(k for k in range(min(weight, *rules)) if cells[k] and not _RULE_COLUMN.search(cells[k])) \
            or tuple(range(min(weight, *rules)))
        return cls(labels, weight, score, rules, header)

    def scored(self, cells: tuple[str, ...]) -> bool:
        """Does the row give its 分值 and its 得分 as numbers under their columns?"""
        return len(cells) > max(self.weight, self.score) and _is_number(cells[self.weight]) \
            and _is_number(cells[self.score])


def _read_rule_table(blocks: tuple[Block, ...], start: int, out: Tables, report_year: int | None) -> int:
    """A table with a column of scoring rules (评分标准, 评分要点): the unit's own evaluation table when its rows give
    their 得分 (each row's 分值 and 得分 are figures, its rules are not), else the framework's indicator table, skipped.
    A 绩效自评表 with targets and actuals as well is read as one."""
    columns = _ScoredColumns.of(blocks[start].cells)
    rows = [j for j in range(start + 1, len(blocks)) if _same_table(blocks, start, j)
            and blocks[j].section == blocks[start].section]
    if columns is None or not any(columns.scored(blocks[j].cells) for j in rows):
        return _skip_framework(blocks, start, out, report_year)
    if _header_kind(tuple(c for c in blocks[start].cells if not _RULE_COLUMN.search(c))) == "indicators":
        return _read_indicators(blocks, start, out, report_year)
    return _read_scored(blocks, start, out, columns)


def _read_scored(blocks: tuple[Block, ...], start: int, out: Tables, columns: _ScoredColumns) -> int:
    """A scored evaluation table: each row's 分值 and 得分 in 分 under its indicator's name, a level's weight in
    brackets in its cell (决策（15分）), the 总分 row's 得分 as the claimed total and its 分值 as a figure, a grade row's
    grade. The rules' cells are no figures; any other cell (a note on the deduction) is left to be read as prose.
    A level's weight is declared = its rows' 分值, and the 总分 row's 分值 and 得分 = the rows' (summed)."""
    out.taken.add(start)
    header = columns.header
    sums = _ScoredSums()
    j = start + 1
    while j < len(blocks) and _same_table(blocks, start, j) and blocks[j].section == blocks[start].section:
        block = blocks[j]
        cells = block.cells
        first = next((c.strip() for c in cells if c.strip()), "")
        if ("等级" in first or "等次" in first) and not columns.scored(cells):
            grade = next((c.strip() for c in cells[1:] if c.strip() in GRADE_WORDS), None)
            if grade:
                out.taken.add(j)
                out.grade = (GRADE_WORDS[grade], Where(block.section, grade, j, 1, first))
            j += 1
            continue
        if _TOTAL_LINE_WORDS.match(normalise(first)):
            out.taken.add(j)
            for k in (columns.weight, columns.score):
                q = _quantity(cells[k]) if k < len(cells) else None
                if q is None:
                    continue
                q = q if q.unit else _as(q, "分")
                m = _mention(q, f"{first}·{header[k]}", Where(block.section, cells[k], j, k, first, header[k]))
                if k == columns.score:
                    out.total = m
                else:
                    out.cells.append(Cell(m))
                out.totals += sums.total(m, k == columns.score)
            j += 1
            continue
        if not columns.scored(cells) and not any(_quantity(cells[k]) for k in columns.labels if k < len(cells)):
            for k in columns.labels:  # a level's row of its own: 决策（15分）
                if k < len(cells) and _POINTS.search(cells[k]):
                    _level1_weight(out, _strip_points(cells[k]), cells[k], j, block)
                    out.totals += sums.level(out.section_weights[-1][1])
                    out.take_cell(j, k)
            for k in columns.rules:
                out.take_cell(j, k)
            j += 1
            continue
        named = [k for k in columns.labels if k < len(cells) and cells[k].strip()]
        name = _strip_points(cells[named[-1]]) if named else ""
        for k in named:
            if _POINTS.search(cells[k]) and k != named[-1]:
                _level1_weight(out, _strip_points(cells[k]), cells[k], j, block)
                out.totals += sums.level(out.section_weights[-1][1])
            out.take_cell(j, k)
        for k in (columns.weight, columns.score, *columns.rules):
            out.take_cell(j, k)
            q = _quantity(cells[k]) if k in (columns.weight, columns.score) and k < len(cells) else None
            if q is not None:
                q = q if q.unit else _as(q, "分")
                label = f"{name}·{header[k]}" if name else header[k]
                m = _mention(q, label, Where(block.section, cells[k], j, k, name, header[k]))
                out.cells.append(Cell(m))
                sums.row(m, k == columns.score)
        j += 1
    out.totals += sums.level(None)
    return j


@dataclass
class _ScoredSums:
    """What a scored evaluation table's own structure sums: each level's weight over its rows' 分值, the 总分 row over
    all rows' 分值 and 得分."""

    opened: Mention | None = None  # the weight of the level the rows read are under
    under: list[Mention] = field(default_factory=list)
    weights: list[Mention] = field(default_factory=list)
    scores: list[Mention] = field(default_factory=list)

    def row(self, m: Mention, score: bool) -> None:
        (self.scores if score else self.weights).append(m)
        if not score:
            self.under.append(m)

    def level(self, weight: Mention | None) -> list[Listed]:
        """A level opens (or the table ends): the level before it over its rows, if it had two or more."""
        closed = [_column_total(self.opened, self.under)] if self.opened is not None and len(self.under) >= 2 else []
        self.opened, self.under = weight, []
        return closed

    def total(self, m: Mention, score: bool) -> list[Listed]:
        parts = self.scores if score else self.weights
        return [*(self.level(None) if not score else []), *([_column_total(m, parts)] if len(parts) >= 2 else [])]


def _skip_framework(blocks: tuple[Block, ...], start: int, out: Tables, report_year: int | None) -> int:
    """The framework's indicator table states weights and rules, not figures: skip it to the end of its section."""
    section = blocks[start].section
    j = start
    while j < len(blocks) and blocks[j].section == section:
        out.taken.add(j)
        j += 1
    out.skipped.append(f"{section or '正文'}：评价指标表（评分要点、评分标准），是框架而非单位的数据，未读取")
    return j


def _read_lines(blocks: tuple[Block, ...], start: int, out: Tables, report_year: int | None) -> int:
    """A base data table: money lines by row, the columns 上年/本年 预算数/决算数 by header."""
    header = Header.of(blocks[start].cells, _column_header)
    out.taken.add(start)
    first_cell = len(out.cells)
    rows: list[tuple[str, dict[int, Mention]]] = []
    j = start + 1
    while j < len(blocks) and _same_table(blocks, start, j) and _header_kind(blocks[j].cells) is None:
        out.taken.add(j)
        read = header.row(blocks[j].cells, _is_value)
        label = _clean_row(read.label)
        line = table_line(read.label)
        scalar = table_scalar(read.label) if line is None else None
        rows.append((label, {}))
        for cell in read.values:
            q = _quantity(cell.text)
            if q is None:
                continue
            column = column_of(normalise(cell.header), _year(cell.header), report_year)
            path = line_path(line, column) if line else (scalar if scalar and column == _scalar_column(scalar) else None)
            if path and q.unit == "%" and unit_of(path) != "%":
                path = None  # a row's 变动率 is no amount of its line
            named = _UNIT_IN_HEADER.search(simplified(cell.header))
            q, implied = (_as(q, named.group(1)), f"单位见表头“{cell.header}”") if named and not q.unit \
                else _catalogue_unit(q, path)
            where = Where(blocks[j].section, cell.text, j, cell.at, label, cell.header)
            out.cells.append(Cell(_mention(q, f"{label}·{cell.header}", where, implied), path))
            rows[-1][1][cell.column] = out.cells[-1].mention
        j += 1
    _declare_shares(out, first_cell, rows, header.headers)
    return j


def _read_plain(blocks: tuple[Block, ...], start: int, out: Tables, report_year: int | None) -> int:
    """A table of the unit's own figures by its headers: each value with its row's label and its column's header
    (and the unit the header names, 预算数（万元）); a total row sums, column by column, the rows the table's layout
    gives it (grid.row_totals: a 合计 row the rows above it, a 资金总额 row heading the table the rows under it)."""
    top = blocks[start].cells
    below = _under(blocks, start)
    first = blocks[below].cells if below is not None else ()
    unlabelled = bool(first) and _quantity(first[0]) is not None  # no label column: each header cell is a column's
    header = Header.of(top, lambda c: not top[0].strip() or unlabelled)
    columns = header.headers
    stated = _stated_unit(blocks, start)
    out.taken.add(start)
    first_cell = len(out.cells)
    rows: list[tuple[str, dict[int, Mention]]] = []
    sums = _NamedSums(next((k for k, h in enumerate(columns) if k and _SECOND_LABEL.match(h.strip())), len(columns)))
    unit_at = next((k for k, h in enumerate(columns) if _UNIT_COLUMN.fullmatch(normalise(h))), None)
    valued = [k for k in range(len(columns)) if k != unit_at]
    single = valued[0] if len(valued) == 1 else None  # a label-value table (指标 | 单位 | 数值): a row names its figure
    j = start + 1
    while j < len(blocks) and _same_table(blocks, start, j):
        out.taken.add(j)
        grid_row = header.row(blocks[j].cells, _is_value)
        row = _clean_row(grid_row.label)
        total = TOTAL_ROW.match(normalise(row)) is not None
        row_unit = next((normalise(c.text) for c in grid_row.values if c.column == unit_at), "")
        read: dict[int, Mention] = {}
        before: Value | None = None
        for cell in grid_row.values:
            k, text, head = cell.column, cell.text, cell.header
            q = _quantity(text)
            word = _own_label(before, cell, columns, unit_at)
            before = cell
            if q is None:
                continue
            if word is not None:  # 在职人员控制率 | 编制数 | 50: the value is what its cell's label names
                m, path = _labelled_value(q, word, Where(blocks[j].section, text, j, cell.at, row, word), stated,
                                          report_year)
                out.cells.append(Cell(m, path))
                read[k] = m
                continue
            named = _unit_named(row_unit) if not q.unit else None
            if named and unit_at is not None:
                q, implied = _as(q, named), f"单位见“{columns[unit_at]}”列：{row_unit}"
            else:
                q, implied = _cell_unit(q, head, row, stated)
            where = Where(blocks[j].section, text, j, cell.at, row, head)
            m = _mention(q, f"{row}·{head}" if row else head, where, implied)
            path = _row_figure(row, head, q, report_year) \
                if (k == single or _YEAR_ROW.fullmatch(head.strip())) and not total else None
            if path and not q.unit:
                q, implied = _catalogue_unit(q, path)
                m = _mention(q, m.label, where, implied)
            out.cells.append(Cell(m, path))
            read[k] = m
            if not total and not m.is_rate:
                out.totals += sums.read(k, normalise(row), m)
        rows.append((grid_row.label.strip(), read))
        out.totals += _row_sum(list(read.values()), columns)
        j += 1
    named = {(id(t.whole), frozenset(map(id, t.parts))) for t in out.totals}  # a 收入合计 its statement's sums found
    out.totals += [t for t in _totals_of_rows(rows) if (id(t.whole), frozenset(map(id, t.parts))) not in named]
    _declare_shares(out, first_cell, rows, columns)
    return j


_GENERIC_COLUMN = re.compile(r"数值|数据|数额|金额|数量|值|数")  # a value column that says nothing of what it holds


def _own_label(before: Value | None, cell: Value, columns: list[str], unit_at: int | None) -> str | None:
    """The words of the cell right before a value in its row, when they label it (项目 | 数值 | 项目 | 数值: each
    value named by the cell before it), not the value's column: its column's header says nothing of what it holds
    (数值, 金额), or heads several columns."""
    if before is None or before.at != cell.at - 1 or before.column == unit_at:
        return None
    words = _clean_row(before.text)
    if not words or words in _EMPTY or _quantity(words) is not None or TOTAL_ROW.match(normalise(words)):
        return None
    head = _UNIT_IN_HEADER.sub("", normalise(cell.header))
    return words if _GENERIC_COLUMN.fullmatch(head) or columns.count(cell.header) > 1 else None


def _labelled_value(q: Quantity, word: str, where: Where, stated: str | None,
                    report_year: int | None) -> tuple[Mention, str | None]:
    """A value under the label its row gives it: the catalogue figure the label names (编制数), in that figure's unit
    when it has none (人), else the unit the label names in brackets or the table's money unit (单位：万元) unless
    the label counts or rates something else."""
    path = _pair_path(word, report_year)
    if path and not q.unit and (unit_of(path) not in _MONEY or not stated):
        q, implied = _catalogue_unit(q, path)
    else:
        q, implied = _cell_unit(q, word, "", stated)
    return _mention(q, word, where, implied), path


def _declare_shares(out: Tables, first_cell: int, rows: list[tuple[str, dict[int, Mention]]], columns: list[str]) -> None:
    """The table's cells from `first_cell` on with the shares its layout declares (_shares_of_totals)."""
    shares = _shares_of_totals(rows, columns)
    if shares:
        out.cells[first_cell:] = [replace(c, of=shares[id(c.mention)]) if id(c.mention) in shares else c
                                  for c in out.cells[first_cell:]]


_SHARE_COLUMN = re.compile(r"占比|比重|构成比?|所占比例")


def _shares_of_totals(rows: list[tuple[str, dict[int, Mention]]], columns: list[str]) -> dict[int, Declared]:
    """The shares a table's layout declares, by the id of each rate: a column headed 占比 / 比重 beside the amounts its
    total row sums (grid.row_totals) gives each of those rows' amount over the total's — of the amount column its
    header names (决算占比: the 决算数 column), else of the table's one amount column."""
    out: dict[int, Declared] = {}
    for share in (k for k, h in enumerate(columns) if _SHARE_COLUMN.search(normalise(h))):
        amounts = {k for _, read in rows for k, m in read.items() if k != share and not m.is_rate}
        named = {k for k in amounts if _UNIT_IN_HEADER.sub("", normalise(columns[share])).replace("占比", "")
                 .replace("比重", "") in normalise(columns[k])} if len(amounts) > 1 else amounts
        if len(named) != 1:
            continue
        amount = named.pop()
        for total in row_totals([label for label, _ in rows]):
            whole = rows[total.row][1].get(amount)
            for i in total.parts:
                part, rate = rows[i][1].get(amount), rows[i][1].get(share)
                if whole is not None and part is not None and rate is not None and rate.is_rate \
                        and part.quantity.unit == whole.quantity.unit:
                    out[id(rate)] = Declared("share", part, whole, "本表合计行")
    return out


def _totals_of_rows(rows: list[tuple[str, dict[int, Mention]]]) -> list[Listed]:
    """Each total row of a table over the rows its layout gives it (grid.row_totals, from the rows' labels as written,
    numbers and all), column by column: declared their sum when it closes them (合计); when it heads them (年度资金总额
    over its sources, 一、基本支出 over 1. 2.), their sum where they add up, and else at least each only when 其中 opens
    them — a 合计 heading rows of subjects at several levels (201 / 20101 / 2010101) is no sum of them all; a total
    whose label names what it totals (收入合计) only where they add up; a rate column's cells are no parts, and a
    column's parts share its unit."""
    out = []
    for total in row_totals([label for label, _ in rows], lambda whole, parts: _adds(rows, whole, parts)):
        for k, whole in rows[total.row][1].items():
            parts = [rows[i][1][k] for i in total.parts if k in rows[i][1]]
            if parts and not whole.is_rate and all(p.quantity.unit == whole.quantity.unit for p in parts) \
                    and (len(parts) >= 2 or not total.closing):
                found = _column_total(whole, parts, "summed" if total.closing and not total.named else "inline")
                if found.complete or (total.closing or total.opened) and not total.named:
                    out.append(found)
    return out


def _adds(rows: list[tuple[str, dict[int, Mention]]], whole: int, parts: tuple[int, ...]) -> bool:
    """Do the rows `parts` make row `whole` in every amount column it states (a blank cell none), one column at
    least?"""
    columns = [(k, m) for k, m in rows[whole][1].items() if not m.is_rate]
    if not columns or not parts:
        return False
    for k, m in columns:
        cells = [rows[i][1].get(k) for i in parts]
        if any(c is not None and (c.is_rate or c.quantity.unit != m.quantity.unit) for c in cells):
            return False
        if not agrees(m.quantity, sum((c.quantity.value for c in cells if c is not None), Decimal(0))):
            return False
    return True


def _is_value(text: str) -> bool:
    return _quantity(text) is not None


def _row_figure(row: str, header: str, q: Quantity, report_year: int | None) -> str | None:
    """The catalogue figure a row of a label-value table names, as the same words with the value in a sentence
    would (核定编制 | 人 | 48 is 编制; 部门整体支出 | 万元 | 3752.48 what was spent; its column's header may say which
    year or column: 2023年决算数), when the value is in that figure's unit (or written bare)."""
    if q.unit in ("%", "‰") or q.value < 0:
        return None
    words = normalise(row)
    scalar = table_scalar(words)
    year = _year(header) or _year(row)
    if scalar is not None:
        path: str | None = scalar if year in (None, report_year) else None
    else:
        line = table_line(words)
        path = line_path(line, column_of(normalise(f"{row}{header}"), year, report_year)) if line else None
    return path if path and (not q.unit or commensurable(q.unit, unit_of(path))) else None


_YEAR_ROW = re.compile(r"(?:19|20)\d{2}\s*年度?")
MIN_YEAR_ROWS = 2  # rows labelled by a year that make a table one turned on its side


def _turned(blocks: tuple[Block, ...], i: int) -> bool:
    """A table turned on its side (年度 | “三公”经费 | 公务接待费 over rows 2023年 / 2024年 / 变动率): its first row words
    of which one names a catalogue figure, its rows labelled by years (two at least) and read across, each column
    being one figure's line."""
    block = blocks[i]
    if block.kind != "row" or len(block.cells) < 2 or any(_quantity(c) for c in block.cells):
        return False
    if i > 0 and blocks[i - 1].kind == "row" and blocks[i - 1].table == block.table:
        return False
    if not any(table_line(c) or table_scalar(normalise(c)) for c in block.cells[1:] if c.strip()):
        return False
    years, j = 0, i + 1
    while j < len(blocks) and _same_table(blocks, i, j) and years < MIN_YEAR_ROWS:  # its own rows only: linear
        years += bool(_YEAR_ROW.fullmatch(blocks[j].cells[0].strip()))
        j += 1
    return years >= MIN_YEAR_ROWS


def _read_turned(blocks: tuple[Block, ...], start: int, out: Tables, report_year: int | None) -> int:
    """A table turned on its side: each value of its column's figure in its row's year (2023年 the year before the
    report's), a rate row's value (变动率) that column's change; the values of one column are one line, as a row's
    are in a table set upright, so a change is checked against its own column."""
    top = blocks[start].cells
    header = Header.of(top, lambda c: not top[0].strip())  # 年度 heads the years down the side
    stated = _stated_unit(blocks, start)
    out.taken.add(start)
    j = start + 1
    while j < len(blocks) and _same_table(blocks, start, j):
        out.taken.add(j)
        read = header.row(blocks[j].cells, _is_value)
        year_label = read.label.strip()
        for cell in read.values:
            q = _quantity(cell.text)
            if q is None:
                continue
            figure = _clean_row(cell.header)
            q, implied = _cell_unit(q, year_label, figure, stated)
            path = _row_figure(figure, year_label, q, report_year) if _YEAR_ROW.fullmatch(year_label) else None
            if path and not q.unit:
                q, implied = _catalogue_unit(q, path)
            where = Where(blocks[j].section, cell.text, j, cell.at, figure, year_label)
            out.cells.append(Cell(_mention(q, f"{figure}·{year_label}", where, implied), path,
                                  across=(start, header.columns[cell.column][0])))
        j += 1
    return j


def _unit_named(text: str) -> str | None:
    """The unit a 单位 cell names (人, 万元, %) as the reader names units; None for words that are none."""
    q = parse_quantity(f"1{text}") if text else None
    return q.unit if q is not None and q.unit and q.text == f"1{text}" else None


_UNIT_COLUMN = re.compile(r"(?:计量|度量)?单位")  # a column giving each row's unit (指标 | 单位 | 数值)
_SUM_COLUMN = re.compile(r"(?:合计|总计)(?:[（(][^）)]*[）)])?$")


def _row_sum(cells: list[Mention], columns: list[str]) -> list[Listed]:
    """A row's own sums by its columns: a group's 小计 (公务用车购置及运行费·小计, under a header of two rows) over the
    group's other columns, declared as the header says; and the row's first amount under a …合计 column (本年支出合计 |
    基本支出 | 项目支出) over the row's others (a group counted by its 小计), declared only where they make it up
    exactly (a column after them may be of another kind)."""
    subtotals = {h.partition("·")[0]: h for h in columns if "·" in h and _SUBTOTAL.fullmatch(normalise(h.partition("·")[2]))}
    inner = {m.where.column for m in cells if m.where.column and m.where.column.partition("·")[0] in subtotals
             and m.where.column not in subtotals.values()}
    out = []
    for group, head in subtotals.items():
        found = _summed(cells, head, [m for m in cells if m.where.column in inner
                                      and m.where.column.partition("·")[0] == group])
        out += [found] if found is not None else []
    if len(columns) >= 3 and _SUM_COLUMN.search(normalise(columns[0])):
        found = _summed(cells, columns[0], [m for m in cells if m.where.column not in (columns[0], *inner)])
        out += [found] if found is not None and found.complete else []
    return out


_SUBTOTAL = re.compile(r"小计|合计")


def _summed(cells: list[Mention], head: str, parts: list[Mention]) -> Listed | None:
    """The amount under `head` over `parts` (rates aside), where there is one such amount, two parts or more, and
    all in its unit."""
    first = [m for m in cells if m.where.column == head]
    parts = [m for m in parts if not m.is_rate]
    if len(first) != 1 or len(parts) < 2 or first[0].is_rate \
            or any(m.quantity.unit != first[0].quantity.unit for m in parts):
        return None
    return _column_total(first[0], parts)


_SECOND_LABEL = re.compile(r"^(?:项目|科目)")  # a second label column: the other side of a statement (收入 | 支出)


@dataclass
class _NamedSums:
    """A statement's own sums, column by column on one side: a row named …合计 (本年收入合计) is the rows above it since
    the last such row; a row named …总计 (收入总计) is the 合计 above it and the rows between them (用事业基金弥补收支差额,
    年初结转和结余). Declared only where they add up exactly: the names alone do not say which rows are whose."""

    side: int  # value columns from here on belong to the statement's other side
    since: dict[int, list[Mention]] = field(default_factory=dict)
    summed: dict[int, Mention] = field(default_factory=dict)
    beside: dict[int, list[Mention]] = field(default_factory=dict)

    def read(self, k: int, row: str, m: Mention) -> list[Listed]:
        if k >= self.side or SUB_ROW.match(row):
            return []
        if row.endswith("合计") and len(row) > 2:
            parts = self.since.pop(k, [])
            self.summed[k], self.beside[k] = m, []
            return [_column_total(m, parts)] if self._holds(m, parts) else []
        if row.endswith("总计") and len(row) > 2:
            parts = [self.summed[k], *self.beside.get(k, [])] if k in self.summed else self.since.get(k, [])
            self.since.pop(k, None)
            self.summed.pop(k, None)
            return [_column_total(m, parts)] if self._holds(m, parts) else []
        self.since.setdefault(k, []).append(m)
        if k in self.summed:
            self.beside.setdefault(k, []).append(m)
        return []

    @staticmethod
    def _holds(whole: Mention, parts: list[Mention]) -> bool:
        return len(parts) >= 2 and all(p.quantity.unit == whole.quantity.unit for p in parts) \
            and agrees(whole.quantity, sum((p.quantity.value for p in parts), Decimal(0)))


_STATED_UNIT = re.compile(r"(?:金额|计量)?单位\s*[：:]\s*(万元|元|亿元|千元)")
_MONEY = ("万元", "元", "亿元", "千元")
_NOT_MONEY = re.compile(r"率|比例|比重|%|％|分值|得分|权重|人数|个数|次数|数量|面积|户数|[人个次户项台辆件座所名家]$")
MAX_CAPTION = 3  # lines above a table where its caption may state its unit (表3 … / 单位：万元)


def _stated_unit(blocks: tuple[Block, ...], start: int) -> str | None:
    """The money unit a table states for its cells: in its header row or first rows (单位：万元), or in the lines of
    its caption just above it (…情况表（单位：万元）); None when it states none."""
    for j in range(start, min(start + 2, len(blocks))):
        if blocks[j].kind == "row" and blocks[j].table == blocks[start].table:
            for cell in blocks[j].cells:
                m = _STATED_UNIT.search(simplified(cell))
                if m:
                    return m.group(1)
    for j in range(start - 1, max(start - 1 - MAX_CAPTION, -1), -1):
        if blocks[j].kind == "row" and blocks[j].table != blocks[start].table:
            return None  # another table's rows: its caption is not this one's
        m = _STATED_UNIT.search(simplified(" ".join(blocks[j].cells)))
        if m:
            return m.group(1)
    return None


def _cell_unit(q: Quantity, header: str, row: str, stated: str | None) -> tuple[Quantity, str | None]:
    """A bare number's unit, from what the table says of it: its column's header or its row's label in brackets
    (预算数（万元）, 三公经费（万元）), else the money unit the table states, unless the column or row counts or
    rates something else (人数, 执行率, 得分). A number with its own unit, or with none said, stays as written."""
    if q.unit:
        return q, None
    for words in (header, row):
        named = _UNIT_IN_HEADER.search(simplified(words))
        if named:
            return _as(q, named.group(1)), f"单位见表头“{words}”"
    if stated and not _NOT_MONEY.search(_UNIT_IN_HEADER.sub("", simplified(header))) \
            and not _NOT_MONEY.search(_UNIT_IN_HEADER.sub("", simplified(row))):
        return _as(q, stated), f"单位见表上“单位：{stated}”"
    return q, None


_COLUMN_WORD = re.compile(r"(?:(?:19|20)\d{2}年度?|上年度?|本年度?)?(?:预算|决算)数?$")
_NOT_A_PAIR_LABEL = re.compile(r"(?:年度|年份|年)[：:]?$|(?:" + "|".join(CODE_LABELS) + r")[：:]?$")


def _pair_row(cells: tuple[str, ...], least: int = 2) -> bool:
    """A row of a two-column form: label, value, label, value (编制数 | 42 | 实有人数 | 40), at least `least` pairs,
    each label words and each value a number."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) < 2 * least or len(filled) % 2:
        return False
    labels, values = filled[0::2], filled[1::2]
    return all(_quantity(v) is not None for v in values) and not any(_quantity(x) or x[-1].isdigit() for x in labels)


def _pair_tables(blocks: tuple[Block, ...]) -> set[int]:
    """Tables without a header whose rows are each a label and its value (编制人数 | 60 / 在职人数 | 66, pasted from a
    spreadsheet), two rows at least: each row is a pair of the form, as a row of two pairs is."""
    rows: dict[int, list[bool]] = {}
    for block in blocks:
        if block.kind == "row" and block.table is not None:
            rows.setdefault(block.table, []).append(_pair_row(block.cells, least=1))
    return {table for table, pairs in rows.items() if len(pairs) >= 2 and all(pairs)}


def _pair_path(label: str, report_year: int | None) -> str | None:
    """The catalogue figure a form's label names: a scalar (编制数), or a base-data line and its column
    (三公经费预算数: the line 三公经费, the column 预算)."""
    words = normalise(_UNIT_IN_HEADER.sub("", simplified(label))).rstrip("：:")  # 编制人数（人） names 编制人数
    found = table_scalar(words)
    column = _COLUMN_WORD.search(words)
    if found is None and column and column.start() > 0:
        line = table_line(words[:column.start()])
        found = line_path(line, column_of(column.group(0), _year(column.group(0)), report_year)) if line else None
    return found


def _read_pairs(blocks: tuple[Block, ...], start: int, out: Tables, report_year: int | None) -> int:
    """A row of a two-column form (a 基础数据表 set as label, value, label, value): each value with the label before
    it, filling the catalogue figure the label names, in that figure's unit when the value has none (or the money
    unit the table states); a code or a year under its label (联系电话, 年度) is no figure."""
    block = blocks[start]
    stated = _stated_unit(blocks, start)
    out.taken.add(start)
    cells = block.cells
    filled = [k for k, c in enumerate(cells) if c.strip()]
    for at_label, at_value in zip(filled[0::2], filled[1::2]):
        label, text = _clean_row(cells[at_label]), cells[at_value]
        if _NOT_A_PAIR_LABEL.search(label):
            continue
        q = _quantity(text)
        assert q is not None  # _pair_row holds
        path = _pair_path(label, report_year)
        if path and unit_of(path) not in _MONEY and not _UNIT_IN_HEADER.search(simplified(label)):
            q, implied = _catalogue_unit(q, path)
        else:
            q, implied = _cell_unit(q, label, "", stated)
            if not q.unit:
                q, implied = _catalogue_unit(q, path)
        where = Where(block.section, text, start, at_value, label, None)
        out.cells.append(Cell(_mention(q, label, where, implied), path))
    return start + 1


def _column_total(whole: Mention, parts: list[Mention], shape: Literal["summed", "inline"] = "summed") -> Listed:
    """A column's total over its parts: summed (a 合计 row, declared =) or inline (其中 rows, = when they add up)."""
    total = sum((p.quantity.value for p in parts), Decimal(0))
    return Listed(whole, tuple(parts), shape, agrees(whole.quantity, total))


def _scalar_column(path: str) -> str:
    """The column of a base data table that states a scalar figure: a head count actually on the payroll in the
    决算 (actual) column, an approved number (编制, 聘用批复) and a budget figure in the 预算 column."""
    actual = path.startswith("staff.") and path not in ("staff.authorized", "staff.contract_approved")
    return "final" if actual else "budget"


def _catalogue_unit(q: Quantity, path: str | None) -> tuple[Quantity, str | None]:
    """A bare number in a cell that fills a catalogue figure is in that figure's unit (万元 for money, 人 for a
    head count), noted as implied; a bare number that fills none stays as written."""
    unit = unit_of(path) if path else ""
    if q.unit or not unit:
        return q, None
    return _as(q, unit), f"表中未写单位，按{unit}"


def _year(text: str) -> int | None:
    m = re.search(r"((?:19|20)\d{2})\s*年", text)
    return int(m.group(1)) if m else None


def _clean_row(label: str) -> str:
    return re.sub(r"^(?:\d{1,2}[、.．]|[（(]\d{1,2}[）)]、?)\s*", "", label.strip()).rstrip("：:")


def _read_scalars(blocks: tuple[Block, ...], start: int, out: Tables, report_year: int | None) -> int:
    """A header naming figures (编制数, 实际在职人数, 控制率; 年初预算, 全年预算数, 全年执行数) over rows of values.

    One row states the figures the header names: the total row (合计, 总额, 年度资金总额) when the table has one, else
    its first row; the others are the unit's own figures. A total row sums, column by column, the rows the table's
    layout gives it (grid.row_totals: 年度资金总额 heading 其中：财政拨款, 上年结转, 其他资金; a 合计 under its rows)."""
    header = Header.of(blocks[start].cells, _value_column)
    stated = _stated_unit(blocks, start) or _unit_of_labels(header.label)
    out.taken.add(start)
    rows: list[tuple[int, str, GridRow]] = []
    j, gap = start + 1, 0
    while j < len(blocks) and blocks[j].section == blocks[start].section and _header_kind(blocks[j].cells) is None:
        read = header.row(blocks[j].cells, _is_value) if blocks[j].kind == "row" else GridRow("", ())
        if not any(_quantity(v.text) for v in read.values):
            if j - start - 1 == gap and gap < MAX_GAP:  # a text copy can put the row's label cell apart
                gap += 1
                j += 1
                continue
            break
        out.taken.add(j)
        rows.append((j, _clean_row(read.label) or header.label, read))
        j += 1
    head = _stating_row(rows)
    sides = _Sides()
    read_rows: list[tuple[str, dict[int, Mention]]] = []
    for i, row, grid_row in rows:
        if i != head and _inner_labels([v.text for v in grid_row.values]):  # 按收入性质分： | 2456.18 | 按支出性质分：
            out.totals += sides.row(_paired_cells(blocks[i], i, row, grid_row.values, header.label, stated, out))
            continue
        found = _scalar_cells(blocks[i], i, row, grid_row.values, report_year, out, i == head, stated,
                              _executed_column(header.headers))
        read_rows.append((grid_row.label.strip() or row, dict(found)))
    out.totals += _totals_of_rows(read_rows)
    out.totals += sides.row([])
    return j


def _stating_row(rows: list[tuple[int, str, GridRow]]) -> int | None:
    """The row that states the figures a header names: the table's highest total (a 合计 over its 小计s, a 收入合计),
    or the row heading it (年度资金总额), its spending's (支出合计) before its income's (收入合计: what was received is no
    budget executed), else its first row."""
    ranked = [(rank[0] if (rank := total_rank(r[2].label or r[1])) else 1, "支出" in r[1], -k, r[0])
              for k, r in enumerate(rows) if total_rank(r[2].label or r[1]) or WHOLE_ROW.search(r[1])]
    return max(ranked)[3] if ranked else rows[0][0] if rows else None


def _unit_of_labels(label_header: str) -> str | None:
    """The money unit the header of a table's row labels names for the whole table (项目资金（万元）, 年度预算申请（万元）
    over the national 自评表's money columns)."""
    named = _UNIT_IN_HEADER.search(simplified(label_header))
    return named.group(1) if named and named.group(1) in _MONEY else None


def _inner_labels(values: list[str]) -> bool:
    """Does a row of values hold a label of its own between its values (a form set in two columns of label and
    value: 2456.18 | 按支出性质分： | 2456.18)? Words after the last value are a note, no label."""
    seen, labelled = False, False
    for text in values:
        if _quantity(text) is not None:
            if labelled:
                return True
            seen = True
        elif seen and text.strip() and text.strip() not in _EMPTY:
            labelled = True
    return False


def _paired_cells(block: Block, j: int, row: str, values: tuple[Value, ...], label_header: str, stated: str | None,
                  out: Tables) -> list[tuple[int, Mention]]:
    """A row set as label, value, label, value (the national form's 按收入性质分： | 2456.18 | 按支出性质分： | 2456.18):
    each value under the label before it in the row, not under the header's column above it, with its label's place
    (0 for the row's own label, else its cell's) — the side of the form it stands on."""
    found, label, at = [], SUB_ROW.sub("", row).strip(), 0
    for cell in values:
        q = _quantity(cell.text)
        if q is None:
            if cell.text.strip() and cell.text.strip() not in _EMPTY:
                label, at = SUB_ROW.sub("", _clean_row(cell.text)).strip(), cell.at
            continue
        q, implied = _cell_unit(q, label_header, label, stated)
        m = _mention(q, label, Where(block.section, cell.text, j, cell.at, label, None), implied)
        out.cells.append(Cell(m))
        found.append((at, m))
    return found


@dataclass
class _Sides:
    """A form's breakdown set in two columns (按收入性质分 | 按支出性质分, then 其中：一般公共预算 | 其中：基本支出 …): the
    first row of label-value pairs names each side's whole, the rows under it that side's parts, by where their labels
    stand; each side's whole is declared the sum of its parts (a blank part is none) when the rows end."""

    starts: list[int] = field(default_factory=list)  # where each side's label stands, in the row of the wholes
    wholes: list[Mention] = field(default_factory=list)
    parts: dict[int, list[Mention]] = field(default_factory=dict)

    def row(self, cells: list[tuple[int, Mention]]) -> list[Listed]:
        """A row of pairs read; an empty one ends the breakdown, giving each side's total over its parts."""
        if not cells:
            out = [_column_total(self.wholes[k], under) for k, under in self.parts.items()
                   if all(p.quantity.unit == self.wholes[k].quantity.unit for p in under)]
            self.starts, self.wholes, self.parts = [], [], {}
            return out
        if not self.wholes:
            self.starts, self.wholes = [at for at, _ in cells], [m for _, m in cells]
            return []
        for at, m in cells:
            side = max((k for k, start in enumerate(self.starts) if start <= at), default=0)
            if not m.is_rate:
                self.parts.setdefault(side, []).append(m)
        return []


_SPENT_COLUMN = re.compile(r"(?:本年|全年|年度)?决算数?")  # beside a budget's columns, what was spent of it


def _executed_column(headers: list[str]) -> str | None:
    """The header of a budget block's column of what was spent when the form calls it 决算数 (年初预算数 | 调整后预算数 |
    决算数): beside the budget's own columns it is the 全年执行数, none when the table names that already."""
    paths = {table_scalar(_UNIT_IN_HEADER.sub("", normalise(simplified(h)))) for h in headers}
    spent = [h for h in headers if _SPENT_COLUMN.fullmatch(_UNIT_IN_HEADER.sub("", normalise(h)))]
    return spent[0] if len(spent) == 1 and "budget.executed" not in paths \
        and paths & {"budget.start_of_year", "budget.adjusted"} else None


def _scalar_cells(block: Block, j: int, row: str, values: tuple[Value, ...], report_year: int | None,
                  out: Tables, states: bool, stated: str | None = None,
                  executed: str | None = None) -> list[tuple[int, Mention]]:
    """The values of one row of a header-named table (with their columns' places), read into out.cells, each
    filling the catalogue figure its column names when the row is the one that `states` them."""
    whole = WHOLE_ROW.search(row) is not None
    found = []
    for cell in values:
        header = cell.header
        q = _quantity(cell.text)
        if q is None:
            continue
        words = _UNIT_IN_HEADER.sub("", normalise(simplified(header)))
        unit = _UNIT_IN_HEADER.search(simplified(header))
        path = (table_scalar(words) or _building(words) or ("budget.executed" if header == executed else None)) \
            if states else None
        if path and _year(header) not in (None, report_year):
            path = None
        implied = None
        named = table_scalar(words) if words else None
        if not q.unit and unit:
            q, implied = _as(q, unit.group(1)), f"单位见表头“{header}”"
        elif not q.unit and ("分值" in words or "得分" in words or "权重" in words):
            q = _as(q, "分")
        elif not q.unit and stated and unit_of(path or named or "") in ("万元", ""):
            q, implied = _cell_unit(q, header, row, stated)  # the table's own 单位：元 before the catalogue's 万元
            if not q.unit:
                q, implied = _catalogue_unit(q, path or named)
        elif not q.unit:
            q, implied = _catalogue_unit(q, path or named)
        also = "lines.total.final" if whole and path == "budget.executed" else None
        where = Where(block.section, cell.text, j, cell.at, row, header)
        m = _mention(q, f"{row}·{header}" if row else header, where, implied)
        out.cells.append(Cell(m, path, also))
        found.append((cell.column, m))
    return found


_NAMED_AFTER_NUMBER = re.compile(r"\d++[\u4e00-\u9fff]{3,}")  # 110警情处置及时率, 12345热线接通率, 5G… aside


def _a_name(text: str) -> bool:
    """Can a cell be an indicator's name: words, or words after a number that is part of the name (110警情处置及时率:
    the number of the 110 line, not a value)?"""
    return bool(text.strip()) and (_quantity(text) is None or _NAMED_AFTER_NUMBER.match(text.strip()) is not None)


def _indicator_at(cells: tuple[str, ...], weight_column: int | None = None) -> int | None:
    """Where the indicator's name stands in a 绩效自评表 row: the cell followed by 年度指标, 实际完成值, 分值, 得分 —
    three before the header's 分值 when the row keeps the header's columns (a bare actual, 50, before 分值 8 and
    得分 8 would otherwise make the second-level cell the name), else the first cell so followed."""
    if weight_column is not None and weight_column >= 3 and len(cells) > weight_column \
            and _is_number(cells[weight_column]) and _a_name(cells[weight_column - 3]):
        return weight_column - 3
    for i, text in enumerate(cells):
        if not _a_name(text):
            continue
        if len(cells) > i + 3 and _is_number(cells[i + 3]) and (
                len(cells) <= i + 4 or not cells[i + 4].strip() or _is_number(cells[i + 4])):
            return i
    return None


def _read_indicators(blocks: tuple[Block, ...], start: int, out: Tables, report_year: int | None) -> int:
    """A 绩效自评表: level-1 headers with their （N分）, then one line per indicator, then the claimed total and grade.

    Runs on across the table breaks a text copy makes, up to the next part heading.
    """
    top = blocks[start].section.split(" ")[0]
    score_column = next((k for k, c in enumerate(blocks[start].cells) if _SCORE_COLUMN.fullmatch(normalise(c))), None)
    weight_column = next((k for k, c in enumerate(blocks[start].cells) if _WEIGHT_COLUMN.fullmatch(normalise(c))),
                         None)
    columns = _IndicatorColumns.of(blocks[start].cells)
    unclosed = _rebuilt_unclosed(blocks, start)
    level1, level2 = "", ""
    out.taken.add(start)
    j = start + 1
    while j < len(blocks):
        block = blocks[j]
        if block.section.split(" ")[0] != top or block.section != blocks[start].section:
            break
        cells, numbers = _rejoined_values(block.cells, len(blocks[start].cells))
        if block.kind == "paragraph":
            points = _POINTS.fullmatch(cells[0].strip())
            if points and level1:
                out.taken.add(j)
                _level1_weight(out, level1, cells[0], j, block)
            j += 1
            continue
        if _header_kind(block.cells) == "indicators":
            break  # the next table's header (a project's own 自评表 after the unit's)
        out.taken.add(j)
        first = next((c for c in cells if c.strip()), "")
        if "综合得分" in first or "总得分" in first or first.strip() in ("总分", "合计得分", "合计", "总计"):
            if weight_column is not None and weight_column < len(cells) and _is_number(cells[weight_column]) \
                    and _total_score_at(cells, score_column, weight_column) != weight_column:
                q = _as(_quantity(cells[weight_column]), "分")  # type: ignore[arg-type]  # _is_number holds
                where = Where(block.section, cells[weight_column], j, weight_column, first, "分值")
                out.weight_total = _mention(q, f"{first}·分值", where)
                out.cells.append(Cell(out.weight_total))
            at = _total_score_at(cells, score_column, weight_column)
            if at is not None:
                q = _quantity(cells[at])
                assert q is not None
                if not q.unit:
                    q = _as(q, "分")
                out.total = _mention(q, first, Where(block.section, cells[at], j, at, first))
        elif "等次" in first or "等级" in first:
            grade = next((c.strip() for c in cells[1:] if c.strip() in GRADE_WORDS), None)
            if grade:
                out.grade = (GRADE_WORDS[grade], Where(block.section, grade, j, 1, first))
            return j + 1
        else:
            if columns is not None and columns.reads(cells):
                line = columns.line(block, j, cells, level1, level2)
                opened = cells[columns.at["name"] - 2] if columns.at["name"] >= 2 else ""
                if opened.strip() and _POINTS.search(opened):
                    _level1_weight(out, line.level1, opened, j, block)
                _take_line(out, line, unclosed, numbers)
                level1, level2 = line.level1, line.level2
                j += 1
                continue
            at = _indicator_at(cells, weight_column)
            if at is None:
                named = [c for c in cells if c.strip()]
                if len(named) == 1 and len(cells) <= 3 and _quantity(named[0]) is None:
                    level1, level2 = _strip_points(named[0]), ""
                    if _POINTS.search(named[0]):
                        _level1_weight(out, level1, named[0], j, block)
            else:
                before = [c for c in cells[:at] if c.strip()]
                if before:
                    level2 = before[-1].strip()
                if len(before) >= 2:
                    level1 = _strip_points(before[-2])
                    if _POINTS.search(before[-2]):
                        _level1_weight(out, level1, before[-2], j, block)
                _take_line(out, _line(block, j, cells, at, level1, level2), unclosed, numbers)
        j += 1
    return j


_PROJECT_CAPTION = re.compile(r"项目名称\s*[：:]\s*(?P<name>[^\s，。；]{2,40})|(?P<caption>[^\s，。；：:]{2,40}?项目)(?:支出)?绩效自评表")
_OWN_CAPTION = re.compile(r"部门整体|单位整体|整体支出")


def _project_named(blocks: tuple[Block, ...], start: int) -> str | None:
    """The project a 自评表 is of, when the paragraphs right above it name one (项目名称：村道修缮项目; 村道修缮项目绩效自评表)
    and none of them names the unit's own (部门整体支出绩效自评表): a project's table after the unit's own."""
    for j in range(start - 1, max(-1, start - 1 - MAX_CAPTION), -1):
        if blocks[j].kind != "paragraph":
            break
        text = blocks[j].cells[0]
        if _OWN_CAPTION.search(text):
            return None
        found = _PROJECT_CAPTION.search(text)
        if found:
            return (found.group("name") or found.group("caption")).strip()
    return None


def _read_project_table(blocks: tuple[Block, ...], start: int, out: Tables, report_year: int | None, name: str) -> int:
    """A project's own 自评表 after the unit's (附件2 项目名称：…): its rows are figures, never the unit's indicator rows,
    and its 合计 the project's score, never the unit's claim — the project is listed with it."""
    own = Tables()
    j = _read_indicators(blocks, start, own, report_year)
    own.lines_as_figures({})
    out.cells += own.cells
    out.totals += own.totals
    out.taken |= own.taken
    out.projects.append(ProjectLine(name, own.total, own.grade[0] if own.grade else None, None, None,
                                    Where(blocks[start].section, name, start, None, name)))
    return j


_BOUND_ALONE = re.compile(r"^(?:≥|≤|>=|<=|＞|＜|>|<|＝|=)$")
MAX_UNIT_CELL = 4  # characters of a cell holding a value's unit alone (个, 万元, 人次)


def _rejoined_values(cells: tuple[str, ...], width: int) -> tuple[tuple[str, ...], dict[int, str]]:
    """An indicator row wider than its header, its values set in cells of their own parts (≤ | 2100 | 万元: the bound,
    the number and the unit under one merged 年度指标值 header), with each value's parts joined again (≤2100万元), so
    that the row's cells stand under the header's columns; and, by its place in the joined row, the number's own cell
    of each value so joined (2100: what the report writes where). A row no wider than its header is as it was (a form
    with 指标性质 and 度量单位 columns names them)."""
    if len(cells) <= width:
        return cells, {}
    out: list[str] = []
    numbers: dict[int, str] = {}
    for cell in cells:
        text = cell.strip()
        last = out[-1].strip() if out else ""
        if last and _BOUND_ALONE.match(last) and re.fullmatch(r"[\d.,，]+", text):
            out[-1], numbers[len(out) - 1] = last + text, text
            continue
        if last and text and len(text) <= MAX_UNIT_CELL and not re.search(r"\d", text) \
                and re.fullmatch(r"[≥≤><＞＜=＝]?[\d.,，]+", last):
            joined = parse_quantity(last + text)
            if joined is not None and joined.unit and joined.text == last + text:
                numbers.setdefault(len(out) - 1, re.sub(r"^[≥≤><＞＜=＝]", "", last))
                out[-1] = last + text
                continue
        out.append(cell)
    return tuple(out), numbers


def _as_written(m: Mention | str | None, numbers: dict[int, str]) -> Mention | str | None:
    """A value read from cells joined again, cited at its number's own cell (written 2100, read ≤2100万元)."""
    if not isinstance(m, Mention) or m.where.cell not in numbers:
        return m
    number = numbers[m.where.cell]
    return replace(m, quantity=replace(m.quantity, text=number), where=replace(m.where, text=number),
                   end=len(number), clause=number)


_ROLES = (("name", r"三级指标|指标名称"), ("op", r"指标性质|指标方向"), ("target", TARGET_COLUMN),
          ("unit", r"度量单位|计量单位"), ("actual", ACTUAL_COLUMN), ("weight", _WEIGHT_COLUMN.pattern),
          ("score", _SCORE_COLUMN.pattern), ("deviation", NOTE_COLUMN))
_OPS = {"≥": Qualifier.AT_LEAST, ">=": Qualifier.AT_LEAST, "≤": Qualifier.AT_MOST, "<=": Qualifier.AT_MOST,
        ">": Qualifier.ABOVE, "<": Qualifier.BELOW, "＞": Qualifier.ABOVE, "＜": Qualifier.BELOW}


@dataclass(frozen=True)
class _IndicatorColumns:
    """Where a 绩效自评表's header puts each part of an indicator row, when it names them all: the indicator's name
    (三级指标), its target and actual, their direction (指标性质: ≥, =) and unit (度量单位) when the form sets them
    apart, 分值 / 权重, 得分 and the deviation note. A row as wide as far as 分值 is read by these columns."""

    at: dict[str, int]
    header: tuple[str, ...]

    @classmethod
    def of(cls, header: tuple[str, ...]) -> "_IndicatorColumns | None":
        at: dict[str, int] = {}
        for k, cell in enumerate(header):
            role = next((r for r, pattern in _ROLES if re.fullmatch(pattern, cell.strip())), None)
            if role and role not in at:
                at[role] = k
        needed = ("name", "target", "actual", "weight", "score")
        return cls(at, header) if all(r in at for r in needed) and at["name"] >= 1 else None

    def reads(self, cells: tuple[str, ...]) -> bool:
        name, weight = self.at["name"], self.at["weight"]
        return len(cells) > weight and (_a_name(cells[name]) or self._merged_name(cells) is not None) \
            and _is_number(cells[weight])

    def _merged_name(self, cells: tuple[str, ...]) -> str | None:
        """The name of a row written in its first cell, merged across the level cells to the name's (预算执行率 over
        一级 to 三级指标): its levels are its own."""
        name = self.at["name"]
        if len(cells) <= name or cells[name].strip() or not cells[0].strip() \
                or any(c.strip() for c in cells[1:name]):
            return None
        return cells[0].strip() if _a_name(cells[0]) else None

    def line(self, block: Block, j: int, cells: tuple[str, ...], level1: str, level2: str) -> IndicatorLine:
        """The row's indicator; a level cell left empty (merged with the row above) keeps the level above."""
        def text(role: str) -> str:
            k = self.at.get(role)
            return cells[k].strip() if k is not None and k < len(cells) else ""

        merged = self._merged_name(cells)
        name = merged or text("name")
        unit = text("unit")
        op = _OPS.get(text("op"))

        def cell(role: str, column: str, fixed: str | None = None, like: Mention | str | None = None
                 ) -> Mention | str | None:
            k = self.at[role]
            written = text(role)
            q = _quantity(written) if written else None
            if q is None:
                return written or None
            implied = None
            if not q.unit and (fixed or unit):
                q, implied = _as(q, fixed or unit), None if fixed else f"单位见“{self.header[self.at['unit']]}”列：{unit}"
            elif not q.unit and isinstance(like, Mention) and like.quantity.unit not in ("", "分"):
                q, implied = _as(q, like.quantity.unit), f"表中未写单位，按年度指标值的{like.quantity.unit}"
            if role == "target" and op is not None and q.qualifier is Qualifier.EXACT:
                q = replace(q, qualifier=op)
            return _mention(q, f"{name}·{column}", Where(block.section, cells[k], j, k, name, column), implied)

        levels = [cells[k].strip() for k in range(self.at["name"])]
        if merged:
            level1, level2 = _strip_points(merged), ""
        elif len(levels) >= 2 and levels[-2]:
            level1, level2 = _strip_points(levels[-2]), ""
        if levels and levels[-1]:
            level2 = levels[-1]
        weight, score = cell("weight", "分值", "分"), cell("score", "得分", "分")
        assert isinstance(weight, Mention)  # reads() holds
        target = cell("target", "年度指标")
        return IndicatorLine(level1, level2, name, target, cell("actual", "实际完成值", like=target), weight,
                             score if isinstance(score, Mention) else None, text("deviation") or None,
                             Where(block.section, name, j, 0 if merged else self.at["name"]))


def _rebuilt_unclosed(blocks: tuple[Block, ...], start: int) -> bool:
    """Is the table one rebuilt from lines of text (one cell per line, or run together) that ends without its 总分 /
    合计 row? Such a copy is often an excerpt: its rows may be cut off, so they are read as figures, not as the
    indicator table (whose weights would be summed as if whole)."""
    if blocks[start].table is None or blocks[start].table < CELL_TABLES:
        return False
    rows = [b for b in blocks[start:] if b.kind == "row" and b.table == blocks[start].table]
    return not any(_TOTAL_LINE_WORDS.match(next((c for c in b.cells if c.strip()), "").strip()) for b in rows[1:])


_TOTAL_LINE_WORDS = re.compile(r"^(?:总\s*分|合\s*计|总\s*计|合计得分|综合得分|自评总分|总得分)[：:]?$")


def _take_line(out: Tables, line: IndicatorLine, figures_only: bool, numbers: dict[int, str]) -> None:
    """An indicator row into the indicator table, or (from a table that may be cut off) its values as figures; a value
    joined from cells of its own parts is cited at its number (see _rejoined_values)."""
    line = replace(line, target=_as_written(line.target, numbers), actual=_as_written(line.actual, numbers))
    if not figures_only:
        out.lines.append(line)
        return
    for m in (line.target, line.actual):
        if isinstance(m, Mention):
            out.cells.append(Cell(m, target=True))
    for m in (line.weight, line.score):
        if isinstance(m, Mention):
            out.cells.append(Cell(m))


def _total_score_at(cells: tuple[str, ...], score_column: int | None, weight_column: int | None) -> int | None:
    """Where a 总分 row states the score: under the header's 得分 when the row keeps the header's columns (none when
    that cell is blank: 合计 | … | 100 under 权重 is the weights' sum), else its last number (总分 | 100 | 99 states
    the weights' sum, then the score)."""
    if score_column is not None and score_column < len(cells):
        return score_column if _quantity(cells[score_column]) is not None else None
    if weight_column is not None and weight_column < len(cells) and _quantity(cells[weight_column]) is not None:
        return None  # the row ends at its 分值: its 得分 was left blank
    return next((k for k in range(len(cells) - 1, 0, -1) if _quantity(cells[k]) is not None), None)


def _strip_points(text: str) -> str:
    return _POINTS.sub("", text).strip()


def _level1_weight(out: Tables, level1: str, text: str, j: int, block: Block) -> None:
    m = _POINTS.search(text)
    assert m is not None
    q = Quantity(Decimal(m.group(1)), "分", text=m.group(0).strip("（）()"), places=len(m.group(1).partition(".")[2]))
    where = Where(block.section, text.strip(), j, None if block.kind == "paragraph" else 0, level1, "分值")
    out.section_weights.append((level1, _mention(q, f"{level1}·分值", where)))


def _line(block: Block, j: int, cells: tuple[str, ...], at: int, level1: str, level2: str) -> IndicatorLine:
    name = cells[at].strip()

    def cell(k: int, column: str, unit: str | None = None, implied: str | None = None) -> Mention | str | None:
        if k >= len(cells) or not cells[k].strip():
            return None
        q = _quantity(cells[k])
        if q is None:
            return cells[k].strip()
        if unit and not q.unit:
            q = _as(q, unit)
        else:
            implied = None
        return _mention(q, f"{name}·{column}", Where(block.section, cells[k], j, k, name, column), implied)

    target = cell(at + 1, "年度指标")
    # a bare actual is in its target's unit (≥50个 / 50)
    unit = target.quantity.unit if isinstance(target, Mention) and target.quantity.unit != "分" else None
    actual = cell(at + 2, "实际完成值", unit, f"表中未写单位，按年度指标值的{unit}" if unit else None)

    weight = cell(at + 3, "分值", "分")
    score = cell(at + 4, "得分", "分")
    deviation = cells[at + 5].strip() if len(cells) > at + 5 and cells[at + 5].strip() else None
    assert isinstance(weight, Mention)
    return IndicatorLine(level1, level2, name, target, actual, weight,
                         score if isinstance(score, Mention) else None, deviation,
                         Where(block.section, name, j, at))


def _read_projects(blocks: tuple[Block, ...], start: int, out: Tables, report_year: int | None) -> int:
    """Per-project scores: 项目名称 and 自评分数, with 等级, 预算 and 执行数 where the table has them, each cell read under
    its column's header by the grid (a 项目名称 Word merged across two cells stays the row's label)."""
    header = Header.of(blocks[start].cells, lambda c: _project_role(c) != "name")
    out.taken.add(start)
    j = start + 1
    while j < len(blocks) and _same_table(blocks, start, j) and _header_kind(blocks[j].cells) is None:
        out.taken.add(j)
        read = header.row(blocks[j].cells, _is_value)
        cells = {role: cell for cell in read.values if cell.text.strip() and (role := _project_role(cell.header))}
        named = cells.pop("name", None)
        name, at = (named.text.strip(), named.at) if named else (read.label.strip(), blocks[j].cells.index(read.label)
                                                                  if read.label in blocks[j].cells else 0)
        got: dict[str, Mention | str] = {}
        for role, cell in cells.items():
            q = _quantity(cell.text)
            if role == "grade":
                got[role] = GRADE_WORDS.get(cell.text.strip(), "")
            elif q is not None:
                unit = "分" if role == "score" else "万元"
                implied = None if q.unit else ("表中未写单位，按万元" if unit == "万元" else None)
                q = q if q.unit else _as(q, unit)
                head = cell.header.strip()
                got[role] = _mention(q, f"{name}·{head}", Where(blocks[j].section, cell.text, j, cell.at, name, head),
                                     implied)
        if name and got:
            out.projects.append(ProjectLine(
                # grade is a text mention
                name, _pick(got, "score"), got.get("grade") or None,  # type: ignore[arg-type]
                _pick(got, "budget"), _pick(got, "executed"), Where(blocks[j].section, name, j, at)))
        j += 1
    return j


def _project_role(header: str) -> str | None:
    """What a column of a per-project table holds, by its header."""
    h = header.strip()
    if "项目名称" in h or h == "项目":
        return "name"
    if "等级" in h or "等次" in h:
        return "grade"
    if any(w in h for w in ("自评分", "得分", "评分", "分数")):
        return "score"
    if any(w in h for w in ("执行数", "实际支出", "决算", "支出数")):
        return "executed"
    return "budget" if "预算" in h else None


def _pick(got: dict[str, Mention | str], key: str) -> Mention | None:
    value = got.get(key)
    return value if isinstance(value, Mention) else None
