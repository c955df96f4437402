"""Burt's constraint and effective size: hand-worked graphs, networkx and R igraph::constraint."""

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import wijknet
from wijknet.metrics.structural_holes import constraint, effective_size

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


def by_actor(df, column):
    return df.set_index("actor_id")[column]


# --- hand-worked -------------------------------------------------------------


def test_star_triangle_and_isolate_by_hand():
    # Star h - x, h - y, h - z: p_hj = 1/3, leaves not tied, so
    #   c_h = 3 * (1/3)^2 = 1/3, effective size 3 (no redundancy), efficiency 1;
    #   a leaf has one contact (p = 1): c = 1, effective size 1.
    # Triangle a, b, c: p = 1/2; for (a, b) the indirect term p_ac p_cb = 1/4,
    #   c_a = 2 * (1/2 + 1/4)^2 = 9/8; effective size = n - 2t/n = 2 - 2*1/2 = 1.
    # Isolate e: no contacts, NaN for both.
    G = nx.Graph([("h", "x"), ("h", "y"), ("h", "z"), ("a", "b"), ("b", "c"), ("c", "a")])
    G.add_node("e")
    c = by_actor(constraint(G), "constraint")
    es = effective_size(G).set_index("actor_id")
    assert c["h"] == pytest.approx(1 / 3) and c["x"] == pytest.approx(1.0)
    assert c["a"] == pytest.approx(9 / 8)
    assert es.loc["h", "effective_size"] == pytest.approx(3) and es.loc[
        "h", "efficiency"
    ] == pytest.approx(1)
    assert es.loc["x", "effective_size"] == pytest.approx(1)
    assert es.loc["a", "effective_size"] == pytest.approx(1) and es.loc[
        "a", "efficiency"
    ] == pytest.approx(0.5)
    assert np.isnan(c["e"]) and es.loc["e"].isna().all()


def test_only_incoming_ties_by_hand():
    # x -> h, y -> h: h sends nothing but its contacts are x and y
    # (z = a + a^T), unconnected: c_h = 2 * (1/2)^2 = 1/2, effective size 2.
    # networkx's effective_size gives NaN here (it looks at successors only).
    G = nx.DiGraph([("x", "h"), ("y", "h")])
    assert by_actor(constraint(G), "constraint")["h"] == pytest.approx(0.5)
    assert by_actor(effective_size(G), "effective_size")["h"] == pytest.approx(2.0)
    assert np.isnan(nx.effective_size(G, nodes=["h"])["h"])


def test_weighted_directed_by_hand():
    # a -3-> b, a -1-> c, b -2-> c. Mutual strengths z_ab = 3, z_ac = 1, z_bc = 2.
    #   p_ab = 3/4, p_ac = 1/4; p_ba = 3/5, p_bc = 2/5; p_ca = 1/3, p_cb = 2/3.
    # Constraint of a:
    #   j = b: (3/4 + p_ac p_cb)^2 = (3/4 + 1/4 * 2/3)^2 = (11/12)^2 = 121/144
    #   j = c: (1/4 + p_ab p_bc)^2 = (1/4 + 3/4 * 2/5)^2 = (11/20)^2 = 121/400
    # Effective size of a, m_jq = z_jq / max_k z_jk:
    #   m_bc = 2/3 (b's strongest tie is 3), m_cb = 2/2 = 1;
    #   redundancy of b: p_ac m_bc = 1/4 * 2/3 = 1/6; of c: p_ab m_cb = 3/4
    #   e_a = (1 - 1/6) + (1 - 3/4) = 13/12, efficiency 13/24.
    # Binary (weight=None) the same arcs form a triangle: 9/8 and 1.
    G = nx.DiGraph()
    G.add_weighted_edges_from([("a", "b", 3.0), ("a", "c", 1.0), ("b", "c", 2.0)])
    assert by_actor(constraint(G, weight="weight"), "constraint")["a"] == pytest.approx(
        121 / 144 + 121 / 400
    )
    es = effective_size(G, weight="weight").set_index("actor_id")
    assert es.loc["a", "effective_size"] == pytest.approx(13 / 12)
    assert es.loc["a", "efficiency"] == pytest.approx(13 / 24)
    assert by_actor(constraint(G), "constraint")["a"] == pytest.approx(9 / 8)
    assert by_actor(effective_size(G), "effective_size")["a"] == pytest.approx(1.0)


def test_reciprocated_arc_weighs_double():
    # a <-> b, a -> c: z_ab = 2, z_ac = 1, so p_ab = 2/3, p_ac = 1/3, b and c
    # not tied: c_a = (2/3)^2 + (1/3)^2 = 5/9.
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")])
    assert by_actor(constraint(G), "constraint")["a"] == pytest.approx(5 / 9)


def test_negative_weight_rejected():
    G = nx.DiGraph()
    G.add_edge("a", "b", weight=-1.0)
    with pytest.raises(ValueError, match="negative"):
        constraint(G, weight="weight")


# --- references: R igraph::constraint, networkx effective_size(nodes=) -------


@pytest.mark.parametrize("name, wijk", CASES)
def test_constraint_matches_igraph(name, wijk):
    G, ref = graph_and_reference(name, wijk)
    U, _ = graph_and_reference(name, wijk, symmetrise="union")
    for graph, weight, column in (
        (G, None, "constraint"),
        (G, "weight", "constraint_weighted"),
        (U, None, "constraint_undirected"),
    ):
        ours = constraint(graph, weight=weight)["constraint"]
        np.testing.assert_allclose(
            ours, ref[column], rtol=0, atol=1e-9, equal_nan=True, err_msg=column
        )


@pytest.mark.parametrize("wijk", ["Cheyenne", "MtSi", "Texas"])
@pytest.mark.parametrize("weight", [None, "weight"])
def test_effective_size_matches_networkx_per_node(wijk, weight):
    # networkx with nodes= (its per-node path); it differs only for actors
    # with only incoming ties, which it leaves NaN.
    G, _ = graph_and_reference("emon", wijk)
    theirs = nx.effective_size(G, nodes=list(G), weight=weight)
    ours = by_actor(effective_size(G, weight=weight), "effective_size")
    in_only = [v for v in G if G.out_degree(v) == 0 and G.in_degree(v) > 0]
    for v in G:
        if v not in in_only:
            assert ours[v] == pytest.approx(theirs[v], abs=1e-9, nan_ok=True), v
    # undirected binary: networkx uses Borgatti's n - 2t/n
    U = G.to_undirected()
    theirs = nx.effective_size(U, nodes=list(U))
    np.testing.assert_allclose(
        effective_size(U)["effective_size"], [theirs[v] for v in U], atol=1e-9
    )
