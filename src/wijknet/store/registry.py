"""The actor registry of a project store: remembered aliases and the queue of write-ins and respondents.

Survey exports leave the parties a respondent wrote in in the ``pending``
table (``what = 'write_in'``), and respondents without an actor id
(``what = 'respondent'``: the invitation link lost its id). Coded interviews
and Network Canvas leave the mentions and alters they could not match as
write-ins too, with their own ``tie_types``, ``evidence_kind``, ``label``,
``quote`` and ``segment_id``: linked, they become observations of that kind
(e.g. ``interview`` with the quote). This module links them to actors:

* :func:`proposals` matches every pending write-in with the actors of its
  wijk (:func:`wijknet.resolve.matching.match_names`, confirmed aliases included);
* :func:`accept_matches` links those above a threshold automatically;
* :func:`confirm` links one write-in to an actor a person chose;
* :func:`create_actor` makes a new actor of a write-in (a stable new
  ``actor_id``, ``first_wave`` = the wave of the write-in).

Linking a write-in stores its normalised name in ``aliases`` (so the next
wave matches by itself) and turns it into tie observations with its
provenance (the export file, row and column; the written name in
``answers``), exactly as a roster answer would have been: ``samenwerking``
(intensity 2-4) or ``kennen``, plus ``verwijzing`` for referrals. The
pending row is then removed. Every operation is one transaction, and the
store is validated as a project before it commits.

A respondent is linked by reading their row of the stored export again
(``raw/``) with the chosen actor id: their roster answers become tie
observations, their perception answers a response and their write-ins join
the queue, exactly as if the export had carried the id (provenance: the
export file and row). Respondents are never linked automatically (a wrong
link would give one person's answers to another); their proposals compare
the organisation and role they gave with the actors of the wijk that have
no response in that wave.
"""

from __future__ import annotations

import csv
import getpass
import json
import re
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijknet.core import clock
from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.core.ties import ALTER_ANSWERS, SURVEY_LABEL, survey_kind, survey_ties
from wijknet.resolve.matching import DEFAULT_THRESHOLD, match_names, normalise
from wijknet.store.db import DB_FILE, connection, transaction
from wijknet.store.frames import actors_frame
from wijknet.store.observations import insert_observations, observation_row

__all__ = [
    "ResolveReport",
    "accept_matches",
    "aliases",
    "confirm",
    "create_actor",
    "pending_kind",
    "pending_respondents",
    "pending_write_ins",
    "proposals",
    "store_actors",
]

AUTO = "auto"

TEXTS = {
    "no_pending": {"nl": "er is geen wachtende zelf ingevulde partij met nummer {pid}",
                   "en": "there is no pending written-in party with number {pid}"},
    "no_actor": {"nl": "actor '{actor}' bestaat niet in het project", "en": "actor '{actor}' does not exist in the project"},
    "other_wijk": {"nl": "actor '{actor}' hoort bij wijk '{actor_wijk}', de zelf ingevulde partij bij wijk '{wijk}'",
                   "en": "actor '{actor}' belongs to wijk '{actor_wijk}', the written-in party to wijk '{wijk}'"},
    "no_respondent": {"nl": "de respondent van zelf ingevulde partij {pid} is niet bekend; koppel eerst de respondent",
                      "en": "the respondent of written-in party {pid} is unknown; link the respondent first"},
    "self": {"nl": "actor '{actor}' is de respondent zelf", "en": "actor '{actor}' is the respondent themselves"},
    "no_domain": {"nl": "geef het domein van de nieuwe actor met --domain", "en": "give the domain of the new actor with --domain"},
    "respondent_wijk": {"nl": "actor '{actor}' hoort bij wijk '{actor_wijk}', de respondent bij wijk '{wijk}'",
                        "en": "actor '{actor}' belongs to wijk '{actor_wijk}', the respondent to wijk '{wijk}'"},
    "has_response": {"nl": "actor '{actor}' heeft in meting '{wave}' al een respons; kies een andere actor",
                     "en": "actor '{actor}' already has a response in wave '{wave}'; choose another actor"},
    "no_id_column": {"nl": "de kolom met het actor-id is niet gevonden in het opgeslagen bestand {file}",
                     "en": "the column with the actor id was not found in the stored file {file}"},
    "respondent_mention": {"nl": "respondent rij {row}", "en": "respondent row {row}"},
}  # fmt: skip


@dataclass
class ResolveReport:
    """What :func:`accept_matches` did: the linked write-ins and the ones left for a person."""

    linked: pd.DataFrame
    open: pd.DataFrame
    observations: int = 0
    notes: list[str] = field(default_factory=list)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name available (containers)
        return ""


def pending_write_ins(conn: sqlite3.Connection) -> pd.DataFrame:
    """The pending write-ins: ``pending_id, file_id, source_row, source_column`` and the written-in fields."""
    rows = []
    for pid, file_id, row, column, data in conn.execute(
            "SELECT pending_id, file_id, source_row, source_column, data FROM pending WHERE what = 'write_in' "
            "ORDER BY pending_id"):  # fmt: skip
        rows.append({**json.loads(data), "pending_id": int(pid), "file_id": int(file_id), "pending_row": row,
                     "pending_column": column})  # fmt: skip
    return pd.DataFrame(rows)


def pending_respondents(conn: sqlite3.Connection) -> pd.DataFrame:
    """The pending respondents without an actor id: ``pending_id, file_id, pending_row`` and their respondent block."""
    rows = []
    for pid, file_id, row, column, data in conn.execute(
            "SELECT pending_id, file_id, source_row, source_column, data FROM pending WHERE what = 'respondent' "
            "ORDER BY pending_id"):  # fmt: skip
        record = json.loads(data)
        if str(record.get("actor_id", "") or "").strip():
            continue  # stores imported before 0.x kept identified respondents here too
        rows.append({**record, "pending_id": int(pid), "file_id": int(file_id), "pending_row": row,
                     "pending_column": column})  # fmt: skip
    return pd.DataFrame(rows)


def store_actors(folder: str | Path) -> pd.DataFrame:
    """The actors of the store (tidy columns, text values), e.g. to choose one for a pending row."""
    with connection(folder) as conn:
        return actors_frame(conn)


def aliases(conn: sqlite3.Connection) -> pd.DataFrame:
    """The remembered aliases: ``alias_norm, actor_id, confirmed_by, confirmed_at``."""
    return pd.read_sql_query("SELECT alias_norm, actor_id, confirmed_by, confirmed_at FROM aliases ORDER BY alias_norm, actor_id",
                             conn)  # fmt: skip


def _mention(record: dict) -> str:
    return str(record.get("name", "") or "").strip()


COLUMNS = ["pending_id", "what", "wijk", "wave", "respondent", "mention", "organisation", "row", "actor_id", "score",
           "accepted", "candidates"]  # fmt: skip


def _proposals(conn: sqlite3.Connection, threshold: float) -> pd.DataFrame:
    found = pd.concat(
        [_write_in_proposals(conn, threshold), _respondent_proposals(conn)], ignore_index=True
    )
    return found.sort_values("pending_id", ignore_index=True) if len(found) else found


def _respondent_proposals(conn: sqlite3.Connection) -> pd.DataFrame:
    """Candidates for respondents without an actor id: organisation and role against the wijk's actors without a response."""
    pending = pending_respondents(conn)
    if pending.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    actors = actors_frame(conn)
    answered = set(conn.execute("SELECT wave, actor_id FROM responses").fetchall())
    out = []
    for r in pending.to_dict("records"):
        wijk, wave = str(r.get("wijk", "") or ""), str(r.get("wave", "") or "")
        candidates = actors[[(wave, a) not in answered for a in actors["actor_id"]]]
        if wijk:
            candidates = candidates[candidates["wijk"] == wijk]
        said = " ".join(str(r.get(k, "") or "") for k in ("organisation", "role")).strip()
        best = {"actor_id": "", "score": 0.0, "candidates": []}
        if said and len(candidates):
            best = match_names([said], candidates, threshold=1.1).iloc[0].to_dict()
        out.append({"pending_id": r["pending_id"], "what": "respondent", "wijk": wijk, "wave": wave, "respondent": "",
                    "mention": said or text(TEXTS, "respondent_mention", row=r.get("pending_row")),
                    "organisation": str(r.get("organisation", "") or ""), "row": r.get("pending_row"),
                    "actor_id": best["actor_id"], "score": best["score"], "accepted": False,
                    "candidates": best["candidates"]})  # fmt: skip
    return pd.DataFrame(out, columns=COLUMNS)


def _write_in_proposals(conn: sqlite3.Connection, threshold: float) -> pd.DataFrame:
    pending = pending_write_ins(conn)
    columns = COLUMNS
    if pending.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    actors = actors_frame(conn)
    known = aliases(conn)
    out = []
    for wijk, group in pending.groupby("wijk", sort=False):
        candidates = actors[actors["wijk"] == wijk]
        alias_map = {
            r.alias_norm: r.actor_id
            for r in known.itertuples()
            if r.actor_id in set(candidates["actor_id"])
        }
        records = group.to_dict("records")
        # The name as written, and with the organisation when one was given; the best of both counts.
        names = [_mention(r) for r in records]
        with_org = [f"{r.get('organisation', '')} {_mention(r)}".strip() for r in records]
        plain = match_names(names, candidates, aliases=alias_map, threshold=threshold)
        both = match_names(with_org, candidates, aliases=alias_map, threshold=threshold)
        for r, a, b in zip(records, plain.to_dict("records"), both.to_dict("records")):
            best = dict(b if b["score"] > a["score"] and r.get("organisation") else a)
            respondent = r.get("respondent", "")
            if respondent and any(c["actor_id"] == respondent for c in best["candidates"]):
                best["candidates"] = [c for c in best["candidates"] if c["actor_id"] != respondent]
                if best["actor_id"] == respondent:  # one does not write oneself in
                    top = (
                        best["candidates"][0]
                        if best["candidates"]
                        else {"actor_id": "", "score": 0.0}
                    )
                    best.update(actor_id=top["actor_id"], score=top["score"], accepted=False)
            out.append({"pending_id": r["pending_id"], "what": "write_in", "wijk": wijk, "wave": r.get("wave", ""),
                        "respondent": r.get("respondent", ""), "mention": _mention(r),
                        "organisation": r.get("organisation", ""), "row": r.get("pending_row"),
                        "actor_id": best["actor_id"], "score": best["score"],
                        "accepted": best["accepted"], "candidates": best["candidates"]})  # fmt: skip
    return pd.DataFrame(out, columns=columns).sort_values("pending_id", ignore_index=True)


def proposals(folder: str | Path, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Every pending write-in and unidentified respondent with its best actor, score, ``accepted`` and the top candidates.

    Columns ``pending_id, what`` (``write_in`` or ``respondent``), ``wijk, wave,
    respondent`` (who wrote the name in; empty for respondents), ``mention``
    (the written name; a respondent's organisation and role), ``organisation,
    row`` (of the export), ``actor_id, score, accepted, candidates`` (see
    :func:`wijknet.resolve.matching.match_names`). Respondents are never ``accepted``.
    """
    with connection(folder) as conn:
        return _proposals(conn, threshold)


def pending_kind(folder: str | Path, pending_id: int) -> str | None:
    """What pending item ``pending_id`` is: ``"write_in"``, ``"respondent"``, or ``None`` when there is none.

    Parameters
    ----------
    folder : str or Path
        A project store.
    pending_id : int
        As listed by :func:`proposals`.
    """
    with connection(folder) as conn:
        row = conn.execute("SELECT what FROM pending WHERE pending_id = ? AND what IN ('write_in', 'respondent')",
                           (int(pending_id),)).fetchone()  # fmt: skip
    return row[0] if row else None


def _pending(conn: sqlite3.Connection, pid: int) -> dict:
    row = conn.execute("SELECT file_id, source_row, source_column, data, what FROM pending WHERE pending_id = ? "
                       "AND what IN ('write_in', 'respondent')", (pid,)).fetchone()  # fmt: skip
    if row is None:
        raise DataError([Problem(DB_FILE, text(TEXTS, "no_pending", pid=pid))])
    record = {**json.loads(row[3]), "pending_id": pid, "file_id": row[0], "pending_row": row[1], "pending_column": row[2],
              "what": row[4]}  # fmt: skip
    if row[4] == "respondent" and str(record.get("actor_id", "") or "").strip():
        raise DataError([Problem(DB_FILE, text(TEXTS, "no_pending", pid=pid))])
    return record


def _link_any(conn: sqlite3.Connection, folder: Path, record: dict, actor_id: str, by: str) -> int:
    if record["what"] == "respondent":
        return _link_respondent(conn, folder, record, actor_id)
    return _link(conn, record, actor_id, by)


def _id_column(header, tool: str) -> int | None:
    """The index of the respondent's actor-id column in an export's first header row."""
    from wijknet.ingest.instrument import load_instrument

    wanted = {load_instrument().question("actor_id").column(tool).casefold(), "actor_id", "actorid"}
    for i, cell in enumerate(header):
        code = re.match(r"\s*([A-Za-z][A-Za-z0-9_]*)", str(cell))
        if str(cell).strip().casefold() in wanted or (code and code.group(1).casefold() in wanted):
            return i
    return None


def _link_respondent(conn: sqlite3.Connection, folder: Path, record: dict, actor_id: str) -> int:
    """Read the respondent's row of the stored export again as ``actor_id``; return the tie observations added."""
    from dataclasses import replace

    from wijknet.core.settings import ProjectConfig
    from wijknet.ingest.batch import RESPONDENT_COLUMNS, empty
    from wijknet.ingest.grid import read_grid
    from wijknet.store.importing import FileReport, Importer, first_int
    from wijknet.store.load import project_from_connection
    from wijknet.store.surveys import read_survey

    actor = conn.execute("SELECT wijk FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
    if actor is None:
        raise DataError([Problem(DB_FILE, text(TEXTS, "no_actor", actor=actor_id))])
    wijk, wave = str(record.get("wijk", "") or ""), str(record.get("wave", "") or "")
    if wijk and actor[0] != wijk:
        raise DataError(
            [
                Problem(
                    DB_FILE,
                    text(TEXTS, "respondent_wijk", actor=actor_id, actor_wijk=actor[0], wijk=wijk),
                )
            ]
        )
    if conn.execute(
        "SELECT 1 FROM responses WHERE wave = ? AND actor_id = ?", (wave, actor_id)
    ).fetchone():
        raise DataError([Problem(DB_FILE, text(TEXTS, "has_response", actor=actor_id, wave=wave))])
    import_id, file_name, kind, raw_path = conn.execute(
        "SELECT import_id, name, kind, raw_path FROM files WHERE file_id = ?", (record["file_id"],)
    ).fetchone()
    row = int(record["pending_row"])
    options = json.loads(
        conn.execute("SELECT options FROM imports WHERE import_id = ?", (import_id,)).fetchone()[0]
        or "{}"
    )
    workbook = Path(raw_path).suffix.lower() in (".xlsx", ".xlsm", ".xls")
    grid = read_grid(
        folder / raw_path, sheet=options.get("sheet") if workbook else None
    )  # as it was imported
    column = _id_column(grid.rows[0], kind) if grid.rows else None
    if column is None:
        raise DataError([Problem(file_name, text(TEXTS, "no_id_column", file=raw_path))])
    known = {a for (a,) in conn.execute("SELECT actor_id FROM actors")}
    lines: list[list[str]] = []
    for number, cells in zip(grid.numbers, grid.rows):
        cells = list(cells)
        if number == row:
            cells[column] = actor_id
        elif cells[column].strip() in known:
            cells[column] = (
                ""  # every other respondent was imported already: read nothing of theirs
            )
        lines += [[] for _ in range(number - 1 - len(lines))]  # keep the spreadsheet row numbers
        lines.append(cells)
    config = ProjectConfig.load(folder)
    project = project_from_connection(conn, folder, "all", config)
    with tempfile.TemporaryDirectory(prefix="wijknet-respondent-") as tmp:
        path = Path(tmp) / "export.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(lines)
        batch = read_survey(
            kind,
            path,
            project,
            wave,
            wijk=wijk or None,
            allow_missing=options.get("allow_missing", ()),
        )
    frames = {}
    for name in ("ties", "responses", "write_ins"):
        df = getattr(batch, name)
        df = df[[first_int(v) == row for v in df["source_row"]]].copy() if len(df) else df.copy()
        frames[name] = df.assign(source_file=file_name) if len(df) else df
    mine = batch.respondents[[first_int(v) == row for v in batch.respondents["source_row"]]]
    waves = replace(batch, respondents=mine, responses=frames["responses"]).actor_waves()
    batch = replace(batch, respondents=empty(RESPONDENT_COLUMNS), **frames)
    importer = Importer(conn, folder, config, wave, False)
    importer.import_id = import_id
    report = FileReport(file_name, kind, "")
    importer.add_survey_batch(batch, file_name, record["file_id"], report)
    if len(waves):  # the respondent block of the linked respondent, as for an identified one
        key = conn.execute(
            "SELECT item_key FROM pending WHERE pending_id = ?", (record["pending_id"],)
        ).fetchone()
        waves.index = pd.Index([row] * len(waves), name="row")
        waves["item_key"] = (key[0] if key else "") or ""
        importer._add_actor_waves(waves, file_name, record["file_id"], report)
    if importer.problems:
        raise DataError(importer.problems)
    conn.execute("DELETE FROM pending WHERE pending_id = ?", (record["pending_id"],))
    return report.counts.get("observations", 0)


def _link(conn: sqlite3.Connection, record: dict, actor_id: str, by: str) -> int:
    """Turn one pending write-in into observations of ``respondent -> actor_id``; return how many."""
    pid = record["pending_id"]
    actor = conn.execute("SELECT wijk FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
    if actor is None:
        raise DataError([Problem(DB_FILE, text(TEXTS, "no_actor", actor=actor_id))])
    wijk, wave, respondent = (
        record.get("wijk", ""),
        record.get("wave", ""),
        record.get("respondent", ""),
    )
    if actor[0] != wijk:
        raise DataError(
            [
                Problem(
                    DB_FILE,
                    text(TEXTS, "other_wijk", actor=actor_id, actor_wijk=actor[0], wijk=wijk),
                )
            ]
        )
    if not respondent:
        raise DataError([Problem(DB_FILE, text(TEXTS, "no_respondent", pid=pid))])
    if respondent == actor_id:
        raise DataError([Problem(DB_FILE, text(TEXTS, "self", actor=actor_id))])
    import_id, file_name = conn.execute(
        "SELECT import_id, name FROM files WHERE file_id = ?", (record["file_id"],)
    ).fetchone()
    values = {k: str(record.get(k, "") or "") for k in ALTER_ANSWERS}
    weight = (
        float(values["frequency"]) if re.fullmatch(r"\d+(\.\d+)?", values["frequency"]) else None
    )
    answers = {k: v for k, v in values.items() if v}
    answers.update(
        {"write_in": _mention(record), "write_in_pending_id": str(pid), "resolved_by": by}
    )
    for key in ("organisation", "domain", "number", "interview_id"):
        if record.get(key):
            answers[f"write_in_{key}"] = str(record[key])
    answers = json.dumps(answers, ensure_ascii=False, sort_keys=True)
    label = record.get("label") or SURVEY_LABEL.format(wave=wave)
    source_file = record.get("source_file") or file_name
    row = record.get("pending_row")
    column = record.get("pending_column") or record.get("source_column", "")
    if record.get(
        "tie_types"
    ):  # an interview mention or a Network Canvas node: its own tie types and kind
        kind = record.get("evidence_kind") or "interview"
        ties = [
            (respondent, actor_id, tie_type, kind)
            for tie_type in str(record["tie_types"]).split(";")
            if tie_type
        ]
    else:
        ties = [
            (s, t, tie_type, survey_kind(respondent, t))
            for s, t, tie_type in survey_ties(
                respondent, actor_id, values["intensity"], values["referral"]
            )
        ]
    quote, segment_id = str(record.get("quote", "") or ""), str(record.get("segment_id", "") or "")
    insert_observations(conn, [
        observation_row(wijk=wijk, wave=wave, source=s, target=t, tie_type=tie_type, weight=weight, kind=kind,
                        label=label, import_id=import_id, file_id=record["file_id"], source_file=source_file,
                        source_row=row, source_column=column, quote=quote, segment_id=segment_id, answers=answers)
        for s, t, tie_type, kind in ties
    ])  # fmt: skip
    _remember(conn, _mention(record), actor_id, by)
    conn.execute("DELETE FROM pending WHERE pending_id = ?", (pid,))
    return len(ties)


def _remember(conn: sqlite3.Connection, alias: str, actor_id: str, by: str) -> None:
    norm = normalise(alias)
    if norm:
        conn.execute("INSERT OR REPLACE INTO aliases (alias_norm, actor_id, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?)",
                     (norm, actor_id, by, clock.now()))  # fmt: skip


def _validate(conn: sqlite3.Connection, folder: Path) -> None:
    from wijknet.store.load import project_from_connection

    project_from_connection(conn, folder, "all")


def accept_matches(folder: str | Path, threshold: float = DEFAULT_THRESHOLD) -> ResolveReport:
    """Link every pending write-in whose best match is accepted at ``threshold``, in one transaction.

    Returns the linked write-ins and the open ones (with their candidates).
    """
    folder = Path(folder)
    with connection(folder) as conn:
        with transaction(conn):
            found = _proposals(conn, threshold)
            linked = found[found["accepted"].astype(bool)] if len(found) else found
            n = 0
            for r in linked.to_dict("records"):
                n += _link(conn, _pending(conn, int(r["pending_id"])), r["actor_id"], AUTO)
            if n:
                _validate(conn, folder)
        open_ = found[~found["accepted"].astype(bool)] if len(found) else found
        return ResolveReport(linked.reset_index(drop=True), open_.reset_index(drop=True), n)


def confirm(folder: str | Path, pending_id: int, actor_id: str, *, by: str | None = None) -> int:
    """Link pending write-in or respondent ``pending_id`` to ``actor_id``; return the tie observations added.

    A write-in's name is remembered as an alias of the actor; a respondent's
    row of the export is read again as ``actor_id`` (see the module docstring).
    """
    folder = Path(folder)
    with connection(folder) as conn:
        with transaction(conn):
            n = _link_any(
                conn,
                folder,
                _pending(conn, pending_id),
                actor_id,
                by if by is not None else _user(),
            )
            _validate(conn, folder)
        return n


def new_actor_id(conn: sqlite3.Connection, wijk: str) -> str:
    """The next free id in the style of the wijk's ids (``DAA-127`` after ``DAA-126``), else ``NEW-001``..."""
    ids = [r[0] for r in conn.execute("SELECT actor_id FROM actors WHERE wijk = ?", (wijk,))]
    styles: dict[tuple[str, int], int] = {}
    for actor_id in ids:
        m = re.fullmatch(r"(.*?)(\d+)", actor_id)
        if m:
            key = (m.group(1), len(m.group(2)))
            styles[key] = max(styles.get(key, 0), int(m.group(2)))
    if styles:
        prefix, width = max(styles, key=lambda k: (sum(1 for i in ids if i.startswith(k[0])), k))
        number = styles[(prefix, width)]
    else:
        prefix, width, number = "NEW-", 3, 0
    taken = {r[0] for r in conn.execute("SELECT actor_id FROM actors")}
    while True:
        number += 1
        candidate = f"{prefix}{number:0{width}d}"
        if candidate not in taken:
            return candidate


def create_actor(
    folder: str | Path, pending_id: int, domain: str, *, by: str | None = None
) -> tuple[str, int]:
    """Make a new actor of pending write-in or respondent ``pending_id`` and link it to the new actor.

    The actor gets the next id in the style of its wijk, the written name and
    organisation (a respondent: the organisation and role they gave),
    ``domain`` and ``first_wave`` = the wave of the write-in or response.
    Returns the new ``actor_id`` and the number of observations added.
    """
    folder = Path(folder)
    if not str(domain or "").strip():
        raise DataError([Problem("--domain", text(TEXTS, "no_domain"))])
    with connection(folder) as conn:
        with transaction(conn):
            record = _pending(conn, pending_id)
            actor_id = new_actor_id(conn, record.get("wijk", ""))
            organisation = str(record.get("organisation", "") or "")
            role = str(record.get("role", "") or "") if record["what"] == "respondent" else ""
            name = (
                _mention(record)
                if record["what"] == "write_in"
                else (organisation or role or actor_id)
            )
            conn.execute(
                "INSERT INTO actors (actor_id, wijk, domain, name, role, organisation, first_wave, extra, file_id, source_row) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (actor_id, record.get("wijk", ""), domain.strip(), name, role, organisation, record.get("wave", ""),
                 "{}", record["file_id"], record.get("pending_row")),
            )  # fmt: skip
            n = _link_any(conn, folder, record, actor_id, by if by is not None else _user())
            _validate(conn, folder)
        return actor_id, n
