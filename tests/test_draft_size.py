"""A report with long annexed tables: drafted in time proportionate to its rows, and refused with a message that
says what to do when it states more than one params file may hold (never 'a fault of the reader')."""
from __future__ import annotations

from decimal import Decimal

import docx
import pytest

from perfeval.errors import DraftError
from perfeval.fileio import MAX_FIGURES, MAX_YAML_NODES
from perfeval.intake.report.assemble import draft_report
from perfeval.outputs.draft.writer import settle, yaml_nodes


def _report(path, rows: int) -> None:
    d = docx.Document()
    d.add_paragraph("某某县文化馆2023年度部门整体支出绩效自评报告")
    d.add_paragraph("一、基本情况。本单位核定编制20人，实有在职18人。2023年年初预算500.00万元，全年执行480.00万元。")
    table = d.add_table(rows=rows + 1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("项目名称", "预算数（万元）", "执行数（万元）")):
        cell.text = text
    for i in range(rows):
        cells = table.rows[i + 1].cells
        cells[0].text, cells[1].text, cells[2].text = f"第{i + 1}项文化活动", "10.00", "10.00"  # every cell alike
    d.add_paragraph("二、项目情况。文化活动项目支出共计10.00万元，执行10.00万元。")
    d.save(path)


def test_the_node_count_is_the_yaml_loaders():
    assert yaml_nodes({"a": [1, 2], "b": {"c": "x"}}) == 1 + (1 + 3) + (1 + 1 + 2)


def test_a_report_stating_more_than_a_params_file_holds_is_refused_with_what_to_do(tmp_path):
    report = tmp_path / "annex.docx"
    _report(report, 1000)
    draft = draft_report(report)
    assert yaml_nodes(draft.params) > MAX_YAML_NODES
    with pytest.raises(DraftError) as refused:
        settle(draft, tmp_path / "annex.yaml")
    message = str(refused.value)
    assert "draft it in parts" in message and "fault of the reader" not in message


HEAD = "某某县文化馆2023年度部门整体支出绩效自评报告\n一、基本情况\n本单位核定编制20人，实有在职18人。\n二、支出情况\n"


def test_a_long_run_of_digits_is_one_number_said_and_never_cut_into_figures(tmp_path, capsys):
    """5,000 digits on a line were cut into one-digit sentences (time quadratic in the run) and each drafted as a
    figure; the run is one number, past any figure, said in the draft's header and drafted nowhere."""
    from perfeval.cli import main
    from perfeval.fileio import read_yaml
    from perfeval.intake.report.document import MAX_SENTENCE, split_sentences

    run = "7" * 3 * MAX_SENTENCE
    assert max(split_sentences("全年支出" + run + "万元。"), key=len) == run  # the number whole, its words beside
    assert "".join(split_sentences("全年支出" + run + "万元。")) == "全年支出" + run + "万元。"
    report = tmp_path / "digits.txt"
    report.write_text(HEAD + f"2023年部门整体支出{run}万元。其中基本支出1.00万元。\n", encoding="utf-8")
    assert main(["draft", str(report), "-o", str(tmp_path / "d.yaml")]) == 0
    assert "not drafted: 1 number(s)" in capsys.readouterr().out
    text = (tmp_path / "d.yaml").read_text(encoding="utf-8")
    said = [line for line in text.splitlines() if line.startswith("# 存疑，未录入：")]
    assert len(said) == 1 and f"（共 {len(run):,} 位数字）" in said[0] and f"一串 {len(run):,} 位数字" in said[0]
    assert "777777777777777777777" not in text  # shown by its start, not drafted
    assert not any(set(str(s.get("value"))) == {"7"} for s in read_yaml(tmp_path / "d.yaml").get("stated", []))


def test_a_report_stating_more_than_a_params_file_holds_is_refused_before_its_figures_are_paired(tmp_path,
                                                                                                 monkeypatch):
    from perfeval.intake.report import assemble

    def pairing(*args, **kwargs):
        raise AssertionError("repeated figures paired before the bound was checked")

    monkeypatch.setattr(assemble, "_same_value_restated", pairing)
    clauses = "".join(f"第{i}批次文化活动支出{i}.50万元；" for i in range(MAX_FIGURES + 10))
    report = tmp_path / "dense.txt"
    report.write_text(HEAD + clauses + "\n", encoding="utf-8")
    # in figures, the count a reader can check (trial 4's U18: 18,900 figures were "132,342 values")
    with pytest.raises(DraftError, match=r"more figures than one params file may hold \([\d,]+ figures "
                                         rf"drafted or more; at most about {MAX_FIGURES:,}, .*draft it in parts"):
        draft_report(report)


def test_figures_of_one_value_are_paired_only_where_their_labels_could_name_one_figure(tmp_path, monkeypatch):
    """Repeated figures are found among statements of one value; 400 statements of 5.00万元 under labels numbering
    400 things (第N号示范田) were compared pair by pair: 160,000 comparisons, time quadratic in the figures."""
    from perfeval.intake.report import assemble

    compared = []
    real = assemble._one_figure
    monkeypatch.setattr(assemble, "_one_figure", lambda *a, **k: compared.append(1) or real(*a, **k))
    report = tmp_path / "fields.txt"
    report.write_text(HEAD + "".join(f"第{i}号示范田支出5.00万元。\n" for i in range(1, 401))
                      + "第7号示范田支出5.00万元，已全部到位。\n", encoding="utf-8")
    draft = draft_report(report)
    assert len(compared) < 400
    restated = [group for group in draft.repeats if {m.label for m in group} == {"第7号示范田支出"}]
    assert len(restated) == 1 and len(restated[0]) == 2  # the one figure stated twice is still found


def test_bare_numbers_naming_nothing_are_never_compared_as_repeated_figures(tmp_path, monkeypatch):
    """2,500 lines of a bare 1 (5 KB) were compared pair by pair as statements of one value: 3 million comparisons,
    minutes. A number under no words cannot be one figure with another (_one_figure needs words both share)."""
    from perfeval.intake.report import assemble

    compared = []
    real = assemble._one_figure
    monkeypatch.setattr(assemble, "_one_figure", lambda *a, **k: compared.append(1) or real(*a, **k))
    report = tmp_path / "ones.txt"
    report.write_text(HEAD + "1\n" * 300 + "文化活动场地租赁支出5.00万元。\n二、项目情况\n" * 2 + "2.5\n" * 300,
                      encoding="utf-8")
    draft = draft_report(report)
    assert len(compared) < 10
    assert [[m.label for m in group] for group in draft.repeats] == [["文化活动场地租赁支出"] * 2]  # still found


@pytest.mark.parametrize("digits", [25, 1_000_001])  # one past Decimal's largest exponent overflowed it: a traceback
def test_a_number_of_more_digits_than_any_figure_is_one_item_used_nowhere(tmp_path, digits):
    report = tmp_path / "run.txt"
    report.write_text(HEAD + f"2023年部门整体支出{'3' * digits}万元，其中基本支出1.00万元。\n", encoding="utf-8")
    draft = draft_report(report)
    (item,) = [i for i in draft.items if i.place == "—"]
    assert item.unsure == f"一串 {digits:,} 位数字，没有哪个数值有这么多位"

    def values(node):
        if isinstance(node, dict):
            for v in node.values():
                yield from values(v)
        elif isinstance(node, list):
            for v in node:
                yield from values(v)
        elif isinstance(node, Decimal):
            yield node

    assert max(values(draft.params)) < 10 ** 12  # drafted nowhere


def test_a_draft_citing_long_sentences_once_a_figure_stays_within_what_a_params_file_may_be(tmp_path, capsys):
    """700 rates in one run of text with no sentence mark (a table flattened into a line): each cited its 1,000
    characters, a 1.5 MB draft `perfeval validate` then refused (1 MB); the sources are cut around their figure."""
    from perfeval.cli import main
    from perfeval.fileio import MAX_YAML_BYTES, read_yaml
    from perfeval.outputs.draft.entries import read_written

    report = tmp_path / "rates.txt"
    report.write_text(HEAD + "".join(f"预算执行率{50 + i % 50}.{i % 10}%，" for i in range(700)) + "\n",
                      encoding="utf-8")
    target = tmp_path / "d.yaml"
    assert main(["draft", str(report), "-o", str(target)]) == 0
    assert target.stat().st_size < MAX_YAML_BYTES and main(["validate", str(target)]) == 0
    capsys.readouterr()
    stated = [s for s in read_yaml(target)["stated"] if s["label"] == "预算执行率"]
    assert len(stated) >= 500 and all(len(s["source"]) <= 102 and "…" in s["source"] for s in stated[20:])
    marked = [(e.value, e.source[e.mark[0]:e.mark[1]]) for e in read_written(target.read_text(encoding="utf-8")).entries
              if e.group == "stated" and e.mark]  # the review page marks each rate in its window
    assert len(marked) >= 500 and all(shown.startswith(str(value)) for value, shown in marked)


@pytest.mark.parametrize("source, at, cut, moved", [
    ("一 " + "甲" * 300 + "12.5%" + "乙" * 300, 302, "…" + "甲" * 50 + "12.5%" + "乙" * 45 + "…", 51),
    ("一 12.5%" + "乙" * 300, 2, "一 12.5%" + "乙" * 93 + "…", 2),  # near the start: no … before
    ("一 " + "甲" * 300 + "12.5%", 302, "…" + "甲" * 95 + "12.5%", 96),  # near the end: none after
    ("一 " + "甲" * 300, None, "一 " + "甲" * 98 + "…", None),  # no place said: its start
])
def test_a_long_source_is_cut_to_the_window_around_its_figure(source, at, cut, moved):
    from perfeval.outputs.draft.sources import cut_sources, window

    assert window(source, at, 100) == (cut, moved)
    record = {"stated": [{"value": 12.5, "source": source, **({"at": at} if at is not None else {})}]}
    cut_sources(record, 100)
    assert record["stated"][0]["source"] == cut and record["stated"][0].get("at") == moved


def test_a_draft_past_a_params_files_bytes_even_cut_is_refused_by_name_with_what_to_do(tmp_path, monkeypatch):
    from perfeval.outputs.draft import writer

    report = tmp_path / "long.txt"
    report.write_text(HEAD + "".join(f"第{i}项活动支出{i}.50万元。" for i in range(200)) + "\n", encoding="utf-8")
    draft = draft_report(report)
    monkeypatch.setattr(writer, "MAX_YAML_BYTES", 10_000)  # a draft of ~40 kB against a bound of 10
    with pytest.raises(DraftError) as refused:
        settle(draft, tmp_path / "long.yaml")
    message = str(refused.value)
    assert "long.txt" in message and "its draft would be" in message and "more than the 10,000" in message
    assert "draft it in parts" in message and not (tmp_path / "long.yaml").exists()


def test_a_refusal_by_values_says_the_values_the_figures_were_written_as():
    """2,002 rates were refused "(2,002 figures drafted or more; at most about 2,857 …)": the count against the bound
    it passed is said."""
    from perfeval.fileio import too_many_values

    message = str(too_many_values("r.txt", 2002, 21_450))
    assert "2,002 figures drafted, written as 21,450 values; a params file holds 20,000" in message


def test_perfeval_draft_is_bounded_in_time_and_writes_nothing_when_the_bound_passes(tmp_path, capsys, monkeypatch):
    """Issue 24 class 17: `perfeval draft` alone had no bound (a batch's --timeout bounded its drafting only)."""
    import time

    from perfeval.cli import main
    from perfeval.outputs.draft import parts as draft  # where a command and a batch draft a report

    report = tmp_path / "slow.txt"
    report.write_text(HEAD + "2023年部门整体支出100.00万元。\n", encoding="utf-8")
    real = draft.draft_report

    def slow(*args, **kwargs):
        time.sleep(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(draft, "draft_report", slow)
    assert main(["draft", str(report), "-o", str(tmp_path / "d.yaml"), "--timeout", "0.5"]) == 1
    err = capsys.readouterr().err
    assert "slow.txt" in err and "did not finish within 0.5 seconds (--timeout)" in err and "draft it in parts" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow.txt"]
    monkeypatch.setattr(draft, "draft_report", real)  # the bound is lifted once the command ends
    assert main(["draft", str(report), "-o", str(tmp_path / "d.yaml"), "--timeout", "60"]) == 0


@pytest.mark.parametrize("given", ["0", "-5", "nan", "inf", "soon", "1e10", "99999999999999999999"])  # W32: overflow
def test_a_draft_timeout_that_could_never_fire_is_the_flags_mistake(tmp_path, capsys, given):
    from perfeval.cli import main

    report = tmp_path / "r.txt"
    report.write_text(HEAD, encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["draft", str(report), "--timeout", given])
    assert stop.value.code == 2 and "expected a positive number of seconds" in capsys.readouterr().err


def test_a_draft_whose_texts_fit_but_whose_file_would_not_is_cut_before_it_is_refused(tmp_path, monkeypatch):
    """The texts' share is a first guess: a draft that passes the bound only once written is cut, then written."""
    from perfeval.outputs.draft import writer
    from perfeval.outputs.draft.sources import too_large

    report = tmp_path / "rates.txt"
    report.write_text(HEAD + "".join(f"预算执行率{50 + i % 50}.{i % 10}%，" for i in range(200)) + "\n",
                      encoding="utf-8")
    draft = draft_report(report)
    assert not too_large(draft.params)
    monkeypatch.setattr(writer, "MAX_YAML_BYTES", 300_000)  # the uncut draft is about 600 kB
    text = settle(draft, tmp_path / "rates.yaml")
    assert len(text.encode("utf-8")) < 300_000 and "…, at: " in text


def test_a_frameworks_measures_are_resolved_once_and_the_same_when_asked_again():
    """Resolved once for all the rates of a report (they were resolved again for each, 3 s of 1,200 rates); a
    merge once left the cache returning the measures unresolved (a choice of denominator, not its default)."""
    from perfeval.core.framework import load_framework
    from perfeval.core.measures import Choose
    from perfeval.intake.report.placement import framework_measures

    fw = load_framework("dept_overall_a")
    first = framework_measures(fw)
    assert first and not any(isinstance(m, Choose) for m in first.values())
    assert framework_measures(fw) is first
    other = load_framework("self_assessment_b")
    assert framework_measures(other) is not first and framework_measures(fw) == first
