"""Reports nobody on the team wrote for the reader (tests/data/trial, built by src/build.py): a county health bureau's
narrative as Word with a 附件 base-data table, a street office's report printed to PDF by LibreOffice, and a city
library's .txt whose 绩效自评表 was pasted from a spreadsheet (a row per line, cells between tabs). Each plants
inconsistencies an auditor must see; `draft` then `score` finds exactly those, and every drafted value is in its
source as the report wrote it."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from perfeval import load_unit
from perfeval.checks import every_finding
from perfeval.core.quantity import Qualifier, parse_quantity
from perfeval.fileio import read_yaml
from perfeval.outputs.draft import draft_report, write_draft
from perfeval.intake.documents import txt_items
from perfeval.intake.pdf import pdf_items

TRIAL = Path(__file__).parent / "data" / "trial"

EXPECTED = {
    "songxi_health_2023.docx": Counter({
        "declared_identity_broken": 1,      # 三公 28.60 listed as 接待 6.20 + 用车运行维护 19.40 + 出国 0 = 25.60
        "figure_stated_twice": 1,           # 在职人员 86人 (一(二), 附件1) and 89人 (五)
        "claimed_rate_mismatch": 1,         # 预算执行率 96.5% for 5,540.12 ÷ 5,862.30 = 94.50%
        "claimed_total_unverifiable": 1,    # 96 claimed on a narrative that scores few points
        "large_change_on_last_year": 1,     # 公务接待费 9.10 → 6.20 in 附件1 (−31.87%)
    }),
    "xinqiao_street_2023.pdf": Counter({
        "declared_identity_unexplained": 1,  # 三公 4.85 with 其中 1.30 + 3.05 = 4.35: 0.50 not accounted for
        "figure_stated_twice": 1,            # 在职人员 64人 and 68人
        "stated_ratio_mismatch": 1,          # 较上年下降18.6% for 5.62 → 4.85 (−13.70%)
        "claimed_total_unverifiable": 1,     # 96 claimed
    }),
    "donghu_library_2023.txt": Counter({
        "declared_identity_unexplained": 1,  # 三公 3.90 with 其中 0.80 + 2.60
        "figure_stated_twice": 1,            # 在职人员 45人 and 47人
        "claimed_rate_mismatch": 1,          # 执行率 96.8% for 1302.75 ÷ 1386.40 = 93.97%
        "claimed_score_above_recomputed": 1,  # 预算执行率 9.68 claimed, 9.4 by the rule
        "full_marks_for_shortfall": 1,       # 文献外借率 58% against ≥60%, full marks
        "deviation_unexplained": 1,          # the same row: 未达目标 and 下一步将加强阅读推广 say what, not why
        "claimed_total_mismatch": 1,         # 96 claimed, 99.07 recomputed
        "claimed_total_not_sum_of_rows": 1,  # the rows' 得分 add up to 99.68
        "budget_denominator": 1,             # 93.97% on the adjusted budget, 104.22% on the start-of-year one
    }),
}


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("drafts")
    return {name: write_draft(draft_report(TRIAL / name), folder / f"{Path(name).stem}.yaml") for name in EXPECTED}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_planted_inconsistency_is_found_and_nothing_else(drafts, name):
    assert Counter(f.check for f in every_finding(load_unit(drafts[name]))) == EXPECTED[name]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_every_drafted_value_is_in_its_source(drafts, name):
    params = read_yaml(drafts[name])
    for item in params.get("stated", []):
        assert item["source"], item
        written = item["text"] if "text" in item else f"{item['value']}"
        assert written in item["source"].replace(",", "") or item.get("unit") in ("次", "场次"), item  # 十二次


def test_phrases_keep_their_units_and_qualifiers(drafts):
    stated = {s["label"]: s for s in read_yaml(drafts["songxi_health_2023.docx"])["stated"]}
    assert (stated["开展医疗机构督导检查"]["value"], stated["开展医疗机构督导检查"]["unit"]) == (12, "次")  # 十二次
    # a qualified figure is drafted in its words, which the params read back with their qualifier
    assert stated["群众对卫生健康服务的满意度"]["text"] == "95%以上"
    at_least = parse_quantity("95%以上")
    assert at_least is not None and at_least.qualifier is Qualifier.AT_LEAST
    over = parse_quantity(stated["组织卫生监督执法检查"]["text"])
    assert (over.value, over.unit, over.qualifier) == (360, "户次", Qualifier.OVER)
    assert stated["较上年提高"]["unit"] == "个百分点"                   # 2.1个百分点 is not 2.1个 of anything
    restated = [s for s in read_yaml(drafts["songxi_health_2023.docx"])["claims"]["statements"]
                if s["figure"] == "lines.sangong_reception.final"]
    assert [(s["value"], s.get("unit")) for s in restated] == [(6.2, None), (62000, "元")]  # 6.20万元 and 62,000元
    assert (stated["全县卫生健康总投入"]["value"], stated["全县卫生健康总投入"]["unit"]) == (1.26, "亿元")


def test_a_base_data_table_without_units_gives_head_counts_in_people(drafts):
    staff = read_yaml(drafts["songxi_health_2023.docx"])["figures"]["staff"]
    assert staff["authorized"]["value"] == 92 and "按人" in staff["authorized"]["note"]  # 编制数 in the 预算 column
    assert staff["on_duty"]["value"] == 86                                                # 在职人数 in the 决算 column


def test_a_figure_in_yi_yuan_is_compared_in_wan_yuan(drafts, tmp_path):
    """0.32亿元 = 基本 1,468.20 + 项目 1,731.80万元 holds; read as 0.32万元 it was a false 3,199.68万元 gap."""
    figures = read_yaml(drafts["xinqiao_street_2023.pdf"])["figures"]["lines"]
    assert figures["total"]["final"] == {**figures["total"]["final"], "value": 0.32, "unit": "亿元"}
    (tmp_path / "u.yaml").write_text(
        "unit: {id: u, name: 某单位, region: 某县, year: 2023, framework: dept_overall_a}\n"
        "figures:\n  lines:\n    total: {final: {value: 0.32, unit: 亿元}}\n    basic: {final: 1468.20}\n"
        "    project: {final: 1831.80}\n    sangong: {final: {value: 48500, unit: 元}, budget: 4.00}\n",
        encoding="utf-8")
    checks = {f.check: f.message for f in every_finding(load_unit(tmp_path / "u.yaml"))}
    assert "3,300.00万元" in checks["identity_broken"] and "100.00万元" in checks["identity_broken"]
    assert "final_above_budget" in checks and "4.85万元" in checks["final_above_budget"]


def test_pdf_lines_read_as_typed():
    """LibreOffice sets figures in a Latin font: the gap between runs is not a space, and a figure that did not fit
    on its line continues the sentence."""
    items = list(pdf_items(TRIAL / "xinqiao_street_2023.pdf"))
    assert "2023年部门整体支出0.32亿元，其中基本支出1,468.20万元，项目支出1,731.80万元。" in items
    assert "二、部门整体支出情况" in items


def test_a_table_pasted_from_a_spreadsheet_is_read_by_rows(tmp_path):
    rows = [i for i in txt_items(TRIAL / "donghu_library_2023.txt") if not isinstance(i, str)]
    assert rows[1].cells == ("年度资金总额", "1250.00", "1386.40", "1302.75", "10", "96.8%", "9.68")
    assert rows[3].cells[2:5] == ("公益讲座场次", "≥12次", "十二次")
    indicators = {r["name"]: r for r in read_yaml(write_draft(draft_report(TRIAL / "donghu_library_2023.txt"),
                                                              tmp_path / "d.yaml"))["indicators"]}
    assert indicators["公益讲座场次"]["actual"] == {"value": 12, "unit": "次"}
    assert indicators["数字资源采购成本"]["actual"] == {"value": 826000, "unit": "元"}


def test_an_empty_folder_is_an_error_not_a_batch_of_nothing(tmp_path, capsys):
    from perfeval.cli import main

    (tmp_path / "收到的报告").mkdir()
    (tmp_path / "收到的报告" / "说明.txt").write_text("请于周五前复核。", encoding="utf-8")  # a note, not a report
    out = tmp_path / "outputs"
    assert main(["run", str(tmp_path / "收到的报告"), "-o", str(out), "-q"]) == 1
    assert main(["validate", str(tmp_path / "收到的报告")]) == 1
    err = capsys.readouterr().err
    assert "收到的报告: no units in this folder" in err and "no params files in this folder" in err
    assert "Traceback" not in err and not out.exists()
