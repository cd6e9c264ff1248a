"""The unit result: the score (core) and the findings (checks) of one unit, computed once and serialised as JSON.

It is what `perfeval score --json` prints and what the report notebook writes beside the report
(outputs/units/<id>/<id>.json); the index, the CSV, the summary workbook and the portfolio read it and never
score a unit again. Numbers are rounded as the reports print them (scores and rates to 2 decimals).
"""
from __future__ import annotations

from pathlib import Path
from pydantic import BaseModel, ConfigDict

from .checks import Finding, count_by_severity, count_candidates, run_checks
from .core.engine import CLAIM_LABEL, ScoredUnit, ScoreRow, load_unit
from .core.figures import COLUMNS, LINES, SCALARS, label_of, unit_of
from .core.numbers import points, round_half_up
from .core.params import figure_at
from .core.sensitivity import Reading, sensitivity

SCHEMA_VERSION = 2
RESULT_MIME = "application/vnd.perfeval.unit+json"  # the unit result as an output of the executed report notebook


class Out(BaseModel):
    """Base of the result's records: plain data, unknown fields kept out, read back as written."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def graded_total(total_on_100: float | None, total_range: tuple[float, float] | None) -> str:
    """The total a grade stands on, as a sentence says it: '96.96 分', or over the range it holds for when part of
    the framework is unassessed ('可能总分 91–96 分'): a scaled part total is never called 总分."""
    if total_on_100 is not None:
        return f"{points(total_on_100)} 分"
    if total_range is not None:
        return f"可能总分 {points(total_range[0])}–{points(total_range[1])} 分"
    return "—"


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
    series: str  # what links the unit's results of different years
    drafted_from: str | None = None  # the report its params were drafted from, not yet confirmed by an analyst


class FrameworkOut(Out):
    id: str
    name: str
    source: str
    total: float
    budget_scope: str | None = None  # what its budget rates are defined on (部门（单位）整体预算)


class CoverageOut(Out):
    """Points of the framework: applicable, assessed (verified + self-reported), not assessed, not applicable."""

    applicable: float
    assessed: float
    verified: float
    self_reported: float
    not_assessed: float
    not_applicable: float


class ClaimOut(Out):
    total: float | None = None
    grade: str | None = None
    source: str | None = None
    status: str | None = None  # confirmed / contradicted / unverifiable
    status_label: str | None = None


class InputOut(Out):
    figure: str
    label: str
    value: float | None
    unit: str
    source: str | None = None
    basis: str = "self_reported"


class AlternativeOut(Out):
    name: str
    label: str
    value: float | None
    denominator: str | None = None
    denominator_value: float | None = None


class PartOut(Out):
    id: str
    label: str
    points: float
    score: float | None
    value: float | None
    value_unit: str
    rule: str
    notes: list[str]
    missing: list[str]
    basis: str
    alternatives: list[AlternativeOut]


class IndicatorOut(Out):
    id: str
    level1: str
    level2: str
    name: str
    weight: float | None
    effective_weight: float
    criteria_max: float | None
    value: float | None
    value_unit: str
    score: float | None
    claimed_score: float | None
    assessed_points: float
    verified_points: float
    status: str
    status_label: str
    rule: str
    rule_type: str
    role: str | None
    personalised: bool
    target: str | None
    actual: str | None
    deviation_note: str | None
    source: str | None
    notes: list[str]
    inputs: list[InputOut]
    parts: list[PartOut]


class EvidenceOut(Out):
    label: str
    value: float | str | None
    unit: str = ""
    source: str | None = None
    role: str = ""  # what the figure is to its check (claimed, recomputed, whole, part …), as declared


class FindingOut(Out):
    check: str
    kind: str
    kind_label: str
    severity: str
    severity_label: str
    message: str
    rule: str
    indicator: str | None
    evidence: list[EvidenceOut]
    consequences: list[str]
    candidate: bool = False  # a question on a drafted unit (待核实), not counted among the findings by severity


class SensitivityOut(Out):
    interpretation: str
    question: str
    option: str
    option_text: str
    chosen: bool
    total: float | None
    total_on_100: float | None
    grade: str | None
    total_range: tuple[float, float] | None


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
    basis: str = "self_reported"
    stated: bool = False  # a figure of the unit's own, outside the catalogue


class ProjectOut(Out):
    """One project's own evaluation (附件2-4)."""

    name: str
    score: float | None
    grade: str | None
    budget: float | None
    executed: float | None
    source: str | None


class LintOut(Out):
    code: str
    indicator: str
    message: str
    severity: str


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


def _indicator(row: ScoreRow) -> IndicatorOut:
    return IndicatorOut(
        id=row.id, level1=row.level1, level2=row.level2, name=row.name, weight=row.weight,
        effective_weight=round_half_up(row.effective_weight, 4), criteria_max=row.criteria_max, value=_r(row.value),
        value_unit=row.value_unit, score=_r(row.score), claimed_score=row.claimed_score,
        assessed_points=round_half_up(row.assessed_points, 4), verified_points=round_half_up(row.verified_points, 4),
        status=row.status, status_label=row.status_label, rule=row.rule, rule_type=row.rule_type,
        role=row.role, personalised=row.personalised, target=row.target, actual=row.actual,
        deviation_note=row.deviation_note, source=row.source, notes=list(row.notes),
        inputs=[InputOut(figure=i.path, label=i.label, value=i.value, unit=i.unit, source=i.source, basis=i.basis)
                for i in row.inputs],
        parts=[PartOut(id=p.id, label=p.label, points=p.points, score=_r(p.score), value=_r(p.value),
                       value_unit=p.value_unit, rule=p.rule, notes=list(p.notes), missing=list(p.missing),
                       basis=p.basis,
                       alternatives=[AlternativeOut(name=a.name, label=a.label, value=_r(a.value),
                                                    denominator=a.denominator[0] if a.denominator else None,
                                                    denominator_value=a.denominator[1] if a.denominator else None)
                                     for a in p.alternatives])
               for p in row.parts])


def _finding(f: Finding) -> FindingOut:
    d = f.to_dict()
    return FindingOut(check=f.check, kind=f.kind, kind_label=f.kind_label, severity=f.severity,
                      severity_label=d["severity_label"], message=f.message, rule=f.rule, indicator=f.indicator,
                      evidence=[EvidenceOut(label=e.label, value=e.value, unit=e.unit, source=e.source, role=e.role)
                                for e in f.evidence], consequences=list(f.consequences), candidate=f.candidate)


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
                                 basis=fig.basis))
    out += [FigureOut(figure=s.id, label=s.label, value=s.value, unit=s.unit, qualifier=s.qualifier.value,
                      places=s.places, text=s.text, source=s.source, note=s.note, scope=s.scope, basis=s.basis,
                      stated=True) for s in unit.params.stated]
    return out


def unit_result(unit: ScoredUnit, findings: list[Finding], readings: list[Reading]) -> UnitResult:
    """The serialisable result of one scored and audited unit."""
    s, fw, u = unit.sheet, unit.framework, unit.sheet.unit
    cov = s.coverage
    counts = count_by_severity(findings)
    declared = set(fw.interpretations)
    return UnitResult(
        unit=UnitOut(id=u.id, name=u.name, region=u.region, year=u.year, budget_code=u.budget_code, kind=u.kind,
                     document=u.document, series=u.series_key, drafted_from=unit.params.drafted_from),
        framework=FrameworkOut(id=fw.id, name=fw.name, source=fw.source, total=fw.total, budget_scope=fw.budget_scope.label if fw.budget_scope else None),
        budget_scope=unit.params.figures.budget_scope,
        budget_scope_differs=bool(unit.params.figures.budget_scope and fw.budget_scope
                                  and not fw.budget_scope.covers(unit.params.figures.budget_scope)),
        params_file=str(unit.file), total=round_half_up(s.total, 2), total_on_100=_r(s.total_on_100),
        total_range=s.total_range, grade=s.grade, grade_withheld_reason=s.grade_withheld_reason,
        assessed_rate=_r(s.assessed_rate), grade_basis=s.grade_basis,
        coverage=CoverageOut(applicable=_r(cov.applicable), assessed=_r(cov.assessed), verified=_r(cov.verified),
                             self_reported=_r(cov.self_reported), not_assessed=_r(cov.not_assessed),
                             not_applicable=_r(cov.not_applicable)),
        claimed=ClaimOut(total=s.claimed_total, grade=s.claimed_grade, source=unit.params.claims.total_source,
                         status=s.claim_status, status_label=CLAIM_LABEL.get(s.claim_status or "")),
        indicators=[_indicator(r) for r in s.rows],
        findings=[_finding(f) for f in findings], findings_by_severity=counts,
        candidates=count_candidates(findings),
        sensitivity=[SensitivityOut(interpretation=r.interpretation, question=r.question, option=r.option,
                                    option_text=r.option_text, chosen=r.chosen, total=r.total,
                                    total_on_100=r.total_on_100, grade=r.grade,
                                    total_range=r.total_range) for r in readings],
        readings=[ReadingOut(key=k, question=fw.reading(k).question, option=opt, text=fw.reading(k).text(opt),
                             source=fw.reading(k).source, declared=k in declared, used=k in s.readings_used)
                  for k, opt in s.readings.items()],
        figures=stated_figures(unit),
        projects=[ProjectOut(name=p.name, score=p.score, grade=p.grade, budget=p.budget.value if p.budget else None,
                             executed=p.executed.value if p.executed else None, source=p.source)
                  for p in unit.params.projects],
        framework_notes=[LintOut(code=p.code, indicator=p.indicator, message=p.message, severity=p.severity)
                         for p in s.lint])


def evaluate_file(path: str | Path) -> UnitResult:
    """Load, score, audit and assess the sensitivity of one params file: its whole result, computed once."""
    unit = load_unit(path)
    return unit_result(unit, run_checks(unit), sensitivity(unit))

