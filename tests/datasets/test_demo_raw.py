"""The demo's raw exports go through wijknet init and wijknet import into one project, with evidence back to the source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.store.helpers import run
from wijknet import load_project
from wijknet.datasets.demo_raw import write_raw_exports
from wijknet.graph.build import build_graph
from wijknet.store.kinds import recognise

WIJK, WAVE = "Daalhof", "2026"


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> dict[str, list[Path]]:
    return write_raw_exports(tmp_path_factory.mktemp("raw"), wijk=WIJK, wave=WAVE)


@pytest.fixture(scope="module")
def project_dir(raw, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store") / "project"
    steps = [
        ("init", folder),
        ("import", folder, *raw["actors"]),
        (
            "import",
            folder,
            *raw["qualtrics"],
            *raw["limesurvey"],
            *raw["interviews"],
            "--wave",
            WAVE,
        ),
        ("import", folder, *raw["network_canvas"], "--wijk", WIJK, "--wave", WAVE),
    ]
    for args in steps:
        result = run(*args)
        assert result.exit_code == 0, result.output
    return folder


def test_every_export_is_recognised(raw):
    kinds = {key: {recognise(p) for p in paths} for key, paths in raw.items()}
    assert kinds == {"actors": {"tidy-actors"}, "qualtrics": {"qualtrics"}, "limesurvey": {"limesurvey"},
                     "network_canvas": {"network-canvas"}, "interviews": {"interviews"}}  # fmt: skip


def test_raw_exports_are_fictional(raw):
    text = (raw["actors"][0].parent / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert "fictie" in text.lower() and "fictional" in text.lower()
    assert "(fictief)" in raw["interviews"][0].read_text(encoding="utf-8")


def test_one_project_with_ties_from_every_source(project_dir):
    project = load_project(project_dir)
    for wijk in project.wijken:
        for wave in project.waves:
            build_graph(project, wijk, wave)  # every wijk and wave loads
    G = build_graph(project, WIJK, WAVE)
    assert G.number_of_edges() > 100
    from wijknet.store import connect
    from wijknet.store.frames import observations

    conn = connect(project_dir)
    try:
        kinds = observations(conn).groupby("kind")["source_file"].agg(set).to_dict()
    finally:
        conn.close()
    assert {"qualtrics.csv", "limesurvey.csv"} <= kinds["survey"]
    assert kinds["interview"] == {"gesprekken.csv"}
    assert any(name.endswith("_attributeList_Person.csv") for name in kinds["network_canvas"])
    # responses of both survey tools are there for KPI 3
    assert project.has_responses and len(project.responses) > 50


def test_evidence_traces_a_survey_tie_to_its_answer(project_dir, raw):
    from wijknet.store import connect
    from wijknet.store.frames import observations

    conn = connect(project_dir)
    try:
        obs = observations(conn)
    finally:
        conn.close()
    tie = obs[(obs["kind"] == "survey") & (obs["source_file"] == "qualtrics.csv")].iloc[0]
    ev = load_project(project_dir).evidence(WIJK, WAVE, tie["source"], tie["target"])
    row = ev[
        (ev["direction"] == "tie")
        & (ev["kind"] == "survey")
        & (ev["source_file"] == "qualtrics.csv")
    ].iloc[0]
    assert row["source_column"].startswith("A_")
    # the row and column point at the respondent's answer in the export (3 header rows: data starts at row 4)
    lines = raw["qualtrics"][0].read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[int(row["source_row"]) - 1].split(",")
    assert cells[header.index("actor_id")] == tie["source"]
    assert cells[header.index(row["source_column"])] != ""


def test_evidence_traces_an_interview_tie_to_its_quote(project_dir, raw):
    from wijknet.store import connect
    from wijknet.store.frames import observations

    conn = connect(project_dir)
    try:
        obs = observations(conn)
    finally:
        conn.close()
    tie = obs[
        (obs["kind"] == "interview") & obs["tie_type"].isin(["samenwerking", "verwijzing"])
    ].iloc[0]
    ev = load_project(project_dir).evidence(WIJK, WAVE, tie["source"], tie["target"])
    row = ev[ev["kind"] == "interview"].iloc[0]
    assert row["quote"] and row["segment_id"].startswith("gesprek-daalhof-")
    assert row["source_file"] == "gesprekken.csv" and row["source_column"] == "codes"
    import csv

    with open(raw["interviews"][0], encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    assert records[int(row["source_row"]) - 2]["segment"] == row["quote"]


def test_signals_and_write_ins_wait_outside_the_graph(project_dir):
    project = load_project(project_dir)
    assert not set(project.ties["tie_type"]) & {"zou_moeten_kennen", "wens", "drempel"}
    listed = run("resolve", project_dir, "--list", "--unlock").output
    assert "Repair Café Kiezelpad (fictief)" in listed and "Buurtkamer De Vlier (fictief)" in listed
    assert "Moestuin De Hulst (fictief)" in listed


def test_cli_demo_raw(tmp_path):
    result = run("demo", tmp_path / "raw", "--raw", "--wave", "2025", "--wijk", "Eijsden")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "raw" / "qualtrics.csv").exists() and (
        tmp_path / "raw" / "networkcanvas"
    ).is_dir()
    data = json.dumps(sorted(p.name for p in (tmp_path / "raw").iterdir()))
    assert "gesprekken.csv" in data
    bad = run("demo", tmp_path / "other", "--raw", "--wijk", "Nergens")
    assert bad.exit_code == 2 and "Traceback" not in bad.output
