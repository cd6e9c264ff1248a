"""The checks `make lint` runs on the code (import contracts, ruff, mypy) fail on a deliberate violation, and every
suppression of them says why.

Each tool runs with the project's own configuration (pyproject.toml) on a copy of the package or on a probe file
with one violation planted: a check that cannot fail would pass here too.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "pyproject.toml"
BIN = Path(sys.executable).parent
SUPPRESSION = re.compile(r"#\s*(?:noqa\b(?::\s*[A-Z]+\d+(?:\s*,\s*[A-Z]+\d+)*)?|type:\s*ignore\b(?:\[[\w, -]+\])?)(.*)")


def unexplained(source: str) -> list[int]:
    """Lines of a `# noqa` or `# type: ignore` comment with no reason after it nor in a comment line just above."""
    lines = source.splitlines()
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.COMMENT:
            continue
        m = SUPPRESSION.search(tok.string)
        if m is None:
            continue
        row = tok.start[0]
        said_here = len(m.group(1).strip(" -—:#()")) >= 3
        said_above = row > 1 and lines[row - 2].lstrip().startswith("#")
        if not (said_here or said_above):
            out.append(row)
    return out


def test_every_suppression_says_why():
    files = [p for folder in ("lib", "tests", "bench") for p in (ROOT / folder).rglob("*.py")
             if "data" not in p.relative_to(ROOT).parts]
    bare = [f"{p.relative_to(ROOT)}:{row}" for p in files for row in unexplained(p.read_text(encoding="utf-8"))]
    assert bare == []


def test_a_suppression_without_a_reason_is_found():
    assert unexplained("x = 1  # noqa: F401\ny = 2  # type: ignore[misc]\n") == [1, 2]
    assert unexplained("x = 1  # noqa: F401 - re-exported\n# the stubs are wrong here\ny = 2  # type: ignore\n") == []
    assert unexplained('s = "# noqa"\n') == []  # in a string, not a comment


def run(tool: str, *args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / tool), *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture
def package_copy(tmp_path) -> Path:
    """A copy of lib/perfeval under tmp_path/lib, to plant a violation in."""
    shutil.copytree(ROOT / "lib" / "perfeval", tmp_path / "lib" / "perfeval",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "lib"


def lint_imports(lib: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(lib)}
    return run("lint-imports", "--config", CONFIG, "--no-cache", cwd=lib.parent, env=env)


@pytest.mark.slow  # copies the package and runs import-linter on it twice
def test_import_contracts_hold_and_fail_on_a_core_module_importing_outputs(package_copy):
    kept = lint_imports(package_copy)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    numbers = package_copy / "perfeval" / "core" / "numbers.py"
    numbers.write_text(numbers.read_text(encoding="utf-8") + "\nfrom ..outputs import textsheet\n", encoding="utf-8")
    broken = lint_imports(package_copy)
    assert broken.returncode != 0
    assert "perfeval.core is not allowed to import perfeval.outputs" in broken.stdout


@pytest.mark.slow  # copies the package and runs import-linter on it
def test_import_contracts_keep_intake_apart_from_checks_and_from_the_result(package_copy):
    """Intake is first in the flow but sits on core beside checks: neither imports the other, and the unit result
    imports nothing of intake."""
    for module, line in ((("intake", "numbering.py"), "from ..checks import finding"),
                         (("result.py",), "from .intake import numbering")):
        path = package_copy.joinpath("perfeval", *module)
        path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    broken = lint_imports(package_copy)
    assert broken.returncode != 0
    assert "perfeval.intake is not allowed to import perfeval.checks" in broken.stdout
    assert "perfeval.result is not allowed to import perfeval.intake" in broken.stdout


@pytest.mark.slow  # copies the package and runs import-linter on it
def test_import_contracts_fail_on_a_cycle_between_sibling_modules(package_copy):
    outputs = package_copy / "perfeval" / "outputs"
    for module, other in (("textsheet", "framework_page"), ("framework_page", "textsheet")):
        path = outputs / f"{module}.py"
        path.write_text(path.read_text(encoding="utf-8") + f"\nfrom . import {other}\n", encoding="utf-8")
    broken = lint_imports(package_copy)
    assert broken.returncode != 0
    assert "No cycles are allowed in perfeval.outputs" in broken.stdout


def test_ruff_passes_and_fails_on_a_planted_problem(tmp_path):
    kept = run("ruff", "check", "--no-cache", "lib", "tests", "bench")
    assert kept.returncode == 0, kept.stdout
    probe = tmp_path / "probe.py"
    probe.write_text("import os\n\n\ndef f(x: int) -> int:\n    try:\n        return x\n    except Exception:\n"
                     "        return 0\n", encoding="utf-8")
    broken = run("ruff", "check", "--no-cache", "--config", CONFIG, "--output-format", "concise", probe)
    assert broken.returncode != 0
    assert {"F401", "BLE001"} <= set(re.findall(r"\b([A-Z]+\d+)\b", broken.stdout))


@pytest.mark.slow  # mypy over the package from a cold cache: a minute
def test_mypy_strict_passes_on_the_package_and_fails_on_an_untyped_function(tmp_path):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    kept = run("mypy", "--config-file", CONFIG, *cache)
    assert kept.returncode == 0, kept.stdout
    probe = tmp_path / "probe.py"
    probe.write_text("def half(x):\n    return x / 2\n", encoding="utf-8")
    broken = run("mypy", "--config-file", CONFIG, *cache, probe)
    assert broken.returncode != 0
    assert "Function is missing a type annotation" in broken.stdout
