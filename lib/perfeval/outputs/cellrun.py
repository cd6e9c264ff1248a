"""In the kernel: a notebook's code cells run from one request (batch/onetrip.OneTripClient sends it).

Outside the batch package, whose import brings papermill, nbclient and jupyter_client (about 300 ms of a kernel's
start) that a kernel has no use for.
"""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from typing import Any, Iterator

MARK = "application/vnd.perfeval.cell+json"  # a marker's display data: the worker routes by it, never records it


def run_cells(cells: str) -> None:
    """Run the cells [[index, source, allows_errors], ...] (JSON) one after another as IPython runs a cell (its own
    execution count, display hook and traceback), each after a marker naming it; the last marker says whether all
    ran ("done") or which one stopped the run ("failed")."""
    from IPython import get_ipython

    shell = get_ipython()
    with _flushing_only_written_text():
        for index, source, allows_errors in json.loads(cells):
            # a publish flushes the kernel's stdout and stderr first: a cell's printed text goes out before the next
            # marker
            shell.display_pub.publish({MARK: {"cell": index, "count": shell.execution_count}})
            result = shell.run_cell(source, store_history=True)
            if not result.success and not allows_errors:
                shell.display_pub.publish({MARK: {"failed": index}})
                return
        shell.display_pub.publish({MARK: {"done": True}})


@contextmanager
def _flushing_only_written_text() -> Iterator[None]:
    """stdout and stderr flushed only when text was written to them since their last flush.

    ipykernel flushes both before every display and every cell result, and a flush hands the stream to the kernel's
    I/O thread and waits for it, twice: about 90 round trips between two threads a report (a fifth of the kernel's
    time on it), almost all of them with nothing to send. A flush with nothing written sends nothing, so skipping
    it changes no output and no order; a stream that is not ipykernel's (no `_buffers`) is flushed as before.
    """
    streams: list[Any] = [s for s in (sys.stdout, sys.stderr) if isinstance(getattr(s, "_buffers", None), dict)]
    for stream in streams:
        stream.flush = _flush_when_written(stream, stream.flush)
    try:
        yield
    finally:
        for stream in streams:
            del stream.flush  # the class's own again


def _flush_when_written(stream: Any, flush: Any) -> Any:
    def flush_when_written() -> None:
        if stream._buffers:  # ipykernel's OutStream keeps written text here until its I/O thread sends it
            flush()

    return flush_when_written
