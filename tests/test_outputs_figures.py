"""Every output of a batch of the sample units prints figures exactly: no scientific notation anywhere, and
every money figure of the params at two decimals with thousands separators (16,640.91, never 16640.9).

Scanned: the report pages, the index, the portfolio page (their text as a reader sees it), summary.csv and
every cell of summary.xlsx. Text the unit wrote (sources, notes) is taken out first: it is shown as written.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

import openpyxl
import pytest

from perfeval import fmt, load_params
from perfeval.core.figures import WAN, unit_of
from perfeval.core.params import UnitParams

from conftest import SAMPLES

SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE][+-]\d")  # 1.46e+06, 1E-07: what :g and repr() write
WAN_TOKEN = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s?万元")


class VisibleText(HTMLParser):
    """The text a reader sees (and alt/title text), without scripts, styles or data: URIs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        self.parts += [v for k, v in attrs if k in ("alt", "title", "aria-label") and v]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    parser = VisibleText()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return "\n".join(parser.parts)


def workbook_texts(path: Path) -> Iterator[tuple[str, object, str]]:
    """(where, value, number format) of every cell that holds something."""
    wb = openpyxl.load_workbook(path)
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield f"{ws.title}!{cell.coordinate}", cell.value, cell.number_format


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, (list, tuple)):
        for v in node:
            yield from _strings(v)
    elif isinstance(node, str):
        yield node


def catalogue_money(p: UnitParams) -> set[float]:
    """Money the unit states in its figures: base data lines, budget, funds, project items, second statements."""
    f = p.figures
    values = {fig.value for line in f.lines.values() for fig in (line.prev_budget, line.prev_final, line.budget,
                                                                  line.final) if fig is not None}
    values |= {fig.value for fig in (*f.budget.values(), *f.funds.values())}
    values |= {i.amount.value for i in f.project_items}
    values |= {i.amount.value for lst in f.item_lists for i in lst.items}
    values |= {s.value for s in p.claims.statements if unit_of(s.figure) == WAN}
    return values


def row_money(p: UnitParams) -> set[float]:
    """Money in the unit's personalised rows: targets and actual values in 万元."""
    out = set()
    for row in p.indicators:
        for part in (row.target, row.actual, *row.elsewhere):
            if part is not None and getattr(part, "value", None) is not None and part.unit == WAN:
                out.add(part.value)
    return out


def wrong_forms(value: float) -> set[str]:
    """How a money figure reads when it is not printed by the rule: :g, no separators, one or no decimals."""
    right = fmt.money(value)
    forms = {f"{value:g}", fmt.money(value, grouping=False), fmt.fixed(value, 1), fmt.fixed(value, 1, False),
             fmt.fixed(value, 0), fmt.fixed(value, 0, False)}
    # under four digits ("25", "1.8") a form is too common a token (a count, a score) to pin on one amount;
    # such amounts are still checked wherever they are written with 万元 (WAN_TOKEN)
    return {w for w in forms if w != right and sum(c.isdigit() for c in w) >= 4}


@pytest.fixture(scope="module")
def outputs(sample_outputs) -> Path:
    return sample_outputs


@pytest.fixture(scope="module")
def texts(outputs) -> dict[str, str]:
    """Every output as text, with what the units wrote taken out."""
    pages = {p.relative_to(outputs).as_posix(): visible_text(p)
             for p in [outputs / "index.html", outputs / "portfolio.html", *sorted(outputs.glob("units/*/*.html"))]}
    assert len(pages) == 5
    pages["summary.csv"] = (outputs / "summary.csv").read_text(encoding="utf-8-sig")
    pages["summary.xlsx"] = "\n".join(str(v) for _, v, _ in workbook_texts(outputs / "summary.xlsx"))
    written = sorted({s for path in SAMPLES for s in _strings(load_params(path).model_dump()) if len(s) > 1},
                     key=len, reverse=True)
    for name, text in pages.items():
        for s in written:
            text = text.replace(s, " ")
        pages[name] = text
    return pages


def _misprinted(text: str, money: set[float]) -> list[str]:
    bad = []
    for value in sorted(money):
        for wrong in wrong_forms(value):
            if re.search(rf"(?<![\d.,]){re.escape(wrong)}(?!\d|[.,]\d)", text):
                bad.append(f"{wrong} (params {fmt.money(value)})")
    for token in WAN_TOKEN.findall(text):
        value = float(token.replace(",", ""))
        if value in money and token != fmt.money(value):
            bad.append(f"{token}万元 (params {fmt.money(value)})")
    return sorted(set(bad))


@pytest.mark.slow  # reads every output of `perfeval run` over the samples
def test_no_output_has_scientific_notation(texts):
    for name, text in texts.items():
        assert SCIENTIFIC.findall(text) == [], name


def test_the_scan_sees_a_misprinted_figure():
    assert _misprinted("总支出 16640.9万元；项目支出 3,404.7；合计 16,640.91万元；公用经费 25万元",
                       {16640.91, 3404.68, 25.0}) == [
        "16640.9 (params 16,640.91)", "25万元 (params 25.00)", "3,404.7 (params 3,404.68)"]
    assert SCIENTIFIC.findall("行程 1.46e+06公里，哈希 9e3f") == ["1.46e+0"]


@pytest.mark.slow  # reads every output of `perfeval run` over the samples
def test_every_money_figure_of_the_params_reads_at_two_decimals(texts):
    money = set().union(*(catalogue_money(load_params(p)) for p in SAMPLES))
    assert len(money) > 40  # the three samples state dozens of distinct amounts (59 as of engine v2)
    for name, text in texts.items():
        assert _misprinted(text, money) == [], name


@pytest.mark.slow  # reads every output of `perfeval run` over the samples
def test_every_number_in_the_workbook_has_a_fixed_format(outputs):
    """Excel's General format would show 16640.9 or 1.46E+06 in a narrow column: no number is left to it but scores,
    which General shows as the reports print them (20, 96.96) because they are written rounded and below 1,000."""
    formats = {fmt.EXCEL_MONEY, fmt.EXCEL_POINTS, fmt.EXCEL_RATE, fmt.EXCEL_COUNT, "0"}
    numbers = [(where, v, f) for where, v, f in workbook_texts(outputs / "summary.xlsx")
               if isinstance(v, (int, float)) and not isinstance(v, bool)]
    assert len(numbers) > 100
    scores = [(w, v) for w, v, f in numbers if f == fmt.EXCEL_SCORE]
    assert scores and all(abs(v) < 1000 and round(v, 2) == v for _, v in scores)
    assert [(w, f) for w, v, f in numbers if f not in formats | {fmt.EXCEL_SCORE}] == []


@pytest.mark.slow  # reads every output of `perfeval run` over the samples
def test_money_of_personalised_rows_reads_at_two_decimals(texts):
    money = set().union(*(row_money(load_params(p)) for p in SAMPLES))
    assert money
    for name, text in texts.items():
        assert _misprinted(text, money) == [], name
