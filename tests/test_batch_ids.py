"""Which file a unit id goes to: a file that does not load never displaces one that does, a confirmed params file
wins over the draft of its report, the same report in several formats is drafted once and each file listed, and a
report's drafting is bounded by the batch's timeout. Jobs are planned without running a notebook."""
from __future__ import annotations

import os
import quopri
import re
import shutil
import time
from pathlib import Path

import pytest
from report_files import write_docx

from perfeval.core.params import UNIT_ID
from perfeval.outputs.batch import FAILED, NOT_RUN
from perfeval.outputs.batch.drafting import draft_reports, same_unit_twice
from perfeval.outputs.batch.jobs import build_jobs, identity
from perfeval.outputs.draft import read_document
from perfeval.outputs.store import ResultsStore
from perfeval.paths import NOTEBOOKS_DIR

from conftest import YUNXI

PLANTED = Path(__file__).parent / "data" / "planted"
NOTEBOOK = NOTEBOOKS_DIR / "unit_report.ipynb"


def _plan(files, outputs, **kwargs):
    jobs, copies = build_jobs([f.resolve() for f in files], NOTEBOOK, outputs, {}, 60, **kwargs)
    return {j.unit_id: j.params_file.name for j in jobs}, {c.unit_id: c for c in copies}


def _unit(folder: Path, file_name: str, unit_id: str) -> Path:
    path = folder / file_name
    path.write_text(YUNXI.read_text(encoding="utf-8").replace("id: yunxi_district_2023", f"id: {unit_id}", 1),
                    encoding="utf-8")
    return path


def test_a_file_that_does_not_load_never_takes_the_id_of_one_that_does(tmp_path):
    good = _unit(tmp_path, "syn_one.yaml", "syn_one")
    broken = tmp_path / "SYN_ONE.yaml"  # its file name lower-cased is the good unit's id, and it sorts first
    broken.write_text("unit: {id: [\n", encoding="utf-8")
    jobs, copies = _plan([broken, good], tmp_path / "out")
    assert jobs == {"syn_one": "syn_one.yaml", "syn_one-2": "SYN_ONE.yaml"}  # both run: the broken one shows why
    assert copies == {}


def test_a_file_that_does_not_load_never_takes_the_id_of_a_unit_published_before(tmp_path):
    good = _unit(tmp_path, "syn_one.yaml", "syn_one")
    broken = tmp_path / "SYN_ONE.yaml"
    broken.write_text("unit: {id: [\n", encoding="utf-8")
    jobs, _ = _plan([broken], tmp_path / "out", held={"syn_one": str(good.resolve())})  # run alone, later
    assert jobs == {"syn_one-2": "SYN_ONE.yaml"}


def test_a_confirmed_params_file_wins_over_the_draft_of_its_report(tmp_path):
    received, outputs = tmp_path / "received", tmp_path / "out"
    received.mkdir()
    outputs.mkdir()
    report = shutil.copy(PLANTED / "archives_2023.txt", received / "qinghe.txt")
    with ResultsStore(outputs) as store:
        drafted = draft_reports([Path(report)], outputs, store, width=1, timeout=120)
    (draft,) = drafted.files
    confirmed = received / "qinghe.yaml"  # the analyst's copy, checked: the drafted_from line deleted
    confirmed.write_text(re.sub(r"(?m)^drafted_from: .*\n", "", draft.read_text(encoding="utf-8")), encoding="utf-8")
    for order in ([draft, confirmed], [confirmed, draft]):
        jobs, copies = _plan(order, outputs, drafted=drafted.drafted)
        assert jobs == {"qinghe": "qinghe.yaml"} and jobs["qinghe"] == confirmed.name
        (copy,) = copies.values()
        assert copy.params_file == str(draft) and "已有核对过的参数文件" in copy.reason
        assert copy.status == NOT_RUN  # not run, and no failure: its unit ran, from the confirmed file
    assert _plan([draft, confirmed], outputs, drafted=drafted.drafted)[0] == _plan([confirmed, draft], outputs)[0]


def test_confirmed_params_of_another_unit_under_a_reports_id_leave_the_report_its_own(tmp_path):
    """Confirmed params of another unit whose unit.id happened to be a report's file name shut the report out, with a
    message saying they were the same unit (trial 3 T18)."""
    received, outputs = tmp_path / "received", tmp_path / "out"
    received.mkdir()
    outputs.mkdir()
    report = shutil.copy(PLANTED / "archives_2023.txt", received / "qinghe.txt")
    other = _unit(received, "other.yaml", "qinghe")  # 云溪区机关事务服务中心 2023, not 青禾县档案馆
    with ResultsStore(outputs) as store:
        drafted = draft_reports([Path(report)], outputs, store, width=1, timeout=120)
    (draft,) = drafted.files
    for order in ([draft, other], [other, draft]):
        jobs, copies = _plan(order, outputs, drafted=drafted.drafted)
        assert jobs == {"qinghe": "other.yaml", "qinghe-2": "qinghe.yaml"} and copies == {}


def test_one_report_in_several_formats_is_drafted_once_and_each_file_listed(tmp_path):
    received, outputs = tmp_path / "received", tmp_path / "out"
    received.mkdir()
    outputs.mkdir()
    text = shutil.copy(PLANTED / "services_2024.txt", received / "baisha.txt")
    docx = received / "baisha.docx"
    write_docx(read_document(PLANTED / "services_2024.txt"), docx)
    with ResultsStore(outputs) as store:
        drafted = draft_reports([Path(text), Path(docx)], outputs, store, width=2, timeout=120)
    assert [p.name for p in drafted.files] == ["baisha.yaml"]
    assert list(drafted.drafted.values()) == [str(docx)]  # the .docx: its tables and paragraphs as written
    (other,) = drafted.listed
    # not run, and no failure: its unit ran from the .docx (a unit sending Word and PDF made the batch exit 1)
    assert (other.unit_id, other.status, other.params_file) == ("baisha-txt", NOT_RUN, str(text))
    assert "与 baisha.docx 是同一单位的报告" in other.reason
    upper = Path(shutil.copy(text, received / "Baisha.TXT"))  # one more text copy, the name in other case
    with ResultsStore(outputs) as store:
        drafted = draft_reports([Path(text), Path(docx), upper], outputs, store, width=2, timeout=120)
    listed = {run.params_file: run.unit_id for run in drafted.listed}
    assert set(listed) == {str(text), str(upper)} and len(set(listed.values())) == 2  # neither hides the other


def test_drafting_a_report_is_bounded_by_the_batch_timeout(tmp_path, monkeypatch):
    from perfeval.outputs.draft import parts as draft  # where a command and a batch draft a report

    received, outputs = tmp_path / "received", tmp_path / "out"
    received.mkdir()
    outputs.mkdir()
    slow = Path(shutil.copy(PLANTED / "archives_2023.txt", received / "slow.txt"))
    quick = Path(shutil.copy(PLANTED / "services_2024.txt", received / "quick.txt"))
    real = draft.draft_report

    def hanging(path, *args, **kwargs):
        if Path(path).name == "slow.txt":
            time.sleep(600)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(draft, "draft_report", hanging)
    with ResultsStore(outputs) as store:  # the stuck reader would hold the batch for 600 s
        drafted = draft_reports([slow, quick], outputs, store, width=2, timeout=20)
    assert [p.name for p in drafted.files] == ["quick.yaml"]
    (stuck,) = drafted.listed
    assert stuck.unit_id == "slow" and stuck.reason.startswith("超时：报告 slow.txt 超过 20 秒仍未读完")


@pytest.fixture(autouse=True)
def _no_stray_children():
    yield
    import multiprocessing

    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("name", ["坏单位.yaml", "坏😀.yaml", "x y.yaml"])
def test_the_id_of_a_file_that_does_not_load_names_a_folder_under_any_locale(name):
    """Under LC_ALL=C with PYTHONUTF8=0 (cron, minimal containers) file names are ASCII: "unit-坏单位" could not name
    the unit's folder, and publishing it ended the batch in UnicodeEncodeError."""
    import subprocess
    import sys

    code = ("import os, sys; from pathlib import Path; from perfeval.outputs.batch.jobs import file_id; "
            "uid = file_id(Path(sys.argv[1])); os.fsencode(uid); print(uid.encode('unicode_escape').decode())")
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONUTF8="0")
    out = subprocess.run([sys.executable, "-c", code, name], capture_output=True, text=True, env=env, check=True)
    uid = out.stdout.strip()
    assert uid.isascii() and uid.startswith("unit-"), uid
    assert UNIT_ID.match(uid), uid


def _damaged_docx(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)  # a zip's signature, then nothing a zip holds
    return path


def test_a_report_that_cannot_be_read_never_displaces_another_format_that_can(tmp_path):
    received, outputs = tmp_path / "received", tmp_path / "out"
    received.mkdir()
    outputs.mkdir()
    text = Path(shutil.copy(PLANTED / "services_2024.txt", received / "hekou-2024.txt"))
    docx = _damaged_docx(received / "hekou-2024.docx")  # drafted first (DRAFT_ORDER), and unreadable
    with ResultsStore(outputs) as store:
        drafted = draft_reports([docx, text], outputs, store, width=2, timeout=120)
    assert [p.name for p in drafted.files] == ["hekou-2024.yaml"]
    assert list(drafted.drafted.values()) == [str(text)]
    (other,) = drafted.listed
    assert (other.unit_id, other.params_file) == ("hekou-2024-docx", str(docx))
    assert other.reason.startswith("报告无法读取") and "按同一报告的 hekou-2024.txt 生成草稿并运行" in other.reason


def test_a_report_that_cannot_be_read_never_takes_the_id_of_a_params_unit(tmp_path):
    from perfeval.outputs.batch.drafting import unclaimed

    received, outputs = tmp_path / "received", tmp_path / "out"
    received.mkdir()
    outputs.mkdir()
    params = _unit(received, "a.yaml", "twin_2023")  # its id is the damaged report's file name
    docx = _damaged_docx(received / "twin_2023.docx")
    with ResultsStore(outputs) as store:
        drafted = draft_reports([params, docx], outputs, store, width=1, timeout=120)
    jobs, copies = build_jobs(drafted.files, NOTEBOOK, outputs, {}, 60)
    (failed,) = drafted.listed
    assert failed.unit_id == "twin_2023"  # from its file name, before the batch sees the params
    (listed,) = unclaimed(drafted.listed, {j.unit_id for j in jobs}, {})
    assert [j.unit_id for j in jobs] == ["twin_2023"] and jobs[0].params_file == params.resolve()
    assert (listed.unit_id, listed.params_file) == ("twin_2023-2", str(docx))
    # run alone later: the params' unit published before keeps its id, and its report
    (alone,) = unclaimed(drafted.listed, set(), {"twin_2023": str(params.resolve())})
    assert alone.unit_id == "twin_2023-2"
    # the report's own earlier draft published under the id: failing now, it withdraws only its own
    (own,) = unclaimed(drafted.listed, set(), {"twin_2023": str(docx)})
    assert own.unit_id == "twin_2023"


def test_a_draft_never_replaces_a_confirmed_unit_published_before_under_its_id(tmp_path):
    received, earlier, outputs = tmp_path / "received", tmp_path / "earlier", tmp_path / "out"
    for folder in (received, earlier, outputs):
        folder.mkdir()
    report = Path(shutil.copy(PLANTED / "archives_2023.txt", received / "qinghe.txt"))  # its draft's id: qinghe
    with ResultsStore(outputs) as store:
        drafted = draft_reports([report], outputs, store, width=1, timeout=120)
    (draft,) = drafted.files
    other = _unit(earlier, "other.yaml", "qinghe")  # another unit (云溪 2023), confirmed, published earlier
    jobs, copies = _plan([draft], outputs, drafted=drafted.drafted, held={"qinghe": str(other.resolve())})
    assert jobs == {"qinghe-2": "qinghe.yaml"} and copies == {}  # the report's unit runs under an id of its own
    same = earlier / "qinghe.yaml"  # this report's unit, confirmed and published earlier from another file
    same.write_text(re.sub(r"(?m)^drafted_from: .*\n", "", draft.read_text(encoding="utf-8")), encoding="utf-8")
    jobs, copies = _plan([draft], outputs, drafted=drafted.drafted, held={"qinghe": str(same.resolve())})
    assert jobs == {}
    (listed,) = copies.values()
    assert listed.unit_id == "qinghe-2" and listed.params_file == str(draft) and listed.status == NOT_RUN
    assert "已有此前发布的同一单位、同一年度核对过的参数文件" in listed.reason and "qinghe.yaml" in listed.reason
    # the report's own draft, published before, is drafted again and runs as before
    assert _plan([draft], outputs, drafted=drafted.drafted, held={"qinghe": str(draft)})[0] == {"qinghe": "qinghe.yaml"}


def test_confirmed_params_naming_their_report_supersede_its_draft_under_another_id(tmp_path):
    """README's own workflow: `draft REPORT --unit-id ID`, confirm, keep it among the units — with the report still
    in the batch's folder, the confirmed unit and the batch's draft of the report both ran: one unit listed twice."""
    received, outputs = tmp_path / "received", tmp_path / "out"
    received.mkdir()
    outputs.mkdir()
    report = Path(shutil.copy(PLANTED / "archives_2023.txt", received / "qinghe.txt"))
    with ResultsStore(outputs) as store:
        drafted = draft_reports([report], outputs, store, width=1, timeout=120)
    (draft,) = drafted.files
    text = re.sub(r"(?m)^drafted_from: .*\n", "", draft.read_text(encoding="utf-8"))
    confirmed = received / "qinghe_archives_2023.yaml"  # confirmed under an id of the analyst's choosing
    confirmed.write_text(text.replace("id: qinghe\n", "id: qinghe_archives_2023\n", 1), encoding="utf-8")
    jobs, copies = _plan([confirmed, draft], outputs, drafted=drafted.drafted)
    assert jobs == {"qinghe_archives_2023": "qinghe_archives_2023.yaml"}
    (listed,) = copies.values()
    assert listed.params_file == str(draft) and "已有核对过的参数文件" in listed.reason and "unit.document" in listed.reason
    assert listed.status == NOT_RUN
    other_year = received / "qinghe_2024.yaml"  # the same file name's report of another year is another unit
    other_year.write_text(text.replace("id: qinghe\n", "id: qinghe_2024\n", 1).replace("year: 2023", "year: 2024", 1),
                          encoding="utf-8")
    assert set(_plan([other_year, draft], outputs, drafted=drafted.drafted)[0]) == {"qinghe", "qinghe_2024"}


def test_a_report_named_only_by_its_extension_is_named_and_left_out(tmp_path):
    from perfeval.outputs.batch.jobs import resolve_reports

    folder = tmp_path / "received"
    folder.mkdir()
    shutil.copy(PLANTED / "archives_2023.txt", folder / ".txt")  # a hidden file to ls and the file manager
    reports, warnings = resolve_reports([str(folder)])
    assert reports == []
    assert len(warnings) == 1 and "/.txt: a name that is only an extension" in warnings[0]


def test_copies_of_one_report_are_drafted_once_and_each_listed_naming_the_file_that_ran(tmp_path):
    received, outputs = tmp_path / "received", tmp_path / "out"
    received.mkdir()
    outputs.mkdir()
    names = ["liutang - 副本.txt", "liutang(1).txt", "liutang.txt"]  # as Windows names copies; the original sorts last
    copies = [Path(shutil.copy(PLANTED / "services_2024.txt", received / name)) for name in names]
    near = received / "liutang_v2.txt"  # another version of the same unit's report: one figure changed
    near.write_text((PLANTED / "services_2024.txt").read_text(encoding="utf-8").replace("688.45", "689.45"),
                    encoding="utf-8")
    with ResultsStore(outputs) as store:
        drafted = draft_reports([*copies, near], outputs, store, width=2, timeout=120)
    assert sorted(Path(r).name for r in drafted.drafted.values()) == ["liutang.txt", "liutang_v2.txt"]
    listed = {Path(run.params_file).name: run for run in drafted.listed}
    assert set(listed) == {"liutang - 副本.txt", "liutang(1).txt"}
    for run in listed.values():
        assert run.status == NOT_RUN and run.drafted_from == run.params_file
        assert "与 liutang.txt 内容完全相同" in run.reason and "只按 liutang.txt 生成草稿并运行" in run.reason
    jobs, _ = _plan(drafted.files, outputs, drafted=drafted.drafted)
    assert set(jobs) == {"liutang", "liutang_v2"}
    (warning,) = same_unit_twice(drafted.drafted, identity)  # the near copy runs, and is warned of
    assert warning.startswith("同一单位同一年度有两份报告：白沙区机关事务中心 2024 年度")
    assert "liutang.txt、liutang_v2.txt" in warning
    assert same_unit_twice({k: v for k, v in drafted.drafted.items() if "v2" not in v}, identity) == []


def test_reports_of_one_name_in_other_folders_or_one_format_are_other_units(tmp_path):
    """Trial 4's U17: received reports kept a folder per unit, each named 部门整体支出绩效自评报告.txt, ran 1 unit of 3,
    the others listed as "the same report in another format"; so did qing-xi.txt beside Qing-Xi.txt (two units) and
    qing.xi.txt beside "qing xi.txt" (one id made of both names). Each is a report of its own, under an id of its own;
    one report as .txt and .docx in one folder is still one."""
    outputs = tmp_path / "out"
    outputs.mkdir()
    sources = [PLANTED / "archives_2023.txt", PLANTED / "services_2024.txt"]
    reports = []

    def received(path: Path, k: int) -> None:  # a report of its own: no byte-identical copy of another
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sources[k % 2].read_text(encoding="utf-8") + f"附注：第{k}份。\n", encoding="utf-8")
        reports.append(path)

    for k, unit in enumerate(("甲县", "乙县")):
        received(tmp_path / "收到的报告" / unit / "部门整体支出绩效自评报告.txt", k)
    alike = tmp_path / "alike"
    for k, file_name in enumerate(["qing-xi.txt", "Qing-Xi.txt", "qing.xi.txt", "qing xi.txt"], start=2):
        received(alike / file_name, k)
    with ResultsStore(outputs) as store:
        drafted = draft_reports(reports, outputs, store, width=2, timeout=120)
    assert drafted.listed == []
    assert sorted(drafted.drafted.values()) == sorted(map(str, reports))  # each drafted from its own report
    assert len({Path(d).name for d in drafted.drafted}) == 6
    assert {Path(d).stem for d, r in drafted.drafted.items() if Path(r).parent == alike} == {
        "qing-xi", "qing-xi-2", "unit-qing-xi", "unit-qing-xi-2"}


def test_a_folder_of_unit_folders_given_as_one_names_them(tmp_path, capsys):
    """`run 收到的报告` over a folder a unit said "no units in this folder" and named none of the subfolders holding
    the reports (trial 4's U17)."""
    from perfeval.cli import main

    for unit in ("甲县", "乙县"):
        (tmp_path / "收到的报告" / unit).mkdir(parents=True)
        shutil.copy(PLANTED / "archives_2023.txt", tmp_path / "收到的报告" / unit / "自评报告.txt")
    assert main(["run", str(tmp_path / "收到的报告"), "-o", str(tmp_path / "out"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "收到的报告: no units in this folder" in err and "its subfolders 乙县、甲县 hold units" in err
    assert "收到的报告/*/" in err and not (tmp_path / "out").exists()


def test_a_report_saved_as_a_web_page_in_a_batch_folder_is_named_not_skipped_unsaid(tmp_path):
    """A unit's report saved as a web page (which `perfeval draft` reads) beside other reports was skipped without a
    word: "1 report(s) written" for two units (trial 4's U43). It is named, saying how to draft it; the pages perfeval
    makes (a review page, a unit's 复核报告) are not."""
    from perfeval.outputs.batch.jobs import resolve_reports

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLANTED / "archives_2023.txt", folder / "other.txt")
    (folder / "qingxi.html").write_text("<html><head><title>青溪县自然资源局2024年度部门整体支出绩效自评报告</title>"
                                        "</head><body><p>2024年部门整体支出2864.30万元。</p></body></html>",
                                        encoding="utf-8")
    (folder / "qingxi.review.html").write_text("<title>核对草稿 · 青溪县自然资源局 2024 年度绩效</title>", encoding="utf-8")
    (folder / "made.html").write_text("<title>青溪县自然资源局 2024年度部门整体支出绩效评价复核报告</title>", encoding="utf-8")
    reports, warnings = resolve_reports([str(folder)])
    assert [p.name for p in reports] == ["other.txt"]
    assert len(warnings) == 1 and "in/qingxi.html: a report saved as a web page is not drafted by the batch" in warnings[0]
    assert "perfeval draft qingxi.html" in warnings[0]


@pytest.mark.parametrize("name", ["qingxi.shtml", "qingxi.xhtml", "qingxi.mhtml", "qingxi.MHT"])
def test_a_report_saved_as_a_page_under_any_pages_name_is_named(tmp_path, name):
    """U43: a page saved as .shtml, .xhtml or as one file (.mhtml, its title encoded quoted-printable) was skipped
    without a word."""
    from perfeval.outputs.batch.jobs import resolve_reports

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLANTED / "archives_2023.txt", folder / "other.txt")
    title = "青溪县自然资源局2024年度部门整体支出绩效自评报告"
    page = f"<html><head><title>{title}</title></head><body><p>{title}</p></body></html>"
    archive = name.lower().endswith((".mhtml", ".mht"))
    (folder / name).write_bytes(page.encode("utf-8") if not archive else
                                b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n"
                                b"Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                                + quopri.encodestring(page.encode("utf-8")) + b"\r\n--b--\r\n")
    reports, warnings = resolve_reports([str(folder)])
    assert [p.name for p in reports] == ["other.txt"]
    assert len(warnings) == 1 and f"in/{name}: a report saved as a web page is not drafted by the batch" in warnings[0]


def test_a_report_run_alone_keeps_the_id_it_had_beside_others_of_its_name(tmp_path):
    """Trial 4's U53 (data loss): after 甲, 乙 and 丙 (each 部门整体支出绩效自评报告.txt in a folder of its own) ran
    together, 甲 run alone into the same outputs took the first id, 丙's, and replaced 丙's draft, report and result.
    An id a unit drafted from another report still holds is never given to another report."""
    outputs = tmp_path / "out"
    outputs.mkdir()
    reports = []
    for k, unit in enumerate(("丙县", "乙县", "甲县")):
        path = tmp_path / "收到的报告" / unit / "部门整体支出绩效自评报告.txt"
        path.parent.mkdir(parents=True)
        source = PLANTED / ("archives_2023.txt", "services_2024.txt")[k % 2]
        path.write_text(source.read_text(encoding="utf-8") + f"附注：第{k}份。\n", encoding="utf-8")
        reports.append(path.resolve())
    with ResultsStore(outputs) as store:
        together = draft_reports(reports, outputs, store, width=2, timeout=120)
        first = {report: Path(draft).stem for draft, report in together.drafted.items()}
        held = {Path(draft).stem: report for draft, report in together.drafted.items()}
        assert len(set(first.values())) == 3
        for report in reports:  # each run alone, in any order: its own id, never another's
            alone = draft_reports([report], outputs, store, width=1, timeout=120, held=held)
            assert [Path(d).stem for d in alone.drafted] == [first[str(report)]]


@pytest.mark.parametrize("n, said", [(2, "有两份报告"), (3, "有三份报告"), (12, "有 12 份报告")])
def test_a_unit_drafted_from_several_reports_is_warned_of_with_their_number(n, said):
    """Trial 4's U26: three reports of one unit and year were warned of as 有两份报告."""
    from perfeval.outputs.batch.jobs import Identity

    drafted = {f"d{i}.yaml": f"r{i:02d}.txt" for i in range(n)}
    (warning,) = same_unit_twice(drafted, lambda _: Identity("u", True, 2024, name="青溪县档案馆"))
    assert said in warning and f"出现 {n} 次" in warning and warning.count(".txt") == n, warning


def test_a_unit_published_under_an_id_keeps_it_when_another_file_claims_it_later(tmp_path):
    """Trial 5's V13: jinqiao.yaml ran as jinqiao; JinQiao.yml, added later with the same unit.id (another unit's
    name) and sorting first, took the id and replaced the published report, the unit that held it refused as a copy."""
    held = _unit(tmp_path, "jinqiao.yaml", "jinqiao")
    newcomer = _unit(tmp_path, "JinQiao.yml", "jinqiao")
    newcomer.write_text(newcomer.read_text(encoding="utf-8").replace("name: ", "name: 冒名", 1), encoding="utf-8")
    before = {"jinqiao": str(held.resolve())}
    for order in ([newcomer, held], [held, newcomer]):
        jobs, copies = _plan(order, tmp_path / "out", held=before)
        assert jobs == {"jinqiao": "jinqiao.yaml"}
        (copy,) = copies.values()
        assert copy.params_file.endswith("JinQiao.yml") and copy.status == FAILED and "jinqiao.yaml" in copy.reason
    jobs, _ = _plan([newcomer, held], tmp_path / "out")  # a first run: the name order decides, as before
    assert jobs == {"jinqiao": "JinQiao.yml"}
    jobs, copies = _plan([newcomer], tmp_path / "out", held=before)  # run alone, later: another unit, an id of its own
    assert jobs == {"jinqiao-2": "JinQiao.yml"} and copies == {}
    held.unlink()  # the unit that held the id is gone: the id is free
    assert _plan([newcomer], tmp_path / "out", held=before)[0] == {"jinqiao": "JinQiao.yml"}


def test_one_unit_entered_in_two_params_files_is_warned_of_as_reports_are():
    """Trial 5's V22: jq_a.yaml and jq_b.yaml (one name and year, two ids) and the name with a trailing U+3000 ran
    without a word, the portfolio showing identical rows; reports of one unit were already warned of."""
    from perfeval.outputs.batch.jobs import Identity

    names = {"jq_a.yaml": "蓬溪县金桥镇人民政府", "jq_b.yaml": "蓬溪县金桥镇人民政府", "jq_d.yaml": "蓬溪县金桥镇人民政府\u3000",
             "other.yaml": "蓬溪县金桥镇卫生院"}

    def identify(path: Path) -> Identity:
        return Identity(path.stem, True, 2024, name=names[path.name])

    (warning,) = same_unit_twice({n: n for n in names}, identify)
    assert warning.startswith("同一单位同一年度有三个参数文件：蓬溪县金桥镇人民政府 2024 年度（jq_a.yaml、jq_b.yaml、jq_d.yaml）")
    assert "出现 3 次" in warning and "卫生院" not in warning
    (mixed,) = same_unit_twice({"jq_a.yaml": "jq_a.yaml", "d/jq.yaml": "收到/jinqiao.txt"},
                               lambda p: Identity(p.stem, True, 2024, name="蓬溪县金桥镇人民政府"))
    assert mixed.startswith("同一单位同一年度有两个文件：") and "jinqiao.txt、jq_a.yaml" in mixed


def test_confirmed_params_of_the_unit_and_year_a_draft_reads_win_whatever_their_id_and_document(tmp_path):
    """Issue 24 item 8: confirmed params whose unit.document is the report's title (not its file name), under an id of
    the analyst's own, ran beside the batch's draft of that report: one unit twice. The unit and year decide; a draft
    of another year of the unit, or of another unit, still runs."""
    from perfeval.outputs.batch.jobs import Identity

    files = {"lz_conf.yaml": Identity("lz_conf", True, 2024, name="柳庄乡农业综合服务中心",
                                      document="《柳庄乡农业综合服务中心2024年度部门整体支出绩效自评报告》"),
             "liuzhuang.yaml": Identity("liuzhuang", True, 2024, drafted=True, name="柳庄乡农业综合服务中心\u3000"),
             "liuzhuang_2023.yaml": Identity("liuzhuang_2023", True, 2023, drafted=True, name="柳庄乡农业综合服务中心"),
             "dongpo.yaml": Identity("dongpo", True, 2024, drafted=True, name="东坡乡农业综合服务中心")}
    paths = [tmp_path / name for name in files]
    drafted = {str(tmp_path / n): str(tmp_path / "收到" / n.replace(".yaml", ".docx")) for n in files if n != "lz_conf.yaml"}
    jobs, copies = _plan(paths, tmp_path / "out", drafted=drafted, identify=lambda p: files[p.name])
    assert jobs == {"lz_conf": "lz_conf.yaml", "liuzhuang_2023": "liuzhuang_2023.yaml", "dongpo": "dongpo.yaml"}
    (listed,) = copies.values()
    assert listed.status == NOT_RUN and listed.params_file == str(tmp_path / "liuzhuang.yaml")
    assert "lz_conf.yaml" in listed.reason and "同一单位 柳庄乡农业综合服务中心" in listed.reason and "2024" in listed.reason


def test_a_draft_of_one_name_and_year_in_another_region_is_a_unit_of_its_own(tmp_path):
    """Confirmed params win over a draft of their unit (same name and year), but not over one of another place with
    the same name: regions neither of which holds the other are two units; a fuller region, or none read, is one."""
    from perfeval.outputs.batch.jobs import Identity

    def files(draft_region: str) -> dict[str, Identity]:
        return {"wz_conf.yaml": Identity("wz_conf", True, 2024, name="文化站", region="湖南省石门县青山镇"),
                "wenhua.yaml": Identity("wenhua", True, 2024, drafted=True, name="文化站", region=draft_region)}

    for region, runs in (("白沙镇", {"wz_conf", "wenhua"}), ("石门县青山镇", {"wz_conf"}), ("（报告未载明）", {"wz_conf"})):
        known = files(region)
        drafted = {str(tmp_path / "wenhua.yaml"): str(tmp_path / "wenhua.docx")}
        jobs, _ = _plan([tmp_path / n for n in known], tmp_path / "out", drafted=drafted,
                        identify=lambda p, known=known: known[p.name])
        assert set(jobs) == runs, region


def test_two_units_of_one_name_and_year_in_two_places_are_not_warned_of_as_one():
    from perfeval.outputs.batch.jobs import Identity

    regions = {"qs.yaml": "石门县青山镇", "bs.yaml": "石门县白沙镇", "qs_again.yaml": "湖南省石门县青山镇"}
    (warning,) = same_unit_twice({n: n for n in regions},
                                 lambda p: Identity(p.stem, True, 2024, name="文化站", region=regions[p.name]))
    assert "qs.yaml、qs_again.yaml" in warning and "bs.yaml" not in warning and "出现 2 次" in warning


def test_two_files_of_one_format_beside_another_format_of_their_name_are_each_read(tmp_path):
    """W42: report.docx, report.txt and REPORT.TXT (another unit): one .txt was taken for the .docx's other format and
    never read. Which one is cannot be told unread, so each is drafted."""
    received, outputs = tmp_path / "received", tmp_path / "out"
    received.mkdir()
    outputs.mkdir()
    write_docx(read_document(PLANTED / "services_2024.txt"), received / "report.docx")
    shutil.copy(PLANTED / "services_2024.txt", received / "report.txt")
    other = Path(shutil.copy(PLANTED / "archives_2023.txt", received / "REPORT.TXT"))
    reports = sorted(received.iterdir())
    with ResultsStore(outputs) as store:
        drafted = draft_reports(reports, outputs, store, width=2, timeout=120)
    assert sorted(Path(r).name for r in drafted.drafted.values()) == ["REPORT.TXT", "report.docx", "report.txt"]
    assert drafted.listed == [] and str(other) in drafted.drafted.values()
