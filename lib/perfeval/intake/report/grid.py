"""A table as a grid: each value cell under its column's header, beside its row's label — the one place the rows of a
table named by its header are aligned with that header, however the table arrived.

A Word or web table, and tab text, keep every cell in its place (a cell merged down or across is left empty), so a
row is read by position: a value stands under the header cell above it, and the label is the row's last words before
its first value column (项目资金（万元） merged down the left of the national 自评表 leaves its rows' first cell empty,
their label in the second). Text copies that drop empty cells (one cell per line, a PDF's words, spaces) keep no
positions; their rows are read left-aligned: a label, then the values in the header's order. A row is read by
position when its values all stand under value columns there, else left-aligned.

Which rows a total row sums is the table's structure too (`parts_of_totals`): a total row heading the rows under it
(年度资金总额 over 财政拨款, 上年结转, 其他资金), or a 合计 row closing the rows above it; a 其中 row under one of them
breaks that row down and is no part of the total.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .catalogue import normalise

Quantified = Callable[[str], bool]  # does a cell hold a value (a number, a count with its unit)?


@dataclass(frozen=True)
class Value:
    """A cell of a row under a value column: its place in the row as the document holds it, its column's header and
    its text (a value, or a mark such as — for none)."""

    at: int
    column: int  # the column's place among the header's value columns
    header: str
    text: str


@dataclass(frozen=True)
class GridRow:
    """A row read under its table's header: its label as written ('' for none) and its cells under value columns."""

    label: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Header:
    """A table's header row: the header of its row labels (项目, 资金来源, 项目资金（万元）; '' for none) and each value
    column's header with its place in the row."""

    label: str
    columns: tuple[tuple[int, str], ...]

    @classmethod
    def of(cls, cells: tuple[str, ...], is_column: Callable[[str], bool]) -> "Header":
        """The header cells that name no value column before the first that does head the row labels (the first of
        them kept as their header); every filled cell from there on names a value column."""
        filled = [(k, c) for k, c in enumerate(cells) if c.strip()]
        if filled and not is_column(filled[0][1]):
            return cls(filled[0][1], tuple(filled[1:]))
        return cls("", tuple(filled))

    @property
    def headers(self) -> list[str]:
        return [h for _, h in self.columns]

    def row(self, cells: tuple[str, ...], quantified: Quantified) -> GridRow:
        """A row's label and its cells under value columns: by position when each of its values stands under a
        value column (and its label before the first) — counted from the right when the row is wider than the header
        (its label merged across more cells than the header's) —, else left-aligned from its first filled cell (a
        copy that dropped empty cells)."""
        places = {k for k, _ in self.columns}
        first = min(places, default=len(cells))
        valued = [k for k, c in enumerate(cells) if c.strip() and quantified(c)]
        wider = len(cells) - (max(places) + 1 if places else 0)
        for shift in (0, wider) if wider > 0 else (0,):
            if valued and all(k - shift in places for k in valued):
                labels = [c.strip() for c in cells[:first + shift] if c.strip()]
                return GridRow(labels[-1] if labels else "", tuple(
                    Value(k + shift, i, h, cells[k + shift]) for i, (k, h) in enumerate(self.columns)
                    if k + shift < len(cells)))
        lead = next((k for k, c in enumerate(cells) if c.strip()), 0)  # cells a merged label column left empty
        start = lead + (0 if quantified(cells[lead]) else 1) if cells else 0
        return GridRow(cells[lead] if start > lead else "", tuple(
            Value(start + i, i, h, text) for i, (text, h) in enumerate(zip(cells[start:], self.headers))))


TOTAL_ROW = re.compile(r"^(?:合\s*计|总\s*计|小\s*计|共\s*计|总\s*额)[：:]?$")
WHOLE_ROW = re.compile(r"资金总额|整体支出")  # a row that heads the rows under it: 年度资金总额, 部门整体支出
SUB_ROW = re.compile(r"^(?:其中|含)[：:]?")
_NAMED_TOTAL = re.compile(r"^[\u4e00-\u9fff“”]{1,12}?(小\s*计|合\s*计|总\s*计)[：:]?$")  # 收入合计, 税收收入小计
_RANK = {"小计": 0, "合计": 1, "共计": 1, "总额": 1, "总计": 2}  # 小计s make a 合计, a 合计 and what follows it a 总计
_NUMBERING = (re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]"), re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]"),
              re.compile(r"^\d{1,2}\s*[、.．](?!\d)"), re.compile(r"^[（(]\s*\d{1,2}\s*[）)]"),
              re.compile(r"^[\u2460-\u2473]"))  # 一、 > （一） > 1. > （1） > ①: the levels a table's rows are numbered at
Adds = Callable[[int, tuple[int, ...]], bool]  # do these rows' values make this row's, in every column both state?


@dataclass(frozen=True)
class RowTotal:
    """A total row and the rows it sums, by their places among the table's rows: `closing` when it closes them (a
    合计 under its rows: declared their sum), else it heads them (年度资金总额 over its sources, a row numbered 一、
    over its rows numbered 1. 2.: their sum where they make it); `opened` when its parts open with 其中 (a breakdown
    the layout names, one part enough); `named` when its label names what it totals (收入合计): which rows are its
    parts the label alone does not say, so it is declared only where they add up."""

    row: int
    parts: tuple[int, ...]
    closing: bool
    opened: bool = False
    named: bool = False


def numbering_level(label: str) -> int | None:
    """The level a row's own number puts it at (一、 0, （一） 1, 1. 2, （1） 3, ① 4), None for an unnumbered row."""
    words = label.strip()
    return next((k for k, pattern in enumerate(_NUMBERING) if pattern.match(words)), None)


def total_rank(label: str) -> tuple[int, bool] | None:
    """A total row's rank (小计 0, 合计 1, 总计 2) and whether its label names what it totals (收入合计)."""
    words = normalise(label)
    if TOTAL_ROW.match(words):
        return _RANK.get(re.sub(r"\s+", "", words).rstrip("：:"), 1), False
    named = _NAMED_TOTAL.match(words)
    return (_RANK[re.sub(r"\s+", "", named.group(1))], True) if named else None


def row_totals(labels: list[str], adds: Adds | None = None) -> list[RowTotal]:
    """By the rows' labels, in order, which rows each total row sums: a 合计 / 总计 / 小计 row the rows above it since
    the last total of its rank or above, a lower total standing for the rows it closed (小计s under a 合计, a 合计 and
    the rows after it under a 总计); a row heading the table (年度资金总额, 部门整体支出, a total row standing first)
    every row under it up to the next total (one row is enough when 其中 opens them). Among a total's parts, rows
    numbered at a deeper level (1. 2. under 一、, or unnumbered under a numbered row) break down the row above them and
    are no parts of the total; without numbers, `adds` finds the rows that make up the row above them where the
    rows as listed do not make the total. A 其中 row breaks down the row above it: no part of the total, a part of
    that row."""
    out: list[RowTotal] = []
    pending: list[tuple[int, int]] = []  # rows not yet summed, each with its rank (-1 for a row of its own)
    heading: tuple[int, bool] | None = None  # a heading row and whether its label names what it totals
    under: list[int] = []
    opened = False
    subs: dict[int, list[int]] = {}  # a row's 其中 rows
    open_sub: tuple[int, list[int]] | None = None  # the row a 其中 broke down last, and the plain rows since
    for k, label in enumerate(labels):
        rank = total_rank(label)
        if SUB_ROW.match(label.strip()) and (heading is not None or pending):
            if heading is not None and not under:  # a 其中 right under the heading row opens its parts
                opened = True
                under.append(k)
            else:
                parent = (under or [i for i, _ in pending])[-1]
                subs.setdefault(parent, []).append(k)
                open_sub = (parent, [])
            continue
        if open_sub is not None and rank is None and adds is not None:
            parent, since = open_sub
            if adds(parent, (*subs[parent], *since, k)):  # 其中：基本支出 / 项目支出: the rows after it go on with it
                subs[parent] += [*since, k]
                under[:] = [i for i in under if i not in since]
                pending[:] = [(i, r) for i, r in pending if i not in since]
                open_sub = None
                continue
            since.append(k)
        if rank is not None:
            open_sub = None
        if k == 0 and (rank is not None or WHOLE_ROW.search(normalise(label))):
            heading, under, opened = (k, rank is not None and rank[1]), [], False
            continue
        if rank is not None:
            if heading is not None:  # the heading row's rows end here
                out += _headed(heading, under, opened, labels, adds)
                heading, under = None, []
                pending.append((k, rank[0]))
                continue
            taken: list[tuple[int, int]] = []
            while pending and pending[-1][1] < rank[0]:
                taken.insert(0, pending.pop())
            out += _closed(k, [i for i, _ in taken], rank[1], labels, adds)
            pending.append((k, rank[0]))
        elif heading is not None:
            under.append(k)
        else:
            pending.append((k, -1))
    if heading is not None:
        out += _headed(heading, under, opened, labels, adds)
    out += [RowTotal(row, tuple(parts), False, True) for row, parts in subs.items()]
    return [t for t in out if len(t.parts) >= (1 if t.opened and not t.closing else 2)]


def _headed(heading: tuple[int, bool], under: list[int], opened: bool, labels: list[str],
            adds: Adds | None) -> list[RowTotal]:
    tops, inner = _levels(under, labels, adds, heading[0])
    return [RowTotal(heading[0], tuple(tops), False, opened, heading[1]), *inner]


def _closed(row: int, parts: list[int], named: bool, labels: list[str], adds: Adds | None) -> list[RowTotal]:
    tops, inner = _levels(parts, labels, adds, row)
    return [RowTotal(row, tuple(tops), True, False, named), *inner]


def _levels(rows: list[int], labels: list[str], adds: Adds | None, total: int) -> tuple[list[int], list[RowTotal]]:
    """The rows a total sums among `rows` (its top level) and each of them over the rows breaking it down: by their
    numbers when the first is numbered (rows at its level are the total's, the rows under one its breakdown), else,
    when the rows as listed do not make the total, by their values (a row the rows right under it make up, in every
    column: a breakdown, whether or not the total then holds)."""
    if not rows:
        return [], []
    top = numbering_level(labels[rows[0]])
    groups: list[list[int]] = []
    if top is not None:
        for i in rows:
            level = numbering_level(labels[i])
            if level is not None and level <= top or not groups:
                groups.append([i])
            else:
                groups[-1].append(i)
    elif adds is not None and not adds(total, tuple(rows)):
        groups = _grouped_by_values(rows, adds)
    else:
        groups = [[i] for i in rows]
    inner = [RowTotal(g[0], tuple(g[1:]), False) for g in groups if len(g) > 2]
    return [g[0] for g in groups], inner


def _grouped_by_values(rows: list[int], adds: Adds) -> list[list[int]]:
    """The rows as groups of a row and the rows right under it that make it up (two or more), the fewest rows a
    group can take, each row in one group."""
    groups: list[list[int]] = []
    k = 0
    while k < len(rows):
        end = next((e for e in range(k + 3, len(rows) + 1) if adds(rows[k], tuple(rows[k + 1:e]))), None)
        groups.append(rows[k:end] if end is not None else [rows[k]])
        k = end if end is not None else k + 1
    return groups
