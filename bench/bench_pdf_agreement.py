"""Do a report's .pdf and .docx draft what its .txt drafts? Each development document of the corpus is printed to PDF
by headless Chromium in several typesettings (justified, letter-spaced, narrow and wide columns, serif and sans, a
Latin font for figures beside the Chinese one) and written as a Word file, and each PDF's text is copied as a
viewer copies it (PDFium, Chromium's viewer: a line a line, justification's spaces kept) into a .txt (VARIANT.copy);
every copy is drafted and its figures
(value, unit and qualifier of each one placed), unit name, year, identities and rates are held against the txt's.

Only tests/data/corpus/dev is read (the frozen half is never opened here). A document agrees when every figure its
txt drafts is drafted from the copy and no other; figure agreement counts figures in common over the larger of the
two drafts, summed over the documents.

Run: .venv/bin/python bench/bench_pdf_agreement.py [--limit N] [--keep DIR] [--detail] [--variants a,b,…]
(variants: serif narrow tracked latin, each also as VARIANT.copy, and docx; default all)
"""
from __future__ import annotations

import argparse
import base64
import html
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from report_files import write_docx

from perfeval.errors import DraftError
from perfeval.intake.report import draft_report
from perfeval.intake.report.document import Document, read_document

DEV = ROOT / "tests" / "data" / "corpus" / "dev"
BASE = "p{margin:0 0 4pt 0;text-indent:2em} table{border-collapse:collapse;text-indent:0} td{border:1px solid #000}"
VARIANTS = {  # name: CSS of the page, as units print from Word, WPS or a browser
    "serif": 'body{font:12pt "Noto Serif CJK SC";width:150mm;text-align:justify}',
    "narrow": 'body{font:10.5pt "Noto Sans CJK SC";width:90mm;text-align:justify;letter-spacing:0.06em}',
    "tracked": 'body{font:14pt "Noto Serif CJK SC";width:165mm;text-align:justify;letter-spacing:0.25em}',
    "latin": 'body{font:12pt "DejaVu Serif","Noto Sans CJK SC";width:140mm;text-align:justify;'
             'text-justify:inter-character}',
}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-component-update", "--disable-sync", "--proxy-server=127.0.0.1:9"]


def page(document: Document, css: str) -> str:
    """The document as a web page: each paragraph a <p>, each run of rows of one table a ruled <table>."""
    out = [f'<html><head><meta charset="utf-8"><style>{BASE} {css}</style></head><body>']
    table = None
    for block in document.blocks:
        if block.kind == "row":
            if block.table != table:
                out.append(("</table>" if table is not None else "") + "<table>")
                table = block.table
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in block.cells) + "</tr>")
            continue
        if table is not None:
            out.append("</table>")
            table = None
        out.append(f"<p>{html.escape(block.cells[0])}</p>")
    return "".join(out) + ("</table>" if table is not None else "") + "</body></html>"


class Printer:
    """One headless Chromium printing pages to PDF over its DevTools pipe (fd 3 in, fd 4 out)."""

    def __init__(self, profile: Path) -> None:
        chromium = shutil.which("chromium")
        if chromium is None:
            sys.exit("chromium is not installed (make browser)")
        cmd_read, self._cmd = os.pipe()
        self._out, out_write = os.pipe()

        def fds() -> None:
            os.dup2(cmd_read, 3)
            os.dup2(out_write, 4)

        self.proc = subprocess.Popen([chromium, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe"],
                                     preexec_fn=fds, pass_fds=(3, 4), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(cmd_read)
        os.close(out_write)
        self._buf, self._id = b"", 0
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)

    def call(self, method: str, params: dict | None = None, session: bool = False) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {},
                   **({"sessionId": self.session} if session else {})}
        os.write(self._cmd, json.dumps(message).encode() + b"\0")
        while True:
            got = self._next(time.monotonic() + 120)
            if got.get("id") == self._id:
                if "error" in got:
                    raise RuntimeError(got["error"])
                return got["result"]
            if got.get("method") == "Page.loadEventFired":
                self.loaded = True

    def _next(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._out], [], [], left)[0]:
                raise TimeoutError("chromium did not answer")
            self._buf += os.read(self._out, 1 << 20)
        raw, _, self._buf = self._buf.partition(b"\0")
        return json.loads(raw)

    def pdf(self, source: Path, out: Path) -> Path:
        self.loaded = False
        self.call("Page.navigate", {"url": source.as_uri()}, session=True)
        deadline = time.monotonic() + 60
        while not self.loaded and time.monotonic() < deadline:
            if self._next(deadline).get("method") == "Page.loadEventFired":
                self.loaded = True
        data = self.call("Page.printToPDF", {"printBackground": False, "displayHeaderFooter": False,
                                             "paperWidth": 8.27, "paperHeight": 11.69}, session=True)["data"]
        out.write_bytes(base64.b64decode(data))
        return out

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.proc.wait(10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


def copied(pdf: Path, out: Path) -> Path:
    """The PDF's text as a viewer copies it: PDFium's, page after page."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    out.write_text(text.replace("\r\n", "\n"), encoding="utf-8")
    return out


def signature(path: Path) -> dict:
    """What a draft says that the copies must agree on."""
    try:
        draft = draft_report(path)
    except DraftError as e:
        return {"failed": str(e), "figures": Counter()}
    unit = draft.params.get("unit", {})
    figures = Counter((str(m.quantity.value), m.quantity.unit, str(m.quantity.qualifier)) for m in draft.placed)
    return {"figures": figures, "name": unit.get("name"), "year": draft.year_named and unit.get("year"),
            "lists": len(draft.lists), "rates": len(draft.rates)}


def compare(txt: dict, copy: dict) -> tuple[int, int, list[str]]:
    """Figures in common, the larger draft's count, and what differs."""
    common = sum((txt["figures"] & copy["figures"]).values())
    larger = max(sum(txt["figures"].values()), sum(copy["figures"].values()))
    notes = [f"{k}: {txt.get(k)!r} / {copy.get(k)!r}" for k in ("failed", "name", "year", "lists", "rates")
             if txt.get(k) != copy.get(k)]
    notes += [f"missing {x}" for x in (txt["figures"] - copy["figures"]).elements()]
    notes += [f"extra {x}" for x in (copy["figures"] - txt["figures"]).elements()]
    return common, larger, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="a folder to write (and reuse) the copies in")
    parser.add_argument("--detail", action="store_true")
    parser.add_argument("--variants", default=",".join([*VARIANTS, *(f"{v}.copy" for v in VARIANTS), "docx"]))
    args = parser.parse_args()
    names = [n for n in args.variants.split(",") if n.removesuffix(".copy") in VARIANTS or n == "docx"]
    texts = sorted(DEV.glob("*.txt"), key=lambda p: int(p.stem[1:]))[: args.limit or None]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="pdf-agreement-"))
    folder.mkdir(parents=True, exist_ok=True)
    printer = None
    totals = {n: [0, 0, 0, 0] for n in names}  # figures in common, larger, documents agreeing, documents
    started = time.monotonic()
    try:
        for txt in texts:
            truth = signature(txt)
            document = read_document(txt)
            for name in names:
                variant = name.removesuffix(".copy")
                printed = folder / f"{txt.stem}.{variant}.pdf"
                if variant in VARIANTS and not printed.exists():
                    source = folder / f"{txt.stem}.{variant}.html"
                    source.write_text(page(document, VARIANTS[variant]), encoding="utf-8")
                    printer = printer or Printer(folder / "profile")
                    printer.pdf(source, printed)
                copy = folder / f"{txt.stem}.{name}.{'docx' if name == 'docx' else 'txt' if name != variant else 'pdf'}"
                if not copy.exists():
                    write_docx(document, copy) if name == "docx" else copied(printed, copy)
                common, larger, notes = compare(truth, signature(copy))
                t = totals[name]
                t[0], t[1], t[2], t[3] = t[0] + common, t[1] + larger, t[2] + (not notes), t[3] + 1
                if args.detail and notes:
                    print(f"{txt.stem} {name}: " + "; ".join(notes[:12]) + (" …" if len(notes) > 12 else ""))
    finally:
        if printer:
            printer.close()
    print(f"{len(texts)} dev documents, {time.monotonic() - started:.0f} s, load {os.getloadavg()[0]:.1f}; "
          f"copies in {folder}")
    for name, (common, larger, agree, n) in totals.items():
        print(f"{name:<8} documents agreeing {agree}/{n} ({agree / max(n, 1):.3f}); "
              f"figures in common {common}/{larger} ({common / max(larger, 1):.3f})")


if __name__ == "__main__":
    main()
