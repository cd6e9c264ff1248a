"""The summary workbook: one row per unit, one sheet per unit, formatted for reading."""
from __future__ import annotations

import openpyxl
import pytest

from perfeval import run_checks, score_file
from perfeval.cli import main
from perfeval.outputs.excel.summary import SUMMARY_COLUMNS, sheet_title, write_summary_workbook

from conftest import CHANGSHA, LIUYANG, YUNXI


@pytest.fixture(scope="module")
def scored():
    out = []
    for path in (CHANGSHA, YUNXI, LIUYANG):
        sheet = score_file(path)
        out.append((sheet, run_checks(sheet)))
    return out


@pytest.fixture(scope="module")
def book(scored, tmp_path_factory):
    path = write_summary_workbook(scored, tmp_path_factory.mktemp("summary") / "summary.xlsx")
    return openpyxl.load_workbook(path)


def summary_rows(book) -> dict[str, dict[str, object]]:
    ws = book["汇总"]
    headers = [c.value for c in ws[1]]
    return {row[1]: dict(zip(headers, row)) for row in ws.iter_rows(min_row=2, values_only=True)}


def test_sheet_names(book):
    assert book.sheetnames == ["汇总", "长沙县机关事务中心2022", "岳阳市云溪区机关事务服务中心2023", "浏阳市机关后勤服务中心2020"]


def test_one_row_per_unit_with_its_figures(book, scored):
    rows = summary_rows(book)
    assert [c.value for c in book["汇总"][1]] == [h for h, _ in SUMMARY_COLUMNS]
    for sheet, findings in scored:
        row = rows[sheet.unit.id]
        assert row["单位名称"] == sheet.unit.name
        assert row["重算总分"] == pytest.approx(sheet.total)
        assert row["折合百分制"] == pytest.approx(sheet.total_on_100)
        assert row["等级"] == sheet.grade
        assert (row["错误"], row["警示"], row["提示"]) == tuple(
            sum(f.severity == s for f in findings) for s in ("error", "warning", "info"))
    yunxi = rows["yunxi_district_2023"]
    assert (yunxi["自评总分"], yunxi["自评等级"], yunxi["复核状态"]) == (96, "优", "完整")  # seed 002: 综合得分 96
    assert yunxi["差异（自评−重算）"] == pytest.approx(96 - scored[1][0].total_on_100)
    liuyang = rows["liuyang_2020"]
    assert liuyang["自评总分"] == 96 and liuyang["差异（自评−重算）"] is None  # a provisional total is not compared
    assert liuyang["复核状态"].startswith("暂定")


def test_unit_sheet_holds_scores_and_findings(book, scored):
    sheet, findings = scored[0]
    ws = book["长沙县机关事务中心2022"]
    assert [c.value for c in ws[6]] == ["一级指标", "二级指标", "三级指标", "分值", "计算值", "单位", "得分", "自评得分",
                                        "状态", "说明"]
    rows = {r[2]: r for r in ws.iter_rows(min_row=7, max_row=6 + len(sheet.rows), values_only=True)}
    staffing = rows["人员控制率"]
    assert staffing[:4] == ("投入", "预算配置", "人员控制率", 4)
    assert staffing[4] == pytest.approx(47 / 51 * 100)  # 在职人员控制率 47/51 = 92.16%
    messages = [r[3] for r in ws.iter_rows(min_row=8 + len(sheet.rows), values_only=True) if r[3]]
    assert messages[1:] == [f.message for f in sorted(findings, key=lambda f: ("error", "warning", "info").index(
        f.severity))]


def test_formatting(book, scored):
    summary = book["汇总"]
    assert summary.freeze_panes == "B2"
    assert summary.auto_filter.ref == f"A1:O{len(scored) + 1}"
    assert summary["E2"].number_format == "0.00"
    assert summary.column_dimensions["A"].width >= 2 * len("岳阳市云溪区机关事务服务中心")  # Chinese counts double
    ws = book["长沙县机关事务中心2022"]
    assert ws.freeze_panes == "A7"
    assert ws.auto_filter.ref.startswith("A6:J")
    percent_rows = [r for r in ws.iter_rows(min_row=7, max_col=5) if r[2].value == "人员控制率"]
    assert percent_rows[0][4].number_format == '0.00"%"'
    assert ws["J7"].alignment.wrap_text


def test_findings_given_as_dicts(scored, tmp_path):
    as_dicts = [(s, [f.to_dict() for f in fs]) for s, fs in scored]
    book = openpyxl.load_workbook(write_summary_workbook(as_dicts, tmp_path / "d.xlsx"))
    assert summary_rows(book)["yunxi_district_2023"]["错误"] == sum(f.severity == "error" for f in scored[1][1])


@pytest.mark.parametrize("name,expected", [
    ("长沙县机关事务中心2022", "长沙县机关事务中心2022"),
    ("a[b]:c*d?e/f\\g", "abcdefg"),
    ("某" * 40, "某" * 31),
    ("'引号'", "引号"),
])
def test_sheet_titles_are_valid_excel_names(name, expected):
    assert sheet_title(name, set()) == expected


def test_sheet_titles_are_unique():
    taken = {"汇总"}
    assert [sheet_title("某" * 40, taken) for _ in range(3)] == ["某" * 31, "某" * 29 + "~2", "某" * 29 + "~3"]
    assert sheet_title("汇总", taken) == "汇总~2"


def test_cli_summary(tmp_path, capsys):
    out = tmp_path / "summary.xlsx"
    assert main(["excel", "summary", str(CHANGSHA), str(YUNXI), "-o", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["汇总", "长沙县机关事务中心2022", "岳阳市云溪区机关事务服务中心2023"]


def test_cli_summary_writes_nothing_when_a_unit_is_invalid(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("unit: {id: x}\n", encoding="utf-8")
    out = tmp_path / "summary.xlsx"
    assert main(["excel", "summary", str(CHANGSHA), str(bad), "-o", str(out)]) == 1
    assert str(bad) in capsys.readouterr().err
    assert not out.exists()
