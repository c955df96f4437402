"""The dashed overlay of network_map_html: suggested introductions and interview signals over the map."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from wijknet.core.taxonomy import Taxonomy
from wijknet.viz.netmap import OVERLAY_COLOURS, network_map_html, remote_references


@pytest.fixture
def graph() -> nx.DiGraph:
    G = nx.DiGraph(wijk="Noord", wave="2025")
    for node, domain, name in [("z1", "zorg", "Huisarts Fictief"), ("w1", "welzijn", "Coach Fictief"),
                               ("i1", "inwoners", "Bewoner Fictief")]:  # fmt: skip
        G.add_node(node, domain=domain, name=name, pluswijkteam=False)
    G.add_edge("z1", "w1", weight=2.0, tie_type="samenwerking")
    return G


POSITIONS = {"z1": (-1.0, 0.0), "w1": (1.0, 0.0), "i1": (0.0, 1.0)}


def _edges(doc: str) -> list[dict]:
    return json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", doc, re.S).group(1))


def test_overlay_pairs_are_dashed_and_coloured(graph):
    doc = network_map_html(graph, POSITIONS, taxonomy=Taxonomy.default(),
                           overlay=[("i1", "z1", "suggested", "Waarom: fictief"), ("i1", "w1", "signal")])  # fmt: skip
    edges = {(e["from"], e["to"]): e for e in _edges(doc)}
    assert len(edges) == 3  # one tie and two overlay lines
    assert "dashes" not in edges[("z1", "w1")]
    suggested, signal = edges[("i1", "z1")], edges[("i1", "w1")]
    assert suggested["dashes"] and signal["dashes"]
    assert suggested["color"]["color"] == OVERLAY_COLOURS["suggested"]
    assert signal["color"]["color"] == OVERLAY_COLOURS["signal"]
    assert suggested["title"] == "Waarom: fictief" and "title" not in signal
    assert not suggested["arrows"]["to"]["enabled"]
    assert "voorgestelde kennismaking" in doc and "genoemd in een gesprek" in doc
    assert remote_references(doc) == []


def test_overlay_legend_only_for_kinds_drawn_and_english(graph):
    doc = network_map_html(
        graph, POSITIONS, taxonomy=Taxonomy.default(), lang="en", overlay=[("i1", "z1")]
    )
    assert "suggested introduction" in doc and "named in an interview" not in doc
    plain = network_map_html(graph, POSITIONS, taxonomy=Taxonomy.default(), lang="en")
    assert "suggested introduction" not in plain


def test_overlay_skips_unknown_actors_and_aggregate_maps(graph):
    doc = network_map_html(
        graph, POSITIONS, taxonomy=Taxonomy.default(), overlay=[("i1", "nobody"), ("i1", "i1")]
    )
    assert len(_edges(doc)) == 1
    anonymous = network_map_html(graph, POSITIONS, taxonomy=Taxonomy.default(), aggregate_only=True,
                                 overlay=[("i1", "z1", "suggested", "Bewoner Fictief")])  # fmt: skip
    assert len(_edges(anonymous)) == 1 and "Bewoner Fictief" not in anonymous
    assert "voorgestelde kennismaking" not in anonymous
