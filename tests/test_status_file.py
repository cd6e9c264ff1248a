"""The status file is rewritten after every unit from per-unit pieces: byte for byte what one json.dumps of the
whole status writes, and it reads back the same; JSON printed for a terminal keeps every character readable."""
from __future__ import annotations

import json
from dataclasses import asdict

from perfeval.outputs.batch.status import STATUS_FILE, UnitRun, load_status, save_status
from perfeval.safetext import json_escaped


def whole(results: dict[str, UnitRun]) -> str:
    data = {"units": {uid: asdict(results[uid]) for uid in sorted(results)}}
    return json_escaped(json.dumps(data, ensure_ascii=False, indent=1)) + "\n"


def test_status_file_is_one_dump_of_the_whole_status(tmp_path):
    cases = [
        {},
        {"a": UnitRun("a", "/x/长沙\udcb3.yaml", "ok", seconds=1.5, report="units/a/a.html", result="units/a/a.json")},
        {f"u{i}": UnitRun(f"u{i}", f"/p/{i}.yaml", "failed", "中断：\u202e\n原因\x1b[2J\u2028", drafted_from="r.txt")
         for i in range(30)},
    ]
    for results in cases:
        save_status(tmp_path, results)
        assert (tmp_path / STATUS_FILE).read_text(encoding="utf-8") == whole(results)
        assert load_status(tmp_path) == results


def test_json_escaped_writes_characters_beyond_the_bmp_as_json_reads_them():
    name = "长沙\U000e0041县\u200b\u2028\x85"  # a tag character, a zero-width space, separators
    shown = json_escaped(json.dumps({"name": name}, ensure_ascii=False))
    assert json.loads(shown) == {"name": name}
    assert "\\udb40\\udc41" in shown and "\\u200b" in shown and "\\u2028" in shown and "长沙" in shown
