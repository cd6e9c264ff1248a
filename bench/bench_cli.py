"""Benchmark the command line: `perfeval score` and `perfeval validate` on one file from the shell, what their time
is made of, and the engine's steps on each sample unit.

Python here may run with PYTHONDONTWRITEBYTECODE set (this development machine does): every process would then
compile the package from source, which an installed perfeval never does. The package is compiled first, so the
figures are those of an installed perfeval; --source measures without bytecode instead.
From the shell: wall time and CPU time (user + system) of the whole process, median and minimum. The floors are
the interpreter alone and the interpreter importing what every command needs (PyYAML); what the typed records cost
`score` (core/records.py: its import, the fields resolved and the checks built on first use) is printed beside the
rest.
Compiled frameworks are cached on disk between commands (core.framework_cache): the benchmark keeps its cache in a
folder of its own, fills it with one untimed run, and times `score` once more with the cache turned off.

Run: .venv/bin/python bench/bench_cli.py [--repeat N] [--source] [--against OTHER_TREE/lib]
"""
from __future__ import annotations

import argparse
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perfeval.paths import PACKAGE_DIR, UNITS_DIR

UNITS = sorted(UNITS_DIR.glob("*.yaml"))
PHASES = """
import sys, time
marks = [("interpreter start", 0.0)]
t0 = time.process_time()
def mark(name):
    marks.append((name, time.process_time()))
import perfeval.cli; mark("import the command line (argparse, pathlib)")
import yaml; mark("import PyYAML")
import perfeval.core.records; mark("import the record validator (core.records)")
import perfeval.core.params; mark("import the params schema (classes, not validators)")
import perfeval.core.framework, perfeval.core.engine; mark("import frameworks, rules, engine")
import perfeval.checks, perfeval.core.sensitivity, perfeval.result, perfeval.outputs.textsheet; mark("import checks, result, text sheet")
from perfeval.core.params import load_params
from perfeval.core.engine import framework_of, score_unit
params = load_params(sys.argv[1]); mark("read and validate the params file")
fw = framework_of(params, sys.argv[1]); mark("the framework (from the disk cache)")
unit = score_unit(params, fw, sys.argv[1]); mark("score")
findings = perfeval.checks.run_checks(unit); mark("audit checks")
readings = perfeval.core.sensitivity.sensitivity(unit); mark("sensitivity (every reading's options)")
result = perfeval.result.unit_result(unit, findings, readings); mark("the unit result")
perfeval.outputs.textsheet.render(result); mark("the score sheet as text")
print(repr([(n, t - t0) for n, t in marks[1:]]))
"""


RECORDS_SHARE = """
import contextlib, io, sys, time
T = time.process_time
start = T()
import perfeval.cli
t = T()
from perfeval.core import records
spent = {"import the record validator (core.records)": T() - t, "resolve the records' fields (first use)": 0.0,
         "build their checks (first use)": 0.0}
outer = [0]
def timed(owner, name, what):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        if outer[0]:
            return original(*args, **kwargs)
        outer[0] += 1; t = T()
        try:
            return original(*args, **kwargs)
        finally:
            spent[what] += T() - t; outer[0] -= 1
    setattr(owner, name, wrapper)
timed(records, "_build", "build their checks (first use)")
original_resolve = records.Record._resolve.__func__
def resolve(cls):
    t = T()
    try:
        return original_resolve(cls)
    finally:
        spent["resolve the records' fields (first use)"] += T() - t
records.Record._resolve = classmethod(resolve)
with contextlib.redirect_stdout(io.StringIO()):
    perfeval.cli.main(sys.argv[1:])
spent["everything else (after the interpreter)"] = T() - start - sum(spent.values())
print(repr(list(spent.items())))
"""


def run(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds (user + system, the child's own) of repeat runs of cmd, after one untimed run."""
    subprocess.run(cmd, capture_output=True, check=True, env=env)
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, env=env)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:6.0f} ({min(xs) * 1000:4.0f})"


def in_process(repeat: int) -> None:
    """Each step of `perfeval score` in a fresh interpreter, CPU milliseconds, median (minimum) over repeat runs."""
    steps: dict[str, list[float]] = {}
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", PHASES, str(UNITS[0])], capture_output=True, text=True,
                             check=True).stdout
        last = 0.0
        for name, at in eval(out):
            steps.setdefault(name, []).append(at - last)
            last = at
    print(f"perfeval score {UNITS[0].name}, step by step in one process (CPU ms, median (min) of {repeat}):")
    for name, xs in steps.items():
        print(f"  {name:56} {ms(xs)}")


def records_share(repeat: int) -> None:
    """What the records cost `perfeval score` in one process (the validator's import, the fields resolved and the
    checks built on first use; the checks themselves run inside "everything else"), beside everything else."""
    steps: dict[str, list[float]] = {}
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", RECORDS_SHARE, "score", str(UNITS[0])], capture_output=True,
                             text=True, check=True).stdout
        for name, spent in eval(out):
            steps.setdefault(name, []).append(spent)
    print(f"perfeval score {UNITS[0].name}, the records' part (CPU ms, median (min) of {repeat}):")
    for name, xs in steps.items():
        print(f"  {name:56} {ms(xs)}")


def against(lib: str, repeat: int) -> None:
    """score and validate from the shell with this tree's package and with another's (its lib/), run by turns so that
    both see the same load: CPU and wall milliseconds, median (min) of repeat runs each."""
    trees = {"this tree": os.environ.get("PYTHONPATH", ""), lib: lib}
    for args in (["score", str(UNITS[0])], ["validate", str(UNITS[0])]):
        runs: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in trees}
        for _ in range(repeat):
            for name, path in trees.items():
                walls, cpus = run([sys.executable, "-m", "perfeval", *args], 1, {**os.environ, "PYTHONPATH": path})
                runs[name][0].extend(walls)
                runs[name][1].extend(cpus)
        for name, (walls, cpus) in runs.items():
            print(f"  perfeval {args[0]:8} {name:48} {ms(walls)} {ms(cpus)}")
        ours, theirs = (runs[name][1] for name in trees)
        print(f"  perfeval {args[0]:8} {'CPU, this tree − the other, turn by turn, median':48} "
              f"{statistics.median(a - b for a, b in zip(ours, theirs)) * 1000:+20.0f}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--source", action="store_true", help="do not compile the package first")
    parser.add_argument("--against", metavar="LIB", help="only compare score and validate with another tree's lib/")
    args = parser.parse_args()
    print(f"command: {shlex.join([Path(sys.executable).name, 'bench/bench_cli.py', *sys.argv[1:]])}")
    if not args.source:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE_DIR)], check=True, capture_output=True)
    print(f"load average: {os.getloadavg()[0]:.1f} (1 min) on {os.cpu_count()} cores; bytecode: "
          f"{'none (compiled from source in every process)' if args.source else 'compiled, as installed'}")
    os.environ["PERFEVAL_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench_cli_cache_")  # inherited by every command
    if args.against:
        subprocess.run([sys.executable, "-m", "compileall", "-q", args.against], check=True, capture_output=True)
        print(f"from the shell, by turns, median (min) of {args.repeat}:{'':35} wall ms      CPU ms")
        against(args.against, args.repeat)
        return
    py, cli = [sys.executable], [sys.executable, "-m", "perfeval"]
    print(f"from the shell, median (min) of {args.repeat}:{'':22} wall ms      CPU ms")
    for label, cmd in [("python -c pass (the interpreter)", py + ["-c", "pass"]),
                       ("python -c 'import yaml' (the floor)", py + ["-c", "import yaml"]),
                       ("perfeval --help", cli + ["--help"]),
                       (f"perfeval score {UNITS[0].name}", cli + ["score", str(UNITS[0])]),
                       (f"perfeval score --json {UNITS[0].name}", cli + ["score", "--json", str(UNITS[0])]),
                       (f"perfeval validate {UNITS[0].name}", cli + ["validate", str(UNITS[0])]),
                       ("perfeval validate (the 3 sample units)", cli + ["validate"])]:
        walls, cpus = run(cmd, args.repeat)
        print(f"  {label:58} {ms(walls)} {ms(cpus)}")
    walls, cpus = run(cli + ["score", str(UNITS[0])], args.repeat, {**os.environ, "PERFEVAL_CACHE_DIR": ""})
    print(f"  {'perfeval score, framework compiled (no cache)':58} {ms(walls)} {ms(cpus)}")
    in_process(args.repeat)
    records_share(args.repeat)
    shutil.rmtree(os.environ["PERFEVAL_CACHE_DIR"], ignore_errors=True)
    heavy = subprocess.run([sys.executable, "-c", "import sys, perfeval.cli as c; c.main(['score', sys.argv[1]]); "
                            "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib', 'seaborn', 'papermill', "
                            "'nbconvert', 'openpyxl', 'cn2an') if m in sys.modules), file=sys.stderr)", str(UNITS[0])],
                           capture_output=True, text=True, check=True).stderr.strip()
    print(f"heavy modules imported by perfeval score: {heavy}")


if __name__ == "__main__":
    main()
