"""Charts: Chinese labels render in the shipped Noto Sans SC (a missing glyph is a failure), empty states."""
from __future__ import annotations

import io
import logging
import warnings

import matplotlib as mpl
import pytest
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont

from perfeval.outputs.report import charts, fonts
from perfeval.outputs.report.model import load_report

from conftest import CHANGSHA, LIUYANG, YUNXI


def draw_all(rep) -> list[Figure]:  # noqa: ANN001
    figs = [charts.score_vs_weight(rep.sheet), charts.claimed_vs_recomputed(rep.sheet),
            charts.stated_vs_recomputed_rates(rep.unit), charts.spending_structure(rep.params)]
    return [f for f in figs if f is not None]


def glyph_warnings(figs: list[Figure]) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for fig in figs:
            fig.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught if "Glyph" in str(w.message) and "missing" in str(w.message)]


@pytest.fixture
def restore_rc():
    saved = mpl.rcParams.copy()
    yield
    mpl.rcParams.update(saved)


@pytest.mark.parametrize("unit", [CHANGSHA, YUNXI, LIUYANG], ids=lambda p: p.stem)
def test_every_chart_renders_its_chinese(unit, restore_rc, caplog):
    fonts.apply_theme()
    figs = draw_all(load_report(unit))
    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"):
        assert glyph_warnings(figs) == []
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]


def test_the_font_is_registered_after_seaborn_resets_the_theme(restore_rc):
    fonts.apply_theme()
    sns.set_theme()  # seaborn rewrites font.family and font.sans-serif ...
    figs = draw_all(load_report(YUNXI))  # ... and each chart puts Noto Sans SC back first
    assert glyph_warnings(figs) == []
    assert findfont(FontProperties(family=mpl.rcParams["font.family"])) == str(fonts.font_path())


def test_without_the_font_the_check_does_fail(restore_rc):
    sns.set_theme()
    mpl.rcParams["font.sans-serif"] = ["DejaVu Sans"]
    fig = Figure()
    fig.subplots().set_title("支出结构")
    assert glyph_warnings([fig])


def test_charts_with_nothing_to_plot_are_none(restore_rc):
    liuyang = load_report(LIUYANG)
    assert charts.claimed_vs_recomputed(liuyang.sheet) is None  # no per-indicator claims in seed 000
    assert charts.stated_vs_recomputed_rates(liuyang.unit) is None
    assert charts.claimed_vs_recomputed(load_report(YUNXI).sheet) is not None


def test_spending_bars_are_labelled_in_wan_yuan_with_shares(restore_rc):
    fig = charts.spending_structure(load_report(CHANGSHA).params)
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert "10,325.79万元（67.78%）" in labels  # money at 2 decimals, a share as a rate at 2
    fig.savefig(io.BytesIO())  # ticks are laid out when drawn
    assert "12,000" in [t.get_text() for t in fig.axes[0].get_xticklabels()]  # the axis writes money as labels do
