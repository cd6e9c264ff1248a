"""Who the report is about, as it says: the unit's name, the year evaluated, its budget code, and the score and
grade it claims. What the report does not say is left as not stated, never guessed."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ...core.params import RESERVED_NAMES, UNIT_ID
from ...core.script import simplified, without_pinyin
from .document import Document, Sentence
from .furniture import is_chrome
from .mentions import Mention, Where

_SEAL = re.compile(r"^[（(]\s*(?:公章|盖章|章)\s*[）)]")  # 部门名称:(公章)梅州市…: the seal's place, not the name
_NAME_LABEL = r"(?:部门|单位)\s*[（(]?\s*(?:单位)?\s*[）)]?\s*名\s*称\s*(?:[（(]\s*盖章\s*[）)])?"
_NAME = re.compile(_NAME_LABEL + r"\s*[：:]\s*(?P<v>(?:[（(]\s*(?:公章|盖章|章)\s*[）)])?[^\s：:，。]{4,40})")
# The field with no colon: spaces, a cell's mark or nothing between label and name; the name read only as a unit's.
# A table's header naming the unit in a field of its own (部门：某某局 | 金额单位：元), never 主管部门 or 金额单位.
_HEADER_FIELD = re.compile(r"(?:^|[|｜]\s*)(?:部门|单位)\s*(?:[（(]\s*(?:公章|盖章|章)\s*[）)])?\s*[：:]\s*"
                           r"(?P<v>[^\s：:，。|｜\d]{4,40})")  # 单位（盖章）：某某局 too
_NAME_RUN_ON = re.compile(_NAME_LABEL + r"\s*[|｜]?\s*(?P<v>[^\s：:，。|｜\d]{4,40})")
# The fields a cover or a form sets after the unit's name, which end a name its cover runs on into them
# (部门(单位)名称某某局预算编码302001报告日期…, a .docx's cover flattened onto one line).
_NEXT_FIELD = re.compile(r"(?:预算|单位|部门|项目)?(?:编码|代码|编号)|(?:报告|填报|评价|报送|编制)(?:日期|时间|年度)|"
                         r"(?:联系|负责|填报|经办)人|联系电话|主管部门|所属年度|评价年度")
_SIGNER = r"(?:评\s*价|填\s*报|报\s*送|编\s*制|编\s*报|填\s*表|预\s*算|申\s*报|自\s*评|项\s*目|实\s*施|发\s*文|被\s*评\s*价|公\s*开)\s*单\s*位" \
    r"|(?:填\s*报|报\s*送|编\s*制|编\s*报|公\s*开|发\s*布)\s*部\s*门" \
    r"|发\s*布\s*(?:机\s*构|单\s*位)|来\s*源|评\s*价\s*对\s*象"  # 评价对象：某某局, 发文单位：某某局
_SIGNED = re.compile(rf"(?P<w>{_SIGNER})\s*(?:[（(]\s*(?:公章|盖章|章)\s*[）)])?(?:\s*[：:|｜]\s*|\s+)"
                     r"(?:\d{3,}\s*[-－—]\s*)?(?P<v>[^\s：:，。；|｜【】\[\]]{4,40})")  # 实施单位 219001-某某镇人民政府, 发布机构 | 某某局 |
# A field's label alone on its line, its value on the next (a cover or a form saved one cell per line).
_FIELD_ALONE = re.compile(r"^(?:(?P<n>(?:部门|单位)\s*[（(]?\s*(?:单位)?\s*[）)]?\s*名\s*称)|(?P<w>" + _SIGNER + r"))"
                          r"\s*(?:[（(]\s*(?:公章|盖章|章)\s*[）)])?\s*[：:]?\s*\|?$")
_CN_YEAR = r"二[〇零○Ｏ][〇零○Ｏ一二三四五六七八九]{2}"  # 二〇二三
_A_YEAR = rf"(?:19|20)\d{{2}}|{_CN_YEAR}"
_TITLE_YEAR = re.compile(rf"({_A_YEAR})\s*(?:年度?(?:\s*\d{{1,2}}\s*[-－—至~～]\s*\d{{1,2}}\s*月份?)?|财年|(?=[决预]算|部门|单位))[^，。；\d]{{0,30}}?(?:绩效|自评|整体支出|[决预]算(?:公开|情况说明|编制说明|报告)?(?:[（(][^（()）]{{1,6}}[）)])?$)")
# A title whose year follows it in brackets, on its line or alone on the next (…自评报告（2023年度）).
_YEAR_AFTER_TITLE = re.compile(rf"(?:绩效|自评|整体支出|决算)[^，。；]{{0,30}}(?:[（(]\s*({_A_YEAR})\s*年度?\s*[）)]"
                               rf"|(?:报告|自评表|决算|预算)\s*({_A_YEAR})\s*(?:年度?)?)$")  # …自评报告 2023
_YEAR_ALONE = re.compile(rf"[（(]?\s*({_A_YEAR})\s*(?:年度?)?\s*[）)]?")  # a cover's year may stand without 年
_YEAR_FIELD_ALONE = re.compile(r"(?:评价|所属|预算|自评)年度[：:]?\|?")
_YEAR_FIELD = re.compile(r"(?:评\s*价|所\s*属|预\s*算|自\s*评)\s*(?:年\s*度|时\s*段|期\s*间|区\s*间)\s*[：:]?\s*((?:19|20)\d{2})")
_YEAR_IN_TEXT = re.compile(r"(?:现将|对|就)[^，。；\d]{0,8}?((?:19|20)\d{2})\s*年度?[^，。；]{0,30}?(?:绩效|自评|评价|整体支出)")
MIN_YEAR_MENTIONS = 3  # a year the text names this often, while it never names the title's, is the one it speaks of
# The sentence saying which year the unit's spending was evaluated (对2023年度部门整体支出开展了绩效自评, 2023年度部门整体
# 支出绩效自评得分91分)
_YEAR_EVALUATED = re.compile(r"((?:19|20)\d{2})年度?(?:部门|单位)?整体支出[^，。；]{0,12}?(?:自评|评价)")
_YEAR_NAMED = re.compile(r"((?:19|20)\d{2})\s*年度?(?!\s*\d{1,2}\s*月)")
_CN_SMALL = r"[一二三四五六七八九十]{1,3}"
# A date as letters and pages write it: 2024年3月15日, 二〇二四年三月十五日, 2024-03-15, 2024.3.15, 2024/3/15.
_DATE = re.compile(rf"({_A_YEAR})\s*年\s*(\d{{1,2}}|{_CN_SMALL})\s*月\s*(\d{{1,2}}|{_CN_SMALL})\s*日"
                   r"|((?:19|20)\d{2})([-./])(\d{1,2})\5(\d{1,2})(?!\d)")
_DATED = re.compile(r"发\s*布\s*(?:时\s*间|日\s*期)|发\s*文\s*日\s*期|成\s*文\s*日\s*期|日\s*期|时\s*间")
_CODE = re.compile(r"预\s*算\s*编\s*码\s*[：:]\s*(?P<v>[0-9A-Za-z\-]{3,30})")
_REGION = re.compile(r"^((?:[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{1,8}?(?:省|自治区|市|州|盟|地区|县|区|旗))"
                     r"(?:[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,8}?(?:省|自治区|市|州|盟|地区|县|区|旗))*)(?=[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,})")
# What a budget unit's name ends with: an office, a bureau, a centre, a township …
_UNIT_END = ("人民政府", "机关", "中学", "小学", "大学", "学院", "街道办事处", "办事处", "委员会", "联合会", "办公室", "管理处", "中心校", "幼儿园", "检察院", "法院",
             "中心", "局", "站", "办", "委", "馆", "院", "所", "队", "处", "厅", "部", "会", "室", "校", "镇", "乡", "街道",
             "学校", "医院", "公司", "集团", "社", "台", "场", "园", "园区", "团", "署", "监狱", "党校",
             "政协", "人大", "妇联", "残联", "侨联", "文联", "科协", "工商联", "政府",
             "厂", "公路段", "养护段", "管理段", "工务段", "法庭", "少年宫", "文化宫", "苗圃", "基地", "中专", "职专", "职中",
             "高中", "初中")
_ANNOUNCING = re.compile(r"^(?:现将|现就|特将|兹将|现对)")
_ABOUT_TAIL = re.compile(r"关于(?:报送|上报|提交|印发)?$")
# The scope of the accounts after the name (某某局（本级）, 某某厅(汇总)): the unit's name is without it.
_OWN_LEVEL = re.compile(r"[（(]\s*(?:本级|汇总|本部|合并)\s*[）)]$")
_BRACKETED_NAME = re.compile(r"[（(]([\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{4,30})[）)]\s*$")
_TITLE_WORDS = re.compile(r"报告|自评|绩效|决算|预算|三公")
_PUBLISHES = re.compile(r"^([\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f（）()]{4,30}?)(?:公[布佈]|发[布佈]|公开)")  # 佈: as a traditional copy writes it
_BROKEN_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,20}")  # the first part of a name a title's line break cut
# A title about a whole area's 三公 spending (2023年度某某县“三公”经费支出决算情况): the area is what it reports on.
_AREAS_SANGONG = re.compile(r"^[“\"]?三公")
# A township or a street a title names by its place alone (某某乡部门整体支出…): its government, as the text names it.
_PLACE_ALONE = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{1,4}(?:乡|镇|街道)$")
_TOWNSHIP_OPENING = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,4}?(?:乡|镇|街道)(?=因|由于|[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,}项目)")
_GOVERNMENT = ("人民政府", "街道办事处", "办事处")
# What a title line may open with before the unit's name: 关于, the year, a budget code (411001-).
# A year as a title writes it, or as a republished copy masks it (20xx年度, (略)年度).
# A site that republishes others' documents (网友投稿, 我要投稿, 范文, 文库): the date it shows is its post's, not the
# report's publication, so no year is taken from it.
_CRUMBS = re.compile(r"[>＞»›]|当前位置|您的位置|所在位置")  # a site's path to the page (首页>政务公开>2019年预决算)
_REPUBLISHED = re.compile(r"投稿|网友|范文|文库|下载文档|精品\d+篇|精选\s*\d+\s*篇")
_MASKED = r"20(?:[xX×*＊□○_]{2}|\d[xX×*＊□○_])|[xX×*＊□]{4}|[（(]\s*略\s*[）)]"  # 20XX, 202*, 20**, (略)
_MASKED_YEAR = re.compile(rf"(?:{_MASKED})\s*年")
_ANY_YEAR = r"(?:(?:19|20)\d{2}|" + _CN_YEAR + r"|" + _MASKED + r")\s*年度?"
# …and a part's numbering, when the title is a part's heading (第二部分 某某中学2025年单位预算表, 附件1：…).
_PART_NUMBER = r"第[一二三四五六七八九十\d]+(?:部分|章|节)|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|附件\d*[：:]?" \
    r"|(?<=[：:])\d{1,2}\s*[.、．]"  # 附件：1.某某局…报告: an attachment list's item
_TITLE_HEAD = re.compile(r"^(?:[^\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f\d（(XxＸｘ×＊*]+|关于|标题[：:]?|\d{3,}\s*[-－—]\s*|" + _ANY_YEAR + "|" + _PART_NUMBER + ")+")
_TITLE_TAIL = re.compile(r"(?:" + _ANY_YEAR + r"|部门\s*[（(]\s*单位\s*[）)]|(?:部门|单位)(?:决算|预算|整体支出)|决算|部门整体支出|整体支出|部门支出|预算绩效|整体绩效|绩效自评|绩效评价|自评报告|支出绩效"
                         r"|[“\"]?三公[”\"]?经费)")
_FIRST_SENTENCE = re.compile(r"^(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f（）()]{4,30}?)(?:对(?=[^，。；]{0,40}?(?:开展|进行|组织)了?[^，。；]{0,12}?(?:自评|评价))|高度重视|是|为|系|下设|内设|成立于|位于|隶属于?|始建于|主要职责|在(?=[^，。；]{0,20}领导)|"
                             r"主要有|现有|共有|(?:主要)?负责|(?:主要)?承担|的?(?:基本|主要)?(?:职能|职责)[：:]|的(?:基本|主要)?(?:职能|职责)|[（(]以下简称|"
                             r"(?:机关)?(?:运行经费|部门整体|整体)?(?:支出|收入)(?:[\d合总共为]|决算|预算)|"
                             r"(?:19|20)\d{2}年度?(?:部门|单位)?(?:整体支出|决算|预算|收入|支出|绩效)|部门(?:决算|预算|整体支出)(?:包括|由|共|主要))")
SUBJECT_SENTENCES = 80  # how far into the body a sentence naming the unit as its subject is looked for
_CJK_GAP = re.compile(r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f])\s+(?=[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f])")
# The grades as reports write them, each to the framework's grade it names: the one place a long name is mapped.
GRADE_WORDS = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "中等": "中", "差": "差", "较差": "差"}
_GRADE_WORD = "|".join(sorted(GRADE_WORDS, key=len, reverse=True))
_GRADE = re.compile(r"(?:自评|评价|绩效|考核)?(?:等级|等次|结果|结论)?\s*(?:为|是|评定为|确定为|评为|属于|属|达到|：|:|(?=[“\"「]))\s*[“\"「]?"
                    rf"(?P<v>{_GRADE_WORD})[”\"」]?(?:等级|等次|级)?(?:[，。；,;（(]|$)")  # …为优秀（得分94分）
_GRADED = re.compile(r"等级|等次|自评|评价|评定|绩效")
# Grades on another scale some provinces use (A级, 自评结果为“好”), each read as the framework's grade of the same rank
# (A = 优 … D = 差; 好, 较好, 一般 = 优, 良, 中) and marked 存疑: only where the words say it is the grade — after
# 等级/等次/结果 or 评为, a letter or a word that could be anything else otherwise.
OTHER_SCALE = {"A": "优", "B": "良", "C": "中", "D": "差", "好": "优", "较好": "良", "一般": "中"}
_OTHER_GRADE = re.compile(r"(?:(?:等级|等次|结果|结论)\s*(?:为|是|评定为|确定为|评为|属于|：|:)|评定为|评为|确定为)\s*[“\"「]?"
                          r"(?P<v>较好|一般|好|[A-D])(?![A-Za-z])[”\"」]?(?:等级|等次|级)?(?:[，。；,;（(]|$)")
_CLAIMED_TOTAL = re.compile(r"自评.{0,6}(?:得分|总分|分数|评分)|(?:得分|总分|分数|评分).{0,4}自评|折算(?:后|为)?的?(?:得分|总分|分数)?"
                            # 经自评，2023年度部门整体支出绩效得分96分: the score of the whole, not of a section
                            r"|(?:整体支出|综合|总体|整体|总)(?:绩效)?(?:评价|自评)?(?:得分|评分|分数)"
                            # 绩效评价得分92分, 最终得分92分（满分100分）, 自评结果：92分
                            r"|绩效(?:评价|自评)(?:得分|评分)|最终得分|(?:自评|评价)(?:结果|结论)"
                            # 自评分92分, 本次自评得92分, 评分结果为92分, 综合评定得分92分
                            r"|自评分|自评[^，。；]{0,8}?得\s*\d|评分结果|评定得分"
                            # 经综合评价，该项目得分87分: the score of the evaluated project or unit as a whole
                            r"|(?:本|该)(?:项目|单位|部门)(?:(?:19|20)\d{2}年度?)?(?:绩效)?得分")
MAX_TITLE = 60
_CLAUSE_MARKS = re.compile(r"[，,。；;、《》“”：:]")
_SENTENCE_MARK = re.compile(r"[。；;！!？?，,]")  # a title is no sentence
TITLE_BLOCKS = 8  # the title stands in the report's first lines (a web page's short navigation lines not counted)
SHORT_LINE = 6  # characters of a line too short to be counted among them (首页, 政务公开, 财政信息)


def title_bound(sentences: list[Sentence]) -> int:
    """The block before which the title stands: the first TITLE_BLOCKS blocks longer than a navigation line and not a
    page's chrome, and the lines among them (a site's breadcrumbs and fields before the title push it down, never
    out)."""
    counted: set[int] = set()
    for s in sentences:
        if len(_compact(s.text)) > SHORT_LINE and not is_chrome(s.text):  # a page's fields (发布时间：…) neither
            counted.add(s.block)
            if len(counted) >= TITLE_BLOCKS:
                return s.block + 1
    return sentences[-1].block + 1 if sentences else 0


@dataclass(frozen=True)
class Stated:
    """A fact about the unit, where the report states it, and how it was read (the basis the draft names)."""

    value: str
    where: Where | None
    basis: str = ""
    sure: bool = True  # read from a field or a title; False when inferred (a publication date, a first sentence)


@dataclass(frozen=True)
class UnitFacts:
    """What the report says about the unit itself."""

    name: Stated | None
    year: Stated | None
    budget_code: Stated | None
    grade: Stated | None
    year_masked: str | None = None  # the year as a republished copy masked it (20XX年), when no year could be read

    @property
    def region(self) -> str | None:
        """The administrative area the unit's name starts with (岳阳市云溪区机关事务服务中心 → 岳阳市云溪区)."""
        m = _REGION.match(simplified(self.name.value)) if self.name else None  # 綠溪縣…: its area as written
        return self.name.value[:m.end(1)] if self.name and m else None


def _where(s: Sentence) -> Where:
    return Where(s.section, s.text, s.block, s.cell)


def _first(document: Document, pattern: re.Pattern[str], short: bool = False) -> Stated | None:
    for s in document.sentences():
        if short and len(s.text) > MAX_TITLE:
            continue
        m = pattern.search(s.text)
        if m:
            return Stated(m.group(m.lastindex or 0) if "v" not in pattern.groupindex else m.group("v"), _where(s))
    return None


_MASK = re.compile(r"(?<![A-Za-z])(?:[XxＸｘ×＊*]{1,4})(?=[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f])")


def is_unit_name(text: str) -> bool:
    """Does the text read as a budget unit's name: Chinese, 4–40 characters, ending as units' names end? A place a
    republished copy masked (XX县妇女联合会, ××区民政局) is part of the name as written."""
    text = _MASK.sub("某", text)
    base = re.sub(r"[（(][^（()）]{2,20}[）)]$", "", text)  # 中共某某省委党校（某某行政学院）: one unit, two names
    return 4 <= len(text) <= 40 and not re.search(r"[0-9A-Za-z，。；：:/\\|.、,;]", text) and base.endswith(_UNIT_END) \
        and not _PRONOUN.match(text) and not _GREETING.match(text) and not _SESSION.search(text)


# A session of a congress or a committee (某区五届人大一次会议, 政协第三届委员会第二次会议): a meeting, no unit.
_SESSION = re.compile(r"届[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{0,8}?[一二三四五六七八九十\d]+次(?:全体)?会|届(?:人大|政协)$")
_GREETING = re.compile(r"欢迎|您好")  # a site's banner (欢迎访问某某县人民政府): the site's owner greeting, no unit's name


# A unit naming itself (本单位, 我局, 该中心, 全县…) rather than a name: 本溪县…, 全州县… are places; no place opens
# with 我 or 该.
_PRONOUN = re.compile(r"[我该]|本(?:单位|部门|机关|系统|级|局|中心|委|办|院|所|站|馆|校|会|处|科|队|镇|乡|街道)|全(?:县|市|区|镇|乡|省|州|盟|旗)(?![县市区])")


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")  # one for one: places in the text stay
_CN_DIGIT = dict(zip("〇零○Ｏ一二三四五六七八九", "0000123456789"))


def year_value(written: str) -> str:
    """A year as digits, however written (2023, 二〇二三)."""
    return "".join(_CN_DIGIT.get(ch, ch) for ch in written)


def _small_number(written: str) -> int:
    """A month or a day, in digits or Chinese numerals (3, 十五, 三十一)."""
    if written.isdigit():
        return int(written)
    tens, _, ones = written.rpartition("十")
    if "十" not in written:
        return int(_CN_DIGIT[written])
    return (int(_CN_DIGIT[tens]) if tens else 1) * 10 + (int(_CN_DIGIT[ones]) if ones else 0)


def _date_parts(m: re.Match[str]) -> tuple[int, int]:
    """The year and month of a date _DATE matched."""
    if m.group(1):
        return int(year_value(m.group(1))), _small_number(m.group(2))
    return int(m.group(4)), int(m.group(6))


def _compact(text: str) -> str:
    return _CJK_GAP.sub("", text.strip())


def _name_from_title(sentences: list[Sentence], places: bool = False) -> Stated | None:
    """The name a title line holds (青禾县档案馆2023年度部门整体支出绩效自评报告, 2023年度青禾县档案馆部门整体支出…,
    411001-青禾县档案馆2023年部门决算公开), or the short line above a title that opens with its year (a title set
    on two lines). Of several title lines, the first; a later one naming the same unit more fully (with its
    county) is preferred. places: a township the title names by its place alone is taken as written."""
    bound = title_bound(sentences)
    head = [s for s in sentences if s.block < bound]
    found: list[Stated] = []
    for k, s in enumerate(head):
        text = _compact(s.text)[:MAX_TITLE]  # a title run on into the text it heads is read to its length
        if not _TITLE_WORDS.search(text) or _REPUBLISHED.search(_compact(s.text)):
            continue  # a site's own line about the copies it offers (请欣赏…报告（精选6篇）) names no unit
        text = _TITLE_HEAD.sub("", _CRUMBS.split(text)[-1])  # a site's path ending in the title: its last step
        tail = _TITLE_TAIL.search(text)
        if tail is None:
            continue
        name = re.split(r"[：:|｜/\\\s，,；;]", text[:tail.start()].strip())[-1].rstrip("的《“")  # 名称: | 某某局2021年度…,
        # 关于某某局《2024年度…报告》的说明; 按照…要求，现将某某镇2020年度…公布如下: the clause before, and 现将, dropped
        name = _ANNOUNCING.sub("", name)
        name = _OWN_LEVEL.sub("", _ABOUT_TAIL.sub("", name)).rstrip("（(")  # 某某局关于报送…, 某某局（本级）, 某某局（2023年度）
        issuer, about, subject = name.partition("关于")
        if about and is_unit_name(issuer) and not _CLAUSE_MARKS.search(issuer):  # 某某局关于某某中学2023年度…的报告:
            name = subject if is_unit_name(clean_name(subject)) else issuer  # the issuer reports on the unit after 关于
        name = clean_name(re.sub(r"(?:19|20)\d{2}$", "", name))  # 某某镇人民政府2019决算公开: the year without its 年
        bracketed = _BRACKETED_NAME.search(text)  # 2023年度部门整体支出绩效自评报告（某某局）, never a sentence's aside
        if not is_unit_name(name) and bracketed and is_unit_name(bracketed.group(1)) \
                and not _CLAUSE_MARKS.search(text[:bracketed.start()]):
            name = bracketed.group(1)
        if name and not is_unit_name(name) and (publisher := _PUBLISHES.match(name)) \
                and is_unit_name(publisher.group(1)):
            name = publisher.group(1)  # 某某局公布全国某某部门“三公”经费情况: the unit that publishes them
        if name and not is_unit_name(name) and not _CLAUSE_MARKS.search(text):
            # 某某州第二人民医院国家基本公共卫生服务项目…资金2023年度绩效自评报告: a title (no clause in it) whose project
            # is named after the unit; the opening read as the unit's name only when it opens with the unit's area
            name = next((name[:n] for n in range(len(name) - 1, 3, -1)
                         if is_unit_name(name[:n]) and _REGION.match(name[:n]) and not _LEADING_WORD.match(name)), name)
        if is_unit_name(name) and not _PRONOUN.search(name):  # 现将本馆…情况报告如下: a sentence, no title
            above = _compact(head[k - 1].text) if k > 0 and head[k - 1].block == s.block - 1 else ""
            if _BROKEN_NAME.fullmatch(above) and not is_unit_name(above) and not _REGION.match(name) \
                    and is_unit_name(above + name) \
                    and _REGION.match(above + name):  # 某某县城市管理综合 / 行政执法局2023年度…: a title set on two lines
                found.append(Stated(above + name, _where(head[k - 1]), "标题（分两行）"))
            else:
                found.append(Stated(name, _where(s), "标题"))
        elif _PLACE_ALONE.match(name) and (township := _township(name, _where(s), sentences, places)) is not None:
            found.append(township)
        elif (opening := _TOWNSHIP_OPENING.match(name)) and not _CLAUSE_MARKS.search(text) \
                and (township := _township(opening.group(0), _where(s), sentences, False)) is not None:
            found.append(township)  # 某某镇因灾重建项目2023年度…: a township's project, when the text names its government
        elif (area := _REGION.match(name + "某某")) and area.group(1) == name and not _PRONOUN.match(name) \
                and _AREAS_SANGONG.match(text[tail.start():]):
            found.append(Stated(name, _where(s), "标题（全地区“三公”经费）"))
        elif not text[:tail.start()].strip() and (after := _name_after_title(text[tail.end():])):
            found.append(Stated(after, _where(s), "标题"))  # 2023年度部门决算 某某局, 部门决算公开：某某局2023年度
        elif not name:
            beside = [k - 1, k - 2, k + 1, k + 2]  # 某某局 / 2023年度 / 部门整体支出…报告, or the name set under it
            for j in beside:
                if not 0 <= j < len(head) or (abs(j - k) == 2 and not re.fullmatch(_ANY_YEAR, _compact(head[(j + k) // 2].text))
                                              and not _YEAR_ALONE.fullmatch(_compact(head[(j + k) // 2].text))):
                    continue
                if (named := _name_on_its_line(_compact(head[j].text))) is not None:
                    found.append(Stated(named, _where(head[j]), "标题"))
                    break
    if not found:
        return None
    fuller = [x for x in found[1:] if (x.value.endswith(found[0].value) or x.value.startswith(found[0].value))
              and not _SUBORDINATE.search(x.value.replace(found[0].value, "", 1))  # 某某局下属某某站: another unit
              if len(x.value) > len(found[0].value)]  # 某某县林业局 of 林业局; 中国共产主义青年团某某区委员会 of 中国共产主义青年团
    return fuller[0] if fuller else found[0]


# Words that put another unit under the one named (某某局下属某某站, 所属, 直属, 下设): a second unit, no fuller name
_SUBORDINATE = re.compile(r"下属|所属|直属|下设|代管|管理的|属下")


def _name_after_title(rest: str) -> str | None:
    """The unit a title names after its own words (2023年度部门决算 某某局): the first piece of the rest of the line,
    between marks, that is a name once its year and title words are dropped."""
    if _SENTENCE_MARK.search(rest):
        return None  # a sentence (2023年度部门决算已经县人大常委会审议，…) names who acted, not whose accounts
    for piece in re.split(r"[\s：:|｜/\\（）()【】\-—_]+", rest):
        piece = _TITLE_HEAD.sub("", piece)
        tail = _TITLE_TAIL.search(piece)
        name = _OWN_LEVEL.sub("", clean_name(piece[:tail.start()] if tail and tail.start() >= 4 else piece))
        if is_unit_name(name):
            return name
    return None


# A line that is a report's title: its year, and what it is, at its end (…2022年度部门整体支出绩效自评报告, …部门决算)
_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}\s*年度?.{0,30}?(?:自评报告|评价报告|自评情况的?报告|部门决算|部门预算|单位决算|单位预算)"
                           r"(?:公开|说明|情况说明)?$")


def first_report(document: Document) -> Document:
    """The file's first report alone, when it holds another unit's (or another year's) after it — a 汇编 of several
    units' reports, each under its own title: its figures would mix with the first's. The cut is said in `skipped`."""
    sentences = document.sentences()
    first = _name_from_title(sentences)
    if first is None or first.where is None:
        return document
    year = _YEAR_NAMED.search(first.where.text)
    for b in range(first.where.block + 2, len(document.blocks)):
        block = document.blocks[b]
        line = _compact(simplified(block.cells[0])) if block.kind == "paragraph" else ""
        if len(line) > MAX_TITLE or not _REPORT_TITLE.search(line) or not _heads_a_body(document, b):
            continue
        name = _name_on_its_line(line)
        other_year = _YEAR_NAMED.search(line)
        if name is None or _one_unit(name, first.value) and (
                year is None or other_year is None or other_year.group(1) == year.group(1)):
            continue  # an attachment's or a part's heading, or the same unit's title again, maybe shorter or fuller
        note = (f"第 {b + 1} 段起是另一份报告（{block.cells[0].strip()}），只读了此前的“{first.value}”报告；"
                "另一份请单独起草")
        return replace(document, blocks=document.blocks[:b], skipped=(*document.skipped, note),
                       furniture=frozenset(k for k in document.furniture if k < b))
    return document


# A line's end that cites what follows (本报告参照 / 某局…报告 / 的格式编写): the title is cited, it heads nothing
_CITING = re.compile(r"(?:参照|按照|根据|依据|详见|见|同|参考|对照|《|“)\s*$")
_CONTINUED = re.compile(r"^\s*[的，,、。；;）)》”]")


def _heads_a_body(document: Document, b: int) -> bool:
    """Does the title line at block b head a report, rather than stand inside a sentence broken around it?"""
    blocks = document.blocks
    before = blocks[b - 1].cells[0] if b > 0 and blocks[b - 1].kind == "paragraph" else ""
    after = blocks[b + 1].cells[0] if b + 1 < len(blocks) and blocks[b + 1].kind == "paragraph" else ""
    return not _CITING.search(before) and not _CONTINUED.match(after)


def _one_unit(a: str, b: str) -> bool:
    """May two names be one unit's: past their areas, one's characters all in the other's (先锋镇人民政府 in 某县回族
    彝族自治县先锋镇人民政府, 体育中心 in 体育运动产业发展中心, 人社局 in 人力资源和社会保障局), never 农业农村局 and 信访局?"""
    cores = [set(_REGION.sub("", name)) for name in (a, b)]
    return cores[0] <= cores[1] or cores[1] <= cores[0]


def _township(place: str, where: Where, sentences: list[Sentence], alone: bool) -> Stated | None:
    """A township or street a title names by its place (某某乡): its government as the text names it (某某乡人民政府),
    else (alone: when nothing else in the report names the unit) the place as written."""
    for s in sentences:
        text = _compact(s.text)
        for ending in _GOVERNMENT:
            if place + ending in text:
                return Stated(place + ending, _where(s), f"标题（{place}），全称见正文")
    return Stated(place, where, "标题") if alone else None


def _name_on_its_line(line: str) -> str | None:
    """The unit a title's other line names: the whole line (某某局), after the year it opens with (2018年度某某办公室 /
    部门决算公开说明), or the unit a project on it is named after when it opens with the unit's area (某某县某某指挥部
    乡村振兴项目资金 / 绩效评价报告)."""
    line = _TITLE_HEAD.sub("", line)
    tail = _TITLE_TAIL.search(line)
    line = clean_name(line[:tail.start()] if tail and tail.start() >= 4 else line)  # 某某办事处部门整体支出
    line = _OWN_LEVEL.sub("", line)  # 某某局（本级）: the accounts' scope is no part of the name
    if is_unit_name(line):
        return line
    if _CLAUSE_MARKS.search(line) or not _REGION.match(line):
        return None
    return next((line[:n] for n in range(len(line) - 1, 3, -1)
                 if is_unit_name(line[:n]) and _REGION.match(line[:n]) and not _LEADING_WORD.match(line)
                 and line[n - 1:n + 1] not in _WORDS_ACROSS), None)


# A unit's last character and the next one making a word of the text after the name (某某指挥部乡村振兴项目: 乡村)
_WORDS_ACROSS = frozenset(("乡村", "镇村", "所属", "处置", "处理", "会议", "站点", "院校", "局部", "部门", "校园", "队伍"))


# A field's label before a name (名称某某局, 单位名称：, 标题：) and what a title sets after it (某某局部门2020年度…,
# 某某局(部门), 某某局（单位）): no part of the name.
_LABEL_BEFORE = re.compile(r"^(?:(?:部门|单位|项目|预算)\s*)*(?:[（(]\s*单位\s*[）)])?\s*名\s*称\s*[：:]?|^标\s*题\s*[：:]?")
_WORD_AFTER = re.compile(r"(?:[（(]\s*(?:部门|单位)\s*[）)]|部门\s*(?:[（(]\s*单位\s*[）)])?)$")


def clean_name(name: str) -> str:
    """A unit's name without the field label read before it or the 部门 a title sets after it."""
    return _WORD_AFTER.sub("", _LABEL_BEFORE.sub("", name.strip())).strip()


# The heading of the part that describes the unit (第一部分 某某局概况, 一、某某街道办事处(汇总)概况).
_OVERVIEW = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])"
                       r"\s*(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f（）()]{4,40}?)"
                       r"(?:[（(]\s*(?:本级|汇总|本部|合并)\s*[）)])?(?:部门|单位)?(?:概况|基本概况|基本情况|简介|概述)$")


def _name_from_overview(sentences: list[Sentence]) -> Stated | None:
    """The unit the heading of its overview names (第一部分 某某局概况): a 决算's or a 预算's own part about it."""
    for s in sentences[:SUBJECT_SENTENCES]:
        m = _OVERVIEW.match(_compact(s.text))
        if m and is_unit_name(clean_name(m.group("v"))):
            return Stated(clean_name(m.group("v")), _where(s), "单位概况的标题")
    return None


def _fuller(stated: Stated, sentences: list[Sentence]) -> Stated:
    """A short form (区某某局, 统计局) the report writes in full elsewhere (某某市某某区某某局): the full name, when the
    text gives one and only one."""
    name = stated.value
    if _REGION.match(name):
        return stated
    scope = _SCOPE_SUFFIX.search(name)  # 水利局（本级）: the unit's name is before its scope, which stays
    if scope:
        fuller = _fuller(replace(stated, value=name[:scope.start()]), sentences)
        return stated if fuller.value == name[:scope.start()] else \
            replace(fuller, value=fuller.value + name[scope.start():], basis=fuller.basis.replace(
                f"简称“{name[:scope.start()]}”", f"简称“{name}”"))
    short = name[1:] if name[:1] in _LEVELS else name
    pattern = re.compile(rf"((?>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{{1,8}}?(?:省|自治区|市|州|盟|地区|县|区|旗))+){re.escape(short)}")  # each
    # area taken once, up to its first level word: a run of them is never split two ways (time linear in the text)
    full = {}
    for s in sentences:
        for m in pattern.finditer(_compact(s.text)):
            region = _LEADING_WORD.sub("", m.group(1))
            cut = list(re.finditer(r"[的在对由经将于及]", region))  # …经松岭市青山区文化和旅游局: prose before
            region = region[cut[-1].end():] if cut else region
            candidate = region + short
            if (name[:1] not in _LEVELS or region.endswith(name[0])) and _REGION.match(candidate) \
                    and is_unit_name(candidate):
                full.setdefault(candidate, s)
    if len(full) != 1:
        return stated
    [(value, s)] = full.items()
    return Stated(value, _where(s), f"{stated.basis}（简称“{name}”，全称见正文）", stated.sure)


_LEVELS = "省市州县区旗镇乡"
_SCOPE_SUFFIX = re.compile(r"[（(](?:本级|机关|汇总|本部|部门汇总)[）)]$")  # a report's scope after the unit's name


_QUOTED_TITLE = re.compile(r"《(?P<t>[^《》]{6,60})》")
_PAGE_AT_END = re.compile(r"\s*\d{1,3}$")


def _name_from_a_later_title(sentences: list[Sentence]) -> Stated | None:
    """The unit a report's title names further on — a contents entry (某某办部门2020年部门整体支出绩效评价报告 24) or a
    title the text cites (…见《2021年某某园区整体绩效评价报告》): 存疑, as the title may be of a part."""
    lines: dict[int, list[Sentence]] = {}
    for s in sentences[:SUBJECT_SENTENCES]:  # a line the document split into cells (某某办 / 2020 / 年部门…报告 / 24)
        lines.setdefault(s.block, []).append(s)
    for parts in lines.values():
        s = parts[0]
        text = _compact("".join(p.text for p in parts))
        titles = [_PAGE_AT_END.sub("", text)] if len(text) <= MAX_TITLE and not _SENTENCE_MARK.search(text) else []
        titles += [m.group("t") for m in _QUOTED_TITLE.finditer(text)]
        for title in titles:
            if not (_TITLE_YEAR.search(title) or _MASKED_YEAR.search(title)) or not title.endswith(_REPORT_ENDS):
                continue
            head = _TITLE_HEAD.sub("", title)
            tail = _TITLE_TAIL.search(head)
            name = clean_name(head[:tail.start()]) if tail else ""
            if is_unit_name(name):
                return Stated(name, _where(s), "正文或目录所列报告标题", sure=False)
    return None


_REPORT_ENDS = ("报告", "决算", "说明", "自评表")


def _name_from_first_sentence(sentences: list[Sentence]) -> Stated | None:
    """The unit a sentence of the report's opening describes (某某中心是…, 某某中心下设…): 存疑, as inferred."""
    for s in sentences[:SUBJECT_SENTENCES]:
        if s.cell is not None or (len(s.text) <= MAX_TITLE // 3 and not s.text.rstrip().endswith(("。", "；"))):
            continue  # a heading (某某局概况), not a sentence about the unit (某某小学是一所公办小学。)
        m = _FIRST_SENTENCE.match(_LEAD_CLAUSE.sub("", _compact(s.text)))
        if m and is_unit_name(m.group("v")):
            return Stated(m.group("v"), _where(s), "正文中描述单位的句子", sure=False)
        if (m := _TOWNSHIP_GLUED.match(_LEAD_CLAUSE.sub("", _compact(s.text)))) is not None \
                and (township := _township(m.group("v"), _where(s), sentences, True)) is not None:
            return replace(township, basis="正文中描述单位的句子", sure=False)
        for m in _SHORT_NAMED.finditer(_compact(s.text)):  # …的规定，某某联合会（以下简称“省残联”）成立专班
            name = _LEADING_WORD.sub("", m.group("v"))
            if is_unit_name(name):
                return Stated(name, _where(s), "正文中以“以下简称”引出的单位", sure=False)
        if (m := _COMPILED.search(_compact(s.text))) and is_unit_name(m.group("v")):
            return Stated(m.group("v"), _where(s), "正文所述汇总数据的单位", sure=False)
        if (m := _GLOSSED.search(_compact(s.text))) and is_unit_name(m.group("v")):
            return Stated(m.group("v"), _where(s), "正文中“我局”等自称后括注的单位", sure=False)
    for s in sentences[:SUBJECT_SENTENCES]:
        for m in _OWN_ACCOUNTS.finditer(_compact(s.text)):
            if is_unit_name(m.group("v")) and not _PRONOUN.match(m.group("v")):
                return Stated(m.group("v"), _where(s), "正文所列决算（预算）单位中的“本级”", sure=False)
    return None


# A township or street opening a sentence with a clause glued on (某某镇因…, 某某街道由于…): the place, its government
_TOWNSHIP_GLUED = re.compile(r"^(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,4}?(?:乡|镇|街道))(?:因|由于|于|自|在|按照|根据|通过|坚持|围绕|立足|以|将|把|"
                             r"全年|本年|现有|辖|共|地处|位于)")
_PUBLISHER = re.compile(r"发布|来源")  # a page's publisher or source: who put the page up, maybe not the unit
# A unit naming itself and then its name (我单位临江县卫生健康局2023年度…, 我局（某某局）)
_SELF_NAMED = re.compile(r"(?:我|本)(?:单位|部门|机关|局|中心|委|办|院|所|站|馆|校|会|处|镇|乡|街道)[（(]?"
                         r"(?P<v>[\u3400-\u4dbf\u4e00-\u9fff]{4,40})")


def _self_named(sentences: list[Sentence]) -> Stated | None:
    """The unit the text names right after naming itself (我单位某某局…): the longest opening that is a name."""
    for s in sentences[:SUBJECT_SENTENCES]:
        for m in _SELF_NAMED.finditer(_compact(s.text)):
            words = m.group("v")
            name = next((words[:n] for n in range(len(words), 3, -1) if is_unit_name(words[:n])), None)
            if name is not None:
                return Stated(name, _where(s), "正文中单位自称后的名称", sure=False)
    return None


# A unit naming itself, then its name in brackets (现将我局（某某局）…): the name it glosses itself with.
_GLOSSED = re.compile(r"(?:我|本)(?:单位|部门|机关|局|中心|委|办|院|所|站|馆|校|会|处|镇|乡|街道)[（(]"
                      r"(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{4,40})[）)]")
# The unit's own accounts among those a 决算 or 预算 gathers (单位包括：某某局本级、…): the unit, before 本级.
_OWN_ACCOUNTS = re.compile(r"(?:^|[：:，,、；;])(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{4,40}?)(?:机关)?本级")


# What may open a sentence before its subject: the year or the basis it speaks on (2023年，…; 按照…的批复，…).
_LEAD_CLAUSE = re.compile(r"^(?:(?:(?:19|20)\d{2}\s*年度?|本年度|近年来|(?:根据|按照|依据|为了?|围绕|通过|从|在|自|对照|结合)"
                          r"[^，,。；]{0,40})[，,])+")
# A unit that compiled the figures the page publishes (经某某县财政局汇总，…): the publisher, 存疑.
_COMPILED = re.compile(r"经(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{4,30}?)(?:汇总|统计|审核|审定)")
# A name the text introduces with its short form, at the start of a clause: the subject the report goes on to name.
_SHORT_NAMED = re.compile(r"(?:^|[，,。；;：:])(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{4,30})[（(]\s*以下简称")
_LEADING_WORD = re.compile(r"^(?:经|由|对|在|受|请|现将|根据|按照|依据)")


def _name(sentences: list[Sentence]) -> Stated | None:
    """The unit's name: its 部门（单位）名称 field as written; else the title; else the unit signing the report
    (评价单位（公章）, 发布机构); else the subject of the first sentence (存疑)."""
    for s in sentences:
        if m := _NAME.search(s.text):
            value = clean_name(_SEAL.sub("", m.group("v")))
            if not is_unit_name(value) and s.text[m.end():m.end() + 1] in "：:":  # …委员会评价单位:…: the next
                value = _field_value(value) or value  # field's label ran on into the name
            return Stated(value, _where(s), "部门（单位）名称")
        if (m := _NAME_RUN_ON.search(s.text)) and (value := _field_value(m.group("v"))):
            return Stated(value, _where(s), "部门（单位）名称")
    fields = _fields_alone(sentences)
    if "n" in fields:
        return fields["n"]
    title = _name_from_title(sentences)
    if title:
        return _fuller(title, sentences)
    header = _name_from_red_header(sentences) or _name_under_title(sentences)
    if header:
        return header
    overview = _name_from_overview(sentences)
    if overview:
        return _fuller(overview, sentences)
    for s in sentences:  # a form's or a 决算 table's header: 部门：某某局  金额单位：万元
        if (m := _HEADER_FIELD.search(s.text)) and (value := _field_value(m.group("v"))):
            return Stated(value, _where(s), "表头“部门（单位）”")
    for s in sentences:
        m = _SIGNED.search(s.text)
        if m and is_unit_name(_compact(m.group("v"))):
            signed = Stated(_compact(m.group("v")), _where(s), re.sub(r"\s", "", m.group("w")))
            own = _self_named(sentences) if _PUBLISHER.search(signed.basis) else None
            if own is not None and not _one_unit(own.value, signed.value):  # a page's publisher (often the 财政局)
                return replace(own, basis=f"{own.basis}（页面{signed.basis}为{signed.value}）", sure=False)
            return signed
    later = _name_from_a_later_title(sentences)
    return fields.get("w") or _name_from_signature(sentences) or (later and _fuller(later, sentences)) \
        or _name_from_first_sentence(sentences) or _name_from_project(sentences) \
        or _name_from_site(sentences) or _name_from_author(sentences) or _name_from_own_words(sentences) \
        or _name_from_cover(sentences) or _name_from_title(sentences, places=True)


# A cover's issuer and its month, run together on one line as a copied cover keeps them (某某局 二〇二一年十一月).
_COVER = re.compile(rf"(?:^|\s)(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f（）()]{{4,40}}?)\s+(?:{_A_YEAR})\s*年\s*(?:\d{{1,2}}|{_CN_SMALL})\s*月")


def _name_from_cover(sentences: list[Sentence]) -> Stated | None:
    """The unit a cover names over its date, on the title's lines: 存疑, as inferred."""
    bound = title_bound(sentences)
    for s in sentences:
        if s.block >= bound:
            break
        for m in _COVER.finditer(s.text):
            if is_unit_name(m.group("v")):
                return Stated(m.group("v"), _where(s), "封面上署于日期之前的单位", sure=False)
    return None


# The unit's own rules cited by their notice's title (关于印发某某局主要职责内设机构和人员编制规定的通知: its 三定规定).
_OWN_RULES = re.compile(r"印发(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f（）()]{4,40}?)(?:主要职责|职能配置|机构职能|机构设置)[^》<>]{0,24}?(?:规定|方案)")
# A 决算's note under a table left empty, the unit as its subject (说明：某某镇人民政府没有使用…支出，故本表无数据).
_EMPTY_TABLE = re.compile(r"(?:^|[：:。；;，,\s])(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f（）()]{4,40}?)(?:(?:19|20)\d{2}年度?)?(?:没有|无|未|不)"
                          r"[^。；;]{0,40}?(?:故|因此|所以|因而)?[，,]?\s*(?:本表|此表|该表)(?:无数据|为空表?|数据为空|无数)")


def _name_from_own_words(sentences: list[Sentence]) -> Stated | None:
    """The unit a 决算 or budget names only in passing: the title of its own 三定规定 cited, or its note under a table
    left empty — 存疑, as inferred."""
    for pattern, cue, basis in ((_EMPTY_TABLE, "表", "空表说明中的单位"), (_OWN_RULES, "印发", "正文引用的本单位“三定”规定")):
        for s in sentences:
            for m in pattern.finditer(_compact(s.text)) if cue in s.text else ():  # a few sentences searched
                if is_unit_name(m.group("v")):
                    return Stated(m.group("v"), _where(s), basis, sure=False)
    return None


def _field_value(text: str) -> str | None:
    """The unit's name a cover field holds: up to the next field it runs on into (…局预算编码302001), as written when
    that is a unit's name, else the longest opening of it that is one."""
    cut = _NEXT_FIELD.search(text)
    text = text[:cut.start()] if cut else text
    if is_unit_name(text):
        return text
    return next((text[:n] for n in range(len(text) - 1, 3, -1) if is_unit_name(text[:n])), None)


_SEALED = re.compile(r"[（(]\s*(?:公章|盖章|章|印章)\s*[）)]$")
SIGNATURE_LINES = 8  # the report's last lines, where a letter is signed


# The date a letter is signed on: a day, or a month only (2024年3月), in words or digits (2024-03-15, 2024.3)
_SIGNED_ON = re.compile(rf"{_DATE.pattern}|(?:{_A_YEAR})\s*年\s*(?:\d{{1,2}}|{_CN_SMALL})\s*月份?|(?:19|20)\d{{2}}[-./](?:1[0-2]|0?[1-9])"
                        r"(?:[-./](?:[12]\d|3[01]|0?[1-9]))?")


def _name_from_signature(sentences: list[Sentence]) -> Stated | None:
    """The unit signing a report written as a letter: its name alone on a line at the end, beside the date
    (某某局 / 2024年3月15日)."""
    tail = [s for s in sentences[-SIGNATURE_LINES:] if s.cell is None]
    for k, s in enumerate(tail):
        name = _SEALED.sub("", _compact(s.text)).strip("（）() ")  # 某某局（公章）: the seal's place beside the name
        dated = any(_SIGNED_ON.fullmatch(_compact(t.text).rstrip("。")) for t in tail[max(0, k - 1):k + 2] if t is not s)
        last = s is tail[-1] and not _compact(s.text).startswith(("（", "("))  # an aside in brackets signs nothing
        if (dated or last) and is_unit_name(name):  # the date beside it, or the report's last line
            return Stated(name, _where(s), "落款")
    return None


_BRACKETED = re.compile(r"^[（(](?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f（）()]{4,40})[）)]$")


def _name_under_title(sentences: list[Sentence]) -> Stated | None:
    """The unit a title names on the line under it, alone in brackets (…自评报告 / （某某局）)."""
    head = [s for s in sentences if s.block < title_bound(sentences)]
    for above, s in zip(head, head[1:]):
        m = _BRACKETED.match(_compact(s.text))
        if m and is_unit_name(m.group("v")) and _TITLE_WORDS.search(above.text) and len(above.text) <= MAX_TITLE:
            return Stated(m.group("v"), _where(s), "标题下括注的单位")
    return None


_RED_HEADER = re.compile(r"^(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f（）()]{4,40}?)文件$")
_REPORTED = re.compile(r"(?:报告|说明|自评表)$")


def _name_from_red_header(sentences: list[Sentence]) -> Stated | None:
    """The unit issuing a report set as an official document (公文): its name over the title in the 版头, 某某局文件 /
    某发〔2025〕8号 / 关于2024年度…的报告 — the unit's own report when the title is one (报告, 说明); a notice's 版头
    (某某县财政局文件 / 关于印发…的通知) is the sender's, not the unit's."""
    head = [s for s in sentences if s.block < title_bound(sentences)]
    for k, s in enumerate(head):
        m = _RED_HEADER.match(_compact(s.text))
        if m and is_unit_name(m.group("v")) and any(_REPORTED.search(_compact(t.text).rstrip("。")) and
                                                    _TITLE_WORDS.search(t.text) for t in head[k + 1:k + 4]):
            return Stated(m.group("v"), _where(s), "版头（某某文件）")
    return None


_PROJECT = re.compile(r"项\s*目\s*名\s*称\s*[：:]?\s*(?:\d{3,}\s*[-－—]\s*)?(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f（）()]{6,60})")


def _name_from_project(sentences: list[Sentence]) -> Stated | None:
    """The unit a project is named after (项目名称：某某医院卫生健康发展专项资金项目 → 某某医院): the longest opening of
    the name that reads as a unit's; 存疑, as a project may bear another's name."""
    for s in sentences[:SUBJECT_SENTENCES]:
        m = _PROJECT.search(_compact(s.text))
        if m is None:
            continue
        value = m.group("v")
        found = [value[:n] for n in range(len(value) - 2, 3, -1) if is_unit_name(value[:n])]
        if found:
            return Stated(found[0], _where(s), "项目名称", sure=False)
    return None


_AUTHOR = re.compile(r"作\s*者\s*[：:]\s*(?P<v>[^\s：:，。；【】\[\]]{4,40})")


def _name_from_author(sentences: list[Sentence]) -> Stated | None:
    """The office a web page names as the article's author (【作者：县政协办】): 存疑, an office of the unit at best."""
    for s in sentences[:TITLE_BLOCKS]:
        m = _AUTHOR.search(s.text)
        if m and is_unit_name(_compact(m.group("v"))):
            return Stated(_compact(m.group("v")), _where(s), "网页所署作者", sure=False)
    return None


_SITE = re.compile(r"欢迎(?:您)?(?:来到|访问|光临|进入)?(?P<v>[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{4,30}?)(?:门户)?(?:网站|官网|政务网|信息网)")


def _name_from_site(sentences: list[Sentence]) -> Stated | None:
    """The unit whose website the report was saved from (欢迎来到某县政协网站): 存疑, as the site may be another's."""
    for s in sentences[:TITLE_BLOCKS]:
        m = _SITE.search(_compact(s.text))
        if m and is_unit_name(m.group("v")):
            return Stated(m.group("v"), _where(s), "发布网站", sure=False)
    return None


def _fields_alone(sentences: list[Sentence]) -> dict[str, Stated]:
    """A name field whose label stands alone on its line with the name on the next (部门名称 / 某某局, 实施单位（盖章）
    / 某某局): the first 名称 field under "n", the first signing unit's field under "w"."""
    out: dict[str, Stated] = {}
    for s, following in zip(sentences, sentences[1:]):
        m = _FIELD_ALONE.match(_compact(s.text)) if len(s.text) <= MAX_TITLE // 2 else None
        value = _compact(following.text).rstrip("| ")  # a web table's cell mark (名称 | / 某某局 |)
        if m is None or not is_unit_name(value):
            continue
        kind = "n" if m.group("n") else "w"
        basis = "部门（单位）名称" if kind == "n" else re.sub(r"\s", "", m.group("w"))
        out.setdefault(kind, Stated(value, _where(following), basis))
    return out


def _year(sentences: list[Sentence]) -> Stated | None:
    """The year evaluated, from the title, a 评价年度 field, the text's own words, or the publication date − 1; a
    title's or a field's year that the text never names while it names another year again and again is a typing
    mistake (2014 for 2024): the text's year is taken, 存疑, with both said."""
    read = _year_read(sentences)
    if read is None or read.basis not in ("标题", "评价年度") or read.where is None:
        return read
    field = _year_field(sentences) if read.basis == "标题" else None
    if field is not None and field != read.value:  # 标题 2025, 评价年度：2024年: which one is wrong the report does not say
        return replace(read, basis=f"标题写{read.value}年，评价年度写{field}年，按标题", sure=False)
    named = Counter(m.group(1) for s in sentences if s.block != read.where.block
                    for m in _YEAR_NAMED.finditer(s.text))
    if not named:
        return read
    value, times = max(named.items(), key=lambda kv: (kv[1], kv[0]))
    evaluated = Counter(m.group(1) for s in sentences if s.block != read.where.block
                        for m in _YEAR_EVALUATED.finditer(_compact(s.text)))
    if not named[read.value] and evaluated and read.value not in evaluated:  # 2024年…自评报告 over 2023年度…自评得分:
        value = max(evaluated, key=lambda y: (evaluated[y], y))  # the sentence saying which year was evaluated
        s = next(s for s in sentences if s.block != read.where.block and value in _compact(s.text))
        return Stated(value, _where(s), f"{read.basis}写{read.value}年，正文从未提及该年而写明评价的是{value}年度，按正文",
                      sure=False)
    if times < MIN_YEAR_MENTIONS or value == read.value:
        return read
    if named[read.value]:  # the text names the title's year too, less often: the title's year kept — unless the
        # text dates what was done in the other year more often (not its plans: 2024年计划…, 2024年预算…, as a report
        # on 2023 looks ahead): its figures are of that year, which is taken, 存疑 with both years said (a 2024 title
        # over 2025 figures kept 2024, and the figures left the catalogue as another year's)
        spoken = _years_spoken_of([s for s in sentences if s.block != read.where.block], done_only=True)
        if spoken[value] >= MIN_YEAR_MENTIONS and spoken[value] > spoken[read.value]:
            s = next(s for s in sentences if s.block != read.where.block and value in s.text)
            return Stated(value, _where(s), f"{read.basis}写{read.value}年，而正文{spoken[value]}次写{value}年"
                                            f"（{read.value}年{spoken[read.value]}次），按正文", sure=False)
        return read
    s = next(s for s in sentences if s.block != read.where.block and value in s.text)
    return Stated(value, _where(s), f"{read.basis}写{read.value}年，正文从未提及该年而{times}次写{value}年，按正文",
                  sure=False)


def _year_field(sentences: list[Sentence]) -> str | None:
    """The year a 评价年度 field names, if one does."""
    return next((m.group(1) for s in sentences if (m := _YEAR_FIELD.search(s.text))), None)


def _year_read(sentences: list[Sentence]) -> Stated | None:
    bound = title_bound(sentences)
    crumb: Stated | None = None
    for s in sentences:
        text = _compact(s.text)  # 2023 年 度 部 门 整 体 支 出 绩 效: a PDF's spaces
        if len(text) <= MAX_TITLE and not _SENTENCE_MARK.search(text) and \
                (m := _TITLE_YEAR.search(text) or _YEAR_AFTER_TITLE.search(text)):
            written = next(g for g in m.groups() if g)
            if not _CRUMBS.search(text):
                return Stated(year_value(written), _where(s), "标题")
            crumb = crumb or Stated(year_value(written), _where(s), "网页导航中的标题")
    if crumb is not None:
        return crumb  # a site's path ending in the document's title (…>>2019年预决算>>2018年部门决算), no title under it
    for s, following in zip(sentences, sentences[1:]):  # a title set on lines: 某某局 / 2023年度 / 部门整体支出…报告
        for line, title in ((s, following), (following, s)):  # …报告 / （2023年度）
            m = _YEAR_ALONE.fullmatch(_compact(line.text))
            if m and line.block < bound and _TITLE_WORDS.search(title.text) and len(title.text) <= MAX_TITLE \
                    and not _SENTENCE_MARK.search(title.text):
                return Stated(year_value(m.group(1)), _where(line), "标题")
    for s, following in zip(sentences, sentences[1:]):  # 评价年度 / 2023: a form's label and value cells
        if _YEAR_FIELD_ALONE.fullmatch(_compact(s.text)) and \
                (m := re.fullmatch(rf"({_A_YEAR})(?:年度?)?\|?", _compact(following.text))):
            return Stated(year_value(m.group(1)), _where(following), "评价年度")
    for pattern, basis in ((_YEAR_FIELD, "评价年度"), (_YEAR_IN_TEXT, "正文")):
        for s in sentences:
            if m := pattern.search(s.text):
                return Stated(m.group(1), _where(s), basis)
    if any(_MASKED_YEAR.search(s.text) for s in sentences):
        return None  # a republished copy masked the report's years (20xx年): a date left unmasked is the copy's own
    copied = any(_REPUBLISHED.search(s.text) for s in sentences[:SUBJECT_SENTENCES])
    dated = [] if copied else [(s, m) for s in sentences for m in _DATE.finditer(s.text)
             if len(s.text) <= MAX_TITLE // 2 or _DATED.search(s.text[:m.start()][-12:])]
    if dated:
        s, m = max(dated, key=lambda x: _date_parts(x[1]))
        spoken = _years_spoken_of(sentences)
        value, times = max(spoken.items(), key=lambda kv: (kv[1], kv[0])) if spoken else ("", 0)
        published = str(_date_parts(m)[0] - 1)
        if times >= MIN_YEAR_MENTIONS and value != published:  # a fund's report published years later, a 决算
            # posted late: the year its text speaks of, not the page's date
            said = next(x for x in sentences if _YEAR_NAMED.search(x.text) and value in x.text)
            return Stated(value, _where(said), f"正文{times}次提到的年度（发布日期{m.group(0)}的上一年为{published}）",
                          sure=False)
        return Stated(published, _where(s), f"发布日期{m.group(0)}的上一年", sure=False)
    spoken = _years_spoken_of(sentences)
    if spoken:
        value, _ = max(spoken.items(), key=lambda kv: (kv[1], kv[0]))
        s = next(s for s in sentences if _YEAR_NAMED.search(s.text) and value in s.text)
        return Stated(value, _where(s), "正文最常提到的年度", sure=False)
    return None


# A year named to compare with (较2020年度决算数, 比2020年, 与2022年相比, 同比2021年): not the year the text speaks of.
_COMPARED_BEFORE = re.compile(r"(?:较|比|与|同|对比|相比|相较|对照|上年|上一年|同期)[^，。；\d]{0,2}$")
_COMPARED_AFTER = re.compile(r"[^，。；\d]{0,8}?(?:相比|相较|比较|对比)")


def _years_spoken_of(sentences: list[Sentence], done_only: bool = False) -> Counter[str]:
    """How often the text names each year, leaving out the years it names to compare with (and, done_only, those of
    its plans: 2024年计划…, 2024年预算…, 2024年继续…)."""
    return Counter(m.group(1) for s in sentences for m in _YEAR_NAMED.finditer(s.text)
                   if not _COMPARED_BEFORE.search(s.text[max(0, m.start() - 6):m.start()])
                   and not _COMPARED_AFTER.match(s.text, m.end())
                   and not (done_only and _PLANNED.search(s.text[m.end():m.end() + MAX_PLAN_GAP])))


_PLANNED = re.compile(r"计划|将|拟|预计|继续|下一步|目标|预算|争取|力争")
MAX_PLAN_GAP = 12  # characters after a year within which its clause says it is planned


_FULL_WIDTH_LETTERS = str.maketrans("ＡＢＣＤ", "ABCD")


def read_unit(document: Document, name: str | None = None, year: int | None = None) -> UnitFacts:
    """The unit's name, the year the report evaluates, its budget code and its claimed grade, each with the basis
    it was read on; `name` and `year` given (the analyst's --name, --year) override what the report says."""
    sentences = document.sentences()
    plain = [replace(s, text=without_pinyin(simplified(s.text)).translate(_FULL_WIDTH_DIGITS))
             for s in sentences]  # a copy in traditional characters, with a copying site's pinyin in its words or
    # with full-width digits (２０２４年度) reads alike
    named = Stated(name, None, "命令行指定") if name else _as_written(_name(plain), sentences)
    dated = Stated(str(year), None, "命令行指定") if year else _as_written(_year(plain), sentences)
    grade = _as_written(_grade(plain, year_value(dated.value) if dated else None), sentences, keep_value=True)
    masked = next((m.group(0) for s in plain if (m := _MASKED_YEAR.search(s.text))), None) if dated is None else None
    return UnitFacts(named, dated, _first(document, _CODE), grade, masked)


def _as_written(stated: Stated | None, sentences: list[Sentence], keep_value: bool = False) -> Stated | None:
    """A fact read from the simplified text, given back as the report writes it: its sentence, and its value where
    the value stands in that sentence (鎮康縣…人民政府, not 镇康县…人民政府). Character for character, the same place.
    keep_value: the value is the framework's word (a grade 优 the report writes 優), its sentence as written."""
    if stated is None or stated.where is None:
        return stated
    where = stated.where
    original = next((s for s in sentences if (s.block, s.cell) == (where.block, where.cell)
                     and simplified(s.text) == where.text), None)
    if original is None:
        return stated
    value = stated.value
    for read, written in () if keep_value else ((_compact(where.text), _compact(original.text)), (where.text, original.text)):
        at = read.find(value)
        if at >= 0:
            value = written[at:at + len(value)]
            break
    return replace(stated, value=value, where=replace(where, text=original.text))


def _grade(sentences: list[Sentence], year: str | None = None) -> Stated | None:
    """The grade the unit claims: 等级为“优”, 自评等次：良好, 整体绩效自评为良好 (a word standing alone after 为) — the
    department's for the year evaluated before a project's (耕地保护项目自评得分85分，等级为良) or another year's."""
    found: list[tuple[tuple[bool, bool, bool], Stated]] = []
    for s in sentences:
        text = _compact(s.text).translate(_FULL_WIDTH_LETTERS)  # 自评为优 秀: a PDF's space inside the word
        graded = [(m, GRADE_WORDS[m.group("v")], "") for m in _GRADE.finditer(text)] + \
                 [(m, OTHER_SCALE[m.group("v")], f"存疑：等次写作“{m.group('v')}”，按 A／好＝优、B／较好＝良、C／一般＝中、"
                                                 f"D＝差读作“{OTHER_SCALE[m.group('v')]}”") for m in _OTHER_GRADE.finditer(text)]
        for m, grade, doubt in sorted(graded, key=lambda g: g[0].start()):
            if _GRADED.search(text[max(0, m.start() - 12):m.end()]):  # …得分92分，属于“优”等级
                part = _own_part(text, m.start())
                years = set(re.findall(r"((?:19|20)\d{2})\s*年", part))
                rank = (year is not None and bool(years) and year not in years or bool(_LAST_YEAR.search(part)),
                        bool(_A_PROJECTS.search(part)),
                        bool(doubt))
                found.append((rank, Stated(grade, _where(s), doubt or "正文", sure=not doubt)))
                if rank == (False, False, False):
                    return found[-1][1]
    return min(found, key=lambda x: x[0])[1] if found else None


def claimed_total(mentions: list[Mention], year: int | None = None, whole: bool = False) -> Mention | None:
    """The self-evaluation score the prose claims (自评得分96分): a score of at most 100 labelled as the unit's own.

    Of several, the department's for the year evaluated: a score converted to a hundred (按百分制折算后得分92分) before
    one out of another maximum (原始得分46分（满分50分）, never the total), one with its grade beside it (得分92分，等级为优)
    before one without, and one a project's (耕地保护项目自评得分85分) or another year's (2023年度自评得分88分) only when no
    other is claimed; an average of many units' (全县…平均得分88分) never, nor a change of the score (较上年提高5分).
    whole: the report is the department's whole spending's, so a project's score (…项目…自评得分88分) never claims."""
    found = [m for m in mentions
             if m.quantity.unit == "分" and m.quantity.value <= MAX_CLAIMED and not _A_PARTS_SCORE.search(m.clause)
             and (_CLAIMED_TOTAL.search(m.clause) or _SCORE_AFTER_SELF.search(m.where.text[:m.start])
                  and (_SCORE_WORD.fullmatch(m.label) or _AFTER_ITS_GRADE.search(m.where.text[:m.start])))
             and not _OUT_OF_ANOTHER.match(m.where.text[m.end:]) and not _A_CHANGE.search(m.where.text[:m.start])
             and not (whole and _A_PROJECT_NAMED.search(_own_part(m.where.text, m.start)))]
    return min(found, key=lambda m: (year is not None and m.year is not None and m.year != year
                                     or bool(_LAST_YEAR.search(_own_part(m.where.text, m.start))),
                                     bool(_A_PROJECTS.search(_own_part(m.where.text, m.start))),
                                     not _GRADE_BESIDE.search(m.where.text[m.end:]),
                                     not _CONVERTED.search(m.clause)), default=None)


# The grade its sentence gives beside a score (得分92分，等级为优): the claim and its grade belong together.
_GRADE_BESIDE = re.compile(r"^[^。；;]{0,20}?(?:等级|等次|评定为|评为|为[“\"]?(?:优|良|中|差))")


# A score out of another maximum than the framework's hundred (46分（满分50分）): the form's own points, not the total.
_OUT_OF_ANOTHER = re.compile(r"\s*[（(]\s*满分\s*(?!100\s*分)\d++(?:\.\d++)?\s*分?\s*[）)]")
_CONVERTED = re.compile(r"折算|百分制")
# A project named as a clause's subject (档案数字化项目预算200万元，自评得分88分): its score, not the department's.
_A_PROJECT_NAMED = re.compile(r"^\s*[^，,：:]{0,30}?项目(?![支资])")  # in the first clause: the subject
# Last year's claim beside this year's (上年度自评得分88分…本年度自评得分92分): another year's.
_LAST_YEAR = re.compile(r"上年度?|上一年度?|去年|前一年度?")
# A project's own evaluation (某某项目自评得分…, 项目绩效评价得分…), told from the department's.
_A_PROJECTS = re.compile(r"项目(?:支出)?(?:绩效)?(?:自评|评价)")


def projects_claim(sentence: str, grade: str) -> bool:
    """Does the sentence give the grade to a project it names (档案数字化项目…，评价等级为优), not to the department?"""
    at = max(sentence.find(grade), 0)
    return bool(_A_PROJECT_NAMED.search(_own_part(sentence, at)))


def _own_part(text: str, start: int) -> str:
    """The words of a sentence's part before a place in it (back to the last ；or 。): whose score or grade it is."""
    return re.split(r"[；;。]", text[:start])[-1]


# A section's or an indicator's own score (本项自评得分9分, 该指标自评得分4分, 小计): never the unit's total.
_A_PARTS_SCORE = re.compile(r"(?:本|该|此|每)(?:项(?!目)|指标|部分|类|节|环节)|小计|分项|平均")  # …自评平均得分88分: many units'
# average, no unit's claim


MAX_CLAIMED = 1000  # a claimed total above the framework's 100 (自评得分101分) is claimed and found wrong, not dropped
# A score stated after the words of the self-evaluation in its sentence (自评等级为“优秀”，得分93.5分; 经自评，本单位得分91分).
_SCORE_AFTER_SELF = re.compile(r"自评(?:等级|等次|结果|结论)|经(?:过)?自评")
_A_CHANGE = re.compile(r"(?:提高|增加|上升|下降|减少|降低|增长|多|少)了?\s*$")  # 自评得分较上年提高5分: by how much
_AFTER_ITS_GRADE = re.compile(rf"(?:{_GRADE_WORD})\s*[（(]\s*$")  # 自评结论：优（92分）: the score in brackets after the grade
_SCORE_WORD = re.compile(r"(?:总?得分|总分|分数|评分|综合得分)")


def unit_id_for(report: Path, given: str | None) -> str:
    """The id the draft gives the unit: the one asked for, else the report's file name, made safe for output names.

    A name written in ASCII is lower-cased with its spaces and punctuation made dashes (Report 2023 → report-2023);
    a name holding any other character (青禾 县 档案馆 2023 报告) becomes draft-<10 hex digits of its hash>, never the
    Latin left-overs of it (2023 would name every unit of that year alike): the same name always gives the same id."""
    text = given or report.stem
    if UNIT_ID.match(text) and text.split(".")[0] not in RESERVED_NAMES:
        return text
    slug = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-_")[:80]
    if not given and text.isascii() and UNIT_ID.match(slug) and slug.split(".")[0] not in RESERVED_NAMES:
        return slug
    # the name's bytes (a GBK name, or any under an ASCII locale, holds them as surrogates): the same file, the same id
    return "draft-" + hashlib.sha1(text.encode("utf-8", "surrogateescape"), usedforsecurity=False).hexdigest()[:10]
