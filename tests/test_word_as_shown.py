"""A Word report is read as Word displays it: text boxes, tracked insertions, content controls and field results
are read; hidden text, tracked deletions, placeholder prompts, field codes and the VML copy of a text box are not;
what was left out is said, and the draft carries the note. Every document is built here from its XML."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from perfeval.cli import main
from perfeval.errors import DraftError
from perfeval.intake.documents import Row, Skipped, docx_items
from perfeval.outputs.draft import read_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"')
NARRATIVE = Path(__file__).parent / "data" / "planted" / "archives_2023.txt"


def run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*inner: str, props: str = "") -> str:
    return f"<w:p {W} {MC}><w:pPr>{props}</w:pPr>{''.join(inner)}</w:p>"


def text_box(text: str) -> str:
    """A text box as Word 2010+ writes it: the DrawingML box, and a VML copy of the same text for old readers."""
    content = f"<w:txbxContent><w:p>{run(text)}</w:p></w:txbxContent>"
    return ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
            f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
            f"</mc:Choice><mc:Fallback><w:pict><v:rect><v:textbox>{content}</v:textbox></v:rect></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>")


SHOWN_AND_NOT = [  # (paragraph XML, what Word shows)
    (paragraph(run("年度支出"), run("9", "<w:vanish/>"), run("1268.40万元")), "年度支出1268.40万元"),
    (paragraph(run("人数"), run("12", '<w:vanish w:val="false"/>'), run("人")), "人数12人"),
    (paragraph(run("在职"), '<w:ins w:id="1" w:author="a"><w:r><w:t>35</w:t></w:r></w:ins>',
               '<w:del w:id="2" w:author="a"><w:r><w:delText>53</w:delText></w:r></w:del>', run("人")), "在职35人"),
    (paragraph(run("编制"), '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>40</w:t></w:r></w:moveFrom>',
               '<w:moveTo w:id="4" w:author="a"><w:r><w:t>41</w:t></w:r></w:moveTo>'), "编制41"),
    (paragraph(run("合计"), "<w:sdt><w:sdtPr/><w:sdtContent>" + run("3700") + "</w:sdtContent></w:sdt>", run("万元")),
     "合计3700万元"),
    (paragraph(run("金额"), "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>" + run("单击此处输入文字")
               + "</w:sdtContent></w:sdt>"), "金额"),
    (paragraph(run("年度"), '<w:fldSimple w:instr=" DOCPROPERTY 年度 ">' + run("2023") + "</w:fldSimple>"), "年度2023"),
    (paragraph(run("第"), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
               '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', run("7"), '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
               run("页")), "第7页"),
    (paragraph(run("见框"), '<w:hyperlink w:anchor="x">' + run("附表") + "</w:hyperlink>"), "见框附表"),
    (paragraph(run("支出"), '<mc:AlternateContent><mc:Choice Requires="wps">' + run("1268.40") + "</mc:Choice>"
               "<mc:Fallback>" + run("1268.40") + "</mc:Fallback></mc:AlternateContent>", run("万元")), "支出1268.40万元"),
    (paragraph(run("支出"), '<mc:AlternateContent xmlns:w99="urn:example:future"><mc:Choice Requires="w99">'
               + run("555") + "</mc:Choice><mc:Fallback>" + run("1268.40") + "</mc:Fallback></mc:AlternateContent>",
               run("万元")), "支出1268.40万元"),  # a choice Word cannot understand: it shows the fallback
    (paragraph(run("支出"), "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>yī</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>1268.40"
               "</w:t></w:r></w:rubyBase></w:ruby></w:r>", run("万元")), "支出1268.40万元"),
]


def build(tmp_path: Path, paragraphs: list[str], tables: list[str] = (), name: str = "r.docx",
          hidden_style: bool = False, prepare=None) -> Path:
    document = docx.Document()
    if prepare is not None:
        prepare(document)
    body = document.element.body
    if hidden_style:
        style = document.styles.add_style("隐藏", docx.enum.style.WD_STYLE_TYPE.CHARACTER)
        style.font.hidden = True
        derived = document.styles.add_style("隐藏二", docx.enum.style.WD_STYLE_TYPE.CHARACTER)
        derived.base_style = style
        document.styles.add_style("隐藏段", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH).font.hidden = True
    for xml in [*paragraphs, *tables]:
        body.insert(len(body) - 1, parse_xml(xml))  # before w:sectPr
    path = tmp_path / name
    document.save(path)
    return path


def texts(path: Path) -> list[str]:
    return [" | ".join(b.cells) for b in read_document(path).blocks]


@pytest.mark.parametrize("xml, shown", SHOWN_AND_NOT, ids=[s for _, s in SHOWN_AND_NOT])
def test_a_paragraph_reads_as_word_shows_it(tmp_path, xml, shown):
    assert texts(build(tmp_path, [xml])) == [shown]


def test_of_alternative_paragraphs_only_the_one_word_shows_is_read(tmp_path):
    alternatives = (f"<mc:AlternateContent {W} {MC}><mc:Choice Requires=\"wps\">{paragraph(run('全年支出1268.40万元。'))}"
                    f"</mc:Choice><mc:Fallback>{paragraph(run('全年支出91268.40万元。'))}</mc:Fallback></mc:AlternateContent>")
    assert texts(build(tmp_path, [alternatives])) == ["全年支出1268.40万元。"]


def test_a_text_box_is_read_once_after_its_paragraph(tmp_path):
    path = build(tmp_path, [paragraph(run("正文"), text_box("框内支出 88.50 万元")), paragraph(run("下一段"))])
    assert texts(path) == ["正文", "框内支出 88.50 万元", "下一段"]


def test_text_hidden_by_a_style_is_not_read(tmp_path):
    path = build(tmp_path, [paragraph(run("支出"), run("7", '<w:rStyle w:val="隐藏二"/>'), run("300万元")),
                            paragraph(run("全段隐藏 999"), props='<w:pStyle w:val="隐藏段"/>'),
                            paragraph(run("段隐藏而本句显示"), props='<w:pStyle w:val="隐藏段"/>').replace(
                                "<w:rPr></w:rPr>", '<w:rPr><w:vanish w:val="0"/></w:rPr>')], hidden_style=True)
    assert texts(path) == ["支出300万元", "段隐藏而本句显示"]
    assert read_document(path).skipped == ("Word 文件中隐藏文字 2 处未读取（Word 不显示）",)


def test_a_content_control_around_paragraphs_and_rows_is_read_through(tmp_path):
    rows = ("<w:tbl " + W + "><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
            "<w:tr><w:tc><w:p>" + run("指标") + "</w:p></w:tc><w:tc><w:p>" + run("值") + "</w:p></w:tc></w:tr>"
            "<w:sdt><w:sdtPr/><w:sdtContent><w:tr><w:tc><w:p>" + run("预算执行率") + "</w:p></w:tc><w:tc><w:p>"
            + run("9", "<w:vanish/>") + run("95.5%") + "</w:p></w:tc></w:tr></w:sdtContent></w:sdt>"
            '<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr><w:tc><w:p>' + run("删去的行") + "</w:p></w:tc>"
            "<w:tc><w:p>" + run("1") + "</w:p></w:tc></w:tr></w:tbl>")
    block = f"<w:sdt {W}><w:sdtPr/><w:sdtContent>" + paragraph(run("控件中的段落")).replace(f" {W} {MC}", "") \
        + "</w:sdtContent></w:sdt>"
    path = build(tmp_path, [block], [rows])
    assert texts(path) == ["控件中的段落", "指标 | 值", "预算执行率 | 95.5%"]
    assert sorted(read_document(path).skipped) == ["Word 文件中修订中删除的文字 1 处未读取（Word 不显示）",
                                                   "Word 文件中隐藏文字 1 处未读取（Word 不显示）"]


def test_what_was_left_out_is_said_once_per_kind(tmp_path):
    path = build(tmp_path, [xml for xml, _ in SHOWN_AND_NOT])
    skipped = read_document(path).skipped
    assert len(skipped) == len(set(skipped)) == 4
    for kind in ("隐藏文字 1 处", "修订中删除的文字 1 处", "修订中移走的文字 1 处", "内容控件的占位提示文字 1 处"):
        assert any(kind in s for s in skipped), kind
    # V18: Word shows a control's prompt, greyed: left out as no content, not as something Word hides
    assert "Word 文件中内容控件的占位提示文字 1 处未读取（Word 以灰色显示的填写提示，不是报告内容）" in skipped
    assert read_document(build(tmp_path, [paragraph(run("干净"))], name="clean.docx")).skipped == ()


def test_footnotes_and_endnotes_shown_but_not_read_are_said(tmp_path):
    note = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{0} w:id="{1}"/></w:r>'
    path = build(tmp_path, [paragraph(run("支出1268.40万元"), note.format("footnoteReference", 1)),
                            paragraph(run("结余"), note.format("footnoteReference", 2), note.format("endnoteReference", 1))])
    assert texts(path) == ["支出1268.40万元", "结余"]
    assert read_document(path).skipped == ("Word 文件中脚注 2 处的文字未读取（Word 在页面底端或文末显示，请对照原文）",
                                           "Word 文件中尾注 1 处的文字未读取（Word 在页面底端或文末显示，请对照原文）")


def test_a_chunk_word_imports_from_another_file_is_said(tmp_path):
    chunk = f'<w:altChunk {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="x"/>'
    path = build(tmp_path, [paragraph(run("正文")), chunk])
    assert texts(path) == ["正文"]
    assert read_document(path).skipped == (
        "Word 文件中嵌入的外部文档块（altChunk） 1 处的文字未读取（Word 打开时显示其内容，请在 Word 中另存一份后再读）",)


def test_the_draft_carries_what_was_left_out(tmp_path, capsys):
    lines = NARRATIVE.read_text(encoding="utf-8").splitlines()
    paragraphs = [paragraph(run(line)) for line in lines if line.strip() and not line.startswith("\t")]
    paragraphs.insert(3, paragraph(run("另有结余"), run("9", "<w:vanish/>"), run("12.5万元。")))
    report = build(tmp_path, paragraphs)
    target = tmp_path / "d.yaml"
    assert main(["draft", str(report), "-o", str(target), "--unit-id", "qinghe_archives_2023"]) == 0, \
        capsys.readouterr().err
    head = target.read_text(encoding="utf-8").split("\ndrafted_from:")[0]
    assert "# 未读取：Word 文件中隐藏文字 1 处未读取（Word 不显示）" in head.splitlines()
    assert "912.5" not in target.read_text(encoding="utf-8")


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("second", ["word/document.xml", "word/Document.xml"])  # Word holds both names one part
def test_a_part_stored_twice_is_refused(tmp_path, second):
    path = build(tmp_path, [paragraph(run("显示的文本"))])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    forged = io.BytesIO()
    with zipfile.ZipFile(forged, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
        z.writestr(second, parts["word/document.xml"].replace("显示的文本".encode(), "另一份文本".encode()))
    (tmp_path / "twice.docx").write_bytes(forged.getvalue())
    with pytest.raises(DraftError, match=f"holds one part twice \\({second}"):
        read_document(tmp_path / "twice.docx")


M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'


def field(code: str, *result: str) -> str:
    """A complex field: its code (text, or runs of other fields nested in it), then its cached result."""
    mark = '<w:r><w:fldChar w:fldCharType="{}"/></w:r>'.format
    return mark("begin") + code + mark("separate") + "".join(result) + mark("end")


def instr(text: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'


def cell_table(cell_props: str, *inner: str) -> str:
    return (f"<w:tbl {W}><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr>{cell_props}</w:tcPr>"
            f"<w:p>{''.join(inner)}</w:p></w:tc></w:tr></w:tbl>")


def _white_style(document) -> None:
    from docx.shared import RGBColor

    style = document.styles.add_style("白字", docx.enum.style.WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    document.styles.add_style("白字二", docx.enum.style.WD_STYLE_TYPE.CHARACTER).base_style = style


UNSEEN = [  # (paragraph XML, what Word shows, what was left out)
    (paragraph(run("支出"), field(instr(" IF ") + field(instr(" = 1 "), run("1")) + instr(' = 1 "9999" "x" '),
                                    run("2450.60")), run("万元")), "支出2450.60万元", "域代码中嵌套域的结果 1 处"),
    (paragraph(run("支出"), run("9", '<w:color w:val="FFFFFF"/>'), run("2450.60万元")), "支出2450.60万元",
     "白色（与页面同色）的文字 1 处"),
    (paragraph(run("支出"), run("9", '<w:rStyle w:val="白字二"/>'), run("2450.60万元")), "支出2450.60万元",
     "白色（与页面同色）的文字 1 处"),  # white through a style based on a white one
    (paragraph(run("支出"), run("9", '<w:sz w:val="1"/>'), run("2450.60万元")), "支出2450.60万元",
     "字号小于 1 磅的文字 1 处"),
    (paragraph(run("支出"), f'<m:oMath {M}><m:r><m:t>2450.60</m:t></m:r></m:oMath>', run("万元")), "支出2450.60万元",
     None),
    (paragraph(run("占比"), f'<m:oMath {M}><m:f><m:num><m:r><m:t>1</m:t></m:r></m:num><m:den><m:r><m:t>4</m:t></m:r>'
               '</m:den></m:f></m:oMath>'), "占比", "含分式、上下标等结构的公式 1 处"),  # 1/4 is not 14
    (paragraph(run("变动率为"), '<w:r><w:sym w:font="Symbol" w:char="F02D"/><w:t>20%</w:t></w:r>'), "变动率为\u221220%",
     None),
    (paragraph(run("标记"), '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'), "标记", "符号字体中的字符 1 处"),
]


@pytest.mark.parametrize("xml, shown, left_out", UNSEEN, ids=["nested field", "white", "white by style", "tiny",
                                                               "equation", "fraction", "symbol minus", "picture font"])
def test_what_cannot_be_seen_is_not_read_and_is_said(tmp_path, xml, shown, left_out):
    path = build(tmp_path, [xml], prepare=_white_style)
    assert texts(path) == [shown]
    skipped = read_document(path).skipped
    assert skipped == ((f"Word 文件中{left_out}未读取（Word 不显示）",) if left_out else ()), skipped


@pytest.mark.parametrize("xml", [
    paragraph(run("9", '<w:color w:val="FFFFFF"/>'), run("2450.60"), props='<w:shd w:val="clear" w:fill="1F3864"/>'),
    paragraph(run("9", '<w:color w:val="FFFFFF"/><w:highlight w:val="black"/>'), run("2450.60")),
    paragraph(run("9", '<w:color w:val="FFFFFF"/><w:shd w:val="solid" w:color="000000" w:fill="auto"/>'),
              run("2450.60")),
    cell_table('<w:shd w:val="clear" w:fill="4472C4"/>', run("9", '<w:color w:val="FFFFFF"/>'), run("2450.60")),
])
def test_white_text_on_a_background_is_read(tmp_path, xml):
    path = build(tmp_path, [xml])
    assert texts(path) == ["92450.60"] and read_document(path).skipped == ()


def _strict(path: Path) -> Path:
    """The document as Word saves it as "Strict Open XML Document": the same parts, the namespaces of the standard's
    strict form."""
    import re

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    strict = path.with_name("strict.docx")
    with zipfile.ZipFile(strict, "w") as z:
        for name, data in parts.items():
            z.writestr(name, re.sub(rb"http://schemas\.openxmlformats\.org/(wordprocessingml|officeDocument|drawingml)"
                                    rb"/2006/", rb"http://purl.oclc.org/ooxml/\1/", data))
    return strict


def test_a_document_saved_as_strict_open_xml_is_read(tmp_path):
    path = _strict(build(tmp_path, [paragraph(run("支出"), run("9", "<w:vanish/>"), run("2450.60万元"))]))
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(path).read("word/document.xml")
    assert texts(path) == ["支出2450.60万元"]
    assert read_document(path).skipped == ("Word 文件中隐藏文字 1 处未读取（Word 不显示）",)


@pytest.mark.parametrize("document_xml, said", [
    (f"<w:document {W}><w:body>" + "<w:sdt><w:sdtContent>" * 300 + "</w:sdtContent></w:sdt>" * 300
     + "</w:body></w:document>", "deeper than 256 levels"),
    (f"<w:document {W}><w:body><w:p></w:body></w:document>", "not well-formed XML (line 1)"),
    (f"<w:other {W}/>", "not laid out as a Word document"),
])
def test_a_document_that_cannot_be_read_is_said_in_a_readers_words(tmp_path, document_xml, said):
    path = build(tmp_path, [paragraph(run("正文"))])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = document_xml.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with pytest.raises(DraftError) as caught:
        read_document(path)
    message = str(caught.value)
    assert said in message and "Error" not in message and "XML_PARSE_HUGE" not in message, message


def table(*rows: str, columns: int) -> str:
    return (f"<w:tbl {W}><w:tblPr/><w:tblGrid>{'<w:gridCol/>' * columns}</w:tblGrid>{''.join(rows)}</w:tbl>")


def row(*cells: str, props: str = "") -> str:
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def cell(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{run(text) if text else ''}</w:p></w:tc>"


def test_cells_stand_under_the_grid_columns_word_draws_them_in(tmp_path):
    """A label merged across two columns (w:gridSpan) was one cell: every value after it moved one column left, a
    执行率 of 98.75% stood under 全年执行数 (money) and the draft was refused. Cells are placed by grid column:
    spans, a row starting past the first column (w:gridBefore), and the lower part of a merge down (w:vMerge)."""
    xml = table(row(*(cell(h) for h in ("项目", "科目", "年初预算", "全年执行数", "执行率"))),
                row(cell("部门整体支出", '<w:gridSpan w:val="2"/>'), cell("2300.00"), cell("2262.75"), cell("98.38%")),
                row(cell("其中", '<w:vMerge w:val="restart"/>'), cell("基本支出"), cell("800.00"), cell("762.75"),
                    cell("95.34%")),
                row(cell("", "<w:vMerge/>"), cell("项目支出"), cell("1500.00"), cell("1500.00"), cell("100%")),
                row(cell("1500.00"), cell("1500.00"), cell("100%"), props='<w:gridBefore w:val="2"/>'), columns=5)
    rows = texts(build(tmp_path, [], [xml]))
    assert rows == ["项目 | 科目 | 年初预算 | 全年执行数 | 执行率", "部门整体支出 |  | 2300.00 | 2262.75 | 98.38%",
                    "其中 | 基本支出 | 800.00 | 762.75 | 95.34%", " | 项目支出 | 1500.00 | 1500.00 | 100%",
                    " |  | 1500.00 | 1500.00 | 100%"]


def test_a_span_past_words_column_limit_is_no_wider(tmp_path):
    xml = table(row(cell("合计", '<w:gridSpan w:val="999999"/>'), cell("12.00")), columns=2)
    assert texts(build(tmp_path, [], [xml])) == [" | ".join(["合计", *[""] * 62, "12.00"])]


def test_a_report_with_a_merged_label_in_its_budget_table_drafts_each_value_under_its_column(tmp_path):
    head = ["松岭县河道管理所2024年度部门整体支出绩效自评报告", "一、部门基本情况", "预算执行情况表（单位：万元）"]
    xml = table(row(*(cell(h) for h in ("项目", "科目", "全年预算", "全年执行数", "执行率"))),
                row(cell("部门整体支出", '<w:gridSpan w:val="2"/>'), cell("2300.00"), cell("2262.75"), cell("98.38%")),
                columns=5)
    path = build(tmp_path, [paragraph(run(line)) for line in head], [xml, paragraph(run("二、自评结论"))])
    assert main(["draft", str(path), "-o", str(tmp_path / "d.yaml")]) == 0
    text = (tmp_path / "d.yaml").read_text(encoding="utf-8")
    assert "executed: {value: 2262.75" in text and "value: 98.38" in text and "未通过校验" not in text


def test_a_superscript_marker_after_a_figure_is_no_digit_of_it_and_is_said(tmp_path):
    """A footnote marker set superscript by hand (w:vertAlign) after 42 was read into it: 在职 422人. After a Latin
    letter it is an exponent of a unit (m²) and stays; a footnote reference is said as a footnote, once."""
    sup = '<w:vertAlign w:val="superscript"/>'
    path = build(tmp_path, [paragraph(run("在职人员42"), run("2", sup), run("人，面积1200m"), run("2", sup), run("。"),
                                      '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                      '<w:footnoteReference w:id="1"/></w:r>')])
    assert texts(path) == ["在职人员42人，面积1200m2。"]
    assert read_document(path).skipped == (
        "Word 文件中接在数字或文字后的上标文字（脚注标记等） 1 处未读取（不作前面数字的一部分，请对照原文）",
        "Word 文件中脚注 1 处的文字未读取（Word 在页面底端或文末显示，请对照原文）")


def _theme_white_style(document) -> None:
    """A character style drawing its text in the theme's background colour (Word's own way of writing white)."""
    style = document.styles.add_style("底色字", docx.enum.style.WD_STYLE_TYPE.CHARACTER)
    style.element.get_or_add_rPr().append(parse_xml(f'<w:color {W} w:val="000000" w:themeColor="background1"/>'))


def hidden_box(text: str) -> str:
    content = f"<w:txbxContent><w:p>{run(text)}</w:p></w:txbxContent>"
    return ('<w:r><w:drawing><wp:anchor><wp:docPr id="7" name="框" hidden="1"/><a:graphic><a:graphicData><wps:wsp>'
            f"<wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>")


def hidden_vml_box(text: str) -> str:
    return (f'<w:r><w:pict><v:shape style="position:absolute;width:200pt;visibility:hidden"><v:textbox>'
            f"<w:txbxContent><w:p>{run(text)}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>")


NOT_SEEN = "（Word 不显示）"
SEEN_APART = [  # (paragraph XML, what is read, what is said)
    (paragraph(run("支出"), run("9", '<w:color w:val="000000" w:themeColor="background1"/>'), run("2450.60万元")),
     "白色（与页面同色）的文字 1 处未读取" + NOT_SEEN),
    (paragraph(run("支出"), run("9", '<w:rStyle w:val="底色字"/>'), run("2450.60万元")),
     "白色（与页面同色）的文字 1 处未读取" + NOT_SEEN),
    (paragraph(run("支出"), run("9", '<w:color w:val="0A0A0A"/><w:shd w:val="clear" w:color="auto" w:fill="000000"/>'),
               run("2450.60万元")), "与底色同色的文字 1 处未读取" + NOT_SEEN),
    (paragraph(run("支出"), run("9", '<w:color w:val="000000"/><w:highlight w:val="black"/>'), run("2450.60万元")),
     "与底色同色的文字 1 处未读取" + NOT_SEEN),
    (paragraph(run("支出"), run("9", '<w:color w:val="FFFF00"/>'), run("2450.60万元"),
               props='<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>'), "与底色同色的文字 1 处未读取" + NOT_SEEN),
    (cell_table('<w:shd w:val="clear" w:color="auto" w:fill="C00000"/>', run("支出"), run("9", '<w:color w:val="C00000"/>'),
                run("2450.60万元")), "与底色同色的文字 1 处未读取" + NOT_SEEN),
    (paragraph(run("支出"), run("9", '<w:w w:val="1"/>'), run("2450.60万元")), "字符缩放小于 10% 的文字 1 处未读取" + NOT_SEEN),
    (paragraph(run("支出2450.60万元"), hidden_box("支出9999.00万元")), "隐藏的图形或文本框中的文字 1 处未读取" + NOT_SEEN),
    (paragraph(run("支出2450.60万元"), hidden_vml_box("支出9999.00万元")), "隐藏的图形或文本框中的文字 1 处未读取" + NOT_SEEN),
    (paragraph(run("支出"), run("9", "<w:strike/>"), run("2450.60万元")),
     "加删除线的文字 1 处未读取（Word 显示为划去，按已删去处理，请对照原文）"),
    (paragraph(run("支出"), run("9", "<w:dstrike/>"), run("2450.60万元")),
     "加删除线的文字 1 处未读取（Word 显示为划去，按已删去处理，请对照原文）"),
]


@pytest.mark.parametrize("xml, said", SEEN_APART, ids=["theme white", "theme white by style", "dark on dark shading",
                                                       "black highlight", "paragraph shading", "cell shading",
                                                       "1% scale", "hidden drawing", "hidden VML shape", "strike",
                                                       "double strike"])
def test_text_drawn_unseen_or_struck_through_is_not_read_and_is_said(tmp_path, xml, said):
    """Word draws a theme colour in place of w:val (000000 + background1 is white), text the colour of its run's,
    paragraph's or cell's shading or highlight cannot be seen, nor text scaled to 1 % or in a hidden drawing; a
    reader takes struck-through text as deleted: each "9" was read into 92450.60."""
    path = build(tmp_path, [xml], prepare=_theme_white_style)
    assert texts(path) == ["支出2450.60万元"]
    assert read_document(path).skipped == (f"Word 文件中{said}",)


@pytest.mark.parametrize("xml", [
    paragraph(run("9", '<w:color w:val="000000" w:themeColor="text1"/>'), run("2450.60")),
    paragraph(run("9", '<w:color w:val="FFFFFF" w:themeColor="background1" w:themeShade="80"/>'), run("2450.60")),
    paragraph(run("9", '<w:color w:val="FFFF00"/>'), run("2450.60"), props='<w:shd w:val="clear" w:fill="0000FF"/>'),
    paragraph(run("9", '<w:w w:val="50"/>'), run("2450.60")),
])
def test_text_seen_against_what_lies_behind_it_is_read(tmp_path, xml):
    path = build(tmp_path, [xml])
    assert texts(path) == ["92450.60"] and read_document(path).skipped == ()


DRAWN = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
         'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def drawing(uri: str, inner: str) -> str:
    return (f'<w:r {DRAWN}><w:drawing><wp:inline><wp:docPr id="3" name="图"/><a:graphic><a:graphicData uri="{uri}">'
            f"{inner}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>")


OLE = ('<w:r xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:object><v:shape id="o1" '
       'style="width:200pt;height:50pt"/><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="o1" '
       'r:id="rId99"/></w:object></w:r>')


@pytest.mark.parametrize("xml, said", [
    (drawing("http://schemas.openxmlformats.org/drawingml/2006/diagram",
             '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rId1"/>'),
     "SmartArt 图形 1 处的文字未读取（Word 显示为图形，其中的文字和数字请对照原文）"),
    (drawing("http://schemas.openxmlformats.org/drawingml/2006/chart",
             '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/>'),
     "图表 1 处的文字未读取（Word 显示为图形，其中的文字和数字请对照原文）"),
    (OLE, "嵌入的对象（OLE，如 Excel 工作表） 1 处的文字未读取（Word 显示为图片或图标，其中的表格和数字请对照原文）"),
], ids=["SmartArt", "chart", "OLE object"])
def test_drawings_made_from_data_of_their_own_are_said(tmp_path, xml, said):
    """A budget table pasted from Excel as an object, or figures in SmartArt, were dropped without a word."""
    path = build(tmp_path, [paragraph(run("部门整体支出情况见下图：")), paragraph(xml)])
    assert texts(path) == ["部门整体支出情况见下图："]
    assert read_document(path).skipped == (f"Word 文件中{said}",)


def test_a_drop_cap_and_a_line_break_inside_a_number_are_no_breaks_of_it(tmp_path):
    """A drop cap is a paragraph of its own framed beside the next (2 | 025年…: a figure 2 and the total left the
    catalogue); a soft line break inside 3752.48 kept only 3752."""
    cap = paragraph(run("2"), props='<w:framePr w:dropCap="drop" w:lines="2" w:wrap="around" w:vAnchor="text"/>')
    path = build(tmp_path, [cap, paragraph(run("025年部门整体支出3752"), "<w:r><w:br/></w:r>", run(".48万元。")),
                            paragraph(run("全年共开展培训"), "<w:r><w:br/></w:r>", run("12次。"))])
    assert texts(path) == ["2025年部门整体支出3752.48万元。", "全年共开展培训", "12次。"]  # a break between words stays


def test_a_frame_placed_off_the_page_is_not_read_and_is_said(tmp_path):
    frame = '<w:framePr w:w="2000" w:h="300" w:x="{x}" w:y="{y}" w:hAnchor="page" w:vAnchor="page"/>'
    path = build(tmp_path, [paragraph(run("支出9999.00万元。"), props=frame.format(x=-20000, y=-20000)),
                            paragraph(run("支出2450.60万元。")),
                            paragraph(run("（单位：万元）"), props=frame.format(x=8000, y=1200))])
    assert texts(path) == ["支出2450.60万元。", "（单位：万元）"]  # a frame on the page is read
    assert read_document(path).skipped == ("Word 文件中置于页面以外的图文框中的文字 1 处未读取（Word 不显示）",)


def _table_styles(document) -> None:
    """Table styles shading every cell navy, only a header row blue (w:tblStylePr), and none."""
    for name, shading in (("深色表", '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr>'),
                          ("表头色", '<w:tblStylePr w:type="firstRow"><w:tcPr><w:shd w:val="clear" w:fill="4472C4"/>'
                                    "</w:tcPr></w:tblStylePr>"),
                          ("无底色", "")):
        style = document.styles.add_style(name, docx.enum.style.WD_STYLE_TYPE.TABLE)
        for child in parse_xml(f"<w:x {W}>{shading}</w:x>"):
            style.element.append(child)


WHITE_CELL = run("核定编制48名", '<w:color w:val="FFFFFF"/>')


@pytest.mark.parametrize("style, read", [("深色表", True), ("表头色", True), ("无底色", False)])
def test_white_text_in_a_cell_its_table_style_shades_is_read(tmp_path, style, read):
    """White text in a table whose style paints every cell dark is seen in Word, and was left out as white on the
    page: 核定编制 48 was lost. A style shading only some cells (a header row) is not worked out: its text is read."""
    style_id = docx.Document().styles.add_style(style, docx.enum.style.WD_STYLE_TYPE.TABLE).style_id
    xml = (f'<w:tbl {W}><w:tblPr><w:tblStyle w:val="{style_id}"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>'
           f"<w:tr><w:tc><w:tcPr/><w:p>{WHITE_CELL}</w:p></w:tc></w:tr></w:tbl>")
    path = build(tmp_path, [paragraph(run("人员情况"))], [xml], prepare=_table_styles)
    assert ("核定编制48名" in texts(path)) is read
    assert bool(read_document(path).skipped) is not read


def test_the_numbers_of_an_automatic_list_are_read_as_word_draws_them(tmp_path):
    """Project headings numbered by Word's automatic list (style List Number: Word shows 1. 耕地保护项目) were read
    bare, so the projects left the report's structure and the .docx drafted otherwise than its .txt (trial 4's U35).
    The number Word draws is read before the paragraph; a paragraph whose numbering is taken off (numId 0) has none."""
    from perfeval.intake.word_numbering import formatted

    def numbered(document) -> None:
        for name in ("耕地保护项目", "测绘地理信息项目"):
            document.add_paragraph(name, style="List Number")
        document.add_paragraph("不编号的段落", style="List Number").paragraph_format.element.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W}><w:numId w:val="0"/></w:numPr>'))
        document.add_paragraph("地质灾害防治项目", style="List Number")

    assert texts(build(tmp_path, [], prepare=numbered)) == [
        "1. 耕地保护项目", "2. 测绘地理信息项目", "不编号的段落", "3. 地质灾害防治项目"]
    assert [formatted(n, "chineseCounting") for n in (1, 10, 12, 20, 105)] == ["一", "十", "十二", "二十", "一百零五"]
    assert [formatted(3, f) for f in ("decimalEnclosedCircle", "ideographTraditional", "upperRoman", "bullet")] == [
        "③", "丙", "III", ""]


def floating_box(text: str, position: str = "", fill: str = "", props: str = "") -> str:
    """A text box floating on the page (wp:anchor) at `position` (wp:positionH/V), its shape filled by `fill`."""
    return (f"<w:r><w:drawing><wp:anchor>{position}<wp:extent cx=\"1828800\" cy=\"457200\"/><wp:docPr id=\"9\" "
            f"name=\"框\"/><a:graphic><a:graphicData><wps:wsp><wps:spPr>{fill}</wps:spPr><wps:txbx><w:txbxContent>"
            f"<w:p>{run(text, props)}</w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
            "</wp:anchor></w:drawing></w:r>")


WHITE = '<w:color w:val="FFFFFF"/>'
OFF_PAGE = ('<wp:positionH relativeFrom="page"><wp:posOffset>-9000000</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="page"><wp:posOffset>914400</wp:posOffset></wp:positionV>')
DARK = '<a:solidFill><a:srgbClr val="1F3864"/></a:solidFill>'
THEMED_WHITE = '<a:solidFill><a:schemeClr val="bg1"/></a:solidFill>'


@pytest.mark.parametrize("xml, read, said", [
    (floating_box("9999.00", OFF_PAGE), [], ["Word 文件中置于页面以外的图文框中的文字 1 处未读取（Word 不显示）"]),
    (floating_box("1234.50", fill=DARK, props=WHITE), ["1234.50"], []),
    (floating_box("9999.00", fill=THEMED_WHITE, props=WHITE), [""],
     ["Word 文件中白色（与页面同色）的文字 1 处未读取（Word 不显示）"]),
    ('<w:r><w:pict><v:rect fillcolor="#1f3864"><v:textbox><w:txbxContent><w:p>' + run("1234.50", WHITE)
     + "</w:p></w:txbxContent></v:textbox></v:rect></w:pict></w:r>", ["1234.50"], []),
], ids=["off the page", "white on a dark box", "white on a white box", "white on a dark VML box"])
def test_a_floating_text_box_is_read_as_word_shows_it_on_the_page(tmp_path, xml, read, said):
    """Item 4's second forms in Word: a text box floated off the page (wp:posOffset of −25 cm) was read; white text
    on a box filled dark was dropped as white on the page; the box's own fill (its theme colour resolved) is what
    its text is seen against."""
    items = list(docx_items(build(tmp_path, [paragraph(run("正文2864.30"), xml)])))
    assert [i for i in items if isinstance(i, str)] == ["正文2864.30", *read]
    assert [i.note for i in items if isinstance(i, Skipped)] == said


OPAQUE_SHAPE = ('<w:r><w:drawing><wp:anchor behindDoc="{behind}"><wp:wrapNone/><wp:docPr id="9" name="遮"/><a:graphic>'
                '<a:graphicData><wps:wsp><wps:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></wps:spPr>'
                "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>")


@pytest.mark.parametrize("behind, said", [("0", ["Word 文件中浮于文字上方的不透明图形 1 处：其下哪些文字被遮盖须排版才能确定，"
                                                 "这些文字已照常读取，请对照 Word 显示核对"]), ("1", [])])
def test_an_opaque_shape_in_front_of_the_text_is_said_as_uncertain_its_text_read(tmp_path, behind, said):
    """A white shape floated in front of the text covers whatever a layout puts under it: that text is read and the
    shape said, never silently; behind the text it hides nothing."""
    items = list(docx_items(build(tmp_path, [paragraph(run("支出9999.00"), OPAQUE_SHAPE.format(behind=behind))])))
    assert [i for i in items if isinstance(i, str)] == ["支出9999.00"]
    assert [i.note for i in items if isinstance(i, Skipped)] == said


def test_a_deletion_tracked_inside_a_cell_is_not_read(tmp_path):
    deleted = '<w:del w:id="2" w:author="a"><w:r><w:delText>9999.00</w:delText></w:r></w:del>'
    table_xml = table(row(f"<w:tc><w:tcPr/><w:p>{run('支出')}{deleted}{run('2864.30')}</w:p></w:tc>"), columns=1)
    items = list(docx_items(build(tmp_path, [], [table_xml])))
    assert [i.cells for i in items if isinstance(i, Row)] == [("支出2864.30",)]
    assert [i.note for i in items if isinstance(i, Skipped)] == ["Word 文件中修订中删除的文字 1 处未读取（Word 不显示）"]


def test_a_header_and_footer_are_not_read_and_are_said(tmp_path):
    """Word prints its headers and footers on every page (the unit's name, 第 N 页, a text box with a figure): no text
    of the report, as a PDF's running lines are not; they were left out without a word."""
    document = docx.Document()
    document.add_paragraph("正文2864.30")
    section = document.sections[0]
    section.header.paragraphs[0].text = "青溪县自然资源局"
    section.footer.paragraphs[0].text = "第 1 页"
    path = tmp_path / "margins.docx"
    document.save(path)
    items = list(docx_items(path))
    assert [i for i in items if isinstance(i, str)] == ["正文2864.30"]
    assert [i.note for i in items if isinstance(i, Skipped)] == [
        "Word 文件中页眉、页脚 2 处的文字未作正文读取（每页重复印出，请对照原文）"]


@pytest.mark.parametrize("mark", ["<w:rPr><w:vanish/></w:rPr>", "<w:rPr><w:specVanish/></w:rPr>",
                                  '<w:rPr><w:del w:id="7" w:author="a"/></w:rPr>',
                                  '<w:rPr><w:moveFrom w:id="8" w:author="a"/></w:rPr>'])
def test_a_paragraph_whose_mark_is_hidden_is_shown_joined_to_the_next(tmp_path, mark):
    """Word draws a paragraph whose mark is hidden (w:vanish on the mark, or its style separator, w:specVanish) or
    deleted in tracked changes (read accepted, as every tracked deletion) and the next as one: read apart, 6120. and
    35万元 lost the figure (W22). A mark shown (w:val="0") ends the paragraph."""
    first, second = paragraph(run("本年度支出6120."), props=mark), paragraph(run("35万元，较上年增长3%。"))
    assert [i for i in docx_items(build(tmp_path, [first, second])) if isinstance(i, str)] == [
        "本年度支出6120.35万元，较上年增长3%。"]
    shown = paragraph(run("本年度支出6120."), props='<w:rPr><w:vanish w:val="0"/></w:rPr>')
    assert [i for i in docx_items(build(tmp_path, [shown, second])) if isinstance(i, str)] == [
        "本年度支出6120.", "35万元，较上年增长3%。"]


@pytest.mark.parametrize("decoy", [False, True])
def test_the_part_the_package_names_as_its_document_is_read_whatever_its_name(tmp_path, decoy):
    """Word Online saves its document as word/document2.xml, named by the package's officeDocument relationship: it
    was refused as "no word/document.xml". A word/document.xml no relationship names is not what Word shows."""
    path = build(tmp_path, [paragraph(run("部门整体支出1268.40万元。"))])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    renamed = io.BytesIO()
    with zipfile.ZipFile(renamed, "w") as z:
        for name, data in parts.items():
            data = data.replace(b"/word/document.xml", b"/word/document2.xml").replace(
                b'Target="word/document.xml"', b'Target="/word/document2.xml"')
            z.writestr({"word/document.xml": "word/document2.xml",
                        "word/_rels/document.xml.rels": "word/_rels/document2.xml.rels"}.get(name, name), data)
        if decoy:
            z.writestr("word/document.xml", parts["word/document.xml"].replace("1268.40".encode(), b"91268.4"))
    (tmp_path / "online.docx").write_bytes(renamed.getvalue())
    assert texts(tmp_path / "online.docx") == ["部门整体支出1268.40万元。"]
    from perfeval.intake.documents import looks_like

    assert looks_like(renamed.getvalue()) == "a Word file (.docx); give it with the .docx extension"
