"""A kernel kept warm in a worker process and reused unit after unit, through a papermill engine of our own.

Starting a kernel and importing pandas and the report library costs more than a report itself;
done once per worker instead of once per unit, the batch runs near the cost of the notebook's own work.
Between units the kernel's namespace and execution counter are reset, so a report does not depend on
which units ran before it in the same kernel (tests compare it byte for byte with a report run alone).
"""
from __future__ import annotations

import atexit
import threading
from typing import Any

from jupyter_core.utils import run_sync
from papermill.engines import NBClientEngine, papermill_engines
from papermill.iorw import write_ipynb

from .kernel import NativeKernelManager
from .onetrip import OneTripClient

ENGINE_NAME = "perfeval_warm"
# The imports' objects (pandas and the report library) are frozen out of the garbage collector's reach: they live as
# long as the kernel, and a full collection scanned them all every few units (about 100 ms each time, a third of a
# unit's cells; 30-50 ms frozen). Not collected first: a collection then found 5 objects to free and cost 70 ms.
# matplotlib is not among them: the report's charts are SVG written by report.svgchart.
WARM_UP = "import perfeval.outputs.report.blocks\nimport gc\ngc.freeze()\n"
# No history database (not needed, and it objects to the execution counter being reset) and no output
# cache (Out[] would keep every unit's charts alive; without it a reset needs no full garbage collection).
KERNEL_ARGUMENTS = ["--HistoryManager.enabled=False", "--InteractiveShell.cache_size=0"]
RESET = "get_ipython().reset(new_session=False)\nget_ipython().execution_count = 1\n"


class WarmKernel:
    """One kernel and its client, started on first use, reset between units, restarted when it fails."""

    def __init__(self, warm_up: str = WARM_UP, start_timeout: float = 60.0) -> None:
        self.warm_up = warm_up
        self.start_timeout = start_timeout
        self.km: NativeKernelManager | None = None
        self.kc: Any = None
        self.units_run = 0
        self.starts = 0

    def _run(self, code: str, timeout: float = 60.0) -> None:
        reply = run_sync(self.kc.execute_interactive)(code, store_history=False, timeout=timeout,
                                                      output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel set-up code failed: {reply['content'].get('ename')}: "
                               f"{reply['content'].get('evalue')}")

    def start(self) -> None:
        """Start the kernel (retrying on port collisions) and import what every report needs."""
        self.km = NativeKernelManager(ready_timeout=self.start_timeout)
        run_sync(self.km.start_kernel)(extra_arguments=KERNEL_ARGUMENTS)
        self.kc = self.km.client()
        self.kc.start_channels()
        run_sync(self.kc.wait_for_ready)(timeout=self.start_timeout)
        self.kc.allow_stdin = False
        self._run(self.warm_up)
        self.starts += 1

    def prestart(self) -> None:
        """Start the kernel before the first unit arrives; a kernel that cannot start is left to the first unit,
        which tries again and fails with the reason."""
        try:
            self.start()
        except Exception:  # noqa: BLE001 - said by the first unit's own attempt
            self.stop()

    def ready(self) -> "WarmKernel":
        """The kernel, alive and with a clean namespace, ready for the next unit."""
        if self.km is None or not run_sync(self.km.is_alive)():
            self.stop()
            self.start()
        elif self.units_run:
            self._run(RESET)
        self.units_run += 1
        return self

    def stop(self) -> None:
        """Shut the kernel down at once; after a failed unit the next unit gets a fresh one."""
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None and self.km.has_kernel:
            run_sync(self.km.shutdown_kernel)(now=True)
        self.km, self.kc = None, None


_local = threading.local()


def worker_kernel() -> WarmKernel:
    """This thread's warm kernel (a pool worker process, or a dask worker's single task thread)."""
    if not hasattr(_local, "kernel"):
        _local.kernel = WarmKernel()
        atexit.register(_local.kernel.stop)  # no kernel outlives its worker
    return _local.kernel


def stop_worker_kernel() -> None:
    """Shut this thread's warm kernel down, if it started one (a worker that is stopping)."""
    kernel = getattr(_local, "kernel", None)
    if kernel is not None:
        kernel.stop()


class WarmEngine(NBClientEngine):
    """papermill's nbclient engine, executing in the worker's warm kernel instead of a new one, all the code cells
    in one request (onetrip).

    Extra engine arguments: warm_kernel (a ready WarmKernel) and partial_path (where a run that raises
    leaves the notebook as far as it got).
    """

    @classmethod
    def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, log_output: bool = False, stdout_file: Any = None,
                                 stderr_file: Any = None, start_timeout: float = 60,
                                 execution_timeout: float | None = None, **kwargs: Any) -> Any:
        warm = kwargs.pop("warm_kernel")
        partial = kwargs.pop("partial_path")
        kwargs.pop("input_path", None)
        kwargs.pop("timeout", None)
        kwargs.pop("startup_timeout", None)
        client = OneTripClient(nb_man, km=warm.km, timeout=execution_timeout, kernel_name=kernel_name,
                                         log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file,
                                         **kwargs)
        client.kc = warm.kc
        try:
            return client.execute()
        except BaseException:
            # papermill saves the partial notebook only when it saves after every cell, which costs a
            # full notebook write per cell; keep what ran for the analyst here instead, once
            nb_man.nb.metadata.setdefault("papermill", {})["exception"] = True
            write_ipynb(nb_man.nb, partial)
            raise


papermill_engines.register(ENGINE_NAME, WarmEngine)
