"""Every kind of bad tidy input gets a message naming file, row and column."""

from __future__ import annotations

import pytest

from tests.conftest import ACTORS, TIES, write
from wijknet import DataError, load_project
from wijknet.i18n import set_language


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
    assert project.actors.set_index("actor_id").loc["w1", "kernaanpakken"] == "Welzijn op Recept;Kernteam Ouderen"
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
    ps = problems(tmp_path, actors=ACTORS.replace("z2,Noord,zorg", "z2,,zorg").replace(",ja,Welzijn op Recept,ja", ",misschien,Welzijn op Recept,ja", 1))
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
    actors = ACTORS.replace("i1,Noord,inwoners", "i1,Noord,Kerk").replace("g1,Zuid,gemeente", "g1,Zuid,Sports club")
    project = load_with(tmp_path, actors=actors)
    assert len(project.warnings) == 1
    assert "Kerk" in project.warnings[0] and "Sports club" in project.warnings[0]
    assert set(project.actors["domain"]) == {"zorg", "welzijn", "Kerk", "Sports club"}


def test_domain_aliases_are_canonicalised(tmp_path):
    project = load_with(tmp_path, actors=ACTORS.replace("w1,Noord,welzijn", "w1,Noord,Sociaal domein"))
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
