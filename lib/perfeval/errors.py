"""Every error the workbook raises on purpose: one base class, a few narrow kinds, all picklable."""
from __future__ import annotations

from typing import Any

from .safetext import one_line, shown_path


class PerfevalError(Exception):
    """Base of every error meant for the user: printed as a message, never as a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:  # keep pickling working for subclasses with other signatures
        return (self.__class__._rebuild, (self.__dict__.copy(),))

    @classmethod
    def _rebuild(cls, state: dict[str, Any]) -> PerfevalError:
        obj = cls.__new__(cls)
        Exception.__init__(obj, state.get("message", ""))
        obj.__dict__.update(state)
        return obj

    def __str__(self) -> str:
        return self.message


class FieldProblem(tuple[str, str]):
    """One problem in one input file: (field path, what was wrong)."""

    def __new__(cls, field: str, problem: str) -> "FieldProblem":
        return super().__new__(cls, (field, problem))

    def __getnewargs__(self) -> tuple[str, str]:  # unpickled as FieldProblem(field, problem)
        return (self[0], self[1])

    @property
    def field(self) -> str:
        return self[0]

    @property
    def problem(self) -> str:
        return self[1]


MAX_LISTED_PROBLEMS = 20


class InputFileError(PerfevalError):
    """An input file (params or framework YAML, workbook) is unreadable or invalid.

    Carries the file and every problem found in it, so that a user fixes them all in one pass. The message
    shows each field and problem on one line of its own: a line break or an escape sequence in a value from
    the file cannot forge another line or rewrite the terminal.
    """

    kind = "input"

    def __init__(self, file: str, problems: list[FieldProblem] | list[tuple[str, str]]) -> None:
        self.file = str(file)
        self.problems = [FieldProblem(*p) for p in problems]
        lines = [f"{shown_path(self.file)}: {len(self.problems)} problem(s)"]
        for p in self.problems[:MAX_LISTED_PROBLEMS]:
            lines.append(f"  {one_line(p.field)}: {one_line(p.problem)}" if p.field else f"  {one_line(p.problem)}")
        if len(self.problems) > MAX_LISTED_PROBLEMS:
            lines.append(f"  ... and {len(self.problems) - MAX_LISTED_PROBLEMS} more")
        super().__init__("\n".join(lines))


class ParamsError(InputFileError):
    """A unit's params file is malformed or breaks the schema."""

    kind = "params"


class FrameworkError(InputFileError):
    """A framework file is malformed, or names a rule type or argument the engine does not know."""

    kind = "framework"


class WorkbookError(InputFileError):
    """An Excel workbook could not be read into a unit; problems name sheet and cell."""

    kind = "workbook"


class DraftError(InputFileError):
    """A unit's report could not be read as text: unknown format, scanned or encrypted PDF, damaged file."""

    kind = "draft"


class DraftTooLarge(DraftError):
    """A draft that would hold more than one params file may: `held` against `bound` (figures, values or bytes),
    `why` in the words a draft's note gives. `perfeval draft` and a batch then draft the report in part
    (outputs/draft/parts.py), the rest said unread."""

    def __init__(self, file: str, problem: str, held: int, bound: int, why: str) -> None:
        super().__init__(file, [("", problem)])
        self.held, self.bound, self.why = held, bound, why


class BatchError(PerfevalError):
    """A batch could not start (bad notebook, unknown parameter, unwritable output folder)."""


class IncommensurableUnits(PerfevalError):
    """Two quantities in units of different dimensions (万元 and 人, 次 and 人次) were compared or converted."""

    def __init__(self, a: str, b: str, why: str) -> None:
        super().__init__(f"cannot compare or convert “{a or '无单位'}” and “{b or '无单位'}”: {why}")
        self.a, self.b = a, b


class Terminated(KeyboardInterrupt):
    """SIGTERM during a batch, handled as Ctrl-C is: workers stopped, unfinished units recorded, index written."""
