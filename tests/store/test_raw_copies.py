"""An import that fails or is killed midway leaves no raw copy behind (issue 10, finding 9)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ACTORS, TIES, write
from tests.store.helpers import snapshot
from wijknet.store import connect, dump, import_files, init_store, load_store_project
from wijknet.store.importing import Importer, clean_raw, sha256

SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.fixture
def store(tmp_path) -> Path:
    folder = tmp_path / "project"
    init_store(folder)
    import_files(folder, [write(tmp_path, "actors.csv", ACTORS)])
    return folder


@pytest.fixture
def ties_file(tmp_path) -> Path:
    return write(tmp_path, "ties.csv", TIES)


def database(folder: Path) -> str:
    conn = connect(folder)
    try:
        return dump(conn)
    finally:
        conn.close()


def stored_names(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "raw").iterdir() if not p.name.startswith("."))


def run_killed(folder: Path, path: Path, hook: str) -> subprocess.CompletedProcess:
    """Import ``path`` in a subprocess whose ``hook`` kills it (SIGKILL: no cleanup code runs)."""
    script = textwrap.dedent(f"""
        import os, signal
        from wijknet.store import importing
        def die(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGKILL)
        {hook}
        importing.import_files({str(folder)!r}, [{str(path)!r}])
    """)
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )


def test_an_injected_failure_leaves_no_copy(store, ties_file, monkeypatch):
    before, names = database(store), stored_names(store)

    def fail(self):
        raise RuntimeError("injected")

    monkeypatch.setattr(Importer, "_check_whole", fail)
    with pytest.raises(RuntimeError):
        import_files(store, [ties_file])
    assert database(store) == before and sorted(p.name for p in (store / "raw").iterdir()) == names


def test_a_killed_import_leaves_only_a_temporary_copy_that_the_next_open_removes(store, ties_file):
    before, names = database(store), stored_names(store)
    result = run_killed(store, ties_file, "importing.Importer._check_whole = die")
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert database(store) == before and stored_names(store) == names  # nothing under a stored name
    leftovers = list((store / "raw").glob(".*.tmp"))
    assert len(leftovers) == 1 and leftovers[0].name.startswith(f".{sha256(ties_file)}.")
    load_store_project(store)  # opening the project (no import running) cleans up
    assert not list((store / "raw").glob(".*")) and database(store) == before
    # The file was never imported: importing it now works and keeps its copy.
    report = import_files(store, [ties_file])
    assert report.files[0].status == "imported" and f"{sha256(ties_file)}.csv" in stored_names(
        store
    )


def test_the_next_import_removes_a_killed_imports_copy(store, ties_file, tmp_path):
    run_killed(store, ties_file, "importing.Importer._check_whole = die")
    assert list((store / "raw").glob(".*.tmp"))
    other = write(tmp_path, "more.csv", "wijk,wave,source,target\nNoord,2025,z2,z1\n")
    import_files(store, [other])
    assert not list(
        (store / "raw").glob(".*.tmp")
    ) and f"{sha256(ties_file)}.csv" not in stored_names(store)


def test_a_kill_after_the_commit_is_completed_by_the_next_open(store, ties_file):
    result = run_killed(
        store, ties_file, "importing.os.replace = die"
    )  # committed, killed before the rename
    assert result.returncode == -signal.SIGKILL, result.stderr
    conn = connect(store)
    raw_path = conn.execute(
        "SELECT raw_path FROM files WHERE sha256 = ?", (sha256(ties_file),)
    ).fetchone()[0]
    conn.close()
    assert not (store / raw_path).exists() and list((store / "raw").glob(".*.tmp"))
    assert clean_raw(store) == 1
    assert (store / raw_path).read_bytes() == ties_file.read_bytes() and not list(
        (store / "raw").glob(".*.tmp")
    )


def test_cleaning_up_never_touches_the_copy_of_a_running_import(store, ties_file):
    tmp = store / "raw" / f".{'0' * 64}.12345.tmp"
    tmp.write_bytes(b"the copy of an import that holds the lock")
    writer = sqlite3.connect(store / "wijknet.sqlite", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        assert clean_raw(store) == 0 and tmp.exists()
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert clean_raw(store) == 1 and not tmp.exists()


def test_a_preview_does_not_clean_up(store, ties_file):
    """A dry run changes nothing at all, not even leftovers (the next real import removes them)."""
    run_killed(store, ties_file, "importing.Importer._check_whole = die")
    before = snapshot(store), sorted(p.name for p in (store / "raw").iterdir())
    from wijknet.store import preview_import

    assert preview_import(store, [ties_file]).ok
    assert (snapshot(store), sorted(p.name for p in (store / "raw").iterdir())) == before
