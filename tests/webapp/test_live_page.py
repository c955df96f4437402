"""The projector page "Live netwerkkaart" under AppTest (signed in to a project store with a live session)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from tests.webapp.test_auth import PASSWORD, app, sign_in
from tests.webapp.test_pages import texts, write_project
from wijknet.access import add_user, users
from wijknet.live import close_session, open_session, roster, submit
from wijknet.store import import_files, init_store

PAGE = "views/live.py"


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch):
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(users, "_dummy_hash", None)


@pytest.fixture
def session(tmp_path, monkeypatch):
    """A project store (the small fictional project of the page tests) with a live session and two answers."""
    tidy = write_project(tmp_path / "tidy")
    store = tmp_path / "store"
    init_store(store, title="Teststore")
    import_files(store, [tidy / "actors.csv", tidy / "ties.csv"])
    monkeypatch.setenv("WIJKNET_PROJECT", str(store))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    code = open_session(store, "Noord", "2027", "Bijeenkomst test")
    ids = [e.actor_id for e in roster(store, code)]
    submit(store, code, ids[0], [(ids[1], "samenwerking", 3), (ids[2], "verwijzing", 2)], "sub-00000001")
    submit(store, code, ids[1], [(ids[0], "samenwerking", 4)], "sub-00000002")
    return store, code, len(ids)


def _open(store, audience: str = "onderzoeker"):
    add_user(store, "anna", audience, PASSWORD)
    at = sign_in(app().run(), "anna", PASSWORD)
    at.switch_page(PAGE)
    return at.run()


def test_projector_shows_growing_map_and_counts(session):
    store, code, n = session
    at = _open(store)
    assert not at.exception, at.exception
    assert at.title[0].value == "Live netwerkkaart"
    assert code in texts(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Ingevuld": f"2 / {n}", "Relaties": "3", "Domeinoverstijgend": metrics["Domeinoverstijgend"]}
    assert at.get("iframe")
    # a new answer appears on the next run (the fragment refreshes every few seconds in the browser)
    ids = [e.actor_id for e in roster(store, code)]
    submit(store, code, ids[3], [(ids[0], "samenwerking", 1)], "sub-00000003")
    at.run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Ingevuld"] == f"3 / {n}" and metrics["Relaties"] == "4"


def test_closed_session_says_so(session):
    store, code, _ = session
    close_session(store, code)
    at = _open(store)
    assert not at.exception, at.exception
    assert "gesloten" in texts(at) and "meting 2027" in texts(at)


def test_wijkteam_of_another_wijk_sees_no_map(session):
    store, _, _ = session
    at = _open(store, "wijkteam:Zuid")
    assert not at.exception, at.exception
    assert not at.get("iframe")
    assert "andere wijk" in texts(at)


def test_tidy_folder_explains(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKNET_PROJECT", str(write_project(tmp_path / "tidy")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    at = app().run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    assert "wijknet init" in texts(at)
