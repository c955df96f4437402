"""QAP tests between two networks on the same actors (e.g. two waves).

The QAP (quadratic assignment procedure) test keeps both networks intact and
relabels the actors of one of them at random: the dependence among the ties
of an actor is preserved, so the test is valid for network data where an
ordinary correlation test is not (Krackhardt 1987; Hubert 1987).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from wijknet.core.summary import Summary, key_values, label
from wijknet.inference.permutation import (
    as_matrices,
    check_symmetric,
    default_batch_size,
    dyad_index,
    inverse_permutations,
    map_batches,
    node_permutations,
    permutation_p_values,
    permuted_dyads,
)

TEXTS = {
    "title": {"nl": "QAP-toets", "en": "QAP test"},
    "note": {
        "nl": "p = (1 + aantal permutaties minstens zo extreem) / (1 + permutaties).",
        "en": "p = (1 + permutations at least as extreme) / (1 + permutations).",
    },
}


@dataclass(frozen=True)
class QAPResult:
    """Observed statistic with its QAP p-values.

    Attributes
    ----------
    statistic : float
        The statistic of the observed networks (e.g. the graph correlation).
    p_value, p_greater, p_less : float
        Two-sided and one-sided permutation p-values,
        ``(1 + #as extreme) / (1 + n_permutations)``; NaN without permutations.
    n_permutations : int
    null_distribution : numpy.ndarray
        The statistic under each permutation (not in ``to_frame``).

    Examples
    --------
    A triangle plus a pair in one wave; in the next wave one triangle tie
    is gone and a bridge to the pair is new (undirected, 10 pairs):

    >>> import numpy as np
    >>> A = np.array([[0, 1, 1, 0, 0], [1, 0, 1, 0, 0], [1, 1, 0, 0, 0],
    ...               [0, 0, 0, 0, 1], [0, 0, 0, 1, 0]])
    >>> B = np.array([[0, 1, 1, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 1, 0],
    ...               [0, 0, 1, 0, 1], [0, 0, 0, 1, 0]])
    >>> result = qap_correlation(A, B, n_permutations=999, seed=1, directed=False)
    >>> round(result.statistic, 3), round(result.p_value, 3)
    (0.583, 0.289)
    >>> result.to_frame().columns.tolist()
    ['statistic', 'p_value', 'p_greater', 'p_less', 'n_permutations']
    >>> print(result.summary(lang="en"))
    QAP test
    ========
                   value
    statistic      0.583
    p (two-sided)  0.289
    p (greater)    0.196
    p (less)       1.000
    permutations   999
    -----
    p = (1 + permutations at least as extreme) / (1 + permutations).
    """

    statistic: float
    p_value: float
    p_greater: float
    p_less: float
    n_permutations: int
    null_distribution: np.ndarray = field(repr=False, compare=False)

    def to_frame(self) -> pd.DataFrame:
        """The result as a one-row DataFrame (without the null distribution)."""
        row = asdict(self)
        del row["null_distribution"]
        return pd.DataFrame([row])

    def summary(self, lang: str | None = None) -> Summary:
        """The result as a printable :class:`~wijknet.core.summary.Summary` in Dutch or English."""
        values = self.to_frame().iloc[0].to_dict()
        values["n_permutations"] = self.n_permutations
        return Summary(
            label(TEXTS, "title", lang),
            [("", key_values(values, lang))],
            notes=[label(TEXTS, "note", lang)],
            lang=lang,
        )


def graph_correlation(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Pearson correlation of the dyad vector ``x`` with every row of ``y``.

    ``x`` has shape ``(d,)``, ``y`` shape ``(b, d)``; returns ``b`` values,
    NaN where either vector is constant.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([1.0, 0.0, 1.0, 0.0])
    >>> graph_correlation(x, np.array([[1, 0, 1, 0], [0, 1, 0, 1], [1, 1, 1, 1]])).round(3).tolist()
    [1.0, -1.0, nan]
    """
    x = np.asarray(x, dtype=float)
    y = np.atleast_2d(np.asarray(y, dtype=float))
    d = x.size
    xc = x - x.mean()
    # sum(xc) = 0, so y need not be centred for the cross product; its sum of
    # squares about the mean is sum(y^2) - (sum y)^2 / d (no (b, d) temporaries).
    ss_y = np.einsum("bd,bd->b", y, y) - y.sum(axis=1) ** 2 / d
    denominator = np.sqrt(np.maximum(ss_y, 0.0) * (xc @ xc))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 1e-12 * d, (y @ xc) / denominator, np.nan)


def qap_test(
    statistic: Callable[[np.ndarray, np.ndarray], np.ndarray],
    x,
    y,
    *,
    n_permutations: int = 1000,
    seed=0,
    directed: bool = True,
    weight: str | None = None,
    batch_size: int | None = None,
    n_jobs: int = 1,
    progress: bool = False,
    mapper=None,
) -> QAPResult:
    """QAP permutation test of any vectorised statistic of two networks.

    Parameters
    ----------
    statistic : callable
        ``statistic(x, y)`` with ``x`` the dyad vector of the first network,
        shape ``(d,)``, and ``y`` a stack of dyad vectors of the second,
        shape ``(b, d)``; returns ``b`` values. :func:`graph_correlation` is
        an example.
    x, y : array_like or networkx.Graph
        Two square matrices of the same size, or two graphs on the same node
        set (adjacency in the node order of the first graph).
    n_permutations : int, default 1000
        Random relabellings of the actors of ``y``.
    seed : int or numpy.random.Generator, default 0
        Passed to :func:`numpy.random.default_rng`; the same seed gives the
        same p-values whatever ``batch_size`` and ``n_jobs``.
    directed : bool, default True
        ``True``: the ``n (n - 1)`` off-diagonal dyads; ``False``: the upper
        triangle of symmetric matrices (``ValueError`` otherwise).
    weight : str, optional
        Edge attribute for graph input; ``None`` gives binary ties.
    batch_size : int, optional
        Permutations evaluated at once; default keeps one batch near 16 MB.
    n_jobs : int, default 1
        joblib threads over the batches (-1: all cores).
    progress : bool, default False
        Show a tqdm progress bar.
    mapper : callable, optional
        ``mapper(fn, batches)`` runs the batches elsewhere (a process pool, a
        Dask cluster); see :func:`wijknet.inference.permutation.map_batches`.

    Returns
    -------
    QAPResult
        ``statistic``, ``p_value`` (two-sided), ``p_greater``, ``p_less``,
        ``n_permutations`` and the ``null_distribution``;
        ``.to_frame()`` gives a one-row DataFrame.

    Notes
    -----
    For a random permutation ``pi`` of the actors, ``y`` becomes
    ``y[pi][:, pi]`` while ``x`` is kept; the diagonal never enters. With
    ``R`` permutations and ``k`` of them at least as extreme as the
    observation, ``p = (1 + k) / (1 + R)``: ``p_greater`` counts
    ``s_pi >= s``, ``p_less`` ``s_pi <= s`` and ``p_value``
    ``|s_pi| >= |s|``. R's ``sna::qaptest`` reports ``k / R``, which can be 0,
    and permutes every graph it is given (same null distribution).

    References
    ----------
    Hubert, L. J. (1987). *Assignment Methods in Combinatorial Data
    Analysis*. Marcel Dekker.
    Krackhardt, D. (1987). QAP partialling as a test of spuriousness.
    *Social Networks*, 9(2), 171-186.

    Examples
    --------
    Any vectorised statistic, here the number of shared ties:

    >>> import numpy as np
    >>> A = np.array([[0, 1, 1, 0], [1, 0, 0, 0], [0, 1, 0, 1], [0, 0, 1, 0]])
    >>> shared = lambda x, y: y @ x
    >>> result = qap_test(shared, A, A, n_permutations=199, seed=0)
    >>> result.statistic, round(result.p_greater, 3)
    (6.0, 0.045)
    """
    (xm, ym), _ = as_matrices([x, y], weight=weight)
    check_symmetric([xm, ym], directed)
    rows, cols = dyad_index(xm.shape[0], directed)
    xv = xm[rows, cols]
    observed = float(np.asarray(statistic(xv, ym[rows, cols][None, :]))[0])
    perms = node_permutations(xm.shape[0], n_permutations, seed)
    null = map_batches(
        lambda batch: np.asarray(statistic(xv, permuted_dyads(ym, batch, rows, cols)), dtype=float),
        perms,
        batch_size=batch_size or default_batch_size(n_permutations, rows.size),
        n_jobs=n_jobs,
        progress=progress,
        desc="QAP",
        mapper=mapper,
    )
    return _result(observed, null, n_permutations)


def _result(observed: float, null: np.ndarray, n_permutations: int) -> QAPResult:
    p = (
        permutation_p_values(observed, null)
        if n_permutations
        else dict.fromkeys(("p_greater", "p_less", "p_two_sided"), np.nan)
    )
    return QAPResult(
        statistic=float(observed),
        p_value=float(p["p_two_sided"]),
        p_greater=float(p["p_greater"]),
        p_less=float(p["p_less"]),
        n_permutations=int(n_permutations),
        null_distribution=null,
    )


def qap_correlation(
    x,
    y,
    *,
    n_permutations: int = 1000,
    seed=0,
    directed: bool = True,
    weight: str | None = None,
    batch_size: int | None = None,
    n_jobs: int = 1,
    progress: bool = False,
    mapper=None,
) -> QAPResult:
    """Graph correlation of two networks with its QAP test.

    Parameters
    ----------
    x, y : array_like or networkx.Graph
        Two square matrices of the same size or two graphs on the same node
        set, e.g. one wijk in two waves.
    n_permutations, seed, directed, weight, batch_size, n_jobs, progress, mapper
        As in :func:`qap_test`.

    Returns
    -------
    QAPResult
        ``statistic`` is the graph correlation; p-values as in
        :func:`qap_test`.

    Notes
    -----
    The graph correlation is the Pearson correlation of the dyad values,
    ``r = sum (x_ij - xbar)(y_ij - ybar) / sqrt(sum (x_ij - xbar)^2 sum
    (y_ij - ybar)^2)``, over the ``n (n - 1)`` ordered pairs ``i != j``
    (directed) or the ``n (n - 1) / 2`` pairs ``i < j`` of symmetric
    matrices (undirected), as ``sna::gcor(mode = "digraph" / "graph")``. For
    binary graphs it is the phi coefficient of the two tie indicators; graph
    input is binary unless ``weight`` names an edge attribute. NaN when one
    of the networks is constant (e.g. empty). The diagonal is excluded.

    **Speed.** A relabelling changes only the cross product, so each
    permutation costs one gather over the non-zero dyads of ``y`` (the
    ties, for a binary network) instead of a correlation over all ``n (n -
    1)`` dyads: 1,000 permutations of a 150-actor network take a few
    milliseconds. The null distribution equals that of
    ``qap_test(graph_correlation, ...)`` up to rounding.

    References
    ----------
    Krackhardt, D. (1987). QAP partialling as a test of spuriousness.
    *Social Networks*, 9(2), 171-186.
    Butts, C. T. (2008). Social network analysis with sna. *Journal of
    Statistical Software*, 24(6).

    Examples
    --------
    Two waves of a directed 4-cycle in which one arc changed direction:

    >>> import networkx as nx
    >>> wave_1 = nx.DiGraph([(0, 1), (1, 2), (2, 3), (3, 0)])
    >>> wave_2 = nx.DiGraph([(0, 1), (1, 2), (3, 2), (3, 0)])
    >>> result = qap_correlation(wave_1, wave_2, n_permutations=499, seed=0)
    >>> round(result.statistic, 3), round(result.p_value, 3)
    (0.625, 0.164)
    """
    (xm, ym), _ = as_matrices([x, y], weight=weight)
    check_symmetric([xm, ym], directed)
    n = xm.shape[0]
    rows, cols = dyad_index(n, directed)
    xv, yv = xm[rows, cols], ym[rows, cols]
    observed = float(graph_correlation(xv, yv[None, :])[0])
    # Only the cross product changes under a relabelling pi of y: with xc the
    # centred x (0 on the diagonal; both triangles when undirected),
    # sum_ij xc_ij y[pi_i, pi_j] = sum_ab y_ab xc[inv_a, inv_b], a sum over
    # the non-zero dyads of y alone. Means and sums of squares do not change.
    d = rows.size
    xc = xv - xv.mean()
    yc = yv - yv.mean()
    denominator = np.sqrt(max(float(yc @ yc), 0.0) * float(xc @ xc))
    XC = np.zeros((n, n))
    XC[rows, cols] = xc
    if not directed:
        XC[cols, rows] = xc
    flat_xc = XC.ravel()
    nonzero = np.flatnonzero(yv)
    a, b, values = rows[nonzero], cols[nonzero], yv[nonzero]

    def batch_statistics(batch: np.ndarray) -> np.ndarray:
        inverse = inverse_permutations(batch)
        cross = flat_xc[inverse[:, a] * n + inverse[:, b]] @ values
        if not denominator > 1e-12 * d:
            return np.full(batch.shape[0], np.nan)
        return cross / denominator

    perms = node_permutations(n, n_permutations, seed)
    null = map_batches(
        batch_statistics,
        perms,
        batch_size=batch_size or default_batch_size(n_permutations, max(nonzero.size, 1)),
        n_jobs=n_jobs,
        progress=progress,
        desc="QAP",
        mapper=mapper,
    )
    return _result(observed, null, n_permutations)
