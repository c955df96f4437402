"""Attacks on live mapping (issue 10, findings 1, 2, 10 and the live part of 9), replayed; every one must fail.

The people project (tests/people.py): in Heidepark HP-1 (Alfa Heidehuis) is a
consenting professional, HP-2 (Bravo Heideveld) a professional without
consent and HP-3 (Charlie Heidebeek) a resident; the wijkteam may see only
the first by name. Beekdal is another wijk with a session of its own.
"""

from __future__ import annotations

import re
import sqlite3

import pytest
import requests
from argon2 import PasswordHasher

from tests.live.helpers import hidden, options_of_page
from tests.people import BEEKDAL
from tests.webapp.test_auth import PASSWORD, app, sign_in
from tests.webapp.test_live_page import PAGE, REAL_IDS, everything
from wijknet.access import add_user, users
from wijknet.live import answers_of, issue_links, open_session, submit
from wijknet.live.projector import visible_sessions
from wijknet.live.server import LiveServer
from wijknet.live.session import set_url
from wijknet.privacy import NotAllowed
from wijknet.store.db import DB_FILE
from wijknet.store.forget import forget_actor

HIDDEN_NAMES = ("Bravo Heideveld", "Charlie Heidebeek")


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch):
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(users, "_dummy_hash", None)


@pytest.fixture
def live(people_store, tmp_path, monkeypatch):
    """A Heidepark session with personal links for everyone, a Beekdal session, and the server of the first."""
    monkeypatch.setenv("WIJKNET_PROJECT", str(people_store))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    code = open_session(people_store, "Heidepark", "2027", "Bijeenkomst Heidepark")
    other = open_session(people_store, "Beekdal", "2027", "Bijeenkomst Beekdal")
    links = {a: f"/p/{t}" for a, t in issue_links(people_store, code).items()}
    other_links = {a: f"/p/{t}" for a, t in issue_links(people_store, other).items()}
    submit(people_store, code, "HP-5", [("HP-1", "samenwerking", 3)], "sub-00000001")
    with LiveServer(people_store, code) as server:
        set_url(people_store, code, server.url)
        yield people_store, code, server.url, links, other_links


def _page_as(store, audience: str, code: str | None = None):
    add_user(store, "mallory", audience, PASSWORD)
    at = sign_in(app().run(), "mallory", PASSWORD)
    at.switch_page(PAGE)
    at.run()
    if code is not None:
        at.selectbox(key="live_session").set_value(code).run()
    assert not at.exception, at.exception
    return at


# --- finding 1: the projector and the phone form -----------------------------------------------------------


def test_leernetwerk_gets_no_live_page_and_no_code(live):
    store, code, url, _, _ = live
    add_user(store, "mallory", "leernetwerk", PASSWORD)
    at = sign_in(app().run(), "mallory", PASSWORD)
    with pytest.raises(ValueError):  # the page is not in a leernetwerk's navigation
        at.switch_page(PAGE)
    page = everything(at.run())
    assert not at.exception, at.exception
    for value in (code, url, "Bijeenkomst", *REAL_IDS, "Heidehuis", "Beekhof", "Live netwerkkaart"):
        assert value not in page, value
    with pytest.raises(NotAllowed):  # the page's own check, should it be reached anyway
        visible_sessions(store, "leernetwerk")


def test_wijkteam_cannot_reidentify_by_joining_projector_and_phone_form(live):
    """Finding 1: ids on the projector paired with pseudonym labels, the same ids on the form with real names."""
    store, code, url, links, _ = live
    projector = everything(_page_as(store, "wijkteam:Heidepark", code))
    phones = {actor: requests.get(url + link, timeout=10).text for actor, link in links.items()}
    everything_seen = projector + "\n".join(phones.values())
    for value in (*REAL_IDS, *HIDDEN_NAMES):  # no real id anywhere; no hidden name anywhere
        assert value not in everything_seen, value
    # the join: an identifier on the projector (pseudonyms and whatever else looks like an id) found on a phone
    projector_ids = set(re.findall(r"\b[A-Z]-[0-9A-Z]{8}\b", projector))
    assert projector_ids  # the projector does show pseudonyms for HP-2 and HP-3
    for actor, page in phones.items():
        options = set(options_of_page(page))
        assert options and not options & set(re.findall(r"[0-9a-f]{16}", projector)), actor
        # a phone shows a pseudonym only as its holder's own code, never next to another person's real name
        assert set(re.findall(r"\b[A-Z]-[0-9A-Z]{8}\b", page)) <= projector_ids
        names = set(re.findall(r'<div class="name"[^>]*>([^<]+)</div>', page))
        assert not names & projector_ids and not names & set(HIDDEN_NAMES)


def test_wijkteam_does_not_see_other_wijks_sessions(live):
    store, *_ = live
    page = everything(_page_as(store, "wijkteam:Heidepark"))
    assert "Bijeenkomst Beekdal" not in page
    for value in BEEKDAL:
        assert value not in page, value


# --- finding 10: participants are authenticated ------------------------------------------------------------


def test_the_session_code_alone_opens_nothing(live):
    _, code, url, _, _ = live
    for path in (
        "/",
        f"/s/{code}",
        f"/s/{code}/answer?p=HP-1",
        f"/join?code={code}",
        f"/p/{code}",
        f"/?code={code}",
    ):
        response = requests.get(url + path, timeout=10)
        assert "Heide" not in response.text and "HP-" not in response.text, path
        assert response.status_code in (200, 404) and "<select" not in response.text, path
    response = requests.post(f"{url}/s/{code}/answer", data={"p": "HP-1", "how-HP-2": "samenwerking", "w-HP-2": "3"},
                             timeout=10)  # fmt: skip
    assert response.status_code in (403, 404)


def test_one_participant_cannot_answer_for_another(live):
    store, code, url, links, _ = live
    before = answers_of(live[0], code, "HP-5").values.tolist()
    mallory = requests.Session()  # HP-1, with their own link
    page = mallory.get(url + links["HP-1"], timeout=10).text
    form = {"_xsrf": hidden(page, "_xsrf"), "submission_id": hidden(page, "submission_id")}
    opt = options_of_page(page)[0]
    attempts = [
        (
            links["HP-1"],
            {**form, "p": "HP-5", f"how-{opt}": "samenwerking", f"w-{opt}": "1"},
        ),  # claim to be HP-5
        (
            links["HP-5"],
            {**form, f"how-{opt}": "samenwerking", f"w-{opt}": "1"},
        ),  # own form's options on another link
        (
            "/p/" + links["HP-5"][3:-1] + "A",
            {**form, f"how-{opt}": "verwijzing", f"w-{opt}": "2"},
        ),  # a near token
        (links["HP-1"], {**form, "how-HP-7": "samenwerking", "w-HP-7": "4"}),  # real ids as fields
    ]
    for path, data in attempts[:1]:
        response = mallory.post(url + path, data=data, timeout=10)
        assert response.status_code == 200  # stored: HP-1's own answers, whatever "p" says
    for path, data in attempts[1:]:
        response = mallory.post(url + path, data=data, timeout=10)
        assert response.status_code in (400, 404, 409), path
        assert "HP-" not in response.text
    assert answers_of(store, code, "HP-5").values.tolist() == before
    assert set(answers_of(store, code, "HP-1")["weight"]) == {
        1.0
    }  # only the first, honest-to-the-link attempt


def test_serve_serves_only_the_named_session(live):
    _, _, url, _, other_links = live
    for link in other_links.values():
        response = requests.get(url + link, timeout=10)
        assert response.status_code == 404
        for value in BEEKDAL:
            assert value not in response.text


# --- finding 9 (live part): a running server notices forget ------------------------------------------------


def test_running_server_notices_forget(live):
    store, code, url, links, _ = live
    phone = requests.Session()
    page = phone.get(url + links["HP-1"], timeout=10).text
    assert "Echo Heidedal" in page
    opts = options_of_page(page)
    forget_actor(store, "HP-5")
    response = requests.get(url + links["HP-5"], timeout=10)  # the forgotten person's own link
    assert (
        response.status_code == 404
        and "Echo" not in response.text
        and "Traceback" not in response.text
    )
    assert "Echo Heidedal" not in requests.get(url + links["HP-1"], timeout=10).text
    # a form made before the erasure, naming the forgotten person: refused cleanly, nothing stored
    data = {"_xsrf": hidden(page, "_xsrf"), "submission_id": hidden(page, "submission_id")}
    for opt in opts:
        data[f"how-{opt}"], data[f"w-{opt}"] = "samenwerking", "2"
    response = phone.post(url + links["HP-1"], data=data, timeout=10)
    assert (
        response.status_code in (400, 409)
        and "Echo" not in response.text
        and "Traceback" not in response.text
    )
    assert answers_of(store, code, "HP-1").empty
    # the running server holds no read transaction: a full checkpoint goes through at once
    conn = sqlite3.connect(store / DB_FILE, timeout=1)
    try:
        busy, log, done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()
    assert busy == 0 and log == done


def test_closed_session_noticed_by_the_running_server(live):
    from wijknet.live import close_session

    store, code, url, links, _ = live
    close_session(store, code)
    response = requests.get(url + links["HP-1"], timeout=10)
    assert "gesloten" in response.text and "<select" not in response.text


# --- finding 2: the automatic refresh re-checks the sign-in -------------------------------------------------


@pytest.mark.browser
def test_refresh_stops_after_account_disabled_and_after_session_expired(people_store, tmp_path):
    """The projector refreshes every 4 s (st.fragment(run_every)); neither a disabled account nor an expired session sees more."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.test_browser import SCREENSHOTS, _require_browser, running_app
    from wijknet.access import set_active

    _require_browser()
    store = people_store
    with open(store / "wijknet.yaml", "a", encoding="utf-8") as f:
        f.write(
            "sign_in:\n  session_minutes: 0.5\n"
        )  # 30 s idle; the refresh does not count as activity
    add_user(store, "bert", "wijkteam:Heidepark", PASSWORD)
    add_user(store, "anna", "onderzoeker", PASSWORD)
    code = open_session(store, "Heidepark", "2027", "Bijeenkomst Heidepark (fictief)")
    set_url(store, code, "http://192.0.2.7:8600")
    submit(
        store,
        code,
        "HP-5",
        [("HP-1", "samenwerking", 3), ("HP-6", "samenwerking", 2)],
        "sub-00000001",
    )
    with running_app(store, tmp_path) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])  # fmt: skip

        def projector(user: str, answered: str):
            context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="nl-NL")
            page = context.new_page()
            page.goto(url, wait_until="domcontentloaded")
            page.get_by_label("Gebruikersnaam").fill(user, timeout=60_000)
            page.get_by_label("Wachtwoord").fill(PASSWORD)
            page.get_by_role("button", name="Aanmelden").click()
            page.get_by_text("Aangemeld als").wait_for(timeout=60_000)
            page.get_by_role("link", name="Live netwerkkaart").click()
            page.get_by_role("heading", name="Live netwerkkaart", level=1).wait_for(timeout=60_000)
            page.get_by_text(answered).wait_for(timeout=60_000)
            return page

        try:
            page = projector("bert", "1 / 7")
            page.wait_for_timeout(2500)  # the map's iframe draws
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "live-projector.png"))
            submit(store, code, "HP-6", [("HP-1", "samenwerking", 1)], "sub-00000002")
            page.get_by_text("2 / 7").wait_for(timeout=20_000)  # the refresh works
            set_active(store, "bert", False)
            submit(store, code, "HP-7", [("HP-1", "samenwerking", 1)], "sub-00000003")
            page.get_by_text("verwijderd of uitgeschakeld").wait_for(timeout=20_000)
            page.wait_for_timeout(5000)
            assert page.get_by_text("3 / 7").count() == 0 and page.locator("iframe").count() == 0

            page = projector("anna", "3 / 7")
            page.wait_for_timeout(
                33_000
            )  # the idle time passes; only automatic refreshes meanwhile
            submit(store, code, "HP-4", [("HP-1", "samenwerking", 1)], "sub-00000004")
            page.get_by_text("Uw sessie is verlopen").wait_for(timeout=20_000)
            page.wait_for_timeout(5000)
            assert page.get_by_text("4 / 7").count() == 0 and page.locator("iframe").count() == 0
        finally:
            browser.close()
