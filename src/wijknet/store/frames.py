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


#: The rating items as stored in the ``ratings`` table.
ALTER_RATING = ("intensity", "trust_open", "trust_reliability", "trust_mission", "value_power", "value_involvement",
                "value_resources")  # fmt: skip
#: Columns of :func:`actor_waves_frame` (the tidy ``actor_waves`` table).
ACTOR_WAVE_COLUMNS = ["wijk", "wave", "actor_id", "pluswijkteam", "kernaanpakken", "role", "organisation", "role_group",
                      "layer"]  # fmt: skip
#: Columns of :func:`themes_frame` (the tidy ``themes`` table).
THEME_COLUMNS = ["wijk", "wave", "interview_id", "theme", "segment_id", "quote", "actors"]


def actor_waves_frame(conn: sqlite3.Connection) -> pd.DataFrame | None:
    """The per-wave actor attributes as a tidy string table, or ``None`` when there are none."""
    rows = conn.execute(
        f"SELECT {', '.join(ACTOR_WAVE_COLUMNS)} FROM actor_waves ORDER BY rowid"
    ).fetchall()
    if not rows:
        return None
    df = pd.DataFrame(rows, columns=ACTOR_WAVE_COLUMNS).astype(str)
    df.attrs["file"] = "wijknet.sqlite (actor_waves)"
    return df


def themes_frame(conn: sqlite3.Connection, obs: pd.DataFrame | None = None) -> pd.DataFrame | None:
    """The interview themes as a tidy string table (in import order), or ``None`` when there are none.

    Besides the tidy columns, ``signals``: the signal tie types
    (:data:`wijknet.core.ties.NON_TIE_TYPES`: ``drempel``, ``wens``,
    ``zou_moeten_kennen``) of the current observations of the same segment
    (wijk, wave and ``segment_id``), ``;``-separated in that order, ``""``
    when the segment has none. It is the join of a theme with the barrier and
    missing-link signals coded in the same segment; ``obs`` are the current
    observations (read from ``conn`` when not given).
    """
    from wijknet.core.ties import NON_TIE_TYPES

    rows = conn.execute(
        f"SELECT {', '.join(THEME_COLUMNS)} FROM themes ORDER BY theme_id"
    ).fetchall()
    if not rows:
        return None
    df = pd.DataFrame(rows, columns=THEME_COLUMNS).astype(str)
    obs = observations(conn) if obs is None else obs
    found: dict[tuple, set] = {}
    for wijk, wave, segment, tie_type in zip(
        obs["wijk"], obs["wave"], obs["segment_id"], obs["tie_type"]
    ):
        if segment and tie_type in NON_TIE_TYPES:
            found.setdefault((wijk, wave, segment), set()).add(tie_type)
    df["signals"] = [
        ";".join(t for t in NON_TIE_TYPES if t in found.get((w, v, g), ())) if g else ""
        for w, v, g in zip(df["wijk"], df["wave"], df["segment_id"])
    ]
    df.attrs["file"] = "wijknet.sqlite (themes)"
    return df


def ratings_frame(obs: pd.DataFrame, conn: sqlite3.Connection | None = None) -> pd.DataFrame | None:
    """The survey ratings (PARTNER items per partner) of current observations, or ``None`` when there are none.

    A rating is the answer of a respondent about one partner: the ``survey``
    observation of the main tie of that answer (``samenwerking`` or
    ``kennen``, reporter = source; :data:`wijknet.ingest.batch.MAIN_TIE_TYPES`)
    whose ``answers`` hold the instrument's per-partner answers
    (:data:`wijknet.core.ties.ALTER_ANSWERS`): a roster answer or a write-in
    linked with ``wijknet resolve``. The other observations one answer makes
    (``verwijzing``, the confirmation of the partner's side) carry the same
    answers and are not counted again; a rater who answered about the same
    partner twice in a wave (roster and resolved write-in) gives one row, each
    item from the first observation that answered it
    (:func:`wijknet.ingest.batch.ratings_from_answers`). Observations of tidy
    tie files without these answers, interviews, Network Canvas and graph
    files give no rating. With ``conn``, the rows of the ``ratings`` table
    (tidy ``ratings`` files) are added after them, merged the same way.
    """
    from wijknet.core.ties import ALTER_ANSWERS
    from wijknet.ingest.batch import MAIN_TIE_TYPES, ratings_from_answers

    records = []
    if conn is not None:
        tidy = [dict(zip(("wijk", "wave", "rater", "rated", *ALTER_RATING), r)) for r in conn.execute(
            f"SELECT wijk, wave, rater, rated, {', '.join(ALTER_RATING)} FROM ratings ORDER BY rowid")]  # fmt: skip
    else:
        tidy = []
    main = (
        obs[(obs["kind"] == "survey") & obs["tie_type"].isin(MAIN_TIE_TYPES)] if len(obs) else obs
    )
    for wijk, wave, source, target, answers in zip(
        main["wijk"], main["wave"], main["source"], main["target"], main["answers"]
    ):
        values = json.loads(answers or "{}")
        if not any(k in values for k in (*ALTER_ANSWERS, "knows")):
            continue
        records.append({"wijk": wijk, "wave": wave, "rater": source, "rated": target,
                        **{k: str(values.get(k, "") or "") for k in ALTER_ANSWERS}})  # fmt: skip
    records += tidy
    if not records:
        return None
    df = ratings_from_answers(pd.DataFrame(records))
    df.attrs["file"] = "wijknet.sqlite (observations)"
    return df
