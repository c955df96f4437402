"""Every kind of bad tidy input gets a message naming file, row and column."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import ACTORS, TIES, write
from wijknet import DataError, load_project
from wijknet.core.i18n import set_language


def load_with(folder, actors=ACTORS, ties=TIES):
    write(folder, "actors.csv", actors)
    write(folder, "ties.csv", ties)
    return load_project(folder)


def problems(folder, **tables):
    with pytest.raises(DataError) as err:
        load_with(folder, **tables)
    return err.value.problems


def test_valid_project_loads(tidy_folder):
    project = load_project(tidy_folder)
    assert project.wijken == ["Noord", "Zuid"]
    assert project.waves == ["2025", "2026"]
    assert (
        project.actors.set_index("actor_id").loc["w1", "kernaanpakken"]
        == "Welzijn op Recept;Kernteam Ouderen"
    )
    assert bool(project.actors.set_index("actor_id").loc["z1", "pluswijkteam"]) is True
    assert project.ties["weight"].tolist() == [3.0, 4.0, 2.0, 5.0, 1.0, 2.0, 1.0]
    assert project.warnings == []


def test_missing_column_suggests_typo(tmp_path):
    [p] = problems(tmp_path, actors=ACTORS.replace("domain", "domian", 1))
    assert (p.file, p.column, p.row) == ("actors.csv", "domain", None)
    assert "domian" in p.message


def test_unknown_actor_in_tie(tmp_path):
    [p] = problems(tmp_path, ties=TIES + "Noord,2025,z1,x9,,1,\n")
    assert (p.file, p.row, p.column) == ("ties.csv", 9, "target")
    assert "x9" in p.message and "actors.csv" in p.message


def test_actor_in_wrong_wijk(tmp_path):
    [p] = problems(tmp_path, ties=TIES + "Zuid,2025,g1,z1,,1,\n")
    assert (p.row, p.column) == (9, "target")
    assert "Noord" in p.message and "Zuid" in p.message


def test_self_tie(tmp_path):
    [p] = problems(tmp_path, ties=TIES + "Noord,2025,z1,z1,,1,\n")
    assert (p.row, p.column) == (9, "target")


def test_duplicate_actor_id_names_both_rows(tmp_path):
    [p] = problems(tmp_path, actors=ACTORS + "z1,Noord,zorg,,,,,,,\n")
    assert (p.row, p.column) == (8, "actor_id")
    assert "rij 2" in p.message


def test_duplicate_tie(tmp_path):
    [p] = problems(tmp_path, ties=TIES + "Noord,2025,z1,z2,samenwerking,1,\n")
    assert p.row == 9 and "rij 2" in p.message


def test_non_numeric_and_negative_weight(tmp_path):
    ps = problems(tmp_path, ties=TIES.replace(",3,", ",vaak,", 1).replace(",4,", ",-1,", 1))
    assert [(p.row, p.column) for p in ps] == [(2, "weight"), (3, "weight")]
    assert "vaak" in ps[0].message and "getal" in ps[0].message


def test_decimal_comma_weight(tmp_path):
    project = load_with(tmp_path, ties=TIES.replace(",3,", ',"2,5",', 1))
    assert project.ties.loc[0, "weight"] == 2.5


def test_empty_required_values_and_bad_booleans(tmp_path):
    ps = problems(
        tmp_path,
        actors=ACTORS.replace("z2,Noord,zorg", "z2,,zorg").replace(
            ",ja,Welzijn op Recept,ja", ",misschien,Welzijn op Recept,ja", 1
        ),
    )
    assert {(p.row, p.column) for p in ps} == {(2, "pluswijkteam"), (3, "wijk")}


def test_empty_files(tmp_path):
    [p] = problems(tmp_path, actors="")
    assert p.file == "actors.csv" and "actor_id, wijk, domain" in p.message
    [p] = problems(tmp_path, actors="actor_id,wijk,domain\n")
    assert "geen gegevens" in p.message


def test_missing_file(tmp_path):
    write(tmp_path, "actors.csv", ACTORS)
    with pytest.raises(DataError, match="ties.csv"):
        load_project(tmp_path)


def test_english_messages(tmp_path):
    set_language("en")
    [p] = problems(tmp_path, ties=TIES + "Noord,2025,z1,z1,,1,\n")
    assert "row 9" in str(p) and "itself" in p.message


def test_unknown_domain_labels_warn_once_and_keep_label(tmp_path):
    actors = ACTORS.replace("i1,Noord,inwoners", "i1,Noord,Kerk").replace(
        "g1,Zuid,gemeente", "g1,Zuid,Sports club"
    )
    project = load_with(tmp_path, actors=actors)
    assert len(project.warnings) == 1
    assert "Kerk" in project.warnings[0] and "Sports club" in project.warnings[0]
    assert set(project.actors["domain"]) == {"zorg", "welzijn", "Kerk", "Sports club"}


def test_domain_aliases_are_canonicalised(tmp_path):
    project = load_with(
        tmp_path, actors=ACTORS.replace("w1,Noord,welzijn", "w1,Noord,Sociaal domein")
    )
    assert project.actors.set_index("actor_id").loc["w1", "domain"] == "welzijn"


def test_wave_order_from_config(tmp_path):
    write(tmp_path, "wijknet.yaml", "waves: ['2026', '2025']\n")
    assert load_with(tmp_path).waves == ["2026", "2025"]
    write(tmp_path, "wijknet.yaml", "waves: ['2025']\n")
    ps = problems(tmp_path)
    assert {p.column for p in ps} == {"wave"} and "2026" in ps[0].message


def test_natural_wave_order(tmp_path):
    ties = "wijk,wave,source,target\nNoord,meting 10,z1,z2\nNoord,meting 2,z1,z2\n"
    assert load_with(tmp_path, ties=ties).waves == ["meting 2", "meting 10"]


def test_xlsx_project(tmp_path):
    import io

    import pandas as pd

    pd.read_csv(io.StringIO(ACTORS), dtype=str).to_excel(tmp_path / "actors.xlsx", index=False)
    pd.read_csv(io.StringIO(TIES), dtype=str).to_excel(tmp_path / "ties.xlsx", index=False)
    project = load_project(tmp_path)
    assert len(project.actors) == 6 and len(project.ties) == 7


def _with_spans(actors: str, spans: dict[str, tuple[str, str]]) -> str:
    lines = actors.strip().split("\n")
    out = [lines[0] + ",first_wave,last_wave"]
    for line in lines[1:]:
        first, last = spans.get(line.split(",")[0], ("", ""))
        out.append(f"{line},{first},{last}")
    return "\n".join(out) + "\n"


def test_actors_enter_and_leave(tmp_path):
    actors = _with_spans(ACTORS, {"i1": ("2026", ""), "w2": ("", "2025")})
    project = load_with(tmp_path, actors=actors)
    assert "i1" not in set(project.present("Noord", "2025")["actor_id"])
    assert "i1" in set(project.present("Noord", "2026")["actor_id"])
    assert "w2" not in set(project.present("Zuid", "2026")["actor_id"])
    assert "i1" not in project.graph("Noord", "2025") and "i1" in project.graph("Noord", "2026")


def test_tie_of_an_actor_outside_its_waves(tmp_path):
    actors = _with_spans(ACTORS, {"w1": ("2026", "")})
    ps = problems(tmp_path, actors=actors)
    assert [(p.file, p.row, p.column) for p in ps] == [("ties.csv", 4, "target")]
    assert "w1" in ps[0].message and "2025" in ps[0].message


def test_first_wave_after_last_wave(tmp_path):
    [p] = problems(tmp_path, actors=_with_spans(ACTORS, {"i1": ("2026", "2025")}))
    assert (p.file, p.row, p.column) == ("actors.csv", 5, "last_wave")


def test_waves_named_only_in_actor_spans_count(tmp_path):
    actors = _with_spans(ACTORS, {"i1": ("", "2024")})
    ties = TIES.replace("Noord,2025,z1,z2", "Noord,2024,z1,z2")
    project = load_with(tmp_path, actors=actors, ties=ties)
    assert project.waves == ["2024", "2025", "2026"]


# --- survey responses (optional responses.csv) ----------------------------------

RESPONSES = (
    "wijk,wave,actor_id,kpi3,active\n"
    "Noord,2025,z1,4,ja\n"
    "Noord,2025,z2,weet niet,\n"
    "Noord,2025,w1,,nee\n"
    "Noord,2026,z1,2,ja\n"
    "Zuid,2025,g1,N.v.t.,ja\n"
    "Zuid,2025,w2,5,\n"
)


def load_responses(folder, responses=RESPONSES, actors=ACTORS):
    write(folder, "responses.csv", responses)
    return load_with(folder, actors=actors)


def response_problems(folder, responses, actors=ACTORS):
    with pytest.raises(DataError) as err:
        load_responses(folder, responses, actors)
    return err.value.problems


def test_responses_are_optional(tidy_folder):
    project = load_project(tidy_folder)
    assert not project.has_responses
    assert list(project.responses.columns) == [
        "wijk",
        "wave",
        "actor_id",
        "kpi3",
        "active",
        "participation_level",
    ]


def test_responses_load_and_normalise(tmp_path):
    project = load_responses(tmp_path)
    r = project.responses
    assert project.has_responses and len(r) == 6
    assert r["kpi3"].tolist()[:2] == [4.0, pytest.approx(float("nan"), nan_ok=True)]
    assert r["kpi3"].isna().tolist() == [False, True, True, False, True, False], (
        "weet niet, empty, n.v.t. = no answer"
    )
    assert r["active"].tolist() == [True, True, False, True, True, True], "empty active = ja"


def test_responses_without_optional_columns(tmp_path):
    project = load_responses(tmp_path, "wijk,wave,actor_id\nNoord,2025,z1\n")
    assert project.responses["active"].tolist() == [True]
    assert project.responses["kpi3"].isna().all()


@pytest.mark.parametrize("value", ["6", "0", "3.5", "vaak", "-1"])
def test_kpi3_out_of_range(tmp_path, value):
    [p] = response_problems(
        tmp_path, RESPONSES.replace("Noord,2025,z1,4,ja", f"Noord,2025,z1,{value},ja")
    )
    assert (p.file, p.row, p.column) == ("responses.csv", 2, "kpi3")
    assert value in p.message and "1" in p.message and "5" in p.message


def test_kpi3_accepts_whole_numbers_written_as_decimals(tmp_path):
    project = load_responses(
        tmp_path, RESPONSES.replace("Noord,2025,z1,4,ja", 'Noord,2025,z1,"4,0",ja')
    )
    assert project.responses.loc[0, "kpi3"] == 4.0


def test_response_cross_table_rules(tmp_path):
    bad = (RESPONSES
           + "Noord,2025,x9,3,ja\n"      # row 8: unknown actor
           + "Zuid,2026,z2,3,ja\n"       # row 9: z2 belongs to Noord
           + "Noord,2025,z1,5,ja\n"      # row 10: second response of z1 in 2025
           + "Noord,2026,w1,3,misschien\n")  # row 11: not a yes/no value  # fmt: skip
    ps = response_problems(tmp_path, bad)
    assert [(p.row, p.column) for p in ps] == [
        (8, "actor_id"),
        (9, "actor_id"),
        (10, "actor_id"),
        (11, "active"),
    ]
    assert "x9" in ps[0].message and "actors.csv" in ps[0].message
    assert "Noord" in ps[1].message and "Zuid" in ps[1].message
    assert "rij 2" in ps[2].message


def test_respondent_must_take_part_in_the_wave(tmp_path):
    actors = _with_spans(ACTORS, {"z2": ("", "2025"), "i1": ("2026", "")})
    responses = RESPONSES + "Noord,2026,z2,3,ja\nNoord,2025,i1,3,ja\n"
    ps = response_problems(tmp_path, responses, actors)
    assert [(p.file, p.row, p.column) for p in ps] == [
        ("responses.csv", 8, "actor_id"),
        ("responses.csv", 9, "actor_id"),
    ]
    assert "z2" in ps[0].message and "2026" in ps[0].message


def test_response_missing_column_and_unknown_wave(tmp_path):
    [p] = response_problems(tmp_path, RESPONSES.replace("actor_id", "actor", 1))
    assert (p.file, p.column) == ("responses.csv", "actor_id")
    write(tmp_path, "wijknet.yaml", "waves: ['2025', '2026']\n")
    [p] = response_problems(tmp_path, RESPONSES + "Noord,2027,z2,3,ja\n")
    assert (p.file, p.row, p.column) == ("responses.csv", 8, "wave")


def test_response_messages_in_english(tmp_path):
    set_language("en")
    [p] = response_problems(tmp_path, RESPONSES.replace("Noord,2025,z1,4,ja", "Noord,2025,z1,7,ja"))
    assert "whole number from 1" in p.message and "row 2" in str(p)


def test_kpi3_bands_from_config(tmp_path):
    write(
        tmp_path,
        "wijknet.yaml",
        "kpi3_bands:\n  '2025': [10, 30]\n  voormeting: [0, 5]\nkpi3_target: 70\n",
    )
    project = load_with(tmp_path)
    assert project.config.kpi3_bands == {"2025": (0.10, 0.30), "voormeting": (0.0, 0.05)}
    assert project.config.kpi3_target == pytest.approx(0.70)
    write(tmp_path, "wijknet.yaml", "")
    assert load_with(tmp_path).config.kpi3_bands["2027"] == (0.50, 0.80)


@pytest.mark.parametrize(
    "yaml_text",
    [
        "kpi3_bands: [1, 2]\n",
        "kpi3_bands:\n  '2025': [40, 20]\n",
        "kpi3_bands:\n  '2025': [0, 120]\n",
        "kpi3_target: veel\n",
    ],
)
def test_bad_kpi3_bands(tmp_path, yaml_text):
    write(tmp_path, "wijknet.yaml", yaml_text)
    [p] = problems(tmp_path)
    assert p.file == "wijknet.yaml" and "configuratie" in p.message


@pytest.mark.parametrize("value", ["inf", "Infinity", "-inf", "nan", "-1"])
def test_infinite_weight_is_refused_like_nan_and_negative(tmp_path, value):
    [p] = problems(tmp_path, ties=TIES.replace(",3,", f",{value},", 1))
    assert (p.file, p.row, p.column) == ("ties.csv", 2, "weight") and value in p.message


def test_renamed_domain_label_warns_like_other_renamed_labels(tmp_path):
    project = load_with(tmp_path, actors=ACTORS.replace("w1,Noord,welzijn", "w1,Noord,school"))
    assert project.actors.set_index("actor_id").loc["w1", "domain"] == "onderwijs"
    assert len(project.warnings) == 1 and "school → onderwijs" in project.warnings[0]


def test_project_without_ties_and_waves_stops_validate_and_analyse_cleanly(tmp_path):
    """ties.csv with only its header and no waves in wijknet.yaml: a message, not "metingen: ." or a traceback."""
    from typer.testing import CliRunner

    from wijknet.analysis.standard import analyse
    from wijknet.cli.app import app

    load_with(tmp_path, ties="wijk,wave,source,target\n")
    write(tmp_path, "wijknet.yaml", "title: leeg\n")
    for command in (
        ["validate", str(tmp_path)],
        ["analyse", str(tmp_path), "--out", str(tmp_path / "out")],
    ):
        result = CliRunner().invoke(app, command)
        assert result.exit_code != 0 and "Traceback" not in result.output, result.output
        assert "ties.csv" in result.output and "geen metingen" in result.output
    assert not (tmp_path / "out").exists()
    with pytest.raises(DataError, match="waves"):
        set_language("en")
        try:
            analyse(load_project(tmp_path))
        finally:
            set_language("nl")


def test_rtl_override_and_nul_in_a_name_are_removed_with_a_warning(tmp_path):
    project = load_with(tmp_path, actors=ACTORS.replace("Coach Fictief", "Coach\u202e Fictief\x00"))
    assert project.actors.set_index("actor_id").loc["w1", "name"] == "Coach Fictief"
    [warning] = project.warnings
    assert (
        warning.startswith("actors.csv, rij 4, kolom 'name'")
        and "U+202E" in warning
        and "U+0000" in warning
    )


# -- the onderstroom tables (issue 14): ratings, actor_waves, themes, the participation ladder ------------------


def _folder_with(folder, **tables):
    write(folder, "actors.csv", ACTORS)
    write(folder, "ties.csv", TIES)
    for name, content in tables.items():
        write(folder, f"{name}.csv", content)
    return folder


def _problems(folder, **tables):
    with pytest.raises(DataError) as err:
        load_project(_folder_with(folder, **tables))
    return [(p.file, p.row, p.column) for p in err.value.problems], err.value.problems


RATINGS = "wijk,wave,rater,rated,intensity,trust_open,trust_reliability,value_power\n"


def test_ratings_missing_items_and_weet_niet_are_nan(tmp_path):
    content = RATINGS + "Noord,2025,z1,z2,3,weet niet,,4\nNoord,2025,z2,z1,,Weet niet,2,\n"
    ratings = load_project(_folder_with(tmp_path, ratings=content)).ratings
    first, second = ratings.iloc[0], ratings.iloc[1]
    assert first["intensity"] == 3.0 and first["value_power"] == 4.0
    assert (
        pd.isna(first["trust_open"])
        and pd.isna(first["trust_reliability"])
        and pd.isna(first["trust_mission"])
    )
    assert (
        pd.isna(second["intensity"])
        and pd.isna(second["trust_open"])
        and second["trust_reliability"] == 2.0
    )


@pytest.mark.parametrize(("row", "where", "needle"), [
    ("Noord,2025,z1,z2,5,,,", ("ratings.csv", 2, "intensity"), "1 tot 4"),
    ("Noord,2025,z1,z2,2.5,,,", ("ratings.csv", 2, "intensity"), "1 tot 4"),
    ("Noord,2025,z1,zz,1,,,", ("ratings.csv", 2, "rated"), "onbekende actor 'zz'"),
    ("Noord,2025,z1,g1,1,,,", ("ratings.csv", 2, "rated"), "wijk 'Noord'"),  # a partner of another wijk
    ("Noord,2025,z1,z1,1,,,", ("ratings.csv", 2, "rated"), "zichzelf"),
])  # fmt: skip
def test_bad_ratings_name_file_row_and_column(tmp_path, row, where, needle):
    set_language("nl")
    found, problems = _problems(tmp_path, ratings=RATINGS + row + "\n")
    assert where in found
    assert any(needle in p.message for p in problems)


def test_duplicate_rating_names_the_first_row(tmp_path):
    set_language("nl")
    found, problems = _problems(
        tmp_path, ratings=RATINGS + "Noord,2025,z1,z2,1,,,\nNoord,2025,z1,z2,2,,,\n"
    )
    assert found == [("ratings.csv", 3, "rated")] and "rij 2" in problems[0].message


def test_actor_waves_validation(tmp_path):
    set_language("nl")
    content = "wijk,wave,actor_id,pluswijkteam\nNoord,2026,z1,misschien\nNoord,2026,zz,ja\nNoord,2026,w1,ja\nNoord,2026,w1,nee\n"
    found, _ = _problems(tmp_path, actor_waves=content)
    assert found == [("actor_waves.csv", 2, "pluswijkteam"), ("actor_waves.csv", 3, "actor_id"),
                     ("actor_waves.csv", 5, "actor_id")]  # fmt: skip


def test_themes_with_an_unknown_mentioned_actor(tmp_path):
    found, problems = _problems(
        tmp_path, themes="wijk,wave,interview_id,theme,actors\nNoord,2025,g1,vertrouwen,z1;g1\n"
    )
    assert found == [("themes.csv", 2, "actors")] and "g1" in problems[0].message


@pytest.mark.parametrize("step", ["6", "0", "meedoen", '"2,5"'])
def test_bad_ladder_steps(tmp_path, step):
    set_language("nl")
    found, problems = _problems(
        tmp_path, responses=f"wijk,wave,actor_id,participation_level\nNoord,2025,i1,{step}\n"
    )
    assert (
        found == [("responses.csv", 2, "participation_level")]
        and "participatieladder" in problems[0].message
    )


def test_ladder_codes_and_names_become_the_step_names(tmp_path):
    content = "wijk,wave,actor_id,participation_level\nNoord,2025,i1,2\nNoord,2025,z1,Meebeslissen\nNoord,2025,z2,weet niet\n"
    responses = load_project(_folder_with(tmp_path, responses=content)).responses
    assert responses["participation_level"].tolist() == ["raadplegen", "meebeslissen", ""]
