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
