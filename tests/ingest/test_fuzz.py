"""No export makes the importers fail with anything but a DataError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import examples
from tests.ingest.exports import (
    L_ROWS,
    Q_ROWS,
    limesurvey_text,
    project_folder,
    qualtrics_text,
)
from wijknet import DataError, load_project
from wijknet.ingest import Roster, import_limesurvey, import_qualtrics

FUZZ = settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
CELLS = st.sampled_from(["", "1", "2", "3", "4", "5", "7", "0", "-99", "99", "Y", "N", "Ja", "nee", "Weet niet", "N/A",
                         "z1", "z2", "w1", "i1", "g1", "x9", "Noord", "Zuid", "Oost", "1,2", "2;9", "1.0", "3,0", "nan",
                         "inf", "-1e9", "é", "\ufeff", '"', ";", ",", "\n", "{\"ImportId\":\"QID1\"}", "Survey Preview",
                         "Heel erg", "Zij verwijzen naar mij", "=1+2", "  "])  # fmt: skip
COLUMNS = st.sampled_from(["actor_id", "wijk", "ACTORID", "WIJK", "R_KERN", "R_KERN_2", "R_KERN_9", "A_KNOW_1", "A_FREQ_2",
                           "A_INT_3", "A_REF_4", "A_REF_0", "A_TRREL_x", "W_NAME_1", "W_NAME_6", "W_FREQ_1", "P_KPI3",
                           "P_LADDER", "Status", "AKNOW[SQ001]", "AFREQ[SQ002]", "AREF[SQ004]", "AINT[SQ000]",
                           "RKERN[SQ002]", "RKERN[SQ099]", "WNAME[SQ001]", "PKPI3", "PACTIVE", "RDOMAIN", "R_DOMAIN",
                           "AKNOW[ZZ]", "AKNOW_SQ003", "", "id", "1_A_FREQ", "2_A_KNOW", "2_A_FREQ_3", "1_P_KPI3",
                           "0_A_INT", "V1", "V7", "ResponseID", "sep=;", "AFREQ[SQ001]. Hoe vaak? [Coach]",
                           "submitdate. Date submitted", "A_FREQ_2\u202e"])  # fmt: skip

_folder = Path(tempfile.mkdtemp(prefix="wijknet-fuzz-"))
PROJECT = load_project(project_folder(_folder / "project"))
ROSTER = Roster.from_project(PROJECT, "2027")


def _import(raw: bytes, suffix: str = ".csv") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"export{suffix}"
        path.write_bytes(raw)
        for importer in (import_qualtrics, import_limesurvey):
            for target in (PROJECT, ROSTER):
                try:
                    batch = importer(path, target, wave="2027")
                except DataError as exc:
                    assert exc.problems and str(exc)
                    continue
                assert batch.ties["source"].ne(batch.ties["target"]).all()


@FUZZ
@given(st.binary(max_size=500))
def test_arbitrary_bytes(raw):
    _import(raw)
    _import(raw, ".xlsx")


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text(content):
    _import(content.encode("utf-8"))


@FUZZ
@given(st.lists(COLUMNS, min_size=1, max_size=8), st.lists(st.lists(CELLS, max_size=9), max_size=5),
       st.sampled_from([",", ";", "\t"]), st.integers(0, 3))  # fmt: skip
def test_export_shaped_tables(columns, rows, delimiter, json_rows):
    lines = [delimiter.join(columns)]
    for n in range(
        json_rows
    ):  # ImportIds, loop-prefixed ImportIds and split multi-select choiceIds
        template = ["QID{i}", "{i}_QID{i}", 'QID{i}"",""choiceId"":""{i}'][n % 3]
        lines.append(
            delimiter.join(
                f'"{{""ImportId"":""{template.format(i=i)}""}}"' for i, _ in enumerate(columns)
            )
        )
    for row in rows:
        lines.append(delimiter.join('"' + c.replace('"', '""') + '"' for c in row))
    _import(("\n".join(lines) + "\n").encode("utf-8"))


@FUZZ
@given(st.data())
def test_valid_exports_with_cells_changed(data):
    for text in (qualtrics_text(Q_ROWS), limesurvey_text(L_ROWS)):
        lines = text.splitlines()
        i = data.draw(st.integers(0, len(lines) - 1))
        cells = lines[i].split(",")
        j = data.draw(st.integers(0, len(cells) - 1))
        cells[j] = data.draw(CELLS)
        lines[i] = ",".join(cells)
        cut = data.draw(st.integers(0, 5))
        content = "\n".join(lines) + "\n"
        _import(content[: len(content) - cut].encode("utf-8"))
