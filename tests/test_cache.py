"""The persistent results cache beside a project (wijknet.cache): keys, hits, audiences, import and forget."""

from __future__ import annotations

import os
import stat

import pandas as pd
import pytest

from wijknet import cache
from wijknet.privacy import Audience
from wijknet.privacy.load import load_project
from wijknet.project import Project

BEEKDAL_NAMES = (
    "Delta Beekhof",
    "Hotel Beekveld",
    "India Beekstraat",
)  # tests/people.py, another wijk


@pytest.fixture
def on(monkeypatch):
    """The cache switched on (the suite switches it off, tests/conftest.py)."""
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    cache.STATS.update(hit=0, miss=0)


def tiny(weight: float = 1.0) -> Project:
    actors = pd.DataFrame({"actor_id": ["a", "b"], "wijk": "Noord", "domain": ["zorg", "welzijn"]})
    ties = pd.DataFrame(
        {"wijk": "Noord", "wave": "2025", "source": ["a"], "target": ["b"], "weight": [weight]}
    )
    return Project.from_frames(actors.astype(str), ties.astype(str))


def test_the_key_changes_with_data_parameters_audience_and_version():
    base = cache.entry_key("d1", "network", {"seed": 0}, "onderzoeker|False", version="1.0")
    assert base == cache.entry_key("d1", "network", {"seed": 0}, "onderzoeker|False", version="1.0")
    for other in (cache.entry_key("d2", "network", {"seed": 0}, "onderzoeker|False", version="1.0"),
                  cache.entry_key("d1", "network", {"seed": 1}, "onderzoeker|False", version="1.0"),
                  cache.entry_key("d1", "network", {"seed": 0}, "wijkteam:Noord|False", version="1.0"),
                  cache.entry_key("d1", "network", {"seed": 0}, "onderzoeker|True", version="1.0"),
                  cache.entry_key("d1", "network", {"seed": 0}, "onderzoeker|False", version="1.1"),
                  cache.entry_key("d1", "mixing", {"seed": 0}, "onderzoeker|False", version="1.0")):  # fmt: skip
        assert other != base


def test_the_data_hash_follows_the_content_of_the_tables():
    assert cache.data_hash(tiny(1.0)) == cache.data_hash(tiny(1.0))  # two objects, same tables
    assert cache.data_hash(tiny(1.0)) != cache.data_hash(tiny(2.0))  # one weight changed


def test_a_miss_computes_and_stores_a_hit_reads(on, tmp_path):
    calls = []

    def compute():
        calls.append(1)
        return pd.DataFrame({"x": [1, 2]})

    project = tiny()
    first = cache.cached(tmp_path, project, "t", {"k": 1}, "onderzoeker|False", compute)
    second = cache.cached(tmp_path, tiny(), "t", {"k": 1}, "onderzoeker|False", compute)
    assert len(calls) == 1 and cache.STATS == {"hit": 1, "miss": 1}
    pd.testing.assert_frame_equal(first, second)
    cache.cached(tmp_path, project, "t", {"k": 2}, "onderzoeker|False", compute)  # other parameters
    cache.cached(tmp_path, tiny(2.0), "t", {"k": 1}, "onderzoeker|False", compute)  # other data
    assert len(calls) == 3
    assert set(cache.entries(tmp_path)["name"]) == {"t"} and len(cache.entries(tmp_path)) == 3


def test_switched_off_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_OFF, "1")
    assert cache.cached(tmp_path, tiny(), "t", {}, "onderzoeker|False", lambda: 5) == 5
    assert not cache.cache_path(tmp_path).exists()


def test_the_file_is_for_its_owner_only(on, tmp_path):
    cache.cached(tmp_path, tiny(), "t", {}, "onderzoeker|False", lambda: 1)
    path = cache.cache_path(tmp_path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700


def test_a_wijkteam_cannot_read_a_researchers_entry(on, people_files):
    """Attack: a PlusWIJkteam of Heidepark asks for what a researcher computed, even with the researcher's key."""
    researcher = load_project(people_files, audience=Audience.parse("onderzoeker", unlocked=True))
    team = load_project(people_files, audience=Audience.parse("wijkteam:Heidepark"))

    def names(project):
        return sorted(project.actors.get("name", pd.Series(dtype=str)).astype(str))

    full = cache.cached(
        people_files, researcher, "names", {}, "onderzoeker|True", lambda: names(researcher)
    )
    assert "Alfa Heidehuis" in full and any(n in full for n in BEEKDAL_NAMES)
    key = cache.entry_key(cache.data_hash(researcher), "names", {}, "onderzoeker|True")
    assert cache.lookup(people_files, key, "onderzoeker|True")[0]
    assert cache.lookup(people_files, key, "wijkteam:Heidepark|False") == (
        False,
        None,
    )  # the key alone is not enough
    seen = cache.cached(
        people_files, team, "names", {}, "wijkteam:Heidepark|False", lambda: names(team)
    )
    assert cache.STATS["miss"] == 2  # computed on the team's own view, not read
    assert cache.data_hash(team) != cache.data_hash(researcher)
    assert not any(
        n in " ".join(seen) for n in ("Delta Beekhof", "Hotel Beekveld", "India Beekstraat")
    )


def test_an_import_empties_the_cache_of_the_store(on, people_store, people_files):
    from wijknet.store.importing import import_files

    cache.store(people_store, "k", 1, name="t", data="d", audience="onderzoeker|False")
    assert cache.cache_path(people_store).exists()
    extra = people_files.parent / "extra.csv"
    extra.write_text(
        "wijk,wave,source,target,tie_type,weight\nHeidepark,2026,HP-1,HP-3,samenwerking,2\n"
    )
    import_files(people_store, [extra], kind="tidy-ties")
    assert not cache.cache_path(people_store).exists()


def test_forget_purges_the_cache(on, people_store):
    from wijknet.store.forget import forget_actor

    project = load_project(people_store, audience=Audience.parse("onderzoeker", unlocked=True))
    cache.cached(
        people_store,
        project,
        "names",
        {},
        "onderzoeker|True",
        lambda: sorted(project.actors["name"]),
    )
    path = cache.cache_path(people_store)
    assert b"Charlie Heidebeek" in path.read_bytes()  # personal data in a cache is personal data
    forget_actor(people_store, "HP-3")
    assert not path.exists()


def test_purge_stale_keeps_only_the_current_data(on, tmp_path):
    cache.store(tmp_path, "k1", 1, name="t", data="old", audience="a")
    cache.store(tmp_path, "k2", 2, name="t", data="new", audience="a")
    assert cache.purge_stale(tmp_path, {"new"}) == 1
    assert list(cache.entries(tmp_path)["data_hash"]) == ["new"]
    assert cache.clear(tmp_path) and not cache.clear(tmp_path)


def test_the_app_reads_the_cache_on_its_second_start(on, tmp_path, monkeypatch):
    """A restart: a new AppTest (Streamlit's memory cache cleared) on a warmed project counts hits, no misses."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from tests.webapp.test_pages import write_project
    from wijknet.webapp import ENTRY_SCRIPT

    folder = write_project(tmp_path / "p", n=10)
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))

    def visit():
        at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=300).run()
        at.switch_page("views/domeinmenging.py").run()
        assert not at.exception, at.exception

    visit()
    assert cache.STATS["miss"] > 0 and len(cache.entries(folder)) == cache.STATS["miss"]
    st.cache_data.clear()  # as after a restart
    cache.STATS.update(hit=0, miss=0)
    visit()
    assert cache.STATS["hit"] > 0 and cache.STATS["miss"] == 0


def test_a_wijkteam_does_not_get_the_researchers_stored_project(on, people_files):
    """Attack: the restricted project itself is cached under the files' signature; the audience keeps it apart."""
    from wijknet.webapp import state

    files = state.signature(people_files)
    folder = str(people_files)
    researcher, _ = state._loaded(folder, (files, "onderzoeker", True))
    assert "Delta Beekhof" in set(researcher.actors["name"].astype(str))
    team, team_hash = state._loaded(folder, (files, "wijkteam:Heidepark", False))
    assert cache.STATS == {
        "hit": 0,
        "miss": 2,
    }  # loaded for the team, not read from the researcher's entry
    assert not set(BEEKDAL_NAMES) & set(team.actors.get("name", pd.Series(dtype=str)).astype(str))
    assert team_hash == cache.data_hash(team) != cache.data_hash(researcher)
    again, _ = state._loaded(folder, (files, "wijkteam:Heidepark", False))
    assert cache.STATS["hit"] == 1 and set(again.wijken) == {"Heidepark"}


def test_analyse_warm_fills_what_every_page_shows_first(on, tmp_path, monkeypatch):
    """wijknet analyse --warm: after a restart no page of the app computes anything."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from tests.store.helpers import run
    from tests.webapp.test_pages import write_project
    from wijknet.webapp import ENTRY_SCRIPT
    from wijknet.webapp.warm import page_files

    folder = write_project(tmp_path / "p", n=10)
    result = run("analyse", folder, "--out", tmp_path / "out", "--permutations", "20", "--warm")
    assert result.exit_code == 0, result.output
    assert "Resultatencache gevuld" in result.output and "ScriptRunContext" not in result.output
    st.cache_data.clear()  # as after a restart
    cache.STATS.update(hit=0, miss=0)
    monkeypatch.setenv("WIJKNET_PROJECT", str(folder))
    at = AppTest.from_file(ENTRY_SCRIPT, default_timeout=300).run()
    for page in page_files():
        try:
            at.switch_page(page).run()
        except ValueError:  # a researcher page of a store
            continue
        assert not at.exception, (page, at.exception)
    assert cache.STATS["hit"] > 0 and cache.STATS["miss"] == 0


def test_import_warm_fills_the_cache_for_every_audience_of_the_store(
    on, people_store, people_files
):
    from tests.store.helpers import run
    from wijknet.access import users

    users.add_user(
        people_store, "team-heidepark", "wijkteam:Heidepark", "Lange-Zin-Voor-Een-Test-42"
    )
    extra = people_files.parent / "extra.csv"
    extra.write_text(
        "wijk,wave,source,target,tie_type,weight\nHeidepark,2026,HP-1,HP-3,samenwerking,2\n"
    )
    result = run("import", people_store, extra, "--kind", "tidy-ties", "--warm")
    assert result.exit_code == 0, result.output
    audiences = set(cache.entries(people_store)["audience"].str.split("|").str[0])
    assert {"onderzoeker", "wijkteam:Heidepark"} <= audiences
