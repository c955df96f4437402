"""GraphML, GEXF and Pajek files that Gephi, igraph, Pajek and networkx open.

* **GraphML**: one file per wijk and wave (``<wijk>_<wave>.graphml``), the
  directed graph of :func:`wijknet.graph.build.build_graph` with every actor
  attribute on the nodes and ``weight``, ``tie_type``, ``evidence`` and
  ``observations`` (every tie observation, see
  :mod:`wijknet.export.observations`; not for a wijkteam) on the edges. igraph (``read_graph(format="graphml")``), Gephi, Cytoscape and
  networkx read it.
* **GEXF**: one file per wijk (``<wijk>.gexf``) in Gephi's *dynamic* mode, so
  Gephi's timeline steps through the waves. Every wave is the time interval
  ``[t, t + 0.5]`` on a ``double`` time axis, with ``t`` the wave label when
  all labels are whole numbers (years: ``2025``) and the wave's position
  (1, 2, 3 ...) otherwise; see :func:`wave_times`. A node has one spell per
  wave it takes part in; an edge has one spell per wave in which the tie
  was observed, and its per-wave weight, tie type and evidence as dynamic
  attributes ``wave_weight``, ``wave_tie_type``, ``wave_evidence`` and
  ``wave_observations``. The
  static ``weight`` is the largest weight over the waves (what Gephi uses
  for layouts); node labels are the actors' names (the ``actor_id`` when a
  name is missing).
* **Pajek**: one ``.net`` file per wijk and wave in Pajek's own syntax
  (vertices numbered 1..n and labelled with the ``actor_id``, weighted
  ``*Arcs``, nothing else, so Pajek, R igraph and ``network::read.paj`` read
  it), ``.clu`` partitions by domain and PlusWIJkteam membership (Pajek's way
  to colour vertices by a category) and companion CSV tables with every
  vertex and arc attribute; see :func:`write_pajek`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from wijknet.export.base import Selection, domain_codes
from wijknet.export.observations import carries_observations, dumps, tie_observations
from wijknet.export.sanitise import export_id, guard_csv, plain_value, sanitise_graph
from wijknet.graph.build import build_graph

#: Length of each wave's time interval on the GEXF time axis.
SPELL = 0.5


def graph_for_export(project, wijk: str, wave: str) -> nx.DiGraph:
    """The directed graph of one wijk and wave with attributes every writer accepts.

    See :func:`wijknet.export.sanitise.sanitise_graph`; booleans stay booleans.
    """
    return sanitise_graph(build_graph(project, wijk, wave))


def write_graphml(project, folder: Path, selection: Selection) -> list[Path]:
    """Write ``<wijk>_<wave>.graphml`` for every selected wijk and wave into ``folder``."""
    written = []
    for wijk in selection.wijken:
        for wave in selection.waves:
            path = folder / f"{selection.stem(wijk, wave)}.graphml"
            G = graph_for_export(project, wijk, wave)
            if carries_observations(project):
                observed = tie_observations(project, wijk, wave)
                for u, v, data in G.edges(data=True):
                    data["observations"] = dumps(observed.get((u, v), []))
            nx.write_graphml(G, path, encoding="utf-8")
            written.append(path)
    return written


def wave_times(waves: list[str]) -> dict[str, float]:
    """Start of every wave on the GEXF time axis.

    The wave label itself when every label is a whole number (``"2025"`` ->
    2025.0), else the position in the wave order (1.0, 2.0, ...). The labels
    must then be increasing; if they are not, positions are used too.
    """
    if waves and all(str(w).strip().lstrip("-").isdigit() for w in waves):
        numbers = [float(int(w)) for w in waves]
        if all(a < b for a, b in zip(numbers, numbers[1:])):
            return dict(zip(waves, numbers))
    return {w: float(i) for i, w in enumerate(waves, start=1)}


def gexf_graph(
    project, wijk: str, waves: list[str], *, all_waves: list[str] | None = None
) -> nx.DiGraph:
    """The dynamic graph of one wijk over ``waves``, ready for :func:`networkx.write_gexf`.

    Parameters
    ----------
    project : Project
    wijk : str
    waves : list of str
        The waves to include (in order).
    all_waves : list of str, optional
        The project's waves, which fix the time axis (default ``waves``), so a
        one-wave export has the same times as the full one.

    Returns
    -------
    networkx.DiGraph
        ``G.graph["mode"] == "dynamic"``; nodes carry ``label``, their static
        attributes and ``spells``; edges carry ``weight`` (maximum over the
        waves), ``spells`` and the dynamic ``wave_weight``, ``wave_tie_type``
        and ``wave_evidence`` as lists of ``(value, start, end)``.
    """
    times = wave_times(all_waves or waves)
    carries = carries_observations(project)
    D = nx.DiGraph(mode="dynamic")
    for wave in waves:
        start = times[wave]
        span = (start, start + SPELL)
        G = graph_for_export(project, wijk, wave)
        observed = tie_observations(project, wijk, wave)
        for node, data in G.nodes(data=True):
            if node not in D:
                attrs = dict(data)
                attrs["label"] = attrs.get("name") or node
                D.add_node(node, **attrs, spells=[])
            D.nodes[node]["spells"].append(span)
        for u, v, data in G.edges(data=True):
            if not D.has_edge(u, v):
                D.add_edge(u, v, weight=data["weight"], spells=[], wave_weight=[], wave_tie_type=[], wave_evidence=[],
                           **({"wave_observations": []} if carries else {}))  # fmt: skip
            e = D.edges[u, v]
            e["weight"] = max(e["weight"], data["weight"])
            e["spells"].append(span)
            e["wave_weight"].append((float(data["weight"]), *span))
            e["wave_tie_type"].append((str(data.get("tie_type", "")), *span))
            e["wave_evidence"].append((str(data.get("evidence", "")), *span))
            if carries:
                e["wave_observations"].append((dumps(observed.get((u, v), [])), *span))
    return D


def write_valid_gexf(G: nx.Graph, path: Path) -> Path:
    """Write ``G`` as GEXF 1.2 (networkx's ``1.2draft`` namespace) that validates against the GEXF XSD.

    networkx always puts a ``name`` attribute on ``<graph>``, which the
    schema does not allow (strict readers reject the file); it is removed.
    """
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(G)
    for element in writer.xml.iter("graph"):
        element.attrib.pop("name", None)
    writer.write(path)
    return path


def write_gexf(project, folder: Path, selection: Selection) -> list[Path]:
    """Write one dynamic ``<wijk>.gexf`` per selected wijk into ``folder``."""
    written = []
    for wijk in selection.wijken:
        path = folder / f"{selection.stem(wijk)}.gexf"
        D = gexf_graph(project, wijk, selection.waves, all_waves=selection.all_waves)
        written.append(write_valid_gexf(D, path))
    return written


def _pajek_text(value) -> str:
    """``value`` as a double-quoted Pajek string (Pajek has no escapes: ``"`` becomes ``'``, line breaks a space)."""
    text = str(plain_value(value, strings=True))
    text = text.replace('"', "'").replace("\\", "/").replace("\n", " ").replace("\r", " ")
    return f'"{text}"'


def _pajek_number(value: float) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def pajek_lines(G: nx.DiGraph) -> list[str]:
    """Lines of a Pajek ``.net`` file for ``G`` in Pajek's documented syntax.

    ``*Vertices n`` with one line ``number "label"`` per vertex (numbers
    1..n in node order, label = :func:`~wijknet.export.sanitise.export_id` of
    the node), then ``*Arcs`` (``*Edges`` for an undirected graph) with
    ``source target weight``. Nothing else: Pajek allows only coordinates and
    shape parameters after a label, and R igraph and ``network::read.paj``
    reject or mis-read anything more, so attributes go into the ``.clu``
    partitions and the companion CSV tables of :func:`write_pajek`.

    Reference: Batagelj, V. & Mrvar, A., *Pajek manual*, section "Network
    (.net) file"; de Nooy, Mrvar & Batagelj (2018), *Exploratory Social
    Network Analysis with Pajek*, appendix on file formats.
    """
    number = {node: i for i, node in enumerate(G, start=1)}
    lines = [f"*Vertices {G.number_of_nodes()}"]
    lines += [f"{number[node]} {_pajek_text(export_id(node))}" for node in G]
    lines.append("*Arcs" if G.is_directed() else "*Edges")
    lines += [
        f"{number[u]} {number[v]} {_pajek_number(d.get('weight', 1.0))}"
        for u, v, d in G.edges(data=True)
    ]
    return lines


def clu_lines(G: nx.DiGraph, values: list[int]) -> list[str]:
    """Lines of a Pajek partition (``.clu``): ``*Vertices n`` and one integer per vertex in node order."""
    return [f"*Vertices {G.number_of_nodes()}", *(str(int(v)) for v in values)]


#: The companion table of the vertices: vertex number, id, then every actor attribute of the graph.
VERTEX_COLUMNS = ("vertex", "actor_id", "domain_code")
#: The companion table of the arcs: vertex numbers, ids and the tie attributes.
ARC_COLUMNS = (
    "source_vertex",
    "target_vertex",
    "source",
    "target",
    "weight",
    "tie_type",
    "evidence",
)


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    return path


def _write_csv(path: Path, header, rows) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows([guard_csv(plain_value(v, strings=True)) for v in row] for row in rows)
    return path


def write_pajek(project, folder: Path, selection: Selection) -> list[Path]:
    """Write the Pajek files of every selected wijk and wave into ``folder``.

    Per wijk and wave (stem ``<wijk>_<wave>``): ``.net`` (:func:`pajek_lines`),
    the partitions ``_domain.clu`` (domain codes as in ``domains.csv``, 0 =
    unknown) and ``_pluswijkteam.clu`` (1 = member, 0 = not), and the
    companion tables ``_vertices.csv`` (vertex number, ``actor_id``,
    ``domain_code`` and every actor attribute) and ``_arcs.csv`` (vertex
    numbers, ids, ``weight``, ``tie_type``, ``evidence``).
    """
    codes = domain_codes(project)
    written = []
    for wijk in selection.wijken:
        for wave in selection.waves:
            G = graph_for_export(project, wijk, wave)
            stem = selection.stem(wijk, wave)
            nodes = list(G)
            number = {node: i for i, node in enumerate(nodes, start=1)}
            domain = [codes.get(G.nodes[n].get("domain"), 0) for n in nodes]
            team = [1 if G.nodes[n].get("pluswijkteam") is True else 0 for n in nodes]
            written.append(_write_lines(folder / f"{stem}.net", pajek_lines(G)))
            written.append(_write_lines(folder / f"{stem}_domain.clu", clu_lines(G, domain)))
            written.append(_write_lines(folder / f"{stem}_pluswijkteam.clu", clu_lines(G, team)))
            attributes = list(dict.fromkeys(k for n in nodes for k in G.nodes[n]))
            rows = ([number[n], export_id(n), code, *(G.nodes[n].get(k, "") for k in attributes)]
                    for n, code in zip(nodes, domain))  # fmt: skip
            written.append(
                _write_csv(folder / f"{stem}_vertices.csv", [*VERTEX_COLUMNS, *attributes], rows)
            )
            rows = ([number[u], number[v], export_id(u), export_id(v), d.get("weight", ""), d.get("tie_type", ""),
                     d.get("evidence", "")] for u, v, d in G.edges(data=True))  # fmt: skip
            written.append(_write_csv(folder / f"{stem}_arcs.csv", ARC_COLUMNS, rows))
    return written
