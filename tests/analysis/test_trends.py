"""Trends of one wijk over the waves: the comparison's bootstrap rule, protection, network measures per wave."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijknet.analysis.compare import compare_graph
from wijknet.analysis.trends import (
    TREND_COLUMNS,
    TREND_METRICS,
    metric_rows,
    metric_trends,
    network_by_wave,
)
from wijknet.datasets.demo import write_demo
from wijknet.inference import bootstrap_ci
from wijknet.metrics import cross_domain_share
from wijknet.privacy import Audience, restrict
from wijknet.privacy.load import load_project
from wijknet.privacy.suppression import protect_counts


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return load_project(write_demo(tmp_path_factory.mktemp("demo") / "demo"))


def test_trends_use_the_bootstrap_of_the_comparison(demo):
    wijk = demo.wijken[0]
    table = metric_trends(demo, wijk, n_boot=60, seed=3)
    assert list(table.columns) == TREND_COLUMNS
    assert len(table) == len(demo.waves) * len(TREND_METRICS)
    for wave in demo.waves:
        G = demo.graph(wijk, wave)
        same = compare_graph(G, n_boot=60, seed=3).set_index("measure")
        rows = table[table["wave"] == wave].set_index("metric")
        for metric in TREND_METRICS:
            assert rows.loc[metric, "estimate"] == pytest.approx(same.loc[metric, "value"])
            assert rows.loc[metric, "ci_low"] == pytest.approx(same.loc[metric, "ci_low"])
            assert rows.loc[metric, "ci_high"] == pytest.approx(same.loc[metric, "ci_high"])
        assert (rows["actors"] == G.number_of_nodes()).all() and (
            rows["ties"] == G.number_of_edges()
        ).all()


def test_share_interval_equals_a_direct_bootstrap_of_the_share(demo):
    wijk, wave = demo.wijken[0], demo.waves[-1]
    row = metric_rows(metric_trends(demo, wijk, n_boot=80, seed=1), "cross_domain_share")
    row = row[row["wave"] == wave].iloc[0]

    def share(H):
        return cross_domain_share(H, "domain")

    direct = bootstrap_ci(demo.graph(wijk, wave), share, n_boot=80, seed=1, level=0.95)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(
        (direct.ci_low, direct.ci_high), abs=1e-12
    )


def test_trends_empty_wave_and_filters(demo):
    wijk = demo.wijken[0]
    table = metric_trends(demo, wijk, n_boot=20, min_weight=1e9)  # no tie is that strong
    assert table["ties"].eq(0).all()
    assert table[["estimate", "ci_low", "ci_high"]].isna().all().all()


def test_trends_for_a_leernetwerk_blank_small_counts(demo):
    shared = restrict(demo, Audience.parse("leernetwerk"))
    wijk = shared.wijken[0]
    plain = metric_trends(demo, wijk, n_boot=0)
    table = metric_trends(shared, wijk, n_boot=0)
    expected = protect_counts(
        plain[["actors", "ties"]].astype(float), ["actors", "ties"], shared.config.min_cell
    )
    pd.testing.assert_frame_equal(table[["actors", "ties"]].astype(float), expected)
    n = shared.config.min_cell
    assert not ((table["ties"] > 0) & (table["ties"] < n)).any()


def test_metric_rows():
    t = pd.DataFrame(
        {
            "wave": ["1", "1", "2"],
            "metric": ["density", "ei_index", "density"],
            "estimate": [1, 2, 3],
        }
    )
    assert metric_rows(t, "density")["estimate"].tolist() == [1, 3]
    assert metric_rows(t, "density").index.tolist() == [0, 1]


def test_network_by_wave_one_row_per_wave(demo):
    wijk = demo.wijken[0]
    table = network_by_wave(demo, wijk, n_permutations=0)
    assert table["wave"].tolist() == list(demo.waves)
    assert np.isfinite(table["density"]).all()
    shared = restrict(demo, Audience.parse("leernetwerk"))
    protected = network_by_wave(shared, wijk, n_permutations=0)
    assert list(protected.columns) == list(table.columns)


def test_wave_change_is_protected_for_a_leernetwerk(demo):
    from wijknet.analysis.change import compare_waves, protect_for_audience
    from wijknet.analysis.trends import wave_change

    wijk, (a, b) = demo.wijken[0], demo.waves[:2]
    row = wave_change(demo, wijk, a, b, n_permutations=0)
    assert row.equals(compare_waves(demo, wijk, a, b, n_permutations=0).iloc[0])
    shared = restrict(demo, Audience.parse("leernetwerk"))
    blank = wave_change(shared, wijk, a, b, n_permutations=0)
    expected = protect_for_audience(
        shared, compare_waves(shared, wijk, a, b, n_permutations=0)
    ).iloc[0]
    pd.testing.assert_series_equal(blank, expected)
