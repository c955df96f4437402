"""Kernaanpak profiles: the defaults, validation against the role catalogue, and wijknet.yaml."""

from __future__ import annotations

import pytest

from wijknet.core.errors import DataError
from wijknet.core.profiles import KernaanpakProfiles
from wijknet.core.roles import RoleCatalogue
from wijknet.core.settings import ProjectConfig


def test_default_profiles_follow_the_plan():
    profiles = KernaanpakProfiles.default()
    assert profiles.names == [
        "Doorbraakmethode",
        "Welzijn op Recept",
        "Kernteam Ouderen",
        "PlusPraktijken",
    ]
    # Doorbraak: GP and municipality in the lead
    lead = profiles.get("Doorbraakmethode").links[0]
    assert (lead.source, lead.target, lead.directed) == (
        "general_practitioner",
        "municipality",
        False,
    )
    # Welzijn op Recept: the referral is directed and counts referrals only; the triangle is undirected
    links = profiles.get("Welzijn op Recept").links
    assert [(x.directed, x.tie_types) for x in links] == [(True, ("verwijzing",))] + [
        (False, ())
    ] * 3
    assert profiles.members("gp_practice") >= {"general_practitioner", "poh_mental_health"}
    # Kernteam Ouderen: SO and/or VS, dementia case manager, district nurse
    assert profiles.get("Kernteam Ouderen").roles == (
        "physician_or_nurse_specialist",
        "dementia_case_manager",
        "district_nurse",
    )
    assert profiles.members("municipality") == {"social_team"}
    assert profiles.composition == (
        "general_practitioner",
        "district_nurse",
        "mental_health_care",
        "social_domain",
    )
    every = {r for g in profiles.groups.values() for r in g.roles}
    assert every <= set(RoleCatalogue.default().roles)
    for kernaanpak in profiles.kernaanpakken.values():
        assert all(link.reference for link in kernaanpak.links)  # every link cites its source


def test_names_in_data_are_matched_loosely():
    profiles = KernaanpakProfiles.default()
    assert profiles.declared("Doorbraakmethode;Welzijn op Recept") == [
        "Doorbraakmethode",
        "Welzijn op Recept",
    ]
    assert profiles.declared(" pluspraktijken ; onbekend ;") == ["PlusPraktijken"]
    assert profiles.declared("") == [] and profiles.declared(None) == []
    assert profiles.get("sociaal hospitaal").name == "Doorbraakmethode"
    with pytest.raises(KeyError):
        profiles.get("Buurtzorg")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"kernaanpakken": {"X": {"roles": ["bakker"]}}}, "unknown role or group 'bakker'"),
        ({"groups": {"g": {"roles": ["bakker"]}}}, "unknown role 'bakker'"),
        ({"groups": {"school": {"roles": ["school"]}}}, "name of a role group"),
        ({"groups": {"g": {"roles": []}}}, "lists no roles"),
        ({"kernaanpakken": {"X": {"links": [{"from": "school"}]}}}, "'from' and 'to'"),
        ({"kernaanpakken": {"X": {}, "Y": {"aliases": ["x"]}}}, "is used by"),
        ({"pluswijkteam": {"composition": ["bakker"]}}, "pluswijkteam"),
    ],
)
def test_invalid_profiles(data, message):
    with pytest.raises(ValueError, match=message):
        KernaanpakProfiles.from_dict(data)


def test_wijknet_yaml_names_its_own_profiles(tmp_path):
    (tmp_path / "kern.yaml").write_text(
        "kernaanpakken:\n  Buurtteam:\n    roles: [community_work]\n"
        "    links:\n      - {from: community_work, to: key_figure}\n"
        "pluswijkteam: {composition: [community_work]}\n",
        encoding="utf-8",
    )
    (tmp_path / "wijknet.yaml").write_text("kernaanpakken: kern.yaml\n", encoding="utf-8")
    config = ProjectConfig.load(tmp_path)
    assert config.profiles_file == "kern.yaml" and config.profiles.names == ["Buurtteam"]
    assert config.profiles.composition == ("community_work",)
    assert (
        ProjectConfig().profiles.names[0] == "Doorbraakmethode"
        and ProjectConfig().profiles_file is None
    )


def test_wijknet_yaml_with_a_bad_profile_is_a_data_error(tmp_path):
    (tmp_path / "kern.yaml").write_text(
        "kernaanpakken:\n  X:\n    roles: [bakker]\n", encoding="utf-8"
    )
    (tmp_path / "wijknet.yaml").write_text("kernaanpakken: kern.yaml\n", encoding="utf-8")
    with pytest.raises(DataError, match="bakker"):
        ProjectConfig.load(tmp_path)


def test_profiles_are_checked_against_the_projects_own_roles(tmp_path):
    (tmp_path / "roles.yaml").write_text(
        "layers: {org: {nl: Org, en: Org, world: systeemwereld}}\n"
        "roles: {bakker: {nl: Bakker, en: Baker, domain: zorg, world: systeemwereld, layer: org}}\n",
        encoding="utf-8",
    )
    (tmp_path / "kern.yaml").write_text(
        "kernaanpakken: {Brood: {links: [{from: bakker, to: bakker}]}}\n", encoding="utf-8"
    )
    (tmp_path / "wijknet.yaml").write_text(
        "roles: roles.yaml\nkernaanpakken: kern.yaml\n", encoding="utf-8"
    )
    assert ProjectConfig.load(tmp_path).profiles.get("Brood").links[0].source == "bakker"
    # Without a profile file of its own, a catalogue that lacks the default roles keeps the package's profiles.
    (tmp_path / "wijknet.yaml").write_text("roles: roles.yaml\n", encoding="utf-8")
    assert ProjectConfig.load(tmp_path).profiles.names[0] == "Doorbraakmethode"
