"""Quantities found in the seeds' prose against the hand-written ground truth (tests/data/seed_truth).

Prints, per seed, the figures the truth lists outside tables, those find_quantities() reports, the matches
(same sentence, same written phrase), precision and recall, and every extra or missed phrase.
Run: .venv/bin/python bench/measure_quantities.py
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path


from perfeval.core.quantity import find_quantities
from perfeval.fileio import read_yaml
from perfeval.intake.report.document import clean, read_document

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
FRAMEWORK_TEXT = "附件1-1"  # seed 001's indicator table: rules, not figures of the unit


def main() -> None:
    for truth_file in sorted((DATA / "seed_truth").glob("*.yaml")):
        truth = read_yaml(truth_file)
        document = read_document(DATA / "seeds" / truth["seed"])
        prose = [s for s in document.sentences() if s.cell is None and not s.section.startswith(FRAMEWORK_TEXT)]
        found = Counter((s.text, f.quantity.text) for s in prose for f in find_quantities(s.text))
        wanted = Counter((clean(f["sentence"]), f["written"]) for f in truth["figures"] if not f.get("table"))
        hit = sum((found & wanted).values())
        print(f"{truth_file.stem}: truth {sum(wanted.values())}, found {sum(found.values())}, matched {hit}, "
              f"precision {hit / max(1, sum(found.values())):.3f}, recall {hit / max(1, sum(wanted.values())):.3f}")
        for sentence, phrase in sorted(found - wanted):
            print(f"    extra  {phrase} | {sentence[:60]}")
        for sentence, phrase in sorted(wanted - found):
            print(f"    missed {phrase} | {sentence[:60]}")
    print("command: .venv/bin/python bench/measure_quantities.py")


if __name__ == "__main__":
    main()
