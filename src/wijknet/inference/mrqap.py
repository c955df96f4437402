"""Multiple regression QAP (MRQAP): linear and logistic models for dyadic data.

One network (the response ``y``) is regressed on dyadic covariates (other
networks, "same group" matrices, an earlier wave, the transpose of ``y`` for
reciprocity). The estimates are those of an ordinary (OLS or logistic)
regression over the dyads; the p-values come from QAP permutations, which
respect the dependence among the ties of an actor.

The permutation refits are vectorised: linear models through batched least
squares on precomputed projections, logistic models through Newton (IRLS)
iterations run on a whole batch of permutations at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd
from scipy.special import expit

from wijknet.core.errors import ModelError
from wijknet.core.i18n import text
from wijknet.core.summary import LABELS, Summary, key_values, label, labelled
from wijknet.inference.permutation import (
    as_matrices,
    check_symmetric,
    default_batch_size,
    dyad_index,
    map_batches,
    node_permutations,
    permutation_p_values,
    permuted_dyads,
)

TABLE_COLUMNS = ["term", "estimate", "std_error", "statistic", "p_value", "p_greater", "p_less",
                 "separation"]  # fmt: skip


TEXTS = {
    "title_gaussian": {"nl": "MRQAP: lineaire regressie", "en": "MRQAP: linear regression"},
    "title_binomial": {"nl": "MRQAP: logistische regressie", "en": "MRQAP: logistic regression"},
    "fit": {"nl": "Model", "en": "Model"},
    "coefficients": {"nl": "Coëfficiënten", "en": "Coefficients"},
    "null_dsp": {
        "nl": "p-waarden uit {n} QAP-permutaties, dubbel semi-partieel (Dekker e.a. 2007).",
        "en": "p-values from {n} QAP permutations, double semi-partialling (Dekker et al. 2007).",
    },
    "null_y": {
        "nl": "p-waarden uit {n} QAP-permutaties van de afhankelijke variabele (QAP-Y).",
        "en": "p-values from {n} QAP permutations of the response (QAP-Y).",
    },
    "separation": {
        "nl": "Let op: (quasi-)volledige scheiding bij {terms}: deze termen voorspellen de uitkomst"
        " (bijna) perfect, zodat de schatting naar oneindig gaat; schatting, standaardfout en"
        " p-waarde zeggen daar niets. Laat de term weg of voeg categorieën samen.",
        "en": "Warning: (quasi-)complete separation at {terms}: these terms predict the outcome"
        " (almost) perfectly, so the estimate diverges to infinity; estimate, standard error and"
        " p-value mean nothing there. Leave the term out or merge categories.",
    },
    "separation_column": {"nl": "scheiding", "en": "separation"},
    "not_converged": {
        "nl": "{count} van de permutatie-schattingen convergeerden niet binnen 50 iteraties"
        " (meestal door scheiding in een gepermuteerd model); ze tellen mee met hun laatste waarde.",
        "en": "{count} of the permuted refits did not converge within 50 iterations"
        " (usually separation in a permuted model); they count with their last value.",
    },
}


@dataclass(eq=False)
class MRQAPResult:
    """MRQAP coefficient table, model fit and null distribution.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per term: ``term, estimate, std_error, statistic, p_value,
        p_greater, p_less`` (:data:`TABLE_COLUMNS`).
    fit : dict
        Model fit (``n_dyads``, ``df_residual``, ``r_squared`` ... or
        ``deviance``, ``aic`` ...; see :func:`mrqap`).
    family : str
        ``"gaussian"`` or ``"binomial"``.
    null : str
        The null hypothesis used, ``"dsp"`` or ``"y"``.
    n_permutations : int
    null_distribution : pandas.DataFrame
        The permuted statistics, one column per term.
    model : statsmodels results
        The observed fit.
    not_converged : dict of str to int
        Logistic models: per term, the permuted refits that did not converge
        within 50 Newton iterations (they keep their last iterate); empty
        for linear models.
    statistic : str
        The statistic of the p-values: ``"t"`` (linear), ``"wald"`` (the z of
        logistic refits) or ``"score"`` (:func:`mrqap` with ``statistic="score"``).

    Examples
    --------
    A response made of two covariates plus a little noise, on five actors
    (20 arcs):

    >>> import numpy as np
    >>> x = np.array([[0, 1, 0, 0, 1], [1, 0, 1, 0, 0], [0, 1, 0, 1, 0],
    ...               [0, 0, 1, 0, 1], [1, 0, 0, 1, 0]])
    >>> z = np.array([[0, 0, 1, 0, 0], [0, 0, 0, 1, 1], [1, 0, 0, 0, 0],
    ...               [0, 1, 0, 0, 0], [0, 1, 0, 0, 0]])
    >>> noise = np.array([[0, .1, -.2, .1, 0], [.2, 0, -.1, 0, .1], [0, .1, 0, -.1, .2],
    ...                   [-.1, 0, .1, 0, 0], [.1, -.2, 0, .1, 0]])
    >>> result = mrqap(2 * x + 0.5 * z + noise, {"x": x, "z": z}, n_permutations=99, seed=1)
    >>> result.to_frame()[["term", "estimate", "p_value"]].round(3).to_dict("list")
    {'term': ['intercept', 'x', 'z'], 'estimate': [0.05, 2.0, 0.4], 'p_value': [0.33, 0.01, 0.01]}
    >>> result.null, result.fit["n_dyads"], round(result.fit["r_squared"], 3)
    ('dsp', 20, 0.987)
    >>> print(result.summary(lang="en").as_text().splitlines()[0])
    MRQAP: linear regression
    """

    table: pd.DataFrame
    fit: dict
    family: str
    null: str
    n_permutations: int
    null_distribution: pd.DataFrame = field(repr=False)
    model: object = field(repr=False, default=None)
    not_converged: dict = field(default_factory=dict)
    statistic: str = "t"

    @property
    def separated_terms(self) -> list[str]:
        """The terms marked with (quasi-)complete separation (see :func:`detect_separation`)."""
        return self.table.loc[self.table["separation"], "term"].tolist()

    def notes(self, lang: str | None = None) -> list[str]:
        """Warnings for users: separation of the observed fit, permuted refits that did not converge."""
        notes = []
        if self.separated_terms:
            notes.append(text(TEXTS, "separation", lang, terms=", ".join(self.separated_terms)))
        count = int(sum(self.not_converged.values()))
        if count:
            notes.append(text(TEXTS, "not_converged", lang, count=count))
        return notes

    def to_frame(self) -> pd.DataFrame:
        """The coefficient table (a copy): one row per term, columns :data:`TABLE_COLUMNS`."""
        return self.table.copy()

    def summary(self, lang: str | None = None) -> Summary:
        """Fit and coefficients as a printable :class:`~wijknet.core.summary.Summary`."""
        fit = {"family": self.family, "null": self.null, "statistic": self.statistic,
               "n_permutations": self.n_permutations}  # fmt: skip
        fit.update(self.fit)
        names = labelled(LABELS, TABLE_COLUMNS, lang)
        names["separation"] = label(TEXTS, "separation_column", lang)
        coefficients = self.table.rename(columns=names)
        note = label(TEXTS, f"null_{self.null}", lang).format(n=self.n_permutations)
        return Summary(
            label(TEXTS, f"title_{self.family}", lang),
            [
                (label(TEXTS, "fit", lang), key_values(fit, lang)),
                (label(TEXTS, "coefficients", lang), coefficients),
            ],
            notes=[note, *self.notes(lang)],
            lang=lang,
        )


def same_attribute(G: nx.Graph, attr: str = "domain") -> np.ndarray:
    """Dyadic covariate: 1 where two actors share the value of ``attr``, else 0.

    Rows and columns follow ``G``'s node order (the order :func:`mrqap` uses
    when ``y`` is a graph); the diagonal is 0.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_nodes_from([("a", {"domain": "zorg"}), ("b", {"domain": "zorg"}), ("c", {"domain": "wonen"})])
    >>> same_attribute(G).astype(int).tolist()
    [[0, 1, 0], [1, 0, 0], [0, 0, 0]]
    """
    values = np.array([G.nodes[v].get(attr) for v in G], dtype=object)
    same = (values[:, None] == values[None, :]).astype(float)
    np.fill_diagonal(same, 0.0)
    return same


# --- linear models ----------------------------------------------------------


def _ols_y_null(D: np.ndarray):
    """t-statistics of every coefficient when the response is permuted (qapy)."""
    Q, R = np.linalg.qr(D)
    R_inv = np.linalg.inv(R)
    unscaled = np.sum(R_inv**2, axis=1)  # diag((D'D)^-1)
    df = D.shape[0] - D.shape[1]

    def t_values(Y: np.ndarray) -> np.ndarray:
        C = Y @ Q
        beta = C @ R_inv.T
        rss = np.einsum("bd,bd->b", Y, Y) - np.einsum("bp,bp->b", C, C)
        return beta / np.sqrt(np.maximum(rss, 0.0)[:, None] / df * unscaled)

    return t_values


def _ols_dsp_null(Z: np.ndarray, y: np.ndarray, df: int, residual, rows, cols):
    """For a batch of permutations, t of the last coefficient of ``y ~ Z + r``, ``r`` the permuted residual.

    By Frisch-Waugh-Lovell: with ``M`` the projection off ``Z``,
    ``b = r'My / r'Mr`` and ``RSS = y'My - (r'My)^2 / r'Mr``.
    """
    Q, _ = np.linalg.qr(Z)
    e_y = y - Q @ (Q.T @ y)
    e_yy = e_y @ e_y

    def t_values(batch: np.ndarray) -> np.ndarray:
        Rp = permuted_dyads(residual, batch, rows, cols)
        a = Rp @ e_y
        G = Rp @ Q
        s = np.einsum("bd,bd->b", Rp, Rp) - np.einsum("bq,bq->b", G, G)
        with np.errstate(invalid="ignore", divide="ignore"):
            s = np.where(s > 1e-12 * max(e_yy, 1.0), s, np.nan)
            rss = np.maximum(e_yy - a**2 / s, 0.0)
            return (a / s) / np.sqrt(rss / df / s)

    return t_values


# --- logistic models --------------------------------------------------------

#: Newton iterations of a permuted logistic refit before it counts as not converged.
MAX_ITER = 50


def _solve(H: np.ndarray, g: np.ndarray) -> np.ndarray:
    try:
        return np.linalg.solve(H, g[..., None])[..., 0]
    except np.linalg.LinAlgError:
        return np.stack([np.linalg.lstsq(h, v, rcond=None)[0] for h, v in zip(H, g)])


def logit_newton(
    F: np.ndarray,
    y: np.ndarray,
    V: np.ndarray | None = None,
    *,
    start: np.ndarray | None = None,
    max_iter: int = 50,
    tol: float = 1e-7,
    return_converged: bool = False,
    precision: Literal["double", "single"] = "double",
):
    """Logistic regressions for a batch of data sets by Newton-Raphson (= IRLS).

    Parameters
    ----------
    F : array of shape (d, q)
        Design columns shared by all data sets.
    y : array of shape (d,) or (b, d)
        0/1 responses, shared or one row per data set.
    V : array of shape (b, d), optional
        One extra, last design column per data set.
    start : array of shape (q,) or (b, k), optional
        Starting coefficients: of the columns of ``F``, shared by all data
        sets (default 0; the coefficient of ``V`` starts at 0, a warm start
        at the fit without it), or one full row per data set (to polish
        earlier estimates).
    max_iter : int, default 50
    tol : float, default 1e-7
        A data set stops once its largest Newton step is below
        ``tol * (1 + max |beta|)``. Newton converges quadratically, so the
        estimates are then accurate to far below ``tol``; the standard
        errors, taken at the last iteration as in R's ``glm.fit``, to about
        ``tol``.
    return_converged : bool, default False
        Also return a boolean array saying which data sets converged within
        ``max_iter`` iterations (the others are the last iterate, e.g. under
        separation, where the estimates drift off to infinity).
    precision : {"double", "single"}, default "double"
        ``"single"`` keeps the ``(b, d)`` work arrays (``F``, ``V``, the
        fitted probabilities and weights) in float32, which halves the memory
        traffic that bounds the cost; the products are summed by BLAS in
        float32 (relative error about ``1e-7 sqrt(d)``) and the Newton systems
        are solved in float64. The estimates are then accurate to about
        ``1e-5`` (relative), not to ``tol``: use it with a ``tol`` near
        ``1e-5`` and polish the fits that matter in double precision
        (:func:`_logit_dsp_null` does).

    Returns
    -------
    beta, std_error : arrays of shape (b, k)
        ``k = q`` or ``q + 1``; ``std_error`` is the square root of the
        diagonal of the inverse information ``(X'WX)^-1``. NaN where the
        iterations broke down.
    converged : array of shape (b,) of bool
        Only with ``return_converged=True``.

    Notes
    -----
    All data sets start from the same point, so the first iteration shares
    the weights ``w = mu (1 - mu)`` and costs only a few matrix products (a
    score step). Later iterations update only the data sets that have not
    yet converged, in place on ``(b, d)`` buffers; the information matrices
    ``X'W_b X`` of the block are one matrix product ``W F2`` with ``F2`` the
    ``q (q + 1) / 2`` products of pairs of columns of ``F``, and the
    ``(b, k, k)`` stack of Newton systems is solved at once
    (:func:`numpy.linalg.solve`).

    The fitted probabilities are ``mu = 1 / (1 + exp(-eta))`` with the
    exponential taken in single precision (four times faster than double
    precision, which dominated the cost) and everything else (``eta``, the
    score, the information, the solve) in double precision. The
    rounding of ``exp`` (relative 1e-7, independent from dyad to dyad)
    moves the score by far less than ``tol``: the estimates equal those of
    a double-precision fit to about 1e-8 (checked against statsmodels in
    the tests).
    """
    d, q = F.shape
    shared_y = y.ndim == 1
    b = V.shape[0] if V is not None else (1 if shared_y else y.shape[0])
    k = q + (V is not None)
    work = np.float32 if precision == "single" else np.float64
    beta = np.zeros((b, k))
    own_start = start is not None and np.ndim(start) == 2
    if own_start:
        beta[:] = start
    elif start is not None:
        beta[:, :q] = start
    yF = y @ F  # (q,) or (b, q), in double precision from the 0/1 responses
    yV = (
        V @ y
        if (V is not None and shared_y)
        else (np.einsum("bd,bd->b", V, y) if V is not None else None)
    )
    upper = np.triu_indices(q)
    F2 = (F[:, upper[0]] * F[:, upper[1]]).astype(work, copy=False)  # (d, q (q + 1) / 2)
    Fw = F.astype(work, copy=False)
    neg_FT = np.ascontiguousarray(-Fw.T)
    Vw = None if V is None else V.astype(work, copy=False)

    def information(H, w_F2):
        H[:, upper[0], upper[1]] = w_F2
        H[:, upper[1], upper[0]] = w_F2

    hessian = np.empty((b, k, k))
    if own_start:
        active = np.arange(b)
    else:
        # first iteration from the shared start: shared weights, a few matrix products
        mu0 = expit(F @ beta[0, :q])
        w0 = mu0 * (1.0 - mu0)
        H = hessian
        g = np.empty((b, k))
        information(H[:, :q, :q], w0 @ F2)
        g[:, :q] = yF - mu0 @ F
        if V is not None:
            wv = Vw * w0.astype(work)
            H[:, :q, q] = H[:, q, :q] = wv @ Fw
            H[:, q, q] = np.einsum("bd,bd->b", wv, Vw)
            g[:, q] = yV - Vw @ mu0.astype(work)
            del wv
        step = _solve(H, g)
        beta += step
        active = _still_active(np.arange(b), beta, step, tol)
        max_iter -= 1

    mu_buf = np.empty((b, d), dtype=work)
    w_buf = np.empty((b, d), dtype=work)
    e_buf = np.empty((b, d), dtype=np.float32)
    for _ in range(max_iter):
        m = active.size
        if m == 0:
            break
        everyone = m == b
        Va = None if Vw is None else (Vw if everyone else Vw[active])
        mu, w, e = mu_buf[:m], w_buf[:m], e_buf[:m]
        np.matmul(beta[active, :q].astype(work), neg_FT, out=mu)  # -eta of the columns of F
        if Va is not None:
            np.multiply(Va, -beta[active, q:].astype(work), out=w)
            np.add(mu, w, out=e, casting="same_kind")
        else:
            np.copyto(e, mu, casting="same_kind")
        with np.errstate(over="ignore"):
            np.exp(e, out=e)  # exp(-eta), single precision
        np.add(e, 1.0, out=mu, dtype=work)
        np.reciprocal(mu, out=mu)  # mu = 1 / (1 + exp(-eta))
        np.multiply(mu, mu, out=w)
        np.subtract(mu, w, out=w)  # w = mu (1 - mu)
        H = np.empty((m, k, k))
        g = np.empty((m, k))
        information(H[:, :q, :q], w @ F2)
        g[:, :q] = (yF if shared_y else yF[active]) - mu @ Fw
        if Va is not None:
            g[:, q] = (yV if everyone else yV[active]) - np.einsum("bd,bd->b", mu, Va)
            np.multiply(w, Va, out=w)  # w V
            H[:, :q, q] = H[:, q, :q] = w @ Fw
            H[:, q, q] = np.einsum("bd,bd->b", w, Va)
        step = _solve(H, g)
        beta[active] += step
        hessian[active] = H
        active = _still_active(active, beta, step, tol)
    with np.errstate(invalid="ignore"):
        try:
            covariance = np.linalg.inv(hessian)
        except np.linalg.LinAlgError:
            covariance = np.stack([np.linalg.pinv(h) for h in hessian])
        se = np.sqrt(np.diagonal(covariance, axis1=1, axis2=2))
    if not return_converged:
        return beta, se
    converged = np.ones(b, dtype=bool)
    converged[active] = False
    return beta, se, converged


def _still_active(active: np.ndarray, beta: np.ndarray, step: np.ndarray, tol: float) -> np.ndarray:
    """Rows of ``active`` whose last Newton step was not yet small; broken rows become NaN."""
    size = np.max(np.abs(step), axis=1)
    broken = ~np.isfinite(size)
    beta[active[broken]] = np.nan
    with np.errstate(invalid="ignore"):
        done = broken | (size <= tol * (1.0 + np.max(np.abs(beta[active]), axis=1)))
    return active[~done]


#: Stopping rule of the single-precision bulk of the permutation refits
#: (relative Newton step); float32 sums put the estimates' noise near 1e-6.
SINGLE_TOL = 1e-5
#: Refits whose statistic is this close (relative to ``1 + |observed|``) to
#: ``+-observed`` are refitted in double precision: far above the float32
#: error (about 1e-6, checked in the tests), so every comparison that decides
#: a p-value is made with double-precision statistics.
BORDER = 1e-3


def _z_values(F, y, V, start, observed, terms, exact_V=None) -> np.ndarray:
    """The z of the coefficients ``terms`` of a batch of logistic refits, plus a last column: converged (1/0).

    The bulk is fitted in single precision (:func:`logit_newton` with
    ``precision="single"``, about twice as fast); the refits that can change a
    p-value are then fitted in double precision to ``tol = 1e-7`` as before:
    those whose z is within :data:`BORDER` of ``+-observed`` (polished from
    their single-precision estimates) and those that did not converge or broke
    down (refitted from ``start``, so that non-convergence is judged exactly as
    in double precision). The p-values therefore equal those of refits in double
    precision throughout; the other null statistics are accurate to about 1e-5.
    ``V`` may be float32 (half the memory traffic); ``exact_V(rows)`` then gives
    those rows in double precision for the refits.
    """
    observed = np.asarray(observed, dtype=float)

    def z_of(beta, se):
        # A degenerate refit (zero standard error) gives an infinite z, which
        # counts as extreme and so keeps the test conservative.
        with np.errstate(divide="ignore", invalid="ignore"):
            return beta[:, terms] / se[:, terms]

    beta, se, converged = logit_newton(
        F, y, V, start=start, max_iter=MAX_ITER, tol=SINGLE_TOL, return_converged=True,
        precision="single",
    )  # fmt: skip
    z = z_of(beta, se)
    with np.errstate(invalid="ignore"):
        gap = np.minimum(np.abs(z - observed), np.abs(z + observed))
        near = np.any(gap <= BORDER * (1.0 + np.abs(observed)), axis=1)
    redo = ~converged | ~np.all(np.isfinite(z), axis=1)
    for rows, own_start in ((near & ~redo, True), (redo, False)):
        if not rows.any():
            continue
        beta2, se2, converged[rows] = logit_newton(
            F,
            y if y.ndim == 1 else y[rows],
            None if V is None else (V[rows] if exact_V is None else exact_V(rows)),
            start=beta[rows] if own_start else start,
            max_iter=MAX_ITER,
            return_converged=True,
        )
        z[rows] = z_of(beta2, se2)
    return np.column_stack([z, converged])


def _logit_y_null(D: np.ndarray, start: np.ndarray, observed: np.ndarray):
    """The z of every coefficient for a stack of permuted responses, plus a last column: converged (1/0)."""
    terms = np.arange(D.shape[1])
    return lambda Y: _z_values(D, Y, None, start, observed, terms)


def _logit_dsp_null(Z: np.ndarray, y: np.ndarray, observed: float, residual, rows, cols):
    """For a batch of permutations, columns: z of the permuted residual, converged (1/0)."""
    # Warm start: the fit of y on Z, with 0 for the permuted residual.
    start, _ = logit_newton(Z, y)
    terms = np.array([Z.shape[1]])

    def z_values(batch: np.ndarray) -> np.ndarray:
        V = permuted_dyads(residual, batch, rows, cols, dtype=np.float32)
        return _z_values(Z, y, V, start[0], observed, terms,
                         exact_V=lambda r: permuted_dyads(residual, batch[r], rows, cols))  # fmt: skip

    return z_values


def _logit_dsp_scores(D: np.ndarray, y: np.ndarray, residuals: np.ndarray, rows, cols):
    """Efficient score statistics of every term's permuted residual (DSP, ``statistic="score"``).

    For term ``k`` with the other columns ``Z``: the fit of ``y`` on ``Z`` (the
    same for every permutation) gives fitted probabilities ``mu`` and weights
    ``w = mu (1 - mu)``; for a permuted residual ``r``, ``U = r'(y - mu)``,
    ``I = r'Wr - c'(Z'WZ)^-1 c`` with ``c = Z'Wr``, and the statistic is
    ``U / sqrt(I)``. ``U`` and ``c`` come from one matrix product of the
    permuted residuals with ``[y - mu, WZ]`` and ``r'Wr`` from one of their
    squares with ``w``, so a permutation costs one gather and a few passes
    over the ``n x n`` entries per term, and no refit.

    Parameters
    ----------
    D : array of shape (d, p)
    y : array of shape (d,)
    residuals : array of shape (p, n, n)
        Term ``k``'s OLS residual on the other columns, as a matrix.

    Returns
    -------
    observed : array of shape (p,)
        The statistics of the unpermuted residuals.
    scores : callable
        ``scores(batch)`` gives the ``(b, p)`` statistics of a batch of
        permutations. They are computed in single precision (half the memory
        traffic, which bounds the cost) and those within :data:`BORDER` of
        ``+-observed`` again in double precision, so every comparison that
        decides a p-value is made in double precision.
    """
    n = residuals.shape[1]
    p = D.shape[1]
    dyads = rows * n + cols

    def on_matrix(values: np.ndarray) -> np.ndarray:
        # dyad values spread over the n * n entries, 0 elsewhere: the diagonal
        # (and, undirected, the lower triangle) then drop out of every product
        full = np.zeros((n * n,) + values.shape[1:])
        full[dyads] = values
        return full

    terms = []
    for k in range(p):
        Z = np.delete(D, k, axis=1)
        beta = logit_newton(Z, y)[0][0]
        for _ in range(2):  # polish in double precision (logit_newton's exp is single)
            mu = expit(Z @ beta)
            H = Z.T @ ((mu * (1.0 - mu))[:, None] * Z)
            beta = beta + np.linalg.lstsq(H, Z.T @ (y - mu), rcond=None)[0]
        mu = expit(Z @ beta)
        w = mu * (1.0 - mu)
        F = np.column_stack([y - mu, w[:, None] * Z])  # (d, p): U and c in one product
        info_inv = np.linalg.pinv(Z.T @ F[:, 1:])
        terms.append((on_matrix(F), on_matrix(w), info_inv))
    single = [(F.astype(np.float32), w.astype(np.float32)) for F, w, _ in terms]
    flat = residuals.reshape(p, n * n)
    flat32 = flat.astype(np.float32)

    def statistic(k: int, values: np.ndarray, F: np.ndarray, w: np.ndarray) -> np.ndarray:
        G = values @ F
        information = (values * values) @ w
        information = information - np.einsum("bq,qr,br->b", G[:, 1:], terms[k][2], G[:, 1:])
        with np.errstate(divide="ignore", invalid="ignore"):
            return G[:, 0] / np.sqrt(np.where(information > 0, information, np.nan))

    observed = np.array([statistic(k, flat[k][None, :], *terms[k][:2])[0] for k in range(p)])

    def scores(batch: np.ndarray) -> np.ndarray:
        # entry [pi_i, pi_j] of the residual matrix for every (i, j) and permutation
        index = (batch[:, :, None] * n + batch[:, None, :]).reshape(batch.shape[0], n * n)
        out = np.empty((batch.shape[0], p))
        for k in range(p):
            out[:, k] = statistic(k, flat32[k][index], *single[k])
        with np.errstate(invalid="ignore"):
            gap = np.minimum(np.abs(out - observed), np.abs(out + observed))
            near = (gap <= BORDER * (1.0 + np.abs(observed))) | ~np.isfinite(out)
        for k in np.flatnonzero(near.any(axis=0)):
            out[near[:, k], k] = statistic(k, flat[k][index[near[:, k]]], *terms[k][:2])
        return out

    return observed, scores


# --- separation -------------------------------------------------------------

#: Fitted probabilities closer than this to 0 or 1 trigger the linear program.
SEPARATION_PROBABILITY = 1e-8


def detect_separation(
    D: np.ndarray, y: np.ndarray, mu: np.ndarray | None = None, beta: np.ndarray | None = None
) -> np.ndarray:
    """Which coefficients of a logistic regression have no finite maximum-likelihood estimate.

    Parameters
    ----------
    D : array of shape (d, p)
        The design (intercept column included).
    y : array of shape (d,)
        0/1 responses.
    mu : array of shape (d,), optional
        Fitted probabilities of a fit. When given and none is within
        :data:`SEPARATION_PROBABILITY` (1e-8) of 0 or 1, there is no
        separation and the linear program is skipped: under separation the
        fitted probabilities of the separated dyads go to 0 or 1 as the
        estimate diverges.
    beta : array of shape (p,), optional
        Estimates of that fit. When given, only terms of the separating
        direction whose estimate is large, ``|b_k| max_i |x_ik| > 10`` (a
        change of more than 10 in the log-odds over the covariate's range,
        an odds ratio beyond 20,000), are marked: the others stay finite.

    Returns
    -------
    numpy.ndarray of bool, shape (p,)
        ``True`` for the terms whose estimate diverges.

    Notes
    -----
    The data are (quasi-)completely separated when a direction ``delta != 0``
    has ``x_i' delta >= 0`` for every dyad with ``y_i = 1`` and ``<= 0`` for
    every dyad with ``y_i = 0`` (Albert & Anderson 1984): the likelihood then
    keeps growing along ``delta`` and the estimate runs off to infinity
    (R's ``glm`` only warns that "fitted probabilities numerically 0 or 1
    occurred"). The rule is the linear program of Konis (2007), as in the R
    packages ``safeBinaryRegression`` and ``detectseparation``: with ``s_i =
    2 y_i - 1`` and columns scaled to a largest absolute value of 1, term
    ``k`` takes part in a separating direction when ``delta_k`` can be made
    positive or negative (maximise ``+-delta_k``) subject to ``s_i x_i'
    delta >= 0`` and ``-1 <= delta_k <= 1`` (HiGHS,
    :func:`scipy.optimize.linprog`; the design has full rank, so any
    feasible ``delta != 0`` separates). Terms with an optimum above 1e-7
    (and, with ``beta``, a large estimate) are marked. ``delta = 0`` is
    always feasible, so the programs never fail for lack of a solution.

    References
    ----------
    Albert, A., & Anderson, J. A. (1984). On the existence of maximum
    likelihood estimates in logistic regression models. *Biometrika*,
    71(1), 1-10.
    Konis, K. (2007). *Linear programming algorithms for detecting separated
    data in binary logistic regression models* (DPhil thesis, University of
    Oxford).

    Examples
    --------
    A covariate that is 1 exactly where a tie exists separates completely;
    once two dyads disagree, the estimate is finite:

    >>> import numpy as np
    >>> x = np.array([0., 0., 0., 1., 1., 1.])
    >>> D = np.column_stack([np.ones(6), x, [0.3, 0.1, 0.5, 0.2, 0.4, 0.6]])
    >>> detect_separation(D, x).tolist()  # the linear programs alone
    [True, True, True]
    >>> detect_separation(D, x, beta=[-31.6, 63.1, 0.0]).tolist()  # with a fit's estimates
    [True, True, False]
    >>> detect_separation(D, np.array([0., 1., 0., 1., 0., 1.])).tolist()
    [False, False, False]
    """
    D = np.asarray(D, dtype=float)
    y = np.asarray(y, dtype=float)
    p = D.shape[1]
    if mu is not None:
        mu = np.asarray(mu, dtype=float)
        if np.all((mu > SEPARATION_PROBABILITY) & (mu < 1 - SEPARATION_PROBABILITY)):
            return np.zeros(p, dtype=bool)
    from scipy.optimize import linprog

    scale = np.max(np.abs(D), axis=0)
    scale[scale == 0] = 1.0
    A = (2 * y - 1)[:, None] * (D / scale)
    # unique rows: the same constraint many times only slows the solver
    A = np.unique(np.round(A, 12), axis=0)
    marked = np.zeros(p, dtype=bool)
    for k in range(p):
        for sign in (1.0, -1.0):
            c = np.zeros(p)
            c[k] = -sign  # maximise sign * delta_k
            solution = linprog(
                c, A_ub=-A, b_ub=np.zeros(A.shape[0]), bounds=[(-1, 1)] * p, method="highs"
            )
            if solution.status == 0 and -solution.fun > 1e-7:
                marked[k] = True
                break
    if beta is not None:
        marked &= np.abs(np.asarray(beta, dtype=float)) * scale > 10
    return marked


# --- observed fit -----------------------------------------------------------


def _observed_fit(y: np.ndarray, D: np.ndarray, family: str, intercept: bool):
    from statsmodels.genmod.families import Binomial
    from statsmodels.genmod.generalized_linear_model import GLM
    from statsmodels.regression.linear_model import OLS

    n, p = D.shape
    if family == "gaussian":
        model = OLS(y, D, hasconst=intercept).fit()
        fit = {
            "n_dyads": n,
            "df_residual": n - p,
            "r_squared": float(model.rsquared),
            "adj_r_squared": float(model.rsquared_adj),
            "residual_std_error": float(np.sqrt(model.scale)),
        }
        return model, model.tvalues, fit
    import warnings

    with warnings.catch_warnings():
        # separation is detected and reported by detect_separation
        warnings.filterwarnings("ignore", message=".*[Ss]eparation.*")
        warnings.filterwarnings("ignore", category=RuntimeWarning)
        model = GLM(y, D, family=Binomial()).fit(tol=1e-12, maxiter=100)
    null_deviance = float(model.null_deviance)
    deviance = float(model.deviance)
    fit = {
        "n_dyads": n,
        "df_residual": n - p,
        "deviance": deviance,
        "null_deviance": null_deviance,
        "aic": float(model.aic),
        "bic": float(deviance + p * np.log(n)),
        "pseudo_r_squared": 1 - deviance / null_deviance if null_deviance > 0 else float("nan"),
    }
    return model, model.params / model.bse, fit


def _dsp_residuals(D: np.ndarray, n: int, rows, cols, directed: bool) -> np.ndarray:
    """Each column's OLS residual on the other columns, as ``(p, n, n)`` matrices (zero diagonal)."""
    p = D.shape[1]
    residuals = np.zeros((p, n, n))
    for k in range(p):
        Z = np.delete(D, k, axis=1)
        coef, *_ = np.linalg.lstsq(Z, D[:, k], rcond=None)
        residuals[k][rows, cols] = D[:, k] - Z @ coef
        if not directed:
            residuals[k][cols, rows] = residuals[k][rows, cols]
    return residuals


def mrqap(
    y,
    X: Mapping[str, object],
    *,
    family: Literal["gaussian", "binomial"] = "gaussian",
    null: Literal["dsp", "y"] = "dsp",
    statistic: Literal["wald", "score"] = "wald",
    n_permutations: int = 1000,
    seed=0,
    directed: bool = True,
    intercept: bool = True,
    weight: str | None = None,
    batch_size: int | None = None,
    n_jobs: int = 1,
    progress: bool = False,
    mapper=None,
) -> MRQAPResult:
    """Multiple regression QAP (linear or logistic) with DSP or y-permutation p-values.

    Parameters
    ----------
    y : array_like or networkx.Graph
        Response network, ``n x n``. ``family="binomial"`` needs 0/1 values.
    X : dict of str to array_like or networkx.Graph
        Named dyadic covariates on the same actors (graphs in the node order
        of the first graph among ``y`` and ``X``), e.g.
        ``{"same_domain": same_attribute(G), "wave_2025": G_2025,
        "reciprocity": A.T}``.
    family : {"gaussian", "binomial"}, default "gaussian"
        Linear regression (OLS) or logistic regression.
    null : {"dsp", "y"}, default "dsp"
        Double semi-partialling (Dekker, Krackhardt & Snijders 2007) or
        permutation of ``y`` (QAP-Y).
    statistic : {"wald", "score"}, default "wald"
        Test statistic of logistic DSP: ``"wald"`` refits the model for every
        permutation and takes the z of the permuted residual (as
        ``sna::netlogit``); ``"score"`` takes the efficient score statistic
        of the permuted residual at the fit without it, which needs no refit
        (see Notes). Linear models, ``null="y"`` and ``n_permutations=0``
        use the t or Wald z.
    n_permutations : int, default 1000
    seed : int or numpy.random.Generator, default 0
        Passed to :func:`numpy.random.default_rng`; results do not depend on
        ``batch_size`` or ``n_jobs``.
    directed : bool, default True
        ``True``: the ``n (n - 1)`` ordered pairs; ``False``: the
        ``n (n - 1) / 2`` pairs ``i < j`` of symmetric matrices.
    intercept : bool, default True
        Add a constant term, reported as ``"intercept"``.
    weight : str, optional
        Edge attribute for graph input; ``None`` gives binary ties.
    batch_size : int, optional
        Permutations refitted at once (default: about 16 MB per array).
    n_jobs : int, default 1
        joblib threads over batches.
    progress : bool, default False
        Show tqdm progress bars.
    mapper : callable, optional
        ``mapper(fn, batches)`` runs the permutation batches elsewhere (a
        process pool, a Dask cluster) and returns their results in order;
        see :func:`wijknet.inference.permutation.map_batches`. Results equal
        those of a local run for the same ``seed``.

    Returns
    -------
    MRQAPResult
        ``.table``: tidy DataFrame with one row per term (``intercept``
        first) and ``term``, ``estimate``, ``std_error``, ``statistic``
        (t for linear, z for logistic models; with ``statistic="score"`` the
        score statistic the p-values refer to), ``p_value`` (two-sided),
        ``p_greater``, ``p_less`` and ``separation`` (logistic: ``True``
        where the estimate diverges because of (quasi-)complete separation,
        :func:`detect_separation`; the summary and :meth:`MRQAPResult.notes`
        then warn; always ``False`` for linear models). ``.fit``: dict with ``n_dyads``,
        ``df_residual`` and ``r_squared``, ``adj_r_squared``,
        ``residual_std_error`` (linear) or ``deviance``, ``null_deviance``
        (of the intercept-only model; ``sna::netlogit`` reports that of
        p = 1/2 for every dyad instead), ``aic``, ``bic`` (``deviance + k log
        n``, as ``sna::netlogit``) and ``pseudo_r_squared`` (McFadden,
        ``1 - deviance / null_deviance``) (logistic). ``.null``: the null hypothesis used, ``.null_distribution``:
        the permuted statistics (one column per term), ``.model``: the
        statsmodels results of the observed fit, ``.statistic``: ``"t"``,
        ``"wald"`` or ``"score"``.

    Notes
    -----
    **Model.** Each dyad ``(i, j)``, ``i != j`` (undirected: ``i < j``) is
    one observation: ``y_ij = b_0 + sum_k b_k x_kij + e_ij`` (OLS,
    ``statsmodels.OLS``) or ``logit P(y_ij = 1) = b_0 + sum_k b_k x_kij``
    (maximum likelihood, ``statsmodels.GLM`` with ``Binomial``). Estimates,
    standard errors and t/z statistics are the usual ones; they equal R's
    ``sna::netlm`` and ``sna::netlogit``. The diagonal is excluded.

    **Test statistic.** The p-values refer to the t (linear) or z (logistic)
    statistic ``b_k / se(b_k)``, which is pivotal and so more robust than the
    coefficient itself under collinearity (Dekker et al. 2007).

    **Null hypotheses.** ``null="y"`` relabels the actors of ``y``
    (``y[pi][:, pi]``) and refits the whole model, one null distribution for
    all terms at once (``sna``'s ``nullhyp = "qapy"``). ``null="dsp"``, for
    each term ``k`` in turn (the intercept included): regress ``x_k`` on
    all other columns by OLS, relabel the actors of the residual matrix
    ``e_k``, refit ``y`` on the other columns plus the permuted residual and
    record the statistic of the latter (``nullhyp = "qapspp"``, the default
    ``"qap"`` of ``sna``). As in ``sna``, when the design has a single column
    (one covariate and ``intercept=False``, or only the intercept) DSP falls
    back to ``null="y"``, and ``.null`` says so. With an intercept and one
    covariate DSP is run, but for the covariate it is exactly y-permutation
    (the t of ``y`` on ``pi(e_k)`` equals that of ``pi^-1(y)`` on ``e_k``);
    only the intercept's test differs. The same random permutations are used
    for every term.

    **p-values.** ``p = (1 + k) / (1 + R)`` with ``k`` the number of the
    ``R`` permutations at least as extreme (two-sided: in absolute value);
    ``sna`` reports ``k / R``, which can be 0. Permutations whose logistic
    refit breaks down (NaN) are left out of ``R``.

    **Speed.** Linear refits use one projection per term: with ``Q`` an
    orthonormal basis of the fixed columns, the permuted statistics follow
    from ``r'My``, ``r'Q`` and ``r'r`` for a whole batch of permuted vectors
    ``r`` by matrix products. Logistic refits run Newton iterations on all
    permutations of a batch at once, warm-started at the fit without the
    permuted column (DSP) or at the intercept-only fit (y-permutation),
    iterating only the refits not yet converged (:func:`logit_newton`). The
    bulk runs in single precision to a relative step of ``1e-5``; refits
    whose z lies within ``1e-3`` of the observed ``+-z`` (the only ones that
    can change a p-value), and those that did not converge, are refitted in
    double precision to ``1e-7`` (:func:`_z_values`). The p-values are
    therefore those of double-precision refits; the other permuted z values
    are accurate to about ``1e-5``, far below Monte Carlo error. Figures against ``sna`` and the
    previous implementation: ``benchmarks/bench_inference.py`` and
    ``docs/benchmarks.md``.

    **Score statistic.** With ``statistic="score"`` (logistic DSP) the
    statistic of term ``k`` is Rao's efficient score statistic for adding the
    (permuted) residual ``r`` to the fit of ``y`` on the other columns ``Z``:
    ``U / sqrt(I)`` with ``U = r'(y - mu)`` and ``I = r'Wr - r'WZ (Z'WZ)^-1
    Z'Wr``, ``mu`` the fitted probabilities of that fit and ``W`` their
    weights ``mu (1 - mu)``. Residual permutation with a likelihood-based
    statistic is the permutation test for logistic regression of Potter
    (2005), who uses the likelihood ratio; the score statistic is
    asymptotically equivalent to it and to the Wald z (Rao 1948) and needs
    only the one fit of ``y`` on ``Z``, whatever the permutation, so a
    permutation costs a few matrix products instead of a Newton refit (about
    50 times less). It is also defined where the Wald z is not: under
    (quasi-)complete separation of the full model the estimate diverges and
    its z tends to 0 (Hauck & Donner 1977), while the score statistic stays
    finite and its p-value keeps its meaning. Estimates and standard errors
    are those of the full fit either way; the observed statistic is the
    score statistic of ``x_k`` itself (which equals that of its residual,
    as ``Z'(y - mu) = 0``).

    **Separation.** Logistic fits are checked for (quasi-)complete
    separation (:func:`detect_separation`); a marked term has a diverging
    estimate and a meaningless standard error and p-value, and the summary
    warns. Permuted refits that did not converge within :data:`MAX_ITER`
    iterations are counted in ``.not_converged``.

    References
    ----------
    Dekker, D., Krackhardt, D., & Snijders, T. A. B. (2007). Sensitivity of
    MRQAP tests to collinearity and autocorrelation conditions.
    *Psychometrika*, 72(4), 563-581.
    Krackhardt, D. (1988). Predicting with networks: nonparametric multiple
    regression analysis of dyadic data. *Social Networks*, 10(4), 359-381.
    Butts, C. T. (2008). Social network analysis with sna. *Journal of
    Statistical Software*, 24(6).
    Potter, D. M. (2005). A permutation test for inference in logistic
    regression with small- and moderate-sized data sets. *Statistics in
    Medicine*, 24(5), 693-708.
    Rao, C. R. (1948). Large sample tests of statistical hypotheses
    concerning several parameters with applications to problems of
    estimation. *Mathematical Proceedings of the Cambridge Philosophical
    Society*, 44(1), 50-57.
    Hauck, W. W., & Donner, A. (1977). Wald's test as applied to hypotheses
    in logit analysis. *Journal of the American Statistical Association*,
    72(360), 851-853.

    Examples
    --------
    Is a tie in the later wave explained by the tie before and by sharing a
    domain? A logistic MRQAP on a seeded random network of 12 actors:

    >>> import networkx as nx
    >>> import numpy as np
    >>> before = nx.gnp_random_graph(12, 0.3, seed=1, directed=True)
    >>> nx.set_node_attributes(before, {v: "zorg" if v < 6 else "wonen" for v in before}, "domain")
    >>> rng = np.random.default_rng(2)
    >>> A = nx.to_numpy_array(before, weight=None)
    >>> after = ((A + (rng.random(A.shape) < 0.15)) * (rng.random(A.shape) > 0.2) > 0).astype(float)
    >>> np.fill_diagonal(after, 0)
    >>> result = mrqap(after, {"before": A, "same_domain": same_attribute(before)},
    ...                family="binomial", n_permutations=199, seed=0)
    >>> result.table[["term", "estimate", "p_value"]].round(3).to_dict("list")
    {'term': ['intercept', 'before', 'same_domain'], 'estimate': [-1.654, 3.355, 0.011], 'p_value': [0.005, 0.005, 1.0]}

    Ties last (``before``), domain makes no difference; the smallest
    p-value with 199 permutations is 1 / 200.
    """
    if family not in ("gaussian", "binomial"):
        raise ValueError(f"family must be 'gaussian' or 'binomial', not {family!r}")
    if null not in ("dsp", "y"):
        raise ValueError(f"null must be 'dsp' or 'y', not {null!r}")
    if statistic not in ("wald", "score"):
        raise ValueError(f"statistic must be 'wald' or 'score', not {statistic!r}")
    if n_permutations < 0:
        raise ValueError(f"n_permutations must be >= 0, not {n_permutations}")
    X = dict(X)
    names = (["intercept"] if intercept else []) + [str(name) for name in X]
    if len(set(names)) != len(names):
        raise ValueError(f"term names must be unique: {names}")
    if not names:
        raise ValueError("the model needs at least one term")
    matrices, _ = as_matrices([y, *X.values()], weight=weight)
    check_symmetric(matrices, directed)
    n = matrices[0].shape[0]
    rows, cols = dyad_index(n, directed)
    yv = matrices[0][rows, cols]
    columns = ([np.ones(rows.size)] if intercept else []) + [m[rows, cols] for m in matrices[1:]]
    D = np.column_stack(columns)
    if not (np.all(np.isfinite(yv)) and np.all(np.isfinite(D))):
        raise ValueError("missing values (NaN) in y or X: handle them first")
    if family == "binomial" and not np.all((yv == 0) | (yv == 1)):
        raise ValueError("family='binomial' needs a 0/1 response")
    if family == "binomial" and yv.min() == yv.max():
        raise ModelError("no_variation_y")  # family='binomial' needs both ties and non-ties in y
    p = D.shape[1]
    if np.linalg.matrix_rank(D) < p:
        raise ValueError("the covariates are collinear (design matrix not of full rank)")
    if rows.size <= p:
        raise ValueError("more terms than dyads")

    model, observed, fit = _observed_fit(yv, D, family, intercept)
    estimate = np.asarray(model.params, dtype=float)
    std_error = np.asarray(model.bse, dtype=float)
    observed = np.asarray(observed, dtype=float)

    used = "y" if (null == "y" or p == 1) else "dsp"
    logistic = family == "binomial"
    # without permutations there is no test: the table keeps the Wald z (and no null fits run)
    score = logistic and used == "dsp" and statistic == "score" and n_permutations > 0
    perms = node_permutations(n, n_permutations, seed)
    options = dict(
        batch_size=batch_size or default_batch_size(n_permutations, rows.size),
        n_jobs=n_jobs,
        progress=progress,
        mapper=mapper,
    )
    not_converged = dict.fromkeys(names, 0) if logistic else {}
    if used == "dsp" and n_permutations:
        residuals = _dsp_residuals(D, n, rows, cols, directed)
    if score:
        observed, scores = _logit_dsp_scores(D, yv, residuals, rows, cols)
    if n_permutations == 0:
        null_stats = np.empty((0, p))
    elif score:
        null_stats = map_batches(scores, perms, desc="MRQAP (DSP, score)", **options)
    elif used == "y":
        if family == "gaussian":
            refit = _ols_y_null(D)
        else:
            start = np.zeros(p)
            if intercept:
                start[0] = np.log(yv.mean() / (1 - yv.mean()))
            refit = _logit_y_null(D, start, observed)
        null_stats = map_batches(
            lambda batch: refit(permuted_dyads(matrices[0], batch, rows, cols)),
            perms,
            desc="MRQAP (y)",
            **options,
        )
        if logistic:
            failed = int(np.sum(null_stats[:, -1] == 0))
            not_converged = dict.fromkeys(names, failed)
            null_stats = null_stats[:, :-1]
    else:
        null_stats = np.empty((n_permutations, p))
        for k in range(p):
            Z = np.delete(D, k, axis=1)
            refit = (
                _ols_dsp_null(Z, yv, rows.size - p, residuals[k], rows, cols)
                if family == "gaussian"
                else _logit_dsp_null(Z, yv, observed[k], residuals[k], rows, cols)
            )
            stats = map_batches(
                refit,
                perms,
                desc=f"MRQAP (DSP {names[k]})",
                **options,
            )
            if logistic:
                not_converged[names[k]] = int(np.sum(stats[:, 1] == 0))
                stats = stats[:, 0]
            null_stats[:, k] = stats

    if n_permutations:
        pv = permutation_p_values(observed, null_stats)
    else:
        pv = dict.fromkeys(("p_greater", "p_less", "p_two_sided"), np.full(p, np.nan))
    separation = (
        detect_separation(D, yv, np.asarray(model.fittedvalues, dtype=float), estimate)
        if logistic
        else np.zeros(p, dtype=bool)
    )
    table = pd.DataFrame(
        {
            "term": pd.Series(names, dtype=object),
            "estimate": estimate,
            "std_error": std_error,
            "statistic": observed,
            "p_value": pv["p_two_sided"],
            "p_greater": pv["p_greater"],
            "p_less": pv["p_less"],
            "separation": separation,
        }
    )
    return MRQAPResult(
        table=table,
        fit=fit,
        family=family,
        null=used,
        n_permutations=int(n_permutations),
        null_distribution=pd.DataFrame(null_stats, columns=names),
        model=model,
        not_converged=not_converged,
        statistic="score" if score else ("wald" if logistic else "t"),
    )
