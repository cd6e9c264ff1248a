"""Where things live, derived from the package location so any working directory works.

Two cases. In a checkout (or an editable install of one), the repository's notebooks/, params/ and outputs/.
In an installed package, the notebooks and sample params are the copies the build put in perfeval/share/
(setup.py), and the user's units (params/units/) and outputs (outputs/) are those of the working folder.
"""
from __future__ import annotations

from pathlib import Path

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

PARAMS_SUFFIXES = (".yaml", ".yml")  # in any case: Windows users write .YAML and .yml as often as .yaml


def is_params_name(path: Path) -> bool:
    """Whether a file's name says it is a params file (YAML, whatever case the suffix is in)."""
    return path.suffix.lower() in PARAMS_SUFFIXES


def params_files_in(folder: Path) -> list[Path]:
    """The params files of a folder, in name order: every *.yaml and *.yml, whatever case the suffix is in."""
    return sorted(p for p in folder.iterdir() if is_params_name(p) and not p.is_dir())
