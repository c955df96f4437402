"""GraphML and GEXF files into tidy tables and into a project store: round trips with attributes."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

import wijknet
from tests.conftest import ACTORS, TIES, write
from wijknet.errors import DataError
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
    if fmt == "gexf":  # GEXF keeps no graph attributes: the wijk goes on the nodes, the wave comes from --wave
        nx.set_node_attributes(G, "Daalhof", "wijk")
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(G, path)
    batch = read_graph_file(path, wave="2026" if fmt == "gexf" else None)
    assert isinstance(batch, ImportBatch) and batch.tool == fmt
    actors = batch.actors.set_index("actor_id")
    assert actors.loc["p1", "wijk"] == "Daalhof" and actors.loc["p1", "pluswijkteam"] == "ja"
    assert actors.loc["p3", "fte"] == "2.5" and actors.loc["p2", "name"] == "Coach Fictief"
    ties = batch.ties
    assert set(zip(ties["source"], ties["target"], ties["tie_type"])) == {
        ("p1", "p2", "samenwerking"), ("p2", "p3", "overleg"), ("p2", "p3", "verwijzing")}
    first = ties[ties["source"] == "p1"].iloc[0]
    assert (first["wave"], first["weight"], first["evidence"], first["source_file"], first["source_row"]) == (
        "2026", "3", "kaart 2026", f"net.{fmt}", "1")
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
    pd.testing.assert_frame_equal(again.actors[project.actors.columns].sort_values("actor_id").reset_index(drop=True),
                                  project.actors.sort_values("actor_id").reset_index(drop=True))
    for wijk in project.wijken:
        for wave in project.waves:
            a, b = project.graph(wijk, wave), again.graph(wijk, wave)
            assert set(a.edges) == set(b.edges)
            assert all(a.edges[e]["weight"] == b.edges[e]["weight"] for e in a.edges)
    ev = again.evidence("Noord", "2025", "z1", "z2")
    assert set(ev["kind"]) == {"graph_file"} and ev["source_file"].str.endswith(f".{fmt}").all()
    # the graph file's nodes agree with the actors already there: importing the tidy actors changes nothing
    assert import_files(store, [tidy / "actors.csv"]).files[0].counts["actors_same"] == 6
