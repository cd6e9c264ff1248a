"""A report saved as the web page it was published on: read as a browser shows it (paragraphs, tables row by row),
what the page hides left out and said, and drafted as its text is."""
from __future__ import annotations

from pathlib import Path

import pytest

from perfeval.errors import DraftError
from perfeval.intake.documents import Row, Skipped
from perfeval.intake.html_page import html_items, txt_or_page_items
from perfeval.outputs.draft import draft_report

REPORT = Path(__file__).parent / "data" / "planted" / "archives_2023.txt"
SCRIPT = "<script>var total = '9999.00万元';</script><style>p { margin: 0 }</style>"


def _page(lines: list[str], extra: str = "") -> str:
    body = "\n".join(f"<p>{line}</p>" for line in lines)
    return (f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>网站首页 - 信息公开</title>{SCRIPT}</head>"
            f"<body>\n{body}\n{extra}</body></html>")


def test_a_page_drafts_as_its_text_does(tmp_path):
    lines = [x for x in REPORT.read_text(encoding="utf-8").splitlines() if x.strip()]
    page = tmp_path / "archives_2023.html"
    page.write_text(_page(lines), encoding="utf-8")
    as_text, as_page = draft_report(REPORT), draft_report(page)
    for part in ("figures", "stated", "claims", "identities"):
        assert as_page.params.get(part) == as_text.params.get(part), part
    assert as_page.params["unit"]["name"] == as_text.params["unit"]["name"]


def test_what_a_browser_does_not_show_is_not_read_and_hidden_text_is_said(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(_page(["2023年部门整体支出<b>3,752.48</b>万元。"],
                          "<div style='display: none'>2023年部门整体支出9999.00万元。</div>"
                          "<p hidden>核定编制99人。</p><!-- 核定编制88人 -->"), encoding="gb18030")
    items = list(html_items(page))
    text = [i for i in items if isinstance(i, str)]
    assert text == ["2023年部门整体支出3,752.48万元。"]  # one paragraph, its bold part inside it; GBK bytes read
    assert [i.note for i in items if isinstance(i, Skipped)] == ["网页中不显示的文字（隐藏、折叠、字号过小、移出页面或与底色同色等）未读取：2 处"]


def test_a_pages_table_is_read_row_by_row_its_spans_kept_under_their_columns(tmp_path):
    table = ("<table><tr><th>项目</th><th>年初预算</th><th>全年执行数</th><th>执行率</th></tr>"
             "<tr><td colspan='2'>部门整体支出</td><td>3752.48</td><td>98.75%</td></tr>"
             "<tr><td>基本支出<br>（人员经费）</td><td>1300.00</td><td>1252.48</td>"
             "<td><table><tr><td>内嵌</td></tr></table>96.34%</td></tr></table>")
    page = tmp_path / "t.html"
    page.write_text(_page(["表1 预算执行情况"], table), encoding="utf-8")
    rows = [i.cells for i in html_items(page) if isinstance(i, Row)]
    assert rows == [("项目", "年初预算", "全年执行数", "执行率"), ("部门整体支出", "", "3752.48", "98.75%"),
                    ("基本支出（人员经费）", "1300.00", "1252.48", "内嵌96.34%")]  # a table in a cell: its text


def test_a_txt_holding_a_web_page_is_read_as_the_page_and_said(tmp_path):
    saved = tmp_path / "r.txt"
    saved.write_text(_page(["2023年末核定编制48人。"]), encoding="utf-8")
    items = list(txt_or_page_items(saved))
    assert [i for i in items if isinstance(i, str)] == ["2023年末核定编制48人。"]  # no <p> read as text
    assert any(isinstance(i, Skipped) and "网页" in i.note for i in items)
    plain = tmp_path / "plain.txt"
    plain.write_text("某某县2023年度部门整体支出绩效自评报告\n文中写到 <p> 标签。\n", encoding="utf-8")
    assert list(txt_or_page_items(plain)) == ["某某县2023年度部门整体支出绩效自评报告", "文中写到 <p> 标签。"]


def test_a_page_nested_past_what_the_parser_follows_is_refused_not_read_short(tmp_path):
    """libxml2 dropped every word below 256 levels without a word; past 2,048 the page is refused by name."""
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 3000 + "正文" + "</div>" * 3000 + "<p>后文</p></body></html>",
                    encoding="utf-8")
    with pytest.raises(DraftError, match="nested deeper than the reader follows"):
        list(html_items(deep))
    fine = tmp_path / "fine.html"
    fine.write_text("<html><body>" + "<div>" * 1000 + "正文" + "</div>" * 1000 + "<p>后文</p></body></html>",
                    encoding="utf-8")
    assert list(html_items(fine)) == ["正文", "后文"]


def test_an_unknown_kind_of_file_names_the_kinds_read(tmp_path):
    other = tmp_path / "r.odt"
    other.write_bytes(b"x")
    with pytest.raises(DraftError, match=r"expected one of \.txt, \.docx, \.pdf, \.html, \.htm"):
        draft_report(other)


@pytest.mark.parametrize("decoy", [
    "<style>.x { color: #333; } .note, p.y { display: none }</style><p class='y'>2023年部门整体支出9999.00万元。</p>",
    "<p style='font-size: 0px'>2023年部门整体支出9999.00万元。</p>",
    "<p style='color:#fff'>2023年部门整体支出9999.00万元。</p>",
    "<style>#d { opacity: 0 }</style><div id='d'>2023年部门整体支出9999.00万元。</div>",
])
def test_text_a_stylesheet_or_its_colour_hides_is_not_read(tmp_path, decoy):
    """A decoy total hidden by the page's stylesheet, a zero size or white on the white page became the catalogue
    total, and the figure shown a second statement of it (trial 3 T54)."""
    page = tmp_path / "p.html"
    page.write_text(_page([], decoy + "<p>2023年部门整体支出<br>3,752.<br>48万元。</p>"), encoding="utf-8")
    items = list(html_items(page))
    assert [i for i in items if isinstance(i, str)] == ["2023年部门整体支出", "3,752.48万元。"]  # a <br> in a figure joins
    assert any(isinstance(i, Skipped) and "1 处" in i.note for i in items)


def test_a_break_between_two_digits_ends_a_line_of_a_list(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(_page([], "<p>1、完成率100<br>2、满意度95%</p>"), encoding="utf-8")
    assert list(html_items(page)) == ["1、完成率100", "2、满意度95%"]


def test_white_text_on_a_coloured_background_is_shown_and_read(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(_page([], "<style>.band { background: #1f3864 }</style>"
                              "<div class='band'><p style='color: white'>核定编制48人。</p></div>"), encoding="utf-8")
    assert list(html_items(page)) == ["核定编制48人。"]


def test_one_walk_reads_paragraphs_and_cells_alike_a_comment_inside_a_figure_and_hidden_cell_text_included(tmp_path):
    page = tmp_path / "walk.html"
    page.write_text(_page(["2023年部门整体支出3752<!-- 改 -->.48万元。"],
                          "<table><tr><td>核定编制</td><td>48<span style='display:none'>0</span></td></tr>"
                          "<tr><td>实有人数</td><td style='visibility:hidden'>99</td><td>52</td></tr>"
                          "<tr><td><p>说明</p>第二行</td><td>36<br>.5</td></tr></table>"), encoding="utf-8")
    items = list(html_items(page))
    assert [i for i in items if isinstance(i, str)] == ["2023年部门整体支出3752.48万元。"]  # the comment's tail shown
    rows = [i.cells for i in items if isinstance(i, Row)]
    # a cell of visibility:hidden keeps its column, empty, as a browser draws it; 52 stays under its heading
    assert rows[0] == ("核定编制", "48") and rows[1] == ("实有人数", "", "52")
    assert rows[2][1] == "36.5"  # a <br> inside a figure, in a cell as in a paragraph
    # hidden text is said wherever it stands, in a cell too
    assert [i.note for i in items if isinstance(i, Skipped)] == ["网页中不显示的文字（隐藏、折叠、字号过小、移出页面或与底色同色等）未读取：2 处"]


DECOY = "2024年部门整体支出9999.00万元。"


@pytest.mark.parametrize("hidden", [
    f"<font color='#ffffff'>{DECOY}</font>", f"<font color='white'>{DECOY}</font>",
    f"<p style='position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)'>{DECOY}</p>",
    f"<p style='position:absolute;left:-9999px'>{DECOY}</p>", f"<p style='text-indent:-9999px'>{DECOY}</p>",
    f"<div style='height:0;overflow:hidden'>{DECOY}</div>", f"<p style='visibility:collapse'>{DECOY}</p>",
    f"<p style='color:hsl(0, 0%, 100%)'>{DECOY}</p>", f"<p style='font-size:1px'>{DECOY}</p>",
    f"<div style='background:#336699'><p style='color:#336699'>{DECOY}</p></div>",
    f"<style>div.box span{{display:none}} [data-x]{{display:none}}</style><div class='box'><span>{DECOY}</span></div>",
    f"<style>[data-x]{{display:none}}</style><p data-x='1'>{DECOY}</p>",
    f"<details><summary>说明</summary>{DECOY}</details>",
    f"<p style='transform:scale(0)'>{DECOY}</p>", f"<p style='clip-path:inset(50%)'>{DECOY}</p>",
    f"<p style='-webkit-text-fill-color:transparent'>{DECOY}</p>", f"<p style='position:fixed;top:-200px'>{DECOY}</p>"])
def test_text_a_page_hides_any_way_a_browser_hides_it_is_left_out_and_said(tmp_path, hidden):
    page = tmp_path / "decoy.html"
    page.write_text(_page([], hidden + "<p>2024年部门整体支出2864.30万元。</p>"), encoding="utf-8")
    items = list(html_items(page))
    text = "".join(i for i in items if isinstance(i, str))
    assert "9999" not in text and "2864.30" in text
    assert [i.note for i in items if isinstance(i, Skipped)] == [
        "网页中不显示的文字（隐藏、折叠、字号过小、移出页面或与底色同色等）未读取：1 处"]


def test_white_text_on_a_band_of_its_own_colour_is_read_and_a_summary_is_shown(tmp_path):
    page = tmp_path / "band.html"
    page.write_text(_page(["<span style='color:#fff;background:#1f3864'>2024年部门整体支出2864.30万元。</span>"],
                          "<details><summary>附表说明</summary>详见附表。</details>"), encoding="utf-8")
    text = [i for i in html_items(page) if isinstance(i, str)]
    assert "2024年部门整体支出2864.30万元。" in text and "附表说明" in text


def test_a_footnote_marker_after_a_figure_and_struck_text_are_left_out_and_said_a_units_exponent_kept(tmp_path):
    page = tmp_path / "marks.html"
    page.write_text(_page(["2024年部门整体支出2864.30<sup>1</sup>万元，新建用房<del>9</del>1200m<sup>2</sup>。"]),
                    encoding="utf-8")
    items = list(html_items(page))
    assert [i for i in items if isinstance(i, str)] == ["2024年部门整体支出2864.30万元，新建用房1200m2。"]
    assert [i.note for i in items if isinstance(i, Skipped)] == [
        "网页中接在数字或文字后的上标文字（脚注标记等） 1 处未读取（不作前面数字的一部分，请对照原文）",
        "网页中加删除线的文字 1 处未读取（浏览器显示为划去，按已删去处理，请对照原文）"]


def _archive(page: str, css: str, root_first: bool = True) -> bytes:
    """A page saved as Chrome's "single file" (.mhtml): a MIME message of the page (quoted-printable, no charset of
    its own) and its stylesheet, the parts in the order given, the root named by `start` when it is not first."""
    import quopri

    boundary = "----MultipartBoundary--x1y2z3----"
    html = ("Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: "
            "quoted-printable\r\nContent-Location: file:///tmp/report.html\r\n\r\n"
            + quopri.encodestring(page.encode("utf-8")).decode("ascii"))
    sheet = ("Content-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: "
             "cid:css-1@mhtml.blink\r\n\r\n" + quopri.encodestring(css.encode("utf-8")).decode("ascii"))
    parts = [html, sheet] if root_first else [sheet, html]
    start = "" if root_first else ';\r\n\tstart="<frame-1@mhtml.blink>"'
    head = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: file:///tmp/report.html\r\nSubject: report\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{boundary}\""
            f"{start}\r\n\r\n")
    return (head + "".join(f"\r\n--{boundary}\r\n{part}" for part in parts) + f"\r\n--{boundary}--\r\n").encode("ascii")


@pytest.mark.parametrize("root_first", [True, False])
def test_a_page_saved_as_one_file_is_read_with_its_stylesheet(tmp_path, root_first):
    """U43: a page saved by Chrome as a single file (.mhtml) was "not a report this reader knows". Its page is read
    as the .html is, and its stylesheet, saved as a part of its own, still hides what it hides."""
    lines = [x for x in REPORT.read_text(encoding="utf-8").splitlines() if x.strip()]
    page = _page(lines, f"<p class='gone'>{DECOY}</p>").replace("<head>", "<head><link rel='stylesheet' href="
                                                                    "'cid:css-1@mhtml.blink'>")
    archive = tmp_path / "archives_2023.mhtml"
    archive.write_bytes(_archive(page, "@charset \"utf-8\";\n.gone { display: none; }\n", root_first))
    as_text, as_archive = draft_report(REPORT), draft_report(archive)
    for part in ("figures", "stated", "claims", "identities"):
        assert as_archive.params.get(part) == as_text.params.get(part), part
    assert [i.note for i in html_items(archive) if isinstance(i, Skipped)] == [
        "网页中不显示的文字（隐藏、折叠、字号过小、移出页面或与底色同色等）未读取：1 处"]


@pytest.mark.parametrize("suffix", [".shtml", ".xhtml", ".mht"])
def test_a_page_under_a_servers_or_an_xml_name_is_read_as_a_page(tmp_path, suffix):
    """U43: .shtml (a page a server assembles), .xhtml and Word's single-file page (.mht) were refused."""
    lines = [x for x in REPORT.read_text(encoding="utf-8").splitlines() if x.strip()]
    page = tmp_path / f"archives_2023{suffix}"
    page.write_text(_page(lines), encoding="utf-8")
    assert draft_report(page).params["figures"] == draft_report(REPORT).params["figures"]


def test_an_archive_holding_no_page_says_what_it_holds(tmp_path):
    archive = tmp_path / "r.mhtml"
    archive.write_bytes(_archive("", "p { color: red }").replace(b"Content-Type: text/html\r\n", b"Content-Type: "
                                                                  b"image/png\r\n"))
    with pytest.raises(DraftError, match=r"holding no page, only image/png, text/css"):
        draft_report(archive)


_BOX = "<div style='position:relative'{own}><p>{DECOY}</p>{cover}</div><p>2024年部门整体支出2864.30万元。</p>"


@pytest.mark.parametrize("cover", [
    "<div style='position:absolute;left:0;top:0;width:100%;height:100%;background:#fff'></div>",
    "<div style='position:absolute;inset:0;background-color:rgb(255,255,255)'></div>",
    "<span style='position:absolute;top:0;right:0;bottom:0;left:0;background:#f0f0f0'></span>",
    "<style>.mask{position:absolute;inset:0 0 0 0;background:white}</style><i class='mask'></i>",
    "<div style='position:absolute;inset:0;background:#fff'><b>2024年部门整体支出2864.30万元。</b></div>"])
def test_text_under_an_opaque_box_filling_its_place_is_left_out_and_said(tmp_path, cover):
    """U52: a decoy under an absolutely placed white box (position:absolute over its positioned box, top and left 0,
    100 % of its width and height, or inset 0) was read as the total. Only what lies above the cover shows: the
    cover's own text is read."""
    page = tmp_path / "covered.html"
    page.write_text(_page([], _BOX.format(own="", DECOY=DECOY, cover=cover)), encoding="utf-8")
    items = list(html_items(page))
    text = "".join(i for i in items if isinstance(i, str))
    assert "9999" not in text and "2864.30" in text
    assert [i.note for i in items if isinstance(i, Skipped)] == ["网页中被其上叠放的不透明色块遮盖的文字 1 处未读取（浏览器不显示）"]


@pytest.mark.parametrize("cover", [
    "<div style='position:absolute;inset:0;background:rgba(255,255,255,0.5)'></div>",  # half seen through
    "<div style='position:absolute;inset:0;background:#fff;opacity:0.3'></div>",
    "<div style='position:absolute;inset:0'></div>",  # no background: nothing painted
    "<div style='position:absolute;inset:0;background:#fff'></div><p style='position:relative'>{DECOY}</p>"])
def test_text_a_box_does_not_hide_is_read(tmp_path, cover):
    """A box seen through, without a background, or under a box placed after it hides nothing."""
    page = tmp_path / "seen.html"
    box = f"<div style='position:relative'>{cover.format(DECOY=DECOY)}</div>" if "relative" in cover else \
        _BOX.format(own="", DECOY=DECOY, cover=cover)
    page.write_text(_page([], box), encoding="utf-8")
    items = list(html_items(page))
    assert DECOY in [i for i in items if isinstance(i, str)]
    assert [i for i in items if isinstance(i, Skipped)] == []


@pytest.mark.parametrize("cover", [
    "<div style='position:absolute;left:0;top:40px;width:600px;height:30px;background:#fff'></div>",
    "<img src='x.png' style='position:absolute;left:0;top:0;width:100%;height:100%'>",
    "<div style='position:fixed;inset:0;background:#fff'></div>"])
def test_an_opaque_box_over_text_only_layout_can_place_is_said_the_text_read(tmp_path, cover):
    """Which text a box of its own size and place covers, whether a picture is transparent, what a box fixed over
    the window hides as the page scrolls: only a layout tells. The text is read and the box said, never silently."""
    page = tmp_path / "maybe.html"
    page.write_text(_page([], _BOX.format(own="", DECOY=DECOY, cover=cover)), encoding="utf-8")
    items = list(html_items(page))
    assert DECOY in [i for i in items if isinstance(i, str)]
    assert [i.note for i in items if isinstance(i, Skipped)] == [
        "网页中叠放在文字上的不透明色块或图片 1 处：其下哪些文字被遮盖须排版才能确定，这些文字已照常读取，请对照浏览器显示核对"]


@pytest.mark.parametrize("hidden", [
    f"<p style='filter:opacity(0)'>{DECOY}</p>", f"<p style='opacity:0%'>{DECOY}</p>",
    f"<div style='max-width:0;overflow:hidden'>{DECOY}</div>", f"<p style='transform:translateX(-9999px)'>{DECOY}</p>",
    f"<p style='transform:translate(-10000px, 0)'>{DECOY}</p>", f"<p style='transform:matrix(0,0,0,0,0,0)'>{DECOY}</p>",
    f"<p style='scale:0'>{DECOY}</p>", f"<p style='position:absolute;right:9999px'>{DECOY}</p>",
    f"<p style='position:relative;bottom:9999px'>{DECOY}</p>", f"<div style='content-visibility:hidden'>{DECOY}</div>",
    f"<dialog>{DECOY}</dialog>", f"<style>:root{{--page:#ffffff}}</style><p style='color:var(--page)'>{DECOY}</p>",
    f"<p style='color:var(--unset, #fff)'>{DECOY}</p>"])
def test_text_hidden_by_a_second_form_of_each_way_is_left_out_and_said(tmp_path, hidden):
    """Item 4's kin on web pages, a second form of each way a page hides text: faded by a filter or a percentage,
    clipped by a zero max-width, moved off the screen by a transform or by right/bottom, transformed to nothing,
    scaled by the scale property, content-visibility:hidden, a dialog not open, white by a custom property."""
    page = tmp_path / "decoy.html"
    page.write_text(_page([], hidden + "<p>2024年部门整体支出2864.30万元。</p>"), encoding="utf-8")
    items = list(html_items(page))
    assert "9999" not in "".join(i for i in items if isinstance(i, str))
    assert [i.note for i in items if isinstance(i, Skipped)] == [
        "网页中不显示的文字（隐藏、折叠、字号过小、移出页面或与底色同色等）未读取：1 处"]


@pytest.mark.parametrize("shown", [
    f"<dialog open>{DECOY}</dialog>", f"<p style='transform:translateX(-20px)'>{DECOY}</p>",
    f"<p style='position:relative;right:20px'>{DECOY}</p>", f"<p style='filter:opacity(0.8)'>{DECOY}</p>",
    f"<p style='color:var(--ink, #333)'>{DECOY}</p>"])
def test_text_moved_or_faded_a_little_is_read(tmp_path, shown):
    page = tmp_path / "shown.html"
    page.write_text(_page([], shown), encoding="utf-8")
    items = list(html_items(page))
    assert DECOY in items and not [i for i in items if isinstance(i, Skipped)]


PORTAL_TOP = ('<div class="logo"><img src="logo.png" alt="某县人民政府门户网站"></div><div class="bar"><a href="/wza">无障碍</a>'
              ' | <a href="/zz">长者模式</a> | <a href="/ft">繁體</a> | 2025年6月18日 星期三</div><ul class="nav">'
              + "".join(f'<li><a href="/{k}">{t}</a></li>' for k, t in enumerate(["首页", "政务公开", "互动交流"]))
              + '</ul><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>')
PORTAL_FOOT = ('<div class="share">分享到：<a href="#wx">微信</a><a href="#wb">微博</a></div><h3>相关阅读</h3><ul>'
               '<li><a href="/a.html">关于2024年水文监测站点建设项目资金3520万元的公示</a><span>2024-08-09</span></li>'
               '<li><a href="/b.html">2023年度部门预算公开（第12批）</a> 2024-02-01</li></ul>'
               '<div class="foot">主办：某县人民政府办公室 联系电话：0599-2312345 闽ICP备05021327号-1 总访问量：2,345,678</div>')


def test_a_portals_links_around_a_report_are_no_figures_of_it_and_are_said(tmp_path):
    """A report published on a portal sits among lists of links to other pages (a menu, a bar of tools, 相关阅读 with
    titles and dates): a related title's 3520万元 was drafted as the report's. A list item or a bar that is links and
    their dates is not read, and said; the report's title (even set as one link) and its links in prose are."""
    lines = [x for x in REPORT.read_text(encoding="utf-8").splitlines() if x.strip()]
    title, body = lines[0], lines[1:]
    page = tmp_path / "portal.html"
    page.write_text(_page([f'<a href="/self.html">{title}</a>', *body], PORTAL_FOOT).replace("<body>", "<body>" + PORTAL_TOP, 1), encoding="utf-8")
    as_text, as_page = draft_report(REPORT), draft_report(page)
    for part in ("figures", "stated", "claims", "identities"):
        assert as_page.params.get(part) == as_text.params.get(part), part
    assert as_page.params["unit"]["name"] == as_text.params["unit"]["name"]
    assert as_page.params["unit"]["year"] == as_text.params["unit"]["year"]
    notes = [i.note for i in html_items(page) if isinstance(i, Skipped)]
    assert notes == ["网页中链接列表项（导航、相关阅读、其他文章等） 3 处未读取（是通往其他网页的链接，不是报告的内容）"]
    texts = [i for i in html_items(page) if isinstance(i, str)]
    assert title in texts and not any("3520" in t or "长者模式" in t or "互动交流" in t for t in texts)


def test_a_link_in_a_sentence_and_a_bar_with_words_of_its_own_are_read(tmp_path):
    page = tmp_path / "links.html"
    page.write_text(_page(['全年支出1268.40万元，详见<a href="/fj1.xls">附件1</a>和<a href="/fj2.xls">附件2</a>。',
                           '<span>联系人：<a href="mailto:x@y">张三</a> <a href="tel:1">电话</a></span>']), encoding="utf-8")
    assert [i for i in html_items(page) if isinstance(i, str)] == ["全年支出1268.40万元，详见附件1和附件2。", "联系人：张三电话"]
