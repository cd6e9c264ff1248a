"""The rule types of a framework: each turns a unit's figures and judgements into scored parts."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from . import formulas
from .framework import (Bands, CappedRatio, Checklist, ChecklistItem, Condition, DeductPerPoint, Gap, Part,
                        RuleCall, Spec, Unspecified, parse_rule, part_rule)
from .measures import InputValue, Measured, evaluate
from .figures import label_of, unit_of
from .params import Case, Figures


class JudgementMismatch(Exception):
    """A judgement's kind does not fit its checklist item (e.g. a count for a yes/no item)."""

    def __init__(self, item: str, message: str) -> None:
        super().__init__(message)
        self.item = item


@dataclass(frozen=True)
class PartResult:
    """One scored criterion: its points, score (None = not assessed), value and what it used."""

    id: str
    label: str
    points: float
    score: float | None
    rule: str
    value: float | None = None
    value_unit: str = ""
    inputs: tuple[InputValue, ...] = ()
    notes: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, float | None], ...] = ()
    veto: bool = False


@dataclass
class RuleContext:
    """What a rule may read: the unit's figures, its judgements for this indicator, interpretations."""

    figures: Figures
    judgements: dict[str, Case]
    choose: Callable[[str], str]
    note: Callable[[str], str]  # interpretation key -> the note a row shows when it relied on it
    used: set[str] = field(default_factory=set)

    def interpret(self, key: str) -> str:
        self.used.add(key)
        return self.choose(key)


def _measured_part(part_id: str, label: str, points: float, score: float | None, rule: str, m: Measured,
                   ctx: RuleContext, notes: list[str] | None = None) -> PartResult:
    extra = [ctx.note(n.split(":", 1)[1]) if n.startswith("interpretation:") else n for n in m.notes]
    for n in m.notes:
        if n.startswith("interpretation:"):
            ctx.used.add(n.split(":", 1)[1])
    return PartResult(part_id, label, points, score, rule, m.value, "%", tuple(m.inputs),
                      tuple(extra + (notes or [])), tuple(m.missing), tuple(m.alternatives.items()))


def _pct(x: float) -> str:
    return f"{x:g}%"


def rule_deduct_per_point(args: DeductPerPoint, points: float, ctx: RuleContext, pid: str, label: str) -> PartResult:
    word = {"over": "每超出", "under": "每低于", "either": "每偏离"}[args.direction]
    if args.checkpoints:
        limits = "、".join(_pct(c.limit) for c in args.checkpoints)
        text = f"各节点分别达到 {limits} 得 {points:g} 分，{word}1个百分点扣 {args.per_point:g} 分，扣完为止"
        parts = [evaluate(c.measure, ctx.figures, ctx.choose) for c in args.checkpoints]
        merged = Measured(None, [i for p in parts for i in p.inputs], [m for p in parts for m in p.missing])
        if merged.missing:
            return _measured_part(pid, label, points, None, text, merged, ctx)
        excess = sum(formulas.excess_points(p.value, c.limit, args.direction)
                     for p, c in zip(parts, args.checkpoints))
        merged.value = min(p.value for p in parts)
    else:
        op = {"over": "≤", "under": "≥", "either": "="}[args.direction]
        text = f"{op}{_pct(args.limit)} 得 {points:g} 分，{word}1个百分点扣 {args.per_point:g} 分，扣完为止"
        merged = evaluate(args.measure, ctx.figures, ctx.choose)
        if merged.value is None:
            return _measured_part(pid, label, points, None, text, merged, ctx)
        excess = formulas.excess_points(merged.value, args.limit, args.direction)
    mode = ctx.interpret("per_point_fraction")
    counted = formulas.counted_points(excess, mode)  # type: ignore[arg-type]
    notes = [ctx.note("per_point_fraction")] if excess != int(excess) and excess > 0 else []
    if excess > 0 and formulas.deduct(points, args.per_point, counted) == 0 and notes:
        notes = []  # fully deducted whichever way fractions count: the reading did not matter
    return _measured_part(pid, label, points, formulas.deduct(points, args.per_point, counted), text, merged, ctx, notes)


def rule_bands(args: Bands, points: float, ctx: RuleContext, pid: str, label: str) -> PartResult:
    def band_text(b) -> str:  # noqa: ANN001
        lo = "" if b.min is None else (f">{b.min:g}%" if b.min_open else f"≥{b.min:g}%")
        hi = "" if b.max is None else (f"<{b.max:g}%" if b.max_open else f"≤{b.max:g}%")
        cond = "且".join(x for x in (lo, hi) if x) or "其他"
        return f"{cond} 得 {b.score:g} 分"

    text = "；".join(band_text(b) for b in args.bands)
    m = evaluate(args.measure, ctx.figures, ctx.choose)
    score = None if m.value is None else formulas.band_score(m.value, [b.model_dump() for b in args.bands])
    return _measured_part(pid, label, points, score, text, m, ctx)


def rule_capped_ratio(args: CappedRatio, points: float, ctx: RuleContext, pid: str, label: str) -> PartResult:
    text = f"得分 = {points:g} × 完成比率，最高 {points:g} 分"
    m = evaluate(args.measure, ctx.figures, ctx.choose)
    for name, spec in args.compare.items():
        m.alternatives[name] = evaluate(spec, ctx.figures, ctx.choose).value
    score = None if m.value is None else formulas.higher_is_better(points, m.value, 100.0)
    return _measured_part(pid, label, points, score, text, m, ctx)


_OPS = {"<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b, "<": lambda a, b: a < b,
        ">": lambda a, b: a > b, "=": lambda a, b: abs(a - b) < 1e-9}


def rule_condition(args: Condition, points: float, ctx: RuleContext, pid: str, label: str) -> PartResult:
    right_label = label_of(args.right) if isinstance(args.right, str) else f"{args.right:g}"
    text = f"{label_of(args.left)} {args.op} {right_label} 得 {points:g} 分，否则不得分"
    left = evaluate(args.left, ctx.figures, ctx.choose)
    right = evaluate(args.right, ctx.figures, ctx.choose)
    m = Measured(left.value, left.inputs + right.inputs, left.missing + right.missing)
    if m.missing:
        return _measured_part(pid, label, points, None, text, Measured(None, m.inputs, m.missing), ctx)
    ok = _OPS[args.op](left.value, right.value)
    part = _measured_part(pid, label, points, points if ok else 0.0, text, m, ctx)
    return PartResult(**{**part.__dict__, "value_unit": unit_of(args.left)})


def _gap_value(gap: Gap | None, ctx: RuleContext) -> float | str | None:
    return None if gap is None else gap.options[ctx.interpret(gap.interpretation)]


def score_item(item: ChecklistItem, case: Case | None, ctx: RuleContext) -> tuple[float | None, bool, list[str]]:
    """Score one checklist item from the analyst's judgement: (score, vetoes the indicator, notes)."""
    if case is None:
        return None, False, []
    notes = [f"依据：{case.source}"] if case.source else []
    if case.note:
        notes.append(case.note)
    if item.garbled and case.score is None:
        raise JudgementMismatch(item.id, f"the printed criterion is garbled; give score (0 to {item.points:g})")
    if item.garbled:
        if ctx.interpret(item.garbled) == "not_assessed":
            return None, False, notes + [ctx.note(item.garbled)]
        notes.append(ctx.note(item.garbled))
    if case.score is not None:
        if case.score > item.points + 1e-9:
            raise JudgementMismatch(item.id, f"score {case.score:g} is more than the item's {item.points:g} points")
        return case.score, False, notes + ["评价人员酌情给分"]
    if case.count is not None:
        if not item.count_bands:
            raise JudgementMismatch(item.id, "this item takes met, cases or score, not count")
        got = formulas.band_score(case.count, [b.model_dump() for b in item.count_bands])
        if got is None:
            got = float(_gap_value(item.count_gap, ctx))  # type: ignore[arg-type]
            notes.append(ctx.note(item.count_gap.interpretation))  # type: ignore[union-attr]
        return got, False, notes
    if item.count_bands:
        raise JudgementMismatch(item.id, "this item needs count (how many), or score")
    if case.met is not None:
        if item.veto and not case.met:
            return 0.0, True, notes
        return (item.points if case.met else 0.0), False, notes
    cases = case.cases or 0
    if item.veto:
        return (0.0, True, notes) if cases else (item.points, False, notes)
    if item.zero_on_case:
        return (0.0 if cases else item.points), False, notes
    if item.per_case is not None:
        return formulas.deduct(item.points, item.per_case, cases), False, notes
    if item.case_bands:
        got = formulas.band_score(cases, [b.model_dump() for b in item.case_bands])
        if got is None:
            option = _gap_value(item.case_gap, ctx)
            notes.append(ctx.note(item.case_gap.interpretation))  # type: ignore[union-attr]
            got = item.points if option == "keep" else formulas.deduct(item.points, float(option), cases)  # type: ignore[arg-type]
        return got, False, notes
    return (item.points if cases == 0 else 0.0), False, notes


def _item_rule_text(item: ChecklistItem) -> str:
    if item.veto:
        return f"计 {item.points:g} 分；发现1例本指标全部扣除"
    if item.zero_on_case:
        return f"计 {item.points:g} 分；发现未上缴本项不得分"
    if item.per_case is not None:
        return f"计 {item.points:g} 分；每例不符扣 {item.per_case:g} 分，扣完为止"
    if item.count_bands:
        return f"按个数分档，最高 {item.points:g} 分"
    if item.discretionary:
        return f"计 {item.points:g} 分；否则酌情扣分"
    return f"符合计 {item.points:g} 分，否则不得分"


def rule_checklist(args: Checklist, ctx: RuleContext) -> list[PartResult]:
    out = []
    for item in args.items:
        score, veto, notes = score_item(item, ctx.judgements.get(item.id), ctx)
        out.append(PartResult(item.id, item.label, item.points, score, _item_rule_text(item),
                              notes=tuple(notes), veto=veto))
    return out


def run_rule(call: RuleCall, points: float, ctx: RuleContext, pid: str, label: str) -> list[PartResult]:
    """Dispatch one rule call to its function; a checklist yields one part per item."""
    args: Spec = call.args
    if isinstance(args, Checklist):
        return rule_checklist(args, ctx)
    if isinstance(args, DeductPerPoint):
        return [rule_deduct_per_point(args, points, ctx, pid, label)]
    if isinstance(args, Bands):
        return [rule_bands(args, points, ctx, pid, label)]
    if isinstance(args, CappedRatio):
        return [rule_capped_ratio(args, points, ctx, pid, label)]
    if isinstance(args, Condition):
        return [rule_condition(args, points, ctx, pid, label)]
    if isinstance(args, Unspecified):
        option = ctx.interpret(args.interpretation)
        if option not in args.options:
            return [PartResult(pid, label, points, None, "框架未给出评分标准", notes=(ctx.note(args.interpretation),))]
        parts = run_rule(parse_rule(args.options[option], pid), points, ctx, pid, label)
        return [PartResult(**{**p.__dict__, "notes": p.notes + (ctx.note(args.interpretation),)}) for p in parts]
    raise TypeError(f"no rule function for {type(args).__name__}")


def run_indicator_rule(rule: dict, weight: float, ctx: RuleContext, indicator_id: str, name: str) -> list[PartResult]:
    """All scored parts of one indicator's rule (composite parts each run their own rule)."""
    if "composite" in rule:
        parts = [Part.model_validate(p) for p in rule["composite"]["parts"]]
        out: list[PartResult] = []
        for part in parts:
            sub = RuleContext(ctx.figures, ctx.judgements, ctx.choose, ctx.note, ctx.used)
            out += [PartResult(**{**r.__dict__, "id": f"{part.id}" if r.id == part.id else f"{part.id}.{r.id}"})
                    for r in run_rule(part_rule(part), part.points, sub, part.id, part.label)]
        return out
    return run_rule(parse_rule(rule, indicator_id), weight, ctx, indicator_id, name)

