"""Reading reports: .txt, .docx and .pdf of the same seed give the same sentences in the same sections;
section paths follow the report's own numbering; unreadable files fail with a DraftError naming them.
"""
from __future__ import annotations

import pickle
from pathlib import Path

import docx
import pytest
from report_files import truetype_font, write_docx, write_pdf

from perfeval.errors import DraftError
from perfeval.intake.report import draft_report
from perfeval.intake.report.document import Row, build, read_document, split_sentences
from perfeval.intake.report.sections import SectionTracker

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))  # copies of shared/seeds


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


@pytest.fixture(scope="session")
def pdf_font(tmp_path_factory) -> Path:
    text = "".join(p.read_text(encoding="utf-8") for p in SEEDS) + "测试扫描加密"
    return truetype_font(text, tmp_path_factory.mktemp("font") / "noto-sc-subset.ttf")


def located(document) -> list[tuple[str, str]]:
    return [(s.text, s.section) for s in document.sentences()]


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_docx_and_pdf_of_a_seed_read_as_its_txt(prefix, fmt, tmp_path, pdf_font):
    from_txt = read_document(seed(prefix))
    path = tmp_path / f"{prefix}.{fmt}"
    write_docx(from_txt, path) if fmt == "docx" else write_pdf(from_txt, path, pdf_font)
    again = read_document(path)
    assert located(again) == located(from_txt)
    # A PDF shows a table of one box as a boxed paragraph (pdfplumber finds no table in a single box).
    boxes = {id(t[0]) for t in from_txt.tables() if len(t) == 1 and len(t[0].cells) == 1}
    shape = [("paragraph", 1) if fmt == "pdf" and id(b) in boxes else (b.kind, len(b.cells))
             for b in from_txt.blocks]
    assert [(b.kind, len(b.cells)) for b in again.blocks] == shape


@pytest.mark.parametrize("prefix, sentence, section", [
    ("000", "2020年整体支出规模为3752.47万元。", "一(四)"),
    ("000", "2020年项目支出3404.68万元：财政拨款项目支出3402.17万元，占99.93%；", "二(二)1"),
    ("000", "全年共出车11597次，行程146万公里，确保全年低事故率。", "五(二)"),
    ("000", "根据相关绩效评价参考指标，自评得分96分。", "8"),  # 8、 after 七、 is the eighth part
    ("001", "2022年度我局在职人员47人，人员编制数51名，在职人员控制率为92%。", "附件1-3 三(2)1"),
    ("001", "2022年年初财政批复的预算数为16640.91万元，年中因县级财力紧张，按财政要求调减本年部门预算3821.31万元，"
            "预算完成数为12819.60万元，预算完成率为77%。", "附件1-3 三(3)1"),
    ("001", "（3）、公务接待费年初预算2万元，实际支出1.22万元，占全年预算的61%，未超预算。", "附件1-3 二(三)(3)"),
    ("001", "（1）资金的使用符合国家财经法规和财务管理制度规定以及有关专项资金管理办法的规定；", "附件1-3 三(2)2(1)"),
    ("001", "613.76", "附件1-2"),
    ("001", "96.5", "附件2-4"),
    ("002", "绩效自评综合得分", "附件3-1 三"),
    ("002", "本年度基本出412.08万元，其中人员经费335.64万元，公用经费76.44万元。", "附件3-1 二(一)"),
    ("002", "（2）加强后勤保障工作。", "附件3-1 二(一)1(2)"),
])
def test_section_paths_follow_the_reports_numbering(prefix, sentence, section):
    sections = {s.section for s in read_document(seed(prefix)).sentences() if s.text == sentence}
    assert sections == {section}


def test_table_rows_keep_their_cells_and_sentences_know_their_cell():
    document = read_document(seed("001"))
    rows = [b for b in document.blocks if b.kind == "row" and b.cells[:1] == ("三公经费",)]
    assert [r.cells for r in rows] == [("三公经费", "719.55", "1802", "613.76")]
    cell = next(s for s in document.sentences() if s.text == "1802")
    assert cell.cell == 2 and document.blocks[cell.block] == rows[0]


@pytest.mark.parametrize("headings, paths", [
    (["一、概况", "（一）职能", "1、职责", "（1）细项", "①要点"], ["一", "一(一)", "一(一)1", "一(一)1(1)", "一(一)1(1)①"]),
    (["一、概况", "（一）职能", "（二）机构", "二、支出"], ["一", "一(一)", "一(二)", "二"]),
    (["三、绩效", "（一）概述", "（2） 配置", "1、控制率", "（3） 执行"], ["三", "三(一)", "三(2)", "三(2)1", "三(3)"]),
    (["七、建议", "8、 等级"], ["七", "8"]),
    (["1、甲", "（1）乙", "（2）丙", "2、丁"], ["1", "1(1)", "1(2)", "2"]),
    (["附件1-2", "一、甲", "附件1-3", "（一）乙"], ["附件1-2", "附件1-2 一", "附件1-3", "附件1-3 (一)"]),
    (["二十一、甲", "（十二）乙"], ["二十一", "二十一(十二)"]),
    (["一是加强管理", "2022年支出"], ["", ""]),
    (["第一部分 部门概况", "一、职责", "第二部分 决算情况说明", "一、收入", "（一）财政拨款", "附件1", "一、甲"],
     ["第一部分", "第一部分 一", "第二部分", "第二部分 一", "第二部分 一(一)", "第二部分 附件1", "第二部分 附件1 一"]),
    (["一.基本情况", "二．绩效目标", "1.5万元"], ["一", "二", "二"]),
])
def test_section_tracker(headings, paths):
    tracker = SectionTracker()
    got = []
    for text in headings:
        tracker.read(text)
        got.append(tracker.path)
    assert got == paths


def test_only_a_part_heading_opens_a_section_from_a_table():
    document = build("t", [Row(("三、自评情况",), 1), Row(("1、公务用车", "719.55"), 1), Row(("2、出国经费",), 1)])
    assert [b.section for b in document.blocks] == ["三", "三", "三"]


@pytest.mark.parametrize("text, sentences", [
    ("甲。乙；丙！丁？戊", ["甲。", "乙；", "丙！", "丁？", "戊"]),
    ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
    ("第一行\n第二行。", ["第一行", "第二行。"]),
    ("  ", []),
    # an input method's full stop for an amount's point (16。22万元) ends no sentence; before a count it does
    ("共发放补助16。22万元。占比12。5%。", ["共发放补助16。22万元。", "占比12。5%。"]),
    ("全年完成16。22名职工参加培训。", ["全年完成16。", "22名职工参加培训。"]),
])
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


def test_an_amount_written_with_a_full_stop_for_its_point_is_drafted_whole(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("柳塘县档案馆2024年度部门整体支出绩效自评报告\n一、资金情况\n"
                      "全年拨付帮扶资金16。22万元，其中：生活补助11。17万元，助学补助5。05万元。\n", encoding="utf-8")
    stated = draft_report(report).params["stated"]
    assert [str(s["value"]) for s in stated] == ["16.22", "11.17", "5.05"]


def test_txt_tables_spaces_and_encodings(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("一、概况\n预 算 编 码：     132001\n\t三公经费\n\t 719.55　\n\n\t公务接待\n\t1.22\n\n说明\n"
                     .encode("gb18030"))
    document = read_document(path)
    assert [(b.kind, b.cells, b.section, b.table) for b in document.blocks] == [
        ("paragraph", ("一、概况",), "一", None),
        ("paragraph", ("预 算 编 码： 132001",), "一", None),
        ("row", ("三公经费", "719.55"), "一", 1),
        ("row", ("公务接待", "1.22"), "一", 1),
        ("paragraph", ("说明",), "一", None),
    ]


def test_docx_reads_merged_cells_once(tmp_path):
    out = docx.Document()
    out.add_paragraph("一、基础数据")
    table = out.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "三公经费"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "决算数"
    table.cell(1, 1).text, table.cell(1, 2).text = "613.76", "1802"
    out.add_paragraph("二、说明")
    path = tmp_path / "merged.docx"
    out.save(str(path))
    document = read_document(path)
    assert [(b.kind, b.cells, b.section) for b in document.blocks] == [
        ("paragraph", ("一、基础数据",), "一"),
        ("row", ("三公经费", "决算数"), "一"),
        ("row", ("", "613.76", "1802"), "一"),
        ("paragraph", ("二、说明",), "二"),
    ]


def _scanned_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a page that is a picture: no text layer
    pdf.output(str(path))


def _encrypted_pdf(path: Path, font: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    pdf.set_font("noto", size=11)
    pdf.cell(0, 10, "测试")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(path))


def _docx_bytes(tmp_path: Path) -> bytes:
    out = docx.Document()
    out.add_paragraph("一、测试")
    path = tmp_path / "ok.docx"
    out.save(str(path))
    return path.read_bytes()


@pytest.mark.parametrize("name, make, expected", [
    ("report.doc", lambda p, t, f: p.write_bytes(b"\xd0\xcf\x11\xe0"), "expected one of .txt, .docx, .pdf"),
    ("report.xlsx", lambda p, t, f: p.write_bytes(b"PK\x03\x04"), "is a workbook (.xlsx), not a report"),
    ("empty.txt", lambda p, t, f: p.write_bytes(b""), "holds no text"),
    ("binary.txt", lambda p, t, f: p.write_bytes(b"\x00\x01PK\x03\x04" * 10), "not a text file"),
    ("latin.txt", lambda p, t, f: p.write_bytes(bytes(range(0x80, 0x100)) * 3), "neither UTF-8, UTF-16 nor GB18030"),
    ("scan.pdf", lambda p, t, f: _scanned_pdf(p), "no text layer"),
    ("secret.pdf", lambda p, t, f: _encrypted_pdf(p, f), "encrypted"),
    ("cut.pdf", lambda p, t, f: p.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"), "damaged"),
    ("notpdf.pdf", lambda p, t, f: p.write_text("一、概况", encoding="utf-8"),
     "not a PDF file: it looks like plain text; give it with the .txt extension"),
    ("word.pdf", lambda p, t, f: p.write_bytes(_docx_bytes(t)), "not a PDF file: it looks like a Word file (.docx)"),
    ("page.pdf", lambda p, t, f: p.write_text("<!DOCTYPE html><html><body><p>一、概况</p></body></html>"),
     "not a PDF file: it looks like a web page (HTML); give it with the .html extension"),
    ("renamed.docx", lambda p, t, f: p.write_bytes(b"%PDF-1.7\n"),
     "not a Word .docx document: it looks like a PDF file; give it with the .pdf extension"),
    ("old.docx", lambda p, t, f: p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 100),
     "password-protected or an old binary Word file"),
    ("cut.docx", lambda p, t, f: p.write_bytes(_docx_bytes(t)[:2000]), "damaged"),
    ("notword.docx", lambda p, t, f: _zip_without_document(p), "not a Word .docx document"),
    ("missing.txt", None, "file not found"),
])
def test_unreadable_reports_fail_clearly_naming_the_file(name, make, expected, tmp_path, pdf_font):
    path = tmp_path / name
    if make:
        make(path, tmp_path, pdf_font)
    with pytest.raises(DraftError) as err:
        read_document(path)
    assert str(path) in str(err.value) and expected in str(err.value)
    assert err.value.file == str(path)
    again = pickle.loads(pickle.dumps(err.value))
    assert str(again) == str(err.value) and again.file == str(path)


def _zip_without_document(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")


def test_a_directory_is_not_a_report(tmp_path):
    folder = tmp_path / "report.txt"
    folder.mkdir()
    with pytest.raises(DraftError, match="is a directory"):
        read_document(folder)


def test_radicals_a_pdf_writer_put_for_ideographs_read_as_the_ideographs_they_show(tmp_path):
    """Chromium's print wrote 山人支门 as the radicals ⼭⼈⽀⻔: the unit's name was lost and 8 of 10 figures."""
    report = tmp_path / "r.txt"
    report.write_text("⼭⽔县⼈⺠政府办公室2023年部门整体⽀出绩效⾃评报告\n本年度⽀出合计1268.40万元，⻔户⽹站运⾏正常。\n",
                      encoding="utf-8")
    document = read_document(report)
    assert [b.text for b in document.blocks] == ["山水县人民政府办公室2023年部门整体支出绩效自评报告",
                                                 "本年度支出合计1268.40万元，门户网站运行正常。"]


REPORT_LINES = "某某縣檔案館2023年度部門整體支出績效自評報告\n一、基本情況\n2023年支出合計1268.40萬元，較上年減少12.5%，其中人員經費800.00萬元。\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "big5", "gbk", "utf-8"])
def test_a_text_file_is_read_in_the_encoding_it_was_saved_in(tmp_path, encoding):
    """Notepad's "Unicode" (UTF-16 with its mark) was refused; a Big5 file was read as GB18030 into rare characters."""
    raw = REPORT_LINES.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    report = tmp_path / "r.txt"
    report.write_bytes(raw)
    assert [b.text for b in read_document(report).blocks] == REPORT_LINES.strip().split("\n")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_saved_without_its_mark_is_read_by_its_zero_bytes(tmp_path, encoding):
    """Some editors save UTF-16 without a byte-order mark: the zero byte of each line break and digit says which."""
    report = tmp_path / "r.txt"
    report.write_bytes(REPORT_LINES.encode(encoding))
    assert [b.text for b in read_document(report).blocks] == REPORT_LINES.strip().split("\n")


def test_a_stray_zero_byte_does_not_make_utf8_text_utf16(tmp_path):
    report = tmp_path / "r.txt"
    report.write_bytes(REPORT_LINES.encode("utf-8") + b"\x00\n")
    with pytest.raises(DraftError, match="holds NUL bytes"):  # refused as not text, never read as UTF-16 nonsense
        read_document(report)


def test_control_characters_in_a_text_are_no_part_of_what_it_says(tmp_path):
    """A title 青溪县\x01自然资源局 drafted a look-alike of the unit's name (trial 4, U19): no program shows them."""
    report = tmp_path / "r.txt"
    report.write_text("青溪县\x01自然资源局\x1f2024年度部门整体支出绩效自评报告\n一、基本情况\x7f\n", encoding="utf-8")
    assert [b.text for b in read_document(report).blocks] == ["青溪县自然资源局2024年度部门整体支出绩效自评报告",
                                                               "一、基本情况"]


def test_a_simplified_report_in_gbk_stays_gbk(tmp_path):
    text = "某某县档案馆2023年度部门整体支出绩效自评报告\n一、基本情况\n2023年支出合计1268.40万元，较上年减少12.5%。\n"
    report = tmp_path / "r.txt"
    report.write_bytes(text.encode("gbk"))
    assert [b.text for b in read_document(report).blocks] == text.strip().split("\n")
