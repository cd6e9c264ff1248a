"""The colours Word draws a run's text and what lies behind it in, so that text drawn in the colour under it (white
on the page, yellow on a yellow paragraph, red in a red cell, black on a black highlight) is known not to be seen.

Colours are RRGGBB strings. A theme colour (`w:themeColor`, which Word draws in place of `w:val`: `000000` with
themeColor background1 is white) is taken from the document's theme, lightened or darkened by its tint or shade.
"""
from __future__ import annotations

import re
from typing import Any

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEX = re.compile(r"[0-9A-Fa-f]{6}")
WHITE = "FFFFFF"
ALIKE = 12  # colours nearer than this in every channel (of 255) look the same: F8F8F8 on white, as the PDF reader's

# the highlight colours Word offers (w:highlight names them)
HIGHLIGHT = {"black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF",
             "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080", "darkCyan": "008080",
             "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
             "darkGray": "808080", "lightGray": "C0C0C0"}
# Word's theme colour names and the colour scheme entries they draw (text1 on background1 is dk1 on lt1)
_SCHEME = {"dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2", "text1": "dk1", "background1": "lt1",
           "text2": "dk2", "background2": "lt2", "hyperlink": "hlink", "followedHyperlink": "folHlink",
           **{f"accent{k}": f"accent{k}" for k in range(1, 7)}}
# Office's own theme, for a document that carries none
_OFFICE = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "44546A", "lt2": "E7E6E6", "accent1": "4472C4",
           "accent2": "ED7D31", "accent3": "A5A5A5", "accent4": "FFC000", "accent5": "5B9BD5", "accent6": "70AD47",
           "hlink": "0563C1", "folHlink": "954F72"}


def theme_colours(document: Any) -> dict[str, str]:  # a python-docx Document
    """The document's colour scheme (dk1, lt1, accent1 …) from its theme part; Office's where it has none."""
    from defusedxml import DefusedXmlException, ElementTree
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        theme = document.part.part_related_by(RELATIONSHIP_TYPE.THEME)
        root = ElementTree.fromstring(theme.blob)  # no entities, no DTD: a theme is anyone's XML
    except (KeyError, ValueError, ElementTree.ParseError, DefusedXmlException):
        return dict(_OFFICE)
    scheme = root.find(f"{_A}themeElements/{_A}clrScheme")
    colours = dict(_OFFICE)
    for entry in scheme if scheme is not None else []:
        name = entry.tag.rpartition("}")[2]
        for colour in entry:
            value = colour.get("val") if colour.tag == f"{_A}srgbClr" else colour.get("lastClr")
            if value and _HEX.fullmatch(value):
                colours[name] = value.upper()
    return colours


def text_colour(color: Any, theme: dict[str, str]) -> str:  # a w:color
    """The colour a w:color draws text in: its theme colour (tinted or shaded) over its w:val; "auto" for Word's
    automatic colour (black on light, white on dark: always seen)."""
    name = color.get(f"{_W}themeColor")
    if name in _SCHEME and _SCHEME[name] in theme:
        return _adjusted(theme[_SCHEME[name]], color.get(f"{_W}themeTint"), color.get(f"{_W}themeShade"))
    value = color.get(f"{_W}val", "")
    return value.upper() if _HEX.fullmatch(value) else "auto"


def _adjusted(colour: str, tint: str | None, shade: str | None) -> str:
    """A theme colour lightened by a tint (toward white) or darkened by a shade, each 00-FF of the colour kept."""
    channels = [int(colour[k:k + 2], 16) for k in (0, 2, 4)]
    lighter, darker = _byte(tint), _byte(shade)
    if lighter is not None:
        channels = [round(255 - (255 - c) * lighter / 255) for c in channels]
    if darker is not None:
        channels = [round(c * darker / 255) for c in channels]
    return "".join(f"{c:02X}" for c in channels)


def _byte(value: str | None) -> int | None:
    return int(value, 16) if value and re.fullmatch(r"[0-9A-Fa-f]{2}", value) else None


def fill(shd: Any) -> str | None:  # a w:shd, or None
    """The colour a w:shd paints behind text: None when there is no w:shd, "" when it paints nothing (auto)."""
    if shd is None:
        return None
    background, foreground = shd.get(f"{_W}fill"), shd.get(f"{_W}color")
    pattern = shd.get(f"{_W}val", "clear")
    for painted in ([foreground] if pattern == "solid" else [background] if pattern in ("clear", "nil")
                    else [background, foreground]):
        if painted and _HEX.fullmatch(painted):
            return str(painted).upper()
    return ""


def alike(a: str | None, b: str | None) -> bool:
    """Whether two colours look the same (every channel within ALIKE); False when either is not a colour."""
    if not (a and b and _HEX.fullmatch(a) and _HEX.fullmatch(b)):
        return False
    return all(abs(int(a[k:k + 2], 16) - int(b[k:k + 2], 16)) <= ALIKE for k in (0, 2, 4))
