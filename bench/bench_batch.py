"""Benchmark the batch against the naive loop people run today, and per-unit time against papermill's floor.

N synthetic units are made by perturbing the sample params (money scaled by one factor per unit, so every
identity still holds; staff and claims nudged), then run
  1. through `perfeval run` (papermill in-process in worker processes, nbconvert as a separate step), and
  2. through a shell loop of `papermill` then `jupyter nbconvert --to html --no-input` per unit,
and the per-unit time is set against the floor: papermill running an empty notebook.

Run: .venv/bin/python bench/bench_batch.py [--units N] [--workers W]
"""
from __future__ import annotations

import argparse
import json
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SAMPLES = sorted((ROOT / "params" / "units").glob("*.yaml"))
NOTEBOOK = ROOT / "notebooks" / "unit_report.ipynb"


def _scale_money(node, factor: float) -> None:  # noqa: ANN001 - parsed YAML
    """Multiply every {value: x} under a money section by factor, in place."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "value" and isinstance(value, (int, float)) and not isinstance(value, bool):
                node[key] = round(value * factor, 2)
            else:
                _scale_money(value, factor)
    elif isinstance(node, list):
        for item in node:
            _scale_money(item, factor)


def synthetic_units(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """n plausible units: each a sample with its money scaled by 0.6–1.6, staff ±10% and a renamed identity."""
    from perfeval.fileio import dump_yaml, read_yaml

    rng = random.Random(seed)
    paths = []
    for i in range(n):
        sample = SAMPLES[i % len(SAMPLES)]
        data = read_yaml(sample)
        data["unit"]["id"] = f"{data['unit']['id']}_s{i:03d}"
        data["unit"]["name"] += f"（模拟{i:03d}）"
        figures = data.get("figures", {})
        factor = rng.uniform(0.6, 1.6)
        for section in ("lines", "budget", "project_items", "funds", "item_lists"):
            if section in figures:
                _scale_money(figures[section], factor)
        _scale_money(data.get("claims", {}).get("statements", []), factor)
        for fig in figures.get("staff", {}).values():
            if isinstance(fig, dict):
                fig["value"] = max(1, round(fig["value"] * rng.uniform(0.9, 1.1)))
        if data.get("claims", {}).get("total") is not None:
            data["claims"]["total"] = min(100, round(data["claims"]["total"] + rng.uniform(-3, 3), 1))
        path = folder / f"{data['unit']['id']}.yaml"
        path.write_text(dump_yaml(data), encoding="utf-8")
        paths.append(path)
    return paths


def wall(cmd: str) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, shell=True, check=False, cwd=ROOT, executable="/bin/bash")
    return time.perf_counter() - t0


def empty_notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def floor_in_process(empty: Path, out: Path, repeat: int) -> list[float]:
    """papermill.execute_notebook on an empty notebook, as a batch worker calls it (kernel start and stop)."""
    import papermill

    from perfeval.batch.kernel import NativeKernelManager

    times = []
    for _ in range(repeat + 1):
        t0 = time.perf_counter()
        papermill.execute_notebook(str(empty), str(out), kernel_name="python3", progress_bar=False,
                                   kernel_manager_class=NativeKernelManager, shutdown_kernel="immediate")
        times.append(time.perf_counter() - t0)
    return times[1:]  # the first pays for importing papermill and friends


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=12, help="synthetic units to run (default 12)")
    parser.add_argument("--workers", type=int, default=None, help="batch workers (default: one per core)")
    args = parser.parse_args()
    from perfeval.batch import default_workers

    workers = args.workers or default_workers()
    with tempfile.TemporaryDirectory(prefix="bench_batch_") as tmp:
        tmp = Path(tmp)
        units = tmp / "units"
        units.mkdir()
        synthetic_units(units, args.units)

        batch_cmd = f"{BIN / 'perfeval'} run {units} -o {tmp / 'batch'} -j {workers} -q"
        t_batch = wall(batch_cmd + " > /dev/null")
        status = json.loads((tmp / "batch" / "batch_status.json").read_text(encoding="utf-8"))["units"]
        failed = [u for u, r in status.items() if r["status"] != "ok"]
        per_unit = [r["seconds"] for r in status.values()]

        naive = tmp / "naive"
        naive.mkdir()
        loop = (f"for f in {units}/*.yaml; do id=$(basename \"$f\" .yaml); "
                f"{BIN / 'papermill'} {NOTEBOOK} {naive}/$id.ipynb -p params_file \"$f\" -k python3 "
                f"--cwd {NOTEBOOK.parent} --no-progress-bar >/dev/null 2>&1 && "
                f"{BIN / 'jupyter'} nbconvert --to html --no-input {naive}/$id.ipynb >/dev/null 2>&1; done")
        t_naive = wall(loop)
        naive_ok = len(list(naive.glob("*.html")))

        empty = empty_notebook(tmp / "empty.ipynb")
        t_floor_cli = [wall(f"{BIN / 'papermill'} {empty} {tmp / 'empty_out.ipynb'} -k python3 --no-progress-bar "
                            ">/dev/null 2>&1") for _ in range(3)]
        t_floor = floor_in_process(empty, tmp / "empty_out.ipynb", repeat=3)

    n = args.units
    print(f"command: {shlex.join([Path(sys.executable).name, 'bench/bench_batch.py', *sys.argv[1:]])}")
    print(f"units: {n} synthetic (perturbed from {len(SAMPLES)} samples); workers: {workers}")
    print(f"batch  (perfeval run, {workers} workers):        {t_batch:7.2f} s wall  "
          f"({t_batch / n:.2f} s/unit throughput; {len(failed)} failed)")
    print(f"naive  (papermill + jupyter nbconvert loop):  {t_naive:7.2f} s wall  "
          f"({t_naive / n:.2f} s/unit; {naive_ok}/{n} HTML written)")
    print(f"ratio  naive / batch:                         {t_naive / t_batch:7.2f} ×")
    print(f"per-unit time in a batch worker (execute + export + publish): "
          f"median {statistics.median(per_unit):.2f} s, min {min(per_unit):.2f} s")
    print(f"floor: papermill on an empty notebook, in-process: median {statistics.median(t_floor):.2f} s; "
          f"as a CLI process: median {statistics.median(t_floor_cli):.2f} s")
    ratio = statistics.median(per_unit) / statistics.median(t_floor)
    print(f"per-unit / in-process floor:                  {ratio:7.2f} ×")


if __name__ == "__main__":
    main()
