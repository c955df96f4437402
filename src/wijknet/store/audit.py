"""The audit log of a project store: who did what, and when.

Imports, exports, reports, sign-ins (also failed ones), changes of users and
roles, unlocking of names and live sessions are recorded in the table
``audit_log`` (see :mod:`wijknet.store.schema`, version 3). The ``detail`` of
an entry is a small JSON object with file names, formats, audiences and
counts; it never holds names of actors, quotes or ratings, so the log itself
is no personal data beyond the user names of the people who work with it.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from pathlib import Path

import pandas as pd

from wijknet.core import clock

#: The actions the log knows; :func:`record` refuses others so a typo cannot hide an entry.
ACTIONS = (
    "import", "resolve", "export", "report", "anonymised_export", "sign_in", "sign_in_failed", "sign_out",
    "user_add", "user_remove", "role_change", "password_change", "unlock", "live_session_open",
    "live_session_close", "delete_actor", "key_reset",
    "live_links_issued", "live_links_revoked",
)  # fmt: skip


def system_user() -> str:
    """The operating-system user, for entries made from the command line."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in containers without a passwd entry
        return ""


def record(
    store: sqlite3.Connection | str | Path, action: str, *, username: str | None = None, **detail
) -> None:
    """Add one entry to the audit log.

    Parameters
    ----------
    store : sqlite3.Connection, str or Path
        An open store connection (the entry becomes part of its transaction)
        or a project folder (the entry is written in a transaction of its own).
    action : str
        One of :data:`ACTIONS`.
    username : str, optional
        Who did it: the signed-in user in the app; the operating-system user
        (:func:`system_user`) when not given.
    **detail
        JSON-serialisable facts (file names, format, audience, counts); never
        names of actors, quotes or ratings.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}; expected one of {', '.join(ACTIONS)}")
    row = (clock.now(), system_user() if username is None else username, action,
           json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str))  # fmt: skip
    sql = "INSERT INTO audit_log (at, username, action, detail) VALUES (?, ?, ?, ?)"
    if isinstance(store, sqlite3.Connection):
        store.execute(sql, row)
        return
    from wijknet.store.db import connection, transaction

    with connection(store) as conn:
        with transaction(conn):
            conn.execute(sql, row)


def record_if_store(
    folder: str | Path, action: str, *, username: str | None = None, **detail
) -> None:
    """:func:`record` for a project store; a tidy folder has no audit log (its owner has the files anyway)."""
    from wijknet.store.db import is_store

    if is_store(folder):
        record(folder, action, username=username, **detail)


def read_log(
    store: sqlite3.Connection | str | Path, *, action: str | None = None, limit: int | None = None
) -> pd.DataFrame:
    """The audit log, newest first: columns ``at``, ``username``, ``action``, ``detail`` (JSON text)."""
    sql = "SELECT at, username, action, detail FROM audit_log"
    params: tuple = ()
    if action:
        sql += " WHERE action = ?"
        params = (action,)
    sql += " ORDER BY entry_id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    if isinstance(store, sqlite3.Connection):
        return pd.read_sql_query(sql, store, params=params)
    from wijknet.store.db import connection

    with connection(store) as conn:
        return pd.read_sql_query(sql, conn, params=params)
