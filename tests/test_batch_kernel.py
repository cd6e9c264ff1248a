"""The batch's kernel: this interpreter's ipykernel whatever specs are installed, restarted on a port collision."""
from __future__ import annotations

import socket
import sys

import pytest
from nbclient.util import run_sync

from perfeval.outputs.batch.kernel import KERNEL_NAME, NativeKernelManager

pytestmark = pytest.mark.slow  # starts kernels


def test_python3_is_this_interpreter():
    km = NativeKernelManager(kernel_name=KERNEL_NAME)
    assert km.kernel_spec.argv[:3] == [sys.executable, "-m", "ipykernel_launcher"]
    assert km.kernel_spec_manager.kernel_dirs == []  # user and system kernel specs are not consulted


def test_start_is_retried_on_fresh_ports_after_a_port_collision():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        km = NativeKernelManager(kernel_name=KERNEL_NAME, cache_ports=False)
        km.shell_port = port  # as if another worker's kernel had bound it between port choice and kernel start
        run_sync(km.start_kernel)()
        try:
            assert km.attempts_used == 2
            assert km.shell_port != port
            assert run_sync(km.is_alive)()
        finally:
            run_sync(km.shutdown_kernel)(now=True)


def test_start_gives_up_after_the_allowed_attempts_and_says_why(monkeypatch):
    async def never_ready(self):
        raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(NativeKernelManager, "_wait_ready", never_ready)
    km = NativeKernelManager(kernel_name=KERNEL_NAME, start_attempts=2)
    with pytest.raises(RuntimeError, match="kernel did not start after 2 attempts: Kernel died before replying"):
        run_sync(km.start_kernel)()
    assert km.attempts_used == 2
    assert not run_sync(km.is_alive)()  # nothing left running
