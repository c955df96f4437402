"""The one definition of a connector, worked out by hand on small graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from wijknet.metrics import CONNECTOR_SHARE, connectors
from wijknet.metrics.connectors import CONNECTOR_COLUMNS


def chains() -> nx.DiGraph:
    """Twelve actors: a fork a -> b -> {c, d} -> e, two chains h -> i -> j and k -> l -> m, and an isolate f.

    Open two-paths (i -> v -> k without i -> k):
      b: a->b->c (zorg, welzijn, gemeente: liaison), a->b->d (zorg, welzijn, zorg: itinerant) -> 2
      d: b->d->e (welzijn, zorg, welzijn: itinerant)                                          -> 1
      i: h->i->j (all zorg: coordinator)                                                        -> 1
      l: k->l->m (all zorg: coordinator)                                                        -> 1
    Betweenness (ordered pairs): b lies on a->c, a->d, a->e = 3; d on a->e, b->e = 2; i on h->j = 1; l on k->m = 1.
    """
    G = nx.DiGraph()
    domains = {
        "a": "zorg",
        "b": "welzijn",
        "c": "gemeente",
        "d": "zorg",
        "e": "welzijn",
        "f": "zorg",
        "h": "zorg",
        "i": "zorg",
        "j": "zorg",
        "k": "zorg",
        "l": "zorg",
        "m": "zorg",
    }
    for v, domain in domains.items():
        G.add_node(v, domain=domain)
    G.nodes["i"]["name"] = "Zeta"
    G.nodes["l"]["name"] = "Alpha"
    G.nodes["b"]["pluswijkteam"] = True
    G.nodes["d"]["pluswijkteam"] = "ja"  # only True counts as a member
    G.add_edges_from(
        [
            ("a", "b"),
            ("b", "c"),
            ("b", "d"),
            ("d", "e"),
            ("h", "i"),
            ("i", "j"),
            ("k", "l"),
            ("l", "m"),
        ]
    )
    return G


def test_rank_order_and_columns():
    table = connectors(chains())
    assert list(table.columns) == CONNECTOR_COLUMNS
    # b (2 roles) first; d, l, i have one role each: d has the larger betweenness (2 > 1), then l ("Alpha")
    # before i ("Zeta") by name; the actors without roles follow by name (ids as names).
    assert list(table["actor_id"]) == ["b", "d", "l", "i", "a", "c", "e", "f", "h", "j", "k", "m"]
    assert list(table["rank"]) == list(range(1, 13))
    by = table.set_index("actor_id")
    assert by.loc["b", ["brokerage_total", "liaison", "itinerant"]].tolist() == [2, 1, 1]
    assert by.loc["d", ["brokerage_total", "itinerant"]].tolist() == [1, 1]
    assert by.loc["i", "coordinator"] == 1
    assert by.loc["b", "betweenness"] == pytest.approx(3.0)
    assert by.loc["d", "betweenness"] == pytest.approx(2.0)
    assert by.loc["l", "name"] == "Alpha" and by.loc["a", "name"] == "a"


def test_connector_flag_is_the_top_decile_with_ties_and_never_zero():
    table = connectors(chains()).set_index("actor_id")
    # N = 12 -> k = ceil(1.2) = 2; the 2nd largest count is 1, so every actor with 1 or more role counts.
    assert sorted(table.index[table["connector"]]) == ["b", "d", "i", "l"]
    # b is in the team; d's "ja" is not True, so d counts as outside the team.
    assert sorted(table.index[table["outside_team"]]) == ["d", "i", "l"]
    # share 1/12 -> k = 1: only the largest count (b).
    assert list(connectors(chains(), share=1 / 12).query("connector")["actor_id"]) == ["b"]
    # share 1 -> k = N, threshold 0: still only the actors who broker something.
    assert sorted(connectors(chains(), share=1.0).query("connector")["actor_id"]) == [
        "b",
        "d",
        "i",
        "l",
    ]
    assert CONNECTOR_SHARE == 0.1


def test_no_ties_no_connectors_and_empty_graph():
    G = nx.DiGraph()
    G.add_nodes_from("abc", domain="zorg")
    table = connectors(G)
    assert not table["connector"].any() and list(table["rank"]) == [1, 2, 3]
    empty = connectors(nx.DiGraph())
    assert empty.empty and list(empty.columns) == CONNECTOR_COLUMNS
    with pytest.raises(ValueError, match="share"):
        connectors(chains(), share=0)


def test_undirected_counts_every_pair_twice():
    # a - b - c (path): b brokers {a, c} in both directions -> 2; betweenness over unordered pairs -> 1.
    G = nx.Graph()
    G.add_nodes_from("abc", domain="zorg")
    G.add_edges_from([("a", "b"), ("b", "c")])
    table = connectors(G).set_index("actor_id")
    assert table.loc["b", "brokerage_total"] == 2
    assert table.loc["b", "betweenness"] == pytest.approx(1.0)
    assert list(table.index[table["connector"]]) == ["b"]
