"""The stylesheets a web page is shown with on a screen, cascaded as a browser cascades them, as far as they decide
whether its text shows.

Read: the page's <style> elements and the stylesheets it links (<link rel="stylesheet">) that were saved beside it
("save page, complete" puts them in a folder beside the page), with what they @import. Left out: what is for another
medium (@media print, media="print"), and rules for a state (:hover). A rule for a size of window (@media
(max-width: 600px)) is judged for a desktop window (WINDOW), and the text whose showing it decides is said, as is a
linked stylesheet that was not saved (its rules cannot be known). Each element gets the declarations that win the
cascade: !important, then the element's own style, then the selector's specificity, then the later rule.

A site's theme holds thousands of rules: only declarations that can hide or uncover text are kept, a selector is
matched only when the classes and ids it names are on the page, part by part (see _Matcher; p, .note, div#x by an
index), and past MAX_MATCHES elements looked at the rest are said, not applied.
"""
from __future__ import annotations

import base64
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes

from cssselect import SelectorError, parse
from cssselect.parser import Class, CombinedSelector, Element, Hash, Selector
from cssselect.xpath import ExpressionError
from lxml import etree
from lxml.cssselect import LxmlHTMLTranslator

from ..errors import DraftError
from .documents import decoded

STYLED = "data-pe-style"  # the declarations that win the cascade on an element (its own style included)
WINDOW = {"width": 1280.0, "height": 800.0}  # px: the desktop window a report's reader opens the page in
_WINDOWS = {"width": (320.0, 3840.0), "height": (480.0, 2160.0)}  # a phone's and a wide screen's: the other readers
MAX_SHEET = 2 << 20  # bytes of one stylesheet: a site's whole theme is a few hundred KB
MAX_SHEETS = 8 << 20  # bytes of all a page's stylesheets together
MAX_LINKED = 64  # stylesheets a page may link and import
MAX_IMPORTS = 4  # depth of @import followed
MAX_DEPTH = 16  # blocks nested in a stylesheet (@media in @supports in …); deeper ones are not applied
MAX_MATCHES = 4_000_000  # elements looked at matching selectors (about 2 s); the rest said, not applied
UNLAYERED = 1 << 30  # the place of rules in no cascade layer: after every layer
PARSED = 64  # what reading one selector costs, in elements looked at
MAX_NESTED = 64  # selectors a nested rule (CSS nesting) expands to
# declarations that can hide or uncover text (or place a box over it); the others are not kept
_KEPT = re.compile(r"(?:display|visibility|opacity|filter|font-size|font|color|-webkit-text-fill-color|background"
                   r"(?:-color|-image)?|position|top|left|right|bottom|inset|z-index|width|height|max-width|"
                   r"max-height|overflow(?:-[xy])?|clip|clip-path|transform|scale|text-indent|margin-left|margin-top|"
                   r"content-visibility|text-decoration(?:-line)?|vertical-align|isolation|mix-blend-mode|"
                   r"will-change|content|--[\w-]+)")
_DECIDES = {"display", "visibility", "opacity", "content-visibility"}  # a rule for a window hides or shows by these
_TOKEN = re.compile(r"""[{};]|/\*|"(?:[^"\\\n]|\\.)*+"?|'(?:[^'\\\n]|\\.)*+'?""", re.S)
_STATE = re.compile(r":(?:hover|focus|active|visited|target|focus-within|focus-visible)\b", re.I)
_GENERATED = re.compile(r"::?(?:before|after)\s*$", re.I)  # text a stylesheet writes before or after an element
_ESCAPE = re.compile(r"\\[0-9a-f]{1,6}\s?|\\.", re.I)  # \f007: an icon font's glyph, no text
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|/)", re.I)  # a URL this reader cannot open: http:, cid:, /site/root
_IMPORT = re.compile(r"""@import\s+(?:url\(\s*["']?([^"')]*)["']?\s*\)|["']([^"']*)["'])\s*([^;]*)""", re.I)
_IMPORTANT = re.compile(r"!\s*+important$")


@dataclass
class Styled:
    """What applying a page's stylesheets could not decide, for the draft's notes: linked stylesheets not saved
    with the page (their names), elements whose showing depends on the window's size, selectors not applied."""

    unread: list[str] = field(default_factory=list)
    by_window: set[etree._Element] = field(default_factory=set)
    unapplied: int = 0
    generated: set[etree._Element] = field(default_factory=set)  # elements a ::before or ::after writes text beside


@dataclass(frozen=True)
class _Rule:
    selector: str
    declarations: list[tuple[str, str, bool]]  # name, value, !important
    applies: bool  # on a WINDOW-wide screen
    by_window: bool  # whether another window (or what this reader does not know of the screen) would decide so
    layer: int = 0  # the cascade layer's place (@layer, in the order first named); UNLAYERED outside any


@dataclass
class _Block:
    prelude: str
    declarations: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    children: list[_Block] = field(default_factory=list)


@dataclass
class _Reading:
    """Stylesheets met so far: their bytes, their count, what was not read."""

    base: Path | None
    styled: Styled
    parts: dict[str, str] | None = None  # a web archive's stylesheets by address
    used: set[str] = field(default_factory=set)  # those a link or an @import named
    layers: dict[str, int] = field(default_factory=dict)  # cascade layers by name, in the order first named
    size: int = 0
    count: int = 0


def apply_stylesheets(root: etree._Element, base: Path | None = None,
                      parts: dict[str, str] | None = None) -> Styled:
    """Set on each element the declarations that win the cascade (`STYLED`, its own style attribute included), from
    the page's <style> elements and the stylesheets it links that were saved in its folder `base`, or, for a web
    archive's page, that it holds as `parts` by address (those no link names applied last, for all media); say what
    cannot be decided."""
    styled = Styled()
    reading = _Reading(base, styled, parts)
    rules: list[_Rule] = []
    for el in root.iter("style", "link"):
        media = _media(el.get("media") or "all")
        if el.tag == "style":
            if reading.size > MAX_SHEETS:  # past all stylesheets' bound: not applied, said
                styled.unapplied += 1
                continue
            reading.size += len(el.text or "")
            rules += _rules_of(el.text or "", media, reading, base, 0)
        elif "stylesheet" in (el.get("rel") or "").lower().split() and el.get("disabled") is None \
                and "alternate" not in (el.get("rel") or "").lower().split():
            href = (el.get("href") or "").strip()
            css, where = _linked(href, base, reading)
            if css is not None:
                rules += _rules_of(css, media, reading, where, 1)
    unnamed = {id(css): css for address, css in (parts or {}).items() if address not in reading.used}
    for css in unnamed.values():  # one part may go by two addresses (its location, its Content-ID)
        rules += _rules_of(css, (True, False), reading, None, 1)
    _cascade(root, rules, styled)
    return styled


def _linked(href: str, base: Path | None, reading: _Reading) -> tuple[str | None, Path | None]:
    """A linked stylesheet's text and the folder it lies in (for what it imports), or None (named in
    `reading.styled.unread`) when it was not saved with the page or is past the bounds."""
    name = _name(href)
    if href.lower().startswith("data:"):
        return _data_url(href), base
    if reading.parts is not None:
        return _part(href, reading), None
    if base is None:
        return None, None
    if not href or _SCHEME.match(href) or reading.count >= MAX_LINKED:
        if href:
            reading.styled.unread.append(name)
        return None, None
    reading.count += 1
    bare = unquote(re.split(r"[?#]", href, maxsplit=1)[0])
    for candidate in (base / unquote(href), base / bare):  # wget keeps "a.css?v=3" as the file's name
        try:
            info = os.stat(candidate)
        except (OSError, ValueError):
            continue
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SHEET or reading.size + info.st_size > MAX_SHEETS:
            break  # a FIFO, a device, or past the bounds: never opened
        try:
            raw = candidate.read_bytes()[:MAX_SHEET]
            text = decoded(candidate, raw)
        except (OSError, DraftError):
            break
        reading.size += len(raw)
        return text, candidate.parent
    reading.styled.unread.append(name)
    return None, None


def _part(href: str, reading: _Reading) -> str | None:
    """The stylesheet part of a web archive that an address names (as written, else the one whose address ends so),
    marked used with its other names; None, unsaid, when the archive holds none (it saved what the page used)."""
    parts = reading.parts or {}
    found = href if href in parts else next((a for a in parts if href and a.endswith("/" + href.lstrip("./"))), None)
    if found is None:
        return None
    css = parts[found]
    reading.used.update(a for a, text in parts.items() if text is css)
    return css


def _data_url(href: str) -> str | None:
    head, _, body = href.partition(",")
    try:
        raw = base64.b64decode(body[:MAX_SHEET * 2]) if head.lower().endswith(";base64") else unquote_to_bytes(body)
        return raw[:MAX_SHEET].decode("utf-8", "replace")
    except ValueError:
        return None


def _name(href: str) -> str:
    """A stylesheet's name as the draft's note says it: its last part, without characters that are not text."""
    last = re.split(r"[?#]", href, maxsplit=1)[0].rstrip("/").rsplit("/", 1)[-1] or href
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", "", unquote(last))[:60] or "(无名)"


def _rules_of(css: str, media: tuple[bool, bool], reading: _Reading, where: Path | None,
              depth: int) -> list[_Rule]:
    """The rules of one stylesheet under its media, its @imports (saved beside it) first, as a browser orders them."""
    if len(css) > MAX_SHEET:  # a <style> past the bound: what follows it is not applied, and said
        reading.styled.unapplied += 1
    top = _parse(css[:MAX_SHEET])
    rules: list[_Rule] = []
    for statement in top.statements:
        found = _IMPORT.match(statement)
        if found is None or depth >= MAX_IMPORTS:
            continue
        inner = _both(media, _media(found.group(3).strip() or "all"))
        text, folder = _linked(found.group(1) or found.group(2) or "", where, reading)
        if text is not None:
            rules += _rules_of(text, inner, reading, folder, depth + 1)
    for statement in top.statements:  # @layer base, theme;: the layers' order
        if statement.lower().startswith("@layer"):
            for name in _split(statement[6:]):
                reading.layers.setdefault(name, len(reading.layers))
    rules += _rules_in(top, media, None, (UNLAYERED, ""), reading)
    return rules


def _parse(css: str) -> _Block:
    """A stylesheet as nested blocks (`prelude { … }`), in linear time: comments dropped, strings kept whole (a "}"
    in a string closes nothing), a block nested past MAX_DEPTH read but kept nowhere."""
    top = _Block("")
    stack = [top]
    pieces: list[str] = []
    pos = 0
    while True:
        found = _TOKEN.search(css, pos)
        if found is None:
            break
        pieces.append(css[pos:found.start()])
        mark, pos = found.group(), found.end()
        if mark == "/*":
            end = css.find("*/", pos)
            pos = len(css) if end < 0 else end + 2
            continue
        if mark[0] in "\"'":
            pieces.append(mark)
            continue
        text = "".join(pieces).strip()
        pieces = []
        block = stack[-1]
        if mark == "{":
            inner = _Block(text)
            if len(stack) <= MAX_DEPTH:
                block.children.append(inner)
            stack.append(inner)
        elif mark == "}":
            if text:
                block.declarations.append(text)
            if len(stack) > 1:
                stack.pop()
        elif text.startswith("@"):
            block.statements.append(text)
        elif text:
            block.declarations.append(text)
    return top


def _rules_in(block: _Block, media: tuple[bool, bool], selectors: list[str] | None, layer: tuple[int, str],
              reading: _Reading) -> list[_Rule]:
    """The style rules of a block's children under `media` in `layer` (its place and name); `selectors`: the
    enclosing rule's (CSS nesting)."""
    rules: list[_Rule] = []
    for child in block.children:
        prelude = child.prelude
        if prelude.startswith("@"):
            name = re.match(r"@([\w-]*)", prelude)
            kind = name.group(1).lower() if name else ""
            if kind == "media":
                inner = _both(media, _media(prelude[6:]))
            elif kind == "container":
                inner = (media[0], True)  # a container's size: a layout's, as a window's
            elif kind in ("supports", "layer", "scope", "document", "starting-style"):
                inner = media
            else:
                continue  # @font-face, @keyframes, @page …: no element's looks
            inside = layer
            if kind == "layer":  # a layer's rules lose to those of no layer, and to later layers' (not if !important)
                called = prelude[6:].strip() or f"#{len(reading.layers)}"
                called = f"{layer[1]}.{called}" if layer[1] else called
                inside = (reading.layers.setdefault(called, len(reading.layers)), called)
            if selectors is not None and child.declarations:
                rules += [_rule(s, child.declarations, inner, inside[0]) for s in selectors]
            rules += _rules_in(child, inner, selectors, inside, reading)
            continue
        own = _split(prelude)
        if selectors is not None:
            own = [s.replace("&", p) if "&" in s else f"{p} {s}" for p in selectors for s in own][:MAX_NESTED]
        if child.declarations:
            rules += [_rule(s, child.declarations, media, layer[0]) for s in own]
        if child.children:
            rules += _rules_in(child, media, own, layer, reading)
    return rules


def _rule(selector: str, written: list[str], media: tuple[bool, bool], layer: int) -> _Rule:
    return _Rule(selector, [d for text in written for d in declared(text) if _KEPT.fullmatch(d[0])], *media, layer)


def declared(text: str) -> Iterator[tuple[str, str, bool]]:
    """A declaration block's declarations, in order: name (lower case), value (lower case, !important removed),
    whether it is !important."""
    for part in text.split(";"):
        name, colon, value = part.partition(":")
        if colon and name.strip():
            value = value.strip().lower()
            bare = _IMPORTANT.sub("", value)
            yield name.strip().lower(), bare.strip(), bare != value


def _split(selectors: str) -> list[str]:
    """A selector list's selectors (commas inside brackets and parentheses split nothing)."""
    out, depth, start = [], 0, 0
    for k, ch in enumerate(selectors):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif ch == "," and depth == 0:
            out.append(selectors[start:k].strip())
            start = k + 1
    out.append(selectors[start:].strip())
    return [s for s in out if s]


def _both(a: tuple[bool, bool], b: tuple[bool, bool]) -> tuple[bool, bool]:
    return a[0] and b[0], a[1] or b[1]


# media features a screen's window decides (another window decides otherwise), and those a desktop browser holds
_WINDOW_FEATURES = {"width", "height", "device-width", "device-height", "aspect-ratio", "device-aspect-ratio",
                    "orientation", "resolution", "-webkit-device-pixel-ratio"}
_DESKTOP = {"prefers-color-scheme": "light", "prefers-reduced-motion": "no-preference", "hover": "hover",
            "any-hover": "hover", "pointer": "fine", "any-pointer": "fine", "scripting": "enabled",
            "display-mode": "browser", "forced-colors": "none", "prefers-contrast": "no-preference",
            "inverted-colors": "none", "update": "fast", "overflow-block": "scroll", "overflow-inline": "scroll",
            "color-gamut": "srgb", "prefers-reduced-transparency": "no-preference", "grid": "0", "monochrome": "0"}


def _media(queries: str) -> tuple[bool, bool]:
    """Whether a media query list holds on a screen WINDOW wide, and whether that depends on the window (or on what
    this reader does not know), so that another reader's screen shows the page otherwise."""
    holds, by_window = False, False
    for query in _split(queries.lower()):
        features = re.findall(r"\(([^()]*)\)", query)
        words = re.sub(r"\([^()]*\)", " ", query).split()
        negated = bool(words) and words[0] == "not"
        types = [w for w in words if w not in ("not", "only", "and", "or")]
        result = not types or types[0] in ("all", "screen")
        unsure = "or" in words or len(types) > 1 or re.search(r"[()]", re.sub(r"\([^()]*\)", "", query)) is not None
        for feature in features:
            ok, window = _feature(feature.strip())
            result, unsure = result and ok, unsure or window
        if negated:
            result = not result
        holds, by_window = holds or result, by_window or unsure
    return holds, by_window


def _feature(text: str) -> tuple[bool, bool]:
    """Whether one media feature holds on a desktop screen WINDOW wide, and whether a window decides it."""
    if ":" in text:
        name, _, value = (p.strip() for p in text.partition(":"))
        bound = "min" if name.startswith("min-") else "max" if name.startswith("max-") else "="
        name = name.removeprefix("min-").removeprefix("max-")
        comparisons = [(name, {"min": ">=", "max": "<=", "=": "="}[bound], value)]
    elif re.search(r"[<>=]", text):
        parts = [p.strip() for p in re.split(r"([<>]=?|=)", text)]
        if len(parts) == 3:
            name_first = re.fullmatch(r"[a-z-]+", parts[0]) is not None
            comparisons = [(parts[0], parts[1], parts[2])] if name_first else [(parts[2], _flip(parts[1]), parts[0])]
        elif len(parts) == 5:
            comparisons = [(parts[2], _flip(parts[1]), parts[0]), (parts[2], parts[3], parts[4])]
        else:
            return False, True
    else:
        name = text
        if name in _WINDOW_FEATURES:
            return True, True
        return (name in _DESKTOP and _DESKTOP[name] not in ("0", "none", "no-preference")
                or name in ("color", "hover", "pointer")), name not in _DESKTOP and name != "color"
    holds, window = True, False
    for name, op, value in comparisons:
        ok, by = _compare(name, op, value)
        holds, window = holds and ok, window or by
    return holds, window


def _flip(op: str) -> str:
    return {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "=": "="}[op]


def _compare(name: str, op: str, value: str) -> tuple[bool, bool]:
    if name in ("width", "device-width", "height", "device-height"):
        want = _length(value)
        if want is None:
            return False, True
        axis = "width" if "width" in name else "height"
        holds = [_holds(have, op, want) for have in (WINDOW[axis], *_WINDOWS[axis])]
        return holds[0], len(set(holds)) > 1  # a window of any size decides alike: nothing to say
    elif name in ("aspect-ratio", "device-aspect-ratio"):
        have, want = WINDOW["width"] / WINDOW["height"], _ratio(value)
    elif name == "orientation":
        return value == "landscape", True
    elif name in ("resolution", "-webkit-device-pixel-ratio"):
        have, want = 1.0, _resolution(value)
    elif name in _DESKTOP:
        return value == _DESKTOP[name], False
    elif name in ("color", "color-index"):
        have, want = (8.0 if name == "color" else 0.0), _number(value)
    else:
        return False, True
    if want is None:
        return False, True
    return _holds(have, op, want), name not in ("color", "color-index")


def _holds(have: float, op: str, want: float) -> bool:
    return {"<": have < want, ">": have > want, "<=": have <= want, ">=": have >= want, "=": have == want}[op]


def _length(value: str) -> float | None:
    found = re.fullmatch(r"(-?\d*\.?\d+)\s*(px|em|rem|pt|pc|in|cm|mm|)", value.strip())
    if found is None:
        return None
    scale = {"px": 1.0, "": 1.0, "em": 16.0, "rem": 16.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54,
             "mm": 96 / 25.4}
    return float(found.group(1)) * scale[found.group(2)]


def _ratio(value: str) -> float | None:
    found = re.fullmatch(r"(\d*\.?\d+)\s*(?:/\s*(\d*\.?\d+))?", value.strip())
    if found is None or found.group(2) is not None and float(found.group(2)) == 0:
        return None
    return float(found.group(1)) / float(found.group(2) or 1)


def _resolution(value: str) -> float | None:
    found = re.fullmatch(r"(\d*\.?\d+)\s*(dppx|x|dpi|dpcm|)", value.strip())
    if found is None:
        return None
    return float(found.group(1)) / {"dppx": 1, "x": 1, "": 1, "dpi": 96, "dpcm": 96 / 2.54}[found.group(2)]


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _cascade(root: etree._Element, rules: list[_Rule], styled: Styled) -> None:
    """Match each rule's selector and give each element the declarations that win: (!important, its own style,
    specificity, order). Rules that would apply only in another window count the elements they touch."""
    matcher = _Matcher(root)
    won: dict[etree._Element, dict[str, tuple[tuple[int, int, int, tuple[int, int, int], int], str]]] = {}
    parsed: dict[str, list[Selector]] = {}
    for order, rule in enumerate(rules):
        if not rule.declarations or not (rule.applies or rule.by_window) or _STATE.search(rule.selector):
            continue
        if _GENERATED.search(rule.selector):  # ::before{content:"9"} shows 9 beside the element's text
            if rule.applies and any(name == "content" and _writes(value) for name, value, _ in rule.declarations):
                base = _GENERATED.sub("", rule.selector).strip() or "*"
                for selector in _parsed(base) if matcher.index.may_match(base) else []:
                    styled.generated.update(matcher.match(selector) if matcher.budget > 0 else ())
            continue
        if rule.selector not in parsed:
            if "\\" not in rule.selector and not matcher.index.may_match(rule.selector):
                parsed[rule.selector] = []  # it names a class or id not on the page
            elif matcher.budget <= 0:
                styled.unapplied += 1
                continue
            else:
                matcher.budget -= PARSED  # cssselect takes ~30 µs to read a selector
                parsed[rule.selector] = _parsed(rule.selector)
        for selector in parsed[rule.selector]:
            if matcher.budget <= 0:
                styled.unapplied += 1
                continue
            found = matcher.match(selector)
            if rule.by_window and any(name in _DECIDES for name, _, _ in rule.declarations):
                styled.by_window.update(found)
            if not rule.applies:
                continue
            a, b, c = selector.specificity()
            for el in found:
                mine = won.setdefault(el, {})
                for name, value, important in rule.declarations:
                    rank = (int(important), 0, UNLAYERED - rule.layer if important else rule.layer, (a, b, c), order)
                    if name not in mine or mine[name][0] <= rank:
                        mine[name] = (rank, value)
    for el in root.iter():
        if not isinstance(el.tag, str) or (el not in won and el.get("style") is None):
            continue
        mine = won.get(el, {})
        for order, (name, value, important) in enumerate(declared(el.get("style") or "")):
            rank = (int(important), 1, 0, (0, 0, 0), order)
            if name not in mine or mine[name][0] <= rank:
                mine[name] = (rank, value)
        el.set(STYLED, ";".join(f"{name}:{value}" for name, (_, value) in mine.items()))


def _writes(content: str) -> bool:
    """Whether a `content` value writes text (a letter, a digit, a character), not an icon's glyph or nothing."""
    strings = re.findall(r"\"((?:[^\"\\]|\\.)*+)\"|'((?:[^'\\]|\\.)*+)'", content)
    return any(ch.isalnum() for pair in strings for ch in _ESCAPE.sub("", pair[0] or pair[1]))


def _parsed(text: str) -> list[Selector]:
    """A selector's parsed forms, none of a pseudo-element (::before: text of its own), none this reader cannot read
    (left unapplied)."""
    try:
        return [s for s in parse(text) if s.pseudo_element is None]
    except (SelectorError, SyntaxError):
        return []


class _Matcher:
    """Matches selectors on one page from left to right, one part at a time: the elements each part matches on its
    own (by the index, or one XPath test of each element, kept for the parts other selectors share), then those
    related to the matches so far as the combinator says (a descendant of, a child of, a sibling after), each
    element's ancestors or earlier siblings walked once a step. Linear in the page a part; XPath's paths down from the
    root merge node sets in time quadratic in the page (`.sec p b` over 40,000 paragraphs took 24 s), its nested
    ancestor tests in time of its depth to the power of the parts (`div div div div p` 250 deep: 18 s).
    `budget` counts the elements looked at."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.index = _Index(root)
        self.translator = LxmlHTMLTranslator()
        self.budget = MAX_MATCHES
        self._parts: dict[str, set[etree._Element]] = {}

    def match(self, selector: Selector) -> set[etree._Element]:
        chain: list[tuple[object, str]] = []  # parts from the rightmost, each with the combinator to its left
        node = selector.parsed_tree
        while isinstance(node, CombinedSelector):
            chain.append((node.subselector, node.combinator))
            node = node.selector
        chain.append((node, ""))
        chain.reverse()
        matched = self._part(chain[0][0])
        for k in range(1, len(chain)):
            if not matched:
                return set()
            matched = self._related(self._part(chain[k][0]), matched, chain[k][1])
        return matched

    def _part(self, part: object) -> set[etree._Element]:
        """The elements one compound part (div.box:not(.x)) matches on its own."""
        key = repr(part)
        if key in self._parts:
            return self._parts[key]
        simple = _simple(part)
        if simple is not None:
            found = self.index.compound(*simple)
            self.budget -= len(found)
        else:
            try:
                expr = self.translator.xpath(part)
            except (SelectorError, ExpressionError):  # a form lxml's cssselect does not read: left unapplied
                self._parts[key] = set()
                return set()
            tests = ([f"self::{expr.element}"] if expr.element not in ("*", "") else []) + (
                [f"({expr.condition})"] if expr.condition else [])
            self.budget -= self.index.size
            try:
                found = {el for el in self.root.xpath(f"descendant-or-self::*[{' and '.join(tests) or 'true()'}]")
                         if isinstance(el, etree._Element)} if not expr.path else set()
            except etree.XPathError:  # a namespace prefix the page does not declare (svg|rect)
                found = set()
        self._parts[key] = found
        return found

    def _related(self, these: set[etree._Element], before: set[etree._Element],
                 combinator: str) -> set[etree._Element]:
        """Those of `these` that stand to an element of `before` as the combinator says (the left one's)."""
        step = (lambda el: el.getparent()) if combinator in (" ", ">") else _previous
        if combinator in (">", "+"):
            self.budget -= len(these)
            return {el for el in these if step(el) in before}
        reached: dict[etree._Element, bool] = {}  # an element: whether it or one up its chain is in `before`
        out = set()
        for el in these:
            walked = []
            at = step(el)
            found = False
            while at is not None:
                if at in reached:
                    found = reached[at]
                    break
                if at in before:
                    found = True
                    break
                walked.append(at)
                at = step(at)
            self.budget -= len(walked) + 1
            for x in walked:
                reached[x] = found
            if found:
                out.add(el)
        return out


def _previous(el: etree._Element) -> etree._Element | None:
    """The element before this one among its siblings (comments skipped)."""
    at = el.getprevious()
    while at is not None and not isinstance(at.tag, str):
        at = at.getprevious()
    return at


def _simple(part: object) -> tuple[str, list[str], list[str]] | None:
    """A part of a tag, classes and ids only (p, .note, div#x.y) as (tag, classes, ids), else None."""
    classes: list[str] = []
    ids: list[str] = []
    node = part
    while True:
        if isinstance(node, Class):
            classes.append(node.class_name)
            node = node.selector
        elif isinstance(node, Hash):
            ids.append(node.id)
            node = node.selector
        elif isinstance(node, Element):
            return ((node.element or "*").lower(), classes, ids) if node.namespace in (None, "*") else None
        else:
            return None


class _Index:
    """A page's elements by tag, class and id, for simple selectors and for ruling out those that cannot match."""

    def __init__(self, root: etree._Element) -> None:
        self.elements = [el for el in root.iter() if isinstance(el.tag, str)]
        self.size = len(self.elements)
        self.by_tag: dict[str, list[etree._Element]] = {}
        self.by_class: dict[str, set[etree._Element]] = {}
        self.by_id: dict[str, set[etree._Element]] = {}
        for el in self.elements:
            self.by_tag.setdefault(el.tag.lower(), []).append(el)
            for name in (el.get("class") or "").split():
                self.by_class.setdefault(name, set()).add(el)
            if el.get("id"):
                self.by_id.setdefault(el.get("id") or "", set()).add(el)

    def may_match(self, selector: str) -> bool:
        """Whether every class and id a selector names (outside brackets and :not(…)) is on the page: each of its
        parts must match an element for it to match one."""
        bare = re.sub(r"\[[^\]]*\]|\([^)]*\)", "", selector)
        return all(n in self.by_class for n in re.findall(r"\.([\w-]+)", bare)) and all(
            n in self.by_id for n in re.findall(r"#([\w-]+)", bare))

    def compound(self, tag: str, classes: list[str], ids: list[str]) -> set[etree._Element]:
        """The elements of a tag (or any: *) having all these classes and ids."""
        sets = [self.by_class.get(n, set()) for n in classes] + [self.by_id.get(n, set()) for n in ids]
        candidates = min(sets, key=len) if sets else self.by_tag.get(tag, []) if tag != "*" else self.elements
        return {el for el in candidates if (tag == "*" or el.tag.lower() == tag) and all(el in s for s in sets)}
