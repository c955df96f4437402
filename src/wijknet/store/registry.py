"""The actor registry of a project store: remembered aliases and the queue of write-ins.

Survey exports leave the parties a respondent wrote in in the ``pending``
table (``what = 'write_in'``). This module links them to actors:

* :func:`proposals` matches every pending write-in with the actors of its
  wijk (:func:`wijknet.registry.match_names`, confirmed aliases included);
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
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import DataError, Problem
from ..i18n import text
from ..registry import DEFAULT_THRESHOLD, match_names, normalise
from .db import DB_FILE, connect, transaction
from .frames import actors_frame

__all__ = ["ResolveReport", "accept_matches", "aliases", "confirm", "create_actor", "pending_write_ins", "proposals"]

ALTER_ANSWERS = ("frequency", "intensity", "referral", "trust_reliability", "trust_mission", "trust_open",
                 "value_power", "value_involvement", "value_resources")  # fmt: skip
COLLABORATION = {"2", "3", "4"}
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
}  # fmt: skip


@dataclass
class ResolveReport:
    """What :func:`accept_matches` did: the linked write-ins and the ones left for a person."""

    linked: pd.DataFrame
    open: pd.DataFrame
    observations: int = 0
    notes: list[str] = field(default_factory=list)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


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


def aliases(conn: sqlite3.Connection) -> pd.DataFrame:
    """The remembered aliases: ``alias_norm, actor_id, confirmed_by, confirmed_at``."""
    return pd.read_sql_query("SELECT alias_norm, actor_id, confirmed_by, confirmed_at FROM aliases ORDER BY alias_norm, actor_id",
                             conn)  # fmt: skip


def _mention(record: dict) -> str:
    return str(record.get("name", "") or "").strip()


def _proposals(conn: sqlite3.Connection, threshold: float) -> pd.DataFrame:
    pending = pending_write_ins(conn)
    columns = ["pending_id", "wijk", "wave", "respondent", "mention", "organisation", "actor_id", "score", "accepted",
               "candidates"]  # fmt: skip
    if pending.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    actors = actors_frame(conn)
    known = aliases(conn)
    out = []
    for wijk, group in pending.groupby("wijk", sort=False):
        candidates = actors[actors["wijk"] == wijk]
        alias_map = {r.alias_norm: r.actor_id for r in known.itertuples() if r.actor_id in set(candidates["actor_id"])}
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
                    top = best["candidates"][0] if best["candidates"] else {"actor_id": "", "score": 0.0}
                    best.update(actor_id=top["actor_id"], score=top["score"], accepted=False)
            out.append({"pending_id": r["pending_id"], "wijk": wijk, "wave": r.get("wave", ""),
                        "respondent": r.get("respondent", ""), "mention": _mention(r),
                        "organisation": r.get("organisation", ""), "actor_id": best["actor_id"], "score": best["score"],
                        "accepted": best["accepted"], "candidates": best["candidates"]})  # fmt: skip
    return pd.DataFrame(out, columns=columns).sort_values("pending_id", ignore_index=True)


def proposals(folder: str | Path, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Every pending write-in with its best actor, score, ``accepted`` and the top candidates.

    Columns ``pending_id, wijk, wave, respondent, mention, organisation,
    actor_id, score, accepted, candidates`` (see :func:`wijknet.registry.match_names`).
    """
    conn = connect(folder)
    try:
        return _proposals(conn, threshold)
    finally:
        conn.close()


def _pending(conn: sqlite3.Connection, pid: int) -> dict:
    row = conn.execute("SELECT file_id, source_row, source_column, data FROM pending WHERE pending_id = ? AND what = 'write_in'",
                       (pid,)).fetchone()  # fmt: skip
    if row is None:
        raise DataError([Problem(DB_FILE, text(TEXTS, "no_pending", pid=pid))])
    return {**json.loads(row[3]), "pending_id": pid, "file_id": row[0], "pending_row": row[1], "pending_column": row[2]}


def _link(conn: sqlite3.Connection, record: dict, actor_id: str, by: str) -> int:
    """Turn one pending write-in into observations of ``respondent -> actor_id``; return how many."""
    pid = record["pending_id"]
    actor = conn.execute("SELECT wijk FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
    if actor is None:
        raise DataError([Problem(DB_FILE, text(TEXTS, "no_actor", actor=actor_id))])
    wijk, wave, respondent = record.get("wijk", ""), record.get("wave", ""), record.get("respondent", "")
    if actor[0] != wijk:
        raise DataError([Problem(DB_FILE, text(TEXTS, "other_wijk", actor=actor_id, actor_wijk=actor[0], wijk=wijk))])
    if not respondent:
        raise DataError([Problem(DB_FILE, text(TEXTS, "no_respondent", pid=pid))])
    if respondent == actor_id:
        raise DataError([Problem(DB_FILE, text(TEXTS, "self", actor=actor_id))])
    import_id, file_name = conn.execute("SELECT import_id, name FROM files WHERE file_id = ?", (record["file_id"],)).fetchone()
    values = {k: str(record.get(k, "") or "") for k in ALTER_ANSWERS}
    weight = float(values["frequency"]) if re.fullmatch(r"\d+(\.\d+)?", values["frequency"]) else None
    answers = {k: v for k, v in values.items() if v}
    answers.update({"write_in": _mention(record), "write_in_pending_id": str(pid), "resolved_by": by})
    for key in ("organisation", "domain", "number"):
        if record.get(key):
            answers[f"write_in_{key}"] = str(record[key])
    answers = json.dumps(answers, ensure_ascii=False, sort_keys=True)
    label = f"enquête {wave}"
    source_file = record.get("source_file") or file_name
    row = record.get("pending_row")
    column = record.get("pending_column") or record.get("source_column", "")
    ties = [(respondent, actor_id, "samenwerking" if values["intensity"] in COLLABORATION else "kennen", "survey")]
    if values["referral"] in ("naar", "beide"):
        ties.append((respondent, actor_id, "verwijzing", "survey"))
    if values["referral"] in ("van", "beide"):
        ties.append((actor_id, respondent, "verwijzing", "confirmation"))
    conn.executemany(
        "INSERT INTO observations (wijk, wave, source, target, tie_type, weight, kind, label, import_id, file_id, "
        "source_file, source_row, source_column, quote, segment_id, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?)",
        [(wijk, wave, s, t, tie_type, weight, kind, label, import_id, record["file_id"], source_file, row, column, answers)
         for s, t, tie_type, kind in ties],
    )  # fmt: skip
    _remember(conn, _mention(record), actor_id, by)
    conn.execute("DELETE FROM pending WHERE pending_id = ?", (pid,))
    return len(ties)


def _remember(conn: sqlite3.Connection, alias: str, actor_id: str, by: str) -> None:
    norm = normalise(alias)
    if norm:
        conn.execute("INSERT OR REPLACE INTO aliases (alias_norm, actor_id, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?)",
                     (norm, actor_id, by, _now()))  # fmt: skip


def _validate(conn: sqlite3.Connection, folder: Path) -> None:
    from .load import project_from_connection

    project_from_connection(conn, folder, "all")


def accept_matches(folder: str | Path, threshold: float = DEFAULT_THRESHOLD) -> ResolveReport:
    """Link every pending write-in whose best match is accepted at ``threshold``, in one transaction.

    Returns the linked write-ins and the open ones (with their candidates).
    """
    folder = Path(folder)
    conn = connect(folder)
    try:
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
    finally:
        conn.close()


def confirm(folder: str | Path, pending_id: int, actor_id: str, *, by: str | None = None) -> int:
    """Link pending write-in ``pending_id`` to ``actor_id`` (and remember the alias); return the observations added."""
    folder = Path(folder)
    conn = connect(folder)
    try:
        with transaction(conn):
            n = _link(conn, _pending(conn, pending_id), actor_id, by if by is not None else _user())
            _validate(conn, folder)
        return n
    finally:
        conn.close()


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


def create_actor(folder: str | Path, pending_id: int, domain: str, *, by: str | None = None) -> tuple[str, int]:
    """Make a new actor of pending write-in ``pending_id`` and link the write-in to it.

    The actor gets the next id in the style of its wijk, the written name and
    organisation, ``domain`` and ``first_wave`` = the wave of the write-in.
    Returns the new ``actor_id`` and the number of observations added.
    """
    folder = Path(folder)
    if not str(domain or "").strip():
        raise DataError([Problem("--domain", text(TEXTS, "no_domain"))])
    conn = connect(folder)
    try:
        with transaction(conn):
            record = _pending(conn, pending_id)
            actor_id = new_actor_id(conn, record.get("wijk", ""))
            name = _mention(record)
            organisation = str(record.get("organisation", "") or "")
            conn.execute(
                "INSERT INTO actors (actor_id, wijk, domain, name, organisation, first_wave, extra, file_id, source_row) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (actor_id, record.get("wijk", ""), domain.strip(), name, organisation, record.get("wave", ""),
                 "{}", record["file_id"], record.get("pending_row")),
            )  # fmt: skip
            n = _link(conn, record, actor_id, by if by is not None else _user())
            _validate(conn, folder)
        return actor_id, n
    finally:
        conn.close()
