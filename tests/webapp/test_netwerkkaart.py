"""The Netwerkkaart page: search beside the map, the ego view, downloads; the evidence picker highlights too."""

from __future__ import annotations

import json
import re

from tests.webapp.test_pages import app, project  # noqa: F401  (fixture)


def _map(at) -> dict:
    doc = at.get("iframe")[0].proto.srcdoc
    return json.loads(re.search(r'id="wijknet-labels">(.*?)</script>', doc, re.S).group(1))


def test_search_highlights_an_actor_with_its_ties_and_downloads_follow(project):  # noqa: F811
    at = app().run()
    assert not at.exception, at.exception
    assert _map(at)["faded"] == []  # nothing chosen: nothing faded
    box = at.text_input(key="map_search_Noord_2026")
    assert box.label == "Zoek een persoon, rol of organisatie"
    assert box.placeholder.startswith(
        "Naam, rol of organisatie"
    )  # a Dutch placeholder that fits its box
    box.input("huisarts noord 0").run()
    assert not at.exception, at.exception
    hits = at.selectbox(key="map_hit_Noord_2026_huisarts noord 0")
    assert hits.value == "N00"
    one = _map(at)
    assert one["faded"] and "N00" not in one["faded"]
    assert "N00" in {lab["id"] for lab in one["labels"]}
    assert any("contacten; de rest is vervaagd" in c.value for c in at.caption)
    at.radio(key="map_ego_steps").set_value(2).run()
    two = _map(at)
    assert len(two["faded"]) < len(one["faded"])  # contacts of contacts join the view
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Afbeelding (PNG)", "Tekening (SVG)", "Interactieve kaart (HTML)"]
    # Nothing found: a Dutch message, no map change.
    at.text_input(key="map_search_Noord_2026").input("bestaatniet").run()
    assert any("Niets gevonden" in i.value for i in at.info) and _map(at)["faded"] == []


def test_the_evidence_picker_highlights_its_actor(project):  # noqa: F811
    at = app().run()
    at.selectbox(key="evidence_actor_Noord_2026").select("N00").run()
    assert not at.exception, at.exception
    assert _map(at)["faded"] and "N00" not in _map(at)["faded"]
