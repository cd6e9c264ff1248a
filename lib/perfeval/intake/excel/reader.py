"""Reading a filled workbook into a unit's params: every problem named by sheet and cell, nothing written on error."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl.utils import coordinate_to_tuple, get_column_letter

from ...core.engine import ScoreSheet, framework_of, score_params
from ...core.numbers import decimals
from ...errors import InputFileError, ParamsError, PerfevalError, WorkbookError
from ...fileio import dump_yaml, parse_yaml, write_atomic
from ...core.params import UnitParams, parse_params
from .book import Book, Grid, open_workbook, read_bytes
from .cells import RECORD_KINDS, CellProblem, found, is_blank, read_cell, read_text, require_result
from .datapath import PathConflict, PathT, dotted, fill, get_in, set_in
from .typed import MAX_PLACES
from .layout import (EXTRA, EXTRA_MAX_ROWS, EXTRA_ROW, INPUT_SHEETS, TABLES, Column, Table, fields_and_labels,
                     key_columns)

_SPACE = re.compile(r"\s+")
MOVED = "rows or columns of the template were moved or renamed; copy the data into a fresh `perfeval excel template`"


def _norm(value: Any) -> str:
    return _SPACE.sub("", str(value)) if value is not None else ""


def bounds() -> dict[str, tuple[int, int]]:
    """Rows and columns each sheet's layout reaches (one row past each table, to see overflow)."""
    fields, labels = fields_and_labels()
    out: dict[str, tuple[int, int]] = {s: (1, 1) for s in INPUT_SHEETS}
    for sheet, cell in [(f.sheet, f.cell) for f in fields] + [(lb.sheet, lb.cell) for lb in labels]:
        r, c = coordinate_to_tuple(cell)
        out[sheet] = (max(out[sheet][0], r), max(out[sheet][1], c))
    for t in TABLES:
        out[t.sheet] = (max(out[t.sheet][0], t.last_row + 1), max(out[t.sheet][1], len(t.columns)))
    out[EXTRA] = (EXTRA_ROW + EXTRA_MAX_ROWS, 2)
    return out


def path_of(text: str) -> PathT:
    """'indicators.3.elsewhere' → ('indicators', 3, 'elsewhere')."""
    return tuple(int(p) if p.isdigit() else p for p in text.split("."))


class Reader:
    """Collects values with the cell each came from, and every problem, across one workbook's grids."""

    def __init__(self, grids: dict[str, Grid]) -> None:
        self.grids = grids
        self.data: dict[str, Any] = {}
        self.where: dict[str, str] = {}  # dotted params path → "sheet!cell" it was read from, first one wins
        self.blanks: dict[str, str] = {}  # dotted params path → the blank cell that would hold it
        self.problems: list[tuple[str, str]] = []

    def raw(self, sheet: str, row: int, col: int) -> tuple[Any, str]:
        return self.grids[sheet].get((row, col), (None, "General"))

    def cell(self, sheet: str, row: int, col: int, kind: str, unit: str, label: str, required: bool) -> Any:
        """The converted value of one cell, None when blank; problems are recorded, not raised."""
        raw, fmt = self.raw(sheet, row, col)
        ref = f"{sheet}!{get_column_letter(col)}{row}"
        if is_blank(raw):
            if required:
                self.problems.append((ref, f"required: {label} is empty"))
            return None
        try:
            return read_cell(raw, fmt, kind, unit)
        except CellProblem as exc:
            self.problems.append((ref, str(exc)))
            return None

    def put(self, path: PathT, value: Any, ref: str) -> None:
        """Set one value; a second, different value for the same path (12次 in 数值 and 人次 in 单位) is a problem."""
        before = get_in(self.data, path)
        if before is not None and before != value and not isinstance(before, (dict, list)):
            other = self.where.get(dotted(path), "another cell")
            self.problems.append((ref, f"{found(value)} contradicts {found(before)} in {other}; write it in one place"))
            return
        resolved = set_in(self.data, path, value)
        self.where.setdefault(dotted(resolved), ref)

    def place(self, path: PathT, value: Any, ref: str, kind: str) -> None:
        """Set a cell's value at its path; a record (a figure, a stated value, a target) key by key, so that the
        columns holding its unit or qualifier add to it and an error about any key names this cell."""
        if value is None:
            self.blanks.setdefault(dotted(value_path(path, kind)), ref)
        elif kind in RECORD_KINDS:
            for key, item in value.items():
                self.put(path + (key,), item, ref)
        else:
            self.put(path, value, ref)

    def read_all(self) -> dict[str, Any]:
        """Labels first (a moved layout would misread every value), then fields, tables and extra parameters."""
        self.check_labels()
        if not self.problems:
            self.read_fields()
            for table in TABLES:
                self.read_table(table)
            self.read_extra()
        return self.data

    def located(self) -> dict[str, str]:
        """Where each params path lives: cells that hold a value first, so that a problem of a whole record
        (a judgement, a figure) names a cell the analyst filled rather than a blank one beside it."""
        return {**self.where, **{p: ref for p, ref in self.blanks.items() if p not in self.where}}

    def check_labels(self) -> None:
        _, labels = fields_and_labels()
        expected = [(lb.sheet, lb.cell, lb.text) for lb in labels if lb.checked]
        expected += [(t.sheet, f"{get_column_letter(i + 1)}{t.header_row}", c.header)
                     for t in TABLES for i, c in enumerate(t.columns)]
        for sheet, ref, text in expected:
            raw, _ = self.raw(sheet, *coordinate_to_tuple(ref))
            if _norm(raw) != _norm(text):
                shown = found(raw) if raw is not None else "an empty cell"
                self.problems.append((f"{sheet}!{ref}", f"expected the label “{text}”, found {shown}; {MOVED}"))

    def read_fields(self) -> None:
        for f in fields_and_labels()[0]:
            r, c = coordinate_to_tuple(f.cell)
            value = self.cell(f.sheet, r, c, f.kind, f.unit, f.label, f.required)
            if value is not None or not any(isinstance(p, str) and p.startswith("?") for p in f.path):
                self.place(f.path, value, f"{f.sheet}!{f.cell}", f.kind)  # a blank's cell: a schema error may name it

    def read_table(self, t: Table) -> None:
        inputs = [(i + 1, c) for i, c in enumerate(t.columns) if c.path is not None]
        keys = [(t.columns.index(c) + 1, key, c) for key, c in key_columns(t)]
        above: dict[str, Any] = {}
        groups: dict[Any, int] = {}
        columns = {i for i, _ in inputs}
        filled = sorted({r for (r, c), (raw, _) in self.grids[t.sheet].items()
                         if c in columns and t.header_row < r <= t.last_row + 1 and not is_blank(raw)})
        for r in filled:  # rows with an input, in order (the grid holds only non-empty cells)
            if r > t.last_row:
                self.problems.append((f"{t.sheet}!A{r}", f"more than {t.max_rows} rows; the limit is {t.max_rows}"))
                return
            row_keys = {key: self.cell(t.sheet, r, i, c.kind, c.unit, c.header, True) for i, key, c in keys}
            values: list[tuple[Column, Any, str]] = []  # in column order; None for a blank cell
            for i, c in inputs:
                ref = f"{t.sheet}!{get_column_letter(i)}{r}"
                if is_blank(self.raw(t.sheet, r, i)[0]) and c.fill_down and c.header in above:
                    values.append((c, above[c.header], ref))
                    continue
                value = self.cell(t.sheet, r, i, c.kind, c.unit, c.header, c.required)
                if c.fill_down and value is not None:
                    above[c.header] = value
                if value is not None and c.default is not None and value == c.default:
                    continue
                if value is not None or not c.parent:
                    values.append((c, value, ref))
            if any(v is None for v in row_keys.values()):
                continue
            if t.list_path is None:
                for c, value, ref in values:
                    # inputs are the columns with a path
                    self.place(fill(c.path, row_keys), value, ref, c.kind)  # type: ignore[arg-type]
            else:
                self._list_row(t, r, row_keys, values, groups)

    def _list_row(self, t: Table, r: int, row_keys: dict[str, Any], values: list[tuple[Column, Any, str]],
                  groups: dict[Any, int]) -> None:
        """Append one row's item to its list (in a nested table, to its parent's list)."""
        list_path = t.list_path
        assert list_path is not None
        nest = t.nest
        if nest is not None:
            i, col = nest
            key, to_index = col.key, col.to_index
            assert key is not None and to_index is not None  # a nesting column has both (TABLES)
            index = to_index(self.data, row_keys[key], groups)
            ref = f"{t.sheet}!{get_column_letter(t.columns.index(col) + 1)}{r}"
            if index is None:
                self.problems.append((ref, f"“{row_keys[key]}” is not {col.refers}"))
                return
            row_keys[key] = index
            self.where.setdefault(dotted(list_path[:i] + (index,)), ref)
            list_path = fill(list_path, row_keys)
        items = get_in(self.data, list_path)
        if items is None:
            set_in(self.data, list_path, [])
            items = get_in(self.data, list_path)
        base = list_path + (len(items),)
        items.append({})
        self.where.setdefault(dotted(base), f"{t.sheet}!A{r}")
        for c, value, ref in values:
            if not c.parent:
                # inputs are the columns with a path
                self.place(base + c.path, value, ref, c.kind)  # type: ignore[operator]
                continue
            path = fill(c.path, row_keys)  # type: ignore[arg-type]  # inputs are the columns with a path
            before = get_in(self.data, path)
            if before is None:
                self.put(path, value, ref)
            elif before != value:
                self.problems.append((ref, f"{c.header} differs from the list's first row ({found(before)})"))

    def read_extra(self) -> None:
        """其他参数: a params path and a YAML value per row, for parameters the layout has no cells for."""
        for r in range(EXTRA_ROW, EXTRA_ROW + EXTRA_MAX_ROWS):
            raw_path, _ = self.raw(EXTRA, r, 1)
            raw_value, _ = self.raw(EXTRA, r, 2)
            if is_blank(raw_path) and is_blank(raw_value):
                continue
            ref = f"{EXTRA}!B{r}"
            try:
                path = path_of(read_text(raw_path))
            except CellProblem as exc:
                self.problems.append((f"{EXTRA}!A{r}", str(exc)))
                continue
            try:
                require_result(raw_value)
                value = parse_yaml(read_text(raw_value), ref) if isinstance(raw_value, str) else raw_value
            except CellProblem as exc:
                self.problems.append((ref, str(exc)))
                continue
            except InputFileError as exc:
                self.problems.append((ref, exc.problems[0].problem))
                continue
            if any(p == "" for p in path) or get_in(self.data, path) is not None:
                self.problems.append((f"{EXTRA}!A{r}", f"{found(raw_path)} is empty or already filled from the "
                                                       "other sheets; give each parameter once"))
                continue
            try:
                self.put(path, value, ref)
            except PathConflict as exc:
                self.problems.append((f"{EXTRA}!A{r}", f"{found(raw_path)} does not fit the params: {exc}"))


def value_path(path: PathT, kind: str) -> PathT:
    """Where a blank cell's value would go: a figure's or stated value's `value`, else the path itself."""
    return path + ("value",) if kind in ("figure", "statement", "statement_unit", "amount") else path


def grids_of(book: Book, file: str) -> dict[str, Grid]:
    """The cell grids of every input sheet; a missing sheet is a problem of the whole workbook."""
    missing = [s for s in INPUT_SHEETS if s not in book.sheetnames]
    if missing:
        raise WorkbookError(file, [("", f"missing sheet “{s}”; {MOVED}") for s in missing])
    return {s: book.grid(s, *b, file) for s, b in bounds().items()}


def _cell_of(field: str, where: dict[str, str]) -> tuple[str | None, bool]:
    """The cell a params error field came from, and whether the match is exact."""
    f = re.sub(r"\[(\d+)\]", r".\1", field)
    if f in where:
        return where[f], True
    below = next((w for p, w in where.items() if p.startswith(f + ".")), None)
    if below:
        return below, False
    above = max((p for p in where if f.startswith(p + ".")), key=len, default=None)
    return (where[above], False) if above else (None, False)


def by_indicator_id(where: dict[str, str], data: dict[str, Any]) -> dict[str, str]:
    """`where` also under the paths params errors use for a row of the unit's table: its id, not its position
    (indicators.party_days.weight for indicators.4.weight), so that every such error names its cell."""
    out = dict(where)
    for i, row in enumerate(data.get("indicators") or []):
        if isinstance(row, dict) and isinstance(row.get("id"), str):
            prefix = f"indicators.{i}"
            for path, ref in where.items():
                if path == prefix or path.startswith(prefix + "."):
                    out.setdefault(f"indicators.{row['id']}{path[len(prefix):]}", ref)
    return out


def _remap(exc: ParamsError, where: dict[str, str], file: str) -> WorkbookError:
    problems = []
    for field, problem in exc.problems:
        ref, exact = _cell_of(field, where)
        if ref is None:
            problems.append((field, problem))
        else:
            problems.append((ref, problem if exact or not field else f"{problem} ({field})"))
    return WorkbookError(file, problems)


class Read(NamedTuple):
    """A workbook read: the params, their score sheet, and the cell each params value came from."""

    params: UnitParams
    sheet: ScoreSheet
    where: dict[str, str]
    hidden: tuple[str, ...] = ()  # rows holding values that the workbook hides: read, and said


def read_book(data: bytes, file: str) -> Read:
    """Validate and score a workbook's content; raises one WorkbookError listing every problem by cell."""
    book = open_workbook(data, file)
    try:
        grids = grids_of(book, file)
        reader = Reader(grids)
        hidden = hidden_rows(book, grids)
    finally:
        book.close()
    reader.read_all()
    if reader.problems:
        raise WorkbookError(file, reader.problems)
    try:
        params = parse_params(reader.data, file)
        sheet = score_params(params, framework_of(params, file), file)
    except ParamsError as exc:
        raise _remap(exc, by_indicator_id(reader.located(), reader.data), file) from None
    return Read(params, sheet, reader.located(), hidden)


def hidden_rows(book: Book, grids: dict[str, Grid]) -> tuple[str, ...]:
    """Each input sheet's hidden rows that hold values, said: they are read as any other row (hidden is not deleted;
    trial 7 X17: a 999.99万元 project an analyst had hidden was imported without a word)."""
    out = []
    for sheet, grid in grids.items():
        filled = sorted({r for r, _ in grid} & set(book.hidden_rows(sheet)))
        if filled:
            rows = "、".join(map(str, filled[:10])) + (f" 等 {len(filled)} 行" if len(filled) > 10 else "")
            out.append(f"{sheet} 第 {rows} 行在工作簿中被隐藏，已照常读取（隐藏不等于删除）；不应计入的行请删除，"
                       "否则请取消隐藏后核对")
    return tuple(out)


def read_workbook_bytes(data: bytes, file: str) -> tuple[UnitParams, ScoreSheet]:
    """Validate and score a workbook's content; raises one WorkbookError listing every problem."""
    read = read_book(data, file)
    return read.params, read.sheet


def read_workbook(path: str | Path) -> tuple[UnitParams, ScoreSheet]:
    """A filled workbook as validated params and its score sheet."""
    return read_workbook_bytes(read_bytes(path), str(path))


def tidy(value: Any) -> Any:
    """Whole floats as ints (51.0 → 51), so the YAML reads as a person would write it."""
    if isinstance(value, dict):
        return {k: tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tidy(v) for v in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _without_implied_places(value: Any) -> Any:
    """Drop `places` where the number as YAML writes it already shows them (92.5 → 1); keep it where it does
    not (77.00 is written 77): the file says only what it must."""
    if isinstance(value, list):
        return [_without_implied_places(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _without_implied_places(v) for k, v in value.items()}
    number = out.get("value")
    if "places" in out and isinstance(number, (int, float)) and not isinstance(number, bool):
        if out["places"] == (0 if isinstance(number, int) else decimals(number)):
            del out["places"]
    return out


_NOT_IN_A_COMMENT = re.compile("[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def one_line(text: str) -> str:
    """Text for a YAML comment: line breaks (Alt+Enter, \\r\\n, U+2028) and control characters as spaces."""
    return _NOT_IN_A_COMMENT.sub(" ", text)


def params_yaml(params: UnitParams, workbook: str | Path) -> str:
    """The params file text for a unit read from a workbook."""
    u = params.unit
    header = (f"# {one_line(u.name)} {u.year} — imported from {one_line(Path(workbook).name)} by "
              "`perfeval excel import`.\n"
              "# Money in 万元. Edit the workbook and import again rather than editing this file by hand.\n")
    body = dump_yaml(_without_implied_places(tidy(params.model_dump(exclude_defaults=True))), flow_leaves=True)
    return header + body


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _flat(item, f"{prefix}{key}.").items()}
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in _flat(item, f"{prefix}{i}.").items()}
    return {prefix.rstrip("."): value}


def _canonical(p: UnitParams) -> dict[str, Any]:
    """Params as paths and values. The order of stated rates and ratios carries no meaning and is ignored: those the
    base table shows in cells of their own (控制率, 规模控制率) are read before the tables' rows."""
    data = p.model_dump(exclude_defaults=True)
    claims = data.get("claims", {})
    for key, name in (("rates", "measure"), ("ratios", "label")):
        if claims.get(key):
            claims[key] = sorted(claims[key], key=lambda r: (r[name], r["value"], r.get("source") or ""))
    return _flat(data)


def differences(a: UnitParams, b: UnitParams) -> list[str]:
    """Params paths whose values differ (see _canonical)."""
    fa, fb = _canonical(a), _canonical(b)
    return sorted(k for k in fa.keys() | fb.keys() if fa.get(k) != fb.get(k))


def _lost(path: str, held: dict[str, Any], target: Path) -> str:
    """Why a cell's value does not read back from the params file, in the analyst's terms: a number of more decimals
    than a figure keeps (1802.0000000001, a formula's rounding a General cell shows as 1802) said as such; W20 was
    told only that it "does not survive being written"."""
    value = held.get(path.removesuffix(".places") + ".value") if path.endswith(".places") else held.get(path)
    exponent = Decimal(repr(value)).as_tuple().exponent if isinstance(value, float) else 0
    if isinstance(exponent, int) and -exponent > MAX_PLACES:
        return (f"holds {value!r}, more decimals than a figure keeps ({MAX_PLACES}), as a formula's or a paste's "
                "rounding leaves (a General cell shows it shorter): type the figure as the report states it, or round "
                "it (=ROUND(…, 2)); nothing was written")
    return f"does not survive being written to {target.name}; nothing was written"


class Imported(NamedTuple):
    """What an import wrote: the params file, the params in it, and their score sheet."""

    path: Path
    params: UnitParams
    sheet: ScoreSheet
    hidden: tuple[str, ...] = ()  # hidden rows read, said (Read.hidden)


def _written_back(read: Read, text: str, target: Path, workbook: str) -> None:
    """The params text must read back to what the workbook holds; a value that does not is named by its cell."""
    try:
        back = parse_params(parse_yaml(text, target), target)
    except InputFileError as exc:
        raise WorkbookError(workbook, [(_cell_of(p.field, read.where)[0] or p.field,
                                        f"does not survive being written to {target.name} ({p.problem}); "
                                        "nothing was written") for p in exc.problems]) from None
    lost = differences(read.params, back)
    if lost:
        held = _canonical(read.params)
        raise WorkbookError(workbook, [(_cell_of(p, read.where)[0] or p, _lost(p, held, target)) for p in lost])


def import_workbook(workbook: str | Path, out: str | Path | None = None, *, force: bool = False) -> Imported:
    """Read a filled workbook and write the unit's params file (default <id>.yaml beside the workbook: an installed
    perfeval has no params/units/, and a checkout's is not where a user running elsewhere looks)."""
    read = read_book(read_bytes(workbook), str(workbook))
    target = Path(out) if out else Path(workbook).parent / f"{read.params.unit.id}.yaml"
    if target.exists() and not force:
        raise PerfevalError(f"{target} already exists; pass --force to replace it")
    text = params_yaml(read.params, workbook)
    _written_back(read, text, target, str(workbook))
    write_atomic(target, text)
    return Imported(target, read.params, read.sheet, read.hidden)
