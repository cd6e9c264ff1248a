"""Report blocks: text from params is escaped, output is stable run to run, charts are embedded images."""
from __future__ import annotations

import base64
import re

import pytest

from perfeval import report
from perfeval.outputs.report import charts, display

from conftest import CHANGSHA, YUNXI

BLOCKS = ["title", "overview", "base_data", "scores", "findings", "chart_scores", "chart_claims", "chart_rates",
          "chart_spending", "conclusion", "footer"]


def render(rep) -> str:  # noqa: ANN001
    return "".join(getattr(report, name)(rep)._repr_html_() for name in BLOCKS)


@pytest.fixture(scope="module")
def yunxi_html() -> str:
    report.apply_theme()
    return render(report.load_report(YUNXI))


def test_text_from_params_is_escaped(unit_copy):
    evil = "<script>alert(1)</script>"

    def alter(d):  # noqa: ANN001
        d["unit"]["name"] = evil
        d["figures"]["project_items"][0]["name"] = evil
        d["not_assessed"]["carryover"] = evil

    html = render(report.load_report(unit_copy(CHANGSHA, alter)))
    assert "<script" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # title, overview, items, notes


def test_rendering_twice_gives_identical_html():
    report.apply_theme()
    rep = report.load_report(CHANGSHA)
    assert render(rep) == render(rep)


def test_charts_are_embedded_png_with_chinese_alt(yunxi_html):
    rep = report.load_report(YUNXI)
    drawn = [charts.score_vs_weight(rep.sheet), charts.claimed_vs_recomputed(rep.sheet),
             charts.stated_vs_recomputed_rates(rep.unit), charts.spending_structure(rep.params)]
    images = re.findall(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]+)"', yunxi_html)
    assert len(images) == sum(f is not None for f in drawn) >= 3
    for data, alt in images:
        assert base64.b64decode(data).startswith(b"\x89PNG")
        assert alt.startswith("图")


def test_sections_show_money_and_rates_with_their_units(yunxi_html):
    assert "收支与“三公”经费（万元）" in yunxi_html
    assert "2,246.07" in yunxi_html  # 全年预算数, thousands separated
    assert "127.45%" in yunxi_html  # 公车平台 actual/target
    assert "见口径注1" in yunxi_html


def test_title_card_marks_units_with_errors():
    rep = report.load_report(YUNXI)
    html = report.title(rep)._repr_html_()
    assert ("pe-alert" in html) == (rep.severity_counts()["error"] > 0)


def test_count_and_points_formats():
    assert display.count(3779199.0) == "3,779,199"
    assert display.count(98.5) == "98.5"
    assert display.points(2.0) == "2" and display.points(2.353) == "2.35"
