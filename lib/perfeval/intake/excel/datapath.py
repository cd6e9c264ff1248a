"""Paths into params data as tuples: get, set (creating dicts and lists), and the dotted form errors use."""
from __future__ import annotations

from typing import Any, Iterator

PathT = tuple[Any, ...]  # str keys, int list positions, or "?field=value&…" (the list item whose fields are these)


def _selector(part: Any) -> tuple[tuple[str, str], ...] | None:
    """'?label=规模控制率&numerator=buildings.actual_area' → (('label', '规模控制率'), ('numerator', …))."""
    if isinstance(part, str) and part.startswith("?") and "=" in part:
        return tuple((key, value) for key, _, value in (p.partition("=") for p in part[1:].split("&")))
    return None


def _selects(item: Any, sel: tuple[tuple[str, str], ...]) -> bool:
    return isinstance(item, dict) and all(item.get(k) == v for k, v in sel)


def get_in(data: Any, path: PathT) -> Any:
    """The value at path, or None when any step is absent."""
    node = data
    for part in path:
        sel = _selector(part)
        if sel:
            node = next((i for i in node if _selects(i, sel)), None) if isinstance(node, list) else None
        elif isinstance(part, int):
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            return None
    return node


class PathConflict(ValueError):
    """A path that goes through a value as if it were a mapping or a list, or far past a list's end."""


MAX_GAP = 1_000  # positions a path may skip past a list's end (each is filled with an empty item)


def _check_step(node: Any, part: Any) -> None:
    want_list = isinstance(part, int) or _selector(part) is not None
    if not isinstance(node, list if want_list else dict):
        raise PathConflict(f"{part!r} goes into a value that is not a {'list' if want_list else 'mapping'}")
    if isinstance(part, int) and not 0 <= part <= len(node) + MAX_GAP:
        raise PathConflict(f"position {part} is far past the end of the list ({len(node)} items)")


def set_in(data: dict[str, Any], path: PathT, value: Any) -> PathT:
    """Set value at path, creating containers on the way; returns the path with selectors resolved to positions.

    Raises PathConflict when the path does not fit what data already holds.
    """
    node: Any = data
    resolved: list[Any] = []
    for i, part in enumerate(path):
        last = i == len(path) - 1
        nxt = None if last else path[i + 1]
        fresh: Any = [] if isinstance(nxt, int) or _selector(nxt) else {}
        _check_step(node, part)
        sel = _selector(part)
        if sel:
            index = next((k for k, item in enumerate(node) if _selects(item, sel)), None)
            if index is None:
                node.append(dict(sel))
                index = len(node) - 1
            part = index
        elif isinstance(part, int):
            while len(node) <= part:
                node.append({})
        resolved.append(part)
        if last:
            node[part] = value
        else:
            if isinstance(node, dict):
                node = node.setdefault(part, fresh)
            else:
                node = node[part]
    return tuple(resolved)


def selector_position(data: Any, path: PathT) -> tuple[PathT, int] | None:
    """For a path with a selector: (the list's path, the position of the item it selects), if present."""
    for i, part in enumerate(path):
        sel = _selector(part)
        if sel:
            items = get_in(data, path[:i])
            if not isinstance(items, list):
                return None
            pos = next((k for k, item in enumerate(items) if _selects(item, sel)), None)
            return None if pos is None else (path[:i], pos)
    return None


def expand(data: Any, template: PathT, keys: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Every assignment of the template's {name} parts for which data holds a value."""
    keys = dict(keys or {})
    if not template:
        if data is not None:
            yield keys
        return
    part, rest = template[0], template[1:]
    if isinstance(part, str) and part.startswith("{") and part.endswith("}"):
        if isinstance(data, dict):
            for k, v in data.items():
                yield from expand(v, rest, {**keys, part[1:-1]: k})
        return
    yield from expand(get_in(data, (part,)), rest, keys)


def fill(template: PathT, keys: dict[str, Any]) -> PathT:
    """The template with its {name} parts replaced by the row's keys."""
    return tuple(keys[p[1:-1]] if isinstance(p, str) and p.startswith("{") and p.endswith("}") else p
                 for p in template)


def dotted(path: PathT) -> str:
    """'claims.rates.0.value': the form params errors use once '[0]' is written '.0'."""
    return ".".join(str(p) for p in path)
