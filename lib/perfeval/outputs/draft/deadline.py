"""`perfeval draft` bounded in time, as a batch bounds each report it drafts (its --timeout): a report the reader cannot
finish within the bound is refused by name with what to do, and nothing is written (the bound ends before the draft
and its review page are written, together)."""
from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from ...core.numbers import exact
from ...errors import DraftError


LONGEST = 86_400.0  # a day: the longest bound taken (a timer of 1e10 s overflowed the system's clock, a traceback)


class _Expired(BaseException):
    """The bound passed (raised by the timer's signal, turned into the DraftError below); a BaseException, as a
    KeyboardInterrupt is, so that no `except Exception` of the reader takes it for a fault of one file part."""


def _expire(signum: int, frame: FrameType | None) -> None:
    raise _Expired


@contextmanager
def time_bound(seconds: float, report: str) -> Iterator[None]:
    """Run the block within `seconds` of wall time, else a DraftError naming the report. Where the system has no
    interval timer (Windows) or outside the main thread, the block runs unbounded, as it did."""
    try:
        previous = signal.signal(signal.SIGALRM, _expire)
    except (AttributeError, ValueError):  # no SIGALRM, or not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired:
        unit = "second" if seconds == 1 else "seconds"
        raise DraftError(report, [("", f"drafting did not finish within {exact(seconds)} {unit} (--timeout): the report "
                                       "is too long or too dense with figures to read in one piece; draft it in parts "
                                       "(e.g. the report without its annexed tables, and each table apart), or give a "
                                       "longer --timeout")]) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)  # None: set outside Python
