"""The one answer-to-tie rule, used by the survey import and by resolving write-ins."""

import pytest

from wijknet.core.ties import survey_kind, survey_ties


@pytest.mark.parametrize(
    ("intensity", "referral", "expected"),
    [
        ("1", "", [("A", "B", "kennen")]),
        ("2", "naar", [("A", "B", "samenwerking"), ("A", "B", "verwijzing")]),
        ("", "beide", [("A", "B", "kennen"), ("A", "B", "verwijzing"), ("B", "A", "verwijzing")]),
        ("4", "van", [("A", "B", "samenwerking"), ("B", "A", "verwijzing")]),
    ],
)
def test_survey_ties(intensity, referral, expected):
    assert survey_ties("A", "B", intensity, referral) == expected


def test_a_tie_to_the_reporter_is_a_confirmation():
    kinds = [survey_kind("A", t) for _, t, _ in survey_ties("A", "B", "3", "beide")]
    assert kinds == ["survey", "survey", "confirmation"]
