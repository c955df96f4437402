"""Issue 14 in the importers: theme codes kept, respondent-block answers per wave, ratings of a survey batch.

All names and answers fictional (roster of Noord: 1 z1, 2 z2, 3 w1, 4 i1; tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import ACTORS, TIES, write
from tests.ingest.exports import Q_ROWS, qualtrics_text
from tests.ingest.test_interviews import ACTOR_TABLE
from wijknet.core.errors import DataError
from wijknet.ingest import import_qualtrics
from wijknet.ingest.interviews import import_interviews
from wijknet.project import Project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_theme_codes_of_a_coding_sheet_are_kept_per_segment(tmp_path):
    sheet = write(tmp_path, "codering.csv", (
        "interview_id,interviewee,segment,codes,wave\n"
        '"g1",z1,"We kennen de coach niet.","actor: w1; relatie: kent niet maar zou moeten; thema: Elkaar kennen",2026\n'
        '"g1",z1,"Geen tijd voor overleg.","thema: tijd;Thema\\Tijd",2026\n'
        '"g1",z1,"De wijkverpleging en de coach.","actor: z2; actor: w1; thema: samenwerking",2026\n'
    ))  # fmt: skip
    found = import_interviews(sheet, "interviews", ACTOR_TABLE)
    themes = found.themes
    # Hand count: one theme in row 2, "tijd" once in row 3 (two spellings of one theme), one in row 4.
    assert themes[["theme", "segment_id", "actors"]].values.tolist() == [
        ["elkaar kennen", "g1:2", "w1"], ["tijd", "g1:3", ""], ["samenwerking", "g1:4", "z2;w1"]]  # fmt: skip
    assert themes["quote"].tolist()[0] == "We kennen de coach niet."
    assert set(themes["wijk"]) == {"Noord"} and set(themes["interviewee"]) == {"z1"}
    # The signal of row 2 is a tie observation with the same segment id: the join of theme and signal.
    signal = found.ties[found.ties["tie_type"] == "zou_moeten_kennen"]
    assert signal["segment_id"].tolist() == ["g1:2"]
    # Row 4 mentions actors without a relation: no tie, but its theme is kept.
    assert "g1:4" not in set(found.ties["segment_id"])


def test_theme_codes_of_a_maxqda_export(tmp_path):
    found = import_interviews(FIXTURES / "interviews" / "maxqda-coded-segments-nl.csv", "maxqda", ACTOR_TABLE,
                              wave="2026")  # fmt: skip
    assert "ouderen" in set(found.themes["theme"])
    assert (found.themes["source_column"] == "Code").all()


def test_an_empty_theme_code_stops_with_row_and_column(tmp_path):
    sheet = write(
        tmp_path,
        "codering.csv",
        'interview_id,interviewee,segment,codes,wave\ng1,z1,"Tekst.","thema:",2026\n',
    )
    with pytest.raises(DataError) as err:
        import_interviews(sheet, "interviews", ACTOR_TABLE)
    assert [(p.row, p.column) for p in err.value.problems] == [(2, "codes")]


@pytest.fixture
def project(tmp_path) -> Project:
    write(tmp_path, "actors.csv", ACTORS)
    write(tmp_path, "ties.csv", TIES)
    return Project.from_folder(tmp_path)


def test_respondent_block_answers_become_actor_waves(project, tmp_path):
    batch = import_qualtrics(
        write(tmp_path, "export.csv", qualtrics_text(Q_ROWS)), project, wave="2026"
    )
    waves = batch.actor_waves().set_index("actor_id")
    # Q_Z1: R_PWT 1 (ja), kernaanpakken 2 and 3; Q_I1: R_PWT 2 (nee); organisations as answered.
    assert waves.loc["z1", "pluswijkteam"] == "ja"
    assert waves.loc["z1", "kernaanpakken"] == "Welzijn op Recept;Kernteam Ouderen"
    assert (
        waves.loc["i1", "pluswijkteam"] == "nee"
        and waves.loc["i1", "organisation"] == "Bewonersgroep Fictief"
    )
    assert set(waves["wave"]) == {"2026"} and set(waves["role_group"]) == {""}


def test_written_review_folder_holds_tidy_ratings_and_actor_waves(project, tmp_path):
    batch = import_qualtrics(
        write(tmp_path, "export.csv", qualtrics_text(Q_ROWS)), project, wave="2026"
    )
    out = tmp_path / "review"
    names = {p.name for p in batch.write(out)}
    assert {"ratings.csv", "actor_waves.csv"} <= names
    ratings = pd.read_csv(out / "ratings.csv", dtype=str, keep_default_na=False)
    # Q_Z1 about z2 (samenwerking + verwijzing) and w1 (kennen + verwijzing both ways): one row each.
    pairs = sorted(zip(ratings["rater"], ratings["rated"]))
    assert ("z1", "z2") in pairs and ("z1", "w1") in pairs and len(pairs) == len(set(pairs))
    z1z2 = ratings[(ratings["rater"] == "z1") & (ratings["rated"] == "z2")].iloc[0]
    assert (z1z2["intensity"], z1z2["trust_reliability"], z1z2["value_power"]) == (
        "3",
        "4",
        "",
    )  # -99 is no answer
    # Copied into the project folder, the tables load as they are.
    folder = tmp_path / "project"
    write(folder.mkdir() or folder, "actors.csv", ACTORS)
    write(folder, "ties.csv", TIES + "Noord,2026,z1,z2,samenwerking,4,enquête\n")
    for name in ("ratings.csv", "actor_waves.csv", "responses.csv"):
        (folder / name).write_bytes((out / name).read_bytes())
    loaded = Project.from_folder(folder)
    assert len(loaded.ratings) == len(ratings) and len(loaded.actor_waves) == 3
    assert loaded.responses.set_index("actor_id").loc["i1", "participation_level"] == "coproduceren"
