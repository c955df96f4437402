"""PlusWIJkteam indicators on the hand-made project of ``tests/kernproject.py`` (hand counts in comments)."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from tests.kernproject import hand_project
from wijknet.analysis import team
from wijknet.privacy.view import restrict

KEY = bytes(range(32))


@pytest.fixture(scope="module")
def project():
    return hand_project()


@pytest.fixture(scope="module")
def table(project):
    return team.team_indicators(project, counts=True).set_index(["wijk", "wave"])


def test_columns(project):
    assert list(team.team_indicators(project).columns) == team.TEAM_COLUMNS + team.EXTRA_COLUMNS


def test_noord_2025(table):
    row = table.loc[("Noord", "2025")]
    # Team g1, s1, d1; the other 7 (g2, p1, w1, m1, c1, r1, i1; e1 not yet). One step: w1, g2 (g1), m1, r1 (s1),
    # c1, i1 (d1) = 6 of 7; two steps: p1 too (via w1) = 7 of 7.
    assert (row["team_size"], row["others"], row["reached_1"], row["reached_2"]) == (3, 7, 6, 7)
    assert row["reach_1"] == pytest.approx(6 / 7) and row["reach_2"] == 1.0
    # Team ties with the leefwereld: r1 - s1, i1 - d1.
    assert row["leefwereld_ties"] == 2
    # Arcs sent by the rest: w1 -> g1, r1 -> s1, i1 -> d1 to the team, p1 -> w1 to the rest: 3 / 4.
    assert (row["arcs_to_team"], row["arcs_to_rest"], row["first_contact_share"]) == (3, 1, 0.75)
    assert row["first_contact_expected"] == pytest.approx(3 / 9)  # k / (n - 1) with n = 10
    # The one referral, p1 -> w1, goes to the rest.
    assert (row["referrals_to_team"], row["referrals_to_rest"], row["referral_share"]) == (
        0,
        1,
        0.0,
    )
    # GP (g1), district nursing (d1) and the social domain (s1) are there; no GGZ or POH-GGZ in the team.
    assert row["composition_missing"] == "mental_health_care"


def test_noord_2026_team_from_actor_waves(table):
    row = table.loc[("Noord", "2026")]
    # w1 joins the team in 2026 (actor_waves): team g1, s1, d1, w1; others g2, p1, m1, c1, e1, r1, i1 (7).
    # One step: g2, r1 (g1), m1 (s1), c1, e1 (d1), p1 (w1) = 6; i1 lost its only tie: 6 of 7 in two steps too.
    assert (row["team_size"], row["reached_1"], row["reached_2"]) == (4, 6, 6)
    assert row["reach_2"] == pytest.approx(6 / 7)
    # Leefwereld: r1 - s1, r1 - g1 (i1 - d1 is lost).
    assert row["leefwereld_ties"] == 2
    # Arcs by the rest: p1 -> w1, r1 -> s1, g2 -> s1, e1 -> d1, r1 -> g1 to the team; e1 -> c1 to the rest.
    # The signal i1 -> g1 is no tie.
    assert (row["arcs_to_team"], row["arcs_to_rest"]) == (5, 1)
    assert row["first_contact_share"] == pytest.approx(5 / 6)
    assert row["first_contact_expected"] == pytest.approx(4 / 10)
    # Referrals: p1 -> w1 now reaches a team member; g1 -> w1 is sent by the team.
    assert (row["referrals_to_team"], row["referrals_to_rest"], row["referral_share"]) == (
        1,
        0,
        1.0,
    )


def test_zuid(table):
    row = table.loc[("Zuid", "2025")]
    # Team s9; g9 -> s9: reached in one step; no leefwereld; the one arc of the rest goes to the team.
    assert (
        row["team_size"],
        row["reach_1"],
        row["leefwereld_ties"],
        row["first_contact_share"],
    ) == (1, 1.0, 0, 1.0)
    assert math.isnan(row["referral_share"])  # no referrals at all
    assert row["composition_missing"] == "general_practitioner;district_nurse;mental_health_care"


def test_connectors_outside_the_team_by_hand():
    # t -> a -> b -> c with domains zorg, zorg, welzijn, wonen: open two-paths t-a-b (broker a) and a-b-c
    # (broker b); with 4 actors k = 1 and the top value 1 is shared: a and b are connectors, both outside.
    G = nx.DiGraph([("t", "a"), ("a", "b"), ("b", "c")])
    nx.set_node_attributes(G, {"t": True, "a": False, "b": False, "c": False}, "pluswijkteam")
    nx.set_node_attributes(G, {"t": "zorg", "a": "zorg", "b": "welzijn", "c": "wonen"}, "domain")
    m = team.team_measures(G)
    assert m["connectors_outside"] == 2
    # reach from t: a in one step, b in two (c in three): 1/3 and 2/3
    assert (m["reach_1"], m["reach_2"]) == (pytest.approx(1 / 3), pytest.approx(2 / 3))


def test_no_team_gives_no_reach():
    G = nx.DiGraph([("a", "b")])
    nx.set_node_attributes(G, False, "pluswijkteam")
    nx.set_node_attributes(G, "zorg", "domain")
    m = team.team_measures(G)
    assert (
        m["team_size"] == 0
        and math.isnan(m["reach_1"])
        and math.isnan(m["first_contact_expected"]) is False
    )
    assert team.team_sentences({**m, "composition_missing": ""}, lang="nl") == [
        "In deze meting is niemand als lid van het PlusWIJkteam aangemerkt."
    ]


def test_sentences(table):
    row = table.loc[("Noord", "2025")]
    sentences = team.team_sentences(row, lang="nl")
    assert "Het PlusWIJkteam bereikt 100% van het wijknetwerk binnen twee stappen." in sentences
    assert "Het plan vraagt ook om: GGZ (ook POH-GGZ)." in sentences


def test_wijkteam_sees_its_own_wijk(project):
    own = team.team_indicators(restrict(project, "wijkteam:Noord", key=KEY))
    assert own["wijk"].tolist() == ["Noord", "Noord"]
    assert own["team_size"].tolist() == [3, 4]
    # Asking for another wijk gives nothing: the restricted project has no rows of it.
    assert team.connectors_outside(
        restrict(project, "wijkteam:Noord", key=KEY), "Zuid", "2025"
    ).empty


def test_leernetwerk_small_counts_are_suppressed(project):
    shared = restrict(project, "leernetwerk", key=KEY)
    table = team.team_indicators(shared)
    # Teams of 1 to 4 members, 2 leefwereld ties, 1 to 6 arcs: every non-zero count is below 5 and blank,
    # and every share computed from them.
    assert (
        table["team_size"].isna().all()
        and table["reach_1"].isna().all()
        and table["reach_2"].isna().all()
    )
    assert table["first_contact_share"].isna().all()
    assert table.loc[table["wijk"] == "Noord", "leefwereld_ties"].isna().all()
    assert (table.loc[table["wijk"] == "Zuid", "leefwereld_ties"] == 0).all()  # zero is published
    assert table["composition_missing"].tolist()[0] == "mental_health_care"
    with pytest.raises(Exception, match="leernetwerk"):
        team.connectors_outside(shared, "Noord", "2025")
