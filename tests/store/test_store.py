"""The project store through the command line: init, import, status, analyse, and what a failed import leaves."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import wijknet
from tests.conftest import ACTORS, TIES, write
from tests.store.helpers import run, snapshot
from wijknet.core.errors import DataError
from wijknet.store import connect, import_files, init_store
from wijknet.store.kinds import recognise

RESPONSES = "wijk,wave,actor_id,kpi3,active\nNoord,2025,z1,4,ja\nNoord,2025,z2,2,ja\nZuid,2025,g1,weet niet,nee\n"


@pytest.fixture
def files(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "actors.csv", ACTORS)
    write(folder, "ties.csv", TIES)
    write(folder, "responses.csv", RESPONSES)
    return folder


@pytest.fixture
def store(tmp_path) -> Path:
    folder = tmp_path / "project"
    assert run("init", folder, "--title", "Testproject").exit_code == 0
    return folder


def test_init_creates_a_project_and_refuses_a_foreign_folder(tmp_path, store):
    assert (
        (store / "wijknet.yaml").exists()
        and (store / "wijknet.sqlite").exists()
        and (store / "raw").is_dir()
    )
    assert "title: Testproject" in (store / "wijknet.yaml").read_text(encoding="utf-8")
    again = run("init", store)
    assert again.exit_code == 0 and "al een wijknet-project" in again.output
    other = tmp_path / "other"
    other.mkdir()
    write(other, "notes.txt", "x")
    result = run("init", other)
    assert result.exit_code == 2 and "niet leeg" in result.output
    assert sorted(p.name for p in other.iterdir()) == ["notes.txt"]
    conn = connect(store)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    conn.close()


def test_import_status_and_idempotent_reimport(store, files):
    result = run("import", store, files / "ties.csv", files / "actors.csv", files / "responses.csv")
    assert result.exit_code == 0, result.output
    assert "6 actoren nieuw" in result.output and "7 waarnemingen" in result.output
    raw = sorted(p.name for p in (store / "raw").iterdir())
    assert len(raw) == 3 and all(name.endswith(".csv") for name in raw)
    # the raw copies are byte-identical and named by their hash
    import hashlib

    digest = hashlib.sha256((files / "ties.csv").read_bytes()).hexdigest()
    assert (store / "raw" / f"{digest}.csv").read_bytes() == (files / "ties.csv").read_bytes()

    before = snapshot(store)
    again = run("import", store, files / "ties.csv", files / "actors.csv")
    assert again.exit_code == 0 and again.output.count("al geïmporteerd") == 2
    assert snapshot(store) == before

    status = run("status", store)
    assert status.exit_code == 0, status.output
    for word in (
        "Testproject",
        "tidy-ties",
        "Noord",
        "Zuid",
        "relaties (confirmed)",
        "respons",
        "50%",
    ):
        assert word in status.output
    assert "actors.csv" not in status.output  # file names may name people: only with --unlock
    assert "actors.csv" in run("status", store, "--unlock").output
    english = run("--lang", "en", "status", store)
    assert "Imported files" in english.output and "response rate" in english.output


def test_store_loads_like_the_tidy_folder(store, files):
    import_files(store, [files / "actors.csv", files / "ties.csv", files / "responses.csv"])
    tidy = wijknet.load_project(files)
    project = wijknet.load_project(store)
    assert project.evidence_rule == "all" and project.store_path == store
    cols = ["wijk", "wave", "source", "target", "tie_type", "weight"]
    key = cols[:5]
    pd.testing.assert_frame_equal(
        project.ties[cols].sort_values(key).reset_index(drop=True),
        tidy.ties[cols].sort_values(key).reset_index(drop=True),
    )
    pd.testing.assert_frame_equal(project.actors[tidy.actors.columns], tidy.actors)
    assert project.responses["kpi3"].tolist()[:2] == [4.0, 2.0]
    # evidence of one tie: the observation and the reverse report, with file and row
    ev = project.evidence("Noord", "2025", "z1", "z2")
    assert set(ev["direction"]) == {"tie", "reverse"}
    tie = ev[ev["direction"] == "tie"].iloc[0]
    assert (tie["kind"], tie["source_file"], tie["source_row"], tie["label"]) == (
        "survey",
        "ties.csv",
        2,
        "enquête",
    )
    # rules: tidy labels enquête -> survey, gesprek -> interview
    assert len(wijknet.load_project(store, evidence_rule="survey").ties) == 5
    confirmed = wijknet.load_project(store, evidence_rule="confirmed").ties
    assert set(zip(confirmed["wave"], confirmed["source"], confirmed["target"])) == {
        ("2025", "z1", "z2"),
        ("2025", "z2", "z1"),
        ("2026", "z1", "w1"),
    }  # survey + interview
    # the rule from wijknet.yaml
    cfg = store / "wijknet.yaml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace("evidence_rule: all", "evidence_rule: survey"),
        encoding="utf-8",
    )
    assert wijknet.load_project(store).evidence_rule == "survey"
    with pytest.raises(DataError, match="bewijsregel"):
        wijknet.load_project(store, evidence_rule="majority")


def test_failed_import_leaves_the_store_unchanged(store, files, tmp_path):
    import_files(store, [files / "actors.csv"])
    before = snapshot(store)
    bad = write(
        tmp_path, "ties2.csv", "wijk,wave,source,target\nNoord,2025,z1,z2\nNoord,2025,z1,nobody\n"
    )
    result = run("import", store, files / "ties.csv", bad, files / "responses.csv")
    assert result.exit_code == 2
    assert "ties2.csv, rij 3, kolom 'target'" in result.output and "nobody" in result.output
    assert "niets geschreven of veranderd" in result.output
    assert snapshot(store) == before
    # an unknown file kind also stops everything, before anything is read
    odd = write(tmp_path, "odd.csv", "a,b\n1,2\n")
    assert run("import", store, files / "ties.csv", odd).exit_code == 2
    assert snapshot(store) == before


def test_error_in_the_second_of_two_files_rolls_back_the_first(store, files, tmp_path):
    before = snapshot(store)
    bad_actors = write(
        tmp_path, "more_actors.csv", "actor_id,wijk,domain\nn9,Noord,zorg\nn9,Noord,welzijn\n"
    )
    result = run("import", store, files / "actors.csv", bad_actors)
    assert result.exit_code == 2 and "more_actors.csv, rij 3, kolom 'actor_id'" in result.output
    assert snapshot(store) == before


def test_changed_actor_is_a_problem_unless_update(store, files, tmp_path):
    import_files(store, [files / "actors.csv"])
    changed = write(
        tmp_path,
        "actors_v2.csv",
        "actor_id,wijk,domain,role\nz1,Noord,zorg,praktijkondersteuner\nz9,Noord,wonen,\n",
    )
    before = snapshot(store)
    result = run("import", store, changed)
    assert result.exit_code == 2
    assert "actors_v2.csv, rij 2, kolom 'role'" in result.output and "--update" in result.output
    assert snapshot(store) == before
    result = run("import", store, changed, "--update")
    assert result.exit_code == 0, result.output
    assert "1 actoren bijgewerkt" in result.output and "1 actoren nieuw" in result.output
    conn = connect(store)
    assert conn.execute("SELECT role, name FROM actors WHERE actor_id = 'z1'").fetchone() == (
        "praktijkondersteuner",
        "Huisarts Fictief",
    )
    old = json.loads(
        conn.execute("SELECT old_values FROM actor_history WHERE actor_id = 'z1'").fetchone()[0]
    )
    assert old["role"] == "huisarts"
    conn.close()
    # the same values again (columns not given are not compared): nothing to update
    same = write(tmp_path, "actors_v3.csv", "actor_id,wijk,domain\nz1,Noord,zorg\n")
    assert "1 actoren ongewijzigd" in run("import", store, same).output


def test_changed_response_is_a_problem(store, files, tmp_path):
    import_files(store, [files / "actors.csv", files / "responses.csv"])
    other = write(tmp_path, "responses_v2.csv", "wijk,wave,actor_id,kpi3\nNoord,2025,z1,5\n")
    with pytest.raises(DataError, match="kpi3"):
        import_files(store, [other])
    import_files(store, [other], update=True)
    assert wijknet.load_project(store).responses.set_index("actor_id").loc["z1", "kpi3"] == 5.0


def test_wave_option_fills_a_missing_wave_and_configured_waves_are_checked(tmp_path, files):
    store = tmp_path / "p"
    init_store(store, waves=["2025", "2026"])
    import_files(store, [files / "actors.csv"])
    no_wave = write(tmp_path, "ties_2026.csv", "wijk;source;target\nNoord;z2;w1\n")
    with pytest.raises(DataError):
        import_files(store, [no_wave])  # no wave column and no --wave: not recognised as ties
    import_files(store, [no_wave], wave="2026")
    assert wijknet.load_project(store).ties[["wave", "source"]].values.tolist() == [["2026", "z2"]]
    late = write(tmp_path, "ties_2027.csv", "wijk,wave,source,target\nNoord,2027,z1,w1\n")
    with pytest.raises(DataError, match="waves"):
        import_files(store, [late])


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.csv", ACTORS, "tidy-actors"),
        ("t.csv", TIES, "tidy-ties"),
        ("r.csv", RESPONSES, "responses"),
        ("a.xlsx", None, "tidy-actors"),
        (
            "g.xml",
            '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"></graphml>',
            "graphml",
        ),
        ("g.gexf", "<gexf/>", "gexf"),
        (
            "q.csv",
            (
                "StartDate,EndDate,ResponseId,A_KNOW_1\nStart Date,End Date,Response ID,x\n"
                '{"ImportId":"startDate"},{"ImportId":"endDate"},{"ImportId":"_recordId"},{"ImportId":"QID1"}\n'
            ),
            "qualtrics",
        ),
        (
            "l.csv",
            "id,submitdate,lastpage,startlanguage,AKNOW[SQ001]\n1,2026-01-01,3,nl,Y\n",
            "limesurvey",
        ),
    ],
)
def test_kinds_are_recognised(tmp_path, name, content, kind):
    path = tmp_path / name
    if content is None:
        pd.DataFrame({"Actor ID": ["z1"], "Wijk": ["Noord"], "Domain": ["zorg"]}).to_excel(
            path, index=False
        )
    else:
        path.write_text(content, encoding="utf-8")
    assert recognise(path) == kind


def test_messy_dutch_spreadsheets_import(store, tmp_path):
    actors = (
        "\ufeffActor ID;Wijk;Domain;Naam;Organisation\nb1;Hoensbroek-Noord;welzijn;Coach Fictief;Welzijn Fictief\n"
        "b2;Hoensbroek-Noord;zorg;Praktijk Fictief;Gezondheidscentrum Fictief\n"
    )
    write(tmp_path, "actoren.csv", actors, encoding="utf-8")
    ties = (
        "wijk;wave;source;target;tie_type;weight;evidence\nHoensbroek-Noord;2025;b1;b2;samenwerking;2,5;enquête\n"
        "Hoensbroek-Noord;2025;b2;b1;overleg;1;participatiegesprek café\n"
    )
    write(tmp_path, "relaties.csv", ties, encoding="cp1252")
    result = run("import", store, tmp_path / "actoren.csv", tmp_path / "relaties.csv")
    assert result.exit_code == 0, result.output
    project = wijknet.load_project(store)
    assert project.actors.set_index("actor_id").loc["b1", "naam"] == "Coach Fictief"
    assert project.ties.set_index("source").loc["b1", "weight"] == 2.5
    ev = project.evidence("Hoensbroek-Noord", "2025", "b2", "b1")
    assert ev.set_index("direction").loc["tie", "kind"] == "interview"
    assert ev.set_index("direction").loc["tie", "label"] == "participatiegesprek café"


def test_interview_quotes_and_explicit_evidence_kinds(store, files, tmp_path):
    import_files(store, [files / "actors.csv"])
    segs = write(tmp_path, "segments.csv", "wijk,wave,source,target,evidence_kind,quote,segment_id\n"
                 "Noord,2025,z1,i1,interview,\"we zien elkaar in het buurthuis\",G3-S12\n")  # fmt: skip
    import_files(store, [segs])
    ev = wijknet.load_project(store).evidence("Noord", "2025", "z1", "i1").iloc[0]
    assert (ev["kind"], ev["quote"], ev["segment_id"], ev["source_row"]) == (
        "interview",
        "we zien elkaar in het buurthuis",
        "G3-S12",
        2,
    )
    bad = write(
        tmp_path, "bad.csv", "wijk,wave,source,target,evidence_kind\nNoord,2025,z2,i1,gerucht\n"
    )
    with pytest.raises(DataError, match="bewijssoort"):
        import_files(store, [bad])


def test_analyse_on_a_store_of_the_demo_equals_the_tidy_folder(tmp_path):
    from wijknet.datasets.demo import write_demo

    demo = write_demo(tmp_path / "demo")
    store = tmp_path / "store"
    assert run("init", store).exit_code == 0
    result = run("import", store, demo / "actors.csv", demo / "ties.csv", demo / "responses.csv")
    assert result.exit_code == 0, result.output
    # the programme office's tables (issue 15): the KPI correction changes kpi3.csv
    result = run("import", store, demo / "wijken.csv", demo / "kpi_corrections.csv")
    assert result.exit_code == 0, result.output
    for folder, out in ((demo, tmp_path / "out_tidy"), (store, tmp_path / "out_store")):
        result = run("analyse", folder, "--out", out, "--permutations", "20")
        assert result.exit_code == 0, result.output
    assert (tmp_path / "out_tidy" / "network_metrics.csv").read_bytes() == (
        tmp_path / "out_store" / "network_metrics.csv"
    ).read_bytes()
    assert (tmp_path / "out_tidy" / "kpi3.csv").read_bytes() == (
        tmp_path / "out_store" / "kpi3.csv"
    ).read_bytes()


def test_app_accepts_a_store(store, files, monkeypatch):
    import_files(store, [files / "actors.csv", files / "ties.csv"])
    calls = []
    # Stop short of starting the server: record the project the app would open.
    monkeypatch.setattr(
        "wijknet.webapp.run",
        lambda port, *, address, open_browser, env: calls.append(env["WIJKNET_PROJECT"]) or 0,
    )
    result = run("app", store, "--no-browser")
    assert result.exit_code == 0, result.output
    assert calls == [str(store.resolve())]


def test_empty_store_says_what_to_do(store):
    result = run("analyse", store, "--out", store / "out")
    assert result.exit_code == 2 and "wijknet import" in result.output
    assert "Nog geen bestanden" in run("status", store).output


def test_survey_exports_through_the_survey_importers(store, files):
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "surveys"
    import_files(store, [files / "actors.csv"])
    before = snapshot(store)
    result = run("import", store, fixtures / "qualtrics-noord-2026.csv")
    assert result.exit_code == 2 and "--wave" in result.output
    assert snapshot(store) == before
    result = run("import", store, fixtures / "qualtrics-noord-2026.csv", "--wave", "2026")
    assert result.exit_code == 0, result.output
    assert "qualtrics" in result.output and "opmerking" in result.output
    conn = connect(store)
    kinds = dict(conn.execute("SELECT kind, COUNT(*) FROM observations GROUP BY kind").fetchall())
    provenance = conn.execute(
        "SELECT source_file, source_row, source_column FROM observations LIMIT 1"
    ).fetchone()
    pending = dict(conn.execute("SELECT what, COUNT(*) FROM pending GROUP BY what").fetchall())
    conn.close()
    assert (
        kinds.get("survey", 0) > 0
        and provenance[0] == "qualtrics-noord-2026.csv"
        and provenance[1] >= 4
    )
    assert provenance[2]  # the export column
    assert pending.get("write_in", 0) >= 1
    assert "Wachten op het actorregister" in run("status", store).output
