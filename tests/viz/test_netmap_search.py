"""The findable map: ego view, search, placed names, downloads (SVG, PNG, HTML) and what they reveal."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from wijknet.core.taxonomy import Taxonomy
from wijknet.privacy.audience import Audience
from wijknet.privacy.load import load_project
from wijknet.privacy.suppression import is_aggregate_only
from wijknet.viz.labels import overlapping_pairs
from wijknet.viz.layout import stable_layout
from wijknet.viz.netmap import (
    ego_nodes,
    ego_ties,
    find_actors,
    focus_of,
    map_scene,
    network_map_html,
    remote_references,
    render_map,
    search_index,
)


@pytest.fixture
def chain():
    # a -> b <- c -> d, and e alone:  distances from a: b 1, c 2, d 3.
    G = nx.DiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    G.add_node("e")
    for n in G.nodes:
        G.nodes[n].update(name=f"Naam {n.upper()}", domain="zorg")
    return G


def test_ego_one_and_two_steps_by_hand(chain):
    assert ego_nodes(chain, "a", 1) == {"a": 0, "b": 1}
    assert ego_nodes(chain, "a", 2) == {"a": 0, "b": 1, "c": 2}  # against the arrow c -> b too
    assert ego_nodes(chain, "b", 1) == {"b": 0, "a": 1, "c": 1}
    assert ego_nodes(chain, "e", 2) == {"e": 0}
    assert ego_nodes(chain, "zz", 1) == {}
    # Ties of the view: a-b (1 step); with 2 steps also c-b, not c-d (d is 3 steps away).
    assert ego_ties(chain, ego_nodes(chain, "a", 1), 1) == {("a", "b")}
    assert ego_ties(chain, ego_nodes(chain, "a", 2), 2) == {("a", "b"), ("c", "b")}


@pytest.fixture
def people():
    G = nx.Graph()
    G.add_node(
        "p1",
        name="Élodie Heidebrink",
        role="Huisarts",
        organisation="Praktijk Heidezicht",
        domain="zorg",
    )
    G.add_node(
        "p2", name="Bravo Veld", role="Wijkagent", organisation="Politie", domain="veiligheid"
    )
    G.add_node(
        "p3",
        name="Charlie Zicht",
        role="Buurtcoach",
        organisation="Welzijn Heide",
        domain="welzijn",
    )
    return G


def test_search_by_name_role_organisation_case_and_accents(people):
    index = search_index(people, taxonomy=Taxonomy.default())
    assert [e["label"] for e in index][0] == "Bravo Veld · Wijkagent · Politie"  # label order
    assert find_actors(index, "elodie") == ["p1"]  # accents and case ignored
    assert find_actors(index, "ÉLODIE heide") == ["p1"]  # every word must occur
    assert find_actors(index, "wijkagent") == ["p2"]  # role
    assert find_actors(index, "politie") == ["p2"]  # organisation
    assert find_actors(index, "heide") == [
        "p1",
        "p3",
    ]  # both: p1 (name word starts) before p3 (org word)
    assert find_actors(index, "zicht") == [
        "p3",
        "p1",
    ]  # "Charlie Zicht" word start, then the organisation
    assert find_actors(index, "nobody") == [] and find_actors(index, "  ") == []
    assert search_index(people, aggregate_only=True) == []


def test_focus_fades_everything_outside_the_ego_view(chain):
    pos = {"a": (-1, 0), "b": (0, 0), "c": (1, 0), "d": (1, 1), "e": (-1, 1)}
    doc = network_map_html(
        chain, pos, taxonomy=Taxonomy.default(), placed_labels=True, focus="a", steps=1
    )
    data = json.loads(re.search(r'id="wijknet-labels">(.*?)</script>', doc, re.S).group(1))
    assert sorted(data["faded"]) == ["c", "d", "e"]
    assert {lab["id"] for lab in data["labels"]} == {"a", "b"}  # names of the ego view only
    nodes = {
        n["id"]: n
        for n in json.loads(re.search(r"nodes = new vis.DataSet\((\[.*?\])\);", doc, re.S).group(1))
    }
    assert nodes["a"]["borderWidth"] == 5 and nodes["a"]["color"]["border"] == "#000000"
    assert nodes["c"]["color"]["background"].startswith("rgba(")  # faded
    edges = json.loads(re.search(r"edges = new vis.DataSet\((\[.*?\])\);", doc, re.S).group(1))
    opacity = {(e["from"], e["to"]): e["color"]["opacity"] for e in edges}
    assert opacity[("a", "b")] > 0.5 > opacity[("c", "b")]
    assert remote_references(doc) == []


def test_all_names_places_every_name_without_overlap():
    # A dense grid of 100 actors 12 px apart: far too close for names; all names spreads the drawing.
    G = nx.Graph()
    pos = {}
    for i in range(100):
        G.add_node(f"n{i}", name=f"Actor {i:03d} Heidepad", domain="zorg")
        pos[f"n{i}"] = ((i % 10) / 10 - 0.5, (i // 10) / 10 - 0.5)
    top = map_scene(G, pos, max_labels=25, height=300)
    every = map_scene(G, pos, max_labels=None, height=300)
    assert len(top["labels"]) <= 25
    assert len(every["labels"]) == 100  # every name, none dropped
    boxes = [lab.box for lab in every["labels"].values()]
    assert overlapping_pairs(boxes) == []
    # Same shape of the layout: positions only scaled (stable across waves).
    (x1, _), (x2, _) = top["canvas"]["n1"], top["canvas"]["n2"]
    (X1, _), (X2, _) = every["canvas"]["n1"], every["canvas"]["n2"]
    assert X2 - X1 > x2 - x1 > 0


def test_svg_and_png_downloads_match_the_scene(people):
    pos = {"p1": (-1, 0), "p2": (0, 0.3), "p3": (1, 0)}
    svg = render_map("svg", people, pos, taxonomy=Taxonomy.default(), node_size={"p1": 3, "p2": 1, "p3": 0},
                     size_label="aantal relaties")  # fmt: skip
    assert svg.startswith("<svg") and "<script" not in svg and remote_references(svg) == []
    assert svg.count("<circle") >= 3 and "Élodie Heidebrink" in svg
    png = render_map("png", people, pos, taxonomy=Taxonomy.default())
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match="unknown map format"):
        render_map("gif", people, pos, taxonomy=Taxonomy.default())


# --- privacy: what the search and the downloads reveal to a wijkteam and a leernetwerk ---------------


def test_wijkteam_search_index_holds_only_its_own_visible_actors(people_files):
    # Heidepark's team: Beekdal's actors are not there; Bravo (no consent) and Charlie (resident) by pseudonym.
    project = load_project(people_files, audience=Audience.parse("wijkteam:Heidepark"))
    for wave in project.waves:
        index = search_index(project.graph("Heidepark", wave), taxonomy=project.taxonomy)
        text = json.dumps(index, ensure_ascii=False)
        for hidden in ("Delta Beekhof", "Hotel Beekveld", "India Beekstraat", "BD-1", "Bravo Heideveld",
                       "Charlie Heidebeek"):  # fmt: skip
            assert hidden not in text, (wave, hidden)
        assert find_actors(index, "Beekdal") == [] and find_actors(index, "Beekhof") == []
        assert find_actors(index, "Bravo") == [] and find_actors(index, "Charlie") == []
    assert "Beekdal" not in project.wijken


def test_leernetwerk_map_downloads_carry_no_name(people_files):
    project = load_project(people_files, audience=Audience.parse("leernetwerk"))
    assert is_aggregate_only(project)
    names = ("Alfa Heidehuis", "Bravo Heideveld", "Charlie Heidebeek", "Gemeente Heidestad", "Echo Heidedal",
             "Praktijk Heidezicht", "huisarts", "HP-1", "HP-2")  # fmt: skip
    for wijk in project.wijken[:1]:
        G = project.graph(wijk, project.waves[-1])
        pos = stable_layout([project.graph(wijk, w) for w in project.waves], seed=0)
        assert search_index(G, aggregate_only=True) == []
        kw = {
            "taxonomy": project.taxonomy,
            "aggregate_only": True,
            "focus": next(iter(G.nodes), None),
        }
        html, svg = render_map("html", G, pos, **kw), render_map("svg", G, pos, **kw)
        for name in names:
            assert name not in html and name not in svg, name
        # The PNG paints only what the scene holds: with every name, role and organisation replaced,
        # the picture is byte for byte the same, so it carries none of them.
        blank = G.copy()
        for n in blank.nodes:
            blank.nodes[n].update(name="x", role="x", organisation="x")
        assert render_map("png", G, pos, **kw) == render_map("png", blank, pos, **kw)


def test_an_organisation_is_found_as_a_whole_with_the_ties_of_all_its_people():
    # Two people of "Welzijn Heide" (w1, w2), one of "Praktijk Heidezicht" (z1); ties w1-z1, w2-x, x-y.
    G = nx.Graph([("w1", "z1"), ("w2", "x"), ("x", "y")])
    for n, org in {
        "w1": "Welzijn Heide",
        "w2": "Welzijn Heide",
        "z1": "Praktijk Heidezicht",
    }.items():
        G.nodes[n].update(name=f"Persoon {n}", organisation=org)
    for n in ("x", "y"):
        G.nodes[n]["name"] = f"Persoon {n}"
    index = search_index(G)
    hits = find_actors(index, "welzijn heide")
    assert hits[0] == "org:Welzijn Heide"  # the organisation before its people
    assert set(hits[1:]) == {"w1", "w2"}
    assert not any(
        e["id"] == "org:Praktijk Heidezicht" for e in index
    )  # one person: no group entry
    members = focus_of(index, hits[0])
    assert (
        members == ("w1", "w2") and focus_of(index, "z1") == ("z1",) and focus_of(index, None) == ()
    )
    # Its ego view: both members at 0, their contacts z1 and x at 1; y is 2 steps out.
    assert ego_nodes(G, members, 1) == {"w1": 0, "w2": 0, "z1": 1, "x": 1}
    scene = map_scene(G, {n: (0.0, 0.0) for n in G}, focus=members, steps=1)
    assert scene["focus"] == ("w1", "w2") and scene["hot"] == {("w1", "z1"), ("w2", "x")}
