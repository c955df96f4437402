"""Stakeholder graphs: one graph per wijk and wave.

Every actor of a wijk is a node in every wave it takes part in (all waves
unless ``first_wave``/``last_wave`` say otherwise), as an isolate when it has
no ties, carrying all actor attributes. Ties are directed from reporter
or initiator to target. Several ties between the same ordered pair in one
wave (different ``tie_type``) become one arc whose ``weight`` is the largest
of their weights and whose ``tie_type`` lists the types, ``;``-separated.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

import networkx as nx
import pandas as pd

from wijknet.core.ties import NON_TIE_TYPES

if TYPE_CHECKING:
    from wijknet.project import Project

Symmetrise = Literal["union", "reciprocated"] | None


def plain(value):
    """Convert NumPy/pandas scalars to plain Python so graphs serialise cleanly.

    Examples
    --------
    >>> import numpy as np
    >>> plain(np.int64(3)), plain(np.float64(1.5)), plain(pd.NA), plain("z1")
    (3, 1.5, None, 'z1')
    >>> type(plain(np.int64(3)))
    <class 'int'>
    """
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def build_graph(
    project: Project,
    wijk: str,
    wave: str,
    *,
    tie_types: Iterable[str] | None = None,
    min_weight: float | None = None,
    symmetrise: Symmetrise = None,
) -> nx.DiGraph | nx.Graph:
    """Build the stakeholder graph of one wijk in one wave.

    Parameters
    ----------
    project : Project
    wijk, wave : str
    tie_types : iterable of str, optional
        Keep only ties of these types (``None`` keeps all but the signals in
        :data:`NON_TIE_TYPES`, which are kept only when named here).
    min_weight : float, optional
        Keep only ties with ``weight >= min_weight``.
    symmetrise : {None, "union", "reciprocated"}
        ``None`` returns the directed graph. ``"union"`` returns an undirected
        graph with an edge where at least one arc exists (weight: the larger
        of the two), which amounts to trusting either side's report;
        ``"reciprocated"`` keeps only mutual arcs (weight: the smaller), which
        turns actors who did not report into isolates.

    Returns
    -------
    networkx.DiGraph or networkx.Graph
        Nodes are ``actor_id`` strings with all actor attributes; edges carry
        ``weight``, ``tie_type`` and ``evidence``. ``G.graph`` holds ``wijk``,
        ``wave`` and ``symmetrise`` (``"none"``, ``"union"`` or ``"reciprocated"``).

    Examples
    --------
    >>> import pandas as pd
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["z1", "w1", "i1"], "wijk": "Noord",
    ...                        "domain": ["zorg", "welzijn", "inwoners"],
    ...                        "kind": ["organisation", "organisation", "person"]})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": "2025", "source": ["z1", "w1", "z1"],
    ...                      "target": ["w1", "z1", "i1"], "weight": ["2", "3", ""]})
    >>> project = Project.from_frames(actors, ties)
    >>> G = build_graph(project, "Noord", "2025")
    >>> list(G.nodes), sorted(G.edges(data="weight")), G.graph["symmetrise"]
    (['z1', 'w1', 'i1'], [('w1', 'z1', 3.0), ('z1', 'i1', 1.0), ('z1', 'w1', 2.0)], 'none')
    >>> H = build_graph(project, "Noord", "2025", symmetrise="reciprocated")
    >>> list(H.edges(data="weight")), H.degree("i1")
    ([('z1', 'w1', 2.0)], 0)
    """
    actors = project.present(wijk, wave)
    ties = project.ties[(project.ties["wijk"] == wijk) & (project.ties["wave"] == wave)]
    if tie_types is not None:
        ties = ties[ties["tie_type"].isin(list(tie_types))]
    else:
        ties = ties[~ties["tie_type"].isin(NON_TIE_TYPES)]
    if min_weight is not None:
        ties = ties[ties["weight"] >= min_weight]

    G = nx.DiGraph(wijk=wijk, wave=wave, symmetrise=symmetrise or "none")
    for record in actors.to_dict("records"):
        node = str(record.pop("actor_id"))
        G.add_node(node, **{k: plain(v) for k, v in record.items()})
    arcs = ties.groupby(["source", "target"], sort=True).agg(
        weight=("weight", "max"),
        tie_type=("tie_type", _join_unique(";")),
        evidence=("evidence", _join_unique("; ")),
    )
    G.add_edges_from(
        (str(s), str(t), {"weight": float(w), "tie_type": tt, "evidence": ev})
        for (s, t), w, tt, ev in zip(arcs.index, arcs["weight"], arcs["tie_type"], arcs["evidence"])
    )
    if symmetrise is None:
        return G
    return symmetrise_graph(G, symmetrise)


def _join_unique(separator: str):
    """Aggregator joining the distinct non-empty values of a group, sorted."""
    return lambda values: separator.join(sorted({v for v in values if v}))


def symmetrise_graph(G: nx.DiGraph, rule: Literal["union", "reciprocated"]) -> nx.Graph:
    """Undirected version of ``G`` by the ``"union"`` (max) or ``"reciprocated"`` (min) rule.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_edge("a", "b", weight=2.0, tie_type="samenwerking")
    >>> G.add_edge("b", "a", weight=3.0, tie_type="advies")
    >>> G.add_edge("a", "c", weight=1.0, tie_type="samenwerking")
    >>> sorted(symmetrise_graph(G, "union").edges(data="weight"))
    [('a', 'b', 3.0), ('a', 'c', 1.0)]
    >>> list(symmetrise_graph(G, "reciprocated").edges(data=True))
    [('a', 'b', {'weight': 2.0, 'tie_type': 'advies;samenwerking'})]
    """
    if rule not in ("union", "reciprocated"):
        raise ValueError(f"symmetrise must be 'union' or 'reciprocated', not {rule!r}")
    H = nx.Graph(**{**G.graph, "symmetrise": rule})
    H.add_nodes_from(G.nodes(data=True))
    for u, v, data in G.edges(data=True):
        back = G.get_edge_data(v, u)
        if back is None and rule == "reciprocated":
            continue
        if H.has_edge(u, v):
            continue
        attrs = dict(data)
        if back is not None:
            pick = max if rule == "union" else min
            attrs["weight"] = pick(data["weight"], back["weight"])
            attrs["tie_type"] = ";".join(
                sorted({*data["tie_type"].split(";"), *back["tie_type"].split(";")} - {""})
            )
        H.add_edge(u, v, **attrs)
    return H


def build_graphs(project: Project, **options) -> dict[tuple[str, str], nx.DiGraph | nx.Graph]:
    """All graphs of a project keyed by ``(wijk, wave)``, in wijk and wave order.

    ``options`` are those of :func:`build_graph`.

    Examples
    --------
    >>> import pandas as pd
    >>> from wijknet.project import Project
    >>> actors = pd.DataFrame({"actor_id": ["z1", "w1", "i1"], "wijk": "Noord",
    ...                        "domain": ["zorg", "welzijn", "inwoners"],
    ...                        "kind": ["organisation", "organisation", "person"]})
    >>> ties = pd.DataFrame({"wijk": "Noord", "wave": "2025", "source": ["z1", "w1", "z1"],
    ...                      "target": ["w1", "z1", "i1"], "weight": ["2", "3", ""]})
    >>> project = Project.from_frames(actors, ties)
    >>> graphs = build_graphs(project, symmetrise="union")
    >>> list(graphs), graphs["Noord", "2025"].number_of_edges()
    ([('Noord', '2025')], 2)
    """
    return {
        (w, v): build_graph(project, w, v, **options) for w in project.wijken for v in project.waves
    }
