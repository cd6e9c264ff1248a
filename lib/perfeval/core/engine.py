"""Score a unit against its framework: every indicator recomputed, totals, coverage and the verdict it supports."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NotRequired, Sequence, TypedDict

from ..errors import FrameworkError, ParamsError
from . import numbers
from .figures import suggestion
from .framework import Framework, Node, load_framework
from .lint import LintProblem, lint_framework, rows_vs_header
from .measures import InputValue, ZeroDenominator
from .params import Actual, Identity, Row, Target, UnitParams, check_params, figure_at, read_params_data
from .readings import Interpretation, Option
from .rows import score_row
from .rules import JudgementMismatch, PartResult, RuleContext

ITEM_NOTES = ("依据：", "已核实：", "评价人员酌情给分")  # notes a checklist item keeps to itself
STATUS_LABEL = {"scored": "已评分", "partly": "部分评分", "not_assessed": "未评（资料未载明）",
                "not_applicable": "不适用"}
UNSCORABLE_LABEL = "未评（数据不可比）"  # the documents state it, but not in a form the rule can score
UNSET_RULE = "personalised_unset"  # the rule type of a framework row the unit set no indicator of its own under
UNSET_LABEL = {"not_assessed": "未评（未设置个性化指标）", "not_applicable": "未设置（单位已设置同类其他指标）"}
CLAIM_LABEL = {"confirmed": "经复核一致", "contradicted": "与重算不符", "unverifiable": "无法复核",
               "absent": "未自评（报告未给出自评总分）"}


@dataclass(frozen=True)
class ScoreRow:
    """One third-level indicator (or one row of the unit's own table) as scored, and how."""

    id: str
    level1: str
    level2: str
    name: str
    weight: float | None
    effective_weight: float
    criteria_max: float | None
    score: float | None
    assessed_points: float
    verified_points: float
    status: str
    value: float | None
    value_unit: str
    claimed_score: float | None
    rule: str
    rule_type: str
    parts: tuple[PartResult, ...] = ()
    notes: tuple[str, ...] = ()
    source: str | None = None
    personalised: bool = False
    role: str | None = None
    deviation_note: str | None = None
    target: str | None = None
    actual: str | None = None

    @property
    def status_label(self) -> str:
        """The status as a reader takes it: a row left unscored although stated is not 资料未载明."""
        if self.status == "not_assessed" and self.parts and all(p.unscorable for p in self.parts):
            return UNSCORABLE_LABEL
        if self.unset:
            return UNSET_LABEL[self.status]
        return STATUS_LABEL[self.status]

    @property
    def inputs(self) -> tuple[InputValue, ...]:
        seen: dict[str, InputValue] = {}
        for part in self.parts:
            for i in part.inputs:
                seen.setdefault(i.path, i)
        return tuple(seen.values())

    @property
    def scale(self) -> float:
        """Effective over printed weight: rows rescaled to their header score on another scale than printed."""
        return self.effective_weight / self.weight if self.weight else 1.0

    @property
    def unset(self) -> bool:
        """A row of the printed framework under which the unit set no indicator of its own."""
        return self.rule_type == UNSET_RULE

    @property
    def open_vetoes(self) -> tuple[str, ...]:
        """Veto items not assessed: any of them found failing would zero the whole row (重复申报、虚报冒领 …)."""
        return tuple(p.label for p in self.parts if p.can_veto and p.score is None) if not any(
            p.veto for p in self.parts) else ()


@dataclass(frozen=True)
class Coverage:
    """Points of the framework by what the score rests on: verified, self-reported, not assessed, not applicable."""

    applicable: float
    assessed: float
    verified: float
    not_applicable: float

    @property
    def self_reported(self) -> float:
        return max(0.0, self.assessed - self.verified)

    @property
    def not_assessed(self) -> float:
        return max(0.0, self.applicable - self.assessed)

    @property
    def assessed_share(self) -> float:
        return self.assessed / self.applicable if self.applicable > 0 else 0.0


@dataclass(frozen=True)
class ScoreSheet:
    """A unit's whole score: rows, totals, coverage, the verdict the evidence supports, and the readings used."""

    unit: Identity
    framework: Framework
    rows: tuple[ScoreRow, ...]
    total: float
    coverage: Coverage
    total_on_100: float | None  # the total on the framework's scale: only when every applicable point is assessed
    total_range: tuple[float, float] | None
    grade: str | None
    grade_withheld_reason: str | None
    assessed_rate: float | None  # 已评指标得分率: points earned ÷ points assessed × 100 (%), never a total
    grade_basis: str | None  # why the grade holds: a complete total, a range within one band, or its lower bound
    claimed_total: float | None
    claimed_grade: str | None
    claim_status: str | None
    readings: dict[str, str]
    readings_used: tuple[str, ...]
    lint: tuple[LintProblem, ...]

    @property
    def assessed_points(self) -> float:
        return self.coverage.assessed

    @property
    def applicable_points(self) -> float:
        return self.coverage.applicable

    def row(self, row_id: str) -> ScoreRow | None:
        return next((r for r in self.rows if r.id == row_id), None)

    def grade_of(self, total: float) -> str:
        """The grade a total on 100 earns under the framework's grade bands (as chosen for this unit)."""
        return grade_of(total, self.framework.reading("grade_bands").options[self.readings["grade_bands"]])

    def chosen(self, key: str) -> str:
        """The option in force for a reading (the framework's default where the unit chose none)."""
        return self.readings.get(key) or self.framework.reading(key).default

    def rate_places(self) -> int | None:
        """Decimals a rate is judged at under this unit's rate_precision reading (None: unrounded)."""
        return self.framework.reading("rate_precision").options[self.chosen("rate_precision")].places

    def rate_effect(self, row_id: str, part: str, rate: float, other: float) -> float:
        """Points of the row that move were the rate it scores (of `part`, '' for the row's own) `other` instead of
        `rate`, each at the precision scored and the row's scale: what a misstated rate puts at stake. 0 where the
        row's rule does not score that rate."""
        node, row = self.framework.leaf(row_id), self.row(row_id)
        if node is None or node.rule is None or row is None:
            return 0.0
        places = self.rate_places()
        got = [node.rule.score_at(row.effective_weight, part, numbers.at_precision(x, places), self.chosen)
               for x in (rate, other)]
        if got[0] is None or got[1] is None:
            return 0.0
        return abs(got[0] - got[1]) * self.criteria_scale(row)

    def criteria_scale(self, row: ScoreRow) -> float:
        """What a point of the row's printed criteria is worth on its weight: above 1 where criteria worth less than
        the weight are scaled to it (预算执行率: 4 points of criteria on 6), or where a blank weight was shared out."""
        raw = sum(p.points for p in row.parts)
        scaled = row.weight is None or (raw + 1e-9 < row.effective_weight
                                        and self.chosen("unreachable_weight") == "scale_to_weight")
        return row.effective_weight / raw if raw > 0 and scaled else 1.0


def grade_of(total: float, option: Option) -> str:
    """The first band whose minimum the total (rounded as shown) reaches."""
    for band in option.grades or ():
        if band.min is None or total >= band.min - 1e-9:
            return band.grade
    return (option.grades or [])[-1].grade


class Readings:
    """The option chosen for each reading of one unit, and which of them its scoring consulted."""

    def __init__(self, fw: Framework, chosen: dict[str, str]) -> None:
        self.fw = fw
        self.chosen = chosen
        self.used: set[str] = set()
        self.consulted: set[str] = set()  # since the scorer last emptied it: what one leaf's rows consulted

    def interpretation(self, key: str) -> Interpretation:
        return self.fw.reading(key)

    def choose(self, key: str) -> str:
        self.used.add(key)
        self.consulted.add(key)
        return self.chosen[key]

    def option(self, key: str) -> Option:
        return self.interpretation(key).options[self.choose(key)]

    def option_text(self, key: str, option: str) -> str:
        return self.interpretation(key).text(option)

    def note(self, key: str) -> str:
        """The note a score row shows when it relied on a reading: the question and the option taken."""
        interp = self.interpretation(key)
        return f"口径：{interp.question}——采用“{interp.text(self.choose(key))}”"


def resolve_readings(fw: Framework, params: UnitParams) -> dict[str, str]:
    """Framework defaults (national ones where it is silent), overridden by the unit's params (checked already)."""
    in_force = fw.readings_in_force()
    chosen = {k: i.default for k, i in in_force.items()}
    chosen.update((k, str(v)) for k, v in params.interpretations.items() if k in in_force and v in in_force[k].options)
    return chosen


def _row_matches(node: Node, row: Row) -> bool:
    return node.personalised is not None and row.level2.strip() in node.personalised.level2


def check_references(fw: Framework, params: UnitParams, file: str) -> None:
    """Every id a params file names (judgements, claims, statements, rows) must exist in its framework."""
    problems = framework_problems(fw, params)
    if problems:
        raise ParamsError(file, problems)


def framework_problems(fw: Framework, params: UnitParams) -> list[tuple[str, str]]:
    """The ids a params file names that its framework does not have (indicators, items, measures, rows, readings)."""
    leaves = {n.id: n for _, n in fw.leaves()}
    problems: list[tuple[str, str]] = []

    def unknown_indicator(where: str, ind: str) -> None:
        problems.append((where, f"no indicator {ind!r} in framework {fw.id}{suggestion(ind, leaves)}"))

    for ind, items in params.judgements.items():
        if ind not in leaves:
            unknown_indicator(f"judgements.{ind}", ind)
            continue
        rule = leaves[ind].rule
        known = [i.id for i in (rule.checklist_items() if rule else [])]
        for item in items:
            if item not in known:
                problems.append((f"judgements.{ind}.{item}", f"no checklist item {item!r}{suggestion(item, known)}; "
                                 "items: " + (", ".join(known) or "none (this indicator is computed from figures)")))
    row_ids = {r.id for r in params.indicators if r.id}
    for ind in params.claims.scores:
        if ind not in leaves and ind not in row_ids:
            unknown_indicator(f"claims.scores.{ind}", ind)
    for section in ("not_assessed", "not_applicable"):  # a leaf of the framework, or one of the unit's own rows
        for ind in getattr(params, section):
            if ind not in leaves and ind not in row_ids:
                unknown_indicator(f"{section}.{ind}", ind)
    both = sorted(set(params.not_assessed) & set(params.not_applicable))
    problems += [(f"not_applicable.{i}", "is also listed under not_assessed; an indicator is one or the other")
                 for i in both]
    measures = fw.rate_measures()
    for i, rate in enumerate(params.claims.rates):
        if rate.measure not in measures:
            problems.append((f"claims.rates[{i}].measure", f"unknown measure {rate.measure!r}"
                             + (suggestion(rate.measure, measures) or "; known: " + ", ".join(sorted(measures)))))
    personal = [n for _, n in fw.leaves() if n.personalised]
    for i, row in enumerate(params.indicators):
        if not any(_row_matches(n, row) for n in personal):
            # personal holds personalised nodes only
            names = sorted({x for n in personal for x in n.personalised.level2})  # type: ignore[union-attr]
            problems.append((f"indicators[{i}].level2", f"{row.level2!r} matches no personalised indicator of "
                             f"framework {fw.id}; expected one of: {', '.join(names) or 'none'}"))
    in_force = fw.readings_in_force()
    for key, option in params.interpretations.items():
        if key not in in_force:
            problems.append((f"interpretations.{key}", f"framework {fw.id} has no such reading"
                             + (suggestion(key, in_force) or f"; its readings: {', '.join(in_force)}")))
        elif option not in in_force[key].options:
            problems.append((f"interpretations.{key}", f"expected one of {', '.join(in_force[key].options)}, "
                             f"found {option!r}"))
    return problems


def _status(parts: list[PartResult]) -> str:
    scored = [p for p in parts if p.score is not None]
    if not scored:
        return "not_assessed"
    return "scored" if len(scored) == len(parts) else "partly"


def _describe(target: Target | Actual | None) -> str | None:
    if target is None:
        return None
    if target.value is not None:
        op = getattr(target, "op", None) or ""
        if target.unit == "%":  # a rate the unit wrote, as written: 6.2%, not 6.20%
            return f"{op}{numbers.stated(target.value)}%"
        return f"{op}{numbers.with_unit(target.value, target.unit)}"  # money at two decimals, as every output prints it
    return target.text


class _RowBase(TypedDict):
    """What a ScoreRow knows before it is scored, shared by its scored, not-assessed and not-applicable forms."""

    id: str
    level1: str
    level2: str
    name: str
    weight: float | None
    criteria_max: float | None
    claimed_score: float | None
    rule_type: str
    role: str | None
    rule: NotRequired[str]  # a row of the unit's own table gets it from its scoring
    source: NotRequired[str | None]
    personalised: NotRequired[bool]
    deviation_note: NotRequired[str | None]
    target: NotRequired[str | None]
    actual: NotRequired[str | None]


@dataclass(frozen=True)
class LeafRows:
    """A leaf's score rows, and the option of each reading they consulted (their header's among them)."""

    rows: tuple[ScoreRow, ...]
    readings: tuple[tuple[str, str], ...]


@dataclass
class _Scorer:
    """Scores one unit's rows under one set of readings (pure; validation has already happened)."""

    params: UnitParams
    fw: Framework
    r: Readings
    file: str
    lint: list[LintProblem] = field(default_factory=list)
    # each leaf's rows and the readings they consulted (with their header's), by leaf id: a scoring of the same
    # params under other readings takes a leaf's rows from `earlier` when none of the readings it consulted changed
    leaves: dict[str, LeafRows] = field(default_factory=dict)
    earlier: dict[str, LeafRows] | None = None

    def round(self, x: float, weight: float) -> float:
        """A score as the table prints it (at the framework's precision), never above its weight.

        Full marks stay the weight itself, so rows rescaled to a header (5 × 50/45 = 5.5556 each) add up to it.
        """
        if x >= weight - 1e-9:
            return weight
        return min(weight, numbers.round_half_up(x, self.fw.score_places))

    def not_applicable_row(self, base: _RowBase, weight: float, why: str) -> ScoreRow:
        how = self.r.choose("not_applicable")
        note = f"不适用：{why}；{self.r.note('not_applicable')}"
        if how == "full_marks":
            return ScoreRow(**base, effective_weight=weight, score=weight, assessed_points=weight, verified_points=0.0,
                            status="not_applicable", value=None, value_unit="", notes=(note,))
        return ScoreRow(**base, effective_weight=weight, score=None, assessed_points=0.0, verified_points=0.0,
                        status="not_applicable", value=None, value_unit="", notes=(note,))

    def blank_weight(self, ancestors: tuple[Node, ...]) -> float | None:
        if self.r.choose("blank_weight") != "equal_share" or not ancestors or ancestors[-1].weight is None:
            return None
        siblings = ancestors[-1].children
        blank = [s for s in siblings if s.weight is None]
        return max(0.0, ancestors[-1].weight - sum(s.weight or 0 for s in siblings)) / len(blank)

    def rule_row(self, ancestors: tuple[Node, ...], node: Node) -> ScoreRow:
        level1, level2 = ancestors[0].name, ancestors[-1].name
        weight, notes = node.weight, []
        effective = weight
        if weight is None:
            effective = self.blank_weight(ancestors)
            notes.append(self.r.note("blank_weight"))
        rule = node.rule
        assert rule is not None
        base = _RowBase(id=node.id, level1=level1, level2=level2, name=node.name, weight=weight,
                    criteria_max=node.criteria_max(), claimed_score=self.params.claims.scores.get(node.id),
                    rule=rule.describe(effective or 0.0), rule_type=rule.type, role=node.role)
        if node.id in self.params.not_applicable and effective is not None:
            return self.not_applicable_row(base, effective, self.params.not_applicable[node.id])
        if effective is None or node.id in self.params.not_assessed:
            if node.id in self.params.not_assessed:
                notes.append(f"未评：{self.params.not_assessed[node.id]}")
            return ScoreRow(**base, effective_weight=effective or 0.0, score=None, assessed_points=0.0,
                            verified_points=0.0, status="not_assessed", value=None, value_unit="", notes=tuple(notes))
        ctx = RuleContext(self.params.figures, self.params.judgements.get(node.id, {}), self.r.choose, self.r.option,
                          self.r.option_text, self.r.note)
        try:
            parts = rule.score(effective, ctx, node.id, node.name)
        except ZeroDenominator as exc:
            raise ParamsError(self.file, [(f"figures.{p}", f"is {_value_at(self.params, p)}, but it is a denominator of "
                                           f"“{node.name}”; a denominator must be a usable number greater than 0 "
                                           "(leave it out if not stated)") for p in exc.paths]) from None
        except JudgementMismatch as exc:
            raise ParamsError(self.file, [(f"judgements.{node.id}.{exc.item}", str(exc))]) from None
        raw_max = sum(p.points for p in parts)
        scale = 1.0
        if weight is None:
            scale = effective / raw_max if raw_max else 1.0
        elif raw_max + 1e-9 < effective:
            notes.append(self.r.note("unreachable_weight"))
            if self.r.choose("unreachable_weight") == "scale_to_weight" and raw_max > 0:
                scale = effective / raw_max  # criteria worth 0 points cannot be scaled: they give 0 of 0
        veto = next((p for p in parts if p.veto), None)
        scored = [p for p in parts if p.score is not None]
        if veto is not None:
            score, assessed = 0.0, effective
            verified = effective if veto.basis == "verified" else 0.0
            notes.append(veto.veto_note)
        elif scored:
            # scored: score set; effective set once weighted
            score = self.round(sum(p.score for p in scored) * scale, effective)  # type: ignore[misc]
            assessed = min(effective, sum(p.points for p in scored) * scale)
            verified = min(assessed, sum(p.points for p in scored if p.basis == "verified") * scale)
        else:
            score, assessed, verified = None, 0.0, 0.0
        for p in parts:  # readings relied on and what the figures cover reach the row; a judgement's sources stay with it
            notes += [n for n in p.notes if n not in notes and not n.startswith(ITEM_NOTES)]
        first = next((p for p in parts if p.value is not None), None)
        if any(i.path.startswith("budget.") for p in parts for i in p.inputs):
            notes.append(self.budget_scope_note())
        return ScoreRow(**base, effective_weight=effective, score=score, assessed_points=assessed,
                        verified_points=verified, status="scored" if veto else _status(parts),
                        value=first.value if first else None, value_unit=first.value_unit if first else "",
                        parts=tuple(parts), notes=tuple(notes))

    def budget_scope_note(self) -> str:
        """What the row's budget figures cover, beside what the framework defines them on."""
        unit, framework = self.params.figures.budget_scope, self.fw.budget_scope
        if unit is None:
            return f"预算范围：报告未说明，按评价框架所定（{framework.label}）计" if framework else "预算范围：报告未说明"
        return f"预算范围：{unit}" + (f"；评价框架定义为{framework.label}" if framework and not framework.covers(unit) else "")

    def personal_rows(self, top: Node, node: Node, scale: float) -> list[ScoreRow]:
        out = []
        for row in (r for r in self.params.indicators if _row_matches(node, r)):
            weight = row.weight * scale
            notes = [self.r.note("row_weight_mismatch")] if scale != 1.0 else []
            claimed = row.claimed_score if row.claimed_score is not None else self.params.claims.scores.get(row.id or "")
            base = _RowBase(id=row.id or row.name, level1=top.name, level2=node.name, name=row.name, weight=row.weight,
                        criteria_max=None, claimed_score=claimed, source=row.source, personalised=True,
                        role=node.role, deviation_note=row.deviation_note, target=_describe(row.target),
                        actual=_describe(row.actual), rule_type="row")
            if not row.applicable:
                out.append(self.not_applicable_row({**base, "rule": "单位自设指标"}, weight, "单位填报为不适用"))
                continue
            why_na = self.params.not_applicable.get(row.id or "") or self.params.not_applicable.get(node.id)
            if why_na is not None:
                out.append(self.not_applicable_row({**base, "rule": "单位自设指标"}, weight, why_na))
                continue
            why_not = self.params.not_assessed.get(row.id or "") or self.params.not_assessed.get(node.id)
            if why_not is not None:  # the analyst's word that the evidence is missing outweighs the unit's row
                base["rule"] = "单位自设指标"
                out.append(ScoreRow(**base, effective_weight=weight, score=None,
                                    assessed_points=0.0, verified_points=0.0, status="not_assessed", value=None,
                                    value_unit="", notes=tuple(notes) + (f"未评：{why_not}",)))
                continue
            assert node.personalised is not None
            part = score_row(row, weight, node.personalised.default_op, self.r.choose, self.r.option, self.r.note,
                             self.fw.score_places)
            score = None if part.score is None else self.round(part.score, weight)
            scored = score is not None
            base["rule"] = part.rule
            out.append(ScoreRow(**base, effective_weight=weight, score=score,
                                assessed_points=weight if scored else 0.0,
                                verified_points=weight if scored and part.basis == "verified" else 0.0,
                                status="scored" if scored else "not_assessed", value=part.value,
                                value_unit=part.value_unit, parts=(part,), notes=tuple(notes) + part.notes))
        return out

    def unset_row(self, ancestors: tuple[Node, ...], node: Node) -> ScoreRow:
        """A row of the printed framework under which the unit set no indicator of its own (经济效益 where the
        framework says 有选择的进行设置): shown with its status, so the sheet lists every row of the framework.

        Its points are those the framework gives it (its weight, or its equal share of the blank weights of its
        parent) when the unit set no indicator beside it either, so the rows add up to what the framework prints;
        when the unit chose another kind beside it, that choice carries the points and this row carries none."""
        parent = ancestors[-1] if ancestors else None
        kinds = [n for n in (parent.children if parent else [node]) if n.personalised]
        chosen = any(_row_matches(n, r) for n in kinds for r in self.params.indicators)
        effective = 0.0 if chosen else node.weight if node.weight is not None else _equal_share(parent, node)
        why = ("单位已选择设置同类的其他指标，本项未设置" if chosen else
               "单位未设置该类个性化指标，资料未载明，其分值计入未评")
        return ScoreRow(id=node.id, level1=ancestors[0].name if ancestors else node.name,
                        level2=parent.name if parent is not None and len(ancestors) > 1 else node.name,
                        name=node.name, weight=node.weight,
                        effective_weight=effective, criteria_max=None, score=None, assessed_points=0.0,
                        verified_points=0.0, status="not_applicable" if chosen else "not_assessed", value=None,
                        value_unit="", claimed_score=None, rule="单位自设指标（个性化指标）", rule_type=UNSET_RULE, notes=(why,), personalised=True,
                        role=node.role)

    def header_scale(self, top: Node) -> float:
        """Rows under a level-1 header whose weights do not add up to it: rescaled to it, or as given."""
        rows = [r for r in self.params.indicators if any(_row_matches(n, r) for n in top.leaves())]
        if not rows or top.weight is None or not all(n.personalised for n in top.leaves()):
            return 1.0
        given = sum(r.weight for r in rows)
        if abs(given - top.weight) <= 1e-9:
            return 1.0
        self.lint.append(rows_vs_header(top, given))
        if given > 0 and self.r.choose("row_weight_mismatch") == "rescale_to_header":
            return top.weight / given
        return 1.0

    def rows(self) -> list[ScoreRow]:
        out: list[ScoreRow] = []
        for top in self.fw.indicators:
            self.r.consulted = set()
            scale = self.header_scale(top)
            by_header = self.r.consulted
            for ancestors, node in [(a, n) for a, n in self.fw.leaves() if (a[0] if a else n) is top]:
                self.r.consulted = set(by_header)
                before = self.earlier.get(node.id) if self.earlier is not None else None
                if before is not None and all(self.r.chosen[k] == option for k, option in before.readings):
                    rows = before.rows
                    self.r.used.update(k for k, _ in before.readings)
                elif node.personalised is None:
                    rows = (self.rule_row(ancestors or (node,), node),)
                else:
                    rows = tuple(self.personal_rows(top, node, scale) or [self.unset_row(ancestors, node)])
                if before is None or rows is not before.rows:
                    before = LeafRows(rows, tuple((k, self.r.chosen[k]) for k in sorted(self.r.consulted)))
                self.leaves[node.id] = before
                out += rows
        return out


def _equal_share(parent: Node | None, node: Node) -> float:
    """A row without a weight: its equal share of what its parent's weight leaves after the rows that have one."""
    if parent is None or parent.weight is None:
        return 0.0
    blank = [s for s in parent.children if s.weight is None]
    return max(0.0, parent.weight - sum(s.weight or 0 for s in parent.children)) / len(blank) if node in blank else 0.0


def _value_at(params: UnitParams, path: str) -> str:
    fig = figure_at(params.figures, path)
    return "not stated" if fig is None else repr(fig.value)


def _coverage(fw: Framework, rows: list[ScoreRow], as_given: bool) -> Coverage:
    na_rescaled = sum(r.effective_weight for r in rows if r.status == "not_applicable" and r.score is None)
    applicable = fw.total - na_rescaled
    if as_given and any(r.personalised for r in rows):
        applicable = sum(r.effective_weight for r in rows if not (r.status == "not_applicable" and r.score is None))
    return Coverage(applicable=applicable, assessed=sum(r.assessed_points for r in rows),
                    verified=sum(r.verified_points for r in rows),
                    not_applicable=sum(r.effective_weight for r in rows if r.status == "not_applicable"))


@dataclass(frozen=True)
class Verdict:
    """What the evidence supports: the total on 100 (complete only), the range of totals, the grade or why not."""

    total_on_100: float | None
    total_range: tuple[float, float] | None
    grade: str | None
    withheld: str | None
    assessed_rate: float | None
    basis: str | None
    claim_status: str | None


def _claim_status(claimed: float | None, span: tuple[float, float], on_100: float | None, places: int,
                  ceiling: float) -> str | None:
    """confirmed, contradicted, unverifiable, or absent (a self-evaluation that gives no total is incomplete, and says
    so). The recomputed totals are at the rules' precision (`places`), so a claim written finer (96.9649) is compared
    once rounded to it (96.96); the framework's full score (`ceiling`) is exact, so a claim above it is contradicted at
    the claim's own precision (100.001 is a claim to the thousandth)."""
    if claimed is None:
        return "absent"
    if claimed > ceiling + 0.5 * 10.0 ** -max(places, numbers.decimals(claimed)):
        return "contradicted"
    at_rules = numbers.round_half_up(claimed, places)
    if at_rules < span[0] or at_rules > span[1]:
        return "contradicted"
    if on_100 is None:
        return "unverifiable"
    return "confirmed" if at_rules == on_100 else "contradicted"


def _verdict(fw: Framework, rows: list[ScoreRow], total: float, cov: Coverage, grade_option: Option, places: int,
             claimed: float | None) -> Verdict:
    """The verdict: a grade only when every total the unassessed points allow falls in one band (or, where the
    framework declares it, on the lowest of them); an unassessed veto item can zero its indicator, so it lowers the
    range by the points that indicator earned."""
    if cov.applicable <= 0:
        return Verdict(None, None, None, "没有适用的指标", None, None, "absent" if claimed is None else "unverifiable")
    scale = fw.total / cov.applicable
    at_stake = sum(r.score or 0.0 for r in rows if r.open_vetoes)
    low = numbers.round_half_up(max(0.0, total - at_stake) * scale, places)
    high = numbers.round_half_up(min(cov.applicable, total + cov.not_assessed) * scale, places)
    complete = cov.not_assessed <= 1e-6 and at_stake == 0
    on_100 = numbers.round_half_up(total * scale, places) if complete else None
    rate = numbers.round_half_up(total / cov.assessed * 100, places) if cov.assessed > 0 else None
    v = fw.verdict
    reason, basis, grade = None, None, None
    lowest, highest = grade_of(low, grade_option), grade_of(high, grade_option)
    if cov.assessed_share + 1e-9 < v.min_assessed_share:
        reason = (f"可评分值不足：已评 {_p(cov.assessed)} 分，占应评 {_p(cov.applicable)} 分的 "
                  f"{_p(cov.assessed_share * 100)}%，低于评价框架要求的 {_p(v.min_assessed_share * 100)}%")
    elif cov.applicable and cov.verified / cov.applicable + 1e-9 < v.min_verified_share:
        reason = (f"经核实的分值不足：核实 {_p(cov.verified)} 分，低于评价框架要求的应评分值的 "
                  f"{_p(v.min_verified_share * 100)}%")
    elif complete:
        # complete: every point assessed, so on_100 is set
        grade, basis = grade_of(on_100, grade_option), f"全部应评分值均已评分，总分 {_p(on_100)} 分"  # type: ignore[arg-type]
    elif lowest == highest:
        grade, basis = lowest, f"未评部分无论得分多少，可能总分 {_p(low)}–{_p(high)} 分都在“{lowest}”等次内"
    elif v.grade_on == "lower_bound":
        grade, basis = lowest, f"按评价框架规定以可能总分下限 {_p(low)} 分定级（可能总分 {_p(low)}–{_p(high)} 分）"
    else:
        reason = (f"可能总分 {_p(low)}–{_p(high)} 分跨越“{highest}”至“{lowest}”等次，未评部分的得分决定等次，"
                  "不能据已评部分定级")
    return Verdict(on_100, (low, high), grade, reason, rate, basis, _claim_status(claimed, (low, high), on_100, places, fw.total))


def _p(x: float) -> str:
    return numbers.plain(x, 2)


def score_with(params: UnitParams, fw: Framework, chosen: dict[str, str], file: str = "<params>",
               framework_lint: Sequence[LintProblem] | None = None) -> ScoreSheet:
    """Score already-validated params under the given readings (used again for sensitivity and effects).

    framework_lint: lint_framework(fw), when the caller has it already (a unit rescored under other readings).
    """
    return _scored(params, fw, chosen, file, framework_lint)[0]


def _scored(params: UnitParams, fw: Framework, chosen: dict[str, str], file: str,
            framework_lint: Sequence[LintProblem] | None = None,
            earlier: dict[str, LeafRows] | None = None) -> tuple[ScoreSheet, dict[str, LeafRows]]:
    """The sheet, and each leaf's rows with the readings they consulted; given `earlier` (the same params' leaves
    under other readings), a leaf whose readings are unchanged keeps its rows."""
    r = Readings(fw, chosen)
    scorer = _Scorer(params, fw, r, file, list(lint_framework(fw) if framework_lint is None else framework_lint),
                     earlier=earlier)
    rows = scorer.rows()
    total = numbers.round_half_up(sum(x.score for x in rows if x.score is not None), fw.score_places)
    cov = _coverage(fw, rows, chosen.get("row_weight_mismatch") == "as_given")
    grade_option = r.option("grade_bands")
    v = _verdict(fw, rows, total, cov, grade_option, fw.score_places, params.claims.total)
    return ScoreSheet(
        unit=params.unit, framework=fw, rows=tuple(rows), total=total, coverage=cov, total_on_100=v.total_on_100,
        total_range=v.total_range, grade=v.grade, grade_withheld_reason=v.withheld, assessed_rate=v.assessed_rate,
        grade_basis=v.basis, claimed_total=params.claims.total, claimed_grade=params.claims.grade,
        claim_status=v.claim_status, readings=chosen,
        readings_used=tuple(k for k in chosen if k in r.used), lint=tuple(scorer.lint)), scorer.leaves


def score_params(params: UnitParams, fw: Framework, file: str | Path = "<params>") -> ScoreSheet:
    """Score validated params against a framework. Raises ParamsError for references that do not resolve."""
    file = str(file)
    check_references(fw, params, file)
    return score_with(params, fw, resolve_readings(fw, params), file)


def framework_of(params: UnitParams, file: str | Path) -> Framework:
    """The framework a unit names (an id, or a path relative to its params file); a bad name is the unit's problem."""
    base = Path(file).parent if str(file) and not str(file).startswith("<") else None
    try:
        return load_framework(params.unit.framework, relative_to=base)
    except FrameworkError as exc:
        if exc.problems and exc.problems[0].field == "" and exc.problems[0].problem.startswith(("unknown framework",
                                                                                              "no such framework")):
            raise ParamsError(str(file), [("unit.framework", f"{exc.file}: {exc.problems[0].problem}")]) from None
        raise


def score_file(path: str | Path) -> ScoreSheet:
    """Load, validate and score one params file."""
    return load_unit(path).sheet



@dataclass(frozen=True)
class ScoredUnit:
    """A unit's params with its framework and score sheet: what the checks read (outputs read the unit result)."""

    params: UnitParams
    framework: Framework
    sheet: ScoreSheet
    file: str = "<params>"
    # sheets under other readings, by reading and option: the checks and the sensitivity ask for some of the same
    # (not an argument, so that a copy of the unit with other params starts without them)
    _under: dict[tuple[tuple[str, str], ...], ScoreSheet | None] = field(default_factory=dict, init=False,
                                                                         compare=False, repr=False)

    def rescored(self, params: UnitParams | None = None, readings: dict[str, str] | None = None) -> ScoreSheet | None:
        """The sheet with changed params or readings, or None when that cannot be scored (e.g. a zero denominator).

        No validation runs again: a changed value or reading cannot break a reference, so this costs one scoring;
        the unit's own params under other readings are scored once however often they are asked for.
        """
        if params is None:
            key = tuple(sorted((readings or {}).items()))
            if key not in self._under:
                self._under[key] = self._score(self.params, readings)
            return self._under[key]
        return self._score(params, readings)

    @cached_property
    def leaves(self) -> dict[str, LeafRows]:
        """Each leaf's rows under the unit's own readings: a rescoring under other readings scores again only the
        leaves that consulted a reading changed (the sensitivity's nine rescorings were ~8 % of `score`).
        load_unit and score_unit keep them from the first scoring; otherwise they cost one scoring."""
        return _scored(self.params, self.framework, self.sheet.readings, "<rescored>", self.framework_lint)[1]

    @cached_property
    def framework_lint(self) -> tuple[LintProblem, ...]:
        """The framework's own arithmetic, found once for all the unit's rescorings (it depends on the framework
        alone; each scoring of a sensitivity found it again, a tenth of loading a report)."""
        return tuple(lint_framework(self.framework))

    def _score(self, params: UnitParams, readings: dict[str, str] | None) -> ScoreSheet | None:
        try:
            return _scored(params, self.framework, {**self.sheet.readings, **(readings or {})}, "<rescored>",
                           self.framework_lint, self.leaves if params is self.params else None)[0]
        except ParamsError:
            return None


def checked_unit(data: object, file: str | Path) -> tuple[UnitParams, Framework]:
    """Params data validated against the schema, its own references and its framework, every problem in one error."""
    checked = check_params(data)
    problems = list(checked.problems)
    fw = None
    if checked.params is not None and "unit" not in checked.invalid:
        try:
            fw = framework_of(checked.params, file)
        except ParamsError as exc:
            problems += [(p.field, p.problem) for p in exc.problems]
    if fw is not None and checked.params is not None:
        problems += framework_problems(fw, checked.params)
    if problems or checked.params is None or checked.invalid or fw is None:
        raise ParamsError(str(file), problems)
    return checked.params, fw


def load_unit(path: str | Path) -> ScoredUnit:
    """Load, validate and score one params file, keeping what the checks need beside the sheet."""
    params, fw = checked_unit(read_params_data(path), path)
    return _first_scoring(params, fw, resolve_readings(fw, params), str(path))


def _first_scoring(params: UnitParams, fw: Framework, chosen: dict[str, str], file: str) -> ScoredUnit:
    """A unit scored under its readings, its leaves kept for rescorings under others (ScoredUnit.leaves)."""
    sheet, leaves = _scored(params, fw, chosen, file)
    unit = ScoredUnit(params, fw, sheet, file)
    unit.__dict__["leaves"] = leaves  # what the cached property would score again
    return unit


def score_unit(params: UnitParams, fw: Framework, file: str | Path = "<params>") -> ScoredUnit:
    """Validate references and score params already loaded (e.g. read from a workbook)."""
    check_references(fw, params, str(file))
    return _first_scoring(params, fw, resolve_readings(fw, params), str(file))
