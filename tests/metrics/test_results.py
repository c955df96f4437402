"""summary() of the E-I result."""

import networkx as nx

from wijknet.metrics import ei_index


def test_ei_summary_in_both_languages():
    G = nx.path_graph(["a", "b", "c", "d"])
    nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "domain")
    result = ei_index(G, n_permutations=0)
    dutch = result.summary("nl").as_text()
    assert "E-I-index" in dutch and "-0,333" in dutch
    assert "relaties tussen groepen (E)" in dutch
    english = result.summary("en").as_text()
    assert "ties within groups (I)" in english and "-0.333" in english
