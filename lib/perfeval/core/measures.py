"""Computed values (rates) of a unit, from measure specs such as {ratio: [a, b]}, with their inputs."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

from . import formulas
from .figures import label_of, unit_of
from .params import Figures, figure_at


@dataclass(frozen=True)
class InputValue:
    """One figure a computation used: where it lives in params, its label, value, unit and source."""

    path: str
    label: str
    value: float | None
    unit: str
    source: str | None = None


class ZeroDenominator(Exception):
    """A figure used as a denominator is zero (or so near it that the rate overflows): the params are wrong."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__(", ".join(paths))
        self.paths = paths


@dataclass
class Measured:
    """The value of a measure, or None with the figures that were missing."""

    value: float | None
    inputs: list[InputValue] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    alternatives: dict[str, float | None] = field(default_factory=dict)


Choose = Callable[[str], str]  # interpretation key -> chosen option


def _paths_in(spec: Any) -> list[str]:
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict):
        return [p for v in spec.values() for p in _paths_in(v)]
    if isinstance(spec, list):
        return [p for v in spec for p in _paths_in(v)]
    return []


def measure_paths(spec: Any) -> list[str]:
    """Every figure path a measure spec reads (used to validate frameworks and statements)."""
    if isinstance(spec, dict) and "choose" in spec:
        return [p for opt in spec["choose"]["options"].values() for p in measure_paths(opt)]
    return [p for p in _paths_in(spec) if "." in p]


def evaluate(spec: Any, figures: Figures, choose: Choose) -> Measured:
    """Evaluate a measure spec against a unit's figures."""
    if isinstance(spec, bool):
        raise TypeError("a measure cannot be a boolean")
    if isinstance(spec, (int, float)):
        return Measured(float(spec))
    if isinstance(spec, str):
        fig = figure_at(figures, spec)
        if fig is None:
            return Measured(None, [InputValue(spec, label_of(spec), None, unit_of(spec))], [spec])
        return Measured(fig.value, [InputValue(spec, label_of(spec), fig.value, unit_of(spec), fig.source)])
    if not isinstance(spec, dict) or len(spec) != 1:
        raise TypeError(f"not a measure: {spec!r}")
    op, args = next(iter(spec.items()))
    if op == "choose":
        key = args["interpretation"]
        chosen = choose(key)
        results = {name: evaluate(s, figures, choose) for name, s in args["options"].items()}
        main = results[chosen]
        return Measured(main.value, main.inputs, main.missing, main.notes + [f"interpretation:{key}"],
                        {name: r.value for name, r in results.items() if name != chosen})
    if op == "default":
        path, fallback = args
        got = evaluate(path, figures, choose)
        if got.value is None:
            return Measured(float(fallback), [], [], [f"“{label_of(path)}”未填写，按 {fallback:g} 计"])
        return got
    subs = [evaluate(a, figures, choose) for a in args]
    inputs = [i for s in subs for i in s.inputs]
    missing = [m for s in subs for m in s.missing]
    notes = [n for s in subs for n in s.notes]
    if missing:
        return Measured(None, inputs, missing, notes)
    values = [s.value for s in subs]
    if op in ("ratio", "change"):
        if values[1] == 0:
            raise ZeroDenominator(measure_paths(args[1]))
        value = formulas.ratio_pct(values[0], values[1]) if op == "ratio" else formulas.change_pct(values[0], values[1])
        if not math.isfinite(value):  # a denominator so small that the rate overflows is as unusable as 0
            raise ZeroDenominator(measure_paths(args[1]))
    elif op == "sum":
        value = float(sum(values))
    elif op == "diff":
        value = values[0] - values[1]
    else:
        raise TypeError(f"unknown measure operation {op!r}")
    return Measured(value, inputs, missing, notes)
