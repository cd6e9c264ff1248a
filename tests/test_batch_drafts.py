"""Triage of received reports: `perfeval run` on a folder of report files and params files drafts each report,
runs it like any unit, lists it apart in the index as not yet confirmed, and fails a report it cannot read alone."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from report_files import write_docx

from perfeval.cli import main
from perfeval.outputs.batch import FAILED, NOT_RUN, OK, run_batch
from perfeval.outputs.batch.status import load_status
from perfeval.outputs.draft import read_document

from conftest import YUNXI

pytestmark = pytest.mark.slow  # runs whole batches (kernels, workers)

PLANTED = Path(__file__).parent / "data" / "planted"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A received folder: one confirmed params file, a report as .txt, one as .docx, and a damaged .pdf."""
    received = tmp_path_factory.mktemp("received")
    shutil.copy(YUNXI, received / YUNXI.name)
    shutil.copy(PLANTED / "archives_2023.txt", received / "qinghe_archives.txt")
    write_docx(read_document(PLANTED / "services_2024.txt"), received / "baisha_services.docx")
    (received / "broken.pdf").write_bytes(b"%PDF-1.4\n this is not really a PDF")
    (received / "notes.txt").write_text("收件记录：共收到 3 份材料。", encoding="utf-8")  # kept beside them, not a report
    outputs = tmp_path_factory.mktemp("out")
    outcome = run_batch([str(received)], outputs=outputs, workers=2, progress=False)
    return received, outputs, outcome


def test_every_report_is_drafted_and_run_like_any_unit(batch):
    _, outputs, outcome = batch
    done = {r.unit_id: r for r in outcome.results}
    assert {uid for uid, r in done.items() if r.status == OK} == {"yunxi_district_2023", "qinghe_archives",
                                                                   "baisha_services"}
    for uid in ("qinghe_archives", "baisha_services"):
        assert (outputs / "units" / uid / f"{uid}.html").is_file()
        assert (outputs / "drafts" / f"{uid}.yaml").is_file() and (outputs / "drafts" / f"{uid}.review.html").is_file()
        assert done[uid].drafted_from and done[uid].drafted_from.endswith((".txt", ".docx"))
    assert done["yunxi_district_2023"].drafted_from is None


def test_a_report_it_cannot_read_fails_alone_with_the_reason(batch):
    received, _, outcome = batch
    broken = next(r for r in outcome.results if r.unit_id == "broken")
    assert broken.status == FAILED and "报告无法读取" in broken.reason and "broken.pdf" in broken.reason
    assert str(received) not in broken.reason and "problem(s)" not in broken.reason  # officials read it: no path
    assert [r.unit_id for r in outcome.failed] == ["broken"]


def test_a_text_file_that_is_not_a_report_is_left_out_with_a_warning_and_listed_not_run(batch):
    """Trial 7 X32: a file left out was warned of on the terminal only, absent from the index and the status."""
    _, outputs, outcome = batch
    assert any("notes.txt: not read as a report" in w for w in outcome.warnings)
    (notes,) = [r for r in outcome.results if r.unit_id == "notes"]
    assert notes.status == NOT_RUN and notes.reason.startswith("未作为报告读取：文件开头没有含“绩效”“自评”字样的报告标题")
    assert "data-unit='notes'" in (outputs / "index.html").read_text(encoding="utf-8")


def test_the_index_lists_drafted_units_apart_as_not_confirmed(batch):
    _, outputs, _ = batch
    page = (outputs / "index.html").read_text(encoding="utf-8")
    confirmed, _, apart = page.partition("<h2>据报告文本自动提取，未经核对（3 个单位）</h2>")
    assert "yunxi_district_2023" in confirmed and "qinghe_archives" not in confirmed
    assert all(uid in apart for uid in ("qinghe_archives", "baisha_services", "broken"))
    assert 'href="drafts/qinghe_archives.review.html"' in apart
    rows = {r["unit_id"]: r for r in csv.DictReader((outputs / "summary_data.csv").read_text(encoding="utf-8-sig")
                                                     .splitlines())}
    assert rows["qinghe_archives"]["drafted_from"].endswith("qinghe_archives.txt")
    assert rows["yunxi_district_2023"]["drafted_from"] == ""


def test_failed_only_drafts_the_failed_report_again(batch, capsys):
    received, outputs, _ = batch
    assert main(["run", str(received), "-o", str(outputs), "--failed-only", "-q", "--no-summaries"]) == 1
    assert "failed  broken: 报告无法读取" in capsys.readouterr().err
    status = load_status(outputs)
    assert status["broken"].drafted_from and status["qinghe_archives"].status == OK


def test_a_unit_whose_report_moved_stays_listed_unchanged(tmp_path):
    """Trial 4's U47 (data loss): a unit's folder renamed between two runs (乙县自然资源局 → 乙县, the same report)
    gave "0 written, 1 unchanged" and the unit vanished from summary.csv, the index and the status — its record kept
    the old report's path, and a drafted unit lasts as long as its report. An unchanged unit is listed under the
    report it now runs from."""
    folder = tmp_path / "收到的报告" / "乙县自然资源局"
    folder.mkdir(parents=True)
    shutil.copy(PLANTED / "archives_2023.txt", folder / "部门整体支出绩效自评报告.txt")
    outputs = tmp_path / "out"
    first = run_batch([str(folder)], outputs=outputs, workers=1, progress=False)
    assert [r.status for r in first.results] == [OK]
    moved = folder.rename(folder.parent / "乙县")
    second = run_batch([str(moved)], outputs=outputs, workers=1, progress=False)
    (run,) = second.results
    assert second.unchanged == (run.unit_id,) and run.drafted_from == str(moved / "部门整体支出绩效自评报告.txt")
    assert load_status(outputs)[run.unit_id].drafted_from == run.drafted_from
    assert "青禾县档案馆" in (outputs / "summary.csv").read_text(encoding="utf-8-sig")
