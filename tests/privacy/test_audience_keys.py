"""Audience parsing and the keyed pseudonyms."""

from __future__ import annotations

import os
import stat

import pytest

from wijknet.errors import DataError
from wijknet.privacy import Audience, key_file, load_key, pseudonym


@pytest.mark.parametrize("value, tier, wijk", [
    ("onderzoeker", "onderzoeker", None), ("wijkteam:Heidepark", "wijkteam", "Heidepark"),
    (" Leernetwerk ", "leernetwerk", None), ("wijkteam: De Baandert", "wijkteam", "De Baandert"),
])  # fmt: skip
def test_parse(value, tier, wijk):
    audience = Audience.parse(value)
    assert (audience.tier, audience.wijk, audience.unlocked) == (tier, wijk, False)
    assert Audience.parse(str(audience)) == audience


@pytest.mark.parametrize("value", ["", "wijkteam", "wijkteam:", "iedereen", "leernetwerk:Heidepark", "onderzoeker:x"])
def test_parse_refuses_with_the_choices(value):
    with pytest.raises(DataError) as info:
        Audience.parse(value)
    assert "onderzoeker, wijkteam:<wijk> of leernetwerk" in info.value.report()


def test_only_researchers_unlock():
    assert Audience.parse("onderzoeker", unlocked=True).sees_quotes
    with pytest.raises(DataError, match="alleen het publiek onderzoeker"):
        Audience.parse("wijkteam:Heidepark", unlocked=True)


def test_rights_per_tier():
    researcher, team, network = (Audience.parse(a) for a in ("onderzoeker", "wijkteam:X", "leernetwerk"))
    assert researcher.sees_ratings and not team.sees_ratings and not network.sees_ratings
    assert not researcher.sees_quotes  # quotes may name anyone: only with names unlocked
    assert team.sees_individuals and not network.sees_individuals


def test_pseudonym_is_keyed_stable_and_shaped():
    key, other = bytes(range(32)), bytes(32)
    first = pseudonym(key, "HP-1", "person")
    assert first == pseudonym(key, "HP-1", "person")  # same person, every wave and run
    assert first != pseudonym(other, "HP-1", "person")  # without the key it cannot be recomputed
    assert first != pseudonym(key, "HP-2", "person")
    assert first[:2] == "P-" and len(first) == 10
    assert set(first[2:]) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    assert pseudonym(key, "HP-4", "organisation").startswith("O-")
    assert pseudonym(key, "X", "").startswith("A-")
    # 40 bits: no collisions among a large programme's actors
    codes = {pseudonym(key, f"A-{i}") for i in range(20000)}
    assert len(codes) == 20000


def test_key_is_created_once_outside_the_folder_with_private_mode(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    path = key_file(project)
    assert not path.resolve().is_relative_to(project.resolve())
    key = load_key(project)
    assert len(key) == 32 and path.exists()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_key(project) == key  # stable: the same pseudonyms next time


def test_key_inside_the_project_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKNET_KEY_FILE", str(tmp_path / "sleutel.key"))
    with pytest.raises(DataError, match="buiten de map"):
        load_key(tmp_path)


def test_broken_key_file_is_refused(tmp_path, monkeypatch):
    bad = tmp_path / "keys" / "bad.key"
    bad.parent.mkdir()
    bad.write_text("niet-hex")
    monkeypatch.setenv("WIJKNET_KEY_FILE", str(bad))
    (tmp_path / "p").mkdir()
    with pytest.raises(DataError, match="64 hexadecimale"):
        load_key(tmp_path / "p")


def test_store_has_its_own_project_id(tmp_path):
    from wijknet.privacy.keys import project_id
    from wijknet.store.init import init_store

    init_store(tmp_path / "a")
    init_store(tmp_path / "b")
    assert project_id(tmp_path / "a") != project_id(tmp_path / "b")
    moved = tmp_path / "moved"
    (tmp_path / "a").rename(moved)
    assert project_id(moved) == project_id(moved)  # the id travels with wijknet.yaml, the key stays behind
