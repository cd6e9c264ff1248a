"""The key of a unit's outputs: a digest of everything that produced them, so a batch runs only units whose key
changed (the others keep their outputs, and the results store their unit result).

A key covers the params file's bytes (and the report's, for a unit drafted from one), the framework files the
params load, the notebook, the notebook's parameters (the params file's path and 历年比较's result files are among
them), the package's version and code (a digest of its files), and the keys of the unit's earlier years: a changed earlier year changes the
history table of every later one.
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Sequence

from .jobs import HISTORY_PARAMETER, UnitJob


@lru_cache(maxsize=1)
def package_version() -> str:
    """What produced the outputs, as far as the package goes: its version, the unit result's schema version and a
    digest of its own files (code, templates, frameworks). A version number alone stays the same in a checkout or an
    editable install while the code under it changes; outputs made by other code must not be kept as unchanged."""
    from importlib.metadata import PackageNotFoundError, version

    from ...result import SCHEMA_VERSION

    try:
        number = version("perfeval")
    except PackageNotFoundError:
        number = "unknown"
    return f"{number} schema {SCHEMA_VERSION} code {code_digest(Path(__file__).resolve().parents[2])}"


def code_digest(root: Path) -> str:
    """A digest of the files under a package's folder (names and bytes; compiled caches left out)."""
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix not in {".pyc", ".pyo"}
                   and "__pycache__" not in p.parts)
    return digest(*(os.fsencode(p.relative_to(root)) + b"\0" + p.read_bytes() for p in files))[:16]


def digest(*parts: bytes) -> str:
    """sha256 of the parts, each length-prefixed so that no two different lists give the same bytes."""
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def report_digest(report: Path) -> str:
    """What a draft of a report depends on: its bytes and the reader's version."""
    return digest(b"report", package_version().encode(), report.read_bytes())


@lru_cache(maxsize=64)
def _file_digest(path: str, version: tuple[int, int]) -> str:
    return digest(Path(path).read_bytes())


def file_digest(path: Path) -> str:
    """A file's digest, read once per version of the file in this process (a framework shared by every unit)."""
    stat = path.stat()
    return _file_digest(str(path), (stat.st_mtime_ns, stat.st_size))


def _frameworks(job: UnitJob) -> list[bytes]:
    from ...core.framework import framework_files

    if job.framework is None:
        return []
    files = framework_files(job.framework, Path(job.params_file).parent)
    return [os.fsencode(f) + b"\0" + file_digest(f).encode() for f in files]


def unit_key(job: UnitJob, notebook_digest: str, earlier: Mapping[str, str | None],
             drafted_from: str | None = None) -> str | None:
    """The key of one unit's outputs; None when it cannot be known (a file unreadable now, an earlier year without
    a key): such a unit always runs. earlier: unit id → key of each unit of the job's series."""
    history: Sequence[str] = job.parameters.get(HISTORY_PARAMETER, ())
    earlier_keys = [earlier.get(Path(p).stem) for p in history]
    if any(k is None for k in earlier_keys):
        return None
    try:
        source = Path(job.params_file).read_bytes()
        report = Path(drafted_from).read_bytes() if drafted_from else b""
        frameworks = _frameworks(job)
    except OSError:
        return None
    parameters = json.dumps(job.parameters, sort_keys=True, default=str).encode()  # ASCII: any file name
    return digest(b"unit", package_version().encode(), notebook_digest.encode(), parameters, source, report,
                  *frameworks, *(k.encode() for k in earlier_keys if k))
