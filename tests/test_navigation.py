"""Navigation added at export time: contents from the section headings, figures and tables numbered without
gaps, a link back to the index, the run's date and a reviewer's block; the same notebook exports the same page.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import nbformat
import pytest

from perfeval.outputs import navigation as nav
from perfeval.outputs.batch.jobs import build_jobs
from perfeval.outputs.batch.publish import publish
from perfeval.outputs.batch.runner import DEFAULT_NOTEBOOK
from perfeval.outputs.batch.worker import UnitTask, run_unit
from perfeval.outputs.htmlexport import to_html

from conftest import CHANGSHA

# the report notebook's own section headings, whichever sections it has
SECTIONS = [line[3:].strip() for c in nbformat.read(DEFAULT_NOTEBOOK, as_version=4).cells if c.cell_type == "markdown"
            for line in c.source.splitlines() if line.startswith("## ")]


def test_figures_are_numbered_in_page_order_whatever_number_the_block_gave():
    c = nav._Counters()
    fragment = ('<figure class="pe-figure"><img src="data:image/png;base64,AA" alt="图1 甲"><figcaption>图1 甲'
                '</figcaption></figure><p>图2 未画出</p><figure><img alt="图3 乙" src="x"><figcaption>图3 乙</figcaption>'
                "</figure>")
    out = nav.number_figures(fragment, c)
    assert re.findall(r"<figcaption>(.*?)</figcaption>", out) == ["图1 甲", "图2 乙"]
    assert re.findall(r'alt="(.*?)"', out) == ["图1 甲", "图2 乙"]
    assert "<p>图2 未画出</p>" in out  # only captions are numbered, not text that mentions a figure
    assert nav.number_figures('<figure><img alt="丙"><figcaption>丙</figcaption></figure>', c).count("图3 丙") == 2


def test_each_table_gets_a_number_and_the_caption_that_announces_it():
    c = nav._Counters(section_title="指标得分")
    fragment = ("<h3>收支与“三公”经费（万元）</h3><style>#T_a td {}</style><table id=\"T_a\"><tr><td>1</td></tr></table>"
                "<details><summary>出处</summary><style></style><table id=\"T_b\"></table></details>"
                "<table id=\"T_c\"></table><table id=\"T_d\"></table>"
                '<table id="T_e">\n<caption>表9 各单位重算与自评（分）</caption></table>'
                "<h3>说明</h3><p>不是表格的标题</p><table id=\"T_f\"></table>")
    out = nav.number_tables(fragment, c)
    captions = re.findall(r"<caption[^>]*>(.*?)</caption>", out)
    assert captions == ["表1 收支与“三公”经费（万元）", "表2 出处", "表3 指标得分", "表4 指标得分（续）",
                        "表5 各单位重算与自评（分）", "表6 指标得分（续）"]
    assert "<h3>收支与“三公”经费（万元）</h3>" not in out  # moved into the caption, which prints with its table
    assert "<h3>说明</h3><p>不是表格的标题</p>" in out  # a heading not directly above a table stays
    assert out.index("<style>#T_a td {}</style>") < out.index('<table id="T_a">')


def test_a_collapsed_section_has_a_copy_for_print():
    out = nav.print_copies("<details class=\"pe-sources\"><summary>出处</summary><table><caption>表5 出处</caption>"
                           "</table></details><p>后文</p>")
    assert out.startswith("<details") and out.endswith("<p>后文</p>")
    copy = re.search(r'<div class="pe-print-only" aria-hidden="true">(.*)</div>', out).group(1)
    assert copy == '<table><caption>表5 出处</caption></table>'  # its caption says the summary: printed once
    other = nav.print_copies("<details><summary>附注</summary><p>正文</p></details>")
    assert '<p class="pe-print-summary">附注</p><p>正文</p>' in other  # nothing else says it: the summary prints


def test_sections_come_from_markdown_and_html_level_two_headings():
    c = nav._Counters()
    md = nav.anchor_markdown("## 一、单位概况\n\n说明文字\n\n### 小节\n## 二、基础数据 ##", c)
    html = nav.anchor_html('<h2>三、<em>指标</em>得分</h2><h2 id="kept">四、审计发现</h2>', c)
    assert c.sections == [("sec-1", "一、单位概况"), ("sec-2", "二、基础数据"), ("sec-3", "三、指标得分"),
                          ("kept", "四、审计发现")]
    assert md.startswith('<div id="sec-1" class="pe-anchor"></div>\n\n## 一、单位概况')
    assert '<h2 id="sec-3">三、<em>指标</em>得分</h2>' in html and html.count('id="kept"') == 1
    assert c.section_title == "审计发现"  # a table with no caption of its own will be titled after it


def test_contents_and_header_escape_what_they_quote():
    toc = nav.toc_html([("sec-1", "<script>alert(1)</script>")])
    assert "<script>" not in toc and "&lt;script&gt;" in toc
    head = nav.header_html(nav.PageOptions('"><b>x', True), None)
    assert 'href="&quot;&gt;&lt;b&gt;x"' in head and "报告日期" not in head


@pytest.mark.parametrize("start,day", [
    ("2026-12-02T12:06:49.668009+00:00", "2026-12-02"),
    ("2026-12-02T16:30:00+00:00", "2026-12-03"),  # after 16:00 UTC it is already the next day in China
    ("2026-12-02T01:00:00Z", "2026-12-02"), ("not a date", None), (None, None),
])
def test_the_report_date_is_the_runs_day_in_china(start, day):
    nb = nbformat.v4.new_notebook(metadata={"papermill": {"start_time": start}} if start else {})
    got = nav.run_date(nb)
    assert (got.isoformat() if got else None) == day


class Page(HTMLParser):
    """Ids, links, captions and scripts of an exported page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.scripts = 0
        self._in: list[str] = []
        self.captions: dict[str, list[str]] = {"caption": [], "figcaption": []}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.ids += [a["id"]] if a.get("id") else []
        self.hrefs += [a["href"]] if a.get("href") else []
        self.scripts += tag == "script"
        if tag in self.captions:
            self._in.append(tag)
            self.captions[tag].append("")

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in:
            self.captions[self._in[-1]][-1] += data


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> nbformat.NotebookNode:
    """Changsha's report notebook, executed by the batch's own worker."""
    out = tmp_path_factory.mktemp("nav") / "outputs"
    (job,), _ = build_jobs([CHANGSHA.resolve()], DEFAULT_NOTEBOOK, out, {}, 300)
    result = publish(out, run_unit(UnitTask.of(job)))
    assert result.status == "ok", result.reason
    return nbformat.read(out / result.notebook, as_version=4)


@pytest.fixture(scope="module")
def page(executed) -> tuple[str, Page]:
    text = to_html(executed, "长沙县机关事务中心 2022年度部门整体支出绩效评价复核报告")
    parsed = Page()
    parsed.feed(text)
    return text, parsed


def test_the_report_has_contents_linking_to_every_section(page):
    text, parsed = page
    toc = re.search(r'<nav (?=[^>]*aria-label="目录")[^>]*class="pe-toc"[^>]*>(.*?)</nav>', text).group(1)
    entries = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc)
    assert [t for _, t in entries] == SECTIONS  # every section heading of the notebook, in order
    assert all(anchor in parsed.ids for anchor, _ in entries)
    assert text.index('class="pe-toc"') > text.index("<h1>")  # after the title and headline figures


def test_figures_and_tables_are_numbered_without_gaps(page):
    _, parsed = page
    figures = [re.match(r"图(\d+) ", c).group(1) for c in parsed.captions["figcaption"]]
    assert figures == [str(i) for i in range(1, len(figures) + 1)] and len(figures) == 3  # Changsha: no 图2 of claims
    numbers = [int(re.match(r"表(\d+) ", c).group(1)) for c in parsed.captions["caption"]]
    shown = sorted(set(numbers))  # a collapsed table appears twice: on screen and in its print copy
    assert shown == list(range(1, len(shown) + 1)) and len(shown) >= 7
    assert "表4 收支与“三公”经费（万元）" in parsed.captions["caption"]  # after 指标得分, 按一级指标汇总, 单位概况


def test_back_link_date_and_sign_off(page, executed):
    text, parsed = page
    assert "../../index.html" in parsed.hrefs
    day = nav.run_date(executed)
    assert day is not None and f"报告日期：{day.year}年{day.month}月{day.day}日" in text
    assert re.search(r"复核人.*复核日期.*签字", text.split('class="pe-signoff"')[-1], re.S)
    assert text.rindex('class="pe-signoff"') > text.rindex(SECTIONS[-1])


def test_exporting_twice_gives_the_same_page_with_no_script_and_only_the_pages_own_style(page, executed):
    text, parsed = page
    again = to_html(nbformat.from_dict(executed), "长沙县机关事务中心 2022年度部门整体支出绩效评价复核报告")
    assert again == text
    assert parsed.scripts == 0
    assert "--jp-" not in text and "jp-icon" not in text  # JupyterLab's theme is not carried


def test_a_page_without_options_is_exported_as_before(executed):
    from perfeval.outputs.htmlexport import exporter

    body, _ = exporter().from_notebook_node(nbformat.from_dict(executed))
    assert "pe-toc" not in body.split("</style>")[-1] and "表1 " not in body


def test_the_appendix_gets_the_run_date_of_the_header():
    from datetime import date

    from perfeval.outputs.navigation import fill_run_date
    from perfeval.outputs.report import run_date

    block = run_date()._repr_html_()
    assert fill_run_date(block, date(2024, 5, 31)) == '<p class="pe-note">运行日期：<span class="pe-run-date">2024年5月31日</span></p>'
    assert fill_run_date(block, None) == block  # not run by papermill: said so, not invented


@pytest.mark.parametrize("banner, signed", [('<p class="pe-draft">草稿·未经核对</p>', False), ("<p>评价结论</p>", True)])
def test_a_drafted_units_report_ends_with_no_signature_block(banner, signed):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": f"<h1>某单位</h1>{banner}"})])])
    _, resources = nav.Navigation().preprocess(nb, {nav.RESOURCE: nav.PageOptions()})
    footer = resources[nav.RESOURCE]["footer"]
    assert ("签字</th>" in footer) == signed and ("草稿，不得签发" in footer) == (not signed)
