"""Styler's per-cell ids and classes go from the page unless a stylesheet or link on the page names them."""
from __future__ import annotations

import pandas as pd

from perfeval.outputs.report.display import styled
from perfeval.outputs.tablehooks import compact_tables


def test_unused_cell_hooks_go_and_used_ones_stay():
    frame = pd.DataFrame({"单位": ["甲<b>", "乙"], "得分": [1.5, 2.0]})
    styler = styled(frame, "t", text=["单位"]).apply(lambda r: ["color: red;" if r["得分"] > 1.8 else ""] * 2, axis=1)
    page = styler.to_html()
    compact = compact_tables(page)
    assert 'class="data row0 col0"' in page and "data row" not in compact
    assert 'class="col0"' in compact  # named by the text column's rule, td.col0
    assert 'id="T_t_row1_col0"' in compact and 'id="T_t_row0_col0"' not in compact  # only the red cell is styled
    assert compact.count("<td") == page.count("<td") and "甲&lt;b&gt;" in compact and len(compact) < len(page)


def test_text_that_looks_like_a_hook_is_left_alone():
    page = '<style>#a td.col1 {}</style><p>&lt;td class="x"&gt; class="data row0"</p><td class="data row0 col1" id="z">'
    assert compact_tables(page) == ('<style>#a td.col1 {}</style><p>&lt;td class="x"&gt; class="data row0"</p>'
                                    '<td class="col1">')
