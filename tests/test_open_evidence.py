"""Open evidence: anything a report states can be entered, checked and shown — stated figures with units and
qualifiers, relations between any two figures, declared identities, staff, assets, 楼堂馆所, projects, years, basis."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from perfeval import evaluate_file, load_unit, run_checks
from perfeval.cli import main
from perfeval.core.params import load_params, value_of
from perfeval.core.quantity import canonical_unit
from perfeval.fileio import read_yaml

from conftest import CHANGSHA, LIUYANG, YUNXI

TRUTH = Path(__file__).parent / "data" / "seed_truth" / "000.yaml"


def checks_of(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in run_checks(load_unit(path)):
        out.setdefault(f.check, []).append(f.message)
    return out


# --- Liuyang 2020, a narrative-only report, entered in full -------------------------------------------------

def _entered_values(params) -> list[tuple[Decimal, str, str]]:
    """(value, unit, qualifier) of every figure the params state, in whatever section it is."""
    out = []
    for section in ("staff", "budget", "outputs", "survey", "activity", "assets", "buildings"):
        for key, fig in getattr(params.figures, section).items():
            v = value_of(params, f"{section}.{key}")
            out.append((v.value, canonical_unit(v.unit), fig.qualifier.value))
    for line in params.figures.lines.values():
        for col in ("prev_budget", "prev_final", "budget", "final"):
            if getattr(line, col) is not None:
                out.append((getattr(line, col).value, "万元", "exact"))
    out += [(i.amount.value, "万元", "exact") for i in params.figures.project_items]
    out += [(s.value, canonical_unit(s.unit), s.qualifier.value) for s in params.stated]
    out += [(r.value, "%", r.qualifier.value) for r in params.claims.ratios]
    if params.claims.total is not None:
        out.append((params.claims.total, "分", "exact"))
    return [(Decimal(repr(float(v))), u, q) for v, u, q in out]


def _as_entered(fig: dict[str, Any]) -> tuple[Decimal, str, str]:
    """A ground-truth figure as params hold it: 146万公里 is 1,460,000 公里 in the catalogue, 25万余元 0.25… 万元 …"""
    return Decimal(fig["value"]), fig["unit"], fig["qualifier"]


def test_every_figure_liuyang_states_is_entered():
    """Seed 000's hand-written ground truth: each of its 57 figures is in the params, in its unit and qualifier."""
    truth = read_yaml(TRUTH)
    entered = _entered_values(load_params(LIUYANG))
    conversions = {("万公里", "公里"): Decimal(10000), ("元", "万元"): Decimal("0.0001")}
    missing = []
    for fig in truth["figures"]:
        value, unit, qualifier = _as_entered(fig)
        candidates = {(value, unit)} | {(value * k, b) for (a, b), k in conversions.items() if a == unit}
        if not any((v.normalize(), u, q) in {(c.normalize(), cu, qualifier) for c, cu in candidates}
                   or (v.normalize(), u) in {(c.normalize(), cu) for c, cu in candidates} and qualifier == "exact"
                   for v, u, q in entered):
            missing.append(f"{fig['id']} {fig['written']} ({fig['label']})")
    assert missing == []


def test_liuyang_relations_are_all_entered_and_hold():
    params = load_params(LIUYANG)
    truth = read_yaml(TRUTH)
    shares = [r for r in truth["rates"] if r["explained_by"] == "share"]
    assert len(params.claims.ratios) == len(shares) == 2
    repeated = sum(len(r["figures"]) - 1 for r in truth["repeated"])
    assert len(params.claims.statements) == repeated == 8
    assert len(params.claims.identities) >= 3
    found = checks_of(LIUYANG)
    for check in ("stated_ratio_mismatch", "figure_stated_twice", "declared_identity_broken"):
        assert check not in found  # the report is consistent in all of these
    # its inconsistencies are still found: 148.62 万元 of 项目支出 unexplained, 基本支出 over budget
    assert "listed_items_unexplained" in found and "final_above_budget" in found


def test_a_satisfaction_that_covers_only_part_of_the_work_is_not_scored_as_the_departments():
    row = load_unit(LIUYANG).sheet.row("satisfaction")
    assert row.status == "not_assessed" and row.value == 100
    assert any("仅涵盖维修等相关服务工作" in n and "不予评分" in n for n in row.notes)


# --- altered copies: each relation at the boundary of its qualifier or unit -----------------------------------

def with_changes(unit_copy, source: Path, **sections: Any) -> Path:
    """A sample unit with lists added to (stated=[...], claims__ratios=[...]) and mappings replaced."""
    def alter(d: dict[str, Any]) -> None:
        for key, value in sections.items():
            where, _, name = key.partition("__")
            parent = d.setdefault(where, {}) if name else d
            field = name or where
            if isinstance(value, list):
                parent[field] = list(parent.get(field) or []) + value
            else:
                parent[field] = value
    return unit_copy(source, alter)


@pytest.mark.parametrize("text,holds", [
    ("50%以上", True),     # 60.00%
    ("60%以上", True),
    ("61%以上", False),
    ("59.99%", False),     # 四舍五入 at two decimals: 60.00
    ("60%", True),
    ("约55%", True),       # about: ±10 % of 55
    ("不超过50%", False),
])
def test_a_stated_share_is_judged_with_its_qualifier_and_precision(unit_copy, text, holds):
    path = with_changes(unit_copy, LIUYANG,
                        stated=[{"id": "recipients", "label": "享受补贴人员", "text": "15人"},
                                {"id": "staff_all", "label": "全部干部职工", "text": "25人"}],
                        claims__ratios=[{"label": "享受补贴人员占比", "numerator": "recipients", "denominator": "staff_all",
                                         "text": text}])
    assert ("stated_ratio_mismatch" not in checks_of(path)) is holds


@pytest.mark.parametrize("first,second,contradicts", [
    ("800余人", "600余人", True),
    ("300多次", "300次", False),
    ("12次", "十二次", False),
    ("12次", "11场次", True),       # 次 and 场次 count the same thing
    ("2.6万余次", "26500次", False),
    ("2.6万余次", "28000次", True),
    ("1802万元", "18020000元", False),
    ("1802万元", "1800万元", True),
    ("2.6万次", "25600次", False),   # 2.6万 is written to the thousand: 25,500–26,500
    ("2.6万次", "26600次", True),
    ("14800万元", "1.5亿元", False),  # 1.5亿元 is written to the 0.1亿 (1,000万元), converted with its precision
    ("14400万元", "1.5亿元", True),
    ("1.5亿元", "14800万元", False),
])
def test_two_statements_of_one_figure_contradict_only_when_both_cannot_hold(unit_copy, first, second, contradicts):
    path = with_changes(unit_copy, LIUYANG, stated=[{"id": "x", "label": "某数", "text": first, "source": "甲处"}],
                        claims__statements=[{"figure": "x", "text": second, "source": "乙处",
                                             }])
    assert ("figure_stated_twice" in checks_of(path)) is contradicts


def test_a_statement_in_a_unit_that_cannot_compare_is_refused(unit_copy, capsys):
    path = with_changes(unit_copy, LIUYANG, stated=[{"id": "x", "label": "某数", "text": "12次"}],
                        claims__statements=[{"figure": "x", "value": 12, "unit": "人"}])
    assert main(["validate", str(path)]) == 1
    assert "claims.statements[8].unit: '人' cannot be compared with 次 (某数)" in capsys.readouterr().err


@pytest.mark.parametrize("target,expected", [
    ({"op": "<=", "value": 1.5, "unit": "亿元"}, 3.0),            # 191.18 万元 within 15000 万元
    ({"op": "<=", "value": 1500000, "unit": "元"}, 2.35),         # 150 万元: overrun, 3 × 150 / 191.18
    ({"op": "<=", "value": 150}, 2.35),                           # no unit: the actual's (万元)
])
def test_a_cost_target_in_another_unit_is_converted_before_it_is_compared(unit_copy, target, expected):
    def alter(d: dict[str, Any]) -> None:
        next(r for r in d["indicators"] if r.get("id") == "vehicle_platform_cost")["target"] = target

    row = load_unit(unit_copy(YUNXI, alter)).sheet.row("vehicle_platform_cost")
    assert row.score == expected
    if target.get("unit") not in (None, "万元"):
        assert any("换算为" in n for n in row.notes)


def test_a_target_and_actual_that_measure_different_things_are_not_compared(unit_copy):
    def alter(d: dict[str, Any]) -> None:
        next(r for r in d["indicators"] if r.get("id") == "vehicle_platform_cost")["target"] = \
            {"op": "<=", "value": 150, "unit": "辆"}

    row = load_unit(unit_copy(YUNXI, alter)).sheet.row("vehicle_platform_cost")
    assert row.score is None and any("不可比较" in n for n in row.notes)


@pytest.mark.parametrize("staff,broken", [
    ({"total": 30, "on_duty": 23, "retired": 6, "survivors": 1}, False),
    ({"total": 31, "on_duty": 23, "retired": 6, "survivors": 1}, True),    # 实有 ≠ 在职 + 退休 + 遗属
    ({"on_duty": 23, "on_duty_civil": 15, "on_duty_institution": 8}, False),
    ({"on_duty": 23, "on_duty_civil": 15, "on_duty_institution": 9}, True),  # 参公 + 事业 already 24 > 在职 23
    ({"on_duty": 23, "on_duty_admin": 0, "on_duty_civil": 15, "on_duty_institution": 7, "on_duty_other": 0}, True),
])
def test_staff_composition_is_checked(unit_copy, staff, broken):
    path = with_changes(unit_copy, LIUYANG, figures={**yaml.safe_load(LIUYANG.read_text(encoding="utf-8"))["figures"],
                                                     "staff": staff})
    found = checks_of(path)
    assert ("identity_broken" in found or "items_exceed_whole" in found) is broken


def test_assets_change_and_buildings_over_approval(unit_copy):
    figures = yaml.safe_load(LIUYANG.read_text(encoding="utf-8"))["figures"]
    figures["assets"] = {"total": 1840.5, "total_prev": 2000}
    figures["buildings"] = {"approved_area": 1200, "actual_area": 1260, "approved_investment": 800,
                            "actual_investment": 790}
    path = with_changes(unit_copy, LIUYANG, figures=figures, claims__ratios=[
        {"label": "资产总额较上年变动", "numerator": "assets.total", "denominator": "assets.total_prev", "kind": "change",
         "value": -7.8, "source": "资产总额较上年下降7.8%"}])
    found = checks_of(path)
    assert "stated_ratio_mismatch" in found  # (1840.5 − 2000) ÷ 2000 = −7.98%, not −7.8%
    assert [m for m in found["building_area_over_approval"] if "规模控制率 105%" in m]
    assert "building_investment_over_approval" not in found


def test_a_declared_identity_that_does_not_hold_is_a_finding(unit_copy):
    path = with_changes(unit_copy, LIUYANG, stated=[{"id": "a", "label": "实有人数", "text": "30人"},
                                                    {"id": "b", "label": "在职", "text": "23人"},
                                                    {"id": "c", "label": "退休", "text": "6人"}],
                        claims__identities=[{"whole": "a", "parts": ["b", "c"]}])
    assert [m for m in checks_of(path)["declared_identity_broken"] if "比它少 1人" in m]


def test_a_declared_identity_with_a_qualifier_is_read_as_a_range(unit_copy):
    path = with_changes(unit_copy, LIUYANG, stated=[{"id": "a", "label": "会务", "text": "790余场次"},
                                                    {"id": "b", "label": "重要会议", "text": "150场次"},
                                                    {"id": "c", "label": "其他会议", "text": "642场次"}],
                        claims__identities=[{"whole": "a", "parts": ["b", "c"]}])
    assert "declared_identity_broken" not in checks_of(path)  # 792 lies in (790, 800)


# --- projects (附件2-4) and years ----------------------------------------------------------------------------

def test_changsha_projects_are_in_the_result():
    result = evaluate_file(CHANGSHA)
    assert len(result.projects) == 16 and min(p.score for p in result.projects) == 90
    (summary,) = [f for f in result.findings if f.check == "projects_evaluated"]
    assert "平均 95.96 分" in summary.message


@pytest.mark.parametrize("project,check", [
    ({"name": "甲项目", "score": 98, "budget": 100, "executed": 60}, "project_score_above_execution"),  # at most 96
    ({"name": "乙项目", "score": 96, "budget": 100, "executed": 60}, None),
    ({"name": "丙项目", "score": 88, "grade": "优"}, "project_grade_inconsistent"),
])
def test_a_project_score_its_execution_or_grade_does_not_support(unit_copy, project, check):
    found = checks_of(with_changes(unit_copy, CHANGSHA, projects=[project]))
    flagged = {"project_score_above_execution", "project_grade_inconsistent"} & set(found)
    assert flagged == ({check} if check else set())


def test_a_large_swing_on_last_year_is_flagged_once(unit_copy):
    found = checks_of(CHANGSHA)["large_change_on_last_year"]
    assert len(found) == 2 and not any("“三公”经费" in m for m in found)  # 三公's change is its own indicator


# --- validation in one pass ----------------------------------------------------------------------------------

FIVE_MISTAKES = """\
unit: {id: five, name: 某中心, region: 某县, year: 2021, framework: dept_overall_a}
figures:
  staff: {authorized: 51, on_duty: {value: 47, unit: 万元}}
  lines:
    sangong: {budget: 约300, final: 120}
stated:
  - {id: recipients, label: 补贴人数, value: 30, unit: 人, qualifier: 若干}
judgements:
  fund_compliance: {no_diversoin: 0}
claims:
  ratios:
    - {label: 受补贴人员占比, numerator: recipient, denominator: staff.on_duty, value: 64}
interpretations: {per_point_fraction: sometimes}
"""


def test_a_params_file_with_five_mistakes_reports_them_all_in_one_run(tmp_path, capsys):
    path = tmp_path / "five.yaml"
    path.write_text(FIVE_MISTAKES, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    for field, words in [
        ("figures.lines.sangong.budget", 'expected a number, found "约300"'),
        ("figures.staff.on_duty.unit", "'万元' cannot be converted to '人'"),
        ("stated[0].qualifier", "unknown qualifier '若干'"),
        ("claims.ratios[0].numerator", "did you mean 'recipients'?"),
        ("judgements.fund_compliance.no_diversoin", "did you mean 'no_diversion'?"),
        ("interpretations.per_point_fraction", "expected one of proportional, started_points, whole_points"),
    ]:
        assert f"{field}: " in err and words in err, (field, err)
    assert "6 problem(s)" in err and "Traceback" not in err


def test_a_stated_text_and_a_value_that_disagree_are_an_error(tmp_path, capsys):
    path = tmp_path / "x.yaml"
    path.write_text("unit: {id: x, name: 某, region: 某, year: 2021, framework: dept_overall_a}\n"
                    "stated: [{id: a, label: 出车, text: 11597次, value: 11579}]\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "value 11579 is not what text \"11597次\" says (11597)" in capsys.readouterr().err
    path.write_text("unit: {id: x, name: 某, region: 某, year: 2021, framework: dept_overall_a}\n"
                    "stated: [{id: a, label: 某数, text: 1.5亿元, unit: 元}]\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "unit \"元\" is not what text \"1.5亿元\" says (亿元)" in capsys.readouterr().err
