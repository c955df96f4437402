"""Attacks on the persistent results cache (:mod:`wijknet.cache`) across audiences and after a correction.

The key test (tests/test_cache.py) shows that two audiences get different keys. Here an attacker goes
further: a leernetwerk viewer replays a researcher's key, or the cached value outlives the removal of a
name from the programme office's tables (a PPI note or a KPI correction reason), so a page shows it
after the source no longer holds it.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from tests.people import ACTORS, RESPONSES, TIES
from wijknet import cache
from wijknet.analysis.kpi import kpi3
from wijknet.privacy import Audience, restrict
from wijknet.project import Project

SECRET = "Xander Fictief"
KEY = b"cache-attack-key-0123456789abcdef"
UNLOCKED = Audience.parse("onderzoeker", unlocked=True)


def _project(reason: str) -> Project:
    def frame(csv):
        return pd.read_csv(io.StringIO(csv), dtype=str, keep_default_na=False)

    corrections = pd.DataFrame(
        {"wijk": ["Heidepark"], "wave": ["2026"], "correction": ["5"], "reason": [reason]}
    )
    return Project.from_frames(
        frame(ACTORS), frame(TIES), responses=frame(RESPONSES), kpi_corrections=corrections
    )


def _kpi(folder, project, audience: str):
    view = restrict(project, audience if audience != "unlocked" else UNLOCKED, key=KEY)
    return cache.cached(folder, view, "kpi3", {}, audience, lambda: kpi3(view))


@pytest.fixture(autouse=True)
def _cache_on(monkeypatch):
    monkeypatch.delenv(cache.ENV_OFF, raising=False)


def test_a_replayed_researcher_key_gives_the_leernetwerk_nothing(tmp_path):
    project = _project(f"{SECRET} vertrokken")
    view = restrict(project, UNLOCKED, key=KEY)
    _kpi(tmp_path, project, "unlocked")
    stolen = cache.entry_key(cache.data_hash(view), "kpi3", {}, "unlocked")
    assert cache.lookup(tmp_path, stolen, "unlocked")[0]  # the entry is there
    assert cache.lookup(tmp_path, stolen, "leernetwerk") == (False, None)
    table = _kpi(tmp_path, project, "leernetwerk")
    assert not table["correction_reason"].str.contains(SECRET).any()


def test_a_name_removed_from_the_corrections_is_not_served_from_the_cache(tmp_path):
    before = _kpi(tmp_path, _project(f"{SECRET} vertrokken"), "unlocked")
    assert before["correction_reason"].str.contains(SECRET).any()
    # The programme office removes the name; the same viewer, the same computation, a new load.
    after = _kpi(tmp_path, _project("praktijkondersteuner vertrokken"), "unlocked")
    assert not after["correction_reason"].str.contains(SECRET).any()


def test_a_changed_correction_is_not_served_from_the_cache(tmp_path):
    """The same path for the correction's amount: a stale judgement would be wrong, not only leaky."""
    first = _kpi(tmp_path, _project("fusie"), "leernetwerk")
    project = _project("fusie")
    project.kpi_corrections.loc[0, "correction"] = 9.0
    second = _kpi(tmp_path, project, "leernetwerk")
    row = lambda t: t.query("wijk == 'Heidepark' and wave == '2026'")["correction"].iloc[0]  # noqa: E731
    assert row(first) == 5 and row(second) == 9
