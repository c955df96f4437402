"""Opening a project store: SQLite in WAL mode with foreign keys, one transaction per import.

A project store is a folder with ``wijknet.yaml``, the database
``wijknet.sqlite`` and ``raw/`` (the imported files, unchanged). Writers
take the database's write lock at the start (``BEGIN IMMEDIATE``) so two
imports at the same time run one after the other instead of failing half
way; readers are never blocked (WAL).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wijknet.core.errors import DataError, Problem
from wijknet.core.i18n import text
from wijknet.store.schema import MIGRATIONS, SCHEMA_VERSION

DB_FILE = "wijknet.sqlite"
RAW_DIR = "raw"
#: Seconds a writer waits for another writer's lock before giving up.
BUSY_TIMEOUT = 60.0

TEXTS = {
    "newer": {
        "nl": "de projectdatabase heeft schemaversie {found}, deze wijknet kent tot en met {known}; werk wijknet bij",
        "en": "the project database has schema version {found}, this wijknet knows up to {known}; update wijknet",
    },
    "not_store": {
        "nl": "{folder} is geen projectmap (wijknet.sqlite ontbreekt); maak er een met: wijknet init {folder}",
        "en": "{folder} is not a project folder (wijknet.sqlite is missing); create one with: wijknet init {folder}",
    },
}


def is_store(folder: str | Path) -> bool:
    """Whether ``folder`` is a project store (it holds ``wijknet.sqlite``)."""
    return (Path(folder) / DB_FILE).is_file()


def connect(folder: str | Path, *, create: bool = False) -> sqlite3.Connection:
    """Open the store database of ``folder`` and bring its schema up to date.

    Parameters
    ----------
    folder : str or Path
        The project folder.
    create : bool
        Create the database if it does not exist (used by ``wijknet init``).

    Returns
    -------
    sqlite3.Connection
        In autocommit mode (``isolation_level=None``; transactions are
        explicit, see :func:`transaction`), WAL journal, foreign keys on.

    Raises
    ------
    DataError
        When the folder is not a store or the database is newer than this wijknet.
    """
    folder = Path(folder)
    path = folder / DB_FILE
    if not create and not path.is_file():
        raise DataError([Problem(DB_FILE, text(TEXTS, "not_store", folder=folder))])
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn)
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing migrations in one transaction; return the schema version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        conn.close()
        raise DataError(
            [Problem(DB_FILE, text(TEXTS, "newer", found=version, known=SCHEMA_VERSION))]
        )
    if version == SCHEMA_VERSION:
        return version
    with transaction(conn):
        # Re-read under the write lock: another process may have migrated meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for step in MIGRATIONS[version:]:
            for statement in _statements(step):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return SCHEMA_VERSION


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (``executescript`` would commit)."""
    return [s.strip() for s in script.split(";") if s.strip()]


@contextmanager
def connection(folder: str | Path, *, create: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection to the store in ``folder`` (see :func:`connect`), closed when the block ends.

    Use ``with connection(folder) as conn:`` for reads, and add
    ``with transaction(conn):`` inside it for writes.
    """
    conn = connect(folder, create=create)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def dump(conn: sqlite3.Connection) -> str:
    """The whole database as SQL text (for comparing states in tests and checks)."""
    return "\n".join(conn.iterdump())
