"""Strict YAML reading (values read as written) and atomic writing."""
from __future__ import annotations

import pytest

from perfeval.errors import InputFileError
from perfeval.fileio import parse_yaml, read_yaml, write_atomic


@pytest.mark.parametrize("text,expected", [
    ("d: 2024-05-31", "2024-05-31"),     # no silent date
    ("c: 00123", "00123"),               # no octal, leading zeros kept
    ("c: 0o17", "0o17"),
    ("b: no", "no"),                     # YAML 1.1 'no' is not False
    ("b: on", "on"),
    ("t: 1:30", "1:30"),                 # no sexagesimal
    ("b: true", True),
    ("n: 12", 12),
    ("n: -3", -3),
    ("x: 12.5", 12.5),
])
def test_values_are_read_as_written(text, expected):
    assert parse_yaml(text, "t.yaml")[text.split(":")[0]] == expected


def test_duplicate_keys_are_an_error():
    with pytest.raises(InputFileError, match="duplicate key 'a'"):
        parse_yaml("a: 1\na: 2\n", "t.yaml")


def test_aliases_are_refused():
    with pytest.raises(InputFileError, match="aliases"):
        parse_yaml("a: &x [1, 2]\nb: *x\n", "t.yaml")


def test_python_objects_are_refused():
    with pytest.raises(InputFileError):
        parse_yaml("a: !!python/object/apply:os.system ['true']\n", "t.yaml")


def test_oversized_and_binary_files(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2_100_000, encoding="utf-8")
    with pytest.raises(InputFileError, match="limit"):
        read_yaml(big)
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InputFileError, match="UTF-8"):
        read_yaml(binary)


def test_write_atomic_replaces_whole_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "r.html"
    write_atomic(target, "一")
    write_atomic(target, "二")
    assert target.read_text(encoding="utf-8") == "二"
    assert [p.name for p in target.parent.iterdir()] == ["r.html"]


def test_written_files_are_readable_by_others_as_the_umask_allows(tmp_path):
    import os
    import stat

    target = write_atomic(tmp_path / "index.html", "x")
    mode = stat.S_IMODE(target.stat().st_mode)
    mask = os.umask(0)
    os.umask(mask)
    assert mode == 0o666 & ~mask


@pytest.mark.parametrize("text,written,plain", [
    ("budget: {value: 1,802, source: 附件1-2}", "1,802", "1802"),
    ("budget: {value: 1,802,000.5}", "1,802,000.5", "1802000.5"),
    ("budget: {value: -12,345}", "-12,345", "-12345"),
])
def test_a_number_with_thousands_separators_in_a_flow_mapping_says_so(text, written, plain):
    # YAML reads {value: 1,802} as {value: 1, 802: null}; the schema then said "budget.802: Keys should be strings"
    with pytest.raises(InputFileError) as err:
        parse_yaml(text, "t.yaml")
    message = str(err.value)
    assert "line 1, column " in message and f"{written} reads as separate values" in message
    assert f"write the number without thousands separators: {plain}" in message


@pytest.mark.parametrize("text,expected", [
    ("a: {value: 1, 802: x}", {"value": 1, 802: "x"}),  # a key with a value is meant as one
    ("a: {value: 1, b: 2}", {"value": 1, "b": 2}),
    ("a: [1,802]", [1, 802]),                            # a list of numbers may be written without spaces
])
def test_flow_collections_that_are_meant_read_as_before(text, expected):
    assert parse_yaml(text, "t.yaml")["a"] == expected


def test_every_os_error_of_reading_is_named(tmp_path):
    with pytest.raises(InputFileError, match=r"/proc/self/mem: 1 problem.*\n  cannot be read: Input/output error"):
        read_yaml("/proc/self/mem")


def test_write_errors_name_the_target_not_a_temp_file(tmp_path):
    with pytest.raises(IsADirectoryError) as err:
        write_atomic(tmp_path, "x")
    assert err.value.filename == str(tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(OSError) as err:
        write_atomic(tmp_path / "file" / "x.txt", "x")
    assert err.value.filename == str(tmp_path / "file" / "x.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]  # no temp file left


def test_several_files_are_replaced_all_or_none(tmp_path, monkeypatch):
    import errno

    from perfeval import fileio

    a, b = tmp_path / "a.html", tmp_path / "b.ipynb"
    fileio.write_atomic_all({a: "old a", b: "old b"})
    real = fileio._write_temp

    def full_after_one(path, data):
        if path == b:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(fileio, "_write_temp", full_after_one)
    with pytest.raises(OSError, match="No space left"):
        fileio.write_atomic_all({a: "new a", b: "new b"})
    assert (a.read_text(), b.read_text()) == ("old a", "old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.ipynb"]


def test_text_naming_a_file_not_in_utf8_is_written_readably(tmp_path):
    """A path Python could not decode (a GBK name; any Chinese name under LC_ALL=C) inside text to write ended the
    command in UnicodeEncodeError: it is written as the characters it is."""
    import os

    gbk = os.fsdecode("草稿".encode("gbk"))  # as Python holds such a name: lone surrogates
    utf8_as_c_locale = "稿".encode("utf-8").decode("ascii", "surrogateescape")
    target = write_atomic(tmp_path / "page.html", f'<a href="{gbk}/{utf8_as_c_locale}.yaml">')
    assert target.read_text(encoding="utf-8") == '<a href="草稿/稿.yaml">'
