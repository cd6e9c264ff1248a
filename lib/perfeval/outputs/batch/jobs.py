"""What a batch will run: the units named (or all), their output ids, and parameters the notebook accepts."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, Sequence

from ...errors import BatchError, PerfevalError
from ...core.params import RESERVED_NAMES, UNIT_ID, load_params
from ...paths import UNITS_DIR

PARAMS_PARAMETER = "params_file"  # the one parameter the batch itself sets
_TYPES: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}


@dataclass(frozen=True)
class UnitJob:
    """One unit to run: everything a worker process needs, picklable."""

    unit_id: str
    params_file: Path
    notebook: Path
    outputs: Path
    parameters: dict[str, Any]
    timeout: float


def resolve_units(names: Sequence[str], units_dir: Path = UNITS_DIR) -> list[Path]:
    """Params files for what the user named: files, folders of *.yaml, or ids of units in params/units/."""
    if not names:
        return sorted(units_dir.glob("*.yaml"))
    out: list[Path] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            out += sorted(path.glob("*.yaml"))
        elif path.is_file():
            out.append(path)
        elif (units_dir / f"{name}.yaml").is_file():
            out.append(units_dir / f"{name}.yaml")
        else:
            raise BatchError(f"{name}: no such params file, folder, or unit id in {units_dir}")
    return [p.resolve() for p in out]


def unit_id_of(params_file: Path) -> str:
    """The unit's id (it names the output files); a file that does not load yet goes by its file name.

    Such a unit still runs, so that its notebook records the error for the analyst.
    """
    try:
        return load_params(params_file).unit.id
    except PerfevalError:
        stem = params_file.stem.lower()
        if UNIT_ID.match(stem) and stem not in RESERVED_NAMES:
            return stem
        return "unit-" + "".join(c if c.isalnum() else "-" for c in stem)[:70]


def check_parameters(notebook: Path, parameters: Mapping[str, Any]) -> None:
    """Refuse to start when the notebook does not declare what is passed, or lacks params_file.

    papermill itself only logs a warning for an unknown parameter and runs on with the default.
    """
    import papermill

    try:
        declared = papermill.inspect_notebook(str(notebook))
    except (OSError, ValueError) as exc:
        raise BatchError(f"{notebook}: cannot read the notebook ({exc})") from None
    if not declared:
        raise BatchError(f"{notebook}: no cell tagged 'parameters'; the batch needs one declaring {PARAMS_PARAMETER}")
    known = ", ".join(declared)
    if PARAMS_PARAMETER not in declared:
        raise BatchError(f"{notebook}: parameter {PARAMS_PARAMETER!r} missing from its parameters cell "
                         f"(declared: {known})")
    for name, value in parameters.items():
        if name not in declared:
            raise BatchError(f"unknown parameter {name!r} for {notebook.name}; it declares: {known}")
        expected = _TYPES.get(declared[name]["inferred_type_name"] or "")
        if expected and (not isinstance(value, expected) or (bool not in expected and isinstance(value, bool))):
            raise BatchError(f"parameter {name!r} of {notebook.name} is {declared[name]['inferred_type_name']}, "
                             f"given {value!r}")


def build_jobs(params_files: Sequence[Path], notebook: Path, outputs: Path, extra: Mapping[str, Any],
               timeout: float) -> list[UnitJob]:
    """One job per params file; two files claiming the same unit id would overwrite each other's report."""
    jobs: dict[str, UnitJob] = {}
    for path in params_files:
        uid = unit_id_of(path)
        if uid in jobs:
            raise BatchError(f"{path} and {jobs[uid].params_file} both have unit id {uid!r}; ids name the outputs")
        jobs[uid] = UnitJob(uid, path, notebook, outputs, {**extra, PARAMS_PARAMETER: str(path)}, timeout)
    return list(jobs.values())
