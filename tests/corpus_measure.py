"""`perfeval draft` and `score` measured on the corpus (tests/data/corpus) against its hand-written truth.

Every item is matched by where it stands, never by its label. A document is compared with its spaces and line
breaks removed and NFKC-normalised (one coordinate whatever a reader does with spaces, tabs, wrapped lines or full-width
forms); a drafted figure stands where its sentence (or cell) is found in that text, searched forward in the order
the reader read, plus its offset in the sentence; it matches a truth figure when both start their digits at the same
place. It is right when value, unit (名 and 人 are one; a cell whose unit the truth takes from a header may be read
without one) and qualifier agree. Rates, identities and repeated figures are then judged on the matched figures as
for the seeds (tests/draft_truth.py). Findings are those `score` raises on the written draft: a finding addresses a
truth item when two or more of its numbers are the item's figures' values. Checked findings and candidates (待核实:
a question resting on what the reader inferred, never labelled by its severity) are counted apart, as the issue
asks. A non-figure drafted as a figure is counted by the kind of number it is (year, 文号, contents page number …),
so a reader's engineer can act on the kind without seeing the document. A claimed grade is read right when it
names the same grade of the framework (优 and 优秀, 良 and 良好, 中 and 中等, 差 and 较差 are one).
"""
from __future__ import annotations

import re
import tempfile
from collections import Counter
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from corpus_truth import load, locate
from draft_truth import KINDS, Score, _rate_mentions, _rate_outcomes, match_identities, match_repeated

from perfeval import load_unit, run_checks
from perfeval.core.quantity import canonical_unit, commensurable, factor
from perfeval.core.script import simplified
from perfeval.core.readings import NATIONAL_GRADES
from perfeval.outputs.draft import draft_report, write_draft

GRADE_NAMES = tuple(band.grade for band in NATIONAL_GRADES)  # 优 良 中 差, as the frameworks declare them
_DIGIT = re.compile(r"[0-9０-９]")
_SPACE = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _lead(written: str) -> int:
    """Where the digits of a written quantity start (近30万元 → 1); 0 for a number written in Chinese."""
    m = _DIGIT.search(_flat(written))
    return m.start() if m else 0


def truth_offset(lines: list[str], item: dict[str, Any]) -> int | None:
    """Where a truth item's digits start in the flattened document."""
    spot = locate(lines, item)
    if spot is None:
        return None
    before = "".join(lines[: spot.line - 1]) + lines[spot.line - 1][: spot.start]
    return len(_flat(before)) + _lead(str(item["written"]))


def truth_spans(lines: list[str], items: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Flattened spans of non-figures (every appearance when `occurrence: all`)."""
    return [(a, b) for a, b, _ in kinded_spans(lines, items)]


# The kind of a number that is not a figure, from the truth's `what` (written freely, in English): the first rule
# whose word the description contains. Order matters: a 文号 with its year masked is a 文号, a year in the contents
# is part of the contents, a phone number's numbering is the phone number's.
NON_FIGURE_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("文号", ("文号",)),
    ("phone number or hotline", ("phone", "hotline")),
    ("code or registration number", ("code", "registration", "索引号", "index number", "site's id")),
    ("scoring rule or formula", ("scoring", "formula", "form's rule")),
    ("attachment number", ("attachment",)),
    ("contents list or its page numbers", ("contents", "page number", "page marker")),
    ("date", ("date", "month", "archive")),
    ("year", ("year",)),
    ("section, item, row or target number", ("number",)),
    ("word limit", ("word limit",)),
    ("threshold naming a kind", ("threshold",)),
    ("floor or street number", ("floor", "street")),
    ("part of a name", ("name",)),
)


def non_figure_kind(what: str) -> str:
    """The kind of number a truth's non-figure is, by its description (`other` when no rule names it)."""
    low = what.lower()
    return next((kind for kind, words in NON_FIGURE_KINDS if any(w.lower() in low for w in words)), "other")


def kinded_spans(lines: list[str], items: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """Flattened spans of non-figures with their kind (every appearance when `occurrence: all`)."""
    spans = []
    for item in items:
        if item.get("occurrence") == "all":
            text = lines[item["line"] - 1]
            counts = range(1, text.count(str(item["written"])) + 1)
            picked = [dict(item, occurrence=k) for k in counts]
        else:
            picked = [item]
        for one in picked:
            spot = locate(lines, one)
            if spot is None:
                continue
            before = "".join(lines[: spot.line - 1]) + lines[spot.line - 1][: spot.start]
            start = len(_flat(before))
            spans.append((start, start + len(_flat(str(one["written"]))), non_figure_kind(str(one.get("what", "")))))
    return spans


_STOPS = "。；;！？!?"
_CELL_BARS = "|｜"  # a table saved one cell a line with a bar after (or before) each cell: the bar ends the cell


def _aligned(flat: str, at: int, length: int, edges: set[int]) -> bool:
    """Does a sentence found at `at` stand as a sentence does: starting a line, after a sentence's end or a cell's
    bar, and ending a line, at a bar or with its own closing mark (a cell "0" is not the 0 inside "2022年")?"""
    starts = at in edges or (at > 0 and flat[at - 1] in _STOPS + _CELL_BARS)
    end = at + length
    ends = end in edges or flat[end - 1] in _STOPS or (end < len(flat) and flat[end] in _CELL_BARS)
    return starts and ends


def _whole_number(flat: str, at: int, length: int) -> bool:
    """Is the text found at `at` not cut out of a longer number (the 3 of 2023, the 1 of 12)?"""
    text = flat[at:at + length]
    cut_before = text[:1].isdigit() and at > 0 and (flat[at - 1].isdigit() or flat[at - 1] == ".")
    cut_after = text[-1:].isdigit() and at + length < len(flat) and (flat[at + length].isdigit()
                                                                     or flat[at + length] == ".")
    return not (cut_before or cut_after)


_BARE_NUMBER = re.compile(r"[0-9.,%]+")


def _first(flat: str, text: str, start: int) -> int:
    """The first place from `start` where the text stands; a bare number (a cell's "3") never inside a longer number.
    Only a bare number is held to that: a sentence's digits may run into the next cell's once spaces are removed."""
    at = flat.find(text, start)
    if _BARE_NUMBER.fullmatch(text):
        while at >= 0 and not _whole_number(flat, at, len(text)):
            at = flat.find(text, at + 1)
    return at


def _find(flat: str, text: str, cursor: int, edges: set[int]) -> int:
    """The first place from the cursor where the sentence stands aligned; else anywhere from the cursor where it is
    not cut out of a longer number; else anywhere."""
    at = flat.find(text, cursor)
    while at >= 0 and not _aligned(flat, at, len(text), edges):
        at = flat.find(text, at + 1)
    if at >= 0:
        return at
    first = _first(flat, text, cursor)
    return first if first >= 0 else _first(flat, text, 0)


def mention_offsets(lines: list[str], mentions: list[Any]) -> dict[int, int | None]:
    """id(mention) → where its digits start in the flattened document (None when its sentence is not found).

    Mentions are taken in the order the reader read them; each sentence is looked for from the end of the previous
    one, where it stands as a sentence or a cell stands (from a line's start or after 。；！？, to a line's end or
    its own closing mark). A reader that knows each figure's line and column may give them as `at` = (line,
    column), 1-based line and 0-based column in the file; then they are used as they are.
    """
    flat_lines = [_flat(x) for x in lines]
    flat = "".join(flat_lines)
    edges, total = {0}, 0
    for x in flat_lines:
        total += len(x)
        edges.add(total)
    out: dict[int, int | None] = {}
    cursor, previous, previous_at = 0, None, 0
    for m in sorted(mentions, key=lambda m: getattr(m, "order", (m.where.block, m.where.cell or 0, m.start))):
        given = getattr(m, "at", None)
        if isinstance(given, tuple) and len(given) == 2:
            line, column = given
            before = "".join(lines[: line - 1]) + lines[line - 1][:column]
            out[id(m)] = len(_flat(before)) + _lead(m.written)
            continue
        sentence = (m.where.block, m.where.cell, m.where.text)
        text = _flat(m.where.text)
        if sentence == previous:
            at = previous_at
        else:
            at = _find(flat, text, cursor, edges) if text else -1
            if at >= 0:
                cursor, previous, previous_at = at + len(text), sentence, at
        out[id(m)] = None if at < 0 else at + len(_flat(m.where.text[: m.start])) + _lead(m.written)
    return out


_MULTIPLIERS = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}


def _scaled(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """A quantity whose unit opens with 万 or 亿 (115万页, 10万) as the count of the rest of the unit: the multiplier
    is a number word, not a unit, whatever the unit is."""
    if unit[:1] in _MULTIPLIERS:
        return value * _MULTIPLIERS[unit[0]], unit[1:]
    return value, unit


def _same_value(fig: dict[str, Any], m: Any) -> bool:
    """The same quantity: equal value in the same unit, or in units the units table converts (25万余元 read as
    250000 元), or once a leading 万/亿 is multiplied out (115万页 read as 1150000 页); a unit the truth takes from a
    header may be read as none. Qualifiers must agree. A unit is compared in simplified characters: the truth keeps
    the report's writing (萬元, 個), a reader may name it either way."""
    q = m.quantity
    value, unit = Decimal(str(fig["value"])), canonical_unit(simplified(str(fig["unit"])))
    read = canonical_unit(simplified(q.unit or ""))
    if read == unit or (bool(fig.get("implied_unit")) and not q.unit):
        same = q.value == value
    elif commensurable(read, unit):
        same = q.value * factor(read, unit) == value
    else:
        same = _scaled(q.value, read) == _scaled(value, unit)
    return same and q.qualifier.value == fig.get("qualifier", "exact")


@dataclass
class DocumentScore:
    """One document's measure: the four kinds, and what a reader of the draft and its findings should know."""

    id: str
    scores: dict[str, Score] = field(default_factory=dict)
    name_right: bool | None = None
    year_right: bool | None = None
    name_read: str = ""
    year_read: Any = None
    inconsistencies: int = 0
    inconsistencies_found: int = 0
    inconsistencies_missed: list[tuple[str, str]] = field(default_factory=list)  # (kind, what) of each no finding addresses
    errors: int = 0  # checked error-level findings ([错误]), candidates apart
    errors_on_correct: list[str] = field(default_factory=list)
    candidates: int = 0  # findings put as questions (待核实), of any severity
    candidates_on_correct: list[str] = field(default_factory=list)  # each with its severity: what is at stake
    on_nothing_stated: list[str] = field(default_factory=list)  # findings citing no number (what the report omits)
    non_figures_drafted: list[str] = field(default_factory=list)
    non_figure_kinds: Counter[str] = field(default_factory=Counter)  # the drafted non-figures by kind
    claimed: int = 0
    claimed_right: int = 0
    claims_missed: list[str] = field(default_factory=list)  # grade / total, stated but not read or read otherwise
    failure: str | None = None


def in_words(written: str) -> bool:
    """A quantity written without a digit (三个科室, 一家): outside the figures kind, the truth's and the reader's alike.
    The truths list figures by their digits (every digit must be accounted for, a number in words need not be), so
    a count in words is measured in no round; one a truth lists still anchors the identities it is part of."""
    return _DIGIT.search(_flat(str(written))) is None


def match_figures(lines, truth, draft) -> tuple[dict[str, Any], Score, list[Any], dict[int, int | None]]:
    placed = list({id(m): m for m in draft.placed}.values())
    offsets = mention_offsets(lines, placed)
    by_offset: dict[int, list[Any]] = {}
    for m in placed:
        if offsets[id(m)] is not None:
            by_offset.setdefault(offsets[id(m)], []).append(m)  # type: ignore[arg-type]  # not None: tested above
    score = Score(truth=sum(not in_words(f["written"]) for f in truth["figures"]),
                  drafted=sum(not in_words(m.written) for m in placed))
    found: dict[str, Any] = {}
    used: set[int] = set()
    for fig in truth["figures"]:
        at = truth_offset(lines, fig)
        candidates = [m for m in by_offset.get(at, []) if id(m) not in used] if at is not None else []
        candidates.sort(key=lambda m: not _same_value(fig, m))
        if in_words(fig["written"]):  # not counted either way; matched only to anchor its identities
            if candidates and _same_value(fig, candidates[0]):
                used.add(id(candidates[0]))
                found[fig["id"]] = candidates[0]
            continue
        if not candidates:
            score.missed.append(f"{fig['id']} {fig['written']} (line {fig['line']}, {fig.get('label', '')})")
            continue
        m = candidates[0]
        used.add(id(m))
        found[fig["id"]] = m
        if _same_value(fig, m):
            score.found += 1
            score.good += 1
        else:
            q = m.quantity
            score.wrong.append(f"{fig['id']} read {q.value}{q.unit} {q.qualifier.value}, truth {fig['value']}"
                               f"{fig['unit']} {fig.get('qualifier', 'exact')}")
    extra = [m for m in placed if id(m) not in used]
    score.wrong += [f"not in truth: {m.written} | {m.where.text[:40]}" for m in extra if not in_words(m.written)]
    return found, score, extra, offsets


def match_rates(truth, draft, found) -> Score:
    outcomes = _rate_outcomes(draft)
    score = Score(truth=len(truth["rates"]), drafted=len(outcomes))
    listed = set()
    for rate in truth["rates"]:
        m = found.get(rate["figure"])
        outcome = outcomes.get(id(m)) if m is not None else None
        if outcome is None:
            score.missed.append(f"{rate['figure']} not judged")
            continue
        listed.add(id(m))
        status, kind, num, den = outcome
        if rate["explained_by"] == "unexplained":
            ok = status in ("unexplained", "ambiguous")
        elif rate["explained_by"] == "share":
            a, b = found.get(rate["numerator"]), found.get(rate["denominator"])
            ok = kind == "share" and a is not None and b is not None and (num, den) == (id(a), id(b))
            ok = ok and (status == "explained") is rate["holds"]
        else:  # a change: explained by the figures the truth names (new and old, or new and the change), or as the
            # share the change is: the stated difference over the old value
            named = {id(found[k]) for k in (rate.get("new"), rate.get("old"), rate.get("difference")) if k in found}
            diff, old = found.get(rate.get("difference", "")), found.get(rate.get("old", ""))
            as_share = kind == "share" and diff is not None and old is not None and (num, den) == (id(diff), id(old))
            ok = (kind == "change" and bool({num, den} & named) or as_share) and (status == "explained") is rate["holds"]
        by_measure = status in ("explained", "contradicted") and kind is None  # the framework's own measure
        ok = ok or (rate["explained_by"] != "unexplained" and by_measure and (status == "explained") is rate["holds"])
        if ok:
            score.found += 1
            score.good += 1
        else:
            score.wrong.append(f"{rate['figure']} judged {status} {kind or ''}, truth {rate['explained_by']}")
    score.wrong += [f"not a rate of the truth: {m.written} | {m.where.text[:40]}" for m in _rate_mentions(draft)
                    if id(m) not in listed]
    return score


def _values(truth, figure_ids) -> set[float]:
    out = set()
    for f in truth["figures"]:
        if f["id"] in figure_ids:
            out.add(round(float(f["value"]), 2))
    return out


def _numbers(finding) -> set[float]:
    return {round(float(e.value), 2) for e in finding.evidence
            if isinstance(e.value, (int, float)) and not isinstance(e.value, bool)}


def _addresses(finding, values: set[float]) -> bool:
    return len(_numbers(finding) & values) >= 2


def _cites_the_document(finding) -> bool:
    """Does the finding compare at least one figure the document states (evidence with the place it says it)?"""
    return any(getattr(e, "source", None) for e in finding.evidence)


def judge_findings(result: DocumentScore, truth, findings) -> None:
    """Inconsistencies found (a finding of any level on them, a candidate too), and findings on what holds: every
    statement the truth lists no inconsistency for holds, so a finding that addresses no inconsistency is on a
    correct statement (marked when it is one the truth lists in `correct`). Checked error-level findings (an [错误]
    in the report) and candidates (待核实, a question whatever its severity) are counted apart. A finding none of whose
    evidence the document states (未给出自评总分, citing only the framework's 100 points: what the report does not
    state) stands on no statement, so it is listed apart."""
    wrong = [_values(truth, i["figures"]) for i in truth["inconsistencies"]]
    right = [_values(truth, c["figures"]) for c in truth["correct"]]
    addressed = [any(_addresses(f, values) for f in findings) for values in wrong]
    result.inconsistencies_found = sum(addressed)
    result.inconsistencies_missed = [(str(i.get("kind", "unnamed")), str(i.get("what", "")))
                                     for i, hit in zip(truth["inconsistencies"], addressed) if not hit]
    for f in findings:
        candidate = bool(getattr(f, "candidate", False))
        if not candidate and f.severity != "error":
            continue
        if candidate:
            result.candidates += 1
        else:
            result.errors += 1
        if not _cites_the_document(f):
            result.on_nothing_stated.append(f"[{'candidate' if candidate else f.severity}] {f.check}")
        elif not any(_addresses(f, values) for values in wrong):
            listed = "(listed correct) " if any(_addresses(f, values) for values in right) else ""
            note = f"{listed}{f.check}: {f.message[:90]}"
            if candidate:
                result.candidates_on_correct.append(f"[{f.severity}] {note}")
            else:
                result.errors_on_correct.append(note)


def _name_right(truth_identity: dict[str, Any], read: str) -> bool:
    name = truth_identity["name"]
    if name is None:
        return not read or "未载明" in read
    flat = _flat(read)
    return flat in {_flat(n) for n in [name, *truth_identity.get("name_also", [])]}


def framework_grade(written: str) -> str:
    """The framework's grade a written grade names: the one grade name of the framework it contains (优秀 is 优,
    良好 良, 中等 中, 较差 差), so a report's 优秀 and a reader's 优 are one grade; else the word itself."""
    flat = _flat(written)
    named = [g for g in GRADE_NAMES if g in flat]
    return named[0] if len(named) == 1 else flat


def _same_claim(key: str, read: Any, stated: str) -> bool:
    if key == "total":
        try:
            return Decimal(str(read)) == Decimal(stated)
        except ArithmeticError:
            return False
    return framework_grade(str(read)) == framework_grade(stated)


def _claimed_total(truth: dict[str, Any]) -> str | None:
    total = truth["claimed"]["total"]
    return None if total is None else next(str(f["value"]) for f in truth["figures"] if f["id"] == total)


def measure_document(entry: dict[str, Any]) -> DocumentScore:
    """Draft one corpus document, score the draft, and measure both against the document's truth."""
    lines, truth = load(entry)
    result = DocumentScore(entry["id"], inconsistencies=len(truth["inconsistencies"]))
    path = Path(__file__).parent / "data" / "corpus" / entry["half"] / f"{entry['id']}.txt"
    try:
        draft = draft_report(path)
    except Exception as exc:  # noqa: BLE001 — a reader that refuses a report is what is being measured
        result.failure = f"does not draft: {type(exc).__name__}: {exc}"[:200]
        result.scores = {k: Score(truth=len(truth[k])) for k in KINDS}
        return result
    found, figures, extra, offsets = match_figures(lines, truth, draft)
    result.scores = {"figures": figures}
    for kind, match in (("rates", match_rates), ("identities", match_identities), ("repeated", match_repeated)):
        try:
            result.scores[kind] = match(truth, draft, found)
        except (AttributeError, TypeError) as exc:  # a reader whose draft no longer says this: all of it missed
            result.scores[kind] = Score(truth=len(truth[kind]), missed=[f"not measurable: {exc}"])
    spans = kinded_spans(lines, truth["non_figures"])
    for m in extra:
        at = offsets.get(id(m))
        kind = next((k for a, b, k in spans if at is not None and a <= at < b), None)
        if kind is not None:
            result.non_figures_drafted.append(f"[{kind}] {m.written} | {m.where.text[:40]}")
            result.non_figure_kinds[kind] += 1
    unit = draft.params.get("unit", {})
    result.name_read, result.year_read = str(unit.get("name") or ""), unit.get("year")
    result.name_right = _name_right(truth["identity"], result.name_read)
    result.year_right = result.year_read == truth["identity"]["year"]
    claims = draft.params.get("claims", {})
    for key, stated in (("grade", truth["claimed"]["grade"]), ("total", _claimed_total(truth))):
        if stated is not None:
            result.claimed += 1
            read = claims.get(key)
            right = read is not None and _same_claim(key, read, stated)
            result.claimed_right += right
            if not right:
                result.claims_missed.append(f"{key} {'not read' if read is None else 'read otherwise'}")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            target = write_draft(draft, Path(tmp) / f"{entry['id']}.yaml")
            findings = run_checks(load_unit(target))
    except Exception as exc:  # noqa: BLE001 — a draft that does not score is what is being measured
        result.failure = f"does not score: {type(exc).__name__}: {exc}"[:200]
        return result
    judge_findings(result, truth, findings)
    return result


_ID = re.compile(r"[a-z]\d+")


def _where(truth: dict[str, Any], ids: list[str]) -> str:
    """Where the figures of a truth item stand: a table's cells, prose, or both."""
    tables = {bool(f.get("table")) for f in truth["figures"] if f["id"] in ids}
    return {frozenset({True}): "table cells", frozenset({False}): "prose"}.get(frozenset(tables), "table cells and prose")


def _spread(truth: dict[str, Any], ids: list[str]) -> str:
    """How the figures of one truth item lie: a table's one row or one column (or rows and columns), prose on one
    line of the file or across lines — what says whether a reader must link across cells or sentences."""
    figs = [f for f in truth["figures"] if f["id"] in ids]
    if len(figs) < 2:
        return ""
    if all(f.get("table") for f in figs) and all("row" in f and "column" in f for f in figs):
        rows, columns = {str(f["row"]) for f in figs}, {str(f["column"]) for f in figs}
        return ", one row" if len(rows) == 1 else ", one column" if len(columns) == 1 else ", rows and columns"
    if not any(f.get("table") for f in figs) and all("line" in f for f in figs):
        return ", one line" if len({f["line"] for f in figs}) == 1 else ", across lines"
    return ""


def _name_class(truth: dict[str, Any], result: DocumentScore) -> str:
    """Where the truth's name stands (first line, further down, not stated) and whether the reader read none or
    another: the kind of miss, never the name."""
    where = truth["identity"].get("name_where") or {}
    stands = "not stated" if truth["identity"]["name"] is None else (
        "on the first line" if where.get("line") == 1 else "further down")
    return f"name {stands}, {'read none' if not result.name_read or '未载明' in result.name_read else 'read another'}"


_YEAR_BASES = (("title", "title"), ("评价年度", "a 评价年度 field"), ("published", "published minus one"),
               ("the text", "the text"), ("not stated", "not stated"))


def _year_class(truth: dict[str, Any], result: DocumentScore) -> str:
    """The truth's basis for the year (title, a field, the text, published minus one) and what the reader did."""
    basis = str(truth["identity"].get("year_basis") or "")
    named = next((name for word, name in _YEAR_BASES if basis.startswith(word)), "other")
    return f"year from {named}, {'read none' if result.year_read is None else 'read another'}"


def _rate_ids(rate: dict[str, Any]) -> list[str]:
    return [rate["figure"]] + [rate[k] for k in ("numerator", "denominator", "new", "old", "difference") if k in rate]


def miss_classes(entry: dict[str, Any], truth: dict[str, Any], result: DocumentScore) -> Counter[str]:
    """A document's misses as classes named by its truth — where the figures stand (a table's cells or prose), the
    document's kind, the identity's or rate's kind and nesting, how the reader judged a rate — never by the document's
    words, so the frozen half's misses can be passed on without a sentence of it. Inconsistencies missed go by the
    truth's kind (sum, rate, repeated …), claims by grade or total, non-figures drafted by their kind."""
    kind = entry["document"]
    classes: Counter[str] = Counter()
    rates = {r["figure"]: r for r in truth["rates"]}
    identities = {i["id"]: i for i in truth["identities"]}
    for missed in result.scores["figures"].missed:
        classes[f"figures missed: {_where(truth, missed.split()[:1])}, {kind}"] += 1
    for wrong in result.scores["figures"].wrong:
        if wrong.startswith("not in truth"):
            classes["figures drafted that the truth does not list"] += 1
        else:
            classes[f"figures read wrong (value, unit or qualifier): {_where(truth, wrong.split()[:1])}, {kind}"] += 1
    for line, verdict in [(x, "missed") for x in result.scores["rates"].missed] + \
                         [(x, "wrong") for x in result.scores["rates"].wrong]:
        rate = rates.get(line.split()[0])
        if rate is None:
            classes["rates drafted that the truth does not list"] += 1
            continue
        judged = re.search(r"judged (\w+)", line)
        how = f"judged {judged.group(1)}" if judged else "not judged"
        ids = _rate_ids(rate)
        classes[f"rates {verdict}: {rate['explained_by']} {how}, {_where(truth, ids)}{_spread(truth, ids)}"] += 1
    for line in result.scores["identities"].missed:
        identity = identities.get(line.split()[0], {})
        nested = " nested" if identity.get("nested_in") else ""
        ids = [identity.get("total", "")] + list(identity.get("parts", []))
        classes[f"identities missed: {identity.get('kind')}{nested}, {_where(truth, ids)}{_spread(truth, ids)}, "
                f"{kind}"] += 1
    classes["identities drafted that the truth does not hold"] += len(result.scores["identities"].wrong)
    for line in result.scores["repeated"].missed:
        ids = _ID.findall(line[line.rfind("["):])
        classes[f"repeated missed: {_where(truth, ids)}{_spread(truth, ids)}, {len(ids)} statements"] += 1
    for line in result.scores["repeated"].wrong:
        pair = re.search(r"not in truth: (.+?) / (.+?) \(", line)
        same = pair is not None and pair.group(1) == pair.group(2)
        classes[f"repeated drafted wrong: {'equal values of different figures' if same else 'different values paired'}"] += 1
    for line in result.candidates_on_correct:
        found = re.match(r"\[(\w+)\] (?:\(listed correct\) )?([\w.]+):", line)
        classes[f"candidates on a correct statement: {found.group(2)} [{found.group(1)}]" if found else
                "candidates on a correct statement"] += 1
    for line in result.on_nothing_stated:
        classes[f"findings on no stated figure: {line}"] += 1
    for line in result.errors_on_correct:
        found = re.match(r"(?:\(listed correct\) )?([\w.]+):", line)
        classes[f"checked errors on a correct statement: {found.group(1) if found else ''}"] += 1
    for missed, _ in result.inconsistencies_missed:
        classes[f"inconsistencies missed: {missed}, {kind}"] += 1
    for claim in result.claims_missed:
        classes[f"claimed {claim}: {kind}"] += 1
    for what, count in result.non_figure_kinds.items():
        classes[f"non-figures drafted as figures: {what}, {kind}"] += count
    if result.failure:
        classes[f"{result.failure.split(':')[0]}: {kind}"] += 1
    if result.name_right is False:
        classes[f"{_name_class(truth, result)}: {kind}"] += 1
    if result.year_right is False:
        classes[f"{_year_class(truth, result)}: {kind}"] += 1
    return +classes
