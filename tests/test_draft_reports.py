"""Drafts of reports written for these tests (tests/data/planted, not the seeds' wording) with known inconsistencies,
as .txt, .docx and .pdf: each planted inconsistency is found by `score`, nothing else is, and the three formats of
one report give the same draft (the seeds' too)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from report_files import truetype_font, write_docx, write_pdf

from perfeval import load_unit
from perfeval.checks import every_finding
from perfeval.fileio import read_yaml
from perfeval.outputs.draft import draft_report, params_text, read_document, write_draft

DATA = Path(__file__).parent / "data"
PLANTED = sorted((DATA / "planted").glob("*.txt"))
SEEDS = sorted((DATA / "seeds").glob("*.txt"))
KINDS = ("accounting_identities", "two_values", "recomputed_vs_claimed", "generous_scoring", "claimed_total")

# Each report's planted inconsistencies, as the check that reports each.
EXPECTED = {
    "archives_2023": Counter({
        "items_exceed_whole": 1,           # “三公” 9.60 with 其中 items 2.10 + 7.80 = 9.90
        "claimed_rate_mismatch": 1,        # 变动率 −12.5% for (12.00 − 13.50) ÷ 13.50 = −11.11%
        "stated_ratio_mismatch": 1,        # 320.00 “占项目支出的45.2%” of 756.10 is 42.32%
        "declared_identity_broken": 1,     # 数字化 8600件 with 其中 5200 + 3900
        "figure_stated_twice": 1,          # 接待查档群众 1260 vs 1320人次
        "claimed_total_unverifiable": 1,   # 92 claimed, with few indicators assessable from a narrative
    }),
    "services_2024": Counter({
        "full_marks_for_cost_overrun": 1,         # 物业服务费 ≤180万元, 205.60万元, full marks
        "full_marks_for_partial_achievement": 1,  # 报修响应 基本及时, full marks
        "section_rate_mismatch": 1,               # 满意度 9 of 10 stated as 93%
        "figure_stated_twice": 1,                 # 年度巡查 26次 vs 24次
        "claimed_total_mismatch": 1,              # 94 claimed
        "claimed_total_not_sum_of_rows": 1,       # the rows' 得分 add up to 98.8
    }),
}


@pytest.fixture(scope="module")
def pdf_font(tmp_path_factory) -> Path:
    text = "".join(p.read_text(encoding="utf-8") for p in PLANTED + SEEDS)
    return truetype_font(text, tmp_path_factory.mktemp("font") / "noto-sc-subset.ttf")


def copy_as(report: Path, fmt: str, folder: Path, font: Path) -> Path:
    """The report as a unit would send it: the same text as Word (.docx) or a PDF saved from Word."""
    if fmt == "txt":
        return report
    target = folder / f"{report.stem}.{fmt}"
    document = read_document(report)
    return write_docx(document, target) if fmt == "docx" else write_pdf(document, target, font)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
@pytest.mark.parametrize("report", PLANTED, ids=lambda p: p.stem)
def test_planted_inconsistencies_are_found_and_nothing_else(report, fmt, tmp_path, pdf_font):
    target = write_draft(draft_report(copy_as(report, fmt, tmp_path, pdf_font)), tmp_path / "draft.yaml")
    found = Counter(f.check for f in every_finding(load_unit(target)) if f.kind in KINDS)  # each symptom
    assert found == EXPECTED[report.stem]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("report", PLANTED + SEEDS, ids=lambda p: p.stem[:13])
def test_a_docx_and_a_pdf_give_the_draft_of_the_txt(report, fmt, tmp_path, pdf_font):
    copy = copy_as(report, fmt, tmp_path, pdf_font)
    assert params_text(draft_report(copy)).replace(copy.name, report.name) == params_text(draft_report(report))


def test_correct_statements_become_claims_that_hold(tmp_path):
    draft = write_draft(draft_report(DATA / "planted" / "archives_2023.txt"), tmp_path / "a.yaml")
    claims = read_yaml(draft)["claims"]
    assert {"measure": "staffing_control.on_duty_rate", "value": 88.89} in [
        {k: r[k] for k in ("measure", "value")} for r in claims["rates"]]       # 16 ÷ 18
    assert {"measure": "sangong_control", "value": 80} in [
        {k: r[k] for k in ("measure", "value")} for r in claims["rates"]]       # 9.60 ÷ 12.00
    kept = [(i["relation"], len(i["parts"])) for i in claims["identities"]]
    assert ("=", 3) in kept                                                     # 5200 = 3100 + 1600 + 500
    again = [s for s in claims["statements"] if s.get("qualifier") is None and s["value"] == 22]
    assert again  # 22场次 restates 20余场次: kept, and not a contradiction (see the expected findings above)
