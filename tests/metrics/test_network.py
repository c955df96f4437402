"""Whole-network measures: hand-worked toys, edge cases and R (sna, igraph) reference values."""

from __future__ import annotations

import math
import warnings

import networkx as nx
import numpy as np
import pytest

from tests.metrics.common import TOLERANCE, reference_id, reference_networks, toy_digraph, toy_graph
from wijknet.metrics.network import network_metrics

COLUMNS = [
    "actors",
    "ties",
    "density",
    "reciprocity",
    "components",
    "transitivity",
    "degree_centralisation_in",
    "degree_centralisation_out",
    "cross_domain_share",
    "ei_index",
    "ei_expected",
    "ei_p_value",
    "assortativity",
    "isolates",
]
REFERENCE = reference_networks()


def metrics(G, **options) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no division warnings on degenerate graphs
        table = network_metrics(G, **options)
    assert list(table.columns[: len(COLUMNS)]) == COLUMNS and len(table) == 1
    return table.iloc[0].to_dict()


def test_directed_toy_by_hand():
    m = metrics(toy_digraph(), n_permutations=0)
    # N = 6, L = 7: density 7 / 30
    assert (m["actors"], m["ties"], m["isolates"]) == (6, 7, 1)
    assert m["density"] == pytest.approx(7 / 30)
    # reciprocated arcs: a<->b and d<->e, 4 of 7
    assert m["reciprocity"] == pytest.approx(4 / 7)
    # weak components {a, b, c, d, e} and {f}
    assert m["components"] == 2
    # two-paths i->j->k (i != k): a->c->d (closed by a->d), a->d->e, b->a->c, b->a->d, c->d->e: 1 / 5
    assert m["transitivity"] == pytest.approx(0.2)
    # in-degrees a1 b1 c1 d3 e1 f0: sum(3 - d) = 11; out-degrees a3 b1 c1 d1 e1 f0: 11; max (N-1)^2 = 25
    assert m["degree_centralisation_in"] == pytest.approx(11 / 25)
    assert m["degree_centralisation_out"] == pytest.approx(11 / 25)
    assert m["cross_domain_share"] == pytest.approx(4 / 7)
    assert m["ei_index"] == pytest.approx(1 / 7) and m["ei_expected"] == pytest.approx(0.6)
    # e = [[2, 2, 0], [0, 1, 1], [0, 1, 0]] / 7: trace 3/7, rows a = (4, 2, 1)/7, columns b = (2, 4, 1)/7,
    # sum a b = 17/49, r = (21/49 - 17/49) / (32/49) = 1/8
    assert m["assortativity"] == pytest.approx(0.125)
    assert math.isnan(m["ei_p_value"])


def test_undirected_toy_by_hand():
    m = metrics(toy_graph(), n_permutations=0)
    # edges a-b, a-c, a-d, c-d, d-e: density 5 / 15
    assert (m["ties"], m["isolates"], m["components"]) == (5, 1, 2)
    assert m["density"] == pytest.approx(1 / 3)
    assert math.isnan(m["reciprocity"])
    # one triangle a-c-d; connected triples: a C(3,2) + c C(2,2) + d C(3,2) = 7: 3 * 1 / 7
    assert m["transitivity"] == pytest.approx(3 / 7)
    assert m["transitivity"] == pytest.approx(nx.transitivity(toy_graph()))
    # degrees a3 b1 c2 d3 e1 f0: sum(3 - d) = 8, max (N-1)(N-2) = 20
    assert m["degree_centralisation_in"] == pytest.approx(0.4) == m["degree_centralisation_out"]
    assert m["cross_domain_share"] == pytest.approx(0.6) and m["ei_index"] == pytest.approx(0.2)
    assert m["assortativity"] == pytest.approx(
        nx.attribute_assortativity_coefficient(toy_graph(), "domain")
    )


@pytest.mark.parametrize("leaves", [3, 6])
def test_star_reaches_the_centralisation_maximum(leaves):
    # out-star: the hub sends to every leaf. Out-centralisation = ((N-1) * (N-1)) / (N-1)^2 = 1;
    # in-degrees hub 0, leaves 1: sum(1 - d) = 1, so 1 / (N-1)^2
    G = nx.DiGraph()
    G.add_node("hub", domain="zorg")
    G.add_nodes_from((f"leaf{i}" for i in range(leaves)), domain="welzijn")
    G.add_edges_from(("hub", f"leaf{i}") for i in range(leaves))
    m = metrics(G, n_permutations=0)
    assert m["degree_centralisation_out"] == pytest.approx(1.0)
    assert m["degree_centralisation_in"] == pytest.approx(1 / leaves**2)
    # undirected star: sum(N-1 - d) = (N-1)(N-2), the maximum
    u = metrics(G.to_undirected(), n_permutations=0)
    assert u["degree_centralisation_in"] == pytest.approx(1.0)
    # all ties cross domains (E-I = 1). Directed: e = [[0, 1], [0, 0]], a = (1, 0), b = (0, 1),
    # sum a b = 0, so r = 0. Undirected: e = [[0, 1/2], [1/2, 0]], sum a b = 1/2, r = -1/2 / 1/2 = -1
    assert m["ei_index"] == 1 and m["assortativity"] == 0
    assert u["assortativity"] == pytest.approx(-1.0)


def test_weights_ignored_and_seeded():
    G = toy_digraph()
    H = toy_digraph()
    for u, v in H.edges():
        H[u][v]["weight"] = 0.1
    assert metrics(G, seed=4) == metrics(H, seed=4)


def assert_nan(m, *names):
    for name in names:
        assert math.isnan(m[name]), name


@pytest.mark.parametrize("graph_type", [nx.DiGraph, nx.Graph])
def test_empty_graph(graph_type):
    m = metrics(graph_type())
    assert (m["actors"], m["ties"], m["components"], m["isolates"]) == (0, 0, 0, 0)
    assert_nan(m, *[c for c in COLUMNS if c not in ("actors", "ties", "components", "isolates")])


@pytest.mark.parametrize("graph_type", [nx.DiGraph, nx.Graph])
def test_single_node(graph_type):
    G = graph_type()
    G.add_node("1", domain="zorg")
    m = metrics(G)
    assert (m["actors"], m["ties"], m["components"], m["isolates"]) == (1, 0, 1, 1)
    assert_nan(
        m,
        "density",
        "reciprocity",
        "transitivity",
        "degree_centralisation_in",
        "degree_centralisation_out",
        "cross_domain_share",
        "ei_index",
        "ei_expected",
        "ei_p_value",
        "assortativity",
    )


def test_nodes_without_ties():
    G = nx.DiGraph()
    G.add_nodes_from(
        [("1", {"domain": "zorg"}), ("2", {"domain": "zorg"}), ("3", {"domain": "wonen"})]
    )
    m = metrics(G)
    assert (m["density"], m["components"], m["isolates"]) == (0, 3, 3)
    assert m["degree_centralisation_in"] == 0 and m["degree_centralisation_out"] == 0
    assert m["ei_expected"] == pytest.approx(1 / 3)  # I* = 2, E* = 4
    assert_nan(
        m,
        "reciprocity",
        "transitivity",
        "cross_domain_share",
        "ei_index",
        "ei_p_value",
        "assortativity",
    )


def test_two_nodes_one_arc():
    G = nx.DiGraph()
    G.add_nodes_from([("1", {"domain": "zorg"}), ("2", {"domain": "zorg"})])
    G.add_edge("1", "2")
    m = metrics(G)
    # density 1/2, not reciprocated, one component; in-degrees (0, 1): 1 / (N-1)^2 = 1
    assert (m["density"], m["reciprocity"], m["components"]) == (0.5, 0, 1)
    assert m["degree_centralisation_in"] == 1 and m["degree_centralisation_out"] == 1
    # the one tie is internal and there is only one group: E-I -1, assortativity undefined
    # (sum a b = 1; igraph::assortativity_nominal and networkx give NaN as well)
    assert m["ei_index"] == -1 and m["ei_expected"] == -1
    assert_nan(m, "transitivity", "assortativity")
    # undirected: (N-1)(N-2) = 0, centralisation undefined
    u = metrics(G.to_undirected())
    assert_nan(u, "degree_centralisation_in", "degree_centralisation_out", "reciprocity")
    assert u["density"] == 1


def test_self_loops_ignored():
    G = toy_digraph()
    G.add_edge("f", "f")
    assert metrics(G, seed=1) == metrics(toy_digraph(), seed=1)


@pytest.mark.parametrize("case", REFERENCE, ids=reference_id)
def test_matches_r_reference(case):
    row, G = case
    m = metrics(G, n_permutations=0)
    assert (m["actors"], m["ties"], m["isolates"]) == (row["actors"], row["ties"], row["isolates"])
    assert m["components"] == row["components_weak"]
    pairs = {
        "density": "gden",
        "degree_centralisation_in": "centralization_in",
        "degree_centralisation_out": "centralization_out",
        "assortativity": "assortativity_nominal",
        "ei_index": "ei_index",
        "ei_expected": "ei_expected",
    }
    for ours, theirs in pairs.items():
        assert m[ours] == pytest.approx(row[theirs], abs=TOLERANCE), ours
    if row["symmetrise"] == "none":
        assert m["reciprocity"] == pytest.approx(row["grecip_edgewise"], abs=TOLERANCE)
    else:
        assert math.isnan(m["reciprocity"])
    # sna::gtrans returns 1 when there is no two-path; wijknet returns NaN there
    if row["two_paths"] > 0:
        assert m["transitivity"] == pytest.approx(row["gtrans_weak"], abs=TOLERANCE)
    else:
        assert math.isnan(m["transitivity"]) and row["gtrans_weak"] == 1
    assert m["cross_domain_share"] == pytest.approx((1 + row["ei_index"]) / 2, abs=TOLERANCE)


@pytest.mark.parametrize("case", REFERENCE, ids=reference_id)
def test_assortativity_equals_networkx(case):
    _, G = case
    expected = nx.attribute_assortativity_coefficient(G, "domain")
    assert metrics(G, n_permutations=0)["assortativity"] == pytest.approx(expected, abs=TOLERANCE)


def test_p_value_in_range_on_reference_networks():
    for _, G in REFERENCE[:4]:
        p = metrics(G, n_permutations=199, seed=2)["ei_p_value"]
        assert 1 / 200 <= p <= 1
        assert np.isfinite(p)
