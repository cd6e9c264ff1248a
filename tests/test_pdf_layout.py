"""A PDF's text laid out back into the paragraphs it was typed as: 公文 set with fixed line spacing and no space
between paragraphs, as a browser or Word prints it. Every PDF is written here (fpdf2, the project's Noto Sans SC cut
down to the characters needed), and read beside the same report as text."""
from __future__ import annotations

from pathlib import Path

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
