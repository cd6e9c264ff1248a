"""A pattern compiled on first use behaves as the same pattern compiled at import."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from perfeval.core import quantity
from perfeval.core.lazy_pattern import lazy_compile


def test_same_matches_and_substitutions_as_compiled_at_import():
    source = r"(?P<n>\d++)(?:\.\d++)?\s*万元"
    lazy, eager = lazy_compile(source), re.compile(source)
    text = "预算 3752.48 万元，决算 12万元，合计 x"
    assert lazy.pattern == source
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.search(text).group("n") == eager.search(text).group("n") == "3752"
    assert lazy.sub("#", text) == eager.sub("#", text)
    assert lazy.fullmatch("12万元") and not lazy.fullmatch("12元")
    assert lazy.groupindex == eager.groupindex and lazy.flags == eager.flags


def test_flags_are_kept():
    assert lazy_compile("abc", re.IGNORECASE).fullmatch("ABC")
    assert not lazy_compile("abc").fullmatch("ABC")


def test_pattern_is_read_without_compiling_and_compiled_once():
    lazy = lazy_compile(r"[\u4e00-\u9fff]+")
    assert lazy.pattern == r"[\u4e00-\u9fff]+" and vars(lazy).keys() == {"pattern", "_flags"}
    assert lazy.search("数字 12") and lazy.match("数字")
    assert {"search", "match"} <= vars(lazy).keys()  # kept: the next call does not go through __getattr__
    assert lazy.search.__self__ is lazy.match.__self__  # one compiled pattern behind every method


def test_the_readers_patterns_are_all_made_on_first_use():
    """core/quantity.py compiles none of its patterns at import: a command that reads no phrase pays for none."""
    tree = ast.parse(Path(quantity.__file__).read_text(encoding="utf-8"))
    own = [target.id for node in tree.body if isinstance(node, ast.Assign) for target in node.targets
           if isinstance(target, ast.Name)]
    assert len(own) > 50  # the module's own constants, patterns among them
    compiled = [name for name in own if isinstance(getattr(quantity, name), re.Pattern)]
    assert compiled == [], f"{compiled}: write lazy_compile(...) (core/lazy_pattern.py), not re.compile(...)"
