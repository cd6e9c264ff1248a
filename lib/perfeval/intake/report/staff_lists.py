"""A 其中 under a count of posts whose parts are people: which total it breaks down, if any.

Reports state 编制 (posts) and 实有 / 在职 (people) side by side, and a 其中 after them lists kinds of people
(实有在职11人，核定编制8名；其中：参公8人，工勤3人). Hung from the figure just before it, such a list makes 8 = 8 + 3, a
failing sum on a correct statement. When the parts of a list under 编制 add up to more than it and none of them is
named as a kind of post (行政编制15人), the list belongs to the nearest count of people stated before it in its
paragraph; with none there it is no identity (工勤 managed apart from the posts is no error either way)."""
from __future__ import annotations

import re
from typing import Callable

from ...core.quantity import adds_up, commensurable
from .lists import Listed
from .mentions import Mention

POSTS = "staff.authorized"
PEOPLE = ("staff.total", "staff.on_duty")
_POST_WORD = re.compile(r"编")  # 行政编制, 事编, 在编: a part named as a kind of post
_PEOPLE_WORD = re.compile(r"实有|在职|现有|在岗|在编")  # a count of people where the catalogue did not place it

PathOf = Callable[[Mention], "str | None"]


def attached_to_their_count(lists: list[Listed], mentions: list[Mention], path_of: PathOf) -> list[Listed]:
    """The lists, each staff list under posts that cannot break them down moved to its count of people or left out."""
    out = []
    for lst in lists:
        if not _people_under_posts(lst, path_of):
            out.append(lst)
            continue
        people = _people_before(lst.whole, mentions, path_of)
        if people is not None and not any(p is people for p in lst.parts):
            complete = adds_up(people.quantity, [p.quantity for p in lst.parts])
            out.append(Listed(people, lst.parts, lst.shape, complete, lst.named))
    return out


def _people_under_posts(lst: Listed, path_of: PathOf) -> bool:
    return path_of(lst.whole) == POSTS and lst.total > lst.whole.quantity.value \
        and not any(_POST_WORD.search(p.label) for p in lst.parts)


def _people_before(whole: Mention, mentions: list[Mention], path_of: PathOf) -> Mention | None:
    """The last count of people stated before the posts in their paragraph, counted as they are."""
    found = [m for m in mentions if m.where.block == whole.where.block and m.where.cell == whole.where.cell
             and m.order < whole.order and not m.is_rate and commensurable(m.quantity.unit, whole.quantity.unit)
             and (path_of(m) in PEOPLE or path_of(m) is None and _PEOPLE_WORD.search(m.label))]
    return found[-1] if found else None
