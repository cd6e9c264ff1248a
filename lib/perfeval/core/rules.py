"""The rule types of a framework, compiled once into typed objects (one class per type, as pandera registers checks).

Each rule owns its argument model (validated when the framework loads), the figures and readings it depends on,
the most points its printed criteria give, its checklist items, the rates it computes, its Chinese wording and
`score()`. Engine, lint, checks and the Excel layout ask these objects; nothing walks rule dictionaries.
"""
from dataclasses import dataclass, replace
from typing import Annotated, Any, Callable, Literal, Union

from .records import BeforeValidator, Discriminator, Field, Tag, field_validator, model_validator

from . import formulas, numbers
from .problems import used_twice
from .figures import unit_of
from .measures import (Alternative, Context, Denominator, FigurePath, Measure, Measured, Ratio, ZeroDenominator,
                       alternative, denominator_of)
from .params import Case, Figures
from .readings import Option, Spec

Points = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=1000)]
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9_]{1,60}$")]


class JudgementMismatch(Exception):
    """A judgement's kind does not fit its checklist item (e.g. a count for a yes/no item)."""

    def __init__(self, item: str, message: str) -> None:
        super().__init__(message)
        self.item = item


@dataclass(frozen=True)
class PartResult:
    """One scored criterion: its points, score (None = not assessed), value and what it used.

    value is the rate as the rule used it (at the framework's rate precision); exact_value is unrounded.
    basis: self_reported or verified — what the score rests on (a judgement's basis, or its figures').
    """

    id: str
    label: str
    points: float
    score: float | None
    rule: str
    value: float | None = None
    value_unit: str = ""
    exact_value: float | None = None
    inputs: tuple[Any, ...] = ()
    notes: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    veto: bool = False
    veto_note: str = ""
    basis: str = "self_reported"
    can_veto: bool = False  # a veto item: found failing, it zeroes the whole indicator (so unassessed, it might)
    denominator: Denominator | None = None
    unscorable: bool = False  # stated, but not scorable as stated (a target and an actual that cannot be compared)


class RuleContext(Context):
    """What a rule may read: the unit's figures, its judgements for this indicator, and the readings."""

    def __init__(self, figures: Figures, judgements: dict[str, Case], choose: Callable[[str], str],
                 option: Callable[[str], Option], option_text: Callable[[str, str], str],
                 note: Callable[[str], str]) -> None:
        super().__init__(figures, choose, option_text)
        self.judgements = judgements
        self.option = option
        self.note = note  # reading key -> the note a row shows when it relied on that reading

    def places(self) -> int | None:
        """Decimals a computed rate is rounded to before banding or deducting (the rate_precision reading)."""
        return self.option("rate_precision").places


def pct(x: float) -> str:
    """A limit or band bound as the rule prints it: 95%, 0.5%."""
    return numbers.exact(x) + "%"


def pts(x: float) -> str:
    """Points as the rule prints them: 2, 1.5, 0.25."""
    return numbers.plain(x, 4)


def _basis(inputs: list[Any]) -> str:
    return "verified" if inputs and all(i.basis == "verified" for i in inputs) else "self_reported"


def _measured(pid: str, label: str, points: float, score: float | None, text: str, m: Measured, ctx: RuleContext,
              value: float | None, notes: list[str] | None = None, unit: str = "%",
              denominator: Denominator | None = None) -> PartResult:
    extra = []
    for n in m.notes:
        extra.append(ctx.note(n.split(":", 1)[1]) if n.startswith("interpretation:") else n)
    if any(not i.covers for i in m.inputs):
        score = None  # a figure the analyst judged not to stand for this indicator: not assessed, said beside it
    return PartResult(pid, label, points, score, text, value, unit if m.value is not None else "", m.value,
                      tuple(m.inputs), tuple(extra + (notes or [])), tuple(m.missing), tuple(m.alternatives),
                      basis=_basis(m.inputs), denominator=denominator)


class RuleBase(Spec):
    """What every rule type answers; scoring happens in score()."""

    def figures(self) -> set[str]:
        return set()

    def readings(self) -> set[str]:
        """Every reading key this rule consults (engine readings and the framework's own)."""
        return set()

    def option_maps(self) -> list[tuple[str, set[str], bool, str]]:
        """(reading, options this rule maps, must it map every declared option, where) for load-time checks."""
        return []

    def criteria_max(self, weight: float | None) -> float | None:
        """Most points the printed criteria give (None when the rule is scored against the weight it is given)."""
        return None

    def checklist_items(self) -> list["ChecklistItem"]:
        return []

    def rate_measures(self) -> list[tuple[str, str]]:
        """(part id or '', label) of every rate this rule computes: what a unit's stated rates can name."""
        return []

    def describe(self, points: float) -> str:
        raise NotImplementedError

    def score(self, points: float, ctx: RuleContext, pid: str, label: str) -> list[PartResult]:
        raise NotImplementedError

    def score_at(self, points: float, part: str, rate: float, choose: Callable[[str], str]) -> float | None:
        """The points the rate it computes (of `part`, '' for the rule itself) would score, were it `rate` at the
        precision scored: what a stated rate, taken for the recomputed one, would move. None: not a rate rule."""
        return None


class MeasuredRule(RuleBase):
    """A rule that scores one computed rate."""

    measure: Measure

    def figures(self) -> set[str]:
        return self.measure.figures()

    def readings(self) -> set[str]:
        return {"rate_precision"} | self.measure.readings()

    def rate_measures(self) -> list[tuple[str, str]]:
        return [("", "")]

    def _rate(self, ctx: RuleContext) -> tuple[Measured, float | None, Denominator | None]:
        """The measured rate, the rate as scored (at the framework's precision) and what it divides by."""
        m = self.measure.evaluate(ctx)
        if m.exact is None:
            return m, None, None
        return m, numbers.at_precision(m.exact, ctx.places()), denominator_of(self.measure, ctx)


class Band(Spec):
    min: Number | None = None
    max: Number | None = None
    min_open: bool = False
    max_open: bool = False
    score: Points

    def text(self) -> str:
        lo = "" if self.min is None else (f">{pct(self.min)}" if self.min_open else f"≥{pct(self.min)}")
        hi = "" if self.max is None else (f"<{pct(self.max)}" if self.max_open else f"≤{pct(self.max)}")
        return f"{'且'.join(x for x in (lo, hi) if x) or '其他'} 得 {pts(self.score)} 分"


class Bands(MeasuredRule):
    """Score by the band the computed rate falls in (bounds inclusive unless *_open)."""

    type: Literal["bands"] = "bands"
    bands: list[Band] = Field(min_length=1)

    def score_at(self, points: float, part: str, rate: float, choose: Callable[[str], str]) -> float | None:
        return formulas.band_score(rate, self.bands)

    def describe(self, points: float) -> str:
        return f"{self.measure.describe()}；" + "；".join(b.text() for b in self.bands)

    def score(self, points: float, ctx: RuleContext, pid: str, label: str) -> list[PartResult]:
        m, value, den = self._rate(ctx)
        score = None if value is None else formulas.band_score(value, self.bands)
        notes = [f"计算值 {pct(value)} 不在评分标准所列任何档次内，无法计分"] if value is not None and score is None else []
        return [_measured(pid, label, points, score, self.describe(points), m, ctx, value, notes, denominator=den)]


class CappedRatio(MeasuredRule):
    """Points × rate ÷ 100, capped at points; `compare` keeps the same rate on other denominators beside it."""

    type: Literal["capped_ratio"] = "capped_ratio"
    compare: dict[str, Measure] = {}

    def figures(self) -> set[str]:
        return super().figures().union(*(m.figures() for m in self.compare.values()))

    def describe(self, points: float) -> str:
        return f"{self.measure.describe()}；得分 = {pts(points)} × 比率，最高 {pts(points)} 分"

    def score_at(self, points: float, part: str, rate: float, choose: Callable[[str], str]) -> float | None:
        return formulas.higher_is_better(points, rate, 100.0)

    def score(self, points: float, ctx: RuleContext, pid: str, label: str) -> list[PartResult]:
        m, value, den = self._rate(ctx)
        if value is not None:
            m.alternatives += [alternative(name, name, spec, ctx) for name, spec in self.compare.items()]
        score = None if value is None else formulas.higher_is_better(points, value, 100.0)
        return [_measured(pid, label, points, score, self.describe(points), m, ctx, value, denominator=den)]


class Checkpoint(Spec):
    measure: Measure
    limit: Number


class Clause(Spec):
    """A further ceiling the framework's definition sets on the same spending (“不超当年预算，不超上年决算”).

    Where the reading `interpretation` maps to true, its excess is deducted like the main rate's, the larger of the
    two counting; its figures not stated, the clause is not assessed (never zero) and, since it could take every
    point, the row's score stays at stake in the range of totals.
    """

    id: Id
    label: Annotated[str, Field(min_length=1, max_length=200)]
    measure: Measure
    limit: Number
    interpretation: str
    scored: dict[str, bool] = Field(min_length=1)  # option of the reading -> does the clause deduct


class DeductPerPoint(RuleBase):
    """Full points within the limit, minus per_point for each percentage point beyond it (扣完为止)."""

    type: Literal["deduct_per_point"] = "deduct_per_point"
    measure: Measure | None = None
    checkpoints: Annotated[list[Checkpoint], Field(min_length=1)] | None = None
    limit: Number = 0.0
    direction: Literal["over", "under", "either"]
    per_point: Points
    clauses: list[Clause] = []

    @model_validator(mode="after")
    def _one_source(self) -> "DeductPerPoint":
        if (self.measure is None) == (self.checkpoints is None):
            raise ValueError("give either measure (with limit) or checkpoints, not both and not neither")
        if self.clauses and self.checkpoints is not None:
            raise ValueError("clauses go with one measure, not with checkpoints")
        return self

    def _measures(self) -> list[tuple[Measure, float]]:
        if self.checkpoints is not None:
            return [(c.measure, c.limit) for c in self.checkpoints]
        # without checkpoints both are set (validated at load)
        return [(self.measure, self.limit)]  # type: ignore[list-item]

    def figures(self) -> set[str]:
        return set().union(*(m.figures() for m, _ in self._measures()), *(c.measure.figures() for c in self.clauses))

    def readings(self) -> set[str]:
        return {"per_point_fraction", "rate_precision"}.union(
            *(m.readings() for m, _ in self._measures()),
            *({c.interpretation} | c.measure.readings() for c in self.clauses))

    def option_maps(self) -> list[tuple[str, set[str], bool, str]]:
        return [(c.interpretation, set(c.scored), True, f"clauses.{c.id}.scored") for c in self.clauses]

    def rate_measures(self) -> list[tuple[str, str]]:
        return [] if self.checkpoints is not None else [("", "")]

    def score_at(self, points: float, part: str, rate: float, choose: Callable[[str], str]) -> float | None:
        if self.checkpoints is not None:
            return None
        excess = formulas.excess_points(rate, self.limit, self.direction)
        # the reading's options are the modes (checked at load)
        mode: formulas.PointMode = choose("per_point_fraction")  # type: ignore[assignment]
        return formulas.deduct(points, self.per_point, formulas.counted_points(excess, mode))

    def describe(self, points: float) -> str:
        word = {"over": "每超出", "under": "每低于", "either": "每偏离"}[self.direction]
        tail = f"{word}1个百分点扣 {pts(self.per_point)} 分，扣完为止"
        if self.checkpoints is not None:
            limits = "、".join(f"{c.measure.describe()}≥{pct(c.limit)}" for c in self.checkpoints)
            return f"{limits} 得 {pts(points)} 分，{tail}"
        op = {"over": "≤", "under": "≥", "either": "="}[self.direction]
        also = "".join(f"；{c.label}：{c.measure.describe()}{op}{pct(c.limit)}" for c in self.clauses)
        if also:
            tail += "，超出两项限额的按超出较多者扣分"
        cut = "；" if also else " "
        # without checkpoints the measure is set (validated at load)
        return f"{self.measure.describe()}；{op}{pct(self.limit)}{also}{cut}得 {pts(points)} 分，{tail}"  # type: ignore[union-attr]

    def score(self, points: float, ctx: RuleContext, pid: str, label: str) -> list[PartResult]:
        text = self.describe(points)
        measured = [(m.evaluate(ctx), limit) for m, limit in self._measures()]
        merged = Measured(None, [i for m, _ in measured for i in m.inputs], [x for m, _ in measured for x in m.missing],
                          [n for m, _ in measured for n in m.notes], [a for m, _ in measured for a in m.alternatives])
        if merged.missing:
            return [_measured(pid, label, points, None, text, merged, ctx, None)]
        places = ctx.places()
        # every measured value is set: a missing one returned above
        values = [numbers.at_precision(m.exact, places) for m, _ in measured]  # type: ignore[arg-type]
        excess = sum(formulas.excess_points(v, limit, self.direction) for v, (_, limit) in zip(values, measured))
        notes: list[str] = []
        open_clauses: list[PartResult] = []
        for clause in self.clauses:
            excess, found = self._clause(clause, points, excess, ctx, merged, notes)
            open_clauses += found
        mode = ctx.choose("per_point_fraction")
        # the reading's options are the modes (checked at load)
        counted = formulas.counted_points(excess, mode)  # type: ignore[arg-type]
        score = formulas.deduct(points, self.per_point, counted)
        if excess != int(excess) and excess > 0 and formulas.deduct(points, self.per_point, excess) > 0:
            notes.append(ctx.note("per_point_fraction"))  # the reading changed the score only when not fully deducted
        # every measured value is set: a missing one returned above
        merged.exact = min(m.exact for m, _ in measured)  # type: ignore[type-var]
        den = denominator_of(self.measure, ctx) if self.measure is not None else None
        return [_measured(pid, label, points, score, text, merged, ctx, min(values), notes, denominator=den),
                *open_clauses]

    def _clause(self, clause: Clause, points: float, excess: float, ctx: RuleContext, merged: Measured,
                notes: list[str]) -> tuple[float, list[PartResult]]:
        """The excess that counts once the clause is weighed, and the clause as a part when it cannot be assessed."""
        if not clause.scored[ctx.choose(clause.interpretation)]:
            notes.append(ctx.note(clause.interpretation))
            return excess, []
        try:
            m = clause.measure.evaluate(ctx)
        except ZeroDenominator:  # last year's 决算 was 0: any spending this year exceeds it by every point
            spent = clause.measure.args[0].evaluate(ctx) if isinstance(clause.measure, Ratio) else None
            if spent is None or spent.exact is None or spent.exact <= 0:
                notes.append(f"{clause.label}：上年为 0，本年亦为 0，未超出")
                return excess, []
            notes.append(f"{clause.label}：上年为 0，本年 {numbers.plain(spent.exact)}，超出上年，按评分标准扣完")
            return (max(excess, points / self.per_point) if self.per_point > 0 else excess), []
        if m.exact is None:
            return excess, [PartResult(
                clause.id, clause.label, 0.0, None, f"{clause.measure.describe()} ≤ {pct(clause.limit)}",
                inputs=tuple(m.inputs), missing=tuple(m.missing), can_veto=True,
                notes=(f"“{clause.label}”未评：报告未载明{'、'.join(i.label for i in m.inputs if i.value is None)}；"
                       "若超出，按评分标准可扣至 0 分",))]
        value = numbers.at_precision(m.exact, ctx.places())
        over = formulas.excess_points(value, clause.limit, self.direction)
        merged.inputs += [i for i in m.inputs if i.path not in {j.path for j in merged.inputs}]
        said = f"{clause.label}：{clause.measure.describe()} = {pct(value)}"
        if over > excess:
            notes.append(f"{said}，超出 {numbers.plain(over, 4)} 个百分点，多于超出预算的部分，按此扣分")
            return over, []
        notes.append(f"{said}，" + ("未超出" if over <= 0 else f"超出 {numbers.plain(over, 4)} 个百分点，不多于超出预算的部分"))
        return excess, []


class Condition(RuleBase):
    """Points when a comparison of a figure with another figure (or a number) holds, else 0."""

    type: Literal["condition"] = "condition"
    left: FigurePath
    op: Literal["<=", ">=", "<", ">", "="]
    right: Measure

    def figures(self) -> set[str]:
        return self.left.figures() | self.right.figures()

    def describe(self, points: float) -> str:
        return f"{self.left.describe()} {self.op} {self.right.describe()} 得 {pts(points)} 分，否则不得分"

    def score(self, points: float, ctx: RuleContext, pid: str, label: str) -> list[PartResult]:
        left, right = self.left.evaluate(ctx), self.right.evaluate(ctx)
        m = Measured(left.exact, left.inputs + right.inputs, left.missing + right.missing)
        unit = unit_of(self.left.path)
        if m.missing:
            return [_measured(pid, label, points, None, self.describe(points), Measured(None, m.inputs, m.missing), ctx,
                              None, unit=unit)]
        ok = _OPS[self.op](left.exact, right.exact)
        return [_measured(pid, label, points, points if ok else 0.0, self.describe(points), m, ctx, left.value,
                          unit=unit)]


_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b, "<": lambda a, b: a < b, ">": lambda a, b: a > b,
    "=": lambda a, b: a == b}  # Decimals of the figures as written: equal is equal


class CountGap(Spec):
    """A count no printed band covers: which reading settles it, and the score each option gives."""

    interpretation: str
    options: dict[str, Points] = Field(min_length=1)


class CaseGap(Spec):
    """A number of cases no printed band covers: which reading settles it, and the deduction per case of each option
    (0: the item keeps its points)."""

    interpretation: str
    options: dict[str, Points] = Field(min_length=1)


class CountBand(Band):
    """A band over a count (of indicators, of cases), not a rate."""

    def text(self) -> str:
        return super().text().replace("%", "个")


class ChecklistItem(Spec):
    """One item of a checklist, judged by the analyst: met, cases found, a count, or a discretionary score.

    text: the criterion as the framework prints it (shown in reports); without it a plain reading of the flags.
    """

    id: Id
    label: Annotated[str, Field(min_length=1, max_length=200)]
    points: Points
    text: str | None = None
    per_case: Points | None = None
    veto: bool = False
    zero_on_case: bool = False
    discretionary: bool = False
    garbled: str | None = None
    count_bands: list[CountBand] | None = None
    count_gap: CountGap | None = None
    case_bands: list[CountBand] | None = None
    case_gap: CaseGap | None = None

    @model_validator(mode="after")
    def _one_way_to_deduct(self) -> "ChecklistItem":
        ways = [n for n in ("per_case", "count_bands", "case_bands") if getattr(self, n) is not None]
        ways += [n for n in ("veto", "zero_on_case") if getattr(self, n)]
        if len(ways) > 1:
            raise ValueError(f"item {self.id!r}: choose one of {', '.join(ways)}")
        if self.count_gap and not self.count_bands:
            raise ValueError(f"item {self.id!r}: count_gap needs count_bands")
        if self.case_gap and not self.case_bands:
            raise ValueError(f"item {self.id!r}: case_gap needs case_bands")
        return self

    def readings(self) -> set[str]:
        keys = {g.interpretation for g in (self.count_gap, self.case_gap) if g}
        return keys | ({self.garbled} if self.garbled else set())

    def rule_text(self) -> str:
        if self.text:
            return self.text
        if self.veto:
            return f"计 {pts(self.points)} 分；发现1例不符，本指标全部扣除"
        if self.zero_on_case:
            return f"计 {pts(self.points)} 分；发现1例不符，本项不得分"
        if self.per_case is not None:
            return f"计 {pts(self.points)} 分；每例不符扣 {pts(self.per_case)} 分，扣完为止"
        if self.count_bands:
            return "；".join(b.text() for b in self.count_bands)
        if self.case_bands:
            return "按不符个数：" + "；".join(b.text() for b in self.case_bands)
        if self.discretionary:
            return f"计 {pts(self.points)} 分；否则酌情扣分"
        return f"符合计 {pts(self.points)} 分，否则不得分"

    def score(self, case: Case | None, ctx: RuleContext) -> tuple[float | None, list[str]]:
        """The item's score from the analyst's judgement (None: not judged), and notes on how it was reached."""
        if case is None:
            return None, []
        notes = [f"依据：{case.source}"] if case.source else []
        if case.verified:
            notes.append(f"已核实：{case.verified.document}（{case.verified.by}，{case.verified.date}）")
        if case.note:
            notes.append(case.note)
        if self.garbled and case.score is None:
            raise JudgementMismatch(self.id, f"the printed criterion is garbled; give score (0 to {pts(self.points)})")
        if self.garbled:
            if ctx.choose(self.garbled) == "not_assessed":
                return None, notes + [ctx.note(self.garbled)]
            notes.append(ctx.note(self.garbled))
        if case.score is not None:
            if case.score > self.points + 1e-9:
                raise JudgementMismatch(self.id, f"score {pts(case.score)} is more than the item's {pts(self.points)} points")
            return case.score, notes + ["评价人员酌情给分"]
        if case.count is not None:
            if not self.count_bands:
                raise JudgementMismatch(self.id, "this item takes met, cases or score, not count")
            got = formulas.band_score(case.count, self.count_bands)
            if got is None and self.count_gap:
                got = self.count_gap.options[ctx.choose(self.count_gap.interpretation)]
                notes.append(ctx.note(self.count_gap.interpretation))
            return got, notes
        if self.count_bands:
            raise JudgementMismatch(self.id, "this item needs count (how many), or score")
        if case.met is not None:
            return (self.points if case.met else 0.0), notes
        cases = case.cases or 0
        if self.veto or self.zero_on_case:
            return (0.0 if cases else self.points), notes
        if self.per_case is not None:
            return formulas.deduct(self.points, self.per_case, cases), notes
        if self.case_bands:
            got = formulas.band_score(cases, self.case_bands)
            if got is None and self.case_gap:
                per_case = self.case_gap.options[ctx.choose(self.case_gap.interpretation)]
                notes.append(ctx.note(self.case_gap.interpretation))
                got = formulas.deduct(self.points, per_case, cases)
            return got, notes
        return (self.points if cases == 0 else 0.0), notes


class Checklist(RuleBase):
    """Items judged by the analyst, each with its points; a veto item failing zeroes the whole indicator."""

    type: Literal["checklist"] = "checklist"
    items: list[ChecklistItem] = Field(min_length=1)

    @field_validator("items")
    @classmethod
    def _unique(cls, items: list[ChecklistItem]) -> list[ChecklistItem]:
        twice = used_twice([x.id for x in items])
        if twice:
            raise ValueError(f"item id {twice[0]!r} is used twice")
        return items

    def readings(self) -> set[str]:
        return set().union(*(i.readings() for i in self.items))

    def option_maps(self) -> list[tuple[str, set[str], bool, str]]:
        out = []
        for i in self.items:
            for name, gap in (("count_gap", i.count_gap), ("case_gap", i.case_gap)):
                if gap:
                    out.append((gap.interpretation, set(gap.options), True, f"items.{i.id}.{name}"))
        return out

    def criteria_max(self, weight: float | None) -> float:
        return sum(i.points for i in self.items)

    def checklist_items(self) -> list[ChecklistItem]:
        return list(self.items)

    def describe(self, points: float) -> str:
        return "；".join(f"{i.label}：{i.rule_text()}" for i in self.items)

    def score(self, points: float, ctx: RuleContext, pid: str, label: str) -> list[PartResult]:
        out = []
        for item in self.items:
            case = ctx.judgements.get(item.id)
            got, notes = item.score(case, ctx)
            veto = item.veto and got == 0.0 and case is not None
            out.append(PartResult(item.id, item.label, item.points, got, item.rule_text(), notes=tuple(notes),
                                  veto=veto, veto_note=f"“{item.label}”发现不符，按评分标准本指标全部扣除" if veto else "",
                                  basis=case.basis if case else "self_reported", can_veto=item.veto))
        return out


class Unspecified(RuleBase):
    """The framework gives no rule; a reading picks one (an option without a rule leaves it not assessed)."""

    type: Literal["unspecified"] = "unspecified"
    interpretation: str
    options: dict[str, "Rule"] = {}

    def figures(self) -> set[str]:
        return set().union(*(r.figures() for r in self.options.values()))

    def readings(self) -> set[str]:
        return {self.interpretation}.union(*(r.readings() for r in self.options.values()))

    def option_maps(self) -> list[tuple[str, set[str], bool, str]]:
        return [(self.interpretation, set(self.options), False, "options")] + [
            m for r in self.options.values() for m in r.option_maps()]

    def rate_measures(self) -> list[tuple[str, str]]:
        return [m for r in self.options.values() for m in r.rate_measures()][:1]

    def describe(self, points: float) -> str:
        return "框架未给出评分标准"

    def score_at(self, points: float, part: str, rate: float, choose: Callable[[str], str]) -> float | None:
        rule = self.options.get(choose(self.interpretation))
        return rule.score_at(points, part, rate, choose) if rule else None

    def score(self, points: float, ctx: RuleContext, pid: str, label: str) -> list[PartResult]:
        option = ctx.choose(self.interpretation)
        note = ctx.note(self.interpretation)
        if option not in self.options:
            return [PartResult(pid, label, points, None, self.describe(points), notes=(note,))]
        return [replace(p, notes=p.notes + (note,)) for p in self.options[option].score(points, ctx, pid, label)]


class Part(Spec):
    """One criterion of a composite indicator, with its own points and rule."""

    id: Id
    label: Annotated[str, Field(min_length=1, max_length=200)]
    points: Points
    rule: "Rule"

    @model_validator(mode="before")
    @classmethod
    def _inline_rule(cls, data: Any) -> Any:
        """In YAML a part carries its rule beside id, label and points: {id, label, points, bands: {...}}."""
        if isinstance(data, dict) and "rule" not in data:
            rule = {k: v for k, v in data.items() if k not in ("id", "label", "points")}
            if len(rule) != 1:
                raise ValueError("a part gives id, label, points and exactly one rule (e.g. bands: {...})")
            return {**{k: v for k, v in data.items() if k in ("id", "label", "points")}, "rule": rule}
        return data


class Composite(RuleBase):
    """Several criteria, each with its own points and rule; the indicator scores their sum."""

    type: Literal["composite"] = "composite"
    parts: list[Part] = Field(min_length=1)

    @field_validator("parts")
    @classmethod
    def _unique(cls, parts: list[Part]) -> list[Part]:
        twice = used_twice([x.id for x in parts])
        if twice:
            raise ValueError(f"part id {twice[0]!r} is used twice")
        return parts

    def figures(self) -> set[str]:
        return set().union(*(p.rule.figures() for p in self.parts))

    def readings(self) -> set[str]:
        return set().union(*(p.rule.readings() for p in self.parts))

    def option_maps(self) -> list[tuple[str, set[str], bool, str]]:
        return [(k, o, full, f"parts.{p.id}.{w}") for p in self.parts for k, o, full, w in p.rule.option_maps()]

    def criteria_max(self, weight: float | None) -> float:
        return sum(p.points for p in self.parts)

    def checklist_items(self) -> list[ChecklistItem]:
        return [i for p in self.parts for i in p.rule.checklist_items()]

    def rate_measures(self) -> list[tuple[str, str]]:
        return [(p.id, p.label) for p in self.parts if p.rule.rate_measures()]

    def describe(self, points: float) -> str:
        return "；".join(f"{p.label}（{pts(p.points)}分）：{p.rule.describe(p.points)}" for p in self.parts)

    def score_at(self, points: float, part: str, rate: float, choose: Callable[[str], str]) -> float | None:
        found = next((p for p in self.parts if p.id == part), None)
        return found.rule.score_at(found.points, "", rate, choose) if found else None

    def score(self, points: float, ctx: RuleContext, pid: str, label: str) -> list[PartResult]:
        out: list[PartResult] = []
        for part in self.parts:
            for r in part.rule.score(part.points, ctx, part.id, part.label):
                out.append(r if r.id == part.id else replace(r, id=f"{part.id}.{r.id}"))
        return out


RULE_TYPES = ("checklist", "deduct_per_point", "bands", "condition", "capped_ratio", "composite", "unspecified")


def _normalise(data: Any) -> Any:
    """YAML's `rule_type: {arguments}` to a tagged record."""
    if isinstance(data, dict) and "type" not in data:
        if len(data) != 1:
            raise ValueError("a rule is one mapping of rule type to its arguments, e.g. bands: {...}")
        kind, args = next(iter(data.items()))
        if kind not in RULE_TYPES:
            raise ValueError(f"unknown rule type {kind!r}; known types: {', '.join(RULE_TYPES)}")
        if not isinstance(args, dict):
            raise ValueError(f"the arguments of {kind} are a mapping, found {type(args).__name__}")
        return {"type": kind, **args}
    return data


def _rule_tag(data: Any) -> str | None:
    return data.get("type") if isinstance(data, dict) else getattr(data, "type", None)


Rule = Annotated[
    Union[Annotated[Checklist, Tag("checklist")], Annotated[DeductPerPoint, Tag("deduct_per_point")],
          Annotated[Bands, Tag("bands")], Annotated[Condition, Tag("condition")],
          Annotated[CappedRatio, Tag("capped_ratio")], Annotated[Composite, Tag("composite")],
          Annotated[Unspecified, Tag("unspecified")]],
    Discriminator(_rule_tag),
    BeforeValidator(_normalise),
]

