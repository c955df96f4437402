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
from wijknet.datasets.demo import (
    FIRST_NAMES,
    KERN,
    KPI3_STORY,
    LAYERS,
    PRIVATE,
    STORY,
    SURNAMES,
    WAVES,
    make_demo,
    make_responses,
    write_demo,
)
from wijknet.io.tidy import ACTOR_OPTIONAL

WIJKEN = [
    "Bleijerheide-Centrum-Nulland",
    "Daalhof",
    "De Baandert",
    "Eijsden",
    "Hoensbroek-Noord",
    "Lindenheuvel",
]
WIJKPLAN = [w for w in WIJKEN if w != "Eijsden"]
FILES = ("actors.csv", "ties.csv", "responses.csv", "wijknet.yaml", "LEESMIJ.txt")


@pytest.fixture(scope="module")
def frames():
    return make_demo()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = write_demo(tmp_path_factory.mktemp("demo"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return load_project(folder)


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


def test_all_values_are_strings(frames):
    for df in frames:
        assert all(isinstance(v, str) for v in df.to_numpy().ravel())


def test_loads_without_warnings(tmp_path, caplog):
    folder = write_demo(tmp_path)
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


def test_csv_is_utf8_comma(tmp_path):
    folder = write_demo(tmp_path)
    header = (folder / "actors.csv").read_bytes().decode("utf-8").splitlines()[0]
    assert header.startswith("actor_id,wijk,domain,")
    assert not (folder / "ties.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_leesmij_says_fictional_in_dutch_and_english(tmp_path):
    content = (write_demo(tmp_path) / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert "verzonnen" in content and "gegenereerd" in content
    assert "fictional" in content and "generated" in content


def test_actor_counts_per_wijk(frames):
    counts = frames[0].groupby("wijk").size()
    assert sorted(counts.index) == WIJKEN
    assert counts.between(60, 150).all(), counts
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
    assert set(ties["tie_type"]) == {"samenwerking", "verwijzing", "overleg", "informatie"}
    assert set(ties["weight"]) == {"1", "2", "3", "4", "5"}


def test_pluswijkteam_per_wijk(project):
    team = project.actors[project.actors["pluswijkteam"]]
    sizes = team.groupby("wijk").size()
    assert sorted(sizes.index) == WIJKEN
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
    assert len(jaccard) == 12
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
    for wijk in WIJKEN:
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
