"""The warm kernel: reused unit after unit, yet each report is what that unit alone would give."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from jupyter_core.utils import run_sync

import nbformat
import pytest

from perfeval.outputs.batch.jobs import build_jobs
from perfeval.outputs.batch.runner import DEFAULT_NOTEBOOK
from perfeval.outputs.batch import warm
from perfeval.outputs.batch.warm import worker_kernel
from perfeval.outputs.batch.worker import UnitTask, run_unit

from conftest import CHANGSHA, LIUYANG, YUNXI

pytestmark = pytest.mark.slow  # runs whole batches (kernels, workers)


def run(paths, out: Path):
    return [run_unit(UnitTask.of(j)) for j in build_jobs(paths, DEFAULT_NOTEBOOK, out, {}, 300)[0]]


@pytest.fixture
def fresh_kernel(monkeypatch):
    """This thread's worker kernel replaced by a new one, with its own counters."""
    worker_kernel().stop()
    monkeypatch.setattr(warm._local, "kernel", warm.WarmKernel())
    yield worker_kernel()
    worker_kernel().stop()


def test_a_report_does_not_depend_on_the_units_before_it(fresh_kernel, tmp_path):
    alone = run([YUNXI], tmp_path)[-1]
    fresh_kernel.stop()  # the next run starts a kernel of its own
    after_others = run([CHANGSHA, LIUYANG, YUNXI], tmp_path)[-1]
    assert alone.result.status == after_others.result.status == "ok"
    assert alone.html == after_others.html
    nb = nbformat.reads(after_others.notebook.decode(), as_version=4)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code" and c.execution_count]
    assert counts[0] == 1  # numbered from 1, as if it had its own kernel


def test_the_kernel_is_started_once_for_many_units(fresh_kernel, tmp_path):
    outcomes = run([CHANGSHA, YUNXI, LIUYANG], tmp_path)
    assert all(o.result.status == "ok" for o in outcomes)
    assert fresh_kernel.starts == 1 and fresh_kernel.units_run == 3
    # the reports' charts are SVG written by report.svgchart: the kernel never loads matplotlib or seaborn
    fresh_kernel._run("import sys\nassert not {'matplotlib', 'seaborn'} & sys.modules.keys()")


def test_a_failed_unit_gets_the_next_one_a_fresh_kernel(fresh_kernel, tmp_path, unit_copy):
    broken = unit_copy(CHANGSHA, lambda d: d["figures"]["staff"].update(authorized="五十一"), "broken.yaml")
    outcomes = run([broken, YUNXI], tmp_path)
    assert [o.result.status for o in outcomes] == ["failed", "ok"]
    assert outcomes[0].notebook is not None  # the executed notebook with the error, for the analyst
    assert fresh_kernel.starts == 2


def test_a_dead_kernel_is_replaced(fresh_kernel, tmp_path):
    run([CHANGSHA], tmp_path)
    pid = fresh_kernel.km.provisioner.pid
    os.kill(pid, signal.SIGKILL)  # as if the OOM killer had taken it between units
    while run_sync(fresh_kernel.km.is_alive)():
        time.sleep(0.05)
    (outcome,) = run([YUNXI], tmp_path)
    assert outcome.result.status == "ok" and fresh_kernel.starts == 2
