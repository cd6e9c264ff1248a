"""How scoring grows with a draft's statements: a unit with N stated figures, each restated once (half of them
differently, as a long report's draft may), scored and checked; the CPU time should double as N doubles.

Run: .venv/bin/python bench/bench_statements.py [--sizes 500 1000 2000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from decimal import Decimal

from perfeval.checks import run_checks
from perfeval.core.engine import ScoredUnit, score_with
from perfeval.core.framework import load_framework
from perfeval.core.params import UnitParams


def unit_with(n: int) -> ScoredUnit:
    stated = [{"id": f"s{i:05d}", "label": f"第{i}项工作量", "value": Decimal(i) + Decimal("0.5"), "unit": "万元"}
              for i in range(n)]
    statements = [{"figure": f"s{i:05d}", "value": Decimal(i) + Decimal("0.5") + (i % 2), "unit": "万元"}
                  for i in range(n)]
    params = UnitParams.model_validate({
        "unit": {"id": "bench", "name": "基准单位", "region": "某县", "year": 2023, "framework": "dept_overall_a"},
        "stated": stated, "claims": {"statements": statements}})
    framework = load_framework("dept_overall_a")
    readings = {k: i.default for k, i in framework.readings_in_force().items()}
    return ScoredUnit(params, framework, score_with(params, framework, readings, "<bench>"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'statements':>10} {'findings':>8} {'cpu s (median)':>15} {'wall s':>8}")
    for n in args.sizes:
        unit = unit_with(n)
        cpu, wall, found = [], [], 0
        for _ in range(args.repeat):
            c, w = time.process_time(), time.perf_counter()
            found = len(run_checks(unit))
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
        print(f"{n:>10} {found:>8} {statistics.median(cpu):>15.3f} {statistics.median(wall):>8.3f}")
    print(f"load {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("command: .venv/bin/python bench/bench_statements.py [--sizes N ...] [--repeat R]")


if __name__ == "__main__":
    main()
