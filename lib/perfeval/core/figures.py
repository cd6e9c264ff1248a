"""The catalogue of figures a unit can state: key, Chinese label and unit (money is 万元)."""
from __future__ import annotations

import difflib
from typing import Iterable, NamedTuple

WAN = "万元"
# The note beside a figure the report's reader added up from the parts a report states (a line's 年初预算 and its
# 年中追加) instead of reading it: what a check finds against it is a question until an analyst confirms the draft.
ASSEMBLED_NOTE = "报告未载明，起草时由分项相加"


class LineSpec(NamedTuple):
    """One row of the base data table (附件1-2 基础数据表) or the narrative's spending breakdown."""

    label: str
    parent: str | None = None  # the line this one is an item of, for identity checks
    partial: bool = False  # its child lines are only 其中 items: they need not add up to it
    plan: bool = False  # a plan (e.g. 政府采购预算) rather than a spending limit: over it is over-execution


# Rows of money, each stated in up to four columns (see COLUMNS). Order follows 附件1-2.
LINES: dict[str, LineSpec] = {
    "total": LineSpec("部门整体支出（总支出）"),
    "basic": LineSpec("基本支出", "total"),
    "personnel": LineSpec("人员经费", "basic"),
    "public": LineSpec("公用经费", "basic", partial=True),
    "public_office": LineSpec("办公经费", "public"),
    "public_utilities_travel": LineSpec("水费、电费、差旅费", "public"),
    "public_meeting_training": LineSpec("会议费、培训费", "public"),
    "project": LineSpec("项目支出", "total", partial=True),
    "project_business": LineSpec("业务工作专项", "project"),
    "project_operation": LineSpec("运行维护专项", "project"),
    "sangong": LineSpec("“三公”经费"),
    "sangong_vehicle": LineSpec("公务用车购置和维护经费", "sangong"),
    "sangong_vehicle_purchase": LineSpec("公车购置", "sangong_vehicle"),
    "sangong_vehicle_operation": LineSpec("公车运行维护", "sangong_vehicle"),
    "sangong_abroad": LineSpec("因公出国（境）经费", "sangong"),
    "sangong_reception": LineSpec("公务接待费", "sangong"),
    "procurement": LineSpec("政府采购金额", plan=True),
}

COLUMNS: dict[str, str] = {
    "prev_budget": "上年预算数",
    "prev_final": "上年决算数",
    "budget": "本年预算数",
    "final": "本年决算数",
}

# Scalar figures outside the line table: key -> (label, unit).
SCALARS: dict[str, tuple[str, str]] = {
    "staff.authorized": ("编制数", "人"),
    "staff.total": ("实有人数（在职＋退休＋遗属）", "人"),
    "staff.on_duty": ("实际在职人数", "人"),
    "staff.on_duty_admin": ("在职人员·行政编制", "人"),
    "staff.on_duty_civil": ("在职人员·参照公务员法管理", "人"),
    "staff.on_duty_institution": ("在职人员·事业编制", "人"),
    "staff.on_duty_other": ("在职人员·其他（工勤等）", "人"),
    "staff.retired": ("退休人数", "人"),
    "staff.survivors": ("遗属人数", "人"),
    "staff.contract_approved": ("聘用人员批复数", "人"),
    "staff.contract_actual": ("聘用人员实际使用数", "人"),
    "budget.start_of_year": ("年初预算数", WAN),
    "budget.additions": ("年中追加数", WAN),
    "budget.reductions": ("年中调减数", WAN),
    "budget.adjusted": ("全年预算数（调整后）", WAN),
    "budget.executed": ("全年执行数（预算完成数）", WAN),
    "budget.adjustment_total": ("预算调整数（追加、追减与结构调整之和）", WAN),
    "budget.exempt_adjustment": ("其中：可剔除的调整数", WAN),
    "budget.carryover": ("县级资金结转结余", WAN),
    "budget.prev_carryover": ("上年结转结余", WAN),
    "progress.q1": ("一季度末支付序时进度", "%"),
    "progress.q2": ("二季度末支付序时进度", "%"),
    "progress.q3": ("三季度末支付序时进度", "%"),
    "outputs.planned": ("计划工作数", "项"),
    "outputs.done": ("实际完成工作数", "项"),
    "outputs.done_on_time": ("及时完成工作数", "项"),
    "outputs.quality_met": ("质量达标工作数", "项"),
    "outputs.key_assigned": ("重点工作交办数", "项"),
    "outputs.key_done": ("重点工作办结数", "项"),
    "survey.satisfaction": ("服务对象满意度", "%"),
    "survey.target": ("满意度目标值", "%"),
    "assets.total": ("资产总额（账面净值）", WAN),
    "assets.total_prev": ("上年末资产总额（账面净值）", WAN),
    "assets.fixed": ("固定资产（账面净值）", WAN),
    "assets.fixed_added": ("本年新增固定资产（原值）", WAN),
    "assets.disposed": ("本年处置资产（原值）", WAN),
    "buildings.approved_area": ("楼堂馆所·批复规模", "平方米"),
    "buildings.actual_area": ("楼堂馆所·实际规模", "平方米"),
    "buildings.approved_investment": ("楼堂馆所·预算投资", WAN),
    "buildings.actual_investment": ("楼堂馆所·实际投资", WAN),
    "activity.vehicle_trips": ("公务用车出车次数", "次"),
    "activity.vehicle_km": ("公务用车行驶里程", "公里"),
    "activity.meetings": ("会议服务场次", "场"),
}

# Spending by source of funds (按收入性质分); the sources add up to 总支出.
FUNDS: dict[str, str] = {
    "general_budget": "一般公共预算",
    "gov_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "special_account": "纳入专户管理的非税收入",
    "other": "其他资金",
}
SCALARS.update({f"funds.{k}": (f"{label}支出", WAN) for k, label in FUNDS.items()})


def is_figure_path(path: str) -> bool:
    """Is path a catalogue figure ('lines.<line>.<column>' or a scalar such as 'budget.adjusted')?"""
    parts = path.split(".")
    if parts[0] == "lines":
        return len(parts) == 3 and parts[1] in LINES and parts[2] in COLUMNS
    return path in SCALARS


def all_figure_paths() -> list[str]:
    """Every catalogue figure path, lines by column first."""
    return [f"lines.{k}.{c}" for k in LINES for c in COLUMNS] + list(SCALARS)


def suggestion(name: str, known: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the nearest known name, or nothing: the fix in an error message."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def figure_suggestion(path: str) -> str:
    return suggestion(path, all_figure_paths()) or "; write lines.<line>.<column> or a figure such as staff.on_duty"


def label_of(path: str) -> str:
    """Chinese label of a figure path such as 'lines.sangong.final' or 'staff.on_duty'."""
    parts = path.split(".")
    if parts[0] == "lines" and len(parts) == 3 and parts[1] in LINES:
        return f"{LINES[parts[1]].label}·{COLUMNS.get(parts[2], parts[2])}"
    return SCALARS.get(path, (path, ""))[0]


def short_label(path: str) -> str:
    """A line's own label without its column ('公务接待费'), else the catalogue label (a '-' before a part is dropped)."""
    parts = path.lstrip("-").split(".")
    return LINES[parts[1]].label if parts[0] == "lines" and parts[1] in LINES else label_of(path.lstrip("-"))


def unit_of(path: str) -> str:
    """Unit of a figure path: 万元 for every money line."""
    if path.startswith("lines."):
        return WAN
    return SCALARS.get(path, ("", ""))[1]


class Breakdown(NamedTuple):
    """An identity the figures must satisfy: whole = the sum of its parts (whole ≥ it when partial)."""

    whole: str  # figure path
    parts: tuple[str, ...]  # figure paths; a leading '-' subtracts the figure
    partial: bool  # the parts are only 其中 items of the whole

    @property
    def rule(self) -> str:
        """The identity in Chinese, as a finding states it."""
        terms = "".join((" − " if p.startswith("-") else " + ") + label_of(p.lstrip("-")) for p in self.parts)
        return f"{label_of(self.whole)} {'≥' if self.partial else '='} {terms[3:]}"


def _breakdowns() -> tuple[Breakdown, ...]:
    lines = [Breakdown(f"lines.{key}.{col}", tuple(f"lines.{c}.{col}" for c, s in LINES.items() if s.parent == key),
                       spec.partial)
             for key, spec in LINES.items() for col in COLUMNS if any(s.parent == key for s in LINES.values())]
    kinds = ("staff.on_duty_admin", "staff.on_duty_civil", "staff.on_duty_institution", "staff.on_duty_other")
    return (*lines,
            Breakdown("budget.adjusted", ("budget.start_of_year", "budget.additions", "-budget.reductions"), False),
            Breakdown("lines.total.final", tuple(f"funds.{k}" for k in FUNDS), False),
            Breakdown("staff.total", ("staff.on_duty", "staff.retired", "staff.survivors"), False),
            Breakdown("staff.on_duty", kinds, False))


def group_keys(group: str) -> tuple[str, ...]:
    """The keys of one group of scalar figures ('staff' → 'authorized', 'on_duty', …): what params may name."""
    return tuple(path.split(".", 1)[1] for path in SCALARS if path.split(".", 1)[0] == group)


# Every identity the accounting checks test, derived from LINES' parents and the scalar catalogue.
BREAKDOWNS: tuple[Breakdown, ...] = _breakdowns()
