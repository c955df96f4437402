"""Kernaanpak links, completeness, missing roles, participation and missing links on a hand-made project.

Every expected number is counted by hand from the project in ``tests/kernproject.py``.
"""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

from tests.kernproject import hand_project
from wijknet.analysis import kernaanpak as k
from wijknet.analysis.programme import programme_tables
from wijknet.privacy.audience import NotAllowed
from wijknet.privacy.view import restrict

KEY = bytes(range(32))


@pytest.fixture(scope="module")
def project():
    return hand_project()


@pytest.fixture(scope="module")
def links(project):
    return k.kernaanpak_links(project)


def _row(links, wijk, wave, name, source, target):
    rows = links[(links["wijk"] == wijk) & (links["wave"] == wave) & (links["kernaanpak"] == name)
                 & (links["from_role"] == source) & (links["to_role"] == target)]  # fmt: skip
    assert len(rows) == 1
    return rows.iloc[0]


# (kernaanpak, from, to): (ties, reciprocated, mean_weight) in 2025 and 2026, and the change; hand counts:
HAND = {
    # no GP-municipality dyad in 2025; 2026 g2<->s1 (weights 3, 3)
    ("Doorbraakmethode", "general_practitioner", "municipality"): ((0, 0, None), (1, 1, 3.0), 1),
    # s1 -> m1 (2) in both waves
    ("Doorbraakmethode", "municipality", "household_helpers"): ((1, 0, 2.0), (1, 0, 2.0), 0),
    # g1 <-> w1: the dyad's weight is the larger arc, 4 (2026: g1 -> w1 is 2 as well)
    ("Doorbraakmethode", "general_practitioner", "household_helpers"): (
        (1, 1, 4.0),
        (1, 1, 4.0),
        0,
    ),
    # referrals only, GP or POH -> coach: 2025 p1 -> w1 (3); 2026 also g1 -> w1 (2); no referral back
    ("Welzijn op Recept", "gp_practice", "welfare_coach"): ((1, 0, 3.0), (2, 0, 2.5), 1),
    ("Welzijn op Recept", "general_practitioner", "municipality"): ((0, 0, None), (1, 1, 3.0), 1),
    ("Welzijn op Recept", "general_practitioner", "welfare"): ((1, 1, 4.0), (1, 1, 4.0), 0),
    ("Welzijn op Recept", "municipality", "welfare"): ((1, 0, 2.0), (1, 0, 2.0), 0),
    # e1 enters in 2026: e1 -> c1 (4), e1 -> d1 (2)
    ("Kernteam Ouderen", "physician_or_nurse_specialist", "dementia_case_manager"): (
        (0, 0, None),
        (1, 0, 4.0),
        1,
    ),
    ("Kernteam Ouderen", "physician_or_nurse_specialist", "district_nurse"): (
        (0, 0, None),
        (1, 0, 2.0),
        1,
    ),
    ("Kernteam Ouderen", "dementia_case_manager", "district_nurse"): ((1, 0, 3.0), (1, 0, 3.0), 0),
    ("Kernteam Ouderen", "elderly_core_team", "general_practitioner"): (
        (0, 0, None),
        (0, 0, None),
        0,
    ),
    ("Kernteam Ouderen", "elderly_core_team", "poh_elderly"): ((0, 0, None), (0, 0, None), 0),
    ("Kernteam Ouderen", "elderly_core_team", "social_domain"): ((0, 0, None), (0, 0, None), 0),
    ("Kernteam Ouderen", "elderly_core_team", "social_base"): ((0, 0, None), (0, 0, None), 0),
    # i1 -> d1 (3) in 2025, lost in 2026 (the signal i1 -> g1 is no tie)
    ("Kernteam Ouderen", "elderly_core_team", "carers"): ((1, 0, 3.0), (0, 0, None), -1),
    # g1 -> g2 (1): two GPs, one dyad
    ("PlusPraktijken", "general_practitioner", "general_practitioner"): (
        (1, 0, 1.0),
        (1, 0, 1.0),
        0,
    ),
    ("PlusPraktijken", "general_practitioner", "district_nurse"): ((0, 0, None), (0, 0, None), 0),
    ("PlusPraktijken", "general_practitioner", "physiotherapy"): ((0, 0, None), (0, 0, None), 0),
    ("PlusPraktijken", "general_practitioner", "mental_health"): ((0, 0, None), (0, 0, None), 0),
    ("PlusPraktijken", "general_practitioner", "social_work"): ((0, 0, None), (0, 0, None), 0),
}


@pytest.mark.parametrize("link", list(HAND), ids=lambda x: "-".join(x))
def test_every_link_count_equals_the_hand_count(links, link):
    (t25, r25, w25), (t26, r26, w26), change = HAND[link]
    for wave, ties, recip, weight in (("2025", t25, r25, w25), ("2026", t26, r26, w26)):
        row = _row(links, "Noord", wave, *link)
        assert (row["ties"], row["reciprocated"], bool(row["present"])) == (
            ties,
            recip,
            ties > 0,
        ), wave
        assert (
            math.isnan(row["mean_weight"])
            if weight is None
            else row["mean_weight"] == pytest.approx(weight)
        )
    assert math.isnan(_row(links, "Noord", "2025", *link)["change"])  # no wave before 2025
    assert _row(links, "Noord", "2026", *link)["change"] == change


def test_links_table_has_the_issue_columns_and_every_link(links, project):
    assert list(links.columns) == k.LINK_COLUMNS
    # 20 links x 2 wijken x 2 waves
    assert len(links) == 20 * 2 * 2
    assert set(links.loc[links["directed"], "to_role"]) == {"welfare_coach"}


def test_summary_completeness_and_missing_roles(project, links):
    summary = k.kernaanpak_summary(project, links).set_index(["wijk", "wave", "kernaanpak"])
    assert list(summary.reset_index().columns) == k.SUMMARY_COLUMNS
    hand = {  # links present / expected, from HAND
        ("2025", "Doorbraakmethode"): (2, 3), ("2026", "Doorbraakmethode"): (3, 3),
        ("2025", "Welzijn op Recept"): (3, 4), ("2026", "Welzijn op Recept"): (4, 4),
        ("2025", "Kernteam Ouderen"): (2, 8), ("2026", "Kernteam Ouderen"): (3, 8),
        ("2025", "PlusPraktijken"): (1, 5), ("2026", "PlusPraktijken"): (1, 5),
    }  # fmt: skip
    for (wave, name), (present, expected) in hand.items():
        row = summary.loc[("Noord", wave, name)]
        assert (row["links_present"], row["links_expected"]) == (present, expected)
        assert row["completeness"] == pytest.approx(present / expected)
    # The elderly-care physician (e1) only takes part from 2026.
    assert (
        summary.loc[("Noord", "2025", "Kernteam Ouderen"), "roles_missing"]
        == "physician_or_nurse_specialist"
    )
    assert summary.loc[("Noord", "2026", "Kernteam Ouderen"), "roles_missing"] == ""
    # Zuid has a GP and a Wmo consultant only: no welfare coach, no Kernteam roles.
    assert summary.loc[("Zuid", "2025", "Welzijn op Recept"), "roles_missing"] == "welfare_coach"
    assert summary.loc[("Zuid", "2025", "Kernteam Ouderen"), "roles_missing"] == (
        "physician_or_nurse_specialist;dementia_case_manager;district_nurse"
    )
    assert summary.loc[("Zuid", "2025", "Doorbraakmethode"), "links_present"] == 1  # g9 -> s9


def test_participation_check(project):
    table = k.participation_check(project, wijken=["Noord"]).set_index(["wave", "kernaanpak"])
    # Doorbraak 2025: declared {s1, g2}; ties s1-m1, g1-w1; holders s1, m1, g1, w1; s1 holds one.
    row = table.loc[("2025", "Doorbraakmethode")]
    assert row[
        ["declared", "holders", "declared_holding", "link_ties", "ties_declared"]
    ].tolist() == [2, 4, 1, 2, 1]
    assert (row["share_declared"], row["share_holding"]) == (0.5, 0.5)
    # 2026: ties g2-s1, s1-m1, g1-w1; both declared hold one; two of three ties have a declared end.
    row = table.loc[("2026", "Doorbraakmethode")]
    assert row[
        ["declared", "holders", "declared_holding", "link_ties", "ties_declared"]
    ].tolist() == [2, 5, 2, 3, 2]
    assert row["share_declared"] == pytest.approx(2 / 3)
    # Welzijn op Recept 2025: declared {g1, w1}; ties p1-w1, g1-w1, s1-m1; five holders.
    row = table.loc[("2025", "Welzijn op Recept")]
    assert row[
        ["declared", "holders", "declared_holding", "link_ties", "ties_declared"]
    ].tolist() == [2, 5, 2, 3, 2]


def test_declared_kernaanpak_follows_actor_waves():
    project = hand_project()
    project.actor_waves.loc[0, "kernaanpakken"] = (
        "Doorbraakmethode"  # w1 in 2026 now declares Doorbraak
    )
    table = k.participation_check(project, wijken=["Noord"], waves=["2026"]).set_index("kernaanpak")
    assert (
        table.loc["Doorbraakmethode", "declared"] == 3
        and table.loc["Welzijn op Recept", "declared"] == 1
    )


def test_missing_links_name_the_candidates(project):
    table = k.missing_links(project, "Noord", "2025")
    assert list(table.columns) == k.MISSING_COLUMNS
    pairs = {
        (r.kernaanpak, r.from_role, r.to_role): (r.candidates_from, r.candidates_to)
        for r in table.itertuples()
    }
    # Absent in 2025 with both ends in the roster: GP-municipality (twice), core team with GPs and with the
    # social domain and the social base, GP with district nurse and with social work. Not: anything with e1
    # (absent), poh_elderly,
    # physiotherapy or mental_health (nobody holds those roles).
    assert pairs == {
        ("Doorbraakmethode", "general_practitioner", "municipality"): ("g1;g2", "s1"),
        ("Welzijn op Recept", "general_practitioner", "municipality"): ("g1;g2", "s1"),
        ("Kernteam Ouderen", "elderly_core_team", "general_practitioner"): ("d1;c1", "g1;g2"),
        ("Kernteam Ouderen", "elderly_core_team", "social_domain"): ("d1;c1", "s1;w1;m1"),
        ("Kernteam Ouderen", "elderly_core_team", "social_base"): ("d1;c1", "r1"),
        ("PlusPraktijken", "general_practitioner", "district_nurse"): ("g1;g2", "d1"),
        ("PlusPraktijken", "general_practitioner", "social_work"): ("g1;g2", "m1"),
    }
    assert (
        k.missing_links(project, "Noord", "2026")["kernaanpak"].tolist().count("Doorbraakmethode")
        == 0
    )


def test_link_counts_within_one_role_set_counts_each_pair_once():
    # Three GPs: a <-> b, b -> c, c -> a: three dyads, one mutual.
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "a")])
    nx.set_node_attributes(G, "general_practitioner", "role_group")
    c = k.link_counts(G, ["general_practitioner"], ["general_practitioner"])
    assert (c["ties"], c["reciprocated"], c["mean_weight"]) == (3, 1, 1.0)
    # Directed within one set: every arc counts (4), the two arcs of a <-> b are reciprocated.
    c = k.link_counts(G, ["general_practitioner"], ["general_practitioner"], directed=True)
    assert (c["ties"], c["reciprocated"]) == (4, 2)


def test_lens_tables_for_the_researcher(project):
    tables = programme_tables(project)
    assert {
        "roles",
        "kernaanpak_links",
        "kernaanpak_summary",
        "kernaanpak_participation",
        "team",
    } <= set(tables)
    roles = tables["roles"]
    assert list(roles.columns) == k.ROLE_COLUMNS
    # 10 actors of Noord in 2025 (e1 only from 2026), 11 in 2026, 2 of Zuid in each wave
    assert len(roles) == 10 + 11 + 2 + 2
    row = roles[(roles["actor_id"] == "r1") & (roles["wave"] == "2025")].iloc[0]
    assert (row["role_group"], row["world"], row["layer"]) == (
        "key_figure",
        "leefwereld",
        "communal_social_base",
    )


def test_wijkteam_sees_only_its_wijk_and_no_participation(project):
    own = restrict(project, "wijkteam:Noord", key=KEY)
    tables = programme_tables(own)
    for (
        stem,
        table,
    ) in tables.items():  # did and meta pool over the wijken of the project: Noord only
        assert "wijk" not in table or set(table["wijk"]) == {"Noord"}, stem
    assert "kernaanpak_participation" not in tables
    with pytest.raises(NotAllowed):
        k.participation_check(own)
    # The numbers are those of the full project (pseudonyms change ids, not counts).
    full = k.kernaanpak_links(project)
    full = full[full["wijk"] == "Noord"].reset_index(drop=True)
    pd.testing.assert_frame_equal(tables["kernaanpak_links"], full)
    assert not set(tables["roles"]["actor_id"]) & {"g1", "s1", "w1"}  # pseudonymised


def test_leernetwerk_gets_no_actor_rows_and_suppressed_small_counts(project):
    shared = restrict(project, "leernetwerk", key=KEY)
    tables = programme_tables(shared)
    assert "roles" not in tables and "kernaanpak_participation" not in tables
    links = tables["kernaanpak_links"]
    # Every count of this small project is below 5: each non-zero count and its mean weight and change are blank.
    nonzero = links["present"]
    assert (
        links.loc[nonzero, "ties"].isna().all() and links.loc[nonzero, "mean_weight"].isna().all()
    )
    assert links.loc[nonzero, "change"].isna().all()
    assert (links.loc[~nonzero, "ties"] == 0).all()  # zeros are published
    # A change next to a blank count of the wave before is blank too (else ties - change gives it away).
    lost = links[
        (links["wave"] == "2026") & (links["to_role"] == "carers") & (links["wijk"] == "Noord")
    ].iloc[0]
    assert lost["ties"] == 0 and math.isnan(lost["change"])
    # The completeness per wijk stays, and no actor id is anywhere.
    summary = tables["kernaanpak_summary"]
    assert summary["completeness"].notna().all()
    text = "\n".join(t.to_csv() for t in tables.values())
    for actor in ("g1", "s1", "w1", "P-", "O-"):
        assert actor not in text
    with pytest.raises(NotAllowed):
        k.missing_links(shared, "Noord", "2025")
    with pytest.raises(NotAllowed):
        k.roles_table(shared)


def test_sentences_in_plain_dutch(links):
    part = links[(links["wijk"] == "Noord") & (links["wave"] == "2026")]
    sentences = k.link_sentences(part, "Welzijn op Recept", previous="2025", lang="nl")
    assert sentences[0] == (
        "Huisartsenpraktijk (huisarts of POH) → Welzijnscoach: 2 relaties van Huisartsenpraktijk (huisarts of POH) "
        "naar Welzijnscoach (0 ook terug). Sinds 2025: +1."
    )
    table = k.completeness_by_wijk(None, "2026", k.kernaanpak_summary(hand_project(), links))
    assert table["wijk"].tolist() == ["Noord", "Zuid"] and table.loc[
        0, "Kernteam Ouderen"
    ] == pytest.approx(3 / 8)


def test_wijkteam_asking_for_another_wijk_gets_nothing(project):
    own = restrict(project, "wijkteam:Noord", key=KEY)
    assert k.missing_links(own, "Zuid", "2025").empty
    assert k.kernaanpak_links(own, wijken=["Zuid"])["ties"].sum() == 0
    # The Zuid roster is not there: every core role of Zuid looks missing rather than leaking what exists.
    assert set(own.actors["wijk"]) == {"Noord"}


def test_leernetwerk_asking_for_one_wave_gets_no_change_next_to_a_blank_count(project):
    shared = restrict(project, "leernetwerk", key=KEY)
    one = k.kernaanpak_links(shared, waves=["2026"])
    assert set(one["wave"]) == {"2026"}
    # Every 2025 count of this project is 0 or blank; a change may only show next to a published zero.
    full = k.kernaanpak_links(shared).set_index(
        ["wijk", "wave", "kernaanpak", "from_role", "to_role"]
    )
    for row in one.itertuples():
        before = full.loc[(row.wijk, "2025", row.kernaanpak, row.from_role, row.to_role), "ties"]
        if math.isnan(before) or math.isnan(row.ties):
            assert math.isnan(row.change)
