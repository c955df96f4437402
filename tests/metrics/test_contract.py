"""The contract every name in ``wijknet.metrics.__all__`` keeps, in the manner of scikit-learn's ``check_estimator``.

Every measure takes a directed or an undirected graph and:

- keeps the input graph as it was (nodes, edges, attributes);
- gives the same output for the same input (deterministic, seeds fixed);
- works on the empty graph, on a graph of isolates only, and counts isolates;
- actor-level measures give one row per actor with an ``actor_id`` column,
  in the graph's node order (``connectors`` ranks them instead: every actor
  once, ``rank`` 1..n) and a default ``RangeIndex``.

A new name in ``__all__`` must be listed in :data:`KIND` below, so a new
measure cannot skip the contract.
"""

from __future__ import annotations

import copy
import math

import networkx as nx
import pandas as pd
import pytest

import wijknet.metrics as metrics
from wijknet.metrics.ei import EIResult

#: What each public name is: how its output is checked.
KIND = {
    "actor_metrics": "actor",
    "articulation_points": "actor",
    "betweenness": "actor",
    "brokerage": "actor",
    "constraint": "actor",
    "degree": "actor",
    "effective_size": "actor",
    "ei_index_by_actor": "actor",
    "connectors": "ranked",
    "network_metrics": "network",
    "ei_index_by_group": "group",
    "mixing_matrix": "group",
    "cross_domain_share": "scalar",
    "ei_index": "result",
    "EIResult": "class",
    "CONNECTOR_SHARE": "constant",
}
MEASURES = sorted(name for name, kind in KIND.items() if kind not in {"class", "constant"})
ACTOR_LEVEL = sorted(name for name, kind in KIND.items() if kind in {"actor", "ranked"})
#: Nodes in an order that is neither sorted nor insertion-sorted by domain; "z" is an isolate.
NODES = [("c", "zorg"), ("a", "welzijn"), ("e", "zorg"), ("b", "wonen"), ("z", "wonen")]
EDGES = [("c", "a"), ("a", "b"), ("b", "c"), ("e", "a"), ("a", "c")]


def graph(directed: bool, *, edges: bool = True, nodes: list | None = None) -> nx.Graph:
    G = nx.DiGraph() if directed else nx.Graph()
    G.graph["wijk"] = "Noord"
    for node, domain in NODES if nodes is None else nodes:
        G.add_node(node, domain=domain, name=f"Actor {node.upper()}", wijk="Noord")
    if edges:
        for i, (u, v) in enumerate(EDGES):
            G.add_edge(u, v, weight=1.0 + i, tie_type="samenwerking")
    return G


def call(name: str, G: nx.Graph):
    return getattr(metrics, name)(G)


def snapshot(G: nx.Graph):
    return (
        G.is_directed(),
        copy.deepcopy(dict(G.graph)),
        [(n, copy.deepcopy(d)) for n, d in G.nodes(data=True)],
        [(u, v, copy.deepcopy(d)) for u, v, d in G.edges(data=True)],
    )


def same(a, b) -> None:
    """Equal outputs, NaN equal to NaN."""
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif isinstance(a, float):
        assert (math.isnan(a) and math.isnan(b)) or a == b
    else:
        assert type(a) is type(b)
        assert pd.Series(vars(a)).equals(pd.Series(vars(b))), (a, b)


DIRECTED = pytest.mark.parametrize("directed", [True, False], ids=["directed", "undirected"])


def test_every_public_name_is_under_contract():
    assert set(metrics.__all__) == set(KIND), "list a new metric in KIND of this test"
    for name in MEASURES:
        assert callable(getattr(metrics, name))


@pytest.mark.parametrize("name", MEASURES)
@DIRECTED
def test_input_graph_is_not_mutated(name, directed):
    G = graph(directed)
    before = snapshot(G)
    call(name, G)
    assert snapshot(G) == before


@pytest.mark.parametrize("name", MEASURES)
@DIRECTED
def test_output_is_deterministic(name, directed):
    same(call(name, graph(directed)), call(name, graph(directed)))


@pytest.mark.parametrize("name", MEASURES)
@DIRECTED
def test_output_type(name, directed):
    out = call(name, graph(directed))
    kind = KIND[name]
    if kind in {"actor", "ranked", "network", "group"}:
        assert isinstance(out, pd.DataFrame)
        assert isinstance(out.index, pd.RangeIndex) and out.index.start == 0
        assert out.columns.is_unique
    elif kind == "scalar":
        assert isinstance(out, float)
    elif kind == "result":
        assert isinstance(out, EIResult)


@pytest.mark.parametrize("name", ACTOR_LEVEL)
@DIRECTED
def test_actor_level_one_row_per_actor_in_node_order(name, directed):
    G = graph(directed)
    out = call(name, G)
    assert out.columns[0] == "actor_id"
    assert out["actor_id"].is_unique
    if KIND[name] == "ranked":
        assert sorted(out["actor_id"]) == sorted(G.nodes)
        assert list(out["rank"]) == list(range(1, len(G) + 1))
    else:
        assert list(out["actor_id"]) == list(G.nodes)
    # Another insertion order of the same graph: the rows follow it.
    H = graph(directed, nodes=list(reversed(NODES)))
    again = call(name, H)
    if KIND[name] != "ranked":
        assert list(again["actor_id"]) == list(H.nodes)
    # ... and the values per actor do not depend on the order.
    pd.testing.assert_frame_equal(
        again.set_index("actor_id").loc[list(out["actor_id"])],
        out.set_index("actor_id"),
        check_index_type=False,
        check_exact=False,
    )


@pytest.mark.parametrize("name", ACTOR_LEVEL)
@DIRECTED
def test_isolates_get_a_row(name, directed):
    out = call(name, graph(directed))
    assert "z" in set(out["actor_id"])
    alone = call(name, graph(directed, edges=False))
    assert sorted(alone["actor_id"]) == sorted(n for n, _ in NODES)


@pytest.mark.parametrize("name", MEASURES)
@DIRECTED
def test_empty_graph(name, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    out = call(name, G)
    kind = KIND[name]
    if kind in {"actor", "ranked"}:
        assert out.empty and out.columns[0] == "actor_id"
        assert list(out.columns) == list(call(name, graph(directed)).columns)
    elif kind == "group":
        assert out.empty
    elif kind == "network":
        assert len(out) == 1 and out.loc[0, "actors"] == 0 and out.loc[0, "ties"] == 0
    elif kind == "scalar":
        assert math.isnan(out)
    elif kind == "result":
        assert math.isnan(out.ei_index) and out.external == out.internal == 0


@pytest.mark.parametrize("name", ["network_metrics", "cross_domain_share", "ei_index"])
@DIRECTED
def test_network_level_counts_isolates_without_ties(name, directed):
    out = call(name, graph(directed, edges=False))
    if name == "network_metrics":
        assert out.loc[0, "actors"] == len(NODES) and out.loc[0, "ties"] == 0
    elif name == "cross_domain_share":
        assert math.isnan(out)
    else:
        assert math.isnan(out.ei_index)
