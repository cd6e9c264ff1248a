"""A total and the parts the report lists under it: what 其中, a colon, numbered paragraphs or a list of names
followed by a paragraph each announce.

Three shapes, as reports write them:
- inline: “…3752.47万元。其中，基本支出347.79万元…；项目支出3404.68万元…” (or “项目支出3404.68万元：财政拨款…”),
  the parts running on over sentences that end in ；;
- numbered: “基本支出2415.52万元，主要包括以下两个方面的支出：” then 1、… 2、… paragraphs, one part each;
- named: “共支出项目资金3404.68万元，其中主要包括A项目、B项目、C等项目” then a paragraph per item, matched by name.
Parts are in the total's unit and stated exactly; a part is listed under one total only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Callable, Literal, Sequence

from ...core.quantity import UNITS, Qualifier, adds_up, agrees, canonical_unit, commensurable
from ..numbering import heading_of
from .document import Document, Sentence
from .mentions import COUNTED_OBJECTS, Mention

BySentence = dict[int, list[Mention]]  # the mentions of each sentence, by its place in the document

MIN_SHARED_NAME = 4  # characters a paragraph's label shares with a listed name to be that item
_AMONG = re.compile(r"其中|包括|包含|分别为|分别是|(?<=[，,（(：:])含(?=[\u4e00-\u9fff])"
                    r"|用于(?:以下(?:[几两三四五六七八九十\d]个)?方面)?[：:]"  # open a breakdown (…，主要用于：一是…)
                    r"|(?:分项|构成|组成)(?:情况)?(?:是|为|如下)?[：:]")  # …决算总额2771万元。分项情况是：…
_STOP = re.compile(r"另有|此外|另外|(?<=[，,；;])另(?!外)|合计|共计|总计")  # outside the list, or its close
_COLON_OR_STOP = re.compile(r"[：:；;。]")  # what separates a count from the amount whose colon list it shares
_CLOSING = re.compile(r"合计|共计|总计")  # of _STOP, the words that close a list once it has parts
_CLAUSE = re.compile(r"[，,；;。：:]")
_ADVERB_TAIL = re.compile(r"(?:主要|均|全部|具体|分别|实际)$")  # 项目支出主要用于：: 项目支出 names the total
_BARE_TOTAL = re.compile(r"^\s*[，,；;]\s*[\u4e00-\u9fff]{2,10}[为是:：]?\s*\d+(?:\.\d+)?\s*[，,；;：:]?\s*$")  # ，人数37，
_NESTED_OPENER = re.compile(r"\s*(?:其中|包括|含)\s*[：:，,]?")  # a sentence of a list that opens a breakdown of its last part
_STRENGTH = {"、": 1, "，": 2, ",": 2, "；": 3, ";": 3}
_CUT = re.compile(r"^[^，,；;。]*?(?:等|…|\.\.\.)")
_ATTRIBUTE = re.compile(r"(?:正|副)?(?:处|科|厅|局|股|部)级|职级|级别|职数|局长|主任|书记|科长|站长|所长|院长|馆长|党员|女性|男性|女职工|本科|研究生|大专|学历|岁")
# A figure that is the change of the one before it (基本支出Y万元，比上年增加Z万元; 与上年相比，支出总额减少Z万元:
# a verb of change right before the amount), never a total nor a part of one.
_CHANGE = re.compile(r"(?:较|比|同比)(?:上年度?|去年|上一年度?|年初)?(?:同期)?(?:[决预]算数?|执行数)?"
                     r"(?:增加|减少|增长|下降|上升|降低|多|少|节约|增支|减支|增|减)|同比"  # 较上年决算数减65.62万元
                     r"|(?:增加|减少|增长|下降|上升|降低|节约|压减|缩减)了?\s*$")
_ADJUSTS = re.compile(r"追加|调增|调减|调整|全年预算")  # words of a budget's adjustment, or of the budget after it
_NAMED = re.compile(r"(?:其中)?(?:主要)?包括(?P<names>[^，。；0-9]{4,}?)(?:等(?:项目|方面|内容)?|$|，)")


@dataclass(frozen=True)
class Listed:
    """A total, the parts listed under it, how the report lists them, and whether they add up to it."""

    whole: Mention
    parts: tuple[Mention, ...]
    shape: Literal["inline", "numbered", "named", "summed"]  # summed: 加上 … 总计, 由 … 构成 (see totals)
    complete: bool  # the parts add up to the total at the total's precision
    named: int = 0  # items a named list names (some may have no amount)
    cut: bool = False  # the list is cut off (等, …, the text ends): its parts are at most a bound, whatever they name

    @property
    def total(self) -> Decimal:
        return sum((in_unit_of(self.whole, p) for p in self.parts), Decimal(0))


def _a_total(m: Mention) -> bool:
    """Can the figure head a list? Any amount, also one written with a qualifier (3万余元, 不足3万元, 约1300人次,
    1200万元以上): its parts are then weighed against the range its words allow."""
    return not m.is_rate and bool(m.quantity.unit) and m.quantity.value >= 0


def _usable(m: Mention) -> bool:
    return (not m.is_rate and bool(m.quantity.unit) and m.quantity.qualifier is Qualifier.EXACT
            and m.quantity.value >= 0)


def _alike(whole: Mention, part: Mention) -> bool:
    return _usable(part) and _counted_alike(whole.quantity.unit, part.quantity.unit) and not _CHANGE.search(part.lead)


def _counted_alike(a: str, b: str) -> bool:
    """Units a total and its parts may be counted in: commensurable ones, or 个 beside another object's classifier
    (17家单位，其中全额拨款单位15个: 个 counts anything), or the volumes a collection counts together (馆藏12000卷，
    其中文书档案8000卷、图书资料4000册)."""
    return commensurable(a, b) or ("个" in (a, b) and a in COUNTED_OBJECTS and b in COUNTED_OBJECTS) \
        or (a in _VOLUMES and b in _VOLUMES)


_VOLUMES = frozenset(("卷", "册", "件", "盒", "盘", "本"))  # what archives and libraries hold, counted as one stock


def in_unit_of(whole: Mention, part: Mention) -> Decimal:
    """A part's value in its total's unit (a count in 个 under one in 家 is the same number of things)."""
    if commensurable(whole.quantity.unit, part.quantity.unit):
        return part.quantity.to(whole.quantity.unit).value
    return part.quantity.value


def _listed(whole: Mention, parts: list[Mention], shape: str, named: int = 0) -> Listed:
    # shape is one of Listed's shapes
    return Listed(whole, tuple(parts), shape, _adds_up(whole, parts), named)  # type: ignore[arg-type]


Named = Callable[[str], "Mention | None"]  # words naming a figure stated elsewhere → its statement


def find_lists(document: Document, mentions: list[Mention], named: Named | None = None,
               table_totals: Sequence[Mention] = ()) -> list[Listed]:
    """Every total with its listed parts, in document order; `named` gives the total a list opens under words that
    name a figure stated elsewhere (项目支出包括委员活动经费36.3万元…, with 项目支出 stated in another part);
    `table_totals` are the values of the tables' 合计 / 总计 rows, the total a paragraph opening with 其中 right
    under its table breaks down (see _under_a_table)."""
    sentences = document.sentences()
    by_sentence: BySentence = {}
    for m in mentions:
        by_sentence.setdefault(m.order[1], []).append(m)  # by the sentence's place: two alike sentences stay two
    out: list[Listed] = []
    used: set[int] = set()
    for k in range(len(sentences)):
        here = by_sentence.get(k, [])
        found = _inline(sentences, k, here, by_sentence, named, table_totals) \
            + _numbered(sentences, k, here, by_sentence) \
            + _named(sentences, k, here, by_sentence)
        for listed in found or _unopened(sentences[k].text, here):
            parts = [p for p in listed.parts if id(p) not in used]
            if parts and len(parts) == len(listed.parts):
                used.update(id(p) for p in parts)
                out.append(listed)
    return sorted(out, key=lambda lst: lst.whole.where.block)  # stable: in document order by paragraph


def _unopened(text: str, here: list[Mention]) -> list[Listed]:
    """A total followed in its sentence by the figures that make it up, with no word opening the list (在职人员81人，
    专业技术人员57人、管理人员1人，工勤人员23人): declared only when the figures after it, two or more, all of its unit
    and each named as a kind of it (its label ending in the total's head word: 人员), add up to it exactly — without
    an opener, only the sum and the words say they are its parts (收入100万元，支出60万元，结余40万元 names no kind of
    收入; 预算数16640.91万元，调减3821.31万元，完成数12819.60万元 adds up but names none of 预算数)."""
    if _AMONG.search(text) or _STOP.search(text):
        return []
    figures = sorted((m for m in here if _usable(m)), key=lambda m: m.start)
    for at, whole in enumerate(figures):
        parts = figures[at + 1:]
        if len(parts) < 2 or _CHANGE.search(whole.lead) or any(_CHANGE.search(p.lead) for p in parts):
            continue
        head = _head(whole.label)
        if len(head) == 2 and all(_alike(whole, p) and _same_unit(whole, p) and _head(p.label) == head
                                  and len(_bare(p.label)) > 2 for p in parts) and _adds_up(whole, parts):
            return [_listed(whole, parts, "inline")]
    return []


_VERB_END = re.compile(r"(?:为|是|达|共|计|约|有)+$")


def _bare(label: str) -> str:
    return _VERB_END.sub("", label.strip(" ：:，,"))


def _head(label: str) -> str:
    """The head word a label ends with (人员 of 在职人员为), two characters."""
    bare = _bare(label)
    return bare[-2:] if len(bare) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in bare[-2:]) else ""


_OF_A_SHARE = re.compile(r"\s*+的\s*+(?:[-—－]++|\d)")


def whole_of_a_share(m: Mention) -> bool:
    """Is the figure what a share right after it divides (完成预算29.6万元的92.8%)? Then it is the budget the sentence
    measures against, never the subject of a change or a list stated after it (支出决算为27.46万元,完成预算29.6万元的
    92.8%,比上年决算数增加6.32万元,增长29.9%;其中:…: the change and the list are of the 27.46)."""
    return _OF_A_SHARE.match(m.where.text, m.end) is not None


def _before(sentences: list[Sentence], k: int, at: int, here: list[Mention], by_sentence: BySentence) -> Mention | None:
    """The total a list hangs from: the last figure before the marker, in its sentence or earlier in its paragraph
    (or the paragraph before, in the same section, when the list opens a paragraph); never a change on last year
    (收入792.22万元。同比上年度增加189.25万元。其中：财政拨款收入… hangs from 792.22), and none when a number the
    reader did not take for a figure stands between (共有编制18人，人数37，其中…: the list is of the 37)."""
    candidates = [m for m in here if m.end <= at and _a_total(m) and not _CHANGE.search(m.lead)
                  and not whole_of_a_share(m) and not _closed_between(sentences[k].text, m.end, at)]
    if candidates:
        between = sentences[k].text[candidates[-1].end:at]
        return None if _BARE_TOTAL.match(between) else candidates[-1]
    block, section, cell = sentences[k].block, sentences[k].section, sentences[k].cell
    for j in range(k - 1, -1, -1):
        s = sentences[j]
        if s.section != section or s.block < block - 1 or s.cell != cell or (cell is not None and s.block != block):
            return None  # a table cell's list hangs from its own cell, never from the next column
        found = [m for m in by_sentence.get(j, []) if _a_total(m) and not _CHANGE.search(m.lead)
                 and not whole_of_a_share(m)]
        if found:
            return found[-1]
    return None


_WITHIN = re.compile(r"(?:^|(?<=[。；;，,：:]))\s*(?:(?:19|20)\d{2}\s*年度?)?(?P<words>[\u4e00-\u9fff“”\"]{2,16}?)中(?=[\u4e00-\u9fff，,：:])")


def _within_named(sentences: list[Sentence], k: int, here: list[Mention], by_sentence: BySentence) -> list[Listed]:
    """A breakdown opened by the name of a figure the paragraph stated before it, then 中 (财政全额供给单位1个；…。
    财政全额供给单位中行政单位1个；参公单位0个；事业单位1个: the parts of that 1)."""
    out: list[Listed] = []
    for opened in _WITHIN.finditer(sentences[k].text):
        words = opened.group("words").strip("“”\"")
        named = [m for m in _paragraph_before(sentences, k, opened.start(), by_sentence)
                 if _a_total(m) and m.label.strip("“”\"") == words]
        earlier = not named
        if earlier:
            named = _named_before(words, k, by_sentence)
        if not named:
            continue
        parts, cut = _stream(sentences, k, opened.end(), named[0], here, by_sentence)
        if len(parts) >= 2 and (not earlier or not cut and _sums_exactly(named[0], [p.mention for p in parts])):
            out += _nested(named[0], parts, cut)
    return out


def _named_before(words: str, k: int, by_sentence: BySentence) -> list[Mention]:
    """The one figure stated earlier in the report under words ending in those a breakdown opens with (2023年度“三公”
    经费支出决算中，因公出国(境)费…, under …2023年度“三公”经费支出决算为62.07万元 in the part before), when the words are
    long enough to name it and one value stands under them."""
    if len(words) < MIN_NAMING_WORDS:
        return []
    found = [m for j, here in by_sentence.items() if j < k for m in here
             if _usable(m) and not _CHANGE.search(m.lead) and m.label.strip("“”\"").endswith(words)]
    return found[:1] if len({m.quantity.value for m in found}) == 1 else []


MIN_NAMING_WORDS = 6  # characters of the words naming a figure stated in another part (“三公”经费支出决算)


def _fitting_whole(sentences: list[Sentence], k: int, at: int, nearest: Mention, parts: list[Mention],
                   by_sentence: BySentence) -> Mention:
    """The total a 其中 breaks down: the figure just before it, unless its parts do not fit that one and fit exactly
    one other figure before it in its paragraph — they add up to it, or the shares stated beside them are of it
    (本年支出合计61658.08万元…。年末结转结余1843.7万元。其中，基本支出13645.88万元、项目支出47881.27万元、经营支出130.93万元:
    the spending's parts, not the carry-over's; 原值482.46万元，累计折旧162.14万元，净值320.32万元。其中：房屋134.67万元，
    占固定资产的27.91%…: the 原值's)."""
    if _adds_up(nearest, parts):
        return nearest
    earlier = [m for m in _paragraph_before(sentences, k, at, by_sentence) if m is not nearest and _a_total(m)
               and not _CHANGE.search(m.lead) and all(_counted_alike(m.quantity.unit, p.quantity.unit) for p in parts)]
    summed = [m for m in earlier if _sums_exactly(m, parts)]
    if len(summed) == 1:
        return summed[0]
    shares = _shares_beside(parts, [x for j in range(k, min(k + MAX_RUN, len(sentences)))
                                    if sentences[j].block == sentences[k].block for x in by_sentence.get(j, [])])
    if not shares or all(_share_of(part, rate, nearest) for part, rate in shares):
        return nearest
    fitting = [m for m in earlier if all(_share_of(part, rate, m) for part, rate in shares)]
    return fitting[0] if len(fitting) == 1 else nearest


MAX_RUN = 8  # sentences a list runs on over, at most, when its parts' shares are looked for
MAX_EARLIER = 8  # figures before a 其中 in its paragraph that may be the total it breaks down
MAX_BACK = 12  # sentences looked back over for them (a paragraph of thousands of sentences is not read back whole)


def _paragraph_before(sentences: list[Sentence], k: int, at: int, by_sentence: BySentence) -> list[Mention]:
    """The last MAX_EARLIER figures of the paragraph before `at` in sentence k (its cell's, in a table)."""
    out: list[Mention] = []
    j = k
    while j >= max(0, k - MAX_BACK) and len(out) < MAX_EARLIER and sentences[j].block == sentences[k].block \
            and sentences[j].cell == sentences[k].cell:
        out += reversed([m for m in by_sentence.get(j, []) if j < k or m.end <= at])
        j -= 1
    return out[:MAX_EARLIER]


def _shares_beside(parts: list[Mention], pool: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Each part with the share written right after it (房屋134.67万元，占固定资产的27.91%), where one is."""
    ordered = sorted(pool, key=lambda m: m.order)
    place = {id(m): i for i, m in enumerate(ordered)}
    out = []
    for p in parts:
        at = place.get(id(p))
        after = ordered[at + 1] if at is not None and at + 1 < len(ordered) else None
        if after is not None and after.is_rate and after.order[:2] == p.order[:2] and after.quantity.value > 0:
            out.append((p, after))
    return out


def _sums_exactly(whole: Mention, parts: list[Mention]) -> bool:
    """Do the parts add up to the total to the last digit written (30 + 30 + 29.99 is no breakdown of 90)?"""
    if not all(commensurable(p.quantity.unit, whole.quantity.unit) for p in parts):
        return False
    return sum((p.quantity.to(whole.quantity.unit).value for p in parts), Decimal(0)) == whole.quantity.value


def _share_of(part: Mention, rate: Mention, whole: Mention) -> bool:
    if not commensurable(part.quantity.unit, whole.quantity.unit) or whole.quantity.value <= 0:
        return False
    return agrees(rate.percent, part.quantity.to(whole.quantity.unit).value / whole.quantity.value * 100)


@dataclass(frozen=True)
class _Part:
    """A figure after a list's opener, with what stands between it and the figure before it."""

    mention: Mention
    gap: int  # the strongest separator before it: 0 none, 1 、, 2 ，, 3 ；
    opens: bool  # an opener (其中, 包括 …) stands before it: it starts a breakdown of the figure before it
    depth: int = 0  # brackets open around it: “全额拨款单位7个（含行政单位1个、参公单位1个）” nests the two under 7


def _stream(sentences: list[Sentence], k: int, at: int, whole: Mention, here: list[Mention],
            by_sentence: BySentence, beside: frozenset[str] = frozenset()) -> tuple[list[_Part], bool]:
    """The figures a list opened at `at` runs over, in order, and whether it is cut off (等, …, the text ends).

    The list runs to the end of its sentence and on over the next sentences of its paragraph while they follow a
    ；and open with a part (no clause mark before their first figure); it stops at 另有 / 此外 (what follows
    stands outside the total) and at 合计 / 共计 / 总计 (the list is closed). A list opened inside a bracket set
    right after its total (实有人数106人（其中：在职104人，自收自支2人），退休人员30人) ends with the bracket."""
    parts: list[_Part] = []
    cut = False
    j, start, gap = k, at, 0
    bracket = _bracket_end(sentences[k].text, whole, at) if whole in here else None
    while True:
        text = sentences[j].text
        if bracket is not None:
            text = text[:bracket]
        mentions = here if j == k else by_sentence.get(j, [])
        if j > k:
            following = [m for m in mentions if _alike(whole, m) and _same_unit(whole, m)]
            opening = min((m.start for m in mentions if _usable(m) and (  # 左岸3段，长2.49km opens with a part
                m in following or canonical_unit(m.quantity.unit) in beside)), default=len(text))  # of the 段 list
            inner = _NESTED_OPENER.match(text) if parts else None  # …；其中：公务用车购置…；公务用车运行…；公务接待…:
            # a breakdown of the part before it, nested in the list (see _nested), which runs on after it
            if (_AMONG.match(text) and inner is None) or not following \
                    or _CLAUSE.search(text, inner.end() if inner else 0, opening) \
                    or _opens_with_colon(text, following[0]):
                break  # a figure with its own colon list (堤防工程1.04km：右岸…) heads a list, it is no part
        stop = _STOP.search(text, start)
        if stop and _CLOSING.fullmatch(stop.group(0)) and not parts and not any(
                start <= m.start < stop.start() and _alike(whole, m) for m in mentions):
            beyond = _STOP.search(text, stop.end())  # 包括本年收入合计500万元、…: a 合计 before any part names it,
            if beyond is None or _CLOSING.fullmatch(beyond.group(0)):  # unless 此外 follows (the 合计 and what stands
                stop = beyond  # beyond it make the 总计: see totals)
        end = stop.start() if stop else len(text)
        pos, opens, closed, depth = start, False, False, 0
        for m in sorted((m for m in mentions if start <= m.start < end), key=lambda m: m.start):
            between = text[pos:m.start]
            if pos > start and re.match(r"\s*[：:]", between):
                end, closed = pos, True  # a figure's own colon opens another list (…0.53km：拆除…), read on its own
                break
            if parts and _ADJUSTS.search(m.lead) and "年初" in whole.lead:
                end, closed = pos, True  # 年初预算…，其中基本支出…，项目支出…，年中追加…: an adjustment is no part of the
                break  # opening budget and ends its breakdown (trial 5 V8); of 预算收入…，其中年初预算…，调整追加… it is one
            depth = max(0, depth + sum(between.count(c) for c in "（(") - sum(between.count(c) for c in "）)"))
            gap = max([gap] + [_STRENGTH[c] for c in between if c in _STRENGTH])
            opens = opens or (bool(parts) and _AMONG.search(between) is not None)
            if _alike(whole, m) and (j == k or _same_unit(whole, m)) and not whole_of_a_share(m):  # 完成预算29.6万元的
                # 92.8%: the budget a part is measured against, no part of the list
                parts.append(_Part(m, gap, opens, depth))
                gap, opens = 0, False
            pos = m.end
        last = j + 1 >= len(sentences)
        if not parts:
            break  # a list opened over names alone (分别为办公室、财务科…) runs on nowhere
        if stop or closed or bracket is not None or not text.rstrip().endswith(("；", ";")) or last \
                or sentences[j + 1].block != sentences[k].block:
            cut = bool(_CUT.match(text[pos:end])) or (stop is None and bracket is None and last
                                                      and text.rstrip()[-1:] not in "。！？!?")
            break
        j, start, gap = j + 1, 0, 3
    return parts, cut


def _bracket_end(text: str, whole: Mention, at: int) -> int | None:
    """Where the bracket closes that opens right after the total and holds the opener before `at`, if one does."""
    between = text[whole.end:at]
    if not re.match(r"\s*[（(]", between) or between.count("（") + between.count("(") <= \
            between.count("）") + between.count(")"):
        return None
    depth = 0
    for i in range(whole.end, len(text)):
        depth += text[i] in "（("
        depth -= text[i] in "）)"
        if depth == 0 and text[i] in "）)":
            return i
    return None


def _opens_with_colon(text: str, m: Mention) -> bool:
    return text[m.end:m.end + 2].lstrip()[:1] in ("：", ":")


def _same_unit(whole: Mention, m: Mention) -> bool:
    """A part in a later sentence is written in its total's own unit (900次 after 300场次 is another count), or in
    another unit of money (a total in 元, its parts in 万元: one amount however it is written)."""
    a, b = canonical_unit(m.quantity.unit), canonical_unit(whole.quantity.unit)
    return a == b or (a in UNITS and b in UNITS and UNITS[a].dimension == UNITS[b].dimension == "money")


def _adds_up(whole: Mention, parts: list[Mention]) -> bool:
    return adds_up(whole.quantity, [p.quantity for p in parts])


Reading = list[tuple[Mention, list[Mention]]]  # (total, its parts) for each list of one reading


def _readings(whole: Mention, parts: list[_Part]) -> list[Reading]:
    """The ways a list without a nested opener can nest: a list whose parts are set apart by ；holds, in each
    ；-part, a figure and then the parts of it (在职30人，参公12人，事业18人；退休24人); or every figure is a part."""
    figures = [p.mention for p in parts]
    out: list[Reading] = []
    strongest = max((p.gap for p in parts[1:]), default=0)
    if strongest >= 3 and any(0 < p.gap < strongest for p in parts[1:]):
        groups: list[list[Mention]] = []
        for p in parts:
            if not groups or p.gap >= strongest:
                groups.append([p.mention])
            else:
                groups[-1].append(p.mention)
        out.append([(whole, [g[0] for g in groups])] + [(g[0], g[1:]) for g in groups if len(g) > 1])
    out.append([(whole, figures)])
    return out


def _nested(whole: Mention, parts: list[_Part], cut: bool) -> list[Listed]:
    """The lists a 其中 opens, nested as their structure and sums say.

    An opener inside the list (其中 … 包括) opens a breakdown of the figure before it, which runs on for as many
    figures as make it up (or, when none do, over the rest of a list set apart alike, as a bound); the outer
    total keeps the other figures. Without one, the reading in which every total is made up by its parts is
    taken; when none is, or the list is cut off (等, …), only what the structure says for sure, as a bound: the
    first figure of each ；-part of a list set apart by ；, or every part of a flat list. A list of attributes
    (局长1名, 正科级2名) is none."""
    figures = [p.mention for p in parts]
    if _attributes(figures):
        return []
    if any(p.depth for p in parts):
        return _bracketed(whole, parts, cut)
    inner = next((i for i, p in enumerate(parts) if p.opens), None)
    closed = None if cut else _closed_before(whole, parts)
    if closed is not None and not (inner is None and any(all(ps and _adds_up(w, ps) for w, ps in reading)
                                                         for reading in _readings(whole, parts))):
        return [_listed(whole, figures[:closed], "inline")] + _after_close(parts[closed:], cut)
    if inner is not None:
        head = figures[inner - 1]
        n = next((n for n in range(len(figures) - inner, 0, -1) if _adds_up(head, figures[inner:inner + n])), None)
        if n is None or cut:
            alike = len({p.gap for p in parts[inner + 1:]}) <= 1
            n = len(figures) - inner if alike else _named_alike(figures[inner:]) or 1
            nested = Listed(head, tuple(figures[inner:inner + n]), "inline", False)
        else:
            nested = _listed(head, figures[inner:inner + n], "inline")
        rest = figures[:inner] + figures[inner + n:]
        outer = _listed(whole, rest, "inline")
        return [outer if outer.complete and not cut else Listed(whole, tuple(rest), "inline", False, cut=cut), nested]
    readings = _readings(whole, parts)
    if not cut:
        for reading in readings:
            if all(ps and _adds_up(w, ps) for w, ps in reading):
                return [_listed(w, ps, "inline") for w, ps in reading]
    return [Listed(whole, tuple(_surely(parts) if len(readings) > 1 else readings[0][0][1]), "inline", False, cut=cut)]


def _surely(parts: list[_Part]) -> list[Mention]:
    """The parts a 其中 surely opens when no reading of a list set apart by ；adds up: those of its first ；-part
    (核定编制58名，其中行政编制22名、事业编制37名；年末实有在职人员55人…: 22 and 37, never 22 and the 55 a new
    subject states — a bound that does not hold is then asked about on the parts the report listed, X1)."""
    strongest = max(p.gap for p in parts[1:])
    end = next(i for i, p in enumerate(parts) if i and p.gap >= strongest)
    return [p.mention for p in parts[:end]]


def _named_alike(figures: list[Mention]) -> int:
    """How many figures from the first of a nested breakdown end their names in its head word (区种苗站在职11人、
    区林业服务中心在职12人，区…管理中心在职2人: three 在职), when two or more do: the breakdown's own, whatever separates
    them; 0 otherwise."""
    head = _head(figures[0].label)
    n = next((k for k, m in enumerate(figures) if not head or _head(m.label) != head), len(figures))
    return n if n >= 2 else 0


def _closed_before(whole: Mention, parts: list[_Part]) -> int | None:
    """How many of the parts make up the total, when they end where a ；-part begins — or a ，-part after parts set
    apart by 、 alone — and the whole list does not add up (收入合计1000万元，其中：财政拨款收入800万元，其他收入200万元；
    支出合计950万元，其中…: the 950 is another total, outside the first list; 在职42人，其中行政编制16人、事业编制26人，
    聘用人员8人: the 8 stands beside the 42)."""
    if len(parts) < 3 or whole.quantity.qualifier is not Qualifier.EXACT or _adds_up(whole, [p.mention for p in parts]):
        return None  # a range (不足300万元) admits many prefixes: only an exact total closes a list early
    return next((k for k in range(2, len(parts)) if parts[k].depth == 0 and parts[k].gap >= 2
                 and all(p.gap < parts[k].gap for p in parts[1:k])  # a list set apart by ；throughout runs on
                 and _adds_up(whole, [p.mention for p in parts[:k]])), None)


def _after_close(rest: list[_Part], cut: bool) -> list[Listed]:
    """What follows a closed list in its sentence: a figure with its own breakdown (…；支出合计950万元，其中基本支出…)
    is read as that list; other figures stand outside."""
    if len(rest) < 2 or not rest[1].opens:
        return []
    return _nested(rest[0].mention, [_Part(p.mention, p.gap, False, p.depth) for p in rest[1:]], cut)


def _bracketed(whole: Mention, parts: list[_Part], cut: bool) -> list[Listed]:
    """A list with brackets inside: a bracket that opens with 含 / 其中 after a part breaks that part down (nested
    as any list is); a bracket without one is an aside (上年为…), no part of either list."""
    top: list[_Part] = []
    inner: list[Listed] = []
    i = 0
    while i < len(parts):
        if parts[i].depth == 0:
            top.append(parts[i])
            i += 1
            continue
        j = i
        while j < len(parts) and parts[j].depth > 0:
            j += 1
        if parts[i].opens and top:
            group = [_Part(p.mention, p.gap, False, p.depth - 1) for p in parts[i:j]]
            inner += _nested(top[-1].mention, group, False)
        i = j
    return (_nested(whole, top, cut) if top else []) + inner


def _each_total(whole: Mention, here: list[Mention], at: int, parts: list[_Part]) -> list[Listed]:
    """One 其中 after several totals of one unit in its sentence, its parts set apart by ；into as many groups, each
    adding up to its total in turn (对5个部门、5个镇街、15个专项开展评价，其中：良好部门5个；优秀镇街3个，良好镇街2个；
    良好专项14个，中等专项1个): each total's own breakdown, never all of them under the last total."""
    totals = [m for m in here if m.end <= at and _usable(m) and not _CHANGE.search(m.lead)
              and canonical_unit(m.quantity.unit) == canonical_unit(whole.quantity.unit)]
    groups: list[list[Mention]] = []
    for p in parts:
        if not groups or p.gap >= 3:
            groups.append([p.mention])
        else:
            groups[-1].append(p.mention)
    if len(totals) < 2 or len(groups) != len(totals) or any(p.depth or p.opens for p in parts) \
            or not all(_adds_up(t, g) for t, g in zip(totals, groups)):
        return []
    return [_listed(t, g, "inline") for t, g in zip(totals, groups)]


def _attributes(parts: list[Mention]) -> bool:
    """Do the parts name attributes of people or posts rather than parts of a total (局长1名, 正科级2名, 党员5人)?"""
    return any(_ATTRIBUTE.search(p.label or "") for p in parts)


def _inline(sentences: list[Sentence], k: int, here: list[Mention], by_sentence: BySentence,
            named: Named | None = None, table_totals: Sequence[Mention] = ()) -> list[Listed]:
    text = sentences[k].text
    out = []
    for m in _AMONG.finditer(text):
        if _inside_a_list(text, here, m.start()):
            continue  # a nested opener: read with the list it is inside
        if _NAMED.match(text, m.start()) and not [x for x in here if x.start >= m.end()]:
            continue  # a list of names: see _named
        words = _ADVERB_TAIL.sub("", _CLAUSE.split(text[:m.start()])[-1])
        own = named(words) if named is not None and not [x for x in here if x.end <= m.start()] else None
        # 项目支出主要用于：… opening its sentence names its own total (stated elsewhere), never the last figure of
        # the sentence before (…公用经费182.72万元。: trial 7 X39)
        whole = own or _before(sentences, k, m.start(), here, by_sentence)
        if whole is None and named is not None:
            whole = named(words)
        if whole is None and not text[:m.start()].strip(" ：:，,"):
            whole = _under_a_table(sentences, k, m.end(), here, by_sentence, table_totals)
        if whole is None:
            continue
        whole = _of_its_year(sentences, k, m.end(), whole, here, by_sentence)
        totals = [whole, *_of_other_units(whole, here, m.start())]
        units = frozenset(canonical_unit(t.quantity.unit) for t in totals)
        counted = _COUNTED.search(text, 0, m.start())
        for total in totals:
            parts, cut = _stream(sentences, k, m.end(), total, here, by_sentence, units)
            if parts:
                if total is whole:
                    total = _fitting_whole(sentences, k, m.start(), whole, [p.mention for p in parts], by_sentence)
                found = _nested(total, parts, cut)
                if total is whole and found and not found[0].complete:
                    found = _each_total(whole, here, m.start(), parts) or found
                if counted and found and found[0].whole is total and not cut \
                        and len(found[0].parts) == _count(counted.group(1)):
                    found[0] = replace(found[0], named=len(found[0].parts))  # 二类支出 … 其中A、B: both kinds, all of it
                out += found
    out += _within_named(sentences, k, here, by_sentence)
    for whole in here:
        colon = text[whole.end:whole.end + 2].lstrip()
        if _a_total(whole) and colon[:1] in ("：", ":"):
            parts, cut = _stream(sentences, k, whole.end, whole, here, by_sentence)
            if parts:
                out += _nested(whole, parts, cut)
            beside = [m for m in _of_other_units(whole, here, whole.start)
                      if not _COLON_OR_STOP.search(text, m.end, whole.start)]  # 护岸共4段，长3.47km：右岸1段，…左岸3段
            units = frozenset(canonical_unit(t.quantity.unit) for t in (whole, *beside))
            for total in beside:
                parts, cut = _stream(sentences, k, whole.end, total, here, by_sentence, units)
                if parts:
                    out += _nested(total, parts, cut)
        out += _bracket_of(text, whole, here)
    return out


_LAST_YEAR = re.compile(r"上年|去年|上一年")


def _year_of(m: Mention) -> int | None:
    """The year a figure's clause names, a year before any dated one when it says 上年 (None when it names none)."""
    return -1 if m.year is None and _LAST_YEAR.search(m.lead) else m.year


def _of_its_year(sentences: list[Sentence], k: int, at: int, whole: Mention, here: list[Mention],
                 by_sentence: BySentence) -> Mention:
    """Of the totals of two years its sentence states before the opener (2023年支出1800.00万元，2022年支出1650.00万元，
    其中…), the one the list breaks down: the one its parts make up exactly, else the later year's (the year the report
    evaluates) — never simply the nearest, which would set parts of one year under a whole of another."""
    if whole not in here:
        return whole
    rivals = [r for r in here if r.end <= at and r is not whole and _a_total(r) and not _CHANGE.search(r.lead)
              and canonical_unit(r.quantity.unit) == canonical_unit(whole.quantity.unit)
              and _year_of(r) is not None and _year_of(whole) is not None and _year_of(r) != _year_of(whole)]
    if not rivals:
        return whole
    options = [whole, *rivals]
    holding = []
    for total in options:
        parts, cut = _stream(sentences, k, at, total, here, by_sentence)
        found = _nested(total, parts, cut) if parts else []
        if found and found[0].whole is total and found[0].complete:
            holding.append(total)
    if len(holding) == 1:
        return holding[0]
    return max(options, key=lambda t: _year_of(t) or 0)


MAX_TABLE_GAP = 2  # blocks between a table's last row and the paragraph whose 其中 breaks its total down


def _under_a_table(sentences: list[Sentence], k: int, at: int, here: list[Mention], by_sentence: BySentence,
                   table_totals: Sequence[Mention]) -> Mention | None:
    """The total a paragraph opening with 其中 breaks down when it stands right under a table (其中：基本支出…，项目支出…
    under a table whose 支出合计 row states the total): of the values the table's 合计 / 总计 rows state, the one in
    the parts' unit — the only one, or, of several (a row's 预算数 and 决算数), the one the parts make up exactly."""
    sentence = sentences[k]
    if k == 0 or sentences[k - 1].block == sentence.block or sentence.cell is not None:
        return None  # the list must open its paragraph
    above = [t for t in table_totals if 0 < sentence.block - t.where.block <= MAX_TABLE_GAP + 1
             and t.where.section == sentence.section and _a_total(t)]
    if not above:
        return None
    last = max(t.where.block for t in above)
    if any(s.cell is None and last < s.block < sentence.block for s in sentences[max(0, k - 40):k]):
        return None  # a paragraph stands between: the list is its
    fitting = []
    for total in (t for t in above if t.where.block == last):
        parts, _ = _stream(sentences, k, at, total, here, by_sentence)
        if len(parts) >= 2:
            fitting.append((total, _adds_up(total, [p.mention for p in parts])))
    if len(fitting) == 1:
        return fitting[0][0]
    exact = [t for t, adds in fitting if adds]
    return exact[0] if len(exact) == 1 else None


def _bracket_of(text: str, whole: Mention, here: list[Mention]) -> list[Listed]:
    """A bracket right after a total that lists, without an opener, figures adding up to it (现有人员96人（在职70人、
    退休20人、聘用6人）): its breakdown. So is one listing two named figures or more, each less than the total, that
    compares nothing (项目支出84.15万元（维稳经费60.00万元，系统运维25.15万元）): its parts, as stated, whether they add
    up or not (a sum that fails is asked about, trial 7 X22). Any other is an aside (上年为10人), no list."""
    opened = re.match(r"\s*[（(]", text[whole.end:])
    if not _a_total(whole) or opened is None or _AMONG.match(text, whole.end + opened.end()):
        return []  # a bracket opened by 其中 / 含 is read as any list is
    close = _bracket_end(text, whole, whole.end + opened.end())
    if close is None:
        return []
    inside = [m for m in here if whole.end < m.start < close]
    parts = [m for m in inside if _alike(whole, m) and _same_unit(whole, m)
             and text[whole.end:m.start].count("（") + text[whole.end:m.start].count("(")
             - text[whole.end:m.start].count("）") - text[whole.end:m.start].count(")") == 1]
    if len(parts) < 2 or len(parts) != len(inside) or _attributes(parts):
        return []
    if not _adds_up(whole, parts) and (_ASIDE.search(text, whole.end, close) or not all(
            p.label and in_unit_of(whole, p) < whole.quantity.value for p in parts)):
        return []
    return [_listed(whole, parts, "inline")]


# Words of a bracket that compares or dates rather than breaks down (（上年为80万元，增长25%）, （2022年60万元…）).
_ASIDE = re.compile(r"上年|去年|同比|较|增长|下降|增加|减少|(?:19|20)\d{2}\s*年|预算|决算|计划|目标")


_COUNTED = re.compile(r"([二两三四五六七八九十\d])(?:类|大类|项|个方面|个部分|部分|种)")  # 主要有…二类支出
_NUMERALS = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMERALS[word]


def _of_other_units(whole: Mention, here: list[Mention], at: int) -> list[Mention]:
    """Totals in other units the same opener breaks down alongside the first (护岸4段，长3.47km，其中右岸1段，长0.98km；
    左岸3段，长2.49km): the last figure of each other unit in the clauses before it, back to the sentence's start."""
    found: dict[str, Mention] = {}
    for m in here:
        if m.end <= at and _usable(m) and not commensurable(m.quantity.unit, whole.quantity.unit) \
                and not _CHANGE.search(m.lead):
            found[canonical_unit(m.quantity.unit)] = m
    return list(found.values())


def _inside_a_list(text: str, here: list[Mention], at: int) -> bool:
    """Is the opener at `at` inside a list an earlier opener of the sentence started (a figure between them)? Not
    when that list stands in a bracket closed before it (…万元（含上年结转资金支出156.30万元），其中：… — trial 7 X50)."""
    first = next((m for m in _AMONG.finditer(text) if m.start() < at and not _closed_between(text, m.start(), at)), None)
    return first is not None and any(first.end() <= x.start < at for x in here if _usable(x))


def _closed_between(text: str, start: int, at: int) -> bool:
    """Does a bracket open before `start` close between it and `at` (the opener at `start` stands in an aside)?"""
    between = text[start:at]
    return between.count("）") + between.count(")") > between.count("（") + between.count("(")


def _numbered(sentences: list[Sentence], k: int, here: list[Mention], by_sentence: BySentence) -> list[Listed]:
    """A total whose sentence ends in a colon, then numbered paragraphs one level down, a part in each."""
    s = sentences[k]
    if not s.text.rstrip().endswith(("：", ":")) or s.cell is not None:
        return []
    totals = [m for m in here if _usable(m)]
    if not totals:
        return []
    whole = totals[-1]
    parts: list[Mention] = []
    blocks_seen: set[int] = set()
    ended = True  # the text ends inside the list: what it lists is at most part of the total
    for j in range(k + 1, len(sentences)):
        t = sentences[j]
        if t.block in blocks_seen:
            continue
        if not t.section.startswith(s.section) or t.section == s.section or heading_of(t.text) is None:
            ended = False
            break
        blocks_seen.add(t.block)
        first = next((m for m in by_sentence.get(j, []) if _alike(whole, m)), None)
        if first is None:
            return []
        parts.append(first)
    if len(parts) == 1 and ended:
        return [Listed(whole, tuple(parts), "numbered", False)]  # 收入总计…，包括： then 1.… and the excerpt ends
    return [_listed(whole, parts, "numbered")] if len(parts) >= 2 else []


def _named(sentences: list[Sentence], k: int, here: list[Mention], by_sentence: BySentence) -> list[Listed]:
    """A total, then “包括A、B、C等” with no amounts, then a paragraph for each item stating its amount."""
    s = sentences[k]
    m = _NAMED.search(s.text)
    if m is None or any(x.start >= m.start() for x in here):
        return []
    names = [n.strip() for n in re.split(r"[、，]", m.group("names")) if len(n.strip()) >= 2]
    whole = _before(sentences, k, m.start(), here, by_sentence)
    if whole is None or len(names) < 2:
        return []
    parts: list[Mention] = []
    left = list(names)
    for j in range(k + 1, len(sentences)):
        t = sentences[j]
        if t.section != s.section or not left:
            break
        if sentences[j - 1].block == t.block:
            continue  # an item's amount opens its paragraph
        first = next((x for x in by_sentence.get(j, []) if _alike(whole, x)), None)
        if first is None:
            continue
        match = next((n for n in left if _shared(n, first.lead) >= MIN_SHARED_NAME), None)
        if match:
            left.remove(match)
            parts.append(first)
    return [_listed(whole, parts, "named", len(names))] if len(parts) >= 2 else []


def _shared(a: str, b: str) -> int:
    return SequenceMatcher(None, a, b).find_longest_match(0, len(a), 0, len(b)).size
