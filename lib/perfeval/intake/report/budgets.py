"""The budget a spend or a rate is judged against: the year's whole budget, as the report states it (全年预算,
调整后预算, a line's 预算调整为…) or as it lets it be known — 年初预算 + 年中追加 − 年中调减 —, never the opening part
alone when the report states an adjustment of it.

A line's opening budget followed in its sentence by an adjustment (“三公”经费年初预算12.00万元，年中追加6.00万元) is
that line's, not the department's: the adjustment is no department 追加, and the line's 本年预算数 is the sum. A sum
is the reader's arithmetic, not a figure the report states: it is written with ASSEMBLED_NOTE beside it, and what
rests on it is a question (待核实) until an analyst confirms the draft (checks.run_checks).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from ...core.figures import ASSEMBLED_NOTE, WAN, label_of
from ...core.quantity import Qualifier, Quantity
from .mentions import Mention

ADDED, CUT, WHOLE = "budget.additions", "budget.reductions", "budget.adjusted"
ADJUSTMENTS = (ADDED, CUT, WHOLE)
OPENING = "budget.start_of_year"
_DEPARTMENT = ("部门", "整体", "全局", "本级")  # words that give an adjustment the whole department's scope


@dataclass(frozen=True)
class Budget:
    """A budget the report lets be known: its path, its opening part, the adjustments that follow it (added, cut)
    and, when the report states it, the whole after them."""

    path: str
    opening: Mention
    added: tuple[Mention, ...] = ()
    cut: tuple[Mention, ...] = ()
    whole: Mention | None = None

    @property
    def adjustments(self) -> tuple[Mention, ...]:
        return (*self.added, *self.cut)

    def assembled(self) -> Mention:
        """The opening part plus what was added less what was cut, in 万元 at the finest places its parts are
        written with, standing where the opening part stands and saying how it was made."""
        def wan(m: Mention) -> Decimal:
            return m.quantity.to(WAN).value

        value = wan(self.opening) + sum(map(wan, self.added), Decimal(0)) - sum(map(wan, self.cut), Decimal(0))
        places = max(m.quantity.places for m in (self.opening, *self.adjustments))
        value = value.quantize(Decimal(1).scaleb(-places))
        terms = "".join([f"{_named(self.opening)}{self.opening.written}",
                         *(f"＋{_named(m)}{m.written}" for m in self.added),
                         *(f"－{_named(m)}{m.written}" for m in self.cut)])
        quantity = Quantity(value, WAN, Qualifier.EXACT, places, f"{value}{WAN}")
        return replace(self.opening, quantity=quantity, label=label_of(self.path), implied=f"{ASSEMBLED_NOTE}：{terms}",
                       counted_as=None)


def _named(m: Mention) -> str:
    return m.label or m.lead


def line_budgets(sentence: Sequence[Mention], path_of: Callable[[Mention], str | None]) -> list[Budget]:
    """Each money line's budget in one sentence that adjustments follow: the line's budget column (年初预算, 预算)
    and, after it, the 追加 / 调减 the catalogue took for the department's, or the 调整后 / 全年 budget it took for
    the department's whole — up to the next figure of another line or of the department's opening budget."""
    out: list[Budget] = []
    for k, m in enumerate(sentence):
        path = path_of(m)
        if path is None or not path.startswith("lines.") or not path.endswith(".budget"):
            continue
        added: list[Mention] = []
        cut: list[Mention] = []
        whole: Mention | None = None
        for after in sentence[k + 1:]:
            other = path_of(after)
            if other is not None and (other.startswith("lines.") and other.rsplit(".", 1)[0] != path.rsplit(".", 1)[0]
                                      or other == OPENING):
                break
            if other not in ADJUSTMENTS or any(w in after.lead for w in _DEPARTMENT):
                continue
            if other == WHOLE:
                whole = whole or after
            else:
                (added if other == ADDED else cut).append(after)
        if added or cut or whole is not None:
            out.append(Budget(path, m, tuple(added), tuple(cut), whole))
    return out


def adjusted_budget(first: Callable[[str], Mention | None]) -> bool:
    """Does the report say the department's budget was adjusted in the year: an addition or a cut stated, or a whole
    budget of another value than the opening one?"""
    opening, whole = first(OPENING), first(WHOLE)
    return first(ADDED) is not None or first(CUT) is not None or (
        opening is not None and whole is not None and opening.quantity.to(WAN).value != whole.quantity.to(WAN).value)


def whole_budget(first: Callable[[str], Mention | None]) -> Budget | None:
    """The department's whole budget where the report states its opening budget and an adjustment but not the
    whole (年初预算2700.00万元，年中追加250.00万元): what 执行率 and 超预算 are judged against."""
    opening = first(OPENING)
    if first(WHOLE) is not None or opening is None:
        return None
    added, cut = first(ADDED), first(CUT)
    if added is None and cut is None:
        return None
    return Budget(WHOLE, opening, (added,) if added else (), (cut,) if cut else ())
