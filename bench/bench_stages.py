"""Where one unit's time goes: kernel start, imports, scoring, tables, charts, papermill, export, shutdown.

Run: .venv/bin/python bench/bench_stages.py [--repeat N]
"""
from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_core.utils import run_sync

ROOT = Path(__file__).resolve().parent.parent
UNITS = sorted((ROOT / "params" / "units").glob("*.yaml"))


def median_ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:8.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=6)
    args = parser.parse_args()
    import papermill

    from perfeval.outputs.batch.jobs import build_jobs
    from perfeval.outputs.batch.kernel import NativeKernelManager
    from perfeval.outputs.batch.runner import DEFAULT_NOTEBOOK
    from perfeval.outputs.batch.warm import KERNEL_ARGUMENTS, RESET, WARM_UP, WarmKernel
    from perfeval.outputs.batch.worker import UnitTask, run_unit
    from perfeval.outputs.htmlexport import to_html

    stages: dict[str, list[float]] = {}

    def add(name: str, seconds: float) -> None:
        stages.setdefault(name, []).append(seconds)

    for _ in range(args.repeat):  # a kernel's life: start, imports, shutdown (immediate and graceful)
        km = NativeKernelManager()
        t0 = time.perf_counter()
        run_sync(km.start_kernel)(extra_arguments=KERNEL_ARGUMENTS)
        kc = km.client()
        kc.start_channels()
        run_sync(kc.wait_for_ready)(timeout=60)
        add("kernel start (to ready)", time.perf_counter() - t0)
        t0 = time.perf_counter()
        run_sync(kc.execute_interactive)(WARM_UP, store_history=False, output_hook=lambda m: None)
        add("imports in the kernel (pandas, seaborn, report library, font)", time.perf_counter() - t0)
        t0 = time.perf_counter()
        run_sync(kc.execute_interactive)(RESET, store_history=False, output_hook=lambda m: None)
        add("namespace reset between units", time.perf_counter() - t0)
        kc.stop_channels()
        t0 = time.perf_counter()
        run_sync(km.shutdown_kernel)(now=True)
        add("kernel shutdown, immediate", time.perf_counter() - t0)
    km = NativeKernelManager()
    run_sync(km.start_kernel)()
    t0 = time.perf_counter()
    run_sync(km.shutdown_kernel)(now=False)
    add("kernel shutdown, graceful (papermill's default)", time.perf_counter() - t0)

    warm = WarmKernel()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            unit = UNITS[i % len(UNITS)]
            out = Path(tmp) / "out.ipynb"
            t0 = time.perf_counter()
            nb = papermill.execute_notebook(str(DEFAULT_NOTEBOOK), str(out), parameters={"params_file": str(unit)},
                                            engine_name="perfeval_warm", kernel_name="python3", progress_bar=False,
                                            request_save_on_cell_execute=False, warm_kernel=warm.ready(),
                                            partial_path=str(out), cwd=str(DEFAULT_NOTEBOOK.parent))
            total = time.perf_counter() - t0
            if i == 0:
                continue  # the first run pays for the kernel start and imports measured above
            cells = [(c.source, c.metadata.papermill.duration or 0.0) for c in nb.cells if c.cell_type == "code"]
            charts = sum(d for s, d in cells if "chart_" in s)
            scoring = sum(d for s, d in cells if "load_report" in s)
            add("scoring + audit checks (load_report cell)", scoring)
            add("charts (4 seaborn figures to PNG)", charts)
            add("tables and text (other cells)", sum(d for _, d in cells) - charts - scoring)
            add("papermill around the cells (parameters, bookkeeping, reset)", total - sum(d for _, d in cells))
            t0 = time.perf_counter()
            to_html(nbformat.from_dict(nb), "title")
            add("HTML export (nbconvert)", time.perf_counter() - t0)
        (job,) = build_jobs([UNITS[0]], DEFAULT_NOTEBOOK, Path(tmp) / "o", {}, 300)
        per_unit = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            run_unit(UnitTask.of(job))
            per_unit.append(time.perf_counter() - t0)
        add("whole unit in a warm worker (run_unit)", statistics.median(per_unit[1:]))
    warm.stop()
    print(f"command: {shlex.join([Path(sys.executable).name, 'bench/bench_stages.py', *sys.argv[1:]])}")
    for name, xs in stages.items():
        print(f"  {name:64} {median_ms(xs)}")


if __name__ == "__main__":
    main()
