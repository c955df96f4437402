"""The programme evaluation: difference-in-differences by hand and in a seeded simulation; pooled tie change."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from tests.conftest import write
from wijknet import load_project
from wijknet.analysis.evaluation import (
    BASELINE_CHANGE,
    DID,
    DID_COLUMNS,
    META_COLUMNS,
    difference_in_differences,
    evaluation_tables,
    network_did,
    pool_tie_change,
    wave_measures,
    what_works_where,
)
from wijknet.analysis.tiechange import TieChangeResult
from wijknet.inference.meta import meta_analysis

# Three small wijken, two waves (fictional names). Noord and Oost are pilots, Zuid the comparison.
ACTORS = (
    "actor_id,wijk,domain,name,role,organisation,kind,pluswijkteam,kernaanpakken,consent\n"
    "a,Noord,zorg,Arts Fictief,huisarts,Praktijk Fictief,person,ja,Welzijn op Recept,ja\n"
    "b,Noord,zorg,Zorg Fictief,wijkverpleegkundige,Thuiszorg Fictief,person,nee,,ja\n"
    "c,Noord,welzijn,Coach Fictief,welzijnscoach,Welzijn Fictief,person,ja,Welzijn op Recept,ja\n"
    "d,Noord,welzijn,Werker Fictief,opbouwwerker,Welzijn Fictief,person,nee,,ja\n"
    "e,Oost,zorg,Arts Oost,huisarts,Praktijk Oost,person,ja,,ja\n"
    "f,Oost,gemeente,Consulent Oost,Wmo-consulent,Gemeente Fictief,person,ja,,ja\n"
    "g,Oost,zorg,Zorg Oost,wijkverpleegkundige,Thuiszorg Oost,person,nee,,ja\n"
    "h,Zuid,zorg,Arts Zuid,huisarts,Praktijk Zuid,person,nee,,ja\n"
    "i,Zuid,welzijn,Coach Zuid,welzijnscoach,Welzijn Zuid,person,nee,,ja\n"
    "j,Zuid,welzijn,Werker Zuid,opbouwwerker,Welzijn Zuid,person,nee,,ja\n"
)
TIES = (
    "wijk,wave,source,target,tie_type,weight,evidence\n"
    "Noord,2025,a,b,samenwerking,1,enquête\n"
    "Noord,2025,a,c,samenwerking,1,enquête\n"
    "Noord,2026,a,b,samenwerking,1,enquête\n"
    "Noord,2026,a,c,samenwerking,1,enquête\n"
    "Noord,2026,c,d,samenwerking,1,enquête\n"
    "Noord,2026,b,d,samenwerking,1,enquête\n"
    "Oost,2025,e,f,samenwerking,1,enquête\n"
    "Oost,2025,e,g,samenwerking,1,enquête\n"
    "Oost,2026,e,f,samenwerking,1,enquête\n"
    "Oost,2026,f,g,samenwerking,1,enquête\n"
    "Oost,2026,g,e,samenwerking,1,enquête\n"
    "Zuid,2025,h,i,samenwerking,1,enquête\n"
    "Zuid,2025,i,j,samenwerking,1,enquête\n"
    "Zuid,2026,h,i,samenwerking,1,enquête\n"
)
GROUPS = {"Noord": "pilot", "Oost": "pilot", "Zuid": "comparison"}


@pytest.fixture
def small(tmp_path: Path):
    write(tmp_path, "actors.csv", ACTORS)
    write(tmp_path, "ties.csv", TIES)
    return load_project(tmp_path)


def _row(table, measure):
    return table[table["measure"] == measure].iloc[0]


def test_did_by_hand(small):
    # Density L / (N (N - 1)):  Noord 2/12 -> 4/12 (+1/6), Oost 2/6 -> 3/6 (+1/6), Zuid 2/6 -> 1/6 (-1/6).
    # Cross-domain share E / (E + I): Noord 1/2 -> 2/4 (0), Oost 1/2 -> 2/3 (+1/6), Zuid 1/2 -> 1/1 (+1/2).
    # Mean degree L / N: Noord 2/4 -> 4/4 (+1/2), Oost 2/3 -> 3/3 (+1/3), Zuid 2/3 -> 1/3 (-1/3).
    result = network_did(small, groups=GROUPS, n_boot=50, seed=1)
    table = result.table
    assert list(table.columns) == DID_COLUMNS
    density = _row(table, "density")
    assert density["pilot_change"] == pytest.approx(1 / 6)
    assert density["comparison_change"] == pytest.approx(-1 / 6)
    assert density["difference"] == pytest.approx(1 / 3)
    assert (density["pilot_wijken"], density["comparison_wijken"]) == (2, 1)
    assert (density["wave_from"], density["wave_to"], density["design"]) == ("2025", "2026", DID)
    cross = _row(table, "cross_domain_share")
    assert cross["pilot_change"] == pytest.approx(1 / 12)
    assert cross["difference"] == pytest.approx(1 / 12 - 1 / 2)
    assert _row(table, "ei_index")["difference"] == pytest.approx(
        2 * (1 / 12 - 1 / 2)
    )  # EI = 2 share - 1
    assert _row(table, "mean_degree")["difference"] == pytest.approx(5 / 12 + 1 / 3)
    assert (table["ci_low"] <= table["difference"] + 1e-12).all()
    assert (table["difference"] <= table["ci_high"] + 1e-12).all()


def test_without_comparison_wijken_the_change_from_baseline_is_said_as_such(small):
    table = network_did(small, n_boot=50).table  # default: every wijk a pilot
    density = _row(table, "density")
    assert density["design"] == BASELINE_CHANGE
    assert density["difference"] == pytest.approx((1 / 6 + 1 / 6 - 1 / 6) / 3)
    assert np.isnan(density["comparison_change"]) and density["comparison_wijken"] == 0
    assert "nulmeting" in " ".join(network_did(small, n_boot=0).summary(lang="nl").notes)


def test_point_values_equal_network_metrics(small):
    from wijknet.metrics import network_metrics

    values = wave_measures(small, n_boot=0).values.set_index(["wijk", "wave"])
    for wijk in small.wijken:
        for wave in small.waves:
            net = network_metrics(small.graph(wijk, wave), "domain", n_permutations=0).iloc[0]
            assert values.loc[(wijk, wave), "density"] == pytest.approx(net["density"])
            assert values.loc[(wijk, wave), "cross_domain_share"] == pytest.approx(
                net["cross_domain_share"]
            )
            assert values.loc[(wijk, wave), "ei_index"] == pytest.approx(net["ei_index"])


def test_replicates_pair_the_waves_and_are_seeded(small):
    one = wave_measures(small, n_boot=20, seed=3).replicates
    two = wave_measures(small, n_boot=20, seed=3).replicates
    pd.testing.assert_frame_equal(one, two)
    assert not one.equals(wave_measures(small, n_boot=20, seed=4).replicates)
    assert set(one["replicate"]) == set(range(20))
    # Paired: Zuid's actors take part in both waves, so each replicate has the same copies in both,
    # and density x (copies^2 - sum of squared multiplicities) is a whole number of ties per wave.
    zuid = one[one["wijk"] == "Zuid"].pivot(index="replicate", columns="wave", values="mean_degree")
    ratio = one[one["wijk"] == "Zuid"].pivot(index="replicate", columns="wave", values="density")
    copies = (zuid / ratio).dropna()  # mean degree / density = D / N, the same in both waves
    assert np.allclose(copies["2025"], copies["2026"])


def test_did_from_any_table_of_values():
    # A measure given as a column (e.g. kernaanpak completeness), two later waves, no replicates.
    values = pd.DataFrame({"wijk": ["A"] * 3 + ["B"] * 3, "wave": ["0", "1", "2"] * 2,
                           "completeness": [0.2, 0.4, 0.7, 0.3, 0.35, 0.4]})  # fmt: skip
    result = difference_in_differences(values, groups={"A": "pilot", "B": "comparison"})
    table = result.table
    assert table["wave_to"].tolist() == ["1", "2"]
    assert table["difference"].tolist() == pytest.approx([0.2 - 0.05, 0.5 - 0.1])
    assert table["ci_low"].isna().all()
    with pytest.raises(ValueError, match="pilot"):
        difference_in_differences(values, groups={"A": "treated"})
    with pytest.raises(ValueError, match="baseline"):
        difference_in_differences(values, baseline="9")


def test_did_interval_from_given_replicates():
    values = pd.DataFrame(
        {"wijk": ["A", "A", "B", "B"], "wave": ["0", "1"] * 2, "m": [0.0, 1.0, 0.0, 0.0]}
    )
    # Replicate r: A changes by 1 + r/10, B by -r/10, so D_r = 1 + 2 r / 10 for r = 0..10.
    reps = pd.DataFrame(
        [{"wijk": w, "wave": v, "replicate": r, "m": (1 + r / 10 if w == "A" else -r / 10) if v == "1" else 0.0}
         for w in "AB" for v in "01" for r in range(11)]
    )  # fmt: skip
    row = difference_in_differences(values, groups={"A": "pilot", "B": "comparison"},
                                    replicates=reps, level=0.8).table.iloc[0]  # fmt: skip
    draws = 1 + 2 * np.arange(11) / 10
    # Without B's replicates there is no joint draw: no interval rather than a pilots-only one.
    partial = difference_in_differences(values, groups={"A": "pilot", "B": "comparison"},
                                        replicates=reps[reps["wijk"] == "A"]).table.iloc[0]  # fmt: skip
    assert np.isnan(partial["ci_low"]) and partial["difference"] == pytest.approx(1.0)
    assert row["ci_low"] == pytest.approx(np.quantile(draws, 0.1))
    assert row["ci_high"] == pytest.approx(np.quantile(draws, 0.9))


class _SimProject:
    """Just enough of a Project for wave_measures: wijken, waves and graphs."""

    def __init__(self, graphs):
        self.graphs = graphs
        self.wijken = sorted({w for w, _ in graphs})
        self.waves = ["0", "1"]

    def graph(self, wijk, wave):
        return self.graphs[(wijk, wave)]


def _expit(x):
    return 1 / (1 + np.exp(-x))


KEEP, BASE = 0.6, -2.6
NEW = {"pilot": -2.2, "comparison": -2.8}
SOCIALITY = 0.6


def _simulated_wijk(rng, n, group):
    a = rng.normal(0, SOCIALITY, n)
    eta = a[:, None] + a[None, :]
    y0 = rng.random((n, n)) < _expit(BASE + eta)
    y1 = np.where(y0, rng.random((n, n)) < KEEP, rng.random((n, n)) < _expit(NEW[group] + eta))
    graphs = []
    for y in (y0, y1):
        np.fill_diagonal(y, False)
        G = nx.from_numpy_array(y.astype(int), create_using=nx.DiGraph)
        nx.set_node_attributes(G, "zorg", "domain")
        graphs.append(G)
    return graphs


def _true_density_change(group, draws=400_000, seed=99):
    # E[p0 (KEEP - 1) + (1 - p0) p1] over independent sociality of the two actors (Monte Carlo).
    rng = np.random.default_rng(seed)
    eta = rng.normal(0, SOCIALITY, draws) + rng.normal(0, SOCIALITY, draws)
    p0, p1 = _expit(BASE + eta), _expit(NEW[group] + eta)
    return float(np.mean(p0 * (KEEP - 1) + (1 - p0) * p1))


def test_did_intervals_cover_the_true_effect_in_a_seeded_simulation():
    # Three pilot and three comparison wijken of 30 actors; actors with random sociality, so the
    # node bootstrap's model (actors sampled from a population) holds. True DiD of density is known.
    truth = _true_density_change("pilot") - _true_density_change("comparison")
    rng = np.random.default_rng(2027)
    groups = {f"p{i}": "pilot" for i in range(3)} | {f"c{i}": "comparison" for i in range(3)}
    hits, sims, estimates, widths = 0, 120, [], []
    for sim in range(sims):
        graphs = {}
        for wijk, group in groups.items():
            for wave, G in zip(("0", "1"), _simulated_wijk(rng, 30, group)):
                graphs[(wijk, wave)] = G
        measured = wave_measures(_SimProject(graphs), measures=["density"], n_boot=200, seed=sim)
        row = difference_in_differences(measured.values, groups=groups,
                                        replicates=measured.replicates).table.iloc[0]  # fmt: skip
        hits += row["ci_low"] <= truth <= row["ci_high"]
        estimates.append(row["difference"])
        widths.append(row["ci_high"] - row["ci_low"])
    rate = hits / sims
    # Nominal 0.95. The node bootstrap is conservative when tie noise dominates the actors' own
    # differences (docs/methods.md gives the rate of 1,000 runs), so the band is wide...
    assert 0.88 <= rate <= 1.0, rate
    assert abs(np.mean(estimates) - truth) < 0.2 * truth  # the estimator is (nearly) unbiased
    # ... but an interval must not be uselessly wide: at most twice the width the spread of the
    # estimates over the simulations calls for (2 x 1.96 sd).
    assert np.mean(widths) < 2 * (2 * 1.96 * np.std(estimates, ddof=1)), (
        np.mean(widths),
        np.std(estimates),
    )


def test_pool_tie_change_equals_meta_analysis_per_term():
    def result(wijk, est, se, dropped=()):
        terms = ["intercept", "same_domain", "both_team"]
        table = pd.DataFrame({"wijk": wijk, "wave_from": "2025", "wave_to": "2026", "term": terms,
                              "estimate": est, "std_error": se})  # fmt: skip
        table = table[~table["term"].isin(dropped)]
        return TieChangeResult(table, wijk, "2025", "2026")

    results = [result("A", [-3, 0.5, 1.0], [0.2, 0.1, 0.3]), result("B", [-2, 0.1, 0.2], [0.2, 0.2, 0.3]),
               result("C", [-2.5, -0.2, 0.0], [0.3, 0.15, 0.2], dropped=["both_team"])]  # fmt: skip
    pooled = pool_tie_change(results)
    assert list(pooled.table.columns) == META_COLUMNS
    assert pooled.table["term"].tolist() == [
        "same_domain",
        "both_team",
    ]  # no intercept, TERMS order
    same = meta_analysis([0.5, 0.1, -0.2], [0.1, 0.2, 0.15])
    row = pooled.table.iloc[0]
    assert row["estimate"] == pytest.approx(same.estimate)
    assert row["tau2"] == pytest.approx(same.tau2)
    assert row["wijken"] == 3 and pooled.table.iloc[1]["wijken"] == 2  # C dropped both_team
    assert pooled.result("same_domain", "2025", "2026").labels == ("A", "B", "C")
    assert "REML" in pooled.summary(lang="nl").title


def test_what_works_where_on_a_small_project(small):
    pooled = what_works_where(small)
    assert list(pooled.table.columns) == META_COLUMNS
    assert set(pooled.table["wijken"]) <= {1, 2, 3}
    assert (pooled.table["tau2"] >= 0).all()


def test_evaluation_tables_and_the_lens(small):
    from wijknet.analysis.programme import programme_tables

    tables = evaluation_tables(small, n_boot=20)
    assert set(tables) == {"did", "meta"}
    assert list(tables["did"].columns) == DID_COLUMNS
    assert {"did", "meta"} <= set(programme_tables(small))


def test_leernetwerk_sees_no_actor_rows_and_no_small_wijk_sizes(small):
    from wijknet.privacy import restrict

    project = restrict(small, "leernetwerk", key=bytes(32))
    tables = evaluation_tables(project, n_boot=20)
    for table in tables.values():
        assert not {"actor_id", "name", "source", "target", "wijk"} & set(table.columns)
    # Every wijk has fewer than min_cell (5) actors: no density, mean degree or other value shown.
    did = tables["did"]
    assert did[["pilot_change", "difference", "ci_low", "ci_high"]].isna().all().all()


def test_wijkteam_sees_its_own_wijk_only(small):
    from wijknet.privacy import restrict

    project = restrict(small, "wijkteam:Noord", key=bytes(32))
    did = evaluation_tables(project, n_boot=20)["did"]
    assert (did["pilot_wijken"] == 1).all()
    assert _row(did, "density")["difference"] == pytest.approx(1 / 6)  # Noord's own change
