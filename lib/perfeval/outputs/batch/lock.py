"""One batch at a time per outputs folder: a second run into the same folder is refused with who holds it.

Two runs would each read the status file, run their units and write the status, index and CSV from what
they read, so the second to finish would drop the other's units. The lock is flock(2) on outputs/batch.lock:
the system releases it when its holder exits, however it exits (SIGKILL included), so it is never stale.
"""
from __future__ import annotations

import fcntl
import os
import socket
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ...errors import BatchError
from ...safetext import one_line, shown_path

LOCK_FILE = "batch.lock"


@contextmanager
def outputs_lock(outputs: Path) -> Iterator[None]:
    """Hold the outputs folder for this run, or raise BatchError naming the run that holds it."""
    path = outputs / LOCK_FILE
    fd = _acquire(path)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n"
                 .encode("utf-8"))
        yield
    finally:
        path.unlink(missing_ok=True)  # before unlocking: a run waiting on this file retries on a new one
        os.close(fd)


def _acquire(path: Path) -> int:
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        except OSError as exc:
            raise BatchError(f"cannot lock the outputs folder ({shown_path(path)}): {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = one_line(os.read(fd, 200).decode("utf-8", "replace").strip()) or "another process"
            os.close(fd)
            raise BatchError(f"another perfeval run is writing into {shown_path(path.parent)} ({holder}); "
                             "wait for it to finish, or give this run another folder with -o") from None
        try:
            held, there = os.fstat(fd), os.stat(path, follow_symlinks=False)
            same = (held.st_dev, held.st_ino) == (there.st_dev, there.st_ino)
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # the holder removed the file as we opened it: lock the one that is there now
