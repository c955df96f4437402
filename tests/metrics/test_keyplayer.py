"""Key players (Borgatti 2006): hand-worked scores, greedy = exhaustive, the Florentine Medici, edge cases."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import pytest

from wijknet.metrics.keyplayer import (
    KeyPlayerResult,
    distance_fragmentation,
    distance_weighted_reach,
    fragmentation,
    kpp_neg,
    kpp_pos,
    reach,
)

TOL = 1e-12


def path() -> nx.Graph:
    """a - b - c - d - e."""
    return nx.path_graph(["a", "b", "c", "d", "e"])


def star() -> nx.Graph:
    """Centre h with leaves a, b, c, d."""
    return nx.star_graph(["h", "a", "b", "c", "d"])


def bridged_triangles() -> nx.Graph:
    """Triangles {a, b, c} and {d, e, f} joined by the bridge c - d."""
    return nx.Graph(
        [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")]
    )


# --- hand-worked scores ---------------------------------------------------------------------


def test_path_by_hand():
    G = path()
    # Removing c leaves {a, b} and {d, e}: n' = 4, sum s(s-1) = 2 + 2 = 4, F = 1 - 4/12 = 2/3.
    assert fragmentation(G, ["c"]) == pytest.approx(2 / 3, abs=TOL)
    # Removing b leaves {a} and {c, d, e}: sum s(s-1) = 0 + 6, F = 1 - 6/12 = 1/2.
    assert fragmentation(G, ["b"]) == pytest.approx(1 / 2, abs=TOL)
    # Removing an end keeps the rest connected; removing b and d leaves three isolates.
    assert fragmentation(G, ["a"]) == 0.0 and fragmentation(G) == 0.0
    assert fragmentation(G, ["b", "d"]) == 1.0
    # DF of the whole path: 4 pairs at distance 1, 3 at 2, 2 at 3, 1 at 4:
    # sum 1/d = 4 + 3/2 + 2/3 + 1/4 = 77/12; DF = 1 - 2 (77/12) / (5 * 4) = 43/120.
    assert distance_fragmentation(G) == pytest.approx(43 / 120, abs=TOL)
    # Without c: pairs a-b and d-e at distance 1, the rest unreachable: DF = 1 - 2 * 2 / 12 = 2/3.
    assert distance_fragmentation(G, ["c"]) == pytest.approx(2 / 3, abs=TOL)
    # Reach of {c}: b, d at 1 (2 of 4 within one step), a, e at 2 (4 of 4 within two).
    assert reach(G, ["c"], m=1) == 0.5 and reach(G, ["c"], m=2) == 1.0
    # Reach of {a}: b at 1, c at 2: 2 of 4 within two steps.
    assert reach(G, ["a"], m=2) == 0.5
    assert reach(G, ["a"], m=None) == 1.0
    # DR of {c}: members 1, b and d 1 each, a and e 1/2 each: (1 + 2 + 1) / 5 = 4/5.
    assert distance_weighted_reach(G, ["c"]) == pytest.approx(4 / 5, abs=TOL)
    # DR of {a}: (1 + 1 + 1/2 + 1/3 + 1/4) / 5 = 37/60; within m = 2: (1 + 1 + 1/2) / 5 = 1/2.
    assert distance_weighted_reach(G, ["a"]) == pytest.approx(37 / 60, abs=TOL)
    assert distance_weighted_reach(G, ["a"], m=2) == pytest.approx(1 / 2, abs=TOL)


def test_star_by_hand():
    G = star()
    # Without the centre four isolates remain: F = 1 - 0 / 12 = 1; without a leaf the star holds.
    assert fragmentation(G, ["h"]) == 1.0 and fragmentation(G, ["a"]) == 0.0
    # DF of the star: 4 pairs at distance 1, 6 leaf pairs at 2: sum 1/d = 4 + 3 = 7,
    # DF = 1 - 2 * 7 / 20 = 0.3.
    assert distance_fragmentation(G) == pytest.approx(0.3, abs=TOL)
    # A leaf reaches the centre in one step (1 of 4) and the three other leaves in two.
    assert reach(G, ["a"], m=1) == 0.25 and reach(G, ["a"], m=2) == 1.0
    assert reach(G, ["h"], m=1) == 1.0
    # DR of a leaf: (1 + 1 + 3 * 1/2) / 5 = 0.7; of the centre: 5/5 = 1.
    assert distance_weighted_reach(G, ["a"]) == pytest.approx(0.7, abs=TOL)
    assert distance_weighted_reach(G, ["h"]) == 1.0


def test_bridged_triangles_by_hand():
    G = bridged_triangles()
    # Without c: {a, b} and {d, e, f}: n' = 5, sum s(s-1) = 2 + 6 = 8, F = 1 - 8/20 = 0.6.
    assert fragmentation(G, ["c"]) == pytest.approx(0.6, abs=TOL)
    assert fragmentation(G, ["d"]) == pytest.approx(0.6, abs=TOL)
    assert fragmentation(G, ["a"]) == 0.0
    # Without c and d: {a, b}, {e, f}: n' = 4, F = 1 - (2 + 2) / 12 = 2/3.
    assert fragmentation(G, ["c", "d"]) == pytest.approx(2 / 3, abs=TOL)
    # Without c and a: {b}, {d, e, f}: F = 1 - 6/12 = 1/2.
    assert fragmentation(G, ["a", "c"]) == pytest.approx(1 / 2, abs=TOL)
    # DF of the whole: 15 pairs; 7 ties at distance 1, a-d, b-d, c-e, c-f at 2,
    # a-e, a-f, b-e, b-f at 3: sum 1/d = 7 + 4/2 + 4/3 = 31/3; DF = 1 - 2 (31/3) / 30 = 14/45.
    assert distance_fragmentation(G) == pytest.approx(14 / 45, abs=TOL)
    # Without c: a-b (1) and the triangle d, e, f (3 pairs at 1): DF = 1 - 2 * 4 / 20 = 0.6.
    assert distance_fragmentation(G, ["c"]) == pytest.approx(0.6, abs=TOL)
    # Without a: b-c, c-d, d-e, d-f, e-f at 1; b-d, c-e, c-f at 2; b-e, b-f at 3:
    # sum 1/d = 5 + 3/2 + 2/3 = 43/6, DF = 1 - 2 (43/6) / 20 = 17/60.
    assert distance_fragmentation(G, ["a"]) == pytest.approx(17 / 60, abs=TOL)
    # Reach of {c}: a, b, d at 1 (3 of 5), e, f at 2 (5 of 5). Reach of {a}: b, c, d within two.
    assert reach(G, ["c"], m=1) == pytest.approx(3 / 5) and reach(G, ["c"], m=2) == 1.0
    assert reach(G, ["a"], m=2) == pytest.approx(3 / 5)
    # {c, d} within one step: a, b, e, f: 4 of 4.
    assert reach(G, ["c", "d"], m=1) == 1.0
    # DR of {c}: (1 + 3 * 1 + 2 * 1/2) / 6 = 5/6.
    assert distance_weighted_reach(G, ["c"]) == pytest.approx(5 / 6, abs=TOL)


def test_hand_worked_key_player_sets():
    assert kpp_neg(path(), 1).actors == ("c",)
    assert kpp_neg(path(), 1).score == pytest.approx(2 / 3)
    assert kpp_neg(path(), 2).actors == ("b", "d") and kpp_neg(path(), 2).score == 1.0
    assert kpp_neg(star(), 1).actors == ("h",) and kpp_neg(star(), 1).score == 1.0
    # c and d tie at 0.6; the first in node order is kept.
    result = kpp_neg(bridged_triangles(), 1)
    assert result.actors == ("c",) and result.score == pytest.approx(0.6)
    assert kpp_neg(bridged_triangles(), 2).score == pytest.approx(2 / 3)
    assert kpp_pos(path(), 1, m=2).actors == ("c",)
    assert kpp_pos(star(), 1, m=1).actors == ("h",)
    assert kpp_pos(bridged_triangles(), 2, m=1).actors == ("c", "d")
    assert kpp_pos(bridged_triangles(), 2, m=1).score == 1.0
    assert kpp_pos(path(), 2, m=1, measure="distance_weighted_reach").actors == ("b", "d")


# --- greedy = exhaustive on small graphs ----------------------------------------------------

SCORES = {
    "reach": lambda G, K: reach(G, K, m=2),
    "distance_weighted_reach": lambda G, K: distance_weighted_reach(G, K, m=2),
    "fragmentation": fragmentation,
    "distance_fragmentation": distance_fragmentation,
}


def exhaustive(G: nx.Graph, k: int, measure: str) -> float:
    score = SCORES[measure]
    return max(score(G, K) for K in itertools.combinations(G, k))


def search(G, k, measure, **options):
    if measure in {"reach", "distance_weighted_reach"}:
        return kpp_pos(G, k, m=2, measure=measure, **options)
    return kpp_neg(G, k, measure=measure, **options)


def small_graphs():
    yield "path", path()
    yield "star", star()
    yield "bridged", bridged_triangles()
    yield "florentine", nx.florentine_families_graph()
    yield "karate", nx.karate_club_graph()
    for seed in range(4):
        yield f"gnp{seed}", nx.gnp_random_graph(11, 0.22, seed=seed)


@pytest.mark.parametrize("measure", sorted(SCORES))
@pytest.mark.parametrize("name,G", list(small_graphs()), ids=[n for n, _ in small_graphs()])
def test_greedy_finds_the_exhaustive_optimum(name, G, measure):
    for k in (1, 2, 3):
        if name == "karate" and k == 3:
            continue  # 5,984 subsets: k = 1 and 2 suffice there
        best = exhaustive(G, k, measure)
        result = search(G, k, measure, restarts=3)
        assert result.score == pytest.approx(best, abs=1e-12), (name, measure, k)
        # The reported score is the set's exact score.
        assert SCORES[measure](G, result.actors) == pytest.approx(result.score, abs=1e-12)


def test_one_start_can_stop_at_a_local_optimum_and_restarts_help():
    # The greedy search is a local search: on this random graph the degree start stops at
    # reach 7/8 (one swap at a time cannot improve it) while a set reaching all 8 others exists.
    G = nx.gnp_random_graph(11, 0.22, seed=3)
    assert exhaustive(G, 3, "reach") == 1.0
    assert kpp_pos(G, 3, m=2).score == pytest.approx(7 / 8)
    assert kpp_pos(G, 3, m=2, restarts=3).score == 1.0


# --- Padgett's Florentine families -----------------------------------------------------------


def test_florentine_medici_fragment_the_marriage_network_most():
    G = nx.florentine_families_graph()  # 15 families (Pucci, an isolate, is not in it), 20 ties
    assert len(G) == 15 and G.number_of_edges() == 20
    # Without the Medici: Acciaiuoli alone, Salviati-Pazzi, and the other 11 together:
    # F = 1 - (11 * 10 + 2 * 1 + 0) / (14 * 13) = 1 - 112/182 = 5/13 = 0.3846.
    assert fragmentation(G, ["Medici"]) == pytest.approx(5 / 13, abs=TOL)
    by_family = {family: fragmentation(G, [family]) for family in G}
    assert max(by_family, key=by_family.get) == "Medici"
    # The runners-up (Albizzi, Guadagni, Salviati) each cut off a pair: F = 1 - (12 * 11) / 182 = 1/7.
    assert sorted(by_family.values())[-2] == pytest.approx(1 / 7, abs=TOL)
    for start in ("degree", "random"):
        for measure in ("fragmentation", "distance_fragmentation"):
            result = kpp_neg(G, 1, measure=measure, start=start, seed=3)
            assert result.actors == ("Medici",), (start, measure)
    assert kpp_neg(G, 1).score == pytest.approx(5 / 13, abs=TOL)
    dfs = {family: distance_fragmentation(G, [family]) for family in G}
    assert max(dfs, key=dfs.get) == "Medici"
    # k = 2: without the Medici and the Guadagni, 13 families in components of 7 (Barbadori,
    # Bischeri, Castellani, Peruzzi, Ridolfi, Strozzi, Tornabuoni), 2 (Albizzi-Ginori),
    # 2 (Pazzi-Salviati), 1 (Acciaiuoli), 1 (Lamberteschi): F = 1 - (42 + 2 + 2) / 156 = 55/78.
    result = kpp_neg(G, 2, restarts=3)
    assert result.actors == ("Medici", "Guadagni")
    assert result.score == pytest.approx(55 / 78, abs=TOL) == exhaustive(G, 2, "fragmentation")


# --- determinism, conventions, edge cases ---------------------------------------------------


def test_seeded_random_starts_are_deterministic():
    G = nx.gnp_random_graph(30, 0.1, seed=7)
    G = nx.relabel_nodes(G, {i: f"n{i:02d}" for i in G})
    for measure in ("fragmentation", "distance_fragmentation"):
        a = kpp_neg(G, 3, measure=measure, start="random", restarts=2, seed=11)
        b = kpp_neg(G, 3, measure=measure, start="random", restarts=2, seed=11)
        assert a == b
    a = kpp_pos(G, 3, start="random", restarts=2, seed=11)
    assert a == kpp_pos(G, 3, start="random", restarts=2, seed=11)
    # The set comes back in the graph's node order.
    order = {node: i for i, node in enumerate(G)}
    assert list(a.actors) == sorted(a.actors, key=order.get)


def test_directed_input_is_symmetrised_by_union_and_weights_ignored():
    D = nx.DiGraph([("a", "b"), ("c", "b"), ("c", "d"), ("e", "d")])
    nx.set_edge_attributes(D, {("a", "b"): 9.0, ("c", "b"): 0.1}, "weight")
    U = nx.path_graph(["a", "b", "c", "d", "e"])
    for removed in ([], ["c"], ["b", "d"]):
        assert fragmentation(D, removed) == fragmentation(U, removed)
        assert distance_fragmentation(D, removed) == distance_fragmentation(U, removed)
    assert reach(D, ["a"], m=2) == reach(U, ["a"], m=2)
    assert kpp_neg(D, 1) == kpp_neg(U, 1)
    before = list(D.edges(data=True))
    kpp_pos(D, 2)
    assert list(D.edges(data=True)) == before


def test_isolates_and_self_ties():
    G = path()
    G.add_node("z")
    G.add_edge("a", "a")
    # Six actors, z cut off: without c, {a, b}, {d, e}, {z}: F = 1 - 4 / 20 = 0.8.
    assert fragmentation(G, ["c"]) == pytest.approx(0.8, abs=TOL)
    # z is never reached: {c} reaches 4 of 5 others within two steps.
    assert reach(G, ["c"]) == pytest.approx(4 / 5)


def test_k_too_large_or_empty_graph_raises():
    with pytest.raises(ValueError, match="too large"):
        kpp_pos(path(), 5)  # k >= n: nobody left to reach
    with pytest.raises(ValueError, match="too large"):
        kpp_neg(path(), 4)  # k > n - 2: fewer than two actors left
    for G in (nx.Graph(), nx.DiGraph()):
        with pytest.raises(ValueError, match="too large"):
            kpp_pos(G, 1)
        with pytest.raises(ValueError, match="too large"):
            kpp_neg(G, 1)
    one = nx.Graph()
    one.add_node("a")
    with pytest.raises(ValueError):
        kpp_neg(one, 1)
    assert kpp_pos(nx.path_graph(["a", "b"]), 1).score == 1.0
    assert kpp_neg(nx.path_graph(["a", "b", "c"]), 1).actors == ("b",)


def test_invalid_arguments_raise():
    G = path()
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="k must be"):
            kpp_neg(G, bad)
    with pytest.raises(ValueError, match="measure"):
        kpp_pos(G, 1, measure="fragmentation")
    with pytest.raises(ValueError, match="measure"):
        kpp_neg(G, 1, measure="reach")
    with pytest.raises(ValueError, match="start"):
        kpp_neg(G, 1, start="betweenness")
    with pytest.raises(ValueError, match="m must be"):
        kpp_pos(G, 1, m=0)
    with pytest.raises(ValueError, match="not in the graph"):
        reach(G, ["x"])
    with pytest.raises(ValueError, match="restarts"):
        kpp_pos(G, 1, restarts=-1)


def test_scores_undefined_when_nothing_is_left():
    G = path()
    assert math.isnan(reach(G, list(G)))
    assert math.isnan(distance_weighted_reach(G, list(G)))
    assert math.isnan(fragmentation(G, ["a", "b", "c", "d"]))
    assert math.isnan(distance_fragmentation(nx.Graph()))
    assert reach(G, []) == 0.0


def test_result_table_and_summary():
    result = kpp_pos(bridged_triangles(), 2, m=1)
    assert isinstance(result, KeyPlayerResult)
    frame = result.to_frame()
    assert list(frame.columns) == ["actor_id", "measure", "k", "m", "score"]
    assert list(frame["actor_id"]) == ["c", "d"] and set(frame["m"]) == {1}
    assert frame.index.equals(__import__("pandas").RangeIndex(2))
    text = result.summary(lang="nl").as_text()
    assert "Sleutelspelers" in text and "c, d" in text and "1,000" in text
    assert "reach within m steps" in result.summary(lang="en").as_text()
    neg = kpp_neg(path(), 1)
    assert neg.m is None and "KPP-Neg" in neg.summary(lang="en").title
