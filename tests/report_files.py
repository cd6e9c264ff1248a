"""Test reports as units send them: a Document written out as a Word file or a text-based PDF.

The PDF uses Noto Sans SC (the font the project ships, pylopdf-fonts-zh-cn), cut down to the characters
needed and converted from CFF to TrueType outlines: pdfminer cannot read the text of a CID-keyed CFF font
embedded with its own CMap (fpdf2's way), while Word and WPS save PDFs with TrueType fonts, as here.
"""
from __future__ import annotations

import string
from pathlib import Path

from perfeval.intake.report.document import Document
from perfeval.outputs.report.fonts import font_path

LINE_MM = 6.0
PARAGRAPH_GAP_MM = 3.0


def truetype_font(text: str, out: Path) -> Path:
    """Noto Sans SC holding the glyphs of `text` (and ASCII), with quadratic TrueType outlines."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(font_path()))
    options = subset.Options()
    options.desubroutinize = True
    options.notdef_outline = True
    options.layout_features = []
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + string.printable + "（）：；，。、“”《》〔〕％　")
    subsetter.subset(font)
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphs, glyf.glyphOrder = {}, font.getGlyphOrder()
    for name in glyf.glyphOrder:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("numGlyphs", "maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
                  "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(str(out))
    return out


def _groups(document: Document):
    rows: list[tuple[str, ...]] = []
    table = None
    for block in document.blocks:
        if block.kind == "row":
            if rows and block.table != table:
                yield "table", rows
                rows = []
            table = block.table
            rows.append(block.cells)
            continue
        if rows:
            yield "table", rows
            rows = []
        yield "p", block.cells[0]
    if rows:
        yield "table", rows


def write_docx(document: Document, path: Path) -> Path:
    """Paragraphs as paragraphs, each run of rows of one table as a Word table."""
    import docx

    out = docx.Document()
    for kind, content in _groups(document):
        if kind == "p":
            out.add_paragraph(content)
            continue
        width = max(len(r) for r in content)
        table = out.add_table(rows=len(content), cols=width)
        table.style = "Table Grid"
        for row, cells in zip(table.rows, content):
            for cell, text in zip(row.cells, cells):
                cell.text = text
    out.save(str(path))
    return path


def write_pdf(document: Document, path: Path, font: Path) -> Path:
    """A4 pages: paragraphs wrapped at the margin with a gap after each, tables ruled, as Word prints them."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.add_font("noto", "", str(font))
    for kind, content in _groups(document):
        if kind == "p":
            pdf.set_font("noto", size=11)
            pdf.multi_cell(0, LINE_MM, content, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(PARAGRAPH_GAP_MM)
            continue
        pdf.set_font("noto", size=8)
        width = max(len(r) for r in content)
        with pdf.table(first_row_as_headings=False, wrapmode=WrapMode.CHAR, line_height=4.5,
                       col_widths=tuple([1] * width)) as table:
            for cells in content:
                row = table.row()
                for text in list(cells) + [""] * (width - len(cells)):
                    row.cell(text)
        pdf.ln(PARAGRAPH_GAP_MM)
    pdf.output(str(path))
    return path
