"""Format readers: a report file into paragraph texts and table rows, in body order, as its program displays it.

.txt (UTF-8 or GB18030; a line starting with a tab is a table cell, as Word's "save as text" writes
tables), .docx (python-docx and lxml: paragraphs and tables as they follow each other in the body, what Word
shows and nothing it hides) and text-based .pdf (`intake.pdf`). Every problem with the file is a DraftError
naming it; what the file holds but does not show is left out and said (a Skipped item). The raw material every
format reader gives (texts, Row, Skipped; lines joined by join_lines) is defined here, below the report reader
(intake/report/document.py) that builds a Document from it.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import DraftError
from ..fileio import read_bounded

MAX_BYTES = 30_000_000  # a narrative report is 20-200 kB as text, a few MB as Word or PDF with its scans
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # old .doc files and encrypted Office files


@dataclass(frozen=True)
class Row:
    """A table row as a reader finds it: cell texts, and which table of the document it belongs to."""

    cells: tuple[str, ...]
    table: int


@dataclass(frozen=True)
class Skipped:
    """What a reader left out of what the file holds, said so the draft carries it (hidden text, deletions …)."""

    note: str


_SPACE = re.compile(r"[ \t\u3000\u00a0\r\f\v]+")


def clean(text: str) -> str:
    """One line of text as compared across formats: runs of spaces (full-width too) made one, ends stripped."""
    return _SPACE.sub(" ", text).strip()


def join_lines(lines: Iterable[str]) -> str:
    """Lines of one cell or one wrapped paragraph as one text: Chinese and figures join without a space
    (a line may break inside 3752.47), Latin words with one.
    """
    out = ""
    for line in (clean(x) for x in lines):
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            out += " "
        out += line
    return out


def fail(path: Path, problem: str) -> DraftError:
    return DraftError(str(path), [("", problem)])


def _other_format(raw: bytes) -> str | None:
    """What a file named as text holds instead, by its first bytes and, for a zip, its parts' names (a .docx
    renamed .txt is a Word file, and says so, not undecodable text)."""
    if raw.lstrip()[:5].startswith(b"%PDF"):
        return "a PDF file; give it with the .pdf extension"
    if raw.startswith(_OLE):
        return "an old Word (.doc) or Excel (.xls) file, or an encrypted one; save it as .docx without a password"
    if not raw.startswith(_ZIP):
        return None
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
    except (zipfile.BadZipFile, ValueError):
        return "a damaged zip archive"
    if "word/document.xml" in names:
        return "a Word file (.docx); give it with the .docx extension"
    if "xl/workbook.xml" in names:
        return "an Excel workbook; a filled intake workbook is read with `perfeval excel import`"
    return "a zip archive"


def read(path: Path, expected: str) -> bytes:
    return read_bounded(path, MAX_BYTES, expected, DraftError)


# ---------------------------------------------------------------- .txt

def txt_items(path: Path) -> Iterator[str | Row]:
    """Lines are paragraphs; a run of lines whose first starts with a tab is a table row, each tab a new cell
    and the lines after it (up to a blank line) the rest of that cell (Word's "save as text"); a line with tabs
    between its words is a whole row, its cells between the tabs (a table pasted from Excel or WPS), and so is a
    line of two cells or more with a | after each (a web table saved a row per line). Rows with only blank lines
    between them form one table.
    """
    raw = read(path, "a .txt report")
    other = _other_format(raw)
    if other:
        raise fail(path, f"is not text: it looks like {other}")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise fail(path, "is neither UTF-8 nor GB18030 (GBK) text")
    if "\x00" in text:
        raise fail(path, "is not a text file (it holds NUL bytes); a Word or PDF report needs its own extension")
    table, in_table = 0, False
    cells: list[list[str]] | None = None
    lines = text.splitlines()
    aligned = aligned_rows(lines)
    for k, line in enumerate(lines + [""]):
        if k in aligned:  # a table laid out with spaces: cells between runs of them
            if not in_table:
                table += 1
                in_table = True
            yield Row(aligned[k], table)
            continue
        if cells is None and "\t" in line.strip("\t"):  # a row pasted from a spreadsheet: cells between tabs
            if not in_table:
                table += 1
                in_table = True
            yield Row(tuple(c.strip() for c in line.rstrip().split("\t")), table)
            continue
        if cells is None and _marked_row(line):  # a web table saved a row per line, a | after every cell
            if not in_table:
                table += 1
                in_table = True
            yield Row(tuple(c.strip() for c in line.strip().rstrip("|").split("|")), table)
            continue
        if cells is not None:
            if not line.startswith("\t") and not line.strip():
                yield Row(tuple("\n".join(c) for c in cells), table)
                cells = None
                continue
            if line.startswith("\t"):
                cells.append([line[1:]])
            else:
                cells[-1].append(line)
            continue
        if line.startswith("\t"):
            if not in_table:
                table += 1
                in_table = True
            cells = [[line[1:]]]
        elif line.strip():
            in_table = False
            yield line


def _marked_row(line: str) -> bool:
    """Is the line a table's row as a web page saves it, a | after every cell (序号 | 表名 | 表号 |): two cells or more
    with words or numbers (a line of one cell and its marks, 人员编制 |, is that cell alone)?"""
    text = line.strip()
    return text.endswith("|") and sum(1 for c in text.split("|") if c.strip()) >= 2


_SPACES = re.compile(r"(?: {2,}|\u3000+)\s*")  # two spaces or more, or a full-width one: a column gap


def space_aligned(lines: list[str]) -> set[int]:
    """The lines of `lines` that are rows of a table laid out with spaces (see aligned_rows)."""
    return set(aligned_rows(lines))


def _spaced_cells(line: str) -> list[tuple[float, str]]:
    """The cells of a line between column gaps, each with the centre of where it stands as the line shows (a Chinese
    character two columns wide); single characters set apart to fill a cell's width (合    计) are one cell."""
    cells: list[tuple[float, str]] = []
    line = line.replace("\u3000", "  ")
    done, start = 0, 0  # characters measured, and their width
    for part in re.finditer(r"\S+(?: \S+)*", line):
        start += _width(line[done:part.start()])
        done = part.start()
        text = part.group(0)
        centre = start + _width(text) / 2
        if cells and len(text) == 1 and len(cells[-1][1].replace(" ", "")) == 1 and _wide(text) \
                and _wide(cells[-1][1]):
            cells[-1] = ((cells[-1][0] + centre) / 2, cells[-1][1] + text)
            continue
        cells.append((centre, text))
    return cells


def _wide(text: str) -> bool:
    return all("\u3400" <= c <= "\u9fff" for c in text)


def _width(text: str) -> int:
    return sum(2 if ord(c) > 0x2e80 else 1 for c in text)


def aligned_rows(lines: list[str]) -> dict[int, tuple[str, ...]]:
    """Rows of tables laid out with spaces (a text copy of a PDF or a fixed-width print), by line: a run of two or
    more lines, the first with three or more cells between column gaps (two spaces or more, or a full-width one)
    and every other with at least two and no more than it, a cell past the first a number (项目名称    预算数    执行数 /
    病虫害防治    120.00    118.50). A line with fewer cells than the first is a row whose empty cells the layout
    left blank: each cell goes under the column of the first line whose centre is nearest its own. A line with one
    wide gap (a contents line and its page, a label and its value) is not a table row."""
    split = [_spaced_cells(x) if "\t" not in x and x.strip() else [] for x in lines]
    for cells, line in zip(split, lines):
        if len(cells) < 2 or not _SPACES.search(line.strip()):
            cells.clear()
    out: dict[int, tuple[str, ...]] = {}
    k = 0
    while k < len(lines):
        width = len(split[k])
        j = k + 1
        while width >= 3 and j < len(lines) and 2 <= len(split[j]) <= width \
                and (len(split[j]) == width or any(re.search(r"\d", c) for _, c in split[j][1:])):
            j += 1
        if width >= 3 and j - k >= 2 and any(re.search(r"\d", c) for x in split[k:j] for _, c in x[1:]):
            columns = [centre for centre, _ in split[k]]
            for x in range(k, j):
                out[x] = under_columns(split[x], columns)
            k = j
        else:
            k += 1
    return out


def under_columns(cells: list[tuple[float, str]], columns: list[float]) -> tuple[str, ...]:
    """A row's cells under the columns (by their centres, in a text copy's columns or a PDF's points): in order when
    it has as many, else each under the nearest column not taken by a cell before it."""
    if len(cells) == len(columns):
        return tuple(text for _, text in cells)
    row = [""] * len(columns)
    free = 0
    for n, (centre, text) in enumerate(cells):
        last = len(columns) - (len(cells) - n)  # leave a column for each cell after it
        at = min(range(free, last + 1), key=lambda c: abs(columns[c] - centre))
        row[at] = text
        free = at + 1
    return tuple(row)


# ---------------------------------------------------------------- .docx

def _open_zip(path: Path, data: bytes, what: str) -> None:
    from .excel.book import archive_too_big, part_written_twice  # imports openpyxl: only a .docx needs it

    if data.startswith(_OLE):
        raise fail(path, f"is password-protected or an old binary Word file; save it as {what} without a password")
    if not data.startswith(_ZIP):
        raise fail(path, f"is not {what} (a .docx file is a zip archive; this one is not)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            too_big = archive_too_big(archive.infolist())
            if too_big:
                raise fail(path, too_big)
            names = archive.namelist()
            twice = part_written_twice(archive.infolist())
            if twice:  # which copy a program reads differs: what is drafted may not be what Word shows
                raise fail(path, f"is damaged or altered: its zip archive holds one part twice ({twice}); open it in "
                                 "Word and save it again")
            if "word/document.xml" not in names:
                raise fail(path, f"is a zip archive but not {what} (it has no word/document.xml)")
            broken = archive.testzip()
    except RuntimeError as exc:  # a part encrypted with a zip password
        raise fail(path, f"is password-protected ({exc})") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError,
            NotImplementedError) as exc:
        raise fail(path, f"is damaged: not a readable zip archive ({exc})") from None
    if broken:
        raise fail(path, f"is damaged: its part {broken} cannot be read")


def docx_items(path: Path) -> Iterator[str | Row | Skipped]:
    """Paragraphs and table rows in body order, read as Word displays them (see `_WordBody`); a cell spanning
    columns is read once, the lower part of a cell merged down the rows reads empty (its text belongs to the row
    where it starts). What Word does not show is not read, and each kind left out is said once.
    """
    import docx

    data = read(path, "a .docx report")
    _open_zip(path, data, "a Word .docx document")
    try:
        document = docx.Document(io.BytesIO(data))  # the main part its relationships name, as Word opens it
        body = _WordBody(_hidden_styles(document))
        items = list(body.items(document.element.body))
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds on damaged XML
        raise fail(path, f"could not be read as a Word document ({type(exc).__name__}: {exc})") from None
    yield from items
    for what, count in body.left_out.items():
        yield Skipped(f"Word 文件中{what} {count} 处未读取（Word 不显示）")
    for what, count in body.notes.items():
        shown = "Word 打开时显示其内容，请在 Word 中另存一份后再读" if "altChunk" in what else "Word 在页面底端或文末显示，请对照原文"
        yield Skipped(f"Word 文件中{what} {count} 处的文字未读取（{shown}）")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# namespaces Word understands, so that it shows an mc:Choice requiring them rather than the mc:Fallback
_KNOWN_NAMESPACES = ("http://schemas.microsoft.com/office/", "http://schemas.openxmlformats.org/")
_OFF = ("0", "false", "off")
_LEFT_OUT = {"del": "修订中删除的文字", "moveFrom": "修订中移走的文字", "vanish": "隐藏文字",
             "placeholder": "内容控件的占位提示文字"}
_NOTES = {"footnoteReference": "脚注", "endnoteReference": "尾注"}
_NOT_CONTENT = {f"{_W}{t}" for t in ("pPr", "rPr", "sdtPr", "sdtEndPr", "tblPr", "tblGrid", "trPr", "tcPr",
                                      "sectPr", "instrText", "delInstrText")}


def _alternative(content):  # noqa: ANN001, ANN202 - an mc:AlternateContent in, the element Word shows out
    """Of an mc:AlternateContent, the one alternative Word shows: the first mc:Choice whose required namespaces it
    understands, else the mc:Fallback (the other alternatives are copies for other programs, never shown)."""
    for choice in content.findall(f"{_MC}Choice"):
        if all((choice.nsmap.get(prefix) or "").startswith(_KNOWN_NAMESPACES)
               for prefix in choice.get("Requires", "").split()):
            return choice
    fallback = content.find(f"{_MC}Fallback")
    return fallback if fallback is not None else []


def _hidden_styles(document) -> set[str]:  # noqa: ANN001 - a python-docx Document
    """Ids of the styles whose text Word hides (font.hidden, set on the style or a style it is based on)."""
    hidden = set()
    for style in document.styles:
        s = style
        while s is not None and getattr(s, "font", None) is not None and s.font.hidden is None:
            s = s.base_style
        if s is not None and getattr(s, "font", None) is not None and s.font.hidden:
            hidden.add(style.style_id)
    return hidden


def _val(element, tag: str) -> str | None:  # noqa: ANN001 - an lxml element
    """The w:val of a property child, "" when the child is there without one, None when it is not there."""
    child = element.find(f"{_W}{tag}") if element is not None else None
    return None if child is None else child.get(f"{_W}val", "")


class _WordBody:
    """The text a body (or a cell, or a text box) displays, in order, with python-docx reading each run (CT_R.text:
    text, tabs, breaks) and lxml walking what python-docx has no API for: tracked insertions (w:ins, w:moveTo) are
    read, deletions (w:del, w:moveFrom) not; content controls (w:sdt) are read through, except a placeholder
    prompt; field results are read, field codes (w:instrText) not; hidden text (w:vanish, directly or by style)
    is not read; text boxes are read after the paragraph that anchors them; of alternative content (mc:Choice,
    mc:Fallback: a text box as DrawingML and as VML) the one alternative Word shows; ruby text by its base.
    `left_out` counts what was not read, by kind; `notes` the footnotes and endnotes, shown but not read.
    """

    def __init__(self, hidden_styles: set[str]) -> None:
        self.hidden_styles = hidden_styles
        self.left_out: dict[str, int] = {}
        self.notes: dict[str, int] = {}  # footnotes, endnotes and imported chunks: Word shows them, not read here
        self.table = 0

    def _skip(self, kind: str, element) -> None:  # noqa: ANN001 - element: a python-docx XML element (lxml, untyped)
        if "".join(element.itertext()).strip():
            label = _LEFT_OUT[kind]
            self.left_out[label] = self.left_out.get(label, 0) + 1

    def _placeholder(self, sdt) -> bool:  # noqa: ANN001 - a w:sdt showing its prompt, not content
        if sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr") is None or _val(sdt.find(f"{_W}sdtPr"), "showingPlcHdr") in _OFF:
            return False
        self._skip("placeholder", sdt)
        return True

    def _blocks(self, container) -> Iterator:  # noqa: ANN001 - container: a python-docx XML element (lxml, untyped)
        """The paragraphs and tables of a container, through content controls and custom XML."""
        for child in container:
            tag = child.tag
            if tag in (f"{_W}p", f"{_W}tbl"):
                yield child
            elif tag == f"{_W}sdt":
                if not self._placeholder(child):
                    yield from self._blocks(child.find(f"{_W}sdtContent") if child.find(f"{_W}sdtContent")
                                            is not None else [])
            elif tag in (f"{_W}del", f"{_W}moveFrom"):
                self._skip(tag[len(_W):], child)
            elif tag == f"{_MC}AlternateContent":
                yield from self._blocks(_alternative(child))
            elif tag == f"{_W}altChunk":  # another file (HTML, RTF, .docx) Word imports as it opens: not read here
                self.notes["嵌入的外部文档块（altChunk）"] = self.notes.get("嵌入的外部文档块（altChunk）", 0) + 1
            elif tag not in _NOT_CONTENT:
                yield from self._blocks(child)  # w:customXml, w:ins, w:moveTo around blocks

    # container: a python-docx XML element (lxml, untyped)
    def items(self, container) -> Iterator[str | Row]:  # noqa: ANN001
        for block in self._blocks(container):
            if block.tag == f"{_W}tbl":
                yield from self._rows(block)
                continue
            boxes: list = []
            yield self._text(block, _val(block.find(f"{_W}pPr"), "pStyle") in self.hidden_styles, boxes)
            for box in boxes:
                yield from self.items(box)

    def _rows(self, tbl) -> Iterator[Row]:  # noqa: ANN001 - tbl: a python-docx XML element (lxml, untyped)
        self.table += 1
        table = self.table
        for tr in self._parts(tbl, "tr"):
            if tr.find(f"{_W}trPr/{_W}del") is not None:  # a row deleted with changes tracked
                self._skip("del", tr)
                continue
            cells = []
            for tc in self._parts(tr, "tc"):
                v_merge = _val(tc.find(f"{_W}tcPr"), "vMerge")
                cells.append("" if v_merge in ("", "continue") else self._cell(tc))
            yield Row(tuple(cells), table)

    def _parts(self, element, tag: str) -> Iterator:  # noqa: ANN001 - rows of a table, cells of a row
        for child in element:
            if child.tag == f"{_W}{tag}":
                yield child
            elif child.tag == f"{_W}sdt":
                if not self._placeholder(child):
                    yield from self._parts(child.find(f"{_W}sdtContent") if child.find(f"{_W}sdtContent")
                                           is not None else [], tag)
            elif child.tag == f"{_W}customXml":
                yield from self._parts(child, tag)

    def _cell(self, tc) -> str:  # noqa: ANN001 - tc: a python-docx XML element (lxml, untyped)
        """A cell's lines: its paragraphs, the cells of a table inside it, its text boxes."""
        lines = []
        for item in self.items(tc):
            lines += list(item.cells) if isinstance(item, Row) else [item]
        return "\n".join(lines)

    # run: a python-docx XML element (lxml, untyped)
    def _hidden(self, run, paragraph_hidden: bool) -> bool:  # noqa: ANN001
        rpr = run.find(f"{_W}rPr")
        vanish = _val(rpr, "vanish")
        if vanish is not None:
            return vanish not in _OFF
        return _val(rpr, "rStyle") in self.hidden_styles or paragraph_hidden

    # element: a python-docx XML element (lxml, untyped)
    def _text(self, element, paragraph_hidden: bool, boxes: list) -> str:  # noqa: ANN001
        out = []
        for child in element:
            tag = child.tag
            if tag == f"{_W}r":
                if self._hidden(child, paragraph_hidden):
                    self._skip("vanish", child)
                    continue
                out.append(child.text)  # python-docx: w:t, w:tab, w:br … as Word shows them
                for kind, label in _NOTES.items():
                    if child.find(f"{_W}{kind}") is not None:
                        self.notes[label] = self.notes.get(label, 0) + 1
                for ruby in child.iterchildren(f"{_W}ruby"):  # the base text (python-docx skips it), not its guide
                    out.append(self._text(ruby.find(f"{_W}rubyBase") if ruby.find(f"{_W}rubyBase") is not None
                                          else [], paragraph_hidden, boxes))
                boxes += self._boxes(child)
            elif tag in (f"{_W}del", f"{_W}moveFrom"):
                self._skip(tag[len(_W):], child)
            elif tag == f"{_W}sdt":
                if not self._placeholder(child):
                    out.append(self._text(child.find(f"{_W}sdtContent") if child.find(f"{_W}sdtContent") is not None
                                          else [], paragraph_hidden, boxes))
            elif tag == f"{_MC}AlternateContent":
                out.append(self._text(_alternative(child), paragraph_hidden, boxes))
            elif tag not in _NOT_CONTENT:  # w:ins, w:moveTo, w:hyperlink, w:fldSimple, w:smartTag, w:customXml …
                out.append(self._text(child, paragraph_hidden, boxes))
        return "".join(out)

    def _boxes(self, element) -> list:  # noqa: ANN001 - element: a python-docx XML element (lxml, untyped)
        """The text boxes anchored in a run: the content Word shows, not the VML copy kept for old readers."""
        found = []
        for child in element:
            if child.tag == f"{_W}txbxContent":
                found.append(child)
            elif child.tag == f"{_MC}AlternateContent":
                found += self._boxes(_alternative(child))
            else:
                found += self._boxes(child)
        return found
