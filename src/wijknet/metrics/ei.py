"""Krackhardt & Stern's E-I index for the whole network, per group and per actor.

``E-I = (E - I) / (E + I)``, with ``E`` the ties between groups (external)
and ``I`` the ties within a group (internal). It runs from -1 (all ties inside
groups) to +1 (all ties across groups). All variants here are binary: a tie
counts once whatever its ``weight``; self-ties are excluded.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.core.summary import Summary, key_values, label
from wijknet.core.taxonomy import Taxonomy
from wijknet.metrics.mixing import node_groups, tie_arrays

_TOLERANCE = 1e-9


TEXTS = {
    "title": {"nl": "E-I-index (Krackhardt & Stern)", "en": "E-I index (Krackhardt & Stern)"},
    "ei_index": {"nl": "E-I-index", "en": "E-I index"},
    "ei_expected": {"nl": "verwacht bij toeval", "en": "expected by chance"},
    "ei_p_value": {"nl": "p (tweezijdig)", "en": "p (two-sided)"},
    "external": {"nl": "relaties tussen groepen (E)", "en": "ties between groups (E)"},
    "internal": {"nl": "relaties binnen groepen (I)", "en": "ties within groups (I)"},
    "n_permutations": {"nl": "permutaties", "en": "permutations"},
    "note": {
        "nl": "(E - I) / (E + I): -1 alle relaties binnen groepen, +1 alle tussen groepen.",
        "en": "(E - I) / (E + I): -1 all ties within groups, +1 all between groups.",
    },
}


@dataclass(frozen=True)
class EIResult:
    """Whole-network E-I index with its expected value and permutation p-value.

    Attributes
    ----------
    ei_index : float
        ``(E - I) / (E + I)``; NaN without ties.
    ei_expected : float
        The E-I index expected under random relabelling of the groups.
    ei_p_value : float
        Two-sided permutation p-value; NaN when not tested.
    external, internal : int
        Ties between groups (``E``) and within a group (``I``).
    n_permutations : int

    Examples
    --------
    A path a - b - c - d with groups x, x, y, y: one tie within each group
    and one between them:

    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c", "d"])
    >>> nx.set_node_attributes(G, {"a": "x", "b": "x", "c": "y", "d": "y"}, "domain")
    >>> result = ei_index(G, n_permutations=0)
    >>> result.external, result.internal, round(result.ei_index, 3), round(result.ei_expected, 3)
    (1, 2, -0.333, 0.333)
    >>> result.to_frame().shape
    (1, 6)
    >>> print(result.summary(lang="en").as_text().splitlines()[3])
    E-I index                -0.333
    """

    ei_index: float
    ei_expected: float
    ei_p_value: float
    external: int
    internal: int
    n_permutations: int

    def to_frame(self) -> pd.DataFrame:
        """The result as a one-row DataFrame."""
        return pd.DataFrame([asdict(self)])

    def summary(self, lang: str | None = None) -> Summary:
        """The result as a printable :class:`~wijknet.core.summary.Summary` in Dutch or English."""
        table = key_values(asdict(self), lang)
        table[table.columns[0]] = [label(TEXTS, key, lang) for key in asdict(self)]
        return Summary(
            label(TEXTS, "title", lang),
            [("", table)],
            notes=[label(TEXTS, "note", lang)],
            lang=lang,
        )


def _ratio(external, internal):
    """(E - I) / (E + I), NaN where E + I = 0; works on scalars and arrays."""
    external = np.asarray(external, dtype=float)
    internal = np.asarray(internal, dtype=float)
    total = external + internal
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (external - internal) / total, np.nan)


def _expected(codes: np.ndarray) -> float:
    """E-I of the complete graph on the same group sizes (directed or not: same ratio)."""
    n = codes.size
    if n < 2:
        return float("nan")
    sizes = np.bincount(codes)
    internal = float(np.sum(sizes * (sizes - 1)))
    external = float(n * (n - 1)) - internal
    return float(_ratio(external, internal))


def _permuted_external(codes, source, target, n_permutations: int, seed) -> np.ndarray:
    """External tie counts under ``n_permutations`` random relabellings of the nodes."""
    rng = np.random.default_rng(seed)
    labels = rng.permuted(np.tile(codes, (n_permutations, 1)), axis=1)
    return np.count_nonzero(labels[:, source] != labels[:, target], axis=1)


def ei_permutation_distribution(
    G: nx.Graph, attr: str = "domain", *, n_permutations: int = 1000, seed=0
) -> np.ndarray:
    """E-I index of ``G`` under random permutations of the node labels.

    The null distribution behind the p-value of :func:`ei_index` (same
    ``seed``, same draws): the ties stay fixed and the values of ``attr`` are
    shuffled over the nodes, isolates included. Its mean converges to the
    expected value ``ei_expected`` of :func:`ei_index`.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    attr : str, default "domain"
    n_permutations : int, default 1000
    seed : int or numpy.random.Generator, default 0
        Passed to :func:`numpy.random.default_rng`.

    Returns
    -------
    numpy.ndarray
        ``n_permutations`` E-I values (all NaN when ``G`` has no ties).
    """
    _, codes = node_groups(G, attr, Taxonomy({}))
    source, target = tie_arrays(G)
    external = _permuted_external(codes, source, target, n_permutations, seed)
    return _ratio(external, source.size - external)


def ei_index(G: nx.Graph, attr: str = "domain", *, n_permutations: int = 1000, seed=0) -> EIResult:
    """Whole-network E-I index (Krackhardt & Stern 1988) with a permutation test.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Nodes carry the grouping attribute ``attr``.
    attr : str, default "domain"
        Node attribute that defines the groups.
    n_permutations : int, default 1000
        Random relabellings for the p-value; 0 skips the test (p-value NaN).
    seed : int or numpy.random.Generator, default 0
        Passed to :func:`numpy.random.default_rng`.

    Returns
    -------
    EIResult
        Frozen dataclass with ``ei_index``, ``ei_expected``, ``ei_p_value``,
        ``external``, ``internal`` and ``n_permutations``; ``.to_frame()``
        gives a one-row DataFrame.

    Notes
    -----
    ``ei_index = (E - I) / (E + I)`` with ``E`` the ties whose ends are in
    different groups and ``I`` the ties within a group. Directed graphs count
    arcs (a mutual pair counts twice); undirected graphs count edges. The
    measure is binary (``weight`` is ignored) and self-ties are excluded.
    NaN when there are no ties.

    ``ei_expected`` is the E-I index expected when the group labels are
    randomly reassigned over the nodes, which equals the E-I of the complete
    graph with the same group sizes ``n_k`` (Krackhardt & Stern 1988):
    ``I* = sum_k n_k (n_k - 1)``, ``E* = N (N - 1) - I*``,
    ``ei_expected = (E* - I*) / (E* + I*)`` (undirected: both halved, same
    value). It depends only on the group sizes, so it is defined (for
    ``N >= 2``) even without ties.

    ``ei_p_value`` is two-sided: the labels are permuted over all nodes
    (isolates included) ``n_permutations`` times and a permutation is as
    extreme as the observation when its E-I lies at least as far from
    ``ei_expected`` as the observed one;
    ``p = (1 + #as extreme) / (1 + n_permutations)``.

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
    >>> result = ei_index(G, n_permutations=999, seed=0)
    >>> result.external, result.internal, round(result.ei_index, 3), round(result.ei_expected, 3)
    (3, 2, 0.2, 0.667)
    """
    if n_permutations < 0:
        raise ValueError(f"n_permutations must be >= 0, not {n_permutations}")
    _, codes = node_groups(G, attr, Taxonomy({}))
    source, target = tie_arrays(G)
    ties = source.size
    external = int(np.count_nonzero(codes[source] != codes[target]))
    internal = ties - external
    expected = _expected(codes)
    p_value = float("nan")
    if ties and n_permutations:
        # E + I is the same in every permutation, so distance in E-I is
        # proportional to distance in the external count.
        expected_external = ties * (1 + expected) / 2
        null = _permuted_external(codes, source, target, n_permutations, seed)
        extreme = np.abs(null - expected_external) >= abs(external - expected_external) - _TOLERANCE
        p_value = float((1 + np.count_nonzero(extreme)) / (1 + n_permutations))
    return EIResult(
        ei_index=float(_ratio(external, internal)),
        ei_expected=expected,
        ei_p_value=p_value,
        external=external,
        internal=internal,
        n_permutations=int(n_permutations),
    )


def ei_index_by_group(
    G: nx.Graph, attr: str = "domain", *, taxonomy: Taxonomy | None = None
) -> pd.DataFrame:
    """Group-level E-I index: how outward-looking each group's ties are.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    attr : str, default "domain"
    taxonomy : Taxonomy, optional
        Orders the groups; default :meth:`Taxonomy.default`.

    Returns
    -------
    pandas.DataFrame
        One row per group present among the nodes (taxonomy order) with
        ``group``, ``internal``, ``external`` and ``ei_index``.

    Notes
    -----
    Every tie is counted once from the point of view of each group it
    touches: for group ``k``, ``I_k`` = ties with both ends in ``k`` (counted
    once, not once per member), ``E_k`` = ties with exactly one end in ``k``,
    in either direction, and ``EI_k = (E_k - I_k) / (E_k + I_k)``. A tie
    between two groups is therefore external for both, so ``sum_k E_k = 2E``
    while ``sum_k I_k = I``; the group values do not average to the whole
    network value. Directed graphs count arcs, undirected graphs edges;
    binary (``weight`` ignored), self-ties excluded. NaN for a group without
    ties (e.g. only isolates).

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
    >>> print(ei_index_by_group(G).to_string(index=False))
      group  internal  external  ei_index
       zorg         2         2       0.0
    welzijn         0         2       1.0
      wonen         0         2       1.0
    """
    groups, codes = node_groups(G, attr, taxonomy)
    source, target = tie_arrays(G)
    k = len(groups)
    from_group, to_group = codes[source], codes[target]
    same = from_group == to_group
    internal = np.bincount(from_group[same], minlength=k)
    external = np.bincount(from_group[~same], minlength=k) + np.bincount(
        to_group[~same], minlength=k
    )
    return pd.DataFrame(
        {
            "group": pd.Series(groups, dtype=object),
            "internal": internal.astype(np.int64),
            "external": external.astype(np.int64),
            "ei_index": _ratio(external, internal).astype(float),
        }
    )


def ei_index_by_actor(
    G: nx.Graph, attr: str = "domain", *, direction: Literal["all", "out", "in"] = "all"
) -> pd.DataFrame:
    """Individual (actor-level) E-I index.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    attr : str, default "domain"
    direction : {"all", "out", "in"}, default "all"
        Directed graphs: which of the actor's arcs count. ``"all"`` counts
        outgoing and incoming arcs (a mutual tie with the same alter counts
        twice), ``"out"`` only arcs the actor sends, ``"in"`` only arcs it
        receives. Ignored for undirected graphs, where every edge counts for
        both ends.

    Returns
    -------
    pandas.DataFrame
        One row per node in ``G``'s node order with ``actor_id`` and
        ``ei_individual``.

    Notes
    -----
    ``EI_i = (E_i - I_i) / (E_i + I_i)`` with ``E_i`` the actor's ties to
    alters of another group and ``I_i`` to alters of its own group. Binary
    (``weight`` ignored), self-ties excluded. NaN for isolates and, with
    ``"out"`` or ``"in"``, for actors without ties in that direction.

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
    >>> ei_index_by_actor(G)["ei_individual"].tolist()
    [-1.0, 0.0, 1.0, 1.0]
    >>> ei_index_by_actor(G, direction="out")["ei_individual"].tolist()
    [-1.0, 0.0, 1.0, 1.0]
    """
    if direction not in ("all", "out", "in"):
        raise ValueError(f"direction must be 'all', 'out' or 'in', not {direction!r}")
    if not G.is_directed():
        direction = "all"
    _, codes = node_groups(G, attr, Taxonomy({}))
    source, target = tie_arrays(G)
    same = codes[source] == codes[target]
    n = codes.size
    ends = {"out": [source], "in": [target], "all": [source, target]}[direction]
    internal = sum(np.bincount(end[same], minlength=n) for end in ends)
    external = sum(np.bincount(end[~same], minlength=n) for end in ends)
    return pd.DataFrame(
        {
            "actor_id": pd.Series(list(G), dtype=object),
            "ei_individual": _ratio(external, internal).astype(float),
        }
    )
