"""The import page (views/gegevens.py) under AppTest: upload, check, import, and the resolve queue.

AppTest can set the files of ``st.file_uploader`` (``set_value`` with
``(name, bytes, mime)`` tuples), so these tests upload real files into a
store made with ``wijknet init`` in ``tmp_path``. A store asks who is
looking (:mod:`wijknet.webapp.auth`); the tests put a signed-in session in
the session state instead of filling in the sign-in form.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ACTORS, TIES
from tests.store.helpers import run, snapshot
from tests.webapp.test_pages import app, texts, write_project
from wijknet.access import SessionSettings, add_user
from wijknet.access.sessions import Session
from wijknet.store import connect, import_files
from wijknet.webapp.auth import SESSION_KEY

PAGE = "views/gegevens.py"
SURVEY = Path(__file__).resolve().parents[1] / "fixtures" / "surveys" / "qualtrics-noord-2026.csv"


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "project"
    assert run("init", folder, "--wave", "2025", "--wave", "2026").exit_code == 0
    add_user(folder, "onderzoeker-a", "onderzoeker", "een-lang-wachtwoord-2026")
    add_user(folder, "wijkteam-a", "wijkteam:Noord", "een-lang-wachtwoord-2026")
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def signed_in(
    folder: Path,
    username: str = "onderzoeker-a",
    audience: str = "onderzoeker",
    *,
    unlocked: bool = True,
) -> AppTest:
    at = app()
    now = _dt.datetime.now(_dt.UTC)
    at.session_state[SESSION_KEY] = Session(
        username, audience, str(folder), "password", now, now, SessionSettings()
    )
    at.session_state["unlocked"] = unlocked  # the researcher's "Echte namen tonen"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, key: str):
    return next(b for b in at.button if b.key == key)


def tables(at: AppTest) -> list:
    return [d.value for d in at.dataframe]


def test_tidy_folder_explains_how_to_make_a_store(tmp_path, monkeypatch):
    folder = write_project(tmp_path / "tidy")
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    at = app().run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Gegevens importeren"
    assert "projectmap" in at.info[0].value
    assert "wijknet init" in at.code[0].value
    assert not at.file_uploader


def test_upload_check_and_import_into_an_empty_store(store):
    at = signed_in(store)
    assert at.title[0].value == "Gegevens importeren"
    assert "Er wachten geen namen" in texts(at)
    at.file_uploader[0].set_value(
        [
            ("actoren.csv", ACTORS.encode(), "text/csv"),
            ("../../relaties.csv", TIES.encode(), "text/csv"),
        ]
    ).run()
    before = snapshot(store)
    button(at, "import_check").click().run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert (
        "**actoren\\.csv** · tidy-actors" in shown and "**relaties\\.csv** · tidy-ties" in shown
    )  # sanitised, as text
    assert "6 nieuwe actoren" in shown and "7 waarnemingen van relaties" in shown
    assert any("actor_id" in list(df.columns) for df in tables(at))  # the first rows
    assert snapshot(store) == before  # the check stored nothing
    button(at, "import_go").click().run()
    assert not at.exception, at.exception
    assert any("Import 1 opgeslagen" in s.value for s in at.success)
    conn = connect(store)
    try:
        assert conn.execute("SELECT count(*) FROM actors").fetchone()[0] == 6
        assert {r[0] for r in conn.execute("SELECT name FROM files")} == {
            "actoren.csv",
            "relaties.csv",
        }
    finally:
        conn.close()
    # The app reloaded the project: the sidebar now offers its wijken, and the map page shows them.
    assert at.sidebar.selectbox(key="wijk").options == ["Noord", "Zuid"]
    at.switch_page("views/netwerkkaart.py").run()
    assert not at.exception and "Wijk Noord" in texts(at)


def test_problems_are_listed_by_file_row_and_column_and_nothing_is_imported(store):
    at = signed_in(store)
    bad = TIES.replace("Noord,2025,z1,w1,verwijzing", "Noord,2025,z1,x9,verwijzing")
    at.file_uploader[0].set_value(
        [("actoren.csv", ACTORS.encode(), "text/csv"), ("relaties.csv", bad.encode(), "text/csv")]
    ).run()
    before = snapshot(store)
    button(at, "import_check").click().run()
    assert not at.exception, at.exception
    assert any("1 probleem" in e.value for e in at.error)
    assert not [b for b in at.button if b.key == "import_go"]
    problems = [df for df in tables(at) if "Wat is er mis" in df.columns]
    assert len(problems) == 1
    row = problems[0].iloc[0]
    assert (row["Bestand"], row["Rij"], row["Kolom"]) == ("relaties.csv", "4", "target")
    assert "x9" in row["Wat is er mis"]
    assert snapshot(store) == before


def test_an_upload_over_the_size_limit_is_refused(store, monkeypatch):
    monkeypatch.setenv("WIJKNET_MAX_FILE_MB", "0.001")  # about 1 kB
    at = signed_in(store)
    at.file_uploader[0].set_value([("groot.csv", ACTORS.encode() * 20, "text/csv")]).run()
    button(at, "import_check").click().run()
    assert not at.exception, at.exception
    assert any("Niet geïmporteerd" in e.value for e in at.error)
    assert any("hoogstens" in str(v) for df in tables(at) for v in df["Wat is er mis"])


@pytest.fixture
def queued(store, tmp_path) -> Path:
    """A store whose survey left a write-in and a respondent without an actor id."""
    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    survey = SURVEY.read_text(encoding="utf-8").replace(
        "2025-03-01,0,R_3,1,w1,", "2025-03-01,0,R_3,1,,"
    )
    (tmp_path / "enquete.csv").write_text(survey, encoding="utf-8")
    import_files(store, [tmp_path / "actors.csv", tmp_path / "enquete.csv"], wave="2026")
    return store


def test_resolve_queue_links_a_respondent_and_creates_an_actor(queued):
    at = signed_in(queued)
    shown = texts(at)
    assert "respondent zonder actor-id" in shown and "'Buurtkrachten Fictief'" in shown
    respondent = at.selectbox(key="resolve_actor_1")
    assert respondent.value == "w1"  # the proposal: organisation 'Welzijn Fictief'
    button(at, "resolve_confirm_1").click().run()
    assert not at.exception, at.exception
    assert any("#1 gekoppeld aan Coach Fictief" in s.value for s in at.success)
    conn = connect(queued)
    try:
        assert (
            conn.execute(
                "SELECT count(*) FROM observations WHERE source = 'w1' AND kind = 'survey'"
            ).fetchone()[0]
            == 2
        )
        assert (
            conn.execute("SELECT kpi3 FROM responses WHERE actor_id = 'w1'").fetchone() is not None
        )
    finally:
        conn.close()
    # The write-in becomes a new actor of the chosen domain.
    at.selectbox(key="resolve_domain_2").set_value("inwoners").run()
    button(at, "resolve_new_2").click().run()
    assert not at.exception, at.exception
    assert any("Nieuwe actor" in s.value for s in at.success)
    assert "Er wachten geen namen" in texts(at)


def test_other_audiences_cannot_import(store):
    at = app()
    now = _dt.datetime.now(_dt.UTC)
    at.session_state[SESSION_KEY] = Session(
        "wijkteam-a", "wijkteam:Noord", str(store), "password", now, now, SessionSettings()
    )
    at.run()
    assert not at.exception, at.exception
    with pytest.raises(
        ValueError, match="Could not find a navigation page"
    ):  # not in the navigation
        at.switch_page(PAGE)


def test_the_queue_needs_the_real_names_switched_on(queued):
    at = signed_in(queued, unlocked=False)
    assert any("Echte namen tonen" in i.value for i in at.info)
    assert "Buurtkrachten" not in texts(at)
    assert not [b for b in at.button if (b.key or "").startswith("resolve_")]


def test_the_preview_lists_every_note_by_file_row_and_column_and_counts_a_reimport(store, tmp_path):
    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    import_files(store, [tmp_path / "actors.csv"])
    survey = SURVEY.read_text(encoding="utf-8").replace(
        "2025-03-01,0,R_3,1,w1,", "2025-03-01,0,R_3,1,,"
    )
    at = signed_in(store)
    at.selectbox(key="import_wave").set_value("2026").run()
    at.file_uploader[0].set_value([("enquete.csv", survey.encode(), "text/csv")]).run()
    before = (store / "wijknet.sqlite").read_bytes(), snapshot(store)
    button(at, "import_check").click().run()
    assert not at.exception, at.exception
    notes = [df for df in tables(at) if "Opmerking" in df.columns]
    assert len(notes) == 1 and len(notes[0]) >= 1
    # the cleared actor id is noted at its row and column (whole-file notes, such as the optional questions the
    # export leaves out, have neither)
    note = notes[0][notes[0]["Rij"] != ""].iloc[0]
    assert note["Bestand"] == "enquete.csv" and note["Rij"] != "" and note["Kolom"] != ""
    assert any("Opmerkingen (" in c.value for c in at.caption)
    assert (
        (store / "wijknet.sqlite").read_bytes(),
        snapshot(store),
    ) == before  # the check changed no byte
    (tmp_path / "enquete.csv").write_text(survey, encoding="utf-8")
    import_files(store, [tmp_path / "enquete.csv"], wave="2026")
    # The same export re-saved with CRLF: recognised as imported before.
    at.file_uploader[0].set_value(
        [("enquete (2).csv", survey.replace("\n", "\r\n").encode(), "text/csv")]
    ).run()
    button(at, "import_check").click().run()
    assert not at.exception, at.exception
    assert any("al eerder geïmporteerd" in i.value for i in at.info)


def test_the_page_imports_a_named_sheet(store, tmp_path):
    """A workbook whose first sheet is an explanation: the page reads the sheet named under "Meer keuzes"
    (as ``wijknet import --sheet``) and notes the sheet it did not read."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Uitleg"
    book.active.append(["Deze map is fictief"])
    sheet = book.create_sheet("Actoren")
    for line in ACTORS.strip().splitlines():
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    at = signed_in(store)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].set_value([("actoren.xlsx", buffer.getvalue(), xlsx)]).run()
    at.text_input(key="import_sheet").set_value("Actoren").run()
    button(at, "import_check").click().run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "6 nieuwe actoren" in shown, shown
    notes = [df for df in tables(at) if "Uitleg" in df.to_csv()]
    assert notes, "the sheet not read is noted"
    button(at, "import_go").click().run()
    conn = connect(store)
    try:
        assert conn.execute("SELECT count(*) FROM actors").fetchone()[0] == 6
    finally:
        conn.close()
