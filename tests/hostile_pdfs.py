"""Hostile and odd PDFs, written object by object (no PDF library could be made to write most of them), for the
reader's tests and bench/bench_hostile_files.py."""
from __future__ import annotations

import zlib
from pathlib import Path

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of the objects given (numbered from 1, the first the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pages_pdf(contents: list[bytes], font: bytes = HELVETICA, extra: list[bytes] = ()) -> bytes:
    """One page per content stream, all with font /F1; extra objects follow (numbered from 4 + 2 × pages)."""
    n = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n), font]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                b"/Contents %d 0 R >>" % (4 + n + i) for i in range(n)]
    objects += [stream(c) for c in contents]
    return raw_pdf(objects + list(extra))


def text(lines: list[str], mode: int = 0) -> bytes:
    """A content stream showing each line (WinAnsi text) in render mode `mode` (3: invisible)."""
    return b"".join(b"BT /F1 12 Tf %d Tr 72 %d Td (%s) Tj ET\n" % (mode, 760 - 20 * i, line.encode("latin-1"))
                    for i, line in enumerate(lines))


def flate_bomb(path: Path, unpacked_mb: int) -> Path:
    """A page of one line of text and a content stream that unpacks to `unpacked_mb` MB (of spaces: it parses)."""
    contents = text(["Annual report 2023"]) + b" " * (unpacked_mb << 20)
    path.write_bytes(pages_pdf([contents]))
    return path


def many_pages(path: Path, pages: int, lines: int = 2) -> Path:
    """A small file of many pages, each `lines` lines of text (all pages share nothing but the font)."""
    path.write_bytes(pages_pdf([text([f"Page {i + 1} of the 2023 report"] + [
        f"Line {j}: expenditure {1268.40 + j:.2f} against a budget of {1300 + j:.2f}" for j in range(1, lines)])
        for i in range(pages)]))
    return path


def invisible_text(path: Path) -> Path:
    """Visible 1268.40 beside invisible (render mode 3, as OCR layers and tricks write it) 91268.4 and a line."""
    contents = (text(["Expenditure 1268.40 in 2023"]) + b"BT /F1 12 Tf 3 Tr 300 760 Td (91268.4) Tj ET\n"
                + b"BT /F1 12 Tf 7 Tr 72 700 Td (Hidden line 555) Tj ET\n" + text(["", "", "", "Visible end"]))
    path.write_bytes(pages_pdf([contents]))
    return path


def no_tounicode(path: Path, visible: bool = False) -> Path:
    """A CID font (Identity-H) with neither a ToUnicode map nor an embedded font: its glyph codes name no characters.
    With visible, a line in Helvetica stands beside them (a page of both kinds)."""
    cid = (b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [%d 0 R] >>")
    descendant = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
                  b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>")
    descriptor = b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 " \
                 b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    glyphs = b"".join(b"BT /F1 12 Tf 72 %d Td <%s> Tj ET\n" % (760 - 20 * i, b"0" + b"0".join(
        b"%03x" % (0x100 + 7 * i + j) for j in range(24))) for i in range(20))
    pages = 1
    body = glyphs + (b"BT /F2 12 Tf 72 300 Td (Annual report 2023) Tj ET\n" if visible else b"")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count %d >>" % pages,
               cid % 6, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
               b"/F2 8 0 R >> >> /Contents 5 0 R >>", stream(body), descendant % 7, descriptor, HELVETICA]
    path.write_bytes(raw_pdf(objects))
    return path


def lzw_spaces(count: int) -> bytes:
    """`count` spaces as PDF's LZW writes them (9-12 bit codes, early change), quickly: of a run of one byte each
    code stands for one more byte than the one before, from 1 until the table is full, then it is cleared."""
    out, acc, bits, width = bytearray(), 0, 0, 9

    def put(code: int) -> None:
        nonlocal acc, bits
        acc, bits = (acc << width) | code, bits + width
        while bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)

    left = count
    while left:
        put(256)  # clear, in the width reached
        width = 9
        length, code = 1, 32
        while left and code < 4094:
            take = min(length, left)
            put(code if take == length else (32 if take == 1 else 256 + take))
            left -= take
            length, code = length + 1, (258 if code == 32 else code + 1)
            if code + 1 >= (1 << width) - 1 + 1 and width < 12:
                width += 1
    put(257)
    if bits:
        out.append((acc << (8 - bits)) & 0xFF)
    return bytes(out)


def filtered_bomb(path: Path, unpacked_mb: int, how: str) -> Path:
    """A page of one line of text and a second content stream that unpacks to `unpacked_mb` MB of spaces through
    another filter than Flate alone: lzw, runlength, a85+flate (a chain), escaped (/Flate#44ecode, a name written
    with an escape), image (a content stream whose dictionary calls itself an image)."""
    spaces = unpacked_mb << 20
    if how == "lzw":
        body, filters = lzw_spaces(spaces), b"/LZWDecode"
    elif how == "runlength":
        body, filters = b"\x81 " * (spaces // 128) + b"\x80", b"/RunLengthDecode"
    elif how == "a85+flate":
        import base64
        body, filters = base64.a85encode(zlib.compress(b" " * spaces, 9)) + b"~>", b"[/ASCII85Decode /FlateDecode]"
    elif how == "escaped":
        body, filters = zlib.compress(b" " * spaces, 9), b"/Flate#44ecode"
    else:
        body, filters = zlib.compress(b" " * spaces, 9), b"/FlateDecode /Subtype /Image"
    bomb = b"<< /Length %d /Filter %s >>\nstream\n" % (len(body), filters) + body + b"\nendstream"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", HELVETICA,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
               b"/Contents [5 0 R 6 0 R] >>", stream(text(["Annual report 2023"])), bomb]
    path.write_bytes(raw_pdf(objects))
    return path


def encrypted_bomb(path: Path, unpacked_mb: int) -> Path:
    """A flate_bomb encrypted with RC4 (40-bit, the standard handler revision 2) and an empty user password: it opens
    without a password, but its streams cannot be measured before they are decrypted."""
    from hashlib import md5

    from pdfminer.arcfour import Arcfour

    pad = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
    file_id, permissions = b"0123456789abcdef", -4
    owner = Arcfour(md5(pad).digest()[:5]).encrypt(pad)
    key = md5(pad + owner + permissions.to_bytes(4, "little", signed=True) + file_id).digest()[:5]

    def sealed(number: int, data: bytes) -> bytes:
        return Arcfour(md5(key + number.to_bytes(3, "little") + b"\0\0").digest()[:10]).encrypt(data)

    contents = zlib.compress(text(["Annual report 2023"]) + b" " * (unpacked_mb << 20), 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", HELVETICA,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
               b"/Contents 5 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(contents) + sealed(5, contents) + b"\nendstream",
               b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
                   owner.hex().encode(), Arcfour(key).encrypt(pad).hex().encode(), permissions)]
    pdf = raw_pdf(objects)
    pdf = pdf.replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Encrypt 6 0 R /ID [<%s> <%s>] >>" % (
        file_id.hex().encode(), file_id.hex().encode()))
    path.write_bytes(pdf)
    return path


def hidden_layer(path: Path, state: bytes = b"/OFF") -> Path:
    """Visible 1268.40 beside a line in an optional content group (a layer) that opens shown off (state /OFF), or
    on (/ON); the group named through the page's /Properties, as Acrobat and Word write it."""
    contents = (text(["Expenditure 1268.40 in 2023"])
                + b"/OC /oc1 BDC BT /F1 12 Tf 72 700 Td (Layer 91268.4) Tj ET EMC\n")
    objects = [b"<< /Type /Catalog /Pages 2 0 R /OCProperties << /OCGs [6 0 R] /D << %s [6 0 R] >> >> >>" % state,
               b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", HELVETICA,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
               b"/Properties << /oc1 6 0 R >> >> /Contents 5 0 R >>", stream(contents),
               b"<< /Type /OCG /Name (layer) >>"]
    path.write_bytes(raw_pdf(objects))
    return path


def off_page(path: Path) -> Path:
    """Visible 1268.40 beside lines set off the MediaBox (right of it, below it) and outside the CropBox."""
    contents = (text(["Expenditure 1268.40 in 2023"]) + b"BT /F1 12 Tf 900 700 Td (Right 91268.4) Tj ET\n"
                + b"BT /F1 12 Tf 72 -300 Td (Below 555) Tj ET\nBT /F1 12 Tf 72 100 Td (Cropped 777) Tj ET\n")
    pdf = pages_pdf([contents]).replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 595 842] /CropBox [0 400 595 842]")
    path.write_bytes(pdf)
    return path


def white_text(path: Path) -> Path:
    """Visible 1268.40; white 91268.4 on the white page (gray, RGB and CMYK white, filled and stroked); white text
    on a dark filled box, which a viewer shows; and a spot colour at full tint, which is not white."""
    contents = (text(["Expenditure 1268.40 in 2023"])
                + b"BT /F1 12 Tf 1 g 300 760 Td (91268.4) Tj ET\n"
                + b"BT /F1 12 Tf 1 1 1 rg 72 700 Td (White RGB 555) Tj ET\n"
                + b"BT /F1 12 Tf 0 0 0 0 k 72 680 Td (White CMYK 666) Tj ET\n"
                + b"BT /F1 12 Tf 1 Tr 1 G 72 660 Td (Stroked white 777) Tj ET\n"
                + b"0 0 0.5 rg 60 615 300 30 re f\n"
                + b"BT /F1 12 Tf 0 Tr 1 1 1 rg 72 625 Td (On dark 888) Tj ET\n"
                + b"BT /F1 12 Tf /Spot cs 1 sc 72 580 Td (Spot ink 999) Tj ET\n")
    spot = b"/ColorSpace << /Spot [/Separation /Gold /DeviceCMYK 6 0 R] >>"
    pdf = pages_pdf([contents], extra=[b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0.2 1 0] /N 1 >>"])
    path.write_bytes(pdf.replace(b"/Resources << /Font << /F1 3 0 R >> >>",
                                 b"/Resources << /Font << /F1 3 0 R >> " + spot + b" >>"))
    return path


def clipped_text(path: Path) -> Path:
    """Visible 1268.40; a line clipped away by a rectangle (q … W n … Q); after Q a line shows again; inside a clip
    a line shows and one below it does not."""
    contents = (text(["Expenditure 1268.40 in 2023"])
                + b"q 0 0 10 10 re W n BT /F1 12 Tf 72 700 Td (Clipped 91268.4) Tj ET Q\n"
                + b"BT /F1 12 Tf 72 660 Td (After restore 555) Tj ET\n"
                + b"q 60 600 200 30 re W n BT /F1 12 Tf 72 610 Td (Inside clip 666) Tj ET "
                + b"BT /F1 12 Tf 72 560 Td (Below clip 777) Tj ET Q\n")
    path.write_bytes(pages_pdf([contents]))
    return path


def custom_glyph_names(path: Path, visible: bool = False) -> Path:
    """A Type 1 font whose /Differences name its glyphs g1…g4 (a subset font's own names: no character), showing
    codes 65-68 on 10 lines; with visible, a line in Helvetica beside them."""
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Song /Encoding << /Type /Encoding /Differences "
            b"[65 /g1 /g2 /g3 /g4] >> >>")
    body = b"".join(b"BT /F1 12 Tf 72 %d Td (ABCDDCBA) Tj ET\n" % (760 - 20 * i) for i in range(10))
    body += b"BT /F2 12 Tf 72 300 Td (Annual report 2023) Tj ET\n" if visible else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", font,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> "
               b"/Contents 5 0 R >>", stream(body), HELVETICA]
    path.write_bytes(raw_pdf(objects))
    return path


def dense_pages(path: Path, pages: int, lines: int = 300, per_line: int = 1000) -> Path:
    """Pages of `lines` lines of `per_line` characters in a 1-point font: a file of a few KB whose every page holds
    hundreds of thousands of glyphs (each read costs about 2 KB and 30 µs)."""
    line = ("1268.40 " * (per_line // 8)).encode()
    content = b"".join(b"BT /F1 1 Tf 10 %d Td (%s) Tj ET\n" % (800 - i, line) for i in range(lines))
    path.write_bytes(pages_pdf([content] * pages))
    return path


def glyph_by_glyph(glyphs: int) -> bytes:
    """A page's content of `glyphs` glyphs each set on its own, with a font and a move for each (as Chromium prints
    5-point Chinese: about 30 bytes of drawing instructions a glyph, 23,700 glyphs and 0.7 MB a page)."""
    line = b"".join(b"/F1 5 Tf 5.0001221 0 Td <%02X> Tj\n" % (0x30 + i % 10) for i in range(100))
    return b"".join(b"BT 10 %d Td\n" % (800 - (i % 790)) + line + b"ET\n" for i in range(glyphs // 100))


def shared_content(path: Path, pages: int, content: bytes) -> Path:
    """`pages` pages that all draw one content stream (a file of a few KB that asks for the stream's work each page)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               HELVETICA, stream(content)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                b"/Contents 4 0 R >>"] * pages
    path.write_bytes(raw_pdf(objects))
    return path


def many_streams(path: Path, streams: int) -> Path:
    """One page drawn from `streams` content streams, each a line of text."""
    refs = b" ".join(b"%d 0 R" % (5 + i) for i in range(streams))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", HELVETICA,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
               b"/Contents [%s] >>" % refs]
    objects += [stream(text([f"Line {i} of 2023"])) for i in range(streams)]
    path.write_bytes(raw_pdf(objects))
    return path


def form_drawn(path: Path, times: int, form: bytes) -> Path:
    """One page of one line of text that draws a form (a Form XObject of content `form`) `times` times."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", HELVETICA,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
               b"/XObject << /Fm0 6 0 R >> >> /Contents 5 0 R >>",
               stream(text(["Report 2023"]) + b"/Fm0 Do\n" * times),
               stream(form, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842]")]
    path.write_bytes(raw_pdf(objects))
    return path


def deep_page_tree(path: Path, depth: int) -> Path:
    """One page under `depth` levels of page-tree nodes, each the only kid of the one above."""
    objects = [b"<< /Type /Catalog /Pages 4 0 R >>", HELVETICA, stream(text(["Expenditure 1268.40 in 2023"]))]
    for level in range(depth):
        parent = b" /Parent %d 0 R" % (3 + level) if level else b""
        objects.append(b"<< /Type /Pages%s /Kids [%d 0 R] /Count 1 >>" % (parent, 5 + level))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 2 0 R >> >> "
                   b"/Contents 3 0 R >>" % (3 + depth))
    path.write_bytes(raw_pdf(objects))
    return path


def hidden_by_paint(path: Path) -> Path:
    """Visible 1268.40 and lines a viewer does not show: near-white (#fefefe), fully transparent (/ca 0), covered by
    a white box and by a black one painted after them, yellow on a yellow box; and lines it shows: dark text on a
    shaded box painted before it, text under a half-transparent box, red text on the page."""
    contents = (text(["Expenditure 1268.40 in 2023"])
                + b"BT /F1 12 Tf 0.996 0.996 0.996 rg 72 740 Td (Near white 111) Tj ET\n"
                + b"q /Clear gs BT /F1 12 Tf 0 g 72 720 Td (Transparent 222) Tj ET Q\n"
                + b"BT /F1 12 Tf 0 g 72 700 Td (Under white 333) Tj ET 1 g 60 695 200 18 re f\n"
                + b"BT /F1 12 Tf 0 g 72 680 Td (Redacted 444) Tj ET 0 g 60 675 200 18 re f\n"
                + b"1 1 0 rg 60 655 200 18 re f BT /F1 12 Tf 1 1 0 rg 72 660 Td (Yellow 555) Tj ET\n"
                + b"0.8 0.8 0.8 rg 60 635 200 18 re f BT /F1 12 Tf 0 g 72 640 Td (Shaded 666) Tj ET\n"
                + b"BT /F1 12 Tf 0 g 72 620 Td (Highlighted 777) Tj ET q /Half gs 1 1 0 rg 60 615 200 18 re f Q\n"
                + b"BT /F1 12 Tf 1 0 0 rg 72 600 Td (Red 888) Tj ET\n")
    states = b"/ExtGState << /Clear << /ca 0 /CA 0 >> /Half << /ca 0.4 >> >>"
    pdf = pages_pdf([contents])
    path.write_bytes(pdf.replace(b"/Resources << /Font << /F1 3 0 R >> >>",
                                 b"/Resources << /Font << /F1 3 0 R >> " + states + b" >>"))
    return path


def hidden_second_forms(path: Path) -> Path:
    """Visible 1268.40 and, a second form of each way a viewer hides text: a line under an opaque picture drawn after
    it, a line a form draws outside its /BBox, a line set at 0.2 point; and lines it shows: under a picture with a
    soft mask (transparency: a seal over the 落款), inside a form's /BBox, at 1 point."""
    picture = b" /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8"
    contents = (text(["Expenditure 1268.40 in 2023"])
                + b"BT /F1 12 Tf 72 740 Td (Under picture 111) Tj ET q 200 0 0 18 60 735 cm /Im0 Do Q\n"
                + b"BT /F1 12 Tf 72 720 Td (Under seal 222) Tj ET q 200 0 0 18 60 715 cm /Im1 Do Q\n"
                + b"/Fm0 Do\n"
                + b"BT /F1 0.2 Tf 72 680 Td (Hairline 444) Tj ET\n"
                + b"BT /F1 1 Tf 72 660 Td (One point 1234) Tj ET\n")
    form = (b"BT /F1 12 Tf 72 700 Td (Inside box 666) Tj ET\n"
            b"BT /F1 12 Tf 72 400 Td (Outside box 333) Tj ET\n")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", HELVETICA,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
               b"/XObject << /Im0 6 0 R /Im1 7 0 R /Fm0 8 0 R >> >> /Contents 5 0 R >>",
               stream(contents), stream(b"\xff" * 12, picture), stream(b"\xff" * 12, picture + b" /SMask 9 0 R"),
               stream(form, b" /Type /XObject /Subtype /Form /BBox [60 690 300 720] /Resources << /Font << /F1 3 0 R >> >>"),
               stream(b"\x00" * 4, b" /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                                   b"/BitsPerComponent 8")]
    path.write_bytes(raw_pdf(objects))
    return path


def form_in_state(path: Path, state: bytes) -> Path:
    """A visible line, then a form drawing 91268.4 that sets no state of its own, drawn in `state` (3 Tr: invisible;
    1 1 1 rg: white on the white page), then a visible line after the state is restored."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", HELVETICA,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
               b"/XObject << /Fm0 6 0 R >> >> /Contents 5 0 R >>",
               stream(text(["Expenditure 1268.40 in 2023"]) + b"q " + state + b" /Fm0 Do Q\n"
                      + b"BT /F1 12 Tf 72 650 Td (After 555) Tj ET\n"),
               stream(b"BT /F1 12 Tf 72 700 Td (Form 91268.4) Tj ET",
                      b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>")]
    path.write_bytes(raw_pdf(objects))
    return path
