"""Domain mixing: how ties are spread over pairs of domains.

The mixing matrix counts ties by the domain of their two ends; it underlies
the E-I index (:mod:`wijknet.metrics.ei`) and Newman's attribute
assortativity (:mod:`wijknet.metrics.network`). All measures here are binary:
a tie counts once whatever its ``weight``, and self-ties are ignored.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.core.taxonomy import Taxonomy

MIXING_COLUMNS = ["from_domain", "to_domain", "ties", "row_share"]


def node_groups(
    G: nx.Graph, attr: str = "domain", taxonomy: Taxonomy | None = None
) -> tuple[list, np.ndarray]:
    """Ordered group labels and every node's group index, in ``G``'s node order.

    Groups are the values of node attribute ``attr`` present among the nodes,
    in taxonomy order (known domain keys first, then other labels sorted).

    Raises
    ------
    ValueError
        If a node lacks ``attr`` (or has ``None``).
    """
    values = []
    for node, value in G.nodes(data=attr):
        if value is None:
            raise ValueError(f"node {node!r} has no {attr!r} attribute")
        values.append(value)
    groups = (taxonomy or Taxonomy.default()).order(set(values))
    index = {g: i for i, g in enumerate(groups)}
    return groups, np.array([index[v] for v in values], dtype=np.intp)


def tie_arrays(G: nx.Graph) -> tuple[np.ndarray, np.ndarray]:
    """Node positions of the two ends of every tie, self-ties excluded.

    A directed graph gives one entry per arc (source, target); an undirected
    graph one entry per edge, in arbitrary orientation.
    """
    position = {node: i for i, node in enumerate(G)}
    pairs = [(position[u], position[v]) for u, v in G.edges() if u != v]
    if not pairs:
        return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.intp)
    source, target = np.array(pairs, dtype=np.intp).T
    return source, target


def mixing_counts(
    G: nx.Graph, attr: str = "domain", taxonomy: Taxonomy | None = None
) -> tuple[list, np.ndarray]:
    """Group labels and the square matrix of tie counts between them.

    Directed: entry ``[a, b]`` counts arcs from group ``a`` to group ``b``.
    Undirected: every edge is counted once from each end, so the matrix is
    symmetric and an edge inside group ``a`` adds 2 to ``[a, a]``.
    """
    groups, codes = node_groups(G, attr, taxonomy)
    source, target = tie_arrays(G)
    counts = np.zeros((len(groups), len(groups)), dtype=np.int64)
    np.add.at(counts, (codes[source], codes[target]), 1)
    if not G.is_directed():
        counts = counts + counts.T
    return groups, counts


def mixing_matrix(
    G: nx.Graph, attr: str = "domain", *, taxonomy: Taxonomy | None = None
) -> pd.DataFrame:
    """Domain mixing matrix as a tidy table.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Nodes carry the grouping attribute ``attr``.
    attr : str, default "domain"
        Node attribute that defines the groups.
    taxonomy : Taxonomy, optional
        Orders the groups (known domain keys in taxonomy order, then other
        labels alphabetically); default :meth:`Taxonomy.default`.

    Returns
    -------
    pandas.DataFrame
        One row for every ordered pair of groups present among the nodes
        (zeros included), in taxonomy order, with columns ``from_domain``,
        ``to_domain``, ``ties`` and ``row_share`` =
        ``ties / sum of ties in the from_domain row`` (NaN for a row without
        ties).

    Notes
    -----
    Directed graphs: ``ties`` counts arcs from a node of ``from_domain`` to a
    node of ``to_domain``. Undirected graphs: every edge is counted once from
    each end (as :func:`networkx.attribute_mixing_matrix` does), so ``ties``
    counts tie ends and the table is symmetric; an edge inside one domain
    counts 2 in its diagonal cell, and ``row_share`` is the share of the
    domain's tie ends that reach each domain. Dividing ``ties`` by its total
    gives Newman's normalised mixing matrix ``e`` (Newman 2003).

    The measure is binary (``weight`` is ignored); self-ties are excluded;
    isolates contribute their domain's rows and columns but no ties.

    References
    ----------
    Newman, M. E. J. (2003). Mixing patterns in networks. *Physical Review E*,
    67, 026126.

    Examples
    --------
    A mutual pair a <-> b and a directed cycle b -> c -> d -> b; a and b
    work in zorg, c in welzijn, d in wonen:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b")])
    >>> nx.set_node_attributes(G, {"a": "zorg", "b": "zorg", "c": "welzijn", "d": "wonen"}, "domain")
    >>> table = mixing_matrix(G)
    >>> print(table[table["ties"] > 0].round(3).to_string(index=False))
    from_domain to_domain  ties  row_share
           zorg      zorg     2      0.667
           zorg   welzijn     1      0.333
        welzijn     wonen     1      1.000
          wonen      zorg     1      1.000
    """
    groups, counts = mixing_counts(G, attr, taxonomy)
    row_totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(row_totals > 0, counts / row_totals, np.nan)
    return pd.DataFrame(
        {
            "from_domain": pd.Series([a for a in groups for _ in groups], dtype=object),
            "to_domain": pd.Series([b for _ in groups for b in groups], dtype=object),
            "ties": counts.ravel(),
            "row_share": shares.ravel().astype(float),
        },
        columns=MIXING_COLUMNS,
    )


def cross_domain_share(G: nx.Graph, attr: str = "domain") -> float:
    """Share of ties whose two ends belong to different domains.

    ``cross_domain_share = E / (E + I)`` with ``E`` the ties between groups
    and ``I`` the ties within a group; directed graphs count arcs, undirected
    graphs count edges. Binary (``weight`` is ignored), self-ties excluded,
    isolates do not count. NaN for a graph without ties. It is a linear
    transform of the E-I index: ``(1 + EI) / 2``.

    References
    ----------
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
    >>> cross_domain_share(G)
    0.6
    """
    _, codes = node_groups(G, attr, Taxonomy({}))
    source, target = tie_arrays(G)
    if source.size == 0:
        return float("nan")
    return float(np.mean(codes[source] != codes[target]))
