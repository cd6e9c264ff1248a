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
