"""Indicator frameworks as data: the schema of a framework file, loading it, and its arithmetic lint."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import FrameworkError, InputFileError
from ..fileio import read_yaml
from .params import describe_errors
from ..paths import FRAMEWORKS_DIR

Points = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0)]


class Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Interpretation(Spec):
    """A documented reading of a gap in the printed framework; params may choose another option."""

    question: str
    default: str
    options: dict[str, str]

    @model_validator(mode="after")
    def _default_is_option(self) -> "Interpretation":
        if self.default not in self.options:
            raise ValueError(f"default {self.default!r} is not one of the options {sorted(self.options)}")
        return self


class Band(Spec):
    min: float | None = None
    max: float | None = None
    min_open: bool = False
    max_open: bool = False
    score: Points


class Gap(Spec):
    """Which interpretation settles a value that no band covers, and what each option gives."""

    interpretation: str
    options: dict[str, float | str]


class ChecklistItem(Spec):
    id: str
    label: str
    points: Points
    per_case: Points | None = None
    veto: bool = False
    zero_on_case: bool = False
    discretionary: bool = False
    garbled: str | None = None
    count_bands: list[Band] | None = None
    count_gap: Gap | None = None
    case_bands: list[Band] | None = None
    case_gap: Gap | None = None


class Checklist(Spec):
    items: list[ChecklistItem]


class Checkpoint(Spec):
    measure: Any
    limit: float


class DeductPerPoint(Spec):
    """Full points within the limit, minus per_point for each percentage point beyond it."""

    measure: Any = None
    checkpoints: list[Checkpoint] | None = None
    limit: float = 0.0
    direction: Literal["over", "under", "either"]
    per_point: Points

    @model_validator(mode="after")
    def _one_source(self) -> "DeductPerPoint":
        if (self.measure is None) == (self.checkpoints is None):
            raise ValueError("give either measure (with limit) or checkpoints, not both and not neither")
        return self


class Bands(Spec):
    measure: Any
    bands: list[Band]

    @model_validator(mode="after")
    def _not_empty(self) -> "Bands":
        if not self.bands:
            raise ValueError("bands must list at least one band")
        return self


class Condition(Spec):
    left: str
    op: Literal["<=", ">=", "<", ">", "="]
    right: str | float


class CappedRatio(Spec):
    """Points × rate / 100, capped at points (rate from a measure in %)."""

    measure: Any
    compare: dict[str, Any] = {}


class Unspecified(Spec):
    """The framework gives no rule; an interpretation picks one (or none)."""

    interpretation: str
    options: dict[str, dict[str, Any]]


RULE_TYPES: dict[str, type[Spec]] = {
    "checklist": Checklist,
    "deduct_per_point": DeductPerPoint,
    "bands": Bands,
    "condition": Condition,
    "capped_ratio": CappedRatio,
    "unspecified": Unspecified,
}


class Part(Spec):
    """One scored criterion of a composite indicator, with its own points and rule."""

    model_config = ConfigDict(extra="allow", frozen=True)
    id: str
    label: str
    points: Points


class Personalised(Spec):
    """Rows of this indicator come from the unit's own 绩效自评表 lines whose level-2 name matches."""

    level2: list[str]
    default_op: Literal[">=", "<=", "="] = ">="


class Node(Spec):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,60}$")]
    name: str
    aliases: list[str] = []
    weight: Points | None
    note: str | None = None
    rule: dict[str, Any] | None = None
    personalised: Personalised | None = None
    children: list["Node"] = []

    @model_validator(mode="after")
    def _shape(self) -> "Node":
        kinds = sum(x is not None and x != [] for x in (self.rule, self.personalised, self.children or None))
        if kinds != 1:
            raise ValueError(f"indicator {self.id!r} needs exactly one of rule, personalised or children")
        if self.rule is not None and len(self.rule) != 1:
            raise ValueError(f"indicator {self.id!r}: a rule is one mapping of rule type to arguments")
        return self

    def leaves(self) -> list["Node"]:
        return [self] if not self.children else [leaf for c in self.children for leaf in c.leaves()]


class QualitativeBand(Spec):
    min: float
    max: float


class Framework(Spec):
    id: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,60}$")]
    name: str
    source: str
    total: Points
    interpretations: dict[str, Interpretation] = {}
    qualitative_bands: dict[Literal["achieved", "partly", "not"], QualitativeBand] = {
        "achieved": QualitativeBand(min=0.8, max=1.0),
        "partly": QualitativeBand(min=0.5, max=0.8),
        "not": QualitativeBand(min=0.0, max=0.5),
    }
    indicators: list[Node]

    def nodes(self) -> list[tuple[tuple[Node, ...], Node]]:
        """Every node with its ancestors, depth first."""
        out: list[tuple[tuple[Node, ...], Node]] = []

        def walk(node: Node, ancestors: tuple[Node, ...]) -> None:
            out.append((ancestors, node))
            for child in node.children:
                walk(child, ancestors + (node,))

        for top in self.indicators:
            walk(top, ())
        return out

    def leaves(self) -> list[tuple[tuple[Node, ...], Node]]:
        return [(a, n) for a, n in self.nodes() if not n.children]


class RuleCall(NamedTuple):
    """A rule spec split into its type name and validated arguments."""

    kind: str
    args: Spec


def parse_rule(spec: dict[str, Any], where: str) -> RuleCall:
    """Validate one {rule_type: arguments} mapping; say which types exist when the name is wrong."""
    if not isinstance(spec, dict) or len(spec) != 1:
        raise ValueError(f"{where}: a rule is one mapping of rule type to arguments")
    kind, args = next(iter(spec.items()))
    if kind not in RULE_TYPES:
        raise ValueError(f"{where}: unknown rule type {kind!r}; known types: {', '.join(RULE_TYPES)}"
                         " (or composite)")
    try:
        return RuleCall(kind, RULE_TYPES[kind].model_validate(args))
    except ValidationError as exc:
        detail = "; ".join(f"{f or kind}: {m}" for f, m in describe_errors(exc))
        raise ValueError(f"{where}: {detail}") from None


def part_rule(part: Part) -> RuleCall:
    """The single rule a composite part carries beside id, label and points."""
    extra = {k: v for k, v in (part.model_extra or {}).items()}
    return parse_rule(extra, f"part {part.id}")


def _check_rules(fw: Framework) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for _, node in fw.leaves():
        if node.rule is None:
            continue
        kind = next(iter(node.rule))
        where = f"indicators.{node.id}.rule"
        try:
            if kind == "composite":
                parts = [Part.model_validate(p) for p in node.rule["composite"]["parts"]]
                for part in parts:
                    call = part_rule(part)
                    _check_interpretations(fw, call, f"{where}.{part.id}")
            else:
                call = parse_rule(node.rule, where)
                _check_interpretations(fw, call, where)
        except (ValueError, KeyError, TypeError, ValidationError) as exc:
            problems.append((where, str(exc)))
    return problems


def _check_interpretations(fw: Framework, call: RuleCall, where: str) -> None:
    keys: list[str] = []
    if isinstance(call.args, Unspecified):
        keys.append(call.args.interpretation)
    if isinstance(call.args, Checklist):
        for item in call.args.items:
            keys += [g.interpretation for g in (item.count_gap, item.case_gap) if g]
            keys += [item.garbled] if item.garbled else []
    for key in keys:
        if key not in fw.interpretations:
            raise ValueError(f"{where}: names interpretation {key!r}, which the framework does not define")


def parse_framework(data: Any, file: str | Path) -> Framework:
    """Validate a framework mapping, including every rule's arguments."""
    if not isinstance(data, dict):
        raise FrameworkError(str(file), [("", "expected a mapping at the top level")])
    try:
        fw = Framework.model_validate(data)
    except ValidationError as exc:
        raise FrameworkError(str(file), describe_errors(exc)) from None
    problems = _check_rules(fw)
    ids = [n.id for _, n in fw.nodes()]
    problems += [("indicators", f"indicator id {i!r} is used twice") for i in sorted({i for i in ids if ids.count(i) > 1})]
    if problems:
        raise FrameworkError(str(file), problems)
    return fw


def available_frameworks() -> dict[str, Path]:
    """Framework id → file, for every framework shipped with the package."""
    return {p.stem: p for p in sorted(FRAMEWORKS_DIR.glob("*.yaml"))}


@lru_cache(maxsize=32)
def _load_file(path: str) -> Framework:
    try:
        data = read_yaml(path)
    except InputFileError as exc:
        raise FrameworkError(exc.file, exc.problems) from None
    return parse_framework(data, path)


def load_framework(name_or_path: str | Path) -> Framework:
    """A shipped framework by id, or a framework file by path (a bureau's own variant)."""
    known = available_frameworks()
    if str(name_or_path) in known:
        return _load_file(str(known[str(name_or_path)]))
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return _load_file(str(path.resolve()))
    raise FrameworkError(str(name_or_path), [("", f"unknown framework; shipped frameworks: {', '.join(known)}")])


class LintProblem(NamedTuple):
    """A problem in a framework's own arithmetic."""

    code: str
    indicator: str
    message: str
    severity: str


def criteria_max(node: Node) -> float | None:
    """Most points the printed criteria of a leaf can give, or None when it has no fixed criteria."""
    if node.rule is None:
        return None
    kind, args = next(iter(node.rule.items()))
    if kind == "composite":
        return sum(float(p["points"]) for p in args["parts"])
    if kind == "checklist":
        return sum(float(i["points"]) for i in args["items"])
    return node.weight


def lint_framework(fw: Framework) -> list[LintProblem]:
    """Framework arithmetic: sub-weights against headers, totals, criteria that cannot reach the weight."""
    problems: list[LintProblem] = []
    top = sum(n.weight or 0 for n in fw.indicators)
    if abs(top - fw.total) > 1e-9:
        problems.append(LintProblem("total_not_100", "", f"一级指标分值合计 {top:g} 分，不等于总分 {fw.total:g} 分", "error"))
    for _, node in fw.nodes():
        if node.children:
            blank = [c.name for c in node.children if c.weight is None]
            fixed = sum(c.weight or 0 for c in node.children)
            if blank and node.weight is not None and not all(c.personalised for c in node.children):
                problems.append(LintProblem(
                    "blank_weights", node.id,
                    f"“{node.name}”（{node.weight:g}分）下的三级指标 {'、'.join(blank)} 未给出分值", "warning"))
            elif not blank and node.weight is not None and abs(fixed - node.weight) > 1e-9:
                problems.append(LintProblem(
                    "subweights_mismatch", node.id,
                    f"“{node.name}”标注 {node.weight:g} 分，其下指标分值合计 {fixed:g} 分", "error"))
        else:
            cmax = criteria_max(node)
            if cmax is not None and node.weight is not None and cmax + 1e-9 < node.weight:
                problems.append(LintProblem(
                    "criteria_below_weight", node.id,
                    f"“{node.name}”分值 {node.weight:g} 分，评分标准合计只有 {cmax:g} 分", "warning"))
            if cmax is not None and node.weight is not None and cmax > node.weight + 1e-9:
                problems.append(LintProblem(
                    "criteria_above_weight", node.id,
                    f"“{node.name}”分值 {node.weight:g} 分，评分标准合计 {cmax:g} 分，超过分值", "error"))
            if node.rule and "unspecified" in node.rule:
                problems.append(LintProblem(
                    "no_rule", node.id, f"“{node.name}”（{node.weight:g}分）没有评分标准", "warning"))
        if node.note:
            problems.append(LintProblem("label_note", node.id, f"“{node.name}”：{node.note}", "info"))
    for key, interp in fw.interpretations.items():
        problems.append(LintProblem("rule_gap", key, f"{interp.question}（本工具默认：{interp.options[interp.default]}）", "info"))
    return problems
