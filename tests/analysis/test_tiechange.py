"""Tie-change model: the design built by hand (loops over dyads) and fitted
with statsmodels gives the same estimates; stable actors only; the plain
sentences of describe()."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from wijknet import Project
from wijknet.analysis.tiechange import (
    TABLE_COLUMNS,
    describe,
    statements,
    statements_frame,
    tie_change_model,
)
from wijknet.core.settings import ProjectConfig

N = 30
DOMAINS = ("zorg", "welzijn", "gemeente")
KERN = ("Welzijn op Recept", "Kernteam Ouderen")


@pytest.fixture(scope="module")
def project() -> Project:
    """30 actors; actor 28 leaves after 2025, actor 29 enters in 2026. Ties in
    2026 depend on the 2025 ties and on the domain, with noise."""
    rng = np.random.default_rng(11)
    ids = [f"a{i:02d}" for i in range(N)]
    actors = pd.DataFrame({
        "actor_id": ids, "wijk": "Noord", "domain": [DOMAINS[i % 3] for i in range(N)],
        "pluswijkteam": ["ja" if i < 5 else "nee" for i in range(N)],
        "kernaanpakken": [KERN[i % 2] if i % 3 == 0 else "" for i in range(N)],
        "first_wave": ["2026" if i == 29 else "" for i in range(N)],
        "last_wave": ["2025" if i == 28 else "" for i in range(N)],
    })  # fmt: skip
    domain = np.array([i % 3 for i in range(N)])
    x = rng.random((N, N)) < 0.12
    x[29, :] = x[:, 29] = False
    same = domain[:, None] == domain[None, :]
    y = np.where(x, rng.random((N, N)) < 0.6, rng.random((N, N)) < np.where(same, 0.10, 0.04))
    y[28, :] = y[:, 28] = False
    rows = []
    for wave, m in (("2025", x), ("2026", y)):
        np.fill_diagonal(m, False)
        rows += [
            {"wijk": "Noord", "wave": wave, "source": ids[i], "target": ids[j]}
            for i, j in zip(*np.nonzero(m))
        ]
    return Project.from_frames(
        actors, pd.DataFrame(rows, dtype=str), ProjectConfig(waves=["2025", "2026"])
    )


@pytest.fixture(scope="module")
def result(project):
    return tie_change_model(project, "Noord", "2025", "2026", n_permutations=49, seed=1)


def hand_design(project, directed=True):
    """One row per dyad of stable actors, built with plain loops."""
    G1, G2 = project.graph("Noord", "2025"), project.graph("Noord", "2026")
    if not directed:
        G1, G2 = G1.to_undirected(), G2.to_undirected()
    actors = project.actors.set_index("actor_id")
    stable = [a for a in actors.index if a in G1 and a in G2]
    rows = []
    for i, a in enumerate(stable):
        for j, b in enumerate(stable):
            if a == b or (not directed and j < i):
                continue
            kern_a = set(filter(None, actors.loc[a, "kernaanpakken"].split(";")))
            kern_b = set(filter(None, actors.loc[b, "kernaanpakken"].split(";")))
            row = {
                "y": float(G2.has_edge(a, b)),
                "intercept": 1.0,
                "tie_before": float(G1.has_edge(a, b)),
            }
            if directed:
                row["reciprocation"] = float(G1.has_edge(b, a))
            row["same_domain"] = float(actors.loc[a, "domain"] == actors.loc[b, "domain"])
            row["both_team"] = float(
                actors.loc[a, "pluswijkteam"] and actors.loc[b, "pluswijkteam"]
            )
            row["shared_kernaanpak"] = float(bool(kern_a & kern_b))
            if directed:
                row["sender_degree"] = float(G1.out_degree(a))
                row["receiver_degree"] = float(G1.in_degree(b))
            else:
                row["degree_sum"] = float(G1.degree(a) + G1.degree(b))
            rows.append(row)
    return pd.DataFrame(rows), len(stable)


def test_table_columns_and_terms(result):
    assert list(result.to_frame().columns) == TABLE_COLUMNS
    assert result["term"].tolist() == ["intercept", "tie_before", "reciprocation", "same_domain", "both_team",
                                       "shared_kernaanpak", "sender_degree", "receiver_degree"]  # fmt: skip
    assert (result["wijk"] == "Noord").all() and (result["wave_to"] == "2026").all()
    np.testing.assert_allclose(result["odds_ratio"], np.exp(result["estimate"]))
    assert result["p_value"].between(1 / 50, 1).all()
    assert result.actors == 28, "the leaver and the newcomer are left out"
    assert result.null == "dsp" and result.n_permutations == 49
    assert (
        result.attrs["actors"] == 28 and result.attrs["null"] == "dsp"
    )  # the former DataFrame's .attrs


def test_estimates_equal_a_logistic_regression_on_the_hand_built_design(project, result):
    design, n = hand_design(project)
    assert len(design) == n * (n - 1)
    terms = result["term"].tolist()
    fit = sm.GLM(design["y"], design[terms], family=sm.families.Binomial()).fit(tol=1e-12)
    np.testing.assert_allclose(result["estimate"], fit.params[terms], rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(result["std_error"], fit.bse[terms], rtol=1e-6)
    # the data were made with persistence and homophily
    est = result.to_frame().set_index("term")["estimate"]
    assert est["tie_before"] > 2 and est["same_domain"] > 0.5


def test_undirected_model(project):
    table = tie_change_model(project, "Noord", "2025", "2026", n_permutations=0, symmetrise="union")
    assert "reciprocation" not in set(table["term"]) and "degree_sum" in set(table["term"])
    design, n = hand_design(project, directed=False)
    assert len(design) == n * (n - 1) // 2
    terms = table["term"].tolist()
    fit = sm.GLM(design["y"], design[terms], family=sm.families.Binomial()).fit(tol=1e-12)
    np.testing.assert_allclose(table["estimate"], fit.params[terms], rtol=1e-6, atol=1e-8)


def test_seeded_and_null_y(project, result):
    again = tie_change_model(project, "Noord", "2025", "2026", n_permutations=49, seed=1)
    pd.testing.assert_frame_equal(result.to_frame(), again.to_frame())
    qapy = tie_change_model(project, "Noord", "2025", "2026", n_permutations=19, seed=1, null="y")
    assert qapy.null == "y"
    np.testing.assert_allclose(qapy["estimate"], result["estimate"])


def test_score_statistic_by_default_and_wald_on_request(project, result):
    """The default score test and the refits of sna::netlogit agree within Monte Carlo error."""
    assert result.statistic == "score" and qapy_statistic(project) == "wald"
    wald = tie_change_model(project, "Noord", "2025", "2026", n_permutations=499, seed=1,
                            statistic="wald")  # fmt: skip
    score = tie_change_model(project, "Noord", "2025", "2026", n_permutations=499, seed=1)
    assert wald.statistic == "wald"
    pd.testing.assert_series_equal(score["estimate"], wald["estimate"])
    pd.testing.assert_series_equal(score["std_error"], wald["std_error"])
    for p_score, p_wald in zip(score["p_value"], wald["p_value"]):
        assert abs(p_score - p_wald) <= 4 * np.sqrt(2 * p_wald * (1 - p_wald) / 499) + 2 / 500
    # the statistics have the same sign and, away from the intercept, a similar size
    assert np.all(np.sign(score["statistic"]) == np.sign(wald["statistic"]))
    assert "score" in score.summary(lang="en").as_text()


def qapy_statistic(project) -> str:
    return tie_change_model(project, "Noord", "2025", "2026", n_permutations=9, null="y").statistic


def test_constant_terms_are_dropped(project):
    no_team = Project(project.actors.assign(pluswijkteam=False), project.ties, project.config)
    table = tie_change_model(no_team, "Noord", "2025", "2026", n_permutations=0)
    assert "both_team" not in set(table["term"]) and table.dropped == ["both_team"]
    assert "both_team" in describe(table)


def fake(term: str, estimate: float, p: float) -> pd.DataFrame:
    table = pd.DataFrame({"wijk": "Daalhof", "wave_from": "2025", "wave_to": "2026", "term": ["intercept", term],
                          "estimate": [-3.0, estimate], "std_error": 0.1, "odds_ratio": np.exp([-3.0, estimate]),
                          "p_value": [0.001, p], "statistic": 1.0})  # fmt: skip
    table.attrs.update({"actors": 120, "dropped": []})
    return table


def test_describe_in_plain_dutch_and_english():
    text = describe(fake("same_domain", 0.1, 0.4))
    assert (
        "Relaties tussen verschillende domeinen ontstaan en blijven in Daalhof even vaak als binnen een domein (p = 0,4)."
        in text
    )
    assert text.startswith("Daalhof, van 2025 naar 2026 (120 actoren")
    assert "intercept" not in text
    english = describe(fake("same_domain", 0.1, 0.4), "en")
    assert "as often as ties within a domain (p = 0.4)" in english
    assert "vaker dan relaties tussen verschillende domeinen (p = 0,030)" in describe(
        fake("same_domain", 1.2, 0.03)
    )
    assert "tussen verschillende domeinen ontstaan en blijven in Daalhof vaker" in describe(
        fake("same_domain", -0.8, 0.01)
    )
    assert "(p < 0,001)" in describe(fake("tie_before", 3.0, 0.000999))
    assert "(p = 0,98)" in describe(fake("both_team", 0.01, 0.985)) and "(p = 1)" in describe(
        fake("both_team", 0.0, 1.0)
    )
    assert "(p = 0,045)" in describe(fake("both_team", 0.5, 0.045))


def test_describe_a_real_model(result):
    text = describe(result, "nl")
    lines = text.splitlines()
    assert len(lines) == 1 + 7, "header and one line per term"
    for jargon in ("odds", "coëfficiënt", "MRQAP", "logit"):
        assert jargon not in text


def test_statements_are_codes_and_values_behind_describe(result):
    items = statements(result)
    assert [s.kind for s in items] == ["header"] + ["term"] * 7
    assert items[0].actors == 28
    terms = result.to_frame().set_index("term")
    for s in items[1:]:
        assert s.code == f"{s.term}.{s.effect}" and s.effect in ("positive", "none", "negative")
        assert s.p_value == terms.loc[s.term, "p_value"]
        if s.effect != "none":
            assert (s.estimate > 0) == (s.effect == "positive") and s.p_value < 0.05
    assert describe(result, "en").splitlines() == [
        ("- " if s.kind == "term" else "") + s.text("en") for s in items
    ]
    frame = statements_frame(result)
    assert frame["code"].tolist() == [s.code for s in items]


def test_statements_with_dropped_terms_and_withheld_actors():
    table = fake("same_domain", 0.1, 0.4)
    table.attrs["dropped"] = ["both_team", "shared_kernaanpak"]
    items = statements(table, actors=float("nan"))
    assert items[-1].kind == "dropped" and items[-1].terms == ("both_team", "shared_kernaanpak")
    assert "(– actoren" in items[0].text("nl")
    assert "(7 actors" in statements(table, actors=7)[0].text("en")


def test_summary_of_the_result(result):
    summary = result.summary("en")
    assert summary.title == "Tie-change model: Noord, 2025 to 2026"
    assert [caption for caption, _ in summary.tables] == ["Model", "Coefficients"]
    assert summary.tables[1][1]["term"].tolist() == result.to_frame()["term"].tolist()
    assert len(summary.notes) == 7 and "Dutch" not in summary.as_text()
    assert "Model van relatieverandering" in result.summary("nl").as_text()
