"""Time and peak memory to read web pages whose stylesheets hold thousands of rules (tests/test_html_styles.py
asserts only what is read): a site's theme (most classes not on the page, most declarations of no matter to what
shows), simple selectors (matched by an index), selectors that need XPath, and selectors each different (bounded by
MAX_MATCHES, reading a selector counted too: the rest said).

Each page is read in a fresh Python process, so its peak RSS is its own. --lib DIR measures another checkout's
library (an earlier commit, for before/after).

Run: .venv/bin/python bench/bench_web_pages.py [--rules N] [--elements N] [--lib DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys, time
from pathlib import Path
from perfeval.intake.html_page import html_items
start = time.process_time()
items = list(html_items(Path(sys.argv[1])))
notes = [i.note for i in items if type(i).__name__ == "Skipped"]
print(json.dumps({"cpu": time.process_time() - start, "items": len(items), "notes": notes,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def page(kind: str, rules: int, elements: int) -> str:
    """A page of `elements` elements (half paragraphs in boxes of 500 classes) under `rules` rules of one kind."""
    half = rules // 2
    if kind == "theme":  # a site's theme: classes of other pages, declarations of spacing
        css = "".join(f".absent{k} .x p {{ display: none }} .c{k % 500} {{ margin: 0; padding: 1px }}" for k in range(half))
    elif kind == "simple":
        css = "".join(f".c{k} {{ display: block; color: #222 }} p.c{k} {{ font-size: 14px }}" for k in range(half))
    elif kind == "distinct":  # each selector a different one to read (cssselect: ~30 µs each)
        css = "".join(f"p:nth-child({k}) span.k{k % 7} {{ display: none }}" for k in range(rules))
    else:  # every class on the page, selectors only XPath matches
        css = "".join(f"div.c{k % 500} > p:not(.z) {{ display: block }} .c{k % 500} p.k{k % 7} {{ color: #333 }}"
                      for k in range(half))
    body = "".join(f"<div class='c{k % 500}'><p class='k{k % 7}'>第{k}段文字。</p></div>" for k in range(elements // 2))
    return f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules", type=int, default=10_000)
    parser.add_argument("--elements", type=int, default=10_000)
    parser.add_argument("--lib", type=Path)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(args.lib)) if args.lib else None
    print(f"command: {' '.join([sys.executable, *sys.argv])}; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'page':<48} {'CPU s':>6} {'peak RSS MB':>11}  notes")
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("theme", "simple", "xpath", "distinct"):
            path = Path(folder) / f"{kind}.html"
            path.write_text(page(kind, args.rules, args.elements), encoding="utf-8")
            out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True,
                                 env=env)
            got = json.loads(out.stdout)
            what = f"{args.rules:,} rules ({kind}), {args.elements:,} elements"
            print(f"{what:<48} {got['cpu']:>6.2f} {got['rss_mb']:>11.0f}  {' / '.join(got['notes'])[:60]}")


if __name__ == "__main__":
    main()
