"""A report with long annexed tables: drafted in time proportionate to its rows, and refused with a message that
says what to do when it states more than one params file may hold (never 'a fault of the reader')."""
from __future__ import annotations

import docx
import pytest

from perfeval.errors import DraftError
from perfeval.fileio import MAX_YAML_NODES
from perfeval.intake.report.assemble import draft_report
from perfeval.outputs.draft.writer import settle, yaml_nodes


def _report(path, rows: int) -> None:
    d = docx.Document()
    d.add_paragraph("某某县文化馆2023年度部门整体支出绩效自评报告")
    d.add_paragraph("一、基本情况。本单位核定编制20人，实有在职18人。2023年年初预算500.00万元，全年执行480.00万元。")
    table = d.add_table(rows=rows + 1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("项目名称", "预算数（万元）", "执行数（万元）")):
        cell.text = text
    for i in range(rows):
        cells = table.rows[i + 1].cells
        cells[0].text, cells[1].text, cells[2].text = f"第{i + 1}项文化活动", "10.00", "10.00"  # every cell alike
    d.add_paragraph("二、项目情况。文化活动项目支出共计10.00万元，执行10.00万元。")
    d.save(path)


def test_the_node_count_is_the_yaml_loaders():
    assert yaml_nodes({"a": [1, 2], "b": {"c": "x"}}) == 1 + (1 + 3) + (1 + 1 + 2)


def test_a_report_stating_more_than_a_params_file_holds_is_refused_with_what_to_do(tmp_path):
    report = tmp_path / "annex.docx"
    _report(report, 1000)
    draft = draft_report(report)
    assert yaml_nodes(draft.params) > MAX_YAML_NODES
    with pytest.raises(DraftError) as refused:
        settle(draft, tmp_path / "annex.yaml")
    message = str(refused.value)
    assert "draft it in parts" in message and "fault of the reader" not in message
