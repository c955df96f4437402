"""stable_layout: deterministic, stable across waves, readable (domains grouped, no overlaps)."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from wijknet.core.taxonomy import Taxonomy
from wijknet.viz.layout import stable_layout, union_graph

DOMAINS = ["zorg", "welzijn", "gemeente", "inwoners", "wonen", "veiligheid"]


def wave_graph(
    n: int = 90, seed: int = 1, p_in: float = 0.12, p_out: float = 0.015, isolates: int = 3
) -> nx.DiGraph:
    rng = np.random.default_rng(seed)
    G = nx.DiGraph()
    for i in range(n):
        G.add_node(f"a{i:03d}", domain=DOMAINS[i % len(DOMAINS)], name=f"Actor {i}")
    nodes = list(G)[: n - isolates]
    for u in nodes:
        for v in nodes:
            if u != v and rng.random() < (
                p_in if G.nodes[u]["domain"] == G.nodes[v]["domain"] else p_out
            ):
                G.add_edge(u, v, weight=float(rng.integers(1, 6)))
    return G


@pytest.fixture
def waves():
    return [wave_graph(seed=1), wave_graph(seed=2), wave_graph(seed=3)]


def test_every_node_gets_plain_float_positions_in_unit_box(waves):
    pos = stable_layout(waves, seed=0)
    assert set(pos) == set(waves[0])
    for x, y in pos.values():
        assert type(x) is float and type(y) is float
        assert -1.0 - 1e-9 <= x <= 1.0 + 1e-9 and -1.0 - 1e-9 <= y <= 1.0 + 1e-9


def test_deterministic_for_same_seed(waves):
    assert stable_layout(waves, seed=3) == stable_layout(waves, seed=3)


def test_independent_of_wave_order_and_input_type(waves):
    a = stable_layout(waves, seed=0)
    assert stable_layout(list(reversed(waves)), seed=0) == a
    assert stable_layout({("w", str(i)): g for i, g in enumerate(waves)}, seed=0) == a


def test_stable_across_waves_union_is_used(waves):
    # One layout serves every wave: the positions do not depend on the selected wave.
    pos = stable_layout(waves, seed=0)
    union = union_graph(waves)
    assert union.number_of_edges() >= max(g.to_undirected().number_of_edges() for g in waves)
    assert set(pos) == set(union)


def test_seed_changes_positions(waves):
    assert stable_layout(waves, seed=0) != stable_layout(waves, seed=1)


def test_no_overlapping_nodes(waves):
    pos = stable_layout(waves, seed=0)
    pts = np.array(list(pos.values()))
    d = np.sqrt(((pts[:, None] - pts[None]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    # Average spacing of n points spread over the box is about 2 / sqrt(n).
    assert d.min() > 0.15 * 2 / math.sqrt(len(pts))


def test_domains_form_groups(waves):
    pos = stable_layout(waves, seed=0, taxonomy=Taxonomy.default())
    G = waves[0]
    same, other = [], []
    nodes = sorted(G)
    for i, u in enumerate(nodes):
        for v in nodes[i + 1 :]:
            d = math.dist(pos[u], pos[v])
            (same if G.nodes[u]["domain"] == G.nodes[v]["domain"] else other).append(d)
    assert np.mean(same) < 0.6 * np.mean(other)


def test_isolates_in_a_row_below(waves):
    pos = stable_layout(waves, seed=0)
    union = union_graph(waves)
    isolates = [n for n in union if union.degree(n) == 0]
    assert isolates
    lowest_connected = max(pos[n][1] for n in union if union.degree(n) > 0)
    assert all(pos[n][1] > lowest_connected for n in isolates)


def test_small_and_empty_graphs():
    assert stable_layout([nx.DiGraph()]) == {}
    G = nx.DiGraph()
    G.add_node("x", domain="zorg")
    assert set(stable_layout(G)) == {"x"}
    G.add_edge("x", "y")
    G.nodes["y"]["domain"] = "zorg"
    pos = stable_layout(G)
    assert pos["x"] != pos["y"]


def test_large_graph_is_fast_enough():
    import time

    graphs = [wave_graph(n=150, seed=s) for s in range(3)]
    start = time.perf_counter()
    stable_layout(graphs, seed=0)
    assert time.perf_counter() - start < 10
