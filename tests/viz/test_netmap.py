"""network_map_html: offline, plain values, fixed positions, colours, legend, plain-text tooltips."""

from __future__ import annotations

import json
import re

import networkx as nx
import numpy as np
import pytest

from wijknet.core.taxonomy import Taxonomy
from wijknet.viz.layout import stable_layout
from wijknet.viz.netmap import network_map_html, remote_references


@pytest.fixture
def graph() -> nx.DiGraph:
    G = nx.DiGraph(wijk="Noord", wave="2025")
    G.add_node(
        "z1",
        domain="zorg",
        name="Huisarts Fictief",
        role="huisarts",
        organisation="Praktijk <Fictief>",
        pluswijkteam=True,
    )
    G.add_node(
        "w1",
        domain="welzijn",
        name="Coach Fictief",
        role="welzijnscoach",
        organisation="Welzijn Fictief",
        pluswijkteam=False,
    )
    G.add_node(
        "i1",
        domain="inwoners",
        name="Bewonersgroep Fictief",
        role="",
        organisation="",
        pluswijkteam=False,
    )
    G.add_node("x1", domain="onbekend domein", name="Los Fictief", pluswijkteam=False)
    G.add_edge("z1", "w1", weight=np.float64(4.0), tie_type="verwijzing;overleg", evidence="")
    G.add_edge("w1", "z1", weight=2.0, tie_type="overleg", evidence="")
    G.add_edge("w1", "i1", weight=np.int64(1), tie_type="samenwerking", evidence="")
    return G


@pytest.fixture
def taxonomy() -> Taxonomy:
    return Taxonomy.default()


def _nodes(doc: str) -> list[dict]:
    return json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", doc, re.S).group(1))


def _edges(doc: str) -> list[dict]:
    return json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", doc, re.S).group(1))


def _options(doc: str) -> dict:
    return json.loads(re.search(r"var options = (\{.*?\});\n", doc, re.S).group(1))


def test_no_remote_resources(graph, taxonomy):
    doc = network_map_html(graph, stable_layout(graph), taxonomy=taxonomy)
    assert remote_references(doc) == []
    assert not re.search(
        r"""<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?//""", doc, re.I
    )
    assert "cdn.jsdelivr" not in doc and "cdnjs.cloudflare" not in doc
    assert "vis.Network" in doc  # vis-network is inlined


def test_graph_not_modified(graph, taxonomy):
    before = (dict(graph.nodes(data=True)), list(graph.edges(data=True)))
    network_map_html(graph, stable_layout(graph), taxonomy=taxonomy)
    assert (dict(graph.nodes(data=True)), list(graph.edges(data=True))) == before


def test_nodes_fixed_coloured_and_sized(graph, taxonomy):
    pos = stable_layout(graph)
    doc = network_map_html(
        graph,
        pos,
        taxonomy=taxonomy,
        node_size={"z1": 10, "w1": 2.5, "i1": 0, "x1": 0},
        size_label="aantal relaties",
    )
    nodes = {n["id"]: n for n in _nodes(doc)}
    assert set(nodes) == set(graph)
    assert nodes["z1"]["color"]["background"] == taxonomy.colour("zorg")
    assert nodes["w1"]["color"]["background"] == taxonomy.colour("welzijn")
    assert nodes["z1"]["value"] > nodes["w1"]["value"] > nodes["i1"]["value"]
    assert nodes["z1"]["borderWidth"] > nodes["w1"]["borderWidth"]  # PlusWIJkteam
    assert all(n["physics"] is False for n in nodes.values())
    assert _options(doc)["physics"]["enabled"] is False
    # Relative positions are kept.
    assert (nodes["z1"]["x"] < nodes["w1"]["x"]) == (pos["z1"][0] < pos["w1"][0])
    assert "rgba(" in nodes["x1"]["color"]["background"]  # isolate faded


def test_tooltips_are_plain_text(graph, taxonomy):
    doc = network_map_html(graph, stable_layout(graph), taxonomy=taxonomy, lang="nl")
    title = {n["id"]: n["title"] for n in _nodes(doc)}["z1"]
    assert title.splitlines()[0] == "Huisarts Fictief"
    assert "Rol: huisarts" in title and "Organisatie: Praktijk <Fictief>" in title
    assert "Domein: Zorg" in title and "PlusWIJkteam" in title
    en = network_map_html(graph, stable_layout(graph), taxonomy=taxonomy, lang="en")
    assert "Domain: Care" in {n["id"]: n["title"] for n in _nodes(en)}["z1"]


def test_edges_arrows_and_width(graph, taxonomy):
    doc = network_map_html(graph, stable_layout(graph), taxonomy=taxonomy)
    edges = {(e["from"], e["to"]): e for e in _edges(doc)}
    assert set(edges) == set(graph.edges)
    assert edges[("z1", "w1")]["width"] > edges[("w1", "i1")]["width"]
    assert _options(doc)["edges"]["arrows"]["to"]["enabled"] is True
    undirected = network_map_html(graph.to_undirected(), stable_layout(graph), taxonomy=taxonomy)
    assert _options(undirected)["edges"]["arrows"]["to"]["enabled"] is False


def test_legend_in_both_languages(graph, taxonomy):
    nl = network_map_html(graph, stable_layout(graph), taxonomy=taxonomy, lang="nl")
    en = network_map_html(graph, stable_layout(graph), taxonomy=taxonomy, lang="en")
    assert 'id="wijknet-legend"' in nl
    for label in ("Zorg", "Sociaal domein / welzijn", "Inwoners / informeel", "onbekend domein"):
        assert label in nl
    assert "Social domain / welfare" in en and "Domains" in en
    assert (
        "Wonen" not in nl.split('id="wijknet-legend"')[1].split("</div>")[0]
    )  # only domains present
    assert '<html lang="en">' in en


def test_names_can_be_hidden(graph, taxonomy):
    doc = network_map_html(graph, stable_layout(graph), taxonomy=taxonomy, show_names=False)
    assert all(n["label"].strip() == "" for n in _nodes(doc))


def test_numpy_ids_and_values_serialise(taxonomy):
    G = nx.DiGraph()
    G.add_node(
        "a", domain="zorg", name=np.str_("A"), pluswijkteam=np.bool_(True), extra=np.int64(3)
    )
    G.add_node("b", domain="zorg", name="B", score=float("nan"))
    G.add_edge("a", "b", weight=np.float32(2.5))
    doc = network_map_html(
        G,
        {"a": (np.float64(0.1), np.float64(0.2)), "b": (-0.1, 0.3)},
        taxonomy=taxonomy,
        node_size={"a": np.int64(3), "b": np.float64(1.0)},
    )
    assert len(_nodes(doc)) == 2


def test_empty_graph(taxonomy):
    doc = network_map_html(nx.DiGraph(), {}, taxonomy=taxonomy)
    assert remote_references(doc) == [] and _nodes(doc) == []


def test_compact_map_without_names_for_small_multiples(graph, taxonomy):
    # Small multiples: no name anywhere in the document, thin ties without arrows, no zoom or drag.
    doc = network_map_html(
        graph,
        stable_layout(graph),
        taxonomy=taxonomy,
        show_names=False,
        legend=False,
        compact=True,
        tooltips=False,
        height=240,
    )
    for name in ("Huisarts Fictief", "Coach Fictief", "Bewonersgroep Fictief", "Los Fictief"):
        assert name not in doc
    assert all("title" not in n and n["label"].strip() == "" for n in _nodes(doc))
    assert all("title" not in e for e in _edges(doc))
    full = network_map_html(graph, stable_layout(graph), taxonomy=taxonomy)
    assert max(e["width"] for e in _edges(doc)) < min(e["width"] for e in _edges(full))
    options = _options(doc)
    assert options["edges"]["arrows"]["to"]["enabled"] is False
    assert options["nodes"]["scaling"]["max"] < _options(full)["nodes"]["scaling"]["max"]
    assert (
        options["interaction"]["zoomView"] is False and options["interaction"]["dragView"] is False
    )
    assert "zoomView" not in _options(full)["interaction"]


def test_non_respondents_are_marked(graph, taxonomy):
    doc = network_map_html(graph, stable_layout(graph), taxonomy=taxonomy, respondents={"z1", "w1"})
    nodes = {n["id"]: n for n in _nodes(doc)}
    note = "heeft (nog) niet gereageerd op de vragenlijst"
    for node in ("i1", "x1"):
        assert nodes[node]["shapeProperties"]["borderDashes"]
        assert nodes[node]["title"].splitlines()[-1].lower() == note
    for node in ("z1", "w1"):
        assert "shapeProperties" not in nodes[node] and note not in nodes[node]["title"].lower()
    legend = doc.split('id="wijknet-legend"')[1].split("</div></div>")[0]
    assert "gestippelde rand: " + note in legend
    en = network_map_html(
        graph, stable_layout(graph), taxonomy=taxonomy, lang="en", respondents=["z1", "w1"]
    )
    assert (
        "Has not (yet) responded to the questionnaire"
        in {n["id"]: n["title"] for n in _nodes(en)}["i1"]
    )
    assert "dashed border" in en
    # Without respondents (or when everyone responded) nothing is marked.
    for doc in (
        network_map_html(graph, stable_layout(graph), taxonomy=taxonomy),
        network_map_html(graph, stable_layout(graph), taxonomy=taxonomy, respondents=set(graph)),
    ):
        assert all("shapeProperties" not in n for n in _nodes(doc))
        assert "gestippelde rand" not in doc and note not in doc.lower()
