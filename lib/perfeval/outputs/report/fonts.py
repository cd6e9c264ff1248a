"""The charts' fonts: Noto Sans SC (SIL OFL, shipped) first, then the Chinese fonts readers' systems have; and, for
an analyst's own matplotlib plots, seaborn's theme with that font so Chinese labels render.

The report's charts are SVG written by report.svgchart, whose text the reader's font draws; matplotlib is imported
only by apply_theme and its helpers, for plots an analyst makes (and the portfolio's charts).
"""
from __future__ import annotations

from pathlib import Path

FONT_NAME = "Noto Sans SC"
# The page names the shipped font first, then those Windows, macOS and Linux ship, so another font of the same em
# size draws the text where Noto Sans SC is not installed.
READER_FONTS = (FONT_NAME, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
                "Microsoft YaHei", "WenQuanYi Micro Hei")


def font_path() -> Path:
    """Noto Sans SC as shipped by the pylopdf-fonts-zh-cn wheel (no system font is assumed)."""
    import pylopdf_fonts_zh_cn

    return pylopdf_fonts_zh_cn.sans_path()


def use_chinese_font() -> None:
    """Put Noto Sans SC first in matplotlib's sans-serif list; idempotent.

    Must run after seaborn's set_theme, which rewrites font.family and font.sans-serif.
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    if FONT_NAME not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(font_path()))
    rest = [f for f in mpl.rcParams["font.sans-serif"] if f != FONT_NAME]
    mpl.rcParams["font.family"] = ["sans-serif"]
    mpl.rcParams["font.sans-serif"] = [FONT_NAME, *rest]
    mpl.rcParams["axes.unicode_minus"] = False
    mpl.rcParams["text.parse_math"] = False  # labels from params are drawn as written: "$x^$" is text, not an error
    mpl.rcParams["axes.formatter.limits"] = (-9, 15)  # axis ticks never in scientific notation (1e6 公里) ...
    mpl.rcParams["axes.formatter.useoffset"] = False  # ... nor as an offset (+1.64e4) a reader must add back


def apply_theme() -> None:
    """seaborn's whitegrid theme sized for a report page, then the Chinese font on top of it.

    Titles stay at normal weight: the shipped font has no bold face, and a faked one would log a warning.
    """
    import seaborn as sns

    sns.set_theme(style="whitegrid", context="notebook", palette="deep", rc={"axes.titlesize": 13})
    use_chinese_font()


def ensure_chinese_font() -> None:
    """Called by every matplotlib chart so a chart drawn without apply_theme() still has its Chinese glyphs."""
    import matplotlib as mpl

    if (mpl.rcParams["font.sans-serif"][:1] != [FONT_NAME] or mpl.rcParams["font.family"] != ["sans-serif"]
            or mpl.rcParams["text.parse_math"] or mpl.rcParams["axes.formatter.useoffset"]):
        use_chinese_font()
