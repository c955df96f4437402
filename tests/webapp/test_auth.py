"""Sign-in of the app for a project store (wijknet.webapp.auth) under AppTest."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from tests.webapp.test_pages import texts, write_project
from wijknet.access import add_user, set_audience, set_password, users
from wijknet.core.glossary import AUDIT_ACTIONS, label
from wijknet.store import import_files, init_store
from wijknet.store.audit import read_log
from wijknet.webapp import ENTRY_SCRIPT
from wijknet.webapp.auth import SESSION_KEY

PASSWORD = "lange zin als wachtwoord"


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch):
    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(users, "_dummy_hash", None)


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    """A project store with the small fictional project of the page tests (wijken Noord and Zuid)."""
    tidy = write_project(tmp_path / "tidy")
    folder = tmp_path / "store"
    init_store(folder, title="Teststore")
    import_files(folder, [tidy / "actors.csv", tidy / "ties.csv"])
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def app() -> AppTest:
    return AppTest.from_file(str(ENTRY_SCRIPT), default_timeout=120)


def sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="wijknet_sign_in_name").input(name)
    [field] = [w for w in at.text_input if w.key != "wijknet_sign_in_name"]
    field.input(password)
    at.button[0].click()  # the form's submit button
    return at.run()


def actions(folder: Path) -> list[str]:
    return list(read_log(folder)["action"])[::-1]


def test_store_without_users_shows_only_how_to_make_one(store):
    at = app().run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Nog geen gebruikers"]
    assert f"wijknet user add {store} NAAM --audience onderzoeker" in at.code[0].value
    assert not at.text_input and not at.get("iframe")
    assert not [s for s in at.sidebar.selectbox if s.key == "wijk"]
    assert "Huisarts" not in texts(at)


def test_wrong_password_refused_right_password_shows_the_app(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    at = app().run()
    assert [t.value for t in at.title] == ["wijknet: aanmelden"]
    assert not at.get("iframe")
    at = sign_in(at, "anna", "niet het wachtwoord")
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == ["Gebruikersnaam of wachtwoord is onjuist."]
    assert not at.get("iframe") and "Netwerkkaart" not in [t.value for t in at.title]
    at = sign_in(at, "Anna", PASSWORD)
    assert not at.exception, at.exception
    assert at.title[0].value == "Netwerkkaart"
    assert at.get("iframe")  # the network map
    assert "Aangemeld als **anna** (onderzoeker)" in [m.value for m in at.sidebar.markdown]
    assert at.session_state[SESSION_KEY].audience == "onderzoeker"
    assert actions(store)[-2:] == ["sign_in_failed", "sign_in"]


def test_unknown_user_gets_the_same_message(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    at = sign_in(app().run(), "bram", PASSWORD)
    assert [e.value for e in at.error] == ["Gebruikersnaam of wachtwoord is onjuist."]


def test_delayed_after_repeated_failures(store, monkeypatch):
    monkeypatch.setattr(
        users, "BASE_DELAY", dt.timedelta(minutes=1)
    )  # longer than the runs of this test
    add_user(store, "anna", "onderzoeker", PASSWORD)
    at = app().run()
    for _ in range(users.FREE_FAILURES + 1):
        at = sign_in(at, "anna", "niet het wachtwoord")
    at = sign_in(at, "anna", PASSWORD)
    assert "Te veel mislukte pogingen" in at.error[0].value and "Wacht" in at.error[0].value
    assert not at.get("iframe")


def test_after_expiry_asked_again(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    at = sign_in(app().run(), "anna", PASSWORD)
    assert at.title[0].value == "Netwerkkaart"
    session = at.session_state[SESSION_KEY]
    long_ago = session.last_seen - dt.timedelta(minutes=61)
    at.session_state[SESSION_KEY] = replace(session, started_at=long_ago, last_seen=long_ago)
    at.run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["wijknet: aanmelden"]
    assert "Uw sessie is verlopen" in at.info[0].value
    assert not at.get("iframe")
    assert SESSION_KEY not in at.session_state
    entry = read_log(store, action="sign_out").iloc[0]
    assert entry.username == "anna" and json.loads(entry.detail)["reason"] == "expired"
    at = sign_in(at, "anna", PASSWORD)
    assert at.title[0].value == "Netwerkkaart"


def test_idle_timeout_from_wijknet_yaml(store):
    config = store / "wijknet.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "sign_in:\n  session_minutes: 5\n", encoding="utf-8"
    )
    add_user(store, "anna", "onderzoeker", PASSWORD)
    at = sign_in(app().run(), "anna", PASSWORD)
    session = at.session_state[SESSION_KEY]
    assert session.settings.idle == dt.timedelta(minutes=5)
    at.session_state[SESSION_KEY] = replace(
        session, last_seen=session.last_seen - dt.timedelta(minutes=6)
    )
    assert app_title(at.run()) == "wijknet: aanmelden"


def app_title(at: AppTest) -> str:
    return at.title[0].value


def test_sign_out_button(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    at = sign_in(app().run(), "anna", PASSWORD)
    at.sidebar.button(key="wijknet_sign_out").click().run()
    assert not at.exception, at.exception
    assert app_title(at) == "wijknet: aanmelden"
    assert actions(store)[-1] == "sign_out"


def test_role_change_and_removal_take_effect_at_the_next_run(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    at = sign_in(app().run(), "anna", PASSWORD)
    set_audience(store, "anna", "wijkteam:Noord")
    at.run()
    assert at.session_state[SESSION_KEY].audience == "wijkteam:Noord"
    assert "Aangemeld als **anna** (wijkteam\\:Noord)" in [m.value for m in at.sidebar.markdown]
    users.set_active(store, "anna", False)
    at.run()
    assert not at.exception
    assert "verwijderd of uitgeschakeld" in at.error[0].value
    assert not at.get("iframe")


def test_audit_page_only_for_researchers(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    add_user(store, "bram", "leernetwerk", PASSWORD)
    at = sign_in(app().run(), "anna", PASSWORD)
    at.switch_page("views/auditlog.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Auditlog"
    log = at.dataframe[0].value
    assert {"Tijd (UTC)", "Gebruiker", "Actie", "Details"} == set(log.columns)
    # the events in Dutch words, not as codes
    assert {label(AUDIT_ACTIONS, a, "nl") for a in ("import", "user_add", "sign_in")} <= set(
        log["Actie"]
    )
    at.selectbox(key="audit_action").set_value("sign_in").run()
    assert (
        set(at.dataframe[0].value["Actie"])
        == {label(AUDIT_ACTIONS, "sign_in", "nl")}
        == {"Ingelogd"}
    )

    other = sign_in(app().run(), "bram", PASSWORD)
    assert other.title[0].value == "Netwerkkaart"
    with pytest.raises(ValueError, match="auditlog"):  # not in the navigation of a leernetwerk
        other.switch_page("views/auditlog.py")


def test_audit_page_checks_the_audience_itself(store):
    """Run on its own (as if its address were opened without the entry script), the page shows nothing."""
    page = AppTest.from_file(
        str(ENTRY_SCRIPT.parent / "views" / "auditlog.py"), default_timeout=60
    ).run()
    assert not page.exception, page.exception
    assert "alleen zichtbaar voor onderzoekers" in page.error[0].value
    assert not page.dataframe


def test_tidy_folder_needs_no_sign_in(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKNET_PROJECT", str(write_project(tmp_path / "tidy")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    at = app().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Netwerkkaart"
    assert SESSION_KEY not in at.session_state
    # no sign-in form: the only text field is the map's search box
    assert [w.key for w in at.text_input if "sign_in" in (w.key or "")] == []
    assert all(w.key.startswith("map_search") for w in at.text_input)


def test_english_sign_in_form(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    at = app().run()
    at.sidebar.radio(key="lang").set_value("en").run()
    assert app_title(at) == "wijknet: sign in"
    at = sign_in(at, "anna", "wrong password here")
    assert at.error[0].value == "The user name or password is not correct."


# --- OIDC (st.login) ---------------------------------------------------------------------------

OIDC = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "x" * 32,
    "client_id": "wijknet",
    "client_secret": "geheim",
    "server_metadata_url": "https://idp.example/.well-known/openid-configuration",
}


def oidc_app(user: dict) -> AppTest:
    at = app()
    at.secrets["auth"] = OIDC
    at.user = user
    return at


def test_oidc_not_logged_in_shows_the_providers_button(store):
    add_user(store, "anna@zuyd.nl", "onderzoeker", None)
    at = oidc_app({"is_logged_in": False}).run()
    assert not at.exception, at.exception
    assert app_title(at) == "wijknet: aanmelden"
    assert not at.text_input  # no password form when an identity provider is configured
    assert at.button[0].label == "Aanmelden met uw organisatie-account"


def test_oidc_user_with_account_gets_its_audience(store):
    add_user(store, "anna@zuyd.nl", "wijkteam:Noord", None)
    at = oidc_app({"is_logged_in": True, "email": "Anna@Zuyd.nl", "email_verified": True}).run()
    assert not at.exception, at.exception
    assert app_title(at) == "Netwerkkaart"
    session = at.session_state[SESSION_KEY]
    assert (session.username, session.audience, session.method) == (
        "anna@zuyd.nl",
        "wijkteam:Noord",
        "oidc",
    )
    entry = read_log(store, action="sign_in").iloc[0]
    assert json.loads(entry.detail)["method"] == "oidc"


def test_oidc_user_without_account_has_no_access(store):
    add_user(store, "anna@zuyd.nl", "onderzoeker", None)
    at = oidc_app({"is_logged_in": True, "email": "bram@elders.nl", "email_verified": True}).run()
    assert not at.exception, at.exception
    assert "geen toegang" in at.error[0].value and "bram@elders.nl" in at.error[0].value
    assert not at.get("iframe")
    assert SESSION_KEY not in at.session_state
    at = oidc_app({"is_logged_in": True, "email": "anna@zuyd.nl", "email_verified": False}).run()
    assert "bevestigd" in at.error[0].value


@pytest.mark.parametrize(
    "claim", [{}, {"email_verified": "false"}, {"email_verified": None}, {"email_verified": 1}]
)
def test_oidc_without_a_verified_email_claim_has_no_access(store, claim):
    """An attacker who sets anna's address at the provider without verifying it gets nothing."""
    add_user(store, "anna@zuyd.nl", "onderzoeker", None)
    at = oidc_app({"is_logged_in": True, "email": "anna@zuyd.nl", **claim}).run()
    assert not at.exception, at.exception
    assert "bevestigd" in at.error[0].value
    assert SESSION_KEY not in at.session_state and not at.get("iframe")


def test_password_of_an_oidc_account_is_not_needed(store):
    add_user(store, "anna@zuyd.nl", "onderzoeker", None)
    set_password(store, "anna@zuyd.nl", PASSWORD)  # a password does not stand in for the provider
    at = oidc_app({"is_logged_in": False}).run()
    assert not at.text_input


def test_bad_sign_in_settings_show_a_message(store):
    add_user(store, "anna", "onderzoeker", PASSWORD)
    config = store / "wijknet.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "sign_in: 5\n", encoding="utf-8")
    at = app().run()
    assert not at.exception, at.exception
    assert "Aanmelden is niet mogelijk" in at.error[0].value and "sign_in" in at.code[0].value
    assert not at.text_input and not at.get("iframe")
