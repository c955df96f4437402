"""``wijknet import --sheet`` and conflict messages that name the place of a conflict, never the answers."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import wijknet
from tests.conftest import ACTORS, write
from tests.store.helpers import run, snapshot
from wijknet.core.errors import DataError
from wijknet.store import import_files, preview_import

RESPONSES = "wijk,wave,actor_id,kpi3,active\nNoord,2025,z1,4,ja\nNoord,2025,z2,2,ja\n"


@pytest.fixture
def store(tmp_path):
    folder = tmp_path / "project"
    assert run("init", folder).exit_code == 0
    return folder


@pytest.fixture
def workbook(tmp_path):
    """A workbook whose first sheet is an explanation and whose second holds the actors."""
    path = tmp_path / "register.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"uitleg": ["Lijst van partijen, fictief"]}).to_excel(
            writer, sheet_name="Toelichting", index=False
        )
        pd.read_csv(io.StringIO(ACTORS)).to_excel(writer, sheet_name="Actoren", index=False)
    return path


def test_import_reads_the_named_sheet_and_notes_the_skipped_one(store, workbook):
    without = run("import", store, workbook)
    assert without.exit_code == 2  # the explanation sheet is no table wijknet knows
    result = run("import", store, workbook, "--sheet", "Actoren")
    assert result.exit_code == 0, result.output
    assert "6 actoren nieuw" in result.output
    assert "Toelichting" in result.output  # the skipped sheet with data reaches the import report
    assert len(wijknet.load_project(store).actors) == 6
    report = preview_import(store, [workbook], sheet="Actoren")
    assert report.files[0].status == "already"


def test_preview_with_a_sheet_shows_that_sheet(tmp_path, store, workbook):
    report = preview_import(store, [workbook], sheet="Actoren")
    assert report.ok, report.problems
    f = report.files[0]
    assert f.kind == "tidy-actors" and list(f.head["actor_id"])[:2] == ["z1", "z2"]
    assert any("Toelichting" in str(n) for n in f.notes)


def test_a_sheet_that_is_not_there_stops_with_its_name(store, workbook):
    before = snapshot(store)
    result = run("import", store, workbook, "--sheet", "Blad9")
    assert result.exit_code == 2 and "Blad9" in result.output and "Traceback" not in result.output
    assert snapshot(store) == before


def test_conflicts_name_actor_row_and_column_but_not_the_values(tmp_path, store):
    actors = write(tmp_path, "actors.csv", ACTORS)
    responses = write(tmp_path, "responses.csv", RESPONSES)
    assert run("import", store, actors, responses).exit_code == 0
    renamed = write(tmp_path, "actors2.csv", ACTORS.replace("Huisarts Fictief", "Dokter Verzonnen"))
    answered = write(
        tmp_path, "responses2.csv", RESPONSES.replace("Noord,2025,z1,4,ja", "Noord,2025,z1,1,ja")
    )
    with pytest.raises(DataError) as caught:
        import_files(store, [renamed, answered])
    messages = [str(p) for p in caught.value.problems]
    assert any("z1" in m and "actors2.csv" in m and "name" in m and "2" in m for m in messages), (
        messages
    )
    assert any("z1" in m and "responses2.csv" in m and "kpi3" in m for m in messages), messages
    for m in messages:
        assert "Dokter Verzonnen" not in m and "Huisarts Fictief" not in m
        assert "'4'" not in m and "'1'" not in m and "= " not in m
    cli = run("import", store, renamed, answered)
    assert cli.exit_code == 2 and "kpi3" in cli.output
    assert (
        "Dokter Verzonnen" not in cli.output
        and "Huisarts Fictief" not in cli.output
        and "'4'" not in cli.output
    )


def test_a_survey_workbook_is_read_from_the_named_sheet(tmp_path, store):
    """A LimeSurvey export saved as a workbook behind an explanation sheet: read with --sheet, the skipped sheet noted."""
    import csv

    from tests.ingest.exports import L_ROWS, limesurvey_text

    assert run("import", store, write(tmp_path, "actors.csv", ACTORS)).exit_code == 0
    path = tmp_path / "enquete.xlsx"
    rows = list(csv.reader(io.StringIO(limesurvey_text(L_ROWS))))
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"uitleg": ["Export van de enquête, fictief"]}).to_excel(
            writer, sheet_name="Toelichting", index=False
        )
        pd.DataFrame(rows).to_excel(writer, sheet_name="Antwoorden", header=False, index=False)
    result = run(
        "import", store, path, "--sheet", "Antwoorden", "--wave", "2026"
    )  # kind recognised from that sheet
    assert result.exit_code == 0, result.output
    assert "waarnemingen" in result.output and "Toelichting" in result.output
    assert len(wijknet.load_project(store).ties) > 0


def test_a_respondent_of_an_export_imported_with_allow_missing_can_be_linked(tmp_path, store):
    """The actor registry reads the stored export again as it was imported (here: without the referral question)."""
    import csv
    from pathlib import Path

    from wijknet.store.registry import confirm, proposals

    survey = (
        Path(__file__).resolve().parents[1] / "fixtures" / "surveys" / "qualtrics-noord-2026.csv"
    )
    rows = list(csv.reader(io.StringIO(survey.read_text(encoding="utf-8"))))
    keep = [i for i, name in enumerate(rows[0]) if not name.startswith("A_REF_")]
    rows = [[r[i] for i in keep] for r in rows]
    actor = rows[0].index("actor_id")
    lost = next(r for r in rows[3:] if r[actor] == "w1")
    lost[actor] = ""  # the invitation link without its id
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    export = write(tmp_path, "enquete.csv", out.getvalue())
    actors = write(tmp_path, "actors.csv", ACTORS)
    with pytest.raises(DataError, match="roster.referral"):
        import_files(store, [actors, export], wave="2026")
    import_files(store, [actors, export], wave="2026", allow_missing=["referral"])
    pid = int(proposals(store).query("what == 'respondent'")["pending_id"].iloc[0])
    assert confirm(store, pid, "w1") > 0
