"""Random-effects meta-analysis against R metafor (tests/fixtures/meta/make_meta.R) and by hand."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.export.conftest import need, r_has
from wijknet.inference.meta import MetaResult, meta_analysis, tau2_dl, tau2_reml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "meta"
SCRIPT = FIXTURES / "make_meta.R"
INPUTS = pd.read_csv(FIXTURES / "inputs.csv")
REFERENCE = pd.read_csv(FIXTURES / "reference.csv")
CASES = [tuple(r) for r in REFERENCE[["dataset", "method"]].itertuples(index=False)]
TOL = 1e-6


@pytest.mark.parametrize(("dataset", "method"), CASES)
def test_equals_metafor(dataset, method):
    data = INPUTS[INPUTS["dataset"] == dataset]
    ref = REFERENCE[(REFERENCE["dataset"] == dataset) & (REFERENCE["method"] == method)].iloc[0]
    result = meta_analysis(data["yi"], data["sei"], method=method, labels=data["unit"])
    assert result.wijken == ref["k"]
    assert result.estimate == pytest.approx(ref["estimate"], abs=TOL)
    assert result.std_error == pytest.approx(ref["se"], abs=TOL)
    assert result.tau2 == pytest.approx(ref["tau2"], abs=TOL)
    assert 100 * result.i2 == pytest.approx(ref["I2"], abs=TOL)  # metafor: percent
    assert result.Q == pytest.approx(ref["QE"], abs=TOL)
    assert result.Q_p == pytest.approx(ref["QEp"], abs=TOL)
    assert result.ci_low == pytest.approx(ref["ci_lb"], abs=TOL)
    assert result.ci_high == pytest.approx(ref["ci_ub"], abs=TOL)


def test_fixtures_cover_the_cases_the_issue_names():
    reml = REFERENCE[REFERENCE["method"] == "REML"].set_index("dataset")
    assert reml.loc["tau2_zero", "tau2"] == 0  # no heterogeneity
    assert reml.loc["large_heterogeneity", "I2"] > 90  # large heterogeneity
    assert reml.loc["three_wijken", "k"] == 3
    assert (reml["tau2"] > 0).sum() >= 4


def test_r_script_reproduces_the_committed_fixtures(tmp_path):
    need(r_has("metafor"), "Rscript with metafor")
    run = subprocess.run(
        ["Rscript", str(SCRIPT), str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    for name in ("inputs.csv", "reference.csv"):
        fresh, committed = pd.read_csv(tmp_path / name), pd.read_csv(FIXTURES / name)
        pd.testing.assert_frame_equal(fresh, committed, check_exact=False, atol=1e-12, rtol=0)


def test_dl_by_hand():
    # y = (0.1, 0.6, -0.2), v = (0.01, 0.04, 0.04): w = (100, 25, 25), sum w = 150,
    # mu_FE = (10 + 15 - 5) / 150 = 2/15, Q = 100 (1/30)^2 + 25 (7/15)^2 + 25 (1/3)^2 = 25/3,
    # sum w - sum w^2 / sum w = 150 - 11250 / 150 = 75, tau2 = (25/3 - 2) / 75 = 19/225.
    result = meta_analysis([0.1, 0.6, -0.2], [0.1, 0.2, 0.2], method="DL")
    assert result.Q == pytest.approx(25 / 3)
    assert result.tau2 == pytest.approx(19 / 225)
    assert result.i2 == pytest.approx((25 / 3 - 2) / (25 / 3))  # DL: I2 = (Q - df) / Q
    w = 1 / (np.array([0.01, 0.04, 0.04]) + 19 / 225)
    assert result.estimate == pytest.approx(np.sum(w * [0.1, 0.6, -0.2]) / w.sum())
    assert result.std_error == pytest.approx(1 / np.sqrt(w.sum()))
    assert result.weights.sum() == pytest.approx(1)


def test_equal_errors_reml_solves_the_reml_equation():
    # Equal v: REML tau2 = sum (y - ybar)^2 / (k - 1) - v (when positive).
    y = np.array([0.0, 0.5, 1.0, 0.2])
    tau2, iterations = tau2_reml(y, np.full(4, 0.02))
    assert tau2 == pytest.approx(np.var(y, ddof=1) - 0.02, abs=1e-7)
    assert iterations >= 1


def test_tau2_never_negative_and_q_below_df_gives_zero():
    y, v = np.array([0.5, 0.5, 0.51]), np.array([0.1, 0.2, 0.3])
    assert tau2_dl(y, v) == 0
    assert tau2_reml(y, v)[0] == 0
    result = meta_analysis(y, np.sqrt(v))
    assert result.tau2 == 0 and result.i2 == 0


def test_single_estimate_and_missing_values():
    result = meta_analysis([0.7, np.nan], [0.3, 0.1], labels=["Noord", "Zuid"])
    assert (result.wijken, result.estimate, result.std_error, result.tau2, result.Q) == (
        1, 0.7, 0.3, 0.0, 0.0)  # fmt: skip
    assert result.labels == ("Noord",)


@pytest.mark.parametrize(
    ("estimates", "errors", "message"),
    [([], [], "no estimates"), ([0.1], [0.0], "positive"), ([0.1, 0.2], [0.1], "equal length")],
)
def test_bad_input(estimates, errors, message):
    with pytest.raises(ValueError, match=message):
        meta_analysis(estimates, errors)


def test_bad_method():
    with pytest.raises(ValueError, match="method"):
        meta_analysis([0.1, 0.2], [0.1, 0.1], method="PM")


def test_summary_and_units():
    result = meta_analysis([0.1, 0.6, -0.2], [0.1, 0.2, 0.2], labels=["Noord", "Oost", "Zuid"])
    assert isinstance(result, MetaResult)
    text = result.summary(lang="nl").as_text()
    assert "REML" in text and "Noord" in text and "0,162" in text
    english = result.summary(lang="en").as_text()
    assert "Pooled estimate" in english and "0.162" in english
    units = result.units()
    assert list(units.columns) == ["unit", "estimate", "std_error", "ci_low", "ci_high", "weight"]
    assert units["ci_low"].iloc[0] == pytest.approx(0.1 - 1.959963984540054 * 0.1)
    assert result.to_frame().loc[0, "wijken"] == 3
