"""What each audience may do, as properties of Audience instead of tier names compared on the pages."""

from __future__ import annotations

import pytest

from wijknet.core.errors import DataError
from wijknet.privacy.audience import Audience, viewer_audience

CAPABILITIES = ("is_researcher", "may_unlock", "may_import", "sees_audit_log", "may_anonymise")


@pytest.mark.parametrize(
    ("value", "expected", "other_wijken"),
    [("onderzoeker", True, True), ("wijkteam:Noord", False, False), ("leernetwerk", False, True)],
)
def test_capabilities(value, expected, other_wijken):
    audience = Audience.parse(value)
    assert all(getattr(audience, c) is expected for c in CAPABILITIES)
    assert audience.sees_other_wijken is other_wijken


def test_viewer_audience_store_and_folder():
    assert (
        str(viewer_audience(None, store=True)) == "leernetwerk"
    )  # a store without sign-in: the least
    assert (
        str(viewer_audience("wijkteam:Zuid", store=True, view_as="onderzoeker")) == "wijkteam:Zuid"
    )
    assert (
        str(viewer_audience("leernetwerk", store=False, view_as=None)) == "onderzoeker"
    )  # a folder's owner
    assert str(viewer_audience(None, store=False, view_as="wijkteam:Noord")) == "wijkteam:Noord"


def test_viewer_audience_unlocks_only_where_allowed():
    assert viewer_audience("onderzoeker", store=True, unlock=True).unlocked
    assert not viewer_audience("onderzoeker", store=True, unlock=False).unlocked
    assert not viewer_audience("leernetwerk", store=True, unlock=True).unlocked
    assert not viewer_audience(None, store=False, view_as="wijkteam:Noord", unlock=True).unlocked


def test_viewer_audience_refuses_a_bad_audience():
    with pytest.raises(DataError):
        viewer_audience("burgemeester", store=True)


def test_audience_choices_and_programme_view():
    from wijknet.privacy.audience import PROGRAMME, audience_choices

    choices = audience_choices(["Noord"])
    assert choices[0] == "onderzoeker" and choices[-1] == "leernetwerk"
    assert all(Audience.parse(c) for c in choices)
    assert audience_choices([]) == ["onderzoeker", "leernetwerk"]
    assert not PROGRAMME.sees_individuals and PROGRAMME.sees_other_wijken
