"""Where one unit's time goes in a warm worker: the kernel's life, each notebook cell, and every step around them.

Steps are those of perfeval.outputs.batch (worker.run_unit, then publish in the batch's process), timed one by one
on the sample units, for the report notebook and for the empty notebook bench_batch.py uses (a unit result record
and nothing else). Cells are named by the report blocks they call, so the table follows the notebook as it changes.
CPU is this process's (the worker's), and for the whole unit the worker's and its kernel's together (what
survives a loaded machine); a cell's time is spent in the kernel.

With --against OTHER_TREE/lib, only Changsha's whole unit is timed, with this tree's package and with the other's,
by turns (a fresh worker process and kernel per turn, each timing --repeat units after two untimed ones), so that
both see the same load: wall and CPU of worker and kernel together, and the CPU difference turn by turn.

Run: .venv/bin/python bench/bench_stages.py [--repeat N] [--against OTHER_TREE/lib [--turns T]]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import nbformat
import psutil
from jupyter_core.utils import run_sync

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_batch import empty_notebook

from perfeval.paths import UNITS_DIR

UNITS = sorted(UNITS_DIR.glob("*.yaml"))


class Stages:
    """Wall and CPU seconds per named step, in the order first seen."""

    def __init__(self) -> None:
        self.wall: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}

    def add(self, name: str, wall: float, cpu: float | None = None) -> None:
        self.wall.setdefault(name, []).append(wall)
        if cpu is not None:
            self.cpu.setdefault(name, []).append(cpu)

    def time(self, name: str, fn: Callable[[], object]) -> object:
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        self.add(name, time.perf_counter() - t0, time.process_time() - c0)
        return out

    def print(self, title: str) -> None:
        print(title)
        for name, xs in self.wall.items():
            cpu = f"{statistics.median(self.cpu[name]) * 1000:7.0f} ms" if name in self.cpu else " " * 10
            print(f"  {name[:70]:70} {statistics.median(xs) * 1000:7.0f} ms  {cpu}")


def _kernel_cpu(kernel: object) -> float:
    """CPU seconds (user + system) the worker's kernel process has used so far."""
    times = psutil.Process(kernel.km.provisioner.process.pid).cpu_times()  # type: ignore[attr-defined]  # a warm worker's kernel
    return float(times.user + times.system)


def _cell_name(source: str) -> str:
    """A cell by the report blocks it calls (a section's blocks share a cell), else by its last line."""
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("#"))
    calls = re.findall(r"report\.(\w+)\(", code)
    return ", ".join(calls) if calls else (source.strip().splitlines() or [""])[-1]


def kernel_life(repeat: int) -> Stages:
    from perfeval.outputs.batch.kernel import NativeKernelManager
    from perfeval.outputs.batch.warm import KERNEL_ARGUMENTS, RESET, WARM_UP

    s = Stages()
    for _ in range(repeat):
        km = NativeKernelManager()
        t0 = time.perf_counter()
        run_sync(km.start_kernel)(extra_arguments=KERNEL_ARGUMENTS)
        kc = km.client()
        kc.start_channels()
        run_sync(kc.wait_for_ready)(timeout=60)
        s.add("kernel start (to ready)", time.perf_counter() - t0)
        t0 = time.perf_counter()
        run_sync(kc.execute_interactive)(WARM_UP, store_history=False, output_hook=lambda m: None)
        s.add("imports in the kernel (warm-up: the report library and pandas)", time.perf_counter() - t0)
        t0 = time.perf_counter()
        run_sync(kc.execute_interactive)(RESET, store_history=False, output_hook=lambda m: None)
        s.add("namespace reset between units", time.perf_counter() - t0)
        kc.stop_channels()
        t0 = time.perf_counter()
        run_sync(km.shutdown_kernel)(now=True)
        s.add("kernel shutdown, immediate", time.perf_counter() - t0)
    return s


def unit_steps(notebook: Path, units: list[Path], repeat: int, tmp: Path) -> tuple[Stages, Stages]:
    """Each step of run_unit and publish, and each cell, for the sample units in turn (first run dropped)."""
    from perfeval.outputs.batch.jobs import build_jobs
    from perfeval.outputs.batch.publish import publish, sign_trusted
    from perfeval.outputs.batch.warm import worker_kernel
    from perfeval.outputs.batch.worker import UnitOutcome, UnitTask, _execute, run_unit, unit_result_of
    from perfeval.outputs.batch.status import OK, UnitRun
    from perfeval.outputs.htmlexport import to_html

    steps, cells = Stages(), Stages()
    tmp.mkdir(parents=True, exist_ok=True)
    outputs = tmp / "outputs"
    jobs, _ = build_jobs(units, notebook, outputs, {}, 300)
    kernel = worker_kernel()
    for i in range(repeat + 1):
        job = jobs[i % len(jobs)]
        out = tmp / f"{job.unit_id}.ipynb"
        warm = kernel.ready() if i == 0 else steps.time("namespace reset (WarmKernel.ready)", kernel.ready)
        t0, c0 = time.perf_counter(), time.process_time()
        nb = _execute(job, notebook, Path(job.params_file), out, warm)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        ran = [(_cell_name(c.source), c.metadata.papermill.duration or 0.0)
               for c in nb.cells if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", [])
               and "injected-parameters" not in c.metadata.get("tags", [])]
        if i == 0:
            continue
        in_cells = sum(d for _, d in ran)
        for name, duration in ran:
            cells.add(f"cell: {name}", duration)
        cells.add("all cells", in_cells)
        steps.add("papermill around the cells (load, parameters, messages, write)", wall - in_cells, cpu)
        steps.time("  of which writing the executed notebook (nbformat)",
                   lambda: nbformat.write(nb, str(tmp / "again.ipynb")))
        title, unit_json = steps.time("unit result from the notebook (extract, validate)",
                                      lambda: unit_result_of(nb))
        html = steps.time("HTML export (nbconvert, reader view, inert text)", lambda: to_html(nb, title))
        notebook_bytes = out.read_bytes()
        outcome = UnitOutcome(UnitRun(job.unit_id, str(job.params_file), OK), notebook_bytes, html, unit_json)
        steps.time("publish in the batch's process (3 files, atomic, synced)", lambda: publish(outputs, outcome))
        steps.time("mark the notebook trusted (nbformat notary)", lambda: sign_trusted(notebook_bytes))
    task = UnitTask.of(jobs[0])
    for _ in range(repeat):
        kernel_before = _kernel_cpu(kernel)
        t0, c0 = time.perf_counter(), time.process_time()
        run_unit(task)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        steps.add(f"whole unit on a warm worker ({task.job.unit_id}: run_unit, without publishing)", wall, cpu)
        steps.add("  its CPU in the worker and the kernel together", wall, cpu + _kernel_cpu(kernel) - kernel_before)
    kernel.stop()
    sizes = f"report {len(html) / 1024:,.0f} KB, notebook {len(notebook_bytes) / 1024:,.0f} KB, " \
            f"unit result {len(unit_json) / 1024:,.0f} KB"
    steps.add(f"({sizes})", 0.0)
    return steps, cells


def whole_units(repeat: int) -> tuple[list[float], list[float]]:
    """Changsha's run_unit in this process's warm worker, repeat times after two untimed runs: wall seconds, and CPU
    seconds of this process and its kernel together."""
    from perfeval.outputs.batch.jobs import build_jobs
    from perfeval.outputs.batch.runner import DEFAULT_NOTEBOOK
    from perfeval.outputs.batch.warm import worker_kernel
    from perfeval.outputs.batch.worker import UnitTask, run_unit

    with tempfile.TemporaryDirectory(prefix="bench_stages_") as tmp:
        jobs, _ = build_jobs([UNITS[0]], DEFAULT_NOTEBOOK, Path(tmp) / "outputs", {}, 300)
        task, kernel = UnitTask.of(jobs[0]), worker_kernel()
        for _ in range(2):
            run_unit(task)
        walls, cpus = [], []
        for _ in range(repeat):
            k0, c0, t0 = _kernel_cpu(kernel), time.process_time(), time.perf_counter()
            run_unit(task)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0 + _kernel_cpu(kernel) - k0)
        kernel.stop()
    return walls, cpus


def against(lib: str, repeat: int, turns: int) -> None:
    """Changsha's whole unit with this tree's package and with another's, by turns: wall and CPU (worker + kernel)
    milliseconds, median (min) over every timed unit of every turn, and the CPU difference turn by turn."""
    trees = {"this tree": os.environ.get("PYTHONPATH", ""), lib: lib}
    runs: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in trees}
    per_turn: dict[str, list[float]] = {name: [] for name in trees}
    for turn in range(turns):
        for name in (list(trees) if turn % 2 == 0 else list(trees)[::-1]):
            out = subprocess.run([sys.executable, __file__, "--whole-units", str(repeat)], capture_output=True,
                                 text=True, check=True, env={**os.environ, "PYTHONPATH": trees[name]}).stdout
            walls, cpus = json.loads(out.splitlines()[-1])
            runs[name][0].extend(walls)
            runs[name][1].extend(cpus)
            per_turn[name].append(statistics.median(cpus))
    print(f"Changsha in a warm worker, {turns} turns × {repeat} units each, median (min):{'':6} wall ms      CPU ms")
    for name, (walls, cpus) in runs.items():
        print(f"  {name:58} {ms(walls)} {ms(cpus)}")
    ours, theirs = per_turn.values()
    print(f"  {'CPU, this tree − the other, turn by turn (medians of each turn), median':58} "
          f"{statistics.median(a - b for a, b in zip(ours, theirs)) * 1000:+20.0f}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


def ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:6.0f} ({min(xs) * 1000:4.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=6)
    parser.add_argument("--against", metavar="LIB", help="only Changsha's whole unit, by turns with another tree's lib/")
    parser.add_argument("--turns", type=int, default=4, help="with --against: turns of each tree (default 4)")
    parser.add_argument("--whole-units", type=int, metavar="N", help=argparse.SUPPRESS)  # one turn of --against
    args = parser.parse_args()
    if args.whole_units:
        print(json.dumps(whole_units(args.whole_units)))
        return
    from perfeval.outputs.batch.runner import DEFAULT_NOTEBOOK

    print(f"command: {shlex.join([Path(sys.executable).name, 'bench/bench_stages.py', *sys.argv[1:]])}")
    print(f"load average: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores; medians; "
          f"columns: wall, then this process's CPU")
    if args.against:
        subprocess.run([sys.executable, "-m", "compileall", "-q", args.against], check=True, capture_output=True)
        against(args.against, args.repeat, args.turns)
        return
    kernel_life(args.repeat).print("a kernel's life (once per worker)")
    with tempfile.TemporaryDirectory(prefix="bench_stages_") as tmp:
        folder = Path(tmp)
        steps, cells = unit_steps(DEFAULT_NOTEBOOK, UNITS, args.repeat, folder / "r")
        cells.print("the report notebook's cells, in the kernel (per unit)")
        steps.print("around the cells, per unit")
        results = folder / "empty_units"
        results.mkdir()
        from perfeval.result import evaluate_file

        for unit in UNITS:  # the empty notebook displays each unit's precomputed result, as in bench_batch
            (results / unit.name).write_bytes(unit.read_bytes())
            (results / unit.name).with_suffix(".json").write_text(evaluate_file(unit).to_json(), encoding="utf-8")
        steps, cells = unit_steps(empty_notebook(folder / "empty.ipynb"), sorted(results.glob("*.yaml")),
                                  args.repeat, folder / "e")
        cells.print("the empty notebook's cells (per unit)")
        steps.print("around them, per unit")


if __name__ == "__main__":
    main()
