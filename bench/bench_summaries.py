"""Benchmark the batch-wide outputs alone: the index (with the CSV and framework pages), the portfolio page and the
summary workbook over N published units, as `perfeval run` makes them once its units are done.

The outputs folder is made as a batch leaves it (result files, status, results store) from 20 synthetic units
(tests/synth.py, seed 2026) scored here, each published N / 20 times under ids and names of its own, so N units cost
seconds to prepare instead of a batch's minutes. Each output is timed (wall and CPU, the portfolio's kernel's
included) in this process, median of --repeat; the portfolio's time includes its kernel's start, as in a batch.
Then all of them as `perfeval run` makes them (write_batch_summaries: the workbook written while the portfolio's
kernel runs; then the index): the figure the goal is about. Peak memory is the batch process's (where the index
and the workbook are made) and the largest child's (the portfolio's kernel), after each output; then each output
once more alone in a fresh process, for its own peak (imports included) and that of its kernel: what grows with N.

--batch N runs `perfeval run` instead over N tiny units with every output (each unit's notebook only displays its
result, computed before the timing starts, as bench_batch.py's empty notebook does): the peak resident memory of
the whole process tree, of the units and of the summaries after them, which is what grows with N.

Run: .venv/bin/python bench/bench_summaries.py [--units N] [--repeat R] [--batch N]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # synth.py: the synthetic units
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench_batch.py: the batch and its memory sampling


def publish(outputs: Path, n: int) -> dict:
    from perfeval.outputs.batch.status import save_status
    from perfeval.outputs.store import OK, ResultsStore, UnitRun
    from perfeval.result import evaluate_file
    from synth import write_units

    units = outputs.parent / "units"
    write_units(units, 20, 2026)
    scored = [evaluate_file(p) for p in sorted(units.glob("*.yaml"))]
    status = {}
    with ResultsStore(outputs) as store:
        for i in range(n):
            base = scored[i % len(scored)]
            uid = f"u{i:05d}"
            unit = base.unit.model_copy(update={"id": uid, "name": f"{base.unit.name}{i}", "series": uid})
            text = base.model_copy(update={"unit": unit}).to_json()
            folder = outputs / "units" / uid
            folder.mkdir(parents=True)
            (folder / f"{uid}.json").write_text(text, encoding="utf-8")
            (folder / f"{uid}.html").write_text("<html></html>", encoding="utf-8")
            status[uid] = UnitRun(uid, str(units / f"{base.unit.id}.yaml"), OK, report=f"units/{uid}/{uid}.html",
                                  result=f"units/{uid}/{uid}.json")
            store.put(uid, f"key{i}", text)
    save_status(outputs, status)
    return status


def peak_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child so far (the portfolio's kernel), MiB."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


TOGETHER = "all summaries, as `perfeval run` makes them"  # the portfolio and the workbook side by side, the index


def cpu() -> float:
    """CPU seconds (user + sys) of this process and of its children waited for (the portfolio's kernel)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(call) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    t0, c0 = time.perf_counter(), cpu()
    call()
    return time.perf_counter() - t0, cpu() - c0


OUTPUTS = {"index": "index, CSV, framework pages", "portfolio": "portfolio page (its kernel included)",
           "workbook": "summary workbook"}


def make(outputs: Path, name: str) -> None:
    """One output over the published units of `outputs`, as the batch makes it."""
    from perfeval.outputs.batch.runner import publish_index
    from perfeval.outputs.batch.status import load_status
    from perfeval.outputs.batch.summaries import published_results, write_portfolio, write_workbook
    from perfeval.outputs.store import ResultsStore

    status = load_status(outputs)
    if name == "index":
        with ResultsStore(outputs) as store:
            publish_index(outputs, dict(status), store)
    elif name == "portfolio":
        write_portfolio(outputs, published_results(outputs, status))
    else:
        write_workbook(outputs, published_results(outputs, status))


def alone(outputs: Path, name: str) -> dict[str, float]:
    """One output made in a fresh process: its CPU and wall seconds (the call only), its peak resident memory and
    that of its largest child (the portfolio's kernel), MiB, imports included. Its own peak is the kernel's count
    (VmHWM): getrusage's would be at least this process's, which the child inherits across exec."""
    code = ("import json, resource, sys, time\n"
            "sys.path.insert(0, sys.argv[3])\n"
            "from bench_summaries import cpu, make\n"
            "from pathlib import Path\n"
            "t0, c0 = time.perf_counter(), cpu()\n"
            "make(Path(sys.argv[1]), sys.argv[2])\n"
            "wall, used = time.perf_counter() - t0, cpu() - c0\n"
            "hwm = next(x for x in open('/proc/self/status') if x.startswith('VmHWM:'))\n"
            "own, child = int(hwm.split()[1]) / 1024, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
            "print(json.dumps({'wall': wall, 'cpu': used, 'own': own, 'child': child}))\n")
    done = subprocess.run([sys.executable, "-c", code, str(outputs), name, str(Path(__file__).resolve().parent)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def tiny_batch(n: int) -> None:
    """`perfeval run` over n tiny units with every output: peak memory of the whole process tree, of the units and
    of the summaries (bench_batch.py's sampling)."""
    from bench_batch import batch, empty_notebook, make_units, mb, phases, sizes, write_results

    from perfeval.outputs.batch import default_workers

    with tempfile.TemporaryDirectory(prefix="bench_summaries_batch_") as tmp:
        units = make_units(Path(tmp) / "units", n)
        write_results(units)
        out = Path(tmp) / "outputs"
        run, failed = batch(units, out, default_workers(), ["--notebook", str(empty_notebook(Path(tmp) / "e.ipynb"))])
        print(f"  {n} tiny units, every output: {run.wall:.1f} s wall, peak {mb(run.peak)} (whole process tree), "
              f"{failed} failed {phases(run, out)}")
        print(f"  {sizes(out)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch", type=int, help="peak memory of `perfeval run` over N tiny units, every output")
    args = parser.parse_args()
    if args.batch:
        print(f"command: python bench/bench_summaries.py --batch {args.batch}")
        print(f"load average before: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")
        tiny_batch(args.batch)
        print(f"load average after: {os.getloadavg()[0]:.1f} (1 min)")
        return
    from perfeval.outputs.batch.runner import publish_index
    from perfeval.outputs.batch.summaries import (SUMMARIES, published_results, write_batch_summaries, write_portfolio,
                                                  write_workbook)
    from perfeval.outputs.store import ResultsStore

    print(f"command: python bench/bench_summaries.py --units {args.units} --repeat {args.repeat}")
    print(f"load average before: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="bench_summaries_") as tmp:
        outputs = Path(tmp) / "outputs"
        status = publish(outputs, args.units)
        files = published_results(outputs, status)

        def index() -> None:
            with ResultsStore(outputs) as store:
                publish_index(outputs, dict(status), store)

        def together() -> None:
            for name in SUMMARIES:  # made again, as after a batch whose units changed
                (outputs / name).unlink(missing_ok=True)
            assert write_batch_summaries(outputs, dict(status)) == []
            index()

        figures, peaks = {}, {}
        for name, call in (("index, CSV, framework pages", index),
                           ("portfolio page (its kernel included)", lambda: write_portfolio(outputs, files)),
                           ("summary workbook", lambda: write_workbook(outputs, files)),
                           (TOGETHER, together)):
            figures[name] = [timed(call) for _ in range(args.repeat)]
            peaks[name] = peak_mib()
        lone = {name: alone(outputs, name) for name in OUTPUTS}
    total = total_cpu = 0.0
    for name, runs in figures.items():
        median, median_cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
        if name != TOGETHER:
            total, total_cpu = total + median, total_cpu + median_cpu
        print(f"  {name:40s} {median:7.2f} s wall, {median_cpu:6.2f} s CPU, median of {len(runs)} "
              f"({', '.join(f'{w:.2f}/{c:.2f}' for w, c in runs)}); peak so far: this process {peaks[name][0]:.0f} MiB, "
              f"the largest child {peaks[name][1]:.0f} MiB")
    print(f"  {'the three one after another':40s} {total:7.2f} s wall, {total_cpu:6.2f} s CPU for {args.units} units")
    print("  each alone in a fresh process (peak resident memory, imports included):")
    for name, label in OUTPUTS.items():
        got = lone[name]
        print(f"  {label:40s} {got['wall']:7.2f} s wall, {got['cpu']:6.2f} s CPU; peak {got['own']:.0f} MiB, "
              f"its kernel {got['child']:.0f} MiB")
    print(f"load average after: {os.getloadavg()[0]:.1f} (1 min)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
