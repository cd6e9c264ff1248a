"""What the command line prints is safe, and paths the user gives end in one clear line, never a traceback.

Unit values, keys and file names come from the units under audit: an escape sequence among them must not
clear the analyst's screen, and a line break must not forge a line such as a fake "ok". A right-to-left
override must not reverse text in a page, a CSV field or a workbook cell.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml
from openpyxl import load_workbook

from perfeval.cli import main
from perfeval.outputs.batch.status import FAILED, OK, UnitRun
from perfeval.outputs.htmlexport import to_html
from perfeval.outputs.index_page import data_csv, index_html, summary_csv

from conftest import CHANGSHA, YUNXI

pytestmark = pytest.mark.slow  # runs the CLI and batches in subprocesses

ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x9b31m"
FORGED = "\nok      forged.yaml"


def cli(*args: str) -> tuple[int, str, str]:
    proc = subprocess.run([sys.executable, "-m", "perfeval", *args], capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


def assert_safe(text: str) -> None:
    """No control character but line breaks and tabs, no bidi override, and no forged line."""
    assert not any(ord(ch) < 32 and ch not in "\n\t" or 0x7f <= ord(ch) < 0xa0 for ch in text), repr(text)
    assert "\u202e" not in text and "\u2028" not in text
    assert not any(line.startswith("ok      forged") for line in text.splitlines()), text


def hostile_unit(tmp_path: Path, name: str = "hostile.yaml") -> Path:
    """Changsha with escapes and a line break in a value the schema refuses and in a key it does not know."""
    data = yaml.safe_load(CHANGSHA.read_text(encoding="utf-8"))
    data["figures"]["staff"]["authorized"] = f"五十{ESCAPES}{FORGED}"
    data["figures"]["staff"][f"extra{ESCAPES}{FORGED}"] = 1
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["validate", "score"])
def test_errors_about_hostile_values_and_keys_print_safely(command, tmp_path):
    code, out, err = cli(command, str(hostile_unit(tmp_path)))
    assert code == 1 and "Traceback" not in err
    assert_safe(out + err)
    assert "figures.staff.authorized" in err and "\ufffd[2J" in err  # shown, not acted on


def test_a_file_name_with_escapes_prints_safely(tmp_path):
    path = tmp_path / f"u{ESCAPES}.yaml"
    path.write_bytes(CHANGSHA.read_bytes())
    code, out, err = cli("validate", str(path))
    assert code == 0 and "1 valid, 0 invalid" in out
    assert_safe(out + err)


def test_score_prints_a_hostile_name_on_its_own_line_and_json_intact(unit_copy):
    name = f"长沙{ESCAPES}\u202e{FORGED}县"
    path = unit_copy(CHANGSHA, lambda d: d["unit"].__setitem__("name", name))
    code, out, err = cli("score", str(path))
    assert code == 0 and out.splitlines()[0].startswith("长沙\ufffd[2J")
    assert_safe(out + err)
    code, out, err = cli("score", "--json", str(path))
    assert code == 0
    assert_safe(out)
    assert json.loads(out)["unit"]["name"] == name  # the machine-readable contract keeps the value exactly


def test_usage_errors_print_what_was_typed_safely():
    code, out, err = cli("run", "--timeout", ESCAPES)
    assert code == 2 and "invalid float value" in err
    assert_safe(out + err)


def test_a_failed_unit_of_a_batch_prints_safely(tmp_path):
    units = tmp_path / "units"
    units.mkdir()
    hostile_unit(units)
    code, out, err = cli("run", str(units), "-o", str(tmp_path / "out"), "-q", "--no-summaries")
    assert code == 1 and "failed  hostile: ParamsError" in err and "Traceback" not in err
    assert_safe(out + err)


def test_right_to_left_overrides_are_inert_in_html_csv_and_workbooks(tmp_path, unit_copy):
    from perfeval.outputs.excel.summary import write_summary_workbook
    from perfeval.result import evaluate_file

    rlo = "长沙\u202eexe.txt县"
    result = evaluate_file(unit_copy(CHANGSHA, lambda d: d["unit"].__setitem__("name", rlo)))
    entries = [(UnitRun("a", "a.yaml", OK, report="units/a/a.html", result="units/a/a.json"), result),
               (UnitRun("b", "b.yaml", FAILED, reason=rlo), None)]
    page, table = index_html(entries), summary_csv(entries)
    assert "\u202e" not in page + table and "长沙\ufffdexe.txt县" in page and "长沙\ufffdexe.txt县" in table

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", {"text/html": f"<p>{rlo}</p>", "text/plain": rlo})])])
    html = to_html(nb, rlo)
    assert "\u202e" not in html and "长沙\ufffdexe.txt县" in html

    book = write_summary_workbook([result], tmp_path / "s.xlsx")
    wb = load_workbook(book)
    cells = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any("\u202e" in c for c in cells + wb.sheetnames) and "长沙\ufffdexe.txt县" in cells


@pytest.mark.parametrize("brk", ["\r", "\n", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1e", "\t"])
def test_a_line_break_in_a_name_or_reason_stays_inside_its_csv_field(unit_copy, brk):
    """A spreadsheet, a csv reader or a line-by-line tool sees one row per unit, whatever a name holds."""
    import csv
    import io

    from perfeval.result import evaluate_file

    name = f"长沙{brk}=1+1{brk}县"
    result = evaluate_file(unit_copy(CHANGSHA, lambda d: d["unit"].__setitem__("name", name)))
    entries = [(UnitRun("a", "a.yaml", OK, report="units/a/a.html", result="units/a/a.json"), result),
               (UnitRun("b", "b.yaml", FAILED, reason=f"bad{brk}=2+2"), None)]
    table = summary_csv(entries)
    records = list(csv.DictReader(io.StringIO(table.lstrip("\ufeff"), newline="")))
    assert [r["单位编号"] for r in records] == ["a", "b"] and [r["状态"] for r in records] == ["已生成", "失败"]
    shown = "\ufffd" if brk in "\x0b\x0c\x1e" else brk  # breaks a line in no spreadsheet: shown, as a control
    assert records[0]["单位名称"] == result.unit.name.replace(brk, shown) and records[1]["原因"] == f"bad{shown}=2+2"
    data = list(csv.DictReader(io.StringIO(data_csv(entries).lstrip("\ufeff"), newline="")))
    assert [(r["unit_id"], r["status"], r["name"]) for r in data] == [("a", "ok", result.unit.name.replace(brk, shown)),
                                                                      ("b", "failed", "")]


# --- paths the user gives --------------------------------------------------------------------------------------

def _output_cases(tmp_path: Path) -> list[tuple[list[str], str]]:
    folder = tmp_path / "a folder"
    folder.mkdir()
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    cases = []
    for cmd in (["excel", "template"], ["excel", "export", str(YUNXI)], ["excel", "summary", str(YUNXI)]):
        cases += [
            ([*cmd, "-o", str(folder)], f"{folder} is a folder; give the name of the file to write"),
            ([*cmd, "-o", str(blocker / "x.xlsx")], f"cannot write {blocker}/x.xlsx: {blocker} is a file, not a folder"),
            ([*cmd, "-o", "/proc/x.xlsx"], "/proc/x.xlsx: "),
        ]
    return cases + [
        (["excel", "import", str(folder)], "is a directory, expected"),
        (["validate", "/proc/self/mem"], "cannot be read: Input/output error"),
        (["score", "/proc/self/mem"], "cannot be read: Input/output error"),
        (["score", str(folder)], "is a directory"),
        (["run", str(YUNXI), "-o", str(blocker), "-q"], f"{blocker} is a file; the outputs (-o) must be a folder"),
        (["run", str(YUNXI), "-o", str(blocker / "out"), "-q"], "cannot create the outputs folder"),
        (["run", str(YUNXI), "--notebook", str(folder), "-q", "-o", str(tmp_path / "o")], "cannot read the notebook"),
    ]


def test_paths_that_cannot_be_used_end_in_one_clear_line(tmp_path, capsys):
    for args, words in _output_cases(tmp_path):
        assert main(args) == 1, args
        out, err = capsys.readouterr()
        assert words in err and "Traceback" not in err, (args, err)
        assert err.startswith(("error: ", "invalid ")), (args, err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file", "a folder"]  # nothing written anywhere
    assert list((tmp_path / "a folder").iterdir()) == []


def test_a_params_file_that_cannot_be_read_fails_its_unit_not_the_batch(tmp_path, capsys):
    # /proc/self/mem is a regular file of size 0 whose reading fails (EIO), as a damaged disk does
    assert main(["run", "/proc/self/mem", str(YUNXI), "-o", str(tmp_path / "out"), "-q", "--no-summaries"]) == 1
    out, err = capsys.readouterr()
    assert "1 report(s) written, 1 failed" in out and "Traceback" not in err
    assert "failed  mem: cannot read /proc/" in err and "Input/output error" in err


# --- the locale ------------------------------------------------------------------------------------------------

LOCALES = {"C": {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
           "gbk": {"PYTHONIOENCODING": "gbk"}, "latin-1": {"PYTHONIOENCODING": "latin-1"}, "utf-8": {}}


def _in_locale(locale: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_CTYPE", "PYTHONIOENCODING",
                                                                "PYTHONUTF8")}
    return subprocess.run([sys.executable, "-m", "perfeval", *args], cwd=cwd, capture_output=True, env={
        **env, **LOCALES[locale]}, timeout=600)


def test_every_command_runs_with_docstrings_stripped(tmp_path):
    """python -OO (PYTHONOPTIMIZE=2, as locked-down images set) strips docstrings: the parser's description was
    taken from the module's, and every command, --help too, ended in a traceback (trial 3 T36)."""
    import os

    env = {**os.environ, "PYTHONOPTIMIZE": "2"}
    report = Path(__file__).parent / "data" / "planted" / "archives_2023.txt"
    for args in (["--help"], ["score", str(YUNXI)], ["validate", str(YUNXI)], ["lint"],
                 ["draft", str(report), "-o", str(tmp_path / "d.yaml")]):
        done = subprocess.run([sys.executable, "-m", "perfeval", *args], cwd=tmp_path, capture_output=True, text=True,
                              env=env, timeout=600)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (args, done.stderr[-400:])


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_every_command_prints_whatever_the_locale(tmp_path, unit_copy, locale):
    """No UnicodeEncodeError after the files are written: UTF-8 unless PYTHONIOENCODING names an encoding, and
    then what it cannot hold (− U+2212, 😀 beyond the BMP, 长沙 in latin-1) as \\u escapes; JSON, which programs
    read, is UTF-8 whatever the locale (trial 7 X16: GBK bytes under PYTHONIOENCODING=gbk)."""
    name = "长沙县\u2212机关😀事务中心"
    unit = unit_copy(CHANGSHA, lambda d: d["unit"].__setitem__("name", name), name="u.yaml")
    encoding = LOCALES[locale].get("PYTHONIOENCODING", "utf-8")
    scored = _in_locale(locale, "score", "--json", str(unit), cwd=tmp_path)
    assert scored.returncode == 0 and b"Traceback" not in scored.stderr, scored.stderr
    assert json.loads(scored.stdout.decode("utf-8"))["unit"]["name"] == name
    for args in (["score", str(unit)], ["validate", str(unit)], ["lint", str(unit)],
                 ["draft", str(Path(__file__).parent / "data" / "planted" / "archives_2023.txt"),
                  "-o", str(tmp_path / "d.yaml"), "--unit-id", "qinghe_archives_2023"]):
        done = _in_locale(locale, *args, cwd=tmp_path)
        printed = (done.stdout + done.stderr).decode(encoding)
        assert done.returncode in (0, 1) and "Traceback" not in printed and "UnicodeEncodeError" not in printed, args
    assert "长沙" in _in_locale(locale, "score", str(unit), cwd=tmp_path).stdout.decode(encoding).encode(
        "ascii", "backslashreplace").decode("unicode_escape")


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf", ".doc"])
def test_a_report_given_where_params_are_expected_says_to_draft_it(tmp_path, suffix):
    """`perfeval score 报告.docx` said only "not UTF-8 text (byte 10)" and a .txt "expected a mapping at the top level"
    (found by a trial of main as a new user would): a report is named as one, with the command that reads it."""
    report = tmp_path / f"青禾县档案馆2023年自评报告{suffix}"
    report.write_bytes("一、基本情况\n".encode())
    for command in (["score", str(report)], ["validate", str(report)]):
        done = subprocess.run([sys.executable, "-m", "perfeval", *command], capture_output=True, text=True,
                              encoding="utf-8", timeout=120)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "perfeval draft" in done.stdout + done.stderr and str(report) in done.stdout + done.stderr


def test_an_excel_command_never_writes_over_what_it_reads_nor_names_a_file_as_another_kind(tmp_path, capsys):
    """`excel import wb.xlsx -o wb.xlsx --force` wrote YAML over the analyst's filled workbook and `excel export u.yaml
    -o u.yaml --force` a workbook over the params, as `draft r.txt -o r.txt --force` once did over the report."""
    unit = tmp_path / "qingshan.yaml"
    unit.write_bytes(YUNXI.read_bytes())
    book = tmp_path / "青山 填报.xlsx"
    assert main(["excel", "export", str(unit), "-o", str(book)]) == 0
    (tmp_path / "to-book.yaml").symlink_to(book.name)  # a link named as params, leading to the workbook
    (tmp_path / "to-unit.xlsx").symlink_to(unit.name)
    before = {p: p.read_bytes() for p in (unit, book)}
    capsys.readouterr()
    cases = [
        (["excel", "import", str(book), "-o", str(book), "--force"], f"-o {book}: name the params file *.yaml or *.yml"),
        (["excel", "import", str(book), "-o", str(tmp_path / "to-book.yaml"), "--force"],
         "is the workbook being imported; write the params file to another file (--force replaces earlier outputs, "
         "never the workbook)"),
        (["excel", "export", str(unit), "-o", str(unit), "--force"], "name the workbook *.xlsx"),
        (["excel", "export", str(unit), "-o", str(tmp_path / "to-unit.xlsx"), "--force"],
         "is the params file being exported"),
        (["excel", "summary", str(unit), "-o", str(unit)], "name the workbook *.xlsx"),
        (["excel", "summary", str(tmp_path / "to-unit.xlsx"), "-o", str(tmp_path / "to-unit.xlsx")],
         "is a params file being summarised"),
        (["excel", "template", "-o", str(tmp_path / "blank.yml")], "name the workbook *.xlsx"),
    ]
    for argv, words in cases:
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err, (argv, err)
    assert {p: p.read_bytes() for p in (unit, book)} == before
    assert not (tmp_path / "blank.yml").exists()


def test_a_batch_refused_for_its_units_makes_no_outputs_folder(tmp_path, capsys):
    """`run missing.yaml -o new/out` made new/out and a results store in it, then said the file was missing."""
    folder = tmp_path / "收到的报告"
    folder.mkdir()
    (folder / "说明.md").write_text("not a unit", encoding="utf-8")
    for units in (["qingtan_2024.yaml"], [str(tmp_path / "无此文件夹")], [str(folder)],
                  ["--failed-only", "qingtan_2024.yaml"]):
        assert main(["run", *units, "-o", str(tmp_path / "新建" / "out"), "-q"]) == 1, units
        assert "Traceback" not in capsys.readouterr().err
        assert not (tmp_path / "新建").exists(), units


def test_score_json_and_draft_with_names_python_cannot_decode(tmp_path, capsys):
    """Names in GBK bytes (or any Chinese name under LC_ALL=C with PYTHONUTF8=0, where Python holds them as
    surrogates): `score --json` ended in PydanticSerializationError and `draft -o 草稿/稿.yaml` in UnicodeEncodeError
    after making its folder."""
    import os

    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + "草稿".encode("gbk")))
    folder.mkdir()
    unit = folder / "云溪.yaml"
    unit.write_bytes(YUNXI.read_bytes())
    capsys.readouterr()
    assert main(["score", str(unit), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["params_file"] == f"{tmp_path}/草稿/云溪.yaml"
    report = Path(__file__).parent / "data" / "trial" / "donghu_library_2023.txt"
    assert main(["draft", str(report), "-o", str(folder / "donghu.yaml")]) == 0, capsys.readouterr().err
    assert main(["validate", str(folder / "donghu.yaml")]) == 0


def test_a_notebook_that_is_a_named_pipe_is_said_to_be_one(tmp_path, capsys):
    import os

    pipe = tmp_path / "report.ipynb"
    os.mkfifo(pipe)
    assert main(["run", str(YUNXI), "-o", str(tmp_path / "out"), "-q", "--notebook", str(pipe)]) == 1
    assert f"{pipe}: cannot read the notebook (a named pipe (FIFO))" in capsys.readouterr().err  # was "no such file"
