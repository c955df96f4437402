"""Shared helpers of the project-store tests."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from wijknet.cli.app import app
from wijknet.store import connect, dump

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def snapshot(folder: Path) -> tuple[str, list[str]]:
    """The database dump and the names in ``raw/``: the whole state of a store."""
    conn = connect(folder)
    try:
        text = dump(conn)
    finally:
        conn.close()
    raw = folder / "raw"
    return text, sorted(p.name for p in raw.iterdir()) if raw.exists() else []
