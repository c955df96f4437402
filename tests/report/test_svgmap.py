"""The static SVG map: positions, colours, labels and consent."""

from __future__ import annotations

import networkx as nx

from wijknet.core.taxonomy import Taxonomy
from wijknet.report.svgmap import svg_network_map


def graph():
    G = nx.DiGraph()
    G.add_node("a", domain="zorg", name="Naam A", role="huisarts", consent=True, pluswijkteam=True)
    G.add_node("b", domain="welzijn", name="Naam B", role="welzijnscoach", consent=False)
    G.add_node("c", domain="gemeente", name="Naam C", role="wmo-consulent", consent=True)
    G.add_node("d", domain="zorg", name="Naam D", role="apotheker", consent=True)  # isolate
    G.add_edges_from([("a", "b"), ("b", "a"), ("a", "c")])
    return G


POS = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 1.0), "d": (-1.0, -1.0)}


def test_svg_draws_every_actor_and_tie_with_domain_colours():
    tax = Taxonomy.default()
    svg = svg_network_map(graph(), POS, taxonomy=tax, lang="nl")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<line") == 2  # a-b (both directions, one line) and a-c
    assert svg.count("<circle cx") >= 4
    assert tax.colour("zorg") in svg and tax.colour("welzijn") in svg
    assert "Zorg" in svg and "Sociaal domein / welzijn" in svg  # legend
    assert "<script" not in svg


def test_names_only_with_consent_and_only_for_top_actors():
    svg = svg_network_map(graph(), POS, taxonomy=Taxonomy.default(), lang="en", max_labels=2)
    assert "Naam A" in svg
    assert "Naam B" not in svg and "welzijnscoach" in svg  # no consent: the role is shown
    assert "Naam C" not in svg  # only the two actors with most ties get a label
    assert "Naam D" not in svg  # isolates get no label
    assert "size: number of ties" in svg
