"""E-I index: hand-worked toys, the mixing-matrix identity, the permutation null, R references."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from tests.metrics.common import TOLERANCE, reference_id, reference_networks, toy_digraph, toy_graph
from wijknet.metrics.ei import (
    EIResult,
    ei_index,
    ei_index_by_actor,
    ei_index_by_group,
    ei_permutation_distribution,
)
from wijknet.metrics.mixing import mixing_matrix

REFERENCE = reference_networks()


def labelled_random_graph(n: int, p: float, groups: int, seed: int, directed: bool) -> nx.Graph:
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    rng = np.random.default_rng(seed)
    G = nx.relabel_nodes(G, {i: f"n{i}" for i in G})
    nx.set_node_attributes(G, {v: f"g{rng.integers(groups)}" for v in G}, "domain")
    return G


# --- whole network -----------------------------------------------------------


def test_directed_toy_by_hand():
    result = ei_index(toy_digraph(), n_permutations=0)
    # E = 4 (a->c, a->d, d->e, e->d), I = 3 (a->b, b->a, c->d): (4 - 3) / 7
    assert (result.external, result.internal) == (4, 3)
    assert result.ei_index == pytest.approx(1 / 7)
    # group sizes 2, 2, 2 of N = 6: I* = 3 * 2 * 1 = 6, E* = 6 * 5 - 6 = 24, (24 - 6) / 30
    assert result.ei_expected == pytest.approx(0.6)
    assert math.isnan(result.ei_p_value) and result.n_permutations == 0


def test_undirected_toy_by_hand():
    result = ei_index(toy_graph(), n_permutations=0)
    # E = 3 (a-c, a-d, d-e), I = 2 (a-b, c-d): 1/5; expected: I* = 3, E* = 15 - 3, (12 - 3) / 15
    assert (result.external, result.internal) == (3, 2)
    assert result.ei_index == pytest.approx(0.2)
    assert result.ei_expected == pytest.approx(0.6)


def test_result_frame_and_weights_ignored():
    G = toy_digraph()
    for u, v in G.edges():
        G[u][v]["weight"] = 7.5
    result = ei_index(G, n_permutations=99, seed=3)
    assert isinstance(result, EIResult)
    frame = result.to_frame()
    assert list(frame.columns) == [
        "ei_index",
        "ei_expected",
        "ei_p_value",
        "external",
        "internal",
        "n_permutations",
    ]
    assert len(frame) == 1 and frame.loc[0, "n_permutations"] == 99
    assert result == ei_index(toy_digraph(), n_permutations=99, seed=3)
    with pytest.raises(AttributeError):
        result.ei_index = 0.0  # frozen


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", range(5))
def test_identity_with_normalised_mixing_matrix(directed, seed):
    # E-I = (E - I) / L and trace(e) = I / L (undirected: 2I / 2L), so E-I = 1 - 2 trace(e)
    G = labelled_random_graph(30, 0.15, 4, seed, directed)
    table = mixing_matrix(G)
    e = table["ties"] / table["ties"].sum()
    trace = e[table["from_domain"] == table["to_domain"]].sum()
    assert ei_index(G, n_permutations=0).ei_index == pytest.approx(1 - 2 * trace, abs=TOLERANCE)


@pytest.mark.parametrize("directed", [False, True])
def test_permutation_mean_approaches_expected(directed):
    G = labelled_random_graph(40, 0.1, 3, 11, directed)
    null = ei_permutation_distribution(G, n_permutations=20_000, seed=1)
    expected = ei_index(G, n_permutations=0).ei_expected
    standard_error = null.std() / math.sqrt(null.size)
    assert abs(null.mean() - expected) < 4 * standard_error


def test_complete_graph_reaches_expected_exactly():
    # On the complete graph every relabelling gives the same E-I: observed = expected, p = 1
    G = nx.complete_graph(6, create_using=nx.DiGraph)
    G = nx.relabel_nodes(G, {i: str(i) for i in G})
    nx.set_node_attributes(
        G, dict(zip(G, ["zorg", "zorg", "zorg", "wonen", "wonen", "gemeente"])), "domain"
    )
    result = ei_index(G, n_permutations=50)
    # I* = 3*2 + 2*1 + 0 = 8, E* = 30 - 8 = 22: (22 - 8) / 30
    assert result.ei_index == pytest.approx(14 / 30) == result.ei_expected
    assert result.ei_p_value == 1.0


def test_p_value_matches_its_null_distribution():
    G = labelled_random_graph(25, 0.2, 3, 5, True)
    result = ei_index(G, n_permutations=500, seed=9)
    null = ei_permutation_distribution(G, n_permutations=500, seed=9)
    extreme = np.abs(null - result.ei_expected) >= abs(result.ei_index - result.ei_expected) - 1e-9
    assert result.ei_p_value == pytest.approx((1 + extreme.sum()) / 501)


def test_segregated_network_is_significant():
    # two groups of 10, ties only inside: E-I = -1, far below expected (I* = 180, E* = 200: 1/19);
    # a relabelling reproduces the split with probability 2 / C(20, 10) ~ 1e-5
    G = nx.DiGraph()
    for group in ("zorg", "wonen"):
        members = [f"{group}{i}" for i in range(10)]
        G.add_nodes_from(members, domain=group)
        G.add_edges_from((u, v) for u in members for v in members if u != v)
    result = ei_index(G, n_permutations=999, seed=0)
    assert result.ei_index == -1 and result.ei_expected == pytest.approx(1 / 19)
    # the smallest possible p is 1 / 1000; the seed-0 draws contain one exact copy of the split
    assert 1 / 1000 <= result.ei_p_value <= 5 / 1000


def test_no_ties_single_node_and_empty():
    G = nx.DiGraph()
    G.add_nodes_from(
        [("1", {"domain": "zorg"}), ("2", {"domain": "wonen"}), ("3", {"domain": "wonen"})]
    )
    result = ei_index(G)
    assert math.isnan(result.ei_index) and math.isnan(result.ei_p_value)
    # expected depends on group sizes only: I* = 2, E* = 6 - 2: (4 - 2) / 6
    assert result.ei_expected == pytest.approx(1 / 3)
    assert (result.external, result.internal) == (0, 0)
    one = nx.DiGraph()
    one.add_node("1", domain="zorg")
    assert math.isnan(ei_index(one).ei_expected)
    empty = ei_index(nx.Graph())
    assert math.isnan(empty.ei_index) and math.isnan(empty.ei_expected)
    assert np.isnan(ei_permutation_distribution(G, n_permutations=3)).all()


def test_negative_permutations_rejected():
    with pytest.raises(ValueError):
        ei_index(toy_digraph(), n_permutations=-1)


@pytest.mark.parametrize("case", REFERENCE, ids=reference_id)
def test_matches_r_reference(case):
    row, G = case
    result = ei_index(G, n_permutations=0)
    assert (result.external, result.internal) == (row["external"], row["internal"])
    assert result.ei_index == pytest.approx(row["ei_index"], abs=TOLERANCE)
    assert result.ei_expected == pytest.approx(row["ei_expected"], abs=TOLERANCE)


# --- group level -------------------------------------------------------------


def test_group_level_directed_toy():
    table = ei_index_by_group(toy_digraph())
    assert list(table.columns) == ["group", "internal", "external", "ei_index"]
    assert list(table["group"]) == ["zorg", "welzijn", "wonen"]
    # zorg:    I = a->b, b->a (2); E = a->c, a->d (2)                 -> 0
    # welzijn: I = c->d (1);       E = a->c, a->d, d->e, e->d (4)     -> 3/5
    # wonen:   I = 0;              E = d->e, e->d (2)                 -> 1
    assert list(table["internal"]) == [2, 1, 0]
    assert list(table["external"]) == [2, 4, 2]
    np.testing.assert_allclose(table["ei_index"], [0, 0.6, 1])


def test_group_level_undirected_toy_and_isolated_group():
    G = toy_graph()
    G.add_node("g", domain="gemeente")
    table = ei_index_by_group(G).set_index("group")
    # zorg: I = a-b; E = a-c, a-d -> 1/3; welzijn: I = c-d; E = a-c, a-d, d-e -> 1/2; wonen: E = d-e -> 1
    assert table.loc["zorg", "ei_index"] == pytest.approx(1 / 3)
    assert table.loc["welzijn", "ei_index"] == pytest.approx(0.5)
    assert table.loc["wonen", "ei_index"] == 1
    assert math.isnan(table.loc["gemeente", "ei_index"])


@pytest.mark.parametrize("case", REFERENCE, ids=reference_id)
def test_group_level_sums(case):
    # internal ties are counted once, external ties once for each of their two groups
    row, G = case
    table = ei_index_by_group(G)
    assert table["internal"].sum() == row["internal"]
    assert table["external"].sum() == 2 * row["external"]


# --- actor level -------------------------------------------------------------


def test_actor_level_directed_toy():
    G = toy_digraph()
    # all: a: b (I, out), b (I, in), c, d (E) -> 0; b: a out and in (I) -> -1; c: a (E), d (I) -> 0;
    #      d: c (I), a, e, e (E) -> 1/2; e: d, d (E) -> 1; f: isolate -> NaN
    table = ei_index_by_actor(G)
    assert list(table.columns) == ["actor_id", "ei_individual"]
    assert list(table["actor_id"]) == list("abcdef")
    np.testing.assert_allclose(table["ei_individual"], [0, -1, 0, 0.5, 1, np.nan])
    # out: a: b (I), c, d (E) -> 1/3; b: -1; c: d (I) -> -1; d: e (E) -> 1; e: d (E) -> 1
    np.testing.assert_allclose(
        ei_index_by_actor(G, direction="out")["ei_individual"], [1 / 3, -1, -1, 1, 1, np.nan]
    )
    # in: a: b (I) -> -1; b: a (I) -> -1; c: a (E) -> 1; d: c (I), a, e (E) -> 1/3; e: d (E) -> 1
    np.testing.assert_allclose(
        ei_index_by_actor(G, direction="in")["ei_individual"], [-1, -1, 1, 1 / 3, 1, np.nan]
    )


def test_actor_level_undirected_ignores_direction():
    G = toy_graph()
    # a: b (I), c, d (E) -> 1/3; b: a (I) -> -1; c: a (E), d (I) -> 0; d: c (I), a, e (E) -> 1/3; e: d (E) -> 1
    for direction in ("all", "out", "in"):
        values = ei_index_by_actor(G, direction=direction)["ei_individual"]
        np.testing.assert_allclose(values, [1 / 3, -1, 0, 1 / 3, 1, np.nan])
    with pytest.raises(ValueError, match="direction"):
        ei_index_by_actor(G, direction="both")


def test_actor_level_empty_graph():
    table = ei_index_by_actor(nx.DiGraph())
    assert table.empty and list(table.columns) == ["actor_id", "ei_individual"]
