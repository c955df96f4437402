"""Finding 6 of issue 10: the leernetwerk's maps show domain colour only.

An attacker with the leernetwerk view reads the map documents the app sends (the iframe's HTML) and
parses vis-network's node and edge data, looking for what identifies a person in a team of about five,
one per domain: a node's code, its in- and out-ties, whether it answered the survey, the PlusWIJkteam
border, the dashed non-response border, a size that follows a measure, and a tie's type and strength.
The same parser on the wijkteam's map finds them, so the attack is real.
"""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from streamlit.testing.v1 import AppTest

from tests.webapp.test_pages import write_project
from wijknet.core.taxonomy import Taxonomy
from wijknet.privacy.load import load_project
from wijknet.viz.netmap import network_map_html
from wijknet.webapp import ENTRY_SCRIPT


def vis_data(document: str) -> tuple[list[dict], list[dict]]:
    """The node and edge records of a vis-network document, as the browser gets them."""
    found = {
        name: json.loads(m.group(1))
        for name, m in (
            (n, re.search(rf"{n} = new vis\.DataSet\((\[.*?\])\);", document, re.S))
            for n in ("nodes", "edges")
        )
        if m
    }
    return found.get("nodes", []), found.get("edges", [])


def leaks(document: str, pseudonyms: set[str]) -> list[str]:
    """Everything in a map document that points at a single actor or tie."""
    nodes, edges = vis_data(document)
    found = []
    if any("title" in n for n in nodes) or any("title" in e for e in edges):
        found.append("tooltip")
    if any(str(n.get("label", "")).strip() for n in nodes):
        found.append("label")
    if len({n.get("borderWidth") for n in nodes}) > 1:
        found.append("border width (team mark)")
    if any("shapeProperties" in n for n in nodes):
        found.append("dashed border (response mark)")
    if len({n.get("value") for n in nodes}) > 1:
        found.append("size by measure")
    kinds = {
        json.dumps(e.get("color"), sort_keys=True) for e in edges
    }  # the difference map: kept, new, lost
    if len({(json.dumps(e.get("color"), sort_keys=True), e.get("width")) for e in edges}) > len(
        kinds
    ):
        found.append("tie width (strength)")
    if any(p in document for p in pseudonyms):
        found.append("pseudonym")
    for word in (
        "PlusWIJkteam",
        "gereageerd",
        "Soort relatie",
        "Sterkte",
        "uitgaand",
        "samenwerking",
        "verwijzing",
    ):
        if word in document:
            found.append(word)
    return found


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = write_project(
        tmp_path / "project", responses=True
    )  # team members, non-respondents, weights, types
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return folder


def viewing_as(audience: str) -> AppTest:
    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=120).run()
    at.sidebar.selectbox(key="view_as").set_value(audience).run()
    assert not at.exception, at.exception
    return at


def documents(at: AppTest) -> list[str]:
    return [frame.proto.srcdoc for frame in at.get("iframe") if frame.proto.srcdoc]


def test_library_map_for_aggregate_only_drops_everything_that_identifies():
    G = nx.DiGraph()
    G.add_node("P-AAAA", domain="zorg", name="", pluswijkteam=True)
    G.add_node("P-BBBB", domain="welzijn", name="", pluswijkteam=False)
    G.add_node("P-CCCC", domain="wonen", name="")
    G.add_edge("P-AAAA", "P-BBBB", weight=4.0, tie_type="samenwerking")
    G.add_edge("P-BBBB", "P-CCCC", weight=1.0, tie_type="verwijzing")
    positions = {"P-AAAA": (0, 0), "P-BBBB": (1, 0), "P-CCCC": (0, 1)}
    options = dict(taxonomy=Taxonomy.default(), node_size={"P-AAAA": 9, "P-BBBB": 1, "P-CCCC": 2}, size_label="graad",
                   respondents={"P-AAAA"})  # fmt: skip
    full = network_map_html(G, positions, **options)
    assert {"tooltip", "border width (team mark)", "dashed border (response mark)", "size by measure",
            "tie width (strength)", "pseudonym"} <= set(leaks(full, set(G)))  # fmt: skip
    anonymous = network_map_html(G, positions, aggregate_only=True, **options)
    assert leaks(anonymous, set(G)) == []
    nodes, edges = vis_data(anonymous)
    assert len(nodes) == 3 and len(edges) == 2  # the structure and domain colours stay
    assert {n["color"]["background"] for n in nodes} == {
        Taxonomy.default().colour(d) for d in ("zorg", "welzijn", "wonen")
    }


def test_leernetwerk_maps_in_the_app_show_domain_colour_only(project):
    pseudonyms = set(load_project(project, audience="leernetwerk").actors["actor_id"])
    at = viewing_as("leernetwerk")
    assert [r.key for r in at.sidebar.radio] == [
        "lang"
    ]  # no "size by measure" for an aggregate-only audience
    pages = {"netwerkkaart": documents(at)}
    for page in ("verandering", "vergelijken"):
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, at.exception
        pages[page] = documents(at)
    for page, docs in pages.items():
        assert docs, page
        for document in docs:
            assert leaks(document, pseudonyms) == [], page
            assert vis_data(document)[0], page  # a map was really parsed


def test_the_same_attack_finds_the_marks_on_a_wijkteam_map(project):
    pseudonyms = set(load_project(project, audience="wijkteam:Noord").actors["actor_id"])
    at = viewing_as("wijkteam:Noord")
    found = set(leaks(documents(at)[0], pseudonyms))
    assert {
        "tooltip",
        "border width (team mark)",
        "dashed border (response mark)",
        "pseudonym",
    } <= found


def test_leernetwerk_gets_no_printed_map(project):
    """The static SVG map (wijknet.report.svgmap) is drawn for the wijk report only, which a leernetwerk
    cannot get; the programme report it does get has no map."""
    from wijknet.privacy import NotAllowed
    from wijknet.report import build_wijk_report

    leernetwerk = load_project(project, audience="leernetwerk")
    with pytest.raises(NotAllowed):
        build_wijk_report(leernetwerk, "Noord", "2026")
