"""`perfeval draft` on the three seeds against their hand-written truth: precision and recall per seed and kind.

Figures, rates, identities and repeated figures are matched by where they stand in the report (tests/draft_truth.py
says how); every miss and every wrong or extra item is listed under the table with --detail.
Run: .venv/bin/python bench/measure_draft.py [--detail]
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from draft_truth import KINDS, load_truth, measure, seed_file

from perfeval.outputs.draft import draft_report


def main() -> None:
    detail = "--detail" in sys.argv
    totals = {k: [0, 0, 0, 0] for k in KINDS}
    print(f"{'seed':<5} {'kind':<11} {'truth':>5} {'found':>5} {'drafted':>7} {'right':>5} {'precision':>9} {'recall':>6}")
    notes: list[str] = []
    for stem in ("000", "001", "002"):
        scores = measure(stem, draft_report(seed_file(load_truth(stem))))
        for kind in KINDS:
            s = scores[kind]
            print(f"{stem:<5} {kind:<11} {s.truth:>5} {s.found:>5} {s.drafted:>7} {s.good:>5} {s.precision:>9.3f} "
                  f"{s.recall:>6.3f}")
            for i, n in enumerate((s.truth, s.found, s.drafted, s.good)):
                totals[kind][i] += n
            notes += [f"{stem} {kind} missed: {x}" for x in s.missed] + [f"{stem} {kind} wrong: {x}" for x in s.wrong]
    for kind, (truth, found, drafted, good) in totals.items():
        print(f"{'all':<5} {kind:<11} {truth:>5} {found:>5} {drafted:>7} {good:>5} "
              f"{good / drafted if drafted else 1:>9.3f} {found / truth if truth else 1:>6.3f}")
    if detail:
        print("\n".join(notes))
    print("command: .venv/bin/python bench/measure_draft.py [--detail]")


if __name__ == "__main__":
    main()
