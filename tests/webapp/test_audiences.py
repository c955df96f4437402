"""The app shows each audience only what it may see ("Bekijken als" on a tidy folder)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.people import BEEKDAL, HEIDEPARK_PERSONS
from wijknet.webapp import ENTRY_SCRIPT

PAGES = (
    "netwerkkaart",
    "kengetallen",
    "verbinders",
    "domeinmenging",
    "verandering",
    "kpi",
    "vergelijken",
    "rapport",
)
ALL_PERSONS = (
    *HEIDEPARK_PERSONS.values(),
    "Echo Heidedal",
    "Delta Beekhof",
    "Hotel Beekveld",
    "India Beekstraat",
)


def protos(node) -> list[str]:
    """The element protos of ``node`` and everything below it, as text (labels, options, values, map HTML)."""
    proto = getattr(node, "proto", None)
    own = [str(proto)] if proto is not None else []
    return own + [p for child in getattr(node, "children", {}).values() for p in protos(child)]


def page_text(at: AppTest) -> str:
    """Everything the main area shows: element protos (map documents included) and table values."""
    parts = protos(at.main)
    parts += [df.value.to_csv() for df in at.dataframe] + [t.value.to_csv() for t in at.table]
    return "\n".join(parts)


def viewing_as(audience: str) -> AppTest:
    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=120).run()
    at.sidebar.selectbox(key="view_as").set_value(audience).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def project(people_files, monkeypatch):
    monkeypatch.setenv("WIJKNET_PROJECT", str(people_files))
    return people_files


def test_owner_of_a_real_tidy_folder_sees_pseudonyms_until_unlocking(project):
    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=120).run()
    assert at.sidebar.selectbox(key="view_as").value == "onderzoeker"
    assert at.sidebar.toggle(key="unlocked").value is False  # real data: names locked by default
    at.sidebar.selectbox(key="wijk").set_value("Heidepark").run()
    doc = at.get("iframe")[0].proto.srcdoc
    assert "Alfa Heidehuis" not in doc and "Gemeente Heidestad" in doc
    at.sidebar.toggle(key="unlocked").set_value(True).run()
    assert "Alfa Heidehuis" in at.get("iframe")[0].proto.srcdoc


@pytest.mark.parametrize("page", PAGES)
def test_wijkteam_sees_nothing_of_another_wijk_on_any_page(project, page):
    at = viewing_as("wijkteam:Heidepark")
    assert at.sidebar.selectbox(key="wijk").options == ["Heidepark"]
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    text = page_text(at)
    for value in (*BEEKDAL, "Bravo Heideveld", "Charlie Heidebeek", "HP-1"):
        assert value not in text, (page, value)


@pytest.mark.parametrize("page", [p for p in PAGES if p != "verbinders"])
def test_leernetwerk_sees_no_names_on_any_page(project, page):
    at = viewing_as("leernetwerk")
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    text = page_text(at)
    for value in (*ALL_PERSONS, "Gemeente Heidestad", "Praktijk Heidezicht", "HP-1", "BD-1"):
        assert value not in text, (page, value)


def test_leernetwerk_has_no_connector_page_and_an_anonymous_map(project):
    at = viewing_as("leernetwerk")
    with pytest.raises(
        ValueError, match="Could not find a navigation page"
    ):  # not registered for this audience
        at.switch_page("views/verbinders.py")
    at = viewing_as("leernetwerk")
    assert any("anonieme kaart" in i.value for i in at.info)
    assert not at.toggle  # no "show names" switches on the map page


@pytest.fixture
def signed_in_store(request, monkeypatch, tmp_path):
    """The people project as a store with a PlusWIJkteam account of Heidepark and a leernetwerk account."""
    from argon2 import PasswordHasher

    from wijknet.access import add_user, users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(users, "_dummy_hash", None)
    folder = request.getfixturevalue("people_store")
    add_user(folder, "team-heidepark", "wijkteam:Heidepark", "lange zin als wachtwoord")
    add_user(folder, "sessie", "leernetwerk", "lange zin als wachtwoord")
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    return folder


def signed_in(name: str) -> AppTest:
    from tests.webapp.test_auth import sign_in

    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=120).run()
    sign_in(at, name, "lange zin als wachtwoord")
    assert not at.exception, at.exception
    return at


def test_signed_in_wijkteam_reaches_nothing_of_another_wijk(signed_in_store):
    at = signed_in("team-heidepark")
    assert "view_as" not in [
        w.key for w in at.sidebar.selectbox
    ]  # the account decides, not a choice
    assert at.sidebar.selectbox(key="wijk").options == ["Heidepark"]
    for page in PAGES:
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, (page, at.exception)
        text = page_text(at)
        for value in (*BEEKDAL, "Bravo Heideveld", "Charlie Heidebeek", "Ik bel"):
            assert value not in text, (page, value)
    for page in ("gegevens", "auditlog"):  # researcher pages are not registered for a wijkteam
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"views/{page}.py")


def test_signed_in_leernetwerk_sees_no_names(signed_in_store):
    at = signed_in("sessie")
    assert not [w for w in at.sidebar.toggle if w.key == "unlocked"]  # only researchers unlock
    for page in [p for p in PAGES if p != "verbinders"]:
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, (page, at.exception)
        text = page_text(at)
        for value in (*ALL_PERSONS, "Gemeente Heidestad", "HP-1"):
            assert value not in text, (page, value)


def test_evidence_view_shows_quotes_only_to_an_unlocked_researcher(people_store, monkeypatch):
    from argon2 import PasswordHasher

    from wijknet.access import add_user, users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(users, "_dummy_hash", None)
    add_user(people_store, "onderzoeker-a", "onderzoeker", "lange zin als wachtwoord")
    add_user(people_store, "team-heidepark", "wijkteam:Heidepark", "lange zin als wachtwoord")
    monkeypatch.setenv("WIJKNET_PROJECT", str(people_store))

    def evidence_of(at: AppTest, name_part: str) -> str:
        at.sidebar.selectbox(key="wijk").set_value("Heidepark").run()
        at.sidebar.selectbox(key="wave").set_value("2026").run()
        actors = at.session_state[
            "_selection"
        ].project.actors  # the viewer's own (restricted) actors
        actor = actors.loc[
            actors["name"].str.contains(name_part) & (actors["actor_id"] != "HP-4"), "actor_id"
        ].iloc[0]
        at.session_state["evidence_actor_Heidepark_2026"] = (
            actor  # AppTest cannot select by a formatted option
        )
        at.run()
        assert not at.exception, at.exception
        return at.dataframe[-1].value.to_csv()

    at = signed_in("onderzoeker-a")
    from wijknet.privacy import load_key, pseudonym

    locked = evidence_of(
        at, pseudonym(load_key(people_store), "HP-1", "person")
    )  # the quoted interviewee
    assert "Ik bel" not in locked and "interview" in locked
    assert "gesprekken.csv" not in locked and "bestand " in locked  # file names are free text too
    at.sidebar.toggle(key="unlocked").set_value(True).run()
    unlocked = evidence_of(at, "Alfa Heidehuis")
    assert "Ik bel Bravo Heideveld" in unlocked and "gesprekken.csv" in unlocked
    from wijknet.store.audit import read_log

    assert "unlock" in set(read_log(people_store)["action"])
    team = signed_in("team-heidepark")
    shown = evidence_of(team, "Alfa Heidehuis")
    assert "Ik bel" not in shown and "gesprekken.csv" not in shown and "ties.csv" not in shown


def test_leernetwerk_gets_no_response_counts_on_kengetallen(monkeypatch):
    """Respondents and non-respondents per wijk are counts of people: the demo's Kengetallen page shows the
    non-response comparison to a researcher and not to a leernetwerk."""
    monkeypatch.delenv("WIJKNET_PROJECT", raising=False)  # the demo project, which has responses

    def labels(audience):
        at = viewing_as(audience)
        at.switch_page("views/kengetallen.py").run()
        assert not at.exception, at.exception
        return [e.proto.label for e in at.expander]

    from wijknet.webapp.texts import TEXTS

    title = TEXTS["nr_title"]["nl"]
    assert title in labels("onderzoeker")
    assert title not in labels("leernetwerk")  # fails if the page shows it to everyone
