"""A persistent cache of computed results, beside the project.

The app computes its tables on demand; Streamlit's own cache lives in
memory and is gone after a restart. This cache keeps the results on disk so
a page's first visit after a restart reads them instead of recomputing.

Where
    ``<project>/.wijknet-cache/results.sqlite`` for a tidy folder and for a
    project store alike (:data:`CACHE_DIR`). It is a separate SQLite file,
    not a table of the store's schema: it can always be deleted, and is
    rebuilt on demand. The folder is created ``0700`` and the file ``0600``:
    a cached table of actor measures is personal data like the project itself.

Key
    :func:`entry_key` is the SHA-256 of (1) :func:`data_hash`, a hash of the
    content of the project's tables *as restricted for the viewer*
    (:func:`pandas.util.hash_pandas_object` of every table, plus the project
    configuration), (2) the name of the computation, (3) its parameters,
    (4) the audience (``str(Audience)`` and whether names are unlocked) and
    (5) the wijknet version with a fingerprint of its source (:func:`code_version`). Changing any input changes the key, so an
    import invalidates every entry; :func:`clear` then also removes the stale
    rows (called after an import and by ``wijknet forget``).

Audience
    The audience is part of the key *and* stored beside each row;
    :func:`lookup` returns a value only when both match, so a viewer can
    never read a value computed for a wider audience, even with the key.

Values are pickled. The file is only written by wijknet itself on the
project's own disk (0600); never point the cache at a folder others can write.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from wijknet.core.version import __version__

CACHE_DIR = ".wijknet-cache"  #: folder beside the project's files
CACHE_FILE = "results.sqlite"  #: SQLite file inside :data:`CACHE_DIR`
#: Every table a computation may read: the programme office's wijk tables too (KPI corrections and PPI notes
#: change judgements and may be edited to remove a name; an entry must not outlive them).
_TABLES = ("actors", "ties", "responses", "ratings", "actor_waves", "themes",
           "wijk_meta", "wijk_phases", "ppi", "kpi_corrections")  # fmt: skip
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key       TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    data_hash TEXT NOT NULL,
    audience  TEXT NOT NULL,
    version   TEXT NOT NULL,
    created   TEXT NOT NULL,
    value     BLOB NOT NULL
)
"""
#: Set ``WIJKNET_NO_CACHE=1`` to switch the persistent cache off (benchmarks "without cache").
ENV_OFF = "WIJKNET_NO_CACHE"
_HASHES: dict[int, tuple[Any, str]] = {}


def cache_path(folder: str | Path) -> Path:
    """The cache file of the project in ``folder`` (``<folder>/.wijknet-cache/results.sqlite``)."""
    return Path(folder) / CACHE_DIR / CACHE_FILE


def enabled() -> bool:
    """Whether the persistent cache is used (not when ``WIJKNET_NO_CACHE`` is set to a true value)."""
    return os.environ.get(ENV_OFF, "").strip().lower() not in ("1", "true", "yes", "on")


def _table_hash(table: pd.DataFrame) -> str:
    digest = hashlib.sha256(",".join(map(str, table.columns)).encode("utf-8"))
    if len(table):
        values = pd.util.hash_pandas_object(table.astype(str), index=False).to_numpy()
        digest.update(values.tobytes())
    return digest.hexdigest()


def data_hash(project) -> str:
    """SHA-256 of the content of a project's tables and configuration.

    Hashes every table (actors, ties, responses, ratings, actor_waves,
    themes, wijk_meta, wijk_phases, ppi, kpi_corrections; row order and column names count) with
    :func:`pandas.util.hash_pandas_object` and the configuration's
    ``repr``. Two projects with the same tables give the same hash whatever
    their files' modification times; the hash of a restricted project
    (pseudonyms, fewer wijken) differs from the full one. Memoised per
    project object.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> p = SimpleNamespace(actors=pd.DataFrame({"actor_id": ["a"]}), ties=pd.DataFrame(), config=None)
    >>> q = SimpleNamespace(actors=pd.DataFrame({"actor_id": ["b"]}), ties=pd.DataFrame(), config=None)
    >>> data_hash(p) == data_hash(q)
    False
    """
    memo = _HASHES.get(id(project))
    if memo is not None and memo[0] is project:
        return memo[1]
    digest = hashlib.sha256()
    for name in _TABLES:
        table = getattr(project, name, None)
        if isinstance(table, pd.DataFrame):
            digest.update(f"{name}:{_table_hash(table)};".encode())
    digest.update(repr(getattr(project, "config", None)).encode("utf-8"))
    digest.update(repr(getattr(project, "evidence_rule", None)).encode("utf-8"))
    value = digest.hexdigest()
    if len(_HASHES) > 64:
        _HASHES.clear()
    _HASHES[id(project)] = (project, value)
    return value


_CODE: list[str] = []


def code_version() -> str:
    """The wijknet version plus a fingerprint of its source files (names, sizes, modification times).

    Part of every key: a new release *and* an edited source tree (a developer's
    checkout keeps its version number) make every entry stale.
    """
    if not _CODE:
        root = Path(__file__).resolve().parent
        digest = hashlib.sha256(__version__.encode("utf-8"))
        for p in sorted(root.rglob("*.py")):
            st = p.stat()
            digest.update(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns};".encode())
        _CODE.append(f"{__version__}+{digest.hexdigest()[:16]}")
    return _CODE[0]


def _canonical(params: Any) -> str:
    return json.dumps(params, sort_keys=True, default=repr, ensure_ascii=False)


def entry_key(data: str, name: str, params: Any, audience: str, version: str | None = None) -> str:
    """The key of one cached result: SHA-256 of data hash, name, parameters, audience and version.

    Examples
    --------
    >>> entry_key("d", "network", {"seed": 0}, "onderzoeker") == entry_key("d", "network", {"seed": 0}, "wijkteam:W1")
    False
    """
    text = _canonical([data, name, params, audience, version or code_version()])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _connect(path: Path, *, create: bool) -> sqlite3.Connection | None:
    if not path.is_file():
        if not create:
            return None
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)
    conn = sqlite3.connect(path, timeout=10)
    conn.execute(_SCHEMA)
    return conn


def lookup(folder: str | Path, key: str, audience: str) -> tuple[bool, Any]:
    """``(True, value)`` for a cached entry under ``key`` stored for exactly ``audience``, else ``(False, None)``."""
    path = cache_path(folder)
    if not enabled() or not path.is_file():
        return False, None
    try:
        with closing(_connect(path, create=False)) as conn:
            row = conn.execute(
                "SELECT value FROM entries WHERE key = ? AND audience = ? AND version = ?",
                (key, audience, code_version()),
            ).fetchone()
    except (sqlite3.Error, OSError):
        return False, None
    if row is None:
        return False, None
    try:
        return True, pickle.loads(row[0])
    except Exception:  # an entry of another wijknet build that no longer unpickles: a miss
        return False, None


def store(folder: str | Path, key: str, value: Any, *, name: str, data: str, audience: str) -> bool:
    """Store ``value`` under ``key``; False (nothing written) when the value cannot be pickled or the disk refuses."""
    if not enabled():
        return False
    try:
        blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return False
    try:
        with closing(_connect(cache_path(folder), create=True)) as conn, conn:
            conn.execute(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, name, data, audience, code_version(), datetime.now(UTC).isoformat(), blob),
            )
    except (sqlite3.Error, OSError):
        return False
    return True


#: Hits and misses of :func:`cached` in this process (``{"hit": n, "miss": n}``), for tests and benchmarks.
STATS = {"hit": 0, "miss": 0}


def cached(
    folder: str | Path | None,
    project,
    name: str,
    params: Any,
    audience: str,
    compute: Callable[[], Any],
    *,
    data: str | None = None,
) -> Any:
    """The result of ``compute()``, read from the cache of ``folder`` when present, else computed and stored.

    Parameters
    ----------
    folder : str, Path or None
        The project folder (store or tidy); ``None``: no cache, just compute.
    project : Project
        The project the computation reads, as restricted for the viewer
        (its :func:`data_hash` is part of the key).
    name : str
        Name of the computation (``"compare_table"``).
    params : object
        Its parameters (JSON-serialisable; others by ``repr``).
    audience : str
        Who looks (e.g. ``"onderzoeker|True"``); part of the key and checked on read.
    compute : callable
        Computes the value when it is not cached.
    data : str, optional
        The :func:`data_hash` of ``project`` when the caller already has it
        (then ``project`` is not read, so it need not be loaded on a hit).
    """
    if folder is None or not enabled():
        return compute()
    data = data if data is not None else data_hash(project)
    key = entry_key(data, name, params, audience)
    hit, value = lookup(folder, key, audience)
    if hit:
        STATS["hit"] += 1
        return value
    STATS["miss"] += 1
    value = compute()
    store(folder, key, value, name=name, data=data, audience=audience)
    return value


def entries(folder: str | Path) -> pd.DataFrame:
    """The cached entries of ``folder`` without their values: ``name, audience, version, data_hash, created, bytes``."""
    columns = ["name", "audience", "version", "data_hash", "created", "bytes"]
    path = cache_path(folder)
    if not path.is_file():
        return pd.DataFrame(columns=columns)
    with closing(_connect(path, create=False)) as conn:
        rows = conn.execute(
            "SELECT name, audience, version, data_hash, created, length(value) FROM entries"
        ).fetchall()
    return pd.DataFrame(rows, columns=columns)


def purge_stale(folder: str | Path, keep: set[str]) -> int:
    """Remove the entries whose data hash is not in ``keep`` or whose version is not this one; returns how many."""
    path = cache_path(folder)
    if not path.is_file():
        return 0
    with closing(_connect(path, create=False)) as conn, conn:
        rows = conn.execute("SELECT key, data_hash, version FROM entries").fetchall()
        stale = [(k,) for k, d, v in rows if d not in keep or v != code_version()]
        conn.executemany("DELETE FROM entries WHERE key = ?", stale)
    return len(stale)


def clear(folder: str | Path) -> bool:
    """Delete the whole cache of ``folder`` (the file and its journal); True when there was one.

    Called after every import (the data changed, every entry is stale) and by
    :func:`wijknet.store.forget.forget_actor`: cached tables may hold the
    forgotten person's measures. The file is overwritten with zeros before
    it is removed.
    """
    path = cache_path(folder)
    found = False
    for p in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")):
        if p.is_file():
            found = True
            try:
                size = p.stat().st_size
                with open(p, "r+b") as f:
                    f.write(b"\0" * size)
                    f.flush()
                    os.fsync(f.fileno())
            except OSError:
                pass
            p.unlink(missing_ok=True)
    return found
