"""k-anonymity of the anonymised copy by local suppression (:func:`wijknet.privacy.anonymise.k_anonymise`)."""

from __future__ import annotations

import pandas as pd

from wijknet.privacy.anonymise import k_anonymise

QUASI = ("wijk", "domain", "team")
ORDER = (("team",), ("domain",))


def table(rows):
    return pd.DataFrame(rows, columns=["actor_id", *QUASI])


def profiles(df):
    return df[list(QUASI)].apply(tuple, axis=1).value_counts().to_dict()


def test_only_the_rare_profiles_lose_values_in_the_given_order():
    # zorg/nee x3 is a group of 3; the two zorg/ja members are unique until "team" is blanked
    df = table([["a", "W", "zorg", "nee"], ["b", "W", "zorg", "nee"], ["c", "W", "zorg", "nee"],
                ["d", "W", "zorg", "ja"], ["e", "W", "welzijn", "nee"]])  # fmt: skip
    out, blanked = k_anonymise(df, 2, quasi=QUASI, order=ORDER)
    assert profiles(out) == {("W", "zorg", "nee"): 3, ("W", "", ""): 2}
    # d lost team and domain (its blank-team group of 1 was still too small), e lost both too
    assert blanked == {"team": 2, "domain": 2}
    assert out.loc[out["actor_id"] == "a", "team"].item() == "nee"  # a group of k keeps its values


def test_a_blank_is_its_own_value_and_the_smallest_group_joins_a_too_small_blank_group():
    # after both steps only "c" is fully blank in W: a group of 1, so the smallest other group of W joins it
    df = table([["a", "W", "zorg", "nee"], ["b", "W", "zorg", "nee"], ["c", "W", "wonen", "ja"],
                ["d", "W", "welzijn", "nee"], ["e", "W", "welzijn", "nee"], ["f", "W", "welzijn", "nee"],
                ["g", "V", "zorg", "nee"], ["h", "V", "zorg", "nee"]])  # fmt: skip
    out, blanked = k_anonymise(df, 2, quasi=QUASI, order=ORDER, blank={"domain": "overig"})
    assert profiles(out) == {
        ("W", "welzijn", "nee"): 3,
        ("W", "overig", ""): 3,
        ("V", "zorg", "nee"): 2,
    }
    assert blanked == {"team": 3, "domain": 3}
    assert min(profiles(out).values()) >= 2


def test_the_never_blanked_column_bounds_what_can_be_done():
    # wijk V has one actor: no blanking makes it a group of 2, and it is left as it is
    df = table([["a", "W", "zorg", "nee"], ["b", "W", "zorg", "nee"], ["c", "V", "zorg", "ja"]])
    out, blanked = k_anonymise(df, 2, quasi=QUASI, order=ORDER)
    assert profiles(out) == {("W", "zorg", "nee"): 2, ("V", "", ""): 1}
    assert blanked == {"team": 1, "domain": 1}


def test_a_k_anonymous_table_is_unchanged():
    df = table([["a", "W", "zorg", "nee"], ["b", "W", "zorg", "nee"]])
    out, blanked = k_anonymise(df, 2, quasi=QUASI, order=ORDER)
    pd.testing.assert_frame_equal(out, df)
    assert blanked == {"team": 0, "domain": 0}
