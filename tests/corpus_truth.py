"""The corpus of real 自评报告 (tests/data/corpus) and its hand-written truth: loading, locating what the truth
names in its document, and the checks that keep both well-formed (tests/test_corpus_truth.py).

The truth format is described once, in tests/data/corpus/README.md. A figure is named by where it stands — its
line in the document, the phrase as written and which appearance of that phrase in the line — never by a label,
so a reader is measured by whether it read the number that stands there, whatever it calls it.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from perfeval.fileio import read_yaml

CORPUS = Path(__file__).parent / "data" / "corpus"
MANIFEST = CORPUS / "MANIFEST.yaml"
HALVES = ("dev", "frozen")
SEED = "perfeval issue 19 corpus"
_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_SPACE = re.compile(r"\s+")


def half_of(doc_id: str) -> str:
    """The half a document belongs to, by a seeded coin flip per pair of ids (c01/c02, c03/c04 …): one of each
    pair goes to each half, so the halves stay even however many pairs there are, and nobody chose which."""
    number = int(doc_id[1:])
    pair = (number + 1) // 2
    first_is_dev = random.Random(f"{SEED} pair {pair}").random() < 0.5
    is_first = number % 2 == 1
    return "dev" if first_is_dev == is_first else "frozen"


def manifest() -> list[dict[str, Any]]:
    return read_yaml(MANIFEST)["documents"]


def document_path(entry: dict[str, Any]) -> Path:
    return CORPUS / entry["half"] / f"{entry['id']}.txt"


def truth_path(entry: dict[str, Any]) -> Path:
    return CORPUS / entry["half"] / f"{entry['id']}.yaml"


def entries(half: str | None = None) -> list[dict[str, Any]]:
    """The manifest's documents whose files are present (the frozen half lands later than the development half)."""
    return [e for e in manifest() if (half is None or e["half"] == half) and document_path(e).exists()]


def load(entry: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """A document's lines (as in the file, 1-based by index + 1) and its truth."""
    lines = document_path(entry).read_text(encoding="utf-8").splitlines()
    return lines, read_yaml(truth_path(entry))


@dataclass(frozen=True)
class Spot:
    """Where a phrase the truth names stands: 1-based line, and its column span in that line."""

    line: int
    start: int
    end: int


def locate(lines: list[str], item: dict[str, Any]) -> Spot | None:
    """The spot of a truth item ({line, written, occurrence}); None when the line does not hold it so often."""
    n = item["line"]
    if not 1 <= n <= len(lines):
        return None
    text, written = lines[n - 1], str(item["written"])
    starts = [m.start() for m in re.finditer(f"(?={re.escape(written)})", text) if _whole(text, m.start(), written)]
    k = int(item.get("occurrence", 1))
    return Spot(n, starts[k - 1], starts[k - 1] + len(written)) if len(starts) >= k else None


def _whole(text: str, at: int, written: str) -> bool:
    """Does `written` stand at `at` as a whole number (9名 is not the end of 39名, nor 1 the start of 12)?"""
    before = text[at - 1] if at > 0 else ""
    after = text[at + len(written)] if at + len(written) < len(text) else ""
    grouped = before == "," and at > 1 and text[at - 2].isdigit()  # 867.48 inside 1,867.48
    cut_before = written[0].isdigit() and before != "" and (before.isdigit() or before in ".．" or grouped)
    cut_after = written[-1].isdigit() and after != "" and (after.isdigit() or after in ".．")
    return not (cut_before or cut_after)


def squeezed_offset(lines: list[str], spot: Spot) -> int:
    """The spot's offset in the document with every space and line break removed: the coordinate in which a
    reader's sentence and position are compared, whatever it did with spaces, tabs and wrapped lines."""
    before = "".join(lines[: spot.line - 1]) + lines[spot.line - 1][: spot.start]
    return len(_SPACE.sub("", before))


def digit_runs(lines: list[str]) -> list[Spot]:
    """Every run of digits in the document (a decimal counted once): what the truth must account for, as a
    figure or as a number that is not one."""
    return [Spot(i + 1, m.start(), m.end()) for i, line in enumerate(lines) for m in _DIGITS.finditer(line)]


def accounted(lines: list[str], truth: dict[str, Any]) -> list[Spot]:
    """The spans the truth covers: its figures and its non-figures (`occurrence: all` covers every appearance)."""
    spans: list[Spot] = []
    for item in truth.get("figures", []) + truth.get("non_figures", []):
        if item.get("occurrence") == "all":
            text, written = lines[item["line"] - 1], str(item["written"])
            spans += [Spot(item["line"], m.start(), m.end()) for m in re.finditer(re.escape(written), text)
                      if _whole(text, m.start(), written)]
        else:
            spot = locate(lines, item)
            if spot is not None:
                spans.append(spot)
    return spans


def unaccounted(lines: list[str], truth: dict[str, Any]) -> list[str]:
    """Digit runs no figure and no non-figure of the truth covers (each with its line), for the well-formedness
    test: a truth that forgets a number is incomplete, whichever way the number should have been classified."""
    spans = accounted(lines, truth)
    missing = []
    for run in digit_runs(lines):
        if not any(s.line == run.line and s.start <= run.start and run.end <= s.end for s in spans):
            missing.append(f"line {run.line}: {lines[run.line - 1][run.start:run.end]} "
                           f"in …{lines[run.line - 1][max(0, run.start - 12):run.end + 6]}…")
    return missing
