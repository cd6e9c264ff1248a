"""Deviations a reviewer asks about: a quantitative row of the unit's own far above its target (目标设定偏低) or short
of it, with no 偏差原因 written beside it."""
from __future__ import annotations

import re

from ..core.engine import ScoredUnit
from ..core.numbers import ratio_pct
from ..core.rows import Comparison, compared, direction_of
from .declarations import DEVIATION_UNEXPLAINED
from .finding import Evidence, Finding
from .fmt import amount, pct
from .generous import default_op


# what a 自评表 writes in a 偏差原因 cell that gives no reason: blanks (full-width too), dashes, 无, 暂无, 无偏差 …
_NO_REASON = re.compile(r"^[\s\u3000/／\\\-—–_.。,，、;；:：]*(无|暂无|没有|无偏差|无偏差原因|未偏差|不适用|n/?a|none)?"
                        r"[\s\u3000/／\\\-—–_.。,，、;；:：]*$", re.IGNORECASE)


def gives_a_reason(note: str | None) -> bool:
    """Does a 偏差原因 as written explain anything? A blank, a dash or 无 (无偏差) beside a deviation does not."""
    return note is not None and _NO_REASON.match(note) is None


def deviations(unit: ScoredUnit) -> list[Finding]:
    """Rows at or above the deviation_threshold reading's share of their target, or short of it, without a reason."""
    chosen = unit.sheet.readings.get("deviation_threshold")
    if chosen is None:  # a framework without rows of the unit's own
        return []
    threshold = unit.framework.reading("deviation_threshold").options[chosen].percent or 130.0
    out = []
    for prow in unit.params.indicators:
        pair = compared(prow)
        if gives_a_reason(prow.deviation_note) or not isinstance(pair, Comparison) or pair.target <= 0:
            continue
        op = direction_of(prow, default_op(unit.framework, prow))
        rate = ratio_pct(pair.actual, pair.target)
        missed = (op == ">=" and pair.actual < pair.target) or (op == "<=" and pair.actual > pair.target) or (
            op == "=" and pair.actual != pair.target)
        high = op == ">=" and rate >= threshold
        if not (missed or high):
            continue
        what = ({">=": "未达到目标", "<=": "超出目标"}.get(op, "偏离目标") if missed else
                f"达到目标的 {pct(threshold)} 以上，目标设定可能偏低")
        out.append(DEVIATION_UNEXPLAINED(
            {"target": Evidence("年度指标值", pair.target, pair.unit, prow.source),
             "actual": Evidence("实际完成值", pair.actual, pair.unit, prow.source)},
            indicator=prow.id or prow.name, row=prow.name, level2=prow.level2, target=amount(pair.target, pair.unit),
            actual=amount(pair.actual, pair.unit), rate=pct(rate), what=what, missed=missed,
            rule=f"未达到（“=”目标：偏离）年度指标值，或达到其 {pct(threshold)} 以上"))
    return out
