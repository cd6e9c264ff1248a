"""The kernel every unit runs in: this interpreter's ipykernel, started again on fresh ports if it dies at birth."""
from __future__ import annotations

import subprocess
import tempfile
import uuid

from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpecManager
from traitlets import Float, Integer, default

from .lifeline import scratch_dir

KERNEL_NAME = "python3"
PORT_TRAITS = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")


class NativeKernelManager(AsyncKernelManager):
    """Starts 'python3' as the ipykernel of the running interpreter, retrying start-up on port collisions.

    Kernel specs installed for the user or the system are ignored: a batch must not run in whatever
    environment last registered 'python3'. Ports are picked by binding and releasing them, so a kernel
    started by another worker in between can take one; that kernel then dies before answering. Each
    retry picks new ports. The connection file goes in this process's scratch folder (not jupyter_client's
    default /tmp/tmpXXXX.json), so nothing of it outlives the batch.
    """

    start_attempts = Integer(3, help="how many times to start a kernel before giving up").tag(config=True)
    ready_timeout = Float(60.0, help="seconds a started kernel has to answer kernel_info").tag(config=True)
    attempts_used = Integer(0, help="start attempts the last start_kernel needed")

    @default("kernel_spec_manager")
    def _native_only(self) -> KernelSpecManager:
        return KernelSpecManager(parent=self, kernel_dirs=[])

    @default("connection_file")
    def _in_scratch(self) -> str:
        return str(scratch_dir() / f"kernel-{uuid.uuid4().hex}.json")

    async def start_kernel(self, **kw):  # noqa: ANN003, ANN201 - jupyter_client's signature
        last = ""
        for attempt in range(1, self.start_attempts + 1):
            self.attempts_used = attempt
            with tempfile.TemporaryFile() as log:  # the kernel's own stderr: kept only to say why it died
                await super().start_kernel(stdout=subprocess.DEVNULL, stderr=log, **kw)
                try:
                    await self._wait_ready()
                    return
                except (RuntimeError, TimeoutError) as exc:
                    log.seek(0)
                    lines = [x for x in log.read().decode("utf-8", "replace").splitlines() if x.strip()]
                    last = f"{exc}" + (f" ({lines[-1].strip()})" if lines else "")
                    self.log.warning("kernel start attempt %d/%d failed: %s", attempt, self.start_attempts, last)
                    await self._discard()
        raise RuntimeError(f"kernel did not start after {self.start_attempts} attempts: {last}")

    async def _wait_ready(self) -> None:
        client = self.client()
        client.start_channels()
        try:
            await client.wait_for_ready(timeout=self.ready_timeout)
        finally:
            client.stop_channels()

    async def _discard(self) -> None:
        """Kill what is left of a failed start and forget its ports, so the next attempt picks new ones.

        Cleaned up as for a restart, which keeps the manager's zmq context usable for the next attempt.
        """
        if await self.is_alive():
            await self.shutdown_kernel(now=True, restart=True)
        else:
            await self.cleanup_resources(restart=True)
        self.cleanup_connection_file()
        for trait in PORT_TRAITS:
            setattr(self, trait, 0)
