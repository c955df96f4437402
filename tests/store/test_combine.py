"""Evidence rules on a hand-made set of observations."""

from __future__ import annotations

import pandas as pd
import pytest

from wijknet.core.errors import DataError
from wijknet.store.combine import combine_observations, kept_observations


def obs(*rows):
    columns = ["wijk", "wave", "source", "target", "tie_type", "weight", "kind", "label"]
    return pd.DataFrame([dict(zip(columns, r)) for r in rows], columns=columns).astype(
        {"weight": float}
    )


N = float("nan")
OBS = obs(
    # a -> b named by a, and b named a: confirmed both ways
    ("W", "1", "a", "b", "samenwerking", 3, "survey", "enquête"),
    ("W", "1", "b", "a", "samenwerking", 4, "survey", "enquête"),
    # a -> c named by a only: survey, not confirmed
    ("W", "1", "a", "c", "samenwerking", 2, "survey", ""),
    # c -> d named by c, confirmed by d (an explicit confirmation)
    ("W", "1", "c", "d", "verwijzing", 5, "survey", ""),
    ("W", "1", "c", "d", "verwijzing", N, "confirmation", ""),
    # d -> e named by d, mentioned in an interview (the other direction): survey + interview
    ("W", "1", "d", "e", "overleg", 1, "survey", ""),
    ("W", "1", "e", "d", "", N, "interview", "gesprek 7"),
    # f -> g only in an interview: all only
    ("W", "1", "f", "g", "", N, "interview", ""),
    # g -> h only in a graph file, and h -> g in a tidy file: both sides, but not survey
    ("W", "1", "g", "h", "", 2, "graph_file", ""),
    ("W", "1", "h", "g", "", N, "tidy_file", ""),
    # the same pair in another wave counts on its own
    ("W", "2", "b", "a", "samenwerking", 1, "survey", ""),
)


def pairs(df):
    return set(zip(df["wave"], df["source"], df["target"]))


def test_all_keeps_every_observed_tie():
    ties = combine_observations(OBS, "all")
    assert pairs(ties) == {
        ("1", "a", "b"),
        ("1", "b", "a"),
        ("1", "a", "c"),
        ("1", "c", "d"),
        ("1", "d", "e"),
        ("1", "e", "d"),
        ("1", "f", "g"),
        ("1", "g", "h"),
        ("1", "h", "g"),
        ("2", "b", "a"),
    }
    cd = ties[(ties.source == "c") & (ties.target == "d")].iloc[0]
    assert cd["weight"] == "5.0" and cd["observations"] == "2"  # largest weight, two observations
    fg = ties[(ties.source == "f")].iloc[0]
    assert (
        fg["weight"] == "" and fg["evidence"] == "interview"
    )  # no weight; the kind when there is no label


def test_survey_keeps_survey_answers_and_confirmations():
    ties = combine_observations(OBS, "survey")
    assert pairs(ties) == {
        ("1", "a", "b"),
        ("1", "b", "a"),
        ("1", "a", "c"),
        ("1", "c", "d"),
        ("1", "d", "e"),
        ("2", "b", "a"),
    }


def test_confirmed_needs_both_sides_or_one_side_and_an_interview():
    ties = combine_observations(OBS, "confirmed")
    assert pairs(ties) == {
        ("1", "a", "b"),
        ("1", "b", "a"),
        ("1", "c", "d"),
        ("1", "d", "e"),
        ("1", "g", "h"),
        ("1", "h", "g"),
    }
    # b -> a in wave 2 alone is not confirmed by a's report in wave 1
    assert ("2", "b", "a") not in pairs(ties)
    # the interview observation of e -> d is evidence, but no one reported e -> d
    assert ("1", "e", "d") not in pairs(ties)
    kept = kept_observations(OBS, "confirmed")
    assert set(kept["kind"]) == {"survey", "confirmation", "graph_file", "tidy_file"}


def test_result_is_valid_tidy_input():
    from wijknet.io.tidy import validate_ties

    actors = pd.DataFrame({"actor_id": list("abcdefgh"), "wijk": "W"})
    out = validate_ties(combine_observations(OBS, "all"), actors)
    assert out["weight"].min() >= 1.0


def test_unknown_rule_is_refused():
    with pytest.raises(DataError, match="bewijsregel"):
        combine_observations(OBS, "majority")


def test_no_observations_gives_an_empty_table():
    assert combine_observations(OBS.iloc[:0], "confirmed").empty
