"""QAP correlation and the permutation machinery: hand-worked toys, p-value definition, R references."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from wijknet.inference import QAPResult, graph_correlation, qap_correlation, qap_test
from wijknet.inference.permutation import (
    default_batch_size,
    dyad_index,
    node_permutations,
    permutation_p_values,
    permuted_dyads,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"
GCOR = pd.read_csv(FIXTURES / "r" / "inference_gcor.csv")


def load(network: str, matrix: str) -> np.ndarray:
    return np.loadtxt(FIXTURES / "inference" / f"{network}_{matrix}.csv", delimiter=",")


def from_arcs(n: int, arcs, symmetric: bool = False) -> np.ndarray:
    M = np.zeros((n, n))
    for i, j in arcs:
        M[i, j] = 1
        if symmetric:
            M[j, i] = 1
    return M


def mc_tolerance(p: float, reps: int) -> float:
    """Four standard errors of the difference of two Monte Carlo p-values, plus the (1 + k) offset."""
    p = min(max(p, 1 / reps), 1 - 1 / reps)
    return 4 * math.sqrt(2 * p * (1 - p) / reps) + 2 / reps


# --- permutation machinery ---------------------------------------------------


def test_permutations_are_permutations_and_seeded():
    perms = node_permutations(7, 50, seed=3)
    assert perms.shape == (50, 7)
    assert np.all(np.sort(perms, axis=1) == np.arange(7))
    assert np.array_equal(perms, node_permutations(7, 50, seed=3))
    assert not np.array_equal(perms, node_permutations(7, 50, seed=4))
    with pytest.raises(ValueError):
        node_permutations(7, -1)


@pytest.mark.parametrize("directed", [True, False])
def test_dyad_counts_and_permuted_dyads_match_relabelled_matrices(directed):
    n = 6
    rows, cols = dyad_index(n, directed)
    # n (n - 1) ordered pairs, n (n - 1) / 2 unordered pairs, never the diagonal
    assert rows.size == (n * (n - 1) if directed else n * (n - 1) // 2)
    assert np.all(rows != cols)
    M = np.arange(n * n, dtype=float).reshape(n, n)
    if not directed:
        M = M + M.T
    perms = node_permutations(n, 20, seed=1)
    stacked = permuted_dyads(M, perms, rows, cols)
    for perm, values in zip(perms, stacked):
        relabelled = M[perm][:, perm]
        assert np.array_equal(values, relabelled[rows, cols])


def test_default_batch_size_bounds_memory():
    assert default_batch_size(1000, 150 * 149) * 150 * 149 <= 2**21
    assert default_batch_size(10, 12) == 10
    assert default_batch_size(1000, 10**8) == 1


def test_p_value_definition_counts_the_observation():
    null = np.array([0.5, -0.2, 0.1, -0.9, 0.3])
    p = permutation_p_values(0.3, null)
    # >= 0.3: {0.5, 0.3} -> k = 2; <= 0.3: 4; |.| >= 0.3: {0.5, -0.9, 0.3} -> 3; reps = 5
    assert p["p_greater"] == pytest.approx(3 / 6)
    assert p["p_less"] == pytest.approx(5 / 6)
    assert p["p_two_sided"] == pytest.approx(4 / 6)
    # never 0, even when nothing is as extreme
    assert permutation_p_values(10.0, null)["p_greater"] == pytest.approx(1 / 6)
    # non-finite permuted statistics are left out of reps
    p = permutation_p_values(0.3, np.append(null, np.nan))
    assert p["p_greater"] == pytest.approx(3 / 6)


# --- graph correlation by hand -----------------------------------------------


def test_directed_correlation_by_hand():
    x = from_arcs(4, [(0, 1), (1, 2), (2, 3)])
    y = from_arcs(4, [(0, 1), (1, 2), (3, 0), (2, 1)])
    # 12 ordered pairs: both a = 2 (0->1, 1->2), x only b = 1 (2->3), y only c = 2, neither d = 7
    # phi = (ad - bc) / sqrt((a+b)(c+d)(a+c)(b+d)) = (14 - 2) / sqrt(3 * 9 * 4 * 8) = 12 / (12 sqrt 6)
    result = qap_correlation(x, y, n_permutations=0)
    assert result.statistic == pytest.approx(1 / math.sqrt(6))
    assert math.isnan(result.p_value) and result.n_permutations == 0


def test_undirected_correlation_by_hand():
    x = from_arcs(4, [(0, 1), (1, 2), (2, 3)], symmetric=True)
    y = from_arcs(4, [(0, 1), (1, 2), (0, 3)], symmetric=True)
    # 6 pairs: a = 2 (01, 12), b = 1 (23), c = 1 (03), d = 2: (4 - 1) / sqrt(3 * 3 * 3 * 3) = 1/3
    assert qap_correlation(x, y, directed=False, n_permutations=0).statistic == pytest.approx(1 / 3)
    # the directed version counts every pair twice: same phi
    assert qap_correlation(x, y, directed=True, n_permutations=0).statistic == pytest.approx(1 / 3)


def test_diagonal_is_ignored_and_constant_network_gives_nan():
    x = from_arcs(4, [(0, 1), (1, 2), (2, 3)])
    y = from_arcs(4, [(0, 1), (1, 2), (3, 0), (2, 1)])
    x_diag, y_diag = x.copy(), y.copy()
    np.fill_diagonal(x_diag, 5)
    np.fill_diagonal(y_diag, -3)
    assert qap_correlation(x_diag, y_diag, n_permutations=0).statistic == pytest.approx(
        1 / math.sqrt(6)
    )
    assert math.isnan(graph_correlation(np.ones(12), np.arange(12.0)[None])[0])


def test_graph_correlation_equals_numpy_corrcoef():
    rng = np.random.default_rng(0)
    x = rng.normal(size=30)
    Y = rng.normal(size=(5, 30))
    expected = [np.corrcoef(x, row)[0, 1] for row in Y]
    assert np.allclose(graph_correlation(x, Y), expected)


# --- the permutation test ----------------------------------------------------


def test_p_values_follow_the_definition_and_count_identity():
    x = from_arcs(5, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)])
    y = from_arcs(5, [(0, 1), (1, 2), (2, 4), (4, 3)])
    R = 300
    result = qap_correlation(x, y, n_permutations=R, seed=5)
    null = result.null_distribution
    s = result.statistic
    tol = 1e-9
    assert result.p_greater == pytest.approx((1 + np.sum(null >= s - tol)) / (1 + R))
    assert result.p_less == pytest.approx((1 + np.sum(null <= s + tol)) / (1 + R))
    assert result.p_value == pytest.approx((1 + np.sum(np.abs(null) >= abs(s) - tol)) / (1 + R))
    # (1 + #>=) + (1 + #<=) = R + 2 + #ties: binary toys have many tied correlations
    ties = np.sum(np.isclose(null, s, atol=tol, rtol=0))
    assert (result.p_greater + result.p_less) * (1 + R) == pytest.approx(R + 2 + ties)


def test_null_distribution_is_the_exact_permutation_distribution_for_four_actors():
    x = from_arcs(4, [(0, 1), (1, 2), (2, 3)])
    y = from_arcs(4, [(0, 1), (1, 2), (3, 0), (2, 1)])
    rows, cols = dyad_index(4)
    exact = sorted(
        round(
            float(graph_correlation(x[rows, cols], y[list(p)][:, list(p)][rows, cols][None])[0]), 12
        )
        for p in itertools.permutations(range(4))
    )
    result = qap_correlation(x, y, n_permutations=24_000, seed=0)
    values, counts = np.unique(np.round(result.null_distribution, 12), return_counts=True)
    assert set(values) <= set(exact)
    # each of the 24 relabellings has probability 1/24
    expected = {v: exact.count(v) / 24 for v in set(exact)}
    for value, count in zip(values, counts):
        assert count / 24_000 == pytest.approx(expected[value], abs=0.015)


def test_seeded_and_independent_of_batches_and_jobs():
    rng = np.random.default_rng(1)
    x = (rng.random((25, 25)) < 0.2).astype(float)
    y = np.clip(x + (rng.random((25, 25)) < 0.1), 0, 1)
    base = qap_correlation(x, y, n_permutations=500, seed=11)
    for options in (
        {"batch_size": 7},
        {"batch_size": 1000},
        {"n_jobs": 2, "batch_size": 50},
        {"progress": True},
    ):
        other = qap_correlation(x, y, n_permutations=500, seed=11, **options)
        # same p-values; the statistics agree to rounding (BLAS sums in another order per batch shape)
        assert other == base
        assert np.allclose(other.null_distribution, base.null_distribution, rtol=1e-12, atol=1e-14)
    assert not np.array_equal(
        qap_correlation(x, y, n_permutations=500, seed=12).null_distribution, base.null_distribution
    )


def test_to_frame():
    x = from_arcs(4, [(0, 1), (1, 2), (2, 3)])
    frame = qap_correlation(x, x.T, n_permutations=10).to_frame()
    assert list(frame.columns) == ["statistic", "p_value", "p_greater", "p_less", "n_permutations"]
    assert isinstance(qap_correlation(x, x, n_permutations=0), QAPResult)


def test_two_waves_as_graphs_align_on_node_order():
    wave1 = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    wave2 = nx.DiGraph()
    wave2.add_nodes_from(["d", "c", "b", "a"])  # another node order
    wave2.add_edges_from([("a", "b"), ("b", "c"), ("d", "a"), ("c", "b")])
    result = qap_correlation(wave1, wave2, n_permutations=0)
    assert result.statistic == pytest.approx(1 / math.sqrt(6))
    wave2.add_node("e")
    with pytest.raises(ValueError, match="same node set"):
        qap_correlation(wave1, wave2)


def test_weighted_graphs():
    wave1 = nx.DiGraph()
    wave1.add_weighted_edges_from([("a", "b", 2), ("b", "c", 1), ("c", "a", 4)])
    wave2 = nx.DiGraph()
    wave2.add_weighted_edges_from([("a", "b", 1), ("b", "c", 3), ("c", "a", 4)])
    x = nx.to_numpy_array(wave1, nodelist=list(wave1))
    y = nx.to_numpy_array(wave2, nodelist=list(wave1))
    rows, cols = dyad_index(3)
    expected = np.corrcoef(x[rows, cols], y[rows, cols])[0, 1]
    assert qap_correlation(
        wave1, wave2, weight="weight", n_permutations=0
    ).statistic == pytest.approx(expected)
    assert qap_correlation(wave1, wave2, n_permutations=0).statistic == pytest.approx(1.0)  # binary


def test_undirected_needs_symmetric_matrices():
    x = from_arcs(4, [(0, 1), (1, 2)])
    with pytest.raises(ValueError, match="symmetric"):
        qap_correlation(x, x, directed=False)
    with pytest.raises(ValueError, match="same size"):
        qap_correlation(np.zeros((3, 3)), np.zeros((4, 4)))


def test_generic_qap_test_with_a_custom_statistic():
    x = from_arcs(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
    y = from_arcs(5, [(0, 1), (1, 2), (4, 0)])

    def overlap(xv, Y):
        return Y @ xv  # ties present in both networks

    result = qap_test(overlap, x, y, n_permutations=200, seed=2)
    assert result.statistic == 2
    perms = node_permutations(5, 200, seed=2)
    rows, cols = dyad_index(5)
    expected = [np.sum(x * y[p][:, p]) for p in perms]
    assert np.array_equal(result.null_distribution, expected)


# --- R references ------------------------------------------------------------


@pytest.mark.parametrize(
    "row", list(GCOR.itertuples(index=False)), ids=lambda r: f"{r.network}-{r.x}"
)
def test_gcor_and_qaptest_agree_with_sna(row):
    result = qap_correlation(
        load(row.network, row.x),
        load(row.network, row.y),
        directed=row.mode == "digraph",
        n_permutations=int(row.reps),
        seed=1,
    )
    assert result.statistic == pytest.approx(row.gcor, abs=1e-9)
    # sna::qaptest reports k / reps, we (1 + k) / (1 + reps): equal up to Monte Carlo error
    assert abs(result.p_greater - row.p_greater) <= mc_tolerance(row.p_greater, int(row.reps))
    assert abs(result.p_less - row.p_less) <= mc_tolerance(row.p_less, int(row.reps))
