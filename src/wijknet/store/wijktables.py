"""The programme office's tables about wijken in the store: wijk metadata, PPI and KPI corrections.

Each is imported as a whole (kinds ``wijken``, ``ppi`` and ``kpi-corrections``
of :mod:`wijknet.store.kinds`): a new file replaces the table in the import's
transaction, so the store always holds exactly the last file imported of the
kind. They are read back as the raw tidy tables of :mod:`wijknet.io.tidy`
(:func:`wijken_frame`, :func:`ppi_frame`, :func:`kpi_corrections_frame`),
which :meth:`wijknet.project.Project.from_frames` validates again.
"""

from __future__ import annotations

import json
import math
import sqlite3

import pandas as pd

from wijknet.io.tidy import PHASE_PREFIX, WIJK_META_COLUMNS

#: Import kind -> the store tables it replaces.
REPLACED_TABLES = {
    "wijken": ("wijk_phases", "wijken"),
    "ppi": ("ppi",),
    "kpi-corrections": ("kpi_corrections",),
}


def _number_text(value: float) -> str:
    return (
        ""
        if value is None or (isinstance(value, float) and math.isnan(value))
        else repr(float(value))
    )


def current_file(conn: sqlite3.Connection, kind: str) -> set[int]:
    """The file ids the rows of ``kind``'s tables come from (empty when the tables are empty)."""
    found = set()
    for table in REPLACED_TABLES[kind]:
        found |= {f for (f,) in conn.execute(f"SELECT DISTINCT file_id FROM {table}")}
    return found


def replace_wijken(conn, meta: pd.DataFrame, phases: pd.DataFrame, file_id: int, rows) -> dict:
    """Replace ``wijken`` and ``wijk_phases`` by validated tables (:func:`wijknet.io.tidy.validate_wijken`)."""
    before = conn.execute("SELECT COUNT(*) FROM wijken").fetchone()[0]
    conn.execute("DELETE FROM wijk_phases")
    conn.execute("DELETE FROM wijken")
    extra_columns = [c for c in meta.columns if c not in WIJK_META_COLUMNS]
    for (_, record), row in zip(meta.iterrows(), rows):
        extra = json.dumps(
            {c: str(record[c]) for c in extra_columns if str(record[c])}, ensure_ascii=False
        )
        conn.execute(
            "INSERT INTO wijken (wijk, municipality, subregion, wijk_group, wijkplan_start, extra, file_id, "
            "source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (record["wijk"], record["municipality"], record["subregion"], record["group"],
             record["wijkplan_start"], extra, file_id, int(row)),
        )  # fmt: skip
    conn.executemany(
        "INSERT INTO wijk_phases (wijk, wave, phase, file_id) VALUES (?, ?, ?, ?)",
        [
            (w, v, p, file_id)
            for w, v, p in phases[["wijk", "wave", "phase"]].itertuples(index=False)
        ],
    )
    return {"table_rows": len(meta), "table_replaced": before}


def replace_ppi(conn, ppi: pd.DataFrame, file_id: int) -> dict:
    """Replace ``ppi`` by a validated table (:func:`wijknet.io.tidy.validate_ppi`, index = source rows)."""
    before = conn.execute("SELECT COUNT(*) FROM ppi").fetchone()[0]
    conn.execute("DELETE FROM ppi")
    conn.executemany(
        "INSERT INTO ppi (scope, period, indicator, value, target, unit, note, file_id, source_row) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r.scope, r.period, r.indicator, _number_text(r.value), _number_text(r.target), r.unit, r.note,
          file_id, int(row)) for row, r in zip(ppi.index, ppi.itertuples(index=False))],
    )  # fmt: skip
    return {"table_rows": len(ppi), "table_replaced": before}


def replace_kpi_corrections(conn, corrections: pd.DataFrame, file_id: int, rows) -> dict:
    """Replace ``kpi_corrections`` by a validated table (:func:`wijknet.io.tidy.validate_kpi_corrections`)."""
    before = conn.execute("SELECT COUNT(*) FROM kpi_corrections").fetchone()[0]
    conn.execute("DELETE FROM kpi_corrections")
    conn.executemany(
        "INSERT INTO kpi_corrections (wijk, wave, correction, reason, file_id, source_row) VALUES (?, ?, ?, ?, ?, ?)",
        [(r.wijk, r.wave, _number_text(r.correction), r.reason, file_id, int(row))
         for row, r in zip(rows, corrections.itertuples(index=False))],
    )  # fmt: skip
    return {"table_rows": len(corrections), "table_replaced": before}


def _indexed(rows: list[tuple], columns: list[str], name: str) -> pd.DataFrame:
    """A string table of ``rows`` (whose last value is the source row, used as the index)."""
    df = pd.DataFrame([r[:-1] for r in rows], columns=columns, dtype=object).fillna("").astype(str)
    df.index = [r[-1] if r[-1] is not None else i + 2 for i, r in enumerate(rows)]
    df.attrs["file"] = f"wijknet.sqlite ({name})"
    return df


def wijken_frame(conn: sqlite3.Connection) -> pd.DataFrame | None:
    """The ``wijken`` table in its wide file form (``phase_<wave>`` columns), or ``None`` when empty."""
    rows = conn.execute(
        "SELECT wijk, municipality, subregion, wijk_group, wijkplan_start, extra, source_row FROM wijken "
        "ORDER BY source_row, rowid"
    ).fetchall()
    if not rows:
        return None
    df = _indexed([r[:5] + (r[6],) for r in rows], list(WIJK_META_COLUMNS), "wijken")
    for i, (*_, extra, _row) in enumerate(rows):
        for key, value in json.loads(extra or "{}").items():
            if key not in df.columns:
                df[key] = ""
            df.iloc[i, df.columns.get_loc(key)] = value
    phases = conn.execute("SELECT wijk, wave, phase FROM wijk_phases ORDER BY rowid").fetchall()
    for wijk, wave, phase in phases:
        column = f"{PHASE_PREFIX}{wave}"
        if column not in df.columns:
            df[column] = ""
        df.loc[df["wijk"] == wijk, column] = phase
    return df


def ppi_frame(conn: sqlite3.Connection) -> pd.DataFrame | None:
    """The process indicators as a raw tidy ``ppi`` table, or ``None`` when empty."""
    columns = ["scope", "period", "indicator", "value", "target", "unit", "note"]
    rows = conn.execute(
        f"SELECT {', '.join(columns)}, source_row FROM ppi ORDER BY ppi_id"
    ).fetchall()
    return _indexed(rows, columns, "ppi") if rows else None


def kpi_corrections_frame(conn: sqlite3.Connection) -> pd.DataFrame | None:
    """The KPI corrections as a raw tidy ``kpi_corrections`` table, or ``None`` when empty."""
    columns = ["wijk", "wave", "correction", "reason"]
    rows = conn.execute(
        f"SELECT {', '.join(columns)}, source_row FROM kpi_corrections ORDER BY rowid"
    ).fetchall()
    return _indexed(rows, columns, "kpi_corrections") if rows else None
