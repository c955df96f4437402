"""Google Forms and Microsoft Forms exports (tests/fixtures/forms): read through the instrument, never silent."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import write
from tests.fuzz import examples
from tests.ingest.exports import project_folder
from wijknet import DataError
from wijknet.ingest import import_google_forms, import_microsoft_forms, import_survey
from wijknet.ingest.forms import heading_parts

FORMS = Path(__file__).resolve().parents[1] / "fixtures" / "forms"


@pytest.fixture
def project_dir(tmp_path):
    return project_folder(tmp_path / "project")


def ties_of(batch):
    return set(zip(batch.ties["source"], batch.ties["target"], batch.ties["tie_type"]))


@pytest.mark.parametrize(("heading", "parts"), [
    ("AFREQ. Hoe vaak hebt u contact? [3. Coach Fictief]", ("AFREQ", "3")),
    ("AKNOW Kent u? [12] Iemand", ("AKNOW", "12")),
    ("AKNOW[SQ002] Kent u?", ("AKNOW", "2")),
    ("WNAME_2", ("WNAME", "2")),
    ("PKPI3. Ik werk [meer] samen", ("PKPI3", None)),
    ("Tijdstempel", ("Tijdstempel", None)),
    ("3. Vraag zonder code", None),
    ("", None),
])  # fmt: skip
def test_heading_parts(heading, parts):
    assert heading_parts(heading) == parts


def test_google_forms_fixture(project_dir):
    batch = import_google_forms(FORMS / "google-forms-noord-2026.csv", project_dir, wave="2026")
    assert ties_of(batch) == {("z2", "z1", "samenwerking"), ("z1", "z2", "verwijzing"), ("z2", "w1", "samenwerking"),
                              ("i1", "z1", "samenwerking"), ("i1", "z2", "kennen"), ("i1", "w1", "samenwerking"),
                              ("i1", "w1", "verwijzing")}  # fmt: skip
    tie = batch.ties.set_index(["source", "target", "tie_type"]).loc[("i1", "w1", "samenwerking")]
    assert (tie.frequency, tie.intensity, tie.source_row) == (
        "5",
        "4",
        "3",
    )  # "Integratie: ..., middelen ..." is one answer
    respondents = batch.respondents.set_index("actor_id")
    assert (
        respondents.loc["z2", "kernaanpakken"] == "Welzijn op Recept;Kernteam Ouderen"
    )  # Google joins with ", "
    assert respondents.loc["z2", "response_id"] == "2-3-2026 10:04:51"
    assert list(batch.responses["kpi3"]) == ["4", "5"]
    assert list(batch.write_ins["name"]) == ["Buurtkamer Fictief"]
    # The e-mail column is not read, and said so; nothing else is left over.
    # (the optional questions the form left out are listed in one note of their own)
    assert [(p.column, p.row) for p in batch.problems if p.column] == [("E-mailadres", None)]
    assert [p for p in batch.problems if not p.column and "staan niet in de export" in p.message]


def test_microsoft_forms_fixture(project_dir):
    batch = import_microsoft_forms(
        FORMS / "microsoft-forms-noord-2026.xlsx", project_dir, wave="2026"
    )
    assert ties_of(batch) == {("w1", "z1", "samenwerking"), ("w1", "z1", "verwijzing"), ("z1", "z2", "kennen"),
                              ("z1", "w1", "samenwerking"), ("z1", "w1", "verwijzing")}  # fmt: skip
    both = batch.ties.set_index(["source", "target", "tie_type"]).loc[("w1", "z1", "verwijzing")]
    assert both.reporter == "w1;z1"  # reported by both sides: one row listing both reports
    respondents = batch.respondents.set_index("actor_id")
    assert (
        respondents.loc["w1", "kernaanpakken"] == "Welzijn op Recept;Kernteam Ouderen"
    )  # ";" with a trailing ";"
    assert (respondents.loc["w1", "response_id"], respondents.loc["w1", "finished"]) == (
        "1",
        "3/2/26 10:04:51",
    )
    assert {p.column for p in batch.problems if p.column} == {
        "Start time",
        "Email",
        "Name",
        "Last modified time",
    }
    assert import_survey(FORMS / "microsoft-forms-noord-2026.xlsx", "microsoft-forms", project_dir,
                         wave="2026").ties.equals(batch.ties)  # fmt: skip


def _google(tmp_path, header, *rows, name="form.csv"):
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return write(tmp_path, name, out.getvalue())


def test_renamed_question_stops_with_unknown_and_missing(tmp_path, project_dir):
    path = _google(tmp_path, ["Tijdstempel", "ACTORID", "AKNOW [2]", "FREQ. Hoe vaak? [2]", "AINT [2]", "AREF [2]",
                              "PKPI3", "PACTIVE"], ["1-3-2026 9:00:00", "z1", "Ja", "Maandelijks", "", "", "4", "Ja"])  # fmt: skip
    with pytest.raises(DataError) as exc:
        import_google_forms(path, project_dir, wave="2026")
    first = exc.value.problems[0]
    assert "frequency" in first.message and "FREQ. Hoe vaak? [2]" in first.message
    assert [p.column for p in exc.value.problems[1:]] == ["FREQ. Hoe vaak? [2]"]


def test_unknown_answer_and_position_name_row_and_column(tmp_path, project_dir):
    path = _google(tmp_path, ["Tijdstempel", "ACTORID", "AKNOW [2]", "AFREQ [2]", "AFREQ [9]", "AINT [2]", "AREF [2]",
                              "PKPI3", "PACTIVE"],
                   ["1-3-2026 9:00:00", "z1", "Ja", "Soms", "", "", "", "4", "Ja"],
                   ["1-3-2026 9:05:00", "w1", "", "", "Maandelijks", "", "", "4", "Ja"])  # fmt: skip
    with pytest.raises(DataError) as exc:
        import_google_forms(path, project_dir, wave="2026")
    assert [(p.file, p.row, p.column) for p in exc.value.problems] == [
        ("form.csv", 2, "AFREQ [2]"),
        ("form.csv", 3, "AFREQ [9]"),
    ]


def test_not_a_forms_export(tmp_path, project_dir):
    with pytest.raises(DataError) as exc:
        import_google_forms(_google(tmp_path, ["a", "b"], ["1", "2"]), project_dir, wave="2026")
    assert "ACTORID" in str(exc.value)
    with pytest.raises(DataError):
        import_survey(FORMS / "google-forms-noord-2026.csv", "typeform", project_dir, wave="2026")


# -- fuzzing: a batch or a DataError naming the file, never another exception -------------------------------

FUZZ = settings(
    max_examples=examples(80),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
_project = project_folder(Path(tempfile.mkdtemp(prefix="wijknet-forms-")) / "project")
HEADINGS = st.sampled_from(["Tijdstempel", "ID", "Completion time", "ACTORID", "WIJK", "AKNOW [1]", "AKNOW [2. x]",
                            "AFREQ [2]", "AFREQ [99]", "AINT [3]", "AREF [0]", "RKERN", "RKERN [2]", "PKPI3", "PACTIVE",
                            "WNAME [1]", "WNAME [7]", "Vraag", "", "AKNOW", "[1]", "é"])  # fmt: skip
CELLS = st.sampled_from(["", "z1", "z2", "w1", "x9", "Noord", "Zuid", "Ja", "Nee", "Maandelijks", "4", "99", "Eens",
                         "Welzijn op Recept, Kernteam Ouderen", "a;b;", "\u202e", "=1+2", '"', "\n"])  # fmt: skip


@FUZZ
@given(header=st.lists(HEADINGS, min_size=1, max_size=8), rows=st.lists(st.lists(CELLS, max_size=9), max_size=4),
       tool=st.sampled_from(["google-forms", "microsoft-forms"]), xlsx=st.booleans())  # fmt: skip
def test_fuzz_forms_exports(header, rows, tool, xlsx):
    folder = Path(tempfile.mkdtemp(prefix="wijknet-forms-fuzz-"))
    if xlsx:
        path = folder / "export.xlsx"
        width = max(len(r) for r in [header, *rows])
        pd.DataFrame([r + [""] * (width - len(r)) for r in [header, *rows]]).to_excel(
            path, header=False, index=False
        )
    else:
        path = _google(folder, header, *rows, name="export.csv")
    try:
        import_survey(path, tool, _project, wave="2026")
    except DataError as exc:
        assert exc.problems and all(p.file.startswith("export.") for p in exc.problems)
