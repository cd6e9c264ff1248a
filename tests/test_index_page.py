"""The index for hundreds of units: every column declares how it sorts and filters; the inline script sorts,
filters and searches in Chromium, keeps blanks last, and shows unit text only as text.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from perfeval.outputs.batch.status import FAILED, OK, UnitRun
from perfeval.outputs.index_page import COLUMNS, index_html
from perfeval.result import evaluate_file

from conftest import CHANGSHA, LIUYANG, YUNXI
from test_browser_report import CHROMIUM, DevTools

HOSTILE = '<img src=x onerror=alert(1)>"\'</td>'


def published(uid: str, result):
    return UnitRun(uid, f"/p/{uid}.yaml", OK, report=f"units/{uid}/{uid}.html", result=f"units/{uid}/{uid}.json"), result


@pytest.fixture(scope="module")
def entries() -> list:
    """The samples (Yunxi graded 优; Changsha and Liuyang without a grade), a graded copy with a hostile name,
    a unit that failed, and one drafted from its report."""
    yunxi = evaluate_file(YUNXI)
    hostile = yunxi.model_copy(update={"unit": yunxi.unit.model_copy(update={"name": HOSTILE, "year": 2021}),
                                       "total_on_100": 80.0, "grade": "良"})
    return [published("a_changsha", evaluate_file(CHANGSHA)), published("b_yunxi", yunxi),
            published("c_liuyang", evaluate_file(LIUYANG)), published("d_hostile", hostile),
            (UnitRun("e_broken", "/p/e_broken.yaml", FAILED, reason="ParamsError: <b>bad</b>",
                     notebook="units/e/e.ipynb"), None),
            (UnitRun("f_drafted", "/out/drafts/f_drafted.yaml", OK, report="units/f/f.html", result="units/f/f.json",
                     drafted_from="/reports/f.docx"), yunxi)]  # listed apart, in a table of its own


def test_every_column_that_sorts_has_a_key_and_the_page_carries_them(entries):
    page = index_html(entries)
    for c in COLUMNS:
        assert (c.sort is None) == (c.key is None), c.header
        assert c.header in page
    assert page.count('data-sort="number"') == 2 * sum(c.sort == "number" for c in COLUMNS)  # two tables
    assert f'data-sort="{entries[1][1].total_on_100}"' in page  # Yunxi's total, the key its verdict sorts by
    assert 'data-filter="不予定级"' in page and 'data-filter="失败"' in page
    assert page.count('<table class="units"') == 2 and 'href="drafts/f_drafted.review.html"' in page
    assert HOSTILE not in page and "&lt;img src=x onerror=alert(1)&gt;&quot;&#x27;&lt;/td&gt;" in page
    assert "<b>bad</b>" not in page


@pytest.fixture(scope="module")
def browser_page(entries, tmp_path_factory) -> Path:
    assert CHROMIUM is not None, "Debian chromium is not installed: run `make browser` (root) first"
    path = tmp_path_factory.mktemp("index") / "index.html"
    path.write_text(index_html(entries, [("各单位对比", "portfolio.html")]), encoding="utf-8")
    return path


def run_in_page(page: Path, profile: Path, steps: list[str]) -> list:
    """Load the page offline, then evaluate each JavaScript expression in turn; their JSON values."""
    browser = DevTools(profile)
    out = []
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime"):
            browser.call(f"{domain}.enable", session=s)
        browser.call("Page.addScriptToEvaluateOnNewDocument", {"source": "window.alert = () => { window.__alerted = 1; };"},
                     session=s)
        browser.call("Page.navigate", {"url": page.as_uri()}, session=s)
        browser.wait_for("Page.loadEventFired")
        for step in steps:
            result = browser.call("Runtime.evaluate", {"expression": f"JSON.stringify({step})", "returnByValue": True},
                                  session=s)
            assert "exceptionDetails" not in result, result
            out.append(json.loads(result["result"]["value"]))
    finally:
        browser.close()
    errors = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    assert errors == []
    return out


VISIBLE = ("[...document.querySelectorAll('#units tbody tr')].filter(r => !r.hidden)"
           ".map(r => r.dataset.unit)")
COUNT = "document.querySelector('.count').textContent"  # the first table's (the units not drafted)


def click_sort(header: str) -> str:
    return (f"(() => {{ [...document.querySelectorAll('#units th')].find(th => th.dataset.label === {json.dumps(header)})"
            ".querySelector('button').click(); return true; })()")


def choose(header: str, value: str) -> str:
    return (f"(() => {{ const label = [...document.querySelector('.controls').querySelectorAll('label')]"
            f".find(l => l.textContent.startsWith({json.dumps(header)})); const s = label.querySelector('select');"
            f" s.value = {json.dumps(value)}; s.dispatchEvent(new Event('change')); return s.value; }})()")


def search(text: str) -> str:
    return (f"(() => {{ const i = document.querySelector('.controls input'); i.value = {json.dumps(text)};"
            " i.dispatchEvent(new Event('input')); return true; })()")


def test_sorting_filtering_and_searching_in_the_browser(browser_page, entries, tmp_path):
    got = run_in_page(browser_page, tmp_path / "profile", [
        COUNT, VISIBLE,
        click_sort("重算总分 · 等次"), VISIBLE,  # ascending; no total (no grade given, failed) last
        click_sort("重算总分 · 等次"), VISIBLE,  # descending; blanks still last
        "[...document.querySelectorAll('#units th')].map(th => th.getAttribute('aria-sort'))",
        choose("重算总分 · 等次", "良"), VISIBLE, COUNT,
        choose("重算总分 · 等次", "不予定级"), VISIBLE,
        choose("重算总分 · 等次", ""), choose("状态", "失败"), VISIBLE,
        choose("状态", ""), search("浏阳"), VISIBLE, COUNT,
        search(HOSTILE[:12]), VISIBLE,
        "[...document.querySelector('.controls').querySelectorAll('select')].map(s => s.options.length)",
        "document.querySelectorAll('img').length + (window.__alerted || 0)",
        "[...document.querySelectorAll('.count')].map(c => c.textContent)",
    ])
    assert got[0] == "显示 5 / 5 个单位"
    assert got[1] == ["a_changsha", "b_yunxi", "c_liuyang", "d_hostile", "e_broken"]
    assert got[3] == ["d_hostile", "b_yunxi", "a_changsha", "c_liuyang", "e_broken"]
    assert got[5] == ["b_yunxi", "d_hostile", "a_changsha", "c_liuyang", "e_broken"]
    assert got[6][1] == "descending" and got[6].count(None) == len(COLUMNS) - 1
    assert got[8] == ["d_hostile"] and got[9] == "显示 1 / 5 个单位"
    assert got[11] == ["a_changsha", "c_liuyang"]  # Changsha and Liuyang have too few points for a grade
    assert got[14] == ["e_broken"]
    assert got[17] == ["c_liuyang"] and got[18] == "显示 1 / 5 个单位"
    assert got[20] == ["d_hostile"]  # the hostile name is found as the text it is
    # one drop-down per filterable column, offering 全部 and each value its cells carry, as Python wrote them
    assert got[21] == [1 + len({c.filter(e) for e in entries[:5]}) for c in COLUMNS if c.filter]
    assert got[22] == 0  # no image element and no alert came out of any unit text
    assert got[23] == ["显示 1 / 5 个单位", "显示 1 / 1 个单位"]  # the drafted unit's table has controls of its own


def test_a_draft_its_confirmed_params_ran_in_place_of_is_not_run_not_failed(entries):
    """A report whose confirmed params ran in its place was listed 失败 (and counted among the failures): nothing
    failed. It is 未运行, with the reason, apart from the failures in the count and summary.csv."""
    from perfeval.outputs.batch.status import NOT_RUN
    from perfeval.outputs.index_page import summary_csv

    superseded = (UnitRun("g_draft", "/out/drafts/g_draft.yaml", NOT_RUN, drafted_from="/reports/g.docx",
                          reason="报告 g.docx 已有核对过的参数文件 g_2023.yaml：本批次运行了那个文件，本草稿未运行"), None)
    page = index_html([*entries, superseded])
    # said of every file not run (another format of its report, a copy, or confirmed params ran in its place: trial 7
    # X13 read "已由核对过的参数文件代替" over the same report in another format)
    assert "共 7 个单位：已生成报告 5 个，失败 1 个，未运行 1 个（另一文件已代它运行，或未作为报告读取；原因见各行）" in page
    row = next(r for r in page.split("<tr") if "data-unit='g_draft'" in r)
    assert "未运行" in row and "失败" not in row and "class='failed'" not in row and "本草稿未运行" in row
    line = next(x for x in summary_csv([*entries, superseded]).splitlines() if "g_draft" in x)
    assert "未运行" in line and "失败" not in line
