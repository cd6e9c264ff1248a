"""Benchmark the batch: against the naive shell loop, against empty notebooks (the floor), and at scale.

Units come from perfeval.synth (plausible units of both frameworks, reproducible from a seed).

  --units N           batch vs the naive loop (`papermill` then `jupyter nbconvert` per unit) vs empty
                      notebooks through the same pool, in one run (default N=20)
  --scale 20,100,1000 batch wall time and peak memory of the whole process tree for each N
  --dask N            a dask LocalCluster against the local pool at N units

Run: .venv/bin/python bench/bench_batch.py [--units N] [--scale LIST] [--dask N] [--workers W]
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "unit_report.ipynb"


def make_units(folder: Path, n: int, seed: int = 2026) -> Path:
    from perfeval.synth import write_units

    folder.mkdir(parents=True, exist_ok=True)
    write_units(folder, n, seed)
    return folder


class PeakMemory:
    """Samples the summed resident memory of a process and all its descendants (kernels included)."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        import psutil

        self.root, self.every, self.peak, self._stop = psutil.Process(pid), every, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            self._stop.wait(self.every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def timed(cmd: list[str] | str, shell: bool = False) -> tuple[float, int]:
    """Wall seconds and peak memory (bytes, whole process tree) of one command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, shell=shell, cwd=ROOT, executable="/bin/bash" if shell else None,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mem = PeakMemory(proc.pid)
    proc.wait()
    return time.perf_counter() - t0, mem.stop()


def batch(units: Path, out: Path, workers: int, extra: list[str] = ()) -> tuple[float, int, int]:
    """`perfeval run` over a folder of units (no portfolio/workbook: unit reports only); wall, memory, failures."""
    wall, mem = timed([str(BIN / "perfeval"), "run", str(units), "-o", str(out), "-j", str(workers), "-q",
                       "--no-summaries", *extra])
    status = json.loads((out / "batch_status.json").read_text(encoding="utf-8"))["units"]
    return wall, mem, sum(r["status"] != "ok" for r in status.values())


def empty_notebook(path: Path) -> Path:
    """A notebook that declares the batch's parameter and does nothing else."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell('params_file: str = ""  # unused')
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def _cold_empty(args: tuple[str, str]) -> float:
    import papermill

    from perfeval.outputs.batch.kernel import NativeKernelManager

    t0 = time.perf_counter()
    papermill.execute_notebook(args[0], args[1], kernel_name="python3", progress_bar=False,
                               kernel_manager_class=NativeKernelManager, shutdown_kernel="immediate")
    return time.perf_counter() - t0


def cold_floor(empty: Path, out: Path, n: int, workers: int) -> float:
    """n empty notebooks, each in a kernel of its own, through a pool of worker processes: wall seconds."""
    import multiprocessing

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_cold_empty, [(str(empty), str(out / f"e{i}.ipynb")) for i in range(workers)]))  # warm-up
        t0 = time.perf_counter()
        list(pool.map(_cold_empty, [(str(empty), str(out / f"e{i}.ipynb")) for i in range(n)]))
        return time.perf_counter() - t0


def naive_loop(units: Path, out: Path) -> float:
    out.mkdir()
    loop = (f"for f in {units}/*.yaml; do id=$(basename \"$f\" .yaml); "
            f"{BIN / 'papermill'} {NOTEBOOK} {out}/$id.ipynb -p params_file \"$f\" -k python3 "
            f"--cwd {NOTEBOOK.parent} --no-progress-bar >/dev/null 2>&1 && "
            f"{BIN / 'jupyter'} nbconvert --to html --no-input {out}/$id.ipynb >/dev/null 2>&1; done")
    wall, _ = timed(loop, shell=True)
    return wall


def mb(x: int) -> str:
    return f"{x / 2**20:,.0f} MiB"


def compare(n: int, workers: int, tmp: Path) -> None:
    units = make_units(tmp / f"units{n}", n)
    t_batch, m_batch, failed = batch(units, tmp / "batch", workers)
    t_naive = naive_loop(units, tmp / "naive")
    empty = empty_notebook(tmp / "empty.ipynb")
    t_empty_same, _, _ = batch(units, tmp / "empty_same", workers, ["--notebook", str(empty)])
    t_cold = cold_floor(empty, tmp, n, workers)
    print(f"{n} units, {workers} workers")
    print(f"  batch (perfeval run):                        {t_batch:7.2f} s  ({t_batch / n:.2f} s/unit, "
          f"{failed} failed, peak {mb(m_batch)})")
    print(f"  naive loop (papermill + jupyter nbconvert):  {t_naive:7.2f} s  ({t_naive / n:.2f} s/unit)")
    print(f"  ratio naive / batch:                         {t_naive / t_batch:7.2f} ×")
    print(f"  empty notebooks, same pool (perfeval run --notebook empty): {t_empty_same:6.2f} s "
          f"-> batch / empty = {t_batch / t_empty_same:.2f} ×")
    print(f"  empty notebooks, a fresh kernel each, {workers}-process pool (the kernel floor): {t_cold:6.2f} s "
          f"-> batch / floor = {t_batch / t_cold:.2f} ×")


def scale(ns: list[int], workers: int, tmp: Path) -> None:
    print(f"scale, {workers} workers (unit reports only)")
    for n in ns:
        units = make_units(tmp / f"scale{n}", n)
        wall, mem, failed = batch(units, tmp / f"scale_out{n}", workers)
        print(f"  {n:5d} units: {wall:8.2f} s wall, {wall / n:.3f} s/unit, peak memory {mb(mem)}, {failed} failed")


def dask_vs_pool(n: int, workers: int, tmp: Path) -> None:
    units = make_units(tmp / f"dask{n}", n)
    t_pool, m_pool, f_pool = batch(units, tmp / "pool", workers)
    t_dask, m_dask, f_dask = batch(units, tmp / "dask", workers, ["--scheduler", "local"])
    same = all((tmp / "pool" / p.relative_to(tmp / "dask")).read_bytes() == p.read_bytes()
               for p in (tmp / "dask" / "units").rglob("*.html"))
    print(f"{n} units, {workers} workers")
    print(f"  local pool:          {t_pool:7.2f} s, peak {mb(m_pool)}, {f_pool} failed")
    print(f"  dask LocalCluster:   {t_dask:7.2f} s, peak {mb(m_dask)}, {f_dask} failed  "
          f"(ratio {t_dask / t_pool:.2f} ×; HTML identical to the pool's: {same})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, help="compare batch, naive loop and empty notebooks at N units")
    parser.add_argument("--scale", help="comma-separated unit counts for wall time and peak memory")
    parser.add_argument("--dask", type=int, help="LocalCluster against the local pool at N units")
    parser.add_argument("--workers", type=int, default=None, help="workers (default: one per core)")
    args = parser.parse_args()
    from perfeval.outputs.batch import default_workers

    workers = args.workers or default_workers()
    print(f"command: {shlex.join([Path(sys.executable).name, 'bench/bench_batch.py', *sys.argv[1:]])}")
    with tempfile.TemporaryDirectory(prefix="bench_batch_") as tmp:
        if args.units or not (args.scale or args.dask):
            compare(args.units or 20, workers, Path(tmp) / "compare")
        if args.scale:
            scale([int(x) for x in args.scale.split(",")], workers, Path(tmp) / "scale")
        if args.dask:
            dask_vs_pool(args.dask, workers, Path(tmp) / "dask")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
