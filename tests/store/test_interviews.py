"""Coded interviews (coding sheet, MAXQDA, ATLAS.ti) and Network Canvas files imported into a project store."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ACTORS, write
from tests.ingest.test_interviews import CELLS, COLUMNS
from tests.ingest.test_networkcanvas import NEW, interview, two_interviews
from tests.store.helpers import run, snapshot
from wijknet import load_project
from wijknet.core.errors import DataError
from wijknet.graph.build import build_graph
from wijknet.store import import_files, ties
from wijknet.store.kinds import recognise

SHEET = (
    "interview_id,interviewee,segment,codes,segment_id\n"
    'gesprek-1,z1,"Met de coach heb ik wekelijks overleg.","actor: Coach Fictief; relatie: werkt samen met",s1\n'
    'gesprek-1,,"Ik stuur mensen door naar de bewonersgroep.","actor: i1; relatie: verwijst naar; thema: ouderen",s2\n'
    'gesprek-1,,"De wijkverpleging kent de bewonersgroep niet.","van: z2; actor: Bewonersgroep Fictief; relatie: kent niet maar zou moeten",s3\n'
    'gesprek-1,,"Met Buurthuis De Kastanje wil ik verder.","actor: Buurthuis De Kastanje; wil verbinden",s4\n'
    'gesprek-1,,"Wachtlijsten bij de wijkverpleging.","actor: z2; relatie: drempel",s5\n'
)
MAXQDA = (
    "Color,Document group,Document name,Code,Begin,End,Weight score,Segment,Comment\n"
    ',Noord,gesprek w1,Geïnterviewde\\w1,1,1,0,"Ik ben coach in Noord.",\n'
    ',Noord,gesprek w1,Actor\\Huisarts Fictief,4,5,0,"Met de huisarts stem ik elke week af.",\n'
    ',Noord,gesprek w1,Relatie\\werkt samen met,4,5,0,"Met de huisarts stem ik elke week af.",\n'
    ',Noord,gesprek w1,Thema\\afstemming,4,5,0,"Met de huisarts stem ik elke week af.",\n'
)
ATLAS = (
    "ID,Quotation Name,Document,Quotation Content,Codes,Reference,Density,Comment,Document Groups\n"
    '1:3,,z2 gesprek,"De coach belt mij als er iets is.","actor: w1\nrelatie: werkt samen met",3 - 3,0,,Noord\n'
    '1:4,,z2 gesprek,"Ik verwijs naar de huisarts.","actor: Huisarts Fictief\nverwijst naar",5 - 5,0,,Noord\n'
)


@pytest.fixture
def store(tmp_path) -> Path:
    folder = tmp_path / "project"
    assert run("init", folder, "--wave", "2025", "--wave", "2026").exit_code == 0
    assert run("import", folder, write(tmp_path, "actors.csv", ACTORS)).exit_code == 0
    return folder


def _observations(folder: Path, where: str = "") -> list[dict]:
    conn = sqlite3.connect(folder / "wijknet.sqlite")
    conn.row_factory = sqlite3.Row
    try:
        return [
            dict(r)
            for r in conn.execute(f"SELECT * FROM observations {where} ORDER BY observation_id")
        ]
    finally:
        conn.close()


def test_coding_sheet_becomes_interview_observations_with_quotes(store, tmp_path):
    sheet = write(tmp_path, "codering.csv", SHEET)
    assert recognise(sheet) == "interviews"
    result = run("import", store, sheet, "--wave", "2026")
    assert result.exit_code == 0, result.output
    assert "(interviews)" in result.output and "5 gecodeerde fragmenten" in result.output
    obs = _observations(store)
    got = {(o["source"], o["target"], o["tie_type"]) for o in obs}
    assert got == {("z1", "w1", "samenwerking"), ("z1", "i1", "verwijzing"), ("z2", "i1", "zou_moeten_kennen"),
                   ("z1", "z2", "drempel")}  # fmt: skip
    first = obs[0]
    assert (
        first["kind"],
        first["label"],
        first["source_file"],
        first["source_row"],
        first["source_column"],
    ) == ("interview", "gesprek gesprek-1", "codering.csv", 2, "codes")
    assert (
        first["quote"] == "Met de coach heb ik wekelijks overleg." and first["segment_id"] == "s1"
    )
    assert json.loads(first["answers"])["mention"] == "Coach Fictief"
    # the unmatched mention waits for wijknet resolve
    listed = run("resolve", store, "--list", "--unlock")
    assert "Buurthuis De Kastanje" in listed.output


def test_signals_never_count_as_ties(store, tmp_path):
    assert (
        run("import", store, write(tmp_path, "codering.csv", SHEET), "--wave", "2026").exit_code
        == 0
    )
    project = load_project(store)
    assert set(project.ties["tie_type"]) == {"samenwerking", "verwijzing"}
    G = build_graph(project, "Noord", "2026")
    assert not G.has_edge("z2", "i1") and not G.has_edge("z1", "z2")
    signals = ties(store, signals=True)
    assert {"zou_moeten_kennen", "drempel"} <= set(signals["tie_type"])
    # an interview signal does not confirm a tie either
    confirmed = load_project(store, evidence_rule="confirmed")
    assert confirmed.ties.empty
    # the evidence of the signal is still there, with its quote
    ev = project.evidence("Noord", "2026", "z2", "i1")
    assert list(ev["tie_type"]) == ["zou_moeten_kennen"] and ev.iloc[0]["quote"].startswith(
        "De wijkverpleging"
    )


def test_resolving_an_interview_mention_makes_interview_observations(store, tmp_path):
    assert (
        run("import", store, write(tmp_path, "codering.csv", SHEET), "--wave", "2026").exit_code
        == 0
    )
    conn = sqlite3.connect(store / "wijknet.sqlite")
    pid = conn.execute("SELECT pending_id FROM pending").fetchone()[0]
    conn.close()
    result = run("resolve", store, "--new", pid, "--domain", "inwoners")
    assert result.exit_code == 0, result.output
    new = _observations(store, "WHERE tie_type = 'wens'")
    assert len(new) == 1
    assert (
        new[0]["kind"],
        new[0]["source"],
        new[0]["quote"],
        new[0]["segment_id"],
        new[0]["source_row"],
    ) == ("interview", "z1", "Met Buurthuis De Kastanje wil ik verder.", "s4", 5)
    assert json.loads(new[0]["answers"])["write_in"] == "Buurthuis De Kastanje"


def test_maxqda_export(store, tmp_path):
    path = write(tmp_path, "Coded segments.csv", MAXQDA)
    assert recognise(path) == "maxqda"
    result = run("import", store, path, "--wave", "2026")
    assert result.exit_code == 0, result.output
    (obs,) = _observations(store)
    assert (obs["source"], obs["target"], obs["tie_type"], obs["kind"]) == (
        "w1",
        "z1",
        "samenwerking",
        "interview",
    )
    assert (obs["source_row"], obs["source_column"], obs["segment_id"]) == (
        3,
        "Code",
        "gesprek w1:4-5",
    )
    assert obs["quote"] == "Met de huisarts stem ik elke week af."


def test_atlasti_export_xlsx(store, tmp_path):
    import csv
    import io

    import pandas as pd

    rows = list(csv.reader(io.StringIO(ATLAS)))
    path = tmp_path / "quotations.xlsx"
    pd.DataFrame(rows[1:], columns=rows[0]).to_excel(path, index=False)
    assert recognise(path) == "atlasti"
    result = run("import", store, path, "--wave", "2026")
    assert result.exit_code == 0, result.output
    obs = _observations(store)
    assert {(o["source"], o["target"], o["tie_type"], o["segment_id"]) for o in obs} == {
        ("z2", "w1", "samenwerking", "1:3"),
        ("z2", "z1", "verwijzing", "1:4"),
    }
    assert {o["source_column"] for o in obs} == {"Codes"}


@pytest.mark.parametrize(("content", "where", "says"), [
    ("interview_id,interviewee,segment,codes\ng,z1,tekst,actor: w1; relatie: kent elkaar\n", "rij 2, kolom 'codes'",
     "onbekende relatie 'kent elkaar'"),
    ("interview_id,interviewee,segment,codes\ng,z1,tekst,relatie: werkt samen met\n", "rij 2, kolom 'codes'",
     "relatiecode zonder actor"),
    ("interview_id,interviewee,segment,codes\ng,Niemand Bekend,tekst,actor: w1; relatie: werkt samen met\n",
     "rij 2, kolom 'interviewee'", "geïnterviewde 'Niemand Bekend' is geen actor"),
    ("interview_id,interviewee,segment,codes\ng,,tekst,actor: w1; relatie: werkt samen met\n", "rij 2, kolom 'interviewee'",
     "de geïnterviewde van gesprek 'g' is onbekend"),
    ("interview_id,interviewee,segment,codes,wijk\ng,z1,tekst,actor: w1; relatie: werkt samen met,Oost\n",
     "rij 2, kolom 'wijk'", "onbekende wijk 'Oost'"),
    ("interview_id,interviewee,segment,codes\ng,z1,tekst,actor: ; relatie: werkt samen met\n", "rij 2, kolom 'codes'",
     "zonder naam of actor_id"),
    ("interview_id,interviewee,segment,codes\ng,z1,tekst,van: Onbekend Iemand; actor: w1; relatie: werkt samen met\n",
     "rij 2, kolom 'codes'", "(code van:) is geen actor van wijk 'Noord'"),
])  # fmt: skip
def test_bad_coding_sheets_name_row_and_column_and_change_nothing(
    store, tmp_path, content, where, says
):
    before = snapshot(store)
    result = run("import", store, write(tmp_path, "codering.csv", content), "--wave", "2026")
    assert result.exit_code == 2
    assert f"codering.csv, {where}" in result.output and says in result.output
    assert "Traceback" not in result.output
    assert snapshot(store) == before


def test_missing_wave_and_columns(store, tmp_path):
    result = run("import", store, write(tmp_path, "codering.csv", "interview_id,interviewee,segment,codes\n"
                                        "g,z1,tekst,actor: w1; relatie: werkt samen met\n"))  # fmt: skip
    assert result.exit_code == 2 and "verwacht een kolom wave of --wave" in result.output
    result = run("import", store, write(tmp_path, "c.csv", "interview_id,codes\ng,actor: w1\n"), "--kind", "interviews",
                 "--wave", "2026")  # fmt: skip
    assert (
        result.exit_code == 2
        and "c.csv, kolom 'segment': kolom 'segment' ontbreekt" in result.output
    )


def test_network_canvas_files_are_one_import(store, tmp_path):
    a = interview(tmp_path, NEW, "caseA", "ego-a", "z1", [(1, "u-a1", "w1", "Coach Fictief", 3),
                                                         (2, "u-a2", "", "'=Stichting Formule", "")],
                  [(1, "u-a1", "u-a2", 1, 2, 4)])  # fmt: skip
    b = interview(tmp_path, NEW, "caseB", "ego-b", "w1", [(1, "u-b1", "z1", "Huisarts Fictief", 5),
                                                         (2, "u-b2", "i1", "Bewonersgroep Fictief", 2)],
                  [(1, "u-b2", "u-b1", 2, 1, "1")])  # fmt: skip
    files = a + b
    assert {recognise(p) for p in files} == {"network-canvas"}
    result = run("import", store, *files, "--wijk", "Noord", "--wave", "2026")
    assert result.exit_code == 0, result.output
    obs = _observations(store)
    assert {o["kind"] for o in obs} == {"network_canvas"}
    got = {(o["source"], o["target"], o["tie_type"]) for o in obs}
    assert got == {
        ("z1", "w1", "kennen"),
        ("w1", "z1", "kennen"),
        ("w1", "i1", "kennen"),
        ("i1", "z1", "samenwerking"),
    }
    edge = next(o for o in obs if o["tie_type"] == "samenwerking")
    assert (edge["source_file"], edge["source_row"], edge["source_column"]) == (
        "caseB_ego-b_edgeList_samenwerking.csv",
        2,
        "networkCanvasSourceUUID",
    )
    # the node without actor_id waits for the registry; the edge touching it is noted, not read
    assert "1 relatie(s) tussen genoemde partijen" in result.output
    assert "=Stichting Formule" in run("resolve", store, "--list", "--unlock").output
    assert build_graph(load_project(store), "Noord", "2026").has_edge("i1", "z1")


def test_network_canvas_needs_wijk_and_wave(store, tmp_path):
    files = two_interviews(tmp_path, NEW)
    result = run("import", store, *files, "--kind", "network-canvas")
    assert result.exit_code == 2 and "geef --wijk --wave" in result.output


# -- fuzzing through wijknet import: recognised or not, any file gives a report or a DataError ---------


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(columns=st.lists(COLUMNS, min_size=1, max_size=6), rows=st.lists(st.lists(CELLS, max_size=7), max_size=4),
       kind=st.sampled_from([None, "interviews", "maxqda", "atlasti", "network-canvas"]))  # fmt: skip
def test_import_never_fails_with_a_traceback(store, tmp_path, columns, rows, kind):
    lines = [",".join(f'"{c}"' for c in columns)] + [
        ",".join('"' + c.replace('"', '""') + '"' for c in r) for r in rows
    ]
    path = write(tmp_path, "fuzz.csv", "\n".join(lines) + "\n")
    try:
        import_files(store, [path], kind=kind, wave="2026", wijk="Noord")
    except DataError as exc:
        assert exc.problems


def test_a_wave_outside_the_projects_waves_is_refused_for_write_ins_too(store, tmp_path):
    before = snapshot(store)
    sheet = write(tmp_path, "codering.csv", "interview_id,interviewee,segment,codes,wave\n"
                  "g,z1,tekst,actor: Iemand Nieuw Fictief; relatie: wil verbinden,2031\n")  # fmt: skip
    result = run("import", store, sheet)
    assert (
        result.exit_code == 2
        and "codering.csv, rij 2, kolom 'wave'" in result.output
        and "2031" in result.output
    )
    assert snapshot(store) == before
