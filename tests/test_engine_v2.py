"""Engine v2: frameworks by path whose readings are all declared, national variants as options, exact rounding,
verdict and sensitivity, and one unit result."""
from __future__ import annotations

import json
import random
import textwrap
from pathlib import Path

import pytest
import yaml

from perfeval import evaluate_file, load_unit, score_file
from perfeval.cli import main
from perfeval.core.engine import Coverage, _verdict, score_unit
from perfeval.core.framework import load_framework
from perfeval.core.params import parse_params
from perfeval.core.readings import NATIONAL_QUALITATIVE, QualitativeBand
from perfeval.core.rows import band_range
from perfeval.errors import FrameworkError
from perfeval.paths import PARAMS_DIR

from conftest import CHANGSHA, LIUYANG, YUNXI
from synth import unit_a

VARIANT = PARAMS_DIR / "frameworks" / "dept_overall_a_provincial.yaml"

BUREAU = textwrap.dedent("""\
    id: bureau_x
    name: 某局部门整体支出绩效评价指标（两项）
    source: 某局2024年文件
    total: 100
    interpretations:
    {interpretations}
    indicators:
      - id: control
        name: 控制
        weight: 100
        children:
          - id: staffing
            name: 人员控制率
            weight: 60
            rule:
              deduct_per_point: {{measure: {{ratio: [{on_duty}, staff.authorized]}}, limit: 100, direction: over, per_point: 1}}
          - id: sangong
            name: 三公经费控制率
            weight: 40
            rule:
              deduct_per_point: {{measure: {{ratio: [lines.sangong.final, lines.sangong.budget]}}, limit: 100, direction: over, per_point: 1}}
    """)
FRACTION = """  per_point_fraction:
        question: 不足一个百分点如何扣分
        default: proportional
        options: {proportional: 按比例, started_points: 按一个百分点}"""


def bureau_framework(tmp_path: Path, interpretations: str = FRACTION, on_duty: str = "staff.on_duty") -> Path:
    folder = tmp_path / "frameworks"
    folder.mkdir(exist_ok=True)
    path = folder / "bureau.yaml"
    path.write_text(BUREAU.format(interpretations=textwrap.indent(interpretations.strip(), "  ") if interpretations
                                  else "  {}", on_duty=on_duty), encoding="utf-8")
    return path


@pytest.mark.parametrize("interpretations,on_duty,field,words", [
    ("", "staff.on_duty", "interpretations.per_point_fraction", "missing: a rule that deducts per percentage point"),
    (FRACTION.replace("per_point_fraction", "per_piont_fraction"), "staff.on_duty",
     "interpretations.per_piont_fraction", "did you mean 'per_point_fraction'?"),
    (FRACTION.replace("started_points: 按", "started_point: 按"), "staff.on_duty",
     "interpretations.per_point_fraction", "option 'started_point' has no meaning to the engine"),
    (FRACTION, "staff.on_dutty", "indicators.staffing.rule.deduct_per_point.measure.ratio[0]",
     "unknown figure 'staff.on_dutty'; did you mean 'staff.on_duty'?"),
])
def test_a_bureau_framework_with_a_bad_reading_or_figure_fails_lint_by_yaml_path(
        tmp_path, capsys, interpretations, on_duty, field, words):
    path = bureau_framework(tmp_path, interpretations, on_duty)
    assert main(["lint", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and f"{field}: " in err and words in err and "Traceback" not in err


def test_a_bureau_framework_by_path_lints_and_scores(tmp_path, capsys):
    fw = bureau_framework(tmp_path)
    assert main(["lint", str(fw)]) == 0
    units = tmp_path / "units"
    units.mkdir()
    unit = units / "x.yaml"
    unit.write_text(yaml.safe_dump({
        "unit": {"id": "x", "name": "某中心", "region": "某县", "year": 2024, "framework": "../frameworks/bureau.yaml"},
        "figures": {"staff": {"authorized": 50, "on_duty": 51}, "lines": {"sangong": {"budget": 100, "final": 100}}},
    }, allow_unicode=True), encoding="utf-8")
    capsys.readouterr()
    assert main(["score", "--json", str(unit)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["framework"]["id"] == "bureau_x"
    assert [i["score"] for i in result["indicators"]] == [58.0, 40.0]  # 102% → 2 points over, 1 each
    assert (result["total"], result["grade"]) == (98.0, "优")  # no grade bands declared: the national ones
    options = {(s["interpretation"], s["option"]): s["total"] for s in result["sensitivity"]}
    assert options[("per_point_fraction", "started_points")] == 98.0


def test_a_params_file_naming_a_missing_framework_file_is_its_own_error(tmp_path, capsys):
    unit = tmp_path / "x.yaml"
    unit.write_text("unit: {id: x, name: 某, region: 某, year: 2024, framework: fw/none.yaml}\n", encoding="utf-8")
    assert main(["validate", str(unit)]) == 1
    err = capsys.readouterr().err
    assert "unit.framework" in err and "no such framework file" in err and "Traceback" not in err


def test_a_variant_may_only_change_defaults_its_base_declares(tmp_path):
    bad = tmp_path / "v.yaml"
    bad.write_text(VARIANT.read_text(encoding="utf-8").replace("grade_bands: provincial", "grade_bands: county"),
                   encoding="utf-8")
    with pytest.raises(FrameworkError, match="defaults.grade_bands: dept_overall_a offers no option 'county'"):
        load_framework(bad)
    tree = tmp_path / "t.yaml"
    tree.write_text(VARIANT.read_text(encoding="utf-8") + "indicators: []\n", encoding="utf-8")
    with pytest.raises(FrameworkError, match="gives only id, name, source, extends, defaults"):
        load_framework(tree)


def full_a_unit(framework: str = "dept_overall_a") -> dict:
    """A synthetic framework-A unit with every indicator judged, so that it earns a grade."""
    data = unit_a(random.Random(7), 1, False)
    data["unit"]["framework"] = framework
    data["judgements"].update({
        "indicator_clarity": {"has_targets": True, "quantified": {"count": 5}, "task_match": {"score": 1},
                              "funds_match": True, "project_indicators": {"cases": 0}},
        "asset_systems": {k: True for k in ("rules_made", "rules_executed", "asset_budget", "within_budget")},
        "asset_safety": {"custody": 0, "disposal": 0, "income_paid": 0, "purchase_procedure": 0},
        "procurement": {"lawful": True},
    })
    data["indicators"] = [
        {"level1": "效果", "level2": level2, "name": name, "weight": weight,
         "target": {"op": ">=", "value": 100, "unit": "%"}, "actual": {"value": 100, "unit": "%"}}
        for level2, name, weight in (("经济效益", "非税收入完成率", 6), ("社会效益", "服务保障到位率", 6),
                                     ("生态效益", "公共机构能耗下降达标率", 5))]
    sangong = data["figures"]["lines"]["sangong"]
    sangong["prev_final"] = sangong["final"]  # 不超上年决算 judged (held), so every point of 三公 is assessed
    data["interpretations"] = {}
    return data


def test_the_bureau_variant_scores_a_sample_unit_under_its_own_defaults(tmp_path):
    """The variant keeps A's tree: the same rows, weights and rules; only its three defaults differ."""
    base = score_unit(parse_params(full_a_unit(), "a.yaml"), load_framework("dept_overall_a"))
    params = parse_params(full_a_unit(str(VARIANT)), "v.yaml")
    variant = score_unit(params, load_framework(VARIANT))
    assert [(r.id, r.weight) for r in variant.sheet.rows] == [(r.id, r.weight) for r in base.sheet.rows]
    assert variant.sheet.readings["grade_bands"] == "provincial" and base.sheet.readings["grade_bands"] == "national"
    assert base.sheet.coverage.assessed_share >= 0.9  # graded under both
    total = base.sheet.total_on_100
    assert base.sheet.grade == ("优" if total >= 90 else "良" if total >= 80 else "中")
    assert variant.sheet.grade == variant.sheet.grade_of(variant.sheet.total_on_100)
    assert variant.sheet.grade_of(85) == "优" and base.sheet.grade_of(85) == "良"


def test_the_variant_counts_a_started_point_and_gives_full_marks_where_nothing_applies(unit_copy):
    def alter(d):
        d["unit"]["framework"] = str(VARIANT)
        d["figures"]["staff"]["on_duty"] = {"value": 52.5}  # 102.94%: 2.94 points over
        d["not_applicable"] = {"carryover": "县级资金无结转规定不适用于本单位"}
        d["not_assessed"].pop("carryover")

    sheet = score_file(unit_copy(CHANGSHA, alter))
    staffing = sheet.row("staffing_control")
    assert staffing.parts[0].score == pytest.approx(2 - 0.2 * 3)  # started points: 3, not 2.94
    carryover = sheet.row("carryover")
    assert (carryover.status, carryover.score, carryover.assessed_points) == ("not_applicable", 2, 2)
    assert sheet.coverage.applicable == 100  # full marks: the points stay in the total


@pytest.mark.parametrize("row_id,applicable", [
    ("work_atmosphere", 92.5),  # 10 of the table's 40 效益 points, 7.5 once rescaled to the header's 30
    ("shop_rent", 96.25),       # 5 of 40 → 3.75 (the old engine left 95 applicable against 96.25 assessed)
])
def test_not_applicable_is_left_out_on_its_rescaled_weight(unit_copy, row_id, applicable):
    sheet = score_file(unit_copy(YUNXI, lambda d: next(r for r in d["indicators"] if r.get("id") == row_id)
                                 .update(applicable=False)))
    assert sheet.coverage.applicable == pytest.approx(applicable)
    assert sheet.coverage.assessed == pytest.approx(applicable) and sheet.grade == "优"


@pytest.mark.parametrize("executed,rate,score", [
    (15808.86, 95.0, 3.0),    # 94.99997% is printed, and banded, as 95.00%: 2 of 2, scaled 6/4
    (15807.94, 94.99, 2.25),  # 94.99444% → 94.99%: 1.5 of 2
    (13312.72, 80.0, 1.5),    # 79.99995% → 80.00%: 1 of 2
    (13311.89, 79.99, 0.0),   # 79.99496% → 79.99%: below 80
])
def test_execution_rate_is_banded_as_printed(unit_copy, executed, rate, score):
    sheet = score_file(unit_copy(CHANGSHA, lambda d: d["figures"]["budget"].update(executed=executed)))
    row = sheet.row("budget_execution")
    assert (row.parts[0].value, row.score, row.assessed_points) == (rate, score, 3)


def test_the_exact_reading_bands_the_unrounded_rate(unit_copy):
    unit = load_unit(unit_copy(CHANGSHA, lambda d: d["figures"]["budget"].update(executed=15808.86)))
    assert unit.rescored(readings={"rate_precision": "exact"}).row("budget_execution").score == 2.25  # 94.99997 < 95


@pytest.mark.parametrize("adjustment,rate,score", [
    (832.04, 5.0, 1.5),     # 4.99997% → 5.00%, which is not below 5
    (831.21, 4.99, 3.0),    # 4.99498% → 4.99%
    (1664.10, 10.0, 1.5),   # 10.00005% → 10.00%: 5–10% includes 10
    (1664.93, 10.01, 0.0),  # 10.00504% → 10.01%: above 10
])
def test_adjustment_rate_boundaries_at_the_printed_precision(unit_copy, adjustment, rate, score):
    sheet = score_file(unit_copy(CHANGSHA, lambda d: d["figures"]["budget"].update(adjustment_total=adjustment)))
    row = sheet.row("budget_adjustment")
    assert (row.value, row.score) == (rate, score)


def test_a_stated_rate_keeps_the_decimals_it_was_written_with(tmp_path):
    text = CHANGSHA.read_text(encoding="utf-8")
    as_77 = tmp_path / "a.yaml"
    as_77.write_text(text, encoding="utf-8")
    as_7700 = tmp_path / "b.yaml"
    as_7700.write_text(text.replace("measure: budget_execution.execution_rate, value: 77,",
                                    "measure: budget_execution.execution_rate, value: 77.00,"), encoding="utf-8")
    mismatch = {f.check for f in evaluate_file(as_77).findings}
    assert "claimed_rate_mismatch" not in mismatch  # 77 for 77.04: right at whole percent
    hits = [f for f in evaluate_file(as_7700).findings if f.check == "claimed_rate_mismatch"]
    assert len(hits) == 1 and "单位陈述为 77.00%" in hits[0].message  # 77.00 for 77.04: wrong at two decimals


@pytest.mark.parametrize("total,assessed,grade", [
    (89.996, 100, "优"),   # the total as displayed, 90.00, earns 优
    (89.994, 100, "良"),
    (85.5, 95, None),      # 95 of 100 assessed: totals 85.5–90.5 run across 良 and 优 (85.5 / 95 × 100 = 90 once said 优)
    (91, 95, "优"),        # 91–96: 优 whatever the 5 unassessed points score
    (78.16, 90, None),     # issue 20: 87.16–97.16 on 100 was graded 优 from the scaled 86.84 … now withheld
    (10, 20, None),        # 20 of 100: withheld
])
def test_a_grade_is_given_only_when_every_possible_total_is_in_one_band(total, assessed, grade):
    fw = load_framework("dept_overall_a")
    cov = Coverage(applicable=100, assessed=assessed, verified=0, not_applicable=0)
    v = _verdict(fw, [], total, cov, fw.reading("grade_bands").options["national"], 2, None)
    assert v.grade == grade and (v.withheld is None) == (grade is not None)
    assert v.total_range == (round(total, 2), round(total + 100 - assessed, 2))
    assert (v.total_on_100 is None) == (assessed < 100)  # a total on 100 only when every point is assessed
    assert v.assessed_rate == round(total / assessed * 100, 2)


def test_the_range_spanning_two_bands_names_them_and_a_framework_may_grade_on_its_lower_bound():
    fw = load_framework("dept_overall_a")
    cov = Coverage(applicable=100, assessed=95, verified=0, not_applicable=0)
    bands = fw.reading("grade_bands").options["national"]
    v = _verdict(fw, [], 85.5, cov, bands, 2, None)
    assert "85.5–90.5 分跨越“优”至“良”等次" in v.withheld
    lower = fw.model_copy(update={"verdict": fw.verdict.model_copy(update={"grade_on": "lower_bound"})})
    v = _verdict(lower, [], 85.5, cov, bands, 2, None)
    assert v.grade == "良" and "可能总分下限 85.5 分定级" in v.basis and v.total_on_100 is None


@pytest.mark.parametrize("level,option,weight,expected", [
    ("achieved", "national", 10, (8, 10)), ("partly", "national", 10, (6, 7.99)), ("not", "national", 10, (0, 5.99)),
    ("partly", "provincial", 10, (5, 7.99)), ("not", "provincial", 10, (0, 4.99)), ("partly", "national", 7.5, (4.5, 5.99)),
])
def test_qualitative_bands_national_and_provincial(level, option, weight, expected):
    bands = load_framework("self_assessment_b").reading("qualitative_bands").options[option].bands
    assert band_range(bands[level], weight, 2) == expected


def test_a_claim_at_the_top_of_a_band_that_excludes_it_is_generous():
    """部分达成 is [60%, 80%): 8 of 10 belongs to 达成, as the deployed systems' “实际得分区间” check says."""
    assert NATIONAL_QUALITATIVE["partly"] == QualitativeBand(min=0.6, max=0.8, max_open=True)
    findings = [f for f in evaluate_file(YUNXI).findings if f.indicator == "work_atmosphere"]
    assert [f.check for f in findings] == ["claimed_above_band"]
    assert "6–7.99 分" in findings[0].message and "自评仍给8 分" in findings[0].message


def test_sensitivity_lists_every_option_of_every_reading_used():
    result = evaluate_file(YUNXI)
    by = {(s.interpretation, s.option): s for s in result.sensitivity}
    assert by[("lower_is_better", "ratio")].chosen and by[("lower_is_better", "ratio")].total == 96.96
    linear = by[("lower_is_better", "linear")]
    # (1 − 41.18/150)·3 + (1 − 11.94/100)·3 + (1 − 25.73/187.9)·3 = 2.18 + 2.64 + 2.59 instead of 2.35 + 2.68 + 2.64
    assert (linear.total, linear.grade) == (96.7, "优")
    assert {s.interpretation for s in result.sensitivity} == {r.key for r in result.readings if r.used}
    assert all(s.grade == "优" for s in result.sensitivity)  # the grade holds under every reading


def test_sensitivity_of_a_withheld_grade_moves_only_the_range():
    result = evaluate_file(CHANGSHA)
    adjusted = next(s for s in result.sensitivity if s.option == "adjusted")
    assert adjusted.grade is None and adjusted.total == 13.0  # 100% on the adjusted budget: 2 of 2 → 3 of 6


def test_score_json_is_the_unit_result_contract(capsys):
    assert main(["score", "--json", str(LIUYANG)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["grade"] is None and data["grade_withheld_reason"].startswith("可评分值不足")
    assert data["total_range"] == [4.0, 100.0]  # 8 earned, 4 of them in a row an unassessed veto item can zero
    assert data["total_on_100"] is None and data["assessed_rate"] == 100.0  # 8 of 8 is 已评指标得分率, never 100 分
    assert data["coverage"] == {"applicable": 100.0, "assessed": 8.0, "verified": 0.0, "self_reported": 8.0,
                                "not_assessed": 92.0, "not_applicable": 0.0}
    assert data["claimed"]["total"] == 96 and data["claimed"]["status"] == "unverifiable"
    assert {"interpretation", "option", "total", "grade"} <= set(data["sensitivity"][0])
    indicator = next(i for i in data["indicators"] if i["id"] == "procurement")
    assert indicator["name"] == "政府采购执行率和规范性" and indicator["weight"] == 2
    assert {"check", "severity", "message", "consequences"} <= set(data["findings"][0])


def test_a_verified_judgement_counts_as_verified_coverage(unit_copy):
    def alter(d):
        d["judgements"]["fund_compliance"]["no_diversion"] = {
            "cases": 0, "verified": {"document": "2022年会计凭证抽查记录", "date": "2023-05-10", "by": "张三"}}

    unit = load_unit(unit_copy(CHANGSHA, alter))
    assert unit.sheet.coverage.verified == pytest.approx(1.0)  # one of 资金使用合规性's six items
    assert any("已核实：2022年会计凭证抽查记录（张三，2023-05-10）" in n for n in unit.sheet.row("fund_compliance").parts[4].notes)


@pytest.mark.parametrize("option,total,grade", [
    ("national", 90, "优"), ("national", 89.99, "良"), ("national", 80, "良"), ("national", 79.99, "中"),
    ("national", 60, "中"), ("national", 59.99, "差"),
    ("provincial", 80, "优"), ("provincial", 79.99, "良"), ("provincial", 70, "良"), ("provincial", 69.99, "中"),
    ("provincial", 60, "中"), ("provincial", 59.99, "差"),
])
def test_grade_bands_national_and_provincial_at_their_boundaries(option, total, grade):
    from perfeval.core.engine import grade_of

    assert grade_of(total, load_framework("dept_overall_a").reading("grade_bands").options[option]) == grade


@pytest.mark.parametrize("reading,option,expected", [
    ("not_applicable", "rescale", (None, 98)),       # left out: 98 of the 100 points apply
    ("not_applicable", "full_marks", (2, 100)),      # scored its 2 points
])
def test_not_applicable_readings(unit_copy, reading, option, expected):
    def alter(d):
        d["not_applicable"] = {"carryover": "无县级资金结转规定"}
        d["not_assessed"].pop("carryover")
        d["interpretations"] = {reading: option}

    sheet = score_file(unit_copy(CHANGSHA, alter))
    assert (sheet.row("carryover").score, sheet.coverage.applicable) == expected


def test_a_row_stated_in_units_that_cannot_be_compared_is_not_labelled_unstated(unit_copy):
    """垃圾分类宣传活动 ≥3次 against an actual typed 3吃: stated, so not 资料未载明, but not scorable either."""
    def alter(d):
        row = next(r for r in d["indicators"] if r["id"] == "waste_sorting_events")
        row["actual"]["unit"] = "吃"

    result = evaluate_file(unit_copy(YUNXI, alter))
    row = next(r for r in result.indicators if r.id == "waste_sorting_events")
    assert row.status == "not_assessed" and row.score is None
    assert row.status_label == "未评（数据不可比）" and any("不可比较" in n for n in row.notes)
    others = [r.status_label for r in evaluate_file(YUNXI).indicators if r.status == "not_assessed"]
    assert "未评（数据不可比）" not in others


@pytest.mark.parametrize("named", ["satisfaction_service", "service_satisfaction"])
def test_not_assessed_on_a_unit_row_or_its_kind_leaves_the_row_unassessed(unit_copy, named):
    """Yunxi's 满意度 row (10 of 100 points) marked not assessed by the framework's kind or by the row's own id: it was
    accepted by validate and ignored, so the unit kept 9.8 points for it and its grade 优 on evidence the analyst
    said was missing. Now the row is 未评 with the analyst's reason, and its 10 points widen the range."""
    def alter(d):
        d["not_assessed"] = {**(d.get("not_assessed") or {}), named: "满意度调查资料未提供"}

    sheet = score_file(unit_copy(YUNXI, alter))
    row = sheet.row("service_satisfaction")
    assert (row.status, row.score, row.assessed_points) == ("not_assessed", None, 0.0)
    assert any("满意度调查资料未提供" in n for n in row.notes)
    full = score_file(YUNXI)
    assert sheet.coverage.not_assessed == pytest.approx(full.coverage.not_assessed + 10)


def test_not_applicable_on_a_unit_row_by_its_id(unit_copy):
    def alter(d):
        d["not_applicable"] = {"service_satisfaction": "本年度未开展满意度调查"}

    row = score_file(unit_copy(YUNXI, alter)).row("service_satisfaction")
    assert row.status == "not_applicable" and any("本年度未开展满意度调查" in n for n in row.notes)
