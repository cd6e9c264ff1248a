"""matplotlib's SVG canvas with its text sizes remembered across charts, for the matplotlib figures drawn as SVG
(the portfolio's charts, report.svgimage)."""
from __future__ import annotations

import codecs
from functools import lru_cache
from typing import Any

from matplotlib import cbook
from matplotlib.backends.backend_mixed import MixedModeRenderer
from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.textpath import TextToPath

from .svgchart import POINTS_PER_INCH


class MeasuredSVG(RendererSVG):
    """The SVG renderer, its text sizes remembered across renderers and charts.

    matplotlib remembers a text's size per renderer, and savefig makes a new renderer for every chart, so each label
    was laid out again by FreeType (most of the cost of drawing a chart's text in a CJK font). At the SVG's fixed
    resolution a size depends only on the text and its font, whichever renderer asks.
    """

    def get_text_width_height_descent(self, s: str, prop: FontProperties, ismath: bool | str) -> tuple[float, ...]:
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        return _text_metrics(s, prop.copy())  # a copy: the key must not change with the artist's own properties

    def _get_font_height_metrics(self, prop: FontProperties) -> tuple[float | None, float | None, float | None]:
        """The font's ascent, descent and line gap at its size: matplotlib's hook for renderers (Text._get_layout
        otherwise reads them from the font's tables again for every text it lays out, about a sixth of drawing a
        chart). Every use of this renderer draws at POINTS_PER_INCH, where a point is a pixel."""
        return _line_metrics(prop.copy())


_TEXT_TO_PATH = TextToPath()


@lru_cache(maxsize=4096)
def _text_metrics(s: str, prop: FontProperties) -> tuple[float, ...]:
    return tuple(_TEXT_TO_PATH.get_text_width_height_descent(s, prop, False))


@lru_cache(maxsize=256)
def _line_metrics(prop: FontProperties) -> tuple[float | None, float | None, float | None]:
    """As Text._get_layout (matplotlib 3.11) reads them: the OS/2 table's typographic metrics, else hhea's; None when
    the font has neither (matplotlib then measures a sample text)."""
    font = get_font(findfont(prop))
    for table_name, gap, ascent, descent in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                             ("hhea", "lineGap", "ascent", "descent")):
        table = font.get_sfnt_table(table_name)
        if table is not None:
            scale = prop.get_size_in_points() / font.get_sfnt_table("head")["unitsPerEm"]
            return table[ascent] * scale, -table[descent] * scale, table[gap] * scale
    return None, None, None


class MeasuredCanvas(FigureCanvasSVG):
    """matplotlib's SVG canvas drawing with MeasuredSVG, whose text sizes outlive one savefig (svgimage.chart_svg)."""

    def print_svg(self, filename: Any, *, bbox_inches_restore: Any = None, metadata: dict[str, Any] | None = None,
                  **_drawn_by_figure: Any) -> None:
        # FigureCanvasSVG.print_svg (matplotlib 3.11) with the renderer swapped; savefig passes colours and dpi to
        # every format, which matplotlib drops for its own SVG canvas (the figure draws them)
        with cbook.open_file_cm(filename, "w", encoding="utf-8") as fh:
            if not cbook.file_requires_unicode(fh):  # a layout engine's trial draw writes to bytes
                fh = codecs.getwriter("utf-8")(fh)
            dpi = self.figure.dpi
            self.figure.dpi = POINTS_PER_INCH
            width, height = self.figure.get_size_inches()
            renderer = MixedModeRenderer(self.figure, width, height, dpi,
                                         MeasuredSVG(width * POINTS_PER_INCH, height * POINTS_PER_INCH, fh,
                                                     image_dpi=dpi, metadata=metadata),
                                         bbox_inches_restore=bbox_inches_restore)
            self.figure.draw(renderer)
            renderer.finalize()
