"""The schema of a unit's params file, and loading one into validated records with clear errors."""
from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import InputFileError, ParamsError
from .problems import describe_errors, found
from .figures import COLUMNS, FUNDS, LINES, SCALARS, is_figure_path
from .formulas import decimals_of
from ..fileio import read_yaml

Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
NonNegative = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0)]
Text = Annotated[str, Field(max_length=2000)]
FRAMEWORK_ID = re.compile(r"^[a-z0-9_]{1,60}$")
UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


class Record(BaseModel):
    """Base of every params record: unknown fields are errors, numbers are never parsed from text."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Basis = Literal["self_reported", "verified"]


class Figure(Record):
    """A number the document states, with where it states it.

    basis: self_reported (the unit's own documents, the default) or verified (the analyst checked it against
    evidence such as the final accounts); scores that use only verified figures count as verified coverage.
    """

    value: NonNegative
    source: Text | None = None
    note: Text | None = None
    basis: Basis = "self_reported"

    @model_validator(mode="before")
    @classmethod
    def _bare_number(cls, data: Any) -> Any:
        if isinstance(data, bool) or isinstance(data, str):
            raise ValueError(f"expected a number, found {found(data)}")
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


class Verification(Record):
    """What the analyst saw to verify a judgement: which document, when, by whom."""

    document: Text
    date: Text
    by: Text


class Case(Record):
    """An analyst's judgement on one checklist item: met or not, cases found, or a discretionary score.

    basis: self_reported when it rests on the unit's own statement (its source says where), verified when the
    analyst saw evidence (then `verified` records it). A self-reported item is never counted as verified.
    """

    met: bool | None = None
    cases: Annotated[int, Field(strict=True, ge=0, le=10_000)] | None = None
    count: Annotated[int, Field(strict=True, ge=0, le=10_000)] | None = None
    score: NonNegative | None = None
    source: Text | None = None
    note: Text | None = None
    basis: Basis = "self_reported"
    verified: Verification | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, bool):
            return {"met": data}
        if isinstance(data, int):
            return {"cases": data}
        if isinstance(data, dict) and "verified" in data and "basis" not in data:
            return {**data, "basis": "verified"}
        return data

    @model_validator(mode="after")
    def _exactly_one(self) -> "Case":
        given = [n for n in ("met", "cases", "count", "score") if getattr(self, n) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of met (true/false), cases (non-compliant cases), "
                             "count (what the item counts) or score (points)")
        if self.basis == "verified" and self.verified is None:
            raise ValueError("a verified judgement records what was seen: verified: {document, date, by}")
        if self.basis == "self_reported" and self.verified is not None:
            raise ValueError("basis is self_reported but `verified` is given; set basis: verified or drop it")
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
    basis: Basis = "self_reported"  # the unit's own table, unless the analyst verified the actual

    @field_validator("weight")
    @classmethod
    def _points(cls, value: float) -> float:
        if 0 < value < 0.001:
            raise ValueError(f"a weight is 0 or at least 0.001 points, found {value:g}")
        return value


Places = Annotated[int, Field(strict=True, ge=0, le=6)]


def _with_places(data: Any) -> Any:
    """Record the decimals a stated value was written with ("77.00" → 2), unless given as places."""
    if isinstance(data, dict) and "places" not in data and isinstance(data.get("value"), (int, float)) \
            and not isinstance(data.get("value"), bool):
        value = data["value"]
        places = getattr(value, "places", None)
        if places is None:
            places = 0 if isinstance(value, int) else (decimals_of(value) if math.isfinite(value) else 0)
        return {**data, "places": min(places, 6)}
    return data


class StatedRate(Record):
    """A rate the unit states in its own narrative or table, e.g. 在职人员控制率 92%, at the precision written."""

    measure: Annotated[str, Field(max_length=120)]
    value: Number
    places: Places | None = None
    source: Text | None = None

    _places = model_validator(mode="before")(classmethod(lambda cls, data: _with_places(data)))


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
    places: Places | None = None
    source: Text | None = None

    _places = model_validator(mode="before")(classmethod(lambda cls, data: _with_places(data)))

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
    framework: Annotated[str, Field(max_length=500)]  # a built-in framework id, or a YAML path relative to this file
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

    @field_validator("framework")
    @classmethod
    def _framework_name_or_path(cls, value: str) -> str:
        if FRAMEWORK_ID.match(value) or value.lower().endswith((".yaml", ".yml")):
            return value
        raise ValueError("name a built-in framework (e.g. dept_overall_a) or a framework file ending in .yaml, "
                         "relative to this params file")

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
    not_applicable: dict[str, Text] = {}  # indicator id -> why it does not apply (e.g. 无楼堂馆所项目)


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
