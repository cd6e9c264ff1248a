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


@dataclass(frozen=True)
class RowTotal:
    """A total row and the rows it sums, by their places among the table's rows: `closing` when it closes them (a
    合计 under its rows: declared their sum), else it heads them (年度资金总额 over its sources)."""

    row: int
    parts: tuple[int, ...]
    closing: bool
    opened: bool = False  # its parts open with 其中 (其中：财政拨款 under 年度资金总额): the layout names them parts


def row_totals(labels: list[str]) -> list[RowTotal]:
    """By the rows' labels, in order, which rows each total row sums: a 合计 / 总计 / 小计 row the rows above it since
    the last such row; a row heading the table (年度资金总额, 部门整体支出, or a 合计 row standing first) every row under
    it up to the next total (one row is enough when 其中 opens them). A 其中 row under a part breaks that part down
    and is no part of the total."""
    out: list[RowTotal] = []
    since: list[int] = []
    heading: int | None = None
    opened = False  # the heading row's parts open with 其中: one part is a breakdown already
    for k, label in enumerate(labels):
        words = normalise(label)
        if k == 0 and (TOTAL_ROW.match(words) or WHOLE_ROW.search(words)):
            heading = k
        elif TOTAL_ROW.match(words):
            if heading is None:
                out.append(RowTotal(k, tuple(since), True))
            else:
                out.append(RowTotal(heading, tuple(since), False, opened))
            since, heading = [], None
        elif not (SUB_ROW.match(label.strip()) and since):  # a 其中 right under the heading row opens its parts
            opened = opened or (heading == k - 1 and SUB_ROW.match(label.strip()) is not None)
            since.append(k)
    if heading is not None:
        out.append(RowTotal(heading, tuple(since), False, opened))
    return [t for t in out if len(t.parts) >= (1 if opened and not t.closing else 2)]
