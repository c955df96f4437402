"""Node bootstrap: resampling rule by hand, vectorised vs graph path, intervals, seeds."""

from __future__ import annotations

import math
import sys
from statistics import NormalDist

import networkx as nx
import numpy as np
import pytest

from wijknet.inference import BootstrapResult, bootstrap_ci
from wijknet.metrics import ei_index

B = sys.modules["wijknet.inference.bootstrap"]


def labelled_digraph(n=30, p=0.15, seed=1, directed=True) -> nx.Graph:
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    G = nx.relabel_nodes(G, {i: f"a{i:02d}" for i in G})
    for i, v in enumerate(G):
        G.nodes[v]["domain"] = ["zorg", "welzijn", "wonen"][i % 3]
    return G


def test_bootstrap_network_by_hand():
    A = np.array([[0, 1, 0], [0, 0, 1], [1, 1, 0]], dtype=float)
    # actors drawn: 0, 0, 2. Copies h = 0, 1 are both actor 0: pseudo-dyads (0,1) and (1,0)
    # get the fill values; every other y*_hk = A[s_h, s_k]
    T = B._boot_networks(A, np.array([[0, 0, 2]]), np.array([7.0, 8.0]), directed=True)[0]
    expected = np.array([[0, 7, A[0, 2]], [8, 0, A[0, 2]], [A[2, 0], A[2, 0], 0]])
    assert np.array_equal(T, expected)
    S = A + A.T > 0
    T = B._boot_networks(S.astype(float), np.array([[1, 2, 1]]), np.array([5.0]), directed=False)[0]
    # copies 0 and 2 are actor 1: one symmetric pseudo-pair
    assert T[0, 2] == T[2, 0] == 5.0 and T[0, 1] == T[1, 0] == S[1, 2] and np.all(np.diag(T) == 0)


def test_fill_values_come_from_the_observed_dyads_in_canonical_order():
    A = np.array([[0, 1, 1], [1, 0, 1], [1, 1, 0]], dtype=float)
    samples = np.array([[0, 0, 0], [0, 1, 2], [2, 2, 1]])
    fill, offsets = B._fill_values(A, samples, True, np.random.default_rng(0))
    # pseudo-dyads per replicate: 3 copies -> 3 * 2, none, 2 copies -> 2
    assert list(offsets) == [0, 6, 6, 8]
    assert np.all(fill == 1)  # the complete graph has only ties off the diagonal


def test_complete_and_empty_graphs_have_degenerate_intervals():
    full = nx.complete_graph(8, create_using=nx.DiGraph)
    result = bootstrap_ci(full, "density", n_boot=200)
    assert (result.estimate, result.ci_low, result.ci_high, result.se) == (1.0, 1.0, 1.0, 0.0)
    empty = nx.empty_graph(8, create_using=nx.DiGraph)
    assert bootstrap_ci(empty, "density", n_boot=50).ci_high == 0.0


def test_density_bootstrap_is_unbiased():
    # E[y*_hk] is the density for distinct actors and for pseudo-dyads (a random observed dyad)
    G = labelled_digraph()
    result = bootstrap_ci(G, "density", n_boot=4000, seed=2)
    assert result.estimate == pytest.approx(nx.density(G))
    assert result.distribution.mean() == pytest.approx(
        result.estimate, abs=4 * result.se / math.sqrt(4000)
    )
    assert result.ci_low < result.estimate < result.ci_high


@pytest.mark.parametrize("directed", [True, False])
def test_vectorised_statistics_equal_the_graph_path(directed):
    G = labelled_digraph(n=14, p=0.25, directed=directed)
    pairs = [
        ("density", nx.density),
        ("ei_index", lambda H: ei_index(H, n_permutations=0).ei_index),
    ]
    if directed:
        pairs.append(("reciprocity", nx.overall_reciprocity))
    for name, function in pairs:
        fast = bootstrap_ci(G, name, n_boot=60, seed=5)
        slow = bootstrap_ci(G, function, n_boot=60, seed=5)
        assert fast.estimate == pytest.approx(slow.estimate)
        assert np.allclose(fast.distribution, slow.distribution, equal_nan=True), name


def test_seeded_and_reproducible():
    G = labelled_digraph()
    a = bootstrap_ci(G, "ei_index", n_boot=300, seed=7)
    assert a == bootstrap_ci(G, "ei_index", n_boot=300, seed=7, progress=True)
    assert np.array_equal(
        a.distribution, bootstrap_ci(G, "ei_index", n_boot=300, seed=7).distribution
    )
    assert a != bootstrap_ci(G, "ei_index", n_boot=300, seed=8)


def test_interval_methods():
    G = labelled_digraph()
    percentile = bootstrap_ci(G, "density", n_boot=500, seed=1, level=0.9)
    values = percentile.distribution
    assert (percentile.ci_low, percentile.ci_high) == pytest.approx(
        tuple(np.quantile(values, [0.05, 0.95]))
    )
    assert percentile.se == pytest.approx(np.std(values, ddof=1))
    basic = bootstrap_ci(G, "density", n_boot=500, seed=1, level=0.9, method="basic")
    assert basic.ci_low == pytest.approx(2 * basic.estimate - percentile.ci_high)
    assert basic.ci_high == pytest.approx(2 * basic.estimate - percentile.ci_low)
    normal = bootstrap_ci(G, "density", n_boot=500, seed=1, level=0.9, method="normal")
    z = NormalDist().inv_cdf(0.95)
    assert normal.ci_low == pytest.approx(normal.estimate - z * normal.se)
    # wider at a higher level
    wide = bootstrap_ci(G, "density", n_boot=500, seed=1, level=0.99)
    assert wide.ci_low <= percentile.ci_low and wide.ci_high >= percentile.ci_high


def test_smaller_networks_get_wider_intervals():
    small = bootstrap_ci(labelled_digraph(n=15, p=0.2, seed=3), "density", n_boot=500)
    large = bootstrap_ci(labelled_digraph(n=120, p=0.2, seed=3), "density", n_boot=500)
    assert small.ci_high - small.ci_low > large.ci_high - large.ci_low


def test_result_frame_and_errors():
    G = labelled_digraph()
    result = bootstrap_ci(G, n_boot=20)
    assert isinstance(result, BootstrapResult) and result.statistic == "density"
    frame = result.to_frame()
    assert list(frame.columns) == [
        "statistic",
        "estimate",
        "ci_low",
        "ci_high",
        "se",
        "n_boot",
        "level",
        "method",
    ]
    with pytest.raises(ValueError):
        bootstrap_ci(G, "betweenness")
    with pytest.raises(ValueError):
        bootstrap_ci(G, level=1.5)
    with pytest.raises(ValueError):
        bootstrap_ci(G, method="bca")
    with pytest.raises(ValueError):
        bootstrap_ci(G.to_undirected(), "reciprocity")
