"""Every error type crosses a process boundary whole: a batch worker sends it back pickled, fields and message."""
from __future__ import annotations

import inspect
import pickle

import pytest

from perfeval import errors
from perfeval.errors import FieldProblem, InputFileError, PerfevalError

FILE_ERRORS = [cls for _, cls in inspect.getmembers(errors, inspect.isclass)
               if issubclass(cls, InputFileError)]
SAMPLES = {
    errors.BatchError: errors.BatchError("the notebook has no parameters cell"),
    errors.IncommensurableUnits: errors.IncommensurableUnits("万元", "人", "金额 is not 人数"),
    errors.PerfevalError: errors.PerfevalError("x.yaml already exists; pass --force to replace it"),
}


def test_every_error_type_is_sampled():
    every = {cls for _, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, PerfevalError)}
    assert every == set(FILE_ERRORS) | set(SAMPLES)


def _file_error(cls: type) -> InputFileError:
    """A sample of each file error: a draft too large has one problem and what it held against what a file may."""
    if cls is errors.DraftTooLarge:
        return cls("单位/报告.txt", "the report states more figures than one params file may hold", 11998, 2857,
                   "数字过多")
    return cls("单位/参数.yaml", [("figures.staff.on_duty", "expected a number, found \"约300\""), ("", "not UTF-8")])


@pytest.mark.parametrize("cls", FILE_ERRORS, ids=lambda c: c.__name__)
def test_a_file_error_round_trips_with_its_problems(cls):
    err = _file_error(cls)
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is cls and again.file == err.file and str(again) == str(err)
    assert again.problems == err.problems and all(isinstance(p, FieldProblem) for p in again.problems)
    assert again.__dict__ == err.__dict__  # every field, a draft too large's counts and reason too


@pytest.mark.parametrize("err", SAMPLES.values(), ids=lambda e: type(e).__name__)
def test_other_errors_round_trip_with_their_fields(err):
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is type(err) and str(again) == str(err) and again.__dict__ == err.__dict__
