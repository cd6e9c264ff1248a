"""Labels to catalogue figures: which stated numbers are the figures the framework scores (在职人员, 编制, 基本支出,
项目支出, “三公”经费, 年初预算 …) and which column of the base data table they fill.

A label maps only when nothing but framing words surround the figure's name: “2022年我局‘三公’经费支出预算总额”
is the 三公 budget; “财政拨款项目支出” and “公车平台项目支出” are parts of 项目支出, not 项目支出 itself, and stay
figures of the unit's own. A wrong mapping would compare two different things as one figure, so the rule is
strict: what does not map is kept under `stated:` with its own label, where nothing is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from ...core.figures import LINES, is_figure_path, unit_of
from ...core.quantity import CURRENCY_BEFORE, commensurable, find_quantities
from ...core.script import simplified
from ...fileio import read_yaml
from .mentions import Mention


@dataclass(frozen=True)
class Mapped:
    """A catalogue path and the words that put the figure there."""

    path: str
    words: str


_QUOTES = re.compile(r"[“”\"‘’'「」\s]")
_FRAME = (r"(?:(?:19|20)\d{2}(?:年(?:度|末|底|初)?|底|末)|本年度|本年|上年度|上年|今年|全年|年度|年中|年末|年底|现有|目前|"
          r"[本我全](?:单位|部门|中心|街道|局|馆|院|所|站|委|办|队|镇|乡|县|市|区)|[本我]会|[镇乡局委办]?机关|学校|单位|街道|共有|"
          r"部门|本级|其中|共计|共|累计|合计|实际支出|实际|年初|预算安排|安排|全年共|[，、：:])*")
_AFTER = (r"(?:支出|经费|费用|费|总额|总资金|资金|合计|总计|预算总额|预算安排数|预算数|预算|决算数|决算|实际支出总额|实际支出数|"
          r"实际支出|实际数|实际|执行数|完成数|年初预算数|年初预算|批复数|金额|数|为|达|共|是|的|：|:|"
          rf"共计|{CURRENCY_BEFORE}|[＋+\s])*")  # the currency and a plus sign are the amount's writing (支出人民币2864.30万元)

LABELS = Path(__file__).with_name("labels.yaml")
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class LabelEntry:
    """One catalogue figure and the phrasings that name it, with sentences that show them (the tests read them)."""

    key: str
    names: tuple[str, ...]
    yes: tuple[str, ...] = ()
    no: tuple[str, ...] = ()
    alone: str | None = None  # the names count only in a sentence holding this word once (one kind of 编制 alone)
    units: tuple[str, ...] = ()  # other units the figure is written in (编制172个): read as the figure's own unit
    about: str | None = None  # the names count only in a sentence these words are found in (执行数 beside 全年预算)
    not_about: str | None = None  # … and none of these (执行数 of a 项目)
    closes: str | None = None  # a 合计 closing a list of such parts is the figure (行政编制38名、事业编制46名，合计84名)
    exceeded: bool = False  # the figure is what a count before it exceeds, the excess when small (see _exceeded)

    @property
    def pattern(self) -> str:
        return "|".join(f"(?:{n})" for n in self.names)


@cache
def label_table() -> dict[str, tuple[LabelEntry, ...]]:
    """labels.yaml, read once: its groups (lines, table_lines, scalars), each a tuple of entries in order."""
    data = read_yaml(LABELS)
    return {group: tuple(LabelEntry(e["key"], tuple(e.get("names", ())), tuple(e.get("yes", ())),
                                    tuple(e.get("no", ())), e.get("alone"), tuple(e.get("units", ())), e.get("about"),
                                    e.get("not_about"), e.get("closes"), bool(e.get("exceeded")))
                         for e in entries) for group, entries in data.items()}


@cache
def _words(*groups: str) -> tuple[tuple[LabelEntry, re.Pattern[str]], ...]:
    """Each entry and its names framed as a whole label (framing words before, column words after)."""
    return tuple((e, re.compile(rf"(?P<pre>{_FRAME})(?P<name>{e.pattern})(?P<post>{_AFTER})"))
                 for g in groups for e in label_table()[g])


_COLUMN_ONLY = re.compile(rf"^(?:控制在|控制于|低于|未超)?{_FRAME}(?:决算数|决算|实际支出总额|实际支出数|实际支出|实际数|预算总额|预算数|预算|"
                          r"年初预算数|年初预算|(?<=上年)同期|(?:比|较)上年的?)(?:为|达|是|：|:)*$")  # …支出19.30万元，控制在年初
# 预算18.00万元以内 (its budget); …，上年同期17.00万元, 比上年的17.00万元 (its last year)
_FINAL_WORDS = ("决算", "实际", "完成", "执行")
_BUDGET_WORDS = ("预算", "年初", "批复", "安排")


def normalise(words: str) -> str:
    """Words as the catalogue compares them: in simplified characters, no quotation marks or spaces, full-width digits as digits (２０２４年部门整体
    支出), list numbering, the word opening a list and a bracket opening the figures a rate stated before it is of
    dropped (其中：在职…, 分别为在职54人、离休1人…, 预算执行率99.09%（全年执行2864.30万元…）)."""
    words = simplified(_QUOTES.sub("", words).translate(_FULL_WIDTH_DIGITS))  # a traditional copy's 預算 is 预算
    return re.sub(r"^(?:\d{1,2}[、.．]|[（(]\d{1,2}[）)]、?|(?:其中|分别为|分别是)[：:]?|[（(](?![^（()）]*[）)]))", "", words)


def _whole(words: str, table: tuple[tuple[LabelEntry, re.Pattern[str]], ...], sentence: str | None = None,
           unit: str | None = None, lead: str | None = None) -> tuple[LabelEntry, str, str] | None:
    """(entry, framing words before, after) when the words are one entry's name framed only by framing words (and,
    given the sentence, it holds the entry's `alone` word once and is about what the entry needs; given a unit, it
    is one the entry allows)."""
    for entry, pattern in table:
        m = None if entry.closes else pattern.fullmatch(words)  # a closing entry is found by its parts (_closing)
        if m is None or (entry.alone and sentence is not None and sentence.count(entry.alone) != 1) \
                or (entry.alone and "其中" in (lead if lead is not None else m.group("pre"))):
            continue  # one kind alone is the whole only when no other is named and it is no part (其中：事业编制22名)
        if (entry.about or entry.not_about) and not _about(entry, sentence):
            continue
        if unit is not None and unit not in entry.units:
            continue
        return entry, m.group("pre"), m.group("post")
    return None


def _about(entry: LabelEntry, sentence: str | None) -> bool:
    """Is the sentence about what the entry's names need (a bare 执行数 beside the department's 全年预算) and none of
    what they must not be in? Without a sentence (a table's header, a one-cell-per-line pair's label), an entry that
    needs words is not settled and one that only forbids some is."""
    if sentence is None:
        return entry.about is None
    return (entry.about is None or re.search(entry.about, sentence) is not None) \
        and (entry.not_about is None or re.search(entry.not_about, sentence) is None)


_CLOSING_WORDS = ("合计", "共计", "总计", "共")
_PART_COUNT = re.compile(r"(?:为|有|共)?\d++(?:\.\d++)?[名人个]$")


def _closing(m: Mention, words: str) -> str | None:
    """The figure a 合计 closing a list of two or more of its parts is (核定行政编制38名、事业编制46名，合计84名: the
    编制), by the entries' `closes` words: each part, up to the 合计, names one kind of the figure and its count."""
    if words not in _CLOSING_WORDS:
        return None
    before = _QUOTES.sub("", simplified(m.where.text)[:max(0, m.start - len(m.lead))]).rstrip("，,、；;：: ")
    segments = re.split(r"[，,、；;]", before)
    for entry in label_table()["scalars"]:
        if entry.closes is None:
            continue
        part = re.compile(rf"(?:{entry.closes}){_PART_COUNT.pattern}")
        listed = 0
        for segment in reversed(segments):
            if not part.search(segment):
                break
            listed += 1
        if listed >= 2:
            return entry.key
    return None


def _exceeded(m: Mention) -> bool:
    """Is the figure after 超出核定编制 the 编制 (年末实有在职人员66人，超出核定编制60名) rather than the excess (…超出
    核定编制6名)? The 编制 when a headcount stated before it in the sentence is above it by less than half: an
    excess of more than half the staff over its 编制 is no reading a report means."""
    counts = [f.quantity.value for f in find_quantities(simplified(m.where.text)[:max(0, m.start - len(m.lead))])
              if f.quantity.unit == m.quantity.unit]
    return bool(counts) and counts[-1] / 2 < m.quantity.value < counts[-1]


def column_of(words: str, year: int | None, report_year: int | None) -> str | None:
    """The base-data column a money figure fills: prev_ for the year before the report's, budget or final.

    None when the clause names a year that is neither the report's nor the one before.
    """
    prev = "上年" in words or (year is not None and report_year is not None and year == report_year - 1)
    if year is not None and report_year is not None and year not in (report_year, report_year - 1):
        return None
    if any(w in words for w in _FINAL_WORDS):
        kind = "final"
    elif any(w in words for w in _BUDGET_WORDS):
        kind = "budget"
    else:
        kind = "final"  # a spending line stated alone is what was spent
    return f"prev_{kind}" if prev else kind


def _fits(path: str, m: Mention) -> bool:
    unit = m.counted.unit
    return bool(unit) and commensurable(unit, unit_of(path)) and m.quantity.value >= 0


def catalogue_path(m: Mention, report_year: int | None, previous: Mapped | None = None) -> Mapped | None:
    """The catalogue figure a prose mention states, if its label is one's name framed only by framing words.

    previous: the mapping of the figure before it in the same sentence, which a bare column (决算, 实际支出)
    continues: “基本支出总资金预算323.39万元，决算347.79万元”.
    """
    if m.is_rate:
        return None
    words = normalise(m.lead)
    if previous is not None and previous.path.startswith("lines.") and _COLUMN_ONLY.match(words):
        line = previous.path.split(".")[1]
        column = column_of(words, m.year, report_year)
        path = f"lines.{line}.{column}"
        return Mapped(path, words) if column and _fits(path, m) else None
    found = _whole(words, _words("lines"))
    if found:
        entry, pre, post = found
        column = column_of(pre + post, m.year, report_year)
        path = f"lines.{entry.key}.{column}"
        return Mapped(path, words) if column and _fits(path, m) else None
    sentence = _QUOTES.sub("", simplified(m.where.text))
    before = simplified(m.where.text)[max(0, m.start - len(m.lead) - 3):m.start]  # the lead and what opens it (其中：)
    found = _whole(words, _words("scalars"), sentence, lead=before)
    path = _closing(m, words) or (found[0].key if found and not (found[0].exceeded and not _exceeded(m)) else None)
    if path and (m.year is None or report_year is None or m.year == report_year):
        return Mapped(path, words) if _fits(path, m) else None
    return None


def path_named(words: str, report_year: int | None) -> str | None:
    """The catalogue figure a phrase names without a number (“占项目支出的” names 项目支出, as spent this year)."""
    words = normalise(words)
    found = _whole(words, _words("lines"))
    if found:
        entry, pre, post = found
        return line_path(entry.key, column_of(pre + post, None, report_year))
    found = _whole(words, _words("scalars"))
    return found[0].key if found else None


def table_line(row_label: str) -> str | None:
    """The base-data line a table row names (“1、公务用车购置和维护经费” → sangong_vehicle), or None."""
    found = _whole(normalise(row_label).rstrip("：:"), _words("table_lines", "lines"))
    return found[0].key if found else None


def table_scalar(words: str) -> str | None:
    """The scalar figure a table's row or column names (编制数 → staff.authorized, 部门整体支出预算调整 → …)."""
    found = _whole(normalise(words).rstrip("：:"), _words("scalars"))
    return found[0].key if found else None


def is_column_header(words: str) -> bool:
    """Does a table header cell name a base-data column (2021年决算数, 本年预算数, 上年决算)?"""
    return re.fullmatch(r"(?:(?:19|20)\d{2}年度?|上年度?|本年度?)?(?:预算|决算)(?:数)?", normalise(words)) is not None


def line_path(line: str, column: str | None) -> str | None:
    path = f"lines.{line}.{column}" if column else None
    return path if path and line in LINES and is_figure_path(path) else None


def covers_every_category(whole: str, parts: list[str]) -> bool:
    """Do the listed lines name every category of a total (三公 by 接待, 公务用车运行维护, 出国: each of its items, or
    an item of it)? Such a list enumerates the whole, so its parts must add up to it, whether or not they do;
    a total whose items are only 其中 items (partial) is never enumerated."""
    line, _, column = whole.removeprefix("lines.").partition(".")
    spec = LINES.get(line)
    children = [key for key, s in LINES.items() if s.parent == line]
    if not whole.startswith("lines.") or spec is None or spec.partial or not children:
        return False
    listed = {p.removeprefix("lines.").partition(".")[0] for p in parts
              if p.startswith("lines.") and p.endswith(f".{column}")}
    if len(listed) != len(parts):
        return False

    def ancestors(key: str) -> set[str]:
        out = set()
        while key in LINES and LINES[key].parent:
            key = LINES[key].parent  # type: ignore[assignment]  # parent tested set in the loop condition
            out.add(key)
        return out

    if any(line not in ancestors(key) for key in listed):
        return False
    return all(child in listed or child in set().union(*(ancestors(k) for k in listed)) for child in children)


_KIND_OF_POSTS = re.compile(r"(?:行政|事业|全额事业|差额事业|自收自支事业|工勤|参公|机关)编(?:制)?(?:数|人数)?$")


def _counted_as_posts(m: Mention) -> bool:
    """Is the figure 编制 written in a unit its entry allows (总编制为172个), or a kind of 编制 so written (行政编13个)?"""
    if _whole(normalise(m.lead), _words("scalars"), _QUOTES.sub("", simplified(m.where.text)), m.quantity.unit):
        return True
    allowed = {u for e in label_table()["scalars"] if e.key == "staff.authorized" for u in e.units}
    return m.quantity.unit in allowed and bool(_KIND_OF_POSTS.search(normalise(m.label)))


def with_unit_of_its_figure(m: Mention, report_year: int | None) -> Mention:
    """A number without a unit whose label (a one-cell line above it) names a catalogue figure, in that figure's
    unit: 人员编制 / 96 is 96人; 编制 counted as posts, in the unit their entry allows, counted in 人 (总编制为172个,
    and its parts 行政编13个) while the quantity keeps the unit written. Any other mention is returned as it is."""
    if m.quantity.unit and not m.is_rate and m.where.cell is None and _counted_as_posts(m):
        return replace(m, counted_as="人", implied=f"写作“{m.written}”；编制按个计即按人计")
    if m.quantity.unit or m.is_rate or m.quantity.value < 0 or m.where.cell is not None:
        return m
    if not simplified(m.where.text).startswith(m.lead + " "):
        return m  # not a pair read from one-cell lines
    path = path_named(m.lead, report_year)
    if path is None or not is_figure_path(path):
        return m
    unit = unit_of(path)
    return replace(m, quantity=replace(m.quantity, unit=unit), implied=f"写作“{m.written}”，未写单位；按“{m.lead}”取{unit}")
