"""Where things live, derived from the package location so any working directory works."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .safetext import shown_path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent.parent
FRAMEWORKS_DIR = PACKAGE_DIR / "frameworks"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
PARAMS_DIR = PROJECT_ROOT / "params"
UNITS_DIR = PARAMS_DIR / "units"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
OUTPUTS_DIR = PROJECT_ROOT / "outputs"
DEFAULT_UNIT = UNITS_DIR / "changsha_county_2022.yaml"
DRAFTS_DIR = OUTPUTS_DIR / "drafts"  # where `perfeval draft` writes unless told otherwise

PARAMS_SUFFIXES = (".yaml", ".yml")  # in any case: Windows users write .YAML and .yml as often as .yaml


def is_params_name(path: Path) -> bool:
    """Whether a file's name says it is a params file (YAML, whatever case the suffix is in)."""
    return path.suffix.lower() in PARAMS_SUFFIXES


def params_files_in(folder: Path) -> list[Path]:
    """The params files of a folder, in name order: every regular file *.yaml and *.yml, whatever case the suffix
    is in (a named pipe or a device of that name would block or never end; `not_regular_in` names them)."""
    return sorted(p for p in folder.iterdir() if is_params_name(p) and p.is_file())


_KINDS = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder"}


def not_regular(path: Path) -> str | None:
    """What a path is when it is not a regular file ("a named pipe (FIFO)", "a broken link" …), else None."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a broken link" if os.path.islink(path) else "missing"
    except OSError:  # cannot tell: reading it will say why
        return None
    return None if stat.S_ISREG(mode) else _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def not_regular_in(folder: Path, wanted=is_params_name) -> list[str]:  # noqa: ANN001 - a predicate on a path
    """A line for each file of the folder that `wanted` would take but is neither a regular file nor a folder:
    skipped, never opened."""
    return [f"{shown_path(p)}: {kind}, not a regular file; skipped" for p in sorted(folder.iterdir())
            if wanted(p) and (kind := not_regular(p)) not in (None, "a folder")]
