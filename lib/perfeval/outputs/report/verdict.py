"""结论, the first section a reader meets: the verdict (a grade, or 不予定级 with why and the range of totals), how
much of it rests on evidence, whether the unit's own claim holds, the main problems and what every reading gives.

Plain Chinese sentences from the unit result; the blocks escape them when shown.
"""
from __future__ import annotations

from ...checks.finding import SEVERITY_LABEL
from ...fmt import pct, points
from ...result import DRAFT_MARK, UnitResult, assessed_rate_text, graded_total
from .appendix import robustness
from .rootcauses import brief, most_serious, sources_of

ORDINALS = "一二三四五六七八九十"


def draft_notice(result: UnitResult) -> str:
    """For a unit whose params are an unconfirmed draft: what the whole report rests on, said before anything else."""
    if not result.unit.drafted_from:
        return ""
    return (f"{DRAFT_MARK}：本报告所用数据从单位自评报告的文本自动读出，尚未经评价人员逐项核对，以下结论只供初步筛查；"
            "数据核对后重新生成的报告方可作为复核结论。")


def verdict(result: UnitResult) -> str:
    """The grade and total, or 不予定级 with the reason and the range of totals the unassessed points allow."""
    fw = result.framework
    head = f"按评价框架《{fw.name}》重算，"
    if result.grade is not None:
        basis = f"（{result.grade_basis}）" if result.grade_basis and result.total_on_100 is None else ""
        return head + f"总分 {graded_total(result.total_on_100, result.total_range)}，等次为“{result.grade}”{basis}。"
    span = (f"按已评指标，总分可在 {points(result.total_range[0])}–{points(result.total_range[1])} 分之间，"
            "等次无法确定" if result.total_range else "")
    reason = result.grade_withheld_reason or "没有可评分的指标"
    rate = assessed_rate_text(result.assessed_rate, result.total, result.coverage.assessed)
    return head + f"不予定级（{reason}）" + "".join(f"；{x}" for x in (span, rate) if x) + "。"


def coverage(result: UnitResult) -> str:
    """Points verified, self-reported and not assessed: how much of the verdict rests on evidence."""
    c = result.coverage
    parts = [f"经核实的 {points(c.verified)} 分", f"依据单位自述、未经核实的 {points(c.self_reported)} 分",
             f"资料未载明而未评的 {points(c.not_assessed)} 分"]
    if c.not_applicable:
        parts.append(f"不适用的 {points(c.not_applicable)} 分")
    return f"评价框架应评 {points(c.applicable)} 分，其中" + "，".join(parts) + "。"


def claim(result: UnitResult) -> str:
    """The unit's own total and grade, and whether the recomputation confirms, contradicts or cannot verify it."""
    c = result.claimed
    if c.total is None and not c.grade:
        return "单位未载明自评总分和等次。"
    said = "单位自评" + (f" {points(c.total)} 分" if c.total is not None else "总分未载明") + \
        (f"、等次“{c.grade}”" if c.grade else "")
    cov = result.coverage
    if c.status == "confirmed":
        return said + "，与重算结果一致，予以确认。"
    if c.status == "unverifiable":
        return (said + f"，无法复核：应评 {points(cov.applicable)} 分中只有 {points(cov.assessed)} 分"
                f"（{pct(cov.assessed / cov.applicable * 100) if cov.applicable else '0%'}）的指标有资料可据。")
    if c.status == "contradicted":
        if cov.not_assessed > 0 and result.total_range:
            return said + (f"，与重算结果不符：超出已评指标所能支持的范围（{points(result.total_range[0])}–"
                           f"{points(result.total_range[1])} 分）。")
        gap = (c.total or 0.0) - (result.total_on_100 or 0.0)
        grade = (f"；自评等次“{c.grade}”与重算等次“{result.grade}”不同" if c.grade and result.grade
                 and c.grade != result.grade else "")
        return said + f"，与重算结果不符：自评比重算{'高' if gap > 0 else '低'} {points(abs(gap))} 分{grade}。"
    return said + "。"


def main_problems(result: UnitResult) -> str:
    """How many root causes of each severity, and the most serious three in one sentence each; a drafted unit's
    questions (待核实) are counted apart, never among the problems found."""
    counts = result.findings_by_severity
    total = sum(counts.values())
    asked = (f"另有待核实 {result.candidates} 处数字关系（自动读取报告所得，须对照原文核对），见“存在的问题及原因分析”。"
             if result.candidates else "")
    if not total:
        return "未发现问题。" + asked
    tally = "、".join(f"{label} {counts.get(key, 0)} 个" for key, label in SEVERITY_LABEL.items() if counts.get(key, 0))
    head = f"共发现问题 {total} 个（{tally}；按根本原因计，一个问题引起的其他不一致随该问题列出）。"
    worst = most_serious(result)
    if not worst:
        return head + "均为提示，不需单位更正。" + asked
    sources = sources_of(result)
    items = "；".join(f"{ORDINALS[i]}是{brief(f, sources)}"
                     + (f"（并由此导致另外 {len(f.consequences)} 处不一致）" if f.consequences else "")
                     for i, f in enumerate(worst))
    rest = total - len(worst)
    return head + f"主要问题：{items}。" + (f"其余 {rest} 个见“存在的问题及原因分析”。" if rest else "") + asked


def readings(result: UnitResult) -> str:
    """What every reading of the framework's silent points gives alike (the appendix has each option)."""
    r = robustness(result)
    others = sum(not s.chosen for s in result.sensitivity)
    if not others:
        return ""
    holds = "，".join(r.holds)
    said = f"评价框架未作规定之处另有 {others} 种口径可选，逐一改用：" + (f"{holds}" if holds else "结论随口径而变")
    return said + ("" if not r.changes else f"；其中 {len(r.changes)} 种口径会改变重算结果") + "（见技术附录）。"


def conclusion(result: UnitResult) -> list[str]:
    """结论 as paragraphs, in the order a reader needs them."""
    return [p for p in (verdict(result), coverage(result), claim(result), main_problems(result), readings(result)) if p]
