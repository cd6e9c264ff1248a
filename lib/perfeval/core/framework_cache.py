"""Compiled frameworks kept on disk between commands, so `perfeval score` and `validate` do not read, validate
and compile a framework file that has not changed since the last command (about 30 ms of each).

An entry is named by the framework file's path and keyed by its bytes, the files it extends, and the code that
compiled it (perfeval's core modules, among them the record validator, and Python). It holds the pickled Framework behind a header with
that key, the SHA-256 of every file it was compiled from, and the SHA-256 of the pickle: an entry whose key,
sources or checksum does not match (another version, an edited file, a torn or damaged write) is ignored and
written again, never unpickled. Entries are written whole and renamed into place, so concurrent writers each
leave a complete entry. The folder is the user's cache (paths.user_cache_dir); one that other users may write,
or that cannot be written, is not used, and the framework is compiled as if there were no cache.
"""
from __future__ import annotations

import os
import pickle
import stat
import sys
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

try:  # SHA-256 as CPython builds it in: hashlib would load OpenSSL first (~3 ms of every score and validate)
    from _sha256 import sha256 as _new_sha256  # type: ignore[import-not-found]  # no stub: CPython's own
except ImportError:  # another Python: its hashlib
    from hashlib import sha256 as _new_sha256

from ..fileio import write_atomic
from ..paths import user_cache_dir

MAGIC = b"perfeval-framework-cache 2\n"
FOLDER = "frameworks"


class Entry(NamedTuple):
    """What an entry says of itself before its pickle is trusted."""

    key: str
    sources: tuple[tuple[str, str], ...]  # (path, SHA-256 of its bytes) of every file the framework came from
    digest: str  # SHA-256 of the pickle


def _sha256(data: bytes) -> str:
    digest: str = _new_sha256(data).hexdigest()
    return digest


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """The code a cached framework depends on: every core module's size and modification time (an edited checkout
    or an upgrade changes it; records.py, whose classes the pickles hold, is one of them) and Python's version."""
    core = Path(__file__).parent
    modules = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(core)
                     if e.name.endswith(".py"))
    return _sha256(repr((modules, sys.version, pickle.HIGHEST_PROTOCOL)).encode())


def _folder() -> Path | None:
    """The cache folder, created if need be; None when there is none, or when others could write into it."""
    base = user_cache_dir()
    if base is None:
        return None
    folder = base / FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
    except OSError:
        return None
    if os.name != "nt" and (info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        return None  # an entry is unpickled: only a folder this user alone writes is trusted with that
    return folder


def _entry_path(folder: Path, file: Path) -> Path:
    return folder / f"{_sha256(str(file).encode())[:32]}.pickle"


def _sources_unchanged(sources: tuple[tuple[str, str], ...]) -> bool:
    try:
        return all(_sha256(Path(path).read_bytes()) == digest for path, digest in sources)
    except OSError:
        return False


def _read_entry(data: bytes) -> tuple[Entry, bytes]:
    """An entry's header (one line of Python literals after the magic line: ast, which dataclasses import anyway,
    reads it where json would be imported for it) and its pickle; ValueError when malformed."""
    from ast import literal_eval

    if not data.startswith(MAGIC):
        raise ValueError("not an entry of this cache")
    end = data.index(b"\n", len(MAGIC))
    try:
        header = literal_eval(data[len(MAGIC):end].decode("ascii"))
    except (SyntaxError, UnicodeDecodeError, RecursionError, MemoryError) as exc:
        raise ValueError("not an entry's header") from exc
    sources = tuple((str(p), str(d)) for p, d in header["sources"])
    return Entry(str(header["key"]), sources, str(header["digest"])), data[end + 1:]


def cached(file: Path) -> object | None:
    """What an earlier command compiled from this file (core.framework checks it is a Framework), if every file it
    came from is unchanged."""
    folder = _folder()
    if folder is None:
        return None
    try:
        entry, payload = _read_entry(_entry_path(folder, file).read_bytes())
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if entry.key != code_stamp() or _sha256(payload) != entry.digest or not _sources_unchanged(entry.sources):
        return None
    try:
        kept: object = pickle.loads(payload)  # noqa: S301 - this user's own entry, checksummed, of this very code
        return kept
    except Exception:  # noqa: BLE001 - an entry that does not load is rebuilt, whatever it says
        return None


def store(file: Path, framework: object, sources: list[Path]) -> None:
    """Keep a compiled framework for the next command; a cache that cannot be written is simply not kept."""
    folder = _folder()
    if folder is None:
        return
    try:
        pairs = [(str(p), _sha256(p.read_bytes())) for p in sources]
        payload = pickle.dumps(framework, protocol=pickle.HIGHEST_PROTOCOL)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
    header = ascii({"key": code_stamp(), "sources": pairs, "digest": _sha256(payload)})
    try:
        write_atomic(_entry_path(folder, file), MAGIC + header.encode("ascii") + b"\n" + payload)
    except OSError:
        pass
