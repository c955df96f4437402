"""Random-effects meta-analysis of per-wijk estimates: DerSimonian-Laird and REML.

Each wijk gives an estimate ``y_i`` (e.g. a coefficient of the tie-change
model) with its standard error ``s_i``. The random-effects model treats the
wijken's true effects as draws around a common mean::

    y_i = mu + u_i + e_i,    u_i ~ N(0, tau^2),    e_i ~ N(0, v_i = s_i^2)

so ``mu`` is the average effect over wijken and ``tau^2`` how much the true
effects differ between wijken (heterogeneity). This is how RSiena users pool
the effects of several networks (``siena08``), and the computation follows
R's ``metafor::rma.uni`` (intercept-only model, ``test = "z"``) so that the
numbers can be checked against it (``tests/fixtures/meta/make_meta.R``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import Literal

import numpy as np
import pandas as pd

from wijknet.core import formatting as fmt
from wijknet.core.summary import LABELS, Summary, key_values, label, labelled

Method = Literal["REML", "DL"]
METHODS = ("REML", "DL")

#: metafor's defaults (``rma.uni(control = ...)``): change of tau² at which Fisher scoring stops,
#: maximum iterations, and the tolerance of the check against tau² = 0.
THRESHOLD = 1e-5
MAX_ITER = 100
LL_TOL = float(np.finfo(float).eps) ** 0.25

TEXTS = {
    "title": {
        "nl": "Random-effects meta-analyse ({method}): {name}",
        "en": "Random-effects meta-analysis ({method}): {name}",
    },
    "pooled": {"nl": "Gepoolde schatting", "en": "Pooled estimate"},
    "studies": {"nl": "Schattingen per eenheid", "en": "Estimates per unit"},
    "tau2": {"nl": "tau² (verschil tussen eenheden)", "en": "tau² (between-unit variance)"},
    "i2": {"nl": "I² (aandeel heterogeniteit)", "en": "I² (share of heterogeneity)"},
    "Q": {"nl": "Q (heterogeniteitstoets)", "en": "Q (heterogeneity test)"},
    "Q_p": {"nl": "p van Q", "en": "p of Q"},
    "wijken": {"nl": "wijken", "en": "wijken"},
    "weight": {"nl": "gewicht", "en": "weight"},
    "unit": {"nl": "eenheid", "en": "unit"},
    "note": {
        "nl": "{level} betrouwbaarheidsinterval (normale benadering, als metafor). "
        "Met weinig eenheden is tau² onzeker: lees I² en tau² als een indicatie.",
        "en": "{level} confidence interval (normal approximation, as metafor). "
        "With few units tau² is uncertain: read I² and tau² as an indication.",
    },
}


@dataclass(frozen=True)
class MetaResult:
    """A random-effects meta-analysis (:func:`meta_analysis`).

    Attributes
    ----------
    estimate : float
        The pooled effect ``mu``.
    std_error : float
        Its standard error, ``sqrt(1 / sum w_i)`` with ``w_i = 1 / (v_i + tau²)``.
    ci_low, ci_high : float
        Normal (Wald) interval ``mu -/+ z_(1 - a/2) se``, as metafor's default.
    tau2 : float
        Between-wijk variance of the true effects (>= 0).
    i2 : float
        Share of the total variance that is heterogeneity, as a fraction 0-1
        (metafor reports it in percent).
    Q : float
        Cochran's heterogeneity statistic (fixed-effect weights).
    Q_p : float
        ``P(chi²_(k-1) > Q)``.
    wijken : int
        Number of estimates pooled (``k``).
    method : {"REML", "DL"}
    level : float
    iterations : int
        Fisher-scoring iterations (0 for DL).
    name : str
        What was pooled (e.g. the model term).
    labels : tuple of str
        The unit (wijk) of each estimate.
    estimates, std_errors, weights : numpy.ndarray
        The inputs and the random-effects weights (shares summing to 1).

    Examples
    --------
    >>> result = meta_analysis([0.2, 0.5], [0.1, 0.1], method="DL")
    >>> round(result.estimate, 3), round(result.tau2, 4), round(result.i2, 3)
    (0.35, 0.035, 0.778)
    >>> print(result.summary(lang="en").as_text().splitlines()[0])
    Random-effects meta-analysis (DL): estimate
    """

    estimate: float
    std_error: float
    ci_low: float
    ci_high: float
    tau2: float
    i2: float
    Q: float
    Q_p: float
    wijken: int
    method: str
    level: float = 0.95
    iterations: int = 0
    name: str = "estimate"
    labels: tuple[str, ...] = ()
    estimates: np.ndarray = field(default_factory=lambda: np.empty(0), repr=False, compare=False)
    std_errors: np.ndarray = field(default_factory=lambda: np.empty(0), repr=False, compare=False)
    weights: np.ndarray = field(default_factory=lambda: np.empty(0), repr=False, compare=False)

    def to_dict(self) -> dict:
        """The pooled values as a flat dict (no per-unit arrays)."""
        return {
            "estimate": self.estimate,
            "std_error": self.std_error,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "tau2": self.tau2,
            "i2": self.i2,
            "Q": self.Q,
            "Q_p": self.Q_p,
            "wijken": self.wijken,
            "method": self.method,
        }

    def to_frame(self) -> pd.DataFrame:
        """The result as a one-row DataFrame (:meth:`to_dict`)."""
        return pd.DataFrame([self.to_dict()])

    def units(self) -> pd.DataFrame:
        """The per-unit table: ``unit, estimate, std_error, ci_low, ci_high, weight`` (for a forest plot)."""
        z = NormalDist().inv_cdf(0.5 + self.level / 2)
        labels = list(self.labels) or [str(i + 1) for i in range(self.wijken)]
        return pd.DataFrame(
            {
                "unit": labels,
                "estimate": self.estimates,
                "std_error": self.std_errors,
                "ci_low": self.estimates - z * self.std_errors,
                "ci_high": self.estimates + z * self.std_errors,
                "weight": self.weights,
            }
        )

    def summary(self, lang: str | None = None) -> Summary:
        """Pooled estimate, heterogeneity and the per-unit table as a :class:`~wijknet.core.summary.Summary`."""
        pooled = key_values(
            {
                "estimate": self.estimate,
                "std_error": self.std_error,
                "ci_low": self.ci_low,
                "ci_high": self.ci_high,
            },
            lang,
        )
        heterogeneity = {
            label(TEXTS, "tau2", lang): self.tau2,
            label(TEXTS, "i2", lang): fmt.percent(self.i2, 1, lang),
            label(TEXTS, "Q", lang): self.Q,
            label(TEXTS, "Q_p", lang): fmt.p_value(self.Q_p, lang),
            label(TEXTS, "wijken", lang): self.wijken,
        }
        units = self.units()
        units["weight"] = [fmt.percent(w, 1, lang) for w in units["weight"]]
        names = {"unit": label(TEXTS, "unit", lang), "weight": label(TEXTS, "weight", lang)}
        names.update(labelled(LABELS, ["estimate", "std_error", "ci_low", "ci_high"], lang))
        units = units.rename(columns=names)
        return Summary(
            label(TEXTS, "title", lang).format(method=self.method, name=self.name),
            [
                (label(TEXTS, "pooled", lang), pooled),
                ("", key_values(heterogeneity, lang)),
                (label(TEXTS, "studies", lang), units),
            ],
            notes=[label(TEXTS, "note", lang).format(level=fmt.percent(self.level, 0, lang))],
            lang=lang,
        )


def _reml_loglik(y: np.ndarray, v: np.ndarray, tau2: float) -> float:
    """Restricted log-likelihood of the intercept-only model at ``tau2`` (metafor's ``ll.REML``)."""
    w = 1 / (v + tau2)
    mu = np.sum(w * y) / np.sum(w)
    k = y.size
    return float(
        -0.5 * (k - 1) * np.log(2 * np.pi)
        - 0.5 * np.sum(np.log(v + tau2))
        - 0.5 * np.log(np.sum(w))
        - 0.5 * np.sum(w * (y - mu) ** 2)
    )


def _p_matrix(v: np.ndarray, tau2: float) -> np.ndarray:
    """``P = W - W 1 (1' W 1)^-1 1' W`` with ``W = diag(1 / (v + tau2))``."""
    w = 1 / (v + tau2)
    return np.diag(w) - np.outer(w, w) / np.sum(w)


def tau2_dl(y: np.ndarray, v: np.ndarray) -> float:
    """DerSimonian-Laird tau²: ``max(0, (Q - (k - 1)) / (sum w - sum w² / sum w))`` with ``w = 1 / v``.

    Examples
    --------
    >>> round(tau2_dl(np.array([0.2, 0.5]), np.array([0.01, 0.01])), 4)
    0.035
    """
    w = 1 / v
    mu = np.sum(w * y) / np.sum(w)
    q = float(np.sum(w * (y - mu) ** 2))
    trace = np.sum(w) - np.sum(w**2) / np.sum(w)
    return float(max(0.0, (q - (y.size - 1)) / trace))


def tau2_reml(
    y: np.ndarray, v: np.ndarray, *, threshold: float = THRESHOLD, max_iter: int = MAX_ITER
) -> tuple[float, int]:
    """REML tau² by Fisher scoring, as ``metafor::rma.uni(method = "REML")``.

    Starts from the Hedges (HE) estimator ``max(0, (sum (y - ybar)² - (1 - 1/k) sum v) / (k - 1))``,
    steps ``tau² += (y' P P y - tr P) / tr(P P)`` (halving a step that would
    make tau² negative) until the step is at most ``threshold``, then sets
    tau² to 0 when the restricted likelihood at 0 is higher by more than
    ``eps^(1/4)`` (metafor's check against a local maximum).

    Returns
    -------
    (float, int)
        tau² and the number of iterations.

    Raises
    ------
    RuntimeError
        When the algorithm has not converged after ``max_iter`` iterations.

    Examples
    --------
    Two estimates 0.3 apart with variance 0.01 each: REML equals DL here (k = 2).

    >>> tau2, iterations = tau2_reml(np.array([0.2, 0.5]), np.array([0.01, 0.01]))
    >>> round(tau2, 6)
    0.035
    """
    k = y.size
    yc = y - y.mean()
    tau2 = max(0.0, (float(np.sum(yc**2)) - np.sum(v) * (1 - 1 / k)) / (k - 1))
    change, iterations = threshold + 1, 0
    while change > threshold:
        iterations += 1
        if iterations > max_iter:
            raise RuntimeError("the REML Fisher scoring did not converge")
        old = tau2
        P = _p_matrix(v, tau2)
        PP = P @ P
        adj = float((yc @ PP @ yc - np.trace(P)) / np.trace(PP))
        if not np.isfinite(adj):
            adj = 0.0
        while tau2 + adj < 0:
            adj /= 2
        tau2 = tau2 + adj
        change = abs(old - tau2)
    if _reml_loglik(y, v, 0.0) - _reml_loglik(y, v, tau2) > LL_TOL and tau2 > threshold:
        tau2 = 0.0
    return float(max(0.0, tau2)), iterations


def meta_analysis(
    estimates: Sequence[float],
    std_errors: Sequence[float],
    *,
    method: Method = "REML",
    level: float = 0.95,
    labels: Sequence[str] | None = None,
    name: str = "estimate",
    threshold: float = THRESHOLD,
    max_iter: int = MAX_ITER,
) -> MetaResult:
    """Random-effects meta-analysis of estimates with known standard errors.

    Parameters
    ----------
    estimates : sequence of float
        One estimate ``y_i`` per unit (wijk); missing (NaN) pairs are dropped.
    std_errors : sequence of float
        Their standard errors ``s_i`` (> 0).
    method : {"REML", "DL"}, default "REML"
        Restricted maximum likelihood (Fisher scoring, as metafor) or the
        DerSimonian-Laird moment estimator of tau².
    level : float, default 0.95
        Confidence level of the normal interval.
    labels : sequence of str, optional
        The unit of each estimate (for :meth:`MetaResult.units`).
    name : str, default "estimate"
        What is pooled, for the summary's title.
    threshold, max_iter : float, int
        Convergence of REML: stop when tau² changes by at most ``threshold``
        (metafor's ``control = list(threshold = 1e-5, maxiter = 100)``).

    Returns
    -------
    MetaResult
        ``estimate, std_error, ci_low, ci_high, tau2, i2, Q, Q_p, wijken``
        and the per-unit inputs with their weights.

    Notes
    -----
    With ``v_i = s_i²`` and ``w_i = 1 / (v_i + tau²)``::

        mu = sum w_i y_i / sum w_i,      se(mu) = 1 / sqrt(sum w_i)
        Q  = sum (y_i - mu_FE)² / v_i    (mu_FE with tau² = 0), df = k - 1
        I² = tau² / (tau² + v~),         v~ = (k - 1) / (sum 1/v_i - sum 1/v_i² / sum 1/v_i)

    tau² is DerSimonian & Laird's (1986) moment estimator
    ``max(0, (Q - (k - 1)) / (sum 1/v_i - sum 1/v_i² / sum 1/v_i))``, or the
    REML estimate (Viechtbauer 2005) by Fisher scoring (:func:`tau2_reml`),
    truncated at 0. I² is Higgins & Thompson's (2002) share of the total
    variance due to heterogeneity, with the "typical" within-unit variance
    ``v~``; for DL it equals ``(Q - (k - 1)) / Q`` (0 when ``Q < k - 1``).
    metafor (``rma.uni``, defaults ``test = "z"``, ``i2def = "1"``) computes
    the same; the interval is the normal (Wald) one. The Knapp-Hartung
    adjustment (``test = "knha"``) would give wider intervals with few
    units; it is not offered, so read the interval of a handful of wijken
    as optimistic. With one estimate, ``mu`` is that estimate, tau² = 0,
    Q = 0 and I² = 0 (as metafor).

    The model assumes the standard errors are known and correct; if they
    are too small (e.g. model-based errors that ignore dependence between
    ties), tau² absorbs the excess variation and the pooled interval may
    still be too narrow.

    References
    ----------
    DerSimonian, R., & Laird, N. (1986). Meta-analysis in clinical trials.
    *Controlled Clinical Trials*, 7(3), 177-188.
    Viechtbauer, W. (2005). Bias and efficiency of meta-analytic variance
    estimators in the random-effects model. *Journal of Educational and
    Behavioral Statistics*, 30(3), 261-293.
    Viechtbauer, W. (2010). Conducting meta-analyses in R with the metafor
    package. *Journal of Statistical Software*, 36(3), 1-48.
    Higgins, J. P. T., & Thompson, S. G. (2002). Quantifying heterogeneity
    in a meta-analysis. *Statistics in Medicine*, 21(11), 1539-1558.

    Examples
    --------
    Three wijken, DerSimonian-Laird by hand: ``w = 1/v = (100, 25, 25)``,
    ``mu_FE = (10 + 15 - 5) / 150 = 2/15``, ``Q = 100 (1/30)² + 25 (7/15)² +
    25 (1/3)² = 25/3``, ``sum w - sum w² / sum w = 150 - 11250/150 = 75``, so
    ``tau² = (25/3 - 2) / 75 = 0.08444`` and ``I² = (Q - 2) / Q = 0.76``:

    >>> result = meta_analysis([0.1, 0.6, -0.2], [0.1, 0.2, 0.2], method="DL")
    >>> round(result.Q, 4), round(result.tau2, 5), round(result.i2, 4), result.wijken
    (8.3333, 0.08444, 0.76, 3)
    >>> reml = meta_analysis([0.1, 0.6, -0.2], [0.1, 0.2, 0.2])  # metafor: 0.161651, tau2 0.112908
    >>> round(reml.estimate, 6), round(reml.tau2, 6)
    (0.161651, 0.112908)
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level}")
    y = np.asarray(estimates, dtype=float)
    s = np.asarray(std_errors, dtype=float)
    if y.shape != s.shape or y.ndim != 1:
        raise ValueError("estimates and std_errors must be one-dimensional and of equal length")
    names = [str(x) for x in labels] if labels is not None else [str(i + 1) for i in range(y.size)]
    if len(names) != y.size:
        raise ValueError("labels must have one entry per estimate")
    keep = np.isfinite(y) & np.isfinite(s)
    y, s = y[keep], s[keep]
    names = tuple(n for n, k in zip(names, keep) if k)
    if y.size == 0:
        raise ValueError("no estimates with a finite standard error to pool")
    if np.any(s <= 0):
        raise ValueError("standard errors must be positive")
    v = s**2
    k = y.size
    iterations = 0
    w_fe = 1 / v
    mu_fe = np.sum(w_fe * y) / np.sum(w_fe)
    if k == 1:
        tau2, q, i2 = 0.0, 0.0, 0.0
    else:
        if method == "DL":
            tau2 = tau2_dl(y, v)
        else:
            tau2, iterations = tau2_reml(y, v, threshold=threshold, max_iter=max_iter)
        q = max(0.0, float(np.sum(w_fe * (y - mu_fe) ** 2)))
        typical = (k - 1) / (np.sum(w_fe) - np.sum(w_fe**2) / np.sum(w_fe))
        i2 = float(tau2 / (typical + tau2))
    w = 1 / (v + tau2)
    mu = float(np.sum(w * y) / np.sum(w))
    se = float(1 / np.sqrt(np.sum(w)))
    z = NormalDist().inv_cdf(0.5 + level / 2)
    from scipy.stats import chi2

    q_p = float(chi2.sf(q, k - 1)) if k > 1 else 1.0
    return MetaResult(
        estimate=mu,
        std_error=se,
        ci_low=mu - z * se,
        ci_high=mu + z * se,
        tau2=float(tau2),
        i2=i2,
        Q=q,
        Q_p=q_p,
        wijken=int(k),
        method=method,
        level=float(level),
        iterations=int(iterations),
        name=name,
        labels=names,
        estimates=y,
        std_errors=s,
        weights=w / np.sum(w),
    )
