"""The fictional demo project: valid, deterministic, fictional, and its story holds.

The story checks use plain networkx/pandas so they do not depend on the
metric modules; ``story_table`` is also handy for printing the values.
"""

from __future__ import annotations

import logging
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from wijknet import load_project
from wijknet.core.taxonomy import Taxonomy
from wijknet.core.ties import NON_TIE_TYPES
from wijknet.datasets.demo import (
    BRIDGE_BUILDER,
    COMPARISON_STORY,
    DB,
    DOORBRAAK,
    FIRST_NAMES,
    KERN,
    KERNTEAM,
    KO,
    KPI3_STORY,
    LAYERS,
    PRIVATE,
    ROLE_GROUPS,
    STORY,
    SURNAMES,
    TEAM_LEAVER,
    WAVES,
    WELZIJN_OP_RECEPT,
    make_demo,
    make_responses,
    write_demo,
)
from wijknet.io.tidy import ACTOR_OPTIONAL, LADDER, RATING_ITEMS, TRUST_ITEMS, VALUE_ITEMS

PILOTS = [
    "Bleijerheide-Centrum-Nulland",
    "Daalhof",
    "De Baandert",
    "Eijsden",
    "Hoensbroek-Noord",
    "Lindenheuvel",
]
#: The six pilot wijken and the two small fictional comparison wijken (issue 15), in natural order.
WIJKEN = sorted([*PILOTS, *COMPARISON_STORY])
WIJKPLAN = [w for w in PILOTS if w != "Eijsden"]
FILES = ("actors.csv", "ties.csv", "responses.csv", "ratings.csv", "actor_waves.csv", "themes.csv",
         "wijken.csv", "ppi.csv", "kpi_corrections.csv", "wijknet.yaml", "LEESMIJ.txt")  # fmt: skip


@pytest.fixture(scope="module")
def frames():
    return make_demo()


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    """The demo written once for the module's tests that only read it (writing it takes seconds)."""
    return write_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def project(demo_folder):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return load_project(demo_folder)


def ranked_betweenness(G: nx.DiGraph) -> list[str]:
    """Actors from most to least between (undirected, unweighted)."""
    between = nx.betweenness_centrality(G.to_undirected())
    return sorted(between, key=lambda k: (-between[k], k))


def story_table(project, graphs: dict | None = None) -> pd.DataFrame:
    """One row per wijk and wave with the measures the story is about."""
    graphs = graphs or {(w, v): project.graph(w, v) for w in project.wijken for v in project.waves}
    rows = []
    for wijk in project.wijken:
        previous = None
        for wave in project.waves:
            G = graphs[(wijk, wave)]
            U = G.to_undirected()
            arcs = set(G.edges)
            cross = sum(G.nodes[u]["domain"] != G.nodes[v]["domain"] for u, v in arcs)
            top3 = (
                G.graph["betweenness_rank"][:3]
                if "betweenness_rank" in G.graph
                else ranked_betweenness(G)[:3]
            )
            rows.append({
                "wijk": wijk, "wave": wave, "actors": G.number_of_nodes(), "arcs": len(arcs),
                "out_degree": len(arcs) / G.number_of_nodes(), "reciprocity": nx.overall_reciprocity(G),
                "cross_share": cross / len(arcs), "ei": (2 * cross - len(arcs)) / len(arcs),
                "isolates": sum(1 for v in G if G.degree(v) == 0),
                "jaccard_prev": len(arcs & previous) / len(arcs | previous) if previous is not None else np.nan,
                "top3_not_team": sum(not G.nodes[t]["pluswijkteam"] for t in top3),
                "articulation_points": len(list(nx.articulation_points(U))),
            })  # fmt: skip
            previous = arcs
    return pd.DataFrame(rows).set_index(["wijk", "wave"])


@pytest.fixture(scope="module")
def graphs(project):
    out = {}
    for wijk in project.wijken:
        for wave in project.waves:
            G = project.graph(wijk, wave)
            G.graph["betweenness_rank"] = ranked_betweenness(G)
            out[(wijk, wave)] = G
    return out


@pytest.fixture(scope="module")
def story(project, graphs):
    return story_table(project, graphs)


# --- determinism --------------------------------------------------------------


def test_same_seed_gives_identical_frames(frames):
    actors, ties = make_demo()
    pd.testing.assert_frame_equal(actors, frames[0])
    pd.testing.assert_frame_equal(ties, frames[1])


def test_different_seed_differs(frames):
    actors, ties = make_demo(seed=7)
    assert not ties.equals(frames[1])
    assert not actors["name"].equals(frames[0]["name"])


def test_same_seed_gives_byte_identical_files(tmp_path):
    a, b = write_demo(tmp_path / "a", seed=3), write_demo(tmp_path / "b", seed=3)
    for name in FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


# --- valid tidy project -------------------------------------------------------


def test_the_pilot_wijken_are_as_before_the_comparison_wijken(demo_folder):
    """The comparison wijken draw from streams of their own: the pilots' rows are those of the six-wijk demo.

    The hashes are of the six-wijk demo's files (main before issue 15), rows of the pilots only.
    """
    import hashlib

    folder = demo_folder
    expected = {"actors": "c2465cb5e407385f", "ties": "75f851513c4a0427",
                "responses": "97725e0c90acbd70", "ratings": "24bd96af08a7a560"}  # fmt: skip
    for name, digest in expected.items():
        table = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        pilots = table[table["wijk"].isin(PILOTS)]
        text = pilots.to_csv(index=False, lineterminator="\n").encode()
        assert hashlib.sha256(text).hexdigest()[:16] == digest, name


def test_comparison_wijken_metadata_ppi_and_correction(project):
    groups = project.wijk_groups()
    assert [w for w, g in groups.items() if g == "comparison"] == ["Groenbeek", "Kapelveld"]
    meta = project.wijk_meta.set_index("wijk")
    assert (meta.loc[["Groenbeek", "Kapelveld"], "wijkplan_start"] == "").all()
    assert meta["municipality"].str.endswith("(fictief)").all()
    assert set(project.wijk_phases["phase"]) <= {"voorbereiding", "wijkbeeld", "wijkopgave", "wijkplan",
                                                 "wijkuitvoering", "wijkevaluatie"}  # fmt: skip
    assert (
        project.phase("Lindenheuvel", "2027") == "wijkplan"
        and project.phase("Kapelveld", "2025") == ""
    )
    assert set(project.ppi["period"]) == {"2025-H2", "2026-H1", "2026-H2", "2027-H1"}
    assert not project.ppi["scope"].isin(["Groenbeek", "Kapelveld"]).any()
    assert project.kpi_corrections[["wijk", "wave"]].values.tolist() == [["Lindenheuvel", "2026"]]


def test_all_values_are_strings(frames):
    for df in frames:
        assert all(isinstance(v, str) for v in df.to_numpy().ravel())


def test_loads_without_warnings(demo_folder, caplog):
    folder = demo_folder
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    with warnings.catch_warnings(), caplog.at_level(logging.WARNING):
        warnings.simplefilter("error")
        project = load_project(folder)
    assert project.warnings == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert project.config.synthetic is True
    assert project.config.title == "PlusWIJken demoproject (fictief)"
    assert project.waves == list(WAVES)
    assert project.wijken == WIJKEN


def test_csv_is_utf8_comma(demo_folder):
    folder = demo_folder
    header = (folder / "actors.csv").read_bytes().decode("utf-8").splitlines()[0]
    assert header.startswith("actor_id,wijk,domain,")
    assert not (folder / "ties.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_leesmij_says_fictional_in_dutch_and_english(demo_folder):
    content = (demo_folder / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert "verzonnen" in content and "gegenereerd" in content
    assert "fictional" in content and "generated" in content


def test_actor_counts_per_wijk(frames):
    counts = frames[0].groupby("wijk").size()
    assert sorted(counts.index) == WIJKEN
    assert counts[PILOTS].between(60, 150).all(), counts
    assert counts[list(COMPARISON_STORY)].between(25, 35).all(), (
        counts
    )  # small: the suite stays fast
    assert frames[0]["actor_id"].is_unique


def test_every_domain_in_every_wijk(project):
    keys = set(Taxonomy.default().domains)
    for wijk, domains in project.actors.groupby("wijk")["domain"]:
        assert set(domains) == keys, wijk


def test_every_optional_column_filled(frames):
    actors, ties = frames
    for column in (*ACTOR_OPTIONAL, "layer"):
        assert column in actors.columns
        if column != "kernaanpakken":  # empty means: in none of the four core approaches
            assert (actors[column] != "").all(), column
    assert set(actors["kind"]) == {"person", "organisation", "initiative"}
    assert set(actors["pluswijkteam"]) == {"ja", "nee"}
    assert set(actors["consent"]) == {"ja", "nee"}
    assert (actors["consent"] == "ja").mean() > 0.85
    assert set(actors["layer"]) == set(LAYERS)
    used = {k for value in actors["kernaanpakken"] for k in value.split(";") if k}
    assert used == set(KERN)
    assert (actors["kernaanpakken"] != "").mean() > 0.25
    for column in ("tie_type", "weight", "evidence"):
        assert (ties[column] != "").all(), column
    # the ties, and the signals of missing links from participation conversations (never ties)
    assert set(ties["tie_type"]) == {
        "samenwerking",
        "verwijzing",
        "overleg",
        "informatie",
        *NON_TIE_TYPES,
    }
    assert set(ties["weight"]) == {"1", "2", "3", "4", "5"}


def test_pluswijkteam_per_wijk(project):
    team = project.actors[project.actors["pluswijkteam"]]
    sizes = team.groupby("wijk").size()
    assert sorted(sizes.index) == PILOTS  # the comparison wijken have no PlusWIJkteam
    assert sizes.between(5, 8).all(), sizes
    for wijk, members in team.groupby("wijk"):
        assert {"huisarts", "wijkverpleegkundige", "welzijnscoach", "wijkregisseur"} <= set(
            members["role"]
        ), wijk
        assert "inwoners" in set(members["domain"]), wijk


def test_names_are_fictional(frames):
    actors = frames[0]
    persons = actors[actors["kind"] == "person"]
    for name in persons["name"]:
        first, surname = name.split(" ", 1)
        assert first in FIRST_NAMES and surname in SURNAMES, name
    assert persons["name"].is_unique
    others = actors[actors["kind"] != "person"]
    assert others["name"].str.endswith("(fictief)").all()
    assert (
        actors["organisation"].str.endswith("(fictief)") | (actors["organisation"] == PRIVATE)
    ).all()


def test_ties_are_valid_directed_and_within_wijk(project):
    ties = project.ties
    wijk_of = dict(zip(project.actors["actor_id"], project.actors["wijk"]))
    assert (ties["source"].map(wijk_of) == ties["wijk"]).all()
    assert (ties["target"].map(wijk_of) == ties["wijk"]).all()
    assert set(ties["wave"]) == set(WAVES)


# --- the story ----------------------------------------------------------------


def test_density_and_reciprocity_are_realistic(story):
    assert story["out_degree"].between(3, 8).all()
    assert story["reciprocity"].between(0.3, 0.6).all()


def test_silos_at_baseline_open_up(story):
    cross = story["cross_share"].unstack("wave")
    for wijk in WIJKPLAN:
        assert story.loc[(wijk, "2025"), "ei"] < -0.3, wijk
        assert cross.loc[wijk, "2025"] < cross.loc[wijk, "2026"] < cross.loc[wijk, "2027"], wijk
    growth = cross["2027"] - cross["2025"]
    assert growth[WIJKPLAN].idxmin() == "Lindenheuvel"
    assert (
        growth["Daalhof"] > growth["De Baandert"]
        and growth["Hoensbroek-Noord"] > growth["De Baandert"]
    )
    # Bleijerheide-Centrum-Nulland starts late: most of its growth comes in 2027
    bcn = cross.loc["Bleijerheide-Centrum-Nulland"]
    assert bcn["2027"] - bcn["2026"] > 2 * (bcn["2026"] - bcn["2025"])


def test_eijsden_connected_and_stable(story):
    cross = story["cross_share"].unstack("wave")
    assert cross["2025"].idxmax() == "Eijsden"
    assert cross.loc["Eijsden", "2025"] > 0.5
    assert np.ptp(cross.loc["Eijsden"]) < 0.05


def test_eijsden_hub_is_the_residents_initiative(graphs):
    G = graphs[("Eijsden", "2025")]
    top = G.graph["betweenness_rank"][0]
    assert G.nodes[top]["kind"] == "initiative"
    assert not G.nodes[top]["pluswijkteam"]


def test_connectors_outside_the_team(story, project, graphs):
    assert (story["top3_not_team"] >= 1).all()
    # the designated verbinders are among the five most between actors in every wave
    actors = project.actors
    for wijk, spec in STORY.items():
        ids = [actors[(actors["wijk"] == wijk) & (actors["role"] == r) & ~actors["pluswijkteam"]]["actor_id"].iloc[0]
               for r in spec.connectors]  # fmt: skip
        for wave in WAVES:
            top5 = graphs[(wijk, wave)].graph["betweenness_rank"][:5]
            assert set(ids) & set(top5), (wijk, wave)


def test_fragile_bridge_of_the_informal_carers(story, project, graphs):
    assert (story.xs("2025", level="wave")["articulation_points"] >= 1).all()
    actors = project.actors
    for wijk, spec in STORY.items():
        carers = set(
            actors[(actors["wijk"] == wijk) & (actors["role"] == "mantelzorger")]["actor_id"]
        )
        for wave in WAVES:
            U = graphs[(wijk, wave)].to_undirected()
            cut_off = []
            for a in nx.articulation_points(U):
                rest = U.subgraph(set(U) - {a})
                if any(carers <= c and len(c) < len(U) / 2 for c in nx.connected_components(rest)):
                    cut_off.append(a)
            fragile = spec.repaired is None or WAVES.index(wave) < WAVES.index(spec.repaired)
            assert bool(cut_off) == fragile, (wijk, wave)


def test_turnover_and_isolates(story):
    jaccard = story["jaccard_prev"].dropna()
    assert len(jaccard) == 2 * len(WIJKEN)  # 8 wijken x 2 wave pairs
    assert jaccard.between(0.2, 0.7).all(), jaccard
    assert (story["isolates"] >= 1).all()


# --- survey responses and KPI 3 ------------------------------------------------


def test_responses_are_deterministic_and_valid(frames, project):
    a, b = make_responses(frames[0]), make_responses(frames[0])
    pd.testing.assert_frame_equal(a, b)
    assert not make_responses(frames[0], seed=7).equals(a)
    assert project.has_responses and len(project.responses) == len(a)
    assert set(KPI3_STORY) == set(STORY)


def test_response_rate_and_non_response(project):
    responses = project.responses
    # The comparison wijken have no KPI 3 survey (no PlusWIJkteam to ask about).
    assert not responses["wijk"].isin(list(COMPARISON_STORY)).any()
    for wijk in PILOTS:
        for wave in WAVES:
            present = len(project.present(wijk, wave))
            got = responses[(responses["wijk"] == wijk) & (responses["wave"] == wave)]
            assert 0.54 <= len(got) / present <= 0.76, (wijk, wave)
    assert (~responses["active"]).mean() > 0.05, "some respondents are not active participants"
    assert responses["kpi3"].isna().mean() > 0.03, "some leave the KPI 3 item open"


def test_kpi3_follows_the_story(project):
    from wijknet.analysis.kpi import kpi3

    table = kpi3(project, pooled=False).set_index(["wijk", "wave"])
    for wijk, targets in KPI3_STORY.items():
        for wave, target in zip(WAVES, targets):
            assert table.loc[(wijk, wave), "share"] == pytest.approx(target, abs=0.012), (
                wijk,
                wave,
            )
    status = table["status"].unstack("wave")
    for wijk in ("Daalhof", "Hoensbroek-Noord", "De Baandert", "Eijsden"):
        assert (status.loc[wijk] == "on_track").all(), wijk
    assert status.loc["Lindenheuvel"].tolist() == [
        "on_track",
        "analysis_requested",
        "improvement_plan",
    ]
    assert status.loc["Bleijerheide-Centrum-Nulland"].tolist() == [
        "on_track",
        "analysis_requested",
        "on_track",
    ]
    assert (
        table.loc[("Eijsden", "2025"), "above_band"]
        and table.loc[("Eijsden", "2026"), "above_band"]
    )


def test_change_table_agrees_with_the_story_turnover(project, story):
    from wijknet.analysis.change import change_table

    change = change_table(project, n_permutations=0).set_index(["wijk", "wave_to"])
    jaccard = story["jaccard_prev"].dropna()
    np.testing.assert_allclose(change.loc[jaccard.index, "jaccard_all"], jaccard, rtol=1e-12)
    assert change["jaccard"].between(0.3, 0.6).all(), (
        "stable actors: good for modelling by the RSiena rule of thumb"
    )
    assert (change["actors_entered"] + change["actors_left"] > 0).all()


# --- the programme's story (issues 13 and 14) ----------------------------------


def _edges_between(graphs, wijk: str, wave: str, left, right) -> set[frozenset]:
    """Undirected pairs of the wave's graph with one end in ``left`` and the other in ``right`` (predicates on a node)."""
    G = graphs[(wijk, wave)]
    return {
        frozenset((u, v))
        for u, v in G.edges
        if (left(G.nodes[u]) and right(G.nodes[v])) or (left(G.nodes[v]) and right(G.nodes[u]))
    }


def _group(*keys):
    return lambda node: node.get("role_group") in keys


def _domain(*keys):
    return lambda node: node.get("domain") in keys


def _numeric(ratings: pd.DataFrame) -> pd.DataFrame:
    out = ratings.copy()
    out["trust"] = out[list(TRUST_ITEMS)].mean(axis=1)
    return out


def test_every_actor_has_a_role_group(project):
    assert (project.actors["role_group"] != "").all()
    assert not [w for w in project.warnings if "rolgroep" in w or "role group" in w]
    groups = set(project.actors["role_group"])
    assert {
        "elderly_care_physician",
        "nurse_specialist",
        "dementia_case_manager",
        "social_team",
    } <= groups
    assert set(ROLE_GROUPS) <= set(
        project.actors["role"]
    )  # the five roles the catalogue does not map


def test_doorbraak_team_brings_gps_and_municipality_together(project, graphs):
    wijk, start = DOORBRAAK
    gp, municipality = _group("general_practitioner"), _domain("gemeente")
    assert (
        _edges_between(graphs, wijk, "2025", gp, municipality) == set()
    )  # no GP-municipality tie at all
    assert len(_edges_between(graphs, wijk, start, gp, municipality)) >= 6
    assert len(_edges_between(graphs, wijk, "2027", gp, municipality)) >= 6

    def doorbraak(wave):
        present = project.present(wijk, wave)
        return present[present["kernaanpakken"].str.contains(DB)]

    assert doorbraak("2025").empty  # nobody works with the Doorbraakmethode before the team
    team = doorbraak(start)
    assert {"general_practitioner", "social_team"} <= set(team["role_group"])
    assert len(team) >= 5


def test_kernteam_ouderen_forms_in_2026(project, graphs):
    wijk, start = KERNTEAM
    core_groups = (
        "elderly_care_physician",
        "nurse_specialist",
        "dementia_case_manager",
        "district_nurse",
    )
    assert not set(project.present(wijk, "2025")["role_group"]) & {
        "elderly_care_physician",
        "nurse_specialist",
    }
    for wave in (start, "2027"):
        present = project.present(wijk, wave)
        core = present[
            present["kernaanpakken"].str.contains(KO) & present["role_group"].isin(core_groups)
        ]
        assert set(core["role_group"]) == set(core_groups), wave
        G = graphs[(wijk, wave)]
        U = G.to_undirected()
        # the physician, the nurse specialist, the case manager and a district nurse, all tied together
        members = [core[core["role_group"] == g]["actor_id"].iloc[0] for g in core_groups[:3]]
        assert all(U.has_edge(a, b) for i, a in enumerate(members) for b in members[i + 1 :]), wave
        nurses = core[core["role_group"] == "district_nurse"]["actor_id"]
        assert any(all(U.has_edge(n, m) for m in members) for n in nurses), wave
        # GPs and POH-ouderen are its partners
        partners = {G.nodes[n]["role_group"] for m in members[:2] for n in U[m]}
        assert {"general_practitioner", "poh_elderly"} <= partners, wave


def test_welzijn_op_recept_triangle_in_eijsden_from_the_start(project, graphs):
    G = graphs[(WELZIJN_OP_RECEPT, "2025")]
    referrals = [
        (u, v) for u, v, d in G.edges(data=True)
        if "verwijzing" in str(d.get("tie_type", "")) and G.nodes[v]["role_group"] == "welfare_coach"
        and G.nodes[u]["role_group"] in ("general_practitioner", "poh_mental_health", "poh_elderly")
    ]  # fmt: skip
    assert len(referrals) >= 2
    gp, wel, gem = _group("general_practitioner"), _domain("welzijn"), _domain("gemeente")
    for left, right in ((gp, gem), (gem, wel), (gp, wel)):
        assert _edges_between(graphs, WELZIJN_OP_RECEPT, "2025", left, right)


def test_signals_of_missing_links(project, graphs):
    ties = project.ties
    signals = ties[ties["tie_type"].isin(NON_TIE_TYPES)]
    assert set(signals["tie_type"]) == set(NON_TIE_TYPES)
    assert signals["wijk"].nunique() >= 5
    assert (signals["evidence"] == "participatiegesprek").all()
    assert set(signals["segment_id"]) <= set(project.themes["segment_id"])
    real = ties[~ties["tie_type"].isin(NON_TIE_TYPES)]
    pairs = {
        (w, v, frozenset((s, t)))
        for w, v, s, t in real[["wijk", "wave", "source", "target"]].itertuples(index=False)
    }
    realised = 0
    for s in signals.itertuples():
        later = [v for v in WAVES if v > s.wave]
        realised += any((s.wijk, v, frozenset((s.source, s.target))) in pairs for v in later)
        if s.tie_type != "drempel":  # who should know each other or wants to connect has no tie yet
            assert not graphs[(s.wijk, s.wave)].to_undirected().has_edge(s.source, s.target), s
    assert realised >= 4
    # the GP who should know the social team in De Baandert 2025 works with them in 2026
    first = signals[(signals["wijk"] == DOORBRAAK[0]) & (signals["wave"] == "2025")].iloc[0]
    assert graphs[(DOORBRAAK[0], DOORBRAAK[1])].has_edge(first["source"], first["target"])


def test_bridge_builder_between_the_worlds_outside_the_team(project, graphs):
    wijk, _ = BRIDGE_BUILDER
    actors = project.actors
    role = STORY[wijk].connectors[0]
    bridge = actors[(actors["wijk"] == wijk) & (actors["role"] == role) & ~actors["pluswijkteam"]][
        "actor_id"
    ].iloc[0]
    for wave in WAVES:
        present = project.present(wijk, wave).set_index("actor_id")
        assert not present.loc[bridge, "pluswijkteam"], wave
        U = graphs[(wijk, wave)].to_undirected()
        worlds = pd.Series({n: U.nodes[n]["world"] for n in U})

        def reach(v, U=U, worlds=worlds):
            return worlds[list(U[v])].value_counts()

        own = reach(bridge)
        assert own.get("leefwereld", 0) >= 10 and own.get("systeemwereld", 0) >= 10, (wave, own)
        # no one outside the team bridges the two worlds more evenly
        others = [v for v in U if v != bridge and not present.loc[v, "pluswijkteam"]]
        best = max(
            min(reach(v).get("leefwereld", 0), reach(v).get("systeemwereld", 0)) for v in others
        )
        assert min(own.get("leefwereld", 0), own.get("systeemwereld", 0)) > best, wave


def test_ratings_for_every_survey_tie(project, demo_folder):
    ratings, ties = project.ratings, project.ties
    survey = ties[
        ties["evidence"].str.startswith("enquête") & ~ties["tie_type"].isin(NON_TIE_TYPES)
    ]
    arcs = survey.groupby(["wijk", "wave", "source", "target"])["tie_type"].agg(set)
    rated = ratings.set_index(["wijk", "wave", "rater", "rated"])
    assert set(arcs.index) == set(rated.index)
    awareness = arcs.map(lambda types: types <= {"informatie"})
    level = rated.loc[arcs.index, "intensity"]
    assert (level[awareness.to_numpy()] == 1).all()  # a tie of awareness only: kennen at import
    assert level[~awareness.to_numpy()].between(2, 4).all()  # samenwerking: levels 2-4
    items = ratings[list(RATING_ITEMS)]
    assert items.melt()["value"].dropna().between(1, 4).all()
    missing = items[list(TRUST_ITEMS + VALUE_ITEMS)].isna().mean().mean()
    assert 0.04 < missing < 0.2, missing
    text = (demo_folder / "ratings.csv").read_text(encoding="utf-8")
    assert "weet niet" in text and ",," in text  # some "weet niet", some left empty


def test_trust_grows_where_collaboration_intensifies(project):
    r = _numeric(project.ratings)
    by_level = r.groupby("intensity")["trust"].mean()
    assert by_level.is_monotonic_increasing, by_level
    collab = r[r["intensity"] >= 2]
    share = (
        collab.assign(plus=collab["intensity"] >= 3)
        .groupby(["wijk", "wave"])["plus"]
        .mean()
        .unstack()
    )
    trust = r.groupby(["wijk", "wave"])["trust"].mean().unstack()
    intensifies = share.index[(share["2027"] - share["2025"]) > 0.15]
    assert {"Daalhof", "Hoensbroek-Noord", "De Baandert"} <= set(intensifies)
    for wijk in intensifies:
        assert trust.loc[wijk, "2025"] < trust.loc[wijk, "2026"] < trust.loc[wijk, "2027"], wijk
    # Bleijerheide-Centrum-Nulland: high contact but low trust
    low = "Bleijerheide-Centrum-Nulland"
    for wave in WAVES:
        assert share.loc[low, wave] >= share[wave].median(), wave
        assert (
            trust[wave].idxmin() == low and trust.loc[low, wave] < trust[wave].drop(low).min() - 0.4
        )


def test_participation_ladder_moves_up(project):
    responses = project.responses
    domain = dict(zip(project.actors["actor_id"], project.actors["domain"]))
    residents = responses["actor_id"].map(domain) == "inwoners"
    assert (responses.loc[~residents, "participation_level"] == "").all()
    answered = responses[residents & (responses["participation_level"] != "")]
    assert residents.sum() > answered.shape[0]  # a few "weet niet"
    step = answered.assign(step=answered["participation_level"].map(LADDER.index) + 1)
    median = step.groupby(["wijk", "wave"])["step"].median().unstack()
    for wijk in ("Daalhof", "Hoensbroek-Noord"):
        assert median.loc[wijk, "2027"] >= median.loc[wijk, "2025"] + 1, wijk
    assert (median.loc["Lindenheuvel"] == 1).all()
    assert set(answered["participation_level"]) == set(LADDER)


def test_team_and_kernaanpakken_change_between_waves(project, graphs):
    assert not project.actor_waves.empty

    def team(wijk, wave):
        present = project.present(wijk, wave)
        return set(present[present["pluswijkteam"]]["actor_id"])

    wijk, start = DOORBRAAK
    joined = team(wijk, start) - team(wijk, "2025")
    assert joined and set(project.actors.set_index("actor_id").loc[list(joined), "role_group"]) == {
        "social_team"
    }
    wijk, start = KERNTEAM
    physician = project.actors[project.actors["role_group"] == "elderly_care_physician"][
        "actor_id"
    ].iloc[0]
    assert physician not in team(wijk, start) and physician in team(wijk, "2027")
    wijk, wave, role = TEAM_LEAVER
    left = team(wijk, "2026") - team(wijk, wave)
    assert set(project.actors.set_index("actor_id").loc[list(left), "role"]) == {role}
    # the graphs carry the wave's values
    G = graphs[(DOORBRAAK[0], DOORBRAAK[1])]
    assert all(G.nodes[a]["pluswijkteam"] for a in team(DOORBRAAK[0], DOORBRAAK[1]))


def test_themes_of_the_conversations(project):
    themes = project.themes
    assert {"vertrouwen", "drempel", "samenwerking huisarts-gemeente", "mantelzorg"} <= set(
        themes["theme"]
    )
    assert set(themes["wijk"]) == set(PILOTS) and set(themes["wave"]) == set(WAVES)
    assert (themes["quote"] != "").all()
    wijk_of = dict(zip(project.actors["actor_id"], project.actors["wijk"]))
    names = dict(zip(project.actors["actor_id"], project.actors["name"]))
    for row in themes.itertuples():
        ids = row.actors.split(";")
        assert all(wijk_of[a] == row.wijk for a in ids)
        assert names[ids[-1]] in row.quote  # the actor mentioned, by fictional name
    counts = themes.groupby("wijk")["theme"].apply(lambda t: (t == "vertrouwen").sum())
    assert counts.idxmax() == "Bleijerheide-Centrum-Nulland"  # the low-trust wijk talks about trust
