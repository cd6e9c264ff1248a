"""The results store of an outputs folder (outputs/results.sqlite): each published unit's result and the key of
what produced it.

The batch writes it as units are published; the index, the CSV, the portfolio, the summary workbook and 历年比较
read the unit results from here, never by scoring again, and a batch runs again only the units whose key changed.
An analyst reads it with pandas: `results_frame("outputs")`, one row per unit.

SQLite from the standard library: one file, readable while a batch writes it, no server. A store that cannot be
read (damaged, of another version) counts as empty: every unit then runs again and the store is rebuilt.
"""
from __future__ import annotations

import errno
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

if TYPE_CHECKING:
    import pandas as pd

    from ..result import UnitResult

STORE_FILE = "results.sqlite"
SCHEMA_VERSION = 3  # PRAGMA user_version; a store of another version is rebuilt
OK, FAILED = "ok", "failed"
NOT_RUN = "not_run"  # a draft not run because confirmed params of its unit ran in its place: no failure
# What the index and the framework pages never show of a unit: about 95 % of a unit result's memory (360 KB of a
# Changsha in memory; its outline about 20 KB), so an index of 5,000 units does not hold 1.8 GB of results.
OUTLINE_DROPS = ("indicators", "findings", "sensitivity", "readings", "figures", "projects")
# What no reader of many units shows (the portfolio, the summary workbook): only a unit's own report does. A reader
# that leaves these out reads the result without them (LEAN: about a third of its JSON's parsing).
LEAN_DROPS = ("sensitivity", "readings", "projects", "framework_notes", "indicators.parts", "indicators.inputs",
              "findings.evidence")
FLAT_COLUMNS = ("name", "region", "year", "series", "framework", "total", "total_on_100", "grade", "claimed_total",
                "claimed_grade", "findings_error", "findings_warning", "findings_info")
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS units (
    unit_id TEXT PRIMARY KEY,
    key TEXT NOT NULL,            -- digest of what produced the result (see batch/keys.py)
    result TEXT NOT NULL,         -- the unit result JSON, as published in units/<id>/<id>.json
    outline TEXT NOT NULL,        -- the same without its long lists (OUTLINE_DROPS), for the index
    lean TEXT NOT NULL,           -- the same without what only a unit's own report shows (LEAN_DROPS)
    name TEXT, region TEXT, year INTEGER, series TEXT, framework TEXT, total REAL, total_on_100 REAL, grade TEXT,
    claimed_total REAL, claimed_grade TEXT, findings_error INTEGER, findings_warning INTEGER, findings_info INTEGER
);
CREATE TABLE IF NOT EXISTS drafts (
    report TEXT PRIMARY KEY,      -- a report the batch drafted
    digest TEXT NOT NULL,         -- of its bytes and the package version
    draft TEXT NOT NULL           -- the draft it gave, outputs/drafts/<id>.yaml
);
CREATE TABLE IF NOT EXISTS identities (
    digest TEXT PRIMARY KEY,      -- of a params file's path and bytes and the package version
    identity TEXT NOT NULL        -- what it says of its unit (batch/jobs.py Identity), as JSON
);
CREATE TABLE IF NOT EXISTS outputs (
    name TEXT PRIMARY KEY,        -- a batch-wide output (portfolio.html, summary.xlsx)
    key TEXT NOT NULL             -- digest of the unit keys it was made from
);
PRAGMA user_version = {SCHEMA_VERSION};
"""


@dataclass(frozen=True)
class UnitRun:
    """One unit's outcome in a batch; paths are relative to the outputs folder so the index links work when moved."""

    unit_id: str
    params_file: str
    status: str
    reason: str = ""
    report: str | None = None
    notebook: str | None = None
    seconds: float = 0.0
    result: str | None = None  # the unit result file, for a unit whose report is published
    drafted_from: str | None = None  # the report a draft was read from: params not yet confirmed by an analyst

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "UnitRun":
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})  # a status file of an older version reads too


Entry = tuple[UnitRun, "UnitResult | None"]  # a unit's batch status and, when published, its unit result


def _outline(r: dict[str, Any]) -> str:
    """A unit result with its long lists empty: what the index and the framework pages read."""
    return json.dumps({k: [] if k in OUTLINE_DROPS else v for k, v in r.items()}, ensure_ascii=False)


def _lean(r: dict[str, Any]) -> str:
    """A unit result without what only its own report shows (LEAN_DROPS), compact: what readers of many units read."""
    return json.dumps(emptied(r, LEAN_DROPS), ensure_ascii=False, separators=(",", ":"))


def _leaves_out(without: Sequence[str], drops: Sequence[str]) -> bool:
    """Whether a reader leaving out `without` leaves out every list of `drops` ("findings" covers "findings.x")."""
    return all(d in without or d.partition(".")[0] in without for d in drops)


def emptied(data: dict[str, Any], without: Sequence[str]) -> dict[str, Any]:
    """A unit result's data with the lists named left empty: "findings" at the top, "indicators.parts" in each
    indicator (a reader of many units loads only what it shows)."""
    out = dict(data)
    for path in without:
        head, _, rest = path.partition(".")
        if isinstance(out.get(head), list):
            out[head] = [{**item, rest: []} for item in out[head]] if rest else []
    return out


def _flat(r: dict[str, Any]) -> tuple[Any, ...]:
    """The columns an analyst filters by, from the unit result."""
    unit, counts = r.get("unit") or {}, r.get("findings_by_severity") or {}
    claimed = r.get("claimed") or {}
    return (unit.get("name"), unit.get("region"), unit.get("year"), unit.get("series"),
            (r.get("framework") or {}).get("name"), r.get("total"), r.get("total_on_100"), r.get("grade"),
            claimed.get("total"), claimed.get("grade"), counts.get("error"), counts.get("warning"), counts.get("info"))


def _path_text(path: Path) -> str:
    """A path as text SQLite takes: a name that is not UTF-8 (GBK bytes) as its bytes escaped, one to one."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _storable(value: Any) -> Any:
    """A value SQLite can hold: text holding a file name's undecodable bytes (LC_ALL=C with PYTHONUTF8=0 gives
    every non-ASCII name as surrogates; `run … -o 输出` then ended in UnicodeEncodeError) as those bytes, which
    _read_back makes the same text again."""
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            try:
                return value.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:  # a lone surrogate that is no byte of a name: kept readable, as \ud800
                return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def _read_back(row: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(v.decode("utf-8", "surrogateescape") if isinstance(v, bytes) else v for v in row)


class ResultsStore:
    """The store of one outputs folder. Open it for the length of a batch (or one reading), then close it."""

    def __init__(self, outputs: Path, *, readonly: bool = False) -> None:
        self.path = Path(outputs) / STORE_FILE
        self.readonly = readonly
        self._db: sqlite3.Connection | None = None
        self.unsaved = ""  # why the store could not be written; it is then removed, and every reader uses the files

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            if self.readonly:
                self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            else:
                self._db = self._writable()
        return self._db

    def _writable(self) -> sqlite3.Connection:
        """A connection to a store of this version: one that is damaged or older is replaced by an empty one."""
        for attempt in range(2):
            db = sqlite3.connect(self.path, isolation_level=None)
            try:
                found = db.execute("PRAGMA user_version").fetchone()[0]
                if found not in (0, SCHEMA_VERSION):
                    raise sqlite3.DatabaseError("another version")
                if found == 0:  # new: made once (opening a store writes nothing into it)
                    db.executescript(_SCHEMA)
                db.execute("SELECT count(*) FROM units, drafts, identities, outputs WHERE 0").fetchone()
                return db
            except sqlite3.DatabaseError:
                db.close()
                if attempt:
                    raise
                self.path.unlink(missing_ok=True)  # nothing in it is lost that the next run does not rebuild
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> "ResultsStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Write, or give up the store for this batch: a store that cannot be written (a full disk) is removed,
        so that no stale key or result survives it; the next batch runs every unit and builds it again."""
        if self.unsaved:
            return
        try:
            self._open().executemany(sql, ([_storable(v) for v in row] for row in rows))
        except (sqlite3.Error, OSError) as exc:
            self.unsaved = str(exc)
            self.close()
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass

    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query; none when the store does not exist or cannot be read (a reader never fails on it)."""
        if self.unsaved or (self.readonly and not self.path.is_file()):
            return []
        try:
            return [_read_back(row) for row in self._open().execute(sql, [_storable(v) for v in args])]
        except sqlite3.DatabaseError:
            return []

    def _each_row(self, sql: str) -> Iterator[tuple[Any, ...]]:
        """Rows of a query one at a time, as _rows gives them but never all at once in memory (every unit's result
        JSON fetched at once took about 90 KiB a unit: 450 MiB of 5,000 units in the portfolio's kernel)."""
        if self.unsaved or (self.readonly and not self.path.is_file()):
            return
        try:
            yield from map(_read_back, self._open().execute(sql))
        except sqlite3.DatabaseError:
            return

    # --- keys and results -----------------------------------------------------------------------------------

    def keys(self) -> dict[str, str]:
        """unit id → key of its stored result."""
        return dict(self._rows("SELECT unit_id, key FROM units"))

    def put(self, unit_id: str, key: str, result_json: str) -> None:
        """Record a unit's published result and the key of what produced it."""
        data = json.loads(result_json)
        places = ", ".join("?" * (5 + len(FLAT_COLUMNS)))
        self._write(f"INSERT OR REPLACE INTO units VALUES ({places})",  # noqa: S608 - placeholders only
                    [(unit_id, key, result_json, _outline(data), _lean(data), *_flat(data))])

    def drop(self, unit_ids: Iterable[str]) -> None:
        """Forget units whose result is withdrawn (failed, or no longer in the batch)."""
        gone = [(u,) for u in unit_ids]
        if gone:
            self._write("DELETE FROM units WHERE unit_id = ?", gone)

    def result(self, unit_id: str, *, outline: bool = False, without: Sequence[str] = ()) -> "UnitResult | None":
        """A unit's stored result (None when it has none, or it does not read as one); outline: without the lists
        of OUTLINE_DROPS (empty), as the index reads it; without: these lists empty (see emptied)."""
        from ..result import UnitResult

        column = "outline" if outline else "lean" if _leaves_out(without, LEAN_DROPS) else "result"
        rows = self._rows(f"SELECT {column} FROM units WHERE unit_id = ?", (unit_id,))  # noqa: S608 - a fixed column
        if not rows:
            return None
        try:
            if without:
                data = json.loads(rows[0][0])
                return UnitResult.model_validate(emptied(data, without))
            return UnitResult.model_validate_json(rows[0][0])
        except ValueError:
            return None

    def years(self) -> dict[str, tuple[int, str]]:
        """unit id → (year, series) of every stored result."""
        return {uid: (year, series) for uid, year, series in self._rows("SELECT unit_id, year, series FROM units")
                if year is not None and series is not None}

    # --- drafts ---------------------------------------------------------------------------------------------

    def draft_of(self, report: Path, digest: str) -> str | None:
        """The draft recorded for a report of these bytes, if any."""
        rows = self._rows("SELECT draft FROM drafts WHERE report = ? AND digest = ?", (_path_text(report), digest))
        return rows[0][0] if rows else None

    def put_draft(self, report: Path, digest: str, draft: str) -> None:
        self._write("INSERT OR REPLACE INTO drafts VALUES (?, ?, ?)", [(_path_text(report), digest, draft)])

    # --- batch-wide outputs -----------------------------------------------------------------------------------

    def output_key(self, name: str) -> str | None:
        rows = self._rows("SELECT key FROM outputs WHERE name = ?", (name,))
        return rows[0][0] if rows else None

    def put_output_key(self, name: str, key: str) -> None:
        self._write("INSERT OR REPLACE INTO outputs VALUES (?, ?)", [(name, key)])

    # --- what params files say of their unit ------------------------------------------------------------------

    def identity(self, digest: str) -> dict[str, Any] | None:
        rows = self._rows("SELECT identity FROM identities WHERE digest = ?", (digest,))
        return json.loads(rows[0][0]) if rows else None

    def put_identity(self, digest: str, identity: dict[str, Any]) -> None:
        self._write("INSERT OR REPLACE INTO identities VALUES (?, ?)", [(digest, json.dumps(identity))])


def entries(outputs: Path, status: dict[str, UnitRun]) -> Iterator[Entry]:
    """Every unit of the status in unit-id order with the outline of its unit result (the lists of OUTLINE_DROPS
    empty: the index shows none of them), None when it has none or it cannot be read: from the store, else (a store
    that could not be written) from the unit's result file."""
    from ..result import UnitResult

    with ResultsStore(outputs, readonly=True) as store:
        for uid in sorted(status):
            run, result = status[uid], None
            if run.status == OK and run.result:
                result = store.result(uid, outline=True)
                if result is None:
                    try:
                        data = json.loads((outputs / run.result).read_bytes())
                        result = UnitResult.model_validate_json(_outline(data))
                    except (OSError, ValueError, AttributeError):
                        result = None  # shown as a published report without figures; the next run rewrites it
            yield run, result


def stored_results(outputs: Path, without: Sequence[str] = ()) -> Iterator["UnitResult"]:
    """Every stored unit result in unit-id order, one at a time, the lists named in `without` left empty (what a
    reader of many units never shows: the portfolio shows no unit's findings; see emptied). A store that is not
    there or cannot be read raises OSError or ValueError, for the reader given it to name: the portfolio of a
    mistyped results.sqlite said 共 0 个单位 and nothing else."""
    from ..result import UnitResult

    with ResultsStore(outputs, readonly=True) as store:
        if not store.path.is_file():
            raise FileNotFoundError(errno.ENOENT, "no such results store (results.sqlite)", str(store.path))
        try:
            column = "lean" if _leaves_out(without, LEAN_DROPS) else "result"
            rows = store._open().execute(f"SELECT {column} FROM units ORDER BY unit_id")  # noqa: S608 - own column
            for (text,) in map(_read_back, rows):
                data = json.loads(text)
                yield UnitResult.model_validate(emptied(data, without))
        except sqlite3.DatabaseError as exc:
            raise ValueError(f"not a results store perfeval can read ({exc})") from None


def published_result(path: str | Path) -> "UnitResult":
    """A unit result a batch published (outputs/units/<id>/<id>.json): from the results store of its outputs
    folder, else (no store, or the unit not in it) from the file itself; OSError or ValueError when neither reads."""
    from ..result import UnitResult

    path = Path(path)
    outputs = path.parent.parent.parent
    if path.parent.parent.name == "units" and (outputs / STORE_FILE).is_file():
        with ResultsStore(outputs, readonly=True) as store:
            found = store.result(path.stem)
        if found is not None:
            return found
    return UnitResult.read(path)


def results_frame(outputs: str | Path = "outputs") -> "pd.DataFrame":
    """Every published unit of an outputs folder, one row each: id, the columns an analyst filters by, and the
    whole unit result as JSON (`json.loads` it, or `UnitResult.model_validate_json`). For a notebook:

        from perfeval.outputs.store import results_frame
        df = results_frame("../outputs")
        df[df.grade == "优"].sort_values("total_on_100")
    """
    import pandas as pd

    columns = ["unit_id", *FLAT_COLUMNS, "result"]
    with ResultsStore(Path(outputs), readonly=True) as store:
        rows = store._rows(f"SELECT {', '.join(columns)} FROM units ORDER BY unit_id")  # noqa: S608 - own column names
    return pd.DataFrame(rows, columns=columns)

