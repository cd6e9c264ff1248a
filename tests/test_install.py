"""perfeval as a package: a wheel built from the project's files, installed into a fresh venv, scores a sample
and runs a batch from a folder outside the checkout, with the notebooks and samples it carries.

No network: the wheel is built without build isolation, and its dependencies are this environment's packages,
seen by the new venv through a .pth file (perfeval itself left out, so only the wheel's copy can be imported) and
a link to their share/jupyter (nbconvert's templates).
pip installs the wheel with --no-index, so it still resolves the wheel's declared dependencies against them.
"""
from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds a wheel, installs it and runs a batch

ROOT = Path(__file__).resolve().parent.parent
BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "lib", "notebooks", "params")


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def overlay_of_this_environment(folder: Path) -> Path:
    """A folder of links to this environment's installed packages, perfeval (an editable install) left out."""
    folder.mkdir()
    for packages in site.getsitepackages():
        for entry in Path(packages).iterdir():
            if not entry.name.startswith(("perfeval", "__editable__")) and entry.suffix != ".pth":
                (folder / entry.name).symlink_to(entry)
    return folder


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The bin folder of a fresh venv with the built wheel installed, and an environment without PYTHONPATH."""
    tmp = tmp_path_factory.mktemp("install")
    source = tmp / "source"  # a copy, so the build writes nothing into the checkout
    source.mkdir()
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copyfile(ROOT / name, source / name)
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", tmp / "dist",
        source, cwd=tmp)
    venv = tmp / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    purelib = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp).strip())
    (purelib / "dependencies.pth").write_text(f"{overlay_of_this_environment(tmp / 'overlay')}\n", encoding="utf-8")
    (venv / "share").mkdir()  # what the dependencies install beside their code: nbconvert's templates
    (venv / "share" / "jupyter").symlink_to(Path(sys.prefix) / "share" / "jupyter")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-index",
        "--find-links", tmp / "dist", "perfeval", cwd=tmp, env=env)
    return venv / "bin", env


@pytest.fixture
def workdir(tmp_path) -> Path:
    """A working folder outside the checkout."""
    assert ROOT not in tmp_path.parents
    return tmp_path


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, workdir):
    bin_dir, env = installed
    where = run(bin_dir / "python", "-c", "import perfeval.paths as p; print(p.PACKAGE_DIR, p.INSTALLED)",
                cwd=workdir, env=env).split()
    assert Path(where[0]).is_relative_to(bin_dir.parent) and where[1] == "True"


def test_an_install_scores_a_sample_it_ships(installed, workdir):
    bin_dir, env = installed
    samples = run(bin_dir / "perfeval", "samples", cwd=workdir, env=env).splitlines()
    assert {Path(s).name for s in samples} >= {"changsha_county_2022.yaml", "yunxi_district_2023.yaml",
                                                "dept_overall_a_provincial.yaml"}
    assert all(Path(s).is_file() and Path(s).is_relative_to(bin_dir.parent) for s in samples)
    yunxi = next(s for s in samples if s.endswith("yunxi_district_2023.yaml"))
    result = json.loads(run(bin_dir / "perfeval", "score", "--json", yunxi, cwd=workdir, env=env))
    assert result["unit"]["id"] == "yunxi_district_2023"
    assert result["indicators"]


def test_an_install_runs_a_batch_where_the_user_says(installed, workdir):
    bin_dir, env = installed
    changsha = next(s for s in run(bin_dir / "perfeval", "samples", cwd=workdir, env=env).splitlines()
                    if s.endswith("changsha_county_2022.yaml"))
    run(bin_dir / "perfeval", "run", changsha, "-o", workdir / "reports", "-j", "1", "-q",
        cwd=workdir, env=env)
    status = json.loads((workdir / "reports" / "batch_status.json").read_text(encoding="utf-8"))
    assert "changsha_county_2022" in json.dumps(status)
    assert all((workdir / "reports" / name).is_file() for name in ("index.html", "portfolio.html", "summary.xlsx"))
    assert [p.name for p in (workdir / "reports" / "units").glob("*/*.html")]
    assert not (workdir / "outputs").exists()  # nothing went to the default folder
