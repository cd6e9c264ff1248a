"""A unit whose params are an unconfirmed draft says so wherever its result is read: the params file `perfeval draft`
writes names its report (drafted_from:), and the score at a prompt, the report's title and 结论, the index and the
CSV mark the unit 据报告文本自动提取，未经核对 until an analyst deletes that line."""
from __future__ import annotations

import yaml

from perfeval import report
from perfeval.cli import main
from perfeval.outputs.batch.status import OK, UnitRun
from perfeval.outputs.index_page import index_html, rows
from perfeval.result import DRAFT_MARK, evaluate_file

from conftest import YUNXI
from test_draft_cli import NARRATIVE


def test_a_draft_names_its_report_and_the_score_says_it_is_a_draft(tmp_path, capsys):
    target = tmp_path / "qinghe.yaml"
    assert main(["draft", str(NARRATIVE), "-o", str(target)]) == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["drafted_from"] == NARRATIVE.name
    capsys.readouterr()
    assert main(["score", str(target)]) in (0, 1)
    out = capsys.readouterr().out
    assert f"草稿：{DRAFT_MARK}（{NARRATIVE.name}）" in out.splitlines()[2]  # before the verdict
    assert evaluate_file(target).unit.drafted_from == NARRATIVE.name


def test_the_report_opens_with_the_mark_and_a_confirmed_unit_carries_none(unit_copy):
    drafted = unit_copy(YUNXI, lambda d: d.update(drafted_from="郧西县2023年自评报告.docx"), "drafted.yaml")
    rep = report.load_report(drafted)
    title, conclusion = report.title(rep)._repr_html_(), report.conclusion(rep)._repr_html_()
    assert "草稿·未经核对" in title and 'href="../../drafts/yunxi_district_2023.review.html"' in title
    assert "@top-center" in title  # the running head of every printed page
    assert conclusion.index(DRAFT_MARK) < conclusion.index("pe-verdict")  # said before the verdict
    assert not any(name in title + conclusion for name in ("郧西县2023年自评报告.docx", "perfeval"))  # the appendix names them
    assert "perfeval draft 从《郧西县2023年自评报告.docx》" in report.basis(rep).to_html()
    confirmed = report.load_report(YUNXI)
    assert DRAFT_MARK not in report.title(confirmed)._repr_html_() + report.conclusion(confirmed)._repr_html_()


def test_the_index_keeps_a_draft_apart_even_when_run_as_a_params_file(unit_copy):
    drafted = unit_copy(YUNXI, lambda d: d.update(drafted_from="郧西县2023年自评报告.docx"), "drafted.yaml")
    entries = [(UnitRun("yunxi_district_2023", str(drafted), OK, report="units/y/y.html", result="units/y/y.json"),
                evaluate_file(drafted))]  # no drafted_from on the run: the file was drafted earlier, by hand
    page = index_html(entries)
    assert f"<h2>{DRAFT_MARK}（1 个单位）</h2>" in page and 'id="units-drafted"' in page
    assert rows(entries)[0]["drafted_from"] == "郧西县2023年自评报告.docx"
    assert 'href="drafts/yunxi_district_2023.review.html"' in page  # the batch wrote its review page (jobs)


def test_the_index_says_a_drafted_units_candidates_apart_from_its_findings(unit_copy):
    """The report's card says 另有待核实 N; the index said only 错误 · 警示 · 提示, so a unit with questions open
    looked checked and clean from the index."""
    drafted = unit_copy(YUNXI, lambda d: d.update(drafted_from="郧西县2023年自评报告.docx"), "drafted.yaml")
    asked = evaluate_file(drafted).model_copy(update={"candidates": 2})
    page = index_html([(UnitRun("yunxi_district_2023", str(drafted), OK, report="units/y/y.html"), asked)])
    assert "<span class='reason'>另有待核实 2</span>" in page
    assert "另有待核实" not in index_html([(UnitRun("y", str(YUNXI), OK, report="y.html"), evaluate_file(YUNXI))])


def test_the_triage_views_count_a_drafted_units_candidates_apart(unit_copy, tmp_path):
    """W49: the index said 另有待核实 N, but summary.csv and summary.xlsx, the views an analyst sorts and filters to
    triage units, counted 错误 · 警示 · 提示 alone: a unit with open questions looked checked and clean there."""
    import csv
    import io

    import openpyxl

    from perfeval.outputs.excel.summary import write_summary_workbook
    from perfeval.outputs.index_page import data_csv, summary_csv

    drafted = unit_copy(YUNXI, lambda d: d.update(drafted_from="郧西县2023年自评报告.docx"), "drafted.yaml")
    asked = evaluate_file(drafted)
    assert asked.candidates > 0
    confirmed = evaluate_file(YUNXI)
    entries = [(UnitRun("a_drafted", str(drafted), OK, report="a.html"), asked),
               (UnitRun("b_confirmed", str(YUNXI), OK, report="b.html"), confirmed)]
    said = list(csv.DictReader(io.StringIO(summary_csv(entries).lstrip("\ufeff"))))
    headings = list(said[0])
    assert headings.index("待核实（个）") == headings.index("提示（个）") + 1  # after the severity counts
    assert [r["待核实（个）"] for r in said] == [str(asked.candidates), "0"]
    assert [r["candidates"] for r in csv.DictReader(io.StringIO(data_csv(entries).lstrip("\ufeff")))] == \
        [str(asked.candidates), "0"]
    books = [write_summary_workbook([asked, confirmed], tmp_path / f"{n}.xlsx") for n in (1, 2)]
    sheet = openpyxl.load_workbook(books[0])["汇总"]
    header = [c.value for c in sheet[1]]
    assert header.index("待核实") == header.index("提示") + 1
    assert [row[header.index("待核实")] for row in sheet.iter_rows(min_row=2, values_only=True)] == [asked.candidates, 0]
    assert books[0].read_bytes() == books[1].read_bytes()  # the same results, the same bytes
