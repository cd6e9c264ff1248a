"""A web page read as a browser shows it on a screen, with the stylesheets it was saved with: linked ones saved
beside it, rules for screen or print (@media), the cascade (specificity, !important, the element's own style),
what text inherits, and text painted beneath a box's background. What cannot be decided is said (V27)."""
from __future__ import annotations

import os

import pytest

from perfeval.intake import html_styles
from perfeval.intake.documents import Skipped
from perfeval.intake.html_page import html_items

SHOWN = "本年度部门整体支出1846.20万元。"
DECOY = "本年度部门整体支出8888.00万元。"
HIDDEN_NOTE = "网页中不显示的文字（隐藏、折叠、字号过小、移出页面或与底色同色等）未读取：{} 处"


def _read(folder, body: str, head: str = "") -> tuple[list[str], list[str]]:
    page = folder / "report.html"
    page.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>",
                    encoding="utf-8")
    items = list(html_items(page))
    return [i for i in items if isinstance(i, str)], [i.note for i in items if isinstance(i, Skipped)]


def _saved(folder, name: str, css: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(css, encoding="utf-8")


def test_a_stylesheet_saved_beside_the_page_hides_what_it_hides(tmp_path):
    """"Save page, complete" puts the page's stylesheets in a folder beside it; their rules were never applied, so a
    total they hide was read. They are read from there, with what they @import."""
    _saved(tmp_path, "report_files/site.css", "@import url('parts/more.css');\n.aside p { display: none }")
    _saved(tmp_path, "report_files/parts/more.css", "#old { visibility: hidden }")
    text, notes = _read(tmp_path, f"<div class='aside'><p>{DECOY}</p></div><p id='old'>{DECOY}</p><p>{SHOWN}</p>",
                        "<link rel='stylesheet' type='text/css' href='report_files/site.css'>")
    assert text == [SHOWN]
    assert notes == [HIDDEN_NOTE.format(2)]


@pytest.mark.parametrize("href", ["https://www.example.gov.cn/css/site.css", "/css/site.css", "missing/site.css",
                                  "report_files"])
def test_a_linked_stylesheet_not_saved_with_the_page_is_said_and_the_text_read(tmp_path, href):
    """What a stylesheet that is not there hides cannot be known: the text is read and the sheet named."""
    (tmp_path / "report_files").mkdir()
    text, notes = _read(tmp_path, f"<p class='x'>{SHOWN}</p>", f"<link rel='stylesheet' href='{href}'>")
    assert text == [SHOWN]
    assert len(notes) == 1 and notes[0].startswith("网页链接的样式表 1 个未随网页保存或无法读取（")
    assert href.rstrip("/").rsplit("/", 1)[-1] in notes[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_linked_stylesheet_that_is_no_file_is_never_opened(tmp_path):
    os.mkfifo(tmp_path / "site.css")  # opening it would wait forever for a writer
    text, notes = _read(tmp_path, f"<p>{SHOWN}</p>", "<link rel='stylesheet' href='site.css'>")
    assert text == [SHOWN] and len(notes) == 1 and "site.css" in notes[0]


@pytest.mark.parametrize("css", [
    "@media screen { .note { display: none } }",
    "@media all and (min-width: 1px) { .note { display: none } }",  # any window
    "@media print { .note { display: block } } .note { display: none }",
    "@media not print { body .note { display: none } }",
    "@media only screen { @supports (display: grid) { p.note { display: none } } }",
])
def test_text_hidden_on_screen_by_a_media_rule_is_not_read(tmp_path, css):
    text, notes = _read(tmp_path, f"<p class='note'>{DECOY}</p><p>{SHOWN}</p>", f"<style>{css}</style>")
    assert text == [SHOWN]
    assert notes == [HIDDEN_NOTE.format(1)]


@pytest.mark.parametrize("head", [
    "<style>@media print { .note { display: none } }</style>",
    "<style media='print'>.note { display: none }</style>",
    "<style>@media speech, print { .note { visibility: hidden } }</style>",
    "<link rel='stylesheet' media='print' href='print.css'>",
    "<link rel='alternate stylesheet' href='print.css'>",
])
def test_text_hidden_only_in_print_is_read(tmp_path, head):
    _saved(tmp_path, "print.css", ".note { display: none }")
    text, notes = _read(tmp_path, f"<p class='note'>{SHOWN}</p>", head)
    assert text == [SHOWN] and notes == []


def test_text_a_rule_for_a_size_of_window_decides_is_read_as_on_a_desktop_and_said(tmp_path):
    css = ("@media (max-width: 600px) { .wide { display: none } }"
           "@media screen and (min-width: 900px) { .narrow { display: none } }")
    text, notes = _read(tmp_path, f"<p class='wide'>{SHOWN}</p><p class='narrow'>{DECOY}</p>", f"<style>{css}</style>")
    assert text == [SHOWN]
    assert notes == [HIDDEN_NOTE.format(1), "网页中 2 处文字是否显示随浏览器窗口大小而变（样式表 @media 按窗口设定）：按 1280 "
                                            "像素宽的桌面窗口读取，请对照浏览器显示核对"]


@pytest.mark.parametrize("css, own, shown", [
    ("#total { display: block } .note { display: none }", "", True),  # an id outweighs a class
    ("p.note { display: block } .note { display: none }", "", True),  # a class and a tag outweigh a class
    (".note { display: block } .note { display: none }", "", False),  # equal weight: the later
    (".note { display: none !important }", "display: block", False),  # !important over the element's own style
    (".note { display: none }", "display: block", True),  # the element's own style over the stylesheet's
    (".note { display: none !important } #total { display: block }", "", False),
    ("section > p { display: none } section p.note { display: block !important }", "", True),
])
def test_the_cascade_decides_as_a_browser_does(tmp_path, css, own, shown):
    text, _ = _read(tmp_path, f"<section><p id='total' class='note' style='{own}'>{DECOY}</p></section>",
                    f"<style>{css}</style>")
    assert (text == [DECOY]) is shown


@pytest.mark.parametrize("css, shown", [
    (".box { visibility: hidden } .box .keep { visibility: visible }", True),  # a child may set it back
    (".box { visibility: hidden }", False),
    (".box { color: #fff }", False),  # inherited: white on the white page
    (".box { color: #fff } .keep { color: #333 }", True),
    (".box { color: #fff; background: #1f3864 }", True),
    (".box { color: #fff; background: url(band.png) }", True),  # on a picture: only its pixels tell
    (".box { font-size: 0 } .keep { font-size: 14px }", True),
    (".box { font-size: 0 } .keep { font-size: 1.2em }", False),  # of nothing
])
def test_what_text_inherits_decides_whether_it_shows(tmp_path, css, shown):
    text, notes = _read(tmp_path, f"<div class='box'><p class='keep'>{SHOWN}</p><p>{DECOY}</p></div>",
                        f"<style>{css}</style>")
    assert (SHOWN in text) is shown
    assert DECOY not in text or "background" in css or "color: #333" in css
    if not shown:
        assert notes == [HIDDEN_NOTE.format(1)]  # one run of hidden text, said once


@pytest.mark.parametrize("box", [
    "<div style='background:#fff'><p style='position:relative;z-index:-1'>{DECOY}</p></div>",
    "<style>.card{{background:#fafafa}} .under{{position:absolute;z-index:-2}}</style>"
    "<div class='card'><div><span class='under'>{DECOY}</span></div></div>",
])
def test_text_painted_beneath_a_boxs_background_is_left_out_and_said(tmp_path, box):
    """An element placed below zero (z-index:-1) is painted before the backgrounds of the boxes it stands in, up to
    the box it is stacked in: an opaque one hides it."""
    text, notes = _read(tmp_path, box.format(DECOY=DECOY) + f"<p>{SHOWN}</p>")
    assert text == [SHOWN]
    assert notes == ["网页中被其上叠放的不透明色块遮盖的文字 1 处未读取（浏览器不显示）"]


@pytest.mark.parametrize("box", [
    "<div style='position:relative;z-index:0;background:#fff'><p style='position:relative;z-index:-1'>{t}</p></div>",
    "<div style='background:rgba(255,255,255,0.4)'><p style='position:relative;z-index:-1'>{t}</p></div>",
    "<div><p style='position:relative;z-index:-1'>{t}</p></div>",
    "<p style='position:relative;z-index:-1'>{t}</p>",
])
def test_text_beneath_no_opaque_box_shows(tmp_path, box):
    """Stacked in the box that paints the background (its own z-index), under a box seen through, or under none
    but the page's: the text shows."""
    text, notes = _read(tmp_path, box.format(t=SHOWN), "<style>body { background: #fff }</style>")
    assert text == [SHOWN] and notes == []


def test_a_page_with_thousands_of_rules_is_read_and_rules_past_the_bound_are_said(tmp_path, monkeypatch):
    """A site's theme of thousands of rules: those naming classes not on the page cost nothing, simple selectors
    are matched by an index, and the others stop at a bound, said, never silently."""
    rules = "".join(f".c{k} p {{ display: none }} .d{k} {{ color: #123456 }} .e{k} .f{k} {{ margin: 0 }}"
                    for k in range(5000))
    body = "".join(f"<div class='d{k}'><p>第{k}段。</p></div>" for k in range(0, 5000, 50))
    text, notes = _read(tmp_path, f"<div class='c7'><p>{DECOY}</p></div>{body}<p>{SHOWN}</p>",
                        f"<style>{rules}</style>")
    assert DECOY not in text and SHOWN in text and len(text) == 101
    monkeypatch.setattr(html_styles, "MAX_MATCHES", 0)
    text, notes = _read(tmp_path, f"<div class='c7'><p>{DECOY}</p></div><p>{SHOWN}</p>", f"<style>{rules}</style>")
    assert text == [DECOY, SHOWN]
    assert notes == ["网页样式表的规则过多，1 条选择器未套用：其中隐藏的文字已照常读取，请对照浏览器显示核对"]


def test_a_stylesheet_of_unclosed_comments_strings_and_braces_is_read_in_linear_time(tmp_path):
    """Hostile stylesheets: nothing here may take time beyond the stylesheet's length (no timing is asserted; the
    test ends, and the rules it can read apply)."""
    css = ".note { display: none } " + "/*" * 20000 + "*/" + "{" * 50000 + "'" * 1000 + '"' * 1000 + "}" * 50000 + "/*"
    text, _ = _read(tmp_path, f"<p class='note'>{DECOY}</p><p>{SHOWN}</p>", f"<style>{css}</style>")
    assert text == [SHOWN]


def test_a_web_archives_links_are_its_parts_and_never_said_unsaved(tmp_path):
    """A page saved as one file (.mhtml) links its stylesheets by their web addresses and holds them as parts: they
    are applied as parts, and no link is said to be missing."""
    from test_html_report import _archive

    page = (f"<html><head><link rel='stylesheet' href='https://www.example.gov.cn/site.css'></head><body>"
            f"<p class='gone'>{DECOY}</p><p>{SHOWN}</p></body></html>")
    archive = tmp_path / "report.mhtml"
    archive.write_bytes(_archive(page, "@media screen { .gone { display: none } }"))
    items = list(html_items(archive))
    assert [i for i in items if isinstance(i, str)] == [SHOWN]
    assert [i.note for i in items if isinstance(i, Skipped)] == [HIDDEN_NOTE.format(1)]


def test_a_tables_row_or_group_not_displayed_is_left_out_and_said(tmp_path):
    """Rows were read whatever their style: only cells were judged."""
    from perfeval.intake.documents import Row

    page = tmp_path / "rows.html"
    page.write_text("<html><head><style>tbody.old { display: none }</style></head><body><table>"
                    "<tr><td>项目</td><td>金额</td></tr><tr style='display:none'><td>合计</td><td>8888.00</td></tr>"
                    "<tbody class='old'><tr><td>合计</td><td>7777.00</td></tr></tbody>"
                    "<tr><td>合计</td><td>1846.20</td></tr></table></body></html>", encoding="utf-8")
    items = list(html_items(page))
    assert [i.cells for i in items if isinstance(i, Row)] == [("项目", "金额"), ("合计", "1846.20")]
    assert [i.note for i in items if isinstance(i, Skipped)] == [HIDDEN_NOTE.format(2)]


def test_selectors_tested_from_each_elements_place_match_what_cssselect_matches():
    """The reader matches a selector part by part from the left (the paths XPath takes down from the root merge node
    sets in time quadratic in the page): the same elements either way."""
    from cssselect import parse
    from lxml import html
    from lxml.cssselect import LxmlHTMLTranslator

    root = html.document_fromstring(
        "<html><body><div class='a b' id='x'><p class='k'>1<b>2</b></p><p>3<span class='k'>4</span></p>"
        "<section><div class='a'><ul><li>5</li><li class='k'>6</li><li>7</li></ul></div></section></div>"
        "<p lang='zh-CN' title='t u'>8</p><div><div><p><b class='k'>9</b></p></div></div></body></html>")
    translator = LxmlHTMLTranslator()
    matcher = html_styles._Matcher(root)
    for text in [".a p", "div > p", "p + p", "p ~ section li", ".a .k", "#x > p b", "div div p b.k", "li + li.k",
                 "li:first-child ~ li", "li:nth-child(2)", ".a > ul > li:last-child", "[lang|=zh]", "p[title~=u]",
                 "body > div:not(.b) b", "div.a.b section li + li", "*", "ul *", "p:empty", "li:only-child",
                 ".a p:not(.k) span", "div > div > p > b", "div div div p b", "section ~ p", "div + div p",
                 "li ~ li ~ li", "html body div p", ".k", "#x", "div.a", "P B"]:
        selector = parse(text)[0]
        down = etree_xpath(root, translator.selector_to_xpath(selector))
        assert sorted(root.getroottree().getpath(el) for el in matcher.match(selector)) == down, text


def etree_xpath(root, expression: str) -> list:
    return sorted(root.getroottree().getpath(el) for el in root.xpath(expression))


@pytest.mark.parametrize("body, head, note", [
    ("<p>本年度部门整体支出<span class='lead'>1846.20</span>万元。</p>", "<style>.lead::before { content: '7' }</style>",
     "网页样式表在 1 处文字前后另写的文字（::before、::after 的 content）未读取：浏览器显示时与原文连在一起，请对照原网页"),
    ("<p>本年度部门整体支出<input type='text' value='1846.20' readonly>万元。</p>", "",
     "网页中表单输入框中的文字 1 处未读取（输入框中的内容不作正文读取，请对照原网页）"),
    ("<p>本年度部门整体支出<svg width='60' height='16'><text x='0' y='12'>1846.20</text></svg>万元。</p>", "",
     "网页中图形（SVG）中的文字 1 处未读取（图中文字不作正文读取，请对照原网页）"),
])
def test_text_a_browser_shows_that_is_not_read_as_text_is_said(tmp_path, body, head, note):
    """Text a stylesheet writes beside an element, a form field's value, a drawing's words: shown, not the page's
    text; the reader says so (W10)."""
    _, notes = _read(tmp_path, body, head)
    assert notes == [note]


@pytest.mark.parametrize("body", ["<bdo dir='rtl'>02.6481</bdo>",
                                  "<span style='unicode-bidi:bidi-override;direction:rtl'>02.6481</span>"])
def test_text_drawn_right_to_left_is_read_in_the_order_shown_and_said(tmp_path, body):
    text, notes = _read(tmp_path, f"<p>本年度部门整体支出{body}万元。</p>")
    assert text == [SHOWN]
    assert notes == ["网页中从右到左倒排显示（bidi-override）的文字 1 处：已按浏览器显示的顺序读取，请对照原网页"]


def test_an_icon_a_stylesheet_draws_is_no_text(tmp_path):
    _, notes = _read(tmp_path, f"<p><i class='icon'></i>{SHOWN}</p>",
                     "<style>.icon::before { content: '\\f007' } p::after { content: '' }</style>")
    assert notes == []


@pytest.mark.parametrize("media, shown", [("print", True), ("screen", False), ("all and (min-width: 1px)", False)])
def test_a_web_archives_stylesheet_for_print_is_not_applied_on_screen(tmp_path, media, shown):
    """The parts of a page saved as one file were all applied, a print stylesheet too: a figure it hides in print
    was dropped from the screen's text. Each part is applied as the page links it."""
    from test_html_report import _archive

    page = (f"<html><head><link rel='stylesheet' media='{media}' href='cid:css-1@mhtml.blink'></head><body>"
            f"<p class='screen'>{SHOWN}</p></body></html>")
    archive = tmp_path / "report.mhtml"
    archive.write_bytes(_archive(page, ".screen { display: none }"))
    assert (SHOWN in list(html_items(archive))) is shown


_PLACED = ("<div style='position:relative;height:60px'><span style='position:absolute;left:{x}px;top:{y}px'>{t}</span>"
           "<div style='position:absolute;left:0;top:0;width:300px;height:40px;background:#fff{z}'></div></div>")


def test_text_placed_wholly_under_an_opaque_box_of_its_own_place_is_left_out_and_said(tmp_path):
    """Both placed by pixels in one box: the text's place is known without layout, and the box over it hides it."""
    text, notes = _read(tmp_path, _PLACED.format(x=10, y=10, t=DECOY, z="") + f"<p>{SHOWN}</p>")
    assert text == [SHOWN]
    assert notes == ["网页中被其上叠放的不透明色块遮盖的文字 1 处未读取（浏览器不显示）"]


@pytest.mark.parametrize("x, y, z", [(10, 45, ""), (400, 10, ""), (10, 10, ";z-index:-1")])
def test_text_placed_clear_of_an_opaque_box_or_above_it_is_read_unsaid(tmp_path, x, y, z):
    text, notes = _read(tmp_path, _PLACED.format(x=x, y=y, t=SHOWN, z=z).replace("z-index:-1", "z-index:-1;"
                                                                                    "position:absolute"))
    assert text == [SHOWN] and notes == []


def test_text_an_opaque_box_overlaps_in_part_is_read_and_said(tmp_path):
    text, notes = _read(tmp_path, _PLACED.format(x=250, y=10, t=SHOWN, z=""))
    assert text == [SHOWN]
    assert notes == ["网页中叠放在文字上的不透明色块或图片 1 处：其下哪些文字被遮盖须排版才能确定，这些文字已照常读取，请对照浏览器显示核对"]


@pytest.mark.parametrize("css, shown", [
    ("@layer base { .note { display: none } } .note { display: block }", True),  # no layer beats a layer
    (".note { display: block } @layer base { .note { display: none } }", True),  # whatever the order
    ("@layer a, b; @layer b { .note { display: none } } @layer a { .note { display: block } }", False),  # b later
    ("@layer a { .note { display: none !important } } .note { display: block !important }", False),  # reversed
])
def test_cascade_layers_rank_as_a_browser_ranks_them(tmp_path, css, shown):
    text, _ = _read(tmp_path, f"<p class='note'>{SHOWN}</p>", f"<style>{css}</style>")
    assert (text == [SHOWN]) is shown
