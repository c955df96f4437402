"""Vectorised node-permutation machinery shared by the QAP and MRQAP tests.

A QAP (quadratic assignment procedure) permutation relabels the actors of a
network: a permutation ``pi`` of ``0..n-1`` turns matrix ``M`` into
``M[pi][:, pi]``, which keeps the dependence among the ties of an actor
(Krackhardt 1988). Instead of relabelling graphs one at a time, all
permutations are drawn at once as one ``(n_permutations, n)`` index array
from :func:`numpy.random.default_rng` and applied to the dyads of a matrix by
fancy indexing, a batch of permutations at a time so that memory stays
bounded. The permutations are drawn before the batches are formed, so
results depend only on ``seed``, never on ``batch_size`` or ``n_jobs``.

References
----------
Krackhardt, D. (1988). Predicting with networks: nonparametric multiple
regression analysis of dyadic data. *Social Networks*, 10(4), 359-381.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import networkx as nx
import numpy as np

from wijknet.core.blas import single_threaded_blas

# Elements (float64) of one (batch, n_dyads) array: 2**21 = 16 MB.
BATCH_ELEMENTS = 2**21
# Two statistics closer than this (relative to 1 + |observed|) count as equal.
TOLERANCE = 1e-9


def node_permutations(n: int, n_permutations: int, seed=0) -> np.ndarray:
    """``n_permutations`` random permutations of ``0..n-1``, one per row.

    Parameters
    ----------
    n : int
        Number of actors.
    n_permutations : int
    seed : int or numpy.random.Generator, default 0
        Passed to :func:`numpy.random.default_rng`.

    Returns
    -------
    numpy.ndarray
        Integer array of shape ``(n_permutations, n)``.

    Examples
    --------
    >>> node_permutations(4, 2, seed=0).shape
    (2, 4)
    >>> sorted(node_permutations(4, 1, seed=0)[0].tolist())
    [0, 1, 2, 3]
    """
    if n_permutations < 0:
        raise ValueError(f"n_permutations must be >= 0, not {n_permutations}")
    rng = np.random.default_rng(seed)
    return rng.permuted(np.tile(np.arange(n, dtype=np.intp), (n_permutations, 1)), axis=1)


def dyad_index(n: int, directed: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Row and column positions of the dyads that enter a QAP statistic.

    Directed: every ordered pair ``(i, j)`` with ``i != j`` (row-major order),
    ``n (n - 1)`` dyads. Undirected: the upper triangle ``i < j``,
    ``n (n - 1) / 2`` dyads. The diagonal is always excluded.

    Examples
    --------
    >>> [r.tolist() for r in dyad_index(3)]
    [[0, 0, 1, 1, 2, 2], [1, 2, 0, 2, 0, 1]]
    >>> [r.tolist() for r in dyad_index(3, directed=False)]
    [[0, 0, 1], [1, 2, 2]]
    """
    if directed:
        rows, cols = np.nonzero(~np.eye(n, dtype=bool))
    else:
        rows, cols = np.triu_indices(n, 1)
    return rows.astype(np.intp), cols.astype(np.intp)


def permuted_dyads(
    matrix: np.ndarray, perms: np.ndarray, rows: np.ndarray, cols: np.ndarray, dtype=float
) -> np.ndarray:
    """Dyad values of ``matrix[pi][:, pi]`` for every permutation ``pi`` in ``perms``.

    Returns an array of shape ``(len(perms), len(rows))`` and type ``dtype``
    (float64 by default; float32 halves the memory written): row ``b`` holds
    ``matrix[perms[b, rows], perms[b, cols]]``.

    Each permutation relabels the (small, cache-resident) ``n x n`` matrix
    by two ``take`` calls and then picks the dyads with one shared flat
    index, which is three times faster than building a ``(b, d)`` index
    array; the values are the same.
    """
    n = matrix.shape[0]
    matrix = np.ascontiguousarray(matrix, dtype=dtype)
    flat = rows * n + cols
    out = np.empty((perms.shape[0], rows.size), dtype=dtype)
    for b, perm in enumerate(perms):
        np.take(matrix.take(perm, axis=0).take(perm, axis=1).ravel(), flat, out=out[b])
    return out


def inverse_permutations(perms: np.ndarray) -> np.ndarray:
    """The inverse of every permutation (row) of ``perms``: ``inv[b, perms[b, i]] = i``.

    Examples
    --------
    >>> inverse_permutations(np.array([[2, 0, 1]])).tolist()
    [[1, 2, 0]]
    """
    inverse = np.empty_like(perms)
    np.put_along_axis(
        inverse,
        perms,
        np.broadcast_to(np.arange(perms.shape[1], dtype=perms.dtype), perms.shape),
        1,
    )
    return inverse


def default_batch_size(n_permutations: int, n_dyads: int) -> int:
    """Permutations per batch so that one ``(batch, n_dyads)`` float array stays near 16 MB."""
    return int(max(1, min(max(n_permutations, 1), BATCH_ELEMENTS // max(n_dyads, 1))))


def map_batches(
    fn: Callable[[np.ndarray], np.ndarray],
    perms: np.ndarray,
    *,
    batch_size: int,
    n_jobs: int = 1,
    progress: bool = False,
    desc: str | None = None,
    mapper: Callable | None = None,
) -> np.ndarray:
    """Apply ``fn`` to consecutive batches of rows of ``perms`` and stack the results.

    ``fn`` takes a ``(b, n)`` permutation array and returns an array whose
    first axis has length ``b``. With ``n_jobs != 1`` the batches run in
    joblib threads (NumPy releases the GIL in its heavy loops, and threads
    share the matrices without copying); the order of the results is the
    order of the batches, so the outcome does not depend on ``n_jobs``.
    ``progress=True`` shows a tqdm bar over the batches.

    ``mapper`` hands the batches to another engine: ``mapper(fn, batches)``
    must return the results of ``fn`` on every batch, in the order of
    ``batches`` (for example ``lambda f, b: client.gather(client.map(f, b))``
    for a ``dask.distributed`` client, or ``lambda f, b: list(executor.map(f,
    b))``). All permutations are drawn before the batches are formed, so
    the result depends only on the seed, not on ``batch_size``, ``n_jobs``
    or ``mapper`` (up to the last bits of floating-point sums, which can
    depend on the size of a matrix product; p-values compare with a
    relative tolerance of 1e-9).
    """
    if perms.shape[0] == 0:
        return np.empty((0,))
    batch_size = max(1, int(batch_size))
    batches = [perms[start : start + batch_size] for start in range(0, perms.shape[0], batch_size)]
    if mapper is not None:
        return np.concatenate(list(mapper(fn, batches)), axis=0)
    with single_threaded_blas():
        if n_jobs == 1 or len(batches) == 1:
            results = (fn(batch) for batch in batches)
        else:
            from joblib import Parallel, delayed

            parallel = Parallel(n_jobs=n_jobs, prefer="threads", return_as="generator")
            results = parallel(delayed(fn)(batch) for batch in batches)
        if progress:
            from tqdm.auto import tqdm

            results = tqdm(results, total=len(batches), desc=desc, unit="batch")
        return np.concatenate(list(results), axis=0)


def permutation_p_values(observed, null: np.ndarray) -> dict[str, np.ndarray]:
    """One- and two-sided permutation p-values, ``(1 + #as extreme) / (1 + reps)``.

    Parameters
    ----------
    observed : float or array of shape (k,)
    null : array of shape (reps,) or (reps, k)
        Statistics under the permutations. Non-finite values (e.g. a refit
        that failed) are left out, and ``reps`` counts only the finite ones.

    Returns
    -------
    dict
        ``p_greater`` (``null >= observed``), ``p_less`` (``null <=
        observed``) and ``p_two_sided`` (``|null| >= |observed|``), each of
        the shape of ``observed``. Ties within a relative tolerance of 1e-9
        count as extreme. NaN where ``observed`` is not finite.

    Notes
    -----
    The observed statistic counts as one of the permutations (Davison &
    Hinkley 1997, Phipson & Smyth 2010), so a p-value is never 0 and is at
    least ``1 / (1 + reps)``. R's ``sna`` (``qaptest``, ``netlm``,
    ``netlogit``) reports ``#as extreme / reps`` instead, which can be 0.

    Examples
    --------
    Observed 3 against four permutations 1, 2, 3, 4:

    >>> import numpy as np
    >>> p = permutation_p_values(3.0, np.array([1.0, 2.0, 3.0, 4.0]))
    >>> {k: round(float(v), 3) for k, v in p.items()}
    {'p_greater': 0.6, 'p_less': 0.8, 'p_two_sided': 0.6}
    """
    observed = np.asarray(observed, dtype=float)
    null = np.asarray(null, dtype=float).reshape((null.shape[0],) + observed.shape)
    tol = TOLERANCE * (1 + np.abs(observed))
    finite = np.isfinite(null)
    reps = finite.sum(axis=0)

    def p(extreme):
        value = (1 + np.sum(extreme & finite, axis=0)) / (1 + reps)
        return np.where(np.isfinite(observed), value, np.nan)

    with np.errstate(invalid="ignore"):
        return {
            "p_greater": p(null >= observed - tol),
            "p_less": p(null <= observed + tol),
            "p_two_sided": p(np.abs(null) >= np.abs(observed) - tol),
        }


def as_matrices(
    items: Mapping[str, object] | Sequence[object], *, weight: str | None = None
) -> tuple[list[np.ndarray], list | None]:
    """Square float matrices on one node set from arrays or networkx graphs.

    Graphs are turned into adjacency matrices in the node order of the first
    graph (:func:`networkx.to_numpy_array`; ``weight=None`` gives binary
    0/1 ties, a name gives that edge attribute's values). Every graph must
    have the same node set; arrays (and DataFrames, by position) must have
    the matching shape. Returns the matrices and the node order (``None``
    when no graph was given).
    """
    values = list(items.values()) if isinstance(items, Mapping) else list(items)
    nodelist = None
    for item in values:
        if isinstance(item, nx.Graph):
            nodelist = list(item)
            break
    matrices = []
    for item in values:
        if isinstance(item, nx.Graph):
            if set(item) != set(nodelist) or item.number_of_nodes() != len(nodelist):
                raise ValueError("all graphs must have the same node set")
            matrix = nx.to_numpy_array(item, nodelist=nodelist, weight=weight, dtype=float)
        else:
            matrix = np.array(item, dtype=float)
        if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
            raise ValueError(f"expected a square matrix, got shape {matrix.shape}")
        matrices.append(matrix)
    shapes = {m.shape for m in matrices}
    if len(shapes) > 1:
        raise ValueError(f"matrices must have the same size, got {sorted(shapes)}")
    if matrices and matrices[0].shape[0] < 2:
        raise ValueError("at least two actors are needed")
    return matrices, nodelist


def check_symmetric(matrices: Sequence[np.ndarray], directed: bool) -> None:
    """Undirected analyses use the upper triangle, so every matrix must be symmetric."""
    if directed:
        return
    for matrix in matrices:
        upper = np.triu_indices(matrix.shape[0], 1)
        if not np.allclose(matrix[upper], matrix.T[upper], equal_nan=True):
            raise ValueError(
                "directed=False needs symmetric matrices (undirected graphs); symmetrise first"
            )
