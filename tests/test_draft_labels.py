"""Tests generated from the reader's label file (lib/perfeval/intake/report/labels.yaml): in each entry's `yes`
sentences the first figure maps to the entry's catalogue figure, in its `no` sentences no figure does."""
from __future__ import annotations

import pytest

from perfeval.intake.report import draft_report
from perfeval.intake.report.catalogue import catalogue_path, label_table, table_line, with_unit_of_its_figure
from perfeval.intake.report.document import build
from perfeval.intake.report.mentions import prose_mentions

YEAR = 2023


def paths_of(sentence: str) -> list[str | None]:
    document = build("<test>", [sentence])
    previous, out = None, []
    for m in prose_mentions(document, set()):  # as the draft reads them: a unit the label allows made the figure's
        previous = catalogue_path(with_unit_of_its_figure(m, YEAR), YEAR, previous)
        out.append(previous.path if previous else None)
    return out


def _target(group: str, key: str) -> str:
    return f"lines.{key}." if group == "lines" else key


CASES = [(group, e.key, s, True) for group in ("lines", "scalars") for e in label_table()[group] for s in e.yes] + \
        [(group, e.key, s, False) for group in ("lines", "scalars") for e in label_table()[group] for s in e.no]


@pytest.mark.parametrize("group,key,sentence,names", CASES, ids=[f"{c[1]}-{'yes' if c[3] else 'no'}-{c[2]}" for c in CASES])
def test_a_phrasing_names_its_figure_and_no_other(group, key, sentence, names):
    paths = paths_of(sentence)
    target = _target(group, key)
    hits = [p for p in paths if p and (p.startswith(target) if group == "lines" else p == target)]
    if names:  # the figure the entry names (a 执行数 after its 全年预算, a 合计 after its parts) maps to it
        assert hits, (sentence, paths)
    else:
        assert not hits, (sentence, paths)


ROWS = [(e.key, s) for e in label_table()["table_lines"] for s in e.yes]


@pytest.mark.parametrize("key,row", ROWS)
def test_a_base_data_row_label_names_its_line(key, row):
    assert table_line(row) == key


def test_every_entry_shows_itself_in_a_sentence():
    for group, entries in label_table().items():
        for e in entries:
            assert e.yes, f"{group}.{e.key} has no example sentence"


def test_a_lines_budget_and_last_year_named_by_their_column_after_it_continue_the_line():
    assert paths_of("2023年“三公”经费支出19.30万元，控制在年初预算18.00万元以内，上年同期17.00万元。") == \
        ["lines.sangong.final", "lines.sangong.budget", "lines.sangong.prev_final"]
    assert paths_of("2023年“三公”经费支出15.30万元，比上年的17.00万元下降10%。")[:2] == \
        ["lines.sangong.final", "lines.sangong.prev_final"]


def test_a_headcount_split_into_staff_within_the_establishment_and_contract_staff_is_bounded_by_its_first_part(tmp_path):
    """X52: 在职职工712人（其中编制内598人，编外聘用114人） held 712 against 编制620 as over the establishment."""
    report = tmp_path / "r.txt"
    report.write_text("石门县中医院2023年度部门整体支出绩效自评报告\n一、基本情况\n"
                      "核定编制240名，年末在职职工275人（其中编制内231人，编外聘用44人）。\n", encoding="utf-8")
    staff = draft_report(report).params["figures"]["staff"]
    assert (staff["authorized"]["value"], staff["on_duty"]["value"]) == (240, 231)
