"""A report that can be read always drafts: whatever way an entry breaks the params' validation or their scoring,
it is taken out, kept as a comment and listed 存疑, and the rest is written (issue 19 "never refuse", issue 24 "no
tracebacks"). Reports written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from perfeval.outputs.draft import draft_report, write_draft

REPORT = ["松岭县河道管理所2024年度部门整体支出绩效自评报告", "一、部门基本情况",
          "2024年部门整体支出2150.60万元。其中，基本支出650.60万元；项目支出1500.00万元。",
          "2024年“三公”经费预算24.00万元，实际支出18.00万元。",
          "“三公”经费支出对比表（单位：万元）",
          "项目\t2023年决算数\t2024年决算数\t变动率",
          "“三公”经费\t24.00\t18.00\t{cell}",
          "二、自评结论", "自评得分90分，评价等级为优。"]


def _drafted(tmp_path: Path, lines: list[str]) -> tuple[str, object]:
    report = tmp_path / "report.txt"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    draft = draft_report(report)
    return write_draft(draft, tmp_path / "d.yaml").read_text(encoding="utf-8"), draft


@pytest.mark.parametrize("cell", ["（25.00）", "-0.25", "(25.00)"])
def test_a_negative_cell_restating_a_money_figure_is_taken_out_not_a_traceback(tmp_path, cell):
    """The cell was drafted as a second statement of 三公经费 (money) of −25; rescoring with it as the figure raised
    pydantic's ValidationError inside the draft's own check, and nothing was written."""
    text, draft = _drafted(tmp_path, [line.format(cell=cell) for line in REPORT])
    drafted, _, doubtful = text.partition("以下各项使草稿无法通过校验")
    assert "value: 18.00" in drafted and "2150.60" in drafted  # the rest of the report is drafted
    assert "never negative" in doubtful and "lines.sangong.final" in doubtful
    assert any(place.startswith("claims.statements[") and entry["value"] < 0 for place, _, entry in draft.excluded)
    assert any("未通过校验" in i.text and i.unsure for i in draft.items)


def test_an_entry_that_makes_a_check_fail_unforeseen_is_found_and_taken_out(tmp_path, monkeypatch):
    """Not only the failures the params name: a check raising anything at all on one entry (here a KeyError) is
    that entry's problem, sought among every entry, taken out and listed; the draft is written."""
    from perfeval import checks

    real = dict(checks.CHECKS)
    name = next(iter(real))

    def breaks_on_staff(unit):
        if unit.params.figures.staff.get("on_duty") is not None:
            raise KeyError("on_duty")
        return real[name](unit)

    monkeypatch.setitem(checks.CHECKS, name, breaks_on_staff)
    text, draft = _drafted(tmp_path, [line.format(cell="-25%") for line in REPORT[:3]]
                           + ["年末实有在职人员31人。"] + REPORT[-2:])
    drafted, _, doubtful = text.partition("以下各项使草稿无法通过校验")
    assert "on_duty" not in drafted and "2150.60" in drafted
    assert "figures.staff.on_duty" in doubtful and "KeyError" in doubtful
    assert [place for place, _, _ in draft.excluded] == ["figures.staff.on_duty"]
