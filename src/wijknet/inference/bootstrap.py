"""Node (vertex) bootstrap confidence intervals for network-level statistics.

Ties of one network are not independent observations, so the usual standard
errors do not apply. The node bootstrap of Snijders & Borgatti (1999)
resamples actors instead of ties: the actors are drawn with replacement and
the bootstrap network keeps the ties among the drawn copies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from statistics import NormalDist
from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd

from wijknet.core import formatting as fmt
from wijknet.core.summary import Summary, key_values, label
from wijknet.core.taxonomy import Taxonomy
from wijknet.metrics.mixing import node_groups

# Elements of one (batch, n, n) array of bootstrap networks: 2**22 = 32 MB as float64.
BATCH_ELEMENTS = 2**22
BUILTIN = ("density", "reciprocity", "ei_index", "ei_minus_expected")


TEXTS = {
    "title": {"nl": "Node-bootstrap: {statistic}", "en": "Node bootstrap: {statistic}"},
    "note": {
        "nl": "{level} betrouwbaarheidsinterval ({method}); actoren met teruglegging getrokken (Snijders & Borgatti 1999).",
        "en": "{level} confidence interval ({method}); actors drawn with replacement (Snijders & Borgatti 1999).",
    },
}


@dataclass(frozen=True)
class BootstrapResult:
    """Estimate with its node-bootstrap standard error and confidence interval.

    Attributes
    ----------
    statistic : str
        Name of the statistic.
    estimate : float
        The statistic of the observed network.
    ci_low, ci_high : float
        The confidence interval.
    se : float
        Standard deviation of the bootstrap values.
    n_boot : int
    level : float
    method : str
        ``"percentile"``, ``"basic"`` or ``"normal"``.
    distribution : numpy.ndarray
        The bootstrap values (not in ``to_frame``).

    Examples
    --------
    Density of a directed 4-cycle (4 of 12 arcs):

    >>> import networkx as nx
    >>> result = bootstrap_ci(nx.cycle_graph(4, create_using=nx.DiGraph), n_boot=200, seed=3)
    >>> round(result.estimate, 3), round(result.ci_low, 3), round(result.ci_high, 3)
    (0.333, 0.083, 0.583)
    >>> result.to_frame()[["statistic", "n_boot", "method"]].to_dict("records")
    [{'statistic': 'density', 'n_boot': 200, 'method': 'percentile'}]
    >>> print(result.summary(lang="en").as_text().splitlines()[0])
    Node bootstrap: density
    """

    statistic: str
    estimate: float
    ci_low: float
    ci_high: float
    se: float
    n_boot: int
    level: float
    method: str
    distribution: np.ndarray = field(repr=False, compare=False)

    def to_frame(self) -> pd.DataFrame:
        """The result as a one-row DataFrame (without the bootstrap distribution)."""
        row = asdict(self)
        del row["distribution"]
        return pd.DataFrame([row])

    def summary(self, lang: str | None = None) -> Summary:
        """The result as a printable :class:`~wijknet.core.summary.Summary` in Dutch or English."""
        values = {
            "estimate": self.estimate,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "se": self.se,
            "n_boot": self.n_boot,
        }
        level = fmt.percent(self.level, 0, lang)
        return Summary(
            label(TEXTS, "title", lang).format(statistic=self.statistic),
            [("", key_values(values, lang))],
            notes=[label(TEXTS, "note", lang).format(level=level, method=self.method)],
            lang=lang,
        )


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(
            denominator > 0, numerator / np.where(denominator > 0, denominator, 1), np.nan
        )


def _batched_statistic(
    name: str, T: np.ndarray, groups: np.ndarray | None, directed: bool
) -> np.ndarray:
    """Built-in statistic of a stack ``T`` of binary networks, shape ``(b, n, n)``, zero diagonal."""
    n = T.shape[1]
    ties = T.sum(axis=(1, 2))
    if name == "density":
        return ties / (n * (n - 1)) if n > 1 else np.full(T.shape[0], np.nan)
    if name == "reciprocity":
        return _ratio(np.einsum("bij,bji->b", T, T), ties)
    external = np.einsum("bij,bij->b", T, groups[:, :, None] != groups[:, None, :])
    ei = _ratio(2 * external - ties, ties)
    if name == "ei_index":
        return ei
    # ei_minus_expected: the expected E-I of each replicate's own group sizes n_k,
    # (E* - I*) / (E* + I*) with I* = sum_k n_k (n_k - 1), E* = n (n - 1) - I*.
    sizes = np.stack([np.bincount(row, minlength=groups.max() + 1) for row in groups])
    internal = np.sum(sizes * (sizes - 1), axis=1).astype(float)
    pairs = float(n * (n - 1))
    return ei - _ratio(pairs - 2 * internal, np.full(internal.shape, pairs))


def _fill_values(A: np.ndarray, samples: np.ndarray, directed: bool, rng) -> np.ndarray:
    """Random off-diagonal values of ``A`` for the pairs of copies of one actor, in canonical order."""
    n = A.shape[0]
    counts = np.apply_along_axis(np.bincount, 1, samples, minlength=n)
    per_boot = np.sum(counts * (counts - 1), axis=1)
    if not directed:
        per_boot //= 2
    rows, cols = np.nonzero(~np.eye(n, dtype=bool)) if directed else np.triu_indices(n, 1)
    draws = A[rows, cols][rng.integers(rows.size, size=int(per_boot.sum()))]
    return draws, np.concatenate([[0], np.cumsum(per_boot)])


def _boot_networks(A, samples, fill, directed):
    """The bootstrap networks of a batch of node samples, shape ``(b, n, n)``."""
    n = A.shape[0]
    T = A[samples[:, :, None], samples[:, None, :]]
    pseudo = samples[:, :, None] == samples[:, None, :]
    pseudo[:, np.arange(n), np.arange(n)] = False
    if directed:
        T[pseudo] = fill
    else:
        upper = np.triu(np.ones((n, n), dtype=bool), 1)
        where = np.nonzero(pseudo & upper)
        T[where] = fill
        T[where[0], where[2], where[1]] = T[where]
    T[:, np.arange(n), np.arange(n)] = 0
    return T


def bootstrap_ci(
    G: nx.Graph,
    statistic: str | Callable[[nx.Graph], float] = "density",
    *,
    n_boot: int = 1000,
    seed=0,
    level: float = 0.95,
    method: Literal["percentile", "basic", "normal"] = "percentile",
    attr: str = "domain",
    progress: bool = False,
) -> BootstrapResult:
    """Node-bootstrap confidence interval for a network-level statistic.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    statistic : {"density", "reciprocity", "ei_index", "ei_minus_expected"} or callable, default "density"
        A built-in, vectorised statistic (binary ties, as in
        :func:`wijknet.metrics.network_metrics`): ``density`` =
        ``L / (N (N - 1))`` (directed; the same on the symmetric matrix of
        an undirected graph), edgewise ``reciprocity``, or the E-I index
        ``(E - I) / (E + I)`` by ``attr``, or the E-I index minus its
        expected value under random relabelling for the group sizes of each
        bootstrap network (``ei_minus_expected``; see
        :func:`wijknet.metrics.ei.ei_index`). Or any function of a graph
        returning a number, e.g. ``lambda H: nx.transitivity(H)``; it gets
        each bootstrap network as a graph of the same kind whose nodes are
        ``(actor, copy)`` pairs carrying the actor's attributes (slower: one
        call per replicate).
    n_boot : int, default 1000
        Bootstrap replicates.
    seed : int or numpy.random.Generator, default 0
        Passed to :func:`numpy.random.default_rng`.
    level : float, default 0.95
        Confidence level.
    method : {"percentile", "basic", "normal"}, default "percentile"
        Percentile interval ``[q_(a/2), q_(1-a/2)]`` of the bootstrap
        distribution; basic (reverse percentile) ``[2 t - q_(1-a/2), 2 t -
        q_(a/2)]``; or normal ``t -/+ z_(1-a/2) se``.
    attr : str, default "domain"
        Grouping attribute for ``"ei_index"`` and ``"ei_minus_expected"``.
    progress : bool, default False
        Show a tqdm progress bar.

    Returns
    -------
    BootstrapResult
        ``statistic`` (name), ``estimate`` (on ``G`` itself), ``ci_low``,
        ``ci_high``, ``se`` (standard deviation of the bootstrap values),
        ``n_boot``, ``level``, ``method`` and the bootstrap ``distribution``;
        ``.to_frame()`` gives a one-row DataFrame.

    Notes
    -----
    **Resampling.** Each replicate draws ``N`` actors ``s_1..s_N`` with
    replacement and sets ``y*_hk = y_(s_h s_k)`` for ``h != k``; the diagonal
    stays empty. When the same actor is drawn twice (``s_h = s_k``,
    ``h != k``) there is no observed tie between the two copies; following
    Snijders & Borgatti (1999), as in ``netdiffuseR::resample_graph`` and
    ``snowboot::vertboot``, its value is a random draw from the observed
    off-diagonal dyads (ties and non-ties), so that the density of the
    bootstrap networks is unbiased. Undirected graphs draw one value per pair
    of copies. Group labels (for the E-I index) travel with the actors.
    Replicates in which the statistic is undefined (NaN) are left out.

    **Comparing waves.** The node bootstrap treats the actors as a sample
    from a larger population of potential actors, so the interval reflects
    how much the statistic would vary with another set of actors of the same
    size. Intervals of two waves (or wijken) with different numbers of
    actors are therefore each correct for their own size, and the smaller
    network gets the wider interval. Overlapping intervals are a
    conservative check only; for a test of the difference use a
    size-aware comparison of waves. Size-dependent statistics (density falls
    as networks grow) should be compared with care, or replaced by
    size-robust ones such as the E-I index or mean degree.

    References
    ----------
    Snijders, T. A. B., & Borgatti, S. P. (1999). Non-parametric standard
    errors and tests for network statistics. *Connections*, 22(2), 1-10.
    Efron, B., & Tibshirani, R. J. (1993). *An Introduction to the
    Bootstrap*. Chapman & Hall.

    Examples
    --------
    Density (95% percentile interval) and reciprocity (normal interval) of
    a seeded random network of 15 actors:

    >>> import networkx as nx
    >>> G = nx.gnp_random_graph(15, 0.2, seed=7, directed=True)
    >>> result = bootstrap_ci(G, "density", n_boot=500, seed=0)
    >>> round(result.estimate, 3), round(result.ci_low, 3), round(result.ci_high, 3)
    (0.238, 0.15, 0.326)
    >>> result = bootstrap_ci(G, "reciprocity", n_boot=500, seed=0, method="normal")
    >>> round(result.estimate, 3), round(result.se, 3)
    (0.24, 0.11)
    """
    if method not in ("percentile", "basic", "normal"):
        raise ValueError(f"method must be 'percentile', 'basic' or 'normal', not {method!r}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level}")
    if n_boot < 2:
        raise ValueError(f"n_boot must be >= 2, not {n_boot}")
    if isinstance(statistic, str) and statistic not in BUILTIN:
        raise ValueError(f"statistic must be one of {BUILTIN} or a callable, not {statistic!r}")
    directed = G.is_directed()
    if statistic == "reciprocity" and not directed:
        raise ValueError("reciprocity needs a directed graph")
    nodes = list(G)
    n = len(nodes)
    if n < 2:
        raise ValueError("the bootstrap needs at least two actors")
    A = (nx.to_numpy_array(G, nodelist=nodes, weight=None) > 0).astype(float)
    np.fill_diagonal(A, 0.0)

    rng = np.random.default_rng(seed)
    samples = rng.integers(n, size=(n_boot, n))
    fill, offsets = _fill_values(A, samples, directed, rng)

    if isinstance(statistic, str):
        name = statistic
        groups = node_groups(G, attr, Taxonomy({}))[1] if name.startswith("ei_") else None
        estimate = float(
            _batched_statistic(
                name, A[None], groups[None] if groups is not None else None, directed
            )[0]
        )
        batch = max(1, BATCH_ELEMENTS // (n * n))

        def replicate(start, stop):
            T = _boot_networks(
                A, samples[start:stop], fill[offsets[start] : offsets[stop]], directed
            )
            return _batched_statistic(
                name, T, groups[samples[start:stop]] if groups is not None else None, directed
            )
    else:
        name = getattr(statistic, "__name__", "statistic")
        estimate = float(statistic(G))
        batch = 1

        def replicate(start, stop):
            values = []
            for b in range(start, stop):
                T = _boot_networks(
                    A, samples[b : b + 1], fill[offsets[b] : offsets[b + 1]], directed
                )[0]
                values.append(float(statistic(_as_graph(G, nodes, samples[b], T))))
            return np.array(values)

    starts = range(0, n_boot, batch)
    if progress:
        from tqdm.auto import tqdm

        starts = tqdm(starts, desc="bootstrap", unit="batch")
    values = np.concatenate([replicate(s, min(s + batch, n_boot)) for s in starts])
    return _interval(name, estimate, values, n_boot, level, method)


def _as_graph(G: nx.Graph, nodes: list, sample: np.ndarray, T: np.ndarray) -> nx.Graph:
    """A bootstrap network as a graph on ``(actor, copy)`` nodes with the actors' attributes."""
    seen: dict = {}
    labels = []
    for index in sample:
        actor = nodes[index]
        seen[actor] = seen.get(actor, 0) + 1
        labels.append((actor, seen[actor]))
    H = G.__class__()
    H.add_nodes_from((label, dict(G.nodes[label[0]])) for label in labels)
    source, target = np.nonzero(T)
    H.add_edges_from((labels[i], labels[j]) for i, j in zip(source, target))
    return H


def _interval(name, estimate, values, n_boot, level, method) -> BootstrapResult:
    finite = values[np.isfinite(values)]
    alpha = 1 - level
    if finite.size < 2:
        low = high = se = float("nan")
    else:
        se = float(np.std(finite, ddof=1))
        lower, upper = np.quantile(finite, [alpha / 2, 1 - alpha / 2])
        if method == "percentile":
            low, high = lower, upper
        elif method == "basic":
            low, high = 2 * estimate - upper, 2 * estimate - lower
        else:
            z = NormalDist().inv_cdf(1 - alpha / 2)
            low, high = estimate - z * se, estimate + z * se
    return BootstrapResult(
        statistic=name,
        estimate=estimate,
        ci_low=float(low),
        ci_high=float(high),
        se=se,
        n_boot=int(n_boot),
        level=float(level),
        method=method,
        distribution=values,
    )
