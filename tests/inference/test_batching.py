"""Batched permutation refits: the same seed gives the same p-values whatever the
batch size, the number of threads or the engine (``mapper``); the fast QAP
correlation equals the generic QAP test; separation is detected and marked;
refits that do not converge are counted."""

from __future__ import annotations

import importlib

import numpy as np
import pandas as pd
import pytest

from wijknet.analysis.tiechange import TieChangeResult, statements
from wijknet.inference import mrqap, qap_correlation
from wijknet.inference.permutation import (
    dyad_index,
    inverse_permutations,
    node_permutations,
    permuted_dyads,
)
from wijknet.inference.qap import graph_correlation, qap_test

M = importlib.import_module("wijknet.inference.mrqap")
N = 10  # 90 ordered pairs: small enough for seconds, large enough to permute


def serial(fn, batches):
    """A stand-in for another engine: maps the batches one by one, in order."""
    return [fn(batch) for batch in batches]


@pytest.fixture(scope="module")
def networks():
    rng = np.random.default_rng(21)
    group = rng.integers(2, size=N)
    same = (group[:, None] == group[None, :]).astype(float)
    before = (rng.random((N, N)) < 0.3).astype(float)
    after = ((before + (rng.random((N, N)) < 0.2) * same) * (rng.random((N, N)) > 0.2) > 0).astype(
        float
    )
    for m in (same, before, after):
        np.fill_diagonal(m, 0)
    value = before + 0.5 * same + rng.normal(scale=0.5, size=(N, N))
    return {"same": same, "before": before, "after": after, "value": value}


CASES = {
    "linear dsp": dict(response="value", family="gaussian", null="dsp"),
    "linear y": dict(response="value", family="gaussian", null="y"),
    "logistic dsp": dict(response="after", family="binomial", null="dsp"),
    "logistic y": dict(response="after", family="binomial", null="y"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_mrqap_p_values_do_not_depend_on_batches_threads_or_engine(networks, case):
    options = dict(CASES[case])
    y = networks[options.pop("response")]
    X = {"before": networks["before"], "same": networks["same"]}
    runs = [
        mrqap(y, X, n_permutations=60, seed=5, batch_size=size, **options) for size in (1, 7, 1000)
    ]
    runs.append(mrqap(y, X, n_permutations=60, seed=5, batch_size=7, n_jobs=2, **options))
    runs.append(mrqap(y, X, n_permutations=60, seed=5, batch_size=7, mapper=serial, **options))
    first = runs[0]
    # Logistic refits run in single precision except near the observed statistic
    # (mrqap._z_values), so other batch sizes move the permuted z by ~1e-6;
    # linear refits agree up to the last bits of matrix products.
    # The single-precision error scales with 1 + |z| (its size depends on the CPU's
    # float32 exp and BLAS kernels: about 1e-6 on AVX2, 3e-6 on AVX-512), hence atol.
    tol = 1e-4 if options["family"] == "binomial" else 1e-9
    for other in runs[1:]:
        for column in ("p_value", "p_greater", "p_less"):
            assert other.table[column].tolist() == first.table[column].tolist()
        assert np.allclose(other.null_distribution, first.null_distribution, rtol=tol, atol=tol)
    # the same batches on threads or another engine: the same digits
    for other in runs[3:]:
        np.testing.assert_array_equal(other.null_distribution, runs[1].null_distribution)
    # a different seed gives other permutations
    again = mrqap(y, X, n_permutations=60, seed=6, **options)
    assert not np.allclose(again.null_distribution, first.null_distribution)


@pytest.mark.parametrize("directed", [True, False])
def test_fast_qap_correlation_equals_the_generic_test(networks, directed):
    x, y = networks["before"], networks["value"]
    if not directed:
        x, y = np.maximum(x, x.T), y + y.T
    fast = qap_correlation(x, y, n_permutations=80, seed=2, directed=directed)
    generic = qap_test(graph_correlation, x, y, n_permutations=80, seed=2, directed=directed)
    assert fast.statistic == pytest.approx(generic.statistic)
    assert np.allclose(fast.null_distribution, generic.null_distribution, atol=1e-12)
    assert (fast.p_value, fast.p_greater, fast.p_less) == (
        generic.p_value,
        generic.p_greater,
        generic.p_less,
    )
    sizes = [
        qap_correlation(x, y, n_permutations=80, seed=2, directed=directed, batch_size=size).p_value
        for size in (1, 7, 1000)
    ]
    assert sizes == [fast.p_value] * 3
    assert (
        qap_correlation(x, y, n_permutations=80, seed=2, directed=directed, mapper=serial).p_value
        == fast.p_value
    )


def test_qap_correlation_of_an_empty_network_is_nan(networks):
    result = qap_correlation(networks["before"], np.zeros((N, N)), n_permutations=9)
    assert np.isnan(result.statistic) and np.isnan(result.null_distribution).all()
    assert np.isnan(result.p_value)


def test_permuted_dyads_and_inverse_permutations():
    # hand check: pi = (2, 0, 1) turns M[i, j] into M[pi_i, pi_j]
    M3 = np.arange(9.0).reshape(3, 3)
    rows, cols = dyad_index(3)
    perms = np.array([[2, 0, 1]])
    # dyads (0,1),(0,2),(1,0),(1,2),(2,0),(2,1) -> M[2,0], M[2,1], M[0,2], M[0,1], M[1,2], M[1,0]
    assert permuted_dyads(M3, perms, rows, cols).tolist() == [[6, 7, 2, 1, 5, 3]]
    assert inverse_permutations(perms).tolist() == [[1, 2, 0]]
    many = node_permutations(6, 20, seed=1)
    inverse = inverse_permutations(many)
    assert (np.take_along_axis(many, inverse, axis=1) == np.arange(6)).all()


# --- separation ------------------------------------------------------------------


def separated_design(quasi: bool):
    """Eight actors; 'member' is 1 for the pairs within the first four actors.

    Complete: a tie exists exactly among members (12 ordered pairs).
    Quasi-complete: ties only among members, but not all member pairs have one
    (9 of the 12), so the estimate still diverges."""
    n = 8
    member = np.zeros((n, n))
    member[:4, :4] = 1
    np.fill_diagonal(member, 0)
    y = member.copy()
    if quasi:
        y[0, 1] = y[1, 2] = y[2, 3] = 0
    rng = np.random.default_rng(3)
    noise = rng.normal(size=(n, n))
    np.fill_diagonal(noise, 0)
    return y, {"member": member, "noise": noise}


@pytest.mark.parametrize("quasi", [False, True])
def test_separation_is_detected_and_marked(quasi):
    y, X = separated_design(quasi)
    result = mrqap(y, X, family="binomial", n_permutations=19, seed=1)
    table = result.table.set_index("term")
    assert table.loc["member", "separation"]
    assert not table.loc["noise", "separation"]
    assert "member" in result.separated_terms
    notes = result.summary(lang="nl").as_text()
    assert "scheiding" in notes and "member" in notes
    assert "separation" in result.summary(lang="en").as_text()


def test_no_separation_on_an_ordinary_fit(networks):
    result = mrqap(
        networks["after"],
        {"before": networks["before"], "same": networks["same"]},
        family="binomial",
        n_permutations=19,
    )
    assert not result.table["separation"].any()
    assert result.notes() == []
    linear = mrqap(networks["value"], {"before": networks["before"]}, n_permutations=0)
    assert not linear.table["separation"].any() and linear.not_converged == {}


def test_detect_separation_by_hand():
    # x = 1 exactly where y = 1: separated; flip one pair and it is not
    x = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    D = np.column_stack([np.ones(6), x])
    assert M.detect_separation(D, x).tolist() == [True, True]
    y = x.copy()
    y[[0, 3]] = 1 - y[[0, 3]]
    assert M.detect_separation(D, y).tolist() == [False, False]
    # fitted probabilities away from 0 and 1 skip the linear program
    assert M.detect_separation(D, x, mu=np.full(6, 0.5)).tolist() == [False, False]


def test_non_convergence_is_reported(networks, monkeypatch):
    rows, cols = dyad_index(N)
    F = np.column_stack([np.ones(rows.size), networks["same"][rows, cols]])
    V = permuted_dyads(networks["before"], node_permutations(N, 4, seed=1), rows, cols)
    y = networks["after"][rows, cols]
    *_, converged = M.logit_newton(F, y, V, return_converged=True)
    assert converged.all()
    # two Newton steps from the warm start are not enough for 1e-7
    *_, converged = M.logit_newton(F, y, V, max_iter=2, return_converged=True)
    assert not converged.any()
    # in MRQAP: every permuted refit of every term is counted and the summary says so
    monkeypatch.setattr(M, "MAX_ITER", 2)
    X = {"before": networks["before"], "same": networks["same"]}
    result = mrqap(networks["after"], X, family="binomial", n_permutations=9, seed=1)
    assert result.not_converged == {"intercept": 9, "before": 9, "same": 9}
    assert (
        "27 van de permutatie-schattingen convergeerden niet" in result.summary(lang="nl").as_text()
    )
    monkeypatch.setattr(M, "MAX_ITER", 50)
    result = mrqap(networks["after"], X, family="binomial", n_permutations=9, seed=1)
    assert sum(result.not_converged.values()) == 0
    assert "convergeerden" not in result.summary(lang="nl").as_text()


def test_tie_change_statements_warn_about_separation_in_dutch():
    table = pd.DataFrame({"wijk": "Noord", "wave_from": "2025", "wave_to": "2026",
        "term": ["intercept", "tie_before", "both_team"], "estimate": [-3.0, 2.0, 32.7],
        "std_error": [0.3, 0.4, 1.6e6], "odds_ratio": np.exp([-3.0, 2.0, 32.7]),
        "p_value": [0.01, 0.002, 1.0], "statistic": [-10.0, 5.0, 0.0],
        "separation": [False, False, True]})  # fmt: skip
    result = TieChangeResult(table, "Noord", "2025", "2026", actors=12, not_converged=3)
    kinds = [(s.kind, s.code) for s in statements(result)]
    assert kinds == [
        ("header", "header"),
        ("term", "tie_before.positive"),
        ("separation", "separation"),
    ]
    warning = statements(result)[-1].text("nl")
    assert "both_team" in warning and "scheiding" in warning and "2026" in warning
    summary = result.summary(lang="nl").as_text()
    assert "scheiding" in summary and "3 van de permutatie-schattingen" in summary


def test_single_precision_bulk_is_polished_where_it_decides_a_p_value():
    """The float32 bulk is far closer to the double-precision refit than BORDER,
    and a refit near the observed statistic comes out in double precision."""
    rng = np.random.default_rng(3)
    d, b = 2000, 40
    F = np.column_stack([np.ones(d), rng.integers(0, 2, d), rng.poisson(3, d)]).astype(float)
    y = (rng.random(d) < 1 / (1 + np.exp(2.5 - F[:, 1] - 0.2 * F[:, 2]))).astype(float)
    V = rng.normal(size=(b, d))
    start, _ = M.logit_newton(F, y)
    beta, se = M.logit_newton(F, y, V, start=start[0], tol=1e-10)
    exact = beta[:, -1] / se[:, -1]
    terms = np.array([F.shape[1]])
    far = M._z_values(F, y, V, start[0], 1e6, terms)  # nothing near: all single precision
    error = np.abs(far[:, 0] - exact) / (1 + np.abs(exact))
    assert error.max() < M.BORDER / 10
    assert error.max() > 1e-12  # it really was single precision
    target = exact[7]  # an observed statistic equal to refit 7's
    near = M._z_values(F, y, V, start[0], target, terms)
    # double precision to logit_newton's tol (1e-7; its exp is single precision, whose
    # rounding differs between CPUs), far below the single-precision error above
    assert abs(near[7, 0] - exact[7]) <= 1e-7 * (1 + abs(exact[7]))
    assert abs(near[7, 0] - exact[7]) < error.max() / 10
    assert np.all(near[:, 1] == 1)
