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
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from ...checks.fmt import short_label
from ...core.figures import BREAKDOWNS, is_figure_path, label_of as catalogue_label, unit_of
from ...core.framework import Framework, load_framework
from ...core.measures import Change, Context, FigureRef, Ratio, ZeroDenominator, resolved
from ...core.params import LARGEST, Figures
from ...core.quantity import Qualifier, agrees, canonical_unit, commensurable, contradicts
from ...errors import DraftError
from .catalogue import Mapped, catalogue_path, normalise, path_named
from .document import Document, read_document
from .lists import Listed, find_lists
from .mentions import Mention, prose_mentions
from .model import Draft, Item
from .rates import RateFound, Reading, explain
from .section_scores import SectionStated, section_statements
from .tables import IndicatorLine, ProjectLine, Tables, read_tables
from .unit import UnitFacts, claimed_total, read_unit, unit_id_for

_SHARE_OF = re.compile(r"占(?:全年)?([^，。；：\d]{2,16}?)(?:的)?(?:比例|比重)?$")
_ROW_RATE = {"target": "绩效自评表的年度指标值：目标，不由其他数字复算",
             "actual": "绩效自评表的实际完成值：报告未载明其计算所用的数字"}
MIN_ROW_NAME = 4  # characters of a 绩效自评表 indicator's name a sentence must repeat to restate its value
NOT_STATED = "（报告未载明）"
_OPS = {Qualifier.AT_LEAST: ">=", Qualifier.AT_MOST: "<=", Qualifier.ABOVE: ">", Qualifier.BELOW: "<"}


def draft_report(path: str | Path, framework: str | None = None, unit_id: str | None = None) -> Draft:
    """Read a report (.txt, .docx, .pdf) into a draft params file; a DraftError when it cannot be read."""
    path = Path(path)
    document = read_document(path)
    return _Assembly(document, path, framework, unit_id).draft()


def _number(m: Mention) -> Decimal:
    """The value as written: 1045.90 keeps its two decimals; 2.6万 becomes 26000, not 26000.0."""
    q = m.quantity
    if q.scale == 1:
        return q.value
    value = q.value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _qualified(record: dict[str, Any], m: Mention) -> dict[str, Any]:
    if m.quantity.qualifier is not Qualifier.EXACT:
        record["qualifier"] = m.quantity.qualifier.value
    return record


def _measures(fw: Framework) -> dict[str, Any]:
    """Measure id → the measure as scored by default (a choice of denominator resolved to the default option)."""
    defaults = {k: i.default for k, i in fw.readings_in_force().items()}
    out: dict[str, Any] = {}
    for _, node in fw.leaves():
        rule = node.rule
        if rule is None:
            continue
        parts = [(f"{node.id}.{p.id}", p.rule) for p in getattr(rule, "parts", [])] or [(node.id, rule)]
        for mid, r in parts:
            measure = getattr(r, "measure", None)
            if measure is not None:
                out[mid] = resolved(measure, lambda key: defaults[key])
    return out


def _two_figures(measure: Any) -> tuple[str, str, str] | None:
    """(kind, a, b) when a measure is a plain share or change of two catalogue figures."""
    if isinstance(measure, (Ratio, Change)) and all(isinstance(x, FigureRef) for x in measure.args):
        return ("share" if isinstance(measure, Ratio) else "change", measure.args[0].path, measure.args[1].path)
    return None


def _detect_framework(tables: Tables) -> str:
    return "self_assessment_b" if tables.lines else "dept_overall_a"


@dataclass
class _Assembly:
    """The state of one drafting: mentions found, and where each has been placed so far."""

    document: Document
    report: Path
    framework_name: str | None
    unit_id: str | None
    params: dict[str, Any] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    placed: list[Mention] = field(default_factory=list)
    mapped: dict[int, Mapped] = field(default_factory=dict)
    refs: dict[int, str] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)
    restated: set[int] = field(default_factory=set)
    figures: dict[str, list[Mention]] = field(default_factory=dict)
    written_lists: list[tuple[Listed, str]] = field(default_factory=list)
    repeated: list[tuple[Mention, ...]] = field(default_factory=list)
    restated_rows: dict[str, list[Mention]] = field(default_factory=dict)
    pairs: list[tuple[Mention, Mention]] = field(default_factory=list)
    same_claim: list[tuple[Mention, Mention]] = field(default_factory=list)
    claimed_by: dict[int, Mention] = field(default_factory=dict)
    sums: list[tuple[Mention, tuple[Mention, ...]]] = field(default_factory=list)
    row_rates: list[RateFound] = field(default_factory=list)
    year: int | None = None
    readings: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------ the whole

    def draft(self) -> Draft:
        facts = read_unit(self.document)
        year = int(facts.year.value) if facts.year else None
        tables = read_tables(self.document, year)
        fw = load_framework(self.framework_name or _detect_framework(tables))
        self.year, self.readings = year, {k: i.default for k, i in fw.readings_in_force().items()}
        prose = self._within_bounds(prose_mentions(self.document, tables.taken))
        tables.cells = [c for c in tables.cells if self._within_bounds([c.mention])]
        self.params = {"unit": self._unit(facts, fw)}
        sections = self._sections(prose, fw)
        self._claimed(tables, prose, facts, fw)
        self._catalogue(tables, prose, year)
        self.figures = self._catalogue_mentions(tables, prose)
        rows = self._rows(tables, prose, fw)
        self._sums(tables, rows)
        free = [m for m in prose if id(m) not in self.taken]
        lists = find_lists(self.document, free)
        rates = self._rates(tables, [m for m in free if id(m) not in self.restated], lists, fw)
        operands = {id(x) for r in rates if r.status in ("explained", "contradicted") and r.reading
                    for x in (r.reading.numerator, r.reading.denominator)}
        self.written_lists = self._lists(lists, operands)
        stated = self._stated(tables, prose, rates)
        self.repeated = self._repeats(stated)
        claims = self._claims(rates, self.written_lists, sections, fw)
        self._section_pairs(tables, sections)
        self._assemble(rows, tables, stated, claims)
        placed = list({id(m): m for m in self.placed}.values())
        for found in self.row_rates:
            self.items.append(Item("rate", "indicators", f"{found.rate.label} {found.rate.written}：{found.why}",
                                   (found.rate.where,), "unexplained", highlight=(found.rate.written,)))
        return Draft(str(self.report), self.params, self.notes, self.items, placed, rates=rates + self.row_rates,
                     sections=sections, lists=[lst for lst, _ in self.written_lists], catalogue=self.figures,
                     repeats=self.repeated, restated=self.restated_rows, pairs=self.pairs, same_claim=self.same_claim,
                     sums=self.sums, skipped=tables.skipped)

    def _within_bounds(self, mentions: list[Mention]) -> list[Mention]:
        """Figures a params file can hold; one beyond 10^12 of its unit is a typo in the report, listed for review."""
        kept = []
        for m in mentions:
            if abs(m.quantity.value) <= Decimal(LARGEST):
                kept.append(m)
                continue
            self.items.append(Item("stated", "—", f"{m.label or '数字'} {m.written}：超过 10^12，疑为笔误，未录入",
                                   (m.where,), unsure="数值超出可录入范围，请核对原文", highlight=(m.written,)))
        return kept

    def _note(self, record: dict[str, Any], text: str | None) -> None:
        if text:
            self.notes[id(record)] = text

    def _place(self, m: Mention) -> None:
        self.taken.add(id(m))
        self.placed.append(m)

    # ------------------------------------------------------------ the unit

    def _unit(self, facts: UnitFacts, fw: Framework) -> dict[str, Any]:
        if facts.year is None:
            raise DraftError(str(self.report), [("", "the report names no year in its title (e.g. 2022年度部门整体支出"
                                                     "绩效自评报告); a draft needs the year evaluated")])
        unit = {"id": unit_id_for(self.report, self.unit_id),
                "name": facts.name.value if facts.name else NOT_STATED,
                "region": facts.region or NOT_STATED, "year": int(facts.year.value)}
        if facts.budget_code:
            unit["budget_code"] = facts.budget_code.value
        given = self.framework_name or ""
        unit.update(framework=str(Path(given).resolve()) if given.lower().endswith((".yaml", ".yml")) else fw.id,
                    document=self.report.name)
        evidence = tuple(x.where for x in (facts.name, facts.year, facts.budget_code) if x)
        missing = "，".join(w for w, x in (("单位名称", facts.name), ("地区", facts.region)) if not x)
        self.items.append(Item("unit", "unit", f"{unit['name']}，{unit['year']} 年，框架 {fw.id}", evidence,
                               unsure=f"报告未载明{missing}，请补填" if missing else None,
                               highlight=tuple(x.value for x in (facts.name, facts.year, facts.budget_code) if x)))
        if missing:
            self._note(unit, f"存疑：报告未载明{missing}，请补填")
        return unit

    # ------------------------------------------------------------ claims about scores

    def _sections(self, prose: list[Mention], fw: Framework) -> list[SectionStated]:
        out = []
        for sentence in _by_sentence(prose):
            found = section_statements(sentence, fw)
            if found:
                out.append(found)
                for m in found.mentions:
                    self._place(m)
        return out

    def _claimed(self, tables: Tables, prose: list[Mention], facts: UnitFacts, fw: Framework) -> None:
        claims = self.params.setdefault("claims", {})
        execution = next((n.id for _, n in fw.leaves() if n.role == "budget_execution"), None)
        for cell in tables.cells:
            budget_row = any(c.path == "budget.executed" and c.mention.where.block == cell.mention.where.block
                             for c in tables.cells)
            if execution and budget_row and cell.mention.where.column and "得分" in cell.mention.where.column:
                self._place(cell.mention)
                claims.setdefault("scores", {})[execution] = _number(cell.mention)
                self.items.append(Item("claim", f"claims.scores.{execution}",
                                       f"{fw.leaf(execution).name if fw.leaf(execution) else execution} 自评得分 "
                                       f"{cell.mention.written}", (cell.mention.where,), highlight=(cell.mention.written,)))
        total = tables.total or claimed_total([m for m in prose if id(m) not in self.taken])
        if total is not None:
            self._place(total)
            claims["total"] = _number(total)
            claims["total_source"] = total.cite()
            self.items.append(Item("claim", "claims.total", f"自评总分 {total.written}", (total.where,),
                                   highlight=(total.written,)))
        grade = tables.grade or ((facts.grade.value, facts.grade.where) if facts.grade else None)
        if grade is not None:
            claims["grade"] = grade[0]
            self.items.append(Item("claim", "claims.grade", f"自评等次 {grade[0]}", (grade[1],), highlight=(grade[0],)))

    # ------------------------------------------------------------ catalogue figures

    def _catalogue(self, tables: Tables, prose: list[Mention], year: int | None) -> None:
        for cell in tables.cells:
            if cell.path:
                self.mapped[id(cell.mention)] = Mapped(cell.path, cell.mention.label)
        for sentence in _by_sentence(prose):
            previous = None
            for m in sentence:
                if id(m) in self.taken:
                    previous = None
                    continue
                previous = catalogue_path(m, year, previous)
                if previous is not None:
                    self.mapped[id(m)] = previous

    def _catalogue_mentions(self, tables: Tables, prose: list[Mention]) -> dict[str, list[Mention]]:
        """Catalogue path → the mentions stating it, table cells first (a table is where a figure is set down)."""
        found: dict[str, list[Mention]] = {}
        for cell in tables.cells:
            for path in (cell.path, cell.also):
                if path:
                    found.setdefault(path, []).append(cell.mention)
        for m in sorted((m for m in prose if id(m) in self.mapped), key=lambda m: (m.where.cell is None, m.order)):
            found.setdefault(self.mapped[id(m)].path, []).append(m)
        return found

    # ------------------------------------------------------------ 绩效自评表 rows

    def _rows(self, tables: Tables, prose: list[Mention], fw: Framework) -> list[dict[str, Any]]:
        level2 = {name for _, n in fw.leaves() if n.personalised for name in n.personalised.level2}
        rows: list[dict[str, Any]] = []
        for k, line in enumerate(tables.lines):
            if line.level2.strip() not in level2:
                self.items.append(Item("row", "—", f"“{line.name}”：二级指标“{line.level2}”不在框架 {fw.id} 中，未录入",
                                       (line.where,), unsure=f"二级指标“{line.level2}”不在框架中"))
                continue
            rows.append(self._row(k, line, prose))
        return rows

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

    def _row(self, k: int, line: IndicatorLine, prose: list[Mention]) -> dict[str, Any]:
        row: dict[str, Any] = {"id": f"r{k + 1:02d}", "level1": line.level1, "level2": line.level2, "name": line.name}
        for field_name, value in (("target", line.target), ("actual", line.actual)):
            if isinstance(value, Mention):
                self._place(value)
                if value.is_rate:
                    self.row_rates.append(RateFound(value, "unexplained", why=_ROW_RATE[field_name]))
                record: dict[str, Any] = {"value": _number(value)}
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
        row["weight"] = _number(line.weight)
        if line.score is not None:
            self._place(line.score)
            row["claimed_score"] = _number(line.score)
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
        """The narrative's figures for this row's actual: a sentence whose clause names the indicator."""
        actual = line.actual if isinstance(line.actual, Mention) else None
        if actual is None or len(line.name) < MIN_ROW_NAME:
            return []
        out = []
        for m in prose:
            if id(m) in self.taken or id(m) in self.mapped or line.name not in m.clause:
                continue
            if not commensurable(m.quantity.unit, actual.quantity.unit):
                continue
            self.restated.add(id(m))
            self.placed.append(m)
            self.restated_rows.setdefault(row_id, [actual]).append(m)
            self.pairs.append((actual, m))
            record = _qualified({"field": "actual", "value": _number(m)}, m)
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

    def _rates(self, tables: Tables, free: list[Mention], lists: list[Listed], fw: Framework) -> list[RateFound]:
        out: list[RateFound] = []
        by_block: dict[int, list[Mention]] = {}
        for m in free:
            by_block.setdefault(m.where.block, []).append(m)
        for sentence in _by_sentence(free):
            for m in (x for x in sentence if x.is_rate):
                found = explain(m, sentence, by_block.get(m.where.block, []), lists)
                out.append(self._share_of_named(found, sentence))
        for cell in tables.cells:
            if cell.mention.is_rate:
                row = [c.mention for c in tables.cells if c.mention.where.block == cell.mention.where.block]
                out.append(explain(cell.mention, row, row, lists))
        return [self._by_measure(self._measure_reading(r, fw), fw) for r in out]

    def _measure_reading(self, found: RateFound, fw: Framework) -> RateFound:
        """Of several readings that give a rate, the one the framework itself computes (执行率 = 执行数 ÷ 预算数,
        not 得分 ÷ 分值, in a row that holds both)."""
        if found.status != "ambiguous":
            return found
        shapes = {shape for m in _measures(fw).values() if (shape := _two_figures(m))}
        own = [r for r in found.others if (r.kind, self._path(r.numerator), self._path(r.denominator)) in shapes]
        if len(own) != 1:
            return found
        return replace(found, status="explained", reading=own[0], others=(), why=own[0].formula())

    def _path(self, m: Mention) -> str | None:
        mapped = self.mapped.get(id(m))
        return mapped.path if mapped else None

    def _share_of_named(self, found: RateFound, sentence: list[Mention]) -> RateFound:
        """“档案数字化项目支出320.00万元，占项目支出的45.2%”: a share of a catalogue figure the sentence names but
        does not restate, stated elsewhere in the report — the claim the rate makes."""
        named = _SHARE_OF.search(found.rate.lead)
        if found.status != "unexplained" or named is None:
            return found
        path = path_named(named.group(1), self.year)
        whole = self.figures.get(path or "")
        parts = [m for m in sentence if m is not found.rate and not m.is_rate and m.quantity.qualifier is Qualifier.EXACT
                 and whole and commensurable(m.quantity.unit, whole[0].quantity.unit) and m is not whole[0]]
        if not whole or len(parts) != 1:
            return found
        computed = parts[0].quantity.to(whole[0].quantity.unit).value / whole[0].quantity.value * 100 \
            if whole[0].quantity.value > 0 else None
        if computed is None:
            return found
        reading = Reading("share", parts[0], whole[0], computed)
        status = "explained" if agrees(found.rate.quantity, computed) else "contradicted"
        return replace(found, status=status, reading=reading,
                       why=f"按句中所指 {reading.formula()} 重算为 {computed:.2f}%")

    def _by_measure(self, found: RateFound, fw: Framework) -> RateFound:
        """An unexplained rate named as one of the framework's measures, computed from catalogue figures the report
        states elsewhere: the claim the rate makes, for `score` to confirm or contradict."""
        if found.status != "unexplained":
            return found
        name = normalise(found.rate.label)
        names = fw.rate_measures()
        for mid, measure in _measures(fw).items():
            wanted = normalise(names[mid].split("·")[-1])
            if len(name) < 4 or not (name == wanted or name.endswith(wanted) or wanted.endswith(name)):
                continue
            computed = self._evaluate(measure)
            if computed is None:
                return found
            status = "explained" if agrees(found.rate.quantity, computed) else "contradicted"
            why = f"按框架指标“{names[mid]}”（{measure.describe()}）以报告所载数字重算为 {computed:.2f}%"
            return replace(found, status=status, measure=mid, why=why)
        return found

    def _evaluate(self, measure: Any) -> Decimal | None:
        """A framework measure computed from the first statement of each catalogue figure, as scoring will."""
        data: dict[str, Any] = {}
        for path, mentions in self.figures.items():
            value = float(mentions[0].quantity.to(unit_of(path)).value)
            group, _, key = path.partition(".")
            if group == "lines":
                line, _, column = key.partition(".")
                data.setdefault("lines", {}).setdefault(line, {})[column] = {"value": value}
            else:
                data.setdefault(group, {})[key] = {"value": value}
        try:
            measured = measure.evaluate(Context(Figures.model_validate(data), lambda key: self.readings[key],
                                                lambda key, option: option))
        except (ZeroDenominator, ValueError):
            return None
        return None if measured.value is None else Decimal(repr(measured.value))

    def _primary_value(self, path: str) -> Decimal | None:
        stated = self.figures.get(path)
        return stated[0].quantity.to(unit_of(path)).value if stated else None

    # ------------------------------------------------------------ lists

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
        groups: dict[tuple[str, str, int | None], list[tuple[str, Mention]]] = {}
        for sid, m in stated:
            label = normalise(m.label)
            if len(label) < 2 or m.where.in_table:
                continue
            kind = canonical_unit(m.quantity.unit)
            groups.setdefault((label, _dimension(kind), m.year), []).append((sid, m))
        out = []
        for group in groups.values():
            first = group[0][1]
            again = [(s, m) for s, m in group[1:] if m.where.text != first.where.text]
            if again:
                out.append((first,) + tuple(m for _, m in again))
        return out

    # ------------------------------------------------------------ claims

    def _ref(self, m: Mention) -> str | None:
        if id(m) in self.mapped:
            return self.mapped[id(m)].path
        return self.refs.get(id(m))

    def _claims(self, rates: list[RateFound], lists: list[tuple[Listed, str]], sections: list[SectionStated],
                fw: Framework) -> dict[str, list[dict[str, Any]]]:
        measures = {mid: shape for mid, m in _measures(fw).items() if (shape := _two_figures(m))}
        out: dict[str, list[dict[str, Any]]] = {"rates": [], "ratios": [], "identities": [], "sections": []}
        for found in rates:
            self._rate_claim(found, measures, fw, out)
        for lst, where in lists:
            self._list_claim(lst, where, out)
        for s in sections:
            self._section_claim(s, out)
        return out

    def _section_pairs(self, tables: Tables, sections: list[SectionStated]) -> None:
        """The narrative's 总分值 of a level-1 indicator and the table's （N分） of it: one quantity stated twice, which
        section_weight_stated_twice compares (through the framework's header, which the table prints)."""
        for s in sections:
            header = next((w for name, w in tables.section_weights if s.weight is not None
                           and (name in s.name or s.name in name)), None)
            if header is not None and s.weight is not None:
                self.pairs.append((header, s.weight))
                self.same_claim.append((header, s.weight))

    def _rate_claim(self, found: RateFound, measures: dict[str, tuple[str, str, str]], fw: Framework,
                    out: dict[str, list[dict[str, Any]]]) -> None:
        rate, reading = found.rate, found.reading
        status, unsure = found.status, None
        if found.measure is not None:
            record = _qualified({"measure": found.measure, "value": self._signed(found)}, rate)
            self._add_claim(out["rates"], record, rate, ("measure",))
            if status == "contradicted":
                unsure = "所引数字不在同一句，请核对口径"
                self._note(record, "存疑：" + unsure)
            self.items.append(Item("rate", "claims.rates", f"{rate.label} {rate.written}：{found.why}", (rate.where,),
                                   status, unsure, (rate.written,)))
            self._place(rate)
            return
        if reading is None:
            self.items.append(Item("rate", f"stated[{self.refs.get(id(rate), '')}]",
                                   f"{rate.label or '比率'} {rate.written}：{found.why}", (rate.where,), status,
                                   "多种算法都得出该比率，未写入核对项" if status == "ambiguous" else None,
                                   (rate.written,)))
            return
        num, den = self._ref(reading.numerator), self._ref(reading.denominator)
        if num is None or den is None:
            self.items.append(Item("rate", "—", f"{rate.label} {rate.written}：{found.why}（所用数字未能录入）",
                                   (rate.where,), "unexplained", None, (rate.written,)))
            return
        self._place(rate)
        measure = next((mid for mid, shape in measures.items() if shape == (reading.kind, num, den)), None)
        if measure:
            record = _qualified({"measure": measure, "value": self._signed(found)}, rate)
            self._add_claim(out["rates"], record, rate, ("measure",))
            place = "claims.rates"
        else:
            label = self._ratio_label(rate, reading)
            record = {"label": label, "numerator": num, "denominator": den, "kind": reading.kind,
                      "value": self._signed(found)}
            self._add_claim(out["ratios"], _qualified(record, rate), rate, ("numerator", "denominator", "kind"))
            place = "claims.ratios"
        if status == "contradicted":
            unsure = "按句中所述口径重算不符：请核对是否另有口径"
            self._note(record, "存疑：" + unsure)
        evidence = tuple(dict.fromkeys((rate.where, reading.numerator.where, reading.denominator.where)))
        self.items.append(Item("rate", place, f"{rate.label or '比率'} {rate.written}：{found.why}", evidence, status,
                               unsure, (rate.written, reading.numerator.written, reading.denominator.written)))

    def _ratio_label(self, rate: Mention, reading: Reading) -> str:
        """What the rate is of: its own words, with the figure it divides named when the words begin with 占."""
        subject = self._short(reading.numerator)
        if len(rate.label) <= 2:
            return f"{subject}占{self._short(reading.denominator)}比例"
        return subject + rate.label if rate.label.startswith("占") else rate.label

    def _short(self, m: Mention) -> str:
        mapped = self.mapped.get(id(m))
        return short_label(mapped.path) if mapped else m.label

    def _signed(self, found: RateFound) -> Decimal:
        return -found.rate.quantity.value if found.falls and found.reading and found.reading.kind == "change" \
            else found.rate.quantity.value

    def _add_claim(self, claims: list[dict[str, Any]], record: dict[str, Any], rate: Mention,
                   keys: tuple[str, ...]) -> None:
        """Add a claim, or add this source to the same claim stated before (the table's 92% and the narrative's)."""
        same = next((c for c in claims if all(c.get(k) == record.get(k) for k in keys + ("value", "qualifier"))
                     and str(c["value"]) == str(record["value"])), None)
        if same is not None:
            same["source"] = f"{same['source']}；{rate.cite()}"
            self.pairs.append((self.claimed_by[id(same)], rate))
            self.same_claim.append((self.claimed_by[id(same)], rate))
            return
        record["source"] = rate.cite()
        self.claimed_by[id(record)] = rate
        claims.append(record)

    def _list_claim(self, lst: Listed, where: str, out: dict[str, list[dict[str, Any]]]) -> None:
        whole = lst.whole
        parts_text = " + ".join(p.written for p in lst.parts)
        text = (f"{whole.label} {whole.written} ⟵ {parts_text}（合计 {lst.total}"
                f"{'，与总数相符' if lst.complete else '，与总数不等'}）")
        evidence = tuple(dict.fromkeys((whole.where,) + tuple(p.where for p in lst.parts)))
        highlight = (whole.written,) + tuple(p.written for p in lst.parts)
        missing = lst.named - len(lst.parts) if lst.named else 0
        unsure = f"所列 {lst.named} 项中 {missing} 项未载明金额" if missing > 0 else None
        if where == "breakdown":
            self.items.append(Item("identity", "figures（目录勾稽关系）", text, evidence,
                                   "holds" if lst.complete else "differs", None, highlight))
            return
        if where == "items":
            self.items.append(Item("identity", f"{self.mapped[id(whole)].path} 的分项", text, evidence,
                                   "holds" if lst.complete else "partial", unsure, highlight))
            return
        refs = [self._ref(p) for p in lst.parts]
        whole_ref = self._ref(whole)
        if whole_ref is None or any(r is None for r in refs):
            return
        record = {"label": whole.label or "分项", "whole": whole_ref, "parts": refs,
                  "relation": "=" if lst.complete else ">=", "source": whole.cite()}
        out["identities"].append(record)
        self._note(record, "存疑：" + unsure if unsure else None)
        self.items.append(Item("identity", "claims.identities", text, evidence,
                               "holds" if lst.complete else "partial", unsure, highlight))

    def _section_claim(self, s: SectionStated, out: dict[str, list[dict[str, Any]]]) -> None:
        record: dict[str, Any] = {"name": s.name}
        for key, m in (("weight", s.weight), ("score", s.score), ("rate", s.rate)):
            if m is not None:
                record[key] = _number(m)
        record["source"] = s.mentions[0].cite()
        out["sections"].append(record)
        status = ""
        if s.rate is not None and s.score is not None and s.weight is not None and s.weight.quantity.value > 0:
            computed = s.score.quantity.value / s.weight.quantity.value * 100
            status = "explained" if agrees(s.rate.quantity, computed) else "contradicted"
        self.items.append(Item("section", "claims.sections",
                               f"{s.name}：" + "，".join(f"{k} {m.written}" for k, m in
                                                        (("总分值", s.weight), ("得分", s.score), ("得分率", s.rate)) if m),
                               (s.mentions[0].where,), status, None, tuple(m.written for m in s.mentions)))

    # ------------------------------------------------------------ the params

    def _assemble(self, rows: list[dict[str, Any]], tables: Tables, stated: list[tuple[str, Mention]],
                  claims: dict[str, list[dict[str, Any]]]) -> None:
        p = self.params
        figures, statements = self._figures_section(tables)
        if figures:
            p["figures"] = figures
        repeated = {id(m): group[0] for group in self.repeated for m in group[1:]}
        stated_out = []
        for sid, m in stated:
            if id(m) in repeated:
                statements.append(self._statement(self.refs[id(repeated[id(m)])], m, repeated[id(m)]))
                continue
            stated_out.append(self._stated_figure(sid, m))
        if stated_out:
            p["stated"] = stated_out
        projects = [self._project(x) for x in tables.projects]
        if projects:
            p["projects"] = projects
        if rows:
            p["indicators"] = rows
        c = p.setdefault("claims", {})
        for key, value in (("rates", claims["rates"]), ("statements", statements), ("ratios", claims["ratios"]),
                           ("identities", claims["identities"]), ("sections", claims["sections"])):
            if value:
                c[key] = value
        if not c:
            del p["claims"]
        self.params = {k: p[k] for k in ("unit", "figures", "stated", "projects", "indicators", "claims") if k in p}

    def _figures_section(self, tables: Tables) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        figures: dict[str, Any] = {}
        statements: list[dict[str, Any]] = []
        for path, mentions in self.figures.items():
            first = mentions[0]
            record = self._figure(path, first)
            group, _, key = path.partition(".")
            if group == "lines":
                line, _, column = key.partition(".")
                figures.setdefault("lines", {}).setdefault(line, {})[column] = record
            else:
                figures.setdefault(group, {})[key] = record
            for m in mentions[1:]:
                if m is first:
                    continue
                statements.append(self._statement(path, m, first))
        items = self._item_lists()
        figures.update(items)
        return figures, statements

    def _figure(self, path: str, m: Mention) -> dict[str, Any]:
        self._place(m)
        record: dict[str, Any] = {"value": _number(m)}
        if canonical_unit(m.quantity.unit) != canonical_unit(unit_of(path)):
            record["unit"] = m.quantity.unit
        _qualified(record, m)
        record["source"] = m.cite()
        if m.implied:
            record["note"] = m.implied
        self.items.append(Item("figure", f"figures.{path}", f"{catalogue_label(path)}：{m.written}"
                               f"{'（' + m.implied + '）' if m.implied else ''}", (m.where,), highlight=(m.written,)))
        return record

    def _statement(self, ref: str, m: Mention, first: Mention) -> dict[str, Any]:
        self._place(m)
        self.pairs.append((first, m))
        record: dict[str, Any] = {"figure": ref, "value": _number(m)}
        if m.quantity.unit and (not is_figure_path(ref) or canonical_unit(m.quantity.unit) != unit_of(ref)):
            record["unit"] = m.quantity.unit
        _qualified(record, m)
        record["source"] = m.cite()
        differs = commensurable(m.quantity.unit, first.quantity.unit) and contradicts(m.quantity, first.quantity)
        unsure = None
        if differs:
            unsure = "两处数值不同：请核对是否同一口径（score 将报告此处不一致）"
            self._note(record, "存疑：" + unsure)
        label = catalogue_label(ref) if is_figure_path(ref) else first.label
        self.items.append(Item("repeat", "claims.statements", f"{label}：{first.written} ／ {m.written}",
                               (first.where, m.where), "differs" if differs else "same", unsure,
                               (first.written, m.written)))
        return record

    def _stated_figure(self, sid: str, m: Mention) -> dict[str, Any]:
        self._place(m)
        record: dict[str, Any] = {"id": sid, "label": m.label or "（未载明）", "value": _number(m)}
        if m.quantity.unit:
            record["unit"] = m.quantity.unit
        _qualified(record, m)
        if m.year is not None:
            record["year"] = m.year
        record["source"] = m.cite()
        unsure = "未能读出所指事项，请补标签" if not m.label else None
        note = "；".join(x for x in (m.implied, unsure and "存疑：" + unsure) if x)
        if note:
            record["note"] = note
        self.items.append(Item("stated", f"stated[{sid}]", f"{record['label']}：{m.written}", (m.where,),
                               unsure=unsure, highlight=(m.written,)))
        return record

    def _project(self, x: ProjectLine) -> dict[str, Any]:
        record: dict[str, Any] = {"name": x.name}
        if x.score is not None:
            self._place(x.score)
            record["score"] = _number(x.score)
        if x.grade:
            record["grade"] = x.grade
        for key, m in (("budget", x.budget), ("executed", x.executed)):
            if m is not None:
                self._place(m)
                money: dict[str, Any] = {"value": _number(m)}
                if canonical_unit(m.quantity.unit) != "万元":
                    money["unit"] = m.quantity.unit
                money["source"] = m.cite()
                record[key] = money
        record["source"] = x.score.cite() if x.score is not None else x.where.cite()
        shown = [m for m in (x.score, x.budget, x.executed) if m is not None]
        self.items.append(Item("project", "projects", f"{x.name}：" + "，".join(m.written for m in shown),
                               tuple(m.where for m in shown) or (x.where,), highlight=tuple(m.written for m in shown)))
        return record

    def _item_lists(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for lst, where in self.written_lists:
            if where != "items":
                continue
            path = self.mapped[id(lst.whole)].path
            items = [{"name": p.label or f"分项{k + 1}", "amount": self._amount(p)} for k, p in enumerate(lst.parts)]
            if path == "lines.project.final" and "project_items" not in out:
                out["project_items"] = items
            else:
                out.setdefault("item_lists", []).append({"of": path, "items": items})
        return out

    @staticmethod
    def _amount(m: Mention) -> dict[str, Any]:
        record: dict[str, Any] = {"value": _number(m)}
        if canonical_unit(m.quantity.unit) != "万元":
            record["unit"] = m.quantity.unit
        record["source"] = m.cite()
        return record


def _dimension(unit: str) -> str:
    from ...core.quantity import UNITS

    return UNITS[unit].dimension if unit in UNITS else unit


def _shown(value: Mention | str | None) -> str:
    if isinstance(value, Mention):
        return value.written
    return value or "（空白）"


def _by_sentence(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped by the sentence they stand in, in document order."""
    groups: dict[tuple[int, int | None, str], list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.order):
        groups.setdefault((m.where.block, m.where.cell, m.where.text), []).append(m)
    return list(groups.values())
