"""difference_map_html: offline, same positions as the network map, change drawn from wijknet.analysis.change."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import wijknet
from wijknet.analysis.change import compare_waves
from wijknet.core.taxonomy import Taxonomy
from wijknet.viz.diffmap import LOST_COLOUR, NEW_COLOUR, difference_map_html, wave_difference
from wijknet.viz.layout import stable_layout
from wijknet.viz.netmap import canvas_positions, network_map_html, remote_references

# Worked example (wijk Noord, 2025 -> 2026), fictional role names only:
#   z1, z2 zorg; w1 welzijn; i1 inwoners (left after 2025); g1 gemeente (joined in 2026); x1 an isolate.
#   2025: z1->z2, z2->z1, z1->w1, w1->i1
#   2026: z1->z2, z1->w1, w1->z1, z2->w1, g1->w1
# Between stable actors: kept z1->z2, z1->w1; new w1->z1, z2->w1; lost z2->z1.
# With the actors who entered or left: new also g1->w1 (structural), lost also w1->i1 (structural).
ACTORS = (
    "actor_id,wijk,domain,name,role,pluswijkteam,first_wave,last_wave\n"
    "z1,Noord,zorg,Huisarts Fictief,huisarts,ja,,\n"
    "z2,Noord,zorg,Wijkverpleging Fictief,wijkverpleegkundige,nee,,\n"
    "w1,Noord,welzijn,Coach Fictief,welzijnscoach,ja,,\n"
    "i1,Noord,inwoners,Bewonersgroep Fictief,,nee,,2025\n"
    "g1,Noord,gemeente,Consulent Fictief,Wmo-consulent,nee,2026,\n"
    "x1,Noord,wonen,Woonconsulent Fictief,woonconsulent,nee,,\n"
)
TIES = (
    "wijk,wave,source,target,tie_type,weight\n"
    "Noord,2025,z1,z2,samenwerking,3\n"
    "Noord,2025,z2,z1,samenwerking,4\n"
    "Noord,2025,z1,w1,verwijzing,2\n"
    "Noord,2025,w1,i1,overleg,1\n"
    "Noord,2026,z1,z2,samenwerking,3\n"
    "Noord,2026,z1,w1,verwijzing,5\n"
    "Noord,2026,w1,z1,overleg,2\n"
    "Noord,2026,z2,w1,overleg,2\n"
    "Noord,2026,g1,w1,samenwerking,1\n"
)


@pytest.fixture
def project(tmp_path: Path):
    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "ties.csv").write_text(TIES, encoding="utf-8")
    (tmp_path / "wijknet.yaml").write_text("waves: ['2025', '2026']\n", encoding="utf-8")
    return wijknet.load_project(tmp_path)


@pytest.fixture
def positions(project):
    return stable_layout(
        [project.graph("Noord", w) for w in project.waves], seed=0, taxonomy=project.taxonomy
    )


def _nodes(doc: str) -> dict[str, dict]:
    return {
        n["id"]: n
        for n in json.loads(
            re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", doc, re.S).group(1)
        )
    }


def _edges(doc: str) -> list[dict]:
    return json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", doc, re.S).group(1))


def _legend(doc: str) -> str:
    return re.sub(
        r"<[^>]+>", " ", doc.split('id="wijknet-legend"')[1].split('<div class="card"')[0]
    )


def test_wave_difference_follows_the_change_module(project):
    diff = wave_difference(project, "Noord", "2025", "2026")
    status = {
        (u, v): s for u, v, s in zip(diff.ties["source"], diff.ties["target"], diff.ties["status"])
    }
    assert status == {
        ("z1", "z2"): "kept",
        ("z1", "w1"): "kept",
        ("w1", "z1"): "new",
        ("z2", "w1"): "new",
        ("g1", "w1"): "new",
        ("z2", "z1"): "lost",
        ("w1", "i1"): "lost",
    }
    structural = dict(zip(zip(diff.ties["source"], diff.ties["target"]), diff.ties["structural"]))
    assert structural[("g1", "w1")] and structural[("w1", "i1")] and not structural[("w1", "z1")]
    actors = dict(zip(diff.actors["actor_id"], diff.actors["status"]))
    assert actors == {
        "z1": "stable",
        "z2": "stable",
        "w1": "stable",
        "x1": "stable",
        "i1": "left",
        "g1": "entered",
    }
    # The counts are those of compare_waves over all actors (newcomers' ties new, leavers' ties lost).
    row = compare_waves(project, "Noord", "2025", "2026", n_permutations=0).iloc[0]
    counts = diff.counts()
    assert (counts["kept"], counts["new"], counts["lost"]) == (
        row["ties_kept"],
        row["ties_new_all"],
        row["ties_lost_all"],
    )
    assert (counts["entered"], counts["left"]) == (row["actors_entered"], row["actors_left"])
    cross_new = diff.ties[(diff.ties["status"] == "new") & diff.ties["cross_domain"]]
    assert len(cross_new) == row["new_cross_domain_all"]


def test_no_remote_resources_and_plain_values(project, positions):
    doc = difference_map_html(
        wave_difference(project, "Noord", "2025", "2026"), positions, taxonomy=project.taxonomy
    )
    assert remote_references(doc) == []
    assert not re.search(
        r"""<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?//""", doc, re.I
    )
    assert "vis.Network" in doc and '<html lang="nl">' in doc
    assert _options(doc)["physics"]["enabled"] is False


def _options(doc: str) -> dict:
    return json.loads(re.search(r"var options = (\{.*?\});\n", doc, re.S).group(1))


def test_same_positions_as_the_network_map(project, positions):
    diff = wave_difference(project, "Noord", "2025", "2026")
    doc = difference_map_html(diff, positions, taxonomy=project.taxonomy, height=600)
    nodes = _nodes(doc)
    assert set(nodes) == {"z1", "z2", "w1", "i1", "g1", "x1"}  # actors of either wave
    expected = canvas_positions(sorted(nodes), positions, 600)
    assert all((nodes[n]["x"], nodes[n]["y"]) == expected[n] for n in nodes)
    assert all(n["physics"] is False for n in nodes.values())
    # Same layout as the normal map of the later wave: relative positions agree.
    normal = _nodes(
        network_map_html(project.graph("Noord", "2026"), positions, taxonomy=project.taxonomy)
    )
    for a, b in (("z1", "w1"), ("z2", "g1"), ("w1", "x1")):
        assert (normal[a]["x"] < normal[b]["x"]) == (nodes[a]["x"] < nodes[b]["x"])
        assert (normal[a]["y"] < normal[b]["y"]) == (nodes[a]["y"] < nodes[b]["y"])


def test_ties_coloured_by_change(project, positions):
    doc = difference_map_html(
        wave_difference(project, "Noord", "2025", "2026"), positions, taxonomy=project.taxonomy
    )
    edges = {frozenset((e["from"], e["to"])): [] for e in _edges(doc)}
    for e in _edges(doc):
        edges[frozenset((e["from"], e["to"]))].append(e)
    new = [e for e in _edges(doc) if e["color"]["color"] == NEW_COLOUR]
    lost = [e for e in _edges(doc) if e["color"]["color"] == LOST_COLOUR]
    kept = [e for e in _edges(doc) if e["color"]["color"] not in (NEW_COLOUR, LOST_COLOUR)]
    assert {frozenset((e["from"], e["to"])) for e in new} == {
        frozenset(p) for p in (("w1", "z1"), ("z2", "w1"), ("g1", "w1"))
    }
    assert {frozenset((e["from"], e["to"])) for e in lost} == {
        frozenset(p) for p in (("z2", "z1"), ("w1", "i1"))
    }
    assert all(e.get("dashes") for e in lost) and not any(e.get("dashes") for e in new + kept)
    assert all(e["width"] > k["width"] for e in new + lost for k in kept)  # change stands out
    assert all(e["color"]["opacity"] < 0.5 for e in kept)  # kept ties are faint
    # z1-w1: kept one way and new the other way -> two curved lines; no arrows anywhere.
    pair = edges[frozenset(("z1", "w1"))]
    assert len(pair) == 2 and all(e["smooth"]["enabled"] for e in pair)
    assert all(e["arrows"]["to"]["enabled"] is False for e in _edges(doc))
    tip = [e["title"] for e in new if {e["from"], e["to"]} == {"g1", "w1"}][0]
    assert "Consulent Fictief \u2192 Coach Fictief" in tip and "Nieuwe relatie in 2026" in tip
    assert "nieuw is in het netwerk" in tip and "Tussen twee domeinen" in tip
    assert "<" not in tip  # plain text


def test_reciprocal_pair_with_the_same_change_is_one_line(project, positions):
    # Both directions of z1-z2 in 2025; only z1->z2 in 2026 -> one kept line and one lost line.
    diff = wave_difference(project, "Noord", "2025", "2026")
    both_kept = diff.ties.copy()
    both_kept.loc[(both_kept["source"] == "z2") & (both_kept["target"] == "z1"), "status"] = "kept"
    diff = type(diff)(**{**diff.__dict__, "ties": both_kept})
    doc = difference_map_html(diff, positions, taxonomy=project.taxonomy)
    pair = [e for e in _edges(doc) if {e["from"], e["to"]} == {"z1", "z2"}]
    assert len(pair) == 1 and "smooth" not in pair[0]
    assert "Huisarts Fictief \u2192 Wijkverpleging Fictief" in pair[0]["title"]
    assert "Wijkverpleging Fictief \u2192 Huisarts Fictief" in pair[0]["title"]


def test_entered_and_left_actors_marked(project, positions):
    doc = difference_map_html(
        wave_difference(project, "Noord", "2025", "2026"), positions, taxonomy=project.taxonomy
    )
    nodes = _nodes(doc)
    assert (
        nodes["g1"]["color"]["border"] == NEW_COLOUR
        and nodes["g1"]["borderWidth"] > nodes["z1"]["borderWidth"]
    )
    assert (
        nodes["i1"]["color"]["border"] == LOST_COLOUR
        and nodes["i1"]["shapeProperties"]["borderDashes"]
    )
    assert "rgba(" in nodes["i1"]["color"]["background"]  # faded
    assert nodes["z1"]["color"]["background"] == Taxonomy.default().colour("zorg")
    assert "Nieuw in het netwerk in 2026" in nodes["g1"]["title"]
    assert "Niet meer in het netwerk in 2026" in nodes["i1"]["title"]
    assert "Relaties: 1 nieuw, 1 verdwenen, 2 gebleven" in nodes["z1"]["title"]
    # Size follows the number of changed ties; x1 had no ties at all.
    assert nodes["w1"]["value"] > nodes["x1"]["value"]


def test_legend_in_words_dutch_and_english(project, positions):
    diff = wave_difference(project, "Noord", "2025", "2026")
    nl = _legend(difference_map_html(diff, positions, taxonomy=project.taxonomy, lang="nl"))
    for phrase in (
        "Van 2025 naar 2026",
        "nieuwe relatie in 2026 (3)",
        "verdwenen relatie, was er in 2025 (2)",
        "relatie in beide metingen (2)",
        "nieuw in het netwerk (1)",
        "niet meer in het netwerk (1)",
        "Zorg",
        "Gemeente",
    ):
        assert phrase in nl
    en_doc = difference_map_html(diff, positions, taxonomy=project.taxonomy, lang="en")
    en = _legend(en_doc)
    for phrase in (
        "From 2025 to 2026",
        "new tie in 2026 (3)",
        "lost tie, was there in 2025 (2)",
        "joined the network (1)",
        "left the network (1)",
        "Care",
    ):
        assert phrase in en
    assert '<html lang="en">' in en_doc
    assert "Joined the network in 2026" in _nodes(en_doc)["g1"]["title"]


def test_show_and_cross_domain_only(project, positions):
    diff = wave_difference(project, "Noord", "2025", "2026")
    only_new = difference_map_html(diff, positions, taxonomy=project.taxonomy, show=("new",))
    assert {e["color"]["color"] for e in _edges(only_new)} == {NEW_COLOUR}
    assert "niet getoond" in _legend(only_new)
    cross = difference_map_html(diff, positions, taxonomy=project.taxonomy, cross_domain_only=True)
    pairs = {frozenset((e["from"], e["to"])) for e in _edges(cross)}
    assert frozenset(("z1", "z2")) not in pairs and frozenset(("g1", "w1")) in pairs
    assert "nieuwe relatie in 2026 (3)" in _legend(cross)  # all three new ties cross domains
    assert "verdwenen relatie, was er in 2025 (1)" in _legend(cross)


def test_names_limited_and_graphs_not_modified(project, positions):
    diff = wave_difference(project, "Noord", "2025", "2026")
    before = [
        (dict(G.nodes(data=True)), list(G.edges(data=True))) for G in (diff.G_from, diff.G_to)
    ]
    doc = difference_map_html(diff, positions, taxonomy=project.taxonomy, max_labels=2)
    named = {k for k, n in _nodes(doc).items() if n["label"].strip()}
    assert named == {"g1", "i1"}  # actors who joined or left come first
    hidden = difference_map_html(diff, positions, taxonomy=project.taxonomy, show_names=False)
    assert all(n["label"].strip() == "" for n in _nodes(hidden).values())
    assert [
        (dict(G.nodes(data=True)), list(G.edges(data=True))) for G in (diff.G_from, diff.G_to)
    ] == before


def test_undirected_graphs(project, positions):
    diff = wave_difference(project, "Noord", "2025", "2026", symmetrise="union")
    assert not diff.directed
    doc = difference_map_html(diff, positions, taxonomy=project.taxonomy)
    assert remote_references(doc) == []
    assert any("\u2014" in e["title"] for e in _edges(doc))


def test_no_change_and_empty(tmp_path):
    (tmp_path / "actors.csv").write_text(
        "actor_id,wijk,domain\na,Noord,zorg\nb,Noord,welzijn\n", encoding="utf-8"
    )
    (tmp_path / "ties.csv").write_text(
        "wijk,wave,source,target\nNoord,2025,a,b\nNoord,2026,a,b\n", encoding="utf-8"
    )
    project = wijknet.load_project(tmp_path)
    diff = wave_difference(project, "Noord", "2025", "2026")
    assert diff.counts()["kept"] == 1 and diff.counts()["new"] == 0
    doc = difference_map_html(diff, {"a": (0.0, 0.0), "b": (1.0, 0.0)}, taxonomy=project.taxonomy)
    assert len(_edges(doc)) == 1 and remote_references(doc) == []
