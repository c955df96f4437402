"""Erasure of one person (AVG article 17): ``wijknet forget DIR ACTOR_ID``.

In one transaction :func:`forget_actor` removes the actor and everything
about it from the project store: its ties in both directions
(``observations``), its survey responses, its per-wave attributes
(``actor_waves``), the interview themes of its own interviews (``themes``
whose ``interviewee`` it is), its aliases, previous values, live-session
answers and the queued rows of the actor registry that name it; it is taken
out of the actors other segments mention (``themes.actors``).

What **others** said or stored about the person stays, without the person:
in the free-text columns of the store (:data:`FREE_TEXT`: interview quotes
and evidence labels of other people's ties, their answers, extra columns and
previous values, stored file names, import options, the audit log's details
and live-session titles) every mention of the person's id, name or confirmed
aliases is replaced by :data:`REDACTED` (case-insensitive, whole words only, so
that ``HP-2`` does not touch ``HP-20``; JSON values are redacted value by value).

The unchanged copies in ``raw/`` of the files that mention the person (its id,
name or aliases, in UTF-8, UTF-16 or cp1252, also inside zip containers such
as XLSX) are deleted; their ``files`` rows stay, with an empty ``raw_path``,
so that the same file is still recognised and not imported again by accident.
Files in ``raw/`` that the ``files`` table does not know (the copy left behind
by an import that was killed midway, which never committed) are deleted too.

Deleted rows must not stay readable in the database file: the erasure runs
with ``PRAGMA secure_delete = ON`` (freed content is overwritten with zeros),
and after the commit the database is rebuilt (``VACUUM``, which also drops
free pages holding older deleted content) and the write-ahead log is copied
back and emptied (``PRAGMA wal_checkpoint(TRUNCATE)``). When another program
keeps the store open (the app, a live server), the log cannot be emptied; the
report says so (:attr:`ForgetReport.wal_emptied`) and the command asks to
close it and run ``wijknet forget`` again (which empties it).

A mention the erasure cannot recognise is a limit: a quote that names the
person only by first name or nickname keeps it; read the quotes of the
person's wijk (``wijknet`` app, names unlocked) when that matters.

The audit log records the erasure with counts only.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

from wijknet import cache as results_cache
from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.store.audit import record
from wijknet.store.db import RAW_DIR, connection, transaction

#: What replaces a mention of a forgotten person in other people's free text.
REDACTED = "[verwijderd]"

#: The free-text columns of the store in which other people's data may mention a person:
#: table, key column, text columns. JSON columns are redacted value by value.
FREE_TEXT = (
    (
        "observations",
        "observation_id",
        ("quote", "label", "answers", "source_file", "source_column"),
    ),
    ("actors", "actor_id", ("extra",)),
    ("actor_history", "change_id", ("old_values",)),
    ("responses", "rowid", ("extra",)),
    ("files", "file_id", ("name",)),
    ("imports", "import_id", ("options",)),
    ("audit_log", "entry_id", ("detail",)),
    ("live_sessions", "session_id", ("title",)),
    ("themes", "theme_id", ("quote", "interview_id", "segment_id", "source_file", "source_column")),
)
#: Seconds the final checkpoint waits for other readers of the store (the app, a live server).
CHECKPOINT_WAIT = 5.0

TEXTS = {
    "unknown_actor": {
        "nl": "actor '{actor}' staat niet in het project; er is niets verwijderd",
        "en": "actor '{actor}' is not in the project; nothing was removed",
    },
}


@dataclass
class ForgetReport:
    """What :func:`forget_actor` removed.

    Attributes
    ----------
    observations, responses, pending : int
        Rows removed.
    raw_files : int
        Raw copies removed because they mention the person.
    redacted : int
        Rows of other people whose free text named the person and was redacted.
    orphans : int
        Files in ``raw/`` of no import (killed imports) that were removed.
    wal_emptied : bool
        ``False`` when another program kept the store open, so the write-ahead
        log (``wijknet.sqlite-wal``) may still hold removed content.
    """

    observations: int
    responses: int
    raw_files: int
    pending: int
    redacted: int = 0
    orphans: int = 0
    wal_emptied: bool = True


def _decodings(data: bytes) -> list[str]:
    """``data`` read as UTF-8, cp1252 and, when it has a UTF-16 byte-order mark or NUL bytes, UTF-16."""
    texts = [data.decode("utf-8", errors="ignore"), data.decode("cp1252", errors="ignore")]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:4096]:
        texts += [
            data.decode("utf-16-le", errors="ignore"),
            data.decode("utf-16-be", errors="ignore"),
        ]
    return [html.unescape(t) for t in texts]


def _file_text(path: Path) -> str:
    """All text of a stored raw file: a zip container (XLSX, zipped exports) member by member, XML unescaped."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            parts = [archive.read(member) for member in archive.namelist()]
    else:
        parts = [path.read_bytes()]
    return "\n".join(t for part in parts for t in _decodings(part))


def _pattern(needles: list[str]) -> re.Pattern:
    """One case-insensitive pattern for the needles as whole words.

    Between the words of a name any run of spaces, ``_``, ``-`` or ``.``
    matches (``Bravo_Heideveld.xlsx``); a match may not touch a letter or digit
    (``HP-2`` is not found in ``HP-20``).
    """
    words = sorted({n.strip() for n in needles if n.strip()}, key=len, reverse=True)
    parts = [r"[\s_.\-]+".join(re.escape(w) for w in n.split()) for n in words]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + r")(?![^\W_])", re.IGNORECASE)


def redact(value: str, pattern: re.Pattern) -> str:
    """``value`` with every match of ``pattern`` replaced by :data:`REDACTED`; a JSON object or list value by value."""
    stripped = value.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            data = json.loads(value)
        except ValueError:
            pass
        else:
            return json.dumps(_redact_json(data, pattern), ensure_ascii=False)
    return pattern.sub(REDACTED, value)


def _redact_json(data, pattern: re.Pattern):
    if isinstance(data, dict):
        return {_redact_json(k, pattern): _redact_json(v, pattern) for k, v in data.items()}
    if isinstance(data, list):
        return [_redact_json(v, pattern) for v in data]
    if isinstance(data, str):
        return pattern.sub(REDACTED, data)
    return data


def _redact_store(conn: sqlite3.Connection, pattern: re.Pattern) -> int:
    """Redact the mentions in every :data:`FREE_TEXT` column; the number of rows changed."""
    changed = 0
    for table, key, columns in FREE_TEXT:
        for column in columns:
            rows = conn.execute(
                f"SELECT {key}, {column} FROM {table} WHERE {column} <> ''"
            ).fetchall()
            updates = [(new, k) for k, old in rows if (new := redact(old, pattern)) != old]
            conn.executemany(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", updates)
            changed += len(updates)
    return changed


def _orphans(conn: sqlite3.Connection, folder: Path) -> list[Path]:
    """Files in ``raw/`` that no ``files`` row points to: copies of imports that never committed."""
    raw = folder / RAW_DIR
    if not raw.is_dir():
        return []
    known = {p for (p,) in conn.execute("SELECT raw_path FROM files WHERE raw_path <> ''")}
    return [p for p in sorted(raw.iterdir()) if p.is_file() and f"{RAW_DIR}/{p.name}" not in known]


def forget_actor(folder: str | Path, actor_id: str, *, username: str | None = None) -> ForgetReport:
    """Remove ``actor_id`` and all data about it from the project store in ``folder``.

    See the module docstring for what is removed and redacted, and how the
    database file and its write-ahead log are cleaned.

    Raises
    ------
    DataError
        When the actor is not in the store (nothing changes).
    """
    folder = Path(folder)
    removed_files: list[Path] = []
    with connection(folder) as conn:
        conn.execute("PRAGMA secure_delete = ON")
        with transaction(conn):
            row = conn.execute("SELECT name FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
            if row is None:
                raise DataError([Problem(actor_id, text(TEXTS, "unknown_actor", actor=actor_id))])
            # Under the write lock no import is running, so a file no row points to is a killed import's copy.
            orphans = _orphans(conn, folder)
            aliases = [
                a
                for (a,) in conn.execute(
                    "SELECT alias_norm FROM aliases WHERE actor_id = ?", (actor_id,)
                )
            ]
            pattern = _pattern([actor_id, row[0], *aliases])
            observations = conn.execute(
                "DELETE FROM observations WHERE source = ? OR target = ?", (actor_id, actor_id)
            ).rowcount
            responses = conn.execute(
                "DELETE FROM responses WHERE actor_id = ?", (actor_id,)
            ).rowcount
            # Themes: what the person said goes; elsewhere they are no longer among the actors mentioned.
            conn.execute("DELETE FROM themes WHERE interviewee = ?", (actor_id,))
            for theme_id, mentioned in conn.execute(
                "SELECT theme_id, actors FROM themes WHERE actors <> ''"
            ).fetchall():
                kept = ";".join(a for a in mentioned.split(";") if a and a != actor_id)
                if kept != mentioned:
                    conn.execute(
                        "UPDATE themes SET actors = ? WHERE theme_id = ?", (kept, theme_id)
                    )
            for table, column in (("aliases", "actor_id"), ("actor_history", "actor_id"), ("live_answers", "participant"),
                                  ("live_answers", "alter_id"), ("live_submissions", "participant")):  # fmt: skip
                conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (actor_id,))
            pending = [pid for pid, data in conn.execute("SELECT pending_id, data FROM pending")
                       if pattern.search(json.dumps(json.loads(data), ensure_ascii=False))]  # fmt: skip
            conn.executemany("DELETE FROM pending WHERE pending_id = ?", [(p,) for p in pending])
            conn.execute("DELETE FROM actors WHERE actor_id = ?", (actor_id,))
            for file_id, raw_path in conn.execute(
                "SELECT file_id, raw_path FROM files WHERE raw_path <> ''"
            ).fetchall():
                path = folder / raw_path
                if path.exists() and pattern.search(_file_text(path)):
                    conn.execute("UPDATE files SET raw_path = '' WHERE file_id = ?", (file_id,))
                    removed_files.append(path)
            redacted = _redact_store(conn, pattern)
            record(conn, "delete_actor", username=username, observations=observations, responses=responses,
                   raw_files=len(removed_files), pending=len(pending), redacted=redacted,
                   orphans=len(orphans))  # fmt: skip
        # The raw copies go only after the commit: a failed transaction must leave them in place.
        for path in removed_files + orphans:
            path.unlink(missing_ok=True)
        conn.execute("VACUUM")  # rebuilds the file: no free page keeps older deleted content
        conn.execute(f"PRAGMA busy_timeout = {int(CHECKPOINT_WAIT * 1000)}")
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    results_cache.clear(folder)  # cached tables may hold the person's measures: personal data too
    return ForgetReport(
        observations, responses, len(removed_files), len(pending), redacted, len(orphans), not busy
    )
