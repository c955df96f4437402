"""The Verbindingskansen map: dashed pairs, their actors large and named, everyone else small and unnamed."""

from __future__ import annotations

import json
import re

import networkx as nx

from wijknet.core.taxonomy import Taxonomy
from wijknet.viz.opportunity_map import opportunity_map_html


def _nodes(doc: str) -> dict:
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", doc, re.S).group(1))
    return {n["id"]: n for n in nodes}


def graph() -> nx.DiGraph:
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    for v in G:
        G.nodes[v].update(domain="zorg", name=f"Naam {v.upper()}")
    return G


POSITIONS = {"a": (-1, 0), "b": (-0.3, 0), "c": (0.3, 0), "d": (1, 0)}


def test_only_the_actors_of_the_pairs_are_named_and_large():
    doc = opportunity_map_html(
        graph(), POSITIONS, [("a", "d", "suggested", "fictief")], taxonomy=Taxonomy.default()
    )
    nodes = _nodes(doc)
    assert nodes["a"]["label"] == "Naam A" and nodes["d"]["label"] == "Naam D"
    assert nodes["b"]["label"].strip() == "" and nodes["c"]["label"].strip() == ""
    assert nodes["a"]["value"] > nodes["b"]["value"]
    assert "Naam B" in nodes["b"]["title"]  # still in the hover text
    assert "in een voorstel of signaal" in doc


def test_without_pairs_a_plain_map_and_for_a_leernetwerk_no_pairs():
    doc = opportunity_map_html(graph(), POSITIONS, [], taxonomy=Taxonomy.default())
    assert "voorgestelde kennismaking" not in doc and _nodes(doc)["b"]["label"] == "Naam B"
    anonymous = opportunity_map_html(graph(), POSITIONS, [("a", "d", "suggested", "Naam A")],
                                     taxonomy=Taxonomy.default(), aggregate_only=True)  # fmt: skip
    assert "Naam A" not in anonymous and "stippellijn" not in anonymous
