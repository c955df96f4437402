"""The raw copies of imported files under ``raw/``: cleaning up after an interrupted import.

Below :mod:`wijknet.store.importing` (which writes the copies) and
:mod:`wijknet.store.load` (which cleans up when a project opens), so neither
imports the other.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from wijknet.store.db import RAW_DIR, connection

__all__ = ["clean_raw"]


def clean_raw(folder: str | Path, conn: sqlite3.Connection | None = None) -> int:
    """Remove raw copies an interrupted import left under a temporary name; return how many.

    A temporary copy ``raw/.<sha256>.<pid>.tmp`` exists only while an import
    holds the write lock. Whose import committed (its file is in ``files``)
    but was killed before the rename is completed; any other is removed.
    With ``conn`` the caller holds the write lock; without, the store's lock
    is taken only if it is free right now (an import running elsewhere
    cleans up itself), so opening a project never waits for it.
    """
    folder = Path(folder)
    leftovers = sorted((folder / RAW_DIR).glob(".*.tmp")) if (folder / RAW_DIR).is_dir() else []
    if not leftovers:
        return 0
    if conn is not None:
        return _clean_raw_locked(conn, folder, leftovers)
    with connection(folder) as own:
        own.execute("PRAGMA busy_timeout = 0")
        try:
            own.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # an import holds the lock: it cleans up itself
            return 0
        try:
            return _clean_raw_locked(own, folder, sorted((folder / RAW_DIR).glob(".*.tmp")))
        finally:
            own.execute("ROLLBACK")


def _clean_raw_locked(conn: sqlite3.Connection, folder: Path, leftovers: list[Path]) -> int:
    for tmp in leftovers:
        digest = tmp.name.split(".")[1] if tmp.name.count(".") >= 2 else ""
        stored = conn.execute("SELECT raw_path FROM files WHERE sha256 = ?", (digest,)).fetchone()
        if stored and not (folder / stored[0]).exists():
            os.replace(tmp, folder / stored[0])
        else:
            tmp.unlink(missing_ok=True)
    return len(leftovers)
