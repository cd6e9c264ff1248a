"""`perfeval draft` from the command line: what it writes and prints, what it refuses, and how it fails."""
from __future__ import annotations

from pathlib import Path

import pytest

from perfeval.cli import main
from perfeval.core.engine import load_unit
from perfeval.fileio import read_yaml

DATA = Path(__file__).parent / "data"
NARRATIVE = DATA / "planted" / "archives_2023.txt"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["draft", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_writes_the_params_and_the_review_and_prints_what_it_holds(tmp_path, capsys):
    target = tmp_path / "qinghe.yaml"
    code, out, _ = run(capsys, str(NARRATIVE), "-o", str(target), "--unit-id", "qinghe_archives_2023")
    assert code == 0
    assert load_unit(target).params.unit.id == "qinghe_archives_2023"
    review = (tmp_path / "qinghe.review.html").read_text(encoding="utf-8")
    assert "据报告文本自动提取，未经核对" in review and "青禾县档案馆" in review
    for heading in ("figures:", "rates:", "identities:", "repeated figures:", "table rows:", "to check first:"):
        assert heading in out
    assert "contradicted 2" in out  # the 变动率 and the share of 项目支出 planted in the report


def test_refuses_to_replace_a_file_without_force(tmp_path, capsys):
    target = tmp_path / "d.yaml"
    target.write_text("keep", encoding="utf-8")
    code, _, err = run(capsys, str(NARRATIVE), "-o", str(target))
    assert code == 1 and "already exists" in err and target.read_text(encoding="utf-8") == "keep"
    assert run(capsys, str(NARRATIVE), "-o", str(target), "--force")[0] == 0


@pytest.mark.parametrize("name,content,words", [
    ("report.doc", b"\xd0\xcf\x11\xe0 old word", "is not a report this reader knows"),
    ("report.pdf", b"not a pdf at all", "is not a PDF file"),
])
def test_a_report_it_cannot_read_fails_by_name_and_writes_nothing(tmp_path, capsys, name, content, words):
    report = tmp_path / name
    report.write_bytes(content)
    code, _, err = run(capsys, str(report), "-o", str(tmp_path / "out.yaml"))
    assert code == 1 and str(report) in err and words in err and "Traceback" not in err
    assert not (tmp_path / "out.yaml").exists() and not (tmp_path / "out.review.html").exists()


def test_text_from_the_report_is_escaped_in_the_review(tmp_path, capsys):
    report = tmp_path / "hostile.txt"
    report.write_text("2023年度部门整体支出绩效自评报告\n单位名称：<script>alert(1)</script>中心\n"
                      "一、支出\n2023年项目支出100.00万元，其中<img src=x onerror=alert(2)>支出60.00万元。\n",
                      encoding="utf-8")
    assert run(capsys, str(report), "-o", str(tmp_path / "h.yaml"))[0] == 0
    page = (tmp_path / "h.review.html").read_text(encoding="utf-8")
    assert page.count("<script") == 2 and "<img" not in page and "&lt;script&gt;" in page  # the page's own two
    assert load_unit(tmp_path / "h.yaml").params.unit.name == "<script>alert(1)</script>中心"


def test_a_framework_file_is_named_relative_to_the_params(tmp_path, capsys):
    framework = Path(__file__).parent.parent / "params" / "frameworks" / "dept_overall_a_provincial.yaml"
    target = tmp_path / "sub" / "d.yaml"
    assert run(capsys, str(NARRATIVE), "-o", str(target), "--framework", str(framework))[0] == 0
    written = read_yaml(target)["unit"]["framework"]
    assert not Path(written).is_absolute() and (target.parent / written).resolve() == framework.resolve()
    assert load_unit(target).framework.id != "dept_overall_a"


def test_an_unknown_framework_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, str(NARRATIVE), "-o", str(tmp_path / "d.yaml"), "--framework", "no_such")
    assert code == 1 and "no_such" in err and not (tmp_path / "d.yaml").exists()


def test_a_draft_it_cannot_write_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    code, _, err = run(capsys, str(NARRATIVE), "-o", str(tmp_path / "a-file" / "d.yaml"))
    assert code == 1 and "cannot write" in err and "a-file" in err and "Traceback" not in err
    assert not (tmp_path / "a-file").is_dir()


@pytest.mark.parametrize("breaker", ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\x1b[2J", "\x0b", "\x0c",
                                     "\x1c", "\t"])
def test_a_file_name_with_a_line_break_or_control_cannot_reach_the_draft_as_yaml(tmp_path, capsys, breaker):
    """The report's file name comes from whoever sent it: in the header it is a comment, in drafted_from a value,
    and neither may start a key of its own (a name holding '\\nnot_applicable: …' once did) or break the file."""
    name = f"x{breaker}not_applicable: {{A1: injected}}{breaker}interpretations: [1]{breaker}#.txt"
    report = tmp_path / name
    report.write_bytes(NARRATIVE.read_bytes())
    target = tmp_path / "d.yaml"
    code, _, err = run(capsys, str(report), "-o", str(target), "--unit-id", "qinghe_archives_2023")
    assert code == 0, err
    params = read_yaml(target)
    assert "not_applicable" not in params and "interpretations" not in params
    assert load_unit(target).params.drafted_from == params["drafted_from"]
    assert "not_applicable: {A1: injected}" in params["drafted_from"]  # the name is kept, as a value
    assert "\x1b" not in target.read_text(encoding="utf-8")


def test_a_report_whose_name_is_in_gbk_bytes_drafts(tmp_path, capsys):
    """A name in GBK bytes (as unzip makes from a Chinese Windows archive) ended `draft` in UnicodeEncodeError (the
    id hashed its surrogates) and its unit.document failed validation, "a fault of the reader"."""
    import os

    report = tmp_path / os.fsdecode("青禾档案馆 2023.txt".encode("gbk"))
    report.write_bytes(NARRATIVE.read_bytes())
    code, _, err = run(capsys, str(report), "-o", str(tmp_path / "d.yaml"))
    assert code == 0 and "Traceback" not in err, err
    unit = read_yaml(tmp_path / "d.yaml")["unit"]
    assert unit["document"] == "青禾档案馆 2023.txt" and unit["id"].startswith("draft-")


def test_a_report_with_a_chinese_name_drafts_under_an_ascii_locale(tmp_path):
    """Under LC_ALL=C with PYTHONUTF8=0 (cron, minimal containers) every non-ASCII name reaches Python as bytes; the
    draft failed as "a fault of the reader", and in a batch the unit's id could not name its folder."""
    import os
    import subprocess
    import sys

    report = tmp_path / "青禾档案馆2023年报告.txt"
    report.write_bytes(NARRATIVE.read_bytes())
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONUTF8="0")
    done = subprocess.run([sys.executable, "-m", "perfeval", "draft", report.name, "-o", "d.yaml"], cwd=tmp_path,
                          capture_output=True, env=env)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert read_yaml(tmp_path / "d.yaml")["unit"]["document"] == "青禾档案馆2023年报告.txt"


@pytest.mark.parametrize("unit_id", ["../../x/sub/evil", "a/b", "Upper", "nul", ""])
def test_an_unsafe_unit_id_is_refused_before_anything_is_created(tmp_path, capsys, monkeypatch, unit_id):
    work = tmp_path / "work" / "here"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    before = sorted(tmp_path.rglob("*"))
    code, _, err = run(capsys, str(NARRATIVE), "-o", "out/d.yaml", "--unit-id", unit_id)
    assert code == 1 and "--unit-id" in err and "lower-case letters" in err and "Traceback" not in err
    assert sorted(tmp_path.rglob("*")) == before  # no folder for the draft, none along the id's path


def test_a_report_naming_no_year_drafts_with_the_year_marked_unsure(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text("附件1\n部门整体支出绩效自评报告\n单位名称：某某镇农业服务中心\n", encoding="utf-8")
    code, out, _ = run(capsys, str(report), "-o", str(tmp_path / "out.yaml"))
    assert code == 0 and "报告未载明评价年度" in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_name_and_year_given_override_the_report(tmp_path, capsys):
    target = tmp_path / "d.yaml"
    code, _, _ = run(capsys, str(NARRATIVE), "-o", str(target), "--name", "青禾县档案局", "--year", "2022")
    unit = load_unit(target).params.unit
    assert code == 0 and (unit.name, unit.year) == ("青禾县档案局", 2022)



@pytest.mark.parametrize("name", ["青禾县\nnot_applicable: [budget_execution]", "青禾县\r档案局", "青禾\u2028档案局",
                                  "青禾县\x1b[31m档案局", "青禾\x0b档案局", "\u202e局案档"])
def test_a_name_given_with_a_line_break_or_control_is_the_flags_mistake_and_nothing_is_written(tmp_path, capsys, name):
    """Trial 4's U19: `--name` with a newline or ESC was accepted and carried into every output (--unit-id is refused)."""
    target = tmp_path / "d.yaml"
    with pytest.raises(SystemExit) as stop:
        run(capsys, str(NARRATIVE), "-o", str(target), "--name", name)
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "--name" in err and "one line without control characters" in err, err
    assert "\x1b" not in err and not target.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("year", ["20245", "1989", "abc", "-1"])
def test_a_year_given_outside_what_params_take_is_the_flags_mistake_and_nothing_is_written(tmp_path, capsys, year):
    """--year 20245 drafted, then said the draft "does not validate, which is a fault of the reader"."""
    target = tmp_path / "d.yaml"
    with pytest.raises(SystemExit) as exit_:
        run(capsys, str(NARRATIVE), "-o", str(target), "--year", year)
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and f"argument --year: expected a year from 1990 to 2100, found '{year}'" in err
    assert "fault of the reader" not in err and not list(tmp_path.iterdir())


# 一是…已于本年度支出50万元 and 二是…已于本年度支出120万元 are two items' spending, no figure stated twice (the reader
# once asked about them); the spending of 设备更新经费 stated as 102 in 一、 and as 120 in 二、 is one figure written two ways
SPENT_AS_BUDGETED = ("某某县文化局2023年部门整体支出绩效自评报告\n一、基本情况\n2023年我局设备更新经费已于本年度支出102万元。\n"
                     "二、项目支出情况\n2023年我局项目支出分两类，一是图书购置经费预算50万元，已于本年度支出50万元，预算完成率100%。"
                     "二是设备更新经费预算120万元，已于本年度支出120万元，预算完成率100%。\n")


def test_the_command_counts_what_to_check_first_as_the_review_page_lists_it(tmp_path, capsys):
    """The command's count is the page's 先核对, the entries marked 存疑 in the written draft (here the 设备更新经费
    spent, 102 in 一、, stated again as 120); a 预算完成率 of 100% is explained by the spending over the sum its sentence names (05aefbe:
    of two equal figures the words say which divides), not left ambiguous."""
    report = tmp_path / "r.txt"
    report.write_text(SPENT_AS_BUDGETED, encoding="utf-8")
    code, out, _ = run(capsys, str(report), "-o", str(tmp_path / "r.yaml"))
    marked = (tmp_path / "r.yaml").read_text(encoding="utf-8").count("# 存疑")
    page = (tmp_path / "r.review.html").read_text(encoding="utf-8")
    assert code == 0 and marked == 1 and "explained 2" in out and "2 drafted as rates" in out
    assert f"to check first: {marked} item(s)" in out and f"先核对（{marked}）" in page


def test_the_review_page_marks_a_restatement_where_the_reader_found_it(tmp_path, capsys):
    """预算120万元，已于本年度支出120万元: the restatement is the second 120万元, at the offset the reader recorded in
    the draft (`at`), not the first equal value a search for 120 would find."""
    report = tmp_path / "r.txt"
    report.write_text(SPENT_AS_BUDGETED, encoding="utf-8")
    assert run(capsys, str(report), "-o", str(tmp_path / "r.yaml"))[0] == 0
    data = read_yaml(tmp_path / "r.yaml")
    [again] = [s for s in data["claims"]["statements"] if s["value"] == 120]
    assert again["source"][again["at"]:].startswith("120万元，预算完成率")
    page = (tmp_path / "r.review.html").read_text(encoding="utf-8")
    entry = page[page.index("再次陈述：设备更新经费已于本年度支出"):]
    entry = entry[:entry.index("</article>")]
    assert "预算120万元，已于本年度支出<mark>120万元</mark>" in entry and entry.count("<mark>") == 1


@pytest.mark.parametrize("outputs", [
    ("-o", "r.txt"),  # the report itself
    ("-o", "link.yaml"),  # a link to the report
    ("-o", "r.yaml", "--review", "r.txt"),
    ("-o", "r.yaml", "--review", "hard.html"),  # a hard link to the report
    ("-o", "r.review.html"),  # YAML written into a page, the page into r.review.review.html
    ("-o", "r.json"),
    ("-o", "r.yaml", "--review", "r.yaml"),
])
def test_no_output_replaces_the_report_even_with_force(tmp_path, capsys, monkeypatch, outputs):
    import os

    monkeypatch.chdir(tmp_path)
    report = tmp_path / "r.txt"
    report.write_bytes(NARRATIVE.read_bytes())
    (tmp_path / "link.yaml").symlink_to(report)
    os.link(report, tmp_path / "hard.html")
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = run(capsys, "r.txt", *outputs, "--force")
    assert code == 1 and "Traceback" not in err
    assert ("is the report being drafted" in err) or ("name the" in err and "*." in err), err
    assert report.read_bytes() == NARRATIVE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


def test_folders_an_output_path_makes_are_said(tmp_path, capsys):
    """A typo in -o (/nonexistent/dir/x.yaml) made folders anywhere without a word."""
    target = tmp_path / "typo" / "sub" / "d.yaml"
    code, out, _ = run(capsys, str(NARRATIVE), "-o", str(target))
    assert code == 0 and target.is_file()
    assert [line for line in out.splitlines() if line.startswith("made folder")] == [f"made folder {tmp_path / 'typo'}"]
    code, out, _ = run(capsys, str(NARRATIVE), "-o", str(target), "--force")
    assert code == 0 and "made folder" not in out


def test_a_full_disk_leaves_the_old_draft_and_its_review_page_together(tmp_path, capsys, monkeypatch):
    """A full disk once replaced the draft and failed on its page: the old page, which saves the draft it carries,
    stood beside the new draft, and an analyst would have confirmed the other unit's draft."""
    import errno

    from perfeval import fileio

    target, page = tmp_path / "d.yaml", tmp_path / "d.review.html"
    assert run(capsys, str(NARRATIVE), "-o", str(target))[0] == 0
    before = target.read_bytes(), page.read_bytes()
    real = fileio._write_temp

    def full_at_the_page(path, data):
        if path == page:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(fileio, "_write_temp", full_at_the_page)
    code, _, err = run(capsys, str(NARRATIVE), "-o", str(target), "--force", "--name", "另一个单位")
    assert code == 1 and "No space left" in err and "Traceback" not in err
    assert (target.read_bytes(), page.read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.review.html", "d.yaml"]  # no temporary file left


@pytest.mark.parametrize("flags,words", [
    (["--name", "长" * 2001], "argument --name: expected at most 2000 characters, found 2001"),
    (["--name", " "], "argument --name: expected a value, found an empty one"),
    (["-o", ""], "argument -o/--output: expected a value, found an empty one"),
    (["--review", ""], "argument --review: expected a value, found an empty one"),
    (["--framework", ""], "argument --framework: expected a value, found an empty one"),
])
def test_a_flag_the_draft_cannot_take_is_the_flags_mistake_and_nothing_is_written(tmp_path, capsys, monkeypatch,
                                                                                  flags, words):
    """--name of 5,000 characters was drafted and then blamed on "a fault of the reader"; -o "" wrote to the
    default folder unsaid."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        run(capsys, str(NARRATIVE), *flags)
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and words in err and "fault of the reader" not in err
    assert not list(tmp_path.iterdir())
