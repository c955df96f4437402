"""Gould & Fernandez brokerage: hand-worked graphs, a brute-force count and R sna::brokerage."""

import itertools
import time
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import wijknet
from wijknet.metrics.brokerage import ROLES, brokerage

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REFERENCE = pd.read_csv(FIXTURES / "r" / "actor_reference.csv")
PROJECTS = {name: wijknet.load_project(FIXTURES / name) for name in ("emon", "random")}
CASES = [(name, wijk) for name, project in PROJECTS.items() for wijk in project.wijken]
# wijknet role -> column of sna::brokerage()$raw.nli (checked on the
# two-path structure in test_roles_by_two_path_structure, not by name)
SNA = {
    "coordinator": "w_I",
    "itinerant": "w_O",
    "representative": "b_IO",
    "gatekeeper": "b_OI",
    "liaison": "b_O",
    "brokerage_total": "t",
}


def graph_and_reference(name, wijk, symmetrise=None):
    project = PROJECTS[name]
    G = project.graph(wijk, project.waves[0], symmetrise=symmetrise)
    ref = REFERENCE[REFERENCE["wijk"] == wijk].reset_index(drop=True)
    assert list(G) == ref["actor_id"].tolist()
    return G, ref


def grouped(arcs, groups, directed=True):
    G = nx.DiGraph() if directed else nx.Graph()
    for node, group in groups.items():
        G.add_node(node, domain=group)
    G.add_edges_from(arcs)
    return G


def counts(G, **kwargs):
    return brokerage(G, **kwargs).set_index("actor_id")


# --- hand-worked -------------------------------------------------------------


def test_roles_by_two_path_structure():
    # Groups: p, v, r in A; q, w in B; s in C.
    # Broker v (A) has in-arcs from p (A), q (B) and out-arcs to r (A), s (C):
    #   p -> v -> r  A A A  coordinator
    #   p -> v -> s  A A C  representative (i, v same group, k other)
    #   q -> v -> r  B A A  gatekeeper (v, k same group, i other)
    #   q -> v -> s  closed by the arc q -> s: not brokerage
    # Broker w (B) has an in-arc from p (A) and out-arcs to r (A), s (C):
    #   p -> w -> r  A B A  itinerant
    #   p -> w -> s  A B C  liaison
    # Nobody else has both an in- and an out-arc.
    groups = {"p": "A", "v": "A", "r": "A", "q": "B", "w": "B", "s": "C"}
    arcs = [
        ("p", "v"),
        ("q", "v"),
        ("v", "r"),
        ("v", "s"),
        ("q", "s"),
        ("p", "w"),
        ("w", "r"),
        ("w", "s"),
    ]
    out = counts(grouped(arcs, groups))
    assert list(out.columns) == list(ROLES)
    assert out.loc["v"].to_dict() == {
        "coordinator": 1,
        "itinerant": 0,
        "representative": 1,
        "gatekeeper": 1,
        "liaison": 0,
        "brokerage_total": 3,
    }
    assert out.loc["w"].to_dict() == {
        "coordinator": 0,
        "itinerant": 1,
        "representative": 0,
        "gatekeeper": 0,
        "liaison": 1,
        "brokerage_total": 2,
    }
    assert out.drop(index=["v", "w"]).to_numpy().sum() == 0


def test_representative_and_gatekeeper_swap_with_direction():
    # x (A) -> v (A) -> y (B): i and v share group A, k is outside:
    # representative. Reversed, y (B) -> v (A) -> x (A): v lets an outsider
    # in to its own group: gatekeeper. This is what sna calls b_IO and b_OI.
    groups = {"x": "A", "v": "A", "y": "B"}
    forward = counts(grouped([("x", "v"), ("v", "y")], groups)).loc["v"]
    backward = counts(grouped([("y", "v"), ("v", "x")], groups)).loc["v"]
    assert (forward["representative"], forward["gatekeeper"]) == (1, 0)
    assert (backward["representative"], backward["gatekeeper"]) == (0, 1)


def test_undirected_counts_each_pair_twice():
    # Undirected x - v - y, groups A, A, B: both x -> v -> y (representative)
    # and y -> v -> x (gatekeeper) count, so the one brokered pair scores 2,
    # the same as a digraph with both arcs of every edge.
    groups = {"x": "A", "v": "A", "y": "B"}
    U = grouped([("x", "v"), ("v", "y")], groups, directed=False)
    out = counts(U).loc["v"]
    assert (out["representative"], out["gatekeeper"], out["brokerage_total"]) == (1, 1, 2)
    pd.testing.assert_frame_equal(brokerage(U), brokerage(U.to_directed()))


def test_expected_and_z_by_hand():
    # a, b, c in group A (size 3), d in B (size 1); arcs a -> b -> c -> d.
    # Density d = 3 / (4 * 3) = 1/4, so c = d^2 (1 - d) = 3/64.
    # b brokers a -> b -> c (A A A, coordinator 1); c brokers b -> c -> d
    # (A A B, representative 1).
    # Coordinator, group A: E = c (3-1)(3-2) = 3/32,
    #   Var = E (1 - c) + 2 (2)(1)(0) d^3 (1-d)^3 = 3/32 * 61/64,
    #   z(b) = (1 - 3/32) / sqrt(Var).
    # Itinerant for d (others: group A, 3 * 2 = 6 ordered pairs): E = 6c = 9/32.
    # Group B has size 1: coordinator and representative have E = sd = 0, z NaN.
    G = grouped([("a", "b"), ("b", "c"), ("c", "d")], {"a": "A", "b": "A", "c": "A", "d": "B"})
    out = counts(G, expected=True)
    assert out.loc["b", "coordinator"] == 1 and out.loc["c", "representative"] == 1
    assert out.loc["a", "coordinator_expected"] == pytest.approx(3 / 32)
    assert out.loc["b", "coordinator_sd"] == pytest.approx(np.sqrt(3 / 32 * 61 / 64))
    assert out.loc["b", "coordinator_z"] == pytest.approx((1 - 3 / 32) / np.sqrt(3 / 32 * 61 / 64))
    assert out.loc["d", "itinerant_expected"] == pytest.approx(9 / 32)
    assert np.isnan(out.loc["d", "coordinator_z"]) and np.isnan(out.loc["d", "representative_z"])
    assert not np.isnan(out.loc["a", "coordinator_z"])


def test_brute_force_agrees_on_random_digraph():
    # Direct enumeration of the definition over all ordered triples.
    rng = np.random.default_rng(0)
    G = nx.gnp_random_graph(25, 0.15, seed=1, directed=True)
    G = nx.relabel_nodes(G, {v: f"n{v}" for v in G})
    nx.set_node_attributes(G, {v: "ABCD"[rng.integers(4)] for v in G}, "domain")
    expected = {v: dict.fromkeys(ROLES, 0) for v in G}
    for i, v, k in itertools.permutations(G, 3):
        if G.has_edge(i, v) and G.has_edge(v, k) and not G.has_edge(i, k):
            gi, gv, gk = (G.nodes[x]["domain"] for x in (i, v, k))
            role = (
                "coordinator"
                if gi == gv == gk
                else "itinerant"
                if gi == gk
                else "representative"
                if gi == gv
                else "gatekeeper"
                if gv == gk
                else "liaison"
            )
            expected[v][role] += 1
            expected[v]["brokerage_total"] += 1
    assert counts(G).to_dict("index") == expected


def test_missing_group_raises():
    G = grouped([("a", "b")], {"a": "A"})
    with pytest.raises(ValueError, match="domain"):
        brokerage(G)


def test_other_attribute_and_fast_on_150_actors():
    G, ref = graph_and_reference("random", "RandomLarge")
    nx.set_node_attributes(G, {v: d for v, d in G.nodes(data="domain")}, "sector")
    start = time.perf_counter()
    out = brokerage(G, attr="sector", expected=True)
    assert time.perf_counter() - start < 1.0
    assert out["brokerage_total"].tolist() == ref["t"].tolist()


# --- R references: emon (Drabek et al. 1981) and seeded random digraphs -------


@pytest.mark.parametrize("name, wijk", CASES)
def test_raw_counts_match_sna(name, wijk):
    G, ref = graph_and_reference(name, wijk)
    out = brokerage(G)
    for role, column in SNA.items():
        assert out[role].tolist() == ref[column].astype(int).tolist(), role


@pytest.mark.parametrize("name, wijk", CASES)
def test_undirected_raw_counts_match_sna(name, wijk):
    U, ref = graph_and_reference(name, wijk, symmetrise="union")
    out = brokerage(U)
    for role, column in SNA.items():
        assert out[role].tolist() == ref[f"und_{column}"].astype(int).tolist(), role


@pytest.mark.parametrize("name, wijk", CASES)
def test_expected_sd_z_match_sna(name, wijk):
    G, ref = graph_and_reference(name, wijk)
    out = brokerage(G, expected=True)
    for role, column in SNA.items():
        for ours, theirs in (("expected", "exp"), ("sd", "sd"), ("z", "z")):
            # equal_nan: NaN exactly where sna has NaN (groups of size 1 or 2)
            np.testing.assert_allclose(
                out[f"{role}_{ours}"],
                ref[f"{theirs}_{column}"],
                rtol=1e-9,
                atol=1e-9,
                equal_nan=True,
                err_msg=f"{role}_{ours}",
            )


def test_random_fixture_has_undefined_z_scores():
    # The small random digraph has groups of size 1 and 2 on purpose.
    G, ref = graph_and_reference("random", "RandomSmall")
    out = brokerage(G, expected=True)
    assert ref["z_w_I"].isna().any()
    assert out["coordinator_z"].isna().tolist() == ref["z_w_I"].isna().tolist()
