"""The draft reader on the shapes real reports take, each written for these tests: numbers that are not figures,
numbers written two ways, totals and their parts, the report's identity."""
from __future__ import annotations

from pathlib import Path

from perfeval.outputs.draft import draft_report

TITLE = "松岭县农业技术推广站2023年度部门整体支出绩效自评报告"


def draft_of(tmp_path: Path, *lines: str, name: str = "report.txt"):
    report = tmp_path / name
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return draft_report(report)


def stated_values(draft) -> list[str]:
    return [str(s["value"]) for s in draft.params.get("figures", {}).get("stated", {}).values()]


def test_a_contents_list_and_document_numbers_raise_no_figure(tmp_path):
    draft = draft_of(tmp_path, TITLE, "目  录", "一、基本情况……………………2", "二、绩效目标完成情况…………5",
                     "附件1：基础数据表", "附件5：项目自评表",
                     "根据县财〔2022〕 17 号文件，按照2000字以内的要求编写。",
                     "一、基本情况", "本站2023年度支出总额218.40万元。")
    assert stated_values(draft) + [str(v) for v in _catalogue_values(draft)] == ["218.40"]


def test_a_number_written_two_ways_is_listed_unsure_and_drafted_nowhere(tmp_path):
    draft = draft_of(tmp_path, TITLE, "一、基本情况", "本站2023年度办公设备购置支出1.268,40万元。")
    assert "1268.40" not in stated_values(draft)
    assert [i.unsure for i in draft.unsure() if "1.268,40" in i.text]


def _catalogue_values(draft) -> list:
    out = []
    for line in draft.params.get("figures", {}).get("lines", {}).values():
        out += [v["value"] if isinstance(v, dict) else v for v in line.values()]
    return out
