"""The kind of document a report is, read from its title, recorded in the draft, and what the checks expect of it:
only a whole-department self-evaluation is faulted for not scoring the whole-department framework."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from perfeval.checks import every_finding
from perfeval.cli import main
from perfeval.core.engine import score_unit
from perfeval.core.framework import load_framework
from perfeval.core.params import DOCUMENT_KINDS, parse_params
from perfeval.errors import ParamsError
from perfeval.outputs.draft import draft_report

from conftest import CHANGSHA

BODY = "一、基本情况\n本年度支出合计120.50万元，其中基本支出80.00万元，项目支出40.50万元。\n"


@pytest.mark.parametrize("title, kind", [
    ("松岭县林业局2023年度部门整体支出绩效自评报告", "部门整体支出绩效自评"),
    ("松岭县林业局2023年度项目支出绩效单位自评报告", "项目支出绩效自评"),
    ("2023年度松岭县林业局 森林防火项目绩效自评报告", "项目支出绩效自评"),
    ("松岭县2023年度林业生态保护专项资金绩效评价报告", "专项资金绩效评价"),
    ("2023年度 松岭县林业局部门决算", "部门决算"),
    ("松岭县林业局2024年部门预算公开", "部门预算"),
    ("松岭县林业局2023年绩效工作总结", None),
])
def test_the_draft_records_the_kind_its_title_says(tmp_path, title, kind):
    report = tmp_path / "r.txt"
    report.write_text(f"网站首页 > 信息公开\n{title}\n{BODY}", encoding="utf-8")
    unit = draft_report(report).params["unit"]
    assert unit.get("document_kind") == kind and (kind is None or kind in DOCUMENT_KINDS)


@pytest.mark.parametrize("line", ["附件1：2023年度部门决算", "一、部门决算", "（二）2024年部门预算", "第二部分 部门决算"])
def test_a_heading_or_an_attachment_naming_a_kind_is_no_title(tmp_path, line):
    report = tmp_path / "r.txt"
    report.write_text(f"松岭县林业局2023年度绩效自评报告\n{line}\n{BODY}", encoding="utf-8")
    assert "document_kind" not in draft_report(report).params["unit"]


def test_a_sentence_of_the_body_naming_a_kind_is_no_title(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("松岭县林业局2023年度部门整体支出绩效自评报告\n" + "正文一行。\n" * 10
                      + "附：2023年度部门决算\n", encoding="utf-8")
    assert draft_report(report).params["unit"]["document_kind"] == "部门整体支出绩效自评"


def test_the_command_says_the_kind_read(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text(f"2023年度 松岭县林业局部门决算\n{BODY}", encoding="utf-8")
    assert main(["draft", str(report), "-o", str(tmp_path / "r.yaml")]) == 0
    assert "the title says it is a 部门决算" in capsys.readouterr().out


def _checks(kind: str | None) -> dict[str, str]:
    data = yaml.safe_load(Path(CHANGSHA).read_text(encoding="utf-8"))  # states no self-score at all
    if kind is not None:
        data["unit"]["document_kind"] = kind
    params = parse_params(data, "x.yaml")
    unit = score_unit(params, load_framework(params.unit.framework), "x.yaml")
    return {f.check: f.severity for f in every_finding(unit) if f.kind == "claimed_total"}


@pytest.mark.parametrize("kind", ["项目支出绩效自评", "专项资金绩效评价", "部门决算", "部门预算"])
def test_a_document_of_another_kind_is_not_faulted_for_scoring_no_whole_department_framework(kind):
    found = _checks(kind)
    assert "self_score_absent" not in found and found["self_score_not_expected"] == "info"


@pytest.mark.parametrize("kind", [None, "部门整体支出绩效自评"])
def test_a_whole_department_self_evaluation_without_its_score_is_still_incomplete(kind):
    found = _checks(kind)
    assert found["self_score_absent"] == "warning" and "self_score_not_expected" not in found


def test_an_unknown_kind_is_refused_naming_the_kinds():
    data = yaml.safe_load(Path(CHANGSHA).read_text(encoding="utf-8"))
    data["unit"]["document_kind"] = "工作总结"
    with pytest.raises(ParamsError, match="unit.document_kind: expected one of .部门整体支出绩效自评"):
        parse_params(data, "x.yaml")
