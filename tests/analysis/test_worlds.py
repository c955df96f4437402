"""Leefwereld and systeemwereld: world and layer mixing, E-I, brokerage, bridge builders, formal-informal ties.

Every expected number is counted by hand on the small project of
:func:`make_project` (the counts are in the comments).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from wijknet import Project
from wijknet.analysis.worlds import (
    BRIDGE_COLUMNS,
    FORMAL_INFORMAL_COLUMNS,
    LAYER_COLUMNS,
    WORLD_COLUMNS,
    WORLD_EI_COLUMNS,
    bridge_builders,
    formal_informal,
    layer_mixing,
    world_brokerage,
    world_ei,
    world_mixing,
    world_tables,
    worlds_lens,
)
from wijknet.privacy import restrict

KEY = b"a fictional key of 32 bytes long"

#: Noord: three professionals (systeemwereld), three residents (leefwereld), one actor without a world.
ACTORS = [
    # actor_id, domain, role, name  -> role group, world, layer
    (
        "g1",
        "zorg",
        "huisarts",
        "Huisartsenpraktijk Noord",
    ),  # general_practitioner, S, organised_activities
    (
        "m1",
        "gemeente",
        "Wmo-consulent",
        "Sociaal team Noord",
    ),  # social_team, S, local_regional_structures
    ("w1", "welzijn", "welzijnscoach", "Welzijn Noord"),  # welfare_coach, S, organised_activities
    ("c1", "inwoners", "mantelzorger", "Carla"),  # informal_carer, L, personal_social_base
    ("v1", "inwoners", "vrijwilliger", "Vera"),  # volunteer, L, communal_social_base
    ("k1", "inwoners", "sleutelfiguur", "Kees"),  # key_figure, L, communal_social_base
    ("x1", "onbekend_domein", "", "Xander"),  # no role group, no world, no layer: left out
]
#: 2025 arcs; 2026 adds m1 -> c1 and v1 -> g1.
TIES_2025 = [("c1", "g1"), ("v1", "w1"), ("k1", "v1"), ("k1", "c1"), ("k1", "g1"), ("g1", "m1"),
             ("w1", "g1"), ("x1", "g1")]  # fmt: skip
TIES_2026 = TIES_2025 + [("m1", "c1"), ("v1", "g1")]


def make_project(extra_wijk: bool = False) -> Project:
    rows = [dict(zip(("actor_id", "domain", "role", "name"), a), wijk="Noord", kind="organisation"
                 if a[0] in ("g1", "m1", "w1") else "person") for a in ACTORS]  # fmt: skip
    ties = [{"wijk": "Noord", "wave": "2025", "source": s, "target": t} for s, t in TIES_2025]
    ties += [{"wijk": "Noord", "wave": "2026", "source": s, "target": t} for s, t in TIES_2026]
    if extra_wijk:
        rows += [{"actor_id": f"z{i}", "wijk": "Zuid", "domain": "zorg", "role": "huisarts", "name": f"Zuid {i}",
                  "kind": "organisation"} for i in range(3)]  # fmt: skip
        ties += [
            {"wijk": "Zuid", "wave": w, "source": "z0", "target": "z1"} for w in ("2025", "2026")
        ]
    # g1 joins the PlusWIJkteam in 2026 only.
    waves = pd.DataFrame(
        {"wijk": ["Noord"], "wave": ["2026"], "actor_id": ["g1"], "pluswijkteam": ["ja"]}
    )
    actors = pd.DataFrame(rows).assign(pluswijkteam="nee")
    return Project.from_frames(actors, pd.DataFrame(ties), actor_waves=waves)


@pytest.fixture(scope="module")
def project():
    return make_project()


def test_actors_get_the_worlds_and_layers_counted_on(project):
    worlds = dict(zip(project.actors["actor_id"], project.actors["world"]))
    assert worlds == {"g1": "systeemwereld", "m1": "systeemwereld", "w1": "systeemwereld",
                      "c1": "leefwereld", "v1": "leefwereld", "k1": "leefwereld", "x1": ""}  # fmt: skip


def test_world_mixing_by_hand(project):
    # 2025 arcs among actors with a world (x1 -> g1 left out):
    # L->L: k1->v1, k1->c1 = 2; L->S: c1->g1, v1->w1, k1->g1 = 3; S->L: 0; S->S: g1->m1, w1->g1 = 2.
    table = world_mixing(project.graph("Noord", "2025"))
    cells = {(a, b): n for a, b, n in zip(table["from_world"], table["to_world"], table["ties"])}
    assert cells == {("leefwereld", "leefwereld"): 2, ("leefwereld", "systeemwereld"): 3,
                     ("systeemwereld", "leefwereld"): 0, ("systeemwereld", "systeemwereld"): 2}  # fmt: skip
    # row shares: leefwereld 2/5 and 3/5; systeemwereld 0/2 and 2/2
    assert table["row_share"].round(3).tolist() == [0.4, 0.6, 0.0, 1.0]


def test_world_mixing_undirected_counts_each_end(project):
    # union-symmetrised 2025: the same 7 pairs (no mutual arcs); an edge inside a world counts 2 in its cell
    G = project.graph("Noord", "2025", symmetrise="union")
    table = world_mixing(G)
    assert table["ties"].tolist() == [4, 3, 3, 4]


def test_world_ei_by_hand(project):
    # E = 3 (L->S arcs), I = 4 (2 L->L + 2 S->S): E-I = (3 - 4) / 7 = -1/7.
    # Expected: 3 + 3 actors: I* = 3*2 + 3*2 = 12, E* = 6*5 - 12 = 18: (18 - 12) / 30 = 0.2.
    result = world_ei(project.graph("Noord", "2025"), n_permutations=199, seed=1)
    assert (result.external, result.internal) == (3, 4)
    assert result.ei_index == pytest.approx(-1 / 7)
    assert result.ei_expected == pytest.approx(0.2)
    assert 0 < result.ei_p_value <= 1
    again = world_ei(project.graph("Noord", "2025"), n_permutations=199, seed=1)
    assert again.ei_p_value == result.ei_p_value  # seeded


def test_world_brokerage_roles_by_hand(project):
    # Open two-paths i -> v -> k (no i -> k) in 2025, worlds as groups:
    # g1: c1->g1->m1 (L S S gatekeeper), k1->g1->m1 (gatekeeper), w1->g1->m1 (S S S coordinator)
    # c1: k1->c1->g1 is closed (k1->g1 exists): nothing
    # v1: k1->v1->w1 (L L S representative); w1: v1->w1->g1 (L S S gatekeeper)
    table = world_brokerage(project.graph("Noord", "2025")).set_index("actor_id")
    assert "x1" not in table.index
    got = table[["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]]
    assert got.loc["g1"].tolist() == [1, 0, 0, 2, 0]
    assert got.loc["v1"].tolist() == [0, 0, 1, 0, 0]
    assert got.loc["w1"].tolist() == [0, 0, 0, 1, 0]
    assert got.loc[["c1", "k1", "m1"]].to_numpy().sum() == 0
    assert table.loc["g1", "cross_brokerage"] == 2


def test_layer_brokerage_has_liaisons(project):
    # Layers: k1 -> g1 -> m1 is communal -> organised -> local/regional: three layers, a liaison.
    table = world_brokerage(project.graph("Noord", "2025"), "layer").set_index("actor_id")
    assert (
        table.loc["g1", "liaison"] == 2
    )  # k1->g1->m1 and c1->g1->m1 (personal -> organised -> local)
    assert table.loc["g1", "coordinator"] == 0


def test_layer_mixing_by_hand(project):
    # 2025: c1->g1 personal->organised; v1->w1, k1->g1 communal->organised; k1->v1 communal->communal;
    # k1->c1 communal->personal; g1->m1 organised->local; w1->g1 organised->organised
    table = layer_mixing(project.graph("Noord", "2025"))
    cells = {
        (a, b): n for a, b, n in zip(table["from_layer"], table["to_layer"], table["ties"]) if n
    }
    assert cells == {
        ("personal_social_base", "organised_activities"): 1,
        ("communal_social_base", "personal_social_base"): 1,
        ("communal_social_base", "communal_social_base"): 1,
        ("communal_social_base", "organised_activities"): 2,
        ("organised_activities", "organised_activities"): 1,
        ("organised_activities", "local_regional_structures"): 1,
    }
    # the layers present, lived to system world
    assert list(dict.fromkeys(table["from_layer"])) == [
        "personal_social_base", "communal_social_base", "organised_activities", "local_regional_structures",
    ]  # fmt: skip


def test_bridge_builders_by_hand_and_team_per_wave(project):
    # 2025: g1 has 2 partners across (c1, k1) and 2 crossing two-paths; v1 and w1 1 and 1; c1 and k1 1 and 0.
    table = bridge_builders(project.graph("Noord", "2025"))
    assert list(table.columns) == BRIDGE_COLUMNS[2:]
    assert table["actor_id"].tolist() == ["g1", "v1", "w1", "c1", "k1"]
    assert table.loc[0, ["cross_partners", "cross_brokerage"]].tolist() == [2, 2]
    assert table.loc[0, "pluswijkteam"] is np.False_ or not table.loc[0, "pluswijkteam"]
    # 2026: g1 is in the PlusWIJkteam (actor_waves) and has partners c1, k1, v1 across
    later = bridge_builders(project.graph("Noord", "2026"))
    assert bool(later.loc[0, "pluswijkteam"]) and later.loc[0, "actor_id"] == "g1"
    assert later.loc[0, "cross_partners"] == 3
    assert len(bridge_builders(project.graph("Noord", "2026"), top=2)) == 2


def test_formal_informal_by_hand(project):
    # 2025: c1 (mantelzorger) - g1; v1 (vrijwilliger) - w1: one tie each; no residents' initiative.
    # 2026: c1 - g1, m1 and v1 - w1, g1: two each, change +1.
    table = formal_informal(project, "Noord")
    assert list(table.columns) == FORMAL_INFORMAL_COLUMNS
    got = {(w, r): (a, t, d) for w, r, a, t, d in zip(table["wave"], table["informal_role"],
                                                      table["informal_actors"], table["ties"], table["informal_tied"])}  # fmt: skip
    assert got[("2025", "informal_carer")] == (1, 1, 1)
    assert got[("2025", "volunteer")] == (1, 1, 1)
    assert got[("2025", "residents_initiative")] == (0, 0, 0)
    assert got[("2026", "informal_carer")] == (1, 2, 1)
    assert table.loc[table["wave"] == "2026", "change"].tolist() == [1.0, 1.0, 0.0]
    assert table.loc[table["wave"] == "2025", "change"].isna().all()


def test_world_tables_columns_and_repeated_ei(project):
    tables = world_tables(project, n_permutations=19, seed=0)
    assert set(tables) == {"worlds", "worlds_ei", "layers", "worlds_brokerage", "formal_informal",
                           "bridge_builders"}  # fmt: skip
    assert list(tables["worlds"].columns[: len(WORLD_COLUMNS)]) == WORLD_COLUMNS
    assert list(tables["worlds_ei"].columns) == WORLD_EI_COLUMNS
    assert list(tables["layers"].columns[: len(LAYER_COLUMNS)]) == LAYER_COLUMNS
    ei = tables["worlds_ei"].set_index("wave")
    worlds = tables["worlds"]
    # the E-I of a wijk and wave is repeated on each of its mixing rows
    assert (worlds.loc[worlds["wave"] == "2025", "ei_index"] == ei.loc["2025", "ei_index"]).all()
    # 2026: L->S 4 (c1->g1, v1->w1, k1->g1, v1->g1), S->L 1 (m1->c1), I = 4: E-I = (5 - 4) / 9
    assert ei.loc["2026", "ei_index"] == pytest.approx(1 / 9)
    brokers = tables["worlds_brokerage"].set_index(["wave", "groups"])
    # 2025 worlds: coordinator 1, representative 1, gatekeeper 3 (see test_world_brokerage_roles_by_hand)
    assert brokers.loc[
        ("2025", "world"), ["coordinator", "representative", "gatekeeper"]
    ].tolist() == [1, 1, 3]
    assert (
        brokers.loc[("2025", "world"), "brokerage_total"]
        == brokers.loc[("2025", "layer"), "brokerage_total"]
    )


def test_lens_is_registered():
    from wijknet.analysis.programme import LENSES

    assert worlds_lens in LENSES


# --- privacy: what a leernetwerk or a wijkteam could learn ----------------------------------------


def _strings(tables: dict[str, pd.DataFrame]) -> set[str]:
    return {str(v) for t in tables.values() for c in t.columns for v in t[c].tolist()} | {
        str(c) for t in tables.values() for c in t.columns
    }


def test_leernetwerk_gets_protected_aggregates_and_no_actor(project):
    seen = restrict(project, "leernetwerk", key=KEY)
    tables = world_tables(seen, n_permutations=19)
    assert "bridge_builders" not in tables
    ids = (
        set(project.actors["actor_id"]) | set(seen.actors["actor_id"]) | set(project.actors["name"])
    )
    assert not (ids & _strings(tables))
    # every published tie count is 0 or at least min_cell (5): the small world cells are blank
    for name in ("worlds", "layers"):
        ties = tables[name]["ties"].dropna()
        assert ((ties == 0) | (ties >= seen.config.min_cell)).all(), name
        assert tables[name]["suppressed"].any()
    # the E-I between worlds follows from blank cells: blank; so does the expected value (3 and 3 actors)
    assert (
        tables["worlds_ei"][["external", "internal", "ei_index", "ei_expected"]].isna().all().all()
    )
    counts = (
        tables["formal_informal"][["informal_actors", "ties", "informal_tied"]].to_numpy().ravel()
    )
    assert all(math.isnan(v) or v == 0 or v >= 5 for v in counts)
    roles = (
        tables["worlds_brokerage"][["coordinator", "representative", "gatekeeper"]]
        .to_numpy()
        .ravel()
    )
    assert all(math.isnan(v) or v == 0 or v >= 5 for v in roles)


def test_wijkteam_sees_only_its_wijk():
    full = make_project(extra_wijk=True)
    seen = restrict(full, "wijkteam:Noord", key=KEY)
    tables = world_tables(seen, n_permutations=9)
    for name, table in tables.items():
        assert set(table["wijk"]) <= {"Noord"}, name
    assert not ({"z0", "z1", "z2", "Zuid 0", "Zuid"} & _strings(tables))
    # actor ids are the pseudonyms of the restricted project, never the real ids
    assert not (set(full.actors["actor_id"]) & set(tables["bridge_builders"]["actor_id"]))
