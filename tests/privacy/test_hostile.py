"""Hostile names and labels are shown as text everywhere: maps, reports, feedback, exports, the app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import write
from tests.store.helpers import run
from wijknet.core.taxonomy import Taxonomy
from wijknet.privacy.load import load_project
from wijknet.report.feedback import write_feedback
from wijknet.viz.diffmap import difference_map_html, wave_difference
from wijknet.viz.layout import stable_layout
from wijknet.viz.netmap import network_map_html

PAYLOAD = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'&"
#: What must never appear in a document: a tag the payload would open.
ACTIVE = re.compile(r"<script>alert|<img src=x", re.IGNORECASE)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    actors = ("actor_id,wijk,domain,name,role,organisation,kind,consent\n"
              f'a1,Oost,zorg,"{PAYLOAD.replace(chr(34), chr(34) * 2)}",huisarts,"{PAYLOAD.replace(chr(34), chr(34) * 2)}",organisation,ja\n'
              "a2,Oost,welzijn,Welzijn Fictief,coach,Welzijn Fictief,organisation,ja\n"
              "a3,Oost,gemeente,Gemeente Fictief,,,organisation,ja\n")  # fmt: skip
    ties = ("wijk,wave,source,target,tie_type,weight\n"
            "Oost,2025,a1,a2,samenwerking,2\nOost,2025,a2,a1,samenwerking,2\n"
            "Oost,2026,a1,a3,samenwerking,1\nOost,2026,a2,a3,samenwerking,2\nOost,2026,a3,a1,samenwerking,3\n")  # fmt: skip
    write(tmp_path, "actors.csv", actors)
    write(tmp_path, "ties.csv", ties)
    return tmp_path


def test_map_and_difference_map_escape_names(hostile):
    project = load_project(hostile, audience="wijkteam:Oost")
    assert PAYLOAD in set(project.actors["name"])  # an organisation with consent: named, as typed
    G = project.graph("Oost", "2026")
    positions = stable_layout([project.graph("Oost", w) for w in project.waves], seed=0)
    html = network_map_html(G, positions, taxonomy=project.taxonomy, max_labels=None)
    assert not ACTIVE.search(html)
    difference = wave_difference(project, "Oost", "2025", "2026")
    html = difference_map_html(difference, positions, taxonomy=project.taxonomy)
    assert not ACTIVE.search(html)


def test_report_and_feedback_escape_names(hostile, tmp_path):
    out = tmp_path / "rapport.html"
    result = run(
        "report", hostile, "--wijk", "Oost", "--out", out, "--unlock", "--permutations", "20"
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "&lt;/script&gt;" in html and not ACTIVE.search(html)
    for path in write_feedback(load_project(hostile), "Oost", "2026", tmp_path / "fb"):
        assert not ACTIVE.search(path.read_text(encoding="utf-8"))


def test_exports_keep_names_as_text(hostile, tmp_path):
    import networkx as nx

    assert (
        run("export", hostile, "--format", "graphml", "--out", tmp_path / "g", "--unlock").exit_code
        == 0
    )
    path = next((tmp_path / "g").glob("*2026.graphml"))
    assert not ACTIVE.search(path.read_text(encoding="utf-8"))  # XML-escaped
    names = {d.get("name") for _, d in nx.read_graphml(path).nodes(data=True)}
    assert PAYLOAD in names  # and read back exactly


def test_domain_labels_are_escaped_in_the_legend(hostile):
    taxonomy = Taxonomy.from_dict({"domains": {"zorg": {"nl": PAYLOAD, "en": PAYLOAD}}})
    G = load_project(hostile).graph("Oost", "2026")
    assert not ACTIVE.search(network_map_html(G, stable_layout([G], seed=0), taxonomy=taxonomy))
