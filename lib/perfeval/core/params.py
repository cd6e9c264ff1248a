"""The schema of a unit's params file, and loading one into validated records with clear errors."""
from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import InputFileError, ParamsError
from .figures import COLUMNS, FUNDS, LINES, SCALARS
from ..fileio import read_yaml

Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
NonNegative = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0)]
Text = Annotated[str, Field(max_length=2000)]
UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


class Record(BaseModel):
    """Base of every params record: unknown fields are errors, numbers are never parsed from text."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Figure(Record):
    """A number the document states, with where it states it."""

    value: NonNegative
    source: Text | None = None
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare_number(cls, data: Any) -> Any:
        if isinstance(data, bool) or isinstance(data, str):
            raise ValueError(f"expected a number, found {_found(data)}")
        if isinstance(data, (int, float)):
            if not math.isfinite(data):
                raise ValueError(f"expected a finite number, found {data}")
            if data < 0:
                raise ValueError(f"must be at least 0 (money and counts cannot be negative), found {data:g}")
            return {"value": data}
        return data


class Line(Record):
    """One money row of the base data table, in 万元, by column."""

    prev_budget: Figure | None = None
    prev_final: Figure | None = None
    budget: Figure | None = None
    final: Figure | None = None


class ProjectItem(Record):
    """One spending item the report lists under 项目支出 (万元)."""

    name: Text
    amount: Figure


class ItemList(Record):
    """Items the report lists under some other figure (e.g. 国有资本经营预算支出 “其中” items)."""

    of: Annotated[str, Field(max_length=120)]  # the figure path the items break down
    items: list[ProjectItem]

    @field_validator("of")
    @classmethod
    def _known_path(cls, value: str) -> str:
        return _figure_path(value)


class Figures(Record):
    """Everything the unit's documents state as numbers. Absent means not stated."""

    staff: dict[Literal["authorized", "on_duty", "contract_approved", "contract_actual"], Figure] = {}
    budget: dict[Literal["start_of_year", "additions", "reductions", "adjusted", "executed",
                         "adjustment_total", "exempt_adjustment", "carryover"], Figure] = {}
    budget_scope: Text | None = None
    progress: dict[Literal["q1", "q2", "q3"], Figure] = {}
    outputs: dict[Literal["planned", "done", "done_on_time", "quality_met", "key_assigned", "key_done"],
                  Figure] = {}
    survey: dict[Literal["satisfaction", "target"], Figure] = {}
    activity: dict[Literal["vehicle_trips", "vehicle_km", "meetings"], Figure] = {}
    lines: dict[str, Line] = {}
    project_items: list[ProjectItem] = []
    funds: dict[Literal[tuple(FUNDS)], Figure] = {}  # type: ignore[valid-type]  # spending by source of funds
    item_lists: list[ItemList] = []

    @field_validator("lines")
    @classmethod
    def _known_lines(cls, value: dict[str, Line]) -> dict[str, Line]:
        unknown = [k for k in value if k not in LINES]
        if unknown:
            raise ValueError(f"unknown line {unknown[0]!r}; expected one of: {', '.join(LINES)}")
        return value


class Case(Record):
    """An analyst's judgement on one checklist item: met or not, cases found, or a discretionary score."""

    met: bool | None = None
    cases: Annotated[int, Field(strict=True, ge=0, le=10_000)] | None = None
    count: Annotated[int, Field(strict=True, ge=0, le=10_000)] | None = None
    score: NonNegative | None = None
    source: Text | None = None
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, bool):
            return {"met": data}
        if isinstance(data, int):
            return {"cases": data}
        return data

    @model_validator(mode="after")
    def _exactly_one(self) -> "Case":
        given = [n for n in ("met", "cases", "count", "score") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of met (true/false), cases (non-compliant cases), "
                             "count (what the item counts) or score (points)")
        return self


class Target(Record):
    """年度指标值: a quantity with a direction, or a qualitative phrase."""

    op: Literal[">=", "<=", "=", ">", "<"] | None = None
    value: Number | None = None
    unit: Text | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _value_or_text(self) -> "Target":
        if self.value is None and self.text is None:
            raise ValueError("give a value (with op and unit) or a text")
        return self


class Actual(Record):
    """实际完成值."""

    value: Number | None = None
    unit: Text | None = None
    text: Text | None = None


class Restatement(Record):
    """The same row's target or actual as the report states it elsewhere (e.g. the narrative)."""

    field: Literal["actual", "target"]
    value: Number
    unit: Text | None = None
    source: Text | None = None


class Row(Record):
    """A personalised indicator row (绩效自评表 line): target, actual, weight and the unit's claim."""

    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_\-.]{1,80}$")] | None = None
    level1: Text
    level2: Text
    name: Text
    target: Target | None = None
    actual: Actual | None = None
    achievement: Literal["achieved", "partly", "not"] | None = None
    weight: Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=100)]
    claimed_score: NonNegative | None = None
    deviation_note: Text | None = None
    applicable: bool = True
    source: Text | None = None
    elsewhere: list[Restatement] = []

    @field_validator("weight")
    @classmethod
    def _points(cls, value: float) -> float:
        if 0 < value < 0.001:
            raise ValueError(f"a weight is 0 or at least 0.001 points, found {value:g}")
        return value


class StatedRate(Record):
    """A rate the unit states in its own narrative or table, e.g. 在职人员控制率 92%."""

    measure: Annotated[str, Field(max_length=120)]
    value: Number
    source: Text | None = None


class Statement(Record):
    """A second (or third) value the report gives for a figure elsewhere in the same document."""

    figure: Annotated[str, Field(max_length=120)]
    value: NonNegative
    source: Text | None = None


class StatedRatio(Record):
    """A ratio of two catalogue figures the unit states, e.g. 公用经费控制率 91.41% (not a framework measure)."""

    label: Text
    numerator: Annotated[str, Field(max_length=120)]
    denominator: Annotated[str, Field(max_length=120)]
    value: Number  # in %
    source: Text | None = None

    @field_validator("numerator", "denominator")
    @classmethod
    def _known_path(cls, value: str) -> str:
        return _figure_path(value)


class SectionClaim(Record):
    """What the narrative says of one level-1 section: its 总分值, 评价得分 and 得分率."""

    name: Text  # as the report names it, e.g. 效益目标; matched to the framework's level-1 names
    weight: NonNegative | None = None
    score: NonNegative | None = None
    rate: Number | None = None  # 得分率, in %
    source: Text | None = None


class Claims(Record):
    """What the unit claims about itself."""

    total: NonNegative | None = None
    total_source: Text | None = None
    grade: Literal["优", "良", "中", "差"] | None = None
    scores: dict[str, NonNegative] = {}
    rates: list[StatedRate] = []
    statements: list[Statement] = []
    ratios: list[StatedRatio] = []
    sections: list[SectionClaim] = []


class Identity(Record):
    """Who the unit is and which framework evaluates it."""

    id: str
    name: Text
    region: Text
    year: Annotated[int, Field(strict=True, ge=1990, le=2100)]
    budget_code: Text | None = None
    framework: Annotated[str, Field(pattern=r"^[a-z0-9_]{1,60}$")]
    kind: Text | None = None
    document: Text | None = None

    @field_validator("id")
    @classmethod
    def _safe_id(cls, value: str) -> str:
        if not UNIT_ID.match(value):
            raise ValueError("use 1-80 lower-case letters, digits, '_' or '-' (it names output files)")
        if value.split(".")[0] in RESERVED_NAMES:
            raise ValueError(f"{value!r} is a reserved device name on Windows; choose another id")
        return value

    @field_validator("budget_code", mode="before")
    @classmethod
    def _code_is_text(cls, value: Any) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise ValueError("write the budget code as text in quotes, e.g. '132001', so leading zeros survive")
        return value


class UnitParams(Record):
    """A whole params file: identity, figures, judgements, personalised rows, claims, overrides."""

    unit: Identity
    figures: Figures = Figures()
    judgements: dict[str, dict[str, Case]] = {}
    indicators: list[Row] = []
    claims: Claims = Claims()
    interpretations: dict[str, Union[str, Number]] = {}
    not_assessed: dict[str, Text] = {}  # indicator id -> why the document does not allow scoring it


def is_figure_path(path: str) -> bool:
    """Is path a catalogue figure ('lines.<line>.<column>' or a scalar such as 'budget.adjusted')?"""
    parts = path.split(".")
    if parts[0] == "lines":
        return len(parts) == 3 and parts[1] in LINES and parts[2] in COLUMNS
    return path in SCALARS


def _figure_path(value: str) -> str:
    if not is_figure_path(value):
        raise ValueError(f"unknown figure path {value!r}; use lines.<line>.<column> or one of: "
                         + ", ".join(list(SCALARS)[:6]) + ", ...")
    return value


def figure_at(figures: Figures, path: str) -> Figure | None:
    """The figure at a dotted path ('staff.on_duty', 'lines.sangong.final'), or None if not stated."""
    parts = path.split(".")
    if parts[0] == "lines":
        if len(parts) != 3 or parts[1] not in LINES or parts[2] not in COLUMNS:
            raise KeyError(path)
        line = figures.lines.get(parts[1])
        return getattr(line, parts[2]) if line else None
    if path not in SCALARS:
        raise KeyError(path)
    return getattr(figures, parts[0]).get(parts[1])


_MESSAGES = {
    "float_type": "expected a number, found {found}",
    "int_type": "expected a whole number, found {found}",
    "bool_type": "expected true or false, found {found}",
    "string_type": "expected text, found {found}",
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
    "finite_number": "expected a finite number, found {found}",
    "greater_than_equal": "must be at least {ge}, found {found}",
    "less_than_equal": "must be at most {le}, found {found}",
    "literal_error": "expected one of {expected}, found {found}",
    "dict_type": "expected a mapping (key: value), found {found}",
    "list_type": "expected a list, found {found}",
    "model_type": "expected a mapping (key: value), found {found}",
    "string_too_long": "text is longer than {max_length} characters",
    "string_pattern_mismatch": "does not match the expected pattern {pattern}",
}


def _found(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."


def describe_errors(exc: ValidationError) -> list[tuple[str, str]]:
    """Turn pydantic errors into (field path, plain message) pairs, dropping union noise."""
    problems: dict[str, str] = {}
    for err in exc.errors(include_url=False):
        loc = [str(p) for p in err["loc"] if not str(p).startswith(("function-", "union[", "Case", "dict["))]
        loc = [p for p in loc if p not in ("float", "int", "bool", "str", "constrained-float", "[key]")]
        field = ".".join(loc)
        template = _MESSAGES.get(err["type"])
        ctx = dict(err.get("ctx") or {})
        if err["type"] == "value_error":
            message = str(ctx.get("error", err["msg"]))
        elif template:
            try:
                message = template.format(found=_found(err.get("input")), **ctx)
            except (KeyError, IndexError):
                message = err["msg"]
            if err["type"] == "greater_than_equal" and ctx.get("ge") == 0:
                message += " (money and counts cannot be negative)"
        else:
            message = err["msg"]
        if field in problems and problems[field] == message:
            continue
        problems.setdefault(field, message)
    return list(problems.items())


def parse_params(data: Any, file: str | Path) -> UnitParams:
    """Validate already-parsed params data; every problem is reported at once."""
    if not isinstance(data, dict):
        raise ParamsError(str(file), [("", f"expected a mapping at the top level, found {type(data).__name__}")])
    try:
        return UnitParams.model_validate(data)
    except ValidationError as exc:
        raise ParamsError(str(file), describe_errors(exc)) from None


def load_params(path: str | Path) -> UnitParams:
    """Read and validate one params file."""
    try:
        data = read_yaml(path)
    except InputFileError as exc:
        raise ParamsError(exc.file, exc.problems) from None
    return parse_params(data, path)
