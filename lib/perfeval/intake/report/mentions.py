"""Quantities a report states, each with what it is of (its label), the year its clause names, and where it stands.

A mention is the reader's unit of evidence: every value a draft holds comes from one, and its `Where` is what the
draft cites, so that an analyst finds the number in the report at the place named. Prose is read sentence by
sentence with `core.quantity.find_quantities`; tables are read by `tables`, which builds mentions the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ...core.script import simplified
from ...core.quantity import CODE_LABELS, CURRENCY_BEFORE, UNITS, Found, Quantity, canonical_unit, find_quantities
from .document import Document, Sentence
from .furniture import page_break_starts
from .numbers_of_tables import years_heading_columns
from .row_numbers import row_codes_within, row_number_starts
from .scoring_rules import rules_of_paragraphs

MAX_CITE = 1900  # a source field holds 2,000 characters; a longer sentence is cut around its figure


@dataclass(frozen=True)
class Where:
    """Where a value stands: the section path, the sentence (or the table cell as written) and, in a table,
    the row's label and the column's header."""

    section: str
    text: str
    block: int
    cell: int | None = None
    row: str | None = None
    column: str | None = None

    @property
    def in_table(self) -> bool:
        return self.column is not None or self.row is not None

    def cite(self, around: str = "") -> str:
        """The source as a params file writes it: `二(二)1 2020年项目支出…` or `附件1-2 三公经费·2022年预算数：1802`."""
        return self.cite_at(around)[0]

    def cite_at(self, around: str = "", start: int | None = None) -> tuple[str, int | None]:
        """The source, and where the character at `start` of the text stands in it (None when not given, or cut
        off a long sentence)."""
        head = "·".join(x for x in (self.row, self.column) if x) if self.in_table else ""
        lead = len(head) + 1 if head else 0
        body = f"{head}：{self.text}" if head else self.text
        offset = None if start is None else lead + start
        if len(body) > MAX_CITE:
            at = max(0, body.find(around) - MAX_CITE // 2) if around else 0
            offset = None if offset is None or not at <= offset < at + MAX_CITE else offset - at + (1 if at else 0)
            body = ("…" if at else "") + body[at:at + MAX_CITE] + "…"
        cited = f"{self.section} {body}"
        stripped = cited.strip()
        shift = len(cited) - len(cited.lstrip())
        return stripped, None if offset is None else offset + len(self.section) + 1 - shift


@dataclass(frozen=True)
class Mention:
    """One quantity as the report states it.

    quantity: as read (value with written multipliers, unit, qualifier, decimals); label: what it is of, in the
    report's words; clause: the words around it up to the nearest punctuation; year: a year the clause names;
    implied: why the unit was taken from the context (a table header, money written “1802万”), if it was;
    lead: the clause's words before the number, as written (what the catalogue reads a label from);
    counted_as: the catalogue figure's unit when its labels entry allows the unit written (编制 counted in 个, as
    posts: the same count in 人); the quantity keeps the unit written.
    """

    quantity: Quantity
    label: str
    where: Where
    start: int = 0
    end: int = 0
    clause: str = ""
    lead: str = ""
    year: int | None = None
    implied: str | None = None
    order: tuple[int, int, int] = (0, 0, 0)
    doubt: str | None = None  # the number's writing can be read two ways (1.268,40): listed 存疑, drafted nowhere
    counted_as: str | None = None  # the unit a catalogue figure counts it in when written in another (172个 编制: 人)

    @property
    def written(self) -> str:
        return self.quantity.text

    @property
    def counted(self) -> Quantity:
        """The quantity in the unit it is counted in: as written, or in its catalogue figure's unit when that counts
        what the report writes in another (编制172个 is 172人)."""
        return replace(self.quantity, unit=self.counted_as) if self.counted_as else self.quantity

    @property
    def is_rate(self) -> bool:
        return self.quantity.unit in ("%", "‰")  # 差错率0.5‰ is a rate as 98% is

    @property
    def percent(self) -> Quantity:
        """A rate in %, at the precision written (0.5‰ is 0.05%, to 0.01%): what rates are computed and claimed in."""
        return self.quantity.to("%") if self.quantity.unit == "‰" else self.quantity

    def cite(self) -> str:
        return self.where.cite(self.written)

    def cited(self) -> dict[str, str | int]:
        """The record's `source`, and `at`, where this value stands in it: the review page marks it there, not at
        an equal value the sentence states before it (合计75万元，已于本年度支出75万元)."""
        source, at = self.where.cite_at(self.written, self.start)
        if at is None or source[at:at + len(self.written)] != self.written:
            return {"source": source}
        return {"source": source, "at": at}


# ---------------------------------------------------------------- labels

_DELIMITERS = "，,、；;：:。！!？?\n"
_LEAD = re.compile(r"^(?:(?:19|20)\d{2}(?:年(?:度|末|底|初)?|底|末)|本年度|本年|今年|全年|年度|其中|另外|另|同时|此外|共计|总共|共|累计|合计|总计|"
                   r"本单位|本部门|本中心|我中心|我局|我单位|我部门|[\s“”\"‘’（(])+")
_TAIL = re.compile(r"(?:为|达到|达|高达|多达|仅为|仅有|仅|只有|只|共计|共|计|是|了|在|保持在|合计|总计|有|的|各|已|均|"
                   rf"{CURRENCY_BEFORE}|[\s“”\"‘’（(：:＋+])+$")  # 部门整体支出高达3752.48万元, 仅3000万元, 人民币2864.30万元,
# ￥2,864.30万元: the label is 部门整体支出 (the currency and a plus sign are the amount's writing)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# Units that count objects: the thing counted usually follows (5个职能科室, 76台公务车辆).
COUNTED_OBJECTS = _CLASSIFIER_DIMENSIONS = {"辆", "台", "个", "家", "项", "起", "宗", "套", "组", "本", "册", "张", "株", "份", "篇", "条",
                          "户", "间", "批", "处", "幅", "所", "栋", "座", "件", "块", "类", "家次", "期", "卷", "盏", "笔"}
_COUNTS_OF_DOINGS = {"次", "场次", "人", "人次", "批次", "台次", "辆次", "车次", "架次"}
MAX_AFTER = 16


def clean_label(text: str) -> str:
    """Words before or after a number, without the year, fillers and verbs that frame it (2020年整体支出规模为 → 整体支出规模)."""
    previous = None
    while previous != text:
        previous = text
        text = _TAIL.sub("", _LEAD.sub("", text.strip()))
    if "”" in text and "“" not in text.partition("”")[0]:
        text = "“" + text  # the opening mark was cut with the words before it: “三公”经费
    return text


def _clause_bounds(sentence: str, found: list[Found], i: int) -> tuple[int, int]:
    """Start and end of the clause around the i-th quantity: from the previous punctuation or quantity to the next."""
    f = found[i]
    start = max((sentence.rfind(d, 0, f.start) for d in _DELIMITERS), default=-1) + 1
    if i > 0:
        start = max(start, found[i - 1].end)
    ends = [k for k in (sentence.find(d, f.end) for d in _DELIMITERS) if k >= 0]
    end = min(ends) if ends else len(sentence)
    if i + 1 < len(found):
        end = min(end, found[i + 1].start)
    return start, end


def label_of(sentence: str, found: list[Found], i: int) -> tuple[str, str, str, int | None]:
    """(label, clause, lead, year) of the i-th quantity of a sentence.

    Money, rates and measures are labelled by the words before them (基本支出347.79万元); objects counted by the
    noun after them when there is one (5个职能科室, 76台公务车辆控购); events and people by the words before,
    unless those are only a verb (组织4次集中学习).
    """
    f = found[i]
    start, end = _clause_bounds(sentence, found, i)
    if not sentence[start:f.start].strip() and sentence[:f.start].rstrip()[-1:] in ("：", ":"):
        colon = len(sentence[:f.start].rstrip()) - 1  # a cell written “label：value” (其中：基本支出：412.08)
        start = max((sentence.rfind(d, 0, colon) for d in _DELIMITERS), default=-1) + 1
        if i > 0:
            start = max(start, found[i - 1].end)
    before_raw, after_raw = sentence[start:f.start], sentence[f.end:end]
    before = clean_label(before_raw)
    after = clean_label(re.sub(r"^的", "", after_raw))
    after = re.sub(r"(?:以及|和|及|与|并|等)$", "", after)
    if not re.search(r"[\u4e00-\u9fff]", after):
        after = ""  # a closing bracket or a mark is no label (（计划12000人）: 计划)
    unit = f.quantity.unit
    if len(after) > MAX_AFTER:
        after = after[:MAX_AFTER] + "…"  # words after a count run on into what was done with it
    if unit in _CLASSIFIER_DIMENSIONS and after or unit in _COUNTS_OF_DOINGS and after and len(before) <= 2:
        label = after
    else:
        label = before or after
    year = _YEAR.search(before_raw)
    return label, sentence[start:end], before_raw, int(year.group(1)) if year else None


_MONEY_WORDS = re.compile(r"元|经费|资金|支出|预算|决算|收益|收入|费用?|投资|金额|成本|税|租金|拨款|结余|资产")


MAX_HEAD = 8  # characters of the words right before a number that name what it is (预算总额为 1802, 收益9230万)


def _head(lead: str) -> str:
    """The words right before a number, after the last space or mark: what a bare number is of. In a flattened
    form's run (经费支出合规性 严格执行相关制度规定 达成预期指标 8) money named further back is another cell's."""
    words = [w for w in re.split(r"[\s，,、：:；;（）()|]+", lead) if w]
    return words[-1][-MAX_HEAD:] if words else ""


# A label whose last word names a count (二级预算单位数量, 预算单位个数): money named before it is what is counted.
_COUNT_HEAD = re.compile(r"(?:数量|个数|人数|户数|次数|家数|项数|件数|台数|辆数|单位数?|名额)[\s：:（(]*$")
_RATE_HEAD = re.compile(r"(?:率|比例|比重|占比|增幅|降幅)\s*(?:为|是|达到?|约|约为|[：:])?\s*$")
_UNIT_IN_LABEL = re.compile(r"[（(]\s*(?P<u>[^（()）\s]{1,3})\s*[）)]\s*[：:]?\s*$")


def with_implied_unit(quantity: Quantity, clause: str, lead: str = "") -> tuple[Quantity, str | None]:
    """A number written without its unit takes the unit its label names in brackets (自评总分（分）97.6, 金额(万元)12);
    a money figure written without 元 (收益9230万, 预算总额为1802万) is read as 万元 when its clause is about money."""
    if quantity.unit or quantity.scale != Decimal(1):
        named = None
    else:
        named = _UNIT_IN_LABEL.search(lead)
    if named and canonical_unit(named.group("u")) in UNITS and canonical_unit(named.group("u")) != "":
        unit = canonical_unit(named.group("u"))
        return replace(quantity, unit=unit), f"写作“{quantity.text}”，单位取自标签中的“{named.group(0).strip('：: ')}”"
    if not quantity.unit and _RATE_HEAD.search(lead):  # a bare number after a rate's name (变动率为-0.25): a ratio
        return quantity, f"写作“{quantity.text}”，未写%：比率的小数写法，未按金额读"  # never 万元
    if quantity.unit or not _MONEY_WORDS.search(_head(lead) if lead else clause) or _COUNT_HEAD.search(lead):
        return quantity, None
    if quantity.scale == Decimal(10000):
        return replace(quantity, value=quantity.value / quantity.scale, unit="万元", scale=Decimal(1)), \
            f"写作“{quantity.text}”，未写“元”，按万元"
    if quantity.scale == Decimal(1):
        return replace(quantity, unit="万元"), f"写作“{quantity.text}”，未写单位；报告金额以万元计，按万元"
    return quantity, None


def _without_row_codes(text: str) -> str:
    """The text with the 行次 of a 决算 statement run together on it blanked (row_numbers.row_codes_within), in as many
    spaces: places in the text stay, and each row's amount is read alone."""
    for start, end in row_codes_within(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def sentence_mentions(sentence: Sentence, index: int, carried: str = "") -> list[Mention]:
    """Every quantity of one sentence, labelled (index: the sentence's place in the document, for ordering).

    carried: the words a line broken mid-sentence ended with (…开展绩效自评，自评得分 / 90 分，存在的问题…), which
    label a number that opens the next line."""
    text = _without_row_codes(simplified(sentence.text))  # a traditional copy is read as simplified, character for
    # character: its labels find the catalogue's, while what is written and cited stays as the report writes it
    carried = simplified(carried)
    found = find_quantities(text)
    out = []
    for i, f in enumerate(found):
        label, clause, lead, year = label_of(text, found, i)
        if i == 0 and carried and not sentence.text[:f.start].strip():
            label = label if f.quantity.unit in _CLASSIFIER_DIMENSIONS and label else clean_label(carried)
            lead, clause = carried, carried + clause
        quantity, implied = with_implied_unit(replace(f.quantity, text=sentence.text[f.start:f.end]), clause, lead)
        where = Where(sentence.section, sentence.text, sentence.block, sentence.cell)
        out.append(Mention(quantity, label, where, f.start, f.end, clause, lead, year, implied,
                           (sentence.block, index, f.start), f.doubt))
    return out


def prose_mentions(document: Document, skip_blocks: set[int],
                   skip_cells: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()) -> list[Mention]:
    """Mentions of every sentence outside the blocks the table readers took (and the framework's own table), the
    cells they read in a row left to prose (`skip_cells`, as (block, cell)) and the page's furniture (a contents
    list's page numbers, a web page's view count: never figures).

    A table saved one cell per line (a web page's 人员编制 / 96 / 实有人数 / 103) is read as its pairs: a line that is
    one number alone takes the short line of words above it as its label."""
    out: list[Mention] = []
    previous: Sentence | None = None
    sentences = document.sentences()
    skip_blocks = skip_blocks | document.furniture | years_heading_columns(
        [[c.strip() for c in b.cells] if b.kind == "row" else b.cells[0].split() for b in document.blocks])
    paragraphs = [b.cells[0] if b.kind == "paragraph" else "" for b in document.blocks]
    numbered = row_number_starts(paragraphs)
    rules = rules_of_paragraphs(paragraphs)
    for i, start in page_break_starts(paragraphs).items():
        numbered.setdefault(i, set()).add(start)
    for index, sentence in enumerate(sentences):
        if sentence.block not in skip_blocks and (sentence.block, sentence.cell) not in skip_cells \
                and not _code_under_its_label(previous, sentence) and not _lone_row_number(sentence, numbered):
            following = sentences[index + 1] if index + 1 < len(sentences) else None
            paired = _paired(previous, sentence) if not (following and _lone_number(following)) else None
            found = paired_mention(previous, sentence, index, paired) if paired \
                else sentence_mentions(sentence, index, _broken_off(previous, sentence))
            found = [m for m in found if not _year_cut_from_its_nian(m, following)]
            line = document.blocks[sentence.block].cells[0]
            found = _outside(found, sentence, line, rules.get(sentence.block))
            out += _without_row_number(found, sentence, line, numbered.get(sentence.block))
        previous = sentence
    return out


def _without_row_number(found: list[Mention], sentence: Sentence, line: str, starts: set[int] | None) -> list[Mention]:
    """The mentions of a sentence without the numbers that number its line's rows (row_numbers), when read bare: a
    number with a unit (3个) is a count whatever its place."""
    if not starts or sentence.cell is not None:
        return found
    at = line.find(sentence.text)
    if at < 0:
        return found
    return [m for m in found if not (m.where.text == sentence.text and at + m.start in starts
                                     and (not m.quantity.unit or m.implied))]


def _outside(found: list[Mention], sentence: Sentence, line: str, spans: list[tuple[int, int]] | None) -> list[Mention]:
    """The mentions of a sentence outside the spans of its line that state a rule of scoring (scoring_rules)."""
    if not spans or sentence.cell is not None or (at := line.find(sentence.text)) < 0:
        return found
    return [m for m in found if m.where.text != sentence.text
            or not any(a <= at + m.start < b for a, b in spans)]


def _year_cut_from_its_nian(m: Mention, following: Sentence | None) -> bool:
    """Is the mention a year a line break cut from its 年 (某某局2023 / 年度部门决算, a cover's title set on two lines)?"""
    return following is not None and following.text.lstrip().startswith("年") and not m.quantity.unit \
        and re.fullmatch(r"(?:19|20)\d{2}", m.written) is not None and not m.where.text[m.end:].strip()


def _lone_row_number(sentence: Sentence, numbered: dict[int, set[int]]) -> bool:
    """Is the sentence a line holding nothing but its row's number (a table saved one cell per line: 序号 / 1 / …)?"""
    return sentence.cell is None and sentence.block in numbered and _lone_number(sentence)


MAX_CELL_LABEL = 16  # characters of a line that labels the number on the line below it


_CELL_MARK = re.compile(r"\s*\|$")  # a web table saved one cell per line with a | after every cell (人员编制 | / 84 |)


def _lone_number(sentence: Sentence) -> bool:
    """Is the line a number and nothing else (the next column of a table saved one cell per line)?"""
    return bool(re.fullmatch(r"[\s\d.,，%％\-－]+", _CELL_MARK.sub("", sentence.text)))


_LINE_END = re.compile(r"[。；;！!？?：:，,、）)”」】|]$")
_LAST_CLAUSE = re.compile(r"[^，,；;。：:、\s]{1,16}$")


def _broken_off(previous: Sentence | None, sentence: Sentence) -> str:
    """The words a long line ended with when it broke off mid-sentence (a PDF's wrapped line) right before this one;
    "" when the line above ended a clause, is short (a cell's label: its number is read as a pair), or is elsewhere."""
    if previous is None or previous.cell is not None or sentence.cell is not None \
            or previous.block != sentence.block - 1 or previous.section != sentence.section \
            or len(previous.text) <= MAX_CELL_LABEL or _LINE_END.search(previous.text):
        return ""
    m = _LAST_CLAUSE.search(previous.text)
    return m.group(0) if m and not m.group(0)[-1].isdigit() else ""


def _code_under_its_label(previous: Sentence | None, sentence: Sentence) -> bool:
    """Is the line a number alone under a code's label (联系电话 / 8690022, 预算编码 / 906017)? A code, not a figure."""
    return previous is not None and _lone_number(sentence) and previous.cell is None \
        and len(previous.text) <= MAX_CELL_LABEL and _CELL_MARK.sub("", previous.text.strip()).rstrip("：:").endswith(CODE_LABELS)


def _paired(previous: Sentence | None, sentence: Sentence) -> Found | None:
    """The number a line states alone, when the line above is a label for it (words only, short, no sentence end)
    and the line below is not another number (a row of several columns, one per line, names none of them)."""
    if previous is None or sentence.cell is not None or previous.cell is not None \
            or previous.block != sentence.block - 1 or previous.section != sentence.section:
        return None
    label = _CELL_MARK.sub("", previous.text.strip())
    if not label or len(label) > MAX_CELL_LABEL or any(c.isdigit() for c in label) or label[-1] in "。；;！!？?，,":
        return None
    found = find_quantities(sentence.text)
    if len(found) != 1 or sentence.text[:found[0].start].strip() \
            or not re.fullmatch(r"[\s%％]*\|?", sentence.text[found[0].end:]):
        return None
    return found[0]


def paired_mention(previous: Sentence, sentence: Sentence, index: int, f: Found) -> list[Mention]:
    """The number of a one-cell line, labelled by the line above and cited with it (人员编制 96)."""
    written = previous.text.strip()
    label_text = _CELL_MARK.sub("", simplified(written))
    shift = len(written) + 1
    text = f"{written} {sentence.text}"  # cited as written, cell marks and all
    where = Where(sentence.section, text, sentence.block, None)
    return [Mention(f.quantity, clean_label(label_text), where, f.start + shift, f.end + shift, text, label_text, None,
                    None, (sentence.block, index, f.start), f.doubt)]
