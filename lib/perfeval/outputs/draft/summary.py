"""What a draft holds, in the few lines `perfeval draft` prints (the review page reads the written file instead)."""
from __future__ import annotations

from dataclasses import dataclass

from ...intake.report.model import Draft

BANNER = "据报告文本自动提取，未经核对"


@dataclass(frozen=True)
class Counts:
    """What a draft holds, counted once for the terminal and the page."""

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
    unsure: int


def counts(draft: Draft) -> Counts:
    claims = draft.params.get("claims", {})
    repeats = [i for i in draft.items if i.kind == "repeat"]
    return Counts(len(draft.placed), draft.count("figure"), len(draft.params.get("stated", [])),
                  {s: draft.count("rate", s) for s in ("explained", "unexplained", "contradicted", "ambiguous")},
                  draft.count("section"), draft.count("identity"), len(repeats),
                  sum(1 for i in repeats if i.status == "differs"), len(draft.params.get("indicators", [])),
                  len(draft.params.get("projects", [])), str(claims.get("total", "—")), str(claims.get("grade", "—")),
                  len(draft.unsure()))


def summary(draft: Draft) -> list[str]:
    """What the draft holds, in a few lines: figures, rates by outcome, identities, repeats, table rows, unsure items."""
    unit, c = draft.params["unit"], counts(draft)
    return [
        f"unit: {unit['name']}, {unit['year']}, framework {unit['framework']} ({BANNER})",
        f"figures: {c.figures} read — {c.catalogue} catalogue figures, {c.stated} stated figures of the unit's own",
        f"rates: {sum(c.rates.values())} — explained {c.rates['explained']}, unexplained {c.rates['unexplained']}, "
        f"contradicted {c.rates['contradicted']}, ambiguous {c.rates['ambiguous']}"
        + (f"; {c.sections} section score statement(s)" if c.sections else ""),
        f"identities: {c.identities} (totals with the parts listed under them)",
        f"repeated figures: {c.restatements} restatement(s), {c.differing} with another value",
        f"table rows: {c.rows} indicator row(s), {c.projects} project(s)",
        f"claimed: total {c.total}, grade {c.grade}",
        f"unsure: {c.unsure} item(s) marked 存疑",
    ]
