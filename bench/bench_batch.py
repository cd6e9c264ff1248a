"""Benchmark the batch: against the naive shell loop, against empty notebooks (the floor), and at scale.

Units come from tests/synth.py (plausible units of both frameworks, reproducible from a seed). Every figure is
wall time and the peak resident memory of the whole process tree (workers and kernels included), sampled
every 0.1 s; --units also gives the CPU time (user + system) of each command's whole process tree.

  --units N           in one run (--repeat R: R runs and the medians of their ratios): the batch, the naive loop (`papermill` then `jupyter nbconvert --no-input` per
                      unit), empty notebooks through `perfeval run` (the warm pool's own cost: kernels, papermill,
                      result extraction, HTML export, publishing) and empty notebooks each in a fresh kernel (the
                      kernel floor); unit reports only, as the naive loop makes nothing else (default N=20)
                      --against OTHER_TREE/lib: instead, the batch and the empty notebooks with this tree's package
                      and with the other's, by turns (R turns), so that both see the same load; no naive loop
  --scale 20,100,1000 `perfeval run` with every output (reports, index, CSV, portfolio page, summary workbook):
                      wall, per unit, peak memory, and how much of each went to the units and to the summaries
  --dask N            the same run with every output on a dask LocalCluster against the local pool at N units
  --incremental N     N units with every output, then the same again with nothing changed and with one params
                      file changed (wall time as a share of the first run), then a full run (--force) whose reader
                      files (HTML, JSON, CSV, workbook) must be the incremental run's, byte for byte

The empty notebook displays the unit result record, which `perfeval run` requires of every notebook, read from
a file computed before the timing starts (`perfeval score --json`): it scores nothing, so the batch's own cost
is all it measures. Set PYTHONPATH to another checkout's lib/ to measure that checkout's code. The package is
compiled to bytecode first, as an installed perfeval is (this machine sets PYTHONDONTWRITEBYTECODE).

Run: .venv/bin/python bench/bench_batch.py [--units N [--repeat R] [--against OTHER_TREE/lib]] [--scale LIST] [--dask N]
     [--incremental N] [--workers W]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # synth.py: the synthetic units
BIN = Path(sys.executable).parent
RESULT_MIME = "application/vnd.perfeval.unit+json"
EMPTY_CELL = ("import json, pathlib\nfrom IPython.display import display\n"
              "display({%r: json.loads(pathlib.Path(params_file).with_suffix('.json').read_text('utf-8'))}, raw=True)"
              % RESULT_MIME)


def notebooks_dir() -> Path:
    from perfeval.paths import NOTEBOOKS_DIR

    return NOTEBOOKS_DIR


def make_units(folder: Path, n: int, seed: int = 2026) -> Path:
    from synth import write_units

    folder.mkdir(parents=True, exist_ok=True)
    write_units(folder, n, seed)
    return folder


class PeakMemory:
    """Samples the summed resident memory of a process and all its descendants (kernels included)."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        import psutil

        self.root, self.every, self._stop = psutil.Process(pid), every, threading.Event()
        self.samples: list[tuple[float, int]] = []  # (wall clock, bytes)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.samples.append((time.time(), total))
            self._stop.wait(self.every)

    def stop(self) -> "PeakMemory":
        self._stop.set()
        self._thread.join()
        return self

    def peak(self, start: float = 0.0, end: float = float("inf")) -> int:
        return max((b for t, b in self.samples if start <= t <= end), default=0)


@dataclass
class Run:
    """One timed command: wall seconds, its memory samples, when it started (wall clock), and the CPU seconds (user +
    system) of its whole process tree (workers and kernels are waited for, so theirs is counted)."""

    wall: float
    memory: PeakMemory
    started: float
    cpu: float = 0.0

    @property
    def peak(self) -> int:
        return self.memory.peak()


def timed(cmd: list[str] | str, shell: bool = False, env: dict[str, str] | None = None) -> Run:
    started = time.time()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, shell=shell, executable="/bin/bash" if shell else None,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    mem = PeakMemory(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode and not shell:
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return Run(wall, mem.stop(), started, cpu)


def batch(units: Path, out: Path, workers: int, extra: list[str] = (), summaries: bool = True,
          lib: str | None = None) -> tuple[Run, int]:
    """`perfeval run` over a folder of units (with another tree's package: lib); its run and how many units failed."""
    run = timed([str(BIN / "perfeval"), "run", str(units), "-o", str(out), "-j", str(workers), "-q",
                 *([] if summaries else ["--no-summaries"]), *extra],
                env=None if lib is None else {**os.environ, "PYTHONPATH": lib})
    status = json.loads((out / "batch_status.json").read_text(encoding="utf-8"))["units"]
    return run, sum(r["status"] != "ok" for r in status.values())


def write_results(units: Path) -> None:
    """Each unit's result beside its params file (x.yaml → x.json), for the empty notebook to display."""
    code = ("import sys, pathlib\nfrom perfeval.result import evaluate_file\n"
            "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
            "    p.with_suffix('.json').write_text(evaluate_file(p).to_json(), encoding='utf-8')\n")
    subprocess.run([sys.executable, "-c", code, str(units)], check=True)


def empty_notebook(path: Path) -> Path:
    """A notebook that declares the batch's parameter and displays the unit's precomputed result: no scoring."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell('params_file: str = ""')
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell(EMPTY_CELL)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def _cold_empty(args: tuple[str, str, str]) -> float:
    import papermill

    from perfeval.outputs.batch.kernel import NativeKernelManager

    t0 = time.perf_counter()
    papermill.execute_notebook(args[0], args[1], parameters={"params_file": args[2]}, kernel_name="python3",
                               progress_bar=False, kernel_manager_class=NativeKernelManager,
                               shutdown_kernel="immediate")
    return time.perf_counter() - t0


def cold_floor(empty: Path, units: Path, out: Path, workers: int) -> float:
    """Each unit's empty notebook in a kernel of its own, through a pool of worker processes: wall seconds."""
    import multiprocessing

    params = sorted(units.glob("*.yaml"))
    jobs = [(str(empty), str(out / f"e{i}.ipynb"), str(p)) for i, p in enumerate(params)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_cold_empty, jobs[:workers]))  # warm-up: the workers' own imports
        t0 = time.perf_counter()
        list(pool.map(_cold_empty, jobs))
        return time.perf_counter() - t0


def naive_loop(units: Path, out: Path) -> Run:
    out.mkdir(parents=True)
    notebook = notebooks_dir() / "unit_report.ipynb"
    loop = (f"for f in {units}/*.yaml; do id=$(basename \"$f\" .yaml); "
            f"{BIN / 'papermill'} {notebook} {out}/$id.ipynb -p params_file \"$f\" -k python3 "
            f"--cwd {notebook.parent} --no-progress-bar >/dev/null 2>&1 && "
            f"{BIN / 'jupyter'} nbconvert --to html --no-input {out}/$id.ipynb >/dev/null 2>&1; done")
    return timed(loop, shell=True)


def mb(x: int) -> str:
    return f"{x / 2**20:,.0f} MiB"


def compare(n: int, workers: int, tmp: Path, repeat: int = 1) -> None:
    """The batch against the naive loop and against empty notebooks, repeat times; each run's ratios are taken
    within that run, and their medians printed last."""
    units = make_units(tmp / f"units{n}", n)
    write_results(units)
    empty = empty_notebook(tmp / "empty.ipynb")
    print(f"{n} units, {workers} workers, unit reports only (no portfolio or workbook: the naive loop makes none); "
          "wall, then CPU of the whole process tree")
    ratios: list[tuple[float, float, float, float]] = []
    for i in range(repeat):
        runs = tmp / f"run{i}"
        load = os.getloadavg()[0]
        b, failed = batch(units, runs / "batch", workers, summaries=False)
        e, e_failed = batch(units, runs / "empty_warm", workers, ["--notebook", str(empty)], summaries=False)
        naive = naive_loop(units, runs / "naive")
        reports = len(list((runs / "naive").glob("*.html")))
        print(f" run {i + 1} of {repeat} (load {load:.1f} at its start, {os.getloadavg()[0]:.1f} at its end)")
        for label, run, bad in [("batch (perfeval run)", b, failed),
                                ("empty notebooks through perfeval run (warm)", e, e_failed),
                                ("naive loop (papermill + jupyter nbconvert)", naive, n - reports)]:
            print(f"  {label + ':':46} {run.wall:7.2f} s  {run.wall / n:.3f} s/unit  CPU {run.cpu:7.2f} s  "
                  f"peak {mb(run.peak)}  {bad} failed")
        if i == 0:
            cold = cold_floor(empty, units, runs, workers)
            print(f"  empty notebooks, a fresh kernel each ({workers}-process pool, the kernel floor): {cold:7.2f} s; "
                  f"batch / kernel floor {b.wall / cold:5.2f} ×")
        ratios.append((naive.wall / b.wall, b.wall / e.wall, naive.cpu / b.cpu, b.cpu / e.cpu))
        print(f"  batch / naive:       {ratios[-1][0]:5.2f} × faster (CPU {ratios[-1][2]:5.2f} ×)")
        print(f"  batch / empty-warm:  {ratios[-1][1]:5.2f} ×  (CPU {ratios[-1][3]:5.2f} ×; what the report's own work "
              "adds to the pool's cost)")
    if repeat > 1:
        med = [statistics.median(r[k] for r in ratios) for k in range(4)]
        print(f" median of {repeat}: batch / naive {med[0]:5.2f} × (CPU {med[2]:5.2f} ×); "
              f"batch / empty-warm {med[1]:5.2f} × (CPU {med[3]:5.2f} ×)")


def compare_trees(n: int, workers: int, tmp: Path, lib: str, turns: int) -> None:
    """batch / empty-warm with this tree's package and with another's (its lib/), by turns: each turn runs both
    trees' batch and empty notebooks, the order alternating, so that both see the same load."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", lib], check=True, capture_output=True)
    units = make_units(tmp / f"units{n}", n)
    write_results(units)
    empty = empty_notebook(tmp / "empty.ipynb")
    trees = {"this tree": os.environ.get("PYTHONPATH") or None, lib: lib}
    ratios: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in trees}
    print(f"{n} units, {workers} workers, unit reports only; this tree against {lib}, {turns} turns")
    for turn in range(turns):
        for name in (list(trees) if turn % 2 == 0 else list(trees)[::-1]):
            runs = tmp / f"turn{turn}" / ("this" if name == "this tree" else "other")
            load = os.getloadavg()[0]
            b, failed = batch(units, runs / "batch", workers, summaries=False, lib=trees[name])
            e, e_failed = batch(units, runs / "empty_warm", workers, ["--notebook", str(empty)], summaries=False,
                                lib=trees[name])
            ratios[name].append((b.wall, b.cpu, b.wall / e.wall, b.cpu / e.cpu))
            print(f" turn {turn + 1}, {name} (load {load:.1f}): batch {b.wall:6.2f} s (CPU {b.cpu:6.2f} s, "
                  f"{failed} failed), empty-warm {e.wall:6.2f} s (CPU {e.cpu:6.2f} s, {e_failed} failed): "
                  f"batch / empty-warm {b.wall / e.wall:5.2f} × (CPU {b.cpu / e.cpu:5.2f} ×)")
    for name, rs in ratios.items():
        med = [statistics.median(r[k] for r in rs) for k in range(4)]
        print(f" median, {name}: batch {med[0]:6.2f} s (CPU {med[1]:6.2f} s); batch / empty-warm {med[2]:5.2f} × "
              f"(CPU {med[3]:5.2f} ×)")


def phases(run: Run, out: Path) -> str:
    """Wall and peak memory of the units (until the last unit result was written) and of the summaries after."""
    results = list((out / "units").glob("*/*.json"))
    if not results:
        return ""
    units_done = max(p.stat().st_mtime for p in results)
    units_wall = units_done - run.started
    return (f"[units {units_wall:7.1f} s, peak {mb(run.memory.peak(end=units_done))}; "
            f"summaries {run.wall - units_wall:6.1f} s, peak {mb(run.memory.peak(start=units_done))}]")


def sizes(out: Path) -> str:
    names = ("portfolio.html", "summary.xlsx", "index.html", "summary.csv")
    return ", ".join(f"{n} {(out / n).stat().st_size / 1024:,.0f} KB" for n in names if (out / n).exists())


def scale(ns: list[int], workers: int, tmp: Path) -> None:
    print(f"scale, {workers} workers, every output (reports, index, CSV, portfolio page, summary workbook)")
    for n in ns:
        units = make_units(tmp / f"scale{n}", n)
        out = tmp / f"scale_out{n}"
        run, failed = batch(units, out, workers)
        print(f"  {n:5d} units: {run.wall:8.1f} s wall, {run.wall / n:.3f} s/unit, peak {mb(run.peak)}, "
              f"{failed} failed {phases(run, out)}")
        print(f"               {sizes(out)}")


READER_FILES = (".html", ".json", ".csv", ".xlsx")  # what a reader opens; notebooks are records of their run
RECORDS = ("batch_status.json",)  # seconds each unit took


def reader_files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.suffix in READER_FILES and p.name not in RECORDS}


def incremental(n: int, workers: int, tmp: Path) -> None:
    """A full run of n units with every output, then again with nothing changed, then with one params file changed
    (its unit's name), each against the first; then a full run (--force) of the changed units into another folder,
    whose reader-facing files must be those of the incremental run, byte for byte."""
    units = make_units(tmp / f"inc{n}", n)
    out = tmp / "inc_out"
    first, f1 = batch(units, out, workers)
    before = reader_files(out)
    same, f2 = batch(units, out, workers)
    unchanged = reader_files(out) == before
    changed_file = sorted(units.glob("*.yaml"))[n // 2]
    text = changed_file.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("  name: "))
    changed_file.write_text(text.replace(name, name + "（更正）", 1), encoding="utf-8")
    one, f3 = batch(units, out, workers)
    status = json.loads((out / "batch_status.json").read_text(encoding="utf-8"))["units"]
    unit_seconds = next(r["seconds"] for r in status.values() if r["params_file"] == str(changed_file))
    full, f4 = batch(units, tmp / "inc_full", workers, ["--force"])
    identical = reader_files(out) == reader_files(tmp / "inc_full")
    print(f"incremental, {n} units, {workers} workers, every output")
    print(f"  first run:                    {first.wall:7.2f} s, peak {mb(first.peak)}, {f1} failed")
    print(f"  again, nothing changed:       {same.wall:7.2f} s = {same.wall / first.wall:6.1%} of the first, "
          f"{f2} failed; reader files unchanged: {unchanged}")
    print(f"  again, one params file changed: {one.wall:5.2f} s = {one.wall / first.wall:6.1%} of the first, "
          f"{f3} failed; that unit {unit_seconds:.2f} s in its worker {phases(one, out)}")
    print(f"  full run (--force) of the same units: {full.wall:7.2f} s, {f4} failed; its reader files identical to "
          f"the incremental run's: {identical}")


def dask_vs_pool(n: int, workers: int, tmp: Path) -> None:
    units = make_units(tmp / f"dask{n}", n)
    pool, f_pool = batch(units, tmp / "pool", workers)
    dask, f_dask = batch(units, tmp / "dask", workers, ["--scheduler", "local"])
    same = all((tmp / "pool" / p.relative_to(tmp / "dask")).read_bytes() == p.read_bytes()
               for p in (tmp / "dask" / "units").rglob("*.html"))
    print(f"{n} units, {workers} workers, every output")
    print(f"  local pool:          {pool.wall:7.1f} s, {pool.wall / n:.3f} s/unit, peak {mb(pool.peak)}, "
          f"{f_pool} failed {phases(pool, tmp / 'pool')}")
    print(f"  dask LocalCluster:   {dask.wall:7.1f} s, {dask.wall / n:.3f} s/unit, peak {mb(dask.peak)}, "
          f"{f_dask} failed {phases(dask, tmp / 'dask')}")
    print(f"  dask / pool {dask.wall / pool.wall:.2f} ×; reports identical to the pool's: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, help="compare batch, naive loop and empty notebooks at N units")
    parser.add_argument("--scale", help="comma-separated unit counts for wall time and peak memory, every output")
    parser.add_argument("--dask", type=int, help="LocalCluster against the local pool at N units, every output")
    parser.add_argument("--incremental", type=int,
                        help="N units run, run again unchanged, run with one params file changed; then --force")
    parser.add_argument("--workers", type=int, default=None, help="workers (default: one per core)")
    parser.add_argument("--repeat", type=int, default=1, help="with --units: runs, each ratio within its run, medians")
    parser.add_argument("--against", metavar="LIB", help="with --units: batch / empty-warm by turns with another tree")
    args = parser.parse_args()
    from perfeval.outputs.batch import default_workers

    workers = args.workers or default_workers()
    from perfeval.paths import PACKAGE_DIR  # bytecode as an installed perfeval has it (see bench_cli.py)

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE_DIR)], check=True, capture_output=True)
    where = f"PYTHONPATH={os.environ['PYTHONPATH']} " if os.environ.get("PYTHONPATH") else ""
    print(f"command: {where}{shlex.join([Path(sys.executable).name, 'bench/bench_batch.py', *sys.argv[1:]])}")
    load = os.getloadavg()
    print(f"load average before the run: {load[0]:.1f} (1 min), {load[1]:.1f} (5 min) on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="bench_batch_") as tmp:
        if args.against:
            compare_trees(args.units or 20, workers, Path(tmp) / "against", args.against, args.repeat)
        elif args.units or not (args.scale or args.dask or args.incremental):
            compare(args.units or 20, workers, Path(tmp) / "compare", args.repeat)
        if args.scale:
            scale([int(x) for x in args.scale.split(",")], workers, Path(tmp) / "scale")
        if args.dask:
            dask_vs_pool(args.dask, workers, Path(tmp) / "dask")
        if args.incremental:
            incremental(args.incremental, workers, Path(tmp) / "incremental")
    print(f"load average after the run: {os.getloadavg()[0]:.1f} (1 min)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
