"""Tables of one network for the pages: actor table, connector ranking, map sizes, counts, names, filters."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from wijknet.analysis.tables import (
    accepted_proposals,
    actor_names,
    actor_table,
    actors_in_wijk,
    connector_ranking,
    core_questions,
    graph_counts,
    node_sizes,
    outside_team_names,
    tie_type_options,
    weight_range,
)


@pytest.fixture
def graph() -> nx.DiGraph:
    """A (team, zorg) -> b (welzijn) <-> c (wonen) -> d (wonen); e isolated."""
    G = nx.DiGraph()
    G.add_node("a", name="Anna", domain="zorg", pluswijkteam=True, role="Huisarts")
    G.add_node("b", name="bert", domain="welzijn", pluswijkteam=False)
    G.add_node("c", name="Cor", domain="wonen", pluswijkteam=False)
    G.add_node("d", domain="wonen")
    G.add_node("e", name="Eva", domain="zorg", pluswijkteam=True)
    G.add_edges_from([("a", "b"), ("b", "c"), ("c", "b"), ("c", "d")])
    return G


def test_actor_table_has_attributes_and_partners(graph):
    table = actor_table(graph).set_index("actor_id")
    assert list(table.index) == ["a", "b", "c", "d", "e"]
    assert table.loc["d", "name"] == "d" and table.loc["a", "role"] == "Huisarts"
    assert table.loc["b", "domain_key"] == "welzijn" and bool(table.loc["a", "pluswijkteam"])
    # b: a (in) and c (both ways) = 2 distinct partners, though it has 3 arcs
    assert table.loc["b", "partners"] == 2
    assert table.loc["b", "in_degree"] + table.loc["b", "out_degree"] == 3
    assert table.loc["e", "partners"] == 0
    assert "domain" not in table.columns


def test_connector_ranking_in_rank_order_with_brokerage_only(graph):
    ranked = connector_ranking(graph)
    assert list(ranked.index) == list(range(len(ranked)))
    assert (ranked["brokerage_total"] > 0).all()
    assert list(ranked["rank"]) == sorted(ranked["rank"])
    assert "e" not in set(ranked["actor_id"]) and "d" not in set(ranked["actor_id"])
    assert set(ranked["actor_id"]) <= {"a", "b", "c"} and "b" in set(ranked["actor_id"])
    without_team = connector_ranking(graph, exclude_team=True)
    assert not without_team["pluswijkteam"].any()
    assert list(without_team["actor_id"]) == [a for a in ranked["actor_id"] if a != "a"]


def test_outside_team_names_keep_rank_order():
    ranking = pd.DataFrame({"name": ["X", "Y", "Z"], "outside_team": [True, False, True]})
    assert outside_team_names(ranking) == ["X", "Z"]
    assert outside_team_names(ranking.iloc[:0]) == []


def test_node_sizes_use_partners_for_degree(graph):
    table = actor_table(graph)
    sizes = node_sizes(table, "degree")
    assert sizes["b"] == 2.0 and sizes["e"] == 0.0
    assert node_sizes(table, "brokerage") == dict(
        zip(table["actor_id"], table["brokerage_total"].astype(float))
    )
    assert node_sizes(table, "none") is None
    with pytest.raises(KeyError):
        node_sizes(table, "eigenvector")


def test_graph_counts_and_names(graph):
    assert graph_counts(graph) == {"actors": 5, "ties": 4, "isolates": 1}
    assert list(actor_names(graph).items()) == [
        ("a", "Anna"),
        ("b", "bert"),
        ("c", "Cor"),
        ("d", "d"),
        ("e", "Eva"),
    ]


class _Ties:
    def __init__(self, ties):
        self.ties = pd.DataFrame(ties)


def test_filter_options():
    project = _Ties(
        {"tie_type": ["advies;samenwerking", " advies ", None, ""], "weight": ["1", 3.5, None, "x"]}
    )
    assert tie_type_options(project) == ["advies", "samenwerking"]
    assert weight_range(project) == (1.0, 3.5)
    assert weight_range(_Ties({"tie_type": [], "weight": []})) == (0.0, 1.0)


def test_queue_helpers():
    actors = pd.DataFrame({"actor_id": ["x", "y", "z"], "wijk": ["Noord", "Zuid", "Noord"]})
    assert actors_in_wijk(actors, "Noord")["actor_id"].tolist() == ["x", "z"]
    assert actors_in_wijk(actors, "") is actors
    found = pd.DataFrame({"pending_id": [1, 2, 3], "accepted": [1, 0, True]})
    assert accepted_proposals(found)["pending_id"].tolist() == [1, 3]


def test_core_questions_name_every_core_question_in_both_languages():
    from wijknet.ingest.assemble import CORE

    nl, en = core_questions("nl"), core_questions("en")
    assert list(nl) == [f"{g}.{k}" for g, k in CORE] == list(en)
    assert all(isinstance(v, str) and v for v in nl.values())
    assert nl != en  # the instrument has texts in both languages
