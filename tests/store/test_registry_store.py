"""Entity resolution in the project store: aliases, the pending queue and ``wijknet resolve``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import ACTORS, write
from tests.store.helpers import run, snapshot
from wijknet.core.errors import DataError
from wijknet.store import connect, import_files
from wijknet.store.db import transaction
from wijknet.store.registry import accept_matches, aliases, confirm, create_actor, pending_write_ins
from wijknet.store.schema import SCHEMA_VERSION, V1

SURVEY = Path(__file__).resolve().parents[1] / "fixtures" / "surveys" / "qualtrics-noord-2026.csv"


@pytest.fixture
def store(tmp_path) -> Path:
    folder = tmp_path / "project"
    assert run("init", folder, "--wave", "2025", "--wave", "2026").exit_code == 0
    write(tmp_path, "actors.csv", ACTORS)
    import_files(folder, [tmp_path / "actors.csv", SURVEY], wave="2026")
    return folder


def _pending_id(store: Path) -> int:
    conn = connect(store)
    try:
        return int(pending_write_ins(conn)["pending_id"].iloc[0])
    finally:
        conn.close()


def _add_write_in(store: Path, name: str, respondent: str = "z2") -> int:
    """A copy of the survey's write-in under another name and respondent (as a next export would give)."""
    conn = connect(store)
    try:
        file_id, row, column, data = conn.execute(
            "SELECT file_id, source_row, source_column, data FROM pending WHERE what = 'write_in' LIMIT 1"
        ).fetchone()
        data = {**json.loads(data), "name": name, "respondent": respondent}
        with transaction(conn):
            pid = conn.execute(
                "INSERT INTO pending (what, file_id, source_row, source_column, data) VALUES ('write_in', ?, ?, ?, ?)",
                (file_id, row, column, json.dumps(data)),
            ).lastrowid
        return pid
    finally:
        conn.close()


def test_list_shows_candidates_and_changes_nothing(store):
    before = snapshot(store)
    result = run("resolve", store, "--list")
    assert (
        result.exit_code == 0
        and "wachten op een bevestiging" in result.output
        and "--unlock" in result.output
    )
    assert "Buurtkrachten Fictief" not in result.output and "z1" not in result.output
    assert snapshot(store) == before
    result = run("resolve", store, "--list", "--unlock")
    assert result.exit_code == 0, result.output
    assert "Buurtkrachten Fictief" in result.output and "--confirm" in result.output
    assert "genoemd door z1" in result.output


def test_unmatched_write_in_is_listed_not_linked(store):
    before = snapshot(store)
    result = run("resolve", store)
    assert result.exit_code == 0, result.output
    assert "wachten op een bevestiging" in result.output
    assert snapshot(store) == before


def test_confirm_makes_observations_with_provenance_and_remembers_the_alias(store):
    pid = _pending_id(store)
    pid2 = _add_write_in(store, "Stichting BUURTKRACHTEN (fictief)")  # the next wave's spelling
    result = run("resolve", store, "--confirm", pid, "i1")
    assert result.exit_code == 0, result.output
    assert f"#{pid}" in result.output and "i1" in result.output
    conn = connect(store)
    rows = conn.execute(
        "SELECT source, target, kind, label, source_file, source_row, source_column, answers FROM observations "
        "WHERE target = 'i1' OR source = 'i1'"
    ).fetchall()
    known = aliases(conn)
    left = pending_write_ins(conn)
    conn.close()
    assert rows and all(r[4] == SURVEY.name and r[5] and r[6] for r in rows)
    assert any(
        r[0] == "z1" and r[1] == "i1" and r[2] == "survey" and r[3] == "enquête 2026" for r in rows
    )
    assert json.loads(rows[0][7])["write_in"] == "Buurtkrachten Fictief"
    assert list(known["alias_norm"]) == ["buurtkrachten"] and list(known["actor_id"]) == ["i1"]
    assert list(left["pending_id"]) == [pid2]
    # the other spelling of the confirmed name now links by itself
    report = accept_matches(store)
    assert list(report.linked["pending_id"]) == [pid2] and list(report.linked["actor_id"]) == ["i1"]
    assert report.linked["score"].iloc[0] == 1.0 and report.observations >= 1


def test_new_actor_gets_a_stable_id_and_first_wave(store):
    pid = _pending_id(store)
    result = run("--lang", "en", "resolve", store, "--new", pid, "--domain", "inwoners")
    assert result.exit_code == 0, result.output
    assert "New actor" in result.output
    conn = connect(store)
    actor = conn.execute(
        "SELECT actor_id, wijk, domain, name, first_wave FROM actors WHERE name = 'Buurtkrachten Fictief'"
    ).fetchone()
    n = conn.execute("SELECT COUNT(*) FROM observations WHERE target = ?", (actor[0],)).fetchone()[
        0
    ]
    conn.close()
    assert actor[1:] == ("Noord", "inwoners", "Buurtkrachten Fictief", "2026")
    assert actor[0] not in {"z1", "z2", "w1", "i1", "g1", "w2"} and n >= 1
    import wijknet

    project = wijknet.load_project(store)
    assert actor[0] in set(project.actors["actor_id"])


def test_bad_confirmations_change_nothing(store):
    pid = _pending_id(store)
    before = snapshot(store)
    for args, message in (
        (("--confirm", pid, "g1"), "hoort bij wijk"),
        (("--confirm", pid, "nobody"), "bestaat niet"),
        (("--confirm", 999, "i1"), "geen wachtende"),
        (("--confirm", pid, "z1"), "respondent zelf"),
        (("--new", pid), "--domain"),
    ):
        result = run("resolve", store, *args)
        assert result.exit_code == 2 and message in result.output, (args, result.output)
        assert "niets geschreven of veranderd" in result.output
        assert snapshot(store) == before
    with pytest.raises(DataError):
        confirm(store, pid, "g1")
    with pytest.raises(DataError):
        create_actor(store, pid, "")


def test_version_1_database_is_migrated(tmp_path):
    db = tmp_path / "wijknet.sqlite"
    conn = sqlite3.connect(db)
    conn.executescript(V1 + "PRAGMA user_version = 1;")
    conn.close()
    conn = connect(tmp_path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
        assert aliases(conn).empty
    finally:
        conn.close()


def test_pending_kind_tells_write_ins_from_unknown_ids(store):
    from wijknet.store.registry import pending_kind

    pid = _pending_id(store)
    assert pending_kind(store, pid) == "write_in"
    assert pending_kind(store, pid + 1000) is None
