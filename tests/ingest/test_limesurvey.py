"""LimeSurvey exports: sub-question columns, answer codes and answer texts, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write
from tests.ingest.exports import L_ROWS, limesurvey_text, project_folder, to_xlsx
from tests.ingest.test_qualtrics import EXPECTED_TIES, ties_of
from wijknet import DataError
from wijknet.ingest import import_limesurvey, import_survey
from wijknet.io.tables import read_table
from wijknet.project import Project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "surveys"


@pytest.fixture
def project_dir(tmp_path):
    return project_folder(tmp_path / "project")


def run(tmp_path, project_dir, content, name="export.csv", **options):
    options.setdefault("wave", "2027")
    return import_limesurvey(write(tmp_path, name, content), project_dir, **options)


def test_answer_codes_with_sub_question_columns(tmp_path, project_dir):
    batch = run(tmp_path, project_dir, limesurvey_text(L_ROWS))
    assert ties_of(batch) == EXPECTED_TIES
    tie = batch.ties.set_index(["source", "target", "tie_type"]).loc[("z1", "z2", "samenwerking")]
    assert (
        tie.frequency,
        tie.trust_reliability,
        tie.value_power,
        tie.source_row,
        tie.source_column,
    ) == ("4", "4", "", "2", "AKNOW[SQ002]")
    assert (
        batch.respondents.set_index("actor_id").loc["z1", "kernaanpakken"]
        == "Welzijn op Recept;Kernteam Ouderen"
    )
    assert batch.write_ins.iloc[0].source_column == "WNAME[SQ001]"
    assert batch.responses.set_index("actor_id").loc["i1", "participation_level"] == "coproduceren"


def test_round_trip_validates(tmp_path, project_dir):
    batch = run(tmp_path, project_dir, limesurvey_text(L_ROWS))
    project = Project.from_frames(
        read_table(project_dir / "actors.csv"), batch.tidy_ties(), responses=batch.responses
    )
    assert len(project.ties) == len(batch.ties) and len(project.responses) == 3


def test_fixture_with_answer_codes(project_dir):
    batch = import_limesurvey(
        FIXTURES / "limesurvey-noord-2026-codes.csv", project_dir, wave="2026"
    )
    assert ("z2", "z1", "samenwerking") in ties_of(batch) and ("z1", "z2", "verwijzing") in ties_of(
        batch
    )
    assert (
        batch.respondents.set_index("response_id").loc["1", "kernaanpakken"] == "Kernteam Ouderen"
    )  # Y
    assert batch.respondents.set_index("response_id").loc["1", "finished"] == "2026-03-02 10:00:00"
    assert [p.column for p in batch.problems if p.row is not None] == [
        "ACTORID"
    ]  # response 3 has no actor id
    assert [p.column for p in batch.problems if p.row is None and p.column] == [
        "lastpage",
        "startlanguage",
    ]  # not used, said so
    assert batch.write_ins.iloc[0].domain == "sport_cultuur"


def test_fixture_with_answer_texts_gives_the_same_ties(project_dir):
    codes = import_limesurvey(
        FIXTURES / "limesurvey-noord-2026-codes.csv", project_dir, wave="2026"
    )
    texts = import_limesurvey(
        FIXTURES / "limesurvey-noord-2026-texts.csv", project_dir, wave="2026"
    )

    def collaboration(batch):
        ties = batch.ties[batch.ties["tie_type"] != "verwijzing"]
        return set(map(tuple, ties[["source", "target", "tie_type"]].values))

    assert collaboration(texts) == collaboration(codes)
    assert ("z1", "z2", "verwijzing") in ties_of(texts)
    assert texts.responses["kpi3"].tolist() == codes.responses["kpi3"].tolist() == ["5", "4"]
    assert texts.responses["participation_level"].tolist() == ["", "coproduceren"]


def test_yes_no_codes_na_and_english_texts(tmp_path, project_dir):
    row = {"ACTORID": "z1", "WIJK": "noord", "RPWT": "Y", "AKNOW[SQ002]": "Y", "AFREQ[SQ002]": "Weekly or more often",
           "AINT[SQ002]": "N/A", "AKNOW[SQ003]": "N", "PKPI3": "Strongly agree", "PACTIVE": "Yes",
           "RKERN[SQ001]": "Yes", "RKERN[SQ002]": "Not selected"}  # fmt: skip
    # a hand-made export without the referral question: allowed to miss it on purpose
    batch = run(tmp_path, project_dir, limesurvey_text([row]), allow_missing=["referral"])
    assert ties_of(batch) == {("z1", "z2", "kennen")}
    assert batch.ties.iloc[0].frequency == "5" and batch.ties.iloc[0].wijk == "Noord"
    r = batch.respondents.iloc[0]
    assert (r.pluswijkteam, r.kernaanpakken) == ("ja", "Doorbraakmethode")
    assert batch.responses.iloc[0].kpi3 == "5"


def test_code_and_text_headings_and_underscore_columns(tmp_path, project_dir):
    text = limesurvey_text(L_ROWS)
    header, rest = text.split("\n", 1)
    cells = header.split(",")
    renamed = [
        f"{c}. Vraagtekst" if c.startswith(("A", "P")) else c.replace("[", "_").replace("]", "")
        for c in cells
    ]
    batch = run(tmp_path, project_dir, ",".join(renamed) + "\n" + rest)
    assert ties_of(batch) == EXPECTED_TIES


def test_xlsx_and_semicolons(tmp_path, project_dir):
    text = limesurvey_text(L_ROWS, delimiter=";")
    assert ties_of(run(tmp_path, project_dir, text)) == EXPECTED_TIES
    path = to_xlsx(text, tmp_path / "export.xlsx", delimiter=";")
    assert ties_of(import_survey(path, "limesurvey", project_dir, wave="2027")) == EXPECTED_TIES


def error(tmp_path, project_dir, content, **options) -> DataError:
    with pytest.raises(DataError) as info:
        run(tmp_path, project_dir, content, **options)
    return info.value


def test_bad_input(tmp_path, project_dir):
    p = error(tmp_path, project_dir, limesurvey_text([{**L_ROWS[0], "ACTORID": "g1"}])).problems[0]
    assert (p.row, p.column) == (2, "ACTORID") and "Zuid" in p.message
    p = error(tmp_path, project_dir, limesurvey_text([L_ROWS[0], L_ROWS[0]])).problems[0]
    assert (p.row, p.column) == (3, "ACTORID")
    p = error(
        tmp_path, project_dir, limesurvey_text([{**L_ROWS[0], "AFREQ[SQ005]": "3"}])
    ).problems[0]
    assert (p.row, p.column) == (2, "AFREQ[SQ005]")
    p = error(
        tmp_path, project_dir, limesurvey_text([{**L_ROWS[0], "WNAME[SQ009]": "Iets Fictiefs"}])
    ).problems[0]
    assert p.column == "WNAME[SQ009]" and "hoogstens 5" in p.message
    p = error(
        tmp_path, project_dir, limesurvey_text([{**L_ROWS[0], "RKERN[SQ007]": "Y"}])
    ).problems[0]
    assert p.column == "RKERN[SQ007]"
    p = error(
        tmp_path, project_dir, limesurvey_text([{**L_ROWS[0], "RKERN[SQ001]": "misschien"}])
    ).problems[0]
    assert (p.row, p.column) == (2, "RKERN[SQ001]")
    text = limesurvey_text(L_ROWS)
    p = error(tmp_path, project_dir, text[:-30]).problems[0]
    assert p.row == 4 and "afgebroken" in p.message
    with pytest.raises(DataError, match="programma"):
        import_survey(write(tmp_path, "e.csv", text), "surveymonkey", project_dir, wave="2027")


def test_code_and_text_fixture_is_recognised_by_import_as_by_ingest(project_dir):
    """LimeSurvey's writer joins code, separator and text: "submitdate. Date submitted", "AFREQ[SQ001]. ... [Sub]"."""
    from wijknet.store.kinds import recognise

    path = FIXTURES / "limesurvey-noord-2026-codetext.csv"
    assert recognise(path) == "limesurvey"
    codes = import_limesurvey(
        FIXTURES / "limesurvey-noord-2026-codes.csv", project_dir, wave="2026"
    )
    texts = import_limesurvey(path, project_dir, wave="2026")
    assert ties_of(texts) == ties_of(codes)
    assert [p.column for p in texts.problems if p.row is None and p.column] == [
        "lastpage. Last page",
        "startlanguage. Start language",
    ]


def test_renamed_question_stops_and_extra_columns_are_noted(tmp_path, project_dir):
    text = limesurvey_text(L_ROWS).replace("AFREQ[", "AFREQUENTIE[")
    with pytest.raises(DataError) as exc:
        run(tmp_path, project_dir, text)
    assert "frequency (AFREQ[SQ<kkk>])" in exc.value.problems[0].message
    assert {p.column for p in exc.value.problems[1:]} >= {"AFREQUENTIE[SQ002]"}
    # A column that is no question of the instrument stops too (issue 12: the questions must match), naming it.
    with pytest.raises(DataError) as extra:
        run(tmp_path, project_dir, limesurvey_text([{**r, "EIGENVRAAG": "x"} for r in L_ROWS]))
    assert "EIGENVRAAG" in extra.value.problems[0].message
    assert [p.column for p in extra.value.problems[1:]] == ["EIGENVRAAG"]
