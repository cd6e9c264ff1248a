"""matplotlib figures (the portfolio's charts) embed as SVG whose text is text: hostile labels survive the data: URI
as written, the output is stable, and the reader's Chinese font list is on every text."""
from __future__ import annotations

from urllib.parse import unquote
from xml.etree import ElementTree

from matplotlib.figure import Figure

from perfeval.outputs.report.fonts import ensure_chinese_font
from perfeval.outputs.report.svgchart import FONT_FAMILY, svg_data_uri
from perfeval.outputs.report.svgimage import chart_svg, css_width

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = 'a"b<c>&d%e#f \'g\' 100%'
MARKUP_LIKE = 'x transform="rotate(-0 1 2)" font-family: y; d="a  b" <g id="z">'  # what compaction edits in tags


def chart(title: str) -> Figure:
    ensure_chinese_font()
    fig = Figure(figsize=(9, 3), layout="constrained")
    ax = fig.subplots()
    ax.bar(["投入", "产出"], [12.5, 30])
    ax.set_title(title)
    return fig


def test_a_label_reads_back_as_written_through_the_data_uri():
    uri = svg_data_uri(chart_svg(chart(HOSTILE)))
    head, _, data = uri.partition(",")
    assert head == "data:image/svg+xml;charset=utf-8"
    assert not set('"<>&\n\r\t#') & set(data)  # nothing that would end the attribute, open a tag or cut the URI
    texts = [t.text for t in ElementTree.fromstring(unquote(data)).iter(SVG + "text")]
    assert HOSTILE in texts and "投入" in texts


def test_a_label_that_looks_like_the_markup_compaction_edits_is_drawn_as_written():
    texts = [t.text for t in ElementTree.fromstring(chart_svg(chart(MARKUP_LIKE))).iter(SVG + "text")]
    assert MARKUP_LIKE in texts


def test_every_text_is_in_the_readers_fonts_and_no_glyph_is_drawn_as_a_path():
    svg = chart_svg(chart("得分率（%）"))
    root = ElementTree.fromstring(svg)
    texts = list(root.iter(SVG + "text"))
    assert texts and not [t for t in texts if "font-family" in t.get("style", "")]  # none overrides the sheet
    assert f"text{{{FONT_FAMILY}}}" in root.find(f"{SVG}defs/{SVG}style").text
    assert "'Noto Sans SC', 'Noto Sans CJK SC'" in FONT_FAMILY and "'Microsoft YaHei'" in FONT_FAMILY
    assert not svg.startswith("<?xml") and "<metadata" not in svg and "DejaVu" not in svg
    assert "rotate(-0 " not in svg and 'id="text_' not in svg  # no-op transforms, ids nothing refers to
    assert not [e for e in root.iter() if "NotoSans" in e.get("id", "")]  # outlines would be defs named by the font


def test_the_same_figure_gives_the_same_bytes_at_its_css_width():
    assert chart_svg(chart("同")) == chart_svg(chart("同"))
    assert css_width(chart("宽")) == 864  # 9 in at 96 px per inch, as the PNG it replaces was shown
