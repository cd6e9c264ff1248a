"""Each unit is scored once per batch: in its report's kernel. The index, the CSV, the summary workbook and the
portfolio read the unit result that kernel wrote, and no process of the batch scores the unit again.

Every process the batch starts (workers, kernels, the portfolio's kernel) inherits PYTHONPATH, so a
sitecustomize module there counts each call of the engine's entry points into a file, by process.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter

import pytest

from conftest import CHANGSHA, YUNXI

pytestmark = pytest.mark.slow  # runs whole batches (kernels, workers)

COUNTER = '''\
import os
if os.environ.get("PERFEVAL_SCORING_LOG"):
    import perfeval.core.engine as engine

    def counted(name, original):
        def wrapper(*args, **kwargs):
            result = original(*args, **kwargs)
            sheet = getattr(result, "sheet", result)
            with open(os.environ["PERFEVAL_SCORING_LOG"], "a", encoding="utf-8") as log:
                log.write(f"{os.getpid()} {name} {sheet.unit.id}\\n")
            return result
        return wrapper

    engine.load_unit = counted("load_unit", engine.load_unit)
    engine.score_params = counted("score_params", engine.score_params)
'''


def test_each_unit_is_scored_once_per_batch_with_every_output(tmp_path):
    units = tmp_path / "units"
    units.mkdir()
    for path in (CHANGSHA, YUNXI):
        shutil.copy(path, units / path.name)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(COUNTER, encoding="utf-8")
    log = tmp_path / "scoring.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), os.environ.get("PYTHONPATH", "")]),
           "PERFEVAL_SCORING_LOG": str(log)}
    out = tmp_path / "outputs"
    batch = subprocess.Popen([sys.executable, "-m", "perfeval", "run", str(units), "-o", str(out), "-q", "-j", "2"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, stderr = batch.communicate(timeout=600)
    assert batch.returncode == 0, stderr
    for name in ("index.html", "summary.csv", "summary.xlsx", "portfolio.html"):
        assert (out / name).is_file()
    entries = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    assert Counter(uid for _, _, uid in entries) == {"changsha_county_2022": 1, "yunxi_district_2023": 1}
    assert str(batch.pid) not in {pid for pid, _, _ in entries}  # the index, CSV and workbook score nothing
    assert all(name == "load_unit" for _, name, _ in entries)  # the report notebook's one call per unit
