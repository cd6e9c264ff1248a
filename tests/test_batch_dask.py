"""The batch on dask.distributed: same outputs as the local pool, and a worker killed mid-batch loses nothing."""
from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from perfeval.outputs.batch import OK, load_status, run_batch

from conftest import CHANGSHA, YUNXI
from synth import write_units

pytestmark = pytest.mark.slow  # runs whole batches (kernels, workers)


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_same_reports_as_the_local_pool(cluster, tmp_path):
    run_batch([str(CHANGSHA), str(YUNXI)], outputs=tmp_path / "pool", workers=2, progress=False)
    dask = run_batch([str(CHANGSHA), str(YUNXI)], outputs=tmp_path / "dask", progress=False,
                     scheduler=cluster.scheduler_address)
    assert [r.status for r in dask.results] == [OK, OK]
    for r in dask.results:
        assert (tmp_path / "dask" / r.report).read_bytes() == (tmp_path / "pool" / r.report).read_bytes()
    assert (tmp_path / "dask" / "index.html").read_bytes() == (tmp_path / "pool" / "index.html").read_bytes()


def test_a_worker_killed_mid_batch_loses_no_unit_and_reports_none_twice(cluster, tmp_path):
    units = write_units(tmp_path / "units", 8, seed=11)
    out = tmp_path / "out"
    with Client(cluster.scheduler_address) as client:
        pids = list(client.run(os.getpid).values())
    done: dict = {}

    def batch() -> None:
        done["outcome"] = run_batch([str(tmp_path / "units")], outputs=out, progress=False,
                                    scheduler=cluster.scheduler_address)

    runner = threading.Thread(target=batch)
    runner.start()
    deadline = time.monotonic() + 120
    while len(load_status(out)) < 1 and time.monotonic() < deadline:  # the first unit is published
        time.sleep(0.1)
    os.kill(pids[0], signal.SIGKILL)  # its nanny restarts it; its running task goes elsewhere
    runner.join(300)
    assert not runner.is_alive()
    results = done["outcome"].results
    ids = [r.unit_id for r in results]
    assert sorted(ids) == sorted(p.stem for p in units) and len(set(ids)) == len(ids)  # none lost, none twice
    assert all(r.status == OK for r in results), [r.reason for r in results if r.status != OK]
    status = load_status(out)
    assert set(status) == set(ids)
    assert all((out / r.report).is_file() for r in results)
    assert not [p for p in Path(out).rglob("*.tmp")]


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, capsys):
    from perfeval.cli import main

    code = main(["run", str(CHANGSHA), "-o", str(tmp_path), "-q", "--no-summaries",
                 "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 1 and "cannot reach the dask scheduler at tcp://127.0.0.1:9" in err and "Traceback" not in err
