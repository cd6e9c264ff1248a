"""Where one unit's time goes in a warm worker: the kernel's life, each notebook cell, and every step around them.

Steps are those of perfeval.outputs.batch (worker.run_unit, then publish in the batch's process), timed one by one
on the sample units, for the report notebook and for the empty notebook bench_batch.py uses (a unit result record
and nothing else). Cells are named by the report blocks they call, so the table follows the notebook as it changes.
CPU is this process's (the worker's), and for the whole unit the worker's and its kernel's together (what
survives a loaded machine); a cell's time is spent in the kernel.

Run: .venv/bin/python bench/bench_stages.py [--repeat N]
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import statistics
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
        s.add("imports in the kernel (warm-up: report library, pandas, seaborn, font)", time.perf_counter() - t0)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=6)
    args = parser.parse_args()
    from perfeval.outputs.batch.runner import DEFAULT_NOTEBOOK

    print(f"command: {shlex.join([Path(sys.executable).name, 'bench/bench_stages.py', *sys.argv[1:]])}")
    print(f"load average: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores; medians; "
          f"columns: wall, then this process's CPU")
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
