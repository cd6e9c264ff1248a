"""Readings: the questions a framework's printed text leaves open, each with its options and a default.

A framework declares them under `interpretations:`; a unit's params may choose another option. Some keys are
read by the engine itself, with options whose meaning is code (how fractions of a point count) or data (grade
bands, qualitative bands, rate precision); the others belong to one framework's rules (which denominator,
which rule for 满意度) and their options are mapped in those rules. Where a framework is silent on a national
variant, the national default of 财预〔2020〕10号 applies and says so.
"""
from typing import Annotated, Any, Literal, NamedTuple

from .records import ConfigDict, Field, Record, model_validator

Fraction = Annotated[float, Field(strict=True, allow_inf_nan=False, ge=0, le=1)]
NATIONAL_SOURCE = "财预〔2020〕10号"


class Spec(Record):
    """Base of every framework record: unknown fields are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class GradeBand(Spec):
    """A grade and the lowest total (on 100) that earns it; the last band has no minimum."""

    grade: Annotated[str, Field(min_length=1, max_length=8)]
    min: Annotated[float, Field(strict=True, allow_inf_nan=False)] | None = None


class QualitativeBand(Spec):
    """Share of a row's weight a qualitative level may score: [min, max], max excluded when max_open."""

    min: Fraction
    max: Fraction
    max_open: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> "QualitativeBand":
        if self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


Level = Literal["achieved", "partly", "not"]
LEVEL_LABEL: dict[str, str] = {"achieved": "达成", "partly": "部分达成", "not": "未达成"}


class Option(Spec):
    """One answer to a reading: its wording, and the data the engine reads for data-carrying readings."""

    text: Annotated[str, Field(min_length=1, max_length=400)]
    grades: list[GradeBand] | None = None
    bands: dict[Level, QualitativeBand] | None = None
    places: Annotated[int, Field(strict=True, ge=0, le=6)] | None = None
    percent: Annotated[float, Field(strict=True, allow_inf_nan=False, gt=0)] | None = None  # a threshold, in %

    @model_validator(mode="before")
    @classmethod
    def _text_only(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data


class Interpretation(Spec):
    """A documented reading of a gap or variant; params may choose another of its options."""

    question: Annotated[str, Field(min_length=1, max_length=400)]
    default: str
    options: dict[str, Option]
    source: str | None = None

    @model_validator(mode="after")
    def _default_is_option(self) -> "Interpretation":
        if not self.options:
            raise ValueError("list at least one option")
        if self.default not in self.options:
            raise ValueError(f"default {self.default!r} is not one of the options: {', '.join(self.options)}")
        return self

    def text(self, option: str) -> str:
        return self.options[option].text


class EngineReading(NamedTuple):
    """A reading the engine consults itself: the option names it understands and the data each must carry."""

    options: tuple[str, ...] | None  # None: any names, each carrying `data`
    data: str | None  # 'grades', 'bands' or 'places': the field every option must give
    needed_by: str  # which part of a framework makes it needed, for the error that says it is missing
    national: Interpretation | None  # applies when the framework does not declare it


def _national(question: str, option: str, text: str, **data: Any) -> Interpretation:
    return Interpretation(question=question, default=option, options={option: Option(text=text, **data)},
                          source=NATIONAL_SOURCE)


NATIONAL_GRADES = [GradeBand(grade="优", min=90), GradeBand(grade="良", min=80), GradeBand(grade="中", min=60),
                   GradeBand(grade="差")]
NATIONAL_QUALITATIVE = {"achieved": QualitativeBand(min=0.8, max=1.0),
                        "partly": QualitativeBand(min=0.6, max=0.8, max_open=True),
                        "not": QualitativeBand(min=0.0, max=0.6, max_open=True)}

ENGINE_READINGS: dict[str, EngineReading] = {
    "per_point_fraction": EngineReading(
        ("proportional", "started_points", "whole_points"), None,
        "a rule that deducts per percentage point (deduct_per_point)", None),
    "unreachable_weight": EngineReading(
        ("scale_to_weight", "as_written"), None,
        "an indicator whose printed criteria give fewer points than its weight", None),
    "blank_weight": EngineReading(
        ("not_assessed", "equal_share"), None, "an indicator with a rule but no weight (weight: null)", None),
    "row_weight_mismatch": EngineReading(
        ("rescale_to_header", "as_given"), None, "personalised rows (the unit's own indicator table)", None),
    "qualitative_default": EngineReading(
        ("band_max", "band_mid"), None, "personalised rows that may be qualitative", None),
    "equal_target_rule": EngineReading(
        ("closer_ratio", "all_or_nothing"), None, "personalised rows that may have '=' targets", None),
    "lower_is_better": EngineReading(
        ("ratio", "linear"), None, "personalised rows with '≤' targets (costs)",
        _national("“越低越好”的指标超出目标值时如何计分", "ratio",
                  "实际值 ≤ 目标值得满分，否则 分值 × 目标值 ÷ 实际值")),
    "basic_wording": EngineReading(
        ("partly", "achieved"), None, "personalised rows that may be qualitative",
        _national("实际完成值写作“基本实现”“基本完成”“大体完成”等，达成程度如何判定", "partly",
                  "按部分达成计（“基本”不等于全部实现）")),
    "deviation_threshold": EngineReading(
        None, "percent", "personalised rows (the unit's own targets)",
        _national("完成值超出年度指标值多少视为目标设定偏低、须说明偏差原因", "p130",
                  "完成值达到年度指标值的 130% 及以上（预算管理一体化系统的偏差提示）", percent=130)),
    "not_applicable": EngineReading(
        ("rescale", "full_marks"), None, "any indicator that may not apply",
        _national("不适用的指标如何处理", "rescale", "不适用的指标不计分，总分按其余分值折算为百分制")),
    "grade_bands": EngineReading(
        None, "grades", "every framework (the grade of a total)",
        _national("综合得分如何划分等次", "national", "≥90 优，[80,90) 良，[60,80) 中，<60 差",
                  grades=NATIONAL_GRADES)),
    "qualitative_bands": EngineReading(
        None, "bands", "personalised rows that may be qualitative",
        _national("定性指标各达成程度的得分区间", "national",
                  "达成 80%–100%（含80%），部分达成 60%–80%（含60%），未达成 0–60%",
                  bands=NATIONAL_QUALITATIVE)),
    "rate_precision": EngineReading(
        None, "places", "a rule that bands, deducts or scores on a computed rate",
        _national("计算的比率按几位小数参与分档与扣分", "half_up_2",
                  "比率先四舍五入到两位小数（与报表列示一致），再分档或扣分", places=2)),
}


def option_problems(key: str, interp: Interpretation) -> list[str]:
    """What is wrong with a framework's declaration of an engine reading (unknown options, missing data)."""
    spec = ENGINE_READINGS.get(key)
    if spec is None:
        return []
    problems = []
    if spec.options is not None:
        unknown = [o for o in interp.options if o not in spec.options]
        if unknown:
            problems.append(f"option {unknown[0]!r} has no meaning to the engine; the options of {key} are: "
                            + ", ".join(spec.options))
    if spec.data is not None:
        for name, option in interp.options.items():
            if spec.data not in option.model_fields_set:
                problems.append(f"option {name!r} must give {spec.data} (see the national default in the README)")
    return problems
