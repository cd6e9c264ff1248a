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
