"""A .txt whose every line was cut at one width (copied from a PDF viewer): its paragraphs and figures joined back
before it is read (trial 3 T49: 3752.4 | 8万元 read 3752.4, and correct statements were questioned)."""
from __future__ import annotations

import re

import pytest

from perfeval.intake.hard_wrap import unwrapped, wrap_width
from perfeval.outputs.draft import draft_report

from test_html_report import REPORT


def _cut(text: str, width: int) -> str:
    """The text as a viewer copies it: headings whole, every paragraph cut into lines of `width` characters."""
    out = []
    for line in text.splitlines():
        if len(line) <= width or line.startswith(("一、", "二、", "三、", "（")):
            out.append(line)
        else:
            out += [line[k:k + width] for k in range(0, len(line), width)]
    return "\n".join(out) + "\n"


def test_a_report_cut_at_one_width_drafts_as_it_was_typed(tmp_path):
    typed = REPORT.read_text(encoding="utf-8")
    for width in (13, 17):  # at 23 this short report has too few cut lines to tell a wrap from chance
        cut = tmp_path / f"cut{width}.txt"
        cut.write_text(_cut(typed, width), encoding="utf-8")
        assert wrap_width(cut.read_text(encoding="utf-8").splitlines()) in (width, width - 1)
        as_typed, as_cut = draft_report(REPORT), draft_report(cut)
        for part in ("figures", "stated", "claims", "identities"):
            assert as_cut.params.get(part) == as_typed.params.get(part), (width, part)


def test_text_typed_a_paragraph_a_line_and_tables_laid_out_with_spaces_are_left_as_they_are():
    typed = REPORT.read_text(encoding="utf-8").splitlines()
    assert wrap_width(typed) is None and unwrapped(typed) == typed
    table = ["项目          年初预算      全年执行数"] + [f"第{k}项支出      {k}00.00        {k}00.00" for k in range(1, 10)]
    assert unwrapped(table) == table


def test_a_page_break_and_its_page_number_inside_a_figure_are_taken_out(tmp_path):
    """pdftotext ends each page with a form feed, and the next page may open (or the last close) with its number:
    a figure the page cut was read as two (项目支出1 | 752.48万元: 项目支出 1 万元). The page breaks and their
    numbers are taken out, said, and the cut lines run on (W43)."""
    typed = REPORT.read_text(encoding="utf-8")
    cut = _cut(typed, 13).splitlines()
    k = next(i for i, line in enumerate(cut) if len(line) == 13 and any(c.isdigit() for c in line[-2:])) + 1
    for page_break in ("\f- 2 -", "- 1 -\n\f", "\f第2页", "\f\n2\n"):
        paged = tmp_path / "paged.txt"
        paged.write_text("\n".join(cut[:k]) + "\n" + page_break + "\n" + "\n".join(cut[k:]) + "\n", encoding="utf-8")
        as_typed, as_paged = draft_report(REPORT), draft_report(paged)
        for part in ("figures", "stated", "claims", "identities"):
            assert as_paged.params.get(part) == as_typed.params.get(part), (page_break, part)
    from perfeval.intake.documents import Skipped, text_items

    assert [i.note for i in text_items(paged, paged.read_text(encoding="utf-8")) if isinstance(i, Skipped)] == [
        "文本中分页处的页码 1 处未作正文读取（分页符前后的文字已接续）"]


TYPED = ["2024年度松溪县水文站部门整体支出绩效自评报告", "一、部门基本情况",
         "松溪县水文站为公益一类事业单位，承担全县河流水位、流量和雨量的监测任务，下设测验股、资料股和办公室三个股室。"
         "年末核定编制24名，实有在职人员21人，其中专业技术人员15人、管理人员6人。站内现有测站8处，其中国家基本站3处，"
         "专用站5处，全年共测流412次。",
         "二、部门整体支出情况",
         "全年预算数为1268.40万元，实际支出1250.62万元，预算执行率为98.60%。其中基本支出903.15万元，项目支出347.47万元。"
         "两个测站在岗分别为12 3人。",
         "“三公”经费年初预算12.50万元，实际支出9.86万元，较上年减少1.24万元，下降11.17%，其中公务用车运行维护费"
         "7.62万元，公务接待费2.24万元。",
         "三、部门整体支出绩效情况",
         "全年完成水文测报任务，汛期发布水情信息3260条，预报准确率达到96.5%，为防汛调度提供了可靠依据，无一例迟报、"
         "漏报。完成水文资料整编4册，合格率100%。",
         "三、自评结论", "根据评价指标体系，自评得分93分，等级为优。"]
MEASURE = 24.0  # ems: a line of a page set at 四号


def _em(token: str) -> float:
    return sum(1.0 if ord(c) > 0x2000 else 0.55 for c in token)


def _viewer_copy(paragraphs: list[str], letter_spaced: bool = False) -> list[str]:
    """The text as a viewer copies a justified page of it: each paragraph set in lines of MEASURE ems (its first
    indented two), a figure never broken nor a closing mark set at a line's start, a line a figure did not fit spread
    (a space between its glyphs, as justification set them apart), or every line when the page is letter-spaced."""
    out = []
    for text in paragraphs:
        if len(text) < 25:  # a heading or a title: on its line whole
            out.append(text)
            continue
        tokens = re.findall(r"\d[\d.,%]*(?:万元|%|人)?|.", text)  # a figure and its unit: on one line
        line: list[str] = []
        room = MEASURE - 2
        for token in tokens + [""]:
            if token and (not line or _em("".join(line)) + _em(token) <= room or token in "，。、；："):
                line.append(token)
                continue
            carried = len(token) > 3 and token[0].isdigit()  # a figure that did not fit: the line spread
            out.append(" ".join(line) if carried and not letter_spaced else "".join(line))
            line, room = [token], MEASURE
    return [" ".join(x) for x in out] if letter_spaced else out  # a typed space: three


def _same_draft(tmp_path, typed: list[str], copied: list[str]) -> None:
    (tmp_path / "typed.txt").write_text("\n".join(typed) + "\n", encoding="utf-8")
    (tmp_path / "copied.txt").write_text("\n".join(copied) + "\n", encoding="utf-8")
    as_typed, as_copied = draft_report(tmp_path / "typed.txt"), draft_report(tmp_path / "copied.txt")
    for part in ("unit", "figures", "stated", "claims", "identities"):
        assert _named(as_copied.params.get(part)) == _named(as_typed.params.get(part)), part


def _named(part: object) -> object:
    """A part of the params without what names the file (the unit's id and document)."""
    return {k: v for k, v in part.items() if k not in ("id", "document")} if isinstance(part, dict) else part


@pytest.mark.parametrize("letter_spaced", [False, True])
def test_a_justified_page_a_viewer_copied_drafts_as_it_was_typed(tmp_path, letter_spaced):
    """Its lines hold 27 to 34 characters for one measure: a count of characters found no width, the lines stayed
    apart, and a spread line (全 年 预 算 数 为) lost its labels; letter-spaced (字间距加宽), every glyph stood apart,
    figures too (在 职 人 员 2 1 人)."""
    from perfeval.intake.hard_wrap import unwrapped

    copied = _viewer_copy(TYPED, letter_spaced)
    assert sum(" 实 际 支 出" in line for line in copied) == 2 and len(copied) >= 2 * len(TYPED)
    assert unwrapped(copied) == TYPED
    _same_draft(tmp_path, TYPED, copied)


def test_spaces_that_separate_numbers_or_cells_stay():
    """A row of single digits, a row of cells a space apart and two numbers a typed space apart in a spread line are
    not joined: nothing tells them from a letter-spaced figure but an ideograph beside them."""
    from perfeval.intake.hard_wrap import unspread

    for line in ("1 2 3 4 5 6 7 8", "项目 全年预算 执行数 执行率", "8 8 10 10 6 6", "第 1 2 3 4 季 度"):
        assert unspread(line) == line or line.startswith("第")
    assert unspread("第 1 2 3 4 季 度 分 别 完 成") == "第1234季度分别完成"  # glyphs that stand alone join
    assert unspread("测 站 在 岗 分 别 为 12 3 人 ， 其 中") == "测站在岗分别为12 3人，其中"
    assert unspread("评 报 告") == "评 报 告"  # too short to tell alone, unless the page is letter-spaced
