"""Checks declared once: ids, kinds, severities, wording and evidence by role come from checks.declarations."""
from __future__ import annotations

from pathlib import Path

import pytest

from perfeval.checks import CHECKS, DECLARED, KINDS, every_finding, run_checks
from perfeval.checks.causes import collapse
from perfeval.checks.declarations import (CLAIMED_SCORE_ABOVE_RECOMPUTED, SECTION_SCORE_ABOVE_RECOMPUTED, checks_table,
                                          kinds_table)
from perfeval.checks.finding import Evidence
from perfeval.core.engine import load_unit

from conftest import SAMPLES

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_tables_are_the_declarations():
    assert kinds_table() in README
    assert checks_table() in README


def test_every_check_function_raises_declared_checks_and_every_declaration_has_its_function():
    assert {d.found_by for d in DECLARED.values()} == set(CHECKS)
    assert {d.kind for d in DECLARED.values()} == set(KINDS)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_finding_of_the_samples_is_as_declared(path):
    unit = load_unit(path)
    found = every_finding(unit)
    assert found
    for f in found:
        d = DECLARED[f.check]
        assert (f.kind, f.kind_label) == (d.kind, KINDS[d.kind])
        if isinstance(d.severity, str):
            assert f.severity == d.severity
        assert all(e.role in d.roles for e in f.evidence)
        roles = [e.role for e in f.evidence]
        assert roles == sorted(roles, key=d.roles.index)  # shown in the declared order
    assert {f.check for f in run_checks(unit)} <= set(DECLARED)


def test_a_role_a_check_does_not_declare_is_refused():
    with pytest.raises(ValueError, match="declares no evidence role 'whole'"):
        CLAIMED_SCORE_ABOVE_RECOMPUTED({"whole": Evidence("x", 1)}, row="r", claimed="1", weight="2", rule="",
                                       recomputed="0", gap="1", points=1, grade_changes=False)


def test_the_root_cause_merge_reads_evidence_by_role_not_position():
    """A section claimed 2 above its recomputed score, entirely explained by one row claiming 2 too much: the section
    is a consequence of the row, whatever order each finding's evidence was given in."""
    row = CLAIMED_SCORE_ABOVE_RECOMPUTED(
        {"weight": Evidence("分值", 10, "分"), "recomputed": Evidence("重算得分", 6, "分"),
         "claimed": Evidence("自评得分", 8, "分")},
        indicator="r1", row="r1", claimed="8", weight="10", rule="", recomputed="6", gap="2", points=2,
        grade_changes=False)
    section = SECTION_SCORE_ABOVE_RECOMPUTED(
        {"recomputed": Evidence("重算得分", 26, "分"), "claimed": Evidence("所述得分", 28, "分")},
        figures=["r1"], section="产出", claimed="28", weight="30", recomputed="26", gap="2")
    assert [e.role for e in row.evidence] == ["claimed", "recomputed", "weight"]
    merged = collapse([row, section])
    assert len(merged) == 1 and merged[0].consequences == (section.message,)
