"""Text from units and file names made safe to show: one place for every output, terminal, HTML, CSV and workbook.

Params, workbooks and even file names come from the units under audit. A right-to-left override can make
a name read backwards in a page or a cell; an escape sequence can clear an analyst's terminal and print a
fake "ok"; a line break in a value can forge a line of its own; a file name in GBK bytes (as `unzip` makes
from a Chinese Windows archive) is not text at all until it is decoded. Each function here returns text
that shows what is there and does nothing else.
"""
from __future__ import annotations

import codecs
import io
import os
import re
import unicodedata
from functools import cache
from pathlib import PurePath

SHOWN = "\ufffd"  # what a character that must not act is shown as
# Embeddings, overrides and isolates ("Trojan Source", CVE-2021-42574): they reorder the text after them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")
_SURROGATES = re.compile("[\udc80-\udcff]")  # bytes of a file name that were not UTF-8 (surrogateescape)
_NON_ASCII = re.compile("[^\x00-\x7f]+")
_KEPT_IN_TERMINAL = frozenset("\n\t\u200d")  # line structure, and the joiner inside emoji and some scripts
_LINE_BREAKS = frozenset("\n\r\t\v\f\x1c\x1d\x1e\x85\u2028\u2029")
LEGACY_ENCODING = "gb18030"  # superset of GBK and GB2312: what Chinese Windows writes file names in


def _decode_bytes(raw: bytes) -> str:
    """Bytes of a name Python could not decode: UTF-8 when they are (under an ASCII locale, LC_ALL=C with
    PYTHONUTF8=0, every non-ASCII name comes as such bytes), else the Chinese Windows encoding if they read as
    such, else \\xNN. Under a UTF-8 locale a run holding such bytes is never UTF-8 as a whole."""
    for encoding in ("utf-8", LEGACY_ENCODING):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("ascii", "backslashreplace")


def _decoded(text: str) -> str:
    """Text with the bytes of a non-UTF-8 name (kept by Python as lone surrogates) decoded.

    Decoded by runs of non-ASCII characters, since some GBK byte pairs happen to be valid UTF-8 (溪 is
    read as Ϫ): the run is turned back into its bytes and decoded as a whole. A GBK file name in a UTF-8
    folder reads right in both (the '/' between them is ASCII).
    """
    if not _SURROGATES.search(text):
        return text
    return _NON_ASCII.sub(lambda m: _decode_bytes(m.group().encode("utf-8", "surrogateescape"))
                          if _SURROGATES.search(m.group()) else m.group(), text)


def readable_path(path: str | os.PathLike[str]) -> str:
    """A path as a person reads it: parts that are not UTF-8 decoded as GBK (or shown as \\xNN)."""
    return _decoded(os.fspath(path))


def readable_text(text: str) -> str:
    """Text a UTF-8 file can hold: the bytes of a non-UTF-8 name in it (a path, a link) decoded as readable_path
    decodes them (`draft r.txt -o 草稿/稿.yaml` under LC_ALL=C ended in UnicodeEncodeError writing the review page)."""
    return _decoded(text)


def is_portable_path(path: str | PurePath) -> bool:
    """Whether the path can be written in UTF-8 (a kernel message, a JSON file, a notebook) as it is."""
    return not _SURROGATES.search(os.fspath(path))


def inert(text: str) -> str:
    """Text for a page, a CSV field or a workbook cell: bidi overrides shown as �, undecoded bytes decoded.

    The one function every output applies to unit text (HTML reports, portfolio, index, CSV, workbooks).
    """
    return _BIDI.sub(SHOWN, _decoded(text))  # a regular expression: a 500 KB page in 1 ms, not 20


# C0 and C1 controls but the tab and the line breaks a spreadsheet keeps in a cell (CR, LF, NEL; kept inside their
# quoted field): a vertical tab, form feed or separator (\x0b, \x0c, \x1c-\x1e) breaks a line in no spreadsheet,
# and moves a terminal's cursor (trial 4's U19)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def inert_field(text: str) -> str:
    """A CSV field: inert, and control characters shown as � (an escape sequence in a name must not reach the
    terminal of whoever prints the file; a tab and the characters that break a line are kept, inside the quoted
    field)."""
    return _CONTROLS.sub(SHOWN, inert(text))


def _acts_on_terminal(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch not in _KEPT_IN_TERMINAL


def for_terminal(text: str) -> str:
    """A message for the terminal: control, format and separator characters shown as �; lines stay lines.

    Only characters outside ASCII text and the common CJK blocks are looked up (a score sheet in 0.4 ms, not 3), and
    none when every character but the line breaks is printable (Python's test excludes every category that acts)."""
    text = inert(text)
    if _printable(text):
        return text
    return _maybe_acting().sub(_shown_on_terminal, text)


def _printable(text: str) -> bool:
    """No control, format, separator or surrogate character but line breaks: nothing a terminal would act on."""
    return text.replace("\n", "").isprintable()


def _shown_on_terminal(match: re.Match[str]) -> str:
    return SHOWN if _acts_on_terminal(match.group()) else match.group()


def one_line(text: str) -> str:
    """A value shown inside a line (a name, a key, a path): also its line breaks and tabs shown as �."""
    return "".join(SHOWN if ch in _LINE_BREAKS else ch for ch in for_terminal(text))


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path inside a message: readable, and on one line."""
    return one_line(readable_path(path))


def json_escaped(text: str) -> str:
    """JSON text with every control, format or lone surrogate character written as a \\uXXXX escape.

    Such characters only occur inside JSON strings (json.dumps already escapes those below U+0020), so the
    document means the same; it can be printed to a terminal and written as UTF-8.
    """
    return text if _printable(text) else _maybe_acting().sub(_json_escape, text)


@cache
def _maybe_acting() -> re.Pattern[str]:
    """Characters that cannot be control, format, separator or surrogate characters; only the others are looked up.
    Compiled on first use: the CJK block in a negated class costs ~7 ms to compile, and most text never needs it."""
    return re.compile("[^\n\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _json_escape(match: re.Match[str]) -> str:
    ch = match.group()
    return ch if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp") else json_escaped_all(ch)


ESCAPE_UNENCODABLE = "perfeval-u-escape"


def _u_escape(error: UnicodeError) -> tuple[str, int]:
    """What an output encoding cannot hold, as \\uXXXX (a JSON escape, so `score --json` still reads back)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return json_escaped_all(error.object[error.start:error.end]), error.end


def json_escaped_all(text: str) -> str:
    """Every character as \\uXXXX, beyond the BMP as its UTF-16 surrogate pair (as JSON writes it)."""
    out = []
    for ch in text:
        if ord(ch) > 0xFFFF:
            high, low = divmod(ord(ch) - 0x10000, 0x400)
            out.append(f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return "".join(out)


codecs.register_error(ESCAPE_UNENCODABLE, _u_escape)


def locale_free(stream: io.TextIOBase) -> None:
    """Make a standard stream write the same whatever the locale: UTF-8 (LANG=C in cron or a container would
    give ASCII), or the encoding PYTHONIOENCODING asks for with what it cannot hold as \\u escapes; never a
    UnicodeEncodeError at the end of a command whose files are written."""
    if not isinstance(stream, io.TextIOWrapper):  # a test's capture, a notebook: already text all the way
        return
    asked = os.environ.get("PYTHONIOENCODING", "").partition(":")[0].strip()
    stream.reconfigure(encoding=asked or "utf-8", errors=ESCAPE_UNENCODABLE)
