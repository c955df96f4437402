"""Whole-network description: one row of standard measures per graph.

Definitions follow R's ``sna`` package (Butts) where one exists, so results
can be checked against it; every measure is binary (``weight`` is ignored)
and excludes the diagonal.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.core.taxonomy import Taxonomy
from wijknet.metrics.ei import ei_index
from wijknet.metrics.mixing import cross_domain_share, mixing_counts, tie_arrays

NAN = float("nan")


def _adjacency(G: nx.Graph) -> np.ndarray:
    """Binary adjacency matrix in ``G``'s node order (symmetric if undirected), zero diagonal."""
    n = G.number_of_nodes()
    source, target = tie_arrays(G)
    A = np.zeros((n, n), dtype=np.int64)
    A[source, target] = 1
    if not G.is_directed():
        A[target, source] = 1
    return A


def _density(n: int, ties: int, directed: bool) -> float:
    if n < 2:
        return NAN
    pairs = n * (n - 1) if directed else n * (n - 1) / 2
    return ties / pairs


def _reciprocity(A: np.ndarray, directed: bool) -> float:
    ties = A.sum()
    if not directed or ties == 0:
        return NAN
    return float((A * A.T).sum() / ties)


def _transitivity(A: np.ndarray) -> float:
    two_paths = A @ A
    np.fill_diagonal(two_paths, 0)
    total = two_paths.sum()
    if total == 0:
        return NAN
    return float((A * two_paths).sum() / total)


def _centralisation(degrees: np.ndarray, maximum: int) -> float:
    if degrees.size == 0 or maximum <= 0:
        return NAN
    return float((degrees.max() - degrees).sum() / maximum)


def _components(G: nx.Graph) -> int:
    if G.number_of_nodes() == 0:
        return 0
    if G.is_directed():
        return nx.number_weakly_connected_components(G)
    return nx.number_connected_components(G)


def _assortativity(counts: np.ndarray) -> float:
    total = counts.sum()
    if total == 0:
        return NAN
    e = counts / total
    expected = float(e.sum(axis=1) @ e.sum(axis=0))
    if 1 - expected < 1e-12:
        return NAN
    return float((np.trace(e) - expected) / (1 - expected))


def network_metrics(
    G: nx.Graph, attr: str = "domain", *, n_permutations: int = 1000, seed=0
) -> pd.DataFrame:
    """Whole-network measures of one graph, as a one-row DataFrame.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Nodes carry the grouping attribute ``attr``.
    attr : str, default "domain"
        Node attribute for the cross-domain measures.
    n_permutations : int, default 1000
        Permutations for the E-I p-value (see :func:`wijknet.metrics.ei.ei_index`).
    seed : int or numpy.random.Generator, default 0

    Returns
    -------
    pandas.DataFrame
        One row with the columns below. NaN where a measure is undefined
        (e.g. no ties, fewer than two actors).

    Notes
    -----
    With ``N`` actors (nodes, isolates included) and ``L`` ties (arcs if
    directed, edges if undirected), ``A`` the binary adjacency matrix with a
    zero diagonal:

    ``actors``, ``ties``
        ``N`` and ``L``.
    ``density``
        ``L / (N (N - 1))`` directed, ``L / (N (N - 1) / 2)`` undirected, as
        ``sna::gden``. NaN for ``N < 2``.
    ``reciprocity``
        Edgewise: the share of arcs whose reverse arc also exists,
        ``2M / (2M + A)`` in dyad-census terms, as
        ``sna::grecip(measure = "edgewise")`` (not sna's default dyadic
        measure, which counts empty dyads as symmetric). NaN without ties and
        for undirected graphs, where every tie is mutual by construction.
    ``components``
        Number of weak components, each isolate counting as one, as
        ``sna::components(connected = "weak")``.
    ``transitivity``
        Weak transitivity ``sum(A * A²) / sum(A²)`` over ordered triples of
        distinct actors: the share of two-paths ``i -> j -> k`` (``i != k``)
        closed by an arc ``i -> k``, as ``sna::gtrans(measure = "weak")``.
        For undirected graphs this is the global clustering coefficient
        (``3 x triangles / connected triples``, :func:`networkx.transitivity`).
        NaN without two-paths (``sna::gtrans`` returns 1 there).
    ``degree_centralisation_in``, ``degree_centralisation_out``
        Freeman's centralisation ``sum_i (max_j d_j - d_i) / max``, with
        in- or out-degrees and ``max`` the largest value any graph of ``N``
        actors can reach: ``(N - 1)²`` directed, ``(N - 1)(N - 2)``
        undirected (both columns then hold the degree centralisation), as
        ``sna::centralization(g, degree, cmode = "indegree" / "outdegree")``.
        NaN for ``N < 2`` (undirected: ``N < 3``).
    ``cross_domain_share``
        Share of ties whose ends differ in ``attr``
        (:func:`wijknet.metrics.mixing.cross_domain_share`).
    ``ei_index``, ``ei_expected``, ``ei_p_value``
        Krackhardt & Stern's E-I index, its expected value under random
        relabelling and the two-sided permutation p-value
        (:func:`wijknet.metrics.ei.ei_index`).
    ``assortativity``
        Newman's nominal assortativity ``r = (sum_k e_kk - sum_k a_k b_k) /
        (1 - sum_k a_k b_k)`` with ``e`` the normalised mixing matrix
        (arcs counted once, from source group to target group; undirected
        edges counted once from each end) and ``a``, ``b`` its row and column
        sums; equal to :func:`networkx.attribute_assortativity_coefficient`
        and ``igraph::assortativity_nominal(directed = TRUE)``. NaN without
        ties, or when ``sum_k a_k b_k = 1`` (all ties within one group).
    ``isolates``
        Actors without any tie.

    All measures are binary: ``weight`` is ignored and a tie counts once.

    References
    ----------
    Wasserman, S., & Faust, K. (1994). *Social Network Analysis: Methods and
    Applications*. Cambridge University Press.
    Freeman, L. C. (1979). Centrality in social networks: conceptual
    clarification. *Social Networks*, 1(3), 215-239.
    Newman, M. E. J. (2003). Mixing patterns in networks. *Physical Review E*,
    67, 026126.
    Krackhardt, D., & Stern, R. N. (1988). Informal networks and
    organizational crises: an experimental simulation. *Social Psychology
    Quarterly*, 51(2), 123-140.

    Examples
    --------
    A mutual pair a <-> b and a directed cycle b -> c -> d -> b; a and b
    work in zorg, c in welzijn, d in wonen:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "welzijn", "d": "wonen"}, "domain")
    >>> row = network_metrics(G, n_permutations=0).round(3).iloc[0].to_dict()
    >>> {k: row[k] for k in ("actors", "ties", "density", "reciprocity", "ei_index")}
    {'actors': 4.0, 'ties': 5.0, 'density': 0.417, 'reciprocity': 0.4, 'ei_index': 0.2}
    """
    directed = G.is_directed()
    n = G.number_of_nodes()
    A = _adjacency(G)
    ties = int(A.sum()) if directed else int(A.sum()) // 2
    degree_in, degree_out = A.sum(axis=0), A.sum(axis=1)
    maximum = (n - 1) ** 2 if directed else (n - 1) * (n - 2)
    ei = ei_index(G, attr, n_permutations=n_permutations, seed=seed)
    _, counts = mixing_counts(G, attr, Taxonomy({}))
    row = {
        "actors": n,
        "ties": ties,
        "density": _density(n, ties, directed),
        "reciprocity": _reciprocity(A, directed),
        "components": _components(G),
        "transitivity": _transitivity(A),
        "degree_centralisation_in": _centralisation(degree_in, maximum),
        "degree_centralisation_out": _centralisation(degree_out, maximum),
        "cross_domain_share": cross_domain_share(G, attr),
        "ei_index": ei.ei_index,
        "ei_expected": ei.ei_expected,
        "ei_p_value": ei.ei_p_value,
        "assortativity": _assortativity(counts),
        "isolates": int(np.count_nonzero(degree_in + degree_out == 0)),
    }
    return pd.DataFrame([row])
