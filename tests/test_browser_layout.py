"""The pages as readers get them, measured in headless Chromium: on a 1280 px screen, on a 390 px phone and
printed on A4 (print media at the width between A4 margins, and a real print to PDF).

What is checked is what a reader would notice: a column cut off at the edge of the paper, a page that scrolls
sideways on a phone, a collapsed section missing from the print, US Letter paper. Screenshots and PDFs are
left in the test's temporary folder for a person to look at.
"""
from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest

from test_browser_report import CHROMIUM, DevTools

pytestmark = pytest.mark.slow  # drives headless Chromium

A4_CONTENT_PX = round((210 - 2 * 14) / 25.4 * 96)  # the width between the 14 mm margins of report.css
MEASURE = """JSON.stringify((() => {
  const main = (document.querySelector('main') || document.body).getBoundingClientRect();
  const shown = e => e.offsetParent !== null || getComputedStyle(e).position === 'fixed';
  const cut = [...document.querySelectorAll('table, figure, img, pre, nav')].filter(shown)
    .filter(e => e.getBoundingClientRect().right > main.right + 1)
    .map(e => `${e.tagName}#${e.id || ''} +${Math.round(e.getBoundingClientRect().right - main.right)}px`);
  return {pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth, cut,
          printCopies: [...document.querySelectorAll('.pe-print-only')].map(e => getComputedStyle(e).display),
          details: [...document.querySelectorAll('details')].map(e => getComputedStyle(e).display)};
})())"""


@pytest.fixture(autouse=True)
def chromium_installed() -> None:
    assert CHROMIUM is not None, "Debian chromium is not installed: run `make browser` (root) first"


def look(page: Path, profile: Path, width: int, media: str = "screen", shot: Path | None = None,
         pdf: Path | None = None) -> dict:
    """Load a page offline at a viewport width and media type; measure it; optionally screenshot or print it."""
    browser = DevTools(profile)
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime"):
            browser.call(f"{domain}.enable", session=s)
        browser.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1,
                                                             "mobile": width < 600}, session=s)
        browser.call("Emulation.setEmulatedMedia", {"media": media}, session=s)
        browser.call("Page.navigate", {"url": page.as_uri()}, session=s)
        browser.wait_for("Page.loadEventFired")
        browser.settle(0.3)
        facts = json.loads(browser.call("Runtime.evaluate", {"expression": MEASURE, "returnByValue": True},
                                        session=s)["result"]["value"])
        if shot:
            data = browser.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=s)
            shot.write_bytes(base64.b64decode(data["data"]))
        if pdf:
            data = browser.call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, session=s)
            pdf.write_bytes(base64.b64decode(data["data"]))
    finally:
        browser.close()
    return facts


def pages(outputs: Path) -> list[Path]:
    return [outputs / "index.html", outputs / "portfolio.html", *sorted(outputs.glob("units/*/*.html"))]


def test_printed_on_a4_nothing_is_cut_and_collapsed_sections_print_open(sample_outputs, tmp_path):
    for page in pages(sample_outputs):
        pdf = tmp_path / f"{page.stem}.pdf"
        facts = look(page, tmp_path / "profile", A4_CONTENT_PX, "print", pdf=pdf)
        assert facts["cut"] == [], page.name
        assert facts["pageWidth"] <= A4_CONTENT_PX + 1, page.name
        assert all(d == "none" for d in facts["details"]) and all(d == "block" for d in facts["printCopies"]), page.name
        boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes()))
        assert boxes and all(abs(float(w) - 595.28) < 1 and abs(float(h) - 841.89) < 1 for w, h in boxes), (page, boxes)
    assert any(look(p, tmp_path / "profile", 1280)["printCopies"] for p in pages(sample_outputs))  # Changsha has one
    print(f"PDFs: {tmp_path}")


@pytest.mark.parametrize("width", [1280, 390])
def test_on_screen_the_page_never_scrolls_sideways(sample_outputs, tmp_path, width):
    for page in pages(sample_outputs):
        shot = tmp_path / f"{page.stem}-{width}.png"
        facts = look(page, tmp_path / "profile", width, shot=shot)
        assert facts["pageWidth"] <= width, (page.name, facts["pageWidth"])  # wide tables scroll inside their block
        assert all(d == "none" for d in facts["printCopies"]), page.name  # the print copy is not shown twice
        assert shot.read_bytes().startswith(b"\x89PNG")
    print(f"screenshots: {tmp_path}")
