"""A notebook's code cells sent to the warm kernel in one request instead of one request a cell.

Each request cost about 3 ms of the kernel's CPU and 1-4 ms of the worker's (five messages signed, sent, received
and parsed, and nbclient's bookkeeping), and on a loaded machine a wait for a core in each process: a report's
thirteen code cells paid that thirteen times. In the kernel, cellrun.run_cells runs each cell as IPython runs a
cell and announces it with a marker that is never recorded; the worker routes every output, as it arrives, to the
cell the last marker named. Each cell thus gets the outputs, execution count, timings and papermill status it had
when sent alone, and a cell that raises stops the run where nbclient would have stopped it (unless tagged
raises-exception), with its traceback as its output.
"""
from __future__ import annotations

import json
import re
from typing import Any

from nbclient.client import timestamp
from nbformat.v4 import new_code_cell
from papermill.clientwrap import PapermillNotebookClient

from .. import cellrun
from ..cellrun import MARK

_AWAIT = re.compile(r"\bawait\b")  # top-level await needs the kernel's own event loop: cell by cell then


class OneTripClient(PapermillNotebookClient):  # type: ignore[misc]  # papermill ships no types
    """papermill's client, running the notebook's code cells in one request (cellrun.run_cells)."""

    _driver: Any = None  # the request's own cell while it runs, appended to the notebook for nbclient's sake
    _running: int | None = None  # the cell receiving outputs
    _next = 0  # the first cell papermill has not started
    _done = False

    def papermill_execute_cells(self) -> None:
        cells = self.nb.cells
        runnable = [[i, c.source, self._allows_errors(c)] for i, c in enumerate(cells) if self._executes(c)]
        if any(_AWAIT.search(source) for _, source, _ in runnable):
            super().papermill_execute_cells()
            return
        self._running, self._next, self._done = None, 0, False
        self._driver = new_code_cell(  # type: ignore[no-untyped-call]  # nbformat's constructors are untyped
            f"__import__({cellrun.__name__!r}, fromlist=['run_cells']).run_cells("
            f"{json.dumps(json.dumps(runnable, ensure_ascii=False), ensure_ascii=False)})")
        cells.append(self._driver)
        try:
            self.execute_cell(self._driver, len(cells) - 1, store_history=False)
        finally:
            cells.pop()
            self._driver = None
            if self._running is not None:  # timed out, or the kernel died in it: completed as papermill does
                self.nb_man.cell_complete(cells[self._running], cell_index=self._running)
        if self._done:
            self._pass(len(cells))

    def _executes(self, cell: Any) -> bool:
        """Would nbclient send this cell to the kernel?"""
        return bool(cell.cell_type == "code" and cell.source.strip()
                    and self.skip_cells_with_tag not in cell.metadata.get("tags", []))

    def _allows_errors(self, cell: Any) -> bool:
        """nbclient's rule: does a raise in this cell let the next cells run?"""
        return bool(not self.force_raise_errors
                    and (self.allow_errors or "raises-exception" in cell.metadata.get("tags", [])))

    def _pass(self, until: int) -> None:
        """Start and complete, as papermill does, the cells before `until` that nbclient does not execute."""
        for index in range(self._next, until):
            self.nb_man.cell_start(self.nb.cells[index], index)
            self.nb_man.cell_complete(self.nb.cells[index], cell_index=index)
        self._next = max(self._next, until)

    def _marked(self, mark: dict[str, Any], msg: dict[str, Any]) -> None:
        """A marker: the cell that ran is complete (or failed), and the one it names starts."""
        at = timestamp(msg)
        if self._running is not None:
            cell = self.nb.cells[self._running]
            if self.record_timing:
                cell.metadata["execution"].update({"shell.execute_reply": at, "iopub.status.idle": at})
            if "failed" in mark:
                self.nb_man.cell_exception(cell, cell_index=self._running)
            self.nb_man.cell_complete(cell, cell_index=self._running)
            self._running = None
        if "cell" in mark:
            index = mark["cell"]
            self._pass(index)
            cell = self.nb.cells[index]
            self.nb_man.cell_start(cell, index)
            cell.outputs = []
            cell.execution_count = mark["count"]
            if self.record_timing:
                cell.metadata["execution"] = {"iopub.status.busy": at, "iopub.execute_input": at}
            self._running, self._next = index, index + 1
        self._done = "done" in mark

    def process_message(self, msg: dict[str, Any], cell: Any, cell_index: int) -> Any:
        if self._driver is None or cell is not self._driver:
            return super().process_message(msg, cell, cell_index)
        data = msg["content"].get("data") if msg["msg_type"] == "display_data" else None
        if data and MARK in data:
            self._marked(data[MARK], msg)
            return None
        if msg["msg_type"] in ("status", "execute_input") or self._running is None:
            return super().process_message(msg, cell, cell_index)
        return super().process_message(msg, self.nb.cells[self._running], self._running)
