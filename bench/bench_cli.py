"""Benchmark the engine and the command line: validate+score one unit, and CLI start-up.

Run: .venv/bin/python bench/bench_cli.py [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNITS = sorted((ROOT / "params" / "units").glob("*.yaml"))


def timed(fn, repeat: int) -> list[float]:  # noqa: ANN001
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def fmt(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:8.2f} ms  min {min(samples) * 1000:8.2f} ms  (n={len(samples)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    from perfeval import load_params, run_checks, score_unit
    from perfeval.core.engine import framework_of
    from perfeval.core.sensitivity import sensitivity

    print(f"command: {sys.executable} bench/bench_cli.py --repeat {args.repeat}")
    for unit in UNITS:
        params = load_params(unit)
        fw = framework_of(params, unit)
        print(f"{unit.stem:24} load+validate  {fmt(timed(lambda: load_params(unit), args.repeat))}")
        print(f"{'':24} score          {fmt(timed(lambda: score_unit(params, fw, unit), args.repeat))}")
        scored = score_unit(params, fw, unit)
        print(f"{'':24} checks         {fmt(timed(lambda: run_checks(scored), args.repeat))}")
        print(f"{'':24} sensitivity    {fmt(timed(lambda: sensitivity(scored), args.repeat))}")
    cli = [sys.executable, "-m", "perfeval"]
    runs = max(5, args.repeat // 5)
    for label, cmd in [("python -c pass (floor)", [sys.executable, "-c", "pass"]),
                       ("perfeval --help", cli + ["--help"]),
                       ("perfeval score <changsha>", cli + ["score", str(UNITS[0])]),
                       ("perfeval validate (3 units)", cli + ["validate"])]:
        samples = timed(lambda: subprocess.run(cmd, capture_output=True, check=True), runs)
        print(f"{label:32} {fmt(samples)}")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-X", "importtime", "-c", "import perfeval.cli"], capture_output=True, check=True)
    heavy = subprocess.run([sys.executable, "-c", "import sys, perfeval.core.engine, perfeval.checks; "
                            "print(sorted(m for m in ('pandas','matplotlib','seaborn','papermill','nbconvert') "
                            "if m in sys.modules))"], capture_output=True, text=True, check=True).stdout.strip()
    print(f"heavy modules imported by the scoring path: {heavy}  ({time.perf_counter() - t0:.2f} s to check)")


if __name__ == "__main__":
    main()
