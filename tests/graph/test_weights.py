"""build_graph's weighted views: weight="intensity"/"trust" and min_level, on a hand-made survey.

Ties (2025): a -> b, b -> a, a -> c, c -> d (all samenwerking, weight 1).
Ratings:     a about b: level 4, trust 4 4 4 = 4.0
             b about a: level 2, trust 2 2 "" = 2.0
             a about c: level 3, trust 3 "" "" = no trust score (1 item of 3)
             c -> d has no answer either way; d about c: none.
"""

from __future__ import annotations

import pandas as pd
import pytest

from wijknet.core.errors import DataError
from wijknet.graph.build import build_graph
from wijknet.privacy import restrict
from wijknet.project import Project


def project() -> Project:
    actors = pd.DataFrame({"actor_id": list("abcd"), "wijk": "W", "domain": ["zorg", "welzijn", "gemeente", "zorg"],
                           "kind": "organisation"})  # fmt: skip
    ties = pd.DataFrame({"wijk": "W", "wave": "2025", "source": list("abac"), "target": list("bacd"),
                         "tie_type": "samenwerking"})  # fmt: skip
    ratings = pd.DataFrame({
        "wijk": "W", "wave": "2025", "rater": ["a", "b", "a"], "rated": ["b", "a", "c"],
        "intensity": ["4", "2", "3"], "trust_open": ["4", "2", "3"], "trust_reliability": ["4", "2", ""],
        "trust_mission": ["4", "", ""],
    })  # fmt: skip
    return Project.from_frames(actors, ties, ratings=ratings)


def test_default_is_the_ties_weight():
    G = build_graph(project(), "W", "2025")
    assert sorted(G.edges(data="weight")) == [
        ("a", "b", 1.0),
        ("a", "c", 1.0),
        ("b", "a", 1.0),
        ("c", "d", 1.0),
    ]
    assert "unrated" not in G.graph


def test_intensity_weight_is_the_raters_level_and_unrated_ties_go():
    G = build_graph(project(), "W", "2025", weight="intensity")
    # a->b 4, b->a 2, a->c 3; c->d has no answer either way: left out and counted
    assert sorted(G.edges(data="weight")) == [("a", "b", 4.0), ("a", "c", 3.0), ("b", "a", 2.0)]
    assert G.graph["unrated"] == 1 and G.graph["weighted_by"] == "intensity"
    assert G.has_node("d")  # actors stay as isolates


def test_trust_weight_uses_the_reverse_answer_when_the_own_is_missing():
    G = build_graph(project(), "W", "2025", weight="trust")
    # a->b 4.0, b->a 2.0; a->c: one trust item only, no reverse answer: left out; c->d: no answer
    assert sorted(G.edges(data="weight")) == [("a", "b", 4.0), ("b", "a", 2.0)]
    assert G.graph["unrated"] == 2


def test_reverse_answer_fills_an_unrated_arc():
    p = project()
    p.ties = pd.concat([p.ties, p.ties.iloc[[2]].assign(source="c", target="a")], ignore_index=True)
    G = build_graph(p, "W", "2025", weight="intensity")
    assert G["c"]["a"]["weight"] == 3.0  # a's answer about c


def test_min_level_keeps_coordination_and_integration():
    G = build_graph(project(), "W", "2025", min_level=3)
    # levels: a->b 4, b->a 2, a->c 3, c->d none -> a->b and a->c; the weight stays the ties' weight
    assert sorted(G.edges(data="weight")) == [("a", "b", 1.0), ("a", "c", 1.0)]
    H = build_graph(project(), "W", "2025", min_level=3, weight="intensity", symmetrise="union")
    assert sorted(H.edges(data="weight")) == [("a", "b", 4.0), ("a", "c", 3.0)]


def test_union_of_a_rated_pair_takes_the_stronger_direction():
    H = build_graph(project(), "W", "2025", weight="trust", symmetrise="reciprocated")
    assert list(H.edges(data="weight")) == [
        ("a", "b", 2.0)
    ]  # reciprocated: the weaker of 4.0 and 2.0


def test_bad_weight_is_refused():
    with pytest.raises(ValueError):
        build_graph(project(), "W", "2025", weight="frequency")


@pytest.mark.parametrize("audience", ["wijkteam:W", "leernetwerk"])
def test_ratings_as_weights_are_for_researchers_only(audience):
    """An arc's trust weight is one rater's answer: no wijkteam or leernetwerk may see it."""
    seen = restrict(project(), audience, key=b"a fictional key of 32 bytes long")
    with pytest.raises(DataError):
        build_graph(seen, "W", "2025", weight="trust")
    with pytest.raises(DataError):
        build_graph(seen, "W", "2025", min_level=3)
    assert build_graph(seen, "W", "2025").number_of_edges() == 4


def test_cli_analyse_weight_and_min_level(tmp_path):
    """``wijknet analyse --weight trust --min-level 3``: a thin shell over build_graph's options."""
    from typer.testing import CliRunner

    from wijknet.cli.app import app

    p = project()
    folder = tmp_path / "survey"
    folder.mkdir()
    p.actors[["actor_id", "wijk", "domain", "kind"]].to_csv(folder / "actors.csv", index=False)
    p.ties[["wijk", "wave", "source", "target", "tie_type"]].to_csv(
        folder / "ties.csv", index=False
    )
    ratings = pd.DataFrame({"wijk": "W", "wave": "2025", "rater": ["a", "b", "a"], "rated": ["b", "a", "c"],
                            "intensity": [4, 2, 3], "trust_open": [4, 2, 3], "trust_reliability": [4, 2, ""],
                            "trust_mission": [4, "", ""]})  # fmt: skip
    ratings.to_csv(folder / "ratings.csv", index=False)
    runner = CliRunner()
    out = tmp_path / "out"
    args = ["analyse", str(folder), "--out", str(out), "--permutations", "0", "--weight", "trust"]
    result = runner.invoke(app, [*args, "--min-level", "3"])
    assert result.exit_code == 0, result.output
    network = pd.read_csv(out / "network_metrics.csv")
    assert network["ties"].tolist() == [
        1
    ]  # a -> b only: level 4 and a trust score (a -> c has none)
    team = runner.invoke(app, [*args, "--audience", "wijkteam:W"])
    assert team.exit_code != 0 and "onderzoeker" in team.output
