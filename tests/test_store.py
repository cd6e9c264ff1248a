"""The results store: what it gives the index (the same page as the whole results, in memory that does not grow
with each unit's tables), what it gives an analyst, and how it survives damage."""
from __future__ import annotations

import gc
import json
import tracemalloc

import pandas as pd
import pytest

from perfeval.outputs.batch.runner import publish_index
from perfeval.outputs.batch.status import save_status
from perfeval.outputs.index_page import index_html, summary_csv
from perfeval.outputs.store import OK, STORE_FILE, ResultsStore, UnitRun, entries, results_frame
from perfeval.result import UnitResult, evaluate_file

from conftest import SAMPLES


@pytest.fixture(scope="module")
def results() -> list[UnitResult]:
    return [evaluate_file(path) for path in SAMPLES]


def _published(outputs, results, copies: int = 1) -> dict[str, UnitRun]:
    """Units published into outputs as a batch leaves them: result files, status, store."""
    status = {}
    with ResultsStore(outputs) as store:
        for n in range(copies):
            for r in results:
                uid = f"{r.unit.id}-{n}" if copies > 1 else r.unit.id
                text = r.model_copy(update={"unit": r.unit.model_copy(update={"id": uid})}).to_json()
                folder = outputs / "units" / uid
                folder.mkdir(parents=True)
                (folder / f"{uid}.json").write_text(text, encoding="utf-8")
                params = outputs / f"{uid}.yaml"
                params.write_text("unit: {}\n", encoding="utf-8")
                status[uid] = UnitRun(uid, str(params), OK, report=f"units/{uid}/{uid}.html",
                                      result=f"units/{uid}/{uid}.json")
                store.put(uid, "key", text)
    save_status(outputs, status)
    return status


def test_the_index_from_the_store_is_the_index_from_the_whole_results(tmp_path, results):
    status = _published(tmp_path, results)
    whole = [(status[r.unit.id], r) for r in sorted(results, key=lambda r: r.unit.id)]
    stored = list(entries(tmp_path, status))
    assert index_html(stored) == index_html(whole) and summary_csv(stored) == summary_csv(whole)
    assert all(r is not None and r.indicators == [] for _, r in stored)  # outlines: the tables left in the store


def test_an_index_of_many_units_does_not_hold_their_tables(tmp_path, results):
    """Item 20 of issue 24: memory of publishing the index grew by ~360 KB a unit (every unit result whole)."""
    def peak(copies: int) -> int:
        outputs = tmp_path / f"n{copies}"
        outputs.mkdir()
        status = _published(outputs, results, copies)
        gc.collect()
        tracemalloc.start()
        with ResultsStore(outputs) as store:
            publish_index(outputs, status, store)
        top = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return top

    small, large = peak(5), peak(65)  # 15 and 195 units
    per_unit = (large - small) / (195 - 15)
    assert per_unit < 60_000, f"{per_unit / 1024:.0f} KiB a unit"  # the pages' own text grows, the results do not


def test_an_analyst_reads_the_store_with_pandas(tmp_path, results):
    _published(tmp_path, results)
    frame = results_frame(tmp_path).set_index("unit_id")
    for r in results:
        row = frame.loc[r.unit.id]
        grade = None if pd.isna(row["grade"]) else row["grade"]  # pandas shows a missing grade as NaN
        assert (row["name"], row["year"], grade) == (r.unit.name, r.unit.year, r.grade)
        assert UnitResult.model_validate_json(row["result"]) == r


def test_a_damaged_store_reads_as_empty_and_the_index_uses_the_result_files(tmp_path, results):
    status = _published(tmp_path, results)
    (tmp_path / STORE_FILE).write_bytes(b"\x00garbage" * 512)
    assert results_frame(tmp_path).empty
    assert [r.unit.name for _, r in entries(tmp_path, status)] == [r.unit.name for r in
                                                                   sorted(results, key=lambda r: r.unit.id)]
    with ResultsStore(tmp_path) as store:  # opened to write: rebuilt empty
        assert store.keys() == {}
        store.put("x", "k", json.dumps(results[0].model_dump(mode="json")))
        assert store.keys() == {"x": "k"}


def test_the_portfolio_reads_every_published_unit_from_the_store(tmp_path, results):
    from perfeval.outputs.portfolio import gather, load_portfolio

    _published(tmp_path, results)
    loaded = load_portfolio([tmp_path / STORE_FILE])
    assert loaded.failed == [] and list(loaded.units["编号"]) == sorted(r.unit.id for r in results)
    whole = gather(sorted(results, key=lambda r: r.unit.id))
    for view in ("units", "ratios", "notes", "framework_names"):
        assert _same(getattr(loaded, view), getattr(whole, view))
    assert loaded.shares.keys() == whole.shares.keys() == {r.framework.id for r in results}
    for framework in whole.shares:
        assert _same(loaded.shares[framework], whole.shares[framework])
    from perfeval.outputs.portfolio.tables import NOT_COMPARED
    from perfeval.outputs.store import stored_results

    read = list(stored_results(tmp_path, without=NOT_COMPARED))  # as the portfolio reads them: the rest left in the store
    assert len(read) == len(results) and all(r.findings == [] and all(i.parts == () for i in r.indicators) for r in read)


def _same(a, b) -> bool:
    return a.equals(b) if isinstance(a, pd.DataFrame) else a == b


def test_the_workbook_from_the_store_is_the_workbook_from_the_whole_results(tmp_path, results):
    from perfeval.outputs.batch.summaries import published_results, write_workbook
    from perfeval.outputs.excel.summary import write_summary_workbook

    status = _published(tmp_path, results)
    write_workbook(tmp_path, published_results(tmp_path, status))
    whole = write_summary_workbook(sorted(results, key=lambda r: r.unit.id), tmp_path / "whole.xlsx")
    assert (tmp_path / "summary.xlsx").read_bytes() == whole.read_bytes()


def test_a_reader_of_many_units_reads_the_lean_result_and_gets_what_the_whole_one_gives(tmp_path, results):
    """The portfolio and the workbook leave out what only a unit's own report shows: they read the store's lean
    copy (a third of the JSON to parse), and get the same records as from the whole result with those lists empty;
    a reader that wants any of them gets the whole result."""
    from perfeval.outputs.batch.summaries import NOT_IN_WORKBOOK
    from perfeval.outputs.portfolio.tables import NOT_COMPARED
    from perfeval.outputs.store import emptied

    _published(tmp_path, results)
    with ResultsStore(tmp_path, readonly=True) as store:
        for r in results:
            whole = json.loads(r.to_json())
            for without in (NOT_COMPARED, NOT_IN_WORKBOOK, ("findings",)):
                read = store.result(r.unit.id, without=without)
                assert read == UnitResult.model_validate(emptied(whole, without))
            assert store.result(r.unit.id, without=("findings",)).sensitivity == r.sensitivity != []


def test_history_reads_an_earlier_year_from_the_store_else_from_its_file(tmp_path, results):
    from perfeval.outputs.store import published_result

    _published(tmp_path, results)
    r = results[0]
    path = tmp_path / "units" / r.unit.id / f"{r.unit.id}.json"
    path.unlink()  # the store alone holds it now
    assert published_result(path) == r
    with ResultsStore(tmp_path) as store:
        store.drop([r.unit.id])
    with pytest.raises(OSError):
        published_result(path)  # neither: 历年比较 names the year it could not read
    other = results[1]
    with ResultsStore(tmp_path) as store:
        store.drop([other.unit.id])
    assert published_result(tmp_path / "units" / other.unit.id / f"{other.unit.id}.json") == other  # from its file


def test_a_drafted_unit_whose_report_is_gone_leaves_the_index(tmp_path, results):
    """A report renamed between two runs was listed twice: its earlier draft, still in outputs/drafts, kept the old
    unit alive after the report had gone (trial 3 T19). A drafted unit lasts as long as its report, as a confirmed
    unit lasts as long as its params file."""
    from dataclasses import replace

    status = _published(tmp_path, results)
    kept, gone = sorted(status)[:2]
    for uid in (kept, gone):
        report = tmp_path / "received" / f"{uid}.txt"
        report.parent.mkdir(exist_ok=True)
        report.write_text("报告", encoding="utf-8")
        status[uid] = replace(status[uid], drafted_from=str(report))
    (tmp_path / "received" / f"{gone}.txt").rename(tmp_path / "received" / "renamed.txt")
    with ResultsStore(tmp_path) as store:
        publish_index(tmp_path, status, store)
        assert gone not in store.keys() and kept in store.keys()
    assert gone not in status and kept in status
    listed = (tmp_path / "summary.csv").read_text(encoding="utf-8")
    names = {r.unit.id: r.unit.name for r in results}
    assert names[kept] in listed and (names[gone] not in listed or names[gone] == names[kept])


def test_a_portfolio_of_a_store_not_there_or_not_a_store_names_it(tmp_path):
    """A mistyped results.sqlite (or a file of that name that is none) gave a portfolio of 0 units and no word."""
    from perfeval.outputs.portfolio import load_portfolio

    missing = tmp_path / "第二批" / STORE_FILE
    garbage = tmp_path / "旧" / STORE_FILE
    garbage.parent.mkdir()
    garbage.write_bytes(b"\x00 not sqlite " * 100)
    for path, words in ((missing, "no such results store"), (garbage, "not a results store perfeval can read")):
        loaded = load_portfolio([path])
        assert len(loaded.units) == 0
        ((named, why),) = loaded.failed
        assert named == str(path) and words in why, why
