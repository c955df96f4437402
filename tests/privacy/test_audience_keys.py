"""Audience parsing and the keyed pseudonyms."""

from __future__ import annotations

import os
import stat

import pytest

from wijknet.core.errors import DataError
from wijknet.privacy import Audience, key_file, load_key, pseudonym


@pytest.mark.parametrize("value, tier, wijk", [
    ("onderzoeker", "onderzoeker", None), ("wijkteam:Heidepark", "wijkteam", "Heidepark"),
    (" Leernetwerk ", "leernetwerk", None), ("wijkteam: De Baandert", "wijkteam", "De Baandert"),
])  # fmt: skip
def test_parse(value, tier, wijk):
    audience = Audience.parse(value)
    assert (audience.tier, audience.wijk, audience.unlocked) == (tier, wijk, False)
    assert Audience.parse(str(audience)) == audience


@pytest.mark.parametrize(
    "value", ["", "wijkteam", "wijkteam:", "iedereen", "leernetwerk:Heidepark", "onderzoeker:x"]
)
def test_parse_refuses_with_the_choices(value):
    with pytest.raises(DataError) as info:
        Audience.parse(value)
    assert "onderzoeker, wijkteam:<wijk> of leernetwerk" in info.value.report()


def test_only_researchers_unlock():
    assert Audience.parse("onderzoeker", unlocked=True).sees_quotes
    with pytest.raises(DataError, match="alleen het publiek onderzoeker"):
        Audience.parse("wijkteam:Heidepark", unlocked=True)


def test_rights_per_tier():
    researcher, team, network = (
        Audience.parse(a) for a in ("onderzoeker", "wijkteam:X", "leernetwerk")
    )
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
    assert project_id(moved) == project_id(
        moved
    )  # the id travels with wijknet.yaml, the key stays behind


# --- attacks on the key: a lost, swapped or exposed key, a project_id that escapes the key folder -------------------


def _pseudonymise(folder):
    from wijknet.privacy.load import load_project

    return set(load_project(folder, audience="onderzoeker").actors["actor_id"])


def test_a_lost_key_stops_instead_of_giving_everyone_new_pseudonyms(people_store):
    before = _pseudonymise(people_store)
    key_file(people_store).unlink()
    with pytest.raises(DataError, match="pseudoniemsleutel van dit project ontbreekt") as info:
        _pseudonymise(people_store)
    assert "wijknet key-reset" in info.value.report()
    assert not key_file(people_store).exists()  # no new key was made in silence
    assert before


def test_a_swapped_key_is_refused(people_store):
    _pseudonymise(people_store)
    path = key_file(people_store)
    path.write_text("ab" * 32 + "\n")
    with pytest.raises(DataError, match="niet de sleutel van dit project"):
        _pseudonymise(people_store)


def test_a_tidy_folder_keeps_the_fingerprint_beside_its_files(people_files, tmp_path):
    from wijknet.privacy.keys import FINGERPRINT_FILE, fingerprint

    key = load_key(people_files)
    assert (people_files / FINGERPRINT_FILE).read_text().strip() == fingerprint(key)
    moved = tmp_path / "elders"
    people_files.rename(moved)  # its key is named after the old path: moving it loses the key
    with pytest.raises(DataError, match="ontbreekt"):
        load_key(moved)


def test_key_reset_starts_a_new_key_on_purpose_and_logs_it(people_store):
    from tests.store.helpers import run
    from wijknet.store.audit import read_log

    before = _pseudonymise(people_store)
    key_file(people_store).unlink()
    result = run("key-reset", people_store, "--yes")
    assert result.exit_code == 0, result.output
    assert _pseudonymise(people_store).isdisjoint(before)
    assert len(read_log(people_store, action="key_reset")) == 1


def test_a_key_readable_by_others_is_refused(people_store):
    if os.name == "nt":
        pytest.skip("no Unix file modes")
    load_key(people_store)
    os.chmod(key_file(people_store), 0o644)
    with pytest.raises(DataError, match="chmod 600"):
        load_key(people_store)


@pytest.mark.parametrize(
    "value", ["../../../tmp/x", "a/b", "..", ".hidden", "a\\b", "x" * 65, "naam met spatie"]
)
def test_project_id_cannot_leave_the_key_folder(tmp_path, value):
    import yaml

    from wijknet.privacy.keys import project_id

    (tmp_path / "wijknet.yaml").write_text(yaml.safe_dump({"project_id": value}))
    with pytest.raises(DataError, match="project_id"):
        project_id(tmp_path)
    with pytest.raises(DataError):
        load_key(tmp_path)
