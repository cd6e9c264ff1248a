"""The corpus (tests/data/corpus) is well-formed: the manifest and the files agree, every document has its truth,
every item of the truth stands where it says, every digit of a document is accounted for, every reference between
items resolves, and the recomputed sums and rates are what the truth writes. Nothing here runs a reader."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from corpus_truth import (CORPUS, HALVES, half_of, load, locate, manifest, entries, truth_path, unaccounted)

ENTRIES = entries()
IDS = [e["id"] for e in ENTRIES]
FIELDS = {"id", "round", "half", "document", "source", "province", "unit_kind", "layout", "year"}
DOCUMENTS = {"自评报告", "专项资金自评报告", "项目支出自评报告", "部门决算", "部门预算"}


def test_manifest_is_consistent_with_the_files():
    listed = manifest()
    ids = [e["id"] for e in listed]
    assert len(ids) == len(set(ids)), "an id is listed twice"
    for e in listed:
        assert FIELDS <= set(e) <= FIELDS | {"added"}, f"{e['id']}: manifest fields {sorted(set(e) ^ FIELDS)}"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(e.get("added", "2000-01-01"))), f"{e['id']}: added is a date"
        assert isinstance(e["round"], int) and e["round"] >= 1, f"{e['id']}: round is a search's number"
        assert e["half"] == half_of(e["id"]), f"{e['id']}: listed in {e['half']}, the coin flip says {half_of(e['id'])}"
        assert str(e["source"]).startswith("http"), f"{e['id']}: no source address"
        assert e["document"] in DOCUMENTS, f"{e['id']}: document {e['document']!r}"
    rounds = [e["round"] for e in sorted(listed, key=lambda e: int(e["id"][1:]))]
    assert rounds == sorted(rounds), "ids are given in the order found: a later round has later ids"
    on_disk = {p.stem: p.parent.name for half in HALVES for p in (CORPUS / half).glob("*.txt")}
    assert on_disk == {e["id"]: e["half"] for e in ENTRIES}, "a document on disk is not in the manifest, or in another half"
    for half in HALVES:
        for p in (CORPUS / half).glob("*.yaml"):
            assert p.with_suffix(".txt").exists(), f"{p.name}: truth without its document"


def test_each_pair_of_ids_splits_one_to_each_half():
    for pair in range(1, 60):
        assert {half_of(f"c{2 * pair - 1:02d}"), half_of(f"c{2 * pair:02d}")} == set(HALVES)


@pytest.fixture(scope="module", params=IDS)
def doc(request):
    entry = next(e for e in ENTRIES if e["id"] == request.param)
    assert truth_path(entry).exists(), f"{entry['id']} has no truth"
    lines, truth = load(entry)
    return entry, lines, truth


def test_truth_names_its_document_and_unit(doc):
    entry, lines, truth = doc
    assert truth["document"] == f"{entry['id']}.txt"
    ident = truth["identity"]
    assert ident["year"] == entry["year"], "identity year and manifest year differ"
    assert ident["year_basis"], "the year's basis is not said"
    where = ident["name_where"]
    if ident["name"] is None:  # the report does not state it (a republished copy with names masked)
        assert where is None
        return
    assert locate(lines, where) is not None, f"the unit's name is not on line {where['line']}"
    assert where["written"] in [ident["name"], *ident.get("name_also", [])]


def test_every_figure_and_non_figure_stands_where_the_truth_says(doc):
    _, lines, truth = doc
    for item in truth["figures"] + truth["non_figures"]:
        if item.get("occurrence") == "all":
            assert str(item["written"]) in lines[item["line"] - 1], item
        else:
            assert locate(lines, item) is not None, f"not on line {item['line']}: {item}"


def test_every_digit_is_a_figure_or_a_non_figure(doc):
    _, lines, truth = doc
    assert unaccounted(lines, truth) == []


def test_figures_are_well_formed(doc):
    _, _, truth = doc
    ids = [f["id"] for f in truth["figures"]]
    assert len(ids) == len(set(ids)), "a figure id is used twice"
    spots = [(f["line"], f["written"], f.get("occurrence", 1)) for f in truth["figures"]]
    assert len(spots) == len(set(spots)), "two figures stand at one place"
    for f in truth["figures"]:
        Decimal(f["value"])
        assert f["unit"], f
        assert f.get("qualifier", "exact") in ("exact", "at_least", "at_most", "above", "below", "over", "about"), f


def _figure(truth, fid):
    return next(f for f in truth["figures"] if f["id"] == fid)


def test_references_resolve(doc):
    _, _, truth = doc
    ids = {f["id"] for f in truth["figures"]}
    identity_ids = {i["id"] for i in truth["identities"]}
    for i in truth["identities"]:
        assert {i["total"], *i["parts"], *i.get("outside", [])} <= ids, i
        assert i.get("nested_in") in identity_ids | {None}, i
    for n in truth["not_identities"]:
        assert {n["whole"], *n["listed"]} <= ids, n
    for r in truth["rates"]:
        refs = {r["figure"]} | {r[k] for k in ("numerator", "denominator", "new", "old", "difference") if k in r}
        assert refs <= ids, r
    for kind in ("repeated", "inconsistencies", "correct"):
        for item in truth[kind]:
            assert set(item["figures"]) <= ids, (kind, item)
    total = truth["claimed"]["total"]
    assert total is None or total in ids


def test_identity_sums_are_what_the_truth_writes(doc):
    _, _, truth = doc
    for i in truth["identities"]:
        parts = sum(Decimal(_figure(truth, p)["value"]) for p in i["parts"])
        assert parts == Decimal(i["sum"]), f"{i['id']}: parts add up to {parts}, truth says {i['sum']}"
        whole = Decimal(_figure(truth, i["total"])["value"])
        holds = parts == whole if i["kind"] == "sum" else parts <= whole
        assert holds is i["holds"], f"{i['id']}: holds is {holds}"


def _places(value: str) -> int:
    return -Decimal(value).as_tuple().exponent if "." in value else 0


def test_rates_are_recomputed_half_up(doc):
    _, _, truth = doc
    for r in truth["rates"]:
        if r["explained_by"] == "unexplained":
            continue
        stated = _figure(truth, r["figure"])
        v = lambda k: Decimal(_figure(truth, r[k])["value"])  # noqa: E731 - a shorthand for this rate's figures
        if r["explained_by"] == "share":
            ratio = v("numerator") / v("denominator")
        elif "difference" in r:  # the report states the new value and the change: old = new ∓ change
            sign = -1 if r.get("direction") == "decrease" else 1
            ratio = v("difference") / (v("new") - sign * v("difference"))
        else:
            ratio = (v("new") - v("old")) / v("old")
        if stated["unit"] == "%":
            ratio *= 100
        places = _places(stated["value"])
        recomputed = ratio.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        assert recomputed == Decimal(r["computed"]).quantize(Decimal(1).scaleb(-places)), \
            f"{r['figure']}: recomputed {recomputed}, truth says {r['computed']}"
        # a decrease is stated either as a fall (下降16.77%) or signed (−16.77 in a 增减% column): compare magnitudes
        assert (abs(recomputed) == abs(Decimal(stated["value"]))) is r["holds"], f"{r['figure']}: holds"
