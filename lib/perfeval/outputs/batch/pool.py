"""This machine's worker processes: one unit at a time each; a worker that dies fails only its unit and is replaced.

concurrent.futures' process pool breaks as a whole when one worker dies (every unit in flight fails with
BrokenProcessPool, and no new unit can be submitted), and has no public way to stop its workers. Here each
worker has a pipe of its own, so the batch knows which unit a dead worker held, and stops workers itself.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterator, Sequence

from .jobs import UnitJob
from .lifeline import CLEANUP_SECONDS, die_with_parent, exit_on_sigterm
from .worker import UnitOutcome, UnitTask, run_unit

Failed = Callable[[UnitJob, str], UnitOutcome]


def _serve(conn: Connection, parent_pid: int) -> None:
    """A worker's life: units from the pipe until told to stop, the batch is gone, or SIGTERM."""
    die_with_parent(parent_pid)
    exit_on_sigterm()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle: it stops the workers
    try:
        from .warm import worker_kernel

        worker_kernel().prestart()  # while the batch still reads and drafts its units
        while True:
            task = conn.recv()
            if task is None:
                return
            conn.send(run_unit(task))
    except (EOFError, OSError):  # the batch closed the pipe: it is gone
        return
    finally:
        from .warm import stop_worker_kernel

        stop_worker_kernel()


@dataclass
class _Worker:
    process: Any  # multiprocessing's SpawnProcess
    conn: Connection
    job: UnitJob | None = None


def _death(process: Any) -> str:
    """Why a worker process ended, in the words of the status file."""
    process.join(1)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        how = f"被信号 {name} 终止" + ("，多为内存耗尽或被人为终止" if -code == signal.SIGKILL else "")
    else:
        how = f"退出码 {code}"
    return f"工作进程意外退出（{how}）：本单位未完成，其他单位不受影响；运行 perfeval run --failed-only 重试"


class WorkerPool:
    """`width` spawned worker processes (papermill is process-safe, not thread-safe; spawn shares no zmq or
    asyncio state). Create and use it from one thread: Linux ties PR_SET_PDEATHSIG to the creating thread.
    """

    def __init__(self, width: int) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = [self._start() for _ in range(width)]

    def _start(self) -> _Worker:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(theirs, os.getpid()), name="perfeval-worker",
                                       daemon=False)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _replace(self, worker: _Worker) -> None:
        if worker.process.is_alive():  # its pipe broke but it lives on: it must not hold a kernel unseen
            worker.process.kill()
            worker.process.join(1)
        worker.conn.close()
        self.workers[self.workers.index(worker)] = self._start()

    def outcomes(self, jobs: Sequence[UnitJob], task_of: Callable[[UnitJob], UnitTask | UnitOutcome],
                 failed: Failed) -> Iterator[UnitOutcome]:
        """Each job's outcome as it finishes. task_of may answer with an outcome (a unit that cannot be sent);
        failed(job, reason) makes the outcome of a unit whose worker died.

        A worker gets its next unit before the outcome of its last one is handed over: publishing (files synced
        to disk, the notebook signed, the status written) then runs while the worker is busy, not while it waits.
        """
        pending = list(reversed(jobs))
        finished: list[UnitOutcome] = []
        while True:
            for worker in self.workers:
                while worker.job is None and pending:
                    job = pending.pop()
                    task = task_of(job)
                    if isinstance(task, UnitOutcome):
                        finished.append(task)
                        continue
                    try:
                        worker.conn.send(task)
                        worker.job = job
                    except OSError:  # died while idle: its replacement takes the unit
                        pending.append(job)
                        self._replace(worker)
                        break
            yield from finished
            finished.clear()
            busy = [w for w in self.workers if w.job is not None]
            if not busy:
                if pending:  # a worker found dead while idle was replaced: give it the unit
                    continue
                return
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for worker in busy:
                if worker.conn not in ready and worker.process.sentinel not in ready:
                    continue
                job, worker.job = worker.job, None
                try:
                    if worker.conn.poll():
                        finished.append(worker.conn.recv())
                        continue
                except (EOFError, OSError):
                    pass
                finished.append(failed(job, _death(worker.process)))  # died mid-unit: only this unit fails
                self._replace(worker)

    def close(self) -> None:
        """Let idle workers finish (they stop their kernels) and wait for them."""
        self._finish(self.workers)

    def _finish(self, workers: list[_Worker]) -> None:
        for worker in workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        deadline = time.monotonic() + CLEANUP_SECONDS * 2
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
        self._stop(workers)

    def stop(self) -> None:
        """Stop every worker now (Ctrl-C, SIGTERM): each shuts its kernel down and removes its scratch folder
        on SIGTERM; one that has not exited in time is killed.
        """
        self._stop(self.workers)

    @staticmethod
    def _stop(workers: list[_Worker]) -> None:
        for worker in workers:
            if worker.process.is_alive():
                worker.process.terminate()
        deadline = time.monotonic() + CLEANUP_SECONDS + 1
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1)
            worker.conn.close()
