"""Time and peak memory to refuse each hostile file of tests/test_hostile_files.py and tests/test_hostile_pdfs.py
(the tests assert only the error), and to read the worst files the bounds let through.

Each file is read in a fresh Python process, so its peak RSS is that file's alone (the interpreter with
perfeval, openpyxl and pydantic imported is the baseline row). Reports (.pdf) are read as `perfeval draft` reads
them (read_document). --lib DIR measures another checkout's library (an earlier commit, for before/after);
--only pdf measures the reports alone; --match TEXT only the inputs whose description holds TEXT; --repeat N
prints the median of N runs of each (by CPU time).

Run: .venv/bin/python bench/bench_hostile_files.py [--only pdf] [--match TEXT] [--repeat N] [--lib DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

CHILD = """
import json, resource, sys, time
from perfeval.errors import PerfevalError
from perfeval.intake.excel.reader import read_workbook
from perfeval.fileio import read_yaml
from perfeval.outputs.draft import read_document
path = sys.argv[1]
start = time.perf_counter()
try:
    if path == "-":
        outcome = "baseline"
    elif path.endswith(".pdf"):
        outcome = f"read: {len(read_document(path).blocks)} blocks"
    else:
        (read_workbook if path.endswith(".xlsx") else read_yaml)(path)
        outcome = "read"
except PerfevalError as exc:
    outcome = str(exc).splitlines()[1].strip()[:70]
# VmHWM, not ru_maxrss: the latter survives exec, so a child of the bench (which built 1.2 GB to write a bomb)
# would report the bench's own peak
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime, "outcome": outcome,
                  "rss_mb": peak / 1024}))
"""


def measure(path: str, lib: Path | None = None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(lib)) if lib else None
    out = subprocess.run([sys.executable, "-c", CHILD, path], capture_output=True, text=True, check=True, env=env)
    return json.loads(out.stdout)


def pdf_cases(folder: Path) -> list[tuple[str, str, int]]:
    """The hostile PDFs of tests/test_hostile_pdfs.py at the sizes the outside run found, and the worst let through."""
    from hostile_pdfs import deep_page_tree, dense_pages, encrypted_bomb, filtered_bomb, flate_bomb, glyph_by_glyph, \
        invisible_text, many_pages, many_streams, no_tounicode, pages_pdf, shared_content, text

    from perfeval.intake.pdf import MAX_CONTENT, MAX_FILE_PAGES, MAX_GLYPHS, MAX_PAGE_CONTENT, MAX_PAGE_PATHS, MAX_PAGES

    chromium_page = glyph_by_glyph(23_700)  # T28's page: 5-point Chinese printed by Chromium
    covered_page = b"".join(b"BT /F1 5 Tf 10 %d Td (%s) Tj ET\n" % (800 - 5 * i, b"x" * 100) for i in range(150))

    made = [("PDF: one stream unpacking to 400 MB", flate_bomb(folder / "bomb400.pdf", 400)),
            ("PDF: one stream unpacking to 1.2 GB", flate_bomb(folder / "bomb1200.pdf", 1200)),
            (f"PDF: 500 pages of 36 lines (first {MAX_PAGES} read)", many_pages(folder / "p500.pdf", 500, 36)),
            (f"PDF: {MAX_PAGES} pages of 36 lines (most let through)", many_pages(folder / "pmax.pdf", MAX_PAGES, 36)),
            (f"PDF: {MAX_FILE_PAGES + 1:,} pages (refused whole)",
             many_pages(folder / "pfile.pdf", MAX_FILE_PAGES + 1)),
            ("PDF: stream of 63 MB (unpacks; refused by the page's bound)", flate_bomb(folder / "bomb63.pdf", 63)),
            ("PDF: LZW stream unpacking to 400 MB", filtered_bomb(folder / "lzw.pdf", 400, "lzw")),
            ("PDF: run-length stream unpacking to 400 MB", filtered_bomb(folder / "rl.pdf", 400, "runlength")),
            ("PDF: ASCII85+Flate unpacking to 400 MB", filtered_bomb(folder / "a85.pdf", 400, "a85+flate")),
            ("PDF: /Flate#44ecode unpacking to 400 MB", filtered_bomb(folder / "esc.pdf", 400, "escaped")),
            ("PDF: 'image' content unpacking to 400 MB", filtered_bomb(folder / "img.pdf", 400, "image")),
            ("PDF: encrypted, unpacking to 400 MB", encrypted_bomb(folder / "enc.pdf", 400)),
            ("PDF: a page of 300,000 glyphs", dense_pages(folder / "dense1.pdf", 1)),
            ("PDF: ten pages of 300,000 glyphs", dense_pages(folder / "dense10.pdf", 10)),
            ("PDF: fonts without ToUnicode", no_tounicode(folder / "cid.pdf")),
            ("PDF: invisible text beside visible", invisible_text(folder / "invisible.pdf")),
            ("PDF: a page of 60 MB of path operators",
             shared_content(folder / "paths.pdf", 1, b"0 0 m 1 1 l S\n" * 4_285_714 + text(["Report 2023"]))),
            ("PDF: 4 MB of paths (refused by their count)",
             shared_content(folder / "paths4.pdf", 1, b"0 0 m 1 1 l S\n" * (MAX_PAGE_CONTENT // 14 - 100)
                            + text(["Report 2023"]))),
            ("PDF: paths just under the page's bound (let through)",
             shared_content(folder / "paths20k.pdf", 1, b"0 0 m 1 1 l S\n" * (MAX_PAGE_PATHS - 10)
                            + text(["Report 2023"]))),
            ("PDF: numbers just under the page's bound (let through)",
             shared_content(folder / "tj4.pdf", 1, b"BT /F1 12 Tf 72 720 Td [" + b"-1 " * (MAX_PAGE_CONTENT // 3 - 100)
                            + b"] TJ ET\n" + text(["Report 2023"]))),
            ("PDF: 150 pages drawing one 60 MB stream",
             shared_content(folder / "shared.pdf", 150, b"%" + b" " * 60_000_000 + b"\n" + text(["Report 2023"]))),
            ("PDF: a TJ array of 3,000,000 numbers",
             shared_content(folder / "tj.pdf", 1, b"BT /F1 12 Tf 72 720 Td [" + b"-1 " * 3_000_000 + b"] TJ ET\n"
                            + text(["Report 2023"]))),
            ("PDF: a page drawn from 50,000 streams", many_streams(folder / "streams.pdf", 50_000)),
            ("PDF: a page tree 3,000 levels deep", deep_page_tree(folder / "deep.pdf", 3_000)),
            ("PDF: 36 pages of 23,700 glyphs set one by one (T28)",
             _written(folder / "t28.pdf", pages_pdf([chromium_page] * 36))),
            ("PDF: glyphs one by one, just under the file's bound",
             _written(folder / "t28max.pdf", pages_pdf([chromium_page] * (MAX_CONTENT // len(chromium_page))))),
            ("PDF: 1-point glyphs just under the file's bound (29,000 a page)",
             dense_pages(folder / "glyphsmax.pdf", MAX_GLYPHS // 29_000, lines=29, per_line=1000)),
            ("PDF: 2,000 thin boxes over a page of 15,000 glyphs", _written(folder / "boxes2k.pdf", pages_pdf(
                [covered_page + b"300 20 1 800 re f\n" * 2_000]))),
            ("PDF: 19,000 thin boxes over a page of 15,000 glyphs (let through)", _written(folder / "boxes19k.pdf",
                pages_pdf([covered_page + b"300 20 1 800 re f\n" * 19_000]))),
            ("PDF: 700 boxes over 3,000 glyphs in one square (refused by the page's looks)", _written(
                folder / "boxes_square.pdf", pages_pdf([b"BT /F1 12 Tf 300 400 Td (x) Tj ET\n" * 3_000
                                                        + b"301 401 0.1 0.1 re f\n" * 700])))]
    return [(what, str(path), path.stat().st_size) for what, path in made]


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=["pdf"], help="measure only the reports")
    parser.add_argument("--match", help="measure only the inputs whose description holds this text")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each input; the median (by CPU) is printed")
    parser.add_argument("--lib", type=Path, help="the library to measure (default: this checkout's)")
    args = parser.parse_args()
    from perfeval.outputs.excel.template import export_workbook
    from test_hostile_files import HOSTILE_WORKBOOKS, HOSTILE_YAML, SHEET, repack, rows_xml

    from conftest import CHANGSHA

    flags = "".join(f" --{k} {v}" for k, v in vars(args).items() if v and (k, v) != ("repeat", 1))
    print(f"command: {sys.executable} bench/bench_hostile_files.py{flags}; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [("baseline: imports only", "-", 0)]
        if args.only != "pdf":
            cases += workbook_and_yaml_cases(folder, export_workbook, CHANGSHA, HOSTILE_WORKBOOKS, HOSTILE_YAML,
                                             SHEET, repack, rows_xml)
        cases += pdf_cases(folder)
        print(f"{'input':44} {'bytes':>11} {'seconds':>8} {'CPU s':>6} {'peak RSS MB':>12}  outcome")
        for what, path, size in (c for c in cases if not args.match or args.match in c[0]):
            runs = sorted((measure(path, args.lib) for _ in range(args.repeat)), key=lambda r: r["cpu"])
            m = runs[len(runs) // 2]
            print(f"{what:44} {size:>11,} {m['seconds']:>8.2f} {m['cpu']:>6.2f} {m['rss_mb']:>12.0f}  {m['outcome']}")


def workbook_and_yaml_cases(folder, export_workbook, changsha, hostile_workbooks, hostile_yaml, sheet, repack,
                            rows_xml) -> list[tuple[str, str, int]]:
    filled = export_workbook(changsha, folder / "filled.xlsx")
    cases = [("a real filled workbook", str(filled), filled.stat().st_size)]
    for i, (what, build, _) in enumerate(hostile_workbooks):
        path = folder / f"w{i}.xlsx"
        path.write_bytes(build(filled.read_bytes()))
        cases.append((what, str(path), path.stat().st_size))
    worst = [("largest sheet part let through: rows", rows_xml(80_000)),
             ("largest sheet part let through: one row", rows_xml(1, 125_000))]
    for i, (what, writer) in enumerate(worst):  # just under MAX_XML_PART_BYTES: the bound's own cost
        path = folder / f"big{i}.xlsx"
        path.write_bytes(repack(filled.read_bytes(), {sheet: writer}))
        cases.append((what, str(path), path.stat().st_size))
    longest = folder / "longest.yaml"  # just under MAX_YAML_BYTES, one plain scalar: the scanner's worst
    longest.write_text("a: " + "x" * 999_000, encoding="utf-8")
    cases.append(("YAML: largest file let through", str(longest), longest.stat().st_size))
    for i, (what, text, _) in enumerate(hostile_yaml):
        path = folder / f"y{i}.yaml"
        path.write_text(text, encoding="utf-8")
        cases.append((f"YAML: {what}", str(path), path.stat().st_size))
    return cases


if __name__ == "__main__":
    main()
