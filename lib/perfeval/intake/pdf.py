"""Text-based PDF reports into paragraphs and table rows, read as a viewer displays them, within bounds.

pdfplumber finds ruled tables and text lines; the text outside tables is joined back into paragraphs. Before pdfminer
parses anything the file is bounded: its pages (counted by pdfium, which pdfplumber brings) and what its compressed
streams unpack to (a 400 KB stream can unpack to 400 MB). Each page's cache is freed once read, so memory does not
grow with the pages. A file whose owner forbids copying its text is refused as such. Text set invisible (render
mode 3 or 7: the OCR layer under a scan, or a trick) is not read, nor are glyphs whose font names no character (no
ToUnicode map: pdfminer would write "(cid:123)"); each is said, and a file of nothing else is "not extractable".
"""
from __future__ import annotations

import functools
import io
import logging
import re
import statistics
import zlib
from pathlib import Path
from typing import Iterator

from .documents import Row, Skipped, fail, join_lines, read
from .numbering import heading_of

MAX_PAGES = 200  # a 自评报告 runs to 10-60 pages, 100 with its annexes; each page costs about 0.1 s
MAX_STREAM_UNPACKED = 64 << 20  # a page's content or an embedded CJK font: a few MB
MAX_UNPACKED = 256 << 20  # every stream pdfminer may unpack (images are not unpacked to read text)
_INVISIBLE_MODES = (3, 7)  # text render modes that paint nothing (7 only adds to the clipping path)
_MAY_EXTRACT = 0x10  # permission bit 5: copy or otherwise extract text and graphics


def pdf_items(path: Path) -> Iterator[str | Row | Skipped]:
    """Tables found from their ruling lines, and the text outside them as paragraphs.

    Wrapped lines join into one paragraph; a paragraph ends where a line stops short of the text's right
    edge, before a line that is indented, numbered (一、 （一） 1、 …) or set off by a larger gap.
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    # pdfminer warns on every font of PDFs that Word and LibreOffice write (FontBBox …): noise to an analyst, who
    # learns what matters from the errors below
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    data = read(path, "a .pdf report")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise fail(path, "is not a PDF file (it does not start with %PDF)")
    _refuse_unbounded(path, data)
    _refuse_protected(path, data)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files (wrapped by pdfplumber)
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise fail(path, "is encrypted (password-protected); save an unprotected copy") from None
        raise fail(path, f"is damaged: not a readable PDF ({type(cause).__name__}: {cause})") from None
    seen = _Unread()
    with pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise fail(path, _too_many_pages(len(pdf.pages)))
        pages = []
        try:
            for page in pdf.pages:
                visible = _visible(page, seen)
                pages.append(_page_items(visible))
                visible.close()  # its characters and layout: memory flat in the number of pages
                page.close()
        except MemoryError:
            raise fail(path, "needs more memory than is free to read; send the report as .docx") from None
        except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on a damaged page
            raise fail(path, f"is damaged: a page could not be read ({type(exc).__name__}: {exc})") from None
    if not any(pages):
        if seen.unmapped:
            raise fail(path, f"has text that is not extractable: its fonts name no characters for their {seen.unmapped:,} "
                             "glyphs (no ToUnicode map), so no program can read it as text; save the PDF again from "
                             "the document (with fonts embedded), or send the report as .docx")
        raise fail(path, "has no text layer (a scanned image?); a reader needs a PDF saved from the document, "
                         "or the report as .docx")
    yield from _paragraphs(pages)
    if seen.invisible:
        yield Skipped(f"PDF 中不可见的文字（文本渲染模式 3/7）{seen.invisible:,} 个字符未读取（阅读器不显示）")
    if seen.unmapped:
        yield Skipped(f"PDF 中 {seen.unmapped:,} 个字符的字体未给出对应文字（缺少 ToUnicode 映射），无法提取，未读取")


def _too_many_pages(pages: int) -> str:
    return (f"has {pages:,} pages; the limit is {MAX_PAGES:,} (a 自评报告 runs to 10-60): send the report without "
            "its annexes, or split it")


# ---------------------------------------------------------------- bounds, before pdfminer parses anything

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_OBJECT = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_CHUNK = 1 << 20


def unpacked_streams(data: bytes) -> Iterator[tuple[str, int]]:
    """(object, bytes it unpacks to, up to just past the bound) for each Flate stream pdfminer may unpack: images
    are left out (text extraction does not unpack them). Read a megabyte at a time and discarded: memory stays
    flat whatever a stream unpacks to. A stream that is not valid zlib (encrypted, damaged) counts what it gave."""
    view = memoryview(data)
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - 4096):match.start()]
        objects = list(_OBJECT.finditer(head))
        dictionary = head[objects[-1].start():] if objects else head
        if b"/FlateDecode" not in dictionary or _IMAGE.search(dictionary):
            continue
        yield (objects[-1].group(1).decode() if objects else "?"), _inflated_size(view[match.end():])


def _inflated_size(compressed: memoryview) -> int:
    inflate = zlib.decompressobj()
    size, offset = 0, 0
    try:
        while not inflate.eof and size <= MAX_STREAM_UNPACKED and offset < len(compressed):
            pending = compressed[offset:offset + _CHUNK]
            offset += _CHUNK
            while pending and not inflate.eof and size <= MAX_STREAM_UNPACKED:
                out = inflate.decompress(pending, _CHUNK)
                if not out and len(inflate.unconsumed_tail) == len(pending):
                    break  # no progress: the input needs more than it has
                size += len(out)
                pending = inflate.unconsumed_tail
    except zlib.error:
        pass
    return size


def _refuse_unbounded(path: Path, data: bytes) -> None:
    total = 0
    for obj, size in unpacked_streams(data):
        if size > MAX_STREAM_UNPACKED:
            raise fail(path, f"has a compressed stream (object {obj}) that unpacks to more than "
                             f"{MAX_STREAM_UNPACKED >> 20} MB, far more than a report's text needs (a damaged or "
                             "hostile file); save the PDF again from the document, or send the .docx")
        total += size
        if total > MAX_UNPACKED:
            raise fail(path, f"has compressed streams that unpack to more than {MAX_UNPACKED >> 20} MB in all, far "
                             "more than a report's text needs; save the PDF again from the document, or send the .docx")


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
        if len(document) > MAX_PAGES:
            raise fail(path, _too_many_pages(len(document)))
        if pdfium_c.FPDF_GetSecurityHandlerRevision(document.raw) != -1:
            if not pdfium_c.FPDF_GetDocPermissions(document.raw) & _MAY_EXTRACT:
                raise fail(path, "is protected by its owner against copying its text (an owner password whose "
                                 "permissions forbid it); ask for a copy saved without protection, or the .docx")
    finally:
        document.close()


# ---------------------------------------------------------------- what a viewer shows

class _Unread:
    """Glyphs left out: invisible (render mode 3 or 7), and unmapped (their font names no character)."""

    def __init__(self) -> None:
        self.invisible = 0
        self.unmapped = 0


@functools.cache
def _visible_page_class() -> type:
    """A pdfplumber Page whose layout comes from pdfplumber's own device less the glyphs a viewer does not show as
    text (pdfplumber takes no device of one's own: Page.layout is the one place it makes it). Made on first use:
    pdfplumber is imported only when a PDF is read."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent
    from pdfplumber.utils.exceptions import PdfminerException

    class VisibleTextDevice(PDFPageAggregatorWithMarkedContent):
        # pdfminer's signature, untyped
        def __init__(self, *args, seen: _Unread, **kwargs) -> None:  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            self.seen, self.mode, self.unmapped = seen, 0, False

        # pdfminer's signature, untyped
        def render_string(self, textstate, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
            self.mode = textstate.render
            super().render_string(textstate, *args, **kwargs)

        def handle_undefined_char(self, font, cid: int) -> str:  # noqa: ANN001 - pdfminer's signature, untyped
            self.unmapped = True
            return ""

        def render_char(self, *args, **kwargs) -> float:  # noqa: ANN002, ANN003 - pdfminer's signature, untyped
            adv = super().render_char(*args, **kwargs)
            if self.mode in _INVISIBLE_MODES or self.unmapped:
                self.cur_item._objs.pop()  # the glyph still advances the pen, as the viewer draws the rest
                if self.unmapped:
                    self.seen.unmapped += 1
                else:
                    self.seen.invisible += 1
                self.unmapped = False
            return adv

    class VisiblePage(Page):
        seen: _Unread

        @property
        def layout(self):  # noqa: ANN202 - overrides pdfplumber's untyped property
            if not hasattr(self, "_layout"):
                device = VisibleTextDevice(self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams,
                                           seen=self.seen)
                try:
                    PDFPageInterpreter(self.pdf.rsrcmgr, device).process_page(self.page_obj)
                except Exception as exc:
                    raise PdfminerException(exc) from exc
                self._layout = device.get_result()
            return self._layout

    return VisiblePage


def _visible(page, seen: _Unread):  # noqa: ANN001, ANN202 - a pdfplumber Page in, one reading only what shows out
    visible = _visible_page_class()(page.pdf, page.page_obj, page_number=page.page_number,
                                    initial_doctop=page.initial_doctop)
    visible.seen = seen
    return visible


def _page_items(page) -> list[tuple[float, dict | list]]:  # noqa: ANN001 - a pdfplumber page
    """A page's text lines and tables, each with its top, in reading order."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    lines = page.filter(outside).extract_text_lines(x_tolerance=1.5, strip=True, return_chars=False)
    items: list[tuple[float, dict | list]] = [(line["top"], dict(line, text=_unspaced(line["text"])))
                                              for line in lines if line["text"].strip()]
    items += [(t.bbox[1], [[_unspaced(c) if c else c for c in row] for row in t.extract(x_tolerance=1.5)])
              for t in tables]
    return sorted(items, key=lambda item: item[0])


_CJK = r"\u3400-\u9fff"  # ideographs: a space the author typed after punctuation (编码： 132001) stays
_SCRIPT_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[0-9A-Za-z%.,+\-])|(?<=[0-9A-Za-z%.,])[ \t]+(?=[{_CJK}])")


def _unspaced(text: str) -> str:
    """A PDF line as it was typed: Word, WPS and LibreOffice set figures in a Latin font beside Chinese, and the
    extractor reads the gap between the two runs as a space (“支出 4.85 万元”), which nobody typed and which
    separates a number from its unit. Spaces between two Latin words or two numbers stay."""
    return _SCRIPT_GAP.sub("", text)


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
        for _, item in page:
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


def _starts_paragraph(line: dict, previous: dict, left: float, right: float, height: float) -> bool:
    # A line ends short when the next word did not fit: a figure (1,731.80万元) is never broken, so a line
    # that stops mid-sentence before a line starting with a figure is the same paragraph.
    wrapped_figure = (line["text"][:1].isdigit() and previous["text"].rstrip()[-1:] not in "。！？；：:;.!?"
                      and heading_of(previous["text"].strip()) is None)
    short = previous["x1"] < right - 1.5 * height and not wrapped_figure
    indented = line["x0"] > left + 0.8 * height
    gap = previous["bottom"] != float("-inf") and line["top"] - previous["bottom"] > 1.2 * height
    return short or indented or gap or heading_of(line["text"].strip()) is not None
