"""Every process of a batch dies with the batch and leaves no file behind, however the batch ends.

Workers ask Linux to send them SIGTERM when the batch dies (PR_SET_PDEATHSIG, even after SIGKILL); SIGTERM
unwinds a worker like any exit, which shuts its kernel down and removes its scratch folder. A kernel knows
its parent's pid (JPY_PARENT_PID) and exits within a second of it (ipykernel's parent poller). What a
process leaves when it is killed outright (SIGKILL gives it no chance) sits in a scratch folder named by its
pid, which the next batch removes once that pid is gone.
"""
from __future__ import annotations

import atexit
import ctypes
import logging
import os
import re
import shutil
import signal
import sys
import tempfile
from pathlib import Path

SCRATCH_PREFIX = "perfeval-p"  # then the owner's pid and '-': /tmp/perfeval-p1234-abcd
CLEANUP_SECONDS = 5  # a worker told to stop that has not exited by then is ended by SIGALRM
PR_SET_PDEATHSIG = 1
_scratch: dict[int, Path] = {}  # pid → its folder (a spawned or forked child makes its own)


def die_with_parent(parent_pid: int) -> None:
    """In a worker: SIGTERM when the parent dies (Linux); exit at once if it already has."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent_pid:  # died before prctl took effect
        os._exit(1)


def exit_on_sigterm() -> None:
    """SIGTERM raises SystemExit, so `finally` blocks and atexit clean up (the kernel, the scratch folder).

    A second SIGTERM is ignored while that runs; SIGALRM (its default action ends the process) bounds it.
    The unit abandoned is recorded by the batch, so asyncio's complaints about its unfinished tasks are
    silenced rather than printed under the batch's output.
    """
    def stop(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.alarm(CLEANUP_SECONDS)
        logging.getLogger("asyncio").disabled = True
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def scratch_dir() -> Path:
    """This process's folder for temporary files and kernel connection files, removed when it exits."""
    pid = os.getpid()
    if pid not in _scratch:
        _scratch[pid] = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{pid}-"))
        atexit.register(_remove_own_scratch, pid)
    return _scratch[pid]


def _remove_own_scratch(pid: int) -> None:
    if os.getpid() == pid and pid in _scratch:
        shutil.rmtree(_scratch.pop(pid), ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def sweep_stale_scratch(tmp: Path | None = None) -> list[Path]:
    """Remove this user's scratch folders whose process is gone; the folders removed."""
    pattern = re.compile(rf"^{re.escape(SCRATCH_PREFIX)}(\d+)-")
    removed = []
    for folder in Path(tmp or tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*"):
        match = pattern.match(folder.name)
        try:
            stale = (match is not None and not folder.is_symlink() and folder.is_dir()
                     and folder.stat().st_uid == os.getuid() and not _alive(int(match[1])))
        except OSError:
            continue
        if stale:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed
