"""A file given to the wrong command, or under the wrong extension, is named for what it is, with the command that
reads it: a workbook is for `perfeval excel import`, a Word file renamed .txt is a Word file, not undecodable text."""
from __future__ import annotations

import docx
import openpyxl
import pytest

from perfeval.cli import main


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "单位填报.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "部门（单位）名称"
    book.save(path)
    return path


@pytest.mark.parametrize("command", ["score", "validate"])
def test_a_workbook_given_for_params_names_excel_import(workbook, command, capsys):
    assert main([command, str(workbook)]) == 1
    err = capsys.readouterr()
    said = err.err + err.out
    assert "is a workbook (.xlsx), not a params file" in said and "perfeval excel import" in said
    assert "UTF-8" not in said


def test_a_workbook_given_to_draft_names_excel_import(workbook, tmp_path, capsys):
    assert main(["draft", str(workbook), "-o", str(tmp_path / "d.yaml")]) == 1
    err = capsys.readouterr().err
    assert "is a workbook (.xlsx), not a report" in err and "perfeval excel import" in err
    assert not (tmp_path / "d.yaml").exists()


RTF = (b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}\n"
       b"\\f0\\fs24 2024\\u24180?\\u24230?\\u37096?\\u38376? 2187.25\\par\n}")  # what WordPad saves (V23)


@pytest.mark.parametrize("name", ["报告.docx", "报告.pdf", "报告.rtf"])
def test_an_rtf_document_is_named_as_rtf_not_drafted_as_text(tmp_path, capsys, name):
    """V23: an RTF file named .txt drafted its markup (\\u19975? codes as figures), named .docx was "plain text",
    named .rtf was refused without naming RTF."""
    report = tmp_path / name
    report.write_bytes(RTF)
    assert main(["draft", str(report), "-o", str(tmp_path / "d.yaml")]) == 1
    err = capsys.readouterr().err
    assert "RTF" in err and "Traceback" not in err and not (tmp_path / "d.yaml").exists()


def _word(path):
    document = docx.Document()
    document.add_paragraph("青禾县档案馆2023年度部门整体支出绩效自评报告")
    document.save(path)


@pytest.mark.parametrize("make, said", [
    (_word, "looks like a Word file (.docx)"),
    (lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "looks like a PDF file"),
    (lambda p: p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)), "old Word (.doc)"),
    (lambda p: p.write_bytes(RTF), "looks like an RTF document"),
])
def test_a_file_of_another_format_named_txt_says_what_it_looks_like(tmp_path, capsys, make, said):
    report = tmp_path / "报告.txt"
    make(report)
    assert main(["draft", str(report), "-o", str(tmp_path / "d.yaml")]) == 1
    err = capsys.readouterr().err
    assert said in err and "GB18030" not in err and "Traceback" not in err


def test_a_workbook_renamed_docx_names_excel_import(workbook, tmp_path, capsys):
    renamed = tmp_path / "报告.docx"
    renamed.write_bytes(workbook.read_bytes())
    assert main(["draft", str(renamed), "-o", str(tmp_path / "d.yaml")]) == 1
    err = capsys.readouterr().err
    assert "looks like an Excel workbook" in err and "perfeval excel import" in err and "Traceback" not in err
