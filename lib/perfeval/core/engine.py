"""Score a unit against its framework: every indicator recomputed, totals, grade, claims beside them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FrameworkError, ParamsError
from .formulas import grade_of
from .framework import Framework, LintProblem, Node, criteria_max, lint_framework, load_framework
from .measures import InputValue, ZeroDenominator
from .params import Identity, Row, UnitParams, figure_at, load_params
from .rows import score_row
from .rules import JudgementMismatch, PartResult, RuleContext, run_indicator_rule

STATUS_LABEL = {"scored": "已评分", "partly": "部分评分", "not_assessed": "未评（资料未载明）",
                "not_applicable": "不适用"}


@dataclass(frozen=True)
class ScoreRow:
    """One third-level indicator as scored: weight, computed value, score, claim, and how."""

    id: str
    level1: str
    level2: str
    name: str
    weight: float | None
    effective_weight: float
    criteria_max: float | None
    score: float | None
    assessed_points: float
    status: str
    value: float | None
    value_unit: str
    claimed_score: float | None
    rule: str
    parts: tuple[PartResult, ...] = ()
    notes: tuple[str, ...] = ()
    source: str | None = None
    personalised: bool = False
    deviation_note: str | None = None
    target: str | None = None
    actual: str | None = None

    @property
    def inputs(self) -> tuple[InputValue, ...]:
        seen: dict[str, InputValue] = {}
        for part in self.parts:
            for i in part.inputs:
                seen.setdefault(i.path, i)
        return tuple(seen.values())


@dataclass(frozen=True)
class ScoreSheet:
    """A unit's whole score: rows, totals and the unit's own claims, plus what the framework lacks."""

    unit: Identity
    framework: Framework
    rows: tuple[ScoreRow, ...]
    total: float
    assessed_points: float
    applicable_points: float
    total_on_100: float | None
    grade: str | None
    grade_provisional: bool
    claimed_total: float | None
    claimed_grade: str | None
    interpretations: dict[str, str]
    interpretations_used: tuple[str, ...]
    lint: tuple[LintProblem, ...]
    params: UnitParams = field(repr=False, compare=False, default=None)  # type: ignore[assignment]

    @property
    def claimed_grade_recomputed(self) -> str | None:
        """The grade the unit's own claimed total implies."""
        return None if self.claimed_total is None else grade_of(self.claimed_total)


def resolve_interpretations(fw: Framework, params: UnitParams, file: str) -> dict[str, str]:
    """Framework defaults, overridden by the unit's params; unknown keys or options are errors."""
    chosen = {k: i.default for k, i in fw.interpretations.items()}
    problems = []
    for key, option in params.interpretations.items():
        if key not in fw.interpretations:
            problems.append((f"interpretations.{key}", f"framework {fw.id} has no such interpretation; known: "
                             + ", ".join(fw.interpretations)))
        elif option not in fw.interpretations[key].options:
            problems.append((f"interpretations.{key}", f"expected one of {', '.join(fw.interpretations[key].options)}"
                             f", found {option!r}"))
        else:
            chosen[key] = str(option)
    if problems:
        raise ParamsError(file, problems)
    return chosen


def _checklist_items(node: Node) -> set[str]:
    rule = node.rule or {}
    if "checklist" in rule:
        return {i["id"] for i in rule["checklist"]["items"]}
    if "composite" in rule:
        return {i["id"] for p in rule["composite"]["parts"] for i in p.get("checklist", {}).get("items", [])}
    return set()


def _measure_ids(fw: Framework) -> set[str]:
    ids = set()
    for _, node in fw.leaves():
        ids.add(node.id)
        if node.rule and "composite" in node.rule:
            ids |= {f"{node.id}.{p['id']}" for p in node.rule["composite"]["parts"]}
    return ids


def _row_matches(node: Node, row: Row) -> bool:
    return node.personalised is not None and row.level2.strip() in node.personalised.level2


def check_references(fw: Framework, params: UnitParams, file: str) -> None:
    """Every id a params file names (judgements, claims, statements, rows) must exist in its framework."""
    leaves = {n.id: n for _, n in fw.leaves()}
    problems: list[tuple[str, str]] = []
    for ind, items in params.judgements.items():
        if ind not in leaves:
            problems.append((f"judgements.{ind}", f"no indicator {ind!r} in framework {fw.id}"))
            continue
        known = _checklist_items(leaves[ind])
        for item in items:
            if item not in known:
                problems.append((f"judgements.{ind}.{item}", f"no checklist item {item!r}; items: "
                                 + (", ".join(sorted(known)) or "none (this indicator is computed from figures)")))
    row_ids = {r.id for r in params.indicators if r.id}
    for ind in params.claims.scores:
        if ind not in leaves and ind not in row_ids:
            problems.append((f"claims.scores.{ind}", f"no indicator {ind!r} in framework {fw.id}"))
    for ind in params.not_assessed:
        if ind not in leaves:
            problems.append((f"not_assessed.{ind}", f"no indicator {ind!r} in framework {fw.id}"))
    measures = _measure_ids(fw)
    for i, rate in enumerate(params.claims.rates):
        if rate.measure not in measures:
            problems.append((f"claims.rates[{i}].measure", f"unknown measure {rate.measure!r}; known: "
                             + ", ".join(sorted(measures))))
    for i, st in enumerate(params.claims.statements):
        try:
            figure_at(params.figures, st.figure)
        except KeyError:
            problems.append((f"claims.statements[{i}].figure", f"unknown figure path {st.figure!r}"))
    personal = [n for _, n in fw.leaves() if n.personalised]
    for i, row in enumerate(params.indicators):
        if not any(_row_matches(n, row) for n in personal):
            names = sorted({x for n in personal for x in n.personalised.level2})  # type: ignore[union-attr]
            problems.append((f"indicators[{i}].level2", f"{row.level2!r} matches no personalised indicator of "
                             f"framework {fw.id}; expected one of: {', '.join(names) or 'none'}"))
    if problems:
        raise ParamsError(file, problems)


def _blank_weight(ancestors: tuple[Node, ...], node: Node, choose) -> float | None:  # noqa: ANN001
    if choose("blank_weight") != "equal_share" or not ancestors or ancestors[-1].weight is None:
        return None
    siblings = ancestors[-1].children
    blank = [s for s in siblings if s.weight is None]
    return (ancestors[-1].weight - sum(s.weight or 0 for s in siblings)) / len(blank)


def _status(parts: list[PartResult]) -> str:
    scored = [p for p in parts if p.score is not None]
    if not scored:
        return "not_assessed"
    return "scored" if len(scored) == len(parts) else "partly"


def _rule_row(ancestors: tuple[Node, ...], node: Node, params: UnitParams, ctx_factory, note, choose,  # noqa: ANN001
              file: str) -> ScoreRow:
    level1, level2 = ancestors[0].name, ancestors[-1].name
    weight = node.weight
    notes: list[str] = []
    effective = weight
    if weight is None:
        effective = _blank_weight(ancestors, node, choose)
        notes.append(note("blank_weight"))
    claimed = params.claims.scores.get(node.id)
    cmax = criteria_max(node)
    base = dict(id=node.id, level1=level1, level2=level2, name=node.name, weight=weight, criteria_max=cmax,
                claimed_score=claimed, rule=next(iter(node.rule or {"": 0})))
    if effective is None or node.id in params.not_assessed:
        if node.id in params.not_assessed:
            notes.append(f"未评：{params.not_assessed[node.id]}")
        return ScoreRow(**base, effective_weight=effective or 0.0, score=None, assessed_points=0.0,
                        status="not_assessed", value=None, value_unit="", notes=tuple(notes))
    ctx = ctx_factory(node.id)
    try:
        parts = run_indicator_rule(node.rule, effective, ctx, node.id, node.name)
    except ZeroDenominator as exc:
        raise ParamsError(file, [(f"figures.{p}", f"is {_value_at(params, p)}, but it is a denominator of “{node.name}”; "
                                  "a denominator must be a usable number greater than 0 (leave it out if not stated)")
                                 for p in exc.paths]) from None
    except JudgementMismatch as exc:
        raise ParamsError(file, [(f"judgements.{node.id}.{exc.item}", str(exc))]) from None
    raw_max = sum(p.points for p in parts)
    scale = 1.0
    if weight is None:
        scale = effective / raw_max if raw_max else 1.0
    elif raw_max + 1e-9 < effective and choose("unreachable_weight") == "scale_to_weight":
        scale = effective / raw_max
        notes.append(note("unreachable_weight"))
    elif raw_max + 1e-9 < effective:
        notes.append(note("unreachable_weight"))
    veto = any(p.veto for p in parts)
    scored = [p for p in parts if p.score is not None]
    if veto:
        score, assessed = 0.0, effective
        notes.append("发现截留挤占挪用、虚列支出或重复申报、虚报冒领，本指标全部扣除")
    elif scored:
        score = min(effective, sum(p.score for p in scored) * scale)  # type: ignore[misc]
        assessed = min(effective, sum(p.points for p in scored) * scale)
    else:
        score, assessed = None, 0.0
    status = "scored" if veto else _status(parts)
    for p in parts:
        notes += [n for n in p.notes if n.startswith("口径") and n not in notes]
    first_value = next((p for p in parts if p.value is not None), None)
    return ScoreRow(**base, effective_weight=effective, score=score, assessed_points=assessed, status=status,
                    value=first_value.value if first_value else None,
                    value_unit=first_value.value_unit if first_value else "", parts=tuple(parts),
                    notes=tuple(notes))


def _value_at(params: UnitParams, path: str) -> str:
    fig = figure_at(params.figures, path)
    return "not stated" if fig is None else f"{fig.value:g}"


def _describe(target) -> str | None:  # noqa: ANN001
    if target is None:
        return None
    if target.value is not None:
        op = getattr(target, "op", None) or ""
        return f"{op}{target.value:g}{target.unit or ''}"
    return target.text


def score_params(params: UnitParams, fw: Framework, file: str | Path = "<params>") -> ScoreSheet:
    """Score validated params against a framework. Raises ParamsError for references that do not resolve."""
    file = str(file)
    chosen = resolve_interpretations(fw, params, file)
    check_references(fw, params, file)
    used: set[str] = set()

    def choose(key: str) -> str:
        used.add(key)
        return chosen[key]

    def note(key: str) -> str:
        used.add(key)
        interp = fw.interpretations[key]
        return f"口径：{interp.question}——采用“{interp.options[chosen[key]]}”"

    def ctx_factory(indicator_id: str) -> RuleContext:
        return RuleContext(params.figures, params.judgements.get(indicator_id, {}), choose, note, used)

    lint = list(lint_framework(fw))
    rows: list[ScoreRow] = []
    for top in fw.indicators:
        scale = 1.0
        personal_rows = [r for r in params.indicators if any(_row_matches(n, r) for n in top.leaves())]
        all_personal = all(n.personalised for n in top.leaves())
        if all_personal and personal_rows and top.weight is not None:
            given = sum(r.weight for r in personal_rows)
            if abs(given - top.weight) > 1e-9:
                lint.append(LintProblem("rows_vs_header", top.id,
                                        f"“{top.name}”标注 {top.weight:g} 分，单位填报各行分值合计 {given:g} 分", "error"))
                if given > 0 and "row_weight_mismatch" in chosen and choose("row_weight_mismatch") == "rescale_to_header":
                    scale = top.weight / given
        for ancestors, node in [(a, n) for a, n in fw.leaves() if (a[0] if a else n) is top]:
            if node.personalised is None:
                rows.append(_rule_row(ancestors or (node,), node, params, ctx_factory, note, choose, file))
                continue
            level1 = (ancestors or (node,))[0].name
            for row in (r for r in params.indicators if _row_matches(node, r)):
                weight = row.weight * scale
                notes = [note("row_weight_mismatch")] if scale != 1.0 else []
                claimed = row.claimed_score if row.claimed_score is not None else params.claims.scores.get(row.id or "")
                common = dict(id=row.id or row.name, level1=level1, level2=node.name, name=row.name,
                              weight=row.weight, criteria_max=None, claimed_score=claimed, source=row.source,
                              personalised=True, deviation_note=row.deviation_note,
                              target=_describe(row.target), actual=_describe(row.actual))
                if not row.applicable:
                    rows.append(ScoreRow(**common, effective_weight=0.0, score=None, assessed_points=0.0,
                                         status="not_applicable", value=None, value_unit="", rule="row",
                                         notes=("不适用，不计入总分，总分按其余分值折算",)))
                    continue
                part = score_row(row, weight, node.personalised.default_op, fw.qualitative_bands, choose, note)
                scored = part.score is not None
                rows.append(ScoreRow(**common, effective_weight=weight, score=part.score,
                                     assessed_points=weight if scored else 0.0,
                                     status="scored" if scored else "not_assessed", value=part.value,
                                     value_unit=part.value_unit, rule="row", parts=(part,),
                                     notes=tuple(notes) + part.notes))
    total = sum(r.score for r in rows if r.score is not None)
    assessed = sum(r.assessed_points for r in rows)
    not_applicable = sum(r.weight or 0 for r in rows if r.status == "not_applicable")
    applicable = fw.total - not_applicable if not_applicable else fw.total
    if "row_weight_mismatch" in chosen and chosen["row_weight_mismatch"] == "as_given":
        applicable = sum(r.effective_weight for r in rows if r.status != "not_applicable")
    on_100 = total / assessed * 100 if assessed > 0 else None
    complete = assessed >= applicable - 1e-6
    if complete and abs(applicable - 100) < 1e-9:
        on_100 = total
    return ScoreSheet(
        unit=params.unit, framework=fw, rows=tuple(rows), total=total, assessed_points=assessed,
        applicable_points=applicable, total_on_100=on_100,
        grade=grade_of(on_100) if on_100 is not None else None, grade_provisional=not complete,
        claimed_total=params.claims.total, claimed_grade=params.claims.grade, interpretations=chosen,
        interpretations_used=tuple(k for k in fw.interpretations if k in used), lint=tuple(lint), params=params)


def score_file(path: str | Path) -> ScoreSheet:
    """Load, validate and score one params file."""
    params = load_params(path)
    return score_params(params, framework_of(params, path), path)


def framework_of(params: UnitParams, file: str | Path) -> Framework:
    """The framework a unit names; an unknown name is a problem of the params file's unit.framework."""
    try:
        return load_framework(params.unit.framework)
    except FrameworkError as exc:
        if exc.file == params.unit.framework:
            raise ParamsError(str(file), [("unit.framework", exc.problems[0].problem)]) from None
        raise
