"""GraphML and GEXF files into tidy tables and into a project store: round trips with attributes."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import wijknet
from tests.conftest import ACTORS, TIES, write
from wijknet.core.errors import DataError
from wijknet.export import export_project
from wijknet.ingest.batch import ImportBatch
from wijknet.ingest.graphfile import read_graph_file
from wijknet.store import import_files, init_store


def small_graph(directed=True):
    G = (nx.DiGraph if directed else nx.Graph)(wijk="Daalhof", wave="2026")
    G.add_node("p1", domain="zorg", name="Praktijk Fictief", pluswijkteam=True, fte=0.8)
    G.add_node("p2", domain="welzijn", name="Coach Fictief", pluswijkteam=False, fte=1.0)
    G.add_node("p3", domain="wonen", name="Corporatie Fictief", pluswijkteam=False, fte=2.5)
    G.add_edge("p1", "p2", weight=3.0, tie_type="samenwerking", evidence="kaart 2026", since="2024")
    G.add_edge("p2", "p3", weight=1.5, tie_type="overleg;verwijzing")
    return G


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_networkx_files_with_attributes(tmp_path, fmt):
    path = tmp_path / f"net.{fmt}"
    G = small_graph()
    if (
        fmt == "gexf"
    ):  # GEXF keeps no graph attributes: the wijk goes on the nodes, the wave comes from --wave
        nx.set_node_attributes(G, "Daalhof", "wijk")
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(G, path)
    batch = read_graph_file(path, wave="2026" if fmt == "gexf" else None)
    assert isinstance(batch, ImportBatch) and batch.tool == fmt
    actors = batch.actors.set_index("actor_id")
    assert actors.loc["p1", "wijk"] == "Daalhof" and actors.loc["p1", "pluswijkteam"] == "ja"
    assert actors.loc["p3", "fte"] == "2.5" and actors.loc["p2", "name"] == "Coach Fictief"
    ties = batch.ties
    assert set(zip(ties["source"], ties["target"], ties["tie_type"])) == {
        ("p1", "p2", "samenwerking"),
        ("p2", "p3", "overleg"),
        ("p2", "p3", "verwijzing"),
    }
    first = ties[ties["source"] == "p1"].iloc[0]
    assert (
        first["wave"],
        first["weight"],
        first["evidence"],
        first["source_file"],
        first["source_row"],
    ) == ("2026", "3", "kaart 2026", f"net.{fmt}", "1")
    assert '"since": "2024"' in first["answers"]


def test_undirected_edges_become_ties_both_ways(tmp_path):
    path = tmp_path / "u.graphml"
    nx.write_graphml(small_graph(directed=False), path)
    ties = read_graph_file(path).ties
    assert {("p1", "p2"), ("p2", "p1")} <= set(zip(ties["source"], ties["target"]))


def test_missing_wave_names_the_edge(tmp_path):
    G = small_graph()
    del G.graph["wave"]
    path = tmp_path / "nowave.graphml"
    nx.write_graphml(G, path)
    with pytest.raises(DataError) as info:
        read_graph_file(path)
    problem = info.value.problems[0]
    assert problem.file == "nowave.graphml" and problem.row == 1 and "--wave" in problem.message
    assert len(read_graph_file(path, wave="2025").ties) == 3


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_bidi_and_control_characters_are_removed_with_a_note_that_names_no_value(tmp_path, fmt):
    G = small_graph()
    nx.set_node_attributes(G, "Daalhof", "wijk")
    G.nodes["p2"]["name"] = "Coach\u202eFictief"
    G.edges["p1", "p2"]["evidence"] = "kaart\u2066 2026\x85"
    path = tmp_path / f"net.{fmt}"
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(G, path)
    batch = read_graph_file(path, wave="2026")
    assert batch.actors.set_index("actor_id").loc["p2", "name"] == "CoachFictief"
    assert set(batch.ties.loc[batch.ties["source"] == "p1", "evidence"]) == {"kaart 2026"}
    notes = {(p.file, p.row, p.column): p.message for p in batch.problems}
    edge = (
        "edge 0" if fmt == "gexf" else "edge p1-p2"
    )  # GEXF edges have ids, GraphML ones from networkx not
    assert set(notes) == {
        (f"net.{fmt}", 2, "node p2: name"),
        (f"net.{fmt}", 1, f"{edge}: evidence"),
    }, notes
    assert "U+202E" in notes[(f"net.{fmt}", 2, "node p2: name")]
    assert not any("Coach" in p.message or "kaart" in p.message for p in batch.problems)


def test_broken_xml_is_a_problem(tmp_path):
    path = write(tmp_path, "broken.graphml", "<graphml><node id='a'></graphml>")
    with pytest.raises(DataError, match="GraphML"):
        read_graph_file(path)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_round_trip_through_wijknet_export_and_the_store(tmp_path, fmt):
    tidy = tmp_path / "tidy"
    tidy.mkdir()
    write(tidy, "actors.csv", ACTORS)
    write(tidy, "ties.csv", TIES)
    project = wijknet.load_project(tidy)
    files = export_project(project, fmt, tmp_path / "export")
    store = tmp_path / "store"
    init_store(store)
    report = import_files(store, files)
    assert {f.kind for f in report.files} == {fmt}
    again = wijknet.load_project(store)
    pd.testing.assert_frame_equal(
        again.actors[project.actors.columns].sort_values("actor_id").reset_index(drop=True),
        project.actors.sort_values("actor_id").reset_index(drop=True),
    )
    for wijk in project.wijken:
        for wave in project.waves:
            a, b = project.graph(wijk, wave), again.graph(wijk, wave)
            assert set(a.edges) == set(b.edges)
            assert all(a.edges[e]["weight"] == b.edges[e]["weight"] for e in a.edges)
    ev = again.evidence("Noord", "2025", "z1", "z2")
    # the kind is the one the tidy import would give (enquête -> survey), not graph_file (issue 12, item 5)
    assert set(ev["kind"]) == {"survey"} and ev["source_file"].str.endswith(f".{fmt}").all()
    # the graph file's nodes agree with the actors already there: importing the tidy actors changes nothing
    assert import_files(store, [tidy / "actors.csv"]).files[0].counts["actors_same"] == 6


#: Observations of every kind, several per arc: a survey answer and its confirmation, an interview, types with
#: their own weights, one without a weight.
KIND_TIES = (
    "wijk,wave,source,target,tie_type,weight,evidence,evidence_kind\n"
    "Noord,2025,z1,z2,samenwerking,3,enquête 2025,survey\n"
    "Noord,2025,z2,z1,samenwerking,4,enquête 2025,survey\n"
    "Noord,2025,z1,w1,verwijzing,2,gesprek met de coach,interview\n"
    "Noord,2026,z1,w1,verwijzing,5,enquête 2026,survey\n"
    "Noord,2026,z1,w1,overleg,1,gesprek,interview\n"
    "Noord,2026,w1,z1,overleg,,Network Canvas,network_canvas\n"
    "Zuid,2025,g1,w2,samenwerking,1,tabel,tidy_file\n"
)
#: z2 confirms z1's answer (same tie, same type: a second file, as a tidy table cannot hold it twice).
CONFIRMATIONS = "wijk,wave,source,target,tie_type,weight,evidence,evidence_kind\nNoord,2025,z1,z2,samenwerking,4,enquête 2025,confirmation\n"
OBS = ["wijk", "wave", "source", "target", "tie_type", "weight", "kind", "label"]


def _kind_store(tmp_path):
    tidy = tmp_path / "tidy"
    tidy.mkdir()
    write(tidy, "actors.csv", ACTORS)
    write(tidy, "ties.csv", KIND_TIES)
    write(tidy, "confirmations.csv", CONFIRMATIONS)
    store = tmp_path / "store"
    init_store(store)
    import_files(store, [tidy / "actors.csv", tidy / "ties.csv"])
    import_files(store, [tidy / "confirmations.csv"], kind="tidy-ties")
    return store


def _observations(store):
    from wijknet.store.db import connect
    from wijknet.store.frames import observations

    conn = connect(store)
    try:
        obs = observations(conn)[OBS]
    finally:
        conn.close()
    return obs.fillna({"weight": -1}).sort_values(OBS).reset_index(drop=True)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_round_trip_keeps_every_observation_with_its_kind(tmp_path, fmt):
    store = _kind_store(tmp_path)
    before = _observations(store)
    assert set(before["kind"]) == {
        "survey",
        "confirmation",
        "interview",
        "network_canvas",
        "tidy_file",
    }
    files = export_project(wijknet.load_project(store), fmt, tmp_path / "export")
    second = tmp_path / "second"
    init_store(second)
    import_files(second, files)
    pd.testing.assert_frame_equal(_observations(second), before)
    for rule in ("survey", "confirmed", "all"):
        a = wijknet.store.load_store_project(store, rule).ties
        b = wijknet.store.load_store_project(second, rule).ties
        cols = ["wijk", "wave", "source", "target", "tie_type", "weight", "observations"]
        key = ["wijk", "wave", "source", "target", "tie_type"]
        assert len(a) > 0 or rule == "confirmed"
        pd.testing.assert_frame_equal(
            b[cols].sort_values(key).reset_index(drop=True),
            a[cols].sort_values(key).reset_index(drop=True),
        )


def test_observations_attribute_that_is_not_wijknets_is_a_problem(tmp_path):
    G = small_graph()
    G.edges["p1", "p2"]["observations"] = '[{"tie_type": "x"}]'
    path = tmp_path / "bad.graphml"
    nx.write_graphml(G, path)
    with pytest.raises(DataError) as info:
        read_graph_file(path)
    problem = info.value.problems[0]
    assert problem.file == "bad.graphml" and problem.row == 1 and "observations" in problem.message


FIXTURES = Path(__file__).parents[1] / "fixtures" / "graphml"


def test_igraph_graphml_uses_the_id_attribute_and_adds_no_duplicate_actors(tmp_path):
    """tests/fixtures/graphml/igraph_noord_2026.graphml: wijknet's export written again by R igraph (make_igraph.R)."""
    batch = read_graph_file(FIXTURES / "igraph_noord_2026.graphml")
    assert list(batch.actors["actor_id"]) == ["z1", "z2", "w1", "i1"], "not n0, n1, ..."
    assert "id" in batch.problems[0].message, "the replacement is said, not silent"
    assert set(zip(batch.ties["source"], batch.ties["target"])) == {("z1", "w1"), ("w1", "z1")}
    tidy = tmp_path / "tidy"
    tidy.mkdir()
    write(tidy, "actors.csv", ACTORS)
    store = tmp_path / "store"
    init_store(store)
    import_files(store, [tidy / "actors.csv"])
    report = import_files(store, [FIXTURES / "igraph_noord_2026.graphml"])
    assert (
        report.files[0].counts["actors_added"] == 0 and report.files[0].counts["actors_same"] == 4
    )
    assert any("igraph" in note.message for note in report.files[0].notes), (
        "the import report says so"
    )
    project = wijknet.load_project(store)
    assert len(project.actors) == 6
    assert set(project.evidence("Noord", "2026", "z1", "w1")["kind"]) == {"survey", "interview"}


def test_generated_ids_without_an_id_attribute_are_kept_with_a_note(tmp_path):
    G = nx.DiGraph(wijk="Noord", wave="2026")
    G.add_edge("n0", "n1", weight=1.0)
    path = tmp_path / "plain.graphml"
    nx.write_graphml(G, path)
    batch = read_graph_file(path)
    assert list(batch.actors["actor_id"]) == ["n0", "n1"] and "n0" in batch.problems[0].message


def test_gephi_label_is_the_id_when_ids_are_generated(tmp_path):
    G = nx.DiGraph(wijk="Noord", wave="2026")
    G.add_node("n0", label="z1")
    G.add_node("n1", label="z2")
    G.add_edge("n0", "n1", weight=1.0)
    path = tmp_path / "gephi.graphml"
    nx.write_graphml(G, path)
    assert list(read_graph_file(path).actors["actor_id"]) == ["z1", "z2"]
