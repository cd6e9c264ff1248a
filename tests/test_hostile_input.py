"""Hostile params: every text a unit writes holds <script> and =HYPERLINK(...); nothing of it runs anywhere.

The three sample units are rewritten so that every string that is not an identifier or a choice holds
both payloads (some also an <img onerror> that breaks out of an attribute), then run end to end:
`perfeval run` (reports, index, summary.csv, portfolio page, summary workbook), `perfeval excel export`
and `import`. HTML is parsed, workbooks opened with openpyxl, CSV read as a spreadsheet would, and the
reports loaded in headless Chromium with every dialog recorded.
"""
from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfeval import load_params
from perfeval.outputs.batch.jobs import unit_id_of
from perfeval.errors import ParamsError, WorkbookError
from perfeval.intake.excel.reader import import_workbook
from perfeval.intake.excel.layout import UNIT
from perfeval.core.params import RESERVED_NAMES, UNIT_ID
from perfeval.outputs.index_page import INDEX_DIR

from conftest import CHANGSHA, LIUYANG, YUNXI, leaves, set_at

pytestmark = pytest.mark.slow  # runs every output of the three samples end to end

SCRIPT = "<script>alert(1)</script>"
OWN_SCRIPTS = {"index.html": (INDEX_DIR / "index.js").read_text(encoding="utf-8")}  # the only script any page has
FORMULA = '=HYPERLINK("http://x")'
BREAKOUT = '"><img src=x onerror=alert(2)>'
PAYLOADS = (SCRIPT + FORMULA, FORMULA + SCRIPT, FORMULA + BREAKOUT + SCRIPT)
# Strings the schema checks against a fixed list (ids, paths into the figures, choices): not free text.
NOT_TEXT = {"id", "framework", "figure", "measure", "field", "op", "of", "grade", "achievement", "numerator",
            "denominator", "level2", "basis", "qualifier", "kind", "relation", "whole", "parts",
            "text"}  # a stated phrase (2500余次) is read as a quantity; its label and source are the free text
QUANTITY_UNIT = "=次"  # a row's unit of measure: short, no digits (the Excel cell reads "≥12=次"), formula-like
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def hostile(node, key=None, counter=None):
    """The same data with every free-text string replaced by a payload (in turn)."""
    counter = counter if counter is not None else [0]
    if isinstance(node, dict):
        return {k: hostile(v, k, counter) for k, v in node.items()}
    if isinstance(node, list):
        return [hostile(v, key, counter) for v in node]
    if isinstance(node, str) and key == "unit":
        return QUANTITY_UNIT
    if isinstance(node, str) and key not in NOT_TEXT:
        counter[0] += 1
        return PAYLOADS[counter[0] % len(PAYLOADS)]
    return node






def _strings(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v, key)
    elif isinstance(node, str):
        yield key, node


def perfeval(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "perfeval", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=900)


@pytest.fixture(scope="module")
def units(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("hostile_units")
    paths = []
    for source in (CHANGSHA, YUNXI, LIUYANG):
        data = hostile(yaml.safe_load(source.read_text(encoding="utf-8")))
        data["unit"]["id"] = f"hostile_{source.stem}"
        path = folder / f"hostile_{source.stem}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def outputs(units, tmp_path_factory) -> Path:
    """One batch over the hostile units, with the portfolio page and the summary workbook."""
    out = tmp_path_factory.mktemp("hostile_run") / "outputs"
    run = perfeval("run", *map(str, units), "-o", str(out), "-j", "2", "-q", cwd=out.parent)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="module")
def exported(units, tmp_path_factory) -> list[Path]:
    """Each hostile unit as a filled intake workbook (export refuses to write unless it reads back the same)."""
    folder = tmp_path_factory.mktemp("hostile_xlsx")
    out = []
    for unit in units:
        target = folder / f"{unit.stem}.xlsx"
        run = perfeval("excel", "export", str(unit), "-o", str(target), cwd=folder)
        assert run.returncode == 0, run.stderr
        out.append(target)
    return out


def test_every_free_text_field_holds_both_payloads(units):
    for path in units:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = [v for k, v in _strings(data) if k not in NOT_TEXT and k != "unit"]
        assert len(texts) > 40 and all(SCRIPT in t and FORMULA in t for t in texts)
        params = load_params(path)  # hostile text is valid text: the unit is scored, not refused
        assert SCRIPT in params.unit.name and FORMULA in params.unit.name


class Page(HTMLParser):
    """What a browser would make of a page: script elements, event-handler attributes, links, images, text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self.handlers: list[tuple[str, str]] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.handlers += [(tag, k) for k in attrs if k.lower().startswith("on")]
        self.urls += [attrs[k] or "" for k in ("href", "src", "action", "formaction") if k in attrs]
        if tag == "script":
            self.scripts.append((attrs, ""))
        if tag not in ("img", "br", "meta", "link", "input", "hr"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_data(self, data):
        if self.open and self.open[-1] == "script":
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_no_html_output_carries_a_script_or_handler_from_a_unit(outputs):
    pages = [outputs / "index.html", outputs / "portfolio.html", *sorted((outputs / "units").glob("*/*.html")),
             *sorted((outputs / "frameworks").glob("*.html"))]
    assert len(pages) == 7 and all(p.exists() for p in pages)  # and a page for each of the two frameworks
    for path in pages:
        page = parse(path)
        # a unit's <script> would show up as a script element that is empty (its code pushed out as text,
        # as Markdown rendering does) or that calls alert; the reports have none at all, the index only its own
        assert not [s for s in page.scripts if "alert" in s[1] or not (s[1].strip() or s[0].get("src"))], path
        assert [s[1].strip() for s in page.scripts] == ([OWN_SCRIPTS[path.name].strip()] if path.name in OWN_SCRIPTS
                                                        else []), path
        assert page.handlers == [], path
        assert not [u for u in page.urls if u.strip().lower().startswith(("javascript:", "http:", "https:"))], path
        text = "".join(page.text)
        assert SCRIPT in text and FORMULA in text, path  # what the units wrote is shown as text, not dropped


@pytest.mark.parametrize("name, column", [("summary.csv", "单位名称"), ("summary_data.csv", "name")])
def test_summary_csv_has_no_field_a_spreadsheet_would_run(outputs, name, column):
    text = (outputs / name).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 4
    fields = [f for row in rows[1:] for f in row]
    runnable = [f for f in fields if f.startswith(FORMULA_START) and not re.fullmatch(r"-?\d+(\.\d+)?", f)]
    assert runnable == []
    names = [row[rows[0].index(column)] for row in rows[1:]]
    assert any(n.startswith("'=HYPERLINK") for n in names)  # the payload is there, defused by the quote


def _formulas(path: Path) -> list[tuple[str, str, str]]:
    wb = openpyxl.load_workbook(path)
    return [(ws.title, c.coordinate, str(c.value)) for ws in wb for row in ws.iter_rows() for c in row
            if c.data_type == "f"]


def _texts(path: Path) -> list[str]:
    wb = openpyxl.load_workbook(path)
    return [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def test_workbooks_hold_unit_text_as_text_never_as_a_formula(outputs, exported, units, tmp_path):
    summary = perfeval("excel", "summary", *map(str, units), "-o", str(tmp_path / "summary.xlsx"), cwd=tmp_path)
    assert summary.returncode == 0, summary.stderr
    for path in [outputs / "summary.xlsx", tmp_path / "summary.xlsx", *exported]:
        # the one formula any of them has is the template's own display of the unit name: a cell reference
        assert all(re.fullmatch(r"='[^']+'!\$?[A-Z]+\$?\d+", f) for _, _, f in _formulas(path)), path
        texts = _texts(path)
        assert any(t.startswith(FORMULA) for t in texts), path  # the payload is there, stored as text


def test_an_exported_hostile_workbook_imports_back_to_the_same_unit(exported, units, tmp_path):
    for workbook, unit in zip(exported, units):
        target = import_workbook(workbook, tmp_path / f"{unit.stem}.yaml").path
        assert load_params(target) == load_params(unit)


@pytest.mark.parametrize("unit_id", ["../evil", "/etc/evil", "a/b", "con", "nul.txt", "LPT1", ".hidden", "a\\b"])
def test_an_id_that_would_steer_output_paths_is_refused_in_params_and_workbooks(unit_id, units, exported,
                                                                                 tmp_path):
    data = yaml.safe_load(units[0].read_text(encoding="utf-8"))
    data["unit"]["id"] = unit_id
    path = tmp_path / "unit.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ParamsError, match="unit.id"):
        load_params(path)
    wb = openpyxl.load_workbook(exported[0])
    cell = next(c for row in wb[UNIT].iter_rows() for c in row if c.value == "hostile_changsha_county_2022")
    cell.value = unit_id
    book = tmp_path / "unit.xlsx"
    wb.save(book)
    with pytest.raises(WorkbookError):
        import_workbook(book)
    # the default target is beside the workbook: nothing was written there, nor where the id would steer it
    assert {p.name for p in tmp_path.rglob("*")} == {"unit.yaml", "unit.xlsx"}
    assert not (tmp_path.parent / "evil.yaml").exists()


@pytest.mark.parametrize("stem", ["CON", "nul", "com1", "..", "-rf", "a b", "单位", "x" * 200, "_runs"])
def test_a_file_that_does_not_load_gets_a_safe_output_id_from_its_name(stem, tmp_path):
    path = tmp_path / f"{stem}.yaml"
    path.write_text("unit: [not, a, unit]\n", encoding="utf-8")
    uid = unit_id_of(path)
    assert UNIT_ID.match(uid) or re.fullmatch(r"unit-[\w-]{1,70}", uid), uid
    assert uid.split(".")[0] not in RESERVED_NAMES and "/" not in uid and "\\" not in uid and ".." not in uid


# --- in a browser --------------------------------------------------------------------------------------

DIALOG_HOOK = """(() => { window.__dialogs = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    window[name] = (...args) => { window.__dialogs.push(name + '(' + args.join(',') + ')'); };
  } })();"""


def browse(page: Path, profile: Path) -> tuple[list, dict]:
    """Load a page offline with every dialog function recorded instead of shown; the events and DOM facts."""
    from test_browser_report import DevTools

    browser = DevTools(profile)
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            browser.call(f"{domain}.enable", session=s)
        browser.call("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1,
                                                           "uploadThroughput": -1}, session=s)
        browser.call("Page.addScriptToEvaluateOnNewDocument", {"source": DIALOG_HOOK}, session=s)
        browser.call("Page.navigate", {"url": page.as_uri()}, session=s)
        browser.wait_for("Page.loadEventFired")
        browser.settle(1.0)  # an onerror fires once the broken image has failed
        facts = browser.call("Runtime.evaluate", {"returnByValue": True, "expression": """JSON.stringify({
            dialogs: window.__dialogs, scripts: [...document.scripts].map(s => s.text.trim()),
            handlers: document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover]').length,
            text: document.body.innerText})"""}, session=s)["result"]["value"]
    finally:
        browser.close()
    return browser.events, json.loads(facts)


@pytest.fixture
def chromium() -> None:
    from test_browser_report import CHROMIUM

    assert CHROMIUM is not None, "Debian chromium is not installed: run `make browser` (root) first"


def test_the_harness_sees_a_script_that_runs(chromium, tmp_path):
    page = tmp_path / "evil.html"
    page.write_text(f"<!DOCTYPE html><html><body>{SCRIPT}<p>{BREAKOUT}</p></body></html>", encoding="utf-8")
    _, facts = browse(page, tmp_path / "profile")
    assert facts["dialogs"] == ["alert(1)", "alert(2)"]


def test_no_script_from_a_unit_runs_in_chromium(chromium, outputs, tmp_path):
    pages = [outputs / "index.html", outputs / "portfolio.html", *sorted((outputs / "units").glob("*/*.html")),
             *sorted((outputs / "frameworks").glob("*.html"))]
    for page in pages:
        events, facts = browse(page, tmp_path / "profile")
        assert facts["dialogs"] == [], page
        assert not [e for e in events if e.get("method") == "Page.javascriptDialogOpening"], page
        own = [OWN_SCRIPTS[page.name].strip()] if page.name in OWN_SCRIPTS else []
        assert facts["scripts"] == own and facts["handlers"] == 0, page
        if page.parent.parent.name == "units":
            assert SCRIPT in facts["text"] and FORMULA in facts["text"]  # what the unit wrote, shown as text


# --- text that is not markup but still breaks a naive writer ---------------------------------------------

MATHTEXT = "$x^$"  # matplotlib would parse this as mathtext and fail to draw the chart


def test_dollar_signs_in_names_are_drawn_as_text_not_mathtext(unit_copy):
    from perfeval import report
    from perfeval.outputs.portfolio import charts as portfolio_charts
    from perfeval.outputs.portfolio import load_portfolio

    def alter(d):
        d["unit"]["name"] = MATHTEXT
        for row in d["indicators"]:
            row["name"] = f"{row['name']}{MATHTEXT}"
        for item in d["figures"]["project_items"]:
            item["name"] = f"$\\undefined${item['name']}"

    path = unit_copy(YUNXI, alter)
    rep = report.load_report(path)
    for block in (report.chart_scores, report.chart_claims, report.chart_spending):  # yunxi states no rates
        assert "data:image/svg+xml;charset=utf-8," in block(rep)._repr_html_()
    portfolio = load_portfolio([path])
    assert portfolio.failed == []
    fig = portfolio_charts.score_share_heatmap(portfolio.shares[rep.sheet.framework.id])
    fig.savefig(io.BytesIO(), format="png")


def test_control_characters_reach_the_summary_workbook_as_a_visible_mark(unit_copy, tmp_path):
    from perfeval import evaluate_file
    from perfeval.outputs.excel.summary import write_summary_workbook

    path = unit_copy(LIUYANG, lambda d: d["unit"].update(name="=BEL\x07NUL\x00end"))
    out = write_summary_workbook([evaluate_file(path)], tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb["汇总"]["A2"].value == "=BEL\ufffdNUL\ufffdend" and wb["汇总"]["A2"].data_type == "s"
    assert _formulas(out) == []



# --- any text, not just the two payloads ------------------------------------------------------------------

HTML_EXAMPLES = max(10, int(os.environ.get("PERFEVAL_PROPERTY_EXAMPLES", "300")) // 5)
markup = st.sampled_from(["<", ">", "&", '"', "'", "<b>", "</td></tr></table>", "<!--", "-->", "<![CDATA[", "]]>",
                          "&lt;", "&#60;", "<style>", "</style>", "<svg/onload=alert(3)>", "javascript:", "{{x}}",
                          "{%", "\x00", "\u2028", "\r", "\n", "$", "\\", "%s", "<script>"])
any_text = st.lists(st.one_of(markup, st.text(max_size=8)), min_size=1, max_size=8).map("".join)
_YUNXI = yaml.safe_load(YUNXI.read_text(encoding="utf-8"))
_TEXT_PATHS = [path for path, value in leaves(_YUNXI)
               if isinstance(value, str) and path[-1] not in NOT_TEXT and path[-1] != "unit"]
_TEXT_BLOCKS = ("title", "conclusion", "problems", "advice", "scores", "level1", "overview", "lines", "figures",
                "stated_figures", "projects", "project_items", "sources", "basis", "framework_notes", "readings",
                "robustness", "sensitivity")


def _tags(html: str) -> set[str]:
    page = Page()
    page.feed(html)
    page.close()
    assert page.handlers == [] and page.scripts == []
    return set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))


def _blocks_html(path: Path) -> str:
    from perfeval import report

    rep = report.load_report(path)
    return "".join(getattr(report, name)(rep)._repr_html_() for name in _TEXT_BLOCKS)


@pytest.fixture(scope="module")
def clean_tags(tmp_path_factory) -> set[str]:
    return _tags(_blocks_html(YUNXI))


@settings(max_examples=HTML_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])
@given(texts=st.lists(any_text, min_size=1, max_size=12))
def test_any_text_in_every_field_adds_no_element_to_the_report(clean_tags, texts):
    """Whatever text a unit writes, the report's blocks have only the elements a clean report has."""
    data = copy.deepcopy(_YUNXI)
    for i, path in enumerate(_TEXT_PATHS):
        set_at(data, path, texts[i % len(texts)])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "unit.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        html = _blocks_html(path)
    assert _tags(html) <= clean_tags
