"""Text-based PDF reports into paragraphs and table rows, read as a viewer displays them, within bounds.

pdfplumber finds ruled tables and text lines; the text outside tables is joined back into paragraphs. The file is
bounded: its pages (counted by pdfium, which pdfplumber brings, before pdfminer parses anything) and what its
compressed streams unpack to (a 400 KB stream can unpack to 400 MB), each stream measured as pdfminer is about to
unpack it, whatever its filters and also in an encrypted file, and the glyphs drawn, a page and in all. Each page's
cache is freed once read, so memory does not grow with the pages. A file whose owner forbids copying its text is refused as such. Text set invisible (render
mode 3 or 7: the OCR layer under a scan, or a trick), white on the white page (white over a filled shape or a
picture shows, and is read), clipped away, in a layer that opens hidden, or off the page's visible box is not read, nor are glyphs whose font names no character (no ToUnicode map: pdfminer would write "(cid:123)"); each is
said, and a file of nothing but unmapped glyphs is "not extractable".
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import io
import itertools
import logging
from operator import itemgetter
import re
import statistics
import zlib
from pathlib import Path
from typing import Iterator

from ..core.script import ideographs
from . import pdf_columns as columns
from .documents import (SENTENCE_MARK, TEXT_CUT, Row, Skipped, fail, join_lines, not_the_format, read, text_items,
                         under_columns)
from .numbering import heading_of
from .pdf_running import running

MAX_PAGES = 200  # pages read: a 自评报告 runs to 10-60, 100 with its annexes; each costs about 0.1 s. The rest is said
MAX_FILE_PAGES = 2_000  # pages a file may have at all: its page tree is walked (a few ms a page) before any is read
MAX_STREAM_UNPACKED = 64 << 20  # a page's content or an embedded CJK font: a few MB
MAX_UNPACKED = 256 << 20  # every stream pdfminer may unpack (images are not unpacked to read text)
# glyphs: a page of 5-point Chinese holds ~17,000 (of 12-point ~1,400), and each costs ~2 KB and 30 µs to read; the
# file's bound keeps a report's reading near 20 s of CPU (200 pages of 3,000 characters)
MAX_PAGE_GLYPHS = 30_000
MAX_GLYPHS = 600_000
# drawing instructions a viewer interprets (a page's content streams and the forms it draws, each time it draws
# them): a page of Word's Chinese text is 5-20 KB, Chromium's print 50 KB, one with a vector chart a few hundred KB;
# pdfminer takes 1.2-2.4 s of CPU a MB (numbers, paths, Chromium's glyph-by-glyph text) and builds an object for
# each path, so a page of 60 MB of lines took minutes and a GB, and 36 pages of 1 MB 85 s. The file's bound keeps
# that near 20 s, and a file whose pages' own streams pass it is refused before a page is read.
MAX_PAGE_CONTENT = 4 << 20
MAX_PAGE_STREAMS = 1_000
MAX_CONTENT = 8 << 20
# painted paths (lines, rectangles, curves): pdfminer and pdfplumber keep ~5 KB and spend ~0.1 ms on each; a page's
# table rulings are a few hundred, a vector chart a few thousand
MAX_PAGE_PATHS = 20_000
MAX_PATHS = 200_000
_INVISIBLE_MODES = (3, 7)  # text render modes that paint nothing (7 only adds to the clipping path)
_FILLING_MODES = frozenset({0, 2, 4, 6})  # render modes that fill a glyph (the others stroke it or paint nothing)
_STROKING_MODES = frozenset({1, 2, 5, 6})
_MAY_EXTRACT = 0x10  # permission bit 5: copy or otherwise extract text and graphics
_CHUNK = 1 << 20


def pdf_items(path: Path) -> Iterator[str | Row | Skipped]:
    """Tables found from their ruling lines, and the text outside them as paragraphs.

    Wrapped lines join into one paragraph; a paragraph ends where a line stops short of the text's right
    edge, before a line that is indented, numbered (一、 （一） 1、 …) or set off by a larger gap.
    """
    # pdfminer warns on every font of PDFs that Word and LibreOffice write (FontBBox …): noise to an analyst, who
    # learns what matters from the errors below
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    data = read(path, "a .pdf report")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise fail(path, not_the_format("a PDF file", data))
    _refuse_protected(path, data)
    seen = _Unread()
    with _bounded() as budget:
        pages = _read_pages(path, data, budget, seen)
    seen.undecoded = _with_text(data, seen.blank) if seen.blank else []
    if not any(pages) and seen.undecoded:
        copied = _pdfium_text(data, seen.undecoded)
        if copied is None:
            raise fail(path, "has text the reader cannot decode: PDFium finds characters on its pages, pdfminer "
                             "(which reads the layout) none, as with a font encoded by a CMap embedded in the file; "
                             "save the PDF again from the document (Word, WPS), or send the report as .docx")
        if copied[2] >= sum(not c.isspace() for c in copied[0]):
            raise fail(path, f"has text that is not extractable: its fonts name no characters for {copied[2]:,} of its "
                             "glyphs (no ToUnicode map), so no program can read it as text; save the PDF again from "
                             "the document (with fonts embedded), or send the report as .docx")
        yield from text_items(path, copied[0], printed=True)
        yield Skipped(f"PDF 第 {_page_list(seen.undecoded)} 页的字体编码（文件内嵌的 CMap）版面分析读不出，其文字改由 PDFium 按"
                      "文本读取：段落按行宽接续，表格不按框线分列，请对照原文")
        if copied[1]:
            yield Skipped(f"PDF 中阅读器不显示的文字（不可见、透明、白色、字号小于 1 磅或在页面以外）{copied[1]:,} 个字符未读取")
        if copied[2]:
            yield Skipped(f"PDF 中 {copied[2]:,} 个字符的字体未给出对应文字（缺少 ToUnicode 映射），无法提取，未读取")
        return
    if not any(pages):
        if seen.unmapped:
            raise fail(path, f"has text that is not extractable: its fonts name no characters for their {seen.unmapped:,} "
                             "glyphs (no ToUnicode map), so no program can read it as text; save the PDF again from "
                             "the document (with fonts embedded), or send the report as .docx")
        hidden = {"off its pages' visible box": seen.off_page, "invisible (render mode 3/7)": seen.invisible,
                  "the colour of what lies under it": seen.white, "clipped away": seen.clipped,
                  "in layers that open hidden": seen.layered, "covered": seen.covered, "squeezed to nothing": seen.squeezed,
                  "under 1 point high": seen.tiny}
        if any(hidden.values()):
            kinds = "; ".join(f"{n:,} {why}" for why, n in hidden.items() if n)
            raise fail(path, f"shows no text a viewer would show: its characters are all hidden ({kinds}); if a viewer "
                             "shows the text, save the PDF again from the document, or send the report as .docx")
        raise fail(path, "has no text layer (a scanned image?); a reader needs a PDF saved from the document, "
                         "or the report as .docx")
    pages, furniture = _without_running(pages)
    yield from _paragraphs(pages)
    if seen.pages > MAX_PAGES:  # a long report is read in part, never refused whole (issue 19 item 6)
        yield Skipped(f"{TEXT_CUT}：PDF 共 {seen.pages:,} 页，第 {MAX_PAGES + 1:,}–{seen.pages:,} 页未读取（超过读取的上限 "
                      f"{MAX_PAGES:,} 页）；请将这些页（如附表）另存为文件单独起草")
    if furniture:
        yield Skipped(f"PDF 页眉、页脚中每页印出的文字（页码、打印日期、网址等）{furniture:,} 行未作正文读取")
    if seen.invisible:
        yield Skipped(f"PDF 中不可见的文字（文本渲染模式 3/7）{seen.invisible:,} 个字符未读取（阅读器不显示）")
    if seen.white:
        yield Skipped(f"PDF 中与底色同色或透明的文字 {seen.white:,} 个字符未读取（阅读器不显示）")
    if seen.covered:
        yield Skipped(f"PDF 中被其后绘制的色块或图片遮盖的文字 {seen.covered:,} 个字符未读取（阅读器不显示）")
    if seen.clipped:
        yield Skipped(f"PDF 中裁剪区域以外的文字 {seen.clipped:,} 个字符未读取（阅读器不显示）")
    if seen.layered:
        yield Skipped(f"PDF 中隐藏图层（可选内容，打开时不显示）的文字 {seen.layered:,} 个字符未读取（阅读器不显示）")
    if seen.off_page:
        yield Skipped(f"PDF 中页面可见范围以外的文字 {seen.off_page:,} 个字符未读取（阅读器不显示）")
    if seen.annotated:
        yield Skipped(f"PDF 中页面上显示的批注（文本框批注）{seen.annotated:,} 处的文字未读取（阅读器显示，请对照原文）")
    if seen.squeezed:
        yield Skipped(f"PDF 中横向压缩到看不见的文字 {seen.squeezed:,} 个字符未读取（阅读器不显示）")
    if seen.tiny:
        yield Skipped(f"PDF 中字号小于 1 磅（看不清）的文字 {seen.tiny:,} 个字符未读取")
    if seen.turned:
        yield Skipped(f"PDF 中与正文方向不同（旋转排列）的文字 {seen.turned:,} 个字符未读取（请对照原文）")
    if seen.raised:
        yield Skipped(f"PDF 中接在数字或文字后的上标小字（脚注标记等）{seen.raised:,} 个字符未读取（不作前面数字的一部分，请对照原文）")
    if seen.unmapped:
        yield Skipped(f"PDF 中 {seen.unmapped:,} 个字符的字体未给出对应文字（缺少 ToUnicode 映射），无法提取，未读取")
    if seen.undecoded:
        yield Skipped(f"PDF 第 {_page_list(seen.undecoded)} 页的文字无法解码（字体编码读不出），未读取（请对照原文）")
    if seen.pictured:
        yield Skipped(f"PDF 第 {_page_list(seen.pictured)} 页只有图片、没有文字层（扫描件？），其内容未读取（请对照原文）")


def _with_text(data: bytes, pages: list[int]) -> list[int]:
    """Of these pages (numbered from 1), those PDFium finds characters on. Only for pages pdfminer read nothing
    from, in a file read within every bound (so PDFium parses nothing unbounded)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return []
    found = []
    try:
        for number in pages:
            page = document[number - 1]
            text = page.get_textpage()
            if text.count_chars() > 0:
                found.append(number)
            text.close()
            page.close()
    except pdfium.PdfiumError:
        pass
    finally:
        document.close()
    return found


def _pdfium_text(data: bytes, pages: list[int]) -> tuple[str, int, int] | None:
    """The text PDFium reads on these pages (numbered from 1) as a viewer shows it, a line a line, a form feed between
    pages (read then as a .txt: wrapped lines joined, page numbers at a break left out), how many of its characters
    were not shown and how many have no character (see _pdfium_shown). None when it cannot be read or holds more characters than the
    reader drafts (MAX_GLYPHS). For a file read within every bound."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    texts: list[str] = []
    unseen = unmapped = read = 0
    try:
        for number in pages:
            page = document[number - 1]
            text = page.get_textpage()
            read += text.count_chars()
            if read > MAX_GLYPHS:
                return None
            shown, hidden, unnamed = _pdfium_shown(text, page.get_size())
            texts.append(ideographs(shown).replace("\r\n", "\n").replace("\r", "\n"))
            unseen, unmapped = unseen + hidden, unmapped + unnamed
            text.close()
            page.close()
    except pdfium.PdfiumError:
        return None
    finally:
        document.close()
    return "\f".join(texts), unseen, unmapped


def _pdfium_shown(text, size: tuple[float, float]) -> tuple[str, int, int]:  # noqa: ANN001 - a PdfTextPage
    """A page's characters as PDFium reads them, less those a viewer does not show (render mode 3/7, transparent,
    white on the page, under MIN_GLYPH_PT, off the page) and those whose font names no character (PDFium then gives
    the glyph's code: !"#$ for a report), and how many of each those were. A white glyph on a dark box is left out
    too: PDFium says nothing of what lies under a glyph."""
    import ctypes

    import pypdfium2.raw as raw

    handle = text.raw
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    box = [ctypes.c_double() for _ in range(4)]
    out: list[str] = []
    hidden = unmapped = 0
    for k in range(raw.FPDFText_CountChars(handle)):
        code = raw.FPDFText_GetUnicode(handle, k)
        char = chr(code) if 0 < code < 0x110000 else ""
        if char.isspace() or raw.FPDFText_IsGenerated(handle, k):
            out.append(char)
            continue
        if raw.FPDFText_HasUnicodeMapError(handle, k):
            unmapped += 1
            continue
        shape = raw.FPDFText_GetTextObject(handle, k)
        mode = raw.FPDFTextObj_GetTextRenderMode(shape) if shape else 0
        painted = raw.FPDFText_GetFillColor(handle, k, r, g, b, a) if mode in _FILLING_MODES else \
            raw.FPDFText_GetStrokeColor(handle, k, r, g, b, a)
        raw.FPDFText_GetCharBox(handle, k, *box)
        left, right, bottom, top = (v.value for v in box)
        if (mode in _INVISIBLE_MODES or painted and (a.value <= 255 * _UNSEEN or min(r.value, g.value, b.value)
                                                       >= 255 * (1 - _ALIKE))
                or 0 < raw.FPDFText_GetFontSize(handle, k) < MIN_GLYPH_PT
                or right < 0 or left > size[0] or top < 0 or bottom > size[1]):
            hidden += 1
            continue
        out.append(char)
    return "".join(out), hidden, unmapped


def _page_list(numbers: list[int]) -> str:
    """Page numbers as a person writes them: 2、5、7 (the first ten, then 等 N 页)."""
    shown = "、".join(str(n) for n in numbers[:10])
    return shown if len(numbers) <= 10 else f"{shown} 等 {len(numbers)}"


def _read_pages(path: Path, data: bytes, budget: _Budget, seen: _Unread) -> list[list[tuple[float, dict | list]]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # noqa: B018 - pdfminer walks the page tree here, so a damaged tree fails here (and not in close())
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files (wrapped by pdfplumber)
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if budget.refused:
            raise fail(path, budget.refused) from None
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise fail(path, "is encrypted (password-protected); save an unprotected copy") from None
        if isinstance(cause, RecursionError):
            raise fail(path, "is damaged or hostile: its pages are nested deeper than a reader can follow (a page "
                             "tree or a chain of objects thousands of levels deep); save the PDF again from the "
                             "document, or send the .docx") from None
        raise fail(path, f"is damaged: not a readable PDF ({type(cause).__name__}: {cause})") from None
    with pdf:
        seen.hidden_layers = _hidden_layers(pdf.doc)
        seen.pages = len(pdf.pages)
        if seen.pages > MAX_FILE_PAGES:
            raise fail(path, _too_many_pages(seen.pages))
        _refuse_heavy_pages(path, pdf.pages[:MAX_PAGES], budget)
        pages: list[list[tuple[float, dict | list]]] = []
        try:
            for page in pdf.pages[:MAX_PAGES]:
                _normalise_boxes(page.page_obj)
                left_out = seen.left_out()
                pages.append(_upright_items(page, seen))
                if not pages[-1] and page.images:
                    seen.pictured.append(page.page_number)
                elif not pages[-1] and seen.left_out() == left_out:
                    seen.blank.append(page.page_number)  # nothing read, nothing left out: blank, or not decoded
                page.close()
        except MemoryError:
            raise fail(path, "needs more memory than is free to read; send the report as .docx") from None
        except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on a damaged page
            if budget.refused or seen.too_dense:
                raise fail(path, budget.refused or seen.too_dense) from None
            raise fail(path, f"is damaged: a page could not be read ({type(exc).__name__}: {exc})") from None
    if budget.refused:  # pdfminer swallowed it (a font it could not read): the page was read without that stream
        raise fail(path, budget.refused)
    return pages


def _upright_items(page, seen: _Unread) -> list[tuple[float, dict | list]]:  # noqa: ANN001 - a pdfplumber page
    """A page's items, its text read upright, in the direction most of its glyphs run as the page is shown: a page
    turned by /Rotate (90, 180 or 270: turned in a viewer and saved) or whose text is drawn turned (a landscape
    table printed onto a portrait page) is read turned back, as its text was set, and not bottom line first, right
    to left or one glyph a line."""
    before = dict(vars(seen))
    visible = _visible(page, seen)
    try:
        turn = _text_turn(visible.chars)
        if turn:
            visible.close()
            vars(seen).update(before)  # the page is read again: what it left out is counted once
            rotate = (page.rotation + turn) % 360
            page.page_obj.attrs["Rotate"], page.page_obj.rotate = rotate, rotate
            visible = _visible(page, seen)
        seen.annotated += _shown_annotations(page)
        return _page_items(visible, seen)
    finally:
        visible.close()  # its characters and layout: memory flat in the number of pages


MIN_WIDTH_SCALE = 0.1  # a glyph drawn narrower than this share of its height's scale is not seen (Word: w:w < 10 %)


def _squeezed(matrix: object, scaling: object) -> bool:
    """Is a glyph scaled across to a sliver of its height (its matrix's row lengths, and the text's horizontal
    scaling, Tz, which pdfminer keeps apart), so that nothing of it shows?"""
    if not isinstance(matrix, tuple) or len(matrix) < 4 or not isinstance(scaling, (int, float)):
        return False
    across, up = (matrix[0] ** 2 + matrix[1] ** 2) ** 0.5 * abs(scaling), (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5
    return up > 0 and across < MIN_WIDTH_SCALE * up


MIN_GLYPH_PT = 1.0  # a glyph drawn less than this high cannot be read on the page (Word's text under 1 point likewise)


def _tiny(matrix: object, fontsize: object) -> bool:
    """Is a glyph drawn under MIN_GLYPH_PT high (its font size times its matrix's vertical scale): a decoy set at
    0.2 point shows as a hairline, if at all, and one at size 0 not at all."""
    if not isinstance(matrix, tuple) or len(matrix) < 4 or not isinstance(fontsize, (int, float)):
        return False
    return abs(fontsize) * (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5 < MIN_GLYPH_PT  # 0: drawn at no size (Tf 0)


def _normalise_boxes(page) -> None:  # noqa: ANN001 - a pdfminer PDFPage
    """A page's MediaBox and CropBox as lower-left and upper-right corners: PDF allows any two opposite corners
    ([612 792 0 0]), viewers show such a page, and pdfminer took all its text for off the page (then "a scan?")."""
    for name in ("mediabox", "cropbox"):
        box = getattr(page, name, None)
        if isinstance(box, (list, tuple)) and len(box) == 4 and all(isinstance(v, (int, float)) for v in box):
            x0, y0, x1, y1 = box
            setattr(page, name, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))


def _text_turn(chars: list[dict]) -> int:
    """The degrees (0, 90, 180, 270) by which most of a page's glyphs run turned anticlockwise as the page is shown:
    turning the page that much more clockwise shows them upright. 0 unless more than half run one other way."""
    turns = [_glyph_turn(c.get("matrix")) for c in chars]
    if not turns:
        return 0
    turn = max(set(turns), key=turns.count)
    return turn if turn and turns.count(turn) > len(turns) / 2 else 0


def _glyph_turn(matrix: object) -> int:
    """A glyph's direction in device space (its matrix's first row, y up), to the nearest quarter turn."""
    if not isinstance(matrix, tuple) or len(matrix) < 2:
        return 0
    a, b = matrix[0], matrix[1]
    if abs(a) >= abs(b):
        return 0 if a >= 0 else 180
    return 90 if b > 0 else 270


def _refuse_heavy_pages(path: Path, pages: list, budget: _Budget) -> None:  # pdfplumber pages
    """A file whose pages' own content streams (unpacked within the budget) already pass MAX_CONTENT is refused
    before a page is interpreted: 36 pages of 1 MB took 85 s of CPU to be read, then were refused by the reader.
    The forms a page draws are counted as it draws them (_Unread.count_content)."""
    from pdfminer.pdftypes import stream_value

    size = 0
    for number, page in enumerate(pages, start=1):
        try:
            size += sum(len(stream_value(s).get_data() or b"") for s in page.page_obj.contents or [])
        except Exception:  # noqa: BLE001 - a damaged stream: reading the page says what it makes of it
            if budget.refused:
                raise fail(path, budget.refused) from None
            continue
        if size > MAX_CONTENT:
            raise fail(path, _CONTENT_PAST.format(mb=MAX_CONTENT >> 20, pages=f" on its first {number:,} of "
                                                                             f"{len(pages):,} pages"))


def _shown_annotations(page) -> int:  # noqa: ANN001 - a pdfplumber page
    """How many annotations of a page a viewer draws with their text on it (FreeText: a typewriter or text-box
    comment); a note shown as an icon (/Text) is not counted."""
    try:
        annotations = page.annots
    except Exception:  # noqa: BLE001 - a damaged annotation array: the page's text is read all the same
        return 0
    return sum(1 for a in annotations
               if str(getattr(a.get("data", {}).get("Subtype"), "name", "")) == "FreeText" and a.get("contents"))


def _too_many_pages(pages: int) -> str:
    return (f"has {pages:,} pages; the limit is {MAX_FILE_PAGES:,} (a 自评报告 runs to 10-60, and the first "
            f"{MAX_PAGES:,} of a longer file are read): send the report without its annexes, or split it")


# ---------------------------------------------------------------- bounds on what pdfminer unpacks

class _Unbounded(Exception):
    """A stream pdfminer was about to unpack would pass a bound; raised from inside pdfminer, noted on the budget too
    (pdfminer swallows some exceptions while reading fonts)."""


class _Budget:
    """What the streams of one file have unpacked so far, and the first bound passed (refused)."""

    def __init__(self) -> None:
        self.total = 0
        self.refused: str | None = None

    def charge(self, obj: object, size: int) -> None:
        self.total += size
        if size > MAX_STREAM_UNPACKED:
            self.refused = (f"has a compressed stream (object {obj}) that unpacks to more than "
                            f"{MAX_STREAM_UNPACKED >> 20} MB, far more than a report's text needs (a damaged or "
                            "hostile file); save the PDF again from the document, or send the .docx")
        elif self.total > MAX_UNPACKED:
            self.refused = (f"has compressed streams that unpack to more than {MAX_UNPACKED >> 20} MB in all, far "
                            "more than a report's text needs; save the PDF again from the document, or send the .docx")
        if self.refused:
            raise _Unbounded(self.refused)


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("pdf_budget", default=None)


@contextlib.contextmanager
def _bounded() -> Iterator[_Budget]:
    """Every stream pdfminer unpacks while this is open is first measured, a megabyte at a time and discarded, and
    refused past the bounds: whatever its filters (Flate, LZW, run-length, ASCII85, CCITT), and also when the file
    is encrypted (measured after decrypting, which keeps the size) or the stream sits in an object stream. Images
    are never unpacked to read text, so a report's scans cost nothing here."""
    _install_bounded_decode()
    budget = _Budget()
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


@functools.cache
def _install_bounded_decode() -> None:
    """pdfminer decodes a stream whole in PDFStream.decode, with no bound (a 400 KB stream can unpack to 400 MB);
    it is the one place every unpacked stream passes, so the measure goes there, for files read within _bounded."""
    from pdfminer import pdfdocument
    from pdfminer.pdftypes import PDFStream

    unbounded = PDFStream.decode

    def decode(stream: PDFStream) -> None:
        budget = _BUDGET.get()
        if budget is not None:
            if budget.refused:
                raise _Unbounded(budget.refused)
            data = stream.rawdata
            if stream.decipher and stream.objid is not None:
                data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)  # the same size, or padding less
                stream.rawdata, stream.decipher = data, None  # decrypted once: pdfminer's RC4 is pure Python
            budget.charge(stream.objid if stream.objid is not None else "?", unpacked_size(data, stream.get_filters()))
        unbounded(stream)

    PDFStream.decode = decode  # type: ignore[method-assign]  # pdfminer's own, bounded by the budget above
    pdfdocument.Arcfour = _Arcfour  # type: ignore[misc]  # pdfminer's pure-Python RC4 replaced by OpenSSL's


class _Arcfour:
    """RC4 (the cipher of PDFs encrypted to 128 bits and less) by OpenSSL, for pdfminer's own in pure Python: it took
    18 µs a byte, 90 s for a report of 5 MB, before a stream could even be measured."""

    def __init__(self, key: bytes) -> None:
        from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
        from cryptography.hazmat.primitives.ciphers import Cipher

        self._cipher = Cipher(ARC4(key), mode=None)

    def decrypt(self, data: bytes) -> bytes:
        return self._cipher.decryptor().update(data)

    encrypt = decrypt


def unpacked_size(data: bytes, filters: list[tuple[object, object]]) -> int:
    """What a stream's filters (pdfminer's names and parameters) unpack its data to, counted up to just past
    MAX_STREAM_UNPACKED. A filter that fails counts what it gave (pdfminer reads as much of a damaged stream)."""
    chunks: Iterator[bytes] = iter((data,))
    for name, params in filters:
        chunks = _unpacking(name, params, chunks)
    size = 0
    try:
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_STREAM_UNPACKED:
                break
    except _PastBound:
        return MAX_STREAM_UNPACKED + 1
    except Exception:  # noqa: BLE001, S110 - a damaged stream: what came before counts, pdfminer says the rest
        pass
    return size


class _PastBound(Exception):
    """A filter that cannot unpack a piece at a time knows beforehand that its whole would pass the bound."""


def _unpacking(name: object, params: object, chunks: Iterator[bytes]) -> Iterator[bytes]:
    """One filter over a stream's chunks, as pdfminer applies it, a megabyte at a time where the filter allows;
    the others get their whole input, which the filter before bounded, and give at most four times it."""
    from pdfminer import pdftypes as t

    if name in t.LITERALS_FLATE_DECODE:
        return _inflating(chunks)
    if name in t.LITERALS_RUNLENGTH_DECODE:
        return _run_lengths(b"".join(chunks))
    if name in t.LITERALS_LZW_DECODE:
        return _lzw(b"".join(chunks))
    if name in t.LITERALS_ASCII85_DECODE:
        return _ascii85(b"".join(chunks))
    if name in t.LITERALS_ASCIIHEX_DECODE:
        return iter((t.asciihexdecode(b"".join(chunks)),))
    if name in t.LITERALS_CCITTFAX_DECODE:
        return _ccitt(b"".join(chunks), params)
    return chunks  # images' filters (DCT, JPX, JBIG2) are passed through; others pdfminer refuses itself


def _inflating(chunks: Iterator[bytes]) -> Iterator[bytes]:
    inflate = zlib.decompressobj()
    for data in chunks:
        pending = data
        while pending and not inflate.eof:
            out = inflate.decompress(pending, _CHUNK)
            if not out and len(inflate.unconsumed_tail) == len(pending):
                return  # no progress: the input needs more than it has
            yield out
            pending = inflate.unconsumed_tail
        if inflate.eof:
            return


def _run_lengths(data: bytes) -> Iterator[bytes]:
    at = 0
    while at < len(data) and data[at] != 128:
        length = data[at]
        if length < 128:
            yield data[at + 1:at + length + 2]
            at += length + 2
        else:
            yield data[at + 1:at + 2] * (257 - length)
            at += 2


def _lzw(data: bytes) -> Iterator[bytes]:
    from pdfminer.lzw import CorruptDataError, LZWDecoder

    decoder = LZWDecoder(io.BytesIO(data))  # its run() logs a copy of its table at every code: too slow to measure
    while True:
        try:
            yield decoder.feed(decoder.readbits(decoder.nbits))
        except (EOFError, CorruptDataError):
            return


def _ascii85(data: bytes) -> Iterator[bytes]:
    from pdfminer.ascii85 import ascii85decode

    digits = data.translate(None, b" \t\r\n\f\0")
    zeros = digits.count(b"z")
    if zeros * 4 + (len(digits) - zeros) * 4 // 5 > MAX_STREAM_UNPACKED:  # "z" gives four zero bytes, 5 digits four
        raise _PastBound
    yield ascii85decode(data)


def _ccitt(data: bytes, params: object) -> Iterator[bytes]:
    from pdfminer.ccitt import ccittfaxdecode

    columns = params.get("Columns", 1728) if isinstance(params, dict) else 1728
    if not isinstance(columns, int) or len(data) * 8 * -(-columns // 8) > MAX_STREAM_UNPACKED:
        raise _PastBound  # one bit can end a row of Columns/8 bytes
    yield ccittfaxdecode(data, params)


def _refuse_protected(path: Path, data: bytes) -> None:
    """Pages over the bound, and a file whose owner password forbids copying its text, refused as such (pdfminer
    reads some of these, fails on others, e.g. permissions 0, as if damaged). pdfium only opens the file here."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise fail(path, "is encrypted (password-protected); save an unprotected copy") from None
        return  # pdfminer, more lenient with damaged files, says what it makes of it
    try:
        if len(document) > MAX_FILE_PAGES:
            raise fail(path, _too_many_pages(len(document)))
        if pdfium_c.FPDF_GetSecurityHandlerRevision(document.raw) != -1:
            if not pdfium_c.FPDF_GetDocPermissions(document.raw) & _MAY_EXTRACT:
                raise fail(path, "is protected by its owner against copying its text (an owner password whose "
                                 "permissions forbid it); ask for a copy saved without protection, or the .docx")
    finally:
        document.close()


# ---------------------------------------------------------------- what a viewer shows

class _Unread:
    """Glyphs left out: invisible (render mode 3 or 7), white on the white page, outside the clipping path, in a layer
    shown off (optional content), off the page's visible box (its CropBox), and unmapped (their font names no
    character). `hidden_layers`: the object numbers of
    the layers (optional content groups) a viewer opens hidden."""

    def __init__(self) -> None:
        self.invisible = 0
        self.white = 0
        self.covered = 0
        self.clipped = 0
        self.layered = 0
        self.off_page = 0
        self.unmapped = 0
        self.raised = 0  # superscript footnote markers after a figure or a word
        self.squeezed = 0  # glyphs scaled to a sliver across (a 9 at 1 % width: PDF's Tz, a transform)
        self.tiny = 0  # glyphs drawn under 1 point high (as Word's text under 1 point)
        self.turned = 0  # glyphs outside tables running another way than the page's text (a side note turned 90°)
        self.annotated = 0  # annotations a viewer draws with their text on the page (FreeText), not read
        self.pictured: list[int] = []  # pages holding pictures and no text: a scan (a signed, stamped 自评表 page)
        self.blank: list[int] = []  # pages of which nothing was read and nothing left out: blank, or not decoded
        self.undecoded: list[int] = []  # of those, pages PDFium finds text on: pdfminer could not decode their font
        self.glyphs = 0
        self.content = 0
        self.paths = 0
        self.too_dense: str | None = None
        self.hidden_layers: frozenset[int] = frozenset()
        self.pages = 0  # the file's pages; the first MAX_PAGES are read

    def left_out(self) -> int:
        """Glyphs left out so far, whatever the reason."""
        return (self.invisible + self.white + self.covered + self.clipped + self.layered + self.off_page
                + self.unmapped + self.raised + self.squeezed + self.tiny + self.turned)

    def count_streams(self, streams: int, page: int) -> None:
        """A page (or a form) drawn from `streams` content streams: Word writes one, some programs a few dozen."""
        self._bound(page, streams, MAX_PAGE_STREAMS, _PAGE_STREAMS_PAST)

    def count_content(self, on_page: int, size: int, page: int) -> None:
        """A content stream of `size` bytes about to be interpreted (on_page bytes on this page with it): past a
        bound, refused before it is read."""
        self.content += size
        self._bound(page, on_page, MAX_PAGE_CONTENT, _PAGE_CONTENT_PAST, self.content, MAX_CONTENT, _CONTENT_PAST)

    def count_path(self, on_page: int, page: int) -> None:
        """One more path painted (on_page so far on this page): past a bound, refused before it costs more."""
        self.paths += 1
        self._bound(page, on_page, MAX_PAGE_PATHS, _PAGE_PATHS_PAST, self.paths, MAX_PATHS, _PATHS_PAST)

    def count_cover_checks(self, on_page: int, page: int) -> None:
        """Glyphs looked at under boxes and pictures painted over a page (on_page so far): past a bound, refused."""
        self._bound(page, on_page, MAX_PAGE_COVER_CHECKS, _PAGE_COVERS_PAST)

    def count_glyph(self, on_page: int, page: int) -> None:
        """One more glyph drawn (on_page so far on this page): past a bound, refused before it costs more."""
        self.glyphs += 1
        self._bound(page, on_page, MAX_PAGE_GLYPHS, _PAGE_GLYPHS_PAST, self.glyphs, MAX_GLYPHS, _GLYPHS_PAST)

    def _bound(self, page: int, on_page: int, page_bound: int, past_page: str,
               in_file: int = 0, file_bound: int | None = None, past_file: str = "") -> None:
        """Refused once `on_page` passes `page_bound` or `in_file` passes `file_bound`. It runs for every glyph drawn,
        so the message (a template of {page}, {count}, {bound} and {mb}, the bound in MB) is made only on refusal."""
        if on_page > page_bound:
            self.too_dense = past_page.format(page=page, count=on_page, bound=page_bound, mb=page_bound >> 20)
        elif file_bound is not None and in_file > file_bound:
            self.too_dense = past_file.format(bound=file_bound, mb=file_bound >> 20, pages=" in all")
        else:
            return
        raise _Unbounded(self.too_dense)


_RESEND = "save the PDF again from the document, or send the .docx"
_PAGE_STREAMS_PAST = ("has a page (page {page}) drawn from {count:,} content streams, more than any report's page needs "
                      "(a damaged or hostile file); " + _RESEND)
_PAGE_CONTENT_PAST = ("has a page (page {page}) of more than {mb} MB of drawing instructions, more than any report's "
                      "page holds (a damaged or hostile file); " + _RESEND)
_CONTENT_PAST = ("has more than {mb} MB of drawing instructions{pages}, more than the reader reads in one report (about "
                 "20 s of reading; a 自评报告 of 60 pages holds 1-3 MB): draft the 自评报告 alone, split the file, or "
                 "send the .docx")
_PAGE_PATHS_PAST = ("has a page (page {page}) of more than {bound:,} drawn lines and shapes, more than any report's "
                    "page holds (a damaged or hostile file, or a detailed map); " + _RESEND)
_PATHS_PAST = "has more than {bound:,} drawn lines and shapes in all, more than a report's pages hold; " + _RESEND
_PAGE_COVERS_PAST = ("has a page (page {page}) painting boxes and pictures over its text more than {bound:,} times a "
                     "glyph, more than any report's page does; " + _RESEND)
_PAGE_GLYPHS_PAST = ("has a page (page {page}) of more than {bound:,} characters, more than any report's page holds (a "
                     "dense or hostile file); " + _RESEND)
_GLYPHS_PAST = ("holds more than {bound:,} characters; the reader drafts reports of at most that many (200 pages of "
                "3,000, about 20 s of reading): draft the 自评报告 alone, or split the file")


def _hidden_layers(document) -> frozenset[int]:  # noqa: ANN001 - a pdfminer PDFDocument
    """The optional content groups (layers) a viewer shows off when it opens the file: the default configuration's
    OFF list, or every group but its ON list when its base state is OFF."""
    from pdfminer.pdftypes import PDFObjRef, resolve1

    def numbers(refs: object) -> set[int]:
        refs = resolve1(refs)
        return {r.objid for r in refs if isinstance(r, PDFObjRef)} if isinstance(refs, list) else set()

    try:
        properties = resolve1(document.catalog.get("OCProperties"))
        default = resolve1(properties.get("D")) if isinstance(properties, dict) else None
        if not isinstance(default, dict):
            return frozenset()
        base_off = getattr(resolve1(default.get("BaseState")), "name", "ON") == "OFF"
        if base_off:
            return frozenset(numbers(properties.get("OCGs")) - numbers(default.get("ON")))
        return frozenset(numbers(default.get("OFF")))
    except Exception:  # noqa: BLE001 - a damaged OCProperties: every layer as shown (as a lenient viewer does)
        return frozenset()


def _layer_hidden(group: object, hidden: frozenset[int]) -> bool:
    """Whether marked content in this optional content group (or membership dictionary: shown when any of its
    groups is, the default policy) is hidden when the file opens."""
    from pdfminer.pdftypes import PDFObjRef, resolve1

    if isinstance(group, PDFObjRef):
        if group.objid in hidden:
            return True
        group = resolve1(group)
    if isinstance(group, dict) and getattr(group.get("Type"), "name", None) == "OCMD":
        members = resolve1(group.get("OCGs"))
        members = members if isinstance(members, list) else [members]
        refs = [m for m in members if isinstance(m, PDFObjRef)]
        return bool(refs) and all(m.objid in hidden for m in refs)
    return False


def _forget_unnamed_glyphs(font, spec: dict) -> None:  # noqa: ANN001 - a pdfminer PDFSimpleFont
    """Codes the font's /Differences name with a glyph name that is no character's lose their character."""
    from pdfminer.encodingdb import name2unicode
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral

    encoding = resolve1(spec.get("Encoding"))
    differences = resolve1(encoding.get("Differences")) if isinstance(encoding, dict) else None
    code = 0
    for entry in differences if isinstance(differences, list) else []:
        if isinstance(entry, int):
            code = entry
        elif isinstance(entry, PSLiteral):
            try:
                name2unicode(str(entry.name))
            except (KeyError, ValueError):
                font.cid2unicode.pop(code, None)
            code += 1


MAX_CID = 1 << 16  # CIDs a CIDToGIDMap maps (two bytes each)


def _characters_through_gids(font, spec: dict) -> None:  # noqa: ANN001 - a pdfminer PDFCIDFont
    """A CID font with no ToUnicode map whose glyphs pdfminer names from its embedded TrueType's own cmap takes
    each CID for the glyph of that number; a /CIDToGIDMap stream says which glyph each CID draws (fpdf and other
    subsetting writers number CIDs apart from glyphs), so the characters read were others than those shown
    (档案馆 read as a jumble of the font's glyphs). Each CID is given its glyph's character, as a viewer draws it; a
    CID whose glyph has none is left without one (not extractable, said)."""
    from pdfminer.cmapdb import FileUnicodeMap
    from pdfminer.pdftypes import PDFStream, resolve1

    descendants = resolve1(spec.get("DescendantFonts"))
    cid_font = resolve1(descendants[0]) if isinstance(descendants, list) and descendants else None
    gids = resolve1(cid_font.get("CIDToGIDMap")) if isinstance(cid_font, dict) else None
    by_glyph = getattr(font.unicode_map, "cid2unichr", None)
    if ("ToUnicode" in spec or font.cidcoding not in ("Adobe-Identity", "Adobe-UCS") or getattr(font, "by_gid", False)
            or not isinstance(gids, PDFStream) or not isinstance(by_glyph, dict)):
        return  # named by its ToUnicode or its collection, or already mapped (fonts are shared across pages)
    data = gids.get_data()[: 2 * MAX_CID] or b""
    mapped = FileUnicodeMap()
    for cid in range(len(data) // 2):
        glyph = by_glyph.get(int.from_bytes(data[2 * cid: 2 * cid + 2], "big"))
        if glyph and cid:
            mapped.cid2unichr[cid] = glyph
    font.unicode_map, font.by_gid = mapped, True


_Box = tuple[float, float, float, float]
_RGB = tuple[float, float, float]
_PAPER: _RGB = (1.0, 1.0, 1.0)  # the page a viewer shows under everything drawn
_COMPONENT_SPACES = frozenset({"DeviceGray", "DeviceRGB", "DeviceCMYK", "CalGray", "CalRGB", "ICCBased"})
_ALIKE = 0.05  # colours nearer than this in every channel look the same (#fefefe on white)
_OPAQUE = 0.95  # a fill at this alpha hides what it covers
_UNSEEN = 0.05  # a glyph at this alpha or less is not seen


def _rgb(colour: object, space: object) -> _RGB | None:
    """A colour as RGB where its space says how (gray, RGB, CMYK, and ICC spaces of 1, 3 or 4 components); None for a
    spot colour's tint, a pattern or an unknown space, which are never taken for the colour of what lies under."""
    if getattr(space, "name", "DeviceGray") not in _COMPONENT_SPACES:
        return None
    values = colour if isinstance(colour, tuple) else (colour,)
    v = [float(x) for x in values if isinstance(x, (int, float))]
    if not v or len(v) != len(values):
        return None
    if len(v) == 1:
        return v[0], v[0], v[0]
    if len(v) == 3:
        return v[0], v[1], v[2]
    if len(v) == 4:
        return (1 - v[0]) * (1 - v[3]), (1 - v[1]) * (1 - v[3]), (1 - v[2]) * (1 - v[3])
    return None


def _alike(a: _RGB, b: _RGB) -> bool:
    return max(abs(x - y) for x, y in zip(a, b)) < _ALIKE


_BAND = 20.0  # glyphs are kept by squares of this side, so a box painted over text looks at its own squares only
MAX_PAGE_COVER_CHECKS = 2_000_000  # glyphs looked at under painted boxes on a page (about a second of CPU)


def _square(point: tuple[float, float]) -> tuple[int, int]:
    return int(point[1] // _BAND), int(point[0] // _BAND)


def _centre(glyph) -> tuple[float, float]:  # noqa: ANN001 - a pdfminer LTChar
    return (glyph.x0 + glyph.x1) / 2, (glyph.y0 + glyph.y1) / 2


def _inside(point: tuple[float, float], box: _Box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def _within(box: _Box, clip: _Box | None) -> _Box:
    """The part of box inside clip (clips only ever narrow); an empty part is a box no point is inside."""
    if clip is None:
        return box
    return (max(box[0], clip[0]), max(box[1], clip[1]), min(box[2], clip[2]), min(box[3], clip[3]))


def _ending_path(operator):  # noqa: ANN001, ANN202 - a pdfminer interpreter's do_ method in, the same out
    @functools.wraps(operator)
    def ended(self) -> None:  # noqa: ANN001 - the interpreter
        self.end_path()
        operator(self)
    return ended


@functools.cache
def _visible_page_class() -> type:
    """A pdfplumber Page whose layout comes from pdfplumber's own device less the glyphs a viewer does not show as
    text (pdfplumber takes no device of one's own: Page.layout is the one place it makes it). Made on first use:
    pdfplumber is imported only when a PDF is read."""
    from unicodedata import normalize

    from pdfminer.layout import LTChar, LTRect
    from pdfminer.pdffont import PDFCIDFont, PDFSimpleFont
    from pdfminer.pdftypes import resolve1, stream_value
    from pdfminer.psparser import PSLiteral
    from pdfminer.pdfinterp import LITERAL_FORM, PDFPageInterpreter
    from pdfminer.utils import apply_matrix_pt, apply_matrix_rect, mult_matrix
    from pdfplumber.page import ALL_ATTRS, Page, PDFPageAggregatorWithMarkedContent, fix_fontname_bytes
    from pdfplumber.utils import resolve_all, resolve_and_decode
    from pdfplumber.utils.exceptions import PdfminerException

    class VisibleTextDevice(PDFPageAggregatorWithMarkedContent):
        # pdfminer's signature, untyped
        def __init__(self, *args, seen: _Unread, properties: dict, **kwargs) -> None:  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            self.seen, self.mode, self.unmapped = seen, 0, False
            self.properties = properties  # the page's named property lists (/OC /oc1 BDC names one)
            self.layers: list[bool] = []  # for each marked-content sequence open: does it hide (a layer shown off)?
            self.drawn = 0  # glyphs on this page
            self.instructions = 0  # bytes of content streams interpreted on this page
            self.painted = 0  # paths painted on this page
            self.shown = (float("-inf"), float("-inf"), float("inf"), float("inf"))
            self.clip: _Box | None = None  # the clipping path's box (the interpreter keeps it); None: the page
            self.grounds: list[tuple[_Box, _RGB | None]] = []  # filled shapes (their colour) and pictures (None)
            self.placed: dict[tuple[int, int], list[tuple[object, object]]] = {}  # glyphs shown (and their
            # container) by the square of the page their centre falls in
            self.checks = 0  # glyphs looked at under boxes and pictures painted on this page
            self.alpha = (1.0, 1.0)  # fill and stroke opacity (the interpreter keeps them)
            self.painting = 0  # depth of paint_path (it recurses into subpaths)

        def begin_page(self, page, ctm) -> None:  # noqa: ANN001 - pdfminer's signature, untyped
            super().begin_page(page, ctm)
            x0, y0, x1, y1 = apply_matrix_rect(ctm, page.cropbox)  # a viewer shows the CropBox of the MediaBox
            box = self.cur_item.bbox
            self.shown = (max(x0, box[0]), max(y0, box[1]), min(x1, box[2]), min(y1, box[3]))
            self.clip, self.grounds, self.placed, self.alpha, self.checks = None, [], {}, (1.0, 1.0), 0

        def paint_path(self, gstate, stroke, fill, evenodd, path) -> None:  # noqa: ANN001 - pdfminer's, untyped
            if not self.painting:
                self.painted += 1
                self.seen.count_path(self.painted, self.pageno)
            before = len(self.cur_item._objs)
            self.painting += 1
            try:
                super().paint_path(gstate, stroke, fill, evenodd, path)
            finally:
                self.painting -= 1
            if fill and not self.painting and self.alpha[0] >= _OPAQUE:
                shapes = self.cur_item._objs[before:]
                colour = _rgb(gstate.ncolor, gstate.ncs)
                self.grounds += [(shape.bbox, colour) for shape in shapes]
                for shape in shapes:
                    if isinstance(shape, LTRect):
                        self._cover(shape.bbox)

        def _cover(self, box: _Box) -> None:
            """Glyphs shown before an opaque box painted over them are hidden, as a viewer draws it (a redaction).
            Only the squares of the visible page the box overlaps are looked at, and the glyphs looked at on a page
            are bounded (thousands of boxes over a page dense with glyphs took minutes)."""
            x0, y0, x1, y1 = _within(box, self.shown)
            if x0 > x1 or y0 > y1:
                return
            for row in range(int(y0 // _BAND), int(y1 // _BAND) + 1):
                for column in range(int(x0 // _BAND), int(x1 // _BAND) + 1):
                    glyphs = self.placed.get((row, column))
                    if not glyphs:
                        continue
                    self.checks += len(glyphs)
                    self.seen.count_cover_checks(self.checks, self.pageno)
                    kept = []
                    for glyph, container in glyphs:
                        if _inside(_centre(glyph), box):
                            container._objs.remove(glyph)
                            self.seen.covered += 1
                        else:
                            kept.append((glyph, container))
                    self.placed[(row, column)] = kept

        def render_image(self, name, stream) -> None:  # noqa: ANN001 - pdfminer's signature, untyped
            """A picture drawn over glyphs hides them when it is opaque (no soft mask, no mask: a JPEG or a plain
            bitmap laid over a decoy figure); one with transparency shows what lies under it (a seal over the 落款)."""
            self.painted += 1  # a picture counts as a shape drawn: each may be checked against the glyphs under it
            self.seen.count_path(self.painted, self.pageno)
            super().render_image(name, stream)
            self.grounds.append((self.cur_item.bbox, None))  # the figure the picture fills: of no one colour
            masked = any(stream.get(key) is not None for key in ("SMask", "Mask")) or stream.get("ImageMask")
            if not masked and self.alpha[0] >= _OPAQUE:
                self._cover(self.cur_item.bbox)

        def begin_tag(self, tag, props=None) -> None:  # noqa: ANN001 - pdfminer's signature, untyped
            super().begin_tag(tag, props)
            hides = False
            if getattr(tag, "name", None) == "OC":
                group = self.properties.get(props.name) if isinstance(props, PSLiteral) else props
                hides = _layer_hidden(group, self.seen.hidden_layers)
            self.layers.append(hides)

        def end_tag(self) -> None:
            super().end_tag()
            if self.layers:
                self.layers.pop()

        # pdfminer's signature, untyped
        def render_string(self, textstate, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
            self.mode = textstate.render
            super().render_string(textstate, *args, **kwargs)

        def handle_undefined_char(self, font, cid: int) -> str:  # noqa: ANN001 - pdfminer's signature, untyped
            self.unmapped = True
            return ""

        def render_char(self, *args, **kwargs) -> float:  # noqa: ANN002, ANN003 - pdfminer's signature, untyped
            self.drawn += 1
            self.seen.count_glyph(self.drawn, self.pageno)
            adv = super().render_char(*args, **kwargs)
            glyph = self.cur_item._objs[-1]
            x0, y0, x1, y1 = self.shown
            off_page = glyph.x1 < x0 or glyph.x0 > x1 or glyph.y1 < y0 or glyph.y0 > y1
            layered = any(self.layers)
            centre = _centre(glyph)
            clipped = self.clip is not None and not _inside(centre, self.clip)
            white = not (off_page or layered or clipped) and self._unseen(glyph.graphicstate, centre)
            squeezed = _squeezed(glyph.matrix, args[3] if len(args) > 3 else kwargs.get("scaling", 1))
            tiny = _tiny(glyph.matrix, args[2] if len(args) > 2 else kwargs.get("fontsize", 1))
            if (self.mode in _INVISIBLE_MODES or self.unmapped or off_page or layered or clipped or white or squeezed
                    or tiny):
                self.cur_item._objs.pop()  # the glyph still advances the pen, as the viewer draws the rest
                if self.unmapped:
                    self.seen.unmapped += 1
                elif self.mode in _INVISIBLE_MODES:
                    self.seen.invisible += 1
                elif layered:
                    self.seen.layered += 1
                elif off_page:
                    self.seen.off_page += 1
                elif clipped:
                    self.seen.clipped += 1
                elif squeezed:
                    self.seen.squeezed += 1
                elif tiny:
                    self.seen.tiny += 1
                else:
                    self.seen.white += 1
                self.unmapped = False
            else:
                self.placed.setdefault(_square(centre), []).append((glyph, self.cur_item))
            return adv

        def _unseen(self, gstate, centre: tuple[float, float]) -> bool:  # noqa: ANN001 - a PDFGraphicState
            """Does the glyph paint nothing a reader sees: fully transparent, or the colour of what lies under it
            (white on the white page, #fefefe, yellow on a yellow box), in fill, stroke or both as its mode says?"""
            painted = ([(gstate.ncolor, gstate.ncs, self.alpha[0])] if self.mode in _FILLING_MODES else []) + (
                [(gstate.scolor, gstate.scs, self.alpha[1])] if self.mode in _STROKING_MODES else [])
            if not painted:
                return False
            colours = [(_rgb(colour, space), alpha) for colour, space, alpha in painted]
            if all(alpha <= _UNSEEN for _, alpha in colours):
                return True
            if any(rgb is None or max(rgb) < 0.35 for rgb, _ in colours):
                return False  # dark text (most of it), or a colour of no known look: seen
            ground = next((colour for box, colour in reversed(self.grounds) if _inside(centre, box)), _PAPER)
            return ground is not None and all(_alike(rgb, ground) for rgb, _ in colours if rgb is not None)

    plain = frozenset({float, int, str, bool, type(None)})
    space_name = functools.lru_cache(maxsize=64)(resolve_and_decode)  # a colour space's name, the same each glyph

    def resolved(value):  # noqa: ANN001, ANN202 - any PDF value
        kind = type(value)
        if kind in plain or kind is tuple and all(type(v) in plain for v in value):
            return value  # what resolve_all makes of it: nothing to resolve
        return resolve_all(value)

    class NamingInterpreter(PDFPageInterpreter):
        """pdfminer's, but a glyph of a simple font whose /Differences give it a name that names no character (g12,
        glyph7: a subset font's own names) has no character: pdfminer kept the base encoding's letter for its code,
        so a Chinese report in such a font read as Latin letters (then "names no year") rather than not extractable."""

        inherited: tuple | None = None  # a form's interpreter: the text and graphics state it is drawn in

        def dup(self):  # noqa: ANN202 - pdfminer's signature, untyped
            """The interpreter of a form this one draws, which starts in this one's state: a form inherits the
            graphics state, text state and colours it is drawn in (render mode 3 or white fill set before Do), where
            pdfminer started it afresh and read the form's invisible text."""
            child = super().dup()
            child.inherited = (self.textstate.copy(), self.graphicstate.copy())
            return child

        def init_state(self, ctm) -> None:  # noqa: ANN001 - pdfminer's signature, untyped
            super().init_state(ctm)
            if self.inherited is not None:
                self.textstate, self.graphicstate = (state.copy() for state in self.inherited)
            self.clip: _Box | None = self.device.clip  # a form drawn inside a clip stays inside it
            self.clips: list[tuple[_Box | None, tuple[float, float]]] = []  # clip and opacity saved with q
            self.clipping = False  # a W or W* waits for the path's end to clip to it

        def do_q(self) -> None:
            self.clips.append((self.clip, self.device.alpha))
            super().do_q()

        def do_Q(self) -> None:
            if self.gstack and self.clips:
                self.clip, self.device.alpha = self.clips.pop()
                self.device.clip = self.clip
            super().do_Q()

        def do_gs(self, name) -> None:  # noqa: ANN001 - pdfminer's signature, untyped
            """A graphics state's opacity (/ca fill, /CA stroke), which pdfminer does not keep."""
            states = resolve1((self.resources or {}).get("ExtGState")) if isinstance(self.resources, dict) else None
            state = resolve1(states.get(getattr(name, "name", name))) if isinstance(states, dict) else None
            if isinstance(state, dict):
                fill, stroke = (resolve1(state.get(key)) for key in ("ca", "CA"))
                self.device.alpha = (float(fill) if isinstance(fill, (int, float)) else self.device.alpha[0],
                                     float(stroke) if isinstance(stroke, (int, float)) else self.device.alpha[1])

        def do_W(self) -> None:
            self.clipping = True

        def do_W_a(self) -> None:
            self.clipping = True

        def do_Do(self, xobjid) -> None:  # noqa: ANN001 - pdfminer's signature, untyped
            """A form draws only inside its /BBox (a viewer clips it there: text a form places outside is not
            shown); the form's own clips end with it."""
            xobj = resolve1(self.xobjmap.get(getattr(xobjid, "name", xobjid))) if isinstance(self.xobjmap, dict) \
                else None
            attrs = getattr(xobj, "attrs", {})
            box, matrix = resolve1(attrs.get("BBox")), resolve1(attrs.get("Matrix")) or (1, 0, 0, 1, 0, 0)
            if (attrs.get("Subtype") is LITERAL_FORM and isinstance(box, list) and len(box) == 4
                    and isinstance(matrix, list | tuple) and len(matrix) == 6
                    and all(isinstance(v, (int, float)) for v in (*box, *matrix))):
                shown = apply_matrix_rect(mult_matrix(tuple(matrix), self.ctm), tuple(box))
                self.device.clip = _within(shown, self.clip)
            super().do_Do(xobjid)
            self.device.clip = self.clip

        def end_path(self) -> None:
            """The path ends (painted or not): after W it also clips what follows, to its box within the clip."""
            if self.clipping and self.curpath:
                points = [apply_matrix_pt(self.ctm, (float(x), float(y))) for segment in self.curpath
                          for x, y in zip(segment[1::2], segment[2::2], strict=False)]
                if points:
                    xs, ys = [p[0] for p in points], [p[1] for p in points]
                    self.clip = self.device.clip = _within((min(xs), min(ys), max(xs), max(ys)), self.clip)
            self.clipping = False

        def execute(self, streams) -> None:  # noqa: ANN001 - pdfminer's signature, untyped
            """Each stream is measured (unpacked, within the unpacking bound) before a byte of it is interpreted: a
            page's own and each form's each time the page draws it."""
            self.device.seen.count_streams(len(streams), self.device.pageno)
            for stream in streams:
                size = len(stream_value(stream).get_data() or b"")
                self.device.instructions += size
                self.device.seen.count_content(self.device.instructions, size, self.device.pageno)
            super().execute(streams)

        def init_resources(self, resources) -> None:  # noqa: ANN001 - pdfminer's signature, untyped
            super().init_resources(resources)
            specs = resolve1(resources.get("Font")) if isinstance(resources, dict) else None
            for fontid, font in self.fontmap.items():
                spec = resolve1(specs.get(fontid)) if isinstance(specs, dict) else None
                if isinstance(font, PDFSimpleFont) and isinstance(spec, dict):
                    _forget_unnamed_glyphs(font, spec)
                elif isinstance(font, PDFCIDFont) and isinstance(spec, dict):
                    _characters_through_gids(font, spec)

    for operator in ("n", "S", "f", "f_a", "B", "B_a"):  # every operator that ends a path (s, b, b*, F call these)
        setattr(NamingInterpreter, f"do_{operator}", _ending_path(getattr(PDFPageInterpreter, f"do_{operator}")))

    class VisiblePage(Page):
        seen: _Unread

        def process_object(self, obj):  # noqa: ANN001, ANN202 - overrides pdfplumber's, same dict out
            """pdfplumber's own for a glyph, less its per-attribute calls: resolving PDF references in a glyph's
            plain numbers and strings took most of the time of reading a page (a 200-page report: 60 %)."""
            if type(obj) is not LTChar:
                return super().process_object(obj)
            attr = {k: resolved(v) for k, v in obj.__dict__.items() if k in ALL_ATTRS}
            attr["object_type"] = "char"
            attr["page_number"] = self.page_number
            for space in ("ncs", "scs"):
                if hasattr(obj, space):
                    name = getattr(obj, space).name
                    attr[space] = space_name(name) if type(name) is str else resolve_and_decode(name)
            text = obj.get_text()
            attr["text"] = normalize(self.pdf.unicode_norm, text) if self.pdf.unicode_norm is not None else text
            gs = obj.graphicstate
            attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
            attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
            if isinstance(attr["fontname"], bytes):
                attr["fontname"] = fix_fontname_bytes(attr["fontname"])
            attr["y0"], attr["y1"] = _on_baseline(obj)
            mb_x0, mb_top = self.mediabox[:2]
            attr["top"] = (self.height - attr["y1"]) + mb_top
            attr["bottom"] = (self.height - attr["y0"]) + mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
            if mb_x0 != 0:
                attr["x0"] = attr["x0"] + mb_x0
                attr["x1"] = attr["x1"] + mb_x0
            return attr

        @property
        def layout(self):  # noqa: ANN202 - overrides pdfplumber's untyped property
            if not hasattr(self, "_layout"):
                properties = resolve1((self.page_obj.resources or {}).get("Properties")) or {}
                device = VisibleTextDevice(self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams,
                                           seen=self.seen, properties=properties if isinstance(properties, dict) else {})
                try:
                    NamingInterpreter(self.pdf.rsrcmgr, device).process_page(self.page_obj)
                except Exception as exc:
                    raise PdfminerException(exc) from exc
                self._layout = device.get_result()
            return self._layout

    return VisiblePage


GLYPH_BELOW_BASELINE = 0.12  # of its size: where an upright glyph's box begins below its baseline, in every font
MAX_DESCENT = 0.35  # of its size: the most a font puts its box's foot below the baseline (a raised glyph goes beyond)


def _on_baseline(glyph) -> tuple[float, float]:  # noqa: ANN001 - a pdfminer LTChar
    """The glyph's box (y0, y1) measured from its baseline alike in every font. pdfminer places a box by its font's
    descent, so in a line of 宋体 with its digits in Times New Roman (Word's default pairing) the digits' boxes sat
    3.5 pt lower at 16 pt and were read as a line of their own (8 2 60 54 under a line with gaps). A glyph raised or
    lowered past any font's descent (a superscript set with a text rise) keeps its box."""
    a, b, c, d, _, baseline = glyph.matrix
    y0, y1 = glyph.y0, glyph.y1
    size = y1 - y0
    if b or c or a <= 0 or d <= 0 or size <= 0 or not -MAX_DESCENT <= (y0 - baseline) / size <= 0.05:
        return y0, y1
    foot = baseline - GLYPH_BELOW_BASELINE * size
    return foot, foot + size


def _visible(page, seen: _Unread):  # noqa: ANN001, ANN202 - a pdfplumber Page in, one reading only what shows out
    visible = _visible_page_class()(page.pdf, page.page_obj, page_number=page.page_number,
                                    initial_doctop=page.initial_doctop)
    visible.seen = seen
    return visible


def _page_items(page, seen: _Unread) -> list[tuple[float, dict | list]]:  # noqa: ANN001 - a pdfplumber page
    """A page's text lines and tables, each with its top, in reading order (a page set in two columns column by
    column, see pdf_columns); footnote markers raised after a figure or a word are left out (counted in
    `seen.raised`). A glyph drawn again over itself (within a point: a bold made by drawing twice, as WPS and Word
    fake bold for 仿宋 and 楷体, or a shadow) is read once, as it shows: it was read doubled (22886644..3300)."""
    page = _drawn_once(page)
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    raised: set[tuple[float, float, str]] = set()

    def in_table(obj: dict) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    def outside(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        return not in_table(obj) and (obj["x0"], obj["top"], obj["text"]) not in raised \
            and not _glyph_turn(obj.get("matrix"))

    # glyphs running another way than the page's text (read in its direction, _upright_items): a line of them read
    # across would come out reversed, one glyph a line, or glued to the lines it crosses
    seen.turned += sum(1 for c in page.chars if _glyph_turn(c.get("matrix")) and not in_table(c))

    lines = page.filter(outside).extract_text_lines(x_tolerance=1.5, strip=True, return_chars=True)
    raised = {(c["x0"], c["top"], c["text"]) for line in lines for c in _markers(line.get("chars", []))}
    raised |= {(c["x0"], c["top"], c["text"]) for c in _raised_apart(lines)}
    if raised:  # read again without them: a marker 2 after 42人 is no digit of 422
        seen.raised += len(raised)
        lines = page.filter(outside).extract_text_lines(x_tolerance=1.5, strip=True, return_chars=True)
    at = columns.gutter(lines)
    spacing = tracking(lines)
    ordered, across = columns.in_columns(lines, at) if at is not None else ([((0, -1, x["top"]), x) for x in lines], [])
    items: list[tuple[columns.Key, float, dict | list]] = [
        (key, line["top"], {**{k: v for k, v in line.items() if k != "chars"}, "text": _unspaced(_spaced(line, spacing)),
                            "cells": _cells(line), "size": statistics.median(c["size"] for c in line["chars"]),
                            "lead": _lead(line["chars"])})
        for key, line in ordered if line["text"].strip()]
    for t in tables:
        tops = [row.bbox[1] for row in t.rows]
        for first, grid in _ruled_tables(_cell_texts(page, t, spacing)):
            top = tops[first] if first < len(tops) else t.bbox[1]
            items.append(((columns.segment(across, top), -1, top), top, grid))
    return [(top, item) for _, top, item in sorted(items, key=lambda item: item[0])]


def _cell_texts(page, table, spacing: float) -> list[list[str | None]]:  # noqa: ANN001 - a pdfplumber page, a table
    """A ruled table's cells as text (None where a cell covers another's place), each cell's lines joined into the
    paragraphs they were typed as, one a line, by the rules of the body (a line short of the cell's right edge ends
    its paragraph, a heading or an indented line starts one), as Word's cell gives its paragraphs: a report laid out
    in a table (部门概况 | （一）机构人员 / 本局内设股室…) ran a cell's headings and sentences into one. A cell's right
    edge is where its column's fullest line ends (the cell's padding). A cell's short lines are judged against the
    page's letter-spacing (`spacing`, see _spaced)."""
    from pdfplumber.utils.text import chars_to_textmap

    def within(char: dict, box: tuple) -> bool:
        x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        return box[0] <= x < box[2] and box[1] <= y < box[3]

    found: list[list[tuple[tuple, list[dict]] | None]] = []
    for row in table.rows:
        chars = [c for c in page.chars if within(c, row.bbox)]
        found.append([None if cell is None else
                      (cell, chars_to_textmap(own, x_tolerance=1.5).extract_text_lines(strip=True, return_chars=True)
                       if (own := [c for c in chars if within(c, cell)]) else [])
                      for cell in row.cells])
    padding: dict[int, float] = {}
    for cells in found:
        for j, entry in enumerate(cells):
            for line in entry[1] if entry else []:
                padding[j] = min(padding.get(j, float("inf")), entry[0][2] - line["x1"])
    return [[None if entry is None else _cell_paragraphs(entry[1], entry[0][2] - padding.get(j, 0.0), spacing)
             for j, entry in enumerate(cells)] for cells in found]


def _cell_paragraphs(lines: list[dict], right: float, spacing: float) -> str:
    """One cell's lines as its paragraphs, one a line (see _cell_texts)."""
    if not lines:
        return ""
    lines = [dict(line, text=_unspaced(_spaced(line, spacing))) for line in lines]
    left = min(line["x0"] for line in lines)
    height = statistics.median(line["bottom"] - line["top"] for line in lines)
    paragraphs: list[list[str]] = []
    for k, line in enumerate(lines):
        if not k or _starts_paragraph(line, lines[k - 1], left, right, height):
            paragraphs.append([])
        paragraphs[-1].append(line["text"])
    return "\n".join(text for text in (join_lines(p) for p in paragraphs) if text)


def _ruled_tables(rows: list[list[str | None]]) -> list[tuple[int, list[list[str | None]]]]:
    """The tables a ruled grid holds, each with the index of its first row: pdfplumber takes two tables printed one
    under the other for one grid of the columns of both, a cell of each covering several of its columns (None where
    a cell covers them). A row covering columns the rows above it do not is the first of another table (a row of
    the same table only adds the lower parts of cells merged down); the columns every row of a table covers from
    its left are dropped, so each value stands under its own heading."""
    groups: list[tuple[int, list[list[str | None]]]] = []
    covered: set[int] = set()
    for k, row in enumerate(rows):
        own = {j for j, cell in enumerate(row) if cell is None}
        if not groups or not own >= covered:
            groups.append((k, []))
            covered = own
        else:
            covered &= own
        groups[-1][1].append(row)
    out = []
    for first, grid in groups:
        spanned = set.intersection(*({j for j, cell in enumerate(row) if cell is None} for row in grid))
        out.append((first, [[cell for j, cell in enumerate(row) if j not in spanned] for row in grid]))
    return out


DOUBLED_WITHIN = 1.0  # points: a glyph of the same character, font and size drawn this near another is the same one


def _drawn_once(page):  # noqa: ANN001, ANN202 - a pdfplumber page in, a filtered one out
    """The page with each glyph drawn again over itself (within DOUBLED_WITHIN) kept once: the first drawn of
    those nearest the top left, as pdfplumber's dedupe_chars keeps. Its own puts the kept glyphs back in order by
    `list.index`, quadratic in a page's glyphs (200 pages of 2,000 took 35 s of 90); this keeps them by identity."""
    from pdfplumber.utils.clustering import cluster_objects

    same = itemgetter("upright", "text", "fontname", "size")
    kept: set[int] = set()
    for _, drawn in itertools.groupby(sorted(page.chars, key=same), key=same):
        for line in cluster_objects(list(drawn), itemgetter("doctop"), DOUBLED_WITHIN):
            for place in cluster_objects(line, itemgetter("x0"), DOUBLED_WITHIN):
                kept.add(id(min(place, key=itemgetter("doctop", "x0"))))
    return page.filter(lambda obj: obj["object_type"] != "char" or id(obj) in kept)
RAISED_SIZE = 0.9  # a glyph this much smaller than its line's text, and raised by RAISED_BY of its size: superscript
RAISED_BY = 0.2


def _markers(chars: list[dict]) -> list[dict]:
    """The superscript glyphs of a line that follow a figure or a word (a footnote marker: 42² 人, 2500.00¹ 万元),
    not a Latin letter (m², km³ are units): smaller than the line's text and raised above its baseline."""
    if len(chars) < 2:
        return []
    size = statistics.median(c["size"] for c in chars)
    baseline = statistics.median(c["bottom"] for c in chars)
    out: list[dict] = []
    before = ""
    for char in sorted(chars, key=lambda c: c["x0"]):
        if (before and not (before.isascii() and before.isalpha()) and char["size"] <= RAISED_SIZE * size
                and baseline - char["bottom"] >= RAISED_BY * size):
            out.append(char)
        else:
            before = char["text"]
    return out


MAX_MARKER = 3  # glyphs of a footnote marker (¹, 12, *)


def _raised_apart(lines: list[dict]) -> list[dict]:
    """The glyphs of a footnote marker raised so far above its line that the extractor made it a line of its own (a
    marker after 万元, set a quarter of its size higher, read as the start of the line under it: 12024年…): a line of
    at most MAX_MARKER glyphs, smaller than the line it straddles the top of and raised above that line's baseline,
    standing within it after a glyph that is no Latin letter (m² keeps its ²)."""
    out: list[dict] = []
    for marker in lines:
        chars = marker.get("chars", [])
        if not chars or len(chars) > MAX_MARKER:
            continue
        for line in lines:
            own = line.get("chars", [])
            if line is marker or len(own) <= MAX_MARKER or not marker["top"] < line["top"] < marker["bottom"]:
                continue
            size = statistics.median(c["size"] for c in own)
            baseline = statistics.median(c["bottom"] for c in own)
            before = [c for c in own if c["x1"] <= chars[0]["x0"] + 0.5]
            if (before and all(c["size"] <= RAISED_SIZE * size and baseline - c["bottom"] >= RAISED_BY * size
                               for c in chars)
                    and not (before[-1]["text"].isascii() and before[-1]["text"].isalpha())):
                out += chars
                break
    return out


_CJK = r"\u3400-\u9fff"  # ideographs: a space the author typed after punctuation (编码： 132001) stays
# a figure set letter-spaced (3 7 5 2 . 4 8): single digits and its point one space apart, three or more, which
# the extractor reads as words; no figure of a report is written so
_LETTERSPACED = re.compile(r"(?<![\d.,])(?<!\d )\d(?: [\d.]){2,}(?! ?\d)")
_SCRIPT_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[0-9A-Za-z%.,+\-])|(?<=[0-9A-Za-z%.,])[ \t]+(?=[{_CJK}])"
                         r"|[ \t]+(?=[，。；：、！？）》」』])")  # nor before full-width punctuation (a marker's gap)


def _unspaced(text: str) -> str:
    """A PDF line as it was typed: Word, WPS and LibreOffice set figures in a Latin font beside Chinese, and the
    extractor reads the gap between the two runs as a space (“支出 4.85 万元”), which nobody typed and which
    separates a number from its unit, nor one before full-width punctuation (where a footnote marker stood). Spaces
    between two Latin words or two numbers stay. Radicals a PDF writer put
    for the ideographs they draw (⼀ for 一: Chromium's print) are read as those ideographs here, before the line's
    layout is judged, or a heading （⼀）人员情况 is not a heading and runs into the paragraph under it."""
    return _SCRIPT_GAP.sub("", _LETTERSPACED.sub(lambda m: m.group(0).replace(" ", ""), ideographs(text)))


MIN_JUSTIFIED = 8  # glyphs of a line whose spacing tells justification from words set apart
# of the glyphs' size: the most a line spreads its gaps, letter-spacing (字间距加宽, up to ~0.25 em) and
# justification together; a typed space adds 0.25-0.5 em more, a column gap far more
MAX_JUSTIFIED = 0.6
# a line a wide figure did not fit spreads its other gaps further, all alike: up to this much, when EVEN_SHARE of
# its gaps are within EVEN_GAP points of one another (a row of cells or words set apart has gaps of every width)
MAX_SPREAD = 2.0
EVEN_GAP = 0.5
EVEN_SHARE = 0.75


def tracking(lines: list[dict]) -> float:
    """A page's own spacing between glyphs: the median of its long lines' median gaps (0 when it has none). A line
    too short to tell its spacing from its words (the end of a paragraph, a title's last glyphs, a cell) is judged
    against it: a letter-spaced page read 自评 报 告 where a paragraph's last line held three glyphs."""
    spacings = [statistics.median(_gaps(chars)) for line in lines
                if len(chars := line.get("chars") or []) >= MIN_JUSTIFIED]
    return max(0.0, statistics.median(spacings)) if spacings else 0.0


def _gaps(chars: list[dict]) -> list[float]:
    return [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])]


def _spaced(line: dict, page_spacing: float = 0.0) -> str:
    """A line's text with a space where a gap between two glyphs is wider than WORD_GAP beyond the line's own
    spacing (its median gap; the page's for a short line): a justified line (两端对齐, the 公文 default) spreads every
    gap of a line holding figures by ~0.18 em, and letter-spacing (字间距) every gap of every line, which the extractor
    read as a space between every two characters (年 初 预 算 数 为3120.00万 元, 职工8 5人); a short line ahead of a
    figure that did not fit spreads further, every gap alike (万 元 ， 政 府 性, 0.65 em)."""
    chars = line.get("chars") or []
    gaps = _gaps(chars)
    if not gaps:
        return str(line["text"])
    spacing = max(0.0, statistics.median(gaps)) if len(chars) >= MIN_JUSTIFIED else page_spacing
    size = statistics.median(c["size"] for c in chars)
    spread = spacing <= MAX_JUSTIFIED * size or spacing <= MAX_SPREAD * size \
        and sum(1 for g in gaps if abs(g - spacing) <= EVEN_GAP) >= EVEN_SHARE * len(gaps)
    if spacing < WORD_GAP or not spread:
        return str(line["text"])  # an ordinary line, or words set apart (年   月   日): as the extractor read it
    return "".join((" " if k and gaps[k - 1] > spacing + WORD_GAP and not c["text"].isspace() else "") + c["text"]
                   for k, c in enumerate(chars)).strip()


COLUMN_GAP = 1.2  # a gap wider than this many line heights between two characters of a line is a column gap
WORD_GAP = 1.5  # points between two characters that pdfplumber reads as a space (its x_tolerance here)


def _cells(line: dict) -> list[tuple[float, str]]:
    """A text line's cells between column gaps, each with the centre of where it stands: the cells of a row of a
    table set without rules, which the line's text runs together (项目名称 年初预算 …)."""
    height = line["bottom"] - line["top"]
    groups: list[list[dict]] = []
    for char in line.get("chars", []):
        if not groups or char["x0"] - groups[-1][-1]["x1"] > COLUMN_GAP * height:
            groups.append([])
        groups[-1].append(char)
    cells = []
    for group in groups:
        text = "".join((" " if k and c["x0"] - group[k - 1]["x1"] > WORD_GAP else "") + c["text"]
                       for k, c in enumerate(group)).strip()
        if text:
            cells.append(((group[0]["x0"] + group[-1]["x1"]) / 2, _unspaced(text)))
    return cells


def _unruled_rows(page: list[tuple[float, dict | list]]) -> dict[int, tuple[str, ...]]:
    """The lines of a page that are rows of tables set without rules, by their place on the page: as in a text
    copy (documents.aligned_rows), a run of two or more lines, the first of three or more cells between column gaps,
    the others of two or more and no more than it, a number in a cell past the first; each cell under the first
    line's column nearest it."""
    found: dict[int, tuple[str, ...]] = {}
    cells = [item["cells"] if isinstance(item, dict) else [] for _, item in page]  # a ruled table has none
    k = 0
    while k < len(page):
        width = len(cells[k])
        j = k + 1
        while width >= 3 and j < len(page) and 2 <= len(cells[j]) <= width:
            j += 1
        rows = cells[k:j]
        if width >= 3 and j - k >= 2 and any(re.search(r"\d", c) for row in rows for _, c in row[1:]):
            columns = [centre for centre, _ in rows[0]]
            for x, row in zip(range(k, j), rows):
                found[x] = under_columns(row, columns)
            k = j
        else:
            k += 1
    return found


def _without_running(pages: list[list[tuple[float, dict | list]]]) -> tuple[list[list[tuple[float, dict | list]]], int]:
    """The pages without their running headers and footers (pdf_running), and how many lines those were: left in,
    they set the text's margins (a browser's footer ends at the paper's edge) and cut every wrapped line."""
    lines = [[(k, item) for k, (_, item) in enumerate(page) if isinstance(item, dict)] for page in pages]
    found = running([[item for _, item in page] for page in lines])
    dropped = {(p, lines[p][j][0]) for p, j in found}
    return [[entry for k, entry in enumerate(page) if (p, k) not in dropped] for p, page in enumerate(pages)], len(found)


def _paragraphs(pages: list[list[tuple[float, dict | list]]]) -> Iterator[str | Row]:
    lines = [item for page in pages for _, item in page if isinstance(item, dict)] or [
        {"x0": 0.0, "x1": 0.0, "top": 0.0, "bottom": 0.0}]
    left = min(line["x0"] for line in lines)
    right = max(line["x1"] for line in lines)
    height = statistics.median(line["bottom"] - line["top"] for line in lines)
    current: list[str] = []
    previous: dict | None = None
    table = 0
    for page in pages:
        unruled = _unruled_rows(page)
        for at, (_, item) in enumerate(page):
            if at in unruled:
                if current:
                    yield join_lines(current)
                current, previous = [], None
                table += 0 if at - 1 in unruled else 1
                yield Row(unruled[at], table)
                continue
            if isinstance(item, list):
                if current:
                    yield join_lines(current)
                current, previous = [], None
                table += 1
                for row in item:
                    yield Row(tuple(c or "" for c in row), table)
                continue
            if current and previous is not None and _starts_paragraph(item, previous, left, right, height):
                yield join_lines(current)
                current = []
            current.append(item["text"])
            previous = item
        if previous is not None:
            previous = dict(previous, bottom=float("-inf"))  # no gap across a page break
    if current:
        yield join_lines(current)


_CUT_NUMBER = re.compile(r"\d[.．]\s*$")
_NO_LINE_START = "，。、；：？！）》」』”’%,.;:?!)"  # a line never starts with these: the glyph before goes down with them
_SENTENCE_END = "。！？；：:;.!?"
_NO_LINE_END = "“‘（《「『〔【(["  # a line never ends with these: they go down with the glyph after them


def _lead(chars: list[dict]) -> float:
    """How wide a line's first piece is that the line above could not have ended before: a figure (98.12%) or one
    glyph, after the opening marks a line may not end with and with the closing punctuation a line may not start
    with (亩，, “优”。): where it did not fit, the line above ended short of the margin without ending its paragraph."""
    text = [c["text"] for c in chars]
    k = 0
    while k < len(text) and text[k] in _NO_LINE_END:  # an opening mark goes down with the glyph after it (“优”。)
        k += 1
    start = k
    while k < len(text) and (text[k].isdigit() or k > start and text[k] in ".,%" and text[k - 1].isdigit()):
        k += 1
    k = max(k, start + 1)
    while k < len(text) and text[k] in _NO_LINE_START:
        k += 1
    return float(chars[k - 1]["x1"] - chars[0]["x0"]) if chars else 0.0


def _starts_paragraph(line: dict, previous: dict, left: float, right: float, height: float) -> bool:
    # a column's lines are judged against the column's own margins
    left, right = line.get("left", left), previous.get("right", right)
    # A line ends short when the next word did not fit: a figure (1,731.80万元) is never broken, so a line
    # that stops mid-sentence before a line starting with a figure is the same paragraph.
    ends_sentence = previous["text"].rstrip()[-1:] in _SENTENCE_END
    wrapped_figure = (line["text"][:1].isdigit() and not ends_sentence
                      and (heading_of(previous["text"].strip()) is None or SENTENCE_MARK.search(previous["text"])))
    carried = not ends_sentence and right - previous["x1"] < line.get("lead", 0.0) + 0.5 * height  # did not fit
    if _CUT_NUMBER.search(previous["text"]) and line["text"][:1].isdigit() and heading_of(previous["text"].strip()) is None:
        return False  # a figure cut after its point (3752. | 48万元), however short the line it ends
    short = previous["x1"] < right - 1.5 * height and not wrapped_figure and not carried
    indented = line["x0"] > left + 0.8 * height
    gap = previous["bottom"] != float("-inf") and line["top"] - previous["bottom"] > 1.2 * height
    return short or indented or gap or heading_of(line["text"].strip()) is not None
