"""A draft within the bytes a params file may be: each entry cites its sentence, and a report whose sentences are long
runs of figures (a table flattened into one line, up to 1,000 characters a sentence) would write each of them once a
figure — 1,200 rates on a line made a 2.5 MB draft that `perfeval validate` then refused (1 MB), written and read
back in 20 s of CPU. Such a draft cites a window of each sentence around its figure instead."""
from __future__ import annotations

from typing import Any

from ...fileio import MAX_YAML_BYTES

SOURCE_WINDOW = 100  # characters of a long sentence kept around its figure when the draft would be too large
TEXT_SHARE = 0.7  # of a params file's bytes, what the draft's texts may take before its sources are cut (keys,
# numbers and notes take the rest)


def text_bytes(value: Any) -> int:
    """The UTF-8 bytes of every text a draft's params hold: what its file is made of, counted without writing it."""
    if isinstance(value, dict):
        return sum(text_bytes(v) for v in value.values())
    if isinstance(value, list):
        return sum(text_bytes(v) for v in value)
    return len(value.encode("utf-8", "surrogatepass")) if isinstance(value, str) else 0


def too_large(params: Any) -> bool:
    """Would the draft's texts, written out, pass their share of what a params file may be?"""
    return text_bytes(params) > MAX_YAML_BYTES * TEXT_SHARE


def cut_sources(value: Any, width: int = SOURCE_WINDOW) -> int:
    """Every `source` longer than width cut, in place, to the window around the figure it cites (its `at`, kept
    pointing at the figure), or to its start when it says no place, marked with … where it was cut; how many."""
    if isinstance(value, list):
        return sum(cut_sources(item, width) for item in value)
    if not isinstance(value, dict):
        return 0
    cut = 0
    source = value.get("source")
    if isinstance(source, str) and len(source) > width + 2:  # one already cut holds width and its two marks
        at = value.get("at")
        value["source"], moved = window(source, at if isinstance(at, int) else None, width)
        cut = 1
        if moved is None:
            value.pop("at", None)
        else:
            value["at"] = moved
    return cut + sum(cut_sources(item, width) for item in value.values() if isinstance(item, (dict, list)))


def window(source: str, at: int | None, width: int) -> tuple[str, int | None]:
    """width characters of source centred on at (its start when at is None), with … for what is left out on
    either side; and where at stands in the window."""
    start = 0 if at is None else min(max(0, at - width // 2), max(0, len(source) - width))
    before = "…" if start else ""
    after = "…" if start + width < len(source) else ""
    return before + source[start:start + width] + after, None if at is None else at - start + len(before)
