"""What faults cost a batch: a worker killed mid-batch, the batch itself killed (SIGKILL, SIGTERM), a named pipe
among the units, and signing each published notebook as trusted. The tests (tests/test_batch_faults.py) assert the outcomes;
this prints the times. `--only drafting` times `perfeval draft` on reports dense with figures or digits, or long, whose
drafting was quadratic (tests/test_draft_size.py asserts the outcomes); `--lib DIR` measures another checkout's
library (its lib/ first on PYTHONPATH) for a "before".

Units come from tests/synth.py; faults are injected as in the tests, by a copy of the report notebook that
reads a `# FAULT:` line of the params file. Every process of a batch carries a marker in its environment,
so the time until the last one is gone counts kernels and the resource tracker too.

Run: .venv/bin/python bench/bench_faults.py [--units 12] [--only pipes] [--only drafting [--lib DIR] [--match TEXT]]
"""
from __future__ import annotations

import argparse
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def units_with(folder: Path, n: int, faults: dict[int, str]) -> Path:
    """n synthetic units; the i-th (in file order) gets the fault line faults[i]."""
    from synth import write_units

    paths = write_units(folder, n, seed=7)
    for i, fault in faults.items():
        paths[i].write_text(f"# FAULT: {fault}\n" + paths[i].read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def run(units: Path, out: Path, notebook: Path, tmp: Path, marker: str, *extra: str) -> subprocess.Popen:
    tmp.mkdir(exist_ok=True)
    env = {**os.environ, "TMPDIR": str(tmp), "PERFEVAL_TEST_BATCH": marker}
    return subprocess.Popen([sys.executable, "-m", "perfeval", "run", str(units), "-o", str(out), "--notebook",
                             str(notebook), "-j", "2", "-q", "--no-summaries", *extra], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def timed(batch: subprocess.Popen) -> tuple[float, str]:
    start = time.monotonic()
    stdout, _ = batch.communicate()
    return time.monotonic() - start, stdout.strip().split(";")[0]


def killed(root: Path, n: int, notebook: Path, sig: signal.Signals) -> dict[str, str]:
    from test_batch_faults import batch_processes, leftovers_in, statuses

    units = units_with(root / f"units-{sig.name}", n, {})
    out, tmp, marker = root / f"out-{sig.name}", root / f"tmp-{sig.name}", f"bench-{sig.name}-{os.getpid()}"
    batch = run(units, out, notebook, tmp, marker)
    while not ((out / "batch_status.json").exists()
               and sum(r["status"] == "ok" for r in statuses(out).values()) >= n // 3):
        time.sleep(0.05)
    os.kill(batch.pid, sig)
    start = time.monotonic()
    batch.wait()
    exited = time.monotonic() - start
    while batch_processes(marker):
        time.sleep(0.05)
    gone = time.monotonic() - start
    left = statuses(out)
    missing = sum(r["status"] != "ok" for r in left.values())
    rerun_seconds, said = timed(run(units, out, notebook, tmp, marker, "--failed-only"))
    return {"signal": sig.name, "exit": f"{exited:.2f} s (code {batch.returncode})",
            "last process gone": f"{gone:.2f} s", "leftover temp files": str(len(leftovers_in(tmp))),
            "recorded / unfinished": f"{len(left)} / {missing}", "--failed-only": f"{rerun_seconds:.1f} s, {said}"}


PIPE_WAIT = 60.0  # seconds before a command that waits on a pipe is called blocked and killed


def not_files(root: Path, n: int) -> None:
    """A named pipe and a socket named *.yaml, and a pipe named .docx, among n units: what validate and run do."""
    import socket

    units = units_with(root / "pipes", n, {})
    os.mkfifo(units / "zz_pipe.yaml")
    os.mkfifo(units / "zz_pipe.docx")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(units / "zz_sock.yaml"))
    print(f"\n{n} units beside a named pipe and a socket named *.yaml and a pipe named .docx "
          f"(a command still waiting after {PIPE_WAIT:.0f} s is killed):")
    for args in (["score", str(units / "zz_pipe.yaml")], ["draft", str(units / "zz_pipe.docx")],
                 ["validate", str(units)], ["run", str(units), "-o", str(root / "out-pipes"), "-q", "-j", "2"]):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "perfeval", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=PIPE_WAIT)
            skipped = sum("not a regular file" in line for line in err.splitlines())
            said = f"exit {proc.returncode}, {skipped} named" + (" and skipped" if args[0] in ("validate", "run") else "")
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            said = "blocked"
        print(f"  perfeval {args[0]:<9} {time.perf_counter() - start:6.1f} s  {said}")
    sock.close()


DRAFT_WAIT = 120.0  # seconds a draft may take here before it is counted as hung and killed
_HEAD = "某某县文化馆2023年度部门整体支出绩效自评报告\n一、基本情况\n本单位核定编制20人，实有在职18人。\n二、支出情况\n"
PLAIN = "本单位认真落实各项工作要求，严格执行预算管理制度"  # a clause of prose without a number
DENSE = {  # report → its text: the shapes whose drafting was quadratic in the digits or figures of a line
    "1,500 digits on a line": _HEAD + "2023年部门整体支出" + "9" * 1500 + "万元。\n",
    "5,000 digits on a line": _HEAD + "2023年部门整体支出" + "9" * 5000 + "万元。其中基本支出1万元。\n",
    "200,000 digits on a line": _HEAD + "2023年部门整体支出" + "9" * 200_000 + "万元。\n",
    "1,000 figures on a line (29 kB)": _HEAD + "".join(f"第{i}项支出{i}.5万元，" for i in range(1000)) + "\n",
    "400 statements of one value, numbered labels": _HEAD + "".join(f"第{i}号示范田支出5.00万元。\n"
                                                                    for i in range(400)),
    "3,000 figures on a line (over the cap)": _HEAD + "".join(f"第{i}批次活动支出{i}.50万元；" for i in range(3000)) + "\n",
    "2,500 lines of a bare 1": _HEAD + "1\n" * 2500,
    "40,000 figures on a line, 1.7 MB (over the cap)": _HEAD + "".join(f"第{i}批次活动支出{i}.50万元；"
                                                                       for i in range(40_000)) + "\n",
    "a 3 MB paragraph of 60,000 sentences with figures": _HEAD + "".join(
        f"第{i % 97}季度开展活动{i % 13}场，支出{i % 89}.{i % 10}0万元。" for i in range(60_000)) + "\n",
    "1,200 rates in one run of text (a table flattened)": _HEAD + "".join(
        f"预算执行率{50 + i % 50}.{i % 10}%，" for i in range(1200)) + "\n",
    "20,000 rates, one a sentence (past the cap)": _HEAD + "".join(
        f"第{i}项工作预算执行率{50 + i % 50}.{i % 10}%。" for i in range(20_000)) + "\n",
    "5.4 MB of ordinary text on one line": _HEAD + PLAIN * 75_000 + "。\n",
    "6.3 MB of ordinary text (past 2,000,000 characters)": _HEAD + PLAIN * 88_000 + "。\n",
    "a report with an annexed table of 4,000 rows (past the cap)": _HEAD + "本年支出合计1268.40万元。\n附件：项目明细表\n"
    + "序号\t项目名称\t预算数（万元）\t执行数（万元）\n"
    + "".join(f"{i}\t第{i}号维修项目\t{10 + i % 90}.00\t{9 + i % 90}.50\n" for i in range(1, 4001)),
}
_YEARS = "项目\t" + "\t".join(f"{y}年决算数" for y in range(2018, 2025)) + "\n"
for _rows in (375, 1500, 3000):  # a tab table of seven years' columns: exponential in a row once, then quadratic
    DENSE[f"a tab table of {_rows:,} rows x 7 years"] = (
        _HEAD + "表1 历年支出（单位：万元）\n" + _YEARS
        + "".join(f"第{i}项支出\t" + "\t".join(f"{1000 + i}.{y:02d}" for y in range(7)) + "\n" for i in range(_rows)))


def drafting(root: Path, lib: str | None, match: str = "") -> None:
    """Each dense report (whose name holds match) drafted in a fresh process, three times: median wall and CPU time,
    peak memory, outcome, and the draft's size."""
    env = dict(os.environ, PYTHONPATH=str(Path(lib) / "lib") if lib else os.environ.get("PYTHONPATH", ""))
    print(f"\nperfeval draft of reports dense with figures ({'library of ' + lib if lib else 'this library'}; "
          f"median of 3, a draft past {DRAFT_WAIT:.0f} s killed):")
    for name, text in ((n, t) for n, t in DENSE.items() if match in n):
        report = root / "dense.txt"
        report.write_text(text, encoding="utf-8")
        walls, cpus, peaks, said = [], [], [], ""
        for _ in range(3):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-m", "perfeval", "draft", str(report), "-o",
                                     str(root / "dense.yaml"), "--force"], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
            try:
                out, err = proc.communicate(timeout=DRAFT_WAIT)
                said = ("refused: " + err.strip().splitlines()[-1][:60] if proc.returncode else
                        "drafted in part" if "drafted in part" in out else "drafted")
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.communicate()
                said = "killed, still drafting"
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            peaks.append(after.ru_maxrss / 1024)
            if said.startswith("killed"):
                break
        draft = root / "dense.yaml"
        size = f"draft {draft.stat().st_size:,} B" if said.startswith("drafted") and draft.exists() else ""
        draft.unlink(missing_ok=True)
        print(f"  {name:<46} {len(text.encode()):>9,} B  wall {statistics.median(walls):6.1f} s  "
              f"CPU {statistics.median(cpus):6.1f} s  peak {max(peaks):5.0f} MiB  {said} {size}")


def drafting_timeout(root: Path, timeout: int = 5) -> None:
    """`perfeval run --timeout` over reports whose drafting outlasts it (the 3 MB paragraph; a PDF just under the
    reader's bounds, ~20 s of CPU) beside one that drafts at once: drafting is bounded by the batch's timeout (it ran
    before any unit and ignored it)."""
    from hostile_pdfs import glyph_by_glyph, pages_pdf

    from perfeval.intake.pdf import MAX_CONTENT

    units = root / "slow"
    units.mkdir()
    (units / "slow.txt").write_text(DENSE["a 3 MB paragraph of 60,000 sentences with figures"], encoding="utf-8")
    page = glyph_by_glyph(23_700)
    (units / "dense.pdf").write_bytes(pages_pdf([page] * (MAX_CONTENT // len(page))))
    (units / "quick.txt").write_text(_HEAD + "2023年部门整体支出100.00万元，其中基本支出60.00万元，项目支出40.00万元。\n",
                                     encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "perfeval", "run", str(units), "-o", str(root / "out-slow"), "-q",
                           "--timeout", str(timeout)], capture_output=True, text=True, timeout=DRAFT_WAIT * 3)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    said = [line for line in done.stdout.splitlines() + done.stderr.splitlines() if "超时" in line or "written" in line]
    print(f"\nperfeval run --timeout {timeout} over the 3 MB paragraph, a PDF just under the bounds and a short report: "
          f"exit {done.returncode} in "
          f"{wall:.1f} s wall, {after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime:.1f} s CPU")
    for line in said:
        print(f"  {line.strip()[:110]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=12)
    parser.add_argument("--only", choices=["pipes", "drafting", "draft-timeout"],
                        help="measure only the named pipes among the units, only drafting dense reports, or only "
                        "the batch's --timeout over drafting")
    parser.add_argument("--lib", help="with --only drafting: a checkout whose library to measure")
    parser.add_argument("--match", default="", help="with --only drafting: only the reports whose name holds this")
    args = parser.parse_args()
    n = args.units
    from test_batch_faults import fault_notebook

    print(f"command: {sys.executable} bench/bench_faults.py --units {n}{' --only ' + args.only if args.only else ''}"
          f"{' --lib ' + args.lib if args.lib else ''}{' --match ' + repr(args.match) if args.match else ''}; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        if args.only == "draft-timeout":
            drafting_timeout(root)
            print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            return
        if args.only == "drafting":
            drafting(root, args.lib, args.match)
            if not args.match:
                drafting_timeout(root)
            print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            return
        not_files(root, n)
        if args.only:
            return
        drafting(root, None)
        drafting_timeout(root)
        notebook = fault_notebook(root)
        clean_units, dead_units = units_with(root / "clean", n, {}), units_with(root / "dead", n, {2: "killworker"})
        cleans, deads = [], []
        for i in range(3):  # alternated, best of three: the machine is shared
            cleans.append(timed(run(clean_units, root / f"out-clean{i}", notebook, root / "t1", "b1")))
            deads.append(timed(run(dead_units, root / f"out-dead{i}", notebook, root / "t2", "b2")))
        (clean, said), (dead, dead_said) = min(cleans), min(deads)
        print(f"\n{n} units, 2 workers, no fault: {clean:.1f} s ({said}); best of 3")
        print(f"{n} units, one worker killed (SIGKILL) at the third unit: {dead:.1f} s ({dead_said}); best of 3; "
              f"the batch goes on, a new worker and its warm kernel replacing the dead one ({dead - clean:+.1f} s)")

        print("\nthe batch killed once a third of its units are done:")
        rows = [killed(root, n, notebook, sig) for sig in (signal.SIGKILL, signal.SIGTERM)]
        for key in rows[0]:
            print(f"  {key:<24}" + "".join(f"{row[key]:<40}" for row in rows))

        from perfeval.outputs.batch.publish import sign_trusted

        published = sorted((root / "out-clean0" / "units").glob("*/*.ipynb"))
        times = []
        for nb in published:
            blob = nb.read_bytes()
            start = time.perf_counter()
            assert sign_trusted(blob) is None
            times.append(time.perf_counter() - start)
        size = statistics.median(p.stat().st_size for p in published) / 1024
        print(f"\nsigning a published notebook as trusted: median {statistics.median(times) * 1000:.1f} ms "
              f"({len(times)} notebooks, median {size:.0f} KiB)")


if __name__ == "__main__":
    main()
