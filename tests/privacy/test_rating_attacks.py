"""Attacks on survey ratings (trust, value, intensity per partner): what a wijkteam or leernetwerk could recover.

Every figure an analysis shows of ratings to an audience that may not see them one by one passes
:func:`wijknet.privacy.suppression.rating_groups_allowed`. These tests play the attacker against that rule:
they publish what it allows (means and rater counts, as tie_quality would) and try to get one rater's score
back by differencing. All data fictional.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from wijknet.io.tidy import TRUST_ITEMS
from wijknet.privacy.audience import NotAllowed
from wijknet.privacy.suppression import MIN_RATERS, rating_groups_allowed
from wijknet.privacy.view import restrict
from wijknet.project import Project

KEY = b"a fictional key of 32 bytes long"


def _ratings(rows) -> pd.DataFrame:
    """Rows ``(wave, rater, rated, trust_open)`` of wijk N."""
    return pd.DataFrame(
        [
            {"wijk": "N", "wave": w, "rater": r, "rated": d, "trust_open": float(t)}
            for w, r, d, t in rows
        ]
    )


def _published(ratings, by, audience, **options) -> pd.DataFrame:
    """What the attacker gets: sum and number of ratings of every allowed group (a mean with its n)."""
    allowed = rating_groups_allowed(ratings, by, audience, items=["trust_open"], **options)
    sums = ratings.groupby(by)["trust_open"].agg(["sum", "count"]).reset_index()
    out = allowed.merge(sums, on=by)
    return out[out["allowed"]]


def test_min_raters_is_three():
    assert MIN_RATERS == 3


def test_a_partner_rated_by_one_or_two_respondents_is_never_shown():
    # c rated by one (a), d by two (a, b), e by three (a, b, f): hand count of raters per partner.
    ratings = _ratings([("1", "a", "c", 4), ("1", "a", "d", 3), ("1", "b", "d", 1),
                        ("1", "a", "e", 2), ("1", "b", "e", 2), ("1", "f", "e", 3)])  # fmt: skip
    out = rating_groups_allowed(ratings, ["wijk", "wave", "rated"], "wijkteam:N")
    assert dict(zip(out["rated"], out["raters"])) == {"c": 1, "d": 2, "e": 3}
    assert not out.set_index("rated").loc[["c", "d"], "allowed"].any()
    # c and d together rest on two raters (a, b): the wijk's figure minus e's would give them, so e goes too.
    assert not out["allowed"].any()
    # A researcher sees them all (individual ratings are for researchers).
    assert rating_groups_allowed(ratings, ["wijk", "wave", "rated"], "onderzoeker")["allowed"].all()
    assert rating_groups_allowed(ratings, ["wijk", "wave", "rated"], None)["allowed"].all()


def test_differencing_an_organisation_by_rater_domain_does_not_isolate_one_rater():
    # x is rated by three zorg raters and one welzijn rater (w). Published: x over all raters (4) and the
    # split by rater domain; the welzijn part has one rater, and x minus its zorg part would be w's score.
    ratings = _ratings(
        [("1", "z1", "x", 4), ("1", "z2", "x", 4), ("1", "z3", "x", 3), ("1", "w", "x", 1)]
    )
    ratings["rater_domain"] = ratings["rater"].str[0]
    whole = _published(ratings, ["wijk", "wave", "rated"], "wijkteam:N")
    split = _published(ratings, ["wijk", "wave", "rated", "rater_domain"], "wijkteam:N",
                       parent=["wijk", "wave", "rated"])  # fmt: skip
    assert len(whole) == 1 and whole["raters"].iat[0] == 4
    assert split.empty, "the zorg part alone would give w's score as whole minus zorg"


def test_differencing_per_organisation_means_across_waves_does_not_give_a_new_rater():
    # Wave 1: a, b, c rate x. Wave 2: the same three with the same scores, and d joins with 1.
    # 4 * mean_2 - 3 * mean_1 would be d's score: the second wave's figure is not shown.
    rows = [("1", r, "x", t) for r, t in (("a", 4), ("b", 3), ("c", 2))]
    rows += [("2", r, "x", t) for r, t in (("a", 4), ("b", 3), ("c", 2), ("d", 1))]
    shown = _published(_ratings(rows), ["wijk", "wave", "rated"], "wijkteam:N", waves=["1", "2"])
    assert shown["wave"].tolist() == ["1"]
    # With three newcomers the difference is a sum over three raters: shown.
    rows += [("2", r, "x", 2) for r in ("e", "f")]
    shown = _published(_ratings(rows), ["wijk", "wave", "rated"], "wijkteam:N", waves=["1", "2"])
    assert shown["wave"].tolist() == ["1", "2"]


def test_the_same_panel_in_two_waves_is_shown():
    rows = [(w, r, "x", 3) for w in ("1", "2") for r in ("a", "b", "c")]
    assert _published(_ratings(rows), ["wijk", "wave", "rated"], "wijkteam:N")["wave"].tolist() == [
        "1",
        "2",
    ]


def test_domain_pairs_and_the_network_figure_do_not_difference_to_one_rater():
    # Network (wijk, wave) over all; pairs zorg->welzijn (3 raters) and welzijn->zorg (1 rater).
    ratings = _ratings(
        [("1", "z1", "w9", 3), ("1", "z2", "w9", 2), ("1", "z3", "w9", 4), ("1", "w1", "z9", 1)]
    )
    ratings["from_domain"] = ratings["rater"].str[0]
    ratings["to_domain"] = ratings["rated"].str[0]
    network = _published(ratings, ["wijk", "wave"], "leernetwerk")
    pairs = _published(ratings, ["wijk", "wave", "from_domain", "to_domain"], "leernetwerk")
    assert len(network) == 1
    assert pairs.empty, "network minus the zorg->welzijn pair would give w1's score"


@pytest.mark.parametrize("audience", ["wijkteam:N", "leernetwerk", "onderzoeker"])
def test_a_figure_per_rater_or_per_partner_for_a_leernetwerk_is_refused(audience):
    ratings = _ratings([("1", r, "x", 3) for r in "abcd"])
    if audience == "onderzoeker":
        assert rating_groups_allowed(ratings, ["wijk", "wave", "rater"], audience)["allowed"].all()
        return
    with pytest.raises(NotAllowed):
        rating_groups_allowed(ratings, ["wijk", "wave", "rater"], audience)
    if audience == "leernetwerk":
        with pytest.raises(NotAllowed):
            rating_groups_allowed(ratings, ["wijk", "wave", "rated"], audience)


def test_items_not_answered_do_not_count_as_raters():
    # Four raters of x, but only two answered a trust item ("weet niet" is NaN): too few for trust.
    ratings = pd.DataFrame({"wijk": "N", "wave": "1", "rater": list("abcd"), "rated": "x",
                            "intensity": [3.0, 2.0, 4.0, 1.0], "trust_open": [4.0, math.nan, math.nan, 2.0]})  # fmt: skip
    trust = rating_groups_allowed(
        ratings, ["wijk", "wave", "rated"], "wijkteam:N", items=TRUST_ITEMS
    )
    intensity = rating_groups_allowed(
        ratings, ["wijk", "wave", "rated"], "wijkteam:N", items=["intensity"]
    )
    assert trust["raters"].tolist() == [2] and not trust["allowed"].any()
    assert intensity["raters"].tolist() == [4] and intensity["allowed"].all()


def _project() -> Project:
    actors = pd.DataFrame({"actor_id": ["z1", "z2", "w1", "n1"], "wijk": ["N", "N", "N", "Z"],
                           "domain": ["zorg", "zorg", "welzijn", "zorg"], "name": ["Huisarts Fictief", "Verpleging Fictief",
                           "Coach Fictief", "Noord Fictief"], "kind": "person"})  # fmt: skip
    ties = pd.DataFrame({"wijk": "N", "wave": "2026", "source": ["z1"], "target": ["z2"]})
    ratings = pd.DataFrame({"wijk": "N", "wave": "2026", "rater": ["z1", "w1"], "rated": ["z2", "z2"],
                            "trust_open": ["4", "weet niet"], "opmerking": ["Verpleging Fictief is te laat", ""]})  # fmt: skip
    themes = pd.DataFrame({"wijk": "N", "wave": "2026", "interview_id": ["Gesprek Huisarts Fictief"],
                           "theme": ["vertrouwen"], "segment_id": ["Gesprek Huisarts Fictief:4-6"],
                           "quote": ["Verpleging Fictief belt nooit terug"], "actors": ["z2"]})  # fmt: skip
    return Project.from_frames(actors, ties, ratings=ratings, themes=themes)


@pytest.mark.parametrize("audience", ["wijkteam:N", "leernetwerk", "onderzoeker"])
def test_restricted_ratings_and_themes_carry_no_names_quotes_or_free_text(audience):
    seen = restrict(_project(), audience, key=KEY)
    flat = " ".join(map(str, seen.ratings.to_numpy().ravel())) + " ".join(
        map(str, seen.themes.to_numpy().ravel())
    )
    assert "Fictief" not in flat
    assert not {"z1", "z2", "w1"} & (set(seen.ratings["rater"]) | set(seen.ratings["rated"]))
    assert set(seen.themes["quote"]) == {""}
    assert seen.themes["interview_id"].str.startswith("G-").all()
    assert seen.themes["segment_id"].str.startswith("S-").all()
    if audience != "onderzoeker":
        assert "opmerking" not in seen.ratings.columns


def test_a_wijkteam_gets_no_rating_or_theme_of_another_wijk():
    project = _project()
    ratings = pd.concat([project.ratings, project.ratings.assign(wijk="Z", rater="n1", rated="n1")])
    project.ratings = ratings.iloc[
        :2
    ]  # Z has one actor: no rating is possible there; only N's stay
    seen = restrict(project, "wijkteam:Z", key=KEY)
    assert seen.ratings.empty and seen.themes.empty


def test_only_an_unlocked_researcher_reads_the_quotes():
    from wijknet.privacy.audience import Audience

    seen = restrict(_project(), Audience("onderzoeker", unlocked=True), key=KEY)
    assert seen.themes["quote"].tolist() == ["Verpleging Fictief belt nooit terug"]


def test_the_anonymised_copy_has_themes_without_quotes_and_ratings_only_with_answers(tmp_path):
    from wijknet.privacy.anonymise import write_anonymised

    project = _project()
    names = {p.name for p in write_anonymised(project, tmp_path / "a", key=KEY)}
    assert "themes.csv" in names and "ratings.csv" not in names and "actor_waves.csv" not in names
    text = (tmp_path / "a" / "themes.csv").read_text(encoding="utf-8")
    assert "Fictief" not in text and "vertrouwen" in text
    with_answers = {
        p.name for p in write_anonymised(project, tmp_path / "b", key=KEY, with_answers=True)
    }
    assert "ratings.csv" in with_answers
    assert "Fictief" not in (tmp_path / "b" / "ratings.csv").read_text(encoding="utf-8")
