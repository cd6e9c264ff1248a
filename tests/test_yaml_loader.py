"""YAML read through libyaml means exactly what the pure-Python StrictSafeLoader reads: same values, same types
(the decimals a float was written with included), same refusals with the same messages."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from perfeval import fileio
from perfeval.errors import InputFileError
from perfeval.paths import FRAMEWORKS_DIR, UNITS_DIR

pytestmark = pytest.mark.skipif(fileio._FAST_LOADER is None, reason="PyYAML without libyaml: one loader only")

SNIPPETS = [
    "a: 1\nb: 2.50\nc: 77.00\nd: 1e5\ne: 1.0e+5\nf: .inf\ng: -0.0\nh: 012\ni: 0x1F\nj: 1_000\n",
    "a: yes\nb: no\nc: on\nd: True\ne: FALSE\nf: ~\ng: null\nh: 2022-01-01\ni: 12:30\n",
    "budget: {value: 1,802, source: 附件1-2}\n",
    "budget: {value: 1,802,000.5}\n",
    "x: [1, 2, {a: 3}]\ny: 'quoted: ''it'''\nz: \"esc \\t \\u4e2d\"\n",
    "text: |\n  第一行\n  第二行\nfolded: >\n  a\n  b\n",
    "a: 1\na: 2\n",
    "a: &x [1, 2]\nb: *x\n",
    "a: !!python/object/apply:os.system ['true']\n",
    "a: [1, 2\n",
    "a:\tb\n",
    "\ta: 1\n",
    "a: 'unterminated\n",
    "--- 1\n--- 2\n",
    "a: \x07bell\n",
    "a: \x1b[2Jcleared\n",
    "a: \u202etext\n",
    "",
    "# only a comment\n",
    "key with spaces: value\n? complex\n: mapping\n",
    "a: {b: {c: {d: [[[[1]]]]}}}\n",
    "[" * 40 + "]" * 40 + "\n",
    "a: [" + ", ".join(str(i) for i in range(20_100)) + "]\n",
    "名称: 长沙县机关事务中心\n金额: 16640.91\n比率: 98.50\n",
]


def _read(text: str, loader: type | None) -> object:
    saved = fileio._FAST_LOADER
    fileio._FAST_LOADER = loader
    try:
        value = fileio.parse_yaml(text, "t.yaml")
    except InputFileError as exc:
        return ("error", str(exc))
    finally:
        fileio._FAST_LOADER = saved
    return ("ok", _typed(value))


def _typed(value: object) -> object:
    """The value with every scalar's type and written decimals, so 77.00 and 77.0 are told apart."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, repr(value), getattr(value, "places", None))


@pytest.mark.parametrize("text", SNIPPETS)
def test_libyaml_reads_every_snippet_as_the_python_loader_does(text):
    assert _read(text, fileio._FAST_LOADER) == _read(text, None)


@pytest.mark.parametrize("path", [*sorted(UNITS_DIR.glob("*.yaml")), *sorted(FRAMEWORKS_DIR.glob("*.yaml"))],
                         ids=lambda p: p.name)
def test_libyaml_reads_the_shipped_files_as_the_python_loader_does(path: Path):
    text = path.read_text(encoding="utf-8-sig")
    fast = _read(text, fileio._FAST_LOADER)
    assert fast[0] == "ok"
    assert fast == _read(text, None)


def test_the_fast_path_is_libyaml():
    # the point of it: the same file read several times faster (not timed here; bench/bench_cli.py prints it)
    assert issubclass(fileio._FAST_LOADER, yaml.cyaml.CParser)


def test_mutated_params_read_alike_or_libyaml_reads_more():
    # 400 seeded edits (characters inserted, deleted, copied) of the shipped files: wherever both loaders read a
    # document it is the same, every refusal is PyYAML's message, and libyaml refuses nothing PyYAML reads
    import random

    texts = [p.read_text(encoding="utf-8") for p in (*sorted(UNITS_DIR.glob("*.yaml")),
                                                      *sorted(FRAMEWORKS_DIR.glob("*.yaml")))]
    alphabet = [*":-[]{},'\"#&*!|>?%@` \n.0123456789eE+_x中", "\r\n", "\u00a0", "\u2028", "\ufeff", "- ", ": ", "\\"]
    rng = random.Random(14)
    outcomes = {"same": 0, "libyaml reads more": 0}
    for _ in range(400):
        text = rng.choice(texts)
        for _ in range(rng.randint(1, 4)):
            at, kind = rng.randrange(len(text) + 1), rng.random()
            if kind < 0.5:
                text = text[:at] + rng.choice(alphabet) + text[at:]
            elif kind < 0.8:
                text = text[:at] + text[at + rng.randint(1, 5):]
            else:
                start = rng.randrange(len(text) + 1)
                text = text[:at] + text[start:start + rng.randint(1, 20)] + text[at:]
        fast, slow = _read(text, fileio._FAST_LOADER), _read(text, None)
        if fast != slow:
            assert (fast[0], slow[0]) == ("ok", "error"), (text, fast, slow)
            outcomes["libyaml reads more"] += 1
        else:
            outcomes["same"] += 1
    assert outcomes["same"] >= 380, outcomes


@pytest.mark.parametrize("text", ["{a: 1}: x\n", "? [1, 2]\n: x\n", "unit:\n  {name: 甲}: 1\n"])
def test_a_mapping_or_list_as_a_key_is_refused_by_both_loaders_with_its_line(text):
    fast, slow = _read(text, fileio._FAST_LOADER), _read(text, None)  # was a TypeError traceback from both
    assert fast == slow and fast[0] == "error" and "found unhashable key" in fast[1] and "line " in fast[1]
