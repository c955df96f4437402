"""The one connection context manager of the store."""

import sqlite3

import pytest

from wijknet.store.db import connection, transaction
from wijknet.store.init import init_store


def test_connection_is_closed_after_the_block(tmp_path):
    init_store(tmp_path / "p")
    with connection(tmp_path / "p") as conn:
        assert conn.execute("SELECT COUNT(*) FROM actors").fetchone() == (0,)
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")


def test_connection_is_closed_after_an_error_and_the_transaction_rolls_back(tmp_path):
    init_store(tmp_path / "p")
    with pytest.raises(RuntimeError), connection(tmp_path / "p") as conn, transaction(conn):
        conn.execute("CREATE TABLE scratch (x)")
        raise RuntimeError("stop")
    with pytest.raises(sqlite3.ProgrammingError):
        conn.execute("SELECT 1")
    with connection(tmp_path / "p") as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "scratch" not in names
