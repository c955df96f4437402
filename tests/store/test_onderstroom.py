"""The onderstroom in the project store: ratings, per-wave attributes, interview themes and the ladder.

One fictional Qualtrics export of wijk Noord (roster 1 z1, 2 z2, 3 w1, 4 i1; tests/conftest.py) and one
fictional coding sheet, imported into a store; every expected value below is counted by hand.
"""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import ACTORS, write
from wijknet.datasets.demo_raw import qualtrics_text
from wijknet.store import connect, import_files, init_store
from wijknet.store.forget import forget_actor
from wijknet.store.load import load_store_project
from wijknet.store.registry import confirm, proposals
from wijknet.store.schema import MIGRATIONS, SCHEMA_VERSION, V5

# z1 about z2 (position 2): intensity 3, referral naar (samenwerking + verwijzing: one rating), trust 4/3/weet niet.
# z1 about w1 (position 3): knows, intensity weet niet (99), no items: a row of NaN.
# z1 about herself (position 1): ignored by the instrument.
# z1 writes in "Buurtkamer Fictief" (not on the roster) with intensity 4 and trust_open 2.
# w1 about z1 (position 1): intensity 2, value_power 1, referral beide (three ties: one rating).
# i1 (resident): ladder 4 (coproduceren), about w1: intensity 1 (kennen), trust_reliability 2.
Z1 = {"actor_id": "z1", "wijk": "Noord", "R_ORG": "Praktijk Fictief", "R_ROLE": "praktijkondersteuner",
      "R_DOMAIN": "1", "R_PWT": "2", "R_KERN_1": "1", "R_KERN_4": "1",
      "A_KNOW_1": "1", "A_FREQ_1": "5", "A_INT_1": "4",
      "A_KNOW_2": "1", "A_FREQ_2": "4", "A_INT_2": "3", "A_REF_2": "1", "A_TROPEN_2": "4", "A_TRREL_2": "3",
      "A_TRMIS_2": "99",
      "A_KNOW_3": "1", "A_FREQ_3": "2", "A_INT_3": "99",
      "W_NAME_1": "Buurtkamer Fictief", "W_FREQ_1": "3", "W_INT_1": "4", "W_TROPEN_1": "2",
      "P_ACTIVE": "1", "P_KPI3": "4"}  # fmt: skip
W1 = {"actor_id": "w1", "wijk": "Noord", "R_ORG": "Welzijn Fictief", "R_DOMAIN": "2", "R_PWT": "1",
      "A_KNOW_1": "1", "A_FREQ_1": "5", "A_INT_1": "2", "A_REF_1": "3", "A_VALPOW_1": "1",
      "P_ACTIVE": "1", "P_KPI3": "3"}  # fmt: skip
I1 = {"actor_id": "i1", "wijk": "Noord", "R_DOMAIN": "9",
      "A_KNOW_3": "1", "A_FREQ_3": "2", "A_INT_3": "1", "A_TRREL_3": "2",
      "P_ACTIVE": "2", "P_KPI3": "3", "P_LADDER": "4"}  # fmt: skip
SHEET = (
    "interview_id,interviewee,segment,codes,segment_id\n"
    'g1,z1,"De coach en ik zien elkaar te weinig.","actor: w1; relatie: drempel; thema: Vertrouwen",s1\n'
    'g1,z1,"Het buurthuis is ver weg.","Thema\\Bereikbaarheid; thema: vertrouwen",s2\n'
    'g1,z1,"Met de wijkverpleging gaat het goed.","actor: z2; relatie: werkt samen met",s3\n'
)
NAN = math.nan


@pytest.fixture
def store(tmp_path) -> Path:
    folder = tmp_path / "project"
    init_store(folder)
    import_files(folder, [write(tmp_path, "actors.csv", ACTORS)])
    export = write(tmp_path, "export.csv", qualtrics_text([Z1, W1, I1]))
    import_files(folder, [export], wave="2026")
    import_files(folder, [write(tmp_path, "codering.csv", SHEET)], wave="2026")
    return folder


def _rating(project, rater, rated):
    r = project.ratings
    rows = r[(r["rater"] == rater) & (r["rated"] == rated)]
    assert len(rows) == 1, (rater, rated, len(rows))
    return rows.iloc[0]


def _same(a, b) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


def test_the_migration_to_version_5_adds_the_two_tables(tmp_path):
    assert MIGRATIONS[4] == V5  # later versions come after it
    folder = tmp_path / "p"
    init_store(folder)
    conn = connect(folder)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"actor_waves", "themes"} <= tables
    # A version 4 store (V1-V4 only) is brought to version 5 when opened.
    old_folder = tmp_path / "old"
    old_folder.mkdir()
    old = sqlite3.connect(old_folder / "wijknet.sqlite", isolation_level=None)
    for script in MIGRATIONS[:4]:
        for statement in filter(str.strip, script.split(";")):
            old.execute(statement)
    old.execute("PRAGMA user_version = 4")
    old.close()
    conn = connect(old_folder)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    columns = [r[1] for r in conn.execute("PRAGMA table_info(themes)")]
    conn.close()
    assert version == SCHEMA_VERSION and "segment_id" in columns and "interviewee" in columns


def test_ratings_one_row_per_answer_with_weet_niet_and_missing_items_as_nan(store):
    project = load_store_project(store)
    # Hand count: z1 -> z2, z1 -> w1, w1 -> z1, i1 -> w1 (z1's answer about herself is ignored; the write-in waits).
    assert sorted(zip(project.ratings["rater"], project.ratings["rated"])) == [
        ("i1", "w1"), ("w1", "z1"), ("z1", "w1"), ("z1", "z2")]  # fmt: skip
    zz = _rating(project, "z1", "z2")  # samenwerking and verwijzing: one rating
    expected = {"intensity": 3.0, "trust_open": 4.0, "trust_reliability": 3.0, "trust_mission": NAN,
                "value_power": NAN, "value_involvement": NAN, "value_resources": NAN}  # fmt: skip
    assert all(_same(zz[k], v) for k, v in expected.items())
    zw = _rating(project, "z1", "w1")  # intensity "weet niet", nothing else answered
    assert all(math.isnan(zw[k]) for k in expected)
    wz = _rating(project, "w1", "z1")  # referral beide: three ties, one rating
    assert wz["intensity"] == 2.0 and wz["value_power"] == 1.0 and math.isnan(wz["trust_open"])
    assert _rating(project, "i1", "w1")["trust_reliability"] == 2.0
    assert set(project.ratings["wave"]) == {"2026"} and set(project.ratings["wijk"]) == {"Noord"}


def test_a_resolved_write_in_becomes_a_rating_once(store, tmp_path):
    # z1 wrote in "Buurtkamer Fictief"; linked to i1 (the bewonersgroep) it is z1's rating of i1.
    pending = proposals(store)
    pid = int(pending.loc[pending["what"] == "write_in", "pending_id"].iloc[0])
    confirm(store, pid, "i1")
    row = _rating(load_store_project(store), "z1", "i1")
    assert (
        row["intensity"] == 4.0
        and row["trust_open"] == 2.0
        and math.isnan(row["trust_reliability"])
    )


def test_a_write_in_of_a_partner_on_the_roster_is_merged_item_by_item(store):
    # Linked to z2, whom z1 also rated on the roster: still one rating, roster answers first.
    pending = proposals(store)
    pid = int(pending.loc[pending["what"] == "write_in", "pending_id"].iloc[0])
    confirm(store, pid, "z2")
    row = _rating(load_store_project(store), "z1", "z2")
    assert row["intensity"] == 3.0 and row["trust_open"] == 4.0 and row["trust_reliability"] == 3.0


def test_respondent_block_answers_are_kept_per_wave(store):
    project = load_store_project(store)
    waves = project.actor_waves.set_index("actor_id")
    # z1: PWT 2 (nee), kernaanpakken 1 and 4, role and organisation as answered; i1 answered none of them.
    assert waves.loc["z1", "pluswijkteam"] == "nee"
    assert waves.loc["z1", "kernaanpakken"] == "Doorbraakmethode;PlusPraktijken"
    assert (
        waves.loc["z1", "role"] == "praktijkondersteuner"
        and waves.loc["z1", "organisation"] == "Praktijk Fictief"
    )
    assert waves.loc["w1", "pluswijkteam"] == "ja" and "i1" not in waves.index
    # actors.csv says z1 is in the PlusWIJkteam; in 2026 she answered no: the wave's value counts.
    in_2026 = project.present("Noord", "2026").set_index("actor_id")
    own = project.actors.set_index("actor_id")
    assert bool(own.loc["z1", "pluswijkteam"]) and not bool(in_2026.loc["z1", "pluswijkteam"])
    assert in_2026.loc["z1", "role_group"] != own.loc["z1", "role_group"]
    assert project.graph("Noord", "2026").nodes["z1"]["pluswijkteam"] is False


def test_participation_level_reaches_the_store_responses(store):
    responses = load_store_project(store).responses.set_index("actor_id")
    assert responses.loc["i1", "participation_level"] == "coproduceren"
    assert responses.loc["z1", "participation_level"] == ""


def test_theme_codes_are_kept_with_segment_quote_actors_and_signals(store):
    themes = load_store_project(store).themes
    # Hand count: s1 vertrouwen (mentions w1, drempel signal); s2 bereikbaarheid and vertrouwen (no actor).
    assert sorted(zip(themes["segment_id"], themes["theme"])) == [
        ("s1", "vertrouwen"), ("s2", "bereikbaarheid"), ("s2", "vertrouwen")]  # fmt: skip
    s1 = themes[themes["segment_id"] == "s1"].iloc[0]
    assert (
        s1["actors"] == "w1" and s1["signals"] == "drempel" and s1["quote"].startswith("De coach")
    )
    assert set(themes.loc[themes["segment_id"] == "s2", "signals"]) == {""}
    assert set(themes["interview_id"]) == {"g1"} and set(themes["wave"]) == {"2026"}


def test_tidy_actor_waves_and_themes_files(tmp_path):
    folder = tmp_path / "p"
    init_store(folder)
    waves = write(
        tmp_path,
        "actor_waves.csv",
        "wijk,wave,actor_id,pluswijkteam,kernaanpakken\nNoord,2026,z2,ja,PlusPraktijken\n",
    )
    themes = write(
        tmp_path,
        "themes.csv",
        "wijk,wave,interview_id,theme,actors\nNoord,2026,g9,wachtlijsten,z1;w1\n",
    )
    ties = write(tmp_path, "ties.csv", "wijk,wave,source,target\nNoord,2026,z1,z2\n")
    report = import_files(folder, [write(tmp_path, "actors.csv", ACTORS), waves, themes, ties])
    assert [f.kind for f in report.files] == [
        "tidy-actors",
        "tidy-actor-waves",
        "tidy-ties",
        "tidy-themes",
    ]
    project = load_store_project(folder)
    assert bool(project.present("Noord", "2026").set_index("actor_id").loc["z2", "pluswijkteam"])
    assert project.themes[["theme", "actors"]].values.tolist() == [["wachtlijsten", "z1;w1"]]
    # Another value for the same actor and wave is a conflict unless --update.
    other = write(
        tmp_path, "actor_waves2.csv", "wijk,wave,actor_id,pluswijkteam\nNoord,2026,z2,nee\n"
    )
    with pytest.raises(Exception, match="pluswijkteam"):
        import_files(folder, [other])
    import_files(folder, [other], update=True)
    assert load_store_project(folder).actor_waves["pluswijkteam"].tolist() == ["nee"]


def test_forget_removes_the_per_wave_attributes_and_the_interviewees_themes(store):
    forget_actor(store, "z1")
    project = load_store_project(store)
    assert "z1" not in set(project.actor_waves["actor_id"])
    assert project.themes.empty  # every segment was z1's interview
    assert "z1" not in set(project.ratings["rater"]) | set(project.ratings["rated"])


def test_a_respondent_linked_later_keeps_the_respondent_block(tmp_path):
    from tests.store.test_preview_and_respondents import ROW_W1, SURVEY

    folder = tmp_path / "p"
    init_store(folder)
    actors = write(tmp_path, "actors.csv", ACTORS)
    survey = SURVEY.read_text(encoding="utf-8").replace(ROW_W1, "2025-03-01,0,R_3,1,,")
    import_files(folder, [actors, write(tmp_path, "enquete.csv", survey)], wave="2026")
    assert "w1" not in set(load_store_project(folder).actor_waves["actor_id"])
    found = proposals(folder)
    confirm(folder, int(found.loc[found["what"] == "respondent", "pending_id"].iloc[0]), "w1")
    reference = tmp_path / "reference"
    init_store(reference)
    import_files(reference, [actors, SURVEY], wave="2026")
    assert load_store_project(folder).actor_waves.equals(load_store_project(reference).actor_waves)


def test_a_tidy_ratings_file_is_imported_and_merged_with_the_survey(store, tmp_path):
    # z2 did not answer the survey: her ratings come from a tidy file; z1's rating of z2 is in both.
    content = (
        "wijk,wave,rater,rated,intensity,trust_open,trust_mission\n"
        "Noord,2026,z2,z1,4,3,weet niet\nNoord,2026,z1,z2,3,4,2\n"
    )
    report = import_files(store, [write(tmp_path, "ratings.csv", content)])
    assert report.files[0].kind == "tidy-ratings" and report.files[0].counts["ratings_added"] == 2
    project = load_store_project(store)
    z2z1 = _rating(project, "z2", "z1")
    assert (
        z2z1["intensity"] == 4.0 and z2z1["trust_open"] == 3.0 and math.isnan(z2z1["trust_mission"])
    )
    # The survey answer first; the file fills only the item the survey left empty ("weet niet").
    z1z2 = _rating(project, "z1", "z2")
    assert z1z2["trust_open"] == 4.0 and z1z2["trust_mission"] == 2.0
    changed = write(tmp_path, "ratings2.csv", content.replace("4,3,weet niet", "4,1,weet niet"))
    with pytest.raises(Exception, match="trust_open"):
        import_files(store, [changed])
    forget_actor(store, "z2")
    assert "z2" not in set(load_store_project(store).ratings["rater"])


@pytest.mark.parametrize(("header", "kind"), [
    ("wijk,wave,actor_id,pluswijkteam", "tidy-actor-waves"),
    ("wijk,wave,actor_id,role,organisation", "tidy-actor-waves"),
    ("wijk,wave,actor_id,kpi3,active", "responses"),
    ("wijk,wave,actor_id", "responses"),
    ("wijk,wave,actor_id,kpi3,role", "responses"),  # a response item: a responses table with an extra column
    ("wijk,wave,rater,rated,trust_open", "tidy-ratings"),
    ("wijk,wave,interview_id,theme,quote", "tidy-themes"),
    ("interview_id,interviewee,segment,codes", "interviews"),
])  # fmt: skip
def test_the_new_tidy_kinds_are_recognised(tmp_path, header, kind):
    from wijknet.store.kinds import recognise

    assert (
        recognise(
            write(tmp_path, "t.csv", header + "\n" + ",".join("x" * len(header.split(","))) + "\n")
        )
        == kind
    )
