"""The unit result: the score (core) and the findings (checks) of one unit, computed once and serialised as JSON.

It is what `perfeval score --json` prints and what the report notebook writes beside the report
(outputs/units/<id>/<id>.json); the index, the CSV, the summary workbook and the portfolio read it and never
score a unit again. Numbers are rounded as the reports print them (scores and rates to 2 decimals).
"""
from pathlib import Path
from typing import Any, TypeVar

from .core.records import ConfigDict, Field, FieldInfo, Record

from .checks import Evidence, Finding, count_by_severity, count_candidates, run_checks
from .core.engine import CLAIM_LABEL, Coverage, ScoredUnit, ScoreRow, load_unit
from .core.figures import COLUMNS, LINES, SCALARS, label_of, unit_of
from .core.lint import LintProblem
from .core.measures import Alternative, InputValue
from .core import numbers
from .core.numbers import points, round_half_up
from .core.params import figure_at
from .core.rules import PartResult
from .core.sensitivity import Reading, sensitivity
from .safetext import readable_path

# 3: the records core and checks compute are published as they are (fields they gain appear without an edit here);
# an alternative's denominator is its (label, value, unit), no longer split into denominator / denominator_value.
SCHEMA_VERSION = 3
RESULT_MIME = "application/vnd.perfeval.unit+json"  # the unit result as an output of the executed report notebook


class Out(Record):
    """Base of the result's own records (those no core record holds): plain data, unknown fields kept out, read back
    as written."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def __init__(self, **values: Any) -> None:
        """Made by this module from records core computed, already valid: not validated again (a result read back
        from JSON is, by model_validate)."""
        self.__dict__.update(type(self).made_from(**values).__dict__)


class Published(Out):
    """A record core or checks computes, published as a record derived from its dataclass, so every field it has or
    gains is in the JSON (tests/test_result_schema.py holds that). Such a derived record only narrows: the records it
    holds as published records, a property of the record published as a field (declared with Field(description=<the
    property>), a required field that shadows the property, given by `published`'s caller), and a field left out with
    Field(exclude=True, description=<why>). Read by field name or alias, written by alias."""

    model_config = ConfigDict(extra="forbid", frozen=True, by_alias=True)


R = TypeVar("R")


def fields_of(out: type) -> dict[str, FieldInfo]:
    """The fields of a published record by name, with how each is published."""
    found: dict[str, FieldInfo] = out.model_fields  # type: ignore[attr-defined]  # a Record class, typed as `type`
    return found


def published(out: type[R], record: object, **given: Any) -> R:
    """The record as the result publishes it: every field of `out` the record has, copied, except those given
    (published records, rounded numbers, properties); fields left out of the JSON are not carried."""
    names = [n for n, f in fields_of(out).items() if n not in given and not f.exclude]
    return out(**{n: getattr(record, n) for n in names}, **given)


def graded_total(total_on_100: float | None, total_range: tuple[float, float] | None) -> str:
    """The total a grade stands on, as a sentence says it: '96.96 分', or over the range it holds for when part of
    the framework is unassessed ('可能总分 91–96 分'): a scaled part total is never called 总分."""
    if total_on_100 is not None:
        return f"{points(total_on_100)} 分"
    if total_range is not None:
        return f"可能总分 {points(total_range[0])}–{points(total_range[1])} 分"
    return "—"


ASSESSED_RATE_LABEL = "已评指标得分率"  # points earned ÷ points assessed: what a withheld grade shows, never called 总分


def assessed_rate_text(rate: float | None, earned: float, assessed: float) -> str:
    """The scaled figure by its name, with what it divides: '已评指标得分率 50%（已评 20 分中得 10 分，不是总分）'."""
    if rate is None:
        return ""
    return (f"{ASSESSED_RATE_LABEL} {numbers.rate(rate)}%（已评 {points(assessed)} 分中得 {points(earned)} 分，"
            "不是总分）")


def _r(x: float | None, places: int = 2) -> float | None:
    return None if x is None else round_half_up(x, places)


DRAFT_MARK = "据报告文本自动提取，未经核对"  # how every output marks a unit whose params are an unconfirmed draft


class UnitOut(Out):
    id: str
    name: str
    region: str
    year: int
    budget_code: str | None = None
    kind: str | None = None
    document: str | None = None
    document_kind: str | None = None  # what the document is, as its title says (None: not said)
    series: str  # what links the unit's results of different years
    drafted_from: str | None = None  # the report its params were drafted from, not yet confirmed by an analyst


class FrameworkOut(Out):
    id: str
    name: str
    source: str
    total: float
    budget_scope: str | None = None  # what its budget rates are defined on (部门（单位）整体预算)


class CoverageOut(Published, Coverage):
    """Points of the framework: applicable, assessed (verified + self-reported), not assessed, not applicable."""

    self_reported: float = Field(description="Coverage.self_reported")
    not_assessed: float = Field(description="Coverage.not_assessed")


class ClaimOut(Out):
    total: float | None = None
    grade: str | None = None
    source: str | None = None
    status: str | None = None  # confirmed / contradicted / unverifiable
    status_label: str | None = None


class InputOut(Published, InputValue):
    """A figure an indicator's score used, by its catalogue path (published as `figure`)."""

    path: str = Field(alias="figure")


class AlternativeOut(Published, Alternative):
    """The same rate under another option of a reading, or on another denominator."""


class PartOut(Published, PartResult):
    """One scored criterion of an indicator."""

    alternatives: tuple[AlternativeOut, ...] = ()
    inputs: tuple[Any, ...] = Field(default=(), exclude=True,
                                    description="gathered once per indicator, in its inputs")
    exact_value: float | None = Field(default=None, exclude=True,
                                      description="the value unrounded: the result gives values as reports print them")


class IndicatorOut(Published, ScoreRow):
    """One indicator (or one row of the unit's own table) as scored, and how."""

    parts: tuple[PartOut, ...] = ()
    inputs: tuple[InputOut, ...] = Field(description="ScoreRow.inputs: the figures its parts used, once each")
    status_label: str = Field(description="ScoreRow.status_label")


class EvidenceOut(Published, Evidence):
    """One figure a finding compared, by its role in the check."""


class FindingOut(Published, Finding):
    """One finding of the checks."""

    evidence: tuple[EvidenceOut, ...] = ()
    severity_label: str = Field(description="Finding.severity_label")


class SensitivityOut(Published, Reading):
    """The unit's total and grade had one reading taken another option."""


class ReadingOut(Out):
    """A reading of the framework in force for this unit: the question, the option taken and whether it mattered."""

    key: str
    question: str
    option: str
    text: str
    source: str | None
    declared: bool  # False: the framework is silent and the national default applies
    used: bool


class FigureOut(Out):
    """A figure the unit's documents state, as the report's base data shows it (catalogue path or stated id)."""

    figure: str
    label: str
    value: float
    unit: str
    qualifier: str = "exact"
    places: int | None = None
    text: str | None = None
    source: str | None = None
    note: str | None = None
    scope: str | None = None
    covers: bool = True  # False: the analyst judged it cannot stand for the indicator that would use it
    basis: str = "self_reported"
    year: int | None = None  # a stated figure of another year than the unit's
    stated: bool = False  # a figure of the unit's own, outside the catalogue


class ProjectOut(Out):
    """One project's own evaluation (附件2-4)."""

    name: str
    score: float | None
    grade: str | None
    budget: float | None
    executed: float | None
    source: str | None


class LintOut(Published, LintProblem):
    """A problem in the framework's own arithmetic or wording."""


class UnitResult(Out):
    """One unit's whole evaluation (the JSON contract of DESIGN.md)."""

    schema_version: int = SCHEMA_VERSION
    unit: UnitOut
    framework: FrameworkOut
    params_file: str
    money_unit: str = "万元"
    total: float
    total_on_100: float | None  # only when every applicable point is assessed: never a scaled part total
    total_range: tuple[float, float] | None
    grade: str | None
    grade_withheld_reason: str | None
    coverage: CoverageOut
    assessed_rate: float | None = None  # 已评指标得分率 (%): points earned ÷ points assessed × 100
    grade_basis: str | None = None  # why the grade holds (complete total, range in one band, declared lower bound)
    budget_scope: str | None = None  # what the unit's budget figures cover, as its documents say (None: not said)
    budget_scope_differs: bool = False  # the framework defines its budget rates on another scope
    claimed: ClaimOut
    indicators: list[IndicatorOut]
    findings: list[FindingOut]
    findings_by_severity: dict[str, int]  # confirmed findings only; candidates counted apart
    candidates: int = 0  # findings on a drafted unit that rest on what its reader inferred: questions to check
    sensitivity: list[SensitivityOut]
    readings: list[ReadingOut]
    figures: list[FigureOut]
    projects: list[ProjectOut]
    framework_notes: list[LintOut]

    @property
    def title(self) -> str:
        """The report's title line (also the HTML page title)."""
        return f"{self.unit.name} {self.unit.year}年度部门整体支出绩效评价复核报告"

    @property
    def claimed_total(self) -> float | None:
        return self.claimed.total

    @property
    def claimed_grade(self) -> str | None:
        return self.claimed.grade

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"

    @classmethod
    def read(cls, path: str | Path) -> "UnitResult":
        """A result file written by a batch (ValueError when it is not one)."""
        return cls.model_validate_json(Path(path).read_bytes())


def _part(p: PartResult) -> PartOut:
    return published(PartOut, p, score=_r(p.score), value=_r(p.value),
                     alternatives=tuple(published(AlternativeOut, a, value=_r(a.value)) for a in p.alternatives))


def _indicator(row: ScoreRow) -> IndicatorOut:
    return published(IndicatorOut, row, effective_weight=round_half_up(row.effective_weight, 4), value=_r(row.value),
                     score=_r(row.score), assessed_points=round_half_up(row.assessed_points, 4),
                     verified_points=round_half_up(row.verified_points, 4), status_label=row.status_label,
                     inputs=tuple(published(InputOut, i) for i in row.inputs), parts=tuple(map(_part, row.parts)))


def _finding(f: Finding) -> FindingOut:
    return published(FindingOut, f, evidence=tuple(published(EvidenceOut, e) for e in f.evidence),
                     severity_label=f.severity_label)


def _coverage(cov: Coverage) -> CoverageOut:
    return published(CoverageOut, cov, **{n: round_half_up(getattr(cov, n), 2) for n in fields_of(CoverageOut)})


def stated_figures(unit: ScoredUnit) -> list[FigureOut]:
    """Every figure the params state: lines of the base data table, the other catalogue figures, the unit's own."""
    out = []
    figures = unit.params.figures
    paths = [f"lines.{key}.{col}" for key in LINES for col in COLUMNS] + list(SCALARS)
    for path in paths:
        fig = figure_at(figures, path)
        if fig is not None:
            out.append(FigureOut(figure=path, label=label_of(path), value=fig.in_unit(unit_of(path)), unit=unit_of(path),
                                 qualifier=fig.qualifier.value, source=fig.source, note=fig.note, scope=fig.scope,
                                 covers=fig.covers, basis=fig.basis))
    out += [FigureOut(figure=s.id, label=s.label, value=s.value, unit=s.unit, qualifier=s.qualifier.value,
                      places=s.places, text=s.text, source=s.source, note=s.note, scope=s.scope, basis=s.basis,
                      year=s.year, stated=True) for s in unit.params.stated]
    return out


def unit_result(unit: ScoredUnit, findings: list[Finding], readings: list[Reading]) -> UnitResult:
    """The serialisable result of one scored and audited unit."""
    s, fw, u = unit.sheet, unit.framework, unit.sheet.unit
    counts = count_by_severity(findings)
    declared = set(fw.interpretations)
    return UnitResult(
        unit=UnitOut(id=u.id, name=u.name, region=u.region, year=u.year, budget_code=u.budget_code, kind=u.kind,
                     document=u.document, document_kind=u.document_kind, series=u.series_key, drafted_from=unit.params.drafted_from),
        framework=FrameworkOut(id=fw.id, name=fw.name, source=fw.source, total=fw.total, budget_scope=fw.budget_scope.label if fw.budget_scope else None),
        budget_scope=unit.params.figures.budget_scope,
        budget_scope_differs=bool(unit.params.figures.budget_scope and fw.budget_scope
                                  and not fw.budget_scope.covers(unit.params.figures.budget_scope)),
        params_file=readable_path(unit.file), total=round_half_up(s.total, 2), total_on_100=_r(s.total_on_100),
        total_range=s.total_range, grade=s.grade, grade_withheld_reason=s.grade_withheld_reason,
        assessed_rate=_r(s.assessed_rate), grade_basis=s.grade_basis,
        coverage=_coverage(s.coverage),
        claimed=ClaimOut(total=s.claimed_total, grade=s.claimed_grade, source=unit.params.claims.total_source,
                         status=s.claim_status, status_label=CLAIM_LABEL.get(s.claim_status or "")),
        indicators=[_indicator(r) for r in s.rows],
        findings=[_finding(f) for f in findings], findings_by_severity=counts,
        candidates=count_candidates(findings),
        sensitivity=[published(SensitivityOut, r) for r in readings],
        readings=[ReadingOut(key=k, question=fw.reading(k).question, option=opt, text=fw.reading(k).text(opt),
                             source=fw.reading(k).source, declared=k in declared, used=k in s.readings_used)
                  for k, opt in s.readings.items()],
        figures=stated_figures(unit),
        projects=[ProjectOut(name=p.name, score=p.score, grade=p.grade, budget=p.budget.value if p.budget else None,
                             executed=p.executed.value if p.executed else None, source=p.source)
                  for p in unit.params.projects],
        framework_notes=[published(LintOut, p) for p in s.lint])


def evaluate_file(path: str | Path) -> UnitResult:
    """Load, score, audit and assess the sensitivity of one params file: its whole result, computed once."""
    unit = load_unit(path)
    return unit_result(unit, run_checks(unit), sensitivity(unit))

