"""The summary workbook: one row per unit, one sheet per unit, formatted for reading."""
from __future__ import annotations

import openpyxl
import pytest

from perfeval import evaluate_file
from perfeval.cli import main
from perfeval.outputs.excel.summary import SUMMARY_COLUMNS, sheet_title, write_summary_workbook

from conftest import CHANGSHA, LIUYANG, YUNXI


@pytest.fixture(scope="module")
def scored():
    return [evaluate_file(path) for path in (CHANGSHA, YUNXI, LIUYANG)]


@pytest.fixture(scope="module")
def book(scored, tmp_path_factory):
    path = write_summary_workbook(scored, tmp_path_factory.mktemp("summary") / "summary.xlsx")
    return openpyxl.load_workbook(path)


def summary_rows(book) -> dict[str, dict[str, object]]:  # by 单位名称
    ws = book["汇总"]
    headers = [c.value for c in ws[1]]
    return {row[0]: dict(zip(headers, row)) for row in ws.iter_rows(min_row=2, values_only=True)}


def test_sheet_names(book):
    assert book.sheetnames == ["汇总", "审计发现", "长沙县机关事务中心2022", "岳阳市云溪区机关事务服务中心2023",
                               "浏阳市机关后勤服务中心2020"]


def test_one_row_per_unit_with_its_figures(book, scored):
    rows = summary_rows(book)
    assert [c.value for c in book["汇总"][1]] == [h for h, _ in SUMMARY_COLUMNS]
    for result in scored:
        row = rows[result.unit.name]
        assert row["已评分值"] == pytest.approx(result.coverage.assessed)
        assert (row["错误"], row["警示"], row["提示"]) == tuple(
            sum(f.severity == s for f in result.findings) for s in ("error", "warning", "info"))
    yunxi = rows["岳阳市云溪区机关事务服务中心"]
    assert (yunxi["预算编码"], yunxi["重算总分"], yunxi["等次"]) == ("132001", 96.96, "优")  # seed 002: 预算编码 132001
    assert (yunxi["自评总分"], yunxi["自评等次"], yunxi["自评复核"]) == (96, "优", "与重算不符")  # 综合得分 96
    assert yunxi["差异（自评−重算）"] == -0.96  # rounded to the precision shown
    liuyang = rows["浏阳市机关后勤服务中心"]
    assert liuyang["重算总分"] is None and liuyang["等次"].startswith("不予定级（可评分值不足：已评 8 分")
    assert (liuyang["可能总分（低）"], liuyang["可能总分（高）"]) == (4, 100)
    assert liuyang["自评总分"] == 96 and liuyang["差异（自评−重算）"] is None  # an unverifiable total is not compared
    assert liuyang["自评复核"] == "无法复核"


def test_unit_sheet_holds_scores_and_findings(book, scored):
    result = scored[0]
    ws = book["长沙县机关事务中心2022"]
    assert [c.value for c in ws[6]] == ["一级指标", "二级指标", "三级指标", "分值", "计算值", "单位", "得分", "自评得分",
                                        "状态", "说明"]
    rows = {r[2]: r for r in ws.iter_rows(min_row=7, max_row=6 + len(result.indicators), values_only=True)}
    staffing = rows["人员控制率"]
    assert staffing[:4] == ("投入", "预算配置", "人员控制率", 4)
    assert staffing[4] == 92.16  # 在职人员控制率 47/51, as the table prints it
    pointer = ws.cell(8 + len(result.indicators), 1)
    assert pointer.value == f"审计发现 {len(result.findings)} 项：见“审计发现”表"
    assert pointer.hyperlink.target == "#'审计发现'!A2"  # Changsha's findings come first
    listed = list(book["审计发现"].iter_rows(values_only=True))
    assert listed[0] == ("单位名称", "严重程度", "类别", "指标", "说明")
    assert len(listed) == 1 + sum(len(r.findings) for r in scored)
    mine = [r for r in listed[1:] if r[0] == result.unit.name]
    ordered = sorted(result.findings, key=lambda f: ("error", "warning", "info").index(f.severity))
    assert [r[4] for r in mine] == [f.message for f in ordered]
    assert [r[2] for r in mine] == [f.kind_label for f in ordered]  # the kind in Chinese, as in the HTML
    names = {i.id: i.name for i in result.indicators}
    assert [r[3] or "" for r in mine] == [names.get(f.indicator or "", "") for f in ordered]  # by name, never an id


def test_readers_see_no_file_check_or_indicator_ids(book, scored):
    ids = {r.unit.id for r in scored} | {r.framework.id for r in scored} | {f.check for r in scored for f in r.findings}
    ids |= {i.id for r in scored for i in r.indicators}
    shown = {c.value for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert shown & ids == set()


def test_prints_one_page_wide_with_repeated_headers(book):
    summary = book["汇总"]
    assert (summary.page_setup.orientation, int(summary.page_setup.paperSize)) == ("landscape", 9)  # 9: A4
    assert summary.sheet_properties.pageSetUpPr.fitToPage and summary.page_setup.fitToWidth == 1
    assert summary.page_setup.fitToHeight == 0  # as many pages long as it takes
    assert "&P" in summary.oddFooter.center.text
    for ws in book.worksheets:
        header = "6:6" if ws.title not in ("汇总", "审计发现") else "1:1"
        assert ws.print_title_rows.replace("$", "") == header and ws.page_setup.fitToWidth == 1, ws.title
        assert ws.page_setup.orientation == "landscape", ws.title


def test_formatting(book, scored):
    summary = book["汇总"]
    assert summary.freeze_panes == "B2"
    assert summary.auto_filter.ref == f"A1:T{len(scored) + 1}"  # through 待核实
    assert summary["E2"].number_format == "General"  # 20, 96, 96.96: points as the reports print them
    assert summary.column_dimensions["A"].width >= 2 * len("岳阳市云溪区机关事务服务中心")  # Chinese counts double
    ws = book["长沙县机关事务中心2022"]
    assert ws.freeze_panes == "A7"
    assert ws.auto_filter.ref.startswith("A6:J")
    percent_rows = [r for r in ws.iter_rows(min_row=7, max_col=5) if r[2].value == "人员控制率"]
    assert percent_rows[0][4].number_format == '0.00"%"'
    assert ws["J7"].alignment.wrap_text


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
    assert openpyxl.load_workbook(out).sheetnames == ["汇总", "审计发现", "长沙县机关事务中心2022", "岳阳市云溪区机关事务服务中心2023"]


def test_cli_summary_writes_nothing_when_a_unit_is_invalid(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("unit: {id: x}\n", encoding="utf-8")
    out = tmp_path / "summary.xlsx"
    assert main(["excel", "summary", str(CHANGSHA), str(bad), "-o", str(out)]) == 1
    assert str(bad) in capsys.readouterr().err
    assert not out.exists()


def test_the_workbook_holds_one_unit_result_at_a_time(tmp_path):
    """Built from a generator (as the batch does), a result is let go once the next one is written (the loop holds
    the one it wrote last): a thousand units' results are never in memory at once. The workbook is a list's."""
    import gc
    import weakref

    from perfeval.result import UnitResult

    files = []
    for path in (CHANGSHA, YUNXI, LIUYANG):
        files.append(tmp_path / f"{path.stem}.json")
        files[-1].write_text(evaluate_file(path).to_json(), encoding="utf-8")
    alive: list[weakref.ref] = []

    def one_at_a_time():
        for path in files:
            gc.collect()
            assert not [r for r in alive[:-1] if r() is not None]  # none before the last one written
            result = UnitResult.read(path)
            alive.append(weakref.ref(result))
            yield result
            del result

    streamed = openpyxl.load_workbook(write_summary_workbook(one_at_a_time(), tmp_path / "streamed.xlsx"))
    listed = openpyxl.load_workbook(write_summary_workbook([UnitResult.read(p) for p in files], tmp_path / "l.xlsx"))
    assert len(alive) == 3 and streamed.sheetnames == listed.sheetnames
    for name in listed.sheetnames:
        assert list(streamed[name].values) == list(listed[name].values)


def test_a_weight_the_framework_leaves_blank_is_said_in_words(book):
    ws = book["长沙县机关事务中心2022"]
    weights = [r[3].value for r in ws.iter_rows(min_row=7, max_col=4) if r[2].value]
    said = [w for w in weights if isinstance(w, str)]
    assert said and all(w.startswith("未给分值，") for w in said)  # 产出 and 效果 rows: framework A gives no weight


def test_the_same_results_give_the_same_bytes_whenever_written(scored, tmp_path, monkeypatch):
    import datetime
    import time

    import openpyxl.packaging.core as core_properties

    first = write_summary_workbook(scored, tmp_path / "first.xlsx").read_bytes()

    class Later(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.datetime(2031, 5, 6, 7, 8, 9, tzinfo=tz)

    monkeypatch.setattr(core_properties.datetime, "datetime", Later)  # openpyxl's clock for docProps/core.xml
    monkeypatch.setattr(time, "time", lambda: 1_950_000_000.0)  # zipfile's clock for every part
    second = write_summary_workbook(scored, tmp_path / "second.xlsx").read_bytes()
    assert first == second
    assert openpyxl.load_workbook(tmp_path / "second.xlsx")["汇总"].max_row == len(scored) + 1


def test_a_workbook_given_up_midway_leaves_the_previous_one_and_nothing_else(scored, tmp_path):
    """The file is written as a stream beside its target: a unit that cannot be read (or Ctrl-C) after some sheets
    are written leaves the previous workbook as it was, and no temporary file."""
    path = write_summary_workbook(scored[:1], tmp_path / "summary.xlsx")
    before = path.read_bytes()

    def failing():
        yield from scored
        raise OSError("a unit result cannot be read")

    with pytest.raises(OSError, match="cannot be read"):
        write_summary_workbook(failing(), path)
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["summary.xlsx"]


def test_every_sheet_is_listed_with_its_filter_and_print_titles_in_order(tmp_path, scored):
    """The workbook part names the sheets in their order (汇总, 审计发现, then the units), though the units' sheets are
    written first; each sheet's filter and printed header rows are its own."""
    many = [r.model_copy(update={"unit": r.unit.model_copy(update={"name": f"单位{i}"})})
            for i, r in enumerate(scored * 4)]
    book = openpyxl.load_workbook(write_summary_workbook(many, tmp_path / "many.xlsx"))
    assert book.sheetnames == ["汇总", "审计发现", *(f"单位{i}{r.unit.year}" for i, r in enumerate(many))]
    for i, r in enumerate(many):
        ws = book[f"单位{i}{r.unit.year}"]
        assert ws["A1"].value == f"单位{i} {r.unit.year}年度 部门整体支出绩效评价复核"
        assert ws.auto_filter.ref == f"A6:J{6 + len(r.indicators)}" and ws.print_title_rows == "$6:$6"
    assert book["汇总"]["A5"].hyperlink.target == f"#'单位3{many[3].unit.year}'!A1"  # the fourth unit's row


def test_a_qualitative_rows_value_says_it_is_a_judgement(book):
    ws = book["岳阳市云溪区机关事务服务中心2023"]
    rows = {r[2].value: r[4].value for r in ws.iter_rows(min_row=7, max_col=5) if r[2].value}
    assert rows["党建工作"] == "定性，得分率 100%" and rows["主题党日活动"] == 100  # a rate stays a number
