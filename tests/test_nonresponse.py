"""Non-response treatments on hand-worked graphs, and response rates of a small project."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

from wijknet.metrics import network_metrics
from wijknet.nonresponse import (
    METHODS,
    compare_treatments,
    observed_density,
    respondents,
    response_rates,
    treat_nonresponse,
)
from wijknet.project import Project, ProjectConfig


def small_graph() -> nx.DiGraph:
    """a, b respond; c, d do not.

    Reported: a->b, a->c, b->d. Non-respondent rows (from other sources): c->a, c->d, d->c.
    """
    G = nx.DiGraph()
    for v, dom in zip("abcd", ("zorg", "welzijn", "zorg", "wonen")):
        G.add_node(v, domain=dom)
    for u, v, w in (("a", "b", 2.0), ("a", "c", 3.0), ("b", "d", 4.0), ("c", "a", 1.0), ("c", "d", 1.0),
                    ("d", "c", 1.0)):
        G.add_edge(u, v, weight=w, tie_type="samenwerking", evidence="")
    return G


def test_none_keeps_the_graph_and_flags_respondents():
    G = small_graph()
    H = treat_nonresponse(G, {"a", "b"}, "none")
    assert set(H.edges) == set(G.edges)
    assert {v: d["responded"] for v, d in H.nodes(data=True)} == {"a": True, "b": True, "c": False, "d": False}
    assert H.graph["nonresponse"] == "none"
    assert "responded" not in G.nodes["a"]  # the input is not changed


def test_drop_removes_non_respondents_and_their_ties():
    H = treat_nonresponse(small_graph(), {"a", "b"}, "drop")
    assert set(H.nodes) == {"a", "b"}
    assert set(H.edges) == {("a", "b")}


def test_reconstruct_uses_the_transpose():
    G = small_graph()
    H = treat_nonresponse(G, ["a", "b"], "reconstruct")
    assert set(H.nodes) == set("abcd")
    # Respondents' rows kept; c->a from a->c, d->b from b->d; c<->d (two non-respondents) unknown.
    assert set(H.edges) == {("a", "b"), ("a", "c"), ("b", "d"), ("c", "a"), ("d", "b")}
    assert H.edges["d", "b"]["imputed"] == "transpose"
    assert H.edges["d", "b"]["weight"] == 4.0  # the respondent's report for both directions
    assert H.edges["c", "a"]["weight"] == 3.0  # replaced, not the other source's 1.0
    assert "imputed" not in H.edges["a", "b"]


def test_observed_density_counts_respondent_rows():
    # a: 2 arcs, b: 1 arc, over 2 rows of 3 pairs.
    assert observed_density(small_graph(), {"a", "b"}) == pytest.approx(0.5)
    assert math.isnan(observed_density(small_graph(), set()))


def test_impute_is_seeded_and_touches_only_non_respondent_dyads():
    G = nx.gnp_random_graph(30, 0.2, seed=3, directed=True)
    G = nx.relabel_nodes(G, {i: f"n{i:02d}" for i in G})
    nx.set_node_attributes(G, "zorg", "domain")
    responded = {f"n{i:02d}" for i in range(15)}
    missing = set(G) - responded
    R = treat_nonresponse(G, responded, "reconstruct")
    A = treat_nonresponse(G, responded, "impute", seed=1)
    B = treat_nonresponse(G, responded, "impute", seed=1)
    assert set(A.edges) == set(B.edges)
    assert set(A.edges) != set(treat_nonresponse(G, responded, "impute", seed=2).edges)
    added = set(A.edges) - set(R.edges)
    assert set(R.edges) <= set(A.edges)
    assert added and all(u in missing and v in missing for u, v in added)
    assert all(A.edges[e]["imputed"] == "density" for e in added)
    # Reconstruction leaves the dyads among non-respondents empty.
    assert not [(u, v) for u, v in R.edges if u in missing and v in missing]
    # The imputed share is near the observed density (15 x 14 = 210 pairs).
    share = len(added) / (15 * 14)
    assert abs(share - observed_density(G, responded)) < 0.1


def test_impute_with_density_one_and_zero():
    G = nx.DiGraph()
    G.add_nodes_from("abcd", domain="zorg")
    G.add_edges_from([("a", "b"), ("a", "c"), ("a", "d"), ("b", "a"), ("b", "c"), ("b", "d")], weight=1.0)
    H = treat_nonresponse(G, {"a", "b"}, "impute")
    assert H.has_edge("c", "d") and H.has_edge("d", "c")
    G.remove_edges_from(list(G.edges))
    assert treat_nonresponse(G, {"a", "b"}, "impute").number_of_edges() == 0


def test_bad_method_and_undirected_graph():
    with pytest.raises(ValueError, match="method"):
        treat_nonresponse(small_graph(), {"a"}, "listwise")
    with pytest.raises(ValueError, match="directed"):
        treat_nonresponse(nx.Graph(), set(), "drop")


def small_project(with_responses: bool = True) -> Project:
    actors = pd.DataFrame({
        "actor_id": ["a", "b", "c", "d", "e", "x"],
        "wijk": ["W", "W", "W", "W", "W", "V"],
        "domain": ["zorg", "zorg", "welzijn", "welzijn", "wonen", "zorg"],
        "first_wave": ["", "", "", "", "2", ""],
    })
    ties = pd.DataFrame([("W", "1", "a", "c"), ("W", "1", "c", "a"), ("W", "1", "b", "d"), ("W", "2", "a", "e"),
                         ("W", "2", "e", "b")], columns=["wijk", "wave", "source", "target"])
    responses = pd.DataFrame([("W", "1", "a"), ("W", "1", "b"), ("W", "2", "a"), ("V", "1", "x")],
                             columns=["wijk", "wave", "actor_id"]) if with_responses else None
    return Project.from_frames(actors, ties, ProjectConfig(waves=["1", "2"]), responses=responses)


def test_response_rates_from_responses():
    table = response_rates(small_project())
    assert list(table.columns) == ["wijk", "wave", "domain", "present", "respondents", "rate", "basis"]
    w1 = table[(table["wijk"] == "W") & (table["wave"] == "1")].set_index("domain")
    assert w1.loc["zorg", ["present", "respondents"]].tolist() == [2, 2]
    assert w1.loc["welzijn", ["present", "respondents"]].tolist() == [2, 0]
    assert "wonen" not in w1.index  # e takes part from wave 2
    assert w1.loc["all", "rate"] == pytest.approx(0.5)
    w2 = table[(table["wijk"] == "W") & (table["wave"] == "2")].set_index("domain")
    assert w2.loc["all", ["present", "respondents"]].tolist() == [5, 1]
    assert set(table["basis"]) == {"responses"}
    v2 = table[(table["wijk"] == "V") & (table["wave"] == "2") & (table["domain"] == "all")].iloc[0]
    assert v2["respondents"] == 0 and v2["rate"] == 0


def test_response_rates_without_responses_use_outgoing_ties():
    project = small_project(with_responses=False)
    assert respondents(project, "W", "1") == ({"a", "b", "c"}, "outgoing ties")
    table = response_rates(project)
    total = table[(table["wijk"] == "W") & (table["wave"] == "1") & (table["domain"] == "all")].iloc[0]
    assert (total["present"], total["respondents"], total["basis"]) == (4, 3, "outgoing ties")
    v1 = table[(table["wijk"] == "V") & (table["domain"] == "all")]
    assert v1["respondents"].tolist() == [0, 0]


def test_compare_treatments_side_by_side():
    project = small_project()
    table = compare_treatments(project, "W", "1", n_permutations=20)
    assert table["method"].tolist() == list(METHODS)
    metric_columns = list(network_metrics(project.graph("W", "1"), n_permutations=0).columns)
    assert list(table.columns) == ["method", "respondents", "response_rate", *metric_columns]
    by = table.set_index("method")
    assert by.loc["none", "ties"] == 3
    assert by.loc["drop", "actors"] == 2 and by.loc["drop", "ties"] == 0
    # a, b respond: a->c gives c->a, b->d gives d->b; c's own report c->a is replaced.
    assert by.loc["reconstruct", "ties"] == 4
    assert by.loc["none", "response_rate"] == pytest.approx(0.5)


# --- the app: the section on the metrics page ---------------------------------------


@pytest.fixture
def app_project(tmp_path, monkeypatch):
    from tests.webapp.test_pages import write_project

    def make(responses: bool):
        folder = write_project(tmp_path / "project", responses=responses)
        monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        return folder

    return make


def _metrics_page():
    from tests.webapp.test_pages import app

    at = app().run()
    at.switch_page("views/kengetallen.py").run()
    assert not at.exception, at.exception
    return at


def test_metrics_page_shows_treatments_side_by_side(app_project):
    app_project(responses=True)
    at = _metrics_page()
    assert [e.label for e in at.expander if e.label == "Met en zonder behandeling van non-respons"]
    assert any("20 van de 24 actoren" in m.value and "83%" in m.value for m in at.markdown)
    side = at.table[1].value
    assert list(side.columns) == ["Zonder behandeling", "Alleen respondenten", "Reconstructie",
                                  "Reconstructie + imputatie"]
    assert side.loc["Dichtheid"].nunique() > 1
    assert side.loc[side.index[0], "Alleen respondenten"] == "20"  # actors: the respondents only
    at.sidebar.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert [e.label for e in at.expander if e.label == "With and without treatment of non-response"]
    assert "Respondents only" in at.table[1].value.columns


def test_metrics_page_without_responses_has_no_section(app_project):
    app_project(responses=False)
    at = _metrics_page()
    assert not [e for e in at.expander if "non-respons" in e.label]
    assert len(at.table) == 1
