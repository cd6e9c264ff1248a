"""A report opened in headless Chromium with the network cut: nothing fails to load, nothing logs an error.

Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe: fd 3 in, fd 4 out,
NUL-separated JSON), so no extra package and no browser download are needed.
"""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from perfeval.outputs.batch.jobs import build_jobs
from perfeval.outputs.batch.publish import publish
from perfeval.outputs.batch.runner import DEFAULT_NOTEBOOK
from perfeval.outputs.batch.worker import UnitTask, run_unit

from conftest import CHANGSHA

pytestmark = pytest.mark.slow  # drives headless Chromium

CHROMIUM = shutil.which("chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]  # and offline emulation below


@pytest.fixture(autouse=True)
def chromium_installed() -> None:
    """Not a skip: CI must run this suite, and `make test` installs Chromium first."""
    assert CHROMIUM is not None, "Debian chromium is not installed: run `make browser` (root) first"


class DevTools:
    """A minimal DevTools-protocol client over Chromium's debugging pipe."""

    def __init__(self, profile: Path) -> None:
        cmd_read, self._cmd = os.pipe()
        self._out, out_write = os.pipe()

        def at_fd_3_and_4() -> None:
            os.dup2(cmd_read, 3)
            os.dup2(out_write, 4)

        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"],
                                     preexec_fn=at_fd_3_and_4, pass_fds=(3, 4),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(cmd_read)
        os.close(out_write)
        self._buf, self._id, self.events = b"", 0, []

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}, **({"sessionId": session} if session else {})}
        os.write(self._cmd, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + 60
        while True:
            m = self._next(deadline)
            if m.get("id") == self._id:
                assert "error" not in m, m["error"]
                return m["result"]
            self.events.append(m)

    def wait_for(self, method: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._next(deadline))

    def settle(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._next(deadline))
        except TimeoutError:
            pass

    def _next(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._out], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(self._out, 1 << 20)
            if not chunk:
                raise EOFError("chromium closed the DevTools pipe")
            self._buf += chunk
        raw, _, self._buf = self._buf.partition(b"\0")
        return json.loads(raw)

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.proc.wait(10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            os.close(self._cmd)
            os.close(self._out)


def open_offline(page: Path, profile: Path, screenshot: Path | None = None) -> tuple[DevTools, dict]:
    """Load a page with the network cut; return the session's events and facts read from the DOM."""
    browser = DevTools(profile)
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            browser.call(f"{domain}.enable", session=s)
        browser.call("Network.emulateNetworkConditions", {"offline": True, "latency": 0, "downloadThroughput": -1,
                                                           "uploadThroughput": -1}, session=s)
        browser.call("Emulation.setDeviceMetricsOverride", {"width": 1200, "height": 900, "deviceScaleFactor": 1,
                                                             "mobile": False}, session=s)
        browser.call("Page.navigate", {"url": page.as_uri()}, session=s)
        browser.wait_for("Page.loadEventFired")
        browser.settle(1.0)  # late requests and console messages
        facts = browser.call("Runtime.evaluate", {"returnByValue": True, "expression": """JSON.stringify({
            lang: document.documentElement.lang, title: document.title,
            images: [...document.images].map(i => i.complete && i.naturalWidth > 0),
            text: document.body.innerText.slice(0, 20000)})"""}, session=s)["result"]["value"]
        if screenshot:
            shot = browser.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=s)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
    finally:
        browser.close()
    return browser, json.loads(facts)


def problems(browser: DevTools) -> list[str]:
    out = []
    for e in browser.events:
        method, p = e.get("method"), e.get("params", {})
        if method == "Network.loadingFailed":
            out.append(f"failed request: {p.get('errorText')}")
        elif method == "Network.requestWillBeSent" and not p["request"]["url"].startswith(("file:", "data:")):
            out.append(f"network request: {p['request']['url']}")
        elif method == "Runtime.exceptionThrown":
            out.append(f"exception: {p['exceptionDetails'].get('text')}")
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            out.append(f"console {p['type']}: {p.get('args')}")
        elif method == "Log.entryAdded" and p["entry"]["level"] == "error":
            out.append(f"log error: {p['entry'].get('text')}")
    return out


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    """Changsha's report, produced by the batch's own worker function."""
    out = tmp_path_factory.mktemp("browser") / "outputs"
    (job,), _ = build_jobs([CHANGSHA.resolve()], DEFAULT_NOTEBOOK, out, {}, 300)
    result = publish(out, run_unit(UnitTask.of(job)))
    assert result.status == "ok", result.reason
    return out / result.report


def test_report_loads_offline_without_failures(report, tmp_path):
    shot = tmp_path / "changsha_county_2022.png"
    browser, facts = open_offline(report, tmp_path / "profile", shot)
    assert problems(browser) == []
    assert facts["lang"] == "zh"
    assert facts["title"] == "长沙县机关事务中心 2022年度部门整体支出绩效评价复核报告"
    assert facts["images"] and all(facts["images"])  # every chart decoded from its data: URI
    for section in ("一、结论", "四、指标得分", "八、技术附录", "万元"):
        assert section in facts["text"]
    assert shot.read_bytes().startswith(b"\x89PNG")
    print(f"screenshot: {shot}")


def test_the_harness_does_catch_a_page_that_needs_the_network(tmp_path):
    page = tmp_path / "cdn.html"
    page.write_text('<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">'
                    '<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>'
                    "</head><body>中文</body></html>", encoding="utf-8")
    browser, facts = open_offline(page, tmp_path / "profile")
    found = problems(browser)
    assert any(p.startswith("failed request") for p in found) and any("cdnjs" in p for p in found)
