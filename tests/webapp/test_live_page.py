"""The projector page "Live netwerkkaart" under AppTest (signed in to a project store with a live session)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from tests.webapp.test_audiences import protos
from tests.webapp.test_auth import PASSWORD, app, sign_in
from tests.webapp.test_pages import texts
from wijknet.access import add_user, users
from wijknet.live import close_session, issue_links, linked, open_session, submit
from wijknet.live.session import set_url

PAGE = "views/live.py"
#: The real ids of the people project (tests/people.py); none may reach the page.
REAL_IDS = ("HP-1", "HP-2", "HP-3", "HP-4", "HP-5", "HP-6", "HP-7", "BD-1", "BD-2", "BD-3")


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch):
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(users, "_dummy_hash", None)


@pytest.fixture
def session(people_store, tmp_path, monkeypatch):
    """The people store (wijken Heidepark and Beekdal) with a live session in Heidepark and two answers."""
    monkeypatch.setenv("WIJKNET_PROJECT", str(people_store))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    code = open_session(people_store, "Heidepark", "2027", "Bijeenkomst Heidepark")
    open_session(people_store, "Beekdal", "2027", "Geheime titel Beekdal")
    set_url(people_store, code, "http://192.0.2.7:8600")
    submit(
        people_store,
        code,
        "HP-1",
        [("HP-2", "samenwerking", 3), ("HP-3", "verwijzing", 2)],
        "sub-00000001",
    )
    submit(people_store, code, "HP-2", [("HP-1", "samenwerking", 4)], "sub-00000002")
    return people_store, code


def _open(store, audience: str = "onderzoeker", code: str | None = None):
    add_user(store, "anna", audience, PASSWORD)
    at = sign_in(app().run(), "anna", PASSWORD)
    at.switch_page(PAGE)
    at.run()
    if code is not None:  # the newest open session is chosen first (Beekdal's, for a researcher)
        at.selectbox(key="live_session").set_value(code).run()
    return at


def everything(at) -> str:
    """Every element the page sent, sidebar included, as text (the protos: labels, options, values, the map's HTML)."""
    return "\n".join(protos(at._tree))


def test_projector_shows_growing_map_counts_and_address(session):
    store, code = session
    at = _open(store, code=code)
    assert not at.exception, at.exception
    assert at.title[0].value == "Live netwerkkaart"
    assert "http://192.0.2.7:8600" in texts(at) and "persoonlijke" in texts(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {
        "Ingevuld": "2 / 7",
        "Relaties": "3",
        "Domeinoverstijgend": metrics["Domeinoverstijgend"],
    }
    assert at.get("iframe")
    # a new answer appears on the next run (the fragment refreshes every few seconds in the browser)
    submit(store, code, "HP-5", [("HP-1", "samenwerking", 1)], "sub-00000003")
    at.run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Ingevuld"] == "3 / 7" and metrics["Relaties"] == "4"


@pytest.mark.parametrize("audience", ["onderzoeker", "wijkteam:Heidepark"])
def test_no_real_id_and_no_hidden_name_on_the_page(session, audience):
    store, code = session
    at = _open(store, audience, code)
    assert not at.exception, at.exception
    page = everything(at)
    assert "Alfa Heidehuis" in page  # a consenting professional, by name
    for value in (*REAL_IDS, "Bravo Heideveld", "Charlie Heidebeek"):
        assert value not in page, value


def test_wijkteam_sees_only_its_own_wijks_sessions(session):
    store, _ = session
    at = _open(store, "wijkteam:Heidepark")
    assert "Geheime titel Beekdal" not in everything(at)
    assert [o for o in at.selectbox(key="live_session").options] == [
        "Bijeenkomst Heidepark — Heidepark, meting 2027 (open)"
    ]
    at = _open_other(store)
    assert not at.exception, at.exception
    assert at.selectbox(key="live_session").options == [
        "Geheime titel Beekdal — Beekdal, meting 2027 (open)"
    ]
    page = everything(at)
    assert "Bijeenkomst Heidepark" not in page and "Heidehuis" not in page


def _open_other(store):
    add_user(store, "bert", "wijkteam:Beekdal", PASSWORD)
    at = sign_in(app().run(), "bert", PASSWORD)
    at.switch_page(PAGE)
    return at.run()


def test_leernetwerk_gets_no_session_no_address_no_map(session):
    store, code = session
    add_user(store, "anna", "leernetwerk", PASSWORD)
    at = sign_in(app().run(), "anna", PASSWORD)
    assert not at.exception, at.exception
    with pytest.raises(
        ValueError, match="Could not find a navigation page"
    ):  # not in its navigation at all
        at.switch_page(PAGE)
    page = everything(at)
    for value in (
        code,
        "192.0.2.7",
        "Bijeenkomst Heidepark",
        "Geheime titel Beekdal",
        "Live netwerkkaart",
    ):
        assert value not in page, value
    # and the page itself refuses too (a direct link): see tests/live/test_projector.py


def test_organiser_makes_personal_links(session):
    store, code = session
    at = _open(store, "wijkteam:Heidepark")
    at.button(key="live_links_missing").click().run()
    assert not at.exception, at.exception
    assert linked(store, code) == {f"HP-{i}" for i in range(1, 8)}
    assert at.get("download_button")
    # the revoke choice shows labels as the wijkteam sees them, never ids or hidden names
    options = at.selectbox(key="live_revoke_pick").options
    assert "Alfa Heidehuis" in options and not {
        "Bravo Heideveld",
        "Charlie Heidebeek",
        *REAL_IDS,
    } & set(options)
    at.selectbox(key="live_revoke_pick").set_value(options.index("Alfa Heidehuis")).run()
    at.button(key="live_revoke").click().run()
    assert "HP-1" not in linked(store, code)


def test_closed_session_says_so(session):
    store, code = session
    issue_links(store, code)
    close_session(store, code)
    at = _open(store, code=code)
    assert not at.exception, at.exception
    assert "gesloten" in texts(at) and "meting 2027" in texts(at)
    assert linked(store, code) == set()  # closing revoked every link


def test_tidy_folder_explains(people_files, tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKNET_PROJECT", str(people_files))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    at = app().run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    assert "wijknet init" in texts(at)


def test_projector_shows_the_address_as_qr_code_and_no_personal_link(session):
    """partial (issue 16): the address and its QR code, never a token, an actor id or a real name."""
    store, code = session
    tokens = issue_links(store, code)
    at = _open(store, code=code)
    assert not at.exception, at.exception
    sent = everything(at)
    assert "<svg" in sent and "QR-code van http://192.0.2.7:8600" in sent
    assert not any(token in sent for token in tokens.values())
    assert (
        "8600/p/" not in sent
    )  # no personal link of this server (base64 in the map may hold "/p/")
    assert not any(real in sent for real in REAL_IDS)
