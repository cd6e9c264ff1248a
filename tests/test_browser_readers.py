"""What a reader sees first, in headless Chromium, on a 1280 px screen and a 390 px phone: on every page the verdict
in the first screen and no sideways scroll; on a phone, each indicator's score and claim beside its name; a drafted
unit's report printed on A4 with 草稿·未经核对 on every page and no page offering a signature.
"""
from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from conftest import SAMPLES
from test_browser_report import DevTools

pytestmark = pytest.mark.slow
PLANTED = Path(__file__).parent / "data" / "planted" / "archives_2023.txt"
SCREEN = 900  # the height of the first screen, in CSS px

# where each page states its verdict: the report's cards, the index's and the portfolio's verdict column, the
# review page's count of what is left to confirm
VERDICT = {"report": ".pe-card", "index": "td.verdict", "portfolio": "#T_portfolio-units td.col1",
           "review": "#left"}
FACTS = """(selector) => JSON.stringify((() => {
  const first = document.querySelector(selector);
  const box = first ? first.getBoundingClientRect() : null;
  const rows = [...document.querySelectorAll('#T_scores tbody tr')].map(tr => {
    const at = c => { const td = tr.querySelector('td.' + c); return td ? td.getBoundingClientRect() : null; };
    const [name, score, claim] = [at('pe-name'), at('pe-score'), at('pe-claim')];
    return {line: Math.max(Math.abs(name.top - score.top), Math.abs(name.top - claim.top)),
            right: Math.max(score.right, claim.right)};
  });
  const charts = [...document.querySelectorAll('.pe-figure img')].map(img => img.getBoundingClientRect().right);
  return {page: document.documentElement.scrollWidth, viewport: innerWidth, charts,
          verdict: box && {top: box.top, bottom: box.bottom, right: box.right, text: first.textContent.trim()}, rows};
})())"""


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    """A batch of the three samples and one report drafted by it."""
    out = tmp_path_factory.mktemp("readers") / "outputs"
    run = subprocess.run([sys.executable, "-m", "perfeval", "run", *map(str, SAMPLES), str(PLANTED), "-o", str(out),
                          "-j", "2", "-q"], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    return out


def kind(page: Path) -> str:
    return {"index.html": "index", "portfolio.html": "portfolio"}.get(page.name) or (
        "review" if page.name.endswith(".review.html") else "report")


def look(browser: DevTools, page: Path, width: int, pdf: Path | None = None, shot: Path | None = None) -> dict:
    target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    s = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime"):
        browser.call(f"{domain}.enable", session=s)
    browser.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": SCREEN, "deviceScaleFactor": 1,
                                                         "mobile": width < 600}, session=s)
    browser.events.clear()
    browser.call("Page.navigate", {"url": page.as_uri()}, session=s)
    browser.wait_for("Page.loadEventFired")
    browser.settle(0.3)
    expression = f"({FACTS})({json.dumps(VERDICT[kind(page)])})"
    facts = json.loads(browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                    session=s)["result"]["value"])
    if shot:
        data = browser.call("Page.captureScreenshot", {"format": "png"}, session=s)
        shot.write_bytes(base64.b64decode(data["data"]))
    if pdf:
        data = browser.call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, session=s)
        pdf.write_bytes(base64.b64decode(data["data"]))
    browser.call("Target.closeTarget", {"targetId": target})
    return facts


def pages(outputs: Path) -> list[Path]:
    return [outputs / "index.html", outputs / "portfolio.html", *sorted(outputs.glob("units/*/*.html")),
            *sorted(outputs.glob("drafts/*.review.html"))]


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_shows_its_verdict_first_and_never_scrolls_sideways(outputs, tmp_path, width):
    browser = DevTools(tmp_path / "profile")
    try:
        seen = {p: look(browser, p, width, shot=tmp_path / f"{p.stem}-{width}.png") for p in pages(outputs)}
    finally:
        browser.close()
    assert {kind(p) for p in seen} == set(VERDICT)
    for page, facts in seen.items():
        assert facts["page"] <= facts["viewport"], (page.name, facts["page"])
        v = facts["verdict"]
        assert v and v["text"] and v["bottom"] <= SCREEN and v["right"] <= width, (page.name, v)
        # a chart is seen whole: scaled to the column, never cut at the right edge (scrolling inside its figure,
        # nothing showed that it went on)
        assert all(right <= width for right in facts["charts"]), (page.name, facts["charts"])
    assert any(facts["charts"] for facts in seen.values())
    print(f"screenshots: {tmp_path}")


def test_on_a_phone_each_indicator_has_its_score_and_claim_beside_it(outputs, tmp_path):
    browser = DevTools(tmp_path / "profile")
    try:
        reports = [look(browser, p, 390) for p in sorted(outputs.glob("units/*/*.html"))]
    finally:
        browser.close()
    rows = [r for facts in reports for r in facts["rows"]]
    assert len(rows) > 40  # every report's 指标得分, row by row
    assert all(r["line"] < 4 and r["right"] <= 390 for r in rows), [r for r in rows if r["line"] >= 4 or r["right"] > 390]


def test_a_drafted_units_report_printed_on_a4_is_a_draft_on_every_page_and_offers_no_signature(outputs, tmp_path):
    drafted, confirmed = outputs / "units/archives_2023/archives_2023.html", outputs / "units/liuyang_2020/liuyang_2020.html"
    browser = DevTools(tmp_path / "profile")
    try:
        for page in (drafted, confirmed):
            look(browser, page, 794, pdf=tmp_path / f"{page.stem}.pdf")
    finally:
        browser.close()
    with pdfplumber.open(tmp_path / "archives_2023.pdf") as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
    assert len(texts) > 3
    assert all("草稿·未经核对" in t for t in texts), [i + 1 for i, t in enumerate(texts) if "草稿·未经核对" not in t]
    assert not any("签字" in t or "复核人" in t for t in texts) and "草稿，不得签发" in texts[-1]
    with pdfplumber.open(tmp_path / "liuyang_2020.pdf") as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
    assert not any("草稿" in t for t in texts) and "签字" in texts[-1]  # a confirmed unit is signed as before
