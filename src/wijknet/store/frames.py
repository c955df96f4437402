"""Reading the store's tables back as the tidy string tables of :mod:`wijknet.io.tidy`."""

from __future__ import annotations

import json
import sqlite3

import pandas as pd

from wijknet.store.schema import ACTOR_COLUMNS

#: Columns of :func:`observations`.
OBSERVATION_COLUMNS = ["observation_id", "wijk", "wave", "source", "target", "tie_type", "weight", "kind", "label",
                       "import_id", "file_id", "source_file", "source_row", "source_column", "quote", "segment_id",
                       "answers", "item_key", "version"]  # fmt: skip


def _with_extra(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """Rows whose last value is the ``extra`` JSON, expanded into columns (first seen first)."""
    records, extra_columns = [], {}
    for row in rows:
        record = dict(zip(columns, row[:-1]))
        for key, value in json.loads(row[-1] or "{}").items():
            extra_columns.setdefault(key, None)
            record.setdefault(key, value)
        records.append(record)
    df = pd.DataFrame(records, columns=[*columns, *extra_columns], dtype=object)
    return df.fillna("").astype(str) if len(df) else df


def actors_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """All actors in import order as a tidy string table (``extra`` expanded into columns)."""
    rows = conn.execute(
        f"SELECT {', '.join(ACTOR_COLUMNS)}, extra FROM actors ORDER BY rowid"
    ).fetchall()
    df = _with_extra(rows, list(ACTOR_COLUMNS))
    df.attrs["file"] = "wijknet.sqlite (actors)"
    return df


def responses_frame(conn: sqlite3.Connection) -> pd.DataFrame | None:
    """All survey responses as a tidy string table, or ``None`` when there are none."""
    rows = conn.execute(
        "SELECT wijk, wave, actor_id, kpi3, active, extra FROM responses ORDER BY rowid"
    ).fetchall()
    if not rows:
        return None
    df = _with_extra(rows, ["wijk", "wave", "actor_id", "kpi3", "active"])
    df.attrs["file"] = "wijknet.sqlite (responses)"
    return df


def observations(
    conn: sqlite3.Connection, where: str = "", params: tuple = (), *, history: bool = False
) -> pd.DataFrame:
    """The observations (evidence of ties), optionally filtered by an SQL ``where`` clause.

    Only the current version of each observation, unless ``history``: then
    also the versions a later import replaced or withdrew (column
    ``superseded_by``, the import that did; empty for current ones).
    """
    columns = [*OBSERVATION_COLUMNS, "superseded_by"] if history else OBSERVATION_COLUMNS
    if where.strip() and not where.strip().upper().startswith("WHERE"):
        raise ValueError(f"where must start with WHERE: {where!r}")
    condition = where.strip()[len("WHERE") :].strip()
    if not history:
        condition = (
            f"superseded_by IS NULL AND ({condition})" if condition else "superseded_by IS NULL"
        )
    sql = f"SELECT {', '.join(columns)} FROM observations {'WHERE ' + condition if condition else ''} ORDER BY observation_id"
    df = pd.DataFrame(conn.execute(sql, params).fetchall(), columns=columns)
    df["weight"] = df["weight"].astype(float)
    return df
