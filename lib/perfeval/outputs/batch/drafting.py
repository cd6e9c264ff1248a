"""The reports a batch is given, drafted into outputs/drafts/<id>.yaml before the units run.

Each report is drafted in a child process of its own, as many at a time as the batch has workers, under the
batch's per-unit timeout: a report that takes longer is stopped and fails alone. A report whose bytes the results
store has seen, with its draft still on disk, is not drafted again. The same report in several formats (a.docx,
a.txt, a.pdf: one file name, one id) is drafted once, from the first of DRAFT_ORDER that can be read; each other
is listed, saying which one ran. Copies of one report (the same bytes: liutang.txt, liutang - 副本.txt,
liutang(1).txt) are drafted once, and each other copy is listed naming the file that ran: run, the unit was
listed once per copy in the index, summary, workbook and portfolio. A report that cannot be read never takes the id
of a unit that runs or was published from another file (unclaimed).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Collection, Mapping, Sequence

from ...errors import InputFileError, PerfevalError
from ...fmt import exact
from ...safetext import shown_path
from ..store import FAILED, NOT_RUN, ResultsStore, UnitRun
from .jobs import DRAFTS, Identity, free_id, file_id, is_report, review_drafted_params, review_links
from .keys import file_digest, report_digest
from .lifeline import die_with_parent
from .reasons import in_chinese

DRAFT_ORDER = (".docx", ".txt", ".pdf")  # of one report in several formats, the one drafted: the most faithful text


@dataclass
class Drafted:
    """What drafting gave: the params files to run (drafts in place of their reports), draft → report for the
    index, and a result for each other file: failed when its report could not be drafted, not run when another file of
    its report (another format, or the same bytes) ran in its place."""

    files: list[Path] = field(default_factory=list)
    drafted: dict[str, str] = field(default_factory=dict)
    listed: list[UnitRun] = field(default_factory=list)


def _why(exc: PerfevalError) -> str:
    """What was wrong, in Chinese where its kind is known (reasons.py), without the file's path the reason already
    names (the index shows it to officials)."""
    if isinstance(exc, InputFileError):
        return "；".join(in_chinese(p.problem) if not p.field else f"{p.field}: {in_chinese(p.problem)}"
                        for p in exc.problems)
    return in_chinese(str(exc))


def _draft_one(report: Path, unit_id: str, outputs: Path) -> tuple[str, str]:
    """("ok", the draft's path) or ("failed", why): the report read, its draft and review page written."""
    from ..draft import Draft
    from ..draft.parts import drafted_in_part
    from ..draft.writer import Settled, settled

    def finish(draft: Draft) -> tuple[Path, Settled]:
        target = outputs / DRAFTS / f"{draft.unit_id}.yaml"
        return target, settled(draft, target, review_links(draft.unit_id, target.name))

    try:
        _, (target, made) = drafted_in_part(report, finish, unit_id=unit_id)  # a long report: the part that fits
        made.write(target, target.with_suffix(".review.html"))
    except PerfevalError as exc:
        return "failed", f"报告无法读取，未能生成草稿（{report.name}）：{_why(exc)}"
    except OSError as exc:
        return "failed", f"草稿无法写入 {shown_path(outputs / DRAFTS)}：{exc.strerror or exc}"
    return "ok", str(target.resolve())


def _child(conn: Connection, report: Path, unit_id: str, outputs: Path, parent: int) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle: it stops the children
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        conn.send(_draft_one(report, unit_id, outputs))
    except BaseException as exc:  # noqa: BLE001 - whatever it is, the batch hears of it and goes on
        conn.send(("failed", f"草稿未能生成（{report.name}）：{type(exc).__name__}: {str(exc)[:300]}"))
    finally:
        conn.close()


@dataclass
class _Child:
    report: Path
    process: multiprocessing.process.BaseProcess
    conn: Connection
    deadline: float


def _in_children(reports: Sequence[Path], ids: Mapping[Path, str], outputs: Path, width: int,
                 timeout: float) -> dict[Path, tuple[str, str]]:
    """Each report drafted in a forked child (the drafting code is already imported here), width at a time; one
    that outlives the timeout, or dies, fails alone."""
    from .. import draft  # noqa: F401 - imported once here, not in every child

    context = multiprocessing.get_context("fork")
    pending, running, done = list(reversed(reports)), [], {}  # type: ignore[var-annotated]  # typed by _drive
    try:
        _drive(context, pending, running, done, ids, outputs, width, timeout)
    finally:  # Ctrl-C, SIGTERM: no child outlives the batch
        for child in running:
            child.process.kill()
            child.process.join(1)
    return done


def _drive(context: Any, pending: list[Path], running: list[_Child], done: dict[Path, tuple[str, str]],
           ids: Mapping[Path, str], outputs: Path, width: int, timeout: float) -> None:
    while pending or running:
        while pending and len(running) < width:
            report = pending.pop()
            ours, theirs = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(theirs, report, ids[report], outputs, os.getpid()),
                                      daemon=True)
            process.start()
            theirs.close()
            running.append(_Child(report, process, ours, time.monotonic() + timeout))
        soonest = min(c.deadline for c in running)
        ready = set(wait([c.conn for c in running], timeout=max(0.0, soonest - time.monotonic())))
        for child in list(running):
            if child.conn in ready:
                try:
                    done[child.report] = child.conn.recv()
                except (EOFError, OSError):
                    done[child.report] = ("failed", f"草稿未能生成（{child.report.name}）：读取报告的进程意外退出")
            elif time.monotonic() >= child.deadline:
                child.process.kill()
                done[child.report] = ("failed", f"超时：报告 {child.report.name} 超过 {exact(timeout)} 秒仍未读完，"
                                                "未能生成草稿")
            else:
                continue
            child.process.join(5)
            child.conn.close()
            running.remove(child)


def _original_first(path: Path) -> tuple[bool, int, Path]:
    """Of copies of one report, the one that runs: a name that is an id as it is (not made up from its letters),
    then the shortest (a copy's name adds to the original's: - 副本, (1)), then the first by name."""
    return file_id(path) != path.stem.lower(), len(path.name), path


def _copies(reports: Sequence[Path]) -> tuple[list[Path], dict[Path, Path]]:
    """The reports less the copies of another (the same bytes), in the order given, and each copy → the report it
    is a copy of. A file that cannot be read is kept: drafting it says why."""
    by_bytes: dict[str, list[Path]] = {}
    kept: list[Path] = []
    for report in dict.fromkeys(reports):
        try:
            by_bytes.setdefault(file_digest(report), []).append(report)
        except OSError:
            kept.append(report)
    original = {copy: min(group, key=_original_first) for group in by_bytes.values() for copy in group}
    return ([r for r in reports if r in kept or original.get(r) == r],
            {copy: ran for copy, ran in original.items() if copy != ran})


def _copies_listed(copies: Mapping[Path, Path], chosen: Mapping[str, Path], ids: Mapping[Path, str]) -> list[UnitRun]:
    """Each copy listed under an id of its own, naming the file that ran for it (its original, or the format of
    that report drafted in its place)."""
    out = []
    for copy, original in copies.items():
        ran = chosen.get(ids[original], original).name
        out.append(UnitRun(file_id(copy), str(copy), NOT_RUN,
                           f"与 {original.name} 内容完全相同（同一份报告的副本）：本批次只按 {ran} 生成草稿并运行，"
                           "本文件未运行；若是副本请删除，若应是另一份报告请换成那份", drafted_from=str(copy)))
    return out


def same_unit_twice(runs: Mapping[str, str], identify: Callable[[Path], Identity]) -> list[str]:
    """A warning for each unit and year run from two or more files (reports that differ: a near copy, another
    version; or params files under two ids, trial 5's V22): all run, and the summaries list the unit once per file,
    the portfolio comparing it with itself. runs: params file → the file it came from (its report when drafted).
    Names are compared as a reader sees them (a trailing full-width space is no other unit); of one name, units of
    regions neither of which holds the other are two (两个镇的文化站)."""
    by_unit: dict[tuple[str, int], list[list[tuple[Identity, str]]]] = {}
    for params, source in runs.items():
        unit = identify(Path(params))
        if (key := unit.unit_and_year()) is not None:
            places = by_unit.setdefault(key, [])
            place = next((p for p in places if not p[0][0].another_unit_than(unit)), None)
            if place is None:
                places.append(place := [])
            place.append((unit, Path(source).name))
    return [f"同一单位同一年度有{_how_many(len(files))}{_files_word(files)}：{name} {year} 年度"
            f"（{'、'.join(sorted(files))}），均已运行，汇总中该单位出现 {len(files)} 次；请核对后只保留一份"
            for (name, year), places in by_unit.items() for place in places
            if len(files := [source for _, source in place]) > 1]


def _files_word(files: Sequence[str]) -> str:
    """What the files are, counted before 份 or 个: reports, params files, or both kinds (文件)."""
    reports = [is_report(Path(f)) for f in files]
    return "份报告" if all(reports) else "个参数文件" if not any(reports) else "个文件"


def _how_many(n: int) -> str:
    """A count as a sentence says it before 份 or 个 (两份, 三个, 12 份): the warning listed three reports as 两份."""
    return "两三四五六七八九十"[n - 2] if 2 <= n <= 10 else f" {n} "


def _formats(reports: Sequence[Path], held: Mapping[str, str]) -> dict[str, list[Path]]:
    """The reports by id, each id's files in DRAFT_ORDER. One report in several formats (a.docx, a.txt, a.pdf: one
    folder, one file name, as Windows matches names) shares one id; reports of one name in other folders (a folder a
    unit, each 部门整体支出绩效自评报告.txt), or of one format (qing-xi.txt beside Qing-Xi.txt), or whose names make one
    id (qing.xi.txt, "qing xi.txt"), are other reports, each under an id of its own (qing-xi, qing-xi-2): one ran and
    the others were listed as its other formats. A name with two files of one format beside others (report.txt,
    REPORT.TXT, report.docx) pairs none of them: each is read (one of the .txt files, another unit, was never read). An id a unit drafted from another report still holds (held: unit
    id → the report it was drafted from in an earlier run) is never given to this one, whatever else the run was
    given: run alone, 甲's report took 丙's id and replaced its unit."""
    by_name: dict[tuple[Path, str], list[Path]] = {}
    for report in dict.fromkeys(reports):
        by_name.setdefault((report.parent, report.stem.casefold()), []).append(report)
    groups: list[list[Path]] = []
    for same_name in by_name.values():
        if len({p.suffix.casefold() for p in same_name}) == len(same_name):
            groups.append(list(same_name))
        else:  # two of one format (REPORT.TXT beside report.txt): which is the .docx's other format cannot be told
            groups.extend([p] for p in same_name)  # unread, so each is a report of its own (trial 6's W42)
    from ...intake.report.unit import unit_id_for

    by_id: dict[str, list[Path]] = {}
    taken: set[str] = set()
    for group in groups:
        group.sort(key=lambda p: (DRAFT_ORDER.index(p.suffix.lower()) if p.suffix.lower() in DRAFT_ORDER
                                  else len(DRAFT_ORDER), p))
        own = {str(p) for p in group}
        base = uid = file_id(group[0])
        n = 1
        while uid in taken or held.get(unit_id_for(group[0], uid), str(group[0])) not in own:
            n += 1
            uid = f"{base}-{n}"
        taken.add(uid)
        by_id[uid] = group
    return by_id


def _listed(by_id: Mapping[str, list[Path]], chosen: Mapping[str, Path],
            outcomes: Mapping[Path, tuple[str, str]]) -> list[UnitRun]:
    """Each file of a report that did not run under its id, listed under an id of its own (a-txt, a-pdf), saying
    which file ran and, for one tried first that could not be read, why."""
    taken = set(by_id)
    others = []
    for uid, group in by_id.items():
        ran = chosen[uid].name
        for other in (p for p in group if p != chosen[uid]):
            listed = base = f"{uid}-{other.suffix.lower().lstrip('.')}"
            count = 1
            while listed in taken:  # Report.TXT beside report.txt: each keeps its own line in the status
                count += 1
                listed = f"{base}-{count}"
            taken.add(listed)
            if other in outcomes:  # tried before the file that ran, and it could not be read: a failure of its own
                others.append(UnitRun(listed, str(other), FAILED, f"{outcomes[other][1]}；本批次按同一报告的 {ran} "
                                      "生成草稿并运行", drafted_from=str(other)))
            else:  # its unit ran from the other format: nothing failed (a unit sending .docx and .pdf exited 1)
                others.append(UnitRun(listed, str(other), NOT_RUN, f"与 {ran} 是同一单位的报告（文件名相同，格式不同）："
                                      f"本批次按 {ran} 生成草稿并运行，本文件未读；若内容不同，请改名后单独运行",
                                      drafted_from=str(other)))
    return others


def draft_reports(paths: Sequence[Path], outputs: Path, store: ResultsStore, *, width: int, timeout: float,
                  force: bool = False, held: Mapping[str, str] | None = None) -> Drafted:
    """Each report drafted (or its earlier draft kept, when neither its bytes nor the reader changed since), and the
    params files named as they are. Of one report in several formats the first of DRAFT_ORDER is drafted; when it
    cannot be read the next is, so a damaged a.docx never displaces a readable a.txt."""
    out = Drafted()
    reports, copies = _copies([p for p in paths if is_report(p)])
    by_id = _formats(reports, held or {})
    ids = {p: uid for uid, group in by_id.items() for p in group}
    digests: dict[Path, str] = {}
    outcomes: dict[Path, tuple[str, str]] = {}

    def unread(group: list[Path]) -> Path | None:
        """The next file of a report to try: none once one has been read."""
        if any(outcomes[p][0] == "ok" for p in group if p in outcomes):
            return None
        return next((p for p in group if p not in outcomes), None)

    while wave := [p for p in map(unread, by_id.values()) if p is not None]:
        outcomes.update(_drafted(wave, ids, outputs, store, digests, width, timeout, force))
    chosen = {uid: next((p for p in group if outcomes[p][0] == "ok"), group[0]) for uid, group in by_id.items()}
    out.listed = _listed(by_id, chosen, outcomes) + _copies_listed(copies, chosen, ids)
    ran = set(chosen.values())
    for path in paths:
        if not is_report(path):
            out.files.append(path)
            review_drafted_params(path, outputs)
            continue
        if path not in ran:
            continue  # a copy of a report, or another format of one, drafted from another file: listed
        status, detail = outcomes[path]
        if status != "ok":
            out.listed.append(UnitRun(ids[path], str(path), FAILED, detail, drafted_from=str(path)))
            continue
        if path in digests:
            store.put_draft(path, digests[path], detail)
        out.files.append(Path(detail))
        out.drafted[detail] = str(path)
    return out


def _drafted(reports: Sequence[Path], ids: Mapping[Path, str], outputs: Path, store: ResultsStore,
             digests: dict[Path, str], width: int, timeout: float, force: bool) -> dict[Path, tuple[str, str]]:
    """The outcome of drafting each report: its earlier draft when the store has seen its bytes and the draft is
    still on disk, else drafted in a child process (digests: the digest of the bytes of each drafted now)."""
    kept: dict[Path, tuple[str, str]] = {}
    for report in reports:
        try:
            digest = report_digest(report)
        except OSError:
            continue  # drafting it says why it cannot be read
        draft = None if force else store.draft_of(report, digest)
        if draft and Path(draft).name == f"{ids[report]}.yaml" and Path(draft).is_file() \
                and Path(draft).with_suffix(".review.html").is_file():  # under the id it has now (another report
            # of its name, new in this batch, may hold the id it had)
            kept[report] = ("ok", draft)
        else:
            digests[report] = digest
    fresh = [r for r in reports if r not in kept]
    return {**kept, **(_in_children(fresh, ids, outputs, max(1, width), timeout) if fresh else {})}


def unclaimed(listed: Sequence[UnitRun], claimed: Collection[str], held: Mapping[str, str]) -> list[UnitRun]:
    """The reports that could not be drafted or did not run (Drafted.listed), each under an id no unit of this batch
    runs under (claimed) and no other file's unit was published under before (held: unit id → the file it was made
    from). A report that cannot be read fails alone: a damaged twin_2023.docx beside params of unit twin_2023 neither stops those params nor
    withdraws their report; it is listed as twin_2023-2."""
    used = set(claimed)
    out = []
    for run in listed:
        source = held.get(run.unit_id)
        another = (source is not None and Path(source) != Path(run.drafted_from or run.params_file)
                   and Path(source).exists())
        if run.unit_id in used or another:
            run = replace(run, unit_id=free_id(run.unit_id, used | set(held)))
        used.add(run.unit_id)
        out.append(run)
    return out
