"""`perfeval draft` measured against the hand-written truth of the seeds (tests/data/seed_truth): which figures,
rates, identities and repeated figures it found, per kind, with precision and recall.

Matching is by where a figure stands, never by its label: a figure of the truth is found when the draft read the
same written phrase (its occurrence) in the same sentence of the same section, or the same cell of a table row; it
is found correctly when value, unit and qualifier agree too. A rate is classified correctly when the draft explains
it by the same figures (share or change) with the same outcome, or leaves it unexplained as the truth does; an
identity when the draft declares or lets the checks test the same total and parts; a repeated figure when the draft
makes all its statements one figure (a catalogue path, a stated figure and its statements, a row and its restatement).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any


from perfeval.core.figures import BREAKDOWNS
from perfeval.core.quantity import canonical_unit
from perfeval.fileio import read_yaml
from perfeval.outputs.draft import Draft
from perfeval.intake.report.catalogue import normalise
from perfeval.intake.report.document import clean
from perfeval.intake.report.mentions import Mention

DATA = Path(__file__).parent / "data"
KINDS = ("figures", "rates", "identities", "repeated")


@dataclass
class Score:
    """Counts for one kind: what the truth lists and how many of them the draft got right (recall); what the draft
    gives and how many of those are right (precision); what was missed and what is wrong or extra."""

    truth: int = 0
    found: int = 0
    drafted: int = 0
    good: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.good / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.truth if self.truth else 1.0


def load_truth(stem: str) -> dict[str, Any]:
    return read_yaml(DATA / "seed_truth" / f"{stem}.yaml")  # strict: a key written twice is refused


def seed_file(truth: dict[str, Any]) -> Path:
    return DATA / "seeds" / truth["seed"]


def _start(sentence: str, written: str, occurrence: int) -> int:
    at = -1
    for _ in range(occurrence):
        at = sentence.find(written, at + 1)
    return at


def _row(text: str | None) -> str:
    return normalise(text or "").rstrip("：:")


def _same_value(fig: dict[str, Any], m: Mention) -> bool:
    q = m.quantity
    return (q.value == Decimal(fig["value"]) and canonical_unit(q.unit) == fig["unit"]
            and q.qualifier.value == fig["qualifier"])


def match_figures(truth: dict[str, Any], draft: Draft) -> tuple[dict[str, Mention], Score]:
    """Truth id → the mention the draft read for it; and the figure counts."""
    placed = list({id(m): m for m in draft.placed}.values())
    free = list(placed)
    found: dict[str, Mention] = {}
    score = Score(truth=len(truth["figures"]), drafted=len(placed))
    for fig in truth["figures"]:
        sentence = clean(fig["sentence"])
        if fig.get("table"):
            candidates = [m for m in free if m.where.section == fig["section"] and m.where.text == sentence
                          and (m.where.row is None or _row(m.where.row) == _row(fig.get("row")))
                          and (m.where.column is None or fig.get("column") is None
                               or _row(m.where.column) == _row(fig["column"]))]
            candidates.sort(key=lambda m: not _same_value(fig, m))
        else:
            start = _start(sentence, fig["written"], fig.get("occurrence", 1))
            candidates = [m for m in free if m.where.section == fig["section"] and m.where.text == sentence
                          and m.start == start and m.written == fig["written"]]
        if not candidates:
            score.missed.append(f"{fig['id']} {fig['written']} | {fig['sentence'][:40]}")
            continue
        m = candidates[0]
        free.remove(m)
        found[fig["id"]] = m
        if _same_value(fig, m):
            score.found += 1
            score.good += 1
        else:
            score.wrong.append(f"{fig['id']} read {m.quantity.value}{m.quantity.unit} {m.quantity.qualifier.value}, "
                               f"truth {fig['value']}{fig['unit']} {fig['qualifier']}")
    score.wrong += [f"not in truth: {m.written} | {m.where.section} {m.where.text[:40]}" for m in free]
    return found, score


def _rate_outcomes(draft: Draft) -> dict[int, tuple[str, str | None, int | None, int | None]]:
    """mention id → (status, kind, numerator id, denominator id) for every rate the draft judged."""
    out: dict[int, tuple[str, str | None, int | None, int | None]] = {}
    for r in draft.rates:
        reading = r.reading
        out[id(r.rate)] = (r.status, reading.kind if reading else None,
                           id(reading.numerator) if reading else None, id(reading.denominator) if reading else None)
    for s in draft.sections:
        if s.rate is not None and s.score is not None and s.weight is not None:
            status = "explained" if s.holds else "contradicted"
            out[id(s.rate)] = (status, "share", id(s.score), id(s.weight))
    return out


def match_rates(truth: dict[str, Any], draft: Draft, found: dict[str, Mention]) -> Score:
    outcomes = _rate_outcomes(draft)
    score = Score(truth=len(truth["rates"]), drafted=len(outcomes))
    listed = set()
    for rate in truth["rates"]:
        m = found.get(rate["figure"])
        outcome = outcomes.get(id(m)) if m is not None else None
        if outcome is None:
            score.missed.append(f"{rate['figure']} not judged")
            continue
        listed.add(id(m))
        status, kind, num, den = outcome
        if rate["explained_by"] == "unexplained":
            ok = status in ("unexplained", "ambiguous")
        else:
            a = found.get(rate.get("numerator") or rate.get("new"))
            b = found.get(rate.get("denominator") or rate.get("old"))
            same = kind == rate["explained_by"] and a is not None and b is not None and (num, den) == (id(a), id(b))
            ok = same and (status == "explained") is rate["holds"]
            by_measure = status in ("explained", "contradicted") and kind is None  # the framework's own measure
            ok = ok or (by_measure and (status == "explained") is rate["holds"])
        if ok:
            score.found += 1
            score.good += 1
        else:
            score.wrong.append(f"{rate['figure']} judged {status} {kind or ''}, truth {rate['explained_by']}")
    score.wrong += [f"not a rate of the truth: {m.written} | {m.where.text[:40]}" for m in _rate_mentions(draft)
                    if id(m) not in listed]
    return score


def _rate_mentions(draft: Draft) -> list[Mention]:
    return [r.rate for r in draft.rates] + [s.rate for s in draft.sections
                                             if s.rate is not None and s.score is not None and s.weight is not None]


def _keys(draft: Draft) -> dict[int, set[str]]:
    """mention id → the figures the draft makes of it (catalogue paths, a stated figure and its restatements, a
    row's actual and the narrative's, one claim stated twice)."""
    keys: dict[int, set[str]] = {}
    for path, mentions in draft.catalogue.items():
        for m in mentions:
            keys.setdefault(id(m), set()).add(path)
    for group in draft.repeats:
        for m in group:
            keys.setdefault(id(m), set()).add(f"stated:{id(group[0])}")
    for row, mentions in draft.restated.items():
        for m in mentions:
            keys.setdefault(id(m), set()).add(f"row:{row}")
    for a, b in draft.same_claim:
        for m in (a, b):
            keys.setdefault(id(m), set()).add(f"claim:{id(a)}")
    return keys


def _one_figure(keys: dict[int, set[str]], ids: list[int]) -> bool:
    shared = set.intersection(*(keys.get(i, set()) for i in ids)) if ids else set()
    return bool(shared)


def _named(identity: dict[str, Any]) -> str:
    """An identity's id as a prefix for the detail (the corpus's truth names its identities, the seeds' do not)."""
    return f"{identity['id']} " if identity.get("id") else ""


def match_identities(truth: dict[str, Any], draft: Draft, found: dict[str, Mention]) -> Score:
    """An identity is found when the draft declares it (a list), lets the checks test it (a breakdown the catalogue
    places its figures in) or sums it; a drafted list is right when the truth holds its total with these parts.
    Used for the seeds and for the corpus alike."""
    keys = _keys(draft)
    score = Score(truth=len(truth["identities"]), drafted=len(draft.lists))
    matched_lists = set()
    for identity in truth["identities"]:
        whole = found.get(identity["total"])
        parts = [found.get(p) for p in identity["parts"]]
        if whole is None or any(p is None for p in parts):
            score.missed.append(f"{_named(identity)}{identity['total']} = {identity['parts']} (figures not read)")
            continue
        ids = {id(p) for p in parts}
        listed = [k for k, lst in enumerate(draft.lists) if lst.whole is whole and {id(p) for p in lst.parts} == ids]
        w, ps = keys.get(id(whole), set()), [keys.get(id(p), set()) for p in parts]
        checked = any(b.whole in w and all(p & set(b.parts) for p in ps) for b in BREAKDOWNS)
        summed = any(total is whole and {id(p) for p in under} == ids for total, under in draft.sums)
        if listed or checked or summed:
            score.found += 1
            matched_lists.update(listed)
        else:
            score.missed.append(f"{_named(identity)}{identity['total']} = {identity['parts']}")
    for k, lst in enumerate(draft.lists):  # a list is right when the truth holds its total with these parts (or more)
        if k in matched_lists or any(found.get(i["total"]) is lst.whole and {id(p) for p in lst.parts} <=
                                     {id(found[p]) for p in i["parts"] if p in found} for i in truth["identities"]):
            score.good += 1
        else:
            score.wrong.append(f"not in truth: {lst.whole.written} ⟵ {[p.written for p in lst.parts]}")
    return score


def match_repeated(truth: dict[str, Any], draft: Draft, found: dict[str, Mention]) -> Score:
    """A repeated figure is found when the draft makes all its statements one figure; a drafted pair is right when
    the truth lists both in one group. Used for the seeds and for the corpus alike."""
    keys = _keys(draft)
    score = Score(truth=len(truth["repeated"]), drafted=len(draft.pairs))
    groups = [{id(found[f]) for f in g["figures"] if f in found} for g in truth["repeated"]]
    for ids, g in zip(groups, truth["repeated"]):
        if len(ids) == len(g["figures"]) and _one_figure(keys, list(ids)):
            score.found += 1
        else:
            score.missed.append(f"{g['label']} {g['figures']}")
    for a, b in draft.pairs:
        if any({id(a), id(b)} <= ids for ids in groups):
            score.good += 1
        else:
            score.wrong.append(f"not in truth: {a.written} / {b.written} ({a.label} | {b.label})")
    return score


def measure(stem: str, draft: Draft) -> dict[str, Score]:
    """Every kind's score for one seed."""
    truth = load_truth(stem)
    found, figures = match_figures(truth, draft)
    return {"figures": figures, "rates": match_rates(truth, draft, found),
            "identities": match_identities(truth, draft, found), "repeated": match_repeated(truth, draft, found)}
