"""What a batch will run: the units named (or all), their output ids, and parameters the notebook accepts."""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from ...errors import BatchError, PerfevalError
from ...core.params import RESERVED_NAMES, UNIT_ID, load_params
from ...paths import UNITS_DIR, is_params_name, not_regular, not_regular_in, params_files_in
from ...safetext import readable_path, shown_path
from ...intake.html_page import ARCHIVE_SUFFIXES, PAGE_SUFFIXES
from ...intake.report.document import FORMATS as REPORT_FORMATS
from .status import FAILED, NOT_RUN, UnitRun

if TYPE_CHECKING:
    from ..draft.review import Links

PARAMS_PARAMETER = "params_file"  # the one parameter the batch itself sets
HISTORY_PARAMETER = "history"  # set too when the notebook declares it: the unit's results of earlier years
DRAFTS = "drafts"  # the folder of outputs/ where the batch writes the drafts of the reports it is given
_TYPES: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}


@dataclass(frozen=True)
class UnitJob:
    """One unit to run: everything a worker process needs, picklable."""

    unit_id: str
    params_file: Path
    notebook: Path
    outputs: Path
    parameters: dict[str, Any]
    timeout: float
    year: int | None = None  # the unit's year and series, when its params load: earlier years run first
    series: str | None = None
    framework: str | None = None  # the framework the params name, when they load


def resolve_units(names: Sequence[str], units_dir: Path = UNITS_DIR) -> list[Path]:
    """Params files for what the user named: files (a report named is taken too), folders of *.yaml / *.yml, or ids
    of units in params/units/."""
    if not names:
        return [p.resolve() for p in params_files_in(units_dir)]
    out: list[Path] = []
    by_id: dict[str, Path] = {}
    for name in names:
        path = Path(name)
        if path.is_dir():
            out += params_files_in(path)
        elif path.is_file():
            out.append(path)
        elif path.exists():  # a named pipe would block the batch, a device never end: named, never opened
            raise BatchError(f"{shown_path(name)}: {not_regular(path)}, not a regular file")
        elif name in (by_id := by_id or _by_id(units_dir)):
            out.append(by_id[name])
        else:
            raise BatchError(f"{shown_path(name)}: no such params file, folder, or unit id in {shown_path(units_dir)}")
    return [p.resolve() for p in out]


def _by_id(units_dir: Path) -> dict[str, Path]:
    """The params files of params/units/ by the id their name gives (the first, by name, of a stem)."""
    found: dict[str, Path] = {}
    for path in params_files_in(units_dir) if units_dir.is_dir() else []:
        found.setdefault(path.stem, path)
    return found


def is_report(path: Path) -> bool:
    """Whether a file is a unit's report the batch drafts before running it."""
    return path.suffix.lower() in REPORT_FORMATS


# A report's title near the top: a year before 绩效/自评, or 绩效 and 自评/评价 with their 报告, in either script (a
# title with no year, or in 繁體, was left out of a batch that `perfeval draft` drafts: trial 7 X32)
_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}\s*年度?[^\n]{0,40}?(?:绩效|績效|自评|自評)"
                           r"|(?:绩效|績效)[^\n]{0,12}?(?:自评|自評|评价|評價)[^\n]{0,6}?(?:报告|報告)")
SNIFF_BYTES = 8192  # a report's title stands in its first lines


def resolve_reports(names: Sequence[str]) -> tuple[list[Path], list[str]]:
    """The reports in the folders named (.docx, .pdf, and .txt files that read as a report: a title with a year
    and 绩效/自评 near the top), and a warning for each other .txt left out (notes kept beside the units) and for
    each params or report name that is not a regular file (a named pipe, a device, a broken link: never opened)."""
    reports: list[Path] = []
    left_out: list[str] = []
    for name in names:
        folder = Path(name)
        if not folder.is_dir():
            continue
        left_out += not_regular_in(folder, lambda p: is_params_name(p) or is_report(p))
        left_out += [f"{shown_path(p)}: a name that is only an extension (a hidden file, never read); name it, e.g. "
                     f"report{p.name}, to draft it" for p in sorted(folder.iterdir()) if p.name.lower() in REPORT_FORMATS]
        for path in sorted(p for p in folder.iterdir() if is_report(p) and p.is_file()):
            if path.suffix.lower() != ".txt" or _reads_as_report(path):
                reports.append(path.resolve())
            else:
                left_out.append(f"{shown_path(path)}: not read as a report (no title with a year and 绩效/自评 in its "
                                "first lines); name it to draft it anyway")
        left_out += [f"{shown_path(p)}: a report saved as a web page is not drafted by the batch (a folder of units "
                     f"also holds pages the batch made); draft it with `perfeval draft {shown_path(p.name)}` and keep "
                     "its params file among the units" for p in sorted(folder.iterdir()) if _web_report(p)]
    return reports, left_out


def set_aside(names: Sequence[str]) -> list[tuple[Path, str]]:
    """The files of the folders named that the batch neither drafts nor runs (a .txt that does not read as a report,
    a report saved as a web page), each with why, for the batch's status: a file only warned of on the terminal was
    missing from the index an official reads (trial 7 X32)."""
    out: list[tuple[Path, str]] = []
    for name in names:
        folder = Path(name)
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() == ".txt" and path.name.lower() not in REPORT_FORMATS and path.is_file() \
                    and not _reads_as_report(path):
                out.append((path, "未作为报告读取：文件开头没有含“绩效”“自评”字样的报告标题；若是单位的自评报告，请用 "
                                  f"perfeval draft {path.name} 起草，核对后把参数文件放入单位文件夹"))
            elif _web_report(path):
                out.append((path, "未作为报告读取：网页形式保存的报告不在批次中起草；请用 "
                                  f"perfeval draft {path.name} 起草，核对后把参数文件放入单位文件夹"))
    return out


def _web_report(path: Path) -> bool:
    """A web page in a batch's folder that reads as a report (its title names a year and 绩效/自评) and is none of
    the pages perfeval makes (a review page, a unit's 复核报告): it was skipped without a word. A page saved as one
    file (.mhtml), which perfeval never makes and whose title is encoded, is always one."""
    if path.suffix.lower() not in PAGE_SUFFIXES or path.name.lower().endswith(".review.html") or not path.is_file():
        return False
    if path.suffix.lower() in ARCHIVE_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            made_here = "复核报告</title>".encode() in fh.read(SNIFF_BYTES)  # a unit's report page, as perfeval titles it
    except OSError:
        return False
    return not made_here and _reads_as_report(path)


def _reads_as_report(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError:
        return True  # drafting it will say why it cannot be read
    return any(_REPORT_TITLE.search(head.decode(encoding, errors="ignore")) for encoding in ("utf-8", "gb18030"))


def review_links(unit_id: str, params: str) -> Links:
    """The links of a review page in outputs/drafts/: its params file, the unit's report, the index."""
    from ..draft.review import Links

    return Links(params=params, report=f"../units/{unit_id}/{unit_id}.html", index="../index.html")


def review_drafted_params(path: Path, outputs: Path) -> None:
    """A params file drafted outside the batch (it still says `drafted_from`) gets its review page in
    outputs/drafts/<id>.review.html like a report the batch drafts, so the index and its report link to it. A file
    that does not read as params is left to validation, which says why."""
    import os

    import yaml

    from ..draft.entries import read_written
    from ..draft.review import write_review

    try:
        text = path.read_text(encoding="utf-8")
        unit = read_written(text).data.get("unit") if "drafted_from:" in text else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return
    unit_id = unit.get("id") if isinstance(unit, dict) else None
    if not isinstance(unit_id, str) or not UNIT_ID.match(unit_id):
        return
    page = outputs / DRAFTS / f"{unit_id}.review.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    write_review(path, page, review_links(unit_id, os.path.relpath(path.resolve(), page.parent.resolve())))


def unit_id_of(params_file: Path) -> str:
    """The unit's id (it names the output files); a file that does not load yet goes by its file name.

    Such a unit still runs, so that its notebook records the error for the analyst.
    """
    return identity(params_file).unit_id


@dataclass(frozen=True)
class Identity:
    """What a params file says of its unit; a file that does not load: its file name's id, nothing else."""

    unit_id: str
    loads: bool
    year: int | None = None
    series: str | None = None
    framework: str | None = None
    drafted: bool = False  # it says it was drafted from a report (drafted_from): not yet confirmed
    document: str | None = None  # the report's file name its unit names (unit.document), if any
    name: str | None = None
    region: str | None = None

    def another_unit_than(self, other: Identity) -> bool:
        """Whether two files that load are of two units: another year, another name, or regions of which neither
        holds the other (两个镇的文化站; 枫林县 and 湖南省枫林县 are one place), each when both files say it."""
        if self.year != other.year:
            return True
        if self.name is not None and other.name is not None and as_seen(self.name) != as_seen(other.name):
            return True
        mine, theirs = _stated_region(self.region), _stated_region(other.region)
        return mine is not None and theirs is not None and mine not in theirs and theirs not in mine

    def unit_and_year(self) -> tuple[str, int] | None:
        """The unit (its name as seen) and year a file that loads is of; None when either is not said."""
        return (as_seen(self.name), self.year) if self.loads and self.name and self.year is not None else None


def _stated_region(region: str | None) -> str | None:
    """A region as seen, None when not stated: a draft writes （报告未载明） where its report names none."""
    seen = as_seen(region) if region else ""
    return seen if seen and not seen.startswith("(") else None


def as_seen(name: str) -> str:
    """A unit's name as a reader tells names apart: compatibility forms folded, no spaces (U+3000 included)."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def identity(params_file: Path) -> Identity:
    try:
        params = load_params(params_file)
    except PerfevalError:
        return Identity(file_id(params_file), False)
    unit = params.unit
    return Identity(unit.id, True, unit.year, unit.series_key, unit.framework, params.drafted_from is not None,
                    unit.document, unit.name, unit.region)


def file_id(params_file: Path) -> str:
    """An output id made from a file's name (readable, whatever bytes it is in), safe to name a folder: where the
    file system's encoding cannot hold it (ASCII under LC_ALL=C with PYTHONUTF8=0, as in cron), its ASCII letters
    and a digest of the name instead."""
    stem = Path(readable_path(params_file.name)).stem.lower()
    if UNIT_ID.match(stem) and stem not in RESERVED_NAMES:
        return stem
    readable = "unit-" + "".join(c if c.isalnum() or c in "_-" else "-" for c in stem)[:70]
    try:
        os.fsencode(readable)
        return readable
    except UnicodeEncodeError:
        ascii_only = "".join(c if c.isascii() and (c.isalnum() or c in "_-") else "-" for c in stem)[:60]
        digest = hashlib.sha1(stem.encode("utf-8", "surrogateescape"), usedforsecurity=False).hexdigest()[:8]
        return f"unit-{ascii_only}-{digest}"


def check_parameters(notebook: Path, parameters: Mapping[str, Any]) -> set[str]:
    """The parameters the notebook declares; refuse to start when it does not declare what is passed, or lacks
    params_file. papermill itself only logs a warning for an unknown parameter and runs on with the default.
    """
    import papermill

    if (kind := not_regular(notebook)) is not None:  # a named pipe was said to be "no such file"
        raise BatchError(f"{shown_path(notebook)}: cannot read the notebook "
                         f"({'no such file' if kind == 'missing' else kind})")
    try:
        declared = papermill.inspect_notebook(str(notebook))
    except (OSError, ValueError) as exc:
        raise BatchError(f"{shown_path(notebook)}: cannot read the notebook ({exc})") from None
    if not declared:
        raise BatchError(f"{notebook}: no cell tagged 'parameters'; the batch needs one declaring {PARAMS_PARAMETER}")
    known = ", ".join(declared)
    if PARAMS_PARAMETER not in declared:
        raise BatchError(f"{notebook}: parameter {PARAMS_PARAMETER!r} missing from its parameters cell "
                         f"(declared: {known})")
    for name, value in parameters.items():
        if name not in declared:
            raise BatchError(f"unknown parameter {name!r} for {notebook.name}; it declares: {known}")
        expected = _TYPES.get(declared[name]["inferred_type_name"] or "")
        if expected and (not isinstance(value, expected) or (bool not in expected and isinstance(value, bool))):
            raise BatchError(f"parameter {name!r} of {notebook.name} is {declared[name]['inferred_type_name']}, "
                             f"given {value!r}")
    return set(declared)


def build_jobs(params_files: Sequence[Path], notebook: Path, outputs: Path, extra: Mapping[str, Any], timeout: float,
               *, identify: Callable[[Path], Identity] = identity, drafted: Mapping[str, str] | None = None,
               held: Mapping[str, str] | None = None) -> tuple[list[UnitJob], list[UnitRun]]:
    """One job per unit id, and a failed result for each other file claiming an id already taken.

    Ids name the outputs, so two files of one id cannot both run. A copy (`x - 副本.yaml`, `x (1).yml`) must
    not stop the batch: of the files of one id, one that loads runs before one that does not, params an analyst
    confirmed before a draft (drafted: the drafts this batch made), the file whose unit was published under the id
    before (held) before a newcomer, the file named after the id before others, then the first in name order; each other one fails with a reason naming the file that ran, listed under an
    id made from its own file name. A file that does not load never takes the id of one that does, in this
    batch or (held: unit id → params file of the units published before) in an earlier one: it runs under an id
    of its own, so that its notebook records why it does not load. A draft (unconfirmed) never replaces a unit
    confirmed and published before from another file still there, nor runs beside confirmed params of this batch
    whose unit.document is its report (of its year): it is listed, not run. A draft whose id confirmed params of
    another unit (another name or year) hold, in this batch or published before, runs under an id of its own.
    """
    drafted = drafted or {}  # draft file → the report this batch drafted it from
    identities = {path: identify(path) for path in dict.fromkeys(params_files)}
    loaded = {i.unit_id for i in identities.values() if i.loads}
    held_by_others = {uid for uid, other in (held or {}).items()
                      if Path(other) not in identities and Path(other).exists()}
    taken = loaded | held_by_others
    ids: dict[Path, str] = {}
    for path in sorted(identities, key=lambda p: (not identities[p].loads, p)):
        uid = identities[path].unit_id
        if not identities[path].loads and uid in taken:
            uid = free_id(uid, taken)
        ids[path] = uid

    def unconfirmed(p: Path) -> bool:
        return identities[p].drafted or str(p) in drafted

    confirmed_ids = {ids[p]: p for p in sorted(identities) if identities[p].loads and not unconfirmed(p)}
    for path in identities:  # a report whose file name is the id of confirmed params of another unit: its own id;
        # so too confirmed params claiming the id of another unit published before from a file this run was not given
        published_from = Path((held or {})[ids[path]]) if ids[path] in held_by_others else None
        holder = (confirmed_ids.get(ids[path]) or published_from) if str(path) in drafted \
            else None if unconfirmed(path) else published_from
        if identities[path].loads and holder is not None:
            theirs = identities.get(holder) or identify(holder)
            if theirs.loads and not theirs.drafted and identities[path].another_unit_than(theirs):
                ids[path] = free_id(ids[path], taken)

    superseded = _superseded(identities, drafted, unconfirmed)

    def newcomer(p: Path) -> bool:  # not the file whose unit was published under its id before (a unit keeps its id)
        before = (held or {}).get(ids[p])
        return before is None or Path(before).resolve() != p.resolve()

    owners: dict[str, Path] = {}
    for path in sorted(ids, key=lambda p: (not identities[p].loads, unconfirmed(p), newcomer(p), file_id(p) != ids[p],
                                           p)):
        if path not in superseded:
            owners.setdefault(ids[path], path)
    taken |= set(owners)
    jobs: list[UnitJob] = []
    copies: list[UnitRun] = []
    for path in identities:  # in the order given
        uid = ids[path]
        if path in superseded:  # the report's own unit, confirmed under another id (draft --unit-id, then confirmed)
            holder, why = superseded[path]
            copies.append(UnitRun(free_id(file_id(path), taken), str(path), NOT_RUN,
                                  f"报告 {Path(drafted[str(path)]).name} 已有核对过的参数文件 {shown_path(holder)}"
                                  f"（{why}）：本批次运行了那个文件，本草稿未运行"))
            continue
        owner = owners[uid]
        published = (held or {}).get(uid)
        if owner == path and unconfirmed(path) and uid in held_by_others and published is not None \
                and not identify(Path(published)).drafted:
            copies.append(UnitRun(free_id(file_id(path), taken), str(path), NOT_RUN,
                                  f"单位编码 {uid!r} 已有此前发布的同一单位、同一年度核对过的参数文件 "
                                  f"{shown_path(published)}：本草稿未运行，以免替换该单位"))
            continue
        if owner == path:
            i = identities[path]
            jobs.append(UnitJob(uid, path, notebook, outputs, {**extra, PARAMS_PARAMETER: str(path)}, timeout,
                                i.year, i.series, i.framework))
            continue
        copy_id = free_id(file_id(path), taken)
        if unconfirmed(path) and not unconfirmed(owner):
            copies.append(UnitRun(copy_id, str(path), NOT_RUN, f"单位编码 {uid!r} 已有同一单位、同一年度核对过的参数文件 "
                                                             f"{shown_path(owner)}，本批次运行了那个文件；本草稿未运行"))
        else:
            copies.append(UnitRun(copy_id, str(path), FAILED, f"单位编码 {uid!r} 重复：{shown_path(owner)} 也是这个单位，"
                                  "本批次运行了那个文件，本文件未运行；若是副本请删除，若是另一单位请改正其 unit.id"))
    return jobs, copies


def _superseded(identities: Mapping[Path, Identity], drafted: Mapping[str, str],
                unconfirmed: Callable[[Path], bool]) -> dict[Path, tuple[Path, str]]:
    """The batch's drafts whose unit confirmed params of this batch already hold (draft → those params, and why):
    params naming the draft's report (unit.document), or of the unit and year the draft reads (its name as seen),
    under whatever id, unless their regions differ — confirmed params win over a draft of their own unit (issue 24
    item 8: both ran)."""
    by_document: dict[tuple[str, int | None], Path] = {}
    by_unit: dict[tuple[str, int], Path] = {}
    for p in sorted(identities):
        i = identities[p]
        if i.loads and not unconfirmed(p):
            if i.document:
                by_document.setdefault((i.document, i.year), p)
            if (unit := i.unit_and_year()) is not None:
                by_unit.setdefault(unit, p)
    out: dict[Path, tuple[Path, str]] = {}
    for p, i in identities.items():
        if str(p) not in drafted:
            continue
        if (held := by_document.get((Path(drafted[str(p)]).name, i.year))) is not None:
            out[p] = (held, "其 unit.document 即此报告")
        elif ((unit := i.unit_and_year()) is not None and (held := by_unit.get(unit)) is not None
              and not i.another_unit_than(identities[held])):  # of one name and year, in another region: its own
            out[p] = (held, f"同一单位 {identities[held].name}、同一年度 {i.year}")
    return out


def in_waves(jobs: Sequence[UnitJob], outputs: Path, others: Mapping[str, tuple[int, str]],
             history: bool) -> list[list[UnitJob]]:
    """The jobs in waves by year within each series (a unit's earlier years in an earlier wave), each job given, when
    the notebook takes it, the result files of its series' earlier years (this batch's or published before: others
    maps an id to its (year, series)). Units of one year each make one wave."""
    known = dict(others)
    known.update((j.unit_id, (j.year, j.series)) for j in jobs if j.year is not None and j.series is not None)
    years: dict[str, list[int]] = {}
    for j in jobs:
        if j.series is not None and j.year is not None:
            years.setdefault(j.series, []).append(j.year)
    waves: dict[int, list[UnitJob]] = {}
    for job in jobs:
        rank = sorted(set(years.get(job.series or "", []))).index(job.year) \
            if job.series is not None and job.year is not None else 0
        if history:
            earlier = sorted((y, uid) for uid, (y, s) in known.items()
                             if s == job.series and job.year is not None and y < job.year)
            paths = [str(outputs / "units" / uid / f"{uid}.json") for _, uid in earlier]
            job = replace(job, parameters={**job.parameters, HISTORY_PARAMETER: paths})
        waves.setdefault(rank, []).append(job)
    return [waves[k] for k in sorted(waves)]


def free_id(wanted: str, taken: set[str]) -> str:
    """wanted, or wanted-2, wanted-3 … whichever is not taken yet (then taken)."""
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    taken.add(candidate)
    return candidate
