"""Qualtrics exports: one test per quirk of the format, and every kind of bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import ACTORS, write
from tests.ingest.exports import (
    Q_I1,
    Q_ROWS,
    Q_W1,
    Q_Z1,
    project_folder,
    qualtrics_text,
    to_xlsx,
)
from wijknet import DataError
from wijknet.core.i18n import set_language
from wijknet.ingest import (
    RESPONSE_COLUMNS,
    TIE_COLUMNS,
    ImportBatch,
    Roster,
    import_qualtrics,
)
from wijknet.io.tables import read_table
from wijknet.privacy.load import load_project
from wijknet.project import Project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "surveys"


@pytest.fixture
def project_dir(tmp_path):
    return project_folder(tmp_path / "project")


def run(tmp_path, project_dir, content, name="export.csv", encoding="utf-8", **options):
    path = (
        write(tmp_path, name, content, encoding=encoding)
        if isinstance(content, (str, bytes))
        else content
    )
    options.setdefault("wave", "2027")
    return import_qualtrics(path, project_dir, **options)


def ties_of(batch: ImportBatch) -> set[tuple[str, str, str]]:
    return {(r.source, r.target, r.tie_type) for r in batch.ties.itertuples()}


EXPECTED_TIES = {
    ("z1", "z2", "samenwerking"), ("z1", "z2", "verwijzing"),
    ("z1", "w1", "kennen"), ("z1", "w1", "verwijzing"), ("w1", "z1", "verwijzing"),
    ("w1", "z1", "samenwerking"), ("w1", "i1", "samenwerking"),
    ("i1", "w1", "samenwerking"), ("w1", "i1", "verwijzing"),
}  # fmt: skip


def test_three_header_rows_give_ties_responses_respondents_and_write_ins(tmp_path, project_dir):
    batch = run(tmp_path, project_dir, qualtrics_text(Q_ROWS))
    assert (
        list(batch.ties.columns) == TIE_COLUMNS
        and list(batch.responses.columns) == RESPONSE_COLUMNS
    )
    assert ties_of(batch) == EXPECTED_TIES
    t = batch.ties.set_index(["source", "target", "tie_type"])
    z1z2 = t.loc[("z1", "z2", "samenwerking")]
    assert (z1z2.weight, z1z2.frequency, z1z2.intensity, z1z2.referral) == ("4", "4", "3", "naar")
    assert (z1z2.trust_reliability, z1z2.value_power) == ("4", "")  # -99 is missing
    assert z1z2.evidence == "enquête 2027" and z1z2.source_file == "export.csv"
    assert (
        z1z2.source_row == "4" and z1z2.source_column == "A_KNOW_2"
    )  # data start below three header rows
    assert t.loc[("z1", "z2", "verwijzing")].source_column == "A_REF_2"
    # A referral both sides report is one row that names both reports.
    merged = t.loc[("w1", "z1", "verwijzing")]
    assert merged.reporter == "z1;w1" and merged.source_row == "4;5"
    responses = batch.responses.set_index("actor_id")
    assert (
        responses.loc["z1", "kpi3"] == "4" and responses.loc["w1", "kpi3"] == ""
    )  # 99 = weet niet
    assert (
        responses.loc["i1", "active"] == "nee"
        and responses.loc["i1", "participation_level"] == "coproduceren"
    )
    respondents = batch.respondents.set_index("actor_id")
    assert respondents.loc["z1", "kernaanpakken"] == "Welzijn op Recept;Kernteam Ouderen"
    assert (
        respondents.loc["z1", "domain"] == "zorg" and respondents.loc["i1", "pluswijkteam"] == "nee"
    )
    assert (
        respondents.loc["z1", "response_id"] == "R_fictief0"
        and respondents.loc["z1", "finished"] == "1"
    )
    assert len(batch.write_ins) == 1
    w = batch.write_ins.iloc[0]
    assert (w.respondent, w.number, w["name"], w.organisation, w.domain, w.frequency) == (
        "z1",
        "1",
        "Buurtkamer Fictief",
        "Stichting Fictief",
        "sport_cultuur",
        "3",
    )
    assert (w.source_row, w.source_column) == ("4", "W_NAME_1")
    # Nothing dropped in silence: the metadata columns wijknet does not read are named.
    assert {(p.column, "niet gebruikt" in p.message) for p in batch.problems if p.column} == {
        ("StartDate", True),
        ("EndDate", True),
        ("Progress", True),
    }


def test_round_trip_validates_as_a_tidy_project(tmp_path, project_dir):
    batch = run(tmp_path, project_dir, qualtrics_text(Q_ROWS))
    actors = read_table(project_dir / "actors.csv")
    project = Project.from_frames(actors, batch.tidy_ties(), responses=batch.responses)
    assert len(project.ties) == len(batch.ties)
    assert project.responses["kpi3"].tolist()[0] == 4.0
    G = project.graph("Noord", "2027")
    assert G.has_edge("z1", "z2") and G["z1"]["z2"]["weight"] == 4.0


def test_legacy_two_header_rows_and_a_single_header_row(tmp_path, project_dir):
    for rows in (2, 1):
        batch = run(
            tmp_path, project_dir, qualtrics_text(Q_ROWS, header_rows=rows), name=f"h{rows}.csv"
        )
        assert ties_of(batch) == EXPECTED_TIES
        assert batch.ties.set_index(["source", "target", "tie_type"]).loc[
            ("z1", "z2", "samenwerking")
        ].source_row == str(rows + 1)


def test_import_id_finds_a_renamed_question(tmp_path, project_dir):
    """The export tag A_FREQ was renamed to FREQ_NIEUW after the survey went out: the ImportId still finds it."""
    content = qualtrics_text(Q_ROWS, renamed={"A_FREQ": "FREQ_NIEUW"})
    # Without --import-ids the rename no longer leaves every weight empty in silence: the import stops.
    without = error(tmp_path, project_dir, content)
    assert (
        "frequency (A_FREQ_<k>)" in without.problems[0].message
        and "--import-ids" in without.problems[0].message
    )
    assert {p.column for p in without.problems[1:]} == {
        "FREQ_NIEUW_1",
        "FREQ_NIEUW_2",
        "FREQ_NIEUW_3",
        "FREQ_NIEUW_4",
    }
    header = content.splitlines()[2]
    qid = next(json.loads(c.strip('"').replace('""', '"'))["ImportId"] for c in header.split('","')
               if "QID" in c and content.splitlines()[0].split(",")[header.split('","').index(c)].startswith("FREQ_NIEUW"))  # fmt: skip
    with_ids = run(tmp_path, project_dir, content, import_ids={"A_FREQ": qid.split("_")[0]})
    assert ties_of(with_ids) == EXPECTED_TIES
    assert (
        with_ids.ties.set_index(["source", "target", "tie_type"])
        .loc[("z1", "z2", "samenwerking")]
        .frequency
        == "4"
    )
    ids_file = write(tmp_path, "qids.yaml", f"A_FREQ: {qid.split('_')[0]}\n")
    assert run(tmp_path, project_dir, content, import_ids=ids_file).ties.equals(with_ids.ties)


def test_import_id_wins_over_the_export_tag(tmp_path, project_dir):
    """Two questions swapped their tags: the ImportIds (QIDs) decide."""
    content = qualtrics_text([Q_W1])
    lines = content.splitlines()
    lines[0] = (
        lines[0].replace("A_FREQ_", "TMP_").replace("A_INT_", "A_FREQ_").replace("TMP_", "A_INT_")
    )
    swapped = "\n".join(lines) + "\n"
    wrong = error(
        tmp_path, project_dir, swapped
    )  # by the tags alone, frequency 5 lands in intensity (1-4)
    assert wrong.problems[0].column == "A_INT_1"
    # QIDs follow first appearance in Q_W1: R_ORG 1, R_DOMAIN 2, R_PWT 3, A_KNOW 4, A_FREQ 5, A_INT 6 ...
    right = run(tmp_path, project_dir, swapped, import_ids={"A_FREQ": "QID5", "A_INT": "QID6"})
    tie = right.ties.set_index(["source", "target", "tie_type"]).loc[("w1", "z1", "samenwerking")]
    assert (tie.frequency, tie.intensity) == ("5", "4")


def test_choice_texts_semicolons_and_cp1252(tmp_path, project_dir):
    row = {"actor_id": "z1", "wijk": "Noord", "R_DOMAIN": "Zorg", "R_PWT": "Ja", "R_KERN": "Doorbraakmethode,PlusPraktijken",
           "A_KNOW_2": "Ja", "A_FREQ_2": "Wekelijks of vaker", "A_INT_2": "Coördinatie: we plannen en doen activiteiten samen",
           "A_REF_2": "Ik verwijs naar hen", "A_TRREL_2": "Heel erg", "A_TRMIS_2": "Weet niet",
           "A_KNOW_3": "Yes", "A_FREQ_3": "Monthly", "A_INT_3": "Don't know",
           "P_ACTIVE": "Ja", "P_KPI3": "Helemaal eens"}  # fmt: skip
    batch = run(tmp_path, project_dir, qualtrics_text([row], delimiter=";"), encoding="cp1252")
    t = batch.ties.set_index(["source", "target", "tie_type"])
    tie = t.loc[("z1", "z2", "samenwerking")]
    assert (
        tie.frequency,
        tie.intensity,
        tie.referral,
        tie.trust_reliability,
        tie.trust_mission,
    ) == ("5", "3", "naar", "4", "")
    assert t.loc[("z1", "w1", "kennen")].frequency == "3"
    assert batch.respondents.iloc[0].kernaanpakken == "Doorbraakmethode;PlusPraktijken"
    assert batch.responses.iloc[0].kpi3 == "5"


def test_utf8_bom_and_utf16(tmp_path, project_dir):
    text = qualtrics_text(Q_ROWS)
    assert ties_of(run(tmp_path, project_dir, "\ufeff" + text, name="bom.csv")) == EXPECTED_TIES
    utf16 = text.replace(",", "\t").encode("utf-16")
    assert len(run(tmp_path, project_dir, utf16, name="u16.csv").ties) == len(EXPECTED_TIES)


def test_xlsx_export(tmp_path, project_dir):
    path = to_xlsx(qualtrics_text(Q_ROWS), tmp_path / "export.xlsx")
    batch = import_qualtrics(path, project_dir, wave="2027")
    assert ties_of(batch) == EXPECTED_TIES


def test_survey_preview_is_skipped_with_a_note(tmp_path, project_dir):
    preview = {**Q_Z1, "Status": "Survey Preview"}
    batch = run(tmp_path, project_dir, qualtrics_text([preview, Q_W1]))
    assert set(batch.responses["actor_id"]) == {"w1"}
    assert any("Survey Preview" in p.message and p.row == 4 for p in batch.problems)


def test_missing_actor_id_is_a_problem_not_an_error(tmp_path, project_dir):
    batch = run(tmp_path, project_dir, qualtrics_text([{**Q_Z1, "actor_id": ""}, Q_W1]))
    assert set(batch.responses["actor_id"]) == {"w1"} and len(batch.respondents) == 2
    assert (
        batch.respondents.iloc[0].organisation == "Praktijk Fictief"
        and batch.respondents.iloc[0].actor_id == ""
    )
    assert [(p.row, p.column) for p in batch.problems if p.row is not None] == [(4, "actor_id")]


def test_answers_about_oneself_and_about_someone_unknown_are_noted(tmp_path, project_dir):
    row = {**Q_I1, "A_KNOW_4": "1", "A_FREQ_4": "5", "A_KNOW_1": "2", "A_FREQ_1": "3"}
    batch = run(tmp_path, project_dir, qualtrics_text([row]))
    assert ties_of(batch) == {("i1", "w1", "samenwerking"), ("w1", "i1", "verwijzing")}
    messages = " ".join(p.message for p in batch.problems)
    assert "zichzelf" in messages and "niet kent" in messages


def test_roster_table_instead_of_a_project(tmp_path):
    roster = pd.DataFrame(
        {"wijk": ["Noord"] * 3, "position": ["1", "2", "3"], "actor_id": ["z1", "z2", "w1"]}
    )
    batch = import_qualtrics(write(tmp_path, "e.csv", qualtrics_text([{k: v for k, v in Q_Z1.items() if "_4" not in k}])),
                             roster, wave="2027")  # fmt: skip
    assert ("z1", "z2", "samenwerking") in ties_of(batch)
    assert Roster.from_frame(roster).table("Noord")["actor_id"].tolist() == ["z1", "z2", "w1"]


def test_roster_position_column_orders_the_roster(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    lines = ACTORS.strip().splitlines()
    write(
        folder,
        "actors.csv",
        "\n".join(
            [lines[0] + ",roster_position"]
            + [line + f",{9 - i}" for i, line in enumerate(lines[1:])]
        )
        + "\n",
    )
    write(folder, "ties.csv", "wijk,wave,source,target\n")
    roster = Roster.from_project(load_project(folder), "2027")
    assert roster.positions["Noord"] == ("i1", "w1", "z2", "z1")


# --- bad input: DataError with file, row and column; nothing returned --------------------------------


def error(tmp_path, project_dir, content, **options) -> DataError:
    with pytest.raises(DataError) as info:
        run(tmp_path, project_dir, content, **options)
    assert info.value.problems
    return info.value


def test_unknown_respondent(tmp_path, project_dir):
    exc = error(tmp_path, project_dir, qualtrics_text([{**Q_Z1, "actor_id": "x9"}]))
    p = exc.problems[0]
    assert (
        (p.file, p.row, p.column) == ("export.csv", 4, "actor_id")
        and "x9" in p.message
        and "actors.csv" in p.message
    )


def test_duplicate_respondent(tmp_path, project_dir):
    exc = error(tmp_path, project_dir, qualtrics_text([Q_Z1, Q_W1, Q_Z1]))
    p = exc.problems[0]
    assert (p.row, p.column) == (6, "actor_id") and "rij 4" in p.message


def test_wijk_that_does_not_match(tmp_path, project_dir):
    exc = error(tmp_path, project_dir, qualtrics_text([Q_Z1]), wijk="Zuid")
    assert (exc.problems[0].row, exc.problems[0].column) == (4, "wijk") and "Zuid" in exc.problems[
        0
    ].message
    exc = error(tmp_path, project_dir, qualtrics_text([{**Q_Z1, "wijk": "Zuid"}]))
    assert "hoort bij wijk 'Noord'" in exc.problems[0].message
    exc = error(tmp_path, project_dir, qualtrics_text([{**Q_Z1, "wijk": "Oost"}]))
    assert (
        "onbekende wijk 'Oost'" in exc.problems[0].message
        and "Noord, Zuid" in exc.problems[0].message
    )
    exc = error(tmp_path, project_dir, qualtrics_text([Q_Z1]), wijk="Oost")
    assert exc.problems[0].row is None


def test_roster_position_that_does_not_exist(tmp_path, project_dir):
    exc = error(tmp_path, project_dir, qualtrics_text([{**Q_Z1, "A_KNOW_7": "1", "A_FREQ_7": "2"}]))
    p = exc.problems[0]
    assert (p.row, p.column) == (4, "A_KNOW_7") and "4 posities" in p.message
    # An empty cell at a position the roster of this wijk lacks is fine (one survey, several wijken).
    assert run(tmp_path, project_dir, qualtrics_text([{**Q_Z1, "A_KNOW_7": ""}]))


def test_roster_actor_that_does_not_exist(tmp_path, project_dir):
    project = load_project(project_dir)
    roster = pd.DataFrame(
        {"wijk": ["Noord", "Noord"], "position": ["1", "2"], "actor_id": ["z1", "x7"]}
    )
    with pytest.raises(DataError) as info:
        Roster.from_frame(roster, project, file="rol.csv")
    p = info.value.problems[0]
    assert (p.file, p.row, p.column) == ("rol.csv", 1, "actor_id") and "x7" in p.message


def test_invalid_answer(tmp_path, project_dir):
    exc = error(
        tmp_path, project_dir, qualtrics_text([Q_Z1, {**Q_W1, "A_FREQ_1": "7", "P_KPI3": "veel"}])
    )
    assert [(p.row, p.column) for p in exc.problems] == [(5, "A_FREQ_1"), (5, "P_KPI3")]
    assert "1, 2, 3, 4, 5" in exc.problems[0].message


def test_truncated_file(tmp_path, project_dir):
    text = qualtrics_text(Q_ROWS)
    exc = error(tmp_path, project_dir, text[: text.rindex(",R_fictief2") + 20])
    assert exc.problems[0].row == 6 and "afgebroken" in exc.problems[0].message
    exc = error(
        tmp_path, project_dir, text[: text.index("Vraag R_ORG") + 5]
    )  # inside a quoted header cell
    assert "afgebroken" in exc.problems[0].message
    exc = error(tmp_path, project_dir, text.split("\n2026")[0] + "\n")  # only the header rows
    assert "geen antwoorden" in exc.problems[0].message


def test_not_an_excel_file(tmp_path, project_dir):
    exc = error(tmp_path, project_dir, b"StartDate,actor_id\n1,z1\n", name="export.xlsx")
    assert "Excel" in exc.problems[0].message


def test_wrong_delimiter_or_tool(tmp_path, project_dir):
    exc = error(tmp_path, project_dir, qualtrics_text(Q_ROWS, delimiter="|"))
    assert "scheidingsteken" in exc.problems[0].message
    exc = error(tmp_path, project_dir, qualtrics_text(Q_ROWS, header_rows=1, delimiter="|"))
    assert "scheidingsteken" in exc.problems[0].message and "A_KNOW_1" in exc.problems[0].message
    exc = error(tmp_path, project_dir, (FIXTURES / "limesurvey-noord-2026-codes.csv").read_bytes())
    assert "--tool" in exc.problems[0].message


def test_wrong_encoding_and_empty_file(tmp_path, project_dir):
    exc = error(tmp_path, project_dir, b"\x00\x01\x02actor_id\x00")
    assert "codering" in exc.problems[0].message
    assert "leeg" in error(tmp_path, project_dir, "").problems[0].message


def test_missing_actor_id_column(tmp_path, project_dir):
    rows = [{k: v for k, v in r.items() if k != "actor_id"} for r in Q_ROWS]
    exc = error(tmp_path, project_dir, qualtrics_text(rows))
    assert exc.problems[0].column == "actor_id" and "uitnodigingslink" in exc.problems[0].message


def test_unknown_wave(tmp_path, project_dir):
    write(project_dir, "wijknet.yaml", 'waves: ["2025", "2026"]\n')
    exc = error(tmp_path, project_dir, qualtrics_text(Q_ROWS), wave="2030")
    assert "2030" in exc.problems[0].message


def test_messages_in_english(tmp_path, project_dir):
    set_language("en")
    exc = error(tmp_path, project_dir, qualtrics_text([{**Q_Z1, "actor_id": "x9"}]))
    assert "row 4" in str(exc) and "unknown respondent 'x9'" in str(exc)


def test_fixture_file_and_write(tmp_path, project_dir):
    batch = import_qualtrics(
        FIXTURES / "qualtrics-noord-2026.csv", project_dir, wave="2026", wijk="Noord"
    )
    assert {
        ("z1", "z2", "samenwerking"),
        ("w1", "z1", "kennen"),
        ("z2", "w1", "verwijzing"),
    } <= ties_of(batch)
    assert any(p.message.endswith("Survey Preview") for p in batch.problems)
    written = batch.write(tmp_path / "out")
    assert [p.name for p in written] == [
        "ties.csv",
        "responses.csv",
        "ratings.csv",  # issue 14: the PARTNER items per partner
        "actor_waves.csv",  # issue 14: the respondent block per wave
        "respondents.csv",
        "write_ins.csv",
        "problems.csv",
    ]
    ties = pd.read_csv(tmp_path / "out" / "ties.csv", dtype=str, keep_default_na=False)
    assert list(ties.columns) == TIE_COLUMNS and len(ties) == len(batch.ties)
    assert "respondenten" in batch.summary()


# -- real layouts of issue 12 item 6 (tests/fixtures/surveys, see tests/fixtures/README.md) ----------------


def test_legacy_v1_header_is_a_header_not_a_response(project_dir):
    """The legacy layout of qualtRics' sample_legacy.csv: V1..V10 over ResponseID, ResponseSet, ... and a trailing comma."""
    batch = import_qualtrics(FIXTURES / "qualtrics-legacy-noord-2026.csv", project_dir, wave="2026")
    assert ties_of(batch) == {("z1", "z2", "samenwerking"), ("z1", "z2", "verwijzing")}
    assert list(batch.respondents["response_id"]) == ["R_fictief1"] and list(
        batch.respondents["source_row"]
    ) == ["3"]
    notes = {(p.row, p.column) for p in batch.problems}
    assert (4, None) in notes  # the survey preview (Status 1) is skipped with a note
    assert {"ResponseSet", "IPAddress", "LocationLatitude", "StartDate"} <= {c for _, c in notes}


def test_loop_and_merge_over_the_roster_is_read(project_dir):
    batch = import_qualtrics(FIXTURES / "qualtrics-loop-noord-2026.csv", project_dir, wave="2026")
    assert ties_of(batch) == {("z2", "z1", "samenwerking"), ("z1", "z2", "verwijzing"), ("z2", "w1", "samenwerking"),
                              ("i1", "z1", "samenwerking"), ("i1", "z2", "kennen")}  # fmt: skip
    tie = batch.ties.set_index(["source", "target", "tie_type"]).loc[("z2", "w1", "samenwerking")]
    assert (tie.weight, tie.source_column) == ("2", "3_A_KNOW")
    assert {p.column for p in batch.problems if p.column} == {"StartDate"}
    # The loop's ImportIds (3_QID5) are found with --import-ids after the tags were renamed.
    content = (FIXTURES / "qualtrics-loop-noord-2026.csv").read_text(encoding="utf-8")
    renamed = write(
        project_dir.parent,
        "renamed.csv",
        content.replace("_A_FREQ,", "_FREQ,").replace("_A_FREQ\r", "_FREQ\r"),
    )
    with pytest.raises(DataError):
        import_qualtrics(renamed, project_dir, wave="2026")
    again = import_qualtrics(renamed, project_dir, wave="2026", import_ids={"A_FREQ": "QID5"})
    assert again.ties[["source", "target", "tie_type", "weight"]].equals(
        batch.ties[["source", "target", "tie_type", "weight"]]
    )


@pytest.mark.parametrize("column", ["2_A_FREQ_3", "1_P_KPI3"])
def test_loop_that_cannot_be_placed_stops_with_a_message(tmp_path, project_dir, column):
    content = qualtrics_text([Q_W1]).splitlines()
    content[0] = content[0].replace("A_FREQ_1", column)
    with pytest.raises(DataError) as exc:
        run(tmp_path, project_dir, "\n".join(content) + "\n")
    [p] = exc.value.problems
    assert p.column == column and "Loop & Merge" in p.message


def test_import_ids_on_a_split_multi_select_question_with_choice_id(tmp_path, project_dir):
    """Qualtrics writes a split multi-select column's option in the ImportId's choiceId ({"ImportId":"QID3","choiceId":"2"})."""
    header = [
        "ResponseId",
        "actor_id",
        "wijk",
        "KERNAANPAK_2",
        "KERNAANPAK_3",
        "A_KNOW_2",
        "A_FREQ_2",
        "A_INT_2",
        "A_REF_2",
        "P_KPI3",
        "P_ACTIVE",
    ]
    ids = [{"ImportId": "_recordId"}, {"ImportId": "actor_id"}, {"ImportId": "wijk"}, {"ImportId": "QID3", "choiceId": "2"},
           {"ImportId": "QID3", "choiceId": "3"}, {"ImportId": "QID4_2"}, {"ImportId": "QID5_2"}, {"ImportId": "QID6_2"},
           {"ImportId": "QID7_2"}, {"ImportId": "QID9"}, {"ImportId": "QID10"}]  # fmt: skip
    rows = [
        header,
        header,
        [json.dumps(i) for i in ids],
        ["R_1", "z1", "Noord", "1", "1", "1", "4", "3", "4", "4", "1"],
    ]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    batch = run(tmp_path, project_dir, out.getvalue(), import_ids={"R_KERN": "QID3"})
    assert batch.respondents.iloc[0].kernaanpakken == "Welzijn op Recept;Kernteam Ouderen"
    # only the note listing the optional questions this small export leaves out
    assert ties_of(batch) == {("z1", "z2", "samenwerking")}
    assert [p.message.split(":")[0] for p in batch.problems] == [
        "23 vraag/vragen van het instrument staan niet in de export; die antwoorden blijven leeg"
    ]


def test_sep_line_and_an_unclosed_quote_in_a_survey_export(tmp_path, project_dir):
    content = qualtrics_text(Q_ROWS, delimiter=";")
    batch = run(tmp_path, project_dir, "sep=;\r\n" + content, name="sep.csv")
    assert ties_of(batch) == EXPECTED_TIES
    lines = content.splitlines()
    lines[4] = lines[4].replace(
        ";Noord;", ';"Noord;', 1
    )  # a quotation mark opened in the second response, never closed
    exc = error(tmp_path, project_dir, "\n".join(lines) + "\n")
    assert [(p.file, p.row) for p in exc.problems] == [
        ("export.csv", 5)
    ] and "aanhalingsteken" in exc.problems[0].message
