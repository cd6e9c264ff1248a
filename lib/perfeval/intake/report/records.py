"""The params records of a draft: catalogue figures, stated figures, statements, items, identities, section scores
and projects, each with its source and, where the reader is unsure, a 存疑 note beside it."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ...core.figures import is_figure_path, unit_of
from ...core.figures import label_of as catalogue_label
from ...core.framework import Framework
from ...core.quantity import Qualifier, agrees, canonical_unit, commensurable, contradicts
from .lists import Listed
from .mentions import Mention, clean_label
from .model import Item
from .placement import Placement, framework_measures, number, qualified, two_figures
from .rates import RateFound
from .section_scores import SectionStated
from .tables import ProjectLine, Tables


class Records(Placement):
    """Writes what the readers found as params records."""

    def _claims(self, rates: list[RateFound], lists: list[tuple[Listed, str]], sections: list[SectionStated],
                fw: Framework) -> dict[str, list[dict[str, Any]]]:
        measures = {mid: shape for mid, m in framework_measures(fw).items() if (shape := two_figures(m))}
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
        enumerated = lst.complete or where == "enumeration" or lst.shape == "summed" or _by_kind(lst) and not lst.cut \
            or lst.shape == "inline" and lst.named == len(lst.parts)  # 二类支出…，其中A…，B…: the kinds it counts
        if not all(commensurable(p.quantity.unit, whole.quantity.unit) for p in lst.parts):
            # 17家 ⟵ 15个 + 1个 + 1个: params compare like units only, so the review lists it and score does not check it
            self.items.append(Item("identity", "—", text, evidence, "holds" if lst.complete else "partial",
                                   "分项与总数的量词不同（如“家”与“个”），未写入核对项，请核对", highlight))
            return
        record = {"label": self._label(whole) or "分项", "whole": whole_ref, "parts": refs,
                  "relation": "=" if enumerated else ">=", "source": whole.cite()}
        out["identities"].append(record)
        self._note(record, "存疑：" + unsure if unsure else None)
        self.items.append(Item("identity", "claims.identities", text, evidence,
                               "holds" if lst.complete else "differs" if enumerated else "partial", unsure, highlight))

    def _evaluated_claim(self, spent: tuple[Mention, ...], out: dict[str, list[dict[str, Any]]]) -> None:
        """项目支出 ≥ what the projects evaluated one subsection each spent (see evaluated): the structure says the
        projects are part of it, so `score` asks about a sum above it."""
        total = self.figures.get("lines.project.final")
        if not total or len(spent) < 2 or total[0] in spent or any(self._ref(m) is None for m in spent):
            return
        whole = total[0]
        parts_sum = sum((p.quantity.to(whole.quantity.unit).value for p in spent), Decimal(0))
        self._list_claim(Listed(whole, spent, "named", agrees(whole.quantity, parts_sum)), "identity", out)

    def _section_claim(self, s: SectionStated, out: dict[str, list[dict[str, Any]]]) -> None:
        record: dict[str, Any] = {"name": s.name}
        for key, m in (("weight", s.weight), ("score", s.score), ("rate", s.rate)):
            if m is not None:
                record[key] = number(m)
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

    def _assemble(self, rows: list[dict[str, Any]], tables: Tables, stated: list[tuple[str, Mention]],
                  claims: dict[str, list[dict[str, Any]]]) -> None:
        p = self.params
        figures, statements = self._figures_section(tables)
        if figures:
            p["figures"] = figures
        referred = set(_strings(claims))
        repeated = {id(m): group[0] for group in self.repeated for m in group[1:]}
        stated_out = []
        for sid, m in stated:
            if id(m) in repeated:
                ref = self._ref(repeated[id(m)])  # a stated figure's id, or the catalogue figure's path
                if ref is not None:
                    statements.append(self._statement(ref, m, repeated[id(m)]))
                if sid not in referred:
                    continue  # a claim that adds or divides this statement refers to it: it stays a figure too
            stated_out.append(self._stated_figure(sid, m))
        if self.total_elsewhere is not None:  # the text's claimed total against the 自评表's 总分 it differs from
            table, text = self.total_elsewhere
            ref = self._ref(table)
            if ref is not None:
                statements.append(self._statement(ref, text, table))
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
        self.params = {k: p[k] for k in ("unit", "figures", "stated", "projects", "indicators", "claims",
                                                "interpretations") if k in p}

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
        if id(m) not in self.assembled:  # a sum of the report's figures stands nowhere in it
            self._place(m)
        record: dict[str, Any] = {"value": number(m)}
        unit = m.counted.unit  # 编制172个 is counted in 人: its entry says so (labels.yaml units)
        if canonical_unit(unit) != canonical_unit(unit_of(path)):
            record["unit"] = unit
        qualified(record, m)
        record.update(m.cited())
        if m.implied:
            record["note"] = m.implied
        self.items.append(Item("figure", f"figures.{path}", f"{catalogue_label(path)}：{m.written}"
                               f"{'（' + m.implied + '）' if m.implied else ''}", (m.where,), highlight=(m.written,)))
        return record

    def _statement(self, ref: str, m: Mention, first: Mention) -> dict[str, Any]:
        self._place(m)
        self.pairs.append((first, m))
        record: dict[str, Any] = {"figure": ref, "value": number(m)}
        unit = m.counted.unit
        if unit and (not is_figure_path(ref) or canonical_unit(unit) != unit_of(ref)):
            record["unit"] = unit
        qualified(record, m)
        if "qualifier" in record and m.quantity.text:
            record["text"] = m.quantity.text  # 不足300万元, as the messages that cite it should say
        record.update(m.cited())
        differs = commensurable(m.counted.unit, first.counted.unit) and contradicts(m.counted, first.counted)
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
        label = self._label(m)
        record: dict[str, Any] = {"id": sid, "label": label or "（未载明）"}
        if (m.quantity.scale != 1 or m.quantity.qualifier is not Qualifier.EXACT) and m.quantity.text:
            record["text"] = m.quantity.text  # 5.6万人 admits 55,500–56,500 people; 56000 would admit one; 不足3万元
            # keeps its words in every message that cites it
        else:
            record["value"] = number(m)
            if m.counted.unit:
                record["unit"] = m.counted.unit
            qualified(record, m)
        if m.year is not None:
            record["year"] = m.year
        record.update(m.cited())
        unsure = "未能读出所指事项，请补标签" if not label else None
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
            record["score"] = number(x.score)
        if x.grade:
            record["grade"] = x.grade
        for key, m in (("budget", x.budget), ("executed", x.executed)):
            if m is not None:
                self._place(m)
                money: dict[str, Any] = {"value": number(m)}
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
            items = [{"name": _OPENED.sub("", p.label) or f"分项{k + 1}", "amount": self._amount(p)}
                     for k, p in enumerate(lst.parts)]
            if path == "lines.project.final" and "project_items" not in out:
                for item, part in zip(items, lst.parts):
                    uses = _uses(part.where.text)
                    if uses:
                        item["uses"] = uses
                out["project_items"] = items
            else:
                out.setdefault("item_lists", []).append({"of": path, "items": items})
        return out

    @staticmethod
    def _amount(m: Mention) -> dict[str, Any]:
        record: dict[str, Any] = {"value": number(m)}
        if canonical_unit(m.quantity.unit) != "万元":
            record["unit"] = m.quantity.unit
        record.update(m.cited())
        return record


def _by_kind(lst: Listed) -> bool:
    """Does a list name its total's income, spending, staff or posts by kind (总收入…，其中财政拨款收入…，事业收入…; 总支出…，
    其中基本支出…、项目支出…; 在职人员54人，其中参公人员21人、事业人员33人; 核定编制60名，其中行政编制20名、事业编制40名):
    parts that each end in the total's head word, so the words say they make it up, added up or not (trial 4 U1)?"""
    head = _HEAD_OF_KIND.search(clean_label(lst.whole.label))
    if head is None or lst.shape != "inline" or len(lst.parts) < 2 \
            or not canonical_unit(lst.whole.quantity.unit).endswith(_KIND_UNIT[head.group(0)]):
        return False
    return all(clean_label(p.label).endswith(head.group(0)) and clean_label(p.label) != clean_label(lst.whole.label)
               for p in lst.parts)


_HEAD_OF_KIND = re.compile(r"(?:收入|支出|人员|编制)(?=(?:总计|合计|总额|总数|人数)?$)")
_KIND_UNIT = {"收入": "元", "支出": "元", "人员": "人", "编制": "人"}  # what a total of each kind is counted in


def _uses(sentence: str) -> str | None:
    """What an item of 项目支出 went to, as its sentence writes it (主要用于A；B等): the projects check reads them."""
    at = sentence.find("用于")
    return (sentence[at:].rstrip("。；;，, ") or None) if at >= 0 else None


_OPENED = re.compile(r"^.*?(?:包括|包含|其中[：:]?)")  # 项目支出包括委员活动经费: the item is 委员活动经费


def _strings(value: Any) -> list[str]:
    """Every string inside nested claims (the ids and paths they refer to, among their labels)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _strings(v)]
    return []
