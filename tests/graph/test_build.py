from __future__ import annotations

import networkx as nx
import pytest

from wijknet import build_graphs, load_project


@pytest.fixture
def project(tidy_folder):
    return load_project(tidy_folder)


def test_every_actor_of_the_wijk_in_every_wave(project):
    G = project.graph("Noord", "2025")
    assert isinstance(G, nx.DiGraph)
    assert sorted(G) == ["i1", "w1", "z1", "z2"]
    assert G.degree("i1") == 0, "actor without ties is an isolate"
    assert G.nodes["z1"]["domain"] == "zorg" and G.nodes["z1"]["pluswijkteam"] is True
    assert G.graph == {"wijk": "Noord", "wave": "2025", "symmetrise": "none"}
    assert sorted(project.graph("Noord", "2026")) == sorted(G)


def test_ties_of_several_types_merge_into_one_arc(project):
    G = project.graph("Noord", "2026")
    data = G.edges["z1", "w1"]
    assert data["weight"] == 5.0
    assert data["tie_type"] == "overleg;verwijzing"
    assert data["evidence"] == "enquête; gesprek"


def test_filters(project):
    G = project.graph("Noord", "2026", tie_types=["overleg"])
    assert G.edges["z1", "w1"]["weight"] == 1.0 and G.has_edge("w1", "z1")
    G = project.graph("Noord", "2025", min_weight=3)
    assert sorted(G.edges) == [("z1", "z2"), ("z2", "z1")]


def test_symmetrise_union_and_reciprocated(project):
    union = project.graph("Noord", "2025", symmetrise="union")
    assert not union.is_directed()
    assert union.number_of_edges() == 2
    assert union.edges["z1", "z2"]["weight"] == 4.0, "union keeps the stronger report"
    recip = project.graph("Noord", "2025", symmetrise="reciprocated")
    assert sorted(map(sorted, recip.edges)) == [["z1", "z2"]]
    assert recip.edges["z1", "z2"]["weight"] == 3.0, "reciprocated keeps the weaker report"
    assert recip.number_of_nodes() == 4


def test_wave_without_ties_gives_isolates(project):
    G = project.graph("Zuid", "2026")
    assert G.number_of_nodes() == 2 and G.number_of_edges() == 0


def test_build_graphs_covers_all_wijken_and_waves(project):
    graphs = build_graphs(project)
    assert list(graphs) == [
        ("Noord", "2025"),
        ("Noord", "2026"),
        ("Zuid", "2025"),
        ("Zuid", "2026"),
    ]


def test_attributes_are_plain_python(project):
    G = project.graph("Noord", "2025")
    for _, data in G.nodes(data=True):
        assert all(type(v) in (str, bool, int, float) for v in data.values())
    nx.write_graphml(G, "/dev/null")
