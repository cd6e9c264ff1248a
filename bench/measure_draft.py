"""`perfeval draft` against hand-written truth: the three seeds, and the corpus of real 自评报告 in two halves.

Figures, rates, identities and repeated figures are matched by where they stand in the report, never by their label
(tests/draft_truth.py for the seeds, tests/corpus_measure.py for the corpus say how); for the corpus also the unit's
name and year, the inconsistencies `score` finds, checked error-level findings and candidates (待核实) on statements
that hold, each apart, and numbers that are not figures drafted as figures, by kind. Every miss and every wrong or
extra item is listed with --detail.

The frozen half is measured only when asked by name, once a change to the reader is finished; nobody changing the
reader looks at its documents or its detail (tests/data/corpus/README.md). Each half is reported whole, its 自评报告
only, and by the manifest's `round` (the documents found in one search, their truth committed before any reader ran
on them: a round's frozen documents are the ones never measured before). A claimed grade is read right when it names
the same grade of the framework (优 and 优秀 are one).

Run: .venv/bin/python bench/measure_draft.py [--half seeds|dev|frozen] [--round N[,N…]] [--detail] [--classes]
(default: seeds and dev; --round keeps only those rounds of the corpus, so an older round's frozen documents can be
measured without running the reader on the latest round's; --classes prints each group's misses as classes named by
the truth — table cells or prose, document kind, identity or rate kind — and counts, never a sentence: what may be
passed on from the frozen half)
"""
from __future__ import annotations

import os
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from corpus_measure import KINDS, DocumentScore, measure_document, miss_classes
from corpus_truth import entries, load
from draft_truth import load_truth, measure, seed_file

from perfeval.outputs.draft import draft_report

HEADER = f"{'':<6} {'kind':<11} {'truth':>5} {'found':>5} {'drafted':>7} {'right':>5} {'precision':>9} {'recall':>6}"


def _row(name: str, kind: str, counts: list[int]) -> str:
    truth, found, drafted, good = counts
    return (f"{name:<6} {kind:<11} {truth:>5} {found:>5} {drafted:>7} {good:>5} "
            f"{good / drafted if drafted else 1:>9.3f} {found / truth if truth else 1:>6.3f}")


def seeds(detail: bool) -> None:
    totals = {k: [0, 0, 0, 0] for k in KINDS}
    print("seeds (tests/data/seed_truth)\n" + HEADER)
    notes: list[str] = []
    for stem in ("000", "001", "002"):
        scores = measure(stem, draft_report(seed_file(load_truth(stem))))
        for kind in KINDS:
            s = scores[kind]
            print(_row(stem, kind, [s.truth, s.found, s.drafted, s.good]))
            for i, n in enumerate((s.truth, s.found, s.drafted, s.good)):
                totals[kind][i] += n
            notes += [f"{stem} {kind} missed: {x}" for x in s.missed] + [f"{stem} {kind} wrong: {x}" for x in s.wrong]
    for kind, counts in totals.items():
        print(_row("all", kind, counts))
    if detail:
        print("\n".join(notes))


def subsets(results: list[tuple[dict, DocumentScore]]) -> list[tuple[str, list[tuple[dict, DocumentScore]]]]:
    """The groups reported for a half: all of it, its 自评报告 only, and the documents of each `round` of the
    manifest (for the frozen half: a round's documents are measured apart, the latest never before)."""
    groups = [("all", results), ("自评报告 only", [r for r in results if r[0]["document"] == "自评报告"])]
    for number in sorted({e["round"] for e, _ in results}):
        chosen = [r for r in results if r[0]["round"] == number]
        added = sorted({str(e["added"]) for e, _ in chosen if "added" in e})
        groups.append((f"round {number}{' (added ' + ', '.join(added) + ')' if added else ''}", chosen))
    return groups


def _kinds(counts: Counter[str]) -> str:
    return f" ({', '.join(f'{kind} {n}' for kind, n in counts.most_common())})" if counts else ""


def corpus(half: str, detail: bool, rounds: set[int] | None = None, classes: bool = False) -> None:
    listed = [e for e in entries(half) if rounds is None or e["round"] in rounds]
    results: list[tuple[dict, DocumentScore]] = [(e, measure_document(e)) for e in listed]
    for label, chosen in subsets(results):
        totals = {k: [0, 0, 0, 0] for k in KINDS}
        for _, r in chosen:
            for kind in KINDS:
                s = r.scores[kind]
                for i, n in enumerate((s.truth, s.found, s.drafted, s.good)):
                    totals[kind][i] += n
        n = len(chosen)
        print(f"\ncorpus {half}, {label}: {n} documents (tests/data/corpus/{half})\n" + HEADER)
        for kind, counts in totals.items():
            print(_row(half, kind, counts))
        failed = [r for _, r in chosen if r.failure]
        named = sum(1 for _, r in chosen if r.name_right)
        dated = sum(1 for _, r in chosen if r.year_right)
        wrong = sum(r.inconsistencies for _, r in chosen)
        print(f"drafts and scores: {n - len(failed)}/{n}; unit name read {named}/{n}; year read {dated}/{n}; "
              f"claimed total and grade read {sum(r.claimed_right for _, r in chosen)}/"
              f"{sum(r.claimed for _, r in chosen)}")
        kinds: Counter[str] = sum((r.non_figure_kinds for _, r in chosen), Counter())
        on_correct = [x for _, r in chosen for x in r.candidates_on_correct]
        print(f"inconsistencies found: {sum(r.inconsistencies_found for _, r in chosen)}/{wrong}; "
              f"checked error-level findings {sum(r.errors for _, r in chosen)}, of them on a correct statement "
              f"{sum(len(r.errors_on_correct) for _, r in chosen)}; candidates (待核实) "
              f"{sum(r.candidates for _, r in chosen)}, of them on a correct statement {len(on_correct)} "
              f"({sum(x.startswith('[error]') for x in on_correct)} at error severity); findings citing no figure "
              f"(what the report does not state) {sum(len(r.on_nothing_stated) for _, r in chosen)}")
        print(f"non-figures drafted as figures {sum(kinds.values())}{_kinds(kinds)}")
        if classes:
            counted: Counter[str] = sum((miss_classes(e, load(e)[1], r) for e, r in chosen), Counter())
            print("".join(f"  {n:4d}  {name}\n" for name, n in sorted(counted.items(), key=lambda x: (-x[1], x[0]))),
                  end="")
    if detail:
        for entry, r in results:
            print(f"\n{entry['id']} ({entry['document']}, {entry['unit_kind']}): name {r.name_read!r} "
                  f"{'ok' if r.name_right else 'WRONG'}, year {r.year_read} {'ok' if r.year_right else 'WRONG'}")
            if r.failure:
                print(f"  {r.failure}")
            for kind in KINDS:
                s = r.scores[kind]
                print("".join(f"  {kind} missed: {x}\n" for x in s.missed) + "".join(
                    f"  {kind} wrong: {x}\n" for x in s.wrong), end="")
            print("".join(f"  error on a correct statement: {x}\n" for x in r.errors_on_correct) + "".join(
                f"  candidate on a correct statement: {x}\n" for x in r.candidates_on_correct) + "".join(
                f"  finding citing no figure: {x}\n" for x in r.on_nothing_stated) + "".join(
                f"  non-figure drafted: {x}\n" for x in r.non_figures_drafted) + "".join(
                f"  inconsistency missed: {kind}: {what}\n" for kind, what in r.inconsistencies_missed) + "".join(
                f"  claimed {x}\n" for x in r.claims_missed), end="")


def _rounds(given: str) -> set[int]:
    try:
        return {int(x) for x in given.split(",")}
    except ValueError:
        sys.exit(f"--round takes round numbers separated by commas (1,2), not {given!r}")


def main() -> None:
    args = sys.argv[1:]
    detail = "--detail" in args
    classes = "--classes" in args
    halves = [args[args.index("--half") + 1]] if "--half" in args else ["seeds", "dev"]
    rounds = _rounds(args[args.index("--round") + 1]) if "--round" in args else None
    started = time.perf_counter()
    for half in halves:
        if half == "seeds":
            seeds(detail)
        elif half in ("dev", "frozen"):
            corpus(half, detail, rounds, classes)
        else:
            sys.exit(f"--half takes seeds, dev or frozen, not {half!r}")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\n{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {time.perf_counter() - started:.1f} s, load {load}")
    print("command: .venv/bin/python bench/measure_draft.py [--half seeds|dev|frozen] [--round N[,N…]] [--detail] "
          "[--classes]")


if __name__ == "__main__":
    main()
