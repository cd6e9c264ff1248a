"""outputs/frameworks/<id>.html: a framework's own notes once, for every unit it scores, from the unit results."""
from __future__ import annotations

import pytest

from perfeval.outputs.framework_page import collect, framework_pages, page_href, page_name
from perfeval.result import evaluate_file

from conftest import CHANGSHA, LIUYANG, YUNXI


@pytest.fixture(scope="module")
def results():
    return [(evaluate_file(p), f"units/{p.stem}/{p.stem}.html") for p in (CHANGSHA, LIUYANG, YUNXI)]


def test_framework_a_notes_are_said_once_for_both_units(results):
    by_id = {fw.id: fw for fw in collect(results)}
    a = by_id["dept_overall_a"]
    assert [name for name, _ in a.units] == ["浏阳市机关后勤服务中心（2020年）", "长沙县机关事务中心（2022年）"]
    messages = [n.message for n in a.own]
    assert len(messages) == len(set(messages)) == len(results[0][0].framework_notes)
    assert "“预算执行率”分值 6 分，评分标准合计只有 4 分" in messages
    assert a.of_units == ()


def test_a_units_own_table_is_named_with_its_unit(results):
    b = {fw.id: fw for fw in collect(results)}["self_assessment_b"]
    assert [(n.message, who) for n, who in b.of_units] == [
        ("“效益指标”标注 30 分，单位填报各行分值合计 40 分", ("岳阳市云溪区机关事务服务中心（2023年）",))]
    assert all(n.code != "rows_vs_header" for n in b.own)


def test_pages_group_the_notes_and_link_each_report(results):
    pages = framework_pages(results)
    assert sorted(pages) == ["dept_overall_a.html", "self_assessment_b.html"]
    a = pages["dept_overall_a.html"]
    assert a.count("<h2>") == 4  # 分值与评分标准, 原表标注, 框架未作规定之处…, 使用本框架的单位
    assert "“社会公众或服务对象满意度”（8分）没有评分标准" in a
    assert 'href="../units/changsha_county_2022/changsha_county_2022.html"' in a
    assert 'href="../index.html"' in a and '<html lang="zh">' in a


def test_unit_text_is_escaped(results, unit_copy):
    evil = "<img src=x onerror=alert(1)>"

    def alter(d):
        d["unit"]["name"] = evil

    page = framework_pages([(evaluate_file(unit_copy(YUNXI, alter)), None)])["self_assessment_b.html"]
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize("fid, name", [("dept_overall_a", "dept_overall_a.html"), ("../x", None), ("con", None),
                                       ("A", None)])
def test_only_a_safe_id_names_a_page(fid, name):
    assert page_name(fid) == name
    assert page_href(fid, 2) == (None if name is None else f"../../frameworks/{name}")


def test_the_pages_do_not_depend_on_the_order_the_units_come_in(results):
    """A batch gives the units one at a time in id order and keeps none of them (NotesCollector): notes are listed as
    met going through the units by name, whatever order they came in, and each unit-table note names its units."""
    from perfeval.outputs.framework_page import NotesCollector

    b_notes = results[2][0].framework_notes
    odd = results[2][0].model_copy(update={"framework_notes": list(reversed(b_notes))})  # its notes in another order
    renamed = odd.model_copy(update={"unit": odd.unit.model_copy(update={"name": "三亚市机关事务服务中心"})})  # first by name
    given = [*results, (renamed, None)]
    collector = NotesCollector()
    for result, report in reversed(given):
        collector.add(result, report)
    assert framework_pages(collector) == framework_pages(given)
    b = {fw.id: fw for fw in collect(given)}["self_assessment_b"]
    assert [n.message for n in b.own] == [n.message for n in reversed(b_notes) if n.code != "rows_vs_header"]
    assert [who for _, who in b.of_units] == [("三亚市机关事务服务中心（2023年）", "岳阳市云溪区机关事务服务中心（2023年）")]
