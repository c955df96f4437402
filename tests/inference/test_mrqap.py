"""MRQAP: vectorised refits against one-at-a-time fits, known coefficients, DSP, R references."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from wijknet.inference import MRQAPResult, mrqap, same_attribute
from wijknet.inference.permutation import dyad_index, node_permutations, permuted_dyads

M = sys.modules["wijknet.inference.mrqap"]
FIXTURES = Path(__file__).parents[1] / "fixtures"
REFERENCE = pd.read_csv(FIXTURES / "r" / "inference_mrqap.csv")
FITS = pd.read_csv(FIXTURES / "r" / "inference_fit.csv")
TERMS = ["same", "dist", "prev", "recip"]


def load(network: str, matrix: str) -> np.ndarray:
    return np.loadtxt(
        FIXTURES / "inference" / f"{network.removesuffix('_single')}_{matrix}.csv", delimiter=","
    )


def mc_tolerance(p: float, reps: int) -> float:
    """Four standard errors of the difference of two Monte Carlo p-values, plus the (1 + k) offset."""
    p = min(max(p, 1 / reps), 1 - 1 / reps)
    return 4 * math.sqrt(2 * p * (1 - p) / reps) + 2 / reps


def random_design(n=12, seed=0, directed=True):
    rng = np.random.default_rng(seed)
    x1 = rng.normal(size=(n, n))
    x2 = (rng.random((n, n)) < 0.3).astype(float)
    if not directed:
        x1, x2 = x1 + x1.T, np.maximum(x2, x2.T)
    return x1, x2, rng


# --- known coefficients --------------------------------------------------------


def test_exact_linear_model_recovers_its_coefficients():
    x1, x2, _ = random_design()
    y = 2.0 + 3.0 * x1 - 1.5 * x2
    np.fill_diagonal(y, 99.0)  # the diagonal never enters
    result = mrqap(y, {"x1": x1, "x2": x2}, n_permutations=0)
    assert isinstance(result, MRQAPResult)
    assert list(result.table.columns) == M.TABLE_COLUMNS
    assert list(result.table["term"]) == ["intercept", "x1", "x2"]
    assert np.allclose(result.table["estimate"], [2.0, 3.0, -1.5])
    assert result.fit["r_squared"] == pytest.approx(1.0)
    assert result.fit["n_dyads"] == 12 * 11
    assert result.table["p_value"].isna().all()


def test_logistic_model_recovers_its_coefficients():
    n = 120
    rng = np.random.default_rng(3)
    group = rng.integers(3, size=n)
    same = (group[:, None] == group[None, :]).astype(float)
    x = rng.normal(size=(n, n))
    y = (rng.random((n, n)) < 1 / (1 + np.exp(-(-1.0 + 1.2 * same + 0.7 * x)))).astype(float)
    result = mrqap(y, {"same": same, "x": x}, family="binomial", n_permutations=0)
    table = result.table.set_index("term")
    for term, truth in {"intercept": -1.0, "same": 1.2, "x": 0.7}.items():
        assert abs(table.loc[term, "estimate"] - truth) < 4 * table.loc[term, "std_error"]
    assert 0 < result.fit["pseudo_r_squared"] < 1
    assert result.fit["aic"] == pytest.approx(result.fit["deviance"] + 2 * 3)


# --- vectorised refits equal one-at-a-time refits -------------------------------


@pytest.mark.parametrize("directed", [True, False])
def test_batched_ols_y_permutation_equals_statsmodels(directed):
    x1, x2, rng = random_design(directed=directed)
    y = 1 + x1 + rng.normal(size=x1.shape)
    if not directed:
        y = y + y.T
    rows, cols = dyad_index(12, directed)
    D = np.column_stack([np.ones(rows.size), x1[rows, cols], x2[rows, cols]])
    perms = node_permutations(12, 5, seed=1)
    batched = M._ols_y_null(D)(permuted_dyads(y, perms, rows, cols))
    for perm, t in zip(perms, batched):
        expected = sm.OLS(y[perm][:, perm][rows, cols], D).fit().tvalues
        assert np.allclose(t, expected)


def test_batched_ols_dsp_equals_statsmodels():
    x1, x2, rng = random_design()
    y = 1 + x1 + rng.normal(size=x1.shape)
    rows, cols = dyad_index(12)
    yv = y[rows, cols]
    D = np.column_stack([np.ones(rows.size), x1[rows, cols], x2[rows, cols]])
    Z = D[:, [0, 2]]
    residual = np.zeros((12, 12))
    residual[rows, cols] = D[:, 1] - Z @ np.linalg.lstsq(Z, D[:, 1], rcond=None)[0]
    perms = node_permutations(12, 5, seed=1)
    Rp = permuted_dyads(residual, perms, rows, cols)
    batched = M._ols_dsp_null(Z, yv, rows.size - 3, residual, rows, cols)(perms)
    for r, t in zip(Rp, batched):
        assert t == pytest.approx(sm.OLS(yv, np.column_stack([Z, r])).fit().tvalues[-1])


def test_batched_logit_equals_statsmodels():
    n = 15
    x1, x2, rng = random_design(n=n, seed=4)
    y = (rng.random((n, n)) < 1 / (1 + np.exp(-(-0.5 + 0.8 * x1)))).astype(float)
    rows, cols = dyad_index(n)
    yv = y[rows, cols]
    Z = np.column_stack([np.ones(rows.size), x2[rows, cols]])
    perms = node_permutations(n, 6, seed=2)
    V = permuted_dyads(x1, perms, rows, cols)
    # a shared response with one permuted column (DSP), and permuted responses (QAP-Y)
    beta, se = M.logit_newton(Z, yv, V)
    for v, b, s in zip(V, beta, se):
        fit = sm.GLM(yv, np.column_stack([Z, v]), family=sm.families.Binomial()).fit(tol=1e-12)
        assert np.allclose(b, fit.params, atol=1e-8)
        assert np.allclose(s, fit.bse, rtol=1e-6)
    Y = permuted_dyads(y, perms, rows, cols)
    D = np.column_stack([Z, x1[rows, cols]])
    beta, se = M.logit_newton(D, Y)
    for yy, b, s in zip(Y, beta, se):
        fit = sm.GLM(yy, D, family=sm.families.Binomial()).fit(tol=1e-12)
        assert np.allclose(b, fit.params, atol=1e-8)
        assert np.allclose(s, fit.bse, rtol=1e-6)


# --- null hypotheses -------------------------------------------------------------


def test_p_values_follow_the_definition():
    x1, x2, rng = random_design(seed=5)
    y = 0.3 * x1 + rng.normal(size=x1.shape)
    R = 199
    result = mrqap(y, {"x1": x1, "x2": x2}, n_permutations=R, seed=3)
    null = result.null_distribution
    assert list(null.columns) == ["intercept", "x1", "x2"] and len(null) == R
    for row in result.table.itertuples():
        s, dist = row.statistic, null[row.term].to_numpy()
        tol = 1e-9 * (1 + abs(s))
        assert row.p_value == pytest.approx((1 + np.sum(np.abs(dist) >= abs(s) - tol)) / (1 + R))
        assert row.p_greater == pytest.approx((1 + np.sum(dist >= s - tol)) / (1 + R))
        assert row.p_less == pytest.approx((1 + np.sum(dist <= s + tol)) / (1 + R))
        assert row.p_value >= 1 / (1 + R)


@pytest.mark.parametrize("family", ["gaussian", "binomial"])
def test_single_column_falls_back_to_y_permutation(family):
    x1, x2, rng = random_design(seed=6)
    y = (x2 + (rng.random(x2.shape) < 0.2) > 0).astype(float)
    dsp = mrqap(
        y, {"x2": x2}, family=family, null="dsp", intercept=False, n_permutations=99, seed=1
    )
    qapy = mrqap(y, {"x2": x2}, family=family, null="y", intercept=False, n_permutations=99, seed=1)
    assert dsp.null == "y"
    pd.testing.assert_frame_equal(dsp.table, qapy.table)
    # with an intercept DSP is run (as in sna) ...
    assert mrqap(y, {"x2": x2}, family=family, n_permutations=9).null == "dsp"


def test_dsp_for_one_covariate_is_y_permutation_with_inverse_permutations():
    # t(y ~ 1 + pi(e)) = t(pi^-1(y) ~ 1 + e), and e is x centred: the covariate's DSP
    # distribution equals the QAP-Y distribution under the inverse permutations
    x1, _, rng = random_design(seed=7)
    y = 0.5 * x1 + rng.normal(size=x1.shape)
    rows, cols = dyad_index(12)
    D = np.column_stack([np.ones(rows.size), x1[rows, cols]])
    perms = node_permutations(12, 50, seed=8)
    residual = np.zeros((12, 12))
    residual[rows, cols] = D[:, 1] - D[:, 1].mean()
    dsp = M._ols_dsp_null(D[:, :1], y[rows, cols], rows.size - 2, residual, rows, cols)(perms)
    qapy = M._ols_y_null(D)(permuted_dyads(y, np.argsort(perms, axis=1), rows, cols))[:, 1]
    assert np.allclose(dsp, qapy)


@pytest.mark.parametrize("family", ["gaussian", "binomial"])
def test_seeded_and_independent_of_batches_and_jobs(family):
    x1, x2, rng = random_design(seed=9)
    y = (x2 + (rng.random(x2.shape) < 0.3) > 0).astype(float)
    X = {"x1": x1, "x2": x2}
    base = mrqap(y, X, family=family, n_permutations=120, seed=4)
    for options in ({"batch_size": 7}, {"n_jobs": 2, "batch_size": 25}, {"progress": True}):
        other = mrqap(y, X, family=family, n_permutations=120, seed=4, **options)
        pd.testing.assert_frame_equal(other.table, base.table)
        # equal up to rounding (BLAS block sizes; a Newton run may stop one step earlier)
        assert np.allclose(other.null_distribution, base.null_distribution, rtol=1e-6, atol=1e-6)
    other = mrqap(y, X, family=family, n_permutations=120, seed=5)
    assert not np.allclose(other.null_distribution, base.null_distribution)


def test_graphs_and_same_attribute():
    G = nx.DiGraph()
    G.add_nodes_from(
        [
            ("a", {"domain": "zorg"}),
            ("b", {"domain": "zorg"}),
            ("c", {"domain": "wonen"}),
            ("d", {"domain": "wonen"}),
            ("e", {"domain": "zorg"}),
        ]
    )
    G.add_edges_from([("a", "b"), ("b", "a"), ("c", "d"), ("a", "c"), ("e", "a"), ("d", "c")])
    same = same_attribute(G)
    assert same[0, 1] == 1 and same[0, 2] == 0 and np.all(np.diag(same) == 0)
    earlier = nx.DiGraph()
    earlier.add_nodes_from(reversed(list(G)))
    earlier.add_edges_from([("a", "b"), ("c", "d")])
    result = mrqap(G, {"same": same, "earlier": earlier}, family="binomial", n_permutations=19)
    A = nx.to_numpy_array(G)
    B = nx.to_numpy_array(earlier, nodelist=list(G))
    expected = mrqap(A, {"same": same, "earlier": B}, family="binomial", n_permutations=19)
    pd.testing.assert_frame_equal(result.table, expected.table)


def test_input_errors():
    x1, x2, _ = random_design()
    with pytest.raises(ValueError, match="0/1"):
        mrqap(x1, {"x2": x2}, family="binomial")
    with pytest.raises(ValueError, match="family"):
        mrqap(x1, {"x2": x2}, family="poisson")
    with pytest.raises(ValueError, match="null"):
        mrqap(x1, {"x2": x2}, null="qapx")
    with pytest.raises(ValueError, match="collinear"):
        mrqap(x1, {"a": x2, "b": 2 * x2})
    with pytest.raises(ValueError, match="symmetric"):
        mrqap(x1, {"x2": x2}, directed=False)


# --- R references -----------------------------------------------------------------


def _cases():
    keys = REFERENCE[["network", "model", "nullhyp"]].drop_duplicates()
    return [tuple(k) for k in keys.itertuples(index=False)]


_RESULTS: dict = {}


def wijknet_fit(network, model, nullhyp, reps):
    key = (network, model, nullhyp, reps)
    if key not in _RESULTS:
        undirected = network.endswith("u")
        single = network.endswith("_single")
        terms = ["prev"] if single else (["same", "dist", "prev"] if undirected else TERMS)
        y = load(network, "yval" if model == "netlm" else "y")
        _RESULTS[key] = mrqap(
            y,
            {t: load(network, t) for t in terms},
            family="gaussian" if model == "netlm" else "binomial",
            null="y" if nullhyp == "qapy" else "dsp",
            n_permutations=reps,
            seed=2024,
            directed=not undirected,
            intercept=not single,
        )
    return _RESULTS[key]


@pytest.mark.parametrize("network,model,nullhyp", _cases())
def test_estimates_agree_with_sna(network, model, nullhyp):
    expected = REFERENCE.query("network == @network and model == @model and nullhyp == @nullhyp")
    result = wijknet_fit(network, model, nullhyp, 0)
    table = result.table
    assert list(table["term"]) == list(expected["term"])
    assert np.allclose(table["estimate"], expected["estimate"], rtol=0, atol=1e-6)
    if model == "netlm":
        assert np.allclose(table["std_error"], expected["std_error"], rtol=1e-9, atol=0)
        assert np.allclose(table["statistic"], expected["statistic"], rtol=1e-9, atol=0)
    else:
        # sna takes the information matrix at the weights of the last IRLS iteration,
        # i.e. one step before its (looser, relative deviance < 1e-8) convergence;
        # statsmodels at the estimate: they differ in the fifth significant digit
        assert np.allclose(table["std_error"], expected["std_error"], rtol=1e-4, atol=0)
        assert np.allclose(table["statistic"], expected["statistic"], rtol=1e-4, atol=0)


@pytest.mark.parametrize("network,model,nullhyp", [c for c in _cases() if c[2] != "classical"])
def test_p_values_agree_with_sna_within_monte_carlo_error(network, model, nullhyp):
    expected = REFERENCE.query("network == @network and model == @model and nullhyp == @nullhyp")
    reps = int(expected["reps"].iloc[0])
    result = wijknet_fit(network, model, nullhyp, reps)
    assert (
        result.null
        == {"qap": "dsp", "qapspp": "dsp", "qapy": "y"}[expected["nullhyp_used"].iloc[0]]
    )
    for ours, theirs in zip(result.table.itertuples(), expected.itertuples()):
        for column in ("p_value", "p_greater", "p_less"):
            r_value = getattr(theirs, "p_two_sided" if column == "p_value" else column)
            assert abs(getattr(ours, column) - r_value) <= mc_tolerance(r_value, reps), (
                ours.term,
                column,
            )


@pytest.mark.parametrize(
    "row", list(FITS.itertuples(index=False)), ids=lambda r: f"{r.network}-{r.model}"
)
def test_fit_summary_agrees_with_sna(row):
    nullhyp = REFERENCE.query("network == @row.network and model == @row.model")["nullhyp"].iloc[0]
    fit = wijknet_fit(row.network, row.model, nullhyp, 0).fit
    assert fit["n_dyads"] == row.n_dyads
    if row.model == "netlm":
        for key in ("r_squared", "adj_r_squared", "residual_std_error"):
            assert fit[key] == pytest.approx(getattr(row, key), rel=1e-9)
    else:
        for key in ("deviance", "aic", "bic"):
            assert fit[key] == pytest.approx(getattr(row, key), rel=1e-8)
        # sna calls glm.fit(intercept = FALSE), so its null deviance is that of p = 1/2
        # for every dyad, 2 n ln 2; wijknet's is the usual intercept-only null deviance
        assert row.null_deviance == pytest.approx(2 * row.n_dyads * math.log(2))
        if not row.network.endswith("_single"):
            y = load(row.network, "y")
            rows, cols = dyad_index(y.shape[0], not row.network.endswith("u"))
            p = y[rows, cols].mean()
            assert fit["null_deviance"] == pytest.approx(
                -2 * row.n_dyads * (p * math.log(p) + (1 - p) * math.log(1 - p))
            )


# --- score statistic (statistic="score") ----------------------------------------------------

SCORES = pd.read_csv(FIXTURES / "r" / "inference_score.csv")


def score_design(network: str):
    undirected = network.endswith("u")
    terms = TERMS[:3] if undirected else TERMS
    return load(network, "y"), {t: load(network, t) for t in terms}, not undirected


@pytest.mark.parametrize("network", ["n20", "n40", "n40u"])
def test_observed_score_statistic_equals_r_rao_test(network):
    y, X, directed = score_design(network)
    result = mrqap(y, X, family="binomial", statistic="score", n_permutations=1, directed=directed)
    expected = SCORES.query("network == @network")
    assert list(result.table["term"]) == list(expected["term"])
    # R's anova(m0, m1, test = "Rao") is the square of the signed statistic. R takes the
    # weights of its last IRLS iteration (one step before the estimate), which moves the
    # seventh digit; a fit to convergence by statsmodels agrees with wijknet to 1e-13.
    assert np.allclose(result.table["statistic"] ** 2, expected["rao"], rtol=1e-6, atol=0)
    wald = mrqap(y, X, family="binomial", n_permutations=0, directed=directed).table
    assert np.all(np.sign(result.table["statistic"]) == np.sign(wald["statistic"]))
    assert result.statistic == "score"
    pd.testing.assert_series_equal(result.table["estimate"], wald["estimate"])


def test_permuted_score_statistics_equal_a_fit_per_permutation():
    """Each permuted statistic by hand: statsmodels' GLM of y on Z, then U / sqrt(I) for pi(e_k)."""
    y, X, directed = score_design("n20")
    n = y.shape[0]
    result = mrqap(y, X, family="binomial", statistic="score", n_permutations=6, seed=3)
    rows, cols = dyad_index(n, True)
    D = np.column_stack([np.ones(rows.size)] + [X[t][rows, cols] for t in TERMS])
    perms = node_permutations(n, 6, 3)
    for k, term in enumerate(result.table["term"]):
        Z = np.delete(D, k, axis=1)
        residual = np.zeros((n, n))
        residual[rows, cols] = D[:, k] - Z @ np.linalg.lstsq(Z, D[:, k], rcond=None)[0]
        fit = sm.GLM(y[rows, cols], Z, family=sm.families.Binomial()).fit(tol=1e-12)
        mu = fit.fittedvalues
        W = mu * (1 - mu)
        for b, perm in enumerate(perms):
            r = residual[perm][:, perm][rows, cols]
            c = Z.T @ (W * r)
            info = r @ (W * r) - c @ np.linalg.solve(Z.T @ (W[:, None] * Z), c)
            expected = r @ (y[rows, cols] - mu) / np.sqrt(info)
            # single-precision bulk: accurate to about 1e-6 (1 + |z|), far inside BORDER
            ours = result.null_distribution[term].iloc[b]
            assert ours == pytest.approx(expected, rel=0, abs=1e-5 * (1 + abs(expected)))


def test_score_p_values_are_decided_in_double_precision(monkeypatch):
    """The single-precision bulk moves a statistic by far less than BORDER; near +-observed it is redone."""
    y, X, directed = score_design("n40")
    base = mrqap(y, X, family="binomial", statistic="score", n_permutations=300, seed=1)
    monkeypatch.setattr(M, "BORDER", np.inf)  # every statistic in double precision
    exact = mrqap(y, X, family="binomial", statistic="score", n_permutations=300, seed=1)
    error = np.abs(base.null_distribution - exact.null_distribution) / (
        1 + exact.null_distribution.abs()
    )
    assert 0 < error.max().max() < M.BORDER / 100
    pd.testing.assert_frame_equal(base.table, exact.table)
    # an observed value placed right next to a permuted one: that comparison uses the double value
    monkeypatch.setattr(M, "BORDER", 1e-3)
    for options in ({"batch_size": 7}, {"n_jobs": 2, "batch_size": 40}):
        other = mrqap(
            y, X, family="binomial", statistic="score", n_permutations=300, seed=1, **options
        )
        pd.testing.assert_frame_equal(other.table, base.table)


def test_score_statistic_under_separation_stays_finite():
    """A covariate that predicts every tie: the Wald z collapses (Hauck-Donner), the score does not."""
    x1, x2, rng = random_design(n=15, seed=4)
    y = x2.copy()
    np.fill_diagonal(y, 0)
    X = {"x1": x1, "x2": x2}
    wald = mrqap(y, X, family="binomial", n_permutations=50, seed=0)
    score = mrqap(y, X, family="binomial", statistic="score", n_permutations=50, seed=0)
    assert wald.table.set_index("term").loc["x2", "separation"]
    row = score.table.set_index("term").loc["x2"]
    assert row["separation"] and np.isfinite(row["statistic"]) and row["statistic"] > 10
    assert row["p_value"] == pytest.approx(1 / 51)
    assert score.not_converged == {"intercept": 0, "x1": 0, "x2": 0}


def test_score_statistic_options():
    y, X, directed = score_design("n20")
    with pytest.raises(ValueError, match="statistic"):
        mrqap(y, X, family="binomial", statistic="lr")
    # linear models and y-permutation keep their t / Wald z
    assert mrqap(load("n20", "yval"), X, statistic="score", n_permutations=0).statistic == "t"
    y_null = mrqap(y, X, family="binomial", null="y", statistic="score", n_permutations=2)
    assert y_null.statistic == "wald"
    # no permutations, no test: the usual z and no null fits
    untested = mrqap(y, X, family="binomial", statistic="score", n_permutations=0)
    assert untested.statistic == "wald" and untested.table["p_value"].isna().all()
