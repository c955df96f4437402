"""Actor-level centrality: degree and strength, betweenness, articulation points.

Every function takes a stakeholder graph (``nx.DiGraph``, or ``nx.Graph`` for
a symmetrised network) and returns one row per actor, in node order, with an
``actor_id`` column. Self-ties are never counted.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.core.blas import single_threaded_blas


def degree(G: nx.DiGraph | nx.Graph, *, weight: str | None = "weight") -> pd.DataFrame:
    r"""In- and out-degree and in- and out-strength of every actor.

    .. math::

        d^{in}_i = \sum_{j \ne i} a_{ji}, \quad d^{out}_i = \sum_{j \ne i} a_{ij}, \quad
        s^{in}_i = \sum_{j \ne i} w_{ji}, \quad s^{out}_i = \sum_{j \ne i} w_{ij}

    with :math:`a_{ij} = 1` when there is a tie from *i* to *j* and
    :math:`w_{ij}` its weight, and the number of distinct partners

    .. math::

        p_i = |\{ j \ne i : a_{ij} = 1 \lor a_{ji} = 1 \}|

    the actors *i* is tied to in either direction. This is the one meaning of
    "partners" in wijknet (pages, reports, feedback): a mutual tie counts
    once, where :math:`d^{in}_i + d^{out}_i` counts it twice.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Directed: in counts ties received, out ties sent. Undirected: every
        edge is both, so ``in_degree == out_degree`` (the degree).
    weight : str or None, default "weight"
        Edge attribute summed for the strengths; a strength (larger is
        stronger), an edge without it counts 1. ``None`` makes the strengths
        equal to the degrees.

    Returns
    -------
    pandas.DataFrame
        Columns ``actor_id``, ``in_degree``, ``out_degree``, ``partners``
        (int), ``in_strength``, ``out_strength`` (float). Isolates have zeros.

    Notes
    -----
    Equals ``sna::degree(cmode="indegree"/"outdegree")`` with
    ``ignore.eval=TRUE`` (degrees) and ``ignore.eval=FALSE`` on the weight
    matrix (strengths); ``partners`` equals ``sna::degree`` with
    ``gmode="graph"`` on the symmetrised (union) graph. Reference: Freeman, L. C. (1979). Centrality in social
    networks: conceptual clarification. *Social Networks* 1, 215-239;
    Barrat, A. et al. (2004). The architecture of complex weighted networks.
    *PNAS* 101, 3747-3752 (strength).

    Examples
    --------
    A mutual pair a <-> b and a directed cycle b -> c -> d -> b; a and b
    work in zorg, c in welzijn, d in wonen:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "welzijn", "d": "wonen"}, "domain")
    >>> print(degree(G).to_string(index=False))
    actor_id  in_degree  out_degree  partners  in_strength  out_strength
           a          1           1         1          1.0           1.0
           b          2           2         3          2.0           2.0
           c          1           1         2          1.0           1.0
           d          1           1         2          1.0           1.0

    b's degree is 4 (arcs), its partners 3 (a, c, d).
    """
    nodes = list(G)
    binary = _adjacency(G, nodes, None)
    weighted = _adjacency(G, nodes, weight)
    return pd.DataFrame(
        {
            "actor_id": nodes,
            "in_degree": binary.sum(axis=0).astype(int),
            "out_degree": binary.sum(axis=1).astype(int),
            "partners": ((binary + binary.T) > 0).sum(axis=1).astype(int),
            "in_strength": weighted.sum(axis=0),
            "out_strength": weighted.sum(axis=1),
        }
    )


def betweenness(G: nx.DiGraph | nx.Graph) -> pd.DataFrame:
    r"""Shortest-path betweenness of every actor, raw and normalised.

    .. math::

        b_v = \sum_{s \ne v \ne t} \frac{\sigma_{st}(v)}{\sigma_{st}}

    where :math:`\sigma_{st}` is the number of shortest paths from *s* to *t*
    and :math:`\sigma_{st}(v)` the number of those passing through *v*;
    pairs without a path contribute nothing.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Directed: the sum runs over ordered pairs (s, t) along directed
        paths; ``betweenness`` equals ``sna::betweenness(gmode="digraph")``.
        Undirected: over unordered pairs, equal to
        ``sna::betweenness(gmode="graph")``.

    Returns
    -------
    pandas.DataFrame
        Columns ``actor_id``, ``betweenness`` (raw) and
        ``betweenness_normalised``: the raw value divided by the number of
        pairs not involving *v*, :math:`(n-1)(n-2)` for directed and
        :math:`(n-1)(n-2)/2` for undirected graphs, so it lies in [0, 1].
        With fewer than three actors the normalised value is NaN (no pairs).
        Isolates score 0.

    Notes
    -----
    Binary: tie weights are ignored (as in ``sna``, ``ignore.eval=TRUE``),
    because weights here are strengths, not distances. Computed with Brandes'
    algorithm, run for all sources at once as matrix products
    (:func:`_brandes`; equal to ``networkx.betweenness_centrality`` up to the
    order of floating-point sums, checked in the tests). References: Freeman, L. C. (1977). A set of
    measures of centrality based on betweenness. *Sociometry* 40, 35-41;
    Brandes, U. (2001). A faster algorithm for betweenness centrality.
    *Journal of Mathematical Sociology* 25, 163-177.

    Examples
    --------
    A mutual pair a <-> b and a directed cycle b -> c -> d -> b; a and b
    work in zorg, c in welzijn, d in wonen:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "welzijn", "d": "wonen"}, "domain")
    >>> print(betweenness(G).round(3).to_string(index=False))
    actor_id  betweenness  betweenness_normalised
           a          0.0                   0.000
           b          5.0                   0.833
           c          2.0                   0.333
           d          2.0                   0.333
    """
    nodes = list(G)
    n = len(nodes)
    # Small matrices: a multi-threaded BLAS spends more time synchronising than computing.
    with single_threaded_blas():
        values = _brandes((_adjacency(G, nodes, None) > 0).astype(float))
    if not G.is_directed():
        values = values / 2  # each unordered pair was counted from both ends
    pairs = (n - 1) * (n - 2) if G.is_directed() else (n - 1) * (n - 2) / 2
    with np.errstate(invalid="ignore", divide="ignore"):
        normalised = values / pairs if pairs > 0 else np.full(n, np.nan)
    return pd.DataFrame(
        {"actor_id": nodes, "betweenness": values, "betweenness_normalised": normalised}
    )


def articulation_points(G: nx.DiGraph | nx.Graph) -> pd.DataFrame:
    """Flag the actors whose removal disconnects their component (cut vertices).

    An actor *v* is an articulation point when removing it (and its ties)
    increases the number of connected components.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Directed graphs are taken as undirected (weak connectivity): a tie in
        either direction connects two actors. Weights are ignored.

    Returns
    -------
    pandas.DataFrame
        Columns ``actor_id`` and ``articulation_point`` (bool). Isolates and
        actors in a component of two are never articulation points.

    Notes
    -----
    Equals ``igraph::articulation_points`` on the undirected graph. Reference:
    Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for
    graph manipulation. *Communications of the ACM* 16, 372-378.

    Examples
    --------
    A mutual pair a <-> b and a directed cycle b -> c -> d -> b; a and b
    work in zorg, c in welzijn, d in wonen:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "welzijn", "d": "wonen"}, "domain")
    >>> articulation_points(G).query("articulation_point")["actor_id"].tolist()
    ['b']
    """
    nodes = list(G)
    undirected = G.to_undirected(as_view=True) if G.is_directed() else G
    cut = set(nx.articulation_points(undirected))
    return pd.DataFrame({"actor_id": nodes, "articulation_point": [v in cut for v in nodes]})


#: Sources handled at once by :func:`_brandes` (bounds its memory to a few ``(block, n)`` arrays).
BRANDES_BLOCK = 512


def _brandes(A: np.ndarray) -> np.ndarray:
    """Raw betweenness of every node of the 0/1 adjacency matrix ``A`` (``A[i, j] = 1``: arc i -> j).

    Brandes' (2001) algorithm for unweighted graphs, for a block of sources at
    once: the breadth-first search advances one distance level per matrix
    product (``sigma`` counts the shortest paths from each source), and the
    dependencies ``delta_s(v) = sum_w sigma_sv / sigma_sw (1 + delta_s(w))``
    over the successors ``w`` of ``v`` one level further are gathered back
    level by level, again as one product. The sum over ordered pairs is
    returned: for a symmetric ``A`` (undirected graph) every unordered pair is
    counted twice.
    """
    n = A.shape[0]
    total = np.zeros(n)
    for start in range(0, n, BRANDES_BLOCK):
        sources = np.arange(start, min(start + BRANDES_BLOCK, n))
        sigma = np.zeros((sources.size, n))
        sigma[np.arange(sources.size), sources] = 1.0
        level = np.full((sources.size, n), -1)
        level[np.arange(sources.size), sources] = 0
        frontier = sigma.copy()
        depth = 0
        while frontier.any():
            depth += 1
            reached = frontier @ A  # paths one step further, by their count
            reached[level >= 0] = 0.0  # only nodes first reached at this level
            level[reached > 0] = depth
            sigma += reached
            frontier = reached
        delta = np.zeros_like(sigma)
        with np.errstate(divide="ignore", invalid="ignore"):
            for d in range(depth - 1, 0, -1):
                onward = np.where(level == d + 1, (1.0 + delta) / sigma, 0.0)
                delta += np.where(level == d, sigma * (onward @ A.T), 0.0)
        delta[np.arange(sources.size), sources] = 0.0  # a source is no intermediary of its paths
        total += delta.sum(axis=0)
    return total


def _adjacency(G: nx.DiGraph | nx.Graph, nodes: list, weight: str | None) -> np.ndarray:
    """Adjacency matrix in ``nodes`` order with the diagonal (self-ties) zeroed."""
    A = nx.to_numpy_array(G, nodelist=nodes, weight=weight, dtype=float)
    np.fill_diagonal(A, 0.0)
    return A
