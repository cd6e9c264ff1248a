"""The hand-written ground truth of the three seeds holds together: every sentence is the seed's own, in the
section the reader puts it; every value is written in its sentence and reads as recorded; every rate,
identity and repeated figure is what its figures give.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfeval.core.quantity import Quantity, Qualifier, agrees, contradicts, parse_quantity
from perfeval.fileio import read_yaml
from perfeval.intake.report.document import clean, read_document

DATA = Path(__file__).parent / "data"
TRUTHS = sorted((DATA / "seed_truth").glob("*.yaml"))


def load(path: Path) -> dict:
    return read_yaml(path)  # strict: a key written twice is refused


def seed_of(truth: dict) -> Path:
    return DATA / "seeds" / truth["seed"]


def quantity(fig: dict) -> Quantity:
    value = Decimal(fig["value"])
    places = len(fig["value"].partition(".")[2])
    return Quantity(value, fig["unit"], Qualifier(fig["qualifier"]), places, fig["written"])


def by_id(truth: dict) -> dict[str, dict]:
    return {f["id"]: f for f in truth["figures"]}


@pytest.fixture(scope="module", params=TRUTHS, ids=lambda p: p.stem)
def truth(request) -> dict:
    return load(request.param)


def test_there_is_a_truth_for_each_seed():
    assert [p.stem for p in TRUTHS] == ["000", "001", "002"]


def test_ids_are_unique_and_references_resolve(truth):
    figures = by_id(truth)
    assert len(figures) == len(truth["figures"])
    refs = [r["figure"] for r in truth["rates"]]
    refs += [x for r in truth["rates"] for x in (r.get("numerator"), r.get("denominator"), r.get("new"), r.get("old"))
             if x]
    refs += [i["total"] for i in truth["identities"]] + [p for i in truth["identities"] for p in i["parts"]]
    refs += [f for r in truth["repeated"] for f in r["figures"]]
    if truth["claimed"]["total"]:
        refs.append(truth["claimed"]["total"]["figure"])
    assert sorted(set(refs) - set(figures)) == []


def test_every_sentence_is_the_seeds_own_in_the_section_the_reader_gives(truth):
    text = seed_of(truth).read_text(encoding="utf-8")
    located = {(s.text, s.section) for s in read_document(seed_of(truth)).sentences()}
    for fig in truth["figures"]:
        assert fig["sentence"] in text, fig["id"]
        assert (clean(fig["sentence"]), fig["section"]) in located, fig["id"]


def test_every_value_is_written_in_its_sentence_and_reads_as_recorded(truth):
    for fig in truth["figures"]:
        assert fig["sentence"].count(fig["written"]) >= fig.get("occurrence", 1), fig["id"]
        read = parse_quantity(fig["written"])
        assert read is not None, fig["id"]
        if fig.get("implied_unit"):  # the unit stands in a table header or the context, not beside the number
            assert read.unit in ("", fig["unit"]) and read.qualifier.value == fig["qualifier"], fig["id"]
            assert read.value == Decimal(fig["value"]) * (10000 if fig["written"].endswith("万") else 1), fig["id"]
        else:
            assert (read.value, read.unit, read.qualifier.value) == (
                Decimal(fig["value"]), fig["unit"], fig["qualifier"]), fig["id"]


def _computed(rate: dict, figures: dict[str, dict]) -> Decimal:
    """share: numerator / denominator × 100; change: (new − old) / old × 100 (units converted)."""
    if rate["explained_by"] == "share":
        num = quantity(figures[rate["numerator"]])
        return num.value / quantity(figures[rate["denominator"]]).to(num.unit).value * 100
    new = quantity(figures[rate["new"]])
    old = quantity(figures[rate["old"]]).to(new.unit).value
    return (new.value - old) / old * 100


def test_rates_are_what_their_figures_give_at_the_stated_precision(truth):
    figures = by_id(truth)
    for rate in truth["rates"]:
        stated = quantity(figures[rate["figure"]])
        assert stated.unit == "%", rate
        if rate["explained_by"] == "unexplained":
            assert "holds" not in rate and rate.get("note"), rate
            continue
        computed = _computed(rate, figures)
        assert abs(computed - Decimal(rate["computed"])) < Decimal("0.0001"), (rate, computed)
        assert agrees(stated, computed) is rate["holds"], rate


def test_identities_hold_as_recorded(truth):
    figures = by_id(truth)
    for identity in truth["identities"]:
        total = quantity(figures[identity["total"]])
        parts = sum((quantity(figures[p]).to(total.unit).value for p in identity["parts"]), Decimal(0))
        assert parts == Decimal(identity["sum"]), identity
        holds = agrees(total, parts) if identity["kind"] == "sum" else parts <= total.value
        assert holds is identity["holds"], identity


def test_repeated_figures_are_one_quantity_stated_twice(truth):
    figures = by_id(truth)
    for group in truth["repeated"]:
        stated = [quantity(figures[f]) for f in group["figures"]]
        assert len(stated) >= 2
        contradiction = any(contradicts(a, b) for a in stated for b in stated if a is not b)
        assert contradiction is not group["same_value"], group


def test_claimed_total_and_grade(truth):
    claimed = truth["claimed"]
    if claimed["total"] is None:
        assert claimed.get("note"), "say why no total is claimed"
    else:
        figure = by_id(truth)[claimed["total"]["figure"]]
        assert figure["value"] == claimed["total"]["value"] and figure["unit"] == "分"
    assert claimed["grade"] in (None, "优", "良", "中", "差")
