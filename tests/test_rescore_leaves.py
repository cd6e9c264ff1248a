"""A unit rescored under other readings scores again only the leaves whose readings changed (core/engine.py,
ScoredUnit.leaves): every such sheet must be the sheet a whole scoring gives."""
from pathlib import Path

import pytest

from perfeval.core.engine import load_unit, score_with

SAMPLES = sorted((Path(__file__).parent.parent / "params" / "units").glob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_a_rescoring_under_each_option_is_the_whole_scoring(path):
    unit = load_unit(path)
    fw, readings = unit.framework, unit.sheet.readings
    tried = 0
    for key in fw.readings_in_force():
        for option in fw.reading(key).options:
            if option == readings[key]:
                continue
            again = unit.rescored(readings={key: option})
            whole = score_with(unit.params, fw, {**readings, key: option}, "<rescored>")
            assert again == whole, (key, option)
            tried += 1
    assert tried >= 5  # the samples offer several readings with other options: the comparison ran


def test_a_rescoring_reuses_the_rows_of_leaves_that_consulted_no_changed_reading():
    unit = load_unit(SAMPLES[0])
    key = unit.sheet.readings_used[0]
    option = next(o for o in unit.framework.reading(key).options if o != unit.sheet.readings[key])
    again = unit.rescored(readings={key: option})
    kept = [a for a, b in zip(again.rows, unit.sheet.rows, strict=True) if a is b]
    assert kept and len(kept) < len(unit.sheet.rows)  # some rows taken as they were, some scored again
