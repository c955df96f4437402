"""Erasure of one person (AVG article 17): ``wijknet forget DIR ACTOR_ID``.

In one transaction :func:`forget_actor` removes the actor and everything
about it from the project store: its ties in both directions
(``observations``), its survey responses, its aliases, previous values,
live-session answers and the queued rows of the actor registry that name it.
The unchanged copies in ``raw/`` of the files that mention the person (its
id or name, in UTF-8 or cp1252) are deleted too; their ``files`` rows stay,
with an empty ``raw_path``, so that the same file is still recognised and
not imported again by accident. What others reported in those files and was
already read into the store stays. The audit log records the erasure with
counts only.
"""

from __future__ import annotations

import html
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, Problem
from ..i18n import text
from .audit import record
from .db import connect, transaction

TEXTS = {
    "unknown_actor": {
        "nl": "actor '{actor}' staat niet in het project; er is niets verwijderd",
        "en": "actor '{actor}' is not in the project; nothing was removed",
    },
}


@dataclass
class ForgetReport:
    """What :func:`forget_actor` removed."""

    observations: int
    responses: int
    raw_files: int
    pending: int


def _mentions(content: str, needles: list[str]) -> bool:
    content = content.casefold()
    return any(n.casefold() in content for n in needles if n)


def _file_text(path: Path) -> str:
    """All text of a stored raw file: a zip container (XLSX, zipped exports) member by member, XML unescaped."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            parts = [archive.read(member) for member in archive.namelist()]
    else:
        parts = [path.read_bytes()]
    return "\n".join(html.unescape(part.decode("utf-8", errors="ignore")) + "\n" + part.decode("cp1252", errors="ignore")
                     for part in parts)


def forget_actor(folder: str | Path, actor_id: str, *, username: str | None = None) -> ForgetReport:
    """Remove ``actor_id`` and all data about it from the project store in ``folder``.

    Raises
    ------
    DataError
        When the actor is not in the store (nothing changes).
    """
    folder = Path(folder)
    conn = connect(folder)
    removed_files: list[Path] = []
    try:
        with transaction(conn):
            row = conn.execute("SELECT name FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
            if row is None:
                raise DataError([Problem(actor_id, text(TEXTS, "unknown_actor", actor=actor_id))])
            needles = [actor_id, row[0]]
            observations = conn.execute("DELETE FROM observations WHERE source = ? OR target = ?", (actor_id, actor_id)).rowcount
            responses = conn.execute("DELETE FROM responses WHERE actor_id = ?", (actor_id,)).rowcount
            for table, column in (("aliases", "actor_id"), ("actor_history", "actor_id"), ("live_answers", "participant"),
                                  ("live_answers", "alter_id"), ("live_submissions", "participant")):  # fmt: skip
                conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (actor_id,))
            pending = [pid for pid, data in conn.execute("SELECT pending_id, data FROM pending")
                       if _mentions(json.dumps(json.loads(data), ensure_ascii=False), needles)]  # fmt: skip
            conn.executemany("DELETE FROM pending WHERE pending_id = ?", [(p,) for p in pending])
            conn.execute("DELETE FROM actors WHERE actor_id = ?", (actor_id,))
            for file_id, raw_path in conn.execute("SELECT file_id, raw_path FROM files WHERE raw_path <> ''").fetchall():
                path = folder / raw_path
                if path.exists() and _mentions(_file_text(path), needles):
                    conn.execute("UPDATE files SET raw_path = '' WHERE file_id = ?", (file_id,))
                    removed_files.append(path)
            record(conn, "delete_actor", username=username, observations=observations, responses=responses,
                   raw_files=len(removed_files), pending=len(pending))  # fmt: skip
        # The raw copies go only after the commit: a failed transaction must leave them in place.
        for path in removed_files:
            path.unlink(missing_ok=True)
    finally:
        conn.close()
    return ForgetReport(observations, responses, len(removed_files), len(pending))
