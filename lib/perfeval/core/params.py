"""The schema of a unit's params file, and loading one into validated records with clear errors."""
import math
import re
from pathlib import Path
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal, NamedTuple, Union, get_args

from . import records
from .records import (AfterValidator, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError,
                      field_validator, model_serializer, model_validator)

from ..errors import InputFileError, ParamsError
from .problems import describe_errors, found, not_a_number, readable_path
from .figures import COLUMNS, FUNDS, LINES, SCALARS, WAN, group_keys, is_figure_path, label_of, unit_of
from . import years
from .numbers import SIGNIFICANT_DIGITS, decimal, decimals, exact, significant_digits
from ..errors import IncommensurableUnits
from .quantity import (Qualifier, Quantity, agrees, canonical_unit, commensurable, factor,
                       parse_quantity, qualifier_of)
from ..fileio import read_yaml
from ..paths import REPORT_SUFFIXES, WORKBOOK_SUFFIXES

LARGEST = 1e12  # 10^12 万元 is 10^16 yuan: larger than any budget; beyond it a figure is a typo, not a figure
FINEST = 1e-6  # 0.000001 万元 is a hundredth of a fen; no document states a figure finer (Places stops at 6)


def _not_finer_than_stated(value: float) -> float:
    if 0 < abs(value) < FINEST:
        raise ValueError(f"a figure other than 0 is at least 0.000001 (no document states one finer), found {value!r}")
    if significant_digits(value) > SIGNIFICANT_DIGITS:
        raise ValueError(f"a figure has at most {SIGNIFICANT_DIGITS} significant digits (no document states more, and "
                         f"more cannot be held exactly), found {exact(value)}")
    return value


Number = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=-LARGEST, le=LARGEST),
                   AfterValidator(_not_finer_than_stated)]
NonNegative = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=LARGEST),
                        AfterValidator(_not_finer_than_stated)]
TEXT_LIMIT = 2000  # characters of any one text field (a name, a label, a note)
Text = Annotated[str, Field(max_length=TEXT_LIMIT)]
Places = Annotated[int, Field(strict=True, ge=0, le=6)]
FigureId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,59}$")]
Ref = Annotated[str, Field(min_length=1, max_length=120)]  # a catalogue figure path or the id of a stated figure
FRAMEWORK_ID = re.compile(r"^[a-z0-9_]{1,60}$")
UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


class Record(records.Record):
    """Base of every params record: unknown fields are errors, numbers are never parsed from text."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Basis = Literal["self_reported", "verified"]
QualifierName = Annotated[Qualifier, BeforeValidator(lambda v: qualifier_of(v) if isinstance(v, str) else v)]


def _places_of(value: Any) -> int:
    """Decimals a number was written with: a YAML "77.00" keeps 2; a plain float its shortest repr."""
    places = getattr(value, "places", None)
    if places is not None:
        return min(int(places), 6)
    if isinstance(value, int):
        return 0
    return min(decimals(value), 6) if math.isfinite(value) else 0


def _from_text(data: Any, with_unit: bool) -> Any:
    """Fill value, unit, qualifier and places from a stated phrase; a given value that contradicts it is an error."""
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return data
    q = parse_quantity(data["text"])
    if q is None:
        raise ValueError(f"cannot read a quantity in text {found(data['text'])}; write value (and unit) instead")
    number = float(q.value)
    read: dict[str, object] = {"value": number, "qualifier": q.qualifier.value, "places": q.places}
    if with_unit:
        read["unit"] = q.unit
    out = dict(data)
    for key, value in read.items():
        given = out.get(key)
        if given is None:
            out[key] = value
        elif key == "value" and isinstance(given, (int, float)) and abs(float(given) - number) > 1e-9 * max(1, number):
            raise ValueError(f"value {given!r} is not what text {found(data['text'])} says ({_plain(number)})")
        elif key == "unit" and value and isinstance(given, str) and canonical_unit(given) != value:
            raise ValueError(f"unit {found(given)} is not what text {found(data['text'])} says ({value})")
    return out


def _plain(x: float) -> str:
    return format(x, "f").rstrip("0").rstrip(".")


def _with_places(data: Any) -> Any:
    """Record the decimals a stated value was written with, unless given as places."""
    if isinstance(data, dict) and "places" not in data and isinstance(data.get("value"), (int, float)) \
            and not isinstance(data.get("value"), bool):
        return {**data, "places": _places_of(data["value"])}
    return data


def _dropping_obvious_places(value: float, data: Any) -> Any:
    """A dumped value's places, written out only when the number alone does not show them (77.00 as 77.0 needs
    places: 2): one rule for statements and catalogue figures."""
    if isinstance(data, dict) and data.get("places") == _places_of(value):
        data.pop("places")
    return data


# Where the value stands in its `source` (a character offset), as the report reader found it: the review page marks
# the value there, not at an equal value the sentence states before it. Kept in the params file, not in results or
# the Excel intake (it is the reader's pointer, not evidence).
SourceAt = Annotated[int | None, Field(default=None, ge=0, le=10_000, exclude=True, strict=True)]


class Stated(Record):
    """A value as a document writes it: the number, the decimals written, and how it bounds the truth.

    qualifier: exact (the default), at_least / at_most (以上, 不少于 / 以下, 不超过), above / below (超过 / 低于),
    over (余, 多: a little more than) or about (约); written as the word or the Chinese (以上, 余, 约).
    text: the phrase as the report writes it ("2.6万余次", "十二次", "95%以上"); value, unit, qualifier and places are
    read from it (core.quantity) where not given, and must agree with it where they are.
    """

    value: Number
    places: Places | None = None
    qualifier: QualifierName = Qualifier.EXACT
    text: Text | None = None
    at: SourceAt = None

    @model_validator(mode="before")
    @classmethod
    def _places(cls, data: Any) -> Any:
        return _with_places(_from_text(data, with_unit="unit" in cls.model_fields))

    @model_serializer(mode="wrap")
    def _without_obvious_places(self, handler: Any) -> Any:
        return _dropping_obvious_places(self.value, handler(self))

    @property
    def qualified(self) -> bool:
        return self.qualifier is not Qualifier.EXACT

    @property
    def scale(self) -> Decimal:
        """What the written number was multiplied by (2.6万次 → 10000), so its last digit is worth 1000, not 0.1."""
        read = parse_quantity(self.text) if self.text else None
        return read.scale if read is not None else Decimal(1)

    @property
    def written_places(self) -> int:
        """The decimals the document wrote the value with (77.00 → 2, 92 → 0)."""
        return self.places if self.places is not None else _places_of(self.value)

    def quantity(self, unit: str = "") -> Quantity:
        """The statement as a Quantity: its value at the precision written, with its qualifier."""
        return Quantity(Decimal(repr(float(self.value))), unit, self.qualifier, self.written_places, scale=self.scale)

    def holds_for(self, computed: float, unit: str = "") -> bool:
        """Is the statement true of a computed value, rounded half-up (四舍五入) at the decimals written and tested
        against what its qualifier admits (“92%” holds for 92.16, “34.05” not for 34.0599, “50%以上” for 60)?"""
        return agrees(self.quantity(unit), computed)


class Figure(Record):
    """A number the document states, with where it states it.

    unit: as the document writes it when it is not the catalogue's (1.5亿元 for a figure kept in 万元): it is
    converted, never read as if it were in the catalogue's unit. qualifier: how the words bound it (2.6万余次).
    scope: what the figure covers when less than its label says (满意度 of the canteen only); covers: false when the
    analyst judges that it cannot stand for the indicator that would use it (that indicator is then not assessed).
    basis: self_reported (the unit's own documents, the default) or verified (the analyst checked it against
    evidence such as the final accounts); scores that use only verified figures count as verified coverage.
    """

    value: NonNegative
    places: Places | None = None
    unit: Text | None = None
    qualifier: QualifierName = Qualifier.EXACT
    source: Text | None = None
    at: SourceAt = None
    note: Text | None = None
    scope: Text | None = None
    covers: bool = True
    basis: Basis = "self_reported"

    @model_validator(mode="before")
    @classmethod
    def _bare_number(cls, data: Any) -> Any:
        if isinstance(data, bool) or isinstance(data, str):
            raise ValueError(not_a_number(data))
        if isinstance(data, (int, float)):
            if not math.isfinite(data):
                raise ValueError(f"expected a finite number, found {data}")
            if data < 0:
                raise ValueError(f"must be at least 0 (money and counts cannot be negative), found {exact(data)}")
            data = {"value": data}
        return _with_places(data)

    @model_serializer(mode="wrap")
    def _without_obvious_places(self, handler: Any) -> Any:
        return _dropping_obvious_places(self.value, handler(self))

    @property
    def written_places(self) -> int:
        """The decimals the document printed the figure with (3752.00 → 2, 3752 → 0): how far it was rounded."""
        return self.places if self.places is not None else _places_of(self.value)

    def exact_in(self, unit: str) -> Decimal:
        """The value in the catalogue's unit as the decimal the document wrote (converted exactly, when written in
        another unit): what rates are computed from."""
        written = decimal(self.value)
        if not self.unit or canonical_unit(self.unit) == canonical_unit(unit):
            return written
        return written * factor(self.unit, unit)

    def in_unit(self, unit: str) -> float:
        """The value in the catalogue's unit (converted from the unit written, when one is given)."""
        if not self.unit or canonical_unit(self.unit) == canonical_unit(unit):
            return self.value
        from .quantity import convert

        return convert(self.value, self.unit, unit)


class Line(Record):
    """One money row of the base data table, in 万元, by column."""

    def in_wan(self) -> "Line":
        """The row with every column in 万元 (a column written as 0.32亿元 becomes 3200), as checks compare it."""
        return self.model_copy(update={c: in_catalogue_unit(getattr(self, c), WAN) for c in COLUMNS})

    prev_budget: Figure | None = None
    prev_final: Figure | None = None
    budget: Figure | None = None
    final: Figure | None = None


USE_SEPARATORS = re.compile(r"[；;，,。]+")
USE_TAIL = re.compile(r"(等|等等)?(方面)?(的)?(支出|费用|开支)?$")


class ProjectItem(Record):
    """One spending item the report lists under 项目支出 (万元).

    uses: what the report says the money went to, as written ("主要用于A；B；C等费用"): the projects it names under
    the item, whose evaluations the projects check looks for.
    """

    name: Text
    amount: Figure
    uses: Text | None = None

    @property
    def named_uses(self) -> tuple[str, ...]:
        """Each use the item's text names: split at ；，。 (a 、 joins the parts of one use), 主要用于 and 等…支出 dropped."""
        if not self.uses:
            return ()
        text = re.sub(r"^(主要)?(用于|包括)", "", self.uses.strip())
        parts = (USE_TAIL.sub("", p.strip()) for p in USE_SEPARATORS.split(text))
        return tuple(p for p in parts if p)


class ItemList(Record):
    """Items the report lists under some other figure (e.g. 国有资本经营预算支出 “其中” items)."""

    of: Annotated[str, Field(max_length=120)]  # the figure path the items break down
    items: list[ProjectItem]

    @field_validator("of")
    @classmethod
    def _known_path(cls, value: str) -> str:
        return _figure_path(value)


class Figures(Record):
    """Everything the unit's documents state as catalogue figures (figures.SCALARS, LINES). Absent: not stated.

    Each group's keys are a Literal built from the catalogue when the module loads: validation refuses a key the
    catalogue lacks; mypy cannot read a Literal computed at run time, hence its ignores below.
    """

    staff: dict[Literal[group_keys("staff")], Figure] = {}  # type: ignore[valid-type]  # keys from the catalogue
    budget: dict[Literal[group_keys("budget")], Figure] = {}  # type: ignore[valid-type]  # keys from the catalogue
    budget_scope: Text | None = None
    progress: dict[Literal[group_keys("progress")], Figure] = {}  # type: ignore[valid-type]  # keys from the catalogue
    outputs: dict[Literal[group_keys("outputs")], Figure] = {}  # type: ignore[valid-type]  # keys from the catalogue
    survey: dict[Literal[group_keys("survey")], Figure] = {}  # type: ignore[valid-type]  # keys from the catalogue
    activity: dict[Literal[group_keys("activity")], Figure] = {}  # type: ignore[valid-type]  # keys from the catalogue
    assets: dict[Literal[group_keys("assets")], Figure] = {}  # type: ignore[valid-type]  # keys from the catalogue
    # keys from the catalogue
    buildings: dict[Literal[group_keys("buildings")], Figure] = {}  # type: ignore[valid-type]
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


class StatedFigure(Stated):
    """Any quantity a document states that the catalogue lacks: an id to refer to it, a label, a unit, a source.

    e.g. {id: repair_calls, label: 维修电话, value: 2500, unit: 次, qualifier: 余, source: 五(二) 全年共接到维修电话2500余次}
    """

    id: FigureId
    label: Text
    unit: Text = ""
    year: Annotated[int, Field(strict=True, ge=years.EARLIEST, le=years.LATEST)] | None = None
    source: Text | None = None
    note: Text | None = None
    scope: Text | None = None
    basis: Basis = "self_reported"

    @field_validator("id")
    @classmethod
    def _not_a_group(cls, value: str) -> str:
        if value in ("lines", "funds", *{p.split(".")[0] for p in SCALARS}):
            raise ValueError(f"{value!r} names a group of catalogue figures; choose another id")
        return value


class Project(Record):
    """One project's own evaluation (附件2-4 公共项目资金绩效自评评分汇总表): its self-score, and its money when stated."""

    name: Text
    score: Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=100)] | None = None
    grade: Literal["优", "良", "中", "差"] | None = None
    budget: Figure | None = None
    executed: Figure | None = None
    source: Text | None = None


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
    """年度指标值: a quantity with a direction, or a qualitative phrase. A unit unlike the actual's is converted
    when the two measure the same thing (亿元 and 万元) and left unscored when they do not."""

    op: Literal[">=", "<=", "=", ">", "<"] | None = None
    value: Number | None = None
    unit: Text | None = None
    qualifier: QualifierName = Qualifier.EXACT
    text: Text | None = None

    @model_validator(mode="after")
    def _value_or_text(self) -> "Target":
        if self.value is None and self.text is None:
            raise ValueError("give a value (with op and unit) or a text")
        return self


class Actual(Record):
    """实际完成值 (a value with its unit and qualifier, e.g. 820余场; or a phrase)."""

    value: Number | None = None
    unit: Text | None = None
    qualifier: QualifierName = Qualifier.EXACT
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
            raise ValueError(f"a weight is 0 or at least 0.001 points, found {exact(value)}")
        return value


class StatedRate(Stated):
    """A rate of the framework the unit states, e.g. 在职人员控制率 92%, at the precision written (95%以上 too)."""

    measure: Annotated[str, Field(max_length=120)]
    source: Text | None = None


class Statement(Stated):
    """Another value the report gives for a figure (catalogue path or stated id) elsewhere in the same document."""

    figure: Ref
    unit: Text | None = None
    source: Text | None = None
    # what the document calls this value when it names another quantity than the figure (年中调减 for 预算调整数):
    # two values of differently named quantities are a difference to explain, never the same figure stated twice
    named: Text | None = None


class StatedRatio(Stated):
    """A relation of two figures the unit states: a share a ÷ b (%), a change (a − b) ÷ b (%, 较上年增长/下降),
    or a plain ratio a ÷ b; or a change stated with its amount, a the new value and b the amount (较上年增加b，增长x%:
    increase_by, b ÷ (a − b); 较上年减少b，下降x%: decrease_by, −b ÷ (a + b)); or a change of two rates in percentage
    points, a − b (较上年提高3.5个百分点: points). Figures are catalogue paths or stated ids; e.g. 公用经费控制率 91.41%."""

    label: Text
    numerator: Ref
    denominator: Ref
    kind: Literal["share", "change", "ratio", "increase_by", "decrease_by", "points"] = "share"
    source: Text | None = None


class DeclaredIdentity(Record):
    """A relation the analyst declares between figures the report states: whole = the sum of its parts, or
    whole ≥ it when the parts are only 其中 items (实有 = 在职 + 退休 + 遗属). A part written '-x' is subtracted."""

    label: Text | None = None
    whole: Ref
    parts: list[Ref] = Field(min_length=1)
    relation: Literal["=", ">="] = "="
    source: Text | None = None


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
    identities: list[DeclaredIdentity] = []
    sections: list[SectionClaim] = []


# What the document evaluated is, as its title says: only a whole-department self-evaluation is expected to score
# the whole-department framework; a project's self-evaluation, a special fund's evaluation, a 决算 or a 预算 is not.
DocumentKind = Literal["部门整体支出绩效自评", "项目支出绩效自评", "专项资金绩效评价", "部门决算", "部门预算"]
DOCUMENT_KINDS: tuple[str, ...] = get_args(DocumentKind)
WHOLE_DEPARTMENT: DocumentKind = "部门整体支出绩效自评"


class Identity(Record):
    """Who the unit is and which framework evaluates it.

    document: the report's file name; document_kind: what that document is, as its title says (absent: not said)."""

    id: str
    name: Text
    region: Text
    year: Annotated[int, Field(strict=True, ge=years.EARLIEST, le=years.LATEST)]
    budget_code: Text | None = None
    framework: Annotated[str, Field(max_length=500)]  # a built-in framework id, or a YAML path relative to this file
    kind: Text | None = None
    document: Text | None = None
    document_kind: DocumentKind | None = None
    series: Text | None = None  # the unit across years; by default its budget code, else its name and region

    @property
    def series_key(self) -> str:
        """What links this unit's params of different years (their reports show each other's results)."""
        return self.series or (f"预算编码 {self.budget_code}" if self.budget_code else f"{self.name}（{self.region}）")

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


EntryKey = Annotated[str, Field(min_length=1, max_length=200)]  # a draft entry: figures.lines.basic.final, stated.s003


class Correction(Record):
    """A value the analyst corrected against the report: the entry, what the draft read, what the report says."""

    entry: EntryKey
    drafted: Number
    value: Number
    source: Text | None = None


class Exclusion(Record):
    """An entry the analyst removed from the draft (misread, or not a figure of the unit), with what it held."""

    entry: EntryKey
    drafted: Union[Number, Text, None] = None
    source: Text | None = None
    because: Text | None = None  # e.g. it rested on another entry removed


class Confirmation(Record):
    """Who checked a drafted file against the unit's report, when, and each decision: the basis on which its
    figures stand as the unit's own (self-reported) statements. undecided > 0: still a draft (drafted_from stays)."""

    by: Text
    date: Text
    report: Text
    undecided: Annotated[int, Field(strict=True, ge=0)] = 0
    confirmed: list[EntryKey] = []
    corrected: list[Correction] = []
    excluded: list[Exclusion] = []


class UnitParams(Record):
    """A whole params file: identity, figures, judgements, personalised rows, claims, overrides."""

    drafted_from: Text | None = None  # the report `perfeval draft` read this file from: not yet confirmed by an analyst
    unit: Identity
    figures: Figures = Field(default_factory=Figures)
    stated: list[StatedFigure] = []
    projects: list[Project] = []
    judgements: dict[str, dict[str, Case]] = {}
    indicators: list[Row] = []
    claims: Claims = Field(default_factory=Claims)
    interpretations: dict[str, Union[str, Number]] = {}
    not_assessed: dict[str, Text] = {}  # indicator id -> why the document does not allow scoring it
    not_applicable: dict[str, Text] = {}  # indicator id -> why it does not apply (e.g. 无楼堂馆所项目)
    confirmation: Confirmation | None = None  # the analyst's check of a drafted file against its report
    _stated_index: tuple[list[StatedFigure], int, dict[str, StatedFigure]] | None = PrivateAttr(default=None)

    def stated_figure(self, ref: str) -> StatedFigure | None:
        """The stated figure with this id (the first, as validation reports a repeated id), through an index built
        once per list: every statement, ratio and identity looks its figures up, and a scan each time made scoring
        a long report's draft quadratic in its statements."""
        index = self._stated_index
        if index is None or index[0] is not self.stated or index[1] != len(self.stated):
            by_id: dict[str, StatedFigure] = {}
            for s in self.stated:
                by_id.setdefault(s.id, s)
            index = self._stated_index = (self.stated, len(self.stated), by_id)
        return index[2].get(ref)


def _figure_path(value: str) -> str:
    if not is_figure_path(value):
        raise ValueError(f"unknown figure path {value!r}; use lines.<line>.<column> or one of: "
                         + ", ".join(list(SCALARS)[:6]) + ", ...")
    return value


def figure_at(figures: Figures, path: str) -> Figure | None:
    """The figure at a dotted path ('staff.on_duty', 'lines.sangong.final'), or None if not stated, in the
    catalogue's unit: 0.32亿元 is compared as 3200万元, never as 0.32."""
    return in_catalogue_unit(written_figure_at(figures, path), unit_of(path))


def in_catalogue_unit(fig: Figure | None, unit: str) -> Figure | None:
    """A figure converted to the catalogue's unit when the document wrote it in another (its source keeps the
    words as written)."""
    if fig is None or not fig.unit or canonical_unit(fig.unit) == canonical_unit(unit):
        return fig
    return fig.model_copy(update={"value": fig.in_unit(unit), "unit": None, "places": None})


def written_figure_at(figures: Figures, path: str) -> Figure | None:
    """The figure at a dotted path as the document wrote it (value in the unit written)."""
    parts = path.split(".")
    if parts[0] == "lines":
        if len(parts) != 3 or parts[1] not in LINES or parts[2] not in COLUMNS:
            raise KeyError(path)
        line = figures.lines.get(parts[1])
        return getattr(line, parts[2]) if line else None
    if path not in SCALARS:
        raise KeyError(path)
    figure: Figure | None = getattr(figures, parts[0]).get(parts[1])
    return figure


@dataclass(frozen=True)
class Value:
    """A figure as the checks read it, catalogue or stated alike: label, value in its unit, how it was written."""

    ref: str
    label: str
    value: float
    unit: str
    qualifier: Qualifier
    places: int | None
    source: str | None
    basis: str
    scope: str | None = None
    scale: Decimal = Decimal(1)  # what a written digit was multiplied by: a multiplier (2.6万) and a unit converted
    text: str | None = None  # the phrase as written (2.6万余次, 1.5亿元), when the document's words were kept

    @property
    def qualified(self) -> bool:
        """Written with 余, 约, 以上 …: it bounds the true value rather than stating it."""
        return self.qualifier is not Qualifier.EXACT

    def quantity(self) -> Quantity:
        """The value as a statement, for agreement and contradiction at the precision it was written."""
        places = self.places if self.places is not None else _places_of(self.value)
        return Quantity(Decimal(repr(float(self.value))), canonical_unit(self.unit), self.qualifier, places,
                        scale=self.scale)


def restated(st: Statement, ref: str, label: str, unit: str, written_unit: str | None) -> Value:
    """Another statement of a figure, in that figure's unit: converted (1.5亿元 → 15000万元) with its precision, so
    that 1.5亿元 admits 14500–15500万元 and 2.6万次 admits 25500–26500次, as written."""
    step = factor(written_unit, unit) if written_unit else Decimal(1)
    value = float(Decimal(repr(float(st.value))) * step) if step != 1 else st.value
    return Value(ref, label, value, unit, st.qualifier, st.places, st.source, "self_reported",
                 scale=st.scale * step, text=st.text)


def figure_value(ref: str, label: str, fig: Figure, unit: str) -> Value:
    """A catalogue figure (or a listed item's amount) as the checks read it: in the catalogue's unit, with the places
    it was printed with and what its last digit is worth there (1.5亿元 → 15000万元 to the 1000万元)."""
    step = factor(fig.unit, unit) if fig.unit else Decimal(1)
    return Value(ref, label, fig.in_unit(unit), unit, fig.qualifier, fig.written_places, fig.source, fig.basis,
                 fig.scope, scale=step)


def value_of(params: UnitParams, ref: str) -> Value | None:
    """The figure a reference names (catalogue path or stated id), or None when the document does not state it.

    A catalogue figure written in another unit (1.5亿元) comes back in the catalogue's unit (15000万元).
    KeyError when the reference names nothing.
    """
    if is_figure_path(ref):
        fig = written_figure_at(params.figures, ref)
        return None if fig is None else figure_value(ref, label_of(ref), fig, unit_of(ref))
    stated = params.stated_figure(ref)
    if stated is None:
        raise KeyError(ref)
    return Value(ref, stated.label, stated.value, canonical_unit(stated.unit), stated.qualifier, stated.places,
                 stated.source, stated.basis, stated.scope, scale=stated.scale, text=stated.text)


def _refs(params: UnitParams) -> list[tuple[str, str]]:
    """(field, reference) of every figure reference in params (claims and item lists)."""
    c = params.claims
    out = [(f"claims.statements[{i}].figure", s.figure) for i, s in enumerate(c.statements)]
    for i, r in enumerate(c.ratios):
        out += [(f"claims.ratios[{i}].numerator", r.numerator), (f"claims.ratios[{i}].denominator", r.denominator)]
    for i, d in enumerate(c.identities):
        out.append((f"claims.identities[{i}].whole", d.whole))
        out += [(f"claims.identities[{i}].parts[{j}]", p.lstrip("-")) for j, p in enumerate(d.parts)]
    return out


def reference_problems(params: UnitParams) -> list[tuple[str, str]]:
    """Problems no single field shows: stated ids used twice, references to nothing, units that cannot compare."""
    from .figures import all_figure_paths, suggestion

    problems: list[tuple[str, str]] = []
    ids = [s.id for s in params.stated]
    first: dict[str, int] = {}
    problems += [(f"stated[{i}].id", f"id {s!r} is used twice; each stated figure needs its own")
                 for i, s in enumerate(ids) if first.setdefault(s, i) != i]  # a dict, not ids.index: linear
    known = set(ids)
    for field, ref in _refs(params):
        if not is_figure_path(ref) and ref not in known:
            problems.append((field, f"{ref!r} is neither a catalogue figure nor the id of a stated figure"
                             + (suggestion(ref, [*known, *all_figure_paths()]) or
                                "; add it under stated: with an id, label, value and unit")))
    for group in ("staff", "budget", "progress", "outputs", "survey", "activity", "assets", "buildings"):
        for key, fig in getattr(params.figures, group).items():
            want = unit_of(f"{group}.{key}")
            if fig.unit and not commensurable(fig.unit, want):
                problems.append((f"figures.{group}.{key}.unit", f"{fig.unit!r} cannot be converted to {want!r}, "
                                 f"the unit of {label_of(f'{group}.{key}')}"))
    for i, st in enumerate(params.claims.statements):
        target = _safe_value(params, st.figure)
        if st.unit and target is not None and not commensurable(st.unit, target.unit):
            problems.append((f"claims.statements[{i}].unit", f"{st.unit!r} cannot be compared with "
                             f"{target.unit or '无单位'} ({target.label})"))
        elif st.value < 0 and is_figure_path(st.figure):  # a catalogue figure never is: a rate or a misreading
            problems.append((f"claims.statements[{i}].value", f"{exact(st.value)} cannot be another statement of "
                             f"{label_of(st.figure)}, which is never negative"))
    for i, r in enumerate(params.claims.ratios):
        a, b = _safe_value(params, r.numerator), _safe_value(params, r.denominator)
        if r.kind != "ratio" and a is not None and b is not None and not commensurable(a.unit, b.unit):
            problems.append((f"claims.ratios[{i}].kind", f"a {r.kind} compares like with like: {a.label} is in "
                             f"{a.unit or '无单位'}, {b.label} in {b.unit or '无单位'} (use kind: ratio)"))
    return problems


def _safe_value(params: UnitParams, ref: str) -> Value | None:
    try:
        return value_of(params, ref)
    except (KeyError, IncommensurableUnits):  # reported on their own
        return None


PLACEHOLDER_UNIT = {"id": "unit", "name": "—", "region": "—", "year": 2000, "framework": "dept_overall_a"}


class Checked(NamedTuple):
    """Params data checked: the params its valid sections make, the sections that were not, and every problem."""

    params: UnitParams | None
    invalid: frozenset[str]  # top-level sections left out of params ('unit' means its identity is a placeholder)
    problems: list[tuple[str, str]]


def check_params(data: Any) -> Checked:
    """Every problem of params data at once, and the params its valid sections make.

    The schema's problems and the references the schema cannot see (ids, units) come together: where a section is
    invalid, the references of the others are still checked, so that fixing a file takes one round.
    """
    if data is None:  # an empty file said "expected a mapping at the top level, found NoneType"
        return Checked(None, frozenset(), [("", "the file is empty (no YAML in it); expected a unit's params, as "
                                                "params/units/*.yaml or `perfeval draft` writes them")])
    if not isinstance(data, dict):
        return Checked(None, frozenset(), [("", f"expected a mapping at the top level, found {type(data).__name__}")])
    try:
        params = UnitParams.model_validate(data)
    except ValidationError as exc:
        problems = describe_errors(exc, data, UnitParams)
        bad = frozenset(str(err["loc"][0]) for err in exc.errors() if err["loc"])
        partial, shifted = _valid_part(data, exc)
        if partial is None:
            return Checked(None, bad, problems)
        more = [p for p in reference_problems(partial) if not any(p[0].startswith(s + "[") for s in shifted)]
        return Checked(partial, bad | ({"unit"} if "unit" not in data else set()), problems + more)
    return Checked(params, frozenset(), reference_problems(params))


def _valid_part(data: dict[str, Any], exc: ValidationError) -> tuple[UnitParams | None, set[str]]:
    """The params made of what validates, and the lists whose entries moved.

    First each invalid value is left out (a bad optional field, a bad figure); what is still invalid then goes
    whole (a record missing what it needs; its list's later entries move up, so problems about them are not
    reported from the partial params). The identity is replaced by a placeholder when it is invalid.
    """
    import copy  # only an invalid file is copied

    kept = copy.deepcopy({k: v for k, v in data.items() if k in UnitParams.model_fields})
    shifted: set[str] = set()
    for whole in (False, True, True):
        for err in exc.errors():
            loc = [p for p in err["loc"] if isinstance(p, (str, int))]
            moved = _drop(kept, loc, whole)
            if moved:
                shifted.add(moved)
        if not isinstance(kept.get("unit"), dict) or "unit" in {e["loc"][0] for e in exc.errors() if e["loc"]}:
            kept["unit"] = PLACEHOLDER_UNIT
        try:
            return UnitParams.model_validate(kept), shifted
        except ValidationError as again:
            exc = again
    return None, shifted


def _holds(node: Any, part: str | int) -> bool:
    """Whether a mapping has the key, or a list the position."""
    return isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) \
        and 0 <= part < len(node)


def _drop(data: Any, loc: list[str | int], whole: bool) -> str | None:
    """Leave out the value at the deepest part of loc that exists; with whole, the list entry that holds it.
    Returns the readable path of a list whose entries moved, if any did."""
    parents: list[tuple[Any, Any]] = []  # (container, key) down the path
    node = data
    for part in loc:
        if _holds(node, part):
            parents.append((node, part))
            node = node[part]
        else:
            break
    if whole:
        lists = [i for i, (c, _) in enumerate(parents) if isinstance(c, list)]
        if lists:
            container, key = parents[lists[0]]
            del container[key]
            return readable_path(loc[:lists[0]], None)
    if parents:
        container, key = parents[-1]
        if isinstance(container, dict):
            del container[key]
    return None


def parse_params(data: Any, file: str | Path) -> UnitParams:
    """Validate already-parsed params data; every problem is reported at once, in one ParamsError."""
    checked = check_params(data)
    if checked.problems or checked.params is None or checked.invalid:
        raise ParamsError(str(file), checked.problems)
    return checked.params


OLD_FORMATS = (".doc", ".wps", ".rtf")  # a report saved by an older Word or WPS: read once saved as .docx


def read_params_data(path: str | Path) -> Any:
    """A params file's YAML, read strictly and within bounds (a ParamsError for an unreadable file, and for a unit's
    report given where params are expected: it says to draft it, rather than failing on its text as YAML)."""
    if Path(path).suffix.lower() in WORKBOOK_SUFFIXES:
        raise ParamsError(str(path), [("", f"is a workbook ({Path(path).suffix}), not a params file: read a filled "
                                           f"intake workbook into params first with `perfeval excel import {path}`")])
    if Path(path).suffix.lower() in OLD_FORMATS:  # no reader opens it: `draft` and `run` refuse it (trial 7 X53)
        raise ParamsError(str(path), [("", f"is a unit's report in an old format ({Path(path).suffix}), not a params "
                                           "file: save it as .docx (or PDF) first, then draft it with `perfeval draft`"
                                           " or give it to `perfeval run`")])
    if Path(path).suffix.lower() in REPORT_SUFFIXES:
        raise ParamsError(str(path), [("", f"is a unit's report ({Path(path).suffix}), not a params file: read it into "
                                           f"params first with `perfeval draft {path}`, or give it to `perfeval run`")])
    try:
        return read_yaml(path)
    except InputFileError as exc:
        raise ParamsError(exc.file, exc.problems) from None


def load_params(path: str | Path) -> UnitParams:
    """Read and validate one params file."""
    return parse_params(read_params_data(path), path)
