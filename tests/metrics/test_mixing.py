"""Domain mixing matrix and cross-domain share: hand-worked toys and invariants."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from tests.metrics.common import toy_digraph, toy_graph
from wijknet import Taxonomy
from wijknet.metrics.mixing import MIXING_COLUMNS, cross_domain_share, mixing_matrix


def as_matrix(table: pd.DataFrame, column: str = "ties") -> pd.DataFrame:
    return table.pivot(index="from_domain", columns="to_domain", values=column)


def test_directed_toy_counts_and_row_shares():
    table = mixing_matrix(toy_digraph())
    assert list(table.columns) == MIXING_COLUMNS
    # all 3 x 3 ordered pairs, zeros included, in taxonomy order (zorg, welzijn, wonen)
    assert list(table["from_domain"]) == ["zorg"] * 3 + ["welzijn"] * 3 + ["wonen"] * 3
    assert list(table["to_domain"]) == ["zorg", "welzijn", "wonen"] * 3
    # zorg -> zorg: a->b, b->a; zorg -> welzijn: a->c, a->d; welzijn -> welzijn: c->d;
    # welzijn -> wonen: d->e; wonen -> welzijn: e->d
    assert list(table["ties"]) == [2, 2, 0, 0, 1, 1, 0, 1, 0]
    # row shares: zorg 2/4, 2/4, 0; welzijn 0, 1/2, 1/2; wonen 0, 1, 0
    np.testing.assert_allclose(table["row_share"], [0.5, 0.5, 0, 0, 0.5, 0.5, 0, 1, 0])


def test_undirected_toy_counts_each_edge_from_both_ends():
    table = mixing_matrix(toy_graph())
    m = as_matrix(table).loc[["zorg", "welzijn", "wonen"], ["zorg", "welzijn", "wonen"]].to_numpy()
    # a-b inside zorg counts 2 on the diagonal; a-c, a-d give 2 in each off-diagonal cell;
    # c-d inside welzijn 2; d-e one in each direction
    np.testing.assert_array_equal(m, [[2, 2, 0], [2, 2, 1], [0, 1, 0]])
    np.testing.assert_array_equal(m, m.T)
    assert m.sum() == 2 * toy_graph().number_of_edges()


def test_domain_without_ties_has_zero_row_and_nan_share():
    G = toy_digraph()
    G.add_node("g", domain="gemeente")
    table = mixing_matrix(G)
    # gemeente comes between welzijn and wonen in the default taxonomy
    assert list(dict.fromkeys(table["from_domain"])) == ["zorg", "welzijn", "gemeente", "wonen"]
    row = table[table["from_domain"] == "gemeente"]
    assert (row["ties"] == 0).all() and row["row_share"].isna().all()
    assert (table[table["to_domain"] == "gemeente"]["ties"] == 0).all()


def test_unknown_labels_follow_known_keys_alphabetically_and_custom_taxonomy():
    G = nx.DiGraph()
    G.add_nodes_from(
        [("1", {"domain": "Private"}), ("2", {"domain": "City"}), ("3", {"domain": "zorg"})]
    )
    G.add_edge("1", "2")
    assert list(dict.fromkeys(mixing_matrix(G)["from_domain"])) == ["zorg", "City", "Private"]
    custom = Taxonomy.from_dict({"domains": {"Private": {}, "zorg": {}}})
    assert list(dict.fromkeys(mixing_matrix(G, taxonomy=custom)["from_domain"])) == [
        "Private",
        "zorg",
        "City",
    ]


def test_other_attribute_and_weights_ignored():
    G = toy_digraph()
    nx.set_node_attributes(G, {n: ("x" if n in "abc" else "y") for n in G}, "side")
    for u, v in G.edges():
        G[u][v]["weight"] = 10.0
    m = as_matrix(mixing_matrix(G, "side"))
    # x = a, b, c; y = d, e, f. x->x: a->b, b->a, a->c; x->y: a->d, c->d; y->y: d->e, e->d
    assert (
        m.loc["x", "x"] == 3
        and m.loc["x", "y"] == 2
        and m.loc["y", "x"] == 0
        and m.loc["y", "y"] == 2
    )


def test_empty_graph_and_missing_attribute():
    table = mixing_matrix(nx.DiGraph())
    assert table.empty and list(table.columns) == MIXING_COLUMNS
    G = nx.DiGraph()
    G.add_node("1")
    with pytest.raises(ValueError, match="domain"):
        mixing_matrix(G)


def test_cross_domain_share():
    # toy: E = 4 of 7 arcs; undirected: 3 of 5 edges
    assert cross_domain_share(toy_digraph()) == pytest.approx(4 / 7)
    assert cross_domain_share(toy_graph()) == pytest.approx(3 / 5)
    assert math.isnan(cross_domain_share(nx.DiGraph()))
    G = nx.DiGraph()
    G.add_nodes_from([("1", {"domain": "zorg"}), ("2", {"domain": "wonen"})])
    assert math.isnan(cross_domain_share(G))
    G.add_edge("1", "1")  # self-ties never count
    assert math.isnan(cross_domain_share(G))
