"""Non-response treatments on hand-worked graphs, and response rates of a small project."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from wijknet.analysis.nonresponse import (
    METHODS,
    compare_treatments,
    nonresponse_metrics,
    observed_density,
    observed_reciprocity,
    respondents,
    response_rates,
    treat_nonresponse,
    treated_graph,
    treated_graphs,
)
from wijknet.core.settings import ProjectConfig
from wijknet.metrics import network_metrics
from wijknet.project import Project


def small_graph() -> nx.DiGraph:
    """a, b respond; c, d do not.

    Reported: a->b, a->c, b->d. Non-respondent rows (from other sources): c->a, c->d, d->c.
    """
    G = nx.DiGraph()
    for v, dom in zip("abcd", ("zorg", "welzijn", "zorg", "wonen")):
        G.add_node(v, domain=dom)
    for u, v, w in (
        ("a", "b", 2.0),
        ("a", "c", 3.0),
        ("b", "d", 4.0),
        ("c", "a", 1.0),
        ("c", "d", 1.0),
        ("d", "c", 1.0),
    ):
        G.add_edge(u, v, weight=w, tie_type="samenwerking", evidence="")
    return G


def test_none_keeps_the_graph_and_flags_respondents():
    G = small_graph()
    H = treat_nonresponse(G, {"a", "b"}, "none")
    assert set(H.edges) == set(G.edges)
    assert {v: d["responded"] for v, d in H.nodes(data=True)} == {
        "a": True,
        "b": True,
        "c": False,
        "d": False,
    }
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
    G.add_edges_from(
        [("a", "b"), ("a", "c"), ("a", "d"), ("b", "a"), ("b", "c"), ("b", "d")], weight=1.0
    )
    H = treat_nonresponse(G, {"a", "b"}, "impute")
    assert H.has_edge("c", "d") and H.has_edge("d", "c")
    G.remove_edges_from(list(G.edges))
    assert treat_nonresponse(G, {"a", "b"}, "impute").number_of_edges() == 0


def two_respondents_and_non_respondents(reciprocated: bool, n_missing: int = 40) -> nx.DiGraph:
    """Respondents a, b and ``n_missing`` non-respondents m00, m01, ...

    Respondents' rows: a -> b, and b -> a only when ``reciprocated``; no arc to a non-respondent.
    """
    G = nx.DiGraph()
    G.add_nodes_from(["a", "b", *(f"m{i:02d}" for i in range(n_missing))], domain="zorg")
    G.add_edge("a", "b", weight=2.0, tie_type="samenwerking", evidence="")
    if reciprocated:
        G.add_edge("b", "a", weight=4.0, tie_type="samenwerking", evidence="")
    return G


def test_observed_reciprocity_counts_arcs_among_respondents():
    # small_graph: the only arc between the respondents a, b is a->b, not returned -> 0.
    assert observed_reciprocity(small_graph(), {"a", "b"}) == 0.0
    G = small_graph()
    G.add_edge("b", "a", weight=1.0)
    # a->b and b->a are both returned -> 1; arcs to c, d (non-respondents) do not count.
    assert observed_reciprocity(G, {"a", "b"}) == 1.0
    # With b, d as the respondents: b->d is their only arc among each other, not returned -> 0.
    assert observed_reciprocity(G, {"b", "d"}) == 0.0
    # With a, c: a->c and c->a -> 1 (c's own arcs count once c is a respondent).
    assert observed_reciprocity(G, {"a", "c"}) == 1.0
    assert math.isnan(observed_reciprocity(G, {"a"}))


def test_impute_reciprocity_with_full_reciprocity_imputes_only_mutual_dyads():
    # a <-> b: p = 2 arcs / (2 rows x 41 pairs) = 1/41, q = 1. Then a dyad of two non-respondents is
    # mutual with probability p q = 1/41 and one-way with probability 2 p (1 - q) = 0: never one-way.
    G = two_respondents_and_non_respondents(reciprocated=True)
    assert observed_density(G, {"a", "b"}) == pytest.approx(1 / 41)
    H = treat_nonresponse(G, {"a", "b"}, "impute_reciprocity", seed=3)
    added = [(u, v) for u, v, d in H.edges(data=True) if d.get("imputed") == "reciprocity"]
    assert added, "780 dyads at p = 1/41 give about 19 mutual dyads"
    assert all(H.has_edge(v, u) for u, v in added)
    assert all(u.startswith("m") and v.startswith("m") for u, v in added)
    assert H.edges[added[0]]["weight"] == 3.0  # the median observed weight (2 and 4)
    assert H.graph["nonresponse"] == "impute_reciprocity"
    # The plain density imputation draws both directions independently: one-way dyads occur.
    D = treat_nonresponse(G, {"a", "b"}, "impute", seed=3)
    density_arcs = [(u, v) for u, v, d in D.edges(data=True) if d.get("imputed") == "density"]
    assert any(not D.has_edge(v, u) for u, v in density_arcs)


def test_impute_reciprocity_without_reciprocity_imputes_only_one_way_dyads():
    # a -> b only: p = 1/82, q = 0 -> P(mutual) = 0; each dyad one-way with probability 2p.
    G = two_respondents_and_non_respondents(reciprocated=False)
    H = treat_nonresponse(G, {"a", "b"}, "impute_reciprocity", seed=5)
    added = [(u, v) for u, v, d in H.edges(data=True) if d.get("imputed") == "reciprocity"]
    assert added and not any(H.has_edge(v, u) for u, v in added)


def test_impute_reciprocity_draws_dyads_in_sorted_order():
    # Worked through with the generator itself: non-respondents c, d, e give the dyads (c,d), (c,e), (d,e);
    # row 0 of the draws decides c->d, c->e, d->e (probability p), row 1 the way back.
    G = nx.DiGraph()
    G.add_nodes_from("abcde", domain="zorg")
    G.add_edges_from([("a", "b"), ("b", "a"), ("a", "c")], weight=1.0)
    p = observed_density(G, {"a", "b"})  # 3 arcs / (2 x 4) = 3/8
    q = observed_reciprocity(G, {"a", "b"})  # 1
    assert (p, q) == (3 / 8, 1.0)
    first, second = np.random.default_rng(11).random((2, 3))
    expected = set()
    for (u, v), f, s in zip([("c", "d"), ("c", "e"), ("d", "e")], first, second):
        forward = f < p
        back = s < q if forward else s < p * (1 - q) / (1 - p)
        expected |= {(u, v)} if forward else set()
        expected |= {(v, u)} if back else set()
    H = treat_nonresponse(G, {"a", "b"}, "impute_reciprocity", seed=11)
    assert {
        (u, v) for u, v, d in H.edges(data=True) if d.get("imputed") == "reciprocity"
    } == expected
    # Reconstruction part as always: c -> a from a's report.
    assert H.edges["c", "a"]["imputed"] == "transpose"


def test_impute_reciprocity_keeps_density_and_reciprocity_on_average():
    # 30 respondents with p ~ 0.2 and q = 0.5 (by construction), 40 non-respondents: 780 imputed dyads.
    rng = np.random.default_rng(0)
    G = nx.DiGraph()
    resp = [f"r{i:02d}" for i in range(30)]
    miss = [f"x{i:02d}" for i in range(40)]
    G.add_nodes_from(resp + miss, domain="zorg")
    for i, u in enumerate(resp):
        for v in resp[i + 1 :]:
            state = rng.choice(3, p=[0.1, 0.2, 0.7])  # mutual, one-way, empty
            if state == 0:
                G.add_edges_from([(u, v), (v, u)])
            elif state == 1:
                G.add_edge(*((u, v) if rng.random() < 0.5 else (v, u)))
    p, q = observed_density(G, resp), observed_reciprocity(G, resp)
    H = treat_nonresponse(G, resp, "impute_reciprocity", seed=2)
    among = H.subgraph(miss)
    share = among.number_of_edges() / (40 * 39)
    returned = sum(1 for u, v in among.edges if among.has_edge(v, u)) / among.number_of_edges()
    assert abs(share - p) < 0.03
    assert abs(returned - q) < 0.1


def test_impute_reciprocity_without_arcs_among_respondents_is_the_density_draw():
    # No arcs between respondents: q unknown, taken as p, so each direction is an independent Bernoulli(p)
    # draw, as for "impute" (though the random numbers are used in another order).
    G = nx.DiGraph()
    G.add_nodes_from(["a", "b", *(f"m{i:02d}" for i in range(30))], domain="zorg")
    G.add_edges_from([("a", f"m{i:02d}") for i in range(10)], weight=1.0)
    assert math.isnan(observed_reciprocity(G, {"a", "b"}))
    H = treat_nonresponse(G, {"a", "b"}, "impute_reciprocity", seed=0)
    assert H.number_of_edges() > 20  # 10 reported, 10 reconstructed, and some imputed
    R = treat_nonresponse(G, {"a", "b"}, "impute_reciprocity", seed=0)
    assert set(H.edges) == set(R.edges)


def test_bad_method_and_undirected_graph():
    with pytest.raises(ValueError, match="method"):
        treat_nonresponse(small_graph(), {"a"}, "listwise")
    with pytest.raises(ValueError, match="directed"):
        treat_nonresponse(nx.Graph(), set(), "drop")


def small_project(with_responses: bool = True) -> Project:
    actors = pd.DataFrame(
        {
            "actor_id": ["a", "b", "c", "d", "e", "x"],
            "wijk": ["W", "W", "W", "W", "W", "V"],
            "domain": ["zorg", "zorg", "welzijn", "welzijn", "wonen", "zorg"],
            "first_wave": ["", "", "", "", "2", ""],
        }
    )
    ties = pd.DataFrame(
        [
            ("W", "1", "a", "c"),
            ("W", "1", "c", "a"),
            ("W", "1", "b", "d"),
            ("W", "2", "a", "e"),
            ("W", "2", "e", "b"),
        ],
        columns=["wijk", "wave", "source", "target"],
    )
    responses = (
        pd.DataFrame(
            [("W", "1", "a"), ("W", "1", "b"), ("W", "2", "a"), ("V", "1", "x")],
            columns=["wijk", "wave", "actor_id"],
        )
        if with_responses
        else None
    )
    return Project.from_frames(actors, ties, ProjectConfig(waves=["1", "2"]), responses=responses)


def test_response_rates_from_responses():
    table = response_rates(small_project())
    assert list(table.columns) == [
        "wijk",
        "wave",
        "domain",
        "present",
        "respondents",
        "rate",
        "basis",
    ]
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
    total = table[
        (table["wijk"] == "W") & (table["wave"] == "1") & (table["domain"] == "all")
    ].iloc[0]
    assert (total["present"], total["respondents"], total["basis"]) == (4, 3, "outgoing ties")
    v1 = table[(table["wijk"] == "V") & (table["domain"] == "all")]
    assert v1["respondents"].tolist() == [0, 0]


def test_treated_graph_of_every_wijk_and_wave():
    project = small_project()
    graphs = treated_graphs(project, "reconstruct")
    assert list(graphs) == [(w, v) for w in project.wijken for v in ("1", "2")] and len(graphs) == 4
    # W, wave 2: only a responded. a->e is kept, e's row becomes e->a (from a's report), e->b is dropped
    # (b did not respond either).
    G = graphs[("W", "2")]
    assert set(G.edges) == {("a", "e"), ("e", "a")}
    assert G.graph["nonresponse"] == "reconstruct" and G.graph["wave"] == "2"
    # "none" is the graph as built, with the responded flags.
    plain = treated_graph(project, "W", "2")
    assert set(plain.edges) == {("a", "e"), ("e", "b")}
    assert {v for v, d in plain.nodes(data=True) if d["responded"]} == {"a"}
    # Symmetrising comes after the treatment: union of the reconstructed arcs a<->e is one edge.
    U = treated_graph(project, "W", "2", "reconstruct", symmetrise="union")
    assert not U.is_directed() and set(map(frozenset, U.edges)) == {frozenset("ae")}
    # "reciprocated" after "none" loses e-b (reported once), after reconstruction keeps a-e.
    assert treated_graph(project, "W", "2", symmetrise="reciprocated").number_of_edges() == 0
    assert (
        treated_graph(project, "W", "2", "reconstruct", symmetrise="reciprocated").number_of_edges()
        == 1
    )


def test_nonresponse_metrics_is_tidy_over_wijken_waves_and_methods():
    project = small_project()
    table = nonresponse_metrics(project, ("none", "drop", "reconstruct"), n_permutations=0)
    assert list(table.columns[:5]) == ["wijk", "wave", "method", "respondents", "response_rate"]
    assert len(table) == 2 * 2 * 3
    w2 = table[(table["wijk"] == "W") & (table["wave"] == "2")].set_index("method")
    assert w2["respondents"].tolist() == [1, 1, 1]
    assert w2.loc["none", "response_rate"] == pytest.approx(1 / 5)
    assert w2.loc["none", "ties"] == 2 and w2.loc["none", "reciprocity"] == 0.0
    assert w2.loc["drop", "actors"] == 1 and w2.loc["drop", "ties"] == 0
    assert w2.loc["reconstruct", "ties"] == 2 and w2.loc["reconstruct", "reciprocity"] == 1.0
    # The same numbers as compare_treatments for one wijk and wave.
    one = compare_treatments(project, "W", "2", ("none", "drop", "reconstruct"), n_permutations=0)
    pd.testing.assert_frame_equal(
        one, w2.reset_index().drop(columns=["wijk", "wave"]), check_like=False
    )
    # Seeded: the imputations give the same table twice.
    a = nonresponse_metrics(
        project, ("impute_reciprocity",), wijken=["W"], n_permutations=0, seed=4
    )
    b = nonresponse_metrics(
        project, ("impute_reciprocity",), wijken=["W"], n_permutations=0, seed=4
    )
    pd.testing.assert_frame_equal(a, b)


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
    assert list(side.columns) == [
        "Zonder behandeling",
        "Alleen respondenten",
        "Reconstructie",
        "Reconstructie + imputatie",
        "Reconstructie + imputatie met wederkerigheid",
    ]
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


def test_low_response_threshold():
    from wijknet.analysis.nonresponse import LOW_RESPONSE_RATE, is_low_response

    assert LOW_RESPONSE_RATE == 0.8
    assert is_low_response(0.79) and not is_low_response(0.8) and not is_low_response(1.0)
    assert not is_low_response(None) and not is_low_response(float("nan"))


def test_map_respondents_and_treatments_only_for_who_sees_single_actors(tmp_path):
    from wijknet.analysis.nonresponse import map_respondents, respondents, treatments_visible
    from wijknet.datasets.demo import write_demo
    from wijknet.privacy.load import load_project

    folder = write_demo(tmp_path / "demo")
    full = load_project(folder)
    wijk, wave = full.wijken[0], full.waves[0]
    assert full.has_responses and treatments_visible(full)
    assert map_respondents(full, wijk, wave) == respondents(full, wijk, wave)[0]
    shared = load_project(folder, audience="leernetwerk")
    assert not treatments_visible(shared) and map_respondents(shared, wijk, wave) is None
