"""The budget denominator: execution against the start-of-year budget vs the adjusted one, both shown, and which the rule uses."""
from __future__ import annotations

import math
from typing import Any

from ..core.engine import ScoreRow, ScoreSheet
from ..core.framework import Node
from ..core.measures import evaluate
from ..core.rules import PartResult
from .finding import Evidence, Finding
from .fmt import amount, pct, pts
from .rescore import rescore, score_of, with_interpretation

KIND = "budget_denominator"
MATERIAL_POINTS = 10.0  # percentage points between the two rates worth a warning


def _part_rule(node: Node, part_id: str) -> dict[str, Any]:
    if node.rule and "composite" in node.rule:
        return next((p for p in node.rule["composite"]["parts"] if p["id"] == part_id), {})
    return node.rule or {}


def _measures(rule: dict[str, Any], chosen: dict[str, str]) -> tuple[str | None, dict[str, Any], str]:
    """(interpretation key or None, name -> measure spec, the name the rule scores with)."""
    args = next((v for k, v in rule.items() if isinstance(v, dict) and "measure" in v), None)
    if args is None:
        return None, {}, ""
    measure = args["measure"]
    if isinstance(measure, dict) and "choose" in measure:
        key = measure["choose"]["interpretation"]
        return key, dict(measure["choose"]["options"]), chosen.get(key, "")
    return None, {"rule": measure, **args.get("compare", {})}, "rule"


def _denominator(spec: Any, sheet: ScoreSheet) -> tuple[str, float, str] | None:
    if not (isinstance(spec, dict) and "ratio" in spec):
        return None
    m = evaluate(spec["ratio"][1], sheet.params.figures, lambda k: sheet.interpretations[k])
    if m.value is None:
        return None
    return "＋".join(i.label for i in m.inputs) or "分母", m.value, m.inputs[0].unit if m.inputs else ""


def _one(sheet: ScoreSheet, row: ScoreRow, node: Node, part: PartResult) -> Finding | None:
    key, specs, used = _measures(_part_rule(node, part.id.split(".")[0]), sheet.interpretations)
    if used not in specs or part.value is None:
        return None
    rates = {used: part.value, **{k: v for k, v in part.alternatives if v is not None and math.isfinite(v)}}
    found = {k: _denominator(specs[k], sheet) for k in rates if k in specs}
    dens = {k: d for k, d in found.items() if d is not None}
    if len(rates) < 2 or len(dens) < len(rates):
        return None
    shown = "；".join(f"以{dens[k][0]} {amount(dens[k][1], dens[k][2])} 为分母，{part.label}为 {pct(v)}"
                      + ("（评分规则采用）" if k == used else "") for k, v in rates.items())
    spread = max(rates.values()) - min(rates.values())
    if spread < 0.005:
        return None  # both denominators give the same rate: nothing to choose between
    low, high = min(d[1] for d in dens.values()), max(d[1] for d in dens.values())
    unit = dens[used][2]
    notes = []
    if low > 0 and high / low >= 1.1:
        notes.append(f"两个分母相差 {amount(high - low, unit)}，较大者为较小者的 {pct(high / low * 100)}，年中预算调整幅度大")
    numerator = part.inputs[0].value if part.inputs else None
    for label, value, _ in dens.values():
        if numerator is not None and abs(value - numerator) < 0.005:
            notes.append(f"{label}恰等于{part.inputs[0].label} {amount(numerator, unit)}，以它为分母{part.label}必为 100%")
    changed = False
    if key:
        interp = sheet.framework.interpretations[key]
        notes.append(f"框架原文：{interp.question}；本工具采用“{interp.options[used]}”（口径 {key} 可在 params 中改选）")
        for other in (k for k in rates if k != used):
            alt = rescore(sheet, with_interpretation(sheet.params, key, other))
            before, after = row.score, score_of(alt, row.id) if alt else None
            if before is not None and after is not None and abs(before - after) >= 0.005:
                changed = True
                notes.append(f"改用“{interp.options[other]}”，“{row.name}”得分由 {pts(before)}变为 {pts(after)}")
    else:
        notes.append(f"框架评分规则以{dens[used][0]}为分母")
    severity = "warning" if changed or spread >= MATERIAL_POINTS else "info"
    return Finding(
        "budget_denominator", KIND, severity,
        f"“{row.name}”取决于分母口径：{shown}。{'；'.join(notes)}。",
        "执行率 = 执行数 ÷ 预算数；年初预算与调整后预算两种分母均列示，并说明评分采用哪一个",
        tuple(Evidence(f"{part.label}（以{dens[k][0]}为分母）", round(v, 4), "%") for k, v in rates.items())
        + tuple(Evidence(dens[k][0], dens[k][1], dens[k][2]) for k in rates)
        + tuple(Evidence(i.label, i.value, i.unit, i.source) for i in part.inputs if i.value is not None),
        row.id)


def budget_denominator(sheet: ScoreSheet) -> list[Finding]:
    """Every rule-scored rate that the framework keeps alternatives for (a different denominator): both rates."""
    nodes = {n.id: n for _, n in sheet.framework.leaves()}
    out = []
    for row in sheet.rows:
        node = nodes.get(row.id)
        if row.personalised or node is None:
            continue
        out += [f for p in row.parts if p.alternatives and (f := _one(sheet, row, node, p)) is not None]
    return out
