"""Change between waves, worked out by hand on a small wijk with an actor who
leaves and one who enters, plus the wave-pair and metric-change helpers.
(The check against R sna on Coleman's data is in tests/cli/test_app.py.)"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijknet import Project
from wijknet.analysis.change import (
    CHANGE_COLUMNS,
    DOMAIN_PAIR_COLUMNS,
    METRIC_CHANGE_COLUMNS,
    change_by_domain_pair,
    change_by_domain_pair_table,
    change_table,
    compare_waves,
    metric_change,
    protect_change,
    wave_change,
    wave_pairs,
)
from wijknet.core.settings import ProjectConfig

# a, b: zorg; c, d: welzijn; e: inwoners. d leaves after 2025, e enters in 2026.
ACTORS = pd.DataFrame({
    "actor_id": ["a", "b", "c", "d", "e"],
    "wijk": ["Noord"] * 5,
    "domain": ["zorg", "zorg", "welzijn", "welzijn", "inwoners"],
    "first_wave": ["", "", "", "", "2026"],
    "last_wave": ["", "", "", "2025", ""],
})  # fmt: skip
TIES_2025 = [("a", "b"), ("b", "a"), ("a", "c"), ("c", "d"), ("d", "a")]
TIES_2026 = [("a", "b"), ("b", "c"), ("c", "a"), ("e", "a"), ("a", "e")]


def make_project(ties=None, waves=("2025", "2026")) -> Project:
    ties = ties if ties is not None else {"2025": TIES_2025, "2026": TIES_2026}
    rows = [
        {"wijk": "Noord", "wave": w, "source": s, "target": t}
        for w, arcs in ties.items()
        for s, t in arcs
    ]
    frame = pd.DataFrame(rows, columns=["wijk", "wave", "source", "target"], dtype=str)
    actors = (
        ACTORS.copy() if "2026" in waves else ACTORS[ACTORS["actor_id"] != "e"].assign(last_wave="")
    )
    return Project.from_frames(actors, frame, ProjectConfig(waves=list(waves)))


@pytest.fixture(scope="module")
def project():
    return make_project()


@pytest.fixture(scope="module")
def row(project):
    return compare_waves(project, "Noord", "2025", "2026", n_permutations=99).iloc[0]


def test_columns(project):
    table = compare_waves(project, "Noord", "2025", "2026", n_permutations=0)
    assert list(table.columns[: len(CHANGE_COLUMNS)]) == CHANGE_COLUMNS
    assert len(table) == 1


def test_stable_actor_counts_by_hand(row):
    # Stable actors a, b, c; their six ordered pairs:
    #   a->b 1 -> 1 kept (same domain)   b->a 1 -> 0 lost (same)
    #   a->c 1 -> 0 lost (cross)         c->a 0 -> 1 new (cross)
    #   b->c 0 -> 1 new (cross)          c->b 0 -> 0
    assert (row["ties_kept"], row["ties_new"], row["ties_lost"]) == (1, 2, 2)
    assert row["jaccard"] == pytest.approx(1 / 5)
    assert row["hamming"] == 4
    assert (row["new_cross_domain"], row["lost_cross_domain"], row["kept_cross_domain"]) == (
        2,
        1,
        0,
    )
    assert (row["new_same_domain"], row["lost_same_domain"], row["kept_same_domain"]) == (0, 1, 1)
    assert (row["actors_entered"], row["actors_left"], row["actors_stable"]) == (1, 1, 3)
    assert (row["ties_from"], row["ties_to"]) == (5, 5)


def test_entry_and_exit_are_structural_zeros_only_in_the_stable_version(row):
    # All actors: the leaver's ties c->d, d->a count as lost, the newcomer's
    # ties e->a, a->e as new.
    assert (row["ties_new_all"], row["ties_lost_all"]) == (4, 4)
    assert row["jaccard_all"] == pytest.approx(1 / 9)
    assert row["hamming_all"] == 8
    # e (inwoners) <-> a (zorg) are cross-domain; c->d is within welzijn, d->a across.
    assert (row["new_cross_domain_all"], row["new_same_domain_all"]) == (4, 0)
    assert (row["lost_cross_domain_all"], row["lost_same_domain_all"]) == (2, 2)


def test_qap_correlation_is_the_phi_coefficient_over_stable_actors(row):
    # 2x2 table of the six stable dyads: n11 = 1, n00 = 1, n10 = 2, n01 = 2
    # phi = (n11 n00 - n10 n01) / sqrt(n1. n0. n.1 n.0) = (1 - 4) / 9
    assert row["qap_correlation"] == pytest.approx(-1 / 3)
    assert 0 < row["qap_p_value"] <= 1


def test_undirected_comparison_uses_unordered_pairs(project):
    row = compare_waves(
        project, "Noord", "2025", "2026", symmetrise="union", n_permutations=0
    ).iloc[0]
    # {a,b} kept, {a,c} kept (a->c in 2025, c->a in 2026), {b,c} new
    assert (row["ties_kept"], row["ties_new"], row["ties_lost"]) == (2, 1, 0)
    assert row["jaccard"] == pytest.approx(2 / 3)
    assert not row["directed"]
    # all actors: {c,d}, {a,d} lost; {a,e} new
    assert (row["ties_new_all"], row["ties_lost_all"]) == (2, 2)


def test_by_domain_pair_adds_up(project, row):
    table = change_by_domain_pair(project, "Noord", "2025", "2026")
    assert list(table.columns) == DOMAIN_PAIR_COLUMNS
    got = {(r.from_domain, r.to_domain): (r.kept, r.new, r.lost) for r in table.itertuples()}
    assert got == {
        ("zorg", "zorg"): (1, 0, 1),
        ("zorg", "welzijn"): (0, 1, 1),
        ("welzijn", "zorg"): (0, 1, 0),
    }
    assert list(got) == [("zorg", "zorg"), ("zorg", "welzijn"), ("welzijn", "zorg")], (
        "taxonomy order"
    )
    assert table[["kept", "new", "lost"]].sum().tolist() == [
        row["ties_kept"],
        row["ties_new"],
        row["ties_lost"],
    ]
    cross = table[table["from_domain"] != table["to_domain"]]
    assert (
        cross["new"].sum() == row["new_cross_domain"]
        and cross["lost"].sum() == row["lost_cross_domain"]
    )
    everyone = change_by_domain_pair(project, "Noord", "2025", "2026", stable_only=False)
    assert everyone[["new", "lost"]].sum().tolist() == [row["ties_new_all"], row["ties_lost_all"]]


def test_by_domain_pair_undirected_orders_the_pair(project):
    table = change_by_domain_pair(project, "Noord", "2025", "2026", symmetrise="union")
    got = {(r.from_domain, r.to_domain): (r.kept, r.new, r.lost) for r in table.itertuples()}
    assert got == {("zorg", "zorg"): (1, 0, 0), ("zorg", "welzijn"): (1, 1, 0)}


def test_no_change_and_no_ties():
    same = make_project({"2025": TIES_2025[:3], "2026": TIES_2025[:3]})
    row = compare_waves(same, "Noord", "2025", "2026", n_permutations=0).iloc[0]
    assert (row["ties_new"], row["ties_lost"], row["hamming"]) == (0, 0, 0)
    assert row["jaccard"] == 1.0 and row["qap_correlation"] == pytest.approx(1.0)
    empty = make_project({"2025": [], "2026": []})
    row = compare_waves(empty, "Noord", "2025", "2026", n_permutations=0).iloc[0]
    assert np.isnan(row["jaccard"]) and np.isnan(row["qap_correlation"])


def test_wave_pairs():
    assert wave_pairs(["1", "2", "3"]) == [("1", "2"), ("2", "3")]
    assert wave_pairs(["1", "2", "3"], "all") == [("1", "2"), ("1", "3"), ("2", "3")]
    assert wave_pairs(["1"]) == []
    with pytest.raises(ValueError):
        wave_pairs(["1", "2"], "some")


def test_change_table_all_pairs_and_single_wave():
    three = make_project(
        {"2025": TIES_2025, "2026": TIES_2026, "2027": TIES_2026[:2]},
        waves=("2025", "2026", "2027"),
    )
    consecutive = change_table(three, n_permutations=0)
    assert list(zip(consecutive["wave_from"], consecutive["wave_to"])) == [
        ("2025", "2026"),
        ("2026", "2027"),
    ]
    every = change_table(three, pairs="all", n_permutations=0)
    assert list(zip(every["wave_from"], every["wave_to"])) == [
        ("2025", "2026"),
        ("2025", "2027"),
        ("2026", "2027"),
    ]
    # 2026 -> 2027: a->b, b->c kept; c->a, e->a, a->e lost (e stays)
    last = consecutive.iloc[1]
    assert (last["ties_kept"], last["ties_new"], last["ties_lost"], last["actors_stable"]) == (
        2,
        0,
        3,
        4,
    )
    assert len(change_by_domain_pair_table(three)) > 0
    single = make_project({"2025": TIES_2025}, waves=("2025",))
    table = change_table(single, n_permutations=0)
    assert table.empty and list(table.columns[: len(CHANGE_COLUMNS)]) == CHANGE_COLUMNS


def test_qap_is_seeded(project):
    a = compare_waves(project, "Noord", "2025", "2026", n_permutations=50, seed=3)
    b = compare_waves(project, "Noord", "2025", "2026", n_permutations=50, seed=3)
    pd.testing.assert_frame_equal(a, b)


def test_metric_change():
    network = pd.DataFrame({
        "wijk": ["N", "N", "N", "Z"], "wave": ["1", "2", "3", "1"],
        "density": [0.1, 0.3, 0.2, 0.5], "ties": [2, 6, 4, 1], "note": ["x", "y", "z", "w"],
    })  # fmt: skip
    table = metric_change(network, waves=["1", "2", "3"])
    assert list(table.columns) == METRIC_CHANGE_COLUMNS
    assert set(table["metric"]) == {"density", "ties"}, "numeric columns only"
    assert len(table) == 4, "two consecutive pairs x two measures; Z has one wave"
    density = table[table["metric"] == "density"].set_index("wave_from")
    assert density.loc["1", "difference"] == pytest.approx(0.2)
    assert density.loc["2", ["value_from", "value_to"]].tolist() == pytest.approx([0.3, 0.2])
    assert len(metric_change(network, waves=["1", "2", "3"], pairs="all")) == 6


def test_change_table_for_a_leernetwerk_follows_the_disclosure_control_rule(project):
    """One newcomer and one leaver: a leernetwerk sees neither count, nor what follows from them, exactly as
    in the wave comparison of ``analyse`` (analysis.protect_change); the researcher's table is unchanged."""
    from wijknet.analysis.standard import protect_change
    from wijknet.privacy import restrict

    full = change_table(project, n_permutations=0)
    assert full.loc[0, ["actors_entered", "actors_left"]].tolist() == [1, 1]
    shared = restrict(project, "leernetwerk", key=bytes(range(32)))
    table = change_table(shared, n_permutations=0)
    assert table[["actors_entered", "actors_left", "actors_stable"]].isna().all(axis=None)
    (wijk,) = shared.wijken  # compare_waves gives every count, protected by nothing
    expected = protect_change(
        compare_waves(shared, wijk, "2025", "2026", n_permutations=0), shared.config.min_cell
    )
    pd.testing.assert_frame_equal(table, expected)


def test_wave_change_tie_by_tie(project, row):
    """By hand: kept a->b; new b->c, c->a and e's two ties; lost b->a, a->c and d's two ties."""
    change = wave_change(project, "Noord", "2025", "2026")
    status = dict(zip(zip(change.ties["source"], change.ties["target"]), change.ties["status"]))
    assert status == {
        ("a", "b"): "kept",
        ("b", "c"): "new", ("c", "a"): "new", ("e", "a"): "new", ("a", "e"): "new",
        ("b", "a"): "lost", ("a", "c"): "lost", ("c", "d"): "lost", ("d", "a"): "lost",
    }  # fmt: skip
    structural = change.ties.set_index(["source", "target"])["structural"]
    assert structural[("e", "a")] and structural[("d", "a")] and not structural[("b", "c")]
    cross = change.ties.set_index(["source", "target"])["cross_domain"]
    assert cross[("b", "c")] and not cross[("a", "b")]
    assert dict(zip(change.actors["actor_id"], change.actors["status"])) == {
        "a": "stable", "b": "stable", "c": "stable", "d": "left", "e": "entered"}  # fmt: skip
    assert (change.entrants, change.leavers) == (1, 1)
    counts = change.counts()
    assert counts == {"ties_kept": 1, "ties_new": 4, "ties_lost": 4, "stable": 3, "entrants": 1,
                      "leavers": 1, "entrant_ties": 2, "leaver_ties": 2}  # fmt: skip
    # the same counts as compare_waves over all actors
    assert (counts["ties_kept"], counts["ties_new"], counts["ties_lost"]) == (
        row["ties_kept"], row["ties_new_all"], row["ties_lost_all"])  # fmt: skip
    assert (row["entrants"], row["leavers"], row["entrant_ties"], row["leaver_ties"]) == (
        1,
        1,
        2,
        2,
    )
    assert change.to_frame().loc[0, "entrant_ties"] == 2
    assert "nieuwe actoren" in change.summary("nl").as_text()


def test_entrant_and_leaver_columns_are_protected_with_the_counts_they_repeat(project):
    table = compare_waves(project, "Noord", "2025", "2026", n_permutations=0)
    protected = protect_change(table, 5).iloc[0]
    for alias, source in (("entrants", "actors_entered"), ("leavers", "actors_left")):
        assert pd.isna(protected[alias]) and pd.isna(protected[source])
    assert pd.isna(protected["entrant_ties"]) and pd.isna(protected["leaver_ties"])
    assert table.loc[0, "entrants"] == 1
