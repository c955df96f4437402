"""GraphML, GEXF and Pajek files that Gephi, igraph, Pajek and networkx open.

* **GraphML**: one file per wijk and wave (``<wijk>_<wave>.graphml``), the
  directed graph of :func:`wijknet.graph.build_graph` with every actor
  attribute on the nodes and ``weight``, ``tie_type`` and ``evidence`` on the
  edges. igraph (``read_graph(format="graphml")``), Gephi, Cytoscape and
  networkx read it.
* **GEXF**: one file per wijk (``<wijk>.gexf``) in Gephi's *dynamic* mode, so
  Gephi's timeline steps through the waves. Every wave is the time interval
  ``[t, t + 0.5]`` on a ``double`` time axis, with ``t`` the wave label when
  all labels are whole numbers (years: ``2025``) and the wave's position
  (1, 2, 3 ...) otherwise; see :func:`wave_times`. A node has one spell per
  wave it takes part in; an edge has one spell per wave in which the tie
  was observed, and its per-wave weight, tie type and evidence as dynamic
  attributes ``wave_weight``, ``wave_tie_type`` and ``wave_evidence``. The
  static ``weight`` is the largest weight over the waves (what Gephi uses
  for layouts); node labels are the actors' names (the ``actor_id`` when a
  name is missing).
* **Pajek**: one ``.net`` file per wijk and wave with vertices numbered 1..n,
  labelled with the ``actor_id``, the text attributes as ``key "value"``
  pairs (the form networkx reads and writes), and weighted ``*Arcs``; plus a
  ``.clu`` partition by domain (codes as in ``domains.csv`` of the export),
  Pajek's own way to colour vertices by a category.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..graph import build_graph
from .base import Selection, domain_codes
from .sanitise import plain_value, sanitise_graph

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
            nx.write_graphml(graph_for_export(project, wijk, wave), path, encoding="utf-8")
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


def gexf_graph(project, wijk: str, waves: list[str], *, all_waves: list[str] | None = None) -> nx.DiGraph:
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
    D = nx.DiGraph(mode="dynamic", name=str(wijk))
    for wave in waves:
        start = times[wave]
        span = (start, start + SPELL)
        G = graph_for_export(project, wijk, wave)
        for node, data in G.nodes(data=True):
            if node not in D:
                attrs = dict(data)
                attrs["label"] = attrs.get("name") or node
                D.add_node(node, **attrs, spells=[])
            D.nodes[node]["spells"].append(span)
        for u, v, data in G.edges(data=True):
            if not D.has_edge(u, v):
                D.add_edge(u, v, weight=data["weight"], spells=[], wave_weight=[], wave_tie_type=[], wave_evidence=[])
            e = D.edges[u, v]
            e["weight"] = max(e["weight"], data["weight"])
            e["spells"].append(span)
            e["wave_weight"].append((float(data["weight"]), *span))
            e["wave_tie_type"].append((str(data.get("tie_type", "")), *span))
            e["wave_evidence"].append((str(data.get("evidence", "")), *span))
    return D


def write_gexf(project, folder: Path, selection: Selection) -> list[Path]:
    """Write one dynamic ``<wijk>.gexf`` per selected wijk into ``folder``."""
    written = []
    for wijk in selection.wijken:
        path = folder / f"{selection.stem(wijk)}.gexf"
        D = gexf_graph(project, wijk, selection.waves, all_waves=selection.all_waves)
        nx.write_gexf(D, path, encoding="utf-8")
        written.append(path)
    return written


def _pajek_text(value) -> str:
    """``value`` as a double-quoted Pajek string that shlex-style readers split correctly."""
    text = str(plain_value(value, strings=True))
    text = text.replace('"', "'").replace("\\", "/").replace("\n", " ").replace("\r", " ")
    return f'"{text}"'


def _pajek_number(value: float) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def pajek_lines(G: nx.DiGraph) -> list[str]:
    """Lines of a Pajek ``.net`` file for ``G`` (vertices numbered 1..n in node order).

    Every text is double-quoted (names with an apostrophe, such as
    ``Buurthuis 't Ven``, would otherwise break readers); double quotes inside
    a text become ``'``. Empty attributes are left out (Pajek cannot hold
    them); booleans are written as ``"true"``/``"false"``.
    """
    number = {node: i for i, node in enumerate(G, start=1)}
    lines = [f"*Vertices {G.number_of_nodes()}"]
    for node, data in G.nodes(data=True):
        parts = [str(number[node]), _pajek_text(node), "0.0", "0.0", "ellipse"]
        for key, value in data.items():
            value = plain_value(value, strings=True)
            if value != "":
                parts += [_pajek_text(key), _pajek_text(value)]
        lines.append(" ".join(parts))
    lines.append("*Arcs" if G.is_directed() else "*Edges")
    for u, v, data in G.edges(data=True):
        parts = [str(number[u]), str(number[v]), _pajek_number(data.get("weight", 1.0))]
        for key, value in data.items():
            value = plain_value(value, strings=True)
            if key != "weight" and value != "":
                parts += [_pajek_text(key), _pajek_text(value)]
        lines.append(" ".join(parts))
    return lines


def clu_lines(G: nx.DiGraph, codes: dict[str, int], attr: str = "domain") -> list[str]:
    """Lines of a Pajek partition (``.clu``): the code of every vertex's ``attr`` in node order (0 = unknown)."""
    return [f"*Vertices {G.number_of_nodes()}", *(str(codes.get(d.get(attr), 0)) for _, d in G.nodes(data=True))]


def write_pajek(project, folder: Path, selection: Selection) -> list[Path]:
    """Write ``<wijk>_<wave>.net`` and the domain partition ``<wijk>_<wave>_domain.clu`` into ``folder``."""
    codes = domain_codes(project)
    written = []
    for wijk in selection.wijken:
        for wave in selection.waves:
            G = graph_for_export(project, wijk, wave)
            stem = selection.stem(wijk, wave)
            net = folder / f"{stem}.net"
            clu = folder / f"{stem}_domain.clu"
            net.write_text("\r\n".join(pajek_lines(G)) + "\r\n", encoding="utf-8", newline="")
            clu.write_text("\r\n".join(clu_lines(G, codes)) + "\r\n", encoding="utf-8", newline="")
            written += [net, clu]
    return written
