"""A .txt whose every line was cut at one width (copied from a PDF viewer): its paragraphs and figures joined back
before it is read (trial 3 T49: 3752.4 | 8万元 read 3752.4, and correct statements were questioned)."""
from __future__ import annotations

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
