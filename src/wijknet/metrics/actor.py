"""All actor-level measures of one graph in one table."""

from __future__ import annotations

from functools import reduce

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.metrics.brokerage import brokerage
from wijknet.metrics.centrality import articulation_points, betweenness, degree
from wijknet.metrics.ei import ei_index_by_actor
from wijknet.metrics.structural_holes import constraint, effective_size


def actor_metrics(
    G: nx.DiGraph | nx.Graph, attr: str = "domain", *, weight: str | None = None
) -> pd.DataFrame:
    """Degree, betweenness, brokerage roles, structural holes and E-I of every actor.

    A convenience that joins, on ``actor_id``, the results of
    :func:`~wijknet.metrics.centrality.degree`,
    :func:`~wijknet.metrics.centrality.betweenness`,
    :func:`~wijknet.metrics.brokerage.brokerage`,
    :func:`~wijknet.metrics.structural_holes.constraint`,
    :func:`~wijknet.metrics.structural_holes.effective_size`,
    :func:`~wijknet.metrics.ei.ei_index_by_actor` (all ties) and
    :func:`~wijknet.metrics.centrality.articulation_points`; see those
    functions for formulas, conventions and references.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    attr : str, default "domain"
        Node attribute that defines the groups for brokerage and E-I.
    weight : str, optional
        Edge attribute used as tie strength by constraint and effective size;
        ``None`` (default) treats every tie as 1, which is how ``igraph`` and
        UCINET are most often run. Degree always reports both the count
        (``in_degree``, ``out_degree``) and the weighted sum (``*_strength``).

    Returns
    -------
    pandas.DataFrame
        One row per actor in node order: ``actor_id``, ``attr`` (the group),
        ``in_degree``, ``out_degree``, ``in_strength``, ``out_strength``,
        ``betweenness``, ``betweenness_normalised``, the five brokerage roles
        and ``brokerage_total``, ``constraint``, ``effective_size``,
        ``efficiency``, ``ei_individual`` and ``articulation_point``.

    Examples
    --------
    A mutual pair a <-> b and a directed cycle b -> c -> d -> b; a and b
    work in zorg, c in welzijn, d in wonen:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "welzijn", "d": "wonen"}, "domain")
    >>> table = actor_metrics(G)
    >>> table[["actor_id", "domain", "in_degree", "out_degree", "partners", "brokerage_total"]].to_dict("list")
    {'actor_id': ['a', 'b', 'c', 'd'], 'domain': ['zorg', 'zorg', 'welzijn', 'wonen'], 'in_degree': [1, 2, 1, 1], 'out_degree': [1, 2, 1, 1], 'partners': [1, 3, 2, 2], 'brokerage_total': [0, 3, 1, 1]}
    """
    nodes = list(G)
    base = pd.DataFrame(
        {"actor_id": pd.Series(nodes, dtype=object), attr: [G.nodes[v].get(attr) for v in nodes]}
    )
    parts = [
        degree(G),
        betweenness(G),
        brokerage(G, attr),
        constraint(G, weight=weight),
        effective_size(G, weight=weight),
        ei_index_by_actor(G, attr),
        articulation_points(G),
    ]
    order = np.array(nodes, dtype=object)
    if nodes and all(
        len(part) == len(nodes) and (part["actor_id"].to_numpy(dtype=object) == order).all()
        for part in parts
    ):
        # every part in node order (the rule of these functions): side by side, no join needed
        columns = [part.drop(columns="actor_id").reset_index(drop=True) for part in parts]
        return pd.concat([base, *columns], axis=1)
    parts = [part.astype({"actor_id": object}) for part in parts]  # an empty graph gives float ids
    return reduce(
        lambda left, right: left.merge(right, on="actor_id", how="left", validate="one_to_one"),
        parts,
        base,
    )
