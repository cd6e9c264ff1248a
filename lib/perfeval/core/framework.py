"""Indicator frameworks as data: the schema of a framework file, compiled once into typed rules and readings.

A framework loads only if every rule, reading and figure it names is known: a misspelt reading key, an option
the engine cannot apply or an unknown figure fails the load with the file, the YAML path and the fix. So a
framework that loads always scores (`lint` is load plus arithmetic). A framework may live in the package
(by id) or anywhere on disk (by path), and may extend another, changing only the defaults of its readings.
"""
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal

from .records import Field, ValidationError, model_validator

from . import framework_cache
from .problems import describe_errors, used_twice
from .figures import suggestion
from .readings import ENGINE_READINGS, GradeBand, Interpretation, Option, Spec, option_problems
from .rules import ChecklistItem, Rule
from ..errors import FrameworkError, InputFileError
from ..fileio import read_yaml
from ..paths import FRAMEWORKS_DIR, not_regular

Weight = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=1000)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9_]{1,60}$")]
Role = Literal["satisfaction", "cost", "budget_execution"]


class Personalised(Spec):
    """Rows of this indicator come from the unit's own 绩效自评表 lines whose level-2 name matches."""

    level2: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    default_op: Literal[">=", "<=", "="] = ">="


class Node(Spec):
    """An indicator: a heading with children, or a leaf scored by a rule or by the unit's own rows.

    role marks what the checks must recognise without reading names: satisfaction (满意度), cost (成本).
    """

    id: Id
    name: Annotated[str, Field(min_length=1, max_length=120)]
    aliases: list[str] = []
    weight: Weight | None
    note: str | None = None
    role: Role | None = None
    rule: Rule | None = None
    personalised: Personalised | None = None
    children: list["Node"] = []

    @model_validator(mode="after")
    def _shape(self) -> "Node":
        kinds = sum(x is not None and x != [] for x in (self.rule, self.personalised, self.children or None))
        if kinds != 1:
            raise ValueError(f"indicator {self.id!r} needs exactly one of rule, personalised or children")
        return self

    def leaves(self) -> list["Node"]:
        return [self] if not self.children else [leaf for c in self.children for leaf in c.leaves()]

    def criteria_max(self) -> float | None:
        """Most points the printed criteria give (None for rows and for rules scored against the weight)."""
        return None if self.rule is None else self.rule.criteria_max(self.weight)


class Verdict(Spec):
    """How much of the framework must be assessed (and verified) before a total earns a grade."""

    min_assessed_share: Annotated[float, Field(strict=True, ge=0, le=1)] = 0.9
    min_verified_share: Annotated[float, Field(strict=True, ge=0, le=1)] = 0.0
    # range: a grade only when every total the unassessed points allow falls in one band (else withheld with the
    # range); lower_bound: the grade of the lowest possible total, said so beside it (a bureau's declared choice)
    grade_on: Literal["range", "lower_bound"] = "range"


class BudgetScope(Spec):
    """What the framework's budget figures (预算执行率 …) are defined on, and how a unit's stated scope that is the
    same one begins (部门整体…): a unit's figures.budget_scope starting otherwise is another scope."""

    label: Annotated[str, Field(min_length=1, max_length=200)]
    same: list[Annotated[str, Field(min_length=1, max_length=40)]] = []

    def covers(self, stated: str) -> bool:
        return stated == self.label or any(stated.startswith(word) for word in self.same)


class Framework(Spec):
    """A whole framework: its tree of indicators, its readings and how a grade is given."""

    id: Id
    name: Annotated[str, Field(min_length=1, max_length=200)]
    source: Annotated[str, Field(min_length=1, max_length=400)]
    total: Weight
    score_places: Annotated[int, Field(strict=True, ge=0, le=4)] = 2
    verdict: Verdict = Verdict()
    budget_scope: BudgetScope | None = None
    interpretations: dict[str, Interpretation] = {}
    indicators: list[Node] = Field(min_length=1)

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

    def leaf(self, indicator_id: str) -> Node | None:
        return next((n for _, n in self.leaves() if n.id == indicator_id), None)

    def reading(self, key: str) -> Interpretation:
        """The framework's declaration of a reading, or the national default the engine applies."""
        if key in self.interpretations:
            return self.interpretations[key]
        national = ENGINE_READINGS[key].national if key in ENGINE_READINGS else None
        if national is None:
            raise KeyError(key)  # a loaded framework declares every reading it needs; see _reading_problems
        return national

    def readings_in_force(self) -> dict[str, Interpretation]:
        """Every reading this framework's scoring may consult: declared ones and the national defaults it relies on."""
        return {key: self.reading(key) for key in sorted(needed_readings(self) | set(self.interpretations))}

    def checklist_items(self) -> list[tuple[Node, ChecklistItem]]:
        """Every checklist item of every indicator, in framework order."""
        return [(n, i) for _, n in self.leaves() if n.rule for i in n.rule.checklist_items()]

    def rate_measures(self) -> dict[str, str]:
        """Measure id ('staffing_control.on_duty_rate') → Chinese name: what a unit's stated rates may name."""
        out: dict[str, str] = {}
        for _, node in self.leaves():
            for part, label in node.rule.rate_measures() if node.rule else ():
                out[f"{node.id}.{part}" if part else node.id] = f"{node.name}·{label}" if part else node.name
        return out

    def has_personalised(self) -> bool:
        return any(n.personalised for _, n in self.leaves())


def needed_readings(fw: Framework) -> set[str]:
    """Every reading key the framework's scoring consults, from its rules and its shape."""
    keys = {"grade_bands", "not_applicable"}
    for _, node in fw.leaves():
        if node.rule is not None:
            keys |= node.rule.readings()
            cmax = node.criteria_max()
            if node.weight is None:
                keys.add("blank_weight")
            elif cmax is not None and cmax + 1e-9 < node.weight:
                keys.add("unreachable_weight")
    if fw.has_personalised():
        keys |= {"qualitative_default", "qualitative_bands", "equal_target_rule", "lower_is_better", "basic_wording",
                 "deviation_threshold"}
    if any(top.weight is not None and all(n.personalised for n in top.leaves()) for top in fw.indicators):
        keys.add("row_weight_mismatch")  # rows under such a header may not add up to it
    return keys


def _reading_problems(fw: Framework) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    declared = set(fw.interpretations)
    for key, interp in fw.interpretations.items():
        problems += [(f"interpretations.{key}", p) for p in option_problems(key, interp)]
    needed = needed_readings(fw)
    for key in sorted(needed - declared):
        spec = ENGINE_READINGS.get(key)
        if spec is not None and spec.national is not None:
            continue
        why = spec.needed_by if spec else "a rule of this framework names it"
        fix = f" (its options: {', '.join(spec.options)})" if spec and spec.options else ""
        problems.append((f"interpretations.{key}", f"missing: {why} needs it; declare it with question, default "
                                                   f"and options{fix}{suggestion(key, declared - needed)}"))
    for key in sorted(declared - needed - set(ENGINE_READINGS)):
        problems.append((f"interpretations.{key}", "no rule of this framework uses it and the engine does not know it"
                         + suggestion(key, (needed | set(ENGINE_READINGS)) - declared)))
    for _, node in fw.leaves():
        for key, options, complete, where in node.rule.option_maps() if node.rule else ():
            if key not in fw.interpretations:
                continue  # reported above as missing
            offered = set(fw.interpretations[key].options)
            extra, lacking = sorted(options - offered), sorted(offered - options)
            loc = f"indicators.{node.id}.rule.{where}"
            if extra:
                problems.append((loc, f"maps option {extra[0]!r}, which interpretations.{key} does not offer "
                                      f"(its options: {', '.join(offered)})"))
            if complete and lacking:
                problems.append((loc, f"gives nothing for option {lacking[0]!r} of interpretations.{key}; "
                                      "map every option"))
    return problems


def _tree_problems(fw: Framework) -> list[tuple[str, str]]:
    return [("indicators", f"indicator id {i!r} is used twice") for i in used_twice([n.id for _, n in fw.nodes()])]


def parse_framework(data: Any, file: str | Path) -> Framework:
    """Validate a framework mapping into typed rules and readings; every problem is reported at once."""
    if not isinstance(data, dict):
        raise FrameworkError(str(file), [("", "expected a mapping at the top level")])
    if "unit" in data and "id" not in data:  # every field would be "unknown", its kind never said (a unit's own
        # indicator rows under indicators: made `lint UNIT.yaml` print 156 framework-schema problems: trial 6's W33)
        raise FrameworkError(str(file), [("", "is a unit's params file (it has unit:), not a framework; name a "
                                              "built-in framework or a framework .yaml file")])
    try:
        fw = Framework.model_validate(data)
    except ValidationError as exc:
        raise FrameworkError(str(file), describe_errors(exc, data, Framework)) from None
    problems = _tree_problems(fw) + _reading_problems(fw)
    if problems:
        raise FrameworkError(str(file), problems)
    return fw


class Extension(Spec):
    """A framework that keeps another's tree and changes only the defaults of readings it declares."""

    id: Id
    name: Annotated[str, Field(min_length=1, max_length=200)]
    source: Annotated[str, Field(min_length=1, max_length=400)]
    extends: Annotated[str, Field(min_length=1, max_length=500)]
    defaults: dict[str, str] = {}
    verdict: Verdict | None = None


def _extend(data: dict[str, Any], file: Path, seen: tuple[str, ...]) -> Framework:
    try:
        ext = Extension.model_validate(data)
    except ValidationError as exc:
        problems = describe_errors(exc, data, Extension)
        if any(p[1].startswith("unknown field") for p in problems):
            problems.append(("", "a framework that extends another gives only id, name, source, extends, defaults "
                                 "and verdict; copy the whole framework to change its tree or rules"))
        raise FrameworkError(str(file), problems) from None
    base = _resolve(ext.extends, file.parent, seen + (str(file),))
    problems = []
    interpretations = dict(base.interpretations)
    for key, option in ext.defaults.items():
        interp = base.interpretations.get(key)
        if interp is None:
            problems.append((f"defaults.{key}", f"{base.id} declares no such reading"
                             + suggestion(key, base.interpretations)))
        elif option not in interp.options:
            problems.append((f"defaults.{key}", f"{base.id} offers no option {option!r}; its options: "
                             + ", ".join(interp.options)))
        else:
            interpretations[key] = interp.model_copy(update={"default": option})
    if problems:
        raise FrameworkError(str(file), problems)
    return base.model_copy(update={"id": ext.id, "name": ext.name, "source": ext.source,
                                   "interpretations": interpretations, "verdict": ext.verdict or base.verdict})


def available_frameworks() -> dict[str, Path]:
    """Framework id → file, for every framework shipped with the package."""
    return {p.stem: p for p in sorted(FRAMEWORKS_DIR.glob("*.yaml"))}


def _load_file(path: str, seen: tuple[str, ...] = ()) -> Framework:
    """A framework file, compiled once per version of the file (an analyst may edit it between runs)."""
    try:
        stat = Path(path).stat()
    except OSError:
        raise FrameworkError(path, [("", "cannot read the framework file")]) from None
    return _compiled(path, (stat.st_mtime_ns, stat.st_size), seen)


@lru_cache(maxsize=32)
def _compiled(path: str, version: tuple[int, int], seen: tuple[str, ...]) -> Framework:
    file = Path(path)
    if path in seen:
        raise FrameworkError(path, [("extends", "extends itself through " + " → ".join(seen))])
    kept = framework_cache.cached(file)
    if isinstance(kept, Framework):
        return kept
    try:
        data = read_yaml(file)
    except InputFileError as exc:
        raise FrameworkError(exc.file, exc.problems) from None
    if isinstance(data, dict) and "extends" in data:
        fw = _extend(data, file, seen)
        framework_cache.store(file, fw, [file, *framework_files(str(data["extends"]), file.parent)])
    else:
        fw = parse_framework(data, file)
        framework_cache.store(file, fw, [file])
    return fw


def _resolve(name_or_path: str | Path, base_dir: Path | None, seen: tuple[str, ...] = ()) -> Framework:
    known = available_frameworks()
    text = str(name_or_path)
    if text in known:
        return _load_file(str(known[text]), seen)
    path = Path(text)
    if path.suffix.lower() in (".yaml", ".yml"):
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        if path.is_file():
            return _load_file(str(path.resolve()), seen)
        kind = not_regular(path)  # a named pipe would block, a device never end: named, never opened
        raise FrameworkError(str(path), [("", "no such framework file" if kind in ("missing", None)
                                          else f"{kind}, not a regular file")])
    raise FrameworkError(text, [("", f"unknown framework{suggestion(text, known)}; built-in frameworks: "
                                     f"{', '.join(known)}; or give the path of a framework .yaml file")])


def load_framework(name_or_path: str | Path, relative_to: Path | None = None) -> Framework:
    """A built-in framework by id, or a framework file by path (relative paths from `relative_to`, else the cwd)."""
    return _resolve(name_or_path, relative_to)


def framework_files(name_or_path: str | Path, relative_to: Path | None = None) -> list[Path]:
    """The files a framework is compiled from: its own, then each it extends (what a cache of its results is keyed
    by). A file that cannot be found or read ends the list: loading the framework will say why."""
    files: list[Path] = []
    target, base = str(name_or_path), relative_to
    while True:
        known = available_frameworks()
        path = known.get(target) or Path(target)
        if target not in known and not path.is_absolute() and base is not None:
            path = base / path
        path = path.resolve()
        if path in files or not path.is_file():
            return files
        files.append(path)
        stat = path.stat()
        extends = _extends(str(path), (stat.st_mtime_ns, stat.st_size))
        if extends is None:
            return files
        target, base = extends, path.parent


@lru_cache(maxsize=32)
def _extends(path: str, version: tuple[int, int]) -> str | None:
    """What a framework file extends (None: nothing, or it cannot be read), read once per version of the file."""
    try:
        data = read_yaml(path)
    except InputFileError:
        return None
    return data["extends"] if isinstance(data, dict) and isinstance(data.get("extends"), str) else None


def iter_readings(fw: Framework) -> Iterator[tuple[str, Interpretation, Option]]:
    """(key, reading, default option) for every reading in force, for reports and lint."""
    for key, interp in fw.readings_in_force().items():
        yield key, interp, interp.options[interp.default]


__all__ = ["Framework", "GradeBand", "Node", "Personalised", "Verdict", "available_frameworks", "framework_files",
           "iter_readings", "load_framework", "needed_readings", "parse_framework"]
