"""The batch over the sample units plus a broken one: offline HTML, index, CSV, containment, reruns."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from contextlib import redirect_stderr, redirect_stdout
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
import yaml

from perfeval.outputs.batch import FAILED, OK, load_status, run_batch
from perfeval.cli import main
from perfeval.paths import NOTEBOOKS_DIR

from conftest import CHANGSHA, LIUYANG, YUNXI

pytestmark = pytest.mark.slow  # runs whole batches (kernels, workers)

SAMPLES = {"changsha_county_2022": CHANGSHA, "yunxi_district_2023": YUNXI, "liuyang_2020": LIUYANG}
NOTEBOOK = NOTEBOOKS_DIR / "unit_report.ipynb"


class Tags(HTMLParser):
    """Every <script> and <link> tag with its attributes and, for scripts, its inline text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "link"):
            self.tags.append((tag, dict(attrs), ""))

    def handle_data(self, data):
        if self.tags and self.tags[-1][0] == "script" and self.lasttag == "script":
            tag, attrs, text = self.tags[-1]
            self.tags[-1] = (tag, attrs, text + data)


def write_broken(folder: Path) -> Path:
    data = yaml.safe_load(CHANGSHA.read_text(encoding="utf-8"))
    data["unit"]["id"] = "broken_unit"
    data["figures"]["staff"]["authorized"] = {"value": "五十一"}  # text where a number is required
    path = folder / "broken_unit.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One CLI run over copies of the three samples and a broken unit, two workers."""
    root = tmp_path_factory.mktemp("batch")
    units = root / "units"
    units.mkdir()
    for path in SAMPLES.values():
        shutil.copy(path, units / path.name)
    write_broken(units)
    out = root / "outputs"
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        rc = main(["run", str(units), "-o", str(out), "-j", "2", "-q"])
    return {"rc": rc, "out": out, "units": units, "stdout": stdout.getvalue(), "stderr": stderr.getvalue()}


def report_path(out: Path, uid: str) -> Path:
    return out / "units" / uid / f"{uid}.html"


def test_batch_finishes_every_unit_and_exits_non_zero(batch):
    assert batch["rc"] == 1
    assert "3 report(s) written, 1 failed" in batch["stdout"]
    assert "failed  broken_unit: ParamsError" in batch["stderr"]
    status = load_status(batch["out"])
    assert {uid: r.status for uid, r in status.items()} == {**dict.fromkeys(SAMPLES, OK), "broken_unit": FAILED}


def test_each_report_holds_chinese_and_no_code(batch):
    code = [c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code"]
    for uid in SAMPLES:
        html = report_path(batch["out"], uid).read_text(encoding="utf-8")
        assert '<html lang="zh">' in html
        assert "部门整体支出绩效评价复核报告" in html and "存在的问题" in html and "结论" in html
        for source in code:
            for line in source.splitlines():
                if line.strip() and not line.startswith("#"):
                    assert line.strip() not in html
        body = html.split("<main>", 1)[1]
        assert "jp-CodeMirrorEditor" not in body and "jp-InputPrompt" not in body  # no code cell shows its input
        assert "Traceback" not in body and "jp-OutputArea-stderr" not in body


def test_no_network_reference_in_any_script_or_link(batch):
    pages = [report_path(batch["out"], uid) for uid in SAMPLES] + [batch["out"] / "index.html"]
    for page in pages:
        parser = Tags()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs, text in parser.tags:
            for key in ("src", "href"):
                assert not re.match(r"\s*(https?:)?//", attrs.get(key) or ""), (page.name, tag, attrs)
            assert "http://" not in text and "https://" not in text, (page.name, text[:200])
        assert "cdnjs" not in page.read_text(encoding="utf-8")


def test_broken_unit_is_contained(batch):
    out = batch["out"]
    broken = load_status(out)["broken_unit"]
    assert broken.reason.startswith("ParamsError") and "figures.staff.authorized" in broken.reason
    assert not report_path(out, "broken_unit").exists()  # never published
    nb = nbformat.read(out / broken.notebook, as_version=4)  # kept, with the error, for the analyst
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors and errors[0].ename == "ParamsError"
    index = (out / "index.html").read_text(encoding="utf-8")
    row = next(r for r in index.split("<tr") if "broken_unit" in r)
    assert "失败" in row and "figures.staff.authorized" in row and "broken_unit.ipynb" in row


def test_index_and_csv_list_every_unit(batch):
    out = batch["out"]
    rows = list(csv.DictReader(io.StringIO((out / "summary_data.csv").read_text(encoding="utf-8-sig"))))
    assert sorted(r["unit_id"] for r in rows) == sorted([*SAMPLES, "broken_unit"])
    by_id = {r["unit_id"]: r for r in rows}
    yunxi = by_id["yunxi_district_2023"]
    assert (yunxi["total_on_100"], yunxi["grade"], yunxi["claimed_total"], yunxi["status"]) == ("96.96", "优", "96", OK)
    for uid, assessed, span in (("changsha_county_2022", "20", ("6", "90")), ("liuyang_2020", "8", ("4", "100"))):
        row = by_id[uid]  # too few points assessed for a grade: none is shown, nor a total on 100; the range is
        assert (row["grade"], row["assessed_points"], (row["total_min"], row["total_max"])) == ("", assessed, span)
        assert row["total_on_100"] == ""
        assert row["grade_withheld_reason"].startswith("可评分值不足")
    index = (out / "index.html").read_text(encoding="utf-8")
    for r in rows:
        row = next(x for x in index.split("<tr") if f"data-unit='{r['unit_id']}'" in x)
        flagged = r["status"] == OK and int(r["findings_error"]) > 0
        assert ("has-error" in row) == flagged  # a unit with an error-level finding is visibly marked
        if r["status"] == OK:
            assert f'href="{r["report"]}"' in row and (out / r["report"]).exists()


def test_each_unit_result_is_the_score_json(batch, capsys):
    """The result the kernel computed once is saved beside the report, and it is what `perfeval score --json` prints."""
    out = batch["out"]
    for uid, run in load_status(out).items():
        if run.status != OK:
            assert run.result is None and not (out / "units" / uid / f"{uid}.json").exists()
            continue
        assert run.result == f"units/{uid}/{uid}.json"
        assert main(["score", "--json", run.params_file]) == 0
        assert (out / run.result).read_text(encoding="utf-8") == capsys.readouterr().out


def test_rerun_gives_the_same_result(batch):
    out = batch["out"]
    before = {p: p.read_bytes() for p in [out / "index.html", out / "summary.csv"]
              + [report_path(out, uid) for uid in SAMPLES]}
    assert main(["run", str(batch["units"]), "-o", str(out), "-q"]) == 1
    assert {p: p.read_bytes() for p in before} == before
    leftovers = [p for p in out.rglob("*") if p.name.endswith(".tmp") or p.name == "_runs"]
    assert leftovers == []


def test_failed_only_reruns_just_the_failed_unit(batch):  # last: it repairs the broken unit
    out = batch["out"]
    stamps = {uid: report_path(out, uid).stat().st_mtime_ns for uid in SAMPLES}
    broken = batch["units"] / "broken_unit.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("value: 五十一", "value: 51"), encoding="utf-8")
    outcome = run_batch(failed_only=True, outputs=out, progress=False)
    assert [(r.unit_id, r.status) for r in outcome.results] == [("broken_unit", OK)]
    assert report_path(out, "broken_unit").exists()
    assert {uid: report_path(out, uid).stat().st_mtime_ns for uid in SAMPLES} == stamps
    assert all(r.status == OK for r in load_status(out).values())
    assert "失败" not in (out / "index.html").read_text(encoding="utf-8").split("<tbody>")[1]
    assert json.loads((out / "batch_status.json").read_text(encoding="utf-8"))["units"]["broken_unit"]["status"] == OK


def test_framework_pages_are_written_once_and_linked_from_the_index_and_each_report(batch):
    out = batch["out"]
    assert sorted(p.name for p in (out / "frameworks").glob("*.html")) == ["dept_overall_a.html", "self_assessment_b.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    for page in ("frameworks/dept_overall_a.html", "frameworks/self_assessment_b.html"):
        assert f"href='{page}'" in index and f'href="{page}"' in index  # the lead line, and each unit's row
    changsha = report_path(out, "changsha_county_2022").read_text(encoding="utf-8")
    assert 'href="../../frameworks/dept_overall_a.html"' in changsha
    page = (out / "frameworks" / "dept_overall_a.html").read_text(encoding="utf-8")
    assert 'href="../units/changsha_county_2022/changsha_county_2022.html"' in page
    assert "“预算执行率”分值 6 分，评分标准合计只有 4 分" in page and "“预算执行率”分值 6 分" not in (
        out / "units" / "changsha_county_2022" / "changsha_county_2022.json").read_text(encoding="utf-8").split(
        '"findings"')[1].split('"findings_by_severity"')[0]  # a framework note, not one of the unit's findings
