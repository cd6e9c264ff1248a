"""The one place where unit text and file names are made safe to show: terminal, HTML, CSV, workbooks."""
from __future__ import annotations

import json
import os
import unicodedata

import pytest

from perfeval.safetext import for_terminal, inert, json_escaped, one_line, readable_path, shown_path

GBK_NAME = os.fsdecode("云溪区.yaml".encode("gbk"))  # what Python makes of a GBK file name on Linux


@pytest.mark.parametrize("ch", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
                                "\u2069"])
def test_bidi_overrides_are_inert_everywhere(ch):
    text = f"长沙{ch}exe.txt"
    assert inert(text) == "长沙\ufffdexe.txt"
    assert for_terminal(text) == one_line(text) == "长沙\ufffdexe.txt"


def test_inert_keeps_everything_else():
    text = "长沙县 <b>&amp;</b>\n\tמילה العربية 👩\u200d👩 ="
    assert inert(text) == text


def test_terminal_text_keeps_lines_and_shows_every_control():
    text = "名\x1b[2J\x07\x9b31m\r\u2028\u200b\x7f\n\tok"
    assert for_terminal(text) == "名\ufffd[2J\ufffd\ufffd31m\ufffd\ufffd\ufffd\ufffd\n\tok"
    assert one_line(text) == "名\ufffd[2J\ufffd\ufffd31m\ufffd\ufffd\ufffd\ufffd\ufffd\ufffdok"


def test_terminal_text_shows_exactly_the_control_format_and_separator_characters():
    """Every code point (but lone surrogates, which are undecoded bytes of a name), one after another."""
    text = "".join(map(chr, [*range(0xd800), *range(0xe000, 0x110000)]))
    acting = {"Cc", "Cf", "Cs", "Zl", "Zp"}
    assert for_terminal(text) == "".join("\ufffd" if unicodedata.category(ch) in acting and ch not in "\n\t\u200d"
                                         else ch for ch in text)


def test_a_gbk_file_name_reads_as_chinese():
    assert readable_path(f"/审计/{GBK_NAME}") == "/审计/云溪区.yaml"
    assert inert(GBK_NAME) == "云溪区.yaml"
    assert shown_path(os.fsdecode(b"/x/\xff\xfe.yaml")) == "/x/\\xff\\xfe.yaml"  # not GBK either: shown as bytes


def test_a_utf8_name_python_could_not_decode_reads_as_written():
    """Under an ASCII locale (LC_ALL=C, PYTHONUTF8=0) a UTF-8 name comes as bytes too: GB18030 read some of them as
    other characters (报告 as 鎶ュ憡) and the emoji ones as \\xNN."""
    for name in ("报告.txt", "坏😀.yaml", "青禾档案馆 2023.docx"):
        assert readable_path(name.encode("utf-8").decode("ascii", "surrogateescape")) == name


def test_json_escaped_means_the_same_and_prints_safely():
    data = {"name": "长沙\x1b[2J\u202e\x9b\u2028县", "file": f"/x/{GBK_NAME}"}
    text = json_escaped(json.dumps(data, ensure_ascii=False, indent=2))
    assert json.loads(text) == data
    assert text == for_terminal(text) and "长沙" in text
    text.encode("utf-8")  # writable as UTF-8, lone surrogates included


def test_a_csv_field_shows_control_characters_and_keeps_its_lines():
    """An escape sequence in a unit's name reached the terminal of whoever printed summary.csv (trial 4, U19)."""
    from perfeval.outputs.index_page import csv_cell

    assert csv_cell("\x01云溪\x0b区\x1b[31m机关\x9b") == "\ufffd云溪\ufffd区\ufffd[31m机关\ufffd"
    assert csv_cell("云\x0c溪\x1c区\x1e机关") == "云\ufffd溪\ufffd区\ufffd机关"  # no spreadsheet breaks a line there
    assert csv_cell("第一行\r\n第二行\t附注\x85") == "第一行\r\n第二行\t附注\x85"  # lines stay in their field
    assert csv_cell("=1+1\x1b") == "'=1+1\ufffd"
