"""What kind of document a report is, as its title says: a whole-department self-evaluation, a project's
self-evaluation, a special fund's evaluation, a department's 决算 or 预算. The checks judge a document only against
what a document of its kind is expected to hold (a 决算 is not faulted for scoring no framework)."""
from __future__ import annotations

import re

from ...core.params import DocumentKind
from ...core.script import simplified, without_pinyin
from .document import Sentence
from .mentions import Where
from .unit import Stated, title_bound

_GAP = re.compile(r"\s+")
# In the order they are tried: a title naming the whole department's spending is that, whatever else it names.
_KINDS: tuple[tuple[DocumentKind, re.Pattern[str]], ...] = (
    ("部门整体支出绩效自评", re.compile(r"(?:部门|单位)整体(?:支出)?绩效|整体支出绩效")),
    ("项目支出绩效自评", re.compile(r"项目(?:支出)?绩效(?:单位)?自评|项目(?:支出)?绩效评价")),
    ("专项资金绩效评价", re.compile(r"专项资金.{0,20}绩效|绩效.{0,10}专项资金")),
    ("部门决算", re.compile(r"(?:部门|单位)?决算(?:公开|报告|说明)?$")),
    ("部门预算", re.compile(r"(?:部门|单位)预算(?:公开|报告|说明)?$")),
)
MAX_TITLE = 80
# A heading, an attachment's or a contents line names a part of the document, not what the document is.
_PART = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|附件|附表|目录"
                   r"|第[一二三四五六七八九十\d]+部分)")


def document_kind(sentences: list[Sentence]) -> Stated | None:
    """The kind the first title line naming one says the document is, with that line; None when no title says."""
    bound = title_bound(sentences)
    for s in sentences:
        if s.block >= bound:
            break
        text = _GAP.sub("", without_pinyin(simplified(s.text)))  # 部門決算 is 部门决算; 報(bào)告 is 報告
        if s.cell is not None or len(text) > MAX_TITLE or _PART.match(text):
            continue
        for kind, pattern in _KINDS:
            if pattern.search(text):
                return Stated(kind, Where(s.section, s.text, s.block, s.cell), "标题")
    return None
