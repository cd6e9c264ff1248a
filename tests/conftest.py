"""Shared fixtures: the sample units and a helper to write altered copies of them."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import os

import pytest
import yaml
from hypothesis import settings

from perfeval.paths import UNITS_DIR

# Property tests draw the same examples every run (a suite that passed passes again, in CI too);
# PERFEVAL_EXPLORE=1 draws new ones each run to look for what the fixed set misses.
settings.register_profile("fixed", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile("explore" if os.environ.get("PERFEVAL_EXPLORE") == "1" else "fixed")

CHANGSHA = UNITS_DIR / "changsha_county_2022.yaml"
YUNXI = UNITS_DIR / "yunxi_district_2023.yaml"
LIUYANG = UNITS_DIR / "liuyang_2020.yaml"
SAMPLES = (CHANGSHA, YUNXI, LIUYANG)

# Slow tests (kernels, a browser, whole batches, hundreds of generated inputs: about four fifths of the suite's time)
# carry `pytest.mark.slow` themselves, per test or as a module's `pytestmark`. `make test-fast` leaves them out while
# working; `make test` (CI) runs everything. `sample_outputs` runs a whole batch, so a test that asks for it must be
# marked: collection stops with the tests' names rather than let the fast suite grow by minutes unnoticed.


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    unmarked = [item.nodeid for item in items
                if "sample_outputs" in getattr(item, "fixturenames", ()) and item.get_closest_marker("slow") is None]
    if unmarked:
        raise pytest.UsageError("these tests use the sample_outputs fixture (a whole batch) but are not marked "
                                "@pytest.mark.slow:\n  " + "\n  ".join(unmarked))


@pytest.fixture(scope="session", autouse=True)
def _framework_cache_of_the_session(tmp_path_factory):
    """Compiled frameworks are cached on disk between commands (core.framework_cache): the tests and the commands
    they start keep theirs in a folder of the session, not in the user's cache."""
    before = os.environ.get("PERFEVAL_CACHE_DIR")
    os.environ["PERFEVAL_CACHE_DIR"] = str(tmp_path_factory.mktemp("perfeval_cache"))
    yield
    if before is None:
        del os.environ["PERFEVAL_CACHE_DIR"]
    else:
        os.environ["PERFEVAL_CACHE_DIR"] = before


@pytest.fixture(scope="session")
def sample_outputs(tmp_path_factory) -> Path:
    """`perfeval run` over the three sample units, with the portfolio page and the summary workbook."""
    out = tmp_path_factory.mktemp("samples") / "outputs"
    run = subprocess.run([sys.executable, "-m", "perfeval", "run", *map(str, SAMPLES), "-o", str(out), "-j", "2", "-q"],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture
def unit_copy(tmp_path: Path):
    """Write a sample unit, altered by a function of its parsed data, to a temp file; return the path."""

    def make(source: Path, alter=None, name: str = "unit.yaml") -> Path:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        if alter:
            alter(data)
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return make


def leaves(node, path=()):
    """Every (path, value) of nested mappings and lists, for tests that rewrite a unit field by field."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from leaves(v, path + (i,))
    else:
        yield path, node


def set_at(data, path, value) -> None:
    """Set the value at a path that leaves() gave."""
    for k in path[:-1]:
        data = data[k]
    data[path[-1]] = value
