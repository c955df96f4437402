"""Shared helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijknet.core.i18n import set_language

pytest_plugins = ["tests.people"]  # people_files, people_store


@pytest.fixture(autouse=True)
def own_keys(tmp_path_factory, monkeypatch):
    """Pseudonym keys go to a fresh config folder, never to the user's own (wijknet.privacy.keys)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("WIJKNET_KEY_FILE", raising=False)


@pytest.fixture(autouse=True)
def no_results_cache(monkeypatch):
    """No persistent results cache (wijknet.cache) unless a test switches it on: tests share folders like the demo's."""
    monkeypatch.setenv("WIJKNET_NO_CACHE", "1")


@pytest.fixture(autouse=True)
def dutch():
    """Every test starts in the default language."""
    set_language("nl")
    yield
    set_language(None)


def write(folder: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


ACTORS = (
    "actor_id,wijk,domain,name,role,organisation,kind,pluswijkteam,kernaanpakken,consent\n"
    "z1,Noord,zorg,Huisarts Fictief,huisarts,Praktijk Fictief,person,ja,Welzijn op Recept,ja\n"
    "z2,Noord,zorg,Wijkverpleging Fictief,wijkverpleegkundige,Thuiszorg Fictief,person,nee,,ja\n"
    "w1,Noord,welzijn,Coach Fictief,welzijnscoach,Welzijn Fictief,person,ja,Welzijn op Recept;Kernteam Ouderen,nee\n"
    "i1,Noord,inwoners,Bewonersgroep Fictief,,,initiative,nee,,ja\n"
    "g1,Zuid,gemeente,Consulent Fictief,Wmo-consulent,Gemeente Fictief,person,nee,,ja\n"
    "w2,Zuid,welzijn,Opbouwwerker Fictief,opbouwwerker,Welzijn Fictief,person,nee,,ja\n"
)
TIES = (
    "wijk,wave,source,target,tie_type,weight,evidence\n"
    "Noord,2025,z1,z2,samenwerking,3,enquête\n"
    "Noord,2025,z2,z1,samenwerking,4,enquête\n"
    "Noord,2025,z1,w1,verwijzing,2,enquête\n"
    "Noord,2026,z1,w1,verwijzing,5,enquête\n"
    "Noord,2026,z1,w1,overleg,1,gesprek\n"
    "Noord,2026,w1,z1,overleg,2,gesprek\n"
    "Zuid,2025,g1,w2,samenwerking,1,enquête\n"
)


@pytest.fixture
def tidy_folder(tmp_path: Path) -> Path:
    write(tmp_path, "actors.csv", ACTORS)
    write(tmp_path, "ties.csv", TIES)
    return tmp_path


# The longest test files (the durations of a full run), started first: pytest-xdist hands out
# tests in collection order, so a long file collected last would keep one worker busy after
# the other has finished. Only the order changes; each file's tests stay together.
LONG_FIRST = (
    "tests/e2e/test_sweep.py",
    "tests/privacy/test_disclosure.py",
    "tests/privacy/test_live_attacks.py",
    "tests/privacy/test_cli_attacks.py",
    "tests/privacy/test_export_attacks.py",
    "tests/store/test_store.py",
    "tests/e2e/test_browser.py",
)


def pytest_collection_modifyitems(session, config, items):
    rank = {path: i for i, path in enumerate(LONG_FIRST)}
    root = Path(config.rootpath)

    def key(item):
        path = Path(str(item.path)).relative_to(root).as_posix()
        return rank.get(path, len(LONG_FIRST))

    items.sort(key=key)  # stable: the order within a file and among the rest is kept
