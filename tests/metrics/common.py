"""Shared test inputs: small hand-worked graphs (fictional actor ids) and the R reference networks."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import networkx as nx
import pandas as pd

from wijknet import load_project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TOLERANCE = 1e-9


def toy_digraph() -> nx.DiGraph:
    """Six actors in three domains, seven arcs, one isolate.

    a, b: zorg; c, d: welzijn; e, f: wonen (f is an isolate).
    Arcs: a->b, b->a, a->c, a->d, c->d, d->e, e->d.

        internal (same domain): a->b, b->a, c->d               I = 3
        external:               a->c, a->d, d->e, e->d          E = 4

    Mixing counts (rows from, columns to; order zorg, welzijn, wonen):
        zorg    [2, 2, 0]
        welzijn [0, 1, 1]
        wonen   [0, 1, 0]
    """
    G = nx.DiGraph()
    for node, domain in zip("abcdef", ["zorg", "zorg", "welzijn", "welzijn", "wonen", "wonen"]):
        G.add_node(node, domain=domain)
    G.add_edges_from(
        [("a", "b"), ("b", "a"), ("a", "c"), ("a", "d"), ("c", "d"), ("d", "e"), ("e", "d")],
        weight=2.0,
    )
    return G


def toy_graph() -> nx.Graph:
    """Undirected (union) version of :func:`toy_digraph`.

    Edges: a-b, a-c, a-d, c-d, d-e; f isolated.
        internal: a-b, c-d        I = 2
        external: a-c, a-d, d-e   E = 3
    """
    return toy_digraph().to_undirected()


@cache
def _project(name: str):
    return load_project(FIXTURES / name)


def reference_networks() -> list[tuple[dict, nx.Graph]]:
    """Rows of ``fixtures/r/network_reference.csv`` with the matching wijknet graph.

    The emon networks are read from ``fixtures/emon``, the random digraphs
    from ``fixtures/random``; ``symmetrise == "union"`` rows use the union
    symmetrisation.
    """
    reference = pd.read_csv(
        FIXTURES / "r" / "network_reference.csv", dtype={"wave": str, "wijk": str}
    )
    out = []
    for row in reference.to_dict("records"):
        project = _project("random" if row["wijk"].startswith("Random") else "emon")
        symmetrise = None if row["symmetrise"] == "none" else row["symmetrise"]
        out.append((row, project.graph(row["wijk"], row["wave"], symmetrise=symmetrise)))
    return out


def reference_id(case) -> str:
    row = case[0] if isinstance(case, tuple) else case
    return f"{row['wijk']}-{row['symmetrise']}" if isinstance(row, dict) else str(case)
