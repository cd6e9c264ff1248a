"""Untrusted files within bounds: hostile YAML and workbooks end in a clear error, read no further than needed.

Every hostile file is built here from a real filled workbook or from text. Time and memory are not
asserted (bench/bench_hostile_files.py measures them for the same files); what is asserted is the
error, its message and that nothing was written.
"""
from __future__ import annotations

import io
import struct
import warnings
import zipfile
from typing import Callable

import openpyxl
import pytest

from perfeval.cli import main
from perfeval.errors import InputFileError, WorkbookError
from perfeval.intake.excel.book import MAX_PARTS, MAX_UNPACKED_BYTES, MAX_XML_PART_BYTES
from perfeval.intake.excel.reader import read_workbook
from perfeval.outputs.excel.template import export_workbook
from perfeval.fileio import MAX_YAML_DEPTH, MAX_YAML_NODES, parse_yaml, read_yaml
from perfeval.core.params import load_params

from conftest import CHANGSHA, YUNXI

SHEET = "xl/worksheets/sheet2.xml"  # 单位信息, the first sheet the reader checks
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


# --- building hostile workbooks from a real one -----------------------------------------------------------

def repack(source: bytes, replace: dict[str, Callable[[io.BufferedWriter], None]] | None = None,
           add: int = 0) -> bytes:
    """The workbook's zip with parts streamed in by writer functions, and `add` tiny extra parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if replace and item.filename in replace:
                with zout.open(item.filename, "w", force_zip64=True) as fh:
                    replace[item.filename](fh)
            else:
                zout.writestr(item, zin.read(item.filename))
        for i in range(add):
            zout.writestr(f"customXml/item{i}.xml", "<a/>")
    return buffer.getvalue()


def rows_xml(rows: int, cells_per_row: int = 1) -> Callable:
    """Sheet XML of many rows (or one very wide row): tiny once compressed."""
    def write(fh) -> None:
        fh.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + b"><sheetData>")
        cells = b'<c t="inlineStr"><is><t>x</t></is></c>' * cells_per_row
        for r in range(1, rows + 1):
            fh.write(b'<row r="%d">%s</row>' % (r, cells))
        fh.write(b"</sheetData></worksheet>")
    return write


def billion_laughs(fh) -> None:
    fh.write(b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
             + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                        for i in range(1, 10))
             + b"]><worksheet " + NS + b'><sheetData><row r="1"><c t="inlineStr"><is><t>&lol9;</t></is></c>'
             + b"</row></sheetData></worksheet>")


def _patch_central(data: bytes, name: str, offset: int, value: bytes) -> bytes:
    """Overwrite a field of one part's central directory entry (where sizes and flags are stated)."""
    entry = data.find(b"PK\x01\x02")
    while entry != -1:
        name_len = struct.unpack("<H", data[entry + 28:entry + 30])[0]
        if data[entry + 46:entry + 46 + name_len] == name.encode():
            return data[:entry + offset] + value + data[entry + offset + len(value):]
        entry = data.find(b"PK\x01\x02", entry + 4)
    raise KeyError(name)


def lying_size(data: bytes) -> bytes:
    """A part whose directory says it unpacks to 1 kB while it holds far more (a bomb that lies)."""
    big = repack(data, {SHEET: rows_xml(100_000)})
    return _patch_central(big, SHEET, 24, struct.pack("<I", 1_000))


def zip_encrypted(data: bytes) -> bytes:
    """The sheet part flagged as encrypted with a zip password."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        flags = z.getinfo(SHEET).flag_bits
    return _patch_central(data, SHEET, 8, struct.pack("<H", flags | 0x1))


def flipped_byte(data: bytes) -> bytes:
    """One byte of the sheet's compressed data changed (a download cut short, a bad disk)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2
    return data[:start] + bytes([data[start] ^ 0xFF]) + data[start + 1:]


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> bytes:
    return export_workbook(CHANGSHA, tmp_path_factory.mktemp("filled") / "changsha.xlsx").read_bytes()


# (name, builder from the filled workbook's bytes, words of the message)
def written_twice(source: bytes, name: str) -> bytes:
    """The workbook with a second part named `name` (the sheet's, in other case or not) holding other cells: zipfile
    reads the last of two, Excel refuses the file, another reader may take the first."""
    buffer = io.BytesIO(source)
    other = repack(source, {SHEET: rows_xml(3)})
    with zipfile.ZipFile(io.BytesIO(other)) as z, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile's "Duplicate name"
        with zipfile.ZipFile(buffer, "a") as out:
            out.writestr(name, z.read(SHEET))
    return buffer.getvalue()


HOSTILE_WORKBOOKS: list[tuple[str, Callable[[bytes], bytes], str]] = [
    ("empty file", lambda d: b"", "not an Excel .xlsx workbook"),
    ("a PDF renamed .xlsx", lambda d: b"%PDF-1.7\n" + d[:2000], "not an Excel .xlsx workbook"),
    ("an old .xls or an encrypted workbook", lambda d: bytes.fromhex("D0CF11E0A1B11AE1") + d[:4000],
     "password-protected (encrypted) or an old .xls"),
    ("a part encrypted with a zip password", zip_encrypted, "is password-protected"),
    ("cut short", lambda d: d[: len(d) * 2 // 3], "is corrupt"),
    ("one byte flipped", flipped_byte, "is corrupt"),
    ("zip bomb: 120 MB of rows", lambda d: repack(d, {SHEET: rows_xml(2_500_000)}),
     f"the limit is {MAX_UNPACKED_BYTES:,}"),
    ("zip bomb: one sheet of 7 MB", lambda d: repack(d, {SHEET: rows_xml(150_000)}),
     "its sheet “单位信息” unpacks to"),  # named as the analyst sees it, not by its zip part
    ("zip bomb: one row 7 MB wide", lambda d: repack(d, {SHEET: rows_xml(1, 160_000)}),
     f"the limit is {MAX_XML_PART_BYTES:,}"),
    ("zip bomb: styles of 7 MB", lambda d: repack(d, {"xl/styles.xml": rows_xml(150_000)}),
     "its part xl/styles.xml unpacks to"),
    ("zip bomb that understates its size", lying_size, f"the part {SHEET} is damaged"),
    ("thousands of parts", lambda d: repack(d, add=MAX_PARTS), f"the limit is {MAX_PARTS:,}"),
    ("XML entity expansion (billion laughs)", lambda d: repack(d, {SHEET: billion_laughs}),
     "could not be read as an Excel workbook"),
    ("a sheet's part written twice", lambda d: written_twice(d, SHEET), f"has two parts named {SHEET}"),
    ("two parts differing only in case", lambda d: written_twice(d, SHEET.upper()),
     f"has two parts named {SHEET.upper()} and {SHEET}"),
]


@pytest.mark.parametrize("what,build,words", HOSTILE_WORKBOOKS, ids=[h[0] for h in HOSTILE_WORKBOOKS])
def test_a_hostile_workbook_is_a_clear_error_and_nothing_is_written(filled, tmp_path, capsys, what, build, words):
    path = tmp_path / "in.xlsx"
    path.write_bytes(build(filled))
    with pytest.raises(WorkbookError) as err:
        read_workbook(path)
    assert err.value.file == str(path) and words in str(err.value)
    out = tmp_path / "unit.yaml"
    assert main(["excel", "import", str(path), "-o", str(out)]) == 1
    printed = capsys.readouterr().err
    assert words in printed and "Traceback" not in printed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.xlsx"]  # no params file, no temp file


def test_a_large_but_honest_workbook_is_read_only_as_far_as_the_layout_reaches(filled, tmp_path):
    """Far-off cells and 4 MB of rows past the layout do not change the unit (and are not read)."""
    wb = openpyxl.load_workbook(io.BytesIO(filled))
    for ws in wb.worksheets:
        ws.cell(1_048_576, 1, "far below")
        ws.cell(1, 16_384, "far right")
    buffer = io.BytesIO()
    wb.save(buffer)
    path = tmp_path / "far.xlsx"
    path.write_bytes(buffer.getvalue())
    params, _ = read_workbook(path)
    assert params == load_params(CHANGSHA)


def test_a_directory_or_a_missing_file(tmp_path):
    with pytest.raises(WorkbookError, match="is a directory"):
        read_workbook(tmp_path)
    with pytest.raises(WorkbookError, match="file not found"):
        read_workbook(tmp_path / "nowhere.xlsx")


def test_openpyxl_parses_workbook_xml_with_defusedxml():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML  # entity declarations refused (see the billion laughs above)


# --- hostile YAML ---------------------------------------------------------------------------------------

HOSTILE_YAML = [
    ("flow nesting", "a: " + "[" * 100_000 + "]" * 100_000, f"nested more than {MAX_YAML_DEPTH} levels"),
    ("block nesting", "".join(" " * i + f"k{i}:\n" for i in range(200)) + " " * 200 + "v",
     f"nested more than {MAX_YAML_DEPTH} levels"),
    ("a list of a million values", "a: [" + "1," * 400_000 + "1]", f"more than {MAX_YAML_NODES:,} values"),
    ("many keys", "".join(f"k{i}: {i}\n" for i in range(30_000)), f"more than {MAX_YAML_NODES:,} values"),
    ("an integer of 5,000 digits", "a: " + "9" * 5_000, "integer with too many digits"),
    ("an alias bomb", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "aliases (*name) are not allowed"),
    ("a Python object", "a: !!python/object/apply:os.system ['true']\n", "could not determine a constructor"),
    ("a merge key", "base: &b {x: 1}\nunit:\n  <<: *b\n", "aliases (*name) are not allowed"),
]


@pytest.mark.parametrize("what,text,words", HOSTILE_YAML, ids=[h[0] for h in HOSTILE_YAML])
def test_hostile_yaml_is_a_clear_error(tmp_path, capsys, what, text, words):
    with pytest.raises(InputFileError, match="not valid YAML") as err:
        parse_yaml(text, "unit.yaml")
    assert words in str(err.value)
    path = tmp_path / "unit.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    printed = capsys.readouterr()
    assert words in printed.out + printed.err and "Traceback" not in printed.out + printed.err


def test_a_device_is_never_read(capsys):
    """/dev/zero states size 0 and never ends: it is refused as a device before a byte is read."""
    with pytest.raises(InputFileError, match="a character device, not a regular file"):
        read_yaml("/dev/zero")
    assert main(["score", "/dev/zero"]) == 1
    printed = capsys.readouterr()
    assert "/dev/zero" in printed.err and "Traceback" not in printed.out + printed.err


def test_the_bounds_leave_room_for_real_files():
    """Every framework and sample unit reads within the bounds with room to spare (20 times their size)."""
    from perfeval.paths import FRAMEWORKS_DIR, UNITS_DIR

    for path in [*FRAMEWORKS_DIR.glob("*.yaml"), *UNITS_DIR.glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        assert parse_yaml(text, path) == read_yaml(path)
        body = text.split("\n", 1)[1] if text.startswith("#") else text
        assert isinstance(parse_yaml("many:\n" + "\n".join(f"- {line}" if i == 0 else f"  {line}" for i, line in
                                                            enumerate(body.splitlines())), path), dict)


# --- 其他参数: params paths typed by the unit --------------------------------------------------------------

@pytest.mark.parametrize("path,words", [
    ("unit.name.x", "goes into a value that is not a mapping"),
    ("unit.?id=x.y", "goes into a value that is not a list"),
    ("claims.rates.5000000.value", "position 5000000 is far past the end of the list"),
    ("a..b", "is empty or already filled"),
])
def test_a_hostile_parameter_path_is_named_by_its_cell(filled, tmp_path, path, words):
    from perfeval.intake.excel.layout import EXTRA, EXTRA_ROW

    wb = openpyxl.load_workbook(io.BytesIO(filled))
    wb[EXTRA].cell(EXTRA_ROW + 50, 1).value = path
    wb[EXTRA].cell(EXTRA_ROW + 50, 2).value = "1"
    book = tmp_path / "extra.xlsx"
    wb.save(book)
    with pytest.raises(WorkbookError) as err:
        read_workbook(book)
    assert [(p.field, words in p.problem) for p in err.value.problems] == [(f"{EXTRA}!A{EXTRA_ROW + 50}", True)]


def test_a_parameter_path_may_start_a_list_at_position_0(filled, tmp_path):
    from perfeval.intake.excel.layout import EXTRA, EXTRA_ROW

    wb = openpyxl.load_workbook(io.BytesIO(filled))
    wb[EXTRA].cell(EXTRA_ROW + 50, 1).value = "figures.project_items.0.amount.note"
    wb[EXTRA].cell(EXTRA_ROW + 50, 2).value = "合计数见附件1-3"
    book = tmp_path / "extra.xlsx"
    wb.save(book)
    params, _ = read_workbook(book)
    assert params.figures.project_items[0].amount.note == "合计数见附件1-3"


# --- files that are not files ------------------------------------------------------------------------------------

@pytest.fixture
def folder_with_a_pipe(tmp_path):
    """A unit beside a named pipe, a socket and a broken link that carry params and report names."""
    import os
    import socket
    import shutil

    folder = tmp_path / "units"
    folder.mkdir()
    shutil.copy(CHANGSHA, folder / "good.yaml")
    os.mkfifo(folder / "pipe.yaml")
    os.mkfifo(folder / "pipe.docx")
    (folder / "gone.yml").symlink_to(tmp_path / "nowhere.yml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")  # a link to itself: not a file, never found one
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.yaml"))
    yield folder
    sock.close()


def _within(seconds: float, call: Callable[[], object]) -> object:
    """call() run in a thread that must finish in time: a read that blocks on a pipe fails the test, not the suite."""
    import concurrent.futures

    pool = concurrent.futures.ThreadPoolExecutor(1)
    try:
        return pool.submit(call).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False)


def test_a_named_pipe_given_as_params_is_refused_without_waiting(folder_with_a_pipe, capsys):
    assert _within(20, lambda: main(["score", str(folder_with_a_pipe / "pipe.yaml")])) == 1
    err = capsys.readouterr().err
    assert "pipe.yaml" in err and "a named pipe (FIFO), not a regular file" in err and "Traceback" not in err
    for reader in (read_yaml, load_params):
        with pytest.raises(InputFileError, match="not a regular file"):
            _within(20, lambda: reader(folder_with_a_pipe / "sock.yaml"))


def test_validate_names_what_is_not_a_file_and_goes_on(folder_with_a_pipe, capsys):
    assert _within(60, lambda: main(["validate", str(folder_with_a_pipe)])) == 0
    err = capsys.readouterr()
    assert "ok      " in err.out and "good.yaml" in err.out and "1 valid, 0 invalid" in err.out
    for name, kind in (("pipe.yaml", "a named pipe (FIFO)"), ("sock.yaml", "a socket"), ("gone.yml", "a broken link"),
                       ("loop.yaml", "a link that leads back to itself (a loop)")):
        assert f"{name}: {kind}, not a regular file; skipped" in err.err


def test_a_batch_lists_only_regular_files_and_names_the_others(folder_with_a_pipe):
    from perfeval.errors import BatchError
    from perfeval.outputs.batch.jobs import resolve_reports, resolve_units

    assert [p.name for p in resolve_units([str(folder_with_a_pipe)])] == ["good.yaml"]
    reports, warnings = resolve_reports([str(folder_with_a_pipe)])
    assert reports == []
    assert sorted(w.rsplit("/", 1)[1].split(":")[0] for w in warnings) == ["gone.yml", "loop.yaml", "pipe.docx",
                                                                          "pipe.yaml", "sock.yaml"]
    with pytest.raises(BatchError, match="a named pipe"):
        resolve_units([str(folder_with_a_pipe / "pipe.yaml")])


def test_validate_refuses_two_params_files_of_one_unit_id(tmp_path, capsys):
    """Ids name a unit's outputs: a batch runs one of two files sharing one and fails the other, so validate,
    which said ok to both, now says so first."""
    import shutil

    folder = tmp_path / "units"
    folder.mkdir()
    shutil.copy(CHANGSHA, folder / "a.yaml")
    shutil.copy(CHANGSHA, folder / "b.yaml")
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr()
    assert "a.yaml" in out.out and "1 valid, 1 invalid" in out.err
    assert "b.yaml: unit.id 'changsha_county_2022' is also the id of" in out.err and "a.yaml" in out.err


def test_a_folder_named_as_params_is_named_and_skipped(tmp_path, capsys):
    import shutil

    folder = tmp_path / "units"
    (folder / "d.yaml").mkdir(parents=True)
    shutil.copy(CHANGSHA, folder / "good.yaml")
    assert main(["validate", str(folder)]) == 0
    assert "d.yaml: a folder, not a regular file; skipped" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["pipe", "params"])
def test_a_framework_that_is_not_one_says_what_it_is(tmp_path, capsys, kind):
    import os

    framework = tmp_path / "fw.yaml"
    if kind == "pipe":
        os.mkfifo(framework)
    else:
        framework.write_text(CHANGSHA.read_text(encoding="utf-8"), encoding="utf-8")
    unit = tmp_path / "unit.yaml"
    unit.write_text(CHANGSHA.read_text(encoding="utf-8").replace("framework: dept_overall_a", f"framework: {framework}",
                                                                 1), encoding="utf-8")
    assert _within(60, lambda: main(["validate", str(unit)])) == 1
    err = capsys.readouterr().err
    said = "a named pipe (FIFO), not a regular file" if kind == "pipe" else "is a unit's params file (it has unit:)"
    assert said in err and "no such framework file" not in err and "unknown field" not in err, err


def test_a_command_whose_output_is_closed_exits_1_and_says_so():
    import subprocess
    import sys

    done = subprocess.run(["sh", "-c", f'"{sys.executable}" -m perfeval samples >&-'], capture_output=True, text=True)
    assert done.returncode == 1 and "standard output is closed" in done.stderr


def test_lint_of_a_units_params_with_indicator_rows_says_what_it_is(tmp_path, capsys):
    """W33: a unit's params holding its own indicator rows (indicators:) given to lint printed 156 framework-schema
    problems (required id, name, total …) instead of saying it is a unit's params file."""
    unit = tmp_path / "河西区机关事务中心.yaml"
    unit.write_text(YUNXI.read_text(encoding="utf-8"), encoding="utf-8")
    assert "indicators:" in unit.read_text(encoding="utf-8")
    assert main(["lint", str(unit)]) == 1
    err = capsys.readouterr().err
    assert "is a unit's params file (it has unit:), not a framework" in err and "required field" not in err, err
