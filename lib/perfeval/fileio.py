"""All file I/O of the workbook: safe YAML reading and atomic writing."""
from __future__ import annotations

import math
import os
from decimal import Decimal, InvalidOperation
from enum import Enum
import re
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Iterator

import yaml

from .errors import DraftTooLarge, InputFileError
from .paths import not_regular
from .safetext import readable_text

MAX_YAML_BYTES = 1_000_000  # a unit's params file is about 10 kB; the pure-Python parser reads 1 MB in seconds
MAX_YAML_DEPTH = 32  # params nest about 6 levels, frameworks about 10; deeper nesting would exhaust the stack
MAX_YAML_NODES = 20_000  # values and keys; a sample unit has about 1,000, a framework about 1,100


FIGURE_VALUES = 7  # YAML values a drafted figure writes at the least: its mapping, id, label and value (keys, values)
MAX_FIGURES = MAX_YAML_NODES // FIGURE_VALUES  # figures a draft may hold: about 2,850


def too_many_values(report: str, figures: int, values: int | None = None) -> DraftTooLarge:
    """A report whose draft would hold more than a params file may: refused by name, in figures (the count a reader
    can check against the report; it said "132,342 values" of 18,900 figures), with what to do. values: what its
    draft writes them as, when counted (2,002 rates with their labels and units pass the 20,000: "at most about
    2,857 figures" alone read as if 2,002 were within it)."""
    held = (f"{figures:,} figures drafted, written as {values:,} values; a params file holds {MAX_YAML_NODES:,}, "
            f"about {MAX_FIGURES:,} figures at the fewest values each" if values is not None else
            f"{figures:,} figures drafted or more; at most about {MAX_FIGURES:,}, the {MAX_YAML_NODES:,} values a "
            "params file holds")
    return DraftTooLarge(report, f"the report states more figures than one params file may hold ({held}): draft "
                                 "it in parts, e.g. the report without its long annexed tables, and each table apart",
                         figures if values is None else values, MAX_FIGURES if values is None else MAX_YAML_NODES,
                         figures_past())


def figures_past() -> str:
    """Why a report is drafted in part when its figures pass the bound, as its draft's note says it."""
    return f"全文的数字多于一份参数文件可容纳的（约 {MAX_FIGURES:,} 个）"


def too_many_bytes(report: str, size: int, figures: int, limit: int = MAX_YAML_BYTES) -> DraftTooLarge:
    """A draft that, written, would be larger than a params file may be (its sentences cited already cut around
    their figures): refused by name before it is written, rather than written and then refused by validate."""
    return DraftTooLarge(report, f"its draft would be {size:,} bytes, more than the {limit:,} a params file may be "
                                 f"({figures:,} figures, each with its sentence): draft it in parts, e.g. the report "
                                 "without its long annexed tables, and each table apart", size, limit,
                         f"草稿将大于一份参数文件可有的 {limit:,} 字节")


_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class StrictSafeLoader(yaml.SafeLoader):
    """SafeLoader that never guesses: no dates, no octal/sexagesimal ints, no yes/no booleans,
    no duplicate keys and no aliases (values come from units under audit and must read as written).
    """


StrictSafeLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers
         if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int")]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictSafeLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))
StrictSafeLoader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))


_PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
_THOUSANDS_GROUP = re.compile(r"^\d{3}(?:\.\d+)?$")


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value == "" and node.start_mark.index == node.end_mark.index


def _refuse_thousands_separators(node: yaml.MappingNode) -> None:
    """`{value: 1,802}` is YAML for {value: 1, 802: null}: say so, instead of a key error about "802".

    Caught only where it cannot be meant: a three-digit key with no value right after a number and a comma.
    """
    pairs = node.value
    for i, (_, value) in enumerate(pairs):
        if not (isinstance(value, yaml.ScalarNode) and value.style is None and _PLAIN_NUMBER.match(value.value)):
            continue
        written, end, j = value.value, value.end_mark.index, i + 1
        while j < len(pairs):
            key, empty = pairs[j]
            if not (isinstance(key, yaml.ScalarNode) and key.style is None and key.start_mark.index == end + 1
                    and _THOUSANDS_GROUP.match(key.value) and _is_empty(empty)):
                break
            written, end, j = f"{written},{key.value}", key.end_mark.index, j + 1
        if j > i + 1:
            raise yaml.constructor.ConstructorError(
                None, None, f"{written} reads as separate values (YAML splits at the comma); write the number "
                f"without thousands separators: {written.replace(',', '')}", value.start_mark)


def _construct_mapping(loader: StrictSafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    if node.flow_style:
        _refuse_thousands_separators(node)
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:  # a mapping or list as a key ({a: 1}: x): PyYAML's own refusal, not a TypeError
            raise yaml.constructor.ConstructorError("while constructing a mapping", node.start_mark,
                                                    "found unhashable key", key_node.start_mark) from None
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first at line {seen[key] + 1})", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


def _construct_int(loader: StrictSafeLoader, node: yaml.ScalarNode) -> int:
    try:
        return int(loader.construct_scalar(node))
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        raise yaml.constructor.ConstructorError(None, None, "integer with too many digits", node.start_mark) from None


class StatedFloat(float):
    """A float read from YAML that remembers how many decimals were written ("77.00" → 2).

    Precision is part of what a document states: a rate written 77.00 is claimed to two decimals.
    Plain floats (from Excel or code) have no such record; see core.params for how precision is then taken.
    """

    places: int

    def __new__(cls, value: float, places: int) -> "StatedFloat":
        obj = super().__new__(cls, value)
        obj.places = places
        return obj

    def __reduce__(self):  # noqa: ANN204 - pickles like the float it is, keeping its precision
        return (StatedFloat, (float(self), self.places))


def _held_exactly(value: float, text: str) -> bool:
    """Does the float read back (by its shortest repr) as the decimal the text writes? Forms Decimal does not read
    (YAML 1.1's 1:30.5) are left to the float."""
    try:
        return Decimal(repr(value)) == Decimal(text)
    except InvalidOperation:
        return True


def _construct_float(loader: StrictSafeLoader, node: yaml.ScalarNode) -> float:
    value = yaml.SafeLoader.construct_yaml_float(loader, node)
    text = str(node.value).replace("_", "")
    if math.isfinite(value) and not _held_exactly(value, text):
        # a number is held as the decimal written; one with more digits than a float holds would be silently rounded
        raise yaml.constructor.ConstructorError(
            None, None, f"the number {text} has more significant digits than can be held exactly (at most 15; "
            "no document states more)", node.start_mark)
    mantissa = text.lower().split("e")[0]
    if "e" in text.lower() or "." not in mantissa or not math.isfinite(value):
        return value
    return StatedFloat(value, len(mantissa.partition(".")[2]))


def _bounded_compose(self: StrictSafeLoader, parent: yaml.Node | None, index: object) -> yaml.Node | None:
    """Compose one node, refusing aliases and stopping at MAX_YAML_DEPTH levels or MAX_YAML_NODES nodes.

    Counted while parsing, so a hostile file is refused after reading that much, not after all of it.
    """
    event = self.peek_event()
    if isinstance(event, yaml.events.AliasEvent):
        raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed", event.start_mark)
    self.nodes_seen = getattr(self, "nodes_seen", 0) + 1
    depth = getattr(self, "depth", 0) + 1
    if self.nodes_seen > MAX_YAML_NODES:
        raise yaml.composer.ComposerError(None, None, f"more than {MAX_YAML_NODES:,} values; "
                                          "a params file has a few thousand at most", event.start_mark)
    if depth > MAX_YAML_DEPTH:
        raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_YAML_DEPTH} levels deep",
                                          event.start_mark)
    self.depth = depth
    try:
        return yaml.SafeLoader.compose_node(self, parent, index)
    finally:
        self.depth = depth - 1


StrictSafeLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
StrictSafeLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
StrictSafeLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
# replaced on the class on purpose: every load is bounded
StrictSafeLoader.compose_node = _bounded_compose  # type: ignore[method-assign]


# the stubs' CParser and SafeLoader differ in a signature; both are meant
class _LibyamlStrictLoader(yaml.cyaml.CParser, StrictSafeLoader):  # type: ignore[misc]
    """StrictSafeLoader reading its events from libyaml (ten times faster than the pure-Python scanner), while
    composing and constructing in Python exactly as StrictSafeLoader does: the same bounds, refusals and values.
    """

    get_single_node = yaml.composer.Composer.get_single_node  # compose with _bounded_compose, not in C
    check_node = yaml.composer.Composer.check_node
    get_node = yaml.composer.Composer.get_node

    def __init__(self, stream: str) -> None:
        yaml.cyaml.CParser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        yaml.resolver.Resolver.__init__(self)

    def compose_scalar_node(self, anchor: str | None) -> yaml.ScalarNode:
        node = yaml.composer.Composer.compose_scalar_node(self, anchor)
        if node.style == "":  # libyaml says '' for a plain scalar, PyYAML None
            node.style = None
        return node


_FAST_LOADER = _LibyamlStrictLoader if getattr(yaml, "__with_libyaml__", False) else None


def _load(text: str) -> Any:
    """The document, read by libyaml when present (PyYAML's wheels include it), else by StrictSafeLoader alone.

    Text with characters PyYAML refuses or with tabs (libyaml accepts them where PyYAML does not) goes to
    StrictSafeLoader, and so does text libyaml refuses, so that every message is PyYAML's. Where both read a
    document they read the same values; libyaml also reads a few texts PyYAML's scanner refuses, as written
    (`{source: 第3页 ? 待核}`: PyYAML takes the ' ? ' inside a flow mapping for a key).
    """
    if _FAST_LOADER is not None and "\t" not in text and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            return yaml.load(text, Loader=_FAST_LOADER)  # noqa: S506 - a SafeLoader, as below
        except yaml.YAMLError:
            pass
    return yaml.load(text, Loader=StrictSafeLoader)  # noqa: S506 - StrictSafeLoader is a SafeLoader


def parse_yaml(text: str, file: str | Path) -> Any:
    """Parse YAML text strictly; a syntax problem becomes an InputFileError naming line and column."""
    try:
        return _load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputFileError(str(file), [(where, f"not valid YAML: {exc.problem or exc.context}")]) from None
    except yaml.YAMLError as exc:
        raise InputFileError(str(file), [("", f"not valid YAML: {exc}")]) from None


def read_bounded(path: str | Path, limit: int, expected: str,
                 error: type[InputFileError] = InputFileError) -> bytes:
    """A file's bytes, refused when larger than limit (by its stated size, and by what is read, since a device or
    pipe states none); every OS problem becomes `error`."""
    path = Path(path)
    try:
        # opened without blocking and checked on what was opened: a named pipe would wait for a writer forever,
        # a device never ends; only a regular file is read (a /proc file states size 0: read up to the limit)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with open(fd, "rb") as stream:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                raise error(str(path), [("", f"is {not_regular(path) or 'not a regular file'}, not a regular file; "
                                             f"expected {expected}")])
            if info.st_size > limit:
                raise error(str(path), [("", f"file is {info.st_size:,} bytes; the limit is {limit:,}")])
            raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise error(str(path), [("", f"more than {limit:,} bytes, the limit for {expected}")])
        return raw
    except FileNotFoundError:
        raise error(str(path), [("", "file not found")]) from None
    except IsADirectoryError:
        raise error(str(path), [("", f"is a directory, expected {expected}")]) from None
    except PermissionError:
        raise error(str(path), [("", "permission denied")]) from None
    except OSError as exc:  # a socket (ENXIO), a disk error: named, never a traceback
        kind = not_regular(path)
        if kind and kind != "missing":
            raise error(str(path), [("", f"is {kind}, not a regular file; expected {expected}")]) from None
        raise error(str(path), [("", f"cannot be read: {exc.strerror or exc}")]) from None


def read_yaml(path: str | Path) -> Any:
    """Read a YAML file with the strict loader, bounded in size, as UTF-8."""
    raw = read_bounded(path, MAX_YAML_BYTES, "a YAML file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(str(path), [("", f"not UTF-8 text (byte {exc.start})")]) from None
    return parse_yaml(text, path)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes an enumeration (a qualifier such as over) as its value."""


_Dumper.add_multi_representer(Enum, lambda dumper, value: dumper.represent_data(value.value))


def dump_yaml(data: Any, flow_leaves: bool = False) -> str:
    """YAML text that keeps Chinese readable and key order as given (flow_leaves: leaf mappings inline, as
    hand-written params are)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120,
                     default_flow_style=None if flow_leaves else False)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write a file so that readers see either the old content or the new, never a half-written one."""
    return write_atomic_all({Path(path): data})[0]


def write_atomic_all(files: dict[Path, str | bytes]) -> list[Path]:
    """Write several files so that either all of them are replaced or none is (e.g. on a full disk).

    Every new content is written and synced beside its target first; only then are the targets replaced,
    which needs no space. An OS error names the target it was writing, not the temporary file.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            temps.append((_write_temp(path, data), path))
        for tmp, path in temps:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    finally:
        for tmp, _ in temps:
            Path(tmp).unlink(missing_ok=True)
    return list(files)


def _write_temp(path: Path, data: str | bytes) -> str:
    """The content, synced to a temporary file in the target's folder; its name."""
    payload = readable_text(data).encode("utf-8") if isinstance(data, str) else data
    fh, tmp = _open_temp(path)
    try:
        with fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _open_temp(path: Path) -> tuple[BinaryIO, str]:
    """A temporary file in the target's folder, open for writing, readable as the target will be; its name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # here: its imports (shutil, random, bz2) cost every command that writes nothing ~8 ms

        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600; a report is for others to read
    except OSError as exc:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    return os.fdopen(fd, "wb"), tmp


@contextmanager
def atomic_stream(path: str | Path) -> Iterator[BinaryIO]:
    """A file written as a stream that replaces `path` only when the block ends without an error (write_atomic for
    content too large to hold in memory at once): an error, Ctrl-C included, leaves the old file and no other."""
    path = Path(path)
    fh, tmp = _open_temp(path)
    try:
        with fh:
            yield fh
            try:
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise type(exc)(exc.errno, exc.strerror, str(path)) from None
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
