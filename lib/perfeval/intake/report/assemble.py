"""A report drafted into params: every figure it states placed where the evidence model keeps it, with its source.

Where a figure goes, in order of preference: a catalogue figure when its label names one (the base data table's
cell before the narrative's restatement of it); a row of the 绩效自评表, a project of 附件2-4, a part of a list of
items, a claim (a rate explained by its neighbours, a section's score, the claimed total); otherwise a stated figure
of the unit's own. A figure stated again becomes a statement of the first (so `score` compares the two), a stated
rate the claim its reading gives, a 其中 list an identity or the items of a total. Every entry cites the section
and sentence it came from; what the reader cannot settle is marked 存疑 beside the entry.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Sequence

from ...core.figures import BREAKDOWNS, LINES, is_figure_path, unit_of
from ...core.framework import Framework, load_framework
from ...core.params import LARGEST
from ...core.quantity import UNITS, Qualifier, agrees, canonical_unit, commensurable, contradicts
from ...fileio import MAX_FIGURES, too_many_values
from ...safetext import readable_path
from .attribute_lists import attribute_lists
from .budgets import ADJUSTMENTS, WHOLE, Budget, adjusted_budget, line_budgets, whole_budget
from .catalogue import (
    Mapped,
    catalogue_path,
    covers_every_category,
    normalise,
    path_named,
    with_unit_of_its_figure,
)
from .document import Document, read_document
from .document_kind import document_kind
from .evaluated import evaluated_spending, project_sections
from .lists import Listed, find_lists
from .mentions import COUNTED_OBJECTS, Mention, clean_label, prose_mentions
from .named_sums import sums_in_words
from .model import Draft, Item, Reading
from .paragraph_parts import paragraph_parts
from .placement import by_sentence, number, qualified
from .rate_claims import RateClaims
from .rates import RateFound
from .records import Records
from .row_places import Place, place_row
from .run_on import run_on
from .section_scores import SectionStated, section_statements
from .staff_lists import attached_to_their_count
from .tables import IndicatorLine, Tables, read_tables
from .totals import find_totals
from .unit import UnitFacts, claimed_total, first_report, projects_claim, read_unit, unit_id_for

_ROW_RATE = {"target": "绩效自评表的年度指标值：目标，不由其他数字复算",
             "actual": "绩效自评表的实际完成值：报告未载明其计算所用的数字"}
MIN_ROW_NAME = 4  # characters of a 绩效自评表 indicator's name a sentence must repeat to restate its value
NOT_STATED = "（报告未载明）"
_OPS = {Qualifier.AT_LEAST: ">=", Qualifier.AT_MOST: "<=", Qualifier.ABOVE: ">", Qualifier.BELOW: "<"}


def draft_report(path: str | Path, framework: str | None = None, unit_id: str | None = None,
                 name: str | None = None, year: int | None = None, document: Document | None = None) -> Draft:
    """Read a report (.txt, .docx, .pdf) into a draft params file; a DraftError only when it cannot be read.

    name, year: the unit's name and the year evaluated as the analyst gives them, over what the report says.
    document: the report already read (a part of it, when the whole states more than a draft may hold).
    """
    path = Path(path)
    # a file holding another unit's report after it: the first alone (a part of it, cut by outputs/draft/parts.py)
    document = first_report(read_document(path) if document is None else document)
    return _Assembly(document=document, report=path, framework_name=framework, unit_id=unit_id, name=name,
                     year_given=year).draft()


def _detect_framework(tables: Tables) -> str:
    return "self_assessment_b" if tables.lines else "dept_overall_a"


@dataclass(kw_only=True)
class _Assembly(RateClaims, Records):
    """One drafting: the report read, its figures placed, the params written."""

    document: Document
    report: Path
    framework_name: str | None
    unit_id: str | None
    name: str | None = None
    year_given: int | None = None

    # ------------------------------------------------------------ the whole

    def draft(self) -> Draft:
        facts = read_unit(self.document, self.name, self.year_given)
        year = int(facts.year.value) if facts.year else None
        tables = read_tables(self.document, year)
        fw = load_framework(self.framework_name or _detect_framework(tables))
        self.year, self.readings = year, {k: i.default for k, i in fw.readings_in_force().items()}
        self.item_sections = project_sections(self.document)
        read = [with_unit_of_its_figure(m, year) for m in prose_mentions(self.document, tables.taken, tables.taken_cells)]
        prose = self._within_bounds(read)
        tables.cells = [c for c in tables.cells if self._within_bounds([c.mention])]
        self.params = {"unit": self._unit(facts, fw)}
        sections = self._sections(prose, fw)
        self._claimed(tables, prose, facts, fw)
        self._catalogue(tables, prose, year)
        self.figures = self._catalogue_mentions(tables, prose)
        rows = self._rows(tables, prose, fw)
        self._sums(tables, rows)
        free = [m for m in prose if id(m) not in self.taken]
        lists = run_on(attached_to_their_count(find_lists(self.document, free, self._stated_under, tables.row_totals()), free, self._path),
                       free)
        lists += find_totals(free, lists) + tables.totals
        lists += sums_in_words(self.document, free, lists)
        lists += paragraph_parts(self.document, free, lists)
        lists += attribute_lists(lists, free)
        lists = [lst for lst in lists if _DIGIT.search(lst.whole.written)]  # 内设三个科室，其中…: a count in words
        # names how many kinds follow, not a total their figures make (办公室2个岗位、业务科3个岗位)
        self._other_figures({id(p): lst.whole for lst in lists for p in lst.parts})
        self._opening_parts({id(p): lst.whole for lst in lists for p in lst.parts})
        self.total_labels = {id(lst.whole): "、".join(p.label for p in lst.parts) + "合计" for lst in lists
                             if lst.shape == "summed" and not lst.whole.label and all(p.label for p in lst.parts)}
        rates = self._rates(tables, [m for m in free if id(m) not in self.restated], lists, fw)
        operands = {id(x) for r in rates if r.status in ("explained", "contradicted") and r.reading
                    for x in (r.reading.numerator, r.reading.denominator)}
        self.written_lists = self._lists(lists, operands)
        stated = self._stated(tables, prose, rates)
        if len(stated) > MAX_FIGURES:  # refused here, not after pairing them (quadratic at worst)
            raise too_many_values(str(self.report), len(stated))
        self.repeated = self._repeats(stated)
        claims = self._claims(rates, self.written_lists, sections, fw)
        self._points_claims([m for _, m in stated], claims)
        self._evaluated_claim(evaluated_spending(self.document, [m for m in prose if self._ref(m) is not None]), claims)
        self._section_pairs(tables, sections)
        self._assemble(rows, tables, stated, claims)
        placed = list({id(m): m for m in self.placed}.values())
        for found in self.row_rates:
            self.items.append(Item("rate", "indicators", f"{found.rate.label} {found.rate.written}：{found.why}",
                                   (found.rate.where,), "unexplained", highlight=(found.rate.written,)))
        return Draft(str(self.report), self.params, self.notes, self.items, placed, rates=rates + self.row_rates,
                     sections=sections, lists=[lst for lst, _ in self.written_lists], catalogue=self.figures,
                     repeats=self.repeated, restated=self.restated_rows, pairs=self.pairs, same_claim=self.same_claim,
                     sums=self.sums, skipped=[*self.document.skipped, *tables.skipped],
                     reading=Reading(self.document, tuple(read), frozenset(tables.taken), frozenset(tables.taken_cells)),
                     year_named=facts.year is not None)

    def _within_bounds(self, mentions: list[Mention]) -> list[Mention]:
        """Figures a params file can hold, read surely; one beyond 10^12 of its unit (a typo in the report) or written so
        that it reads two ways (1.268,40) is listed for review and drafted nowhere."""
        kept = []
        for m in mentions:
            if m.doubt:
                self.items.append(Item("stated", "—", f"{m.label or '数字'} {m.written}：读法存疑，未录入",
                                       (m.where,), unsure=m.doubt, highlight=(m.written,)))
                continue
            if abs(m.quantity.value) <= Decimal(LARGEST):
                kept.append(m)
                continue
            self.items.append(Item("stated", "—", f"{m.label or '数字'} {m.written}：超过 10^12，疑为笔误，未录入",
                                   (m.where,), unsure="数值超出可录入范围，请核对原文", highlight=(m.written,)))
        return kept

    # ------------------------------------------------------------ the unit

    def _unit(self, facts: UnitFacts, fw: Framework) -> dict[str, Any]:
        year = int(facts.year.value) if facts.year else date.today().year - 1
        unit = {"id": unit_id_for(self.report, self.unit_id),
                "name": facts.name.value if facts.name else NOT_STATED,
                "region": facts.region or NOT_STATED, "year": year}
        if facts.budget_code:
            unit["budget_code"] = facts.budget_code.value
        given = self.framework_name or ""
        unit.update(framework=str(Path(given).resolve()) if given.lower().endswith((".yaml", ".yml")) else fw.id,
                    document=readable_path(self.report.name))  # a GBK name's bytes decoded: a params string
        kind = document_kind(self.document.sentences())
        if kind:
            unit["document_kind"] = kind.value
        stated = (facts.name, facts.year, facts.budget_code)
        evidence = tuple(x.where for x in stated if x and x.where)
        doubts = [f"报告未载明{what}，请补填" for what, x in (("单位名称", facts.name), ("地区", facts.region)) if not x]
        if facts.year is None and facts.year_masked:
            doubts.append(f"报告中的年份被隐去（写作“{facts.year_masked}”），评价年度无从读出，暂按起草时的上一年（{year}），请核对")
        elif facts.year is None:
            doubts.append(f"报告未载明评价年度，暂按起草时的上一年（{year}），请核对")
        doubts += [f"{what}据{x.basis}推断（{x.value}），请核对" for what, x in (("单位名称", facts.name),
                                                                        ("评价年度", facts.year)) if x and not x.sure]
        bases = "，".join(f"{what}据{x.basis}" for what, x in (("名称", facts.name), ("年度", facts.year)) if x)
        unsure = "；".join(doubts) or None
        self.items.append(Item("unit", "unit", f"{unit['name']}，{year} 年，框架 {fw.id}" + (f"（{bases}）" if bases else ""),
                               evidence, unsure=unsure, highlight=tuple(x.value for x in stated if x and x.where)))
        if unsure:
            self._note(unit, f"存疑：{unsure}")
        return unit

    # ------------------------------------------------------------ claims about scores

    def _sections(self, prose: list[Mention], fw: Framework) -> list[SectionStated]:
        out = []
        for sentence in by_sentence(prose):
            found = section_statements(sentence, fw)
            if found:
                out.append(found)
                for m in found.mentions:
                    self._place(m)
        return out

    def _claimed(self, tables: Tables, prose: list[Mention], facts: UnitFacts, fw: Framework) -> None:
        claims = self.params.setdefault("claims", {})
        execution = next((n.id for _, n in fw.leaves() if n.role == "budget_execution"), None)
        spent_in = {c.mention.where.block for c in tables.cells if c.path == "budget.executed"}  # once: linear
        for cell in tables.cells:
            budget_row = cell.mention.where.block in spent_in
            if execution and budget_row and cell.mention.where.column and "得分" in cell.mention.where.column:
                self._place(cell.mention)
                claims.setdefault("scores", {})[execution] = number(cell.mention)
                self.items.append(Item("claim", f"claims.scores.{execution}",
                                       f"{fw.leaf(execution).name if fw.leaf(execution) else execution} 自评得分 "
                                       f"{cell.mention.written}", (cell.mention.where,), highlight=(cell.mention.written,)))
        kind = document_kind(self.document.sentences())
        whole = bool(kind and kind.value == "部门整体支出绩效自评")  # a project's score or grade claims nothing there
        total = tables.total or claimed_total([m for m in prose if id(m) not in self.taken], self.year, whole=whole)
        if total is not None:
            self._place(total)
            claims["total"] = number(total)
            claims["total_source"] = total.cite()
            self.items.append(Item("claim", "claims.total", f"自评总分 {total.written}", (total.where,),
                                   highlight=(total.written,)))
        said = facts.grade
        if said and whole and said.where and projects_claim(said.where.text, said.value):
            said = None
        grade = tables.grade or ((said.value, said.where) if said else None)
        if grade is not None:
            claims["grade"] = grade[0]
            doubt = said.basis if not tables.grade and said and not said.sure else None
            self.items.append(Item("claim", "claims.grade", f"自评等次 {grade[0]}", (grade[1],), unsure=doubt,
                                   highlight=(grade[0],)))

    # ------------------------------------------------------------ catalogue figures

    def _catalogue(self, tables: Tables, prose: list[Mention], year: int | None) -> None:
        for cell in tables.cells:
            if cell.path:
                self.mapped[id(cell.mention)] = Mapped(cell.path, cell.mention.label)
        for sentence in by_sentence(prose):
            previous = None
            for m in sentence:
                if id(m) in self.taken:
                    previous = None
                    continue
                found = catalogue_path(m, year, previous)
                if found is not None and found.path.startswith("budget.") and _PROJECT.search(_item_subject(m)):
                    found = None  # 1.高标准农田建设项目：全年预算2850.00万元: the project's budget, not the department's
                if found is not None and found.path.startswith("staff.") and _of_another_body(m):
                    found = None  # 所属事业单位15个，…，核定编制数320人: the subordinate units' staff, not the unit's (W2)
                if found is not None:
                    self.mapped[id(m)] = found
                if not (found is not None and found.path in ADJUSTMENTS and previous is not None
                        and previous.path.startswith("lines.")):  # a line's 追加 goes on with its line: …，实际支出
                    previous = found
            for budget in line_budgets(sentence, self._path):
                self._line_budget(budget)

    def _line_budget(self, budget: Budget) -> None:
        """A line's budget its sentence adjusts (“三公”经费年初预算12.00万元，年中追加6.00万元): the adjustments are the
        line's, no department 追加; the opening part is a figure of the unit's own; the line's budget is the whole
        after them, as stated or added up."""
        for m in (budget.opening, *budget.adjustments):
            del self.mapped[id(m)]
        whole = budget.whole or budget.assembled()
        self.mapped[id(whole)] = Mapped(budget.path, whole.lead)
        self.wholes[id(budget.opening)] = whole
        if budget.whole is None:
            self.assembled[id(whole)] = whole

    def _catalogue_mentions(self, tables: Tables, prose: list[Mention]) -> dict[str, list[Mention]]:
        """Catalogue path → the mentions stating it, table cells first (a table is where a figure is set down)."""
        found: dict[str, list[Mention]] = {}
        for cell in tables.cells:
            for path in (cell.path, cell.also):
                if path:
                    found.setdefault(path, []).append(cell.mention)
        for m in sorted((m for m in prose if id(m) in self.mapped), key=lambda m: (m.where.cell is None, m.order)):
            found.setdefault(self.mapped[id(m)].path, []).append(m)
        for m in list(self.assembled.values()):  # a line's budget added up, unless the report states it elsewhere
            path = self.mapped[id(m)].path
            if path in found:
                del self.assembled[id(m)], self.mapped[id(m)]
                self.wholes = {k: found[path][0] if w is m else w for k, w in self.wholes.items()}
            else:
                found[path] = [m]
        whole = whole_budget(lambda path: found[path][0] if path in found else None)
        if whole is not None:
            added = whole.assembled()
            self.assembled[id(added)], self.wholes[id(whole.opening)] = added, added
            self.mapped[id(added)] = Mapped(WHOLE, added.lead)
            found[WHOLE] = [added]
        return found

    def _other_figures(self, whole_of: dict[int, Mention]) -> None:
        """A catalogue line's statement whose words put it in the other column goes to that column (基本支出 in
        支出预算23,264.53万元，其中：基本支出… is the budget's, a part taking the column its total's words name); a later
        statement naming another quantity of its kind (年初结转结余 and 年末结转结余) stays a stated figure of the unit's
        own — never a second value of the first."""
        def column(m: Mention) -> str | None:
            whole = whole_of.get(id(m))
            return _column_word(m) or (_named_column(whole) if whole is not None else None)

        for path, mentions in list(self.figures.items()):
            head, _, own = path.rpartition(".")
            for m in [m for m in mentions if m.where.cell is None]:
                col = column(m)
                other = f"{head}.{'budget' if col == 'budget' else 'final'}"
                if path.startswith("lines.") and own in ("final", "budget") and col and other != path \
                        and is_figure_path(other):
                    mentions.remove(m)
                    self.figures.setdefault(other, []).append(m)
                    self.figures[other].sort(key=lambda x: (x.where.cell is None, x.order))
                    self.mapped[id(m)] = Mapped(other, self.mapped[id(m)].words)
                elif m is not mentions[0] and (_under(m, mentions[0], whole_of) or _opposed(mentions[0].lead, m.lead)
                                               or _dated(m) != _dated(mentions[0])
                                               or m.where.cell is None
                                               and mentions[0].where.cell is None
                                               and m.quantity.value != mentions[0].quantity.value
                                               and _scope_differs(mentions[0], m)):
                    mentions.remove(m)
                    del self.mapped[id(m)]
            if not mentions:
                del self.figures[path]

    def _opening_parts(self, whole_of: dict[int, Mention]) -> None:
        """A spending line's opening budget (基本支出年初预算…, or listed under 年初预算…，其中基本支出…) where the report
        states that the department's budget was adjusted (年中追加, 调减, a 全年预算 of another value): the line's whole
        budget is not known — the adjustment is not split by line —, so it is no 本年预算数 a spend is judged against
        (trial 5 V1), and stays a figure of the unit's own."""
        if not adjusted_budget(lambda path: self.figures[path][0] if path in self.figures else None):
            return
        for path, mentions in list(self.figures.items()):
            head, _, column = path.rpartition(".")
            if column != "budget" or not head.startswith("lines.") or not _of_the_total(head.split(".")[1]):
                continue
            opening = [m for m in mentions if m.where.cell is None and _OPENING.search(
                self.mapped[id(m)].words + (whole_of[id(m)].lead if id(m) in whole_of else ""))]
            for m in opening:
                mentions.remove(m)
                del self.mapped[id(m)]
            if not mentions:
                del self.figures[path]

    # ------------------------------------------------------------ 绩效自评表 rows

    def _rows(self, tables: Tables, prose: list[Mention], fw: Framework) -> list[dict[str, Any]]:
        """The 绩效自评表's rows, each under the framework's indicator that takes it (row_places); when one has no
        place, the table is read for its figures alone, each row's that has none saying so beside its 分值."""
        places = [place_row(line.level1, line.level2, fw) for line in tables.lines]
        outside = {k: line for k, (line, place) in enumerate(zip(tables.lines, places)) if place is None}
        for line in outside.values():
            self.items.append(Item("row", "—", f"“{line.name}”：二级指标“{line.level2}”不在框架 {fw.id} 中，"
                                   "本表各行只作为单位所述数字录入", (line.where,),
                                   unsure=f"二级指标“{line.level2}”不在框架中"))
        if outside:  # the other rows are no whole table: their sums against its 总分 would mislead
            tables.lines_as_figures({k: f"存疑：“{line.level1}／{line.level2 or '（空）'}”在框架 {fw.id} 中没有对应指标，"
                                        "本表各行只作为单位所述数字录入" for k, line in outside.items()})
            return []
        return [self._row(k, line, prose, place) for k, (line, place) in enumerate(zip(tables.lines, places))
                if place is not None]

    def _sums(self, tables: Tables, rows: list[dict[str, Any]]) -> None:
        """Totals the scoring adds up itself: a level-1 header's （N分） over its rows' 分值, the claimed total over
        the rows' 得分 (framework_arithmetic and claimed_total report them when they do not hold)."""
        written = {row["name"] for row in rows}
        lines = [x for x in tables.lines if x.name in written]
        for level1, weight in tables.section_weights:
            under = tuple(x.weight for x in lines if x.level1 == level1)
            if under:
                self.sums.append((weight, under))
        if tables.total is not None and lines and all(x.score is not None for x in lines):
            self.sums.append((tables.total, tuple(x.score for x in lines if x.score is not None)))

    def _row(self, k: int, line: IndicatorLine, prose: list[Mention], place: Place) -> dict[str, Any]:
        row: dict[str, Any] = {"id": f"r{k + 1:02d}", "level1": line.level1, "level2": place.level2, "name": line.name}
        if place.written is not None:
            self._note(row, f"二级指标表中写作“{place.written}”，按框架的“{place.level2}”录入")
        for field_name, value in (("target", line.target), ("actual", line.actual)):
            if isinstance(value, Mention):
                self._place(value)
                if value.is_rate:
                    self.row_rates.append(RateFound(value, "unexplained", why=_ROW_RATE[field_name]))
                record: dict[str, Any] = {"value": number(value)}
                if value.quantity.unit:
                    record["unit"] = value.quantity.unit
                if field_name == "target" and value.quantity.qualifier in _OPS:
                    record["op"] = _OPS[value.quantity.qualifier]
                elif value.quantity.qualifier is not Qualifier.EXACT:
                    record["qualifier"] = value.quantity.qualifier.value
                row[field_name] = record
            elif value:
                row[field_name] = {"text": value}
        self._place(line.weight)
        row["weight"] = number(line.weight)
        if line.score is not None:
            self._place(line.score)
            row["claimed_score"] = number(line.score)
        if line.deviation:
            row["deviation_note"] = line.deviation
        row["source"] = line.where.cite()
        elsewhere = self._restatements(line, row["id"], prose)
        if elsewhere:
            row["elsewhere"] = elsewhere
        shown = [x for x in (line.target, line.actual, line.weight, line.score) if isinstance(x, Mention)]
        self.items.append(Item("row", f"indicators[{row['id']}]",
                               f"{line.level1}／{line.level2}／{line.name}：年度指标 {_shown(line.target)}，"
                               f"实际完成 {_shown(line.actual)}，分值 {line.weight.written}，"
                               f"得分 {line.score.written if line.score else '（空白）'}",
                               tuple(x.where for x in shown) or (line.where,),
                               highlight=tuple(x.written for x in shown)))
        return row

    def _restatements(self, line: IndicatorLine, row_id: str, prose: list[Mention]) -> list[dict[str, Any]]:
        """The narrative's figures for this row's actual: a sentence whose clause names the indicator, or the same
        value in the same unit under words the indicator's name shares (承担会务管理 820场 … 承担大小会议820场 shares
        承担; 节约型机关创建 30家 … 节约型机关建成30家)."""
        actual = line.actual if isinstance(line.actual, Mention) else None
        if actual is None or len(line.name) < MIN_ROW_NAME:
            return []
        out = []
        said = Counter(normalise(m.label) for m in prose)  # a label the narrative states twice: left to the repeats
        for m in prose:
            if id(m) in self.taken or id(m) in self.mapped or not (
                    line.name in m.clause or said[normalise(m.label)] == 1 and _same_count(m, actual, line)):
                continue
            if not commensurable(m.quantity.unit, actual.quantity.unit):
                continue
            self.restated.add(id(m))
            self.placed.append(m)
            self.restated_rows.setdefault(row_id, [actual]).append(m)
            self.pairs.append((actual, m))
            record = qualified({"field": "actual", "value": number(m)}, m)
            record.update(unit=m.quantity.unit, source=m.cite())
            out.append(record)
            differs = contradicts(m.quantity, actual.quantity)
            self.items.append(Item("repeat", f"indicators[{row_id}].elsewhere",
                                   f"“{line.name}”实际完成值：表中 {actual.written}，正文 {m.written}",
                                   (actual.where, m.where), "differs" if differs else "same",
                                   "表中与正文数值不同，请核对" if differs else None, (actual.written, m.written)))
            if differs:
                self._note(record, "存疑：表中与正文数值不同，请核对是否同一事项")
        return out

    # ------------------------------------------------------------ rates

    # ------------------------------------------------------------ lists

    def _stated_under(self, words: str) -> Mention | None:
        """The catalogue figure words name without a number (项目支出), as the report states it first."""
        path = path_named(words, self.year) if words.strip() else None
        stated = self.figures.get(path) if path else None
        return stated[0] if stated else None

    def _lists(self, lists: list[Listed], operands: set[int]) -> list[tuple[Listed, str]]:
        """Each list with where it goes: 'breakdown' (a catalogue identity the checks know), 'items' (the parts of a
        catalogue total, named), or 'identity' (a declared identity of stated figures)."""
        out = []
        for lst in lists:
            whole = self.mapped.get(id(lst.whole))
            parts = [self.mapped.get(id(p)) for p in lst.parts]
            if whole and all(parts) and any(b.whole == whole.path and {p.path for p in parts if p} <= set(b.parts)
                                            for b in BREAKDOWNS):
                out.append((lst, "breakdown"))
            elif whole and is_figure_path(whole.path) and unit_of(whole.path) == "万元" and len(lst.parts) >= 2 \
                    and not any(parts) and not any(id(p) in operands for p in lst.parts) \
                    and (whole.path.startswith("lines.") or whole.path.startswith("funds.")):
                out.append((lst, "items"))
            elif whole and all(parts) and covers_every_category(whole.path, [p.path for p in parts if p]):
                out.append((lst, "enumeration"))
            else:
                out.append((lst, "identity"))
        for lst, where in out:
            if where == "items":
                for p in lst.parts:
                    self._place(p)
        return out

    # ------------------------------------------------------------ stated figures

    def _stated(self, tables: Tables, prose: list[Mention], rates: list[RateFound]) -> list[tuple[str, Mention]]:
        """Every figure not placed elsewhere, as a stated figure of the unit's own, in document order."""
        claimed = {id(r.rate) for r in rates if r.status in ("explained", "contradicted")}
        pool = [c.mention for c in tables.cells if not c.path] + list(prose)
        pool += [m for _, m in tables.section_weights]
        out = []
        for m in sorted(pool, key=lambda m: m.order):
            if id(m) in self.taken or id(m) in self.mapped or id(m) in claimed or id(m) in self.restated:
                continue
            sid = f"s{len(out) + 1:03d}"
            self.refs[id(m)] = sid
            out.append((sid, m))
        return out

    def _repeats(self, stated: list[tuple[str, Mention]]) -> list[tuple[Mention, ...]]:
        """Stated figures with the same label, unit kind and year in different sentences: one figure stated again."""
        groups: dict[tuple[str, str, int | None, str | None, str], list[tuple[str, Mention]]] = {}
        whole_of = {id(p): lst.whole for lst, _ in self.written_lists for p in lst.parts}
        subjects = Subjects(self.item_sections, _shapes([m for _, m in stated]))
        for sid, m in stated:
            label = normalise(m.label).replace("|", "")  # a row saved with bars: its cells' edges name nothing
            if len(label) < 2 or m.where.in_table or (m.is_rate and _RELATIVE.match(label)) or _CHANGE_ONLY.match(label):
                continue  # 为年初预算的116.9%, 同比上年度增加189.25万元: named by what it is of, not by whose it is
            if _GENERIC_LABEL.fullmatch(label) or m.is_rate and _RATE_NAME.fullmatch(label) \
                    or _PLAN_OF_CLAUSE.match(label):
                continue  # 共计支出8.12万元 under one heading and 共计支出0万元 under another; 完成率100% on every row
            kind = _counted_in(m)
            subject = clean_label(m.lead) if kind in COUNTED_OBJECTS else ""  # 交通局内设7个科室, 中心内设4个科室
            if m.is_rate and _OF_THE_CLAUSE_BEFORE.match(label):
                subject = _clause_before(m)  # 争取水利资金13.59亿元，完成目标任务154.4%: a rate of the clause before
            groups.setdefault((label, _dimension(kind), m.year or self.year, _column_word(m), subject), []).append((sid, m))
        out = []
        for group in groups.values():
            first = group[0][1]
            again = [(s, m) for s, m in group[1:] if not _same_sentence(first, m) and not _apart(first, m, whole_of)
                     and not _other_subject(first, m, subjects) and not _opposed(first.lead, m.lead)
                     and not _other_rows(first, m) and not _other_scope(first, m, label)
                     and not _under(m, first, whole_of) and not _under(first, m, whole_of) and _dated(m) == _dated(first)]
            if again:
                out.append((first,) + tuple(m for _, m in again))
        anchors = [mentions[0] for mentions in self.figures.values()] + [group[0] for group in out]  # a figure
        # stated twice under one label may be stated a third time under another (财政拨款收入 / 财政拨款本年收入 ×2)
        return out + _same_value_restated(stated, {id(m) for g in out for m in g}, whole_of, anchors, self.year,
                                          subjects)

    # ------------------------------------------------------------ claims

    # ------------------------------------------------------------ the params










# a head alone names nothing, nor with a verb of amount before it (涉及资金 of one grade's projects and of another's)
_DIGIT = re.compile(r"[0-9０-９]")
_GENERIC_LABEL = re.compile(r"(?:涉及|共|合计|总计|共计|累计|计|达|约|为)*"
                            r"(?:支出|收入|资金|经费|金额|费用|投入|人数|人员|项目|数量|任务)*")  # 项目资金 too
_RATE_NAME = re.compile(r"(?:已|实际)?(?:(?:完成|执行|到位|达标|合格|覆盖|知晓|满意|使用|支付|拨付|兑现|验收|得分|增长|下降|"
                        r"利用|开工|办结|及时|准确|正确)?(?:率|度|比例|比重|情况|指标)|完成|达到|实现)")  # a rate named by
# its kind alone, or by the verb of a row's result (| 已完成100% on every row of a form)
_PLAN_OF_CLAUSE = re.compile(r"^完成(?:全年|年初|年度)?(?:预算|计划)数?$")  # …决算27.46万元，完成预算29.6万元的92.8%: the
# plan of the line its clause is about, whichever line that is
_RELATIVE = re.compile(r"^(?:为|占|比|较|达|是|相当于|增长|下降|增加|减少)")
_NAMES_A_NUMBER = re.compile(r"[数额]?[为是达]?\s*[0-9０-９]")  # 年初预算数1850000.00元: the word names that number only
_CHANGE_VERB = r"(?:增加|减少|增长|下降|上升|降低|多|少|节约)"
_CHANGE_ONLY = re.compile(r"^(?:(?:同比|与|同|比|较)(?:上年度?|去年|上一年度?|年初|(?:19|20)\d{2}\s*年度?)?(?:同期)?(?:相比|比较)?"
                          r"(?:[决预]算数?|执行数)?" + _CHANGE_VERB + r"?|" + _CHANGE_VERB + r"|差值|差额)$")  # 较2020年度决算数减少,
# 与上年下降, 下降, 较年初预算数减少, 差值: a change or difference named by nothing but its words
_COLUMN_WORD = re.compile(r"预算|决算|执行|实际|完成|支出数")


MIN_SHARED_LABEL = 4  # characters two labels must share for one value stated twice to be one figure
MIN_SHARED_HEAD = 2  # characters of a head noun (会议, 收入) two labels share when their sections differ
MIN_DIGITS = 3  # digits a figure must have for a permutation of them (1230 / 1320) to read as a slip of the pen
_TIME_WORDS = re.compile(r"^(?:全年度?|本年度?|当年|年度|累计)|(?:全年度?|本年度?|当年|年度|累计|总计|合计|共计)$")
_COUNTS = {"次", "场", "场次", "人", "人次", "名"}  # counts of doings and people: many rows count so
_SAME_COUNT = {"场次": "场"}  # count units that name one thing (a 会议 is held in 场 or 场次)


_NOT_NUMBERING = re.compile(r"(?:19|20)\d{2}\s*年度?|[〔\[(（]\s*(?:19|20)\d{2}\s*[〕\])）]\s*\d+\s*号")  # a year, a 文号
_COMPONENT = re.compile(r"[（(][^（()）]+[)）]|\d+|[^（(\d]+")  # the parts of a section path: 二, (一), 1, (1)
_DEICTIC = re.compile(r"^(?:该|此|本)(?:项目|工程|专项|任务|活动|资金|单位)")  # 该项目年初预算: its section's item


@dataclass(frozen=True)
class Subjects:
    """What tells the items a report describes one by one: the subsections whose headings name a project, and each
    stated figure's sentence shape (the labels of its figures, and their values)."""

    sections: frozenset[str] = frozenset()
    shapes: dict[int, tuple[tuple[str, ...], tuple[Decimal, ...]]] = field(default_factory=dict)


SHAPE_HEAD = 3  # closing characters of a label that say what kind of figure it is (…全年预算数, …执行数)


def _shapes(mentions: list[Mention]) -> dict[int, tuple[tuple[str, ...], tuple[Decimal, ...]]]:
    """Mention id → the labels and values of the figures of its sentence, for sentences of two figures or more."""
    by_sentence: dict[tuple[int, int | None, str, int], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault((m.where.block, m.where.cell, m.where.text, m.order[1]), []).append(m)
    out = {}
    for found in by_sentence.values():
        if len(found) >= 2:
            found.sort(key=lambda m: m.order)
            shape = (tuple(normalise(m.label)[-SHAPE_HEAD:] for m in found), tuple(m.quantity.value for m in found))
            out.update({id(m): shape for m in found})
    return out


def _other_subject(a: Mention, b: Mention, subjects: Subjects) -> bool:
    """Do two statements under one label speak of different items: each of its own section's item (该项目年初预算
    under （一）良种推广项目 and under （二）农技培训项目); with different values in sibling subsections whose headings
    name a project each (实际支出128.00万元 under 二(一), 90.00万元 under 二(二)); or in sentences of one shape with
    other values (项目全年预算数2.03万元，执行数为2.03万元，完成预算的100% … 项目全年预算数5万元，执行数为5万元，完成预算的
    100%: one sentence per item); or with different values as items of a numbered list each naming its own subject
    before the figure (1.石门村：新建高标准农田1200亩 / 2.白沙村：…1500亩; （1）持续推进第1号地块整治，完成整治面积40亩)?
    Sibling parts on one subject (（一）产出指标, （三）满意度) may well restate one figure."""
    x_shape, y_shape = subjects.shapes.get(id(a)), subjects.shapes.get(id(b))
    if x_shape and y_shape and x_shape[0] == y_shape[0] and x_shape[1] != y_shape[1] and a.where.text != b.where.text:
        return True
    x_item, y_item = _item_subject(a), _item_subject(b)
    if x_item and y_item and x_item != y_item and a.quantity.value != b.quantity.value:
        return True
    if a.where.section == b.where.section:
        return False
    if (_DEICTIC.match(a.lead) or _DEICTIC.match(b.lead)) and (a.where.section in subjects.sections
                                                                 or b.where.section in subjects.sections):
        return True
    x, y = (_COMPONENT.findall(m.where.section) for m in (a, b))
    siblings = len(x) >= 2 and len(y) >= 2 and x[:-1] == y[:-1] and {a.where.section, b.where.section} <= subjects.sections
    return siblings and a.quantity.value != b.quantity.value


_ITEM_NUMBER = re.compile(r"^\s*+(?:[（(]\s*+(?:[一二三四五六七八九十]{1,3}+|\d{1,3}+)\s*+[)）]|(?:[一二三四五六七八九十]{1,3}+|\d{1,3}+)"
                          r"\s*+[、.．](?!\d))")  # 1. / 2、/ （3）/ (十) opening a list's item, not 1.5万元


def _item_subject(m: Mention) -> str:
    """What an item of a numbered list names before the clause of its figure (石门村 in 1.石门村：新建高标准农田1200亩,
    持续推进第1号地块整治 in （1）持续推进第1号地块整治，完成整治面积40亩), or nothing when the figure's sentence opens no
    numbered item or names nothing before its clause."""
    number = _ITEM_NUMBER.match(m.where.text)
    if number is None or m.where.in_table:
        return ""
    return re.sub(r"[\s，,：:；;、]", "", m.where.text[number.end():max(number.end(), m.start - len(m.lead))])


_ANOTHER_BODY = re.compile(r"(?<![含括及和与、])(?:所属|下属|直属|下辖|二级)[\u4e00-\u9fff]{0,8}?(?:单位|机构|部门|学校|医院)")


def _of_another_body(m: Mention) -> bool:
    """Does the figure's sentence speak of bodies under the unit (所属事业单位, 下属单位, 二级单位) before it — their
    staff, not the unit's own — rather than of the unit with them (含所属单位, 机关及下属单位) or of the unit as one of
    them (本中心为市局下属事业单位，核定事业编制12人)?"""
    text = m.where.text
    for body in _ANOTHER_BODY.finditer(text, 0, m.start):
        clause = text[max((text.rfind(c, 0, body.start()) for c in "，,；;。"), default=-1) + 1:body.start()]
        if not _IS_ONE_OF.search(clause):
            return True
    return False


_IS_ONE_OF = re.compile(r"[为是系]|属于")  # the unit saying what it is


_OF_THE_CLAUSE_BEFORE = re.compile(r"^(?:完成|达到|实现|达|占)")  # 完成目标任务154.4%: a rate of what the clause before names
_CLAUSES = re.compile(r"[，；;：:]|,(?![0-9]{3})")  # 23,005.58: a thousands separator ends no clause


def _clause_before(m: Mention) -> str:
    """The words of the clause before a figure's own, without its numbers (the subject a relative rate is of)."""
    clauses = _CLAUSES.split(m.where.text[:m.start])
    return clean_label(re.sub(r"[\d.．,，]+[^\s，,；;]{0,3}", "", clauses[-2])) if len(clauses) >= 2 else ""


def _apart(a: Mention, b: Mention, whole_of: dict[int, Mention]) -> bool:
    """Are two statements parts of two totals that differ (中小河流治理 under one allocation and under another; an
    item's budget and its spending)? Then they are two figures, whatever their labels; unless the totals may be one
    figure themselves (the same value, or one written with a slip of the pen)."""
    x, y = whole_of.get(id(a)), whole_of.get(id(b))
    if x is None or y is None or x is y or x.quantity.value == y.quantity.value:
        return False
    return not _slip(_digits(x), _digits(y))


MIN_ROW_SHARED = 3  # characters a narrative label shares with an indicator's name to restate its value exactly (2
# when the value is distinctive, of three digits or more: 承担会务管理 820场 … 承担大小会议820场)


def _same_count(m: Mention, actual: Mention, line: IndicatorLine) -> bool:
    """Is m the row's actual restated: the same value and unit, words in common with the indicator's name?"""
    if m.quantity.value != actual.quantity.value or m.quantity.qualifier is not Qualifier.EXACT or m.is_rate:
        return False
    if _SAME_COUNT.get(canonical_unit(m.quantity.unit), canonical_unit(m.quantity.unit)) != \
            _SAME_COUNT.get(canonical_unit(actual.quantity.unit), canonical_unit(actual.quantity.unit)):
        return False
    a, b = normalise(line.name), normalise(m.label)
    shared = SequenceMatcher(None, a, b).find_longest_match(0, len(a), 0, len(b)).size
    measured = _dimension(canonical_unit(m.quantity.unit)) not in ("money", "") \
        and canonical_unit(m.quantity.unit) not in COUNTED_OBJECTS | _COUNTS  # 1.5万亩, 3.2公里: few things measure so
    return shared >= (MIN_ROW_SHARED - 1 if len(_digits(m)) >= MIN_DIGITS or measured else MIN_ROW_SHARED)


def _same_value_restated(stated: list[tuple[str, Mention]], grouped: set[int], whole_of: dict[int, Mention],
                         anchors: Sequence[Mention] = (), year: int | None = None,
                         subjects: Subjects | None = None) -> list[tuple[Mention, ...]]:
    """One figure restated under another wording, in another sentence: the same value, unit, year and column with
    labels that share their head (全镇本级一般公共预算收入实现 111.11 … 由一般公共预算收入 111.11), or, in another
    section, a head noun (全年保障会议1230场次 … 会议服务全年1320场; for money, whose sums often share one, the
    longer head) and either the same value or a value whose digits are the same ones transposed or one lost (a
    slip of the pen: what `score` then asks about); a value of many digits in another paragraph under any words
    that do not name another quantity of its kind (收入 / 支出, 中央 / 省级). A table's cell is named by its row
    (病虫害防治 … 病虫害防治项目支出118.50万元) and restated only in prose, at the same value: two cells of a table are
    two figures. A catalogue figure (anchors: its first statement) is restated so too, by a stated figure only.
    A clause naming no year speaks of the year evaluated; one naming no budget word, of what was done. Other values
    under different wordings may be two figures, and linking them would raise a finding on a guess."""
    out: list[tuple[Mention, ...]] = []
    taken = set(grouped) - {id(m) for m in anchors}  # a group's first statement may be restated again
    pool = [m for _, m in stated if id(m) not in grouped and not m.is_rate and m.quantity.qualifier is Qualifier.EXACT
            and m.quantity.value > 0 and not _CHANGE_ONLY.match(m.label) and not _PLAN_OF_CLAUSE.match(m.label)
            and _names_something(m)]
    fixed = {id(m) for m in anchors}
    pool += [m for m in anchors if not m.is_rate and m.quantity.qualifier is Qualifier.EXACT and m.quantity.value > 0
             and _names_something(m)]
    by_key: dict[tuple, list[Mention]] = {}
    rounded: list[tuple[Mention, tuple]] = []
    written: dict[tuple, list[Mention]] = {}  # (value, step, kind) as stated, both in the dimension's base unit
    for m in pool:
        kind = (_dimension(_SAME_COUNT.get(_counted_in(m), _counted_in(m))),
                m.year or year, _column_word(m) or "final")  # a figure named by no budget word is an actual
        digits = _digits(m)
        kind += (_numbering(m),)  # labels numbering two things are two figures (_one_figure): never paired
        keys = {("=", _in_base(m), *kind), ("~", "".join(sorted(digits)), *kind)}
        keys |= {("~", "".join(sorted(digits[1:])), *kind)} if len(digits) > MIN_DIGITS else set()
        for key in keys:
            by_key.setdefault(key, []).append(m)
        written.setdefault((_in_base(m), m.quantity.step * _factor(m), *kind), []).append(m)
        if len(digits.strip("0")) >= MIN_DISTINCT_DIGITS:
            rounded += [(m, (value, step, *kind)) for value, step in _roundings(m)]
    for m, key in rounded:  # 1329120.67元 beside a statement of 1329120 元 at 10 元 (132.912万元): one group of the two
        if key in written:
            by_key.setdefault(("≈", *key), list(written[key])).append(m)
    for same in by_key.values():
        same.sort(key=lambda m: (id(m) not in fixed, m.order))  # a catalogue figure is the statement others restate
        for i, first in enumerate(same):
            if id(first) in taken:
                continue
            # two cells of a table are two figures: a cell is compared with prose only, so a long annexed table
            # costs its rows, not their pairs
            again = [m for m in same[i + 1:] if id(m) not in taken and id(m) not in fixed
                     and not (first.where.in_table and m.where.in_table)
                     and _one_figure(first, m, subjects or Subjects(), whole_of) and not _apart(first, m, whole_of)]
            if again:
                taken.update(id(m) for m in (first, *again))
                out.append((first, *again))
    return sorted(out, key=lambda group: group[0].order)


def _one_figure(a: Mention, b: Mention, subjects: Subjects,
                whole_of: dict[int, Mention] | None = None) -> bool:
    """Are two statements, in different sentences, of one figure (see _same_value_restated)?"""
    if _same_sentence(a, b) or a.where.in_table and b.where.in_table or _dated(a) != _dated(b):
        return False
    x, y = _named_by(a), _named_by(b)
    if _numbering(a) != _numbering(b):
        return False  # 第46号示范田 and 第146号示范田, 1号楼 and 2号楼: labels that number two things
    same = a.quantity.value == b.quantity.value and a.quantity.unit == b.quantity.unit or _in_base(a) == _in_base(b)
    distinct = max(len(_digits(a).strip("0")), len(_digits(b).strip("0"))) >= MIN_DISTINCT_DIGITS
    alike = same or distinct and _rounded_alike(a, b)  # 202.64万元 / 2026400元; 89.974 / 89.97万元
    if (a.where.in_table or b.where.in_table) and not alike:
        return False
    if _opposed(x, y) or _other_subject(a, b, subjects) or _other_rows(a, b):
        return False
    head = _shared_head(_head_words(x), _head_words(y))
    if head <= MIN_SHARED_HEAD and _shares_only_money_word(x, y):
        head = 0  # 补助资金 / 资金已使用: 资金 names nothing the two share
    if alike and distinct and a.where.block != b.where.block and _WORD.search(x) and _WORD.search(y):  # a number standing alone
        # (a cell saved on its line) is no statement of anything
        return True  # 10441万元 … 这10441万元资金: a figure of many digits restated in another paragraph, however it is
        # named, and in any unit or rounding (within a paragraph, two names are two figures: 支出1,867.48万元 … 支出
        # 总计1,867.48万元)
    if same:
        if head >= MIN_SHARED_LABEL and (a.quantity.places > 0 or a.quantity.value >= 10):
            return True
        if head >= MIN_SHARED_HEAD and a.quantity.places > 0 and a.where.section != b.where.section:
            return True
        return _closes_as(a, b, head, whole_of or {})
    money = _dimension(canonical_unit(a.quantity.unit)) == "money"  # many sums of money share a head (税收收入, 非税收入)
    return head >= (MIN_SHARED_LABEL if money else MIN_SHARED_HEAD) and a.where.section != b.where.section \
        and _slip(_digits(a), _digits(b))


def _dated(m: Mention) -> str | None:
    """The point in the year a figure's sentence dates it to before the figure, when not the year's end (截至9月底, 截至
    2025年3月): a figure as of another date is another quantity, never a second statement of the year's (trial 4 U48)."""
    if m.where.in_table:
        return None
    found = _OTHER_DATE.search(m.where.text, 0, m.start)
    return re.sub(r"\s+", "", found.group(0)) if found else None


_OTHER_DATE = re.compile(r"(?:截至|截止)[^，,。；;\d]{0,3}(?:(?:19|20)\d{2}\s*年\s*)?(?<!\d)(?:[1-9]|1[01])\s*月"
                         r"|(?<![\d\-－—~至])(?:[1-9]|1[01])\s*月(?:底|末)")


_OPENING = re.compile(r"年初")
_PROJECT = re.compile(r"项目|工程|专项")  # an item of a numbered list naming a project (trial 5 V20)


def _of_the_total(line: str) -> bool:
    """Is a line of the base data table the department's spending or a part of it (基本支出, 项目支出, 人员经费 …),
    which the department's budget adjustments are spread over?"""
    key: str | None = line
    while key is not None:
        if key == "total":
            return True
        key = LINES[key].parent
    return False


def _under(part: Mention, whole: Mention, whole_of: dict[int, Mention]) -> bool:
    """Is a figure listed under another, at any depth (退休人员52人（其中：离休人员2人，退休人员50人）: the 50 is a part of
    the 52, never a second statement of it)?"""
    seen = 0
    up = whole_of.get(id(part))
    while up is not None and seen < MAX_DEPTH:
        if up is whole:
            return True
        up, seen = whole_of.get(id(up)), seen + 1
    return False


MAX_DEPTH = 8  # levels of nested lists looked up (a list's part is never its own ancestor, but a guard costs nothing)


def _same_sentence(a: Mention, b: Mention) -> bool:
    """Are two statements in one sentence (two figures under one label there are two figures)? A sentence written
    again word for word elsewhere (a summary restated in the 佐证材料) is another statement of what it says."""
    return a.where.text == b.where.text and a.order[:2] == b.order[:2]


def _counted_in(m: Mention) -> str:
    """The unit a figure is counted in, or, for a bare number, the one its label ends with (农技培训场次 / 36, a
    table saved one cell per line, counts 场次 as 全年开展农技培训36场次 does)."""
    if m.quantity.unit:
        return canonical_unit(m.quantity.unit)
    named = _COUNTED_BY_LABEL.search(_named_by(m))
    return _LABEL_UNITS.get(named.group(0), named.group(0)) if named else ""


_COUNTED_BY_LABEL = re.compile(r"(?:场次|人次|户次|次数|个数|人数|户数|家数|件数|项数|场数|所数|名数)$")
_LABEL_UNITS = {"次数": "次", "个数": "个", "人数": "人", "户数": "户", "家数": "家", "件数": "件", "项数": "项", "场数": "场",
                "所数": "所", "名数": "名"}


def _names_something(m: Mention) -> bool:
    """Could what names this figure be shared with another's (_one_figure accepts no pair without a head of
    MIN_SHARED_HEAD characters both hold, or a word on each side)? A bare number (1 on a line of its own) names
    nothing: leaving it out of the comparisons changes no pair, and n of them cost n² comparisons (minutes)."""
    named = _named_by(m)
    return len(_head_words(named)) >= MIN_SHARED_HEAD or bool(_WORD.search(named))


def _named_by(m: Mention) -> str:
    """What names a figure: a table cell's row, a statement's label."""
    return m.where.row or "" if m.where.in_table else m.label


def _numbering(m: Mention) -> tuple[str, ...]:
    """The numbers in what names a figure, a year or a document's number aside (第46号示范田: 46)."""
    return tuple(re.findall(r"\d+", _NOT_NUMBERING.sub("", _named_by(m))))


MIN_DISTINCT_DIGITS = 5  # significant digits a value needs to be one figure on its value alone (1,867.48; 10441)
# Words that name different quantities of one kind whatever else two labels say: a report's income and spending are
# often equal (收、支总计均为…), as are the shares of different levels of government in one allocation, and a target
# and its result. Each group lists alternatives; two labels naming only different alternatives of a group differ.
_OPPOSED = tuple(tuple(re.compile(words) for words in group) for group in (
    ("收入", "支出", "结余|结转"), ("基本", "项目"), ("人员", "公用"),
    ("中央", "省级", "市级|州级", "县级|区级", "乡级|镇级|乡镇", "自筹"),
    ("财政拨款", "其他资金", "自有资金", "事业收入", "经营收入"), ("预算", "决算|执行"),
    ("目标|计划|预期|预计|指标值", "完成|实际|实现"), ("下达|拨付|到位|安排", "使用|支付|结余"),
    ("年初|期初|上年结转", "年末|期末|年底")))


_SCOPES = _OPPOSED[:4]  # the groups naming what a figure is of (收入/支出, 基本/项目, 人员/公用, 中央/省级 …)
_WORD = re.compile(r"[\u4e00-\u9fff]{2}")  # words that name what a figure is of
_GENERIC = re.compile(r"资金|经费|金额|款项?|数额|费用")  # nouns of money that name no quantity of their own


def _shares_only_money_word(a: str, b: str) -> bool:
    """Is what two labels share at their end a word of money alone (资金, 经费)?"""
    x, y = _head_words(a), _head_words(b)
    return any(_GENERIC.fullmatch(word) and word in other for word, other in ((x[-2:], y), (y[-2:], x)))


def _opposed(a: str, b: str) -> bool:
    """Do two labels name different quantities by words of one kind (收入 and 支出; 中央 and 省级), or by different
    head nouns after the same words (一般公共预算收入 and 一般公共预算财力)? Years and file numbers in them are no
    words they share."""
    x, y = _head_words(_NOT_NUMBERING.sub("", a)), _head_words(_NOT_NUMBERING.sub("", b))
    shared = SequenceMatcher(None, x, y).find_longest_match(0, len(x), 0, len(y))
    after_x, after_y = x[shared.a + shared.size:], y[shared.b + shared.size:]
    if shared.size >= MIN_SHARED_LABEL and after_x and after_y and after_x[:2] != after_y[:2] \
            and after_x[:2] not in after_y and after_y[:2] not in after_x \
            and not _GENERIC.match(after_x) and not _GENERIC.match(after_y):
        return True  # 财政拨款项目支出 and 本级财政拨款资金: 资金 names no other quantity; 运行维护费支出决算 and
        # 运行维护支出 name one (the head of one stands in the other's words)
    for group in _OPPOSED:
        x, y = ({k for k, words in enumerate(group) if words.search(label)} for label in (a, b))
        if x and y and not x & y:
            return True
    return False


_TOTAL_WORD = re.compile(r"总计|合计|小计")
_PHRASE_START = re.compile(r"[，,；;。：:！？!?]")


def _phrase(m: Mention) -> str:
    """The words of a figure's clause before it, whatever a 、 cut from its label (财政拨款收、支总计 of 支总计512.40)."""
    if m.where.in_table:
        return _named_by(m)
    before = m.where.text[:m.start]
    cut = max((k.end() for k in _PHRASE_START.finditer(before)), default=0)
    return before[cut:]


def _other_rows(a: Mention, b: Mention) -> bool:
    """Do two statements name two rows of an account, equal as they may be: a 总计 and a 合计 (收入总计 includes what
    is carried over, 本年收入合计 does not), or the part paid by 财政拨款 and the whole (财政拨款收、支总计 and 收、支总计,
    and a change stated for each)?"""
    x, y = _phrase(a), _phrase(b)
    totals = [found[-1] if (found := _TOTAL_WORD.findall(p)) else None for p in (x, y)]
    if totals[0] and totals[1] and totals[0] != totals[1]:
        return True
    return ("财政拨款" in x) != ("财政拨款" in y)


def _closes_as(a: Mention, b: Mention, head: int, whole_of: dict[int, Mention]) -> bool:
    """Does a total that closes a list restate, in its section, the figure stated first under a longer name
    (“三公”经费支出8.12万元。其中…，共计支出8.12万元): its whole name is the other's head, and neither is a part of
    the other (支出总计1,867.48万元 closing 一般公共预算支出1,867.48万元 + 0 is another figure)?"""
    closing = [m for m in (a, b) if any(w is m for w in whole_of.values())]
    shorter = min(len(_head_words(a.label)), len(_head_words(b.label)))
    return bool(closing) and head >= MIN_SHARED_HEAD and head == shorter and a.quantity.places > 0 \
        and whole_of.get(id(a)) is not b and whole_of.get(id(b)) is not a


def _in_base(m: Mention) -> Decimal:
    """The value in its dimension's base unit (202.64万元 → 2026400 元), so one amount written in two units is one."""
    unit = canonical_unit(m.quantity.unit)
    value = m.quantity.value * UNITS[unit].factor if unit in UNITS else m.quantity.value
    return value.normalize()


def _rounded_alike(a: Mention, b: Mention) -> bool:
    """Is one value the other written with fewer decimals (132.912万元 / 1329120.67元; 89.974 / 89.97万元)?"""
    if not commensurable(a.quantity.unit, b.quantity.unit) or a.quantity.qualifier is not Qualifier.EXACT \
            or b.quantity.qualifier is not Qualifier.EXACT:
        return False
    coarse, fine = sorted((a, b), key=lambda m: m.quantity.step * _factor(m), reverse=True)
    return agrees(coarse.quantity, fine.quantity)


def _factor(m: Mention) -> Decimal:
    unit = canonical_unit(m.quantity.unit)
    return UNITS[unit].factor if unit in UNITS else Decimal(1)


def _roundings(m: Mention) -> list[tuple[Decimal, Decimal]]:
    """The value rounded half-up to each coarser step of its unit (1329120.67 → 1329120.7, 1329121, 1329120, …), with
    that step, in its dimension's base unit: what a statement of it with fewer decimals would say (a lookup per
    rounding keeps the comparison linear in the figures)."""
    out = []
    for k in range(1 - m.quantity.places, MIN_DISTINCT_DIGITS):
        step = Decimal(1).scaleb(k)
        value = (m.quantity.value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
        out.append(((value * _factor(m)).normalize(), (step * _factor(m)).normalize()))
    return out


def _digits(m: Mention) -> str:
    q = m.quantity
    return re.sub(r"\D", "", f"{q.value:.{q.places}f}" if q.places > 0 else format(q.value, "f"))


def _slip(a: str, b: str) -> bool:
    """Is one number the other written with its digits transposed (1230 / 1320) or its first digit lost
    (1,867.48 / 867.48)?"""
    short, long = sorted((a, b), key=len)
    if len(short) < MIN_DIGITS:
        return False
    return sorted(short) == sorted(long) or (len(long) == len(short) + 1 and long[1:] == short)


def _head_words(label: str) -> str:
    previous = None
    words = normalise(label)
    while previous != words:
        previous, words = words, _TIME_WORDS.sub("", words)
    return words


def _shared_head(a: str, b: str) -> int:
    """How many closing characters of one label (its head noun: 会议 in 全年保障会议, 一般公共预算收入 in
    全镇本级一般公共预算收入实现's core) the other label holds, not as what qualifies another head (行政编制 in
    使用行政编制的人员 names people, not posts): 一般公共预算 is no head of 一般公共预算财力."""
    best = 0
    for x, y in ((a, b), (b, a)):
        k = 0
        while k < len(x) and x[len(x) - k - 1:] in y:
            k += 1
        if k and all(y.startswith("的", at + k) for at in _occurrences(y, x[len(x) - k:])):
            k = 0
        best = max(best, k)
    return best


def _occurrences(text: str, word: str) -> list[int]:
    return [at for at in range(len(text) - len(word) + 1) if text.startswith(word, at)]


def _other_scope(a: Mention, b: Mention, label: str) -> bool:
    """Are two statements of different values under one label of different scope, so no two statements of one figure
    `score` should ask about: a label too short to name a figure alone (调入13名 after 公务员调出3人, 调入2名 after
    事业编调出1名), or a sentence naming a scope the other does not (全年预算63501.78万元 of the department, 项目支出…全年
    预算数49724.97万元 of its projects)?"""
    if a.quantity.value == b.quantity.value:
        return False
    return len(label) < MIN_SHARED_LABEL or _scope_differs(a, b)


def _scope_differs(a: Mention, b: Mention) -> bool:
    """Does one sentence, up to its figure, name a scope (项目, 基本, 中央, 收入 …) where the other names none of its
    kind? Words of time or stage (年末, 预算, 完成) say when, not of what: 年末在职人员45人 and 全馆在职人员47人 are
    one figure stated twice."""
    x, y = a.where.text[:a.start], b.where.text[:b.start]
    return any(bool([w for w in group if w.search(x)]) != bool([w for w in group if w.search(y)]) for group in _SCOPES)


def _column_word(m: Mention) -> str | None:
    """Whether the sentence speaks of a budget or of what was spent where a figure stands (the nearest such word
    before it; a table cell's column): 商品和服务支出 under 预算批复 and under 决算数 are two figures, not one stated twice."""
    before = (m.where.column or "") if m.where.in_table else m.where.text[max(0, m.start - 200):m.start]
    words = [w.group(0) for w in _COLUMN_WORD.finditer(before) if not _NAMES_A_NUMBER.match(before, w.end())]
    if not words:
        return None
    return "budget" if words[-1] == "预算" else "final"


_FUNDS = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算单位|预算绩效|部门预算项目")  # names, no column


def _named_column(m: Mention) -> str | None:
    """The column the words before a figure name, the figure itself included (支出预算23,264.53万元 is a budget)."""
    words = _COLUMN_WORD.findall(_FUNDS.sub("", m.lead))
    return None if not words else "budget" if words[-1] == "预算" else "final"


def _dimension(unit: str) -> str:
    return UNITS[unit].dimension if unit in UNITS else unit


def _shown(value: Mention | str | None) -> str:
    if isinstance(value, Mention):
        return value.written
    return value or "（空白）"
