r"""Key players after Borgatti (2006): the set that reaches most, and the set whose absence fragments most.

Borgatti's two key-player problems ask for a *set* of ``k`` actors, chosen
as an ensemble rather than as the ``k`` most central individuals:

- **KPP-Pos** (:func:`kpp_pos`): the ``k`` actors who together reach the
  most other actors within ``m`` steps (default two), e.g. the people a
  PlusWIJkteam would tell first so that news travels through the whole wijk.
  Scores: :func:`reach` (the share of the other actors within ``m`` steps of
  the set) and :func:`distance_weighted_reach`.
- **KPP-Neg** (:func:`kpp_neg`): the ``k`` actors whose absence breaks the
  network up most, i.e. on whom the collaboration depends. Scores:
  :func:`fragmentation` (pairs no longer connected) and
  :func:`distance_fragmentation` (pairs further apart).

Both searches use Borgatti's greedy optimisation: start from a set of ``k``
actors (the ``k`` of highest degree, or a seeded random set), then, as long
as some swap of a member with a non-member improves the score, make the
swap that improves it most. The result is a local optimum: one start can
stop short of the best set, so extra random starts (``restarts``) are worth
their time. On the small graphs of the tests (up to 34 actors, ``k <= 3``)
three restarts always found the exhaustive optimum over all ``k``-subsets.

Conventions, the same for every function here:

- The graph is treated as **undirected**: a directed graph is symmetrised
  by union (a tie in either direction connects the two actors), because
  reaching and fragmenting are about being connected, not about who named
  whom. Self-ties are ignored.
- **Weights are ignored**: a tie is there or not, distances count steps.
- The sets are returned in the graph's node order, so the output does not
  depend on the path the search took.

References
----------
Borgatti, S. P. (2006). Identifying sets of key players in a social
network. *Computational and Mathematical Organization Theory*, 12, 21-34.
https://doi.org/10.1007/s10588-006-7084-x

Neither ``sna`` nor ``igraph`` has these measures; R's ``influenceR::keyplayer``
and ``keyplayer::kpset`` are related implementations (not used as references).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.core.summary import Summary, key_values, label

#: The scores of KPP-Pos and of KPP-Neg.
POSITIVE = ("reach", "distance_weighted_reach")
NEGATIVE = ("fragmentation", "distance_fragmentation")
#: How a search starts: the ``k`` actors of highest degree, or a seeded random set.
STARTS = ("degree", "random")
#: A swap must improve the score by more than this to count (rounding noise is no improvement).
_TOLERANCE = 1e-12

TEXTS = {
    "title_pos": {
        "nl": "Sleutelspelers: bereik (KPP-Pos, Borgatti 2006)",
        "en": "Key players: reach (KPP-Pos, Borgatti 2006)",
    },
    "title_neg": {
        "nl": "Sleutelspelers: fragmentatie (KPP-Neg, Borgatti 2006)",
        "en": "Key players: fragmentation (KPP-Neg, Borgatti 2006)",
    },
    "reach": {"nl": "bereik binnen m stappen", "en": "reach within m steps"},
    "distance_weighted_reach": {
        "nl": "afstandsgewogen bereik",
        "en": "distance-weighted reach",
    },
    "fragmentation": {"nl": "fragmentatie (F)", "en": "fragmentation (F)"},
    "distance_fragmentation": {
        "nl": "afstandsfragmentatie (DF)",
        "en": "distance fragmentation (DF)",
    },
    "k": {"nl": "aantal sleutelspelers (k)", "en": "key players (k)"},
    "m": {"nl": "stappen (m)", "en": "steps (m)"},
    "start": {"nl": "start", "en": "start"},
    "swaps": {"nl": "verwisselingen", "en": "swaps"},
    "actors": {"nl": "sleutelspelers", "en": "key players"},
    "note_pos": {
        "nl": "Gevonden met Borgatti's (2006) gretige zoekmethode; relaties als ongericht en ongewogen behandeld.",
        "en": "Greedy search (Borgatti 2006); ties treated as undirected and unweighted.",
    },
    "note_neg": {
        "nl": "Score van het netwerk zonder de sleutelspelers; gevonden met Borgatti's (2006) gretige zoekmethode; relaties als ongericht en ongewogen behandeld.",
        "en": "Score of the network without the key players; greedy search (Borgatti 2006); ties treated as undirected and unweighted.",
    },
}


@dataclass(frozen=True)
class KeyPlayerResult:
    r"""A set of key players found by :func:`kpp_pos` or :func:`kpp_neg`.

    Attributes
    ----------
    actors : tuple of str
        The ``k`` actors, in the graph's node order.
    score : float
        The set's value of ``measure``: for KPP-Pos the reach of the set, for
        KPP-Neg the fragmentation of the network without it.
    measure : str
        One of ``"reach"``, ``"distance_weighted_reach"`` (KPP-Pos),
        ``"fragmentation"``, ``"distance_fragmentation"`` (KPP-Neg).
    k : int
        The size of the set.
    m : int or None
        The step limit of the reach measures; ``None`` for no limit and for
        the KPP-Neg measures.
    start : str
        ``"degree"`` or ``"random"``: the first start of the search.
    swaps : int
        The swaps the greedy search made in its best run.

    Examples
    --------
    >>> import networkx as nx
    >>> result = kpp_neg(nx.path_graph(["a", "b", "c", "d", "e"]), 1)
    >>> result.actors, round(result.score, 3)
    (('c',), 0.667)
    >>> result.to_frame()
      actor_id        measure  k     m     score
    0        c  fragmentation  1  None  0.666667
    >>> print(result.summary(lang="en").as_text().splitlines()[4])
    fragmentation (F)  0.667
    """

    actors: tuple[str, ...]
    score: float
    measure: str
    k: int
    m: int | None
    start: str
    swaps: int

    def to_frame(self) -> pd.DataFrame:
        """One row per key player (``actor_id`` first) with the set's measure, ``k``, ``m`` and score."""
        n = len(self.actors)
        return pd.DataFrame(
            {
                "actor_id": pd.Series(list(self.actors), dtype=object),
                "measure": [self.measure] * n,
                "k": pd.Series([self.k] * n, dtype="int64"),
                "m": pd.Series([self.m] * n, dtype=object),
                "score": pd.Series([self.score] * n, dtype=float),
            }
        )

    def summary(self, lang: str | None = None) -> Summary:
        """The result as a printable :class:`~wijknet.core.summary.Summary` in Dutch or English."""
        positive = self.measure in POSITIVE
        values = {
            label(TEXTS, "actors", lang): ", ".join(self.actors),
            label(TEXTS, self.measure, lang): self.score,
            label(TEXTS, "k", lang): self.k,
        }
        if positive:
            values[label(TEXTS, "m", lang)] = "–" if self.m is None else self.m
        values[label(TEXTS, "start", lang)] = self.start
        values[label(TEXTS, "swaps", lang)] = self.swaps
        return Summary(
            label(TEXTS, "title_pos" if positive else "title_neg", lang),
            [("", key_values(values, lang))],
            notes=[label(TEXTS, "note_pos" if positive else "note_neg", lang)],
            lang=lang,
        )


# --- the undirected, binary graph as a sparse matrix -------------------------------------


def _adjacency(G: nx.Graph):
    """Node list and the symmetric 0/1 adjacency (scipy CSR) of ``G``, union-symmetrised, no self-ties."""
    from scipy import sparse

    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in G.edges() if u != v]
    n = len(nodes)
    if pairs:
        rows, cols = np.array(pairs, dtype=np.int64).T
        rows, cols = np.concatenate([rows, cols]), np.concatenate([cols, rows])
    else:
        rows = cols = np.array([], dtype=np.int64)
    A = sparse.csr_array((np.ones(rows.size), (rows, cols)), shape=(n, n))
    A.sum_duplicates()
    A.data[:] = 1.0
    return nodes, A


def _distances(A) -> np.ndarray:
    """Geodesic distances (steps) between all pairs; ``inf`` where there is no path."""
    from scipy.sparse.csgraph import shortest_path

    if A.shape[0] == 0:
        return np.zeros((0, 0))
    return shortest_path(A, method="D", directed=False, unweighted=True)


def _indices(nodes: list, chosen: Iterable, what: str) -> np.ndarray:
    index = {node: i for i, node in enumerate(nodes)}
    chosen = list(dict.fromkeys(chosen))
    missing = [node for node in chosen if node not in index]
    if missing:
        raise ValueError(f"{what}: not in the graph: {missing!r}")
    return np.array(sorted(index[node] for node in chosen), dtype=np.int64)


def _check_m(m) -> None:
    if m is not None and (isinstance(m, bool) or not isinstance(m, int | np.integer) or m < 1):
        raise ValueError(f"m must be a whole number of steps of at least 1, or None; not {m!r}")


# --- the scores on index arrays (shared by the public functions and the search) -----------


def _set_distance(D: np.ndarray, members: np.ndarray) -> np.ndarray:
    """d_Kj: the distance from the set to every actor (the nearest member), 0 for members."""
    return D[members].min(axis=0) if members.size else np.full(D.shape[0], np.inf)


def _reach_score(D: np.ndarray, members: np.ndarray, m: int | None) -> float:
    n = D.shape[0]
    others = n - members.size
    if others <= 0:
        return float("nan")
    d = _set_distance(D, members)
    outside = np.ones(n, dtype=bool)
    outside[members] = False
    limit = np.inf if m is None else m
    return float(np.count_nonzero(outside & (d <= limit)) / others)


def _distance_weighted_reach_score(D: np.ndarray, members: np.ndarray, m: int | None) -> float:
    n = D.shape[0]
    if n == 0 or members.size >= n:
        return float("nan")
    d = _set_distance(D, members)
    outside = np.ones(n, dtype=bool)
    outside[members] = False
    d = d[outside]
    if m is not None:
        d = np.where(d <= m, d, np.inf)
    with np.errstate(divide="ignore"):
        weights = np.where(np.isfinite(d), 1.0 / d, 0.0)
    # Members count as reached at distance 1 (Borgatti: DR = 1 when every outsider is adjacent).
    return float((members.size + weights.sum()) / n)


def _remaining(A, removed: np.ndarray):
    keep = np.ones(A.shape[0], dtype=bool)
    keep[removed] = False
    return A[keep][:, keep]


def _neighbours(A) -> list[list[int]]:
    """The neighbours of every actor as Python lists (from the CSR adjacency)."""
    return [A.indices[A.indptr[i] : A.indptr[i + 1]].tolist() for i in range(A.shape[0])]


def _fragmentation_score(
    A, removed: np.ndarray, neighbours: list[list[int]] | None = None
) -> float:
    # The component sizes by a depth-first search over adjacency lists: the swap search scores
    # thousands of sets, and slicing the sparse matrix for each cost three times as much.
    neighbours = _neighbours(A) if neighbours is None else neighbours
    gone = set(removed.tolist())
    n = len(neighbours) - len(gone)
    if n < 2:
        return float("nan")
    seen = bytearray(len(neighbours))
    pairs = 0.0
    for start in range(len(neighbours)):
        if seen[start] or start in gone:
            continue
        seen[start], stack, size = 1, [start], 0
        while stack:
            size += 1
            for other in neighbours[stack.pop()]:
                if not seen[other] and other not in gone:
                    seen[other] = 1
                    stack.append(other)
        pairs += size * (size - 1.0)
    return float(1.0 - pairs / (n * (n - 1.0)))


def _fragmentation_swaps(neighbours: list[list[int]], kept: np.ndarray, candidates) -> list[float]:
    """``_fragmentation_score`` of ``kept`` plus each candidate, from one search of the graph without ``kept``.

    The swap search scores every non-member in place of one member: removing one more
    actor changes only that actor's component, into the parts its articulation splits off
    (Tarjan's low points). One depth-first search per member replaces one per swap. The
    pair counts are whole numbers, so every score equals ``_fragmentation_score`` to the bit.
    """
    gone = set(kept.tolist())
    count = len(neighbours)
    n = count - len(gone) - 1
    if n < 2:
        return [float("nan")] * len(candidates)
    disc, low, size = [-1] * count, [0] * count, [1] * count
    component, cut_size, cut_pairs = [0] * count, [0] * count, [0] * count
    pairs = clock = 0
    for root in range(count):
        if root in gone or disc[root] >= 0:
            continue
        disc[root] = low[root] = clock
        clock += 1
        reached, stack = [root], [(root, iter(neighbours[root]))]
        while stack:
            v, rest = stack[-1]
            for w in rest:
                if w in gone:
                    continue
                if disc[w] < 0:
                    disc[w] = low[w] = clock
                    clock += 1
                    reached.append(w)
                    stack.append((w, iter(neighbours[w])))
                    break
                if disc[w] < low[v]:
                    low[v] = disc[w]
            else:
                stack.pop()
                if stack:
                    u = stack[-1][0]
                    size[u] += size[v]
                    low[u] = min(low[u], low[v])
                    if low[v] >= disc[u]:  # without u, v's subtree is a part of its own
                        cut_size[u] += size[v]
                        cut_pairs[u] += size[v] * (size[v] - 1)
        s = len(reached)
        pairs += s * (s - 1)
        for v in reached:
            component[v] = s
    scores = []
    for c in candidates:
        s = component[c]
        rest = s - 1 - cut_size[c]  # the part still holding c's DFS parent (0 for a root)
        after = pairs - s * (s - 1) + cut_pairs[c] + rest * (rest - 1)
        scores.append(float(1.0 - after / (n * (n - 1.0))))
    return scores


def _distance_fragmentation_score(A, removed: np.ndarray) -> float:
    sub = _remaining(A, removed)
    n = sub.shape[0]
    if n < 2:
        return float("nan")
    D = _distances(sub)
    np.fill_diagonal(D, np.inf)
    with np.errstate(divide="ignore"):
        closeness = np.where(np.isfinite(D), 1.0 / D, 0.0)
    # closeness.sum() counts every unordered pair twice: it is 2 * sum_{i>j} 1/d_ij.
    return float(1.0 - closeness.sum() / (n * (n - 1.0)))


# --- the public scores ----------------------------------------------------------------------


def reach(G: nx.Graph, nodes: Iterable, m: int | None = 2) -> float:
    r"""The share of the other actors that the set ``nodes`` reaches within ``m`` steps.

    Borgatti's (2006) m-reach of a set ``K`` counts the actors outside ``K``
    within ``m`` steps of at least one member; here it is divided by the
    number of actors outside the set:

    .. math::

        R_m(K) = \frac{|\{j \notin K : d_{Kj} \le m\}|}{n - k},
        \qquad d_{Kj} = \min_{i \in K} d_{ij},

    with ``n`` actors, ``k = |K|`` and ``d_ij`` the geodesic distance in
    steps. 1 means that everyone outside the set is within ``m`` steps of
    it; the count itself is ``R_m(K) * (n - k)``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Directed input is symmetrised by union; weights are ignored.
    nodes : iterable of node labels
        The set ``K`` (repeats ignored).
    m : int or None, default 2
        The step limit; ``None`` for no limit (everyone connected to the set).

    Returns
    -------
    float
        NaN when the set holds every actor (nobody left to reach).

    Raises
    ------
    ValueError
        When a node is not in ``G`` or ``m`` is not a positive whole number.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory*, 12, 21-34.

    Examples
    --------
    A star with centre ``h``: the centre reaches all four others in one step;
    a leaf reaches the centre in one step and the other three leaves in two
    (1 of 4 within one step, 4 of 4 within two):

    >>> import networkx as nx
    >>> star = nx.star_graph(["h", "a", "b", "c", "d"])
    >>> reach(star, ["h"], m=1), reach(star, ["a"], m=1), reach(star, ["a"], m=2)
    (1.0, 0.25, 1.0)
    """
    _check_m(m)
    nodes_, A = _adjacency(G)
    return _reach_score(_distances(A), _indices(nodes_, nodes, "nodes"), m)


def distance_weighted_reach(G: nx.Graph, nodes: Iterable, m: int | None = None) -> float:
    r"""Borgatti's distance-weighted reach of the set ``nodes``.

    Every actor counts with the reciprocal of its distance to the set, so
    an actor one step away counts fully, two steps away half, and so on:

    .. math::

        DR(K) = \frac{1}{n} \sum_{j} \frac{1}{d_{Kj}},
        \qquad d_{Kj} = \min_{i \in K} d_{ij},

    where the members of ``K`` count as reached at distance 1 (so that, as
    in the paper, ``DR = 1`` exactly when every actor outside the set is
    adjacent to it) and an unreachable actor counts 0. With ``m`` given,
    actors further than ``m`` steps count 0 too; the paper's measure has no
    limit (``m=None``, the default here).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Directed input is symmetrised by union; weights are ignored.
    nodes : iterable of node labels
        The set ``K`` (repeats ignored).
    m : int or None, default None
        Optional step limit.

    Returns
    -------
    float
        In ``[k/n, 1]``; NaN when the set holds every actor.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory*, 12, 21-34
    (equation 14).

    Examples
    --------
    On the path a - b - c - d - e, the set {a} reaches b at 1, c at 2, d at 3
    and e at 4: DR = (1 + 1 + 1/2 + 1/3 + 1/4) / 5 = 37/60:

    >>> import networkx as nx
    >>> path = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> round(distance_weighted_reach(path, ["a"]), 4), round(37 / 60, 4)
    (0.6167, 0.6167)
    >>> distance_weighted_reach(path, ["b", "d"])
    1.0
    """
    _check_m(m)
    nodes_, A = _adjacency(G)
    return _distance_weighted_reach_score(_distances(A), _indices(nodes_, nodes, "nodes"), m)


def fragmentation(G: nx.Graph, removed: Iterable = ()) -> float:
    r"""Borgatti's fragmentation F of the network without the actors ``removed``.

    The share of pairs of (remaining) actors that cannot reach each other,
    computed from the sizes ``s_c`` of the components:

    .. math::

        F = 1 - \frac{\sum_c s_c (s_c - 1)}{n (n - 1)},

    with ``n`` the actors left after the removal. 0 for a connected network,
    1 when every actor is an isolate.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Directed input is symmetrised by union (weak components); weights
        are ignored.
    removed : iterable of node labels, default ()
        The actors taken out first (repeats ignored); nothing by default.

    Returns
    -------
    float
        NaN when fewer than two actors remain.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory*, 12, 21-34
    (equation 4).

    Examples
    --------
    Without ``c``, the path a - b - c - d - e falls into two pairs: of the
    4 * 3 = 12 ordered pairs, 2 + 2 = 4 are connected, so F = 1 - 4/12:

    >>> import networkx as nx
    >>> path = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> fragmentation(path), round(fragmentation(path, ["c"]), 4)
    (0.0, 0.6667)
    """
    nodes_, A = _adjacency(G)
    return _fragmentation_score(A, _indices(nodes_, removed, "removed"))


def distance_fragmentation(G: nx.Graph, removed: Iterable = ()) -> float:
    r"""Borgatti's distance-based fragmentation DF of the network without the actors ``removed``.

    Like :func:`fragmentation`, but pairs that stay connected count as
    partly fragmented when they are far apart:

    .. math::

        DF = 1 - \frac{2 \sum_{i > j} 1 / d_{ij}}{n (n - 1)},

    with ``n`` the actors left, ``d_ij`` their distance in the remaining
    network and ``1/d_ij = 0`` for pairs without a path. 0 for a complete
    network, 1 when every actor is an isolate; ``DF >= F`` always.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Directed input is symmetrised by union; weights are ignored.
    removed : iterable of node labels, default ()
        The actors taken out first (repeats ignored).

    Returns
    -------
    float
        NaN when fewer than two actors remain.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory*, 12, 21-34
    (equation 9).

    Examples
    --------
    The path a - b - c has distances 1, 1 and 2:
    DF = 1 - 2 (1 + 1 + 1/2) / (3 * 2) = 1/6:

    >>> import networkx as nx
    >>> path = nx.path_graph(["a", "b", "c"])
    >>> round(distance_fragmentation(path), 4), round(1 / 6, 4)
    (0.1667, 0.1667)
    >>> distance_fragmentation(path, ["b"])
    1.0
    """
    nodes_, A = _adjacency(G)
    return _distance_fragmentation_score(A, _indices(nodes_, removed, "removed"))


# --- the greedy search ------------------------------------------------------------------------


def _check_k(k, n: int, largest: int, problem: str) -> None:
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
        raise ValueError(f"k must be a whole number of at least 1, not {k!r}")
    if k > largest:
        raise ValueError(
            f"{problem}: k = {k} is too large for a network of {n} actors "
            f"(at most {max(largest, 0)}: {'one actor must be left to reach' if problem == 'KPP-Pos' else 'two actors must be left to be (dis)connected'})"
        )


def _starts(degree: np.ndarray, k: int, start: str, restarts: int, seed) -> list[np.ndarray]:
    n = degree.size
    rng = np.random.default_rng(seed)
    if start == "degree":
        # Highest degree first; ties in node order (a stable sort of -degree).
        first = np.sort(np.argsort(-degree, kind="stable")[:k])
    else:
        first = np.sort(rng.choice(n, size=k, replace=False))
    return [first, *(np.sort(rng.choice(n, size=k, replace=False)) for _ in range(restarts))]


def _greedy(score: Callable[[np.ndarray], float], n: int, members: np.ndarray, swap_scores=None):
    """Borgatti's swap search from ``members``: make the best improving member/non-member swap until none improves.

    Swaps are tried members in node order, then non-members in node order; the
    first of equally good swaps is made, so the search is deterministic.
    ``swap_scores(kept, outside)``, when given, returns the scores of ``kept``
    plus each actor of ``outside`` at once (equal to ``score`` of each trial).
    """
    members = np.sort(members)
    best = score(members)
    swaps = 0
    while True:
        outside = np.setdiff1d(np.arange(n), members)
        top, chosen = best + _TOLERANCE, None
        for position in range(members.size):
            if swap_scores is None:
                values = None
            else:
                values = swap_scores(np.delete(members, position), outside.tolist())
            for i, candidate in enumerate(outside):
                trial = members.copy()
                trial[position] = candidate
                trial.sort()
                value = score(trial) if values is None else values[i]
                if value > top:
                    top, chosen = value, trial
        if chosen is None:
            return members, best, swaps
        members, best, swaps = chosen, top, swaps + 1


def _search(G, k, measure, m, start, restarts, seed, problem):
    if start not in STARTS:
        raise ValueError(f"start must be one of {STARTS}, not {start!r}")
    if isinstance(restarts, bool) or not isinstance(restarts, int | np.integer) or restarts < 0:
        raise ValueError(f"restarts must be a whole number of at least 0, not {restarts!r}")
    nodes, A = _adjacency(G)
    n = len(nodes)
    swap_scores = None  # a faster scorer of all swaps of one member, where there is one
    if problem == "KPP-Pos":
        _check_k(k, n, n - 1, problem)
        D = _distances(A)
        if measure == "reach":

            def score(members):
                return _reach_score(D, members, m)
        else:

            def score(members):
                return _distance_weighted_reach_score(D, members, m)
    else:
        _check_k(k, n, n - 2, problem)
        if measure == "fragmentation":
            neighbours = _neighbours(A)

            def score(members):
                return _fragmentation_score(A, members, neighbours)

            def swap_scores(kept, candidates):
                return _fragmentation_swaps(neighbours, kept, candidates)
        else:

            def score(members):
                return _distance_fragmentation_score(A, members)

    degree = np.asarray(A.sum(axis=1)).ravel()
    best = None
    for first in _starts(degree, int(k), start, int(restarts), seed):
        members, value, swaps = _greedy(score, n, first, swap_scores)
        if best is None or value > best[1] + _TOLERANCE:
            best = (members, value, swaps)
    members, value, swaps = best
    return KeyPlayerResult(
        actors=tuple(nodes[i] for i in members),
        score=float(value),
        measure=measure,
        k=int(k),
        m=m if problem == "KPP-Pos" else None,
        start=start,
        swaps=swaps,
    )


def kpp_pos(
    G: nx.Graph,
    k: int,
    *,
    m: int | None = 2,
    measure: str = "reach",
    start: str = "degree",
    restarts: int = 0,
    seed: int | None = 0,
) -> KeyPlayerResult:
    r"""KPP-Pos: the ``k`` actors who together reach the most other actors (Borgatti 2006).

    Maximises, over sets ``K`` of ``k`` actors, either the reach within
    ``m`` steps (``measure="reach"``, :func:`reach`)

    .. math::

        R_m(K) = \frac{|\{j \notin K : \min_{i \in K} d_{ij} \le m\}|}{n - k}

    or the distance-weighted reach (``measure="distance_weighted_reach"``,
    :func:`distance_weighted_reach`), :math:`DR(K) = \frac{1}{n}\sum_j 1/d_{Kj}`
    (members at distance 1, actors beyond ``m`` steps at 0; pass ``m=None``
    for the paper's unlimited DR).

    The search is Borgatti's greedy optimisation: start from the ``k``
    actors of highest degree (``start="degree"``, ties in node order) or a
    random set drawn with ``seed`` (``start="random"``); while some swap of a
    member with a non-member raises the score, make the swap that raises it
    most. ``restarts`` further random starts (from the same seeded generator)
    are run and the best set kept (the first of equal scores). The result is
    a local optimum, deterministic for a given graph, node order and seed.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Treated as undirected (directed input symmetrised by union);
        weights are ignored.
    k : int
        The size of the set, ``1 <= k <= n - 1``.
    m : int or None, default 2
        The step limit of the reach.
    measure : {"reach", "distance_weighted_reach"}, default "reach"
    start : {"degree", "random"}, default "degree"
    restarts : int, default 0
        Extra random starts.
    seed : int or None, default 0
        Seed of :func:`numpy.random.default_rng` for the random starts.

    Returns
    -------
    KeyPlayerResult
        ``actors`` in node order, ``score`` the set's reach.

    Raises
    ------
    ValueError
        For ``k < 1`` or ``k >= n`` (also on the empty graph: there must be
        someone left to reach), an unknown ``measure`` or ``start``, or an
        invalid ``m``. The search never silently returns all actors.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory*, 12, 21-34.

    Examples
    --------
    Two triangles {a, b, c} and {d, e, f} joined by the bridge c - d: the
    bridge ends each reach everyone within two steps:

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"),
    ...               ("d", "e"), ("e", "f"), ("d", "f")])
    >>> result = kpp_pos(G, 1, m=2)
    >>> result.actors, result.score
    (('c',), 1.0)
    >>> kpp_pos(G, 2, m=1).actors
    ('c', 'd')
    """
    if measure not in POSITIVE:
        raise ValueError(f"KPP-Pos measure must be one of {POSITIVE}, not {measure!r}")
    _check_m(m)
    return _search(G, k, measure, m, start, restarts, seed, "KPP-Pos")


def kpp_neg(
    G: nx.Graph,
    k: int,
    *,
    measure: str = "fragmentation",
    start: str = "degree",
    restarts: int = 0,
    seed: int | None = 0,
) -> KeyPlayerResult:
    r"""KPP-Neg: the ``k`` actors whose removal fragments the network most (Borgatti 2006).

    Maximises, over sets ``K`` of ``k`` actors, the fragmentation of the
    network without ``K``: either F (``measure="fragmentation"``,
    :func:`fragmentation`), the share of pairs no longer connected,

    .. math::

        F = 1 - \frac{\sum_c s_c (s_c - 1)}{n'(n' - 1)},

    or DF (``measure="distance_fragmentation"``, :func:`distance_fragmentation`),
    which also counts pairs that are further apart,

    .. math::

        DF = 1 - \frac{2 \sum_{i > j} 1/d_{ij}}{n'(n' - 1)},

    with ``n' = n - k`` the actors left, ``s_c`` the sizes of their
    components and ``d_ij`` their distances in the remaining network.

    The search is the same greedy optimisation as :func:`kpp_pos` (highest
    degree or seeded random start, best improving swap until none improves,
    optional random ``restarts``). In a network that no ``k`` actors can cut
    (F = 0 for every set) no swap improves F and the start set comes back;
    DF still tells such sets apart. Each swap step scores ``k (n - k)`` sets;
    with DF every score is a breadth-first search of the remaining network
    (about 2 s per step for 150 actors and ``k = 3``).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Treated as undirected (directed input symmetrised by union, i.e.
        weak components); weights are ignored.
    k : int
        The size of the set, ``1 <= k <= n - 2`` (two actors must be left).
    measure : {"fragmentation", "distance_fragmentation"}, default "fragmentation"
    start : {"degree", "random"}, default "degree"
    restarts : int, default 0
    seed : int or None, default 0

    Returns
    -------
    KeyPlayerResult
        ``actors`` in node order, ``score`` the fragmentation without them;
        ``m`` is ``None``.

    Raises
    ------
    ValueError
        For ``k < 1`` or ``k > n - 2`` (also on empty and one-actor graphs),
        an unknown ``measure`` or ``start``.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. *Computational and Mathematical Organization Theory*, 12, 21-34.

    Examples
    --------
    In Padgett's Florentine marriage network the Medici hold it together:
    without them the other 14 families fall apart into components of 11,
    2 and 1, so F = 1 - (11 * 10 + 2 * 1) / (14 * 13) = 70/182 = 5/13:

    >>> import networkx as nx
    >>> result = kpp_neg(nx.florentine_families_graph(), 1)
    >>> result.actors, round(result.score, 4)
    (('Medici',), 0.3846)
    """
    if measure not in NEGATIVE:
        raise ValueError(f"KPP-Neg measure must be one of {NEGATIVE}, not {measure!r}")
    return _search(G, k, measure, None, start, restarts, seed, "KPP-Neg")
