"""Preview (dry run) of an import, and resolving respondents without an actor id (``pending``, ``what = respondent``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import ACTORS, TIES, write
from tests.store.helpers import run, snapshot
from wijknet.core.errors import DataError
from wijknet.store import connect, import_files, preview_import
from wijknet.store.registry import confirm, create_actor, pending_respondents, proposals

SURVEY = Path(__file__).resolve().parents[1] / "fixtures" / "surveys" / "qualtrics-noord-2026.csv"
ROW_W1 = "2025-03-01,0,R_3,1,w1,"  # the survey row of respondent w1 (spreadsheet row 6)


@pytest.fixture
def store(tmp_path) -> Path:
    folder = tmp_path / "project"
    assert run("init", folder, "--wave", "2025", "--wave", "2026").exit_code == 0
    write(tmp_path, "actors.csv", ACTORS)
    write(tmp_path, "ties.csv", TIES)
    return folder


def _bytes(folder: Path) -> str:
    return hashlib.sha256((folder / "wijknet.sqlite").read_bytes()).hexdigest()


def test_preview_reports_per_file_and_changes_no_byte(store, tmp_path):
    bad = write(tmp_path, "bad_ties.csv", TIES.replace("Zuid,2025,g1,w2", "Zuid,2025,g1,nobody"))
    before, state = _bytes(store), snapshot(store)
    report = preview_import(store, [tmp_path / "actors.csv", bad, tmp_path / "missing.csv"])
    assert _bytes(store) == before and snapshot(store) == state
    assert not (store / "raw").exists() or not any((store / "raw").iterdir())
    assert not report.ok and report.dry_run and report.import_id is None
    by_name = {f.name: f for f in report.files}
    assert (
        by_name["actors.csv"].kind == "tidy-actors"
        and by_name["actors.csv"].counts["actors_added"] == 6
    )
    assert list(by_name["actors.csv"].head.columns[:3]) == ["actor_id", "wijk", "domain"]
    assert (
        by_name["missing.csv"].kind == ""
        and "niet gevonden" in by_name["missing.csv"].problems[0].message
    )
    problem = by_name["bad_ties.csv"].problems[0]
    assert (problem.file, problem.row, problem.column) == (
        "bad_ties.csv",
        8,
        "target",
    ) and "nobody" in problem.message


def test_a_clean_preview_equals_the_import(store, tmp_path):
    paths = [tmp_path / "actors.csv", tmp_path / "ties.csv"]
    before = _bytes(store)
    preview = preview_import(store, paths)
    assert preview.ok and _bytes(store) == before
    done = import_files(store, paths)
    assert [(f.name, f.kind, f.counts) for f in preview.files] == [
        (f.name, f.kind, f.counts) for f in done.files
    ]
    again = preview_import(store, paths)
    assert again.ok and not again.changed and {f.status for f in again.files} == {"already"}


@pytest.fixture
def unidentified(store, tmp_path) -> Path:
    """The survey with respondent w1's actor id lost (the invitation link without its id)."""
    survey = SURVEY.read_text(encoding="utf-8")
    assert survey.count(ROW_W1) == 1
    write(tmp_path, "enquete.csv", survey.replace(ROW_W1, "2025-03-01,0,R_3,1,,"))
    import_files(store, [tmp_path / "actors.csv", tmp_path / "enquete.csv"], wave="2026")
    return store


def _rows(folder: Path, sql: str) -> list[tuple]:
    conn = connect(folder)
    try:
        return sorted(conn.execute(sql).fetchall())
    finally:
        conn.close()


OBS = "SELECT wijk, wave, source, target, tie_type, weight, kind, label, source_row, source_column FROM observations"
RESP = "SELECT wijk, wave, actor_id, kpi3, active, source_row FROM responses"


def test_only_unidentified_respondents_wait(unidentified):
    conn = connect(unidentified)
    try:
        waiting = pending_respondents(conn)
    finally:
        conn.close()
    assert list(waiting["pending_row"]) == [6] and list(waiting["actor_id"]) == [""]
    found = proposals(unidentified)
    respondent = found[found["what"] == "respondent"].iloc[0]
    assert (
        respondent["actor_id"] == "w1" and not respondent["accepted"]
    )  # organisation 'Welzijn Fictief'
    assert "z1" not in {
        c["actor_id"] for c in respondent["candidates"]
    }  # z1 already answered in 2026


def test_confirming_a_respondent_gives_the_same_store_as_an_export_with_the_id(
    unidentified, tmp_path
):
    pid = int(proposals(unidentified).query("what == 'respondent'")["pending_id"].iloc[0])
    n = confirm(unidentified, pid, "w1")
    reference = tmp_path / "reference"
    assert run("init", reference, "--wave", "2025", "--wave", "2026").exit_code == 0
    import_files(reference, [tmp_path / "actors.csv", SURVEY], wave="2026")
    assert n == 3
    assert _rows(unidentified, OBS) == _rows(reference, OBS)
    assert _rows(unidentified, RESP) == _rows(reference, RESP)
    assert _rows(unidentified, "SELECT what, source_row, source_column FROM pending") == _rows(
        reference, "SELECT what, source_row, source_column FROM pending"
    )
    import wijknet

    assert len(wijknet.load_project(unidentified).ties) == len(wijknet.load_project(reference).ties)


def test_bad_respondent_links_change_nothing(unidentified):
    pid = int(proposals(unidentified).query("what == 'respondent'")["pending_id"].iloc[0])
    before = snapshot(unidentified)
    for actor, message in (
        ("z1", "al een respons"),
        ("g1", "hoort bij wijk"),
        ("nobody", "bestaat niet"),
    ):
        with pytest.raises(DataError, match=message):
            confirm(unidentified, pid, actor)
        assert snapshot(unidentified) == before
    result = run("resolve", unidentified)  # automatic linking never takes a respondent
    assert result.exit_code == 0 and "wachten op een bevestiging" in result.output
    assert snapshot(unidentified) == before
    assert "respondent zonder actor-id, rij 6" in run("resolve", unidentified, "--unlock").output


def test_cli_confirms_a_respondent(unidentified):
    pid = int(proposals(unidentified).query("what == 'respondent'")["pending_id"].iloc[0])
    result = run("resolve", unidentified, "--confirm", pid, "w1")
    assert result.exit_code == 0, result.output
    assert f"Respondent #{pid} gekoppeld aan w1; 3 waarnemingen" in result.output
    assert pending_respondents(connect(unidentified)).empty


def test_a_respondent_can_become_a_new_actor(unidentified):
    pid = int(proposals(unidentified).query("what == 'respondent'")["pending_id"].iloc[0])
    actor_id, n = create_actor(unidentified, pid, "welzijn")
    assert n == 3
    actor = _rows(
        unidentified,
        f"SELECT wijk, domain, name, first_wave FROM actors WHERE actor_id = '{actor_id}'",
    )
    assert actor == [("Noord", "welzijn", "Welzijn Fictief", "2026")]
    assert _rows(
        unidentified, f"SELECT actor_id, kpi3 FROM responses WHERE actor_id = '{actor_id}'"
    )


def test_files_over_the_size_limit_are_refused_before_reading(store, tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKNET_MAX_FILE_MB", "0.0001")
    before = snapshot(store)
    report = preview_import(store, [tmp_path / "actors.csv"])
    assert not report.ok and "verwacht hoogstens 104 bytes" in report.files[0].problems[0].message
    with pytest.raises(DataError, match="hoogstens"):
        import_files(store, [tmp_path / "actors.csv"])
    assert snapshot(store) == before


def test_a_linked_respondent_is_recognised_when_a_later_export_has_the_id(unidentified, tmp_path):
    """The link keeps the response id: the export downloaded again (now with the actor id) adds nothing."""
    pid = int(proposals(unidentified).query("what == 'respondent'")["pending_id"].iloc[0])
    confirm(unidentified, pid, "w1")
    before = _rows(unidentified, OBS), _rows(unidentified, RESP)
    later = write(
        tmp_path,
        "enquete-later.csv",
        SURVEY.read_text(encoding="utf-8").replace("\n", "\r\n") + "\r\n",
    )
    report = import_files(unidentified, [later], wave="2026")
    counts = report.files[0].counts
    assert (
        counts["observations"] == 0
        and counts.get("answers_new", 0) == 0
        and counts["responses_same"] >= 1
    )
    assert (_rows(unidentified, OBS), _rows(unidentified, RESP)) == before
