"""Every file opens in the real tools: Pajek in R igraph and network::read.paj, GraphML in R igraph, GEXF against the XSD.

These tests skip when R or xmllint is missing, except with ``CI`` set (``.ci/run`` installs them).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests.export.conftest import need, r_has
from wijknet.export import export_project

FIXTURES = Path(__file__).parents[1] / "fixtures"

PAJEK_R = r"""
suppressMessages({library(igraph); library(network)})
for (f in commandArgs(trailingOnly = TRUE)) {
  g <- read_graph(f, format = "pajek")
  n <- read.paj(f, verbose = FALSE)
  el <- as.matrix(n, matrix.type = "edgelist")
  names <- network.vertex.names(n)
  w <- get.edge.attribute(n, setdiff(list.edge.attributes(n), "na")[1])
  arcs_n <- if (nrow(el)) paste(names[el[, 1]], names[el[, 2]], w, sep = ">", collapse = ",") else ""
  e <- as_edgelist(g, names = FALSE)
  arcs_g <- if (nrow(e)) paste(V(g)$id[e[, 1]], V(g)$id[e[, 2]], E(g)$weight, sep = ">", collapse = ",") else ""
  cat(basename(f), paste(V(g)$id, collapse = ","), paste(names, collapse = ","), arcs_g, arcs_n, sep = "\t")
  cat("\n")
}
"""


def _arcs(text: str) -> set[tuple[str, str, float]]:
    return {(a, b, float(w)) for a, b, w in (x.split(">") for x in text.split(",") if x)}


def test_every_pajek_file_opens_in_igraph_and_network_with_the_right_names(project, tmp_path):
    need(r_has("igraph") and r_has("network"), "Rscript with igraph and network")
    files = [p for p in export_project(project, "pajek", tmp_path) if p.suffix == ".net"]
    assert len(files) == 6
    result = subprocess.run(
        ["Rscript", "-e", PAJEK_R, *map(str, files)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines() if line]
    assert len(rows) == len(files)
    for name, igraph_ids, network_ids, igraph_arcs, network_arcs in rows:
        stem = name.removesuffix(".net")
        wijk = {"noord": "Noord", "zuid-west": "../Zuid West"}[stem.rsplit("_", 1)[0]]
        G = project.graph(wijk, stem.rsplit("_", 1)[1])
        assert igraph_ids.split(",") == list(G) and network_ids.split(",") == list(G), name
        expected = {(u, v, w) for u, v, w in G.edges(data="weight")}
        assert _arcs(igraph_arcs) == expected and _arcs(network_arcs) == expected, name


def test_every_graphml_file_opens_in_r_igraph(project, tmp_path):
    need(r_has("igraph"), "Rscript with igraph")
    files = export_project(project, "graphml", tmp_path)
    script = (
        "suppressMessages(library(igraph)); for (f in commandArgs(trailingOnly = TRUE)) { "
        'g <- read_graph(f, format = "graphml"); cat(basename(f), paste(V(g)$id, collapse = ","), ecount(g), '
        'sep = "\\t"); cat("\\n") }'
    )
    result = subprocess.run(
        ["Rscript", "-e", script, *map(str, files)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    rows = {r.split("\t")[0]: r.split("\t")[1:] for r in result.stdout.splitlines() if r}
    assert set(rows) == {p.name for p in files}
    G = project.graph("Noord", "2026")
    assert rows["noord_2026.graphml"] == [",".join(G), str(G.number_of_edges())]


def gexf_schema(tmp_path: Path) -> Path:
    """The GEXF 1.2 XSD of gephi/gexf in the ``1.2draft`` namespace that networkx writes (see tests/fixtures/README.md)."""
    folder = tmp_path / "xsd"
    folder.mkdir()
    for xsd in (FIXTURES / "gexf" / "1.2").glob("*.xsd"):
        text = xsd.read_text(encoding="utf-8")
        (folder / xsd.name).write_text(
            re.sub(r"http://www\.gexf\.net/1\.2\b", "http://www.gexf.net/1.2draft", text),
            encoding="utf-8",
        )
    return folder / "gexf.xsd"


def xmllint(schema: Path, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(["xmllint", "--noout", "--nonet", "--schema", str(schema), *map(str, files)],
                          capture_output=True, text=True)  # fmt: skip


def test_every_gexf_file_validates_against_the_official_xsd(project, tmp_path):
    need(shutil.which("xmllint") is not None, "xmllint")
    files = export_project(project, "gexf", tmp_path / "out")
    result = xmllint(gexf_schema(tmp_path), files)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(" validates\n") == len(files) == 2


def test_the_xsd_check_can_fail(tmp_path):
    """networkx's own output (with the graph name the schema forbids) does not validate: the check is real."""
    need(shutil.which("xmllint") is not None, "xmllint")
    import networkx as nx

    G = nx.DiGraph(name="Noord")
    G.add_edge("a", "b")
    nx.write_gexf(G, tmp_path / "plain.gexf")
    result = xmllint(gexf_schema(tmp_path), [tmp_path / "plain.gexf"])
    assert result.returncode != 0 and "'name' is not allowed" in result.stderr


def test_all_24_pajek_files_of_the_demo_open_with_the_right_vertex_names(tmp_path):
    """Issue 12 item 1: 14 of the demo's 18 files stopped network::read.paj, the other 4 had wrong names.

    Since issue 15 the demo has 8 wijken (6 pilots, 2 comparison wijken) x 3 waves: 24 files.
    """
    need(r_has("igraph") and r_has("network"), "Rscript with igraph and network")
    from wijknet import load_project
    from wijknet.datasets.demo import write_demo

    write_demo(tmp_path / "demo")
    project = load_project(tmp_path / "demo")
    files = [p for p in export_project(project, "pajek", tmp_path / "out") if p.suffix == ".net"]
    assert len(files) == 24
    result = subprocess.run(
        ["Rscript", "-e", PAJEK_R, *map(str, files)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines() if line]
    assert len(rows) == 24
    for name, igraph_ids, network_ids, igraph_arcs, network_arcs in rows:
        with open(
            tmp_path / "out" / name.replace(".net", "_vertices.csv"), encoding="utf-8-sig"
        ) as fh:
            ids = [line.split(",")[1] for line in fh.read().splitlines()[1:]]
        assert igraph_ids.split(",") == ids == network_ids.split(","), name
        assert _arcs(igraph_arcs) == _arcs(network_arcs), name


def test_the_demos_gexf_files_validate_against_the_official_xsd(tmp_path):
    need(shutil.which("xmllint") is not None, "xmllint")
    from wijknet import load_project
    from wijknet.datasets.demo import write_demo

    write_demo(tmp_path / "demo")
    files = export_project(load_project(tmp_path / "demo"), "gexf", tmp_path / "out")
    result = xmllint(gexf_schema(tmp_path), files)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (
        result.stderr.count(" validates\n") == len(files) == 8
    )  # one per wijk: 6 pilots, 2 comparison wijken
