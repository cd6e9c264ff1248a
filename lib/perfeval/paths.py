"""Where things live, derived from the package location so any working directory works.

Two cases. In a checkout (or an editable install of one), the repository's notebooks/, params/ and outputs/.
In an installed package, the notebooks and sample params are the copies the build put in perfeval/share/
(setup.py), and the user's units (params/units/) and outputs (outputs/) are those of the working folder.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from .safetext import shown_path

PACKAGE_DIR = Path(__file__).resolve().parent
FRAMEWORKS_DIR = PACKAGE_DIR / "frameworks"
TEMPLATES_DIR = PACKAGE_DIR / "templates"

INSTALLED = (PACKAGE_DIR / "share").is_dir()  # only a built package has it; a checkout's lib/perfeval does not
_CHECKOUT = PACKAGE_DIR.parent.parent
SHARE_DIR = PACKAGE_DIR / "share" if INSTALLED else _CHECKOUT  # holds notebooks/ and the sample params/
NOTEBOOKS_DIR = SHARE_DIR / "notebooks"
SAMPLES_DIR = SHARE_DIR / "params"  # units/: the sample units; frameworks/: a sample framework variant
DEFAULT_UNIT = SAMPLES_DIR / "units" / "changsha_county_2022.yaml"

WORK_DIR = Path() if INSTALLED else _CHECKOUT  # the user's units and outputs: the checkout, or the working folder
PARAMS_DIR = WORK_DIR / "params"
UNITS_DIR = PARAMS_DIR / "units"
OUTPUTS_DIR = WORK_DIR / "outputs"
DRAFTS_DIR = OUTPUTS_DIR / "drafts"  # where `perfeval draft` writes unless told otherwise


def user_cache_dir() -> Path | None:
    """This user's cache folder for perfeval (what is kept there can always be made again), or None when
    PERFEVAL_CACHE_DIR is set empty (no cache). PERFEVAL_CACHE_DIR names another folder; by default the
    platform's: %LOCALAPPDATA%\\perfeval\\cache, ~/Library/Caches/perfeval, $XDG_CACHE_HOME/perfeval or
    ~/.cache/perfeval."""
    chosen = os.environ.get("PERFEVAL_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "perfeval" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "perfeval"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "perfeval"


PARAMS_SUFFIXES = (".yaml", ".yml")  # in any case: Windows users write .YAML and .yml as often as .yaml
REPORT_SUFFIXES = (".txt", ".docx", ".pdf")  # a unit's own report, which `perfeval draft` reads into params
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")  # an intake workbook, which `perfeval excel import` reads


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
    except OSError as exc:  # cannot tell, but for a loop of links: reading it will say why
        return "a link that leads back to itself (a loop)" if exc.errno == errno.ELOOP else None
    return None if stat.S_ISREG(mode) else _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def not_regular_in(folder: Path, wanted: Callable[[Path], bool] = is_params_name) -> list[str]:
    """A line for each file of the folder that `wanted` would take but is not a regular file (a folder named
    d.yaml too): skipped, never opened."""
    return [f"{shown_path(p)}: {kind}, not a regular file; skipped" for p in sorted(folder.iterdir())
            if wanted(p) and (kind := not_regular(p)) is not None]
