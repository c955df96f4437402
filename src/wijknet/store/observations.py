"""The one write path for tie observations: every import, resolved write-in and live session uses it.

A row carries every column of the ``observations`` table (see
:mod:`wijknet.store.schema`), in the order of :data:`OBSERVATION_COLUMNS`,
so no writer can drop one: a live answer has an empty ``quote`` and
``segment_id`` just as a survey import does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

#: The columns an observation is written with, in this order.
OBSERVATION_COLUMNS = (
    "wijk", "wave", "source", "target", "tie_type", "weight", "kind", "label", "import_id", "file_id",
    "source_file", "source_row", "source_column", "quote", "segment_id", "answers", "item_key", "version",
)  # fmt: skip

_INSERT = (
    f"INSERT INTO observations ({', '.join(OBSERVATION_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in OBSERVATION_COLUMNS)})"
)


def observation_row(
    *,
    wijk: str,
    wave: str,
    source: str,
    target: str,
    tie_type: str,
    weight: float | None,
    kind: str,
    label: str,
    import_id: int,
    file_id: int,
    source_file: str,
    source_row: int | str | None = None,
    source_column: str = "",
    quote: str = "",
    segment_id: str = "",
    answers: str = "{}",
    item_key: str = "",
    version: int = 1,
) -> tuple:
    """One observation as the tuple :func:`insert_observations` writes (columns of :data:`OBSERVATION_COLUMNS`).

    Examples
    --------
    >>> row = observation_row(wijk="W", wave="2026", source="A", target="B", tie_type="kennen", weight=None,
    ...                       kind="survey", label="live", import_id=1, file_id=1, source_file="live.csv")
    >>> dict(zip(OBSERVATION_COLUMNS, row))["quote"], len(row) == len(OBSERVATION_COLUMNS)
    ('', True)
    """
    return (wijk, wave, source, target, tie_type, weight, kind, label, import_id, file_id, source_file,
            source_row, source_column, quote or "", segment_id or "", answers or "{}", item_key or "", version)  # fmt: skip


def insert_observations(conn: sqlite3.Connection, rows: Iterable[tuple]) -> int:
    """Write ``rows`` (tuples in :data:`OBSERVATION_COLUMNS` order, see :func:`observation_row`); return how many.

    Runs inside the caller's transaction.
    """
    rows = list(rows)
    if rows and any(len(r) != len(OBSERVATION_COLUMNS) for r in rows):
        raise ValueError(f"an observation row has {len(OBSERVATION_COLUMNS)} values")
    conn.executemany(_INSERT, rows)
    return len(rows)
