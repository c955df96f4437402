"""The onderstroom on a hand-made survey: every number of tie_quality, participation and themes by hand.

The survey (fictional; one wijk "Noord", waves 2025 and 2026). Items in the
order open, reliability, mission | power, involvement, resources; "wn" =
"weet niet", "" = no answer. Trust/value = the mean of the answered items
when at least 2 of 3 are answered.

2025
  #1 w1 -> z1  level 3   trust 4 4 4  = 4.0    value 3 3 3  = 3.0
  #2 w2 -> z1  level 2   trust 2 3 wn = 2.5    value 2 2 2  = 2.0
  #3 g1 -> z1  level 4   trust 3 3 3  = 3.0    value 4 4 "" = 4.0
  #4 z1 -> w1  level 1   trust 4 "" "" = NaN (1 item)   value 1 2 3 = 2.0
  #5 z2 -> w1  level 3   trust 2 2 2  = 2.0    value 3 wn wn = NaN (1 item)
  #6 g1 -> w2  level wn  trust 1 2 3  = 2.0    value 2 3 4  = 3.0
  z1 is rated by three (w1, w2, g1), w1 by two (z1, z2), w2 by one (g1).
2026
  #7  w1 -> z1  level 4  trust 4 4 4  = 4.0    value 4 4 4  = 4.0
  #8  w2 -> z1  level 3  trust 3 3 3  = 3.0    value 3 3 3  = 3.0
  #9  w1 -> z2  level 3  trust 3 4 "" = 3.5    value 2 2 2  = 2.0
  #10 w3 -> z2  level 2  trust 2 2 2  = 2.0    value 2 3 "" = 2.5
  #11 g1 -> z1  level 4  trust 1 1 1  = 1.0    value 1 1 1  = 1.0
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from wijknet.analysis import onderstroom as o
from wijknet.analysis.programme import LENSES, programme_tables
from wijknet.privacy import restrict
from wijknet.project import Project

KEY = b"a fictional key of 32 bytes long"
NAN = float("nan")

ACTORS = [
    ("z1", "zorg", "organisation"), ("z2", "zorg", "organisation"),
    ("w1", "welzijn", "organisation"), ("w2", "welzijn", "organisation"), ("w3", "welzijn", "organisation"),
    ("g1", "gemeente", "organisation"),
    ("r1", "inwoners", "person"), ("r2", "inwoners", "person"), ("r3", "inwoners", "person"),
]  # fmt: skip
RATINGS = [
    ("2025", "w1", "z1", "3", "4", "4", "4", "3", "3", "3"),
    ("2025", "w2", "z1", "2", "2", "3", "weet niet", "2", "2", "2"),
    ("2025", "g1", "z1", "4", "3", "3", "3", "4", "4", ""),
    ("2025", "z1", "w1", "1", "4", "", "", "1", "2", "3"),
    ("2025", "z2", "w1", "3", "2", "2", "2", "3", "weet niet", "weet niet"),
    ("2025", "g1", "w2", "weet niet", "1", "2", "3", "2", "3", "4"),
    ("2026", "w1", "z1", "4", "4", "4", "4", "4", "4", "4"),
    ("2026", "w2", "z1", "3", "3", "3", "3", "3", "3", "3"),
    ("2026", "w1", "z2", "3", "3", "4", "", "2", "2", "2"),
    ("2026", "w3", "z2", "2", "2", "2", "2", "2", "3", ""),
    ("2026", "g1", "z1", "4", "1", "1", "1", "1", "1", "1"),
]
ITEMS = ["intensity", "trust_open", "trust_reliability", "trust_mission", "value_power", "value_involvement",
         "value_resources"]  # fmt: skip
TIES = [
    # wave, source, target, tie_type
    ("2025", "r1", "z1", "samenwerking"), ("2025", "w1", "r1", "samenwerking"), ("2025", "r1", "w1", "kennen"),
    ("2025", "r2", "g1", "kennen"), ("2025", "r2", "z2", "drempel"), ("2025", "z1", "g1", "zou_moeten_kennen"),
    ("2025", "w1", "z1", "samenwerking"), ("2025", "z2", "w1", "samenwerking"),
    ("2026", "r1", "z1", "samenwerking"), ("2026", "w1", "r1", "samenwerking"), ("2026", "r1", "w1", "kennen"),
    ("2026", "r2", "g1", "kennen"), ("2026", "r3", "z1", "samenwerking"),
    ("2026", "w1", "z1", "samenwerking"), ("2026", "w3", "z2", "samenwerking"),
]  # fmt: skip
RESPONSES = [
    ("2025", "r1", "1"), ("2025", "r2", "raadplegen"), ("2025", "r3", ""), ("2025", "z1", "meebeslissen"),
    ("2026", "r1", "3"), ("2026", "r2", "coproduceren"), ("2026", "r3", "adviseren"),
]  # fmt: skip
THEMES = [
    # wave, interview, segment, theme, actors
    ("2025", "g1", "s1", "vertrouwen", "z1"), ("2025", "g1", "s2", "vertrouwen", ""),
    ("2025", "g2", "s1", "vertrouwen", "z2"), ("2025", "g2", "s1", "wachtlijst", "z2"),
    ("2025", "g2", "", "wachtlijst", ""),
]  # fmt: skip


def frames() -> dict[str, pd.DataFrame]:
    """The hand-made survey as raw tidy tables (also written to a folder by the page tests)."""
    return {
        "actors": pd.DataFrame([{"actor_id": a, "wijk": "Noord", "domain": d, "kind": k, "name": f"Fictief {a}",
                                 "consent": "ja"} for a, d, k in ACTORS]),
        "ties": pd.DataFrame([{"wijk": "Noord", "wave": w, "source": s, "target": t, "tie_type": tt}
                              for w, s, t, tt in TIES]),
        "ratings": pd.DataFrame([{"wijk": "Noord", "wave": r[0], "rater": r[1], "rated": r[2],
                                  **dict(zip(ITEMS, r[3:]))} for r in RATINGS]),
        "responses": pd.DataFrame([{"wijk": "Noord", "wave": w, "actor_id": a, "participation_level": p}
                                   for w, a, p in RESPONSES]),
        "themes": pd.DataFrame([{"wijk": "Noord", "wave": w, "interview_id": i, "segment_id": s, "theme": t,
                                 "actors": a, "quote": f"fictief citaat {i}{s}"} for w, i, s, t, a in THEMES]),
    }  # fmt: skip


def survey() -> Project:
    f = frames()
    return Project.from_frames(f["actors"], f["ties"], ratings=f["ratings"], responses=f["responses"],
                               themes=f["themes"])  # fmt: skip


def row(table: pd.DataFrame, wave: str, a: str, b: str) -> pd.Series:
    rows = table[(table["wave"] == wave) & (table["from_domain"] == a) & (table["to_domain"] == b)]
    assert len(rows) == 1, (wave, a, b)
    return rows.iloc[0]


def close(a, b) -> bool:
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) < 1e-9


# --- scores ---------------------------------------------------------------------------------------


def test_answer_scores_follow_the_missing_item_rule():
    s = o.answer_scores(survey())
    first = s[s["wave"] == "2025"]
    assert first["trust"].tolist()[:6] == pytest.approx([4.0, 2.5, 3.0, NAN, 2.0, 2.0], nan_ok=True)
    assert first["value"].tolist()[:6] == pytest.approx([3.0, 2.0, 4.0, 2.0, NAN, 3.0], nan_ok=True)
    assert math.isnan(first["intensity"].iloc[5])  # "weet niet" is no level


@pytest.mark.parametrize(
    "items, expected",
    [((4, 2, 3), 3.0), ((4, 2, NAN), 3.0), ((4, NAN, NAN), NAN), ((NAN, NAN, NAN), NAN)],
)
def test_two_of_three_items_make_a_score(items, expected):
    table = pd.DataFrame([dict(zip(("a", "b", "c"), items))])
    assert close(o.item_score(table, ("a", "b", "c")).iloc[0], expected)


def test_dyad_is_the_mean_of_the_rated_directions():
    d = o.dyad_scores(survey()).set_index(["wave", "actor_a", "actor_b"])
    # 2025 w1-z1: w1 -> z1 trust 4.0, z1 -> w1 trust NaN: the one known direction, 4.0
    assert d.loc[("2025", "w1", "z1"), "trust"] == 4.0
    assert d.loc[("2025", "w1", "z1"), "directions"] == 2
    # value: (3.0 + 2.0) / 2 = 2.5; intensity (3 + 1) / 2 = 2
    assert d.loc[("2025", "w1", "z1"), "value"] == 2.5
    assert d.loc[("2025", "w1", "z1"), "intensity"] == 2.0
    assert d.loc[("2025", "w2", "z1"), "directions"] == 1


# --- tie_quality.csv ------------------------------------------------------------------------------


def test_tie_quality_equals_the_hand_count():
    t = o.tie_quality(survey())
    assert list(t.columns) == o.TIE_QUALITY_COLUMNS
    # welzijn -> zorg 2025: #1, #2: levels 3, 2; share 1/2; trust (4 + 2.5)/2 = 3.25; value (3 + 2)/2 = 2.5
    r = row(t, "2025", "welzijn", "zorg")
    assert [r[f"intensity_{k}"] for k in (1, 2, 3, 4)] == [0, 1, 1, 0]
    assert (r["ties_rated"], r["share_coordination_plus"], r["trust_mean"], r["value_mean"]) == (
        2,
        0.5,
        3.25,
        2.5,
    )
    # gemeente -> zorg 2025: #3 alone: level 4, trust 3, value 4; one rater: no interval
    r = row(t, "2025", "gemeente", "zorg")
    assert (r["ties_rated"], r["intensity_4"], r["trust_mean"], r["value_mean"]) == (1, 1, 3.0, 4.0)
    assert math.isnan(r["trust_ci_low"]) and math.isnan(r["trust_ci_high"])
    # zorg -> welzijn 2025: #4, #5: levels 1, 3; trust only #5 = 2.0; value only #4 = 2.0
    r = row(t, "2025", "zorg", "welzijn")
    assert [r[f"intensity_{k}"] for k in (1, 2, 3, 4)] == [1, 0, 1, 0]
    assert (r["share_coordination_plus"], r["trust_mean"], r["value_mean"]) == (0.5, 2.0, 2.0)
    # gemeente -> welzijn 2025: #6, level "weet niet": no level counted, no share
    r = row(t, "2025", "gemeente", "welzijn")
    assert r["ties_rated"] == 1 and sum(r[f"intensity_{k}"] for k in (1, 2, 3, 4)) == 0
    assert math.isnan(r["share_coordination_plus"]) and r["trust_mean"] == 2.0
    # network 2025: 6 answers; levels 1, 2, 3, 3, 4 -> share (2 + 1) / 5 = 0.6
    # trust (4 + 2.5 + 3 + 2 + 2) / 5 = 2.7; value (3 + 2 + 4 + 2 + 3) / 5 = 2.8
    r = row(t, "2025", o.ALL, o.ALL)
    assert [r[f"intensity_{k}"] for k in (1, 2, 3, 4)] == [1, 1, 2, 1]
    assert r["ties_rated"] == 6 and close(r["share_coordination_plus"], 0.6)
    assert close(r["trust_mean"], 2.7) and close(r["value_mean"], 2.8)
    assert r["trust_ci_low"] <= r["trust_mean"] <= r["trust_ci_high"]
    # welzijn -> zorg 2026: #7-#10: levels 4, 3, 3, 2: share 3/4; trust (4+3+3.5+2)/4 = 3.125; value 11.5/4
    r = row(t, "2026", "welzijn", "zorg")
    assert [r[f"intensity_{k}"] for k in (1, 2, 3, 4)] == [0, 1, 2, 1]
    assert (r["share_coordination_plus"], r["trust_mean"], r["value_mean"]) == (0.75, 3.125, 2.875)
    # network 2026: trust (12.5 + 1) / 5 = 2.7, value (11.5 + 1) / 5 = 2.5, share 4/5
    r = row(t, "2026", o.ALL, o.ALL)
    assert (
        close(r["trust_mean"], 2.7)
        and close(r["value_mean"], 2.5)
        and close(r["share_coordination_plus"], 0.8)
    )
    assert (
        len(t) == 4 + 1 + 2 + 1
    )  # four pairs and the network in 2025, two and the network in 2026


def test_intervals_are_seeded():
    a, b = o.tie_quality(survey(), seed=3), o.tie_quality(survey(), seed=3)
    pd.testing.assert_frame_equal(a, b)


def test_rater_bootstrap_resamples_raters_not_answers():
    # two raters, each always the same score: every replicate mean is 4, 2 or a mix weighted by answers
    mean, low, high = o.rater_bootstrap([4, 4, 4, 2], ["a", "a", "a", "b"], n_boot=400, seed=0)
    assert mean == 3.5
    assert low >= 2.0 and high <= 4.0
    assert low == pytest.approx(2.0) and high == pytest.approx(4.0)


def test_change_since_the_previous_wave():
    t = o.tie_quality_change(o.tie_quality(survey()), ["2025", "2026"])
    r = row(t, "2026", "welzijn", "zorg")
    assert close(r["trust_change"], 3.125 - 3.25) and close(r["share_change"], 0.25)
    assert math.isnan(row(t, "2025", "welzijn", "zorg")["trust_change"])
    assert close(row(t, "2026", o.ALL, o.ALL)["value_change"], 2.5 - 2.8)


def test_organisation_is_rated_by_others_only():
    q = o.organisation_quality(survey()).set_index(["wave", "actor_id"])
    # z1 2025 by w1, w2, g1: trust (4 + 2.5 + 3) / 3, value (3 + 2 + 4) / 3 = 3
    assert q.loc[("2025", "z1"), "raters"] == 3
    assert (
        close(q.loc[("2025", "z1"), "trust_mean"], 9.5 / 3)
        and q.loc[("2025", "z1"), "value_mean"] == 3.0
    )
    # w1 by two (z1: no trust score, z2: 2.0), w2 by one; the researcher sees them
    assert q.loc[("2025", "w1"), "raters"] == 2 and q.loc[("2025", "w1"), "trust_mean"] == 2.0
    assert q.loc[("2025", "w2"), "raters"] == 1
    # z1's own answer (#4 about w1) is not in z1's score
    assert q.loc[("2026", "z1"), "raters"] == 3 and close(
        q.loc[("2026", "z1"), "trust_mean"], 8 / 3
    )


# --- privacy: what a wijkteam and a leernetwerk see -----------------------------------------------


def team_view():
    return restrict(survey(), "wijkteam:Noord", key=KEY)


def test_wijkteam_sees_no_mean_of_fewer_than_three_raters():
    t = o.tie_quality(team_view())
    cells = t[t["from_domain"] != o.ALL]
    # 2025: every pair has one or two raters: no means, no levels; the network (5 raters) stays
    first = cells[cells["wave"] == "2025"]
    assert first[o._RATED].isna().all(axis=None)
    assert sorted(first["ties_rated"]) == [
        1,
        1,
        2,
        2,
    ]  # the number of answers stays: a count of ties
    assert close(row(t, "2025", o.ALL, o.ALL)["trust_mean"], 2.7)


def test_wijkteam_cannot_difference_one_rater_out_of_the_network_mean():
    """2026: welzijn -> zorg has 3 raters, gemeente -> zorg one (g1, trust 1.0).

    Were welzijn -> zorg shown, g1's trust = 5 * 2.7 - 4 * 3.125 = 1.0 exactly.
    So welzijn -> zorg is hidden too (the hidden cells then hold 4 raters).
    """
    t = o.tie_quality(team_view())
    network = row(t, "2026", o.ALL, o.ALL)
    shown = t[(t["wave"] == "2026") & (t["from_domain"] != o.ALL) & t["trust_mean"].notna()]
    attack = (
        network["trust_mean"] * network["ties_rated"]
        - (shown["trust_mean"] * shown["ties_rated"]).sum()
    )
    hidden_answers = network["ties_rated"] - shown["ties_rated"].sum()
    assert shown.empty  # the complement left nothing a single rater could be worked out of
    assert hidden_answers == 5 and close(attack / hidden_answers, 2.7)
    # without the complement the attack would work: the full table says so
    full = o.tie_quality(survey())
    wz = row(full, "2026", "welzijn", "zorg")
    assert close(5 * row(full, "2026", o.ALL, o.ALL)["trust_mean"] - 4 * wz["trust_mean"], 1.0)


def test_wijkteam_cannot_difference_an_organisation_out_of_the_network():
    """2026: z1 rated by 3, z2 by 2 (w1, w3). Shown z1 + network would give z2's two-rater sum 5.5."""
    q = o.organisation_quality(team_view())
    # Nothing of 2026. In 2025 z1 is rated by 3, but of the other partners' trust answers only two have a
    # score (z1's own answer about w1 has no trust items), so the network's trust minus z1's would be a
    # two-rater figure: z1 goes too (the rule counts, score by score, the answers with that score).
    assert q.empty


def test_wijkteam_org_means_are_per_wave_only():
    """An organisation mean with and without a wave would single out the raters of that wave."""
    q = o.organisation_quality(team_view())
    team = team_view()
    assert set(q["wave"]) <= set(team.waves)
    assert not q.duplicated(["wave", "actor_id"]).any()


def test_leernetwerk_sees_network_rows_with_protected_counts():
    seen = restrict(survey(), "leernetwerk", key=KEY)
    t = o.tie_quality(seen)
    assert set(t["from_domain"]) == {o.ALL}
    first, second = row(t, "2025", o.ALL, o.ALL), row(t, "2026", o.ALL, o.ALL)
    # levels 1, 1, 2, 1 are all below min_cell 5: suppressed; 6 answers and 5 raters: the means stay
    assert all(math.isnan(first[f"intensity_{k}"]) for k in (1, 2, 3, 4))
    assert first["ties_rated"] == 6 and close(first["trust_mean"], 2.7)
    # 2026: 4 raters < 5: no means
    assert math.isnan(second["trust_mean"]) and math.isnan(second["value_ci_low"])
    assert o.organisation_quality(seen).empty


# --- participation.csv ----------------------------------------------------------------------------


def test_participation_equals_the_hand_count():
    p = o.participation(survey())
    assert list(p.columns) == o.PARTICIPATION_COLUMNS
    first = p[p["wave"] == "2025"].set_index("level")
    # r1 informeren, r2 raadplegen, r3 no step, z1 not a resident: 1 + 1 of 2
    assert first["residents"].tolist() == [1, 1, 0, 0, 0]
    assert first["share"].tolist() == [0.5, 0.5, 0, 0, 0]
    second = p[p["wave"] == "2026"].set_index("level")
    assert second["residents"].tolist() == [0, 0, 2, 1, 0]
    assert second["share"].tolist() == pytest.approx([0, 0, 2 / 3, 1 / 3, 0])


def test_median_step_and_change():
    s = o.participation_summary(survey()).set_index("wave")
    # 2025: informeren, raadplegen -> lower middle informeren; 2026: adviseren, adviseren, coproduceren
    assert s.loc["2025", "median_level"] == "informeren" and math.isnan(
        s.loc["2025", "median_change"]
    )
    assert s.loc["2026", "median_level"] == "adviseren" and s.loc["2026", "median_change"] == 2


def test_ties_of_residents_per_step():
    t = o.participation_ties(survey())
    got = {(w, lv, d): n for w, lv, d, n in zip(t["wave"], t["level"], t["domain"], t["ties"])}
    # 2025 informeren {r1}: r1-z1, r1-w1 (both directions once); raadplegen {r2}: r2-g1 (drempel left out)
    assert got == {
        ("2025", "informeren", "zorg"): 1, ("2025", "informeren", "welzijn"): 1,
        ("2025", "raadplegen", "gemeente"): 1,
        ("2026", "adviseren", "zorg"): 2, ("2026", "adviseren", "welzijn"): 1,
        ("2026", "coproduceren", "gemeente"): 1,
    }  # fmt: skip


def test_ties_of_fewer_than_three_residents_are_hidden_from_a_wijkteam():
    t = o.participation_ties(team_view())
    assert t["ties"].isna().all()  # one or two residents per step
    assert set(t["residents"]) == {1, 2}


def test_leernetwerk_ladder_counts_are_protected():
    p = o.participation(restrict(survey(), "leernetwerk", key=KEY))
    assert (
        p.loc[p["wave"] == "2025", "residents"].isna().sum() >= 2
    )  # 1 and 1 (total 2) cannot be shown
    s = o.participation_summary(restrict(survey(), "leernetwerk", key=KEY))
    assert (s["median_level"] == "").all()  # 2 and 3 residents < min_cell 5


# --- themes.csv -----------------------------------------------------------------------------------


def test_themes_equal_the_hand_count():
    t = o.theme_counts(survey())
    assert list(t.columns) == o.THEME_COLUMNS
    got = {th: (s, i) for th, s, i in zip(t["theme"], t["segments"], t["interviews"])}
    # vertrouwen: g1/s1, g1/s2, g2/s1 of g1, g2; wachtlijst: g2/s1 and a row without segment id, of g2
    assert got == {"vertrouwen": (3, 2), "wachtlijst": (2, 1)}


def test_theme_signals_by_mentioned_actors():
    s = o.theme_signals(survey()).set_index("theme")
    # vertrouwen mentions z1, z2: z1 -> g1 zou_moeten_kennen, r2 -> z2 drempel; wachtlijst mentions z2
    assert s.loc["vertrouwen", ["signals", "barriers", "missing_links"]].tolist() == [2, 1, 1]
    assert s.loc["wachtlijst", ["signals", "barriers", "missing_links"]].tolist() == [1, 1, 0]


def test_quotes_only_with_names_unlocked():
    from wijknet.privacy import Audience

    assert len(o.theme_quotes(survey(), "Noord", "2025", "vertrouwen")) == 3
    locked = restrict(survey(), "onderzoeker", key=KEY)
    assert o.theme_quotes(locked, "Noord", "2025", "vertrouwen").empty
    unlocked = restrict(survey(), Audience("onderzoeker", unlocked=True), key=KEY)
    assert len(o.theme_quotes(unlocked, "Noord", "2025", "vertrouwen")) == 3
    assert o.theme_quotes(team_view(), "Noord", "2025", "vertrouwen").empty


# --- the lens -------------------------------------------------------------------------------------


def test_lens_is_registered_and_writes_three_tables():
    assert o.onderstroom_lens in LENSES
    tables = programme_tables(survey())
    assert {"tie_quality", "participation", "themes"} <= set(tables)


def test_no_individual_rating_in_any_table_of_a_wijkteam():
    """Every mean a wijkteam gets rests on at least three raters."""
    team = team_view()
    t = o.tie_quality(team)
    scores = o.answer_scores(team)
    for r in t[t["trust_mean"].notna()].itertuples():
        rows = scores[(scores["wave"] == r.wave)]
        if r.from_domain != o.ALL:
            rows = rows[(rows["from_domain"] == r.from_domain) & (rows["to_domain"] == r.to_domain)]
        assert rows["rater"].nunique() >= o.min_raters()
    assert np.isfinite(t["ties_rated"].astype(float)).all()


def test_compare_onderstroom_puts_intensity_and_trust_next_to_structure():
    from wijknet.analysis.compare import compare_onderstroom

    c = compare_onderstroom(survey(), "2025")
    assert c["wijk"].tolist() == ["Noord"]
    # the network row of 2025: 6 answers, 60% close, trust 2.7, value 2.8
    assert c["ties_rated"].tolist() == [6]
    assert close(c["share_coordination_plus"].iloc[0], 0.6) and close(c["trust_mean"].iloc[0], 2.7)
    assert close(c["value_mean"].iloc[0], 2.8)


def test_a_wijk_alone_gives_the_rows_of_the_full_table():
    """The page (one wijk) and tie_quality.csv (all wijken) show the same intervals."""
    full = o.tie_quality(survey(), seed=5)
    alone = o.tie_quality(survey(), seed=5, wijk="Noord")
    pd.testing.assert_frame_equal(full, alone)


def test_theme_signals_of_a_store_are_the_segments_signal_types():
    # a store's themes carry the signal tie types of their segment (store.frames.themes_frame)
    project = survey()
    themes = project.themes.assign(signals="")
    themes.loc[0, "signals"] = "drempel;wens"
    themes.loc[1, "signals"] = "zou_moeten_kennen"
    project.themes = themes
    s = o.theme_signals(project)
    counted = s[["signals", "barriers", "missing_links", "wishes"]].sum().tolist()
    assert counted == [3, 1, 1, 1]
