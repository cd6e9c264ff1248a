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
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..core.script import ideographs
from .hard_wrap import unwrapped, without_page_breaks
from .numbering import heading_of
from .word_colours import HIGHLIGHT, WHITE, alike, fill, text_colour, theme_colours
from .word_numbering import read_numbering
from ..errors import DraftError
from ..fileio import read_bounded

MAX_BYTES = 30_000_000  # a narrative report is 20-200 kB as text, a few MB as Word or PDF with its scans
TEXT_CUT = "报告只读取了前一部分"  # the start of a note saying where reading stopped (a report past a bound on its length)
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("D0CF11E0A1B11AE1")  # old .doc files and encrypted Office files
_RTF = b"{\\rtf"


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
_CONTROLS = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")  # shown by no program as text (a NUL refuses a .txt, see text_items)


def clean(text: str) -> str:
    """One line of text as compared across formats: control characters dropped (a 青溪县\x01自然资源局 is the unit
    every program shows), runs of spaces (full-width too) made one, ends stripped, and radicals a PDF writer put for
    ideographs (⼭⼈⽀⻔) read as the ideographs they show."""
    return ideographs(_SPACE.sub(" ", _CONTROLS.sub("", text))).strip()


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


MAX_HEADING_LINE = 24  # characters of a heading that stands on a line of its own in a cell (（二）支出情况)
SENTENCE_MARK = re.compile(r"[。；;！!？?，,：:]")


def cell_text(lines: Iterable[str]) -> str:
    """A table cell's lines as its text: lines wrapped inside the cell joined (join_lines), but a heading line —
    a heading number, short, no sentence in it — kept on a line of its own as in the body, so that in a report laid
    out in a table's cells (部门概况 | 一、… （二）支出情况 / 2024年部门整体支出…) the sentence under a heading is no
    part of it."""
    paragraphs: list[list[str]] = [[]]
    for line in (clean(x) for x in lines):
        if not line:
            continue
        if len(line) <= MAX_HEADING_LINE and not SENTENCE_MARK.search(line) and heading_of(line) is not None:
            paragraphs += [[line], []]
        else:
            paragraphs[-1].append(line)
    return "\n".join(text for text in (join_lines(p) for p in paragraphs) if text)


def fail(path: Path, problem: str) -> DraftError:
    return DraftError(str(path), [("", problem)])


# A web page opens with its markup (a page saved under a .txt name is read as the page, see html_page).
HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S)


def looks_like(raw: bytes) -> str | None:
    """What a file holds, by its first bytes and, for a zip, its parts' names, when that is not plain text: said
    when it was given under another format's name (a .docx renamed .txt is a Word file, not undecodable text)."""
    if raw.lstrip()[:5].startswith(b"%PDF"):
        return "a PDF file; give it with the .pdf extension"
    if raw.startswith(_OLE):
        return "an old Word (.doc) or Excel (.xls) file, or an encrypted one; save it as .docx without a password"
    if raw.lstrip()[:5] == _RTF:  # its markup read as text drafted \u19975? codes as figures (V23)
        return "an RTF document (as WordPad or an office system exports), which this reader does not read; open it " \
               "in Word or WPS and save it as .docx"
    if not raw.startswith(_ZIP):
        return None
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
    except (zipfile.BadZipFile, ValueError):
        return "a damaged zip archive"
    if main_part(zipfile.ZipFile(io.BytesIO(raw))) in names:
        return "a Word file (.docx); give it with the .docx extension"
    if "xl/workbook.xml" in names:
        return "an Excel workbook; a filled intake workbook is read with `perfeval excel import`"
    return "a zip archive"


def not_the_format(what: str, raw: bytes) -> str:
    """Why a file given under a format's name is not of it: empty (an empty .pdf "looked like plain text; give it
    with the .txt extension"), or what it holds instead."""
    if not raw.strip():
        return f"is empty ({len(raw):,} bytes{', all blank' if raw else ''}), not {what}; save the report again"
    return f"is not {what}: it looks like {what_it_is(raw)}"


def what_it_is(raw: bytes) -> str:
    """What a file given under a format's name it does not have holds, for the refusal to say (a Word file or a web
    page named .pdf)."""
    other = looks_like(raw)
    if other:
        return other
    text = _text(raw)
    if text is None:
        return "neither a PDF, a Word file nor text in an encoding this reader knows"
    if HTML_START.match(text[:4096]):
        return "a web page (HTML); give it with the .html extension"
    return "plain text; give it with the .txt extension"


def read(path: Path, expected: str) -> bytes:
    return read_bounded(path, MAX_BYTES, expected, DraftError)


# ---------------------------------------------------------------- .txt

_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))  # Notepad's "Unicode" is UTF-16 with its mark; the longer marks first


def decoded(path: Path, raw: bytes) -> str:
    """A text file's text: UTF-16 or UTF-32 by its byte-order mark, else UTF-16 by the zero bytes of its ASCII
    characters, else UTF-8, else GB18030 (GBK), else Big5 when its bytes read as GB18030 only as rare characters (a
    traditional-character file from Taiwan or Hong Kong)."""
    for mark, encoding in _BOMS:
        if raw.startswith(mark):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise fail(path, f"starts with the mark of {encoding.upper()} text but does not read as it") from None
    other = looks_like(raw)
    if other:
        raise fail(path, f"is not text: it looks like {other}")
    text = _text(raw)
    if text is None:
        raise fail(path, "is neither UTF-8, UTF-16 nor GB18030 (GBK) text")
    return text


def _text(raw: bytes) -> str | None:
    """The text of bytes without a byte-order mark, in the first encoding they read as (see `decoded`)."""
    text = _utf16_without_mark(raw)
    if text is not None:
        return text
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if _rare_share(text) > 0.3:
        try:
            return raw.decode("big5")
        except UnicodeDecodeError:
            pass  # GBK's own rare or traditional characters (bytes Big5 has no reading of)
    return text


MIN_ZERO_SHARE = 0.05  # of a UTF-16 file's bytes: its line breaks, digits and ASCII punctuation each have one


def _utf16_without_mark(raw: bytes) -> str | None:
    """UTF-16 saved without its byte-order mark: the zero byte of every ASCII character (line breaks, digits) stands
    on one side of its pair, little-endian after, big-endian before; a stray zero in UTF-8 text does not, nor do
    binary bytes read as text."""
    zeros = raw.count(0)
    if len(raw) < 4 or len(raw) % 2 or zeros < MIN_ZERO_SHARE * len(raw):
        return None
    odd = raw[1::2].count(0)
    encoding = "utf-16-le" if odd >= 0.95 * zeros else "utf-16-be" if odd <= 0.05 * zeros else None
    if encoding is None:
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    unprintable = sum(1 for ch in text if not ch.isprintable() and ch not in "\r\n\t\f")
    return text if unprintable <= 0.01 * len(text) else None  # binary bytes do not read as lines of text


def _rare_share(text: str) -> float:
    """The share of the text's Chinese characters outside GB2312's 6,763 (all a simplified report uses, nearly)."""
    chinese = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if len(chinese) < 20:
        return 0.0
    rare = 0
    for ch in chinese:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare / len(chinese)


def txt_items(path: Path) -> Iterator[str | Row]:
    """A .txt report's paragraphs and rows (see text_items)."""
    return text_items(path, decoded(path, read(path, "a .txt report")))


def text_items(path: Path, text: str, printed: bool = False) -> Iterator[str | Row | Skipped]:
    """Lines are paragraphs; a run of lines whose first starts with a tab is a table row, each tab a new cell
    and the lines after it (up to a blank line) the rest of that cell (Word's "save as text"); a line with tabs
    between its words is a whole row, its cells between the tabs (a table pasted from Excel or WPS), and so is a
    line of two cells or more with a | after each (a web table saved a row per line) or a run of lines with | between
    their cells (see barred_rows). Rows with only blank lines between them form one table. `printed`: the text of
    a printed page (a PDF's, as PDFium reads it), its lines cut at the page's width however few they are.
    """
    if "\x00" in text:
        raise fail(path, "is not a text file (it holds NUL bytes); a Word or PDF report needs its own extension")
    table, in_table = 0, False
    cells: list[list[str]] | None = None
    text, numbers = without_page_breaks(text)
    if numbers:
        yield Skipped(f"文本中分页处的页码 {numbers} 处未作正文读取（分页符前后的文字已接续）")
    lines = unwrapped(text.splitlines(), printed)
    aligned = aligned_rows(lines)
    barred = barred_rows(lines)
    for k, line in enumerate(lines + [""]):
        if cells is None and k in barred:  # a table saved a row per line, | between its cells
            row = barred[k]
            if row is None:
                continue  # a Markdown table's rule under its header (|---|---|) is no row
            if not in_table:
                table += 1
                in_table = True
            yield Row(row, table)
            continue
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


_RULE_ROW = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{3,}:?\s*\|?")  # a Markdown table's |---|:--:|


def _between_bars(line: str, framed: bool) -> tuple[str, ...] | None:
    """The cells of a line with | between them (资金到位率 | 5 | 到位率×5 | 5): a leading empty cell stays (a level
    cell merged with the row above), a trailing bar closes the last cell, and in a `framed` table (Markdown's
    | 资金到位率 | 5 |, every line between bars) the leading bar opens the first. None when the line has fewer than two
    bars or fewer than two filled cells."""
    text = line.strip()
    if text.count("|") < 2:
        return None
    text = text[1:] if framed else text
    text = text[:-1] if text.endswith("|") else text
    cells = tuple(c.strip() for c in text.split("|"))
    return cells if sum(1 for c in cells if c) >= 2 else None


def barred_rows(lines: list[str]) -> dict[int, tuple[str, ...] | None]:
    """Rows of tables saved a row per line, by line: a line with a | after every cell (a web page's save, even alone);
    or a run of two lines or more with | between their cells (a table pasted as text or written in Markdown, its rule
    line |---| mapped to None). A line of a page's chrome with bars between its fields (发布时间：… | 来源：…) stands
    alone, so it is no table."""
    barred = [x.strip().count("|") >= 2 and "\t" not in x.strip("\t") for x in lines]
    out: dict[int, tuple[str, ...] | None] = {}
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and barred[j]:
            j += 1
        run = range(k, j)
        framed = all(lines[x].strip().startswith("|") and lines[x].strip().endswith("|") for x in run)
        rows = {x: None if _RULE_ROW.fullmatch(lines[x].strip()) else _between_bars(lines[x], framed) for x in run}
        if len(run) >= 2 and sum(1 for x in run if rows[x] is not None) >= 2:
            out.update({x: row for x, row in rows.items() if row is not None or _RULE_ROW.fullmatch(lines[x].strip())})
        elif len(run) == 1 and _marked_row(lines[k]):
            out[k] = rows[k]
        k = max(j, k + 1)
    return out


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
    wide gap (a contents line and its page, a label and its value) is not a table row. A header over the value
    columns alone (its label column blank) opens a run one cell wider than it."""
    split = [_spaced_cells(x) if "\t" not in x and x.strip() else [] for x in lines]
    for cells, line in zip(split, lines):
        if len(cells) < 2 or not _SPACES.search(line.strip()):
            cells.clear()
    out: dict[int, tuple[str, ...]] = {}
    k = 0
    while k < len(lines):
        labels = _over_labels(split[k], split[k + 1] if k + 1 < len(lines) else [])
        width = len(split[k]) + labels
        j = k + 1
        while width >= 3 and j < len(lines) and 2 <= len(split[j]) <= width \
                and (len(split[j]) == width or any(re.search(r"\d", c) for _, c in split[j][1:])):
            j += 1
        if width >= 3 and j - k >= 2 and any(re.search(r"\d", c) for x in split[k:j] for _, c in x[1:]):
            columns = [centre for centre, _ in split[k + 1][:1]] * labels + [centre for centre, _ in split[k]]
            for x in range(k, j):
                out[x] = under_columns(split[x], columns)
            k = j
        else:
            k += 1
    return out


def _over_labels(header: list[tuple[float, str]], row: list[tuple[float, str]]) -> int:
    """1 when a header stands over a table's value columns alone, its label column left blank (年初预算数 … 得分 over
    年度资金总额 | 1200.00 …): the row under it has one cell more, its first ending before the header's first begins."""
    if len(header) < 2 or len(row) != len(header) + 1:
        return 0
    (first, text), (above, over) = row[0], header[0]
    return int(first + _width(text) / 2 < above - _width(over) / 2)


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
        raise fail(path, not_the_format(what, data))
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
            if main_part(archive) not in names:
                other = looks_like(data)  # an Excel workbook under a .docx name: say what it is and how to read it
                raise fail(path, f"is not {what}: it looks like {other}" if other and "Excel" in other
                           else f"is a zip archive but not {what} (it has no {main_part(archive)})")
            broken = archive.testzip()
    except RuntimeError as exc:  # a part encrypted with a zip password
        raise fail(path, f"is password-protected ({exc})") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError,
            NotImplementedError) as exc:
        raise fail(path, f"is damaged: not a readable zip archive ({exc})") from None
    if broken:
        raise fail(path, f"is damaged: its part {broken} cannot be read")


_OFFICE_DOCUMENT = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
_MAIN = "word/document.xml"
MAX_RELATIONSHIPS = 1 << 20  # bytes of a package's _rels/.rels: a few hundred in every Word file


def main_part(archive: zipfile.ZipFile) -> str:
    """The part Word opens as the document: the one the package's officeDocument relationship names (Word Online
    and SharePoint save word/document2.xml), word/document.xml when it names none. A part no relationship names is
    not shown by Word, whatever its name."""
    from lxml import etree

    try:
        if archive.getinfo("_rels/.rels").file_size > MAX_RELATIONSHIPS:  # read before the archive is bounded
            return _MAIN
        rels = etree.fromstring(archive.read("_rels/.rels"),
                                etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError):
        return _MAIN
    for rel in rels:
        target = posixpath.normpath((rel.get("Target") or "").lstrip("/"))
        if rel.get("Type") in _OFFICE_DOCUMENT and rel.get("TargetMode") != "External" and target.startswith("word/"):
            return target  # a workbook's or a presentation's (xl/workbook.xml) is no Word document
    return _MAIN


def docx_items(path: Path) -> Iterator[str | Row | Skipped]:
    """Paragraphs and table rows in body order, read as Word displays them (see `_WordBody`); a cell spanning
    columns is read once, followed by an empty cell for each further column it covers (so the cells after it stand
    under their own columns), the lower part of a cell merged down the rows reads empty (its text belongs to the row
    where it starts). What Word does not show is not read, and each kind left out is said once.
    """
    import docx

    data = read(path, "a .docx report")
    _open_zip(path, data, "a Word .docx document")
    try:
        document = docx.Document(io.BytesIO(_transitional(data)))  # the main part its relationships name, as Word
        body = _WordBody(document)
        items = list(body.items(document.element.body))
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds on damaged XML
        raise fail(path, _unreadable(exc)) from None
    yield from items
    for what, count in body.left_out.items():
        yield Skipped(f"Word 文件中{what} {count} 处未读取（Word 不显示）")
    for kind, count in body.shown.items():
        what, why = _SHOWN[kind]
        yield Skipped(f"Word 文件中{what} {count} 处未读取（{why}）")
    for what, count in body.notes.items():
        yield Skipped(f"Word 文件中{what} {count} 处的文字未读取（{_NOTE_SHOWN.get(what, _FOOTNOTE_SHOWN)}）")
    margins = _margin_parts(document)
    if margins:
        yield Skipped(f"Word 文件中页眉、页脚 {margins} 处的文字未作正文读取（每页重复印出，请对照原文）")
    if body.overlaid:
        yield Skipped(f"Word 文件中浮于文字上方的不透明图形 {body.overlaid} 处：其下哪些文字被遮盖须排版才能确定，这些文字已照常"
                      "读取，请对照 Word 显示核对")


def _margin_parts(document) -> int:  # noqa: ANN001 - a python-docx Document
    """How many of the document's headers and footers hold text (their text boxes too): Word prints them on every
    page, and they are no text of the report, so they are not read, and said (as a PDF's running lines are)."""
    found = 0
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(("/header", "/footer")):
            continue
        element = getattr(rel.target_part, "element", None)
        found += element is not None and any((t.text or "").strip() for t in element.iter(f"{_W}t"))
    return found


_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/")


def _transitional(data: bytes) -> bytes:
    """A .docx saved as Strict Open XML as the ordinary (transitional) document it is: the same elements, their
    namespaces written http://purl.oclc.org/ooxml/wordprocessingml/main for
    http://schemas.openxmlformats.org/wordprocessingml/2006/main (and so for relationships, DrawingML, math). The
    parts are those _open_zip bounded; a document in ordinary namespaces is returned as it is."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    if not any(_STRICT.search(content) for info, content in parts if info.filename.endswith((".xml", ".rels"))):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, content in parts:
            if info.filename.endswith((".xml", ".rels")):
                content = _STRICT.sub(rb"http://schemas.openxmlformats.org/\1/2006/", content)
            archive.writestr(info.filename, content)
    return out.getvalue()


def _unreadable(exc: Exception) -> str:
    """Why a Word file could not be read, in a reader's words rather than the XML library's or Python's."""
    from lxml import etree

    if isinstance(exc, etree.XMLSyntaxError):
        if "depth" in str(exc).lower():
            return ("is damaged or hostile: its XML nests elements deeper than 256 levels, which no Word document "
                    "does; open it in Word and save it again")
        line = f" (line {exc.lineno})" if exc.lineno else ""
        return f"is damaged: a part of it is not well-formed XML{line}; open it in Word and save it again"
    return ("is damaged or is not laid out as a Word document (its parts are not those Word writes); open it in Word "
            "and save it again as a .docx document")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
# namespaces Word understands, so that it shows an mc:Choice requiring them rather than the mc:Fallback
_KNOWN_NAMESPACES = ("http://schemas.microsoft.com/office/", "http://schemas.openxmlformats.org/")
_OFF = ("0", "false", "off")
_LEFT_OUT = {"del": "修订中删除的文字", "moveFrom": "修订中移走的文字", "vanish": "隐藏文字",
             "white": "白色（与页面同色）的文字", "tiny": "字号小于 1 磅的文字",
             "field code": "域代码中嵌套域的结果", "symbol": "符号字体中的字符", "math": "含分式、上下标等结构的公式",
             "background": "与底色同色的文字", "squeezed": "字符缩放小于 10% 的文字",
             "hidden drawing": "隐藏的图形或文本框中的文字", "off page": "置于页面以外的图文框中的文字"}
# what Word shows but is not read as part of the text, and why (said with it)
_SHOWN = {"raised": ("接在数字或文字后的上标文字（脚注标记等）", "不作前面数字的一部分，请对照原文"),
          "placeholder": ("内容控件的占位提示文字", "Word 以灰色显示的填写提示，不是报告内容"),
          "strike": ("加删除线的文字", "Word 显示为划去，按已删去处理，请对照原文")}
_NOTES = {"footnoteReference": "脚注", "endnoteReference": "尾注"}
_FOOTNOTE_SHOWN = "Word 在页面底端或文末显示，请对照原文"
_ALT_CHUNK = "嵌入的外部文档块（altChunk）"
# drawings Word makes from data kept in a part of their own (their text and figures are not the document's text)
_DRAWN = {"http://schemas.openxmlformats.org/drawingml/2006/diagram": "SmartArt 图形",
          "http://schemas.openxmlformats.org/drawingml/2006/chart": "图表"}
_OLE_OBJECT = "嵌入的对象（OLE，如 Excel 工作表）"
_NOTE_SHOWN = {_ALT_CHUNK: "Word 打开时显示其内容，请在 Word 中另存一份后再读",
               **{what: "Word 显示为图形，其中的文字和数字请对照原文" for what in _DRAWN.values()},
               _OLE_OBJECT: "Word 显示为图片或图标，其中的表格和数字请对照原文"}
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_O = "{urn:schemas-microsoft-com:office:office}"
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


# the run properties that decide whether a run's text can be seen (w:shd and w:highlight: a background for it)
_LOOKS = ("vanish", "color", "sz", "highlight", "shd", "vertAlign", "w", "strike", "dstrike")
_MATH_STRUCTURE = {f"{_M}{t}" for t in ("f", "sSup", "sSub", "sSubSup", "sPre", "rad", "nary", "d", "m", "eqArr",
                                         "func", "limLow", "limUpp", "acc", "bar", "box", "borderBox", "groupChr",
                                         "phant")}
_SYMBOL_FONT = {0x2D: "\u2212", 0x2B: "+", 0x25: "%", 0x2E: ".", 0x2C: ",", 0x28: "(", 0x29: ")", 0xB1: "±",
                0xB4: "×", 0xB8: "÷", 0x3D: "=", **{c: chr(c) for c in range(0x30, 0x3A)}}  # Symbol's codes of figures


def _page_colour(document) -> str:  # noqa: ANN001 - a w:document
    """The colour the document gives its pages (w:background), white when it gives none."""
    background = document.find(f"{_W}background")
    colour = background.get(f"{_W}color", "") if background is not None else ""
    return colour.upper() if re.fullmatch(r"[0-9A-Fa-f]{6}", colour) else WHITE


def _looks(rpr, theme: dict[str, str]) -> dict[str, str]:  # noqa: ANN001 - a w:rPr, or None
    """The properties of _LOOKS an rPr sets (a property set without w:val as ""): its text colour as drawn (a theme
    colour resolved), its shading as the colour painted ("" for none)."""
    out: dict[str, str] = {}
    for tag in _LOOKS:
        child = rpr.find(f"{_W}{tag}") if rpr is not None else None
        if child is None:
            continue
        out[tag] = (fill(child) or "" if tag == "shd" else text_colour(child, theme) if tag == "color"
                    else child.get(f"{_W}val", ""))
    return out


# styles: a w:styles
def _style_looks(styles, theme: dict[str, str]) -> tuple[dict[str, dict[str, str]], dict[str, str | None]]:  # noqa: ANN001
    """Of each style, its _LOOKS over those of the styles it is based on and the document's defaults, and the
    colour it shades its paragraphs in ("" none); key "": a paragraph without a style of its own (the default
    paragraph style's)."""
    own: dict[str, dict[str, str]] = {}
    based: dict[str, str | None] = {}
    shading: dict[str, str | None] = {}
    default_paragraph = None
    for style in styles.iterchildren(f"{_W}style"):
        sid = style.get(f"{_W}styleId", "")
        own[sid] = _looks(style.find(f"{_W}rPr"), theme)
        based[sid] = _val(style, "basedOn")
        shading[sid] = fill(style.find(f"{_W}pPr/{_W}shd"))
        if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true", "on"):
            default_paragraph = sid
    defaults = _looks(styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"), theme)
    resolved: dict[str, dict[str, str]] = {}
    fills: dict[str, str | None] = {}
    for sid in own:
        chain, at = [], sid
        while at in own and at not in chain and at not in resolved:  # basedOn may loop in a hostile file
            chain.append(at)
            at = based[at]
        looks = resolved[at] if at is not None and at in resolved else defaults
        behind = fills.get(at) if at is not None else None
        for link in reversed(chain):
            looks = {**looks, **own[link]}
            behind = shading[link] if shading[link] is not None else behind
            resolved[link], fills[link] = looks, behind
    resolved[""] = resolved.get(default_paragraph, defaults) if default_paragraph is not None else defaults
    fills[""] = fills.get(default_paragraph) if default_paragraph is not None else None
    return resolved, fills


def _symbol(sym) -> str | None:  # noqa: ANN001 - a w:sym
    """What a w:sym (Insert Symbol) shows as text: in the Symbol font the figures, signs and minus its codes draw
    (F02D is a minus), in a text font the character its code names; None for a picture font (Wingdings …)."""
    font = (sym.get(f"{_W}font") or "").lower()
    try:
        code = int(sym.get(f"{_W}char") or "", 16)
    except ValueError:
        return None
    if 0xF000 <= code <= 0xF0FF:  # a symbol font's codes, as Word stores them
        code -= 0xF000
    if font == "symbol":
        return _SYMBOL_FONT.get(code)
    if "ding" in font or "symbol" in font or not 0x20 <= code < 0x110000:
        return None
    return chr(code)


@dataclass(frozen=True)
class _Paragraph:
    """What a paragraph gives the runs in it: its style's run looks, and the colour behind its text (its own
    shading, else its cell's, else the page's)."""

    looks: dict[str, str]
    background: str


_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_HIDDEN_SHAPE = re.compile(r"(?:^|;)\s*visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden_drawing(element) -> bool:  # noqa: ANN001 - an lxml element
    """Whether an element is a drawing Word does not show: a DrawingML anchor or inline whose wp:docPr is hidden,
    or a VML shape styled visibility:hidden."""
    if element.tag in (f"{_WP}anchor", f"{_WP}inline"):
        properties = element.find(f"{_WP}docPr")
        return properties is not None and properties.get("hidden", "") in ("1", "true", "on")
    return (isinstance(element.tag, str) and element.tag.startswith("{urn:schemas-microsoft-com:vml}")
            and bool(_HIDDEN_SHAPE.search(element.get("style", ""))))


_WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
_V = "{urn:schemas-microsoft-com:vml}"


_SCHEME_OF = {"bg1": "lt1", "bg2": "lt2", "tx1": "dk1", "tx2": "dk2"}  # DrawingML's names for the theme's colours


def _box_fill(content, theme: dict[str, str]) -> str:  # noqa: ANN001 - a w:txbxContent
    """The colour a text box's shape fills it with ("" none: its text is seen against the page), its theme colour
    resolved; UNKNOWN when it is filled some way not worked out here (a tinted theme colour, a gradient, a picture):
    white text on a dark box shows, white text in Word's default box (filled bg1, white) does not."""
    shape = next((a for a in content.iterancestors()
                  if a.tag == f"{_WPS}wsp" or a.tag.startswith(_V) and a.tag != f"{_V}textbox"), None)
    if shape is None:
        return ""
    if shape.tag.startswith(_V):  # VML: fillcolor="#1f3864", unless filled="f"
        colour = (shape.get("fillcolor") or "").lstrip("#")
        if shape.get("filled", "t").lower() in ("f", "false"):
            return ""
        return colour.upper() if re.fullmatch(r"[0-9A-Fa-f]{6}", colour) else UNKNOWN if colour else ""
    properties = shape.find(f"{_WPS}spPr")
    if properties is None or properties.find(f"{_A}noFill") is not None:
        return ""
    solid = properties.find(f"{_A}solidFill/{_A}srgbClr")
    if solid is not None and re.fullmatch(r"[0-9A-Fa-f]{6}", solid.get("val", "")):
        return solid.get("val", "").upper()
    scheme = properties.find(f"{_A}solidFill/{_A}schemeClr")
    if scheme is not None and len(scheme) == 0:  # no tint, shade or luminance change
        return theme.get(_SCHEME_OF.get(scheme.get("val", ""), scheme.get("val", "")), UNKNOWN)
    return UNKNOWN if any(properties.find(f"{_A}{kind}") is not None for kind in ("solidFill", "gradFill", "blipFill",
                                                                                    "pattFill")) else ""


def _overlaid(anchor) -> bool:  # noqa: ANN001 - a wp:anchor
    """Whether a floating shape lies in front of the text (not behind it, wrapped by none) filled opaque and holding
    no text: a box laid over the page's text, which it covers where a layout places it."""
    if anchor.get("behindDoc", "0") in ("1", "true", "on") or anchor.find(f"{_WP}wrapNone") is None:
        return False
    shape = next(anchor.iter(f"{_WPS}wsp"), None)
    properties = shape.find(f"{_WPS}spPr") if shape is not None else None
    return (properties is not None and properties.find(f"{_A}solidFill") is not None
            and not "".join(shape.itertext()).strip())


UNKNOWN = "?"  # a background no colour is known for (a table style's conditional shading): nothing is judged unseen on it


def _table_fills(styles) -> dict[str, str]:  # noqa: ANN001 - w:styles
    """The colour each table style paints its cells in ("" none), through the styles it is based on; UNKNOWN when
    it shades only some cells (a header row, banded rows: w:tblStylePr), which is not worked out here."""
    own: dict[str, tuple[str | None, str | None]] = {}
    for style in styles.iterchildren(f"{_W}style"):
        if style.get(f"{_W}type") == "table":
            painted = fill(style.find(f"{_W}tcPr/{_W}shd"))
            painted = painted if painted is not None else fill(style.find(f"{_W}tblPr/{_W}shd"))
            conditional = any(fill(shd) for shd in style.iterfind(f"{_W}tblStylePr//{_W}shd"))
            own[style.get(f"{_W}styleId", "")] = (UNKNOWN if conditional else painted, _val(style, "basedOn"))
    out: dict[str, str] = {}
    for sid in own:
        at, seen = sid, set()
        while at in own and at not in seen and own[at][0] is None:  # basedOn may loop in a hostile file
            seen.add(at)
            at = own[at][1] or ""
        out[sid] = (own[at][0] if at in own else None) or ""
    return out


def _val(element, tag: str) -> str | None:  # noqa: ANN001 - an lxml element
    """The w:val of a property child, "" when the child is there without one, None when it is not there."""
    child = element.find(f"{_W}{tag}") if element is not None else None
    return None if child is None else child.get(f"{_W}val", "")


_PAGE_REACH = 24_000  # twips (about 42 cm): no page's edge lies farther from where a frame is measured from
_MARGIN_REACH = 3_000  # twips (about 5 cm): a frame measured from the margin or the text starts at most this far in


def _twips(frame, name: str) -> int:  # noqa: ANN001 - a w:framePr
    value = frame.get(f"{_W}{name}") or ""
    return int(value) if re.fullmatch(r"-?[0-9]{1,9}", value) else 0


_EMU_PER_TWIP = 635


def _anchor_off_page(anchor) -> bool:  # noqa: ANN001 - a wp:anchor
    """Whether a floating drawing (a text box) is placed wholly off the page by its offsets (wp:posOffset, in EMU),
    measured as a frame's are."""
    extent = anchor.find(f"{_WP}extent")
    size = [_emu(extent, name) // _EMU_PER_TWIP if extent is not None else 0 for name in ("cx", "cy")]
    for axis, reach in (("positionH", size[0]), ("positionV", size[1])):
        offset = anchor.find(f"{_WP}{axis}/{_WP}posOffset")
        text = (offset.text or "").strip() if offset is not None else ""
        at = int(text) // _EMU_PER_TWIP if re.fullmatch(r"-?[0-9]{1,12}", text) else 0
        if at + reach < -_MARGIN_REACH or at > _PAGE_REACH:
            return True
    return False


def _mark_hidden(p) -> bool:  # noqa: ANN001 - a w:p
    """Whether a paragraph's mark is hidden (its w:pPr/w:rPr w:vanish, or Word's style separator, w:specVanish) or
    deleted in tracked changes (w:del, w:moveFrom, as tracked deletions are read: accepted): Word then draws the
    paragraph and the next one as one, on one line."""
    marks = p.find(f"{_W}pPr/{_W}rPr")
    if marks is None:
        return False
    return any(marks.find(f"{_W}{tag}") is not None for tag in ("specVanish", "del", "moveFrom")) or (
        marks.find(f"{_W}vanish") is not None and _val(marks, "vanish") not in _OFF)


def _emu(element, name: str) -> int:  # noqa: ANN001 - an lxml element
    value = element.get(name) or ""
    return int(value) if re.fullmatch(r"[0-9]{1,12}", value) else 0


def _off_page(frame) -> bool:  # noqa: ANN001 - a w:framePr
    """Whether a frame is placed wholly off the page (w:x, w:y of -20000 twips), where Word does not show it."""
    x, y, width, height = (_twips(frame, name) for name in ("x", "y", "w", "h"))
    return x + width < -_MARGIN_REACH or y + height < -_MARGIN_REACH or x > _PAGE_REACH or y > _PAGE_REACH


_NUMBER_BREAK = re.compile(r"(?<=[0-9.])\n(?=[0-9.])")  # a w:br between two digits of one number
_MAX_COLUMNS = 63  # Word's own limit: a span past it in a hostile file is no wider


def _columns(count: str | None, absent: int) -> int:
    """How many grid columns a w:gridSpan or a row's w:gridBefore covers; `absent` when it is not there or not a
    number."""
    return min(int(count), _MAX_COLUMNS) if count and re.fullmatch(r"[0-9]{1,6}", count) else absent


class _WordBody:
    """The text a body (or a cell, or a text box) displays, in order, with python-docx reading each run (CT_R.text:
    text, tabs, breaks) and lxml walking what python-docx has no API for: tracked insertions (w:ins, w:moveTo) are
    read, deletions (w:del, w:moveFrom) not; content controls (w:sdt) are read through, except a placeholder
    prompt; field results are read, field codes (w:instrText) not, nor the result of a field nested in another's
    code (Word shows the outermost field's result); text that cannot be seen is not read: hidden (w:vanish), drawn
    in the colour of what lies behind it (a theme colour resolved; its highlight, else its run's, paragraph's or
    cell's shading, else the page: white on the page, yellow on a yellow paragraph), under 1 point (w:sz < 2) or
    scaled under 10 % (w:w), directly or by style, or in a hidden drawing; struck-through text (w:strike, w:dstrike)
    and a superscript footnote marker after a figure are shown but not read, and said; text
    boxes are read after the paragraph that anchors them; of alternative content (mc:Choice, mc:Fallback: a text
    box as DrawingML and as VML) the one alternative Word shows; ruby text by its base; a symbol (w:sym) by the
    character it draws; an equation (m:oMath) of plain figures and signs as its text, one with structure not.
    `left_out` counts what was not read, by kind; `notes` the footnotes and endnotes, shown but not read.
    """

    def __init__(self, document) -> None:  # noqa: ANN001 - a python-docx Document
        self.theme = theme_colours(document)
        self.numbering = read_numbering(document)
        self.styles, self.style_fills = _style_looks(document.styles.element, self.theme)
        self.page = _page_colour(document.element)
        self.cell_fills: list[str] = []  # of the cells being read, innermost last: the colour painted, "" none
        self.table_styles = _table_fills(document.styles.element)
        self.table_fills: list[str] = []  # of the tables being read, innermost last: what their cells are painted
        self.fields: list[str] = []  # the complex fields open in the paragraph, outermost first: "code" or "result"
        self.left_out: dict[str, int] = {}
        self.notes: dict[str, int] = {}  # footnotes, endnotes and imported chunks: Word shows them, not read here
        self.table = 0
        self.shown: dict[str, int] = {}  # what Word shows that is not read as text (_SHOWN), by kind
        self.overlaid = 0  # opaque shapes laid in front of the text: what they cover only a layout tells

    def _skip(self, kind: str, element) -> None:  # noqa: ANN001 - element: a python-docx XML element (lxml, untyped)
        if "".join(element.itertext()).strip():
            self._count(kind)

    def _note(self, what: str) -> None:
        self.notes[what] = self.notes.get(what, 0) + 1

    def _count(self, kind: str) -> None:
        label = _LEFT_OUT[kind]
        self.left_out[label] = self.left_out.get(label, 0) + 1

    def _placeholder(self, sdt) -> bool:  # noqa: ANN001 - a w:sdt showing its prompt, not content
        if sdt.find(f"{_W}sdtPr/{_W}showingPlcHdr") is None or _val(sdt.find(f"{_W}sdtPr"), "showingPlcHdr") in _OFF:
            return False
        if "".join(sdt.itertext()).strip():  # Word shows its prompt greyed (单击此处输入文字): no content of the report
            self.shown["placeholder"] = self.shown.get("placeholder", 0) + 1
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
                self._note(_ALT_CHUNK)
            elif tag not in _NOT_CONTENT:
                yield from self._blocks(child)  # w:customXml, w:ins, w:moveTo around blocks

    # container: a python-docx XML element (lxml, untyped)
    def items(self, container) -> Iterator[str | Row]:  # noqa: ANN001
        """The container's paragraphs and rows; a drop cap (a paragraph framed as one, w:framePr w:dropCap) is the
        first letter of the paragraph after it (2 + 025年… is 2025年…), and a line break inside a number
        (3752 w:br .48) is no break of it."""
        cap = ""
        joined = ""  # a paragraph whose mark is hidden: Word draws it and the next as one
        held: list = []  # its text boxes, read after the paragraph it joins
        for block in self._blocks(container):
            if block.tag == f"{_W}tbl":
                if joined:
                    yield joined
                    yield from self._box_items(held)
                    joined, held = "", []
                yield from self._rows(block)
                continue
            frame = block.find(f"{_W}pPr/{_W}framePr")
            if frame is not None and _off_page(frame):
                self._skip("off page", block)
                continue
            boxes: list = []
            self.fields = []  # a field left open by a damaged paragraph hides no more than that paragraph's rest
            number = self.numbering.number(block)  # a list's number Word draws (1. （一） 一、), counted in order
            text = _NUMBER_BREAK.sub("", self._text(block, self._paragraph(block), boxes))
            text = joined + cap + (number + text if text.strip() else text)
            boxes, joined, held = held + boxes, "", []
            cap = text if frame is not None and frame.get(f"{_W}dropCap") in ("drop", "margin") else ""
            if not cap and _mark_hidden(block):  # 3752. + a hidden mark + 48万元 shows as 3752.48万元
                joined, held = text, boxes
                continue
            if not cap:
                yield text
            yield from self._box_items(boxes)
        if joined:
            yield joined
            yield from self._box_items(held)
        if cap:
            yield cap

    def _box_items(self, boxes: list) -> Iterator[str | Row]:
        """The text boxes a paragraph anchors, each read against its own fill."""
        for box in boxes:
            self.cell_fills.append(_box_fill(box, self.theme))  # its text is seen against the box's fill, if it has one
            try:
                yield from self.items(box)
            finally:
                self.cell_fills.pop()

    def _paragraph(self, p) -> _Paragraph:  # noqa: ANN001 - a w:p
        style = _val(p.find(f"{_W}pPr"), "pStyle") or ""
        own = fill(p.find(f"{_W}pPr/{_W}shd"))
        own = own if own is not None else self.style_fills.get(style if style in self.styles else "")
        cell = next((c for c in reversed(self.cell_fills) if c), "")
        return _Paragraph(self.styles.get(style, self.styles.get("", {})), own or cell or self.page)

    def _rows(self, tbl) -> Iterator[Row]:  # noqa: ANN001 - tbl: a python-docx XML element (lxml, untyped)
        self.table += 1
        table = self.table
        properties = tbl.find(f"{_W}tblPr")
        painted = fill(properties.find(f"{_W}shd") if properties is not None else None)
        self.table_fills.append(painted if painted is not None else
                                self.table_styles.get(_val(properties, "tblStyle") or "", ""))
        try:
            yield from self._table_rows(tbl, table)
        finally:
            self.table_fills.pop()

    def _table_rows(self, tbl, table: int) -> Iterator[Row]:  # noqa: ANN001 - a w:tbl
        for tr in self._parts(tbl, "tr"):
            if tr.find(f"{_W}trPr/{_W}del") is not None:  # a row deleted with changes tracked
                self._skip("del", tr)
                continue
            cells = [""] * _columns(_val(tr.find(f"{_W}trPr"), "gridBefore"), 0)  # columns the row leaves out first
            for tc in self._parts(tr, "tc"):
                properties = tc.find(f"{_W}tcPr")
                v_merge = _val(properties, "vMerge")
                cells.append("" if v_merge in ("", "continue") else self._cell(tc))
                cells += [""] * (_columns(_val(properties, "gridSpan"), 1) - 1)  # each value under its own column
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
        own = fill(tc.find(f"{_W}tcPr/{_W}shd"))  # else its table's, directly or by its style
        self.cell_fills.append(own if own is not None else self.table_fills[-1] if self.table_fills else "")
        for item in self.items(tc):
            lines += list(item.cells) if isinstance(item, Row) else [item]
        self.cell_fills.pop()
        return "\n".join(lines)

    # run: a python-docx XML element (lxml, untyped)
    def _unseen(self, run, paragraph: _Paragraph) -> str | None:  # noqa: ANN001
        """Why a run's text cannot be seen ("vanish", "tiny", "squeezed", "white", "background"), or None: its own
        properties over its character style's over its paragraph style's (and the document's defaults). Its colour
        is judged against what lies behind it: its highlight, else its shading, else its paragraph's background."""
        looks = self._run_looks(run, paragraph)
        if looks.get("vanish") not in (None, *_OFF):
            return "vanish"
        if (looks.get("sz") or "").isdigit() and int(looks["sz"]) < 2:  # half-points: under 1 point
            return "tiny"
        if (scale := re.match(r"\d+", looks.get("w") or "")) and int(scale.group(0)) < 10:  # w:w, a percentage
            return "squeezed"
        highlight = looks.get("highlight")
        background = (HIGHLIGHT.get(highlight, "") if highlight not in (None, "", "none") else
                      looks.get("shd") or paragraph.background)
        if not alike(looks.get("color"), background):
            return None
        return "white" if alike(background, WHITE) else "background"

    def _run_looks(self, run, paragraph: _Paragraph) -> dict[str, str]:  # noqa: ANN001 - a w:r
        rpr = run.find(f"{_W}rPr")
        return {**paragraph.looks, **self.styles.get(_val(rpr, "rStyle") or "", {}), **_looks(rpr, self.theme)}

    def _shown_apart(self, run, paragraph: _Paragraph, before: str) -> str | None:  # noqa: ANN001 - a w:r
        """Why a run Word shows is not read as part of the text (a kind of _SHOWN), or None: struck through (a
        reader takes it as deleted: 9̶3752.48 is 3752.48), or a superscript footnote marker after a figure or a word
        (42² 人: no digit of 422; after a Latin letter, m² or km³, it is a unit's and stays)."""
        if not any((t.text or "").strip() for t in run.iter(f"{_W}t")):
            return None
        looks = self._run_looks(run, paragraph)
        if any(looks.get(tag) not in (None, *_OFF) for tag in ("strike", "dstrike")):
            return "strike"
        if (looks.get("vertAlign") == "superscript" and before
                and not (before.isascii() and before.isalpha())):
            return "raised"
        return None

    def _in_field_code(self, run) -> bool:  # noqa: ANN001 - a w:r
        """Whether the run stands in the code of a field (after its fldChar marks are applied): not shown."""
        for mark in run.iterchildren(f"{_W}fldChar"):
            kind = mark.get(f"{_W}fldCharType")
            if kind == "begin":
                self.fields.append("code")
            elif kind == "separate" and self.fields:
                self.fields[-1] = "result"
            elif kind == "end" and self.fields:
                self.fields.pop()
        return "code" in self.fields

    def _run_text(self, run) -> str:  # noqa: ANN001 - a w:r
        """A run's text as Word shows it: python-docx's reading of each part (w:t, w:tab, w:br …) and symbols."""
        out = []
        for part in run.xpath("w:br | w:cr | w:noBreakHyphen | w:ptab | w:t | w:tab | w:sym"):
            if part.tag != f"{_W}sym":
                out.append(str(part))
            elif (drawn := _symbol(part)) is not None:
                out.append(drawn)
            else:
                self._count("symbol")
        return "".join(out)

    def _math(self, math) -> str:  # noqa: ANN001 - an m:oMath
        """An equation's figures and signs as text; one with structure (a fraction, a power …) is not read (its
        text in a row would be another number) and is said."""
        if any(e.tag in _MATH_STRUCTURE for e in math.iter()):
            self._count("math")
            return ""
        return "".join(t.text or "" for t in math.iter(f"{_M}t"))

    # element: a python-docx XML element (lxml, untyped)
    def _text(self, element, paragraph: _Paragraph, boxes: list) -> str:  # noqa: ANN001
        out = []
        for child in element:
            tag = child.tag
            if tag == f"{_W}r":
                code = self._in_field_code(child)
                unseen = self._unseen(child, paragraph)
                if code or unseen:
                    if any((t.text or "").strip() for t in child.iter(f"{_W}t")) or child.find(f"{_W}sym") is not None:
                        self._count(unseen or "field code")
                    continue
                shown_apart = self._shown_apart(child, paragraph, "".join(out)[-1:])
                if shown_apart:
                    self.shown[shown_apart] = self.shown.get(shown_apart, 0) + 1
                    continue
                out.append(self._run_text(child))
                for kind, label in _NOTES.items():
                    if child.find(f"{_W}{kind}") is not None:
                        self._note(label)
                for ruby in child.iterchildren(f"{_W}ruby"):  # the base text (python-docx skips it), not its guide
                    out.append(self._text(ruby.find(f"{_W}rubyBase") if ruby.find(f"{_W}rubyBase") is not None
                                          else [], paragraph, boxes))
                boxes += self._boxes(child)
            elif tag in (f"{_W}del", f"{_W}moveFrom"):
                self._skip(tag[len(_W):], child)
            elif tag == f"{_W}sdt":
                if not self._placeholder(child):
                    out.append(self._text(child.find(f"{_W}sdtContent") if child.find(f"{_W}sdtContent") is not None
                                          else [], paragraph, boxes))
            elif tag == f"{_MC}AlternateContent":
                out.append(self._text(_alternative(child), paragraph, boxes))
            elif tag == f"{_M}oMath":
                out.append("" if "code" in self.fields else self._math(child))
            elif tag not in _NOT_CONTENT:  # w:ins, w:moveTo, w:hyperlink, w:fldSimple, m:oMathPara, w:customXml …
                out.append(self._text(child, paragraph, boxes))
        return "".join(out)

    def _boxes(self, element) -> list:  # noqa: ANN001 - element: a python-docx XML element (lxml, untyped)
        """The text boxes anchored in a run: the content Word shows, not the VML copy kept for old readers, nor a
        drawing or shape set hidden (wp:docPr hidden, VML visibility:hidden), which is said; SmartArt, charts and
        embedded objects (OLE) are shown by Word from parts of their own, not read, and said."""
        found = []
        for child in element:
            if _hidden_drawing(child):
                self._skip("hidden drawing", child)
            elif child.tag == f"{_WP}anchor" and _anchor_off_page(child):
                self._skip("off page", child)
            elif child.tag == f"{_WP}anchor" and _overlaid(child):
                self.overlaid += 1
            elif child.tag == f"{_A}graphicData" and child.get("uri") in _DRAWN:  # SmartArt, a chart
                self._note(_DRAWN[child.get("uri")])
            elif child.tag == f"{_O}OLEObject":  # an Excel sheet or other object, shown as its picture
                self._note(_OLE_OBJECT)
            elif child.tag == f"{_W}txbxContent":
                found.append(child)
            elif child.tag == f"{_MC}AlternateContent":
                found += self._boxes(_alternative(child))
            else:
                found += self._boxes(child)
        return found
