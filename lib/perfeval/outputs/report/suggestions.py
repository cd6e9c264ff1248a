"""有关建议: what the unit should correct, drawn from the kinds of its root causes and from what its documents left
unstated, in the words of the national report outline (财预〔2020〕10号 参考提纲：存在的问题及原因分析、有关建议).

One suggestion per kind of finding found, naming what it concerns; none for a kind not found. Findings that rest on
a relation the reader inferred (待核实 candidates of a drafted unit) ask for one check of the original, never a
correction: the reader may have linked two different things.
"""
from __future__ import annotations

from typing import NamedTuple

from ...result import FindingOut, UnitResult

MAX_NAMED = 4  # subjects named in one suggestion; the rest are counted

# What a unit does about each kind of finding (checks.KINDS): the correction, in the outline's words.
BY_KIND: dict[str, str] = {
    "accounting_identities": "核实并更正基础数据，确保总数与分项、项目支出与所列明细相互勾稽，未说明用途的支出逐项列明用途",
    "two_values": "统一报告各处的数据口径，对基础数据表与报告正文中前后不一的数字予以更正，确保基础数据真实、准确、完整",
    "unexplained_differences": "对相互关联但数值不同的数字（如预算调整数与调减数）说明差额的构成与来由",
    "recomputed_vs_claimed": "报告所述比率应由所列数据据实计算，并注明计算口径和分子、分母",
    "generous_scoring": "严格按评分标准自评：成本超出目标、定性指标仅部分达成的不应给满分；绩效目标应在年初科学设定，不得按实际完成值事后填写",
    "claimed_scores": "对照评分标准和实际完成值逐项复核自评得分",
    "claimed_total": "自评总分应由各指标得分加总得出，并附指标评分表及评分依据",
    "deviations": "对未达到目标或大幅超出目标的绩效指标逐项说明偏差原因；目标明显偏低的，今后应据实设定",
    "execution": "按序时进度均衡支付，及时清理盘活结转结余资金，说明结转结余的原因",
    "budget_denominator": "分别列示以年初预算和调整后预算计算的预算执行率，说明年中预算调整的原因，提高预算编制的准确性",
    "overspending": "加强预算执行控制，支出不超预算、政府采购按计划执行，确需调整的履行预算调整程序",
    "projects": "对项目支出逐项开展绩效自评，列明各项目的预算数和执行数，自评得分与执行情况相符",
    "years": "对较上年变动较大的支出在报告中说明原因",
    "framework_arithmetic": "按评价框架填报指标分值，一级指标分值等于其下各行分值之和，合计 100 分",
}


UNNAMED = ("projects",)  # its findings summarise 附件2-4 as a whole: the first figure they compare is a count, not a subject


class Suggestion(NamedTuple):
    """One suggestion and the finding kind (or the evidence gap) it answers."""

    topic: str  # a finding kind, or "not_assessed" / "self_reported"
    text: str


def _subject(f: FindingOut, names: dict[str, str]) -> str:
    """What a finding is about, as a reader names it: its indicator, else the first figure it compared."""
    if f.indicator and f.indicator in names:
        return names[f.indicator]
    return f.evidence[0].label if f.evidence else ""


def _named(subjects: list[str]) -> str:
    unique = list(dict.fromkeys(s for s in subjects if s))
    if not unique:
        return ""
    shown = "、".join(unique[:MAX_NAMED]) + (f"等 {len(unique)} 处" if len(unique) > MAX_NAMED else "")
    return f"（涉及{shown}）"


def _evidence_gaps(result: UnitResult) -> list[Suggestion]:
    """What the documents must add for the evaluation to be complete, and what rests on the unit's word alone."""
    out = []
    missing = [i.name for i in result.indicators if i.status == "not_assessed"]
    if missing:
        out.append(Suggestion("not_assessed", "在自评报告中载明评价所需的数据和依据，使各指标均可复核" + _named(missing)))
    cov = result.coverage
    if cov.self_reported > 0 and cov.verified == 0:
        out.append(Suggestion("self_reported", "对单位自述的管理情况提供制度文件、会议纪要、会计凭证等证明材料，以便核实"))
    return out


def suggestions(result: UnitResult) -> list[Suggestion]:
    """The suggestions for this unit: first what its documents must add, then one per kind of root cause, in the
    order the findings are listed (most severe first)."""
    names = {i.id: i.name for i in result.indicators}
    by_kind: dict[str, list[str]] = {}
    questions: list[str] = []
    for f in result.findings:
        if f.candidate:  # a relation the reader inferred: a question to check, never a correction to make
            questions.append(_subject(f, names))
        else:
            by_kind.setdefault(f.kind, []).append(_subject(f, names))
    out = _evidence_gaps(result)
    for kind, subjects in by_kind.items():
        if kind in BY_KIND:
            out.append(Suggestion(kind, BY_KIND[kind] + ("" if kind in UNNAMED else _named(subjects))))
    if questions:
        out.append(Suggestion("candidates", f"对照报告原文核对列为待核实的 {len(questions)} 处数字关系{_named(questions)}，"
                                            "确属不一致的予以更正或说明"))
    return out
