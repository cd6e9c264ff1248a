"""What a draft holds, in the few lines `perfeval draft` prints. What to check first is counted on the written file,
as its review page lists it (`review.reviewed`), so the command and the page give one number."""
from __future__ import annotations

from dataclasses import dataclass

from ...intake.report.model import Draft
from ...safetext import one_line
from .parts import part_notes

BANNER = "据报告文本自动提取，未经核对"


@dataclass(frozen=True)
class Counts:
    """What a draft holds, counted for the terminal."""

    figures: int
    catalogue: int
    stated: int
    rates: dict[str, int]
    sections: int
    identities: int
    restatements: int
    differing: int
    rows: int
    projects: int
    total: str
    grade: str
    rates_drafted: int  # stated rates written as claims to check (the others stay stated figures)


def counts(draft: Draft) -> Counts:
    claims = draft.params.get("claims", {})
    repeats = [i for i in draft.items if i.kind == "repeat"]
    return Counts(len(draft.placed), draft.count("figure"), len(draft.params.get("stated", [])),
                  {s: draft.count("rate", s) for s in ("explained", "unexplained", "contradicted", "ambiguous")},
                  draft.count("section"), draft.count("identity"), len(repeats),
                  sum(1 for i in repeats if i.status == "differs"), len(draft.params.get("indicators", [])),
                  len(draft.params.get("projects", [])), str(claims.get("total", "—")), str(claims.get("grade", "—")),
                  sum(1 for i in draft.items if i.kind == "rate" and i.place.startswith("claims.")))


def summary(draft: Draft, to_check: int) -> list[str]:
    """What the draft holds, in a few lines: figures, rates by outcome, identities, repeats, table rows, and
    to_check, the items its review page lists first (先核对)."""
    unit, c = draft.params["unit"], counts(draft)
    return [
        f"unit: {unit['name']}, {unit['year']}, framework {unit['framework']} ({BANNER})"
        + (f"; the title says it is a {unit['document_kind']}" if unit.get("document_kind") else ""),
        f"figures: {c.figures} read — {c.catalogue} catalogue figures, {c.stated} stated figures of the unit's own",
        f"rates: {sum(c.rates.values())} read, {c.rates_drafted} drafted as rates to check — explained "
        f"{c.rates['explained']}, unexplained {c.rates['unexplained']}, contradicted {c.rates['contradicted']}, "
        f"ambiguous {c.rates['ambiguous']}"
        + (f"; {c.sections} section score statement(s)" if c.sections else ""),
        f"identities: {c.identities} (totals with the parts listed under them)",
        f"repeated figures: {c.restatements} restatement(s), {c.differing} with another value",
        f"table rows: {c.rows} indicator row(s), {c.projects} project(s)",
        f"claimed: total {c.total}, grade {c.grade}",
        f"to check first: {to_check} item(s) — 先核对 on the review page (marked 存疑, or not adding up)",
    ] + [f"drafted in part: {one_line(note)} — 未读取 in the draft's header and on the review page"
         for note in part_notes(draft)] + ([f"not drafted: {unplaced} number(s) marked 存疑 (read two ways, too long, or past 10^12) — 存疑，未录入 in "
          "the draft's header, 未录入草稿 on the review page, each with its sentence"]
         if (unplaced := sum(1 for i in draft.items if i.kind == "stated" and i.place == "—")) else [])
