"""A PDF's text laid out back into the paragraphs it was typed as: 公文 set with fixed line spacing and no space
between paragraphs, as a browser or Word prints it. Every PDF is written here (fpdf2, the project's Noto Sans SC cut
down to the characters needed), and read beside the same report as text."""
from __future__ import annotations

from pathlib import Path

import pytest

from perfeval.core.script import ideographs
from perfeval.outputs.draft import draft_report
from report_files import truetype_font

# as Chromium's print writes them: a glyph drawn for both 一 and ⼀ is given the radical's character (⼀⼈⽀⻔)
REPORT = ["柳塘县⽔利⼯程管理站2025年度部⻔整体⽀出绩效⾃评报告", "⼀、部⻔基本情况", "（⼀）⼈员情况",
          "2025年末核定编制48名，实际在职⼈员42⼈，在职⼈员控制率为87.5%。", "（⼆）⽀出规模",
          "2025年部⻔整体⽀出3752.48万元。其中，基本⽀出1252.48万元；项⽬⽀出2500.00万元。基本⽀出中，⼈员经费"
          "1000.00万元，公⽤经费252.48万元。", "⼆、⾃评结论", "⾃评得分91分，评价等级为优。"]


def _pdf(tmp_path: Path, paragraphs: list[str], name: str = "report.pdf") -> Path:
    """A4, 11 points on fixed 6 mm lines, each paragraph wrapped at the right margin and none set apart."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    font = truetype_font("".join(paragraphs), tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    for text in paragraphs:
        pdf.multi_cell(0, 6, text, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.output(str(tmp_path / name))
    return tmp_path / name


def _drafted(path: Path) -> dict:
    params = draft_report(path).params
    return {k: v for k, v in params.items() if k != "unit"}


def test_a_heading_on_its_own_line_is_no_part_of_the_paragraph_under_it(tmp_path):
    """The headings' numbers came out as radicals (（⼀）), so a short heading line was not a heading, and the line
    under it, opening with a figure, was taken for its wrapped rest: （一）人员情况2025年末核定编制48名 — 编制 and 部门整体
    支出 left the catalogue. The PDF drafts as its text does."""
    text = tmp_path / "report.txt"
    text.write_text("\n".join(ideographs(p) for p in REPORT) + "\n", encoding="utf-8")
    pdf = _drafted(_pdf(tmp_path, REPORT))
    assert pdf["figures"]["staff"]["authorized"]["value"] == 48
    assert str(pdf["figures"]["lines"]["total"]["final"]["value"]) == "3752.48"
    assert pdf == _drafted(text)


def _written(tmp_path: Path, parts: list[tuple[str, str]]) -> Path:
    """One paragraph a run at a time, each run "plain", "sup" (superscript: smaller, raised), "high" (superscript
    raised 0.7 of the size, as a browser sets <sup>), "spaced" (letter-spaced by 2 mm) or "break" (a line break
    after it)."""
    from fpdf import FPDF

    font = truetype_font("".join(text for text, _ in parts), tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    for text, how in parts:
        pdf.char_vpos = "SUP" if how in ("sup", "high") else "LINE"
        pdf.sup_lift = 0.7 if how == "high" else 0.4
        pdf.set_char_spacing(6 if how == "spaced" else 0)
        pdf.write(6, text)
        if how == "break":
            pdf.ln(6)
    pdf.output(str(tmp_path / "report.pdf"))
    return tmp_path / "report.pdf"


def _read(path: Path) -> tuple[list[str], list[str]]:
    from perfeval.intake.documents import Skipped
    from perfeval.intake.pdf import pdf_items

    items = list(pdf_items(path))
    return [i for i in items if isinstance(i, str)], [i.note for i in items if isinstance(i, Skipped)]


def test_a_superscript_marker_after_a_figure_is_no_digit_of_it_and_is_said(tmp_path):
    """A footnote marker set superscript (smaller, raised) after 42 was read into it: 在职 422人, 2500.001万元."""
    text, said = _read(_written(tmp_path, [("实际在职人员42", "plain"), ("2", "sup"), ("人，项目支出2500.00", "plain"),
                                           ("1", "sup"), ("万元，建筑面积1200m", "plain"), ("2", "sup"), ("。", "plain")]))
    assert text == ["实际在职人员42人，项目支出2500.00万元，建筑面积1200m2。"]  # m² is a unit: its 2 stays
    assert said == ["PDF 中接在数字或文字后的上标小字（脚注标记等）2 个字符未读取（不作前面数字的一部分，请对照原文）"]


def test_a_letter_spaced_figure_is_one_figure(tmp_path):
    text, _ = _read(_written(tmp_path, [("部门整体支出", "plain"), ("3752.48", "spaced"), ("万元，在职12 3人。", "plain")]))
    assert text == ["部门整体支出3752.48万元，在职12 3人。"]  # two numbers a space apart stay two


def test_a_figure_cut_after_its_point_at_a_line_end_is_joined(tmp_path):
    """A line ending 3752. (short: a forced break) and the next opening 48万元 were two paragraphs, and the total
    was drafted as 48."""
    wide = "本所负责全县河道的日常巡查、清淤疏浚、堤防维修养护和防汛抢险工作，下设三个管理站，在职人员分属各站。" * 2
    text, _ = _read(_written(tmp_path, [(wide, "break"), ("部门整体支出3752.", "break"), ("48万元。", "break"),
                                        ("1.", "break"), ("2025年度目标", "plain")]))
    assert text == [wide, "部门整体支出3752.48万元。", "1.", "2025年度目标"]  # a heading number is no cut figure


def _two_columns(tmp_path: Path, left: list[str], right: list[str], title: str = "", offset: float = 0.0) -> Path:
    """A4 set in two columns 85 mm wide, 10 mm apart (a title across both first, if given), the right column's
    lines `offset` mm lower than the left's."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    font = truetype_font(title + "".join(left + right), tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    if title:
        pdf.multi_cell(0, 6, title, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    top = pdf.get_y()
    for x, paragraphs, lower in ((10, left, 0.0), (105, right, offset)):
        pdf.set_xy(x, top + lower)
        for text in paragraphs:
            pdf.multi_cell(85, 6, text, wrapmode=WrapMode.CHAR, new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.output(str(tmp_path / "report.pdf"))
    return tmp_path / "report.pdf"


@pytest.mark.parametrize("offset", [0.0, 2.5])
def test_a_page_in_two_columns_is_read_column_by_column(tmp_path, offset):
    """The two columns' lines at one height were one line: sentences of the left and right column were spliced
    (…实际支出30.00 评价…) and figures left the catalogue. A title across both columns is read first. Columns whose
    lines are not at one height (a browser's CSS columns: trial 7's X44) were read a line of each in turn, as no
    line had text on both sides of the gutter."""
    text = tmp_path / "report.txt"
    paragraphs = [ideographs(p) for p in REPORT]
    text.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    pdf = _two_columns(tmp_path, paragraphs[1:5], paragraphs[5:], title=paragraphs[0], offset=offset)
    assert _drafted(pdf) == _drafted(text)


def test_a_page_of_prose_has_no_gutter(tmp_path):
    """Lines that run across the page's middle leave no blank band there: the page is read line by line."""
    import pdfplumber

    from perfeval.intake.pdf_columns import gutter

    lines = [f"第{k}项工作已按计划完成，全年累计完成投资{k}.50万元，验收合格率为百分之百。" for k in range(1, 9)]
    path = _two_columns(tmp_path, [], [], title="\n".join(lines))
    with pdfplumber.open(path) as pdf:
        assert gutter(pdf.pages[0].extract_text_lines(return_chars=True)) is None


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_turned_with_its_text_on_its_side_is_read_as_its_text_was_set(tmp_path, rotation):
    """A page turned by /Rotate 90 (turned in a viewer and saved) was read bottom line first, with lines cut at
    the wrong place: the year and half the catalogue were lost. Turned 180 (upside down), no unit name and no
    catalogue figure was read (trial 3's T55)."""
    import pypdfium2

    text = tmp_path / "report.txt"
    text.write_text("\n".join(ideographs(p) for p in REPORT) + "\n", encoding="utf-8")
    upright = _pdf(tmp_path, REPORT, name="upright.pdf")
    document = pypdfium2.PdfDocument(upright)
    for page in document:
        page.set_rotation(rotation)
    document.save(tmp_path / "report.pdf")
    document.close()
    assert _drafted(tmp_path / "report.pdf") == _drafted(text)


@pytest.mark.parametrize("angle", [90, -90])
def test_text_drawn_turned_on_an_upright_page_is_read_in_its_own_direction(tmp_path, angle):
    """An upright page whose text is drawn turned a quarter (a landscape table printed onto a portrait page; trial
    3's T55) was read one glyph a line across the turned lines: the year taken from a fragment, half the catalogue
    lost. Its lines are read in the direction they run."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    text = tmp_path / "report.txt"
    text.write_text("\n".join(ideographs(p) for p in REPORT) + "\n", encoding="utf-8")
    font = truetype_font("".join(REPORT), tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    with pdf.rotation(angle, x=105, y=105):
        for paragraph in REPORT:
            pdf.multi_cell(0, 6, paragraph, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.output(str(tmp_path / "report.pdf"))
    assert _drafted(tmp_path / "report.pdf") == _drafted(text)


def test_two_ruled_tables_one_under_the_other_are_read_each_by_its_own_columns(tmp_path):
    """pdfplumber took a budget table of 7 columns and an indicator table of 5 printed under it for one grid of
    both's columns: the rows came out with empty cells between the values, which stood under the wrong heading
    (全年执行数 3800, a 超预算 warning on a correct report). A cell wrapped inside its cell is one text."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    budget = [["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
              ["年度资金总额", "3600", "3800", "3752.48", "10", "98.75%", "10"]]
    indicators = [["一级指标", "三级指标", "指标值", "实际完成值", "得分"],
                  ["产出指标", "堤防巡查里程（全年累计完成）", "1500", "1500", "28"]]
    font = truetype_font("".join(c for row in budget + indicators for c in row), tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=9)
    for rows, widths in ((budget, (3, 2, 2, 2, 1, 2, 1)), (indicators, (2, 3, 2, 2, 1))):
        with pdf.table(first_row_as_headings=False, wrapmode=WrapMode.CHAR, line_height=5, col_widths=widths) as table:
            for cells in rows:
                row = table.row()
                for text in cells:
                    row.cell(text)
    pdf.output(str(tmp_path / "report.pdf"))
    from perfeval.intake.pdf import pdf_items

    read = [(item.table, item.cells) for item in pdf_items(tmp_path / "report.pdf") if not isinstance(item, str)]
    assert [cells for _, cells in read] == [tuple(r) for r in budget + indicators]
    assert [table for table, _ in read] == [1, 1, 2, 2]


def test_a_comment_a_viewer_shows_on_the_page_is_said(tmp_path):
    """A total written only in a text-box comment (a FreeText annotation, drawn on the page by every viewer) was
    lost without a word; a note shown only as an icon (/Text) is no text of the page."""
    from fpdf import FPDF

    font = truetype_font("部门整体支出（见批注）。3752.48万元", tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    pdf.multi_cell(0, 6, "部门整体支出（见批注）。")
    pdf.free_text_annotation("部门整体支出3752.48万元。", x=20, y=40, w=80, h=10)
    pdf.text_annotation(20, 60, "部门整体支出3752.48万元。")
    pdf.output(str(tmp_path / "report.pdf"))
    assert _read(tmp_path / "report.pdf") == (
        ["部门整体支出（见批注）。"], ["PDF 中页面上显示的批注（文本框批注）1 处的文字未读取（阅读器显示，请对照原文）"])


def test_a_page_of_pictures_and_no_text_is_said(tmp_path):
    """A signed and stamped 自评表 page scanned into a PDF of text pages was left out without a word (trial 3 T51);
    a blank page holds nothing to say."""
    from fpdf import FPDF
    from PIL import Image

    scan = tmp_path / "scan.png"
    Image.new("RGB", (200, 280), "white").save(scan)
    font = truetype_font("部门整体支出3752.48万元。", tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "部门整体支出3752.48万元。")
    pdf.add_page()
    pdf.image(str(scan), x=10, y=10, w=190)
    pdf.add_page()  # blank
    pdf.output(str(tmp_path / "report.pdf"))
    assert _read(tmp_path / "report.pdf") == (
        ["部门整体支出3752.48万元。"], ["PDF 第 2 页只有图片、没有文字层（扫描件？），其内容未读取（请对照原文）"])


def test_a_side_note_turned_on_an_upright_page_is_said_not_read_across(tmp_path):
    """A few glyphs drawn turned beside upright text (a side note, a turned label) were read across as the page's
    lines: reversed (金资余结有另), and their digits dropped as "superscript markers". They are left out and said."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    from perfeval.intake.pdf import pdf_items

    side = "页边说明：另有结余资金9999.00万元"
    font = truetype_font("".join(REPORT) + side, tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    for paragraph in REPORT:
        pdf.multi_cell(0, 6, paragraph, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    with pdf.rotation(90, x=200, y=150):
        pdf.text(200, 150, side)
    pdf.output(str(tmp_path / "report.pdf"))
    items = list(pdf_items(tmp_path / "report.pdf"))
    assert [x for x in items if isinstance(x, str)] == [ideographs(p) for p in REPORT]
    assert [x.note for x in items if not isinstance(x, str)] == [
        f"PDF 中与正文方向不同（旋转排列）的文字 {len(side)} 个字符未读取（请对照原文）"]


def test_text_drawn_twice_over_itself_is_read_once(tmp_path):
    """A bold made by drawing each glyph twice a third of a point apart (WPS and Word fake bold for 仿宋 and 楷体 so;
    a text shadow prints alike) was read doubled, 22886644..3300万万元: the total dropped without a word, and a bold
    title lost the unit's name (trial 4's U14). Each glyph is read once, as it shows."""
    from fpdf import FPDF

    from perfeval.intake.pdf import pdf_items

    lines = ["柳塘县水利工程管理站2025年度部门整体支出绩效自评报告", "2025年部门整体支出3752.48万元。"]
    font = truetype_font("".join(lines), tmp_path / "font.ttf")
    read = []
    for times in (1, 2):
        pdf = FPDF(format="A4")
        pdf.add_page()
        pdf.add_font("noto", "", str(font))
        pdf.set_font("noto", size=10)
        for k, line in enumerate(lines):
            for again in range(times):
                pdf.text(20 + 0.12 * again, 30 + 20 * k, line)  # 0.12 mm: a third of a point
        pdf.output(str(tmp_path / f"drawn{times}.pdf"))
        read.append(list(pdf_items(tmp_path / f"drawn{times}.pdf")))
    assert read[1] == read[0] == lines


def test_a_marker_raised_off_its_line_after_a_word_is_no_part_of_the_line_under_it(tmp_path):
    """A footnote marker after 万元 raised as a browser sets <sup> became a line of its own, read as the start of the
    line: 12024年部门整体支出…, the total left the catalogue (trial 4's U15). It is left out and said, as after a
    figure; after a Latin letter (m²) it stays."""
    text, said = _read(_written(tmp_path, [("2024年部门整体支出2864.30万元", "plain"), ("1", "high"),
                                           ("，其中基本支出964.30万元。", "plain")]))
    assert text == ["2024年部门整体支出2864.30万元，其中基本支出964.30万元。"]
    assert said == ["PDF 中接在数字或文字后的上标小字（脚注标记等）1 个字符未读取（不作前面数字的一部分，请对照原文）"]


NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")  # fonts-noto-cjk (Debian)


@pytest.mark.skipif(not NOTO_CJK.is_file(), reason="fonts-noto-cjk is not installed")
def test_text_pdfminer_cannot_decode_is_read_by_pdfium_as_a_viewer_shows_it(tmp_path):
    """fpdf2 with a CFF CJK font writes its encoding as a CMap embedded in the file: PDFium reads the text, pdfminer
    none, and the file was refused as "no text layer (a scanned image?)" (trial 4's U36), then as text it cannot
    decode (trial 7's X19: the report refused whole). Its text is read as PDFium gives it, less what a viewer does not
    show (white, invisible), and said; a page of it among pages pdfminer reads is named, not read."""
    from fpdf import FPDF

    from perfeval.intake.pdf import pdf_items

    def written(pages: list[str], decoy: str = "") -> Path:
        pdf = FPDF(format="A4")
        pdf.add_font("noto", "", str(truetype_font("".join(REPORT), tmp_path / "font.ttf")))
        pdf.add_font("cjk", "", str(NOTO_CJK), collection_font_number=0)
        for font in pages:
            pdf.add_page()
            pdf.set_font(font, size=11)
            for paragraph in REPORT[3:6]:
                pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            if decoy:
                pdf.set_text_color(255, 255, 255)
                pdf.multi_cell(0, 6, decoy, new_x="LMARGIN", new_y="NEXT")
                pdf.set_text_color(0, 0, 0)
        pdf.output(str(tmp_path / "report.pdf"))
        return tmp_path / "report.pdf"

    items = list(pdf_items(written(["cjk"], decoy="经复核，自评得分99分。")))
    assert [i for i in items if isinstance(i, str)] == [ideographs(p) for p in REPORT[3:6]]
    assert [i.note for i in items if not isinstance(i, str)] == [
        "PDF 第 1 页的字体编码（文件内嵌的 CMap）版面分析读不出，其文字改由 PDFium 按文本读取：段落按行宽接续，表格不按框线分列，请对照原文",
        "PDF 中阅读器不显示的文字（不可见、透明、白色、字号小于 1 磅或在页面以外）12 个字符未读取"]
    items = list(pdf_items(written(["noto", "cjk"])))
    assert [i for i in items if isinstance(i, str)] == [ideographs(p) for p in REPORT[3:6]]
    assert [i.note for i in items if not isinstance(i, str)] == ["PDF 第 2 页的文字无法解码（字体编码读不出），未读取（请对照原文）"]


def test_text_neither_pdfminer_nor_pdfium_can_name_is_not_extractable(tmp_path):
    """The CMap-encoded font of the test above with its ToUnicode map taken out: PDFium gives each glyph's code
    (!"#$…, trial 7's X38 drafted 58 such "figures"); the file is refused as not extractable, not read."""
    import re

    from fpdf import FPDF

    from perfeval.errors import DraftError
    from perfeval.intake.pdf import pdf_items

    pdf = FPDF(format="A4")
    pdf.set_compression(False)
    pdf.add_font("cjk", "", str(NOTO_CJK), collection_font_number=0)
    pdf.add_page()
    pdf.set_font("cjk", size=11)
    for paragraph in REPORT[3:6]:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
    data = re.sub(rb"/ToUnicode \d+ 0 R", b"", bytes(pdf.output()))
    (tmp_path / "unmapped.pdf").write_bytes(data)
    with pytest.raises(DraftError, match="has text that is not extractable: its fonts name no characters"):
        list(pdf_items(tmp_path / "unmapped.pdf"))


def test_a_line_spread_by_justification_is_read_without_a_space_between_its_characters(tmp_path):
    """A 公文 set justified (两端对齐) spreads the lines holding figures by ~0.18 em between every two characters; they
    were read 年 初 预 算 数 为3120.00万 元, and 年初预算 and 总收入 left the catalogue (trial 4's U40). A gap is judged
    against the line's own spacing: the PDF drafts as its text."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    text = tmp_path / "report.txt"
    text.write_text("\n".join(ideographs(p) for p in REPORT) + "\n", encoding="utf-8")
    font = truetype_font("".join(REPORT), tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    for paragraph in REPORT:
        pdf.set_char_spacing(2.9 if any(c.isdigit() for c in paragraph) else 0)  # points, as justification spreads
        pdf.multi_cell(0, 6, paragraph, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.output(str(tmp_path / "report.pdf"))
    assert _drafted(tmp_path / "report.pdf") == _drafted(text)


def _printed(tmp_path: Path, paragraphs: list[str], header: str, footer: str, pages: int) -> Path:
    """As a browser prints a page with its header and footer (Chromium's default, 打印 → 另存为 PDF): the date and
    the title in 8 points at the top of every page, the page's address and `n/N` at the bottom reaching the paper's
    right edge, the body in 15 points wrapped 20 mm short of it; `paragraphs` spread over `pages` pages."""
    from fpdf import FPDF
    from fpdf.enums import Align, WrapMode, XPos, YPos

    font = truetype_font(header + footer + "".join(paragraphs) + "0123456789/", tmp_path / "font.ttf")

    class Printed(FPDF):
        def header(self) -> None:
            self.set_font("noto", size=8)
            self.set_xy(8, 5)
            self.cell(0, 4, header)
            self.set_xy(8, 20)

        def footer(self) -> None:
            self.set_font("noto", size=8)
            self.set_xy(8, -10)
            self.cell(self.w - 8, 4, f"{footer}{self.page_no()}/{pages}", align=Align.R)

    pdf = Printed(format="A4")
    pdf.set_margins(12, 20, 28)
    pdf.set_auto_page_break(False)
    pdf.add_font("noto", "", str(font))
    per_page = -(-len(paragraphs) // pages)
    for k, text in enumerate(paragraphs):
        if k % per_page == 0:
            pdf.add_page()
            pdf.set_font("noto", size=15)
        pdf.multi_cell(0, 8, text, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.output(str(tmp_path / "printed.pdf"))
    return tmp_path / "printed.pdf"


@pytest.mark.parametrize("pages", [1, 3])
def test_a_browsers_header_and_footer_are_no_text_and_cut_no_line(tmp_path, pages):
    """U56: printed by a browser with its header and footer, every wrapped sentence ended at its line's end (…较上 /
    年下降10%。): the footer's `1/3` at the paper's edge set the text's right margin. The lines printed in every
    page's margin are left out and said, and the body reads as typed."""
    body = ["一、部门概况", "2023年“三公”经费支出17.00万元，2024年“三公”经费支出15.30万元，较上年下降10%，主要是公务接待减少。",
            "（二）支出情况", "2024年部门整体支出2864.30万元，其中：基本支出964.30万元，项目支出1900.00万元。",
            "二、自评结论", "经综合评价，本局2024年度部门整体支出绩效自评得分92分，等级为优。"]
    text, said = _read(_printed(tmp_path, body, "12/7/26, 5:39 PM  青溪县自然资源局2024年度自评报告",
                                "file:///tmp/report.html", pages))
    assert text == body
    assert said == [f"PDF 页眉、页脚中每页印出的文字（页码、打印日期、网址等）{2 * pages} 行未作正文读取"]


def test_items_opening_each_page_at_one_height_are_text(tmp_path):
    """A list running over pages puts an item of one shape at the top of each page: no running header, being
    neither smaller than the text nor set apart from it."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    items = [f"（{k}）持续推进第{k}号地块整治，完成整治面积{k + 40}亩。" for k in range(1, 7)]
    font = truetype_font("".join(items), tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_font("noto", "", str(font))
    for k, item in enumerate(items):
        if k % 2 == 0:
            pdf.add_page()
            pdf.set_font("noto", size=11)
        pdf.multi_cell(0, 6, item, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.output(str(tmp_path / "list.pdf"))
    text, said = _read(tmp_path / "list.pdf")
    assert text == items and said == []


def test_a_cells_paragraphs_are_read_apart_as_the_bodys_are(tmp_path):
    """U46 on PDF: a report laid out in a ruled table (section | its paragraphs) ran a cell's heading and the
    sentence under it into one (（二）支出情况2024年部门整体支出…: the total left the catalogue). A line short of the
    cell's right edge ends its paragraph, a heading starts one, a wrapped line joins; one paragraph a line, as
    Word's cell gives them."""
    from fpdf import FPDF

    wrapped = "2024年部门整体支出2864.30万元，其中：基本支出964.30万元，项目支出1900.00万元，主要用于不动产登记和耕地保护。"
    cells = [("部门概况", ["（一）机构人员", "本局内设股室8个。", "（二）支出情况", wrapped]),
             ("自评结论", ["经综合评价，自评得分92分，等级为优。"])]
    font = truetype_font("".join(a + "".join(b) for a, b in cells), tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    with pdf.table(col_widths=(30, 120), first_row_as_headings=False) as table:
        for label, paragraphs in cells:
            table.row([label, "\n".join(paragraphs)])
    pdf.output(str(tmp_path / "table.pdf"))
    from perfeval.intake.documents import Row
    from perfeval.intake.pdf import pdf_items

    rows = [item.cells for item in pdf_items(tmp_path / "table.pdf") if isinstance(item, Row)]
    assert rows == [(label, "\n".join(paragraphs)) for label, paragraphs in cells]


def test_a_radical_for_a_simplified_ideograph_reads_as_it(tmp_path):
    """Chromium's print gave 专⼾ (the radical door) for 专户, read as the traditional 专戶 (V21's print of r8)."""
    assert ideographs("代管专⼾资金，⾭年") == "代管专户资金，青年"


def test_a_line_ends_short_where_its_next_piece_did_not_fit_and_runs_on(tmp_path):
    """V21: a browser carries a figure with its % and 。 (98.12%。), or a glyph with the comma it may not leave
    (亩，), to the next line, so the line above ends short of the margin mid-sentence: it ran on, but was read as a
    paragraph's end (…执行率 / 98.12%。: the rate unlinked; …56.8万 / 亩，: 亩 lost). A line ending a sentence short of
    the margin still ends its paragraph."""
    from fpdf import FPDF

    lines = ["1.高标准农田建设项目：全年预算2850.00万元，实际支出2796.30万元，执行率", "98.12%。",
             "全年培训高素质农民1260人次，建成高标准农田3.2万亩，粮食播种面积稳定在56.8万", "亩，动物强制免疫密度达到95%以上。",
             "在农民教育方面，全年开展农民培训1620人次，培训合格率98.6%。", "2.动物防疫补助项目。"]
    font = truetype_font("".join(lines), tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=12)
    right = max(pdf.get_string_width(line) for line in lines)
    for line in lines:  # each set at the left margin, as the browser broke them
        pdf.cell(right, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "carried.pdf"))
    text, _ = _read(tmp_path / "carried.pdf")
    assert text == [lines[0] + lines[1], lines[2] + lines[3], lines[4], lines[5]]


@pytest.mark.parametrize("spacing", [4.6, 8.0])  # points at 11 points: 0.42 em, and 0.73 em (a line a figure did
# not fit, spread further: trial 7's X9)
def test_a_letter_spaced_page_reads_as_typed_and_two_numbers_stay_two(tmp_path, spacing):
    """字间距加宽 with justification spreads every gap by ~0.4 em, past what a justified line alone spreads: every
    two glyphs were read apart (职工8 5人, 万 元), and a line too short to measure its own spacing (a title's last
    glyphs, a table's cell) kept its spaces. The page's spacing judges them; a typed space between two numbers
    (两个科室分别为12 3人) is wider by a space and stays."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    paragraphs = ["青松县档案馆2024年度部门整体支出绩效", "自评报告",
                  "本馆年末实有在职职工85人，离退休人员26人。全年部门整体支出1268.40万元，其中基本支出903.15万元，"
                  "项目支出365.25万元，预算执行率为98.60%。", "两个科室在岗分别为12 3人。"]
    cells = [("项目", "全年预算", "执行数"), ("档案数字化", "120.00", "118.50"), ("库房维修", "45.60", "45.60")]
    font = truetype_font("".join(paragraphs) + "".join("".join(row) for row in cells), tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    pdf.set_char_spacing(spacing)
    for text in paragraphs:
        pdf.multi_cell(0, 7, text, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    with pdf.table(first_row_as_headings=False, wrapmode=WrapMode.CHAR, line_height=7) as table:
        for cells_of in cells:
            row = table.row()
            for text in cells_of:
                row.cell(text)
    pdf.output(str(tmp_path / "report.pdf"))
    from perfeval.intake.report.document import read_document

    blocks = [b.cells for b in read_document(tmp_path / "report.pdf").blocks]
    assert blocks == [(p,) for p in paragraphs] + cells


def test_an_opening_quote_goes_down_with_the_glyph_after_it(tmp_path):
    """A line may not end with an opening mark: a browser carries “优”。 down whole, so the line above ends short
    mid-sentence (…等级为 / “优”。): read apart, the grade of the next sentence's project was taken for the unit's."""
    from fpdf import FPDF

    lines = ["按照部门整体支出绩效评价指标体系，我局2023年度部门整体支出绩效自评得分92.5分，等级为",
             "“优”。其中，高标准农田建设项目自评得分88分，等级为“良”。"]
    font = truetype_font("".join(lines) + "以上情况属实。", tmp_path / "font.ttf")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=12)
    right = pdf.get_string_width(lines[0]) + pdf.get_string_width("“优") + 1  # the margin: “ fits, “优 does not
    for line in lines:
        pdf.cell(right, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(right, 6, "以上情况属实。", align="R", new_x="LMARGIN", new_y="NEXT")  # a line ending at the margin
    pdf.output(str(tmp_path / "quoted.pdf"))
    text, _ = _read(tmp_path / "quoted.pdf")
    assert text == [lines[0] + lines[1], "以上情况属实。"]
