"""PDFs that would take gigabytes or minutes, show other text than they hold, or cannot give their text: each is
bounded or read as a viewer shows it, and what is not read is said. Time and memory: bench/bench_hostile_files.py."""
from __future__ import annotations

from pathlib import Path

import pytest
from hostile_pdfs import HELVETICA, clipped_text, custom_glyph_names, deep_page_tree, dense_pages, encrypted_bomb, \
    filtered_bomb, flate_bomb, form_drawn, form_in_state, hidden_by_paint, hidden_layer, hidden_second_forms, invisible_text, many_pages, many_streams, no_tounicode, off_page, pages_pdf, \
    raw_pdf, shared_content, stream, text, white_text

from perfeval.errors import DraftError
from perfeval.intake import pdf
from perfeval.intake.pdf import MAX_STREAM_UNPACKED
from perfeval.outputs.draft import read_document

TRIAL_PDF = Path(__file__).parent / "data" / "trial" / "xinqiao_street_2023.pdf"


def lines(path: Path) -> list[str]:
    return [" | ".join(b.cells) for b in read_document(path).blocks]


def test_a_stream_that_unpacks_past_the_bound_is_refused_before_it_is_unpacked(tmp_path):
    path = flate_bomb(tmp_path / "bomb.pdf", (MAX_STREAM_UNPACKED >> 20) + 1)
    assert path.stat().st_size < 200_000
    with pytest.raises(DraftError, match=r"a compressed stream \(object \d+\) that unpacks to more than 64 MB"):
        read_document(path)


@pytest.fixture
def small_bounds(monkeypatch):
    """Bounds of 1 MB a stream and 3 MB in all: the same measure on files quick to write and read."""
    monkeypatch.setattr(pdf, "MAX_STREAM_UNPACKED", 1 << 20)
    monkeypatch.setattr(pdf, "MAX_UNPACKED", 3 << 20)


@pytest.mark.parametrize("how", ["lzw", "runlength", "a85+flate", "escaped", "image"])
def test_every_filter_and_every_way_of_naming_it_is_bounded(tmp_path, small_bounds, how):
    with pytest.raises(DraftError, match=r"a compressed stream \(object 6\) that unpacks to more than 1 MB"):
        read_document(filtered_bomb(tmp_path / "bomb.pdf", 2, how))
    assert lines(filtered_bomb(tmp_path / "fits.pdf", 0, how)) == ["Annual report 2023"]


def test_a_stream_of_an_encrypted_file_is_bounded_once_decrypted(tmp_path, small_bounds):
    with pytest.raises(DraftError, match=r"a compressed stream \(object 5\) that unpacks to more than 1 MB"):
        read_document(encrypted_bomb(tmp_path / "bomb.pdf", 2))
    assert lines(encrypted_bomb(tmp_path / "fits.pdf", 0)) == ["Annual report 2023"]


def test_streams_that_unpack_past_the_bound_together_are_refused(tmp_path, small_bounds):
    each = text(["Annual report 2023"]) + b" " * (900 << 10)
    path = tmp_path / "many.pdf"
    path.write_bytes(pages_pdf([each] * 4))
    with pytest.raises(DraftError, match="compressed streams that unpack to more than 3 MB in all"):
        read_document(path)
    path.write_bytes(pages_pdf([each] * 3))
    assert "".join(lines(path)) == "Annual report 2023" * 3  # one line a page, joined as one paragraph


def test_a_page_dense_with_glyphs_is_refused_before_its_glyphs_are_all_read(tmp_path, monkeypatch):
    """A 2 KB page of 300,000 glyphs took 36 s and 647 MB; ten of them more than 5 minutes."""
    path = dense_pages(tmp_path / "dense.pdf", 1)
    assert path.stat().st_size < 5_000
    with pytest.raises(DraftError, match=r"has a page \(page 1\) of more than 30,000 characters"):
        read_document(path)
    monkeypatch.setattr(pdf, "MAX_GLYPHS", 2_500)  # three pages of 1,000: each within its bound, the file not
    with pytest.raises(DraftError, match="holds more than 2,500 characters; the reader drafts reports of at most"):
        read_document(dense_pages(tmp_path / "three.pdf", 3, lines=10, per_line=100))
    assert len(read_document(dense_pages(tmp_path / "two.pdf", 2, lines=10, per_line=100)).blocks) >= 1


def test_a_page_of_more_drawing_than_the_bound_is_refused_before_it_is_read(tmp_path, monkeypatch):
    """60 MB of path operators (a 117 KB file) took over two minutes and a GB: pdfminer makes an object per path."""
    monkeypatch.setattr(pdf, "MAX_PAGE_CONTENT", 20_000)
    lines_drawn = b"0 0 m 1 1 l S\n" * 2_000  # 28 KB, no glyph
    with pytest.raises(DraftError, match=r"has a page \(page 1\) of more than .* of drawing instructions"):
        read_document(shared_content(tmp_path / "paths.pdf", 1, lines_drawn + text(["Report 2023"])))
    assert lines(shared_content(tmp_path / "within.pdf", 1, lines_drawn[:14_000] + text(["Report 2023"]))) == [
        "Report 2023"]


def test_a_page_of_more_paths_than_the_bound_is_refused_as_they_are_drawn(tmp_path, monkeypatch):
    """4 MB of path operators (285,000 lines) took 32 s of CPU and 1.5 GB: each path is an object of ~5 KB."""
    monkeypatch.setattr(pdf, "MAX_PAGE_PATHS", 100)
    with pytest.raises(DraftError, match=r"has a page \(page 1\) of more than 100 drawn lines and shapes"):
        read_document(shared_content(tmp_path / "paths.pdf", 1, b"0 0 m 1 1 l S\n" * 101 + text(["Report 2023"])))
    monkeypatch.setattr(pdf, "MAX_PATHS", 150)  # two pages of 100: each within its bound, the file not
    with pytest.raises(DraftError, match="has more than 150 drawn lines and shapes in all"):
        read_document(shared_content(tmp_path / "two.pdf", 2, b"0 0 m 1 1 l S\n" * 100 + text(["Report 2023"])))
    assert lines(shared_content(tmp_path / "one.pdf", 1, b"0 0 m 1 1 l S\n" * 100 + text(["Report 2023"]))) == [
        "Report 2023"]


def test_one_stream_drawn_by_every_page_counts_each_time_it_is_drawn(tmp_path, monkeypatch):
    """150 pages sharing one 60 MB stream (82 KB of file) unpacked it once but interpreted it 150 times."""
    monkeypatch.setattr(pdf, "MAX_CONTENT", 50_000)
    content = b"%" + b" " * 12_000 + b"\n" + text(["Report 2023"])
    with pytest.raises(DraftError, match="of drawing instructions on its first 5 of 5 pages"):
        read_document(shared_content(tmp_path / "shared.pdf", 5, content))
    assert len(lines(shared_content(tmp_path / "three.pdf", 3, content))) >= 1
    form = b"%" + b" " * 12_000 + b"\n"  # a form drawn five times by one page: counted as it is drawn
    with pytest.raises(DraftError, match="of drawing instructions in all"):
        read_document(form_drawn(tmp_path / "form.pdf", 5, form))
    assert lines(form_drawn(tmp_path / "form3.pdf", 3, form)) == ["Report 2023"]


def test_pages_whose_own_drawing_passes_the_files_bound_are_refused_before_a_page_is_read(tmp_path, monkeypatch):
    """Trial 3's T28: 36 pages of 1 MB each (Chromium's print of 5-point Chinese, glyph by glyph) were within every
    bound and took 85 s of CPU to read, then the reader refused the text. Pages past MAX_CONTENT together are now
    refused at once, naming the bound, before any page is interpreted."""
    page = b"%" + b" " * ((1 << 20) - 2) + b"\n" + text(["Report 2023"])
    pages = pdf.MAX_CONTENT // len(page) + 1

    def never(*_):  # reading a page: must not happen
        raise AssertionError("a page was read")

    monkeypatch.setattr(pdf, "_upright_items", never)
    with pytest.raises(DraftError, match=rf"more than {pdf.MAX_CONTENT >> 20} MB of drawing instructions on its "
                                         rf"first {pages} of {pages} pages, more than the reader reads"):
        read_document(shared_content(tmp_path / "heavy.pdf", pages, page))
    monkeypatch.undo()
    assert lines(shared_content(tmp_path / "within.pdf", pages - 1, page)) == ["Report 2023" * (pages - 1)]


def test_a_page_drawn_from_too_many_streams_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGE_STREAMS", 10)
    with pytest.raises(DraftError, match=r"has a page \(page 1\) drawn from 11 content streams"):
        read_document(many_streams(tmp_path / "many.pdf", 11))
    assert len(lines(many_streams(tmp_path / "ten.pdf", 10))) >= 1


def test_a_page_tree_nested_thousands_deep_is_refused_in_one_sentence(tmp_path):
    with pytest.raises(DraftError, match="its pages are nested deeper than a reader can follow"):
        read_document(deep_page_tree(tmp_path / "deep.pdf", 3_000))
    assert lines(deep_page_tree(tmp_path / "shallow.pdf", 20)) == ["Expenditure 1268.40 in 2023"]


VERTICAL = ("y0", "y1", "top", "bottom", "doctop")  # a glyph's box is measured from its baseline (pdf._on_baseline)


def test_a_glyph_is_described_as_pdfplumber_describes_it(tmp_path):
    """The reader's own glyph records (quicker to make) are pdfplumber's, key for key, on a CJK report with tables,
    but for the box's vertical place, measured from the baseline alike in every font: of its own height, it moves
    by no more than a font's descent, and its height is pdfplumber's."""
    import pdfplumber

    def without_vertical(o: dict) -> list:
        return [(k, v) for k, v in o.items() if k not in VERTICAL]

    with pdfplumber.open(TRIAL_PDF) as document:
        for page in document.pages:
            own = pdf._visible(page, pdf._Unread()).objects
            assert {kind: [without_vertical(o) for o in objects] for kind, objects in own.items()} == {
                kind: [without_vertical(o) for o in objects] for kind, objects in page.objects.items()}
            assert own["char"]
            for mine, theirs in zip(own["char"], page.objects["char"]):
                height = theirs["y1"] - theirs["y0"]
                assert mine["y1"] - mine["y0"] == pytest.approx(height)
                assert abs(mine["top"] - theirs["top"]) <= pdf.MAX_DESCENT * height


def test_glyphs_drawn_over_themselves_are_kept_once_as_pdfplumber_keeps_them(tmp_path):
    """A glyph drawn again within a point of itself (fake bold, a shadow) is kept once, the same glyphs in the same
    order as pdfplumber's dedupe_chars keeps, whose ordering was quadratic in a page's glyphs; a glyph of another
    character, size or place a point and more away stays."""
    import pdfplumber

    drawn = b"".join(b"BT /F1 %d Tf %s %s Td (%s) Tj ET\n" % (size, x, y, line) for size, x, y, line in [
        (12, b"72", b"760", b"Total 3752.48"), (12, b"72.3", b"760.2", b"Total 3752.48"),
        (12, b"72.3", b"740", b"Parts 964.30"), (11, b"72.3", b"740", b"Parts 964.30"),
        (12, b"73.5", b"740", b"Parts 964.30"), (12, b"72", b"720", b"ooo oo")])
    (tmp_path / "twice.pdf").write_bytes(pages_pdf([drawn]))
    with pdfplumber.open(tmp_path / "twice.pdf") as document:
        page = document.pages[0]
        theirs = page.dedupe_chars(tolerance=pdf.DOUBLED_WITHIN).chars
        ours = pdf._drawn_once(page).chars
    assert ours == theirs
    assert 0 < len(ours) < len(page.chars)
    assert [c["text"] for c in ours][:13] == list("Total 3752.48")


def _font(name: bytes, descriptor: int) -> bytes:
    return (b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /FirstChar 32 /LastChar 126 /Widths [%s] "
            b"/Encoding /WinAnsiEncoding /FontDescriptor %d 0 R >>" % (name, b" ".join([b"500"] * 95), descriptor))


def _descriptor(name: bytes, descent: int) -> bytes:
    return (b"<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [0 %d 1000 %d] /ItalicAngle 0 "
            b"/Ascent %d /Descent %d /CapHeight 700 /StemV 80 >>" % (name, descent, 1000 + descent, 1000 + descent,
                                                                     descent))


def test_figures_in_a_font_of_another_descent_stay_on_their_line(tmp_path):
    """Word sets digits in Times New Roman beside 宋体: pdfminer places each glyph's box by its font's descent (a CJK
    font's read as 0, Times' as 0.216 of its size), so the figures' boxes sat 3.5 pt lower at 16 pt and were read as
    a line of their own — 0 catalogue figures drafted (trial 4, U50)."""
    from hostile_pdfs import raw_pdf, stream

    content = (b"BT /F1 16 Tf 72 700 Td (Expenditure ) Tj /F2 16 Tf (1268.40) Tj /F1 16 Tf ( in 2023) Tj ET\n"
               b"BT /F1 16 Tf 72 620 Td (Budget ) Tj /F2 16 Tf (1300.00) Tj ET\n")
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            b"/Contents 8 0 R >>")
    path = tmp_path / "pair.pdf"
    path.write_bytes(raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
                              _font(b"Words", 6), _font(b"Digits", 7), page, _descriptor(b"Words", 0),
                              _descriptor(b"Digits", -250), stream(content)]))
    assert lines(path) == ["Expenditure 1268.40 in 2023", "Budget 1300.00"]


def test_a_stream_within_the_bound_and_images_are_let_through(tmp_path):
    image = stream(b"\0" * (MAX_STREAM_UNPACKED + (1 << 20)), b" /Type /XObject /Subtype /Image /Width 8192 "
                   b"/Height 8320 /ColorSpace /DeviceGray /BitsPerComponent 8")  # not unpacked to read text
    path = tmp_path / "ok.pdf"
    path.write_bytes(pages_pdf([text(["Annual report 2023"]) + b" " * (1 << 20)], extra=[image]))
    assert lines(path) == ["Annual report 2023"]


def test_pages_past_the_bound_are_said_unread_and_past_the_files_bound_refused_before_they_are_parsed(tmp_path,
                                                                                                      monkeypatch):
    """W21: a long report was refused whole; its first MAX_PAGES pages are read and the rest said, by page."""
    from perfeval.intake import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    monkeypatch.setattr(pdf, "MAX_FILE_PAGES", 8)
    document = read_document(many_pages(tmp_path / "long.pdf", 5))
    read = " ".join(b.text for b in document.blocks)
    assert all(f"Page {n} of the 2023 report" in read for n in (1, 2, 3)) and "Page 4 " not in read
    assert document.skipped[-1] == ("报告只读取了前一部分：PDF 共 5 页，第 4–5 页未读取（超过读取的上限 3 页）；"
                                    "请将这些页（如附表）另存为文件单独起草")
    with pytest.raises(DraftError, match="has 9 pages; the limit is 8 .*the first 3 of a longer file are read"):
        read_document(many_pages(tmp_path / "longer.pdf", 9))
    assert not any("未读取（超过" in s for s in read_document(many_pages(tmp_path / "short.pdf", 3)).skipped)


def test_invisible_text_is_not_read_and_is_said(tmp_path):
    document = read_document(invisible_text(tmp_path / "inv.pdf"))
    assert [b.text for b in document.blocks] == ["Expenditure 1268.40 in 2023", "Visible end"]
    assert document.skipped == ("PDF 中不可见的文字（文本渲染模式 3/7）22 个字符未读取（阅读器不显示）",)


def test_a_layer_that_opens_hidden_is_not_read_and_is_said(tmp_path):
    document = read_document(hidden_layer(tmp_path / "off.pdf"))
    assert [b.text for b in document.blocks] == ["Expenditure 1268.40 in 2023"]
    assert document.skipped == ("PDF 中隐藏图层（可选内容，打开时不显示）的文字 13 个字符未读取（阅读器不显示）",)
    shown = read_document(hidden_layer(tmp_path / "on.pdf", b"/ON"))
    assert [b.text for b in shown.blocks] == ["Expenditure 1268.40 in 2023", "Layer 91268.4"] and shown.skipped == ()


def test_text_off_the_page_or_outside_its_crop_box_is_not_read_and_is_said(tmp_path):
    document = read_document(off_page(tmp_path / "off.pdf"))
    assert [b.text for b in document.blocks] == ["Expenditure 1268.40 in 2023"]
    assert document.skipped == ("PDF 中页面可见范围以外的文字 33 个字符未读取（阅读器不显示）",)


def test_white_text_on_the_white_page_is_not_read_and_is_said_but_white_on_a_dark_box_is(tmp_path):
    document = read_document(white_text(tmp_path / "white.pdf"))
    assert [b.text for b in document.blocks] == ["Expenditure 1268.40 in 2023", "On dark 888", "Spot ink 999"]
    assert document.skipped == ("PDF 中与底色同色或透明的文字 51 个字符未读取（阅读器不显示）",)


def test_text_the_colour_of_its_ground_transparent_or_painted_over_is_not_read_and_is_said(tmp_path):
    document = read_document(hidden_by_paint(tmp_path / "paint.pdf"))
    assert [b.text for b in document.blocks] == ["Expenditure 1268.40 in 2023", "Shaded 666", "Highlighted 777",
                                                 "Red 888"]
    assert document.skipped == ("PDF 中与底色同色或透明的文字 39 个字符未读取（阅读器不显示）",
                                "PDF 中被其后绘制的色块或图片遮盖的文字 27 个字符未读取（阅读器不显示）")


def test_text_under_an_opaque_picture_outside_a_forms_box_or_under_a_point_is_not_read_and_is_said(tmp_path):
    """Item 4's second forms in PDF: a decoy under a picture drawn over it (opaque: no mask), drawn by a form outside
    the /BBox a viewer clips it to, or set at 0.2 point was read; under a picture with transparency (a seal), inside
    the form's box and at 1 point it shows and is read."""
    document = read_document(hidden_second_forms(tmp_path / "second.pdf"))
    assert [b.text for b in document.blocks] == ["Expenditure 1268.40 in 2023", "Under seal 222", "Inside box 666",
                                                 "One point 1234"]
    assert document.skipped == ("PDF 中被其后绘制的色块或图片遮盖的文字 17 个字符未读取（阅读器不显示）",
                                "PDF 中裁剪区域以外的文字 15 个字符未读取（阅读器不显示）",
                                "PDF 中字号小于 1 磅（看不清）的文字 12 个字符未读取")


def test_boxes_painted_over_glyphs_are_bounded_a_page(tmp_path):
    """Each box painted over a page looked at every glyph in the rows it spans: thousands of boxes over a page dense
    with glyphs took minutes. A box looks only at the glyphs in the squares it overlaps, and past 2,000,000 glyphs
    looked at on a page the file is refused, naming the page."""
    stacked = b"BT /F1 12 Tf 300 400 Td (x) Tj ET\n" * 3000  # one square holding 3,000 glyphs
    path = tmp_path / "boxes.pdf"
    path.write_bytes(pages_pdf([text(["Expenditure 1268.40 in 2023"]) + stacked + b"301 401 0.1 0.1 re f\n" * 700]))
    with pytest.raises(DraftError, match="has a page \\(page 1\\) painting boxes and pictures over its text more than "
                                         "2,000,000 times a glyph"):
        read_document(path)
    path.write_bytes(pages_pdf([text(["Expenditure 1268.40 in 2023"]) + stacked + b"10 10 0.1 0.1 re f\n" * 19000]))
    assert read_document(path).blocks[0].text == "Expenditure 1268.40 in 2023"  # boxes elsewhere look at nothing


def test_text_clipped_away_is_not_read_and_is_said(tmp_path):
    document = read_document(clipped_text(tmp_path / "clip.pdf"))
    assert [b.text for b in document.blocks] == ["Expenditure 1268.40 in 2023", "After restore 555", "Inside clip 666"]
    assert document.skipped == ("PDF 中裁剪区域以外的文字 29 个字符未读取（阅读器不显示）",)


def test_glyphs_without_characters_are_not_extractable_not_a_report_without_a_year(tmp_path):
    with pytest.raises(DraftError, match="has text that is not extractable: its fonts name no characters for their "
                                         "480 glyphs \\(no ToUnicode map\\)"):
        read_document(no_tounicode(tmp_path / "cid.pdf"))
    document = read_document(no_tounicode(tmp_path / "mixed.pdf", visible=True))
    assert [b.text for b in document.blocks] == ["Annual report 2023"]  # no (cid:256) among the text
    assert document.skipped == ("PDF 中 480 个字符的字体未给出对应文字（缺少 ToUnicode 映射），无法提取，未读取",)


def test_glyphs_named_by_a_subset_font_only_are_not_read_as_the_letters_of_their_codes(tmp_path):
    """pdfminer read codes 65-68 of glyphs named g1…g4 as ABCD (the base encoding's letters): a report in such a
    font was drafted as Latin nonsense and refused as naming no year."""
    with pytest.raises(DraftError, match="has text that is not extractable: its fonts name no characters for their "
                                         "80 glyphs"):
        read_document(custom_glyph_names(tmp_path / "names.pdf"))
    document = read_document(custom_glyph_names(tmp_path / "mixed.pdf", visible=True))
    assert [b.text for b in document.blocks] == ["Annual report 2023"]
    assert document.skipped == ("PDF 中 80 个字符的字体未给出对应文字（缺少 ToUnicode 映射），无法提取，未读取",)


def _owner_locked(path: Path, permission: int | None) -> Path:
    from fpdf import FPDF
    from fpdf.enums import AccessPermission, EncryptionMethod

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(0, 10, "Annual report 2023: expenditure 1268.40")
    pdf.set_encryption(owner_password="owner", user_password="", permissions=AccessPermission.all(),
                       encryption_method=EncryptionMethod.RC4)
    if permission is not None:
        pdf._security_handler.access_permission = permission  # fpdf2 always sets the reserved bits; a file may not
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("permission", [0, 0xFFFFF0C0, 0xFFFFF0C0 | 0x4 | 0x8 | 0x20])
def test_an_owner_password_forbidding_copying_is_said_not_damaged(tmp_path, permission):
    with pytest.raises(DraftError, match="is protected by its owner against copying its text") as err:
        read_document(_owner_locked(tmp_path / "locked.pdf", permission))
    assert "damaged" not in str(err.value)


def test_an_owner_password_allowing_copying_is_read(tmp_path):
    assert lines(_owner_locked(tmp_path / "open.pdf", None)) == ["Annual report 2023: expenditure 1268.40"]


def test_a_page_tree_naming_pages_that_are_not_there_is_damaged_not_a_crash(tmp_path):
    path = tmp_path / "odd.pdf"
    path.write_bytes(raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [9 0 R] /Count 1 >>",
                              HELVETICA]))
    with pytest.raises(DraftError, match="odd.pdf"):
        read_document(path)


class _Template(str):
    """A refusal's message template that counts how often it is made into a message."""

    made = 0

    def format(self, *args, **kwargs) -> str:
        type(self).made += 1
        return super().format(*args, **kwargs)


def test_a_bound_makes_its_message_only_when_it_refuses_and_reads_the_bound_at_call_time(monkeypatch):
    """Glyphs are counted one by one: a message made (or anything allocated) per glyph would slow every PDF."""
    seen, page_past, file_past = pdf._Unread(), _Template("page {page}: {count:,} past {bound:,}"), _Template("{mb} MB")
    for count in range(1, 1_001):
        seen._bound(7, count, 1_000, page_past, count, 2 << 20, file_past)
    assert _Template.made == 0 and seen.too_dense is None
    with pytest.raises(pdf._Unbounded, match=r"^page 7: 1,001 past 1,000$"):
        seen._bound(7, 1_001, 1_000, page_past, 0, 2 << 20, file_past)
    with pytest.raises(pdf._Unbounded, match=r"^2 MB$"):
        seen._bound(7, 1, 1_000, page_past, (2 << 20) + 1, 2 << 20, file_past)
    assert _Template.made == 2 and seen.too_dense == "2 MB"
    monkeypatch.setattr(pdf, "MAX_GLYPHS", 3)  # the module's bound as it is when a glyph is drawn
    seen = pdf._Unread()
    for _ in range(3):
        seen.count_glyph(1, 1)
    with pytest.raises(pdf._Unbounded, match="holds more than 3 characters"):
        seen.count_glyph(1, 1)


@pytest.mark.parametrize("squeeze, at", [(b"1 Tz", b"150"), (b"0.01 0 0 1 0 0 cm", b"15000")])  # x 150 either way
def test_a_glyph_squeezed_across_to_nothing_is_not_read_and_is_said(tmp_path, squeeze, at):
    """A 9 drawn at 1 % of its width (PDF's horizontal scaling Tz, or a transform, as a browser prints scaleX(0.01))
    shows nothing, and was read into the total: 9 3752.48 drafted as 9 (trial 4's U16). Word's w:w under 10 % was
    already left out."""
    contents = (b"BT /F1 12 Tf 72 700 Td (Expenditure ) Tj ET q " + squeeze + b" BT /F1 12 Tf " + at
                + b" 700 Td (9) Tj ET Q BT /F1 12 Tf 151 700 Td (3752.48 in 2023) Tj ET\n")
    path = tmp_path / "squeezed.pdf"
    path.write_bytes(pages_pdf([contents]))
    items = list(pdf.pdf_items(path))
    assert [i for i in items if isinstance(i, str)] == ["Expenditure 3752.48 in 2023"]
    assert [i.note for i in items if not isinstance(i, str)] == ["PDF 中横向压缩到看不见的文字 1 个字符未读取（阅读器不显示）"]


@pytest.mark.parametrize("box", [b"[595 842 0 0]", b"[0 842 595 0]"])
def test_a_page_box_given_by_other_corners_is_read(tmp_path, box):
    """PDF allows a MediaBox of any two opposite corners and viewers show such a page; its text was all taken for
    off the page and the file refused as "a scanned image?" (trial 4's U29). A page whose text a viewer would not
    show at all says so, not "a scan"."""
    path = tmp_path / "corners.pdf"
    path.write_bytes(pages_pdf([text(["Annual report 2023"])]).replace(b"/MediaBox [0 0 595 842]", b"/MediaBox " + box))
    assert lines(path) == ["Annual report 2023"]
    path.write_bytes(pages_pdf([text(["Annual report 2023"])]).replace(b"/MediaBox [0 0 595 842]",
                                                                       b"/MediaBox [0 0 595 842] /CropBox [0 0 50 50]"))
    with pytest.raises(DraftError, match=r"shows no text a viewer would show: its characters are all hidden \(18 off"):
        read_document(path)


@pytest.mark.parametrize("state, said", [
    (b"3 Tr", "PDF 中不可见的文字（文本渲染模式 3/7）12 个字符未读取（阅读器不显示）"),
    (b"1 1 1 rg", "PDF 中与底色同色或透明的文字 12 个字符未读取（阅读器不显示）")])
def test_a_form_drawn_in_an_invisible_state_shows_nothing_and_is_said(tmp_path, state, said):
    """A form inherits the state it is drawn in (render mode, colour, font size): pdfminer started each form afresh,
    so text drawn invisible or white on white through a form was read (91268.4 beside 1268.40)."""
    document = read_document(form_in_state(tmp_path / "form.pdf", state))
    assert [b.text for b in document.blocks] == ["Expenditure 1268.40 in 2023", "After 555"]
    assert document.skipped == (said,)


def test_text_at_font_size_zero_is_not_read_and_is_said(tmp_path):
    (tmp_path / "zero.pdf").write_bytes(pages_pdf([text(["Expenditure 1268.40 in 2023"])
                                                    + b"BT /F1 0 Tf 72 700 Td (Zero 91268.4) Tj ET\n"]))
    document = read_document(tmp_path / "zero.pdf")
    assert [b.text for b in document.blocks] == ["Expenditure 1268.40 in 2023"]
    assert document.skipped == ("PDF 中字号小于 1 磅（看不清）的文字 12 个字符未读取",)


def test_a_cid_font_without_tounicode_reads_each_glyph_through_its_cid_to_gid_map(tmp_path):
    """A CID font with no ToUnicode map, its CIDs numbered apart from its glyphs (/CIDToGIDMap): pdfminer named each
    CID by the glyph of that number in the embedded font's cmap, and read a jumble of other characters
    (.0123468。万体元出县…) where a viewer shows the report. Each CID is named by the glyph it draws."""
    import re

    from fpdf import FPDF
    from report_files import truetype_font

    line = "2024年度松溪县水文站部门整体支出903.15万元。"
    pdf = FPDF()
    pdf.set_compression(False)
    pdf.add_page()
    pdf.add_font("noto", "", str(truetype_font(line, tmp_path / "font.ttf")))
    pdf.set_font("noto", size=12)
    pdf.cell(0, 8, line)
    pdf.output(str(tmp_path / "mapped.pdf"))
    unmapped = re.sub(rb"/ToUnicode \d+ 0 R", b"", (tmp_path / "mapped.pdf").read_bytes())
    assert b"/CIDToGIDMap" in unmapped and b"/ToUnicode" not in unmapped
    (tmp_path / "unmapped.pdf").write_bytes(unmapped)
    document = read_document(tmp_path / "unmapped.pdf")
    assert [b.text for b in document.blocks] == [line] and document.skipped == ()
