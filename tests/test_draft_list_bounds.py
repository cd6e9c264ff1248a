"""A 其中 list that adds up in no reading is asked about on the parts the report listed under it (trial 7 X1): the
parts of its first ；-part, never a figure of the next ；-part, which states a new subject. Sentences written here."""
from __future__ import annotations

from pathlib import Path

from perfeval.checks import run_checks
from perfeval.core.engine import load_unit
from perfeval.outputs.draft import draft_report, write_draft


def _draft(tmp_path: Path, sentence: str):
    path = tmp_path / "report.txt"
    path.write_text(f"青河县水务局2024年度部门整体支出绩效自评报告\n一、部门基本情况\n{sentence}\n", encoding="utf-8")
    return draft_report(path)


def test_a_list_that_does_not_add_up_is_held_to_the_parts_under_its_opener(tmp_path):
    draft = _draft(tmp_path, "核定编制46名，其中行政编制18名、事业编制30名；年末实有在职人员43人，退休人员20人。")
    listed = [(lst.whole.written, [p.written for p in lst.parts]) for lst in draft.lists if lst.whole.written == "46名"]
    assert listed == [("46名", ["18名", "30名"])]
    broken = [f for f in run_checks(load_unit(write_draft(draft, tmp_path / "draft.yaml")))
              if f.check == "declared_identity_broken"]
    assert len(broken) == 1 and broken[0].candidate and "48" in broken[0].message and "43" not in broken[0].message


def test_a_nested_list_that_adds_up_keeps_its_reading(tmp_path):
    draft = _draft(tmp_path, "实有人数50人，其中：在职人数28人，行政人员10人，事业人员18人；退休人员20人；遗属人员2人。")
    listed = sorted((lst.whole.written, [p.written for p in lst.parts]) for lst in draft.lists)
    assert listed == [("28人", ["10人", "18人"]), ("50人", ["28人", "20人", "2人"])]
