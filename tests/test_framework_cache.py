"""The on-disk cache of compiled frameworks: used when nothing changed, ignored when anything did or an entry is
damaged, and never written into a folder other users may write."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from perfeval.core import framework, framework_cache
from perfeval.core.framework import load_framework
from perfeval.paths import FRAMEWORKS_DIR, SAMPLES_DIR

VARIANT = SAMPLES_DIR / "frameworks" / "dept_overall_a_provincial.yaml"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """A fresh cache folder; each load below is a new command (the in-process memo forgotten)."""
    monkeypatch.setenv("PERFEVAL_CACHE_DIR", str(tmp_path / "cache"))
    framework._compiled.cache_clear()
    yield tmp_path / "cache" / framework_cache.FOLDER
    framework._compiled.cache_clear()


def fresh_load(path: Path):
    framework._compiled.cache_clear()
    return load_framework(str(path))


def copy_of(name: str, folder: Path) -> Path:
    target = folder / f"{name}.yaml"
    shutil.copy(FRAMEWORKS_DIR / f"{name}.yaml", target)
    return target


def compiles(monkeypatch) -> list[str]:
    """The files read as YAML from now on (a framework taken from the cache reads none)."""
    read: list[str] = []
    original = framework.read_yaml
    monkeypatch.setattr(framework, "read_yaml", lambda p: read.append(str(p)) or original(p))
    return read


def test_a_second_command_takes_the_compiled_framework_from_the_cache(cache, tmp_path, monkeypatch):
    file = copy_of("dept_overall_a", tmp_path)
    first = fresh_load(file)
    assert len(list(cache.iterdir())) == 1
    read = compiles(monkeypatch)
    assert fresh_load(file) == first
    assert read == []


def test_an_edited_framework_is_compiled_again(cache, tmp_path, monkeypatch):
    file = copy_of("dept_overall_a", tmp_path)
    fresh_load(file)
    file.write_text(file.read_text(encoding="utf-8").replace("\nname: ", "\nname: 改过的指标表 ", 1),
                    encoding="utf-8")
    read = compiles(monkeypatch)
    assert "改过的指标表" in fresh_load(file).name
    assert read == [str(file)]
    assert "改过的指标表" in fresh_load(file).name  # and the new version is what the cache now holds


def test_a_framework_that_extends_another_is_compiled_again_when_its_base_changes(cache, tmp_path):
    base = copy_of("dept_overall_a", tmp_path)
    variant = tmp_path / "variant.yaml"
    variant.write_text(VARIANT.read_text(encoding="utf-8").replace("extends: dept_overall_a",
                                                                   "extends: dept_overall_a.yaml"), encoding="utf-8")
    names = [n.name for _, n in fresh_load(variant).leaves()]
    assert "人员控制率" in names
    base.write_text(base.read_text(encoding="utf-8").replace("name: 人员控制率", "name: 人员控制率（改）"),
                    encoding="utf-8")
    assert [n.name for _, n in fresh_load(variant).leaves()] == [
        "人员控制率（改）" if n == "人员控制率" else n for n in names]  # the base's change reached the variant
    assert fresh_load(variant).id == "dept_overall_a_provincial"


@pytest.mark.parametrize("damage", [
    lambda b: b[: len(b) // 2],                                         # a torn write
    lambda b: b[:-10] + bytes(x ^ 0xFF for x in b[-10:]),               # flipped bytes in the pickle
    lambda b: b.replace(framework_cache.MAGIC, b"something else\n"),   # not an entry
    lambda b: b"",
])
def test_a_damaged_entry_is_never_unpickled_and_is_written_again(cache, tmp_path, monkeypatch, damage):
    file = copy_of("dept_overall_a", tmp_path)
    expected = fresh_load(file)
    [entry] = cache.iterdir()
    entry.write_bytes(damage(entry.read_bytes()))
    unpickled = []
    real_loads = framework_cache.pickle.loads
    monkeypatch.setattr(framework_cache.pickle, "loads", lambda b: unpickled.append(1) or real_loads(b))
    assert fresh_load(file) == expected
    assert unpickled == []
    assert fresh_load(file) == expected and unpickled == [1]  # rewritten whole, and used again


def test_an_entry_of_other_code_is_not_used(cache, tmp_path, monkeypatch):
    file = copy_of("dept_overall_a", tmp_path)
    fresh_load(file)
    monkeypatch.setattr(framework_cache, "code_stamp", lambda: "another version of perfeval")
    read = compiles(monkeypatch)
    fresh_load(file)
    assert read == [str(file)]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_folder_others_may_write_is_not_used(cache, tmp_path):
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    fresh_load(copy_of("dept_overall_a", tmp_path))
    assert list(cache.iterdir()) == []


def test_no_cache_when_the_folder_is_set_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFEVAL_CACHE_DIR", "")
    monkeypatch.setattr(framework_cache, "write_atomic", lambda *a: pytest.fail("wrote a cache entry"))
    assert fresh_load(copy_of("dept_overall_a", tmp_path)).id == "dept_overall_a"
    framework._compiled.cache_clear()


def test_a_cache_that_cannot_be_written_leaves_the_framework_as_compiled(tmp_path, monkeypatch):
    blocker = tmp_path / "not a folder"
    blocker.write_text("x")
    monkeypatch.setenv("PERFEVAL_CACHE_DIR", str(blocker))
    assert fresh_load(copy_of("dept_overall_a", tmp_path)).id == "dept_overall_a"
    framework._compiled.cache_clear()
