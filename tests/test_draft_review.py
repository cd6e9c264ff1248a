"""The review page's reading of a written draft: entries, values marked exactly, the tree, what does not reconcile."""
from __future__ import annotations

import re

import pytest
from perfeval.outputs.draft.entries import locate, read_written
from perfeval.outputs.draft.review import Links, review_page
from perfeval.outputs.draft.structure import reconciled, tree


@pytest.mark.parametrize("source, value, unit, after, marked", [
    ("三公经费85.00万元，其中因公出国0万元。", "0", "", "", "0万元"),
    ("三公经费85.00万元，其中因公出国0万元。", "85.00", "", "", "85.00万元"),
    ("桶各102个，疫情期间增设专用桶102个。", "102", "个", "专用桶", "102个"),
    ("2021年预算总额为722万，变动率为149.5%", "722", "万元", "", "722万"),
    ("较上年下降18.6%。", "-18.6", "%", "", "18.6%"),
    ("2023年末核定编制18名", "2023", "", "", None),  # a year is not a figure
])
def test_a_value_is_marked_where_the_parser_reads_it(source, value, unit, after, marked):
    span = locate(source, value, unit, after)
    assert (source[span[0]:span[1]] if span else None) == marked
    if span and after:
        assert span[0] > source.find(after)


DRAFT = """\
drafted_from: r.txt
unit: {id: u, name: 某中心, region: 某县, year: 2023, framework: dept_overall_a}
figures:
  lines:
    total:
      final: {value: 100.00, source: 一 支出100.00万元，其中基本支出40.00万元，项目支出50.00万元。}
    basic:
      final: {value: 40.00, source: 一 支出100.00万元，其中基本支出40.00万元，项目支出50.00万元。}
    project:
      final: {value: 50.00, source: 一 支出100.00万元，其中基本支出40.00万元，项目支出50.00万元。}
stated:
  - {id: s001, label: 档案, value: 10, unit: 卷, source: 二 档案10卷，其中文书6卷，照片5卷，另有图书3册。}
  - {id: s002, label: 文书, value: 6, unit: 卷, source: 二 档案10卷，其中文书6卷，照片5卷，另有图书3册。}
  - {id: s003, label: 照片, value: 5, unit: 卷, source: 二 档案10卷，其中文书6卷，照片5卷，另有图书3册。}
  - {id: s004, label: 图书, value: 3, unit: 册, source: 二 档案10卷，其中文书6卷，照片5卷，另有图书3册。}
claims:
  ratios:
    - {label: 基本支出占比, numerator: lines.basic.final, denominator: lines.total.final, kind: share, value: 45.0, source: 一 基本支出占45.0%。}  # 存疑：请核对
  identities:
    - {label: 档案, whole: s001, parts: [s002, s003], relation: '>=', source: 二 档案10卷，其中文书6卷，照片5卷，另有图书3册。}
"""


def test_the_tree_nests_parts_says_what_stands_outside_and_what_does_not_add_up():
    w = read_written(DRAFT)
    entries = reconciled(w.entries, w.data)
    problems = {e.key: e.problem for e in entries if e.problem}
    assert problems == {"claims.ratios[0]": "按 40.00 ÷ 100.00 重算为 40.0%，报告写 45.0%",
                        "claims.identities[0]": "分项合计 11卷，超过总数 10卷"}
    assert next(e for e in entries if e.key == "claims.ratios[0]").note == "存疑：请核对"
    total, archive = tree(entries, w.data)
    assert total.key == "lines.total.final" and total.breakdowns[0].relation == "="
    assert [p.key for p in total.breakdowns[0].parts] == ["lines.basic.final", "lines.project.final"]
    assert total.breakdowns[0].problem == "分项合计 90.00万元，总数 100.00万元，相差 -10.00万元"  # the difference carries its unit too
    assert [o.label for o in archive.breakdowns[0].outside] == ["图书"]


def test_the_page_puts_what_to_check_first_and_marks_no_figure_inside_another():
    page = review_page(DRAFT, Links(params="u.yaml", report="../units/u/u.html", index="../index.html"))
    first = page.split("<h2>", 2)[1]
    assert first.startswith("先核对（3）") and "相差 -10.00" in first and "基本支出占比" in first
    assert 'href="../units/u/u.html"' in page and 'href="../index.html"' in page and 'href="u.yaml"' in page
    assert "<mark>6卷</mark>" in page and "<mark>0" not in page


def test_a_params_file_drafted_before_the_batch_gets_its_review_page_there(tmp_path):
    from perfeval.outputs.batch.jobs import review_drafted_params

    params = tmp_path / "elsewhere" / "u.yaml"
    params.parent.mkdir()
    params.write_text(DRAFT, encoding="utf-8")
    confirmed = tmp_path / "c.yaml"
    confirmed.write_text(DRAFT.replace("drafted_from: r.txt\n", "").replace("id: u,", "id: c,"), encoding="utf-8")
    outputs = tmp_path / "outputs"
    for path in (params, confirmed):  # as the batch does for every params file it is given
        review_drafted_params(path, outputs)
    page = (outputs / "drafts" / "u.review.html").read_text(encoding="utf-8")
    assert 'href="../../elsewhere/u.yaml"' in page and 'href="../units/u/u.html"' in page
    assert not (outputs / "drafts" / "c.review.html").exists()  # a confirmed file has nothing left to confirm


def test_the_page_lists_what_the_draft_left_out_grouped_by_why_with_each_sentence(tmp_path, monkeypatch):
    """An analyst confirming a draft saw only what it holds: numbers read two ways or past the caps, entries that
    would not validate and content not read were said in the YAML's comments alone."""
    from perfeval.errors import FieldProblem
    from perfeval.outputs.draft import draft_report, write_draft, writer
    from perfeval.outputs.draft.review import write_review

    report = tmp_path / "r.txt"
    report.write_text("\n".join([
        "青松县档案馆2023年度部门整体支出绩效自评报告", "一、基本情况",
        "本馆2023年度支出总额318.40万元，其中基本支出250.00万元，项目支出68.40万元。",
        "馆藏资产3 450.60万元，<b>另</b>有库房两处。", "累计投入资金1234567890123456万元。"]) + "\n", encoding="utf-8")
    draft = draft_report(report)
    draft.skipped.append("Word 文件中隐藏文字 1 处未读取（Word 不显示）")
    draft.params.setdefault("claims", {}).setdefault("ratios", []).append(
        {"label": "比不了的比率", "numerator": "lines.basic.final", "denominator": "lines.total.final", "kind": "share",
         "value": 78.5, "source": "一 基本支出占支出总额的78.5%，合计78.5%。", "at": 13})
    scored, unnamed = writer._problems, FieldProblem("", "cannot compare or convert “人” and “个”")
    monkeypatch.setattr(writer, "_problems", lambda text, target: [unnamed] if "比不了的比率" in text.split(
        writer.EXCLUDED_HEAD)[0] else scored(text, target))
    params = write_draft(draft, tmp_path / "r.yaml")
    page = write_review(params, tmp_path / "r.html", Links(params="r.yaml")).read_text(encoding="utf-8")
    first = page.split("<h2>", 2)[1]
    assert first.startswith("先核对（3）")  # the three numbers not drafted: nothing of the draft itself is in doubt
    left_out = first.split('<div id="unentered">')[1].split("</div>")[0]
    assert re.findall(r"<h3>(.*?)</h3>", left_out) == ["读法存疑（1）", "超过 10^12，疑为笔误（1）", "未通过校验，已移出草稿（1）"]
    unread = page.split('<section id="unread">')[1].split("</section>")[0]
    assert "<h2>未读取（1）</h2>" in unread and "Word 文件中隐藏文字 1 处未读取（Word 不显示）" in unread
    assert "原句：" not in left_out  # the comment's own words
    assert "一 馆藏资产<mark>3 450.60万元</mark>，&lt;b&gt;另&lt;/b&gt;有库房两处。" in left_out  # escaped
    assert "一 累计投入资金<mark>1234567890123456万元</mark>。" in left_out
    assert "一 基本支出占支出总额的<mark>78.5</mark>%，合计78.5%。" in left_out  # where the record places it
    assert "cannot compare or convert" in left_out
    assert page.count('<article class="entry"') == len(read_written(params.read_text(encoding="utf-8")).entries)


def test_what_was_not_drafted_is_on_the_page_and_what_is_unsure_counts_to_check_first():
    """The draft's header said what the reader left out (未读取) and what it marked 存疑 and drafted nowhere, and its
    end what was taken out to validate; the page showed none of it, and 先核对 counted none of it."""
    text = ("# 未读取：Word 文件中SmartArt 图形 1 处的文字未读取（Word 显示为图形，其中的文字和数字请对照原文）\n"
            "# 存疑，未录入：办公设备购置支出1.268,40万元\n" + DRAFT
            + "\n# 存疑，未录入：以下各项使草稿无法通过校验，已移出（核对原文后可改正补回）\n"
              "# claims.statements[0].value：-25 cannot be another statement of 支出, which is never negative\n"
              "#   claims.statements[0]: {figure: lines.total.final, value: -25}\n")
    page = review_page(text, Links(params="u.yaml"))
    first = page.split("<h2>", 2)[1]
    assert first.startswith("先核对（5）") and "1.268,40" in first and "never negative" in first
    assert "<h2>未读取（1）</h2>" in page and "SmartArt 图形 1 处" in page


def test_numbers_the_reader_took_for_no_figure_are_listed_by_sentence_folded(tmp_path):
    """An analyst could not see the numbers the reader left out as no figures (an address, a postcode, a telephone
    number): they were in neither the draft nor the page. Each sentence holding such numbers is listed with them
    marked, apart from 先核对; figures, years, dates and a heading's number are not listed."""
    from perfeval.outputs.draft import draft_report, write_draft
    from perfeval.outputs.draft.review import write_review

    report = tmp_path / "r.txt"
    report.write_text("\n".join([
        "青松县档案馆2023年度部门整体支出绩效自评报告", "一、基本情况",
        "本馆2023年度支出总额318.40万元，其中基本支出250.00万元，项目支出68.40万元。",
        "1. 单位地址：青松县河东路88号，邮编：414000。", "监督电话：0730-1234567，2023-09-15起公开。"]) + "\n",
        encoding="utf-8")
    params = write_draft(draft_report(report), tmp_path / "r.yaml")
    text = params.read_text(encoding="utf-8")
    assert "# 未作为数据的数字：88、414000\n" in text and "# 未作为数据的数字：0730、1234567\n" in text
    page = write_review(params, tmp_path / "r.html", Links(params="r.yaml")).read_text(encoding="utf-8")
    listed = page.split('<section id="not-figures">')[1].split("</section>")[0]
    assert "<h2>未作为数据的数字（2 句）</h2>" in listed
    assert "summary > h2 { display: inline;" in page  # its heading on the line of the ▶, not a bare ▶ above it
    assert "单位地址：青松县河东路<mark>88</mark>号，邮编：<mark>414000</mark>。" in listed
    assert "监督电话：<mark>0730</mark>-<mark>1234567</mark>，2023-09-15起公开。" in listed
    assert "318.40" not in listed and "<mark>2023</mark>" not in listed and "<mark>1</mark>" not in listed
    assert "<h2>先核对" not in page  # nothing to check first: they are in neither the draft nor the score


def test_an_entry_taken_out_is_named_by_its_label_and_unit_not_its_path():
    from perfeval.outputs.draft.entries import EXCLUDED_HEAD, read_unread
    text = "\n".join([EXCLUDED_HEAD, "# figures.lines.sangong.budget：不能为 0",
                      "#   figures.lines.sangong.budget: {value: 0, source: 某年某项：0, at: 3}"])
    (taken,) = read_unread(text)
    assert taken.what == "“三公”经费·本年预算数 0万元"  # it read "figures.lines.sangong.budget 0"


def test_a_total_standing_twice_in_the_structure_is_listed_once_to_check_first():
    """A total that is a part of two breakdowns stands twice in the tree read; its parts not adding up is one thing
    to check, listed and counted once (trial 7: 先核对 held 公用经费's 分项合计 … 超过总数 twice)."""
    from perfeval.outputs.draft.review import _unreconciled
    from perfeval.outputs.draft.structure import Breakdown, Node

    items = tuple(Node(f"i{k}", f"项目{k}", v, "万元") for k, v in enumerate(("60.00", "50.00")))
    public = Node("public", "公用经费", "80.00", "万元",
                  (Breakdown(items, "=", problem="分项合计 110.00万元，超过总数 80.00万元"),))
    basic = Node("basic", "基本支出", "200.00", "万元", (Breakdown((Node("staff", "人员经费", "120.00", "万元"), public)),))
    spending = Node("spending", "支出", "300.00", "万元", (Breakdown((basic, Node("proj", "项目支出", "100.00", "万元"))),
                                                         Breakdown((public,), ">=")))
    listed = _unreconciled([spending], [])
    assert listed == ['<li><a href="#e-public">公用经费</a>：分项合计 110.00万元，超过总数 80.00万元</li>']
