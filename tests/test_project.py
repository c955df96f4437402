"""The Project model: role groups, worlds and layers on every actor, and attributes per wave."""

import pandas as pd
import pytest

from wijknet.core.errors import DataError
from wijknet.core.settings import ProjectConfig
from wijknet.project import Project

ACTORS = pd.DataFrame(
    {
        "actor_id": ["a", "b", "c", "d", "e"],
        "wijk": "Noord",
        "domain": ["zorg", "welzijn", "inwoners", "zorg", "gemeente"],
        "role": ["Huisarts", "welzijnscoach", "mantelzorger", "tandarts", ""],
        "pluswijkteam": ["nee", "ja", "nee", "nee", "nee"],
    }
)
TIES = pd.DataFrame(
    {"wijk": "Noord", "wave": ["2025", "2026"], "source": ["a", "b"], "target": ["b", "c"]}
)


def project(actors=ACTORS, **tables):
    return Project.from_frames(actors.copy(), TIES.copy(), **tables)


def test_roles_are_mapped_to_groups_worlds_and_layers():
    actors = project().actors.set_index("actor_id")
    assert actors["role_group"].to_dict() == {
        "a": "general_practitioner",
        "b": "welfare_coach",
        "c": "informal_carer",
        "d": "",
        "e": "",
    }
    # the role group's world; without a role group the domain's world (gemeente: systeemwereld)
    assert actors["world"].to_dict() == {
        "a": "systeemwereld",
        "b": "systeemwereld",
        "c": "leefwereld",
        "d": "systeemwereld",
        "e": "systeemwereld",
    }
    assert actors.loc["c", "layer"] == "personal_social_base"
    assert actors.loc["d", "layer"] == ""


def test_unmapped_roles_are_named_in_one_warning():
    warnings = project().warnings
    unmapped = [w for w in warnings if "rolgroep" in w]
    assert len(unmapped) == 1 and "tandarts" in unmapped[0]


def test_given_role_group_and_layer_win_over_the_mapping():
    actors = ACTORS.assign(
        role_group=["", "Huisarts / huisartsenpraktijk", "", "pharmacy", ""],
        layer=["", "", "Collectieve sociale basis", "", ""],
    )
    seen = project(actors).actors.set_index("actor_id")
    assert seen.loc["b", "role_group"] == "general_practitioner"  # a label is accepted
    assert seen.loc["d", "role_group"] == "pharmacy"
    assert seen.loc["c", "layer"] == "communal_social_base"  # an alias of the layer
    assert not [w for w in project(actors).warnings if "tandarts" in w]


def test_unknown_role_group_or_layer_names_file_row_and_column():
    actors = ACTORS.assign(role_group=["", "", "", "tovenaar", ""], layer=["", "", "", "", "x"])
    with pytest.raises(DataError) as err:
        project(actors)
    found = {(p.file, p.row, p.column) for p in err.value.problems}
    assert found == {("actors.csv", 3, "role_group"), ("actors.csv", 4, "layer")}


def test_a_projects_own_roles_file(tmp_path):
    (tmp_path / "roles.yaml").write_text(
        "layers: {org: {nl: Voorzieningen, world: systeemwereld}}\n"
        "roles: {dentist: {nl: Tandarts, domain: zorg, layer: org, synonyms: [tandarts]}}\n",
        encoding="utf-8",
    )
    (tmp_path / "wijknet.yaml").write_text("roles: roles.yaml\n", encoding="utf-8")
    config = ProjectConfig.load(tmp_path)
    assert config.roles_file == "roles.yaml"
    seen = Project.from_frames(ACTORS.copy(), TIES.copy(), config).actors
    assert seen.set_index("actor_id")["role_group"].to_dict()["d"] == "dentist"


def test_attributes_per_wave_apply_in_that_wave_only():
    waves = pd.DataFrame(
        {
            "wijk": "Noord",
            "wave": ["2026", "2026"],
            "actor_id": ["a", "b"],
            "pluswijkteam": ["ja", "nee"],
            "kernaanpakken": ["Doorbraakmethode", ""],
            "role": ["", "opbouwwerker"],
        }
    )
    p = project(actor_waves=waves)
    before = p.present("Noord", "2025").set_index("actor_id")
    after = p.present("Noord", "2026").set_index("actor_id")
    assert before["pluswijkteam"].to_dict() == {
        "a": False,
        "b": True,
        "c": False,
        "d": False,
        "e": False,
    }
    assert after["pluswijkteam"].to_dict() == {
        "a": True,
        "b": False,
        "c": False,
        "d": False,
        "e": False,
    }
    assert after.loc["a", "kernaanpakken"] == "Doorbraakmethode"
    assert before.loc["a", "kernaanpakken"] == ""
    # a new role gets its own role group (and the group's layer) in that wave
    assert after.loc["b", "role_group"] == "community_work"
    assert before.loc["b", "role_group"] == "welfare_coach"
    # the graph of the wave carries the wave's values
    assert p.graph("Noord", "2026").nodes["a"]["pluswijkteam"]


def test_a_wave_row_of_an_unknown_actor_is_refused():
    waves = pd.DataFrame({"wijk": "Noord", "wave": ["2026"], "actor_id": ["zz"]})
    with pytest.raises(DataError) as err:
        project(actor_waves=waves)
    assert [(p.file, p.row, p.column) for p in err.value.problems] == [
        ("actor_waves.csv", 0, "actor_id")
    ]


def test_optional_tables_load_from_a_folder(tmp_path):
    ACTORS.to_csv(tmp_path / "actors.csv", index=False)
    TIES.to_csv(tmp_path / "ties.csv", index=False)
    pd.DataFrame(
        {"wijk": "Noord", "wave": ["2025"], "rater": ["a"], "rated": ["b"], "trust_open": ["3"]}
    ).to_csv(tmp_path / "ratings.csv", index=False)
    pd.DataFrame(
        {
            "wijk": "Noord",
            "wave": ["2025"],
            "interview_id": ["g1"],
            "theme": ["vertrouwen"],
            "actors": ["a;b"],
        }
    ).to_csv(tmp_path / "themes.csv", index=False)
    p = Project.from_folder(tmp_path)
    assert p.ratings[["rater", "rated", "trust_open"]].values.tolist() == [["a", "b", 3.0]]
    assert p.themes["actors"].tolist() == ["a;b"]
    assert p.actor_waves.empty
