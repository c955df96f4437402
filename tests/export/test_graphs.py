"""GraphML, GEXF and Pajek round-trip through networkx (and GraphML through R igraph)."""

from __future__ import annotations

import csv
import json
import re
import subprocess

import networkx as nx
import pytest

from tests.export.conftest import WAVES, need, r_has
from wijknet.export import export_project
from wijknet.export.graphs import SPELL, gexf_graph, pajek_lines, wave_times
from wijknet.export.sanitise import sanitise_graph


def _expected(project, wijk, wave):
    return sanitise_graph(project.graph(wijk, wave))


def test_graphml_one_file_per_wijk_and_wave_with_safe_names(project, tmp_path):
    out = tmp_path / "out"
    written = export_project(project, "graphml", out)
    assert sorted(p.name for p in written) == sorted(
        f"{w}_{v}.graphml" for w in ("noord", "zuid-west") for v in WAVES
    )
    assert all(p.parent == out for p in written), "wijk '../Zuid West' must not escape the folder"
    assert not list(tmp_path.glob("*.graphml")) and not list(out.glob(".wijknet-export-*"))


@pytest.mark.parametrize("wave", WAVES)
def test_graphml_round_trips_nodes_edges_weights_and_attributes(project, tmp_path, wave):
    export_project(project, "graphml", tmp_path, wijk="Noord", wave=wave)
    G = nx.read_graphml(tmp_path / f"noord_{wave}.graphml")
    expected = _expected(project, "Noord", wave)
    assert G.is_directed()
    assert dict(G.nodes(data=True)) == dict(expected.nodes(data=True))
    edges = {(u, v): d for u, v, d in G.edges(data=True)}
    observed = {e: json.loads(d.pop("observations")) for e, d in edges.items()}
    assert edges == {(u, v): d for u, v, d in expected.edges(data=True)}
    for (u, v), items in observed.items():
        assert max(o["weight"] for o in items) == edges[u, v]["weight"]
        assert ";".join(sorted({o["tie_type"] for o in items})) == edges[u, v]["tie_type"]
    if wave == "2026":
        assert observed["z1", "w1"] == [
            {
                "tie_type": "overleg",
                "weight": 1.0,
                "evidence": "gesprek",
                "evidence_kind": "interview",
            },
            {
                "tie_type": "verwijzing",
                "weight": 5.0,
                "evidence": "enquête",
                "evidence_kind": "survey",
            },
        ]
        assert (
            observed["i1", "z2"][0]["evidence"] == "@bron"
            and observed["i1", "z2"][0]["evidence_kind"] == "tidy_file"
        )
    assert G.nodes["z1"]["pluswijkteam"] is True and G.nodes["z1"]["buurt"] == "0123"
    assert G.graph["wijk"] == "Noord" and G.graph["wave"] == wave


def test_graphml_only_has_the_actors_present_in_the_wave(project, tmp_path):
    export_project(project, "graphml", tmp_path, wijk="Noord")
    assert "i1" not in nx.read_graphml(tmp_path / "noord_2025.graphml")
    assert "w1" not in nx.read_graphml(tmp_path / "noord_2027.graphml")
    assert set(nx.read_graphml(tmp_path / "noord_2026.graphml")) == {"z1", "z2", "w1", "i1"}


def test_graphml_opens_in_r_igraph(project, tmp_path):
    need(r_has("igraph"), "Rscript with igraph")
    export_project(project, "graphml", tmp_path, wijk="Noord", wave="2026")
    script = (
        "suppressMessages(library(igraph)); g <- read_graph(commandArgs(TRUE)[1], format = 'graphml'); "
        "cat(vcount(g), ecount(g), sum(E(g)$weight), is_directed(g), "
        "paste(sort(V(g)$id), collapse = ';'), V(g)$domain[V(g)$id == 'i1'], sep = '\\n')"
    )
    result = subprocess.run(["Rscript", "-e", script, str(tmp_path / "noord_2026.graphml")],
                            capture_output=True, text=True, check=True)  # fmt: skip
    lines = result.stdout.split("\n")
    G = project.graph("Noord", "2026")
    assert lines[:4] == [str(G.number_of_nodes()), str(G.number_of_edges()),
                         f"{sum(w for *_, w in G.edges(data='weight')):g}", "TRUE"]  # fmt: skip
    assert lines[4] == ";".join(sorted(G)) and lines[5] == "inwoners"


def test_wave_times_use_years_or_positions():
    assert wave_times(["2025", "2026", "2027"]) == {"2025": 2025.0, "2026": 2026.0, "2027": 2027.0}
    assert wave_times(["nulmeting", "meting 2"]) == {"nulmeting": 1.0, "meting 2": 2.0}
    assert wave_times(["2027", "2025"]) == {"2027": 1.0, "2025": 2.0}, (
        "labels out of order: positions"
    )


def test_gexf_is_dynamic_with_one_spell_per_wave(project, tmp_path):
    written = export_project(project, "gexf", tmp_path)
    assert sorted(p.name for p in written) == ["noord.gexf", "zuid-west.gexf"]
    xml = (tmp_path / "noord.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in xml and 'timeformat="double"' in xml
    D = nx.read_gexf(tmp_path / "noord.gexf")
    assert D.graph["mode"] == "dynamic" and D.is_directed()
    span = {w: (t, t + SPELL) for w, t in wave_times(WAVES).items()}
    for node in D:
        waves = [w for w in WAVES if node in project.graph("Noord", w)]
        assert D.nodes[node]["spells"] == [span[w] for w in waves], node
    assert D.nodes["i1"]["spells"] == [span["2026"], span["2027"]]
    assert D.nodes["w1"]["spells"] == [span["2025"], span["2026"]]


def test_gexf_round_trips_weights_per_wave_and_attributes(project, tmp_path):
    export_project(project, "gexf", tmp_path, wijk="Noord")
    D = nx.read_gexf(tmp_path / "noord.gexf")
    times = wave_times(WAVES)
    expected = {}
    for wave in WAVES:
        for u, v, d in project.graph("Noord", wave).edges(data=True):
            expected.setdefault((u, v), []).append((d["weight"], times[wave], times[wave] + SPELL))
    assert {(u, v): d["wave_weight"] for u, v, d in D.edges(data=True)} == expected
    assert {(u, v): d["weight"] for u, v, d in D.edges(data=True)} == {
        k: max(x[0] for x in v) for k, v in expected.items()
    }
    assert [t for t, *_ in D.edges["z1", "w1"]["wave_tie_type"]] == [
        "verwijzing",
        "overleg;verwijzing",
    ]
    kinds = [
        [o["evidence_kind"] for o in json.loads(t)]
        for t, *_ in D.edges["z1", "w1"]["wave_observations"]
    ]
    assert kinds == [["survey"], ["interview", "survey"]]
    assert "name" not in D.graph, "the GEXF schema allows no name on <graph>"
    G = _expected(project, "Noord", "2026")
    for node, data in G.nodes(data=True):
        got = {k: v for k, v in D.nodes[node].items() if k not in ("spells", "label")}
        assert got == data
    assert D.nodes["z1"]["label"] == "Huisarts Fictief"
    assert D.nodes["z1"]["pluswijkteam"] is True


def test_gexf_of_one_wave_keeps_the_time_axis(project):
    D = gexf_graph(project, "Noord", ["2026"], all_waves=WAVES)
    assert D.nodes["z1"]["spells"] == [(2026.0, 2026.0 + SPELL)]


def test_pajek_files_and_companion_tables(project, tmp_path):
    written = export_project(project, "pajek", tmp_path, wijk="Noord", wave="2026")
    assert sorted(p.name for p in written) == ["domains.csv", "noord_2026.net", "noord_2026_arcs.csv", "noord_2026_domain.clu",
                                               "noord_2026_pluswijkteam.clu", "noord_2026_vertices.csv"]  # fmt: skip
    P = nx.read_pajek(tmp_path / "noord_2026.net")
    G = project.graph("Noord", "2026")
    assert list(P) == list(G), "labels are the actor_ids, in order"
    assert {(u, v): d["weight"] for u, v, d in P.edges(data=True)} == {
        (u, v): d["weight"] for u, v, d in G.edges(data=True)
    }
    net = (tmp_path / "noord_2026.net").read_text(encoding="utf-8").splitlines()
    assert all(re.fullmatch(r'\d+ "[^"]*"', line) for line in net[1:5]), (
        "only number and label: Pajek's syntax"
    )
    clu = (tmp_path / "noord_2026_domain.clu").read_text().split()
    codes = {d: i for i, d in enumerate(project.domains, start=1)}
    assert clu[:2] == ["*Vertices", str(len(G))]
    assert [int(c) for c in clu[2:]] == [codes[G.nodes[n]["domain"]] for n in G]
    assert (tmp_path / "noord_2026_pluswijkteam.clu").read_text().split()[2:] == [
        "1",
        "0",
        "1",
        "0",
    ]
    with open(tmp_path / "noord_2026_vertices.csv", encoding="utf-8-sig", newline="") as fh:
        vertices = list(csv.DictReader(fh))
    assert [v["vertex"] for v in vertices] == ["1", "2", "3", "4"] and [
        v["actor_id"] for v in vertices
    ] == list(G)
    assert (
        vertices[2]["name"] == "Buurthuis 't Ven"
        and vertices[3]["name"] == 'Bewoners "Samen" Fictief'
    )
    assert vertices[1]["name"].startswith("'="), "formulas made inert"
    assert vertices[0]["pluswijkteam"] == "true" and vertices[0]["domain_code"] == str(
        codes["zorg"]
    )
    with open(tmp_path / "noord_2026_arcs.csv", encoding="utf-8-sig", newline="") as fh:
        arcs = {(a["source"], a["target"]): a for a in csv.DictReader(fh)}
    assert (
        arcs["z1", "w1"]["tie_type"] == "overleg;verwijzing"
        and arcs["z1", "w1"]["source_vertex"] == "1"
    )
    assert arcs["i1", "z2"]["evidence"] == "'@bron" and arcs["i1", "z2"]["weight"] == "2.5"


def test_pajek_lines_hold_nothing_but_number_label_and_arcs():
    G = nx.DiGraph()
    G.add_node("a", name="", domain="zorg", missing=None)
    G.add_node('b "x"', name="B")
    G.add_edge("a", 'b "x"', weight=2.0, evidence="")
    assert pajek_lines(G) == ["*Vertices 2", '1 "a"', "2 \"b 'x'\"", "*Arcs", "1 2 2"]
