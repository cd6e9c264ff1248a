"""Workbook values read as the person typed them (issue 12, classes 2, 9 and 13's message).

98% typed into a cell is stored by Excel as 0.98 in a percent format; targets and actuals are written
≥15,000万元, 不少于12次, 820余场; formulas may be saved without their result; names hold line breaks. Each is
read as what the person typed and sees, or refused naming the cell — never silently read as something else.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml

from perfeval import evaluate_file, load_params
from perfeval.cli import main
from perfeval.core.quantity import Qualifier
from perfeval.errors import WorkbookError
from perfeval.intake.excel import book, reader
from perfeval.intake.excel.book import sheet_parts, uncomputed_cells
from perfeval.intake.excel.reader import import_workbook, read_workbook
from perfeval.outputs.excel.template import export_workbook

from conftest import CHANGSHA, LIUYANG, YUNXI


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("filled")
    return {p.stem: export_workbook(p, folder / f"{p.stem}.xlsx") for p in (CHANGSHA, YUNXI, LIUYANG)}


class Formula(str):
    """A formula typed into a cell (text is stored as text, even when it starts with =)."""


def edited(source: Path, tmp_path: Path, cells: dict[str, tuple[object, str | None]]) -> Path:
    """A copy with cells set as Excel stores what was typed: 'sheet!A1' → (value, number format or None)."""
    wb = openpyxl.load_workbook(source)
    for ref, (value, number_format) in cells.items():
        sheet, cell = ref.split("!")
        c = wb[sheet][cell]
        c.value = str(value) if isinstance(value, Formula) else value
        if isinstance(value, str) and not isinstance(value, Formula):
            c.data_type = "s"
        if number_format:
            c.number_format = number_format
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    return path


def row_of(workbook: Path, sheet: str, column: str, text: str) -> int:
    ws = openpyxl.load_workbook(workbook)[sheet]
    return next(c.row for c in ws[column] if c.value == text)


def problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(WorkbookError) as err:
        read_workbook(path)
    return [(p.field, p.problem) for p in err.value.problems]


def result(params_path: Path) -> dict:
    return evaluate_file(params_path).model_dump(exclude={"params_file"})


# --- percentages typed the Excel way ------------------------------------------------------------------------

def test_98_percent_typed_into_an_actual_scores_as_98(filled, tmp_path):
    """Seed 002's 服务对象满意度: 98% typed into 实际完成值 is stored as 0.98 in the format 0%.

    Read as 0.98 it scored 0.098 of 10 points (the unit's 96.96 优 fell to a 良); read as typed, the unit
    scores exactly as its params do.
    """
    r = row_of(filled["yunxi_district_2023"], "绩效自评表", "C", "服务对象满意度")
    path = edited(filled["yunxi_district_2023"], tmp_path, {f"绩效自评表!E{r}": (0.98, "0%")})
    out = import_workbook(path, tmp_path / "yunxi.yaml").path
    satisfaction = next(row for row in load_params(out).indicators if row.name == "服务对象满意度")
    assert (satisfaction.actual.value, satisfaction.actual.unit) == (98, "%")
    assert load_params(out) == load_params(YUNXI)
    after = result(out)
    assert (after["total"], after["grade"]) == (96.96, "优")
    assert after == result(YUNXI)


@pytest.mark.parametrize("value,number_format,expected", [
    (1, '"≥"0%', {"op": ">=", "value": 100, "unit": "%"}),  # ≥ in the format: the person sees ≥100%
    (1, "≥0%", {"op": ">=", "value": 100, "unit": "%"}),
    (0.955, "0.0%", {"value": 95.5, "unit": "%"}),  # no direction written: the level-2 default applies
    ("≥100%", None, {"op": ">=", "value": 100, "unit": "%"}),
])
def test_a_target_typed_as_a_percentage_keeps_its_direction(filled, tmp_path, value, number_format, expected):
    r = row_of(filled["yunxi_district_2023"], "绩效自评表", "C", "服务对象满意度")
    path = edited(filled["yunxi_district_2023"], tmp_path, {f"绩效自评表!D{r}": (value, number_format)})
    params, _ = read_workbook(path)
    target = next(row for row in params.indicators if row.name == "服务对象满意度").target
    assert target.model_dump(exclude_defaults=True) == expected


def test_a_stated_rate_in_a_percent_format(filled, tmp_path):
    """附件1-2's 控制率 92% typed as 0.92 in 0% (or as the text 92%) is the unit's stated 92."""
    for value, fmt in ((0.92, "0%"), ("92%", None), (0.9200, "0.00%")):
        params, _ = read_workbook(edited(filled["changsha_county_2022"], tmp_path, {"基础数据表!D4": (value, fmt)}))
        rate = next(r for r in params.claims.rates if r.measure == "staffing_control.on_duty_rate")
        assert rate.value == 92 and rate.places == (2 if fmt == "0.00%" else 0)


def test_a_percent_in_a_cell_of_points_is_refused_by_cell(filled, tmp_path):
    """98% in 分值 is not 0.98 points and not 98 points: the cell is named with what it shows."""
    path = edited(filled["yunxi_district_2023"], tmp_path, {"绩效自评表!F3": (0.98, "0%")})
    [(cell, problem)] = problems(path)
    assert cell == "绩效自评表!F3" and "expected a number of 分" in problem and '"98%"' in problem


# --- targets and actuals as people write them ---------------------------------------------------------------

PHRASES = [
    # (cell text, target read, actual read) — units stay as typed; the core converts where it compares
    ("≥15,000万元", {"op": ">=", "value": 15000, "unit": "万元"}, {"value": 15000, "unit": "万元", "qualifier": "at_least"}),
    ("1,820场", {"value": 1820, "unit": "场"}, {"value": 1820, "unit": "场"}),
    ("不少于12次", {"op": ">=", "value": 12, "unit": "次"}, {"value": 12, "unit": "次", "qualifier": "at_least"}),
    ("约12次", {"value": 12, "unit": "次", "qualifier": "about"}, {"value": 12, "unit": "次", "qualifier": "about"}),
    ("820余场", {"value": 820, "unit": "场", "qualifier": "over"}, {"value": 820, "unit": "场", "qualifier": "over"}),
    ("≤1.5亿元", {"op": "<=", "value": 1.5, "unit": "亿元"}, {"value": 1.5, "unit": "亿元", "qualifier": "at_most"}),
    ("≤1500000元", {"op": "<=", "value": 1500000, "unit": "元"}, {"value": 1500000, "unit": "元", "qualifier": "at_most"}),
    ("≥100家单位", {"op": ">=", "value": 100, "unit": "家单位"}, {"value": 100, "unit": "家单位", "qualifier": "at_least"}),
    ("95%以上", {"op": ">=", "value": 95, "unit": "%"}, {"value": 95, "unit": "%", "qualifier": "at_least"}),
    ("十二次", {"value": 12, "unit": "次"}, {"value": 12, "unit": "次"}),
    ("= 5 次", {"op": "=", "value": 5, "unit": "次"}, None),
    ("高质量完成", {"text": "高质量完成"}, {"text": "高质量完成"}),
    ("“3个月内完成”", {"text": "3个月内完成"}, {"text": "3个月内完成"}),
]


@pytest.mark.parametrize("text,target,actual", PHRASES, ids=[p[0] for p in PHRASES])
def test_targets_and_actuals_read_as_written(filled, tmp_path, text, target, actual):
    """Each was read as text before (and the row became "not assessed"), or lost its bound or unit."""
    r = row_of(filled["yunxi_district_2023"], "绩效自评表", "C", "承担会务管理")
    cells = {f"绩效自评表!D{r}": (text, None)}
    if actual is not None:
        cells[f"绩效自评表!E{r}"] = (text, None)
    params, _ = read_workbook(edited(filled["yunxi_district_2023"], tmp_path, cells))
    row = next(row for row in params.indicators if row.name == "承担会务管理")
    assert row.target.model_dump(exclude_defaults=True) == target
    if actual is not None:
        assert row.actual.model_dump(exclude_defaults=True) == actual


def test_an_actual_has_no_direction(filled, tmp_path):
    r = row_of(filled["yunxi_district_2023"], "绩效自评表", "C", "承担会务管理")
    [(cell, problem)] = problems(edited(filled["yunxi_district_2023"], tmp_path, {f"绩效自评表!E{r}": ("＝820场", None)}))
    assert cell == f"绩效自评表!E{r}" and "no direction" in problem


# --- catalogue figures with a unit or a qualifier -----------------------------------------------------------

def test_catalogue_figures_keep_their_unit_and_qualifier(filled, tmp_path):
    """Liuyang's 行程146万公里 and a trip count written 2.6万余次; a 三公 budget written 1.5亿元 (kept in 亿元,
    converted where it is used: 15000 万元); 约300 as about 300 万元. None becomes "not stated"."""
    more = "预算与产出"
    trips = row_of(filled["liuyang_2020"], more, "A", "activity.vehicle_trips")
    km = row_of(filled["liuyang_2020"], more, "A", "activity.vehicle_km")
    path = edited(filled["liuyang_2020"], tmp_path, {
        f"{more}!C{trips}": ("2.6万余次", None), f"{more}!C{km}": ("146万公里", None),
        "基础数据表!C9": ("1.5亿元", None), "基础数据表!D14": ("约3.6", None)})
    params, _ = read_workbook(path)
    activity = params.figures.activity
    assert (activity["vehicle_trips"].value, activity["vehicle_trips"].unit, activity["vehicle_trips"].qualifier) \
        == (26000, "次", Qualifier.OVER)
    assert (activity["vehicle_km"].value, activity["vehicle_km"].unit) == (146, "万公里")
    assert activity["vehicle_km"].in_unit("公里") == 1460000
    sangong = params.figures.lines["sangong"].budget
    assert (sangong.value, sangong.unit, sangong.in_unit("万元")) == (1.5, "亿元", 15000)
    reception = params.figures.lines["sangong_reception"].final
    assert (reception.value, reception.qualifier) == (3.6, Qualifier.ABOUT)


@pytest.mark.parametrize("text", ["人民币1802.50万元", "￥1,802.50万元", "RMB 1802.50万元", "２８.０２５百万元"])
def test_an_amount_in_the_forms_the_report_reader_reads_is_read_in_a_cell(filled, tmp_path, text):
    """The workbook refused 人民币…万元 and ￥…万元 that `perfeval draft` reads in prose: one number reader (trial 4,
    U44). A currency sign without a unit (￥1,802.50 in a cell of 万元: 元 or 万元?) is refused, as a currency
    format is (test_words_in_a_number_format_are_read)."""
    params, _ = read_workbook(edited(filled["changsha_county_2022"], tmp_path, {"基础数据表!C9": (text, None)}))
    budget = params.figures.lines["sangong"].budget  # C9: the 三公 budget
    assert budget is not None and budget.in_unit("万元") == (2802.5 if "百万" in text else 1802.5)


def test_a_currency_sign_without_a_unit_is_refused_in_a_cell_of_wan_yuan(filled, tmp_path):
    [(cell, problem)] = problems(edited(filled["changsha_county_2022"], tmp_path, {"基础数据表!C9": ("￥1,802.50", None)}))
    assert cell == "基础数据表!C9" and "￥1,802.50" in problem


@pytest.mark.parametrize("text,words", [
    ("300人", "“人” cannot be converted to 万元"),
    ("300万美元", "“美元” is not a unit"),
    ("300万", "write the unit"),
    ("见附件", 'found "见附件"'),
])
def test_a_figure_in_a_unit_that_cannot_be_its_own_is_refused_by_cell(filled, tmp_path, text, words):
    [(cell, problem)] = problems(edited(filled["changsha_county_2022"], tmp_path, {"基础数据表!C9": (text, None)}))
    assert cell == "基础数据表!C9" and words in problem


def test_words_in_a_number_format_are_read(filled, tmp_path):
    """12 in the format 0"次" is 12次; 1802 in 0.00"万元" is 1802 万元; a currency format is refused (元 or 万元?)."""
    trips = row_of(filled["liuyang_2020"], "预算与产出", "A", "activity.vehicle_trips")
    path = edited(filled["liuyang_2020"], tmp_path, {f"预算与产出!C{trips}": (12, '0"次"'),
                                                     "基础数据表!D9": (310.67, '0.00"万元"')})
    params, _ = read_workbook(path)
    assert (params.figures.activity["vehicle_trips"].value, params.figures.activity["vehicle_trips"].unit) == (12, "次")
    assert params.figures.lines["sangong"].final.in_unit("万元") == 310.67
    [(cell, problem)] = problems(edited(filled["liuyang_2020"], tmp_path, {"基础数据表!D9": (310.67, "¥#,##0.00")}))
    assert cell == "基础数据表!D9" and '"¥310.67"' in problem


# --- formulas -----------------------------------------------------------------------------------------------

def with_results(path: Path, results: dict[str, str], error: bool = False) -> Path:
    """The workbook as Excel saves it: each formula cell given a saved result ('sheet!D9' → '613.76')."""
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = sheet_parts(z)
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    for ref, value in results.items():
        sheet, cell = ref.split("!")
        xml = members[parts[sheet]].decode()
        kind = ' t="e"' if error else ""
        xml, n = re.subn(rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
                         rf'<c r="{cell}"\1{kind}><f>\2</f><v>{value}</v></c>', xml)
        assert n == 1, ref
        members[parts[sheet]] = xml.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    out = path.with_name("saved.xlsx")
    out.write_bytes(buffer.getvalue())
    return out


def test_a_formula_saved_without_its_result_is_named_not_blank(filled, tmp_path):
    """A program that does not calculate (openpyxl, some converters) saves =SUM(…) with no result: the total
    must not quietly become "not stated" (a finding would disappear) nor a required name "empty"."""
    path = edited(filled["changsha_county_2022"], tmp_path,
                  {"基础数据表!D9": (Formula("=SUM(D10,D14,D15)"), None), "单位信息!B4": (Formula("=C4"), None)})
    found = dict(problems(path))
    assert set(found) == {"基础数据表!D9", "单位信息!B4"}
    assert "=SUM(D10,D14,D15)" in found["基础数据表!D9"] and "without its result" in found["基础数据表!D9"]
    assert "empty" not in found["单位信息!B4"]


def test_formulas_are_found_when_the_scan_cannot_place_them(filled, tmp_path, monkeypatch):
    """A sheet whose cells carry no reference is read for its formulas by openpyxl instead."""
    monkeypatch.setattr(book, "uncomputed_cells", lambda xml: None)
    path = edited(filled["changsha_county_2022"], tmp_path, {"基础数据表!D9": (Formula("=SUM(D10,D14,D15)"), None)})
    assert [cell for cell, _ in problems(path)] == ["基础数据表!D9"]


def test_a_formula_with_its_saved_result_reads_the_result(filled, tmp_path):
    path = with_results(edited(filled["changsha_county_2022"], tmp_path,
                                     {"基础数据表!D9": (Formula("=SUM(D10,D14,D15)"), None)}),
                        {"基础数据表!D9": "613.76"})
    params, _ = read_workbook(path)
    assert params == load_params(CHANGSHA)


def test_a_formula_whose_result_is_an_error_is_named(filled, tmp_path):
    path = with_results(edited(filled["changsha_county_2022"], tmp_path, {"单位信息!B4": (Formula("=1/0"), None)}),
                        {"单位信息!B4": "#DIV/0!"}, error=True)
    assert problems(path) == [("单位信息!B4", "shows the error #DIV/0! instead of a value; correct the formula "
                                             "or type the value")]


def test_which_formula_cells_have_no_result():
    """openpyxl saves <v></v> for a formula; an empty text result (t="str") is a result; a cell without its
    reference cannot be placed by the scan (the reader then asks openpyxl)."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    xml = (f'<worksheet {ns}><sheetData><row r="2"><c r="B2"><f>SUM(A1:A3)</f><v></v></c>'
           '<c r="C2" t="str"><f>IF(A1="","",A1)</f><v></v></c><c r="D2"><f>1+1</f><v>2</v></c>'
           '<c r="E2"><f t="shared" si="0"/></c></row></sheetData></worksheet>').encode()
    assert uncomputed_cells(xml) == {(2, 2): "=SUM(A1:A3)", (2, 5): "="}
    assert uncomputed_cells(xml.replace(b'<c r="E2">', b"<c>")) is None


# --- line breaks round trip ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\u2028", "\r"], ids=["LF", "CRLF", "U+2028", "CR"])
def test_a_name_with_a_line_break_exports_and_imports_back(unit_copy, tmp_path, capsys, line_break):
    """Alt+Enter in Excel puts a line break in a cell; the imported params file's header comment broke on it."""
    def alter(d):
        d["unit"]["name"] = "长沙县" + line_break + "机关事务中心"
        d["figures"]["lines"]["sangong"]["final"]["source"] = "附件1-2" + line_break + "三公经费"

    source = unit_copy(CHANGSHA, alter)
    book, back = tmp_path / "u.xlsx", tmp_path / "back.yaml"
    assert main(["excel", "export", str(source), "-o", str(book)]) == 0
    assert main(["excel", "import", str(book), "-o", str(back)]) == 0, capsys.readouterr().err
    assert load_params(back) == load_params(source)
    assert load_params(back).unit.name == "长沙县" + line_break + "机关事务中心"


def test_a_value_that_would_not_survive_the_params_file_is_named_by_its_cell(filled, tmp_path, monkeypatch):
    """Whatever the reason a value does not read back from the params text, the problem names its cell."""
    real = reader.params_yaml

    def lossy(params, workbook):
        return real(params, workbook).replace("name: 长沙县机关事务中心", "name: 长沙县", 1)

    monkeypatch.setattr(reader, "params_yaml", lossy)
    out = tmp_path / "unit.yaml"
    with pytest.raises(WorkbookError) as err:
        import_workbook(filled["changsha_county_2022"], out)
    assert [p.field for p in err.value.problems] == ["单位信息!B4"]
    assert err.value.file == str(filled["changsha_county_2022"]) and not out.exists()


def test_the_params_file_says_places_only_where_the_number_does_not(tmp_path, filled):
    """A stated 77.00 keeps `places: 2` (YAML writes 77); a stated 34.06 needs none."""
    path = edited(filled["changsha_county_2022"], tmp_path, {"单位所称比率!C4": ("77.00", None)})  # 预算完成率
    out = import_workbook(path, tmp_path / "u.yaml").path
    rates = {r["measure"]: r for r in yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]["rates"]}
    assert rates["budget_execution.execution_rate"] == {"measure": "budget_execution.execution_rate", "value": 77,
                                                        "places": 2, "source": "附件1-3 三(3)1 预算完成率"}
    assert "places" not in rates["sangong_control"]
    assert load_params(out).claims.rates[2].places == 2


# --- decimals beyond what is recorded -----------------------------------------------------------------------

@pytest.mark.parametrize("text, recorded", [("320.000000000000000001", "320"), ("约12.00000000000000001万元", "12"),
                                            ("≥95.123456789012345678%", "95.12345678901235")])
def test_more_digits_typed_than_a_number_holds_are_named_not_cut(filled, tmp_path, text, recorded):
    """320.000000000000000001 was recorded as 320 to 6 places: a cell typed with more digits than the number
    recorded holds is refused, with its decimals counted and what it would have become."""
    r = row_of(filled["yunxi_district_2023"], "绩效自评表", "C", "承担会务管理")
    for ref in ("基础数据表!C9", f"绩效自评表!E{r}"):
        [(cell, problem)] = problems(edited(filled["yunxi_district_2023"], tmp_path, {ref: (text, None)}))
        decimals = len(text.rstrip("%万元").partition(".")[2])
        assert cell == ref and f"{decimals} decimals" in problem and f"recorded as {recorded};" in problem, problem


@pytest.mark.parametrize("text", ["320.123456", "320.1234567", "0.30000000000000004"])
def test_decimals_a_number_holds_are_recorded_as_typed(filled, tmp_path, text):
    params, _ = read_workbook(edited(filled["changsha_county_2022"], tmp_path, {"基础数据表!C9": (text, None)}))
    assert params.figures.lines["sangong"].budget.value == float(text)


@pytest.mark.parametrize("text", ["2′450.60", "2_450.60", "2٬450.60", "2450·60"])
def test_a_figure_grouped_by_a_prime_an_underscore_or_an_arabic_separator_reads_as_the_report_does(filled, tmp_path, text):
    """The cell reads as prose does (one number reader): 2450.60, never 2 or 2450 with the rest left over."""
    params, _ = read_workbook(edited(filled["changsha_county_2022"], tmp_path, {"基础数据表!C9": (text, None)}))
    assert params.figures.lines["sangong"].budget.value == 2450.60


@pytest.mark.parametrize("text", ["—25", "-- 20", "——25"])
def test_a_figure_after_a_dash_is_refused_by_cell_never_read_positive(filled, tmp_path, text):
    [(cell, problem)] = problems(edited(filled["changsha_county_2022"], tmp_path, {"基础数据表!C9": (text, None)}))
    assert cell == "基础数据表!C9" and "reads two ways" in problem and "负号" in problem


def test_a_number_of_more_decimals_than_a_figure_keeps_is_said_so_by_its_cell(tmp_path, filled):
    """W20: a money cell holding a formula's rounding (3537.3700000001, shown 3537.37 in General) was refused as
    "does not survive being written to …", naming neither the cause nor what to type."""
    path = edited(filled["changsha_county_2022"], tmp_path, {"基础数据表!C23": (3537.3700000001, "General")})
    out = tmp_path / "u.yaml"
    with pytest.raises(WorkbookError) as err:
        import_workbook(path, out)
    ((cell, problem),) = [(p.field, p.problem) for p in err.value.problems]
    assert cell == "基础数据表!C23" and not out.exists()
    assert problem.startswith("holds 3537.3700000001, more decimals than a figure keeps (6)") and "=ROUND" in problem
