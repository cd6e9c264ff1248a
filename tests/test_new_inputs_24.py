"""Issue 24, tried again with new inputs of the same classes (session 8): each test failed before its fix."""
from __future__ import annotations

import pytest

from perfeval.cli import main


@pytest.mark.parametrize(("name", "data", "said"), [
    ("r.pdf", b"", "is empty (0 bytes), not a PDF file"),
    ("r.docx", b"", "is empty (0 bytes), not a Word .docx document"),
    ("r.docx", b"  \r\n\t", "is empty (5 bytes, all blank), not a Word .docx document"),
])
def test_an_empty_report_is_said_empty_never_plain_text_to_rename(tmp_path, capsys, name, data, said):
    """Class 21 (misleading messages): an empty .pdf or .docx was "not a PDF file: it looks like plain text; give it
    with the .txt extension", and renamed .txt it said "holds no text"."""
    report = tmp_path / name
    report.write_bytes(data)
    assert main(["draft", str(report), "-o", str(tmp_path / "d.yaml")]) == 1
    err = capsys.readouterr().err
    assert said in err and "plain text" not in err and "Traceback" not in err


@pytest.mark.parametrize("text", ["", "\n\n", "# a comment and nothing else\n", "---\n"])
def test_an_empty_params_file_is_said_empty_never_by_a_python_type(tmp_path, capsys, text):
    """Class 21: an empty params file said "expected a mapping at the top level, found NoneType"."""
    unit = tmp_path / "u.yaml"
    unit.write_text(text, encoding="utf-8")
    for command in ("score", "validate"):
        main([command, str(unit)])
        err = capsys.readouterr()
        said = err.out + err.err
        assert "the file is empty (no YAML in it)" in said and "NoneType" not in said
