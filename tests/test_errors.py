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


@pytest.mark.parametrize("cls", FILE_ERRORS, ids=lambda c: c.__name__)
def test_a_file_error_round_trips_with_its_problems(cls):
    err = cls("单位/参数.yaml", [("figures.staff.on_duty", "expected a number, found \"约300\""), ("", "not UTF-8")])
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is cls and again.file == err.file and str(again) == str(err)
    assert again.problems == err.problems and all(isinstance(p, FieldProblem) for p in again.problems)
    assert (again.problems[0].field, again.problems[0].problem) == ("figures.staff.on_duty", "expected a number, found \"约300\"")


@pytest.mark.parametrize("err", SAMPLES.values(), ids=lambda e: type(e).__name__)
def test_other_errors_round_trip_with_their_fields(err):
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is type(err) and str(again) == str(err) and again.__dict__ == err.__dict__
