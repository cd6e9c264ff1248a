"""How a web page dresses its elements, as far as it decides whether a browser shows their text: the declarations
of an element's style and of the page's stylesheets (any selector lxml's cssselect reads; rules inside @media and
selectors of a state, :hover, left out), and the colours of text and of what lies behind it.

A decoy figure on a published page is hidden the ways a page hides anything: not displayed, of no size, clipped to
nothing, placed off the screen, or drawn in the colour of what lies behind it (white on the white page, blue on a blue
box, `<font color="#ffffff">`). Each is judged here once, so the page reader says what it left out.
"""
from __future__ import annotations

import colorsys
import re
from typing import Literal

from dataclasses import dataclass

from lxml import etree

from .html_styles import STYLED, declared

_LENGTH = re.compile(r"^(-?(?:\d++(?:\.\d++)?|\.\d++))\s*(px|pt|em|rem|%|)$")
OFF_SCREEN_PX = 999  # a box moved this far left or up is off any screen (left:-9999px, text-indent:-9999px)
OFF_WINDOW_PX = 100  # a box fixed this far above or left of the window shows no line of its text
_SCALED_AWAY = re.compile(r"scale[xy]?\(\s*(?:0++(?:\.0++)?|\.0++)\s*[,)]")  # transform:scale(0): drawn at no size
_FADED = re.compile(r"opacity\(\s*([\d.]++%?)\s*\)")  # filter:opacity(0)
_MATRIX_AWAY = re.compile(r"matrix\(\s*0++(?:\.0++)?\s*,\s*0++(?:\.0++)?\s*,\s*0++(?:\.0++)?\s*,\s*0++(?:\.0++)?\s*,")
_TRANSLATED = re.compile(r"translate(x|y|3d)?\(\s*([^,)]+)(?:,\s*([^,)]+))?")
_CLIPPED_AWAY = re.compile(r"inset\(\s*(?:[5-9]\d|\d{3})(?:\.\d++)?%|circle\(\s*0(?![.\d])")  # clip-path leaving nothing
_PICTURE = re.compile(r"url\(|gradient\(|image\(|image-set\(")
SMALLEST_PT = 1.0  # text smaller than this (font-size:1px is 0.75pt) is not read, as Word's under 1 point
CLOSE = 12  # a colour within this of what lies behind it in every channel (of 255) cannot be seen
_PX_PER = {"px": 1.0, "pt": 4 / 3, "": 1.0}
_NAMED = {"white": (255, 255, 255), "black": (0, 0, 0), "red": (255, 0, 0), "green": (0, 128, 0),
          "blue": (0, 0, 255), "yellow": (255, 255, 0), "gray": (128, 128, 128), "grey": (128, 128, 128),
          "silver": (192, 192, 192), "navy": (0, 0, 128), "maroon": (128, 0, 0), "orange": (255, 165, 0),
          "whitesmoke": (245, 245, 245), "snow": (255, 250, 250), "ivory": (255, 255, 240)}
RGB = tuple[int, int, int]
TRANSPARENT: Literal["transparent"] = "transparent"
Colour = RGB | Literal["transparent"] | None  # None: a colour this reader does not know, never judged
PAGE: RGB = (255, 255, 255)


def declarations(el: etree._Element) -> dict[str, str]:
    """An element's style as the browser applies it: what won the cascade of the page's stylesheets and its own
    style attribute (see html_styles), else its style attribute alone (an !important declaration not overridden)."""
    styled = el.get(STYLED)
    if styled is not None:
        return {name: value for name, value, _ in declared(styled)}
    out: dict[str, str] = {}
    strong: set[str] = set()
    for name, value, important in declared(el.get("style") or ""):
        if important or name not in strong:
            out[name] = value
            strong.update([name] if important else [])
    return out


@dataclass(frozen=True)
class _Ink:
    """What an element's text inherits: whether it is visible (visibility), its colour (None: one this reader does
    not know), its font size in px (None: not known)."""

    visible: bool
    colour: Colour
    size: float | None


_INK = _Ink(True, (0, 0, 0), 16.0)
_SIZES = {"xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0, "large": 18.0, "x-large": 24.0,
          "xx-large": 32.0, "xxx-large": 48.0}


class Looks:
    """Judges a page's elements; remembers what each element inherits and the colour behind it, so that a page
    nested deep costs each element one look, not one per ancestor."""

    def __init__(self) -> None:
        self._behind: dict[etree._Element, RGB | None] = {}
        self._ink: dict[etree._Element, _Ink] = {}
        self._top: dict[etree._Element, etree._Element] = {}

    def gone(self, el: etree._Element) -> bool:
        """Whether a browser draws nothing of an element, nor of what it holds: hidden, not displayed, faded out,
        clipped to nothing, off the screen, or transformed to nothing."""
        if el.get("hidden") is not None or el.tag == "dialog" and el.get("open") is None:  # a closed dialog
            return True
        d = declarations(el)
        if d.get("display") == "none" or d.get("content-visibility") == "hidden":
            return True
        opacity = _alpha(d.get("opacity") or "")
        filtered = _FADED.search(d.get("filter", ""))
        if opacity is not None and opacity <= 0.05 or filtered and (_alpha(filtered.group(1)) or 0) <= 0.05:
            return True
        if _off_screen(d) or _clipped(d):
            return True
        return bool(_SCALED_AWAY.search(d.get("transform", "")) or _number(d.get("scale", "").split(" ")[0]) == 0
                    or _CLIPPED_AWAY.search(d.get("clip-path", "")) or _moved_away(d.get("transform", "")))

    def unseen(self, el: etree._Element) -> bool:
        """Whether an element's own text cannot be seen by what it inherits or sets (an element inside may set it
        back): visibility:hidden, too small to read, or drawn in the colour of what lies behind it."""
        ink = self.ink(el)
        if not ink.visible or ink.size is not None and ink.size * 0.75 < SMALLEST_PT or ink.colour == TRANSPARENT:
            return True
        behind = self.background(el) if isinstance(ink.colour, tuple) else None
        return isinstance(ink.colour, tuple) and behind is not None and _close(ink.colour, behind)

    def unseen_from(self, el: etree._Element) -> etree._Element:
        """The outermost element of the unseen run an unseen element stands in (its text is said once)."""
        chain: list[etree._Element] = []
        top = el
        for a in (el, *el.iterancestors()):
            if a in self._top:
                top = self._top[a]
                break
            chain.append(a)
            parent = a.getparent()
            if parent is None or not self.unseen(parent):
                top = a
                break
        for a in chain:
            self._top[a] = top
        return top

    def ink(self, el: etree._Element) -> _Ink:
        """What an element's text is drawn with, as it inherits and sets it (one look per element)."""
        chain: list[etree._Element] = []
        found = _INK
        a: etree._Element | None = el
        while a is not None:
            if a in self._ink:
                found = self._ink[a]
                break
            chain.append(a)
            a = a.getparent()
        for a in reversed(chain):
            found = self._ink[a] = _own_ink(a, found)
        return found

    def background(self, el: etree._Element) -> RGB | None:
        """The colour behind an element's text: its own background, else its nearest ancestor's, else the page's;
        None behind a picture (background-image), whose colours only its pixels tell."""
        chain: list[etree._Element] = []
        found: RGB | None = PAGE
        for a in (el, *el.iterancestors()):
            if a in self._behind:
                found = self._behind[a]
                break
            chain.append(a)
            own = _own_background(a)
            if own is not None:
                found = None if own == "picture" else own
                break
        for a in chain:
            self._behind[a] = found
        return found


def _own_ink(el: etree._Element, parent: _Ink) -> _Ink:
    d = declarations(el)
    visibility = d.get("visibility")
    visible = False if visibility in ("hidden", "collapse") else True if visibility == "visible" else parent.visible
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    written = d.get("-webkit-text-fill-color") or d.get("color") or (el.get("color") if tag == "font" else None)
    colour = parent.colour
    if written and written not in ("inherit", "currentcolor", "unset"):
        colour = (0, 0, 0) if written == "initial" else _colour(_variable(written, el))  # the fill draws the glyphs
    return _Ink(visible, colour, _font_size(d.get("font-size"), parent.size))


def _font_size(written: str | None, parent: float | None) -> float | None:
    """A font size in px as an element computes it: absolute, or of its parent's (em, %), or the root's (rem)."""
    if not written or written in ("inherit", "unset"):
        return parent
    if written in _SIZES:
        return _SIZES[written]
    found = _LENGTH.match(written.strip())
    if found is None:
        return parent if written not in ("smaller", "larger") or parent is None else parent * (
            0.83 if written == "smaller" else 1.2)
    value, unit = float(found.group(1)), found.group(2)
    if unit in ("em", "%"):
        return None if parent is None else parent * value / (100 if unit == "%" else 1)
    return value * 16 if unit == "rem" else value * _PX_PER.get(unit, 1.0)


_PLACED = ("absolute", "fixed")
_DRAWN = {"img", "canvas", "video", "object", "embed", "iframe"}  # a picture: opaque or not, its pixels say
OPAQUE = 0.95  # an alpha or opacity at least this hides what lies under it


def placed(el: etree._Element) -> bool:
    """Whether an element is positioned (relative, absolute, fixed, sticky): a box placed over the page's text is
    drawn above what is not."""
    return declarations(el).get("position", "static") not in ("static", "")


def cover(el: etree._Element) -> Literal["whole", "part"] | None:
    """Whether an element is an opaque box laid over the text around it, which a browser paints over that text:
    "whole" when it fills the box it is placed in (position:absolute with top and left 0 and its width and height
    100 %, or inset 0) and that box is known without layout (see covered_by); "part" when it is an opaque box placed
    (absolute or fixed) without text of its own, over text that only a layout can tell; None otherwise. Opaque: a
    background colour of no transparency, or a picture (whose transparency only its pixels tell: "part")."""
    d = declarations(el)
    if d.get("position") not in _PLACED:
        return None
    opacity = _number(d.get("opacity"))
    if opacity is not None and opacity < OPAQUE:
        return None
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in _DRAWN:
        return "part"
    written = d.get("background-color") or _first_colour(d.get("background")) or el.get("bgcolor")
    if not written or not isinstance(_colour(written), tuple) or (_alpha_of(written) or 1.0) < OPAQUE:
        return None
    zero = [_px(d.get(side)) == 0 for side in ("top", "right", "bottom", "left")]
    filled = all(d.get(name, "").strip() == "100%" for name in ("width", "height"))
    inset = [_px(v) for v in d.get("inset", "").split()]
    if d.get("position") == "absolute" and (inset and all(v == 0 for v in inset) or all(zero)
                                            or zero[0] and zero[3] and filled):
        return "whole"
    return None if "".join(el.itertext()).strip() else "part"


def covered_by(root: etree._Element) -> tuple[dict[etree._Element, list[etree._Element]], int]:
    """Where opaque boxes lie over a page's text: each box a "whole" cover fills (its nearest positioned ancestor,
    which it is placed in) with the elements a browser draws above the cover there (the cover itself, and the boxes
    placed after it or above it by z-index: their text shows), and how many opaque boxes lie over text this reader
    cannot place without layout (a "part" cover, or a whole one placed in no positioned box: over the first screen).
    Each element's style is read once and each box walked once (a later cover in it is drawn above the first)."""
    order: dict[etree._Element, int] = {}
    placing: dict[etree._Element, str] = {}  # positioned elements: their position
    for k, el in enumerate(root.iter()):
        order[el] = k
        position = declarations(el).get("position", "static") if isinstance(el.tag, str) else "static"
        if position not in ("static", ""):
            placing[el] = position
    whole: dict[etree._Element, list[etree._Element]] = {}
    unplaced = 0
    for el in placing:
        if (_number(declarations(el).get("z-index")) or 0) < 0 and _painted_over(el, placing):
            whole[el] = []  # all of it drawn beneath: what it holds too
            continue
        kind = cover(el)
        box = next((a for a in el.iterancestors() if a in placing), None) if kind == "whole" else None
        if kind is None or box in whole:
            continue
        if box is None:
            placed_under = _under_a_box(el, placing, order) if kind == "part" else None
            if placed_under is None:
                unplaced += 1
            else:
                whole.update((under, []) for under in placed_under)
            continue
        depth = _number(declarations(el).get("z-index")) or 0
        above = [el]
        walk = etree.iterwalk(box, events=("start",))
        for _, other in walk:
            if other is el:
                walk.skip_subtree()
            elif other is not box and other in placing:
                if order[other] > order[el] or (_number(declarations(other).get("z-index")) or 0) > depth:
                    above.append(other)
                walk.skip_subtree()  # what is placed in it goes with it
        whole[box] = above
    return whole, unplaced


def _under_a_box(el: etree._Element, placing: dict[etree._Element, str],
                 order: dict[etree._Element, int]) -> list[etree._Element] | None:
    """The elements an opaque box of its own place and size (position:absolute, left, top, width and height in px)
    hides, when what lies in the box it is placed in can be placed without layout: every text there is in an element
    placed absolutely by left and top in px in that box, below the cover (before it, or of a lower z-index). Such an
    element lying within the cover (its size reckoned from its text: a CJK character 1 em wide, others 0.55, a line
    1.2 em high) is hidden, one clear of it shown; one it overlaps in part, or text only a layout places: None."""
    d = declarations(el)
    rect = [_px(d.get(name)) for name in ("left", "top", "width", "height")]
    if d.get("position") != "absolute" or any(v is None for v in rect) or el.tag in _DRAWN:
        return None
    x0, y0, w, h = (v or 0.0 for v in rect)
    box = next((a for a in el.iterancestors() if a in placing), None)
    if box is None:
        return None
    depth = _number(d.get("z-index")) or 0
    hidden: list[etree._Element] = []
    walk = etree.iterwalk(box, events=("start",))
    for _, other in walk:
        if other is el:
            walk.skip_subtree()
            continue
        if other is box:
            if (other.text or "").strip():
                return None
            continue
        if (other.tail or "").strip() or other not in placing and (other.text or "").strip():
            return None  # text in the flow: only a layout places it
        if other not in placing:
            continue
        walk.skip_subtree()
        text = "".join(other.itertext()).strip()
        if not text:
            continue
        od = declarations(other)
        left, top = _px(od.get("left")), _px(od.get("top"))
        if placing[other] != "absolute" or left is None or top is None:
            return None
        if order[other] > order[el] or (_number(od.get("z-index")) or 0) > depth:
            continue  # drawn above the cover
        size = _font_size(od.get("font-size"), 16.0) or 16.0
        width = _px(od.get("width")) or sum(1.0 if ord(ch) >= 0x2E80 else 0.55 for ch in text) * size
        height = _px(od.get("height")) or 1.2 * size
        if left >= x0 and top >= y0 and left + width <= x0 + w and top + height <= y0 + h:
            hidden.append(other)
        elif left < x0 + w and x0 < left + width and top < y0 + h and y0 < top + height:
            return None  # in part: which characters, only a layout tells
    return hidden


def _painted_over(el: etree._Element, placing: dict[etree._Element, str]) -> bool:
    """Whether an element placed below zero (z-index:-1) is painted beneath an opaque background: a browser paints
    it after the background of the box it is stacked in (its nearest ancestor that stacks its own: positioned with a
    z-index, faded, transformed …) and before the backgrounds of the boxes between, which hide it. The body's
    background is the page's when the root has none (painted first)."""
    root = el.getroottree().getroot()
    for a in el.iterancestors():
        if a is root or _stacks(a, placing):
            return False
        tag = a.tag.lower() if isinstance(a.tag, str) else ""
        if tag == "body" and _own_background(root) is None:
            continue
        d = declarations(a)
        written = d.get("background-color") or _first_colour(d.get("background")) or a.get("bgcolor")
        if written and isinstance(_colour(written), tuple) and (_alpha_of(written) or 1.0) >= OPAQUE:
            return True
    return False


def _stacks(el: etree._Element, placing: dict[etree._Element, str]) -> bool:
    """Whether an element stacks what it holds on its own (a stacking context): positioned with a z-index, fixed or
    sticky, faded, transformed, filtered, isolated or blended."""
    d = declarations(el)
    position = placing.get(el)
    opacity = _number(d.get("opacity"))
    return bool(position and (position in ("fixed", "sticky") or _number(d.get("z-index")) is not None)
                or opacity is not None and opacity < 1
                or any(d.get(name, "none") not in ("none", "") for name in ("transform", "filter", "clip-path"))
                or d.get("isolation") == "isolate" or d.get("mix-blend-mode", "normal") != "normal")


def _alpha_of(written: str) -> float | None:
    """The alpha a CSS colour is written with (rgba(…, .5), #ffffff80), or None when it gives none."""
    text = written.strip().lower()
    if re.fullmatch(r"#[0-9a-f]{8}", text):
        return int(text[7:], 16) / 255
    if re.fullmatch(r"#[0-9a-f]{4}", text):
        return int(text[4] * 2, 16) / 255
    func = re.fullmatch(r"(?:rgba?|hsla?)\(([^)]*)\)", text)
    parts = [p for p in re.split(r"[\s,/]+", func.group(1).strip()) if p] if func else []
    return _alpha(parts[3]) if len(parts) > 3 else None


def _own_background(el: etree._Element) -> RGB | Literal["picture"] | None:
    """The colour an element paints behind its text, "picture" when it paints a picture there (url(), a gradient),
    None when it paints nothing of its own."""
    d = declarations(el)
    if _PICTURE.search(d.get("background-image", "")) or _PICTURE.search(d.get("background", "")) \
            or el.get("background"):
        return "picture"
    for written in (d.get("background-color"), _first_colour(d.get("background")), el.get("bgcolor")):
        colour = _colour(written) if written else None
        if isinstance(colour, tuple):
            return colour
    return None


def _first_colour(shorthand: str | None) -> str | None:
    """The colour a `background:` shorthand sets (background:#336699 url(x.png) no-repeat)."""
    for found in re.finditer(r"#[0-9a-f]{3,8}\b|(?:rgba?|hsla?)\([^)]*\)|\b[a-z]+\b", shorthand or ""):
        if _colour(found.group(0)) is not None:
            return found.group(0)
    return None


def _colour(written: str) -> Colour:
    """A CSS colour as RGB, TRANSPARENT, or None when it is none this reader knows (never judged)."""
    text = written.strip().lower()
    if text == "transparent":
        return TRANSPARENT
    if text in _NAMED:
        return _NAMED[text]
    hexa = re.fullmatch(r"#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})", text)
    if hexa:
        digits = hexa.group(1)
        if len(digits) in (3, 4):
            digits = "".join(c * 2 for c in digits)
        if len(digits) == 8 and int(digits[6:], 16) <= CLOSE:
            return TRANSPARENT
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)
    func = re.fullmatch(r"(rgba?|hsla?)\(([^)]*)\)", text)
    parts = [p for p in re.split(r"[\s,/]+", func.group(2).strip()) if p] if func else []
    if func is None or len(parts) < 3:
        return None
    if len(parts) > 3 and (_alpha(parts[3]) or 0) <= 0.05:
        return TRANSPARENT
    if func.group(1).startswith("rgb"):
        r, g, b = (_channel(p) for p in parts[:3])
        return (r, g, b) if r is not None and g is not None and b is not None else None
    hue, sat, light = _number(parts[0].removesuffix("deg")), _number(parts[1].rstrip("%")), _number(parts[2].rstrip("%"))
    if hue is None or sat is None or light is None:
        return None
    red, green, blue = colorsys.hls_to_rgb(hue / 360 % 1, light / 100, sat / 100)
    return round(red * 255), round(green * 255), round(blue * 255)


def _channel(text: str) -> int | None:
    if text.endswith("%"):
        value = _number(text[:-1])
        return None if value is None else round(min(max(value, 0), 100) * 2.55)
    value = _number(text)
    return None if value is None else round(min(max(value, 0), 255))


def _alpha(text: str) -> float | None:
    value = _number(text.rstrip("%"))
    return None if value is None else value / 100 if text.endswith("%") else value


def _close(a: RGB, b: RGB) -> bool:
    return all(abs(x - y) <= CLOSE for x, y in zip(a, b))


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _px(text: str | None) -> float | None:
    """A length in px (px, pt; em and rem at 16px), or None for what this reader does not measure (auto, %)."""
    found = _LENGTH.match((text or "").strip())
    if found is None:
        return None
    value, unit = float(found.group(1)), found.group(2)
    if unit == "%":
        return 0.0 if value == 0 else None  # a share of a size this reader does not know, unless of nothing
    if unit in ("em", "rem"):
        return value * 16
    return value * _PX_PER[unit] if unit in _PX_PER else None


def _points(text: str | None) -> float | None:
    px = _px(text)
    return None if px is None else px * 0.75


def _variable(written: str, el: etree._Element) -> str:
    """A colour written as a custom property (color:var(--bg)) as the nearest element up the tree sets it, else its
    fallback (var(--x, #fff)); any other value as written."""
    found = re.fullmatch(r"\s*var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*))?\)\s*", written)
    if found is None:
        return written
    for a in (el, *el.iterancestors()):
        value = declarations(a).get(found.group(1))
        if value:
            return value
    return found.group(2) or written


def _moved_away(transform: str) -> bool:
    """Transformed to nothing or off the screen: matrix(0,0,0,0,…), translateX(-9999px), translate(-10000px, 0)."""
    if _MATRIX_AWAY.search(transform):
        return True
    for axis, first, second in _TRANSLATED.findall(transform):
        shifts = [first] if axis in ("x", "y") else [first, second]
        if any((value := _px(v)) is not None and value <= -OFF_SCREEN_PX for v in shifts if v):
            return True
    return False


def _off_screen(d: dict[str, str]) -> bool:
    """Moved off the screen: left / top / text-indent / a margin far negative (left:-9999px), or a box fixed to the
    window above or left of it (position:fixed;top:-200px)."""
    fixed = d.get("position") == "fixed"
    placed = d.get("position") in ("absolute", "fixed", "relative")
    return any((value := _px(d.get(name))) is not None
               and value <= -(OFF_WINDOW_PX if fixed and name in ("left", "top") else OFF_SCREEN_PX)
               for name in ("left", "top", "text-indent", "margin-left", "margin-top")) or placed and any(
        (value := _px(d.get(name))) is not None and value >= OFF_SCREEN_PX for name in ("right", "bottom"))


def _clipped(d: dict[str, str]) -> bool:
    """Clipped to nothing: a box of (almost) no width or height that hides what overflows it (height:0;overflow:
    hidden; the screen-reader pattern width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0))."""
    if re.fullmatch(r"rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)", d.get("clip", "")):
        return True
    if d.get("overflow", "") not in ("hidden", "clip"):
        return False
    return any((value := _px(d.get(name))) is not None and value <= 1
               for name in ("height", "width", "max-height", "max-width"))
