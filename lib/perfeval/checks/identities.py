"""Accounting identities: totals against their items, and how much of a total its listed items leave unexplained."""
from __future__ import annotations

import math
from difflib import SequenceMatcher

from ..core.engine import ScoredUnit
from ..core.figures import BREAKDOWNS, LINES, Breakdown, label_of, short_label
from ..core.params import DeclaredIdentity, Figures, ProjectItem, UnitParams, Value, figure_value, value_of
from ..core.numbers import fixed
from ..core.quantity import UNITS, canonical_unit, convert
from .declarations import (DECLARED_IDENTITY_BROKEN, DECLARED_IDENTITY_UNEXPLAINED, IDENTITY_BROKEN, ITEM_LISTED_TWICE,
                           ITEMS_EXCEED_WHOLE, LISTED_ITEMS_EXCEED_WHOLE, LISTED_ITEMS_UNEXPLAINED, Found)
from .finding import Evidence, Finding
from .fmt import (NOISE, TOLERANCE, amount, column_of, money, pct, sourced, sourced_value,
                  value_evidence, written)


def _breakdown(b: Breakdown, params: UnitParams) -> Finding | None:
    """The finding when a catalogue total cannot equal (or a partial list exceeds) the items stated under it, each
    figure read as the range its words allow (3700余 is 3700–3800, 约1300 is 1170–1430, 1200万元以上 has no top)."""
    whole = value_of(params, b.whole)
    if whole is None:
        return None
    parts = [(p, value_of(params, p.lstrip("-"))) for p in b.parts]
    given = [(p, v) for p, v in parts if v is not None]
    missing = len(given) < len(parts)
    if not given or (missing and any(p.startswith("-") for p in b.parts)):
        return None  # nothing to add up, or a subtracted term unknown: the identity cannot be tested
    terms = [(p.startswith("-"), v) for p, v in given]
    unit = whole.unit
    low, high = _sum_span(terms, unit)
    w_low, w_high = _ends(whole)
    over, under = low - w_high, w_low - high  # by how much the sum must exceed, or fall short of, the total
    if over <= NOISE and ((b.partial or missing) or under <= NOISE):
        return None
    # said as printed: the sum of the figures as written, and how far it is from the total as written
    low, high = _sum_span(terms, unit, rounded=False)
    p_low, p_high = _ends(whole, rounded=False)
    over, under = low - p_high, p_low - high
    column = column_of(b.whole)
    head = f"{short_label(b.whole)}{f'（{column}）' if column else ''} {_as_printed(whole, terms)}" \
           f"{sourced_value(whole)}{_allowed(whole, terms)}"
    terms_text = "".join((" − " if neg else " + ") + f"{short_label(p)} {written(v)}" for (p, _), (neg, v)
                         in zip(given, terms))[3:]
    total = amount(low, unit) if low == high else _span(low, high, unit)
    sources = "；".join(f"{short_label(p)}：{v.source}" for p, v in given if v.source)
    ev: dict[str, Found] = {"whole": value_evidence(whole), "part": [value_evidence(v) for _, v in given],
                            "sum": Evidence("分项合计", low, unit) if low == high else None}
    figures_ = (b.whole, *(p.lstrip("-") for p, _ in given))
    if b.partial or missing:
        return ITEMS_EXCEED_WHOLE(
            ev, figures=figures_, head=head, scope="其中所列各项" if b.partial else "已载明的分项", terms=terms_text,
            total=total, gap=amount(over, unit), sources=sources or "未注明", rule=b.rule.replace("=", "≥"))
    return IDENTITY_BROKEN(
        ev, figures=figures_, head=head, terms=terms_text, total=total, more="多" if over > 0 else "少",
        gap=amount(over if over > 0 else under, unit), sources=sources or "未注明", rule=b.rule)


def _coarser_than_parts(whole: Value, terms: list[tuple[bool, Value]]) -> bool:
    """Is an exact total printed to a coarser place than its parts (3752万元 over 347.79 + 3404.68)?"""
    rounding = whole.quantity().rounding
    return not whole.qualified and rounding > 0 and all(
        not v.qualified and convert(float(v.quantity().rounding), v.unit, whole.unit) < rounding for _, v in terms)


def _as_printed(whole: Value, terms: list[tuple[bool, Value]]) -> str:
    """The total as written; one printed to fewer places than its parts keeps those places (3,752万元, not 3,752.00;
    0.37亿元 is 3,700万元, to the hundred)."""
    if _coarser_than_parts(whole, terms) and not whole.text:
        step = whole.quantity().step.normalize()
        return f"{fixed(whole.value, max(0, -int(step.as_tuple().exponent)))}{whole.unit}"
    return written(whole)


def _allowed(whole: Value, terms: list[tuple[bool, Value]]) -> str:
    """What the total's wording (3700余: 3700–3800) or its printed places (3752万元: 3751.5–3752.5) allow, when that
    is more than the figure itself: the range the parts were judged against."""
    low, high = _ends(whole)
    if not (math.isfinite(low) and math.isfinite(high)):
        return ""
    if whole.qualified:
        return f"，按其写法在 {_span(low, high, whole.unit)}"
    return f"，按其印出的位数在 {_span(low, high, whole.unit)}" if _coarser_than_parts(whole, terms) else ""


def _gap(total: float, low: float, high: float) -> float:
    """How far a sum falls outside what its total allows: from the nearer end (3300余万元 is 3,300–3,400: a sum of
    3,452.47 is 52.47 over it, not 152.47 — trial 7 X40)."""
    return total - high if total > high and math.isfinite(high) else low - total if total < low and math.isfinite(low) \
        else 0.0


def _span(low: float, high: float, unit: str) -> str:
    """A range a qualified figure allows, its open end said (1200万元以上 reaches any height)."""
    if not math.isfinite(high):
        return f"{amount(low, unit)}以上"
    if not math.isfinite(low):
        return f"{amount(high, unit)}以下"
    return f"{amount(low, unit)}–{amount(high, unit)}"


def breakdowns(unit: ScoredUnit) -> list[Finding]:
    """Every identity of figures.BREAKDOWNS the unit's stated figures break (总支出 = 基本 + 项目, 三公 = 其分项 ...),
    unless the unit declares the total made of those parts and more (实有 = 在职 + 离休 + 退休 + 遗属: the report's
    own list of parts is the identity, checked as declared)."""
    params = unit.params
    listed = [(d.whole, {p.lstrip("-") for p in d.parts}) for d in params.claims.identities if d.relation == "="]
    return [f for b in BREAKDOWNS if not _listed_with_more(b, params, listed)
            and (f := _breakdown(b, params)) is not None]


def _listed_with_more(b: Breakdown, params: UnitParams, listed: list[tuple[str, set[str]]]) -> bool:
    stated = {p.lstrip("-") for p in b.parts if value_of(params, p.lstrip("-")) is not None}
    return any(whole == b.whole and stated < parts for whole, parts in listed)


def declared(unit: ScoredUnit) -> list[Finding]:
    """The identities the analyst declares between stated figures (实有 = 在职 + 退休 + 遗属) that do not hold,
    with 余/约/以上 read as the ranges they are."""
    params = unit.params
    out = []
    for d in params.claims.identities:
        whole = value_of(params, d.whole)
        parts = [(p.startswith("-"), value_of(params, p.lstrip("-"))) for p in d.parts]
        if whole is None or any(v is None for _, v in parts):
            continue  # a figure the report does not state: the relation cannot be tested
        terms = [(neg, v) for neg, v in parts if v is not None]
        low, high = _sum_span(terms, whole.unit)
        w_low, w_high = _ends(whole)
        holds = (w_high + NOISE >= low) if d.relation == ">=" else (w_high + NOISE >= low and w_low - NOISE <= high)
        if holds:
            if d.relation == ">=" and w_low - NOISE > high and (_categories_of(d.whole, d.parts)
                                                                or _nearly_all(terms, high, w_low)):
                out.append(_unexplained(d, whole, terms, _sum_span(terms, whole.unit, rounded=False)[1]))
            continue
        label = d.label or f"{whole.label} {'=' if d.relation == '=' else '≥'} " + \
            "".join((" − " if neg else " + ") + v.label for neg, v in terms)[3:]
        total = sum((-1 if neg else 1) * convert(v.value, v.unit, whole.unit) for neg, v in terms)
        listed = "".join((" − " if neg else " + ") + f"{v.label} {written(v)}" for neg, v in terms)[3:]
        out.append(DECLARED_IDENTITY_BROKEN(
            {"whole": value_evidence(whole), "part": [value_evidence(v) for _, v in terms],
             "sum": Evidence("所列各项合计", total, whole.unit)},
            figures=(whole.ref, *(v.ref for _, v in terms)), whole=whole.label, whole_text=_as_printed(whole, terms),
            whole_source=sourced_value(whole) + _allowed(whole, terms), listed=listed, total=amount(total, whole.unit),
            more="多" if total > whole.value else "少", gap=amount(_gap(total, w_low, w_high) if whole.qualified else abs(total - whole.value), whole.unit),
            source=d.source or "关系由评价人员依报告列明", rule=label))
    return out


NEARLY_ALL = 0.95  # share of a total a list of parts must reach to read as its whole breakdown, short by a slip
MIN_HEADS = 3  # parts such a list must have: two that miss are as likely two of several


def _nearly_all(terms: list[tuple[bool, Value]], high: float, whole: float) -> bool:
    """Do several listed parts make nearly all of their total (seven heads of a 2263万元 allocation adding to 2253):
    what they leave is a question of which head it belongs to, not a part the report chose not to list?"""
    return len(terms) >= MIN_HEADS and whole > 0 and high >= NEARLY_ALL * whole and all(_money(v.unit) for _, v in terms)


def _money(unit: str) -> bool:
    """Is the unit one of money? Counts are listed beside things named without a number (机关和16个直属单位)."""
    known = UNITS.get(canonical_unit(unit))
    return known is not None and known.dimension == "money"


def _categories_of(whole: str, parts: list[str]) -> bool:
    """Are the parts spending lines of the catalogue under the whole (三公 and its 接待, 公务用车运行维护 …), so that
    what they leave of it is spending the report does not account for, not merely items it chose not to list?"""
    line = whole.split(".")[1] if whole.startswith("lines.") else None
    if line is None or LINES[line].partial:
        return False

    def under(key: str) -> bool:
        while (parent := LINES[key].parent) is not None:
            if parent == line:
                return True
            key = parent
        return False

    return all(p.startswith("lines.") and under(p.split(".")[1]) for p in parts)


def _unexplained(d: DeclaredIdentity, whole: Value, terms: list[tuple[bool, Value]], high: float) -> Finding:
    listed = "".join((" − " if neg else " + ") + f"{v.label} {written(v)}" for neg, v in terms)[3:]
    gap = whole.value - high
    share = gap / whole.value * 100 if whole.value > 0 else 100.0
    return DECLARED_IDENTITY_UNEXPLAINED(
        {"whole": value_evidence(whole), "part": [value_evidence(v) for _, v in terms]},
        figures=(whole.ref, *(v.ref for _, v in terms)), whole=whole.label, whole_text=written(whole),
        whole_source=sourced_value(whole), listed=listed, total=amount(high, whole.unit), gap=amount(gap, whole.unit),
        share=share, share_text=pct(share), source=d.source or "关系由评价人员依报告列明")


def _ends(v: Value, rounded: bool = True) -> tuple[float, float]:
    """The values a figure's wording and printed places allow: 3700余 is 3700–3800, 3752 printed whole 3751.5–3752.5,
    3752.00 is 3751.995–3752.005 and 60人 is 60 (core.quantity's rounding): a total printed rounded is judged
    against exact parts within that rounding, and no closer. rounded=False: an exact figure as printed."""
    if not v.qualified:
        half = float(v.quantity().rounding) if rounded else 0.0
        return v.value - half, v.value + half
    iv = v.quantity().interval()
    return (float(iv.low) if iv.low is not None else -math.inf, float(iv.high) if iv.high is not None else math.inf)


def _sum_span(terms: list[tuple[bool, Value]], unit: str, rounded: bool = True) -> tuple[float, float]:
    low = high = 0.0
    for neg, v in terms:
        a, b = (convert(x, v.unit, unit) if math.isfinite(x) else x for x in _ends(v, rounded))
        low, high = (low - b, high - a) if neg else (low + a, high + b)
    return low, high


def _lists(figures: Figures) -> list[tuple[str, list[ProjectItem]]]:
    return [("lines.project.final", figures.project_items)] + [(lst.of, lst.items) for lst in figures.item_lists]


def _item_value(path: str, item: ProjectItem) -> Value:
    """A listed item's amount as the checks read a figure: in 万元, with the qualifier it was written with."""
    return figure_value(path, item.name, item.amount, "万元")


def listed_items(unit: ScoredUnit) -> list[Finding]:
    """Listed items against the figure they break down: the share left unexplained, or items exceeding it; each
    figure read as the range its words allow (3200余 leaves room for items adding to 3,256.06)."""
    params = unit.params
    out = []
    for path, items in _lists(params.figures):
        whole = value_of(params, path)
        if not items or whole is None:
            continue
        terms = [(False, _item_value(path, i)) for i in items]
        low, high = _sum_span(terms, whole.unit)
        w_low, w_high = _ends(whole)
        over, unexplained = low - w_high, w_low - high
        if over <= NOISE and unexplained <= NOISE:
            continue
        exceeds = over > NOISE
        low, high = _sum_span(terms, whole.unit, rounded=False)  # said as printed
        w_low, w_high = _ends(whole, rounded=False)
        over, unexplained = low - w_high, w_low - high
        label = short_label(path)
        names = "、".join(i.name for i in items)
        ev: dict[str, Found] = {"whole": value_evidence(whole),
                                "item": [Evidence(i.name, i.amount.value, "万元", i.amount.source) for i in items]}
        listed = money(low) if low == high else _span(low, high, whole.unit)
        head = f"{label} {_as_printed(whole, terms)}{sourced_value(whole)}{_allowed(whole, terms)}，报告逐项列出 {len(items)} 项（{names}）合计 {listed}"
        if exceeds:
            out.append(LISTED_ITEMS_EXCEED_WHOLE(ev, figures=(path,), head=head, label=label, gap=money(over)))
            continue
        share = unexplained / whole.value * 100 if whole.value > 0 else 100.0
        out.append(LISTED_ITEMS_UNEXPLAINED(ev, figures=(path,), head=head, label=label, gap=money(unexplained),
                                            share=share, share_text=pct(share)))
    return out


def _alike(a: str, b: str) -> bool:
    match = SequenceMatcher(None, a, b).find_longest_match(0, len(a), 0, len(b))
    return match.size >= 4


def items_listed_twice(unit: ScoredUnit) -> list[Finding]:
    """The same item (same amount, similar name) listed under two different totals: spending counted twice."""
    params = unit.params
    seen: list[tuple[str, ProjectItem]] = []
    out = []
    for path, items in _lists(params.figures):
        for item in items:
            for other_path, other in seen:
                if (other_path != path and item.amount.value > 0
                        and abs(item.amount.value - other.amount.value) < TOLERANCE and _alike(item.name, other.name)):
                    out.append(ITEM_LISTED_TWICE(
                        {"first": Evidence(f"{label_of(other_path)}·{other.name}", other.amount.value, "万元",
                                           other.amount.source),
                         "other": Evidence(f"{label_of(path)}·{item.name}", item.amount.value, "万元", item.amount.source)},
                        figures=(other_path, path), amount=money(item.amount.value), first_total=short_label(other_path), first=other.name,
                        first_source=sourced(other.amount), other_total=short_label(path), other=item.name,
                        other_source=sourced(item.amount)))
            seen.append((path, item))
    return out
