"""Measures: the rates a rule computes from a unit's figures ({ratio: [a, b]} …), compiled once into typed objects.

Each measure knows the figures it reads (checked against the catalogue when the framework loads), the readings
it depends on, how it reads in Chinese, and its value for a unit with the inputs it used.
"""
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Callable, Literal, Union

from .records import BeforeValidator, Discriminator, Field, Tag, field_validator

from . import numbers
from .figures import figure_suggestion, is_figure_path, label_of, unit_of
from .params import Figures, figure_at
from .quantity import QUALIFIER_WORD, Qualifier
from .readings import Spec


@dataclass(frozen=True)
class InputValue:
    """One figure a computation used: where it lives in params, its label, value, unit, source and basis."""

    path: str
    label: str
    value: float | None
    unit: str
    source: str | None = None
    basis: str = "self_reported"
    scope: str | None = None  # what the figure covers, when less than its label says
    covers: bool = True  # False: the analyst judged it cannot stand for the indicator


class ZeroDenominator(Exception):
    """A figure used as a denominator is zero (or so near it that the rate overflows): the params are wrong."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__(", ".join(paths))
        self.paths = paths


Denominator = tuple[str, float | None, str]  # (label, value, unit) of a ratio's denominator


@dataclass(frozen=True)
class Alternative:
    """The same rate under another option of a reading (or on another denominator the framework keeps beside it)."""

    name: str
    label: str  # the option's wording, or what the denominator is
    value: float | None
    denominator: Denominator | None
    reading: str | None = None  # the reading whose option this is; None for a denominator kept for comparison


@dataclass
class Measured:
    """The value of a measure, or None with the figures that were missing.

    exact: the value in Decimal, computed from the decimals the documents wrote (no binary rounding): what a rule
    rounds at the framework's precision. value: the same as a float, for what only reads it.
    """

    exact: Decimal | None
    inputs: list[InputValue] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        return None if self.exact is None else float(self.exact)


class Context:
    """What a measure reads: the unit's figures, and the option chosen for each reading (recorded as used)."""

    def __init__(self, figures: Figures, choose: Callable[[str], str], option_text: Callable[[str, str], str]) -> None:
        self.figures = figures
        self.choose = choose
        self.option_text = option_text


class MeasureBase(Spec):
    def terms(self) -> tuple["Measure", ...]:
        """The measures this one is made of: what it needs is what they need."""
        return ()

    def figures(self) -> set[str]:
        return set().union(*(m.figures() for m in self.terms()))

    def readings(self) -> set[str]:
        return set().union(*(m.readings() for m in self.terms()))

    def denominator(self) -> "Measure | None":
        return None

    def describe(self) -> str:
        raise NotImplementedError

    def evaluate(self, ctx: Context) -> Measured:
        raise NotImplementedError


class FigureRef(MeasureBase):
    """A catalogue figure, by path ('staff.on_duty', 'lines.sangong.final')."""

    op: Literal["figure"] = "figure"
    path: str

    @field_validator("path")
    @classmethod
    def _known(cls, value: str) -> str:
        if not is_figure_path(value):
            raise ValueError(f"unknown figure {value!r}{figure_suggestion(value)}")
        return value

    def figures(self) -> set[str]:
        return {self.path}

    def describe(self) -> str:
        return label_of(self.path)

    def evaluate(self, ctx: Context) -> Measured:
        fig = figure_at(ctx.figures, self.path)
        label, unit = label_of(self.path), unit_of(self.path)
        if fig is None:
            return Measured(None, [InputValue(self.path, label, None, unit)], [self.path])
        value, exact = fig.in_unit(unit), fig.exact_in(unit)
        notes = []
        if fig.unit and value != fig.value:
            notes.append(f"“{label}”报告写作 {numbers.plain(fig.value)}{fig.unit}，按 {numbers.plain(value)}{unit} 计")
        if fig.qualifier is not Qualifier.EXACT:
            notes.append(f"“{label}”报告写作“{numbers.plain(fig.value)}{QUALIFIER_WORD[fig.qualifier]}”，按 {numbers.plain(value)} 计")
        if fig.scope:
            notes.append(f"“{label}”仅涵盖{fig.scope}" + ("" if fig.covers else "，评价人员判定不能代表本指标，不予评分"))
        return Measured(exact, [InputValue(self.path, label, value, unit, fig.source, fig.basis, fig.scope, fig.covers)],
                        notes=notes)


def _path(data: Any) -> Any:
    return {"op": "figure", "path": data} if isinstance(data, str) else data


FigurePath = Annotated[FigureRef, BeforeValidator(_path)]  # a field that takes only a figure, written as its path


class Const(MeasureBase):
    """A fixed number written in the rule."""

    op: Literal["const"] = "const"
    value: Annotated[float, Field(strict=True, allow_inf_nan=False)]

    def describe(self) -> str:
        return format(self.value, "f").rstrip("0").rstrip(".")

    def evaluate(self, ctx: Context) -> Measured:
        return Measured(numbers.decimal(self.value))


def _combine(parts: list[Measured]) -> Measured:
    return Measured(None, [i for p in parts for i in p.inputs], [m for p in parts for m in p.missing],
                    [n for p in parts for n in p.notes])


class _Quotient(MeasureBase):
    """A measure that divides its first term by its second (a ratio or a change)."""

    args: tuple["Measure", "Measure"]

    def terms(self) -> tuple["Measure", ...]:
        return self.args

    def denominator(self) -> "Measure":
        return self.args[1]

    def evaluate(self, ctx: Context) -> Measured:
        a, b = (m.evaluate(ctx) for m in self.args)
        out = _combine([a, b])
        if out.missing:
            return out
        if b.exact == 0:
            raise ZeroDenominator(sorted(self.args[1].figures()))
        # both are set: _combine found nothing missing
        out.exact = self._percent(a.exact, b.exact)  # type: ignore[arg-type]
        return out

    def _percent(self, a: Decimal, b: Decimal) -> Decimal:
        """The percentage from the first term's value and the (non-zero) second's: each kind says its own."""
        raise NotImplementedError


class Ratio(_Quotient):
    """numerator ÷ denominator × 100 (%)."""

    op: Literal["ratio"] = "ratio"

    def describe(self) -> str:
        return f"{_operand(self.args[0])} ÷ {_operand(self.args[1])} × 100%"

    def _percent(self, a: Decimal, b: Decimal) -> Decimal:
        return numbers.pct_exact(a, b)


class Change(_Quotient):
    """(new − old) ÷ old × 100 (%), the 变动率."""

    op: Literal["change"] = "change"

    def describe(self) -> str:
        new, old = (_operand(m) for m in self.args)
        return f"（{new} − {old}）÷ {old} × 100%"

    def _percent(self, a: Decimal, b: Decimal) -> Decimal:
        return numbers.pct_exact(a - b, b)


class Sum(MeasureBase):
    """The sum of its terms."""

    op: Literal["sum"] = "sum"
    args: list["Measure"] = Field(min_length=1)

    def terms(self) -> tuple["Measure", ...]:
        return tuple(self.args)

    def describe(self) -> str:
        return "＋".join(m.describe() for m in self.args)

    def evaluate(self, ctx: Context) -> Measured:
        parts = [m.evaluate(ctx) for m in self.args]
        out = _combine(parts)
        if not out.missing:
            # all are set: _combine found nothing missing
            out.exact = sum((p.exact for p in parts if p.exact is not None), Decimal(0))
        return out


class Diff(MeasureBase):
    """The first term less the second."""

    op: Literal["diff"] = "diff"
    args: tuple["Measure", "Measure"]

    def terms(self) -> tuple["Measure", ...]:
        return self.args

    def describe(self) -> str:
        return f"{self.args[0].describe()} − {self.args[1].describe()}"

    def evaluate(self, ctx: Context) -> Measured:
        a, b = (m.evaluate(ctx) for m in self.args)
        out = _combine([a, b])
        if not out.missing:
            out.exact = a.exact - b.exact  # type: ignore[operator]  # both are set: _combine found nothing missing
        return out


def _operand(m: "Measure") -> str:
    """A sum or difference inside a ratio is bracketed: 执行数 ÷ （年初预算数＋追加数）, not ÷ 年初预算数＋追加数."""
    return f"（{m.describe()}）" if isinstance(m, (Sum, Diff)) else m.describe()


class DefaultTo(MeasureBase):
    """A figure, or a fixed value when the unit does not state it (the note says so)."""

    op: Literal["default"] = "default"
    args: tuple[FigurePath, Annotated[float, Field(strict=True, allow_inf_nan=False)]]

    def terms(self) -> tuple["Measure", ...]:
        return (self.args[0],)

    def describe(self) -> str:
        return f"{self.args[0].describe()}（未填写按 {Const(value=self.args[1]).describe()}）"

    def evaluate(self, ctx: Context) -> Measured:
        got = self.args[0].evaluate(ctx)
        if got.value is None:
            return Measured(numbers.decimal(self.args[1]), notes=[f"“{self.args[0].describe()}”未填写，按 {Const(value=self.args[1]).describe()} 计"])
        return got


class Choose(MeasureBase):
    """One measure per option of a reading (e.g. which denominator); the others are kept as alternatives."""

    op: Literal["choose"] = "choose"
    interpretation: str
    options: dict[str, "Measure"] = Field(min_length=1)

    def terms(self) -> tuple["Measure", ...]:
        return tuple(self.options.values())

    def readings(self) -> set[str]:
        return {self.interpretation} | super().readings()

    def describe(self) -> str:
        return "，或 ".join(m.describe() for m in self.options.values()) + "（视所采用的口径）"

    def evaluate(self, ctx: Context) -> Measured:
        chosen = ctx.choose(self.interpretation)
        main = self.options[chosen].evaluate(ctx)
        main.notes.append(f"interpretation:{self.interpretation}")
        main.alternatives = [alternative(name, ctx.option_text(self.interpretation, name), m, ctx, self.interpretation)
                             for name, m in self.options.items() if name != chosen]
        return main


def resolved(measure: "Measure", choose: Callable[[str], str]) -> "Measure":
    """The measure a unit is scored with: a choice replaced by the option chosen for it."""
    while isinstance(measure, Choose):
        measure = measure.options[choose(measure.interpretation)]
    return measure


def denominator_of(measure: "Measure", ctx: Context) -> Denominator | None:
    """What a ratio (or change) divides by, with its value for this unit."""
    den = resolved(measure, ctx.choose).denominator()
    if den is None:
        return None
    d = den.evaluate(ctx)
    return den.describe(), d.value, d.inputs[0].unit if d.inputs else ""


def alternative(name: str, label: str, measure: "Measure", ctx: Context, reading: str | None = None) -> Alternative:
    """The value of an alternative measure and, for a ratio, its denominator."""
    try:
        value = measure.evaluate(ctx).value
    except ZeroDenominator:
        value = None
    return Alternative(name, label, value, denominator_of(measure, ctx), reading)


def _normalise(data: Any) -> Any:
    """YAML shapes to tagged records: 'staff.on_duty' → figure, 3 → const, {ratio: [a, b]} → ratio."""
    if isinstance(data, str):
        return {"op": "figure", "path": data}
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        return {"op": "const", "value": float(data)}
    if isinstance(data, dict) and len(data) == 1 and "op" not in data:
        op, args = next(iter(data.items()))
        if op == "choose" and isinstance(args, dict):
            return {"op": "choose", **args}
        return {"op": op, "args": args}
    return data


def _tag(data: Any) -> str | None:
    if isinstance(data, dict):
        return data.get("op")
    return getattr(data, "op", None)


Measure = Annotated[
    Union[Annotated[FigureRef, Tag("figure")], Annotated[Const, Tag("const")], Annotated[Ratio, Tag("ratio")],
          Annotated[Change, Tag("change")], Annotated[Sum, Tag("sum")], Annotated[Diff, Tag("diff")],
          Annotated[DefaultTo, Tag("default")], Annotated[Choose, Tag("choose")]],
    Discriminator(_tag, custom_error_type="measure", custom_error_message=(
        "not a measure: write a figure path, a number, or one of "
        "{ratio: [a, b]}, {change: [new, old]}, {sum: [...]}, {diff: [a, b]}, {default: [path, n]}, "
        "{choose: {interpretation, options}}")),
    BeforeValidator(_normalise),
]

