"""Where things live, derived from the package location so any working directory works."""
from __future__ import annotations

from pathlib import Path

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
    """The params files of a folder, in name order: every *.yaml and *.yml, whatever case the suffix is in."""
    return sorted(p for p in folder.iterdir() if is_params_name(p) and not p.is_dir())
