"""`perfeval draft` then `score` on the three seeds: the draft validates and scores, finds what the hand-built sample
params find on stated rates, identities and repeated figures (less the one it cannot, named below), raises nothing
on a statement that is correct, invents nothing, and reaches the precision and recall of the seed truth."""
from __future__ import annotations

from pathlib import Path

import pytest
from draft_truth import KINDS, load_truth, measure, seed_file

from perfeval import load_unit, run_checks
from perfeval.cli import main
from perfeval.core.quantity import find_quantities, parse_quantity
from perfeval.fileio import read_yaml
from perfeval.outputs.draft import draft_report, read_document, write_draft

from conftest import CHANGSHA, LIUYANG, YUNXI

HAND = {"000": LIUYANG, "001": CHANGSHA, "002": YUNXI}
# The kinds of finding that rest on stated rates, identities and figures stated twice.
KINDS_COMPARED = ("accounting_identities", "two_values", "unexplained_differences", "recomputed_vs_claimed")
# What the hand-built params find that a draft cannot: 附件1-2 calls 3537.37 the 部门整体支出预算调整 (all
# adjustments), 附件1-3 says the budget was 调减 (reduced) by 3821.31; that the reduction is the whole adjustment is
# the analyst's judgement, not the report's words, so the draft keeps 3821.31 as a stated figure of its own (the hand-built
# params link them as differently named values: an unexplained difference, not one figure stated twice).
CANNOT = {"001": {("figure_differs_unexplained", (3537.37, 3821.31))}}
# Floors under the lowest seed of today's measure (bench/measure_draft.py), per kind: (precision, recall).
FLOORS = {"figures": (0.9, 0.95), "rates": (0.9, 0.9), "identities": (0.9, 0.8), "repeated": (0.9, 0.6)}


@pytest.fixture(scope="module", params=["000", "001", "002"])
def drafted(request, tmp_path_factory):
    stem = request.param
    report = seed_file(load_truth(stem))
    draft = draft_report(report)
    target = write_draft(draft, tmp_path_factory.mktemp("drafts") / f"{stem}.yaml")
    return stem, report, draft, target


def _key(f) -> tuple[str, tuple[float, ...]]:
    values = sorted({round(float(e.value), 2) for e in f.evidence if isinstance(e.value, (int, float))})
    return f.check, tuple(values)


def _compared(path: Path) -> set[tuple[str, tuple[float, ...]]]:
    return {_key(f) for f in run_checks(load_unit(path)) if f.kind in KINDS_COMPARED}


def test_the_draft_validates_and_scores(drafted, capsys):
    _, _, _, target = drafted
    assert main(["validate", str(target)]) == 0
    assert main(["score", str(target), "--json"]) == 0
    assert '"findings"' in capsys.readouterr().out


def test_draft_then_score_finds_what_the_hand_built_params_find(drafted):
    stem, _, _, target = drafted
    hand, draft = _compared(HAND[stem]), _compared(target)
    assert hand - draft == CANNOT.get(stem, set())
    assert draft - hand == set()  # no finding the hand-built params do not raise: none on a correct statement


def test_precision_and_recall_against_the_seed_truth(drafted):
    stem, _, draft, _ = drafted
    scores = measure(stem, draft)
    for kind in KINDS:
        low_precision, low_recall = FLOORS[kind]
        assert scores[kind].precision >= low_precision, (kind, scores[kind].wrong)
        assert scores[kind].recall >= low_recall, (kind, scores[kind].missed)


def _records(data, out: list[dict]) -> list[dict]:
    """Every record of the params data that cites a source."""
    if isinstance(data, dict):
        if "source" in data:
            out.append(data)
        for value in data.values():
            _records(value, out)
    elif isinstance(data, list):
        for value in data:
            _records(value, out)
    return out


def _numbers(texts: list[str]) -> set[float]:
    """Every value the texts state: quantities of a sentence, the value of a table cell, and a money figure written
    “1802万” read as 1802 (万元) too."""
    out = set()
    for text in texts:
        found = [f.quantity for f in find_quantities(text)]
        cell = parse_quantity(text)
        for q in found + ([cell] if cell else []):
            out |= {float(q.value), float(q.value / q.scale)}
    return out


def _cited(source: str, document) -> list[str]:
    """The texts a source names — each a sentence of the section it names, or a cell of a table row there (cited
    with its row and column labels) — or an AssertionError naming what could not be found."""
    sentences = {f"{s.section} {s.text}".strip(): s.text for s in document.sentences()}
    rows = list(document.blocks)  # a cell the text copy set apart reads as a paragraph (（50分）)
    sections = sorted({b.section for b in document.blocks}, key=len, reverse=True)
    texts = []
    while source:
        prose = next((c for c in sorted(sentences, key=len, reverse=True)
                      if source.startswith(c) and source[len(c):len(c) + 1] in ("", "；")), None)
        if prose:
            texts.append(sentences[prose])
            source = source[len(prose) + 1:]
            continue
        section = next(s for s in sections if source.startswith(s + " ") or not s)
        body, _, source = source[len(section):].strip().partition("；")
        labels, _, cell = body.rpartition("：") if "：" in body else ("", "", body)
        block = [b for b in rows if b.section == section and (cell in b.cells or cell == body)]
        assert block, f"no table cell {cell!r} in {section!r}"
        texts.append(cell)
    return texts


def test_every_value_is_in_the_report_at_the_source_it_names(drafted):
    _, report, _, target = drafted
    document = read_document(report)
    records = _records(read_yaml(target), [])
    assert len(records) > 20
    for record in records:
        texts = _cited(str(record["source"]), document)
        numbers = _numbers(texts)
        for key in ("value", "score"):
            if isinstance(record.get(key), (int, float)) and not isinstance(record.get(key), bool):
                assert abs(float(record[key])) in numbers, (record[key], record["source"])
        if "weight" in record and "level2" in record:  # a 绩效自评表 row: every number is a cell of its row
            row = next(b for b in document.blocks if b.kind == "row" and record["name"] in b.cells)
            cells = _numbers(list(row.cells))
            values = [record["weight"], record.get("claimed_score")] + [
                record.get(k, {}).get("value") for k in ("target", "actual")]
            assert all(float(v) in cells for v in values if v is not None), record


def test_a_drafted_unit_keeps_what_its_project_lines_went_to_and_the_projects_check_reads_it(drafted):
    """Seed 001's 一般性项目支出 10325.79 “主要用于星沙商务写字楼及市民服务中心租金，…”: drafted as the item's uses, the rent no
    project of 附件2-4 evaluates is found on the draft as on the hand-built params (the reader ends a sentence at ；, so
    the draft keeps only the first use of 基本建设 2493.81 and misses the 智慧城市 centre the hand-built params name)."""
    stem, _, _, target = drafted
    uses = {f.check: [e.label for e in f.evidence_of("use")] for f in run_checks(load_unit(target))}
    expected = ["星沙商务写字楼及市民服务中心租金"] if stem == "001" else None  # 000 and 002 evaluate no project
    assert uses.get("project_uses_without_evaluation") == expected
