"""Every check declared once: its id, kind, title, how its severity is derived, its message, its evidence by role.

A check function finds what does not hold and calls its declaration with the figures (`DECLARED[id](...)` or the
module constant): the declaration words the finding, decides its severity and orders its evidence by role. The
kinds a review memo groups findings under (KINDS), the severity labels, the README's tables and the root-cause
merge (checks.causes) all read these declarations. A new check is one declaration, its function and its tests.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterable, Mapping, Union

from ..core.numbers import plain
from .finding import SEVERITY_LABEL, Evidence, Finding, Severity


@dataclass(frozen=True)
class Kind:
    """A group of findings: its key, the heading a memo gives it, what it catches and the params it reads."""

    key: str
    heading: str
    catches: str
    reads: str


KIND_LIST = (
    Kind("accounting_identities", "勾稽关系不成立",
         "总支出 = 基本 + 项目, 基本 = 人员 + 公用, 三公 = its items, 实有 = 在职 + 退休 + 遗属, 在职 = its kinds, 调整后预算 = 年初 + 追加 − "
         "调减, 总支出 = spending by source, identities the analyst declares — each figure read as the range its "
         "words allow (3700余 is 3700–3800, 约1300 is 1170–1430, 1200万元以上 has no top) or its printed places "
         "allow (3752万元 is 3751.5–3752.5; 60人 is 60) and named as written; "
         "share of a total its listed items leave unexplained; one item listed under two totals",
         "`figures`, `claims.identities`, `project_items`, `item_lists`"),
    Kind("two_values", "同一数字前后不一",
         "a figure (catalogue or stated), a row's actual/target or a section's 总分值 stated differently in two places "
         "— judged with qualifiers and precision — with the score effect",
         "`claims.statements`, `indicators[].elsewhere`, `claims.sections`"),
    Kind("unexplained_differences", "相关数字的差异未说明",
         "a figure and a differently named quantity the report links to it (调减 against 预算调整) that differ "
         "without a word why, with the arithmetic that could explain the difference",
         "`claims.statements` (with `named`)"),
    Kind("recomputed_vs_claimed", "陈述的比率与重算不符",
         "a stated rate, share, change or ratio, or a section 得分率, that the unit's figures do not give at the "
         "stated precision and qualifier", "`claims.rates`, `claims.ratios`, `claims.sections`"),
    Kind("generous_scoring", "评分从宽",
         "full marks for a cost overrun, a shortfall, a satisfaction below target; a qualitative claim above its band "
         "(部分达成 claimed at 80 %); a target equal to the result", "`indicators`, `claims.scores`"),
    Kind("claimed_scores", "指标自评得分与重算不符", "claimed indicator and section scores vs recomputed", "`claims`"),
    Kind("claimed_total", "自评总分与等次",
         "a claimed total that is not the sum of the claimed rows, leaves rows out, lies outside what the evidence "
         "allows, or cannot be verified; a grade it does not support", "`claims`"),
    Kind("deviations", "偏差原因未说明",
         "a quantitative row of the unit's own at or above the declared share of its target (目标设定偏低, 130 % in "
         "the 一体化 modules) or short of it (an `=` target missed either way), with no 偏差原因 (a blank, a dash or 无 "
         "is none)", "`indicators[].deviation_note`"),
    Kind("execution", "支付进度与结转结余",
         "payments behind the 序时进度 at the end of a quarter (the framework's checkpoints, else 25/50/75 %); "
         "judged at the framework's rate precision; 结转结余率 and 结转结余变动率 where carry-over figures are stated",
         "`figures.progress`, `figures.budget.carryover`, `figures.budget.prev_carryover`"),
    Kind("budget_denominator", "预算执行率的分母口径",
         "execution on the start-of-year vs the adjusted budget: both rates, which the rule uses, the score effect; "
         "budget figures on another scope than the framework defines (项目支出 for 部门整体)",
         "`figures.budget`"),
    Kind("overspending", "超预算支出与超计划执行",
         "决算 above 预算; “三公” above last year's 决算; procurement above plan; execution above the budget; "
         "楼堂馆所 above approval; 在职 above 编制, and 实有人数 above 编制 where no 在职 (nor 退休, 遗属) is stated, asked at "
         "提示 since 实有 may count retirees", "`figures`"),
    Kind("projects", "项目绩效自评",
         "附件2-4: how many projects, their spread and the share of 项目支出 covered; items, and the projects the "
         "narrative names as their uses (主要用于…), that no evaluation names; a "
         "score its execution rate cannot support (90 + 10 × execution, 财预〔2020〕10号); a grade its score does not "
         "give", "`projects`, `project_items`"),
    Kind("years", "与上年相比",
         "a base-data line that moved 30 % or more on last year (a change the framework scores itself is left to its "
         "row)", "`figures.lines`"),
    Kind("framework_arithmetic", "指标体系分值算术",
         "the unit's rows that do not add up to their header; a unit's table whose weights do not total 100",
         "the framework, `indicators`"),
)
KINDS: dict[str, str] = {k.key: k.heading for k in KIND_LIST}  # in the order a review memo groups them


@dataclass(frozen=True)
class Derived:
    """A severity that depends on what is at stake: its rule in words, and the function of the finding's facts."""

    text: str
    of: Callable[..., Severity]


SeverityRule = Union[Severity, Derived]

SHARE_WORTH_A_WARNING = 1.0  # % of a total left unexplained by its listed items
MATERIAL_POINTS = 10.0  # percentage points between two rates on different denominators worth a warning

BY_SHARE = Derived(f"警示 when the unexplained share is at least {plain(SHARE_WORTH_A_WARNING)} %, else 提示",
                   lambda share, **_: "warning" if share >= SHARE_WORTH_A_WARNING else "info")
MATERIAL_POINTS_OF_TOTAL = 1.0  # points of the total on 100 a finding moves that make it an 错误
MATERIAL_SHARE = 5.0  # % of a budget or plan an excess must reach to be a 警示 rather than a 提示


def _by_points(points: float, grade_changes: bool, share: float = 0.0, **_: object) -> Severity:
    """share: what a misstated rate or amount gets wrong, in % of its base (0 where nothing but points is at stake)."""
    if grade_changes or points >= MATERIAL_POINTS_OF_TOTAL - 1e-9:
        return "error"
    return "warning" if points >= 0.005 or share >= MATERIAL_SHARE else "info"


BY_MATERIALITY = Derived(f"by what is at stake: 错误 when it moves {plain(MATERIAL_POINTS_OF_TOTAL)} point of the total "
                         "or more or could change the grade, 警示 when it moves fewer points or misstates "
                         f"{plain(MATERIAL_SHARE)} % of its base or more, 提示 otherwise", _by_points)
BY_MONEY = Derived(f"警示 when the excess is {plain(MATERIAL_SHARE)} % of the budget (or plan) or more, else 提示",
                   lambda share, **_: "warning" if share >= MATERIAL_SHARE else "info")
BY_EFFECT = Derived(f"警示 when the denominator changes a score or the rates differ by {plain(MATERIAL_POINTS)} points, "
                    "else 提示", lambda changed, spread, **_: "warning" if changed or spread >= MATERIAL_POINTS
                    else "info")
BY_LINT = Derived("as the framework's lint rates the problem", lambda lint_severity, **_: lint_severity)

Found = Union[Evidence, Iterable[Evidence], None]


@dataclass(frozen=True)
class Declared:
    """One check: calling it with the evidence by role and the fields of its template gives the finding."""

    id: str
    kind: str
    title: str
    severity: SeverityRule
    template: str  # the message, str.format fields named
    rule: str  # the rule or identity applied, a template too
    roles: tuple[str, ...]  # the evidence it shows, by role, in the order shown
    found_by: str  # the CHECKS entry that raises it

    def severity_text(self) -> str:
        return SEVERITY_LABEL[self.severity] if isinstance(self.severity, str) else self.severity.text

    def __call__(self, evidence: Mapping[str, Found] | None = None, *, indicator: str | None = None,
                 figures: Iterable[str] = (), **fields: object) -> Finding:
        unknown = set(evidence or {}) - set(self.roles)
        if unknown:
            raise ValueError(f"check {self.id} declares no evidence role {sorted(unknown)[0]!r}")
        shown: list[Evidence] = []
        for role in self.roles:
            given = (evidence or {}).get(role)
            items = () if given is None else (given,) if isinstance(given, Evidence) else tuple(given)
            shown += [replace(e, role=role) for e in items]
        severity = self.severity if isinstance(self.severity, str) else self.severity.of(**fields)
        return Finding(self.id, self.kind, KINDS[self.kind], severity, self.template.format(**fields),
                       self.rule.format(**fields), tuple(shown), indicator, figures=tuple(figures))


def _d(id: str, kind: str, title: str, severity: SeverityRule, template: str, rule: str, roles: str,
       found_by: str) -> Declared:
    return Declared(id, kind, title, severity, template, rule, tuple(roles.split()), found_by)


# ---------------------------------------------------------------- accounting_identities
IDENTITY_BROKEN = _d(
    "identity_broken", "accounting_identities", "总数不等于其分项之和", "error",
    "{head}，而其分项 {terms} 合计 {total}，比总数{more} {gap}（分项来源：{sources}）。总数应等于其分项之和。",
    "{rule}", "whole part sum", "breakdowns")
ITEMS_EXCEED_WHOLE = _d(
    "items_exceed_whole", "accounting_identities", "分项之和超过总数", "error",
    "{head}，而{scope} {terms} 合计 {total}，比总数还多 {gap}（分项来源：{sources}）。分项之和不能超过总数。",
    "{rule}", "whole part sum", "breakdowns")
DECLARED_IDENTITY_BROKEN = _d(
    "declared_identity_broken", "accounting_identities", "评价人员列明的关系不成立", "error",
    "{whole} {whole_text}{whole_source}，而 {listed} 合计 {total}，比它{more} {gap}（{source}）。",
    "{rule}", "whole part sum", "declared_identities")
DECLARED_IDENTITY_UNEXPLAINED = _d(
    "declared_identity_unexplained", "accounting_identities", "总数中有未说明属于哪一项的部分", BY_SHARE,
    "{whole} {whole_text}{whole_source}，报告列出的其中各项 {listed} 合计 {total}，尚有 {gap}（占 {share_text}）"
    "未说明属于哪一项（{source}）。",
    "{whole}应由其各项说明；未说明部分 = 总数 − 所列各项之和", "whole part", "declared_identities")
LISTED_ITEMS_EXCEED_WHOLE = _d(
    "listed_items_exceed_whole", "accounting_identities", "逐项列出的金额超过总数", "error",
    "{head}，比{label}还多 {gap}。所列各项之和不能超过总数。", "{label} ≥ 所列各项之和", "whole item", "listed_items")
LISTED_ITEMS_UNEXPLAINED = _d(
    "listed_items_unexplained", "accounting_identities", "总数中有未说明用途的部分", BY_SHARE,
    "{head}，尚有 {gap}（占 {share_text}）未说明用途。",
    "{label}应由所列各项说明；未说明部分 = {label} − 所列各项之和", "whole item", "listed_items")
ITEM_LISTED_TWICE = _d(
    "item_listed_twice", "accounting_identities", "同一笔支出列在两处", "warning",
    "同一笔 {amount} 既列在{first_total}下（“{first}”{first_source}），又列在{other_total}下（“{other}”{other_source}），"
    "可能重复列示，或资金来源口径不一。", "同一笔支出只能列在一处", "first other", "items_listed_twice")

# ---------------------------------------------------------------- two_values
FIGURE_STATED_TWICE = _d(
    "figure_stated_twice", "two_values", "同一数字前后不一", BY_MATERIALITY,
    "{label}前后不一：一处为 {first}{first_source}，另一处为 {other}{other_source}{gap}。{effect}",
    "同一报告中同一数字只能有一个值（带“余”“约”“以上”等限定词的，按其所能表示的范围判断）", "first other",
    "figure_statements")
FIGURE_DIFFERS_UNEXPLAINED = _d(
    "figure_differs_unexplained", "unexplained_differences", "相关数字之间有未说明的差额", BY_MATERIALITY,
    "{label} {first}{first_source}，报告另处所称“{named}”为 {other}{other_source}，两者相差 {gap}，报告未说明差额的来由"
    "（二者名称不同，不是同一数字的两种写法）。{arithmetic}{effect}",
    "名称不同但相互关联的数字之间的差额应予说明", "first other", "figure_statements")
ROW_VALUE_STATED_TWICE = _d(
    "row_value_stated_twice", "two_values", "同一指标的数值前后不一", BY_MATERIALITY,
    "“{row}”的{what}前后不一：{first_source}为 {first}，另一处为 {other}（{other_source}）。{change}",
    "同一报告中同一指标的数值只能有一个", "first other", "row_restatements")
SECTION_WEIGHT_STATED_TWICE = _d(
    "section_weight_stated_twice", "two_values", "一级指标分值前后不一", BY_MATERIALITY,
    "“{section}”的分值前后不一：指标表表头为 {header}，报告正文为 {stated}（{source}）；表中其下各行分值合计 {rows}。",
    "一级指标分值只能有一个，且应等于其下各行分值之和", "header stated rows", "section_weights")

# ---------------------------------------------------------------- recomputed_vs_claimed
RECOMPUTE_RULE = "按单位自身数据重算，并按其陈述的精度比较（陈述 92% 对重算 92.16% 不算不符）"
CLAIMED_RATE_MISMATCH = _d(
    "claimed_rate_mismatch", "recomputed_vs_claimed", "陈述的指标比率与重算不符", BY_MATERIALITY,
    "{label}：单位陈述为 {stated}（{source}），按其数据（{used}）重算为 {computed}，不一致。",
    RECOMPUTE_RULE, "stated recomputed input", "stated_rates")
STATED_RATIO_MISMATCH = _d(
    "stated_ratio_mismatch", "recomputed_vs_claimed", "陈述的两数关系与重算不符", BY_MATERIALITY,
    "{label}：单位陈述为 {stated}（{source}），按 {a} 与 {b} 重算（{formula}）为 {computed}，不一致。{hint}",
    "{label} = {formula}；" + RECOMPUTE_RULE, "stated recomputed numerator denominator", "stated_ratios")
SECTION_RATE_MISMATCH = _d(
    "section_rate_mismatch", "recomputed_vs_claimed", "一级指标得分率与其得分、分值不符", BY_MATERIALITY,
    "“{section}”：报告正文（{source}）称总分值 {weight}、评价得分 {score}、得分率 {rate}；而 {score_num} ÷ {weight_num} = "
    "{computed}，与所述得分率不符。{hint}",
    "得分率 = 评价得分 ÷ 总分值 × 100%；" + RECOMPUTE_RULE, "stated score weight recomputed", "section_rates")

# ---------------------------------------------------------------- generous_scoring
GENEROUS = ("“{row}”（{level2}，分值 {weight}）：{why}，自评仍给{full}{claimed}；按规则（{rule}）最多应得 {allowed}。")
GENEROUS_ROLES = "claimed allowed weight target actual"


def _generous(id: str, title: str) -> Declared:
    return _d(id, "generous_scoring", title, BY_MATERIALITY, GENEROUS, "{rule}", GENEROUS_ROLES, "full_marks")


FULL_MARKS_FOR_COST_OVERRUN = _generous("full_marks_for_cost_overrun", "成本超出目标仍给满分")
FULL_MARKS_FOR_SHORTFALL = _generous("full_marks_for_shortfall", "未达目标仍给满分")
FULL_MARKS_BELOW_SATISFACTION_TARGET = _generous("full_marks_below_satisfaction_target", "满意度未达目标仍给满分")
FULL_MARKS_OFF_TARGET = _generous("full_marks_off_target", "未等于目标值仍给满分")
FULL_MARKS_FOR_PARTIAL_ACHIEVEMENT = _generous("full_marks_for_partial_achievement", "部分达成仍给满分")
CLAIMED_ABOVE_BAND = _generous("claimed_above_band", "定性指标自评高于其档次")
TARGET_EQUALS_ACTUAL = _d(
    "target_equals_actual", "generous_scoring", "目标值与实际值分毫不差", "info",
    "“{row}”的年度指标值与实际完成值同为 {value}（精确到小数），目标很可能是事后按实际数填写，该指标不能说明绩效。",
    "绩效目标应在年初设定；与实际完成值分毫不差的非整数目标应核实其设定时间与依据", "target actual",
    "targets_set_at_result")

# ---------------------------------------------------------------- claimed_scores / claimed_total
CLAIMED_SCORE_ABOVE_RECOMPUTED = _d(
    "claimed_score_above_recomputed", "claimed_scores", "指标自评得分高于重算", BY_MATERIALITY,
    "“{row}”自评 {claimed}（分值 {weight}），按规则（{rule}）重算为 {recomputed}，自评高出 {gap}。",
    "{rule}", "claimed recomputed weight", "claimed_scores")
CLAIMED_SCORE_BELOW_RECOMPUTED = _d(
    "claimed_score_below_recomputed", "claimed_scores", "指标自评得分低于重算", "info",
    "“{row}”自评 {claimed}，按规则（{rule}）重算为 {recomputed}，自评低了 {gap}。",
    "{rule}", "claimed recomputed weight", "claimed_scores")
SECTION_SCORE_ABOVE_RECOMPUTED = _d(
    "section_score_above_recomputed", "claimed_scores", "一级指标得分高于重算", "info",
    "“{section}”：报告称得分 {claimed}（总分值 {weight}），按规则重算为 {recomputed}（各行重算得分见上），自评高出 {gap}。",
    "一级指标得分 = 其下各行按规则重算的得分之和，按所述总分值折算", "claimed recomputed", "section_scores")
SECTION_SCORE_NOT_SUM_OF_ROWS = _d(
    "section_score_not_sum_of_rows", "claimed_total", "一级指标得分不等于其下各行之和", BY_MATERIALITY,
    "“{section}”：报告正文（{source}）称评价得分 {claimed}，而指标表中其下各行自评得分合计 {rows}。",
    "一级指标得分 = 其下各行得分之和", "claimed rows", "section_scores")
CLAIMED_TOTAL_UNVERIFIABLE = _d(
    "claimed_total_unverifiable", "claimed_total", "自评总分无法复核", "warning",
    "单位自评总分 {claimed}（{source}），但报告只载明可据以评分的指标 {assessed}（应评 {applicable}），其余 "
    "{not_assessed}无数据或无评分表，自评总分无法复核；按已评指标，总分可在 {low}–{high} 分之间。",
    "总分须由各指标得分加总；无指标得分表的自评总分不能采信", "claimed assessed", "claimed_total")
CLAIMED_TOTAL_MISMATCH = _d(
    "claimed_total_mismatch", "claimed_total", "自评总分与重算不符", BY_MATERIALITY, "{text}",
    "总分 = 各指标重算得分之和（按框架折算为百分制）", "claimed recomputed", "claimed_total")
SELF_SCORE_ABSENT = _d(
    "self_score_absent", "claimed_total", "未给出自评总分", "warning",
    "报告未给出自评总分{rows}，自评不完整：部门整体支出绩效自评应按评价框架逐项评分（应评 {applicable}）并汇总总分和等次。",
    "自评报告应载明各指标自评得分、自评总分和等次", "rows applicable", "claimed_total")
SELF_SCORE_NOT_EXPECTED = _d(
    "self_score_not_expected", "claimed_total", "非部门整体支出绩效自评，不评判自评总分", "info",
    "据标题，本文件为{kind}，不是部门整体支出绩效自评报告；它未按部门整体支出评价框架逐项评分、未给出自评总分，"
    "属其文件性质，部门整体自评总分不予评判。",
    "部门整体支出绩效自评应按评价框架逐项评分；其他文件（项目支出自评、专项资金评价、决算、预算）不作此要求", "",
    "claimed_total")
CLAIMED_GRADE_INCONSISTENT = _d(
    "claimed_grade_inconsistent", "claimed_total", "自评等次与自评总分不符", "error",
    "单位自评等次“{grade}”与其自评总分 {claimed} 对应的等次“{expected}”不符。", "{rule}", "grade claimed",
    "claimed_total")
CLAIMED_GRADE_UNSUPPORTED = _d(
    "claimed_grade_unsupported", "claimed_total", "自评等次与重算等次不符", "error",
    "单位自评等次“{grade}”，而重算总分 {total} 对应等次“{recomputed}”（{rule}）。", "{rule}", "grade recomputed",
    "claimed_total")
CLAIMED_TOTAL_NOT_SUM_OF_ROWS = _d(
    "claimed_total_not_sum_of_rows", "claimed_total", "自评总分不等于各指标自评得分之和", BY_MATERIALITY,
    "单位自评总分 {claimed}，而各指标自评得分合计 {rows}（{parts}）{left}。", "总分 = 各指标得分之和",
    "claimed rows weights", "claimed_total_vs_rows")
CLAIMED_TOTAL_OMITS_ROWS = _d(
    "claimed_total_omits_rows", "claimed_total", "自评总分漏计指标", "warning",
    "{blank}得分栏空白；自评总分 {claimed} 恰为其余各指标自评得分之和（{parts}），这些指标未计入总分。"
    "表中全部指标分值合计 {weights}。", "总分 = 全部指标得分之和；每个指标都应评分", "claimed rows weights",
    "claimed_total_vs_rows")

# ---------------------------------------------------------------- deviations
DEVIATION_UNEXPLAINED = _d(
    "deviation_unexplained", "deviations", "偏差未说明原因",
    Derived("警示 when the target was not met, 提示 when it was exceeded by the declared threshold",
            lambda missed, **_: "warning" if missed else "info"),
    "“{row}”（{level2}）年度指标值 {target}，实际完成值 {actual}（为目标的 {rate}），{what}，报告未说明偏差原因。",
    "完成值{rule}的，应说明偏差原因", "target actual", "deviations")

# ---------------------------------------------------------------- execution
PAYMENT_BEHIND_SCHEDULE = _d(
    "payment_behind_schedule", "execution", "支付进度落后于序时进度", BY_MATERIALITY,
    "支付进度落后于序时进度：{behind}。", "{rule}", "progress", "payment_progress")
CARRYOVER = _d(
    "carryover", "execution", "结转结余率与结转结余变动率", BY_MONEY,
    "结转结余 {carryover}{source}，占{base_label} {base} 的 {rate}（结转结余率）{change}。",
    "结转结余率 = 结转结余 ÷ 全年预算数 × 100%；结转结余变动率 = （本年 − 上年）÷ 上年 × 100%",
    "carryover base previous rate", "carryover")

STAFF_ABOVE_ESTABLISHMENT = _d(
    "staff_above_establishment", "overspending", "在职人员超过核定编制", "warning",
    "在职人员超编：实有在职 {on_duty}{on_duty_source}，超过核定编制 {authorized}{authorized_source} {gap}"
    "（在职人员控制率 {rate}）。", "在职人员控制率 = 在职人数 ÷ 编制数 × 100% ≤ 100%", "over limit",
    "over_establishment")
STAFF_TOTAL_ABOVE_ESTABLISHMENT = _d(
    "staff_total_above_establishment", "overspending", "实有人数超过核定编制（未载明在职人数）", "info",
    "实有人数 {total}{total_source} 超过核定编制 {authorized}{authorized_source} {gap}，报告未载明在职人数：实有人数只计"
    "在职人员时即超编 {gap}（在职人员控制率 {rate}），含离退休人员时则不是超编，请核对实有人数的口径。",
    "实有人数含离退休人员时不与编制相比；只计在职人员时，在职人员控制率 = 在职人数 ÷ 编制数 × 100% ≤ 100%",
    "over limit", "over_establishment")

# ---------------------------------------------------------------- budget_denominator
BUDGET_DENOMINATOR = _d(
    "budget_denominator", "budget_denominator", "预算执行率取决于分母口径", BY_EFFECT,
    "“{row}”取决于分母口径：{shown}。{notes}。",
    "执行率 = 执行数 ÷ 预算数；年初预算与调整后预算两种分母均列示，并说明评分采用哪一个", "rate denominator input",
    "budget_denominator")

BUDGET_SCOPE_DIFFERS = _d(
    "budget_scope_differs", "budget_denominator", "预算口径与评价框架的定义不同", "warning",
    "{rows}按{unit_scope}的预算数计算，而评价框架定义为{framework_scope}：这些得分只反映该口径的执行，"
    "不能代表部门（单位）整体。", "预算执行率等指标按评价框架定义的预算范围计算", "input", "budget_scope")

# ---------------------------------------------------------------- overspending
FINAL_ABOVE_BUDGET = _d(
    "final_above_budget", "overspending", "决算超过预算", BY_MONEY, "超预算支出：{text}。",
    "支出不得超过预算（决算数 ≤ 预算数）", "over limit", "overspending")
SANGONG_ABOVE_PREV_FINAL = _d(
    "sangong_above_prev_final", "overspending", "“三公”经费超过上年决算", BY_MONEY, "“三公”经费增长：{text}。",
    "“三公”经费只减不增：本年决算不超过上年决算", "over limit", "overspending")
PLAN_EXCEEDED = _d(
    "plan_exceeded", "overspending", "超计划执行", BY_MONEY, "超计划执行：{text}。",
    "执行数应与年初计划相符；大幅超出说明计划编制不实或存在计划外执行", "over limit", "over_execution")
EXECUTION_ABOVE_BUDGET = _d(
    "execution_above_budget", "overspending", "预算执行率超过 100%", BY_MONEY, "预算执行率超过 100%：{text}。",
    "执行数不得超过调整后的全年预算数", "over limit", "over_execution")
BUILDING = ("楼堂馆所实际{what} {actual}{actual_source}，超过批复{what} {approved}{approved_source}，"
            "{what}控制率 {rate}。")
BUILDING_RULE = "楼堂馆所{what}不得超过批复（{what}控制率 = 实际 ÷ 批复 × 100% ≤ 100%）"
BUILDING_AREA_OVER_APPROVAL = _d(
    "building_area_over_approval", "overspending", "楼堂馆所规模超过批复", "error", BUILDING, BUILDING_RULE,
    "over limit", "buildings")
BUILDING_INVESTMENT_OVER_APPROVAL = _d(
    "building_investment_over_approval", "overspending", "楼堂馆所投资超过批复", "error", BUILDING, BUILDING_RULE,
    "over limit", "buildings")

# ---------------------------------------------------------------- projects
PROJECTS_EVALUATED = _d(
    "projects_evaluated", "projects", "项目绩效自评概况", "info", "{text}",
    "项目支出应逐项开展绩效自评；汇总自评项目个数、得分分布及其覆盖的支出", "count mean lowest covered",
    "projects_evaluated")
PROJECT_ITEMS_WITHOUT_EVALUATION = _d(
    "project_items_without_evaluation", "projects", "所列项目未见绩效自评", "warning",
    "报告所列项目支出中，{listed}（合计 {total}）在项目绩效自评汇总表中找不到对应项目，未见其绩效自评。",
    "项目支出应逐项开展绩效自评", "item", "projects_unevaluated")
PROJECT_USES_WITHOUT_EVALUATION = _d(
    "project_uses_without_evaluation", "projects", "报告所述项目支出用途未见绩效自评", "warning",
    "报告所述项目支出的用途中，{count} 项在项目绩效自评汇总表（{projects} 个项目）中找不到对应项目，未见其绩效自评："
    "{listed}；报告未单列这些用途的金额。",
    "项目支出应逐项开展绩效自评", "use line", "projects_unevaluated")
LOW_EXECUTION = 90.0  # % of the budget: below it, projects all scored 优 say more than the spending shows
PROJECTS_ALL_HIGH_AGAINST_EXECUTION = _d(
    "projects_all_high_against_execution", "projects", "项目自评全部优秀而预算执行率偏低", "warning",
    "附件2-4 所列 {count} 个项目自评全部在 90 分以上（最低 {lowest} 分），而{row}只有 {rate}：项目自评未反映预算执行"
    "不到位，评分可能偏宽。", "项目自评得分应与其执行情况相符；预算执行率低于 {threshold} 时，项目不应全部评为优",
    "count lowest rate", "projects_against_execution")
PROJECT_SCORE_ABOVE_EXECUTION = _d(
    "project_score_above_execution", "projects", "项目自评分高于其执行率所能支持", "warning",
    "项目“{project}”预算 {budget}、执行 {executed}，执行率 {rate}，自评 {score} 分；按执行率，自评总分最高只能为 {cap} 分。",
    "{rule}", "claimed rate allowed", "project_scores")
PROJECT_GRADE_INCONSISTENT = _d(
    "project_grade_inconsistent", "projects", "项目等次与其自评分不符", "error",
    "项目“{project}”自评 {score} 分，等次却为“{grade}”（该分数对应“{expected}”）。",
    "项目等次由自评分按等次划分标准确定", "claimed grade", "project_scores")

# ---------------------------------------------------------------- years
LARGE_CHANGE_ON_LAST_YEAR = _d(
    "large_change_on_last_year", "years", "与上年相比变动较大", "info",
    "{label}本年{column}数 {now}{now_source}，上年{column}数 {before}{before_source}，较上年{way} {rate}，变动较大，应说明原因。",
    "变动率 = （本年 − 上年）÷ 上年 × 100%；变动 {threshold} 以上的列为提示", "now before change", "year_on_year")

# ---------------------------------------------------------------- framework_arithmetic
FRAMEWORK_ROWS_VS_HEADER = _d(
    "framework_rows_vs_header", "framework_arithmetic", "指标表各行分值之和不等于表头", BY_LINT, "{message}",
    "一级指标分值 = 其下各行分值之和", "", "rows_vs_header")
TABLE_TOTAL_NOT_100 = _d(
    "table_total_not_100", "framework_arithmetic", "指标表分值合计不是总分", "error",
    "指标表各行分值合计 {total}（{parts}），不是 {expected}。", "全部指标分值之和 = {expected_num} 分",
    "weights expected", "table_total")

DECLARED: dict[str, Declared] = {d.id: d for d in globals().values() if isinstance(d, Declared)}


def kinds_table() -> str:
    """The README's table of kinds, from KIND_LIST (a test holds the README to it)."""
    lines = ["| kind | what it catches | params it reads |", "| --- | --- | --- |"]
    lines += [f"| {k.key} | {k.catches} | {k.reads} |" for k in KIND_LIST]
    return "\n".join(lines)


def checks_table() -> str:
    """The README's table of checks, from the declarations (a test holds the README to it)."""
    lines = ["| check | kind | what it finds | severity | evidence by role |", "| --- | --- | --- | --- | --- |"]
    for kind in KIND_LIST:
        for d in (d for d in DECLARED.values() if d.kind == kind.key):
            lines.append(f"| `{d.id}` | {kind.key} | {d.title} | {d.severity_text()} | {', '.join(d.roles) or '—'} |")
    return "\n".join(lines)
