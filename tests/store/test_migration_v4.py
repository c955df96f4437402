"""A store made before schema version 4 gets content hashes and source ids, so re-imports add only what is new."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

from tests.store.helpers import snapshot
from tests.store.test_reimport import WAVE, rows, state, write_rows
from wijknet.datasets.demo_raw import write_raw_exports
from wijknet.store import connect, import_files, init_store, preview_import
from wijknet.store.schema import SCHEMA_VERSION, V1, V2, V3, V4_STOREIMP

V3_TABLES = ("imports", "files", "actors", "actor_history", "responses", "observations", "pending", "aliases", "users",
             "login_attempts", "audit_log", "live_sessions", "live_answers", "live_submissions")  # fmt: skip


def as_v3(folder: Path, target: Path) -> Path:
    """A copy of store ``folder`` as schema version 3 wrote it: the same rows without the version 4 columns."""
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns("wijknet.sqlite*"))
    old = sqlite3.connect(target / "wijknet.sqlite", isolation_level=None)
    for script in (V1, V2, V3):
        for statement in filter(str.strip, script.split(";")):
            old.execute(statement)
    old.execute("ATTACH DATABASE ? AS new", (str(folder / "wijknet.sqlite"),))
    for table in V3_TABLES:
        columns = [r[1] for r in old.execute(f"PRAGMA main.table_info({table})")]
        if table == "observations":  # version 3 had no versions: only the current ones
            where = "WHERE superseded_by IS NULL"
        else:
            where = ""
        old.execute(
            f"INSERT INTO main.{table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM new.{table} {where}"
        )
    old.execute("DETACH DATABASE new")
    old.execute("PRAGMA user_version = 3")
    old.close()
    return target


def test_a_version_3_store_is_migrated_and_reimports_add_only_the_new(tmp_path):
    raw = write_raw_exports(tmp_path / "raw", wijk="Daalhof", wave=WAVE)
    qualtrics, sheet = rows(raw["qualtrics"][0]), rows(raw["interviews"][0])
    week1 = write_rows(qualtrics[: 3 + 20], tmp_path / "week1.csv")
    part = write_rows(sheet[:-1], tmp_path / "gesprekken-deel.csv")
    tidy = tmp_path / "ties.csv"
    tidy.write_text(
        f"wijk,wave,source,target,tie_type,weight,evidence\nDaalhof,{WAVE},DAA-001,DAA-002,kennen,,bijeenkomst\n",
        encoding="utf-8",
    )
    reference = tmp_path / "v4"
    init_store(reference)
    import_files(reference, raw["actors"])
    import_files(reference, [week1, part, tidy], wave=WAVE)
    legacy = as_v3(reference, tmp_path / "v3")

    conn = connect(legacy)  # migrates
    assert (
        conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    )  # 4, and 5 since issue 14
    assert conn.execute("SELECT COUNT(*) FROM files WHERE content_hash = ''").fetchone()[0] == 3 + 1
    conn.close()

    crlf = tmp_path / "week1 (kopie).csv"
    with open(crlf, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(qualtrics[: 3 + 20])
    tidy_again = tmp_path / "ties-again.csv"
    tidy_again.write_text(
        tidy.read_text(encoding="utf-8") + f"Daalhof,{WAVE},DAA-003,DAA-004,kennen,,bijeenkomst\n",
        encoding="utf-8",
    )
    # A preview fills in the hashes and keys inside its rolled-back transaction: same answer, no byte changed.
    before = (legacy / "wijknet.sqlite").read_bytes(), snapshot(legacy)
    preview = preview_import(legacy, [crlf, raw["qualtrics"][0]], wave=WAVE)
    assert preview.files[0].status == "already" and preview.files[1].counts["answers_new"] == 16
    assert ((legacy / "wijknet.sqlite").read_bytes(), snapshot(legacy)) == before
    for folder in (reference, legacy):
        assert import_files(folder, [crlf], wave=WAVE).files[0].status == "already"
        report = import_files(
            folder, [raw["qualtrics"][0], raw["interviews"][0], tidy_again], wave=WAVE
        )
        counts = {f.kind: f.counts for f in report.files}
        assert (counts["qualtrics"]["answers_new"], counts["qualtrics"]["answers_same"]) == (16, 20)
        assert (
            counts["qualtrics"]["write_ins_same"] == 1
            and counts["qualtrics"].get("write_ins", 0) == 0
        )
        assert (counts["interviews"]["fragments_new"], counts["interviews"]["fragments_same"]) == (
            1,
            len(sheet) - 2,
        )
        assert (counts["tidy-ties"]["rows_new"], counts["tidy-ties"]["rows_same"]) == (1, 1)
    assert state(legacy) == state(reference)


def test_the_migration_adds_only_the_version_4_columns_and_tables(tmp_path):
    folder = tmp_path / "project"
    init_store(folder)
    conn = connect(folder)
    try:
        columns = {t: {r[1] for r in conn.execute(f"PRAGMA table_info({t})")} for t in ("files", "observations", "responses",
                                                                                          "pending", "source_items",
                                                                                          "response_history")}  # fmt: skip
    finally:
        conn.close()
    assert {"content_hash"} <= columns["files"]
    assert {"item_key", "version", "superseded_by"} <= columns["observations"]
    assert {"item_key", "version"} <= columns["responses"] and "item_key" in columns["pending"]
    assert columns["source_items"] == {"item_key", "part", "content_hash", "file_id", "pending_id"}
    assert "ALTER TABLE" in V4_STOREIMP
