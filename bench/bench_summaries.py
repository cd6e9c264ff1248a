"""Benchmark the batch-wide outputs alone: the index (with the CSV and framework pages), the portfolio page and the
summary workbook over N published units, as `perfeval run` makes them once its units are done.

The outputs folder is made as a batch leaves it (result files, status, results store) from 20 synthetic units
(tests/synth.py, seed 2026) scored here, each published N / 20 times under ids and names of its own, so N units cost
seconds to prepare instead of a batch's minutes. Each output is timed (wall) in this process, median of --repeat;
the portfolio's time includes its kernel's start, as in a batch. Peak memory is the batch process's (where the
index and the workbook are made) and the largest child's (the portfolio's kernel), after each output.

Run: .venv/bin/python bench/bench_summaries.py [--units N] [--repeat R]
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # synth.py: the synthetic units


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


def timed(call) -> float:
    t0 = time.perf_counter()
    call()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from perfeval.outputs.batch.runner import publish_index
    from perfeval.outputs.batch.summaries import published_results, write_portfolio, write_workbook
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

        figures, peaks = {}, {}
        for name, call in (("index, CSV, framework pages", index),
                           ("portfolio page (its kernel included)", lambda: write_portfolio(outputs, files)),
                           ("summary workbook", lambda: write_workbook(outputs, files))):
            figures[name] = [timed(call) for _ in range(args.repeat)]
            peaks[name] = peak_mib()
    total = 0.0
    for name, runs in figures.items():
        median = statistics.median(runs)
        total += median
        print(f"  {name:40s} {median:7.2f} s median of {len(runs)} ({', '.join(f'{r:.2f}' for r in runs)}); "
              f"peak so far: this process {peaks[name][0]:.0f} MiB, the largest child {peaks[name][1]:.0f} MiB")
    print(f"  {'all summaries':40s} {total:7.2f} s for {args.units} units")
    print(f"load average after: {os.getloadavg()[0]:.1f} (1 min)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
