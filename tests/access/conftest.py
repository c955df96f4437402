"""Fixtures of the access tests: a project store with actors, and a fast password hasher."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher

from tests.conftest import ACTORS, write
from wijknet.access import users
from wijknet.store import import_files, init_store


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch):
    """argon2id with small costs: the same code path, a hundred times faster than the production parameters."""
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(users, "_dummy_hash", None)


def make_store(folder: Path, *, actors: bool = True) -> Path:
    """A project store; with ``actors`` the wijk Noord of ``tests.conftest.ACTORS``."""
    init_store(folder, title="Toegangstest")
    if actors:
        write(folder.parent, "actors.csv", ACTORS)
        import_files(folder, [folder.parent / "actors.csv"])
    return folder


@pytest.fixture
def store(tmp_path) -> Path:
    return make_store(tmp_path / "project")
