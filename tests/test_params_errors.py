"""Bad params files: exit code 1, a message naming the file and the field, never a traceback."""
from __future__ import annotations

import subprocess
import sys

import pytest

from perfeval.cli import main
from perfeval.core.params import load_params
from perfeval.errors import ParamsError

from conftest import CHANGSHA, LIUYANG, YUNXI


def run_cli(*args: str) -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-m", "perfeval", *args], capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout + proc.stderr


def set_in(path: str, value):
    def alter(d):
        keys = path.split(".")
        node = d
        for k in keys[:-1]:
            node = node[int(k)] if isinstance(node, list) else node.setdefault(k, {})
        node[keys[-1]] = value
    return alter


def drop(path: str):
    def alter(d):
        keys = path.split(".")
        node = d
        for k in keys[:-1]:
            node = node[k]
        del node[keys[-1]]
    return alter


BAD = [
    # (what, source, alteration, field named, words in the message)
    ("missing field", CHANGSHA, drop("unit.year"), "unit.year", "required"),
    ("text where a number belongs", CHANGSHA, set_in("figures.lines.sangong.final", "约300"),
     "figures.lines.sangong.final", '"约300"'),
    ("text inside a figure", CHANGSHA, set_in("figures.staff.on_duty", {"value": "47人"}),
     "figures.staff.on_duty.value", "expected a number"),
    ("negative money", CHANGSHA, set_in("figures.lines.procurement.final", -439.27),
     "figures.lines.procurement.final", "at least 0"),
    ("zero denominator", CHANGSHA, set_in("figures.staff.authorized", 0), "figures.staff.authorized", "denominator"),
    ("unknown framework", CHANGSHA, set_in("unit.framework", "no_such_framework"), "unit.framework",
     "unknown framework"),
    ("unknown indicator in judgements", CHANGSHA, set_in("judgements.no_such_indicator", {"x": True}),
     "judgements.no_such_indicator", "no indicator"),
    ("unknown checklist item", CHANGSHA, set_in("judgements.fund_compliance.bogus", True),
     "judgements.fund_compliance.bogus", "no checklist item"),
    ("unknown claimed score", CHANGSHA, set_in("claims.scores", {"bogus": 3}), "claims.scores.bogus", "no indicator"),
    ("unknown line", CHANGSHA, set_in("figures.lines.bogus_line", {"final": 1}), "figures.lines", "unknown line"),
    ("misspelt key of a section", CHANGSHA, set_in("figures.staff.authorised", 51), "figures.staff.authorised",
     "unknown field; did you mean 'authorized'?"),
    ("unknown key of a section", CHANGSHA, set_in("figures.staff.headcount", 51), "figures.staff.headcount",
     "unknown field: expected one of 'authorized'"),
    ("section at the wrong level", CHANGSHA, set_in("staff", {"authorized": 51}), "staff",
     "it belongs at figures.staff"),
    ("misspelt value", CHANGSHA, set_in("unit.document_kind", "项目支出自评"), "unit.document_kind",
     "did you mean '项目支出绩效自评'?"),
    ("unknown interpretation", CHANGSHA, set_in("interpretations", {"bogus": "x"}), "interpretations.bogus",
     "has no such reading"),
    ("misspelt interpretation", CHANGSHA, set_in("interpretations", {"per_piont_fraction": "started_points"}),
     "interpretations.per_piont_fraction", "did you mean 'per_point_fraction'?"),
    ("bad interpretation option", CHANGSHA, set_in("interpretations", {"per_point_fraction": "sometimes"}),
     "interpretations.per_point_fraction", "expected one of"),
    ("row level2 unknown", YUNXI, set_in("indicators.0.level2", "质量"), "indicators[0].level2", "matches no"),
    ("NaN", CHANGSHA, set_in("figures.staff.on_duty", float("nan")), "figures.staff.on_duty", "finite"),
    ("exponent read as text by YAML", CHANGSHA, set_in("figures.lines.procurement.final", "1e-7"),
     "figures.lines.procurement.final", "write the number out"),
    ("exponent inside a figure", CHANGSHA, set_in("figures.staff.on_duty", {"value": "4.7e1"}),
     "figures.staff.on_duty.value", "write the number out"),
    ("a figure finer than any document states", CHANGSHA, set_in("figures.lines.procurement.final", 1e-300),
     "figures.lines.procurement.final.value", "at least 0.000001"),
    ("boolean as number", CHANGSHA, set_in("figures.staff.on_duty", True), "figures.staff.on_duty", "number"),
    ("unsafe unit id", CHANGSHA, set_in("unit.id", "../../etc"), "unit.id", "lower-case"),
    ("reserved unit id", CHANGSHA, set_in("unit.id", "con"), "unit.id", "reserved"),
    ("absolute unit id", CHANGSHA, set_in("unit.id", "/tmp/x"), "unit.id", "lower-case"),
    ("budget code as a number", YUNXI, set_in("unit.budget_code", 132001), "unit.budget_code", "as text"),
    ("score above item points", CHANGSHA, set_in("judgements.management_systems.internal_control", {"score": 5}),
     "judgements.management_systems.internal_control", "more than"),
    ("two judgement kinds", CHANGSHA, set_in("judgements.fund_compliance.approvals", {"met": True, "cases": 1}),
     "judgements.fund_compliance.approvals", "exactly one"),
]


@pytest.mark.parametrize("what,source,alter,field,words", BAD, ids=[b[0] for b in BAD])
def test_bad_params_name_file_and_field(unit_copy, capsys, what, source, alter, field, words):
    path = unit_copy(source, alter)
    code = main(["validate", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert str(path) in err
    assert f"{field}:" in err
    assert words in err
    assert "Traceback" not in err


def test_malformed_yaml_names_line(tmp_path, capsys):
    path = tmp_path / "broken.yaml"
    path.write_text("unit:\n  id: x\n  name: [unclosed\n", encoding="utf-8")
    assert main(["score", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "line" in err and "not valid YAML" in err


def test_missing_file(tmp_path, capsys):
    assert main(["score", str(tmp_path / "nope.yaml")]) == 1
    assert "file not found" in capsys.readouterr().err


def test_top_level_not_a_mapping(tmp_path, capsys):
    path = tmp_path / "list.yaml"
    path.write_text("- 1\n- 2\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "top level" in capsys.readouterr().err


def test_every_problem_is_reported_at_once(unit_copy, capsys):
    def alter(d):
        d["figures"]["staff"]["on_duty"] = "many"
        d["figures"]["lines"]["procurement"]["final"] = -1
        del d["unit"]["region"]

    path = unit_copy(CHANGSHA, alter)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "3 problem(s)" in err
    for field in ("figures.staff.on_duty", "figures.lines.procurement.final", "unit.region"):
        assert field in err


def test_validate_reports_each_file_and_exits_1_if_any_is_bad(unit_copy, capsys):
    good = unit_copy(CHANGSHA, None, "good.yaml")
    bad = unit_copy(CHANGSHA, drop("unit.name"), "bad.yaml")
    assert main(["validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "ok" in captured.out and str(good) in captured.out
    assert "1 valid, 1 invalid" in captured.err


def test_through_the_real_command_there_is_no_traceback(unit_copy):
    path = unit_copy(CHANGSHA, set_in("figures.staff.authorized", 0))
    code, out = run_cli("score", "--json", str(path))
    assert code == 1
    assert "figures.staff.authorized" in out and "Traceback" not in out


def test_sample_units_validate():
    code, out = run_cli("validate")
    assert code == 0, out
    assert "3 valid, 0 invalid" in out


def test_score_table_does_not_pass_terminal_escapes(unit_copy, capsys):
    path = unit_copy(CHANGSHA, set_in("unit.name", "长沙\x1b]0;pwned\x07\x1b[2J县"))
    assert main(["score", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "长沙\ufffd]0;pwned\ufffd\ufffd[2J县" in out


def test_a_misspelt_key_is_named_with_the_field_its_record_has(tmp_path, capsys):
    """Typos at every depth, each answered from its own record (budgt → budget under figures, sorce → source
    under a figure, unti → unit in a stated figure); a key nothing resembles gets no guess."""
    path = tmp_path / "typos.yaml"
    path.write_text("unit: {id: t1, name: 某单位, region: 某县, year: 2023, framework: dept_overall_a, budgt_code: '001'}\n"
                    "figures:\n  budgt: {start: {value: 100}}\n  staff: {on_duty: {value: 10, sorce: 附件}}\n"
                    "claims: {totl: 96, zzzz: 1}\nstated:\n  - {id: a, label: 某数, value: 3, unti: 次}\n",
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    for field, near in (("unit.budgt_code", "budget_code"), ("figures.budgt", "budget"),
                        ("figures.staff.on_duty.sorce", "source"), ("claims.totl", "total"), ("stated[0].unti", "unit")):
        assert f"{field}: unknown field; did you mean '{near}'?" in err
    assert "claims.zzzz: unknown field\n" in err + "\n"


def test_a_refused_number_is_quoted_with_every_digit(unit_copy, capsys):
    """-1234567.25 was quoted as -1.23457e+06 (six significant digits): the analyst could not find it in the file."""
    def alter(d):
        d["figures"]["lines"]["sangong"]["final"] = -1234567.25

    assert main(["validate", str(unit_copy(CHANGSHA, alter))]) == 1
    err = capsys.readouterr().err
    assert "found -1234567.25" in err and "e+06" not in err


def test_a_full_width_digit_is_named_as_such_not_as_an_exponent_form(unit_copy):
    """3404.6８ typed by hand (the last digit full-width) was told "YAML reads this exponent form as text", which sends
    the analyst looking for an e that is not there (found by trying a broken params file as a user would)."""
    def alter(d):
        d["figures"]["lines"]["project"]["final"]["value"] = "3404.6８"

    with pytest.raises(ParamsError) as err:
        load_params(unit_copy(LIUYANG, alter))
    text = str(err.value)
    assert "figures.lines.project.final.value" in text and "full-width or non-ASCII digit" in text
    assert "exponent" not in text


@pytest.mark.parametrize("record, field, why", [
    ("{value: 10, at: -3, source: 一 总支出10万元}", "final.at", "(it counts characters into its source)"),
    ("{value: 10.00, places: -1}", "final.places", "(it counts the decimals written)"),
    ("{value: -10, source: 一}", "final.value", "(money and counts cannot be negative)"),
])
def test_a_negative_where_none_may_be_says_why_for_that_field(tmp_path, record, field, why):
    """Trial 4's U26: `at: -3` (an offset into the source) was refused "(money and counts cannot be negative)"."""
    path = tmp_path / "u.yaml"
    path.write_text("unit: {id: qx, name: 青溪县档案馆, region: 青溪县, year: 2023, framework: dept_overall_a}\n"
                    f"figures: {{lines: {{total: {{final: {record}}}}}}}\n", encoding="utf-8")
    with pytest.raises(ParamsError) as caught:
        load_params(path)
    [(where, problem)] = [(p.field, p.problem) for p in caught.value.problems]
    assert where.endswith(field) and problem.endswith(why), (where, problem)
