"""`perfeval score` and `validate` import only what they use: the command line's start-up is most of its time.

Each command runs in a fresh interpreter (what a shell gives it) and reports the modules it imported. The heavy
libraries the outputs need (pandas, matplotlib, notebooks, workbooks, templates, document readers) must never load
for a score or a check of a params file, nor pydantic (the records are checked by core/records.py: pydantic's import
and schema building were about half of `score`), nor importlib.metadata.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import CHANGSHA

NEVER = ("pandas", "numpy", "matplotlib", "seaborn", "jinja2", "openpyxl", "papermill", "nbconvert", "nbformat",
         "docx", "pdfplumber", "pypdf", "cn2an", "importlib.metadata", "email", "pydantic", "pydantic_core")

RUN = """
import contextlib, io, json, sys
from perfeval.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "printed": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def imported_by(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, set[str]]:
    proc = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, check=True, timeout=120,
                          env=env)
    report = json.loads(proc.stdout)
    return report["code"], report["printed"], set(report["modules"])


@pytest.mark.parametrize("args", [("score", str(CHANGSHA)), ("score", "--json", str(CHANGSHA)),
                                  ("validate", str(CHANGSHA))], ids=["score", "score --json", "validate"])
def test_score_and_validate_import_no_heavy_library(args):
    code, printed, modules = imported_by(*args)
    assert code == 0 and printed  # the command did its work in this interpreter
    assert "perfeval.core.engine" in modules  # …and the probe sees what it imported
    assert sorted(m for m in modules if m.split(".")[0] in NEVER or m in NEVER) == []


COMPILED = """
import contextlib, io, sys
from perfeval.cli import main
from perfeval.core import quantity
from perfeval.core.lazy_pattern import lazy_compile
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
lazy = type(lazy_compile(""))
print(sorted(name for name, value in vars(quantity).items() if type(value) is lazy and "search" in vars(value)))
"""


@pytest.mark.parametrize("command", ["score", "validate"])
def test_a_unit_stating_no_phrase_compiles_none_of_the_readers_patterns(command):
    """core/quantity.py's patterns (about 25 ms to compile, most for drafting) are compiled on first use: scoring a
    unit whose params hold no `text:` phrase reads no number, so it compiles none of them."""
    assert "text:" not in CHANGSHA.read_text(encoding="utf-8")
    probe = subprocess.run([sys.executable, "-c", COMPILED, command, str(CHANGSHA)], capture_output=True, text=True,
                           check=True, timeout=120)
    assert probe.stdout.strip() == "[]"
