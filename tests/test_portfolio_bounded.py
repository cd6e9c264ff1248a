"""The portfolio's figures do not grow with the number of units (issue 12, class 1: 140 units of one framework
drew a heatmap 200 inches wide and took 9.4 GB): beyond what a figure can show side by side, it aggregates or shows
the extremes, and its caption says so."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from perfeval.outputs.portfolio import charts, points

INDICATORS = [f"指标{i}" for i in range(30)]


def shares_of(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    values = rng.uniform(40, 100, size=(len(INDICATORS), n))
    values[rng.random(values.shape) < 0.1] = np.nan  # some not assessed
    return pd.DataFrame(values, index=INDICATORS, columns=[f"单位{i}（2023）" for i in range(n)])


def ratios_of(n: int) -> pd.DataFrame:
    rows = [(f"单位{i}", 2023, "A", name, float(i + 1), "万元/人", "", "", "", "")
            for name in ("人均“三公”经费", "公务用车每次出车费用") for i in range(n)]
    return pd.DataFrame(rows, columns=["单位", "年度", "类别", "指标", "数值", "单位（计量）", "分子", "分母", "说明", "来源"])


def labels(fig) -> int:
    return sum(len(ax.texts) for ax in fig.axes)


@pytest.mark.parametrize("n", [charts.MAX_UNIT_COLUMNS + 1, 140, 1000])
def test_heatmap_of_many_units_has_the_size_and_labels_of_its_bands(n):
    fig = charts.score_share_heatmap(shares_of(n))
    assert tuple(fig.get_size_inches()) == (9.0, pytest.approx(1.5 + 0.3 * len(INDICATORS)))
    assert labels(fig) == len(INDICATORS) * (len(charts.SHARE_BANDS) + 1)  # a count per indicator and band


def test_heatmap_up_to_the_limit_shows_every_unit():
    fig = charts.score_share_heatmap(shares_of(charts.MAX_UNIT_COLUMNS))
    assert fig.get_size_inches()[0] == pytest.approx(3.5 + 1.4 * charts.MAX_UNIT_COLUMNS)


def test_bands_count_every_unit_once():
    shares = pd.DataFrame({"甲": [59.99, 60.0, None], "乙": [80.0, 90.0, 100.0], "丙": [89.99, 100.0, 0.0]},
                          index=["x", "y", "z"])
    bands = charts.share_bands(shares)
    assert bands.loc["x"].tolist() == [1, 0, 2, 0, 0]  # <60, 60–80, 80–90, ≥90, 未评
    assert bands.loc["y"].tolist() == [0, 1, 0, 2, 0]
    assert bands.loc["z"].tolist() == [1, 0, 0, 1, 1]
    assert (bands.sum(axis=1) == 3).all()


def test_the_caption_says_the_heatmap_is_aggregated():
    assert "图中按得分率区间汇总" in points.shares(shares_of(200), "框架A").text
    assert "汇总" not in points.shares(shares_of(5), "框架A").text


@pytest.mark.parametrize("n", [charts.MAX_BARS + 1, 1000])
def test_cost_ratio_panels_show_the_extremes_of_many_units(n):
    fig = charts.cost_ratio_bars(ratios_of(n))
    small = charts.cost_ratio_bars(ratios_of(charts.MAX_BARS))
    assert tuple(fig.get_size_inches()) == tuple(small.get_size_inches())
    for ax in fig.axes:
        assert len(ax.patches) == charts.MAX_BARS and f"{n} 个单位中最高与最低各 10 个" in ax.get_title()
        shown = [t.get_text() for t in ax.get_yticklabels()]
        assert shown[0] == f"单位{n - 1}（2023）" and shown[-1] == "单位0（2023）"  # highest first, lowest last
    said = points.ratios(ratios_of(n)).text
    assert f"（{n} 个单位，图中为最高与最低各 10 个，全部见下表）" in said and f"最高为单位{n - 1}" in said


def test_the_portfolio_kernel_keeps_no_output_once_shown(tmp_path, monkeypatch):
    """IPython's output cache (Out, _) held each cell's result after the page had it: the units table's Styler, its
    formatter and style of every cell (~6 KB a unit, issue 24 item 20's growth). The kernel runs without it."""
    import nbformat

    from perfeval.outputs.batch import summaries
    from perfeval.outputs.store import ResultsStore

    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("units: list = []", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("list(range(1_000))"),
        nbformat.v4.new_code_cell("print('kept:', sum(isinstance(v, list) and len(v) == 1_000 for v in Out.values()), "
                                  "'_' in globals() and isinstance(_, list))")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, tmp_path / "p.ipynb")
    monkeypatch.setattr(summaries, "PORTFOLIO_NOTEBOOK", tmp_path / "p.ipynb")
    outputs = tmp_path / "outputs"
    with ResultsStore(outputs):
        pass
    summaries.write_portfolio(outputs, [])
    executed = nbformat.read(outputs / "portfolio.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "kept: 0 False\n"
    assert "kept: 0 False" in (outputs / "portfolio.html").read_text(encoding="utf-8")


def test_a_cost_ratio_label_ends_inside_its_panel():
    """A label is as wide at any scale: the axis is made long enough for it (it ran past the axis to the edge)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    ratios = ratios_of(3)
    ratios.loc[ratios["数值"] == 3.0, "说明"] = "近似值"  # the longest label on the longest bar
    fig = charts.cost_ratio_bars(ratios)
    renderer = FigureCanvasAgg(fig).get_renderer()
    for ax in fig.axes:
        right = ax.get_window_extent(renderer).x1
        assert ax.texts and all(t.get_window_extent(renderer).x1 <= right for t in ax.texts)


def test_a_ratios_sources_read_as_one_list_of_clauses():
    """Each source is a sentence ending in its own 。 or ；: joined, they read as clauses, never “。；” or “；；”."""
    from perfeval.outputs.portfolio.tables import joined_sources

    assert joined_sources("二(四) 实际支出15.62万元，比上年下降8.6%。", None, "一(一) 年末实有在职人员55人；") == \
        "二(四) 实际支出15.62万元，比上年下降8.6%；一(一) 年末实有在职人员55人"
    assert joined_sources(None, "") == ""
