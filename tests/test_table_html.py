"""Report tables are written as pandas writes them: report.stylerhtml writes the report's plain tables from the
styler's state and fills pandas' template in Python for any other, and every table of the samples, of synthetic
units, of a unit with hostile text and of the portfolio reads byte for byte as Styler.to_html."""
from __future__ import annotations

import numpy as np
import pytest
from pandas.io.formats.style import Styler

from perfeval import report
from perfeval.outputs.portfolio import display as portfolio_display
from perfeval.outputs.portfolio import load_portfolio
from perfeval.outputs.report import stylerhtml
from perfeval.outputs.report.display import Table
from perfeval.paths import UNITS_DIR

from conftest import CHANGSHA, LIUYANG, YUNXI
from synth import write_units

TABLE_BLOCKS = ["scores", "level1", "overview", "lines", "figures", "stated_figures", "projects", "project_items",
                "basis", "readings", "sensitivity"]
HOSTILE = '<script>alert("1")</script> & 100% {x} \'y\''


def tables_of(rep) -> list[Table]:
    return [t for t in (getattr(report, name)(rep) for name in TABLE_BLOCKS) if isinstance(t, Table)]


def assert_written_as_pandas_writes(rep) -> int:
    written = tables_of(rep)
    for table in written:
        assert table.html() == table.to_html(), table.uuid
    return len(written)


@pytest.mark.parametrize("unit", [CHANGSHA, YUNXI, LIUYANG], ids=lambda p: p.stem)
def test_every_table_of_the_samples_reads_as_pandas_writes_it(unit):
    rep = report.load_report(unit)
    assert assert_written_as_pandas_writes(rep) >= 8
    assert all(stylerhtml.plain_table(t) is not None for t in tables_of(rep))  # the quick way, every one


def test_the_portfolios_tables_read_as_pandas_writes_them():
    portfolio = load_portfolio(sorted(UNITS_DIR.glob("*.yaml")))
    for table in (portfolio_display.units_block(portfolio), portfolio_display.ratios_block(portfolio)):
        assert isinstance(table, Table) and table.html() == table.to_html(), table.uuid


def test_a_table_beyond_the_plain_ones_is_written_by_pandas_template():
    table = tables_of(report.load_report(YUNXI))[0]
    table.hide_index_ = [False]  # the index shown: pandas' own cells, filled in by render
    assert stylerhtml.plain_table(table) is None and table.html() == table.to_html()


def test_synthetic_units_tables_read_as_pandas_writes_them(tmp_path):
    for params in write_units(tmp_path, 4, seed=7):
        assert_written_as_pandas_writes(report.load_report(params))


def test_hostile_text_reads_as_pandas_writes_it(unit_copy):
    def alter(d):
        d["unit"]["name"] = HOSTILE
        d["figures"]["project_items"][0]["name"] = HOSTILE
        d["not_assessed"]["carryover"] = HOSTILE

    rep = report.load_report(unit_copy(CHANGSHA, alter))
    assert assert_written_as_pandas_writes(rep) >= 8
    assert any(HOSTILE.replace("<", "&lt;").replace(">", "&gt;")[:20] in t.html() for t in tables_of(rep))


def test_styled_hides_columns_as_styler_hide_does():
    rep = report.load_report(CHANGSHA)
    hiding = [t for t in tables_of(rep) if len(t.hidden_columns)]
    assert hiding
    for table in hiding:
        names = list(table.columns[table.hidden_columns])
        assert np.array_equal(Styler(table.data).hide(names, axis="columns").hidden_columns, table.hidden_columns)


def test_a_table_past_pandas_cell_limit_keeps_every_row():
    """Styler.to_html trims a table of more than 262,144 cells to fewer rows, without a word: the portfolio's units
    table of 15,000 units (18 columns) listed 12,000 of them. A report table shows all it holds."""
    import pandas as pd

    from perfeval.outputs.report.display import styled

    frame = pd.DataFrame({"单位": [f"甲{i}" for i in range(70_000)], "得分": range(70_000), "等次": "良", "备注": "—"})
    written = styled(frame, "many", hidden=["备注"]).html()
    assert written.count("<tr>") == 70_001 and "甲69999" in written and "..." not in written
