"""The README's Layout names every part of the package a newcomer looks for: the top-level modules and packages,
and the modules of intake/, core/ and outputs/ (checks/ are named by topic, by example)."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "lib" / "perfeval"


def layout_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("\n## Layout\n"):]
    return re.search(r"```\n(lib/perfeval/.*?)```", section, re.S).group(1)


def parts(folder: Path) -> list[str]:
    """The modules and packages of a folder as the layout names them (a package with a trailing /)."""
    found = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and (path / "__init__.py").is_file():
            found.append(path.name + "/")
        elif path.suffix == ".py" and path.stem not in ("__init__", "__main__"):
            found.append(path.name)
    return found


def test_the_layout_names_every_module_a_newcomer_looks_for():
    block = layout_block()
    names = set(re.findall(r"[\w.]+/?", block))
    wanted = {f"{where}: {name}" for where in ("", "intake", "core", "outputs")
              for name in parts(PACKAGE / where) if name not in names}
    wanted |= {name for name in ("frameworks/", "templates/") if name not in names}
    assert not wanted, f"README Layout does not name {sorted(wanted)}"
