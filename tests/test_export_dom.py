"""The report export skips nbconvert's BeautifulSoup pass but writes the same document: every element, attribute
and text of nbconvert's own HTMLExporter (with its alt text and tabindex), for outputs of every kind a report has."""
from __future__ import annotations

import base64

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter

from perfeval.outputs import htmlexport
from perfeval.outputs.htmlexport import ReaderView, finish_page, exporter, to_html
from perfeval.outputs.navigation import RESOURCE, Navigation, PageOptions
from perfeval.result import RESULT_MIME
from perfeval.safetext import inert

PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")).decode()


def notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    table = ('<table id="T_x"><caption>表1 指标得分</caption><tr><th>指标</th><td>&lt;script&gt;</td></tr></table>'
             '<figure class="pe-figure"><img src="data:image/png;base64,' + PNG + '" alt="图1"></figure>')
    nb.cells = [
        nbformat.v4.new_markdown_cell("## 一、结论\n\n重算总分 **96.97** 分。"),
        nbformat.v4.new_code_cell("report.scores(rep)", outputs=[
            nbformat.v4.new_output("display_data", data={"text/html": table, "text/plain": "x"})]),
        nbformat.v4.new_code_cell("fig", outputs=[
            nbformat.v4.new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure>"})]),
        nbformat.v4.new_code_cell("print('x')", outputs=[
            nbformat.v4.new_output("stream", name="stdout", text="长沙县 \u202e 覆盖\n"),
            nbformat.v4.new_output("stream", name="stderr", text="a warning\n")]),
        nbformat.v4.new_code_cell("result", outputs=[
            nbformat.v4.new_output("display_data", data={RESULT_MIME: {"a": 1}, "text/plain": "单位结果"})]),
    ]
    return nb


def nbconverts_own(nb: nbformat.NotebookNode, title: str) -> str:
    ours = exporter()
    theirs = HTMLExporter(config=ours.config, template_name=htmlexport.TEMPLATE,
                          extra_template_basedirs=ours.extra_template_basedirs, exclude_input=True,
                          exclude_input_prompt=True, exclude_output_prompt=True, language_code="zh",
                          embed_images=True, exclude_anchor_links=True)
    theirs.register_preprocessor(ReaderView(), enabled=True)
    theirs.register_preprocessor(Navigation(), enabled=True)
    theirs.register_filter("without_comments", htmlexport.without_css_comments)  # the template's own filter
    copy = nbformat.from_dict(nb)
    copy.metadata["title"] = title
    options = PageOptions("../../index.html", True)
    return inert(theirs.from_notebook_node(copy, resources={RESOURCE: options})[0])


def test_the_page_is_nbconverts_own_document():
    nb = notebook()
    page = to_html(nb, "长沙县")
    assert str(BeautifulSoup(page, "html.parser")) == str(BeautifulSoup(nbconverts_own(nb, "长沙县"), "html.parser"))
    soup = BeautifulSoup(page, "html.parser")
    assert all(img.get("alt") for img in soup.find_all("img"))
    assert soup.select("div.jp-OutputArea-output") and all(
        d.get("tabindex") == "0" for d in soup.select("div.jp-OutputArea-output"))
    assert "&lt;script&gt;" in page and "\u202e" not in page and "a warning" not in page


def test_finish_page_touches_only_the_templates_markup():
    assert finish_page('<img src="a.png">') == '<img alt="No description has been provided for this image" src="a.png">'
    assert finish_page('<img alt="图1" src="a.png">') == '<img alt="图1" src="a.png">'
    assert finish_page('<div class="jp-OutputArea-output jp-RenderedHTML">') == \
        '<div tabindex="0" class="jp-OutputArea-output jp-RenderedHTML">'
    assert finish_page('<div class="pe-note">') == '<div class="pe-note">'
    assert finish_page("&lt;img src=x&gt;") == "&lt;img src=x&gt;"  # escaped unit text is not markup
    assert finish_page("&#19971;&#x4e2d;&#60;&#38;&#8238;") == "七中&#60;&#38;\u202e"  # inert() then shows U+202E as �


def test_the_stylesheets_comments_stay_in_its_file():
    """report.css says why beside each rule; the ~1.5 KB of it went into every report."""
    page = to_html(notebook(), "长沙县")
    assert "/*" not in page and ".pe-figure" in page
    assert htmlexport.without_css_comments("a { b: c; }  /* why\n more */\nd { e: f; }") == "a { b: c; }  d { e: f; }"


def test_chinese_is_written_as_characters():
    page = to_html(notebook(), "长沙县")
    assert "一、结论" in page and "&#19968;" not in page
