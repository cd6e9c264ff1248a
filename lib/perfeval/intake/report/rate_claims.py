"""Stated rates into claims: the reading that explains each (or the framework measure, or the figure the sentence
names), written as `claims.rates` when the framework computes it, else `claims.ratios`."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ...core.figures import unit_of
from ...core.framework import Framework
from ...core.measures import Context, ZeroDenominator
from ...core.params import Figures
from ...core.quantity import Qualifier, agrees, commensurable
from .catalogue import normalise, path_named
from .lists import Listed
from .mentions import Mention, clean_label
from .model import Item
from .points import points_changes
from .placement import (
    Placement,
    by_sentence,
    framework_measures,
    framework_options,
    qualified,
    two_figures,
)
from .rates import (
    DOWN_WORDS,
    bracketed_before,
    RateFound,
    Reading,
    change_by_amount_of_named,
    change_from_section,
    column_change,
    column_share,
    done_over_planned,
    adjustment_over_opening,
    done_over_the_years_budget,
    explain,
    NamedEarlier,
    explain_from_section,
    is_difference,
    over_the_whole,
    reading_of,
    saved_over_planned,
    share_of_its_list,
)
from .row_rates import Declared
from .tables import Cell, Tables

_CHANGE_WORDS = re.compile(r"较上年|比上年|较去年|比去年|同比")
_ON_LAST_YEAR = re.compile(r"较上年|比上年|较去年|比去年|同比")
_PART = re.compile(r"^[^(（\d]*")  # the top part of a section path: 一 of 一(二)1(1)
_SHARE_OF = re.compile(r"占(?:全年)?([^，。；：\d]{2,16}?)(?:的)?(?:比例|比重)?$")


class RateClaims(Placement):
    """Explains the stated rates and writes the claims they make."""

    def _rates(self, tables: Tables, free: list[Mention], lists: list[Listed], fw: Framework) -> list[RateFound]:
        out: list[RateFound] = []
        by_block: dict[int, list[Mention]] = {}
        by_part: dict[str, list[Mention]] = {}
        for m in free:
            by_block.setdefault(m.where.block, []).append(m)
            by_part.setdefault(_part_of(m.where.section), []).append(m)
        earlier = NamedEarlier.of(free)
        for sentence in by_sentence(free):
            for m in (x for x in sentence if x.is_rate and not is_threshold(x)):
                found = explain(m, sentence, by_block.get(m.where.block, []), lists)
                found = explain_from_section(found, sentence, by_part[_part_of(m.where.section)])
                found = change_from_section(found, by_part[_part_of(m.where.section)], self.year)
                found = change_by_amount_of_named(found, sentence, free, self.year, self._named_figure)
                found = self._change_of_named(self._share_of_named(found, sentence, free), sentence)
                found = self._share_of_two_named(found)
                found = _formula_change(self._change_from_last_year(found, sentence, free), free)
                found = earlier.explain(found, sentence)
                found = done_over_the_years_budget(found, sentence, by_block.get(m.where.block, []))
                found = adjustment_over_opening(found, sentence)
                found = saved_over_planned(found, sentence)
                out.append(share_of_its_list(found, sentence, lists, free))
        own_rows: set[int] = set()  # a rate of a table row that states no catalogue figure: that row's own
        lines: dict[tuple[int, int], list[Cell]] = {}  # each line's cells, gathered once: linear in the table
        for cell in tables.cells:
            lines.setdefault(cell.line_of, []).append(cell)
        for cell in tables.cells:
            if cell.mention.is_rate and not cell.target:  # an indicator's 100% target states no rate
                row = lines[cell.line_of]
                mentions = [c.mention for c in row]
                found = _declared(cell.mention, cell.of) if cell.of is not None else \
                    column_share(column_change(explain(cell.mention, mentions, mentions, lists), mentions), mentions)
                if "执行率" in (cell.mention.where.column or "") and any(c.path == "budget.executed" for c in row):
                    # the 执行率 of a 绩效自评表's budget row is 预算执行率 by the table's own definition, even when
                    # the unit's 得分 ÷ 分值 happens to give the same number
                    as_measure = self._by_measure(replace(found, status="unexplained"), fw, "预算执行率")
                    found = as_measure if as_measure.measure else found
                if cell.mention.where.row and cell.mention.where.column and not any(c.path for c in row):
                    own_rows.add(id(found))  # 单位资金·预算执行率 0.00% is that source's, not the framework measure
                out.append(found)
        read = [(r, done_over_planned(self._measure_reading(over_the_whole(r, self.wholes), fw))) for r in out]
        return [done if id(r) in own_rows else self._by_measure(done, fw) if done.status != "contradicted"
                else self._failing_measure(done, fw) for r, done in read]

    def _named_figure(self, words: str) -> Mention | None:
        """The catalogue figure words name (2023年“三公”经费决算数), as the report first states it (a table's cell too)."""
        path = path_named(words, self.year) if words.strip() else None
        stated = self.figures.get(path) if path else None
        return stated[0] if stated else None

    def _failing_measure(self, found: RateFound, fw: Framework) -> RateFound:
        """A rate its words' reading contradicts that is named as a framework measure (预算执行率 of 全年执行 ÷ 全年预算)
        and fails by the measure too: the measure's claim, which the framework scores."""
        measured = self._by_measure(replace(found, status="unexplained"), fw)
        return measured if measured.measure and measured.status == "contradicted" else found

    def _measure_reading(self, found: RateFound, fw: Framework) -> RateFound:
        """Of several readings that give a rate, the one the framework itself computes (执行率 = 执行数 ÷ 预算数,
        not 得分 ÷ 分值, in a row that holds both)."""
        if found.status != "ambiguous":
            return found
        shapes = {shape for m in framework_measures(fw).values() if (shape := two_figures(m))}
        own = [r for r in found.others if (r.kind, self._path(r.numerator), self._path(r.denominator)) in shapes]
        if len(own) != 1:
            return found
        return replace(found, status="explained", reading=own[0], others=(), why=own[0].formula())

    def _share_of_named(self, found: RateFound, sentence: list[Mention], stated: list[Mention]) -> RateFound:
        """“档案数字化项目支出320.00万元，占项目支出的45.2%”: a share of a figure the sentence names but does not
        restate, stated elsewhere in the report — a catalogue figure (the claim the rate makes), or a figure of the
        unit's own under the same words (占本年支出合计的91.91% after 本年支出合计1523.26万元 in another part; 占政府采购
        支出总额的83.33% after 政府采购支出总额30.00万元 in the sentence before), divided into the figure just before the
        rate."""
        named = _SHARE_OF.search(found.rate.lead)
        if found.status != "unexplained" or named is None:
            return found
        path = path_named(named.group(1), self.year)
        whole = self.figures.get(path or "")
        if whole:
            parts = [m for m in sentence if m is not found.rate and not m.is_rate and not is_difference(m)
                     and m.quantity.qualifier is Qualifier.EXACT
                     and commensurable(m.quantity.unit, whole[0].quantity.unit) and m is not whole[0]]
            if len(parts) == 1:
                return _share_claim(found, parts[0], whole[0], sure=True)
        part = _just_before(found.rate, sentence)
        if part is None:
            return found
        if whole and commensurable(part.quantity.unit, whole[0].quantity.unit) and part is not whole[0]:
            return _share_claim(found, part, whole[0], sure=True)
        core = _core(named.group(1))
        alike = [m for m in stated if m.where.text != found.rate.where.text and _operand(m) and m.quantity.value > 0
                 and commensurable(m.quantity.unit, part.quantity.unit) and _core(m.label) == core and m is not part]
        if len(core) < MIN_NAMED or not alike:
            return found
        agreeing = [m for m in alike if _share_claim(found, part, m, sure=False).status == "explained"]
        if len({m.quantity.value for m in agreeing}) == 1:
            return _share_claim(found, part, agreeing[0], sure=False)
        if not agreeing and len({m.quantity.value for m in alike}) == 1:
            return _share_claim(found, part, alike[0], sure=False)  # one figure under these words: the claim
        return found

    def _share_of_two_named(self, found: RateFound) -> RateFound:
        """“基本支出占部门整体支出的36.67%，项目支出占63.33%”: a share whose words name both its figures, catalogue
        figures the report states elsewhere (the whole left unsaid after the first share of a sentence is that one's) —
        the claim it makes, whatever its value."""
        rate = found.rate
        if found.status != "unexplained" or rate.where.in_table:
            return found
        named = _BOTH_NAMED.search(rate.where.text, 0, rate.start)
        if named is None:
            return found
        earlier = _WHOLE_NAMED.findall(rate.where.text, 0, named.start())
        whole_words = named.group("whole") or (earlier[-1] if earlier else None)
        paths = [path_named(words, self.year) for words in (named.group("part"), whole_words) if words]
        figures = [stated for p in paths if p and (stated := self.figures.get(p))]
        if len(figures) != 2 or paths[0] == paths[1]:
            return found
        part, whole = figures[0][0], figures[1][0]
        if not commensurable(part.quantity.unit, whole.quantity.unit):
            return found
        return _share_claim(found, part, whole, sure=True)

    def _change_of_named(self, found: RateFound, sentence: list[Mention]) -> RateFound:
        """“2023年“三公”经费较上年下降18.6%”: a change of a catalogue line the sentence names, on last year, whose
        two years the report states elsewhere (this year's often in the sentence before) — the claim it makes.
        “2022年“三公”经费支出64.20万元，2023年较上年下降6.1%”: the line is the one whose last year's figure the
        clause before states."""
        if found.status != "unexplained" or not _CHANGE_WORDS.search(found.rate.lead):
            return found
        named = path_named(_ON_LAST_YEAR.split(found.rate.lead)[0], self.year) or self._line_before(found, sentence)
        if named is None or not named.startswith("lines.") or named.rpartition(".")[2] not in ("final", "budget"):
            return found
        head, _, column = named.rpartition(".")
        new, old = self.figures.get(named), self.figures.get(f"{head}.prev_{column}")
        if not new or not old or old[0].quantity.value <= 0:
            return found
        down = -1 if DOWN_WORDS.search(found.rate.clause) and found.rate.quantity.value > 0 else 1
        computed = (new[0].quantity.to(old[0].quantity.unit).value - old[0].quantity.value) \
            / old[0].quantity.value * 100 * down
        reading = Reading("change", new[0], old[0], computed)
        status = "explained" if agrees(found.rate.percent, computed) else "contradicted"
        return replace(found, status=status, reading=reading,
                       why=f"按句中所指 {reading.formula()} 重算为 {computed:.2f}%")

    def _change_from_last_year(self, found: RateFound, sentence: list[Mention], stated: list[Mention]) -> RateFound:
        """“2022年培训费支出20.00万元，2023年较上年下降10%”: a change on last year whose clause before states last
        year's figure, explained by this year's figure the report states under the same words elsewhere (2023年培训费
        支出18.00万元), when it states one value of it; or whose clause before states this year's figure, with last
        year's stated earlier under the same words (in the sentence before, say)."""
        if found.status != "unexplained" or self.year is None or not _CHANGE_WORDS.search(found.rate.lead):
            return found
        old = _just_before(found.rate, sentence)
        if old is None:
            return found
        subject = _core(_YEARS.sub("", old.label))
        if old.year == self.year - 1 or _LAST_YEAR.search(old.lead):
            new = [m for m in stated if m is not old and _operand(m) and m.year in (self.year, None)
                   and not _LAST_YEAR.search(m.lead) and commensurable(m.quantity.unit, old.quantity.unit)
                   and _core(_YEARS.sub("", m.label)) == subject]
        elif old.year == self.year:  # “2023年会议费支出5.00万元。2024年会议费支出4.20万元，较上年下降20%”: this
            # year's figure just before the rate, last year's stated before it under the same words
            new, this_year = [old], old
            earlier = [m for m in stated if m is not this_year and _operand(m) and m.order < found.rate.order
                       and (m.year == self.year - 1 or m.year is None and _LAST_YEAR.search(m.lead))
                       and commensurable(m.quantity.unit, this_year.quantity.unit)
                       and _core(_YEARS.sub("", m.label)) == subject]
            if len({m.quantity.to(this_year.quantity.unit).value for m in earlier}) != 1:
                return found
            old = earlier[-1]
        else:
            return found
        if len(subject) < MIN_NAMED or len({m.quantity.to(old.quantity.unit).value for m in new}) != 1 \
                or old.quantity.value <= 0:
            return found
        down = -1 if DOWN_WORDS.search(found.rate.clause) and found.rate.quantity.value > 0 else 1
        computed = (new[0].quantity.to(old.quantity.unit).value - old.quantity.value) / old.quantity.value * 100 * down
        reading = Reading("change", new[0], old, computed)
        status = "explained" if agrees(found.rate.percent, computed) else "contradicted"
        return replace(found, status=status, reading=reading,
                       why=f"按所述口径 {reading.formula()} 重算为 {computed:.2f}%")

    def _line_before(self, found: RateFound, sentence: list[Mention]) -> str | None:
        """This year's column of the line whose last year's figure stands last before the rate in its sentence."""
        before = [self._path(m) for m in sentence if m.order < found.rate.order and not m.is_rate]
        last = before[-1] if before else None
        if not last or not last.startswith("lines.") or not last.rpartition(".")[2].startswith("prev_"):
            return None
        head, _, column = last.rpartition(".")
        return f"{head}.{column.removeprefix('prev_')}"

    def _by_measure(self, found: RateFound, fw: Framework, named: str | None = None) -> RateFound:
        """An unexplained rate named as one of the framework's measures, computed from catalogue figures the report
        states elsewhere: the claim the rate makes, for `score` to confirm or contradict."""
        if found.status != "unexplained":
            return found
        name = normalise(named or found.rate.label)
        names = fw.rate_measures()
        for mid, measure in framework_measures(fw).items():
            wanted = normalise(names[mid].split("·")[-1])
            if len(name) < 4 or not (name == wanted or name.endswith(wanted) or wanted.endswith(name)):
                continue
            computed = self._evaluate(measure)
            if computed is None:
                return self._by_option(found, framework_options(fw)[mid], names[mid])
            status = "explained" if agrees(found.rate.percent, computed) else "contradicted"
            why = f"按框架指标“{names[mid]}”（{measure.describe()}）以报告所载数字重算为 {computed:.2f}%"
            return replace(found, status=status, measure=mid, why=why)
        return found

    def _by_option(self, found: RateFound, options: tuple[Any, ...], name: str) -> RateFound:
        """A rate named as a framework measure whose default reading the report does not let be computed (预算执行率
        with 年初预算 + 追加 as its denominator, where no 追加 is stated) but another of its readings does, from two
        catalogue figures the report states (全年执行 ÷ 全年预算): the claim the words make, read that way, whatever its
        value — never left bare (trial 4 U51)."""
        for option in options:
            shape = two_figures(option)
            if shape is None:
                continue
            a, b = (path if path in self.figures else _SPENT_FOR.get(path, path) for path in shape[1:])
            if a not in self.figures or b not in self.figures:
                continue
            kind = "share" if shape[0] == "share" else "change"
            reading = reading_of(kind, self.figures[a][0], self.figures[b][0], found.falls)
            if reading is None:
                continue
            holds = agrees(found.rate.percent, reading.value)
            return replace(found, status="explained" if holds else "contradicted", reading=reading,
                           why=f"按框架指标“{name}”的口径 {reading.formula()} 重算为 {reading.value:.2f}%")
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

    def _rate_claim(self, found: RateFound, measures: dict[str, tuple[str, str, str]], fw: Framework,
                    out: dict[str, list[dict[str, Any]]]) -> None:
        rate, reading = found.rate, found.reading
        status, unsure = found.status, None
        if found.measure is not None:
            record = qualified({"measure": found.measure, "value": self._signed(found)}, rate)
            self._add_claim(out["rates"], record, rate, ("measure",))
            if status == "contradicted":
                unsure = "按框架指标以报告所载数字重算与所述不符，请核对所用数字与口径"
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
        measure = None if reading.by else next((mid for mid, shape in measures.items()
                                                 if shape == (reading.kind, num, den)), None)
        if measure:
            record = qualified({"measure": measure, "value": self._signed(found)}, rate)
            self._add_claim(out["rates"], record, rate, ("measure",))
            place = "claims.rates"
        else:
            label = self._ratio_label(rate, reading)
            kind = f"{reading.by}_by" if reading.by else reading.kind  # a change from its amount: see StatedRatio
            record = {"label": label, "numerator": num, "denominator": den, "kind": kind, "value": self._signed(found)}
            self._add_claim(out["ratios"], qualified(record, rate), rate, ("numerator", "denominator", "kind"))
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
        if len(rate.label) <= 2 and reading.kind == "change":  # 下降11.03%: the change of the figure, no share of the
            return f"{subject}{rate.label or '变动'}比例"  # amount it changed by (trial 4 U13)
        if len(rate.label) <= 2:
            return f"{subject}占{self._short(reading.denominator)}比例"
        return subject + rate.label if rate.label.startswith("占") else rate.label

    def _signed(self, found: RateFound) -> Decimal:
        value = found.rate.percent.value  # claims are in %: 0.5‰ is claimed as 0.05 (%)
        return -value if found.falls and found.reading and found.reading.kind == "change" else value

    def _points_claims(self, stated: list[Mention], out: dict[str, list[dict[str, Any]]]) -> None:
        """A change of a rate in percentage points (较上年提高3.5个百分点) after the two rates its sentence dates: the
        claim that the later less the earlier is that many points."""
        for sentence in by_sentence(stated):
            for found in points_changes(sentence):
                new, old = self._ref(found.new), self._ref(found.old)
                if new is None or old is None:
                    continue
                value = -found.change.quantity.value if found.falls else found.change.quantity.value
                record = {"label": f"{clean_label(found.new.label) or '比率'}变动", "numerator": new, "denominator": old,
                          "kind": "points", "value": value}
                self._add_claim(out["ratios"], qualified(record, found.change), found.change,
                                ("numerator", "denominator", "kind"))
                self._place(found.change)
                self.items.append(Item("rate", "claims.ratios", f"{record['label']} {found.change.written}："
                                       f"{found.new.written} − {found.old.written}", (found.change.where,),
                                       "explained" if found.new.quantity.value - found.old.quantity.value == value
                                       else "contradicted", highlight=(found.change.written,)))

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
        record.update(rate.cited())
        if rate.quantity.unit != "%":
            self._note(record, f"写作“{rate.written}”，按百分数记为{record['value']}%")  # 0.5‰ claimed as 0.05%
        self.claimed_by[id(record)] = rate
        claims.append(record)


# What a department executed of its budget, where the report states no 执行数: what it spent in the year (部门整体支出
# 2187.25万元，预算执行率97.22% against 全年预算数（调整后）2249.70万元; trial 5 V9).
_SPENT_FOR = {"budget.executed": "lines.total.final"}
MIN_NAMED = 2  # characters of the words a share names its whole by (支出 of 占本年支出合计的)
_FRAMING = re.compile(r"^(?:本年度?|全年|年度|当年|(?:本|我)(?:单位|部门|局|委|办|站|所|馆|院|中心|镇|乡|街道|校|会))"
                      r"|(?:总额|总计|合计|总数|总量|金额|数)$")


_LAST_YEAR = re.compile(r"上年|去年|上一年")
_BOTH_NAMED = re.compile(r"(?:^|[，,；;、])\s*(?P<part>[^，,；;、。\d%]{2,16}?)占(?:全年|本年)?"
                         r"(?:(?P<whole>[^，,；;、。\d%]{2,16}?)(?:的)?(?:比例|比重)?(?:为|达)?)?\s*$")  # 基本支出占部门整体支出的
_WHOLE_NAMED = re.compile(r"占(?:全年|本年)?([^，,；;、。\d%]{2,16}?)的")  # the whole an earlier share names
_YEARS = re.compile(r"(?:19|20)\d{2}\s*年度?")  # 2022年培训费 and 2023年培训费 name one line in two years
_NUMBERED = re.compile(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]")  # (一)收入总计 read as 一)收入 by the label


def _core(words: str) -> str:
    """Words that name a figure, without the framing a share's words and a statement's label differ by (本年支出合计,
    支出总额 → 支出)."""
    previous, words = None, _NUMBERED.sub("", normalise(clean_label(words)))
    while previous != words:
        previous, words = words, _FRAMING.sub("", words)
    return words


_BOUND_SIGN = re.compile(r"[≥≤<>＜＞≧≦]")
_TARGET_WORDS = re.compile(r"目标值|指标值|目标为|标准为|阈值")


def is_threshold(m: Mention) -> bool:
    """Is a percentage an indicator's value or a threshold written as one (设备完好率≥98%, 偏差率<40%, 目标值为完成率
    100%), not a rate of what the unit did? It is a figure of its own then, never read as a rate to check."""
    bound = m.quantity.qualifier in (Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.ABOVE, Qualifier.BELOW)
    return bound and bool(_BOUND_SIGN.search(m.quantity.text + m.lead[-1:])) or bool(_TARGET_WORDS.search(m.lead))


def _operand(m: Mention) -> bool:
    return not m.is_rate and bool(m.quantity.unit) and m.quantity.qualifier is Qualifier.EXACT


def _just_before(rate: Mention, sentence: list[Mention]) -> Mention | None:
    """The figure a “占…的x%” divides: the last one before the rate in its sentence that is no change on last year
    (基本支出800.00万元，比上年增加50.00万元，占总支出的80%: the 800)."""
    before = [m for m in sentence if m.order < rate.order and _operand(m) and not is_difference(m)
              and not bracketed_before(m, rate)]
    return before[-1] if before else None


_FORMULA = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*[-−－]\s*(\d+(?:\.\d+)?)\s*[)）]\s*[/÷]\s*(\d+(?:\.\d+)?)")


def _formula_change(found: RateFound, stated: list[Mention]) -> RateFound:
    """“变动率=（1.20-1.00）/1.00×100%=30%”: a change written as its formula of bare numbers, explained by the figures
    of those values the report states (the nearest before the rate, else after it), when both are stated and
    commensurable — the claim the formula makes."""
    formula = list(_FORMULA.finditer(found.rate.lead))
    if found.status != "unexplained" or not formula:
        return found
    a, b, c = (Decimal(x) for x in formula[-1].groups())
    if b != c or b <= 0:
        return found
    new, old = (_nearest_of_value(value, found.rate, stated) for value in (a, b))
    if new is None or old is None or new is old or not commensurable(new.quantity.unit, old.quantity.unit):
        return found
    computed = (new.quantity.to(old.quantity.unit).value - old.quantity.value) / old.quantity.value * 100
    reading = Reading("change", new, old, computed)
    status = "explained" if agrees(found.rate.percent, computed) else "contradicted"
    return replace(found, status=status, reading=reading, why=f"按算式 {reading.formula()} 重算为 {computed:.2f}%")


def _nearest_of_value(value: Decimal, rate: Mention, stated: list[Mention]) -> Mention | None:
    same = [m for m in stated if _operand(m) and m.quantity.value == value]
    before = [m for m in same if m.order < rate.order]
    return before[-1] if before else same[0] if same else None


def _declared(rate: Mention, declared: Declared) -> RateFound:
    """A rate the table declares the reading of (占比 beside the amounts a 合计 row sums; a 控制率 or 变动率 beside its
    row's two figures, tables.Cell.of) — the claim the table makes, whatever its value."""
    reading = reading_of(declared.kind, declared.numerator, declared.denominator)
    if reading is None:
        return RateFound(rate, "unexplained")
    status = "explained" if agrees(rate.percent, reading.value) else "contradicted"
    return RateFound(rate, status, reading, why=f"按{declared.basis} {reading.formula()} 重算为 {reading.value:.2f}%")


def _share_claim(found: RateFound, part: Mention, whole: Mention, sure: bool) -> RateFound:
    """The rate read as part ÷ whole: explained when it agrees, else the claim that does not hold."""
    if whole.quantity.value <= 0:
        return found
    computed = part.quantity.to(whole.quantity.unit).value / whole.quantity.value * 100
    reading = Reading("share", part, whole, computed)
    status = "explained" if agrees(found.rate.percent, computed) else "contradicted"
    why = f"按句中所指 {reading.formula()} 重算为 {computed:.2f}%"
    return replace(found, status=status, reading=reading, why=why if sure or status == "contradicted" else reading.formula())


def _part_of(section: str) -> str:
    """The report's top-level part a section path lies in (一 for 一(二)1(1)): where a rate's plan may be stated."""
    found = _PART.match(section)
    return found.group(0) if found else section
