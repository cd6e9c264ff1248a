"""The unit result's JSON against the records it publishes: one record per concept (README "The unit result").

A record core or checks computes is published as a record derived from it (result.py), so a field it gains is in
the JSON with no second edit; the records the result reshapes (the unit's identity, its figures and projects, the
score sheet) are compared here field by field. A field of a record missing from the JSON fails, unless it is left
out on purpose with the reason written: `Field(exclude=True, description=...)` in result.py, or RESHAPED below.
FrameworkOut, ClaimOut and ReadingOut are not compared: each gathers a few facts from larger objects (the compiled
framework, the score sheet's claim, a reading of the framework), not one record.
"""
import dataclasses
from pathlib import Path

import pytest
from perfeval.checks import Evidence, Finding, run_checks
from perfeval.core.engine import Coverage, ScoreRow, ScoreSheet, load_unit
from perfeval.core.lint import LintProblem
from perfeval.core.measures import Alternative, InputValue
from perfeval.core.params import Figure, Identity, Project, StatedFigure
from perfeval.core.records import Record
from perfeval.core.rules import PartResult
from perfeval.core.sensitivity import Reading, sensitivity
from perfeval.result import (
    AlternativeOut, CoverageOut, EvidenceOut, FigureOut, FindingOut, IndicatorOut, InputOut, LintOut, PartOut,
    ProjectOut, SensitivityOut, UnitOut, UnitResult, fields_of, unit_result,
)

SAMPLES = Path(__file__).parent.parent / "params" / "units"

DERIVED = {ScoreRow: IndicatorOut, PartResult: PartOut, InputValue: InputOut, Alternative: AlternativeOut,
           Coverage: CoverageOut, Finding: FindingOut, Evidence: EvidenceOut, Reading: SensitivityOut,
           LintProblem: LintOut}

# record → (the result's model, {field of the record not under its own name in that model: where it is, or why not})
RESHAPED: dict[type, tuple[type[Record], dict[str, str]]] = {
    Identity: (UnitOut, {"framework": "published loaded, as the result's framework (id, name, source)"}),
    Figure: (FigureOut, {"at": "the reader's offset of the value in its source, for the review page: not a result"}),
    StatedFigure: (FigureOut, {"id": "published as figure (with stated: true)",
                                "at": "the reader's offset of the value in its source, for the review page: not a result"}),
    Project: (ProjectOut, {}),
    ScoreSheet: (UnitResult, {
        "rows": "published as indicators", "lint": "published as framework_notes",
        "claimed_total": "published as claimed.total", "claimed_grade": "published as claimed.grade",
        "claim_status": "published as claimed.status (and claimed.status_label)",
        "readings_used": "published as readings[].used"}),
}


def json_properties(model: type) -> set[str]:
    """The keys the model writes in the JSON (by their published names): its fields not left out, by alias where
    its class writes aliases."""
    by_alias = model.model_config.get("by_alias", False)
    return {info.alias if by_alias and info.alias else name for name, info in fields_of(model).items()
            if not info.exclude}


def record_fields(record: type) -> list[str]:
    return list(record.model_fields) if issubclass(record, Record) else [f.name for f in dataclasses.fields(record)]


def unpublished(record: type, out: type, excused: dict[str, str]) -> list[str]:
    """The record's fields the JSON of `out` lacks without a reason: by their name, their alias, or an exclusion
    stated in result.py (a derived record) or in `excused`."""
    keys = json_properties(out)
    derived = fields_of(out)
    missing = []
    for name in record_fields(record):
        info = derived.get(name)
        if name in excused or (info is not None and info.exclude and info.description):
            continue
        if name not in keys and (info is None or info.alias not in keys):
            missing.append(name)
    return missing


@pytest.mark.parametrize("record", list(DERIVED), ids=lambda r: r.__name__)
def test_a_computed_record_is_published_as_itself(record):
    out = DERIVED[record]
    assert issubclass(out, record), f"{out.__name__} must derive from {record.__name__} (result.py)"
    assert unpublished(record, out, {}) == []


@pytest.mark.parametrize("record", list(DERIVED), ids=lambda r: r.__name__)
def test_a_field_left_out_says_why(record):
    out = DERIVED[record]
    silent = [n for n, f in fields_of(out).items() if f.exclude and not f.description]
    assert silent == [], f"{out.__name__}: say why with Field(exclude=True, description=...)"


@pytest.mark.parametrize("record", list(RESHAPED), ids=lambda r: r.__name__)
def test_a_reshaped_record_has_every_field_in_the_json(record):
    out, excused = RESHAPED[record]
    missing = unpublished(record, out, excused)
    assert missing == [], (f"{record.__name__} fields {missing} are not in {out.__name__}'s JSON: publish them in "
                           "result.py, or say in RESHAPED (tests/test_result_schema.py) where they are or why not")
    assert set(excused) <= set(record_fields(record)), "RESHAPED names a field the record no longer has"


def test_a_field_core_adds_is_caught_when_not_published():
    @dataclasses.dataclass(frozen=True)
    class Grown(Coverage):
        rescaled: float = 0.0

    assert unpublished(Grown, CoverageOut, {}) == ["rescaled"]
    assert unpublished(Identity, UnitOut, {}) == ["framework"]


def test_a_derived_record_carries_the_values_core_computed():
    """Properties published as fields (inputs, status_label, severity_label, coverage) hold the record's values,
    not the property recomputed from what the published record keeps; the JSON reads back as written."""
    unit = load_unit(SAMPLES / "yunxi_district_2023.yaml")
    findings = run_checks(unit)
    result = unit_result(unit, findings, sensitivity(unit))
    assert any(ind.inputs for ind in result.indicators)
    for row, ind in zip(unit.sheet.rows, result.indicators, strict=True):
        assert [i.path for i in ind.inputs] == [i.path for i in row.inputs]
        assert ind.status_label == row.status_label
    assert [f.severity_label for f in result.findings] == [f.severity_label for f in findings]
    assert result.coverage.not_assessed == pytest.approx(unit.sheet.coverage.not_assessed, abs=0.005)
    written = result.to_json()
    assert '"figure": "' in written and '"path"' not in written  # an input's catalogue path, by its contract name
    assert UnitResult.model_validate_json(written) == result
