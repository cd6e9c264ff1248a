"""In the kernel: a notebook's code cells run from one request (batch/onetrip.OneTripClient sends it).

Outside the batch package, whose import brings papermill, nbclient and jupyter_client (about 300 ms of a kernel's
start) that a kernel has no use for.
"""
from __future__ import annotations

import json

MARK = "application/vnd.perfeval.cell+json"  # a marker's display data: the worker routes by it, never records it


def run_cells(cells: str) -> None:
    """Run the cells [[index, source, allows_errors], ...] (JSON) one after another as IPython runs a cell (its own
    execution count, display hook and traceback), each after a marker naming it; the last marker says whether all
    ran ("done") or which one stopped the run ("failed")."""
    from IPython import get_ipython

    shell = get_ipython()
    for index, source, allows_errors in json.loads(cells):
        # a publish flushes the kernel's stdout and stderr first: a cell's printed text goes out before the next marker
        shell.display_pub.publish({MARK: {"cell": index, "count": shell.execution_count}})
        result = shell.run_cell(source, store_history=True)
        if not result.success and not allows_errors:
            shell.display_pub.publish({MARK: {"failed": index}})
            return
    shell.display_pub.publish({MARK: {"done": True}})
