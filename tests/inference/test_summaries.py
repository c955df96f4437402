"""summary() and to_frame() of the inference result objects, in Dutch and English."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from wijknet.core.summary import Summary
from wijknet.inference import bootstrap_ci, mrqap, qap_correlation


@pytest.fixture(scope="module")
def graphs():
    G = nx.gnp_random_graph(12, 0.3, seed=4, directed=True)
    H = nx.gnp_random_graph(12, 0.3, seed=5, directed=True)
    return G, H


def test_qap_summary_shows_the_frame_in_both_languages(graphs):
    result = qap_correlation(*graphs, n_permutations=49, seed=0)
    dutch, english = result.summary("nl"), result.summary("en")
    assert isinstance(dutch, Summary)
    assert dutch.title == "QAP-toets" and english.title == "QAP test"
    shown = f"{result.p_value:.3f}"
    assert shown.replace(".", ",") in dutch.as_text() and shown in english.as_text()
    assert "49" in english.as_text()
    assert "<table" in english._repr_html_()


def test_bootstrap_summary_names_the_statistic_and_level(graphs):
    result = bootstrap_ci(graphs[0], "reciprocity", n_boot=50, seed=0, level=0.9)
    text = result.summary("en").as_text()
    assert text.startswith("Node bootstrap: reciprocity")
    assert "90% confidence interval (percentile)" in text
    assert f"{result.ci_low:.3f}" in text


def test_mrqap_to_frame_is_a_copy_of_the_table(graphs):
    G, H = graphs
    result = mrqap(G, {"h": H}, n_permutations=19, seed=0)
    frame = result.to_frame()
    pd.testing.assert_frame_equal(frame, result.table)
    frame.loc[0, "estimate"] = np.nan
    assert result.table["estimate"].notna().all()


def test_mrqap_summary_has_fit_and_coefficients(graphs):
    G, H = graphs
    result = mrqap(G, {"h": H}, family="binomial", null="y", n_permutations=19, seed=0)
    summary = result.summary("nl")
    assert summary.title == "MRQAP: logistische regressie"
    assert [caption for caption, _ in summary.tables] == ["Model", "Coëfficiënten"]
    coefficients = summary.tables[1][1]
    assert coefficients["term"].tolist() == ["intercept", "h"]
    assert "schatting" in coefficients.columns
    assert "QAP-Y" in summary.notes[0] and "19" in summary.notes[0]
