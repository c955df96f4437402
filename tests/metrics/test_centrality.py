"""Degree, betweenness and articulation points: hand-worked graphs and R (sna, igraph) references."""

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import wijknet
from wijknet.metrics.centrality import articulation_points, betweenness, degree

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REFERENCE = pd.read_csv(FIXTURES / "r" / "actor_reference.csv")
PROJECTS = {name: wijknet.load_project(FIXTURES / name) for name in ("emon", "random")}
CASES = [(name, wijk) for name, project in PROJECTS.items() for wijk in project.wijken]


def graph_and_reference(name, wijk, symmetrise=None):
    project = PROJECTS[name]
    G = project.graph(wijk, project.waves[0], symmetrise=symmetrise)
    ref = REFERENCE[REFERENCE["wijk"] == wijk].reset_index(drop=True)
    assert list(G) == ref["actor_id"].tolist()
    return G, ref


def digraph(arcs, nodes=()):
    G = nx.DiGraph()
    G.add_nodes_from(nodes)
    G.add_weighted_edges_from(arcs)
    return G


# --- hand-worked -------------------------------------------------------------


def test_degree_and_strength_by_hand():
    # a -2-> b -0.5-> c, a -1-> c, e isolate.
    # in:  a 0, b 1 (from a), c 2 (from a, b), e 0; out: a 2, b 1, c 0, e 0.
    # in-strength: b 2, c 0.5 + 1 = 1.5; out-strength: a 2 + 1 = 3, b 0.5.
    G = digraph([("a", "b", 2.0), ("b", "c", 0.5), ("a", "c", 1.0)], nodes=["a", "b", "c", "e"])
    out = degree(G)
    assert out["actor_id"].tolist() == ["a", "b", "c", "e"]
    assert out["in_degree"].tolist() == [0, 1, 2, 0]
    assert out["out_degree"].tolist() == [2, 1, 0, 0]
    assert out["in_strength"].tolist() == [0.0, 2.0, 1.5, 0.0]
    assert out["out_strength"].tolist() == [3.0, 0.5, 0.0, 0.0]
    # weight=None: strengths are the degrees
    binary = degree(G, weight=None)
    assert binary["in_strength"].tolist() == [0.0, 1.0, 2.0, 0.0]


def test_degree_undirected_and_self_tie_excluded():
    # Undirected edges a-b, b-c: in = out = degree (1, 2, 1). The self-tie
    # b-b would add to b in networkx's degree but the diagonal is excluded.
    G = nx.Graph([("a", "b"), ("b", "c"), ("b", "b")])
    out = degree(G, weight=None)
    assert out["in_degree"].tolist() == [1, 2, 1]
    assert out["out_degree"].tolist() == [1, 2, 1]


def test_betweenness_directed_path_by_hand():
    # Directed path a -> b -> c -> d plus isolate e (n = 5).
    # Ordered pairs with a path through an intermediary: (a,c) via b,
    # (a,d) via b and c, (b,d) via c. So b = 2, c = 2, a = d = e = 0.
    # Normalised by (n-1)(n-2) = 12: b = c = 1/6. No path runs backwards,
    # so reversing the arcs gives the same values.
    G = digraph([("a", "b", 1), ("b", "c", 1), ("c", "d", 1)], nodes=["a", "b", "c", "d", "e"])
    out = betweenness(G)
    assert out["betweenness"].tolist() == [0.0, 2.0, 2.0, 0.0, 0.0]
    np.testing.assert_allclose(out["betweenness_normalised"], [0, 1 / 6, 1 / 6, 0, 0])


def test_betweenness_split_paths_and_undirected_by_hand():
    # Diamond s -> x -> t, s -> y -> t: two shortest s-t paths, x and y each
    # get 1/2. Weights are ignored (a heavy arc is not a longer distance).
    G = digraph([("s", "x", 5), ("s", "y", 1), ("x", "t", 1), ("y", "t", 1)])
    out = betweenness(G).set_index("actor_id")["betweenness"]
    assert out.to_dict() == {"s": 0.0, "x": 0.5, "y": 0.5, "t": 0.0}
    # Undirected diamond: unordered pairs {s,t} (x, y 1/2 each) and {x,y}
    # (s, t 1/2 each). Normalised by (n-1)(n-2)/2 = 3: 1/6 for everyone.
    U = betweenness(G.to_undirected())
    assert U["betweenness"].tolist() == [0.5, 0.5, 0.5, 0.5]
    np.testing.assert_allclose(U["betweenness_normalised"], [1 / 6] * 4)


def test_betweenness_normalised_undefined_below_three_actors():
    G = digraph([("a", "b", 1)])
    assert betweenness(G)["betweenness_normalised"].isna().all()


def test_articulation_points_by_hand():
    # Arcs a -> b, c -> b (b only receives), c -> d, and triangle e, f, g
    # with isolate h. Weakly: path a - b - c - d, so b and c are cut
    # vertices although no directed path runs through b; a triangle has none;
    # an isolate is never one.
    G = digraph(
        [("a", "b", 1), ("c", "b", 1), ("c", "d", 1), ("e", "f", 1), ("f", "g", 1), ("g", "e", 1)],
        nodes=["a", "b", "c", "d", "e", "f", "g", "h"],
    )
    out = articulation_points(G).set_index("actor_id")["articulation_point"]
    assert out[out].index.tolist() == ["b", "c"]
    assert out.dtype == bool
    assert articulation_points(G.to_undirected())["articulation_point"].tolist() == out.tolist()


# --- R references: emon (Drabek et al. 1981) and seeded random digraphs -------


@pytest.mark.parametrize("name, wijk", CASES)
def test_degree_matches_sna(name, wijk):
    G, ref = graph_and_reference(name, wijk)
    out = degree(G)
    assert out["in_degree"].tolist() == ref["indegree"].tolist()
    assert out["out_degree"].tolist() == ref["outdegree"].tolist()
    np.testing.assert_allclose(out["in_strength"], ref["instrength"], rtol=0, atol=1e-9)
    np.testing.assert_allclose(out["out_strength"], ref["outstrength"], rtol=0, atol=1e-9)


@pytest.mark.parametrize("name, wijk", CASES)
def test_betweenness_matches_sna(name, wijk):
    G, ref = graph_and_reference(name, wijk)
    n = G.number_of_nodes()
    out = betweenness(G)
    np.testing.assert_allclose(out["betweenness"], ref["betweenness"], rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(
        out["betweenness_normalised"], ref["betweenness"] / ((n - 1) * (n - 2)), atol=1e-12
    )
    U, _ = graph_and_reference(name, wijk, symmetrise="union")
    np.testing.assert_allclose(
        betweenness(U)["betweenness"], ref["betweenness_undirected"], rtol=1e-12, atol=1e-9
    )


@pytest.mark.parametrize("name, wijk", CASES)
def test_articulation_points_match_igraph(name, wijk):
    G, ref = graph_and_reference(name, wijk)
    assert (
        articulation_points(G)["articulation_point"].tolist()
        == ref["articulation"].astype(bool).tolist()
    )


def test_partners_count_a_mutual_tie_once_by_hand():
    # a <-> b, a -> c, d isolate: a has 2 partners (3 arcs), b 1, c 1, d 0.
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")])
    G.add_node("d")
    table = degree(G).set_index("actor_id")
    assert table["partners"].to_dict() == {"a": 2, "b": 1, "c": 1, "d": 0}
    assert table.loc["a", "in_degree"] + table.loc["a", "out_degree"] == 3
    undirected = degree(G.to_undirected()).set_index("actor_id")
    assert undirected["partners"].to_dict() == undirected["in_degree"].to_dict()


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("block", [512, 7])
def test_matrix_brandes_equals_networkx(monkeypatch, directed, block):
    """The all-sources-at-once Brandes equals networkx's one-source-at-a-time version, isolates and
    several components included, whatever the block of sources."""
    from wijknet.metrics import centrality

    monkeypatch.setattr(centrality, "BRANDES_BLOCK", block)
    for seed in range(6):
        G = nx.gnp_random_graph(30 + 7 * seed, 0.04 + 0.02 * seed, seed=seed, directed=directed)
        G.add_nodes_from(["isolate-1", "isolate-2"])
        G.add_edges_from([("x", "y"), ("y", "z")])  # a second component
        expected = nx.betweenness_centrality(G, normalized=False)
        ours = betweenness(G)
        assert ours["actor_id"].tolist() == list(G)
        np.testing.assert_allclose(
            ours["betweenness"], [expected[v] for v in G], rtol=1e-12, atol=1e-9
        )
